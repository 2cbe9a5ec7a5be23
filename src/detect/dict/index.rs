//! One hashed index over every list: a folded key to the set of lists that hold it (and, for
//! the medical list, the kind of term), in one probe instead of a binary search per list.
//!
//! NOTE: speed, measured with callgrind (issue 6, bench/FINDINGS.md session 5): the name
//! recognizer asks about each new word of a text in seven lists, and the place and split
//! recognizers in several more; the binary searches were ~430 instructions each and 15% of
//! `detect`. The index is built on the first lookup after the lists are available (in wasm,
//! after `load_dictionaries`), once per process, from the list texts themselves: nothing is
//! added to the binary or the dictionary file. It holds no copy of the keys: each slot points
//! at its key in a list's text.

use super::{list_text, lists, medical_kind, MedicalKind};

/// The lists holding one folded key, as bits by list id, and the kind of a medical term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lists(u16);

/// The medical kind's three bits, above the list bits: 0 when not a medical term.
const KIND_SHIFT: u32 = lists::COUNT as u32;

impl Lists {
    /// Is the key in list `id` (a position in [`lists::NAMES`])?
    pub(super) fn has(self, id: usize) -> bool {
        self.0 & (1 << id) != 0
    }

    /// These lists, without those not in `ids` (list positions).
    pub(super) fn only(self, ids: &[usize]) -> Lists {
        let lists = ids.iter().fold(0, |m, &id| m | 1 << id);
        let kind = match ids.contains(&lists::MEDICAL_TERMS) {
            true => 7 << KIND_SHIFT,
            false => 0,
        };
        Lists(self.0 & (lists | kind))
    }

    /// A first name of the ranked list ([`super::first_name`] is `Some`).
    pub(crate) fn first_name(self) -> bool {
        self.has(lists::FIRST_NAMES)
    }

    /// A surname of the ranked list ([`super::surname`] is `Some`).
    pub(crate) fn surname(self) -> bool {
        self.has(lists::SURNAMES)
    }

    /// One of the rarer first names ([`super::rare_first_name`]).
    pub(crate) fn rare_first_name(self) -> bool {
        self.has(lists::FIRST_NAMES_MORE)
    }

    /// One of the rarer surnames ([`super::rare_surname`]).
    pub(crate) fn rare_surname(self) -> bool {
        self.has(lists::SURNAMES_MORE)
    }

    /// An everyday English word ([`super::is_everyday_word`]).
    pub(crate) fn everyday_word(self) -> bool {
        self.has(lists::ENGLISH_WORDS)
    }

    /// An everyday word that is also a name or place ([`super::is_common_word`]).
    pub(crate) fn common_word(self) -> bool {
        self.has(lists::COMMON_WORDS)
    }

    /// The medical list's kind for the key, if it is a medical term.
    pub(crate) fn medical(self) -> Option<MedicalKind> {
        Some(match (self.0 >> KIND_SHIFT) & 7 {
            0 => return None,
            1 => MedicalKind::Eponym,
            2 => MedicalKind::Drug,
            3 => MedicalKind::Unit,
            4 => MedicalKind::Abbreviation,
            _ => MedicalKind::Term,
        })
    }

    /// These lists and list `id`, whose line for the key has `fields` after its tab.
    pub(super) fn with(self, id: usize, fields: &[u8]) -> Lists {
        let kind = match id {
            lists::MEDICAL_TERMS => match medical_kind(fields) {
                MedicalKind::Eponym => 1,
                MedicalKind::Drug => 2,
                MedicalKind::Unit => 3,
                MedicalKind::Abbreviation => 4,
                MedicalKind::Term => 5,
            },
            _ => 0,
        };
        Lists(self.0 | 1 << id | kind << KIND_SHIFT)
    }
}

/// A slot of the table, 0 when empty. From the low bits: the key's offset in its list's text
/// (20 bits), that list's id (4), the key's length (6), the [`Lists`] bits (14), and the high 20
/// bits of the key's hash, which reject almost every other key without reading its bytes.
type Slot = u64;

const OFF_BITS: u32 = 20;
const LIST_SHIFT: u32 = OFF_BITS;
const LEN_SHIFT: u32 = LIST_SHIFT + 4;
const LISTS_SHIFT: u32 = LEN_SHIFT + 6;
const TAG_SHIFT: u32 = LISTS_SHIFT + 14;

/// Open addressing with linear probing; the table has at least 1.5 slots a line of all lists,
/// so it is at most two-thirds full and a probe sequence is short.
pub(super) struct Index {
    slots: Box<[Slot]>,
}

