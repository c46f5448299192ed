// The finish line: a complete dossier exported in the browser, and the ZIP read by tools hoso did
// not write (Python's zipfile, unzip, pdftotext, zbarimg) and by `hoso package verify` (the
// binary `cargo test` built); the CLI builds the very same bytes from the same answers and files.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, open, axeViolations, CERTIFY, fillCertifyDeclaration, printPdf, attachToCertify } from "./fixtures.mjs";

const CODE = CERTIFY.code;

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = `${root}/target/debug/hoso`;

/** Runs a tool; its absence or failure fails the test (scripts/setup.sh installs them). */
function run(program, args, options = {}) {
  const r = spawnSync(program, args, { encoding: "utf8", ...options });
  expect(r.error, `${program} is installed by scripts/setup.sh`).toBeUndefined();
  return r;
}


test("an unfinished dossier says what is left instead of exporting", async ({ page }) => {
  await open(page, `/ho-so/${CODE}/kiem-tra`);
  await expect(page.getByRole("heading", { name: "Xuất hồ sơ" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Chưa xuất được hồ sơ: tờ khai còn");
  await expect(page.getByRole("button", { name: "Xuất hồ sơ (.zip)" })).toHaveCount(0);
  // Each place that still needs the person, linked.
  await page.getByRole("link", { name: /^Tờ khai, phần «Giấy tờ cần chứng thực»/ }).click();
  await expect(page.locator("main h1")).toContainText("Giấy tờ cần chứng thực");
});

/** A real PDF from Chromium's printer, made on another page, saved in `dir`. */
async function makePdf(browser, dir) {
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG</h1><p>Cấp cho: Nguyễn Thị Ánh Tuyết</p>");
  writeFileSync(join(dir, "Bằng tốt nghiệp.pdf"), pdf);
  return pdf;
}

/** Fills the declaration, attaches the PDF and comes to check-your-answers. */
async function completeDossier(page, pdf) {
  await attachToCertify(page, pdf);
  await page.getByRole("link", { name: "Kiểm tra câu trả lời" }).click();
  await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
}

test.describe("with no service worker to keep the code", () => {
  test.use({ serviceWorkers: "block" });

  test("a complete dossier's check page gets the package maker ready, so the export still works once the network has gone", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const pdf = await makePdf(browser, mkdtempSync(join(tmpdir(), "hoso-e2e-ready-")));
    await attachToCertify(page, pdf);
    // Opening check-your-answers with the dossier complete: the package maker's code, then what it
    // makes the package from (procedure, form, units: asked for by its worker), and the
    // declaration's fonts arrive before anything is pressed.
    // (The worker's own requests, told from the page's by their referrer: the worker's script.)
    const arrived = (re, byWorker) => page.waitForEvent("requestfinished", { predicate: (r) => re.test(r.url()) && (!byWorker || /hoso-export/.test(r.headers().referer || "")), timeout: 30_000 });
    const byWorker = [/hoso-export_bg\.wasm$/, /catalogue\/p\/2\.000815\.json$/, /forms\/[a-z0-9-]+\.json$/, /units\/2025\.json$/];
    const ready = Promise.all([...byWorker.map((re) => arrived(re, true)), arrived(/DejaVuSerif\.ttf$/), arrived(/DejaVuSerif-Bold\.ttf$/)]);
    await page.getByRole("link", { name: "Kiểm tra câu trả lời" }).click();
    await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
    await ready;

    await page.context().setOffline(true);
    // (Not made ready: "Không tải được phông chữ để in tờ khai", and no package.)
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "Xuất hồ sơ (.zip)" }).click()]);
    expect(download.suggestedFilename()).toBe(`ho-so-${CODE}-nguyen-thi-anh-tuyet.zip`);
    await expect(page.locator("main")).toContainText("Đã lập gói hồ sơ «ho-so-2.000815-nguyen-thi-anh-tuyet.zip»");
  });

  test("an unfinished dossier's check page does not fetch the package maker", async ({ page }) => {
    const fetched = [];
    page.on("request", (r) => { if (/hoso-export|DejaVu/.test(r.url())) fetched.push(r.url()); });
    await fillCertifyDeclaration(page);
    await expect(page.locator("main")).toContainText("Chưa xuất được hồ sơ: còn thiếu");
    await page.waitForTimeout(1000);
    expect(fetched).toEqual([]);
  });
});

