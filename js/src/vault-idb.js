// The vault's storage in IndexedDB: one database per vault name, holding only the plain header
// (nothing secret) and sealed records (AES-256-GCM, sealed by the wasm core).
//
// NOTE: the contract with the core (src/vault/mod.rs, `VaultCore`): the header is added only if
// absent, so two tabs creating one vault converge on the first header; records are added, never
// overwritten, in transactions with strict durability, and a write is reported done only on the
// transaction's `complete` event.

import { PhiscrubError } from "./errors.js";

const DB_VERSION = 1;
const META = "meta";
const RECORDS = "records";
const HEADER_KEY = "header";

/** The IndexedDB database name of the vault `vault`. */
export function databaseName(vault) {
  return `phiscrub:${vault}`;
}

/** The typed error for a failed IndexedDB operation `op` (the DOMException's name only). */
function storageError(err, op) {
  if (err && err.name === "QuotaExceededError") {
    return new PhiscrubError("quota_exceeded", "the browser's storage quota is used up");
  }
  const name = err && typeof err.name === "string" ? err.name : "unknown";
  return new PhiscrubError("storage", `vault storage failed to ${op} (${name})`);
}

function unavailable() {
  return new PhiscrubError("storage_unavailable", "no persistent storage is available");
}

/** The IndexedDB factory of this page, or a `storage_unavailable` error. */
function factory() {
  const idb = globalThis.indexedDB;
  if (!idb) throw unavailable();
  return idb;
}

/** Resolves with the request's result, rejects with a typed error. */
function request(req, op) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(storageError(req.error, op));
  });
}

/** Resolves when `tx` commits, rejects with a typed error when it fails or aborts. */
function done(tx, op) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(storageError(tx.error, op));
    tx.onabort = () => reject(storageError(tx.error, op));
  });
}

/** One vault's database, open. */
export class IdbVault {
  #db;

  constructor(db) {
    this.#db = db;
  }

  /** Opens (creating if needed) the database of the vault `vault`. */
  static async open(vault) {
    let req;
    try {
      req = factory().open(databaseName(vault), DB_VERSION);
    } catch {
      // Some private modes throw here rather than failing the request.
      throw unavailable();
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      if (!db.objectStoreNames.contains(RECORDS)) db.createObjectStore(RECORDS);
    };
    let db;
    try {
      db = await request(req, "open");
    } catch (e) {
      throw e.code === "quota_exceeded" ? e : unavailable();
    }
    // Another tab deleting the vault (`forget`) or upgrading it: let it go ahead. Our later
    // writes then fail, and a scrub fails closed.
    db.onversionchange = () => db.close();
    return new IdbVault(db);
  }

  /** Deletes the vault's database: every record and the header. */
  static async destroy(vault) {
    await request(factory().deleteDatabase(databaseName(vault)), "delete");
  }

  /** The stored header, or undefined for a new vault. */
  async header() {
    const tx = this.#tx(META, "readonly");
    return request(tx.objectStore(META).get(HEADER_KEY), "read");
  }

  /**
   * Adds `header` unless one is there; returns the header in place afterwards (ours, or the
   * one another tab added first).
   */
  async addHeader(header) {
    const tx = this.#tx(META, "readwrite");
    const req = tx.objectStore(META).add(header, HEADER_KEY);
    req.onerror = (ev) => {
      // A ConstraintError means another writer was first: not a failure of the transaction.
      if (req.error && req.error.name === "ConstraintError") {
        ev.preventDefault();
        ev.stopPropagation();
      }
    };
    await done(tx, "create");
    const placed = await this.header();
    if (!placed) throw storageError(null, "create");
    return placed;
  }

  /** Every stored record's bytes. */
  async records() {
    const tx = this.#tx(RECORDS, "readonly");
    return request(tx.objectStore(RECORDS).getAll(), "read");
  }

  /**
   * Adds sealed records (`[{ id, bytes }]`, id = record id hex) in one transaction; resolves
   * only once it has committed durably.
   */
  async addRecords(records) {
    const tx = this.#tx(RECORDS, "readwrite");
    const committed = done(tx, "write");
    try {
      const store = tx.objectStore(RECORDS);
      for (const r of records) store.add(r.bytes, r.id);
    } catch (e) {
      // `add` throws at once for some failures (a quota refused up front, a closed connection).
      committed.catch(() => {});
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: nothing was written either way.
      }
      throw storageError(e, "write");
    }
    await committed;
  }

  /** Closes the connection. */
  close() {
    this.#db.close();
  }

  #tx(store, mode) {
    try {
      return this.#db.transaction(store, mode, { durability: "strict" });
    } catch (e) {
      // The connection was closed (by `close`, or by another tab's `forget`).
      throw storageError(e, mode === "readonly" ? "read" : "write");
    }
  }
}
