#!/usr/bin/env bash
# Command 1: build hoso and serve it on http://127.0.0.1:8080/ (rebuilds on change).
#   bash scripts/dev.sh          release build, the one users get
#   bash scripts/dev.sh --debug  faster rebuilds while developing
set -euo pipefail
source "$(dirname "$0")/setup.sh"
hoso_setup
profile=(--release)
[ "${1:-}" = --debug ] && profile=()
port=${HOSO_PORT:-8080}
hoso_log "Đang dựng ứng dụng; khi xong, mở http://127.0.0.1:$port/ trong trình duyệt (Ctrl+C để dừng)."
exec trunk serve "${profile[@]}" --offline --port "$port"
