// Which of hoso's own functions each burst of main-thread work on one route spends its time in
// (issue #11's diagnosis, the step after scripts/bench-trace.mjs). The release wasm is rebuilt
// with its function names: wasm-bindgen --keep-debug on Cargo's release output, then wasm-opt -Oz
// -g, so the code is the shipped code, named. It replaces hoso-web in a copy of dist, which is
// served as the release build is and profiled by Chromium's sampling profiler under CPU
// throttling. For each burst of work over 25 ms it prints the burst's length and the functions
// with the most time inside it (hoso's own, serde's, the glue, "(program)": V8 compiling a wasm
// function at its first call, layout). The profiler slows what it measures: compare shares, not
// milliseconds. Prints figures; gates nothing.
//   node scripts/bench-profile.mjs [dist] [route] [cpu slowdown]
import { spawn, execFileSync } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright";

const dist = process.argv[2] || "dist";
const route = process.argv[3] || "/ho-so/1.001193";
const slowdown = Number(process.argv[4] || 1);
const target = process.env.CARGO_TARGET_DIR || "target";
const built = join(target, "wasm32-unknown-unknown", "release", "hoso-web.wasm");
if (!existsSync(built)) throw new Error(`${built} is missing: build the release first (trunk build --release)`);

// 1. The shipped code with its names.
const work = mkdtempSync(join(tmpdir(), "hoso-profile-"));
const named = join(work, "named");
execFileSync("wasm-bindgen", [built, "--out-dir", named, "--target", "web", "--keep-debug", "--no-typescript"], { stdio: "inherit" });
const features = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "reference-types", "multivalue", "mutable-globals"].map((f) => `--enable-${f}`);
execFileSync("node_modules/binaryen/bin/wasm-opt", ["-Oz", "-g", ...features, join(named, "hoso-web_bg.wasm"), "-o", join(named, "opt.wasm")], { stdio: "inherit" });

// 2. A copy of dist with it in place of hoso-web (and no service worker, which would keep the old one).
const site = join(work, "dist");
cpSync(dist, site, { recursive: true });
for (const n of readdirSync(site)) {
  if (/^hoso-web-[0-9a-f]+(_bg\.wasm|\.js)\.(br|gz)$/.test(n) || n.startsWith("sw.js")) rmSync(join(site, n));
}
const glue = readdirSync(site).find((n) => /^hoso-web-[0-9a-f]+\.js$/.test(n));
cpSync(join(named, "hoso-web.js"), join(site, glue));
cpSync(join(named, "opt.wasm"), join(site, glue.replace(/\.js$/, "_bg.wasm")));

// 3. The profile.
const port = 8700 + Math.floor(Math.random() * 200);
const server = spawn(process.execPath, ["scripts/serve-dist.mjs", site, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await once(server.stdout, "data");
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium" });
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  await page.goto(`http://127.0.0.1:${port}${route}`);
  await page.waitForTimeout(5000);
  const { profile } = await cdp.send("Profiler.stop");

  const node = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split("/").pop() || "native"})`;
  // Samples in time order, cut into bursts wherever the main thread idles for 0.4 ms or more.
  const bursts = [];
  let t = profile.startTime;
  let burst = null;
  profile.samples.forEach((sample, i) => {
    t += profile.timeDeltas[i] || 0;
    const step = profile.timeDeltas[i + 1] || 50;
    if (name(node.get(sample)) === "(idle)") {
      if (burst && t - burst.end >= 400) bursts.push(burst), (burst = null);
      return;
    }
    burst ??= { start: t, end: t, within: new Map() };
    burst.end = t;
    const seen = new Set();
    for (let id = sample; id; id = parent.get(id)) {
      const fn = name(node.get(id));
      if (!seen.has(fn)) seen.add(fn), burst.within.set(fn, (burst.within.get(fn) || 0) + step);
    }
  });
  if (burst) bursts.push(burst);

  console.log(`\n${route}: Chromium's profiler, ${slowdown}× CPU, named release wasm (times include the profiler's own cost)`);
  // hoso's own functions (and serde's, which parse its data) first; then what else the burst holds.
  const own = /^(hoso|<hoso|serde|<serde|<&mut serde)/;
  const other = /^\(program\)$|^\(garbage collector\)$|^\(hoso-web|^tachys|^<tachys|^leptos|^reactive_graph/;
  const line = ([fn, us]) => console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${fn.replace(/::h[0-9a-f]{16}$/, "").slice(0, 140)}`);
  for (const b of bursts) {
    const ms = (b.end - b.start) / 1000;
    if (ms < 25) continue;
    console.log(`\nburst at ${((b.start - profile.startTime) / 1000).toFixed(0)} ms, ${ms.toFixed(0)} ms`);
    const ranked = [...b.within].sort((x, y) => y[1] - x[1]);
    ranked.filter(([fn]) => own.test(fn)).slice(0, 12).forEach(line);
    console.log("    and:");
    ranked.filter(([fn]) => other.test(fn)).slice(0, 5).forEach(line);
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
