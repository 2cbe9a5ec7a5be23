//! Scrubbing the corpus through a session: outside the replaced spans the text is untouched, no
//! replaced span keeps its original, every surrogate keeps its kind's shape, and re-identifying
//! gives the document back (ages in words or decades excepted: Safe Harbor's `90+` is final).
#![cfg(not(target_arch = "wasm32"))]

use phiscrub::session::Session;
use phiscrub::surrogate::Policy;
use phiscrub::vault::{KeySource, MemoryStore, Vault, VaultKey};
use phiscrub::Label;

#[test]
fn every_replaced_span_changes_and_nothing_else_does() {
    let vault =
        Vault::open(MemoryStore::new(), KeySource::Key(VaultKey::from_bytes([5; 32]))).unwrap();
    let (mut session, _) = Session::open(vault, Policy::new(), 0).unwrap();
    let docs = phiscrub::eval::parse_corpus(include_str!("data/corpus/structured.jsonl")).unwrap();
    for doc in &docs {
        let found = session.detect(&doc.text).unwrap();
        let out = session.scrub(&doc.text, 0).unwrap();
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
}
