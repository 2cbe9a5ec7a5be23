// FROZEN: the version-2 store (js/src/vault-idb.js before version 3), kept as the code of an
// older page for tests/browser/upgrade.test.mjs. Do not edit: it stands for deployed code.
// The vault's storage in IndexedDB: one database per vault name, holding only the plain header
// (nothing secret) and sealed records (AES-256-GCM, sealed by the wasm core).
//
// NOTE: the contract with the core (src/vault/mod.rs, `VaultCore`): the header is added only if
// absent, so two tabs creating one vault converge on the first header; records are added, never
// overwritten, in transactions with strict durability, and a write is reported done only on the
// transaction's `complete` event.
//
// Several pages (tabs) may write one vault at once. Each record comes with claims (keyed tags
// computed in the core, src/vault/claim.rs: lookup keys, never values): "this surrogate belongs
// to that original", "this original maps to that surrogate", "this is a real value". They live
// in the `claims` store and are written in the SAME readwrite transaction as the records. Such
// transactions over one store never overlap (IndexedDB runs them one after another), so reading
// the claims and then writing ours inside one transaction is atomic: when a stored claim says
// otherwise, another page got there first, and we abort, writing nothing (`addRecords` returns
// false); the caller loads the other pages' records and scrubs again. A BroadcastChannel named
// after the vault id (random, not secret) carries only record ids, so open pages load new
// records promptly and clashes stay rare.

import { conflicts, decodeClaim, encodeClaim, toWrite } from "./claims.js";
import { PhiscrubError } from "../../../js/src/errors.js";

