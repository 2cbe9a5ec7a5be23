//! Dates: every element of a date but a bare year (Safe Harbor item 3), one span per expression.
//!
//! Two independent passes over the lower-cased text:
//!
//! - **Numeric chains** (`3/14/2024`, `2024-03-14`, `14.03.2024`, `3 / 14 / 24`, `3/14`): the
//!   regex takes every run of digits joined by `/`, `.` or `-`, and [`parse_numeric`] decides
//!   what the run is. Taking the whole run first is what keeps `555-201-3344`, `123-45-6789`,
//!   `10.2.3.4` and `v2.1.3` out: no sub-run of them is ever tried. Full dates (with a year) are
//!   trusted; partial ones (`3/14`) share their shape with vitals, doses, fractions and scores
//!   (`5/5`, `2/6`, `4/10`, `1/2 tab`), so [`partial_confidence`] weighs units, cues and date
//!   words around them.
//! - **Month names** (`March 14, 2024`, `14th of March`, `Dec 2023`, `mid-March`): every month
//!   word is found once, then small anchored patterns read the day, year and modifiers on either
//!   side of it. A month alone counts only after a preposition or time word, because `may` and
//!   `march` are also verbs.
//!
//! Compact `20240314` is accepted only right after a date cue (`DOB`), where nothing else fits;
//! compact day-month-year with a month abbreviation (`13JUL2024`, `03aug37`) carries its own month
//! word and needs no cue.

use super::re::{digitish, has_pair, Re};

use super::{back, forward};
use super::{Candidate, Label, Recognizer, Text};
use crate::detect::cues::CueKind;

/// Date recognizer: numeric chains, month names, compact dates after a date cue.
pub(crate) struct Date {
    /// Runs of digits joined by `/`, `.` or `-`, with at most one space around each separator.
    numeric: Re,
    /// Eight digits in a row (`20240314`, `03142024`), used only after a date cue.
    compact: Re,
    /// Day, month abbreviation and year glued together (`13JUL2024`, `3mar24`).
    compact_month: Re,
    /// Month names and abbreviations, longest first, with the abbreviation's optional period.
    month: Re,
    /// A day (and its ordinal suffix) right after a month: `March 14th`.
    right_day: Re,
    /// A year right after the day: `, 2024`, ` '24`.
    right_year_after_day: Re,
    /// A year right after the month: `2023`, `, 2023`, `of 2023`, `-2024`, `'23`.
    right_year: Re,
    /// A day right before the month: `14 `, `14th of `, `the 3rd of `, `14-`.
    left_day: Re,
    /// A modifier that belongs to the date: `mid-`, `early `, `late `.
    left_modifier: Re,
    /// The word before a lone month: a preposition or time word makes it a date.
    left_word: Re,
}

impl Date {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        let re = |p: &str| Re::new(p, "date pattern compiles");
        Date {
            numeric: re(r"\d+(?: ?[/.\-] ?\d+)+"),
            compact: re(r"\b\d{8}\b"),
            compact_month: re(
                r"\b(\d{1,2})(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(\d{4}|\d{2})\b",
            ),
            month: re(concat!(
                r"\b(january|janurary|jan|february|febuary|feburary|feb|march|mar|april|apr|may|",
                r"june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|",
                r"december|dec)\b(\.)?"
            )),
            right_day: re(r"^ ?(\d{1,2})(st|nd|rd|th)?\b"),
            right_year_after_day: re(r"^(?: ?, ?| )(\d{4}|'\d{2})\b"),
            right_year: re(r"^(?: ?, ?| |-| of )(\d{4}|'\d{2})\b"),
            left_day: re(r"(?:\bthe )?\b(\d{1,2})(st|nd|rd|th)?(?: of |-| )$"),
            left_modifier: re(r"\b(?:mid|early|late) ?-? ?$"),
            left_word: re(concat!(
                r"\b(in|since|until|till|til|during|last|next|before|after|this|from|by|",
                r"through|thru|around|end of|beginning of|start of|middle of|end of the|",
                r"beginning of the) $"
            )),
        }
    }
}

impl Recognizer for Date {
    fn name(&self) -> &'static str {
        "date"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Date]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        self.numeric_dates(text, out);
        self.compact_dates(text, out);
        self.compact_month_dates(text, out);
        self.month_dates(text, out);
    }
}

/// What a run of numbers turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Numeric {
    /// Day, month and a four-digit year, in any accepted order.
    Full,
    /// Day, month and a two-digit year (`3/14/24`).
    FullShortYear,
    /// Month and four-digit year (`03/2024`).
    MonthYear,
    /// Month and day, no year (`3/14`): shaped like a fraction or a score, so context decides.
    Partial,
}

