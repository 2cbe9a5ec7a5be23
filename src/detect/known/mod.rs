//! Known identifiers: the values the host application registers for the current patient (name,
//! birth date, MRN, phone, email, street line, relatives' names), found in any form.
//!
//! This is not a [`Recognizer`](super::recognizers): it holds state (the registered values), so the
//! [`Detector`](super::Detector) owns it and runs it as its own step after the recognizers. Its
//! candidates have confidence [`CONFIDENCE`], above every recognizer, so a known value wins an
//! overlap; a known span is first widened to the overlapping spans of the same label the
//! recognizers proposed, so winning never uncovers a part of the identifier (a middle name the
//! host did not register, a `+1` before a phone number).
//!
//! The registered values are PHI. They are stored folded, in plain `String`s and integers that
//! are wiped ([`zeroize`]) on [`KnownSet::clear`] and on drop, and no `Debug` output shows them.
//! No automaton is built over them (an Aho-Corasick automaton's tables could not be wiped):
//! names are looked up word by word in a sorted list, numbers by keys at digit-group starts,
//! street lines from their house number, emails at each `@`. Every step is linear in the text.

mod address;
mod date;
mod fold;
mod name;
mod numbers;

use std::fmt;

use serde::Deserialize;
use zeroize::Zeroize;

use super::text::Text;
use super::Candidate;
use crate::label::Label;

/// Confidence of a known value: above every recognizer, so it wins overlaps.
pub(crate) const CONFIDENCE: f32 = 0.99;

/// The identifiers of one patient, as the host application knows them.
///
/// Every field is optional. Values may be written in any usual format: `Dan Smith` or
/// `Smith, Dan J`; `1961-03-14` or `03/14/1961`; `(555) 201-3344`; `00482913`. The field names
/// in JSON are camelCase (`birthDate`), for the JavaScript API.
///
/// `Debug` shows which fields are set, never their values. Call [`Zeroize::zeroize`] to wipe a
/// `Known` you no longer need (it is not wiped on drop, so it can be built with `..Default::default()`).
///
/// ```
/// use phiscrub::detect::Known;
/// use phiscrub::{Detector, Label};
/// let mut detector = Detector::new();
/// detector.add_known(&Known { name: Some("Dan Smith".into()), ..Default::default() });
/// let found = detector.detect("SMITH, DAN seen today").unwrap();
/// assert_eq!(found[0].label, Label::Name);
/// assert_eq!((found[0].start, found[0].end), (0, 10));
/// ```
#[derive(Clone, Default, Deserialize, Zeroize)]
#[serde(rename_all = "camelCase", default)]
pub struct Known {
    /// The patient's name, given name first or `Surname, Given`.
    pub name: Option<String>,
    /// The date of birth, in any format the date recognizer reads.
    pub birth_date: Option<String>,
    /// The medical record number.
    pub mrn: Option<String>,
    /// A phone number (US, 10 digits).
    pub phone: Option<String>,
    /// An email address.
    pub email: Option<String>,
    /// The street line of the address (`4821 N Oak Ridge Dr Apt 4B`).
    pub address: Option<String>,
    /// Relatives' and household members' names.
    pub relatives: Vec<String>,
}

impl fmt::Debug for Known {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NOTE: PHI: only whether each field is set.
        let set = |o: &Option<String>| if o.is_some() { "<set>" } else { "<unset>" };
        f.debug_struct("Known")
            .field("name", &set(&self.name))
            .field("birth_date", &set(&self.birth_date))
            .field("mrn", &set(&self.mrn))
            .field("phone", &set(&self.phone))
            .field("email", &set(&self.email))
            .field("address", &set(&self.address))
            .field("relatives", &self.relatives.len())
            .finish()
    }
}

/// Every registered value, folded for matching.
#[derive(Default)]
pub(crate) struct KnownSet {
    names: name::Names,
    dates: date::Dates,
    phones: numbers::Phones,
    mrns: numbers::Mrns,
    emails: address::Emails,
    streets: address::Streets,
}

impl fmt::Debug for KnownSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NOTE: PHI: counts only.
        f.debug_struct("KnownSet")
            .field("names", &self.names.persons())
            .field("dates", &self.dates.len())
            .field("phones", &self.phones.len())
            .field("mrns", &self.mrns.len())
            .field("emails", &self.emails.len())
            .field("streets", &self.streets.len())
            .finish()
    }
}

impl Drop for KnownSet {
    fn drop(&mut self) {
        self.clear();
    }
}

impl KnownSet {
    /// Registers the values of `known`, in addition to those already registered.
    pub(crate) fn add(&mut self, known: &Known) {
        if let Some(n) = &known.name {
            self.names.add(n);
        }
        for r in &known.relatives {
            self.names.add(r);
        }
        if let Some(d) = &known.birth_date {
            self.dates.add(d);
        }
        if let Some(p) = &known.phone {
            self.phones.add(p);
        }
        if let Some(m) = &known.mrn {
            self.mrns.add(m);
        }
        if let Some(e) = &known.email {
            self.emails.add(e);
        }
        if let Some(a) = &known.address {
            self.streets.add(a);
        }
    }

