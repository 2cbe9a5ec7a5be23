//! The ids recognizer: medical record, health plan, account, licence, vehicle and device
//! numbers, and any other unique identifier (Safe Harbor items 8 to 14 and 18).
//!
//! Three passes, most certain first:
//! 1. **Cued values.** After an id cue (`MRN#:`, `member id is`, `acct no.`, `VIN`, `lot`), the
//!    value that follows takes the cue's label at 0.9 (`token.rs` decides where it ends and
//!    vetoes dates, doses, ratios and words). Cues with a check digit (card, routing, NPI, DEA,
//!    VIN, MBI) raise a passing value to 0.95 and keep a failing one at 0.8: people mistype.
//!    A locative phrase may sit between cue and value ("lot number on the vaccine card was X");
//!    the first cue to claim a value keeps it, so the card named in the phrase does not. The
//!    generic ID_OTHER cues give way to a value whose check digit proves it a VIN.
//! 2. **Formats without a cue** (`formats.rs`): VIN, DEA, MBI, payment card and GS1 UDI, each
//!    confirmed by a check digit or a strict pattern, at 0.95 (0.9 for the MBI, which has none).
//!    A cued value wins over a format: `MRN: 1HGCM82633A004352` is what the author called it.
//! 3. **Fallback.** A bare run of 9 or more digits that nothing labels is ID_OTHER at 0.6, below
//!    the phone, SSN and date recognizers, which win the overlap when the run is theirs.

mod formats;
mod token;

use std::collections::HashSet;

use super::re::Re;

use super::{Candidate, Label, Recognizer, Text};
use crate::detect::checksum;
use crate::detect::cues::{Cue, CueKind};

use token::Token;

/// Confidence of a cued value of plausible shape.
const CUED: f32 = 0.9;
/// Confidence of a cued value whose check digit passes.
const CUED_CHECKED: f32 = 0.95;
/// Confidence of a cued value whose check digit fails: still tagged, a typo is still PHI.
const CUED_FAILED: f32 = 0.8;
/// Confidence of a VIN-cued 17-character value without a valid check digit (VINs from outside
/// North America need not carry one).
const VIN_UNCHECKED: f32 = 0.85;
/// Confidence of the uncued digit-run fallback.
const FALLBACK: f32 = 0.6;

/// Shortest bare digit run the fallback takes: shorter runs are counts, codes and amounts.
const FALLBACK_MIN_DIGITS: usize = 9;

/// How far past a cue the search for its value goes; `cue_before` caps the gap anyway.
const MAX_LOOKAHEAD: usize = 40;

/// Cue phrases whose values may be names without digits (`username: jane_doe`).
const USERNAME_CUES: &[&str] = &["username", "user name", "user id", "login"];

/// Cue phrases whose values may be booking-style codes with a single digit (`BMR6VE`). Only
/// these: after `case of` the same shape is a gene or a test (`BRCA1`, `HBA1C`).
const CODE_CUES: &[&str] = &[
    "confirmation",
    "confirmation number",
    "confirmation #",
    "confirmation code",
    "booking",
    "record locator",
    "ticket",
    "ticket #",
    "ticket number",
    "ref #",
    "ref#",
    "reference #",
    "reference number",
];

/// What a cue's value may look like beyond the usual two digits.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// At least two digits.
    Plain,
    /// Also a name with `_`, `.` or `-` and no digits (`jane_doe`).
    Username,
    /// Also a capitals-and-digits code with one digit (`BMR6VE`).
    Code,
}

/// Prepositions that open a phrase saying where a value is written: "lot number on the vaccine
/// card was ...", "serial number off the box is ...". A cue inside that phrase (`card`) names the
/// place, not the value.
const LOCATIVE: &[&str] = &["on", "from", "off"];

/// Words that close a locative phrase and introduce the value.
const COPULA: &[&str] = &["is", "was", "reads", "says", "shows"];

/// Most words a locative phrase may run past the first one the direct walk could not pass.
const MAX_LOCATIVE_WORDS: usize = 4;

