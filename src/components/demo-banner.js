/**
 * The banner shown wherever demonstration data is displayed: it names the datasets concerned and the command
 * that fetches the real ones. Renders nothing when every table given is real.
 */

/**
 * @param {{name: string, id?: string, tableTitle?: string, title?: string, status: string}[]} metas
 *   metadata of the tables the page shows (from `data/<name>.meta.json` or `data/catalogue.json`)
 * @returns {HTMLElement | null}
 */
export function demoBanner(metas) {
  const demo = metas.filter((m) => m.status === "démonstration");
  if (demo.length === 0) return null;
  const ids = [...new Set(demo.map((m) => m.id ?? m.name))];
  const banner = document.createElement("div");
  banner.className = "demo-banner";
  banner.setAttribute("role", "note");
  const strong = document.createElement("strong");
  strong.textContent = "Données de démonstration. ";
  banner.append(
    strong,
    `Cette page montre des données générées par le kit, qui ne décrivent pas la réalité, pour : ${demo
      .map((m) => m.tableTitle ?? m.title ?? m.name)
      .join(", ")}. Pour utiliser les données réelles : `
  );
  const code = document.createElement("code");
  code.textContent = `npm run data -- fetch ${ids.join(" ")}`;
  banner.append(code, " (ou ");
  const load = document.createElement("code");
  load.textContent = "npm run data -- load <id> --input <fichier>";
  banner.append(load, " sans réseau).");
  return banner;
}
