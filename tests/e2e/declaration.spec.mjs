// Filling a declaration (tờ khai) as a person would: errors first, then a whole form by
// keyboard alone, through to "check your answers".
import { test, expect, open, axeViolations } from "./fixtures.mjs";

/** Presses Tab until the element with this id has focus (keyboard only, no clicks). */
async function tabTo(page, id, max = 60) {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach #${id} with Tab`);
}

async function typeInto(page, id, text) {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

test("an empty section gets an error summary that takes focus and leads to each field", async ({ page }) => {
  await open(page, "/ho-so/3.000333/to-khai/ca-nhan");
  await page.getByLabel("Họ, chữ đệm và tên").fill("nguyễn văn an");
  await page.getByLabel("Số định danh cá nhân (số căn cước)").fill("12345");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Có vấn đề cần sửa");
  await expect(page).toHaveTitle(/^Lỗi: /);
  // The inline message sits with its field, and the field says it is invalid.
  const cccd = page.getByLabel("Số định danh cá nhân (số căn cước)");
  await expect(cccd).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-ca-nhan-cccd-loi")).toContainText("12 chữ số");
  // Nothing typed is lost, and a summary link moves focus to its field.
  await expect(page.getByLabel("Họ, chữ đệm và tên")).toHaveValue("nguyễn văn an");
  await summary.getByRole("link", { name: /12 chữ số/ }).click();
  await expect(cccd).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
});

test("a whole declaration by keyboard only, then check your answers", async ({ page }) => {
  await open(page, "/ho-so/3.000333/to-khai/ca-nhan");
  // Part 1: the person.
  await typeInto(page, "f-ca-nhan-ho-ten", "Trần Thị Bình");
  await tabTo(page, "f-ca-nhan-gioi-tinh");
  await page.keyboard.press("ArrowDown"); // Nữ
  await typeInto(page, "f-ca-nhan-ngay-sinh", "15/08/1995");
  await typeInto(page, "f-ca-nhan-noi-sinh", "Bệnh viện Phụ sản Hà Nội");
  await typeInto(page, "f-ca-nhan-quoc-tich", "Việt Nam");
  await typeInto(page, "f-ca-nhan-dan-toc", "Kinh");
  await typeInto(page, "f-ca-nhan-cccd", "001195012345");
  // Selects by arrow keys, as a keyboard user does (Hà Nội is the first province, Phường Hoàn
  // Kiếm its first commune).
  await tabTo(page, "f-ca-nhan-thuong-tru-tinh");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#f-ca-nhan-thuong-tru-tinh")).toHaveValue("1");
  await tabTo(page, "f-ca-nhan-thuong-tru");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#f-ca-nhan-thuong-tru")).toHaveValue("70");
  await typeInto(page, "f-ca-nhan-dien-thoai", "0912 345 678");
  await page.keyboard.press("Enter"); // submits the section
  await expect(page.locator("main h1")).toContainText("Cha, mẹ, vợ hoặc chồng");
  // Part 2: family.
  await typeInto(page, "f-gia-dinh-me", "Lê Thị Hoa");
  await page.keyboard.press("Enter");
  await expect(page.locator("main h1")).toContainText("Quá trình cư trú");
  // Part 3: places lived, one to start with; a second one added by keyboard.
  await typeInto(page, "f-cu-tru-tu-thang-1", "09/2009");
  await typeInto(page, "f-cu-tru-den-thang-1", "06/2013");
  await typeInto(page, "f-cu-tru-noi-cu-tru-1", "Phường 9, Quận 5, TP. Hồ Chí Minh");
  await tabTo(page, "f-cu-tru-n");
  await page.keyboard.press("Enter"); // "Thêm nơi cư trú" moves focus to the new item
  await expect(page.locator("#f-cu-tru-tu-thang-2")).toBeFocused();
  await page.keyboard.type("07/2013");
  await typeInto(page, "f-cu-tru-noi-cu-tru-2", "Phường Hoàn Kiếm, Hà Nội");
  await page.keyboard.press("Enter");
  await expect(page.locator("main h1")).toContainText("Yêu cầu cấp Phiếu");
  // Part 4: the request. Choosing certificate no. 1 reveals one more question.
  await tabTo(page, "f-yeu-cau-loai-phieu");
  await page.keyboard.press("Space");
  await typeInto(page, "f-yeu-cau-muc-dich", "Bổ sung hồ sơ xin việc");
  await typeInto(page, "f-yeu-cau-so-luong", "2");
  await tabTo(page, "f-yeu-cau-cam-dam-nhiem");
  await page.keyboard.press("ArrowDown"); // Không
  await tabTo(page, "f-yeu-cau-uy-quyen");
  await page.keyboard.press("Space"); // Tôi tự nộp
  await page.keyboard.press("Enter");
  // Check your answers: every answer with a change link, normalised, and no problem left.
  await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
  await expect(page.locator(".notice--important", { hasText: "Tờ khai đã đủ và đúng" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Phường Hoàn Kiếm, Thành phố Hà Nội");
  await expect(page.locator("main")).toContainText("0912345678");
  await expect(page.locator("main")).toContainText("Phiếu lý lịch tư pháp số 1");
  expect(await axeViolations(page)).toEqual([]);
  // Change an answer and come straight back.
  await page.getByRole("link", { name: "Thay đổi mục đích sử dụng phiếu" }).click();
  await expect(page.getByLabel("Mục đích sử dụng Phiếu")).toHaveValue("Bổ sung hồ sơ xin việc");
  await page.getByLabel("Mục đích sử dụng Phiếu").fill("Đi du học");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
  await expect(page.locator("main")).toContainText("Đi du học");
});

test("the ID number is checked against the date of birth and sex given", async ({ page }) => {
  await open(page, "/ho-so/3.000333/to-khai/ca-nhan");
  await page.getByLabel("Nam", { exact: true }).check();
  await page.getByLabel("Ngày, tháng, năm sinh").fill("15/08/1995");
  // 001 1 95 …: a woman born in 1995.
  await page.getByLabel("Số định danh cá nhân (số căn cước)").fill("001195012345");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(page.locator("#f-ca-nhan-cccd-loi")).toContainText("giới tính Nữ");
});

test("the dossier task list shows progress and the papers the answers require", async ({ page }) => {
  await open(page, "/ho-so/3.000333/to-khai/yeu-cau");
  await page.getByLabel("Phiếu lý lịch tư pháp số 1").check(); // Phiếu số 2 cannot be delegated
  await page.getByLabel("Người khác nộp thay, có văn bản ủy quyền").check();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();
  await expect(page.locator("main h1")).toContainText("Hồ sơ: Cấp Phiếu Lý lịch tư pháp");
  await expect(page.locator(".notice")).toContainText("Văn bản ủy quyền");
  await expect(page.locator(".task-list__item").nth(3)).toContainText("Đang làm");
  expect(await axeViolations(page)).toEqual([]);
});

test("procedures without a full form get the generic applicant form", async ({ page }) => {
  await open(page, "/ho-so/1.004194");
  await page.getByRole("link", { name: "Người nộp hồ sơ" }).click();
  await expect(page.getByLabel("Họ, chữ đệm và tên")).toBeVisible();
  await expect(page.getByLabel("Số điện thoại")).toHaveAttribute("autocomplete", "tel");
});

test("an old address from older papers is converted, and the person chooses", async ({ page }) => {
  await open(page, "/ho-so/3.000333/to-khai/ca-nhan");
  await page.getByText("Giấy tờ của bạn ghi địa chỉ cũ (trước 01/7/2025)?").click();
  await page.getByLabel("Địa chỉ cũ: xã/phường, huyện/quận, tỉnh/thành phố").fill("P. 9, Q. 5, TP. HCM");
  await page.getByRole("button", { name: "Tìm xã, phường mới" }).click();
  const choice = page.getByRole("button", { name: "Chọn Phường An Đông, Thành phố Hồ Chí Minh" });
  await expect(choice).toBeVisible();
  await choice.click();
  await expect(page.locator("#f-ca-nhan-thuong-tru-tinh")).toHaveValue("79");
  await expect(page.locator("#f-ca-nhan-thuong-tru")).toHaveValue("27316");
  // A divided old commune lists every part and chooses none by itself.
  await page.getByLabel("Địa chỉ cũ: xã/phường, huyện/quận, tỉnh/thành phố").fill("Xã Tân Thạnh, Huyện Thới Lai, Thành phố Cần Thơ");
  await page.getByLabel("Địa chỉ cũ: xã/phường, huyện/quận, tỉnh/thành phố").press("Enter");
  await expect(page.getByText("nay thuộc nhiều xã, phường")).toBeVisible();
  await expect(page.locator(".old-address__list li")).toHaveCount(2);
  await expect(page.locator("#f-ca-nhan-thuong-tru")).toHaveValue("27316");
  expect(await axeViolations(page)).toEqual([]);
});

test("a commune is found by typing without diacritics, and look-alikes are never chosen for the person", async ({ page }) => {
  await open(page, "/ho-so/3.000333/to-khai/ca-nhan");
  await page.getByLabel("Tìm nhanh xã, phường (gõ có dấu hay không dấu đều được)").fill("cam giang");
  const choices = page.locator(".commune .old-address__list").first().getByRole("button");
  await expect(choices).toHaveText([
    "Chọn Xã Cẩm Giang, Thành phố Hải Phòng",
    "Chọn Xã Cẩm Giàng, Tỉnh Thái Nguyên",
    "Chọn Xã Cẩm Giàng, Thành phố Hải Phòng",
  ]);
  // Nothing is chosen until the person chooses.
  await expect(page.locator("#f-ca-nhan-thuong-tru")).toHaveValue("");
  await page.getByRole("button", { name: "Chọn Xã Cẩm Giàng, Thành phố Hải Phòng" }).click();
  await expect(page.locator("#f-ca-nhan-thuong-tru-tinh")).toHaveValue("31");
  await expect(page.locator("#f-ca-nhan-thuong-tru")).toHaveValue("10903");
  expect(await axeViolations(page)).toEqual([]);
});
