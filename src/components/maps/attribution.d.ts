/** Known sources by key (`ign`, `insee`, `decoupage`, `tilegrid`, `plot`, `demo`). */
export const SOURCES: Record<string, string>;
/** « Sources : a ; b. » from keys of {@link SOURCES} or free texts, without duplicates. */
export function attributionText(sources: Iterable<string | null | undefined>): string;
/** Attribution of a kit topology (its `kit.attribution`) plus extra sources. */
export function topologyAttribution(
  topology: {kit?: {attribution?: string; projection?: string}} | null | undefined,
  extra?: Iterable<string>
): string;
