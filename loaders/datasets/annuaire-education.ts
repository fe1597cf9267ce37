/**
 * `annuaire-education`: Annuaire de l'éducation (MENJ), one row per establishment (écoles, collèges, lycées,
 * also administrative and medico-social services): UAI, name, type, public/privé, commune, département,
 * académie, coordinates, éducation prioritaire and number of pupils where given.
 *
 * The export (`;`, UTF-8 with BOM, about 70 columns) changes its columns between vintages: headers are matched
 * by slug against every known spelling (`Identifiant_de_l_etablissement`, `Code établissement` of the
 * "adresse et géolocalisation" file, `numero_uai`…), and columns no known vintage has are reported on stderr.
 * A UAI may appear on several lines (`etablissement_multi_lignes`), so it is the key but not unique.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {educationSource} from "../core/portal.ts";
import {DEMO_NOTE} from "../demo/communes.ts";
import {summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
import {tableFromRows} from "../core/table.ts";
import type {ColumnVocabulary} from "../education/columns.ts";
import {demoSchools} from "../education/demo-schools.ts";
import {
  communeColumn,
  departementColumn,
  postalColumn,
  secteurColumn,
  textColumn,
  uaiColumn
} from "../education/schema.ts";
import {
  departementFromCommune,
  educationPrioritaire,
  educationPrepare,
  secteur,
  upperCode
} from "../education/prepare.ts";

/** Every known spelling of the kept columns, and the columns of known vintages the kit does not keep. */
export const ANNUAIRE_VOCABULARY: ColumnVocabulary = {
  aliases: {
    uai: ["Identifiant_de_l_etablissement", "Code établissement", "numero_uai", "code_uai", "UAI"],
    nom: ["Nom_etablissement", "Appellation officielle", "appellation_officielle", "Nom de l'établissement"],
    type_etablissement: ["Type_etablissement", "Type d'établissement"],
    nature: ["libelle_nature", "Nature", "nature_uai_libe"],
    secteur: ["Statut_public_prive", "Secteur Public/Privé", "secteur_public_prive_libe", "Secteur"],
    code_commune: ["Code_commune", "Code commune", "code_insee_commune", "Code INSEE de la commune"],
    nom_commune: ["Nom_commune", "Commune", "libelle_commune"],
    code_postal: ["Code postal", "Code_postal"],
    departement: ["Code_departement", "Code département", "code_du_departement"],
    academie: ["Libelle_academie", "Académie", "libelle_academie"],
    latitude: ["latitude", "Latitude", "lat"],
    longitude: ["longitude", "Longitude", "lon"],
    education_prioritaire: ["Appartenance_Education_Prioritaire", "Education prioritaire"],
    effectif: ["Nombre_d_eleves", "Nombre d'élèves"],
    etat: ["etat", "Etat établissement", "etat_etablissement_libe"],
    date_ouverture: ["date_ouverture", "Date d'ouverture"]
  },
  ignored: [
    // fr-en-annuaire-education, 2023 export
    "Adresse_1",
    "Adresse_2",
    "Adresse_3",
    "Code_academie",
    "Code_region",
    "Ecole_maternelle",
    "Ecole_elementaire",
    "Voie_generale",
    "Voie_technologique",
    "Voie_professionnelle",
    "Telephone",
    "Fax",
    "Web",
    "Mail",
    "Restauration",
    "Hebergement",
    "ULIS",
    "Apprentissage",
    "Segpa",
    "Section_arts",
    "Section_cinema",
    "Section_theatre",
    "Section_sport",
    "Section_internationale",
    "Section_europeenne",
    "Lycee_Agricole",
    "Lycee_militaire",
    "Lycee_des_metiers",
    "Post_BAC",
    "GRETA",
    "SIREN_SIRET",
    "Fiche_onisep",
    "position",
    "Type_contrat_prive",
    "Libelle_departement",
    "Libelle_region",
    "coordonnee_X",
    "coordonnee_Y",
    "epsg",
    "nom_circonscription",
    "precision_localisation",
    "date_maj_ligne",
    "ministere_tutelle",
    "etablissement_multi_lignes",
    "rpi_concentre",
    "rpi_disperse",
    "code_nature",
    "Code_type_contrat_prive",
    "PIAL",
    "etablissement_mere",
    "type_rattachement_etablissement_mere",
    "code_bassin_formation",
    "libelle_bassin_formation",
    // fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre
    "Dénomination principale",
    "Patronyme uai",
    "Adresse",
    "Lieu dit",
    "Boite postale",
    "Localite d'acheminement",
    "Coordonnee X",
    "Coordonnee Y",
    "EPSG",
    "Qualité d'appariement",
    "Localisation",
    "Code nature",
    "Code état établissement",
    "Code région",
    "Code académie",
    "Département",
    "Région",
    "Position",
    "secteur_prive_code_type_contrat",
    "secteur_prive_libelle_type_contrat",
    "code_ministere",
    "libelle_ministere"
  ]
};

