/**
 * `contours`: boundaries of communes, EPCI, départements and régions (IGN ADMIN EXPRESS COG, or Etalab's
 * "contours administratifs"), keyed by COG 2026 codes, old communes merged into their current commune.
 *
 * `npm run data -- load contours --input <file.geojson|file.topo.json|file.parquet|folder> [--attribution "<texte>"]`
 * reads one level per file, or per folder of files (e.g. one GeoJSON of communes per département) (GeoJSON,
 * TopoJSON or GeoParquet, WGS 84 or Lambert-93) and adds it to the levels already loaded in that kit (a later
 * input of the same level replaces it). Each level keeps its own provenance (file, sha256, attribution: the
 * user's words, or the file name and a request to name the source) in the meta's `sources` and on its map. Outputs: `contours` (one row per territory: code, name, level, codes merged into it, geometry as
 * GeoJSON text at map resolution, real positions) and `contours-carte` (one TopoJSON per level, DROM as insets,
 * for the maps). The full-resolution GeoParquet is written by `writeContours` (`loaders/geo/load-contours.ts`).
 */
import {readFile} from "node:fs/promises";
import {basename, join} from "node:path";
import type {MultiPolygon, Polygon, Position} from "geojson";
import {feature} from "topojson-client";
import type {GeometryCollection} from "topojson-specification";
import type {DatasetContext, DatasetDeclaration} from "../core/dataset.ts";
import {hashInput} from "../core/ingest.ts";
import type {SourcePart} from "../core/meta.ts";
import {readMeta} from "../core/outputs.ts";
import {kitPaths, type KitPaths} from "../core/paths.ts";
import type {ColumnSpec} from "../core/schema.ts";
import {summarizeColumns} from "../core/schema.ts";
import {fromArrowStream, rowAt, tableFromRows, type DataTable} from "../core/table.ts";
import type {Level} from "../core/codes.ts";
import {contoursAttribution, mapTopology, unattributedSource, type ContourRow} from "../geo/contours.ts";
import {loadContours} from "../geo/load-contours.ts";
import {orientForD3, withoutFlatRings} from "../geo/orientation.ts";

const LEVELS: Level[] = ["commune", "epci", "departement", "region"];

const columns: ColumnSpec[] = [
  {
    name: "code",
    type: "string",
    description: "Code du territoire dans le COG 2026 (INSEE ; SIREN pour un EPCI)",
    nullable: false
  },
  {name: "nom", type: "string", description: "Nom du territoire (COG 2026)", nullable: false},
  {
    name: "niveau",
    type: "string",
    description: "Niveau : commune, epci, departement ou region",
    nullable: false,
    allowed: {values: LEVELS}
  },
  {
    name: "codes_source",
    type: "string",
    description:
      "Codes du fichier source réunis dans ce territoire (anciennes communes fusionnées), séparés par |",
    nullable: false
  },
  {
    name: "geometrie",
    type: "string",
    description: "Contour en GeoJSON (WGS 84, position réelle, simplifié pour la carte)",
    nullable: false
  }
];

const carteColumns: ColumnSpec[] = [
  {name: "niveau", type: "string", description: "Niveau du fond de carte", nullable: false},
  {
    name: "topojson",
    type: "string",
    description: "Fond de carte TopoJSON (COG 2026, DROM en encarts, simplifié)",
    nullable: false
  },
  {
    name: "attribution",
    type: "string",
    description: "Source des contours de ce niveau, telle que donnée au chargement (--attribution)",
    nullable: false
  }
];

const round = (c: Position): Position => [Math.round(c[0]! * 1e5) / 1e5, Math.round(c[1]! * 1e5) / 1e5];
function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === "Polygon"
    ? {type: "Polygon", coordinates: g.coordinates.map((r) => r.map(round))}
    : {type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(round)))};
}

