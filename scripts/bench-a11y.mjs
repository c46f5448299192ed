// Lighthouse accessibility and best-practices (issue #14) on the pages and states a citizen goes
// through, as a Lighthouse user flow in Debian's Chromium (CHROME_PATH) on the release build served
// as a real host serves it: the home page with results, a procedure, the dossier page, a
// declaration section after "Tiếp tục" with its errors shown, check-your-answers; then the same in
// English. A state that
// needs a click is audited as a snapshot of the page after it. Prints figures and the audits that
// did not pass; gates nothing (the E2E suite's axe-core checks gate).
//   node scripts/bench-a11y.mjs [dist]
import { spawn } from "node:child_process";
import { once } from "node:events";
import puppeteer from "puppeteer-core";
import { startFlow } from "lighthouse";

const dist = process.argv[2] || "dist";
const port = 8700 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ["scripts/serve-dist.mjs", dist, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await once(server.stdout, "data");
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const categories = ["accessibility", "best-practices"];
const rows = [];
try {
  const page = await browser.newPage();
  const flow = await startFlow(page, { config: { extends: "lighthouse:default", settings: { onlyCategories: categories } } });
  const visit = async (name, path, after) => {
    await flow.navigate(base + path, { name });
    if (after) {
      await after();
      await flow.snapshot({ name: `${name} (${after.state})` });
    }
  };
  const results = Object.assign(async () => page.waitForSelector("main a[href*='thu-tuc/']"), { state: "kết quả hiện ra" });
  await visit("trang chủ, tìm «khai sinh»", "/?q=khai%20sinh", results);
  await visit("thủ tục", "/thu-tuc/1.001193");
  await visit("hồ sơ", "/ho-so/1.001193");
  const errors = Object.assign(async () => {
    await page.waitForSelector("form.declaration button[type=submit]");
    await page.click("form.declaration button[type=submit]");
    await page.waitForSelector(".error-summary");
  }, { state: "báo lỗi" });
  await visit("tờ khai", "/ho-so/1.001193/to-khai/nguoi-yeu-cau", errors);
  await visit("kiểm tra câu trả lời", "/ho-so/1.001193/kiem-tra");
  // The same pages in English (chosen as the header's button remembers it).
  await page.evaluate(() => localStorage.setItem("hoso-ngon-ngu", "en"));
  await visit("English: home, search", "/?q=khai%20sinh", results);
  await visit("English: procedure", "/thu-tuc/1.001193");
  await visit("English: dossier", "/ho-so/1.001193");
  await visit("English: form section", "/ho-so/1.001193/to-khai/nguoi-yeu-cau", errors);
  await visit("English: check your answers", "/ho-so/1.001193/kiem-tra");
  const flowResult = await flow.createFlowResult();
  for (const step of flowResult.steps) {
    const lhr = step.lhr;
    const score = (c) => (lhr.categories[c] ? Math.round(lhr.categories[c].score * 100) : "—");
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary" && lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0))
      .map((a) => a.id);
    rows.push({ step: step.name, mode: lhr.gatherMode, a11y: score("accessibility"), "best-practices": score("best-practices"), "a11y audits not passed": failing.join(", ") || "—" });
  }
} finally {
  await browser.close();
  server.kill();
}
console.table(rows);
const worst = Math.min(...rows.map((r) => r.a11y).filter(Number.isFinite));
console.log(`Accessibility: lowest ${worst} (goal 100). Best practices: lowest ${Math.min(...rows.map((r) => r["best-practices"]).filter(Number.isFinite))} (goal ≥ 95).`);
