import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loaderServesAll} from "../../loaders/core/framework-cache.ts";

const dir = join(import.meta.dirname, "..", "..", "src", "data", "defis");

describe("the défi data loaders of src/data/defis/", () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith(".ts")))(
    "%s is rebuilt whenever a dataset is loaded (it reads through loaders/site/data-archive.ts)",
    (file) => {
      expect(loaderServesAll(readFileSync(join(dir, file), "utf8"))).toBe(true);
    }
  );
});
