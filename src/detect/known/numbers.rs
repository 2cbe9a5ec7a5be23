//! Registered phone numbers and MRNs, found by their digit (or alphanumeric) keys.
//!
//! The text is read once as chains: groups of digits (for phones) or of letters and digits (for
//! MRNs) joined by short runs of separators. A registered key matches when it starts at a group
//! start and ends at a group end, so `555-201-3344`, `(555) 201 3344`, `5552013344`,
//! `+1 555.201.3344` all match one key, but the digits inside a longer number never do. Each
//! group start is tried once against each key: linear in the text.

use zeroize::Zeroize;

use crate::detect::Candidate;
use crate::label::Label;

/// A chain: its groups' byte spans in the text and the concatenated key characters.
struct Chain {
    /// `(start, end)` in the text of each group.
    groups: Vec<(usize, usize)>,
    /// The groups' characters, lower case, concatenated.
    key: String,
    /// Where each group starts in `key`.
    offsets: Vec<usize>,
}

impl Chain {
    /// The group whose key ends exactly at key index `k`, if any.
    fn group_ending_at(&self, k: usize) -> Option<usize> {
        if k == self.key.len() {
            return self.groups.len().checked_sub(1);
        }
        self.offsets.binary_search(&k).ok().and_then(|p| p.checked_sub(1))
    }

    fn key_end(&self, g: usize) -> usize {
        self.offsets.get(g + 1).copied().unwrap_or(self.key.len())
    }
}

/// Cuts `lower` into chains of groups made of `in_group` bytes, joined by at most `max_sep`
/// bytes of `is_sep`.
fn chains(
    lower: &str,
    in_group: impl Fn(u8) -> bool,
    is_sep: impl Fn(u8) -> bool,
    max_sep: usize,
) -> Vec<Chain> {
    let b = lower.as_bytes();
    let mut out = Vec::new();
    let mut cur = Chain { groups: Vec::new(), key: String::new(), offsets: Vec::new() };
    let mut i = 0;
    while i < b.len() {
        if in_group(b[i]) {
            let s = i;
            while i < b.len() && in_group(b[i]) {
                i += 1;
            }
            cur.offsets.push(cur.key.len());
            cur.key.push_str(&lower[s..i]);
            cur.groups.push((s, i));
            let mut j = i;
            while j < b.len() && j - i < max_sep && is_sep(b[j]) {
                j += 1;
            }
            if j < b.len() && j > i && in_group(b[j]) {
                i = j;
                continue;
            }
            out.push(std::mem::replace(
                &mut cur,
                Chain { groups: Vec::new(), key: String::new(), offsets: Vec::new() },
            ));
        } else {
            i += 1;
        }
    }
    out
}

/// Registered phone numbers, as 10-digit keys.
#[derive(Default, Zeroize)]
pub(super) struct Phones(Vec<String>);

impl Phones {
    /// Registers a phone number; ignored unless it has 10 digits (11 with a leading 1).
    pub(super) fn add(&mut self, phone: &str) {
        let mut digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 11 && digits.starts_with('1') {
            digits.remove(0);
        }
        if digits.len() == 10 {
            self.0.push(digits);
        } else {
            digits.zeroize();
        }
    }

    /// How many are registered.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Appends a PHONE candidate for each registered number in `lower`, with its `+1`, `(` and
    /// extension.
    pub(super) fn find(&self, lower: &str, confidence: f32, out: &mut Vec<Candidate>) {
        if self.0.is_empty() {
            return;
        }
        let b = lower.as_bytes();
        let seps = |c: u8| matches!(c, b' ' | b'-' | b'.' | b'(' | b')' | b'/' | b'+');
        for ch in chains(lower, |c| c.is_ascii_digit(), seps, 3) {
            // Groups up to here are inside a number already reported.
            let mut next_free = 0;
            for g in 0..ch.groups.len() {
                if g < next_free {
                    continue;
                }
                let k = ch.offsets[g];
                for key in &self.0 {
                    // The whole number, or its last seven digits written as a local number.
                    let tries = [(key.as_str(), 10), (&key[3..], 7)];
                    for (want, len) in tries {
                        if !ch.key[k..].starts_with(want) {
                            continue;
                        }
                        let Some(last) = ch.group_ending_at(k + len) else { continue };
                        if len == 7
                            && !(last == g
                                || (last == g + 1 && ch.groups[g].1 - ch.groups[g].0 == 3))
                        {
                            continue;
                        }
                        let mut start = ch.groups[g].0;
                        if g > 0 && &ch.key[ch.offsets[g - 1]..k] == "1" {
                            start = ch.groups[g - 1].0;
                        }
                        while start > 0 && matches!(b[start - 1], b'(' | b'+') {
                            start -= 1;
                        }
                        let mut end = ch.groups[last].1;
                        if b.get(end) == Some(&b')') {
                            end += 1;
                        }
                        end += extension(&lower[end..]);
                        out.push(Candidate { start, end, label: Label::Phone, confidence });
                        next_free = last + 1;
                        break;
                    }
                }
            }
        }
    }
}

