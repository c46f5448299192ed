// What is in a wasm binary (issue #11: "look at what is in the wasm, printed by the size bench"):
// the release build's own code, named (wasm-bindgen --keep-debug on Cargo's release output, then
// wasm-opt -Oz -g, as scripts/bench-profile.mjs does), read section by section. Prints the code
// and data bytes, the code by crate (the crate whose source a function's body comes from: for
// `<T as Trait>::f`, T's), each crate's brotli alone (an estimate: brotli shares strings across
// crates in the real file), and the largest functions. Prints figures; gates nothing.
//   node scripts/wasm-parts.mjs [binary, default hoso-web] [how many functions, default 20]
//   HOSO_PARTS_GREP='flt2dec|fmt::float' node scripts/wasm-parts.mjs   also lists the functions named so
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const bin = process.argv[2] || "hoso-web";
const top = Number(process.argv[3] || 20);
const target = process.env.CARGO_TARGET_DIR || "target";
const built = join(target, "wasm32-unknown-unknown", "release", `${bin}.wasm`);
if (!existsSync(built)) throw new Error(`${built} is missing: build the release first (trunk build --release)`);

const work = mkdtempSync(join(tmpdir(), "hoso-parts-"));
let wasm;
try {
  execFileSync("wasm-bindgen", [built, "--out-dir", work, "--target", "web", "--keep-debug", "--no-typescript"], { stdio: "inherit" });
  const features = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "reference-types", "multivalue", "mutable-globals"].map((f) => `--enable-${f}`);
  execFileSync("node_modules/binaryen/bin/wasm-opt", ["-Oz", "-g", ...features, join(work, `${bin}_bg.wasm`), "-o", join(work, "opt.wasm")], { stdio: "inherit" });
  wasm = readFileSync(join(work, "opt.wasm"));
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The binary format: a header, then sections (id, LEB128 size, body).
let at = 8;
const leb = () => {
  let n = 0;
  let shift = 0;
  for (;;) {
    const b = wasm[at++];
    n += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return n;
  }
};
const text = () => {
  const len = leb();
  const s = wasm.subarray(at, at + len).toString("utf8");
  at += len;
  return s;
};
let imported = 0;
const bodies = [];
const names = new Map();
let dataBytes = 0;
while (at < wasm.length) {
  const id = wasm[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports: function imports come first in the function index space.
    for (let n = leb(); n > 0; n--) {
      text();
      text();
      const kind = wasm[at++];
      if (kind === 0) leb(), imported++;
      else if (kind === 1) at++, leb() & 1 ? (leb(), leb()) : leb();
      else if (kind === 2) leb() & 1 ? (leb(), leb()) : leb();
      else if (kind === 3) at += 2;
      else if (kind === 4) at++, leb();
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const len = leb();
      bodies.push(wasm.subarray(at, at + len));
      at += len;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0 && text() === "name") {
    while (at < end) {
      const sub = wasm[at++];
      const subSize = leb();
      const subEnd = at + subSize;
      if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), text());
      at = subEnd;
    }
  }
  at = end;
}

// The crate a function's body was written in: the first path segment of its own path, or of the
// type in `<Type as Trait>::f`.
const crate = (name) => {
  const s = name.replace(/^(<|&mut |&|\*const |\*mut |\[|\(|dyn )+/, "");
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/.exec(s);
  return m ? m[1] : "(other)";
};
const fns = bodies.map((body, i) => ({ name: names.get(i + imported) || `(function ${i + imported})`, body }));
const groups = new Map();
for (const f of fns) {
  const c = crate(f.name);
  const g = groups.get(c) || { raw: 0, count: 0, parts: [] };
  g.raw += f.body.length;
  g.count += 1;
  g.parts.push(f.body);
  groups.set(c, g);
}
const br = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kB = (n) => (n / 1000).toFixed(1).padStart(7) + " kB";
const code = fns.reduce((t, f) => t + f.body.length, 0);
console.log(`\n${bin}: ${kB(wasm.length)} named (the shipped code with its names), ${kB(code)} code in ${fns.length} functions, ${kB(dataBytes)} data (strings, tables)`);
console.log(`${"crate".padEnd(28)} ${"code".padStart(10)} ${"share".padStart(6)} ${"brotli alone".padStart(13)} functions`);
for (const [c, g] of [...groups].sort((a, b) => b[1].raw - a[1].raw).slice(0, 24)) {
  console.log(`${c.padEnd(28)} ${kB(g.raw)} ${((100 * g.raw) / code).toFixed(1).padStart(5)}% ${kB(br(Buffer.concat(g.parts))).padStart(13)} ${g.count}`);
}
if (process.env.HOSO_PARTS_GREP) {
  const re = new RegExp(process.env.HOSO_PARTS_GREP);
  const hit = fns.filter((f) => re.test(f.name));
  console.log(`\n${hit.length} functions match ${re}: ${kB(hit.reduce((t, f) => t + f.body.length, 0))}`);
  for (const f of hit.sort((a, b) => b.body.length - a.body.length).slice(0, 30)) console.log(`${kB(f.body.length)}  ${f.name.slice(0, 150)}`);
}
console.log(`\nthe ${top} largest functions (raw code bytes)`);
for (const f of [...fns].sort((a, b) => b.body.length - a.body.length).slice(0, top)) {
  console.log(`${kB(f.body.length)}  ${f.name.replace(/::h[0-9a-f]{16}$/, "").slice(0, 150)}`);
}
