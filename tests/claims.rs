//! Several writers of one vault, natively: what the browser's pages do around IndexedDB (see
//! js/src/index.js), with two engines standing for two pages.
//!
//! - [`Surrogates::extend`] with another page's pairs: the same original gets that page's
//!   surrogate, and no new draw repeats one of its surrogates (phones: a space of 100 per area
//!   code, so drawing blind would clash).
//! - [`VaultCore::claims`]: two pages of one vault compute the same claims for one pair, and a
//!   clash (one surrogate, two originals; one original, two surrogates) shows as one key with two
//!   values; another vault's claims share nothing.

use phiscrub::surrogate::{Pair, Policy, Surrogates};
use phiscrub::vault::{ClaimKind, KeySource, MappingEntry, VaultCore, VaultKey};
use phiscrub::{Detector, Label};

fn page(seed: u8) -> Surrogates {
    Surrogates::from_parts([seed; 32], 40, Vec::new())
}

fn scrub(engine: &mut Surrogates, text: &str) -> (String, Vec<Pair>) {
    let found = Detector::new().detect(text).unwrap();
    let out = engine.scrub(text, &found, &Policy::new());
    (out.text, out.new_pairs)
}

#[test]
fn a_page_that_loaded_another_pages_pairs_reuses_and_avoids_them() {
    let mut a = page(1);
    let mut b = page(2);
    let mut issued = Vec::new();
    let mut from_a = Vec::new();
    for i in 0..60 {
        let (text, pairs) = scrub(&mut a, &format!("call (312) 201-{:04}", 1000 + i));
        issued.push(text);
        from_a.extend(pairs);
    }
    b.extend(from_a.clone());
    // Loading the same pairs again adds nothing.
    b.extend(from_a);
    assert_eq!(b.pairs().len(), 60);
    let (again, new) = scrub(&mut b, "call (312) 201-1000");
    assert_eq!(again, issued[0], "the same original, the other page's surrogate");
    assert!(new.is_empty());
    for i in 0..10 {
        let (text, new) = scrub(&mut b, &format!("call (312) 201-{:04}", 5000 + i));
        assert_eq!(new.len(), 1);
        assert!(!issued.contains(&text), "a surrogate the other page issued was drawn again");
        issued.push(text);
    }
}

fn entry(label: Label, original: &str, surrogate: &str) -> MappingEntry {
    MappingEntry {
        label,
        original: original.into(),
        surrogate: surrogate.into(),
        created_at_ms: 1,
        expires_at_ms: None,
    }
}

#[test]
fn two_pages_of_one_vault_claim_alike_and_clashes_share_a_key() {
    let key = || KeySource::Key(VaultKey::from_bytes([7; 32]));
    let first = VaultCore::create(&key()).unwrap();
    let second = VaultCore::unlock(&first.header().to_bytes(), &key()).unwrap();
    let pair = entry(Label::Phone, "(312) 201-3344", "(312) 555-0142");
    assert_eq!(first.claims(&pair).unwrap(), second.claims(&pair).unwrap());

    let exclusive = |core: &VaultCore, e: &MappingEntry| -> Vec<([u8; 16], [u8; 16])> {
        let claims = core.claims(e).unwrap();
        claims.iter().filter(|c| c.kind == ClaimKind::Exclusive).map(|c| (c.key, c.value)).collect()
    };
    // One surrogate, two originals: the surrogate's key with two owners.
    let other_owner = entry(Label::Phone, "312.201.9999", "312-555-0142");
    let (x, y) = (exclusive(&first, &pair), exclusive(&second, &other_owner));
    assert_eq!(x[1].0, y[1].0);
    assert_ne!(x[1].1, y[1].1);
    // One original, two surrogates: the original's key with two values.
    let other_surrogate = entry(Label::Phone, "312 201 3344", "(312) 555-0177");
    let z = exclusive(&second, &other_surrogate);
    assert_eq!(x[0].0, z[0].0);
    assert_ne!(x[0].1, z[0].1);

    // Another vault under the same key shares no tag.
    let elsewhere = VaultCore::create(&key()).unwrap();
    let theirs = elsewhere.claims(&pair).unwrap();
    for c in first.claims(&pair).unwrap() {
        assert!(theirs.iter().all(|t| t.key != c.key && t.value != c.value));
    }
    // A forgotten vault computes no claims.
    let mut gone = second;
    gone.forget();
    assert_eq!(gone.claims(&pair).unwrap_err().code(), "forgotten");
}
