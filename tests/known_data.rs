//! The known-identifier variants set (tests/data/known/variants.jsonl) is well formed: every line
//! has a known record and a text, every span is exact, sorted, disjoint, follows the conventions
//! and carries a label the detector emits for a known identifier. Format only: whether the
//! detector finds the spans is asserted by the known-identifier tests.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashSet};

use phiscrub::Label;
use serde::Deserialize;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/known/variants.jsonl");

/// The labels a known record's identifiers take.
const KNOWN_LABELS: [Label; 6] =
    [Label::Name, Label::Date, Label::Mrn, Label::Phone, Label::Email, Label::Address];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Read to check the shape; the values are used by the detection tests.
struct Known {
    name: String,
    #[serde(rename = "birthDate")]
    birth_date: String,
    mrn: String,
    phone: String,
    email: String,
    address: String,
    relatives: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Span {
    start: usize,
    end: usize,
    label: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    id: String,
    known: Known,
    text: String,
    spans: Vec<Span>,
}

fn load() -> Vec<Doc> {
    let src = std::fs::read_to_string(PATH).expect("tests/data/known/variants.jsonl exists");
    src.lines()
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{PATH}:{}: {e}", i + 1))
        })
        .collect()
}

#[test]
fn enough_documents_with_unique_ids() {
    let docs = load();
    assert!(docs.len() >= 60, "only {} documents", docs.len());
    let ids: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), docs.len(), "duplicate ids");
}

#[test]
fn known_records_are_complete() {
    for doc in load() {
        let k = &doc.known;
        for (field, v) in [
            ("name", &k.name),
            ("mrn", &k.mrn),
            ("phone", &k.phone),
            ("email", &k.email),
            ("address", &k.address),
        ] {
            assert!(!v.trim().is_empty(), "{}: empty {field}", doc.id);
        }
        let b = k.birth_date.as_bytes();
        assert!(
            b.len() == 10 && b[4] == b'-' && b[7] == b'-',
            "{}: birthDate {:?} is not YYYY-MM-DD",
            doc.id,
            k.birth_date
        );
        assert!(k.relatives.iter().all(|r| !r.trim().is_empty()), "{}: empty relative", doc.id);
    }
}

#[test]
fn spans_are_exact_sorted_disjoint_and_labelled() {
    for doc in load() {
        let chars: Vec<char> = doc.text.chars().collect();
        let mut prev_end = 0;
        assert!(!doc.spans.is_empty(), "{}: no spans", doc.id);
        for s in &doc.spans {
            assert!(s.start < s.end && s.end <= chars.len(), "{}: span out of range", doc.id);
            assert!(s.start >= prev_end, "{}: spans unsorted or overlapping", doc.id);
            let at: String = chars[s.start..s.end].iter().collect();
            assert_eq!(at, s.text, "{}: span text differs from the document", doc.id);
            assert_eq!(s.text.trim(), s.text, "{}: span {:?} has outer spaces", doc.id, s.text);
            assert!(
                !s.text.ends_with([',', ';', ':', '.'])
                    || s.label == "ADDRESS"
                    || s.label == "NAME",
                "{}: span {:?} ends in punctuation",
                doc.id,
                s.text
            );
            assert!(!s.text.ends_with("'s"), "{}: possessive inside {:?}", doc.id, s.text);
            let label: Label =
                s.label.parse().unwrap_or_else(|_| panic!("{}: label {}", doc.id, s.label));
            assert!(
                KNOWN_LABELS.contains(&label),
                "{}: {label} is not a known-record label",
                doc.id
            );
            prev_end = s.end;
        }
    }
}

#[test]
fn every_known_label_is_well_represented() {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for doc in load() {
        for s in &doc.spans {
            *counts.entry(s.label.clone()).or_default() += 1;
        }
    }
    for label in KNOWN_LABELS {
        let n = counts.get(label.as_str()).copied().unwrap_or(0);
        assert!(n >= 30, "{label}: only {n} spans (need 30)");
    }
}