/// Length of an extension right after a number: ` x204`, ` ext. 12`, `, ext 9`.
fn extension(after: &str) -> usize {
    let t = after.trim_start_matches([' ', ',']);
    let skipped = after.len() - t.len();
    if skipped > 2 {
        return 0;
    }
    let rest = ["extension", "ext.", "ext", "x"].iter().find_map(|w| t.strip_prefix(w));
    let Some(rest) = rest else { return 0 };
    let r = rest.trim_start_matches([' ', '.', ':', '#']);
    let n = r.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 6 || r[n..].starts_with(|c: char| c.is_alphanumeric()) {
        return 0;
    }
    after.len() - r.len() + n
}

/// Registered MRNs, as alphanumeric keys without leading zeros.
#[derive(Default, Zeroize)]
pub(super) struct Mrns(Vec<String>);

impl Mrns {
    /// Registers an MRN; ignored when shorter than four characters once separators and leading
    /// zeros are gone (too short to tell from other numbers).
    pub(super) fn add(&mut self, mrn: &str) {
        let key: String = mrn
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        // A cue typed into the value (`MRN-77120`) is not part of it.
        let bare = key.strip_prefix("mrn").filter(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        let trimmed = bare.unwrap_or(&key).trim_start_matches('0').to_owned();
        let mut key = key;
        key.zeroize();
        if trimmed.len() >= 4 {
            self.0.push(trimmed);
        }
    }

    /// How many are registered.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Appends an MRN candidate for each registered MRN in `lower`, with leading zeros or a glued
    /// letter prefix (`MRN00482913`) in the span.
    pub(super) fn find(&self, lower: &str, confidence: f32, out: &mut Vec<Candidate>) {
        if self.0.is_empty() {
            return;
        }
        let seps = |c: u8| matches!(c, b' ' | b'-' | b'.' | b'/');
        for ch in chains(lower, |c| c.is_ascii_alphanumeric(), seps, 1) {
            for g in 0..ch.groups.len() {
                let k = ch.offsets[g];
                let first = &ch.key[k..ch.key_end(g)];
                // The key starts at the group start, after its leading zeros, or after a glued
                // letter prefix and its zeros.
                let zeros = first.len() - first.trim_start_matches('0').len();
                let letters =
                    first.len() - first.trim_start_matches(|c: char| c.is_ascii_lowercase()).len();
                let after_letters = &first[letters..];
                let letter_zeros =
                    after_letters.len() - after_letters.trim_start_matches('0').len();
                // Skips stay inside the first group: a separate `MRN` word is not a prefix.
                let inside = |n: usize| if n < first.len() { n } else { 0 };
                let mut skips = [0, inside(zeros), inside(letters + letter_zeros)];
                skips.sort_unstable();
                let mut done = false;
                for skip in skips {
                    if done {
                        break;
                    }
                    let at = k + skip;
                    for key in &self.0 {
                        if ch.key[at..].starts_with(key.as_str()) {
                            if let Some(last) = ch.group_ending_at(at + key.len()) {
                                out.push(Candidate {
                                    start: ch.groups[g].0,
                                    end: ch.groups[last].1,
                                    label: Label::Mrn,
                                    confidence,
                                });
                                done = true;
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(f: impl Fn(&str, &mut Vec<Candidate>), text: &str) -> Vec<String> {
        let mut out = Vec::new();
        f(&text.to_ascii_lowercase(), &mut out);
        out.iter().map(|c| text[c.start..c.end].to_owned()).collect()
    }

    #[test]
    fn phones_with_any_separators() {
        let mut p = Phones::default();
        p.add("(555) 201-3344");
        let f = |t: &str, o: &mut Vec<Candidate>| p.find(t, 0.99, o);
        assert_eq!(spans(f, "call 555-201-3344 or 5552013344"), ["555-201-3344", "5552013344"]);
        assert_eq!(spans(f, "cell: +1 (555) 201 3344 x12."), ["+1 (555) 201 3344 x12"]);
        assert_eq!(spans(f, "1-555-201-3344, 555.201.3344"), ["1-555-201-3344", "555.201.3344"]);
        assert_eq!(spans(f, "5 5 5 2 0 1 3 3 4 4"), ["5 5 5 2 0 1 3 3 4 4"]);
        assert_eq!(spans(f, "local 201-3344"), ["201-3344"]);
        assert!(spans(f, "acct 95552013344 and 555-201-33441").is_empty());
    }

    #[test]
    fn mrns_with_or_without_zeros() {
        let mut m = Mrns::default();
        m.add("00482913");
        let f = |t: &str, o: &mut Vec<Candidate>| m.find(t, 0.99, o);
        assert_eq!(spans(f, "MRN 482913"), ["482913"]);
        assert_eq!(spans(f, "MRN: 00482913"), ["00482913"]);
        assert_eq!(spans(f, "mrn 0048-2913"), ["0048-2913"]);
        assert_eq!(spans(f, "MRN00482913"), ["MRN00482913"]);
        assert_eq!(spans(f, "mrn 482 913"), ["482 913"]);
        assert!(spans(f, "acct 1482913 and 4829130").is_empty());
    }
}
