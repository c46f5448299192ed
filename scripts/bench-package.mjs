// Package benchmark. Prints figures; asserts nothing (tests check correctness).
//
// 1. In Debian's Chromium, on the release build in dist/: exporting a dossier with 100 MB of
//    attachments through hoso's package maker (window.wasmBindings.hosoExportPackage, the path of
//    "Xuất hồ sơ"), side by side in the same page with JSZip (STORE) and client-zip on the same
//    Blobs: time to the finished Blob (median of the runs), peak JS heap of the page while it
//    runs, and for hoso the package maker's wasm memory, against the dossier's size.
// 2. Natively: `hoso package verify` of a 100 MB package (time and peak RSS), and hostile archives
//    (a zip bomb, an archive of 100,000 entries) refused (time and peak RSS).
//
//   node scripts/bench-package.mjs [MB] [runs]      (bash scripts/bench.sh package)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium, serveDist } from "./bench-setup.mjs";

const MB = 1024 * 1024;
const total = Number(process.argv[2] || 100);
const runs = Number(process.argv[3] || 3);
const files = 10;
const port = 8098;
const cli = "target/release/hoso";

const server = await serveDist(port);
const browser = await launchChromium(["--js-flags=--expose-gc", "--enable-precise-memory-info"]);
try {
  // The page forbids scripts it did not ship (CSP); the benchmark brings JSZip and client-zip.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/ho-so/2.000815`);
  await page.waitForFunction(() => typeof window.wasmBindings?.hosoExportPackage === "function", null, { timeout: 30000 });
  await page.addScriptTag({ content: readFileSync("node_modules/jszip/dist/jszip.min.js", "utf8") });
  const clientZip = readFileSync("node_modules/client-zip/index.js", "utf8");

  const result = await page.evaluate(async ({ total, files, runs, clientZip, MB }) => {
    const { downloadZip } = await import(URL.createObjectURL(new Blob([clientZip], { type: "text/javascript" })));
    const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
    /** `n` files of `size` random bytes (random: nothing compresses, as with real scans). */
    async function makeFiles(n, size) {
      const out = [];
      for (let i = 0; i < n; i++) {
        const bytes = new Uint8Array(size);
        for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)));
        bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d], 0); // %PDF-
        out.push({ name: `tep-${i}.pdf`, blob: new Blob([bytes], { type: "application/pdf" }), hash: hex(await crypto.subtle.digest("SHA-256", bytes)), size });
      }
      return out;
    }
    const dossierOf = (list) => JSON.stringify({
      format: 1, id: "bench", procedure: "2.000815", catalogue_version: "2026-07", channel: null, step: null,
      answers: { "yeu-cau.ho-ten": "Nguyễn Văn An", "yeu-cau.giay-to": "Bằng tốt nghiệp", "yeu-cau.so-trang": "2", "yeu-cau.so-ban": "1", "yeu-cau.nuoc-ngoai": "khong" },
      attachments: { d0: list.map((f) => ({ hash: f.hash, name: f.name, size: f.size, kind: "pdf", pages: 1, width: null, height: null, problems: [], from: [] })) },
      started: "2026-11-25T10:00+07:00", changed: "2026-11-25T10:00+07:00",
    });
    const byHash = (list) => Object.fromEntries(list.map((f) => [f.hash, f.blob]));
    const engines = {
      hoso: async (list) => {
        const r = await window.wasmBindings.hosoExportPackage(dossierOf(list), byHash(list));
        return { blob: r.blob, workerMemory: r.workerMemory };
      },
      jszip: async (list) => {
        const zip = new JSZip();
        for (const f of list) zip.file(f.name, f.blob, { binary: true });
        return { blob: await zip.generateAsync({ type: "blob", compression: "STORE" }) };
      },
      clientZip: async (list) => ({ blob: await downloadZip(list.map((f) => ({ name: f.name, input: f.blob, lastModified: new Date("2026-11-25T03:00Z") }))).blob() }),
    };
    // Warm-up: the workers start, the fonts and the catalogue load, the code compiles.
    const small = await makeFiles(1, 1024);
    for (const run of Object.values(engines)) await run(small);

    const list = await makeFiles(files, Math.round((total * MB) / files));
    const dossierBytes = list.reduce((t, f) => t + f.size, 0);
    const out = { dossierBytes, engines: {} };
    for (const [name, run] of Object.entries(engines)) {
      const times = [];
      let peakHeap = 0, workerMemory = 0, size = 0;
      for (let i = 0; i < runs; i++) {
        window.gc();
        const base = performance.memory.usedJSHeapSize;
        let peak = base;
        const sampler = setInterval(() => { peak = Math.max(peak, performance.memory.usedJSHeapSize); }, 20);
        const t0 = performance.now();
        const r = await run(list);
        times.push(performance.now() - t0);
        clearInterval(sampler);
        peak = Math.max(peak, performance.memory.usedJSHeapSize);
        peakHeap = Math.max(peakHeap, peak - base);
        workerMemory = Math.max(workerMemory, r.workerMemory || 0);
        size = r.blob.size;
      }
      times.sort((a, b) => a - b);
      out.engines[name] = { median: times[Math.floor(times.length / 2)], times, peakHeap, workerMemory, size };
    }
    return out;
  }, { total, files, runs, clientZip, MB });

  const d = result.dossierBytes;
  console.log(`\nExport of ${(d / MB).toFixed(0)} MB of attachments (${files} files, random bytes) in Chromium, ${runs} runs each, same page:`);
  console.log(`${"engine".padEnd(12)} ${"median".padStart(9)} ${"runs (ms)".padStart(24)} ${"peak heap".padStart(11)} ${"wasm mem".padStart(10)} ${"memory/dossier".padStart(15)}`);
  for (const [name, e] of Object.entries(result.engines)) {
    const memory = e.peakHeap + e.workerMemory;
    console.log(`${name.padEnd(12)} ${(e.median.toFixed(0) + " ms").padStart(9)} ${e.times.map((t) => t.toFixed(0)).join(", ").padStart(24)} ${((e.peakHeap / MB).toFixed(1) + " MB").padStart(11)} ${((e.workerMemory / MB).toFixed(1) + " MB").padStart(10)} ${(memory / d).toFixed(2).padStart(15)}×`);
  }
  const h = result.engines.hoso, j = result.engines.jszip, c = result.engines.clientZip;
  console.log(`hoso vs JSZip: ${(j.median / h.median).toFixed(1)}× faster; vs client-zip: ${(c.median / h.median).toFixed(1)}×. Targets: ≤ 1.5 s, ≥ 2× JSZip, memory ≤ 1.5× the dossier.`);
  console.log("(hoso's figure includes planning, both PDFs, the font subsets and reading every file for its CRC-32; the memory of a Blob's bytes is the browser's, outside every heap here.)");
} finally {
  await browser.close();
  server.kill();
}

