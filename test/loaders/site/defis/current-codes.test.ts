import {describe, expect, it} from "vitest";
import {currentCodes} from "../../../../loaders/site/defis/current-codes.ts";
import {index} from "../../../challenges/fixtures.ts";

describe("currentCodes(codes)", () => {
  it("brings former communes, communes déléguées and arrondissements to today's commune", () => {
    const {toCurrent} = currentCodes(["90001", "90002", "90003", "90051", "90010"], index);
    expect(["90001", "90002", "90003", "90051", "90010"].map(toCurrent)).toEqual([
      "90001",
      "90001",
      "90001",
      "90050",
      "90010"
    ]);
  });
  it("gives null for codes with no current commune, and reports them", () => {
    const {toCurrent, report} = currentCodes(["90999", "ABCDE", null, "90999"], index);
    expect(toCurrent("90999")).toBeNull();
    expect(toCurrent(null)).toBeNull();
    expect(report.unmapped).toEqual(["90999", "ABCDE"]);
  });
});
