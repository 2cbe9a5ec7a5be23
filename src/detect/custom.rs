//! Allow and deny lists supplied by the host application.
//!
//! The allow list holds terms that are never PHI in this deployment (the clinic's own name, a
//! drug brand that looks like a surname): a recognizer's candidate lying inside an occurrence of
//! an allowed term is dropped. The deny list holds terms that are always PHI, with their label
//! (a staff member's name, a local facility): every whole-word occurrence is reported.
//!
//! Both match case-insensitively (ASCII case; other letters must match exactly) with one
//! Aho-Corasick automaton each, rebuilt when the list changes: linear in the text. Known values
//! and denied terms are never dropped by the allow list (a term on both lists is reported).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::text::Text;
use super::Candidate;
use crate::label::Label;

/// Confidence of a denied term: as sure as a known value.
const DENY_CONFIDENCE: f32 = 0.99;

/// The host's allow and deny lists.
#[derive(Default)]
pub(crate) struct Lists {
    allowed: Vec<String>,
    allow_ac: Option<AhoCorasick>,
    denied: Vec<(String, Label)>,
    deny_ac: Option<AhoCorasick>,
}

impl std::fmt::Debug for Lists {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // NOTE: a deny list may name people: counts only.
        f.debug_struct("Lists")
            .field("allowed", &self.allowed.len())
            .field("denied", &self.denied.len())
            .finish()
    }
}

fn build(terms: impl Iterator<Item = String>) -> Option<AhoCorasick> {
    let terms: Vec<String> = terms.collect();
    if terms.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&terms)
        .ok()
}

/// A term as matched: trimmed, inner whitespace runs as one space; `None` when empty.
fn clean(term: &str) -> Option<String> {
    let t = term.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

impl Lists {
    /// Adds terms to the allow list.
    pub(crate) fn allow(&mut self, words: &[&str]) {
        self.allowed.extend(words.iter().filter_map(|w| clean(w)));
        self.allow_ac = build(self.allowed.iter().cloned());
    }

    /// Adds terms to the deny list.
    pub(crate) fn deny(&mut self, entries: &[(&str, Label)]) {
        self.denied.extend(entries.iter().filter_map(|(w, l)| clean(w).map(|w| (w, *l))));
        self.deny_ac = build(self.denied.iter().map(|(w, _)| w.clone()));
    }

    /// The byte spans of the whole-word occurrences of allowed terms, sorted by start.
    pub(crate) fn allowed_spans(&self, text: &Text<'_>) -> Vec<(usize, usize)> {
        let Some(ac) = &self.allow_ac else { return Vec::new() };
        ac.find_iter(text.norm())
            .filter(|m| whole_word(text.norm(), m.start(), m.end()))
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    /// Drops the candidates that lie inside an allowed span (`spans` sorted, non-overlapping).
    pub(crate) fn drop_allowed<T>(spans: &[(usize, usize)], cands: &mut Vec<(Candidate, T)>) {
        if spans.is_empty() {
            return;
        }
        cands.retain(|(c, _)| {
            let i = spans.partition_point(|&(s, _)| s <= c.start);
            !(i > 0 && spans[i - 1].1 >= c.end)
        });
    }

    /// Appends a candidate for every whole-word occurrence of a denied term.
    pub(crate) fn find_denied(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let Some(ac) = &self.deny_ac else { return };
        for m in ac.find_iter(text.norm()) {
            if whole_word(text.norm(), m.start(), m.end()) {
                let label = self.denied[m.pattern().as_usize()].1;
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    label,
                    confidence: DENY_CONFIDENCE,
                });
            }
        }
    }
}

/// Not glued to a letter or digit on either side.
fn whole_word(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back().is_some_and(char::is_alphanumeric);
    let after = s[end..].chars().next().is_some_and(char::is_alphanumeric);
    !before && !after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denied_terms_are_whole_words_in_any_case() {
        let mut l = Lists::default();
        l.deny(&[("Calvert", Label::LocationOther), ("  nurse  jo ", Label::Name)]);
        let t = Text::new("CALVERT, calverton, Nurse Jo and nurse joe");
        let mut out = Vec::new();
        l.find_denied(&t, &mut out);
        let got: Vec<_> = out.iter().map(|c| (&t.norm()[c.start..c.end], c.label)).collect();
        assert_eq!(got, [("CALVERT", Label::LocationOther), ("Nurse Jo", Label::Name)]);
        assert!(!format!("{l:?}").contains("alvert"));
    }

    #[test]
    fn allowed_spans_drop_candidates_inside_them() {
        let mut l = Lists::default();
        l.allow(&["Mercy Family Clinic"]);
        let t = Text::new("seen at mercy family clinic by Mercy");
        let spans = l.allowed_spans(&t);
        let c = |start, end| (Candidate { start, end, label: Label::Name, confidence: 0.8 }, ());
        let mut cands = vec![c(8, 13), c(8, 27), c(31, 36)];
        Lists::drop_allowed(&spans, &mut cands);
        assert_eq!(cands, vec![c(31, 36)]);
    }
}
