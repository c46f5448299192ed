// A static server for a built bundle (dist/), with the single-page-app fallback: any path that
// is not a file gets index.html, as a portal's web server would be configured. Used by the
// end-to-end tests, the Lighthouse bench and for previewing a release build. Serves what a real
// host is configured to serve (README, "Hosting"): the `.br`/`.gz` copies scripts/finish-dist.mjs
// wrote, with Content-Encoding, when the browser accepts them; Trunk's content-hashed names
// (`hoso-web-<16 hex>.js`) cached for a year as immutable; everything else (index.html, the
// worker files Trunk does not hash, catalogue data) revalidated on every use by ETag.
//
// Embedding (README, "Embedding in a portal"): the deployment's allow-list `embed.json` (the app's
// own, or the file `--embed` names, served in its place as a host serves its configuration) gives
// every page the matching `Content-Security-Policy: frame-ancestors 'self' <origins>` header, the
// value `hoso embed header` prints (an E2E test compares them). `--base /dich-vu/hoso/` serves the
// bundle under that path, with index.html's `<base href>` set to it, as a portal would host it.
//   node scripts/serve-dist.mjs [dir] [port] [--embed file] [--base /path/]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join, normalize, extname, resolve } from "node:path";

const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(`--${name}`);
  return at < 0 ? undefined : argv.splice(at, 2)[1];
};
const embedFile = option("embed");
const base = option("base") || "/";
if (!/^\/([^/]+\/)*$/.test(base)) throw new Error(`--base must start and end with "/": ${base}`);
const root = resolve(argv[0] || "dist");
const port = Number(argv[1] || process.env.PORT || 8090);
const embedPath = embedFile ? resolve(embedFile) : join(root, "embed.json");
// The allow-list's origins as core::embed::Config::frame_ancestors joins them (a file that is not
// valid lets no other site frame hoso, as the app then talks to none).
function frameAncestors() {
  try {
    const config = JSON.parse(readFileSync(embedPath, "utf8"));
    const origins = config.v === 1 && Array.isArray(config.origins) ? config.origins.map((o) => new URL(o).origin) : [];
    return ["frame-ancestors 'self'", ...origins].join(" ");
  } catch {
    return "frame-ancestors 'self'";
  }
}
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".svg": "image/svg+xml",
  ".png": "image/png", ".ico": "image/x-icon", ".webmanifest": "application/manifest+json", ".txt": "text/plain; charset=utf-8",
};

createServer(async (req, res) => {
  const full = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  if (!(full + "/").startsWith(base)) { res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Không tìm thấy tệp"); return; }
  const path = "/" + full.slice(base.length);
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
    if (path === "/embed.json") file = embedPath;
    const info = await stat(file);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const immutable = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(file);
    const headers = {
      "content-type": types[extname(file)] || "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      etag,
      vary: "Accept-Encoding",
    };
    const page = file.endsWith("index.html");
    if (page) headers["content-security-policy"] = frameAncestors();
    if (!immutable && req.headers["if-none-match"] === etag) { res.writeHead(304, headers).end(); return; }
    const accepts = req.headers["accept-encoding"] || "";
    let body = null;
    // Under another base path the page names it (its <base href>); the configuration file is the
    // deployment's, never a compressed copy of the bundle's.
    if (page && base !== "/") body = Buffer.from((await readFile(file, "utf8")).replace(/<base href="\/">/, `<base href="${base}">`));
    if (path === "/embed.json") body = await readFile(file);
    for (const [enc, ext] of body ? [] : [["br", ".br"], ["gzip", ".gz"]]) {
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
}).listen(port, "127.0.0.1", () => console.log(`hoso (dist) at http://127.0.0.1:${port}${base}`));
