//! The JS class `Detector`: detection alone, without a vault.

use wasm_bindgen::prelude::*;

use crate::offsets::{convert, Unit};
use crate::Detector;

/// A detector for JavaScript callers.
#[wasm_bindgen(js_name = Detector)]
pub struct JsDetector {
    inner: Detector,
}

#[wasm_bindgen(js_class = Detector)]
impl JsDetector {
    /// Compiles a detector for every label; `dictionary_unavailable` before `loadDictionaries`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<JsDetector, JsValue> {
        crate::detect::dictionaries_ready().map_err(super::js_error)?;
        Ok(JsDetector { inner: Detector::new() })
    }

    /// Finds identifiers; returns a flat array `[start, end, labelIndex, ...]` in UTF-16 units.
    ///
    /// The JS layer turns it into objects; a flat array avoids one allocation per finding.
    pub fn detect(&self, text: &str) -> Result<Vec<u32>, JsValue> {
        let found = self.inner.detect(text).map_err(super::js_error)?;
        let bytes: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
        let units = convert(text, &bytes, Unit::Utf16);
        let mut out = Vec::with_capacity(found.len() * 3);
        for (f, u) in found.iter().zip(units.chunks_exact(2)) {
            let label = crate::Label::ALL.iter().position(|l| *l == f.label).unwrap_or(0);
            out.extend([u[0] as u32, u[1] as u32, label as u32]);
        }
        Ok(out)
    }
}
