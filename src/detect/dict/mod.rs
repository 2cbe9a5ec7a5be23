//! Name and place dictionaries: lookups over word lists embedded in the binary (native) or
//! loaded once from the dictionary file (wasm: `load_dictionaries`, format in `bundle.rs`).
//!
//! The lists live in `data/dict/*.txt` (sources, licences and sizes in `data/dict/PROVENANCE.md`,
//! generator `data/dict/build.py`). Each file is sorted by key in byte order, one entry a line,
//! fields separated by a tab, keys in ASCII lower case without diacritics. They are embedded
//! with `include_str!` and searched in place: a binary search over byte offsets that snaps to
//! line starts. Nothing is built at start-up and nothing is allocated per lookup; the first
//! lookup in a list indexes its line starts (see [`List`]). Once a process has made some
//! 16,000 searches, one hashed index of every list's keys answers which lists hold a word in one
//! probe (`index.rs`, 1 MiB; see [`BUILD_AFTER`]). The text form gzips to less than an FST of
//! the same lists would (measured in PROVENANCE.md).
//!
//! Callers pass words as they appear; lookups fold case and Latin diacritics (`José` finds
//! `jose`, `NÚÑEZ` finds `nunez`) and drop apostrophes (`O'Neil` finds `oneil`, as the Census
//! spells it). Place lookups also normalize `St.`/`Ste.`/`Ft.`/`Mt.`, hyphens and `Mc Allen`.

use std::cmp::Ordering;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};
use std::sync::OnceLock;

use crate::Error;
#[cfg(target_arch = "wasm32")]
use crate::ErrorKind;

mod bundle;
mod index;
mod lists;

pub(crate) use index::Lists;

/// Census 2010 surnames: `name \t rank`.
static SURNAMES: List = List::new(lists::SURNAMES);
/// SSA and mortgage-record first names: `name \t gender \t rank`.
static FIRST_NAMES: List = List::new(lists::FIRST_NAMES);
/// USPS city names: `name \t number of ZIP codes`.
static CITIES: List = List::new(lists::CITIES);
/// Cities outside the US (Natural Earth populated places of 50,000 or more), keys only.
static WORLD_CITIES: List = List::new(lists::WORLD_CITIES);
/// County names, one a line.
static COUNTIES: List = List::new(lists::COUNTIES);
/// English words that are also names or places, one a line.
static COMMON_WORDS: List = List::new(lists::COMMON_WORDS);
/// Names and city names that are also lower-case English words (`weeks`, `burns`), one a line:
/// never drawn as surrogates (see `data/dict/build_english.py`).
static ENGLISH_NAMES: List = List::new(lists::ENGLISH_NAMES);
/// First names ranked 5,001 to 15,000 (same sources and ranking), keys only.
static FIRST_NAMES_MORE: List = List::new(lists::FIRST_NAMES_MORE);
/// Census 2010 surnames ranked 6,001 to 30,000, keys only.
static SURNAMES_MORE: List = List::new(lists::SURNAMES_MORE);
/// Everyday lower-case English words (SCOWL sizes 10 and 20), one a line.
static ENGLISH_WORDS: List = List::new(lists::ENGLISH_WORDS);
/// Clinical vocabulary that collides with names: `term \t kind`.
static MEDICAL_TERMS: List = List::new(lists::MEDICAL_TERMS);

/// The lists' texts, by id ([`lists::NAMES`] order), embedded in native builds.
#[cfg(not(target_arch = "wasm32"))]
static EMBEDDED: [&str; lists::COUNT] = [
    include_str!("../../../data/dict/surnames.txt"),
    include_str!("../../../data/dict/first_names.txt"),
    include_str!("../../../data/dict/cities.txt"),
    include_str!("../../../data/dict/world_cities.txt"),
    include_str!("../../../data/dict/counties.txt"),
    include_str!("../../../data/dict/common_words.txt"),
    include_str!("../../../data/dict/english_names.txt"),
    include_str!("../../../data/dict/first_names_more.txt"),
    include_str!("../../../data/dict/surnames_more.txt"),
    include_str!("../../../data/dict/english_words.txt"),
    include_str!("../../../data/dict/medical_terms.txt"),
];

