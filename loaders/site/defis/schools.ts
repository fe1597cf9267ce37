/**
 * Schools per commune for the défis (« École et numérique », « Parentalité numérique », « Diagnostic
 * territorial »): number of schools and classes, pupils by sector published under statistical secrecy
 * (loaders/education/secrecy-tables.ts: counts of 1 to 10 pupils hidden, then complementary cells so that no
 * hidden count can be recomputed from the département totals), and the mean IPS of the commune's schools.
 */
import {protectHierarchy} from "../../education/secrecy-tables.ts";
import type {Count} from "../../education/secrecy.ts";
import type {DataTable} from "../../core/table.ts";
import {rowAt} from "../../core/table.ts";

/** One commune's schools, as published. `null` pupil counts are secret (see `secret`). */
export interface CommuneSchools {
  code: string;
  departement: string;
  ecoles: number;
  classes: number;
  /** Schools in éducation prioritaire (REP or REP+). */
  ecoles_rep: number;
  eleves: number | null;
  eleves_public: number | null;
  eleves_prive: number | null;
  /** True when at least one pupil count of the commune is secret. */
  secret: boolean;
  /** Mean IPS of the commune's schools (unweighted), when published. */
  ips_moyen: number | null;
  /** Schools with an IPS. */
  ecoles_ips: number;
}

/** Published pupil counts of a département (for the secrecy margins). */
export interface DepartementSchools {
  departement: string;
  eleves: number | null;
  eleves_public: number | null;
  eleves_prive: number | null;
}

export interface SchoolsByCommune {
  /** Rentrée of the pupil counts and of the IPS used (the latest in each table). */
  rentreeEffectifs: number | null;
  rentreeIps: number | null;
  threshold: number;
  communes: CommuneSchools[];
  departements: DepartementSchools[];
  /** Cells hidden because small, and hidden to protect them. */
  primary: number;
  secondary: number;
}

const latest = (values: readonly unknown[]) =>
  values.reduce<number | null>((m, v) => (typeof v === "number" && (m === null || v > m) ? v : m), null);

const value = (c: Count | undefined) => (c && c.status === "published" ? c.value : null);

/**
 * Aggregates the latest rentrée of `effectifs-ecoles` and the schools' IPS (`ips`, niveau école) per commune,
 * with secrecy applied to pupil counts (public, private, total) at the commune and département levels.
 * @param toCurrent today's commune (COG 2026) of a school's commune code, applied before grouping (default: as is)
 */
export function schoolsByCommune(
  effectifs: DataTable,
  ips: DataTable,
  threshold = 11,
  toCurrent: (code: string) => string = (code) => code
): SchoolsByCommune {
  const rentreeEffectifs = latest(effectifs.values.rentree ?? []);
  const ipsRentree = latest(
    (ips.values.rentree ?? []).filter((_, i) => String(ips.values.niveau?.[i] ?? "").startsWith("\u00e9cole"))
  );
  type Acc = Omit<CommuneSchools, "eleves" | "eleves_public" | "eleves_prive" | "secret" | "ips_moyen"> & {
    pub: number;
    priv: number;
    ipsSum: number;
  };
  const byCommune = new Map<string, Acc>();
  const communeOfSchool = new Map<string, string>();
  for (let i = 0; i < effectifs.rowCount; i++) {
    const r = rowAt(effectifs, i);
    if (r.rentree !== rentreeEffectifs || typeof r.code_commune !== "string") continue;
    const code = toCurrent(r.code_commune);
    let acc = byCommune.get(code);
    if (!acc) {
      const fresh: Acc = {
        code,
        departement: String(r.departement ?? ""),
        ecoles: 0,
        classes: 0,
        ecoles_rep: 0,
        ecoles_ips: 0,
        pub: 0,
        priv: 0,
        ipsSum: 0
      };
      acc = fresh;
      byCommune.set(code, fresh);
    }
    acc.ecoles++;
    acc.classes += typeof r.nb_classes === "number" ? r.nb_classes : 0;
    if (r.rep === true || r.rep_plus === true) acc.ecoles_rep++;
    const pupils = typeof r.nb_eleves === "number" ? r.nb_eleves : 0;
    if (
      String(r.secteur ?? "")
        .toLowerCase()
        .startsWith("priv")
    )
      acc.priv += pupils;
    else acc.pub += pupils;
    if (typeof r.uai === "string") communeOfSchool.set(r.uai, code);
  }
  for (let i = 0; i < ips.rowCount; i++) {
    if (ips.values.rentree?.[i] !== ipsRentree) continue;
    if (!String(ips.values.niveau?.[i] ?? "").startsWith("\u00e9cole")) continue;
    const v = ips.values.ips?.[i];
    const uai = ips.values.uai?.[i];
    const ipsCommune = ips.values.code_commune?.[i];
    const code =
      (typeof uai === "string" ? communeOfSchool.get(uai) : undefined) ??
      (typeof ipsCommune === "string" ? toCurrent(ipsCommune) : undefined);
    const acc = code ? byCommune.get(code) : undefined;
    if (!acc || typeof v !== "number") continue;
    acc.ecoles_ips++;
    acc.ipsSum += v;
  }
  const rows = [...byCommune.values()].sort((a, b) => a.code.localeCompare(b.code));
  const table = protectHierarchy(
    {
      rows,
      columns: ["public", "prive"],
      value: (r, column) => (column === "public" ? r.pub : r.priv),
      levels: [{name: "departement", key: (r) => r.departement}],
      rowTotals: true
    },
    {threshold}
  );
  const communes: CommuneSchools[] = [];
  const departements: DepartementSchools[] = [];
  for (const line of table.lines) {
    const [pub, priv] = line.cells;
    const counts = {eleves: value(line.total), eleves_public: value(pub), eleves_prive: value(priv)};
    if (line.row) {
      const {pub: _p, priv: _q, ipsSum, ...rest} = line.row;
      communes.push({
        ...rest,
        ...counts,
        secret: [line.total, pub, priv].some((c) => c?.status === "secret"),
        ips_moyen: rest.ecoles_ips > 0 ? Math.round((ipsSum / rest.ecoles_ips) * 10) / 10 : null
      });
    } else if (line.level === "departement") {
      departements.push({departement: line.key, ...counts});
    }
  }
  return {
    rentreeEffectifs,
    rentreeIps: ipsRentree,
    threshold,
    communes,
    departements,
    primary: table.primary,
    secondary: table.secondary
  };
}
