import {describe, expect, it} from "vitest";
import {chooseMember} from "../../../loaders/core/archive.ts";
import {
  explainPick,
  formatOfUrl,
  OFFICIAL_PORTALS,
  pickResource,
  portalBases,
  searchCandidates
} from "../../../loaders/core/portal.ts";

const resources = [
  {url: "https://x/notice.pdf", format: "pdf", title: "Notice", last_modified: "2026-11-30"},
  {url: "https://x/communes-2019.csv", format: "csv", title: "Communes 2019", last_modified: "2019-10-01"},
  {url: "https://x/communes.csv", format: "CSV", title: "Communes", last_modified: "2026-11-01"},
  {url: "https://x/departements.csv", format: "csv", title: "Départements", last_modified: "2026-11-02"}
];

describe("portalBases(env)", () => {
  it("portalBases() takes DATA_GOUV_API and DATA_EDUCATION_API, without their trailing slash", () => {
    expect(
      portalBases({DATA_GOUV_API: "http://mirror/api/1/", DATA_EDUCATION_API: " http://ods/v2.1 "})
    ).toEqual({
      dataGouv: "http://mirror/api/1",
      education: "http://ods/v2.1"
    });
  });
  it("portalBases() falls back to the official APIs when the variables are unset or empty", () => {
    expect(portalBases({DATA_GOUV_API: ""})).toEqual(OFFICIAL_PORTALS);
  });
});

describe("pickResource(resources, pick) and explainPick", () => {
  it("takes the most recent resource of the format whose title matches, and says why in French", () => {
    const pick = {format: "csv", match: "commune"};
    const chosen = pickResource(resources, pick)!;
    expect(chosen.url).toBe("https://x/communes.csv");
    expect(explainPick(resources, pick, chosen)).toBe(
      "4 ressources ; la plus récente des 2 ressources au format csv dont le titre ou l'adresse correspond à /commune/ : « Communes », modifiée le 2026-11-01"
    );
  });
  it("says « la seule ressource » when one resource fits", () => {
    const pick = {format: "pdf"};
    expect(explainPick(resources, pick, pickResource(resources, pick)!)).toMatch(
      /; la seule ressource au format pdf : « Notice »/
    );
  });
});

describe("searchCandidates(answer, pick)", () => {
  it("lists each dataset of a data.gouv.fr search with the resource that fits, or null", () => {
    const answer = {
      data: [
        {slug: "a", title: "A", resources},
        {id: "b-id", title: "B", resources: [resources[0]]}
      ]
    };
    expect(
      searchCandidates(answer, {format: "csv"}).map((c) => [c.dataset, c.resource?.url ?? null])
    ).toEqual([
      ["a", "https://x/departements.csv"],
      ["b-id", null]
    ]);
  });
  it("reads an answer without data as no candidate", () => {
    expect(searchCandidates({}, {format: "csv"})).toEqual([]);
  });
});

describe("formatOfUrl(url)", () => {
  it("reads the format from the extension, ignoring the query; geojson is json; unknown is csv", () => {
    expect(
      ["a/b.ZIP?x=1", "a/b.parquet", "a/b.geojson", "a/exports/csv", "a/b.json#x"].map(formatOfUrl)
    ).toEqual(["zip", "parquet", "json", "csv", "json"]);
  });
});

describe("chooseMember(names, pattern, archive)", () => {
  const names = ["doc/", "doc/meta_FILO2021.csv", "FILO2021_DISP_PAUVRES_COM.csv", "FILO2021_DISP_COM.csv"];
  it("takes the one member matching the pattern, case-insensitively", () => {
    expect(chooseMember(names, "filo2021_disp_pauvres_com\\.csv$", "x.zip")).toBe(
      "FILO2021_DISP_PAUVRES_COM.csv"
    );
  });
  it("refuses an archive where several data files fit, naming them", () => {
    expect(() => chooseMember(names, undefined, "x.zip")).toThrow(
      /x\.zip : 3 fichiers de données .* FILO2021_DISP_COM\.csv/
    );
  });
  it("refuses an archive where nothing fits", () => {
    expect(() => chooseMember(["notice.pdf"], "\\.csv$", "x.zip")).toThrow(/aucun fichier correspondant à/);
  });
});
