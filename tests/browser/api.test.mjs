// The public API beyond the round trip, in a real headless Chromium: addKnown (a registered
// patient is caught however a text writes them), check (originals left in a text), onAudit
// (events with counts and no PHI), the opt-in memory vault when IndexedDB is unavailable, and
// the wipe on close and forget (no original left anywhere in the wasm module's memory).
//
// Run: scripts/ci/build-web.sh && node --test tests/browser/api.test.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./harness.mjs";

const RAW = Array(32).fill(11);
const KNOWN = {
  name: "Dan Smith",
  birthDate: "1961-03-14",
  mrn: "00482913",
  phone: "555-201-3344",
  relatives: ["Ruth Okafor"],
};
/** Reformatted variants of the registered values, each with the label it must be found as. */
const VARIANTS = [
  ["SMITH, DAN", "NAME"],
  ["d. smith", "NAME"],
  ["Smith", "NAME"],
  ["03/14/1961", "DATE"],
  ["March 14, 1961", "DATE"],
  ["482913", "MRN"],
  ["555 201 3344", "PHONE"],
  ["ruth okafor", "NAME"],
];
const VARIANT_TEXT =
  "Note: SMITH, DAN (d. smith) was seen; Mr. Smith, born 03/14/1961 (March 14, 1961), " +
  "ref 482913, cb 555 201 3344, with ruth okafor.";
/** Every original of the tests, to look for where none may be. */
const ORIGINALS = ["Dan Smith", "Smith", "Okafor", "1961", "482913", "201-3344", "201 3344", "Zoe Quist", "Quist"];

let h;

before(async () => {
  h = await start();
});

after(async () => {
  await h?.stop();
});

/** A page with `init` (a function) run before any of its scripts, the library loaded. */
async function pageWith(init) {
  const p = await h.context.newPage();
  p.on("pageerror", (e) => h.errors.push(String(e)));
  if (init) await p.addInitScript(init);
  await p.goto(`${h.origin}/tests/browser/page.html`);
  await p.waitForFunction(() => window.pageReady === true);
  return p;
}

test("addKnown: reformatted variants of a registered name, DOB, MRN, phone and relative are caught", async () => {
  const page = await h.page();
  const out = await page.evaluate(
    async ({ raw, known, text }) => {
      const s = await phiscrub.Scrubber.open({ vault: "known", key: { raw: new Uint8Array(raw) } });
      const before = s.detect(text).map((f) => [text.slice(f.start, f.end), f.label]);
      s.addKnown(known);
      const after = s.detect(text).map((f) => [text.slice(f.start, f.end), f.label]);
      const scrubbed = await s.scrub(text);
      const back = await s.rehydrate(scrubbed.text);
      let typeError = "";
      try {
        s.addKnown({ name: 42 });
      } catch (e) {
        typeError = e.name;
      }
      await s.forget();
      return { before, after, scrubbed: scrubbed.text, back, typeError };
    },
    { raw: RAW, known: KNOWN, text: VARIANT_TEXT },
  );
  // Without the registration these are missed: the registration is what catches them.
  const missed = (variant, label) => !out.before.some(([t, l]) => t.includes(variant) && l === label);
  assert.ok(missed("d. smith", "NAME") && missed("482913", "MRN"), JSON.stringify(out.before));
  for (const [variant, label] of VARIANTS) {
    assert.ok(
      out.after.some(([t, l]) => t.includes(variant) && l === label),
      `${variant} (${label}) not caught: ${JSON.stringify(out.after)}`,
    );
  }
  const lower = out.scrubbed.toLowerCase();
  for (const [variant] of VARIANTS) assert.ok(!lower.includes(variant.toLowerCase()), `${variant} left in the scrubbed text`);
  assert.equal(out.back, VARIANT_TEXT);
  assert.equal(out.typeError, "TypeError");
});

test("check: finds the originals and known identifiers left in a text, nothing in scrubbed text", async () => {
  const page = await h.page();
  const input = "🙂 Zoe Quist called from 555-201-7788 about MRN 00913377; DOB 02/29/1960.";
  const out = await page.evaluate(
    async ({ raw, input }) => {
      const s = await phiscrub.Scrubber.open({ vault: "check", key: { raw: new Uint8Array(raw) } });
      const { text } = await s.scrub(input);
      const span = (t) => (l) => [l.label, t.slice(l.start, l.end)];
      const inInput = s.check(input).map(span(input));
      const inScrubbed = s.check(text);
      // An LLM's answer quoting the patient back, reformatted: still caught.
      const answer = `Reply to ZOE QUIST at 555.201.7788 or (555) 201-7788.`;
      const inAnswer = s.check(answer).map(span(answer));
      // A known identifier never scrubbed is found too.
      s.addKnown({ email: "dan.smith@example.org" });
      const mail = "write to Dan.Smith@example.org today";
      const inMail = s.check(mail).map(span(mail));
      await s.forget();
      return { text, inInput, inScrubbed, inAnswer, inMail };
    },
    { raw: RAW, input },
  );
  const found = new Map(out.inInput.map(([l, t]) => [t, l]));
  assert.equal(found.get("Zoe Quist"), "NAME", JSON.stringify(out.inInput));
  assert.equal(found.get("555-201-7788"), "PHONE");
  assert.equal(found.get("00913377"), "MRN");
  assert.equal(found.get("02/29/1960"), "DATE");
  assert.deepEqual(out.inScrubbed, [], `originals in ${out.text}`);
  const inAnswer = out.inAnswer.map(([, t]) => t).sort();
  // The bracketed area code is reported from its digits on: `555) 201-7788`.
  assert.deepEqual(inAnswer, ["555) 201-7788", "555.201.7788", "ZOE QUIST"]);
  assert.deepEqual(out.inMail, [["EMAIL", "Dan.Smith@example.org"]]);
});

