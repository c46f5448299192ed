// How long a person waits between pressing "Xuất hồ sơ" and the package, on a weak phone's
// network (150 ms, 1.6 Mbit/s down, as Lighthouse's slow 4G; 4× CPU), with no service worker and
// no HTTP cache: pressed as soon as check-your-answers shows the button, and pressed once the page
// has made the package maker ready (web::worker::ready_package_maker: its code, the procedure,
// form and units in its worker, the fonts). Same browser, runs interleaved. Prints figures;
// asserts nothing (tests check correctness).
// The network is slowed by holding each response (the page's and its workers' alike: Chromium's
// own throttling does not reach a worker's requests) for 150 ms plus its brotli size at 1.6
// Mbit/s; responses in parallel do not share the bandwidth, so both figures are on the kind side.
//   node scripts/bench-export-ready.mjs [runs]      (bash scripts/bench.sh ready)
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { launchChromium, serveDist } from "./bench-setup.mjs";

const runs = Number(process.argv[2] || 3);
const port = 8099;
const code = "2.000815";
const server = await serveDist(port);
const browser = await launchChromium();
const base = `http://127.0.0.1:${port}`;
try {
  const context = await browser.newContext({ serviceWorkers: "block", acceptDownloads: true });
  // A complete dossier on this device (unthrottled): the declaration, then a real PDF attached.
  const setup = await context.newPage();
  await setup.goto(`${base}/ho-so/${code}/to-khai/yeu-cau`);
  const answers = {
    "Họ, chữ đệm và tên người yêu cầu": "nguyễn thị ánh tuyết",
    "Tên giấy tờ cần chứng thực": "Bằng tốt nghiệp trung học phổ thông",
    "Số trang của giấy tờ": "2",
    "Số bản sao cần chứng thực": "3",
  };
  for (const [label, value] of Object.entries(answers)) await setup.getByLabel(label, { exact: true }).fill(value);
  await setup.getByLabel("Không, do cơ quan Việt Nam cấp").check();
  await setup.getByRole("button", { name: "Tiếp tục" }).click();
  await setup.locator("main h1", { hasText: "Kiểm tra câu trả lời" }).waitFor();
  const maker = await browser.newPage();
  await maker.setContent("<h1>BẰNG TỐT NGHIỆP</h1>");
  const pdf = await maker.pdf({ format: "A4" });
  await maker.close();
  await setup.goto(`${base}/ho-so/${code}`);
  const card = setup.locator("li.paper").first();
  await card.getByLabel(/^Chọn tệp/).setInputFiles({ name: "bang.pdf", mimeType: "application/pdf", buffer: pdf });
  await setup.waitForFunction(() => document.querySelector("li.paper")?.getAttribute("data-checked") === "1", null, { timeout: 60_000 });
  await setup.close();

  // The slow network, for every request of this context from here on (see the top).
  const held = new Set();
  await context.route("**/*", async (route) => {
    const path = join("dist", decodeURIComponent(new URL(route.request().url()).pathname.slice(1)) || "index.html");
    const file = existsSync(path) && statSync(path).isFile() ? path : join("dist", "index.html");
    const bytes = existsSync(file + ".br") ? statSync(file + ".br").size : statSync(file).size;
    held.add(new URL(route.request().url()).pathname);
    await new Promise((r) => setTimeout(r, 150 + (bytes * 8 * 1000) / (1.6 * 1024 * 1024)));
    await route.continue();
  });
  const wanted = [/hoso-export_bg\.wasm$/, /catalogue\/p\/[\d.]+\.json$/, /forms\/[a-z0-9-]+\.json$/, /units\/2025\.json$/, /DejaVuSerif\.ttf$/, /DejaVuSerif-Bold\.ttf$/];
  const waits = { "pressed at once": [], "pressed once ready": [] };
  for (let i = 0; i < runs; i++) {
    for (const variant of Object.keys(waits)) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      // The worker's requests are told from the page's (which loads the same data) by their referrer.
      const arrived = wanted.map((re, i) => page.waitForEvent("requestfinished", { predicate: (r) => re.test(r.url()) && (i >= 4 || /hoso-export/.test(r.headers().referer || "")), timeout: 120_000 }));
      await page.goto(`${base}/ho-so/${code}/kiem-tra`);
      const button = page.getByRole("button", { name: "Xuất hồ sơ (.zip)" });
      await button.waitFor({ timeout: 120_000 });
      if (variant === "pressed once ready") await Promise.all(arrived);
      const pressed = performance.now();
      await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), button.click()]);
      waits[variant].push(performance.now() - pressed);
      await page.close();
    }
  }
  if (![...held].some((p) => p.endsWith("hoso-export_bg.wasm"))) throw new Error("the package maker's own requests were not slowed: the figures would mean nothing");
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\n"Xuất hồ sơ" pressed → package downloaded, ${code} with one PDF, slow 4G and 4× CPU, no cache (median of ${runs}, ms)`);
  for (const [variant, xs] of Object.entries(waits)) console.log(`${variant.padEnd(22)} ${median(xs).toFixed(0).padStart(7)}   (${xs.map((x) => x.toFixed(0)).join(", ")})`);
  const ratio = median(waits["pressed at once"]) / median(waits["pressed once ready"]);
  console.log(`ready is ${ratio.toFixed(1)}× sooner`);
} finally {
  await browser.close();
  server.kill();
}
