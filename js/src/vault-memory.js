// A vault kept in this page's (or Node process's) memory instead of IndexedDB, with the same
// methods as IdbVault (js/src/vault-idb.js). It holds what IndexedDB would: the plain header and
// the sealed records, never a plaintext pair; the pairs themselves live in the wasm core. It is
// gone with the page. Used when the app asks for it (`storage: "memory"`, the Node entry's
// default) or opts into it as a fallback when IndexedDB is unavailable (`fallback: "memory"`).

/** Vault name -> { header, records: Map(id -> bytes) }, for this page. */
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
      data = { header: undefined, records: new Map() };
      vaults.set(vault, data);
    }
    return new MemoryVault(data);
  }

  /** Deletes the memory vault `vault`: every record and the header. */
  static async destroy(vault) {
    const data = vaults.get(vault);
    if (data) {
      data.records.clear();
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

  /** Every stored record's bytes. */
  async records() {
    return [...this.#data.records.values()];
  }

  /** Adds sealed records (`[{ id, bytes }]`); ids are random, a repeated one keeps its first record. */
  async addRecords(records) {
    for (const r of records) {
      if (!this.#data.records.has(r.id)) this.#data.records.set(r.id, new Uint8Array(r.bytes));
    }
  }

  /** Nothing to release: the data stays for the next open of this vault in this page. */
  close() {}
}
