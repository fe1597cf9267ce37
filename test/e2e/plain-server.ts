/**
 * A static server as plain as a school's: it maps URL paths to files and nothing else, like
 * `python3 -m http.server`, or Apache and IIS with no rewrite rule. The site is served from a folder
 * (`/kit/`), not from the domain's root; `/kit/guide` is not `guide.html` (404); a folder is its `index.html`,
 * and a folder named without its final slash is redirected to it (301), as those servers do. It knows a few
 * content types only (others are `application/octet-stream`, as for an unconfigured `.arrow` or `.parquet`).
 */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, resolve, sep} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm"
};

/** Serves `root` under `folder` (`/kit/`) on 127.0.0.1; resolves with the server and the site's address. */
export function servePlainFolder(root: string, folder: string): Promise<{server: Server; site: string}> {
  const absolute = resolve(root);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = pathname.startsWith(folder)
      ? resolve(absolute, `.${sep}${pathname.slice(folder.length)}`)
      : "";
    if (!file || (file !== absolute && !file.startsWith(absolute + sep)) || !existsSync(file)) {
      response.writeHead(404, {"content-type": "text/plain"}).end("404 Not Found");
    } else if (statSync(file).isDirectory()) {
      if (!pathname.endsWith("/")) {
        const search = new URL(request.url ?? "/", "http://x").search;
        response.writeHead(301, {location: `${pathname}/${search}`}).end();
      } else if (existsSync(join(file, "index.html"))) send(join(file, "index.html"));
      else response.writeHead(404, {"content-type": "text/plain"}).end("404 Not Found");
    } else send(file);

    function send(path: string) {
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      response.writeHead(200, {"content-type": type, "content-length": statSync(path).size});
      createReadStream(path).pipe(response);
    }
  });
  return new Promise((done) => {
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address() as AddressInfo;
      done({server, site: `http://127.0.0.1:${port}${folder}`});
    });
  });
}
