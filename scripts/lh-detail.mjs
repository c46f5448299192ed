import { spawn } from "node:child_process";
import { once } from "node:events";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import fs from "node:fs";
const dist = process.argv[2] || "dist";
const route = process.argv[3] || "/ho-so/1.001193";
const port = 8200 + Math.floor(Math.random() * 500);
const server = spawn(process.execPath, ["scripts/serve-dist.mjs", dist, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await once(server.stdout, "data");
const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"] });
try {
  const { lhr } = await lighthouse(`http://127.0.0.1:${port}${route}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  fs.writeFileSync("/tmp/lh/last.json", JSON.stringify(lhr));
  const a = lhr.audits;
  console.log("perf", lhr.categories.performance.score * 100, "FCP", a["first-contentful-paint"].numericValue|0, "LCP", a["largest-contentful-paint"].numericValue|0, "TBT", a["total-blocking-time"].numericValue|0, "SI", a["speed-index"].numericValue|0, "TTI", a["interactive"]?.numericValue|0);
  for (const id of ["long-tasks", "bootup-time", "mainthread-work-breakdown", "network-requests", "largest-contentful-paint-element", "critical-request-chains"]) {
    const d = a[id]?.details;
    if (!d) continue;
    console.log("==", id);
    for (const it of (d.items || []).slice(0, 25)) console.log(JSON.stringify(it).slice(0, 300));
  }
} finally { await chrome.kill(); server.kill(); }
