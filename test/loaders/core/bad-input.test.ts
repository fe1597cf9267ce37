/**
 * The bad-input corpus: files of the kinds portals and spreadsheets really produce, all generated here (no real
 * row). Each case either loads with the asserted values or fails with the kit's error naming the dataset and
 * the file (and its hint); in every case the snapshot and cache already on disk stay byte-identical. CSV cases
 * run on both reading paths (csv-parse, and DuckDB SQL with `heavyThreshold: 0`).
 */
import {createHash} from "node:crypto";
import {mkdir, mkdtemp, readdir, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import iconv from "iconv-lite";
import JSZip from "jszip";
import {beforeAll, describe, expect, it} from "vitest";
import {parseArgs} from "../../../loaders/cli.ts";
import {loadDeclaration} from "../../../loaders/commands.ts";
import type {DatasetDeclaration} from "../../../loaders/core/dataset.ts";
import {readAndValidate} from "../../../loaders/core/ingest.ts";
import type {DatasetMeta} from "../../../loaders/core/meta.ts";
import {kitPaths, type KitPaths} from "../../../loaders/core/paths.ts";
import {communeCodeColumn} from "../../../loaders/core/schema.ts";
import type {Cell} from "../../../loaders/core/table.ts";
import {generatedDeclaration} from "../../../loaders/core/generated-declaration.ts";

const declaration = generatedDeclaration(
  "corpus",
  [
    communeCodeColumn("code", {unique: true, aliases: ["code_insee"]}),
    {name: "nom", type: "string", description: "", nullable: false, aliases: ["libelle"]},
    {name: "uai", type: "string", description: "", nullable: true, pattern: "^\\d{7}[A-Z]$"},
    {name: "population", type: "integer", description: "", nullable: true},
    {name: "taux", type: "number", description: "", nullable: true}
  ],
  {key: "code"}
);

const HEADER = ["code", "nom", "uai", "population", "taux"];

/** Generated row `i`: a commune code, a name with accents and a typographic apostrophe, a UAI, two numbers. */
function row(i: number): string[] {
  return [
    `01${String(i).padStart(3, "0")}`,
    i % 2 ? `Saint-Étienne-${i}` : `L’Île-${i}`,
    `${String(350000 + i).padStart(7, "0")}A`,
    String(100 * i),
    `${i}.5`
  ];
}

const ROWS = [1, 2, 3, 4, 5].map(row);
const csv = (rows: string[][], sep = ";", eol = "\n") => rows.map((r) => r.join(sep)).join(eol) + eol;
const GOOD = csv([HEADER, ...ROWS]);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** What a case expects: some columns of the main table, or a failure whose message matches. */
type Expect = {values: Record<string, Cell[]>} | {fails: RegExp};

interface Case {
  name: string;
  file: string;
  bytes: Uint8Array | null;
  /** CSV cases run on both paths. */
  paths: ("light" | "heavy")[];
  expect: Expect;
  /** Another expectation on the heavy path. */
  heavy?: Expect;
  declaration?: DatasetDeclaration;
}

const BOTH: Case["paths"] = ["light", "heavy"];
const LIGHT: Case["paths"] = ["light"];
const goodValues = {
  code: ROWS.map((r) => r[0]!),
  nom: ROWS.map((r) => r[1]!),
  population: ROWS.map((_, i) => 100 * (i + 1)),
  taux: ROWS.map((_, i) => i + 1.5)
};

function zipOf(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({type: "uint8array"});
}

/** Deterministic bytes that are no text (a PRNG, with NULs). */
function binary(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = i % 7 === 0 ? 0 : x >>> 24;
  }
  return bytes;
}

