/** A table's metadata as the provenance line reads it. */
export interface ProvenanceMeta {
  name: string;
  id?: string;
  tableTitle?: string;
  title?: string;
  vintage?: string;
  status: string;
  sha256?: string | null;
}
/** The metadata of the tables named (served name or dataset id), in that order; unknown names left out. */
export function pickMetas<M extends ProvenanceMeta>(metas: M[], names?: string[]): M[];
/** What the line says of one table: its title and its vintage, status and sha256 start. */
export function provenanceItem(meta: ProvenanceMeta): {name: string; title: string; details: string};
/** The provenance line of a chart, map or table, or null when no table is given. */
export function provenance(
  metas: ProvenanceMeta[],
  names?: string[],
  options?: {prefix?: string}
): HTMLParagraphElement | null;
