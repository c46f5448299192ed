// What the browser benchmarks share: the release build in dist/ served as a static host serves it
// (scripts/serve-dist.mjs, brotli), and Debian's Chromium.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

/** scripts/serve-dist.mjs for dist/ on `port`, once it answers. `kill()` it when done. */
export async function serveDist(port) {
  const server = spawn("node", ["scripts/serve-dist.mjs", "dist", String(port)], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`serve-dist did not answer on port ${port}`);
}

/** Debian's Chromium (or HOSO_CHROMIUM), headless, with `args` beside the usual ones. */
export function launchChromium(args = []) {
  return chromium.launch({
    executablePath: process.env.HOSO_CHROMIUM || "/usr/bin/chromium",
    args: [...args, "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}
