#!/usr/bin/env bash
# The same data-driven tests compiled to wasm32 and run in headless Chromium by
# wasm-bindgen-test-runner (its browser flags are in webdriver.json).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}"
cargo test --target wasm32-unknown-unknown --test web --test vault_wasm
# The JS layer and the vault in IndexedDB: the wasm module built into pkg/, then the node tests
# driving Debian's chromium through playwright-core (installed by setup.sh's `npm ci`).
scripts/ci/build-web.sh
# The MV3 extension bundle (from pkg/ above), for tests/browser/extension.test.mjs.
scripts/ci/build-extension.sh
node --test tests/browser/
# The script tag, guardFetch and the demo portal run in the line above (their harness builds
# www/phiscrub.js with scripts/ci/build-script-tag.sh); the bundle's size, for the record:
scripts/ci/build-script-tag.sh
