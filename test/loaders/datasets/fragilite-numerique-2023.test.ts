/**
 * `fragilite-numerique-2023` on files generated here in the format of the portal's export (header documented by
 * public code that reads it: name, division, code, indicator ids, total). Expected values come from the inputs.
 */
import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {ingestFile} from "../../../loaders/core/ingest.ts";
import {ValidationError} from "../../../loaders/core/issues.ts";
import {getDataset} from "../../../loaders/registry.ts";
import {demoIfn2023, variantOfFile} from "../../../loaders/datasets/fragilite-numerique-2023.ts";

const ALL =
  "name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total";

async function ingest(name: string, text: string) {
  const file = join(await mkdtemp(join(tmpdir(), "ifn2023-")), name);
  await writeFile(file, text);
  return ingestFile(getDataset("fragilite-numerique-2023"), file);
}

describe("fragilite-numerique-2023 (export of fragilite-numerique.fr)", () => {
  it("reads a commune export: level, variant from the file name, codes and scores", async () => {
    const rows = [
      "Ajaccio,city,2A004,2.1,1.5,6.3,4,5.2,4.4",
      "Bourg-en-Bresse,city,01053,1,1,5.5,4.8,4.1,3.2"
    ];
    const {table} = await ingest("ifn-city-all-variation.csv", `${ALL}\n${rows.join("\n")}\n`);
    expect(table.values.niveau).toEqual(["commune", "commune"]);
    expect(table.values.variante).toEqual(["tout âge", "tout âge"]);
    expect(table.values.code_commune).toEqual(["2A004", "01053"]);
    expect(table.values.code_epci).toEqual([null, null]);
    expect(table.values.nom).toEqual(["Ajaccio", "Bourg-en-Bresse"]);
    expect(table.values.score).toEqual([4.4, 3.2]);
    expect(table.values.poverty_rate).toEqual([6.3, 5.5]);
    expect(table.values.neet_16_25_year_rate).toEqual([null, null]);
  });

  it("reads an EPCI export of the « jeune » variant with the variant's indicators", async () => {
    const header =
      "name,division,code,total,poverty_rate_30_minus,neet_16_25_year_rate,nscol15p_rate_15_25_year,population";
    const {table} = await ingest(
      "ifn-epci-junior.csv",
      `${header}\nCA du Pays Ajaccien,epci,242010056,5.1,7.2,6.6,5,84000\n`
    );
    expect(table.values).toMatchObject({
      niveau: ["epci"],
      variante: ["jeune"],
      code_epci: ["242010056"],
      code_commune: [null],
      score: [5.1],
      poverty_rate_30_minus: [7.2],
      neet_16_25_year_rate: [6.6],
      population: [84000]
    });
  });

  it("takes the commune of an IRIS row from its code, and a variation column over the file name", async () => {
    const text = `${ALL},variation\nAjaccio 1,iris,2A0040101,1,1,7,5,6,4.9,senior\n`;
    const {table} = await ingest("export.csv", text);
    expect(table.values).toMatchObject({niveau: ["iris"], code_iris: ["2A0040101"], code_commune: ["2A004"]});
    expect(table.values.variante).toEqual(["senior"]);
  });

  it("refuses an unknown division and a score above 10, naming line and column", async () => {
    const text = `${ALL}\nCorse,region,94,1,1,1,1,1,2\nAjaccio,city,2A004,1,1,1,1,1,12\n`;
    const error = await ingest("bad.csv", text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          dataset: "fragilite-numerique-2023",
          line: 2,
          column: "niveau",
          value: "region"
        }),
        expect.objectContaining({dataset: "fragilite-numerique-2023", line: 3, column: "total", value: "12"})
      ])
    );
  });

  it("names the variant from a cell or a file name", () => {
    expect(variantOfFile("x/ifn-city-senior.csv")).toBe("senior");
    expect(variantOfFile("ifn-jeunes.csv")).toBe("jeune");
    expect(variantOfFile("ifn.csv", "junior")).toBe("jeune");
    expect(variantOfFile("ifn-senior.csv", "all")).toBe("tout âge");
  });

  it("builds the same demonstration table twice, scores within 1 to 10", () => {
    const a = demoIfn2023();
    expect(demoIfn2023().values).toEqual(a.values);
    const scores = a.values.score as number[];
    expect(scores.length).toBeGreaterThan(30_000);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...scores)).toBeLessThanOrEqual(10);
  });
});

describe("fragilite-numerique-2023 in the kit's own columns", () => {
  it("reads back the CSV the catalogue offers (niveau, code_territoire, variante already there)", async () => {
    const header = "niveau,code_territoire,code_commune,nom,variante,score";
    const {table} = await ingest(
      "fragilite-numerique-2023.csv",
      `${header}\ncommune,2A004,2A004,Ajaccio,senior,4.4\n`
    );
    expect(table.values).toMatchObject({
      niveau: ["commune"],
      variante: ["senior"],
      code_commune: ["2A004"],
      score: [4.4]
    });
  });
});
