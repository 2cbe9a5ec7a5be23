//! Ages over 89 (Safe Harbor item 3: ages 90 and up are identifying; younger ages are not PHI).
//!
//! Every number from 90 to 125 is a candidate, but a number is only an age when the words around
//! it say so: `92-year-old`, `92 yo`, `92yoF`, `aged 92`, `turned 95`, `she is 92 years`, `92M`
//! at the start of a note, `my mom is 97` and `im 94` (a person, then the bare number), and the
//! appositive `Jane Roe, 93, is ...`. The same holds for word numbers (`ninety-two year old`), decades of
//! life (`in her 90s`, `in his nineties`) and the words `nonagenarian` and `centenarian`.
//! `HR 92`, `SpO2 92%`, `92 mg`, `BP in the 90s` and `the 1990s` have no such words, and a vital
//! cue or a unit after the number vetoes the weaker phrasings. The span is the number only
//! (tests/data/README.md).

use super::re::Re;

use super::date::cue_within;
use super::{back, forward};
use super::{Candidate, Label, Recognizer, Text};
use crate::detect::cues::CueKind;

/// Age recognizer for ages 90 to 125.
pub(crate) struct Age {
    /// Runs of digits; the age range and the context are checked in code.
    number: Re,
    /// Ninety to ninety-nine and one hundred (and one to ten), spelled out.
    word_number: Re,
    /// What follows an age number, anchored at its end; the named group says how strong it is.
    after: Re,
    /// `aged`, `age`, `age:`, `age of`, right before the number.
    age_before: Re,
    /// `turned`, `turns`, `turning` right before the number.
    turned_before: Re,
    /// `is`, `was`, `now`, `she's` right before the number (with `years` after it).
    is_before: Re,
    /// A person and a copula right before a bare number: `she is `, `my mom is `, `im `.
    person_is_before: Re,
    /// A capitalised name word and a comma right before the number, in the original case:
    /// `Okafor, ` in `Jamal Okafor, 93, is also a patient`.
    name_comma_before: Re,
    /// A comma and a verb right after an appositive age: `, is`, `, was`, `, who`.
    appositive_after: Re,
    /// Oxygen support right after a number, which makes it a saturation: `on room air`, `on 2L`.
    oxygen_after: Re,
    /// Nothing but a short lead-in between the start of the line and the number: `92M ...`,
    /// `Pt 92 F ...`.
    note_start: Re,
    /// Decades of life: `in her 90s`, `in his early nineties`.
    decade: Re,
    /// `nonagenarian`, `centenarian`, `supercentenarian`.
    noun: Re,
}

impl Age {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        let re = |p: &str| Re::new(p, "age pattern compiles");
        const UNITS: &str = "one|two|three|four|five|six|seven|eight|nine";
        Age {
            number: re(r"\d+"),
            word_number: re(&format!(
                r"\b(?:ninety(?:[- ](?:{UNITS}))?|one hundred(?: and (?:{UNITS}|ten))?)\b"
            )),
            after: re(concat!(
                r"^(?: ?- ?| ?)(?:",
                r"(?P<strong>(?:years?|yrs?)(?: ?- ?| )old|(?:years?|yrs?) of age|y ?/ ?o",
                r"|y\. ?o\.?|y o|yo(?:male|female|m|f)?)",
                r"|(?P<years>years?|yrs?)",
                r"|(?P<ord>st|nd|rd|th) birthday",
                r"|(?P<sex>male|female|m|f))"
            )),
            age_before: re(r"\b(?:aged?|age of|age is|age was|age at)\s?[:=]?\s?$"),
            turned_before: re(r"\b(?:turned|turns|turning|turn|will be|just turned)\s$"),
            is_before: re(r"\b(?:is|was|now|she's|he's|i'm|am|being|be)\s$"),
            person_is_before: re(concat!(
                r"\b(?:(?:she|he|mom|mum|mother|dad|father|grandma|grandpa|granny|nana|",
                r"grandmother|grandfather|husband|wife|spouse|aunt|uncle|sister|brother|",
                r"patient|pt)\s(?:is|was|turned)|she's|he's|shes|hes|i'm|im|i am|i was)\s$"
            )),
            // Any letters after the capital, so `Hernández` and `O'Brien` count as names.
            name_comma_before: re(r"(?:^|[\s(])[A-Z][^\s,0-9()]*\s?,\s?$"),
            appositive_after: re(concat!(
                r"^\s?,\s?(?:is|was|has|had|who|lives|lived|presents|presented|remains|died|",
                r"passed|and)\b"
            )),
            oxygen_after: re(concat!(
                r"^ ?on (?:room air|ra\b|\d|o2\b|oxygen|nc\b|nasal|bipap|cpap|the vent|high flow|",
                r"hfnc)"
            )),
            note_start: re(r"^\s*(?:(?:pt|patient|hpi|cc|id|a|an)\b[\s:.\-]*)?$"),
            decade: re(concat!(
                r"\bin (?:her|his|their|my|your|its) (?:early |mid |mid-|late )?",
                r"(90s|90's|nineties|100s)\b"
            )),
            noun: re(r"\b(?:super)?(?:nonagenarian|centenarian)s?\b"),
        }
    }
}

