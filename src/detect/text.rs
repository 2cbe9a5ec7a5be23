//! The text recognizers match against: a normalized copy of the input plus a map back to it.
//!
//! Free text hides identifiers behind Unicode: a zero-width space inside an SSN, full-width digits
//! pasted from an East Asian keyboard, a non-breaking space or an en dash between phone groups.
//! Recognizers only ever see the folded form; every span they report is mapped back to the
//! caller's original bytes here, so a span always covers the original characters, tricks included.

use std::cell::OnceCell;

use super::cues::{self, Cue};
use super::recognizers::{NameTok, Street};

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
    /// The street lines in `norm`, found by the first recognizer that needs them (address and
    /// place both do; see `recognizers::address::streets_of`).
    pub(crate) streets: OnceCell<Vec<Street>>,
    /// The words of `norm` as the name recognizer cuts them, cut by the first that needs them
    /// (the recognizer, then `recognizers::clinicians` after detection).
    pub(crate) name_tokens: OnceCell<Vec<NameTok>>,
    /// `norm` is all ASCII.
    ascii: bool,
    /// `norm` and `lower` with non-ASCII characters masked (`recognizers::re::masked`), made
    /// by the first recognizer that searches a non-ASCII text; `None` inside when the text
    /// cannot be masked.
    masked: OnceCell<Option<(String, String)>>,
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
        '\u{00AD}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{FE00}'..='\u{FE0F}' => Fold::Drop,
        // Emoji and pictographs (with their skin tones and flags) glued to an identifier.
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' => Fold::Drop,
        // Combining marks: accents typed as separate characters (`Jose\u{301}`), and the
        // underline, strike-through and keycap marks styled text puts on every letter or digit.
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}' => Fold::Drop,
        // Tabs and line and paragraph separators other than `\n`.
        '\t' => Fold::To(' '),
        '\u{0085}' | '\u{2028}' | '\u{2029}' => Fold::To('\n'),
        // Dots between digit groups: middle dots, hyphenation point, katakana middle dots.
        '\u{00B7}' | '\u{2027}' | '\u{30FB}' | '\u{FF65}' | '\u{2024}' => Fold::To('.'),
        '\u{2022}' | '\u{2219}' => Fold::To(' '),
        // Slashes: fraction and division slashes in dates.
        '\u{2044}' | '\u{2215}' => Fold::To('/'),
        // Mathematical bold, italic, script, sans-serif, monospace ... letters (𝐉𝐚𝐧𝐞): 13 styles
        // of 52 letters, A-Z then a-z. Unassigned holes in the block never occur in text.
        '\u{1D400}'..='\u{1D6A3}' => {
            let i = (c as u32 - 0x1D400) % 52;
            let base = if i < 26 { b'A' } else { b'a' - 26 };
            Fold::To(char::from(base + i as u8))
        }
        // Spaces of every width.
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
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
        0x0660,  // Arabic-Indic
        0x06F0,  // Extended Arabic-Indic (Persian, Urdu)
        0x0966,  // Devanagari
        0x09E6,  // Bengali
        0x0A66,  // Gurmukhi
        0x0AE6,  // Gujarati
        0x0B66,  // Oriya
        0x0BE6,  // Tamil
        0x0C66,  // Telugu
        0x0CE6,  // Kannada
        0x0D66,  // Malayalam
        0x0E50,  // Thai
        0x1D7CE, // Mathematical bold digits (the first of five styled sets, 50 code points)
        0x1040,  // Myanmar
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

/// The Latin letter a Cyrillic or Greek look-alike stands for.
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' | 'α' => 'a',
        'е' | 'ε' => 'e',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'с' => 'c',
        'х' | 'χ' => 'x',
        'у' => 'y',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ν' => 'v',
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'Е' | 'Ε' => 'E',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Н' | 'Η' => 'H',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'С' => 'C',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'І' | 'Ι' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'Ζ' => 'Z',
        'Ν' => 'N',
        _ => return None,
    })
}

