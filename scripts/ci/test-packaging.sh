#!/usr/bin/env bash
# The npm package as users get it: build and pack it (build-npm.sh), then install the tarball
# offline into a Vite app, a plain module page, a Node script and a typed consumer, and run each
# (tests/packaging/). Needs what setup.sh installs: chromium, and vite, typescript and
# playwright-core from `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/ci/build-npm.sh
node --test tests/packaging/