impl Recognizer for Age {
    fn name(&self) -> &'static str {
        "age"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Age]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let lower = text.lower();
        for m in self.number.in_lower(text).find_iter() {
            if !in_age_range(m.as_str()) || glued_before(lower, m.start()) {
                continue;
            }
            if let Some(confidence) = self.number_confidence(text, m.start(), m.end()) {
                out.push(age(m.start(), m.end(), confidence));
            }
        }
        // These three need a word most texts lack: a text without it does not compile the
        // pattern (they have no `(?i)` and search the lower-cased text).
        let word_number = self
            .word_number
            .in_lower_if(text, || lower.contains("ninety") || lower.contains("one hundred"));
        for m in word_number.iter().flat_map(|r| r.find_iter()) {
            if let Some(confidence) = self.number_confidence(text, m.start(), m.end()) {
                out.push(age(m.start(), m.end(), confidence));
            }
        }
        let decade = self.decade.in_lower_if(text, || {
            ["90s", "90's", "nineties", "100s"].iter().any(|w| lower.contains(w))
        });
        for caps in decade.iter().flat_map(|r| r.captures_iter()) {
            let d = caps.get(1).expect("group 1 always takes part");
            // `sats in her 90s` is about the oxygen saturation, not her age.
            if !cue_within(text, d.start(), 40, &[CueKind::Vital]) {
                out.push(age(d.start(), d.end(), 0.8));
            }
        }
        let noun = self
            .noun
            .in_lower_if(text, || lower.contains("nonagenarian") || lower.contains("centenarian"));
        for m in noun.iter().flat_map(|r| r.find_iter()) {
            out.push(age(m.start(), m.end(), 0.8));
        }
    }
}

impl Age {
    /// How sure we are that the number at `start..end` is an age, from the words around it, or
    /// `None` when nothing says so (or a unit or vital cue says it is something else).
    fn number_confidence(&self, text: &Text<'_>, start: usize, end: usize) -> Option<f32> {
        let lower = text.lower();
        let ahead = forward(lower, end, 24);
        let after = self.after.on(ahead).captures(ahead).filter(|c| {
            let stop = c.get(0).expect("whole match").end();
            let next = ahead[stop..].chars().next();
            // A whole word: `92 you`, `92 mg`, `92 f/u` are not age phrasings.
            !next
                .is_some_and(|n| n.is_ascii_alphanumeric() || (c.name("sex").is_some() && n == '/'))
        });
        if after.as_ref().is_some_and(|c| c.name("strong").is_some()) {
            return Some(0.9);
        }
        if unit_follows(lower, end) {
            return None;
        }
        if text.cue_before(start).is_some_and(|c| c.kind == CueKind::Vital) {
            return None;
        }
        let before = back(lower, start, 32);
        if self.age_before.on(before).is_match(before) {
            return Some(0.85);
        }
        let has = |name: &str| after.as_ref().is_some_and(|c| c.name(name).is_some());
        if has("ord") {
            return Some(0.8);
        }
        if self.turned_before.on(before).is_match(before) {
            return Some(0.75);
        }
        // `that was 92 years ago` is a span of time, not an age.
        let ago = after.as_ref().is_some_and(|c| {
            ahead[c.get(0).expect("whole match").end()..].trim_start().starts_with("ago")
        });
        if has("years") && !ago && self.is_before.on(before).is_match(before) {
            return Some(0.75);
        }
        // A bare number with nothing after it that makes it a measurement: no unit, no decimal,
        // no `F`, no vital cue before it, no oxygen after it (`she is 95 on room air`) and, in
        // the range of body temperatures, no fever talk around it (`he was 101 all night`).
        let fever = fahrenheit_like(&lower[start..end]) && fever_talk(lower, start, end);
        let bare = after.is_none()
            && !continues_as_number(lower, end)
            && !cue_within(text, start, 32, &[CueKind::Vital])
            && !self.oxygen_after.on(ahead).is_match(ahead)
            && !fever;
        // `she is 97 and still drives`, `im 100`: a bare number said of a person.
        if bare && self.person_is_before.on(before).is_match(before) {
            return Some(0.7);
        }
        // `Jamal Okafor, 93, is also a patient here`: an age in commas between a name and a verb.
        if bare
            && self.name_comma_before.on(back(text.norm(), start, 32)).is_match(back(
                text.norm(),
                start,
                32,
            ))
            && self.appositive_after.on(ahead).is_match(ahead)
        {
            return Some(0.7);
        }
        // At most 16 bytes of lead-in: looking no further keeps long lines linear.
        let lead = back(lower, start, 17);
        let line = lead
            .rfind('\n')
            .map_or((lead.len() == start).then_some(lead), |i| Some(&lead[i + 1..]));
        if has("sex") && line.is_some_and(|l| self.note_start.on(l).is_match(l)) {
            return Some(0.65);
        }
        None
    }
}

