// The claim rules of `IdbVault.addRecords` (js/src/vault-idb.js), case by case against a real
// IndexedDB in headless Chromium: what conflicts (the write is refused whole), what is written,
// what is kept. The five-tab test (tabs.test.mjs) shows the rules keep pages apart; this one
// pins each rule, so a faster way of applying them (issue 6) cannot change one unnoticed.
//
// Run: scripts/ci/build-web.sh && node --test tests/browser/claims.test.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./harness.mjs";

let h;
let page;

before(async () => {
  h = await start();
  page = await h.page();
});

after(async () => {
  await h?.stop();
});

/** A 32-digit hex tag or record id made of the digit `d`. */
const tag = (d) => String(d).repeat(32);

/** A record `{ id, bytes, claims, expires }` with the claims `[[key, value, kind], ...]`. */
const rec = (id, claims, expires = null) => ({
  id: tag(id),
  bytes: [1, 2, 3],
  claims: claims.map(([k, v, kind]) => ({ key: tag(k), value: tag(v), kind })),
  expires,
});

/**
 * In a fresh vault: stores each batch of `batches` in turn (`{ records, now, unreadable }`),
 * then returns each call's result and the stores' contents: `claims` as `{ key: { v, rec, exp
 * } }`, `records` as ids.
 */
function run(batches) {
  return page.evaluate(async (batches) => {
    const { IdbVault } = await import("/js/src/vault-idb.js");
    const { decodeClaim } = await import("/js/src/claims.js");
    const vault = `claims-${Math.random()}`;
    const store = await IdbVault.open(vault);
    try {
      const results = [];
      for (const b of batches) {
        const records = b.records.map((r) => ({ ...r, bytes: new Uint8Array(r.bytes) }));
        results.push(await store.addRecords(records, { now: b.now ?? 1000, unreadable: new Set(b.unreadable ?? []) }));
      }
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open(`phiscrub:${vault}`);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = (name, how) =>
        new Promise((resolve) => {
          const req = db.transaction(name).objectStore(name)[how]();
          req.onsuccess = () => resolve(req.result);
        });
      const [keys, values, ids, packs] = [await all("claims", "getAllKeys"), await all("claims", "getAll"), await all("records", "getAllKeys"), await all("packs", "getAll")];
      db.close();
      // Records are stored in packs (one per call) since version 3; both stores are listed.
      for (const p of packs) ids.push(...p.ids);
      ids.sort();
      const claims = Object.fromEntries(keys.map((k, i) => [k, decodeClaim(values[i])]));
      return { results, claims, records: ids };
    } finally {
      store.close();
      await IdbVault.destroy(vault);
    }
  }, batches);
}

test("a fresh vault: exclusive claims and marks are written, an absent claim only checked", async () => {
  const r = await run([{ records: [rec(1, [[3, 4, "x"], [5, 5, "m"], [6, 6, "a"]], 5000)] }]);
  assert.deepEqual(r.results, [true]);
  assert.deepEqual(r.claims, {
    [tag(3)]: { v: tag(4), rec: tag(1), exp: 5000 },
    [tag(5)]: { v: tag(5), rec: tag(1), exp: 5000 },
  });
  assert.deepEqual(r.records, [tag(1)]);
});

test("an exclusive claim held live with another value refuses the whole write", async () => {
  const r = await run([
    { records: [rec(1, [[3, 4, "x"]])] },
    { records: [rec(2, [[7, 8, "x"], [3, 9, "x"]])] },
  ]);
  assert.deepEqual(r.results, [true, false]);
  assert.deepEqual(Object.keys(r.claims), [tag(3)], "nothing of the refused write stays");
  assert.equal(r.claims[tag(3)].rec, tag(1));
  assert.deepEqual(r.records, [tag(1)]);
});

test("an equal live claim is kept as it is (not rewritten with the new record)", async () => {
  const r = await run([{ records: [rec(1, [[3, 4, "x"], [5, 5, "m"]])] }, { records: [rec(2, [[3, 4, "x"], [5, 5, "m"]])] }]);
  assert.deepEqual(r.results, [true, true]);
  assert.equal(r.claims[tag(3)].rec, tag(1));
  assert.equal(r.claims[tag(5)].rec, tag(1));
  assert.deepEqual(r.records.sort(), [tag(1), tag(2)]);
});

