// guardFetch: a `fetch` that pseudonymizes what it sends and restores what comes back.
//
//   const send = guardFetch(s, { match: "/api/chat" });
//   const res = await send("/api/chat", { method: "POST", body: JSON.stringify({ message }) });
//   // the server saw surrogates; `await res.json()` holds the real values again
//
// For a matching request: the body is scrubbed (a text body whole; a JSON body string field by
// string field; form fields one by one), the would-be request is checked with `s.check` and
// refused with a `leak_blocked` PhiscrubError when a known original is still in it, and the
// response is rehydrated: a JSON or text body whole, a server-sent-events or NDJSON body event by
// event, chunked text chunk by chunk, so the page sees restored text as it streams.
// Everything else goes to the underlying fetch untouched.

import { PhiscrubError } from "./errors.js";

/** Fields of a JSON event whose values are pieces of one streamed answer (OpenAI, Anthropic, Ollama). */
const STREAMED_FIELDS = new Set(["content", "text", "response", "delta"]);

/**
 * A fetch-compatible function guarding the requests `match` selects.
 *
 * @param {import("./index.js").Scrubber} s the scrubber whose vault pseudonymizes and restores
 * @param {object} [options]
 * @param {string | RegExp | ((url: string, request: Request) => boolean)} [options.match]
 *   which requests to guard: a URL prefix (relative to the page), a RegExp tested on the
 *   absolute URL, or a predicate; every request when absent
 * @param {typeof fetch} [options.fetch] the fetch to send through (the page's, by default)
 * @param {(sent: { url: string, fields: { path: string, text: string, entities: object[] }[] }) => void} [options.onSent]
 *   told what was sent for each guarded request: the scrubbed texts and their surrogates'
 *   UTF-16 spans (no originals), e.g. to show the user what left the page
 * @returns {(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>}
 */
export function guardFetch(s, { match, fetch: base, onSent } = {}) {
  const send = base ?? globalThis.fetch.bind(globalThis);
  const matches = matcher(match);
  return async function guardedFetch(input, init) {
    const request = new Request(input, init);
    if (!matches(request.url, request)) return send(input, init);
    const { body, fields, headers } = await scrubBody(s, request);
    // Another page's newest pairs, so the leak check and the answer's streams know them.
    await s.sync?.().catch(() => {
      // The store is gone (deleted under us, say): check and restore with what this page holds.
    });
    refuseLeaks(s, [{ text: request.url }, { text: decoded(request.url) }, ...fields]);
    onSent?.({ url: request.url, fields });
    // The stream restores the pairs the vault holds now, the request's own included.
    const response = await send(new Request(request, { body, headers }));
    return rehydrateResponse(s, response);
  };
}

/** `match` as a predicate over (absolute URL, Request). */
function matcher(match) {
  if (match === undefined || match === null) return () => true;
  if (typeof match === "function") return match;
  if (match instanceof RegExp) return (url) => match.test(url);
  if (typeof match === "string") {
    const base = globalThis.location?.href;
    const prefix = base ? new URL(match, base).href : match;
    return (url) => url.startsWith(prefix);
  }
  throw new TypeError("match must be a string prefix, a RegExp or a function");
}

/** `url` with its percent- and plus-encoding undone (a query string can carry a name too). */
function decoded(url) {
  try {
    return decodeURIComponent(url.replace(/\+/g, " "));
  } catch {
    return url;
  }
}

/**
 * Throws `leak_blocked` (labels and counts only) when `s.check` finds an original in one of
 * `texts` (`{ text, entities? }`) outside the surrogates the scrub placed there.
 *
 * NOTE: a surrogate may equal another patient's original (surrogates are drawn from real names,
 * places and dates): inside a span the scrub just wrote, a match is that coincidence, not a leak.
 */
function refuseLeaks(s, texts) {
  const leaks = texts.flatMap(({ text, entities = [] }) =>
    s.check(text).filter((l) => !entities.some((e) => e.start < l.end && l.start < e.end)),
  );
  if (leaks.length === 0) return;
  const labels = [...new Set(leaks.map((l) => l.label))].sort().join(", ");
  const err = new PhiscrubError(
    "leak_blocked",
    `request not sent: ${leaks.length} known identifier(s) still in it (${labels})`,
  );
  err.labels = labels.split(", ");
  throw err;
}

/**
 * The scrubbed body of `request`: `{ body, headers, fields: [{ path, text, entities }] }`.
 * Bodies that are neither text, JSON nor a form are refused (`unsupported_body`): the guard
 * cannot tell what they hold, and it fails closed.
 */
