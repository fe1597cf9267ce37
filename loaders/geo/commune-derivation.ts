/**
 * Filling a missing commune code from the commune's name and postal code (`commune-lookup.ts`, COG 2026), for
 * datasets whose files do not always give the code (the pre-v1 lieux de médiation numérique files have only
 * `commune` and `code_postal`). A code the file gives is never replaced; a marker column tells, row by row, where
 * the code comes from; every load reports how many codes were derived and which names matched no commune
 * (meta.json `derivedCodes`, and the `data` command's output), as the COG report does for the codes themselves.
 */
import type {CommuneCodeDerivation} from "../core/dataset.ts";
import type {DerivedCodesReport, UnmatchedCommune} from "../core/meta.ts";
import type {ColumnSpec} from "../core/schema.ts";
import type {RawFile} from "../core/records.ts";
import type {Cell, DataTable} from "../core/table.ts";
import {matchColumns} from "../core/validate.ts";
import {COG_VINTAGE} from "./cog-data.ts";
import {communeLookup, type CommuneLookup} from "./commune-lookup.ts";

export type {CommuneCodeDerivation, DerivedCodesReport, UnmatchedCommune};

/** Values of the marker column: code given by the file, or derived by the kit. */
export const CODE_ORIGIN = {source: "source", derived: "déduit"} as const;

/** Most unmatched names kept in meta.json (the count always covers all of them). */
export const MAX_LISTED_UNMATCHED = 200;

/** Most unmatched names printed by the `data` command. */
const MAX_PRINTED_UNMATCHED = 20;

/** The declaration of the marker column (French description for the catalogue). */
export function codeOriginColumn(derivation: CommuneCodeDerivation): ColumnSpec {
  return {
    name: derivation.marker,
    type: "string",
    description: `Origine de ${derivation.column} : « ${CODE_ORIGIN.source} » (donné par le fichier) ou « ${CODE_ORIGIN.derived} » (retrouvé par le kit d'après ${derivation.name} et ${derivation.postal} dans le COG ${COG_VINTAGE}) ; vide quand il n'y a pas de code`,
    nullable: true,
    allowed: {values: Object.values(CODE_ORIGIN)}
  };
}

const lookups = new Map<boolean, CommuneLookup>();
const lookupFor = (arrondissements: boolean) => {
  if (!lookups.has(arrondissements)) lookups.set(arrondissements, communeLookup({arrondissements}));
  return lookups.get(arrondissements)!;
};

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value).trim());

/**
 * Fills the commune code of the records that have none from their commune name and postal code, and writes the
 * marker column. Columns are found as validation finds them (name or alias, any case). Pure apart from reading
 * the COG once.
 */
export function deriveCommuneCodes(
  raw: RawFile,
  derivation: CommuneCodeDerivation,
  columns: readonly ColumnSpec[],
  lookup: CommuneLookup = lookupFor(derivation.arrondissements)
): RawFile {
  const found = matchColumns(raw.header, columns);
  const code = found.get(derivation.column) ?? derivation.column;
  const marker = found.get(derivation.marker) ?? derivation.marker;
  const name = found.get(derivation.name);
  const postal = found.get(derivation.postal);
  return {
    ...raw,
    header: [...raw.header, ...[code, marker].filter((h) => !raw.header.includes(h))],
    records: raw.records.map((r) => {
      const values = {...r.values};
      if (text(values[code]) !== "") values[marker] = CODE_ORIGIN.source;
      else {
        const derived = name && postal ? lookup.find(text(values[name]), text(values[postal])) : null;
        values[code] = derived ?? "";
        values[marker] = derived ? CODE_ORIGIN.derived : "";
      }
      return {line: r.line, values};
    })
  };
}

/** The report on a validated table's commune codes, from its marker column. Pure. */
export function derivedCodesReport(table: DataTable, derivation: CommuneCodeDerivation): DerivedCodesReport {
  const column = (name: string): Cell[] => table.values[name] ?? [];
  const [codes, markers, names, postals] = [
    column(derivation.column),
    column(derivation.marker),
    column(derivation.name),
    column(derivation.postal)
  ];
  let given = 0;
  let derived = 0;
  const unmatched = new Map<string, UnmatchedCommune>();
  for (let i = 0; i < table.rowCount; i++) {
    if (markers[i] === CODE_ORIGIN.source) given++;
    else if (markers[i] === CODE_ORIGIN.derived) derived++;
    if (text(codes[i]) !== "") continue;
    const entry = {name: text(names[i]), postal: text(postals[i])};
    const key = `${entry.name}\u0000${entry.postal}`;
    const seen = unmatched.get(key) ?? {...entry, rows: 0};
    seen.rows++;
    unmatched.set(key, seen);
  }
  const list = [...unmatched.values()].sort(
    (a, b) => b.rows - a.rows || a.name.localeCompare(b.name, "fr") || a.postal.localeCompare(b.postal)
  );
  return {
    column: derivation.column,
    marker: derivation.marker,
    unit: derivation.unit,
    vintage: COG_VINTAGE,
    rows: table.rowCount,
    given,
    derived,
    missing: list.reduce((n, u) => n + u.rows, 0),
    unmatched: list.slice(0, MAX_LISTED_UNMATCHED)
  };
}

const fr = (n: number) => n.toLocaleString("fr-FR");

/** `Entremont (74130)`, `VALBERG (06470) × 2`. */
export const formatUnmatched = (u: UnmatchedCommune) =>
  `${u.name || "sans nom"} (${u.postal || "sans code postal"})${u.rows > 1 ? ` × ${fr(u.rows)}` : ""}`;

/** The report in French for the `data` command's output (nothing when every code comes from the file). */
export function formatDerivedCodes(id: string, report: DerivedCodesReport): string[] {
  if (report.derived === 0 && report.missing === 0) return [];
  const printed = report.unmatched.slice(0, MAX_PRINTED_UNMATCHED);
  const shown = printed.map(formatUnmatched).join(", ");
  const more = report.missing - printed.reduce((n, u) => n + u.rows, 0);
  const tail =
    more > 0 ? ` … et ${fr(more)} autres ${report.unit} (détail : meta.json, « derivedCodes »)` : "";
  return [
    `${id} : ${report.column} déduit de la commune et du code postal (COG ${report.vintage}) pour ${fr(report.derived)} ${report.unit} sur ${fr(report.rows)} ; ${fr(report.missing)} sans correspondance${report.missing ? ` : ${shown}${tail}` : ""}`
  ];
}