test("policy clinicians: keep leaves a clinician's name and still replaces the patient's", async () => {
  const page = await h.page();
  const input = "Seen by Dr. Helena Marchetti for Jonas Albrecht, cell 555-201-3344.";
  const out = await page.evaluate(
    async ({ input }) => {
      const keep = await phiscrub.Scrubber.open({ key: { ephemeral: true }, policy: { clinicians: "keep" } });
      const both = await phiscrub.Scrubber.open({ key: { ephemeral: true } });
      const kept = (await keep.scrub(input)).text;
      const all = (await both.scrub(input)).text;
      let bad = null;
      try {
        await phiscrub.Scrubber.open({ key: { ephemeral: true }, policy: { clinicians: "hide" } });
      } catch (e) {
        bad = e.name;
      }
      keep.close();
      both.close();
      return { kept, all, bad };
    },
    { input },
  );
  assert.ok(out.kept.includes("Dr. Helena Marchetti"), out.kept);
  assert.ok(!out.kept.includes("Jonas Albrecht") && !out.kept.includes("201-3344"), "the patient stays replaced");
  assert.ok(!out.all.includes("Marchetti"), "by default a clinician's name is replaced too");
  assert.equal(out.bad, "TypeError");
});

test("onAudit: one event per action, right counts, no original anywhere in them", async () => {
  const page = await h.page();
  const out = await page.evaluate(
    async ({ raw, known, text }) => {
      const early = [];
      const s = await phiscrub.Scrubber.open({
        vault: "audit",
        key: { raw: new Uint8Array(raw) },
        policy: { labels: { EMAIL: "redact" } },
        onAudit: (e) => early.push(e),
      });
      const late = [];
      const off = s.onAudit((e) => late.push(e));
      s.addKnown(known);
      const scrubbed = await s.scrub(text);
      const found = s.detect(text);
      const leaks = s.check(text);
      await s.rehydrate(scrubbed.text);
      const stream = s.rehydrateStream();
      stream.push(scrubbed.text.slice(0, 20));
      stream.push(scrubbed.text.slice(20));
      stream.finish();
      off();
      s.detect("after unsubscribing");
      const count = (xs) => xs.reduce((c, x) => ({ ...c, [x.label]: (c[x.label] ?? 0) + 1 }), {});
      const expected = { scrub: count(scrubbed.entities), detect: count(found), check: count(leaks) };
      await s.forget();
      const other = phiscrub.policyVersion({ labels: { EMAIL: "surrogate" } });
      const same = phiscrub.policyVersion({ labels: { EMAIL: "redact" } });
      // The words a surrogate brought in (not in the input): they have no business in a log either.
      const brought = (scrubbed.text.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !text.includes(w) && w !== w.toUpperCase());
      return { early, late, expected, version: s.policyVersion, other, same, brought };
    },
    { raw: RAW, known: KNOWN, text: VARIANT_TEXT + " Mail dan.smith@example.org." },
  );
  const actions = out.early.map((e) => e.action);
  assert.deepEqual(actions, [
    "open", "addKnown", "scrub", "detect", "check", "rehydrate", "rehydrate", "detect", "forget",
  ]);
  assert.deepEqual(out.late.map((e) => e.action), actions.slice(1, 7), "unsubscribe stops the events");
  const by = (a) => out.early.find((e) => e.action === a);
  assert.deepEqual(by("scrub").counts, out.expected.scrub);
  assert.deepEqual(by("detect").counts, out.expected.detect);
  assert.deepEqual(by("check").counts, out.expected.check);
  assert.deepEqual(by("addKnown").counts, { NAME: 2, DATE: 1, MRN: 1, PHONE: 1 });
  assert.ok(out.expected.scrub.NAME >= 4 && out.expected.scrub.EMAIL === 1, JSON.stringify(out.expected));
  for (const e of out.early) {
    assert.deepEqual(Object.keys(e).sort(), ["action", "counts", "policyVersion", "time", "vault"]);
    assert.equal(e.vault, "audit");
    assert.equal(e.policyVersion, out.version);
    assert.ok(!Number.isNaN(Date.parse(e.time)));
  }
  assert.match(out.version, /^p1-[0-9a-f]{8}$/);
  assert.equal(out.same, out.version, "the same settings give the same version");
  assert.notEqual(out.other, out.version, "other settings give another version");
  // No original, and no surrogate either, in any event.
  const dump = JSON.stringify(out.early).toLowerCase();
  assert.ok(out.brought.length >= 3, JSON.stringify(out.brought));
  for (const x of [...ORIGINALS, ...VARIANTS.map(([v]) => v), "example.org", ...out.brought]) {
    assert.ok(!dump.includes(x.toLowerCase()), `an audit event holds ${x}`);
  }
});

