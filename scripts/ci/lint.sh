#!/usr/bin/env bash
# Formatting and clippy, natively and for wasm32, warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
