import {describe, expect, it} from "vitest";
import {
  MAX_COMPRESSED_LENGTH,
  MAX_SQL_LENGTH,
  PLAIN_LIMIT,
  SharedLinkError,
  compressText,
  decompressText,
  fromBase64Url,
  readSharedSql,
  sqlFromUrlParts,
  sqlToUrlParts,
  toBase64Url
} from "../../../src/components/sql/sql-url.js";

describe("query in the address", () => {
  it("keeps a short query readable in ?sql= and reads it back", async () => {
    const sql = "SELECT 6*7 AS x -- « réponse » & co";
    const parts = await sqlToUrlParts(sql);
    expect(parts.hash).toBe("");
    expect(parts.search.startsWith("?sql=SELECT%206*7")).toBe(true);
    expect(await sqlFromUrlParts(parts.search, parts.hash)).toBe(sql);
  });
  it("compresses a long query into #z= and reads it back unchanged", async () => {
    const sql = Array.from({length: 400}, (_, i) => `SELECT ${i} AS n, 'é${i}' AS t`).join("\nUNION ALL ");
    const parts = await sqlToUrlParts(sql);
    expect(parts.search).toBe("");
    expect(parts.hash).toMatch(/^#z=[A-Za-z0-9_-]+$/);
    expect(parts.hash.length).toBeLessThan(encodeURIComponent(sql).length);
    expect(await sqlFromUrlParts("", parts.hash)).toBe(sql);
    expect(encodeURIComponent(sql).length).toBeGreaterThan(PLAIN_LIMIT);
  });
  it("gives no query for an empty address and an empty one for an empty query", async () => {
    expect(await sqlFromUrlParts("", "")).toBeNull();
    expect(await sqlToUrlParts("  ")).toEqual({search: "", hash: ""});
  });
  it("base64url round-trips every byte value and rejects other alphabets", () => {
    const bytes = Uint8Array.from({length: 256}, (_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).not.toMatch(/[+/=]/);
    expect(fromBase64Url(text)).toEqual(bytes);
    expect(() => fromBase64Url("a+b/")).toThrow(/base64url/);
  });
  it("a damaged compressed link fails instead of giving another query", async () => {
    await expect(sqlFromUrlParts("", "#z=AAAA")).rejects.toThrow();
  });
});

describe("shared atelier links: only a query, limits said in French", () => {
  it("reads a right link with no problem, and an address with no query as none", async () => {
    expect(await readSharedSql("?sql=SELECT%201", "")).toEqual({sql: "SELECT 1", problem: null});
    expect(await readSharedSql("", "")).toEqual({sql: null, problem: null});
  });
  it("refuses a query longer than the limit, plain or compressed, without running it", async () => {
    const long = `SELECT '${"x".repeat(MAX_SQL_LENGTH)}'`;
    const plain = await readSharedSql(`?sql=${encodeURIComponent(long)}`, "");
    expect(plain.sql).toBeNull();
    expect(plain.problem).toMatch(/trop longue \(\d+ caractères, au plus 100000\)/);
    const {hash} = await sqlToUrlParts(long);
    const compressed = await readSharedSql("", hash);
    expect(compressed.sql).toBeNull();
    expect(compressed.problem).toMatch(
      /^Le lien partagé n'a pas pu être lu : la requête du lien est trop longue/
    );
    expect(compressed.problem).toMatch(/La requête par défaut est affichée à la place\.$/);
  });
  it("stops inflating a small link that would decompress to far more than the limit", async () => {
    const bomb = await compressText("0".repeat(20 * MAX_SQL_LENGTH));
    expect(bomb.length).toBeLessThan(4000); // 2 MB of text in a link of a few kB
    await expect(decompressText(bomb)).rejects.toThrow(SharedLinkError);
    expect((await readSharedSql("", `#z=${bomb}`)).problem).toMatch(/trop longue \(plus de 400000 octets/);
  });
  it("refuses an oversized fragment unread, and damaged ones with the reason", async () => {
    const huge = await readSharedSql("", `#z=${"A".repeat(MAX_COMPRESSED_LENGTH + 1)}`);
    expect(huge.problem).toMatch(/le lien est trop long \(200001 caractères après « #z= »/);
    expect((await readSharedSql("", "#z=a+b/")).problem).toMatch(/caractères interdits/);
    expect((await readSharedSql("", "#z=AAAA")).problem).toMatch(/abîmé ou tronqué/);
    const full = await compressText("SELECT 'une requête assez longue pour être coupée' AS t");
    expect((await readSharedSql("", `#z=${full.slice(0, -6)}`)).problem).toMatch(/abîmé ou tronqué/);
    expect((await readSharedSql("?sql=SELECT%201%00", "")).problem).toMatch(/caractères de contrôle/);
  });
  it("names the parameters other than the query, ignores them and still reads the query", async () => {
    const read = await readSharedSql("?sql=SELECT%202&token=abc&next=http://x", "");
    expect(read.sql).toBe("SELECT 2");
    expect(read.problem).toBe(
      "Ce lien porte des paramètres inconnus de l'atelier (« token », « next »), ignorés : un lien de l'atelier ne porte que sa requête."
    );
  });
});
