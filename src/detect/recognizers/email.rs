//! Email addresses: the standard `local@domain.tld` form and the obfuscated forms patients type to
//! dodge spam filters (`jane.doe at example dot org`, `jane[at]example[dot]org`,
//! `jane (at) example.org`).
//!
//! The standard form is precise on its own once the top-level label is letters (which rules out
//! `lodash@4.17.21`) and the local part is really there (which rules out `@mentions`, decorators
//! and `5 @ 10mg`). The obfuscated forms with a plain ` at ` are English ("looked at example.org"),
//! so they need a sign that the writer was spelling an address: a spelled-out ` dot `, or a local
//! part with a dot, underscore, plus or digit.

use super::re::Re;

use super::{Candidate, Label, Recognizer, Text};

/// Top-level domains an obfuscated address may end in. A spelled-out `at`/`dot` form has no other
/// anchor, so its last label must be a real, common TLD.
const OBFUSCATED_TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "mil", "io", "us", "co", "uk", "ca", "info", "biz", "me",
    "health", "care", "test", "invalid", "example", "de", "fr", "mx", "in", "au", "app", "dev",
];

/// The email recognizer.
pub(crate) struct Email {
    /// `local@domain.tld`.
    plain: Re,
    /// `local <at> domain <dot> tld` with bracketed or spelled-out `at` and `dot`.
    obfuscated: Re,
}

impl Email {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        let plain = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}";
        // Matched on the lower-cased text. `at`: bracketed in (), [], {} or <>, or a spaced word;
        // `dot`: the same, or a real dot.
        let at = r"(?:\s*[\(\[\{<]\s*at\s*[\)\]\}>]\s*|\s+at\s+)";
        let dot = r"(?:\s*[\(\[\{<]\s*dot\s*[\)\]\}>]\s*|\s+dot\s+|\.)";
        let obfuscated = format!(
            r"(?P<local>[a-z0-9_%+-]+(?:{dot}[a-z0-9_%+-]+)*){at}(?P<domain>[a-z0-9-]+(?:{dot}[a-z0-9-]+)+)"
        );
        Email {
            plain: Re::new(plain, "plain email pattern compiles"),
            obfuscated: Re::new(&obfuscated, "obfuscated email pattern compiles"),
        }
    }
}

/// Whether `lower` holds `at` with a space or an opening bracket before it and a space or a
/// closing bracket after it, as every obfuscated match does (a byte of a non-ASCII character
/// counts as a space: Unicode `\s` holds some).
fn spaced_at(lower: &str) -> bool {
    let space = |c: u8| matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') || c >= 0x80;
    let b = lower.as_bytes();
    lower.match_indices("at").any(|(i, _)| {
        i > 0
            && (space(b[i - 1]) || b"([{<".contains(&b[i - 1]))
            && b.get(i + 2).is_some_and(|&c| space(c) || b")]}>".contains(&c))
    })
}

/// True when a local part is well formed: it does not start or end with a dot and has no `..`.
fn local_part_ok(local: &str) -> bool {
    !local.is_empty() && !local.starts_with('.') && !local.ends_with('.') && !local.contains("..")
}

/// True when the match is a whole token: not glued to a word character or another `@` on either
/// side (`@@x`, `a@b.c@d`), and, for the obfuscated form, not part of a URL path.
fn is_whole(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let glued = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'@' | b'_');
    let glued_before = start > 0 && glued(b[start - 1]);
    let glued_after = b.get(end).is_some_and(|&c| glued(c) || c == b'-');
    !glued_before && !glued_after
}

/// True when a spelled-out form is believable as an address: bracketed `[at]`/`(at)` always is;
/// a plain ` at ` needs a spelled ` dot ` or a local part that does not look like an English word.
fn obfuscation_believable(at_bracketed: bool, local: &str, domain: &str) -> bool {
    if at_bracketed {
        return true;
    }
    let spelled_dot =
        domain.contains(" dot ") || domain.contains("dot]") || domain.contains("dot)");
    spelled_dot || local.bytes().any(|c| matches!(c, b'.' | b'_' | b'+') || c.is_ascii_digit())
}

/// The last label of an obfuscated domain (`org` in `example dot org`).
fn last_label(domain: &str) -> &str {
    domain.rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).next().unwrap_or("")
}

