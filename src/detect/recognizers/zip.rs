//! ZIP codes: `62704-1234` (ZIP+4), and 5-digit ZIPs that follow a US state (`Springfield, IL
//! 62704`, `Illinois 62704`) or a ZIP cue (`zip code: 02139`).
//!
//! A 5-digit number right after a street address and a city is a ZIP even without a state
//! (`shipped to 5309 Jefferson Blvd, Carbondale 62998`, `lives at 12 w. elm st reno 89515`).
//!
//! A bare 5-digit number is a CPT code, a lab value, a dollar amount or an id far more often than a
//! ZIP, so it is never reported alone. Only the ZIP is the span: a state is not an identifier.
//! Two-letter state abbreviations collide with English and clinical words (`IN`, `OR`, `MD`, `PA`,
//! `SC`, `VA`), so those count only in the `City, ST` layout or right before the end of a clause,
//! and lower-case abbreviations (chat) only before the end of a clause.

use super::re::Re;
use super::us::USPS;

use super::{Candidate, Label, Recognizer, Text};
use crate::detect::cues::CueKind;

/// Abbreviations that are also common English or clinical words: `in`, `or`, `me`, `OK`, `ID`,
/// `MD` (the degree), `PA` (physician assistant), `SC` (subcutaneous), `VA` (Veterans Affairs),
/// `MS` (multiple sclerosis), `PR` (per rectum), `CO` (carbon monoxide), `DE`, `LA`, `MA`, `AS`...
const AMBIGUOUS: &[&str] = &[
    "AL", "AS", "CO", "DE", "GA", "HI", "ID", "IN", "LA", "MA", "MD", "ME", "MO", "MS", "NE", "OH",
    "OK", "OR", "PA", "PR", "SC", "VA", "VI", "MP", "ND",
];

/// State, district and territory names, lower case.
const STATE_NAMES: &[&str] = &[
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
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "district of columbia",
    "d.c.",
    "d.c",
    "puerto rico",
    "guam",
];

/// Cues after which a 5-digit number is something else.
const VETO_CUES: &[CueKind] = &[
    CueKind::Mrn,
    CueKind::Account,
    CueKind::HealthPlan,
    CueKind::Mbi,
    CueKind::License,
    CueKind::Device,
    CueKind::IdOther,
    CueKind::Ssn,
    CueKind::Card,
    CueKind::Routing,
    CueKind::Npi,
    CueKind::Dea,
    CueKind::Vehicle,
    CueKind::Vin,
    CueKind::Plate,
    CueKind::Phone,
    CueKind::Fax,
    CueKind::Age,
    CueKind::Date,
    CueKind::Vital,
    CueKind::Code,
    CueKind::Room,
];

/// Words that never belong to a street or city name but do sit between a number and `Dr`, `St` or
/// `Way` in clinical prose (`2 weeks ago by Dr Patel 62704`): a match containing one is not an
/// address.
const NOT_PLACE_WORDS: &[&str] = &[
    "a", "ago", "and", "are", "as", "at", "by", "day", "days", "for", "from", "had", "has", "hour",
    "hours", "in", "is", "mg", "min", "month", "months", "of", "on", "or", "per", "tab", "tabs",
    "the", "then", "times", "to", "was", "week", "weeks", "were", "with", "year", "years",
];

/// How far back (bytes, same line) the street address before a state-less ZIP may start.
const ADDRESS_WINDOW: usize = 100;

/// The ZIP recognizer.
pub(crate) struct Zip {
    /// Five digits with an optional `-` and four more; context decides the rest.
    zip: Re,
    /// A street line and a city ending right where a ZIP starts: `4821 N Oak Ridge Dr Apt 4B,
    /// Springfield `, `PO Box 12, Quincy `, `RR 3 Box 7 Pana `, `12 County Road 450 Pana `.
    street_city: Re,
}

