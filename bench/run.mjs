// `make bench`: sizes, native and in-browser throughput, latency, streaming, memory, cold start,
// and the JS peers side by side, in one run. Prints one table (each figure the median of
// repeated runs), writes target/bench/results.json and appends one line to bench/history.jsonl.
//
// Expects scripts/bench.sh to have built target/release/phiscrub, pkg/ and target/bench/peers.js.
// Environment: BENCH_RUNS (repetitions of each throughput pass, default 3), BENCH_MESSAGES (2 KB
// messages per latency pass, default 300), BENCH_NO_HISTORY=1 (do not append to the history),
// BENCH_ONLY=cold (measure only the cold start), BENCH_ONLY=latency (only the 2 KB scrub latency,
// in memory and with IndexedDB, BENCH_LATENCY_RUNS passes each, default 5, and where the
// IndexedDB commit's time goes; needs target/bench/peers.js from a full `make bench`),
// BENCH_ONLY=paired (two ways of storing side by side in one page, BENCH_LATENCY_RUNS passes:
// BENCH_PAIRED_A, a module served under /target/bench/ holding an older `IdbVault`, against the
// library's; or BENCH_PAIRED_DURABILITY=relaxed, the library's strict against relaxed; each
// pass also counts IndexedDB requests per side, and times the messages with >= 30 new pairs).
// The module at BENCH_PAIRED_A imports ./claims.js and ./errors.js: copy them beside it.

import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, appendFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { buildCorpus, chatMessages } from "./corpus.mjs";
import { serve } from "./server.mjs";
import { ARTIFACTS } from "./artifacts.mjs";

const ROOT_URL = new URL("../", import.meta.url);
const ROOT = fileURLToPath(ROOT_URL);
const OUT = `${ROOT}target/bench`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 300);
const COLD_RUNS = 9;
const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  // Unquantized performance.memory, for the JS heap figures.
  "--enable-precise-memory-info",
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (...a) => console.error("[bench]", ...a);

/** Raw and gzip -9 sizes of every artifact that exists, and of the web wasm after wasm-opt. */
function sizes() {
  const measure = (a, path) => {
    if (!existsSync(path)) return { ...a, raw: null, gzip: null };
    const body = readFileSync(path);
    return { ...a, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  };
  const out = ARTIFACTS.map((a) => measure(a, `${ROOT}${a.path}`));
  // What scripts/wasm-opt.sh would ship (strip + -O3), measured on a copy: pkg/ stays as built.
  const web = `${ROOT}${ARTIFACTS[0].path}`;
  if (existsSync(web)) {
    const copy = `${OUT}/web-opt.wasm`;
    copyFileSync(web, copy);
    execFileSync(`${ROOT}scripts/wasm-opt.sh`, [copy], { stdio: ["ignore", "ignore", "inherit"] });
    out.splice(1, 0, measure({ name: "web after scripts/wasm-opt.sh", budget: true }, copy));
  }
  return out;
}

/** Wall time of one CLI run over `input`, output discarded. */
function cliOnce(cmd, input) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(`${ROOT}target/release/phiscrub`, [cmd], { stdio: ["pipe", "ignore", "inherit"] });
    createReadStream(input).pipe(p.stdin);
    p.on("error", reject);
    p.on("close", (code) => {
      if (code !== 0) reject(new Error(`phiscrub ${cmd} exited ${code}`));
      else resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  });
}

async function native(input, bytes) {
  const out = {};
  for (const cmd of ["detect", "scrub"]) {
    const ms = [];
    for (let i = 0; i < RUNS; i++) ms.push(await cliOnce(cmd, input));
    out[cmd] = { ms: median(ms), mbps: median(ms.map((m) => bytes / 1e3 / m)) };
    log(`native ${cmd}: ${out[cmd].mbps.toFixed(1)} MB/s`);
  }
  return out;
}

/**
 * The library as a host's bundler ships it: js/src/index.js and everything it imports (the
 * wasm-bindgen glue included) in one ES module, target/bench/phiscrub-bundle.js.
 */
function bundleForCold() {
  mkdirSync(OUT, { recursive: true });
  execFileSync(`${ROOT}node_modules/.bin/esbuild`, [
    `${ROOT}js/src/index.js`,
    "--bundle",
    "--format=esm",
    "--target=es2022",
    "--minify",
    "--log-level=warning",
    `--outfile=${OUT}/phiscrub-bundle.js`,
  ]);
}

