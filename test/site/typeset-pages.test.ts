import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {checkTypography, pageSpacingProblems, typesetDist, typesetHtml} from "../../scripts/typography.ts";
import {NBSP, NNBSP} from "../../src/components/formats/typography.js";

const PAGE = `<!DOCTYPE html>
<html lang="fr">
<head><title>Défi : la fibre</title><style>a::before { content: " : "; }</style></head>
<body>
<h1 title="Question : pourquoi ?">Pourquoi ?</h1>
<p>Lancez <code>npm run data -- fetch</code> : les données « réelles » arrivent ; 35 000 communes !</p>
<pre><code>SELECT x ? y : z ; -- 35 000</code></pre>
<textarea>Texte : saisi</textarea>
<script type="module">const label = "Fibre : " + (a ? b : c);</script>
<p>R&amp;D : <a href="./atelier.html?sql=SELECT%201">atelier</a> ?</p>
</body>
</html>`;

describe("typesetHtml(html)", () => {
  const out = typesetHtml(PAGE);

  it("gives the prose its no-break spaces, across inline elements", () => {
    expect(out).toContain(`<title>Défi${NBSP}: la fibre</title>`);
    expect(out).toContain(`Pourquoi${NNBSP}?</h1>`);
    expect(out).toContain(
      `</code>${NBSP}: les données «${NBSP}réelles${NBSP}» arrivent${NNBSP}; 35${NNBSP}000 communes${NNBSP}!`
    );
    expect(out).toContain(`R&amp;D${NBSP}: <a href="./atelier.html?sql=SELECT%201">atelier</a>${NNBSP}?`);
  });

  it("leaves code, preformatted text, scripts, styles, form values and attributes byte for byte", () => {
    for (const untouched of [
      `<pre><code>SELECT x ? y : z ; -- 35 000</code></pre>`,
      `<code>npm run data -- fetch</code>`,
      `<textarea>Texte : saisi</textarea>`,
      `<script type="module">const label = "Fibre : " + (a ? b : c);</script>`,
      `<style>a::before { content: " : "; }</style>`,
      `title="Question : pourquoi ?"`
    ]) {
      expect(out).toContain(untouched);
    }
  });

  it("changes nothing else in the file, and nothing the second time", () => {
    const strip = (html: string) => html.replaceAll(NBSP, " ").replaceAll(NNBSP, " ");
    expect(strip(out).replace(/«(?! )/g, "« ")).toBe(strip(PAGE).replace(/«(?! )/g, "« "));
    expect(typesetHtml(out)).toBe(out);
  });

  it("is what the check of the built pages accepts", () => {
    expect(pageSpacingProblems(PAGE).length).toBeGreaterThanOrEqual(6);
    expect(pageSpacingProblems(out)).toEqual([]);
  });
});

describe("typesetDist(dist) and checkTypography(dist)", () => {
  it("fix every page of a built site, sub-folders included, and leave Framework's _ folders alone", () => {
    const dist = mkdtempSync(join(tmpdir(), "kit-typeset-"));
    mkdirSync(join(dist, "defis"));
    mkdirSync(join(dist, "_observablehq"));
    writeFileSync(join(dist, "index.html"), PAGE);
    writeFileSync(join(dist, "defis", "fibre.html"), "<p>Question ?</p>");
    writeFileSync(join(dist, "_observablehq", "x.html"), "<p>Question ?</p>");
    expect(checkTypography(dist).problems.map((p) => p.file)).toContain(join("defis", "fibre.html"));
    expect(typesetDist(dist)).toBe(2);
    expect(checkTypography(dist)).toEqual({pages: 2, problems: []});
    expect(readFileSync(join(dist, "_observablehq", "x.html"), "utf-8")).toBe("<p>Question ?</p>");
  });
});
