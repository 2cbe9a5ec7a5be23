#!/usr/bin/env bash
# Builds the drop-in script tag into www/ (git-ignored build output): js/src/script-tag.js and
# everything it imports bundled by esbuild into one classic script, www/phiscrub.js, and the
# wasm module beside it as www/phiscrub.wasm and the dictionary file as www/phiscrub-dict.bin (the
# script finds both from its own URL).
# Needs pkg/ (scripts/ci/build-web.sh) and node_modules (npm ci).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f pkg/phiscrub_bg.wasm ] && [ -f pkg/phiscrub-dict.bin ] || scripts/ci/build-web.sh
# NOTE: pkg/phiscrub.js only reads import.meta.url when init() gets no URL; the script tag always
# gives one, so the bundle's stand-in (the page's base URI) is never used.
node_modules/.bin/esbuild js/src/script-tag.js --bundle --format=iife --target=es2022 \
  --minify --legal-comments=none --define:import.meta.url=document.baseURI \
  --log-level=warning --outfile=www/.phiscrub.js.tmp
# Renamed into place, so a server or a test running meanwhile never reads half a file.
cp pkg/phiscrub_bg.wasm www/.phiscrub.wasm.tmp
cp pkg/phiscrub-dict.bin www/.phiscrub-dict.bin.tmp
mv www/.phiscrub.js.tmp www/phiscrub.js
mv www/.phiscrub.wasm.tmp www/phiscrub.wasm
mv www/.phiscrub-dict.bin.tmp www/phiscrub-dict.bin
printf '[build-script-tag] www/phiscrub.js: %s bytes, %s gzipped; www/phiscrub.wasm: %s bytes; www/phiscrub-dict.bin: %s bytes\n' \
  "$(wc -c < www/phiscrub.js)" "$(gzip -9c www/phiscrub.js | wc -c)" "$(wc -c < www/phiscrub.wasm)" \
  "$(wc -c < www/phiscrub-dict.bin)"
