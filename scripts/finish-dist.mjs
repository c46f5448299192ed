// Finishes a release bundle, as Trunk's post-build hook (Trunk.toml), before the size report:
//   1. minifies the app's JS glue (Trunk's --minify leaves ES modules as they are) and updates the
//      subresource-integrity hash index.html holds for it;
//   2. replaces 'unsafe-inline' in the Content-Security-Policy with the hash of each inline script
//      Trunk wrote (the wasm loader), so the page runs no inline script it did not ship;
//   3. writes `<file>.br` and `<file>.gz` beside every file, as a static host serves them
//      (scripts/serve-dist.mjs; README for nginx/caddy). Compressed copies are cached by content
//      hash in target/hoso-precompressed, so the 2,600 catalogue files are compressed once.
//   node scripts/finish-dist.mjs <dir>
import { readdirSync, readFileSync, writeFileSync, statSync, existsSync, mkdirSync } from "node:fs";
import { join, extname, basename } from "node:path";
import { createHash } from "node:crypto";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { minify } from "terser";

const dir = process.argv[2] || "dist";
const cache = join(import.meta.dirname, "..", "target", "hoso-precompressed");
mkdirSync(cache, { recursive: true });

const hash = (alg, bytes) => createHash(alg).update(bytes).digest("base64");
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

// 1. Minify the app glue (hoso-web-<hash>.js); the worker's glue is minified by Trunk.
for (const name of readdirSync(dir).filter((n) => /^hoso-web-[0-9a-f]+\.js$/.test(n))) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const out = await minify(before.toString("utf8"), { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, out.code);
  const oldSri = `sha384-${hash("sha384", before)}`;
  const newSri = `sha384-${hash("sha384", Buffer.from(out.code))}`;
  if (html.includes(oldSri)) html = html.replaceAll(oldSri, newSri);
  else if (html.includes("integrity")) throw new Error(`index.html has no integrity ${oldSri} for ${name}`);
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