test("a package sealed to an agency's key opens with Debian's age and verifies; a wrong key is refused with the reason", async ({ page, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), "hoso-e2e-sealed-"));
  const pdf = await makePdf(browser, dir);
  expect(run("age-keygen", ["-o", join(dir, "khoa.txt")]).status).toBe(0);
  const publicKey = readFileSync(join(dir, "khoa.txt"), "utf8").match(/# public key: (age1\w+)/)[1];
  await completeDossier(page, pdf);
  await page.getByText("Mã hoá gói hồ sơ (không bắt buộc)").click();
  const keyBox = page.getByLabel("Khoá công khai của cơ quan tiếp nhận");
  await keyBox.fill("age1khongphaikhoa");
  await page.getByRole("button", { name: "Xuất hồ sơ (.zip)" }).click();
  await expect(page.getByRole("alert")).toContainText("«age1khongphaikhoa» không phải khoá công khai age");
  await expect(keyBox, "what was typed stays").toHaveValue("age1khongphaikhoa");
  await keyBox.fill(publicKey);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Xuất hồ sơ (.zip)" }).click()]);
  expect(download.suggestedFilename()).toBe(`ho-so-${CODE}-nguyen-thi-anh-tuyet.zip.age`);
  const sealed = join(dir, "goi.zip.age");
  await download.saveAs(sealed);
  expect(readFileSync(sealed).subarray(0, 22).toString()).toBe("age-encryption.org/v1\n");
  const opened = run("age", ["-d", "-i", join(dir, "khoa.txt"), "-o", join(dir, "mo.zip"), sealed]);
  expect(opened.status, opened.stderr).toBe(0);
  const verified = run(cli, ["package", "verify", join(dir, "mo.zip")], { cwd: root });
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);

  // The satisfaction rating: the top level asks no reasons; it is kept with the dossier on the device.
  await page.getByLabel("Rất hài lòng").check();
  await expect(page.getByText("Điều gì chưa tốt?")).toHaveCount(0);
  await page.getByLabel("Góp ý thêm (không bắt buộc)").fill("Nhanh,   dễ hiểu.");
  await page.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(page.getByText("Bạn đã đánh giá: Rất hài lòng.")).toBeVisible();
  const rating = () => page.evaluate((code) => new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = () => {
      const get = req.result.transaction("ho-so").objectStore("ho-so").get(code);
      get.onsuccess = () => { req.result.close(); const d = typeof get.result === "string" ? JSON.parse(get.result) : get.result; resolve(d?.rating ?? null); };
    };
  }), CODE);
  const kept = { level: "very_satisfied", reasons: [], comment: "Nhanh, dễ hiểu." };
  // Saved on the device (the write is asynchronous: waited for, not raced by the reload)…
  await expect.poll(rating).toMatchObject(kept);
  // …and still there after a reload.
  await page.reload();
  await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
  expect(await rating()).toMatchObject(kept);
});

