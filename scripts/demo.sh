#!/usr/bin/env bash
# `make demo`: builds the wasm module and the script tag, then serves the demo patient portal
# and its mock LLM backend at http://127.0.0.1:$PORT/ (PORT defaults to 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ci/build-web.sh
scripts/ci/build-script-tag.sh
export PORT="${PORT:-8080}"
exec node www/server.mjs
