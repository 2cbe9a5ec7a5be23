//! A recognizer pattern compiled for ASCII text first, and for other text only when some arrives;
//! each form compiled the first time it is searched, not when the detector is built.
//!
//! The patterns use Unicode classes (`\d`, `\w`, `\s`, `\b`, `\p{L}`), which are what they
//! mean on text with accented letters, but which make `regex` build large automata (the Unicode
//! `\d` alone is some seventy ranges), and a Unicode `\b` makes its fast DFA give up on any
//! non-ASCII byte. On an ASCII haystack the ASCII forms (`[0-9]`, `(?-u:\b)`, ...) match exactly
//! the same spans, so [`Re`] searches ASCII haystacks with the ASCII form and compiles the
//! pattern as written the first time a haystack with a non-ASCII byte is searched.
//!
//! Compiling is most of a cold start (building every pattern of every recognizer was ~90 M
//! instructions natively, ~140 ms in Chromium), and many patterns are searched only on some
//! texts: a unit after a street line, the windows before an age, values split over a line
//! break. So neither form is compiled before its first search: a detector is built at once, and
//! a text pays only for the patterns it reaches. Detection is the same either way.

use std::sync::{Mutex, OnceLock};

use regex::Regex;

use super::Text;

/// One pattern, each form compiled the first time it is searched.
pub(crate) struct Re {
    /// The pattern as written (Unicode classes).
    pattern: Box<str>,
    /// What the pattern is, for the panic if it does not compile (the patterns are constants:
    /// a failure is a bug, and `every_pattern_compiles` below compiles them all).
    what: &'static str,
    /// No part of the pattern can match `_` or `\x01`, the bytes [`masked`] puts in place of
    /// non-ASCII characters (see [`mask_safe`]).
    mask_safe: bool,
    /// The pattern with ASCII classes, for ASCII haystacks.
    ascii: OnceLock<Regex>,
    /// The pattern as written, for other haystacks.
    unicode: OnceLock<Regex>,
}

impl Re {
    /// A pattern, compiled on its first search; that search panics with `what` if it does not
    /// compile.
    pub(crate) fn new(pattern: &str, what: &'static str) -> Re {
        record(pattern);
        Re {
            pattern: pattern.into(),
            what,
            mask_safe: mask_safe(pattern),
            ascii: OnceLock::new(),
            unicode: OnceLock::new(),
        }
    }

