// A vault kept in this page's (or Node process's) memory instead of IndexedDB, with the same
// methods as IdbVault (js/src/vault-idb.js). It holds what IndexedDB would: the plain header and
// the sealed records, never a plaintext pair; the pairs themselves live in the wasm core. It is
// gone with the page. Used when the app asks for it (`storage: "memory"`, the Node entry's
// default) or opts into it as a fallback when IndexedDB is unavailable (`fallback: "memory"`).

import { conflicts, toWrite } from "./claims.js";

/** Vault name -> { header, records: Map(id -> bytes), claims: Map(tag -> claim) }, for this page. */
const vaults = new Map();

/** One memory vault, open. */
export class MemoryVault {
  #data;

  constructor(data) {
    this.#data = data;
  }

  /** Opens (creating if needed) the memory vault `vault`. */
  static async open(vault) {
    let data = vaults.get(vault);
    if (!data) {
      data = { header: undefined, records: new Map(), claims: new Map() };
      vaults.set(vault, data);
    }
    return new MemoryVault(data);
  }

  /** Deletes the memory vault `vault`: every record and the header. */
  static async destroy(vault) {
    const data = vaults.get(vault);
    if (data) {
      data.records.clear();
      data.claims.clear();
      data.header = undefined;
    }
    vaults.delete(vault);
  }

  /** The stored header, or undefined for a new vault. */
  async header() {
    return this.#data.header;
  }

  /** Adds `header` unless one is there; returns the header in place afterwards. */
  async addHeader(header) {
    this.#data.header ??= new Uint8Array(header);
    return this.#data.header;
  }

  /** Every stored record: `[{ id, bytes }]`. */
  async records() {
    return [...this.#data.records].map(([id, bytes]) => ({ id, bytes }));
  }

  /** The ids of every stored record. */
  async recordIds() {
    return [...this.#data.records.keys()];
  }

  /** How many records are stored. */
  async count() {
    return this.#data.records.size;
  }

  /** The records with these ids that exist: `[{ id, bytes }]`. */
  async recordsById(ids) {
    return ids.filter((id) => this.#data.records.has(id)).map((id) => ({ id, bytes: this.#data.records.get(id) }));
  }

  /** Never: a memory vault is born with the claims store. */
  async needsBackfill() {
    return false;
  }

  /**
   * Adds sealed records (`[{ id, bytes, claims, expires }]`) and their claims, as IdbVault's
   * `addRecords` does: true once stored, false (nothing stored) when a claim of another
   * scrubber of this page on the same vault conflicts. Synchronous inside, so atomic.
   */
  async addRecords(records, { now = Date.now(), unreadable = new Set() } = {}) {
    const { claims } = this.#data;
    const asked = records.flatMap((r) => (r.claims ?? []).map((c) => ({ c, r })));
    if (asked.some(({ c }) => conflicts(c, claims.get(c.key), now, unreadable))) return false;
    for (const { c, r } of asked) {
      if (toWrite(c, claims.get(c.key), now, unreadable)) {
        claims.set(c.key, { v: c.value, rec: r.id, exp: r.expires ?? null });
      }
    }
    for (const r of records) {
      if (!this.#data.records.has(r.id)) this.#data.records.set(r.id, new Uint8Array(r.bytes));
    }
    return true;
  }

  /** Nothing to release: the data stays for the next open of this vault in this page. */
  close() {}
}
