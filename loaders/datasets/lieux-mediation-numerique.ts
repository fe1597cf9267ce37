/**
 * `lieux-mediation-numerique`: lieux de médiation numérique following the standard LaMednum/standard-mediation-num
 * (Table Schema v1.0.2, schema.data.gouv.fr). The schema's rules (required fields, patterns, vocabularies of the
 * multi-valued `|` fields, max length) are encoded here. Older files (pre-v1 JSON of the regional hubs: `courriel`,
 * `labels_nationaux`, `;`-separated values, free vocabulary) are read as variant `legacy`: field names mapped,
 * separators turned into `|`, vocabulary and phone rules not applied.
 *
 * Files that leave `code_insee` empty (the pre-v1 files have no such field; the PACA hub gives it for a few lieux)
 * get it from `commune` and `code_postal` (`geo/commune-derivation.ts`, COG 2026, the arrondissement municipal in
 * Paris, Lyon and Marseille when the name or postal code tells it); a code the file gives is kept as is.
 * `code_insee_source` says which: `source` or `déduit`.
 */
import {LATITUDE, LONGITUDE} from "../core/columns.ts";
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoCommunes, demoRandom} from "../demo/communes.ts";
import {CODE_ORIGIN, codeOriginColumn, type CommuneCodeDerivation} from "../geo/commune-derivation.ts";
import {poisson} from "../core/prng.ts";
import type {RawFile} from "../core/records.ts";
import {communeCodeColumn, summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
import {tableFromRows, type Cell} from "../core/table.ts";

const STANDARD = ["standard"] as const;

/** Vocabularies of the standard v1.0.2 (from the `pattern` constraints of its Table Schema). */
export const VOCABULARIES = {
  itinerance: ["Itinérant", "Fixe"],
  services: [
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire"
  ],
  publics_specifiquement_adresses: ["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"],
  prise_en_charge_specifique: [
    "Surdité",
    "Handicaps moteurs",
    "Handicaps mentaux",
    "Illettrisme",
    "Langues étrangères (anglais)",
    "Langues étrangères (autres)",
    "Déficience visuelle"
  ],
  frais_a_charge: ["Gratuit", "Gratuit sous condition", "Payant"],
  dispositif_programmes_nationaux: [
    "Aidants Connect",
    "Bibliothèques numérique de référence",
    "Certification PIX",
    "Conseillers numériques",
    "Emmaüs Connect",
    "France Services",
    "Grande école du numérique",
    "La Croix Rouge",
    "Point d'accès numérique CAF",
    "Promeneurs du net",
    "Relais numérique (Emmaüs Connect)"
  ],
  formations_labels: [
    "Formé à « Mon Espace Santé »",
    "Formé à « DUPLEX » (illettrisme)",
    "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
    "Collectif ressources et acteurs réemploi (Normandie)",
    "Étapes numériques(La Poste)",
    "Fabriques de Territoire",
    "Les Éclaireurs du numérique (Drôme)",
    "Mes Papiers (Métropole de Lyon)",
    "ORDI 3.0",
    "SUD LABS (PACA)"
  ],
  modalites_acces: [
    "Se présenter",
    "Téléphoner",
    "Contacter par mail",
    "Prendre un RDV en ligne",
    "Ce lieu n'accueille pas de public",
    "Envoyer un mail avec une fiche de prescription"
  ],
  modalites_accompagnement: [
    "En autonomie",
    "Accompagnement individuel",
    "Dans un atelier collectif",
    "À distance"
  ]
} as const;

type Vocabulary = keyof typeof VOCABULARIES;
const MULTI_VALUED = Object.keys(VOCABULARIES) as Vocabulary[];

const text = (
  name: string,
  description: string,
  nullable: boolean,
  extra: Partial<ColumnSpec> = {}
): ColumnSpec => ({
  name,
  type: "string",
  description,
  nullable,
  ...extra
});
const vocabulary = (name: Vocabulary, description: string, aliases: string[] = []): ColumnSpec =>
  text(name, description, true, {
    allowed: {values: VOCABULARIES[name], separator: "|", variants: STANDARD},
    aliases
  });

/** `code_insee` derived from `commune` and `code_postal` where the file leaves it empty. */
const DERIVATION: CommuneCodeDerivation = {
  column: "code_insee",
  marker: "code_insee_source",
  name: "commune",
  postal: "code_postal",
  arrondissements: true,
  unit: "lieux"
};

const columns: ColumnSpec[] = [
  text("id", "Identifiant du lieu dans la source", false, {unique: true}),
  text("pivot", "SIRET de la structure (ou 00000000000000 si inconnu)", false, {
    pattern: "^[a-zA-Z0-9]{9,14}$"
  }),
  text("nom", "Nom du lieu", false),
  text("commune", "Nom de la commune", false),
  {name: "code_postal", type: "code", code: "postal", description: "Code postal", nullable: false},
  communeCodeColumn("code_insee", {
    nullable: true,
    description:
      "Code INSEE de la commune (de l'arrondissement municipal à Paris, Lyon et Marseille quand il est connu) : donné par le fichier, ou déduit de la commune et du code postal quand le fichier ne le donne pas (voir code_insee_source)"
  }),
  codeOriginColumn(DERIVATION),
  text("adresse", "Adresse", false),
  text("complement_adresse", "Complément d'adresse", true),
  LATITUDE,
  LONGITUDE,
  text("typologie", "Typologie de la structure (codes séparés par |)", true),
  text("telephone", "Téléphone au format international", true, {
    pattern: "^(\\+33|\\+590|\\+594|\\+262|\\+596|\\+269|\\+687|\\+689|\\+508|\\+681)(\\d){6,9}$",
    patternVariants: STANDARD
  }),
  text("courriels", "Adresses électroniques (séparées par |)", true, {aliases: ["courriel"]}),
  text("site_web", "Sites web (séparés par |)", true),
  text("horaires", "Horaires d'ouverture (format OpenStreetMap opening_hours)", true),
  text("presentation_resume", "Présentation courte (280 caractères au plus)", true, {maxLength: 280}),
  text("presentation_detail", "Présentation détaillée", true),
  text("source", "Source de la donnée", true),
  vocabulary("itinerance", "Fixe et/ou itinérant"),
  text("structure_parente", "Structure parente", true),
  {name: "date_maj", type: "date", description: "Date de mise à jour de la donnée", nullable: false},
  vocabulary("services", "Services proposés"),
  vocabulary("publics_specifiquement_adresses", "Publics spécifiquement adressés"),
  vocabulary("prise_en_charge_specifique", "Prises en charge spécifiques"),
  vocabulary("frais_a_charge", "Frais à charge"),
  vocabulary("dispositif_programmes_nationaux", "Dispositifs et programmes nationaux", ["labels_nationaux"]),
  vocabulary("formations_labels", "Formations et labels"),
  text("autres_formations_labels", "Autres formations et labels", true),
  vocabulary("modalites_acces", "Modalités d'accès"),
  vocabulary("modalites_accompagnement", "Modalités d'accompagnement"),
  text("fiche_acces_libre", "Lien vers la fiche Accès libre", true),
  text("prise_rdv", "Lien de prise de rendez-vous", true)
];

/** Field names that only pre-v1 files have. */
const LEGACY_FIELDS = ["publics_accueillis", "conditions_acces", "courriel", "labels_nationaux"];

/** Older files: multi-values separated by `;` become `|` (the standard's separator). Pure. */
export function normalizeLegacy(raw: RawFile): RawFile {
  const multi = new Set<string>([...MULTI_VALUED, "courriel", "courriels", "site_web", "labels_nationaux"]);
  return {
    ...raw,
    records: raw.records.map((r) => {
      const values: Record<string, unknown> = {...r.values};
      for (const key of Object.keys(values)) {
        const v = values[key];
        if (multi.has(key) && typeof v === "string") {
          values[key] = v
            .split(";")
            .map((s) => s.trim())
            .filter(Boolean)
            .join("|");
        }
      }
      return {line: r.line, values};
    })
  };
}

/** Demonstration lieux: a Poisson number per commune, about one per 4,000 inhabitants, at least rarely in villages. */
export function demoLieux() {
  const random = demoRandom("lieux-mediation-numerique");
  const rows: Record<string, Cell>[] = [];
  const kinds = ["Médiathèque", "Espace public numérique", "France services", "Centre social", "Tiers-lieu"];
  for (const c of demoCommunes()) {
    const count = poisson(random, c.population / 4000 + 0.02);
    for (let k = 0; k < count; k++) {
      const kind = kinds[Math.floor(random() * kinds.length)]!;
      const services = VOCABULARIES.services.filter(() => random() < 0.4);
      rows.push({
        id: `demo-${c.code}-${k + 1}`,
        pivot: "00000000000000",
        nom: `${kind} de ${c.nom}${count > 1 ? ` n°${k + 1}` : ""}`,
        commune: c.nom,
        code_postal: c.codesPostaux[0] ?? `${c.departement.slice(0, 2)}000`.slice(0, 5),
        code_insee: c.code,
        code_insee_source: CODE_ORIGIN.source,
        adresse: "Adresse de démonstration",
        date_maj: "2024-01-01",
        itinerance: random() < 0.1 ? "Itinérant" : "Fixe",
        services: (services.length ? services : [VOCABULARIES.services[1]]).join("|"),
        frais_a_charge: random() < 0.8 ? "Gratuit" : "Gratuit sous condition",
        source: "démonstration"
      });
    }
  }
  return tableFromRows(summarizeColumns(columns), rows);
}

export const lieuxMediationNumerique: DatasetDeclaration = {
  id: "lieux-mediation-numerique",
  title: "Lieux de médiation numérique",
  description:
    "Lieux d'inclusion et de médiation numérique au format du standard national (LaMednum/standard-mediation-num v1) : adresse, services, publics, modalités d'accès et d'accompagnement.",
  producer: "ANCT (Cartographie nationale des lieux d'inclusion numérique), La MedNum",
  licence: "Licence Ouverte 2.0",
  vintage: "standard v1.0.2",
  updateFrequency: "quotidienne",
  level: "point",
  cogVintage: 2024,
  source: {
    portal: "data.gouv.fr",
    dataset: "lieux-de-mediation-numerique-sur-le-territoire-national",
    resource: {format: "csv"},
    search: {
      q: "lieux de médiation numérique sur le territoire national",
      organization: "cartographie-nationale-des-lieux-de-mediation-numerique"
    }
  },
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "README public de l'outil « mednum » (anct-cartographie-nationale) : les données sont republiées quotidiennement sur data.gouv.fr dans l'organisation cartographie-nationale-des-lieux-de-mediation-numerique",
      "Références publiques : une famille de jeux de cette organisation dont les identifiants commencent par lieux-de-mediation-numerique-sur-le-territoire-national-fournis-par-… (conseiller-numerique-1, data-inclusion-1, france-services, aidants-connect)",
      "Schéma : LaMednum/standard-mediation-num sur schema.data.gouv.fr (v1.0.2, valeurs multiples séparées par « | »)"
    ],
    unconfirmed:
      "L'identifiant du jeu national consolidé n'a pas été confirmé : s'il n'existe pas (HTTP 404), fetch cherche dans l'organisation et prend le seul jeu qui a un CSV, sinon il liste les candidats."
  },
  homepage: "https://schema.data.gouv.fr/LaMednum/standard-mediation-num",
  csv: {delimiter: "auto"},
  key: "id",
  columns: withMeasures(columns, {
    latitude: false,
    longitude: false
  }),
  rowMeasure: {label: "Lieux de médiation", unit: "lieux", per: "lieu"},
  variants: [
    {name: "legacy", detect: (header) => header.some((h) => LEGACY_FIELDS.includes(h))},
    {name: "standard", detect: () => true}
  ],
  prepare: (raw, variant) => (variant === "legacy" ? normalizeLegacy(raw) : raw),
  deriveCommuneCode: DERIVATION,
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Lieux décrits selon le standard de données de La MedNum (version 1.0.2), consolidés par l'ANCT dans la Cartographie nationale des lieux d'inclusion numérique ; le fichier national est mis à jour chaque jour.",
    scale:
      "Une ligne par lieu déclaré ; le kit les compte par commune et rapporte ce nombre à 10 000 habitants.",
    dataDate: "Date du fichier chargé (voir « Récupéré le ») ; chaque lieu porte sa date de mise à jour.",
    measures:
      "Les lieux qui se déclarent comme offrant un accompagnement au numérique (médiathèques, centres sociaux, France services, associations…).",
    doesNotMeasure:
      "Les horaires réels, la capacité d'accueil, la qualité de l'accompagnement ni le nombre de personnes aidées.",
    limits: [
      "La base dépend des déclarations : un territoire bien animé déclare davantage de lieux.",
      "Les lieux itinérants comptent dans leur commune de rattachement.",
      "Le code commune manque souvent : le kit le retrouve d'après le nom et le code postal (voir « Codes commune déduits »).",
      "Un lieu n'est pas un poste : ne l'additionnez pas aux conseillers numériques."
    ],
    sources: [
      {
        label: "Standard de données des lieux de médiation numérique (schema.data.gouv.fr)",
        url: "https://schema.data.gouv.fr/LaMednum/standard-mediation-num"
      }
    ]
  },
  offline: {status: "démonstration", build: demoLieux, note: DEMO_NOTE}
};
