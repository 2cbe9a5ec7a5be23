//! Social security numbers: `123-45-6789` and its spaced, dotted and mixed layouts, a bare
//! `123456789` under an SSN cue, masked forms (`xxx-xx-6789`), and the last four digits when the
//! writer says so (`last 4 of my ssn is 6789`, `SSN ending 6789`).
//!
//! The 3-2-4 layout is specific enough to report on its own when the number is a valid SSN (area
//! not 000, 666 or 900-999, group not 00, serial not 0000). A number in that layout that fails
//! validity is proposed under the threshold unless an SSN cue vouches for it: people mistype, and
//! a cued invalid number is still someone's SSN. Nine bare digits are an id of any kind without
//! a cue, so they need one. An identifier cue directly in front (`MRN 123-45-6789`) hands the
//! value to the ids recognizer.

use super::re::Re;

use super::{Candidate, Label, Recognizer, Text};
use crate::detect::cues::{Cue, CueKind};

/// Cues after which a 3-2-4 or 9-digit number is not an SSN.
const VETO_CUES: &[CueKind] = &[
    CueKind::Mrn,
    CueKind::Account,
    CueKind::HealthPlan,
    CueKind::Mbi,
    CueKind::License,
    CueKind::Device,
    CueKind::IdOther,
    CueKind::Card,
    CueKind::Routing,
    CueKind::Npi,
    CueKind::Dea,
    CueKind::Vehicle,
    CueKind::Vin,
    CueKind::Plate,
    CueKind::Zip,
    CueKind::Vital,
    CueKind::Code,
    CueKind::Room,
];

/// How far back (bytes, same line) an SSN cue still vouches for a number.
const CUE_WINDOW: usize = 32;

/// How far after an SSN cue its last four digits may sit (`ssn: last four digits are 6789`).
const LAST4_WINDOW: usize = 48;

/// The SSN recognizer.
pub(crate) struct Ssn {
    /// 3-2-4 with `-`, `.` or space separators (mixed allowed).
    formatted: Re,
    /// Nine digits in a row.
    bare: Re,
    /// `xxx-xx-6789`, `***-**-6789`, `###-##-6789` (matched on the lower-cased text).
    masked: Re,
    /// Anchored at the end of an SSN cue: filler words, then four digits (`ending in 6789`).
    last4: Re,
}

impl Ssn {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        let sep = r"(?: ?[-.] ?| )";
        Ssn {
            formatted: Re::new(
                &format!(r"(?P<a>\d{{3}})(?P<s1>{sep})(?P<g>\d{{2}}){sep}(?P<n>\d{{4}})"),
                "formatted pattern compiles",
            ),
            bare: Re::new(r"\d{9}", "bare pattern compiles"),
            masked: Re::new(
                r"[x*#]{3} ?[-. ]? ?[x*#]{2} ?[-. ]? ?\d{4}",
                "masked pattern compiles",
            ),
            last4: Re::new(
                r"^(?:[\s:#.,=-]|\b(?:is|are|was|number|num|no|last|four|4|digits?|ending|ends|in|with|of|the|my)\b)*(?P<d>\d{4})\b",
                "last4 pattern compiles",
            ),
        }
    }
}

/// SSA validity: area not 000, 666 or 900-999; group not 00; serial not 0000.
fn valid_ssn(area: &str, group: &str, serial: &str) -> bool {
    area != "000" && area != "666" && !area.starts_with('9') && group != "00" && serial != "0000"
}

/// True when `s[start..end]` is a whole number: not glued to letters or digits, and not one piece
/// of a longer dashed, dotted, slashed or space-grouped digit run (`1 123 45 6789`, `123-45-6789-0`).
fn is_whole(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let before = start.checked_sub(1).map(|i| b[i]);
    let after = b.get(end).copied();
    if before.is_some_and(|c| c.is_ascii_alphanumeric())
        || after.is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return false;
    }
    let joiner = |c: Option<u8>| c.is_some_and(|c| matches!(c, b'-' | b'.' | b'/' | b' '));
    let continues_before = joiner(before) && start >= 2 && b[start - 2].is_ascii_digit();
    let continues_after = joiner(after) && b.get(end + 1).is_some_and(u8::is_ascii_digit);
    !continues_before && !continues_after
}

/// True when the writer says these are the last digits: `last 4`/`last four` within a short
/// distance before the cue (`last 4 of my ssn is`) or `last`/`ending`/`ends` between cue and value.
fn says_last_digits(lower: &str, cue: &Cue, value_start: usize) -> bool {
    let from = lower[..cue.start].char_indices().rev().nth(23).map_or(0, |(i, _)| i);
    let before = &lower[from..cue.start];
    let between = &lower[cue.end..value_start];
    before.contains("last 4")
        || before.contains("last four")
        || ["last", "ending", "ends"].iter().any(|w| between.contains(w))
}

impl Ssn {
    /// The confidence of a full SSN-shaped number at `start`, or `None` when a cue vetoes it.
    fn score(&self, text: &Text<'_>, start: usize, valid: bool, strong: f32) -> Option<f32> {
        let direct = text.cue_before(start).map(|c| c.kind);
        if direct.is_some_and(|k| VETO_CUES.contains(&k)) {
            return None;
        }
        let cued = direct == Some(CueKind::Ssn)
            || text.cue_near(start, CUE_WINDOW, &[CueKind::Ssn]).is_some();
        Some(match (cued, valid) {
            (true, true) => 0.97,
            (true, false) => 0.85,
            (false, true) => strong,
            (false, false) => 0.3,
        })
    }
}