const alias = (name: string) => ANNUAIRE_VOCABULARY.aliases[name] ?? [];

/** Output columns. */
export const ANNUAIRE_COLUMNS: ColumnSpec[] = [
  uaiColumn(alias("uai")),
  {
    name: "nom",
    type: "string",
    description: "Nom de l'établissement",
    nullable: false,
    aliases: alias("nom")
  },
  {
    name: "type_etablissement",
    type: "string",
    description: "Type d'établissement (Ecole, Collège, Lycée, Service Administratif…)",
    nullable: true,
    aliases: alias("type_etablissement")
  },
  {
    name: "nature",
    type: "string",
    description: "Nature de l'établissement (ECOLE DE NIVEAU ELEMENTAIRE, COLLEGE…)",
    nullable: true,
    aliases: alias("nature")
  },
  secteurColumn(alias("secteur"), true),
  communeColumn(alias("code_commune"), false, "Code INSEE de la commune d'implantation"),
  textColumn("nom_commune", "Nom de la commune", alias("nom_commune")),
  postalColumn(alias("code_postal")),
  departementColumn(alias("departement")),
  textColumn("academie", "Académie", alias("academie")),
  {
    name: "latitude",
    type: "number",
    description: "Latitude (WGS 84)",
    unit: "degrés",
    nullable: true,
    min: -90,
    max: 90,
    aliases: alias("latitude")
  },
  {
    name: "longitude",
    type: "number",
    description: "Longitude (WGS 84)",
    unit: "degrés",
    nullable: true,
    min: -180,
    max: 180,
    aliases: alias("longitude")
  },
  {
    name: "education_prioritaire",
    type: "string",
    description: "Appartenance à l'éducation prioritaire : REP, REP+ ou vide",
    nullable: true,
    allowed: {values: ["REP", "REP+"]},
    aliases: alias("education_prioritaire")
  },
  {
    name: "effectif",
    type: "integer",
    description: "Nombre d'élèves, quand l'annuaire le donne",
    unit: "élèves",
    nullable: true,
    min: 0,
    aliases: alias("effectif")
  },
  {
    name: "etat",
    type: "string",
    description: "État de l'établissement (OUVERT, A FERMER…)",
    nullable: true,
    aliases: alias("etat")
  },
  {
    name: "date_ouverture",
    type: "date",
    description: "Date d'ouverture",
    nullable: true,
    aliases: alias("date_ouverture")
  }
];

/** Demonstration annuaire: the shared demo schools (no invented coordinates: maps place them by commune). */
export function demoAnnuaire() {
  const rows = demoSchools().map((s) => ({
    uai: s.uai,
    nom: s.nom,
    type_etablissement: {école: "Ecole", collège: "Collège", lycée: "Lycée"}[s.niveau],
    nature: {
      école: "ECOLE DE NIVEAU ELEMENTAIRE",
      collège: "COLLEGE",
      lycée: "LYCEE D ENSEIGNEMENT GENERAL ET TECHNOLOGIQUE"
    }[s.niveau],
    secteur: s.secteur,
    code_commune: s.commune,
    nom_commune: s.communeNom,
    code_postal: null,
    departement: s.departement,
    academie: null,
    latitude: null,
    longitude: null,
    education_prioritaire: s.educationPrioritaire,
    effectif: s.eleves,
    etat: "OUVERT",
    date_ouverture: null
  }));
  return tableFromRows(summarizeColumns(ANNUAIRE_COLUMNS), rows);
}

export const annuaireEducation: DatasetDeclaration = {
  id: "annuaire-education",
  title: "Annuaire de l'éducation",
  description:
    "Liste des établissements scolaires et administratifs de l'Éducation nationale : code UAI, nom, type, secteur public ou privé, commune, département, académie, coordonnées, éducation prioritaire et nombre d'élèves quand il est donné.",
  producer: "Ministère de l'Éducation nationale (MENJ)",
  licence: "Licence Ouverte 2.0",
  vintage: "export courant (quotidien)",
  updateFrequency: "quotidienne",
  level: "point",
  ...educationSource("fr-en-annuaire-education"),
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Scripts publics (eurostat/basic-services, 2024–2026) : fr-en-annuaire-education sur data.education.gouv.fr, export CSV « ; », environ 66 000 établissements, 72 colonnes"
    ]
  },
  csv: {delimiter: ";", encoding: "utf-8"},
  key: "uai",
  columns: withMeasures(ANNUAIRE_COLUMNS, {
    effectif: {label: "Élèves (annuaire)", unit: "élèves", per: "élève"},
    latitude: false,
    longitude: false
  }),
  rowMeasure: {label: "Établissements scolaires", unit: "établissements", per: "établissement"},
  prepare: educationPrepare("annuaire-education", ANNUAIRE_VOCABULARY, {
    uai: upperCode,
    secteur,
    education_prioritaire: educationPrioritaire,
    departement: departementFromCommune
  }),
  offline: {status: "démonstration", build: demoAnnuaire, note: DEMO_NOTE}
};
