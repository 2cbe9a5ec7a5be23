// The drop-in script tag: bundled by scripts/ci/build-script-tag.sh into one classic script,
// www/phiscrub.js, that loads its wasm from next to itself.
//
//   <script src="/phiscrub.js" data-vault="portal" data-match="/api/"></script>
//
// Attributes of the tag (all optional):
//   data-vault     the vault's name in IndexedDB (with data-key="passphrase"); default "phiscrub"
//   data-key       "ephemeral" (default: a memory-only vault, gone with the page),
//                  "passphrase" (the page's `window.phiscrubPassphrase(vault)` is awaited for the
//                  passphrase; `prompt()` when the page defines none), or
//                  "manual" (nothing starts until the page calls `phiscrub.start({ key })`)
//   data-match     comma-separated URL prefixes whose requests the page's `fetch` guards;
//                  default: every request with a body
//   data-wasm      where the wasm file is; default `phiscrub.wasm` next to this script
//   data-dict      where the dictionary file is; default `phiscrub-dict.bin` next to this script
//
// It sets `window.phiscrub` = { Scrubber, guardFetch, PhiscrubError, start, ready, scrubbed }:
// `ready` resolves with the page's Scrubber once started. Then:
// - `window.fetch` is guarded (js/src/guard-fetch.js): bodies scrubbed, leaks refused, answers
//   restored, streamed ones included;
// - a form holding a field marked `data-phiscrub` posts that field's scrubbed text, while the
//   field keeps showing what the user typed;
// - text written into an element marked `data-phiscrub-answer` is shown rehydrated, also when
//   it is appended chunk by chunk;
// - each guarded request dispatches `phiscrub:sent` on window, detail `{ url, fields: [{ path,
//   text, entities }] }`: what was sent and where its surrogates are (no originals).
// The script makes no request other than for its wasm file and its dictionary file.

import { guardFetch, restoredLately } from "./guard-fetch.js";
import { PhiscrubError, Scrubber } from "./index.js";

// NOTE: only readable while this classic script first runs, so it is read at once.
const tag = document.currentScript;
const settings = { ...(tag?.dataset ?? {}) };
const wasmUrl = new URL(settings.wasm ?? "phiscrub.wasm", tag?.src ?? document.baseURI);
const dictUrl = new URL(settings.dict ?? "phiscrub-dict.bin", tag?.src ?? document.baseURI);

const FIELDS = "textarea[data-phiscrub], input[data-phiscrub], [contenteditable][data-phiscrub]";
const ANSWERS = "[data-phiscrub-answer]";

let resolveReady;
let rejectReady;
const ready = new Promise((resolve, reject) => {
  resolveReady = resolve;
  rejectReady = reject;
});
// A page that never awaits `ready` should not see an unhandled rejection for a failed start.
ready.catch(() => {});
let scrubber = null;

/**
 * Opens the page's scrubber with `key` (as `Scrubber.open` takes it) and starts guarding the
 * page. Called by the script itself unless `data-key="manual"`.
 *
 * @param {{ key: object, vault?: string, policy?: object }} options
 * @returns {Promise<Scrubber>}
 */
async function start({ key, vault = settings.vault ?? "phiscrub", policy } = {}) {
  if (scrubber) throw new PhiscrubError("already_started", "phiscrub was already started");
  try {
    // NOTE: loads the wasm module and the dictionary file (in parallel) from the URLs derived
    // from this script; `open` then finds both loaded and fetches nothing.
    await Scrubber.preload({ wasm: wasmUrl, dictionaries: dictUrl });
    scrubber = await Scrubber.open({ vault, key, policy });
    guardPage(scrubber);
    resolveReady(scrubber);
    return scrubber;
  } catch (e) {
    rejectReady(e);
    throw e;
  }
}

/** The key the tag's `data-key` asks for, or null for "manual". */
async function keyFromTag() {
  const mode = settings.key ?? "ephemeral";
  if (mode === "ephemeral") return { ephemeral: true };
  if (mode === "manual") return null;
  if (mode === "passphrase") {
    const vault = settings.vault ?? "phiscrub";
    const ask = window.phiscrubPassphrase ?? (() => window.prompt(`Passphrase for the ${vault} vault`));
    const passphrase = await ask(vault);
    if (typeof passphrase !== "string" || passphrase === "") {
      throw new PhiscrubError("no_passphrase", "no passphrase was given");
    }
    return { passphrase };
  }
  throw new TypeError(`data-key must be ephemeral, passphrase or manual, not ${mode}`);
}

/** The `match` option from `data-match`. */
function matchFromTag() {
  const prefixes = (settings.match ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => new URL(p, document.baseURI).href);
  return prefixes.length === 0 ? undefined : (url) => prefixes.some((p) => url.startsWith(p));
}

/** Guards the page's fetch, its forms and its answer elements with `s`. */
function guardPage(s) {
  const pageFetch = window.fetch.bind(window);
  // `phiscrub:sent` tells the page what left it (scrubbed texts and surrogate spans only).
  const onSent = (sent) => window.dispatchEvent(new CustomEvent("phiscrub:sent", { detail: sent }));
  window.fetch = guardFetch(s, { match: matchFromTag(), fetch: pageFetch, onSent });
  guardForms(s);
  watchAnswers(s);
  for (const el of document.querySelectorAll(FIELDS)) el.dataset.phiscrubState = "protected";
}

// ---- forms -----------------------------------------------------------------------------------

/** Scrubbed values prepared for a form's next submission: form -> Map(field -> { typed, sent }). */
const prepared = new WeakMap();

/** The text a field holds as the user sees it. */
const textOf = (el) => (el.isContentEditable ? el.innerText : el.value);

