//! Properties of scrubbing and re-identification on generated PHI-rich texts:
//! `rehydrate(scrub(x)) == x`, no detected original survives in `scrub(x)`, and a streamed
//! re-identification equals the batch one for any split into chunks.
#![cfg(not(target_arch = "wasm32"))]

use phiscrub::session::Session;
use phiscrub::surrogate::Policy;
use phiscrub::vault::{KeySource, MemoryStore, Vault, VaultKey};
use proptest::prelude::*;

/// Identifiers in many formats, and filler that is not PHI (some of it PHI-shaped).
fn fragment() -> impl Strategy<Value = String> {
    let area = 200u32..999;
    let line = 0u32..9999;
    prop_oneof![
        (area.clone(), 200u32..999, line.clone())
            .prop_map(|(a, e, l)| format!("call ({a}) {e}-{l:04}")),
        (area, 200u32..999, line).prop_map(|(a, e, l)| format!("cell {a}.{e}.{l:04}")),
        (1u32..13, 1u32..29, 1930u32..2024).prop_map(|(m, d, y)| format!("DOB {m}/{d}/{y}")),
        (1u32..13, 1u32..29).prop_map(|(m, d)| format!("seen on {m}/{d}")),
        (0usize..12, 1u32..29, 2000u32..2025).prop_map(|(m, d, y)| {
            const M: [&str; 12] = [
                "January", "Feb", "March", "Apr", "May", "June", "Jul", "August", "Sept", "Oct",
                "November", "Dec",
            ];
            format!("visit {} {d}, {y}", M[m])
        }),
        (100u32..999, 10u32..99, 1000u32..9999).prop_map(|(a, g, s)| format!("SSN {a}-{g}-{s}")),
        (0u32..99_999_999).prop_map(|n| format!("MRN: {n:08}")),
        ("[a-z]{3,8}", "[a-z]{3,8}").prop_map(|(u, d)| format!("mail {u}@{d}.example.org")),
        (1u8..255, 0u8..255, 0u8..255, 1u8..255)
            .prop_map(|(a, b, c, d)| format!("from {a}.{b}.{c}.{d}")),
        (90u32..110).prop_map(|a| format!("a {a}-year-old")),
        (10_000u32..99_999).prop_map(|z| format!("Springfield, IL {z}")),
        Just("BP 128/82, HR 72, SpO2 97%".to_owned()),
        Just("hydrocodone 5/325 mg, take 1/2 tab".to_owned()),
        Just("ICD-10 E11.9, CPT 99213".to_owned()),
        Just("pain 4/10 since 2019".to_owned()),
        "[a-z ]{0,20}",
        Just("😀 café ".to_owned()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 1..8).prop_map(|v| v.join(". "))
}

/// One session for all cases (building a detector per case would dominate the run); sharing it
/// also checks the properties on a vault that keeps growing.
fn session() -> std::sync::MutexGuard<'static, Session<MemoryStore>> {
    static SESSION: std::sync::OnceLock<std::sync::Mutex<Session<MemoryStore>>> =
        std::sync::OnceLock::new();
    SESSION
        .get_or_init(|| {
            let key = KeySource::Key(VaultKey::generate().unwrap());
            let vault = Vault::open(MemoryStore::new(), key).unwrap();
            let policy = Policy::new().with_age_surrogates(true);
            std::sync::Mutex::new(Session::open(vault, policy, 0).unwrap().0)
        })
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn rehydrate_of_scrub_is_the_input(x in text()) {
        let mut s = session();
        let scrubbed = s.scrub(&x, 0).unwrap();
        prop_assert_eq!(s.rehydrator().rehydrate(&scrubbed.text), x);
    }

    #[test]
    fn no_detected_original_survives(x in text()) {
        let mut s = session();
        let found = s.detect(&x).unwrap();
        let out = s.scrub(&x, 0).unwrap();
        // Every finding is an entity; a bystander (an undetected date equal to another's
        // shifted surrogate, say) is an entity more, and the text around it is not compared.
        let placed: Vec<_> = out.entities.iter().filter(|e| !e.bystander).collect();
        prop_assert_eq!(found.len(), placed.len());
        let (mut a, mut b, mut crossed) = (0, 0, false);
        let mut findings = found.iter();
        for e in &out.entities {
            if e.bystander {
                crossed = true;
                continue;
            }
            let f = findings.next().unwrap();
            prop_assert_eq!(f.label, e.label);
            if !crossed {
                prop_assert_eq!(&x[a..f.start], &out.text[b..e.start]);
            }
            prop_assert_ne!(&x[f.start..f.end], &out.text[e.start..e.end]);
            (a, b, crossed) = (f.end, e.end, false);
        }
        if !crossed {
            prop_assert_eq!(&x[a..], &out.text[b..]);
        }
    }

    #[test]
    fn streamed_equals_batch(x in text(), cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..12)) {
        let mut s = session();
        let scrubbed = s.scrub(&x, 0).unwrap().text;
        let r = s.rehydrator();
        let mut points: Vec<usize> = cuts.iter().map(|i| i.index(scrubbed.len() + 1)).collect();
        points.push(scrubbed.len());
        points.sort_unstable();
        let mut stream = r.stream();
        let (mut out, mut at) = (String::new(), 0);
        for p in points {
            let p = (p..=scrubbed.len()).find(|&q| scrubbed.is_char_boundary(q)).unwrap();
            if p > at {
                out.push_str(&stream.push(&scrubbed[at..p]));
                at = p;
            }
        }
        out.push_str(&stream.finish());
        prop_assert_eq!(out, r.rehydrate(&scrubbed));
    }
}
