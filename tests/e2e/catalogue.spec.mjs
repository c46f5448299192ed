// Finding a procedure and reading what it needs, as a citizen would.
import { test, expect, open, axeViolations } from "./fixtures.mjs";

test("search answers as you type, without diacritics, and opens the procedure", async ({ page }) => {
  await open(page, "/");
  const box = page.getByLabel("Bạn cần làm thủ tục gì?");
  await box.pressSequentially("lam giay khai sinh cho con");
  const first = page.locator(".search__results .procedure-list__link").first();
  await expect(first).toHaveText("Thủ tục đăng ký khai sinh");
  await expect(page.getByRole("status").filter({ hasText: "phù hợp" })).toBeVisible();
  // The address keeps the query, so Back and sharing work.
  await expect(page).toHaveURL(/\?q=lam%20giay%20khai%20sinh%20cho%20con$/);
  await first.click();
  await expect(page.locator("main h1")).toHaveText("Thủ tục đăng ký khai sinh");
  await page.goBack();
  await expect(page.getByLabel("Bạn cần làm thủ tục gì?")).toHaveValue("lam giay khai sinh cho con");
});

test("the home page loads no catalogue until the citizen reaches for the search box", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => { if (r.url().includes("/catalogue/")) fetched.push(new URL(r.url()).pathname); });
  await open(page, "/");
  await expect(page.getByRole("heading", { name: "Tìm theo việc bạn đang cần" })).toBeVisible();
  await page.waitForTimeout(300);
  expect(fetched).toEqual([]);
  await page.getByLabel("Bạn cần làm thủ tục gì?").focus();
  await expect.poll(() => fetched).toEqual(["/catalogue/index.json"]);
  await page.getByLabel("Bạn cần làm thủ tục gì?").pressSequentially("ly lich tu phap");
  await expect(page.locator(".search__results .procedure-list__link").first()).toContainText(/lý lịch tư pháp/i);
});