/**
 * Fetch + compile + init + first scrub, each in a fresh browser context (an empty cache), with
 * the JS as published (one request per module) and bundled (one file), in turns so that both
 * see the same load.
 */
async function coldStart(origin) {
  bundleForCold();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
  const runs = { modules: [], bundled: [] };
  try {
    for (let i = 0; i < COLD_RUNS; i++) {
      const order = i % 2 ? ["bundled", "modules"] : ["modules", "bundled"];
      for (const way of order) {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        await page.goto(`${origin}/bench/cold.html${way === "bundled" ? "?bundle" : ""}`);
        const cold = await page.waitForFunction(() => window.cold, null, { timeout: 30000 }).then((h) => h.jsonValue());
        if (cold.scrubbed < 3) throw new Error("cold start: the first scrub found too little");
        runs[way].push(cold);
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
  }
  const summary = (cs) => {
    const phase = (k) => median(cs.map((c) => c.phases[k]));
    const ms = cs.map((c) => c.ms);
    return { ms: median(ms), all: ms, phases: { import: phase("import"), wasm: phase("wasm"), open: phase("open"), scrub: phase("scrub") } };
  };
  return { ...summary(runs.modules), bundled: summary(runs.bundled) };
}

async function browserRuns(origin) {
  const context = await launchBrowser();
  const errors = [];
  try {
    const page = await benchPage(context, origin, errors);
    const loaded = await page.evaluate(() => window.bench.load());
    log(`corpus in page: ${loaded.docs} documents, ${loaded.bytes} bytes, ${loaded.spans} gold spans`);
    const r = { loaded };

    const det = [];
    for (let i = 0; i < RUNS; i++) det.push(await page.evaluate(() => window.bench.detect()));
    r.detect = { mbps: median(det.map((x) => x.mbps)) };
    log(`chromium detect: ${r.detect.mbps.toFixed(2)} MB/s`);

    const sr = [];
    for (let i = 0; i < RUNS; i++) sr.push(await page.evaluate(() => window.bench.scrubAndRehydrate()));
    r.scrub = { mbps: median(sr.map((x) => x.scrub.mbps)) };
    r.rehydrate = { mbps: median(sr.map((x) => x.rehydrate.mbps)) };
    log(`chromium scrub: ${r.scrub.mbps.toFixed(2)} MB/s, rehydrate ${r.rehydrate.mbps.toFixed(2)} MB/s`);

    r.caught = await page.evaluate(() => window.bench.caught());

    r.peers = [];
    const peers = await page.evaluate(() => window.bench.peers());
    for (let k = 0; k < peers.length; k++) {
      const runs = [];
      // Fewer passes for the peers: they are slow, and their spread is small next to the ratio.
      for (let i = 0; i < Math.min(RUNS, 3); i++) {
        runs.push(await page.evaluate(([k, c]) => window.bench.peer(k, c), [k, i === 0]));
      }
      const p = { ...peers[k], mbps: median(runs.map((x) => x.mbps)), gone: runs[0].gone };
      r.peers.push(p);
      log(`peer ${p.name}: ${p.mbps.toFixed(2)} MB/s, gold gone ${p.gone}`);
    }

    for (const storage of [false, true]) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await page.evaluate((s) => window.bench.latency(s), storage));
      const key = storage ? "latencyIdb" : "latency";
      r[key] = {
        p50: median(runs.map((x) => x.scrub.p50)),
        p99: median(runs.map((x) => x.scrub.p99)),
        streamMean: median(runs.map((x) => x.stream.mean)),
        streamP99: median(runs.map((x) => x.stream.p99)),
        chunks: runs[0].stream.chunks,
        restoredWrong: runs.reduce((n, x) => n + x.stream.restored, 0),
      };
      log(`latency ${storage ? "with IndexedDB" : "in memory"}: p50 ${r[key].p50.toFixed(3)} ms, p99 ${r[key].p99.toFixed(3)} ms`);
    }
    r.memory = await page.evaluate(() => window.bench.memory());
    if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    return r;
  } finally {
    await context.close();
  }
}

