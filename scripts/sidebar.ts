/**
 * The sidebar of the site, in French. Sections whose folder holds pages are listed from the files, so that a
 * new défi or team notebook appears without editing the configuration.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

export interface SidebarPage {
  name: string;
  path: string;
}

export interface SidebarSection {
  name: string;
  open?: boolean;
  pages: SidebarPage[];
}

const SOURCE_ROOT = join(import.meta.dirname, "..", "src");

/** The page's title: its front-matter `title`, else its first `# heading`, else its file name. */
export function pageTitle(markdown: string, fallback: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1];
  const title = front && /^title:\s*(.+)$/m.exec(front)?.[1];
  if (title) return title.trim().replace(/^["']|["']$/g, "");
  const heading = /^#\s+(.+)$/m.exec(markdown)?.[1];
  return heading?.trim() ?? fallback;
}

/** The page's front-matter `order` (a number), used to sort a section; undefined when absent. */
export function pageOrder(markdown: string): number | undefined {
  const front = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1];
  const order = front && /^order:\s*(-?\d+(?:\.\d+)?)\s*$/m.exec(front)?.[1];
  return order ? Number(order) : undefined;
}

/** Pages of a folder under src/: index first, then by front-matter `order` (pages with one first), then file name. */
export function folderPages(folder: string, root = SOURCE_ROOT): SidebarPage[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return (
    readdirSync(dir)
      // Parameterized pages ([name].md) are reached from their index, not listed one by one.
      .filter((file) => file.endsWith(".md") && !file.startsWith("["))
      .map((file) => {
        const markdown = readFileSync(join(dir, file), "utf-8");
        return {file, markdown, order: pageOrder(markdown) ?? Infinity};
      })
      .sort((a, b) =>
        a.file === "index.md"
          ? -1
          : b.file === "index.md"
            ? 1
            : a.order - b.order || a.file.localeCompare(b.file)
      )
      .map(({file, markdown}) => {
        const name = file.slice(0, -".md".length);
        return {
          name: pageTitle(markdown, name),
          path: `/${folder}/${name === "index" ? "" : name}`
        };
      })
  );
}

/** The whole sidebar: fixed pages first, then the sections found on disk. */
export function sidebarPages(root = SOURCE_ROOT): (SidebarPage | SidebarSection)[] {
  const fixed: SidebarPage[] = [{name: "Guide du kit", path: "/guide"}];
  for (const [path, name] of [
    ["/cartes", "Cartes"],
    ["/atelier", "Atelier SQL"],
    ["/indicateurs", "Indicateurs"],
    ["/glossaire", "Glossaire"]
  ] as const) {
    if (existsSync(join(root, `${path.slice(1)}.md`))) fixed.push({name, path});
  }
  const sections: SidebarSection[] = [];
  for (const [folder, name] of [
    ["defis", "Défis"],
    ["classe", "En classe"],
    ["donnees", "Données"],
    ["enseigner", "Enseigner"],
    ["equipes", "Équipes"]
  ] as const) {
    // The teacher sheets (`<lesson>-fiche`) are reached from their lesson, which keeps the chosen département.
    const pages = folderPages(folder, root).filter((p) => !p.path.endsWith("-fiche"));
    if (pages.length > 0) sections.push({name, open: folder === "defis", pages});
  }
  return [...fixed, ...sections];
}
