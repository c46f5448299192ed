// Finishes a bundle, as Trunk's post-build hook (Trunk.toml), before the size report:
//   0. writes the page loader into index.html (every build, also --loader-only for debug builds):
//      it starts `hoso-browse` on the browse paths and `hoso-web` everywhere else (ARCHITECTURE.md,
//      "What loads when"); and makes the workers' loaders report a wasm that did not arrive;
//   1. minifies the apps' JS glue (Trunk's --minify leaves ES modules as they are);
//   2. replaces 'unsafe-inline' in the Content-Security-Policy with the hash of each inline script
//      (the loader), so the page runs no inline script it did not ship;
//   3. writes `<file>.br` and `<file>.gz` beside every file, as a static host serves them
//      (scripts/serve-dist.mjs; README for nginx/caddy). Compressed copies are cached by content
//      hash in target/hoso-precompressed, so the 2,600 catalogue files are compressed once.
//   node scripts/finish-dist.mjs [--loader-only] <dir>
import { readdirSync, readFileSync, writeFileSync, statSync, existsSync, mkdirSync, renameSync } from "node:fs";
import { join, extname, basename } from "node:path";
import { createHash } from "node:crypto";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { minify } from "terser";

const args = process.argv.slice(2);
const loaderOnly = args[0] === "--loader-only";
const dir = (loaderOnly ? args[1] : args[0]) || "dist";
const cache = join(import.meta.dirname, "..", "target", "hoso-precompressed");
mkdirSync(cache, { recursive: true });

const hash = (alg, bytes) => createHash(alg).update(bytes).digest("base64");
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

