#!/usr/bin/env bash
# `make bench`: builds what the benchmark measures (the release CLI, the web build in pkg/, the
# JS peers bundled for the page) and runs bench/run.mjs, which prints the table, writes
# target/bench/results.json and appends a line to bench/history.jsonl (commit it with the change
# it measures). The bench's own npm packages live in bench/ so that `make test` installs none.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/playwright-core ] && [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi
if [ ! -d bench/node_modules/esbuild ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  npm ci --prefix bench --no-audit --no-fund
fi
cargo build --quiet --release --bin phiscrub
scripts/ci/build-npm.sh
scripts/ci/build-script-tag.sh
mkdir -p target/bench
bench/node_modules/.bin/esbuild bench/peers-entry.js --bundle --format=esm --platform=browser \
  --minify --log-level=warning --outfile=target/bench/peers.js
node bench/run.mjs
