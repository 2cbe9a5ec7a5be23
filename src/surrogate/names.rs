//! Surrogates for names and places, drawn from the dictionaries (`crate::detect::dict`).
//!
//! Names map part by part: after `Dan Smith` -> `John Baker`, a later `Dan` is `John`, `Mr. Smith`
//! is `Mr. Baker`, `SMITH, DAN` is `BAKER, JOHN` and `D. Smith` is `J. Baker`. Each part keeps
//! its original's letter case, and a first name keeps the gender the dictionary gives it.
//! Surrogate parts are never a common English word or a clinical term (they must read as names
//! to an LLM and must not be mistaken for words when the answer is restored).

use std::collections::{HashMap, HashSet};

use rand_chacha::rand_core::RngCore;

use super::avoid::InText;
use super::date::Case;
use super::shape::{below, digit};
use crate::detect::dict;

/// Words kept inside a name: particles of surnames.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "la", "le", "da", "di", "du", "dos", "das",
    "bin", "ibn", "al", "el", "st", "y",
];

/// Words that say what a place is; they stay, the proper name around them changes.
const FACILITY_WORDS: &[&str] = &[
    "hospital",
    "medical",
    "center",
    "centre",
    "clinic",
    "health",
    "healthcare",
    "nursing",
    "home",
    "care",
    "manor",
    "rehab",
    "rehabilitation",
    "hospice",
    "pharmacy",
    "elementary",
    "high",
    "middle",
    "school",
    "university",
    "college",
    "memorial",
    "regional",
    "community",
    "general",
    "county",
    "of",
    "the",
    "and",
    "at",
    "for",
    "children's",
    "womens",
    "women's",
    "urgent",
    "family",
    "practice",
    "associates",
    "group",
    "institute",
    "living",
    "assisted",
    "senior",
    "village",
    "house",
    "place",
    "gardens",
    "residence",
    "facility",
    "north",
    "south",
    "east",
    "west",
    "saint",
    "st",
    "st.",
    "heart",
    "cancer",
    "surgery",
    "surgical",
];

/// Street suffixes and unit words an address keeps.
const STREET_WORDS: &[&str] = &[
    "st",
    "street",
    "ave",
    "avenue",
    "av",
    "blvd",
    "boulevard",
    "rd",
    "road",
    "dr",
    "drive",
    "ln",
    "lane",
    "ct",
    "court",
    "way",
    "pl",
    "place",
    "ter",
    "terrace",
    "pkwy",
    "parkway",
    "hwy",
    "highway",
    "cir",
    "circle",
    "trl",
    "trail",
    "sq",
    "square",
    "loop",
    "run",
    "pike",
    "apt",
    "apartment",
    "unit",
    "suite",
    "ste",
    "fl",
    "floor",
    "rm",
    "room",
    "bldg",
    "building",
    "po",
    "p.o.",
    "box",
    "rr",
    "route",
    "county",
    "road",
    "n",
    "s",
    "e",
    "w",
    "ne",
    "nw",
    "se",
    "sw",
    "north",
    "south",
    "east",
    "west",
    "lot",
    "#",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    First,
    Last,
}

/// The part maps of one vault.
#[derive(Default)]
pub(crate) struct NameBook {
    /// Lower-cased original part -> lower-cased surrogate part.
    parts: HashMap<String, String>,
    /// Every surrogate part and every original part (lower case): no surrogate may be either.
    taken: HashSet<String>,
    /// Original initial -> surrogate initial (lower case). Kept one-to-one while letters last,
    /// so `M. Goldberg` and `Z. Goldberg` never become the same surrogate.
    initials: HashMap<char, char>,
    /// The text being scrubbed: no new surrogate part may occur in it.
    in_text: InText,
    /// What earlier scrubs released: no new surrogate part may be a word of it either.
    released: super::avoid::Released,
}

impl NameBook {
    /// Sets the text being scrubbed (the default, an empty one, after the scrub).
    pub(crate) fn set_in_text(&mut self, text: InText) {
        self.in_text = text;
    }

    /// The text being scrubbed.
    pub(crate) fn in_text(&self) -> &InText {
        &self.in_text
    }