impl Recognizer for Email {
    fn name(&self) -> &'static str {
        "email"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Email]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let s = text.norm();
        // A text without an `@`, or without an `at` between spaces or brackets, does not
        // compile the pattern.
        let plain = self.plain.in_norm_if(text, || s.contains('@'));
        for m in plain.iter().flat_map(|r| r.find_iter()) {
            let local = &m.as_str()[..m.as_str().find('@').unwrap_or(0)];
            if local_part_ok(local) && is_whole(s, m.start(), m.end()) {
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    label: Label::Email,
                    confidence: 0.95,
                });
            }
        }
        let lower = text.lower();
        let Some(obfuscated) = self.obfuscated.in_lower_if(text, || spaced_at(lower)) else {
            return;
        };
        let mut pos = 0;
        while let Some(c) = obfuscated.captures_at(pos) {
            let m = c.get(0).expect("group 0");
            let local = c.name("local").expect("local group");
            let domain = c.name("domain").expect("domain group").as_str();
            // A rejected match resumes right after its local part, so `me at jane dot doe at
            // example dot com` still finds the address that starts inside the rejected span.
            pos = local.end();
            let bracketed = !lower[local.end()..].trim_start().starts_with("at");
            if !local_part_ok(local.as_str())
                || !is_whole(lower, m.start(), m.end())
                || !OBFUSCATED_TLDS.contains(&last_label(domain))
                || !obfuscation_believable(bracketed, local.as_str(), domain)
            {
                continue;
            }
            pos = m.end();
            let confidence = if bracketed { 0.9 } else { 0.8 };
            out.push(Candidate { start: m.start(), end: m.end(), label: Label::Email, confidence });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use super::*;

    fn emails(s: &str) -> Vec<String> {
        run(&Email::new(), s).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn local_parts() {
        assert!(local_part_ok("jane.doe+clinic"));
        assert!(!local_part_ok(".jane"));
        assert!(!local_part_ok("jane."));
        assert!(!local_part_ok("ja..ne"));
        assert!(!local_part_ok(""));
    }

    #[test]
    fn wholeness() {
        assert!(is_whole("mail jane@example.org.", 5, 21));
        assert!(!is_whole("x@jane@example.org", 2, 18));
        assert!(!is_whole("jane@example.org-x", 0, 16));
    }

    #[test]
    fn believable_obfuscation() {
        assert!(obfuscation_believable(true, "jane", "example.org"));
        assert!(obfuscation_believable(false, "jane", "example dot org"));
        assert!(obfuscation_believable(false, "jane.doe", "example.org"));
        assert!(obfuscation_believable(false, "jdoe42", "example.org"));
        assert!(!obfuscation_believable(false, "looked", "example.org"));
        assert_eq!(last_label("example dot org"), "org");
        assert_eq!(last_label("example[dot]org"), "org");
    }

    #[test]
    fn plain_addresses() {
        assert_eq!(
            emails("mail Jane.Doe+labs@Mail.Example.ORG."),
            vec!["Jane.Doe+labs@Mail.Example.ORG"]
        );
        assert_eq!(emails("mailto:jdoe@example.org"), vec!["jdoe@example.org"]);
    }

    #[test]
    fn obfuscated_addresses() {
        for e in [
            "jane.doe at example dot org",
            "jane[at]example[dot]org",
            "jane (at) example.org",
            "Jane AT example DOT com",
            "jane {at} example {dot} org",
            "jane dot doe at example dot com",
        ] {
            assert_eq!(emails(&format!("write to {e} thanks")), vec![e.to_owned()], "{e}");
        }
    }

    #[test]
    fn rejected_match_does_not_hide_the_next() {
        assert_eq!(
            emails("email me at jane dot doe at example dot com"),
            vec!["jane dot doe at example dot com"]
        );
    }

    #[test]
    fn not_emails() {
        for s in [
            "thanks @drsmith",
            "give 5 @ 10mg",
            "@Override",
            "npm i lodash@4.17.21",
            "looked at example.org",
            "meet at clinic dot tomorrow",
            "user@localhost",
            "jane..doe@example.org",
        ] {
            assert_eq!(emails(s), Vec::<String>::new(), "{s}");
        }
    }
}
