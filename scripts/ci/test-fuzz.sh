#!/usr/bin/env bash
# Builds the fuzz targets in fuzz/ and runs each one for a bounded time.
#
#   scripts/ci/test-fuzz.sh            # `make test`: FUZZ_RUNS (default 10000) runs per target
#   FUZZ_SECONDS=600 scripts/ci/test-fuzz.sh   # `make fuzz`: minutes per target
#   scripts/ci/test-fuzz.sh detect     # one target
#
# NOTE: works on the STABLE toolchain, with no nightly and no cargo-fuzz binary: libFuzzer comes
# from the libfuzzer-sys crate (built from source by its build script, which needs a C++
# compiler), and coverage instrumentation from the same stable `-C` flags cargo-fuzz passes with
# `--sanitizer none`. `--target` keeps the flags off build scripts and proc macros. On nightly,
# `cargo fuzz run <target>` in this repository works as well (it reads the same fuzz/ crate).
#
# Every file in fuzz/regressions/<target>/ (past crashes, each with a root-cause note in
# fuzz/regressions/README.md) is replayed first; then the target runs from the seeds in
# fuzz/seeds/<target>/ and the corpus it grew before (fuzz/corpus/, git-ignored). A crash
# leaves its input in fuzz/artifacts/<target>/ and fails the script.
set -euo pipefail
cd "$(dirname "$0")/../.."

# `make test` (no FUZZ_SECONDS): a fixed number of runs from a fixed seed over the committed
# seeds only, so the run explores (nearly: hash-map seeds still vary coverage order) the same
# inputs on every machine instead of failing at random on an open issue a longer run finds. `make fuzz` (FUZZ_SECONDS set): time-bounded, growing fuzz/corpus/.
seconds="${FUZZ_SECONDS:-}"
runs="${FUZZ_RUNS:-10000}"
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(detect round_trip stream vault_records cli_jsonl)
fi

# libfuzzer-sys compiles libFuzzer's C++ sources.
if ! command -v c++ >/dev/null 2>&1; then
  echo "[fuzz] apt-get install g++"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq g++ >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq g++ >/dev/null; fi
fi

triple=$(rustc -vV | sed -n 's/^host: //p')
export RUSTFLAGS="-Cpasses=sancov-module \
 -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
 -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares \
 -Cllvm-args=-sanitizer-coverage-stack-depth \
 --cfg fuzzing -Cdebug-assertions -Coverflow-checks -Cforce-frame-pointers"
cargo build --quiet --release --manifest-path fuzz/Cargo.toml --target "$triple" \
  $(printf -- '--bin %s ' "${targets[@]}")
bin="fuzz/target/$triple/release"

for t in "${targets[@]}"; do
  artifacts="fuzz/artifacts/$t"
  if [ -n "$seconds" ]; then
    corpus="fuzz/corpus/$t"
    bound=(-max_total_time="$seconds")
  else
    corpus="$(mktemp -d)"
    bound=(-runs="$runs" -seed=1)
  fi
  mkdir -p "$corpus" "$artifacts"
  if [ -d "fuzz/regressions/$t" ] && [ -n "$(ls -A "fuzz/regressions/$t")" ]; then
    "$bin/$t" -runs=0 "fuzz/regressions/$t"/* 2>"$artifacts/regressions.log" || {
      tail -30 "$artifacts/regressions.log"
      echo "[fuzz] $t: a committed regression fails again" >&2
      exit 1
    }
  fi
  log="$artifacts/run.log"
  start=$(date +%s)
  if ! "$bin/$t" "${bound[@]}" -rss_limit_mb=2048 -max_len=8192 -timeout=10 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" "fuzz/seeds/$t" 2>"$log"; then
    tail -40 "$log"
    echo "[fuzz] $t: FAILED; the input is in $artifacts/" >&2
    exit 1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  printf '[fuzz] %-14s %s s, %s execs, %s, corpus %s files\n' \
    "$t" "$(($(date +%s) - start))" "$execs" "$cov" "$(ls "$corpus" | wc -l)"
  [ -n "$seconds" ] || rm -rf "$corpus"
done
