// phiscrub for Node tools (scripts, batch jobs, tests): the same API as the browser entry, with
// the wasm read from disk and compiled synchronously at import (the dictionary file beside it read
// and loaded by the first `open`), and vaults kept in memory by
// default, since Node has no IndexedDB. Use `{ ephemeral: true }`, or a raw or passphrase key
// with a vault name: reopening that name with the same key in the same process restores its
// pairs; nothing is written to disk. Types: node.d.ts beside this file.

import { readFileSync } from "node:fs";
import { initSync } from "../../pkg/phiscrub.js";
import { Scrubber as BrowserScrubber, PhiscrubError, policyVersion } from "./index.js";

initSync({ module: readFileSync(new URL("../../pkg/phiscrub_bg.wasm", import.meta.url)) });

let dictionaryFile;

/** The dictionary file beside the wasm, read once; `dictionary_unavailable` if it cannot be. */
function dictionaries() {
  try {
    dictionaryFile ??= readFileSync(new URL("../../pkg/phiscrub-dict.bin", import.meta.url));
  } catch {
    throw new PhiscrubError("dictionary_unavailable", "the dictionary file could not be read");
  }
  return dictionaryFile;
}

export { PhiscrubError, policyVersion };

/** The browser entry's Scrubber, with `storage: "memory"` as the default. */
export class Scrubber extends BrowserScrubber {
  /**
   * Opens a vault as the browser entry does (see index.d.ts); `storage` defaults to "memory".
   * @param {object} [options]
   */
  static async open(options = {}) {
    return super.open({ storage: "memory", ...options, dictionaries: options.dictionaries ?? dictionaries() });
  }

  /**
   * Loads the dictionary file (from disk, beside the wasm, unless `dictionaries` is given); the
   * wasm itself was compiled at import.
   * @param {object} [options]
   */
  static async preload(options = {}) {
    return super.preload({ ...options, dictionaries: options.dictionaries ?? dictionaries() });
  }
}
