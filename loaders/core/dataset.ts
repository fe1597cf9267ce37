/**
 * The declaration of a dataset: where it comes from, what it contains, how to read its files and what to show
 * when nothing has been fetched. One declaration per file in `loaders/datasets/`.
 */
import type {CsvFormat} from "./csv.ts";
import type {RawFile} from "./records.ts";
import type {DataStatus, SourcePart} from "./meta.ts";
import type {ColumnSpec, MeasureWords} from "./schema.ts";
import type {NamedTable} from "./outputs.ts";
import type {KitPaths} from "./paths.ts";
import type {ReadingGuide} from "./reading.ts";
import type {DataTable} from "./table.ts";
import type {CommuneCodeMapper} from "./validate.ts";

/** How to choose one resource among those a data.gouv.fr dataset lists. */
export interface ResourcePick {
  /** Resource format, compared case-insensitively (`csv`, `json`, `parquet`). */
  format?: string;
  /** A regular expression the resource title (or URL) must match, case-insensitive. */
  match?: string;
}

/**
 * Where the official file is found. On a portal, the download URL is resolved through its API; a file that no
 * portal lists (INSEE's zip archives on insee.fr) is declared by its direct address.
 */
export type SourceSpec =
  | {
      portal: "data.gouv.fr";
      /** Dataset id or slug, as in `GET https://www.data.gouv.fr/api/1/datasets/{id}/`. */
      dataset: string;
      resource: ResourcePick;
      /**
       * What to search for when the id is gone (HTTP 404): `GET /datasets/?q={q}&organization={organization}`;
       * the one dataset with a resource matching `resource` is taken, several are listed.
       */
      search?: {q: string; organization?: string};
    }
  | {
      portal: "data.education.gouv.fr";
      /** Opendatasoft dataset id (e.g. `fr-en-annuaire-education`). */
      dataset: string;
      format: "csv" | "json" | "parquet";
    }
  | {
      portal: "url";
      /** Direct address of the file on the producer's own site (never a portal's cached copy). */
      url: string;
      /** Format of the file, or `zip` for an archive holding the data file named by `member`. */
      format: "csv" | "json" | "parquet" | "zip";
      /** For a zip archive: a regular expression (case-insensitive) that names the one data file to read. */
      member?: string;
    }
  | {
      portal: "manual";
      /** Where a person finds the file (no address the kit could confirm), in French; `fetch` prints it. */
      where: string;
    }
  | {
      portal: "package";
      /** npm package shipping the data (no download). */
      package: string;
    };

/**
 * Where a declaration's source was checked against public references (no machine of the kit's developers
 * reaches the portals): the evidence, each in one line naming the page, script or schema read, and the date.
 */
export interface SourceCheck {
  /** ISO date of the check (`2026-12-02`). */
  date: string;
  /** One line per reference: what was read and what it says (French or English, as written by the checker). */
  evidence: readonly string[];
  /** What could not be confirmed, if anything (shown as « à vérifier » beside the evidence). */
  unconfirmed?: string;
}

/** A file variant (older vintage or other producer) recognised from its header. */
export interface Variant {
  name: string;
  /** True when a header belongs to this variant. */
  detect: (header: readonly string[]) => boolean;
  /** Vintage of the files of this variant, when it is not the declaration's (an older FILOSOFI file). */
  vintage?: string;
}

export type {DataStatus};

/** Geographic level of a dataset's rows. */
export type GeoLevel = "commune" | "iris" | "point" | "departement";

/** How a declaration derives its commune code (`DatasetDeclaration.deriveCommuneCode`). */
export interface CommuneCodeDerivation {
  /** Commune code column, filled where the file leaves it empty. */
  column: string;
  /** Column telling where each code comes from: a value of `CODE_ORIGIN` (`geo/commune-derivation.ts`), empty when there is no code. */
  marker: string;
  /** Columns of the commune's name and of its postal code. */
  name: string;
  postal: string;
  /** Paris, Lyon, Marseille: derive the arrondissement municipal's code when the name or postal code tells it. */
  arrondissements: boolean;
  /** What a row is, in French, plural (`lieux`), for the reports. */
  unit: string;
}

/** Fills a parsed file's missing commune codes as `derivation` says (before validation). */
export type CommuneCodeDeriver = (
  raw: RawFile,
  derivation: CommuneCodeDerivation,
  columns: readonly ColumnSpec[]
) => RawFile;

