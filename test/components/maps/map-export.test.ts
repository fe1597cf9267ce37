// @vitest-environment jsdom
/** Map exports: wrapping of the text lines (pure) and their layout in the exported SVG. */
import {describe, expect, it} from "vitest";
import {composeSvg, textMeasure, wrapText} from "../../../src/components/maps/map-export.js";

/** One unit per character: a monospace measure. */
const chars = (text: string) => text.length;
const SOURCE =
  "Sources : INSEE, recensement de la population 2021 ; IGN, ADMIN EXPRESS COG 2025 ; traitement de l'équipe";

describe("wrapText", () => {
  it("breaks at spaces, each line as full as it can be, and loses no word", () => {
    for (const maxWidth of [12, 20, 33, 60]) {
      const lines = wrapText(SOURCE, maxWidth, chars);
      expect(lines.join(" ")).toBe(SOURCE);
      for (const line of lines) {
        expect(line.length).toBeLessThanOrEqual(maxWidth);
        expect(line).toBe(line.trim());
      }
      // Greedy: the next line's first word would not have fitted at the end of a line.
      for (let i = 0; i + 1 < lines.length; i++)
        expect(`${lines[i]} ${lines[i + 1]!.split(" ")[0]}`.length).toBeGreaterThan(maxWidth);
    }
  });
  it("leaves a text that fits as it is, and keeps its line breaks", () => {
    expect(wrapText(SOURCE, SOURCE.length, chars)).toEqual([SOURCE]);
    expect(wrapText("Gris : pas de donnée\nhachures : secret", 100, chars)).toEqual([
      "Gris : pas de donnée",
      "hachures : secret"
    ]);
    expect(wrapText("", 10, chars)).toEqual([""]);
  });
  it("never breaks at the no-break spaces of French numbers and punctuation", () => {
    const number = "1\u202f234\u202f567";
    for (const maxWidth of [number.length, number.length + 4, 16])
      expect(
        wrapText(`Population : ${number} habitants\u00a0!`, maxWidth, chars).some((line) =>
          line.includes(number)
        )
      ).toBe(true);
    expect(wrapText("pas de donnée\u00a0!", 14, chars).at(-1)).toBe("donnée\u00a0!");
  });
  it("cuts a word wider than a line after a separator, else where it must, keeping every character", () => {
    const url = "https://www.data.gouv.fr/fr/datasets/contours-administratifs-communes-2025/";
    const pieces = wrapText(url, 20, chars);
    expect(pieces.join("")).toBe(url);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(20);
    // After a separator unless the piece has none in its second half (the cut would leave a short line).
    const separators = /[/\-_.,]/;
    expect(pieces.filter((piece) => separators.test(piece.at(-1)!)).length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1))
      if (!separators.test(piece.at(-1)!)) expect(piece.slice(piece.length / 2)).not.toMatch(separators);
    const word = "a".repeat(45);
    expect(wrapText(word, 20, chars).map((p) => p.length)).toEqual([20, 20, 5]);
    // Narrower than a character: one character a line, and it ends.
    expect(wrapText("abc de", 0.5, chars)).toEqual(["a", "b", "c", "d", "e"]);
  });
  it("fits lines by measured width, not by number of characters", () => {
    const widths: Record<string, number> = {W: 3, M: 3, i: 0.5, l: 0.5, " ": 1};
    const measure = (text: string) => [...text].reduce((sum, c) => sum + (widths[c] ?? 1.5), 0);
    for (const text of ["WWW MMM ill lil WMW", "WWW MMM WWW MMM WWW", "iii lll iii lll iii"]) {
      const lines = wrapText(text, 14, measure);
      expect(lines.join(" ")).toBe(text);
      for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(14);
    }
    // As many characters, narrow ones hold on fewer lines.
    expect(wrapText("iii lll iii lll iii", 14, measure).length).toBeLessThan(
      wrapText("WWW MMM WWW MMM WWW", 14, measure).length
    );
  });
});

describe("composeSvg", () => {
  const part = (width: number, height: number) => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    return svg;
  };
  /** Half the font size a character, bold a bit wider; records the fonts asked for. */
  const fonts: string[] = [];
  const measure = (font: string) => {
    fonts.push(font);
    const size = Number(/(\d+)px/.exec(font)![1]);
    return (text: string) => text.length * size * (font.startsWith("bold") ? 0.6 : 0.5);
  };
  const tspans = (svg: SVGSVGElement) =>
    [...svg.querySelectorAll("text")].map((t) => [...t.querySelectorAll("tspan")]);

  it("wraps the title and the lines to the width of the map, one tspan a line, inside its margins", () => {
    const title = "Part des ménages sans accès à un abonnement internet fixe, par commune, en 2021";
    const svg = composeSvg([part(200, 100)], {title, lines: ["Gris : pas de donnée.", SOURCE], measure});
    expect(svg.getAttribute("width")).toBe("200");
    const texts = tspans(svg);
    expect(texts).toHaveLength(3);
    expect(texts.map((spans) => spans.length)).toEqual([
      wrapText(title, 192, measure("bold 16px system-ui, sans-serif")).length,
      1,
      wrapText(SOURCE, 192, measure("normal 11px system-ui, sans-serif")).length
    ]);
    expect(texts[0]!.length).toBeGreaterThan(1);
    expect(texts[2]!.length).toBeGreaterThan(1);
    expect(texts[0]!.map((s) => s.textContent).join(" ")).toBe(title);
    expect(texts[2]!.map((s) => s.textContent).join(" ")).toBe(SOURCE);
    expect(fonts.some((f) => f.startsWith("bold 16px"))).toBe(true);
    for (const span of texts.flat()) {
      const x = Number(span.getAttribute("x"));
      const size = Number(span.parentElement!.getAttribute("font-size"));
      const bold = span.parentElement!.getAttribute("font-weight") === "bold";
      expect(x).toBeGreaterThan(0);
      expect(x + span.textContent!.length * size * (bold ? 0.6 : 0.5)).toBeLessThanOrEqual(200 - x);
    }
  });
  it("stacks the lines below one another, under the map, and grows the height with them", () => {
    const short = composeSvg([part(200, 100)], {title: "Carte", lines: ["Source : INSEE"], measure});
    const long = composeSvg([part(200, 100)], {title: "Carte", lines: [SOURCE], measure});
    expect(Number(long.getAttribute("height"))).toBeGreaterThan(Number(short.getAttribute("height")));
    expect(long.getAttribute("viewBox")).toBe(`0 0 200 ${long.getAttribute("height")}`);
    const ys = tspans(long)
      .flat()
      .map((s) => Number(s.getAttribute("y")));
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThan(ys[i - 1]! + 11 - 1);
    const map = [...long.children].find((e) => e.localName === "svg")!;
    const top = Number(map.getAttribute("y"));
    expect(ys[0]).toBeLessThan(top);
    for (const y of ys.slice(1)) expect(y - 11).toBeGreaterThan(top + 100);
    expect(ys.at(-1)).toBeLessThan(Number(long.getAttribute("height")));
  });
  it("measures with an estimate where there is no canvas (jsdom), wider with the font size", () => {
    const small = textMeasure("11px system-ui, sans-serif")(SOURCE);
    const large = textMeasure("bold 22px system-ui, sans-serif")(SOURCE);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeCloseTo(2 * small, 6);
  });
});
