//! Street addresses: the street line with its unit (`4821 N Oak Ridge Dr Apt 4B`), post office
//! boxes (`PO Box 12`, `P.O. Box 1095`), rural routes (`RR 2 Box 14`) and numbered roads
//! (`County Road 12`, `Highway 61`, `3567 County Road 2187`).
//!
//! A street line is a house number, one to four street-name words and a street suffix. The
//! suffixes `Dr` (doctor) and `St` (saint) make clinical prose look like addresses (`2 weeks ago
//! by Dr Patel`), so a match whose name words include a function word or a unit of time or dose
//! is refused by [`plausible_street_name`]. The span ends at the suffix (with its period when it
//! is abbreviated) or at the unit; the city, state and ZIP after it are other spans.
//!
//! `RR` alone is a respiratory rate (`RR 20`), so a rural route needs its `Box`; so does `Rt 27`
//! (`Rt 27 Box 351`: `rt` is also "right"); `route`, `rte`, `FM` and `SR` name a road on their
//! own only after a house number. Grid addresses of the rural West and Midwest (`3450 E 100 N`)
//! are a number, a direction, a number and a direction.

use std::sync::OnceLock;

use super::re::Re;

use super::{Candidate, Label, Recognizer, Text};

/// The street patterns, compiled once per process: the address and place recognizers both use
/// them, and they are the largest patterns of all (a third of building a detector when each
/// recognizer compiled its own copy).
fn compiled() -> &'static Streets {
    static STREETS: OnceLock<Streets> = OnceLock::new();
    STREETS.get_or_init(Streets::new)
}

/// The street lines of `text`, found once per text and shared by the address and place
/// recognizers (the place rules anchor cities on them).
pub(crate) fn streets_of<'t>(text: &'t Text<'_>) -> &'t [Street] {
    text.streets.get_or_init(|| compiled().find_masked(text.norm(), text.masked_norm()))
}

/// Words that never belong to a street name but sit between a number and `Dr`, `St` or `Way`
/// in clinical prose and chat (`2 weeks ago by Dr Patel`, `took 2 tabs per Dr Ames`, `1 more
/// way`): a street line whose name contains one is refused.
#[rustfmt::skip]
const NOT_STREET_WORDS: &[&str] = &[
    "a", "about", "after", "ago", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "cap", "caps", "day", "days", "did", "do", "each", "every", "for",
    "from", "had", "has", "have", "he", "her", "him", "his", "hour", "hours", "hr", "hrs", "i",
    "if", "im", "in", "is", "it", "its", "last", "mcg", "me", "mg", "min", "mins", "ml", "month",
    "months", "more", "my", "next", "no", "not", "of", "on", "one", "or", "other", "our", "per",
    "pm", "pt", "puffs", "she", "so", "tab", "tablet", "tablets", "tabs", "than", "that", "the",
    "their", "them", "then", "there", "they", "this", "time", "times", "to", "units", "up", "us",
    "visit", "visits", "was", "we", "week", "weeks", "were", "what", "when", "which", "who",
    "will", "with", "wk", "wks", "x", "year", "years", "yr", "yrs", "you", "your",
];

/// Street suffixes (USPS abbreviations and their spelled-out forms) that a suffix match may be
/// extended over once (`12 Park Place Dr`: the name holds a suffix word).
const SUFFIXES: &str = "street|st|avenue|ave|av|boulevard|blvd|road|rd|drive|dr|lane|ln|court|ct|\
                        way|place|pl|terrace|terr|ter|parkway|pkwy|highway|hwy|circle|cir|trail|\
                        trl|square|sq|loop|pike|alley|aly|crossing|xing|plaza|plz|cove|cv|row|\
                        path|walk|expressway|expy|freeway|fwy|turnpike|tpke";

/// The abbreviated forms in [`SUFFIXES`]: a period after one of these is part of the address.
#[rustfmt::skip]
const ABBREVIATED_SUFFIXES: &[&str] = &[
    "st", "ave", "av", "blvd", "rd", "dr", "ln", "ct", "pl", "terr", "ter", "pkwy", "hwy", "cir",
    "trl", "sq", "aly", "xing", "plz", "cv", "expy", "fwy", "tpke",
];

/// Street lines, boxes and numbered roads, found in the folded text.
pub(crate) struct Streets {
    /// House number, optional directional, name words, suffix, optional post-directional.
    street: Re,
    /// `PO Box 12`, rural routes, numbered roads.
    numbered: Re,
    /// A unit right after a street line: `, Apt 4B`, ` Ste. 210`, ` #17C`.
    unit: Re,
    /// A suffix word right after a matched suffix (`Park Place Dr`).
    more_suffix: Re,
}

/// One street line found: its byte span in the folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Street {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether the street-name words are lower case (chat), which is weaker evidence.
    pub(crate) lower: bool,
}