/**
 * The scrubbed text of a field marked `data-phiscrub` (or of any string), for pages that build
 * their request themselves without `fetch`.
 *
 * @param {HTMLElement | string} fieldOrText
 * @returns {Promise<string>}
 */
async function scrubbed(fieldOrText) {
  const s = await ready;
  const text = typeof fieldOrText === "string" ? fieldOrText : textOf(fieldOrText);
  return (await s.scrub(text)).text;
}

function guardForms(s) {
  // Capture on window: runs before the page's own submit handlers. The first submit is held
  // while the fields are scrubbed, then the form is submitted again with them prepared.
  window.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      const fields = [...form.querySelectorAll(FIELDS)].filter((el) => el.name);
      if (fields.length === 0) return;
      const ready = prepared.get(form);
      if (ready && fields.every((el) => ready.get(el)?.typed === el.value)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const submitter = event.submitter;
      (async () => {
        const map = new Map();
        for (const el of fields) map.set(el, { typed: el.value, sent: (await s.scrub(el.value)).text });
        prepared.set(form, map);
        // NOTE: in a later task: Chromium ignores a requestSubmit made while the task of the
        // first submission (the click) is still running, and a quick scrub ends within it.
        setTimeout(() => form.requestSubmit(submitter ?? undefined), 0);
      })().catch((e) => reportError(e));
    },
    true,
  );
  // The entry list of a submission (and of `new FormData(form)`): scrubbed text instead of
  // what the fields hold. A field without prepared text (a programmatic `form.submit()`) is
  // sent empty: nothing unscrubbed leaves.
  window.addEventListener(
    "formdata",
    (event) => {
      const form = event.target;
      const map = prepared.get(form);
      for (const el of form.querySelectorAll(FIELDS)) {
        if (!el.name || !event.formData.has(el.name)) continue;
        const p = map?.get(el);
        event.formData.set(el.name, p && p.typed === el.value ? p.sent : "");
      }
    },
    true,
  );
}

/** Reports a failure without its text (it may name nothing but a code). */
function reportError(e) {
  console.error(`phiscrub: ${e?.code ?? e?.name ?? "error"}`);
}

// ---- answers ---------------------------------------------------------------------------------

/**
 * Per answer element holding only text: `{ raw, shown }`, the text the page wrote (surrogates)
 * and the text shown for it (restored). Appends are detected as `shown` plus a suffix.
 */
const answers = new WeakMap();
const busy = new WeakSet();
/** Answer elements written to while being restored. */
const dirty = new WeakSet();
/** Per text node inside an answer element with markup: the same record. */
const nodes = new WeakMap();

function watchAnswers(s) {
  const observer = new MutationObserver((records) => {
    const touched = new Set();
    for (const r of records) {
      const node = r.target.nodeType === Node.TEXT_NODE ? r.target.parentElement : r.target;
      const answer = node?.closest?.(ANSWERS);
      if (answer) touched.add(answer);
      for (const added of r.addedNodes) {
        if (added.nodeType !== Node.ELEMENT_NODE) continue;
        if (added.matches(ANSWERS)) touched.add(added);
        for (const el of added.querySelectorAll(ANSWERS)) touched.add(el);
      }
    }
    for (const el of touched) restoreAnswer(s, el);
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  for (const el of document.querySelectorAll(ANSWERS)) restoreAnswer(s, el);
}

/** Shows `el` restored; when written to meanwhile, runs again once done. */
async function restoreAnswer(s, el) {
  if (busy.has(el)) {
    dirty.add(el);
    return;
  }
  busy.add(el);
  try {
    do {
      dirty.delete(el);
      const textOnly = [...el.childNodes].every((n) => n.nodeType === Node.TEXT_NODE);
      if (textOnly) {
        await restoreText(s, answers, el, () => el.textContent, (t) => (el.textContent = t));
      } else {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const texts = [];
        while (walker.nextNode()) texts.push(walker.currentNode);
        for (const n of texts) await restoreText(s, nodes, n, () => n.data, (t) => (n.data = t));
      }
    } while (dirty.has(el));
  } catch (e) {
    reportError(e);
  } finally {
    busy.delete(el);
  }
}

/**
 * Restores one text holder: what the page appended since the last restore is added to the raw
 * text, and the whole raw text is restored again (so a surrogate or date split across chunks
 * is restored once its last piece arrived, and a piece restored too early is corrected).
 */
async function restoreText(s, states, key, read, write) {
  for (;;) {
    const now = read();
    const state = states.get(key) ?? { raw: "", shown: "" };
    if (now === state.shown) return;
    // What a guarded fetch restored is shown as the page wrote it: restoring it again would
    // turn an original that is also another pair's surrogate (a shifted date can equal another
    // real date) into that pair's original. Anything else is taken as the answer's own text.
    // NOTE: this replaced a rule that kept every known original found in the text; it cut
    // surrogates that hold one (`Fresno County` after a city `Fresno`, `June 30` after a
    // patient `June`) into pieces that no longer restored.
    if (restoredLately(now)) {
      states.set(key, { raw: now, shown: now });
      return;
    }
    const raw = now.startsWith(state.shown) && state.shown !== "" ? state.raw + now.slice(state.shown.length) : now;
    const shown = await s.rehydrate(raw);
    if (read() !== now) continue;
    states.set(key, { raw, shown });
    if (shown !== now) write(shown);
    return;
  }
}

// ---- start -----------------------------------------------------------------------------------

window.phiscrub = Object.freeze({ Scrubber, guardFetch, PhiscrubError, start, ready, scrubbed });

keyFromTag()
  .then((key) => (key === null ? null : start({ key })))
  .catch((e) => {
    rejectReady(e);
    reportError(e);
  });
