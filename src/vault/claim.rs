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

use sha2::digest::generic_array::GenericArray;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::key::Subkeys;
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

/// A tag as 32 lower-case hex digits, the form the JS layer stores claims under.
pub fn tag_hex(tag: &[u8; TAG_LEN]) -> String {
    String::from_utf8(super::id::hex16(tag).to_vec()).expect("hex digits are ASCII")
}

/// SHA-256's block length, in bytes.
const BLOCK: usize = 64;

/// SHA-256's initial state (FIPS 180-4, 5.3.3).
const SHA256_IV: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// Runs SHA-256's compression function over one block.
fn compress(state: &mut [u32; 8], block: &[u8; BLOCK]) {
    sha2::compress256(state, std::slice::from_ref(GenericArray::from_slice(block)));
}

/// HMAC-SHA256's inner hash in progress: a SHA-256 state, the block being filled and the bytes
/// hashed so far (the keyed block included). Wiped when dropped: it holds the keyed state and
/// the start of a value.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
struct Inner {
    state: [u32; 8],
    block: [u8; BLOCK],
    filled: usize,
    total: u64,
}

impl Inner {
    fn update(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            let n = (BLOCK - self.filled).min(data.len());
            self.block[self.filled..self.filled + n].copy_from_slice(&data[..n]);
            (self.filled, self.total, data) = (self.filled + n, self.total + n as u64, &data[n..]);
            if self.filled == BLOCK {
                compress(&mut self.state, &self.block);
                self.filled = 0;
            }
        }
    }

    /// The inner hash (SHA-256's padding: 0x80, zeros, the length in bits, big-endian).
    fn finish(mut self) -> Zeroizing<[u8; 32]> {
        let at = self.filled;
        self.block[at] = 0x80;
        self.block[at + 1..].fill(0);
        if at + 1 > BLOCK - 8 {
            compress(&mut self.state, &self.block);
            self.block.fill(0);
        }
        self.block[BLOCK - 8..].copy_from_slice(&(self.total * 8).to_be_bytes());
        compress(&mut self.state, &self.block);
        let mut out = Zeroizing::new([0; 32]);
        for (o, w) in out.chunks_exact_mut(4).zip(self.state) {
            o.copy_from_slice(&w.to_be_bytes());
        }
        out
    }
}

/// Computes the claims of entries under one vault's claim key; its keyed states are wiped when
/// dropped.
///
/// NOTE: HMAC-SHA256 by hand over `sha2`'s compression function, so that the two keyed blocks
/// (key XOR ipad, key XOR opad) are hashed once per vault and not once per tag, which saved 2 of
/// the 4 or 5 SHA-256 blocks of each tag, and the keyed states stay in wiped memory (`hmac`'s
/// own states are not wiped). The tests check it against `hmac` and pin the tags.
pub(crate) struct ClaimTagger {
    /// The inner hash after the key XOR ipad block and [`DOMAIN`].
    inner: Inner,
    /// The outer hash's state after the key XOR opad block.
    outer: Zeroizing<[u32; 8]>,
}

impl ClaimTagger {
    /// The tagger of the vault these subkeys belong to.
    pub(crate) fn new(subkeys: &Subkeys) -> ClaimTagger {
        // The key (32 bytes) is shorter than a block, so HMAC pads it with zeros.
        let keyed = |pad: u8| {
            let mut block = Zeroizing::new([pad; BLOCK]);
            for (b, k) in block.iter_mut().zip(subkeys.claim_key.iter()) {
                *b ^= k;
            }
            let mut state = Zeroizing::new(SHA256_IV);
            compress(&mut state, &block);
            state
        };
        let mut inner =
            Inner { state: *keyed(0x36), block: [0; BLOCK], filled: 0, total: BLOCK as u64 };
        inner.update(DOMAIN);
        ClaimTagger { inner, outer: keyed(0x5c) }
    }

    /// The tag of `data` in the namespace `ns`: HMAC-SHA256 of `DOMAIN`, `ns`, then each part
    /// with its length, truncated.
    fn tag(&self, ns: &[u8], data: &[&[u8]]) -> [u8; TAG_LEN] {
        let mut inner = self.inner.clone();
        inner.update(ns);
        for d in data {
            // Length-prefixed, so no two splits of the input give one tag.
            inner.update(&(d.len() as u64).to_le_bytes());
            inner.update(d);
        }
        let inner = inner.finish();
        // The outer hash's one block: the inner hash, padding, and the length (64 + 32 bytes).
        let mut block = Zeroizing::new([0; BLOCK]);
        block[..32].copy_from_slice(inner.as_slice());
        block[32] = 0x80;
        block[BLOCK - 8..].copy_from_slice(&(((BLOCK + 32) * 8) as u64).to_be_bytes());
        let mut state = self.outer.clone();
        compress(&mut state, &block);
        let mut out = [0; TAG_LEN];
        for (o, w) in out.chunks_exact_mut(4).zip(state.iter()) {
            o.copy_from_slice(&w.to_be_bytes());
        }
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
    use sha2::Sha256;

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
    fn tags_are_hmac_sha256() {
        use hmac::{Hmac, Mac};
        let subkeys = VaultKey::from_bytes([5; 32]).derive(&[1; 16]);
        let (t, claim_key) = (ClaimTagger::new(&subkeys), *subkeys.claim_key);
        // Every length around the block boundaries of the inner hash (one, two and three
        // blocks, with the padding in the same block or the next).
        for n in 0..200 {
            let data: Vec<u8> = (0..n).map(|i| (i * 7 + n) as u8).collect();
            let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&claim_key).expect("any key");
            mac.update(DOMAIN);
            mac.update(b"ns");
            mac.update(&(data.len() as u64).to_le_bytes());
            mac.update(&data);
            let full = mac.finalize().into_bytes();
            assert_eq!(t.tag(b"ns", &[&data]), full[..TAG_LEN], "{n} bytes");
        }
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
        let first = t.claims(&entry(Label::Mrn, "00482913", "71620495"))[0].key;
        let by_format: String = first.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(tag_hex(&first), by_format);
        assert_eq!(hex, "cf1e1a46241f79bfaed7a1fb8101e989d6b2b8ae8bda9be74eacdd66c840cef5");
    }
}
