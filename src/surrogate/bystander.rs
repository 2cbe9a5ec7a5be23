//! Bystanders: text the detector left alone that the re-identifier would still restore.
//!
//! A surrogate issued for one message (`agnieszka` -> `esther`) can turn up as an ordinary,
//! undetected word of a later one (`esther here, my mom ...`), and an undetected `2/4` can be
//! exactly the shifted date of an earlier `5/28`. Sent as is, the answer's copy of that word is
//! restored to the other original: PHI put where none was, and the round trip broken. A redraw
//! cannot help, because the surrogate was issued before this text existed. So the scrubber runs
//! the re-identifier over its own output, and every restorable span outside the entities it
//! placed is taken as an identifier of the pair's label and given a surrogate of its own. The
//! vault then holds `esther` -> a new surrogate, and the answer restores each word to what the
//! user wrote.

use std::collections::HashMap;

use super::avoid::InText;
use super::{Action, Pair, Policy, Scrubbed, Surrogates};
use crate::detect::Finding;
use crate::reidentify::Rehydrator;
use crate::Label;

/// The `recognizer` of a bystander finding.
pub(crate) const RECOGNIZER: &str = "bystander";

/// Which issued pairs could show up in a text, found from the text's words without a scan of
/// every pair.
#[derive(Default)]
pub(crate) struct Issued {
    /// Each lower-case word of a surrogate -> the pairs whose surrogate has it.
    by_word: HashMap<String, Vec<usize>>,
    /// Phone identity of a phone, fax or SSN surrogate -> its pairs (the re-identifier restores
    /// them in any digit grouping).
    by_digits: HashMap<String, Vec<usize>>,
}

impl Issued {
    /// Indexes pair number `i`.
    pub(crate) fn add(&mut self, i: usize, p: &Pair) {
        // NOTE: a name is restored part by part too (`Baker` alone for `John Baker`), so any of
        // its words is a lead; another label only as a whole, so its first word is enough and
        // the whole spelling is checked when the lead is found (see `candidates`).
        let lower = p.surrogate.to_lowercase();
        let mut words = super::avoid::words(&lower);
        // A name's one-letter words (initials) are restored only with a surname after them, which
        // is a lead of its own.
        let leads: Vec<&str> = if p.label == Label::Name {
            words.filter(|w| w.chars().nth(1).is_some()).collect()
        } else {
            words.next().into_iter().collect()
        };
        for w in leads {
            let at = self.by_word.entry(w.to_owned()).or_default();
            if at.last() != Some(&i) {
                at.push(i);
            }
        }
        if matches!(p.label, Label::Phone | Label::Fax | Label::Ssn) {
            let key = crate::reidentify::phone_key(&p.surrogate);
            self.by_digits.entry(key).or_default().push(i);
        }
    }

    /// The pairs that could be restored somewhere in the text `seen` describes: a superset,
    /// usually empty.
    fn candidates(
        &self,
        seen: &InText,
        pairs: &[Pair],
        text: &str,
        findings: &[Finding],
    ) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        // NOTE: only words outside the findings can be bystanders (the findings are replaced);
        // the detected names of a text are often some other pair's surrogate words, and taking
        // them as leads ran the name recognizer on their windows for nothing.
        let mut at = 0;
        let ends = findings.iter().map(|f| (f.start, f.end)).chain([(text.len(), text.len())]);
        for (start, end) in ends {
            let gap = text[at..start].to_lowercase();
            for w in super::avoid::words(&gap) {
                out.extend(self.by_word.get(w).into_iter().flatten());
            }
            at = end;
        }
        out.sort_unstable();
        out.dedup();
        // NOTE: a date surrogate is restored as issued, or in another spelling that shifts back
        // onto an original date where the date recognizer is confident. The detector, with the
        // same threshold, replaces such a date anyway, so only the spelling as issued is
        // looked for here: that keeps the date recognizer's pass over the text to the rare
        // text that holds one.
        out.retain(|&i| pairs[i].label == Label::Name || seen.has(&pairs[i].surrogate));
        for k in seen.digit_keys() {
            out.extend(self.by_digits.get(k).into_iter().flatten());
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Spans of `text`, outside `findings`, that the re-identifier over `engine`'s pairs would
/// restore in `out` (what `findings` scrubbed `text` into, its entities placed where the findings
/// the policy does not keep were). Each comes back as a finding of the label of the pair it
/// would restore, unless the policy keeps that label. `engine` holds `text` as its text being
/// scrubbed.
pub(crate) fn find(
    engine: &Surrogates,
    text: &str,
    findings: &[Finding],
    out: &Scrubbed,
    policy: &Policy,
) -> Vec<Finding> {
    let (pairs, entities) = (&engine.pairs, &out.entities);
    let idx = engine.issued.candidates(engine.names.in_text(), pairs, text, findings);
    if idx.is_empty() {
        return Vec::new();
    }
    let subset: Vec<Pair> = idx.iter().map(|&i| pairs[i].clone()).collect();
    let restored = Rehydrator::for_one_text(&subset, engine.date_offset).restored_spans(&out.text);
    // The findings that became entities, in order: between two of them `out` is `text` moved
    // by a fixed amount.
    let placed: Vec<&Finding> =
        findings.iter().filter(|f| policy.action_for(f) != Action::Keep).collect();
    debug_assert_eq!(placed.len(), entities.len());
    let mut found = Vec::new();
    for (s, e, label) in restored {
        if entities.iter().any(|n| n.start < e && s < n.end) || policy.action(label) == Action::Keep
        {
            continue;
        }
        let before = entities.partition_point(|n| n.end <= s);
        let (start, end) = match before.checked_sub(1) {
            Some(k) => {
                let (f, n) = (placed[k], &entities[k]);
                (s - n.end + f.end, e - n.end + f.end)
            }
            None => (s, e),
        };
        // A finding the policy keeps is copied as it is; its words stay the host's choice.
        if findings.iter().any(|f| f.start < end && start < f.end) {
            continue;
        }
        debug_assert_eq!(text.get(start..end), out.text.get(s..e));
        found.push(Finding {
            label,
            start,
            end,
            confidence: 1.0,
            recognizer: RECOGNIZER,
            clinician: false,
        });
    }
    found
}
