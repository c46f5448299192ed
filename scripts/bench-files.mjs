// Browser benchmark for attached files, on the release build in dist/ in Debian's Chromium:
//  - checking a 20 MB PDF with hoso's rules (window.wasmBindings.hosoCheckFile), including the
//    copy of the bytes into wasm, as the app does;
//  - SHA-256 throughput: WebCrypto (what the app uses) side by side with the Rust sha2 path
//    (window.wasmBindings.hosoSha256) on the same 64 MB in the same page.
// The PDF is a real one printed by Chromium (12 pages) with a 20 MB image stream added, the
// way a scanned paper is mostly image data. Prints figures; asserts nothing.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

const port = 8098;
const server = spawn("node", ["scripts/serve-dist.mjs", "dist", String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.HOSO_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const maker = await browser.newPage();
  await maker.setContent(Array.from({ length: 12 }, (_, i) => `<p style="page-break-after:always">Trang ${i + 1}: giấy tờ quét.</p>`).join(""));
  const printed = await maker.pdf({ format: "A4" });
  await maker.close();
  const image = randomBytes(20 * 1024 * 1024);
  const at = printed.lastIndexOf("xref");
  const pdf = Buffer.concat([
    printed.subarray(0, at),
    Buffer.from(`900 0 obj\n<< /Type /XObject /Subtype /Image /Width 4000 /Height 5000 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /DCTDecode /Length ${image.length} >>\nstream\n`),
    image,
    Buffer.from("\nendstream\nendobj\n"),
    printed.subarray(at),
  ]);

  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/ho-so/1.004222`); // the whole app carries the bridge
  await page.waitForFunction(() => window.wasmBindings?.hosoCheckFile !== undefined, null, { timeout: 30000 });
  const result = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], min: s[0] }; };
    // Both run in the file checker (the app's worker): the figures include handing the bytes over.
    const report = JSON.parse(await window.wasmBindings.hosoCheckFile("ho-so-quet.pdf", bytes));
    const check = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      await window.wasmBindings.hosoCheckFile("ho-so-quet.pdf", bytes);
      check.push(performance.now() - t0);
    }
    const data = new Uint8Array(64 * 1024 * 1024);
    for (let i = 0; i < data.length; i += 65536) crypto.getRandomValues(data.subarray(i, i + 65536));
    const mb = data.length / (1024 * 1024);
    const web = [], rust = [];
    let same = true;
    for (let i = 0; i < 5; i++) {
      let t0 = performance.now();
      const d = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
      web.push(mb / ((performance.now() - t0) / 1000));
      t0 = performance.now();
      const r = await window.wasmBindings.hosoSha256(data);
      rust.push(mb / ((performance.now() - t0) / 1000));
      same &&= [...d].map((x) => x.toString(16).padStart(2, "0")).join("") === r;
    }
    return { size: bytes.length, report, check: stats(check), web: stats(web), rust: stats(rust), same };
  }, pdf.toString("base64"));
  const r = result;
  console.log(`\nfile checks benchmark — Chromium ${browser.version()}`);
  console.log(`checking a ${(r.size / 1048576).toFixed(1)} MB PDF (${r.report.pages} pages, ${r.report.problems.length} problems): median ${r.check.median.toFixed(1)} ms, p95 ${r.check.p95.toFixed(1)} ms  (target ≤ 200 ms)`);
  console.log(`SHA-256 of 64 MB: WebCrypto median ${r.web.median.toFixed(0)} MB/s | Rust sha2 in wasm median ${r.rust.median.toFixed(0)} MB/s | WebCrypto is ${(r.web.median / r.rust.median).toFixed(1)}× the Rust path | same digest: ${r.same}  (target ≥ 300 MB/s)\n`);
} finally {
  await browser.close();
  server.kill();
}
