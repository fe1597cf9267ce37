/**
 * The files of the indicator pages (/indicateurs, /tableau-de-bord), built at build time by
 * src/data/indicateurs.zip.ts (loaders/site/indicators.ts): the communes, the territories' names, and each
 * measure per commune. Framework only publishes the files a module names literally, hence one line per measure
 * (test/components/indicator-files.test.ts fails, naming the line to add, when a measure is missing here).
 * Creating a FileAttachment downloads nothing: a page fetches only the measures it shows.
 */
import {FileAttachment} from "observablehq:stdlib";

/** Today's communes: code, departement, region, epci, population (NaN when missing). */
export const COMMUNES_FILE = () => FileAttachment("../../data/indicateurs/communes.arrow");

/** The communes' names (column `nom`), in the order of {@link COMMUNES_FILE}. */
export const COMMUNE_NAMES_FILE = () => FileAttachment("../../data/indicateurs/communes-noms.arrow");

/** Names of the départements, régions and EPCI by code: `{departement: {code: nom}, region: …, epci: …}`. */
export const NAMES_FILE = () => FileAttachment("../../data/indicateurs/noms.json");

/** Measure (`<served table>.<column>` or `<served table>.*`) → its values per commune (Float64 column `v`). */
export const MEASURE_FILES = {
  "communes.*": () => FileAttachment("../../data/indicateurs/communes.lignes.arrow"),
  "communes.population": () => FileAttachment("../../data/indicateurs/communes.population.arrow"),
  "passage-cog.*": () => FileAttachment("../../data/indicateurs/passage-cog.lignes.arrow"),
  "fragilite-numerique-2023.*": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.lignes.arrow"),
  "fragilite-numerique-2023.score": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.score.arrow"),
  "fragilite-numerique-2023.no_thd_coverage_rate": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.no_thd_coverage_rate.arrow"),
  "fragilite-numerique-2023.no_4g_coverage_rate": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.no_4g_coverage_rate.arrow"),
  "fragilite-numerique-2023.poverty_rate": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.poverty_rate.arrow"),
  "fragilite-numerique-2023.older_65_rate": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.older_65_rate.arrow"),
  "fragilite-numerique-2023.nscol15p_rate": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.nscol15p_rate.arrow"),
  "fragilite-numerique-2023.poverty_rate_50_plus": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.poverty_rate_50_plus.arrow"),
  "fragilite-numerique-2023.older_75_rate": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.older_75_rate.arrow"),
  "fragilite-numerique-2023.nscol15p_rate_50_plus": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.nscol15p_rate_50_plus.arrow"),
  "fragilite-numerique-2023.poverty_rate_30_minus": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.poverty_rate_30_minus.arrow"),
  "fragilite-numerique-2023.nscol15p_rate_15_25_year": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.nscol15p_rate_15_25_year.arrow"),
  "fragilite-numerique-2023.neet_16_25_year_rate": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.neet_16_25_year_rate.arrow"),
  "fragilite-numerique-2023.population": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-2023.population.arrow"),
  "fragilite-numerique.*": () => FileAttachment("../../data/indicateurs/fragilite-numerique.lignes.arrow"),
  "fragilite-numerique.acces_information": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique.acces_information.arrow"),
  "fragilite-numerique.acces_interfaces": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique.acces_interfaces.arrow"),
  "fragilite-numerique.competences_administratives": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique.competences_administratives.arrow"),
  "fragilite-numerique.competences_numeriques": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique.competences_numeriques.arrow"),
  "fragilite-numerique.global_acces": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique.global_acces.arrow"),
  "fragilite-numerique.global_competences": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique.global_competences.arrow"),
  "fragilite-numerique.score_global": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique.score_global.arrow"),
  "fragilite-numerique.population": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique.population.arrow"),
  "fragilite-numerique-communes.*": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-communes.lignes.arrow"),
  "fragilite-numerique-communes.population": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-communes.population.arrow"),
  "fragilite-numerique-communes.acces_information": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-communes.acces_information.arrow"),
  "fragilite-numerique-communes.acces_interfaces": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-communes.acces_interfaces.arrow"),
  "fragilite-numerique-communes.competences_administratives": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-communes.competences_administratives.arrow"),
  "fragilite-numerique-communes.competences_numeriques": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-communes.competences_numeriques.arrow"),
  "fragilite-numerique-communes.global_acces": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-communes.global_acces.arrow"),
  "fragilite-numerique-communes.global_competences": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-communes.global_competences.arrow"),
  "fragilite-numerique-communes.score_global": () =>
    FileAttachment("../../data/indicateurs/fragilite-numerique-communes.score_global.arrow"),
  "lieux-mediation-numerique.*": () =>
    FileAttachment("../../data/indicateurs/lieux-mediation-numerique.lignes.arrow"),
  "conseillers-numeriques.*": () =>
    FileAttachment("../../data/indicateurs/conseillers-numeriques.lignes.arrow"),
  "conseillers-numeriques.nb_conseillers": () =>
    FileAttachment("../../data/indicateurs/conseillers-numeriques.nb_conseillers.arrow"),
  "france-services.*": () => FileAttachment("../../data/indicateurs/france-services.lignes.arrow"),
  "couverture-thd.*": () => FileAttachment("../../data/indicateurs/couverture-thd.lignes.arrow"),
  "couverture-thd.locaux": () => FileAttachment("../../data/indicateurs/couverture-thd.locaux.arrow"),
  "couverture-thd.inel_hd": () => FileAttachment("../../data/indicateurs/couverture-thd.inel_hd.arrow"),
  "couverture-thd.elig_hd05": () => FileAttachment("../../data/indicateurs/couverture-thd.elig_hd05.arrow"),
  "couverture-thd.elig_hd3": () => FileAttachment("../../data/indicateurs/couverture-thd.elig_hd3.arrow"),
  "couverture-thd.elig_hd8": () => FileAttachment("../../data/indicateurs/couverture-thd.elig_hd8.arrow"),
  "couverture-thd.elig_thd30": () => FileAttachment("../../data/indicateurs/couverture-thd.elig_thd30.arrow"),
  "couverture-thd.elig_thd100": () =>
    FileAttachment("../../data/indicateurs/couverture-thd.elig_thd100.arrow"),
  "couverture-thd.elig_thd1g": () => FileAttachment("../../data/indicateurs/couverture-thd.elig_thd1g.arrow"),
  "pauvrete.*": () => FileAttachment("../../data/indicateurs/pauvrete.lignes.arrow"),
  "pauvrete.taux_pauvrete": () => FileAttachment("../../data/indicateurs/pauvrete.taux_pauvrete.arrow"),
  "annuaire-education.*": () => FileAttachment("../../data/indicateurs/annuaire-education.lignes.arrow"),
  "annuaire-education.effectif": () =>
    FileAttachment("../../data/indicateurs/annuaire-education.effectif.arrow"),
  "ips.*": () => FileAttachment("../../data/indicateurs/ips.lignes.arrow"),
  "ips.ips": () => FileAttachment("../../data/indicateurs/ips.ips.arrow"),
  "ips.ecart_type": () => FileAttachment("../../data/indicateurs/ips.ecart_type.arrow"),
  "ips.ips_voie_gt": () => FileAttachment("../../data/indicateurs/ips.ips_voie_gt.arrow"),
  "ips.ips_voie_pro": () => FileAttachment("../../data/indicateurs/ips.ips_voie_pro.arrow"),
  "effectifs-ecoles.*": () => FileAttachment("../../data/indicateurs/effectifs-ecoles.lignes.arrow"),
  "effectifs-ecoles.nb_classes": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.nb_classes.arrow"),
  "effectifs-ecoles.nb_eleves": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.nb_eleves.arrow"),
  "effectifs-ecoles.eleves_preelementaire": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.eleves_preelementaire.arrow"),
  "effectifs-ecoles.eleves_elementaire": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.eleves_elementaire.arrow"),
  "effectifs-ecoles.eleves_ulis": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.eleves_ulis.arrow"),
  "effectifs-ecoles.eleves_cp": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.eleves_cp.arrow"),
  "effectifs-ecoles.eleves_ce1": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.eleves_ce1.arrow"),
  "effectifs-ecoles.eleves_ce2": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.eleves_ce2.arrow"),
  "effectifs-ecoles.eleves_cm1": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.eleves_cm1.arrow"),
  "effectifs-ecoles.eleves_cm2": () =>
    FileAttachment("../../data/indicateurs/effectifs-ecoles.eleves_cm2.arrow"),
  "pix.*": () => FileAttachment("../../data/indicateurs/pix.lignes.arrow"),
  "pix.sessions_programmees": () => FileAttachment("../../data/indicateurs/pix.sessions_programmees.arrow"),
  "pix.sessions_finalisees": () => FileAttachment("../../data/indicateurs/pix.sessions_finalisees.arrow"),
  "pix.inscrits": () => FileAttachment("../../data/indicateurs/pix.inscrits.arrow"),
  "pix.participants": () => FileAttachment("../../data/indicateurs/pix.participants.arrow"),
  "pix.certifies": () => FileAttachment("../../data/indicateurs/pix.certifies.arrow"),
  "pix.non_obtenues": () => FileAttachment("../../data/indicateurs/pix.non_obtenues.arrow"),
  "pix.score_moyen": () => FileAttachment("../../data/indicateurs/pix.score_moyen.arrow"),
  "pix.score_median": () => FileAttachment("../../data/indicateurs/pix.score_median.arrow")
};
