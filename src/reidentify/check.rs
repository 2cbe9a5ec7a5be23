//! `check`: which originals of a vault are still in a text, so a caller can refuse to send it.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::surrogate::Pair;
use crate::Label;

/// Finds a vault's originals in a text: in any letter case as whole words, and phone, fax, SSN
/// and number-like identifiers however their digits are grouped.
pub struct Leaks {
    ac: Option<AhoCorasick>,
    labels: Vec<Label>,
    /// Digit key (7 or more digits) -> label.
    digits: HashMap<String, Label>,
}

impl std::fmt::Debug for Leaks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Leaks").field("originals", &self.labels.len()).finish_non_exhaustive()
    }
}

/// An original found in a text: its kind and UTF-8 byte span (never the value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leak {
    /// The kind of the original.
    pub label: Label,
    /// Start, in bytes.
    pub start: usize,
    /// End, in bytes, exclusive.
    pub end: usize,
}

fn digit_key(s: &str) -> String {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    match d.strip_prefix('1') {
        Some(rest) if d.len() == 11 => rest.to_owned(),
        _ => d,
    }
}

impl Leaks {
    /// A matcher for the originals of `pairs`.
    pub fn new(pairs: &[Pair]) -> Self {
        let mut patterns = Vec::new();
        let mut labels = Vec::new();
        let mut digits = HashMap::new();
        for p in pairs {
            let key = digit_key(&p.original);
            let numeric = p
                .original
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .all(|c| c.is_ascii_digit());
            if numeric && key.len() >= 7 {
                digits.insert(key, p.label);
            }
            // Very short originals (`Li`, `3/4`) would match everywhere; ages are aggregated.
            if p.original.chars().count() >= 3 && p.label != Label::Age {
                patterns.push(p.original.to_lowercase());
                labels.push(p.label);
            }
        }
        let ac = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&patterns)
                .expect("originals build an automaton")
        });
        Leaks { ac, labels, digits }
    }

    /// Every original of the vault present in `text`.
    pub fn find(&self, text: &str) -> Vec<Leak> {
        let mut out = Vec::new();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        if let Some(ac) = &self.ac {
            let lower = text.to_lowercase();
            // NOTE: lower-casing may change byte lengths outside ASCII; scan the original text
            // when it does, the automaton's ASCII case folding still applies.
            let hay = if lower.len() == text.len() { lower.as_str() } else { text };
            for m in ac.find_iter(hay) {
                let (s, e) = (m.start(), m.end());
                if !word(text[..s].chars().next_back()) && !word(text[e..].chars().next()) {
                    out.push(Leak { label: self.labels[m.pattern().as_usize()], start: s, end: e });
                }
            }
        }
        if !self.digits.is_empty() {
            let b = text.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
                    i += 1;
                    continue;
                }
                // A run of digits with at most two separators between groups (`) `, ` - `
                // would need three: `(312) 201-3344` and `312 - 201` are the common ones).
                let sep = |c: u8| b"-. ()".contains(&c);
                let mut j = i;
                let mut end = i;
                while j < b.len() {
                    if b[j].is_ascii_digit() {
                        end = j + 1;
                        j += 1;
                        continue;
                    }
                    let gap = b[j..].iter().take(3).take_while(|&&c| sep(c)).count();
                    if gap == 0 || gap > 2 || !b.get(j + gap).is_some_and(u8::is_ascii_digit) {
                        break;
                    }
                    j += gap;
                }
                if let Some(&label) = self.digits.get(&digit_key(&text[i..end])) {
                    if !out.iter().any(|l| l.start < end && i < l.end) {
                        out.push(Leak { label, start: i, end });
                    }
                }
                i = end.max(i + 1);
            }
        }
        out.sort_by_key(|l| l.start);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_originals_in_any_case_and_regrouped_digits() {
        let pairs = [
            Pair {
                label: Label::Name,
                original: "Dan Smith".into(),
                surrogate: "John Baker".into(),
            },
            Pair {
                label: Label::Phone,
                original: "312-201-3344".into(),
                surrogate: "(646) 555-0142".into(),
            },
        ];
        let l = Leaks::new(&pairs);
        let t = "hi DAN SMITH, call 312 201 3344 or 1-312-201-3344; Dan Smithson is someone else; \
                 cell (312) 201-3344";
        let got: Vec<_> = l.find(t).iter().map(|x| (x.label, &t[x.start..x.end])).collect();
        assert_eq!(
            got,
            vec![
                (Label::Name, "DAN SMITH"),
                (Label::Phone, "312 201 3344"),
                // The original as written, inside a longer grouping: reported either way.
                (Label::Phone, "312-201-3344"),
                // `) ` is two separators in a row.
                (Label::Phone, "312) 201-3344"),
            ]
        );
        assert!(l.find("John Baker at (646) 555-0142").is_empty(), "surrogates are not leaks");
    }
}