async function cases(): Promise<Case[]> {
  const gzip = gzipSync(utf8(GOOD));
  const zip = await zipOf({"LISEZMOI.txt.pdf": "documentation", "donnees.csv": GOOD});
  const utf16le = iconv.encode(GOOD, "utf16le");
  const quoted = csv([HEADER, ['"01001"', '"Nom; avec\nretour ""cité"""', "", "1", "2"], ROWS[1]!]);
  const markers = ["NA", "-", "s", "nd", "n.d.", "n.c.", ""];
  const markerRows = markers.map((m, i) => [`01${String(i + 1).padStart(3, "0")}`, `C${i}`, "", m, m]);
  const json = ROWS.map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]])));
  const jsonText = JSON.stringify(json, null, 1);
  return [
    {name: "UTF-8 without BOM", file: "a.csv", bytes: utf8(GOOD), paths: BOTH, expect: {values: goodValues}},
    {
      name: "UTF-8 with BOM",
      file: "bom.csv",
      bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(GOOD)]),
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "Latin-1",
      file: "latin1.csv",
      bytes: iconv.encode(csv([HEADER, ["01001", "Épinal-é", "", "1", "2"]]), "latin1"),
      paths: BOTH,
      expect: {values: {nom: ["Épinal-é"]}}
    },
    {
      name: "Windows-1252 (’ and œ in 0x80–0x9F)",
      file: "cp1252.csv",
      bytes: iconv.encode(GOOD.replaceAll("Saint", "Œuvre"), "win1252"),
      paths: BOTH,
      expect: {values: {nom: goodValues.nom.map((n) => n.replaceAll("Saint", "Œuvre"))}}
    },
    {
      name: "UTF-16 LE with BOM",
      file: "utf16le.csv",
      bytes: new Uint8Array([0xff, 0xfe, ...utf16le]),
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "UTF-16 BE with BOM",
      file: "utf16be.csv",
      bytes: new Uint8Array([0xfe, 0xff, ...iconv.encode(GOOD, "utf16be")]),
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "UTF-16 LE without BOM",
      file: "u16.csv",
      bytes: utf16le,
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "UTF-16 cut in the middle of a character",
      file: "u16-cut.csv",
      bytes: new Uint8Array([0xff, 0xfe, ...utf16le.subarray(0, 101)]),
      paths: LIGHT,
      expect: {fails: /UTF-16 tronqué.*réenregistrez-le en UTF-8/}
    },
    {
      name: "comma separator",
      file: "c.csv",
      bytes: utf8(csv([HEADER, ...ROWS], ",")),
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "tab separator",
      file: "t.tsv",
      bytes: utf8(csv([HEADER, ...ROWS], "\t")),
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "CRLF line ends",
      file: "crlf.csv",
      bytes: utf8(csv([HEADER, ...ROWS], ";", "\r\n")),
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "quotes holding the separator, a line break and doubled quotes",
      file: "quotes.csv",
      bytes: utf8(quoted),
      paths: BOTH,
      expect: {values: {code: ["01001", "01002"], nom: ['Nom; avec\nretour "cité"', ROWS[1]![1]!]}}
    },
    {
      name: "decimal commas and thousands spaces (plain, non-breaking, narrow)",
      file: "fr.csv",
      bytes: utf8(
        csv([
          HEADER,
          ["01001", "A", "", "12 345", "3,5"],
          ["01002", "B", "", "1\u00a0234", "-0,25"],
          ["01003", "C", "", "2\u202f000", "1 000,5"]
        ])
      ),
      paths: BOTH,
      expect: {values: {population: [12345, 1234, 2000], taux: [3.5, -0.25, 1000.5]}}
    },
    {
      name: "a disclaimer line before the header, undeclared",
      file: "disclaimer.csv",
      bytes: utf8(`Source : producteur, données provisoires\n${GOOD}`),
      paths: BOTH,
      expect: {fails: /colonne obligatoire absente/},
      heavy: {fails: /ligne 2 : 1 cellule\(s\) au lieu de 2/}
    },
    {
      name: "a disclaimer line before the header, declared (skipLines auto)",
      file: "disclaimer-declared.csv",
      bytes: utf8(`Source : producteur, données provisoires\n${GOOD}`),
      paths: BOTH,
      declaration: {...declaration, csv: {skipLines: "auto", headerHints: ["code;nom"]}},
      expect: {values: goodValues}
    },
    {
      name: "the header repeated inside (two exports concatenated)",
      file: "twice.csv",
      bytes: utf8(GOOD + csv([HEADER, row(6)])),
      paths: BOTH,
      expect: {fails: /ligne 7, colonne « code » \(valeur « code »\) : code commune invalide/}
    },
    {
      name: "a required column missing",
      file: "no-nom.csv",
      bytes: utf8(
        csv([
          ["code", "taux"],
          ["01001", "1"]
        ])
      ),
      paths: BOTH,
      expect: {fails: /colonne « nom ».*colonne obligatoire absente/}
    },
    {
      name: "an optional column missing",
      file: "no-taux.csv",
      bytes: utf8(
        csv([
          ["code", "nom"],
          ["01001", "A"]
        ])
      ),
      paths: BOTH,
      expect: {values: {code: ["01001"], taux: [null]}}
    },
    {
      name: "an extra column",
      file: "extra.csv",
      bytes: utf8(csv([[...HEADER, "autre"], ...ROWS.map((r) => [...r, "x"])])),
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "renamed columns (declared aliases, other case)",
      file: "renamed.csv",
      bytes: utf8(csv([["CODE_INSEE", "Libelle", "uai", "population", "taux"], ...ROWS])),
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "reordered columns",
      file: "reordered.csv",
      bytes: utf8(csv([[...HEADER].reverse(), ...ROWS.map((r) => [...r].reverse())])),
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "an empty file",
      file: "empty.csv",
      bytes: new Uint8Array(),
      paths: BOTH,
      expect: {fails: /fichier vide/}
    },
    {
      name: "a header and no row",
      file: "header.csv",
      bytes: utf8(csv([HEADER])),
      paths: BOTH,
      expect: {fails: /aucune ligne de données/}
    },
    {
      name: "an HTML error page saved as the CSV",
      file: "page.csv",
      bytes: utf8(
        "<!DOCTYPE html>\n<html><head><title>Erreur 404</title></head><body>Introuvable</body></html>\n"
      ),
      paths: BOTH,
      expect: {fails: /ce fichier est une page HTML/}
    },
    {
      name: "binary bytes",
      file: "binary.csv",
      bytes: binary(4096),
      paths: BOTH,
      expect: {fails: /fichier binaire/}
    },
    {
      name: "an Excel workbook named .csv",
      file: "classeur.csv",
      bytes: await zipOf({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
      paths: BOTH,
      expect: {fails: /classeur \(Excel ou LibreOffice\).*CSV UTF-8/}
    },
    {
      name: "a text CSV cut in the middle of its last line",
      file: "cut.csv",
      bytes: utf8(GOOD.slice(0, GOOD.lastIndexOf(";", GOOD.length - 8))),
      paths: BOTH,
      expect: {fails: /ligne 6.*dernière ligne incomplète.*fichier tronqué/},
      heavy: {fails: /ligne 6.*cellule\(s\) au lieu de 5.*tronqué/}
    },
    {
      name: "a text CSV cut inside a quoted cell",
      file: "cut-quote.csv",
      bytes: utf8(`${csv([HEADER, ROWS[0]!])}01002;"Nom coupé`),
      paths: BOTH,
      expect: {fails: /guillemet ouvert jamais fermé — fichier tronqué/},
      heavy: {fails: /ligne 3.*tronqué/}
    },
    {
      name: "a quote inside an unquoted cell",
      file: "stray-quote.csv",
      bytes: utf8(csv([HEADER, ["01001", 'Le "Bourg', "", "1", "2"]])),
      paths: BOTH,
      expect: {fails: /ligne 2 : guillemet au milieu d'une cellule — .*guillemet doublé/},
      heavy: {values: {nom: ['Le "Bourg']}}
    },
    {name: "gzip CSV", file: "a.csv.gz", bytes: gzip, paths: BOTH, expect: {values: goodValues}},
    {
      name: "a truncated gzip file",
      file: "cut.csv.gz",
      bytes: gzip.subarray(0, Math.floor(gzip.length / 2)),
      paths: BOTH,
      expect: {fails: /fichier gzip tronqué — .*retéléchargez-le/}
    },
    {
      name: "a zip archive with one data file and its documentation (INSEE)",
      file: "base.zip",
      bytes: zip,
      paths: BOTH,
      expect: {values: goodValues}
    },
    {
      name: "a truncated zip archive",
      file: "cut.zip",
      bytes: zip.subarray(0, Math.floor(zip.length / 2)),
      paths: BOTH,
      expect: {fails: /archive zip illisible, tronquée ou abîmée/}
    },
    {
      name: "a JSON array of objects",
      file: "a.json",
      bytes: utf8(jsonText),
      paths: LIGHT,
      expect: {values: goodValues}
    },
    {
      name: "a JSON object holding the array",
      file: "data.json",
      bytes: utf8(JSON.stringify({data: json})),
      paths: LIGHT,
      expect: {values: goodValues}
    },
    {
      name: "a JSON object instead of an array",
      file: "object.json",
      bytes: utf8(JSON.stringify(json[0])),
      paths: LIGHT,
      expect: {fails: /le JSON est un objet \(clés : code, nom.*pas un tableau d'objets/}
    },
    {
      name: "a truncated JSON file",
      file: "cut.json",
      bytes: utf8(jsonText.slice(0, jsonText.length - 40)),
      paths: LIGHT,
      expect: {fails: /ligne \d+, colonne \d+ : JSON interrompu avant sa fin — fichier tronqué/}
    },
    {
      name: "JSON with a key twice in an object (the last wins, as JSON.parse reads it)",
      file: "twice-key.json",
      bytes: utf8('[{"code": "01001", "nom": "A", "nom": "B"}]'),
      paths: LIGHT,
      expect: {values: {nom: ["B"]}}
    },
    {
      name: "duplicate keys (a commune twice)",
      file: "dup.csv",
      bytes: utf8(csv([HEADER, ...ROWS, ROWS[0]!])),
      paths: BOTH,
      expect: {fails: /ligne 7, colonne « code » \(valeur « 01001 »\) : valeur en double \(déjà ligne 2\)/}
    },
    {
      name: "invalid commune codes",
      file: "bad-code.csv",
      bytes: utf8(csv([HEADER, ROWS[0]!, ["1A001", "B", "", "", ""]])),
      paths: BOTH,
      expect: {fails: /ligne 3, colonne « code » \(valeur « 1A001 »\) : code commune invalide/}
    },
    {
      name: "invalid UAI",
      file: "bad-uai.csv",
      bytes: utf8(csv([HEADER, ["01001", "A", "035001", "", ""]])),
      paths: BOTH,
      expect: {fails: /ligne 2, colonne « uai » \(valeur « 035001 »\) : ne respecte pas le motif/}
    },
    {
      name: "missing-number markers in numeric columns",
      file: "markers.csv",
      bytes: utf8(csv([HEADER, ...markerRows])),
      paths: BOTH,
      expect: {values: {population: markers.map(() => null), taux: markers.map(() => null)}}
    },
    {
      name: "a word in a numeric column is still refused",
      file: "word.csv",
      bytes: utf8(csv([HEADER, ["01001", "A", "", "beaucoup", ""]])),
      paths: BOTH,
      expect: {fails: /ligne 2, colonne « population » \(valeur « beaucoup »\) : nombre attendu/}
    },
    {
      name: "a missing path",
      file: "absent.csv",
      bytes: null,
      paths: BOTH,
      expect: {fails: /absent\.csv : fichier introuvable — vérifiez le chemin/}
    }
  ];
}

/** sha256 of every file under `dir`, by relative path. */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  }
  return out;
}

/** A kit with a snapshot of `rows` and a cache (with a lock) for the corpus dataset. */
async function kitWithVersions(rows = 10): Promise<KitPaths> {
  const paths = kitPaths(await mkdtemp(join(tmpdir(), "kit-corpus-")));
  await mkdir(join(paths.frameworkCache, "data"), {recursive: true});
  const first = join(paths.root, "first.csv");
  await writeFile(first, csv([HEADER, ...Array.from({length: rows}, (_, i) => row(i + 1))]));
  await loadDeclaration(declaration, first, {paths});
  const cache = join(paths.cache, "corpus");
  await mkdir(cache, {recursive: true});
  await writeFile(
    join(cache, "corpus.arrow"),
    await readFile(join(paths.snapshots, "corpus", "corpus.arrow"))
  );
  await writeFile(paths.lock, JSON.stringify({datasets: {corpus: {rows, sha256: "0".repeat(64)}}}));
  return paths;
}

const all = await cases();

describe("the bad-input corpus", () => {
  let paths: KitPaths;
  let before: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    paths = await kitWithVersions();
    before = await hashTree(join(paths.root, "data"));
    dir = await mkdtemp(join(tmpdir(), "corpus-files-"));
  });

  it("has at least 30 cases", () => expect(all.length).toBeGreaterThanOrEqual(30));

  for (const c of all) {
    for (const path of c.paths) {
      it(`${c.name} (${path === "light" ? "csv-parse" : "DuckDB SQL"})`, async () => {
        const file = join(dir, c.file);
        if (c.bytes) await writeFile(file, c.bytes);
        const options = {paths, ...(path === "heavy" ? {heavyThreshold: 0} : {})};
        const expected = (path === "heavy" && c.heavy) || c.expect;
        const subject = c.declaration ?? declaration;
        if ("values" in expected) {
          const {table} = await readAndValidate(subject, file, options);
          for (const [name, values] of Object.entries(expected.values))
            expect(table.values[name], name).toEqual(values);
        } else {
          const error = await loadDeclaration(subject, file, options).then(
            () => null,
            (e: Error) => e
          );
          expect(error, "the load should fail").toBeInstanceOf(Error);
          const message = error!.message;
          expect(message).toMatch(expected.fails);
          expect(message).toContain("corpus");
          expect(message).toContain(c.file);
          expect(message).toContain("rien n'a été écrit");
        }
        expect(await hashTree(join(paths.root, "data"))).toEqual(before);
      });
    }
  }
});

