// The benchmark corpus, built at bench time (5+ MB is not worth committing): the annotated
// documents of tests/data/corpus/*.jsonl, repeated with every gold span swapped for another gold
// span of the same label drawn by a seeded generator, so the copies differ in their identifiers
// (the detector cannot win by seeing one string twice) while every span stays gold. Same seed,
// same bytes: two runs of `make bench` measure the same text.

import { readFileSync } from "node:fs";

const FILES = ["structured.jsonl", "names.jsonl"];

/** mulberry32: a tiny seeded generator; quality is irrelevant, reproducibility is the point. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Is this document chat (short, lower case, typos) rather than a clinical note or a bill? */
const isChat = (d) => d.kind === "chat" || d.id.startsWith("chat");

/** The annotated documents of the repository's corpus, `{ id, text, spans, chat }`. */
export function sourceDocs(root) {
  const docs = [];
  for (const f of FILES) {
    const lines = readFileSync(new URL(`tests/data/corpus/${f}`, root), "utf8").split("\n");
    for (const l of lines) {
      if (l.trim() === "") continue;
      const d = JSON.parse(l);
      docs.push({ id: d.id, text: d.text, chat: isChat(d), spans: d.spans.map(({ label, start, end }) => ({ label, start, end })) });
    }
  }
  return docs;
}

/** `doc` with each gold span replaced by a pool entry of its label; spans in code points. */
function vary(doc, pools, next) {
  const cps = Array.from(doc.text);
  let out = "";
  let outLen = 0; // in code points
  let at = 0;
  const spans = [];
  for (const s of doc.spans) {
    const before = cps.slice(at, s.start).join("");
    out += before;
    outLen += s.start - at;
    const pool = pools.get(s.label);
    const value = pool[Math.floor(next() * pool.length)];
    const n = Array.from(value).length;
    spans.push({ label: s.label, start: outLen, end: outLen + n });
    out += value;
    outLen += n;
    at = s.end;
  }
  out += cps.slice(at).join("");
  return { text: out, spans };
}

/**
 * At least `minBytes` of UTF-8 text: the source documents once as they are, then varied copies
 * in a fixed order. Returns `{ docs: [{ id, text, spans, chat }], bytes, chatBytes }`.
 */
export function buildCorpus(root, minBytes = 5 * 1024 * 1024, seed = 0x5eed) {
  const src = sourceDocs(root);
  const pools = new Map();
  for (const d of src) {
    const cps = Array.from(d.text);
    for (const s of d.spans) {
      if (!pools.has(s.label)) pools.set(s.label, []);
      pools.get(s.label).push(cps.slice(s.start, s.end).join(""));
    }
  }
  const next = rng(seed);
  const enc = new TextEncoder();
  const docs = [];
  let bytes = 0;
  let chatBytes = 0;
  for (let round = 0; bytes < minBytes; round++) {
    for (const d of src) {
      const { text, spans } = round === 0 ? d : vary(d, pools, next);
      const n = enc.encode(text).length;
      docs.push({ id: `${d.id}~${round}`, text, spans, chat: d.chat });
      bytes += n;
      if (d.chat) chatBytes += n;
    }
  }
  return { docs, bytes, chatBytes };
}

/**
 * Chat messages of about `size` bytes each (the latency test's unit): consecutive chat
 * documents of the corpus joined by blank lines until the next would pass `size`.
 */
export function chatMessages(docs, count, size = 2048) {
  const enc = new TextEncoder();
  const chats = docs.filter((d) => d.chat);
  const out = [];
  let cur = "";
  for (let i = 0; out.length < count; i++) {
    const t = chats[i % chats.length].text;
    const joined = cur === "" ? t : `${cur}\n\n${t}`;
    if (enc.encode(joined).length > size && cur !== "") {
      out.push(cur);
      cur = t;
    } else {
      cur = joined;
    }
  }
  return out;
}
