"""Where text is drawn: a check of the rendered page that every browser test can run.

``layout_problems(driver)`` looks at the page as it is drawn and returns one
line per problem:

- in every Plotly chart of the page (every ``.js-plotly-plot``, so a new chart
  is checked without being named): each text it draws (title, axis titles,
  tick labels, legend entries, notes, colour-bar labels) lies inside the
  chart's box, and no two of these texts overlap;
- in the HTML around the charts: no element is wider than the element that
  holds it (or the window), no text is cut by ``overflow: hidden``, and no
  card is stretched into an empty box (more empty room under its content than
  the content's height).

Boxes come from ``getBoundingClientRect()``; ``TOLERANCE`` pixels are allowed
for anti-aliasing and rounding.  Content meant to scroll sideways (a table in
a scroll box) and visually hidden text (``.visually-hidden``) are not
problems.

``resize(driver, width)`` sets the window's width and waits until every chart
has been laid out again for it.
"""

from __future__ import annotations

from selenium.webdriver.support.ui import WebDriverWait

TOLERANCE = 2
# A card whose box runs this many pixels below its content, and more than the
# content's own height, is an empty box.
EMPTY_CARD = 48
WIDTHS = (375, 768, 1400, 1920)
HEIGHT = 900

CHECK = """
const [tolerance, emptyCard] = arguments;
const problems = [];
const label = (e) => (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
const visible = (e) => {
  const r = e.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  for (let n = e; n && n.nodeType === 1; n = n.parentNode) {
    const s = getComputedStyle(n);
    if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) {
      return false;
    }
  }
  return true;
};
const overlap = (a, b) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;

// Every text a chart draws: <text> elements of its SVG layers (not the hover layer).
const TEXTS = 'text.gtitle, .g-gtitle text, .g-xtitle text, .g-ytitle text, .g-x2title text, ' +
  '.xtick text, .ytick text, .x2tick text, .y2tick text, .legendtext, .annotation-text, ' +
  '.cbtitle text, .cbaxis text, .colorbar text';
document.querySelectorAll('.js-plotly-plot').forEach((plot) => {
  if (!visible(plot)) return;
  const name = (plot.closest('[id]') || plot).id ||
    (plot.parentElement && plot.parentElement.id) || 'chart';
  const box = plot.getBoundingClientRect();
  const texts = Array.from(new Set(plot.querySelectorAll(TEXTS)))
    .filter((t) => label(t) && visible(t) && !t.closest('.hoverlayer'))
    .map((t) => ({text: label(t), rect: t.getBoundingClientRect()}));
  texts.forEach(({text, rect}) => {
    if (rect.left < box.left - tolerance || rect.right > box.right + tolerance ||
        rect.top < box.top - tolerance || rect.bottom > box.bottom + tolerance) {
      problems.push(`chart ${name}: "${text}" outside the chart ` +
        `(text ${Math.round(rect.left)}-${Math.round(rect.right)} x ` +
        `${Math.round(rect.top)}-${Math.round(rect.bottom)}, chart ` +
        `${Math.round(box.left)}-${Math.round(box.right)} x ` +
        `${Math.round(box.top)}-${Math.round(box.bottom)})`);
    }
  });
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (overlap(texts[i].rect, texts[j].rect)) {
        problems.push(`chart ${name}: "${texts[i].text}" overlaps "${texts[j].text}"`);
      }
    }
  }
});

// The HTML: nothing wider than the window or its container, no text cut.
const classes = (e) => (typeof e.className === 'string' && e.className.trim()
  ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + classes(e);
if (document.documentElement.scrollWidth > window.innerWidth + tolerance) {
  problems.push(`page ${document.documentElement.scrollWidth} px wide in a ` +
    `${window.innerWidth} px window`);
}
const scrolls = (e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
const skipped = (e) => e.closest('.js-plotly-plot, .visually-hidden, .skip-link, [hidden]');
document.querySelectorAll('body *').forEach((e) => {
  if (e instanceof SVGElement || skipped(e) || !visible(e)) return;
  const style = getComputedStyle(e);
  if (style.position === 'fixed') return;
  const parent = e.parentElement;
  if (parent && parent !== document.body && !scrolls(parent) && style.position !== 'absolute' &&
      !parent.closest('.table-responsive, .scroll-table')) {
    const r = e.getBoundingClientRect();
    const p = parent.getBoundingClientRect();
    // A negative margin (a Bootstrap row's gutter) reaches out of the parent on purpose.
    const bleedLeft = Math.max(0, -parseFloat(style.marginLeft));
    const bleedRight = Math.max(0, -parseFloat(style.marginRight));
    if (r.right > p.right + bleedRight + tolerance || r.left < p.left - bleedLeft - tolerance) {
      const span = (box) => `${Math.round(box.left)}-${Math.round(box.right)}`;
      problems.push(`${describe(e)} ("${label(e)}") is wider than ${describe(parent)} ` +
        `(${span(r)} in ${span(p)})`);
    }
  }
  const clips = (value) => value === 'hidden' || value === 'clip';
  // A box of 1 px is text hidden on purpose (Bootstrap's visually-hidden pattern).
  if (!label(e) || e.clientWidth <= 1 || e.clientHeight <= 1) return;
  if ((clips(style.overflowX) && e.scrollWidth > e.clientWidth + tolerance) ||
      (clips(style.overflowY) && e.scrollHeight > e.clientHeight + tolerance)) {
    problems.push(`${describe(e)}: text cut by overflow hidden ("${label(e)}", ` +
      `${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
  }
});
// A card stretched far below its content (to the height of a chart beside it).
document.querySelectorAll('.card').forEach((card) => {
  if (!visible(card)) return;
  const bottom = Math.max(...Array.from(card.querySelectorAll('*'))
    .filter((e) => !e.classList.contains('card-body') && visible(e))
    .map((e) => e.getBoundingClientRect().bottom));
  const box = card.getBoundingClientRect();
  const empty = box.bottom - bottom;
  // Cards in a row share the tallest one's height: a little room under the text is fine.
  if (empty > Math.max(emptyCard, bottom - box.top)) {
    problems.push(`${describe(card)} ("${label(card)}") has ${Math.round(empty)} px ` +
      'of empty box under its content');
  }
});
return problems;
"""

# Every chart laid out for the window's width: plotly.js has drawn each at the
# width of the element holding it, and no drawing is pending.
LAID_OUT = """
const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
return plots.every((plot) => {
  if (!plot.offsetParent) return true;
  const layout = plot._fullLayout;
  return !!layout && Math.abs(layout.width - plot.clientWidth) <= 1 &&
    !(plot._transitionData && plot._transitionData._interruptCallbacks &&
      plot._transitionData._interruptCallbacks.length);
});
"""


def layout_problems(driver) -> list[str]:
    """One line per text that is cut, outside its chart or over another text."""
    return driver.execute_script(CHECK, TOLERANCE, EMPTY_CARD)


def wait_for_layout(driver, timeout: float = 20) -> None:
    """Wait until every chart is drawn at its holder's width, twice in a row (plotly.js
    may lay a chart out again once it has measured its labels)."""
    seen = []

    def settled(d) -> bool:
        seen.append(bool(d.execute_script(LAID_OUT)))
        return seen[-2:] == [True, True]

    WebDriverWait(driver, timeout, poll_frequency=0.15).until(settled)


def resize(driver, width: int) -> None:
    """Make the window ``width`` CSS pixels wide (a phone below Bootstrap's ``sm``)
    and wait for the charts to follow."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 576},
    )
    wait_for_layout(driver)
