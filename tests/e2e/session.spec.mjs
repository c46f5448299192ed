// A shared computer (a ward's one-stop desk): "Kết thúc phiên trên máy này" removes everything
// hoso kept on the device, says what it removed, and leaves nothing behind — also in another tab.
import { test, expect, open, axeViolations, CERTIFY, printPdf, attachToCertify } from "./fixtures.mjs";

/** What the browser still holds for this origin: hoso's database and its records, caches, storage. */
async function leftOnDevice(page) {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name);
    let records = 0;
    if (databases.includes("hoso")) {
      const db = await new Promise((resolve) => { const r = indexedDB.open("hoso"); r.onsuccess = () => resolve(r.result); });
      for (const store of db.objectStoreNames) {
        records += await new Promise((resolve) => { const c = db.transaction(store).objectStore(store).count(); c.onsuccess = () => resolve(c.result); });
      }
      db.close();
    }
    return { records, caches: await caches.keys(), local: Object.keys(localStorage), session: Object.keys(sessionStorage) };
  });
}

test("ending the session removes the dossiers, their files, hoso's caches and storage, and says what it removed", async ({ page, context, browser }) => {
  const pdf = await printPdf(browser, "<h1>BẰNG TỐT NGHIỆP</h1>");
  const card = await attachToCertify(page, pdf);
  await expect(card).toContainText("Bằng tốt nghiệp.pdf");
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu trên máy này" })).toBeVisible();
  // What a service worker or a portal's page may have left for this origin: a data cache (removed),
  // the app shell's cache (kept: only hoso's own code), a remembered choice.
  // The service worker's own activation deletes other versions' shell caches: wait until it is active,
  // as it is on a real visit by then, so only "Kết thúc phiên" can remove anything below.
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    while (reg.active.state !== "activated") await new Promise((r) => setTimeout(r, 50));
    await (await caches.open("hoso-du-lieu")).put("/catalogue/index.json", new Response("{}"));
    await (await caches.open("hoso-shell-v1")).put("/index.html", new Response("<!doctype html>"));
    localStorage.setItem("hoso-lua-chon", "1");
    // A portal that hosts hoso under a path of its own origin keeps its own things there: not hoso's.
    await (await caches.open("cong-dvc-trang")).put("/", new Response("portal"));
    localStorage.setItem("cong-dvc-phien", "dang-nhap");
    sessionStorage.setItem("cong-dvc-buoc", "2");
  });
  // Another tab, left open on the declaration.
  const other = await context.newPage();
  await open(other, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await expect(other.getByLabel("Tên giấy tờ cần chứng thực", { exact: true })).toHaveValue(CERTIFY.answers["Tên giấy tờ cần chứng thực"]);

  await page.getByRole("link", { name: "Kết thúc phiên trên máy này" }).click();
  await expect(page.locator("main h1")).toHaveText("Kết thúc phiên trên máy này");
  await expect(page.locator("main").getByRole("status")).toHaveText(/^Trên máy này hoso đang lưu: 1 hồ sơ, 1 tệp đính kèm \(\d+ kB\)\.$/);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Xoá hết và kết thúc phiên" }).click();
  await expect(page.getByRole("heading", { name: "Đã kết thúc phiên" })).toBeVisible();
  await expect(page.locator("main")).toContainText(/Đã xoá khỏi máy này: 1 hồ sơ, 1 tệp đính kèm \(\d+ kB\); \d+ bộ nhớ đệm dữ liệu; \d+ mục ghi nhớ của trình duyệt\./);

  // The other tab dropped what it showed and went to the home page.
  await expect(other).toHaveURL(/\/$/);
  await expect(other.locator("main h1")).toBeVisible();
  // Only the app shell's caches stay (hoso's own code: this one, and the service worker's), and
  // what is not hoso's: the portal's cache and storage are left as they were.
  const left = await leftOnDevice(page);
  expect(left.caches).toContain("hoso-shell-v1");
  expect(left.caches.filter((c) => !c.startsWith("hoso-shell-"))).toEqual(["cong-dvc-trang"]);
  expect({ ...left, caches: undefined }).toEqual({ records: 0, caches: undefined, local: ["cong-dvc-phien"], session: ["cong-dvc-buoc"] });
  await other.close();

  // Opening the dossier again starts from nothing.
  await open(page, `/ho-so/${CERTIFY.code}/to-khai/yeu-cau`);
  await expect(page.getByLabel("Tên giấy tờ cần chứng thực", { exact: true })).toHaveValue("");
});
