// The MV3 extension, loaded unpacked in Debian's headless chromium: enabled for a local chat
// site through its own options page, it scrubs what is typed on a textarea page and on a
// contenteditable page with a streamed answer (corpus documents), so the backend's log holds no
// original while the page shows the answer restored; the badge counts the replaced identifiers;
// the page's own storage holds nothing of the vault; the extension makes no network request.
//
// Run: scripts/ci/build-web.sh && scripts/ci/build-extension.sh &&
//      node --test tests/browser/extension.test.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { expectedBack, sameButMonthSpelling } from "./harness.mjs";
import { serve } from "./server.mjs";
import { answerTo, serveChat } from "./chat-pages/server.mjs";

const DIR = fileURLToPath(new URL("../../extension/dist", import.meta.url));
const SAMPLE = 20;
const TIMEOUT = 240_000;

/** Every `step`-th document of tests/data/corpus/`name`.jsonl, `SAMPLE` of them. */
function sample(name) {
  const docs = readFileSync(new URL(`../data/corpus/${name}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
  const step = Math.floor(docs.length / SAMPLE);
  return Array.from({ length: SAMPLE }, (_, i) => docs[i * step]);
}

/** The gold spans' texts of `doc` (code-point offsets). */
function originals(doc) {
  const cps = Array.from(doc.text);
  return doc.spans.map((s) => cps.slice(s.start, s.end).join(""));
}

/** True when `needle` occurs in `hay` as a whole token (not inside a longer word or number). */
function holdsToken(hay, needle) {
  const esc = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, "iu").test(hay);
}

const squash = (s) => s.replace(/\s+/g, " ").trim();

let context;
let probe;
let chat;
let ref;
let sw;
const swRequests = [];
const consoleLines = [];

before(async () => {
  assert.ok(existsSync(`${DIR}/manifest.json`), "extension/dist is missing: run scripts/ci/build-extension.sh");
  chat = await serveChat();
  ref = await serve();
  // A second, bare extension whose worker may fetch: the control that proves the request
  // listing below sees what an extension's worker sends.
  probe = mkdtempSync(join(tmpdir(), "phiscrub-probe-"));
  writeFileSync(
    join(probe, "manifest.json"),
    JSON.stringify({
      manifest_version: 3,
      name: "request-listing probe",
      version: "1",
      background: { service_worker: "probe.js" },
      host_permissions: ["http://127.0.0.1/*"],
    }),
  );
  writeFileSync(join(probe, "probe.js"), "// Only evaluated into by the test.\n");
  context = await chromium.launchPersistentContext("", {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      `--disable-extensions-except=${DIR},${probe}`,
      `--load-extension=${DIR},${probe}`,
    ],
  });
  // Only the two local servers may be reached; anything else is aborted (and would show up in
  // the request list below).
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const local = [chat.origin + "/", ref.origin + "/", `chrome-extension://`];
    if (local.some((o) => url.startsWith(o))) return route.continue();
    return route.abort();
  });
  context.on("request", (r) => {
    const worker = r.serviceWorker();
    if (worker) swRequests.push({ worker: worker.url(), url: r.url() });
  });
  context.on("console", (m) => consoleLines.push(m.text()));
  const ours = () => context.serviceWorkers().find((w) => w.url().endsWith("/background.js"));
  while (!ours() || context.serviceWorkers().length < 2) await context.waitForEvent("serviceworker");
  sw = ours();
  // MV3 stops idle workers; the test stops ours on purpose too. Follow the running one.
  context.on("serviceworker", (w) => {
    if (w.url() === sw.url()) sw = w;
  });
});

after(async () => {
  await context?.close();
  if (probe) rmSync(probe, { recursive: true, force: true });
  await chat?.close();
  await ref?.close();
});

const extId = () => new URL(sw.url()).host;

/**
 * What the library does with `texts` on its own, in a plain page of another origin:
 * `{ texts: scrubbed, counts: identifiers replaced, detected: the detected originals }`.
 */
async function scrubbedDirectly(texts) {
  const page = await context.newPage();
  await page.goto(`${ref.origin}/tests/browser/page.html`);
  await page.waitForFunction(() => window.pageReady === true);
  const out = await page.evaluate(async (texts) => {
    const s = await phiscrub.Scrubber.open({ key: { ephemeral: true }, policy: { ageSurrogates: true } });
    const out = { texts: [], counts: [], detected: [] };
    for (const t of texts) {
      out.detected.push(s.detect(t).map((f) => t.slice(f.start, f.end)));
      const { text, entities } = await s.scrub(t);
      out.texts.push(text);
      out.counts.push(entities.length);
    }
    s.close();
    return out;
  }, texts);
  await page.close();
  return out;
}

