#!/usr/bin/env bash
# The bench (issue 9): builds the release (trunk build --release → dist/) and the floor, a
# minimal Leptos 0.8 counter with the same release settings (bench/floor/ → bench/floor/dist/),
# then measures both with bench/run.mjs: sizes, Lighthouse, interaction times at 4× CPU
# throttling, memory over 10,000 interactions, budgets. Prints a markdown report and writes it
# to BENCHMARKS.md. It reports figures and is not a test: it exits 0 whether or not the budgets
# are met, and non-zero only when it could not build or measure. About 15 minutes on 2 cores.
#
#   bash scripts/bench.sh                  # build both, measure, write BENCHMARKS.md
#   bash scripts/bench.sh --no-build       # measure dist/ and bench/floor/dist/ as they are
#   bash scripts/bench.sh --no-build --runs 10 --memory-interactions 2000 --lighthouse-runs 1 --out /tmp/b.md
#
# Options other than --no-build go to bench/run.mjs (see its header).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

build=1
run_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h | --help)
      sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) run_args+=("$arg") ;;
  esac
done

say() { printf '\n==== bench: %s ====\n' "$*" >&2; }

say "setup (build tools, Chromium)"
bash scripts/setup.sh --browser
export PATH="$root/.tools/split-bin:$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

logs="$root/target/bench/logs"
mkdir -p "$logs"
# quietly NAME COMMAND...: run with the output in a log, shown (its end) only on failure.
quietly() {
  local name="$1" t0=$SECONDS
  shift
  if ! "$@" >"$logs/$name.log" 2>&1; then
    echo "bench: FAILED: $* (last lines of $logs/$name.log follow)" >&2
    tail -n 40 "$logs/$name.log" >&2
    return 1
  fi
  echo "bench: $name done in $((SECONDS - t0)) s" >&2
}

# The floor pins wasm-bindgen exactly like the main crate (Trunk calls the one CLI on PATH).
wbg() { awk '/^name = "wasm-bindgen"$/ { f = 1; next } f && /^version = / { gsub(/"/, "", $3); print $3; exit }' "$1"; }
if [[ "$(wbg Cargo.lock)" != "$(wbg bench/floor/Cargo.lock)" ]]; then
  echo "bench: wasm-bindgen differs: $(wbg Cargo.lock) in Cargo.lock, $(wbg bench/floor/Cargo.lock) in bench/floor/Cargo.lock;" \
    "set the same \"=VERSION\" in bench/floor/Cargo.toml" >&2
  exit 1
fi

if ((build)); then
  say "trunk build --release (dist/)"
  if ! quietly build-main trunk build --release; then
    echo "bench: the release build failed; nothing measured (bash scripts/bench.sh --no-build measures the dist/ there is)" >&2
    exit 1
  fi
  say "trunk build --release (bench/floor/dist/, the floor)"
  # Its own target folder: shares the registry, not the main build's fingerprints.
  # Cargo would also give it the main crate's rustflags (.cargo/config.toml, a parent
  # folder): the same `erase_components`, but not `--emit-relocs`, which is there for the
  # splitter only; left in a wasm nobody splits, it stops wasm-opt (a 672 KB floor, not 86).
  # CARGO_ENCODED_RUSTFLAGS replaces the config's flags (fields split by 0x1f).
  if ! (cd bench/floor && export CARGO_TARGET_DIR="$root/target/bench-floor" CARGO_ENCODED_RUSTFLAGS=$'--cfg\x1ferase_components' &&
    quietly build-floor trunk build --release); then
    echo "bench: the floor's build failed; nothing measured" >&2
    exit 1
  fi
  export BENCH_NOTE="${BENCH_NOTE:-both built by this run}"
else
  when="$(date -u -r dist/index.html '+%Y-%m-%dT%H:%MZ' 2>/dev/null || echo 'unknown')"
  export BENCH_NOTE="${BENCH_NOTE:---no-build: measured dist/ as found (index.html from $when)}"
fi

say "measure (bench/run.mjs)"
node bench/run.mjs ${run_args[@]+"${run_args[@]}"}