/// The ids recognizer.
pub(crate) struct Ids {
    formats: formats::Formats,
    fallback: Re,
    mac: Re,
}

impl Ids {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        Ids {
            formats: formats::Formats::new(),
            fallback: Re::new(
                &format!("[0-9]{{{FALLBACK_MIN_DIGITS},}}"),
                "fallback pattern compiles",
            ),
            mac: Re::new(r"^[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}", "mac pattern compiles"),
        }
    }
}

impl Recognizer for Ids {
    fn name(&self) -> &'static str {
        "ids"
    }

    fn labels(&self) -> &'static [Label] {
        &[
            Label::Mrn,
            Label::HealthPlan,
            Label::Account,
            Label::License,
            Label::Vehicle,
            Label::Device,
            Label::IdOther,
        ]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let first = out.len();
        // Starts of values already taken by a cue: the first cue to claim a value keeps it
        // ("lot number on the vaccine card was X" is the lot's, not the card's).
        let mut claimed = HashSet::new();
        for cue in text.cues() {
            if let Some(label) = label_of(cue.kind) {
                self.cued(text, *cue, label, &mut claimed, out);
            }
        }
        let cued = Spans::new(&out[first..]);
        let norm = text.norm().as_bytes();
        self.formats.find(
            text,
            |s, e| free_standing(norm, s, e) && uncued(text, s) && !cued.overlaps(s, e),
            out,
        );
        let taken = Spans::new(&out[first..]);
        for m in self.fallback.in_norm(text).find_iter() {
            let (s, e) = (m.start(), m.end());
            if free_standing(norm, s, e)
                && text.cue_before(s).is_none()
                && !taken.overlaps(s, e)
                && !token::is_timestamp(m.as_str())
                && !token::unit_follows(text.lower(), e)
            {
                out.push(Candidate {
                    start: s,
                    end: e,
                    label: Label::IdOther,
                    confidence: FALLBACK,
                });
            }
        }
    }
}

/// The label an id cue gives its value; `None` for cues of other families and negative cues.
fn label_of(kind: CueKind) -> Option<Label> {
    use CueKind::*;
    Some(match kind {
        Mrn => Label::Mrn,
        HealthPlan | Mbi => Label::HealthPlan,
        Account | Card | Routing => Label::Account,
        License | Dea | Npi => Label::License,
        Vehicle | Vin | Plate => Label::Vehicle,
        Device => Label::Device,
        IdOther => Label::IdOther,
        Phone | Fax | Email | Url | Ip | Ssn | Zip | Date | Age | Vital | Code | Room => {
            return None
        }
    })
}

/// True when no cue of another family labels the value at `s`: `Phone: 4111...` or
/// `NDC 00069315083` is that cue's business.
fn uncued(text: &Text<'_>, s: usize) -> bool {
    match text.cue_before(s) {
        Some(c) => label_of(c.kind).is_some(),
        None => true,
    }
}

/// True when `s..e` is a whole token: not glued to letters or digits, not the tail of a
/// punctuated number (`S24-123456789`, `v1.123456789`), not inside an email or URL path.
fn free_standing(b: &[u8], s: usize, e: usize) -> bool {
    let before = s == 0 || {
        let c = b[s - 1];
        !c.is_ascii_alphanumeric() && !b"@/\\._-+$=".contains(&c)
    };
    let after = e >= b.len() || {
        let c = b[e];
        let next_alnum = b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric);
        let glued_on = b"-./:,".contains(&c) && next_alnum;
        !c.is_ascii_alphanumeric() && !b"@_".contains(&c) && !glued_on
    };
    before && after
}

