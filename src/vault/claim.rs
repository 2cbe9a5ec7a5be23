//! Claims: keyed tags that let several pages (tabs) writing one vault see each other's pairs
//! before they commit their own.
//!
//! Each page draws surrogates at random from its own engine. Two pages that have not yet read
//! each other's records can give one surrogate to two originals (one patient's number restored
//! as another's), or two surrogates to one original. So each record is stored together with its
//! claims, in the same storage transaction: a claim is a lookup key (a tag) and a value (another
//! tag). Before writing, the transaction reads the claims already there; one that says otherwise
//! means another page got there first, and the page aborts, loads the other pages' records into
//! its engine and scrubs again (js/src/vault-idb.js, js/src/index.js).
//!
//! # The tags are lookup keys, not codes
//! A tag is HMAC-SHA256 under a subkey of the vault key (HKDF, `info` "claim-key"), truncated to
//! 128 bits; without the key, a tag tells nothing about the value and cannot be tested against a
//! guess. Surrogates themselves are still drawn at random and never derived from the original:
//! 45 CFR 164.514(c) forbids a re-identification code derived from the individual's data, and a
//! tag is never placed in any text; it only lets the page's storage find a clash.
//!
//! # What is claimed (mirroring [`crate::surrogate::Surrogates`]' own rules)
//! - `Mark` on the original (lower-case identity): "this is a real value", so no page draws it as
//!   a surrogate (the engine's `o:` entries).
//! - `Exclusive` on (label, original identity) with the surrogate as value: one original, one
//!   surrogate across pages (the engine's forward map). Not for dates: their shift is the same
//!   in every page.
//! - `Exclusive` on the surrogate (lower-case identity, across labels, as the engine keys it)
//!   with the original as value: one surrogate, one original (the engine's `s:` entries). Ages
//!   have their own space (only ages must differ from ages), and the `90+` category is shared
//!   by design.
//! - `Absent` on the surrogate as an original: a drawn number must not be another page's real
//!   value (the engine checks `o:` too), except for names, which may equal a real name seen
//!   elsewhere (see the engine).
//! - For names, two more per word (the engine's name book maps `Smith` -> `Baker` once for
//!   every later `Mr. Smith` or `SMITH, DAN`): one surrogate word per original word and one
//!   original word per surrogate word, across pages. Not "no surrogate word is a real word seen
//!   elsewhere": a new spelling of a known name reuses its words, so that check could refuse a
//!   pair forever. Initials are left out: 26 letters cannot stay one-to-one across pages, and
//!   an initial restores nothing on its own.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::key::{Subkeys, KEY_LEN};
use super::MappingEntry;
use crate::surrogate::{aligned_parts, Surrogates};
use crate::Label;

/// Length of a claim tag, in bytes (128 bits: a chance collision is out of reach).
pub const TAG_LEN: usize = 16;

/// Domain of every tag, versioned with the format.
const DOMAIN: &[u8] = b"phiscrub/claim/v1\0";

/// How a page's write treats a claim already stored under the same key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    /// Written if absent; a stored claim with another value is a conflict.
    Exclusive,
    /// Only checked: any stored claim under this key is a conflict; nothing is written.
    Absent,
    /// Written if absent; never a conflict.
    Mark,
}

impl ClaimKind {
    /// The one-letter form the JS layer switches on: `x`, `a` or `m`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Exclusive => "x",
            ClaimKind::Absent => "a",
            ClaimKind::Mark => "m",
        }
    }
}

/// One claim of a record: tags only, never a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The lookup key.
    pub key: [u8; TAG_LEN],
    /// What the key must map to (unused for [`ClaimKind::Absent`]).
    pub value: [u8; TAG_LEN],
    /// How a stored claim under `key` is treated.
    pub kind: ClaimKind,
}

/// Computes the claims of entries under one vault's claim key; the key is wiped when dropped.
pub(crate) struct ClaimTagger {
    key: Zeroizing<[u8; KEY_LEN]>,
}

