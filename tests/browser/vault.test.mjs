// The encrypted vault in IndexedDB, in a real headless Chromium: the corpus round trip across a
// page reload, what IndexedDB holds, typed errors for a wrong key and damaged records, fail-closed
// scrubs, two pages writing one vault, and no request leaving the page.
//
// Run: scripts/ci/build-web.sh && node --test tests/browser/

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { corpus, expectedBack, sameButMonthSpelling, start } from "./harness.mjs";

const RAW = Array(32).fill(7);
let h;

before(async () => {
  h = await start();
});

after(async () => {
  await h?.stop();
});

/** Opens `vault` in `page` with the raw key `raw` (an array of 32 numbers). */
function open(page, vault, raw = RAW) {
  return page.evaluate(
    async ({ vault, raw }) => {
      const s = await phiscrub.Scrubber.open({
        vault,
        key: { raw: new Uint8Array(raw) },
        policy: { ageSurrogates: true },
      });
      window.scrubber = s;
      return s.loadReport;
    },
    { vault, raw },
  );
}

/** The code of the error `fn` (run in the page) throws, or "no error". */
function codeOf(page, fn, arg) {
  return page.evaluate(
    async ({ src, arg }) => {
      try {
        await new Function("arg", `return (${src})(arg)`)(arg);
        return "no error";
      } catch (e) {
        return `${e.name}:${e.code}`;
      }
    },
    { src: fn.toString(), arg },
  );
}

const docs = corpus();
let scrubbed;

test("corpus: scrub, store, reload, reopen with the same key, rehydrate gives it all back", async () => {
  const page = await h.page();
  assert.deepEqual(await open(page, "corpus"), { loaded: 0, expired: 0, errors: [] });
  scrubbed = await page.evaluate(async (texts) => {
    const out = [];
    for (const t of texts) out.push((await scrubber.scrub(t)).text);
    scrubber.close();
    return out;
  }, docs.map((d) => d.text));
  assert.equal(scrubbed.length, docs.length);

  await page.reload();
  await page.waitForFunction(() => window.pageReady === true);
  const report = await open(page, "corpus");
  assert.deepEqual(report.errors, []);
  assert.ok(report.loaded > docs.length, `only ${report.loaded} pairs stored`);
  const back = await page.evaluate(async (texts) => {
    const out = [];
    for (const t of texts) out.push(await scrubber.rehydrate(t));
    return out;
  }, scrubbed);
  const wrong = docs
    .filter((d, i) => back[i] !== expectedBack(d) && !sameButMonthSpelling(back[i], expectedBack(d)))
    .map((d) => d.id);
  assert.deepEqual(wrong, [], `${wrong.length} documents did not come back`);
  // Scrubbing again in the reopened vault gives the same surrogates (pairs restored, not redrawn).
  const again = await page.evaluate((t) => scrubber.scrub(t).then((o) => o.text), docs[3].text);
  assert.equal(again, scrubbed[3]);

  // Streamed, in chunks of 7 UTF-16 units (and of 1 unit where a text holds astral characters,
  // so chunks split surrogate pairs), the answer comes back the same as in one piece.
  const { streamed, pushes, ms } = await page.evaluate((texts) => {
    let pushes = 0;
    let ms = 0;
    const streamed = texts.map((t) => {
      const size = /[\ud800-\udbff]/.test(t) ? 1 : 7;
      const s = scrubber.rehydrateStream();
      let out = "";
      for (let i = 0; i < t.length; i += size) {
        const t0 = performance.now();
        out += s.push(t.slice(i, i + size));
        ms += performance.now() - t0;
        pushes += 1;
      }
      return out + s.finish();
    });
    return { streamed, pushes, ms };
  }, scrubbed);
  assert.deepEqual(streamed, back);
  console.log(`# stream: ${pushes} pushes, ${((ms * 1000) / pushes).toFixed(0)} us per push on average`);
  await page.evaluate(() => scrubber.close());
  await page.close();
  console.log(`# round trip: ${docs.length} documents, ${report.loaded} pairs reloaded`);
});

