// The English interface (issue "…and a complete English interface"): chosen from the header,
// remembered on the device, asked for by the address (`?lang=en`, how a portal frames hoso),
// `<html lang>` following; the catalogue's content, the declaration and the package stay in
// Vietnamese, the agency's language. Every state a person passes through in English is checked
// with axe, also in high contrast.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, open, axeViolations, CERTIFY, printPdf, attachToCertify } from "./fixtures.mjs";

const EN = JSON.parse(readFileSync(new URL("../../public/i18n/en.json", import.meta.url), "utf8"));
const FORM = JSON.parse(readFileSync(new URL("../../src/core/forms/defs/chung-thuc-ban-sao.json", import.meta.url), "utf8"));
const FIELDS = FORM.sections.flatMap((s) => s.fields);
/** The English of a question of CERTIFY's form, from its Vietnamese label. */
const englishLabel = (vi) => EN[`form.${FORM.id}.${FIELDS.find((f) => f.label === vi).id}.label`];
/** The English of a choice, from its Vietnamese label. */
function englishChoice(vi) {
  const field = FIELDS.find((f) => (f.options || []).some((o) => o.label === vi));
  return EN[`form.${FORM.id}.${field.id}.${field.options.find((o) => o.label === vi).value}`];
}
/** A Vietnamese letter (outside ASCII): what must not be left in the English interface's chrome. */
const VIETNAMESE = /[à-ỹđĐ]/i;

async function inEnglish(page) {
  await page.addInitScript(() => localStorage.setItem("hoso-ngon-ngu", "en"));
}

test("English is chosen in the header, remembered, and the page's language follows", async ({ page }) => {
  await open(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("main h1")).toHaveText(EN["home.chuan-bi-ho-so-dich"]);
  await expect(page.getByRole("link", { name: EN["app.trang-chu"], exact: true })).toBeVisible();

  // Searching in Vietnamese still works; what hoso says about it is English.
  await page.getByRole("searchbox").fill("chung thuc ban sao");
  await expect(page.getByText(/procedures? (that best )?match/).first()).toBeVisible();

  // Remembered: a reload, and the whole app on another page, stay in English.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await open(page, `/thu-tuc/${CERTIFY.code}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("#noi-dung-tieng-viet")).toHaveText(EN["procedure.noi-dung-tieng-viet"]);
  // The catalogue's own content is as published.
  await expect(page.locator("main h1")).toHaveText(/Chứng thực bản sao/);
  await expect(page.locator("main h1")).toHaveAttribute("lang", "vi");

  // And back: the button offers Vietnamese in its own name.
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.locator("#noi-dung-tieng-viet")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "English" })).toBeVisible();
});

