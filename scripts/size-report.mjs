// Size report of a built hoso bundle: raw, gzip and brotli bytes of what the browser downloads
// to show the home page (the browse binary's wasm + JS, CSS, HTML), any other route (the whole
// app's wasm + JS, CSS, HTML) and the file checker worker. Data files (catalogue/) are loaded on
// demand and reported apart. Prints figures; never fails a build. Uses the `.br`/`.gz` copies that
// scripts/finish-dist.mjs writes beside each file when they are there (what a host serves).
//   node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const BUDGET_BROTLI = 200 * 1000; // issue #11: ≤ 200 kB brotli for the home page
const dir = process.argv[2] || "dist";

function* walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (![".br", ".gz"].includes(extname(p))) yield p;
  }
}

const shell = [];
// The whole app (hoso-web): every route but the browse pages.
const app = [];
// The file checker (a web worker) loads at the first attachment, not with the home page.
const worker = [];
// The package maker (a second worker) and the declaration's font load at the first export.
const exporter = [];
// The QR reader (a third worker) loads when a person scans their căn cước: the decoder's cost.
const reader = [];
const data = { raw: 0, gzip: 0, brotli: 0, files: 0 };
for (const path of walk(dir)) {
  const rel = relative(dir, path);
  const ext = extname(path);
  const bytes = readFileSync(path);
  const packed = (ext, pack) => (existsSync(path + ext) ? statSync(path + ext).size : pack().length);
  const size = {
    raw: bytes.length,
    gzip: packed(".gz", () => gzipSync(bytes, { level: 9 })),
    brotli: packed(".br", () => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
  if (rel.split(/[\\/]/)[0] === "catalogue") {
    data.raw += size.raw; data.gzip += size.gzip; data.brotli += size.brotli; data.files += 1;
  } else if (rel.startsWith("hoso-export") || ext === ".ttf") {
    exporter.push({ rel, ...size });
  } else if (rel.startsWith("hoso-qr")) {
    reader.push({ rel, ...size });
  } else if (rel.startsWith("hoso-worker")) {
    worker.push({ rel, ...size });
  } else if (rel.startsWith("hoso-web")) {
    app.push({ rel, ...size });
  } else if ([".wasm", ".js", ".css", ".html"].includes(ext)) {
    shell.push({ rel, ...size });
  }
}

const kB = (n) => (n / 1000).toFixed(1).padStart(8) + " kB";
const line = (name, s) => console.log(`${name.padEnd(44)} ${kB(s.raw)} ${kB(s.gzip)} ${kB(s.brotli)}`);
console.log(`\nhoso size report (${dir})`);
console.log(`${"file".padEnd(44)} ${"raw".padStart(11)} ${"gzip".padStart(11)} ${"brotli".padStart(11)}`);
const sum = (files) => files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
shell.sort((a, b) => b.brotli - a.brotli).forEach((f) => line(f.rel, f));
const total = sum(shell);
line("TOTAL home page (browse wasm+js, css, html)", total);
const common = shell.filter((f) => !f.rel.startsWith("hoso-browse"));
if (app.length) {
  app.sort((a, b) => b.brotli - a.brotli).forEach((f) => line(f.rel, f));
  line("TOTAL any other route (app wasm+js, css, html)", sum([...app, ...common]));
}
if (worker.length) {
  worker.sort((a, b) => b.brotli - a.brotli).forEach((f) => line(f.rel, f));
  line("file checker worker (at the first attachment)", sum(worker));
}
if (exporter.length) {
  exporter.sort((a, b) => b.brotli - a.brotli).forEach((f) => line(f.rel, f));
  line("package maker and font (at the first export)", sum(exporter));
}
if (reader.length) {
  reader.sort((a, b) => b.brotli - a.brotli).forEach((f) => line(f.rel, f));
  line("QR reader (the decoder, when a card is scanned)", sum(reader));
}
line("everything but data (home, app, workers, font)", sum([...shell, ...app, ...worker, ...exporter, ...reader]));
if (data.files) line(`catalogue data (${data.files} files, on demand)`, data);
const pct = ((100 * total.brotli) / BUDGET_BROTLI).toFixed(0);
console.log(`budget: ${(total.brotli / 1000).toFixed(1)} kB of ${BUDGET_BROTLI / 1000} kB brotli (${pct}%) ${total.brotli <= BUDGET_BROTLI ? "— within budget" : "— OVER BUDGET"}\n`);
