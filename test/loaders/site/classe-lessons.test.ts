import {describe, expect, it} from "vitest";
import type {SchoolsByCommune} from "../../../loaders/site/defis/schools.ts";
import {checkAnswer, type AnswerKey} from "../../../src/components/classe/answer-check.js";
import {
  correlationLesson,
  countsRatesLesson,
  meanMedianLesson,
  median,
  pearson,
  readingMapLesson,
  secrecyLesson,
  weightedMean,
  type LessonInputs
} from "../../../loaders/site/classe-lessons.ts";

const schools: SchoolsByCommune = {
  rentreeEffectifs: 2024,
  rentreeIps: 2024,
  threshold: 11,
  communes: [
    {
      code: "35001",
      departement: "35",
      ecoles: 3,
      classes: 9,
      ecoles_rep: 0,
      eleves: 200,
      eleves_public: 150,
      eleves_prive: 50,
      secret: false,
      ips_moyen: null,
      ecoles_ips: 0
    },
    {
      code: "35002",
      departement: "35",
      ecoles: 1,
      classes: 1,
      ecoles_rep: 0,
      eleves: null,
      eleves_public: null,
      eleves_prive: 0,
      secret: true,
      ips_moyen: null,
      ecoles_ips: 0
    },
    {
      code: "35003",
      departement: "35",
      ecoles: 1,
      classes: 2,
      ecoles_rep: 0,
      eleves: null,
      eleves_public: null,
      eleves_prive: 0,
      secret: true,
      ips_moyen: null,
      ecoles_ips: 0
    }
  ],
  departements: [{departement: "35", eleves: 230, eleves_public: 180, eleves_prive: 50}],
  primary: 2,
  secondary: 2
};

/** Five communes in 35, one in 22; scores, fibre and places chosen so that the answers are easy to check. */
function inputs(): LessonInputs {
  const communes = [
    {code: "35001", nom: "Grande", departement: "35", population: 10_000},
    {code: "35002", nom: "Moyenne", departement: "35", population: 3_000},
    {code: "35003", nom: "Petite", departement: "35", population: 500},
    {code: "35004", nom: "Village", departement: "35", population: 100},
    {code: "35005", nom: "Hameau", departement: "35", population: 50},
    {code: "22001", nom: "Ailleurs", departement: "22", population: 1_000}
  ];
  return {
    communes,
    departements: new Map([
      ["22", "Côtes-d'Armor"],
      ["35", "Ille-et-Vilaine"]
    ]),
    lieux: ["35001", "35001", "35001", "35002", "35004", "22001"],
    ifn: new Map([
      ["35001", 80],
      ["35002", 90],
      ["35003", 100],
      ["35004", 120],
      ["35005", 130],
      ["22001", 100]
    ]),
    fibre: new Map([
      ["35001", 0.9],
      ["35002", 0.8],
      ["35003", 0.5],
      ["35004", 0.3],
      ["35005", 0.2]
    ]),
    schools
  };
}

/** The right answer passes and a wrong one fails, for a key from the lesson file. */
function expectKey(key: AnswerKey | undefined, right: string | number, wrong: string | number) {
  expect(key).toBeDefined();
  expect(checkAnswer(right, key!)).toBe("right");
  expect(checkAnswer(wrong, key!)).toBe("wrong");
}

