//! Detection on arbitrary text: no panic, and every span is well formed (see `check_findings`).
//! Detecting twice gives the same findings (no hidden state), and the code-point and UTF-16
//! conversions of the spans stay inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phiscrub::offsets::{convert, Unit};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let d = common::detector();
    let found = d.detect(text).expect("under the input limit");
    common::check_findings(text, &found);
    assert_eq!(d.detect(text).unwrap(), found, "detection is deterministic");
    let bytes: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
    let cps = convert(text, &bytes, Unit::CodePoint);
    let units = convert(text, &bytes, Unit::Utf16);
    let (n_cp, n_u16) = (text.chars().count(), text.encode_utf16().count());
    assert!(cps.iter().all(|&c| c <= n_cp) && units.iter().all(|&u| u <= n_u16));
    assert!(cps.windows(2).all(|w| w[0] <= w[1]) && units.windows(2).all(|w| w[0] <= w[1]));
});
