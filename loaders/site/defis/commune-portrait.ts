/**
 * One row per current commune (COG 2026) with what the défi pages summarise: population and belonging
 * (`communes`), the IFN score rolled up to today's commune, the lieux de médiation, postes de conseillers and
 * France services it hosts, and its premises eligible to 1 Gbit/s. Each source is brought to COG 2026
 * ({@link currentCodes}) before the join; the codes that could not be brought are reported per source.
 */
import {rowAt, type DataTable} from "../../core/table.ts";
import type {CogIndex} from "../../geo/cog.ts";
import {coverageByCommune} from "../../../src/components/communes/thd-coverage.js";
import {currentCodes} from "./current-codes.ts";
import {ifnByCommune} from "./ifn.ts";

/** A current commune and its indicators (null: the source has no value for it). */
export interface CommunePortrait {
  code: string;
  nom: string;
  departement: string;
  region: string;
  epci: string | null;
  population: number;
  /** IFN score global (first edition: 100 = mean of the commune's région). */
  score: number | null;
  lieux: number;
  conseillers: number;
  franceServices: number;
  /** ARCEP premises, and premises eligible to 1 Gbit/s; null when the commune has no ARCEP row with the count. */
  locaux: number | null;
  fibre: number | null;
}

/** The tables a portrait reads; any of them but `communes` may be left out (its columns stay 0 or null). */
export interface PortraitSources {
  communes: DataTable;
  ifn?: DataTable;
  lieux?: DataTable;
  conseillers?: DataTable;
  franceServices?: DataTable;
  thd?: DataTable;
}

/** Codes of a source that have no commune in COG 2026 (distinct, sorted), by source. */
export type Unmapped = Record<string, string[]>;

/**
 * Counts the rows of `table` per current commune of `codeColumn` (each row weighing `weightColumn`, or 1).
 * @returns the counts and the codes left out because they have no current commune
 */
export function countByCommune(
  table: DataTable,
  codeColumn: string,
  weightColumn?: string,
  index?: CogIndex
): {counts: Map<string, number>; unmapped: string[]} {
  const codes = table.values[codeColumn] ?? [];
  const {toCurrent, report} = currentCodes(codes, index);
  const counts = new Map<string, number>();
  for (let i = 0; i < table.rowCount; i++) {
    const code = toCurrent(codes[i]);
    if (code === null) continue;
    const w = weightColumn ? table.values[weightColumn]?.[i] : 1;
    counts.set(code, (counts.get(code) ?? 0) + (typeof w === "number" ? w : 0));
  }
  return {counts, unmapped: report.unmapped};
}

/** The portrait of every current commune, in the order of `communes`. Pure. */
export function communePortraits(
  sources: PortraitSources,
  index?: CogIndex
): {communes: CommunePortrait[]; unmapped: Unmapped} {
  const unmapped: Unmapped = {};
  const counted = (name: string, table: DataTable | undefined, column: string, weight?: string) => {
    if (!table) return new Map<string, number>();
    const {counts, unmapped: left} = countByCommune(table, column, weight, index);
    unmapped[name] = left;
    return counts;
  };
  const lieux = counted("lieux-mediation-numerique", sources.lieux, "code_insee");
  const conseillers = counted(
    "conseillers-numeriques",
    sources.conseillers,
    "code_commune",
    "nb_conseillers"
  );
  const franceServices = counted("france-services", sources.franceServices, "code_commune");
  let scores = new Map<string, {score: number}>();
  if (sources.ifn) {
    const {toCurrent, report} = currentCodes(sources.ifn.values.code_commune ?? [], index);
    scores = ifnByCommune(sources.ifn, toCurrent);
    unmapped["fragilite-numerique-communes"] = report.unmapped;
  }
  let coverage = new Map<string, {locaux: number; eligibles: number; part: number | null}>();
  if (sources.thd) {
    const thd = sources.thd;
    const {toCurrent, report} = currentCodes(thd.values.code_commune ?? [], index);
    const rows = Array.from({length: thd.rowCount}, (_, i) => rowAt(thd, i))
      .filter((r) => toCurrent(r.code_commune) !== null)
      .map((r) => ({...r, code_commune: r.code_commune as string, locaux: r.locaux as number | null}));
    coverage = coverageByCommune(rows, (code: string) => toCurrent(code)!, "elig_thd1g");
    unmapped["couverture-thd"] = report.unmapped;
  }
  const c = sources.communes.values;
  const communes: CommunePortrait[] = [];
  for (let i = 0; i < sources.communes.rowCount; i++) {
    const code = c.code![i] as string;
    const cover = coverage.get(code);
    communes.push({
      code,
      nom: c.nom![i] as string,
      departement: c.departement![i] as string,
      region: c.region![i] as string,
      epci: (c.epci?.[i] as string | null) ?? null,
      population: (c.population![i] as number | null) ?? 0,
      score: scores.get(code)?.score ?? null,
      lieux: lieux.get(code) ?? 0,
      conseillers: conseillers.get(code) ?? 0,
      franceServices: franceServices.get(code) ?? 0,
      locaux: cover && cover.part !== null ? cover.locaux : null,
      fibre: cover && cover.part !== null ? cover.eligibles : null
    });
  }
  return {communes, unmapped};
}
