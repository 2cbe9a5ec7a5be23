// phiscrub in the browser: scrub text before it leaves the page, restore the answer after.
//
//   const s = await Scrubber.open({ vault: "portal", key: { raw }, policy: { ageSurrogates: true } });
//   s.addKnown({ name: "Dan Smith", birthDate: "1961-03-14", mrn: "00482913" });
//   const { text, entities } = await s.scrub(message);   // send `text`, never `message`
//   if (s.check(text).length > 0) throw new Error("refusing to send");
//   const shown = await s.rehydrate(answer);
//
// The mapping from originals to surrogates lives only in this page: in the wasm core's memory and,
// sealed with AES-256-GCM, in IndexedDB (js/src/vault-idb.js) or, when asked for, in memory
// (js/src/vault-memory.js). Nothing here makes a network request other than loading the module's
// own two files: its wasm and its dictionary file. Types: index.d.ts beside this file.

import init, { Core, dictionariesLoaded, loadDictionaries } from "../../pkg/phiscrub.js";
import { AuditLog, countLabels, policyVersion } from "./audit.js";
import { PhiscrubError, fromCore } from "./errors.js";
import { IdbVault } from "./vault-idb.js";
import { MemoryVault } from "./vault-memory.js";

export { PhiscrubError, policyVersion };
export { guardFetch } from "./guard-fetch.js";

/**
 * The name and place lists, which the wasm module does not embed (issue 6: embedded, they were
 * 295 KB of its 971 KB gzipped): beside the wasm, where scripts/ci/build-web.sh and the npm
 * package place it.
 * NOTE: a static `new URL(..., import.meta.url)`, the form bundlers (Vite, webpack) rewrite into
 * an emitted asset, as they do for the wasm-bindgen glue's wasm URL.
 */
const DICTIONARY_URL = new URL("../../pkg/phiscrub-dict.bin", import.meta.url);

let loading;

/** The dictionary file's bytes: given as bytes, or fetched from a URL (`dictionary_unavailable`). */
async function dictionaryBytes(source) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  let res;
  try {
    res = await fetch(source);
  } catch {
    throw new PhiscrubError("dictionary_unavailable", "the dictionary file could not be fetched");
  }
  if (!res.ok) {
    throw new PhiscrubError("dictionary_unavailable", `the dictionary file could not be fetched (HTTP ${res.status})`);
  }
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Loads the wasm module and its dictionaries once per page: the dictionary file is fetched while
 * the wasm compiles, and this resolves only when both are in (fail closed: no core is made
 * without the lists). A failed load is forgotten, so a later call tries again.
 */
