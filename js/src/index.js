// phiscrub in the browser: scrub text before it leaves the page, restore the answer after.
//
//   const s = await Scrubber.open({ vault: "portal", key: { raw }, policy: { ageSurrogates: true } });
//   const { text, entities } = await s.scrub(message);   // send `text`, never `message`
//   const shown = await s.rehydrate(answer);
//
// The mapping from originals to surrogates lives only in this page: in the wasm core's memory and,
// sealed with AES-256-GCM, in IndexedDB (js/src/vault-idb.js). Nothing here makes a network
// request other than loading the module's own wasm file.

import init, { Core } from "../../pkg/phiscrub.js";
import { PhiscrubError, fromCore } from "./errors.js";
import { IdbVault } from "./vault-idb.js";

export { PhiscrubError };

let loading;

/** Loads and compiles the wasm module once per page. */
function ready() {
  loading ??= init();
  return loading;
}

/** A high surrogate code unit, the first half of a pair. */
const isHigh = (u) => u >= 0xd800 && u <= 0xdbff;

const sameBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Makes the core for `key` over `header` (undefined: a new vault). Wipes its copy of the key. */
function coreFor(key, header) {
  if (key.raw !== undefined) {
    if (!(key.raw instanceof Uint8Array)) throw new TypeError("key.raw must be a Uint8Array");
    // The core wipes the bytes it is given: hand it a copy, so the caller's key is untouched.
    return fromCore(() => Core.withKey(new Uint8Array(key.raw), header));
  }
  if (typeof key.passphrase === "string") {
    return fromCore(() => Core.withPassphrase(new TextEncoder().encode(key.passphrase), header));
  }
  throw new TypeError("key must be { raw }, { passphrase } or { ephemeral: true }");
}

/** Applies `{ ageSurrogates, labels: { NAME: "redact", ... }, ttlMs }` to `core`. */
function applyPolicy(core, policy = {}) {
  core.setAgeSurrogates(Boolean(policy.ageSurrogates));
  for (const [label, action] of Object.entries(policy.labels ?? {})) {
    if (!core.setAction(label, action)) throw new TypeError(`bad policy entry for ${label}`);
  }
  if (policy.ttlMs !== undefined) core.setTtl(policy.ttlMs);
}

/** Detection, surrogates and the encrypted vault of one page. */
export class Scrubber {
  #core;
  #store;
  #vault;
  #queue = Promise.resolve();
  #closed = false;

  /** What opening read: `{ loaded, expired, errors: [{ code, id }] }` (no contents). */
  loadReport;

  constructor(core, store, vault, loadReport) {
    this.#core = core;
    this.#store = store;
    this.#vault = vault;
    this.loadReport = loadReport;
  }

  /**
   * Opens the vault `vault` (creating it on first use) with `key`: `{ raw: Uint8Array(32) }`
   * from the host app, `{ passphrase }`, or `{ ephemeral: true }` (memory only, gone with the
   * page; `vault` is then ignored). Records that cannot be read (tampered, truncated) are listed
   * in `loadReport.errors`; every other record is restored.
   *
   * Throws a PhiscrubError: `wrong_key`, `key_source_mismatch`, `storage_unavailable`, ...
   */
  static async open({ vault, key, policy } = {}) {
    await ready();
    if (!key || typeof key !== "object") throw new TypeError("key is required");
    if (key.ephemeral === true) {
      const core = fromCore(() => Core.ephemeral());
      applyPolicy(core, policy);
      return new Scrubber(core, null, null, { loaded: 0, expired: 0, errors: [] });
    }
    if (typeof vault !== "string" || vault === "") throw new TypeError("vault name is required");
    const store = await IdbVault.open(vault);
    let core;
    try {
      const header = await store.header();
      if (header) {
        core = coreFor(key, header);
      } else {
        core = coreFor(key, undefined);
        const placed = await store.addHeader(core.header());
        if (!sameBytes(placed, core.header())) {
          // Another tab created this vault first: use its header, as it does.
          core.free();
          core = coreFor(key, placed);
        }
      }
      applyPolicy(core, policy);
      const records = await store.records();
      const report = fromCore(() => core.load(records, Date.now()));
      return new Scrubber(core, store, vault, report);
    } catch (e) {
      core?.free();
      store.close();
      throw e;
    }
  }

