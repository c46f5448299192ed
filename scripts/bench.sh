#!/usr/bin/env bash
# Benchmarks: print figures, gate nothing (tests check correctness, not speed).
#   bash scripts/bench.sh          all benchmarks
#   bash scripts/bench.sh size     bundle size report (raw / gzip / brotli), what is in each app's wasm, catalogue index size
#   bash scripts/bench.sh search   search latency and relevance, natively and in Chromium vs Fuse.js
#   bash scripts/bench.sh ready    "Xuất hồ sơ" to package on slow 4G: pressed at once vs once the package maker is ready
#   bash scripts/bench.sh files    checking a 20 MB PDF, and SHA-256: WebCrypto vs the Rust path
#   bash scripts/bench.sh lighthouse  Lighthouse (mobile) on four routes of the release build, served with brotli
#   bash scripts/bench.sh trace [route]  where the time goes on one route (default a dossier): largest paint, long tasks, files, Lighthouse's tasks
#   bash scripts/bench.sh profile [route] [cpu slowdown]  which of hoso's functions each burst of main-thread work on one route runs (named release wasm)
#   bash scripts/bench.sh a11y     Lighthouse accessibility and best practices on the pages and states a citizen goes through
#   bash scripts/bench.sh package  export of 100 MB in Chromium vs JSZip and client-zip; verify and hostile archives natively
#   bash scripts/bench.sh drafts   draft save latency (p50/p95, 30 answers) and reopening a dossier with 50 MB of files
set -euo pipefail
source "$(dirname "$0")/setup.sh"
hoso_setup --test
what=${1:-all}

if [ ! -f dist/index.html ] || [ -n "$(find src public index.html Cargo.toml -newer dist/index.html -print -quit)" ]; then
  trunk build --release --offline
fi

if [ "$what" = all ] || [ "$what" = size ]; then
  hoso_log "Kích thước gói phát hành"
  node scripts/size-report.mjs dist
  hoso_log "Trong wasm có gì (mã theo crate, các hàm lớn nhất)"
  node scripts/wasm-parts.mjs hoso-browse 10
  node scripts/wasm-parts.mjs hoso-web 15
  node -e 'const z=require("zlib"),fs=require("fs");const b=fs.readFileSync("public/catalogue/index.json");const br=z.brotliCompressSync(b).length;console.log(`catalogue index: ${(b.length/1000).toFixed(1)} kB raw, ${(br/1000).toFixed(1)} kB brotli (budget 150 kB brotli)`)'
fi

if [ "$what" = all ] || [ "$what" = search ]; then
  hoso_log "Tìm kiếm: trên máy (native)"
  cargo bench --bench search
  hoso_log "Tìm kiếm: trong Chromium, cạnh Fuse.js"
  node scripts/bench-browser.mjs
fi

if [ "$what" = all ] || [ "$what" = lighthouse ]; then
  hoso_log "Lighthouse (di động, 4G chậm, CPU chậm 4 lần) trên bản phát hành"
  CHROME_PATH=${CHROME_PATH:-$(command -v chromium)} node scripts/bench-lighthouse.mjs dist "${LIGHTHOUSE_RUNS:-3}"
fi

if [ "$what" = trace ]; then
  hoso_log "Thời gian đi đâu trên một trang (bản phát hành)"
  CHROME_PATH=${CHROME_PATH:-$(command -v chromium)} node scripts/bench-trace.mjs dist "${2:-/ho-so/1.001193}"
fi

if [ "$what" = profile ]; then
  hoso_log "Hàm nào chạy trong mỗi đợt việc trên một trang (bản phát hành có tên hàm)"
  CHROME_PATH=${CHROME_PATH:-$(command -v chromium)} node scripts/bench-profile.mjs dist "${2:-/ho-so/1.001193}" "${3:-1}"
fi

if [ "$what" = all ] || [ "$what" = a11y ]; then
  hoso_log "Lighthouse: trợ năng và thực hành tốt trên các trang và trạng thái người dân đi qua"
  CHROME_PATH=${CHROME_PATH:-$(command -v chromium)} node scripts/bench-a11y.mjs dist
fi

if [ "$what" = all ] || [ "$what" = package ]; then
  hoso_log "Gói hồ sơ: xuất trong Chromium cạnh JSZip và client-zip; kiểm tra gói trên máy"
  cargo build --release --locked --bin hoso
  node scripts/bench-package.mjs "${PACKAGE_MB:-100}" "${PACKAGE_RUNS:-3}"
fi

if [ "$what" = all ] || [ "$what" = ready ]; then
  hoso_log "Xuất hồ sơ: bấm ngay, hoặc khi phần lập gói đã sẵn sàng (4G chậm, CPU chậm 4 lần)"
  node scripts/bench-export-ready.mjs "${READY_RUNS:-3}"
fi

if [ "$what" = all ] || [ "$what" = files ]; then
  hoso_log "Kiểm tra tệp và băm SHA-256 trong Chromium"
  node scripts/bench-files.mjs
fi

if [ "$what" = all ] || [ "$what" = drafts ]; then
  hoso_log "Bản nháp: thời gian lưu và mở lại (Chromium, IndexedDB)"
  node scripts/bench-drafts.mjs "${DRAFTS_RUNS:-3}"
fi
