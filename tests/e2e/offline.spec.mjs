// Offline: after one visit, with the server gone and the browser offline, hoso still loads,
// searches, fills a declaration, checks an attached file and saves it on the device.
// Its own server (scripts/serve-dist.mjs on another port), so the test can stop it.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test, expect, open, NOW, CERTIFY } from "./fixtures.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function serve(port) {
  const server = spawn("node", ["scripts/serve-dist.mjs", "dist", String(port)], { cwd: root, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("serve-dist did not start");
}

test("after one visit, search, declaration, attachment and saving all work with the network off", async ({ browser }, info) => {
  const port = 8190 + info.workerIndex;
  const server = await serve(port);
  const maker = await browser.newPage();
  await maker.setContent("<h1>BẰNG TỐT NGHIỆP</h1>");
  const pdf = await maker.pdf({ format: "A4" });
  await maker.close();
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
