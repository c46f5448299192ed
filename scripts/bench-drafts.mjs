// Drafts benchmark. Prints figures; asserts nothing (tests check correctness).
//
// In Debian's Chromium, on the release build in dist/ (the app's own User Timing marks):
// 1. save latency: a dossier of 30 answers, saved after each of 30 changes typed in a section
//    ("hoso-luu": from the change's data read to the IndexedDB transaction's commit): p50, p95;
// 2. reopen: a dossier with 50 MB of attached files (5 × 10 MB PDFs, random bytes) in IndexedDB,
//    the page loaded again: the restore ("hoso-mo-lai": every record and file read back) and
//    the time from the start of navigation until the five files are listed.
//
//   node scripts/bench-drafts.mjs [runs]      (bash scripts/bench.sh drafts)
import { createHash } from "node:crypto";
import { launchChromium, serveDist } from "./bench-setup.mjs";

const runs = Number(process.argv[2] || 3);
const port = 8097;
const CODE = "2.000815";
const server = await serveDist(port);
const browser = await launchChromium();
const base = `http://127.0.0.1:${port}`;
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

/** Runs `f(store, done)` on the drafts' database in the page. */
const db = (page, store, f) => page.evaluate(`new Promise((resolve) => {
  const req = indexedDB.open("hoso");
  req.onsuccess = () => { const tx = req.result.transaction(${JSON.stringify(store)}, "readwrite"); (${f})(tx, resolve); };
})`);

try {
  const saves = [], restores = [], listed = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A real dossier first (declaration, so its one paper is needed), then 30 answers in all.
    await page.goto(`${base}/ho-so/${CODE}/to-khai/yeu-cau`);
    await page.getByLabel("Họ, chữ đệm và tên người yêu cầu", { exact: true }).fill("Nguyễn Thị Ánh Tuyết");
    await page.getByLabel("Tên giấy tờ cần chứng thực", { exact: true }).fill("Bằng tốt nghiệp");
    await page.getByLabel("Số trang của giấy tờ", { exact: true }).fill("2");
    await page.getByLabel("Số bản sao cần chứng thực", { exact: true }).fill("3");
    await page.getByLabel("Không, do cơ quan Việt Nam cấp").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.locator("main h1").filter({ hasText: "Kiểm tra câu trả lời" }).waitFor();
    await db(page, "ho-so", `(tx, done) => { const s = tx.objectStore("ho-so"); const all = s.getAll(); all.onsuccess = () => {
      const d = JSON.parse(all.result[0]); for (let i = Object.keys(d.answers).length; i < 30; i++) d.answers["ghi-chu." + i] = "Ghi chú số " + i + " của hồ sơ";
      s.put(JSON.stringify(d), d.id); tx.oncomplete = () => done(); }; }`);
    // 1. Saves: 30 changes, each left to save (the save waits 400 ms after the last keystroke).
    await page.goto(`${base}/ho-so/${CODE}/to-khai/yeu-cau`);
    const field = page.getByLabel("Tên giấy tờ cần chứng thực", { exact: true });
    await page.evaluate(() => performance.clearMeasures("hoso-luu"));
    for (let i = 0; i < 30; i++) {
      await field.fill(`Bằng tốt nghiệp ${i}`);
      await page.waitForFunction((n) => performance.getEntriesByName("hoso-luu").length >= n, i + 1);
    }
    saves.push(...(await page.evaluate(() => performance.getEntriesByName("hoso-luu").map((e) => e.duration))));

    // 2. Reopen with 50 MB: five 10 MB files in the device's file store, listed on the paper.
    const files = [];
    for (let i = 0; i < 5; i++) {
      const bytes = Buffer.alloc(10 * 1024 * 1024);
      for (let at = 0; at < bytes.length; at += 65536) bytes.set(createHash("sha256").update(`${run}-${i}-${at}`).digest(), at);
      bytes.write("%PDF-1.4\n", 0);
      files.push({ hash: createHash("sha256").update(bytes).digest("hex"), size: bytes.length, b64: bytes.toString("base64") });
    }
    for (const f of files) {
      await db(page, "tep", `(tx, done) => { const raw = atob(${JSON.stringify(f.b64)}); const a = new Uint8Array(raw.length); for (let i = 0; i < raw.length; i++) a[i] = raw.charCodeAt(i);
        tx.objectStore("tep").put(new Blob([a], { type: "application/pdf" }), ${JSON.stringify(f.hash)}); tx.oncomplete = () => done(); }`);
    }
    const attachments = files.map((f, i) => ({ hash: f.hash, name: `ban-chup-${i + 1}.pdf`, size: f.size, kind: "pdf", pages: 1, width: null, height: null, problems: [], from: [] }));
    await db(page, "ho-so", `(tx, done) => { const s = tx.objectStore("ho-so"); const all = s.getAll(); all.onsuccess = () => {
      const d = JSON.parse(all.result[0]); d.attachments = { d0: ${JSON.stringify(attachments)} }; s.put(JSON.stringify(d), d.id); tx.oncomplete = () => done(); }; }`);
    await page.goto(`${base}/ho-so/${CODE}`);
    await page.waitForFunction(() => document.querySelectorAll(".files__name").length === 5, null, { timeout: 60_000 });
    listed.push(await page.evaluate(() => performance.now()));
    restores.push(await page.evaluate(() => performance.getEntriesByName("hoso-mo-lai")[0]?.duration ?? NaN));
    await context.close();
  }
  console.log(`lưu nháp (30 câu trả lời, ${saves.length} lần lưu): p50 ${ms(pct(saves, 50))}, p95 ${ms(pct(saves, 95))}, lâu nhất ${ms(Math.max(...saves))} (mục tiêu p95 ≤ 50 ms)`);
  console.log(`mở lại hồ sơ có 50 MB tệp (${runs} lần): đọc lại từ IndexedDB ${ms(pct(restores, 50))} (trung vị); từ lúc mở trang đến khi 5 tệp hiện ra ${ms(pct(listed, 50))} (trung vị, mục tiêu ≤ 1 s)`);
} finally {
  await browser.close();
  server.kill();
}
