// Offline: after one visit, with the server gone and the browser offline, hoso still loads,
// searches, fills a declaration, checks an attached file and saves it on the device.
// Its own server (scripts/serve-dist.mjs on another port), so the test can stop it.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, open, NOW, CERTIFY, printPdf, attachToCertify } from "./fixtures.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** serve-dist.mjs on `port` for the bundle in `dir`, once it answers. */
async function serve(port, dir = "dist") {
  const server = spawn("node", ["scripts/serve-dist.mjs", dir, String(port)], { cwd: root, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("serve-dist did not start");
}

test("after one visit, search, declaration, attachment and saving all work with the network off", async ({ browser }, info) => {
  const port = 8190 + info.workerIndex;
  const server = await serve(port);
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP</h1>");
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.clock.setFixedTime(NOW);
    // One visit: the home page, then the dossier's declaration (its procedure and form are kept as
    // they are used). The service worker takes the page over once it has installed.
    await open(page, "/");
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
    const shell = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("hoso-shell-")));
    expect(shell).toHaveLength(1);

    // The network goes: the server stops and the browser is offline.
    server.kill();
    await context.setOffline(true);

    await page.reload();
    await expect(page.locator("main h1")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Đang không có mạng. hoso vẫn dùng được" })).toBeVisible();
    for (const [label, value] of Object.entries(CERTIFY.answers)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel("Không, do cơ quan Việt Nam cấp").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");

    // Attach a PDF: the file checker (a worker) comes from the cache too.
    await page.goto(`/ho-so/${CERTIFY.code}`);
    const card = page.locator("li.paper").first();
    await card.getByLabel(/^Chọn tệp/).setInputFiles({ name: "ban-chinh.pdf", mimeType: "application/pdf", buffer: pdf });
    await expect(card.locator(".files__name")).toHaveText("ban-chinh.pdf", { timeout: 30_000 });
    await expect(page.locator(".save-line")).toContainText("Đã lưu trên máy này");

    // Search from the home page (the small browse app and the catalogue index, both cached).
    await page.goto("/");
    await page.getByRole("searchbox").fill("chung thuc ban sao");
    await expect(page.locator("main")).toContainText("Chứng thực bản sao từ bản chính");

    // Still offline, a reload brings the dossier back from the device.
    await page.goto(`/ho-so/${CERTIFY.code}`);
    await expect(page.locator("li.paper").first().locator(".files__name")).toHaveText("ban-chinh.pdf");
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    server.kill();
  }
});

test("a new version waits and is offered; it takes over only when the person presses 'Cập nhật', keeping the code the old one had kept", async ({ browser }, info) => {
  // A copy of the bundle whose service worker will change (the files are links to dist's).
  const dir = mkdtempSync(join(tmpdir(), "hoso-dist-"));
  execFileSync("cp", ["-rs", join(root, "dist") + "/.", dir]);
  const port = 8290 + info.workerIndex;
  const server = await serve(port, dir);
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    const name = CERTIFY.answers["Tên giấy tờ cần chứng thực"];
    await page.getByLabel("Tên giấy tờ cần chứng thực", { exact: true }).fill(name);
    // The package maker is kept on this device (as a first export, or "Tải để dùng khi không có
    // mạng", keeps it); the QR reader is not.
    await page.evaluate(() => Promise.all(["hoso-export_loader.js?v=1", "hoso-export.js", "hoso-export_bg.wasm"].map((p) => fetch(p))));
    const kept = (shell, file) => page.evaluate(async ([shell, file]) => {
      const name = shell || (await caches.keys()).find((k) => k.startsWith("hoso-shell-"));
      return !!(await (await caches.open(name)).match(file, { ignoreSearch: true }));
    }, [shell, file]);
    await expect.poll(() => kept(null, "hoso-export_bg.wasm")).toBe(true);

    // A new build is deployed: its service worker differs.
    const sw = join(dir, "sw.js");
    const text = readFileSync(sw, "utf8");
    for (const f of [sw, `${sw}.br`, `${sw}.gz`]) rmSync(f); // (the server prefers the compressed copies)
    writeFileSync(sw, text.replace(/const SHELL = "hoso-shell-[0-9a-f]+"/, 'const SHELL = "hoso-shell-moi"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(page.getByRole("status").filter({ hasText: "Có phiên bản mới của hoso" })).toBeVisible({ timeout: 20_000 });
    // Waiting: the page is as it was, the old version in charge.
    await expect(page.getByLabel("Tên giấy tờ cần chứng thực", { exact: true })).toHaveValue(name);
    expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("hoso-shell-")).length)).toBe(2);

    await page.getByRole("button", { name: "Cập nhật" }).click();
    await page.waitForFunction(async () => {
      const keys = await caches.keys();
      return keys.includes("hoso-shell-moi") && keys.filter((k) => k.startsWith("hoso-shell-")).length === 1;
    }, null, { timeout: 20_000 });
    await expect(page.locator("main h1")).toBeVisible();
    // The new version fetched again what the old one had kept, and only that.
    for (const file of ["hoso-export_loader.js", "hoso-export.js", "hoso-export_bg.wasm"]) expect(await kept("hoso-shell-moi", file), file).toBe(true);
    expect(await kept("hoso-shell-moi", "hoso-qr_bg.wasm")).toBe(false);
    // What was typed is still there after the reload (saved on the device).
    await expect(page.getByLabel("Tên giấy tờ cần chứng thực", { exact: true })).toHaveValue(name);
    await expect(page.getByRole("status").filter({ hasText: "Có phiên bản mới của hoso" })).toHaveCount(0);
  } finally {
    await context.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("'Tải để dùng khi không có mạng' keeps the whole catalogue and the package maker: a procedure never opened opens, and a first export is made, offline", async ({ browser }, info) => {
  test.setTimeout(300_000); // 2,600 files through the service worker on a 2-core machine
  const port = 8390 + info.workerIndex;
  const server = await serve(port);
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP</h1>");
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await open(page, "/ho-so");
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await page.reload(); // (the button is offered where a service worker keeps what is fetched)
    await page.getByRole("button", { name: "Tải để dùng khi không có mạng" }).click();
    await expect(page.locator("progress")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Đã tải xong" })).toBeVisible({ timeout: 200_000 });

    server.kill();
    await context.setOffline(true);
    await page.goto("/thu-tuc/1.004222");
    await expect(page.locator("main h1")).toHaveText("Đăng ký thường trú");
    await page.goto("/ho-so/1.004222/to-khai/thanh-vien");
    await expect(page.locator("main h1")).toContainText("Những thành viên trong hộ gia đình");

    // This device never exported: the package maker and the declaration's fonts were downloaded too.
    await attachToCertify(page, pdf);
    await page.goto(`/ho-so/${CERTIFY.code}/kiem-tra`);
    // (Without them: "Không tải được phông chữ để in tờ khai", and no package.)
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "Xuất hồ sơ (.zip)" }).click()]);
    expect(download.suggestedFilename()).toBe(`ho-so-${CERTIFY.code}-nguyen-thi-anh-tuyet.zip`);
    expect(await download.failure()).toBeNull();
  } finally {
    await context.close();
    server.kill();
  }
});
