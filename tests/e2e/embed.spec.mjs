// hoso inside a portal (README, "Embedding in a portal"): the release bundle served under a path
// (http://localhost:P1/dich-vu/hoso/) with an embed.json that allows the portal; the example host
// page (examples/portal/) frames it from http://127.0.0.1:P2, another site, as a portal hosted
// elsewhere would, and from http://localhost:P2, another origin of hoso's own site, as
// dichvucong.gov.vn would frame hoso.dichvucong.gov.vn. A third origin is ignored and cannot frame
// hoso. The package the portal receives is checked by the portal (SHA-256), by Debian's age and by
// `hoso package verify`.
import { test, expect } from "@playwright/test";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NOW, CERTIFY, printPdf } from "./fixtures.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = `${root}/target/debug/hoso`;
const BASE = "/dich-vu/hoso/";

function run(program, args, options = {}) {
  const r = spawnSync(program, args, { encoding: "utf8", ...options });
  expect(r.error, `${program} is installed by scripts/setup.sh`).toBeUndefined();
  return r;
}

async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/** The portal's web server: the example host page, on every local address (reached as
 *  http://127.0.0.1:P, another site than hoso's, and as http://localhost:P, hoso's site).
 *  `/ben-thu-ba.html` is a page that tries to drive hoso (served by the third origin's server). */
function servePortal() {
  const dir = join(root, "examples/portal");
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };
  const intruder = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Bên thứ ba</title><script>
    parent.frames[0].postMessage({ type: "hoso:init", v: 1, procedure: "1.001193", prefill: { "yeu-cau.ho-ten": "Kẻ Giả Mạo" } }, "*");
  </script>`;
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/ben-thu-ba.html") return res.writeHead(200, { "content-type": types[".html"] }).end(intruder);
    const name = path === "/" ? "index.html" : path.slice(1);
    if (!/^[a-z]+\.(html|js)$/.test(name)) return res.writeHead(404).end();
    try {
      res.writeHead(200, { "content-type": types[extname(name)] }).end(readFileSync(join(dir, name)));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, () => ok(server)));
}

/** The release bundle under BASE with an embed.json allowing `origins`, by the project's server. */
async function serveHoso(origins) {
  const dir = mkdtempSync(join(tmpdir(), "hoso-e2e-embed-"));
  const config = join(dir, "embed.json");
  writeFileSync(config, JSON.stringify({ v: 1, origins }));
  const port = await freePort();
  const child = spawn("node", ["scripts/serve-dist.mjs", "dist", String(port), "--embed", config, "--base", BASE], { cwd: root });
  await new Promise((ok, fail) => {
    child.stdout.on("data", (d) => String(d).includes("hoso (dist) at") && ok());
    child.on("exit", (code) => fail(new Error(`serve-dist exited ${code}`)));
  });
  return { url: `http://localhost:${port}${BASE}`, local: `http://127.0.0.1:${port}${BASE}`, config, child };
}

let portal, other, hoso, portalOrigin, sameSite, third;
test.beforeAll(async () => {
  [portal, other] = [await servePortal(), await servePortal()];
  portalOrigin = `http://127.0.0.1:${portal.address().port}`;
  sameSite = `http://localhost:${portal.address().port}`;
  third = `http://127.0.0.1:${other.address().port}`;
  hoso = await serveHoso([portalOrigin, sameSite]);
});
test.afterAll(async () => {
  hoso?.child.kill();
  portal?.close();
  other?.close();
});

/** Console errors and uncaught exceptions of the page and its frames, as the shared fixture
 *  counts them; the warnings are kept to read. */
function watch(page) {
  const seen = { problems: [], warnings: [] };
  page.on("console", (m) => {
    if (m.type() === "error") seen.problems.push(`console error: ${m.text()}`);
    if (m.type() === "warning") seen.warnings.push(m.text());
  });
  page.on("pageerror", (e) => seen.problems.push(`uncaught: ${e.message}`));
  return seen;
}

async function openPortal(page, params, at = portalOrigin) {
  await page.clock.setFixedTime(NOW);
  const query = new URLSearchParams({ hoso: hoso.url, ...params });
  await page.goto(`${at}/?${query}`);
  return page.frameLocator("#hoso");
}

const received = (page, type) => page.evaluate((type) => window.portalReceived.filter((m) => m.type === type).map(({ blob, ...rest }) => rest), type);

test("the server sends the frame-ancestors header that `hoso embed header` prints for the same embed.json", async () => {
  const printed = run(cli, ["embed", "header", hoso.config]);
  expect(printed.status, printed.stderr).toBe(0);
  const { value } = JSON.parse(printed.stdout);
  expect(value).toBe(`frame-ancestors 'self' ${portalOrigin} ${sameSite}`);
  for (const path of ["", "ho-so/2.000815"]) {
    const response = await fetch(hoso.local + path);
    expect(response.headers.get("content-security-policy")).toBe(value);
  }
});

