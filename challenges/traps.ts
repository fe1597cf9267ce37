/**
 * The method traps a défi can list (`traps` in `defi.ts`), written once: each is a short title and what to do
 * about it, in plain French. `challenges/pages.ts` renders the ones a défi lists in its « Millésimes et pièges »
 * section, after the table of its sources' dates.
 */

/** A method trap: a title, and what goes wrong and what to do, in French. */
export interface Trap {
  title: string;
  text: string;
}

export const TRAPS = {
  "ifn-regional-reference": {
    title: "L'indice de fragilité numérique de première édition se lit dans sa région",
    text: "Dans cette édition, 100 est la moyenne, pondérée par la population, des IRIS de la même région, pas celle de la France. Mesurée sur le fichier réel, la moyenne de chaque région est comprise entre 98,8 et 99,9, alors que celle des départements va de 96,6 à 109,9. Deux scores de 110 dans deux régions différentes ne sont donc pas comparés à la même référence. Comparez des territoires d'une même région ; un classement ou une carte nationale mélange les références régionales, et doit le dire."
  },
  "ifn-built-in": {
    title: "L'indice contient déjà la pauvreté, l'âge et le diplôme",
    text: "L'indice est calculé à partir de caractéristiques des habitants (pauvreté, part des personnes âgées, niveau de diplôme…) et, pour l'accès, de la couverture réseau. Le rapprocher de la pauvreté, de l'âge, du diplôme, du profil social des écoles (IPS) ou de la fibre revient en partie à le rapprocher de ses propres ingrédients : un lien fort est attendu par construction, il ne prouve rien de plus. Dans un indice composite, l'ajouter à la pauvreté compte deux fois la pauvreté."
  },
  "lieux-postes-units": {
    title: "Lieux et postes de conseillers ne s'additionnent pas",
    text: "Un lieu de médiation numérique est un endroit ; un conseiller numérique est un poste attribué à une structure d'accueil. Additionner les deux « pour 10 000 habitants » mélange deux unités, et compte souvent deux fois la même offre : les structures qui accueillent des conseillers sont souvent elles-mêmes des lieux de médiation. Gardez deux indicateurs distincts, ou dites comment vous évitez le double compte."
  },
  "ecological-fallacy": {
    title: "Ce qui vaut pour les territoires ne vaut pas pour les personnes",
    text: "Les données décrivent des territoires (IRIS, communes, écoles), pas des personnes. Que les communes fragiles aient moins de lieux de médiation ne dit pas que les personnes fragiles en sont loin, ni que les habitants d'une commune « fragile » le sont tous : c'est l'erreur écologique. Écrivez les conclusions au niveau où les données sont mesurées."
  },
  "unweighted-small-communes": {
    title: "Sans pondération, les petites communes décident",
    text: "Sur près de 35 000 communes, une moyenne ou une corrélation qui donne le même poids à chaque commune est dominée par les milliers de communes de quelques centaines d'habitants, où un lieu ou une école de plus change tout. Pondérez par la population, ou travaillez à l'échelle de l'EPCI ou du département, et dites ce que vous avez fait."
  },
  "percentage-points": {
    title: "Un écart entre deux taux se dit en points",
    text: "Passer de 20 % à 30 % de locaux éligibles, c'est 10 points de pourcentage de plus, et non 10 % de plus (c'est 50 % de plus). Écrivez « points » pour l'écart entre deux taux, et « % » pour une évolution relative."
  },
  "causal-question": {
    title: "« Explique-t-elle ? » demande une cause que ces données ne donnent pas",
    text: "Des données observées à une date, territoire par territoire, montrent des liens, pas ce qui cause quoi. Une question en « explique-t-elle ? » ou « fait-elle baisser ? » appelle une réponse que ce défi ne peut pas donner : décrivez le lien, sa force, ses exceptions, et ce qu'il faudrait pour parler de cause (une évolution dans le temps, une comparaison avant et après une action)."
  },
  "cog-vintages": {
    title: "Ramener chaque source au COG 2026 avant de joindre",
    text: "Les sources ne sont pas codées dans le même Code officiel géographique (colonne « Codes commune » du tableau ci-dessus). Une jointure directe sur le code commune perd les communes fusionnées depuis et les arrondissements : passez d'abord chaque source par la table de passage du kit (ancien code → commune actuelle), puis additionnez les effectifs, ou faites une moyenne pondérée par la population, par commune actuelle."
  }
} as const satisfies Record<string, Trap>;

/** The id of a trap of {@link TRAPS}. */
export type TrapId = keyof typeof TRAPS;

/** Every trap id, in the order the pages list them. */
export const TRAP_IDS = Object.keys(TRAPS) as TrapId[];
