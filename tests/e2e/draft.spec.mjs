// "Lưu hồ sơ ra tệp" / "Mở hồ sơ đã lưu": a dossier saved to a file comes back whole after the
// page has forgotten it (answers and attached files, hashes unchanged); the file passes the
// desk's own check (`hoso draft check`); a damaged file is refused and changes nothing.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test, expect, open } from "./fixtures.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const LLTP = "/ho-so/3.000333";
const paper = (page) => page.locator("li.paper", { has: page.getByRole("heading", { name: /^Bản sao Thẻ Căn cước/, includeHidden: true }) });
const task = (page) => page.locator(".task-list__item", { hasText: "Người được cấp Phiếu" });

test("a dossier saved to a file opens again with its answers and files, and a damaged file changes nothing", async ({ page, browser }, info) => {
  const maker = await browser.newPage();
  await maker.setContent("<h1>CĂN CƯỚC</h1><p>Số định danh cá nhân: 001195012345.</p>");
  const pdf = await maker.pdf({ format: "A4" });
  await maker.close();

  // Answer one question and attach one paper.
  await open(page, `${LLTP}/to-khai/ca-nhan`);
  await page.locator("#f-ca-nhan-ho-ten").fill("Trần Thị Bình");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  // In-app links only from here: a page load would forget the dossier (memory only).
  await page.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();
  await expect(task(page)).toContainText("Đang làm");
  const card = paper(page);
  await card.getByLabel(/^Chọn tệp/).setInputFiles({ name: "can-cuoc.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(card.locator(".files__name")).toHaveText("can-cuoc.pdf");

  // Save it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Lưu hồ sơ ra tệp" }).click()]);
  expect(download.suggestedFilename()).toBe("ho-so-3.000333-2026-11-25.zip");
  const saved = info.outputPath("ho-so.zip");
  await download.saveAs(saved);
  // The desk's check accepts it.
  const check = spawnSync(`${root}/target/debug/hoso`, ["draft", "check", saved], { encoding: "utf8" });
  expect(check.status, check.stderr).toBe(0);
  expect(JSON.parse(check.stdout)).toMatchObject({ accepted: true, procedure: "3.000333", files: 1 });

  // The page forgets everything (memory only); the file brings it back.
  await page.reload();
  await expect(task(page)).toContainText("Chưa bắt đầu");
  await expect(paper(page).locator(".files__name")).toHaveCount(0);
  await page.getByLabel(/^Mở hồ sơ đã lưu/).setInputFiles(saved);
  await expect(page.locator(".draft-file")).toContainText("Đã mở hồ sơ đã lưu ngày 2026-11-25");
  await expect(task(page)).toContainText("Đang làm");
  await expect(paper(page).locator(".files__name")).toHaveText("can-cuoc.pdf");
  await task(page).getByRole("link").click();
  await expect(page.locator("#f-ca-nhan-ho-ten")).toHaveValue("Trần Thị Bình");
  await page.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();

  // A damaged copy (cut short) is refused with the reason; what is open stays as it is.
  const bytes = readFileSync(saved);
  const damaged = info.outputPath("ho-so-hong.zip");
  writeFileSync(damaged, bytes.subarray(0, bytes.length - 40));
  await page.getByLabel(/^Mở hồ sơ đã lưu/).setInputFiles(damaged);
  await expect(page.locator(".draft-file .error-message")).toContainText("không dùng được");
  await expect(paper(page).locator(".files__name")).toHaveText("can-cuoc.pdf");
  await expect(task(page)).toContainText("Đang làm");
});
