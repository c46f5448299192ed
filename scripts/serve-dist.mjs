// A static server for a built bundle (dist/), with the single-page-app fallback: any path that
// is not a file gets index.html, as a portal's web server would be configured. Used by the
// end-to-end tests, the Lighthouse bench and for previewing a release build. Serves what a real
// host is configured to serve (README, "Hosting"): the `.br`/`.gz` copies scripts/finish-dist.mjs
// wrote, with Content-Encoding, when the browser accepts them; Trunk's content-hashed names
// (`hoso-web-<16 hex>.js`) cached for a year as immutable; everything else (index.html, the
// worker files Trunk does not hash, catalogue data) revalidated on every use by ETag.
//   node scripts/serve-dist.mjs [dir] [port]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, normalize, extname, resolve } from "node:path";

const root = resolve(process.argv[2] || "dist");
const port = Number(process.argv[3] || process.env.PORT || 8090);
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".svg": "image/svg+xml",
  ".png": "image/png", ".ico": "image/x-icon", ".webmanifest": "application/manifest+json", ".txt": "text/plain; charset=utf-8",
};

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
  } catch {
    // Unknown path: a route of the app (or a typo the app's 404 page explains) — unless it
    // is a missing asset, which must stay a real 404. Routes may contain dots
    // (/thu-tuc/1.004222), so only known asset extensions count.
    file = types[extname(path)] || extname(path) === ".map" ? null : join(root, "index.html");
  }
  try {
    if (!file) throw new Error("missing asset");
    const info = await stat(file);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const immutable = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(file);
    const headers = {
      "content-type": types[extname(file)] || "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      etag,
      vary: "Accept-Encoding",
    };
    if (!immutable && req.headers["if-none-match"] === etag) { res.writeHead(304, headers).end(); return; }
    const accepts = req.headers["accept-encoding"] || "";
    let body = null;
    for (const [enc, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (!new RegExp(`\\b${enc}\\b`).test(accepts)) continue;
      body = await readFile(file + ext).catch(() => null);
      if (body) { headers["content-encoding"] = enc; break; }
    }
    body ??= await readFile(file);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Không tìm thấy tệp");
  }
}).listen(port, "127.0.0.1", () => console.log(`hoso (dist) at http://127.0.0.1:${port}/`));
