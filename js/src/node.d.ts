// Types of the Node entry (js/src/node.js): the same API as the browser entry. Node has no
// IndexedDB, so `storage` defaults to "memory" there: use `{ ephemeral: true }`, or a raw or
// passphrase key with a vault name that lives as long as the process; nothing goes to disk.
export * from "./index.js";
