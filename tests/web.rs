//! In a real headless Chromium (wasm-bindgen-test): the same cases and corpus as the native tests.
#![cfg(target_arch = "wasm32")]

mod common;

use phiscrub::Detector;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_case_passes_in_the_browser() {
    let (count, failures) = common::run_cases(&Detector::new());
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
    let got = common::snapshot(&Detector::new());
    assert!(!got.is_empty());
    if let Some(diff) = common::first_difference(common::SNAPSHOT, &got) {
        panic!("browser detection differs from the native snapshot\n{diff}");
    }
}
