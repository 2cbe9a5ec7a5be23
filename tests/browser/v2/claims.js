// FROZEN: js/src/claims.js as the version-2 store (tests/browser/v2/vault-idb.js) imports it.
// The rule both vault stores (js/src/vault-idb.js, js/src/vault-memory.js) apply to a record's
// claims (src/vault/claim.rs): keyed tags only, never a value. Kept in one place so a memory
// vault shared by two scrubbers of one page refuses exactly what IndexedDB refuses.

/**
 * Whether the stored claim `e` (`{ v, rec, exp }`, or undefined) still counts: its record has
 * not expired at `now` and is not one that failed to open (`unreadable`: ids of tampered or
 * truncated records, whose pairs no page can load, so their claims must not block anyone).
 */
export function live(e, now, unreadable) {
  return e !== undefined && (e.exp === null || e.exp === undefined || e.exp > now) && !unreadable.has(e.rec);
}

/**
 * Whether our claim `c` (`{ key, value, kind }`) conflicts with the stored claim `e`: `x`
 * (exclusive) when it maps the key to another value, `a` (must be absent) when there is one at
 * all; `m` (mark) never.
 */
export function conflicts(c, e, now, unreadable) {
  if (!live(e, now, unreadable)) return false;
  return c.kind === "a" || (c.kind === "x" && e.v !== c.value);
}

/** Whether our claim `c` is to be written over the stored `e` (a live equal claim is kept). */
export function toWrite(c, e, now, unreadable) {
  return c.kind !== "a" && !live(e, now, unreadable);
}

// Table-driven hex: a 2 KB message may bring ~160 claims to encode and, before, as many to
// decode; `toString(16)` / `parseInt` per byte cost ~0.2 and ~0.75 ms for them (issue 6).
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

const hexOf = (bytes) => {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]];
  return s;
};

/** The value of the hex digit with char code `c` (the core writes lower case; upper is read too). */
const nibble = (c) => (c <= 57 ? c - 48 : (c | 32) - 87);

function bytesOf(hex, out, at) {
  for (let i = 0; i < 16; i++) {
    out[at + i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  }
}

/**
 * A stored claim as IndexedDB keeps it: bytes, like every other value of the vault (40: the
 * value tag, the record id, the expiry as a float64, NaN for none).
 */
export function encodeClaim(value, rec, exp) {
  const out = new Uint8Array(40);
  bytesOf(value, out, 0);
  bytesOf(rec, out, 16);
  new DataView(out.buffer).setFloat64(32, exp ?? Number.NaN);
  return out;
}

/** The stored claim `{ v, rec, exp }` of `bytes`, or undefined for none (or a malformed one). */
export function decodeClaim(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 40) return undefined;
  const exp = new DataView(bytes.buffer, bytes.byteOffset).getFloat64(32);
  return { v: hexOf(bytes.subarray(0, 16)), rec: hexOf(bytes.subarray(16, 32)), exp: Number.isNaN(exp) ? null : exp };
}