    /// What earlier scrubs released.
    pub(crate) fn released(&self) -> &super::avoid::Released {
        &self.released
    }

    /// Starts over with no pairs, keeping what was released.
    pub(crate) fn reset(&mut self) {
        let released = std::mem::take(&mut self.released);
        *self = NameBook { released, ..NameBook::default() };
    }

    /// Records a stretch of released text.
    pub(crate) fn release(&mut self, part: &str) {
        self.released.add(part);
    }

    /// Keeps `word` (lower case) from ever being a surrogate part.
    pub(crate) fn avoid(&mut self, word: &str) {
        self.taken.insert(word.to_owned());
    }

    /// Whether `word` (lower case) is a name part already, as an original or a surrogate.
    pub(crate) fn is_taken(&self, word: &str) -> bool {
        self.taken.contains(word)
    }

    /// Maps initial `a` to `b` unless `a` is mapped already or `b` is another initial's image.
    fn set_initial(&mut self, a: char, b: char) {
        if !self.initials.contains_key(&a) && !self.initials.values().any(|&v| v == b) {
            self.initials.insert(a, b);
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\''
}

/// Splits a name into words and the separators between them, in order.
fn pieces(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = None;
    for (i, c) in s.char_indices() {
        let w = is_word_char(c);
        if in_word != Some(w) {
            if i > start {
                out.push((in_word.unwrap_or(false), &s[start..i]));
            }
            start = i;
            in_word = Some(w);
        }
    }
    if start < s.len() {
        out.push((in_word.unwrap_or(false), &s[start..]));
    }
    out
}

/// The (original part, surrogate part) pairs, lower case, that [`NameBook::learn`] would record
/// for this pair: whole words only (initials and parts equal to themselves left out), none when
/// the word counts differ. The vault's cross-page claims key on them (src/vault/claim.rs).
pub(crate) fn aligned_parts(original: &str, surrogate: &str) -> Vec<(String, String)> {
    let words = |s| -> Vec<String> {
        pieces(s).into_iter().filter(|p| p.0).map(|p| p.1.to_lowercase()).collect()
    };
    let (o, s) = (words(original), words(surrogate));
    if o.len() != s.len() {
        return Vec::new();
    }
    o.into_iter().zip(s).filter(|(a, b)| a != b && a.chars().count() > 1).collect()
}

fn title(word: &str) -> String {
    Case::Title.apply(word)
}

impl NameBook {
    /// Records that `original` was written as `surrogate`: aligns their words so each part of
    /// the original maps to the part at the same position (used when a vault is reopened).
    pub(crate) fn learn(&mut self, original: &str, surrogate: &str) {
        let (o, s): (Vec<&str>, Vec<&str>) = (
            pieces(original).into_iter().filter(|p| p.0).map(|p| p.1).collect(),
            pieces(surrogate).into_iter().filter(|p| p.0).map(|p| p.1).collect(),
        );
        if o.len() != s.len() {
            return;
        }
        for (a, b) in o.iter().zip(&s) {
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            self.taken.insert(a.clone());
            self.taken.insert(b.clone());
            if a.chars().count() == 1 {
                if let (Some(x), Some(y)) = (a.chars().next(), b.chars().next()) {
                    self.set_initial(x, y);
                }
            } else if a != b {
                self.parts.entry(a).or_insert(b);
            }
        }
    }

    /// A surrogate for a whole name, part by part; `None` when the dictionaries give nothing
    /// usable (the caller redacts).
    pub(crate) fn name(&mut self, rng: &mut dyn RngCore, original: &str) -> Option<String> {
        let ps = pieces(original);
        let words: Vec<usize> = (0..ps.len()).filter(|&i| ps[i].0).collect();
        if words.is_empty() {
            return None;
        }
        // `SMITH, DAN A`: the part before the comma is the surname.
        let comma_form = ps.iter().position(|p| !p.0 && p.1.contains(','));
        let last_word = *words.last()?;
        let mut out = String::with_capacity(original.len());
        for (i, (is_word, text)) in ps.iter().enumerate() {
            if !is_word {
                out.push_str(text);
                continue;
            }
            let lower = text.to_lowercase();
            let case = Case::of(text);
            if text.chars().count() == 1 {
                let c = lower.chars().next()?;
                let r = self.initial(rng, c);
                out.push_str(&case.apply(&r.to_string()));
                continue;
            }
            if PARTICLES.contains(&lower.as_str()) && i != last_word {
                out.push_str(text);
                continue;
            }
            let role = match comma_form {
                Some(k) if i < k => Role::Last,
                Some(_) => Role::First,
                None if words.len() == 1 => {
                    let first = dict::first_name(text).map(|f| f.rank);
                    let last = dict::surname(text);
                    match (first, last) {
                        (Some(f), Some(l)) if l < f => Role::Last,
                        (Some(_), _) => Role::First,
                        _ => Role::Last,
                    }
                }
                None if i == last_word => Role::Last,
                None => Role::First,
            };
            let sur = self.part(rng, &lower, role)?;
            out.push_str(&match case {
                Case::Upper => sur.to_uppercase(),
                Case::Lower => sur,
                Case::Title => title(&sur),
            });
        }
        Some(out)
    }

    fn part(&mut self, rng: &mut dyn RngCore, lower: &str, role: Role) -> Option<String> {
        if let Some(s) = self.parts.get(lower) {
            return Some(s.clone());
        }
        // Hyphenated parts map piece by piece (`smith-jones`).
        if lower.contains('-') {
            let mapped: Option<Vec<String>> =
                lower.split('-').map(|p| self.part(rng, p, role)).collect();
            return mapped.map(|m| m.join("-"));
        }
        let gender = dict::first_name(lower).map(|f| f.gender);
        for _ in 0..64 {
            let r = rng.next_u32();
            let cand = match role {
                Role::First => dict::random_first_name(gender, r),
                Role::Last => dict::random_surname(r),
            };
            if cand == lower
                || cand.len() < 3
                || self.taken.contains(cand)
                || self.in_text.has(cand)
                || self.released.has(cand)
                || dict::is_common_word(cand)
                || dict::is_medical_term(cand)
                || dict::is_english_word(cand)
                || is_place_or_calendar_word(cand)
            {
                continue;
            }
            let cand = cand.to_owned();
            self.taken.insert(lower.to_owned());
            self.taken.insert(cand.clone());
            self.parts.insert(lower.to_owned(), cand.clone());
            if role == Role::First {
                if let (Some(a), Some(b)) = (lower.chars().next(), cand.chars().next()) {
                    self.set_initial(a, b);
                }
            }
            return Some(cand);
        }
        None
    }

    fn initial(&mut self, rng: &mut dyn RngCore, c: char) -> char {
        if let Some(&r) = self.initials.get(&c) {
            return r;
        }
        let free: Vec<char> =
            ('a'..='z').filter(|&r| r != c && !self.initials.values().any(|&v| v == r)).collect();
        let r = if free.is_empty() {
            // Every letter is some initial's image: any other letter will do.
            char::from(b'a' + ((u32::from(c) - u32::from('a') + 1 + below(rng, 25)) % 26) as u8)
        } else {
            free[below(rng, free.len() as u32) as usize]
        };
        self.initials.insert(c, r);
        r
    }
}

/// Name parts that would read as something else in an answer: US states, cities, months and
/// weekdays (`Georgia`, `Austin`, `June`).
fn is_place_or_calendar_word(w: &str) -> bool {
    STATE_AND_CALENDAR.contains(&w) || dict::city(w).is_some()
}

/// Words of US state names, months and weekdays: they stay in a scrubbed text, so no
/// surrogate may be one of them.
const STATE_AND_CALENDAR: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "wisconsin",
    "wyoming",
    "carolina",
    "dakota",
    "jersey",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "york",
    "hampshire",
    "mexico",
    "island",
    "rhode",
    "new",
    "north",
    "south",
    "west",
];

/// A city from the dictionary, in the original's letter case.
pub(crate) fn city(rng: &mut dyn RngCore, original: &str) -> Option<String> {
    let key = original.to_lowercase();
    for _ in 0..64 {
        let cand = dict::random_city(rng.next_u32());
        // A word of a state name (`York`, `Jersey`) would be restored inside the state, which
        // stays in the text: `New York`.
        let odd_word =
            cand.split(' ').any(|w| STATE_AND_CALENDAR.contains(&w) || dict::is_english_word(w));
        if cand != key && !dict::is_common_word(cand) && !dict::is_medical_term(cand) && !odd_word {
            return Some(in_case_of(original, &title_words(cand)));
        }
    }
    None
}

/// A county from the dictionary; the original's `County`/`Parish` word is kept.
pub(crate) fn county(rng: &mut dyn RngCore, original: &str) -> Option<String> {
    let words: Vec<&str> = original.split_whitespace().collect();
    let tail = words.last().filter(|w| {
        let l = w.to_lowercase();
        l == "county" || l == "parish" || l == "borough"
    });
    let key = original.to_lowercase();
    for _ in 0..64 {
        let raw = dict::random_county(rng.next_u32());
        let cand = title_words(raw);
        let odd_word =
            raw.split(' ').any(|w| STATE_AND_CALENDAR.contains(&w) || dict::is_english_word(w));
        if !key.starts_with(raw)
            && !dict::is_common_word(raw)
            && !dict::is_medical_term(raw)
            && !odd_word
        {
            let s = match tail {
                Some(t) => format!("{cand} {t}"),
                None => cand,
            };
            return Some(in_case_of(original, &s));
        }
    }
    None
}

/// A street line of the same shape: numbers get random digits of the same length, the street
/// name becomes a surname from the dictionary, suffixes, directions and unit words stay.
pub(crate) fn address(rng: &mut dyn RngCore, original: &str) -> Option<String> {
    let mut out = String::with_capacity(original.len() + 8);
    let mut name_done = false;
    for (is_word, text) in address_pieces(original) {
        let lower = text.to_lowercase();
        if !is_word {
            out.push_str(text);
        } else if text.chars().all(|c| c.is_ascii_digit()) {
            text.chars().enumerate().for_each(|(i, _)| out.push(digit(rng, u8::from(i == 0), 9)));
        } else if text.chars().any(|c| c.is_ascii_digit()) {
            // `4B`, `12A`: digits random, letters kept.
            for c in text.chars() {
                out.push(if c.is_ascii_digit() { digit(rng, 0, 9) } else { c });
            }
        } else if STREET_WORDS.contains(&lower.trim_end_matches('.')) {
            out.push_str(text);
        } else if !name_done {
            let s = loop {
                let s = dict::random_surname(rng.next_u32());
                if s != lower && !dict::is_common_word(s) {
                    break s;
                }
            };
            out.push_str(&match Case::of(text) {
                Case::Upper => s.to_uppercase(),
                Case::Lower => s.to_owned(),
                Case::Title => title(s),
            });
            name_done = true;
        }
        // Further name words (`Martin Luther King`) are dropped: one word stands for the name.
        else if out.ends_with(' ') {
            out.pop();
        }
    }
    Some(out)
}

fn address_pieces(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = None;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric() || c == '\'';
        if in_word != Some(w) {
            if i > start {
                out.push((in_word.unwrap_or(false), &s[start..i]));
            }
            start = i;
            in_word = Some(w);
        }
    }
    if start < s.len() {
        out.push((in_word.unwrap_or(false), &s[start..]));
    }
    out
}