test("a mark never conflicts; a live mark with another value stays", async () => {
  const r = await run([{ records: [rec(1, [[5, 5, "m"]])] }, { records: [rec(2, [[5, 6, "m"]])] }]);
  assert.deepEqual(r.results, [true, true]);
  assert.deepEqual(r.claims[tag(5)], { v: tag(5), rec: tag(1), exp: null });
});

test("an absent claim on a key holding any live claim refuses the write", async () => {
  const r = await run([{ records: [rec(1, [[5, 5, "m"]])] }, { records: [rec(2, [[3, 4, "x"], [5, 5, "a"]])] }]);
  assert.deepEqual(r.results, [true, false]);
  assert.deepEqual(Object.keys(r.claims), [tag(5)]);
  assert.deepEqual(r.records, [tag(1)]);
});

test("a claim whose record expired, or failed to open, is void: overwritten, never a conflict", async () => {
  const expired = await run([
    { records: [rec(1, [[3, 4, "x"], [6, 6, "m"]], 1500)], now: 1000 },
    { records: [rec(2, [[3, 9, "x"], [6, 6, "a"]])], now: 2000 },
  ]);
  assert.deepEqual(expired.results, [true, true]);
  assert.deepEqual(expired.claims[tag(3)], { v: tag(9), rec: tag(2), exp: null });
  const unreadable = await run([
    { records: [rec(1, [[3, 4, "x"]])] },
    { records: [rec(2, [[3, 9, "x"]])], unreadable: [tag(1)] },
  ]);
  assert.deepEqual(unreadable.results, [true, true]);
  assert.deepEqual(unreadable.claims[tag(3)], { v: tag(9), rec: tag(2), exp: null });
});

test("claims sharing a key within one write: judged against the store before it, the last one stays", async () => {
  // Two records claiming one name word: written once, under the later record.
  const twice = await run([{ records: [rec(1, [[3, 4, "x"]]), rec(2, [[3, 4, "x"]])] }]);
  assert.deepEqual(twice.results, [true]);
  assert.equal(twice.claims[tag(3)].rec, tag(2));
  // A surrogate that must not be a real value and an original marked real, on one key, in one
  // write: the check sees the store as it was, so our own mark does not refuse our write.
  const own = await run([{ records: [rec(1, [[5, 5, "m"]]), rec(2, [[5, 5, "a"]])] }]);
  assert.deepEqual(own.results, [true]);
  assert.deepEqual(own.claims[tag(5)], { v: tag(5), rec: tag(1), exp: null });
  // Over a void stored claim, the last of ours is written.
  const overVoid = await run([
    { records: [rec(1, [[3, 4, "x"]], 1500)], now: 1000 },
    { records: [rec(2, [[3, 9, "x"]]), rec(4, [[3, 9, "x"]])], now: 2000 },
  ]);
  assert.deepEqual(overVoid.results, [true, true]);
  assert.equal(overVoid.claims[tag(3)].rec, tag(4));
});

test("a stored claim keeps every hex digit of its tags and its expiry", async () => {
  const back = await page.evaluate(async () => {
    const { decodeClaim, encodeClaim } = await import("/js/src/claims.js");
    const v = "0123456789abcdef" + "fedcba9876543210";
    const rec = "00ff10ee20dd30cc40bb50aa60997088";
    const bytes = encodeClaim(v, rec, 1234.5);
    return { claim: decodeClaim(bytes), bytes: Array.from(bytes.subarray(0, 32)), none: decodeClaim(encodeClaim(v, rec, null)).exp };
  });
  assert.deepEqual(back.claim, { v: "0123456789abcdef" + "fedcba9876543210", rec: "00ff10ee20dd30cc40bb50aa60997088", exp: 1234.5 });
  assert.deepEqual(back.bytes.slice(0, 8), [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
  assert.deepEqual(back.bytes.slice(16, 20), [0x00, 0xff, 0x10, 0xee]);
  assert.equal(back.none, null);
});

test("no page error", () => {
  assert.deepEqual(h.errors, []);
});