/** BENCH_ONLY=paired: `window.bench.paired` passes, each pass's figures and their medians. */
async function pairedOnly() {
  const runs = Number(process.env.BENCH_LATENCY_RUNS ?? 5);
  const aModule = process.env.BENCH_PAIRED_A ?? null;
  const bDurability = process.env.BENCH_PAIRED_DURABILITY ?? null;
  return onlyMode(async (page, messages, load1) => {
    const res = { commit: gitCommit(), load1, messages: messages.length, runs, a: aModule ?? "library", b: `library${bDurability ? `, ${bDurability}` : ""}`, passes: [] };
    for (let i = 0; i < runs; i++) {
      const p = await page.evaluate(([m, d]) => window.bench.paired(m, d), [aModule, bDurability]);
      const brief = (x) => ({ txP50: +x.tx.p50.toFixed(3), txP99: +x.tx.p99.toFixed(3), p50: +x.total.p50.toFixed(3), p99: +x.total.p99.toFixed(3), txSum: +x.txSum.toFixed(1), requests: x.requests, heavy: x.heavy, heavyRequests: +x.heavyRequests.toFixed(1), heavyRecords: +x.heavyRecords.toFixed(1), medianRequests: x.medianRequests, heavyTxP50: +x.heavyTxP50.toFixed(3) });
      res.passes.push({ a: brief(p.a), b: brief(p.b) });
      log(`paired pass ${i + 1}: a ${JSON.stringify(brief(p.a))}, b ${JSON.stringify(brief(p.b))}`);
    }
    const m = (side, k) => +median(res.passes.map((p) => p[side][k])).toFixed(3);
    for (const side of ["a", "b"]) res[`median_${side}`] = Object.fromEntries(["txP50", "txP99", "p50", "p99", "txSum", "heavyTxP50"].map((k) => [k, m(side, k)]));
    res.txSumRatio = median(res.passes.map((p) => p.b.txSum / p.a.txSum));
    res.load1After = loadavg()[0];
    return res;
  });
}

/** BENCH_ONLY=latency: the latency passes alone, each pass's figures and their medians. */
async function latencyOnly() {
  const runs = Number(process.env.BENCH_LATENCY_RUNS ?? 5);
  return onlyMode(async (page, messages, load1) => {
    const res = { commit: gitCommit(), load1, messages: messages.length, runs };
    const pick = (xs, k) => xs.map((x) => +x[k].toFixed(3));
    for (const storage of [false, true]) {
      const xs = [];
      for (let i = 0; i < runs; i++) xs.push((await page.evaluate((s) => window.bench.latency(s), storage)).scrub);
      res[storage ? "idb" : "memory"] = { p50: median(xs.map((x) => x.p50)), p99: median(xs.map((x) => x.p99)), p50s: pick(xs, "p50"), p99s: pick(xs, "p99") };
      log(`latency ${storage ? "with IndexedDB" : "in memory"}: p50 ${res[storage ? "idb" : "memory"].p50.toFixed(3)} ms, p99 ${res[storage ? "idb" : "memory"].p99.toFixed(3)} ms`);
    }
    const durabilities = (process.env.BENCH_DURABILITY ?? "default").split(",");
    res.parts = {};
    for (const d of durabilities) {
      const xs = [];
      for (let i = 0; i < runs; i++) xs.push(await page.evaluate((d) => window.bench.latencyParts(d === "default" ? undefined : d), d));
      const m = (part, k) => +median(xs.map((x) => x[part][k])).toFixed(3);
      res.parts[d] = Object.fromEntries(["wasm", "tx", "total", "records", "claims"].map((p) => [p, { p50: m(p, "p50"), p99: m(p, "p99"), mean: m(p, "mean") }]));
      log(`parts (${d}): ${JSON.stringify(res.parts[d])}`);
    }
    res.load1After = loadavg()[0];
    return res;
  });
}

/** The corpus built and written to OUT for the bench page: `{ corpus, messages }`. */
function writeCorpus() {
  mkdirSync(OUT, { recursive: true });
  const corpus = buildCorpus(ROOT_URL);
  const messages = chatMessages(corpus.docs, MESSAGES);
  writeFileSync(`${OUT}/corpus.json`, JSON.stringify({ docs: corpus.docs.map(({ text, spans }) => ({ text, spans })), messages }));
  return { corpus, messages };
}

/** A headless Chromium with the bench's flags, in a fresh profile. */
function launchBrowser() {
  return chromium.launchPersistentContext("", {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ARGS,
  });
}