    /// The regex to search with, and the haystack to search, for `s` (all ASCII when `ascii`)
    /// or its masked copy `masked` (see [`masked`]; same length, same offsets). A mask-safe
    /// pattern searches the masked copy with its ASCII form: every match and capture is then
    /// the same span as the pattern as written finds in `s`, and its text the same bytes,
    /// since the pattern cannot match a placeholder.
    pub(crate) fn hay<'h>(
        &self,
        s: &'h str,
        ascii: bool,
        masked: Option<&'h str>,
    ) -> (&Regex, &'h str) {
        let (ascii_form, hay) = self.form(s, ascii, masked);
        (self.pick(ascii_form), hay)
    }

    /// Which form [`Re::hay`] searches `s` with (`true`: the ASCII form), and which haystack.
    fn form<'h>(&self, s: &'h str, ascii: bool, masked: Option<&'h str>) -> (bool, &'h str) {
        match (ascii, masked) {
            (true, _) => (true, s),
            (false, Some(m)) if self.mask_safe => (true, m),
            (false, _) => (false, s),
        }
    }

    /// [`Re::in_norm`], or `None` when the form `text` needs is not compiled yet and
    /// `may_match` says that no match is possible: a cheap test of a piece every match holds
    /// (an `@`, `://`), so a text without it does not compile the pattern. Once compiled, the
    /// pattern is searched without the test (the result is the same: the test only says no
    /// where the pattern finds nothing).
    pub(crate) fn in_norm_if<'a, 'h>(
        &'a self,
        text: &'h Text<'_>,
        may_match: impl FnOnce() -> bool,
    ) -> Option<Search<'a, 'h>> {
        self.search_if(text.norm(), text.is_ascii(), text.masked_norm(), may_match)
    }

    /// [`Re::in_lower`], or `None` as [`Re::in_norm_if`] says.
    pub(crate) fn in_lower_if<'a, 'h>(
        &'a self,
        text: &'h Text<'_>,
        may_match: impl FnOnce() -> bool,
    ) -> Option<Search<'a, 'h>> {
        self.search_if(text.lower(), text.is_ascii(), text.masked_lower(), may_match)
    }

    /// A search of `s` as [`Re::hay`] picks it, or `None` as [`Re::in_norm_if`] says.
    pub(crate) fn search_if<'a, 'h>(
        &'a self,
        s: &'h str,
        ascii: bool,
        masked: Option<&'h str>,
        may_match: impl FnOnce() -> bool,
    ) -> Option<Search<'a, 'h>> {
        let (ascii_form, hay) = self.form(s, ascii, masked);
        #[cfg(test)]
        if let Some(on) = tests::GATES.with(std::cell::Cell::get) {
            return (!on || may_match()).then(|| Search { re: self.pick(ascii_form), hay });
        }
        if self.cell(ascii_form).get().is_none() && !may_match() {
            return None;
        }
        Some(Search { re: self.pick(ascii_form), hay })
    }

    /// A search of `text`'s folded text (see [`Re::hay`]).
    pub(crate) fn in_norm<'a, 'h>(&'a self, text: &'h Text<'_>) -> Search<'a, 'h> {
        let (re, hay) = self.hay(text.norm(), text.is_ascii(), text.masked_norm());
        Search { re, hay }
    }

    /// A search of `text`'s lower-cased folded text (see [`Re::hay`]).
    pub(crate) fn in_lower<'a, 'h>(&'a self, text: &'h Text<'_>) -> Search<'a, 'h> {
        let (re, hay) = self.hay(text.lower(), text.is_ascii(), text.masked_lower());
        Search { re, hay }
    }

    /// The regex to search `haystack` with.
    pub(crate) fn on(&self, haystack: &str) -> &Regex {
        self.pick(haystack.is_ascii())
    }

    /// The regex for a haystack known to be ASCII (`true`) or not: callers that search many
    /// slices of one text decide once for the whole text.
    pub(crate) fn pick(&self, ascii: bool) -> &Regex {
        match self.cell(ascii).get() {
            Some(re) => re,
            None => self.compile(ascii),
        }
    }

    fn cell(&self, ascii: bool) -> &OnceLock<Regex> {
        if ascii {
            &self.ascii
        } else {
            &self.unicode
        }
    }

    /// Compiles a form once, out of line: searches are many, compiling is once a form.
    #[cold]
    #[inline(never)]
    fn compile(&self, ascii: bool) -> &Regex {
        self.cell(ascii).get_or_init(|| {
            let pattern = if ascii { ascii_form(&self.pattern) } else { self.pattern.to_string() };
            Regex::new(&pattern).expect(self.what)
        })
    }
}

/// Whether some byte of `s` for which `first` holds is followed right away by one for which
/// `then` holds: a test for [`Re::in_norm_if`] (which must hold wherever the pattern as
/// written, or its ASCII form, matches the haystack it searches).
pub(crate) fn has_pair(s: &str, first: impl Fn(u8) -> bool, then: impl Fn(u8) -> bool) -> bool {
    s.as_bytes().windows(2).any(|w| first(w[0]) && then(w[1]))
}

/// An ASCII digit, or any byte of a non-ASCII character (a Unicode `\d` matches the digits of
/// other scripts; so do the patterns as written on a non-ASCII text).
pub(crate) fn digitish(b: u8) -> bool {
    b.is_ascii_digit() || b >= 0x80
}

/// Whether no part of `pattern` can match `_` or `\x01`: no `.`, no `\w`, `\W`, `\S`, `\D`,
/// `\p`, no negated class, no `_` and no class range over `_` or `\x01`. Conservative: any
/// escape it does not know in a class range makes it false.
fn mask_safe(pattern: &str) -> bool {
    let b = pattern.as_bytes();
    let mut class = 0usize;
    let mut i = 0;
    // The previous literal in a class, for ranges (`a-z`).
    let mut prev: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\\' => {
                let e = *b.get(i + 1).unwrap_or(&b'\\');
                if matches!(e, b'w' | b'W' | b'S' | b'D' | b'p' | b'P' | b'x' | b'u' | b'U' | b'X')
                {
                    return false;
                }
                prev = (class > 0 && e.is_ascii_punctuation()).then_some(e);
                i += 2;
                continue;
            }
            b'[' => {
                class += 1;
                if b.get(i + 1) == Some(&b'^') || b.get(i + 1) == Some(&b':') {
                    return false;
                }
                prev = None;
            }
            b']' if class > 0 => {
                class -= 1;
                prev = None;
            }
            b'.' if class == 0 => return false,
            b'_' | 0x01 => return false,
            b'-' if class > 0 => {
                // A range `a-b`: the two ends are literal ASCII here.
                if let (Some(lo), Some(&hi)) = (prev, b.get(i + 1)) {
                    if hi == b'\\' || (lo <= b'_' && b'_' <= hi) || (lo <= 1 && 1 <= hi) {
                        return false;
                    }
                }
                prev = None;
            }
            _ => prev = (class > 0).then_some(c),
        }
        i += 1;
    }
    true
}