test("a complete dossier exports a package that independent tools and hoso package verify accept", async ({ page, browser }) => {
  expect(existsSync(cli), `${cli} is built by cargo test (scripts/test.sh step 1)`).toBeTruthy();
  const dir = mkdtempSync(join(tmpdir(), "hoso-e2e-package-"));
  // A real PDF from Chromium's printer, made on another page.
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG</h1><p>Cấp cho: Nguyễn Thị Ánh Tuyết</p>");
  const pdfName = "Bằng tốt nghiệp.pdf";
  writeFileSync(join(dir, pdfName), pdf);

  await fillCertifyDeclaration(page);
  await expect(page.locator("main")).toContainText("Chưa xuất được hồ sơ: còn thiếu");
  const missing = page.getByRole("link", { name: /^Giấy tờ còn thiếu: Bản chính giấy tờ/ });
  await expect(missing).toHaveAttribute("href", `/ho-so/${CODE}#giay-to-d0`);
  // The link lands on the paper itself, also on a phone where the papers are far down the page
  // (they are built just after the top of the page: ui::Later scrolls to them once they are).
  await page.setViewportSize({ width: 412, height: 600 });
  await missing.click();
  await expect(page.locator("#giay-to-d0")).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 720 });
  const card = page.locator("li.paper").first();
  const before = Number(await card.getAttribute("data-checked"));
  await card.getByLabel(/^Chọn tệp/).setInputFiles({ name: pdfName, mimeType: "application/pdf", buffer: pdf });
  await expect(card).toHaveAttribute("data-checked", String(before + 1), { timeout: 60_000 });
  // How the person means to submit: kept with the dossier, written in the manifest and on the receipt.
  await page.getByLabel(/^Trực tiếp/).check();
  await page.getByRole("link", { name: "Kiểm tra câu trả lời" }).click();
  await expect(page.locator("main h1")).toHaveText("Kiểm tra câu trả lời");
  expect(await axeViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Xuất hồ sơ (.zip)" }).click()]);
  expect(download.suggestedFilename()).toBe(`ho-so-${CODE}-nguyen-thi-anh-tuyet.zip`);
  const zip = join(dir, "goi.zip");
  await download.saveAs(zip);
  await expect(page.locator("main")).toContainText("Đã lập gói hồ sơ «ho-so-2.000815-nguyen-thi-anh-tuyet.zip»");

  const verified = run(cli, ["package", "verify", zip], { cwd: root });
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, procedure: CODE, files: 2, problems: [] });
  expect(run("unzip", ["-tq", zip]).status).toBe(0);
  const py = run("python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print('\\n'.join(z.namelist()))", zip]);
  expect(py.stdout.trim().split("\n")).toEqual(["manifest.json", "to-khai.pdf", "bien-nhan.pdf", "huong-dan-nop.txt", "02-ban-chinh-giay-to-van-ban-lam-co-so-de/bang-tot-nghiep.pdf"]);
  const out = join(dir, "ra");
  expect(run("unzip", ["-oq", zip, "-d", out]).status).toBe(0);
  const text = run("pdftotext", [join(out, "to-khai.pdf"), "-"]).stdout.replace(/\s+/g, " ");
  expect(text).toContain("Nguyễn Thị Ánh Tuyết");
  for (const label of [...Object.keys(CERTIFY.answers), "Giấy tờ do cơ quan nước ngoài cấp?"]) expect(text).toContain(label);
  expect(run("pdftoppm", ["-r", "150", "-png", "-singlefile", join(out, "bien-nhan.pdf"), join(out, "bien-nhan")]).status).toBe(0);
  const manifest = readFileSync(join(out, "manifest.json"));
  const qr = run("zbarimg", ["-q", "--raw", join(out, "bien-nhan.png")]).stdout.trim();
  expect(qr).toBe(`HOSO1:${CODE}:${createHash("sha256").update(manifest).digest("hex")}`);
  expect(createHash("sha256").update(readFileSync(join(out, "02-ban-chinh-giay-to-van-ban-lam-co-so-de/bang-tot-nghiep.pdf"))).digest("hex"))
    .toBe(createHash("sha256").update(pdf).digest("hex"));

  // The print view: the declaration as it is signed, and what to bring.
  await page.getByRole("link", { name: "Bản in tờ khai và danh sách giấy tờ mang theo khi đến nộp" }).click();
  await expect(page.locator("main h1")).toHaveText("Bản in tờ khai");
  await expect(page.locator(".print-sheet")).toContainText("1. Họ, chữ đệm và tên người yêu cầu: Nguyễn Thị Ánh Tuyết");
  await expect(page.locator(".print-sheet")).toContainText("NGƯỜI YÊU CẦU");
  await expect(page.locator(".print-sheet")).toContainText("Kính gửi: ", { useInnerText: true }); // as the PDF, from core::package::print::addressee
  await expect(page.locator(".print-bring")).toContainText("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao");
  expect(await axeViolations(page)).toEqual([]);

  // The CLI makes the same bytes from the same answers and file.
  const m = JSON.parse(manifest);
  expect(m.channel).toBe("in_person");
  const receipt = run("pdftotext", [join(out, "bien-nhan.pdf"), "-"]).stdout;
  expect(receipt).toContain("Cách nộp: Trực tiếp");
  expect(receipt).toContain("Lệ phí: 2.000 đồng/trang"); // what the way chosen costs, as the catalogue says
  writeFileSync(join(dir, "a.json"), JSON.stringify({ "yeu-cau.ho-ten": "nguyễn thị ánh tuyết", "yeu-cau.giay-to": "Bằng tốt nghiệp trung học phổ thông", "yeu-cau.so-trang": "2", "yeu-cau.so-ban": "3", "yeu-cau.nuoc-ngoai": "khong" }));
  const built = run(cli, ["package", "build", CODE, "--answers", "a.json", "--attach", `d0=${pdfName}`, "--at", m.created, "--channel", "in_person", "--out", "cli.zip"], { cwd: dir });
  expect(built.status, built.stderr).toBe(0);
  const sha = (f) => createHash("sha256").update(readFileSync(f)).digest("hex");
  expect(sha(join(dir, "cli.zip")), "browser export and CLI build of the same dossier").toBe(sha(zip));

  // One byte changed in the attached PDF: verify fails and names it.
  const bytes = readFileSync(zip);
  const at = bytes.lastIndexOf(pdf.subarray(100, 164));
  bytes[at + 10] ^= 0xff;
  writeFileSync(join(dir, "sua.zip"), bytes);
  const refused = run(cli, ["package", "verify", join(dir, "sua.zip")], { cwd: root });
  expect(refused.status).toBe(1);
  expect(JSON.parse(refused.stdout).problems[0]).toMatchObject({ kind: "damaged", name: "02-ban-chinh-giay-to-van-ban-lam-co-so-de/bang-tot-nghiep.pdf" });
});

