// Export of a map (legend + map + attribution) to SVG and PNG files, from buttons under the map. Browser only.

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * One standalone SVG stacking the given SVG elements vertically, then lines of text (title, attribution).
 * @param {SVGSVGElement[]} parts
 * @param {{title?: string, lines?: string[]}} [text]
 * @returns {SVGSVGElement}
 */
export function composeSvg(parts, {title, lines = []} = {}) {
  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("font-family", "system-ui, sans-serif");
  let y = 0;
  let width = 0;
  const text = (content, size, weight) => {
    const t = document.createElementNS(SVG_NS, "text");
    y += size + 6;
    t.setAttribute("x", "4");
    t.setAttribute("y", String(y - 4));
    t.setAttribute("font-size", String(size));
    if (weight) t.setAttribute("font-weight", weight);
    t.textContent = content;
    out.append(t);
  };
  if (title) text(title, 16, "bold");
  for (const part of parts) {
    const w = +(part.getAttribute("width") ?? part.viewBox?.baseVal?.width ?? 640);
    const h = +(part.getAttribute("height") ?? part.viewBox?.baseVal?.height ?? 400);
    const copy = part.cloneNode(true);
    copy.setAttribute("x", "0");
    copy.setAttribute("y", String(y));
    out.append(copy);
    y += h + 4;
    width = Math.max(width, w);
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
