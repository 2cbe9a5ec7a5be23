//! The vault compiled to wasm32: proves getrandom's Web Crypto backend is wired in (keys, ids and
//! nonces come from `crypto.getRandomValues`) and that sealing and opening work there.
//! Runs in headless Chromium with the other browser tests (scripts/ci/test-browser.sh); the round
//! trip through IndexedDB belongs to the binding layer's tests.
#![cfg(target_arch = "wasm32")]

use phiscrub::vault::{KeySource, MappingEntry, MemoryStore, Vault, VaultKey};
use phiscrub::Label;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn seal_and_open_in_wasm() {
    let mut vault = Vault::ephemeral().expect("randomness from crypto.getRandomValues");
    vault
        .insert(&MappingEntry {
            label: Label::Name,
            original: "Marisol Testperson".into(),
            surrogate: "Dana Sample".into(),
            created_at_ms: 1,
            expires_at_ms: None,
        })
        .unwrap();
    let read = vault.entries(2).unwrap();
    assert_eq!(read.entries[0].original, "Marisol Testperson");
    let store: MemoryStore = vault.into_store();
    let stored = store.raw_records()[0].clone();
    assert!(!stored.windows(7).any(|w| w == b"Marisol"));
    let err = Vault::open(store, KeySource::Key(VaultKey::generate().unwrap())).unwrap_err();
    assert_eq!(err.code(), "wrong_key");
}
