/**
 * Turning the bytes of a text file into a string: byte-order mark, UTF-8 or Latin-1 / Windows-1252 (what French
 * spreadsheets write). Windows-1252 is used for Latin-1 too, as it is a superset for the printable characters
 * (’ œ € in 0x80–0x9F).
 */
import iconv from "iconv-lite";

/** Encodings a source may declare; `auto` picks UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise. */
export type Encoding = "utf-8" | "latin-1" | "windows-1252" | "auto";

/** True when the bytes start with the UTF-8 byte-order mark EF BB BF. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** True when the bytes are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The encoding actually used for `bytes` when `declared` is `auto`. */
export function detectEncoding(bytes: Uint8Array, declared: Encoding = "auto"): "utf-8" | "windows-1252" {
  if (declared === "utf-8") return "utf-8";
  if (declared === "latin-1" || declared === "windows-1252") return "windows-1252";
  return hasUtf8Bom(bytes) || isValidUtf8(bytes) ? "utf-8" : "windows-1252";
}

/** Decodes a whole file's bytes to a string without BOM. */
export function decodeText(bytes: Uint8Array, declared: Encoding = "auto"): string {
  const encoding = detectEncoding(bytes, declared);
  if (encoding === "utf-8") {
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    return new TextDecoder("utf-8").decode(body);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252");
}
