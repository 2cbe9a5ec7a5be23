#!/usr/bin/env bash
# Builds the browser module into pkg/ (git-ignored build output): the release wasm, then the
# wasm-bindgen CLI (pinned to Cargo.toml's exact version by setup.sh) for the `web` target, the
# plain-ESM build js/src/index.js imports from /pkg/phiscrub.js, and beside it the dictionary
# file pkg/phiscrub-dict.bin that build.rs packed for this wasm (the wasm build embeds no
# dictionary and accepts only that file: js/src/index.js fetches it while the wasm compiles).
#
# NOTE: wasm-bindgen directly rather than wasm-pack: nothing here may download a binary, and
# wasm-opt's size pass is the size work's business (issue 6), not the tests'. The name section
# (function names, 145 KB raw / 38 KB gzipped) is dropped: set PHISCRUB_KEEP_NAMES=1 to keep it
# for profiling or for readable wasm stack traces.
set -euo pipefail
cd "$(dirname "$0")/../.."
# The build script's OUT_DIR, where build.rs wrote the dictionary file, from cargo's messages.
out_dir=$(cargo build --quiet --lib --release --target wasm32-unknown-unknown \
  --message-format=json-render-diagnostics | node -e '
    let dir = "";
    for (const line of require("node:fs").readFileSync(0, "utf8").split("\n")) {
      if (!line.startsWith("{")) continue;
      const m = JSON.parse(line);
      if (m.reason === "build-script-executed" && /[#/]phiscrub[@#]/.test(m.package_id)) dir = m.out_dir;
    }
    if (!dir) { console.error("build-web: no build-script output for phiscrub"); process.exit(1); }
    console.log(dir);
  ')
keep_names=()
[ "${PHISCRUB_KEEP_NAMES:-}" = 1 ] || keep_names=(--remove-name-section)
wasm-bindgen --target web --out-dir pkg --out-name phiscrub "${keep_names[@]}" \
  target/wasm32-unknown-unknown/release/phiscrub.wasm
cp "$out_dir/phiscrub-dict.bin" pkg/.phiscrub-dict.bin.tmp
mv pkg/.phiscrub-dict.bin.tmp pkg/phiscrub-dict.bin
printf '[build-web] pkg/phiscrub_bg.wasm: %s bytes, %s gzipped; pkg/phiscrub-dict.bin: %s bytes, %s gzipped\n' \
  "$(wc -c < pkg/phiscrub_bg.wasm)" "$(gzip -9c pkg/phiscrub_bg.wasm | wc -c)" \
  "$(wc -c < pkg/phiscrub-dict.bin)" "$(gzip -9c pkg/phiscrub-dict.bin | wc -c)"
