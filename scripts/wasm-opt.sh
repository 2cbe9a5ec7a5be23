#!/usr/bin/env bash
# Shrinks a wasm file in place with binaryen's wasm-opt from npm (`binaryen`, JS and wasm: no
# binary download; Debian's binaryen 108 cannot parse our wasm): strips the name section and
# producers and optimizes at WASM_OPT_LEVEL (default -O3, which keeps speed). The feature flags
# are those rustc's wasm32 target emits.
#
#   scripts/wasm-opt.sh pkg/phiscrub_bg.wasm
#
# Measured on the web build (issue 6): 2,231 KB raw / 797 KB gzipped -> 1,999 / 757 with -O3
# (the stripped name section is 39 KB of the gzipped gain). With rustc opt-level "z" and -Oz:
# 1,648 / 662 KB, but scrub in Chromium 1.5x slower (0.90 vs 1.35 MB/s) and the stream 2.5x.
# About 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm="$1"
opt=""
for dir in node_modules bench/node_modules; do
  if [ -f "$dir/binaryen/bin/wasm-opt" ]; then opt="$dir/binaryen/bin/wasm-opt"; break; fi
done
if [ -z "$opt" ]; then
  npm ci --prefix bench --no-audit --no-fund
  opt=bench/node_modules/binaryen/bin/wasm-opt
fi
before=$(gzip -9c "$wasm" | wc -c)
node "$opt" "$wasm" "${WASM_OPT_LEVEL:--O3}" --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-multivalue --enable-reference-types \
  -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
printf '[wasm-opt] %s: %s -> %s bytes gzipped\n' "$wasm" "$before" "$(gzip -9c "$wasm" | wc -c)"