/// Every list, by id.
static ALL: [&List; lists::COUNT] = [
    &SURNAMES,
    &FIRST_NAMES,
    &CITIES,
    &WORLD_CITIES,
    &COUNTIES,
    &COMMON_WORDS,
    &ENGLISH_NAMES,
    &FIRST_NAMES_MORE,
    &SURNAMES_MORE,
    &ENGLISH_WORDS,
    &MEDICAL_TERMS,
];

/// The hashed index of every list's keys (`index.rs`), built once enough lookups were made
/// (see [`BUILD_AFTER`]); `None` inside when a list does not fit it.
static INDEX: OnceLock<Option<index::Index>> = OnceLock::new();

/// Binary searches made while the index is not built.
static SEARCHES: AtomicU32 = AtomicU32::new(0);

/// How many binary searches are made before the index is built.
///
/// NOTE: speed (issue 6, bench/FINDINGS.md session 5): building the index costs about as much
/// as 30,000 binary searches (~14 M instructions native) and 1 MB, more than a page's first
/// scrubs need (the cold-start message makes ~150 searches, a 500-byte message ~500). Building
/// it after 16,384 searches, some 20 KB of text, keeps it out of the cold start and bounds what
/// the searches before it cost to less than a build.
const BUILD_AFTER: u32 = 16_384;

/// The index, or `None` while too few searches were made, before the lists are loaded (wasm;
/// nothing is cached then, so the index is built from the real lists), or if they do not fit.
/// `searches`: how many binary searches the caller makes without it.
fn index(searches: u32) -> Option<&'static index::Index> {
    if let Some(ix) = INDEX.get() {
        return ix.as_ref();
    }
    if list_text(lists::SURNAMES).is_empty()
        || SEARCHES.fetch_add(searches, AtomicOrdering::Relaxed) < BUILD_AFTER
    {
        return None;
    }
    built_index()
}

/// The index, built now if it was not.
fn built_index() -> Option<&'static index::Index> {
    INDEX.get_or_init(index::Index::build).as_ref()
}

/// The text of list `id`: embedded in native builds, loaded from the dictionary file in wasm.
#[cfg(not(target_arch = "wasm32"))]
fn list_text(id: usize) -> &'static str {
    EMBEDDED[id]
}

/// The text of list `id`: embedded in native builds, loaded from the dictionary file in wasm.
#[cfg(target_arch = "wasm32")]
fn list_text(id: usize) -> &'static str {
    bundle::text(id)
}

/// Loads the dictionary file (`phiscrub-dict.bin`, made by `build.rs` with this build) into the
/// wasm module; every detector and scrubber needs it first (see [`dictionaries_ready`]).
///
/// Fails with `dictionary_corrupt` when the bytes are damaged, of another format version, or
/// of another build than this module. Loading again after a success keeps the loaded lists.
#[cfg(target_arch = "wasm32")]
pub fn load_dictionaries(bytes: Vec<u8>) -> Result<(), Error> {
    bundle::load(bytes)
}

/// `Ok` when the lists are available: always in native builds (they are embedded); in wasm
/// once `load_dictionaries` (wasm only) succeeded, `dictionary_unavailable` before.
///
/// NOTE: the wasm bindings call it before making a detector or scrubber, so nothing detects
/// without the name and place lists (fail closed: a scrub without them would miss names).
pub fn dictionaries_ready() -> Result<(), Error> {
    #[cfg(target_arch = "wasm32")]
    if !bundle::loaded() {
        return Err(Error::new(ErrorKind::DictionaryUnavailable));
    }
    Ok(())
}

/// Longest word or phrase a lookup folds; longer input cannot be in any list (the longest
/// entry is under 40 bytes), so it is a miss without work.
const MAX_KEY: usize = 64;

