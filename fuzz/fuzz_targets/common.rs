// Shared by the fuzz targets (each includes it with `#[path]`): the detector and the checks
// every target applies to findings.

use std::sync::OnceLock;

use phiscrub::{Detector, Finding};

/// One detector for the whole run: building one compiles every recognizer.
pub fn detector() -> &'static Detector {
    static D: OnceLock<Detector> = OnceLock::new();
    D.get_or_init(Detector::new)
}

/// Findings are inside `text`, on char boundaries, non-empty, sorted and non-overlapping, with
/// a confidence in the detector's range.
pub fn check_findings(text: &str, found: &[Finding]) {
    let mut last_end = 0;
    for f in found {
        assert!(f.start < f.end, "empty span {}..{}", f.start, f.end);
        assert!(f.end <= text.len(), "span {}..{} past the end {}", f.start, f.end, text.len());
        assert!(text.is_char_boundary(f.start), "start {} not on a char boundary", f.start);
        assert!(text.is_char_boundary(f.end), "end {} not on a char boundary", f.end);
        assert!(f.start >= last_end, "spans overlap or are unsorted at {}", f.start);
        assert!((0.0..=1.0).contains(&f.confidence), "confidence {}", f.confidence);
        last_end = f.end;
    }
}

/// Whether the checks that still find open issues run (`make fuzz` sets
/// PHISCRUB_FUZZ_STRICT=1): the strict round trip and stream == batch. `make test` must not fail
/// on a random open issue; fuzz/regressions/README.md lists them.
#[allow(dead_code)]
pub fn strict() -> bool {
    static S: OnceLock<bool> = OnceLock::new();
    *S.get_or_init(|| std::env::var_os("PHISCRUB_FUZZ_STRICT").is_some_and(|v| v == "1"))
}
