// "Hồ sơ của tôi": every dossier started on this device, with who it is for and how far it is;
// go on with one, delete one (and undo), and the list survives a reload.
import { test, expect, open, axeViolations, CERTIFY, fillCertifyDeclaration, attachToCertify, printPdf, storedCount } from "./fixtures.mjs";

const SECTION = "/ho-so/1.001193/to-khai/nguoi-yeu-cau";

/** How many dossiers the device's database holds. */
const records = (page) => storedCount(page, "ho-so");

test("the dossiers on this device are listed with who and how far; one can be resumed, deleted, and brought back", async ({ page }) => {
  await fillCertifyDeclaration(page);
  await open(page, SECTION);
  await page.locator("#f-nguoi-yeu-cau-ho-ten").fill("Trần Văn Bình");
  await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");

  await page.getByRole("link", { name: "Hồ sơ của tôi" }).click();
  await expect(page.locator("main h1")).toHaveText("Hồ sơ của tôi");
  const items = page.locator(".my-dossier");
  await expect(items).toHaveCount(2);
  const certify = items.filter({ hasText: "Chứng thực bản sao" });
  await expect(certify).toContainText(/Người yêu cầu: Nguyễn Thị Ánh Tuyết/i);
  await expect(certify).toContainText("Tờ khai: đã xong 1/1 phần · 0 tệp đính kèm · sửa lần cuối 25/11/2026 lúc 10:00");
  await expect(page.locator("main")).toContainText(/hoso đang dùng .+ bộ nhớ của máy này/);
  expect(await axeViolations(page)).toEqual([]);

  // Resume one: where the person was (the declaration's section, as last saved).
  await certify.getByRole("link", { name: /^Làm tiếp/ }).click();
  await expect(page).toHaveURL(new RegExp(`/ho-so/${CERTIFY.code}/to-khai/yeu-cau$`));
  await page.goBack();
  await expect(items).toHaveCount(2);

  // Delete the other: gone from the list at once, with a way back.
  const other = items.filter({ hasNotText: "Chứng thực bản sao" });
  await other.getByRole("button", { name: /^Xoá/ }).click();
  await expect(items).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Đã xoá hồ sơ" })).toBeVisible();
  await page.getByRole("button", { name: "Hoàn tác" }).click();
  await expect(items).toHaveCount(2);
  expect(await records(page)).toBe(2);

  // Deleted for good: leaving the page confirms it; after a reload it is still gone.
  await items.filter({ hasNotText: "Chứng thực bản sao" }).getByRole("button", { name: /^Xoá/ }).click();
  await page.getByRole("link", { name: "Trang chủ", exact: true }).click();
  await expect(page.locator("main h1")).toBeVisible();
  await expect.poll(() => records(page)).toBe(1);
  await open(page, "/ho-so");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Chứng thực bản sao");
  await open(page, SECTION);
  await expect(page.locator("#f-nguoi-yeu-cau-ho-ten")).toHaveValue("");
});

test("a family keeps several dossiers of one procedure: another started from the procedure page, a copy, each with its own answers and way to submit", async ({ page }, info) => {
  const NAME = "Họ, chữ đệm và tên người yêu cầu";
  await attachToCertify(page, await printPdf(page.context().browser(), "<h1>Bằng tốt nghiệp</h1>"));
  // The way to submit, chosen on the dossier page, is kept.
  await page.getByLabel(/^Trực tiếp/).check();
  await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");

  // The procedure page knows this dossier and starts another.
  await open(page, `/thu-tuc/${CERTIFY.code}`);
  await expect(page.locator("main")).toContainText("Trên máy này đang có 1 hồ sơ của thủ tục này");
  await page.getByRole("link", { name: "Bắt đầu hồ sơ mới" }).click();
  await expect(page).toHaveURL(new RegExp(`/ho-so/${CERTIFY.code.replace(".", "\\.")}-2$`));
  await expect(page.locator("main h1")).toContainText("(hồ sơ thứ 2)");
  await page.locator(".task-list__link").first().click();
  await page.getByLabel(NAME, { exact: true }).fill("Lê Văn Cường");
  await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");

  // A copy of the first: the same answers and file, then changed for another person.
  await open(page, "/ho-so");
  const items = page.locator(".my-dossier");
  await expect(items).toHaveCount(2);
  await items.filter({ hasText: "Nguyễn Thị Ánh Tuyết" }).getByRole("button", { name: /^Tạo bản sao/ }).click();
  await expect(items).toHaveCount(3);
  await expect(page.getByRole("status").filter({ hasText: "Đã tạo «" })).toContainText("(hồ sơ thứ 3)");
  await expect(items.filter({ hasText: "(hồ sơ thứ 3)" })).toContainText("1 tệp đính kèm");
  await page.getByRole("link", { name: "Mở hồ sơ mới" }).click();
  await expect(page.getByLabel(/^Trực tiếp/)).toBeChecked();
  await open(page, `/ho-so/${CERTIFY.code}-3/to-khai/yeu-cau`);
  await expect(page.getByLabel("Số bản sao cần chứng thực", { exact: true })).toHaveValue(CERTIFY.answers["Số bản sao cần chứng thực"]);
  await page.getByLabel(NAME, { exact: true }).fill("Phạm Thị Dung");
  await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");

  // After a reload each is still itself; the file is stored once for the two that share it.
  await page.reload();
  await open(page, "/ho-so");
  await expect(items).toHaveCount(3);
  for (const who of ["Nguyễn Thị Ánh Tuyết", "Lê Văn Cường", "Phạm Thị Dung"]) await expect(items.filter({ hasText: who })).toHaveCount(1);
  expect(await storedCount(page, "tep")).toBe(1);
  await open(page, `/ho-so/${CERTIFY.code}-2`);
  await expect(page.getByLabel(/^Trực tiếp/)).not.toBeChecked();
  await open(page, `/ho-so/${CERTIFY.code}`);
  await expect(page.getByLabel(/^Trực tiếp/)).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  // Deleting the first keeps the file its copy still needs.
  await open(page, "/ho-so");
  await items.filter({ hasText: "Nguyễn Thị Ánh Tuyết" }).getByRole("button", { name: /^Xoá/ }).click();
  await open(page, `/ho-so/${CERTIFY.code}-3`);
  await expect(page.locator("li.paper").first()).toContainText("Bằng tốt nghiệp.pdf");
  // An address that names no dossier hoso gives is not found.
  await page.goto(`/ho-so/${CERTIFY.code}-0`);
  await expect(page.locator("main h1")).toContainText("Không tìm thấy");
});
