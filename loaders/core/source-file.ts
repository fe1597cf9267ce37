/**
 * Step 1 of reading a file, open: the path the user gave, checked (it exists, it is a file or, for a
 * declaration's own `ingest`, a folder) and, when it is compressed (told by its first bytes, not its name),
 * unpacked into a work folder: gzip (`.csv.gz`), or a zip archive holding one data file, as INSEE publishes. The
 * rest of the path reads a plain file.
 */
import {createReadStream, createWriteStream} from "node:fs";
import {open, rename, stat} from "node:fs/promises";
import {basename, join} from "node:path";
import {pipeline} from "node:stream/promises";
import {createGunzip} from "node:zlib";
import {extractMember, loadZip} from "./archive.ts";
import {ReadError} from "./read-error.ts";

/** A source ready to be read: a plain file (or a folder), and the name to show in messages. */
export interface OpenedSource {
  /** The file to read: the user's own, or what was unpacked from it. */
  path: string;
  /** The file's name as the user knows it (`archive.zip › member.csv` for an archive's member). */
  label: string;
  /** How the file was unpacked, if it was. */
  unpacked?: "gzip" | "zip";
}

/** The first `n` bytes of a file. */
export async function readHead(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(n);
    const {bytesRead} = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The compression told by a file's first bytes. Pure. */
export function compressionOf(head: Uint8Array): "gzip" | "zip" | null {
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "zip";
  return null;
}

/**
 * Opens `path` for reading, unpacking it into `scratch` when it is compressed.
 * @throws ReadError for an empty file, a spreadsheet (xlsx, ods) or a truncated archive; Node's error for a missing file (worded
 * by `readFailure`).
 */
export async function openSource(path: string, scratch: string, allowFolder = false): Promise<OpenedSource> {
  const label = basename(path);
  if ((await stat(path)).isDirectory()) {
    if (allowFolder) return {path, label};
    throw Object.assign(new Error(`${path} is a directory`), {code: "EISDIR"});
  }
  const compression = compressionOf(await readHead(path, 4));
  if (compression === "gzip") {
    // The name without `.gz` tells the format (`x.csv.gz`); `scratch` holds nothing else.
    const out = join(scratch, label.replace(/\.gz$/i, "") || "source");
    await pipeline(createReadStream(path), createGunzip(), createWriteStream(out));
    return checkNotEmpty({path: out, label, unpacked: "gzip"});
  }
  if (compression === "zip") {
    const zip = await loadZip(path, label);
    if (Object.keys(zip.files).some((n) => n.startsWith("xl/") || n === "content.xml"))
      throw new ReadError(
        "ce fichier est un classeur (Excel ou LibreOffice), pas un CSV",
        "ouvrez-le dans le tableur et enregistrez la feuille de données en « CSV UTF-8 »"
      );
    const member = await extractMember(zip, join(scratch, "member"), undefined, label);
    const out = join(scratch, basename(member));
    await rename(join(scratch, "member"), out);
    return checkNotEmpty({path: out, label: `${label} › ${member}`, unpacked: "zip"});
  }
  return checkNotEmpty({path, label});
}

/** The opened source, unless it holds no byte. */
async function checkNotEmpty(source: OpenedSource): Promise<OpenedSource> {
  if ((await stat(source.path)).size === 0)
    throw new ReadError(
      "fichier vide (0 octet)",
      "l'export ou le téléchargement n'a rien écrit : refaites-le"
    );
  return source;
}
