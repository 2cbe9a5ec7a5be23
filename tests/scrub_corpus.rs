//! Scrubbing the corpus through a session: outside the replaced spans the text is untouched, no
//! replaced span keeps its original, every surrogate keeps its kind's shape, and re-identifying
//! gives the document back (ages in words or decades excepted: Safe Harbor's `90+` is final).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use phiscrub::reidentify::Rehydrator;
use phiscrub::session::Session;
use phiscrub::surrogate::{Policy, Surrogates};
use phiscrub::vault::{KeySource, MemoryStore, Vault, VaultKey};
use phiscrub::Label;

#[test]
fn every_replaced_span_changes_and_nothing_else_does() {
    let vault =
        Vault::open(MemoryStore::new(), KeySource::Key(VaultKey::from_bytes([5; 32]))).unwrap();
    let (mut session, _) = Session::open(vault, Policy::new(), 0).unwrap();
    let docs = phiscrub::eval::parse_corpus(include_str!("data/corpus/structured.jsonl")).unwrap();
    let mut bystanders = 0;
    for doc in &docs {
        let found = session.detect(&doc.text).unwrap();
        let out = session.scrub(&doc.text, 0).unwrap();
        // A bystander (an earlier document's surrogate written here, undetected) is replaced
        // too; the test of `every_document_comes_back_in_many_vaults` covers those documents.
        if out.entities.iter().any(|e| e.bystander) {
            bystanders += 1;
            continue;
        }
        assert_eq!(out.entities.len(), found.len(), "{}: one entity per finding", doc.id);
        let (mut a, mut b) = (0, 0);
        for (f, e) in found.iter().zip(&out.entities) {
            assert_eq!(f.label, e.label);
            assert_eq!(
                doc.text[a..f.start],
                out.text[b..e.start],
                "{}: text between spans",
                doc.id
            );
            let (orig, sur) = (&doc.text[f.start..f.end], &out.text[e.start..e.end]);
            assert_ne!(orig, sur, "{}: {} kept its original", doc.id, f.label);
            match f.label {
                Label::Phone | Label::Fax => {
                    let d: String = sur.chars().filter(char::is_ascii_digit).collect();
                    assert!(d.contains("55501"), "{}: phone {sur} not in 555-01xx", doc.id);
                }
                Label::Email => assert!(sur.to_ascii_lowercase().contains("@example."), "{sur}"),
                Label::Ip => assert!(
                    ["192.0.2.", "198.51.100.", "203.0.113.", "2001:db8:"]
                        .iter()
                        .any(|p| sur.to_ascii_lowercase().starts_with(p)),
                    "{}: ip {sur}",
                    doc.id
                ),
                Label::Age => assert_eq!(sur, "90+"),
                _ => {}
            }
            (a, b) = (f.end, e.end);
        }
        assert_eq!(doc.text[a..], out.text[b..], "{}: text after the last span", doc.id);
    }
    assert!(bystanders * 20 <= docs.len(), "{bystanders} documents with a bystander");
}

/// Every document of the corpus, scrubbed in turn into one vault, comes back whole from the
/// vault's final re-identifier, for many vaults (each draws other surrogates and another date
/// offset). Without bystanders replaced, 38 documents in 250 vaults failed: a surrogate drawn
/// for one document and written, undetected, in a later one. Without released words kept from
/// later draws, 1 in 250 failed the other way round; two months merged by the date shift, 1.
#[test]
fn every_document_comes_back_in_many_vaults() {
    let docs = phiscrub::eval::parse_corpus(include_str!("data/corpus/structured.jsonl")).unwrap();
    let detector = phiscrub::Detector::new();
    let policy = Policy::new().with_age_surrogates(true);
    let found: Vec<_> = docs.iter().map(|d| detector.detect(&d.text).unwrap()).collect();
    let mut wrong = Vec::new();
    let mut bystanders = 0;
    for seed in 0..VAULTS {
        let mut engine = Surrogates::new([seed; 32]);
        let scrubbed: Vec<_> =
            docs.iter().zip(&found).map(|(d, f)| engine.scrub(&d.text, f, &policy)).collect();
        bystanders += scrubbed.iter().flat_map(|s| &s.entities).filter(|e| e.bystander).count();
        let r = Rehydrator::new(engine.pairs(), engine.date_offset());
        for (doc, out) in docs.iter().zip(&scrubbed) {
            let (got, want) = (r.rehydrate(&out.text), common::expected_back(doc));
            if got != want && !common::same_but_month_spelling(&got, &want) {
                wrong.push(format!(
                    "seed {seed}, {}: {}",
                    doc.id,
                    common::around_difference(&got, &want)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} documents did not come back:\n{}", wrong.len(), wrong.join("\n"));
    // Some vaults draw a surrogate that a later document writes, undetected (`Boston` in
    // `Boston Scientific`): the test must go through that path, not around it.
    assert!(bystanders > 0, "no bystander in {VAULTS} vaults: the test needs other seeds");
    eprintln!("{bystanders} bystanders replaced over {VAULTS} vaults");
}

/// Vaults in `every_document_comes_back_in_many_vaults`.
const VAULTS: u8 = 64;