impl Recognizer for Ssn {
    fn name(&self) -> &'static str {
        "ssn"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Ssn]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let s = text.norm();
        let lower = text.lower();
        let mut push = |start: usize, end: usize, confidence: f32| {
            out.push(Candidate { start, end, label: Label::Ssn, confidence });
        };
        for c in self.formatted.in_norm(text).captures_iter() {
            let m = c.get(0).expect("group 0");
            if !is_whole(s, m.start(), m.end()) {
                continue;
            }
            let (a, g, n) = (&c["a"], &c["g"], &c["n"]);
            let dashed = m.as_str().bytes().filter(|&b| b == b'-').count() == 2;
            let strong = if dashed { 0.9 } else { 0.8 };
            if let Some(conf) = self.score(text, m.start(), valid_ssn(a, g, n), strong) {
                push(m.start(), m.end(), conf);
            }
        }
        for m in self.bare.in_norm(text).find_iter() {
            if !is_whole(s, m.start(), m.end()) {
                continue;
            }
            let d = m.as_str();
            let valid = valid_ssn(&d[..3], &d[3..5], &d[5..]);
            // Without a cue nine digits are any id: proposed at 0.3, under every threshold.
            if let Some(conf) = self.score(text, m.start(), valid, 0.3) {
                push(m.start(), m.end(), conf);
            }
        }
        for m in self.masked.in_lower(text).find_iter() {
            if is_whole(lower, m.start(), m.end()) {
                let cued = text.cue_near(m.start(), CUE_WINDOW, &[CueKind::Ssn]).is_some();
                push(m.start(), m.end(), if cued { 0.95 } else { 0.85 });
            }
        }
        for cue in text.cues().iter().filter(|c| c.kind == CueKind::Ssn) {
            let line_end = lower[cue.end..].find('\n').map_or(lower.len(), |i| cue.end + i);
            let window_end = line_end.min(cue.end + LAST4_WINDOW);
            let Some(window) = lower.get(cue.end..window_end) else { continue };
            let Some(c) = self.last4.on(window).captures(window) else { continue };
            let d = c.name("d").expect("digits group");
            let (start, end) = (cue.end + d.start(), cue.end + d.end());
            if is_whole(s, start, end) && says_last_digits(lower, cue, start) {
                push(start, end, 0.9);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use super::*;

    fn ssns(s: &str) -> Vec<String> {
        run(&Ssn::new(), s).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn validity() {
        assert!(valid_ssn("123", "45", "6789"));
        assert!(!valid_ssn("000", "45", "6789"));
        assert!(!valid_ssn("666", "45", "6789"));
        assert!(!valid_ssn("912", "45", "6789"));
        assert!(!valid_ssn("123", "00", "6789"));
        assert!(!valid_ssn("123", "45", "0000"));
    }

    #[test]
    fn wholeness() {
        assert!(is_whole("ssn 123-45-6789.", 4, 15));
        assert!(!is_whole("1 123 45 6789", 2, 13));
        assert!(!is_whole("123-45-6789-0", 0, 11));
        assert!(!is_whole("A123-45-6789", 1, 12));
        assert!(!is_whole("12/123-45-6789", 3, 14));
    }

    #[test]
    fn last_digit_phrases() {
        let t = Text::new("last 4 of my ssn is 6789");
        let cue = t.cues()[0];
        assert!(says_last_digits(t.lower(), &cue, 20));
        let t = Text::new("SSN ending in 6789");
        let cue = t.cues()[0];
        assert!(says_last_digits(t.lower(), &cue, 14));
        let t = Text::new("SSN 6789");
        let cue = t.cues()[0];
        assert!(!says_last_digits(t.lower(), &cue, 4));
    }

    #[test]
    fn layouts() {
        for n in [
            "123-45-6789",
            "123 45 6789",
            "123.45.6789",
            "123-45 6789",
            "xxx-xx-6789",
            "***-**-6789",
        ] {
            assert_eq!(ssns(&format!("on file {n}.")), vec![n.to_owned()], "{n}");
        }
        assert_eq!(ssns("SSN: 123456789"), vec!["123456789"]);
        assert_eq!(ssns("ssn 000-45-6789"), vec!["000-45-6789"]);
    }

    #[test]
    fn last_four() {
        assert_eq!(ssns("last 4 of my ssn is 6789"), vec!["6789"]);
        assert_eq!(ssns("SSN ending 6789"), vec!["6789"]);
        assert_eq!(ssns("social security number ending in 6789."), vec!["6789"]);
        assert_eq!(ssns("ssn last four digits: 6789"), vec!["6789"]);
    }

    #[test]
    fn not_ssns() {
        for s in [
            "123456789",
            "000-45-6789",
            "912-45-6789",
            "555-201-3344",
            "2024-03-14",
            "ratio 3-2-4",
            "MRN 123-45-6789",
            "SSN 6789",
            "ssn reviewed in 2024",
            "call 1 123 45 6789",
        ] {
            assert_eq!(ssns(s), Vec::<String>::new(), "{s}");
        }
    }
}
