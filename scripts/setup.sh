#!/usr/bin/env bash
# Installs what hoso needs to build (and, with --test, to test), only if missing. Idempotent:
# a second run only checks versions. Sourced by dev.sh, test.sh and bench.sh.
#
# Pinned versions (ARCHITECTURE.md, "Build facts", says why):
HOSO_TRUNK_VERSION=0.21.14
HOSO_WASM_BINDGEN_VERSION=0.2.130

hoso_log() { printf '\033[1;34m[hoso]\033[0m %s\n' "$*" >&2; }

hoso_setup() {
  local want_test=${1:-}
  cd "$(dirname "${BASH_SOURCE[0]}")/.." || return 1
  export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

  command -v cargo >/dev/null || { hoso_log "Không thấy cargo. Cài Rust bằng rustup trước: https://rustup.rs"; return 1; }

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    hoso_log "Cài target wasm32-unknown-unknown…"
    rustup target add wasm32-unknown-unknown || return 1
  fi

  for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      hoso_log "Cài thành phần $component của Rust…"
      rustup component add "$component" || return 1
    fi
  done

  if [ "$(trunk --version 2>/dev/null)" != "trunk $HOSO_TRUNK_VERSION" ]; then
    hoso_log "Cài trunk $HOSO_TRUNK_VERSION (lần đầu mất khoảng 11 phút)…"
    cargo install trunk --version "$HOSO_TRUNK_VERSION" --locked || return 1
  fi

  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $HOSO_WASM_BINDGEN_VERSION" ]; then
    hoso_log "Cài wasm-bindgen-cli $HOSO_WASM_BINDGEN_VERSION…"
    # Without --locked: the locked webpki-roots is missing from the registry snapshot.
    cargo install wasm-bindgen-cli --version "$HOSO_WASM_BINDGEN_VERSION" || return 1
  fi

  command -v node >/dev/null && command -v npm >/dev/null || hoso_apt nodejs npm || return 1
  # npm tools: binaryen (wasm-opt 132), terser (release glue), Playwright, axe-core, Lighthouse.
  # Never let Playwright or Lighthouse fetch a browser.
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if ! node -e 'require("./node_modules/binaryen/package.json"); require("./node_modules/@playwright/test/package.json"); require("./node_modules/@axe-core/playwright/package.json"); require("./node_modules/terser/package.json"); require("./node_modules/lighthouse/package.json")' 2>/dev/null \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    hoso_log "Cài công cụ npm (npm ci)…"
    npm ci --no-audit --no-fund --loglevel=error || return 1
  fi
  [ "$(wasm-opt --version 2>/dev/null)" = "wasm-opt version 132 (version_132)" ] \
    || { hoso_log "wasm-opt trên PATH không phải bản 132: $(command -v wasm-opt)"; return 1; }

  if [ "$want_test" = --test ]; then
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
      hoso_apt chromium chromium-driver || return 1
    fi
    # Independent producers for the file-check corpus (tests/corpus/make.sh).
    if ! command -v gs >/dev/null || ! command -v qpdf >/dev/null || ! command -v img2pdf >/dev/null \
       || ! command -v pdftocairo >/dev/null || ! command -v convert >/dev/null; then
      hoso_apt ghostscript qpdf img2pdf poppler-utils imagemagick || return 1
    fi
    # Independent readers of the submission package (tests/cli.rs, tests/e2e/package.spec.mjs).
    if ! command -v unzip >/dev/null || ! command -v zbarimg >/dev/null || ! command -v age >/dev/null \
       || ! /usr/bin/python3 -c "import jsonschema" 2>/dev/null; then
      hoso_apt unzip zbar-tools age python3 python3-jsonschema || return 1
    fi
    # The căn cước's QR codes the scanner test reads (tests/e2e/card-scan.spec.mjs).
    command -v qrencode >/dev/null || hoso_apt qrencode || return 1
    export CHROMEDRIVER=/usr/bin/chromedriver
    export HOSO_CHROMIUM=/usr/bin/chromium
  fi
}

# Installs Debian packages (as root, or through sudo).
hoso_apt() {
  hoso_log "Cài gói Debian: $*…"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}
