#!/usr/bin/env bash
# Every native test: unit, doc, cases, corpus thresholds, snapshot, CLI.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --all-targets
cargo test --doc