/// Folds that depend on neighbours, as `(byte offset, fold)` overrides of the per-char folds,
/// sorted by offset:
/// - an HTML tag (`<b>`, `</span>`, `<td class="x">`) reads as one space, so a cue and its value
///   or two cells stay apart but the tag hides nothing;
/// - markdown emphasis marks (`*`, `` ` ``, `~`, and `_` at a word's edge) are dropped, as
///   zero-width characters are (`**97**-year-old`);
/// - in a word mixing Latin letters with Cyrillic or Greek look-alikes (`Jоhn`), the look-alikes
///   read as Latin; a word wholly in another script is left alone;
/// - in a word of digits with `O`, `o`, `l` or `I` typed for 0 and 1 (`2O1`, `l23`), no more
///   letters than digits plus one, the letters read as digits.
///
/// NOTE: sparse on purpose: a dense per-char table would cost 8 bytes per input byte on top of
/// the offset map, for inputs up to the detector's limit.
fn fold_in_context(text: &str) -> Vec<(usize, Fold)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        match c {
            '<' if is_tag_start(&bytes[i + 1..]) => {
                let window = &bytes[i + 1..bytes.len().min(i + 256)];
                let close = window
                    .iter()
                    .take_while(|&&b| b != b'<' && b != b'\n')
                    .position(|&b| b == b'>');
                if let Some(k) = close {
                    let end = i + 1 + k; // the '>'
                    out.push((i, Fold::To(' ')));
                    while let Some(&(j, _)) = it.peek() {
                        if j > end {
                            break;
                        }
                        out.push((j, Fold::Drop));
                        it.next();
                    }
                    prev = Some('>');
                    continue;
                }
            }
            // Only a short run glued to a letter or digit on one side is emphasis: `***-**-6789`
            // is a masked SSN and keeps its stars, `____` is a form's blank, `a_b` a name.
            '*' | '`' | '~' | '_' if prev != Some(c) => {
                let run = text[i..].bytes().take_while(|&b| b == c as u8).count();
                let after = text[i + run..].chars().next();
                let (glued_before, glued_after) = (
                    prev.is_some_and(char::is_alphanumeric),
                    after.is_some_and(char::is_alphanumeric),
                );
                let longest = if c == '_' { 2 } else { 3 };
                let one_side = if c == '_' {
                    glued_before != glued_after
                } else {
                    glued_before || glued_after
                };
                if run <= longest && one_side {
                    out.extend((i..i + run).map(|j| (j, Fold::Drop)));
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    // Words: maximal runs of letters and digits.
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    for (s, e) in words {
        let word = &text[s..e];
        let (mut latin, mut lookalike, mut digits, mut ocr, mut other) = (false, false, 0, 0, 0);
        for c in word.chars() {
            latin |= c.is_ascii_alphabetic();
            lookalike |= latin_lookalike(c).is_some();
            if folds_to(c).is_some_and(|d| d.is_ascii_digit()) {
                digits += 1;
            } else if matches!(c, 'O' | 'o' | 'l' | 'I') {
                ocr += 1;
            } else {
                other += 1;
            }
        }
        if latin && lookalike {
            for (k, c) in word.char_indices() {
                if let Some(l) = latin_lookalike(c) {
                    out.push((s + k, Fold::To(l)));
                }
            }
        }
        if digits > 0 && ocr > 0 && ocr <= digits + 1 && other == 0 {
            for (k, c) in word.char_indices() {
                match c {
                    'O' | 'o' => out.push((s + k, Fold::To('0'))),
                    'l' | 'I' => out.push((s + k, Fold::To('1'))),
                    _ => {}
                }
            }
        }
    }
    // A stable sort: where two rules touch one char (a look-alike inside a tag), the first wins.
    out.sort_by_key(|&(i, _)| i);
    out.dedup_by_key(|&mut (i, _)| i);
    out
}

/// Whether the bytes after a `<` open an HTML tag: `!`, or an optional `/`, a tag name, then a
/// space, `/` or `>`. (`<ana@example.org>` and `<https://...>` are addresses, not tags.)
fn is_tag_start(rest: &[u8]) -> bool {
    if rest.first() == Some(&b'!') {
        return true;
    }
    let rest = rest.strip_prefix(b"/").unwrap_or(rest);
    let name = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    name > 0
        && rest[0].is_ascii_alphabetic()
        && matches!(rest.get(name), Some(b' ' | b'\t' | b'/' | b'>'))
}

/// What `c` reads as on its own (the context-free fold).
fn folds_to(c: char) -> Option<char> {
    match fold(c) {
        Fold::Keep => Some(c),
        Fold::Drop => None,
        Fold::To(r) => Some(r),
    }
}

/// Characters that may start a context-dependent fold (see [`fold_in_context`]).
fn may_fold_in_context(c: char) -> bool {
    matches!(c, '<' | '*' | '`' | '~' | '_' | 'O' | 'o' | 'l' | 'I') || latin_lookalike(c).is_some()
}

impl<'a> Text<'a> {
    /// Folds `original` and indexes its cues.
    pub(crate) fn new(original: &'a str) -> Self {
        let overrides = if original.chars().any(may_fold_in_context) {
            fold_in_context(original)
        } else {
            Vec::new()
        };
        let needs_fold = !overrides.is_empty()
            || original.contains('\t')
            || (!original.is_ascii() && original.chars().any(|c| !matches!(fold(c), Fold::Keep)));
        let (norm, map) = if needs_fold {
            let mut norm = String::with_capacity(original.len());
            let mut map = Vec::with_capacity(original.len() + 1);
            let mut next = overrides.into_iter().peekable();
            for (i, c) in original.char_indices() {
                let f = match next.peek() {
                    Some(&(at, _)) if at == i => next.next().map_or(Fold::Keep, |(_, f)| f),
                    _ => fold(c),
                };
                let out = match f {
                    Fold::Keep => c,
                    Fold::Drop => continue,
                    Fold::To(r) => r,
                };
                norm.push(out);
                map.extend(std::iter::repeat_n(i as u32, out.len_utf8()));
            }
            (norm, Some(map))
        } else {
            (original.to_owned(), None)
        };
        let lower = norm.to_ascii_lowercase();
        let cues = cues::find(&lower);
        let ascii = norm.is_ascii();
        Text {
            original,
            norm,
            lower,
            map,
            cues,
            ascii,
            streets: OnceCell::new(),
            name_tokens: OnceCell::new(),
            masked: OnceCell::new(),
        }
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

    /// Whether the folded text is all ASCII (recognizers then search it with ASCII patterns,
    /// see `recognizers::re`).
    pub(crate) fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// [`Text::norm`] with its non-ASCII characters masked (see `recognizers::re::masked`):
    /// `None` for an ASCII text or one that cannot be masked.
    pub(crate) fn masked_norm(&self) -> Option<&str> {
        self.masked_pair().map(|(n, _)| n.as_str())
    }

    /// [`Text::lower`] masked the same way.
    pub(crate) fn masked_lower(&self) -> Option<&str> {
        self.masked_pair().map(|(_, l)| l.as_str())
    }

    fn masked_pair(&self) -> Option<&(String, String)> {
        if self.ascii {
            return None;
        }
        self.masked
            .get_or_init(|| {
                super::recognizers::masked(&self.norm).map(|m| {
                    let lower = m.to_ascii_lowercase();
                    (m, lower)
                })
            })
            .as_ref()
    }

    /// Every cue in the text, sorted by start.
    pub(crate) fn cues(&self) -> &[Cue] {
        &self.cues
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
        // The emoji is dropped like a zero-width character (it may sit between a cue and its
        // value); the letters are kept.
        assert_eq!(t.norm(), "José Núñez ");
    }

    #[test]
    fn markup_homoglyphs_marks_and_ocr_digits_fold() {
        let (norm, orig) = fold_and_map("MRN: <b>0O4829l3</b>.", "00482913");
        assert_eq!(norm, "MRN:  00482913 .");
        assert_eq!(orig, "0O4829l3");
        let (norm, orig) = fold_and_map("Pt J\u{43e}hn **Baker** ok", "John Baker");
        assert_eq!(norm, "Pt John Baker ok");
        assert_eq!(orig, "J\u{43e}hn **Baker");
        let (_, orig) = fold_and_map("DOB 0\u{332}3\u{332}/14/1961", "03/14/1961");
        assert_eq!(orig, "0\u{332}3\u{332}/14/1961");
        // Not folded: a masked SSN's stars, a word wholly in another script, addresses in <>,
        // a snake_case word, and a word with more letters than digits.
        for keep in
            ["***-**-6789", "\u{41e}\u{43d} \u{43e}\u{43a}", "<ana@example.org>", "a_b", "Ill1"]
        {
            assert_eq!(Text::new(keep).norm(), keep);
        }
    }
}
