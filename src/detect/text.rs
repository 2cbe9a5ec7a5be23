//! The text recognizers match against: a normalized copy of the input plus a map back to it.
//!
//! Free text hides identifiers behind Unicode: a zero-width space inside an SSN, full-width digits
//! pasted from an East Asian keyboard, a non-breaking space or an en dash between phone groups.
//! Recognizers only ever see the folded form; every span they report is mapped back to the
//! caller's original bytes here, so a span always covers the original characters, tricks included.

use super::cues::{self, Cue};

/// Normalized text with its mapping to the original.
pub(crate) struct Text<'a> {
    original: &'a str,
    /// The folded text recognizers match against.
    norm: String,
    /// `norm` with ASCII letters lower-cased; same byte length, so offsets are shared.
    lower: String,
    /// For each byte of `norm`, the byte offset in `original` of the char it came from; `None`
    /// when nothing was folded and the offsets are the identity.
    map: Option<Vec<u32>>,
    /// Label cues ("MRN", "fax", "member id", ...) found in `lower`, sorted by start.
    cues: Vec<Cue>,
}

/// What a character folds to.
enum Fold {
    Keep,
    Drop,
    To(char),
}

fn fold(c: char) -> Fold {
    match c {
        // Zero-width and invisible formatting characters, soft hyphen, BOM, variation selectors.
        '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}' => Fold::Drop,
        // Spaces of every width.
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
        | '\u{3000}' => Fold::To(' '),
        // Dashes and minus signs.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => Fold::To('-'),
        // Full-width ASCII (digits, letters, punctuation).
        '\u{FF01}'..='\u{FF5E}' => Fold::To(char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c)),
        _ => match unicode_digit(c) {
            Some(d) => Fold::To(char::from(b'0' + d)),
            None => Fold::Keep,
        },
    }
}

/// The value of a decimal digit from a non-ASCII script, for the scripts a US patient portal is
/// likely to see pasted in. Each entry is the code point of that script's zero.
fn unicode_digit(c: char) -> Option<u8> {
    const ZEROS: [u32; 14] = [
        0x0660, // Arabic-Indic
        0x06F0, // Extended Arabic-Indic (Persian, Urdu)
        0x0966, // Devanagari
        0x09E6, // Bengali
        0x0A66, // Gurmukhi
        0x0AE6, // Gujarati
        0x0B66, // Oriya
        0x0BE6, // Tamil
        0x0C66, // Telugu
        0x0CE6, // Kannada
        0x0D66, // Malayalam
        0x0E50, // Thai
        0x1D7CE, // Mathematical bold digits (the first of five styled sets, 50 code points)
        0x1040, // Myanmar
    ];
    let cp = c as u32;
    if cp < 0x0660 {
        return None;
    }
    for zero in ZEROS {
        let span = if zero == 0x1D7CE { 50 } else { 10 };
        if (zero..zero + span).contains(&cp) {
            return Some(((cp - zero) % 10) as u8);
        }
    }
    None
}

impl<'a> Text<'a> {
    /// Folds `original` and indexes its cues.
    pub(crate) fn new(original: &'a str) -> Self {
        let needs_fold = !original.is_ascii() && original.chars().any(|c| !matches!(fold(c), Fold::Keep));
        let (norm, map) = if needs_fold {
            let mut norm = String::with_capacity(original.len());
            let mut map = Vec::with_capacity(original.len() + 1);
            for (i, c) in original.char_indices() {
                let out = match fold(c) {
                    Fold::Keep => c,
                    Fold::Drop => continue,
                    Fold::To(r) => r,
                };
                norm.push(out);
                map.extend(std::iter::repeat(i as u32).take(out.len_utf8()));
            }
            (norm, Some(map))
        } else {
            (original.to_owned(), None)
        };
        let lower = norm.to_ascii_lowercase();
        let cues = cues::find(&lower);
        Text { original, norm, lower, map, cues }
    }

    /// The caller's text.
    #[allow(dead_code)]
    pub(crate) fn original(&self) -> &'a str {
        self.original
    }

    /// The folded text; recognizers match here.
    pub(crate) fn norm(&self) -> &str {
        &self.norm
    }

    /// The folded text, ASCII lower-cased (same offsets as [`Text::norm`]).
    pub(crate) fn lower(&self) -> &str {
        &self.lower
    }

    /// Every cue in the text, sorted by start.
    pub(crate) fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// True when the bytes just outside `start..end` of the folded text are not ASCII letters or
    /// digits, so the span is a whole token and not part of a longer word or number.
    pub(crate) fn is_isolated(&self, start: usize, end: usize) -> bool {
        let b = self.norm.as_bytes();
        (start == 0 || !b[start - 1].is_ascii_alphanumeric())
            && (end >= b.len() || !b[end].is_ascii_alphanumeric())
    }

    /// Maps a byte span of the folded text to the byte span of the original it came from.
    pub(crate) fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let Some(map) = &self.map else { return (start, end) };
        if start >= end {
            let at = map.get(start).map_or(self.original.len(), |&o| o as usize);
            return (at, at);
        }
        let s = map[start] as usize;
        let last = map[end - 1] as usize;
        let last_len = self.original[last..].chars().next().map_or(0, char::len_utf8);
        (s, last + last_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold_and_map(s: &str, find: &str) -> (String, &'static str) {
        let t = Text::new(s);
        let i = t.norm().find(find).expect("folded text contains the needle");
        let (a, b) = t.to_original(i, i + find.len());
        let _ = &s[a..b];
        (t.norm().to_owned(), Box::leak(s[a..b].to_owned().into_boxed_str()))
    }

    #[test]
    fn ascii_is_untouched() {
        let t = Text::new("MRN 123");
        assert_eq!(t.norm(), "MRN 123");
        assert_eq!(t.lower(), "mrn 123");
        assert_eq!(t.to_original(4, 7), (4, 7));
    }

    #[test]
    fn zero_width_characters_are_dropped_but_covered_by_spans() {
        let (norm, orig) = fold_and_map("SSN 123\u{200B}-45-67\u{200D}89.", "123-45-6789");
        assert_eq!(norm, "SSN 123-45-6789.");
        assert_eq!(orig, "123\u{200B}-45-67\u{200D}89");
    }

    #[test]
    fn full_width_and_other_script_digits_fold_to_ascii() {
        let (norm, orig) = fold_and_map("tel ５５５\u{2013}０١٢٣", "555-0123");
        assert_eq!(norm, "tel 555-0123");
        assert_eq!(orig, "５５５\u{2013}０١٢٣");
    }

    #[test]
    fn unicode_spaces_fold_to_space() {
        let t = Text::new("a\u{00A0}b\u{3000}c");
        assert_eq!(t.norm(), "a b c");
    }

    #[test]
    fn non_ascii_letters_are_kept() {
        let t = Text::new("José Núñez 😀");
        assert_eq!(t.norm(), "José Núñez 😀");
    }
}
