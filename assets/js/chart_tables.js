/* Draw each chart's "Show as table" table from the JSON in its data-table attribute.
 *
 * A year switch then changes one attribute per table instead of mounting a few
 * dozen Dash components, each of which costs Dash's renderer a pass over the
 * whole page (see dashboard/components/chart.py).  Text goes in with
 * textContent only, never as markup.
 */
(function () {
  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined) {
      node.textContent = text;
    }
    Object.entries(attributes || {}).forEach(function ([name, value]) {
      node.setAttribute(name, value);
    });
    return node;
  }

  function build(data) {
    if (data.empty) {
      return element("p", data.empty, {class: "empty-state mb-0"});
    }
    const table = element("table", undefined, {
      class: "table table-sm chart-data-table caption-top mb-0",
    });
    table.append(element("caption", data.caption));
    const headRow = element("tr");
    data.columns.forEach(function (name, position) {
      headRow.append(element("th", name, position ? {scope: "col", class: "text-end"} : {scope: "col"}));
    });
    const head = element("thead");
    head.append(headRow);
    table.append(head);
    const body = element("tbody");
    data.rows.forEach(function (row) {
      const line = element("tr");
      line.append(element("th", row[0], {scope: "row", class: "fw-normal"}));
      row.slice(1).forEach(function (cell) {
        line.append(element("td", cell, {class: "text-end"}));
      });
      body.append(line);
    });
    table.append(body);
    // Scrolls sideways on a narrow screen; focusable and named, as scroll_table.py.
    const box = element("div", undefined, {
      class: "table-responsive", tabindex: "0", role: "region", "aria-label": data.caption,
    });
    box.append(table);
    return box;
  }

  function draw(holder) {
    const source = holder.getAttribute("data-table") || "";
    if (holder.drawnTable === source) {
      return;
    }
    holder.drawnTable = source;
    holder.replaceChildren(...(source ? [build(JSON.parse(source))] : []));
  }

  function drawWithin(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    if (node.hasAttribute("data-table")) {
      draw(node);
    }
    node.querySelectorAll("[data-table]").forEach(draw);
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) {
      if (record.type === "attributes") {
        draw(record.target);
      } else {
        record.addedNodes.forEach(drawWithin);
      }
    });
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-table"],
  });
  drawWithin(document.documentElement);
})();
