//! The held-out test set (tests/data/heldout/heldout.jsonl): documents written by hand, one at a
//! time, without looking at the detector, the corpus generator or the case files. Nobody tunes
//! against it. This file checks that it is well formed and prints the detector's scores on it
//! (`cargo test --test heldout -- --nocapture`); it asserts no score threshold: it is a
//! measurement, not a target.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashSet};

use phiscrub::eval::{self, Counts, Document, Kind};
use phiscrub::{Detector, Label};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/heldout/heldout.jsonl");

use phiscrub::eval::STRUCTURED;

fn load() -> Vec<Document> {
    let src = std::fs::read_to_string(PATH).expect("tests/data/heldout/heldout.jsonl exists");
    eval::parse_corpus(&src).unwrap_or_else(|e| panic!("{PATH}: {e}"))
}

#[test]
fn every_line_is_a_document() {
    // Checked line by line without the eval parser, so a bug there cannot hide a bad line.
    let src = std::fs::read_to_string(PATH).unwrap();
    for (i, line) in src.lines().enumerate() {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{PATH}:{}: {e}", i + 1));
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["id", "kind", "spans", "text"], "{PATH}:{}", i + 1);
    }
}

#[test]
fn spans_are_exact_sorted_and_disjoint() {
    for doc in load() {
        let chars: Vec<char> = doc.text.chars().collect();
        let mut prev_end = 0;
        for s in &doc.spans {
            assert!(s.start < s.end && s.end <= chars.len(), "{}: span out of range", doc.id);
            assert!(s.start >= prev_end, "{}: spans unsorted or overlapping", doc.id);
            let at: String = chars[s.start..s.end].iter().collect();
            assert_eq!(at, s.text, "{}: span text differs from the document", doc.id);
            assert_eq!(s.text.trim(), s.text, "{}: span {:?} has outer spaces", doc.id, s.text);
            assert!(
                !s.text.ends_with([',', ';', ':', '.']),
                "{}: span {:?} ends in punctuation",
                doc.id,
                s.text
            );
            prev_end = s.end;
        }
    }
}

#[test]
fn ids_are_unique_and_the_set_is_big_enough() {
    let docs = load();
    let ids: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), docs.len(), "duplicate document ids");
    assert!(docs.len() >= 120, "only {} documents", docs.len());
    for kind in Kind::ALL {
        assert!(docs.iter().any(|d| d.kind == kind), "no {} documents", kind.as_str());
    }
}

#[test]
fn every_structured_label_has_gold_spans() {
    let mut counts: BTreeMap<Label, usize> = BTreeMap::new();
    for doc in load() {
        for s in &doc.spans {
            *counts.entry(s.label).or_default() += 1;
        }
    }
    for label in STRUCTURED {
        let n = counts.get(&label).copied().unwrap_or(0);
        assert!(n >= 3, "{label}: only {n} gold spans (need 3)");
    }
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

fn row(name: &str, c: &Counts) -> String {
    format!(
        "{:<15} {:>5} {:>5} {:>7} {:>9} {:>9} {:>9}",
        name,
        c.gold,
        c.predicted,
        num(c.recall()),
        num(c.precision()),
        num(c.strict_recall()),
        num(c.strict_precision())
    )
}

/// Prints the detector's scores; asserts only that the evaluation ran over every document.
#[test]
fn detector_scores_are_reported() {
    let docs = load();
    let report = eval::evaluate(&Detector::new(), &docs).expect("evaluation runs");
    let kinds: usize = report.kinds.values().map(|k| k.documents).sum();
    assert_eq!(kinds, docs.len(), "every document scored");
    let gold: usize = docs.iter().map(|d| d.spans.len()).sum();
    assert_eq!(report.total().gold, gold, "every gold span counted");

    eprintln!("held-out set: {} documents (measurement only, no thresholds)", docs.len());
    eprintln!(
        "{:<15} {:>5} {:>5} {:>7} {:>9} {:>9} {:>9}",
        "label", "gold", "pred", "recall", "precision", "strict R", "strict P"
    );
    for label in Label::ALL {
        if let Some(c) = report.labels.get(&label) {
            eprintln!("{}", row(label.as_str(), c));
        }
    }
    eprintln!("{}", row("(all)", &report.total()));
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .filter_map(|k| {
            report.kinds.get(k).map(|c| format!("{}={}", k.as_str(), num(c.counts.recall())))
        })
        .collect();
    eprintln!("recall by kind: {}", kinds.join(" "));
    if let Some(neg) = report.kinds.get(&Kind::Negative) {
        eprintln!(
            "negative false alarms: {} per 2,000 chars ({} in {} chars)",
            neg.false_alarms_per_2000().map_or_else(|| "-".to_owned(), |v| format!("{v:.2}")),
            neg.counts.false_alarms(),
            neg.chars
        );
    }
    let s = report.total_of(&STRUCTURED);
    eprintln!(
        "structured labels: recall={} precision={} leak={}",
        num(s.recall()),
        num(s.precision()),
        num(s.leak())
    );
    let t = report.total();
    eprintln!(
        "overall: recall={} precision={} leak={}",
        num(t.recall()),
        num(t.precision()),
        num(t.leak())
    );
}