impl Streets {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        let dir = r"(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\.?";
        let word = r"(?:[a-z][a-z'-]*\.?|\d{1,3}(?:st|nd|rd|th))";
        let street = format!(
            r"(?i)\b\d{{1,6}}(?:-?[a-z]\b)?\s+(?:{dir}\s+)?(?P<name>{word}(?:\s+{word}){{0,3}}?)\s+(?P<suffix>{SUFFIXES})\b(?P<dot>\.)?(?:\s+(?:n|s|e|w|ne|nw|se|sw)\b\.?)?"
        );
        let numbered = r"(?i)\b(?:p\.?\s*o\.?|post\s+office)\s*box\s*#?\s*\d{1,6}\b|\b(?:rr|r\.r\.|rural\s+route|hc|star\s+route|rt|rte|route)\.?\s*#?\s*\d{1,4}\s*,?\s*box\s*#?\s*\d{1,6}\b|\b\d{1,6}\s+(?:n|s|e|w|north|south|east|west)\.?\s+\d{1,5}\s+(?:n|s|e|w|north|south|east|west)\b\.?|\brural\s+route\s+\d{1,4}\b|\b(?:\d{1,6}\s+)?(?:county\s+(?:road|rd|highway|hwy)|state\s+(?:road|route|highway|hwy)|us\s+(?:highway|hwy|route)|highway|hwy)\s+#?\d{1,5}[a-z]?\b|\b\d{1,6}\s+(?:route|rte|fm|sr|cr)\s+\d{1,5}[a-z]?\b";
        Streets {
            street: Re::new(&street, "street pattern compiles"),
            numbered: Re::new(numbered, "numbered road pattern compiles"),
            unit: Re::new(
                r"(?i)^(?:,?\s*(?:apt|apartment|unit|ste|suite|bldg|building|fl|floor|rm|room|lot|trlr|spc|space)\b\.?\s*#?\s*[a-z0-9][a-z0-9-]*|,?\s*#\s*[a-z0-9][a-z0-9-]*)",
                "unit pattern compiles",
            ),
            more_suffix: Re::new(
                &format!(r"(?i)^\s+(?:{SUFFIXES})\b(?:\.)?"),
                "suffix pattern compiles",
            ),
        }
    }

    /// Every street line, box and numbered road in `s` (the folded text), in text order,
    /// never overlapping.
    ///
    /// `masked` is `s` masked (see `super::re::masked`) when it has one: the patterns that
    /// allow it search it in their ASCII form.
    pub(crate) fn find_masked(&self, s: &str, masked: Option<&str>) -> Vec<Street> {
        let mut found: Vec<Street> = Vec::new();
        // Decided once: the unit and suffix patterns search many tails of `s`.
        let ascii = s.is_ascii();
        // Numbered roads first: `3567 County Road 2187` also reads as the street `County Road`.
        // On an ASCII text without the words or shapes these patterns need, neither compiles
        // (on another, `(?i)` folds the long s and the Kelvin sign to `s` and `k`: no test).
        let numbered = self.numbered.search_if(s, ascii, masked, || !ascii || numbered_may(s));
        for m in numbered.iter().flat_map(|r| r.find_iter()) {
            if !number_stands_alone(s, m.start()) {
                continue;
            }
            let end = self.with_unit(s, ascii, masked, m.end());
            let lower = !m.as_str().bytes().any(|b| b.is_ascii_uppercase());
            found.push(Street { start: m.start(), end, lower });
        }
        let numbered = found.len();
        let street = self.street.search_if(s, ascii, masked, || !ascii || street_may(s));
        for c in street.iter().flat_map(|r| r.captures_iter()) {
            let m = c.get(0).expect("group 0");
            if !number_stands_alone(s, m.start()) {
                continue;
            }
            let name = c.name("name").expect("name group").as_str();
            if !plausible_street_name(name) {
                continue;
            }
            let mut end = m.end();
            // A period after a spelled-out suffix ends the sentence (`... Lakeshore Drive.`);
            // after an abbreviation it belongs to it (`Elm St.`).
            let suffix = c.name("suffix").expect("suffix group").as_str().to_ascii_lowercase();
            if let Some(dot) = c.name("dot") {
                if !ABBREVIATED_SUFFIXES.contains(&suffix.as_str()) && dot.end() == m.end() {
                    end = dot.start();
                }
            }
            if c.name("dot").is_none() {
                if let Some(more) = {
                    let (re, hay) = self.more_suffix.hay(s, ascii, masked);
                    re.find(&hay[end..])
                } {
                    end += more.end();
                }
            }
            end = self.with_unit(s, ascii, masked, end);
            if found[..numbered].iter().any(|f| f.start < end && m.start() < f.end) {
                continue;
            }
            let lower = !name.bytes().any(|b| b.is_ascii_uppercase());
            found.push(Street { start: m.start(), end, lower });
        }
        found.sort_by_key(|f| f.start);
        found
    }

    /// `end` moved past the units that directly follow it (`, Apt 4B`, ` #17C`, `, Bldg 4 Apt
    /// 2`): at most three, a building, a floor and a door.
    fn with_unit(&self, s: &str, ascii: bool, masked: Option<&str>, mut end: usize) -> usize {
        for _ in 0..3 {
            let (re, hay) = self.unit.hay(s, ascii, masked);
            match re.find(&hay[end..]) {
                Some(u) => end += u.end(),
                None => break,
            }
        }
        end
    }
}

