/**
 * The banner shown wherever demonstration data is displayed: it names the datasets concerned and the command
 * that gets the real ones: `fetch` for those the kit downloads, `load … --input` for those whose portal gives
 * no download address (`portal: "manual"`, e.g. both editions of the IFN: the file is exported by hand from the
 * portal, then loaded). Renders nothing when every table given is real.
 */

/** True for a dataset whose file the kit can't download by itself (its declaration's portal is "manual"). */
const isManual = (meta) => meta.source?.portal === "manual";

/**
 * The commands that replace demonstration data by real data, as text parts: strings, and `{code}` for a
 * command. Pure.
 * @param {{name: string, id?: string, source?: {portal?: string}}[]} demo the demonstration tables
 * @returns {(string | {code: string})[]}
 */
export function realDataParts(demo) {
  const idOf = (m) => m.id ?? m.name;
  const fetched = [...new Set(demo.filter((m) => !isManual(m)).map(idOf))];
  const manual = [...new Set(demo.filter(isManual).map(idOf))];
  const parts = [];
  if (fetched.length)
    parts.push(
      {code: `npm run data -- fetch ${fetched.join(" ")}`},
      " (ou ",
      {code: "npm run data -- load <id> --input <fichier>"},
      " sans réseau)"
    );
  for (const id of manual) {
    if (parts.length) parts.push(" ; ");
    parts.push(
      `pour ${id}, que le kit ne sait pas télécharger, exportez le fichier depuis son portail (voir sa fiche du catalogue) puis `,
      {code: `npm run data -- load ${id} --input <fichier>`},
      " (ou ",
      {code: `npm run data -- fetch ${id} --url <adresse du fichier>`},
      ")"
    );
  }
  parts.push(".");
  return parts;
}

/**
 * @param {{name: string, id?: string, tableTitle?: string, title?: string, status: string, source?: {portal?: string}}[]} metas
 *   metadata of the tables the page shows (from `data/<name>.meta.json` or `data/catalogue.json`)
 * @returns {HTMLElement | null}
 */
export function demoBanner(metas) {
  const demo = metas.filter((m) => m.status === "démonstration");
  if (demo.length === 0) return null;
  const banner = document.createElement("div");
  banner.className = "demo-banner";
  banner.setAttribute("role", "note");
  const strong = document.createElement("strong");
  strong.textContent = "Données de démonstration. ";
  banner.append(
    strong,
    `Cette page montre des données générées par le kit, qui ne décrivent pas la réalité, pour : ${demo
      .map((m) => m.tableTitle ?? m.title ?? m.name)
      .join(", ")}. Pour utiliser les données réelles : `,
    ...realDataParts(demo).map((part) => {
      if (typeof part === "string") return part;
      const code = document.createElement("code");
      code.textContent = part.code;
      return code;
    })
  );
  return banner;
}
