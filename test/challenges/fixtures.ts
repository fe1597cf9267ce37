/**
 * Small invented inputs for the défi aggregates: a COG where commune nouvelle 90001 absorbed 90002 and 90003,
 * and city 90050 has arrondissements 90051 and 90052; tables built from rows with declared column types.
 */
import {summarizeColumns, type ColumnSpec} from "../../loaders/core/schema.ts";
import {tableFromRows, type Cell, type DataTable} from "../../loaders/core/table.ts";
import type {CogCommuneRecord} from "../../loaders/geo/cog-data.ts";
import {buildCogIndex} from "../../loaders/geo/cog.ts";
import type {CommunePortrait} from "../../loaders/site/defis/commune-portrait.ts";

export const COG: CogCommuneRecord[] = [
  {code: "90001", nom: "Nouvelle", type: "commune-actuelle", anciensCodes: ["90002", "90003"]},
  {code: "90002", nom: "Déléguée", type: "commune-deleguee", chefLieu: "90001"},
  {code: "90010", nom: "Pôle", type: "commune-actuelle"},
  {code: "90050", nom: "Ville", type: "commune-actuelle"},
  {code: "90051", nom: "Ville 1er", type: "arrondissement-municipal", commune: "90050"},
  {code: "90052", nom: "Ville 2e", type: "arrondissement-municipal", commune: "90050"}
];
export const index = buildCogIndex(COG);

/** A table whose columns are the keys of the first row (strings, else numbers). */
export function table(rows: Record<string, Cell>[]): DataTable {
  const names = Object.keys(rows[0] ?? {});
  const columns: ColumnSpec[] = names.map((name) => ({
    name,
    type: rows.some((r) => typeof r[name] === "number") ? "number" : "string",
    description: name,
    nullable: true
  }));
  return tableFromRows(summarizeColumns(columns), rows);
}

/** The `communes` table of the fixture COG (three current communes in two régions). */
export const communes = table([
  {code: "90001", nom: "Nouvelle", departement: "90", region: "27", epci: "200000001", population: 3000},
  {code: "90010", nom: "Pôle", departement: "90", region: "27", epci: "200000001", population: 1000},
  {code: "90050", nom: "Ville", departement: "91", region: "11", epci: "200000002", population: 6000}
]);

/** A commune portrait with defaults (every count 0, no score). */
export const portrait = (p: Partial<CommunePortrait> & {code: string}): CommunePortrait => ({
  nom: p.code,
  departement: "90",
  region: "27",
  epci: null,
  population: 100,
  score: null,
  lieux: 0,
  conseillers: 0,
  franceServices: 0,
  locaux: null,
  fibre: null,
  ...p
});
