// Shared fixture: every page is watched for console errors, uncaught exceptions and any request
// that leaves the origin, and the state it ends in is checked with axe. A test fails if any of them
// happened, whatever it was checking.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Every test runs at the same moment (Tuesday 25/11/2026, 10:00 in Hà Nội): what is "in the
 *  future", an age, a due date never depend on the day the suite runs. A test may set its own. */
export const NOW = new Date("2026-11-25T10:00:00+07:00");

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    await page.clock.setFixedTime(NOW);
    const problems = [];
    const origin = new URL(baseURL).origin;
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.push(`request left the origin: ${url}`);
    });
    // A request cut short because the page moved on (a test's next goto, a browse page handing over
    // to the whole app) is not a failure: net::ERR_ABORTED. Every other failure counts.
    page.on("requestfailed", (r) => {
      if (r.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    await use(page);
    // Every state a test ends in is checked with axe too (WCAG 2.0–2.2 A/AA), beside the states
    // the tests check on the way: whatever a test reaches, a person reaches.
    if (!page.isClosed() && page.url().startsWith(origin) && (await page.locator("main h1").count()) > 0) {
      problems.push(...(await axeViolations(page)).map((v) => `axe at the end of the test (${new URL(page.url()).pathname}): ${v}`));
    }
    expect(problems, "console errors, exceptions, off-origin requests or accessibility violations").toEqual([]);
  },
});
export { expect };

/** Opens a route and waits until the app has mounted (the route's h1 is rendered). */
export async function open(page, path) {
  const resp = await page.goto(path);
  expect(resp.ok()).toBeTruthy();
  await expect(page.locator("main h1")).toBeVisible();
}

/** axe-core over the whole page with the WCAG 2.0/2.1/2.2 A and AA rules. */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Chứng thực bản sao (2.000815): one paper, a short declaration. */
export const CERTIFY = {
  code: "2.000815",
  answers: {
    "Họ, chữ đệm và tên người yêu cầu": "nguyễn thị ánh tuyết",
    "Tên giấy tờ cần chứng thực": "Bằng tốt nghiệp trung học phổ thông",
    "Số trang của giấy tờ": "2",
    "Số bản sao cần chứng thực": "3",
  },
};

/** Fills CERTIFY's declaration and comes to check-your-answers: its one paper is then needed. */
export async function fillCertifyDeclaration(page) {
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  for (const [label, value] of Object.entries(CERTIFY.answers)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("Không, do cơ quan Việt Nam cấp").check();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
}

/** A real PDF of `html` from Chromium's printer, made on a page of its own. */
export async function printPdf(browser, html) {
  const maker = await browser.newPage();
  await maker.setContent(html);
  const pdf = await maker.pdf({ format: "A4" });
  await maker.close();
  return pdf;
}

/** Fills CERTIFY's declaration, attaches `pdf` as `name` to its paper on the dossier page and waits
 *  until the file is checked. Returns the paper's card. */
export async function attachToCertify(page, pdf, name = "Bằng tốt nghiệp.pdf") {
  await fillCertifyDeclaration(page);
  await open(page, `/ho-so/${CERTIFY.code}`);
  const card = page.locator("li.paper").first();
  const before = Number(await card.getAttribute("data-checked"));
  await card.getByLabel(/^Chọn tệp/).setInputFiles({ name, mimeType: "application/pdf", buffer: pdf });
  await expect(card).toHaveAttribute("data-checked", String(before + 1), { timeout: 60_000 });
  return card;
}

/** How many records a store of hoso's database on the device holds ("ho-so": dossiers, "tep": files). */
export async function storedCount(page, store) {
  return page.evaluate((store) => new Promise((resolve, reject) => {
    const req = indexedDB.open("hoso");
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const n = req.result.transaction(store).objectStore(store).count();
      n.onsuccess = () => { req.result.close(); resolve(n.result); };
    };
  }), store);
}
