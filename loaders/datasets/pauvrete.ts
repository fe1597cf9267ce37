/**
 * `pauvrete`: FILOSOFI poverty rate per commune (INSEE). Values under statistical secrecy stay `null`, never 0:
 * empty cells and INSEE's secrecy markers (`s`, `nd`, `n.d.`) are read as missing.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoCommunes, demoRandom, rurality} from "../demo/communes.ts";
import {gaussian} from "../core/prng.ts";
import {communeCodeColumn, summarizeColumns, type ColumnSpec} from "../core/schema.ts";
import {tableFromRows, type Cell} from "../core/table.ts";

/** Cell values meaning "secret or not available" in INSEE files. */
export const SECRET_TOKENS = ["s", "nd", "n.d.", "ND", "NA", "secret", "c"] as const;

const columns: ColumnSpec[] = [
  communeCodeColumn("code_commune", {unique: true, aliases: ["CODE_INSEE", "CODGEO", "code_insee"]}),
  {
    name: "nom_commune",
    type: "string",
    description: "Nom de la commune",
    nullable: true,
    aliases: ["LIBCOM", "LIBGEO"]
  },
  {
    name: "taux_pauvrete",
    type: "number",
    description: "Taux de pauvreté au seuil de 60 % du revenu médian (vide : secret statistique)",
    unit: "%",
    nullable: true,
    min: 0,
    max: 100,
    nullTokens: SECRET_TOKENS,
    aliases: ["TX_POVERTY", "TP6017", "TP6018", "TP6019", "TP6020", "TP6021", "TP60"]
  }
];

/** Demonstration rates: published only above 2,000 inhabitants (secrecy), higher in cities and in the DROM. */
export function demoPauvrete() {
  const random = demoRandom("pauvrete");
  const rows: Record<string, Cell>[] = [];
  for (const c of demoCommunes()) {
    const drom = c.departement.length === 3;
    const mean = (drom ? 30 : 11) + 6 * (1 - rurality(c.population));
    const rate = Math.round(Math.min(60, Math.max(2, gaussian(random, mean, 4))) * 10) / 10;
    rows.push({code_commune: c.code, nom_commune: c.nom, taux_pauvrete: c.population >= 2000 ? rate : null});
  }
  return tableFromRows(summarizeColumns(columns), rows);
}

export const pauvrete: DatasetDeclaration = {
  id: "pauvrete",
  title: "Taux de pauvreté par commune (FILOSOFI)",
  description:
    "Taux de pauvreté monétaire (seuil à 60 % du niveau de vie médian) des communes, d'après le dispositif FILOSOFI de l'INSEE ; non diffusé sous le seuil du secret statistique.",
  producer: "INSEE",
  licence: "Licence Ouverte 2.0",
  vintage: "2017",
  updateFrequency: "annuelle",
  level: "commune",
  cogVintage: 2019,
  source: {
    portal: "data.gouv.fr",
    dataset: "revenus-et-pauvrete-des-menages-aux-niveaux-national-et-local",
    resource: {format: "csv", match: "commune"}
  },
  homepage: "https://www.insee.fr/fr/metadonnees/source/serie/s1172",
  csv: {delimiter: "auto"},
  key: "code_commune",
  columns,
  offline: {status: "démonstration", build: demoPauvrete, note: DEMO_NOTE}
};