impl Ids {
    /// Finds the value `cue` labels, and any list of same-format values after it, unless an
    /// earlier cue has `claimed` it.
    fn cued(
        &self,
        text: &Text<'_>,
        cue: Cue,
        label: Label,
        claimed: &mut HashSet<usize>,
        out: &mut Vec<Candidate>,
    ) {
        let b = text.norm().as_bytes();
        let phrase = &text.lower()[cue.start..cue.end];
        let shape = if USERNAME_CUES.contains(&phrase) {
            Shape::Username
        } else if CODE_CUES.contains(&phrase) {
            Shape::Code
        } else {
            Shape::Plain
        };
        let limit = (cue.end + MAX_LOOKAHEAD).min(b.len());
        let mut q = cue.end;
        // Walk the words after the cue while the cue still labels them directly: filler words
        // ("number", "is", "no.") are skipped, anything else ends the search.
        while let Some(p) = (q..limit).find(|&i| b[i].is_ascii_alphanumeric()) {
            if text.cue_before(p) != Some(cue) || inside_other_cue(text, p, cue) {
                let Some(v) = after_locative(text, cue, p) else { return };
                if let Some(t) = value_at(text, v, cue.kind, shape) {
                    if claimed.insert(t.start) {
                        let value = &text.norm()[t.start..t.end];
                        let (label, confidence) = label_and_confidence(cue.kind, label, value);
                        out.push(Candidate { start: t.start, end: t.end, label, confidence });
                    }
                }
                return;
            }
            let word_end = (p..b.len()).find(|&i| !b[i].is_ascii_alphanumeric()).unwrap_or(b.len());
            if is_filler_word(text, cue, p, word_end) {
                q = word_end;
                continue;
            }
            if cue.kind == CueKind::Device {
                if let Some(m) = self.mac.pick(text.is_ascii()).find(&text.norm()[p..]) {
                    if free_standing(b, p, p + m.end()) {
                        out.push(Candidate { start: p, end: p + m.end(), label, confidence: CUED });
                        return;
                    }
                }
            }
            if let Some(t) = value_at(text, p, cue.kind, shape) {
                if !claimed.insert(t.start) {
                    return;
                }
                let value = &text.norm()[t.start..t.end];
                let (label, confidence) = label_and_confidence(cue.kind, label, value);
                out.push(Candidate { start: t.start, end: t.end, label, confidence });
                list_after(text, &t, cue.kind, label, shape, out);
                return;
            }
            q = word_end;
        }
    }
}

/// True when the word `p..e` is one of the cue's filler words ("transmitter ID 4Z2543"): the
/// cue still labels the next word directly. A filler word must not lead a spaced value
/// (`ID 4Z2543`). After a plate cue capitals are the plate's own letters (`BE 82115`), and a
/// word glued to the value by a dash is its prefix (`PT-0093321`).
fn is_filler_word(text: &Text<'_>, cue: Cue, p: usize, e: usize) -> bool {
    let b = text.norm().as_bytes();
    let capitals = b[p..e].iter().all(u8::is_ascii_uppercase);
    if !b[p..e].iter().all(u8::is_ascii_alphabetic) || (cue.kind == CueKind::Plate && capitals) {
        return false;
    }
    let next = (e..b.len()).find(|&i| b[i].is_ascii_alphanumeric());
    next.is_some_and(|n| {
        let glued = n == e + 1 && b"-./".contains(&b[e]);
        !glued && text.cue_before(n) == Some(cue) && !inside_other_cue(text, n, cue)
    })
}

/// True when `p` starts or falls inside a cue other than `cue` ("Pacemaker S/N PJN123": the walk
/// from "Pacemaker" must not read the `N` of `S/N` as the start of the value).
fn inside_other_cue(text: &Text<'_>, p: usize, cue: Cue) -> bool {
    let cues = text.cues();
    let i = cues.partition_point(|c| c.start <= p);
    i > 0 && cues[i - 1].end > p && cues[i - 1] != cue
}

