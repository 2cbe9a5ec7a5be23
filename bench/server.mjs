// The benchmark's static server: the repository's pkg/, js/, bench/ (not its node_modules) and
// the bench-time build outputs in target/bench/, on 127.0.0.1 at a free port, under the same
// strict Content Security Policy as the browser tests. Cross-origin isolated (COOP + COEP) so
// that `performance.now()` has 5 us rather than 100 us resolution: per-message latencies and
// per-chunk streaming costs are sub-millisecond. Every cold start fetches and compiles the wasm
// anew (no-store), as a first visit does.

import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { serveStatic } from "../tests/support/serve-static.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SERVED = ["pkg", "js", "bench", join("target", "bench")];

/** Starts the server; resolves with `{ origin, close }`. */
export function serve() {
  return serveStatic({
    root: ROOT,
    allowed: (path) =>
      SERVED.some((dir) => path.startsWith(dir + sep)) && !path.includes("node_modules"),
    headers: {
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    },
  });
}
