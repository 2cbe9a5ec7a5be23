#!/usr/bin/env bash
# Builds the npm package `phiscrub` into target/npm/phiscrub/ and packs it into
# target/npm/phiscrub-<version>.tgz. The package wraps the wasm-bindgen `web` output of
# build-web.sh (pkg/phiscrub.js, pkg/phiscrub_bg.wasm and the dictionary file
# pkg/phiscrub-dict.bin, copied untouched) with the JS layer
# (js/src/) and its hand-written types, keeping their relative layout, so js/src/index.js
# imports ../../pkg/phiscrub.js in the package as in the repo. The manifest is js/package.json,
# its version taken from Cargo.toml.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/ci/build-web.sh
out=target/npm/phiscrub
rm -rf target/npm
mkdir -p "$out/js/src" "$out/pkg"
cp js/src/*.js js/src/*.d.ts "$out/js/src/"
cp pkg/phiscrub.js pkg/phiscrub_bg.wasm pkg/phiscrub-dict.bin "$out/pkg/"
cp js/README.md "$out/README.md"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
node -e '
  const fs = require("node:fs");
  const [src, dst, version] = process.argv.slice(1);
  const manifest = JSON.parse(fs.readFileSync(src, "utf8"));
  manifest.version = version;
  fs.writeFileSync(dst, JSON.stringify(manifest, null, 2) + "\n");
' js/package.json "$out/package.json" "$version"
tarball=$(cd target/npm && npm pack ./phiscrub --silent)
printf '[build-npm] target/npm/%s: %s bytes; wasm %s bytes, %s gzipped; dictionaries %s bytes, %s gzipped\n' \
  "$tarball" "$(wc -c < "target/npm/$tarball")" "$(wc -c < "$out/pkg/phiscrub_bg.wasm")" \
  "$(gzip -9c "$out/pkg/phiscrub_bg.wasm" | wc -c)" "$(wc -c < "$out/pkg/phiscrub-dict.bin")" \
  "$(gzip -9c "$out/pkg/phiscrub-dict.bin" | wc -c)"
