/** Which non-colour fill: secret values (hatching) or no data (dots). */
export type PatternKind = "secret" | "missing";
/** One pattern: tile size (CSS px), background, ink, mark, line width (hatch) or dot radius (dots), legend label. */
export interface MapPattern {
  label: string;
  size: number;
  background: string;
  ink: string;
  mark: "hatch" | "dots";
  width: number;
  radius: number;
}
/** The patterns of secret values and of territories without data. */
export const MAP_PATTERNS: Readonly<Record<PatternKind, Readonly<MapPattern>>>;
/** Fill keys of canvas maps for these territories. */
export const PATTERN_KEYS: Readonly<Record<PatternKind, string>>;
/** The sentence that tells the two patterns apart, under exported maps. */
export const PATTERN_NOTE: string;
/** The id of pattern `kind` among the patterns of `prefix`. */
export function patternId(prefix: string, kind: PatternKind): string;
/** `url(#…)` of pattern `kind` of `prefix`. */
export function patternFill(prefix: string, kind: PatternKind): string;
/** The SVG markup of one <pattern>. */
export function patternMarkup(kind: PatternKind, id: string): string;
/** The markup of a <defs> with both patterns of `prefix`. */
export function patternDefsMarkup(prefix: string): string;
/** A <defs> element with both patterns of `prefix`. */
export function patternDefs(prefix: string): SVGDefsElement;
/** A legend swatch painted with pattern `kind`, then its label. */
export function patternSwatch(kind: PatternKind, prefix: string): HTMLSpanElement;
/** Paints the tile of pattern `kind` at `ratio`; returns its side in device pixels. */
export function paintTile(
  context: {
    fillStyle: unknown;
    fillRect(x: number, y: number, w: number, h: number): void;
    beginPath(): void;
    arc(x: number, y: number, r: number, a0: number, a1: number): void;
    fill(): void;
  },
  kind: PatternKind,
  ratio: number
): number;
/** Both patterns as canvas fills, keyed by {@link PATTERN_KEYS}. */
export function canvasPatterns(
  context: CanvasRenderingContext2D,
  ratio: number
): Record<string, CanvasPattern | string>;
