// Drafts on the device: what a person types is saved as they type and is there again after the
// tab is closed, or the page reloaded, before they pressed "Tiếp tục".
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { test, expect, open, CERTIFY, fillCertifyDeclaration, printPdf, attachToCertify, storedCount } from "./fixtures.mjs";

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

test("leaving for another page at once after typing, before the pause that saves, keeps the answer", async ({ page }) => {
  await open(page, SECTION);
  await page.locator("#f-nguoi-yeu-cau-ho-ten").fill("Trần Thị Mai");
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await page.locator("#f-nguoi-yeu-cau-dien-thoai").fill("0345678912");
  await page.goto("/"); // no pause: the save is made as the page goes (pagehide) and must not be dropped
  await page.goto(SECTION);
  await expect(page.locator("#f-nguoi-yeu-cau-ho-ten")).toHaveValue("Trần Thị Mai");
  await expect(page.locator("#f-nguoi-yeu-cau-dien-thoai")).toHaveValue("0345678912");
});

test("an attached paper is kept on the device with the dossier: after the tab is closed it is listed again, its bytes on the device the file's own; removed, it is gone from the device too", async ({ page, context, browser }) => {
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP</h1><p>Nguyễn Thị Ánh Tuyết</p>");
  const CODE = CERTIFY.code;
  await attachToCertify(page, pdf);
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu trên máy này" })).toBeVisible();
  // At the first file hoso asks the browser to keep its storage for good, and says what it answered.
  await expect(page.locator("main")).toContainText(/Trình duyệt (đã đồng ý giữ hồ sơ|có thể tự xoá dữ liệu khi máy thiếu bộ nhớ)/);
  await page.close();

  const again = await context.newPage();
  await again.goto(`/ho-so/${CODE}`);
  const restored = again.locator("li.paper").first();
  await expect(restored).toContainText("Bằng tốt nghiệp.pdf");
  // The bytes on the device are the file's own (read back from the browser's database).
  const sha = (b) => createHash("sha256").update(b).digest("hex");
  const stored = await again.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open("hoso");
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const all = req.result.transaction("tep").objectStore("tep").getAll();
      all.onsuccess = async () => resolve(await Promise.all(all.result.map(async (b) => Array.from(new Uint8Array(await b.arrayBuffer())))));
    };
  }));
  expect(stored.map((b) => sha(Buffer.from(b)))).toEqual([sha(pdf)]);

  await restored.getByRole("button", { name: /^Xoá/ }).click();
  await expect(restored).not.toContainText("Bằng tốt nghiệp.pdf");
  await expect(again.getByRole("status").filter({ hasText: "Đã lưu trên máy này" })).toBeVisible();
  await again.reload();
  await expect(again.locator("main h1")).toBeVisible();
  await expect(again.locator("li.paper").first()).not.toContainText("Bằng tốt nghiệp.pdf");
  const left = await again.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = () => {
      const n = req.result.transaction("tep").objectStore("tep").count();
      n.onsuccess = () => resolve(n.result);
    };
  }));
  expect(left, "a file no dossier needs is deleted from the device").toBe(0);
});

test("two tabs on the same dossier never overwrite each other silently: the older one says so and saves nothing", async ({ page, context }) => {
  const first = page;
  await open(first, SECTION);
  const second = await context.newPage();
  await open(second, SECTION);
  await second.locator("#f-nguoi-yeu-cau-ho-ten").fill("Lê Thị Hoa");
  await expect(second.locator(".save-line")).toContainText("Đã lưu trên máy này");
  // The first tab still shows the dossier as it read it: it is told, and its typing is not saved.
  await expect(first.locator(".save-line")).toContainText("vừa được sửa ở một thẻ (cửa sổ) khác");
  await first.locator("#f-nguoi-yeu-cau-ho-ten").fill("Phạm Văn Nam");
  await first.waitForTimeout(800); // past the save's quiet time
  await expect(first.locator(".save-line")).toContainText("chưa được lưu");
  await first.close();
  // What the second tab saved is what the device holds.
  const third = await context.newPage();
  await open(third, SECTION);
  await expect(third.locator("#f-nguoi-yeu-cau-ho-ten")).toHaveValue("Lê Thị Hoa");
});

