/**
 * The hand-written `.d.ts` beside a browser component is its documented surface: it declares exactly the values
 * its `.js` exports (a name missing from either side fails). The `.js` files themselves are type-checked with
 * their JSDoc by `tsc -p src/components/tsconfig.json` (`npm run test:types`), their imports of each other
 * through these declarations.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";

const DIR = join(import.meta.dirname, "..", "..", "src", "components");

/** The names a module exports as values (functions, classes, constants), from its `export` statements. */
export function valueExports(text: string): string[] {
  const names = new Set<string>();
  const declared =
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm;
  for (const m of text.matchAll(declared)) names.add(m[1]!);
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm))
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name && !/^type\s/.test(part.trim())) names.add(name);
    }
  return [...names].sort();
}

/** Every file under src/components, as a path relative to it (`maps/choropleth.js`). */
const files = readdirSync(DIR, {recursive: true, encoding: "utf8"});

const declared = files
  .filter((f) => f.endsWith(".d.ts") && !f.startsWith("observablehq-"))
  .map((f) => f.slice(0, -".d.ts".length));

describe("the declarations of the browser components", () => {
  it("reads the value exports of a module, types left out", () => {
    const text = [
      "export function a(x) {}",
      "export async function b() {}",
      "export const C = 1;",
      "export class D {}",
      "export interface E {}",
      "export type F = string;",
      "const g = 1, h = 2;",
      "export {g, h as H};"
    ].join("\n");
    expect(valueExports(text)).toEqual(["C", "D", "H", "a", "b", "g"]);
  });

  it("stand beside a module each", () => {
    const missing = declared.filter((name) => !files.includes(`${name}.js`));
    expect(missing).toEqual([]);
  });

  it.each(declared)("%s.d.ts declares exactly what %s.js exports", (name) => {
    const js = valueExports(readFileSync(join(DIR, `${name}.js`), "utf8"));
    const dts = valueExports(readFileSync(join(DIR, `${name}.d.ts`), "utf8"));
    expect({
      undeclared: js.filter((n) => !dts.includes(n)),
      absent: dts.filter((n) => !js.includes(n))
    }).toEqual({undeclared: [], absent: []});
  });
});
