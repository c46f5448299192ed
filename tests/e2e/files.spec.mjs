// Attaching papers, with real files made by Chromium itself (a printed PDF, photographs of a
// page as JPEG and PNG) and broken, oversized, renamed, locked, duplicate and dangerous ones:
// every case gets its outcome, in words, and nothing already attached is lost.
import { createHash, randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { test, expect, open, axeViolations, printPdf } from "./fixtures.mjs";

const LLTP = "/ho-so/3.000333";
const PAGE_TEXT = `<style>body{font:22px/1.5 serif;margin:40px} p{page-break-after:always}</style>
  <h1>CĂN CƯỚC</h1><p>Số định danh cá nhân: 001195012345. Họ, chữ đệm và tên: TRẦN THỊ BÌNH.</p>
  <p>Ngày sinh 15/08/1995. Giới tính: Nữ. Quốc tịch: Việt Nam.</p><p>Nơi thường trú: Phường Hoàn Kiếm, Hà Nội.</p>`;

/** A photo of pure noise as a real PNG (RGB, no filter): it does not compress, so a
 * 3,000 × 2,000 one is far above the 10 MB limit (hoso scales it down). */
function noisePng(width, height) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])) >>> 0);
    return Buffer.concat([len, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8 bits, RGB
  const row = 1 + width * 3;
  const raw = randomBytes(row * height);
  for (let y = 0; y < height; y++) raw[y * row] = 0; // filter: none
  return Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 1 })), chunk("IEND", Buffer.alloc(0))]);
}

/** Real files, made once per test by a second Chromium page (never the app's page). */
async function makeFiles(browser) {
  const maker = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const photo = async (style, size) => {
    if (size) await maker.setViewportSize(size);
    await maker.setContent(`<body style="margin:0;${style}">${PAGE_TEXT}</body>`);
    const shot = await maker.screenshot({ type: "jpeg", quality: 90 });
    await maker.setViewportSize({ width: 1400, height: 1000 });
    return shot;
  };
  await maker.setContent(PAGE_TEXT);
  const pdf = await maker.pdf({ format: "A4" });
  const files = {
    pdf,
    front: await photo("background:#fff"),
    back: await photo("background:#fdfcf5;color:#222"),
    dark: await photo("background:#111;color:#333"),
    blurry: await photo("filter:blur(7px)"),
    small: await photo("background:#fff", { width: 480, height: 360 }),
    png: await maker.screenshot({ type: "png" }),
  };
  files.bigPng = noisePng(3000, 2000);
  await maker.close();
  // A PDF locked with a password: the same PDF with an /Encrypt entry in its trailer.
  const text = pdf.toString("latin1");
  const at = text.lastIndexOf("trailer");
  files.locked = Buffer.from(text.slice(0, at) + text.slice(at).replace("<<", "<< /Encrypt 99 0 R"), "latin1");
  files.cut = pdf.subarray(0, Math.floor(pdf.length / 2));
  files.huge = Buffer.concat([pdf.subarray(0, 9), Buffer.from("%" + "x".repeat(11 * 1024 * 1024) + "\n"), pdf.subarray(9)]);
  return files;
}

const file = (name, buffer, mimeType = "application/octet-stream") => ({ name, mimeType, buffer });

function paper(page, heading) {
  return page.locator("li.paper", { has: page.getByRole("heading", { name: heading, includeHidden: true }) });
}

/** Chooses files for a paper and waits until hoso has checked the whole batch. */
async function attach(page, heading, files) {
  const card = paper(page, heading);
  const before = Number(await card.getAttribute("data-checked"));
  await card.getByLabel(/^Chọn tệp/).setInputFiles(files);
  await expect(card).toHaveAttribute("data-checked", String(before + 1), { timeout: 60_000 });
}