/** The bench page at `origin`, ready; its errors go to `errors` when given. */
async function benchPage(context, origin, errors) {
  const page = await context.newPage();
  if (errors) page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${origin}/bench/page.html`);
  await page.waitForFunction(() => window.pageReady === true, null, { timeout: 30000 });
  return page;
}

/**
 * A BENCH_ONLY mode's set-up and tear-down: the corpus written, the bench page loaded with it,
 * and `fn(page, messages, load1)`'s result (`load1`: the load average before the browser).
 */
async function onlyMode(fn) {
  const { messages } = writeCorpus();
  const load1 = loadavg()[0];
  const server = await serve();
  const context = await launchBrowser();
  try {
    const page = await benchPage(context, server.origin);
    await page.evaluate(() => window.bench.load());
    return await fn(page, messages, load1);
  } finally {
    await context.close();
    await server.close();
  }
}

function gitCommit() {
  try {
    const c = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock", "js"], { cwd: ROOT }).toString().trim();
    return dirty ? `${c}+dirty` : c;
  } catch {
    return "unknown";
  }
}

const f = (x, d = 1) => (x === null || x === undefined ? "n/a" : x.toFixed(d));
const kb = (x) => (x === null ? "not built" : `${(x / 1024).toFixed(0)} KB`);
const mark = (ok) => (ok ? "met" : "MISSED");

function table(res) {
  const rows = [];
  const row = (what, value, budget = "", status = "") => rows.push([what, value, budget, status]);
  for (const s of res.sizes) {
    if (s.raw === null) {
      row(`size ${s.name}`, "not built", s.budget ? "<= 300 KB gz" : "", "");
      continue;
    }
    const ok = s.gzip <= 300 * 1024;
    row(`size ${s.name}`, `${kb(s.raw)} raw, ${kb(s.gzip)} gz`, s.budget ? "<= 300 KB gz" : "", s.budget ? mark(ok) : "");
  }
  for (const [what, c] of [
    ["cold start (fetch+compile+init+1st scrub)", res.cold],
    ["cold start, JS bundled in one file", res.cold.bundled],
  ]) {
    row(what, `${f(c.ms)} ms`, "<= 50 ms", mark(c.ms <= 50));
    const ph = c.phases;
    row("  of which: import / wasm / open / 1st scrub", `${f(ph.import)} / ${f(ph.wasm)} / ${f(ph.open)} / ${f(ph.scrub)} ms`);
  }
  const b = res.browser;
  row("chromium detect", `${f(b.detect.mbps, 2)} MB/s`);
  row("chromium scrub", `${f(b.scrub.mbps, 2)} MB/s`, ">= 50 MB/s", mark(b.scrub.mbps >= 50));
  row("native detect (CLI)", `${f(res.native.detect.mbps, 2)} MB/s`);
  row("native scrub (CLI)", `${f(res.native.scrub.mbps, 2)} MB/s`, ">= 100 MB/s", mark(res.native.scrub.mbps >= 100));
  row("scrub 2 KB, in memory: p50 / p99", `${f(b.latency.p50, 3)} / ${f(b.latency.p99, 3)} ms`, "p99 <= 1 ms", mark(b.latency.p99 <= 1));
  row("scrub 2 KB, IndexedDB commit: p50 / p99", `${f(b.latencyIdb.p50, 3)} / ${f(b.latencyIdb.p99, 3)} ms`, "p99 <= 10 ms", mark(b.latencyIdb.p99 <= 10));
  row("chromium rehydrate", `${f(b.rehydrate.mbps, 2)} MB/s`);
  const us = b.latency.streamMean * 1000;
  row("stream: per 8-unit chunk, mean / p99", `${f(us, 1)} / ${f(b.latency.streamP99 * 1000, 1)} us`, "<= 50 us", mark(us <= 50));
  const heapPeak = Math.max(...b.memory.heap.map((h) => h.used));
  const heapBase = b.memory.heap.find((h) => h.phase === "loaded")?.used ?? 0;
  row("wasm linear memory (peak)", `${f(b.memory.wasmBytes / 1048576)} MiB`);
  row("JS heap peak (corpus loaded: base)", `${f(heapPeak / 1048576)} MiB (base ${f(heapBase / 1048576)} MiB)`);
  const gold = b.loaded.spans;
  row("phiscrub gold spans caught", `${b.caught.gone} / ${gold} gone from output (${b.caught.overlapped} overlapped by a detection)`);
  for (const p of b.peers) {
    const ratio = b.scrub.mbps / p.mbps;
    row(`peer ${p.name} ${p.version}`, `${f(p.mbps, 2)} MB/s, ${p.gone} / ${gold} gone`);
    row(`  phiscrub scrub / ${p.name}`, `${f(ratio, 2)}x, catching ${b.caught.gone - p.gone >= 0 ? "+" : ""}${b.caught.gone - p.gone}`, ">= 10x, more", mark(ratio >= 10 && b.caught.gone > p.gone));
  }
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((x, i) => x.padEnd(w[i])).join(" | ")} |`;
  return [line(["figure", "median", "budget", "status"]), `|${w.map((n) => "-".repeat(n + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

async function main() {
  if (process.env.BENCH_ONLY === "cold") {
    // Cold start alone (needs only pkg/ and js/): for quick checks of start-up work.
    const server = await serve();
    try {
      console.log(JSON.stringify(await coldStart(server.origin)));
    } finally {
      await server.close();
    }
    return;
  }
  if (process.env.BENCH_ONLY === "paired") {
    console.log(JSON.stringify(await pairedOnly(), null, 1));
    return;
  }
  if (process.env.BENCH_ONLY === "latency") {
    console.log(JSON.stringify(await latencyOnly(), null, 1));
    return;
  }
  const t0 = Date.now();
  const { corpus, messages } = writeCorpus();
  const cli = `${OUT}/corpus-cli.jsonl`;
  writeFileSync(cli, corpus.docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join("\n") + "\n");
  log(`corpus: ${corpus.docs.length} documents, ${(corpus.bytes / 1e6).toFixed(2)} MB (chat ${(corpus.chatBytes / 1e6).toFixed(2)} MB); ${messages.length} chat messages of <= 2 KB`);

  // The machine may be shared: the load average says how far to trust the timings.
  const res = { date: new Date().toISOString(), commit: gitCommit(), corpusBytes: corpus.bytes, runs: RUNS, load1: loadavg()[0] };
  res.sizes = sizes();
  res.native = await native(cli, corpus.bytes);
  const server = await serve();
  try {
    res.cold = await coldStart(server.origin);
    log(`cold start: ${res.cold.ms.toFixed(1)} ms; bundled: ${res.cold.bundled.ms.toFixed(1)} ms`);
    res.browser = await browserRuns(server.origin);
  } finally {
    await server.close();
  }
  res.seconds = (Date.now() - t0) / 1000;

  const t = table(res);
  writeFileSync(`${OUT}/results.json`, JSON.stringify(res, null, 2) + "\n");
  writeFileSync(`${OUT}/results.md`, t + "\n");
  if (process.env.BENCH_NO_HISTORY !== "1") {
    const b = res.browser;
    const web = res.sizes.find((s) => s.budget && s.gzip !== null);
    const h = {
      date: res.date.slice(0, 10),
      commit: res.commit,
      load1: +res.load1.toFixed(1),
      wasm_gz_kb: web ? Math.round(web.gzip / 1024) : null,
      wasm_raw_kb: web ? Math.round(web.raw / 1024) : null,
      wasm_opt_gz_kb: (() => {
        const o = res.sizes.find((s) => s.name.startsWith("web after") && s.gzip !== null);
        return o ? Math.round(o.gzip / 1024) : null;
      })(),
      cold_ms: +res.cold.ms.toFixed(1),
      cold_bundled_ms: +res.cold.bundled.ms.toFixed(1),
      chromium_detect_mbps: +b.detect.mbps.toFixed(2),
      chromium_scrub_mbps: +b.scrub.mbps.toFixed(2),
      native_detect_mbps: +res.native.detect.mbps.toFixed(2),
      native_scrub_mbps: +res.native.scrub.mbps.toFixed(2),
      p99_ms: +b.latency.p99.toFixed(3),
      p99_idb_ms: +b.latencyIdb.p99.toFixed(3),
      stream_us: +(b.latency.streamMean * 1000).toFixed(1),
      rehydrate_mbps: +b.rehydrate.mbps.toFixed(2),
      wasm_mem_mib: +(b.memory.wasmBytes / 1048576).toFixed(1),
      gold_gone: b.caught.gone,
      peers: Object.fromEntries(b.peers.map((p) => [p.name, { mbps: +p.mbps.toFixed(3), gone: p.gone }])),
    };
    appendFileSync(`${ROOT}bench/history.jsonl`, JSON.stringify(h) + "\n");
  }
  console.log(t);
  console.log(`\n(load average ${res.load1.toFixed(1)} at start; ${RUNS} runs per throughput figure; corpus ${(corpus.bytes / 1e6).toFixed(2)} MB; ${res.seconds.toFixed(0)} s; results in target/bench/results.json, history in bench/history.jsonl)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
