//! Identifiers that need no cue: formats strict enough, or checked by a check digit, that a
//! match is near-certain on its own (VIN, DEA number, Medicare MBI, payment card, GS1 UDI).

use super::super::re::Re;

use super::super::{Candidate, Label, Text};
use crate::detect::checksum;

/// Confidence of a format confirmed by its check digit.
const CHECKED: f32 = 0.95;
/// Confidence of the Medicare MBI, distinctive but without a check digit.
const MBI: f32 = 0.9;
/// Confidence of a GS1 UDI whose GTIN check digit fails: the bracketed application identifiers
/// still say what it is.
const UDI_UNCHECKED: f32 = 0.85;

/// The compiled patterns. Each match is then confirmed by a function in `checksum.rs`.
pub(super) struct Formats {
    vin: Re,
    dea: Re,
    mbi: Re,
    card: Re,
    udi: Re,
}

impl Formats {
    /// Compiles the patterns.
    pub(super) fn new() -> Self {
        let re = |p: &str| Re::new(p, "ids format patterns compile");
        // MBI letters: A-Z without S L O I B Z; AN is a letter or a digit.
        const A: &str = "[AC-HJKMNP-RT-Y]";
        const AN: &str = "[0-9AC-HJKMNP-RT-Y]";
        Formats {
            // Upper case only without a cue: a lower-case 17-character run is a hash or a token.
            vin: re(r"\b[A-HJ-NPR-Z0-9]{17}\b"),
            dea: re(r"\b[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}\b"),
            mbi: re(&format!(r"\b[1-9]{A}{AN}[0-9]-?{A}{AN}[0-9]-?{A}{A}[0-9]{{2}}\b")),
            card: re(concat!(
                r"\b(?:[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -][0-9]{3})?",
                r"|[0-9]{4}[ -][0-9]{6}[ -][0-9]{4,5}",
                r"|[0-9]{13,19})\b"
            )),
            udi: re(r"\(01\)([0-9]{14})(?:\([0-9]{2,4}\)[0-9A-Za-z./-]{1,20})*"),
        }
    }

    /// Appends the format matches of `text`'s folded text that `keep(start, end)` accepts.
    ///
    /// NOTE: each pattern searches the masked copy of a non-ASCII text (`Re::in_norm`): with
    /// the pattern as written, the Unicode `\b` made the lazy DFA give up at the first
    /// non-ASCII byte and the backtracker searched the whole text, two-thirds of this
    /// recognizer's time (issue 6).
    pub(super) fn find(
        &self,
        text: &Text<'_>,
        keep: impl Fn(usize, usize) -> bool,
        out: &mut Vec<Candidate>,
    ) {
        let mut push = |s: usize, e: usize, label: Label, confidence: f32| {
            if keep(s, e) {
                out.push(Candidate { start: s, end: e, label, confidence });
            }
        };
        for m in self.vin.in_norm(text).find_iter() {
            if vin_like(m.as_str()) && checksum::vin(m.as_str()) {
                push(m.start(), m.end(), Label::Vehicle, CHECKED);
            }
        }
        for m in self.dea.in_norm(text).find_iter() {
            if checksum::dea(m.as_str()) {
                push(m.start(), m.end(), Label::License, CHECKED);
            }
        }
        for m in self.mbi.in_norm(text).find_iter() {
            if mbi_dashes(m.as_str()) && checksum::mbi_format(&m.as_str().replace('-', "")) {
                push(m.start(), m.end(), Label::HealthPlan, MBI);
            }
        }
        for m in self.card.in_norm(text).find_iter() {
            if card(m.as_str()) {
                push(m.start(), m.end(), Label::Account, CHECKED);
            }
        }
        for c in self.udi.in_norm(text).captures_iter() {
            let (m, gtin) = (c.get(0).expect("group 0"), &c[1]);
            let confidence = if checksum::gtin(gtin) { CHECKED } else { UDI_UNCHECKED };
            // The last part's pattern takes `.`, `/` and `-`; at the end they are the sentence's.
            let end = m.start() + m.as_str().trim_end_matches(['.', '/', '-']).len();
            push(m.start(), end, Label::Device, confidence);
        }
    }
}

/// A VIN has letters (its manufacturer code) and ends in a serial of digits; a 17-digit number
/// or a 17-letter word with a lucky check digit is not one.
pub(super) fn vin_like(v: &str) -> bool {
    let b = v.as_bytes();
    b.iter().any(u8::is_ascii_uppercase) && b[13..].iter().all(u8::is_ascii_digit)
}

