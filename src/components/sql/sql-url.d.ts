/** Above this length of the encoded query, the link uses the compressed form. */
export const PLAIN_LIMIT: number;
/** Base64url (no padding) of bytes. */
export function toBase64Url(bytes: Uint8Array): string;
/** Bytes of a base64url text. @throws Error when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array;
/** Deflate-raw compression of a text, as base64url. */
export function compressText(text: string): Promise<string>;
/** The longest query a link may carry (characters). */
export const MAX_SQL_LENGTH: number;
/** The longest compressed form (`#z=`) read (characters). */
export const MAX_COMPRESSED_LENGTH: number;
/** A shared link that can't be read; `message` says why, in French. */
export class SharedLinkError extends Error {}
/** Inverse of {@link compressText}, stopped past `limit` bytes. @throws SharedLinkError */
export function decompressText(encoded: string, limit?: number): Promise<string>;
/** The search and hash parts of the address that carry a query (`?sql=` when short, `#z=` when long). */
export function sqlToUrlParts(sql: string, limit?: number): Promise<{search: string; hash: string}>;
/** The query carried by an address (`#z=` first, then `?sql=`), or null. */
export function sqlFromUrlParts(search: string, hash: string): Promise<string | null>;
/** The query of a shared link (or null), and why it can't be used or what was ignored (French), or null. */
export function readSharedSql(
  search: string,
  hash: string
): Promise<{sql: string | null; problem: string | null}>;
