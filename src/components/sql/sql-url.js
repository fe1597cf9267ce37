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

/** Bytes piped through a transform stream (compression). */
async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Deflate-raw compression of a text, as base64url. */
export async function compressText(text) {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw")));
}

/** The longest query a link may carry (characters): above it, the link is refused, not read. */
export const MAX_SQL_LENGTH = 100_000;

/** The longest compressed form (`#z=`) read (characters of base64url): a longer one is refused unread. */
export const MAX_COMPRESSED_LENGTH = 200_000;

/** A shared link that can't be read: its `message` says why, in French, for the page to show. */
export class SharedLinkError extends Error {
  /** @override */
  name = "SharedLinkError";
}

/**
 * Inverse of {@link compressText}. Stops as soon as the text passes `limit` bytes (a small link that would
 * inflate to gigabytes is refused, not expanded). @throws SharedLinkError when the data is not a compressed
 * UTF-8 text or is too long.
 */
export async function decompressText(encoded, limit = MAX_SQL_LENGTH * 4) {
  let bytes;
  try {
    bytes = fromBase64Url(encoded);
  } catch {
    throw new SharedLinkError("le lien est abîmé : sa partie « #z= » contient des caractères interdits");
  }
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw new SharedLinkError(
          `la requête du lien est trop longue (plus de ${limit} octets une fois décompressée)`
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SharedLinkError) throw error;
    throw new SharedLinkError("le lien est abîmé ou tronqué : sa partie « #z= » ne se décompresse pas");
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) all.set(chunk, (at += chunk.length) - chunk.length);
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(all);
  } catch {
    throw new SharedLinkError("le lien est abîmé : sa requête n'est pas du texte");
  }
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
  let sql;
  if (z) {
    if (z.length > MAX_COMPRESSED_LENGTH)
      throw new SharedLinkError(
        `le lien est trop long (${z.length} caractères après « #z= », au plus ${MAX_COMPRESSED_LENGTH})`
      );
    sql = await decompressText(z);
  } else {
    let params;
    try {
      params = new URLSearchParams(search);
    } catch {
      throw new SharedLinkError("le lien est abîmé : son adresse ne se lit pas");
    }
    sql = params.get("sql");
  }
  if (sql != null && sql.length > MAX_SQL_LENGTH)
    throw new SharedLinkError(
      `la requête du lien est trop longue (${sql.length} caractères, au plus ${MAX_SQL_LENGTH})`
    );
  if (sql != null && /[\u0000-\u0008\u000e-\u001f]/.test(sql))
    throw new SharedLinkError("le lien est abîmé : sa requête contient des caractères de contrôle");
  return sql;
}

/**
 * The query of a shared link, or why it can't be used: `{sql, problem}`, `problem` a French sentence for the
 * page (then `sql` is null and the page shows its default query), `sql` null and no problem when the address
 * carries no query. Parameters other than `sql` (and `z` in the fragment) are named in `problem` and ignored.
 * @param {string} search `location.search`
 * @param {string} hash `location.hash`
 * @returns {Promise<{sql: string | null, problem: string | null}>}
 */
export async function readSharedSql(search, hash) {
  let sql;
  try {
    sql = await sqlFromUrlParts(search, hash);
  } catch (error) {
    const why = error instanceof SharedLinkError ? error.message : "le lien est abîmé";
    return {
      sql: null,
      problem: `Le lien partagé n'a pas pu être lu : ${why}. La requête par défaut est affichée à la place.`
    };
  }
  let others = [];
  try {
    others = [...new URLSearchParams(search).keys()].filter((k) => k !== "sql");
  } catch {}
  const ignored = [...new Set(others)].slice(0, 5).map((k) => `« ${k.slice(0, 40)} »`);
  const problem = ignored.length
    ? `Ce lien porte ${ignored.length > 1 ? "des paramètres inconnus" : "un paramètre inconnu"} de l'atelier (${ignored.join(", ")}), ignoré${ignored.length > 1 ? "s" : ""} : un lien de l'atelier ne porte que sa requête.`
    : null;
  return {sql, problem};
}