// Version 2 added the claims store.
const DB_VERSION = 2;
const META = "meta";
const RECORDS = "records";
const CLAIMS = "claims";
const HEADER_KEY = "header";
// In `meta` while the records written before the claims store existed have no claims yet.
const BACKFILL_KEY = "claims-backfill";

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
  #channel = null;

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
    req.onupgradeneeded = (ev) => {
      const db = req.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      if (!db.objectStoreNames.contains(RECORDS)) db.createObjectStore(RECORDS);
      if (!db.objectStoreNames.contains(CLAIMS)) {
        db.createObjectStore(CLAIMS);
        // A vault from before claims: its records need claims, which only the key can compute
        // (the upgrade runs before the vault is unlocked). Mark it; the first page to open it
        // with the key adds them (`backfill`).
        if (ev.oldVersion > 0) req.transaction.objectStore(META).put(1, BACKFILL_KEY);
      }
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

  /** Every stored record: `[{ id, bytes }]`. */
  async records() {
    const tx = this.#tx(RECORDS, "readonly");
    const os = tx.objectStore(RECORDS);
    const [ids, bytes] = await Promise.all([
      request(os.getAllKeys(), "read"),
      request(os.getAll(), "read"),
    ]);
    return ids.map((id, i) => ({ id, bytes: bytes[i] }));
  }

  /** The ids of every stored record. */
  async recordIds() {
    return request(this.#tx(RECORDS, "readonly").objectStore(RECORDS).getAllKeys(), "read");
  }

  /** How many records are stored. */
  async count() {
    return request(this.#tx(RECORDS, "readonly").objectStore(RECORDS).count(), "read");
  }

  /** The records with these ids that exist: `[{ id, bytes }]`. */
  async recordsById(ids) {
    const os = this.#tx(RECORDS, "readonly").objectStore(RECORDS);
    const got = await Promise.all(ids.map((id) => request(os.get(id), "read")));
    return ids.map((id, i) => ({ id, bytes: got[i] })).filter((r) => r.bytes !== undefined);
  }

  /** Whether records written before the claims store existed still lack their claims. */
  async needsBackfill() {
    const tx = this.#tx(META, "readonly");
    return (await request(tx.objectStore(META).get(BACKFILL_KEY), "read")) !== undefined;
  }

  /**
   * Adds the claims of records stored before the claims store existed (`[{ id, claims,
   * expires }]`, from the core's `claimsOf`), keeping any claim already there (such a vault may
   * already hold a clash; the first claim wins, nothing is refused), then clears the mark.
   */
  async backfill(items) {
    const tx = this.#tx([CLAIMS, META], "readwrite");
    const committed = done(tx, "write");
    const claims = tx.objectStore(CLAIMS);
    for (const item of items) {
      for (const c of item.claims) {
        if (c.kind === "a") continue;
        const req = claims.add(encodeClaim(c.value, item.id, item.expires), c.key);
        req.onerror = (ev) => {
          if (req.error && req.error.name === "ConstraintError") {
            ev.preventDefault();
            ev.stopPropagation();
          }
        };
      }
    }
    tx.objectStore(META).delete(BACKFILL_KEY);
    await committed;
  }

  /**
   * Adds sealed records (`[{ id, bytes, claims, expires }]`, id = record id hex) and their
   * claims in one transaction. Resolves true once it has committed durably; false, having
   * written nothing, when a claim another page stored conflicts with ours. A stored claim is
   * void (overwritten, never a conflict) once its record expired (`exp` <= `now`) or when its
   * record is in `unreadable` (ids of records that failed to open: tampered or truncated).
   */
  async addRecords(records, { now = Date.now(), unreadable = new Set() } = {}) {
    const tx = this.#tx([RECORDS, CLAIMS], "readwrite");
    let conflict = false;
    let thrown = null;
    const committed = new Promise((resolve, reject) => {
      const failed = () => {
        if (conflict) resolve(false);
        else reject(storageError(thrown ?? tx.error, "write"));
      };
      tx.oncomplete = () => resolve(true);
      tx.onerror = failed;
      tx.onabort = failed;
    });
    const abort = () => {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: nothing was written either way.
      }
    };
    // Every request goes out at once, and the one read a claim needs is made only when it is
    // found to exist (issue 6: a 2 KB message with 40 new pairs made ~200 claim reads, then the
    // writes, at ~50 us a request). For each claim key: a key one of our claims must find
    // absent (`a`) is read first; a key we claim (`x`, `m`) is then `add`ed, which fails, with
    // the transaction kept alive, only when a claim is stored there; then the stored claim is
    // read and judged as before: a live one with another value is a conflict, a void one is
    // overwritten. Requests of one transaction run in the order they were made, so the reads
    // see the store as it was before this transaction, as when every claim was read up front.
    // NOTE: the decision is always made in a request's event, while the transaction is active:
    // it cannot commit before every claim was judged.
    const byKey = new Map();
    for (const r of records) {
      for (const c of r.claims) {
        const k = byKey.get(c.key);
        if (k) k.asked.push({ c, r });
        else byKey.set(c.key, { asked: [{ c, r }] });
      }
    }
    const judge = (key, k, found) => {
      if (k.asked.some(({ c }) => conflicts(c, found, now, unreadable))) {
        conflict = true;
        abort();
        return;
      }
      // As before, when several of our claims share a key, the last one written stays.
      for (let i = k.asked.length - 1; i >= 0; i--) {
        const { c, r } = k.asked[i];
        if (toWrite(c, found, now, unreadable)) {
          tx.objectStore(CLAIMS).put(encodeClaim(c.value, r.id, r.expires), key);
          break;
        }
      }
    };
    const read = (claims, key, k) => {
      const req = claims.get(key);
      req.onsuccess = () => {
        if (conflict || thrown) return;
        try {
          judge(key, k, decodeClaim(req.result));
        } catch (e) {
          thrown = e;
          abort();
        }
      };
    };
    try {
      const claims = tx.objectStore(CLAIMS);
      for (const [key, k] of byKey) {
        if (k.asked.some(({ c }) => c.kind === "a")) read(claims, key, k);
      }
      for (const [key, k] of byKey) {
        if (k.asked.some(({ c }) => c.kind === "a")) continue;
        const last = k.asked[k.asked.length - 1];
        const req = claims.add(encodeClaim(last.c.value, last.r.id, last.r.expires), key);
        req.onerror = (ev) => {
          if (!req.error || req.error.name !== "ConstraintError" || conflict || thrown) return;
          // A claim is stored under this key: keep the transaction, read and judge it.
          ev.preventDefault();
          ev.stopPropagation();
          try {
            read(claims, key, k);
          } catch (e) {
            thrown = e;
            abort();
          }
        };
      }
      const store = tx.objectStore(RECORDS);
      for (const r of records) store.add(r.bytes, r.id);
    } catch (e) {
      // `add` throws at once for some failures (a quota refused up front, a closed connection).
      thrown = e;
      abort();
    }
    return committed;
  }

  /**
   * Calls `onIds(ids)` when another page of this origin announces records it stored in the
   * vault `vaultId` (the header's random id: nothing secret, no PHI).
   */
  listen(vaultId, onIds) {
    if (typeof BroadcastChannel !== "function") return;
    this.#channel?.close();
    this.#channel = new BroadcastChannel(`phiscrub:records:${vaultId}`);
    this.#channel.onmessage = (ev) => {
      const ids = ev.data?.ids;
      if (Array.isArray(ids)) onIds(ids.filter((id) => typeof id === "string"));
    };
  }

  /** Tells the other pages listening on this vault that records `ids` are stored. */
  announce(ids) {
    try {
      this.#channel?.postMessage({ ids });
    } catch {
      // A closed channel: the other pages still find the records when they next check.
    }
  }

  /** Closes the connection and the channel. */
  close() {
    this.#channel?.close();
    this.#channel = null;
    this.#db.close();
  }

  #tx(store, mode) {
    try {
      // NOTE: strict, though "relaxed" cut the commit's time by ~16% (bench/FINDINGS.md,
      // session 4): relaxed fires `complete` once the write is handed to the OS, so a power
      // loss right after could lose records whose surrogates a scrub already released.
      return this.#db.transaction(store, mode, { durability: "strict" });
    } catch (e) {
      // The connection was closed (by `close`, or by another tab's `forget`).
      throw storageError(e, mode === "readonly" ? "read" : "write");
    }
  }
}