impl Zip {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        let street = r"\b\d{1,6}[a-z]?(?P<name>(?:\s+[a-z][a-z'.-]*){1,4}?)\s+(?:st|street|ave|avenue|blvd|boulevard|rd|road|dr|drive|ln|lane|way|ter|terrace|ct|court|pl|place|pkwy|parkway|cir|circle|hwy|highway|trl|trail|sq|square|loop|pike)\.?";
        let numbered = r"\bbox\s+\d{1,6}|\b(?:road|rd|route|rte|highway|hwy)\s+\d{1,5}";
        let unit =
            r"(?:,?\s+(?:apt|apartment|unit|ste|suite|lot|#)\.?\s*#?[a-z0-9-]+|\s*#[a-z0-9-]+)?";
        let city = r",?\s+(?P<city>[a-z][a-z'.-]*(?:\s+[a-z][a-z'.-]*){0,2}),?\s*$";
        let street_city = format!(r"(?i)(?:{street}|{numbered}){unit}{city}");
        Zip {
            zip: Re::new(r"\d{5}(?:-\d{4})?", "zip pattern compiles"),
            street_city: Re::new(&street_city, "street pattern compiles"),
        }
    }

    /// Whether a street address and a city, on the same line, end right at `start`.
    fn after_street_and_city(&self, s: &str, start: usize) -> bool {
        let mut from = start.saturating_sub(ADDRESS_WINDOW);
        while !s.is_char_boundary(from) {
            from += 1;
        }
        let line = &s[from..start];
        let line = line.rfind('\n').map_or(line, |i| &line[i + 1..]);
        // A rejected match (`2 weeks ago by Dr ...`) may hide a real address further on: retry
        // from the next byte. The line is at most ADDRESS_WINDOW bytes, so this stays bounded.
        let mut at = 0;
        let street_city = self.street_city.on(line);
        while let Some(c) = street_city.captures_at(line, at) {
            let words = c.name("name").map_or("", |m| m.as_str()).split_whitespace();
            let city = c.name("city").expect("city group").as_str().split_whitespace();
            let place = words.chain(city).all(|w| {
                let w = w.trim_matches(|c: char| !c.is_ascii_alphabetic()).to_ascii_lowercase();
                !NOT_PLACE_WORDS.contains(&w.as_str())
            });
            if place {
                return true;
            }
            at = c.get(0).expect("group 0").start() + 1;
            while !line.is_char_boundary(at) {
                at += 1;
            }
        }
        false
    }
}

/// True when `s[start..end]` is a whole number: not glued to letters or digits, not after `$` or
/// `#`, and not one piece of a longer dashed, dotted or comma-grouped number (`50090-1234-01`
/// NDC, `62704.5`, `1,62704`).
fn is_whole(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let before = start.checked_sub(1).map(|i| b[i]);
    let after = b.get(end).copied();
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'$' | b'#' | b'+'))
        || after.is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return false;
    }
    let joiner = |c: Option<u8>| c.is_some_and(|c| matches!(c, b'-' | b'.' | b'/' | b','));
    let continues_before = joiner(before) && start >= 2 && b[start - 2].is_ascii_digit();
    let continues_after = joiner(after) && b.get(end + 1).is_some_and(u8::is_ascii_digit);
    !continues_before && !continues_after
}

/// True when nothing but optional spaces and then the end of the text, a line break or clause
/// punctuation follows `end` (`... il 62704.`, `... IN 46204` at the end of a message).
/// A run of two or more spaces or a tab ends a field of a form laid out in columns (`Hilo HI
/// 96738    COUNTY: Hawaii`) just as well.
fn ends_clause(s: &str, end: usize) -> bool {
    if s[end..].starts_with("  ") || s[end..].starts_with('\t') {
        return true;
    }
    let rest = s[end..].trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with(['\n', '\r', '.', ',', ';', '!', '?', ')', ']'])
}

