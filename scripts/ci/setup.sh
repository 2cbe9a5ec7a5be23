#!/usr/bin/env bash
# Installs what the build and the tests need, only what is missing. Safe to run again.
# Everything comes from the package registries (Debian, crates.io, npm): nothing downloads a
# browser or a prebuilt binary at run time.
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: the browser and its driver for in-browser tests, binaryen for wasm-opt.
apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || apt_missing+=(chromium-driver)
command -v wasm-opt >/dev/null 2>&1 || apt_missing+=(binaryen)
if [ "${#apt_missing[@]}" -gt 0 ]; then
  say "apt-get install ${apt_missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
    "${apt_missing[@]}" >/dev/null
fi

# The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI at exactly the version Cargo.toml pins.
wb_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
if [ -z "$wb_version" ]; then
  echo "setup: no exact wasm-bindgen pin found in Cargo.toml" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wb_version"; then
  # NOTE: no --locked: the registry here lacks one of the CLI's locked transitive versions.
  say "cargo install wasm-bindgen-cli $wb_version"
  cargo install -q wasm-bindgen-cli --version "$wb_version"
fi

# wasm-pack, for building the npm package (it finds the wasm-bindgen and wasm-opt above).
if ! command -v wasm-pack >/dev/null 2>&1; then
  say "cargo install wasm-pack"
  cargo install -q wasm-pack --version 0.15.1
fi

# npm packages, when the project has any: again whenever the lock file changed since the last
# install (npm records what it installed in node_modules/.package-lock.json).
if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi
say "ready"
