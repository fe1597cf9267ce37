/**
 * The « Lire cette donnée » box: how to read a dataset (edition, reference, scale and direction, date of the
 * data, what it measures and does not, known limits, sources), from the `reading` facts of its declaration
 * (`loaders/core/reading.ts`). The same HTML is written into the défi pages at generation time
 * (`challenges/pages.ts`) and drawn on the catalogue page from the table's metadata.
 */
import {frenchSpacing} from "../formats/french-typography.js";

/** Escapes text for HTML and for Framework's `${…}` interpolation (the box is written into Markdown). */
function escape(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\$/g, "&#36;");
}

const prose = (text) => escape(frenchSpacing(text));

/**
 * The box as one HTML block without blank lines (safe inside Markdown). Open when the facts carry a warning.
 * @param {import("./reading-box").ReadingFacts} reading the declaration's `reading` facts
 * @param {{title: string, href?: string}} dataset the dataset's French title, and a link to its catalogue page
 * @returns {string}
 */
export function readingBoxHtml(reading, {title, href}) {
  // No link inside <summary> (a control nested in a control): the catalogue link is the box's first row.
  const name = prose(title);
  const rows = [
    href && ["Fiche du catalogue", `<a href="${escape(href)}">${prose(title)}</a>`],
    ["Édition", prose(reading.edition)],
    reading.reference && ["Référence", prose(reading.reference)],
    ["Échelle et sens", prose(reading.scale)],
    ["Date des données", prose(reading.dataDate)],
    ["Ce qu'elle mesure", prose(reading.measures)],
    ["Ce qu'elle ne mesure pas", prose(reading.doesNotMeasure)],
    ["Limites connues", `<ul>${reading.limits.map((l) => `<li>${prose(l)}</li>`).join("")}</ul>`],
    [
      "Sources",
      reading.sources
        .map((s) => (s.url ? `<a href="${escape(s.url)}">${prose(s.label)}</a>` : prose(s.label)))
        .join(" ; ")
    ]
  ].filter(Boolean);
  return [
    `<details class="kit-reading"${reading.warning ? " open" : ""}>`,
    `<summary><strong>Lire cette donnée</strong>${frenchSpacing(" :")} ${name}</summary>`,
    ...(reading.warning ? [`<p class="kit-reading-warning">${prose(reading.warning)}</p>`] : []),
    `<dl class="kit-provenance">`,
    ...rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`),
    `</dl>`,
    `</details>`
  ].join("\n");
}

/**
 * The box as an element, for a page that has the facts at run time (the catalogue page, from meta.json).
 * @param {import("./reading-box").ReadingFacts} reading
 * @param {{title: string, href?: string}} dataset
 * @returns {HTMLElement}
 */
export function readingBox(reading, dataset) {
  const template = document.createElement("template");
  template.innerHTML = readingBoxHtml(reading, dataset);
  return /** @type {HTMLElement} */ (template.content.firstElementChild);
}
