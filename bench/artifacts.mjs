// The builds whose size `make bench` reports, as paths from the repository root. A build that is
// not there is listed as "not built" rather than skipped, so a missing one shows.
//
// HOOK for the packaging work (issue 5): when the npm package and the script-tag build land,
// point their entries below at the files they ship (the .wasm the package loads, and the
// single-file script if it inlines the wasm), keep `budget: true` on every build a user downloads.

/** `{ name, path, budget }`: `budget` marks the builds held to the 300 KB gzipped budget. */
export const ARTIFACTS = [
  { name: "web: pkg/phiscrub_bg.wasm", path: "pkg/phiscrub_bg.wasm", budget: true },
  { name: "web: pkg/phiscrub.js (glue)", path: "pkg/phiscrub.js", budget: false },
  { name: "npm package wasm", path: "npm/dist/phiscrub_bg.wasm", budget: true },
  { name: "script-tag build", path: "npm/dist/phiscrub.iife.js", budget: true },
];
