//! Shared by the native tests and the in-browser tests: the data-driven case corpus.
#![allow(dead_code)]

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

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
    ("places", include_str!("../data/cases/places.toml")),
    ("places_more", include_str!("../data/cases/places_more.toml")),
    ("names", include_str!("../data/cases/names.toml")),
    ("names_more", include_str!("../data/cases/names_more.toml")),
    ("names_chat", include_str!("../data/cases/names_chat.toml")),
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

/// The evaluation corpus, embedded (same data natively and in the browser).
pub const CORPUS_FILES: &[(&str, &str)] = &[
    ("structured", include_str!("../data/corpus/structured.jsonl")),
    ("names", include_str!("../data/corpus/names.jsonl")),
];

/// The native detection output on the corpus, recorded by `make snapshot`.
pub const SNAPSHOT: &str = include_str!("../data/snapshots/detect.jsonl");

#[derive(Deserialize)]
struct Doc {
    id: String,
    text: String,
}

/// The detector's output on every corpus document, one JSON line per document:
/// `{"id": ..., "spans": [[start, end, "LABEL"], ...]}` with code-point offsets.
pub fn snapshot(detector: &Detector) -> String {
    let mut out = String::new();
    for (file, src) in CORPUS_FILES {
        for line in src.lines().filter(|l| !l.trim().is_empty()) {
            let doc: Doc =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("corpus/{file}.jsonl: {e}"));
            let found = detector.detect(&doc.text).expect("corpus documents are small");
            let bytes: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
            let cps =
                phiscrub::offsets::convert(&doc.text, &bytes, phiscrub::offsets::Unit::CodePoint);
            let spans: Vec<serde_json::Value> = found
                .iter()
                .zip(cps.chunks_exact(2))
                .map(|(f, cp)| serde_json::json!([cp[0], cp[1], f.label.as_str()]))
                .collect();
            out.push_str(&serde_json::json!({"id": doc.id, "spans": spans}).to_string());
            out.push('\n');
        }
    }
    out
}

/// The first line where two snapshots differ, for a readable failure.
pub fn first_difference(expected: &str, got: &str) -> Option<String> {
    let (e, g): (Vec<_>, Vec<_>) = (expected.lines().collect(), got.lines().collect());
    for i in 0..e.len().max(g.len()) {
        if e.get(i) != g.get(i) {
            return Some(format!(
                "line {}:\n  recorded {:?}\n  now      {:?}",
                i + 1,
                e.get(i),
                g.get(i)
            ));
        }
    }
    None
}

/// The one ambiguity a format-keeping date shift cannot avoid: `Feb 21` and `February 21` both
/// become `May 9` when a date lands in May (its abbreviation is its name), and the vault restores
/// the spelling it saw first. Equal once every month name is cut to three letters.
pub fn same_but_month_spelling(got: &str, want: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let fold = |s: &str| {
        let mut s = s.to_lowercase();
        for m in MONTHS {
            s = s.replace(m, &m[..3]);
        }
        s.replace("sept", "sep")
    };
    fold(got) == fold(want)
}

/// A corpus document as re-identification must give it back: every character, except that ages
/// given as a decade or a word (`90s`, `Nonagenarian`) become Safe Harbor's `90+`, which by
/// design cannot be restored.
pub fn expected_back(doc: &phiscrub::eval::Document) -> String {
    let text: Vec<char> = doc.text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for s in &doc.spans {
        if s.label == Label::Age && s.text.parse::<u32>().is_err() {
            out.extend(&text[at..s.start]);
            out.push_str("90+");
            at = s.end;
        }
    }
    out.extend(&text[at..]);
    out
}

/// Where two texts part, with a little of each around it, for a failure message.
pub fn around_difference(got: &str, want: &str) -> String {
    let at = got.chars().zip(want.chars()).take_while(|(a, b)| a == b).count();
    let around = |s: &str| s.chars().skip(at.saturating_sub(20)).take(50).collect::<String>();
    format!("{:?} != {:?}", around(got), around(want))
}