impl Index {
    /// Indexes every list's keys, or `None` if one does not fit the slot's fields (a list of
    /// 1 MB or more, a key of 64 bytes or more: not these lists, checked by a test), so that
    /// callers fall back to the binary searches.
    pub(super) fn build() -> Option<Index> {
        // Every line of every list, an upper bound on the distinct keys (a pass that counts
        // newlines costs a fraction of the hashing below).
        let lines: usize = (0..lists::COUNT)
            .map(|id| list_text(id).as_bytes().iter().filter(|&&b| b == b'\n').count() + 1)
            .sum();
        let size = (lines + lines / 2).next_power_of_two();
        let mut slots = vec![0 as Slot; size].into_boxed_slice();
        let mask = size - 1;
        for id in 0..lists::COUNT {
            let bytes = list_text(id).as_bytes();
            if bytes.len() >= 1 << OFF_BITS {
                return None;
            }
            let mut at = 0;
            while at < bytes.len() {
                // One pass to the key's end; only lines with fields need a second one.
                let k = key_end(bytes, at);
                let key = &bytes[at..k];
                let mut end = k;
                if bytes.get(k) == Some(&b'\t') {
                    end =
                        bytes[k..].iter().position(|&c| c == b'\n').map_or(bytes.len(), |i| k + i);
                }
                if key.len() >= 64 {
                    return None;
                }
                let bits = Lists::default().with(id, bytes.get(k + 1..end).unwrap_or_default()).0;
                let h = hash(key);
                let mut i = h as usize & mask;
                loop {
                    let s = slots[i];
                    if s == 0 {
                        slots[i] = (at as u64)
                            | (id as u64) << LIST_SHIFT
                            | (key.len() as u64) << LEN_SHIFT
                            | u64::from(bits) << LISTS_SHIFT
                            | (h >> TAG_SHIFT) << TAG_SHIFT;
                        break;
                    }
                    if same(s, h, key) {
                        slots[i] = s | u64::from(bits) << LISTS_SHIFT;
                        break;
                    }
                    i = (i + 1) & mask;
                }
                at = end + 1;
            }
        }
        Some(Index { slots })
    }

    /// The lists holding `key` (a folded key, as the lists spell it).
    pub(super) fn get(&self, key: &[u8]) -> Lists {
        let h = hash(key);
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return Lists(0);
            }
            if same(s, h, key) {
                return Lists((s >> LISTS_SHIFT) as u16 & 0x3fff);
            }
            i = (i + 1) & mask;
        }
    }

    /// The table's size in bytes (for the measurements in bench/FINDINGS.md).
    #[cfg(test)]
    pub(super) fn bytes(&self) -> usize {
        std::mem::size_of_val(&*self.slots)
    }
}

/// Where the key of the line starting at `at` ends: its first tab or newline, or the end.
///
/// NOTE: eight bytes at a time (keys hold no byte below a space, and both ends are): a byte
/// loop made the index's build a third slower, and the build is part of a page's first scrubs.
fn key_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    while let Some(w) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(w.try_into().unwrap_or_default());
        // The high bit of each byte below 0x20 (the classic "has less than" test; bytes of 0x80
        // and above do not occur in the lists, which are ASCII).
        let below = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
        if below != 0 {
            return at + (below.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && bytes[at] >= 0x20 {
        at += 1;
    }
    at
}

/// Does the full slot `s` hold `key`, whose hash is `h`?
fn same(s: Slot, h: u64, key: &[u8]) -> bool {
    if s >> TAG_SHIFT != h >> TAG_SHIFT || (s >> LEN_SHIFT) as usize & 63 != key.len() {
        return false;
    }
    let off = s as usize & ((1 << OFF_BITS) - 1);
    let text = list_text((s >> LIST_SHIFT) as usize & 15).as_bytes();
    text.get(off..off + key.len()) == Some(key)
}

/// A 64-bit hash of a key, eight bytes at a time (the last word overlapping the one before,
/// or for a short key its first and last bytes), finished with MurmurHash3's mixer so that the
/// low bits (the slot) and the high bits (the tag) both depend on every byte.
fn hash(key: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let n = key.len();
    let word = |i: usize| u64::from_le_bytes(key[i..i + 8].try_into().unwrap_or_default());
    let half =
        |i: usize| u64::from(u32::from_le_bytes(key[i..i + 4].try_into().unwrap_or_default()));
    let mut h = (n as u64).wrapping_mul(K);
    let mut i = 0;
    while i + 8 < n {
        h = (h ^ word(i)).wrapping_mul(K).rotate_left(31);
        i += 8;
    }
    let last = match n {
        8.. => word(n - 8),
        4..=7 => half(0) | half(n - 4) << 32,
        1..=3 => u64::from(key[0]) | u64::from(key[n / 2]) << 8 | u64::from(key[n - 1]) << 16,
        0 => 0,
    };
    h = (h ^ last).wrapping_mul(K).rotate_left(31);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}
