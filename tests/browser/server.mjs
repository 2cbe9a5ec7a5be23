// A tiny static server for the browser tests: the repo's pkg/, js/ and tests/browser/, on
// 127.0.0.1 at a free port, under a strict Content Security Policy (the library must work with
// `script-src 'self' 'wasm-unsafe-eval'`). Serves nothing else.

import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { serveStatic } from "../support/serve-static.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SERVED = ["pkg", "js", join("tests", "browser")];

/** Starts the server; resolves with `{ origin, close }`. */
export function serve() {
  return serveStatic({
    root: ROOT,
    allowed: (path) => SERVED.some((dir) => path.startsWith(dir + sep)),
    // TypeScript declarations (pkg/*.d.ts) as text.
    types: { ".ts": "text/plain; charset=utf-8" },
  });
}