test("a portal asks for English in hoso:init: hoso starts again in English, says hoso:ready again and still takes the portal's answers", async ({ page }) => {
  const seen = watch(page);
  const frame = await openPortal(page, { procedure: CERTIFY.code, lang: "en" }, sameSite);
  await expect(frame.locator("html")).toHaveAttribute("lang", "en");
  // The dossier the init named, its page in English (the procedure's name as published).
  await expect(frame.locator("main h1")).toContainText(/^Application: Chứng thực bản sao/);
  await expect.poll(async () => (await received(page, "hoso:ready")).length).toBe(2);
  const en = JSON.parse(readFileSync(join(root, "public/i18n/en.json"), "utf8"));
  await frame.getByRole("link", { name: en["form.yeu-cau-chung-thuc-ban-sao.yeu-cau.title"] }).click();
  await expect(frame.getByLabel(en["form.yeu-cau-chung-thuc-ban-sao.yeu-cau.ho-ten.label"], { exact: true })).toHaveValue("Nguyễn Thị Ánh Tuyết");
  // Asked again for English (the portal answers every hoso:ready), hoso did not start a third time.
  expect((await received(page, "hoso:ready")).length).toBe(2);
  expect(seen.problems).toEqual([]);
});

test("a portal of hoso's site frames it under its path: the procedure opens, the portal's answers are filled and marked, the frame follows the content's height, saves are told", async ({ page }) => {
  const seen = watch(page);
  const frame = await openPortal(page, { procedure: CERTIFY.code }, sameSite);
  await expect(frame.locator("main h1")).toContainText("Chứng thực bản sao");
  expect(new URL(await page.frames()[1].url()).pathname).toMatch(new RegExp(`^${BASE}ho-so/${CERTIFY.code.replace(".", "\\.")}`));
  expect((await received(page, "hoso:ready"))[0]).toEqual({ type: "hoso:ready", v: 1, locales: ["vi", "en"] });
  await frame.getByRole("link", { name: "Giấy tờ cần chứng thực" }).click();
  const name = frame.getByLabel("Họ, chữ đệm và tên người yêu cầu", { exact: true });
  await expect(name).toHaveValue("Nguyễn Thị Ánh Tuyết");
  await expect(frame.locator(".hint--given")).toHaveText("Cổng Dịch vụ công đã điền sẵn. Hãy kiểm tra, sửa nếu chưa đúng.");
  // The portal's brand colour, applied inside hoso.
  const brand = await frame.locator("html").evaluate((h) => getComputedStyle(h).getPropertyValue("--hoso-color-brand").trim());
  expect(brand).toBe("#a50e0e");
  // The frame is as tall as hoso's content: no second scroll bar inside the page.
  await expect(async () => {
    const inner = await frame.locator("body").evaluate((b) => ({ content: b.ownerDocument.documentElement.scrollHeight, view: innerHeight }));
    const last = (await received(page, "hoso:resize")).at(-1);
    expect(last.height).toBeGreaterThan(200);
    expect(await page.locator("#hoso").evaluate((f) => f.clientHeight)).toBe(last.height);
    expect(inner.content).toBeLessThanOrEqual(inner.view + 1);
  }).toPass();
  // A change the person makes is hers: the mark goes.
  await name.fill("Nguyễn Thị Ánh");
  await expect(frame.locator(".hint--given")).toHaveCount(0);
  // Each save is told, without any of its content.
  await expect.poll(async () => (await received(page, "hoso:draft-saved")).length).toBeGreaterThan(0);
  const saved = (await received(page, "hoso:draft-saved")).at(-1);
  expect(Object.keys(saved).sort()).toEqual(["dossier", "procedure", "saved_at", "type"]);
  expect(saved.procedure).toBe(CERTIFY.code);
  expect(seen.problems).toEqual([]);
});