describe("statistics", () => {
  it("median() takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it("weightedMean() weights each value", () => {
    expect(weightedMean([80, 120], [3, 1])).toBe(90);
  });
  it("pearson() is -1 for a decreasing line and null without variance", () => {
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});

describe("readingMapLesson(inputs)", () => {
  it("classes the départements by places per 10 000 inhabitants and counts those of the same class", () => {
    const {file, answers} = readingMapLesson(inputs());
    const national = file.national as {values: {code: string; value: number}[]};
    // 35: 5 places for 13 650 inhabitants; 22: 1 for 1 000.
    expect(national.values.find((v) => v.code === "35")!.value).toBe(3.7);
    expect(national.values.find((v) => v.code === "22")!.value).toBe(10);
    const same = answers["35"]!.find((a) => a.id === "meme-classe")!;
    expect(same.value).toBe(1);
    expectKey(file.departements["35"]!.exercises["meme-classe"], "1", "2");
    expect(answers["35"]!.find((a) => a.id === "sans-donnee")!.option).toMatch(/pas de valeur/);
  });
});

describe("countsRatesLesson(inputs)", () => {
  it("computes the département's rate and the rate of the commune with the most places", () => {
    const {file, answers} = countsRatesLesson(inputs());
    const dep = file.departements["35"]!;
    expect(dep.lieux).toBe(5);
    expect(dep.population).toBe(13_650);
    // 5 / 13 650 × 10 000 = 3,663…; Grande: 3 / 10 000 × 10 000 = 3.
    expect(answers["35"]!.find((a) => a.id === "taux-departement")!.value).toBeCloseTo(3.663, 3);
    expectKey(dep.exercises["taux-departement"], "3,66", "0,000366");
    expectKey(dep.exercises["taux-premiere"], "3", "3,2");
    // The top rate is the village with one place: 1 / 100 × 10 000 = 100.
    expect((dep.parTaux as {nom: string}[])[0]!.nom).toBe("Village");
  });
});

describe("meanMedianLesson(inputs)", () => {
  it("asks the median and the population-weighted mean of the 5 most populous communes", () => {
    const {file, answers} = meanMedianLesson(inputs());
    const dep = file.departements["35"]!;
    expect(answers["35"]!.find((a) => a.id === "mediane")!.value).toBe(100);
    // (80×10000 + 90×3000 + 100×500 + 120×100 + 130×50) / 13 650 = 83,41…
    const weighted = answers["35"]!.find((a) => a.id === "moyenne-ponderee")!.value;
    expect(weighted).toBeCloseTo(1_138_500 / 13_650, 6);
    expectKey(dep.exercises["moyenne-ponderee"], "83,5", "104");
    expectKey(dep.exercises.mediane, "100", "104");
    expect(dep.resume).toEqual({communes: 5, moyenne: 104, mediane: 100, ponderee: 83.4});
  });
});

describe("correlationLesson(inputs)", () => {
  it("splits the communes at the median fibre and asks the share of fragile ones among the well covered", () => {
    const {file, answers} = correlationLesson(inputs());
    const dep = file.departements["35"]!;
    expect(dep.seuil).toBe(50);
    expect(dep.table).toEqual({bienFragiles: 0, bienAutres: 3, malFragiles: 2, malAutres: 0});
    expect(answers["35"]!.find((a) => a.id === "part-fragiles")!.value).toBe(0);
    expectKey(dep.exercises["part-fragiles"], "0", "40");
    expect(dep.r as number).toBeLessThan(-0.9);
    // Département 22 has one commune without fibre data: no exercise.
    expect(file.departements["22"]!.empty).toBeTruthy();
    expect(answers["22"]).toEqual([]);
  });
});

describe("secrecyLesson(inputs)", () => {
  it("counts the hidden totals and the pupils they hold together", () => {
    const {file, answers} = secrecyLesson(inputs());
    const dep = file.departements["35"]!;
    expect(answers["35"]!.find((a) => a.id === "communes-masquees")!.value).toBe(2);
    // 230 in the département, 200 published: 30 pupils in the two hidden communes together.
    expect(answers["35"]!.find((a) => a.id === "eleves-caches")!.value).toBe(30);
    expectKey(dep.exercises["eleves-caches"], "30", "0");
    expect((dep.secretes as unknown[]).length).toBe(2);
  });
  it("never writes an expected answer in clear in the lesson file", () => {
    const text = JSON.stringify(secrecyLesson(inputs()).file.departements["35"]!.exercises);
    expect(text).not.toMatch(/\b30\b/);
  });
});