test("real files are attached and checked on the device; every bad file is refused with the reason", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const f = await makeFiles(browser);
  await open(page, LLTP);
  const id = /^Bản sao Thẻ Căn cước/;
  const card = paper(page, id);
  await expect(card.locator(".tag")).toHaveText("Còn thiếu");
  await expect(page.locator(".report")).toContainText("Còn thiếu");

  // A real PDF: accepted, its pages counted, the paper is no longer missing.
  await attach(page, id, [file("can-cuoc.pdf", f.pdf, "application/pdf")]);
  await expect(card.locator(".tag")).toHaveText("Đã đính kèm 1 tệp");
  await expect(card.locator(".files__item")).toContainText("PDF, 3 trang");
  await expect(card.locator(".file-ok")).toContainText("Đã đính kèm: «can-cuoc.pdf»");
  await expect(page.locator(".meter__label")).not.toContainText("Dung lượng hồ sơ: 0 kB");

  // Broken, locked, oversized, empty and dangerous files: each refused, with what to do.
  const refusals = [
    [file("cat-cut.pdf", f.cut, "application/pdf"), "bị cắt cụt"],
    [file("co-mat-khau.pdf", f.locked, "application/pdf"), "có mật khẩu"],
    [file("rat-lon.pdf", f.huge, "application/pdf"), "vượt giới hạn 10 MB"],
    [file("trong.pdf", Buffer.alloc(0), "application/pdf"), "Tệp trống"],
    [file("setup.exe", Buffer.concat([Buffer.from("MZ\x90\0"), Buffer.alloc(200, 7)])), "tệp chương trình"],
    [file("giay-to.zip", Buffer.concat([Buffer.from("PK\x03\x04\x14\0\0\0"), Buffer.from("scan-1.pdf")])), "tệp nén"],
    [file("IMG_0001.HEIC", Buffer.from("\0\0\0\x18ftypheic\0\0\0\0mif1heic", "latin1"), "image/heic"), "iPhone"],
  ];
  await attach(page, id, refusals.map(([x]) => x));
  const alerts = card.locator(".error-message");
  await expect(alerts).toHaveCount(refusals.length);
  for (const [x, why] of refusals) {
    await expect(alerts.filter({ hasText: `Không đính kèm «${x.name}»` })).toContainText(why);
  }
  // The PDF attached before is still there.
  await expect(card.locator(".files__item")).toHaveCount(1);

  // The same PDF for another paper: refused as a duplicate, naming where it already is.
  const fees = /^Các giấy tờ để chứng minh đối tượng miễn/;
  await attach(page, fees, [file("ban-sao.pdf", f.pdf, "application/pdf")]);
  await expect(paper(page, fees).locator(".error-message")).toContainText("đã được đính kèm");
  await expect(paper(page, fees).locator(".error-message")).toContainText("can-cuoc.pdf");

  // Photos: a renamed one, a dark one, a blurred one, a small one: attached, with warnings.
  await attach(page, id, [
    file("mat-truoc.pdf", f.front, "application/pdf"),
    file("toi.jpg", f.dark, "image/jpeg"),
    file("mo.jpg", f.blurry, "image/jpeg"),
    file("nho.jpg", f.small, "image/jpeg"),
  ]);
  const item = (name) => card.locator(".files__item", { hasText: name });
  await expect(item("mat-truoc.pdf")).toContainText("thực ra là ảnh JPEG");
  await expect(item("mat-truoc.pdf")).not.toContainText("rất tối");
  await expect(item("mat-truoc.pdf")).not.toContainText("bị mờ");
  await expect(item("toi.jpg")).toContainText("Ảnh rất tối");
  await expect(item("mo.jpg")).toContainText("có vẻ bị mờ");
  await expect(item("nho.jpg")).toContainText("Ảnh nhỏ (480 × 360");
  await expect(card.locator(".tag")).toHaveText("Đã đính kèm 5 tệp");
  expect(await axeViolations(page)).toEqual([]);
  // Before export, "check your answers" reports the papers in plain words (in-app: nothing lost).
  await page.getByRole("link", { name: "Kiểm tra câu trả lời" }).click();
  await expect(page.locator(".report")).toContainText("Tờ khai chưa xong");
  await expect(page.locator(".report")).toContainText("Đã có đủ các giấy tờ cần nộp");
  await expect(page.locator(".report")).toContainText("4 tệp có cảnh báo");
});

