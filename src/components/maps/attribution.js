// Attribution lines shown under every map (sources and licences). Pure: tested with vitest.

/** Known sources, by key. */
export const SOURCES = {
  ign: "IGN – ADMIN EXPRESS COG, Licence Ouverte 2.0",
  insee: "INSEE – Code officiel géographique 2026, Licence Ouverte 2.0",
  decoupage: "@etalab/decoupage-administratif 6.0.0 (MIT)",
  tilegrid: "carte en tuiles générée par le kit T.Dat'Hack (MIT)",
  plot: "Observable Plot (ISC), d3 (ISC)",
  demo: "données de démonstration générées par le kit, à ne pas interpréter"
};

/**
 * The attribution text of a map: « Sources : … ». Keys of {@link SOURCES} and free texts may be mixed;
 * duplicates are dropped, order kept. Free texts may hold several sources separated by " ; ".
 * @param {Iterable<string | null | undefined>} sources
 * @returns {string}
 */
export function attributionText(sources) {
  const parts = [];
  for (const s of sources) {
    if (!s) continue;
    for (const part of (SOURCES[s] ?? s).split(/\s*;\s*/))
      if (part && !parts.includes(part)) parts.push(part);
  }
  return parts.length ? `Sources : ${parts.join(" ; ")}.` : "";
}

/**
 * The attribution of a map topology built by the kit (its `kit.attribution` member), plus the sources of the
 * values shown.
 * @param {{kit?: {attribution?: string, projection?: string}}} topology
 * @param {Iterable<string>} [extra]
 */
export function topologyAttribution(topology, extra = []) {
  const base = topology?.kit?.attribution;
  const keys = topology?.kit?.projection === "grid" ? ["tilegrid", "insee"] : ["ign", "insee"];
  return attributionText([...(base ? [base] : keys), ...extra]);
}