/** The rows of the main table of one level, geometry simplified to map resolution (real positions). Pure. */
export function contourTableRows(rows: readonly ContourRow[], merged: Map<string, string[]>) {
  if (rows.length === 0) return [];
  const level = rows[0]!.level;
  const topology = mapTopology(rows, level, {insets: false});
  const fc = feature(topology, topology.objects[level] as GeometryCollection) as unknown as {
    features: {id: string; properties: {name: string}; geometry: Polygon | MultiPolygon}[];
  };
  const full = new Map(rows.map((r) => [r.code, r.geometry]));
  return fc.features.map((f) => {
    // A territory the simplification flattened keeps its full-resolution outline.
    const geometry =
      (f.geometry && withoutFlatRings(roundGeometry(f.geometry))) ?? roundGeometry(full.get(String(f.id))!);
    return {
      code: String(f.id),
      nom: f.properties.name,
      niveau: level,
      codes_source: (merged.get(String(f.id)) ?? [String(f.id)]).join("|"),
      geometrie: JSON.stringify(orientForD3(geometry))
    };
  });
}

/**
 * The `carte` part: one TopoJSON per level present in the main table (DROM as insets), attributed to the source
 * recorded for that level in `sources` (part = level), or to a source not given. Pure.
 */
export function carteTable(table: DataTable, sources: readonly SourcePart[] = []): DataTable {
  const byLevel = new Map<Level, ContourRow[]>();
  for (let i = 0; i < table.rowCount; i++) {
    const r = rowAt(table, i);
    const level = r.niveau as Level;
    if (!byLevel.has(level)) byLevel.set(level, []);
    byLevel.get(level)!.push({
      code: String(r.code),
      name: String(r.nom),
      level,
      geometry: JSON.parse(String(r.geometrie)) as Polygon | MultiPolygon
    });
  }
  const rows = LEVELS.filter((l) => byLevel.has(l)).map((level) => {
    const source = sources.find((s) => s.part === level);
    const attribution = contoursAttribution(source?.attribution ?? "Contours de source non précisée");
    // Geometries are already simplified: keep all their points.
    const topojson = JSON.stringify(mapTopology(byLevel.get(level)!, level, {keep: 1, attribution}));
    return {niveau: level, topojson, attribution};
  });
  return tableFromRows(summarizeColumns(carteColumns), rows);
}

/**
 * Rows and provenance of the levels already loaded in the kit at `paths` (snapshot, else cache), except `level`.
 */
async function otherLevels(
  level: Level,
  paths: KitPaths
): Promise<{rows: Record<string, string>[]; sources: SourcePart[]}> {
  for (const base of [paths.snapshots, paths.cache]) {
    const dir = join(base, "contours");
    const meta = await readMeta(dir, "contours");
    if (!meta) continue;
    const table = fromArrowStream(
      new Uint8Array(await readFile(join(dir, "contours.arrow"))),
      summarizeColumns(columns)
    );
    const rows: Record<string, string>[] = [];
    for (let i = 0; i < table.rowCount; i++) {
      const r = rowAt(table, i) as Record<string, string>;
      if (r.niveau !== level) rows.push(r);
    }
    const levels = new Set(rows.map((r) => r.niveau));
    return {rows, sources: (meta.sources ?? []).filter((s) => levels.has(s.part))};
  }
  return {rows: [], sources: []};
}

/**
 * Reads a boundary file, reports what was mapped, and returns the tables (levels already loaded kept) and the
 * provenance of each level (this file's attributed to `context.attribution`, else to its file name).
 */
