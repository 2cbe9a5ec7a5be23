// The one error type of the JS layer. `code` is stable (callers switch on it) and is the same
// code the Rust core gives (`Error::code()` in src/error.rs); the message never holds caller
// text, keys or vault contents.

/**
 * An error with a stable `code`: "wrong_key", "tampered", "quota_exceeded", ... Codes of the JS
 * layer besides the core's: "dictionary_unavailable" (the dictionary file could not be fetched;
 * the core also gives it when asked to detect before the file is loaded), "leak_blocked",
 * "unsupported_body", "already_started", "no_passphrase", "claim_conflict" (other pages writing the
 * same vault kept taking this scrub's surrogates).
 */
export class PhiscrubError extends Error {
  /**
   * @param {string} code a stable machine-readable code
   * @param {string} message a description naming no caller text
   */
  constructor(code, message) {
    super(message);
    this.name = "PhiscrubError";
    this.code = code;
  }
}

/**
 * Runs `fn`, turning an error the wasm core threw (a plain Error with a `code`) into a
 * PhiscrubError, so callers can use `instanceof` as well as `code`.
 */
export function fromCore(fn) {
  try {
    return fn();
  } catch (e) {
    if (e && typeof e.code === "string" && !(e instanceof PhiscrubError)) {
      throw new PhiscrubError(e.code, e.message);
    }
    throw e;
  }
}
