#!/usr/bin/env bash
# Benchmarks: print figures, gate nothing (tests check correctness, not speed).
#   bash scripts/bench.sh          all benchmarks
#   bash scripts/bench.sh size     only the bundle size report
set -euo pipefail
source "$(dirname "$0")/setup.sh"
hoso_setup --test
what=${1:-all}

if [ "$what" = all ] || [ "$what" = size ]; then
  hoso_log "Kích thước gói phát hành (wasm + JS + CSS, raw / gzip / brotli)"
  [ -f dist/index.html ] || trunk build --release --offline
  node scripts/size-report.mjs dist
fi