/// Where the value starts after a locative phrase ("lot number on the vaccine card was X"), when
/// the direct walk from `cue` stopped at the word at `p` and a preposition of [`LOCATIVE`] came
/// before it. The phrase runs over at most [`MAX_LOCATIVE_WORDS`] more words without digits and
/// ends with a word of [`COPULA`] or a colon.
fn after_locative(text: &Text<'_>, cue: Cue, p: usize) -> Option<usize> {
    let lower = text.lower();
    let b = lower.as_bytes();
    let opened = lower[cue.end..p]
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| LOCATIVE.contains(&w));
    if !opened {
        return None;
    }
    let value_at = |j: usize| b.get(j).is_some_and(u8::is_ascii_alphanumeric).then_some(j);
    let mut i = p;
    for _ in 0..=MAX_LOCATIVE_WORDS {
        let e = (i..b.len()).find(|&j| !b[j].is_ascii_alphanumeric()).unwrap_or(b.len());
        if !b[i..e].iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let mut j = e;
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
        if b.get(j) == Some(&b':') {
            j += 1;
            while b.get(j) == Some(&b' ') {
                j += 1;
            }
            return value_at(j);
        }
        if COPULA.contains(&&lower[i..e]) && j > e {
            return value_at(j);
        }
        if j == e || !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        i = j;
    }
    None
}

/// The label and confidence of a cued value. ID_OTHER is the catch-all: a value under a generic
/// cue ("accident claim", "ref") whose own check digit proves it a VIN is a vehicle number.
fn label_and_confidence(kind: CueKind, label: Label, v: &str) -> (Label, f32) {
    let c = token::compact(v);
    if kind == CueKind::IdOther && c.len() == 17 && formats::vin_like(&c) && checksum::vin(&c) {
        return (Label::Vehicle, CUED_CHECKED);
    }
    (label, confidence(kind, v))
}

/// The value at `p` if it is a plausible identifier for a `kind` cue.
fn value_at(text: &Text<'_>, p: usize, kind: CueKind, shape: Shape) -> Option<Token> {
    let b = text.norm().as_bytes();
    let username = shape == Shape::Username;
    let mut t = token::parse(b, p, username)?;
    // "plate TX ABC-1234", "DL NY 123-456-789": a lone issuing state before a punctuated number.
    if matches!(kind, CueKind::License | CueKind::Plate)
        && t.groups.len() == 1
        && token::is_state_code(&text.norm()[t.start..t.end])
        && b.get(t.end) == Some(&b' ')
    {
        t = token::parse(b, t.end + 1, username)?;
    }
    // "plate P55 XLG": a plate may end in a group of three letters (the British format).
    if kind == CueKind::Plate {
        if let Some(e) = plate_letters(b, &t) {
            t.groups.push((t.end + 1, e));
            t.end = e;
            t.spaced = true;
        }
    }
    // "CA DL B1234567", "TX 12345678": the issuing state is not part of a licence number. A
    // plate keeps its leading letters: "AB 12345" is a plate format, and state codes are letters.
    if kind == CueKind::License && t.spaced {
        let (s, e) = t.groups[0];
        if token::is_state_code(&text.norm()[s..e]) && t.groups[1].1 - t.groups[1].0 >= 5 {
            t.groups.remove(0);
            t.start = t.groups[0].0;
            t.spaced = t.groups.len() > 1;
        }
    }
    // "MRN 1234 56 yo", "card 1234 5 mg": a unit after the value makes it a quantity; a spaced
    // value may lose its last group to it, anything else is refused.
    while token::unit_follows(text.lower(), t.end) || followed_by_age(text, t.end) {
        t = t.without_last_group()?;
    }
    // "jdoe77@example.org" is the email recognizer's.
    if b.get(t.end) == Some(&b'@') {
        return None;
    }
    plausible(&text.norm()[t.start..t.end], kind, shape).then_some(t)
}

/// The end of a three-letter group after the plate `t` ("P55 XLG"), when `t` ends in digits
/// and the group stands alone.
fn plate_letters(b: &[u8], t: &Token) -> Option<usize> {
    let (s, e) = *t.groups.last()?;
    if !b[s..e].iter().any(u8::is_ascii_digit) || b.get(t.end) != Some(&b' ') {
        return None;
    }
    let g = t.end + 1;
    let ge = (g..b.len()).find(|&j| !b[j].is_ascii_alphanumeric()).unwrap_or(b.len());
    let alone = !b.get(ge).is_some_and(|&c| {
        b"-./".contains(&c) && b.get(ge + 1).is_some_and(u8::is_ascii_alphanumeric)
    });
    (ge - g == 3 && b[g..ge].iter().all(u8::is_ascii_uppercase) && alone).then_some(ge)
}

