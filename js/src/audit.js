// Audit events: one per action of a Scrubber, for a compliance log. An event says what was done,
// how many identifiers of each label it touched, on which vault, under which policy and when,
// and NEVER what the identifiers were: no text, no span, no value, no key.
//
//   { action: "scrub", counts: { NAME: 2, PHONE: 1 }, vault: "portal",
//     policyVersion: "p1-9c1d03a7", time: "2026-11-22T18:40:00.000Z" }

/** Every action an event can carry. */
export const ACTIONS = Object.freeze([
  "open", "scrub", "detect", "rehydrate", "check", "addKnown", "forget", "close",
  "storage_fallback",
]);

/**
 * A short stable name of the policy's settings (never of any data): the same settings give the
 * same version on every page and in every release, so a log shows which rules a text went
 * through. FNV-1a over a canonical form; a label, not a secret.
 *
 * @param {{ ageSurrogates?: boolean, labels?: Record<string, string>, clinicians?: string, ttlMs?: number }} [policy]
 * @returns {string} `p1-` and 8 hex digits
 */
export function policyVersion(policy = {}) {
  const labels = Object.entries(policy.labels ?? {})
    .map(([label, action]) => `${label}=${action}`)
    .sort();
  const canonical = JSON.stringify({
    ageSurrogates: Boolean(policy.ageSurrogates),
    labels,
    clinicians: policy.clinicians ?? null,
    ttlMs: policy.ttlMs ?? null,
  });
  let h = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    h ^= canonical.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `p1-${h.toString(16).padStart(8, "0")}`;
}

/** `{ LABEL: n }` for items with a `label`. */
export function countLabels(items) {
  const counts = {};
  for (const { label } of items) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/** The listeners of one Scrubber, and the fixed parts of its events. */
export class AuditLog {
  #listeners = new Set();
  #vault;
  #policyVersion;

  /**
   * @param {string | null} vault the vault name (null for an ephemeral vault)
   * @param {string} version the policy version
   */
  constructor(vault, version) {
    this.#vault = vault;
    this.#policyVersion = version;
  }

  /** Adds `callback`; returns the function that removes it. */
  subscribe(callback) {
    if (typeof callback !== "function") throw new TypeError("onAudit needs a function");
    // A wrapper per call, so subscribing one function twice gives two independent unsubscribes.
    const entry = (event) => callback(event);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  /**
   * Sends one event to every listener. A listener that throws does not stop the action nor the
   * other listeners: its error is reported the way the platform reports an uncaught one.
   */
  emit(action, counts = {}) {
    const event = Object.freeze({
      action,
      counts: Object.freeze({ ...counts }),
      vault: this.#vault,
      policyVersion: this.#policyVersion,
      time: new Date().toISOString(),
    });
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (e) {
        if (typeof globalThis.reportError === "function") globalThis.reportError(e);
        else queueMicrotask(() => {
          throw e;
        });
      }
    }
  }

  /** Drops every listener (the Scrubber is closed: no event follows `close` or `forget`). */
  clear() {
    this.#listeners.clear();
  }
}
