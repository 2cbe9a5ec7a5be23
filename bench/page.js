// The benchmark page: phiscrub through its public JS API (js/src/index.js, the path a host app
// takes) and the JS peers, over the same corpus in the same page. bench/run.mjs drives it step
// by step through `window.bench` and does the arithmetic (medians, ratios) itself.
//
// Throughput counts UTF-8 bytes of input text (MB = 10^6 bytes), document by document, as a
// portal would call the library: per-call costs are part of the figure.

import { Scrubber } from "../js/src/index.js";
import init, { Core } from "../pkg/phiscrub.js";
import { IdbVault } from "../js/src/vault-idb.js";
import { peers } from "../target/bench/peers.js";

const enc = new TextEncoder();
let docs = [];
let messages = [];
let bytes = 0;
const heap = [];

/** The JS heap now, in bytes (precise with --enable-precise-memory-info). */
function sampleHeap(phase) {
  const used = performance.memory?.usedJSHeapSize ?? 0;
  heap.push({ phase, used });
  return used;
}

/** Gold spans whose text no longer appears in `out`: the one yardstick every tool shares. */
function goldGone(doc, out) {
  const cps = Array.from(doc.text);
  let gone = 0;
  for (const s of doc.spans) {
    if (!out.includes(cps.slice(s.start, s.end).join(""))) gone++;
  }
  return gone;
}

/** UTF-16 offset of code point `cp` in `text`. */
function u16(text, cp) {
  let i = 0;
  for (let n = 0; n < cp; n++) i += text.codePointAt(i) > 0xffff ? 2 : 1;
  return i;
}

/** Percentile `p` (0..1) of sorted `xs`, nearest rank. */
function pct(xs, p) {
  return xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))];
}

const timesOf = (ts) => {
  const s = [...ts].sort((a, b) => a - b);
  return { p50: pct(s, 0.5), p99: pct(s, 0.99), mean: ts.reduce((a, b) => a + b, 0) / ts.length };
};

const ephemeral = () => Scrubber.open({ key: { ephemeral: true } });

