/**
 * `npm run zip`: the built site (dist/, from `npm run build`) as one archive, `dist.zip`, for a host reached by
 * copying files (a school's web server, a USB key). The archive holds one folder, `kit-tdathack/`: unzipped in
 * the server's web folder, the site answers at `https://<server>/kit-tdathack/`, with no configuration (every
 * link is relative and names its file; see the README, "Publier").
 *
 * Usage: tsx scripts/dist-zip.ts [dist] [dist.zip]
 */
import {createReadStream, createWriteStream, existsSync, readdirSync, statSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {pipeline} from "node:stream/promises";
import JSZip from "jszip";

/** The folder the archive unpacks into (and so the site's address on the server). */
export const ZIP_FOLDER = "kit-tdathack";

/** Files that are compressed already: stored as they are (deflating them again costs time for nothing). */
const STORED = /\.(parquet|zip|png|jpe?g|gz)$/;

/** Every file under `dir`, as paths relative to it (`/` separators), hidden files (`.htaccess`) included. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split("\\").join("/"));
    }
  };
  walk(dir);
  return out;
}

/** Writes `dist` as `target` (a zip of one folder, {@link ZIP_FOLDER}); resolves with the number of files. */
export async function zipDist(dist: string, target: string): Promise<number> {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist}/index.html est absent : construisez d'abord le site (npm run build).`);
  }
  const zip = new JSZip();
  const files = listFiles(dist);
  for (const file of files) {
    zip.file(`${ZIP_FOLDER}/${file}`, createReadStream(join(dist, file)), {
      compression: STORED.test(file) ? "STORE" : "DEFLATE"
    });
  }
  const stream = zip.generateNodeStream({
    type: "nodebuffer",
    streamFiles: true,
    compressionOptions: {level: 6}
  });
  await pipeline(stream, createWriteStream(target));
  return files.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? "dist");
  const target = resolve(process.argv[3] ?? "dist.zip");
  try {
    const count = await zipDist(dist, target);
    const size = (statSync(target).size / 1e6).toFixed(0);
    console.log(
      `${relative(process.cwd(), target)} : ${count} fichiers, ${size} Mo, dans le dossier ${ZIP_FOLDER}/`
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