/** The badge text of the tab showing `page`. */
function badgeOf(page) {
  return sw.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, page.url());
}

/** Waits until the newest assistant bubble is done and shows `want` (squashed when `loose`). */
async function answerShown(page, n, want, loose) {
  try {
    await page.waitForFunction(
      ({ n, want, loose }) => {
        const all = document.querySelectorAll('[data-message-author-role="assistant"]');
        if (all.length !== n || all[n - 1].dataset.done !== "1") return false;
        const got = all[n - 1].textContent;
        return loose ? got.replace(/\s+/g, " ").trim() === want : got === want;
      },
      { n, want: loose ? squash(want) : want, loose },
      { timeout: 8_000 },
    );
    return null;
  } catch {
    return page.evaluate((n) => document.querySelectorAll('[data-message-author-role="assistant"]')[n - 1]?.textContent ?? "", n);
  }
}

/**
 * Sends each document on `page` with `type` and checks the answer shown and the badge. Returns
 * the ids of documents whose answer did not come back restored.
 */
async function converse(page, docs, type, loose) {
  const wantCounts = (await scrubbedDirectly(docs.map((d) => d.text))).counts;
  const wrong = [];
  const badges = [];
  let ms = 0;
  for (const [i, doc] of docs.entries()) {
    const t0 = performance.now();
    await type(doc.text, i);
    const want = answerTo(expectedBack(doc));
    const got = await answerShown(page, i + 1, want, loose);
    ms += performance.now() - t0;
    if (got !== null) {
      // Date shifts land two spellings of one month on one surrogate (see harness.mjs).
      const ok = loose ? sameButMonthSpelling(squash(got), squash(want)) : sameButMonthSpelling(got, want);
      if (!ok) wrong.push(doc.id);
    }
    badges.push([await badgeOf(page), String(wantCounts[i])]);
  }
  console.log(`# ${new URL(page.url()).pathname}${new URL(page.url()).search}: ${docs.length} messages, ` +
    `${(ms / docs.length).toFixed(0)} ms from typing to the answer shown restored, on average`);
  const badgeWrong = badges.filter(([got, want]) => got !== want);
  assert.deepEqual(badgeWrong, [], "the badge counts the identifiers replaced in the last message");
  assert.ok(wantCounts.reduce((a, b) => a + b) > docs.length, "the sample holds identifiers");
  return wrong;
}

test("enable the chat site through the extension's options page", { timeout: TIMEOUT }, async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId()}/options.html`);
  await options.fill("#new-origin", chat.origin);
  await options.click("#add");
  await options.waitForSelector(`li[data-origin="${chat.origin}"]`);
  // The worker registers the content script for the new site on the storage change.
  await sw.evaluate(async (pattern) => {
    for (let i = 0; i < 100; i += 1) {
      const [s] = await chrome.scripting.getRegisteredContentScripts({ ids: ["phiscrub-sites"] });
      if (s?.matches.includes(pattern)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("content script not registered");
  }, `${chat.origin}/*`);
  await options.close();
  // The popup loads and runs (opened as a tab its active tab is itself, which it cannot wrap).
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId()}/popup.html`);
  await popup.waitForFunction(() => document.getElementById("origin").textContent === "This page cannot be wrapped.");
  await popup.close();
});

const plainDocs = sample("structured");
const streamDocs = sample("names");
/** The streamed documents by the way the page writes the answer, in the order they are sent. */
const streamed = {
  append: streamDocs.filter((_, i) => i % 2 === 0),
  replace: streamDocs.filter((_, i) => i % 2 === 1),
};

test("textarea page: the backend never sees an original, the answer is shown restored", { timeout: TIMEOUT }, async () => {
  const page = await context.newPage();
  await page.goto(`${chat.origin}/plain.html`);
  const wrong = await converse(
    page,
    plainDocs,
    async (text, i) => {
      await page.fill("#box", text);
      // Half are sent with Enter, half with the Send button.
      if (i % 2 === 0) await page.press("#box", "Enter");
      else await page.click("#send");
    },
    false,
  );
  assert.deepEqual(wrong, [], "answers not shown restored");
  // The user's own bubble shows what they typed, not the surrogates the page was given.
  // (the last one once its stream has been idle long enough to finish.)
  await page.waitForTimeout(1500);
  const mine = await page.$$eval('[data-message-author-role="user"]', (els) => els.map((e) => e.textContent));
  const mineWrong = plainDocs.filter((d, i) => !sameButMonthSpelling(mine[i], expectedBack(d))).map((d) => d.id);
  assert.deepEqual(mineWrong, [], "user bubbles not shown restored");
  await page.close();
});

