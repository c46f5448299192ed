// Drafts on the device: what a person types is saved as they type and is there again after the
// tab is closed, or the page reloaded, before they pressed "Tiếp tục".
import { test, expect, open } from "./fixtures.mjs";

const SECTION = "/ho-so/1.001193/to-khai/nguoi-yeu-cau";

test("answers typed in a section are saved on the device and come back after the tab is closed", async ({ page, context }) => {
  await open(page, SECTION);
  await page.locator("#f-nguoi-yeu-cau-ho-ten").fill("Nguyễn Văn Hùng");
  await page.locator("#f-nguoi-yeu-cau-dien-thoai").fill("0912 345 678");
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu trên máy này lúc 10:00" })).toBeVisible();
  await page.close(); // no "Tiếp tục": closed as a phone closes a tab

  const again = await context.newPage();
  await again.goto(SECTION);
  await expect(again.locator("#f-nguoi-yeu-cau-ho-ten")).toHaveValue("Nguyễn Văn Hùng");
  await expect(again.locator("#f-nguoi-yeu-cau-dien-thoai")).toHaveValue("0912 345 678");
  // The dossier's task list counts the restored answers too.
  await again.goto("/ho-so/1.001193");
  await expect(again.locator("main")).toContainText("Đang làm");
});

test("a reload a moment after typing keeps the answer, and what was saved before stays", async ({ page }) => {
  await open(page, SECTION);
  await page.locator("#f-nguoi-yeu-cau-ho-ten").fill("Trần Thị Mai");
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await page.locator("#f-nguoi-yeu-cau-dien-thoai").fill("0345678912");
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await page.reload();
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.locator("#f-nguoi-yeu-cau-ho-ten")).toHaveValue("Trần Thị Mai");
  await expect(page.locator("#f-nguoi-yeu-cau-dien-thoai")).toHaveValue("0345678912");
});
