// The dictionary lists, by position: shared with `build.rs` (which `include!`s this file to pack
// them into the dictionary file), so the packer and the reader cannot disagree on the order.

/// How many lists there are.
pub(crate) const COUNT: usize = 11;

/// The lists' file stems under `data/dict/` (`surnames` is `data/dict/surnames.txt`), in the
/// order the dictionary file holds them; a list's position is its id below.
pub(crate) const NAMES: [&str; COUNT] = [
    "surnames",
    "first_names",
    "cities",
    "world_cities",
    "counties",
    "common_words",
    "english_names",
    "first_names_more",
    "surnames_more",
    "english_words",
    "medical_terms",
];

/// Position of `surnames` in [`NAMES`].
pub(crate) const SURNAMES: usize = 0;
/// Position of `first_names` in [`NAMES`].
pub(crate) const FIRST_NAMES: usize = 1;
/// Position of `cities` in [`NAMES`].
pub(crate) const CITIES: usize = 2;
/// Position of `world_cities` in [`NAMES`].
pub(crate) const WORLD_CITIES: usize = 3;
/// Position of `counties` in [`NAMES`].
pub(crate) const COUNTIES: usize = 4;
/// Position of `common_words` in [`NAMES`].
pub(crate) const COMMON_WORDS: usize = 5;
/// Position of `english_names` in [`NAMES`].
pub(crate) const ENGLISH_NAMES: usize = 6;
/// Position of `first_names_more` in [`NAMES`].
pub(crate) const FIRST_NAMES_MORE: usize = 7;
/// Position of `surnames_more` in [`NAMES`].
pub(crate) const SURNAMES_MORE: usize = 8;
/// Position of `english_words` in [`NAMES`].
pub(crate) const ENGLISH_WORDS: usize = 9;
/// Position of `medical_terms` in [`NAMES`].
pub(crate) const MEDICAL_TERMS: usize = 10;

/// Version of the dictionary file's layout (see `src/detect/dict/bundle.rs`); raised whenever
/// the layout or the meaning of [`NAMES`] changes.
pub(crate) const FORMAT_VERSION: u32 = 1;

/// The first eight bytes of a dictionary file.
pub(crate) const MAGIC: &[u8; 8] = b"PHISDICT";

/// The dictionary file's checksum: a 64-bit hash of `bytes` (the file before its last 8 bytes).
///
/// NOTE: not SHA-256: the file comes from the same origin as the wasm, so the check is against
/// damage and a stale file, not an attacker, and in a cold page the first call runs in the
/// browser's baseline compiler, where SHA-256 over the 780 KB file took 30-60 ms against a
/// 50 ms cold-start budget. Each 8-byte word goes through a xor, a multiply by an odd constant
/// and a rotation, each a bijection of the state, so any change confined to one word (a flipped
/// bit, a damaged byte) always changes the result; the length is mixed in against truncation.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = 0x7068_6973_6372_7562_u64 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K).rotate_left(29);
    h ^= h >> 32;
    h = h.wrapping_mul(0xd6e8_feb8_6659_fd93);
    h ^ (h >> 29)
}