/** Starts Debian's Chromium on a profile directory, as a phone's browser keeps one, and connects. */
async function launch(profile) {
  const proc = spawn(process.env.HOSO_CHROMIUM || "/usr/bin/chromium", [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", `--user-data-dir=${profile}`,
    "--remote-debugging-port=0", "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  const ws = await new Promise((resolve, reject) => {
    let text = "";
    proc.stderr.on("data", (d) => {
      text += d;
      const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    proc.on("exit", () => reject(new Error(`chromium ended: ${text}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  return { proc, browser, context: browser.contexts()[0] };
}

/** SIGKILL to the browser and all its processes at once, as a phone ends an app. */
async function kill(proc) {
  const exited = new Promise((r) => proc.once("exit", r));
  process.kill(-proc.pid, "SIGKILL");
  await exited;
  await new Promise((r) => setTimeout(r, 300)); // the helpers' ends
}

test("killing the browser outright (as a phone ends an app) loses nothing saved: answers and the attached file come back", async ({ browser: maker }, info) => {
  test.setTimeout(120_000); // two browser starts on a 2-core machine
  const profile = mkdtempSync(join(tmpdir(), "hoso-profile-"));
  const base = info.project.use.baseURL;
  const pdf = await printPdf(maker, "<h1>CĂN CƯỚC</h1>");
  try {
    let { proc, context } = await launch(profile);
    let page = await context.newPage();
    // The declaration (answers saved as typed), then its one paper.
    await page.goto(`${base}/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
    for (const [label, value] of Object.entries(CERTIFY.answers)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel("Không, do cơ quan Việt Nam cấp").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
    await page.goto(`${base}/ho-so/${CERTIFY.code}`);
    const card = page.locator("li.paper").first();
    await card.getByLabel(/^Chọn tệp/).setInputFiles({ name: "can-cuoc.pdf", mimeType: "application/pdf", buffer: pdf });
    await expect(card.locator(".files__name")).toHaveText("can-cuoc.pdf", { timeout: 30_000 });
    await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");
    await kill(proc); // no unload, no pagehide: the browser is gone

    ({ proc, context } = await launch(profile));
    page = await context.newPage();
    await page.goto(`${base}/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
    // (The name comes back as "Tiếp tục" wrote it: capitalised.)
    for (const [label, value] of Object.entries(CERTIFY.answers)) await expect(page.getByLabel(label, { exact: true })).toHaveValue(new RegExp(`^${value}$`, "i"));
    await page.goto(`${base}/ho-so/${CERTIFY.code}`);
    await expect(page.locator("li.paper").first().locator(".files__name")).toHaveText("can-cuoc.pdf");
    const stored = await page.evaluate(() => new Promise((resolve) => {
      const req = indexedDB.open("hoso");
      req.onsuccess = () => {
        const all = req.result.transaction("tep").objectStore("tep").getAll();
        all.onsuccess = async () => resolve(await Promise.all(all.result.map(async (b) => Array.from(new Uint8Array(await b.arrayBuffer())))));
      };
    }));
    const sha = (b) => createHash("sha256").update(b).digest("hex");
    expect(stored.map((b) => sha(Buffer.from(b)))).toEqual([sha(pdf)]);
    await kill(proc);
  } finally {
    rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
  }
});

test("a draft nobody changed for longer than 30 days is deleted at the next visit, and the person is told", async ({ page }) => {
  await open(page, SECTION);
  await page.locator("#f-nguoi-yeu-cau-ho-ten").fill("Đặng Văn Lâm");
  await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");
  // The record as the device keeps it, last changed on 20/10/2026 (36 days before the test's today).
  const store = (f) => page.evaluate(`new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = () => { const s = req.result.transaction("ho-so", "readwrite").objectStore("ho-so"); (${f})(s, resolve); };
  })`);
  await store(`(s, done) => { const all = s.getAll(); all.onsuccess = () => { const d = JSON.parse(all.result[0]); d.changed = "2026-10-20T09:00:00+07:00"; const put = s.put(JSON.stringify(d), d.id); put.onsuccess = () => done(); }; }`);
  await open(page, "/ho-so");
  await expect(page.locator("main")).toContainText("Các hồ sơ sau không được sửa trong 30 ngày nên hoso đã xoá khỏi máy này");
  await expect(page.locator("main")).toContainText(/(Thủ tục đăng ký khai sinh|Thủ tục 1\.001193) \(sửa lần cuối ngày 20\/10\/2026\)/);
  await expect(page.locator(".my-dossier")).toHaveCount(0);
  expect(await store(`(s, done) => { const n = s.count(); n.onsuccess = () => done(n.result); }`)).toBe(0);
});

test("'Không lưu trên máy này' keeps the dossier in the page only, warns before closing, and lasts for the session", async ({ page, browser }, info) => {
  await open(page, "/ho-so/1.001193");
  await page.getByLabel(/^Không lưu trên máy này/).check();
  await open(page, SECTION);
  await page.locator("#f-nguoi-yeu-cau-ho-ten").fill("Hoàng Văn Thụ");
  await expect(page.locator(".save-line")).toContainText("Không lưu trên máy này: thông tin chỉ còn đến khi bạn đóng trang");
  const records = () => page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = () => { const n = req.result.transaction("ho-so").objectStore("ho-so").count(); n.onsuccess = () => { req.result.close(); resolve(n.result); }; };
  }));
  expect(await records()).toBe(0);
  // Leaving asks first (the browser's own "leave this page?").
  let asked = false;
  page.on("dialog", async (d) => { asked = d.type() === "beforeunload"; await d.accept(); });
  await page.getByRole("link", { name: "Trang chủ", exact: true }).click(); // in-app: nothing lost, nothing asked
  await page.goto("/ho-so/1.001193");
  expect(asked, "the browser asked before leaving").toBe(true);
  // The choice lasts for the session; the answer was not kept.
  await expect(page.getByLabel(/^Không lưu trên máy này/)).toBeChecked();
  await open(page, SECTION);
  await expect(page.locator("#f-nguoi-yeu-cau-ho-ten")).toHaveValue("");
  expect(await records()).toBe(0);
  // A new session starts with the usual saving.
  const other = await browser.newContext({ baseURL: info.project.use.baseURL });
  const fresh = await other.newPage();
  await open(fresh, "/ho-so/1.001193");
  await expect(fresh.getByLabel(/^Không lưu trên máy này/)).not.toBeChecked();
  await other.close();
});

test("a dossier started before its procedure changed opens with what changed: papers, fee, time limit, form", async ({ page }) => {
  await open(page, SECTION);
  await page.locator("#f-nguoi-yeu-cau-ho-ten").fill("Bùi Thị Xuân");
  await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");
  await open(page, "/ho-so/1.001193"); // the dossier now follows the procedure as published
  // As if the dossier had been started on an older catalogue: one paper that is gone, another fee.
  await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = () => {
      const s = req.result.transaction("ho-so", "readwrite").objectStore("ho-so");
      const all = s.getAll();
      all.onsuccess = () => {
        const d = JSON.parse(all.result[0]);
        d.basis.papers = [...d.basis.papers.slice(1), "Sổ hộ khẩu (bản sao)"];
        d.basis.fees = ["5.000 đồng"];
        d.basis.form.version -= 1; // and answered an older version of the declaration
        s.put(JSON.stringify(d), d.id).onsuccess = () => resolve();
      };
    };
  }));
  await page.reload();
  const notice = page.getByRole("status").filter({ hasText: "Thủ tục này đã thay đổi từ khi bạn bắt đầu hồ sơ" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Cần thêm giấy tờ:");
  await expect(notice).toContainText("Không còn cần: Sổ hộ khẩu (bản sao).");
  await expect(notice).toContainText("Phí, lệ phí đổi từ «5.000 đồng» thành");
  await expect(notice).not.toContainText("Thời hạn giải quyết");
  await expect(notice).toContainText("Mẫu tờ khai đã được cập nhật: hãy xem lại từng phần của tờ khai.");
  await notice.getByRole("button", { name: "Đã hiểu" }).click();
  await expect(notice).toHaveCount(0);
  // Seen is kept with the dossier on the device (the save has committed) before the reload.
  const basisFees = () => page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = () => {
      const all = req.result.transaction("ho-so").objectStore("ho-so").getAll();
      all.onsuccess = () => { req.result.close(); resolve(JSON.parse(all.result[0]).basis.fees); };
    };
  }));
  await expect.poll(basisFees).not.toEqual(["5.000 đồng"]);
  await page.reload();
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Thủ tục này đã thay đổi" })).toHaveCount(0);
  await open(page, SECTION);
  await expect(page.locator("#f-nguoi-yeu-cau-ho-ten")).toHaveValue("Bùi Thị Xuân");
});

test("a reload in the middle of a file check loses nothing saved and leaves no half-attached file", async ({ page, browser }) => {
  const small = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP</h1>");
  // 8 MB: its check takes a moment (whatever it would find, the reload comes first).
  const pdf = Buffer.concat([small.subarray(0, 9), Buffer.from("%" + "x".repeat(8 * 1024 * 1024) + "\n"), small.subarray(9)]);
  await fillCertifyDeclaration(page);
  await open(page, `/ho-so/${CERTIFY.code}`);
  const card = () => page.locator("li.paper").first();
  await card().getByLabel(/^Chọn tệp/).setInputFiles({ name: "bang-quet.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.reload(); // while the file is being checked
  await expect(page.locator("main h1")).toBeVisible();
  await expect(card().locator(".files__item")).toHaveCount(0);
  const tep = await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = () => { const n = req.result.transaction("tep").objectStore("tep").count(); n.onsuccess = () => resolve(n.result); };
  }));
  expect(tep, "no file half-kept on the device").toBe(0);
  // The declaration is as it was, and the file can be chosen again.
  await expect(page.locator(".task-list__item").first()).toContainText("Đã xong");
  await card().getByLabel(/^Chọn tệp/).setInputFiles({ name: "bang.pdf", mimeType: "application/pdf", buffer: small });
  await expect(card().locator(".files__name")).toHaveText("bang.pdf", { timeout: 30_000 });
});

/** A photo-sized JPEG of noise (it does not compress: each is a few MB), different for each seed. */
async function noiseJpeg(browser, seed) {
  const maker = await browser.newPage();
  const base64 = await maker.evaluate(async (seed) => {
    const side = 2000;
    const canvas = new OffscreenCanvas(side, side);
    const cx = canvas.getContext("2d");
    const img = cx.createImageData(side, side);
    let s = seed;
    for (let i = 0; i < img.data.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      img.data[i] = i % 4 === 3 ? 255 : (s >> 16) & 255;
    }
    cx.putImageData(img, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.9 })).arrayBuffer());
    let bin = "";
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }, seed);
  await maker.close();
  return Buffer.from(base64, "base64");
}

test("a device whose storage is full: a clear message with what to do, nothing already saved is lost, and removing a file lets saving go on", async ({ browser: maker }, info) => {
  test.setTimeout(150_000);
  // The browser's profile on a 24 MB disk of its own: after the browser's own files, room for a few photos.
  const profile = mkdtempSync(join(tmpdir(), "hoso-small-disk-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: new URL("./small-disk-chromium.sh", import.meta.url).pathname,
    env: { ...process.env, HOSO_DISK_MB: "24" },
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    baseURL: info.project.use.baseURL,
    serviceWorkers: "block", // the app shell's cache would take room at a moment of its own choosing
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  try {
    const page = await context.newPage();
    await fillCertifyDeclaration(page);
    await page.goto(`/ho-so/${CERTIFY.code}`);
    const card = page.locator("li.paper").first();
    const line = page.locator(".save-line");
    // Photos of the paper, one after another, until the device has no room for the next.
    let saved = 0;
    for (let i = 1; i <= 8; i++) {
      const photo = await noiseJpeg(maker, i);
      await card.getByLabel(/^Chọn tệp/).setInputFiles({ name: `trang-${i}.jpg`, mimeType: "image/jpeg", buffer: photo });
      await expect(card.locator(".files__name").filter({ hasText: `trang-${i}.jpg` })).toBeVisible({ timeout: 30_000 });
      // Saved (the device holds i files) or refused (the line says the storage is full).
      const outcome = async () => ((await line.textContent()).includes("đã đầy") ? "full" : `${await storedCount(page, "tep")} saved`);
      await expect.poll(outcome, { timeout: 30_000 }).toMatch(new RegExp(`^(full|${i} saved)$`));
      if ((await outcome()) === "full") break;
      saved = i;
    }
    expect(saved, "some photos fit before the disk was full").toBeGreaterThan(0);
    expect(saved, "the disk filled up").toBeLessThan(8);
    // The message says what happened and what to do; the photo just chosen is still on the page.
    await expect(line).toContainText("Những gì đã lưu trước đó vẫn còn");
    await expect(line).toContainText("Hãy xoá bớt ảnh hoặc tệp lớn");
    await expect(line).toContainText("lưu hồ sơ ra tệp");
    await expect(card.locator(".files__name")).toHaveCount(saved + 1);

    // Removing a photo frees room: the dossier is saved again, with the photo kept.
    await card.getByRole("button", { name: /^Xoá.*trang-1\.jpg/ }).click();
    await expect(line).toContainText("Đã lưu trên máy này");
    await page.reload();
    await expect(page.locator("main h1")).toBeVisible();
    await expect(card.locator(".files__name")).toHaveCount(saved);
    await expect(card.locator(".files__name").filter({ hasText: `trang-${saved + 1}.jpg` })).toBeVisible();
    await page.goto(`/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
    await expect(page.getByLabel("Số bản sao cần chứng thực", { exact: true })).toHaveValue(CERTIFY.answers["Số bản sao cần chứng thực"]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
  }
});

test("what is typed on a section and left by a link, without 'Tiếp tục', even at once, is there on coming back and after a reload", async ({ page }) => {
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  const paper = page.getByLabel("Tên giấy tờ cần chứng thực", { exact: true });
  await paper.fill("Học bạ");
  await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");
  // A change and the link at once, sooner than the pause a save waits for. The task list the link
  // opens saves the dossier too (the first time, it notes the procedure as seen): the change must
  // be saved first, not dropped.
  await paper.fill("Học bạ lớp 12");
  await page.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();
  await expect(page.getByText("Đang làm")).toBeVisible();
  await page.getByRole("link", { name: "Giấy tờ cần chứng thực" }).click();
  await expect(paper).toHaveValue("Học bạ lớp 12");
  // And on the device, not only in the page.
  await page.reload();
  await expect(paper).toHaveValue("Học bạ lớp 12");
});
