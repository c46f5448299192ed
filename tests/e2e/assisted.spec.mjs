// Assisted mode (#14): an officer turns it on at a shared computer with their name and unit; the
// resident's consent on the dossier's page records the help; the package's manifest (checked
// against its JSON Schema by Debian's python3-jsonschema) and the receipt (read by pdftotext) say
// who helped and when the resident agreed. "Người dân đã về" wipes the resident's data and keeps
// assisted mode; "Kết thúc phiên" clears it with everything else.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, open, axeViolations, CERTIFY, printPdf, attachToCertify, storedCount } from "./fixtures.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

function run(program, args) {
  const r = spawnSync(program, args, { encoding: "utf8" });
  expect(r.error, `${program} is installed by scripts/setup.sh`).toBeUndefined();
  return r;
}

/** The dossier `id` as stored on the device (its JSON), or "" when it is not. */
function storedDossier(page, id) {
  return page.evaluate((id) => new Promise((ok, fail) => {
    const open = indexedDB.open("hoso");
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction("ho-so").objectStore("ho-so").get(id);
      get.onsuccess = () => { open.result.close(); ok(String(get.result ?? "")); };
    };
  }), id);
}

async function turnOn(page) {
  await open(page, "/ho-tro");
  await page.getByRole("button", { name: "Bật chế độ hỗ trợ" }).click();
  await expect(page.locator("#can-bo-ten-loi")).toContainText("họ và tên");
  await expect(page.locator("#can-bo-ten")).toBeFocused();
  await page.getByLabel("Họ và tên cán bộ").fill("trần   thị bình");
  await page.getByRole("button", { name: "Bật chế độ hỗ trợ" }).click();
  await expect(page.locator("#can-bo-don-vi-loi")).toContainText("tên đơn vị");
  await expect(page.getByLabel("Họ và tên cán bộ"), "what was typed stays").toHaveValue("trần   thị bình");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel("Đơn vị").fill("UBND phường Hoàn Kiếm");
  await page.getByRole("button", { name: "Bật chế độ hỗ trợ" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đang bật chế độ hỗ trợ" })).toContainText("Trần Thị Bình (UBND phường Hoàn Kiếm)");
}

test("an officer turns assisted mode on at a shared computer; it is remembered until turned off", async ({ page }) => {
  await turnOn(page);
  await page.reload();
  await expect(page.getByText("Đang bật chế độ hỗ trợ: Trần Thị Bình (UBND phường Hoàn Kiếm).")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Tắt chế độ hỗ trợ" }).click();
  await page.reload();
  await expect(page.getByRole("button", { name: "Bật chế độ hỗ trợ" })).toBeVisible();
  await open(page, `/ho-so/${CERTIFY.code}`);
  await expect(page.getByLabel("Người dân đồng ý để cán bộ nhập giúp")).toHaveCount(0);
});

test("with the resident's consent, the package and its receipt name the officer who helped", async ({ page, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), "hoso-e2e-assisted-"));
  await turnOn(page);
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG</h1>");
  await attachToCertify(page, pdf);
  const consent = page.getByLabel("Người dân đồng ý để cán bộ nhập giúp");
  await expect(page.getByText("Cán bộ hỗ trợ: Trần Thị Bình (UBND phường Hoàn Kiếm).")).toBeVisible();
  await expect(consent).not.toBeChecked();
  await consent.check();
  // Kept with the dossier.
  await expect.poll(() => storedDossier(page, CERTIFY.code)).toContain("consent_at");
  await page.reload();
  await expect(page.getByLabel("Người dân đồng ý để cán bộ nhập giúp")).toBeChecked();
  await page.getByRole("link", { name: "Kiểm tra câu trả lời" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Xuất hồ sơ (.zip)" }).click()]);
  const zip = join(dir, "goi.zip");
  await download.saveAs(zip);
  const out = join(dir, "ra");
  expect(run("unzip", ["-oq", zip, "-d", out]).status).toBe(0);
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  expect(manifest.assisted_by).toEqual({ name: "Trần Thị Bình", unit: "UBND phường Hoàn Kiếm", consent_at: "2026-11-25T10:00:00+07:00" });
  const validate = "import json, sys, jsonschema\njsonschema.Draft202012Validator(json.load(open(sys.argv[2]))).validate(json.load(open(sys.argv[1])))";
  const valid = run("/usr/bin/python3", ["-c", validate, join(out, "manifest.json"), join(root, "public/schema/package-manifest-1.json")]);
  expect(valid.status, valid.stderr).toBe(0);
  expect(run("pdftotext", [join(out, "bien-nhan.pdf"), "-"]).stdout).toContain("Cán bộ hỗ trợ: Trần Thị Bình (UBND phường Hoàn Kiếm)");
  // The package made is kept with the dossier: "Hồ sơ của tôi" and the desk's queue say so, with when.
  await expect.poll(() => storedDossier(page, CERTIFY.code)).toContain(`"sha256":"${createHash("sha256").update(readFileSync(zip)).digest("hex")}"`);
  await open(page, "/ho-so");
  await expect(page.locator(".my-dossier__state")).toHaveText("Đã xuất gói hồ sơ lúc 10:00 ngày 25/11/2026: chờ nộp");
  // The ward's count: one dossier helped, as a CSV Python's csv module reads, nothing of the resident.
  await open(page, "/ho-tro");
  await expect(page.locator("table.desk-queue tbody tr")).toContainText("Đã xuất gói hồ sơ lúc 10:00 ngày 25/11/2026: chờ nộp");
  await expect(page.getByText(/^Trên máy này: 1 hồ sơ đã lập gói/)).toBeVisible();
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải bảng thống kê (CSV)" }).click()]);
  expect(csvDownload.suggestedFilename()).toBe("thong-ke-ho-tro-2026-11-25.csv");
  const csvPath = join(dir, "thong-ke.csv");
  await csvDownload.saveAs(csvPath);
  const rows = run("/usr/bin/python3", ["-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))", csvPath]);
  expect(JSON.parse(rows.stdout)).toEqual([
    ["Ngày", "Mã thủ tục", "Tên thủ tục", "Cách nộp", "Kết quả"],
    ["2026-11-25", CERTIFY.code, manifest.procedure.name, "Chưa chọn", "Đã lập gói hồ sơ"],
  ]);
  expect(readFileSync(csvPath, "utf8")).not.toContain("Tuyết");
  // "Người dân đã về": the resident's dossier and files go, assisted mode stays for the next one.
  await open(page, "/ket-thuc-phien");
  await expect(page.getByText(/^Trên máy này hoso đang lưu: 1 hồ sơ, 1 tệp đính kèm/)).toBeVisible();
  await page.getByRole("button", { name: "Người dân đã về: xoá hồ sơ của họ" }).click();
  await expect(page.getByText("Chế độ hỗ trợ vẫn bật cho người tiếp theo.")).toBeVisible();
  await open(page, "/ho-so");
  await expect(page.locator(".my-dossier")).toHaveCount(0);
  await open(page, `/ho-so/${CERTIFY.code}`);
  await expect(page.getByLabel("Người dân đồng ý để cán bộ nhập giúp"), "the next resident has not agreed yet").not.toBeChecked();
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await expect(page.getByLabel("Tên giấy tờ cần chứng thực", { exact: true }), "nothing of the last resident's").toHaveValue("");
  await open(page, "/ho-tro");
  await expect(page.getByText(/^Trên máy này: 1 hồ sơ đã lập gói/), "the count stays for the ward").toBeVisible();
  // At the end of the officer's day, everything goes, their details too.
  await open(page, "/ket-thuc-phien");
  await page.getByRole("button", { name: "Xoá hết và kết thúc phiên" }).click();
  await expect(page.getByText(/^Đã xoá khỏi máy này/)).toBeVisible();
  await open(page, "/ho-tro");
  await expect(page.getByRole("button", { name: "Bật chế độ hỗ trợ" })).toBeVisible();
});

test("the desk's queue shows each resident's dossier with its status; 'Người dân đã về' on one row deletes only that resident's, and checks the device", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await turnOn(page);
  // The first resident: the declaration done, a paper attached, consent given.
  await attachToCertify(page, await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP</h1>"));
  await page.getByLabel("Người dân đồng ý để cán bộ nhập giúp").check();
  // The consent is on the device before the page is left (a reload within the save would drop it).
  await expect.poll(() => storedDossier(page, CERTIFY.code)).toContain("consent_at");
  // The second, who came later: only their name so far.
  await open(page, `/ho-so/${CERTIFY.code}-2/to-khai/yeu-cau`);
  await page.getByLabel("Họ, chữ đệm và tên người yêu cầu", { exact: true }).fill("Lò Văn Páo");
  await expect(page.getByText(/^Đã lưu trên máy này lúc/)).toBeVisible();
  await open(page, "/ho-tro");
  const rows = page.locator("table.desk-queue tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/ánh tuyết/i);
  await expect(rows.nth(0)).toContainText("Tờ khai xong");
  await expect(rows.nth(0)).toContainText("Đã đồng ý");
  await expect(rows.nth(1)).toContainText("Lò Văn Páo");
  await expect(rows.nth(1)).toContainText("Đang khai");
  expect(await axeViolations(page)).toEqual([]);

  await rows.nth(0).getByRole("button", { name: /^Người dân đã về: xoá hồ sơ của/ }).click();
  const said = page.locator("#hang-cho-ket-qua");
  await expect(said).toContainText("hoso đã kiểm tra lại, không còn gì của họ");
  await expect(said).toBeFocused();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText("Lò Văn Páo");
  expect(await storedCount(page, "tep"), "the first resident's file is gone from the device").toBe(0);
  expect(await storedCount(page, "ho-so"), "the other resident's dossier stays").toBe(1);
  // After a reload: the same, and assisted mode still on for the next resident.
  await page.reload();
  await expect(page.locator("table.desk-queue tbody tr")).toHaveCount(1);
  await expect(page.getByText(/^Đang bật chế độ hỗ trợ/)).toBeVisible();
});