/// A named facility: the words that say what it is stay, the proper name changes.
pub(crate) fn facility(
    rng: &mut dyn RngCore,
    book: &mut NameBook,
    original: &str,
) -> Option<String> {
    let mut out = String::with_capacity(original.len());
    let mut changed = false;
    for (is_word, text) in pieces(original) {
        let lower = text.to_lowercase();
        if !is_word || FACILITY_WORDS.contains(&lower.as_str()) || changed {
            if !is_word || FACILITY_WORDS.contains(&lower.as_str()) {
                out.push_str(text);
            } else if out.ends_with(' ') {
                out.pop();
            }
            continue;
        }
        let s = book.part(rng, &lower, Role::Last)?;
        out.push_str(&match Case::of(text) {
            Case::Upper => s.to_uppercase(),
            Case::Lower => s,
            Case::Title => title(&s),
        });
        changed = true;
    }
    changed.then_some(out)
}

fn title_words(s: &str) -> String {
    s.split(' ').map(title).collect::<Vec<_>>().join(" ")
}

fn in_case_of(original: &str, s: &str) -> String {
    match Case::of(original) {
        Case::Upper => s.to_uppercase(),
        Case::Lower => s.to_lowercase(),
        Case::Title => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;

    #[test]
    fn names_map_part_by_part_in_every_shape() {
        let mut rng = rand_chacha::ChaCha12Rng::seed_from_u64(3);
        let mut book = NameBook::default();
        let full = book.name(&mut rng, "Dan Smith").unwrap();
        let (first, last) = full.split_once(' ').unwrap();
        assert_ne!(first, "Dan");
        assert_ne!(last, "Smith");
        assert_eq!(book.name(&mut rng, "Dan").unwrap(), first);
        assert_eq!(book.name(&mut rng, "Smith").unwrap(), last);
        assert_eq!(
            book.name(&mut rng, "SMITH, DAN").unwrap(),
            format!("{}, {}", last.to_uppercase(), first.to_uppercase())
        );
        assert_eq!(book.name(&mut rng, "dan smith").unwrap(), full.to_lowercase());
        let init = book.name(&mut rng, "D. Smith").unwrap();
        assert_eq!(init, format!("{}. {last}", &first[..1]));
        let hy = book.name(&mut rng, "Smith-Jones").unwrap();
        assert!(hy.starts_with(&format!("{last}-")), "{hy}");
        let vdb = book.name(&mut rng, "Anna van der Berg").unwrap();
        assert!(vdb.contains(" van der "), "{vdb}");
    }

    #[test]
    fn initials_stay_one_to_one() {
        let mut rng = rand_chacha::ChaCha12Rng::seed_from_u64(8);
        let mut book = NameBook::default();
        let mut seen = HashSet::new();
        for c in 'A'..='Z' {
            let s = book.name(&mut rng, &format!("{c}. Goldberg")).unwrap();
            assert!(seen.insert(s.clone()), "{c}. Goldberg -> {s} repeats");
        }
    }

    #[test]
    fn a_reopened_book_continues_the_same_mapping() {
        let mut rng = rand_chacha::ChaCha12Rng::seed_from_u64(4);
        let mut book = NameBook::default();
        let full = book.name(&mut rng, "Maria Lopez").unwrap();
        let mut again = NameBook::default();
        again.learn("Maria Lopez", &full);
        assert_eq!(again.name(&mut rng, "Lopez").unwrap(), full.split(' ').nth(1).unwrap());
    }

    #[test]
    fn surrogate_parts_are_not_common_words() {
        let mut rng = rand_chacha::ChaCha12Rng::seed_from_u64(5);
        let mut book = NameBook::default();
        for n in ["Will", "Grace", "Mark", "Rose", "June", "Hope", "Bill", "Dawn"] {
            let s = book.name(&mut rng, n).unwrap();
            assert!(!dict::is_common_word(&s.to_lowercase()), "{n} -> {s}");
        }
    }

    #[test]
    fn places_keep_their_shape() {
        let mut rng = rand_chacha::ChaCha12Rng::seed_from_u64(6);
        let mut book = NameBook::default();
        let a = address(&mut rng, "4920 Magnolia Dr, Apt 3B").unwrap();
        assert!(a.ends_with(" Dr, Apt 3B") || a.contains(" Dr, Apt "), "{a}");
        assert_eq!(a.split(' ').next().unwrap().len(), 4);
        let c = county(&mut rng, "Larimer County").unwrap();
        assert!(c.ends_with(" County") && !c.starts_with("Larimer"), "{c}");
        let f = facility(&mut rng, &mut book, "Calvert Memorial Hospital").unwrap();
        assert!(f.ends_with(" Memorial Hospital") && !f.starts_with("Calvert"), "{f}");
        let t = city(&mut rng, "reno").unwrap();
        assert_eq!(t, t.to_lowercase());
    }
}
