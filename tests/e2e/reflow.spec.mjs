// Reflow (WCAG 1.4.10) on every kind of page: at 320 CSS px wide (a small phone, or 1280 px at
// 400% zoom) and at 640 px (200% zoom), with the usual and the large type, nothing scrolls
// sideways and nothing visible sticks out of the screen.
import { test, expect, open, CERTIFY, fillCertifyDeclaration } from "./fixtures.mjs";

const ROUTES = ["/", "/linh-vuc", "/su-kien/sinh-con", "/gioi-thieu", `/thu-tuc/${CERTIFY.code}`, "/thu-tuc/1.001193", `/ho-so/${CERTIFY.code}`,
  "/ho-so/1.001193/to-khai/nguoi-yeu-cau", `/ho-so/${CERTIFY.code}/kiem-tra`, `/ho-so/${CERTIFY.code}/in`, "/ho-so", "/ket-thuc-phien", "/khong-co-trang-nay"];

/** What sticks out: the page's sideways scroll, and each visible element past the right edge. */
async function overflow(page) {
  return page.evaluate(() => {
    const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === "hidden" || style.position === "absolute" && style.clip !== "auto") continue;
      if (el.closest(".visually-hidden, [hidden], details:not([open]) > :not(summary)")) continue;
      if (r.right > innerWidth + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()}.${el.className} «${(el.textContent || "").trim().slice(0, 40)}» ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    return { sideways, out: out.slice(0, 5) };
  });
}

for (const [width, large] of [[320, false], [320, true], [640, true]]) {
  test(`every page reflows at ${width} px${large ? " in large type" : ""}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 720 });
    if (large) await page.addInitScript(() => localStorage.setItem("hoso-hien-thi", "chu-lon,doc-to"));
    await fillCertifyDeclaration(page);
    for (const route of ROUTES) {
      await open(page, route);
      await page.waitForLoadState("networkidle");
      expect(await overflow(page), route).toEqual({ sideways: 0, out: [] });
    }
  });
}
