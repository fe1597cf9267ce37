/** The topology of a territorial level (contours, else tile grid), or null when the site has none. */
export function levelTopology(level: "commune" | "epci" | "departement" | "region"): Promise<any | null>;
