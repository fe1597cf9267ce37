import {tableFromArrays} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {csvField, neutralizeFormula, toCsv} from "../../../src/components/formats/download.js";

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

  it("neutralises texts a spreadsheet would run as formulas, and keeps numbers and plain texts", () => {
    const formulas = [
      "=1+1",
      '=HYPERLINK("http://x","clic")',
      "+33 1 23",
      "-2+3",
      "@SUM(A1)",
      "\tcmd",
      "\r=1"
    ];
    for (const text of formulas) expect(neutralizeFormula(text)).toBe(`'${text}`);
    for (const text of ["-12", "+3.5", "-1e-3", ".5", "Saint-Denis", "2A004", "a=b", ""])
      expect(neutralizeFormula(text)).toBe(text);
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField(-12.5)).toBe("-12.5");
    expect(toCsv([{nom: "@cmd", n: -1}])).toBe("nom,n\n'@cmd,-1\n");
  });
});
