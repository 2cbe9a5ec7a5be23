//! What a new surrogate must not be: something the re-identifier would find in the text being
//! scrubbed. A surrogate drawn as `burch` for `Huỳnh` in a text that already says `burch`
//! elsewhere would have the answer's bystander `burch` restored to `Huỳnh` (PHI put where none
//! was) or the round trip broken. The engine draws again instead.

use std::collections::HashSet;

/// The forms of one text the re-identifier recognizes: its words and phrases in any letter
/// case, and its digit groups by phone identity.
#[derive(Default)]
pub(crate) struct InText {
    /// The text, lower-cased.
    lower: String,
    /// Every word of `lower`.
    words: HashSet<String>,
    /// Phone identities of the digit groups the re-identifier would read as a phone or SSN.
    digits: HashSet<String>,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The words of `s` as [`InText`] splits a text.
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c| !is_word(c)).filter(|w| !w.is_empty())
}

impl InText {
    /// The forms of `text`.
    pub(crate) fn new(text: &str) -> Self {
        let lower = text.to_lowercase();
        let words = words(&lower).map(str::to_owned);
        InText { words: words.collect(), digits: crate::reidentify::digit_keys(text), lower }
    }

    /// Whether `candidate` occurs in the text as whole words, in any letter case.
    pub(crate) fn has(&self, candidate: &str) -> bool {
        let c = candidate.to_lowercase();
        let mut words = words(&c).peekable();
        if words.peek().is_none() {
            return !c.is_empty() && self.lower.contains(&c);
        }
        // NOTE: the word set rules most candidates out without a scan of the text, which may be
        // megabytes long; only a phrase whose every word is there is looked for as a phrase.
        if !words.all(|w| self.words.contains(w)) {
            return false;
        }
        if self.words.contains(&c) {
            return true;
        }
        self.lower.match_indices(&c).any(|(s, m)| {
            !self.lower[..s].chars().next_back().is_some_and(is_word)
                && !self.lower[s + m.len()..].chars().next().is_some_and(is_word)
        })
    }

    /// The phone identities of the text's digit groups.
    pub(crate) fn digit_keys(&self) -> impl Iterator<Item = &str> {
        self.digits.iter().map(String::as_str)
    }

    /// Whether a digit group of the text has this phone identity (see
    /// [`crate::reidentify::phone_key`]).
    pub(crate) fn has_digits(&self, key: &str) -> bool {
        self.digits.contains(key)
    }
}

/// Words and digit groups of the texts this engine released, outside the surrogates it placed
/// there: the words the detector left alone. A surrogate drawn later must not be one of them,
/// or the answer to an earlier message (`... a red Chevy Malibu`) would have its `Malibu`
/// restored to the city that later drew `Malibu`. Kept for the engine's lifetime only: a
/// reopened vault starts without them.
#[derive(Default)]
pub(crate) struct Released {
    words: HashSet<String>,
    digits: HashSet<String>,
}

/// Words [`Released`] keeps at most (a few megabytes); past that, later texts are not added.
const RELEASED_WORDS: usize = 1 << 18;

impl Released {
    /// Adds the words and digit groups of `part`, a stretch of released text.
    pub(crate) fn add(&mut self, part: &str) {
        if self.words.len() >= RELEASED_WORDS {
            return;
        }
        let lower = part.to_lowercase();
        for w in words(&lower) {
            if !self.words.contains(w) {
                self.words.insert(w.to_owned());
            }
        }
        if part.bytes().any(|b| b.is_ascii_digit()) {
            self.digits.extend(crate::reidentify::digit_keys(part));
        }
    }

    /// Whether every word of `candidate` was released (a phrase is not looked for as a
    /// phrase: the texts are not kept).
    pub(crate) fn has(&self, candidate: &str) -> bool {
        let c = candidate.to_lowercase();
        let mut ws = words(&c).peekable();
        ws.peek().is_some() && ws.all(|w| self.words.contains(w))
    }

    /// Whether a released digit group has this phone identity.
    pub(crate) fn has_digits(&self, key: &str) -> bool {
        self.digits.contains(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_digit_groups_in_any_case() {
        let t = InText::new("Seen by BURCH at Oak Lane; call (646) 555-0142.");
        assert!(t.has("Burch") && t.has("burch") && t.has("oak lane"));
        assert!(!t.has("Bur") && !t.has("Lane Oak") && !t.has("Ashby"));
        assert!(t.has_digits("6465550142") && !t.has_digits("6465550143"));
        assert!(!InText::default().has("burch"));
    }
}
