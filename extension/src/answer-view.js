// Shows one chat message restored, as the page writes it, token by token.
//
// The page owns the message's text nodes and keeps writing into them (appending nodes, appending
// to a node, or rewriting a node with its whole text so far, as React does). This view reads
// back, for every text node, the raw text the page meant ("raw", with surrogates), feeds what is
// new to a re-identifying stream in the worker, and writes into each node the restored text of
// the chunks that started in it ("shown"). The stream holds back the tail that could still be the
// start of a surrogate, so a surrogate cut across chunks, or across text nodes, is restored whole;
// when the message stays unchanged for `idleMs` the stream is finished and the held tail is shown.
// When the page rewrites the message in a way that is not a continuation, the view starts over
// with a new stream over the whole text.

/** A piece of the message: the raw offset its chunk started at, and what the stream gave for it. */
// { start: number, out: string }

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/**
 * `raw` without a trailing first half of a surrogate pair: extension messaging carries strings
 * as UTF-8, which cannot hold a lone half, so the half waits for its partner in the next chunk.
 */
function feedable(raw) {
  const last = raw.charCodeAt(raw.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? raw.slice(0, -1) : raw;
}

/** The restored view of one message element. */
export class AnswerView {
  #el;
  #client;
  #belongs;
  #idleMs;
  #nodes = new Map(); // Text -> { raw, shown }
  #id = null;
  #gen = -1;
  #fed = "";
  #pieces = [];
  #finished = true;
  #busy = false;
  #dirty = false;
  #wantFinish = false;
  #timer = 0;

  /**
   * @param {Element} el the message element
   * @param {import("./stream-client.js").StreamClient} client
   * @param {(t: Text) => boolean} belongs whether a text node under `el` is this message's
   * @param {number} idleMs
   */
  constructor(el, client, belongs, idleMs) {
    this.#el = el;
    this.#client = client;
    this.#belongs = belongs;
    this.#idleMs = idleMs;
  }

  /** Something under the element changed: catch up (coalescing calls made while busy). */
  async update() {
    if (this.#busy) {
      this.#dirty = true;
      return;
    }
    this.#busy = true;
    try {
      do {
        this.#dirty = false;
        await this.#step();
      } while (this.#dirty);
    } catch {
      // The worker went away or refused: the page's own text (surrogates) stays shown, and the
      // next change starts over with a new stream.
      this.#forgetStream();
    } finally {
      this.#busy = false;
    }
  }

  /** Stops the stream and the timer; the page's nodes stay as they are. */
  dispose() {
    clearTimeout(this.#timer);
    if (this.#id !== null && !this.#finished) this.#client.close(this.#id);
    this.#forgetStream();
  }

  #forgetStream() {
    this.#id = null;
    this.#finished = true;
    this.#fed = "";
    this.#pieces = [];
  }

  #textNodes() {
    const out = [];
    const walk = this.#el.ownerDocument.createTreeWalker(this.#el, SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) if (this.#belongs(n)) out.push(n);
    return out;
  }

  /** The raw text the page meant for node `n`, now showing `data`. */
  #rawOf(n, data) {
    const rec = this.#nodes.get(n);
    if (!rec) return data;
    if (data === rec.shown) return rec.raw;
    // The page rewrote the node with its whole text so far (which starts with what it wrote
    // before), or appended to what we show.
    if (data.startsWith(rec.raw)) return data;
    if (data.startsWith(rec.shown)) return rec.raw + data.slice(rec.shown.length);
    return data;
  }

  async #step() {
    if (this.#gen !== this.#client.generation) {
      // The worker lost its streams (it was stopped); ours is gone too.
      this.#gen = this.#client.generation;
      this.#forgetStream();
    }
    const read = this.#textNodes().map((n) => {
      const data = n.data;
      return { n, data, raw: this.#rawOf(n, data) };
    });
    const raw = read.map((x) => x.raw).join("");

    if (!this.#finished && raw.startsWith(this.#fed)) {
      const delta = feedable(raw).slice(this.#fed.length);
      if (delta !== "") {
        const start = this.#fed.length;
        this.#fed += delta;
        this.#pieces.push({ start, out: await this.#client.push(this.#id, delta) });
      }
    } else if (!(this.#finished && feedable(raw) === this.#fed)) {
      // Not a continuation: start over, one piece per node so each node keeps its own text.
      if (this.#id !== null && !this.#finished) this.#client.close(this.#id);
      this.#forgetStream();
      if (raw === "") return;
      this.#id = this.#client.open();
      this.#finished = false;
      let upTo = "";
      for (const x of read) {
        upTo += x.raw;
        const delta = feedable(upTo).slice(this.#fed.length);
        if (delta === "") continue;
        const start = this.#fed.length;
        this.#fed += delta;
        this.#pieces.push({ start, out: await this.#client.push(this.#id, delta) });
      }
    }

    if (this.#wantFinish && !this.#finished && feedable(raw) === this.#fed) {
      this.#wantFinish = false;
      const id = this.#id;
      this.#finished = true;
      this.#pieces.push({ start: this.#fed.length, out: await this.#client.finish(id) });
    }

    this.#write(read);
    clearTimeout(this.#timer);
    if (!this.#finished) {
      this.#timer = setTimeout(() => {
        this.#wantFinish = true;
        this.update();
      }, this.#idleMs);
    }
  }

  /** Writes each node's share of the restored text, unless the page changed it meanwhile. */
  #write(read) {
    const nodes = new Map();
    let at = 0;
    read.forEach((x, i) => {
      const from = at;
      at += x.raw.length;
      const last = i === read.length - 1;
      const shown = this.#pieces
        .filter((p) => p.start >= from && (p.start < at || (last && p.start >= at)))
        .map((p) => p.out)
        .join("");
      if (x.n.data !== x.data) {
        // Changed while we waited for the worker: keep what the page wrote, catch up next step.
        nodes.set(x.n, { raw: x.raw, shown: x.data });
        this.#dirty = true;
        return;
      }
      if (x.n.data !== shown) x.n.data = shown;
      nodes.set(x.n, { raw: x.raw, shown });
    });
    this.#nodes = nodes;
  }
}
