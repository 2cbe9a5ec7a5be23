//! Shared by the native tests and the in-browser tests: the data-driven case corpus.
#![allow(dead_code)]

use phiscrub::{Detector, Label};
use serde::Deserialize;

/// Every case file, embedded so the same data runs natively and in the browser.
pub const CASE_FILES: &[(&str, &str)] = &[
    ("phone", include_str!("../data/cases/phone.toml")),
    ("email", include_str!("../data/cases/email.toml")),
    ("url", include_str!("../data/cases/url.toml")),
    ("ip", include_str!("../data/cases/ip.toml")),
    ("ssn", include_str!("../data/cases/ssn.toml")),
    ("zip", include_str!("../data/cases/zip.toml")),
    ("date", include_str!("../data/cases/date.toml")),
    ("age", include_str!("../data/cases/age.toml")),
    ("ids", include_str!("../data/cases/ids.toml")),
    ("negatives", include_str!("../data/cases/negatives.toml")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    #[serde(default)]
    pub case: Vec<Case>,
}

/// One case: the detector's whole output on `text` must equal `expect`, in order.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub text: String,
    /// `[LABEL, matched text]` pairs, in text order; empty for a negative case.
    #[serde(default)]
    pub expect: Vec<(String, String)>,
    /// One line: why this case is what it is.
    pub why: String,
}

/// Runs every case; returns one line per failure.
pub fn run_cases(detector: &Detector) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, src) in CASE_FILES {
        let parsed: CaseFile =
            toml::from_str(src).unwrap_or_else(|e| panic!("cases/{file}.toml: {e}"));
        for case in parsed.case {
            count += 1;
            for (label, _) in &case.expect {
                assert!(label.parse::<Label>().is_ok(), "cases/{file}.toml: unknown label {label}");
            }
            let got: Vec<(String, String)> = detector
                .detect(&case.text)
                .expect("case texts are small")
                .into_iter()
                .map(|f| (f.label.as_str().to_owned(), case.text[f.start..f.end].to_owned()))
                .collect();
            if got != case.expect {
                failures.push(format!(
                    "cases/{file}.toml ({}): text {:?}\n    expected {:?}\n    got      {:?}",
                    case.why, case.text, case.expect, got
                ));
            }
        }
    }
    (count, failures)
}
