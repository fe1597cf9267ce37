// Accessibility fixes applied to every page while its cells render: inlined in each page's <head> by
// observablehq.config.ts (`kitAccessibility(document)`), since cells keep adding content after load. Generic: it
// knows no page. Plain JS with no imports (it is read as text); tested in jsdom (test/offline/accessibility.test.ts).

/**
 * Watches `doc` and, shortly after each change: gives a role to SVG elements that carry an ARIA name without one
 * (Plot's `<g aria-label="geo">` and its marks: role="group" for groups, role="img" for shapes); makes scroll
 * containers of the page focusable (tabindex="0") so the keyboard can scroll them (Inputs.table); names form
 * controls that have none (Inputs.table's row checkboxes, fields with only a placeholder).
 * @param {Document} doc
 * @returns {(root?: ParentNode) => void} the fixing pass, also callable directly
 */
function kitAccessibility(doc) {
  const SCROLLERS = ["form", "div", "pre", "figure", "table"]
    .map((t) => `#observablehq-main ${t}`)
    .join(", ");
  const hasName = (el) =>
    (el.labels && [...el.labels].some((l) => l.textContent.trim())) ||
    (el.getAttribute("aria-label") ?? "").trim() ||
    el.hasAttribute("aria-labelledby") ||
    (el.getAttribute("title") ?? "").trim();
  const nameFor = (el) => {
    if (el.type === "checkbox" && el.closest("table")) {
      if (el.closest("thead")) return "Sélectionner toutes les lignes";
      const row = el.closest("tr");
      const cells = row ? [...row.cells].map((c) => c.textContent.trim()).filter(Boolean) : [];
      return `Sélectionner la ligne ${cells[0] ?? ""}`.trim();
    }
    return el.getAttribute("placeholder") || el.getAttribute("name") || "Champ de saisie";
  };
  const fix = (root = doc) => {
    for (const el of root.querySelectorAll("svg [aria-label]:not([role])"))
      el.setAttribute("role", el.localName === "g" ? "group" : "img");
    for (const el of root.querySelectorAll("input:not([type=hidden]), select, textarea"))
      if (!hasName(el)) el.setAttribute("aria-label", nameFor(el));
    const view = doc.defaultView;
    for (const el of root.querySelectorAll(SCROLLERS)) {
      if (el.hasAttribute("tabindex") || el.closest(".cm-editor")) continue;
      if (el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth) continue;
      const style = view.getComputedStyle(el);
      if (/(auto|scroll)/.test(`${style.overflow} ${style.overflowX} ${style.overflowY}`))
        el.setAttribute("tabindex", "0");
    }
  };
  // At most one pass per 100 ms, even while a page keeps changing (a debounce could wait for ever).
  let timer = 0;
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = 0;
      fix();
    }, 100);
  };
  new doc.defaultView.MutationObserver(schedule).observe(doc.documentElement, {
    childList: true,
    subtree: true
  });
  schedule();
  return fix;
}