test("IndexedDB holds none of the originals, as bytes or as text", async () => {
  assert.ok(scrubbed, "runs after the corpus round trip");
  const page = await h.page();
  const originals = await page.evaluate(async (texts) => {
    const s = await phiscrub.Scrubber.open({ key: { ephemeral: true } });
    const out = new Set();
    for (const t of texts) {
      for (const f of s.detect(t)) {
        const span = t.slice(f.start, f.end);
        if (span.length >= 5) out.add(span);
      }
    }
    s.close();
    return [...out];
  }, docs.map((d) => d.text));
  const dump = await page.evaluate(() => testing.dumpIndexedDb());
  const localStorageSize = await page.evaluate(() => localStorage.length + sessionStorage.length);
  assert.equal(localStorageSize, 0);
  assert.ok(dump.length > docs.length, `the dump holds ${dump.length} values`);
  // Keys hold no data: "header", "packed-records" (the count of records stored in packs), or a
  // record id of 32 hex digits drawn at random (so an all-digit original may turn up in them by
  // chance, and they are checked by shape instead).
  for (const v of dump) {
    const ok = v.store === "meta" ? v.key === "header" || v.key === "packed-records" : /^[0-9a-f]{32}$/.test(v.key);
    assert.ok(ok, `unexpected key in ${v.db}/${v.store}`);
    assert.ok(v.bytes, `a value in ${v.db}/${v.store} is not bytes`);
  }
  const blobs = dump.map((v) => {
    const bytes = Buffer.from(v.bytes);
    return { bytes, text: [v.db, v.store, bytes.toString("utf8"), bytes.toString("latin1")].join("\n") };
  });
  const leaks = (original) => {
    const utf8 = Buffer.from(original, "utf8");
    const utf16 = Buffer.from(original, "utf16le");
    return blobs.some((b) => b.bytes.includes(utf8) || b.bytes.includes(utf16) || b.text.includes(original));
  };
  // The check itself finds what it looks for.
  blobs.push({ bytes: Buffer.from("canary 41000001"), text: "" });
  assert.ok(leaks("41000001"));
  blobs.pop();
  const found = originals.filter(leaks);
  assert.deepEqual(found.length, 0, `${found.length} of ${originals.length} originals in IndexedDB`);
  await page.close();
  console.log(`# dump: ${dump.length} values, ${originals.length} originals checked, none found`);
});

test("a wrong key, the other kind of key, and a bad passphrase give typed errors", async () => {
  const page = await h.page();
  const other = Array(32).fill(8);
  assert.equal(
    await codeOf(page, (raw) => phiscrub.Scrubber.open({ vault: "corpus", key: { raw: new Uint8Array(raw) } }), other),
    "PhiscrubError:wrong_key",
  );
  assert.equal(
    await codeOf(page, () => phiscrub.Scrubber.open({ vault: "corpus", key: { passphrase: "x" } })),
    "PhiscrubError:key_source_mismatch",
  );
  // A passphrase vault: created, reopened with the passphrase, refused with another.
  const back = await page.evaluate(async () => {
    const key = { passphrase: "correct horse battery staple" };
    let s = await phiscrub.Scrubber.open({ vault: "pass", key });
    const out = await s.scrub("MRN: 41000777");
    s.close();
    s = await phiscrub.Scrubber.open({ vault: "pass", key });
    const back = await s.rehydrate(out.text);
    s.close();
    return back;
  });
  assert.equal(back, "MRN: 41000777");
  assert.equal(
    await codeOf(page, () => phiscrub.Scrubber.open({ vault: "pass", key: { passphrase: "wrong horse" } })),
    "PhiscrubError:wrong_key",
  );
  // Lone surrogates are refused, not silently replaced.
  await open(page, "corpus");
  assert.equal(await codeOf(page, () => scrubber.scrub("MRN: 41000001 \ud800")), "PhiscrubError:invalid_text");
  await page.evaluate(() => scrubber.close());
  assert.equal(await codeOf(page, () => scrubber.scrub("x")), "PhiscrubError:closed");
  await page.close();
});

test("a flipped byte, a truncated record and an unknown version each give their typed error; every other record stays readable", async () => {
  const page = await h.page();
  await open(page, "tamper");
  const n = 30;
  const texts = Array.from({ length: n }, (_, i) => `MRN: ${43000000 + i}`);
  const out = await page.evaluate(async (texts) => {
    const out = [];
    for (const t of texts) out.push((await scrubber.scrub(t)).text);
    scrubber.close();
    return out;
  }, texts);
  const edited = await page.evaluate(() =>
    testing.editRecords("phiscrub:tamper", (key, bytes, done) => {
      if (done === 0) {
        const b = bytes.slice();
        b[40] ^= 0x01; // a ciphertext byte
        return b;
      }
      if (done === 1) return bytes.slice(0, 30); // shorter than any sealed record
      if (done === 2) {
        const b = bytes.slice();
        b[0] = 9; // a format version this build does not know
        return b;
      }
      return undefined;
    }),
  );
  assert.equal(edited.length, 3);
  const report = await open(page, "tamper");
  assert.equal(report.loaded, n - 3);
  const codes = report.errors.map((e) => e.code).sort();
  assert.deepEqual(codes, ["tampered", "truncated", "unsupported_version"]);
  assert.deepEqual(report.errors.map((e) => e.id).sort(), [...edited].sort());
  const back = await page.evaluate(async (t) => Promise.all(t.map((x) => scrubber.rehydrate(x))), out);
  const restored = back.filter((b, i) => b === texts[i]).length;
  assert.equal(restored, n - 3, "every undamaged record restores its document");
  // The vault goes on working: new scrubs store and restore.
  const more = await page.evaluate(async () => {
    const o = await scrubber.scrub("MRN: 43999999");
    return scrubber.rehydrate(o.text);
  });
  assert.equal(more, "MRN: 43999999");
  await page.evaluate(() => scrubber.close());
  await page.close();
  console.log(`# tampered: ${n} records, 3 damaged and rejected with typed errors, ${restored} restored`);
});

