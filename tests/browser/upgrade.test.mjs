// The version-3 vault database (js/src/vault-idb.js: the records of one `addRecords` call are
// stored as one pack) against what it replaced, in a real headless Chromium: a vault written
// by the version-2 store (tests/browser/v2/, a frozen copy of that code) opens and keeps every
// record; a page of the older version, open during the upgrade, loses its connection and fails
// closed (its scrubs store nothing and release nothing), and no record is lost; `recordsById`,
// `recordIds`, `count` and `records` find records in both stores.
//
// Run: scripts/ci/build-web.sh && node --test tests/browser/upgrade.test.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./harness.mjs";

let h;

before(async () => {
  h = await start();
});

after(async () => {
  await h?.stop();
});

/** A page with `window.old`: an older page's core and version-2 store, driven by hand. */
async function fresh() {
  const page = await h.page();
  await page.evaluate(async () => {
    await phiscrub.Scrubber.preload();
    const { Core } = await import("/pkg/phiscrub.js");
    const V2 = (await import("/tests/browser/v2/vault-idb.js")).IdbVault;
    window.key = () => ({ raw: new Uint8Array(32).fill(7) });
    window.req = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    // An older page: its core scrubs and its version-2 store commits, as that version's
    // `Scrubber.scrub` did (retract when the store fails: nothing is released).
    window.olderPage = async (vault) => {
      const store = await V2.open(vault);
      const header = await store.header();
      const core = Core.withKey(key().raw, header);
      if (!header) await store.addHeader(core.header());
      const scrub = async (text) => {
        const out = core.scrub(text, Date.now());
        try {
          if (out.records.length > 0 && !(await store.addRecords(out.records))) throw new Error("conflict");
        } catch (e) {
          core.retract();
          throw e;
        }
        core.commit();
        return out.text;
      };
      return { store, core, scrub };
    };
    window.V2 = V2;
    // What a database holds, read raw: its version, stores, record ids per store.
    window.layout = async (name) => {
      const db = await req(indexedDB.open(name));
      const stores = [...db.objectStoreNames].sort();
      const records = await req(db.transaction("records").objectStore("records").getAllKeys());
      const recordBytes = await req(db.transaction("records").objectStore("records").getAll());
      const packs = stores.includes("packs") ? await req(db.transaction("packs").objectStore("packs").getAll()) : [];
      const claims = await req(db.transaction("claims").objectStore("claims").count());
      db.close();
      return { version: db.version, stores, records, recordBytes: recordBytes.map((b) => Array.from(b)), packs: packs.map((p) => p.ids), claims };
    };
  });
  return page;
}

test("a vault written by the version-2 store opens at version 3: every record restores, the old ones stay where they were, new ones go to packs", async () => {
  const page = await fresh();
  const r = await page.evaluate(async () => {
    const texts = ["MRN: 47000001, call (555) 303-2001", "MRN: 47000002, SSN 219-45-2002", "Patient John Harbor seen 03/04/2021"];
    const old = await olderPage("v2vault");
    const scrubbed = [];
    for (const t of texts) scrubbed.push(await old.scrub(t));
    old.store.close();
    old.core.free();
    const before = await layout("phiscrub:v2vault");

    const s = await phiscrub.Scrubber.open({ vault: "v2vault", key: key() });
    const report = s.loadReport;
    const back = [];
    for (const t of scrubbed) back.push(await s.rehydrate(t));
    // An old original keeps its surrogate: the version-2 claims and records are read.
    const again = (await s.scrub(texts[0])).text;
    const more = ["MRN: 47000003, call (555) 303-2003", "MRN: 47000004"];
    const moreScrubbed = [];
    for (const t of more) moreScrubbed.push((await s.scrub(t)).text);
    s.close();
    const afterUpgrade = await layout("phiscrub:v2vault");

    const s2 = await phiscrub.Scrubber.open({ vault: "v2vault", key: key() });
    const report2 = s2.loadReport;
    const back2 = [];
    for (const t of [...scrubbed, ...moreScrubbed]) back2.push(await s2.rehydrate(t));
    s2.close();
    return { texts, more, scrubbed, before, report, back, again, afterUpgrade, report2, back2 };
  });
  assert.equal(r.before.version, 2);
  assert.deepEqual(r.before.stores, ["claims", "meta", "records"]);
  const oldCount = r.before.records.length;
  assert.ok(oldCount >= 5, `the version-2 store wrote ${oldCount} records`);
  assert.ok(r.before.claims > 0, "and their claims");
  assert.deepEqual(r.report, { loaded: oldCount, expired: 0, errors: [] });
  assert.deepEqual(r.back, r.texts, "every version-2 record restores");
  assert.equal(r.again, r.scrubbed[0], "an old original keeps its surrogate");
  assert.equal(r.afterUpgrade.version, 3);
  assert.deepEqual(r.afterUpgrade.stores, ["claims", "meta", "packs", "records"]);
  assert.deepEqual(r.afterUpgrade.records, r.before.records, "the version-2 records stay in their store");
  assert.deepEqual(r.afterUpgrade.recordBytes, r.before.recordBytes, "byte for byte");
  assert.equal(r.afterUpgrade.packs.length, 2, "one pack per scrub that brought new pairs");
  const packed = r.afterUpgrade.packs.flat();
  assert.ok(packed.length >= 3);
  assert.ok(packed.every((id) => !r.before.records.includes(id)));
  assert.deepEqual(r.report2, { loaded: oldCount + packed.length, expired: 0, errors: [] });
  assert.deepEqual(r.back2, [...r.texts, ...r.more], "old and new records restore after a reopen");
  await page.close();
});

