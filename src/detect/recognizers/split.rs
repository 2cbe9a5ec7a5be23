//! Values split over one line break right after the cue that names them: `SSN 219-09-` /
//! `9999`, `cell (555)` / `201-3344`, `DOB 03/14/` / `1961`, `jane.doe@` / `example.org`,
//! `Patient: Jane` / `Doe` (a narrow form, a wrapped chat message, a pasted PDF line).
//!
//! The other recognizers read each line alone, because in forms, tables and chat the next line
//! is usually another field: joining lines in general would merge `MRN 1234` with `5678 units`.
//! This one joins only where both halves together have the exact group shape of one value (the
//! break falls between two of its groups, and each half is exactly its groups) AND a cue of that
//! kind comes right before it, or, for an email, where the break falls at its `@`. Its findings
//! outrank the other recognizers' pieces of the same value (`03/14`, `Jane`).

use super::re::Re;
use super::{Candidate, Label, Recognizer, Text};
use crate::detect::cues::CueKind;
use crate::detect::dict;

/// Above every other recognizer (0.95 at most), below the host's known values and denied terms.
const JOINED: f32 = 0.97;

/// One line break (`\n`, `\r\n` or `\r`; the text fold turns NEL, LS and PS into `\n`) with the
/// spaces around it.
const BREAK: &str = r"[ ]*(?:\r\n|\n|\r)[ ]*";

/// The recognizer of values split over a line break.
pub(crate) struct Split {
    /// Phones: the break after the area code, or after the exchange and its separator.
    phone: Re,
    /// SSNs: the break after the area or the group, each followed by its dash.
    ssn: Re,
    /// Numeric dates: the break after the second slash or dash.
    date: Re,
    /// Month-name dates: the break after the month or after the day.
    month_date: Re,
    /// Emails: the break just after the `@` (a break before it would take chat mentions,
    /// `ok` / `@bob.smith`).
    email: Re,
    /// A patient-name slot, a first name closing its line, a surname opening the next.
    name: Re,
}

impl Split {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        let re = |p: String| Re::new(&p, "split pattern compiles");
        Split {
            phone: re(format!(
                r"(?:(?P<a1>\(\d{{3}}\)|\d{{3}})[-.]?{BREAK}(?P<e1>\d{{3}})[-.]\d{{4}}|(?P<a2>\(\d{{3}}\) ?|\d{{3}}[-.])(?P<e2>\d{{3}})[-.]{BREAK}\d{{4}})"
            )),
            ssn: re(format!(
                r"(?P<a>\d{{3}})-(?:{BREAK}(?P<g1>\d{{2}})-|(?P<g2>\d{{2}})-{BREAK})(?P<s>\d{{4}})"
            )),
            date: re(format!(
                r"(?P<m>\d{{1,2}})[/-](?P<d>\d{{1,2}})[/-]{BREAK}(?P<y>(?:19|20)\d{{2}})"
            )),
            month_date: re(format!(
                r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?(?:{BREAK}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,? (?:19|20)\d{{2}}| (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?{BREAK}(?:19|20)\d{{2}})"
            )),
            email: re(format!(
                r"(?i)[a-z0-9][a-z0-9._%+-]*@{BREAK}[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{{2,}}"
            )),
            name: re(format!(
                r"(?i:\b(?:patient name|patient's name|pt name|full name|patient|name|pt)\b)\.?[ ]*[:#-]?[ ]*(?P<first>\p{{Lu}}[\p{{L}}'’-]*){BREAK}(?P<last>\p{{Lu}}[\p{{L}}'’-]*)"
            )),
        }
    }
}

/// Is `s[start..end]` a whole token: no letter or digit glued to either end?
fn whole(s: &str, start: usize, end: usize) -> bool {
    let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !glued(s[..start].chars().next_back()) && !glued(s[end..].chars().next())
}

/// Is the cue right before `start` one of `kinds`?
fn cued(text: &Text<'_>, start: usize, kinds: &[CueKind]) -> Option<CueKind> {
    text.cue_before(start).map(|c| c.kind).filter(|k| kinds.contains(k))
}

/// A first name the dictionaries know, which is not clinical vocabulary.
fn first_name(w: &str) -> bool {
    (dict::first_name(w).is_some() || dict::rare_first_name(w)) && !dict::is_medical_term(w)
}

