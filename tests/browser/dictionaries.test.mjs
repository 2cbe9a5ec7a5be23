// The dictionary file (pkg/phiscrub-dict.bin: the name and place lists the wasm does not embed),
// in a real headless Chromium: fetched while the wasm compiles, required before any core is made
// (fail closed), and refused with a typed error when missing, damaged or of another build.
//
// Run: scripts/ci/build-web.sh && node --test tests/browser/dictionaries.test.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start } from "./harness.mjs";

const FILE = readFileSync(new URL("../../pkg/phiscrub-dict.bin", import.meta.url));
const DICT = "**/pkg/phiscrub-dict.bin";
const MESSAGE = "Pt Maria Gonzalez lives in Tacoma, cb 555-201-3344.";

let h;

before(async () => {
  h = await start();
});

after(async () => {
  await h?.stop();
});

/** A fresh page (a fresh module instance) whose dictionary file is served by `serve` (a route handler). */
async function pageServing(serve) {
  const p = await h.context.newPage();
  p.on("pageerror", (e) => h.errors.push(String(e)));
  if (serve) await p.route(DICT, serve);
  await p.goto(`${h.origin}/tests/browser/page.html`);
  await p.waitForFunction(() => window.pageReady === true);
  return p;
}

/** What `Scrubber.open` gives in `p`: the labels of a scrub, or the error's class and code. */
function openAndScrub(p) {
  return p.evaluate(async (message) => {
    try {
      const s = await phiscrub.Scrubber.open({ key: { ephemeral: true } });
      const { entities } = await s.scrub(message);
      s.close();
      return { labels: entities.map((e) => e.label).sort() };
    } catch (e) {
      return { error: e instanceof phiscrub.PhiscrubError ? "PhiscrubError" : String(e), code: e.code, message: e.message };
    }
  }, MESSAGE);
}

const M64 = (1n << 64n) - 1n;
/** The file's checksum (`checksum` in src/detect/dict/lists.rs), to make a well-formed file. */
function checksum(bytes) {
  const K = 0x9e3779b97f4a7c15n;
  const mix = (h, w) => {
    const m = ((h ^ w) * K) & M64;
    return ((m << 29n) | (m >> 35n)) & M64;
  };
  let h = 0x7068697363727562n ^ BigInt(bytes.length);
  const full = bytes.length - (bytes.length % 8);
  for (let i = 0; i < full; i += 8) h = mix(h, bytes.readBigUInt64LE(i));
  const last = Buffer.alloc(8);
  bytes.copy(last, 0, full);
  h = mix(h, last.readBigUInt64LE(0));
  h ^= h >> 32n;
  h = (h * 0xd6e8feb86659fd93n) & M64;
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(h ^ (h >> 29n));
  return out;
}

/** The dictionary file with its bytes changed by `edit` and, if `reseal`, a valid checksum again. */
function altered(edit, reseal = false) {
  const bytes = Buffer.from(FILE);
  edit(bytes);
  if (!reseal) return bytes;
  const body = bytes.subarray(0, bytes.length - 8);
  return Buffer.concat([body, checksum(body)]);
}

test("the test's checksum is the file's own (so the stale-build case below is well formed)", () => {
  assert.deepEqual(checksum(FILE.subarray(0, FILE.length - 8)), FILE.subarray(FILE.length - 8));
});

test("with the file, names and places are found (the lists are loaded)", async () => {
  const p = await pageServing(null);
  assert.deepEqual(await openAndScrub(p), { labels: ["CITY", "NAME", "PHONE"] });
  await p.close();
});

test("a missing file (404) fails open with dictionary_unavailable, and a later open retries", async () => {
  let served = 0;
  const p = await pageServing((route) => {
    served += 1;
    return served === 1 ? route.fulfill({ status: 404, body: "not found" }) : route.continue();
  });
  const got = await openAndScrub(p);
  assert.equal(got.error, "PhiscrubError");
  assert.equal(got.code, "dictionary_unavailable");
  assert.match(got.message, /HTTP 404/);
  // The failure is not remembered: the next open fetches again and works.
  assert.deepEqual(await openAndScrub(p), { labels: ["CITY", "NAME", "PHONE"] });
  assert.equal(served, 2);
  await p.close();
});

