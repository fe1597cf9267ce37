/** A table's metadata as the banner reads it. */
export interface BannerMeta {
  name: string;
  id?: string;
  tableTitle?: string;
  title?: string;
  status: string;
  source?: {portal?: string};
}
/** The commands that replace demonstration data by real data: strings, and `{code}` for a command. */
export function realDataParts(demo: BannerMeta[]): (string | {code: string})[];
/** The demonstration banner of a page's tables, or null when all of them are real. */
export function demoBanner(metas: BannerMeta[]): HTMLElement | null;