test("contenteditable page, streamed answers (appended and rewritten nodes)", { timeout: TIMEOUT }, async () => {
  const wrong = [];
  for (const [render, docs] of Object.entries(streamed)) {
    const page = await context.newPage();
    await page.goto(`${chat.origin}/stream.html?render=${render}`);
    // What each answer bubble shows at every frame, in the page's own world.
    await page.evaluate(() => {
      window.frames_ = [];
      const loop = () => {
        const all = document.querySelectorAll('[data-message-author-role="assistant"]');
        const t = all[all.length - 1]?.textContent;
        const prev = window.frames_.at(-1);
        if (t !== undefined && (prev?.n !== all.length || prev.t !== t)) window.frames_.push({ n: all.length, t });
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    wrong.push(
      ...(await converse(
        page,
        docs,
        async (text, i) => {
          await page.click("#box");
          for (const [j, line] of text.split("\n").entries()) {
            if (j > 0) await page.keyboard.press("Shift+Enter");
            if (line !== "") await page.keyboard.insertText(line);
          }
          if (i % 2 === 0) await page.keyboard.press("Enter");
          else await page.click("#send");
        },
        // Compared with runs of white space squashed: the editor turns line breaks into <div>s
        // and <br>s, whose innerText (what the page sends) need not give back the same breaks.
        true,
      )),
    );
    // While streaming, every frame shows a beginning of the restored answer: no surrogate, and
    // no piece of one, is ever painted.
    const { frames, finals } = await page.evaluate(() => ({
      frames: window.frames_,
      finals: [...document.querySelectorAll('[data-message-author-role="assistant"]')].map((e) => e.textContent),
    }));
    const painted = frames.filter((f) => !finals[f.n - 1].startsWith(f.t));
    assert.deepEqual(painted.map((f) => docs[f.n - 1].id), [], "frames showing something other than the restored answer");
    console.log(`# ${render}: ${frames.length} distinct frames of ${docs.length} streamed answers, each a beginning of the restored answer`);
    await page.close();
  }
  assert.deepEqual(wrong, [], "streamed answers not shown restored");
});

test("the backend's log holds no original the library replaces (only the library's own misses)", { timeout: TIMEOUT }, async () => {
  const docs = [...plainDocs, ...streamed.append, ...streamed.replace];
  const sent = chat.log.map((raw) => JSON.parse(raw).message);
  assert.equal(sent.length, docs.length);
  // What the library itself leaves in, scrubbing the same texts directly (no extension): the
  // gold spans its detection misses. The extension must add no leak to those.
  const direct = await scrubbedDirectly(docs.map((d) => d.text));
  const leaks = (texts) =>
    docs.flatMap((doc, i) =>
      originals(doc)
        .filter((o) => holdsToken(texts[i], o))
        .map((o) => `${doc.id}:${o}`),
    );
  const viaExtension = leaks(sent);
  const missed = new Set(leaks(direct.texts));
  // An original's text can also be the surrogate the vault drew for another identifier (a
  // surname from the surrogate list, say). The extension shows such a word restored to something
  // else on the page; a leaked original it leaves as it is.
  const page = await context.newPage();
  await page.goto(`${chat.origin}/plain.html`);
  const shownAs = (word) =>
    page.evaluate(async (word) => {
      const div = document.createElement("div");
      div.dataset.phiscrubAnswer = "";
      div.textContent = word;
      document.body.append(div);
      await new Promise((r) => setTimeout(r, 1500));
      return div.textContent;
    }, word);
  // The control: a message the backend got, put on the page the same way, is shown restored.
  assert.ok(sameButMonthSpelling(await shownAs(sent[0]), expectedBack(docs[0])), "the control is not shown restored");
  const extra = [];
  let surrogates = 0;
  for (const l of new Set(viaExtension.filter((l) => !missed.has(l)))) {
    const word = l.slice(l.indexOf(":") + 1);
    if ((await shownAs(word)) === word) extra.push(l);
    else surrogates += 1;
  }
  await page.close();
  assert.deepEqual(extra, [], "originals the library replaces reached the backend through the extension");
  const spans = docs.reduce((n, d) => n + d.spans.length, 0);
  console.log(
    `# backend log: ${sent.length} messages, ${spans} gold spans; texts of ${new Set(viaExtension).size} appear in it: ` +
      `${missed.size} the library's detection misses when scrubbing directly, ${surrogates} surrogates of other identifiers`,
  );
});

test("the extension makes no network request", { timeout: 60_000 }, async () => {
  // The listing does see an extension worker's requests: the probe extension's worker, loaded
  // beside ours, fetches a page of the chat server, and that request is listed.
  const probeWorker = context.serviceWorkers().find((w) => w.url() !== sw.url());
  await probeWorker.evaluate((url) => fetch(url).then((r) => r.status), `${chat.origin}/plain.html`);
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(swRequests.some((r) => r.worker === probeWorker.url()), "extension workers' requests are not listed");
  const ours = swRequests.filter((r) => r.worker === sw.url() && !r.url.startsWith("chrome-extension://"));
  assert.deepEqual(ours, [], "network requests made by the extension's worker");
  // And it could not make one: the manifest's CSP (connect-src 'self') refuses it before it
  // reaches the network.
  const seen = chat.paths.length;
  const probe = await sw.evaluate((url) => fetch(url).then(() => "sent", () => "refused"), `${chat.origin}/probe`);
  assert.equal(probe, "refused");
  assert.equal(chat.paths.length, seen);
});

test("after the worker is stopped, the same session key and vault serve the next message", { timeout: TIMEOUT }, async () => {
  const page = await context.newPage();
  await page.goto(`${chat.origin}/plain.html`);
  const first = chat.log[0];
  const cdp = await context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await cdp.detach();
  const doc = plainDocs[0];
  await page.fill("#box", doc.text);
  await page.press("#box", "Enter");
  assert.equal(await answerShown(page, 1, answerTo(expectedBack(doc)), false), null, "answer not restored");
  // The restarted worker reopened the vault with the key kept in chrome.storage.session: the
  // same originals get the same surrogates as before the stop.
  assert.equal(chat.log.at(-1), first);
  chat.log.pop();
  await page.close();
});

test("the page's storage holds nothing of the vault; the extension's own storage does", { timeout: 60_000 }, async () => {
  const page = await context.newPage();
  await page.goto(`${chat.origin}/plain.html`);
  const pageSide = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    cookie: document.cookie,
    messages: window.pageMessages.length,
    // The page has no way to message the extension (no externally_connectable).
    runtime: typeof globalThis.chrome?.runtime?.sendMessage,
  }));
  assert.deepEqual(pageSide, { local: 0, session: 0, idb: [], caches: [], cookie: "", messages: 0, runtime: "undefined" });
  await page.close();
  const extSide = await sw.evaluate(async () => ({
    idb: (await indexedDB.databases()).map((d) => d.name),
    local: Object.keys(await chrome.storage.local.get(null)),
  }));
  assert.equal(extSide.idb.filter((n) => n.startsWith("phiscrub:ext-")).length, 1, "one vault, in the extension");
  assert.deepEqual(extSide.local, ["sites"], "no key on disk: only the enabled sites");
  const requests = swRequests.filter((r) => r.worker === sw.url() && !r.url.startsWith("chrome-extension://"));
  assert.deepEqual(requests, [], "network requests made by the extension's worker, restarted or not");
  // No original in any console line of the pages or the extension.
  const all = [...plainDocs, ...streamDocs].flatMap(originals).filter((o) => o.length >= 4);
  assert.deepEqual(consoleLines.filter((l) => all.some((o) => l.includes(o))), []);
});

