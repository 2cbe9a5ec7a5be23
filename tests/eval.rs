//! The quality bar of the structured identifiers (issue 2) on the project's corpus: every label
//! recall >= 0.99 and precision >= 0.95, and no false alarm on the negative-heavy documents.
//! `make eval` prints the full table; this test keeps the figures from regressing.
#![cfg(not(target_arch = "wasm32"))]

use phiscrub::eval::{evaluate, parse_corpus, Kind};
use phiscrub::Detector;

use phiscrub::eval::STRUCTURED;

#[test]
fn structured_labels_meet_the_bar() {
    let src = include_str!("data/corpus/structured.jsonl");
    let docs = parse_corpus(src).expect("corpus parses");
    let report = evaluate(&Detector::new(), &docs).expect("corpus documents are small");
    let mut below = Vec::new();
    for label in STRUCTURED {
        let c = report.labels.get(&label).copied().unwrap_or_default();
        assert!(c.gold >= 15, "{label}: only {} gold spans in the corpus", c.gold);
        let (r, p) = (c.recall().unwrap_or(0.0), c.precision().unwrap_or(0.0));
        if r < 0.99 || p < 0.95 {
            below.push(format!("{label}: recall {r:.3} precision {p:.3}"));
        }
    }
    assert!(
        below.is_empty(),
        "below the bar (recall >= 0.99, precision >= 0.95):\n{}",
        below.join("\n")
    );
    let neg = &report.kinds[&Kind::Negative];
    assert_eq!(neg.counts.false_alarms(), 0, "false alarms on negative documents");
}
