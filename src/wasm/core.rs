//! The JS class `Core`: detection, surrogates and an open vault, without storage.
//!
//! It runs the steps of [`crate::session::Session`] with the store left to the caller, because
//! IndexedDB is asynchronous: `scrub` hands back the sealed records of its new pairs, and the
//! caller stores them, then calls `commit` (stored: release the text) or `retract` (not stored:
//! withdraw the pairs, do not release the text).

use std::rc::Rc;

use js_sys::{Array, JsString, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use zeroize::{Zeroize, Zeroizing};

use super::{js_error, ms, name, object, text_of};
use crate::detect::Known;
use crate::offsets::{convert, Unit};
use crate::reidentify::Rehydrator;
use crate::surrogate::{Action, Pair, Policy, Surrogates};
use crate::vault::claim::tag_hex;
use crate::vault::id::hex16;
use crate::vault::{Claim, KeySource, MappingEntry, Passphrase, SealedRecord, VaultCore, VaultKey};
use crate::{Detector, Error, ErrorKind, Label};

/// A scrubbing session over one vault whose header and records the caller stores.
#[wasm_bindgen]
pub struct Core {
    detector: Detector,
    vault: VaultCore,
    engine: Surrogates,
    policy: Policy,
    /// The new pairs of the last scrub, until the caller commits or retracts them.
    pending: Option<Vec<Pair>>,
    /// Built on first use after the pairs change; shared with the streams made from it.
    rehydrator: Option<Rc<Rehydrator>>,
    /// Milliseconds a new pair lives, if records expire.
    ttl_ms: Option<u64>,
    /// The `created_at_ms` of the newest pair stored or loaded.
    last_ms: u64,
}

#[wasm_bindgen]
impl Core {
    /// Opens the vault whose stored header is `header`, or creates a new one when `header` is
    /// absent, under a raw 32-byte key supplied by the host app.
    ///
    /// NOTE: `key` is wiped (in wasm memory and, as wasm-bindgen copies a `&mut [u8]` back, in
    /// the caller's `Uint8Array`): pass a copy you no longer need.
    #[wasm_bindgen(js_name = withKey)]
    pub fn with_key(key: &mut [u8], header: Option<Vec<u8>>) -> Result<Core, JsValue> {
        let source = VaultKey::from_slice(key).map(KeySource::Key);
        key.zeroize();
        Core::open(source.map_err(js_error)?, header)
    }

    /// Opens or creates a vault under a passphrase given as UTF-8 bytes (wiped like `key` in
    /// [`Core::with_key`]), stretched with PBKDF2-HMAC-SHA256.
    #[wasm_bindgen(js_name = withPassphrase)]
    pub fn with_passphrase(
        passphrase: &mut [u8],
        header: Option<Vec<u8>>,
    ) -> Result<Core, JsValue> {
        let text = Zeroizing::new(String::from_utf8_lossy(passphrase).into_owned());
        passphrase.zeroize();
        Core::open(KeySource::Passphrase(Passphrase::new(&text)), header)
    }

    /// A vault under a fresh random key that nothing can reopen: it lives as long as this
    /// object, and its records need not be stored at all.
    pub fn ephemeral() -> Result<Core, JsValue> {
        Core::open(KeySource::Key(VaultKey::generate().map_err(js_error)?), None)
    }

    /// The header to store beside the records (nothing in it is secret).
    pub fn header(&self) -> Vec<u8> {
        self.vault.header().to_bytes()
    }

    /// Sets the action (`"surrogate"`, `"redact"` or `"keep"`) for one label (`"NAME"`, ...).
    /// Returns false, changing nothing, for an unknown label or action.
    #[wasm_bindgen(js_name = setAction)]
    pub fn set_action(&mut self, label: &str, action: &str) -> bool {
        let action = match action {
            "surrogate" => Action::Surrogate,
            "redact" => Action::Redact,
            "keep" => Action::Keep,
            _ => return false,
        };
        let Ok(label) = label.parse::<Label>() else { return false };
        self.policy = self.policy.clone().with(label, action);
        true
    }

    /// Sets the action (`"surrogate"`, `"redact"` or `"keep"`) for clinicians' names (after
    /// `Dr.`, `Attending:`, `signed by`, before `MD`/`RN`/`NP`), apart from other names; the JS
    /// policy key `clinicians: "keep"` calls it. Returns false, changing nothing, for an unknown
    /// action.
    #[wasm_bindgen(js_name = setClinicians)]
    pub fn set_clinicians(&mut self, action: &str) -> bool {
        let action = match action {
            "surrogate" => Action::Surrogate,
            "redact" => Action::Redact,
            "keep" => Action::Keep,
            _ => return false,
        };
        self.policy = self.policy.clone().with_clinicians(action);
        true
    }

    /// Writes ages over 89 as surrogate ages instead of `90+`.
    #[wasm_bindgen(js_name = setAgeSurrogates)]
    pub fn set_age_surrogates(&mut self, on: bool) {
        self.policy = self.policy.clone().with_age_surrogates(on);
    }

    /// Makes pairs stored from now on expire `ttl_ms` after their scrub (`undefined`: never).
    #[wasm_bindgen(js_name = setTtl)]
    pub fn set_ttl(&mut self, ttl_ms: Option<f64>) {
        self.ttl_ms = ttl_ms.map(ms);
    }

    /// Restores the pairs of stored records (`Uint8Array`s). Returns
    /// `{ loaded, expired, errors: [{ code, id }] }`: one error per record that could not be
    /// read (its `code`, and its id as hex when it was long enough to hold one); every other
    /// record is restored. Never returns record contents.
    pub fn load(&mut self, records: Array, now_ms: f64) -> Result<JsValue, JsValue> {
        let items = record_bytes(&records);
        let read = self.vault.open_records(items, ms(now_ms));
        let read = read.map_err(js_error)?;
        let errors = Array::new();
        for e in &read.errors {
            let id = e.record_id.map_or(JsValue::NULL, |id| id.to_string().into());
            errors.push(&object(&[("code", e.error.code().into()), ("id", id)]));
        }
        let loaded = read.entries.len();
        let newest = read.entries.iter().map(|e| e.created_at_ms).max().unwrap_or(0);
        self.last_ms = self.last_ms.max(newest);
        let pairs: Vec<Pair> = read
            .entries
            .iter()
            .map(|e| Pair {
                label: e.label,
                original: e.original.clone(),
                surrogate: e.surrogate.clone(),
            })
            .collect();
        // NOTE: added to the engine, not rebuilt: other pages' records arrive a few at a time
        // (js/src/index.js), and a pair already held (a record loaded twice) adds nothing.
        if !pairs.is_empty() {
            self.engine.extend(pairs);
            self.rehydrator = None;
        }
        Ok(object(&[
            ("loaded", (loaded as u32).into()),
            ("expired", (read.expired as u32).into()),
            ("errors", errors.into()),
        ]))
    }

    /// The claims of stored records (`Uint8Array`s), for a store that has records without
    /// them (a vault written before claims existed): `[{ id, claims, expires }]` for every
    /// record that opens and is live at `now_ms`; see [`Core::scrub`] for the shape.
    #[wasm_bindgen(js_name = claimsOf)]
    pub fn claims_of(&self, records: Array, now_ms: f64) -> Result<Array, JsValue> {
        let items = record_bytes(&records);
        let read = self.vault.open_records(items, ms(now_ms)).map_err(js_error)?;
        let out = Array::new();
        for (id, e) in read.record_ids.iter().zip(&read.entries) {
            let claims = self.vault.claims(e).map_err(js_error)?;
            out.push(&object(&[
                ("id", id.to_string().into()),
                ("claims", claims_js(&claims).into()),
                ("expires", e.expires_at_ms.map_or(JsValue::NULL, |t| (t as f64).into())),
            ]));
        }
        Ok(out)
    }

    /// The vault's id as 32 hex digits (random, not secret, no PHI): names the channel that
    /// tells other pages of new records.
    #[wasm_bindgen(getter, js_name = vaultId)]
    pub fn vault_id(&self) -> String {
        self.vault.header().vault_id.to_string()
    }

    /// Scrubs `text`: `{ text, entities: [{ label, start, end }], records: [{ id, bytes,
    /// claims: [{ key, value, kind }], expires }] }`, entity offsets in UTF-16 units into the
    /// scrubbed text. A claim's `key` and `value` are keyed tags as hex (never a value; see
    /// [`crate::vault::claim`]), `kind` is `x`, `a` or `m`; `expires` is the record's expiry
    /// time or null.
    ///
    /// NOTE: the contract with the caller: store every record (key `id`, value `bytes`)
    /// durably, then call [`Core::commit`] and only then release `text`; if storing fails,
    /// call [`Core::retract`] and drop `text`. Until one of them is called, another scrub fails
    /// with `pending_commit`.
    pub fn scrub(&mut self, text: &JsString, now_ms: f64) -> Result<JsValue, JsValue> {
        self.usable()?;
        if self.pending.is_some() {
            return Err(js_error(Error::new(ErrorKind::PendingCommit)));
        }
        let text = Zeroizing::new(text_of(text)?);
        let found = self.detector.detect(&text).map_err(js_error)?;
        let out = self.engine.scrub(&text, &found, &self.policy);
        let now = ms(now_ms);
        let mut last = self.last_ms;
        let mut sealed = Vec::with_capacity(out.new_pairs.len());
        for p in &out.new_pairs {
            // NOTE: strictly increasing times, at most a few milliseconds ahead of the clock:
            // IndexedDB returns records in key (random id) order, and the vault restores pairs
            // in `created_at_ms` order, which must be the order they were issued in (the first
            // spelling of an ambiguous date surrogate is the one restored).
            last = now.max(last + 1);
            let entry = MappingEntry {
                label: p.label,
                original: p.original.clone(),
                surrogate: p.surrogate.clone(),
                created_at_ms: last,
                expires_at_ms: self.ttl_ms.map(|t| last.saturating_add(t)),
            };
            match self.vault.seal(&entry).and_then(|s| Ok((s, self.vault.claims(&entry)?))) {
                Ok((record, claims)) => sealed.push((record, claims, entry.expires_at_ms)),
                Err(e) => {
                    self.engine.retract(&out.new_pairs);
                    return Err(js_error(e));
                }
            }
        }
        let records = records_js(&sealed);
        if !out.new_pairs.is_empty() {
            self.rehydrator = None;
        }
        self.last_ms = last;
        self.pending = Some(out.new_pairs);
        let bytes: Vec<usize> = out.entities.iter().flat_map(|e| [e.start, e.end]).collect();
        let units = convert(&out.text, &bytes, Unit::Utf16);
        let entities = Array::new();
        for (e, u) in out.entities.iter().zip(units.chunks_exact(2)) {
            entities.push(&object(&[
                ("label", name(e.label.as_str())),
                ("start", (u[0] as u32).into()),
                ("end", (u[1] as u32).into()),
            ]));
        }
        Ok(object(&[
            ("text", out.text.as_str().into()),
            ("entities", entities.into()),
            ("records", records.into()),
        ]))
    }

    /// The last scrub's records were stored: its pairs are now part of the vault.
    pub fn commit(&mut self) {
        self.pending = None;
    }

    /// The last scrub's records could not be stored: withdraws its pairs, so no later text
    /// uses a surrogate the vault does not hold.
    pub fn retract(&mut self) {
        if let Some(pairs) = self.pending.take() {
            if !pairs.is_empty() {
                self.engine.retract(&pairs);
                self.rehydrator = None;
            }
        }
    }

    /// The identifiers in `text`: `[{ label, start, end, confidence }]`, UTF-16 offsets into it.
    pub fn detect(&self, text: &JsString) -> Result<Array, JsValue> {
        self.usable()?;
        let text = Zeroizing::new(text_of(text)?);
        let found = self.detector.detect(&text).map_err(js_error)?;
        let bytes: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
        let units = convert(&text, &bytes, Unit::Utf16);
        let out = Array::new();
        for (f, u) in found.iter().zip(units.chunks_exact(2)) {
            out.push(&object(&[
                ("label", name(f.label.as_str())),
                ("start", (u[0] as u32).into()),
                ("end", (u[1] as u32).into()),
                ("confidence", js_number(f.confidence).into()),
            ]));
        }
        Ok(out)
    }

    /// `text` with every surrogate this vault issued replaced by its original.
    pub fn rehydrate(&mut self, text: &JsString) -> Result<String, JsValue> {
        let text = text_of(text)?;
        Ok(self.rehydrator()?.rehydrate(&text))
    }

    /// A streaming re-identifier over the pairs the vault holds now.
    #[wasm_bindgen(js_name = rehydrateStream)]
    pub fn rehydrate_stream(&mut self) -> Result<super::stream::RehydrateStream, JsValue> {
        Ok(super::stream::RehydrateStream::new(self.rehydrator()?))
    }

    /// Registers the current patient's identifiers: `{ name, birthDate, mrn, phone, email,
    /// address, relatives }` (see [`crate::detect::Known`]; every field may be absent, the JS
    /// layer checks their types). From now on they are found in any form, and [`Core::check`]
    /// reports them. Adds to what is registered; the detector's copies are wiped when this
    /// object is freed.
    #[wasm_bindgen(js_name = addKnown)]
    pub fn add_known(&mut self, known: &JsValue) -> Result<(), JsValue> {
        self.usable()?;
        let field = |name: &str| Reflect::get(known, &name.into()).ok().and_then(|v| v.as_string());
        let relatives = Reflect::get(known, &"relatives".into()).unwrap_or(JsValue::UNDEFINED);
        let relatives = match relatives.dyn_into::<Array>() {
            Ok(list) => list.iter().filter_map(|v| v.as_string()).collect(),
            Err(_) => Vec::new(),
        };
        let mut known = Known {
            name: field("name"),
            birth_date: field("birthDate"),
            mrn: field("mrn"),
            phone: field("phone"),
            email: field("email"),
            address: field("address"),
            relatives,
        };
        self.detector.add_known(&known);
        known.zeroize();
        Ok(())
    }

    /// The originals this vault holds, and the registered known identifiers, still present in
    /// `text`: `[{ label, start, end }]`, UTF-16 offsets into it, never the values. A caller
    /// refuses to send a text for which this is not empty.
    pub fn check(&self, text: &JsString) -> Result<Array, JsValue> {
        self.usable()?;
        let text = Zeroizing::new(text_of(text)?);
        let leaks = crate::session::check(&self.detector, self.engine.pairs(), &text);
        let leaks = leaks.map_err(js_error)?;
        let bytes: Vec<usize> = leaks.iter().flat_map(|l| [l.start, l.end]).collect();
        let units = convert(&text, &bytes, Unit::Utf16);
        let out = Array::new();
        for (l, u) in leaks.iter().zip(units.chunks_exact(2)) {
            out.push(&object(&[
                ("label", name(l.label.as_str())),
                ("start", (u[0] as u32).into()),
                ("end", (u[1] as u32).into()),
            ]));
        }
        Ok(out)
    }

    /// How many pairs the vault holds (committed or pending).
    #[wasm_bindgen(getter, js_name = pairCount)]
    pub fn pair_count(&self) -> u32 {
        self.engine.pairs().len() as u32
    }

    /// Wipes the key and every pair held in memory; every later call fails with `forgotten`.
    /// Deleting the stored header and records is the caller's part of crypto-shredding.
    pub fn forget(&mut self) -> Result<(), JsValue> {
        self.vault.forget();
        self.rehydrator = None;
        self.pending = None;
        self.engine = new_engine(self.vault.date_offset(), Vec::new()).map_err(js_error)?;
        Ok(())
    }
}

impl Core {
    /// Unlocks `header` with `source`, or creates a vault when there is none.
    fn open(source: KeySource, header: Option<Vec<u8>>) -> Result<Core, JsValue> {
        crate::detect::dictionaries_ready().map_err(js_error)?;
        let vault = match header {
            Some(h) => VaultCore::unlock(&h, &source),
            None => VaultCore::create(&source),
        }
        .map_err(js_error)?;
        let engine = new_engine(vault.date_offset(), Vec::new()).map_err(js_error)?;
        Ok(Core {
            detector: Detector::new(),
            vault,
            engine,
            policy: Policy::new(),
            pending: None,
            rehydrator: None,
            ttl_ms: None,
            last_ms: 0,
        })
    }

    /// `forgotten` once the vault was forgotten.
    fn usable(&self) -> Result<(), JsValue> {
        if self.vault.is_forgotten() {
            return Err(js_error(Error::new(ErrorKind::Forgotten)));
        }
        Ok(())
    }

    /// The re-identifier over the current pairs, built once per change of pairs.
    fn rehydrator(&mut self) -> Result<Rc<Rehydrator>, JsValue> {
        self.usable()?;
        let engine = &self.engine;
        let r = self
            .rehydrator
            .get_or_insert_with(|| Rc::new(Rehydrator::new(engine.pairs(), engine.date_offset())));
        Ok(Rc::clone(r))
    }
}

/// A surrogate engine over `pairs` with a fresh random seed.
fn new_engine(date_offset: i64, pairs: Vec<Pair>) -> Result<Surrogates, Error> {
    let mut seed = Zeroizing::new([0u8; 32]);
    getrandom::fill(seed.as_mut_slice()).map_err(|_| Error::new(ErrorKind::RandomUnavailable))?;
    Ok(Surrogates::from_parts(*seed, date_offset, pairs))
}

/// A scrub's sealed records and their claims as `[{ id, bytes, claims, expires }]` (see
/// [`Core::scrub`]).
///
/// NOTE: every record id and claim tag goes into one hex string, which crosses into JS once and
/// is cut there with `slice`: a JS string made from Rust is decoded by `TextDecoder`, which for
/// 32-digit strings (one id and ~8 tags a new pair) cost more than the tags themselves (a
/// Chromium profile of heavy messages: `claims_js` 9% of `Core.scrub`, most of it in `decode`).
fn records_js(sealed: &[(SealedRecord, Vec<Claim>, Option<u64>)]) -> Array {
    let tags: usize = sealed.iter().map(|(_, c, _)| 1 + 2 * c.len()).sum();
    let mut hex = String::with_capacity(32 * tags);
    for (record, claims, _) in sealed {
        let id = record.record_id();
        for tag in
            std::iter::once(id.as_bytes()).chain(claims.iter().flat_map(|c| [&c.key, &c.value]))
        {
            hex.push_str(std::str::from_utf8(&hex16(tag)).expect("hex digits are ASCII"));
        }
    }
    // ASCII, so UTF-16 offsets are byte offsets.
    let all = JsString::from(hex.as_str());
    let mut at = 0;
    let mut next = || {
        at += 32;
        JsValue::from(all.slice(at - 32, at))
    };
    let records = Array::new();
    for (record, claims, expires) in sealed {
        let id = next();
        let out = Array::new();
        for c in claims {
            let (key, value) = (next(), next());
            out.push(&object(&[("key", key), ("value", value), ("kind", name(c.kind.as_str()))]));
        }
        records.push(&object(&[
            ("id", id),
            ("bytes", Uint8Array::from(record.as_bytes()).into()),
            ("claims", out.into()),
            ("expires", expires.map_or(JsValue::NULL, |t| (t as f64).into())),
        ]));
    }
    records
}

/// Claims as `[{ key, value, kind }]`, tags as lower-case hex.
fn claims_js(claims: &[Claim]) -> Array {
    let out = Array::new();
    for c in claims {
        out.push(&object(&[
            ("key", tag_hex(&c.key).into()),
            ("value", tag_hex(&c.value).into()),
            ("kind", name(c.kind.as_str())),
        ]));
    }
    out
}

/// `x` as the JS number with the same shortest decimal form (0.9, not 0.8999999761581421).
fn js_number(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// The bytes of each stored record JS passed; anything but a `Uint8Array` is a truncated record,
/// reported with the others rather than failing the whole load.
fn record_bytes(records: &Array) -> Vec<Result<Vec<u8>, Error>> {
    records
        .iter()
        .map(|r| {
            r.dyn_into::<Uint8Array>()
                .map(|a| a.to_vec())
                .map_err(|_| Error::new(ErrorKind::Truncated))
        })
        .collect()
}
