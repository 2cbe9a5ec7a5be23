//! Telephone and fax numbers: US (NANP) numbers in every common layout, 7-digit local numbers
//! under a phone cue, and international numbers written with a `+` country code.
//!
//! Layouts: `(555) 201-3344`, `555-201-3344`, `555.201.3344`, `555/201-3344`, `555 201 3344`,
//! `+1`/`1-` prefixes and extensions; chat's `555 201 33 44` (line digits in pairs) only under a
//! phone cue.
//!
//! A fax number is written exactly like a phone number, so the label comes from context: the cue
//! directly in front (`Fax:`, `fax no.`, `please fax to`), a trailing `(fax)`, being the next item
//! of a list that a fax cue opened (`Fax 555-201-3344 or 555-201-3355`), or a fax cue earlier in
//! the same clause with no nearer phone cue and no other number in between (`Records faxed to
//! Lakeside Cardiology at 555-201-3344`). A phone cue resets that (`Ph 555-201-3344 Fax
//! 555-201-3355`: first PHONE, second FAX).
//!
//! Precision rests on three checks: NANP validity (area code and exchange start with 2-9), the
//! number being a whole token (not a slice of a longer digit run, an NDC code or a date), and the
//! cue in front not being an identifier or clinical cue (`MRN 555-201-3344` is the MRN's to claim,
//! `CPT`/`BP` values are never phones). A bare 10-digit run is as likely an account or member
//! number as a phone, so without a phone cue it is proposed just under the threshold. An exchange
//! starting with 0 or 1 is a typo in a real number: it is accepted under a phone cue or in a layout
//! no other value uses (`+1`, `(555)`, an extension), never on the digits alone.

use super::re::{digitish, Re};

use super::{Candidate, Label, Recognizer, Text};
use crate::detect::cues::CueKind;

/// Cues after which a number is never a phone: identifiers (the ids/SSN recognizers own the value)
/// and clinical values. An identifier is never written with a parenthesised area code or a `+1`,
/// so those layouts escape the identifier cues (`Blue Prairie Health Plan: 1 (866) 555-0190`) but
/// not [`CLINICAL_VETO_CUES`].
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

/// The part of [`VETO_CUES`] that refuses even an unmistakable phone layout: a number after a
/// vital, code or room cue is a clinical value.
const CLINICAL_VETO_CUES: &[CueKind] = &[CueKind::Vital, CueKind::Code, CueKind::Room];

/// How far back (bytes, same line) a phone or fax cue still vouches for a bare or 7-digit number
/// ("call me tomorrow on 5552013344").
const CUE_WINDOW: usize = 40;

/// How far back (bytes, same line, same clause) a fax cue still labels a number that a phone cue
/// does not label more closely: `Records faxed to Lakeside Cardiology Associates at 555-201-3344`,
/// `please fax the signed forms back to 555-201-3344`.
const FAX_CLAUSE_WINDOW: usize = 80;

/// Confidence of a strongly formatted number (`+1`, `(555)`, an extension) whose exchange breaks
/// the NANP rule: most likely a mistyped phone, but less sure than a valid one.
const TYPO_EXCHANGE: f32 = 0.7;

/// Confidence of a bare 10-digit run with no phone cue: just under the threshold, so an id or SSN
/// reading of the same digits wins and nothing is reported on its own.
const BARE_UNCUED: f32 = 0.45;

/// The phone and fax recognizer.
pub(crate) struct Phone {
    /// US numbers: optional `+1`/`1`, area code (parenthesised or not), exchange, line, extension.
    nanp: Re,
    /// `201-3344`: needs a phone cue.
    local: Re,
    /// `+44 20 7946 0958`: a `+` and a non-NANP country code, then digit groups.
    intl: Re,
    /// `217 555 01 36`: the line number spoken as two pairs, as chat writers type it; needs a
    /// phone cue.
    pairs: Re,
}

/// Extension suffix shared by the patterns: `x204`, ` ext. 12`, `, extension 5`.
const EXT: &str = r"(?P<ext>,? ?(?i:x|ext\.?|extension) ?\.? ?\d{1,6})?";