/// Whether the ZIP at `start..end` follows a US state: a full name in any case, or a USPS
/// abbreviation under the ambiguity rules in the module docs. `s` is the folded text (case kept).
fn after_state(s: &str, start: usize, end: usize) -> bool {
    let head = &s[..start];
    let trimmed = head.trim_end_matches([' ', ',']);
    if head.len() - trimmed.len() > 3 || trimmed.len() == head.len() {
        return false;
    }
    // NOTE: the character found may be multi-byte (`Germán 00683`): step over all of it.
    let word_start = trimmed
        .char_indices()
        .rfind(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &trimmed[word_start..];
    let before_word = trimmed[..word_start].trim_end_matches(' ');
    let comma_before = before_word.ends_with(',');
    if word.len() == 2 {
        let upper = word.to_ascii_uppercase();
        if USPS.contains(&upper.as_str()) {
            let ambiguous = AMBIGUOUS.contains(&upper.as_str());
            let clause_end = ends_clause(s, end);
            return if word == upper {
                !ambiguous || comma_before || clause_end
            } else {
                clause_end && (!ambiguous || comma_before)
            };
        }
    }
    // The longest name is 20 bytes: lower-case only that much of the tail, not the whole prefix.
    let tail_from = trimmed.len().saturating_sub(24);
    let tail_from = (tail_from..trimmed.len()).find(|&i| trimmed.is_char_boundary(i)).unwrap_or(0);
    let lower = trimmed[tail_from..].to_ascii_lowercase();
    let whole_prefix = tail_from == 0;
    STATE_NAMES.iter().any(|name| {
        lower.ends_with(name) && {
            let at = lower.len() - name.len();
            if at == 0 {
                whole_prefix || !trimmed.as_bytes()[tail_from - 1].is_ascii_alphanumeric()
            } else {
                !lower.as_bytes()[at - 1].is_ascii_alphanumeric()
            }
        }
    })
}

impl Recognizer for Zip {
    fn name(&self) -> &'static str {
        "zip"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Zip]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let s = text.norm();
        for m in self.zip.in_norm(text).find_iter() {
            let (start, end) = (m.start(), m.end());
            if !is_whole(s, start, end) {
                continue;
            }
            let cue = text.cue_before(start).map(|c| c.kind);
            if cue.is_some_and(|k| VETO_CUES.contains(&k)) {
                continue;
            }
            let plus4 = end - start == 10;
            let confidence = if cue == Some(CueKind::Zip) {
                0.9
            } else if after_state(s, start, end) {
                if plus4 {
                    0.9
                } else {
                    0.85
                }
            } else if plus4 || self.after_street_and_city(s, start) {
                0.8
            } else {
                continue;
            };
            out.push(Candidate { start, end, label: Label::Zip, confidence });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use super::*;

    fn zips(s: &str) -> Vec<String> {
        run(&Zip::new(), s).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn wholeness() {
        assert!(is_whole("IL 62704.", 3, 8));
        assert!(!is_whole("50090-1234-01", 0, 10));
        assert!(!is_whole("1,62704", 2, 7));
        assert!(!is_whole("62704.5", 0, 5));
        assert!(!is_whole("$62704", 1, 6));
        assert!(!is_whole("A62704", 1, 6));
    }

    #[test]
    fn clause_ends() {
        assert!(ends_clause("il 62704", 8));
        assert!(ends_clause("il 62704. thx", 8));
        assert!(ends_clause("il 62704 \nnext", 8));
        assert!(!ends_clause("il 62704 and", 8));
        assert!(ends_clause("HI 96738    COUNTY: Hawaii", 8));
    }

    #[test]
    fn states() {
        let at = |s: &str| {
            let i = s
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_ascii_digit())
                // NOTE: past the whole char: it may be multi-byte (a fuzz find, fuzz/regressions/).
                .map_or(0, |(i, c)| i + c.len_utf8());
            after_state(s, i, s.len())
        };
        assert!(at("Springfield, IL 62704"));
        assert!(at("Springfield IL 62704"));
        assert!(at("Springfield IL, 62704"));
        assert!(at("Illinois 62704"));
        assert!(at("albany, new york 12207"));
        assert!(at("Washington, D.C. 20001"));
        assert!(at("Boise, ID 83702"));
        assert!(at("i live in springfield il 62704"));
        assert!(at("Baltimore MD 21201"));
        assert!(!at("Jane Roe MD 21201 units"));
        assert!(!at("pt ID 83702 noted"));
        assert!(!at("il 62704 is my zip")); // lower case mid-sentence
        assert!(!at("moved in 62704"));
        assert!(!at("Dr. Illinoisan 62704"));
        assert!(!at("IL62704"));
        // Regression: a non-ASCII letter before the ZIP made the word start inside it (a panic
        // found by the benchmark corpus).
        assert!(!at("San Germán 00683"));
        assert!(!at("Cancún, 12345"));
    }

    /// Regression (fuzz/regressions/detect/zip-state-after-multibyte): the word before a ZIP
    /// ending in a multi-byte letter (`josé 62704`) made `after_state` slice inside it.
    #[test]
    fn a_multibyte_letter_before_the_zip_does_not_panic() {
        assert!(zips("codedjosé 62704").is_empty());
        assert!(zips("José, 62704").is_empty());
        assert_eq!(zips("Springfield, IL 62704 (née)"), ["62704"]);
    }

    #[test]
    fn zips_found() {
        for (text, z) in [
            ("Springfield, IL 62704", "62704"),
            ("Springfield, IL 62704-1234", "62704-1234"),
            ("mail to 62704-1234 please", "62704-1234"),
            ("zip 62704", "62704"),
            ("zip code: 02139", "02139"),
            ("Cambridge, Massachusetts 02139.", "02139"),
            ("springfield il 62704", "62704"),
        ] {
            assert_eq!(zips(text), vec![z.to_owned()], "{text}");
        }
    }

    #[test]
    fn zips_after_a_street_and_city() {
        for (text, z) in [
            ("shipped to 5309 Jefferson Blvd, Carbondale 62998.", "62998"),
            ("lives at 12 w. elm st reno 89501", "89501"),
            ("PO Box 4937, Quincy 62301", "62301"),
            ("RR 3 Box 12 Pana 62557", "62557"),
            ("40 County Road 450, Pana 62557", "62557"),
            ("8126 N Willow Creek Ter Apt 4B, Santa Fe 87501", "87501"),
            ("77 Elm St #3, Duluth 55802", "55802"),
            ("off 2 days, now at 14 Oak Ave, Pana 62557", "62557"),
        ] {
            assert_eq!(zips(text), vec![z.to_owned()], "{text}");
        }
        for s in [
            "seen 2 weeks ago by Dr Patel 62704",
            "12 Elm St\nPana 62557",
            "gave 2 tabs per Dr Ames 62704",
            "Elm St, Pana 62557",
            "took 2 days off by Dr Ames 62704",
        ] {
            assert_eq!(zips(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn not_zips() {
        for s in [
            "CPT 99213",
            "62704",
            "glucose 10000",
            "IL-6 12345",
            "paid $12500 in 2024",
            "NDC 50090-1234-01",
            "MRN 62704-1234",
            "Room 12345",
            "in 62704 cases",
            "Illinois",
        ] {
            assert_eq!(zips(s), Vec::<String>::new(), "{s}");
        }
    }
}