test("an older page open during the upgrade loses its connection: its scrubs fail closed, it cannot reopen, and no record is lost", async () => {
  const older = await fresh();
  const newer = await fresh();
  await older.evaluate(async () => {
    window.old = await olderPage("mixed");
    window.oldScrubbed = [];
    for (const t of ["MRN: 47100001", "MRN: 47100002, call (555) 303-3002"]) oldScrubbed.push(await old.scrub(t));
  });
  // Another tab opens the vault with the version-3 code while the older page is still open.
  const n = await newer.evaluate(async () => {
    window.s = await phiscrub.Scrubber.open({ vault: "mixed", key: key() });
    const texts = ["MRN: 47100003", "MRN: 47100004, SSN 219-45-3004"];
    window.newScrubbed = [];
    for (const t of texts) newScrubbed.push((await s.scrub(t)).text);
    return { report: s.loadReport, texts };
  });
  assert.equal(n.report.loaded, 3, "the newer page loads what the older one stored");
  const o = await older.evaluate(async () => {
    const out = {};
    const code = async (what, fn) => {
      try {
        out[what] = { released: await fn() };
      } catch (e) {
        out[what] = { code: e.code ?? e.name, message: e.message };
      }
    };
    await code("scrub", () => old.scrub("MRN: 47100005"));
    await code("records", () => old.store.records());
    await code("recordIds", () => old.store.recordIds());
    await code("reopen", () => V2.open("mixed"));
    return out;
  });
  assert.equal(o.scrub.code, "storage", "the older page's scrub fails: no text released");
  assert.ok(!/4710/.test(o.scrub.message), "the error names no text");
  assert.equal(o.records.code, "storage", "and it reads nothing (it never sees a pack)");
  assert.equal(o.recordIds.code, "storage");
  assert.equal(o.reopen.code, "storage_unavailable", "version 2 cannot open a version-3 database");
  const back = await newer.evaluate(async (oldScrubbed) => {
    s.close();
    const s2 = await phiscrub.Scrubber.open({ vault: "mixed", key: key() });
    const back = [];
    for (const t of [...oldScrubbed, ...newScrubbed]) back.push(await s2.rehydrate(t));
    const report = s2.loadReport;
    s2.close();
    return { back, report, layout: await layout("phiscrub:mixed") };
  }, await older.evaluate(() => oldScrubbed));
  assert.deepEqual(back.back, ["MRN: 47100001", "MRN: 47100002, call (555) 303-3002", ...n.texts], "no record lost");
  assert.equal(back.report.loaded, 6);
  assert.deepEqual(back.report.errors, []);
  assert.equal(back.layout.records.length, 3, "the older page's records, in the records store");
  assert.equal(back.layout.packs.flat().length, 3, "the newer page's, in packs");
  await older.close();
  await newer.close();
});

test("recordsById, recordIds, count and records find records inside packs and in the records store", async () => {
  const page = await fresh();
  const r = await page.evaluate(async () => {
    const { IdbVault } = await import("/js/src/vault-idb.js");
    const id = (d) => String(d).repeat(32);
    const rec = (d, n) => ({ id: id(d), bytes: new Uint8Array(n).fill(d), claims: [], expires: null });
    const store = await IdbVault.open("packs");
    try {
      const results = [await store.addRecords([rec(3, 3), rec(1, 1), rec(5, 5)]), await store.addRecords([rec(7, 7), rec(2, 2)])];
      // A record written before version 3 (as the version-2 store did: its own value).
      const db = await req(indexedDB.open("phiscrub:packs"));
      const tx = db.transaction("records", "readwrite");
      tx.objectStore("records").add(new Uint8Array(4).fill(4), id(4));
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      const shape = (rs) => rs.map((x) => [x.id[0], Array.from(x.bytes)]);
      const byId = shape(await store.recordsById([id(2), id(9), id(1), id(4), id(5), id(3)]));
      const none = await store.recordsById([id(9), id(8)]);
      const ids = (await store.recordIds()).map((x) => x[0]);
      const count = await store.count();
      const all = shape(await store.records());
      // A record id already stored is refused, as `add` on the records store refused it: the
      // write fails whole (claims included), nothing is overwritten.
      let dup;
      try {
        dup = await store.addRecords([rec(6, 6), { ...rec(1, 9) }].map((x) => ({ ...x, claims: [{ key: id("a"), value: id("b"), kind: "x" }] })));
      } catch (e) {
        dup = e.code;
      }
      const afterDup = { count: await store.count(), one: shape(await store.recordsById([id(1), id(6)])) };
      const l = await layout("phiscrub:packs");
      return { results, byId, none, ids, count, all, dup, afterDup, claims: l.claims };
    } finally {
      store.close();
      await IdbVault.destroy("packs");
    }
  });
  assert.deepEqual(r.results, [true, true]);
  assert.deepEqual(r.byId, [["2", [2, 2]], ["1", [1]], ["4", [4, 4, 4, 4]], ["5", [5, 5, 5, 5, 5]], ["3", [3, 3, 3]]], "in the order asked, absent ids left out");
  assert.deepEqual(r.none, []);
  assert.deepEqual(r.ids, ["1", "2", "3", "4", "5", "7"]);
  assert.equal(r.count, 6);
  assert.deepEqual(r.all.map((x) => x[0]), ["1", "2", "3", "4", "5", "7"], "in id order, as one store gave them");
  assert.deepEqual(r.all.find((x) => x[0] === "7")[1], [7, 7, 7, 7, 7, 7, 7]);
  assert.equal(r.dup, "storage");
  assert.deepEqual(r.afterDup, { count: 6, one: [["1", [1]]] });
  assert.equal(r.claims, 0, "the refused write stored no claim");
  await page.close();
});

test("no page made a request other than to the local server", () => {
  assert.deepEqual(h.foreign, []);
});
