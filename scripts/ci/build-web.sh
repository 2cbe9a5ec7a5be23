#!/usr/bin/env bash
# Builds the browser module into pkg/ (git-ignored build output): the release wasm, then the
# wasm-bindgen CLI (pinned to Cargo.toml's exact version by setup.sh) for the `web` target, the
# plain-ESM build js/src/index.js imports from /pkg/phiscrub.js.
#
# NOTE: wasm-bindgen directly rather than wasm-pack: nothing here may download a binary, and
# wasm-opt's size pass is the size work's business (issue 6), not the tests'.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet --lib --release --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir pkg --out-name phiscrub \
  target/wasm32-unknown-unknown/release/phiscrub.wasm
printf '[build-web] pkg/phiscrub_bg.wasm: %s bytes, %s gzipped\n' \
  "$(wc -c < pkg/phiscrub_bg.wasm)" "$(gzip -9c pkg/phiscrub_bg.wasm | wc -c)"
