//! Known identifiers: every registered value, reformatted, is found (the bar is 100%).
//!
//! Reads every `tests/data/known/*.jsonl` present at run time (one document a line:
//! `{"id", "known": {...}, "text", "spans": [{"start", "end", "label", "text"}]}`, code-point
//! offsets), registers `known` on a fresh detector, and checks that each gold span lies inside
//! one finding of its label (a FAX finding counts for a PHONE span: a registered phone number
//! written in a fax context). Native only: it reads the directory.

use std::path::Path;

use phiscrub::detect::Known;
use phiscrub::offsets::{convert, Unit};
use phiscrub::{Detector, Label};
use serde::Deserialize;

#[derive(Deserialize)]
struct Doc {
    id: String,
    known: Known,
    text: String,
    spans: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    start: usize,
    end: usize,
    label: Label,
    text: String,
}

fn files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/known");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/known exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_known_value_is_found_in_any_form() {
    let files = files();
    assert!(!files.is_empty(), "no fixture in tests/data/known");
    let mut failures = Vec::new();
    let (mut total, mut found_total) = (0, 0);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&path).unwrap();
        let (mut gold_n, mut found_n) = (0, 0);
        for (n, line) in src.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let doc: Doc = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{name}:{}: not a document: {e}", n + 1));
            let mut detector = Detector::new();
            detector.add_known(&doc.known);
            let findings = detector.detect(&doc.text).unwrap();
            let bytes: Vec<usize> = findings.iter().flat_map(|f| [f.start, f.end]).collect();
            let cps = convert(&doc.text, &bytes, Unit::CodePoint);
            for g in &doc.spans {
                let got: String = doc.text.chars().skip(g.start).take(g.end - g.start).collect();
                assert_eq!(got, g.text, "{name} {}: gold text does not match its offsets", doc.id);
                gold_n += 1;
                let covered = findings.iter().enumerate().any(|(i, f)| {
                    let label_ok =
                        f.label == g.label || (g.label == Label::Phone && f.label == Label::Fax);
                    label_ok && cps[2 * i] <= g.start && cps[2 * i + 1] >= g.end
                });
                if covered {
                    found_n += 1;
                } else {
                    let got: Vec<String> = findings
                        .iter()
                        .map(|f| format!("{} {:?}", f.label, &doc.text[f.start..f.end]))
                        .collect();
                    failures.push(format!(
                        "{name} {}: {} {:?} not covered; found {got:?}",
                        doc.id, g.label, g.text
                    ));
                }
            }
        }
        println!("known: {name}: {found_n}/{gold_n} gold spans covered");
        total += gold_n;
        found_total += found_n;
    }
    println!("known: overall {found_total}/{total}");
    assert!(failures.is_empty(), "{} missed:\n{}", failures.len(), failures.join("\n"));
}

/// A detector that knows the patient of the negative cases.
fn dan() -> Detector {
    let mut d = Detector::new();
    d.add_known(&Known {
        name: Some("Daniel Smith".into()),
        birth_date: Some("1961-03-14".into()),
        mrn: Some("00482913".into()),
        phone: Some("(555) 201-3344".into()),
        email: Some("dan.smith@example.org".into()),
        address: Some("4821 N Oak Ridge Dr Apt 4B".into()),
        relatives: vec!["Will Brown".into(), "Anna van der Berg".into(), "Daniel St. John".into()],
    });
    d
}

#[test]
fn look_alikes_of_known_values_are_not_reported() {
    let d = dan();
    for (text, why) in [
        ("I will call back; brown stool; white count normal", "everyday words need a name context"),
        ("Will you refill it?", "capitalised only because it starts the sentence"),
        ("Smithson and Danielle", "no prefix matching"),
        ("BP 128/82, HR 72, seen 03/14/1962 and 3/15/61", "other dates"),
        ("call 555-201-3345 or acct 95552013344", "other numbers"),
        ("MRN 1482913, lot 4829130", "the MRN's digits inside longer numbers"),
        ("dan.smith@example.org.uk", "a longer email address"),
        ("4821 Elm St; 4821 mg daily", "the house number alone"),
        ("van der Waals forces", "particles alone"),
        ("St. Mary's hospital", "the saint of another name"),
    ] {
        let found = d.detect(text).unwrap();
        let known: Vec<&str> = found
            .iter()
            .filter(|f| f.recognizer == "known")
            .map(|f| &text[f.start..f.end])
            .collect();
        assert!(known.is_empty(), "{why}: {text:?} gave {known:?}");
    }
}

#[test]
fn clear_known_forgets_the_patient() {
    let mut d = dan();
    assert!(!d.detect("Daniel Smith").unwrap().is_empty());
    d.clear_known();
    assert!(d.detect("zzz Smith").unwrap().iter().all(|f| f.recognizer != "known"));
    assert!(!format!("{d:?}").contains("mith"), "Debug shows no registered value");
}

#[test]
fn allow_and_deny_lists() {
    let mut d = dan();
    d.deny(&[("Dr. Okafor", Label::Name), ("Mercy Clinic", Label::LocationOther)]);
    d.allow(&["555-201-9999"]);
    let text = "dr. okafor at MERCY CLINIC, fax 555-201-9999, cell 555-201-3344";
    let found: Vec<(Label, &str)> =
        d.detect(text).unwrap().iter().map(|f| (f.label, &text[f.start..f.end])).collect();
    assert_eq!(
        found,
        [
            (Label::Name, "dr. okafor"),
            (Label::LocationOther, "MERCY CLINIC"),
            (Label::Phone, "555-201-3344"),
        ]
    );
}
