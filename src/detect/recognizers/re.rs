//! A recognizer pattern compiled for ASCII text first, and for other text only when some arrives.
//!
//! The patterns use Unicode classes (`\d`, `\w`, `\s`, `\b`), which are what they mean on text
//! with accented letters, but which make `regex` build large automata (the Unicode `\d` alone is
//! some seventy ranges), and a Unicode `\b` makes its fast DFA give up on any non-ASCII byte. On
//! an ASCII haystack the ASCII forms (`[0-9]`, `(?-u:\b)`, ...) match exactly the same spans, so
//! [`Re`] compiles the ASCII form when the detector is built and the pattern as written the
//! first time a haystack with a non-ASCII byte is searched. Detection is the same either way;
//! building a detector and searching ASCII text are cheaper.

use std::sync::OnceLock;

use regex::Regex;

/// One pattern, compiled in its ASCII form at once and as written on demand.
pub(crate) struct Re {
    /// The pattern as written (Unicode classes).
    pattern: Box<str>,
    /// The pattern with ASCII classes, for ASCII haystacks.
    ascii: Regex,
    /// The pattern as written, compiled the first time a non-ASCII haystack comes.
    unicode: OnceLock<Regex>,
}

impl Re {
    /// Compiles the ASCII form of `pattern`; panics with `what` if it does not compile (the
    /// patterns are constants: a failure is a bug caught by every test).
    pub(crate) fn new(pattern: &str, what: &str) -> Re {
        let ascii = Regex::new(&ascii_form(pattern)).expect(what);
        Re { pattern: pattern.into(), ascii, unicode: OnceLock::new() }
    }

    /// The regex to search `haystack` with.
    pub(crate) fn on(&self, haystack: &str) -> &Regex {
        self.pick(haystack.is_ascii())
    }

    /// The regex for a haystack known to be ASCII (`true`) or not: callers that search many
    /// slices of one text decide once for the whole text.
    pub(crate) fn pick(&self, ascii: bool) -> &Regex {
        if ascii {
            &self.ascii
        } else {
            self.unicode.get_or_init(|| {
                Regex::new(&self.pattern).expect("a pattern whose ASCII form compiles")
            })
        }
    }
}

/// `pattern` with every Perl class and word boundary in its ASCII form. On a haystack of ASCII
/// bytes only the two forms match the same spans: Unicode `\d`, `\w` and `\s` hold no other
/// ASCII characters than the ASCII ones, and `\b` looks only at the characters on either side.
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
                let set = match e {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_boundaries_become_ascii() {
        assert_eq!(ascii_form(r"\b\d{3}\s+\w"), r"(?-u:\b)[0-9]{3}[\t\n\x0B\x0C\r ]+[0-9A-Za-z_]");
        assert_eq!(ascii_form(r"[\d.\s]\D\B"), r"[0-9.\t\n\x0B\x0C\r ][^0-9](?-u:\B)");
        assert_eq!(ascii_form(r"[^\w\-][]\d]\\d"), r"[^0-9A-Za-z_\-][]0-9]\\d");
        assert_eq!(ascii_form(r"[[:alpha:]\d]x"), r"[[:alpha:]0-9]x");
        assert_eq!(ascii_form(r"[\S]"), r"[\S]");
    }

    #[test]
    fn ascii_and_unicode_forms_agree_on_ascii_text() {
        let patterns = [
            r"(?i)\b\d{1,6}\s+(?P<w>[a-z]\w*)\b",
            r"[^\s@]+@\w+",
            r"\B\d\d\b|\W+",
            r"(?i)\bst\.?\s*[^\d\s]",
        ];
        let hay = "Call 555 Oak_St @ x@y 12,34 ab12 st. K s\t\n7 _9_ a-b";
        for p in patterns {
            let re = Re::new(p, "compiles");
            let a: Vec<_> = re.pick(true).find_iter(hay).map(|m| m.range()).collect();
            let u: Vec<_> = re.pick(false).find_iter(hay).map(|m| m.range()).collect();
            assert_eq!(a, u, "{p}");
        }
    }

    #[test]
    fn non_ascii_haystacks_use_the_pattern_as_written() {
        let re = Re::new(r"\b\w+\b", "compiles");
        let m = re.on("José").find("José").expect("a word");
        assert_eq!(m.as_str(), "José");
        assert_eq!(re.on("Jose").find("Jose").map(|m| m.as_str()), Some("Jose"));
    }
}
