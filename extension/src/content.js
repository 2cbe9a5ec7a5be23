// The content script, on the sites the user enabled only (the worker registers it for exactly
// those origins). It holds no key, no vault and no wasm: it hands text to the worker through
// typed messages and writes back what the worker returns.
//
// Sending: capture-phase listeners on `window` (added at document_start, before the page's own)
// stop an Enter, a click on the send button or a form submit while the message box holds text not
// yet scrubbed, ask the worker to scrub it, put the scrubbed text into the box, then replay the
// send so the page's own handler reads the scrubbed text. If scrubbing fails nothing is sent.
//
// Showing: a MutationObserver restores the messages (the answer, and the user's own bubble,
// which the page renders from the scrubbed text) as the page writes them, streamed or not.

import { Req, Tab } from "./messages.js";
import { DEFAULTS } from "./settings.js";
import { StreamClient } from "./stream-client.js";
import { AnswerView } from "./answer-view.js";

(() => {
  // Injected again by the popup into a tab that already runs it: one copy is enough.
  if (globalThis.__phiscrubContent) return;
  globalThis.__phiscrubContent = true;

  let site = null;
  let detached = false;
  let replaying = false;
  let lastInput = null;
  const sentText = new WeakMap(); // message box -> the scrubbed text we put in it
  const client = new StreamClient();
  const views = new Map(); // message element -> AnswerView
  let observer = null;

  const selectors = () => site ?? DEFAULTS;
  const siteReady = chrome.runtime
    .sendMessage({ type: Req.SITE })
    .then((r) => {
      if (r && r.ok && r.site) site = r.site;
      else detach();
    })
    .catch(() => detach());

  /** The message box `node` is in, if any. */
  function inputOf(node) {
    if (!(node instanceof Element)) return null;
    const el = node.closest(selectors().input);
    if (!el) return null;
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el;
    return el.isContentEditable ? el : null;
  }

  /** The message box a send button or form belongs to. */
  function inputFor(node) {
    if (lastInput?.isConnected) return lastInput;
    const scope = node.closest("form") ?? document;
    return inputOf(scope.querySelector(selectors().input));
  }

  const isField = (el) => el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
  const readText = (el) => (isField(el) ? el.value : el.innerText);

  /** Puts `text` into the box the way typing would, so the page's framework sees the change. */
  function writeText(el, text) {
    if (isField(el)) {
      const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, "value").set.call(el, text);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    // A rich editor keeps its own model: replace the selection through an editing command, which
    // it sees as beforeinput/input, rather than rewriting its DOM behind its back.
    el.focus();
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    if (!document.execCommand("insertText", false, text)) {
      el.textContent = text;
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
    }
  }

  /** True when the box holds text that still has to be scrubbed before it may leave. */
  function needsScrub(el) {
    if (!el || detached) return false;
    const text = readText(el);
    return text.trim() !== "" && sentText.get(el) !== text;
  }

  /** Marks the box as refused (nothing was sent); the code names the failure, never the text. */
  function refuse(el, code) {
    el.setAttribute("data-phiscrub-refused", code);
    console.warn(`phiscrub: message not sent (${code})`);
  }

  /** Scrubs the box's text in the worker, writes it back, then replays the send. */
  async function scrubThenSend(el, replay) {
    await siteReady;
    if (detached) return replayNow(replay);
    const original = readText(el);
    let res;
    try {
      res = await chrome.runtime.sendMessage({ type: Req.SCRUB, text: original });
    } catch {
      res = { ok: false, code: "disconnected" };
    }
    if (!res || !res.ok) {
      if (res?.code === "site_disabled") {
        detach();
        return replayNow(replay);
      }
      return refuse(el, res?.code ?? "internal");
    }
    // The user kept typing while we scrubbed: send nothing; the next send scrubs it all.
    if (readText(el) !== original) return;
    el.removeAttribute("data-phiscrub-refused");
    writeText(el, res.text);
    sentText.set(el, readText(el));
    replayNow(replay);
  }

  function replayNow(replay) {
    replaying = true;
    try {
      replay();
    } finally {
      replaying = false;
    }
  }

  /** Stops the event from reaching the page. */
  function stop(e) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  const isSendKey = (e) => e.key === "Enter" && !e.shiftKey && !e.isComposing && !e.altKey;

  function onKey(e) {
    if (replaying || detached || !isSendKey(e)) return;
    const el = inputOf(e.target);
    if (!needsScrub(el)) return;
    stop(e);
    // Only the keydown starts a send; its keypress and keyup are held back with it and replayed.
    if (e.type !== "keydown") return;
    const target = e.target;
    scrubThenSend(el, () => {
      for (const type of ["keydown", "keypress", "keyup"]) {
        const init = { key: "Enter", code: "Enter", keyCode: 13, which: 13, bubbles: true, cancelable: true, composed: true };
        const go = target.dispatchEvent(new KeyboardEvent(type, init));
        // A replayed key is untrusted, so the browser does not submit a form for it the way it
        // does for a real Enter in a one-line field: do what the browser would have done.
        if (type === "keydown" && go && el instanceof HTMLInputElement && el.form) el.form.requestSubmit();
      }
    });
  }

  function onClick(e) {
    if (replaying || detached || !(e.target instanceof Element)) return;
    const button = e.target.closest(selectors().send);
    if (!button) return;
    const el = inputFor(button);
    if (!needsScrub(el)) return;
    stop(e);
    scrubThenSend(el, () => button.click());
  }

  function onSubmit(e) {
    if (replaying || detached || !(e.target instanceof HTMLFormElement)) return;
    const form = e.target;
    const el = inputOf(form.querySelector(selectors().input));
    if (!needsScrub(el)) return;
    stop(e);
    const submitter = e.submitter;
    scrubThenSend(el, () => form.requestSubmit(submitter ?? undefined));
  }

  function onFocus(e) {
    const el = inputOf(e.target);
    if (el) lastInput = el;
  }

  window.addEventListener("keydown", onKey, true);
  window.addEventListener("keypress", onKey, true);
  window.addEventListener("keyup", onKey, true);
  window.addEventListener("click", onClick, true);
  window.addEventListener("submit", onSubmit, true);
  window.addEventListener("focusin", onFocus, true);

  /** Whether text node `t` belongs to message `el` (not to a message nested in it, not a box). */
  function belongsTo(el) {
    return (t) => {
      const p = t.parentElement;
      return p !== null && p.closest(selectors().answer) === el && !p.closest(selectors().input);
    };
  }

  function viewOf(el) {
    let v = views.get(el);
    if (!v) {
      v = new AnswerView(el, client, belongsTo(el), selectors().idleMs);
      views.set(el, v);
    }
    return v;
  }

  /** The messages a mutation touched. */
  function touched(records) {
    const out = new Set();
    const sel = selectors().answer;
    const add = (el) => {
      if (el && !el.closest(selectors().input)) out.add(el);
    };
    for (const r of records) {
      const at = r.target.nodeType === Node.TEXT_NODE ? r.target.parentElement : r.target;
      if (at instanceof Element) add(at.closest(sel));
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        if (n.matches(sel)) add(n);
        n.querySelectorAll(sel).forEach(add);
      }
    }
    return out;
  }

  function observe() {
    if (detached || observer) return;
    observer = new MutationObserver((records) => {
      for (const el of touched(records)) viewOf(el).update();
      for (const [el, v] of views) {
        if (!el.isConnected) {
          v.dispose();
          views.delete(el);
        }
      }
    });
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    // Messages already on the page (a conversation reopened in this browser session).
    document.querySelectorAll(selectors().answer).forEach((el) => viewOf(el).update());
  }

  function detach() {
    if (detached) return;
    detached = true;
    observer?.disconnect();
    for (const v of views.values()) v.dispose();
    views.clear();
    client.disconnect();
    for (const type of ["keydown", "keypress", "keyup"]) window.removeEventListener(type, onKey, true);
    window.removeEventListener("click", onClick, true);
    window.removeEventListener("submit", onSubmit, true);
    window.removeEventListener("focusin", onFocus, true);
    globalThis.__phiscrubContent = false;
  }

  chrome.runtime.onMessage.addListener((m, sender) => {
    if (sender.id === chrome.runtime.id && m && m.type === Tab.DETACH) detach();
  });

  siteReady.then(() => {
    if (detached) return;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", observe, { once: true });
    else observe();
  });
})();