function ready({ wasm, dictionaries = DICTIONARY_URL } = {}) {
  loading ??= Promise.all([
    init(wasm === undefined ? undefined : { module_or_path: wasm }),
    dictionaryBytes(dictionaries),
  ]).then(([, bytes]) => {
    if (!dictionariesLoaded()) fromCore(() => loadDictionaries(bytes));
  });
  loading.catch(() => {
    loading = undefined;
  });
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

/** Applies `{ ageSurrogates, labels: { NAME: "redact", ... }, clinicians, ttlMs }` to `core`. */
function applyPolicy(core, policy = {}) {
  core.setAgeSurrogates(Boolean(policy.ageSurrogates));
  for (const [label, action] of Object.entries(policy.labels ?? {})) {
    if (!core.setAction(label, action)) throw new TypeError(`bad policy entry for ${label}`);
  }
  if (policy.clinicians !== undefined && !core.setClinicians(policy.clinicians)) {
    throw new TypeError("bad policy entry for clinicians");
  }
  if (policy.ttlMs !== undefined) core.setTtl(policy.ttlMs);
}

/** The string fields of `addKnown`'s argument (`relatives` is a list of names). */
const KNOWN_FIELDS = ["name", "birthDate", "mrn", "phone", "email", "address"];

/** The label each `addKnown` field is found as, for the audit counts. */
const KNOWN_LABELS = {
  name: "NAME", birthDate: "DATE", mrn: "MRN", phone: "PHONE", email: "EMAIL", address: "ADDRESS",
};

/**
 * How many times a scrub is tried when other pages keep taking the surrogates it drew or
 * mapping its originals first (each try loads their records before drawing again). A clash
 * needs another page to commit a conflicting pair between our load and our write, so even a
 * second try is rare; running out means something keeps refusing our claims.
 */
const MAX_SCRUB_TRIES = 8;

/** The stores a vault can live in, by the `storage` option's value. */
const STORES = { indexeddb: IdbVault, memory: MemoryVault };

/** Detection, surrogates and the encrypted vault of one page. */
export class Scrubber {
  #core;
  #store;
  #storeKind;
  #vault;
  #audit;
  /** The streams made and not finished: freed on close, so no re-identifier outlives the core. */
  #streams = new Set();
  #queue = Promise.resolve();
  #closed = false;
  /** Ids of the stored records this page's core holds (loaded, or written by it). */
  #known = new Set();
  /** Ids of stored records that failed to open: their claims bind no one. */
  #unreadable = new Set();
  /** Ids other pages announced and this page has not loaded yet. */
  #announced = new Set();
  #catchUpQueued = false;

  /** What opening read: `{ loaded, expired, errors: [{ code, id }] }` (no contents). */
  loadReport;

  /** Where the vault lives: "indexeddb", "memory", or "none" for an ephemeral key. */
  storage;

  /** A short stable name of the policy's settings, as in every audit event. */
  policyVersion;

  /** @private Use `Scrubber.open`. */
  constructor({ core, store, storeKind, vault, audit, loadReport, storage, version, records = [] }) {
    this.#core = core;
    this.#store = store;
    this.#storeKind = storeKind;
    this.#vault = vault;
    this.#audit = audit;
    this.loadReport = loadReport;
    this.storage = storage;
    this.policyVersion = version;
    for (const r of records) this.#known.add(r.id);
    for (const e of loadReport.errors) if (e.id) this.#unreadable.add(e.id);
  }

  /**
   * Opens the vault `vault` (creating it on first use) with `key`: `{ raw: Uint8Array(32) }`
   * from the host app, `{ passphrase }`, or `{ ephemeral: true }` (memory only, gone with the
   * page; `vault` is then ignored). Records that cannot be read (tampered, truncated) are listed
   * in `loadReport.errors`; every other record is restored.
   *
   * Options besides `vault`, `key` and `policy`:
   * - `storage`: "indexeddb" (default in browsers) or "memory" (sealed records kept in this
   *   page only; the default of the Node entry, which has no IndexedDB);
   * - `fallback: "memory"`: when IndexedDB is unavailable (some private modes, no
   *   `indexedDB` at all), open a memory vault instead of throwing `storage_unavailable`, and
   *   emit a `storage_fallback` audit event; `storage` then reads "memory";
   * - `onAudit`: a listener added before opening, so it also sees `storage_fallback` and `open`;
   * - `dictionaries`: where the dictionary file is (a URL), or its bytes; default
   *   `phiscrub-dict.bin` beside the wasm (see `Scrubber.preload`).
   *
   * Throws a PhiscrubError: `wrong_key`, `key_source_mismatch`, `storage_unavailable`,
   * `dictionary_unavailable`, `dictionary_corrupt`, ...
   */
  static async open(options = {}) {
    const { vault, key, policy, storage = "indexeddb", fallback, onAudit, dictionaries } = options;
    await ready({ dictionaries });
    if (!key || typeof key !== "object") throw new TypeError("key is required");
    if (!(storage in STORES)) throw new TypeError('storage must be "indexeddb" or "memory"');
    if (fallback !== undefined && fallback !== "memory") {
      throw new TypeError('fallback must be "memory" or absent');
    }
    const version = policyVersion(policy);
    const ephemeral = key.ephemeral === true;
    const audit = new AuditLog(ephemeral ? null : vault ?? null, version);
    if (onAudit !== undefined) audit.subscribe(onAudit);
    if (ephemeral) {
      const core = fromCore(() => Core.ephemeral());
      try {
        applyPolicy(core, policy);
      } catch (e) {
        core.free();
        throw e;
      }
      audit.emit("open");
      const loadReport = { loaded: 0, expired: 0, errors: [] };
      return new this({ core, store: null, vault: null, audit, loadReport, storage: "none", version });
    }
    if (typeof vault !== "string" || vault === "") throw new TypeError("vault name is required");
    let storeKind = STORES[storage];
    let store;
    try {
      store = await storeKind.open(vault);
    } catch (e) {
      if (!(e instanceof PhiscrubError && e.code === "storage_unavailable" && fallback)) throw e;
      storeKind = MemoryVault;
      store = await MemoryVault.open(vault);
      audit.emit("storage_fallback");
    }
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
      const bytes = records.map((r) => r.bytes);
      const loadReport = fromCore(() => core.load(bytes, Date.now()));
      if (await store.needsBackfill()) {
        // A vault written before claims existed: add the claims of its records (computed in the
        // core, which alone holds the claim key), so other pages see its pairs as taken.
        await store.backfill(fromCore(() => core.claimsOf(bytes, Date.now())));
      }
      audit.emit("open");
      const kind = storeKind === MemoryVault ? "memory" : "indexeddb";
      const s = new this({ core, store, storeKind, vault, audit, loadReport, storage: kind, version, records });
      // Other pages announce the records they store: load them soon, so this page neither draws
      // their surrogates nor maps their originals anew, and restores what they issued.
      store.listen?.(core.vaultId, (ids) => s.#onAnnounce(ids));
      return s;
    } catch (e) {
      core?.free();
      store.close();
      throw e;
    }
  }

  /**
   * Fetches and compiles the wasm module and fetches the dictionary file, in parallel, once per
   * page; `open` does it too, so calling this is only needed to start early (before the key is
   * known) or to load the files from elsewhere. Options: `wasm`, the wasm file's URL (default:
   * `phiscrub_bg.wasm` beside pkg/phiscrub.js); `dictionaries`, the dictionary file's URL or its
   * bytes (default: `phiscrub-dict.bin` beside the wasm). Only the first successful load counts.
   *
   * Throws a PhiscrubError `dictionary_unavailable` (the file could not be fetched) or
   * `dictionary_corrupt` (damaged, or not the file of this wasm build).
   * @param {{ wasm?: string | URL, dictionaries?: string | URL | Uint8Array | ArrayBuffer }} [options]
   * @returns {Promise<void>}
   */
  static preload(options = {}) {
    return ready(options);
  }

  /**
   * Adds `callback` for this scrubber's audit events; returns the function that removes it.
   * An event is `{ action, counts: { LABEL: n }, vault, policyVersion, time }` and carries no
   * text, span or value. Actions: open, scrub, detect, rehydrate, check, addKnown, forget,
   * close, storage_fallback (the last two of these only reach a listener given to `open`).
   */
  onAudit(callback) {
    return this.#audit.subscribe(callback);
  }

  /**
   * Scrubs `text`: `{ text, entities: [{ label, start, end }] }`, UTF-16 offsets into the
   * scrubbed text. The new pairs are stored durably before the text is returned; when storing
   * fails the pairs are withdrawn and the error is thrown instead (fail closed).
   *
   * Other pages may write the same vault at once: a pair that clashes with one another page
   * stored first (its surrogate taken, or its original mapped already) is never stored; the
   * scrub loads the other pages' records and runs again, up to MAX_SCRUB_TRIES times, then
   * throws `claim_conflict`.
   */
  async scrub(text) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    return this.#serial(async () => {
      this.#check();
      for (let tries = 1; ; tries++) {
        await this.#loadAnnounced();
        const out = fromCore(() => this.#core.scrub(text, Date.now()));
        let stored = true;
        if (this.#store && out.records.length > 0) {
          try {
            stored = await this.#store.addRecords(out.records, { now: Date.now(), unreadable: this.#unreadable });
          } catch (e) {
            if (!this.#closed) this.#core.retract();
            throw e;
          }
          // Closed while the records were being stored: the core (and its pairs) is gone.
          this.#check();
        }
        if (stored) {
          this.#core.commit();
          if (out.records.length > 0) {
            const ids = out.records.map((r) => r.id);
            for (const id of ids) this.#known.add(id);
            this.#store?.announce?.(ids);
          }
          this.#audit.emit("scrub", countLabels(out.entities));
          return { text: out.text, entities: out.entities };
        }
        // Another page stored a pair first that clashes with one of ours (it took a surrogate we
        // drew, or mapped one of our originals): nothing of ours was written. Withdraw our
        // pairs, load every record we do not hold yet, and scrub again.
        this.#core.retract();
        if (tries >= MAX_SCRUB_TRIES) {
          throw new PhiscrubError("claim_conflict", "other pages kept claiming this scrub's surrogates");
        }
        await this.#loadNew();
      }
    });
  }

  /** Queues the loading of records other pages announced (`ids`: record ids, no PHI). */
  #onAnnounce(ids) {
    for (const id of ids) if (!this.#known.has(id)) this.#announced.add(id);
    if (this.#catchUpQueued || this.#announced.size === 0) return;
    this.#catchUpQueued = true;
    // NOTE: through the queue, so no load lands between a scrub and its commit or retract.
    this.#serial(() => this.#loadAnnounced()).catch(() => {
      // Best effort: a scrub's clash check and `rehydrate` load whatever this missed.
    });
  }

  /** Loads the records other pages announced. */
  async #loadAnnounced() {
    this.#catchUpQueued = false;
    if (this.#announced.size === 0 || this.#closed) return;
    const ids = [...this.#announced];
    this.#announced.clear();
    await this.#loadIds(ids);
  }

  /** Loads every stored record this page does not hold yet (another page wrote it). */
  async #loadNew() {
    if (!this.#store?.recordIds) return;
    await this.#loadIds(await this.#store.recordIds());
  }

  /** Loads the stored records among `ids` that this page does not hold yet. */
  async #loadIds(ids) {
    const missing = ids.filter((id) => !this.#known.has(id));
    if (missing.length === 0 || !this.#store?.recordsById) return;
    const got = await this.#store.recordsById(missing);
    this.#check();
    if (got.length === 0) return;
    const report = fromCore(() => this.#core.load(got.map((r) => r.bytes), Date.now()));
    for (const r of got) this.#known.add(r.id);
    for (const e of report.errors) if (e.id) this.#unreadable.add(e.id);
  }

  /** The identifiers in `text`: `[{ label, start, end, confidence }]`, UTF-16 offsets into it. */
  detect(text) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    this.#check();
    const found = fromCore(() => this.#core.detect(text));
    this.#audit.emit("detect", countLabels(found));
    return found;
  }

  /**
   * Registers the current patient's identifiers, each optional: `{ name, birthDate, mrn, phone,
   * email, address, relatives: [names] }`. From now on they are caught in any form (`SMITH,
   * DAN`, `d. smith`, the birth date in another format, the MRN without its leading zeros) by
   * `scrub` and `detect`, and reported by `check`. Kept in wasm memory only, never stored;
   * wiped on `close` and `forget`. Register them again after reopening.
   */
  addKnown(known) {
    if (!known || typeof known !== "object") throw new TypeError("addKnown needs an object");
    const counts = {};
    for (const f of KNOWN_FIELDS) {
      const v = known[f];
      if (v === undefined || v === null) continue;
      if (typeof v !== "string") throw new TypeError(`addKnown: ${f} must be a string`);
      counts[KNOWN_LABELS[f]] = (counts[KNOWN_LABELS[f]] ?? 0) + 1;
    }
    const relatives = known.relatives ?? [];
    if (!Array.isArray(relatives) || relatives.some((r) => typeof r !== "string")) {
      throw new TypeError("addKnown: relatives must be an array of strings");
    }
    if (relatives.length > 0) counts.NAME = (counts.NAME ?? 0) + relatives.length;
    this.#check();
    const fields = { relatives };
    for (const f of KNOWN_FIELDS) if (typeof known[f] === "string") fields[f] = known[f];
    fromCore(() => this.#core.addKnown(fields));
    this.#audit.emit("addKnown", counts);
  }

  /**
   * The originals this vault holds, and the registered known identifiers, still present in
   * `text`: `[{ label, start, end }]`, UTF-16 offsets into it (never the values). Empty for a
   * text `scrub` returned; a caller refuses to send a text for which it is not. Synchronous.
   */
  check(text) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    this.#check();
    const found = fromCore(() => this.#core.check(text));
    this.#audit.emit("check", countLabels(found));
    return found;
  }

  /**
   * `text` with every surrogate this vault issued replaced by its original, including those
   * other pages writing the same vault issued and stored before this call.
   */
  async rehydrate(text) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    this.#check();
    await this.#serial(() => this.#refresh()).catch(() => {
      // The store is gone (deleted under us, say): restore what this page holds.
    });
    this.#check();
    const out = fromCore(() => this.#core.rehydrate(text));
    this.#audit.emit("rehydrate");
    return out;
  }

  /**
   * Loads the records other pages writing this vault stored that this page does not hold yet.
   * `rehydrate` and `scrub` do it themselves; `rehydrateStream` and `check` are synchronous and
   * use what this page holds, which the pages' announcements keep current within milliseconds.
   * Await this first where another page may have scrubbed a moment ago (guardFetch does).
   */
  async sync() {
    this.#check();
    await this.#serial(() => this.#refresh());
  }

  /**
   * A streaming re-identifier: `push(chunk)` returns the text to show now, `finish()` the rest.
   * It restores the pairs the vault holds when it is made (see `sync`).
   */
  rehydrateStream() {
    this.#check();
    const inner = fromCore(() => this.#core.rehydrateStream());
    const streams = this.#streams;
    const audit = this.#audit;
    const isClosed = () => this.#closed;
    streams.add(inner);
    let held = "";
    let finished = false;
    const usable = () => {
      if (finished) throw new PhiscrubError("closed", "the stream was finished");
      if (isClosed()) throw new PhiscrubError("closed", "the scrubber was closed");
    };
    return {
      push(chunk) {
        if (typeof chunk !== "string") throw new TypeError("chunk must be a string");
        usable();
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
        usable();
        finished = true;
        try {
          const last = held === "" ? "" : fromCore(() => inner.push(held));
          const out = last + inner.finish();
          audit.emit("rehydrate");
          return out;
        } finally {
          streams.delete(inner);
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
      const audit = this.#audit;
      this.#wipe();
      const store = this.#store;
      this.#store = null;
      if (store) {
        store.close();
        await this.#storeKind.destroy(this.#vault);
      }
      audit.emit("forget");
      audit.clear();
    });
  }

  /**
   * Closes the vault: wipes the key, the pairs and the known identifiers in memory (the wasm
   * module wipes every block it frees), and ends unfinished streams; the stored vault stays.
   */
  close() {
    if (this.#closed) return;
    this.#wipe();
    this.#store?.close();
    this.#store = null;
    this.#audit.emit("close");
    this.#audit.clear();
  }

  /** Frees the core and every stream made from it: nothing of this vault stays in wasm memory. */
  #wipe() {
    this.#closed = true;
    for (const s of this.#streams) s.free();
    this.#streams.clear();
    this.#core.free();
  }

  /**
   * Loads what other pages stored and this page has not heard of (an announcement not yet
   * delivered): counting the records is one cheap request, listing them only when it differs.
   */
  async #refresh() {
    if (this.#closed || !this.#store?.count) return;
    if ((await this.#store.count()) !== this.#known.size) await this.#loadNew();
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
