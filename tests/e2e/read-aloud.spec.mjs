// "Đọc to" (#14): each question with its hint, each error and each paper can be read aloud, one
// sentence per utterance, abbreviations in full. Chromium here has no voice at all, so the speech
// engine is stood in for by a recorder with one Vietnamese voice where the test needs one; without
// it, the real browser's answer ("no Vietnamese voice") is what the person is told.
import { test, expect, open, axeViolations, CERTIFY, fillCertifyDeclaration } from "./fixtures.mjs";

const SECTION = "/ho-so/1.001193/to-khai/nguoi-yeu-cau";

/** A speech engine with one Vietnamese voice that records what it is asked to say. */
async function recordSpeech(page) {
  await page.addInitScript(() => {
    const voice = { name: "Tiếng Việt", lang: "vi-VN", localService: true, voiceURI: "vi-VN", default: true };
    window.spoken = [];
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    Object.defineProperty(window, "speechSynthesis", {
      value: {
        getVoices: () => [{ ...voice, name: "English", lang: "en-US" }, voice],
        speak: (u) => window.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name }),
        cancel: () => window.spoken.push("cancel"),
        onvoiceschanged: null,
      },
    });
  });
}

async function turnOn(page) {
  await page.locator(".display-choice summary").click();
  await page.getByLabel("Nút đọc to").check();
  await page.locator(".display-choice summary").click();
}

test("the read-aloud buttons come with 'Nút đọc to' under 'Hiển thị', are remembered, and keep the page accessible", async ({ page }) => {
  await open(page, SECTION);
  const button = page.getByRole("button", { name: "Đọc to: Họ, chữ đệm và tên" });
  await expect(button).toBeHidden();
  await turnOn(page);
  await expect(button).toBeVisible();
  // Every question has one: typed, chosen, and the commune picker.
  for (const question of ["Số định danh cá nhân (số căn cước)", "Số điện thoại", "Quan hệ với trẻ", "Xã, phường nơi cư trú"]) {
    await expect(page.getByRole("button", { name: `Đọc to: ${question}`, exact: true })).toBeVisible();
  }
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-doc-to", "");
  await expect(button).toBeVisible();
  // At least 24×24 px to tap (WCAG 2.5.8).
  const box = await button.boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(24);
  expect(box.width).toBeGreaterThanOrEqual(24);
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await expect(page.getByRole("button", { name: "Đọc to: lỗi" }).first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("a question is read with its hint, one sentence at a time, abbreviations in full, in the Vietnamese voice", async ({ page }) => {
  await recordSpeech(page);
  await open(page, SECTION);
  await turnOn(page);
  const label = await page.locator("label[for='f-nguoi-yeu-cau-cccd']").innerText();
  const hint = await page.locator("#f-nguoi-yeu-cau-cccd-goi-y").innerText();
  await page.getByRole("button", { name: `Đọc to: ${label}` }).click();
  await expect.poll(() => page.evaluate(() => window.spoken.length)).toBeGreaterThan(1);
  const spoken = await page.evaluate(() => window.spoken);
  expect(spoken[0]).toBe("cancel");
  const said = spoken.slice(1);
  expect(said.every((u) => u.lang === "vi-VN" && u.voice === "Tiếng Việt")).toBe(true);
  // The label, then the hint, the card's abbreviation said in full; nothing else.
  expect(hint).toContain("CCCD");
  expect(said.map((u) => u.text)).toEqual([label, hint.replace("CCCD", "căn cước công dân")]);
  // An error is read as it is shown.
  await page.locator("#f-nguoi-yeu-cau-cccd").fill("123");
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  const error = page.locator("#f-nguoi-yeu-cau-cccd-loi");
  await expect(error).toBeVisible();
  await page.evaluate(() => { window.spoken = []; });
  await error.locator("xpath=following-sibling::button[1]").click();
  await expect.poll(() => page.evaluate(() => window.spoken.slice(1).map((u) => u.text).join(" "))).toBe((await error.innerText()).replace(/\s+/g, " ").trim().replace("CCCD", "căn cước công dân"));
});

test("a paper on the dossier page is read with its state and why it is needed", async ({ page }) => {
  await recordSpeech(page);
  await fillCertifyDeclaration(page);
  await open(page, `/ho-so/${CERTIFY.code}`);
  await turnOn(page);
  const paper = page.locator("li.paper").first();
  await expect(paper.locator(".paper__name")).not.toBeEmpty();
  const name = await paper.locator(".paper__name").innerText();
  await paper.getByRole("button", { name: `Đọc to: ${name}` }).click();
  await expect.poll(() => page.evaluate(() => window.spoken.length)).toBeGreaterThan(2);
  const said = (await page.evaluate(() => window.spoken.slice(1).map((u) => u.text))).join(" ");
  expect(said.startsWith(name)).toBe(true);
  expect(said).toContain((await paper.locator(".tag").innerText()).trim());
  expect(said).toContain((await paper.locator(".hint").first().innerText()).split(".")[0]);
});

test("without a Vietnamese voice on the device, the button says how to add one", async ({ page }) => {
  await open(page, SECTION);
  await turnOn(page);
  await page.getByRole("button", { name: "Đọc to: Họ, chữ đệm và tên" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Máy này chưa có giọng đọc tiếng Việt" })).toBeVisible();
  await expect(page.getByText(/Cài đặt → Thời gian và ngôn ngữ → Giọng nói/)).toBeVisible();
});

test("in English, a question is read with the English voice and a paper's published name with the Vietnamese one", async ({ page }) => {
  await recordSpeech(page);
  // The declaration filled (its paper is then needed), then English and the buttons chosen.
  await fillCertifyDeclaration(page);
  await page.evaluate(() => {
    localStorage.setItem("hoso-ngon-ngu", "en");
    localStorage.setItem("hoso-hien-thi", "doc-to");
  });
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const question = page.getByRole("button", { name: /^Read aloud: / }).first();
  await question.click();
  await expect.poll(() => page.evaluate(() => window.spoken.length)).toBeGreaterThan(1);
  const first = await page.evaluate(() => window.spoken.find((u) => u !== "cancel"));
  expect(first.voice).toBe("English");
  expect(first.lang).toBe("en-US");
  expect(first.text).not.toMatch(/[à-ỹđ]/i);

  await open(page, `/ho-so/${CERTIFY.code}`);
  await page.evaluate(() => { window.spoken = []; });
  const paper = page.locator("li.paper").first();
  await paper.getByRole("button", { name: /^Read aloud: / }).click();
  await expect.poll(() => page.evaluate(() => window.spoken.length)).toBeGreaterThan(1);
  const said = await page.evaluate(() => window.spoken.find((u) => u !== "cancel"));
  expect(said.voice).toBe("Tiếng Việt");
  expect(said.lang).toBe("vi-VN");
});
