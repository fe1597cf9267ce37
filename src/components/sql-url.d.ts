/** Above this length of the encoded query, the link uses the compressed form. */
export const PLAIN_LIMIT: number;
/** Base64url (no padding) of bytes. */
export function toBase64Url(bytes: Uint8Array): string;
/** Bytes of a base64url text. @throws Error when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array;
/** Deflate-raw compression of a text, as base64url. */
export function compressText(text: string): Promise<string>;
/** Inverse of {@link compressText}. */
export function decompressText(encoded: string): Promise<string>;
/** The search and hash parts of the address that carry a query (`?sql=` when short, `#z=` when long). */
export function sqlToUrlParts(sql: string, limit?: number): Promise<{search: string; hash: string}>;
/** The query carried by an address (`#z=` first, then `?sql=`), or null. */
export function sqlFromUrlParts(search: string, hash: string): Promise<string | null>;