/// Days in `month` (1-12), allowing February 29th.
fn days_in(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// True when `month` and `day` name a day of the calendar.
fn valid_md(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in(month)
}

/// True for a four-digit year a clinical text can mean (birth dates of the very old included).
fn valid_year(y: u32) -> bool {
    (1900..=2099).contains(&y)
}

/// Classifies the digit groups of one run joined by one separator kind, or `None` when it is not
/// a date. Day-first (`14.03.2024`) is accepted only when the month-first reading is impossible.
fn parse_numeric(parts: &[&str], sep: char) -> Option<Numeric> {
    let n = |s: &str| s.parse::<u32>().ok();
    let short = |s: &str| (1..=2).contains(&s.len());
    match parts {
        [a, b, c] => {
            let (va, vb, vc) = (n(a)?, n(b)?, n(c)?);
            if a.len() == 4 {
                // ISO order: year, month, day.
                return (valid_year(va) && short(b) && short(c) && valid_md(vb, vc))
                    .then_some(Numeric::Full);
            }
            if !short(a) || !short(b) {
                return None;
            }
            let md = valid_md(va, vb) || valid_md(vb, va);
            match c.len() {
                4 if md && valid_year(vc) => Some(Numeric::Full),
                2 if md => Some(Numeric::FullShortYear),
                _ => None,
            }
        }
        [a, b] => {
            // A dot between two numbers is a decimal (`3.14`, `7.2`), never a date.
            if sep == '.' || !short(a) {
                return None;
            }
            let (va, vb) = (n(a)?, n(b)?);
            if b.len() == 4 {
                return (sep == '/' && (1..=12).contains(&va) && valid_year(vb))
                    .then_some(Numeric::MonthYear);
            }
            (short(b) && (valid_md(va, vb) || valid_md(vb, va))).then_some(Numeric::Partial)
        }
        _ => None,
    }
}

/// Words that, right after a number, make it a quantity, a range or a dose (`1/2 tab`,
/// `3-5 days`, `2-3 times`, `5/325 mg`, `1/2000 dilution`), never a date.
#[rustfmt::skip]
const UNIT_WORDS: &[&str] = &[
    "mg", "mcg", "g", "gm", "gram", "grams", "kg", "lb", "lbs", "pound", "pounds", "oz", "ml", "cc",
    "l", "liter", "liters", "tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule",
    "capsules", "pill", "pills", "cup", "cups", "unit", "units", "iu", "meq", "mmol", "mmhg", "mm",
    "cm", "inch", "inches", "ft", "feet", "mile", "miles", "km", "times", "x", "each", "of", "day",
    "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "mos", "year", "years", "yr",
    "yrs", "hour", "hours", "hr", "hrs", "h", "min", "mins", "minute", "minutes", "sec", "secs",
    "second", "seconds", "am", "pm", "puff", "puffs", "drop", "drops", "gtt", "gtts", "spray",
    "sprays", "dose", "doses", "serving", "servings", "drink", "drinks", "pack", "packs", "ppd",
    "occasion", "occasions", "episode", "episodes", "beats", "bpm", "breaths", "strength", "murmur",
    "scale", "score", "ratio", "dilution", "tsp", "tbsp", "teaspoon", "teaspoons", "tablespoon",
    "tablespoons", "point", "points", "glass", "glasses", "bottle", "bottles", "cans", "reps",
    "sets", "oclock", "o'clock", "percent", "patients", "people", "kids", "children", "stars",
    "vision", "acuity",
];

/// True when the word after `end` (on the same line, at most two spaces away) is a unit or
/// quantity word, or the number is followed by `%`.
fn unit_follows(lower: &str, end: usize) -> bool {
    let rest = &lower[end..];
    let trimmed = rest.trim_start_matches(' ');
    if rest.len() - trimmed.len() > 2 {
        return false;
    }
    if trimmed.starts_with('%') {
        return true;
    }
    // Units are short words: looking at 16 bytes keeps the work per match bounded.
    let word_len = trimmed
        .bytes()
        .take(16)
        .position(|b| !(b.is_ascii_alphabetic() || b == b'\''))
        .unwrap_or(trimmed.len().min(16));
    let word = &trimmed[..word_len];
    !word.is_empty() && UNIT_WORDS.contains(&word)
}

/// Words right before a partial date that make it a date even when it looks like a fraction:
/// `on 5/5`, `since 2/6`, `seen 4/10`.
#[rustfmt::skip]
const STRONG_DATE_WORDS: &[&str] = &[
    "on", "since", "until", "till", "til", "dated", "seen", "last", "next", "appointment", "appt",
    "scheduled", "visit", "due", "before", "after", "effective", "starting", "started", "date",
    "dos", "dob", "rtc", "returns", "return",
    // Weekdays: `Sat 3/14` is a date even though `sat` is also the oxygen-saturation cue.
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
    "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
];

/// Words right before a partial date that make it a date unless it looks like a fraction:
/// `from 3/14` is a date, `from 1/2 to 3/4 tab` is a dose.
const WEAK_DATE_WORDS: &[&str] = &["from", "by", "through", "thru", "to", "and", "of", "as"];

/// The last `n` words before `pos` on the same line, nearest first, looking back at most 48
/// bytes (bounded work per match).
fn words_before(lower: &str, pos: usize, n: usize) -> Vec<&str> {
    let mut floor = pos.saturating_sub(48);
    while !lower.is_char_boundary(floor) {
        floor += 1;
    }
    let window = &lower[floor..pos];
    let window = window.rfind('\n').map_or(window, |i| &window[i + 1..]);
    window
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .collect()
}

/// The previous word before `pos` on the same line, if only spaces and light punctuation
/// (`:`, `,`, `(`) separate them.
fn word_right_before(lower: &str, pos: usize) -> Option<&str> {
    let head = &lower[..pos];
    let trimmed = head.trim_end_matches([' ', ':', ',', '(', '-']);
    if head.len() - trimmed.len() > 4 {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphanumeric())
        // NOTE: past the whole char: it may be multi-byte (a fuzz find, fuzz/regressions/).
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &trimmed[start..];
    (!w.is_empty()).then_some(w)
}

/// True when a partial date `a/b` reads as a fraction or a score out of a small total
/// (`1/2`, `3/4`, `5/5` strength, `2/6` murmur, `4/10` pain, `8/9` Apgar).
fn fraction_like(b: u32) -> bool {
    b <= 10
}

/// Words that make a following `by 2/3` an amount of change (`reduced by 2/3`, `cut the dose by
/// 1/2`) rather than a deadline (`fax it back by 2/3`).
#[rustfmt::skip]
const CHANGE_WORDS: &[&str] = &[
    "reduce", "reduced", "reducing", "decrease", "decreased", "decreasing", "increase",
    "increased", "increasing", "cut", "lower", "lowered", "raise", "raised", "drop", "dropped",
    "down", "up", "improve", "improved", "divide", "divided", "multiply", "multiplied", "shrank",
    "shrunk", "grew", "grown", "fell", "rose", "risen", "taper", "tapered", "titrate", "titrated",
    "adjust", "adjusted", "change", "changed", "split", "fill", "filled",
];

/// True when `by` right before `start` introduces a deadline: no change word among the few
/// words before it on the line.
fn by_deadline(lower: &str, start: usize) -> bool {
    let words = words_before(lower, start, 6);
    words.first() == Some(&"by") && !words[1..].iter().any(|w| CHANGE_WORDS.contains(w))
}

/// True when the partial date at `start..end` is the whole content of a parenthesis that ends a
/// heading (`LABS (4/3):`, `CXR (6/6): clear`): a fraction or score is never written that way.
fn heading_date(norm: &str, start: usize, end: usize) -> bool {
    norm[..start].ends_with('(') && norm[end..].starts_with("):")
}

/// True when a part of the run has a leading zero (`05/06`, `03/4`): dates are zero-padded,
/// fractions and scores never are.
fn zero_padded(parts: &[&str]) -> bool {
    parts.iter().any(|p| p.len() > 1 && p.starts_with('0'))
}

/// Confidence for a partial numeric date (`3/14`, `03-14`) at `start..end`, or `None` to veto.
///
/// Bare fraction-shaped values stay under the threshold; a date word, a date cue or a heading's
/// parenthesis lifts any of them over it; a vital or code cue, or a unit after, vetoes them.
/// `padded` (a leading zero) takes away the fraction reading.
fn partial_confidence(
    text: &Text<'_>,
    start: usize,
    end: usize,
    day_or_second: u32,
    sep: char,
    padded: bool,
) -> Option<f32> {
    let lower = text.lower();
    if unit_follows(lower, end) {
        return None;
    }
    let fraction = fraction_like(day_or_second) && !padded;
    let prev = word_right_before(lower, start);
    let cue = text.cue_before(start);
    let date_cue = cue.is_some_and(|c| c.kind == CueKind::Date);
    let strong = prev.is_some_and(|w| STRONG_DATE_WORDS.contains(&w));
    let weak = prev.is_some_and(|w| WEAK_DATE_WORDS.contains(&w));
    // `3-14` is a range more often than a date: only a date word or cue makes it one.
    if sep == '-' {
        return ((strong || date_cue) && !fraction).then_some(0.6).or(Some(0.3));
    }
    // `Pain (4/10):` and `Strength (5/5):` are headed scores, not dated headings.
    let framed = (heading_date(text.norm(), start, end)
        && !cue_within(text, start, 24, &[CueKind::Vital, CueKind::Code]))
        || by_deadline(lower, start);
    if strong || date_cue || framed || (weak && !fraction) {
        return Some(0.7);
    }
    if cue.is_some_and(|c| matches!(c.kind, CueKind::Vital | CueKind::Code)) {
        return None;
    }
    if cue_within(text, start, 24, &[CueKind::Vital, CueKind::Code]) {
        return None;
    }
    let date_near = cue_within(text, start, 40, &[CueKind::Date])
        || words_before(lower, start, 3).iter().any(|w| STRONG_DATE_WORDS.contains(w));
    Some(match (date_near, fraction) {
        (true, false) => 0.65,
        (true, true) => 0.45,
        (false, false) => 0.55,
        (false, true) => 0.35,
    })
}

/// True when a cue of one of `kinds` ends within `window` bytes before `pos` on the same line.
///
/// Same question as `Text::cue_near`, answered by looking only at the window itself: that method
/// searches the whole text before `pos` for the line start, which is quadratic when a long line
/// holds many candidates (`1/2 1/2 1/2 ...`).
pub(super) fn cue_within(text: &Text<'_>, pos: usize, window: usize, kinds: &[CueKind]) -> bool {
    let lower = text.lower();
    let span = back(lower, pos, window);
    let floor = pos - span.len() + span.rfind('\n').map_or(0, |i| i + 1);
    let cues = text.cues();
    let upto = cues.partition_point(|c| c.end <= pos);
    cues[..upto].iter().rev().take_while(|c| c.start >= floor).any(|c| kinds.contains(&c.kind))
}

/// True when the character before `start` glues the run to something that is not a date:
/// a letter or digit (`v2.1.3`, `E11.9`), a currency sign, a decimal point, or the `@` of a
/// package version (`lodash@4.17.21`).
fn glued_before(norm: &str, start: usize) -> bool {
    norm[..start].chars().next_back().is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '$' | '.' | '/' | '#' | '+' | '_' | '@')
    })
}

