/**
 * The Parquet file of every catalogue table, for pages that load tables on demand (the SQL workshop): the site
 * publishes each table once, as Parquet, and the workshop turns it into Arrow in the browser
 * (`parquet-arrow.js`). Framework only publishes the files a page or module names literally, hence this list:
 * one line per served table name (loaders/site/data-archive.ts `servedNames()`; test/components/catalogue-files.test.ts
 * fails when a table is missing here). Creating a FileAttachment downloads nothing: the file is fetched only
 * when a query needs it.
 */
import {FileAttachment} from "observablehq:stdlib";
import {arrowFromParquet} from "../formats/parquet-arrow.js";

/** Served table name → its Parquet file (call the function to get the FileAttachment). */
export const PARQUET_FILES = {
  communes: () => FileAttachment("../../data/donnees/communes.parquet"),
  "passage-cog": () => FileAttachment("../../data/donnees/passage-cog.parquet"),
  contours: () => FileAttachment("../../data/donnees/contours.parquet"),
  "contours-carte": () => FileAttachment("../../data/donnees/contours-carte.parquet"),
  "fragilite-numerique": () => FileAttachment("../../data/donnees/fragilite-numerique.parquet"),
  "fragilite-numerique-communes": () =>
    FileAttachment("../../data/donnees/fragilite-numerique-communes.parquet"),
  "fragilite-numerique-2023": () => FileAttachment("../../data/donnees/fragilite-numerique-2023.parquet"),
  "lieux-mediation-numerique": () => FileAttachment("../../data/donnees/lieux-mediation-numerique.parquet"),
  "conseillers-numeriques": () => FileAttachment("../../data/donnees/conseillers-numeriques.parquet"),
  "france-services": () => FileAttachment("../../data/donnees/france-services.parquet"),
  "couverture-thd": () => FileAttachment("../../data/donnees/couverture-thd.parquet"),
  pauvrete: () => FileAttachment("../../data/donnees/pauvrete.parquet"),
  "annuaire-education": () => FileAttachment("../../data/donnees/annuaire-education.parquet"),
  ips: () => FileAttachment("../../data/donnees/ips.parquet"),
  "effectifs-ecoles": () => FileAttachment("../../data/donnees/effectifs-ecoles.parquet"),
  pix: () => FileAttachment("../../data/donnees/pix.parquet"),
  tne: () => FileAttachment("../../data/donnees/tne.parquet"),
  "ent-audience": () => FileAttachment("../../data/donnees/ent-audience.parquet"),
  "ent-audience-etablissements": () =>
    FileAttachment("../../data/donnees/ent-audience-etablissements.parquet")
};

/** Served table name → the source of its Arrow IPC stream, read from its Parquet file when first asked. */
export const ARROW_FILES = Object.fromEntries(
  Object.entries(PARQUET_FILES).map(([name, file]) => [name, () => arrowFromParquet(file())])
);
