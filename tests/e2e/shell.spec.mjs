// The app shell on every route: mounts, titles, landmarks, keyboard, small screens, axe.
import { test, expect, open, axeViolations } from "./fixtures.mjs";

const routes = [
  { path: "/", h1: "Chuẩn bị hồ sơ dịch vụ công" },
  { path: "/gioi-thieu", h1: "Giới thiệu hoso" },
  { path: "/khong-co-trang-nay", h1: "Không tìm thấy trang" },
  { path: "/ket-thuc-phien", h1: "Kết thúc phiên trên máy này" },
  { path: "/ho-so", h1: "Hồ sơ của tôi" },
  { path: "/ho-so/1.004222", h1: "Hồ sơ: Đăng ký thường trú" },
  { path: "/ho-so/1.004222/to-khai/thanh-vien", h1: "Những thành viên trong hộ gia đình cùng thay đổi — Tờ khai thay đổi thông tin cư trú (CT01): đăng ký thường trú" },
];

for (const r of routes) {
  test(`${r.path} mounts in Vietnamese with its own title and no accessibility violations`, async ({ page }) => {
    await open(page, r.path);
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.locator("#hoso-dang-tai")).toHaveCount(0); // the loading line is gone
    await expect(page.locator("main h1")).toHaveText(r.h1);
    await expect(page).toHaveTitle(`${r.h1} — hoso`);
    await expect(page.locator("header")).toBeVisible();
    await expect(page.locator("footer")).toContainText("chỉ nằm trên thiết bị này");
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`${r.path} fits a 320 px wide phone without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await open(page, r.path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

// The page loader (scripts/finish-dist.mjs) starts the small browse binary on the browse pages
// (ui::app::BrowseApp's routes) and the whole app elsewhere; the two lists must agree.
const binaries = [
  ["/", "duyet"], ["/gioi-thieu", "duyet"], ["/linh-vuc", "duyet"], ["/su-kien/sinh-con", "duyet"],
  ["/thu-tuc/1.001193", "day-du"], ["/ho-so/1.004222", "day-du"], ["/khong-co-trang-nay", "day-du"],
];
test("each route starts the right binary: the browse pages the small one, every other page the whole app", async ({ page }) => {
  for (const [path, binary] of binaries) {
    await open(page, path);
    await expect(page.locator("html"), path).toHaveAttribute("data-ung-dung", binary);
  }
});

test("a browse page's link into the dossier loads the whole app there, and Back returns", async ({ page }) => {
  await open(page, "/su-kien/cu-tru");
  await expect(page.locator("html")).toHaveAttribute("data-ung-dung", "duyet");
  await page.locator("main a[href='/thu-tuc/1.004222']").click();
  const name = "Đăng ký thường trú";
  await expect(page.locator("main h1")).toHaveText(name);
  await expect(page.locator("html")).toHaveAttribute("data-ung-dung", "day-du");
  // Inside the whole app, going home stays in the same page life.
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Trang chủ" }).click();
  await expect(page.locator("main h1")).toHaveText("Chuẩn bị hồ sơ dịch vụ công");
  await expect(page.locator("html")).toHaveAttribute("data-ung-dung", "day-du");
  await page.goBack();
  await expect(page.locator("main h1")).toHaveText(name);
  await page.goBack();
  await expect(page.locator("main h1")).toHaveText("Chuyển nơi ở");
});

test("the skip link is the first thing a keyboard reaches and jumps to the content", async ({ page }) => {
  await open(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.locator("a.skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("navigating inside the app changes the page, the title and moves focus to the heading", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Giới thiệu" }).click();
  await expect(page).toHaveURL(/\/gioi-thieu$/);
  await expect(page.locator("main h1")).toHaveText("Giới thiệu hoso");
  await expect(page).toHaveTitle("Giới thiệu hoso — hoso");
  await expect(page.locator("main h1")).toBeFocused();
  await page.goBack();
  await expect(page.locator("main h1")).toHaveText("Chuẩn bị hồ sơ dịch vụ công");
});

test("an unknown address gets a helpful page with a way home", async ({ page }) => {
  await open(page, "/thu-tuc-khong-ton-tai/abc");
  await expect(page.locator("main")).toContainText("vẫn được giữ nguyên");
  await page.getByRole("link", { name: "Về trang chủ để tìm thủ tục" }).click();
  await expect(page.locator("main h1")).toHaveText("Chuẩn bị hồ sơ dịch vụ công");
});

test("the print stylesheet hides navigation and keeps the content", async ({ page }) => {
  await open(page, "/gioi-thieu");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header")).toBeHidden();
  await expect(page.locator("main h1")).toBeVisible();
});

test("design tokens are CSS custom properties a portal can override", async ({ page }) => {
  await open(page, "/");
  // The page's CSP forbids inline styles; a portal sets tokens through the CSSOM.
  await page.evaluate(() => document.documentElement.style.setProperty("--hoso-color-brand", "rgb(1, 2, 3)"));
  await expect(page.locator("header.site-header")).toHaveCSS("background-color", "rgb(1, 2, 3)");
});

test("large type and high contrast can be chosen by anyone, are remembered, and keep the pages accessible", async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, "/thu-tuc/1.004222");
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const before = await size();
  await page.locator(".display-choice summary").click();
  await page.getByLabel("Chữ lớn").check();
  expect(await size()).toBeCloseTo(before * 1.25, 0);
  await page.getByLabel("Tương phản cao").check();
  await expect(page.locator("html")).toHaveAttribute("data-tuong-phan-cao", "");
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(0, 0, 0)");
  expect(await axeViolations(page)).toEqual([]);
  // Remembered on this device, on the whole app's pages too.
  await open(page, "/ho-so/1.004222");
  await expect(page.locator("html")).toHaveAttribute("data-chu-lon", "");
  expect(await size()).toBeCloseTo(before * 1.25, 0);
  expect(await axeViolations(page)).toEqual([]);
  // Large type still fits a 320 px phone.
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page, "/thu-tuc/1.004222");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  // And can be turned off again.
  await page.locator(".display-choice summary").click();
  await page.getByLabel("Chữ lớn").uncheck();
  await page.getByLabel("Tương phản cao").uncheck();
  await page.reload();
  await expect(page.locator("html")).not.toHaveAttribute("data-chu-lon");
});
