import { chromium } from "playwright";
import { spawn } from "node:child_process";
import { once } from "node:events";
const dist = process.argv[2], route = process.argv[3];
const port = 8700 + Math.floor(Math.random() * 200);
const server = spawn(process.execPath, ["/work/main/scripts/serve-dist.mjs", dist, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await once(server.stdout, "data");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage();
page.on("console", (m) => console.log("console:", m.text().slice(0, 200)));
const cdp = await page.context().newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Profiler.start");
const t0 = Date.now();
await page.goto(`http://127.0.0.1:${port}${route}`);
await page.waitForTimeout(6000);
const { profile } = await cdp.send("Profiler.stop");
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, us] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split("/").pop()})`; self.set(k, (self.get(k) || 0) + us); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log("total sampled ms", (total / 1000).toFixed(0));
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((us / 1000).toFixed(1).padStart(8), k.slice(0, 150));
// inclusive time by top-level hoso function
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (const [id, us] of counts) { const seen = new Set(); let cur = id; while (cur) { const f = byId.get(cur).callFrame.functionName; if (/hoso|serde_json::de::from|leptos::mount|instantiate|compile/i.test(f) && !seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) || 0) + us); } cur = parent.get(cur); } }
console.log("--- inclusive (hoso, serde from, mount)");
for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((us / 1000).toFixed(1).padStart(8), k.slice(0, 150));

// tree under the top N
const inclN = new Map();
const kids = new Map(profile.nodes.map((n) => [n.id, n.children || []]));
const tot = (id) => { if (inclN.has(id)) return inclN.get(id); let t = counts.get(id) || 0; for (const c of kids.get(id)) t += tot(c); inclN.set(id, t); return t; };
const show = (id, depth) => { const n = byId.get(id); const t = tot(id); if (t < 4000 || depth > 14) return; console.log(" ".repeat(depth) + (t / 1000).toFixed(1) + " " + (n.callFrame.functionName || n.callFrame.url.split("/").pop()).replace(/::h[0-9a-f]{16}/g, "").slice(0, 120)); for (const c of kids.get(id)) show(c, depth + 1); };
console.log("--- tree");
show(profile.nodes[0].id, 0);
await browser.close(); server.kill();
