import iconv from "iconv-lite";
import {describe, expect, it} from "vitest";
import {ReadError} from "../../../loaders/core/read-error.ts";
import {
  checkIsText,
  decodeText,
  detectEncoding,
  detectUtf16,
  isValidUtf8
} from "../../../loaders/core/text.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytesOf = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

describe("decoding a text file's bytes", () => {
  it("reads UTF-8 and drops its byte-order mark", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("nom;côté\n")]);
    expect(detectEncoding(withBom)).toBe("utf-8");
    expect(decodeText(withBom)).toBe("nom;côté\n");
  });

  it("reads what is not valid UTF-8 as Windows-1252 (’ œ € included)", () => {
    const bytes = bytesOf("l’œuvre coûte 5 €", "win1252");
    expect(isValidUtf8(bytes)).toBe(false);
    expect(detectEncoding(bytes)).toBe("windows-1252");
    expect(decodeText(bytes)).toBe("l’œuvre coûte 5 €");
  });

  it("reads Latin-1 when declared, even when the bytes happen to be valid UTF-8", () => {
    const bytes = utf8("é");
    expect(decodeText(bytes, "latin-1")).toBe("Ã©");
  });

  it("accepts a multi-byte character cut at the end of a file's head, not of a whole file", () => {
    const cut = utf8("abcé").subarray(0, 4);
    expect(isValidUtf8(cut, false)).toBe(true);
    expect(isValidUtf8(cut, true)).toBe(false);
    expect(detectEncoding(cut, "auto", false)).toBe("utf-8");
  });

  it("recognises UTF-16 by its byte-order mark or by its zero bytes, either byte order", () => {
    const le = bytesOf("\ufeffcode;nom\n01001;Abergement", "utf16le");
    const beNoBom = bytesOf("code;nom\n01001;Abergement", "utf16be");
    expect(detectUtf16(le)).toBe("utf-16le");
    expect(detectUtf16(beNoBom)).toBe("utf-16be");
    expect(detectUtf16(utf8("code;nom\n01001"))).toBeNull();
    expect(decodeText(beNoBom)).toBe("code;nom\n01001;Abergement");
  });

  it("refuses a UTF-16 file cut in the middle of a character", () => {
    const odd = bytesOf("\ufeffcode;nom", "utf16le").subarray(0, 7);
    expect(() => decodeText(odd)).toThrow(/UTF-16 tronqué/);
  });
});

describe("checking that a file is text", () => {
  it("refuses an HTML page saved in place of the data, with a hint", () => {
    expect(() => checkIsText("<!DOCTYPE html><html><body>Connexion</body></html>")).toThrow(ReadError);
    expect(() => decodeText(utf8("  <html><head></head></html>"))).toThrow(/page HTML/);
  });

  it("refuses binary bytes (a spreadsheet renamed .csv)", () => {
    const zipHead = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(() => decodeText(zipHead)).toThrow(/fichier binaire/);
  });

  it("accepts text with tabs, line ends and one stray control character in a long head", () => {
    const text = `code\tnom\r\n${"01001\tAbergement\r\n".repeat(20)}\u0001`;
    expect(() => checkIsText(text)).not.toThrow();
  });
});
