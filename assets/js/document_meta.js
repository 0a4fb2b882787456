/* Give the document the title and language that the URL callback writes on
 * #document-meta (data-title, data-lang; see dashboard/app.py).  A script
 * rather than a clientside callback: every callback costs Dash's renderer some
 * passes over the whole page, and the title changes on every year switch.
 */
(function () {
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      const value = record.target.getAttribute(record.attributeName);
      if (record.target.id !== "document-meta" || !value) {
        return;
      }
      if (record.attributeName === "data-title") {
        document.title = value;
      } else {
        document.documentElement.lang = value;
      }
    });
  }).observe(document.documentElement, {
    subtree: true, attributes: true, attributeFilter: ["data-title", "data-lang"],
  });
})();
