// The one static file server of the tests, the packaging check and the benchmark: GET only, on
// 127.0.0.1 at a free port (tests run side by side), under a strict Content Security Policy
// (the library must work with `script-src 'self' 'wasm-unsafe-eval'`), never cached. Each user
// says which files it serves and which headers it adds.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

/** Content types of what the pages load; anything else is application/octet-stream. */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

/** The policy a patient portal would deploy. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";

/**
 * Starts a static server.
 *
 * @param {object} options
 * @param {string} options.root Directory the request paths are resolved against.
 * @param {(path: string) => boolean} [options.allowed] Whether a path (relative to `root`,
 *   normalized, no leading separator) may be served; any path without `..` by default.
 * @param {boolean} [options.index] Serve `index.html` for a path ending in `/`.
 * @param {string} [options.csp] The Content-Security-Policy header; {@link CSP} by default.
 * @param {Record<string, string>} [options.types] More content types by extension.
 * @param {Record<string, string>} [options.headers] More response headers.
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveStatic({
  root,
  allowed = () => true,
  index = false,
  csp = CSP,
  types = {},
  headers = {},
}) {
  const contentTypes = { ...TYPES, ...types };
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).slice(1);
    if (index && (path === "" || path.endsWith("/"))) path += "index.html";
    if (req.method !== "GET" || path.includes("..") || !allowed(path)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, {
        "content-type": contentTypes[extname(path)] ?? "application/octet-stream",
        "content-security-policy": csp,
        ...headers,
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
