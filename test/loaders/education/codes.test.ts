import {describe, expect, it} from "vitest";
import {
  checkUai,
  departementOfUai,
  makeUai,
  parseRentree,
  uaiKey,
  uaiPrefix
} from "../../../loaders/education/codes.ts";
import type {DepartementCode} from "../../../loaders/geo/codes.ts";

describe("UAI", () => {
  it("normalises (trim, upper case) and accepts a valid UAI", () => {
    expect(checkUai(" 0350122t ")).toEqual({uai: "0350122T"});
    expect(checkUai("6200096K")).toEqual({uai: "6200096K"}); // Corse-du-Sud school
  });

  it("computes the check letter as the 7 digits mod 23 over the alphabet without I, O, Q", () => {
    const digits = "0350122";
    expect(uaiKey(digits)).toBe("ABCDEFGHJKLMNPRSTUVWXYZ"[350122 % 23]);
    expect(makeUai("9710001")).toBe(`9710001${uaiKey("9710001")}`);
    expect(() => uaiKey("035012")).toThrow(/seven digits/);
  });

  it("reports a wrong shape and a wrong check letter", () => {
    for (const bad of ["035012T", "0350122", "A350122T", "03501222T", ""])
      expect(checkUai(bad).problem).toBe("format");
    const wrong = "0350122" + (uaiKey("0350122") === "A" ? "B" : "A");
    expect(checkUai(wrong)).toEqual({uai: wrong, problem: "key"});
  });

  it("gives the UAI prefix of a département (Corsica 620/720)", () => {
    const p = (d: string) => uaiPrefix(d as DepartementCode);
    expect([p("35"), p("01"), p("2A"), p("2B"), p("971")]).toEqual(["035", "001", "620", "720", "971"]);
  });
});

describe("parseRentree", () => {
  it("reads the start year of a rentrée", () => {
    expect(["2021-2022", "2021/2022", " 2022 ", "2019 - 2020"].map(parseRentree)).toEqual([
      2021, 2021, 2022, 2019
    ]);
  });
  it("rejects anything else", () => {
    expect(["2021-2023", "21-22", "", "rentrée 2021", "1800"].map(parseRentree)).toEqual([
      null,
      null,
      null,
      null,
      null
    ]);
  });
});

describe("departementOfUai", () => {
  it("reads the département from the UAI prefix", () => {
    const d = (digits: string) => departementOfUai(makeUai(digits));
    expect([
      d("0350001"),
      d("0010001"),
      d("6200096"),
      d("7200009"),
      d("9710002"),
      d("9760001"),
      d("0950001")
    ]).toEqual(["35", "01", "2A", "2B", "971", "976", "95"]);
    expect([d("0200001"), d("9990001"), d("0000001")]).toEqual([null, null, null]);
  });
});