test("a scrub whose records cannot be stored fails closed, and no text is released", async () => {
  const page = await h.page();
  await open(page, "quota");
  const result = await page.evaluate(async () => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function () {
      throw new DOMException("full", "QuotaExceededError");
    };
    let code;
    let message;
    try {
      await scrubber.scrub("MRN: 44000001");
      code = "released";
    } catch (e) {
      code = e.code;
      message = `${e.message} ${e.stack}`;
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    // The withdrawn pair is drawn again and stored this time.
    const ok = await scrubber.scrub("MRN: 44000001");
    scrubber.close();
    return { code, message, ok: ok.text };
  });
  assert.equal(result.code, "quota_exceeded");
  assert.ok(!result.message.includes("44000001"), "the error names no text");
  const report = await open(page, "quota");
  assert.equal(report.loaded, 1);
  assert.equal(await page.evaluate((t) => scrubber.rehydrate(t), result.ok), "MRN: 44000001");
  await page.evaluate(() => scrubber.close());
  // No IndexedDB at all (as in some private modes): a typed error.
  const code = await page.evaluate(async () => {
    Object.defineProperty(window, "indexedDB", { value: undefined });
    try {
      await phiscrub.Scrubber.open({ vault: "x", key: { raw: new Uint8Array(32) } });
    } catch (e) {
      return e.code;
    }
  });
  assert.equal(code, "storage_unavailable");
  await page.close();
});

test("records made under a TTL are not restored once expired", async () => {
  const page = await h.page();
  const report = await page.evaluate(async () => {
    const key = { raw: new Uint8Array(32).fill(5) };
    let s = await phiscrub.Scrubber.open({ vault: "ttl", key, policy: { ttlMs: 1 } });
    await s.scrub("MRN: 46000001");
    s.close();
    await new Promise((r) => setTimeout(r, 20));
    s = await phiscrub.Scrubber.open({ vault: "ttl", key });
    s.close();
    return s.loadReport;
  });
  assert.deepEqual(report, { loaded: 0, expired: 1, errors: [] });
  await page.close();
});

test("two pages writing one vault at once keep every record", async () => {
  const per = 200;
  const pages = [await h.page(), await h.page()];
  // Both create the vault at once: they must converge on one header.
  await Promise.all(pages.map((p) => open(p, "shared")));
  const texts = pages.map((_, k) => Array.from({ length: per }, (_, i) => `MRN: ${45000000 + k * 100000 + i}`));
  const outs = await Promise.all(
    pages.map((p, k) =>
      p.evaluate(async (texts) => {
        const out = [];
        for (const t of texts) out.push((await scrubber.scrub(t)).text);
        scrubber.close();
        return out;
      }, texts[k]),
    ),
  );
  const third = await h.page();
  const report = await open(third, "shared");
  assert.deepEqual(report.errors, []);
  assert.equal(report.loaded, 2 * per);
  const back = await third.evaluate(async (t) => Promise.all(t.map((x) => scrubber.rehydrate(x))), outs.flat());
  assert.deepEqual(back, texts.flat());
  // forget() shreds the vault: its database is gone, and the key no longer opens anything.
  await third.evaluate(() => scrubber.forget());
  const dbs = await third.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.ok(!dbs.includes("phiscrub:shared"), "the database was deleted");
  const reopened = await open(third, "shared");
  assert.equal(reopened.loaded, 0);
  await third.evaluate(() => scrubber.close());
  for (const p of [...pages, third]) await p.close();
  console.log(`# concurrent: 2 pages x ${per} scrubs, ${report.loaded} records kept`);
});

test("no page made a request other than to the local server", () => {
  assert.ok(h.requests.length > 0);
  assert.deepEqual(h.foreign, []);
  assert.deepEqual(h.errors, []);
});
