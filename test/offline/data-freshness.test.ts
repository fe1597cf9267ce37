import {existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {inputsFingerprint, refreshDataCache} from "../../scripts/offline/data-freshness.ts";

describe("refreshDataCache", () => {
  it("keeps loader outputs while the inputs are unchanged, and drops them when a declaration changes", () => {
    const root = mkdtempSync(join(tmpdir(), "freshness-"));
    const cache = join(root, "src", ".observablehq", "cache");
    mkdirSync(join(root, "loaders", "datasets"), {recursive: true});
    writeFileSync(join(root, "loaders", "datasets", "communes.ts"), "export const a = 1;\n");
    const output = join(cache, "data", "donnees.zip");
    const fill = () => {
      mkdirSync(join(cache, "data"), {recursive: true});
      writeFileSync(output, "zip");
    };
    refreshDataCache(root, cache);
    fill();
    expect(refreshDataCache(root, cache)).toBe(false);
    expect(existsSync(output)).toBe(true);

    writeFileSync(join(root, "loaders", "datasets", "ips.ts"), "export const b = 2;\n");
    expect(refreshDataCache(root, cache)).toBe(true);
    expect(existsSync(output)).toBe(false);
  });

  it("changes the fingerprint when a snapshot is loaded or a file is touched", () => {
    const root = mkdtempSync(join(tmpdir(), "fingerprint-"));
    mkdirSync(join(root, "data", "snapshots", "communes"), {recursive: true});
    const before = inputsFingerprint(root);
    const file = join(root, "data", "snapshots", "communes", "communes.meta.json");
    writeFileSync(file, "{}");
    const loaded = inputsFingerprint(root);
    expect(loaded).not.toBe(before);
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(inputsFingerprint(root)).not.toBe(loaded);
  });
});
