import {describe, expect, it} from "vitest";
import {assertPublishable, SecrecyViolationError} from "../../../loaders/education/publish.ts";

const page = "src/defis/ecole-numerique.md";

describe("assertPublishable (build guard)", () => {
  it("fails on a small pupil count at commune level, naming page, table, row and column", () => {
    const rows = [
      {level: "commune", code: "35238", eleves: 1520},
      {level: "commune", code: "35001", eleves: 7}
    ];
    let error: unknown;
    try {
      assertPublishable([{page, table: "élèves", rows, idColumn: "code", countColumns: ["eleves"]}]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SecrecyViolationError);
    const [line] = (error as SecrecyViolationError).lines;
    expect(line).toContain(page);
    expect(line).toContain("élèves");
    expect(line).toContain("ligne 2");
    expect(line).toContain("35001");
    expect(line).toContain("« eleves »");
    expect(line).toContain("effectif 7");
  });

  it("accepts secret cells, zeros, large counts and coarse levels", () => {
    const rows = [
      {level: "commune", code: "35001", eleves: null, eleves_statut: "secret"},
      {level: "commune", code: "35002", eleves: 0},
      {level: "departement", code: "35", eleves: 4}
    ];
    expect(assertPublishable([{page, table: "t", rows, idColumn: "code", countColumns: ["eleves"]}])).toEqual(
      []
    );
  });

  it("lets a page opt out only with a reason, and reports the waiver", () => {
    const rows = [{level: "school", code: "0350001A", ecoles: 3}];
    const table = {page, table: "écoles", rows, idColumn: "code", countColumns: ["ecoles"]};
    expect(assertPublishable([{...table, optOut: {reason: "nombre d'écoles, pas d'élèves"}}])[0]).toContain(
      "nombre d'écoles"
    );
    expect(() => assertPublishable([{...table, optOut: {reason: " "}}])).toThrow(/sans motif/);
  });
});
