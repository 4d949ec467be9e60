#!/usr/bin/env bash
# Installs what building, serving and testing the explainer needs, and only
# what is missing or at the wrong version. Fast (seconds) when all is present.
#
#   bash scripts/setup.sh            # build tools: wasm32 target, trunk, wasm-bindgen, npm packages
#   bash scripts/setup.sh --browser  # ... plus Debian's chromium, chromium-driver and CJK fonts
#
# May also be sourced (`source scripts/setup.sh [--browser]`); it then leaves
# node_modules/.bin and cargo's bin folder on the caller's PATH.
# Install logs go to .tools/logs/; they are shown only when an install fails.

TRUNK_VERSION="0.21.14"

setup_main() {
  local want_browser=0 arg
  for arg in "$@"; do
    case "$arg" in
      --browser) want_browser=1 ;;
      -h | --help)
        sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        return 0
        ;;
      *)
        echo "setup: unknown argument: $arg" >&2
        return 2
        ;;
    esac
  done

  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cd "$root"
  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  export PATH="$root/node_modules/.bin:$cargo_bin:$PATH"
  local logs="$root/.tools/logs"
  mkdir -p "$logs"

  # Run a (long) install quietly; on failure show the end of its log.
  quietly() {
    local name="$1"
    shift
    local log="$logs/$name.log"
    if ! "$@" >"$log" 2>&1; then
      echo "setup: FAILED: $* (last lines of $log follow)" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
  }

  local tool
  for tool in cargo rustup node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "setup: '$tool' is not installed; this machine's toolchain should provide it" >&2
      return 1
    fi
  done

  # 1. The WebAssembly target.
  if ! rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
    echo "setup: adding rust target wasm32-unknown-unknown"
    quietly rustup-target rustup target add wasm32-unknown-unknown
  fi

  # 2. Trunk, exactly the version this project is built with (0.22 needs a newer rustc).
  if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]]; then
    echo "setup: installing trunk $TRUNK_VERSION (takes ~6 minutes on 2 cores)"
    quietly trunk cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi

  # 3. wasm-bindgen CLI: must equal the wasm-bindgen crate version in Cargo.lock.
  if [[ ! -f Cargo.lock ]]; then
    echo "setup: generating Cargo.lock"
    quietly lockfile cargo generate-lockfile
  fi
  local wbg_version
  wbg_version="$(awk '
    /^\[\[package\]\]/ { in_wbg = 0 }
    /^name = "wasm-bindgen"$/ { in_wbg = 1; next }
    in_wbg && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock)"
  if [[ -z "$wbg_version" ]]; then
    echo "setup: no wasm-bindgen package found in Cargo.lock" >&2
    return 1
  fi
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg_version" ]]; then
    echo "setup: installing wasm-bindgen-cli $wbg_version (takes a few minutes)"
    # Not --locked: the CLI's own lockfile may pin crates this toolchain cannot build.
    quietly wasm-bindgen cargo install wasm-bindgen-cli --version "$wbg_version" --force
  fi

  # 3b. The wasm splitter (tools/wasm-split), which Trunk runs as its wasm-bindgen: linked
  # as .tools/split-bin/wasm-bindgen, first on PATH (scripts/run.sh, test.sh, bench.sh).
  # Cargo makes this a no-op in about a second when it is built already.
  quietly wasm-split cargo build --release --locked \
    --manifest-path tools/wasm-split/Cargo.toml --target-dir target/tools
  mkdir -p .tools/split-bin
  ln -sfn ../../target/tools/release/wasm-split-bindgen .tools/split-bin/wasm-bindgen

  # 4. npm packages: wasm-opt (binaryen), playwright-core, axe-core.
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "setup: npm ci"
    quietly npm npm ci --no-audit --no-fund
    touch node_modules/.package-lock.json
  fi

  # 5. Optional: a browser for the browser tests (never a downloaded one).
  if [[ "$want_browser" == 1 ]]; then
    local packages=()
    [[ -x /usr/bin/chromium ]] || packages+=(chromium)
    [[ -x /usr/bin/chromedriver ]] || packages+=(chromium-driver)
    # Japanese and Korean glyphs, so pages in ?lang=ja|ko render (and lay out) as readers see them.
    if ! command -v fc-list >/dev/null 2>&1 || [[ -z "$(fc-list :lang=ja 2>/dev/null | head -n 1)" ]]; then
      packages+=(fonts-noto-cjk)
    fi
    if ((${#packages[@]} > 0)); then
      echo "setup: installing Debian packages: ${packages[*]}"
      local sudo=()
      if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
          sudo=(sudo)
        else
          echo "setup: need root (or sudo) to apt-get install ${packages[*]}" >&2
          return 1
        fi
      fi
      quietly apt-update "${sudo[@]}" apt-get update
      quietly apt-install "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${packages[@]}"
    fi
  fi
  return 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  setup_main "$@"
else
  # Sourced: install in a child bash (so `set -e` there cannot end the
  # caller's shell), then put the tools on the caller's PATH.
  _setup_status=0
  bash "${BASH_SOURCE[0]}" "$@" || _setup_status=$?
  _setup_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  export PATH="$_setup_root/.tools/split-bin:$_setup_root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  unset _setup_root
  # shellcheck disable=SC2317
  return "$_setup_status"
fi