/// `s` (a folded text with non-ASCII characters) with each non-ASCII character's bytes
/// replaced by `_` when it is a Unicode word character and by `\x01` otherwise, so that a
/// mask-safe pattern in ASCII form sees the same word boundaries and nothing it could match.
/// `None` when `s` holds a non-ASCII character that a Unicode class of our patterns could
/// match itself: a digit or space of another script, or a letter that case-folds to an ASCII
/// one (the Kelvin sign, the long s); such texts are searched with the patterns as written.
pub(crate) fn masked(s: &str) -> Option<String> {
    static CLASSES: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (matchable, word) = CLASSES.get_or_init(|| {
        (
            Regex::new(r"^(?i:[a-z])$|^\d$|^\s$").expect("class pattern compiles"),
            Regex::new(r"^\w$").expect("word pattern compiles"),
        )
    });
    let mut out = String::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let one = c.encode_utf8(&mut buf);
        if matchable.is_match(one) {
            return None;
        }
        let fill = if word.is_match(one) { '_' } else { '\x01' };
        out.extend(std::iter::repeat_n(fill, c.len_utf8()));
    }
    Some(out)
}

/// A regex bound to the haystack it must search (a text or its masked copy): matches have the
/// offsets, and the text, of the unmasked haystack.
pub(crate) struct Search<'a, 'h> {
    re: &'a Regex,
    hay: &'h str,
}

impl<'a, 'h> Search<'a, 'h> {
    /// Every match, as [`Regex::find_iter`].
    pub(crate) fn find_iter(&self) -> regex::Matches<'a, 'h> {
        self.re.find_iter(self.hay)
    }

    /// Every match with its groups, as [`Regex::captures_iter`].
    pub(crate) fn captures_iter(&self) -> regex::CaptureMatches<'a, 'h> {
        self.re.captures_iter(self.hay)
    }

    /// The first match from `at`, with its groups, as [`Regex::captures_at`].
    pub(crate) fn captures_at(&self, at: usize) -> Option<regex::Captures<'h>> {
        self.re.captures_at(self.hay, at)
    }
}

