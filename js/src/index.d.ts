// Types of the public API of phiscrub (js/src/index.js, the browser and bundler entry).
// Hand-written: the wasm-bindgen output (pkg/phiscrub.d.ts) types the internal `Core`, not this.

/** A Safe Harbor identifier kind. */
export type Label =
  | "NAME" | "ADDRESS" | "CITY" | "COUNTY" | "ZIP" | "LOCATION_OTHER" | "DATE" | "AGE"
  | "PHONE" | "FAX" | "EMAIL" | "SSN" | "MRN" | "HEALTH_PLAN" | "ACCOUNT" | "LICENSE"
  | "VEHICLE" | "DEVICE" | "URL" | "IP" | "ID_OTHER";

/** What to do with one label: a realistic surrogate (default), `[LABEL]`, or leave it. */
export type LabelAction = "surrogate" | "redact" | "keep";

/** The policy of a scrubber; its settings name its `policyVersion`. */
export interface Policy {
  /** Write ages over 89 as surrogate ages instead of `90+`. Default false. */
  ageSurrogates?: boolean;
  /** The action per label; labels not listed get "surrogate". */
  labels?: Partial<Record<Label, LabelAction>>;
  /** The action for clinicians' names (after `Dr.`, a role, a signature, or before a credential). Default: as NAME. */
  clinicians?: LabelAction;
  /** Pairs stored from now on expire this many milliseconds after their scrub. */
  ttlMs?: number;
}

/** Where the vault key comes from. */
export type KeySource =
  /** A 32-byte key from the host app (say, fetched from its backend after login). Not modified. */
  | { raw: Uint8Array }
  /** A passphrase, stretched with PBKDF2-HMAC-SHA256 (600,000 iterations). */
  | { passphrase: string }
  /** A random key in memory: the vault is gone with the page (or process). */
  | { ephemeral: true };

/** One audit event. It never holds text, spans, values or keys. */
export interface AuditEvent {
  action:
    | "open" | "scrub" | "detect" | "rehydrate" | "check" | "addKnown" | "forget" | "close"
    | "storage_fallback";
  /** How many identifiers of each label the action touched (empty for open, rehydrate, ...). */
  counts: Partial<Record<Label, number>>;
  /** The vault name; null for an ephemeral key. */
  vault: string | null;
  /** A short stable name of the policy's settings (`p1-` and 8 hex digits). */
  policyVersion: string;
  /** When, as an ISO 8601 UTC time. */
  time: string;
}

export interface OpenOptions {
  /** The vault name (one IndexedDB database `phiscrub:<name>`). Required unless ephemeral. */
  vault?: string;
  key: KeySource;
  policy?: Policy;
  /**
   * "indexeddb" (the browser entry's default) or "memory": sealed records kept in this page or
   * process only (the Node entry's default: Node has no IndexedDB).
   */
  storage?: "indexeddb" | "memory";
  /**
   * "memory": when IndexedDB is unavailable, open a memory vault (and emit a
   * `storage_fallback` audit event) instead of throwing `storage_unavailable`.
   */
  fallback?: "memory";
  /** A listener added before opening: it also sees the `storage_fallback` and `open` events. */
  onAudit?: (event: AuditEvent) => void;
  /**
   * The dictionary file (name and place lists, which the wasm does not embed): its URL, or its
   * bytes. Default: `phiscrub-dict.bin` beside the wasm. Used by the page's first load only.
   */
  dictionaries?: DictionarySource;
}

/** Where the dictionary file comes from: a URL to fetch, or the file's bytes. */
export type DictionarySource = string | URL | Uint8Array | ArrayBuffer;

/** Where `Scrubber.preload` loads the module's two files from. */
export interface PreloadOptions {
  /** The wasm file's URL. Default: `phiscrub_bg.wasm` beside pkg/phiscrub.js. */
  wasm?: string | URL;
  /** The dictionary file's URL or bytes. Default: `phiscrub-dict.bin` beside the wasm. */
  dictionaries?: DictionarySource;
}

/** An identifier found in a text; offsets in UTF-16 code units (JS string indices). */
export interface Span {
  label: Label;
  start: number;
  end: number;
}

/** A detected identifier, with the detector's confidence in it (0..1). */
export interface Finding extends Span {
  confidence: number;
}

export interface ScrubResult {
  /** The text to send: every identifier replaced. */
  text: string;
  /** Where the surrogates are in `text` (offsets into the scrubbed text). */
  entities: Span[];
}

