import {describe, expect, it} from "vitest";
import {formatDate, formatNumber, formatPercent} from "../../../src/components/formats/format.js";

const NNBSP = "\u202f";

describe("French formats", () => {
  it("writes numbers with a narrow no-break space and a decimal comma", () => {
    expect(formatNumber(1234.5)).toBe(`1${NNBSP}234,5`);
    expect(formatNumber(1234567)).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatNumber(0.125, 2)).toBe("0,13");
    expect(formatNumber(3, 1)).toBe("3,0");
  });

  it("leaves missing values empty rather than writing 0 or NaN", () => {
    expect(formatNumber(null)).toBe("");
    expect(formatNumber(undefined)).toBe("");
    expect(formatNumber(Number.NaN)).toBe("");
    expect(formatPercent(null)).toBe("");
  });

  it("writes percentages and dates the French way", () => {
    expect(formatPercent(0.123)).toMatch(/^12,3[\u00a0\u202f]%$/);
    expect(formatDate("2026-11-28")).toBe("28 novembre 2026");
    expect(formatDate(new Date(Date.UTC(2022, 2, 17)), "month")).toBe("mars 2022");
    expect(formatDate("not a date")).toBe("");
  });
});
