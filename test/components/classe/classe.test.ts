import {describe, expect, it} from "vitest";
import {departementFromUrl} from "../../../src/components/classe/classe.js";

describe("departementFromUrl(codes, search)", () => {
  const codes = ["01", "2A", "35", "971"];
  it("takes the département of the address, in any case", () => {
    expect(departementFromUrl(codes, "?dep=971")).toBe("971");
    expect(departementFromUrl(codes, "?dep=2a")).toBe("2A");
  });
  it("falls back to 35, or to the first code, when the address names no known département", () => {
    expect(departementFromUrl(codes, "")).toBe("35");
    expect(departementFromUrl(codes, "?dep=99")).toBe("35");
    expect(departementFromUrl(["01", "02"], "?dep=99")).toBe("01");
  });
});
