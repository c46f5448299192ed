// A whole dossier by keyboard alone (#14), from the home page's search to the exported package:
// every step is reached with Tab (Shift+Tab never needed), chosen with Enter or Space, typed;
// each focused control is visibly marked and not hidden behind anything (WCAG 2.4.7, 2.4.11). The
// file is chosen in the picker the keyboard opens.
import { test, expect, CERTIFY, printPdf } from "./fixtures.mjs";

/** Presses Tab until `target` has the focus (at most `max` times), checking on the way that
 *  every focused element shows its focus and is not covered. */
async function tabTo(page, target, max = 60) {
  // As a person would, wait for the page to show the control before tabbing to it: tabbing
  // while a page is still being built runs past it into the footer.
  await target.waitFor({ state: "attached" });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const seen = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { none: true };
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 12), 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      // A radio or checkbox is drawn by its label: the label counts as the control.
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
      const uncovered = !top || el.contains(top) || top.contains(el) || (label && (label.contains(top) || top === label)) || el.type === "file";
      const marked = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== "none"
        || (label && getComputedStyle(label, "::before").outlineStyle !== "none") || el.matches(":focus-visible") && style.backgroundColor !== "rgba(0, 0, 0, 0)";
      return { tag: el.tagName, text: (el.getAttribute("aria-label") || el.innerText || el.value || el.id || "").slice(0, 60), uncovered, marked };
    });
    if (!seen.none) {
      expect(seen.uncovered, `focus not hidden behind anything: ${seen.tag} «${seen.text}»`).toBe(true);
      expect(seen.marked, `focus visible: ${seen.tag} «${seen.text}»`).toBe(true);
    }
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`not reached by Tab within ${max} presses: ${target}`);
}

for (const large of [false, true]) test(`a whole dossier by keyboard alone, from search to the exported package${large ? ", in large type with the read-aloud buttons" : ""}`, async ({ page, browser }) => {
  test.setTimeout(120_000);
  if (large) await page.addInitScript(() => localStorage.setItem("hoso-hien-thi", "chu-lon,doc-to"));
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG</h1>");
  await page.goto("/");
  await expect(page.locator("main h1")).toBeVisible();
  await tabTo(page, page.getByRole("searchbox"));
  await page.keyboard.type("chung thuc ban sao tu ban chinh");
  const result = page.locator(`main a[href$="/thu-tuc/${CERTIFY.code}"]`).first();
  await expect(result).toBeVisible();
  await tabTo(page, result);
  await page.keyboard.press("Enter");
  await expect(page.locator("main h1")).toContainText("Chứng thực bản sao");
  await tabTo(page, page.getByRole("link", { name: "Bắt đầu hồ sơ" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/ho-so/${CERTIFY.code.replace(".", "\\.")}$`));
  await tabTo(page, page.getByRole("link", { name: "Giấy tờ cần chứng thực" }));
  await page.keyboard.press("Enter");
  for (const [label, value] of Object.entries(CERTIFY.answers)) {
    await tabTo(page, page.getByLabel(label, { exact: true }));
    await page.keyboard.type(value);
  }
  await tabTo(page, page.getByLabel("Không, do cơ quan Việt Nam cấp"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Không, do cơ quan Việt Nam cấp")).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Tiếp tục" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
  await tabTo(page, page.getByRole("link", { name: "Quay lại danh sách việc cần làm" }));
  await page.keyboard.press("Enter");
  const card = page.locator("li.paper").first();
  await expect(card).toBeVisible();
  // The card shows before its controls (they follow what the device holds): Tab starts once they are there.
  await expect(card.getByLabel(/^Chọn tệp/)).toBeAttached();
  const picker = page.waitForEvent("filechooser");
  await tabTo(page, card.getByLabel(/^Chọn tệp/));
  await page.keyboard.press("Space");
  await (await picker).setFiles({ name: "Bằng tốt nghiệp.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(card).toHaveAttribute("data-checked", "1", { timeout: 60_000 });
  await tabTo(page, page.getByRole("link", { name: "Kiểm tra câu trả lời" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
  await tabTo(page, page.getByRole("button", { name: "Xuất hồ sơ (.zip)" }));
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe(`ho-so-${CERTIFY.code}-nguyen-thi-anh-tuyet.zip`);
  // The rating, by keyboard too: arrows move between the levels.
  await tabTo(page, page.getByLabel("Rất hài lòng"));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Gửi đánh giá" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Bạn đã đánh giá: Rất hài lòng.")).toBeVisible();
});
