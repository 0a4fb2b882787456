/* Draw each block whose content is JSON in its data-markup attribute.
 *
 * See dashboard/components/markup.py: a year switch changes one attribute per
 * block instead of mounting dozens of Dash components.  Elements are created
 * one by one from a fixed list of tags and attributes; text goes in as text
 * nodes, never as markup.
 */
(function () {
  const TAGS = new Set(["caption", "div", "li", "p", "span", "table", "tbody", "td", "th", "thead", "time", "tr", "ul"]);
  const ATTRIBUTE = /^(class|colspan|datetime|lang|role|rowspan|scope|tabindex|title|(data|aria)-[a-z0-9-]+)$/;

  function build(node) {
    if (typeof node === "string") {
      return document.createTextNode(node);
    }
    if (Array.isArray(node)) {
      const fragment = document.createDocumentFragment();
      node.forEach(function (child) {
        fragment.append(build(child));
      });
      return fragment;
    }
    if (!TAGS.has(node.t)) {
      throw new Error("markup.js: tag not allowed: " + node.t);
    }
    const element = document.createElement(node.t);
    Object.entries(node.a || {}).forEach(function ([name, value]) {
      if (!ATTRIBUTE.test(name)) {
        throw new Error("markup.js: attribute not allowed: " + name);
      }
      element.setAttribute(name, value);
    });
    Object.entries(node.s || {}).forEach(function ([name, value]) {
      element.style.setProperty(name, value);
    });
    element.append(build(node.c || []));
    return element;
  }

  function draw(holder) {
    const source = holder.getAttribute("data-markup") || "";
    if (holder.drawnMarkup === source) {
      return;
    }
    holder.drawnMarkup = source;
    holder.replaceChildren(build(source ? JSON.parse(source) : []));
  }

  function drawWithin(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    if (node.hasAttribute("data-markup")) {
      draw(node);
    }
    node.querySelectorAll("[data-markup]").forEach(draw);
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
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-markup"],
  });
  drawWithin(document.documentElement);
})();
