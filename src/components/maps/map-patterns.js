// The two fills of maps that are not colours, so that colour is never the only carrier of their meaning: secret
// values (« masqué », hatching) and territories without data (« pas de donnée », dots). One drawing of each, used by
// SVG maps (<pattern>), canvas maps (CanvasPattern), legends (swatches) and the home page's thumbnails.

/**
 * The patterns: a square tile of `size` CSS pixels, a `background` and marks in `ink` (`hatch`: one line, the tile
 * turned 45°; `dots`: a dot of radius `radius` at the centre), and the text the legend writes beside it.
 * @type {Readonly<Record<"secret" | "missing", {label: string, size: number, background: string, ink: string,
 *   mark: "hatch" | "dots", width: number, radius: number}>>}
 */
export const MAP_PATTERNS = Object.freeze({
  secret: Object.freeze({
    label: "masqué (petit effectif)",
    size: 6,
    background: "#f2f2f2",
    ink: "#555",
    mark: "hatch",
    width: 1.6,
    radius: 0
  }),
  missing: Object.freeze({
    label: "pas de donnée",
    size: 5,
    background: "#dcdcdc",
    ink: "#6e6e6e",
    mark: "dots",
    width: 0,
    radius: 0.9
  })
});

/** The fill keys canvas maps give to these territories (see {@link canvasPatterns}). */
export const PATTERN_KEYS = Object.freeze({secret: "pattern:secret", missing: "pattern:missing"});

/** What the exports write under a map to tell the two patterns apart. */
export const PATTERN_NOTE =
  "Pointillés gris : pas de donnée ; hachures : masqué (petit effectif, règle du kit).";

/** The id of pattern `kind` among the patterns of `prefix` (one prefix per drawn map: ids are unique in a page). */
export function patternId(prefix, kind) {
  return `${prefix}-${kind}`;
}

/** The SVG fill that paints pattern `kind`, once {@link patternDefs} of the same prefix is in the SVG. */
export function patternFill(prefix, kind) {
  return `url(#${patternId(prefix, kind)})`;
}

/** The SVG markup of one <pattern> element, with the given id. */
export function patternMarkup(kind, id) {
  const p = MAP_PATTERNS[kind];
  if (!p) throw new Error(`map-patterns : motif inconnu ${kind}`);
  const s = p.size;
  const tile = `<rect width="${s}" height="${s}" fill="${p.background}"/>`;
  if (p.mark === "hatch")
    return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${s}" height="${s}" patternTransform="rotate(45)">${tile}<line x1="0" y1="0" x2="0" y2="${s}" stroke="${p.ink}" stroke-width="${p.width}"/></pattern>`;
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${s}" height="${s}">${tile}<circle cx="${s / 2}" cy="${s / 2}" r="${p.radius}" fill="${p.ink}"/></pattern>`;
}

/** The markup of a <defs> holding both patterns of `prefix`. */
export function patternDefsMarkup(prefix) {
  const patterns = Object.keys(MAP_PATTERNS).map((kind) => patternMarkup(kind, patternId(prefix, kind)));
  return `<defs>${patterns.join("")}</defs>`;
}

/** A <defs> element holding both patterns of `prefix`, to prepend to an SVG. */
export function patternDefs(prefix) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.innerHTML = patternDefsMarkup(prefix);
  return /** @type {SVGDefsElement} */ (svg.firstChild);
}

/**
 * A legend swatch: a small rectangle painted with pattern `kind` (its own <defs>: the swatch works outside the map's
 * SVG), followed by the pattern's label. Decorative for screen readers; the label is the text.
 */
export function patternSwatch(kind, prefix) {
  const span = document.createElement("span");
  span.className = "kit-map-swatch";
  span.dataset.pattern = kind;
  span.innerHTML = `<svg width="18" height="12" aria-hidden="true">${patternDefsMarkup(prefix)}<rect width="18" height="12" fill="${patternFill(prefix, kind)}" stroke="#999" stroke-width="0.5"/></svg> ${MAP_PATTERNS[kind].label}`;
  return span;
}

/**
 * Paints the tile of pattern `kind` on a 2D context of `size × ratio` device pixels (`size` of the pattern): the
 * background, then the marks. The canvas twin of {@link patternMarkup}.
 * @param {{fillStyle: unknown, fillRect: Function, beginPath: Function, arc: Function, fill: Function}} context
 */
export function paintTile(context, kind, ratio) {
  const p = MAP_PATTERNS[kind];
  const side = Math.round(p.size * ratio);
  context.fillStyle = p.background;
  context.fillRect(0, 0, side, side);
  context.fillStyle = p.ink;
  if (p.mark === "hatch") {
    // The visible half of a line centred on the tile's edge (the other half is off the tile, as in the SVG).
    context.fillRect(0, 0, (p.width / 2) * ratio, side);
  } else {
    context.beginPath();
    context.arc(side / 2, side / 2, p.radius * ratio, 0, 2 * Math.PI);
    context.fill();
  }
  return side;
}

/**
 * Both patterns as CanvasPatterns for `context` at `ratio` device pixels per CSS pixel, keyed by
 * {@link PATTERN_KEYS} (the `patterns` of `paintGroups`).
 */
export function canvasPatterns(context, ratio) {
  /** @type {Record<string, CanvasPattern | string>} */
  const out = {};
  for (const kind of /** @type {const} */ (["secret", "missing"])) {
    const tile = document.createElement("canvas");
    const t = tile.getContext("2d");
    if (!t) {
      out[PATTERN_KEYS[kind]] = MAP_PATTERNS[kind].background;
      continue;
    }
    tile.width = tile.height = Math.round(MAP_PATTERNS[kind].size * ratio);
    paintTile(t, kind, ratio);
    const pattern = context.createPattern(tile, "repeat");
    const turn = MAP_PATTERNS[kind].mark === "hatch" ? 45 : 0;
    pattern?.setTransform?.(new DOMMatrix().rotate(turn).scale(1 / ratio));
    out[PATTERN_KEYS[kind]] = pattern ?? MAP_PATTERNS[kind].background;
  }
  return out;
}
