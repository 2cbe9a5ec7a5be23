//! Telephone and fax numbers: US (NANP) numbers in every common layout, 7-digit local numbers
//! under a phone cue, and international numbers written with a `+` country code.
//!
//! A fax number is written exactly like a phone number, so the label comes from context: the cue
//! directly in front (`Fax:`, `fax no.`, `please fax to`), a trailing `(fax)`, or being the next
//! item of a list that a fax cue opened (`Fax 555-201-3344 or 555-201-3355`). A phone cue resets
//! that (`Ph 555-201-3344 Fax 555-201-3355`: first PHONE, second FAX).
//!
//! Precision rests on three checks: NANP validity (area code and exchange start with 2-9), the
//! number being a whole token (not a slice of a longer digit run, an NDC code or a date), and the
//! cue in front not being an identifier or clinical cue (`MRN 555-201-3344` is the MRN's to claim,
//! `CPT`/`BP` values are never phones). A bare 10-digit run is as likely an account or member
//! number as a phone, so without a phone cue it is proposed just under the threshold.

use regex::Regex;

use super::{Candidate, Label, Recognizer, Text};
use crate::detect::cues::CueKind;

/// Cues after which a number is never a phone: identifiers (the ids/SSN recognizers own the value)
/// and clinical values.
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
    CueKind::Vin,
    CueKind::Plate,
    CueKind::Vehicle,
    CueKind::Zip,
    CueKind::Vital,
    CueKind::Code,
    CueKind::Room,
];

/// How far back (bytes, same line) a phone or fax cue still vouches for a bare or 7-digit number
/// ("call me tomorrow on 5552013344").
const CUE_WINDOW: usize = 40;

/// Confidence of a bare 10-digit run with no phone cue: just under the threshold, so an id or SSN
/// reading of the same digits wins and nothing is reported on its own.
const BARE_UNCUED: f32 = 0.45;

/// The phone and fax recognizer.
pub(crate) struct Phone {
    /// US numbers: optional `+1`/`1`, area code (parenthesised or not), exchange, line, extension.
    nanp: Regex,
    /// `201-3344`: needs a phone cue.
    local: Regex,
    /// `+44 20 7946 0958`: a `+` and a non-NANP country code, then digit groups.
    intl: Regex,
}

/// Extension suffix shared by the patterns: `x204`, ` ext. 12`, `, extension 5`.
const EXT: &str = r"(?P<ext>,? ?(?i:x|ext\.?|extension) ?\.? ?\d{1,6})?";

/// Separator between digit groups: a dot or dash (optionally spaced) or one or two spaces.
const SEP: &str = r"(?: ?[.-] ?| {1,2})";

