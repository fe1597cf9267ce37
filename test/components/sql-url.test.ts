import {describe, expect, it} from "vitest";
import {
  PLAIN_LIMIT,
  fromBase64Url,
  sqlFromUrlParts,
  sqlToUrlParts,
  toBase64Url
} from "../../src/components/sql-url.js";

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