/// True when the character after `end` glues the run to something else (`5/325mg`, `3/4%`),
/// except an ISO time (`2024-03-14T10:30`).
fn glued_after(norm: &str, end: usize) -> bool {
    let rest = &norm.as_bytes()[end..];
    match rest.first() {
        Some(b'T' | b't') => !rest.get(1).is_some_and(u8::is_ascii_digit),
        Some(&b) => b.is_ascii_alphanumeric() || b == b'%' || b == b'_',
        None => false,
    }
}

/// True when the word before a dotted run makes it a version number (`version 1.2.10`).
fn version_before(lower: &str, start: usize) -> bool {
    word_right_before(lower, start)
        .is_some_and(|w| matches!(w, "version" | "ver" | "v" | "release" | "build" | "rev"))
}

impl Date {
    /// Numeric dates: splits each run into its numbers and separators, then into date-sized
    /// segments (a `-` between slashed dates is a range: `3/14-3/20`).
    fn numeric_dates(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let norm = text.norm();
        let lower = text.lower();
        for m in self.numeric.in_lower(text).find_iter() {
            if glued_before(norm, m.start()) || glued_after(norm, m.end()) {
                continue;
            }
            // (start, end) of each number and the separator after it.
            let mut nums: Vec<(usize, usize)> = Vec::new();
            let mut seps: Vec<char> = Vec::new();
            let bytes = lower.as_bytes();
            let mut i = m.start();
            while i < m.end() {
                if bytes[i].is_ascii_digit() {
                    let s = i;
                    while i < m.end() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    nums.push((s, i));
                } else {
                    if bytes[i] != b' ' {
                        seps.push(char::from(bytes[i]));
                    }
                    i += 1;
                }
            }
            let ranged = seps.contains(&'-') && seps.iter().any(|&c| c != '-');
            // Segments: runs of numbers joined by one separator kind.
            let mut segments: Vec<(usize, usize, char)> = Vec::new(); // (first num, last num, sep)
            let mut first = 0;
            for k in 0..=seps.len() {
                let boundary = k == seps.len() || (ranged && seps[k] == '-');
                if boundary {
                    let sep = if k > first { seps[first] } else { ' ' };
                    let uniform = seps[first..k].iter().all(|&c| c == sep);
                    segments.push((first, k, if uniform { sep } else { '?' }));
                    first = k + 1;
                }
            }
            let parsed: Vec<Option<Numeric>> = segments
                .iter()
                .map(|&(a, b, sep)| {
                    if sep == '?' || sep == ' ' {
                        return None;
                    }
                    let parts: Vec<&str> = nums[a..=b].iter().map(|&(s, e)| &lower[s..e]).collect();
                    parse_numeric(&parts, sep)
                })
                .collect();
            let second = |b: usize| lower[nums[b].0..nums[b].1].parse::<u32>().unwrap_or(0);
            // A range of two dates vouches for both halves (`3/14-3/20`), unless a half could be
            // a fraction (`1/2-3/4 tab`).
            let range_of_dates = segments.len() > 1
                && segments.iter().zip(&parsed).all(|(&(_, b, _), kind)| match kind {
                    Some(Numeric::Partial) => !fraction_like(second(b)),
                    Some(_) => true,
                    None => false,
                });
            for (&(a, b, sep), kind) in segments.iter().zip(&parsed) {
                let Some(kind) = kind else { continue };
                let (start, end) = (nums[a].0, nums[b].1);
                let confidence = match kind {
                    Numeric::Full => Some(0.9),
                    Numeric::FullShortYear => {
                        let version = sep == '.' && version_before(lower, start);
                        (!version && !unit_follows(lower, end)).then_some(0.8)
                    }
                    Numeric::MonthYear => {
                        let vetoed = unit_follows(lower, end)
                            || text
                                .cue_before(start)
                                .is_some_and(|c| matches!(c.kind, CueKind::Vital | CueKind::Code));
                        (!vetoed).then_some(0.6)
                    }
                    Numeric::Partial => {
                        let parts = [&lower[nums[a].0..nums[a].1], &lower[nums[b].0..nums[b].1]];
                        let padded = zero_padded(&parts);
                        let c = partial_confidence(text, start, end, second(b), sep, padded);
                        if range_of_dates {
                            c.map(|c| c.max(0.6))
                        } else {
                            c
                        }
                    }
                };
                if let Some(confidence) = confidence {
                    out.push(Candidate { start, end, label: Label::Date, confidence });
                }
            }
        }
    }

