/**
 * The kit's error for a file that cannot be read: what went wrong and a hint, in French, with the dataset, the
 * file and, where they apply, the line and column. `readFailure` is the one place that turns every failure of
 * reading a file (open, decompress, decode, parse, validate) into it; the raw message of the library that failed
 * is only kept as a detail, after the kit's words.
 */
import {ValidationError} from "./issues.ts";

/** Where a reading failure happened. */
export interface ReadPlace {
  dataset?: string;
  /** The file's name as the user gave it (an archive's member after it). */
  file?: string;
  line?: number;
  column?: number | string;
}

/** A file that cannot be read: `what` happened, `hint` says what to do. Nothing has been written. */
export class ReadError extends Error {
  readonly what: string;
  readonly hint: string | undefined;
  readonly place: ReadPlace;
  /** The message of the library that failed, if any. */
  readonly detail: string | undefined;
  constructor(what: string, hint?: string, place: ReadPlace = {}, detail?: string) {
    super(formatReadError(what, hint, place, detail));
    this.name = "ReadError";
    this.what = what;
    this.hint = hint;
    this.place = place;
    this.detail = detail;
  }

  /** The same error with the places it lacks filled from `place`. */
  at(place: ReadPlace): ReadError {
    return new ReadError(this.what, this.hint, {...place, ...definedOf(this.place)}, this.detail);
  }
}

const definedOf = (place: ReadPlace): ReadPlace =>
  Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined)) as ReadPlace;

/** `ips : fichier.csv, ligne 3, colonne 5 : guillemet jamais fermé — hint (détail : …)`. */
function formatReadError(what: string, hint: string | undefined, place: ReadPlace, detail?: string): string {
  const where = [
    place.file,
    place.line !== undefined ? `ligne ${place.line}` : undefined,
    place.column !== undefined
      ? typeof place.column === "number"
        ? `colonne ${place.column}`
        : `colonne « ${place.column} »`
      : undefined
  ]
    .filter(Boolean)
    .join(", ");
  const head = [place.dataset, where].filter(Boolean).join(" : ");
  return `${head ? `${head} : ` : ""}${what}${hint ? ` — ${hint}` : ""}${detail ? ` (détail : ${detail})` : ""} ; rien n'a été écrit`;
}

const TRUNCATED = "fichier tronqué ? Retéléchargez-le ; sinon une cellule contient un guillemet isolé";

/** Node's system errors on opening a file, in French. */
const SYSTEM: Record<string, [string, string]> = {
  ENOENT: ["fichier introuvable", "vérifiez le chemin (relatif au dossier où la commande est lancée)"],
  EISDIR: ["c'est un dossier, pas un fichier", "donnez le chemin du fichier de données lui-même"],
  ENOTDIR: ["fichier introuvable (un élément du chemin n'est pas un dossier)", "vérifiez le chemin"],
  EACCES: ["lecture refusée", "vérifiez les droits du fichier"],
  EPERM: ["lecture refusée", "vérifiez les droits du fichier"]
};

/** csv-parse's errors, by code: what happened and the hint. */
const CSV: Record<string, [string, string]> = {
  CSV_QUOTE_NOT_CLOSED: ["guillemet ouvert jamais fermé", TRUNCATED],
  CSV_INVALID_OPENING_QUOTE: [
    "guillemet au milieu d'une cellule",
    'une cellule qui contient un guillemet doit être entre guillemets, le guillemet doublé ("") ; réexportez le fichier en CSV'
  ],
  CSV_INVALID_CLOSING_QUOTE: [
    "texte après le guillemet fermant d'une cellule",
    "doublez les guillemets à l'intérieur d'une cellule (\"\") ; réexportez le fichier en CSV"
  ],
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: [
    "texte après le guillemet fermant d'une cellule",
    "doublez les guillemets à l'intérieur d'une cellule (\"\") ; réexportez le fichier en CSV"
  ],
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: [
    "nombre de cellules différent de l'en-tête",
    "vérifiez le séparateur et les guillemets de cette ligne"
  ]
};

/** zlib's errors: a gzip file cut short or damaged. */
const ZLIB: Record<string, [string, string]> = {
  Z_BUF_ERROR: ["fichier gzip tronqué", "le téléchargement s'est sans doute interrompu : retéléchargez-le"],
  Z_DATA_ERROR: ["fichier gzip abîmé", "retéléchargez-le"]
};

/**
 * The one place every failure of reading a file goes through: a `ValidationError` (its issues already name
 * dataset, file, line and column) and a `ReadError` (completed with `place`) are kept; any other error (Node's,
 * zlib's, csv-parse's, DuckDB's) becomes a `ReadError` in French with its hint, the raw message as a detail.
 */
export function readFailure(error: unknown, place: ReadPlace): Error {
  if (error instanceof ValidationError) return error;
  if (error instanceof ReadError) return error.at(place);
  // `archive.ts` words its errors for the user already, naming the archive and what to do.
  if ((error as Error)?.name === "ArchiveError")
    return new ReadError((error as Error).message, undefined, place.dataset ? {dataset: place.dataset} : {});
  const e = error as {code?: string; message?: string; lines?: number; column?: number; name?: string};
  const raw = String(e?.message ?? error);
  // csv-parse's codes carry a `CSV_` prefix in some versions only.
  const csv = e?.code ? CSV[`CSV_${e.code.replace(/^CSV_/, "")}`] : undefined;
  const known = (e?.code && (SYSTEM[e.code] ?? csv ?? ZLIB[e.code])) || undefined;
  if (known) {
    const line = csv && typeof e.lines === "number" ? e.lines : undefined;
    return new ReadError(known[0], known[1], {...place, ...(line !== undefined ? {line} : {})}, raw);
  }
  if (/unexpected end of file/i.test(raw)) return new ReadError(...ZLIB.Z_BUF_ERROR!, place, raw);
  // DuckDB's CSV reader: « CSV Error on Line: 12 … Expected Number of Columns: 3 Found: 2 ».
  const duck = /CSV Error on Line: (\d+)/i.exec(raw);
  if (duck) {
    const columns = /Expected Number of Columns: (\d+) Found: (\d+)/i.exec(raw);
    const what = columns
      ? `${columns[2]} cellule(s) au lieu de ${columns[1]}`
      : /quote/i.test(raw)
        ? "guillemet mal placé ou jamais fermé"
        : "ligne illisible";
    return new ReadError(
      what,
      columns
        ? "vérifiez le séparateur et les guillemets de cette ligne, ou le fichier est tronqué"
        : TRUNCATED,
      {
        ...place,
        line: Number(duck[1])
      },
      firstLine(raw)
    );
  }
  return new ReadError(
    "lecture impossible",
    "vérifiez que c'est bien le fichier de données attendu (CSV, JSON ou Parquet)",
    place,
    firstLine(raw)
  );
}

const firstLine = (text: string) => text.split("\n")[0]!.slice(0, 300);