impl ClaimTagger {
    /// The tagger of the vault these subkeys belong to.
    pub(crate) fn new(subkeys: &Subkeys) -> ClaimTagger {
        ClaimTagger { key: Zeroizing::new(*subkeys.claim_key) }
    }

    /// The tag of `data` in the namespace `ns`.
    fn tag(&self, ns: &[u8], data: &[&[u8]]) -> [u8; TAG_LEN] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.key.as_slice())
            .expect("HMAC takes a key of any length");
        mac.update(DOMAIN);
        mac.update(ns);
        for d in data {
            // Length-prefixed, so no two splits of the input give one tag.
            mac.update(&(d.len() as u64).to_le_bytes());
            mac.update(d);
        }
        let full = mac.finalize().into_bytes();
        let mut out = [0; TAG_LEN];
        out.copy_from_slice(&full[..TAG_LEN]);
        out
    }

    /// The claims of one stored pair (see the module docs for what each stands for).
    pub(crate) fn claims(&self, entry: &MappingEntry) -> Vec<Claim> {
        let label = entry.label;
        let id = Zeroizing::new(Surrogates::identity(label, &entry.original));
        let original = Zeroizing::new(id.to_lowercase());
        let surrogate =
            Zeroizing::new(Surrogates::identity(label, &entry.surrogate).to_lowercase());
        let owner = self.tag(b"o", &[original.as_bytes()]);
        let mut out = vec![Claim { key: owner, value: owner, kind: ClaimKind::Mark }];
        if label == Label::Date {
            return out;
        }
        out.push(Claim {
            key: self.tag(b"f", &[label.as_str().as_bytes(), id.as_bytes()]),
            value: self.tag(b"v", &[entry.surrogate.as_bytes()]),
            kind: ClaimKind::Exclusive,
        });
        match label {
            Label::Age if entry.surrogate == "90+" => {}
            Label::Age => out.push(Claim {
                key: self.tag(b"age", &[entry.surrogate.as_bytes()]),
                value: owner,
                kind: ClaimKind::Exclusive,
            }),
            _ => {
                out.push(Claim {
                    key: self.tag(b"s", &[surrogate.as_bytes()]),
                    value: owner,
                    kind: ClaimKind::Exclusive,
                });
                if label != Label::Name {
                    let as_original = self.tag(b"o", &[surrogate.as_bytes()]);
                    out.push(Claim {
                        key: as_original,
                        value: as_original,
                        kind: ClaimKind::Absent,
                    });
                }
                if label == Label::Name {
                    for (a, b) in aligned_parts(&entry.original, &entry.surrogate) {
                        let (a, b) = (Zeroizing::new(a), Zeroizing::new(b));
                        out.push(Claim {
                            key: self.tag(b"nf", &[a.as_bytes()]),
                            value: self.tag(b"nv", &[b.as_bytes()]),
                            kind: ClaimKind::Exclusive,
                        });
                        out.push(Claim {
                            key: self.tag(b"ns", &[b.as_bytes()]),
                            value: self.tag(b"nw", &[a.as_bytes()]),
                            kind: ClaimKind::Exclusive,
                        });
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::VaultKey;

    fn tagger(k: u8) -> ClaimTagger {
        ClaimTagger::new(&VaultKey::from_bytes([k; 32]).derive(&[1; 16]))
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

    fn key_of(claims: &[Claim], kind: ClaimKind, n: usize) -> [u8; TAG_LEN] {
        claims.iter().filter(|c| c.kind == kind).nth(n).expect("claim").key
    }

    #[test]
    fn one_surrogate_two_originals_share_the_surrogate_key_with_different_owners() {
        let t = tagger(1);
        let a = t.claims(&entry(Label::Phone, "(555) 201-3344", "(555) 555-0142"));
        let b = t.claims(&entry(Label::Phone, "555.201.9999", "555-555-0142"));
        let (sa, sb) = (&a[2], &b[2]);
        assert_eq!(sa.key, sb.key, "one surrogate in two layouts is one key");
        assert_ne!(sa.value, sb.value, "owned by two originals");
        assert_eq!(a.len(), 4);
    }

    #[test]
    fn one_original_in_two_layouts_shares_the_forward_key() {
        let t = tagger(1);
        let a = t.claims(&entry(Label::Phone, "(555) 201-3344", "(555) 555-0142"));
        let b = t.claims(&entry(Label::Phone, "555.201.3344", "555-555-0177"));
        let fa = key_of(&a, ClaimKind::Exclusive, 0);
        assert_eq!(fa, key_of(&b, ClaimKind::Exclusive, 0));
        assert_ne!(a[1].value, b[1].value);
        // A surrogate equal to a stored original is found through the original's mark.
        let c = t.claims(&entry(Label::Phone, "555 777 0000", "555-201-3344"));
        assert_eq!(key_of(&c, ClaimKind::Absent, 0), a[0].key);
    }

    #[test]
    fn tags_depend_on_the_key_and_dates_and_the_age_category_claim_no_surrogate() {
        let e = entry(Label::Mrn, "00482913", "71620495");
        assert_ne!(tagger(1).claims(&e), tagger(2).claims(&e));
        let d = tagger(1).claims(&entry(Label::Date, "3/14", "5/2"));
        assert_eq!(d.iter().map(|c| c.kind).collect::<Vec<_>>(), [ClaimKind::Mark]);
        let age = tagger(1).claims(&entry(Label::Age, "93", "90+"));
        assert!(age.iter().all(|c| c.kind != ClaimKind::Absent) && age.len() == 2);
        let name = tagger(1).claims(&entry(Label::Name, "Dan Smith", "John Baker"));
        assert_eq!(name.len(), 3 + 2 * 2, "the whole name, then each of its two words");
    }

    #[test]
    fn name_words_claim_across_spellings() {
        let t = tagger(1);
        let a = t.claims(&entry(Label::Name, "Dan Smith", "John Baker"));
        let b = t.claims(&entry(Label::Name, "SMITH, ANN", "BAKER, MARY"));
        let c = t.claims(&entry(Label::Name, "Lee Jones", "Kim Baker"));
        let key = |cs: &[Claim], i: usize| (cs[i].key, cs[i].value);
        // `smith` -> `baker` is one claim in both spellings, `jones` -> `baker` clashes with it.
        assert_eq!(key(&a, 3 + 2 + 1), key(&b, 3 + 1));
        assert_eq!(a[3 + 2 + 1].key, c[3 + 2 + 1].key);
        assert_ne!(a[3 + 2 + 1].value, c[3 + 2 + 1].value);
        // Initials and unchanged words claim nothing.
        assert_eq!(t.claims(&entry(Label::Name, "D. Smith", "J. Baker")).len(), 3 + 2);
    }

    #[test]
    fn tags_are_pinned() {
        // NOTE: claims are stored by pages running other builds of this code, so a tag must never
        // change for the same key and entry; these digests were taken before the tagger kept its
        // keyed HMAC state (which must not change a tag).
        use sha2::Digest;
        let t = tagger(3);
        let mut all = sha2::Sha256::new();
        for (label, o, s) in [
            (Label::Name, "Dan O'Neil Smith", "John Baker Lee"),
            (Label::Name, "SMITH, ANN", "BAKER, MARY"),
            (Label::Phone, "(555) 201-3344", "(555) 555-0142"),
            (Label::Age, "93", "90+"),
            (Label::Age, "93", "97"),
            (Label::Date, "3/14/2024", "5/2/2024"),
            (Label::City, "Springfield", "Eugene"),
            (
                Label::Address,
                "12 Main St Apt 4, Springfield, IL 62704 and a long tail past one block",
                "9 Elm Rd",
            ),
        ] {
            for c in t.claims(&entry(label, o, s)) {
                all.update(c.key);
                all.update(c.value);
                all.update(c.kind.as_str());
            }
        }
        let hex: String = all.finalize().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "cf1e1a46241f79bfaed7a1fb8101e989d6b2b8ae8bda9be74eacdd66c840cef5");
    }
}
