# The two set-up commands of the README are `make demo` and `make test`; the rest are for
# developers. Each target is a script under scripts/ so it can run alone.
.PHONY: demo test setup lint eval snapshot
.PHONY: sample

demo: setup
	scripts/demo.sh

# The CLI on a sample note.
sample: setup
	cargo build --release --bin phiscrub
	@echo "--- examples/sample_note.txt, scrubbed:"
	./target/release/phiscrub scrub --text < examples/sample_note.txt

test:
	scripts/ci/test.sh

setup:
	scripts/ci/setup.sh

lint:
	scripts/ci/lint.sh

# Per-label recall and precision on tests/data/corpus/.
eval:
	cargo run --release --example eval

# Re-records the native detection snapshot that the browser test compares against.
snapshot:
	PHISCRUB_BLESS=1 cargo test --test snapshot

# Speed and size: one table (sizes, cold start, throughput, latency, memory, the JS peers), each
# figure a median; results in target/bench/results.json, a line appended to bench/history.jsonl.
.PHONY: bench
bench:
	scripts/bench.sh

# Fuzzing on the stable toolchain (scripts/ci/test-fuzz.sh): 10 minutes per target; `make test`
# runs the same targets for a fixed 10,000 runs each from a fixed seed.
.PHONY: fuzz
fuzz:
	PHISCRUB_FUZZ_STRICT=1 FUZZ_SECONDS=$${FUZZ_SECONDS:-600} scripts/ci/test-fuzz.sh