  /**
   * Scrubs `text`: `{ text, entities: [{ label, start, end }] }`, UTF-16 offsets into the
   * scrubbed text. The new pairs are stored durably before the text is returned; when storing
   * fails the pairs are withdrawn and the error is thrown instead (fail closed).
   */
  async scrub(text) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    return this.#serial(async () => {
      this.#check();
      const out = fromCore(() => this.#core.scrub(text, Date.now()));
      if (this.#store && out.records.length > 0) {
        try {
          await this.#store.addRecords(out.records);
        } catch (e) {
          this.#core.retract();
          throw e;
        }
      }
      this.#core.commit();
      return { text: out.text, entities: out.entities };
    });
  }

  /** The identifiers in `text`: `[{ label, start, end, confidence }]`, UTF-16 offsets into it. */
  detect(text) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    this.#check();
    return fromCore(() => this.#core.detect(text));
  }

  /**
   * The originals this vault holds, and the known identifiers registered with `addKnown`, still
   * present in `text`: `[{ label, start, end }]`, UTF-16 offsets into it. Synchronous, so a
   * sender can refuse a text right before it leaves.
   */
  check(text) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    this.#check();
    return fromCore(() => this.#core.check(text));
  }

  /**
   * Registers the current patient's identifiers, `{ name, birthDate, mrn, phone, email,
   * address, relatives: [names] }` (every field optional): detected in any spelling from now
   * on, and reported by `check`. Kept in memory only.
   */
  addKnown(known = {}) {
    this.#check();
    const str = (v) => (typeof v === "string" && v !== "" ? v : undefined);
    const relatives = Array.isArray(known.relatives) ? known.relatives.filter((r) => typeof r === "string") : [];
    fromCore(() =>
      this.#core.addKnown(
        str(known.name),
        str(known.birthDate),
        str(known.mrn),
        str(known.phone),
        str(known.email),
        str(known.address),
        relatives,
      ),
    );
  }

  /** `text` with every surrogate this vault issued replaced by its original. */
  async rehydrate(text) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    this.#check();
    return fromCore(() => this.#core.rehydrate(text));
  }

  /**
   * A streaming re-identifier: `push(chunk)` returns the text to show now, `finish()` the rest.
   * It restores the pairs the vault holds when it is made.
   */
  rehydrateStream() {
    this.#check();
    const inner = fromCore(() => this.#core.rehydrateStream());
    let held = "";
    let finished = false;
    return {
      push(chunk) {
        if (finished) throw new PhiscrubError("closed", "the stream was finished");
        let text = held + chunk;
        held = "";
        // A chunk cut between the halves of a surrogate pair: keep the first half for later.
        if (text.length > 0 && isHigh(text.charCodeAt(text.length - 1))) {
          held = text.slice(-1);
          text = text.slice(0, -1);
        }
        return fromCore(() => inner.push(text));
      },
      finish() {
        if (finished) return "";
        finished = true;
        try {
          const last = held === "" ? "" : fromCore(() => inner.push(held));
          return last + inner.finish();
        } finally {
          inner.free();
        }
      },
    };
  }

  /**
   * Destroys the vault (crypto-shredding): wipes the key and every pair in memory, then deletes
   * the vault's database. With a raw host key, the host must destroy its copy of the key too.
   */
  async forget() {
    return this.#serial(async () => {
      this.#check();
      this.#core.forget();
      this.#closed = true;
      this.#core.free();
      const store = this.#store;
      this.#store = null;
      if (store) {
        store.close();
        await IdbVault.destroy(this.#vault);
      }
    });
  }

  /** Closes the vault: wipes the key and the pairs in memory; the stored vault stays. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#core.free();
    this.#store?.close();
    this.#store = null;
  }

  #check() {
    if (this.#closed) throw new PhiscrubError("closed", "the scrubber was closed");
  }

  /** Runs `fn` after every earlier scrub settled: each scrub's pairs commit before the next. */
  #serial(fn) {
    const run = this.#queue.then(fn);
    this.#queue = run.catch(() => {});
    return run;
  }
}
