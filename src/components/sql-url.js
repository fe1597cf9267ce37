/**
 * The workshop's query in the page address, so that a query can be shared as a link. Short queries stay
 * readable (`?sql=SELECT%20…`); long ones are compressed into the fragment (`#z=` + deflate-raw + base64url),
 * which no server ever sees and which has no practical length limit in browsers.
 */

/** Above this length of the encoded query, the link uses the compressed form. */
export const PLAIN_LIMIT = 1500;

/** Base64url (RFC 4648 §5, no padding) of bytes. */
export function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Bytes of a base64url text (padding optional). @throws Error when the text is not base64url. */
export function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("lien invalide : ce n'est pas du base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Deflate-raw compression of a text, as base64url. */
export async function compressText(text) {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw")));
}

/** Inverse of {@link compressText}. @throws Error when the data is not a compressed text. */
export async function decompressText(encoded) {
  return new TextDecoder().decode(await pipe(fromBase64Url(encoded), new DecompressionStream("deflate-raw")));
}

/**
 * The search and hash parts of the address that carry a query (plain when short, compressed when long).
 * @param {string} sql
 * @param {number} [limit] length of the encoded query above which it is compressed
 * @returns {Promise<{search: string, hash: string}>}
 */
export async function sqlToUrlParts(sql, limit = PLAIN_LIMIT) {
  if (!sql.trim()) return {search: "", hash: ""};
  const plain = encodeURIComponent(sql);
  if (plain.length <= limit) return {search: `?sql=${plain}`, hash: ""};
  return {search: "", hash: `#z=${await compressText(sql)}`};
}

/**
 * The query carried by an address (`#z=` first, then `?sql=`), or null when there is none.
 * @param {string} search `location.search`
 * @param {string} hash `location.hash`
 * @returns {Promise<string | null>}
 */
export async function sqlFromUrlParts(search, hash) {
  const z = new URLSearchParams(hash.replace(/^#/, "")).get("z");
  if (z) return decompressText(z);
  return new URLSearchParams(search).get("sql");
}
