// Each of the eight full declaration forms, filled with realistic answers: first some bad answers
// (each rule must fire with its message next to the field), then good ones, section by section,
// through to "check your answers" with nothing left to fix. The keyboard-only walk is in
// declaration.spec.mjs; here the point is that every form can be completed.
import { test, expect, open, axeViolations } from "./fixtures.mjs";

const HA_NOI = ["1", "70"]; // Thành phố Hà Nội, Phường Hoàn Kiếm
const HCM = ["79", "27316"]; // Thành phố Hồ Chí Minh, Phường An Đông
const domId = (field) => `f-${field.replace(/[.#]/g, "-")}`;

/** Fills one answer: text, a radio (`{ radio }`) or a commune (`[province, commune]`). */
async function answer(page, field, value) {
  const id = domId(field);
  if (Array.isArray(value)) {
    await page.locator(`#${id}-tinh`).selectOption(value[0]);
    await page.locator(`#${id}`).selectOption(value[1]);
  } else if (typeof value === "object") {
    await page.locator(`input[name="${id}"][value="${value.radio}"]`).check();
  } else {
    await page.locator(`#${id}`).fill(value);
  }
}

async function fillSection(page, section, answers) {
  for (const [field, value] of Object.entries(answers)) await answer(page, `${section}.${field}`, value);
}