impl Phone {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        let nanp = format!(
            r"(?P<cc>\+ ?1{SEP}?|\b1{SEP}?)?(?:\((?P<pa>\d{{3}})\) ?|(?P<a>\d{{3}})(?P<s1>{SEP})?)(?P<ex>\d{{3}})(?P<s2>{SEP})?\d{{4}}{EXT}"
        );
        let local = format!(r"(?P<ex>\d{{3}}) ?[.-] ?\d{{4}}{EXT}");
        let intl = format!(r"\+ ?[2-9]\d{{0,2}}(?:{SEP}?(?:\(\d{{1,4}}\)|\d{{1,5}})){{2,6}}{EXT}");
        Phone {
            nanp: Regex::new(&nanp).expect("nanp pattern compiles"),
            local: Regex::new(&local).expect("local pattern compiles"),
            intl: Regex::new(&intl).expect("intl pattern compiles"),
        }
    }

    /// Every well-formed, whole-token number in the text with its base confidence and whether it
    /// needs a phone cue to count; nested hits (the `555 201 3344` inside `+44 555 201 3344`) are
    /// dropped.
    fn hits(&self, text: &Text<'_>) -> Vec<Hit> {
        let s = text.norm();
        let mut hits = Vec::new();
        for c in self.nanp.captures_iter(s) {
            let m = c.get(0).expect("group 0");
            if !is_whole_number(s, m.start(), m.end()) {
                continue;
            }
            let area = c.name("pa").or_else(|| c.name("a")).expect("one area group matches");
            let ex = c.name("ex").expect("exchange group");
            if !nanp_valid(area.as_str(), ex.as_str()) {
                continue;
            }
            let bare = c.name("cc").is_none()
                && c.name("pa").is_none()
                && c.name("s1").is_none()
                && c.name("s2").is_none();
            let confidence = if bare {
                BARE_UNCUED
            } else if c.name("cc").is_some() || c.name("pa").is_some() {
                0.9
            } else if c.name("s1").is_some() != c.name("s2").is_some() {
                // `555 2013344`: a split the writer chose, still clearly a phone layout.
                0.8
            } else {
                0.85
            };
            let kind = if bare { HitKind::Bare } else { HitKind::Formatted };
            hits.push(Hit { start: m.start(), end: m.end(), confidence, kind });
        }
        for c in self.local.captures_iter(s) {
            let m = c.get(0).expect("group 0");
            let ex = c.name("ex").expect("exchange group").as_str();
            if is_whole_number(s, m.start(), m.end()) && nanp_valid("200", ex) {
                let kind = HitKind::Local;
                hits.push(Hit { start: m.start(), end: m.end(), confidence: 0.8, kind });
            }
        }
        for m in self.intl.find_iter(s) {
            let digits = m.as_str().split(|c: char| c.is_ascii_alphabetic()).next().unwrap_or("");
            let n = digits.bytes().filter(u8::is_ascii_digit).count();
            if (8..=15).contains(&n) && is_whole_number(s, m.start(), m.end()) {
                let kind = HitKind::Formatted;
                hits.push(Hit { start: m.start(), end: m.end(), confidence: 0.85, kind });
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
        for h in hits {
            match kept.last() {
                Some(k) if h.start < k.end => {}
                _ => kept.push(h),
            }
        }
        kept
    }
}

/// A well-formed number before the context decides its label.
#[derive(Clone, Copy, Debug)]
struct Hit {
    /// Start byte in the folded text.
    start: usize,
    /// End byte (exclusive) in the folded text.
    end: usize,
    /// Confidence from the layout alone, before cues.
    confidence: f32,
    /// Which layout matched, deciding whether a cue is required.
    kind: HitKind,
}

/// What a number's layout alone says.
#[derive(Clone, Copy, Debug, PartialEq)]
enum HitKind {
    /// Separators, a `+` or a parenthesised area code: a phone on its own.
    Formatted,
    /// A bare 10-digit run: a phone only under a phone cue, otherwise proposed under the threshold.
    Bare,
    /// `201-3344`: a phone only under a phone cue, otherwise a range, lab value or id fragment.
    Local,
}

/// NANP rule: neither the area code nor the exchange starts with 0 or 1.
fn nanp_valid(area: &str, exchange: &str) -> bool {
    let ok = |g: &str| g.as_bytes().first().is_some_and(|b| (b'2'..=b'9').contains(b));
    ok(area) && ok(exchange)
}

/// True when `s[start..end]` is a whole number: not glued to letters or digits, not preceded by
/// `+` (it would be the tail of an international number), and not one piece of a longer dashed or
/// dotted digit run (`12-555-201-3344`, an NDC code, a dotted version).
fn is_whole_number(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let before = start.checked_sub(1).map(|i| b[i]);
    let after = b.get(end).copied();
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'+') {
        return false;
    }
    if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let joined = |c: Option<u8>| c.is_some_and(|c| matches!(c, b'-' | b'.' | b'/'));
    if joined(before) && start >= 2 && b[start - 2].is_ascii_digit() {
        return false;
    }
    if joined(after) && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    true
}