    /// Wipes and forgets every registered value.
    pub(crate) fn clear(&mut self) {
        self.names.clear();
        self.dates.zeroize();
        self.phones.zeroize();
        self.mrns.zeroize();
        self.emails.zeroize();
        self.streets.zeroize();
    }

    /// True when nothing is registered.
    pub(crate) fn is_empty(&self) -> bool {
        self.names.is_empty()
            && self.dates.len() == 0
            && self.phones.len() == 0
            && self.mrns.len() == 0
            && self.emails.len() == 0
            && self.streets.len() == 0
    }

    /// Appends a candidate for every registered value in `text`, widened to the overlapping
    /// candidates of the same label in `others` (the recognizers' output).
    pub(crate) fn find(&self, text: &Text<'_>, others: &[Candidate], out: &mut Vec<Candidate>) {
        if self.is_empty() {
            return;
        }
        let from = out.len();
        let (norm, lower) = (text.norm(), text.lower());
        self.names.find(norm, CONFIDENCE, out);
        // NOTE: a name part inside an email address or URL (`dan.smith@...`) would win its
        // overlap and cut the address in two, leaving the rest of it unreported: the address
        // covers it already.
        let mut hosts: Vec<(usize, usize)> = others
            .iter()
            .filter(|c| matches!(c.label, Label::Email | Label::Url))
            .map(|c| (c.start, c.end))
            .collect();
        if !hosts.is_empty() {
            hosts.sort_unstable();
            let mut k = from;
            for i in from..out.len() {
                let c = out[i];
                let j = hosts.partition_point(|&(s, _)| s <= c.start);
                let inside = j > 0 && hosts[..j].iter().rev().take(4).any(|&(_, e)| e >= c.end);
                if !inside {
                    out[k] = c;
                    k += 1;
                }
            }
            out.truncate(k);
        }
        let dates = others.iter().filter(|c| c.label == Label::Date).map(|c| (c.start, c.end));
        self.dates.find(lower, dates, CONFIDENCE, out);
        self.phones.find(lower, CONFIDENCE, out);
        self.mrns.find(lower, CONFIDENCE, out);
        self.emails.find(lower, CONFIDENCE, out);
        self.streets.find(norm, CONFIDENCE, out);
        widen(&mut out[from..], others);
    }
}

/// Longest span a recognizer proposes that [`widen`] looks back for.
const WIDEN_WINDOW: usize = 256;

/// Grows each found span to cover the candidates in `others` that overlap it with the same
/// label (a FAX over a known phone number lends its label too). `others` need not be sorted.
fn widen(found: &mut [Candidate], others: &[Candidate]) {
    if found.is_empty() || others.is_empty() {
        return;
    }
    let mut sorted: Vec<&Candidate> = others.iter().collect();
    sorted.sort_by_key(|c| c.start);
    for f in found.iter_mut() {
        // Only candidates starting in a bounded window before `f` are looked at: linear overall.
        let lo = sorted.partition_point(|c| c.start + WIDEN_WINDOW < f.start);
        let hi = sorted.partition_point(|c| c.start < f.end);
        for o in &sorted[lo..hi] {
            let fax = f.label == Label::Phone && o.label == Label::Fax;
            if o.end > f.start && (o.label == f.label || fax) {
                f.start = f.start.min(o.start);
                f.end = f.end.max(o.end);
                if fax {
                    f.label = Label::Fax;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_values() {
        let k = Known {
            name: Some("Dan Smith".into()),
            phone: Some("555-201-3344".into()),
            relatives: vec!["Rosa Smith".into()],
            ..Default::default()
        };
        let mut set = KnownSet::default();
        set.add(&k);
        for s in [format!("{k:?}"), format!("{set:?}")] {
            assert!(!s.contains("Smith") && !s.contains("smith") && !s.contains("3344"), "{s}");
        }
    }

    #[test]
    fn clear_forgets_everything() {
        let mut set = KnownSet::default();
        set.add(&Known { mrn: Some("00482913".into()), ..Default::default() });
        assert!(!set.is_empty());
        set.clear();
        assert!(set.is_empty());
    }

    #[test]
    fn json_uses_camel_case() {
        let k: Known =
            serde_json::from_str(r#"{"name":"Dan Smith","birthDate":"1961-03-14"}"#).unwrap();
        assert_eq!(k.birth_date.as_deref(), Some("1961-03-14"));
        assert!(k.relatives.is_empty());
    }

    #[test]
    fn widening_keeps_what_the_recognizers_saw() {
        let c = |start, end, label| Candidate { start, end, label, confidence: 0.9 };
        let mut found = [c(4, 14, Label::Phone)];
        widen(&mut found, &[c(0, 14, Label::Fax), c(20, 30, Label::Phone)]);
        assert_eq!(found[0], c(0, 14, Label::Fax));
    }
}