// Natively: verify a package of about the same size, and refuse hostile archives.
const dir = mkdtempSync(join(tmpdir(), "hoso-bench-package-"));
const timed = (args) => {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", cli, ...args], { encoding: "utf8" });
  const [seconds, kb] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  return { seconds, rssMb: kb / 1024, status: r.status, out: r.stdout };
};
// Under the portal's 10 MB a file, as the CLI checks every file it attaches.
const nativeFiles = Math.max(1, Math.ceil(total / 4));
const perFile = Math.round((total * MB) / nativeFiles);
const attach = [];
for (let i = 0; i < nativeFiles; i++) {
  // A real PDF around one large incompressible stream (its pages count, it ends with %%EOF).
  const body = Buffer.alloc(perFile);
  for (let at = 0; at < perFile; at += 65536) body.fill(Math.floor(Math.random() * 256), at, Math.min(perFile, at + 65536));
  const head = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n";
  const stream = `4 0 obj << /Length ${perFile} >> stream\n`;
  const pre = Buffer.from(head + stream, "latin1");
  const tailStart = pre.length + perFile;
  const xrefAt = tailStart + "\nendstream endobj\n".length;
  const tail = Buffer.from(`\nendstream endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Size 5 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`, "latin1");
  writeFileSync(join(dir, `tep-${i}.pdf`), Buffer.concat([pre, body, tail]));
  attach.push("--attach", `d0=${join(dir, `tep-${i}.pdf`)}`);
}
writeFileSync(join(dir, "a.json"), JSON.stringify({ "yeu-cau.ho-ten": "Nguyễn Văn An", "yeu-cau.giay-to": "Bằng tốt nghiệp", "yeu-cau.so-trang": "2", "yeu-cau.so-ban": "1", "yeu-cau.nuoc-ngoai": "khong" }));
const build = spawnSync(cli, ["package", "build", "2.000815", "--answers", join(dir, "a.json"), ...attach, "--at", "2026-11-25T10:00+07:00", "--out", join(dir, "goi.zip")], { encoding: "utf8" });
if (build.status !== 0) throw new Error(build.stderr);
const verifies = [];
for (let i = 0; i < runs; i++) verifies.push(timed(["package", "verify", join(dir, "goi.zip")]));
const v = verifies.sort((a, b) => a.seconds - b.seconds)[Math.floor(runs / 2)];
console.log(`\nhoso package verify, ${(statSync(join(dir, "goi.zip")).size / MB).toFixed(0)} MB package (native, median of ${runs}): ${v.seconds.toFixed(2)} s, peak RSS ${v.rssMb.toFixed(0)} MB, ok=${JSON.parse(v.out).ok}. Target ≤ 0.5 s.`);

// Hostile archives made by Python's zipfile (an independent writer).
const py = (code) => { const r = spawnSync("python3", ["-c", code, dir], { encoding: "utf8" }); if (r.status !== 0) throw new Error(r.stderr); };
py(`import sys, zipfile, os
d = sys.argv[1]
with zipfile.ZipFile(os.path.join(d, "bom.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("manifest.json", "w", force_zip64=True) as f:
        block = bytes(1 << 20)
        for _ in range(1024): f.write(block)
with zipfile.ZipFile(os.path.join(d, "nhieu.zip"), "w") as z:
    for i in range(100000): z.writestr(f"t/{i}", b"")`);
for (const [name, what] of [["bom.zip", "a zip bomb (1 GB of zeros in 1 MB)"], ["nhieu.zip", "100,000 entries"]]) {
  const r = timed(["package", "verify", join(dir, name)]);
  const kind = JSON.parse(r.out).problems[0]?.kind;
  console.log(`hostile: ${what.padEnd(36)} refused as ${String(kind).padEnd(18)} in ${r.seconds.toFixed(2)} s, peak RSS ${r.rssMb.toFixed(0)} MB. Target < 5 s, < 512 MB.`);
}
