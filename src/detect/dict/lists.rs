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