async function scrubBody(s, request) {
  const headers = new Headers(request.headers);
  const fields = [];
  if (request.body === null) return { body: null, headers, fields };
  const type = (headers.get("content-type") ?? "").toLowerCase();
  const scrub = async (path, text) => {
    const out = await s.scrub(text);
    fields.push({ path, text: out.text, entities: out.entities });
    return out.text;
  };
  if (type.includes("multipart/form-data")) {
    const form = await request.formData();
    const out = new FormData();
    for (const [name, value] of form) {
      if (typeof value !== "string") {
        throw new PhiscrubError("unsupported_body", "a guarded request may not carry files");
      }
      out.append(name, await scrub(name, value));
    }
    // The new body has a new boundary: let fetch write the header.
    headers.delete("content-type");
    return { body: out, headers, fields };
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    const params = new URLSearchParams(await request.text());
    const out = new URLSearchParams();
    for (const [name, value] of params) out.append(name, await scrub(name, value));
    return { body: out.toString(), headers, fields };
  }
  if (type.includes("json")) {
    const text = await request.text();
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      // Not JSON after all: scrub it as text rather than send it as it is.
      return { body: await scrub("", text), headers, fields };
    }
    const out = await mapStrings(value, "", scrub);
    return { body: JSON.stringify(out), headers, fields };
  }
  if (type === "" || type.startsWith("text/")) {
    return { body: await scrub("", await request.text()), headers, fields };
  }
  throw new PhiscrubError("unsupported_body", "a guarded request's body is neither text, JSON nor a form");
}

/** `value` with every string in it (object keys excepted) replaced by `await fn(path, string)`. */
async function mapStrings(value, path, fn) {
  if (typeof value === "string") return fn(path, value);
  if (Array.isArray(value)) {
    const out = [];
    for (let i = 0; i < value.length; i++) out.push(await mapStrings(value[i], `${path}[${i}]`, fn));
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = await mapStrings(v, path ? `${path}.${k}` : k, fn);
    return out;
  }
  return value;
}

/** `response` with its body restored; bodies that are not text pass through. */
async function rehydrateResponse(s, response) {
  const type = (response.headers.get("content-type") ?? "").toLowerCase();
  if (response.body === null) return response;
  let body;
  if (type.includes("text/event-stream")) {
    body = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(lineStream(s, "sse"));
  } else if (type.includes("ndjson") || type.includes("jsonl")) {
    body = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(lineStream(s, "ndjson"));
  } else if (type.includes("json")) {
    const text = await response.text();
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      return restored(response, await restoreWhole(s, text));
    }
    return restored(response, JSON.stringify(await mapStrings(value, "", (_, t) => restoreWhole(s, t))));
  } else if (type === "" || type.startsWith("text/")) {
    body = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(textStream(s));
  } else {
    return response;
  }
  return restored(response, body.pipeThrough(new TextEncoderStream()));
}

// ---- what was restored lately ------------------------------------------------------------------

/** Restored answers kept for `restoredLately`, at most. */
const RECENT = 32;
/** The latest restored answers, oldest first: `{ text }`, a streamed one growing as it arrives. */
const recent = [];

/** Starts an entry in `recent`. */
function remember(text) {
  const entry = { text };
  recent.push(entry);
  if (recent.length > RECENT) recent.shift();
  return entry;
}

/**
 * Whether `text` is (the beginning of) an answer a guarded fetch restored lately, as a page
 * writes it: a whole body, one string of a JSON body, or the pieces of one streamed field in
 * order. The script tag's answer observer leaves such text as it is: restoring it again would
 * turn an original that is also another pair's surrogate into that pair's original. Kept in this
 * page's memory only, where the page shows the same text.
 *
 * @param {string} text
 * @returns {boolean}
 */
export function restoredLately(text) {
  return text !== "" && recent.some((e) => e.text.startsWith(text));
}

/** `text` restored whole, and remembered. */
async function restoreWhole(s, text) {
  const out = await s.rehydrate(text);
  remember(out);
  return out;
}

/** A rehydrate stream whose output is remembered as one answer. */
function tracked(stream) {
  const entry = remember("");
  return {
    push(chunk) {
      const out = stream.push(chunk);
      entry.text += out;
      return out;
    },
    finish() {
      const out = stream.finish();
      entry.text += out;
      return out;
    },
  };
}

