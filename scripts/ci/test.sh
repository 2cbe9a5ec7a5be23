#!/usr/bin/env bash
# `make test`: install what is missing, then run every test.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/ci/setup.sh
scripts/ci/lint.sh
scripts/ci/test-native.sh
scripts/ci/test-browser.sh
scripts/ci/test-packaging.sh
scripts/ci/test-fuzz.sh
echo "make test: all suites passed"
