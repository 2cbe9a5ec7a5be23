// The builds whose size `make bench` reports, as paths from the repository root. A build that is
// not there is listed as "not built" rather than skipped, so a missing one shows.
//
// The npm package (scripts/ci/build-npm.sh) and the script tag (scripts/ci/build-script-tag.sh)
// ship the same wasm as pkg/; scripts/bench.sh builds both so their own files are measured. The
// dictionary file (the name and place lists, loaded beside the wasm, not embedded in it) is listed
// once: every door ships the same file. It is outside the wasm budget (issue 6 allows the split).

/** `{ name, path, budget }`: `budget` marks the builds held to the 300 KB gzipped budget. */
export const ARTIFACTS = [
  { name: "web: pkg/phiscrub_bg.wasm", path: "pkg/phiscrub_bg.wasm", budget: true },
  { name: "web: pkg/phiscrub.js (glue)", path: "pkg/phiscrub.js", budget: false },
  { name: "web: pkg/phiscrub-dict.bin (dictionaries)", path: "pkg/phiscrub-dict.bin", budget: false },
  { name: "npm package wasm", path: "target/npm/phiscrub/pkg/phiscrub_bg.wasm", budget: true },
  { name: "npm package tarball", path: "target/npm/phiscrub-0.1.0.tgz", budget: false },
  { name: "script tag: www/phiscrub.js", path: "www/phiscrub.js", budget: false },
  { name: "script tag: www/phiscrub.wasm", path: "www/phiscrub.wasm", budget: true },
];