/// True when an age cue (`yo`, `years old`) directly follows `end`.
fn followed_by_age(text: &Text<'_>, end: usize) -> bool {
    text.cue_after(end, 12, &[CueKind::Age]).is_some_and(|c| c.start <= end + 1)
}

/// Whether `v` has the shape of an identifier for a `kind` cue.
fn plausible(v: &str, kind: CueKind, shape: Shape) -> bool {
    let (alnum, digits) = token::counts(v);
    let min_digits = if kind == CueKind::Plate { 1 } else { 2 };
    let shaped = if shape == Shape::Username && digits == 0 {
        // A username without digits needs an internal separator (`jane_doe`, `j.doe`), so
        // `login failed` is not one.
        alnum >= 3 && v.bytes().any(|c| b"_.-".contains(&c))
    } else {
        digits >= min_digits || (shape == Shape::Code && is_code_word(v))
    };
    alnum >= 4
        && shaped
        && !token::is_date_or_ratio(v)
        && !token::is_quantity(v)
        && !token::is_year(v)
}

/// A booking-style code with a single digit (`BMR6VE`, `FWM4CD`): one word of five to ten
/// capitals and digits with at least two letters. Lower case is refused: `covid19` is a word.
fn is_code_word(v: &str) -> bool {
    let letters = v.bytes().filter(u8::is_ascii_uppercase).count();
    (5..=10).contains(&v.len())
        && v.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && v.bytes().any(|c| c.is_ascii_digit())
        && letters >= 2
}

/// Confidence of a cued value: the check digit of a checked kind raises or lowers it.
fn confidence(kind: CueKind, v: &str) -> f32 {
    let c = token::compact(v);
    let digits_only = c.bytes().all(|d| d.is_ascii_digit());
    let checked = |ok: bool| if ok { CUED_CHECKED } else { CUED_FAILED };
    match kind {
        // A card's last four ("card ending in 4321") carry no check digit.
        CueKind::Card if digits_only && c.len() >= 13 => checked(checksum::luhn(&c)),
        CueKind::Routing => checked(digits_only && checksum::aba(&c)),
        CueKind::Npi => checked(checksum::npi(&c)),
        CueKind::Dea => checked(checksum::dea(&c)),
        CueKind::Vin if checksum::vin(&c) => CUED_CHECKED,
        CueKind::Vin if c.len() == 17 => VIN_UNCHECKED,
        CueKind::Vin => CUED_FAILED,
        CueKind::Mbi if checksum::mbi_format(&c) => CUED_CHECKED,
        _ => CUED,
    }
}

/// Values listed after the first under one cue: `MRN 0012345 / 0012346`, `claims 123456, 123457
/// and 123458`. A listed value must have the first one's exact format.
fn list_after(
    text: &Text<'_>,
    first: &Token,
    kind: CueKind,
    label: Label,
    shape: Shape,
    out: &mut Vec<Candidate>,
) {
    let b = text.norm().as_bytes();
    let lower = text.lower();
    let sig = first.signature(b);
    let mut end = first.end;
    loop {
        let mut i = end;
        while b.get(i) == Some(&b' ') && i < end + 2 {
            i += 1;
        }
        let rest = &lower[i..];
        let sep = if rest.starts_with("and ") {
            4
        } else if rest.starts_with("or ") {
            3
        } else if rest.starts_with(['/', ',', ';', '&']) {
            1
        } else {
            return;
        };
        i += sep;
        while b.get(i) == Some(&b' ') && i < end + 8 {
            i += 1;
        }
        let Some(t) = value_at(text, i, kind, shape) else { return };
        if t.signature(b) != sig {
            return;
        }
        let v = &text.norm()[t.start..t.end];
        out.push(Candidate { start: t.start, end: t.end, label, confidence: confidence(kind, v) });
        end = t.end;
    }
}

/// Spans already claimed, merged and sorted, for overlap tests in logarithmic time.
struct Spans(Vec<(usize, usize)>);

