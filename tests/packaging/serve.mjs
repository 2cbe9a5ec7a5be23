// A static server for one consumer's directory, on 127.0.0.1 at a free port, under the strict
// Content Security Policy a portal would use (`script-src 'self' 'wasm-unsafe-eval'`).

import { serveStatic } from "../support/serve-static.mjs";

/** Serves the files under `root` (`index.html` for a directory); resolves with `{ origin, close }`. */
export function serve(root) {
  return serveStatic({ root, index: true });
}
