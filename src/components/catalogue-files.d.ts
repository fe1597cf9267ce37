/** Served table name → a function giving its Arrow IPC stream FileAttachment (nothing is fetched before use). */
export const ARROW_FILES: Record<
  string,
  () => {arrayBuffer: () => Promise<ArrayBuffer>; url: () => Promise<string>}
>;
