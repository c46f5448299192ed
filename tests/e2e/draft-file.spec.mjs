// "Lưu hồ sơ ra tệp" / "Mở hồ sơ đã lưu": a dossier saved to a file on one device opens whole on
// another (answers and attached files, their hashes unchanged); independent tools and the desk's
// `hoso draft check` accept the file; a hostile or damaged file is refused with its reason and
// leaves the dossier already on the device byte for byte as it was.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";
import { test, expect, open, axeViolations, CERTIFY, fillCertifyDeclaration, printPdf, attachToCertify } from "./fixtures.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const sha = (b) => createHash("sha256").update(b).digest("hex");

/** A ZIP made entry by entry, for hostile files: `[name, bytes, {deflate, declared}]`. */
function zip(entries) {
  const locals = [], central = [];
  let at = 0;
  for (const [name, data, opts = {}] of entries) {
    const stored = opts.deflate ? deflateRawSync(data) : data;
    const size = opts.declared ?? data.length;
    const n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(opts.deflate ? 8 : 0, 8); head.writeUInt32LE(crc32(data) >>> 0, 14);
    head.writeUInt32LE(stored.length, 18); head.writeUInt32LE(size, 22); head.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(opts.deflate ? 8 : 0, 10); dir.writeUInt32LE(crc32(data) >>> 0, 16);
    dir.writeUInt32LE(stored.length, 20); dir.writeUInt32LE(size, 24); dir.writeUInt16LE(n.length, 28); dir.writeUInt32LE(at, 42);
    locals.push(head, n, stored);
    central.push(dir, n);
    at += 30 + n.length + stored.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(at, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Every record and file hoso keeps on this device, as bytes (to prove a refusal changed nothing). */
async function device(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open("hoso");
    req.onsuccess = async () => {
      const db = req.result, out = {};
      for (const store of db.objectStoreNames) {
        const all = await new Promise((r) => { const q = db.transaction(store).objectStore(store).getAll(); q.onsuccess = () => r(q.result); });
        out[store] = await Promise.all(all.map(async (v) => (v instanceof Blob ? Array.from(new Uint8Array(await v.arrayBuffer())).join(",") : v)));
      }
      db.close();
      resolve(out);
    };
  }));
}

test("a dossier saved to a file opens whole on another device; hostile files are refused and change nothing", async ({ page, browser }, info) => {
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP</h1><p>Nguyễn Thị Ánh Tuyết</p>");
  const card = await attachToCertify(page, pdf);
  await expect(card).toContainText("Bằng tốt nghiệp.pdf");

  // Save it to a file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Lưu hồ sơ ra tệp" }).click()]);
  expect(download.suggestedFilename()).toBe(`ho-so-nhap-${CERTIFY.code}-2026-11-25.zip`);
  await expect(page.locator(".draft-file")).toContainText("Đã lưu hồ sơ ra tệp");
  const saved = info.outputPath("ho-so-nhap.zip");
  await download.saveAs(saved);
  // Independent tools read it: Python's zipfile tests every CRC; the file inside is the PDF itself.
  const py = spawnSync("/usr/bin/python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print('\\n'.join(z.namelist()))", saved], { encoding: "utf8" });
  expect(py.status, py.stderr).toBe(0);
  expect(py.stdout.trim().split("\n")).toEqual(["hoso-draft.json", `tep/${sha(pdf)}`]);
  // The desk's own check accepts it.
  const check = spawnSync(`${root}/target/debug/hoso`, ["draft", "check", saved], { encoding: "utf8" });
  expect(check.status, check.stderr).toBe(0);
  expect(JSON.parse(check.stdout)).toMatchObject({ accepted: true, procedure: CERTIFY.code, files: 1 });

  // Another device: a browser profile that has never seen this dossier.
  const other = await browser.newContext({ baseURL: info.project.use.baseURL });
  const there = await other.newPage();
  await there.clock.setFixedTime(new Date("2026-11-26T09:00:00+07:00"));
  await open(there, `/ho-so/${CERTIFY.code}`);
  await expect(there.locator("li.paper").first()).not.toContainText("Bằng tốt nghiệp.pdf");
  await there.getByLabel(/^Mở hồ sơ đã lưu/).setInputFiles(saved);
  await expect(there.locator(".draft-file")).toContainText("Đã mở hồ sơ lưu ngày 25/11/2026: các câu trả lời và 1 tệp đính kèm đã trở lại");
  await expect(there.locator("li.paper").first()).toContainText("Bằng tốt nghiệp.pdf");
  await expect(there.locator(".task-list__item").first()).toContainText("Đã xong");
  expect(await axeViolations(there)).toEqual([]);
  // Kept on that device too, with the file's own bytes.
  await expect(there.locator(".save-line")).toContainText("Đã lưu trên máy này");
  const kept = await device(there);
  expect(kept.tep.map((b) => sha(Buffer.from(b.split(",").map(Number))))).toEqual([sha(pdf)]);

  // Hostile files: each refused with its reason; what is on the device stays byte for byte.
  const state = JSON.parse(spawnSync("/usr/bin/python3", ["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('hoso-draft.json').decode())", saved], { encoding: "utf8" }).stdout);
  const json = Buffer.from(JSON.stringify(state));
  const pdfName = `tep/${sha(pdf)}`;
  const whole = readFileSync(saved);
  const hostile = {
    "cut short": [whole.subarray(0, whole.length - 40), "bị hỏng hoặc chưa tải, chép xong"],
    "a path out of the folder": [zip([["hoso-draft.json", json], ["../hoso-draft.json", json], [pdfName, pdf]]), "đường dẫn không an toàn"],
    "an absolute path": [zip([["hoso-draft.json", json], ["/etc/hoso-draft.json", json], [pdfName, pdf]]), "đường dẫn không an toàn"],
    "the state twice": [zip([["hoso-draft.json", json], ["hoso-draft.json", json], [pdfName, pdf]]), "có hai lần"],
    "a changed file": [zip([["hoso-draft.json", json], [pdfName, Buffer.concat([pdf, Buffer.from(" ")])]]), "đã bị thay đổi"],
    "a future version": [zip([["hoso-draft.json", Buffer.from(JSON.stringify({ ...state, format: 99 }))], [pdfName, pdf]]), "phiên bản hoso mới hơn"],
    "a zip bomb": [zip([["hoso-draft.json", json], [pdfName, Buffer.alloc(60 * 1024 * 1024), { deflate: true }]]), "nén bất thường"],
    "a 200 MB state": [zip([["hoso-draft.json", Buffer.alloc(200 * 1024 * 1024, 0x20), { deflate: true }], [pdfName, pdf]]), "quá lớn"],
  };
  const before = await device(there);
  for (const [kind, [bytes, reason]] of Object.entries(hostile)) {
    const path = info.outputPath(`${kind}.zip`);
    writeFileSync(path, bytes);
    await there.getByLabel(/^Mở hồ sơ đã lưu/).setInputFiles(path);
    await expect(there.locator(".draft-file .error-message"), kind).toContainText(reason);
    await expect(there.locator(".draft-file .error-message"), kind).toContainText(`Không mở được «${kind}.zip»`);
    expect(await device(there), kind).toEqual(before);
    // The desk's check refuses it too (exit 1, the problem's kind).
    const refused = spawnSync(`${root}/target/debug/hoso`, ["draft", "check", path], { encoding: "utf8" });
    expect(refused.status, kind).toBe(1);
  }
  await expect(there.locator("li.paper").first()).toContainText("Bằng tốt nghiệp.pdf");
  await other.close();
});