impl Spans {
    /// The spans of `cands`, overlapping ones merged.
    fn new(cands: &[Candidate]) -> Self {
        let mut v: Vec<(usize, usize)> = cands.iter().map(|c| (c.start, c.end)).collect();
        v.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(v.len());
        for (s, e) in v {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Spans(merged)
    }

    /// True when `s..e` shares a byte with a claimed span.
    fn overlaps(&self, s: usize, e: usize) -> bool {
        let i = self.0.partition_point(|&(a, _)| a < e);
        i > 0 && self.0[i - 1].1 > s
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use super::*;

    fn ids(s: &str) -> Vec<(Label, String)> {
        run(&Ids::new(), s)
    }

    fn one(label: Label, v: &str) -> Vec<(Label, String)> {
        vec![(label, v.to_owned())]
    }

    #[test]
    fn cue_labels_the_value_after_it() {
        assert_eq!(ids("MRN#: 00123456."), one(Label::Mrn, "00123456"));
        assert_eq!(ids("my member id is w123 456 789"), one(Label::HealthPlan, "w123 456 789"));
        assert_eq!(ids("acct no. 12-3456-78"), one(Label::Account, "12-3456-78"));
        assert_eq!(ids("MRN 1234567 was seen"), one(Label::Mrn, "1234567"));
        assert_eq!(ids("CA DL B1234567"), one(Label::License, "B1234567"));
    }

    #[test]
    fn longer_cues_keep_number_is_from_reading_as_a_phone_cue() {
        assert_eq!(ids("My member ID number is W123456789"), one(Label::HealthPlan, "W123456789"));
        assert_eq!(ids("drivers license number is D1234567"), one(Label::License, "D1234567"));
        assert_eq!(ids("Medicare card 1EG4-TE5-MK73"), one(Label::HealthPlan, "1EG4-TE5-MK73"));
    }

    #[test]
    fn the_crate_example_finds_only_the_mrn_here() {
        let s = "Pt DOB 03/14/1961, MRN: 00482913, cell (555) 201-3344";
        assert_eq!(ids(s), one(Label::Mrn, "00482913"));
    }

    #[test]
    fn other_families_cues_are_left_alone() {
        for s in ["DOB 03/14/1961", "call 5552013344", "SSN: 123456789", "NDC 00069315083"] {
            assert_eq!(ids(s), vec![], "{s}");
        }
    }

    #[test]
    fn a_trailing_age_or_unit_is_not_part_of_the_value() {
        assert_eq!(ids("MRN 881234 92 yo"), one(Label::Mrn, "881234"));
        assert_eq!(ids("MRN 881234 92 years old"), one(Label::Mrn, "881234"));
        assert_eq!(ids("lot 4471 50 mg"), one(Label::Device, "4471"));
    }

    #[test]
    fn the_walk_stops_at_the_next_cue() {
        assert_eq!(ids("Pacemaker S/N PJN123456H."), one(Label::Device, "PJN123456H"));
    }

    #[test]
    fn lists_share_the_cue() {
        assert_eq!(
            ids("MRN 0012345 / 0012346"),
            vec![(Label::Mrn, "0012345".to_owned()), (Label::Mrn, "0012346".to_owned())]
        );
        assert_eq!(ids("MRN 0012345, DOB 03/14/1961"), one(Label::Mrn, "0012345"));
    }

    #[test]
    fn words_dates_and_quantities_after_cues_are_refused() {
        for s in [
            "case of pneumonia",
            "member of the family",
            "Group B strep",
            "card 4 weeks",
            "ref range 3.5-5.0",
            "ref 3.5-5.0",
            "Encounter 03/14/2024",
            "Policy 2024 update",
            "lot 1000 mg",
            "login failed",
            "serial troponins",
        ] {
            assert_eq!(ids(s), vec![], "{s}");
        }
    }

    #[test]
    fn checked_cues_raise_or_lower_confidence() {
        assert_eq!(confidence(CueKind::Npi, "1234567893"), CUED_CHECKED);
        assert_eq!(confidence(CueKind::Npi, "1234567890"), CUED_FAILED);
        assert_eq!(confidence(CueKind::Routing, "011000015"), CUED_CHECKED);
        assert_eq!(confidence(CueKind::Routing, "011000016"), CUED_FAILED);
        assert_eq!(confidence(CueKind::Card, "4111-1111-1111-1111"), CUED_CHECKED);
        assert_eq!(confidence(CueKind::Card, "4321"), CUED);
        assert_eq!(confidence(CueKind::Vin, "1HGCM82633A004352"), CUED_CHECKED);
        assert_eq!(confidence(CueKind::Vin, "1HGCM82633A004353"), VIN_UNCHECKED);
    }

    #[test]
    fn cue_beats_format_and_fallback_needs_no_cue() {
        assert_eq!(ids("MRN: 1HGCM82633A004352"), one(Label::Mrn, "1HGCM82633A004352"));
        assert_eq!(
            ids("found 1HGCM82633A004352 on file"),
            one(Label::Vehicle, "1HGCM82633A004352")
        );
        assert_eq!(ids("ref'd by 123456789012"), one(Label::IdOther, "123456789012"));
        assert_eq!(ids("SSN 123456789"), vec![]);
        assert_eq!(ids("stamp 20240314103000"), vec![]);
    }

    #[test]
    fn a_locative_phrase_keeps_the_first_cue() {
        assert_eq!(
            ids("lot number on the vaccine card was 8812-04"),
            one(Label::Device, "8812-04")
        );
        assert_eq!(ids("serial no. off the box: ZK449120"), one(Label::Device, "ZK449120"));
        // No preposition, or a word with digits inside: the phrase is not a location.
        assert_eq!(ids("lot number vaccine card was 8812-04"), one(Label::Account, "8812-04"));
        assert_eq!(ids("lot on batch 12 is 8812-04"), vec![]);
    }

    #[test]
    fn filler_words_do_not_lead_values() {
        assert_eq!(ids("transmitter ID 4Z2543"), one(Label::Device, "4Z2543"));
        assert_eq!(ids("Patient ID: PT-0093321."), one(Label::Mrn, "PT-0093321"));
        assert_eq!(ids("plate BE 82115"), one(Label::Vehicle, "BE 82115"));
    }

    #[test]
    fn code_words_need_capitals_a_digit_and_a_code_cue() {
        assert!(is_code_word("BMR6VE") && is_code_word("FWM4CD"));
        assert!(!is_code_word("bmr6ve") && !is_code_word("T2DM") && !is_code_word("ABCDEF"));
        assert_eq!(ids("confirmation # FWM4CD"), one(Label::IdOther, "FWM4CD"));
        assert_eq!(ids("case BRCA1"), vec![]);
    }

    #[test]
    fn a_checked_vin_under_a_generic_cue_is_a_vehicle() {
        let (label, c) =
            label_and_confidence(CueKind::IdOther, Label::IdOther, "1HGCM82633A004352");
        assert_eq!((label, c), (Label::Vehicle, CUED_CHECKED));
        let (label, _) =
            label_and_confidence(CueKind::IdOther, Label::IdOther, "1HGCM82633A004353");
        assert_eq!(label, Label::IdOther);
        let (label, _) = label_and_confidence(CueKind::Mrn, Label::Mrn, "1HGCM82633A004352");
        assert_eq!(label, Label::Mrn);
    }

    #[test]
    fn plates_take_a_trailing_letter_group() {
        assert_eq!(ids("plate P55 XLG."), one(Label::Vehicle, "P55 XLG"));
        assert_eq!(ids("plate 7ABC123 XLGA"), one(Label::Vehicle, "7ABC123"));
        assert_eq!(ids("plate TX ABC-1234"), one(Label::Vehicle, "ABC-1234"));
    }

    #[test]
    fn free_standing_refuses_glued_runs() {
        let b = b"S24-123456789 x v1.123456789 #123456789 123456789@x 1,234567890";
        assert!(!free_standing(b, 4, 13));
        assert!(!free_standing(b, 19, 28));
        assert!(free_standing(b, 30, 39));
        assert!(!free_standing(b, 40, 49));
    }
}