test("photos of one paper: reorder, remove, combine into one PDF; a huge photo is scaled down", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const f = await makeFiles(browser);
  await open(page, LLTP);
  const id = /^Bản sao Thẻ Căn cước/;
  const card = paper(page, id);
  await attach(page, id, [file("mat-sau.jpg", f.back, "image/jpeg"), file("mat-truoc.jpg", f.front, "image/jpeg"), file("anh-chup.png", f.png, "image/png")]);
  await expect(card.locator(".files__name")).toHaveText(["mat-sau.jpg", "mat-truoc.jpg", "anh-chup.png"]);
  // The thumbnail is the photo itself.
  await expect(card.locator("img.files__thumb").first()).toHaveAttribute("src", /^blob:/);
  await card.getByRole("button", { name: /^Lên.*mat-truoc\.jpg \(tệp 2/ }).click();
  await expect(card.locator(".files__name")).toHaveText(["mat-truoc.jpg", "mat-sau.jpg", "anh-chup.png"]);
  await card.getByRole("button", { name: /^Xoá.*anh-chup\.png/ }).click();
  await expect(card.locator(".files__name")).toHaveText(["mat-truoc.jpg", "mat-sau.jpg"]);
  // Combined: one PDF of two pages, in the place of the photos.
  await card.getByRole("button", { name: "Gộp 2 ảnh thành một tệp PDF" }).click();
  await expect(card.locator(".files__item")).toHaveCount(1);
  await expect(card.locator(".files__item")).toContainText("PDF, 2 trang");
  await expect(card.locator(".tag")).toHaveText("Đã đính kèm 1 tệp");
  // Kept on the device: after a reload the PDF is back, and the device holds it and the two photos
  // it was made from, each under its own SHA-256 (the removed PNG is gone).
  await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");
  await page.reload();
  await expect(card.locator(".files__item")).toContainText("PDF, 2 trang");
  const kept = await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = () => {
      const store = req.result.transaction("tep").objectStore("tep");
      const keys = store.getAllKeys(), values = store.getAll();
      values.onsuccess = async () => {
        const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
        const real = await Promise.all(values.result.map(async (v) => hex(await crypto.subtle.digest("SHA-256", await v.arrayBuffer()))));
        resolve({ keys: keys.result, real });
      };
    };
  }));
  expect(kept.real).toEqual(kept.keys);
  expect(kept.keys).toHaveLength(3);
  const sha = (b) => createHash("sha256").update(b).digest("hex");
  expect(kept.keys).toEqual(expect.arrayContaining([sha(f.front), sha(f.back)]));
  // A photo already inside the PDF is recognised if attached again.
  await attach(page, id, [file("mat-truoc-lai.jpg", f.front, "image/jpeg")]);
  await expect(card.locator(".error-message")).toContainText("đã được đính kèm");
  // A 3,000 × 2,000 PNG over the limit: scaled down to fit, the original kept.
  await attach(page, id, [file("anh-lon.png", f.bigPng, "image/png")]);
  await expect(card.locator(".files__item", { hasText: "anh-lon.png" })).toContainText("đã được thu nhỏ");
  await expect(card.locator(".files__item", { hasText: "anh-lon.png" })).toContainText("2000 × 1333");
  // Removing everything makes the paper missing again.
  for (const name of ["anh-lon.png", ".pdf"]) await card.getByRole("button", { name: new RegExp(`^Xoá.*${name.replace(".", "\\.")}`) }).click();
  await expect(card.locator(".tag")).toHaveText("Còn thiếu");
});

