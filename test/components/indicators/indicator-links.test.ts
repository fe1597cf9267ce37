import {describe, expect, it} from "vitest";
import {
  DEFAULT_STATE,
  MAX_PARAMS_LENGTH,
  paramProblems,
  paramsFromState,
  stateFromParams
} from "../../../src/components/indicators/indicator-sql.js";

describe("shared indicator links: only the builder's options, limits said in French", () => {
  it("finds nothing to say of a link the page wrote itself", () => {
    const params = paramsFromState({...DEFAULT_STATE, level: "region", departement: "2A", scale: 100});
    expect(paramProblems(params)).toEqual([]);
    expect(paramProblems("")).toEqual([]);
  });
  it("names unknown parameters and malformed values, each replaced by its default", () => {
    const problems = paramProblems("level=pays&region=84';--&utm_source=x&callback=alert(1)&scale=7");
    expect(problems).toEqual([
      "Paramètres inconnus ignorés : « utm_source », « callback » (un lien d'indicateur ne porte que ses options).",
      "Valeur non reconnue pour « level » : « pays », remplacée par la valeur par défaut.",
      "Valeur non reconnue pour « region » : « 84';-- », remplacée par la valeur par défaut.",
      "Valeur non reconnue pour « scale » : « 7 », remplacée par la valeur par défaut."
    ]);
    expect(stateFromParams("level=pays&scale=7")).toMatchObject({level: DEFAULT_STATE.level, scale: 10000});
  });
  it("does not take names of Object's prototype for levels or aggregations", () => {
    expect(stateFromParams("level=toString&agg=constructor")).toMatchObject({
      level: "departement",
      agg: "sum"
    });
    expect(paramProblems("level=toString")).toHaveLength(1);
  });
  it("cuts a long value in its message", () => {
    const [problem] = paramProblems(`num=${"a".repeat(300)}`);
    expect(problem).toBe(
      `Valeur non reconnue pour « num » : « ${"a".repeat(40)}… », remplacée par la valeur par défaut.`
    );
  });
  it("refuses a link longer than the limit as a whole (the defaults, even for its valid options)", () => {
    const long = `level=region&x=${"y".repeat(MAX_PARAMS_LENGTH)}`;
    expect(stateFromParams(long)).toEqual({...DEFAULT_STATE});
    expect(paramProblems(long)).toEqual([
      `Le lien est trop long (${long.length} caractères de paramètres, au plus ${MAX_PARAMS_LENGTH}) : il n'a pas été lu, l'indicateur par défaut est affiché.`
    ]);
    const limit = `level=region&x=${"y".repeat(MAX_PARAMS_LENGTH - 15)}`;
    expect(limit.length).toBe(MAX_PARAMS_LENGTH);
    expect(stateFromParams(limit).level).toBe("region");
  });
});
