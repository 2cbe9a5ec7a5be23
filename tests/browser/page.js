// The test page: exposes the library, and helpers that read IndexedDB directly, to the tests.
import * as phiscrub from "/js/src/index.js";

/** Every database, object store, key and value of this origin's IndexedDB. */
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
        const bytes = v instanceof Uint8Array ? Array.from(v) : null;
        out.push({ db: name, store, key: String(key), bytes, json: bytes ? null : JSON.stringify(v) });
      });
    }
    db.close();
  }
  return out;
}

/** Rewrites the stored records of `dbName` with `edit(key, bytes) -> bytes | undefined`. */
async function editRecords(dbName, edit) {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction("records", "readwrite");
  const os = tx.objectStore("records");
  const keys = await new Promise((resolve) => (os.getAllKeys().onsuccess = (e) => resolve(e.target.result)));
  const edited = [];
  for (const key of keys.sort()) {
    const bytes = await new Promise((resolve) => (os.get(key).onsuccess = (e) => resolve(e.target.result)));
    const next = edit(key, bytes, edited.length);
    if (next) {
      os.put(next, key);
      edited.push(key);
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
