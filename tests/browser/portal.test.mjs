// The demo portal (www/index.html, served by www/server.mjs as `make demo` does) in a real
// Chromium: corpus messages typed into the chat reach the mock LLM backend without their
// originals; the streamed answer is shown with the real values; the panel shows exactly what
// the backend received, surrogates highlighted; the page makes no request but its own. Writes
// the screenshot the README shows, www/screenshot.png.
//
// Run: scripts/ci/build-web.sh && scripts/ci/build-script-tag.sh && node --test tests/browser/portal.test.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { sameButMonthSpelling } from "./harness.mjs";
import { aggregatedBack, holds, originals, sample, startDemo } from "./demo-harness.mjs";

const SCREENSHOT = fileURLToPath(new URL("../../www/screenshot.png", import.meta.url));
let h;
let page;

before(async () => {
  h = await startDemo();
  page = await h.page("/");
});

after(async () => {
  await h?.stop();
});

/** Types `text` into the chat, sends it, waits for the streamed answer; returns what is shown. */
async function chat(text) {
  const n = await page.locator("#transcript > li").count();
  await page.fill("#message", text);
  await page.click("#send");
  await page.waitForFunction(
    (n) => {
      const items = document.querySelectorAll("#transcript > li");
      const a = items[0]?.querySelector(".answer");
      return items.length > n && a.dataset.state !== "streaming" && document.getElementById("received").dataset.id;
    },
    n,
    { timeout: 20000 },
  );
  // The panel follows the log: wait until it shows this request.
  await page.waitForFunction((id) => document.getElementById("received").dataset.id === String(id), h.log.length);
  return page.evaluate(() => {
    const item = document.querySelector("#transcript > li");
    const received = document.getElementById("received");
    return {
      typed: item.querySelector(".typed").textContent,
      answer: item.querySelector(".answer").textContent,
      state: item.querySelector(".answer").dataset.state,
      received: received.textContent,
      marks: [...received.querySelectorAll("mark")].map((m) => ({ label: m.title, text: m.textContent })),
    };
  });
}

test("corpus: the backend never sees an original; the user sees the answer with the real values", async () => {
  const docs = sample();
  const misses = [];
  for (const doc of docs) {
    const shown = await chat(doc.text);
    const got = h.log.at(-1);
    const leaked = originals(doc).filter((o) => holds(got.message, o) || holds(got.body, o));
    assert.deepEqual(leaked.map((o) => o.label), [], `${doc.id}: the backend received originals: ${got.message}`);
    assert.equal(shown.state, "done", `${doc.id}: ${shown.answer}`);
    assert.equal(shown.typed, doc.text.trim(), `${doc.id}: "You typed" is not what was typed`);
    // The panel shows the backend's log entry itself, and marks exactly the surrogates.
    assert.equal(shown.received, got.message, `${doc.id}: the panel is not what the server received`);
    for (const m of shown.marks) assert.ok(got.message.includes(m.text));
    if (doc.spans.length > 0) assert.ok(shown.marks.length > 0, `${doc.id}: no surrogate highlighted`);
    const quoted = shown.answer.split("\n\n")[1];
    const want = aggregatedBack(doc).trim();
    if (quoted !== want && !sameButMonthSpelling(quoted, want)) misses.push(doc.id);
  }
  assert.deepEqual(misses, [], `${misses.length} answers not shown restored`);
  console.log(`# portal: ${docs.length} documents, none of their originals reached the backend`);
});

test("the demo patient's identifiers, registered with addKnown, are caught in other spellings", async () => {
  const text =
    "this is dana whitfield, mrn 41000123, born 3/14/61. my phone is 555.201.7788; marco whitfield drives me.";
  const shown = await chat(text);
  const got = h.log.at(-1).message.toLowerCase();
  for (const o of ["dana", "whitfield", "41000123", "3/14/61", "201.7788", "marco"]) {
    assert.ok(!got.includes(o), "a known identifier reached the backend");
  }
  assert.ok(shown.answer.includes(text));
});

test("the sample message, and the screenshot of the portal", async () => {
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  await page.click("#sample");
  const text = await page.inputValue("#message");
  const shown = await chat(text);
  assert.ok(shown.answer.includes(text));
  const got = h.log.at(-1).message;
  for (const o of ["Dana Whitfield", "41000123", "201-7788", "dana.whitfield@example.org", "Amara Okafor", "Marco"]) {
    assert.ok(!got.includes(o), "an original of the sample reached the backend");
  }
  assert.ok(shown.marks.length >= 7, `only ${shown.marks.length} surrogates highlighted`);
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test("the page made no request but its own, and the library none but its js, wasm and dictionaries", () => {
  assert.deepEqual(h.foreign, []);
  const allowed = new Set([
    "GET /", "GET /portal.css", "GET /portal.js", // the page
    "POST /api/chat", "GET /api/log", // the page's own API calls
    "GET /phiscrub.js", "GET /phiscrub.wasm", "GET /phiscrub-dict.bin", // the library loading itself
  ]);
  const other = [...new Set(h.requests.map((r) => `${r.method} ${r.path}`))].filter((r) => !allowed.has(r));
  assert.deepEqual(other, []);
  assert.deepEqual(h.errors, []);
  assert.deepEqual(h.consoleLines.filter((l) => /Content Security Policy|phiscrub:/.test(l)), []);
});
