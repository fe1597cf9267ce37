import {cpSync, mkdirSync, mkdtempSync, readdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

const root = join(import.meta.dirname, "..", "..");

/**
 * A temporary project holding some défis of challenges/ and the shared modules their `defi.ts` import
 * (challenges/*.ts: frame, traps, types).
 */
export function defiProject(...ids: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "defis-"));
  mkdirSync(join(dir, "challenges"), {recursive: true});
  for (const file of readdirSync(join(root, "challenges")).filter((f) => f.endsWith(".ts")))
    cpSync(join(root, "challenges", file), join(dir, "challenges", file));
  for (const id of ids) cpSync(join(root, "challenges", id), join(dir, "challenges", id), {recursive: true});
  return dir;
}
