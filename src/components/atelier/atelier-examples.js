/**
 * Example queries of the SQL workshop, one set per défi (ids of challenges/<id>/). Each query uses only the
 * tables and columns declared in loaders/datasets/ (test/components/atelier-examples.test.ts checks it).
 */

/** @type {{id: string, title: string, examples: {title: string, sql: string}[]}[]} */
export const EXAMPLES = [
  {
    id: "fragilite-mediation",
    title: "Fragilité numérique et médiation",
    examples: [
      {
        title: "Score de fragilité moyen par département (pondéré par la population)",
        sql: `-- Les IRIS de Paris, Lyon et Marseille donnent l'arrondissement : passage_cog le ramène à sa commune.
SELECT c.departement,
       sum(f.score_global * f.population) / sum(f.population) AS score_pondere,
       sum(f.population) AS population
FROM fragilite_numerique_communes f
LEFT JOIN passage_cog p ON p.ancien_code = f.code_commune
JOIN communes c ON c.code = COALESCE(p.code_commune, f.code_commune)
WHERE f.score_global IS NOT NULL
GROUP BY c.departement
ORDER BY score_pondere DESC`
      },
      {
        title: "Lieux de médiation pour 10 000 habitants, par département",
        sql: `-- Un lieu de Paris, Lyon ou Marseille porte souvent le code de son arrondissement :
-- passage_cog le ramène à la commune (13201 → 13055), comme les anciens codes.
WITH lieux AS (
  SELECT COALESCE(p.code_commune, l.code_insee) AS code, count(*) AS lieux
  FROM lieux_mediation_numerique l
  LEFT JOIN passage_cog p ON p.ancien_code = l.code_insee
  GROUP BY 1
)
SELECT c.departement,
       sum(coalesce(l.lieux, 0)) AS lieux,
       sum(c.population) AS population,
       10000.0 * sum(coalesce(l.lieux, 0)) / sum(c.population) AS lieux_pour_10000
FROM communes c
LEFT JOIN lieux l ON l.code = c.code
GROUP BY c.departement
ORDER BY lieux_pour_10000`
      }
    ]
  },
  {
    id: "acces-france-services",
    title: "Accès aux France services",
    examples: [
      {
        title: "France services par département",
        sql: `SELECT code_departement, count(*) AS france_services
FROM france_services
GROUP BY code_departement
ORDER BY france_services DESC`
      },
      {
        title: "Part des France services itinérantes, par réseau porteur",
        sql: `SELECT groupe, count(*) AS structures,
       avg(CASE WHEN format ILIKE '%itin%' THEN 1 ELSE 0 END) AS part_itinerantes
FROM france_services
GROUP BY groupe
ORDER BY structures DESC`
      }
    ]
  },
  {
    id: "tres-haut-debit",
    title: "Très haut débit",
    examples: [
      {
        title: "Part des locaux éligibles à 100 Mbit/s, par région",
        sql: `SELECT code_region, sum(elig_thd100) / sum(locaux) AS part_thd100, sum(locaux) AS locaux
FROM couverture_thd
GROUP BY code_region
ORDER BY part_thd100`
      },
      {
        title: "Codes d'un fichier ancien ramenés au COG 2026 avant la jointure (passage_cog)",
        sql: `-- Un fichier codé dans un COG antérieur : une commune fusionnée depuis garde son ancien code.
-- passage_cog donne la commune actuelle ; COALESCE garde les codes déjà à jour.
SELECT c.departement, count(DISTINCT c.code) AS communes,
  sum(t.elig_thd100) / sum(t.locaux) AS part_thd100,
  count(p.ancien_code) AS codes_ramenes
FROM couverture_thd t
LEFT JOIN passage_cog p ON p.ancien_code = t.code_commune
JOIN communes c ON c.code = COALESCE(p.code_commune, t.code_commune)
GROUP BY c.departement
ORDER BY codes_ramenes DESC`
      },
      {
        title:
          "Fibre et fragilité, commune actuelle par commune actuelle (les deux fichiers ramenés au COG 2026)",
        sql: `-- Débits (COG 2019) et indice (COG 2020) ramenés à la commune actuelle avant la jointure.
-- Débits : locaux et locaux éligibles additionnés, puis la part recalculée ;
-- indice : moyenne pondérée par la population des anciennes communes.
WITH thd AS (
  SELECT COALESCE(p.code_commune, t.code_commune) AS code,
         sum(t.elig_thd1g) / sum(t.locaux) AS part_fibre, sum(t.locaux) AS locaux
  FROM couverture_thd t
  LEFT JOIN passage_cog p ON p.ancien_code = t.code_commune
  GROUP BY 1
), ifn AS (
  SELECT COALESCE(p.code_commune, f.code_commune) AS code,
         sum(f.score_global * f.population) / sum(f.population) AS score_global
  FROM fragilite_numerique_communes f
  LEFT JOIN passage_cog p ON p.ancien_code = f.code_commune
  WHERE f.score_global IS NOT NULL
  GROUP BY 1
)
SELECT c.code, c.nom, c.departement, c.population, thd.locaux, thd.part_fibre, ifn.score_global
FROM communes c
JOIN thd ON thd.code = c.code
JOIN ifn ON ifn.code = c.code
ORDER BY c.population DESC`
      },
      {
        title: "Communes sans aucun local éligible au très haut débit (30 Mbit/s)",
        sql: `-- Une commune fusionnée depuis 2019 compte tous ses anciens codes : sommes par commune actuelle.
SELECT c.code, c.nom, c.departement, sum(t.locaux) AS locaux
FROM couverture_thd t
LEFT JOIN passage_cog p ON p.ancien_code = t.code_commune
JOIN communes c ON c.code = COALESCE(p.code_commune, t.code_commune)
GROUP BY c.code, c.nom, c.departement
HAVING sum(coalesce(t.elig_thd30, 0)) = 0
ORDER BY locaux DESC
LIMIT 50`
      }
    ]
  },
  {
    id: "ecole-numerique",
    title: "École numérique",
    examples: [
      {
        title: "Indice de position sociale moyen par département (dernière rentrée)",
        sql: `SELECT departement, avg(ips) AS ips_moyen, count(*) AS etablissements
FROM ips
WHERE rentree = (SELECT max(rentree) FROM ips)
GROUP BY departement
ORDER BY ips_moyen`
      },
      {
        title: "Taux de certification Pix par année",
        sql: `SELECT annee, sum(certifies) / sum(participants) AS taux_certification, sum(participants) AS participants
FROM pix
GROUP BY annee
ORDER BY annee`
      }
    ]
  },
  {
    id: "parentalite-numerique",
    title: "Parentalité numérique",
    examples: [
      {
        title: "Visites hebdomadaires des ENT, toutes académies",
        sql: `SELECT semaine, sum(visites) AS visites, sum(visites_smartphone) / sum(visites) AS part_smartphone
FROM ent_audience
GROUP BY semaine
ORDER BY semaine`
      },
      {
        title: "Part des visites ENT sur smartphone, par département",
        sql: `SELECT departement, sum(visites_smartphone) / sum(visites) AS part_smartphone
FROM ent_audience
GROUP BY departement
ORDER BY part_smartphone DESC`
      }
    ]
  },
  {
    id: "diagnostic-territorial",
    title: "Diagnostic territorial",
    examples: [
      {
        title: "Portrait des communes d'un département (ici la Creuse, 23)",
        sql: `-- Chaque source est d'abord ramenée aux communes actuelles (passage_cog) : une commune fusionnée depuis
-- garde les données de ses anciennes communes. Indice : moyenne pondérée par la population ; débits : locaux
-- additionnés puis part recalculée ; pauvreté : un taux ne s'additionne pas, il n'est gardé que pour une
-- commune qui correspond à une seule commune de la source.
WITH ifn AS (
  SELECT COALESCE(pc.code_commune, f.code_commune) AS code,
         sum(f.score_global * f.population) / sum(f.population) AS score_global
  FROM fragilite_numerique_communes f
  LEFT JOIN passage_cog pc ON pc.ancien_code = f.code_commune
  GROUP BY 1
), thd AS (
  SELECT COALESCE(pc.code_commune, t.code_commune) AS code, sum(t.elig_thd30) / sum(t.locaux) AS part_thd30
  FROM couverture_thd t
  LEFT JOIN passage_cog pc ON pc.ancien_code = t.code_commune
  GROUP BY 1
), pauv AS (
  SELECT COALESCE(pc.code_commune, p.code_commune) AS code, any_value(p.taux_pauvrete) AS taux_pauvrete
  FROM pauvrete p
  LEFT JOIN passage_cog pc ON pc.ancien_code = p.code_commune
  GROUP BY 1
  HAVING count(*) = 1
)
SELECT c.code, c.nom, c.population, ifn.score_global, pauv.taux_pauvrete, thd.part_thd30
FROM communes c
LEFT JOIN ifn ON ifn.code = c.code
LEFT JOIN pauv ON pauv.code = c.code
LEFT JOIN thd ON thd.code = c.code
WHERE c.departement = '23'
ORDER BY c.population DESC`
      },
      {
        title: "Population par région",
        sql: `SELECT region, count(*) AS communes, sum(population) AS population
FROM communes
GROUP BY region
ORDER BY population DESC`
      }
    ]
  }
];

/** The examples of one défi (empty when the id is unknown). */
export function examplesFor(id) {
  return EXAMPLES.find((d) => d.id === id)?.examples ?? [];
}
