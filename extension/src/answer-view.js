// Shows one chat message restored, as the page writes it, token by token.
//
// The page owns the message's text nodes and keeps writing into them (appending nodes, appending
// to a node, or rewriting a node with its whole text so far, as React does). This view reads
// back, for every text node, the raw text the page meant ("raw", with surrogates), feeds what is
// new to a re-identifying stream in the worker, and writes into each node the restored text of
// the chunks that started in it ("shown"). The stream holds back the tail that could still be the
// start of a surrogate, so a surrogate cut across chunks, or across text nodes, is restored whole;
// when the message stays unchanged for `idleMs` the stream is finished and the held tail is shown.
// The first text a message shows is taken as whole and finished at once. When the page rewrites
// the message in a way that is not a continuation, the view starts over with a new stream.
//
// NOTE: `capture()` runs synchronously in the MutationObserver callback, before the next paint:
// it records the page's new raw text and puts back what is shown so far, so a surrogate is never
// painted while the worker's answer is on its way. If the worker fails, the raw text is put back.

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
  #nodes = new Map(); // Text -> { raw, shown }, in document order
  #id = null;
  #gen = -1;
  #fed = "";
  #pieces = []; // { start: raw offset of the chunk, out: what the stream gave for it }
  #finished = true;
  #busy = false;
  #dirty = false;
  #wantFinish = false;
  #hadText = false;
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

  /** Something under the element changed: hide the new raw text, then catch up. */
  async update() {
    this.#capture();
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
      // The worker went away or refused: show the page's own text (surrogates, never a wrong
      // value); the next change starts over with a new stream.
      this.#showRaw();
      this.#forgetStream();
    } finally {
      this.#busy = false;
    }
  }

  /** Stops the stream and the timer, and gives the page back its own text. */
  dispose() {
    clearTimeout(this.#timer);
    if (this.#id !== null && !this.#finished) this.#client.close(this.#id);
    this.#showRaw();
    this.#forgetStream();
  }

  #forgetStream() {
    this.#id = null;
    this.#finished = true;
    this.#fed = "";
    this.#pieces = [];
  }

  #showRaw() {
    for (const [n, rec] of this.#nodes) {
      if (n.data !== rec.raw) n.data = rec.raw;
      rec.shown = rec.raw;
    }
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

  /** Records the page's raw text of every node and shows only what is restored already. */
  #capture() {
    const next = new Map();
    for (const n of this.#textNodes()) {
      const data = n.data;
      const raw = this.#rawOf(n, data);
      const shown = this.#nodes.get(n)?.shown ?? "";
      next.set(n, { raw, shown });
      if (data !== shown) n.data = shown;
    }
    this.#nodes = next;
  }

  async #step() {
    this.#capture();
    if (this.#gen !== this.#client.generation) {
      // The worker lost its streams (it was stopped); ours is gone too.
      this.#gen = this.#client.generation;
      this.#forgetStream();
    }
    const read = [...this.#nodes].map(([n, rec]) => ({ n, raw: rec.raw }));
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
      // The first text a message shows is most often the whole of it (an answer inserted in one
      // piece, a conversation reloaded): restore it at once rather than after the idle wait. If it
      // grows later, it is streamed from then on.
      if (!this.#hadText) this.#wantFinish = true;
      this.#hadText = true;
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

  /** Writes each node's share of the restored text, unless the page wrote more meanwhile. */
  #write(read) {
    let at = 0;
    read.forEach((x, i) => {
      const from = at;
      at += x.raw.length;
      const last = i === read.length - 1;
      const rec = this.#nodes.get(x.n);
      if (!rec) return; // removed by the page meanwhile
      if (rec.raw !== x.raw || x.n.data !== rec.shown) {
        // The page wrote more while we waited for the worker: the next step shows it.
        this.#dirty = true;
        return;
      }
      const shown = this.#pieces
        .filter((p) => p.start >= from && (p.start < at || (last && p.start >= at)))
        .map((p) => p.out)
        .join("");
      if (x.n.data !== shown) x.n.data = shown;
      rec.shown = shown;
    });
  }
}