/// Whether an ASCII `s` can hold a box, a rural route or a numbered road: each holds one of
/// these words (case aside), but a grid address (`3450 E 100 N`), which holds a digit, spaces
/// and a direction letter.
fn numbered_may(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    const WORDS: &[&str] =
        &["box", "rural", "road", "rd", "route", "rte", "highway", "hwy", "fm", "sr", "cr"];
    if WORDS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let b = lower.as_bytes();
    let space = |c: u8| matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
    (0..b.len()).any(|i| {
        b[i].is_ascii_digit() && {
            let after = b[i + 1..].iter().position(|&c| !space(c)).map(|n| i + 1 + n);
            after.is_some_and(|j| j > i + 1 && matches!(b[j], b'n' | b's' | b'e' | b'w'))
        }
    })
}

/// Whether an ASCII `s` can hold a street line: a digit, and a street suffix as a whole word
/// after a space (case aside).
fn street_may(s: &str) -> bool {
    let b = s.as_bytes();
    let word = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_';
    b.iter().any(u8::is_ascii_digit)
        && (1..b.len()).any(|i| {
            matches!(b[i - 1], b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') && {
                let end = b[i..].iter().position(|c| !word(c)).map_or(b.len(), |n| i + n);
                let token = &s[i..end];
                end > i && SUFFIXES.split('|').any(|x| x.eq_ignore_ascii_case(token))
            }
        })
}

/// Whether a match starting at `start` begins a number of its own: not the tail of a time
/// (`03:12 Dr`), a decimal, a fraction, a date or a code (`10/12 Main`, `E11.9 Way`).
fn number_stands_alone(s: &str, start: usize) -> bool {
    let b = s.as_bytes();
    match start.checked_sub(1).map(|i| b[i]) {
        None => true,
        Some(c) => !(c.is_ascii_alphanumeric() || matches!(c, b':' | b'/' | b'.' | b'-' | b'$')),
    }
}

/// Whether the words between a house number and a suffix can be a street name: none is a
/// function word or a unit of time or dose (see [`NOT_STREET_WORDS`]).
fn plausible_street_name(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        !NOT_STREET_WORDS.contains(&w.as_str())
    })
}

/// The address recognizer: street lines, boxes, rural routes and numbered roads.
pub(crate) struct Address;

impl Address {
    /// Makes the street patterns (once per process, see [`compiled`]; each compiles on its first
    /// search).
    pub(crate) fn new() -> Self {
        compiled();
        Address
    }
}

impl Recognizer for Address {
    fn name(&self) -> &'static str {
        "address"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Address]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        for st in streets_of(text) {
            // Lower-case chat lines are weaker evidence but still well above the threshold:
            // a number, a name and a street suffix rarely meet by chance once the veto words
            // are out.
            let confidence = if st.lower { 0.8 } else { 0.85 };
            out.push(Candidate { start: st.start, end: st.end, label: Label::Address, confidence });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use super::*;

    fn streets(s: &str) -> Vec<String> {
        run(&Address::new(), s).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn street_lines() {
        for (text, want) in [
            ("Address: 4821 N Oak Ridge Dr Apt 4B, Springfield", "4821 N Oak Ridge Dr Apt 4B"),
            ("i live at 4920 magnolia dr", "4920 magnolia dr"),
            ("3065 E Elm St., Decatur", "3065 E Elm St."),
            ("1063 W. Tamarack Ter, #17C Decatur", "1063 W. Tamarack Ter, #17C"),
            ("4018 Meadowlark Blvd, Ste 210, Springfield", "4018 Meadowlark Blvd, Ste 210"),
            ("12 Park Place Dr", "12 Park Place Dr"),
            ("100 W 34th St NW", "100 W 34th St NW"),
            ("PO Box 12, Quincy", "PO Box 12"),
            ("P.O. Box 1095", "P.O. Box 1095"),
            ("RR 2 Box 14", "RR 2 Box 14"),
            ("we are out on rt 27 box 351 past town", "rt 27 box 351"),
            ("HOME: 3450 E 100 N, Hilo", "3450 E 100 N"),
            ("9025 14th Ave, Bldg 4 Apt 2, Reno", "9025 14th Ave, Bldg 4 Apt 2"),
            ("3567 County Road 2187, Duluth", "3567 County Road 2187"),
            ("crash on Highway 61", "Highway 61"),
        ] {
            assert_eq!(streets(text), vec![want.to_owned()], "{text}");
        }
    }

    #[test]
    fn not_streets() {
        for s in [
            "seen 2 weeks ago by Dr Patel",
            "took 2 tabs per Dr Ames",
            "RR 20, HR 72",
            "at 03:12 Dr Lee arrived",
            "route 2 of administration",
            "3 way catheter",
            "rt 2 of 3 knees",
            "2 e coli 3 s",
        ] {
            assert_eq!(streets(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn veto_words() {
        assert!(plausible_street_name("Oak Ridge"));
        assert!(!plausible_street_name("weeks ago by"));
        assert!(number_stands_alone("12 Oak", 0));
        assert!(!number_stands_alone("10/12 Oak", 3));
    }
}