window.bench = {
  /** Fetches the corpus built by bench/run.mjs. */
  async load() {
    const data = await (await fetch("../target/bench/corpus.json")).json();
    docs = data.docs;
    messages = data.messages;
    bytes = docs.reduce((n, d) => n + enc.encode(d.text).length, 0);
    await init();
    return { docs: docs.length, bytes, spans: docs.reduce((n, d) => n + d.spans.length, 0), heap: sampleHeap("loaded") };
  },

  /** One pass of `detect` over the corpus: `{ ms, mbps }`. */
  async detect() {
    const s = await ephemeral();
    const t0 = performance.now();
    for (const d of docs) s.detect(d.text);
    const ms = performance.now() - t0;
    sampleHeap("detect");
    s.close();
    return { ms, mbps: bytes / 1e3 / ms };
  },

  /**
   * One pass of `scrub` (a fresh in-memory vault each pass), then one of `rehydrate` over the
   * scrubbed texts: `{ scrub: { ms, mbps }, rehydrate: { ms, mbps } }`.
   */
  async scrubAndRehydrate() {
    const s = await ephemeral();
    const outs = new Array(docs.length);
    let t0 = performance.now();
    for (let i = 0; i < docs.length; i++) outs[i] = (await s.scrub(docs[i].text)).text;
    const scrubMs = performance.now() - t0;
    sampleHeap("scrub");
    const outBytes = outs.reduce((n, t) => n + enc.encode(t).length, 0);
    t0 = performance.now();
    let mismatched = 0;
    for (let i = 0; i < outs.length; i++) {
      const back = await s.rehydrate(outs[i]);
      if (back.length === 0 && docs[i].text.length > 0) mismatched++;
    }
    const reMs = performance.now() - t0;
    sampleHeap("rehydrate");
    s.close();
    return {
      scrub: { ms: scrubMs, mbps: bytes / 1e3 / scrubMs },
      rehydrate: { ms: reMs, mbps: outBytes / 1e3 / reMs, mismatched },
    };
  },

  /**
   * What phiscrub catches: gold spans overlapped by a detection, and gold spans whose text is
   * gone from the scrubbed output (the peers' yardstick).
   */
  async caught() {
    const s = await ephemeral();
    let overlapped = 0;
    let gone = 0;
    for (const d of docs) {
      const found = s.detect(d.text);
      for (const g of d.spans) {
        const a = u16(d.text, g.start);
        const b = u16(d.text, g.end);
        if (found.some((f) => f.start < b && a < f.end)) overlapped++;
      }
      gone += goldGone(d, (await s.scrub(d.text)).text);
    }
    s.close();
    return { overlapped, gone };
  },

  /** The peers' names and versions. */
  peers() {
    return peers.map((p) => ({ name: p.name, version: p.version }));
  },

  /** One pass of peer `k` over the corpus: `{ ms, mbps, gone }` (gone only with `withCaught`). */
  peer(k, withCaught) {
    const redact = peers[k].make();
    const outs = new Array(docs.length);
    const t0 = performance.now();
    for (let i = 0; i < docs.length; i++) outs[i] = redact(docs[i].text);
    const ms = performance.now() - t0;
    let gone;
    if (withCaught) gone = docs.reduce((n, d, i) => n + goldGone(d, outs[i]), 0);
    return { ms, mbps: bytes / 1e3 / ms, gone };
  },

  /**
   * Latency of `scrub` per ~2 KB chat message: in memory only, or with the encrypted IndexedDB
   * commit (a raw host key, a fresh database, deleted afterwards). Then the streaming
   * re-identifier over the scrubbed messages, pushed in `chunk`-unit pieces as an LLM answer
   * arrives. `{ scrub: { p50, p99, mean }, stream: { p50, p99, mean, chunks } }` in ms.
   */
  async latency(storage, chunk = 8) {
    const s = storage
      ? await Scrubber.open({
          vault: `bench-${Date.now()}-${Math.random()}`,
          key: { raw: crypto.getRandomValues(new Uint8Array(32)) },
        })
      : await ephemeral();
    // Warm-up: the first calls compile lazily built matchers and grow memory.
    for (const m of messages.slice(0, 10)) await s.scrub(m);
    const ts = [];
    const scrubbed = [];
    for (const m of messages) {
      const t0 = performance.now();
      const out = await s.scrub(m);
      ts.push(performance.now() - t0);
      scrubbed.push(out.text);
    }
    sampleHeap(storage ? "latency+idb" : "latency");
    const push = [];
    let restored = 0;
    for (const t of scrubbed) {
      const st = s.rehydrateStream();
      let back = "";
      for (let i = 0; i < t.length; i += chunk) {
        const t0 = performance.now();
        back += st.push(t.slice(i, i + chunk));
        push.push(performance.now() - t0);
      }
      back += st.finish();
      if (back !== t) restored++;
    }
    if (storage) await s.forget();
    else s.close();
    return { scrub: timesOf(ts), stream: { ...timesOf(push), chunks: push.length, restored } };
  },

  /**
   * Where the IndexedDB commit's time goes (BENCH_ONLY=latency): the scrub's steps done one by
   * one with the core and the store directly, each message timed as `wasm` (the core's scrub,
   * sealing and claim tags), `tx` (`addRecords`: the claim reads, the writes and the commit)
   * and `total`, plus the records and claims per message. `durability` ("strict", "relaxed",
   * or undefined for the library's own choice) is forced on every transaction of the run by
   * wrapping `IDBDatabase.prototype.transaction`: an experiment, not the library's code path.
   */
  async latencyParts(durability) {
    await Scrubber.preload();
    const proto = IDBDatabase.prototype;
    const original = proto.transaction;
    if (durability) {
      proto.transaction = function (stores, mode, options) {
        return original.call(this, stores, mode, { ...options, durability });
      };
    }
    const vault = `bench-parts-${Date.now()}-${Math.random()}`;
    const store = await IdbVault.open(vault);
    const core = Core.withKey(crypto.getRandomValues(new Uint8Array(32)), undefined);
    try {
      await store.addHeader(core.header());
      const one = async (m) => {
        const t0 = performance.now();
        const out = core.scrub(m, Date.now());
        const t1 = performance.now();
        if (out.records.length > 0 && !(await store.addRecords(out.records))) throw new Error("conflict in one page");
        const t2 = performance.now();
        core.commit();
        return { wasm: t1 - t0, tx: t2 - t1, total: t2 - t0, records: out.records.length, claims: out.records.reduce((n, r) => n + r.claims.length, 0) };
      };
      for (const m of messages.slice(0, 10)) await one(m);
      const rows = [];
      for (const m of messages) rows.push(await one(m));
      const of = (k) => timesOf(rows.map((r) => r[k]));
      return { wasm: of("wasm"), tx: of("tx"), total: of("total"), records: of("records"), claims: of("claims") };
    } finally {
      proto.transaction = original;
      core.free();
      store.close();
      await IdbVault.destroy(vault);
    }
  },

  /**
   * A paired comparison of two ways of storing (BENCH_ONLY=paired): every message is scrubbed
   * by two cores, each with its own fresh vault, alternating which goes first, so both see the
   * same machine load. Side `a` stores with the library's `IdbVault`, or with the module at
   * `aModule` (say, an older vault-idb.js); side `b` with the library's `IdbVault`, its
   * transactions made `bDurability` ("relaxed") when given. Returns, per side, the p50 and p99
   * of the transaction and of the whole step, and the summed transaction time, in ms.
   */
  async paired(aModule, bDurability) {
    await Scrubber.preload();
    const A = aModule ? (await import(aModule)).IdbVault : IdbVault;
    const make = async (Kind) => {
      const name = `bench-paired-${Date.now()}-${Math.random()}`;
      const store = await Kind.open(name);
      const core = Core.withKey(crypto.getRandomValues(new Uint8Array(32)), undefined);
      await store.addHeader(core.header());
      return { Kind, name, store, core, tx: [], total: [], requests: [] };
    };
    const a = await make(A);
    const b = await make(IdbVault);
    const proto = IDBDatabase.prototype;
    const original = proto.transaction;
    if (bDurability) {
      proto.transaction = function (stores, mode, options) {
        const forced = this.name.endsWith(b.name) ? { ...options, durability: bDurability } : options;
        return original.call(this, stores, mode, forced);
      };
    }
    // IndexedDB requests per message and side, counted by wrapping the request-making methods
    // (a counter per call: the same small cost on both sides).
    const wrapped = [];
    let counting = null;
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
      for (const name of ["add", "put", "get", "getKey", "getAll", "getAllKeys", "count", "delete", "openCursor", "openKeyCursor"]) {
        if (typeof proto[name] !== "function") continue;
        const fn = proto[name];
        wrapped.push([proto, name, fn]);
        proto[name] = function (...args) {
          if (counting) counting.n++;
          return fn.apply(this, args);
        };
      }
    }
    const one = async (side, m, timed) => {
      const t0 = performance.now();
      const out = side.core.scrub(m, Date.now());
      const t1 = performance.now();
      const c = { n: 0 };
      counting = c;
      if (out.records.length > 0 && !(await side.store.addRecords(out.records))) throw new Error("conflict in one page");
      counting = null;
      const t2 = performance.now();
      side.core.commit();
      if (timed) {
        side.tx.push(t2 - t1);
        side.total.push(t2 - t0);
        side.requests.push({ records: out.records.length, n: c.n, tx: t2 - t1 });
      }
    };
    try {
      // The first 10 messages warm up, as in `latency`.
      for (let i = 0; i < messages.length; i++) {
        for (const side of i % 2 ? [a, b] : [b, a]) await one(side, messages[i], i >= 10);
      }
    } finally {
      proto.transaction = original;
      for (const [p, name, fn] of wrapped) p[name] = fn;
      for (const side of [a, b]) {
        side.core.free();
        side.store.close();
        await side.Kind.destroy(side.name);
      }
    }
    // Heavy: a message bringing 30 or more new pairs (session 4's p99 messages).
    const heavy = (side) => side.requests.filter((r) => r.records >= 30);
    const sum = (side) => ({
      tx: timesOf(side.tx),
      total: timesOf(side.total),
      txSum: side.tx.reduce((n, t) => n + t, 0),
      requests: side.requests.reduce((n, r) => n + r.n, 0),
      heavy: heavy(side).length,
      heavyRequests: heavy(side).reduce((n, r) => n + r.n, 0) / Math.max(1, heavy(side).length),
      heavyRecords: heavy(side).reduce((n, r) => n + r.records, 0) / Math.max(1, heavy(side).length),
      medianRequests: timesOf(side.requests.map((r) => r.n)).p50,
      heavyTxP50: timesOf(heavy(side).map((r) => r.tx)).p50,
    });
    return { a: sum(a), b: sum(b) };
  },

  /** Wasm linear memory (it never shrinks: its size now is its peak) and the JS heap samples. */
  async memory() {
    const wasm = await init();
    return { wasmBytes: wasm.memory.buffer.byteLength, heap };
  },
};

window.pageReady = true;
