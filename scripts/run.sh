#!/usr/bin/env bash
# Serve the explainer at http://127.0.0.1:8080 (address and port: Trunk.toml [serve]),
# rebuilding on changes. Offline: Trunk.toml sets [build] offline = true.
# Extra arguments go to `trunk serve` (e.g. --port 9000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# --browser: the release build captures its static shell (scripts/prerender.mjs) in Chromium.
bash scripts/setup.sh --browser
export PATH="$PWD/.tools/split-bin:$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if [[ ! -f assets/style.css ]]; then
  echo "run: assets/style.css is missing (index.html links it)" >&2
  exit 1
fi
exec trunk serve --release "$@"
