/**
 * The layers of `loaders/`, read from the import statements of its TypeScript files: the core (`loaders/core/`)
 * imports nothing above it (geography, education, datasets, the site's feeders, demonstration data), and no
 * module imports itself back through a chain of imports.
 */
import {readdirSync, readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

const LOADERS = fileURLToPath(new URL("../../loaders/", import.meta.url));

/** Every `.ts` file under `dir`, as paths relative to `loaders/`. */
function sources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [relative(LOADERS, path)] : [];
  });
}

/** The relative imports of a file (`import`/`export … from "./x.ts"`, type-only ones included), resolved. */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms)].map(
    (m) => m[1]!
  );
  const dynamic = [...text.matchAll(/\bimport\(\s*"(\.[^"]+)"\s*\)/g)].map((m) => m[1]!);
  return [...specifiers, ...dynamic].map((s) => relative(LOADERS, resolve(dirname(join(LOADERS, file)), s)));
}

/** The import graph of `loaders/`: file → files it imports (inside `loaders/` or not). */
function graph(): Map<string, string[]> {
  return new Map(sources(LOADERS).map((f) => [f, importsOf(f, readFileSync(join(LOADERS, f), "utf8"))]));
}

/** The import circles of a graph, each as the files of one strongly connected component (Tarjan). */
export function circles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let top: string;
      do {
        top = stack.pop()!;
        onStack.delete(top);
        component.push(top);
      } while (top !== node);
      const selfImport = edges.get(node)?.includes(node);
      if (component.length > 1 || selfImport) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("the layers of loaders/", () => {
  it("keep the core free of imports from the floors above it", () => {
    const upward = [...graph()].flatMap(([file, imports]) =>
      file.startsWith("core/")
        ? imports.filter((i) => !i.startsWith("core/")).map((i) => `${file} → ${i}`)
        : []
    );
    expect(upward).toEqual([]);
  });

  it("have no import circle", () => {
    expect(circles(graph())).toEqual([]);
  });

  it("are read from every kind of import statement, and circles are found", () => {
    const text = `import type {A} from "./a.ts";\nimport {\n  b,\n  c\n} from "../geo/b.ts";\nexport {d} from "./d.ts";\nconst e = await import("./e.ts");`;
    expect(importsOf("core/x.ts", text)).toEqual(["core/a.ts", "geo/b.ts", "core/d.ts", "core/e.ts"]);
    const edges = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a", "d"]],
      ["e", ["a"]]
    ]);
    expect(circles(edges)).toEqual([["a", "b", "c"], ["d"]]);
  });
});