/// Surrogates are drawn from the common part of each list, so they read as ordinary names.
const RANDOM_FIRST_NAME_MAX_RANK: u32 = 1000;
/// See [`RANDOM_FIRST_NAME_MAX_RANK`].
const RANDOM_SURNAME_MAX_RANK: u32 = 2000;
/// Cities with at least this many ZIP codes: towns a reader would believe, not hamlets.
const RANDOM_CITY_MIN_ZIPS: u32 = 3;

/// The sex a first name is mostly given to, by the SSA birth records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    /// At least 80% of bearers are female.
    Female,
    /// At least 80% of bearers are male.
    Male,
    /// Neither reaches 80%, or the source records no sex.
    Unisex,
}

/// What the first-name list knows about a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FirstName {
    /// Mostly female, mostly male, or either.
    pub(crate) gender: Gender,
    /// 1 for the most frequent first name; at most the list's length (5,000).
    pub(crate) rank: u32,
}

/// Why a word is on the medical list; eponyms are also surnames, so they need the most care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MedicalKind {
    /// A person's name inside a disease, sign, test or device (`Parkinson`, `Foley`).
    Eponym,
    /// A drug, brand or generic (`Allegra`, `Norco`).
    Drug,
    /// A unit (`mg`, `cc`).
    Unit,
    /// A clinical abbreviation (`ed`, `pt`, `ms`).
    Abbreviation,
    /// Another clinical word (`stat`, `lupus`).
    Term,
}

/// The lists [`lists_of`] answers for: those [`Lists`] has a method for.
const WORD_LISTS: [usize; 7] = [
    lists::SURNAMES,
    lists::FIRST_NAMES,
    lists::COMMON_WORDS,
    lists::FIRST_NAMES_MORE,
    lists::SURNAMES_MORE,
    lists::ENGLISH_WORDS,
    lists::MEDICAL_TERMS,
];

/// Which of the name and word lists hold `word` (folded as the lists are), from one lookup:
/// for a caller that asks about one word in several lists. `Lists::first_name()` is
/// `first_name(word).is_some()`, and so on for each method (checked for every key by a test).
pub(crate) fn lists_of(word: &str) -> Lists {
    let mut buf = [0; MAX_KEY];
    let Some(key) = fold_word(word, &mut buf) else { return Lists::default() };
    match index(WORD_LISTS.len() as u32) {
        Some(ix) => ix.get(key).only(&WORD_LISTS),
        None => lists_by_search(key, &WORD_LISTS),
    }
}

/// The lists among `ids` holding the folded `key`, without the index: a binary search in each.
///
/// The rarer tails hold no name of the ranked lists (checked by a test), so a tail is not
/// searched for a key its ranked list holds: the searches of a page's first scrubs stay as many
/// as before the index.
fn lists_by_search(key: &[u8], ids: &[usize]) -> Lists {
    ids.iter().fold(Lists::default(), |l, &id| {
        let ranked = match id {
            lists::FIRST_NAMES_MORE => l.first_name(),
            lists::SURNAMES_MORE => l.surname(),
            _ => false,
        };
        if ranked {
            return l;
        }
        match search(ALL[id], key) {
            Some(fields) => l.with(id, fields.as_bytes()),
            None => l,
        }
    })
}

/// Is the folded `key` in `list`?
fn in_list(list: &'static List, key: &[u8]) -> bool {
    match index(1) {
        Some(ix) => ix.get(key).has(list.id),
        None => search(list, key).is_some(),
    }
}

/// Is `word` a first name or a surname in the dictionaries, ignoring case and diacritics?
///
/// Knowing a word is a name is not enough to call it one: `Will` and `Rose` are names and
/// words. The name recognizer weighs this against the common-word list and context.
///
/// ```
/// use phiscrub::detect::is_known_name;
/// assert!(is_known_name("José"));
/// assert!(is_known_name("NGUYEN"));
/// assert!(!is_known_name("metoprolol"));
/// ```
pub fn is_known_name(word: &str) -> bool {
    first_name(word).is_some() || surname(word).is_some()
}

