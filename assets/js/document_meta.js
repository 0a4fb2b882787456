/* Give the document the title and language written on #document-meta
 * (data-title, data-lang; see dashboard/app.py): by the layout on a first load,
 * by the URL callback after.  A script rather than a clientside callback: every
 * callback costs Dash's renderer some passes over the whole page, and the title
 * changes on every year switch.
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