/// True when a `(fax)`-style tag follows the number: `555-201-3344 (fax)`, `555-201-3344 [fax]`,
/// `555-201-3344 fax.` A bare `fax` followed by another number labels that number instead.
fn fax_follows(lower: &str, end: usize) -> bool {
    let rest = lower[end..].trim_start_matches([' ', '\t']);
    let (rest, bracketed) = match rest.strip_prefix(['(', '[']) {
        Some(r) => (r.trim_start(), true),
        None => (rest.trim_start_matches(['-', ' ']), false),
    };
    let Some(after) = rest.strip_prefix("fax") else { return false };
    if after.bytes().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    if bracketed {
        return true;
    }
    let after = after.trim_start_matches([' ', '\t']);
    after.is_empty() || after.starts_with(['\n', '\r', '.', ',', ';', ')'])
}

/// True when the gap between two numbers only joins them into a list (`, `, ` or `, ` / `,
/// ` and `), on one line: the second then shares the first's label.
fn is_list_gap(gap: &str) -> bool {
    gap.len() <= 12
        && !gap.contains('\n')
        && gap
            .split([' ', ',', '/', ';', '&', '|'])
            .all(|w| w.is_empty() || w == "or" || w == "and")
}

impl Recognizer for Phone {
    fn name(&self) -> &'static str {
        "phone"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Phone, Label::Fax]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let lower = text.lower();
        // The previous reported number, to let a list share its label.
        let mut prev: Option<(usize, Label)> = None;
        for h in self.hits(text) {
            let direct = text.cue_before(h.start).map(|c| c.kind);
            if direct.is_some_and(|k| VETO_CUES.contains(&k)) {
                prev = None;
                continue;
            }
            let listed = prev.filter(|&(end, _)| is_list_gap(&lower[end..h.start])).map(|p| p.1);
            let label = match direct {
                Some(CueKind::Fax) => Label::Fax,
                Some(CueKind::Phone) => Label::Phone,
                _ if text.cue_after(h.end, 8, &[CueKind::Fax]).is_some()
                    && fax_follows(lower, h.end) =>
                {
                    Label::Fax
                }
                _ => listed.unwrap_or(Label::Phone),
            };
            let cued = matches!(direct, Some(CueKind::Phone | CueKind::Fax))
                || listed.is_some()
                || label == Label::Fax
                || text.cue_near(h.start, CUE_WINDOW, &[CueKind::Phone, CueKind::Fax]).is_some();
            let confidence = match (cued, h.kind) {
                (true, HitKind::Formatted) => (h.confidence + 0.05).min(0.95),
                (true, _) => 0.85,
                (false, HitKind::Formatted) => h.confidence,
                (false, HitKind::Bare) => BARE_UNCUED,
                (false, HitKind::Local) => continue,
            };
            out.push(Candidate { start: h.start, end: h.end, label, confidence });
            if confidence >= 0.5 {
                prev = Some((h.end, label));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use super::*;

    fn found(s: &str) -> Vec<(Label, String)> {
        run(&Phone::new(), s)
    }

    fn phones(s: &str) -> Vec<String> {
        found(s).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn nanp_validity() {
        assert!(nanp_valid("555", "201"));
        assert!(nanp_valid("800", "555"));
        assert!(!nanp_valid("055", "201"));
        assert!(!nanp_valid("155", "201"));
        assert!(!nanp_valid("555", "001"));
        assert!(!nanp_valid("555", "123"));
    }

    #[test]
    fn whole_number_rejects_slices_of_longer_runs() {
        let s = "12-555-201-3344";
        assert!(!is_whole_number(s, 3, 15));
        let s = "555-201-3344-99";
        assert!(!is_whole_number(s, 0, 12));
        assert!(!is_whole_number("a555-201-3344", 1, 13));
        assert!(!is_whole_number("5555-201-3344", 1, 13));
        assert!(!is_whole_number("+5552013344", 1, 11));
        assert!(is_whole_number("(555-201-3344)", 1, 13));
        assert!(is_whole_number("tel: 555-201-3344.", 5, 17));
        assert!(is_whole_number("555-201-3344, x", 0, 12));
    }

    #[test]
    fn fax_tag_after_the_number() {
        assert!(fax_follows("555-201-3344 (fax)", 12));
        assert!(fax_follows("555-201-3344 [Fax]".to_ascii_lowercase().as_str(), 12));
        assert!(fax_follows("555-201-3344 fax.", 12));
        assert!(fax_follows("555-201-3344 - fax", 12));
        assert!(fax_follows("555-201-3344 fax", 12));
        assert!(!fax_follows("555-201-3344 fax 555-201-3355", 12));
        assert!(!fax_follows("555-201-3344 fax: 555-201-3355", 12));
        assert!(!fax_follows("555-201-3344 faxed", 12));
        assert!(!fax_follows("555-201-3344 office", 12));
    }

    #[test]
    fn list_gaps() {
        assert!(is_list_gap(" or "));
        assert!(is_list_gap(", "));
        assert!(is_list_gap(" / "));
        assert!(is_list_gap(", and "));
        assert!(!is_list_gap(" office, "));
        assert!(!is_list_gap("\n"));
        assert!(!is_list_gap(" or else we wait "));
    }

    #[test]
    fn us_layouts() {
        for n in [
            "(555) 201-3344",
            "555-201-3344",
            "555.201.3344",
            "555 201 3344",
            "555 2013344",
            "+1 555 201 3344",
            "+1-555-201-3344",
            "1 (555) 201-3344",
            "1-800-555-0199",
            "+15552013344",
            "555-201-3344 x204",
            "555-201-3344 ext. 12",
            "(555) 201-3344 ext 5",
        ] {
            assert_eq!(phones(&format!("reach her at {n}.")), vec![n.to_owned()], "{n}");
        }
    }

    #[test]
    fn international() {
        for n in ["+44 20 7946 0958", "+91 98765 43210", "+52 55 1234 5678", "+44 (0)20 7946 0958"]
        {
            assert_eq!(phones(&format!("abroad: {n}")), vec![n.to_owned()], "{n}");
        }
        assert_eq!(phones("dose +2 5 mg"), Vec::<String>::new());
    }

    #[test]
    fn bare_and_local_numbers_need_a_cue() {
        assert_eq!(phones("5552013344"), Vec::<String>::new());
        assert_eq!(phones("cell 5552013344"), vec!["5552013344"]);
        assert_eq!(phones("201-3344"), Vec::<String>::new());
        assert_eq!(phones("ph: 201-3344"), vec!["201-3344"]);
        assert_eq!(phones("call me tomorrow on 201-3344"), vec!["201-3344"]);
    }

    #[test]
    fn fax_labels() {
        assert_eq!(found("Fax: 555-201-3344"), vec![(Label::Fax, "555-201-3344".into())]);
        assert_eq!(
            found("Ph 555-201-3344 Fax 555-201-3355"),
            vec![(Label::Phone, "555-201-3344".into()), (Label::Fax, "555-201-3355".into())]
        );
        assert_eq!(
            found("Fax 555-201-3344 Phone: 555-201-3355"),
            vec![(Label::Fax, "555-201-3344".into()), (Label::Phone, "555-201-3355".into())]
        );
        assert_eq!(
            found("fax 555-201-3344 or 555-201-3355"),
            vec![(Label::Fax, "555-201-3344".into()), (Label::Fax, "555-201-3355".into())]
        );
        assert_eq!(found("555-201-3344 (fax)"), vec![(Label::Fax, "555-201-3344".into())]);
        assert_eq!(found("please fax to 555.201.3344"), vec![(Label::Fax, "555.201.3344".into())]);
    }

    #[test]
    fn not_phones() {
        for s in [
            "MRN 5552013344",
            "Account # 555-201-3344",
            "member id 555 201 3344",
            "2024-03-14",
            "03-14-2024",
            "123-45-6789",
            "HR 120-130",
            "NDC 0069-3150-83",
            "take 1-2 tabs",
            "055-201-3344",
            "555-101-3344",
            "v555.201.3344",
            "id 12555-201-3344",
            "CPT 99213",
        ] {
            assert_eq!(phones(s), Vec::<String>::new(), "{s}");
        }
    }
}
