/**
 * Zip archives as producers publish them (INSEE: one archive holding a data file and its documentation): the
 * one data file is written out beside the archive, so the rest of the path reads a plain file.
 */
import {readFile, writeFile} from "node:fs/promises";
import JSZip from "jszip";

/** Extensions of the files the kit can read out of an archive. */
const DATA_FILE = /\.(csv|txt|json|parquet)$/i;

/** An archive that cannot be read, or that does not hold exactly one matching data file. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveError";
  }
}

/**
 * The member of an archive to read, among `names`: the one matching `pattern` (case-insensitive), or, with no
 * pattern, the one data file. Pure.
 * @throws ArchiveError naming the members when none or several fit.
 */
export function chooseMember(names: readonly string[], pattern: string | undefined, archive: string): string {
  const files = names.filter((n) => !n.endsWith("/"));
  const regex = pattern ? new RegExp(pattern, "i") : DATA_FILE;
  const fitting = files.filter((n) => regex.test(n));
  if (fitting.length === 1) return fitting[0]!;
  const rule = pattern ? `correspondant à /${pattern}/` : "de données (CSV, JSON, Parquet)";
  throw new ArchiveError(
    `${archive} : ${fitting.length === 0 ? "aucun fichier" : `${fitting.length} fichiers`} ${rule} dans l'archive (elle contient : ${files.join(", ") || "rien"})`
  );
}

/**
 * Reads the zip archive `path` (`label` names it in messages).
 * @throws ArchiveError for a truncated or damaged archive.
 */
export async function loadZip(path: string, label = path): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(await readFile(path));
  } catch (error) {
    throw new ArchiveError(
      `${label} : archive zip illisible, tronquée ou abîmée (${(error as Error).message}) — retéléchargez-la`
    );
  }
}

/**
 * Writes the data file of the zip archive `path` (or of an already read `zip`) to `dest`; returns the
 * member's name.
 * @throws ArchiveError for a truncated or damaged archive, or when no single member fits.
 */
export async function extractMember(
  path: string | JSZip,
  dest: string,
  pattern?: string,
  label = typeof path === "string" ? path : "archive"
): Promise<string> {
  const zip = typeof path === "string" ? await loadZip(path, label) : path;
  const name = chooseMember(Object.keys(zip.files), pattern, label);
  try {
    await writeFile(dest, await zip.file(name)!.async("uint8array"));
  } catch (error) {
    throw new ArchiveError(`${label} : ${name} illisible dans l'archive (${(error as Error).message})`);
  }
  return name;
}
