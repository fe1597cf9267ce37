import {tableFromArrays} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {csvField, toCsv} from "../../src/components/download.js";

describe("CSV made in the browser", () => {
  it("quotes fields with commas, quotes or new lines, and leaves missing values empty", () => {
    expect(csvField("Saint-Denis, La Réunion")).toBe('"Saint-Denis, La Réunion"');
    expect(csvField('le "tiers-lieu"')).toBe('"le ""tiers-lieu"""');
    expect(csvField(null)).toBe("");
    expect(csvField(12.5)).toBe("12.5");
  });

  it("writes an Arrow table with codes kept as text", () => {
    const table = tableFromArrays({code: ["01001", "2A004"], population: Float64Array.from([860, 1234.5])});
    expect(toCsv(table)).toBe("code,population\n01001,860\n2A004,1234.5\n");
  });

  it("writes an array of objects", () => {
    expect(toCsv([{a: 1, b: "x"}])).toBe("a,b\n1,x\n");
  });
});