test("switched off in the options page, the site is no longer wrapped", { timeout: TIMEOUT }, async () => {
  const page = await context.newPage();
  await page.goto(`${chat.origin}/plain.html`);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId()}/options.html`);
  await options.click(`li[data-origin="${chat.origin}"] .remove`);
  await options.waitForSelector(`li[data-origin="${chat.origin}"]`, { state: "detached" });
  const doc = plainDocs.find((d) => d.spans.some((s) => s.end - s.start >= 6));
  const before = chat.log.length;
  // The open tab stops wrapping at once: the backend now gets the text as typed.
  await page.waitForTimeout(300);
  await page.fill("#box", doc.text);
  await page.press("#box", "Enter");
  await page.waitForFunction(() => document.querySelector('[data-message-author-role="assistant"]')?.dataset.done === "1");
  assert.equal(chat.log.length, before + 1);
  assert.equal(JSON.parse(chat.log.at(-1)).message, doc.text);
  await options.close();
  await page.close();
});

test("forgetting in the options page destroys the vault and the session key", { timeout: 60_000 }, async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId()}/options.html`);
  await options.click("#forget");
  await options.waitForFunction(() => document.getElementById("forget-status").textContent === "Forgotten.");
  const left = await sw.evaluate(async () => ({
    idb: (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith("phiscrub:")),
    key: Object.keys(await chrome.storage.session.get(null)),
  }));
  assert.deepEqual(left, { idb: [], key: [] });
  await options.close();
});
