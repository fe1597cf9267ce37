/**
 * The href of a link to a page of the site with `.html` added to its file name, or null when it needs none
 * (another origin, outside `siteRoot`, a folder, a file with an extension, a `_` asset, a query or fragment only).
 */
export function htmlPageHref(href: string, baseUrl: string, siteRoot: string): string | null;
/** Rewrites the page links under `root` (default: the document) now and as they are added or changed. */
export function watchPageLinks(siteRoot: string, root?: ParentNode & Node): MutationObserver;