test("at a shared computer, the next person signed in to the portal gets a new dossier, never the previous person's; the first gets theirs back", async ({ page }) => {
  const seen = watch(page);
  const open = async (person) => {
    const frame = await openPortal(page, { procedure: CERTIFY.code, "ho-ten": person }, sameSite);
    await frame.getByRole("link", { name: "Giấy tờ cần chứng thực" }).click();
    return frame;
  };
  let frame = await open("Nguyễn Văn An");
  await expect(frame.getByLabel("Họ, chữ đệm và tên người yêu cầu", { exact: true })).toHaveValue("Nguyễn Văn An");
  // Saved on the device once the portal's answer is, and again with what An typed.
  await expect.poll(async () => (await received(page, "hoso:draft-saved")).length).toBeGreaterThan(0);
  const before = (await received(page, "hoso:draft-saved")).length;
  await frame.getByLabel("Tên giấy tờ cần chứng thực", { exact: true }).fill("Bằng tốt nghiệp của An");
  await expect.poll(async () => (await received(page, "hoso:draft-saved")).length).toBeGreaterThan(before);
  frame = await open("Trần Thị Bình");
  await expect(frame.getByLabel("Họ, chữ đệm và tên người yêu cầu", { exact: true })).toHaveValue("Trần Thị Bình");
  await expect(frame.getByLabel("Tên giấy tờ cần chứng thực", { exact: true })).toHaveValue("");
  frame = await open("Nguyễn Văn An");
  await expect(frame.getByLabel("Họ, chữ đệm và tên người yêu cầu", { exact: true })).toHaveValue("Nguyễn Văn An");
  await expect(frame.getByLabel("Tên giấy tờ cần chứng thực", { exact: true })).toHaveValue("Bằng tốt nghiệp của An");
  expect(seen.problems).toEqual([]);
});