/// The first-name entry for `word`, if it is one of the 5,000 most frequent first names.
pub(crate) fn first_name(word: &str) -> Option<FirstName> {
    let mut buf = [0; MAX_KEY];
    let fields = find(&FIRST_NAMES, fold_word(word, &mut buf)?)?;
    let (gender, rank) = fields.split_once('\t')?;
    let gender = match gender {
        "f" => Gender::Female,
        "m" => Gender::Male,
        _ => Gender::Unisex,
    };
    Some(FirstName { gender, rank: rank.parse().ok()? })
}

/// The Census 2010 rank of `word` as a surname (1 = Smith), if it is in the top 6,000.
pub(crate) fn surname(word: &str) -> Option<u32> {
    let mut buf = [0; MAX_KEY];
    find(&SURNAMES, fold_word(word, &mut buf)?)?.parse().ok()
}

/// Is `word` one of the rarer first names (ranks 5,001 to 15,000), which the recognizer knows but
/// surrogates are never drawn from?
pub(crate) fn rare_first_name(word: &str) -> bool {
    let mut buf = [0; MAX_KEY];
    fold_word(word, &mut buf).is_some_and(|k| in_list(&FIRST_NAMES_MORE, k))
}

/// Is `word` one of the rarer Census 2010 surnames (ranks 6,001 to 30,000)?
pub(crate) fn rare_surname(word: &str) -> bool {
    let mut buf = [0; MAX_KEY];
    fold_word(word, &mut buf).is_some_and(|k| in_list(&SURNAMES_MORE, k))
}

/// Is `word` an everyday English word in any sense (`thinks`, `joy`, `clay`, `the`)? Names that
/// are not also words (`yesenia`, `georgios`) are not.
pub(crate) fn is_everyday_word(word: &str) -> bool {
    let mut buf = [0; MAX_KEY];
    fold_word(word, &mut buf).is_some_and(|k| in_list(&ENGLISH_WORDS, k))
}

/// Is `word` an everyday English word that is also a name or place (`will`, `grace`, `brown`)?
pub(crate) fn is_common_word(word: &str) -> bool {
    let mut buf = [0; MAX_KEY];
    fold_word(word, &mut buf).is_some_and(|k| in_list(&COMMON_WORDS, k))
}

/// Why `word` is clinical vocabulary (eponym, drug, unit, abbreviation, term), if it is.
pub(crate) fn medical_term(word: &str) -> Option<MedicalKind> {
    let mut buf = [0; MAX_KEY];
    let key = fold_word(word, &mut buf)?;
    match index(1) {
        Some(ix) => ix.get(key).medical(),
        None => Some(medical_kind(search(&MEDICAL_TERMS, key)?.as_bytes())),
    }
}

/// The kind a medical list entry's fields give.
fn medical_kind(fields: &[u8]) -> MedicalKind {
    match fields {
        b"e" => MedicalKind::Eponym,
        b"d" => MedicalKind::Drug,
        b"u" => MedicalKind::Unit,
        b"a" => MedicalKind::Abbreviation,
        _ => MedicalKind::Term,
    }
}

/// Is `word` clinical vocabulary that also looks like a name (`Foley`, `Norco`, `ED`)?
pub(crate) fn is_medical_term(word: &str) -> bool {
    medical_term(word).is_some()
}

/// If `phrase` is a US city or town, how many ZIP codes it has (a population proxy: 1 for a
/// small town, 300 for Washington), summed over states sharing the name.
pub(crate) fn city(phrase: &str) -> Option<u32> {
    let mut buf = [0; MAX_KEY];
    if let Some(zips) = find(&CITIES, place_key(phrase, &mut buf)?) {
        return zips.parse().ok();
    }
    // USPS spells `Coeur d'Alene` as `COEUR D ALENE`: the apostrophe parts two words there.
    if phrase.contains(['\'', '\u{2019}']) {
        let spaced = phrase.replace(['\'', '\u{2019}'], " ");
        return find(&CITIES, place_key(&spaced, &mut buf)?)?.parse().ok();
    }
    None
}

