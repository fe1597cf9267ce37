// Export of a map (legend + map + attribution) to SVG and PNG files, from buttons under the map. Browser only.

const SVG_NS = "http://www.w3.org/2000/svg";
/** Font of the texts of an export (the canvas measures them in it: keep both the same). */
const FONT_FAMILY = "system-ui, sans-serif";
/** Left and right margin of the texts of an export (px). */
const MARGIN = 4;
/** Line height of the continuation lines of a wrapped text, in font sizes. */
const LINE_HEIGHT = 1.3;

/**
 * Splits a text into lines no wider than `maxWidth`: at spaces (U+0020 only: the no-break spaces of French
 * typography and numbers hold), greedily, each line as full as it can be; a word wider than a line on its own (a
 * file name, an address) is cut after the last character that fits, or after the last `/`, `-`, `_`, `.` or `,`
 * that fits when that keeps at least half as many characters. Line breaks in the text are kept. Pure: widths come
 * from `measure`.
 * @param {string} text
 * @param {number} maxWidth
 * @param {(text: string) => number} measure width of a piece of text, in the unit of maxWidth
 * @returns {string[]} at least one line (an empty one for an empty text); every line is one character or fits
 */
export function wrapText(text, maxWidth, measure) {
  const lines = [];
  const fits = (t) => measure(t) <= maxWidth;
  for (const paragraph of String(text).split("\n")) {
    let line = "";
    for (let word of paragraph.split(" ").filter(Boolean)) {
      const joined = line ? `${line} ${word}` : word;
      if (fits(joined)) {
        line = joined;
        continue;
      }
      if (line) lines.push(line);
      while (!fits(word) && word.length > 1) {
        // The longest prefix that fits (at least one character), cut after a separator in its second half.
        let lo = 1;
        let hi = word.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (fits(word.slice(0, mid))) lo = mid;
          else hi = mid - 1;
        }
        const separator = Math.max(...[..."/-_.,"].map((c) => word.lastIndexOf(c, lo - 1)));
        const cut = separator >= lo / 2 ? separator + 1 : lo;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

let measureContext;
/**
 * Width (px) of a text in a CSS font, as the browser draws it (canvas measureText); where there is no canvas
 * (tests in jsdom), an estimate of 0.6 em a character, wider than most system-ui text.
 * @param {string} font a CSS font, e.g. "bold 16px system-ui, sans-serif"
 * @returns {(text: string) => number}
 */
export function textMeasure(font) {
  if (measureContext === undefined)
    measureContext = globalThis.document?.createElement("canvas").getContext?.("2d") ?? null;
  if (measureContext)
    return (text) => {
      measureContext.font = font;
      return measureContext.measureText(text).width;
    };
  const size = Number(/([\d.]+)px/.exec(font)?.[1] ?? 16);
  return (text) => text.length * size * 0.6;
}

/**
 * One standalone SVG stacking the given SVG elements vertically, then lines of text (title first, then the
 * others: legend notes, attribution). Texts are wrapped to the width of the widest element ({@link wrapText}),
 * one <tspan> per line, and the height grows with them; the PNG export rasterises this same SVG.
 * @param {SVGSVGElement[]} parts
 * @param {{title?: string, lines?: string[], measure?: (font: string) => (text: string) => number}} [text]
 *   `measure`: widths of texts in a CSS font (default {@link textMeasure})
 * @returns {SVGSVGElement}
 */
export function composeSvg(parts, {title, lines = [], measure = textMeasure} = {}) {
  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("font-family", FONT_FAMILY);
  const sizeOf = (part, name, fallback) =>
    +(part.getAttribute(name) ?? part.viewBox?.baseVal?.[name] ?? fallback);
  const width = Math.max(0, ...parts.map((part) => sizeOf(part, "width", 640)));
  let y = 0;
  const text = (content, size, weight) => {
    const t = document.createElementNS(SVG_NS, "text");
    t.setAttribute("font-size", String(size));
    if (weight) t.setAttribute("font-weight", weight);
    const font = `${weight ?? "normal"} ${size}px ${FONT_FAMILY}`;
    wrapText(content, width - 2 * MARGIN, measure(font)).forEach((line, i) => {
      y += i ? Math.round(size * LINE_HEIGHT) : size + 6;
      const span = document.createElementNS(SVG_NS, "tspan");
      span.setAttribute("x", String(MARGIN));
      span.setAttribute("y", String(y - 4));
      span.textContent = line;
      t.append(span);
    });
    out.append(t);
  };
  if (title) text(title, 16, "bold");
  for (const part of parts) {
    const copy = /** @type {SVGSVGElement} */ (part.cloneNode(true));
    copy.setAttribute("x", "0");
    copy.setAttribute("y", String(y));
    out.append(copy);
    y += sizeOf(part, "height", 400) + 4;
  }
  for (const line of lines) text(line, 11);
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(y + 4));
  out.setAttribute("viewBox", `0 0 ${width} ${y + 4}`);
  return out;
}

/**
 * An SVG element of width × height showing one image (e.g. a canvas as a PNG data URL), to stack with
 * {@link composeSvg}.
 */
export function imageSvg(href, width, height) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  const image = document.createElementNS(SVG_NS, "image");
  image.setAttribute("href", href);
  image.setAttribute("width", String(width));
  image.setAttribute("height", String(height));
  svg.append(image);
  return svg;
}

function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Serialises an SVG element to a file's text. */
export function svgText(svg) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Rasterises an SVG element to a PNG blob (white background, `scale` × its size). */
export function svgToPng(svg, scale = 2) {
  const width = +svg.getAttribute("width");
  const height = +svg.getAttribute("height");
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svgText(svg)], {type: "image/svg+xml"}));
  return new Promise((resolve, reject) => {
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * scale;
      canvas.height = height * scale;
      const context = canvas.getContext("2d");
      context.fillStyle = "white";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG: échec du rendu"))), "image/png");
    };
    image.onerror = () => reject(new Error("PNG: image SVG illisible"));
    image.src = url;
  });
}

/**
 * The two export buttons of a map.
 * @param {() => SVGSVGElement} build returns the SVG to export (built on click)
 * @param {string} filename without extension
 * @param {() => SVGSVGElement} [buildRaster] returns the SVG to rasterise for the PNG (default `build`)
 */
export function exportButtons(build, filename, buildRaster = build) {
  const div = document.createElement("div");
  div.className = "kit-map-export";
  const button = (label, onClick) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    div.append(b);
  };
  button("Exporter en SVG", () =>
    download(new Blob([svgText(build())], {type: "image/svg+xml"}), `${filename}.svg`)
  );
  button("Exporter en PNG", async () => download(await svgToPng(buildRaster()), `${filename}.png`));
  return div;
}

/** A file name from a title: lower case ASCII, dashes. */
export function slug(title) {
  return (
    String(title ?? "carte")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "carte"
  );
}