test("the package made in the frame reaches the portal intact, sealed to its key; the rating and the close are told", async ({ page, browser }) => {
  const seen = watch(page);
  const dir = mkdtempSync(join(tmpdir(), "hoso-e2e-embed-package-"));
  expect(run("age-keygen", ["-o", join(dir, "khoa.txt")]).status).toBe(0);
  const recipient = readFileSync(join(dir, "khoa.txt"), "utf8").match(/# public key: (age1\w+)/)[1];
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG</h1><p>Cấp cho: Nguyễn Thị Ánh Tuyết</p>");
  const frame = await openPortal(page, { procedure: CERTIFY.code, recipient });
  await frame.getByRole("link", { name: "Giấy tờ cần chứng thực" }).click();
  await expect(frame.getByLabel("Họ, chữ đệm và tên người yêu cầu", { exact: true })).toHaveValue("Nguyễn Thị Ánh Tuyết");
  for (const [label, value] of Object.entries(CERTIFY.answers).slice(1)) await frame.getByLabel(label, { exact: true }).fill(value);
  await frame.getByLabel("Không, do cơ quan Việt Nam cấp").check();
  await frame.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(frame.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
  await frame.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();
  const card = frame.locator("li.paper").first();
  await card.getByLabel(/^Chọn tệp/).setInputFiles({ name: "Bằng tốt nghiệp.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(card).toHaveAttribute("data-checked", "1", { timeout: 60_000 });
  await frame.getByRole("link", { name: "Kiểm tra câu trả lời" }).click();
  // The portal's key is already there; the person only exports.
  await expect(frame.getByLabel("Khoá công khai của cơ quan tiếp nhận")).toHaveValue(recipient);
  await frame.getByRole("button", { name: "Xuất hồ sơ (.zip)" }).click();
  await expect(page.locator("#ket-qua")).toContainText("mã kiểm tra SHA-256 khớp", { timeout: 60_000 });
  await expect(frame.getByText("Gói hồ sơ đã được chuyển cho Cổng Dịch vụ công.")).toBeVisible();
  const [ready] = await received(page, "hoso:package-ready");
  expect(ready).toMatchObject({ procedure: CERTIFY.code, sealed: true, name: `ho-so-${CERTIFY.code}-nguyen-thi-anh-tuyet.zip.age` });
  // The portal's copy: opened by Debian's age with the agency's key, verified by hoso's CLI.
  const bytes = await page.evaluate(async () => btoa(String.fromCharCode(...new Uint8Array(await window.portalPackage.blob.arrayBuffer()))));
  writeFileSync(join(dir, "goi.zip.age"), Buffer.from(bytes, "base64"));
  const opened = run("age", ["-d", "-i", join(dir, "khoa.txt"), "-o", join(dir, "goi.zip"), join(dir, "goi.zip.age")]);
  expect(opened.status, opened.stderr).toBe(0);
  const verified = run(cli, ["package", "verify", join(dir, "goi.zip")], { cwd: root });
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  // The rating, as the portal's satisfaction survey receives it.
  await frame.getByLabel("Hài lòng", { exact: true }).check();
  await frame.getByLabel("Chạy chậm").check();
  await frame.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(frame.getByText("Bạn đã đánh giá: Hài lòng.")).toBeVisible();
  const [rating] = await received(page, "hoso:rating");
  expect(rating.rating).toMatchObject({ level: "satisfied", reasons: ["slow"] });
  expect(rating.procedure).toBe(CERTIFY.code);
  await frame.getByRole("button", { name: "Quay lại Cổng Dịch vụ công" }).click();
  await expect(page.locator("#ket-qua")).toHaveText("Bạn đã hoàn tất chuẩn bị hồ sơ.");
  await expect(page.locator("#hoso")).toBeHidden();
  expect(seen.problems).toEqual([]);
});

test("a message from a third origin is ignored and logged; a page the deployment did not allow cannot frame hoso", async ({ page, context }) => {
  const seen = watch(page);
  const frame = await openPortal(page, { procedure: CERTIFY.code });
  await expect(frame.locator("main h1")).toContainText("Chứng thực bản sao");
  await page.evaluate((src) => document.body.append(Object.assign(document.createElement("iframe"), { src, title: "bên thứ ba" })), `${third}/ben-thu-ba.html`);
  await expect.poll(() => seen.warnings.find((w) => w.includes(`Bỏ qua tin nhắn từ ${third}`))).toBeTruthy();
  await expect(frame.locator("main h1"), "hoso stays on the portal's procedure").toContainText("Chứng thực bản sao");
  expect(seen.problems).toEqual([]);

  // The same host page on the third origin: the browser refuses to frame hoso (frame-ancestors).
  const elsewhere = await context.newPage();
  const refused = watch(elsewhere);
  await openPortal(elsewhere, { procedure: CERTIFY.code }, third);
  await expect.poll(() => refused.problems.find((p) => p.includes("frame-ancestors"))).toBeTruthy();
  expect(await elsewhere.evaluate(() => window.portalReceived)).toEqual([]);
});

test("framed by a portal on another site, in a browser that keeps no storage for framed sites, hoso says so, keeps what is typed on the page, and tells the portal once", async ({ page }) => {
  const seen = watch(page);
  // The real clock (Playwright's fixed one also fakes the User Timing marks counted below).
  await page.goto(`${portalOrigin}/?${new URLSearchParams({ hoso: hoso.url, procedure: CERTIFY.code })}`);
  const frame = page.frameLocator("#hoso");
  await frame.getByRole("link", { name: "Giấy tờ cần chứng thực" }).click();
  await expect(frame.getByLabel("Họ, chữ đệm và tên người yêu cầu", { exact: true })).toHaveValue("Nguyễn Thị Ánh Tuyết");
  await frame.getByLabel("Tên giấy tờ cần chứng thực", { exact: true }).fill("Học bạ");
  // Debian's Chromium blocks third-party storage in Playwright's profile: drafts stay on the page.
  await expect(frame.getByText(/Trình duyệt này không cho lưu hồ sơ trên máy .* hãy lưu hồ sơ ra tệp\./)).toBeVisible();
  // The portal hears it, with the kind to decide on and none of the answers; the example portal
  // warns the person and asks before its own page is left.
  await expect.poll(async () => (await received(page, "hoso:draft-not-saved")).length).toBe(1);
  const [notSaved] = await received(page, "hoso:draft-not-saved");
  expect(notSaved).toMatchObject({ dossier: CERTIFY.code, procedure: CERTIFY.code, problem: { kind: "unavailable" } });
  expect(Object.keys(notSaved).sort()).toEqual(["dossier", "message", "problem", "procedure", "type"]);
  await expect(page.locator("#ket-qua")).toHaveText(/chưa được lưu trên máy/);
  // More typing, more saves that fail the same way: not told again.
  const saves = () => frame.locator("body").evaluate(() => performance.getEntriesByName("hoso-luu-bat-dau").length);
  const before = await saves();
  await frame.getByLabel("Tên giấy tờ cần chứng thực", { exact: true }).fill("Học bạ lớp 12");
  await frame.getByRole("link", { name: "Quay lại danh sách việc cần làm" }).click();
  await expect.poll(saves, "leaving the section saves").toBeGreaterThan(before);
  await frame.getByRole("link", { name: "Giấy tờ cần chứng thực" }).click();
  await expect(frame.getByLabel("Tên giấy tờ cần chứng thực", { exact: true })).toHaveValue("Học bạ lớp 12");
  expect(await received(page, "hoso:draft-not-saved")).toHaveLength(1);
  expect(await received(page, "hoso:draft-saved")).toEqual([]);
  expect(seen.problems).toEqual([]);
});

test("alone, without a portal, hoso under a base path works as at the root: links, routes and data stay under the path", async ({ page }) => {
  const seen = watch(page);
  await page.clock.setFixedTime(NOW);
  await page.goto(hoso.url);
  await page.getByRole("searchbox").fill("chung thuc ban sao");
  await page.getByRole("link", { name: /Chứng thực bản sao từ bản chính/ }).first().click();
  await expect(page.locator("main h1")).toContainText("Chứng thực bản sao");
  expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${BASE}thu-tuc/`));
  await page.getByRole("link", { name: "Bắt đầu hồ sơ" }).click();
  expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${BASE}ho-so/`));
  await page.reload();
  await expect(page.locator("main h1")).toContainText("Chứng thực bản sao");
  expect(seen.problems).toEqual([]);
});