/// `pattern` with every Perl class, word boundary and letter class (`\p{L}`, `\p{Lu}`) in its
/// ASCII form. On a haystack of ASCII bytes only the two forms match the same spans: Unicode
/// `\d`, `\w`, `\s`, `\p{L}` and `\p{Lu}` hold no other ASCII characters than the ASCII ones,
/// and `\b` looks only at the characters on either side.
fn ascii_form(pattern: &str) -> String {
    const DIGIT: &str = "0-9";
    const WORD: &str = "0-9A-Za-z_";
    const SPACE: &str = r"\t\n\x0B\x0C\r ";
    let mut out = String::with_capacity(pattern.len() * 2);
    // Depth of character classes (`[a-[b]]` nests); 0 outside any.
    let mut class = 0usize;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push('\\');
                    break;
                };
                // Letters and upper-case letters: `\p{L}` and `\p{Lu}` (other properties stay).
                let letters = match e {
                    'p' if chars.clone().take(3).eq("{L}".chars()) => Some(("A-Za-z", 3)),
                    'p' if chars.clone().take(4).eq("{Lu}".chars()) => Some(("A-Z", 4)),
                    _ => None,
                };
                if let Some((_, n)) = letters {
                    chars.nth(n - 1);
                }
                let set = match e {
                    'p' => letters.map(|(set, _)| set),
                    'd' | 'D' => Some(DIGIT),
                    'w' | 'W' => Some(WORD),
                    's' | 'S' => Some(SPACE),
                    _ => None,
                };
                match (set, class > 0) {
                    (Some(set), false) => {
                        let neg = if e.is_ascii_uppercase() { "^" } else { "" };
                        out.push_str(&format!("[{neg}{set}]"));
                    }
                    (Some(set), true) if e.is_ascii_lowercase() => out.push_str(set),
                    // A negated class inside a class has no plain ASCII spelling: keep it (it
                    // is only bigger, never different).
                    (Some(_), true) => {
                        out.push('\\');
                        out.push(e);
                    }
                    (None, false) if e == 'b' || e == 'B' => {
                        out.push_str("(?-u:\\");
                        out.push(e);
                        out.push(')');
                    }
                    (None, _) => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '[' => {
                out.push('[');
                class += 1;
                // `[]a]` and `[^]a]`: a `]` right after the opening is a literal.
                if class == 1 || chars.peek() != Some(&':') {
                    if chars.peek() == Some(&'^') {
                        out.push('^');
                        chars.next();
                    }
                    if chars.peek() == Some(&']') {
                        out.push(']');
                        chars.next();
                    }
                }
            }
            ']' if class > 0 => {
                out.push(']');
                class -= 1;
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every distinct pattern a [`Re`] was made with in this process (recognizers are made once
/// per process, so this is a few KB, once), for [`compile_every_pattern`].
static MADE: Mutex<Vec<Box<str>>> = Mutex::new(Vec::new());

fn record(pattern: &str) {
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    if !made.iter().any(|p| &**p == pattern) {
        made.push(pattern.into());
    }
}

/// Makes every recognizer, then compiles each of their patterns in both forms; returns how many
/// patterns there are. Patterns compile on their first search, so a pattern this build cannot
/// compile (say, one naming a Unicode table left out of `regex`'s features in Cargo.toml) would
/// otherwise fail only on some user's text. Native test builds get every Unicode table through
/// a dev-dependency, so the wasm tests (tests/web.rs) call this too, with the shipped features.
pub(crate) fn compile_every_pattern() -> usize {
    super::all();
    let made = MADE.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for p in &made {
        let re = Re::new(p, "compiles");
        re.pick(true);
        re.pick(false);
    }
    made.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// `Some(true)`: every gate of [`Re::in_norm_if`] is consulted, compiled or not;
        /// `Some(false)`: none is. This thread only.
        pub(super) static GATES: std::cell::Cell<Option<bool>> =
            const { std::cell::Cell::new(None) };
    }

    #[test]
    fn gates_change_no_finding() {
        // Each gate must hold wherever its pattern matches: detecting with every gate
        // consulted and with none finds the same, on the corpora and on texts made to pass
        // and to fail each gate, ASCII and not.
        let mut texts: Vec<String> = [
            include_str!("../../../tests/data/corpus/structured.jsonl"),
            include_str!("../../../tests/data/corpus/names.jsonl"),
            include_str!("../../../tests/data/evasion/cases.jsonl"),
        ]
        .iter()
        .flat_map(|f| f.lines())
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["text"].as_str().expect("a text").to_owned()
        })
        .collect();
        for t in [
            "see https://portal.example.org/a or WWW.Example.org, example.ORG/x, ftp://x.example.org",
            "mail jane.doe@example.org or jane (at) example [dot] org, bob at example dot com",
            "call +44 20 7946 0958 or 217 555 01 36, cell 555 201 3344",
            "she is ninety-two, one hundred and ten, in her 90s, a nonagenarian, centenarians",
            "seen 13JUL2024 and 03aug37, next 4jan",
            "Zoë: zoë@example.org, zoë (at) example (dot) org, ＋44 20 7946 0958, +٤٤ ٢٠",
            "José, in his early nineties, 13JUL2024, www.example.org, café.example.org/x",
            "Pt John Smith, DOB 03/14/1951, call 555-201-0147 re MRN 88213409.",
            "PO Box 12, RR 2 Box 14, 3450 E 100 N, County Road 12, Highway 61, 12 Rte 9",
            "4821 N Oak Ridge Dr Apt 4B; 12 park place dr. 9 Elm ST, 3 Main Street #2",
            "12 Peñasco St, 3 Zoë Way, José at 4 Main St",
        ] {
            texts.push(t.to_owned());
        }
        assert!(texts.len() > 700);
        let d = crate::Detector::new();
        let detect = |gates: bool, t: &str| {
            GATES.with(|g| g.set(Some(gates)));
            let found = d.detect(t).expect("detects");
            GATES.with(|g| g.set(None));
            found
        };
        for t in &texts {
            assert_eq!(detect(true, t), detect(false, t), "{t}");
        }
    }

    #[test]
    fn every_pattern_compiles() {
        // Patterns compile on their first search: compile each in both forms here, so a broken
        // one fails here and not on some user's text.
        assert!(crate::detect::recognizers::all().len() > 10);
        let n = compile_every_pattern();
        assert!(n > 50, "{n} patterns");
    }

    #[test]
    fn classes_and_boundaries_become_ascii() {
        assert_eq!(ascii_form(r"\b\d{3}\s+\w"), r"(?-u:\b)[0-9]{3}[\t\n\x0B\x0C\r ]+[0-9A-Za-z_]");
        assert_eq!(ascii_form(r"[\d.\s]\D\B"), r"[0-9.\t\n\x0B\x0C\r ][^0-9](?-u:\B)");
        assert_eq!(ascii_form(r"[^\w\-][]\d]\\d"), r"[^0-9A-Za-z_\-][]0-9]\\d");
        assert_eq!(ascii_form(r"[[:alpha:]\d]x"), r"[[:alpha:]0-9]x");
        assert_eq!(ascii_form(r"[\S]"), r"[\S]");
        assert_eq!(ascii_form(r"\p{Lu}[\p{L}'-]\p{Lt}\pL"), r"[A-Z][A-Za-z'-]\p{Lt}\pL");
    }

    #[test]
    fn ascii_and_unicode_forms_agree_on_ascii_text() {
        let patterns = [
            r"(?i)\b\d{1,6}\s+(?P<w>[a-z]\w*)\b",
            r"[^\s@]+@\w+",
            r"\B\d\d\b|\W+",
            r"(?i)\bst\.?\s*[^\d\s]",
            r"\p{Lu}[\p{L}'’-]*",
        ];
        let hay = "Call 555 Oak_St @ x@y 12,34 ab12 st. K s\t\n7 _9_ a-b O'Neil-Ray";
        for p in patterns {
            let re = Re::new(p, "compiles");
            let a: Vec<_> = re.pick(true).find_iter(hay).map(|m| m.range()).collect();
            let u: Vec<_> = re.pick(false).find_iter(hay).map(|m| m.range()).collect();
            assert_eq!(a, u, "{p}");
        }
    }

    #[test]
    fn mask_safety() {
        assert!(mask_safe(r"(?i)\b\d{1,6}\s+[a-z'-]*\.?[0-9]|#"));
        for p in [r"a.b", r"\w", r"[^x]", r"a_b", r"[A-z]", r"\S", r"[\x00-\x7F]", r"[[:alpha:]]"] {
            assert!(!mask_safe(p), "{p}");
        }
    }

    #[test]
    fn masked_search_finds_what_the_pattern_as_written_finds() {
        let hay = "José 12 Peñasco St, ünit 4 — Zoë1 2 Main St\u{00e9}3 Oak Rd";
        let m = masked(hay).expect("maskable");
        assert_eq!(m.len(), hay.len());
        let re = Re::new(r"(?i)\b\d{1,6}\s+[a-z]+(?:\s+[a-z]+)?\s+(?:st|rd)\b", "compiles");
        assert!(re.mask_safe);
        let (a, h) = re.hay(hay, false, Some(&m));
        let got: Vec<_> = a.find_iter(h).map(|x| (x.range(), x.as_str().to_owned())).collect();
        let want: Vec<_> =
            re.pick(false).find_iter(hay).map(|x| (x.range(), x.as_str().to_owned())).collect();
        assert_eq!(got, want);
        assert!(masked("tel \u{0ED1}\u{0ED2}").is_none(), "a Lao digit: \\d matches it");
        assert!(masked("\u{212A}elvin").is_none(), "folds to k");
    }

    #[test]
    fn non_ascii_haystacks_use_the_pattern_as_written() {
        let re = Re::new(r"\b\w+\b", "compiles");
        let m = re.on("José").find("José").expect("a word");
        assert_eq!(m.as_str(), "José");
        assert_eq!(re.on("Jose").find("Jose").map(|m| m.as_str()), Some("Jose"));
    }
}
