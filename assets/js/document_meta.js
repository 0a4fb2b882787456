/* Give the document the title and language written on #document-meta
 * (data-title, data-lang; see dashboard/shell/frame.py), when the frame is
 * drawn and when a switch updates it.  A script rather than a clientside
 * callback: every callback costs Dash's renderer some passes over the whole
 * page, and the title changes on every year switch (one callback fewer per
 * switch; fourth round in bench/HISTORY.md, python bench/bench_renderer.py).
 */
(function () {
  function apply() {
    const meta = document.getElementById("document-meta");
    if (!meta) {
      return;
    }
    const title = meta.getAttribute("data-title");
    const lang = meta.getAttribute("data-lang");
    if (title && document.title !== title) {
      document.title = title;
    }
    if (lang && document.documentElement.lang !== lang) {
      document.documentElement.lang = lang;
    }
  }

  new MutationObserver(apply).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-title", "data-lang"],
  });
})();
