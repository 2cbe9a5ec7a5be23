//! The data-driven positive and negative cases of every recognizer (tests/data/cases/*.toml).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use phiscrub::Detector;

#[test]
fn every_case_passes() {
    let (count, failures) = common::run_cases(&Detector::new());
    assert!(count > 0, "no cases loaded");
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_case_file_is_listed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cases");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let stem = name.strip_suffix(".toml").expect("only .toml files in tests/data/cases");
        assert!(
            common::CASE_FILES.iter().any(|(f, _)| *f == stem),
            "tests/data/cases/{name} is not listed in tests/common/mod.rs"
        );
    }
}