test("opening a file over work already on this device asks first, and keeping it changes nothing", async ({ page }, info) => {
  await fillCertifyDeclaration(page);
  await open(page, `/ho-so/${CERTIFY.code}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Lưu hồ sơ ra tệp" }).click()]);
  const saved = info.outputPath("ho-so-nhap.zip");
  await download.saveAs(saved);
  // The person goes on: a different answer on this device.
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await page.getByLabel("Số bản sao cần chứng thực", { exact: true }).fill("5");
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu trên máy này" })).toBeVisible();
  await open(page, `/ho-so/${CERTIFY.code}`);
  await page.getByLabel(/^Mở hồ sơ đã lưu/).setInputFiles(saved);
  await expect(page.locator(".draft-file [role=alert]")).toContainText("Hồ sơ trong tệp (lưu ngày 25/11/2026) đang có trên máy này");
  await page.getByRole("button", { name: "Giữ hồ sơ trên máy" }).click();
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await expect(page.getByLabel("Số bản sao cần chứng thực", { exact: true })).toHaveValue("5");
  // Or the file becomes one more dossier of the procedure, beside the one on this device.
  await open(page, `/ho-so/${CERTIFY.code}`);
  await page.getByLabel(/^Mở hồ sơ đã lưu/).setInputFiles(saved);
  await page.getByRole("button", { name: "Mở thành hồ sơ mới" }).click();
  await expect(page).toHaveURL(new RegExp(`/ho-so/${CERTIFY.code.replace(".", "\\.")}-2$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("(hồ sơ thứ 2)");
  await open(page, `/ho-so/${CERTIFY.code}-2/to-khai/yeu-cau`);
  await expect(page.getByLabel("Số bản sao cần chứng thực", { exact: true })).toHaveValue(CERTIFY.answers["Số bản sao cần chứng thực"]);
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await expect(page.getByLabel("Số bản sao cần chứng thực", { exact: true })).toHaveValue("5");
  // Replacing brings the file's answers back.
  await open(page, `/ho-so/${CERTIFY.code}`);
  await page.getByLabel(/^Mở hồ sơ đã lưu/).setInputFiles(saved);
  await page.getByRole("button", { name: "Thay bằng hồ sơ trong tệp" }).click();
  await expect(page.locator(".draft-file")).toContainText("Đã mở hồ sơ lưu ngày 25/11/2026");
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await expect(page.getByLabel("Số bản sao cần chứng thực", { exact: true })).toHaveValue(CERTIFY.answers["Số bản sao cần chứng thực"]);
});

test.describe("with no service worker between the page and the network", () => {
  test.use({ serviceWorkers: "block" });

  // Its loader (read by the worker as it starts), or its wasm (fetched by the loader's glue).
  for (const [what, cut] of [["its loader", /hoso-export_loader\.js/], ["its wasm", /hoso-export_bg\.wasm/]]) test(`when the package maker could not be loaded (${what}), the next press tries again without reloading the page`, async ({ page }) => {
    await fillCertifyDeclaration(page);
    await open(page, `/ho-so/${CERTIFY.code}`);
    // The network drops just as the person saves (the request is cut short): they are told, not left waiting.
    await page.route(cut, (route) => route.abort("aborted"));
    await page.getByRole("button", { name: "Lưu hồ sơ ra tệp" }).click();
    await expect(page.locator(".draft-file")).toContainText("Chưa xuất được hồ sơ: trình duyệt chưa chạy được phần lập gói");
    await page.unroute(cut);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Lưu hồ sơ ra tệp" }).click()]);
    expect(download.suggestedFilename()).toBe(`ho-so-nhap-${CERTIFY.code}-2026-11-25.zip`);
    await expect(page.locator(".draft-file")).toContainText("Đã lưu hồ sơ ra tệp");
  });
});
