// "Quét mã QR trên căn cước": the chip card's QR code, made by Debian's `qrencode`, read from a
// chosen photo and from a (fake) camera; the person's section fills, what was typed is never
// overwritten, and an address whose old commune was divided asks which new one.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { test, expect, open, axeViolations } from "./fixtures.mjs";

const SECTION = "/ho-so/3.000333/to-khai/ca-nhan"; // Phiếu lý lịch tư pháp: the applicant
const CARD = "001199012345|013456789|Nguyễn Thị Ánh Tuyết|15031999|Nữ|Thôn 3, Xã Cẩm Lĩnh, Huyện Ba Vì, Thành phố Hà Nội|20042021";
const dir = mkdtempSync(join(tmpdir(), "hoso-qr-"));

/** A PNG of `text`'s QR code, as Debian's qrencode makes it. */
function qrPng(text, name) {
  const file = join(dir, name);
  execFileSync("qrencode", ["-o", file, "-s", "6", "-m", "4", text]);
  return file;
}

/** A y4m video of the QR code on a grey desk, for Chromium's fake camera. */
function qrVideo(text) {
  const png = qrPng(text, "camera.png");
  const [w, h] = [640, 480];
  const grey = execFileSync("convert", [png, "-background", "#b4b4b4", "-gravity", "center", "-extent", `${w}x${h}`, "-colorspace", "Gray", "-depth", "8", "gray:-"]);
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), grey, chroma]);
  const file = join(dir, "camera.y4m");
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
  return file;
}

async function openScanner(page) {
  const summary = page.getByText("Quét mã QR trên căn cước để điền nhanh");
  await summary.focus();
  await page.keyboard.press("Enter"); // the scanner opens from the keyboard
  await expect(page.getByRole("button", { name: "Dùng máy ảnh" })).toBeVisible();
}

test("a photo of the card's QR code fills the applicant's section; a different birth date is asked, the divided commune is chosen", async ({ page }) => {
  await open(page, SECTION);
  await page.getByLabel("Ngày, tháng, năm sinh", { exact: true }).fill("16/03/1999");
  await openScanner(page);
  await page.getByLabel("Hoặc chọn ảnh chụp mã QR").setInputFiles(qrPng(CARD, "the.png"));
  await expect(page.locator(".card-scan [role=status]")).toContainText("Đã điền từ mã QR trên căn cước: Họ, chữ đệm và tên, Giới tính, Số định danh cá nhân (số căn cước), Số nhà, đường, thôn nơi thường trú.");
  await expect(page.getByLabel("Họ, chữ đệm và tên", { exact: true })).toHaveValue("Nguyễn Thị Ánh Tuyết");
  await expect(page.getByLabel("Số định danh cá nhân (số căn cước)", { exact: true })).toHaveValue("001199012345");
  await expect(page.getByLabel("Nữ", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Số nhà, đường, thôn nơi thường trú", { exact: true })).toHaveValue("Thôn 3");
  // What the person typed stays until they say which is right.
  const birth = page.getByLabel("Ngày, tháng, năm sinh", { exact: true });
  await expect(birth).toHaveValue("16/03/1999");
  const differs = page.getByRole("group", { name: /Khác với căn cước: Ngày, tháng, năm sinh/ });
  await expect(differs).toContainText("bạn đã nhập «16/03/1999», trên căn cước là «15/03/1999»");
  await differs.getByRole("button", { name: "Dùng theo căn cước" }).click();
  await expect(birth).toHaveValue("15/03/1999");
  // Xã Cẩm Lĩnh was divided in 2025: the person chooses.
  const address = page.getByRole("group", { name: "Xã, phường theo địa chỉ trên căn cước" });
  await expect(address).toContainText("Xã, phường cũ này nay thuộc một trong các xã, phường dưới đây");
  await expect(address.getByRole("button")).toHaveCount(2);
  expect(await axeViolations(page)).toEqual([]);
  await address.getByRole("button", { name: /Chọn Xã Bất Bạt/ }).click();
  await expect(page.getByLabel("Xã, phường, đặc khu", { exact: true })).toHaveValue("9676");
  // The answers are the person's now: they pass the form's rules and are saved.
  await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");
  await page.reload();
  await expect(page.getByLabel("Họ, chữ đệm và tên", { exact: true })).toHaveValue("Nguyễn Thị Ánh Tuyết");
});

test("a code that is not a card's, and a photo without a code, are refused with what to do", async ({ page }) => {
  await open(page, SECTION);
  await openScanner(page);
  const status = page.locator(".card-scan [role=status]");
  await page.getByLabel("Hoặc chọn ảnh chụp mã QR").setInputFiles(qrPng("https://dichvucong.gov.vn", "url.png"));
  await expect(status).toContainText("không phải mã trên căn cước");
  await page.getByLabel("Hoặc chọn ảnh chụp mã QR").setInputFiles({ name: "trang.png", mimeType: "image/png", buffer: readFileSync(qrPng("x", "x.png")).subarray(0, 40) });
  await expect(status).toContainText("không phải ảnh");
  await expect(page.getByLabel("Họ, chữ đệm và tên", { exact: true })).toHaveValue("");
});

test("the camera reads the card's code and stops", async ({}, info) => {
  const browser = await chromium.launch({
    executablePath: process.env.HOSO_CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${qrVideo(CARD)}`],
  });
  try {
    const context = await browser.newContext({ baseURL: info.project.use.baseURL, locale: "vi-VN", permissions: ["camera"] });
    const page = await context.newPage();
    await page.goto(SECTION);
    await openScanner(page);
    await page.getByRole("button", { name: "Dùng máy ảnh" }).click();
    await expect(page.getByLabel("Họ, chữ đệm và tên", { exact: true })).toHaveValue("Nguyễn Thị Ánh Tuyết", { timeout: 20_000 });
    await expect(page.getByLabel("Ngày, tháng, năm sinh", { exact: true })).toHaveValue("15/03/1999");
    // Stopped once read: the camera is off and offered again.
    await expect(page.getByRole("button", { name: "Dùng máy ảnh" })).toBeVisible();
    expect(await page.evaluate(() => document.querySelector(".card-scan__video").srcObject?.getTracks().some((t) => t.readyState === "live") ?? false)).toBe(false);
  } finally {
    await browser.close();
  }
});
