// The one typed union of messages between the extension's parts. Every message has a `type`;
// every receiver checks it with `parse*` before reading a field, so a malformed or unexpected
// message is dropped, never half-read.
//
// NOTE: text crosses only through chrome.runtime messaging (sendMessage and the `STREAM_PORT`
// port), which the page cannot see or forge; nothing here uses window.postMessage.

/** The longest text one message may carry (UTF-16 units); longer is refused, not cut. */
export const MAX_TEXT = 200_000;

/** The name of the port a content script opens for streamed answers. */
export const STREAM_PORT = "phiscrub/stream";

/** Content script -> worker, one-shot (`chrome.runtime.sendMessage`). */
export const Req = Object.freeze({
  /** `{ type, text }` -> `{ ok: true, text, count }`: scrub an outgoing message. */
  SCRUB: "phiscrub/scrub",
  /** `{ type }` -> `{ ok: true, site }`: this tab's site settings (`site: null` when off). */
  SITE: "phiscrub/site",
  /** Extension page -> worker `{ type }` -> `{ ok: true }`: destroy the vault and key. */
  FORGET: "phiscrub/forget",
});

/** Over the `STREAM_PORT` port, both ways. */
export const Stream = Object.freeze({
  /** `{ type, id }`: start stream `id` (a positive integer chosen by the content script). */
  OPEN: "stream/open",
  /** `{ type, id, seq, chunk }`: the next raw chunk of stream `id`. */
  PUSH: "stream/push",
  /** `{ type, id, seq }`: no more chunks; the reply carries what was held back. */
  FINISH: "stream/finish",
  /** `{ type, id }`: drop stream `id` without a reply. */
  CLOSE: "stream/close",
  /** Worker -> content `{ type, id, seq, text }`: what to show for chunk `seq`. */
  OUT: "stream/out",
  /** Worker -> content `{ type, id, seq, code }`: the stream failed. */
  ERROR: "stream/error",
});

/** Worker or popup -> content script (`chrome.tabs.sendMessage`). */
export const Tab = Object.freeze({
  /** `{ type }`: the site was switched off; stop wrapping. */
  DETACH: "phiscrub/detach",
});

const isText = (t) => typeof t === "string" && t.length <= MAX_TEXT;
const isId = (n) => Number.isSafeInteger(n) && n > 0;
const isSeq = (n) => Number.isSafeInteger(n) && n >= 0;

/**
 * Checks a one-shot request; returns it narrowed to its fields, or null when it is not one.
 * @param {unknown} m
 */
export function parseRequest(m) {
  if (!m || typeof m !== "object") return null;
  switch (m.type) {
    case Req.SCRUB:
      return isText(m.text) ? { type: m.type, text: m.text } : null;
    case Req.SITE:
    case Req.FORGET:
      return { type: m.type };
    default:
      return null;
  }
}

/**
 * Checks a message arriving on the stream port (either direction); null when it is not one.
 * @param {unknown} m
 */
export function parseStream(m) {
  if (!m || typeof m !== "object" || !isId(m.id)) return null;
  switch (m.type) {
    case Stream.OPEN:
    case Stream.CLOSE:
      return { type: m.type, id: m.id };
    case Stream.PUSH:
      return isSeq(m.seq) && isText(m.chunk) ? { type: m.type, id: m.id, seq: m.seq, chunk: m.chunk } : null;
    case Stream.FINISH:
      return isSeq(m.seq) ? { type: m.type, id: m.id, seq: m.seq } : null;
    case Stream.OUT:
      return isSeq(m.seq) && typeof m.text === "string" ? { type: m.type, id: m.id, seq: m.seq, text: m.text } : null;
    case Stream.ERROR:
      return isSeq(m.seq) && typeof m.code === "string" ? { type: m.type, id: m.id, seq: m.seq, code: m.code } : null;
    default:
      return null;
  }
}
