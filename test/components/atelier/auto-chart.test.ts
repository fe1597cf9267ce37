import {describe, expect, it} from "vitest";
import {chooseChart, codeLevel, fieldKind} from "../../../src/components/atelier/auto-chart.js";

const f = (name: string, type: string) => ({name, type});

describe("codeLevel", () => {
  it("reads the level from the column name and checks the values", () => {
    expect(codeLevel("code_departement", ["01", "2A", "971"])).toBe("departement");
    expect(codeLevel("region", ["84", "11"])).toBe("region");
    expect(codeLevel("code_commune", ["01001", "2A004"])).toBe("commune");
    expect(codeLevel("epci", ["200042174"])).toBe("epci");
    expect(codeLevel("departement", ["Ain"])).toBeNull();
    const regions = [
      "11",
      "84",
      "75",
      "76",
      "32",
      "44",
      "93",
      "52",
      "53",
      "28",
      "27",
      "24",
      "01",
      "02",
      "03",
      "04"
    ];
    expect(codeLevel("region", [...regions, "975", "987"])).toBe("region");
  });
  it("guesses from the values for a column named code", () => {
    expect(codeLevel("code", ["01001", "97411"])).toBe("commune");
    expect(codeLevel("code", ["84", "11", "93"])).toBe("region");
    expect(codeLevel("code", ["01", "05", "2B"])).toBe("departement");
    expect(codeLevel("nom", ["01001"])).toBeNull();
  });
});

describe("chooseChart", () => {
  it("a map for territorial codes and a number", () => {
    const rows = [
      {departement: "01", n: 3},
      {departement: "2A", n: 1}
    ];
    expect(chooseChart([f("departement", "Utf8"), f("n", "Float64")], rows)).toEqual({
      type: "map",
      level: "departement",
      code: "departement",
      value: "n"
    });
  });
  it("a line for a date and a number, a bar for a category and a number", () => {
    const dated = [
      {jour: new Date(0), v: 1},
      {jour: new Date(1e10), v: 2}
    ];
    expect(chooseChart([f("jour", "Date64<MILLISECOND>"), f("v", "Int32")], dated)).toEqual({
      type: "line",
      x: "jour",
      y: "v"
    });
    const bars = [{type: "Fixe", nb: 4}];
    expect(chooseChart([f("type", "Utf8"), f("nb", "Float64")], bars)).toEqual({
      type: "bar",
      x: "type",
      y: "nb"
    });
  });
  it("nothing without rows or numbers", () => {
    expect(chooseChart([f("x", "Int32")], []).type).toBe("none");
    expect(chooseChart([f("nom", "Utf8")], [{nom: "a"}]).type).toBe("none");
  });
  it("fieldKind maps Arrow type names", () => {
    expect(
      ["Int32", "Float64", "Uint8", "Utf8", "Bool", "Date32<DAY>", "Struct<>"].map((t) =>
        fieldKind({type: t})
      )
    ).toEqual(["number", "number", "number", "string", "boolean", "date", "other"]);
  });
});
