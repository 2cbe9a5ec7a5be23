// guardFetch (js/src/guard-fetch.js) in a real Chromium, with real fetch against a local node
// server: text, JSON and form bodies scrubbed; text, JSON, chunked, server-sent-events and
// NDJSON answers restored as they stream; a request still holding a known original refused;
// requests that do not match left alone.
//
// Run: scripts/ci/build-web.sh && node --test tests/browser/guard-fetch.test.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";
const PAGE = `<!doctype html><meta charset="utf-8"><title>guardFetch</title><script type="module" src="/page.js"></script>`;
const PAGE_JS = `import * as phiscrub from "/js/src/index.js";
import { guardFetch } from "/js/src/guard-fetch.js";
window.phiscrub = phiscrub;
window.guardFetch = guardFetch;
window.pageReady = true;`;

/** Invented identifiers of one patient (555 phone, example.org). */
const KNOWN = {
  name: "Dana Whitfield",
  birthDate: "03/14/1961",
  mrn: "41000123",
  phone: "(555) 201-7788",
  email: "dana.whitfield@example.org",
};
const MESSAGE =
  "Dana Whitfield (MRN 41000123, DOB 03/14/1961) asks Dr. Amara Okafor to call (555) 201-7788 or write to dana.whitfield@example.org.";
const ORIGINALS = ["Dana Whitfield", "Whitfield", "41000123", "03/14/1961", "Amara Okafor", "201-7788", "dana.whitfield@example.org"];

const log = [];
let server;
let origin;
let context;
let page;
const requests = [];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pieces = (t) => Array.from({ length: Math.ceil(t.length / 5) }, (_, i) => t.slice(i * 5, i * 5 + 5));

async function bodyOf(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

/** The test API: each endpoint answers with what it received, in one format. */
async function api(req, res, path) {
  const body = await bodyOf(req);
  const type = req.headers["content-type"] ?? "";
  log.push({ path, type, body, url: req.url });
  let message = body;
  if (type.includes("json")) message = JSON.parse(body).message;
  if (type.includes("x-www-form-urlencoded")) message = new URLSearchParams(body).get("message");
  if (type.includes("multipart/form-data")) {
    message = (await new Response(body, { headers: { "content-type": type } }).formData()).get("message");
  }
  const answer = `You wrote: ${message}`;
  switch (path) {
    case "/api/text":
      // nosniff: Chromium otherwise holds back the first 1 KB of a text/plain body to sniff it.
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
      for (const p of pieces(answer)) {
        res.write(p);
        await sleep(5);
      }
      return res.end();
    case "/api/json":
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ reply: answer, echo: { list: [message], n: 1 } }));
    case "/api/sse-text":
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const p of pieces(answer)) {
        res.write(`data: ${p}\r\n\r\n`);
        await sleep(5);
      }
      return res.end();
    case "/api/sse-json":
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const p of pieces(answer)) {
        res.write(`event: token\ndata: ${JSON.stringify({ id: "cmpl-41", choices: [{ delta: { content: p } }] })}\n\n`);
        await sleep(5);
      }
      return res.end("data: [DONE]\n\n");
    case "/api/ndjson":
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      for (const p of pieces(answer)) {
        res.write(`${JSON.stringify({ model: "mock", message: { content: p } })}\n`);
        await sleep(5);
      }
      return res.end();
    default:
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end(answer);
  }
}

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    try {
      if (req.method === "POST" || path.startsWith("/api/") || path.startsWith("/other/")) return await api(req, res, path);
      const headers = { "content-security-policy": CSP, "cache-control": "no-store" };
      if (path === "/") return res.writeHead(200, { ...headers, "content-type": "text/html" }).end(PAGE);
      if (path === "/page.js") return res.writeHead(200, { ...headers, "content-type": "text/javascript" }).end(PAGE_JS);
      const rel = normalize(path).slice(1);
      if (!(rel.startsWith("pkg/") || rel.startsWith("js/src/")) || rel.includes("..")) return res.writeHead(404).end();
      const type = rel.endsWith(".wasm") ? "application/wasm" : "text/javascript";
      res.writeHead(200, { ...headers, "content-type": type }).end(await readFile(join(ROOT, rel)));
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  context = await chromium.launchPersistentContext("", {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  await context.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.request().url().startsWith(origin + "/") ? route.continue() : route.abort();
  });
  page = await context.newPage();
  await page.goto(origin + "/");
  await page.waitForFunction(() => window.pageReady === true);
  await page.evaluate(async (known) => {
    window.s = await phiscrub.Scrubber.open({ key: { ephemeral: true } });
    s.addKnown(known);
    window.sent = [];
    window.guarded = guardFetch(s, { match: "/api/", onSent: (x) => sent.push(x) });
  }, KNOWN);
});

after(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r) ?? r());
});

/** Fetches `path` through the guard with a JSON body; reads the answer chunk by chunk. */
function call(path, { json = true } = {}) {
  return page.evaluate(
    async ({ path, message, json }) => {
      const init = json
        ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message }) }
        : { method: "POST", body: message };
      const res = await guarded(path, init);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const reads = [];
      let text = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        reads.push(performance.now());
        text += value;
      }
      return { text, reads: reads.length, spreadMs: reads.at(-1) - reads[0], type: res.headers.get("content-type") };
    },
    { path, message: MESSAGE, json },
  );
}

/** The originals in `text` (none is the only right answer for what the server got). */
const leaksIn = (text) => ORIGINALS.filter((o) => text.includes(o));

