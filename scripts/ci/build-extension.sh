#!/usr/bin/env bash
# Builds the unpacked MV3 extension into extension/dist/ (git-ignored): esbuild bundles the
# service worker (an ES module, with the JS layer and the wasm-bindgen glue), the content script
# (a classic script, as content scripts must be) and the two pages' scripts, then copies the
# manifest, the pages, the wasm module and its dictionary file from pkg/ (built by
# scripts/ci/build-web.sh).
#
# Load it in Chromium: chrome://extensions -> Developer mode -> Load unpacked -> extension/dist.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f pkg/phiscrub_bg.wasm ] || [ ! -f pkg/phiscrub-dict.bin ]; then
  echo "build-extension: pkg/phiscrub_bg.wasm or pkg/phiscrub-dict.bin is missing; run scripts/ci/build-web.sh first" >&2
  exit 1
fi
out=extension/dist
rm -rf "$out"
mkdir -p "$out"
esbuild=node_modules/.bin/esbuild
common=(--bundle --target=chrome116 --log-level=warning --legal-comments=none)
# NOTE: format esm keeps `import.meta.url`, which the wasm-bindgen glue resolves the wasm file
# against: the worker finds phiscrub_bg.wasm next to itself in the package, no network.
"$esbuild" extension/src/background.js "${common[@]}" --format=esm --outfile="$out/background.js"
"$esbuild" extension/src/content.js "${common[@]}" --format=iife --outfile="$out/content.js"
"$esbuild" extension/src/options.js "${common[@]}" --format=esm --outfile="$out/options.js"
"$esbuild" extension/src/popup.js "${common[@]}" --format=esm --outfile="$out/popup.js"
cp extension/manifest.json extension/options.html extension/popup.html extension/pages.css "$out/"
cp pkg/phiscrub_bg.wasm pkg/phiscrub-dict.bin "$out/"
printf '[build-extension] %s: %s files, %s bytes (wasm %s)\n' "$out" "$(find "$out" -type f | wc -l)" \
  "$(du -cb "$out"/* | tail -1 | cut -f1)" "$(wc -c < "$out/phiscrub_bg.wasm")"
