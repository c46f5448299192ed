// Where the time goes on one route of the release build (issue #11's diagnosis, for whoever
// makes a page faster next). Two runs in Debian's Chromium, served as scripts/bench-lighthouse.mjs
// serves it (brotli):
//   1. Chromium's own throttling (150 ms, 1.6 Mbit/s, 4× CPU): each largest-contentful-paint
//      candidate (time, area, element), the long tasks, and every file with when it started and
//      ended. Shows what the largest paint waited for.
//   2. A Lighthouse run (simulated, as the score is): its metrics, then each main-thread task over
//      8 ms of the unthrottled trace with the work inside it (script, layout, wasm compile).
// Prints figures; gates nothing.
//   node scripts/bench-trace.mjs [dist] [route]
import { spawn } from "node:child_process";
import { once } from "node:events";
import { chromium } from "playwright";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const dist = process.argv[2] || "dist";
const route = process.argv[3] || "/ho-so/1.001193";
const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";
const port = 8200 + Math.floor(Math.random() * 500);
const server = spawn(process.execPath, ["scripts/serve-dist.mjs", dist, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await once(server.stdout, "data");
const url = `http://127.0.0.1:${port}${route}`;
const short = (u) => u.replace(/^https?:\/\/[^/]+\//, "");

try {
  console.log(`\n${route}: Chromium throttled (150 ms RTT, 1.6 Mbit/s, 4× CPU), cold cache`);
  const browser = await chromium.launch({ executablePath: chromePath });
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await page.addInitScript(() => {
    window.__seen = { lcp: [], long: [] };
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        const el = e.element;
        window.__seen.lcp.push([Math.round(e.startTime), e.size, el ? `<${el.tagName.toLowerCase()}${el.className ? "." + el.className.split(" ")[0] : ""}> ${(el.textContent || "").trim().slice(0, 60)}` : "?"]);
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__seen.long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(url);
  await page.waitForTimeout(9000);
  const seen = await page.evaluate(() => ({ ...window.__seen, files: performance.getEntriesByType("resource").map((e) => [e.name, Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize]) }));
  await browser.close();
  console.log("largest paint candidates (ms, px², element):");
  for (const [t, size, el] of seen.lcp) console.log(`  ${String(t).padStart(6)} ${String(size).padStart(7)}  ${el}`);
  console.log(`long tasks (start ms, duration ms): ${seen.long.map(([s, d]) => `${s}+${d}`).join(", ") || "none"}`);
  console.log("files (start ms, end ms, bytes transferred):");
  for (const [name, s, e, bytes] of seen.files) console.log(`  ${String(s).padStart(6)} ${String(e).padStart(6)} ${String(bytes).padStart(8)}  ${short(name)}`);

  console.log(`\n${route}: Lighthouse 12 (simulated slow 4G, 4× CPU)`);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"] });
  try {
    const { lhr, artifacts } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    const a = lhr.audits;
    const ms = (id) => Math.round(a[id].numericValue);
    console.log(`performance ${Math.round(lhr.categories.performance.score * 100)}: FCP ${ms("first-contentful-paint")} ms, LCP ${ms("largest-contentful-paint")} ms, TBT ${ms("total-blocking-time")} ms, CLS ${a["cumulative-layout-shift"].numericValue.toFixed(3)}`);
    const ev = artifacts.Trace.traceEvents;
    const nav = ev.find((e) => e.name === "navigationStart");
    console.log("main-thread tasks over 8 ms, unthrottled (ms after navigation, duration; × 4 is what the score counts):");
    for (const t of ev.filter((e) => e.name === "RunTask" && e.dur > 8000 && e.pid === nav.pid && e.tid === nav.tid)) {
      const inside = new Map();
      for (const k of ev) {
        if (k.pid !== t.pid || k.tid !== t.tid || k === t || k.ts < t.ts || k.ts >= t.ts + t.dur || !(k.dur > 2000)) continue;
        const name = k.name + (k.args?.data?.url ? ` ${short(k.args.data.url)}` : "");
        inside.set(name, Math.max(inside.get(name) || 0, k.dur / 1000));
      }
      const top = [...inside].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(1)}`);
      console.log(`  ${String(Math.round((t.ts - nav.ts) / 1000)).padStart(6)} ${(t.dur / 1000).toFixed(1).padStart(6)}  ${top.join(" | ")}`);
    }
  } finally {
    await chrome.kill();
  }
} finally {
  server.kill();
}