describe("a load that would replace a good version", () => {
  it("asks for --yes when the file has less than half the rows in place, then writes it", async () => {
    const paths = await kitWithVersions(10);
    const file = join(paths.root, "four.csv");
    await writeFile(file, csv([HEADER, ...ROWS.slice(0, 4)]));
    const data = join(paths.root, "data");
    const before = await hashTree(data);
    await expect(loadDeclaration(declaration, file, {paths})).rejects.toThrow(
      /corpus : four\.csv : 4 lignes au lieu de 10 .*relancez avec --yes/
    );
    expect(await hashTree(data)).toEqual(before);
    expect((await loadDeclaration(declaration, file, {paths, yes: true})).rows).toBe(4);
    // Six rows out of ten keep more than half: no question.
    await writeFile(file, csv([HEADER, ...[1, 2, 3].map(row)]));
    expect((await loadDeclaration(declaration, file, {paths})).rows).toBe(3);
  });

  it("`--yes` is a switch: it does not take the next argument", () => {
    expect(parseArgs(["corpus", "--yes", "--input", "f.csv"]).flags).toEqual({yes: "", input: "f.csv"});
  });
});

describe("missing numbers in the load report and meta.json", () => {
  for (const heavyThreshold of [undefined, 0]) {
    it(`are counted per column (${heavyThreshold === 0 ? "DuckDB SQL" : "csv-parse"})`, async () => {
      const paths = kitPaths(await mkdtemp(join(tmpdir(), "kit-missing-")));
      const file = join(paths.root, "m.csv");
      await mkdir(paths.root, {recursive: true});
      await writeFile(
        file,
        csv([
          HEADER,
          ["01001", "A", "", "NA", "1,5"],
          ["01002", "B", "", "12", "s"],
          ["01003", "C", "", "n.d.", "-"]
        ])
      );
      const lines: string[] = [];
      await loadDeclaration(declaration, file, {
        paths,
        log: (line) => lines.push(line),
        ...(heavyThreshold === 0 ? {heavyThreshold} : {})
      });
      const meta = JSON.parse(
        await readFile(join(paths.snapshots, "corpus", "corpus.meta.json"), "utf8")
      ) as DatasetMeta;
      expect(meta.missing).toEqual({population: 2, taux: 2});
      expect(lines).toContain(
        "valeurs manquantes (vides ou marqueurs NA, -, s, nd…), lues comme nulles : population 2, taux 2"
      );
    });
  }
});
