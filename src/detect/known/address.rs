//! Registered street lines and email addresses.
//!
//! A street line is compared word by word after folding: case and diacritics (`fold.rs`), then
//! the USPS abbreviations (`Street`/`St`, `North`/`N`, `Apartment`/`Apt`/`Unit`/`#`, `Fifth`/
//! `5th`, `P.O. Box`/`PO Box`). Directions, the street suffix and the unit may be left out in the
//! text; the house number and the street name may not. A match starts only at a word equal to
//! the registered house number, and runs at most the registered length: linear in the text.

use zeroize::Zeroize;

use super::fold::fold_into;
use crate::detect::Candidate;
use crate::label::Label;

/// Folded words that may be missing from a written address: directions and street suffixes.
const OPTIONAL: [&str; 30] = [
    "n", "s", "e", "w", "ne", "nw", "se", "sw", "st", "ave", "rd", "dr", "ln", "blvd", "ct", "cir",
    "pl", "ter", "pkwy", "hwy", "way", "trl", "sq", "loop", "aly", "run", "xing", "pt", "cv",
    "hts",
];

/// The USPS short form of a word, or the word.
fn abbreviate(w: &str) -> &str {
    match w {
        "north" => "n",
        "south" => "s",
        "east" => "e",
        "west" => "w",
        "northeast" => "ne",
        "northwest" => "nw",
        "southeast" => "se",
        "southwest" => "sw",
        "street" | "str" => "st",
        "avenue" | "av" | "aven" => "ave",
        "road" => "rd",
        "drive" | "drv" => "dr",
        "lane" => "ln",
        "boulevard" | "boul" => "blvd",
        "court" => "ct",
        "circle" => "cir",
        "place" => "pl",
        "terrace" => "ter",
        "parkway" | "pky" => "pkwy",
        "highway" => "hwy",
        "trail" => "trl",
        "square" => "sq",
        "alley" => "aly",
        "crossing" => "xing",
        "point" => "pt",
        "cove" => "cv",
        "heights" => "hts",
        "apartment" | "apt" | "unit" | "suite" | "ste" | "room" | "rm" | "no" | "number" => "#",
        "first" => "1st",
        "second" => "2nd",
        "third" => "3rd",
        "fourth" => "4th",
        "fifth" => "5th",
        "sixth" => "6th",
        "seventh" => "7th",
        "eighth" => "8th",
        "ninth" => "9th",
        "tenth" => "10th",
        "mount" => "mt",
        "fort" => "ft",
        "saint" => "st",
        "route" => "rte",
        "rural" => "r",
        _ => w,
    }
}

/// The folded words of `s` with their byte spans: runs of letters and digits, and `#`.
/// `P.O.`/`Post Office` become `po`, `Rural Route`/`RR` become `rr`, repeated unit words one `#`.
fn words(s: &str) -> Vec<(usize, usize, String)> {
    let mut raw: Vec<(usize, usize, String)> = Vec::new();
    let mut key = String::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let inner = c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c);
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                fold_into(&s[st..i], &mut key);
                raw.push((st, i, abbreviate(&key).to_owned()));
                start = None;
            }
            _ => {}
        }
        if c == '#' {
            raw.push((i, i + 1, "#".to_owned()));
        }
    }
    let mut out: Vec<(usize, usize, String)> = Vec::with_capacity(raw.len());
    for w in raw {
        if let Some(prev) = out.last_mut() {
            let pair = (prev.2.as_str(), w.2.as_str());
            if matches!(pair, ("p", "o") | ("post", "office") | ("r", "r") | ("r", "rte")) {
                prev.1 = w.1;
                prev.2 = if pair.0 == "r" { "rr" } else { "po" }.to_owned();
                continue;
            }
            if pair == ("#", "#") {
                prev.1 = w.1;
                continue;
            }
        }
        out.push(w);
    }
    out
}

/// Registered street lines, as folded words.
#[derive(Default, Zeroize)]
pub(super) struct Streets(Vec<Vec<String>>);

impl Streets {
    /// Registers a street line; ignored when it has fewer than two words.
    pub(super) fn add(&mut self, address: &str) {
        let ws: Vec<String> = words(address).into_iter().map(|(_, _, w)| w).collect();
        if ws.len() >= 2 {
            self.0.push(ws);
        }
    }

