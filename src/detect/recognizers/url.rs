//! Web addresses: `http(s)://` and `ftp://` URLs, `www.` hosts, and bare domains
//! (`portal.example.org/patient/88123`).
//!
//! A scheme or `www.` is unambiguous. A bare `name.tld` is not: file names (`report.pdf`),
//! decimals, abbreviations (`e.g.`, `b.i.d.`) and drug names with dots all have that shape. So a
//! bare domain must end in a TLD from a short list of common generic and country TLDs (file
//! extensions such as `.md` and `.py` are left out on purpose) and either carry a path or follow a
//! URL cue (`website:`, `portal at`). The domain of an email address is the email's, never a URL.
//! Spans stop before trailing sentence punctuation and unbalanced closing brackets, so a URL in
//! parentheses or a markdown link `[text](https://...)` yields the URL alone.

use super::re::Re;

use super::{Candidate, Label, Recognizer, Text};
use crate::detect::cues::CueKind;

/// Top-level domains a bare domain may end in.
const BARE_TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "mil", "int", "io", "info", "biz", "app", "dev", "health",
    "care", "clinic", "hospital", "online", "site", "test", "example", "invalid", "us", "uk", "ca",
    "au", "de", "fr", "es", "it", "nl", "se", "no", "dk", "fi", "ie", "nz", "za", "ch", "be", "jp",
    "cn", "in", "br", "mx", "eu", "tv", "me", "ly", "co",
];

/// How far back (bytes, same line) a URL cue still vouches for a bare domain without a path.
const CUE_WINDOW: usize = 32;

/// The URL recognizer.
pub(crate) struct Url {
    /// `https://...`, `ftp://...`; an IPv6 literal host may be bracketed.
    scheme: Re,
    /// `www.example.org/...`.
    www: Re,
    /// `portal.example.org/...`, `example.org`.
    bare: Re,
}

impl Url {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        let label = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
        let rest = r#"[^\s<>"'\[\]`{}|\\^]"#;
        Url {
            scheme: Re::new(
                &format!(r"(?i)\b(?:https?|ftp)://(?:\[[0-9a-f:.]+\])?{rest}*"),
                "scheme pattern compiles",
            ),
            www: Re::new(
                &format!(
                    r"(?i)\bwww\d{{0,3}}\.{label}(?:\.{label})+(?::\d{{1,5}})?(?:[/?#]{rest}*)?"
                ),
                "www pattern compiles",
            ),
            bare: Re::new(
                &format!(
                    r"(?i){label}(?:\.{label})*\.(?P<tld>[a-z]{{2,12}})(?::\d{{1,5}})?(?P<path>[/?#]{rest}*)?"
                ),
                "bare pattern compiles",
            ),
        }
    }
}

/// The length of `url` once trailing sentence punctuation and unbalanced closing brackets are cut
/// (`https://x.org/a_(b)).` keeps `https://x.org/a_(b)`).
fn trimmed_len(url: &str) -> usize {
    // Bracket balance of the whole match, updated as characters are cut from the end, so the
    // trim stays linear however many `)` trail.
    let count = |c: char| url.bytes().filter(|&b| b == c as u8).count() as isize;
    let mut parens = count('(') - count(')');
    let mut braces = count('{') - count('}');
    let mut end = url.len();
    for last in url.chars().rev() {
        let cut = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '*' | '>' => true,
            ')' if parens < 0 => {
                parens += 1;
                true
            }
            '}' if braces < 0 => {
                braces += 1;
                true
            }
            _ => false,
        };
        if !cut {
            break;
        }
        end -= last.len_utf8();
    }
    end
}

/// True when a bare-domain match starts a token of its own: not glued to a word, not the domain of
/// an email (`@` before) nor a piece of a longer dotted or slashed token, and not the local part of
/// an email (`@` right after).
fn bare_is_whole(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let before_ok = start == 0
        || !(b[start - 1].is_ascii_alphanumeric() || b"@.-/:_%+".contains(&b[start - 1]));
    let after_ok = !matches!(b.get(end), Some(b'@' | b'-' | b'_'));
    before_ok && after_ok
}