test("a portal exports through hosoExportPackage: a complete dossier gives the package, an unfinished one hoso's sentence", async ({ page, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), "hoso-e2e-bridge-package-"));
  const pdf = await makePdf(browser, dir);
  await open(page, `/ho-so/${CODE}`); // the whole app carries the bridge
  await page.waitForFunction(() => typeof window.wasmBindings?.hosoExportPackage === "function");
  const answers = { "yeu-cau.ho-ten": "Lê Văn Minh", "yeu-cau.giay-to": "Học bạ", "yeu-cau.so-trang": "4", "yeu-cau.so-ban": "1", "yeu-cau.nuoc-ngoai": "khong" };
  const hash = createHash("sha256").update(pdf).digest("hex");
  const out = await page.evaluate(async ({ answers, hash, pdf }) => {
    const blob = new Blob([new Uint8Array(pdf)], { type: "application/pdf" });
    const dossier = (attachments) => JSON.stringify({ format: 1, id: "cong", procedure: "2.000815", catalogue_version: "2026-07", channel: "online", step: null, answers, attachments, started: "2026-11-25T10:00+07:00", changed: "2026-11-25T10:00+07:00" });
    const refused = await window.wasmBindings.hosoExportPackage(dossier({}), {}).then(() => "", (e) => String(e));
    const file = { hash, name: "hoc-ba.pdf", size: blob.size, kind: "pdf", pages: 1, width: null, height: null, problems: [], from: [] };
    const made = await window.wasmBindings.hosoExportPackage(dossier({ d0: [file] }), { [hash]: blob });
    return { refused, name: made.name, bytes: [...new Uint8Array(await made.blob.arrayBuffer())] };
  }, { answers, hash, pdf: [...pdf] });
  expect(out.refused).toContain("Chưa xuất được hồ sơ: còn thiếu");
  expect(out.name).toBe(`ho-so-${CODE}-le-van-minh.zip`);
  writeFileSync(join(dir, "cong.zip"), Buffer.from(out.bytes));
  const verified = run(cli, ["package", "verify", join(dir, "cong.zip")], { cwd: root });
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
});
