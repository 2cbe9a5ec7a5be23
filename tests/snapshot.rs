//! The native detection output on the corpus equals the recorded snapshot, which the browser test
//! (`tests/web.rs`) compares against too: native and in-browser runs give identical spans.
//!
//! After an intended detection change, re-record with `make snapshot` and review the diff.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use phiscrub::Detector;

#[test]
fn native_detection_matches_the_recorded_snapshot() {
    let got = common::snapshot(&Detector::new());
    if std::env::var_os("PHISCRUB_BLESS").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/snapshots/detect.jsonl");
        std::fs::write(path, &got).unwrap();
        return;
    }
    if let Some(diff) = common::first_difference(common::SNAPSHOT, &got) {
        panic!("detection differs from tests/data/snapshots/detect.jsonl (run `make snapshot` if intended)\n{diff}");
    }
}