/** A Response like `from` (status, headers, url) with `body` instead. */
function restored(from, body) {
  const headers = new Headers(from.headers);
  // The length and the transfer coding were the server's body's, not this one's.
  headers.delete("content-length");
  headers.delete("content-encoding");
  const out = new Response(body, { status: from.status, statusText: from.statusText, headers });
  Object.defineProperty(out, "url", { value: from.url });
  Object.defineProperty(out, "redirected", { value: from.redirected });
  return out;
}

/** Chunked text through one rehydrate stream: each chunk comes out restored as far as it can be. */
function textStream(s) {
  const stream = tracked(s.rehydrateStream());
  return new TransformStream({
    transform(chunk, out) {
      const text = stream.push(chunk);
      if (text !== "") out.enqueue(text);
    },
    flush(out) {
      const text = stream.finish();
      if (text !== "") out.enqueue(text);
    },
  });
}

/**
 * A line-based body (server-sent events, `mode` "sse", or NDJSON, "ndjson") restored event by
 * event. A text payload is one piece of a streamed answer: all of them go through one rehydrate
 * stream, so a surrogate split across events is still restored. In a JSON payload, the
 * answer-piece fields (`content`, `text`, `response`, `delta`) each go through a stream per field
 * path and every other string is restored whole. What a stream still holds at the end is sent
 * as one more event, shaped like the last.
 */
function lineStream(s, mode) {
  let textParts = tracked(s.rehydrateStream());
  let byPath = new Map();
  let partial = "";
  let lastJson = null;
  const streamFor = (path) => {
    if (!byPath.has(path)) byPath.set(path, tracked(s.rehydrateStream()));
    return byPath.get(path);
  };
  const restoreJson = async (value) => {
    lastJson = value;
    return mapStrings(value, "", async (path, text) => {
      const key = path.replace(/\[\d+\]/g, "[]");
      const leaf = key.split(".").pop().replace("[]", "");
      return STREAMED_FIELDS.has(leaf) ? streamFor(key).push(text) : restoreWhole(s, text);
    });
  };
  const restorePayload = async (payload) => {
    const trimmed = payload.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return JSON.stringify(await restoreJson(JSON.parse(trimmed)));
      } catch (e) {
        if (!(e instanceof SyntaxError)) throw e;
      }
    }
    return textParts.push(payload);
  };
  /** The events carrying what the streams still hold, ending them (new ones for what follows). */
  const drain = async () => {
    const out = [];
    const text = textParts.finish();
    if (text !== "") out.push(mode === "sse" ? `data: ${text}\n\n` : `${JSON.stringify(text)}\n`);
    const tail = await tailEvent();
    if (tail !== null) out.push(mode === "sse" ? `data: ${tail}\n\n` : `${tail}\n`);
    textParts = tracked(s.rehydrateStream());
    byPath = new Map();
    lastJson = null;
    return out;
  };
  const line = async (raw) => {
    // A CRLF stream keeps its CR at the end of the line, out of the payload.
    const cr = raw.endsWith("\r") ? "\r" : "";
    const l = cr ? raw.slice(0, -1) : raw;
    if (mode === "ndjson") return l.trim() === "" ? raw : (await restorePayload(l)) + cr;
    const m = /^data: ?/.exec(l);
    if (!m) return raw;
    const payload = l.slice(m[0].length);
    // `[DONE]` and other sentinels are not answer text; what the streams hold goes out before.
    if (/^\[[A-Z]+\]$/.test(payload.trim())) return (await drain()).join("") + raw;
    return `data: ${await restorePayload(payload)}${cr}`;
  };
  /** The JSON event carrying what the per-field streams still hold, or null. */
  const tailEvent = async () => {
    const rest = new Map([...byPath].map(([k, st]) => [k, st.finish()]));
    if (lastJson === null || [...rest.values()].every((t) => t === "")) return null;
    return JSON.stringify(
      await mapStrings(lastJson, "", async (path, text) => {
        const key = path.replace(/\[\d+\]/g, "[]");
        return rest.has(key) ? rest.get(key) : text;
      }),
    );
  };
  return new TransformStream({
    async transform(chunk, out) {
      partial += chunk;
      const lines = partial.split("\n");
      partial = lines.pop();
      for (const l of lines) out.enqueue((await line(l)) + "\n");
    },
    async flush(out) {
      if (partial !== "") out.enqueue(await line(partial));
      for (const event of await drain()) out.enqueue(event);
    },
  });
}
