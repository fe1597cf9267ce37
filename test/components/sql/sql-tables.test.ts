import {describe, expect, it} from "vitest";
import {referencedTables, sqlTableName} from "../../../src/components/sql/sql-tables.js";

const names = ["communes", "fragilite-numerique", "fragilite-numerique-communes", "pauvrete"];

describe("referencedTables", () => {
  it("finds bare table names in any case, underscores standing for hyphens", () => {
    expect(
      referencedTables("select * from Fragilite_Numerique_Communes f join communes c using (code)", names)
    ).toEqual(["communes", "fragilite-numerique-communes"]);
  });
  it("finds quoted served names", () => {
    expect(referencedTables('SELECT count(*) FROM "fragilite-numerique"', names)).toEqual([
      "fragilite-numerique"
    ]);
  });
  it("ignores names in strings and comments, and prefixes of longer names", () => {
    const sql =
      "-- pauvrete\nSELECT 'communes' AS t /* fragilite_numerique */ FROM fragilite_numerique_communes";
    expect(referencedTables(sql, names)).toEqual(["fragilite-numerique-communes"]);
  });
  it("finds nothing in a query without tables", () => {
    expect(referencedTables("SELECT 6*7 AS x", names)).toEqual([]);
  });
  it("sqlTableName replaces every hyphen", () => {
    expect(sqlTableName("ent-audience-etablissements")).toBe("ent_audience_etablissements");
  });
});