test("a procedure's page and a dossier's fetch their procedure and form once, never the whole catalogue index nor, before a commune is answered, the units", async ({ page }) => {
  let fetched = [];
  page.on("request", (r) => { if (/\/(catalogue|forms|units)\//.test(r.url())) fetched.push(new URL(r.url()).pathname); });
  for (const path of ["/thu-tuc/1.001193", "/ho-so/1.001193"]) {
    fetched = [];
    await open(page, path);
    await expect(page.locator("main h1")).toContainText("đăng ký khai sinh");
    await page.waitForTimeout(300);
    // catalogue/nap.json: the page loader's small table of which codes have which form.
    expect(fetched.sort(), path).toEqual(["/catalogue/nap.json", "/catalogue/p/1.001193.json", "/forms/khai-sinh.json"]);
  }
  await expect(page.locator(".procedure__source")).toHaveCount(0);
  await open(page, "/thu-tuc/1.001193");
  await expect(page.locator(".procedure__source")).toContainText("Phiên bản danh mục 2026-07");
});

test("everyday words find the official procedure", async ({ page }) => {
  await open(page, "/?q=" + encodeURIComponent("sổ đỏ"));
  await expect(page.locator(".search__results .procedure-list__link").first()).toContainText("cấp Giấy chứng nhận quyền sử dụng đất");
  await page.getByLabel("Bạn cần làm thủ tục gì?").fill("zzzz qqqq");
  await expect(page.getByRole("status").filter({ hasText: "Không tìm thấy" })).toBeVisible();
});

test("everyday phrasing without diacritics opens the procedure people mean", async ({ page }) => {
  // Three of the search issue's queries, typed as on a phone keyboard without Vietnamese input.
  const cases = [
    ["mat bang lai xe", "Cấp lại giấy phép lái xe", "«mất» là «cấp lại»"],
    ["dang ky tam tru cho nguoi thue nha", "Đăng ký tạm trú", "«người thuê nhà» là «tạm trú»"],
    ["doi ten trong giay khai sinh", "Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc", "«đổi tên» là «thay đổi cải chính hộ tịch»"],
  ];
  for (const [query, name, understood] of cases) {
    await open(page, "/");
    await page.getByLabel("Bạn cần làm thủ tục gì?").pressSequentially(query);
    const results = page.locator(".search__results .procedure-list__link");
    await expect(results.filter({ hasText: name }).first()).toBeVisible();
    const rank = await results.evaluateAll((links, name) => links.findIndex((a) => a.textContent === name), name);
    expect(rank, `«${query}» puts ${name} in the top 3`).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(3);
    // The page says how it read the words.
    await expect(page.locator(".search__understood")).toContainText(understood);
    await results.nth(rank).click();
    await expect(page.locator("main h1")).toHaveText(name);
  }
});

test("a misspelt query is still answered, with a suggestion; and there is always somewhere to go", async ({ page }) => {
  await open(page, "/");
  const box = page.getByLabel("Bạn cần làm thủ tục gì?");
  await box.fill("dang ky ket hno");
  await expect(page.locator(".search__results .procedure-list__link").first()).toHaveText("Thủ tục đăng ký kết hôn");
  await page.getByRole("button", { name: "«dang ky ket hôn»" }).click();
  await expect(box).toHaveValue("dang ky ket hôn");
  await expect(page).toHaveURL(/\?q=dang%20ky%20ket%20h%C3%B4n$/);
  await expect(page.locator(".search__suggestion")).toHaveCount(0);
  // The same procedure at several levels is one result, the others one tap away.
  await box.fill("cấp lại thẻ căn cước");
  const first = page.locator(".search__results .procedure-list__item").first();
  await expect(first.locator(".procedure-list__link")).toHaveText("Cấp lại thẻ căn cước");
  await expect(first.locator(".procedure-list__also")).toContainText("Cấp tỉnh");
  await expect(first.locator(".procedure-list__also")).toContainText("Cấp bộ");
  // Nothing found: never an empty page — life events and fields are offered, open.
  await box.fill("zzzz qqqq");
  await expect(page.getByRole("status").filter({ hasText: "Không tìm thấy" })).toBeVisible();
  const help = page.locator(".search__not-found");
  await expect(help).toHaveAttribute("open", "");
  expect(await axeViolations(page)).toEqual([]);
  await help.getByRole("link", { name: "Sinh con" }).click();
  await expect(page).toHaveURL(/\/su-kien\/sinh-con$/);
});

test("filters narrow the results to a field", async ({ page }) => {
  await open(page, "/");
  await page.getByText("Lọc theo lĩnh vực, cấp thực hiện").click();
  await page.getByLabel("Lĩnh vực").selectOption({ label: "Hộ tịch" });
  await page.getByLabel("Bạn cần làm thủ tục gì?").fill("đăng ký");
  const metas = page.locator(".search__results .procedure-list__meta");
  await expect(metas.first()).toBeVisible();
  for (const m of await metas.all()) await expect(m).toContainText("Hộ tịch");
});

test("the procedure page says what you get, what to bring, how long, how much, where and why", async ({ page }) => {
  await open(page, "/thu-tuc/1.004222");
  await expect(page.locator("main h1")).toHaveText("Đăng ký thường trú");
  const headings = await page.locator("main h2").allTextContents();
  expect(headings).toEqual(["Bạn sẽ nhận được", "Giấy tờ cần chuẩn bị", "Bao lâu có kết quả", "Lệ phí", "Nộp ở đâu, nộp thế nào", "Căn cứ pháp lý"]);
  // Each case is collapsed until the person opens theirs.
  const ownHome = page.locator("summary", { hasText: "Nếu: Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình" });
  await expect(ownHome).toBeVisible();
  await ownHome.click();
  await expect(page.locator("details[open] .doc__name").first()).toBeVisible();
  const timing = page.locator("section[aria-labelledby=thoi-han] tbody tr").first();
  await expect(timing).toContainText("7 ngày làm việc");
  await expect(timing.locator("td").nth(1)).toHaveText(/^Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy), \d\d\/\d\d\/\d{4}$/);
  await expect(page.locator("section[aria-labelledby=le-phi]")).toContainText("10.000 đồng");
  await expect(page.locator("section[aria-labelledby=le-phi]")).toContainText("Nộp trực tuyến rẻ hơn nộp trực tiếp 10.000 đồng");
  await expect(page.locator(".notice--important")).toContainText("miễn phí");
  await expect(page.locator("main")).toContainText("Phiên bản danh mục 2026-07");
  expect(await axeViolations(page)).toEqual([]);
});

test("the papers everyone needs are listed apart from those needed only in some case", async ({ page }) => {
  const group = (title) => page.locator(`h3.doc-group__title:text-is("${title}") + ul.doc-list > li > .doc__name`);
  // Khai sinh: not the abandoned child's record, the power of attorney or the surrogacy papers.
  await open(page, "/thu-tuc/1.001193");
  await expect(group("Ai cũng cần")).toHaveText(["Giấy chứng sinh"]);
  await expect(group("Mang theo khi đến nộp (bản chính để cán bộ đối chiếu, không phải nộp)")).toHaveText(["Giấy tờ tùy thân"]);
  const birth = page.locator("li.doc", { has: page.locator(".doc__name", { hasText: /^Giấy chứng sinh$/ }) });
  await expect(birth.locator(".doc__any-of li")).toHaveText(["Giấy chứng sinh", "Văn bản của người làm chứng xác nhận về việc sinh", "Giấy cam đoan về việc sinh"]);
  const abandoned = page.locator("li.doc", { has: page.locator(".doc__name", { hasText: /^Biên bản về việc trẻ bị bỏ rơi/ }) });
  await expect(abandoned.locator(".doc__when")).toHaveText("Chỉ khi: trẻ em bị bỏ rơi.");
  await expect(group("Chỉ khi đúng trường hợp của bạn")).toContainText(["Biên bản về việc trẻ bị bỏ rơi", "Văn bản ủy quyền"]);
  expect(await axeViolations(page)).toEqual([]);
  // Khai tử: the death notice, not on paper when the agency already has the electronic one.
  await open(page, "/thu-tuc/1.000656");
  await expect(group("Ai cũng cần")).toHaveText(["Giấy báo tử hoặc giấy tờ thay Giấy báo tử"]);
  await expect(page.locator("li.doc", { has: page.locator(".doc__name", { hasText: /^Giấy báo tử hoặc giấy tờ thay Giấy báo tử$/ }) }).locator(".doc__when")).toHaveText("Không phải nộp bản giấy nếu cơ quan đã có bản điện tử của giấy tờ này.");
  // Its fee: the note every channel shares is shown once, "Miễn phí" beside "the province sets the
  // fee" is explained, and every exempt group is kept.
  const fees = page.locator("section[aria-labelledby=le-phi]");
  await expect(fees.locator(".fee__note")).toHaveCount(1);
  await expect(fees.locator(".fee__explain")).toContainText("«Miễn phí» áp dụng cho những người, trường hợp ghi ở mục «Miễn, giảm lệ phí»");
  await expect(fees.locator(".notice--important")).toContainText("người thuộc hộ nghèo; người khuyết tật");
  // Kết hôn: the declaration, and ID papers to show.
  await open(page, "/thu-tuc/1.000894");
  await expect(group("Ai cũng cần")).toHaveText(["Tờ khai đăng ký kết hôn"]);
  await expect(group("Mang theo khi đến nộp (bản chính để cán bộ đối chiếu, không phải nộp)")).toHaveText(["Giấy tờ tùy thân"]);
  // Thường trú: every paper depends on the kind of home, so nothing is listed as needed by everyone.
  await open(page, "/thu-tuc/1.004222");
  await expect(page.locator("summary", { hasText: "Nếu: Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình" })).toBeVisible();
  await expect(group("Ai cũng cần")).toHaveCount(0);
  // Lý lịch tư pháp: the original of the ID card copy joins what to bring.
  await open(page, "/thu-tuc/3.000333");
  await expect(page.locator(".doc-originals")).toContainText("Mang theo cả bản chính của: Thẻ Căn cước, Căn cước công dân hoặc Hộ chiếu");
});

test("the Ministry of National Defence's procedures are searched, shown and started like the rest", async ({ page }) => {
  await open(page, "/");
  await page.getByLabel("Bạn cần làm thủ tục gì?").pressSequentially("dang ky nghia vu quan su");
  const first = page.locator(".search__results .procedure-list__link").first();
  await expect(first).toHaveText("Thủ tục đăng ký nghĩa vụ quân sự lần đầu");
  await first.click();
  await expect(page).toHaveURL(/\/thu-tuc\/1\.013133$/);
  await expect(page.locator("main h1")).toHaveText("Thủ tục đăng ký nghĩa vụ quân sự lần đầu");
  const group = (title) => page.locator(`h3.doc-group__title:text-is("${title}") + ul.doc-list > li > .doc__name`);
  await expect(group("Ai cũng cần")).toHaveText(["Phiếu tự khai sức khỏe nghĩa vụ quân sự", "Bản chụp Căn cước công dân hoặc Thẻ Căn cước"]);
  await expect(page.locator("section[aria-labelledby=le-phi]")).toContainText("Trực tiếpMiễn phí");
  await expect(page.locator("main")).toContainText("Bộ Quốc phòng");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Bắt đầu hồ sơ" }).click();
  await expect(page.locator("main h1")).toHaveText("Hồ sơ: Thủ tục đăng ký nghĩa vụ quân sự lần đầu");
  await expect(page.locator(".report")).toContainText("Phiếu tự khai sức khỏe nghĩa vụ quân sự");
  // Browse: the life event lists it.
  await open(page, "/su-kien/nghia-vu-quan-su");
  await expect(page.locator("main")).toContainText("Thủ tục đăng ký nghĩa vụ quân sự lần đầu");
});

test("a due date across Tết is computed from the device clock", async ({ page }) => {
  // Friday 13/2/2026 16:30 Vietnam time, 7 working days → Wednesday 4/3/2026.
  await page.clock.setFixedTime(new Date("2026-02-13T16:30:00+07:00"));
  await open(page, "/thu-tuc/1.004222");
  await expect(page.locator("section[aria-labelledby=thoi-han] tbody tr").first()).toContainText("Thứ Tư, 04/03/2026");
});

test("a due date in a year whose days off are not published yet says it may change", async ({ page }) => {
  // Friday 25/12/2026: 7 working days run into January 2027, whose Tết decision is not out.
  await page.clock.setFixedTime(new Date("2026-12-25T09:00:00+07:00"));
  await open(page, "/thu-tuc/1.004222");
  await expect(page.locator("section[aria-labelledby=thoi-han] tbody tr").first()).toContainText("/01/2027");
  await expect(page.locator("section[aria-labelledby=thoi-han]")).toContainText("Lịch nghỉ lễ, Tết năm 2027 chưa được công bố: ngày hẹn tính theo quy tắc chung và có thể thay đổi.");
  // Within 2026, whose decisions are published, nothing to warn about.
  await page.clock.setFixedTime(new Date("2026-11-25T10:00:00+07:00"));
  await open(page, "/thu-tuc/1.004222");
  await expect(page.locator("section[aria-labelledby=thoi-han] tbody tr").first()).toContainText("/12/2026");
  await expect(page.locator("section[aria-labelledby=thoi-han]")).not.toContainText("chưa được công bố");
});

test("a fee halved until 31/12/2026 is the fee shown until then, and the full fee after", async ({ page }) => {
  // 1.013818: the portal's column says 3.500.000 đồng; the row's own words halve it under Thông tư
  // 64/2025/TT-BTC until 31/12/2026.
  await page.clock.setFixedTime(new Date("2026-12-08T09:00:00+07:00"));
  await open(page, "/thu-tuc/1.013818");
  const fees = page.locator("section[aria-labelledby=le-phi] tbody tr").first();
  await expect(fees).toContainText("1.750.000 đồng/hồ sơ đến hết ngày 31/12/2026 (mức giảm theo Thông tư số 64/2025/TT-BTC), từ ngày 01/01/2027: 3.500.000 đồng/hồ sơ");
  // "/hồ sơ" is what the fee counts, written after each amount, not a note of its own.
  await expect(page.locator("section[aria-labelledby=le-phi]")).not.toContainText("Ghi chú chung cho mọi cách nộp");
  await page.clock.setFixedTime(new Date("2027-01-04T09:00:00+07:00"));
  await open(page, "/thu-tuc/1.013818");
  await expect(fees).toContainText("3.500.000 đồng/hồ sơ");
  await expect(fees).not.toContainText("1.750.000");
});

test("a days-off decision published after the build is fetched and counts, without a rebuild", async ({ page, context }) => {
  // The host serves a newer calendar/decisions.json with 2027's decision (a test one: Monday 4/1
  // swapped with Saturday 9/1).
  await context.route("**/calendar/decisions.json", async (route) => {
    const response = await route.fetch();
    const decisions = await response.json();
    decisions.years.push({ year: 2027, sources: ["Quyết định thử cho kiểm thử"], tet_days_off: null, national_day_adjacent: null,
      swaps: [{ day_off: "2027-01-04", work_day: "2027-01-09", reason: "Thử" }] });
    await route.fulfill({ response, json: decisions });
  });
  // Friday 25/12/2026, 7 working days: with the swap, Monday 4/1 is off → Thursday 7/1/2027.
  await page.clock.setFixedTime(new Date("2026-12-25T09:00:00+07:00"));
  await open(page, "/thu-tuc/1.004222");
  const timing = page.locator("section[aria-labelledby=thoi-han]");
  await expect(timing.locator("tbody tr").first()).toContainText("Thứ Năm, 07/01/2027");
  await expect(timing).not.toContainText("chưa được công bố");
  // The service worker's precache may be fetching the file again as the test ends.
  await context.unrouteAll({ behavior: "ignoreErrors" });
});

test("flags and corrections in the source are shown, not hidden", async ({ page }) => {
  await open(page, "/thu-tuc/1.001193");
  await expect(page.locator("section[aria-labelledby=thoi-han]")).toContainText("không ghi đơn vị");
  await expect(page.locator("section[aria-labelledby=thoi-han]")).toContainText("Không tính được");
  await expect(page.locator(".review summary")).toContainText("chưa rõ");
  await open(page, "/thu-tuc/1.013225");
  await expect(page.locator("main .notice").first()).toContainText("hoso đã sửa lỗi đã biết");
});

test("browse by life event and by field", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("link", { name: "Sinh con" }).click();
  await expect(page.locator("main h1")).toHaveText("Sinh con");
  await expect(page.locator(".procedure-list__link").first()).toHaveText("Thủ tục đăng ký khai sinh");
  expect(await axeViolations(page)).toEqual([]);
  await open(page, "/linh-vuc");
  await page.getByRole("link", { name: "Hộ tịch", exact: true }).click();
  await expect(page.locator("main h1")).toHaveText("Lĩnh vực Hộ tịch");
  expect(await axeViolations(page)).toEqual([]);
});

test("starting a dossier gives a task list and the papers, saying what is missing", async ({ page }) => {
  await open(page, "/thu-tuc/1.004194");
  await page.getByRole("link", { name: "Bắt đầu hồ sơ" }).click();
  await expect(page.locator("main h1")).toHaveText("Hồ sơ: Đăng ký tạm trú");
  await expect(page.locator(".task-list__item").first()).toContainText("Chưa bắt đầu");
  // The generic form has no declaration of its own: the catalogue's papers are all listed,
  // and the report names what is missing, briefly.
  await expect(page.locator(".report")).toContainText("Còn thiếu 2 giấy tờ: Thông tin chứng minh chỗ ở hợp pháp (trên VNeID)");
  expect((await page.locator(".report li").first().textContent()).length).toBeLessThan(300);
  await expect(page.locator(".paper").first()).toBeVisible();
  expect(await page.locator(".paper").count()).toBeGreaterThan(1);
  expect(await axeViolations(page)).toEqual([]);
});

test("a dossier's procedure and form are on their way while the app itself still downloads, and asked for once", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => { if (/\/(catalogue|forms)\//.test(r.url())) fetched.push(new URL(r.url()).pathname); });
  // The app's wasm is held back until the test lets it go: what is asked for meanwhile, the page
  // loader asked for.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/hoso-web-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto("/ho-so/1.001193-2/to-khai/nguoi-yeu-cau");
  await expect.poll(() => [...fetched].sort()).toEqual(["/catalogue/nap.json", "/catalogue/p/1.001193.json", "/forms/khai-sinh.json"]);
  release();
  await expect(page.locator("main h1")).toHaveText("Người đi đăng ký — Tờ khai đăng ký khai sinh");
  await page.waitForTimeout(300);
  expect(fetched.sort()).toEqual(["/catalogue/nap.json", "/catalogue/p/1.001193.json", "/forms/khai-sinh.json"]);
  // The app took the loader's requests, and the page keeps none of them.
  expect(await page.evaluate(() => "hosoNap" in window)).toBe(false);
});

test("an unknown procedure code gets the not-found page, and nothing is asked for it", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => { if (/\/(catalogue\/p|forms)\//.test(r.url())) fetched.push(new URL(r.url()).pathname); });
  // Also a code that is a name every JavaScript object has.
  for (const path of ["/thu-tuc/9.999999", "/ho-so/constructor", "/thu-tuc/__proto__"]) {
    await open(page, path);
    await expect(page.locator("main h1")).toHaveText("Không tìm thấy trang");
  }
  expect(fetched).toEqual([]);
});

test("the procedure page fits a 320 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page, "/thu-tuc/1.013225");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
