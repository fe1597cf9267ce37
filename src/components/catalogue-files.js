/**
 * The Arrow file of every catalogue table, for pages that load tables on demand (the SQL workshop, the
 * indicator builder). Framework only publishes the files a page or module names literally, hence this list:
 * one line per served table name (loaders/site/data-archive.ts `servedNames()`; test/components/catalogue-files.test.ts
 * fails when a table is missing here). Creating a FileAttachment downloads nothing: the file is fetched only
 * when a query needs it.
 */
import {FileAttachment} from "observablehq:stdlib";

/** Served table name → its Arrow IPC stream file (call the function to get the FileAttachment). */
export const ARROW_FILES = {
  communes: () => FileAttachment("../data/donnees/communes.arrow"),
  "passage-cog": () => FileAttachment("../data/donnees/passage-cog.arrow"),
  contours: () => FileAttachment("../data/donnees/contours.arrow"),
  "contours-carte": () => FileAttachment("../data/donnees/contours-carte.arrow"),
  "fragilite-numerique": () => FileAttachment("../data/donnees/fragilite-numerique.arrow"),
  "fragilite-numerique-communes": () => FileAttachment("../data/donnees/fragilite-numerique-communes.arrow"),
  "fragilite-numerique-2023": () => FileAttachment("../data/donnees/fragilite-numerique-2023.arrow"),
  "lieux-mediation-numerique": () => FileAttachment("../data/donnees/lieux-mediation-numerique.arrow"),
  "conseillers-numeriques": () => FileAttachment("../data/donnees/conseillers-numeriques.arrow"),
  "france-services": () => FileAttachment("../data/donnees/france-services.arrow"),
  "couverture-thd": () => FileAttachment("../data/donnees/couverture-thd.arrow"),
  pauvrete: () => FileAttachment("../data/donnees/pauvrete.arrow"),
  "annuaire-education": () => FileAttachment("../data/donnees/annuaire-education.arrow"),
  ips: () => FileAttachment("../data/donnees/ips.arrow"),
  "effectifs-ecoles": () => FileAttachment("../data/donnees/effectifs-ecoles.arrow"),
  pix: () => FileAttachment("../data/donnees/pix.arrow"),
  tne: () => FileAttachment("../data/donnees/tne.arrow"),
  "ent-audience": () => FileAttachment("../data/donnees/ent-audience.arrow"),
  "ent-audience-etablissements": () => FileAttachment("../data/donnees/ent-audience-etablissements.arrow")
};