/** The identifiers of the current patient, each optional, in any usual format. */
export interface Known {
  /** `Dan Smith` or `Smith, Dan J`. */
  name?: string;
  /** `1961-03-14`, `03/14/1961`, ... */
  birthDate?: string;
  mrn?: string;
  /** A US phone number (10 digits, any separators). */
  phone?: string;
  email?: string;
  /** The street line: `4821 N Oak Ridge Dr Apt 4B`. */
  address?: string;
  /** Relatives' and household members' names. */
  relatives?: string[];
}

/** A streaming re-identifier: for any split of an answer, the outputs concatenated equal `rehydrate`. */
export interface RehydrateStream {
  /** Takes the next chunk; returns the text that can be shown now. */
  push(chunk: string): string;
  /** Ends the stream; returns whatever was held back, restored. */
  finish(): string;
}

/** What opening read from the store: counts and codes, never contents. */
export interface LoadReport {
  loaded: number;
  expired: number;
  errors: { code: string; id: string | null }[];
}

/** Detection, surrogates and the encrypted vault of one page. */
export class Scrubber {
  private constructor();
  /** Opens (creating on first use) a vault. Throws PhiscrubError: wrong_key, storage_unavailable, ... */
  static open(options: OpenOptions): Promise<Scrubber>;
  /**
   * Fetches and compiles the wasm and fetches the dictionary file, in parallel, once per page
   * (`open` does it too). Throws PhiscrubError: dictionary_unavailable, dictionary_corrupt.
   */
  static preload(options?: PreloadOptions): Promise<void>;
  readonly loadReport: LoadReport;
  /** Where the vault lives: "none" for an ephemeral key. */
  readonly storage: "indexeddb" | "memory" | "none";
  readonly policyVersion: string;
  /**
   * Scrubs `text`; its new pairs are stored before it resolves (fail closed). Pages writing
   * one vault at once never give one surrogate to two originals nor two surrogates to one
   * original; `claim_conflict` if other pages kept refusing this scrub's pairs.
   */
  scrub(text: string): Promise<ScrubResult>;
  /** The identifiers in `text`, offsets into it. */
  detect(text: string): Finding[];
  /** `text` with every surrogate this vault issued (in any page) replaced by its original. */
  rehydrate(text: string): Promise<string>;
  /** Loads what other pages writing this vault stored; `rehydrateStream` and `check` use only what this page holds. */
  sync(): Promise<void>;
  /** A streaming re-identifier over the pairs this page holds when it is made. */
  rehydrateStream(): RehydrateStream;
  /** Registers the current patient's identifiers: caught in any form from now on. Memory only. */
  addKnown(known: Known): void;
  /** Originals of this vault and known identifiers still in `text` (offsets into it). */
  check(text: string): Span[];
  /** Adds an audit listener; returns the function that removes it. */
  onAudit(callback: (event: AuditEvent) => void): () => void;
  /** Destroys the vault: wipes the key and pairs, deletes its storage (crypto-shredding). */
  forget(): Promise<void>;
  /** Wipes the key, pairs and known identifiers from memory; the stored vault stays. */
  close(): void;
}

/** Stable error codes of PhiscrubError. */
export type ErrorCode =
  | "wrong_key" | "key_source_mismatch" | "tampered" | "truncated" | "unsupported_version"
  | "invalid_header" | "weak_kdf" | "invalid_key" | "invalid_entry" | "random_unavailable"
  | "storage" | "forgotten" | "quota_exceeded" | "storage_unavailable" | "invalid_text"
  | "input_too_large" | "pending_commit" | "closed" | "leak_blocked" | "unsupported_body"
  | "dictionary_unavailable" | "dictionary_corrupt"
  | "claim_conflict"
  | (string & {});

/** The one error type: switch on `code`; the message never holds caller text. */
export class PhiscrubError extends Error {
  constructor(code: string, message: string);
  readonly name: "PhiscrubError";
  readonly code: ErrorCode;
}

/** The `policyVersion` the given policy settings give. */
export function policyVersion(policy?: Policy): string;

/** Options of {@link guardFetch}. */
export interface GuardFetchOptions {
  /** Which requests to guard: a URL prefix, a RegExp, or a predicate. Every request by default. */
  match?: string | RegExp | ((url: string, request: Request) => boolean);
  /** The fetch to send through (the page's, by default). */
  fetch?: typeof fetch;
  /** Called with what was sent (scrubbed text only, never originals). */
  onSent?: (sent: { url: string; fields: { path: string; text: string; entities: Span[] }[] }) => void;
}

/**
 * A `fetch` that scrubs the request body of matching requests (text, JSON string fields, form
 * fields), refuses to send (`PhiscrubError` code `leak_blocked`) when `s.check` still finds an
 * original, and restores the response, streamed bodies (SSE, NDJSON, chunked text) included.
 */
export function guardFetch(
  s: Scrubber,
  options?: GuardFetchOptions,
): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