impl Recognizer for Url {
    fn name(&self) -> &'static str {
        "url"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Url]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let s = text.norm();
        let mut push = |start: usize, end: usize, confidence: f32| {
            out.push(Candidate { start, end, label: Label::Url, confidence });
        };
        // Each pattern needs a piece that most texts lack: `://`, `www` (`w` has no other
        // case), a dot before a letter (`(?i)[a-z]` also takes the Kelvin sign and the long s,
        // non-ASCII). A text without it does not compile the pattern.
        let scheme = self.scheme.in_norm_if(text, || s.contains("://"));
        for m in scheme.iter().flat_map(|r| r.find_iter()) {
            let end = m.start() + trimmed_len(m.as_str());
            // `https://` with nothing after it is not an address.
            if !s[m.start()..end].ends_with("//") {
                push(m.start(), end, 0.95);
            }
        }
        let www = self.www.in_norm_if(text, || text.lower().contains("www"));
        for m in www.iter().flat_map(|r| r.find_iter()) {
            if m.start() == 0 || !matches!(s.as_bytes()[m.start() - 1], b'/' | b'.' | b'@') {
                push(m.start(), m.start() + trimmed_len(m.as_str()), 0.9);
            }
        }
        let bare = self.bare.in_norm_if(text, || {
            s.match_indices('.').any(|(i, _)| {
                s.as_bytes().get(i + 1).is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80)
            })
        });
        for c in bare.iter().flat_map(|r| r.captures_iter()) {
            let m = c.get(0).expect("group 0");
            let tld = c.name("tld").expect("tld group").as_str().to_ascii_lowercase();
            let end = m.start() + trimmed_len(m.as_str());
            if !BARE_TLDS.contains(&tld.as_str()) || !bare_is_whole(s, m.start(), m.end()) {
                continue;
            }
            let has_path = c.name("path").is_some_and(|p| p.start() < end);
            let cued = text.cue_before(m.start()).is_some_and(|c| c.kind == CueKind::Url)
                || text.cue_near(m.start(), CUE_WINDOW, &[CueKind::Url]).is_some();
            let confidence = match (has_path, cued) {
                (true, _) => 0.85,
                (false, true) => 0.8,
                (false, false) => continue,
            };
            push(m.start(), end, confidence);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use super::*;

    fn urls(s: &str) -> Vec<String> {
        run(&Url::new(), s).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn trimming() {
        fn t(u: &str) -> &str {
            &u[..trimmed_len(u)]
        }
        assert_eq!(t("https://example.org/a."), "https://example.org/a");
        assert_eq!(t("https://example.org/a)."), "https://example.org/a");
        assert_eq!(t("https://example.org/wiki/a_(b)"), "https://example.org/wiki/a_(b)");
        assert_eq!(t("https://example.org/wiki/a_(b))"), "https://example.org/wiki/a_(b)");
        assert_eq!(t("https://example.org/?q=1&r=2!?"), "https://example.org/?q=1&r=2");
        assert_eq!(t("\"https://example.org/\","), "\"https://example.org/");
    }

    #[test]
    fn bare_wholeness() {
        assert!(bare_is_whole("see example.org/x", 4, 17));
        assert!(!bare_is_whole("jane@example.org", 5, 16));
        assert!(!bare_is_whole("jane.doe@example.org", 0, 8));
        assert!(!bare_is_whole("https://example.org", 8, 19));
        assert!(!bare_is_whole("a.example.org", 2, 13));
    }

    #[test]
    fn addresses() {
        for u in [
            "https://portal.example.org/patient/88123?tab=labs#top",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG/A",
            "ftp://files.example.org/pub/x.pdf",
            "www.example.org",
            "www.example.org/clinic",
            "portal.example.org/patient/88123",
            "example.test/path",
            "http://[2001:db8::1]:8080/status",
        ] {
            assert_eq!(urls(&format!("see {u}.")), vec![u.to_owned()], "{u}");
        }
    }

    #[test]
    fn cue_or_path_for_bare_domains() {
        assert_eq!(urls("website: example.org"), vec!["example.org"]);
        assert_eq!(urls("I found example.org helpful"), Vec::<String>::new());
    }

    #[test]
    fn brackets_and_markdown() {
        assert_eq!(urls("(see https://example.org/a)"), vec!["https://example.org/a"]);
        assert_eq!(
            urls("[portal](https://portal.example.org/login)"),
            vec!["https://portal.example.org/login"]
        );
        assert_eq!(
            urls("[https://a.example.org](https://b.example.org/x)"),
            vec!["https://a.example.org", "https://b.example.org/x"]
        );
    }

    #[test]
    fn not_urls() {
        for s in [
            "jane@example.org",
            "jane.doe@portal.example.org",
            "see report.pdf",
            "notes in README.md/",
            "K 3.5",
            "e.g. tylenol",
            "metoprolol 25 mg b.i.d.",
            "q.d. dosing",
            "1.5mg/kg",
            "St.Louis",
            "https://",
        ] {
            assert_eq!(urls(s), Vec::<String>::new(), "{s}");
        }
    }
}
