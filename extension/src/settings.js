// The sites the user enabled, in chrome.storage.local under `sites`:
// `{ [origin]: { input, send, answer, idleMs } }`, an empty string meaning "the default".
// Only the options page and the popup write it; the worker reads it to register the content
// script for exactly these origins.

/** What a site gets unless the user sets its own selectors in the options page. */
export const DEFAULTS = Object.freeze({
  // The message box: a plain textarea or a rich editor (ProseMirror, Lexical, Quill are all
  // contenteditable).
  input: 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]',
  // The send button, as chat sites commonly mark it.
  send: 'button[type="submit"], button[aria-label*="send" i], button[data-testid*="send" i]',
  // The messages to show restored: the user's own bubble and the answer. The role attribute is
  // the convention of the common chat front ends; `data-phiscrub-answer` is ours.
  answer: "[data-message-author-role], [data-phiscrub-answer], [data-testid*='message' i]",
  // How long an answer must stay unchanged before its stream is taken as complete.
  idleMs: 1000,
});

const KEY = "sites";

/**
 * The origin of `url` when it is an http(s) page the extension may wrap, else null.
 * @param {string} url
 */
export function originOf(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** The enabled sites, `{ [origin]: settings }`. */
export async function sites() {
  const got = await chrome.storage.local.get(KEY);
  const all = got[KEY];
  return all && typeof all === "object" ? all : {};
}

/**
 * The settings of `origin` with the defaults filled in, or null when the site is off.
 * @param {string} origin
 */
export async function siteFor(origin) {
  const own = (await sites())[origin];
  if (!own) return null;
  const pick = (k) => (typeof own[k] === "string" && own[k].trim() !== "" ? own[k] : DEFAULTS[k]);
  const idle = Number(own.idleMs);
  return {
    origin,
    input: pick("input"),
    send: pick("send"),
    answer: pick("answer"),
    idleMs: Number.isFinite(idle) && idle >= 100 && idle <= 60_000 ? idle : DEFAULTS.idleMs,
  };
}

/**
 * Turns `origin` on (with `settings`, defaults where missing) or off (`settings` null).
 * @param {string} origin
 * @param {{input?: string, send?: string, answer?: string, idleMs?: number} | null} settings
 */
export async function setSite(origin, settings) {
  if (originOf(origin) !== origin) throw new TypeError("not an http(s) origin");
  const all = await sites();
  if (settings) all[origin] = { input: "", send: "", answer: "", ...settings };
  else delete all[origin];
  await chrome.storage.local.set({ [KEY]: all });
}

/** The match pattern that covers every page of `origin` (scheme, host and port). */
export function matchPattern(origin) {
  return `${origin}/*`;
}