    /// `20240314` or `03142024` right after a date cue (`DOB: 19610314`).
    fn compact_dates(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        for m in self.compact.in_lower(text).find_iter() {
            if !text.cue_before(m.start()).is_some_and(|c| c.kind == CueKind::Date) {
                continue;
            }
            let d = m.as_str();
            let n = |r: std::ops::Range<usize>| d[r].parse::<u32>().unwrap_or(0);
            let ymd = valid_year(n(0..4)) && valid_md(n(4..6), n(6..8));
            let mdy = valid_md(n(0..2), n(2..4)) && valid_year(n(4..8));
            if ymd || mdy {
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    label: Label::Date,
                    confidence: 0.85,
                });
            }
        }
    }

    /// `13JUL2024`, `03aug37`: the glued month abbreviation makes the run a date by itself, so
    /// only the calendar is checked (`31FEB2024` and `45JAN2024` are not dates).
    fn compact_month_dates(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        // A text without a digit glued to a letter does not compile the pattern.
        let glued = || has_pair(text.lower(), digitish, |b| b.is_ascii_lowercase());
        let Some(compact_month) = self.compact_month.in_lower_if(text, glued) else {
            return;
        };
        for caps in compact_month.captures_iter() {
            let day: u32 = caps[1].parse().unwrap_or(0);
            let year = &caps[3];
            let year_fits = year.len() == 2 || year.parse().is_ok_and(valid_year);
            if valid_md(month_number(&caps[2]), day) && year_fits {
                let m = caps.get(0).expect("whole match");
                out.push(date(m.start(), m.end(), 0.85));
            }
        }
    }

    /// Month-name dates: reads the day, year and modifiers around every month word.
    fn month_dates(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let lower = text.lower();
        let norm = text.norm();
        for caps in self.month.in_lower(text).captures_iter() {
            let word = caps.get(1).expect("group 1 always takes part");
            let month = month_number(word.as_str());
            let after_dot = caps.get(0).expect("whole match").end();
            let capitalised = norm.as_bytes()[word.start()].is_ascii_uppercase();
            let ambiguous = matches!(word.as_str(), "may" | "march" | "mar" | "dec");
            // Where to read what follows: past the abbreviation's period if there is one.
            let rest = |from: usize| forward(lower, from, 16);

            // Month, then day: `March 14th, 2024`, `dec. 12 2023`, `Sept 3`.
            if let Some(d) = self.right_day.on(rest(after_dot)).captures(rest(after_dot)) {
                let day: u32 = d[1].parse().unwrap_or(0);
                let day_end = after_dot + d.get(0).expect("whole match").end();
                if valid_md(month, day) {
                    let year = self
                        .right_year_after_day
                        .on(rest(day_end))
                        .captures(rest(day_end))
                        .filter(|y| year_ok(&y[1]))
                        .map(|y| day_end + y.get(0).expect("whole match").end());
                    let end = year.unwrap_or(day_end);
                    let verb = word.as_str() == "may"
                        && !capitalised
                        && year.is_none()
                        && d.get(2).is_none()
                        && may_is_a_verb(lower, word.start());
                    if !verb && (year.is_some() || !unit_follows(lower, day_end)) {
                        let confidence = if year.is_some() { 0.9 } else { 0.8 };
                        out.push(date(word.start(), end, confidence));
                        continue;
                    }
                }
            }

            // Day, then month: `14 March 2024`, `the 3rd of March`, `14-Mar-2024`.
            let left = back(lower, word.start(), 24);
            if let Some(d) = self.left_day.on(left).captures(left) {
                let whole = d.get(0).expect("whole match");
                let start = word.start() - left.len() + whole.start();
                let day: u32 = d[1].parse().unwrap_or(0);
                let ordinal = d.get(2).is_some();
                let year = self
                    .right_year
                    .on(rest(after_dot))
                    .captures(rest(after_dot))
                    .filter(|y| year_ok(&y[1]))
                    .map(|y| after_dot + y.get(0).expect("whole match").end());
                // `take 2 may cause`, `grade 2 dec breath sounds`: a bare number before an
                // ambiguous lower-case month needs an ordinal or a year to be a day.
                let plausible = !ambiguous || capitalised || ordinal || year.is_some();
                if valid_md(month, day) && plausible && !glued_before(norm, start) {
                    let end = year.unwrap_or(word.end());
                    out.push(date(start, end, if year.is_some() { 0.9 } else { 0.8 }));
                    continue;
                }
            }

            // A date modifier that belongs to the span: `mid-March`, `early March 2024`.
            let modifier = self
                .left_modifier
                .on(left)
                .find(left)
                .map(|f| word.start() - left.len() + f.start());

            // Month and year: `Dec 2023`, `December of 2023`, `mid-March 2024`.
            if let Some(y) = self
                .right_year
                .on(rest(after_dot))
                .captures(rest(after_dot))
                .filter(|y| year_ok(&y[1]))
            {
                let end = after_dot + y.get(0).expect("whole match").end();
                out.push(date(modifier.unwrap_or(word.start()), end, 0.85));
                continue;
            }

            // A month alone is a date only after a modifier, preposition or time word.
            if let Some(start) = modifier {
                if lone_month_ok(word.as_str(), capitalised, "mid") {
                    out.push(date(start, word.end(), 0.65));
                }
                continue;
            }
            if let Some(w) = self.left_word.on(left).captures(left) {
                if lone_month_ok(word.as_str(), capitalised, &w[1]) {
                    out.push(date(word.start(), word.end(), 0.6));
                }
            }
        }
    }
}

