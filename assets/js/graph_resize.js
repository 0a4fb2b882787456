/* Skip the redraw of a chart whose box has not changed size.
 *
 * dcc.Graph asks plotly.js to resize a chart whenever its box is observed, and
 * a ResizeObserver observes every box once as it appears: each chart on a page
 * was drawn, then drawn again 150 ms later at the same size.  plotly.js redraws
 * on any resize request, so a request for the size a chart already has is
 * answered here; any other goes to plotly.js as before.  Price tag: each
 * chart drawn once instead of twice, the page settling some 200 ms sooner
 * (fifth round in bench/HISTORY.md, python bench/bench_page_load.py).
 */
(function () {
  const Plots = window.Plotly && window.Plotly.Plots;
  if (!Plots || !Plots.resize) {
    return;
  }
  const resize = Plots.resize;

  function unchanged(gd) {
    const full = gd && gd._fullLayout;
    if (!full || !gd.layout || gd._redrawTimer) {
      return false;
    }
    const style = window.getComputedStyle(gd);
    return (
      Math.abs(parseFloat(style.width) - full.width) <= 1 &&
      Math.abs(parseFloat(style.height) - full.height) <= 1
    );
  }

  Plots.resize = function (gd) {
    const element = typeof gd === "string" ? document.getElementById(gd) : gd;
    return unchanged(element) ? Promise.resolve(element) : resize.apply(this, arguments);
  };
})();