/// Is `phrase` a city outside the US with 50,000 people or more (`Guangzhou`, `Kyiv`, `San
/// Pedro Sula`)? US towns are [`city`]'s; a name in both lists is only there.
pub(crate) fn world_city(phrase: &str) -> bool {
    let mut buf = [0; MAX_KEY];
    place_key(phrase, &mut buf).is_some_and(|k| in_list(&WORLD_CITIES, k))
}

/// Is `phrase` the name of a US county, parish or borough, without the `County` word?
pub(crate) fn county(phrase: &str) -> bool {
    let mut buf = [0; MAX_KEY];
    place_key(phrase, &mut buf).is_some_and(|k| in_list(&COUNTIES, k))
}

/// A common first name of `gender` (any gender for `None`), chosen by the random `r`.
///
/// Lower case, ASCII. Not uniform: an entry's chance grows with the length of the line
/// before it, which is harmless for surrogates and saves an index of line offsets.
pub(crate) fn random_first_name(gender: Option<Gender>, r: u32) -> &'static str {
    pick(FIRST_NAMES.text(), r, |fields| {
        let Some((g, rank)) = fields.split_once('\t') else { return false };
        let g_ok = match gender {
            None => true,
            Some(Gender::Female) => g == "f",
            Some(Gender::Male) => g == "m",
            Some(Gender::Unisex) => g == "u",
        };
        g_ok && rank.parse().is_ok_and(|n: u32| n <= RANDOM_FIRST_NAME_MAX_RANK)
    })
}

/// A common surname chosen by the random `r`; lower case, ASCII (see [`random_first_name`]).
pub(crate) fn random_surname(r: u32) -> &'static str {
    pick(SURNAMES.text(), r, |rank| rank.parse().is_ok_and(|n: u32| n <= RANDOM_SURNAME_MAX_RANK))
}

/// A US city with a few ZIP codes or more, chosen by the random `r`; in the normalized form
/// the list stores (`saint louis`), lower case.
pub(crate) fn random_city(r: u32) -> &'static str {
    pick(CITIES.text(), r, |zips| zips.parse().is_ok_and(|n: u32| n >= RANDOM_CITY_MIN_ZIPS))
}

/// True when `word` (a name or city from these lists) is also an ordinary lower-case English
/// word (`weeks`, `grant`), so it must not be used as a surrogate.
pub(crate) fn is_english_word(word: &str) -> bool {
    let mut buf = [0; MAX_KEY];
    fold_word(word, &mut buf).is_some_and(|k| in_list(&ENGLISH_NAMES, k))
}

/// A county name (without the word `County`), chosen by the random `r`; lower case.
pub(crate) fn random_county(r: u32) -> &'static str {
    pick(COUNTIES.text(), r, |_| true)
}

/// A sorted word list, embedded or loaded, and the offsets of its line starts.
struct List {
    /// The list's id, its position in [`lists::NAMES`].
    id: usize,
    /// Where each line starts, built on the first lookup in this list.
    ///
    /// NOTE: speed, measured with callgrind (issue 6): binary search over raw bytes had to snap
    /// each probe back to a line start and forward to its end, ~2,000 instructions a lookup and
    /// 13% of `detect`. The index costs 4 bytes a line (139 KB for all lists, allocated only for
    /// the lists a text needs) and one pass over the list when first used.
    lines: OnceLock<Box<[u32]>>,
}

impl List {
    const fn new(id: usize) -> Self {
        Self { id, lines: OnceLock::new() }
    }

    /// The list's text: one entry a line, sorted by key in byte order.
    fn text(&self) -> &'static str {
        list_text(self.id)
    }

    /// The start offset of every line, in order.
    fn starts(&self) -> &[u32] {
        let text = self.text();
        if text.is_empty() {
            // Not loaded yet (wasm): index nothing, so the index is built from the real list.
            return &[];
        }
        self.lines.get_or_init(|| {
            let b = text.as_bytes();
            let mut starts = Vec::with_capacity(b.len() / 8);
            let mut at = 0;
            while at < b.len() {
                // The lists are a few hundred KB: offsets fit in u32.
                starts.push(at as u32);
                at = b[at..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| at + i + 1);
            }
            starts.into_boxed_slice()
        })
    }
}

