// The content script's side of the stream port: numbered streams, each push answered in order
// by the worker with the text to show. When the worker goes away (MV3 stops idle workers), every
// pending call fails and `generation` moves on, so callers know their streams are gone.

import { STREAM_PORT, Stream, parseStream } from "./messages.js";

/** A typed error with a stable code and no text. */
function failure(code) {
  return Object.assign(new Error(`stream failed: ${code}`), { code });
}

/** Streams of re-identified text over one port to the worker, reconnecting when it drops. */
export class StreamClient {
  #port = null;
  #nextId = 1;
  #seq = new Map();
  #pending = new Map();

  /** Bumped whenever the port (and with it every stream in the worker) is lost. */
  generation = 0;

  #connect() {
    if (this.#port) return this.#port;
    const port = chrome.runtime.connect({ name: STREAM_PORT });
    port.onMessage.addListener((message) => {
      const m = parseStream(message);
      if (!m || (m.type !== Stream.OUT && m.type !== Stream.ERROR)) return;
      const key = `${m.id}:${m.seq}`;
      const waiter = this.#pending.get(key);
      if (!waiter) return;
      this.#pending.delete(key);
      if (m.type === Stream.OUT) waiter.resolve(m.text);
      else waiter.reject(failure(m.code));
    });
    port.onDisconnect.addListener(() => {
      if (this.#port === port) this.#port = null;
      this.generation += 1;
      this.#seq.clear();
      for (const w of this.#pending.values()) w.reject(failure("disconnected"));
      this.#pending.clear();
    });
    this.#port = port;
    return port;
  }

  #call(message) {
    const port = this.#connect();
    return new Promise((resolve, reject) => {
      this.#pending.set(`${message.id}:${message.seq}`, { resolve, reject });
      try {
        port.postMessage(message);
      } catch {
        this.#pending.delete(`${message.id}:${message.seq}`);
        reject(failure("disconnected"));
      }
    });
  }

  #next(id) {
    const seq = this.#seq.get(id) ?? 0;
    this.#seq.set(id, seq + 1);
    return seq;
  }

  /** Starts a stream in the worker; returns its id. */
  open() {
    const id = this.#nextId++;
    this.#connect().postMessage({ type: Stream.OPEN, id });
    return id;
  }

  /** Sends the next raw chunk; resolves with the text to show for it. */
  push(id, chunk) {
    return this.#call({ type: Stream.PUSH, id, seq: this.#next(id), chunk });
  }

  /** Ends the stream; resolves with the text that was held back. */
  finish(id) {
    const p = this.#call({ type: Stream.FINISH, id, seq: this.#next(id) });
    this.#seq.delete(id);
    return p;
  }

  /** Drops the stream without waiting for anything. */
  close(id) {
    this.#seq.delete(id);
    try {
      this.#port?.postMessage({ type: Stream.CLOSE, id });
    } catch {
      // Already gone with the port.
    }
  }

  /** Closes the port (the worker drops every stream of it). */
  disconnect() {
    this.#port?.disconnect();
    this.#port = null;
  }
}