test("a text body is scrubbed, and a chunked text answer comes back restored as it streams", async () => {
  const out = await call("/api/text", { json: false });
  const got = log.at(-1);
  assert.deepEqual(leaksIn(got.body), []);
  assert.notEqual(got.body, MESSAGE);
  assert.equal(out.text, `You wrote: ${MESSAGE}`);
  assert.ok(out.reads >= 3 && out.spreadMs > 20, `not streamed: ${out.reads} reads over ${out.spreadMs} ms`);
});

test("each string of a JSON body is scrubbed, and a JSON answer is restored field by field", async () => {
  const out = await call("/api/json");
  const got = log.at(-1);
  assert.deepEqual(leaksIn(got.body), []);
  const sent = await page.evaluate(() => sent.at(-1));
  assert.equal(JSON.parse(got.body).message, sent.fields[0].text, "onSent reports exactly what was sent");
  assert.equal(sent.fields[0].path, "message");
  assert.ok(sent.fields[0].entities.length >= 5);
  assert.deepEqual(JSON.parse(out.text), { reply: `You wrote: ${MESSAGE}`, echo: { list: [MESSAGE], n: 1 } });
});

test("server-sent events with text data come back restored event by event", async () => {
  const out = await call("/api/sse-text");
  assert.deepEqual(leaksIn(log.at(-1).body), []);
  const events = out.text.split(/\r?\n\r?\n/).filter((e) => e !== "");
  const data = events.map((e) => e.replace(/^data: ?/, "")).join("");
  assert.equal(data, `You wrote: ${MESSAGE}`);
  assert.ok(out.reads >= 3 && out.spreadMs > 20, `not streamed: ${out.reads} reads over ${out.spreadMs} ms`);
});

test("OpenAI-style JSON events and NDJSON come back restored, other fields untouched", async () => {
  for (const path of ["/api/sse-json", "/api/ndjson"]) {
    const out = await call(path);
    assert.deepEqual(leaksIn(log.at(-1).body), [], path);
    const payloads =
      path === "/api/ndjson"
        ? out.text.split("\n").filter((l) => l !== "")
        : out.text.split("\n").filter((l) => l.startsWith("data: ") && !l.includes("[DONE]")).map((l) => l.slice(6));
    const objs = payloads.map((p) => JSON.parse(p));
    const content = objs.map((o) => (path === "/api/ndjson" ? o.message.content : o.choices[0].delta.content)).join("");
    assert.equal(content, `You wrote: ${MESSAGE}`, path);
    for (const o of objs) assert.equal(o.id ?? o.model, path === "/api/ndjson" ? "mock" : "cmpl-41");
    if (path === "/api/sse-json") assert.ok(out.text.trimEnd().endsWith("data: [DONE]"));
    assert.ok(out.reads > 5, `${path} not streamed`);
  }
});

test("form bodies (urlencoded and multipart) are scrubbed field by field", async () => {
  const bodies = await page.evaluate(async (message) => {
    const a = await guarded("/api/form", { method: "POST", body: new URLSearchParams({ message, other: "ok" }) });
    const fd = new FormData();
    fd.append("message", message);
    const b = await guarded("/api/form", { method: "POST", body: fd });
    return [await a.text(), await b.text()];
  }, MESSAGE);
  const [url, multi] = log.slice(-2);
  assert.match(url.type, /x-www-form-urlencoded/);
  assert.match(multi.type, /multipart\/form-data/);
  assert.deepEqual(leaksIn(decodeURIComponent(url.body.replace(/\+/g, " "))), []);
  assert.deepEqual(leaksIn(multi.body), []);
  assert.equal(new URLSearchParams(url.body).get("other"), "ok");
  assert.ok(bodies.every((b) => b.includes("Dana Whitfield")), "the answers are restored");
});

test("a request still holding a known original is refused, naming no value", async () => {
  const before = log.length;
  const result = await page.evaluate(async () => {
    // A policy that keeps names: the scrubbed text still holds the patient's name.
    const keep = await phiscrub.Scrubber.open({ key: { ephemeral: true }, policy: { labels: { NAME: "keep" } } });
    keep.addKnown({ name: "Dana Whitfield" });
    const send = guardFetch(keep, { match: "/api/" });
    const out = [];
    for (const [url, init] of [
      ["/api/json", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message: "note for dana WHITFIELD" }) }],
      ["/api/text?patient=Dana%20Whitfield", { method: "GET" }],
    ]) {
      try {
        await send(url, init);
        out.push("sent");
      } catch (e) {
        out.push({ name: e.name, code: e.code, message: e.message, isError: e instanceof phiscrub.PhiscrubError });
      }
    }
    keep.close();
    return out;
  });
  assert.equal(log.length, before, "nothing reached the server");
  for (const r of result) {
    assert.equal(r.code, "leak_blocked");
    assert.equal(r.isError, true);
    assert.doesNotMatch(r.message, /dana|whitfield/i);
    assert.match(r.message, /NAME/);
  }
});

test("requests that do not match pass through untouched, answers included", async () => {
  const out = await page.evaluate(async (message) => {
    const res = await guarded("/other/echo", { method: "POST", body: message });
    return res.text();
  }, MESSAGE);
  assert.equal(log.at(-1).body, MESSAGE);
  assert.equal(out, `You wrote: ${MESSAGE}`);
});

test("the library made no request but loading its own modules and wasm", () => {
  const own = requests.filter((u) => !new URL(u).pathname.startsWith("/api/") && !new URL(u).pathname.startsWith("/other/"));
  for (const u of own) {
    const p = new URL(u).pathname;
    assert.ok(p === "/" || p === "/page.js" || p.startsWith("/js/src/") || p.startsWith("/pkg/"), `unexpected request ${p}`);
  }
  assert.ok(requests.every((u) => u.startsWith(origin + "/")));
});
