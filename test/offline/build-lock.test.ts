import {spawn} from "node:child_process";
import {existsSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {acquireBuildLock, BuildLockError} from "../../scripts/offline/build-lock.ts";

const lockFile = () => join(mkdtempSync(join(tmpdir(), "kit-lock-")), "cache", "build.lock");

describe("build lock", () => {
  it("is exclusive while its owner lives, and free again once released", () => {
    const file = lockFile();
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      const release = acquireBuildLock(file, "npm run build", child.pid!);
      expect(() => acquireBuildLock(file, "npm run dev")).toThrow(BuildLockError);
      expect(() => acquireBuildLock(file, "npm run dev")).toThrow(`processus ${child.pid}`);
      release();
      expect(existsSync(file)).toBe(false);
      acquireBuildLock(file, "npm run dev")();
    } finally {
      child.kill();
    }
  });

  it("takes over the lock of a process that is gone, or an unreadable lock", async () => {
    const file = lockFile();
    const child = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => child.on("exit", resolve));
    acquireBuildLock(file, "npm run build", child.pid!);
    const release = acquireBuildLock(file, "npm run build");
    release();
    acquireBuildLock(file, "npm run build");
    writeFileSync(file, "{");
    expect(() => acquireBuildLock(file, "npm run build")()).not.toThrow();
  });
});