/// Subjects after which a lower-case `may` is the verb (`I may 2 or 3 times`, `you may 1`),
/// not the month, when a bare number follows it.
#[rustfmt::skip]
const SUBJECTS: &[&str] = &[
    "i", "you", "we", "they", "he", "she", "it", "this", "that", "which", "who", "pt", "patient",
    "dose", "doses", "there", "these", "those", "symptoms", "one", "u",
];

/// True when the word before a lower-case `may` at `pos` makes it the verb.
fn may_is_a_verb(lower: &str, pos: usize) -> bool {
    word_right_before(lower, pos).is_some_and(|w| SUBJECTS.contains(&w))
}

/// A date candidate.
fn date(start: usize, end: usize, confidence: f32) -> Candidate {
    Candidate { start, end, label: Label::Date, confidence }
}

/// True for a year written after a month: four digits in range, or `'24`.
fn year_ok(y: &str) -> bool {
    y.starts_with('\'') || y.parse().is_ok_and(valid_year)
}

/// The month number (1-12) of a month word the month pattern matched.
fn month_number(word: &str) -> u32 {
    match word.get(..3).unwrap_or(word) {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    }
}

/// Prepositions and time words strong enough to make any month word a date (`in may`,
/// `since june`, `last march`, `mid-May`); the weak ones (`from`, `by`, `this`, `through`) only
/// count before a month that is neither a verb nor a first name (`from June` may be a person).
#[rustfmt::skip]
const STRONG_MONTH_WORDS: &[&str] = &[
    "in", "since", "until", "till", "til", "during", "last", "next", "before", "after", "mid",
    "early", "late", "end of", "beginning of", "start of", "middle of", "end of the",
    "beginning of the",
];