/// An age candidate.
fn age(start: usize, end: usize, confidence: f32) -> Candidate {
    Candidate { start, end, label: Label::Age, confidence }
}

/// True for a number written as an age over 89: 90 to 125, no leading zero.
fn in_age_range(digits: &str) -> bool {
    !digits.starts_with('0') && digits.parse::<u32>().is_ok_and(|n| (90..=125).contains(&n))
}

/// True when the number is the tail of something else: a code or name (`E92`, `G92`), a decimal
/// or thousands group (`1.92`, `1,100`), a ratio (`120/92`), a range or id part (`3-92`).
fn glued_before(lower: &str, start: usize) -> bool {
    let mut rev = lower[..start].chars().rev();
    match rev.next() {
        Some(c) if c.is_alphanumeric() || matches!(c, '/' | '$' | '#' | '+' | '_') => true,
        Some('.' | ',' | '-' | ':') => rev.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// True when the number goes on past `end` as a decimal, ratio, range or time (`101.5`, `92/60`,
/// `90-95`, `10:30`): then it is a measurement, not an age.
fn continues_as_number(lower: &str, end: usize) -> bool {
    let rest = &lower.as_bytes()[end..];
    matches!(rest.first(), Some(b'.' | b'/' | b'-' | b':' | b','))
        && rest.get(1).is_some_and(u8::is_ascii_digit)
}

/// Words that make a bare number near them a body temperature, whoever it is said of
/// (`she is 101, fever since noon`, `he was 102 all night, gave tylenol`).
#[rustfmt::skip]
const FEVER_WORDS: &[&str] = &[
    "fever", "fevers", "febrile", "temp", "temperature", "tmax", "thermometer", "degrees",
    "tylenol", "acetaminophen", "motrin", "ibuprofen", "advil", "chills",
];

/// True for a number that is also a body temperature in Fahrenheit (95 to 106): only those can be
/// read as a fever, so only those give way to fever talk.
fn fahrenheit_like(digits: &str) -> bool {
    digits.parse::<u32>().is_ok_and(|n| (95..=106).contains(&n))
}

/// True when a word of [`FEVER_WORDS`] is on the same line within 48 bytes either side of the
/// number at `start..end` (bounded windows keep the work per number constant).
fn fever_talk(lower: &str, start: usize, end: usize) -> bool {
    let before = back(lower, start, 48);
    let before = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let after = forward(lower, end, 48);
    let after = after.find('\n').map_or(after, |i| &after[..i]);
    [before, after]
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| FEVER_WORDS.contains(&w))
}

/// Words that make the number before them a measurement, not an age (`92 mg`, `92 lbs`,
/// `turned 90 degrees`, `age 92%`).
#[rustfmt::skip]
const UNIT_WORDS: &[&str] = &[
    "mg", "mcg", "g", "kg", "lb", "lbs", "pounds", "oz", "ml", "l", "cc", "units", "u", "mmhg",
    "bpm", "beats", "breaths", "degrees", "deg", "percent", "pct", "cm", "mm", "inches",
    "min", "mins", "minutes", "sec", "seconds", "hours", "hrs", "days", "weeks", "months", "mmol",
    "meq", "ng", "pg", "mg/dl", "times", "x", "sats", "sat", "patients", "people",
    "miles", "mi", "km", "feet", "ft", "yards", "steps", "dollars", "bucks", "cents", "pages",
    "calories", "cal", "kcal", "points", "pts", "fahrenheit", "celsius",
];

/// True when a unit word or `%` follows `end` (at most two spaces away, same line).
fn unit_follows(lower: &str, end: usize) -> bool {
    let rest = &lower[end..];
    let trimmed = rest.trim_start_matches(' ');
    if rest.len() - trimmed.len() > 2 {
        return false;
    }
    if trimmed.starts_with('%') || trimmed.starts_with('°') {
        return true;
    }
    // Units are short words: looking at 16 bytes keeps the work per match bounded.
    let len = trimmed
        .bytes()
        .take(16)
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(trimmed.len().min(16));
    let word = &trimmed[..len];
    !word.is_empty() && UNIT_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::recognizers::testing::run;

    fn ages(s: &str) -> Vec<String> {
        run(&Age::new(), s).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn range_is_90_to_125() {
        assert!(in_age_range("90") && in_age_range("101") && in_age_range("125"));
        assert!(!in_age_range("89") && !in_age_range("126") && !in_age_range("092"));
        assert!(!in_age_range("1990"));
    }

    #[test]
    fn glue_before_the_number() {
        assert!(glued_before("e92", 1));
        assert!(glued_before("120/92", 4));
        assert!(glued_before("1.92", 2));
        assert!(glued_before("1,100", 2));
        assert!(!glued_before("a 92", 2));
        assert!(!glued_before("age:92", 4));
        assert!(!glued_before("(92", 1));
    }

    #[test]
    fn units_after_veto() {
        assert!(unit_follows("92 mg", 2));
        assert!(unit_follows("92%", 2));
        assert!(unit_follows("90 degrees", 2));
        assert!(unit_follows("92 lbs", 2));
        assert!(!unit_follows("92 today", 2));
        assert!(!unit_follows("92", 2));
        assert!(!unit_follows("92    mg", 2));
    }

    #[test]
    fn measurement_guards() {
        assert!(continues_as_number("98.6", 2));
        assert!(continues_as_number("92/60", 2));
        assert!(!continues_as_number("92.", 2));
        assert!(!continues_as_number("92, is", 2));
        assert!(fahrenheit_like("101") && fahrenheit_like("95"));
        assert!(!fahrenheit_like("94") && !fahrenheit_like("107"));
        assert!(fever_talk("he was 101 all night, tylenol helped", 7, 10));
        assert!(!fever_talk("fever last week\nhe is 101", 22, 25), "fever is on another line");
        assert!(!fever_talk("she is 97 and drives", 7, 9));
    }

    #[test]
    fn slices_stay_on_char_boundaries() {
        assert_eq!(back("é92", 2, 1), "");
        assert_eq!(forward("92é", 2, 1), "");
        assert_eq!(forward("92 yo", 2, 24), " yo");
    }

    #[test]
    fn finds_ages() {
        assert_eq!(ages("92-year-old woman"), ["92"]);
        assert_eq!(ages("92yoF with CHF"), ["92"]);
        assert_eq!(ages("Age: 92"), ["92"]);
        assert_eq!(ages("she is 92 years and sharp"), ["92"]);
        assert_eq!(ages("ninety-two year old man"), ["ninety-two"]);
        assert_eq!(ages("92M presents with syncope"), ["92"]);
        assert_eq!(ages("a woman in her 90s"), ["90s"]);
        assert_eq!(ages("he turned 95 last week"), ["95"]);
        assert_eq!(ages("aged 92 in 2024"), ["92"]);
        assert_eq!(ages("her 100th birthday"), ["100"]);
        assert_eq!(ages("a nonagenarian"), ["nonagenarian"]);
        assert_eq!(ages("my moms medicaid id is 123 she is 97 my pump"), ["97"]);
        assert_eq!(ages("dob is 7/24/1929 and im 100"), ["100"]);
        assert_eq!(ages("great grandpa is 90 and in hospice"), ["90"]);
        assert_eq!(ages("she is 90. thank u"), ["90"]);
        assert_eq!(ages("Spouse Ana Hernández, 95, is also a patient here."), ["95"]);
        assert_eq!(ages("she is 92 and had a fever"), ["92"], "92 is no body temperature");
    }

    #[test]
    fn leaves_non_ages_alone() {
        for s in [
            "89-year-old",
            "45 yo",
            "92 mg daily",
            "HR 92",
            "92%",
            "SpO2 92",
            "92 lbs",
            "room 92",
            "in 1992",
            "BP in the 90s",
            "sats in the 90s",
            "the 1990s",
            "back in the 90s",
            "turn 90 degrees",
            "for 92 years",
            "Temp 92 F",
            "age 92 mg",
            "92 you know",
            "f/u with 92 F/U clinic",
            "that was 92 years ago",
            "she is 101 F",
            "he was 101 overnight, fever broke",
            "temp: she is 100",
            "she is 94 on 2L",
            "he is 98.6",
            "she is 100 percent better",
            "my son is 92 pounds",
            "it is 100",
            "Glucose, 95, was repeated",
            "Room 4, 92, is free",
        ] {
            assert!(ages(s).is_empty(), "{s:?} gave {:?}", ages(s));
        }
    }
}
