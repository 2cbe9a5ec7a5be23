//! In a real headless Chromium (wasm-bindgen-test): the same cases and corpus as the native tests.
#![cfg(target_arch = "wasm32")]

mod common;

use phiscrub::Detector;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A detector after loading this build's dictionary file, as the JS layer does first (the wasm
/// build embeds no name or place list).
fn detector() -> Detector {
    let file = include_bytes!(concat!(env!("OUT_DIR"), "/phiscrub-dict.bin"));
    phiscrub::detect::load_dictionaries(file.to_vec()).expect("this build's dictionary file");
    Detector::new()
}

#[wasm_bindgen_test]
fn every_pattern_compiles_with_the_shipped_regex_features() {
    // Native test builds get every Unicode table of `regex` through a dev-dependency (proptest);
    // this wasm build has only the features Cargo.toml names, as the shipped module does.
    let n = phiscrub::detect::compile_every_pattern();
    assert!(n > 50, "{n} patterns");
}

#[wasm_bindgen_test]
fn every_case_passes_in_the_browser() {
    let (count, failures) = common::run_cases(&detector());
    assert!(count > 0, "no cases loaded");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn corpus_spans_in_the_browser_equal_the_native_snapshot() {
    let got = common::snapshot(&detector());
    assert!(!got.is_empty());
    if let Some(diff) = common::first_difference(common::SNAPSHOT, &got) {
        panic!("browser detection differs from the native snapshot\n{diff}");
    }
}
