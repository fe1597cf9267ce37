import {describe, expect, it} from "vitest";
import {
  checkAnswer,
  choiceKey,
  fnv1a,
  numberKey,
  parseFrenchNumber
} from "../../../src/components/classe/answer-check.js";

describe("parseFrenchNumber(text)", () => {
  it("reads the decimal comma, the point, thousands spaces, the minus sign and a trailing %", () => {
    expect(parseFrenchNumber("12,5")).toBe(12.5);
    expect(parseFrenchNumber(" 12.5 ")).toBe(12.5);
    expect(parseFrenchNumber("1 234,5")).toBe(1234.5);
    expect(parseFrenchNumber("1\u202f234")).toBe(1234);
    expect(parseFrenchNumber("1\u00a0234")).toBe(1234);
    expect(parseFrenchNumber("\u22123,2")).toBe(-3.2);
    expect(parseFrenchNumber("45 %")).toBe(45);
    expect(parseFrenchNumber(",5")).toBe(0.5);
  });
  it("returns null for what is not a number", () => {
    for (const text of ["", "abc", "1,2,3", "12a", "--1"]) expect(parseFrenchNumber(text)).toBeNull();
  });
});

describe("numberKey(value, options) and checkAnswer(answer, key)", () => {
  const key = numberKey(2.409281623605963, {
    tolerance: 0.1,
    step: 0.01,
    salt: "nombres-et-taux:35:taux-departement"
  });

  it("accepts every answer within the tolerance, typed with a comma or a point", () => {
    for (const typed of ["2,41", "2.41", "2,4", "2,31", "2,50", "2,409"])
      expect(checkAnswer(typed, key)).toBe("right");
  });
  it("rejects answers outside the tolerance", () => {
    for (const typed of ["2,29", "2,52", "24,1", "0,000241", "-2,41"])
      expect(checkAnswer(typed, key)).toBe("wrong");
  });
  it("says invalid when the answer is not a number", () => {
    expect(checkAnswer("deux", key)).toBe("invalid");
  });
  it("does not contain the answer in clear", () => {
    const text = JSON.stringify(key);
    for (const clear of ["2.4", "2,4", "241", "2.41"]) expect(text).not.toContain(clear);
    expect(key.hashes).toHaveLength(20);
  });
  it("checks exact counts with a zero tolerance", () => {
    const exact = numberKey(32, {tolerance: 0, step: 1, salt: "s"});
    expect(checkAnswer("32", exact)).toBe("right");
    expect(checkAnswer("32,4", exact)).toBe("right"); // rounded to the grid step of 1
    expect(checkAnswer("33", exact)).toBe("wrong");
    expect(checkAnswer("31", exact)).toBe("wrong");
  });
  it("gives different hashes for the same answer with different salts", () => {
    const a = numberKey(10, {tolerance: 0, step: 1, salt: "a"});
    const b = numberKey(10, {tolerance: 0, step: 1, salt: "b"});
    expect(a.hashes).not.toEqual(b.hashes);
  });
  it("refuses an expected answer that is not a number", () => {
    expect(() => numberKey(Number.NaN, {tolerance: 0, step: 1, salt: "s"})).toThrow(/pas un nombre/);
  });
});

describe("choiceKey(index, salt)", () => {
  it("accepts only the right option", () => {
    const key = choiceKey(2, "lesson:35:q");
    expect(checkAnswer(2, key)).toBe("right");
    expect(checkAnswer(0, key)).toBe("wrong");
    expect(checkAnswer(1, key)).toBe("wrong");
  });
});

describe("fnv1a(text)", () => {
  it("matches the reference FNV-1a 32-bit values", () => {
    expect(fnv1a("")).toBe("811c9dc5");
    expect(fnv1a("a")).toBe("e40c292c");
    expect(fnv1a("foobar")).toBe("bf9cf968");
  });
});
