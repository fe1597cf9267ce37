/**
 * The script of every page (the `head` of observablehq.config.ts): page links built by cells get their `.html`
 * (page-links.js) and the text cells render gets French spacing (typography.js), as the build gives the static
 * text of the pages. This module is served as `<site>/_import/components/site/site-shell.<hash>.js`, so the site's
 * root folder is three levels up from it, wherever the site is published.
 */
import {watchPageLinks} from "./page-links.js";
import {watchFrenchSpacing} from "../formats/typography.js";

watchPageLinks(new URL("../../../", import.meta.url).href);
watchFrenchSpacing(document.body);
