// A stand-in for a chat site and its LLM backend, for the extension test: two chat pages and an
// API that answers with what it received (so the surrogates it was sent come back in the answer),
// in one piece or streamed as server-sent events cut into small chunks. It logs every message body
// it receives: the test asserts the log holds no original identifier. Listens on 127.0.0.1 at a
// free port, under a strict CSP like a real site's.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("./", import.meta.url));
const PAGES = {
  "/plain.html": "text/html; charset=utf-8",
  "/plain.js": "text/javascript; charset=utf-8",
  "/stream.html": "text/html; charset=utf-8",
  "/stream.js": "text/javascript; charset=utf-8",
  "/chat.css": "text/css; charset=utf-8",
};
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'";

/** The mock model's answer to `message`: it quotes what it received. */
export function answerTo(message) {
  return `Noted. You wrote: «${message}» I will use these details.`;
}

/** Cuts `text` into chunks of 1 to 6 UTF-16 units (a pair's halves may land in two chunks). */
function chunks(text, seed) {
  let x = seed >>> 0 || 1;
  const out = [];
  for (let i = 0; i < text.length; ) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const n = 1 + ((x >>> 0) % 6);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the server; resolves with `{ origin, log, paths, close }`: `log` the raw bodies of the
 * messages received, `paths` every path requested.
 */
export async function serveChat() {
  const log = [];
  const paths = [];
  let streams = 0;
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    paths.push(path);
    if (req.method === "GET" && PAGES[path]) {
      const body = await readFile(DIR + path.slice(1));
      res.writeHead(200, { "content-type": PAGES[path], "content-security-policy": CSP, "cache-control": "no-store" });
      res.end(body);
      return;
    }
    if (req.method === "POST" && (path === "/api/chat" || path === "/api/stream")) {
      let raw = "";
      req.setEncoding("utf8");
      for await (const part of req) raw += part;
      let message;
      try {
        message = JSON.parse(raw).message;
      } catch {
        message = undefined;
      }
      if (typeof message !== "string") {
        res.writeHead(400).end();
        return;
      }
      log.push(raw);
      const answer = answerTo(message);
      if (path === "/api/chat") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ answer }));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      streams += 1;
      for (const c of chunks(answer, streams * 2654435761)) {
        // JSON keeps a lone half of a surrogate pair intact ("\ud83d"), as real APIs send it.
        res.write(`data: ${JSON.stringify(c)}\n\n`);
        await sleep(2);
      }
      res.end("event: done\ndata: {}\n\n");
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    paths,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
