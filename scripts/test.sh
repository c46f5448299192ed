#!/usr/bin/env bash
# Command 2: run every test layer, installing what is missing first.
#   0. formatting and lints            cargo fmt --check; cargo clippy -D warnings (host, and wasm32)
#   1. core + CLI on the host          cargo test
#   2. components in headless Chromium wasm-bindgen-test
#   3. the release bundle              trunk build --release (prints the size report)
#   4. end to end on that bundle       Playwright + axe-core in Debian's Chromium
set -euo pipefail
source "$(dirname "$0")/setup.sh"
hoso_setup --test

hoso_log "0/4 Định dạng mã và lint (cargo fmt --check, cargo clippy trên máy và wasm32)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

hoso_log "1/4 Kiểm thử lõi và CLI trên máy (cargo test)"
cargo test --locked

hoso_log "2/4 Kiểm thử thành phần giao diện trong Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test web

hoso_log "3/4 Dựng bản phát hành (trunk build --release)"
trunk build --release --offline

hoso_log "4/4 Kiểm thử đầu-cuối trên bản phát hành (Playwright, axe-core)"
playwright test -c tests/e2e

hoso_log "Tất cả các lớp kiểm thử đều đạt."
