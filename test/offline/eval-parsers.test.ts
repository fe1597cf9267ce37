import {mkdtempSync, mkdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {evalParserCalls, findEvalParsers, formatEvalParsers} from "../../scripts/offline/eval-parsers.ts";

const page = (...lines: string[]) => lines.join("\n");

describe("evalParserCalls", () => {
  it("finds d3-dsv's object parsers in a page's live code, with their line", () => {
    const source = page(
      "# Ma page",
      "```js",
      'const a = await FileAttachment("data/a.csv").csv({typed: true});',
      'const b = FileAttachment("data/b.tsv").tsv();',
      "const c = d3.csvParse(text);",
      'const d = d3.dsvFormat(";").parse(text);',
      "```"
    );
    expect(evalParserCalls("page.md", source)).toEqual([
      {file: "page.md", line: 3, call: ".csv("},
      {file: "page.md", line: 4, call: ".tsv("},
      {file: "page.md", line: 5, call: "d3.csvParse("},
      {file: "page.md", line: 6, call: 'dsvFormat(";").parse('}
    ]);
  });

  it("leaves the rows parsers, the prose, run=false examples and comments alone", () => {
    const source = page(
      "Pourquoi pas `.csv()` ? `d3.csvParse(text)` fabrique ses objets avec `new Function`.",
      "```js",
      "const rows = csvObjects(d3.csvParseRows(text));",
      "// not FileAttachment(x).csv()",
      "```",
      "```js run=false",
      'FileAttachment("a.csv").csv();',
      "```",
      "```sql",
      "SELECT * FROM read_csv('a.csv')",
      "```"
    );
    expect(evalParserCalls("page.md", source)).toEqual([]);
  });

  it("reads every line of a browser module", () => {
    expect(evalParserCalls("components/x.js", "export const f = (t) => d3.tsvParse(t);")).toEqual([
      {file: "components/x.js", line: 1, call: "d3.tsvParse("}
    ]);
  });
});

describe("findEvalParsers", () => {
  it("names each page of a site that would fail once built, and none of its data loaders", () => {
    const root = mkdtempSync(join(tmpdir(), "kit-eval-"));
    mkdirSync(join(root, "data"));
    mkdirSync(join(root, "equipe"));
    writeFileSync(join(root, "index.md"), page("```js", "const ok = 1;", "```"));
    writeFileSync(
      join(root, "equipe", "carte.md"),
      page("", "```js", 'const t = FileAttachment("t.csv").csv();', "```")
    );
    writeFileSync(join(root, "data", "t.csv.ts"), "process.stdout.write(d3.csvFormat(d3.csvParse(x)));");
    writeFileSync(join(root, "equipe", "u.json.ts"), "process.stdout.write(JSON.stringify(d3.csvParse(x)));");
    const calls = findEvalParsers(root);
    expect(calls).toEqual([{file: join("equipe", "carte.md"), line: 3, call: ".csv("}]);
    expect(formatEvalParsers(calls)).toContain("src/equipe/carte.md:3 : .csv(");
    expect(formatEvalParsers([])).toBe("");
  });

  it("finds nothing in the kit's own pages", () => {
    expect(findEvalParsers(join(import.meta.dirname, "../../src"))).toEqual([]);
  });
});
