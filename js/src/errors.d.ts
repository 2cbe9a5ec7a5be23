// Types of js/src/errors.js.
export { PhiscrubError, ErrorCode } from "./index.js";

/** Runs `fn`, turning an error the wasm core threw into a PhiscrubError. */
export function fromCore<T>(fn: () => T): T;