/** A repeating section: add items until there are as many as given, then fill each one. */
async function fillItems(page, section, items, noun) {
  // Count only once this section's page is drawn (the address changes a moment before): counting
  // the previous page's items added one too many under load.
  await expect(page.getByRole("button", { name: `Thêm ${noun}` })).toBeVisible();
  for (let n = await page.locator(".repeat-item").count(); n < items.length; n++) {
    await page.getByRole("button", { name: `Thêm ${noun}` }).click();
    // "Add another" moves the focus to the new item's first question (a frame later, past the item's
    // căn cước scanner): wait for it, or text typed meanwhile into an earlier item follows the focus.
    await expect(page.locator(".repeat-item").nth(n).locator(".form-group").locator("input, select, textarea").first()).toBeFocused();
  }
  for (const [i, item] of items.entries()) {
    for (const [field, value] of Object.entries(item)) await answer(page, `${section}.${field}#${i + 1}`, value);
  }
  for (const [i, item] of items.entries()) {
    for (const [field, value] of Object.entries(item)) {
      if (typeof value === "string") await expect(page.locator(`#${domId(`${section}.${field}#${i + 1}`)}`)).toHaveValue(value);
    }
  }
}

async function next(page) {
  await page.getByRole("button", { name: "Tiếp tục" }).click();
}

/** Bad answers on the current section: after "Tiếp tục", each field shows its own message. */
async function expectRules(page, section, bad) {
  await fillSection(page, section, Object.fromEntries(Object.entries(bad).map(([f, [v]]) => [f, v])));
  await next(page);
  await expect(page.locator(".error-summary")).toBeFocused();
  for (const [field, [, message]] of Object.entries(bad)) {
    if (message === "") continue; // an answer the rule needs, not itself wrong
    await expect(page.locator(`#${domId(`${section}.${field}`)}-loi`)).toContainText(message);
  }
}

const FORMS = [
  {
    code: "1.001193",
    title: "khai sinh",
    bad: {
      tre: {
        "ngay-sinh": ["01/01/2099", "tương lai"],
        "ho-ten": ["Nguyeenx Minh Khang", "có lẽ là «Nguyễn»"],
      },
    },
    sections: [
      ["nguoi-yeu-cau", { "ho-ten": "Nguyễn Văn Hùng", cccd: "001090123456", "dien-thoai": "0912 345 678", "quan-he": { radio: "cha-me" }, "noi-cu-tru": HA_NOI, "dia-chi": "12 Hàng Bạc" }],
      ["tre", { "ho-ten": "Nguyễn Minh Khang", "ngay-sinh": "10/11/2026", "gioi-tinh": { radio: "nam" }, "noi-sinh": "Bệnh viện Phụ sản Hà Nội", "dan-toc": "Kinh", "quoc-tich": "Việt Nam", "giay-chung-sinh": { radio: "giay-chung-sinh" } }],
      ["me", { "ho-ten": "Trần Thị Mai", "ngay-sinh": "02/03/1992", cccd: "001192012345", "dan-toc": "Kinh", "quoc-tich": "Việt Nam", "noi-cu-tru": HA_NOI }],
      ["cha", { "ho-ten": "Nguyễn Văn Hùng", "ngay-sinh": "05/06/1990", cccd: "001090123456", "dan-toc": "Kinh", "quoc-tich": "Việt Nam", "noi-cu-tru": HA_NOI }],
      ["ban-sao", { "so-luong": "2" }],
    ],
    shows: ["Nguyễn Minh Khang", "10/11/2026", "0912345678"],
  },
  {
    code: "1.000894",
    title: "kết hôn",
    bad: {
      "ben-nu": {
        "ngay-sinh": ["26/12/2010", "chưa đủ 18 tuổi"],
        cccd: ["999198001234", "không phải mã tỉnh"],
      },
    },
    sections: [
      ["ben-nu", { "ho-ten": "Lê Thị Hoa", "ngay-sinh": "20/10/1998", "dan-toc": "Kinh", "quoc-tich": "Việt Nam", cccd: "079198001234", "noi-cu-tru": HCM, "lan-ket-hon": "1" }],
      ["ben-nam", { "ho-ten": "Phạm Quốc Bảo", "ngay-sinh": "15/01/1996", "dan-toc": "Kinh", "quoc-tich": "Việt Nam", cccd: "079096004321", "noi-cu-tru": HCM, "lan-ket-hon": "1" }],
      ["lien-he", { "dien-thoai": "+84 987 654 321", email: "bao.pham@example.vn" }],
    ],
    shows: ["Phường An Đông, Thành phố Hồ Chí Minh", "0987654321"],
  },
  {
    code: "1.000656",
    title: "khai tử",
    bad: {
      "nguoi-yeu-cau": {
        "dien-thoai": ["0123", "10 chữ số"],
        cccd: ["03408500112", "đúng 12 chữ số"],
      },
    },
    sections: [
      ["nguoi-yeu-cau", { "ho-ten": "Đỗ Văn Nam", cccd: "034085001122", "dien-thoai": "0345678912", "noi-cu-tru": HA_NOI, "quan-he": { radio: "than-nhan" } }],
      ["nguoi-chet", { "ho-ten": "Đỗ Văn Tư", "gioi-tinh": { radio: "nam" }, "ngay-sinh": "03/04/1940", cccd: "034040009876", "dan-toc": "Kinh", "quoc-tich": "Việt Nam", "noi-cu-tru": HA_NOI, "ngay-mat": "20/11/2026", "noi-mat": "Tại nhà riêng", "nguyen-nhan": "Tuổi cao, bệnh già", "giay-bao-tu": { radio: "giay-bao-tu" } }],
    ],
    shows: ["Đỗ Văn Tư", "20/11/2026"],
  },
  {
    code: "1.004222",
    title: "đăng ký thường trú (CT01)",
    bad: {
      "nguoi-khai": {
        "ngay-sinh": ["12/12/1988", ""],
        "gioi-tinh": [{ radio: "nam" }, ""],
        cccd: ["036188005566", "giới tính Nữ"],
        email: ["lan@example", "Tên miền"],
      },
    },
    sections: [
      ["nguoi-khai", { "ho-ten": "Vũ Thị Lan", "ngay-sinh": "12/12/1988", "gioi-tinh": { radio: "nu" }, cccd: "036188005566", "dien-thoai": "0909123456", email: "lan.vu@example.vn" }],
      ["noi-dang-ky", { xa: HCM, "dia-chi": "45 Trần Hưng Đạo", "truong-hop": { radio: "thue-muon" } }],
      ["chu-ho", { "ho-ten": "Hoàng Văn Đức", cccd: "036070001234", "quan-he": "Người thuê nhà" }],
      ["thanh-vien", [{ "ho-ten": "Vũ Minh Anh", "ngay-sinh": "01/09/2015", "gioi-tinh": { radio: "nam" }, cccd: "036215000111", "quan-he": "Con của người thuê nhà" }], "thành viên"],
    ],
    shows: ["Thành viên 1", "Vũ Minh Anh", "Hoàng Văn Đức"],
  },
  {
    code: "3.000333",
    title: "lý lịch tư pháp",
    bad: {},
    sections: [
      ["ca-nhan", { "ho-ten": "Trần Thị Bình", "gioi-tinh": { radio: "nu" }, "ngay-sinh": "15/08/1995", "noi-sinh": "Hà Nội", "quoc-tich": "Việt Nam", "dan-toc": "Kinh", cccd: "001195012345", "thuong-tru": HA_NOI, "dien-thoai": "0912345678" }],
      ["gia-dinh", { me: "Lê Thị Hoa" }],
      ["cu-tru", [
        { "tu-thang": "8/2009", "den-thang": "06/2013", "noi-cu-tru": "Xã Đông Hội, Huyện Đông Anh, Hà Nội" },
        { "tu-thang": "07/2013", "noi-cu-tru": "Phường Hoàn Kiếm, Hà Nội", "nghe-nghiep": "Kế toán" },
      ], "nơi cư trú"],
      ["yeu-cau", { "loai-phieu": { radio: "so-2" }, "muc-dich": "Xin việc", "so-luong": "1", "cha-me-nop": { radio: "tu-nop" } }],
    ],
    shows: ["Nơi cư trú 2", "08/2009", "Kế toán"],
  },
  {
    code: "1.001612",
    title: "hộ kinh doanh",
    bad: {
      "ho-kinh-doanh": {
        "dien-thoai": ["0243 826", "chữ số"],
        von: ["1.5", "dấu phẩy"],
      },
    },
    sections: [
      ["ho-kinh-doanh", { ten: "Tạp hóa Minh Châu", xa: HA_NOI, "dia-chi": "8 Hàng Đào", "dien-thoai": "024 3826 1234", "nganh-nghe": "Bán lẻ hàng tạp hóa", von: "50.000.000", "lao-dong": "2" }],
      ["chu-ho", { "ho-ten": "Ngô Minh Châu", "gioi-tinh": { radio: "nu" }, "ngay-sinh": "07/07/1985", cccd: "001185007777", email: "chau@example.vn", "thanh-lap-boi": { radio: "ho-gia-dinh" } }],
      ["thanh-vien", [{ "ho-ten": "Ngô Văn Phúc", "ngay-sinh": "01/01/1983", "gioi-tinh": { radio: "nam" }, "quoc-tich": "Việt Nam", cccd: "001083002222", "noi-cu-tru": HA_NOI }], "thành viên"],
    ],
    shows: ["Ngô Văn Phúc", "50000000"],
  },
  {
    code: "2.000815",
    title: "chứng thực bản sao",
    bad: { "yeu-cau": { "so-ban": ["0", "từ 1"], "ho-ten": ["Bui62 Thi Thu", "chữ số"] } },
    sections: [["yeu-cau", { "ho-ten": "Bùi Thị Thu", "giay-to": "Bằng tốt nghiệp đại học", "so-trang": "1", "so-ban": "3", "nuoc-ngoai": { radio: "khong" } }]],
    shows: ["Bằng tốt nghiệp đại học"],
  },
  {
    code: "1.013225",
    title: "giấy phép xây dựng nhà ở",
    bad: {
      "chu-dau-tu": { "dien-thoai": ["0977 111", "chữ số"] },
    },
    sections: [
      ["chu-dau-tu", { "ho-ten": "Đặng Văn Long", cccd: "001080003333", "dien-thoai": "0977111222", "noi-cu-tru": HA_NOI, "dia-chi": "3 Lý Thái Tổ" }],
      ["dia-diem", { xa: HA_NOI, "dia-chi": "Ngõ 5 Hàng Bè", "thua-dat": "125", "to-ban-do": "12", "dien-tich-dat": "80" }],
      ["cong-trinh", { "dien-tich-xay-dung": "70", "tong-dien-tich-san": "280", "so-tang": "4", "chieu-cao": "15,5", "thoi-gian": "8", "don-vi-thiet-ke": "Công ty TNHH Thiết kế An Phát" }],
    ],
    shows: ["15,5 m", "280 m²"],
  },
];

for (const form of FORMS) {
  test(`the ${form.title} form (${form.code}) can be completed, and its rules fire on bad answers`, async ({ page }) => {
    const [first] = form.sections[0];
    for (const [section, bad] of Object.entries(form.bad)) {
      await open(page, `/ho-so/${form.code}/to-khai/${section}`);
      await expectRules(page, section, bad);
      // Let the units list finish loading before leaving (a navigation would abort it).
      await page.waitForLoadState("networkidle");
    }
    await open(page, `/ho-so/${form.code}/to-khai/${first}`);
    for (const [section, answers, noun] of form.sections) {
      await expect(page).toHaveURL(new RegExp(`/to-khai/${section}$`));
      if (Array.isArray(answers)) await fillItems(page, section, answers, noun);
      else await fillSection(page, section, answers);
      await next(page);
    }
    await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
    await expect(page.locator(".notice--important", { hasText: "Tờ khai đã đủ và đúng" })).toBeVisible();
    for (const text of form.shows) await expect(page.locator("main")).toContainText(text);
  });
}

test("household members: add, remove (the rest renumber), and at least one when the family runs the business", async ({ page }) => {
  await open(page, "/ho-so/1.001612/to-khai/chu-ho");
  await fillSection(page, "chu-ho", { "ho-ten": "Ngô Minh Châu", "gioi-tinh": { radio: "nu" }, "ngay-sinh": "07/07/1985", cccd: "001185007777", "thanh-lap-boi": { radio: "ho-gia-dinh" } });
  await next(page);
  await expect(page.locator("main h1")).toContainText("Danh sách thành viên hộ gia đình");
  // One member is shown to start with; add two more: focus goes to the new member's name.
  await expect(page.locator(".repeat-item")).toHaveCount(1);
  await page.getByRole("button", { name: "Thêm thành viên" }).click();
  await expect(page.locator("#f-thanh-vien-ho-ten-2")).toBeFocused();
  await page.getByRole("button", { name: "Thêm thành viên" }).click();
  await answer(page, "thanh-vien.ho-ten#1", "Ngô Văn An");
  await answer(page, "thanh-vien.ho-ten#2", "Ngô Văn Bình");
  await answer(page, "thanh-vien.ho-ten#3", "Ngô Thị Chi");
  await page.getByRole("button", { name: "Xoá thành viên 2" }).click();
  await expect(page.locator(".repeat-item")).toHaveCount(2);
  await expect(page.locator("#f-thanh-vien-ho-ten-2")).toHaveValue("Ngô Thị Chi");
  await expect(page.locator("#f-thanh-vien-ho-ten-2")).toBeFocused();
  // Errors name the member they belong to.
  await next(page);
  await expect(page.locator(".error-summary")).toContainText("Thành viên 2: Hãy nhập ngày sinh.");
  expect(await axeViolations(page)).toEqual([]);
  // Removing everyone is refused on "Tiếp tục", and nothing else is lost.
  await page.getByRole("button", { name: "Xoá thành viên 1" }).click();
  await page.getByRole("button", { name: "Xoá thành viên 1" }).click();
  await expect(page.getByText("Chưa có thành viên nào.")).toBeVisible();
  await next(page);
  await expect(page.locator(".error-summary")).toContainText("Hãy thêm ít nhất 1 thành viên.");
  await page.locator(".error-summary a").click();
  await expect(page.getByRole("button", { name: "Thêm thành viên" })).toBeFocused();
});

test("a date can be picked on the calendar instead of typed", async ({ page }) => {
  await open(page, "/ho-so/1.001193/to-khai/tre");
  const typed = page.locator("#f-tre-ngay-sinh");
  const picker = page.getByLabel("hoặc chọn trên lịch");
  await expect(picker).toHaveAttribute("type", "date");
  await picker.fill("2026-11-10");
  await expect(typed).toHaveValue("10/11/2026");
  await typed.fill("03/02/2026");
  await expect(picker).toHaveValue("2026-02-03");
  expect(await axeViolations(page)).toEqual([]);
});
