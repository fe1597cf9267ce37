/** A file built by src/data/indicateurs.zip.ts (nothing is fetched before a method is called). */
interface IndicatorFile {
  arrow: () => Promise<import("apache-arrow").Table>;
  json: () => Promise<any>;
  url: () => Promise<string>;
}
/** Today's communes: code, departement, region, epci, population (NaN when missing). */
export const COMMUNES_FILE: () => IndicatorFile;
/** The communes' names (column `nom`), in the order of COMMUNES_FILE. */
export const COMMUNE_NAMES_FILE: () => IndicatorFile;
/** Names of the départements, régions and EPCI by code. */
export const NAMES_FILE: () => IndicatorFile;
/** Measure → its values per commune (one Float64 column `v`, NaN where missing). */
export const MEASURE_FILES: Record<string, () => IndicatorFile>;
