// The test page: exposes the library, and helpers that read IndexedDB directly, to the tests.
import * as phiscrub from "/js/src/index.js";

/**
 * The records of a pack value (js/src/vault-idb.js, `packs` store: `{ ids, recs }` under its
 * first id) as `[{ id, bytes }]`, or null when the value is anything else (so a check over the
 * dump fails rather than skipping what it cannot read).
 */
function unpack(key, v) {
  const ok =
    v !== null &&
    typeof v === "object" &&
    Object.keys(v).sort().join() === "ids,recs" &&
    Array.isArray(v.ids) &&
    Array.isArray(v.recs) &&
    v.ids.length > 0 &&
    v.ids.length === v.recs.length &&
    v.ids[0] === key &&
    v.ids.every((id) => typeof id === "string") &&
    v.recs.every((b) => b instanceof Uint8Array);
  return ok ? v.ids.map((id, i) => ({ id, bytes: v.recs[i] })) : null;
}

/**
 * Every database, object store, key and value of this origin's IndexedDB; a pack is listed as
 * its records, one entry each, keyed by record id.
 */
async function dumpIndexedDb() {
  const out = [];
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const store of db.objectStoreNames) {
      const tx = db.transaction(store, "readonly");
      const os = tx.objectStore(store);
      const [keys, values] = await Promise.all(
        [os.getAllKeys(), os.getAll()].map(
          (req) => new Promise((resolve) => (req.onsuccess = () => resolve(req.result))),
        ),
      );
      keys.forEach((key, i) => {
        const v = values[i];
        const recs = store === "packs" ? unpack(key, v) : null;
        if (recs) {
          for (const r of recs) out.push({ db: name, store, key: r.id, bytes: Array.from(r.bytes), json: null });
          return;
        }
        const bytes = v instanceof Uint8Array ? Array.from(v) : null;
        out.push({ db: name, store, key: String(key), bytes, json: bytes ? null : JSON.stringify(v) });
      });
    }
    db.close();
  }
  return out;
}

/**
 * Rewrites the stored records of `dbName` (in `records` and inside packs), in id order, with
 * `edit(id, bytes, edited so far) -> bytes | undefined`; returns the ids edited.
 */
async function editRecords(dbName, edit) {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const hasPacks = db.objectStoreNames.contains("packs");
  const tx = db.transaction(hasPacks ? ["records", "packs"] : ["records"], "readwrite");
  const get = (req) => new Promise((resolve) => (req.onsuccess = (e) => resolve(e.target.result)));
  const os = tx.objectStore("records");
  const all = [];
  const keys = await get(os.getAllKeys());
  const values = await get(os.getAll());
  keys.forEach((key, i) => all.push({ id: key, bytes: values[i], write: (b) => os.put(b, key) }));
  if (hasPacks) {
    const ps = tx.objectStore("packs");
    const pkeys = await get(ps.getAllKeys());
    const packs = await get(ps.getAll());
    pkeys.forEach((pk, i) => {
      const pack = packs[i];
      pack.ids.forEach((id, j) =>
        all.push({
          id,
          bytes: pack.recs[j],
          write: (b) => {
            pack.recs[j] = b;
            ps.put(pack, pk);
          },
        }),
      );
    });
  }
  all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edited = [];
  for (const r of all) {
    const next = edit(r.id, r.bytes, edited.length);
    if (next) {
      r.write(next);
      edited.push(r.id);
    }
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
  db.close();
  return edited;
}

window.phiscrub = phiscrub;
window.testing = { dumpIndexedDb, editRecords };
window.pageReady = true;