test("an unreachable file (network error) fails open with dictionary_unavailable", async () => {
  const p = await pageServing((route) => route.abort("connectionrefused"));
  const got = await openAndScrub(p);
  assert.equal(got.error, "PhiscrubError");
  assert.equal(got.code, "dictionary_unavailable");
  await p.close();
});

test("a damaged, truncated, foreign or stale file fails open with dictionary_corrupt", async () => {
  const cases = {
    "one flipped bit": [altered((b) => (b[b.length >> 1] ^= 1)), /checksum/],
    truncated: [FILE.subarray(0, FILE.length >> 1), /checksum/],
    "an HTML page": [Buffer.from("<!doctype html><title>Home</title>"), /not a phiscrub dictionary/],
    "another build's file (valid checksum)": [altered((b) => (b[b.length - 10] ^= 1), true), /another build/],
    "a newer format version": [altered((b) => (b[8] = 2)), /version/],
  };
  for (const [name, [body, reason]] of Object.entries(cases)) {
    const p = await pageServing((route) =>
      route.fulfill({ status: 200, contentType: "application/octet-stream", body }),
    );
    const got = await openAndScrub(p);
    assert.equal(got.error, "PhiscrubError", name);
    assert.equal(got.code, "dictionary_corrupt", name);
    assert.match(got.message, reason, name);
    await p.close();
  }
});

test("the core refuses to make a detector or a scrubber before the dictionaries are loaded", async () => {
  const p = await pageServing(null);
  const got = await p.evaluate(async () => {
    const glue = await import("/pkg/phiscrub.js");
    await glue.default();
    const codeOf = (fn) => {
      try {
        fn();
        return "made";
      } catch (e) {
        return e.code;
      }
    };
    const before = [glue.dictionariesLoaded(), codeOf(() => new glue.Detector()), codeOf(() => glue.Core.ephemeral())];
    const bytes = new Uint8Array(await (await fetch("/pkg/phiscrub-dict.bin")).arrayBuffer());
    glue.loadDictionaries(bytes);
    const afterwards = [glue.dictionariesLoaded(), codeOf(() => new glue.Detector()), codeOf(() => glue.Core.ephemeral())];
    return { before, afterwards };
  });
  assert.deepEqual(got.before, [false, "dictionary_unavailable", "dictionary_unavailable"]);
  assert.deepEqual(got.afterwards, [true, "made", "made"]);
  await p.close();
});

test("the dictionary file is fetched while the wasm is still loading, not after", async () => {
  const p = await h.context.newPage();
  const events = [];
  // Hold the wasm back: the dictionary request must be made before the wasm arrives.
  await p.route("**/pkg/phiscrub_bg.wasm", async (route) => {
    events.push("wasm requested");
    await new Promise((r) => setTimeout(r, 500));
    events.push("wasm released");
    await route.continue();
  });
  await p.route(DICT, (route) => {
    events.push("dictionaries requested");
    return route.continue();
  });
  await p.goto(`${h.origin}/tests/browser/page.html`);
  await p.waitForFunction(() => window.pageReady === true);
  assert.deepEqual(await openAndScrub(p), { labels: ["CITY", "NAME", "PHONE"] });
  assert.ok(
    events.indexOf("dictionaries requested") < events.indexOf("wasm released"),
    `order: ${events.join(", ")}`,
  );
  assert.equal(events.filter((e) => e === "dictionaries requested").length, 1);
  await p.close();
});

test("bytes given as the dictionaries option are used without a fetch", async () => {
  let fetched = 0;
  const p = await pageServing((route) => {
    fetched += 1;
    return route.continue();
  });
  const got = await p.evaluate(async ({ bytes, message }) => {
    const dictionaries = new Uint8Array(bytes);
    const s = await phiscrub.Scrubber.open({ key: { ephemeral: true }, dictionaries });
    const { entities } = await s.scrub(message);
    return entities.map((e) => e.label).sort();
  }, { bytes: [...FILE], message: MESSAGE });
  assert.deepEqual(got, ["CITY", "NAME", "PHONE"]);
  assert.equal(fetched, 0);
  await p.close();
});

test("no request left the local server", () => {
  assert.deepEqual(h.foreign, []);
  assert.deepEqual(h.errors, []);
});
