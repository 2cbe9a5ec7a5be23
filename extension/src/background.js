// The extension's service worker: the only place the wasm core, the key and the vault live.
// Content scripts hand it text through typed messages (messages.js); it scrubs, restores, keeps
// the badge, and registers the content script on exactly the sites the user enabled.
//
// The key: 32 random bytes drawn when first needed in a browser session and kept in
// chrome.storage.session, which lives in memory only, is never written to disk and is not
// exposed to content scripts (its default access level is TRUSTED_CONTEXTS). The vault's pairs
// are sealed with it in this extension's own IndexedDB, so they survive the worker being stopped
// and restarted (MV3 stops idle workers after ~30 s). When the browser closes the key is gone and
// the sealed vault can never be opened again; the next session deletes it and starts a new one.

import { Scrubber } from "../../js/src/index.js";
import { Req, STREAM_PORT, Stream, Tab, parseRequest, parseStream } from "./messages.js";
import { matchPattern, originOf, siteFor, sites } from "./settings.js";

const SCRIPT_ID = "phiscrub-sites";
const VAULT_PREFIX = "ext-";
const POLICY = { ageSurrogates: true };
/**
 * The dictionary file, packaged beside this worker and the wasm (scripts/ci/build-extension.sh).
 * NOTE: the library's default resolves from its own module URL, which bundling moves.
 */
const DICTIONARIES = new URL("phiscrub-dict.bin", import.meta.url);

/** The scrubber of this session, opened once per worker lifetime. */
let opening = null;

/** The session's `{ vault, raw }`, drawn on first use and kept in chrome.storage.session. */
async function sessionKey() {
  const got = await chrome.storage.session.get("vaultKey");
  const k = got.vaultKey;
  if (k && typeof k.vault === "string" && Array.isArray(k.raw) && k.raw.length === 32) {
    return { vault: k.vault, raw: new Uint8Array(k.raw) };
  }
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const id = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("");
  const fresh = { vault: VAULT_PREFIX + id, raw: Array.from(raw) };
  await chrome.storage.session.set({ vaultKey: fresh });
  return { vault: fresh.vault, raw };
}

/** Deletes every vault of an earlier session: its key is gone, so it is only dead weight. */
async function dropOldVaults(current) {
  const dbs = await indexedDB.databases();
  const old = dbs
    .map((d) => d.name)
    .filter((n) => typeof n === "string" && n.startsWith(`phiscrub:${VAULT_PREFIX}`) && n !== `phiscrub:${current}`);
  await Promise.all(
    old.map(
      (n) =>
        new Promise((resolve) => {
          const req = indexedDB.deleteDatabase(n);
          req.onsuccess = req.onerror = req.onblocked = () => resolve();
        }),
    ),
  );
}

/** The session's scrubber (opening the vault on first use in this worker). */
function scrubber() {
  opening ??= (async () => {
    const { vault, raw } = await sessionKey();
    await dropOldVaults(vault);
    try {
      return await Scrubber.open({ vault, key: { raw }, policy: POLICY, dictionaries: DICTIONARIES });
    } finally {
      raw.fill(0);
    }
  })();
  // A failed open is not cached: the next message tries again.
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

/** The origin a message came from, when it came from a content script in a tab. */
function senderOrigin(sender) {
  if (sender.id !== chrome.runtime.id || !sender.tab) return null;
  return originOf(sender.origin ?? sender.url ?? "");
}

/**
 * True when the message came from one of this extension's own pages (options, popup), which
 * may be open in a tab; a content script's sender URL is its page's.
 */
function fromExtensionPage(sender) {
  return sender.id === chrome.runtime.id && (sender.url ?? "").startsWith(chrome.runtime.getURL(""));
}

/** The stable code of an error, never its message (which could, in a bug, hold text). */
const codeOf = (e) => (e && typeof e.code === "string" ? e.code : "internal");

async function handle(req, sender) {
  if (req.type === Req.FORGET) {
    if (!fromExtensionPage(sender)) return { ok: false, code: "forbidden" };
    const s = await scrubber();
    opening = null;
    await s.forget();
    await chrome.storage.session.remove("vaultKey");
    return { ok: true };
  }
  const origin = senderOrigin(sender);
  if (!origin) return { ok: false, code: "forbidden" };
  const site = await siteFor(origin);
  if (req.type === Req.SITE) return { ok: true, site };
  if (!site) return { ok: false, code: "site_disabled" };
  const out = await (await scrubber()).scrub(req.text);
  const count = out.entities.length;
  await chrome.action.setBadgeText({ tabId: sender.tab.id, text: String(count) });
  return { ok: true, text: out.text, count };
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const req = parseRequest(message);
  if (!req) return false;
  handle(req, sender).then(reply, (e) => reply({ ok: false, code: codeOf(e) }));
  return true;
});

