import {describe, expect, it} from "vitest";
import {attributionText, topologyAttribution} from "../../../src/components/maps/attribution.js";
import {formatNumber} from "../../../src/components/formats/format.js";
import {joinValues, territoryFilter} from "../../../src/components/maps/map-join.js";
import {classify, classLabels, computeBins} from "../../../src/components/maps/map-scale.js";

describe("computeBins", () => {
  const values = Array.from({length: 100}, (_, i) => i + 1);
  it("quantile classes hold about the same number of values", () => {
    const {thresholds, classes} = computeBins([...values, null, Number.NaN], {classes: 4});
    expect(classes).toBe(4);
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[classify(v, thresholds)!]!++;
    for (const c of counts) expect(c).toBe(25);
  });
  it("drops repeated thresholds when many values are equal", () => {
    const {thresholds} = computeBins([0, 0, 0, 0, 0, 0, 0, 0, 1, 2], {classes: 5});
    expect(new Set(thresholds).size).toBe(thresholds.length);
    expect(thresholds.length).toBeLessThan(4);
  });
  it("diverging thresholds are symmetric around the centre", () => {
    const {thresholds} = computeBins([70, 100, 160], {type: "diverging", classes: 5, center: 100});
    expect(thresholds).toHaveLength(4);
    for (let i = 0; i < 2; i++) expect(100 - thresholds[i]!).toBeCloseTo(thresholds[3 - i]! - 100, 9);
    expect(thresholds[0]).toBeGreaterThan(40);
  });
  it("diverging classes are not flattened by one outlier, and even class counts split at the centre", () => {
    const values = [...Array.from({length: 40}, (_, i) => 95 + (i % 10)), 1000];
    const {thresholds} = computeBins(values, {type: "diverging", classes: 5, center: 100});
    const used = new Set(values.map((v) => classify(v, thresholds)));
    expect(used.size).toBeGreaterThanOrEqual(4);
    const even = computeBins(values, {type: "diverging", classes: 4, center: 100});
    expect(even.classes).toBe(4);
    expect(even.thresholds[1]).toBe(100);
  });
  it("threshold scales use the given limits, sorted", () => {
    expect(computeBins(values, {type: "threshold", thresholds: [50, 10]}).thresholds).toEqual([10, 50]);
    expect(() => computeBins(values, {type: "threshold"})).toThrow(/thresholds/);
  });
  it("classify puts a threshold in the class above it and missing values nowhere", () => {
    expect(classify(10, [10, 20])).toBe(1);
    expect(classify(9.99, [10, 20])).toBe(0);
    expect(classify(25, [10, 20])).toBe(2);
    expect(classify(null, [10])).toBeNull();
  });
  it("labels classes in French number format", () => {
    const labels = classLabels([1234.5, 2000]);
    expect(labels).toHaveLength(3);
    expect(labels[0]).toBe(`moins de ${formatNumber(1234.5)}`);
    expect(labels[0]).toMatch(/1\s234,5/);
    expect(labels[2]).toMatch(/ou plus$/);
  });
});

describe("joinValues", () => {
  const features = [{id: "01"}, {id: "02"}, {id: "03"}, {id: "2A"}];
  it("tells apart values, secrets and missing rows, and lists codes that match nothing", () => {
    const rows = [
      {code: "01", value: 3},
      {code: "02", value: "s"},
      {code: "2A", value: "1 234,5"},
      {code: "99", value: 1}
    ];
    const {values, unmatched, missing, counts} = joinValues(features, rows);
    expect(values.get("01")).toEqual({status: "value", value: 3});
    expect(values.get("02")?.status).toBe("secret");
    expect(values.get("2A")).toEqual({status: "value", value: 1234.5});
    expect(values.get("03")).toEqual({status: "missing", value: null});
    expect(unmatched).toEqual(["99"]);
    expect(missing).toEqual(["03"]);
    expect(counts).toEqual({value: 2, secret: 1, missing: 1});
  });
  it("accepts accessors and a secret predicate", () => {
    const rows = [{dep: "01", taux: null, secretise: true}];
    const {values} = joinValues(features, rows, {
      code: (r) => r.dep,
      value: (r) => r.taux,
      secret: (r) => r.secretise
    });
    expect(values.get("01")?.status).toBe("secret");
  });
});

describe("territoryFilter", () => {
  const regionOf = new Map([
    ["01", "84"],
    ["69", "84"],
    ["971", "01"],
    ["75", "11"]
  ]);
  it("keeps communes of a département (including 3-character DROM codes) or of a région", () => {
    const dep = territoryFilter("commune", {departement: "971"}, regionOf);
    expect(dep({id: "97101"})).toBe(true);
    expect(dep({id: "97201"})).toBe(false);
    const reg = territoryFilter("commune", {region: "84"}, regionOf);
    expect(reg({id: "69123"})).toBe(true);
    expect(reg({id: "75056"})).toBe(false);
  });
  it("keeps départements of a région and keeps everything without a filter", () => {
    expect(territoryFilter("departement", {region: "84"}, regionOf)({id: "01"})).toBe(true);
    expect(territoryFilter("departement", {region: "84"}, regionOf)({id: "75"})).toBe(false);
    expect(territoryFilter("region", null, regionOf)({id: "84"})).toBe(true);
  });
});

describe("attribution", () => {
  it("joins known and free sources without duplicates", () => {
    const text = attributionText([
      "ign",
      "insee",
      "ign",
      "Données X ; INSEE – Code officiel géographique 2026, Licence Ouverte 2.0"
    ]);
    expect(text.startsWith("Sources : ")).toBe(true);
    expect(text.match(/INSEE/g)).toHaveLength(1);
    expect(text).toMatch(/IGN.*INSEE.*Données X/);
  });
  it("uses a topology's own attribution, or IGN and INSEE by default", () => {
    expect(topologyAttribution({kit: {attribution: "A ; B"}}, ["demo"])).toMatch(
      /^Sources : A ; B ; données de démonstration/
    );
    expect(topologyAttribution({})).toMatch(/IGN.*INSEE/);
    expect(topologyAttribution({kit: {projection: "grid"}})).toMatch(/tuiles/);
  });
});