/** Context handed to `prepare` and `offline`. */
export interface DatasetContext {
  /** Maps commune codes of an older COG vintage to the current one (from `loaders/geo/`); identity if absent. */
  mapCommune?: CommuneCodeMapper;
  /**
   * Fills the commune codes a file leaves empty from names and postal codes, for declarations with
   * `deriveCommuneCode` (from `loaders/geo/commune-derivation.ts`, which the commands hand over); required by them.
   */
  deriveCommuneCodes?: CommuneCodeDeriver;
  /** The kit being written (default: this repository), for an `ingest` that merges with what is loaded. */
  paths?: KitPaths;
  /** Attribution of the file's source in the user's words (`load --attribution`), for an `ingest` that records it. */
  attribution?: string;
}

/** An extra table derived from the dataset and written beside it as `<id>-<suffix>.*`. */
export interface DerivedPart {
  suffix: string;
  /** What the part contains, in French. */
  title: string;
  columns: readonly ColumnSpec[];
  /** What one row of the part counts, as a measure of the indicator pages (see `DatasetDeclaration.rowMeasure`). */
  rowMeasure?: MeasureWords;
  build: (table: DataTable) => DataTable;
}

/** Everything the kit knows about one dataset. */
export interface DatasetDeclaration {
  /** Fixed id (file names, lock, site). */
  id: string;
  /** French title. */
  title: string;
  /** French one-paragraph description. */
  description: string;
  producer: string;
  licence: string;
  /** Vintage of the data the declaration targets (`2024-08-01`, `COG 2026`, `2019`). */
  vintage: string;
  /** How often the producer updates it, in French. */
  updateFrequency: string;
  level: GeoLevel;
  /** COG vintage of the commune codes in the source (mapped to the current one through `mapCommune`). */
  cogVintage?: number;
  source: SourceSpec;
  /** Where `source` was checked, and when; absent: never checked (the catalogue says « à vérifier »). */
  sourceCheck?: SourceCheck;
  /** Landing page for people (documentation only; never requested). */
  homepage?: string;
  /** How to read it (edition, reference, scale, date, limits, sources): the « Lire cette donnée » box. */
  reading?: ReadingGuide;
  /** How CSV files of this dataset are written (separator, encoding, disclaimer lines). */
  csv?: CsvFormat;
  /** Column whose values identify a row (used to diff two fetches). */
  key?: string;
  /** Output columns, in order, with their validation rules. */
  columns: readonly ColumnSpec[];
  /**
   * What one row counts, in words, when the number of rows by commune is a measure of the indicator pages
   * ("Lieux de médiation", unit "lieux"); absent: a machine-made label.
   */
  rowMeasure?: MeasureWords;
  /**
   * For a table with one row per school (or place) and year: the year column. Its measures must not be added or
   * averaged across years: the indicator pages read the latest year of the file only, and say it with `label`.
   */
  period?: {column: string; label: string};
  /** Known file variants; the first whose `detect` accepts the header wins. */
  variants?: readonly Variant[];
  /** Reshapes a parsed file before validation (pivot, field renames of older formats). Pure. */
  prepare?: (raw: RawFile, variant: string | undefined) => RawFile;
  /**
   * Fills the commune code where a file leaves it empty, from the commune's name and postal code (after
   * `prepare`, before validation; `loaders/geo/commune-derivation.ts`), and marks each code's origin. Loads and
   * fetches report how many were derived and which names matched nothing (meta.json `derivedCodes`).
   */
  deriveCommuneCode?: CommuneCodeDerivation;
  /** Derived tables written beside the main one. */
  parts?: readonly DerivedPart[];
  /**
   * For files too large for JavaScript records (millions of rows): reads, checks and reduces the source file
   * itself (DuckDB streaming, bounded memory) and returns the main table and its parts. When set, `load` and
   * `fetch` call it instead of parsing + `prepare` + validating records. Throws `ValidationError` on bad rows.
   */
  ingest?: (
    path: string,
    context: DatasetContext
  ) => Promise<{table: DataTable; tables: NamedTable[]; sources?: SourcePart[]}>;
  /** The offline default: a table built in memory, and whether it is real data or demonstration data. */
  offline: {status: DataStatus; build: (context: DatasetContext) => DataTable; note: string};
}