// Streamed answers: one port per content script, one re-identifying stream per answer.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== STREAM_PORT) return;
  const origin = senderOrigin(port.sender ?? {});
  if (!origin) {
    port.disconnect();
    return;
  }
  const streams = new Map();
  // Each port's messages are handled one after another, in order: a push must never overtake
  // the open before it.
  let queue = Promise.resolve();
  port.onMessage.addListener((message) => {
    const m = parseStream(message);
    if (!m) return;
    queue = queue.then(() => onStream(m)).catch(() => {});
  });
  port.onDisconnect.addListener(() => {
    for (const st of streams.values()) st.finish();
    streams.clear();
  });

  async function onStream(m) {
    const send = (out) => {
      try {
        port.postMessage(out);
      } catch {
        // The tab went away; its streams are dropped on disconnect.
      }
    };
    try {
      if (m.type === Stream.OPEN) {
        if (!(await siteFor(origin))) throw Object.assign(new Error("off"), { code: "site_disabled" });
        streams.get(m.id)?.finish();
        streams.set(m.id, (await scrubber()).rehydrateStream());
      } else if (m.type === Stream.CLOSE) {
        streams.get(m.id)?.finish();
        streams.delete(m.id);
      } else {
        const st = streams.get(m.id);
        if (!st) throw Object.assign(new Error("no stream"), { code: "no_stream" });
        if (m.type === Stream.PUSH) {
          send({ type: Stream.OUT, id: m.id, seq: m.seq, text: st.push(m.chunk) });
        } else {
          streams.delete(m.id);
          send({ type: Stream.OUT, id: m.id, seq: m.seq, text: st.finish() });
        }
      }
    } catch (e) {
      streams.delete(m.id);
      send({ type: Stream.ERROR, id: m.id, seq: m.seq ?? 0, code: codeOf(e) });
    }
  }
});

/** Registers the content script for exactly the enabled origins (none: unregistered). */
async function registerContentScript() {
  const origins = Object.keys(await sites()).filter((o) => originOf(o) === o);
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return;
  await chrome.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: origins.map(matchPattern),
      js: ["content.js"],
      // At document_start the capture listeners are added before any of the page's own, so a
      // send is scrubbed before the page's handler reads the text.
      runAt: "document_start",
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}

let registering = Promise.resolve();
function reregister() {
  registering = registering.then(registerContentScript).catch(() => {});
  return registering;
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== "local" || !("sites" in changes)) return;
  reregister();
  // Tabs of a site just switched off stop wrapping at once.
  const before = Object.keys(changes.sites.oldValue ?? {});
  const now = new Set(Object.keys(changes.sites.newValue ?? {}));
  const off = before.filter((o) => !now.has(o));
  if (off.length > 0) {
    chrome.tabs.query({ url: off.map(matchPattern) }).then((tabs) => {
      for (const t of tabs) chrome.tabs.sendMessage(t.id, { type: Tab.DETACH }).catch(() => {});
    });
  }
});

chrome.runtime.onInstalled.addListener(() => reregister());
chrome.runtime.onStartup.addListener(() => reregister());
