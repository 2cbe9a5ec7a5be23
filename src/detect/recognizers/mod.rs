//! The recognizers, one file per family of identifiers.
//!
//! Each recognizer is patterns + cues + validation (Presidio's shape): a regex proposes spans over
//! the folded text, cues (`../cues.rs`) and small unit-tested functions raise, lower or veto the
//! confidence, and checksums (`../checksum.rs`) confirm formats that have one. `regex` has no
//! look-around, so every negative condition is a function here, not a pattern.

mod address;
mod age;
mod date;
mod email;
mod ids;
mod ip;
mod name;
mod phone;
mod place;
mod re;
mod split;
mod ssn;
mod url;
mod us;
mod zip;

use super::text::Text;
use super::Candidate;
use crate::label::Label;
pub(super) use address::Street;
pub(super) use name::{clinicians, Tok as NameTok};
pub(super) use re::{compile_every_pattern, masked};

/// One family of identifiers.
pub(crate) trait Recognizer: Send + Sync {
    /// Short stable name, reported in findings.
    fn name(&self) -> &'static str;
    /// The labels it can emit (a detector skips recognizers whose labels are all disabled).
    fn labels(&self) -> &'static [Label];
    /// Appends candidate spans, in bytes of `text.norm()`.
    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>);
}

/// Up to `n` bytes of `s` before `pos`, starting on a character boundary.
pub(super) fn back(s: &str, pos: usize, n: usize) -> &str {
    let mut floor = pos.saturating_sub(n);
    while !s.is_char_boundary(floor) {
        floor += 1;
    }
    &s[floor..pos]
}

/// Up to `n` bytes of `s` from `pos`, ending on a character boundary.
pub(super) fn forward(s: &str, pos: usize, n: usize) -> &str {
    let mut ceil = (pos + n).min(s.len());
    while !s.is_char_boundary(ceil) {
        ceil -= 1;
    }
    &s[pos..ceil]
}

/// Every recognizer, made once per process and shared by every detector: they hold no
/// per-detector state, and each pattern compiles on its first search (see `re.rs`), so a
/// pattern one detector compiled is compiled for all (the re-identifier builds two more).
pub(crate) fn all() -> &'static [Box<dyn Recognizer>] {
    static ALL: std::sync::OnceLock<Vec<Box<dyn Recognizer>>> = std::sync::OnceLock::new();
    ALL.get_or_init(made)
}

/// Every recognizer, made.
fn made() -> Vec<Box<dyn Recognizer>> {
    vec![
        Box::new(phone::Phone::new()),
        Box::new(email::Email::new()),
        Box::new(url::Url::new()),
        Box::new(ip::Ip::new()),
        Box::new(ssn::Ssn::new()),
        Box::new(zip::Zip::new()),
        Box::new(date::Date::new()),
        Box::new(age::Age::new()),
        Box::new(ids::Ids::new()),
        Box::new(address::Address::new()),
        Box::new(place::Place::new()),
        Box::new(name::Name::new()),
        Box::new(split::Split::new()),
    ]
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for recognizer unit tests.
    use super::*;

    /// Runs one recognizer through the full pipeline (threshold, overlap resolution) and returns
    /// `(label, matched original text)` pairs.
    pub(crate) fn run(r: &dyn Recognizer, s: &str) -> Vec<(Label, String)> {
        let t = Text::new(s);
        let mut out = Vec::new();
        r.recognize(&t, &mut out);
        let kept = crate::detect::resolve::resolve(
            out.into_iter()
                .filter(|c| c.confidence >= crate::detect::DEFAULT_MIN_CONFIDENCE)
                .map(|c| (c, ()))
                .collect(),
        );
        kept.into_iter()
            .map(|(c, _)| {
                let (a, b) = t.to_original(c.start, c.end);
                (c.label, s[a..b].to_owned())
            })
            .collect()
    }
}