/// A surname opening the line at `start`: known to the dictionaries, not clinical vocabulary,
/// not a word that opens sentences (`Will`, `May`), and not the start of a form's next field
/// label (`Age:`, `Last name:`, `Date of birth #`).
fn surname_opening_line(s: &str, start: usize, w: &str) -> bool {
    const SENTENCE_OPENERS: &[&str] = &["will", "may", "can", "mark", "said", "more", "long"];
    let lower = w.to_lowercase();
    let line = s[start..].split(['\n', '\r']).next().unwrap_or("");
    let label = line.split_once([':', '#']).is_some_and(|(head, _)| {
        head.split_whitespace().count() <= 3 && head.chars().all(|c| c.is_alphabetic() || c == ' ')
    });
    (dict::surname(w).is_some() || dict::rare_surname(w))
        && !dict::is_medical_term(w)
        && !SENTENCE_OPENERS.contains(&lower.as_str())
        && !label
}

impl Recognizer for Split {
    fn name(&self) -> &'static str {
        "split"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Phone, Label::Fax, Label::Ssn, Label::Date, Label::Email, Label::Name]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let s = text.norm();
        // Every pattern needs a line break inside its match: nothing to do on a single line.
        if !s.contains(['\n', '\r']) {
            return;
        }
        // Each pattern in its ASCII form on an ASCII text, or on the masked copy of another
        // text when it can be (same matches, and the fast DFA: a Unicode `\b` makes it give up
        // on the first non-ASCII byte, and the backtracker then searched the whole text; see
        // `super::re`).
        let mut push = |start, end, label| {
            out.push(Candidate { start, end, label, confidence: JOINED });
        };
        for c in self.phone.in_norm(text).captures_iter() {
            let m = c.get(0).expect("match");
            let area = c
                .name("a1")
                .or(c.name("a2"))
                .map_or("", |a| a.as_str().trim_matches(['(', ')', ' ', '-', '.']));
            let exchange = c.name("e1").or(c.name("e2")).map_or("", |e| e.as_str());
            let nanp =
                [area, exchange].iter().all(|g| g.starts_with(|d: char| ('2'..='9').contains(&d)));
            if !nanp || !whole(s, m.start(), m.end()) || s[..m.start()].ends_with(['-', '.', '+']) {
                continue;
            }
            match cued(text, m.start(), &[CueKind::Phone, CueKind::Fax]) {
                Some(CueKind::Fax) => push(m.start(), m.end(), Label::Fax),
                Some(_) => push(m.start(), m.end(), Label::Phone),
                None => {}
            }
        }
        for c in self.ssn.in_norm(text).captures_iter() {
            let m = c.get(0).expect("match");
            let group = c.name("g1").or(c.name("g2")).map_or("", |g| g.as_str());
            let (area, serial) = (&c["a"], &c["s"]);
            let valid = area != "000" && area != "666" && !area.starts_with('9');
            if valid
                && group != "00"
                && serial != "0000"
                && whole(s, m.start(), m.end())
                && cued(text, m.start(), &[CueKind::Ssn]).is_some()
            {
                push(m.start(), m.end(), Label::Ssn);
            }
        }
        for c in self.date.in_norm(text).captures_iter() {
            let m = c.get(0).expect("match");
            let month: u32 = c["m"].parse().unwrap_or(0);
            let day: u32 = c["d"].parse().unwrap_or(0);
            if (1..=12).contains(&month)
                && (1..=31).contains(&day)
                && whole(s, m.start(), m.end())
                && cued(text, m.start(), &[CueKind::Date]).is_some()
            {
                push(m.start(), m.end(), Label::Date);
            }
        }
        for c in self.month_date.in_norm(text).captures_iter() {
            let m = c.get(0).expect("match");
            let day: u32 =
                c.name("d1").or(c.name("d2")).map_or(0, |d| d.as_str().parse().unwrap_or(0));
            if (1..=31).contains(&day)
                && whole(s, m.start(), m.end())
                && cued(text, m.start(), &[CueKind::Date]).is_some()
            {
                push(m.start(), m.end(), Label::Date);
            }
        }
        for m in self.email.in_norm(text).find_iter() {
            if whole(s, m.start(), m.end()) && !s[..m.start()].ends_with(['@', '.']) {
                push(m.start(), m.end(), Label::Email);
            }
        }
        for c in self.name.in_norm(text).captures_iter() {
            let (first, last) = (c.name("first").expect("first"), c.name("last").expect("last"));
            if first_name(first.as_str())
                && surname_opening_line(s, last.start(), last.as_str())
                && whole(s, first.start(), last.end())
            {
                push(first.start(), last.end(), Label::Name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::recognizers::testing::run;

    fn found(s: &str) -> Vec<(Label, String)> {
        run(&Split::new(), s)
    }

    #[test]
    fn numbers_split_at_a_group_boundary_after_their_cue() {
        let one = |l, v: &str| vec![(l, v.to_owned())];
        assert_eq!(found("SSN 219-09-\n9999 on file"), one(Label::Ssn, "219-09-\n9999"));
        assert_eq!(found("SSN 219-\r\n09-9999"), one(Label::Ssn, "219-\r\n09-9999"));
        assert_eq!(found("cell 555-201-\n7788"), one(Label::Phone, "555-201-\n7788"));
        assert_eq!(found("cell 555\n201-7788 after"), one(Label::Phone, "555\n201-7788"));
        assert_eq!(
            found("Call me at (555)\u{2028}201-3344."),
            one(Label::Phone, "(555)\u{2028}201-3344")
        );
        assert_eq!(found("fax: 555-201-\n7788"), one(Label::Fax, "555-201-\n7788"));
        assert_eq!(found("DOB 03/14/\n1961"), one(Label::Date, "03/14/\n1961"));
        assert_eq!(found("born March\n14, 1961"), one(Label::Date, "March\n14, 1961"));
        assert_eq!(found("born March 14,\n1961"), one(Label::Date, "March 14,\n1961"));
    }

    #[test]
    fn numbers_without_their_cue_or_shape_stay_apart() {
        // A form: the next line is another field.
        assert!(found("MRN 1234\n5678 units").is_empty());
        assert!(found("MRN 219-09-\n9999").is_empty());
        assert!(found("Dose 555-201-\n7788").is_empty());
        assert!(found("555-201-\n7788").is_empty());
        // Both halves must be exactly the groups: not a longer run, not a wrong group size.
        assert!(found("SSN 219-09-\n99999").is_empty());
        assert!(found("SSN 219-9-\n9999").is_empty());
        assert!(found("cell 555-201-\n77889").is_empty());
        assert!(found("cell 1555\n201-7788").is_empty());
        assert!(found("SSN 000-09-\n9999").is_empty());
        assert!(found("DOB 13/14/\n1961").is_empty());
        // Two line breaks are a paragraph, not a wrapped value.
        assert!(found("SSN 219-09-\n\n9999").is_empty());
        // One line: the other recognizers' job.
        assert!(found("SSN 219-09-9999").is_empty());
    }

    #[test]
    fn emails_split_at_the_at_sign() {
        let one = |v: &str| vec![(Label::Email, v.to_owned())];
        assert_eq!(found("email me at jane.doe@\nexample.org"), one("jane.doe@\nexample.org"));
        assert_eq!(found("jane.doe@\r\nexample.org"), one("jane.doe@\r\nexample.org"));
        assert!(found("jane.doe@\nthanks").is_empty());
        assert!(found("ok\n@bob.smith").is_empty());
    }

    #[test]
    fn a_name_split_right_after_a_patient_slot() {
        let one = |v: &str| vec![(Label::Name, v.to_owned())];
        assert_eq!(found("Patient Jane\nDoe was seen today."), one("Jane\nDoe"));
        assert_eq!(found("Name: Jane\r\nDoe"), one("Jane\r\nDoe"));
        assert_eq!(found("PATIENT: MARIA\nGONZALEZ"), one("MARIA\nGONZALEZ"));
        // No slot, a field label or a clinical word on the next line, a sentence opener.
        assert!(found("Jane\nDoe").is_empty());
        assert!(found("Seen by Jane\nDoe").is_empty());
        assert!(found("Name: Jane\nAge: 45").is_empty());
        assert!(found("First name: Jane\nLast name: Doe").is_empty());
        assert!(found("Patient: Jane\nParkinson disease").is_empty());
        assert!(found("Patient Jane\nWill call back").is_empty());
        assert!(found("Patient Jane\ndoe").is_empty());
    }
}
