// The demo server: the portal page and the script-tag build (www/), and a mock LLM backend on
// the same origin that answers with what it received, streamed as server-sent events. It keeps
// a log of every request body exactly as it arrived, which the portal shows and the tests read.
//
// Run: `make demo` (builds first), or `node www/server.mjs` with www/phiscrub.js built.
// PORT (default 8080) and HOST (default 127.0.0.1) choose where it listens.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("./", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".bin": "application/octet-stream",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};
/** What the library must work under: no inline script, no eval, wasm compiled from 'self'. */
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
const MAX_BODY = 1 << 20;

/** The mock assistant's answer: it quotes what it received, so surrogates come back. */
export function answerTo(message) {
  return (
    "Thank you for your message. This is what I received:\n\n" +
    message.trim() +
    "\n\nA nurse from your care team will review it and reply within one business day."
  );
}

/** `text` cut into pieces of 1 to 7 UTF-16 units (never between the halves of a pair), as tokens arrive. */
function pieces(text) {
  const out = [];
  let i = 0;
  let n = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + 1 + ((n++ * 5) % 7));
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end += 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a request body as text, refusing more than MAX_BODY bytes. */
async function bodyOf(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The chat message in a request body (JSON `{ message }`, a form, or plain text). */
function messageOf(type, body) {
  if (type.includes("json")) {
    try {
      const v = JSON.parse(body);
      return typeof v.message === "string" ? v.message : body;
    } catch {
      return body;
    }
  }
  if (type.includes("x-www-form-urlencoded")) return new URLSearchParams(body).get("message") ?? body;
  return body;
}

/**
 * Starts the demo server; resolves with `{ origin, log, close }`. `log` is the list of requests
 * the backend received: `{ id, path, contentType, body, message, answer }`, bodies verbatim.
 *
 * @param {{ port?: number, host?: string, delayMs?: number }} [options] port 0: a free port;
 *   delayMs: the pause between two streamed pieces
 */
export async function serveDemo({ port = 0, host = "127.0.0.1", delayMs = 15 } = {}) {
  const log = [];

  async function chat(req, res, path) {
    const type = (req.headers["content-type"] ?? "").toLowerCase();
    const body = await bodyOf(req);
    const message = messageOf(type, body);
    const entry = { id: log.length + 1, path, contentType: type, body, message, answer: answerTo(message) };
    log.push(entry);
    if (path === "/api/form") {
      // A plain form post: nothing to show, the page stays where it is.
      res.writeHead(204).end();
      return;
    }
    await stream(res, entry.answer);
  }

  /** Streams `answer` as OpenAI-style events: `data: {"delta":"..."}`, then `data: [DONE]`. */
  async function stream(res, answer) {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    });
    for (const p of pieces(answer)) {
      res.write(`data: ${JSON.stringify({ delta: p })}\n\n`);
      if (delayMs > 0) await sleep(delayMs);
    }
    res.end("data: [DONE]\n\n");
  }

  async function file(res, path) {
    const rel = normalize(path === "/" ? "/index.html" : path).slice(1);
    if (rel.includes("..") || rel.startsWith(".") || extname(rel) === ".mjs" || TYPES[extname(rel)] === undefined) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(ROOT, rel));
      res.writeHead(200, { "content-type": TYPES[extname(rel)], "content-security-policy": CSP, "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end(
        rel.startsWith("phiscrub") ? "not built: run make demo (or scripts/ci/build-script-tag.sh)\n" : "not found\n",
      );
    }
  }

  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    try {
      if (req.method === "POST" && (path === "/api/chat" || path === "/api/form")) return await chat(req, res, path);
      if (req.method === "GET" && path === "/api/log") {
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        return res.end(JSON.stringify(log));
      }
      // The last answer again, as the backend streamed it (surrogates): for pages that show an
      // answer arriving by a channel their fetch does not see.
      if (req.method === "GET" && path === "/api/replay") {
        const last = log.at(-1);
        return last ? await stream(res, last.answer) : res.writeHead(404).end();
      }
      if (req.method === "GET") return await file(res, path);
      res.writeHead(405).end();
    } catch (e) {
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
      res.end(`bad request: ${e.message}\n`);
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    origin: `http://${host}:${address.port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = Number(process.env.PORT ?? 8080);
  const { origin } = await serveDemo({ port, host: process.env.HOST ?? "127.0.0.1" });
  console.log(`phiscrub demo portal: ${origin}/  (Ctrl-C to stop)`);
}