/// Finds `key` in a sorted list and returns the rest of its line after the tab ("" if none).
///
/// The index answers a miss (most lookups) in one probe; a hit is read by [`search`].
fn find(list: &'static List, key: &[u8]) -> Option<&'static str> {
    if index(1).is_some_and(|ix| !ix.get(key).has(list.id)) {
        return None;
    }
    search(list, key)
}

/// Finds `key` in a sorted list and returns the rest of its line after the tab ("" if none).
///
/// A binary search over the list's line starts; each probe compares `key` with one line's key.
fn search(list: &'static List, key: &[u8]) -> Option<&'static str> {
    let text = list.text();
    let bytes = text.as_bytes();
    let lines = list.starts();
    let at = lines.binary_search_by(|&s| compare_key(bytes, s as usize, key)).ok()?;
    let k = lines[at] as usize + key.len();
    if bytes.get(k) != Some(&b'\t') {
        return Some("");
    }
    let end = bytes[k..].iter().position(|&c| c == b'\n').map_or(bytes.len(), |i| k + i);
    Some(&text[k + 1..end])
}

/// The order of the key of the line starting at `s` (up to its tab or line end) against `key`.
///
/// NOTE: one pass that stops at the first difference, most often the first or second byte;
/// finding the key's end first and then comparing slices cost three times as much.
fn compare_key(bytes: &[u8], s: usize, key: &[u8]) -> Ordering {
    let line = bytes.get(s..).unwrap_or_default();
    let mut i = 0;
    loop {
        let c = line.get(i).copied().filter(|&c| c != b'\t' && c != b'\n');
        match (c, key.get(i)) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(a), Some(&b)) if a != b => return a.cmp(&b),
            _ => i += 1,
        }
    }
}

/// The key of the first line at or after a random offset that `accept` takes (given the
/// fields after the key), wrapping around once. Every list has acceptable lines, so the
/// fallback (the first key) is only reached if a list were edited to have none.
fn pick(list: &'static str, r: u32, accept: impl Fn(&str) -> bool) -> &'static str {
    let bytes = list.as_bytes();
    let offset = ((u64::from(r) * bytes.len() as u64) >> 32) as usize;
    let mut start = match offset {
        0 => 0,
        _ => bytes[offset - 1..].iter().position(|&b| b == b'\n').map_or(0, |i| offset + i),
    };
    let mut scanned = 0;
    while scanned <= bytes.len() {
        if start >= bytes.len() {
            start = 0;
        }
        let end =
            bytes[start..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| start + i);
        let line = &list[start..end];
        let (key, fields) = line.split_once('\t').unwrap_or((line, ""));
        if accept(fields) {
            return key;
        }
        scanned += end + 1 - start;
        start = end + 1;
    }
    list.split(['\t', '\n']).next().unwrap_or("")
}

/// Folds one word to the lists' key form in `buf`: ASCII lower case, Latin diacritics
/// removed, apostrophes and combining marks dropped. `None` if a character has no ASCII
/// form (the word cannot be in a list) or the word is longer than `buf`.
fn fold_word<'a>(word: &str, buf: &'a mut [u8; MAX_KEY]) -> Option<&'a [u8]> {
    let mut n = 0;
    for c in word.chars() {
        push_folded(c, buf, &mut n)?;
    }
    Some(&buf[..n])
}