    /// How many are registered.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Appends an ADDRESS candidate for every registered street line in `norm`, with a unit
    /// written after it (`, Apt 4B`) even if the registered line has none.
    pub(super) fn find(&self, norm: &str, confidence: f32, out: &mut Vec<Candidate>) {
        if self.0.is_empty() {
            return;
        }
        let ws = words(norm);
        for i in 0..ws.len() {
            for reg in &self.0 {
                if ws[i].2 != reg[0] {
                    continue;
                }
                if let Some(last) = match_at(&ws, i, reg, norm) {
                    let mut end = ws[last].1;
                    // A unit after the street line: `, Apt 4B`, ` #17C`.
                    if let (Some(u), Some(v)) = (ws.get(last + 1), ws.get(last + 2)) {
                        let gap = &norm[end..u.0];
                        if u.2 == "#" && gap.len() <= 2 && !gap.contains('\n') && v.0 - u.1 <= 2 {
                            end = v.1;
                        }
                    }
                    // The period of an abbreviation: `Dr.`, `St.`.
                    if norm[end..].starts_with('.') && ws[last].1 - ws[last].0 <= 4 {
                        end += 1;
                    }
                    out.push(Candidate { start: ws[i].0, end, label: Label::Address, confidence });
                    break;
                }
            }
        }
    }
}

/// Matches the registered words `reg` against the text words from `i`; the index of the last
/// text word matched. Optional registered words may be missing; the match needs the first word
/// and every required one, and must stay on one line.
fn match_at(ws: &[(usize, usize, String)], i: usize, reg: &[String], norm: &str) -> Option<usize> {
    let mut j = i;
    let mut last = i;
    let mut k = 0;
    // Once the unit starts in the registered line, the rest of it is optional.
    let mut in_unit = false;
    while k < reg.len() {
        in_unit |= reg[k] == "#";
        let same = ws.get(j).is_some_and(|w| {
            w.2 == reg[k]
                && (j == i || (!norm[ws[j - 1].1..w.0].contains('\n') && w.0 - ws[j - 1].1 <= 3))
        });
        if same {
            last = j;
            j += 1;
            k += 1;
        } else if k > 0 && (in_unit || OPTIONAL.contains(&reg[k].as_str())) {
            k += 1;
        } else {
            return None;
        }
    }
    (last > i).then_some(last)
}

/// Registered email addresses, lower case.
#[derive(Default, Zeroize)]
pub(super) struct Emails(Vec<String>);

impl Emails {
    /// Registers an email address.
    pub(super) fn add(&mut self, email: &str) {
        let e = email.trim().to_lowercase();
        if e.contains('@') {
            self.0.push(e);
        }
    }

    /// How many are registered.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Appends an EMAIL candidate for every registered address in `lower`, in any case.
    pub(super) fn find(&self, lower: &str, confidence: f32, out: &mut Vec<Candidate>) {
        if self.0.is_empty() {
            return;
        }
        let b = lower.as_bytes();
        let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-'".contains(&c);
        let domain = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-';
        for (at, _) in lower.match_indices('@') {
            // Bounded on both sides (64 and 255 bytes, the RFC limits): linear in the text.
            let mut s = at;
            while s > 0 && at - s < 64 && local(b[s - 1]) {
                s -= 1;
            }
            let mut e = at + 1;
            while e < b.len() && e - at < 255 && domain(b[e]) {
                e += 1;
            }
            while e > at + 1 && b[e - 1] == b'.' {
                e -= 1;
            }
            if self.0.iter().any(|reg| reg.as_str() == &lower[s..e]) {
                out.push(Candidate { start: s, end: e, label: Label::Email, confidence });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streets(reg: &str, text: &str) -> Vec<String> {
        let mut s = Streets::default();
        s.add(reg);
        let mut out = Vec::new();
        s.find(text, 0.99, &mut out);
        out.iter().map(|c| text[c.start..c.end].to_owned()).collect()
    }

    #[test]
    fn street_lines_fold_abbreviations() {
        let r = "4821 North Oak Ridge Drive, Apt 4B";
        assert_eq!(streets(r, "lives at 4821 n. oak ridge dr."), ["4821 n. oak ridge dr."]);
        assert_eq!(streets(r, "4821 OAK RIDGE DR #4B, Springfield"), ["4821 OAK RIDGE DR #4B"]);
        assert_eq!(streets(r, "4821 Oak Ridge, unit 4b"), ["4821 Oak Ridge, unit 4b"]);
        assert!(streets(r, "4821 Elm Ridge Dr").is_empty());
        assert_eq!(streets("12 Fifth Street", "12 5th St"), ["12 5th St"]);
        assert_eq!(streets("P.O. Box 4568", "po box 4568"), ["po box 4568"]);
    }

    #[test]
    fn emails_in_any_case() {
        let mut e = Emails::default();
        e.add("Dan.Smith@example.org");
        let mut out = Vec::new();
        let text = "mail DAN.SMITH@EXAMPLE.ORG. or xdan.smith@example.org";
        e.find(&text.to_ascii_lowercase(), 0.99, &mut out);
        let got: Vec<_> = out.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(got, ["DAN.SMITH@EXAMPLE.ORG"]);
    }
}
