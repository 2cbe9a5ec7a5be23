//! The JS class `RehydrateStream`: restores an answer as it streams in.

use std::rc::Rc;

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use super::text_of;
use crate::reidentify::{Rehydrator, Stream};

/// A streaming re-identifier made by `Core.rehydrateStream()`: `push(chunk)` returns the text
/// that can be shown now, `finish()` the rest. The concatenated output equals `rehydrate` of the
/// whole answer, for any split into chunks.
///
/// NOTE: a chunk must not end between the two halves of a surrogate pair (it would be refused
/// with `invalid_text`); `TextDecoder` with `stream: true` never splits one, and the JS layer
/// holds a trailing high surrogate back until the next chunk.
#[wasm_bindgen]
pub struct RehydrateStream {
    inner: Stream<Rc<Rehydrator>>,
}

impl RehydrateStream {
    /// A stream over `r`, restoring the pairs it holds.
    pub(super) fn new(r: Rc<Rehydrator>) -> RehydrateStream {
        RehydrateStream { inner: Stream::new(r) }
    }
}

#[wasm_bindgen]
impl RehydrateStream {
    /// Takes the next chunk; returns the text that can be shown now.
    pub fn push(&mut self, chunk: &JsString) -> Result<String, JsValue> {
        Ok(self.inner.push(&text_of(chunk)?))
    }

    /// Ends the stream; returns whatever was held back, restored.
    pub fn finish(&mut self) -> String {
        self.inner.finish()
    }
}