test("the address can ask for English (a portal's frame), and the choice is then remembered", async ({ page }) => {
  await page.goto("/?lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("main h1")).toHaveText(EN["home.chuan-bi-ho-so-dich"]);
  await open(page, "/gioi-thieu");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // Choosing Vietnamese takes `lang` out of the address, so the next load does not choose again.
  await page.goto("/ho-so?lang=en");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  expect(new URL(page.url()).search).toBe("");
});

test("the header, footer and each page's own words are English: nothing Vietnamese is left in them", async ({ page }) => {
  await inEnglish(page);
  for (const route of ["/", "/linh-vuc", "/gioi-thieu", "/ho-so", "/ket-thuc-phien", "/ho-tro"]) {
    await open(page, route);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const header = await page.locator("header").innerText();
    // The brand ("hồ sơ") and the other language's own name are the only Vietnamese words.
    expect(header.replace("hồ sơ", "").replace("Tiếng Việt", ""), route).not.toMatch(VIETNAMESE);
    expect(await page.locator("footer").innerText(), route).not.toMatch(VIETNAMESE);
    expect(await page.locator("main h1").innerText(), route).not.toMatch(VIETNAMESE);
  }
  // The life events to browse by are hoso's own words: English too.
  await open(page, "/");
  for (const title of await page.locator(".card__link").allInnerTexts()) expect(title).not.toMatch(VIETNAMESE);
  await open(page, "/su-kien/sinh-con");
  await expect(page.locator("main h1")).toHaveText(EN["life_event.sinh-con.title"]);
  // The procedures listed are the catalogue's words, marked as Vietnamese for screen readers.
  await expect(page.locator(".procedure-list__link").first()).toHaveAttribute("lang", "vi");
});

test("a declaration in English: errors, check your answers, a paper attached and each dossier page pass axe, also in high contrast; the printed declaration stays Vietnamese", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await inEnglish(page);
  for (const contrast of [false, true]) {
    if (contrast) await page.evaluate(() => localStorage.setItem("hoso-hien-thi", "tuong-phan-cao,doc-to"));
    await open(page, `/thu-tuc/${CERTIFY.code}`);
    expect(await axeViolations(page), "procedure page").toEqual([]);
    await open(page, `/ho-so/${CERTIFY.code}`);
    expect(await axeViolations(page), "dossier page").toEqual([]);

    await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
    await page.getByRole("button", { name: EN["declaration.tiep-tuc"] }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText(EN["declaration.co-van-de-can-sua"]);
    // The form's own rule, in English.
    await expect(summary).toContainText(`Enter ${englishLabel("Họ, chữ đệm và tên người yêu cầu").toLowerCase()}`);
    expect(await axeViolations(page), "section with errors").toEqual([]);
  }

  // The form's questions and choices are English on screen; what is typed is the person's own.
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await expect(page.locator("main")).toContainText(EN[`form.${FORM.id}.yeu-cau.title`]);
  for (const [label, value] of Object.entries(CERTIFY.answers)) await page.getByLabel(englishLabel(label), { exact: true }).fill(value);
  await page.getByLabel(englishChoice("Không, do cơ quan Việt Nam cấp")).check();
  await page.getByRole("button", { name: EN["declaration.tiep-tuc"] }).click();
  await expect(page.locator("main h1")).toHaveText(EN["declaration.check.kiem-tra-cau-tra-loi"]);
  await expect(page.locator("main")).toContainText(englishLabel("Số trang của giấy tờ"));
  await expect(page.locator("main")).toContainText(englishChoice("Không, do cơ quan Việt Nam cấp"));
  expect(await axeViolations(page), "check your answers").toEqual([]);

  // A paper attached, in English: its card and the dossier page stay accessible.
  await open(page, `/ho-so/${CERTIFY.code}`);
  const card = page.locator("li.paper").first();
  await card.getByLabel(new RegExp(`^${EN["papers.chon-tep"]}`)).setInputFiles({ name: "Bằng tốt nghiệp.pdf", mimeType: "application/pdf", buffer: await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP</h1>") });
  await expect(card).toHaveAttribute("data-checked", "1", { timeout: 60_000 });
  await expect(card).toContainText("Bằng tốt nghiệp.pdf");
  expect(await axeViolations(page), "dossier page with a paper attached").toEqual([]);

  await open(page, `/ho-so/${CERTIFY.code}/in`);
  await expect(page.getByRole("button", { name: EN["declaration.print.in-trang-nay"] })).toBeVisible();
  const sheet = page.locator(".print-sheet");
  await expect(sheet).toHaveAttribute("lang", "vi");
  await expect(sheet).toContainText("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  await expect(sheet).toContainText("Tôi cam đoan những nội dung khai trên đây là đúng sự thật");
  await expect(sheet).toContainText("Nguyễn Thị Ánh Tuyết");
  // The agency's questions, in the agency's language.
  await expect(sheet).toContainText("Họ, chữ đệm và tên người yêu cầu");
  await expect(sheet).toContainText("Không, do cơ quan Việt Nam cấp");
  await expect(sheet).not.toContainText(englishLabel("Số trang của giấy tờ"));
  expect(await axeViolations(page), "print page").toEqual([]);
});

test("assisted mode and the desk's queue in English pass axe; the print of what to bring is one link away", async ({ page }) => {
  await inEnglish(page);
  await open(page, "/ho-tro");
  await page.getByLabel(EN["assist.ho-va-ten-can-bo"], { exact: true }).fill("Trần Thị Bình");
  await page.getByLabel(EN["assist.don-vi"], { exact: true }).fill("UBND phường Hoàn Kiếm");
  await page.getByRole("button", { name: EN["assist.bat-che-do-ho-tro"] }).click();
  await expect(page.getByText(EN["assist.hang-cho-trong"])).toBeVisible();
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await page.getByLabel(englishLabel("Họ, chữ đệm và tên người yêu cầu"), { exact: true }).fill("Lò Văn Páo");
  await expect(page.getByText(/^Saved on this device at/)).toBeVisible();
  await open(page, "/ho-tro");
  const row = page.locator("table.desk-queue tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Lò Văn Páo");
  await expect(row).toContainText("Filling in the form: 0 of 1 sections done");
  expect(await axeViolations(page)).toEqual([]);
  await row.getByRole("link", { name: `${EN["assist.in-giay-to"]} for Lò Văn Páo` }).click();
  await expect(page.locator("main h1")).toHaveText(EN["declaration.print.ban-in-to-khai"]);
  await expect(page.locator(".print-sheet")).toContainText("Lò Văn Páo");
});

test("exported in English, the package is the agency's Vietnamese one and verifies; the package maker's refusals are English", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), "hoso-e2e-english-"));
  await attachToCertify(page, await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP</h1>"));
  await page.evaluate(() => localStorage.setItem("hoso-ngon-ngu", "en"));
  await open(page, `/ho-so/${CERTIFY.code}/kiem-tra`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: EN["declaration.export.xuat-ho-so-zip"] }).click()]);
  const zip = join(dir, "goi.zip");
  await download.saveAs(zip);
  const verified = spawnSync(new URL("../../target/debug/hoso", import.meta.url).pathname, ["package", "verify", zip], { encoding: "utf8" });
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  const out = join(dir, "ra");
  expect(spawnSync("unzip", ["-oq", zip, "-d", out]).status).toBe(0);
  const declaration = spawnSync("pdftotext", [join(out, "to-khai.pdf"), "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
  expect(declaration).toContain("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(declaration).toContain("Họ, chữ đệm và tên người yêu cầu");
  expect(declaration).not.toContain(englishLabel("Họ, chữ đệm và tên người yêu cầu"));
  expect(readFileSync(join(out, "manifest.json"), "utf8")).not.toContain(englishLabel("Số trang của giấy tờ"));

  // A damaged draft file: the package maker reads it and says why, in English.
  const damaged = join(dir, "hong.zip");
  writeFileSync(damaged, "%PDF-1.4 not a zip");
  await open(page, "/ho-so");
  await page.getByLabel(new RegExp(`^${EN["draft_file.mo-ho-so-da-luu"].replace(/[().]/g, "\\$&")}`)).setInputFiles(damaged);
  const said = page.locator(".draft-file .error-message");
  await expect(said).toContainText("Could not open “hong.zip”.");
  await expect(said).toContainText("the file is damaged or was not fully downloaded or copied");
});