/// Folds a place name in `buf` the way `place_key` in `data/dict/build.py` does: words as
/// [`fold_word`], `.` dropped, hyphens and space runs one space, `st`/`ste`/`ft`/`mt` spelled
/// out, a lone `mc` joined to the next word.
fn place_key<'a>(phrase: &str, buf: &'a mut [u8; MAX_KEY]) -> Option<&'a [u8]> {
    let mut n = 0;
    // Whether the previous word written was exactly `mc` (the next one is glued to it).
    let mut after_mc = false;
    for word in phrase.split(|c: char| c == '-' || c.is_whitespace()) {
        let mut wbuf = [0; MAX_KEY];
        let mut w = 0;
        for c in word.chars().filter(|&c| c != '.') {
            push_folded(c, &mut wbuf, &mut w)?;
        }
        let folded: &[u8] = match &wbuf[..w] {
            b"" => continue,
            b"st" => b"saint",
            b"ste" => b"sainte",
            b"ft" => b"fort",
            b"mt" => b"mount",
            other => other,
        };
        if n > 0 && !after_mc {
            *buf.get_mut(n)? = b' ';
            n += 1;
        }
        buf.get_mut(n..n + folded.len())?.copy_from_slice(folded);
        n += folded.len();
        after_mc = folded == b"mc";
    }
    Some(&buf[..n])
}

/// Appends the key form of `c` to `buf[..*n]`; `None` when it has none or `buf` is full.
fn push_folded(c: char, buf: &mut [u8; MAX_KEY], n: &mut usize) -> Option<()> {
    if matches!(c, '\'' | '\u{2019}') || is_combining(c) {
        return Some(());
    }
    let mut one = [0; 4];
    let folded = match c.is_ascii() {
        true => &*c.encode_utf8(&mut one),
        false => fold_char(c)?,
    };
    for &b in folded.as_bytes() {
        *buf.get_mut(*n)? = b.to_ascii_lowercase();
        *n += 1;
    }
    Some(())
}

/// Combining diacritical marks, left behind by text in decomposed form (`e` + U+0301).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// ASCII form of one non-ASCII Latin letter, either case (Latin-1 and Latin Extended-A, the
/// letters of European and transliterated names).
///
/// NOTE: ranges instead of `char::to_lowercase`, whose Unicode tables cost ~10 KB of wasm
/// for letters the lists can never contain.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{c0}'..='\u{c5}' | '\u{e0}'..='\u{e5}' | '\u{100}'..='\u{105}' => "a",
        '\u{c6}' | '\u{e6}' => "ae",
        '\u{c7}' | '\u{e7}' | '\u{106}'..='\u{10d}' => "c",
        '\u{d0}' | '\u{f0}' | '\u{10e}'..='\u{111}' => "d",
        '\u{c8}'..='\u{cb}' | '\u{e8}'..='\u{eb}' | '\u{112}'..='\u{11b}' => "e",
        '\u{11c}'..='\u{123}' => "g",
        '\u{124}'..='\u{127}' => "h",
        '\u{cc}'..='\u{cf}' | '\u{ec}'..='\u{ef}' | '\u{128}'..='\u{131}' => "i",
        '\u{132}' | '\u{133}' => "ij",
        '\u{134}' | '\u{135}' => "j",
        '\u{136}'..='\u{138}' => "k",
        '\u{139}'..='\u{142}' => "l",
        '\u{d1}' | '\u{f1}' | '\u{143}'..='\u{14b}' => "n",
        '\u{d2}'..='\u{d6}' | '\u{d8}' | '\u{f2}'..='\u{f6}' | '\u{f8}' | '\u{14c}'..='\u{151}' => {
            "o"
        }
        '\u{152}' | '\u{153}' => "oe",
        '\u{154}'..='\u{159}' => "r",
        '\u{15a}'..='\u{161}' | '\u{17f}' | '\u{218}' | '\u{219}' => "s",
        '\u{df}' | '\u{1e9e}' => "ss",
        '\u{162}'..='\u{167}' | '\u{21a}' | '\u{21b}' => "t",
        '\u{de}' | '\u{fe}' => "th",
        '\u{d9}'..='\u{dc}' | '\u{f9}'..='\u{fc}' | '\u{168}'..='\u{173}' => "u",
        '\u{174}' | '\u{175}' => "w",
        '\u{dd}' | '\u{fd}' | '\u{ff}' | '\u{176}'..='\u{178}' => "y",
        '\u{179}'..='\u{17e}' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
