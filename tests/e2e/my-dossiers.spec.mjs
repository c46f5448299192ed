// "Hồ sơ của tôi": every dossier started on this device, with who it is for and how far it is;
// go on with one, delete one (and undo), and the list survives a reload.
import { test, expect, open, axeViolations, CERTIFY, fillCertifyDeclaration } from "./fixtures.mjs";

const SECTION = "/ho-so/1.001193/to-khai/nguoi-yeu-cau";

/** How many dossiers the device's database holds. */
async function records(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = () => {
      const n = req.result.transaction("ho-so").objectStore("ho-so").count();
      n.onsuccess = () => { req.result.close(); resolve(n.result); };
    };
  }));
}

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