// 0. The page loader. The browse paths are the routes of `ui::app::BrowseApp`; the E2E test
// "each route starts the right binary" keeps the two lists together.
// hoso-browse is built as a Trunk "worker" (Trunk allows one main binary), so its files are not
// content-hashed: name them here, as Trunk names hoso-web's, so hosts may cache them for good.
if (existsSync(join(dir, "hoso-browse.js"))) {
  const [js, wasm] = ["hoso-browse.js", "hoso-browse_bg.wasm"].map((n) => readFileSync(join(dir, n)));
  const tag = createHash("sha256").update(js).update(wasm).digest("hex").slice(0, 16);
  renameSync(join(dir, "hoso-browse.js"), join(dir, `hoso-browse-${tag}.js`));
  renameSync(join(dir, "hoso-browse_bg.wasm"), join(dir, `hoso-browse-${tag}_bg.wasm`));
}
const glue = (bin) => {
  const js = readdirSync(dir).find((n) => new RegExp(`^${bin}-[0-9a-f]+\\.js$`).test(n));
  if (!js) throw new Error(`no ${bin} glue in ${dir}`);
  return [`./${js}`, `./${js.replace(/\.js$/, "_bg.wasm")}`];
};
// Every file is named relative to the page's <base href> (the deployment's base path, "/" at the
// root); the routes are tested on the address under it. In a portal's frame the whole app starts
// (it carries the embedding protocol, web::embed).
// On the whole app's addresses, the data a procedure's or a dossier's page shows first is asked for
// while the app downloads, not once it has: the app takes these requests (web::boot::prefetch,
// window.hosoNap) and decides itself what the page needs (core::catalogue::known::files_for);
// catalogue/nap.json names, for each code the catalogue has, its declaration form (0: the generic
// one), so no code is asked for that has no file. (Comments stay out of the loader: it is in every page.)
const loader = `
const apps = ${JSON.stringify({ duyet: glue("hoso-browse"), "day-du": glue("hoso-web") })};
const browse = /^\\/(gioi-thieu|linh-vuc|linh-vuc\\/[^/]+|su-kien\\/[^/]+)?$/;
const base = new URL(document.baseURI).pathname;
const here = location.pathname.startsWith(base) ? "/" + location.pathname.slice(base.length) : location.pathname;
let whole = window.parent !== window;
try {
  whole ||= sessionStorage.getItem("hoso-tai-ung-dung-day-du") !== null;
  sessionStorage.removeItem("hoso-tai-ung-dung-day-du");
} catch {}
const name = !whole && browse.test(here) ? "duyet" : "day-du";
const [js, wasm] = apps[name];
const bytes = fetch(wasm);
if (name === "day-du") {
  const [top, id] = here.slice(1).split("/");
  const code = top === "thu-tuc" ? id : top === "ho-so" && id ? id.split("-")[0] : "";
  if (code) {
    window.hosoNap = fetch("catalogue/nap.json").then((r) => r.json()).then((table) => {
      const files = Object.hasOwn(table, code) ? ["catalogue/p/" + code + ".json", ...(table[code] ? ["forms/" + table[code]] : [])] : [];
      return Object.fromEntries(files.map((f) => [f, fetch(f)]));
    }).catch(() => ({}));
  }
}
const app = await import(js);
if (document.readyState === "loading") await new Promise((r) => addEventListener("DOMContentLoaded", r, { once: true }));
await app.default({ module_or_path: bytes });
if (name === "day-du") window.wasmBindings = app;
`;
// The loader's table (above): every code of the shipped catalogue, with its declaration form's
// file, from the same files build.rs reads for core::catalogue::known and forms::form_file.
{
  const index = JSON.parse(readFileSync(join(dir, "catalogue", "index.json"), "utf8"));
  const table = Object.fromEntries(index.entries.map((e) => [e[0], 0]));
  for (const f of readdirSync(join(dir, "forms")).filter((n) => n.endsWith(".json")).sort()) {
    for (const code of JSON.parse(readFileSync(join(dir, "forms", f), "utf8")).procedures) if (table[code] === 0) table[code] = f;
  }
  writeFileSync(join(dir, "catalogue", "nap.json"), JSON.stringify(table));
}
// Release builds only: the service worker (written below) keeps the app usable offline. Never
// under \`trunk serve\`, whose files change at every edit.
// Registered a few seconds after the page has loaded: its precache must not compete with what
// the first paint needs on a slow connection.
const register = `
if ("serviceWorker" in navigator) {
  const later = () => setTimeout(() => navigator.serviceWorker.register("sw.js").catch(() => {}), 3000);
  if (document.readyState === "complete") later(); else addEventListener("load", later);
}
`;
// The base path is the deployment's one setting in the page: written plainly (the minifier may
// have dropped the quotes) so a host, or scripts/serve-dist.mjs --base, can set it.
const baseTag = /<base\s+href=("?)\/\1\s*\/?>/;
if (!baseTag.test(html)) throw new Error('index.html has no <base href="/">');
html = html.replace(baseTag, '<base href="/">');
// 0b. The workers' loaders (Trunk's shim: importScripts the glue, then start the wasm). A wasm that
// does not arrive (the network drops) would only reject a promise inside the worker, and the app
// would wait for its "ready" for ever: thrown again outside the promise, it is an `error` event on
// the Worker in the page, which answers the waiting requests and lets the next one start it anew
// (web::worker).
for (const name of readdirSync(dir).filter((n) => /^hoso-[a-z]+_loader\.js$/.test(n))) {
  const path = join(dir, name);
  const shim = readFileSync(path, "utf8").trim();
  if (shim.includes(".catch(")) continue; // already done (the same staging directory finished twice)
  const start = /^(importScripts\("[^"]+"\);)(wasm_bindgen\("[^"]+"\));?$/.exec(shim);
  if (!start) throw new Error(`${name} is not the loader Trunk writes: ${shim}`);
  writeFileSync(path, `${start[1]}${start[2]}.catch((e) => setTimeout(() => { throw e; }));\n`);
}
const slot = /<script id="?hoso-nap"?><\/script>/;
if (!slot.test(html)) throw new Error("index.html has no <script id=hoso-nap></script> for the loader");
// In <head> and async: a module script waits for the page to be parsed and for the stylesheets
// above it, an async one for neither (it waits for the body itself, above), so the app's download
// starts as the page arrives. Just after the stylesheet, whose request goes first (measured on a
// throttled home page: the first paint as before, the app's ~250 ms sooner).
html = html.replace(slot, () => `<script type="module" async>${loader}${loaderOnly ? "" : register}</script>`);
if (loaderOnly) {
  writeFileSync(indexPath, html);
  console.log(`finish-dist: ${basename(dir)}: page loader written`);
  process.exit(0);
}

// 1. Minify the apps' glue; the worker's glue is minified by Trunk.
for (const name of readdirSync(dir).filter((n) => /^hoso-(web|browse)-[0-9a-f]+\.js$/.test(n))) {
  const path = join(dir, name);
  const out = await minify(readFileSync(path, "utf8"), { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, out.code);
}

// 1b. The service worker: the app shell precached under a name made from its files' hashes (a new
// build is a new cache, and the old one is deleted when the new worker takes over); the catalogue
// index and the units in the data cache at install, the other data files (procedures, forms, the
// old→new table) and the package maker as they are first used. Navigations get the cached
// index.html. A new version waits until the page asks (message "cap-nhat"); the app offers it.
{
  const shellFiles = readdirSync(dir).filter((n) =>
    n === "index.html" || /^hoso-(web|browse)-[0-9a-f]+(_bg\.wasm|\.js)$/.test(n) || /^hoso-worker(_loader\.js|\.js|_bg\.wasm)$/.test(n)
    || /^hoso-[0-9a-f]+\.css$/.test(n) || /^favicon-[0-9a-f]+\.svg$/.test(n));
  const dataFiles = ["catalogue/index.json", "catalogue/nap.json", "units/2025.json", "calendar/decisions.json"].filter((n) => existsSync(join(dir, n)));
  // Kept as first used, but part of the data cache's name: a new English table is a new cache.
  const lazyData = ["i18n/en.json"].filter((n) => existsSync(join(dir, n)));
  // The code loaded at the first export or scan, and the fonts: kept in the shell's cache as first
  // used (or by "Tải để dùng khi không có mạng"). Part of the shell's name, so a new package maker
  // is a new cache (their names carry no hash: the old one must never answer the new app).
  const lazyApp = [
    ...readdirSync(dir).filter((n) => /^hoso-(export|qr)(_loader\.js|\.js|_bg\.wasm)$/.test(n)).sort(),
    ...(existsSync(join(dir, "fonts")) ? readdirSync(join(dir, "fonts")).filter((n) => n.endsWith(".ttf")).sort().map((n) => `fonts/${n}`) : []),
  ];
  // Who may frame hoso: the server sends it as a header with index.html, which the shell's cache
  // keeps. A changed allow-list is a new shell, so a portal taken off it cannot frame the old copy.
  const framing = ["embed.json"].filter((n) => existsSync(join(dir, n)));
  const version = (files) => {
    const h = createHash("sha256");
    for (const n of files) h.update(n).update(n === "index.html" ? html : readFileSync(join(dir, n)));
    return h.digest("hex").slice(0, 16);
  };
  const sw = `// Written by scripts/finish-dist.mjs at each release build. See ARCHITECTURE.md, "Offline".
const SHELL = "hoso-shell-${version([...shellFiles, ...lazyApp, ...framing])}";
const DATA = "hoso-du-lieu-${version([...dataFiles, ...lazyData])}";
// Paths are relative to the worker's scope: the base path the app is served from.
const PRECACHE = ${JSON.stringify(shellFiles)};
const PREDATA = ${JSON.stringify(dataFiles)};
// Kept as first used; a new version fetches again those the old one had kept (a device made ready
// for offline use stays ready after an update).
const LATER = ${JSON.stringify(lazyApp)};
const SCOPE = new URL(self.registration.scope).pathname;
const inScope = (p) => (p.startsWith(SCOPE) ? p.slice(SCOPE.length) : null);
const isData = (p) => /^(catalogue|units|forms|i18n)\\//.test(p);
// The days-off decisions change within a build's life (a new year's Tết): the network first, the
// copy when offline.
const isFresh = (p) => p === "calendar/decisions.json";
const isApp = (p) => /^(hoso-[^/]*\\.(js|wasm)|fonts\\/[^/]+)$/.test(p);
async function keptBefore() {
  const kept = new Set();
  for (const k of await caches.keys()) {
    if (!k.startsWith("hoso-shell-") || k === SHELL) continue;
    for (const r of await caches.open(k).then((c) => c.keys())) {
      const path = inScope(new URL(r.url).pathname);
      if (LATER.includes(path)) kept.add(path);
    }
  }
  return [...kept];
}
self.addEventListener("install", (e) => e.waitUntil(Promise.all([
  caches.open(SHELL).then((c) => c.addAll(PRECACHE)),
  caches.open(DATA).then((c) => c.addAll(PREDATA)),
  keptBefore().then((paths) => caches.open(SHELL).then((c) => c.addAll(paths))).catch(() => {}),
])));
self.addEventListener("activate", (e) => e.waitUntil((async () => {
  for (const k of await caches.keys()) {
    if ((k.startsWith("hoso-shell-") && k !== SHELL) || (k.startsWith("hoso-du-lieu-") && k !== DATA)) await caches.delete(k);
  }
  await self.clients.claim();
})()));
self.addEventListener("message", (e) => { if (e.data === "cap-nhat") self.skipWaiting(); });
// A copy that cannot be kept (the device's storage is full) never fails the request itself.
async function cacheFirst(e, name, request) {
  const hit = await caches.open(name).then((c) => c.match(request, { ignoreSearch: true })).catch(() => undefined);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    e.waitUntil(caches.open(name).then((c) => c.put(request, copy)).catch(() => {}));
  }
  return response;
}
self.addEventListener("fetch", (e) => {
  const request = e.request;
  const url = new URL(request.url);
  const path = inScope(url.pathname);
  if (request.method !== "GET" || url.origin !== location.origin || path === null) return;
  if (request.mode === "navigate") {
    e.respondWith(caches.open(SHELL).then((c) => c.match("index.html")).then((hit) => hit || fetch(request)));
  } else if (isFresh(path)) {
    // The copy is refreshed only in a data cache that exists: after "Kết thúc phiên" removed it,
    // a page loading in another tab does not bring it back.
    e.respondWith(fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        e.waitUntil(caches.has(DATA).then((kept) => kept && caches.open(DATA).then((c) => c.put(request, copy))).catch(() => {}));
      }
      return response;
    }).catch(() => caches.open(DATA).then((c) => c.match(request)).then((hit) => hit || Response.error())));
  } else if (isData(path)) {
    e.respondWith(cacheFirst(e, DATA, request));
  } else if (isApp(path) || PRECACHE.includes(path)) {
    e.respondWith(cacheFirst(e, SHELL, request));
  }
});
`;
  writeFileSync(join(dir, "sw.js"), sw);
}

// 2. Hash the inline scripts into the CSP.
const inline = [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[0].slice(0, m[0].indexOf(">"))));
const hashes = inline.map((m) => `'sha256-${hash("sha256", Buffer.from(m[1], "utf8"))}'`);
if (!html.includes("'unsafe-inline'")) throw new Error("index.html's CSP has no 'unsafe-inline' to replace");
html = html.replace("'unsafe-inline'", hashes.join(" ") || "'none'");
writeFileSync(indexPath, html);

// 3. Precompress.
function* walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (![".br", ".gz"].includes(extname(p))) yield p;
  }
}
let files = 0;
let fresh = 0;
for (const path of walk(dir)) {
  const bytes = readFileSync(path);
  const key = createHash("sha256").update(bytes).digest("hex");
  for (const [ext, pack] of [
    [".br", (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } })],
    [".gz", (b) => gzipSync(b, { level: 9 })],
  ]) {
    const cached = join(cache, key + ext);
    if (!existsSync(cached)) {
      writeFileSync(cached, pack(bytes));
      fresh += 1;
    }
    writeFileSync(path + ext, readFileSync(cached));
  }
  files += 1;
}
console.log(`finish-dist: ${basename(dir)}: glue minified, CSP has ${hashes.length} script hash(es), ${files} files precompressed (${fresh} new)`);
