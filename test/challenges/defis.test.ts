import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {checkBody, defiIds, loadDefi, renderDefiPage} from "../../challenges/pages.ts";
import {DefiError, formatDuration, validateDefi, type Defi} from "../../challenges/types.ts";
import {DATASETS} from "../../loaders/registry.ts";
import {exampleDefi, KIT_DEFIS} from "./example-defi.ts";

const root = join(import.meta.dirname, "..", "..");
const known = DATASETS.map((d) => d.id);
const REQUIRED = KIT_DEFIS;

const valid: Defi = exampleDefi;

describe("the défis of challenges/", () => {
  it("include the six défis of the kit", async () => {
    expect(await defiIds(root)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it.each(REQUIRED)(
    "%s: metadata valid, datasets in the catalogue, French sections, starter cells",
    async (id) => {
      const loaded = await loadDefi(root, id);
      const {defi, body} = loaded;
      const page = renderDefiPage(loaded);
      expect(defi.id).toBe(id);
      for (const dataset of defi.datasets) expect(known).toContain(dataset);
      // At least three starter charts and one map, with their code shown.
      expect(body.match(/Plot\.plot\(/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(body).toMatch(/choropleth\(|pointMap\(/);
      expect(body).toContain("```js echo");
      expect(page).toContain("demoBanner(");
      // Every data file a page reads is one the site serves.
      for (const [, name] of page.matchAll(/data\/donnees\/([a-z-]+)\.(?:arrow|meta\.json)/g))
        expect(
          DATASETS.some((d) => name === d.id || d.parts?.some((p) => name === `${d.id}-${p.suffix}`))
        ).toBe(true);
    }
  );

  it("use only columns declared for the tables they read", async () => {
    let checked = 0;
    for (const id of REQUIRED) {
      const {body} = await loadDefi(root, id);
      const tables = [
        ...body.matchAll(/const (\w+) = await FileAttachment\("\.\.\/data\/donnees\/([a-z-]+)\.arrow"\)/g)
      ];
      for (const [, variable, name] of tables) {
        const declaration =
          DATASETS.find((d) => d.id === name) ?? DATASETS.find((d) => name!.startsWith(d.id));
        const part = declaration?.parts?.find((p) => name === `${declaration.id}-${p.suffix}`);
        const columns = new Set((part?.columns ?? declaration!.columns).map((c) => c.name));
        // Row accessors on the table's own iteration: `Array.from(variable, (d) => d.col…)`, and the row
        // functions of `d3.rollup(variable, (v) => …, (d) => d.col…)` (all but the group's parameter).
        const uses = [
          ...[...body.matchAll(new RegExp(`Array\\.from\\(${variable}, \\((\\w)\\) => ([^\\n]+)`, "g"))].map(
            ([, param, use]) => ({params: [param!], use: use!})
          ),
          ...[...body.matchAll(new RegExp(`d3\\.rollup\\(${variable}, ([^\\n]+)`, "g"))].map(([, use]) => ({
            params: [...use!.matchAll(/\((\w)\) =>/g)].slice(1).map((m) => m[1]!),
            use: use!
          }))
        ];
        for (const {params, use} of uses)
          for (const param of params)
            for (const [, column] of use.matchAll(new RegExp(`\\b${param}\\.(\\w+)`, "g"))) {
              expect(columns, `${id}: ${name}.${column}`).toContain(column);
              checked++;
            }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});

describe("validateDefi", () => {
  it("accepts a valid défi", () => {
    expect(validateDefi(valid, known)).toBe(valid);
  });

  it("names the défi and the field of an unknown dataset", () => {
    const bad = {...valid, id: "mon-defi", datasets: ["communes", "meteo"]};
    expect(() => validateDefi(bad, known)).toThrow(DefiError);
    expect(() => validateDefi(bad, known)).toThrow(
      /Défi « mon-defi », champ « datasets » : jeu de données inconnu « meteo »/
    );
  });

  it.each([
    [{id: "Mon Défi"}, "id"],
    [{title: " "}, "title"],
    [{summary: "deux\nlignes"}, "summary"],
    [{question: "Pas une question."}, "question"],
    [{levels: ["canton"]}, "levels"],
    [{audience: []}, "audience"],
    [{durationMinutes: 10}, "durationMinutes"]
  ] as [Partial<Defi>, string][])("refuses %j (field %s)", (change, field) => {
    expect(() => validateDefi({...valid, ...change} as Defi, known)).toThrow(`champ « ${field} »`);
  });

  it("requires the id to be the folder's name", () => {
    expect(() => validateDefi(valid, known, "autre")).toThrow(/champ « id » : doit être le nom du dossier/);
  });
});

describe("checkBody", () => {
  const body = readFileSync(join(root, "challenges", "fragilite-mediation", "page.md"), "utf8");
  it("requires the French sections in order", () => {
    expect(() => checkBody("x", body)).not.toThrow();
    expect(() => checkBody("x", body.replace("## Questions pour guider", "## Questions"))).toThrow(
      "Défi « x », champ « page.md » : section « ## Questions pour guider » absente"
    );
  });
});

describe("formatDuration", () => {
  it("writes durations the French way", () => {
    expect([45, 60, 90, 180].map(formatDuration)).toEqual(["45 min", "1 h", "1 h 30", "3 h"]);
  });
});
