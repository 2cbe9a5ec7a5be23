//! The module function `loadDictionaries`: the name and place lists, from the dictionary file.

use wasm_bindgen::prelude::*;

use super::js_error;

/// Loads the dictionary file (`phiscrub-dict.bin`, shipped beside the wasm) into this module
/// instance. It must succeed before a `Core` or `Detector` is made; they throw
/// `dictionary_unavailable` before. Throws `dictionary_corrupt` for damaged bytes, another
/// format version or another build's file.
#[wasm_bindgen(js_name = loadDictionaries)]
pub fn load_dictionaries(bytes: Vec<u8>) -> Result<(), JsValue> {
    crate::detect::load_dictionaries(bytes).map_err(js_error)
}

/// Whether the dictionaries are loaded (so `loadDictionaries` need not be called again).
#[wasm_bindgen(js_name = dictionariesLoaded)]
pub fn dictionaries_loaded() -> bool {
    crate::detect::dictionaries_ready().is_ok()
}