test("the checklist follows the answers", async ({ page }) => {
  await open(page, "/ho-so/3.000333/to-khai/yeu-cau");
  await page.getByLabel("Phiếu lý lịch tư pháp số 1").check(); // Phiếu số 2 cannot be delegated
  await page.getByLabel("Người khác nộp thay, có văn bản ủy quyền").check();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();
  const proxy = paper(page, /^Văn bản ủy quyền/);
  await expect(proxy.locator(".tag")).toHaveText("Còn thiếu");
  await expect(proxy).toContainText("Cần vì:");
  // hoso makes the declaration (Mẫu 01); the one whoever submits for another fills in (Mẫu 02) is
  // asked for.
  await expect(paper(page, /^Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp \(Dùng cho cá nhân có yêu cầu/).locator(".tag")).toHaveText("Chưa khai xong");
  await expect(paper(page, /^Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp \(Dùng cho cá nhân\)/).locator(".tag")).toHaveText("Còn thiếu");
  // Back to "I submit myself": no longer needed.
  await page.getByRole("link", { name: "Yêu cầu cấp Phiếu" }).click();
  await page.getByLabel("Tôi tự nộp").check();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();
  await expect(paper(page, /^Văn bản ủy quyền/).locator(".tag")).toHaveText("Không cần");
  await expect(paper(page, /^Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp \(Dùng cho cá nhân\)/).locator(".tag")).toHaveText("Không cần");
  // Papers ruled out are listed last, folded away.
  const other = page.locator("details.papers-other");
  await expect(other.locator(":scope > summary")).toContainText("Giấy tờ không cần trong trường hợp của bạn");
  await expect(paper(page, /^Văn bản ủy quyền/)).toBeHidden();
  await other.locator(":scope > summary").click();
  await expect(paper(page, /^Văn bản ủy quyền/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("a case the declaration does not settle is asked once; the answer decides the paper and is kept", async ({ page }) => {
  await open(page, "/ho-so/1.001612");
  const question = page.getByRole("group", { name: "Bạn có thuộc trường hợp này không: chưa có tài khoản định danh điện tử để thực hiện xác thực điện tử?" });
  const card = paper(page, /^Bản sao thẻ Căn cước hoặc CCCD của người ủy quyền/);
  await expect(card.locator(".tag")).toHaveText("Tuỳ trường hợp");
  await question.getByLabel("Có", { exact: true }).check();
  await expect(card.locator(".tag")).toHaveText("Còn thiếu");
  await expect(card).toContainText("Cần vì: bạn cho biết mình thuộc trường hợp: chưa có tài khoản định danh điện tử");
  await expect(page.locator("ul.report")).toContainText(/Còn thiếu \d+ giấy tờ: .*Bản sao thẻ Căn cước hoặc CCCD của người ủy quyền/);
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu trên máy này" })).toBeVisible();
  // The answer is kept with the dossier.
  await page.reload();
  await expect(question.getByLabel("Có", { exact: true })).toBeChecked();
  await question.getByLabel("Không", { exact: true }).check();
  await expect(card.locator(".tag")).toHaveText("Không cần");
  expect(await axeViolations(page)).toEqual([]);
});

test("a portal sets its own size limits; templates link to the national portal", async ({ page, browser }) => {
  await open(page, "/ho-so/3.000333/to-khai/yeu-cau");
  expect(await page.evaluate(() => window.wasmBindings.hosoSetLimits(1, 2))).toBeUndefined();
  expect(await page.evaluate(() => window.wasmBindings.hosoSetLimits(5, 1))).toContain("không hợp lệ");
  await page.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();
  await expect(page.locator(".meter__label")).toHaveText("Dung lượng hồ sơ: 0 kB / 2 MB (mỗi tệp tối đa 1 MB)");
  const pdf = await printPdf(browser, PAGE_TEXT);
  const padded = Buffer.concat([pdf.subarray(0, 9), Buffer.from("%" + "x".repeat(1536 * 1024) + "\n"), pdf.subarray(9)]);
  await attach(page, /^Bản sao Thẻ Căn cước/, [file("quet-600dpi.pdf", padded, "application/pdf")]);
  await expect(paper(page, /^Bản sao Thẻ Căn cước/).locator(".error-message")).toContainText("vượt giới hạn 1 MB mỗi tệp");
  const declaration = paper(page, /^Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp \(Dùng cho cá nhân có yêu cầu/);
  await expect(declaration).toContainText("Mẫu: Mẫu số 01/2025/LLTP.");
  await expect(declaration.getByRole("link", { name: /Tải mẫu trên Cổng Dịch vụ công quốc gia/ })).toHaveAttribute("href", /^https:\/\/dichvucong\.gov\.vn\//);
});

test("photos combined past the per-file limit are recompressed until the PDF fits", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const f = await makeFiles(browser);
  await open(page, "/ho-so/3.000333/to-khai/yeu-cau");
  await page.evaluate(() => window.wasmBindings.hosoSetLimits(0.07, 5));
  await page.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();
  const id = /^Bản sao Thẻ Căn cước/;
  const card = paper(page, id);
  await attach(page, id, [file("1.jpg", f.front, "image/jpeg"), file("2.jpg", f.back, "image/jpeg"), file("3.jpg", f.small, "image/jpeg")]);
  await expect(card.locator(".files__item")).toHaveCount(3);
  await card.getByRole("button", { name: "Gộp 3 ảnh thành một tệp PDF" }).click();
  await expect(card.locator(".files__item")).toHaveCount(1);
  await expect(card.locator(".files__item")).toContainText("PDF, 3 trang");
  await expect(card.locator(".files__item")).toContainText("để tệp PDF vừa giới hạn 72 kB");
});