/// Whether a lone month word after `prep` is a date. Verbs and names (`may`, `march`, `june`,
/// `april`, `august`) need a strong word; abbreviations need a capital and a strong word, and
/// `mar`/`dec` (`dec` = decreased) never stand alone.
fn lone_month_ok(word: &str, capitalised: bool, prep: &str) -> bool {
    let strong = STRONG_MONTH_WORDS.contains(&prep);
    match word {
        "mar" | "dec" => false,
        "may" | "march" | "june" | "april" | "august" => strong,
        "jan" | "feb" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" => {
            strong && capitalised
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::recognizers::testing::run;

    fn dates(s: &str) -> Vec<String> {
        run(&Date::new(), s).into_iter().map(|(_, t)| t).collect()
    }

    /// Regression: a multi-byte char right before the word before a date made
    /// `word_right_before` slice inside it (the same slip as in the ZIP and IP recognizers).
    #[test]
    fn a_multibyte_char_before_the_previous_word_does_not_panic() {
        for text in ["José: 03/14/1961", "seen 😀on 03/14/1961", "née 3/14"] {
            let _ = dates(text);
        }
        assert_eq!(word_right_before("née, ", 6), Some("e"));
    }

    #[test]
    fn calendar_validation() {
        assert!(valid_md(2, 29));
        assert!(!valid_md(2, 30));
        assert!(!valid_md(4, 31));
        assert!(valid_md(12, 31));
        assert!(!valid_md(13, 1));
        assert!(!valid_md(0, 1));
        assert!(!valid_md(1, 0));
        assert!(valid_year(1931) && valid_year(2024));
        assert!(!valid_year(1899) && !valid_year(3344));
    }

    #[test]
    fn numeric_runs_are_classified_whole() {
        use Numeric::*;
        let p = |s: &str, sep: char| {
            let parts: Vec<&str> = s.split(sep).collect();
            parse_numeric(&parts, sep)
        };
        assert_eq!(p("3/14/2024", '/'), Some(Full));
        assert_eq!(p("2024-03-14", '-'), Some(Full));
        assert_eq!(p("14.03.2024", '.'), Some(Full));
        assert_eq!(p("03-14-24", '-'), Some(FullShortYear));
        assert_eq!(p("03/2024", '/'), Some(MonthYear));
        assert_eq!(p("3/14", '/'), Some(Partial));
        // Phone numbers, SSNs, NDCs, decimals, year ranges, impossible days.
        assert_eq!(p("555-201-3344", '-'), None);
        assert_eq!(p("123-45-6789", '-'), None);
        assert_eq!(p("0002-3227-30", '-'), None);
        assert_eq!(p("3.14", '.'), None);
        assert_eq!(p("2019-2020", '-'), None);
        assert_eq!(p("2019-20", '-'), None);
        assert_eq!(p("2/30/2024", '/'), None);
        assert_eq!(p("13/13/2024", '/'), None);
        assert_eq!(p("20/20", '/'), None);
        assert_eq!(p("128/82", '/'), None);
        assert_eq!(p("5/325", '/'), None);
        assert_eq!(p("1/2/3", '/'), None);
        assert_eq!(p("3-2024", '-'), None);
    }

    #[test]
    fn units_after_veto() {
        assert!(unit_follows("1/2 tab", 3));
        assert!(unit_follows("3-5 days", 3));
        assert!(unit_follows("2-3 times a day", 3));
        assert!(unit_follows("3/4 cup", 3));
        assert!(unit_follows("1/2 of the dose", 3));
        assert!(unit_follows("3/4%", 3));
        assert!(!unit_follows("3/14 at noon", 4));
        assert!(!unit_follows("3/14", 4));
        assert!(!unit_follows("3/14    tabs", 4), "too far to be this number's unit");
        assert!(!unit_follows("3/14\ntabs", 4));
    }

    #[test]
    fn words_and_glue() {
        assert_eq!(word_right_before("seen on: 3/14", 9), Some("on"));
        assert_eq!(word_right_before("3/14", 0), None);
        assert_eq!(words_before("f/u in clinic since 3/14", 20, 2), vec!["since", "clinic"]);
        assert_eq!(words_before("line one\nnext 3/14", 14, 3), vec!["next"]);
        assert!(glued_before("v2.1.3", 1));
        assert!(glued_before("E11.9", 1));
        assert!(glued_before("$3.50", 1));
        assert!(glued_before("lodash@4.17.21", 7), "a package version after @");
        assert!(!glued_before("DOB:3/14/2024", 4));
        assert!(glued_after("5/325mg", 5));
        assert!(!glued_after("2024-03-14T10:30", 10));
        assert!(glued_after("2024-03-14Tx", 10));
        assert!(version_before("version 1.2.10", 8));
        assert!(!version_before("on 1.2.10", 3));
        assert!(fraction_like(5) && fraction_like(10) && !fraction_like(14));
    }

    #[test]
    fn partial_date_frames() {
        assert!(zero_padded(&["05", "06"]));
        assert!(zero_padded(&["3", "04"]));
        assert!(!zero_padded(&["5", "6"]));
        assert!(!zero_padded(&["10", "20"]));
        assert!(heading_date("LABS (4/3): Na 136", 6, 9));
        assert!(!heading_date("LABS (4/3) Na 136", 6, 9));
        assert!(!heading_date("LABS 4/3: Na 136", 5, 8));
        assert!(by_deadline("fax it back by 2/3", 15));
        assert!(!by_deadline("reduce the dose by 1/2", 19));
        assert!(!by_deadline("went down by 2/3", 13));
        assert!(!by_deadline("since 2/3", 6));
    }

    #[test]
    fn cues_within_a_window_on_the_line() {
        let t = Text::new("BP sitting 3/14");
        assert!(cue_within(&t, 11, 24, &[CueKind::Vital]));
        assert!(!cue_within(&t, 11, 24, &[CueKind::Date]));
        let t = Text::new("BP\nseen 3/14");
        assert!(!cue_within(&t, 8, 24, &[CueKind::Vital]), "the cue is on the line before");
        let t = Text::new("BP checked, patient doing well overall today 3/14");
        assert!(!cue_within(&t, 45, 24, &[CueKind::Vital]), "the cue is outside the window");
        let t = Text::new("DOB 3/14");
        assert!(cue_within(&t, 4, 40, &[CueKind::Date]));
    }

    #[test]
    fn lone_months_need_the_right_word() {
        assert!(may_is_a_verb("i may 2", 2));
        assert!(may_is_a_verb("you may 1", 4));
        assert!(!may_is_a_verb("see you on may 5", 11));
        assert!(!may_is_a_verb("may 5", 0));
        assert!(lone_month_ok("may", false, "in"));
        assert!(!lone_month_ok("may", false, "this"));
        assert!(!lone_month_ok("june", true, "from"));
        assert!(lone_month_ok("november", false, "from"));
        assert!(!lone_month_ok("jan", false, "in"));
        assert!(lone_month_ok("jan", true, "in"));
        assert!(!lone_month_ok("dec", true, "in"));
        assert_eq!(month_number("sept"), 9);
        assert_eq!(month_number("febuary"), 2);
        assert_eq!(month_number("december"), 12);
    }

    #[test]
    fn finds_dates() {
        assert_eq!(dates("DOB 03/14/1961"), ["03/14/1961"]);
        assert_eq!(dates("seen 3 / 14 / 2024 in clinic"), ["3 / 14 / 2024"]);
        assert_eq!(dates("on Monday, March 14th, 2024 at 10:30"), ["March 14th, 2024"]);
        assert_eq!(dates("the 3rd of March"), ["the 3rd of March"]);
        assert_eq!(dates("admitted 3/14-3/20"), ["3/14", "3/20"]);
        assert_eq!(dates("surgery mid-March"), ["mid-March"]);
        assert_eq!(dates("DOB: 19610314"), ["19610314"]);
        assert_eq!(dates("14-Mar-2024"), ["14-Mar-2024"]);
        assert_eq!(dates("on Saturday 13JUL2024."), ["13JUL2024"]);
        assert_eq!(dates("03aug37"), ["03aug37"]);
        assert!(dates("31FEB2024").is_empty());
        assert!(dates("13JUL1850").is_empty());
        assert!(dates("A13JUL2024").is_empty(), "glued to an id prefix");
        // Multi-byte text right after a month word must not split a character.
        assert_eq!(dates("March 1 ééééééééé"), ["March 1"]);
        assert_eq!(dates("in March ééééééééé"), ["March"]);
    }

    #[test]
    fn partial_dates_weigh_their_context() {
        assert_eq!(dates("since 5/5"), ["5/5"]);
        assert_eq!(dates("follow up on 2/6"), ["2/6"]);
        assert_eq!(dates("Sat 3/14 at noon"), ["3/14"]);
        assert_eq!(dates("date 2/14 time 14:00"), ["2/14"]);
        assert_eq!(dates("on 3/14 u said"), ["3/14"]);
        assert!(dates("strength 5/5 bilaterally").is_empty());
        assert!(dates("grade 2/6 murmur").is_empty());
        assert!(dates("pain 4/10").is_empty());
        assert!(dates("Apgar 8/9").is_empty());
        assert!(dates("from 1/2 to 3/4 tab").is_empty());
        assert!(dates("1/2-3/4 tab").is_empty());
        assert_eq!(dates("3/14-3/20"), ["3/14", "3/20"]);
        assert!(dates("BP on arrival 128/82").is_empty());
        assert_eq!(dates("LABS (05/06): A1c 10.9%"), ["05/06"]);
        assert_eq!(dates("LABS (6/6): Na 131"), ["6/6"]);
        assert!(dates("Strength (5/5): intact").is_empty());
        assert_eq!(dates("send it back by 2/3."), ["2/3"]);
        assert!(dates("cut the dose by 1/2").is_empty());
    }

    #[test]
    fn leaves_non_dates_alone() {
        for s in [
            "BP 128/82, HR 72",
            "oxycodone 5/325 mg",
            "VA 20/20 OU",
            "10:30",
            "3-5 days",
            "2-3 times daily",
            "in 2019",
            "2019-2020",
            "E11.9",
            "v2.1.3",
            "GCS 15",
            "G2P1",
            "K 7.2",
            "3.14",
            "555-201-3344",
            "123-45-6789",
            "10.1.12.24",
            "you may take 2 tabs",
            "march in the parade",
            "version 1.2.10",
            "I may 2 or 3 times",
            "GCS 14/15",
            "MMSE 12/30",
            "score 12/15 on the quiz",
            "6/12 vision",
        ] {
            assert!(dates(s).is_empty(), "{s:?} gave {:?}", dates(s));
        }
    }
}
