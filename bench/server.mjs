// The benchmark's static server: the repository's pkg/, js/, bench/ (not its node_modules) and
// the bench-time build outputs in target/bench/, on 127.0.0.1 at a free port, under the same
// strict Content Security Policy as the browser tests. Cross-origin isolated (COOP + COEP) so
// that `performance.now()` has 5 us rather than 100 us resolution: per-message latencies and
// per-chunk streaming costs are sub-millisecond.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SERVED = ["pkg", "js", "bench", join("target", "bench")];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";

/** Starts the server; resolves with `{ origin, close }`. */
export async function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).slice(1);
    const allowed =
      SERVED.some((dir) => path.startsWith(dir + sep)) &&
      !path.includes("..") &&
      !path.includes("node_modules");
    if (req.method !== "GET" || !allowed) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(ROOT, path));
      res.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "content-security-policy": CSP,
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
        // Every cold start fetches and compiles the wasm anew, as a first visit does.
        "cache-control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
