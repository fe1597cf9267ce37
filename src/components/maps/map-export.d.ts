/** Lines of `text` no wider than `maxWidth` as measured (breaks at spaces; over-long words cut). */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[];
/** Width (px) of texts in a CSS font: canvas measureText, or an estimate where there is no canvas. */
export function textMeasure(font: string): (text: string) => number;
/** One SVG stacking the parts, then the title and lines of text wrapped to its width (one tspan a line). */
export function composeSvg(
  parts: SVGSVGElement[] | Element[],
  text?: {title?: string; lines?: string[]; measure?: (font: string) => (text: string) => number}
): SVGSVGElement;
/** An SVG of width × height showing one image (e.g. a canvas as a PNG data URL). */
export function imageSvg(href: string, width: number, height: number): SVGSVGElement;
/** An SVG element serialised to a file's text. */
export function svgText(svg: SVGSVGElement): string;
/** An SVG element rasterised to a PNG blob (white background, `scale` × its size). */
export function svgToPng(svg: SVGSVGElement, scale?: number): Promise<Blob>;
/** The two export buttons of a map (SVG and PNG). */
export function exportButtons(
  build: () => SVGSVGElement,
  filename: string,
  buildRaster?: () => SVGSVGElement
): HTMLDivElement;
/** A file name from a title: lower case ASCII, dashes. */
export function slug(title: string | null | undefined): string;