async function ingestContours(
  path: string,
  context: DatasetContext = {}
): Promise<{table: DataTable; tables: {name: string; table: DataTable}[]; sources: SourcePart[]}> {
  const paths = context.paths ?? kitPaths();
  const result = await loadContours(path);
  const {report} = result;
  const say = (line: string) => process.stderr.write(`contours : ${line}\n`);
  say(`${report.features} contours lus, niveau ${report.level} (colonne ${report.codeField})`);
  say(
    `${report.territories} territoires du COG 2026, dont ${report.merged.length} issus d'une fusion ou d'un ancien code`
  );
  if (report.unmapped.length)
    say(
      `${report.unmapped.length} code(s) hors du COG 2026, écartés : ${report.unmapped.slice(0, 20).join(", ")}`
    );
  if (report.invalidGeometries.length)
    say(`${report.invalidGeometries.length} contour(s) sans polygone, écartés`);
  if (report.missing.length)
    say(`${report.missing.length} territoire(s) du COG 2026 sans contour dans ce fichier`);
  if (result.rows.length === 0) throw new Error(`contours : ${path} : aucun territoire du COG 2026 reconnu`);
  const merged = new Map(report.merged.map((m) => [m.code, m.from]));
  const others = await otherLevels(report.level, paths);
  const rows = [...others.rows, ...contourTableRows(result.rows, merged)];
  const table = tableFromRows(summarizeColumns(columns), rows);
  const file = basename(path);
  const source: SourcePart = {
    part: report.level,
    file,
    sha256: (await hashInput(path)).sha256,
    attribution: context.attribution?.trim() || unattributedSource(file),
    retrieved: new Date().toISOString()
  };
  if (!context.attribution?.trim()) say(`source non précisée : ajoutez --attribution "<source>" (cartes)`);
  const sources = [...others.sources, source].sort(
    (a, b) => LEVELS.indexOf(a.part as Level) - LEVELS.indexOf(b.part as Level)
  );
  return {
    table,
    tables: [
      {name: "contours", table},
      {name: "contours-carte", table: carteTable(table, sources)}
    ],
    sources
  };
}

/** The declaration. */
export const contours: DatasetDeclaration = {
  id: "contours",
  title: "Contours administratifs",
  description:
    "Contours des communes, EPCI, départements et régions (IGN ADMIN EXPRESS COG, ou « contours administratifs » d'Etalab), ramenés aux codes du COG 2026 : les anciennes communes sont fusionnées dans leur commune actuelle. Un fichier GeoJSON, TopoJSON ou GeoParquet par niveau, en WGS 84 ou Lambert-93, avec sa source (--attribution). Remplace, niveau par niveau, le fond de carte livré avec le kit (data/basemap/, contours réels simplifiés, construit par npm run data -- basemap).",
  producer: "IGN ; Etalab ; INSEE (COG)",
  licence: "Licence Ouverte 2.0 (Etalab)",
  vintage: "COG 2026 (codes) ; géométries selon le fichier chargé",
  updateFrequency: "annuelle (ADMIN EXPRESS COG, au 1er janvier)",
  level: "commune",
  source: {
    portal: "data.gouv.fr",
    dataset: "contours-administratifs",
    resource: {format: "geojson", match: "communes.*(5m|50m|100m)"}
  },
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Références publiques : data.gouv.fr/datasets/contours-administratifs (Etalab, d'après IGN ADMIN EXPRESS COG), fichiers communes-5m / 50m / 100m en GeoJSON, licence ODbL selon plusieurs documentations",
      "Les fichiers de ../shared/geo (IGN ADMIN EXPRESS COG 2025 et dérivés) ont servi au fond de carte du kit"
    ],
    unconfirmed:
      "La licence indiquée par ces références (ODbL) diffère de la Licence Ouverte des fichiers IGN : à relire sur la page du jeu."
  },
  homepage: "https://www.data.gouv.fr/fr/datasets/contours-administratifs/",
  key: "code",
  columns,
  parts: [
    {suffix: "carte", title: "Fonds de carte TopoJSON par niveau", columns: carteColumns, build: carteTable}
  ],
  ingest: ingestContours,
  offline: {
    // No table is shipped: the maps draw the committed basemap (data/basemap/) until contours are loaded.
    status: "réel",
    build: () => tableFromRows(summarizeColumns(columns), []),
    note: `Table vide : les cartes utilisent le fond livré avec le kit (data/basemap/). Pour des contours plus fins ou plus récents : npm run data -- load contours --input <fichier> --attribution "<source>".`
  }
};
