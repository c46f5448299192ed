// The portal bridge gives the same answers as the CLI: the same declarations (tests/data/
// declarations.json) through hosoValidate in Chromium and through `hoso forms check` (the
// binary `cargo test` built), compared as JSON. tests/cli.rs compares the CLI with the core.
import { spawnSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test, expect, open, NOW } from "./fixtures.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const data = JSON.parse(readFileSync(`${root}/tests/data/declarations.json`, "utf8"));
const cli = `${root}/target/debug/hoso`;

test("hosoValidate answers exactly as hoso forms check, the commune codes checked against the units", async ({ page }) => {
  expect(existsSync(cli), `${cli} is built by cargo test (scripts/test.sh step 1)`).toBeTruthy();
  const todayInVietnam = new Date(NOW.getTime() + 7 * 3600e3).toISOString().slice(0, 10);
  expect(data.today, "the CLI checks on the day the page's clock is set to").toBe(todayInVietnam);
  await open(page, "/ho-so/1.004222"); // the whole app carries the bridge (the browse pages do not)
  for (const c of data.cases) {
    const run = spawnSync(cli, ["forms", "check", c.code, "--today", data.today], { input: JSON.stringify(c.answers), encoding: "utf8" });
    const fromCli = JSON.parse(run.stdout);
    const fromBridge = JSON.parse(await page.evaluate(([code, json]) => window.wasmBindings.hosoValidate(code, json), [c.code, JSON.stringify(c.answers)]));
    expect(fromBridge, `${c.code}: ${c.why}`).toEqual(fromCli);
  }
  // The unknown commune code is refused in the browser too (the units were loaded first).
  const marriage = JSON.parse(await page.evaluate(([code, json]) => window.wasmBindings.hosoValidate(code, json), [data.cases[0].code, JSON.stringify(data.cases[0].answers)]));
  expect(marriage.errors.map((e) => e.kind)).toContain("unknown_commune");
});
