/**
 * One Framework run at a time per work tree: two builds (or a build and `npm run dev`) share
 * `src/.observablehq/cache` and rename files in it under each other's feet. The lock is a file holding the
 * owner's pid, created exclusively; a lock whose process is gone is taken over.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname} from "node:path";

/** Thrown when another live process holds the lock. */
export class BuildLockError extends Error {}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Takes the lock at `file` for this process; returns the function that releases it.
 * @throws BuildLockError naming the pid and the command of the run that holds it.
 */
export function acquireBuildLock(file: string, what: string, pid = process.pid): () => void {
  mkdirSync(dirname(file), {recursive: true});
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({pid, what, since: new Date().toISOString()}), {flag: "wx"});
      return () => rmSync(file, {force: true});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: {pid?: number; what?: string} = {};
    try {
      holder = JSON.parse(readFileSync(file, "utf8")) as typeof holder;
    } catch {
      // Unreadable: a run that died while writing it; taken over below.
    }
    if (typeof holder.pid === "number" && holder.pid !== pid && alive(holder.pid)) {
      throw new BuildLockError(
        `Un autre « ${holder.what ?? "npm run build"} » (processus ${holder.pid}) utilise déjà ce dossier : ` +
          `deux exécutions de Framework dans le même dossier abîment son cache. Attendez la fin ou arrêtez-le ` +
          `(verrou : ${file}).`
      );
    }
    rmSync(file, {force: true});
  }
  throw new BuildLockError(`Verrou de construction impossible à prendre : ${file}`);
}
