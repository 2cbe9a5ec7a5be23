//! The registered birth date, found in any date format.
//!
//! Candidates are the DATE recognizer's spans and a broad scan for date-shaped expressions
//! (numeric chains, eight-digit runs, expressions around a month name). Each is parsed by the
//! date surrogate's parser ([`DateExpr`]) and its value compared with the registered date, so
//! `03/14/1961`, `1961-03-14`, `14.03.1961`, `14 March 1961`, `Mar 14th '61`, `14MAR1961` and
//! `19610314` are all the same date.

use std::sync::OnceLock;

use regex::Regex;
use zeroize::Zeroize;

use crate::detect::Candidate;
use crate::label::Label;
use crate::surrogate::date::{civil_from_days, DateExpr};

/// A registered date: year, month, day.
#[derive(Clone, Copy, Zeroize)]
pub(super) struct Ymd {
    y: i64,
    m: u32,
    d: u32,
}

/// Registered birth dates.
#[derive(Default, Zeroize)]
pub(super) struct Dates(Vec<Ymd>);

/// The fields of a parsed expression: year (if written), month, day (if written).
fn fields(e: &DateExpr) -> (Option<i64>, u32, Option<u32>) {
    let (y, m, d) = civil_from_days(e.epoch_days());
    (e.has_year().then_some(y), m, e.has_day().then_some(d))
}

impl Dates {
    /// Registers a date written in any format the parser reads; ignored without a year and day.
    pub(super) fn add(&mut self, date: &str) {
        let Some(e) = DateExpr::parse(date.trim()) else { return };
        if let (Some(y), m, Some(d)) = fields(&e) {
            self.0.push(Ymd { y, m, d });
        }
    }

    /// How many are registered.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Is the expression `s` one of the registered dates? A written year must agree (modulo a
    /// century, for two-digit years); a numeric expression may also be read day first.
    fn matches(&self, s: &str) -> bool {
        let Some(e) = DateExpr::parse(s) else { return false };
        let (y, m, d) = fields(&e);
        let Some(d) = d else { return false };
        let numeric = !s.bytes().any(|c| c.is_ascii_alphabetic());
        self.0.iter().any(|r| {
            let year_ok = y.is_none_or(|y| y.rem_euclid(100) == r.y.rem_euclid(100));
            year_ok && ((m == r.m && d == r.d) || (numeric && m == r.d && d == r.m))
        })
    }

    /// Appends a DATE candidate for every expression of a registered date in `lower`; `dates`
    /// are the DATE recognizer's spans, tried first.
    pub(super) fn find(
        &self,
        lower: &str,
        dates: impl Iterator<Item = (usize, usize)>,
        confidence: f32,
        out: &mut Vec<Candidate>,
    ) {
        if self.0.is_empty() {
            return;
        }
        let mut push = |s: usize, e: usize| {
            if self.matches(&lower[s..e]) {
                out.push(Candidate { start: s, end: e, label: Label::Date, confidence });
            }
        };
        for (s, e) in dates {
            push(s, e);
        }
        let b = lower.as_bytes();
        let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let [numeric, compact, named] = patterns();
        for re in [numeric, compact] {
            for m in re.find_iter(lower) {
                let glued = (m.start() > 0 && digit_at(m.start() - 1)) || digit_at(m.end());
                if !glued {
                    push(m.start(), m.end());
                }
            }
        }
        for m in named.find_iter(lower) {
            let glued_before = m.start() > 0 && b[m.start() - 1].is_ascii_alphanumeric();
            let glued_after = b.get(m.end()).is_some_and(u8::is_ascii_alphanumeric);
            if !glued_before && !glued_after {
                push(m.start(), m.end());
            }
        }
    }
}

/// The date-shaped scans, compiled once: numeric chains, eight digits, month-name expressions.
fn patterns() -> [&'static Regex; 3] {
    static RES: OnceLock<[Regex; 3]> = OnceLock::new();
    let r = RES.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("known date pattern compiles");
        [
            re(r"\d{1,4}(?: ?[/.\-] ?\d{1,4}){1,2}"),
            re(r"\d{8}"),
            re(concat!(
                r"(?:(?:the )?\d{1,2}(?:st|nd|rd|th)?(?: of | |-|\.)?)?",
                r"(?:january|february|march|april|may|june|july|august|september|october|",
                r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?",
                r"(?:(?:[ .\-]|, ?)?(?:\d{4}|'\d{2}|\d{1,2}(?:st|nd|rd|th)?",
                r"(?:(?: ?, ?| |-| of |\.)?(?:\d{4}|'?\d{2}))?))?"
            )),
        ]
    });
    [&r[0], &r[1], &r[2]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut d = Dates::default();
        d.add("1961-03-14");
        let mut out = Vec::new();
        let lower = text.to_ascii_lowercase();
        d.find(&lower, std::iter::empty(), 0.99, &mut out);
        out.iter().map(|c| text[c.start..c.end].to_owned()).collect()
    }

    #[test]
    fn any_format_of_the_registered_date() {
        for s in [
            "03/14/1961",
            "3/14/61",
            "1961-03-14",
            "14.03.1961",
            "14/03/1961",
            "19610314",
            "March 14, 1961",
            "14 March 1961",
            "Mar 14th '61",
            "14MAR1961",
            "mar. 14 1961",
            "the 14th of March, 1961",
            "3-14-1961",
            "March 14",
        ] {
            assert_eq!(found(&format!("DOB {s}.")), [s], "{s}");
        }
    }

    #[test]
    fn other_dates_and_numbers_are_not_it() {
        for s in ["03/14/1962", "March 1961", "3/15/61", "555-201-3344", "119610314", "Mar 1961"] {
            assert!(found(&format!("on {s} ok")).is_empty(), "{s}");
        }
    }
}
