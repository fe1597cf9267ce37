/**
 * Turning the bytes of a text file into a string: byte-order mark, UTF-8, UTF-16 (what some spreadsheets export
 * as « Unicode text ») or Latin-1 / Windows-1252 (what French spreadsheets write). Windows-1252 is used for
 * Latin-1 too, as it is a superset for the printable characters (’ œ € in 0x80–0x9F). Bytes that are not text
 * (a binary file, an HTML page instead of the data) are refused here with a `ReadError` and its hint.
 */
import iconv from "iconv-lite";
import {ReadError} from "./read-error.ts";

/** Encodings a source may declare; `auto` picks UTF-16 or UTF-8 when the bytes say so, Windows-1252 otherwise. */
export type Encoding = "utf-8" | "latin-1" | "windows-1252" | "utf-16le" | "utf-16be" | "auto";

/** An encoding the kit decodes with. */
export type TextEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** The names iconv-lite gives the encodings. */
export const ICONV_NAMES: Record<TextEncoding, string> = {
  "utf-8": "utf8",
  "windows-1252": "win1252",
  "utf-16le": "utf16le",
  "utf-16be": "utf16be"
};

/** True when the bytes start with the UTF-8 byte-order mark EF BB BF. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * True when the bytes are valid UTF-8; with `complete: false` (the head of a longer file), a multi-byte
 * character cut at the end is accepted.
 */
export function isValidUtf8(bytes: Uint8Array, complete = true): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes, {stream: !complete});
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 from its byte-order mark, or from the zero bytes of mostly-ASCII text (`null` otherwise). */
export function detectUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/** The encoding actually used for `bytes` (the whole file, or its head when `complete` is false). */
export function detectEncoding(
  bytes: Uint8Array,
  declared: Encoding = "auto",
  complete = true
): TextEncoding {
  const utf16 = detectUtf16(bytes);
  if (utf16) return utf16;
  if (declared === "utf-8" || declared === "utf-16le" || declared === "utf-16be") return declared;
  if (declared === "latin-1" || declared === "windows-1252") return "windows-1252";
  return hasUtf8Bom(bytes) || isValidUtf8(bytes, complete) ? "utf-8" : "windows-1252";
}

const HTML = /^\s*<(!doctype\s+html|html|head|body|!--)/i;

/**
 * Checks that decoded `text` (a file, or its head) is the data and not something else: an HTML page (a portal's
 * error or login page saved as the file), or binary bytes.
 * @throws ReadError with the hint.
 */
export function checkIsText(text: string): void {
  if (HTML.test(text.slice(0, 1024)))
    throw new ReadError(
      "ce fichier est une page HTML, pas des données",
      "le portail a sans doute renvoyé une page d'erreur ou de connexion au lieu du fichier : ouvrez l'adresse dans un navigateur et téléchargez le fichier lui-même"
    );
  const head = text.slice(0, 8192);
  const controls = head.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g)?.length ?? 0;
  if (controls > 0 && (head.includes("\u0000") || controls > head.length / 100))
    throw new ReadError(
      "fichier binaire, pas du texte CSV ni JSON",
      "un classeur (.xlsx, .ods), un PDF ou une archive renommée ? Ouvrez-le et enregistrez-le en CSV UTF-8"
    );
}

/**
 * Decodes a whole file's bytes to a string without BOM, after checking it is text (`checkIsText`).
 * @throws ReadError for a binary file, an HTML page, or a UTF-16 file cut in the middle of a character.
 */
export function decodeText(bytes: Uint8Array, declared: Encoding = "auto"): string {
  const encoding = detectEncoding(bytes, declared);
  let text: string;
  if (encoding === "utf-8") {
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    text = new TextDecoder("utf-8").decode(body);
  } else {
    if (encoding !== "windows-1252" && bytes.length % 2 === 1)
      throw new ReadError(
        "fichier UTF-16 tronqué (nombre d'octets impair)",
        "encodage UTF-16 : retéléchargez le fichier, ou réenregistrez-le en UTF-8 (« CSV UTF-8 » dans le tableur)"
      );
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ICONV_NAMES[encoding]);
  }
  checkIsText(text);
  return text;
}