test("fallback: without IndexedDB, the typed error by default, a memory vault when opted in", async () => {
  const scenarios = {
    // No IndexedDB at all (some embedded browsers, file: pages in some settings).
    missing: () => {
      delete window.indexedDB;
      Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    },
    // IndexedDB present but refusing to open (private modes).
    refusing: () => {
      IDBFactory.prototype.open = function () {
        throw new DOMException("blocked", "InvalidStateError");
      };
    },
  };
  for (const [name, init] of Object.entries(scenarios)) {
    const page = await pageWith(init);
    const out = await page.evaluate(async (raw) => {
      const key = { raw: new Uint8Array(raw) };
      let byDefault;
      try {
        await phiscrub.Scrubber.open({ vault: "private", key });
        byDefault = "opened";
      } catch (e) {
        byDefault = `${e instanceof phiscrub.PhiscrubError}:${e.code}`;
      }
      const events = [];
      const s = await phiscrub.Scrubber.open({ vault: "private", key, fallback: "memory", onAudit: (e) => events.push(e) });
      const input = "Zoe Quist, cell 555-201-7788.";
      const { text } = await s.scrub(input);
      s.close();
      const again = await phiscrub.Scrubber.open({ vault: "private", key, fallback: "memory" });
      const back = await again.rehydrate(text);
      let wrong;
      try {
        await phiscrub.Scrubber.open({ vault: "private", key: { raw: new Uint8Array(32) }, fallback: "memory" });
      } catch (e) {
        wrong = e.code;
      }
      await again.forget();
      const fresh = await phiscrub.Scrubber.open({ vault: "private", key, fallback: "memory" });
      return {
        byDefault, storage: s.storage, actions: events.map((e) => e.action), input, text, back, wrong,
        afterForget: fresh.loadReport.loaded,
      };
    }, RAW);
    assert.equal(out.byDefault, "true:storage_unavailable", name);
    assert.equal(out.storage, "memory", name);
    assert.deepEqual(out.actions, ["storage_fallback", "open", "scrub", "close"], name);
    assert.ok(!out.text.includes("Quist") && !out.text.includes("201-7788"), name);
    assert.equal(out.back, out.input, `${name}: reopened in the same page, the pairs are there`);
    assert.equal(out.wrong, "wrong_key", name);
    assert.equal(out.afterForget, 0, `${name}: forget destroyed the memory vault`);
    await page.close();
  }
});

test("close and forget leave no original in the wasm module's memory", async () => {
  const page = await h.page();
  const out = await page.evaluate(
    async ({ raw, known, originals }) => {
      const { default: init } = await import("/pkg/phiscrub.js");
      const wasm = await init();
      const encoder = new TextEncoder();
      /** Which of `originals` occur, as UTF-8, anywhere in the module's memory. */
      const inMemory = () => {
        const mem = new Uint8Array(wasm.memory.buffer);
        return originals.filter((o) => {
          const needle = encoder.encode(o);
          for (let i = mem.indexOf(needle[0]); i !== -1; i = mem.indexOf(needle[0], i + 1)) {
            let j = 1;
            while (j < needle.length && mem[i + j] === needle[j]) j++;
            if (j === needle.length) return true;
          }
          return false;
        });
      };
      const text = "Zoe Quist (MRN 00913377) and Dan Smith, born 03/14/1961, ref 482913, 555-201-3344.";
      const results = { baseline: inMemory() };
      for (const how of ["close", "forget"]) {
        const s = await phiscrub.Scrubber.open({ vault: `wipe-${how}`, key: { raw: new Uint8Array(raw) } });
        s.addKnown(known);
        const { text: scrubbed } = await s.scrub(text);
        s.check(text);
        await s.rehydrate(scrubbed);
        // A stream left unfinished holds the re-identifier: closing must free it too.
        const stream = s.rehydrateStream();
        stream.push(scrubbed.slice(0, 30));
        const whileOpen = inMemory();
        if (how === "close") s.close();
        else await s.forget();
        let streamAfter;
        try {
          stream.push("more");
        } catch (e) {
          streamAfter = e.code;
        }
        results[how] = { whileOpen, afterwards: inMemory(), streamAfter };
      }
      return results;
    },
    { raw: RAW, known: KNOWN, originals: ["Zoe Quist", "00913377", "Dan Smith", "482913", "201-3344", "03/14/1961", "Okafor"] },
  );
  assert.deepEqual(out.baseline, [], "in memory before any vault was opened");
  for (const how of ["close", "forget"]) {
    // The scan can see them while the vault is open: so their absence afterwards means something.
    assert.ok(out[how].whileOpen.length >= 3, `${how}: scan found only ${out[how].whileOpen}`);
    assert.deepEqual(out[how].afterwards, [], `${how}: left in wasm memory`);
    assert.equal(out[how].streamAfter, "closed");
  }
});
