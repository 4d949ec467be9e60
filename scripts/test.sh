#!/usr/bin/env bash
# Every check the project has, in one command (CI runs exactly this):
#   setup (with the browser) → cargo fmt --check → cargo clippy → cargo test
#   → trunk build --release (dist/) → browser tests (node --test tests/browser/)
# One stage at a time: the compiles keep both cores busy, and running two at once
# was slower in all (a clean-clone run took 22.5 min side by side).
# Independent stages all run even when an earlier one fails, so one run shows
# every problem; the browser tests are skipped when the build fails.
# Exits non-zero if any stage failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

started=$SECONDS
declare -a summary=()
failed=0
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

section() {
  printf '\n==================== %s ====================\n' "$*"
}

# stage NAME COMMAND...: run, time and record one stage.
stage() {
  local name="$1"
  shift
  section "$name"
  echo "\$ $*"
  local t0=$SECONDS status=0
  # Keep a copy of the output, to count the tests that ran (see count_tests).
  "$@" 2>&1 | tee "$logs/$(echo "$name" | tr -c 'a-z0-9\n' '_').log" || status=${PIPESTATUS[0]}
  local took=$((SECONDS - t0))
  if ((status == 0)); then
    summary+=("PASS  ${name} (${took}s)")
  else
    summary+=("FAIL  ${name} (${took}s, exit ${status})")
    failed=1
  fi
  return "$status"
}

# Add up the tests cargo test and node's test runner reported.
count_tests() {
  cat "$logs"/*.log 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | awk '
    /^test result: / { for (i = 1; i <= NF; i++) { if ($i ~ /^passed/) p += $(i - 1); if ($i ~ /^failed/) f += $(i - 1) } }
    /^(ℹ|#) pass [0-9]+$/ { p += $3 }
    /^(ℹ|#) fail [0-9]+$/ { f += $3 }
    END { printf "%d passed, %d failed\n", p, f }'
}

finish() {
  section "summary"
  printf '%s\n' "${summary[@]}"
  echo "total time: $((SECONDS - started))s"
  if ((failed)); then
    echo "RESULT: FAILED"
  else
    echo "RESULT: all stages passed"
  fi
  echo "tests: $(count_tests)"
  exit "$failed"
}

# A clean CI checkout builds everything once: incremental compilation would only add
# work there (it pays off on a developer's repeated builds).
if [[ "${CI:-}" == true ]]; then
  export CARGO_INCREMENTAL=0
fi

# Without the tools nothing else can run.
stage "setup" bash scripts/setup.sh --browser || finish
export PATH="$PWD/.tools/split-bin:$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
echo "$(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(rustc --version | awk '{print $1, $2}'), node $(node --version), $(chromium --version 2>/dev/null || echo 'chromium: missing')"

stage "cargo fmt --check" cargo fmt --all -- --check || true
stage "cargo clippy" cargo clippy --all-targets --locked -- -D warnings || true
# The citation and export tests read the reports and official schemas beside the checkout.
shared_present() {
  local dir
  for dir in ../shared/sources ../shared/schemas/bods-0.4 ../shared/schemas/attack-flow-2.0; do
    if [[ ! -d "$dir" ]]; then
      echo "test: $PWD/$dir is missing: the reports and schemas sit beside the checkout (see README, Test)" >&2
      return 1
    fi
  done
}
stage "../shared beside the checkout" shared_present || true
stage "cargo test (native)" cargo test --locked || true
stage "cargo test (tools/wasm-split)" cargo test --release --locked --manifest-path tools/wasm-split/Cargo.toml --target-dir target/tools || true

build_ok=1
stage "trunk build --release" trunk build --release || build_ok=0
# A second build with a deliberate panic behind `?trigger-panic`, for the panic-notice test.
# Only the crate itself recompiles: the dependencies are shared with the build above.
# No static shell in it (EXPLAINER_NO_SHELL): the panic comes after the app replaced it.
# Its chunks are left unoptimised (EXPLAINER_UNOPTIMISED_CHUNKS): the test only needs a
# panic, and optimising them took two minutes.
stage "trunk build --release (panic-test)" env EXPLAINER_NO_SHELL=1 EXPLAINER_UNOPTIMISED_CHUNKS=1 trunk build --release --features panic-test --dist target/panic-dist || build_ok=0

if ((build_ok)); then
  rm -rf tests/browser/output
  # Spec reporter for people; node's closing "tests/pass/fail" lines for CI. Two test
  # files at a time: much of a browser test is waiting (about a fifth faster than one).
  # The limit is per file; each test sets its own.
  # The longest files first, so that both lanes finish at about the same time.
  longest=(stress a11y_matrix robustness lighthouse_a11y i18n)
  files=()
  for name in "${longest[@]}"; do files+=("tests/browser/$name.test.mjs"); done
  for file in tests/browser/*.test.mjs; do
    [[ " ${files[*]} " == *" $file "* ]] || files+=("$file")
  done
  stage "browser tests" node --test --test-concurrency=2 --test-reporter=spec --test-timeout=600000 "${files[@]}" || true
else
  summary+=("SKIP  browser tests (no build)")
fi
finish
