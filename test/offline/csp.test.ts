import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {
  contentSecurityPolicy,
  inlineScripts,
  scriptHash,
  withContentSecurityPolicy
} from "../../scripts/offline/csp.ts";

const page = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<script>document.documentElement.lang = "fr";</script>
<script type="module" src="./_observablehq/client.js"></script>
<script type="module">
import {define} from "./_observablehq/client.js";
define({id: "a", body: () => "é < & \\u00a0"});
</script>
</head>
<body><template><script>inside()</script></template></body>
</html>
`;

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

describe("Content-Security-Policy of the built pages", () => {
  it("finds every inline script, in templates too, and none with a src", () => {
    const scripts = inlineScripts(page);
    expect(scripts).toHaveLength(3);
    expect(scripts[0]).toBe('document.documentElement.lang = "fr";');
    expect(scripts[1]).toContain('body: () => "é < & \\u00a0"');
    expect(scripts[2]).toBe("inside()");
  });
  it("hashes a script's UTF-8 text as browsers do (sha256, base64)", () => {
    const text = "é";
    expect(scriptHash(text)).toBe(
      `'sha256-${createHash("sha256")
        .update(Buffer.from([0xc3, 0xa9]))
        .digest("base64")}'`
    );
  });
  it("allows the site's origin, the page's own inline scripts, WebAssembly and blob: workers; never eval", () => {
    const policy = contentSecurityPolicy(inlineScripts(page));
    const script = directive(policy, "script-src")!;
    expect(script.slice(0, 3)).toEqual(["'self'", "'wasm-unsafe-eval'", "'report-sample'"]);
    expect(script.filter((s) => s.startsWith("'sha256-"))).toHaveLength(3);
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(script).not.toContain("'unsafe-inline'");
    expect(directive(policy, "worker-src")).toEqual(["'self'", "blob:"]);
    expect(directive(policy, "default-src")).toEqual(["'self'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(policy).not.toMatch(/https?:|\*/);
  });
  it("puts the policy first in the head, after the charset, once even when run twice", () => {
    const once = withContentSecurityPolicy(page);
    const twice = withContentSecurityPolicy(once);
    expect(twice).toBe(once);
    expect(once.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    const at = once.indexOf("Content-Security-Policy");
    expect(at).toBeGreaterThan(once.indexOf('<meta charset="utf-8">'));
    expect(at).toBeLessThan(once.indexOf("<script"));
    expect(once.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, "")).toBe(page);
  });
  it("refuses a page without a head rather than publish it unprotected", () => {
    expect(() => withContentSecurityPolicy("<p>rien</p>")).toThrow(/<head>/);
  });
});