/// An MBI is written with both dashes (`1EG4-TE5-MK73`) or none; the pattern allows either
/// dash alone, which this refuses.
fn mbi_dashes(v: &str) -> bool {
    let dashes: Vec<usize> = v.match_indices('-').map(|(i, _)| i).collect();
    dashes.is_empty() || dashes == [4, 8]
}

/// A payment card number: one separator used throughout, a known issuer prefix for its length,
/// and a valid Luhn digit.
fn card(v: &str) -> bool {
    let mut seps = v.bytes().filter(|c| !c.is_ascii_digit());
    if let Some(first) = seps.next() {
        if !seps.all(|c| c == first) {
            return false;
        }
    }
    let d: String = v.chars().filter(char::is_ascii_digit).collect();
    known_iin(&d) && checksum::luhn(&d)
}

/// Issuer identification prefixes and the lengths each issuer uses (Visa, Mastercard, American
/// Express, Diners Club, JCB, Discover, UnionPay).
fn known_iin(d: &str) -> bool {
    let n = d.len();
    let p = |k: usize| d[..k].parse::<u32>().unwrap_or(0);
    match d.as_bytes().first() {
        Some(b'4') => [13, 16, 19].contains(&n),
        Some(b'5') => n == 16 && (51..=55).contains(&p(2)),
        Some(b'2') => n == 16 && (2221..=2720).contains(&p(4)),
        Some(b'3') => {
            (n == 15 && [34, 37].contains(&p(2)))
                || (n == 14 && ((300..=305).contains(&p(3)) || [36, 38, 39].contains(&p(2))))
                || ((16..=19).contains(&n) && (3528..=3589).contains(&p(4)))
        }
        Some(b'6') => {
            (16..=19).contains(&n)
                && (p(4) == 6011 || p(2) == 65 || (644..=649).contains(&p(3)) || p(2) == 62)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(Label, &str)> {
        let text = Text::new(s);
        assert_eq!(text.norm(), s, "the cases need no folding");
        let mut out = Vec::new();
        Formats::new().find(&text, |_, _| true, &mut out);
        out.iter().map(|c| (c.label, &s[c.start..c.end])).collect()
    }

    #[test]
    fn a_text_with_accents_is_searched_as_an_ascii_one() {
        // The masked copy (`Re::in_norm`): an accented letter is a word character, so a VIN
        // glued to it is not a whole word, and one after a space is.
        let vin = "1HGCM82633A004352";
        assert_eq!(found(&format!("Müller, VIN {vin}.")), vec![(Label::Vehicle, vin)]);
        assert!(found(&format!("é{vin}")).is_empty());
    }

    #[test]
    fn each_format_is_found_when_its_check_passes() {
        assert_eq!(
            found("VIN-less note 1HGCM82633A004352."),
            vec![(Label::Vehicle, "1HGCM82633A004352")]
        );
        assert_eq!(found("see AB1234563 on file"), vec![(Label::License, "AB1234563")]);
        assert_eq!(found("1EG4-TE5-MK73"), vec![(Label::HealthPlan, "1EG4-TE5-MK73")]);
        assert_eq!(found("1EG4TE5MK73"), vec![(Label::HealthPlan, "1EG4TE5MK73")]);
        assert_eq!(found("4111 1111 1111 1111"), vec![(Label::Account, "4111 1111 1111 1111")]);
        assert_eq!(found("3782-822463-10005"), vec![(Label::Account, "3782-822463-10005")]);
        let udi = "(01)00844588003288(17)141120(10)7654321D(21)XYZ1234";
        assert_eq!(found(udi), vec![(Label::Device, udi)]);
        let s = "UDI (01)00844588003288(21)XYZ1234. Next";
        assert_eq!(found(s), vec![(Label::Device, "(01)00844588003288(21)XYZ1234")]);
    }

    #[test]
    fn near_misses_are_not_found() {
        // One digit off: the check fails.
        assert!(found("1HGCM82633A004353").is_empty());
        assert!(found("AB1234564").is_empty());
        assert!(found("4111 1111 1111 1112").is_empty());
        // Luhn-valid but no issuer starts with 1; mixed separators; one MBI dash.
        assert!(found("1111111111111117").is_empty());
        assert!(found("4111 1111-1111 1111").is_empty());
        assert!(found("1EG4-TE5MK73").is_empty());
        // A 17-digit number with a valid check digit is not a VIN.
        assert!(found("11111111111111111").is_empty());
        // Lower case without a cue.
        assert!(found("1hgcm82633a004352").is_empty());
    }
}
