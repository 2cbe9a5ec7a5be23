//! The JavaScript bindings: the only module that knows about `wasm_bindgen` and `js_sys`.
//!
//! One file per JS class: [`detector`] (`Detector`), [`core`] (`Core`, a scrubbing session over
//! a vault whose storage is the caller's) and [`stream`] (`RehydrateStream`). The JS layer in
//! `js/src/` does the IndexedDB work around them. [`alloc`] wipes every block the module frees.
//! [`dict`] loads the name and place lists, which the wasm build does not embed.
//!
//! NOTE: contracts that hold for every class here:
//! - offsets cross into JS as UTF-16 code units, converted by [`crate::offsets::convert`] only;
//! - errors cross as JS `Error`s named `PhiscrubError` with a stable `code` ([`Error::code`])
//!   and a message from [`Error`]'s `Display`: neither ever holds caller text;
//! - text arrives as a `JsString` and is refused with `invalid_text` when it holds a lone
//!   surrogate, rather than silently turned into U+FFFD as a `&str` argument would be (a
//!   scrubbed or restored text must never differ from its input anywhere but at identifiers);
//! - time comes from the caller (`nowMs`, milliseconds since the Unix epoch).

use std::cell::RefCell;

use js_sys::{JsString, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{Error, ErrorKind};

mod alloc;
mod core;
mod detector;
mod dict;
mod stream;

/// A JS error for `e`: `name` "PhiscrubError", `code` from [`Error::code`], no caller text.
fn js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("PhiscrubError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    err.into()
}

#[wasm_bindgen]
extern "C" {
    /// `String.prototype.isWellFormed.call(s)` (ES2024: Chromium 111, Firefox 119, Safari
    /// 16.4); an error where the engine lacks it.
    #[wasm_bindgen(catch, js_namespace = ["String", "prototype", "isWellFormed"], js_name = call)]
    fn is_well_formed(s: &JsString) -> Result<bool, JsValue>;
}

/// The text of a JS string, or `invalid_text` if it is not valid UTF-16.
fn text_of(s: &JsString) -> Result<String, JsValue> {
    // NOTE: `is_valid_utf16` reads the string one `charCodeAt` call into JS per code unit, a
    // few percent of a scrub's time in Chromium (issue 6); the engine answers in one call where
    // it can.
    let valid = is_well_formed(s).unwrap_or_else(|_| s.is_valid_utf16());
    if !valid {
        return Err(js_error(Error::new(ErrorKind::InvalidText)));
    }
    Ok(String::from(s))
}

/// A JS time in milliseconds as the vault's `u64` (negative and NaN times become 0).
fn ms(now_ms: f64) -> u64 {
    if now_ms.is_finite() && now_ms > 0.0 {
        now_ms as u64
    } else {
        0
    }
}

/// A plain JS object with these properties.
fn object(props: &[(&'static str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in props {
        // Defining a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &constant(k), v);
    }
    o.into()
}

thread_local! {
    /// The JS strings of [`constant`], made once each.
    static CONSTANTS: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The JS string of `s`, one of a few dozen constants (property names, labels, claim kinds),
/// made on its first use and reused after. Making a JS string copies it out of the module's
/// memory through a `TextDecoder`; a scrub's result object named its properties and labels
/// afresh for every entity and record, and those copies were ~5% of `scrub`'s time in
/// Chromium (issue 6, bench/FINDINGS.md).
fn constant(s: &'static str) -> JsValue {
    CONSTANTS.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((_, v)) = c.iter().find(|(k, _)| *k == s) {
            return v.clone();
        }
        let v = JsValue::from_str(s);
        c.push((s, v.clone()));
        v
    })
}