/// Separator between digit groups: a dot or dash (optionally spaced) or one or two spaces.
const SEP: &str = r"(?: ?[.-] ?| {1,2})";

impl Phone {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        // `555/201-3344`: a slash may follow the area code (checked to need a second separator).
        let nanp = format!(
            r"(?P<cc>\+ ?1{SEP}?|\b1{SEP}?)?(?:\((?P<pa>\d{{3}})\) ?|(?P<a>\d{{3}})(?P<s1>{SEP}|/)?)(?P<ex>\d{{3}})(?P<s2>{SEP})?\d{{4}}{EXT}"
        );
        let pairs = format!(
            r"(?P<cc>\+ ?1 {{1,2}}|\b1 {{1,2}})?(?P<a>\d{{3}}) {{1,2}}(?P<ex>\d{{3}}) {{1,2}}\d{{2}} {{1,2}}\d{{2}}{EXT}"
        );
        let local = format!(r"(?P<ex>\d{{3}}) ?[.-] ?\d{{4}}{EXT}");
        let intl = format!(r"\+ ?[2-9]\d{{0,2}}(?:{SEP}?(?:\(\d{{1,4}}\)|\d{{1,5}})){{2,6}}{EXT}");
        Phone {
            nanp: Re::new(&nanp, "nanp pattern compiles"),
            local: Re::new(&local, "local pattern compiles"),
            intl: Re::new(&intl, "intl pattern compiles"),
            pairs: Re::new(&pairs, "pairs pattern compiles"),
        }
    }

    /// Every well-formed, whole-token number in the text with its base confidence and whether it
    /// needs a phone cue to count; nested hits (the `555 201 3344` inside `+44 555 201 3344`) are
    /// dropped.
    fn hits(&self, text: &Text<'_>) -> Vec<Hit> {
        let s = text.norm();
        let mut hits = Vec::new();
        for c in self.nanp.in_norm(text).captures_iter() {
            let m = c.get(0).expect("group 0");
            if !is_whole_number(s, m.start(), m.end()) {
                continue;
            }
            let area = c.name("pa").or_else(|| c.name("a")).expect("one area group matches");
            let ex = c.name("ex").expect("exchange group");
            let slash = c.name("s1").is_some_and(|m| m.as_str() == "/");
            if !area_valid(area.as_str()) || (slash && c.name("s2").is_none()) {
                continue;
            }
            // A glued `1` (`18046226310`) is as likely an id's first digit as a country code.
            let cc_apart = c.name("cc").is_some_and(|m| m.as_str() != "1");
            let strong = cc_apart || c.name("pa").is_some();
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
            let kind = if !nanp_valid(area.as_str(), ex.as_str()) {
                // A mistyped exchange (`Cell: 555-103-8274`): a phone only when the layout or a
                // cue says so, never on the digits alone.
                if strong || c.name("ext").is_some() {
                    HitKind::TypoExchange
                } else {
                    HitKind::NeedsCue
                }
            } else if bare {
                HitKind::Bare
            } else {
                HitKind::Formatted
            };
            hits.push(Hit { start: m.start(), end: m.end(), confidence, kind, strong });
        }
        // `pairs` needs a digit, a space and a digit or a second space (`555 201 33 44`), `intl`
        // a `+`: a text without them does not compile the pattern.
        let b = s.as_bytes();
        let pairs = self.pairs.in_norm_if(text, || {
            s.match_indices(' ').any(|(i, _)| {
                i > 0
                    && digitish(b[i - 1])
                    && b.get(i + 1).is_some_and(|&c| digitish(c) || c == b' ')
            })
        });
        for c in pairs.iter().flat_map(|r| r.captures_iter()) {
            let m = c.get(0).expect("group 0");
            let area = c.name("a").expect("area group").as_str();
            let ex = c.name("ex").expect("exchange group").as_str();
            if is_whole_number(s, m.start(), m.end())
                && !in_spaced_run(s, m.start(), m.end())
                && nanp_valid(area, ex)
            {
                let (kind, strong) = (HitKind::NeedsCue, c.name("cc").is_some());
                hits.push(Hit { start: m.start(), end: m.end(), confidence: 0.8, kind, strong });
            }
        }
        for c in self.local.in_norm(text).captures_iter() {
            let m = c.get(0).expect("group 0");
            let ex = c.name("ex").expect("exchange group").as_str();
            if is_whole_number(s, m.start(), m.end()) && nanp_valid("200", ex) {
                let kind = HitKind::NeedsCue;
                let strong = false;
                hits.push(Hit { start: m.start(), end: m.end(), confidence: 0.8, kind, strong });
            }
        }
        let intl = self.intl.in_norm_if(text, || s.contains('+'));
        for m in intl.iter().flat_map(|r| r.find_iter()) {
            let digits = m.as_str().split(|c: char| c.is_ascii_alphabetic()).next().unwrap_or("");
            let n = digits.bytes().filter(u8::is_ascii_digit).count();
            if (8..=15).contains(&n) && is_whole_number(s, m.start(), m.end()) {
                let (kind, strong) = (HitKind::Formatted, true);
                hits.push(Hit { start: m.start(), end: m.end(), confidence: 0.85, kind, strong });
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
    /// A `+` country code or a parenthesised area code: a layout no identifier uses.
    strong: bool,
}

/// What a number's layout alone says.
#[derive(Clone, Copy, Debug, PartialEq)]
enum HitKind {
    /// Separators, a `+` or a parenthesised area code: a phone on its own.
    Formatted,
    /// A bare 10-digit run: a phone only under a phone cue, otherwise proposed under the threshold.
    Bare,
    /// `201-3344`, `217 555 01 36`, or a plain layout with a mistyped exchange (`555-103-8274`):
    /// a phone only under a phone cue, otherwise a range, lab value, list or id fragment.
    NeedsCue,
    /// A `+1`, parenthesised or extension layout whose exchange starts with 0 or 1: still a phone
    /// by its layout, at lower confidence.
    TypoExchange,
}

/// NANP rule for one group: the area code or exchange does not start with 0 or 1.
fn area_valid(group: &str) -> bool {
    group.as_bytes().first().is_some_and(|b| (b'2'..=b'9').contains(b))
}

/// NANP rule: neither the area code nor the exchange starts with 0 or 1.
fn nanp_valid(area: &str, exchange: &str) -> bool {
    area_valid(area) && area_valid(exchange)
}

/// True when `gap` (the text between a cue and a number) stays inside one clause: no line break,
/// `;`, `!` or `?`, and no full stop except after a short abbreviation (`Dr.`, `St.`, `Ste.`).
fn same_clause(gap: &str) -> bool {
    if gap.contains(['\n', ';', '!', '?']) {
        return false;
    }
    gap.match_indices('.').all(|(i, _)| {
        let word = gap[..i].rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        (1..=3).contains(&word.len())
    })
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

/// True when the space-separated groups at `start..end` continue with more digit groups on either
/// side (`10 555 201 33 44`, `555 201 33 44 55`): a list of numbers, not one paired-digit phone.
fn in_spaced_run(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let before = s[..start].trim_end_matches(' ');
    let after = s[end..].trim_start_matches(' ');
    (before.len() < start && before.as_bytes().last().is_some_and(u8::is_ascii_digit))
        || (after.len() < b.len() - end && after.as_bytes().first().is_some_and(u8::is_ascii_digit))
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
        // Where the previous number ended, so a clause-wide fax cue labels only the first number
        // after it.
        let mut prev_end = 0;
        for h in self.hits(text) {
            let direct = text.cue_before(h.start).map(|c| c.kind);
            let vetoes = if h.strong { CLINICAL_VETO_CUES } else { VETO_CUES };
            if direct.is_some_and(|k| vetoes.contains(&k)) {
                prev = None;
                prev_end = h.end;
                continue;
            }
            let listed = prev.filter(|&(end, _)| is_list_gap(&lower[end..h.start])).map(|p| p.1);
            let clause_fax = text
                .cue_near(h.start, FAX_CLAUSE_WINDOW, &[CueKind::Phone, CueKind::Fax])
                .is_some_and(|c| {
                    c.kind == CueKind::Fax
                        && c.end >= prev_end
                        && same_clause(&lower[c.end..h.start])
                });
            // Whether the label rests only on a fax cue further back in the clause: that names
            // the kind of number, but is too far away to vouch for a bare or 7-digit one.
            let mut by_clause = false;
            let label = match direct {
                Some(CueKind::Fax) => Label::Fax,
                Some(CueKind::Phone) => Label::Phone,
                _ if text.cue_after(h.end, 8, &[CueKind::Fax]).is_some()
                    && fax_follows(lower, h.end) =>
                {
                    Label::Fax
                }
                _ => match listed {
                    Some(l) => l,
                    None if clause_fax => {
                        by_clause = true;
                        Label::Fax
                    }
                    None => Label::Phone,
                },
            };
            let cued = matches!(direct, Some(CueKind::Phone | CueKind::Fax))
                || listed.is_some()
                || (label == Label::Fax && !by_clause)
                || text.cue_near(h.start, CUE_WINDOW, &[CueKind::Phone, CueKind::Fax]).is_some();
            prev_end = h.end;
            let confidence = match (cued, h.kind) {
                (true, HitKind::Formatted) => (h.confidence + 0.05).min(0.95),
                (true, _) => 0.85,
                (false, HitKind::Formatted) => h.confidence,
                (false, HitKind::TypoExchange) => TYPO_EXCHANGE,
                (false, HitKind::Bare) => BARE_UNCUED,
                (false, HitKind::NeedsCue) => continue,
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
    fn clauses() {
        assert!(same_clause(" the signed forms back to "));
        assert!(same_clause(" Dr. Osei at "));
        assert!(same_clause(" Harbor St. Clinic at "));
        assert!(!same_clause(" the clinic yesterday. Daughter at "));
        assert!(!same_clause(" sent; call "));
        assert!(!same_clause(" sent\nOffice "));
    }

    #[test]
    fn paired_line_digits_need_a_cue() {
        assert_eq!(phones("cell 555 201 33 44"), vec!["555 201 33 44"]);
        assert_eq!(phones("555 201 33 44"), Vec::<String>::new());
        assert_eq!(phones("cell 555 101 33 44"), Vec::<String>::new());
        assert_eq!(phones("cell 555 201 33 44 55"), Vec::<String>::new());
        assert_eq!(phones("ph 10 555 201 33 44"), Vec::<String>::new());
        assert!(!in_spaced_run("555 201 33 44 pls", 0, 13));
        assert!(in_spaced_run("1 555 201 33 44", 2, 15));
    }

    #[test]
    fn mistyped_exchanges() {
        assert_eq!(phones("Cell: 555-103-8274"), vec!["555-103-8274"]);
        assert_eq!(phones("555-103-8274"), Vec::<String>::new());
        assert_eq!(phones("(555)103-8274 x12"), vec!["(555)103-8274 x12"]);
        assert_eq!(phones("1-555-105-5536 x17"), vec!["1-555-105-5536 x17"]);
        assert_eq!(phones("ph 055-103-8274"), Vec::<String>::new());
    }

    #[test]
    fn strong_layouts_escape_id_cues_only() {
        assert_eq!(phones("Acme Health Plan: 1 (866) 555-0190"), vec!["1 (866) 555-0190"]);
        assert_eq!(phones("CSN: 18046226310"), Vec::<String>::new());
        assert_eq!(phones("BP (555) 201-3344"), Vec::<String>::new());
        assert_eq!(phones("Account # 555-201-3344"), Vec::<String>::new());
    }

    #[test]
    fn fax_cue_earlier_in_the_clause() {
        assert_eq!(
            found("Records faxed to Lakeside Cardiology Associates at 555-201-3344 on 3/4."),
            vec![(Label::Fax, "555-201-3344".into())]
        );
        assert_eq!(
            found("fax it to my pcp at 555 201 3344 pls"),
            vec![(Label::Fax, "555 201 3344".into())]
        );
        assert_eq!(
            found("faxed to the clinic; call 555-201-3344"),
            vec![(Label::Phone, "555-201-3344".into())]
        );
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
            "555/201-3344",
            "312/555-0188 Ext. 21",
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
            "555/2013344",
            "12/555-201-3344",
        ] {
            assert_eq!(phones(s), Vec::<String>::new(), "{s}");
        }
    }
}
