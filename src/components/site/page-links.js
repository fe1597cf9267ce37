/**
 * Links between pages that work on any static server. Framework writes `.html` into the links it renders
 * (`preserveExtension` in observablehq.config.ts: sidebar, pager, search, links in Markdown), but not into the
 * links that pages build in JavaScript (`html\`<a href="./atelier?sql=…">\``). A plain server (Apache or IIS
 * with no rewrite rule, `python3 -m http.server`) maps `atelier` to no file; this module adds the extension to
 * those links as they appear, so that every page link names its file, whatever builds it.
 */

/**
 * The href of a link to a page of the site with `.html` added to its file name when it has no extension;
 * null when the link needs no change: another origin, outside the site, a folder (`./donnees/`), a file
 * with an extension, a Framework asset (`_file/`, `_npm/`…), or only a query or fragment (the same page).
 * @param {string} href the link as written (`./atelier?sql=…`, `../donnees/communes#schema`)
 * @param {string} baseUrl the page's address, against which `href` is resolved
 * @param {string} siteRoot the address of the site's root folder (ends with `/`)
 * @returns {string | null}
 */
export function htmlPageHref(href, baseUrl, siteRoot) {
  const cut = href.search(/[?#]/);
  const path = cut < 0 ? href : href.slice(0, cut);
  if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//")) return null;
  let url;
  try {
    url = new URL(href, baseUrl);
  } catch {
    return null;
  }
  if (!url.href.startsWith(siteRoot)) return null;
  const inside = url.pathname.slice(new URL(siteRoot).pathname.length);
  const name = inside.slice(inside.lastIndexOf("/") + 1);
  if (!name || name.includes(".") || inside.startsWith("_")) return null;
  return `${path}.html${cut < 0 ? "" : href.slice(cut)}`;
}

/**
 * Rewrites with {@link htmlPageHref} the `<a href>` of `root` now and whenever a link is added or changed
 * (a MutationObserver). Links with a `download` attribute are files, not pages, and are left alone.
 * @param {string} siteRoot the address of the site's root folder (ends with `/`)
 * @param {ParentNode & Node} [root]
 * @returns {MutationObserver}
 */
export function watchPageLinks(siteRoot, root = document) {
  const fix = (/** @type {Element} */ a) => {
    const href = a.getAttribute("href");
    if (href === null || a.hasAttribute("download")) return;
    const fixed = htmlPageHref(href, a.baseURI, siteRoot);
    if (fixed !== null) a.setAttribute("href", fixed);
  };
  const scan = (/** @type {Node} */ node) => {
    if (!(node instanceof Element)) return;
    if (node.matches("a[href]")) fix(node);
    for (const a of node.querySelectorAll("a[href]")) fix(a);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes") scan(record.target);
      else record.addedNodes.forEach(scan);
    }
  });
  observer.observe(root, {childList: true, subtree: true, attributes: true, attributeFilter: ["href"]});
  root.querySelectorAll("a[href]").forEach(fix);
  return observer;
}
