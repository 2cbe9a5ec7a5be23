//! IP addresses: dotted IPv4 and IPv6 in full, compressed and IPv4-mapped forms.
//!
//! IPv4 has the shape of four-part version numbers and document section numbers, so a match must
//! be a whole token (not a slice of `1.2.3.4.5` or an OID), have octets 0-255 without leading
//! zeros, and not follow a version word (`version 1.2.3.4`). IPv6 candidates are validated by the
//! standard library's parser, which refuses times (`10:30:45`) and MAC addresses (six groups, no
//! `::`). Prefix lengths (`/24`), ports (`:8080`) and zone ids (`%eth0`) are left out of the span.

use std::net::Ipv6Addr;

use super::re::Re;

use super::{Candidate, Label, Recognizer, Text};
use crate::detect::cues::CueKind;

/// Words that make a following dotted quad a version or section number.
const VERSION_WORDS: &[&str] = &[
    "v", "ver", "version", "build", "release", "rev", "revision", "firmware", "fw", "software",
    "app", "update", "patch", "section", "sec", "step", "chapter", "clause", "item", "figure",
    "fig", "table", "rule", "oid",
];

/// The IP recognizer.
pub(crate) struct Ip {
    /// Four dot-separated runs of 1-3 digits; octet values are checked afterwards.
    v4: Re,
    /// Colon-separated hex groups, optionally ending in a dotted quad (tried first, so the quad
    /// is not cut at its first dot); validated by `Ipv6Addr`.
    v6: Re,
}

impl Ip {
    /// Compiles the patterns.
    pub(crate) fn new() -> Self {
        Ip {
            v4: Re::new(r"\d{1,3}(?:\.\d{1,3}){3}", "v4 pattern compiles"),
            v6: Re::new(
                r"(?i)(?:[0-9a-f]{1,4}:|:){1,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4}|:)",
                "v6 pattern compiles",
            ),
        }
    }
}

/// True when every octet is 0-255 and none has a leading zero (`010` is ambiguous, often octal).
fn octets_ok(quad: &str) -> bool {
    quad.split('.').all(|o| {
        !o.is_empty()
            && (o == "0" || !o.starts_with('0'))
            && o.parse::<u16>().is_ok_and(|v| v <= 255)
    })
}

/// True when the dotted quad at `start..end` is a whole token: not glued to a word character, not
/// continuing a longer dotted run (`1.2.3.4.5`, an OID), and not the tail of an IPv6 address.
fn v4_is_whole(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let before = start.checked_sub(1).map(|i| b[i]);
    let after = b.get(end).copied();
    let glued = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_');
    // `::ffff:10.2.3.4`: the quad is the tail of an IPv6 address (`ip:10.2.3.4` is not).
    let v6_tail = before == Some(b':')
        && start >= 2
        && (b[start - 2].is_ascii_hexdigit() || b[start - 2] == b':');
    if glued(before) || glued(after) || v6_tail {
        return false;
    }
    let continues = |c: Option<u8>, next: Option<u8>| {
        c == Some(b'.') && next.is_some_and(|n| n.is_ascii_digit())
    };
    !continues(before, start.checked_sub(2).map(|i| b[i]))
        && !continues(after, b.get(end + 1).copied())
}

/// True when the word right before `start` (skipping spaces, `:` and `#`) names a version,
/// release or document section.
fn after_version_word(lower: &str, start: usize) -> bool {
    let head = lower[..start].trim_end_matches([' ', ':', '#', '\t']);
    // NOTE: past the whole char found: it may be multi-byte (an emoji right before the
    // address made `i + 1` land inside it and panic; found by the evasion corpus).
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    VERSION_WORDS.contains(&&head[word_start..])
}

/// True when the IPv6 candidate at `start..end` stands alone: not glued to a word character or
/// further hex/colon text (the regex stops early on garbage like `1:2:3:4:5:6:7:8:9`).
fn v6_is_whole(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let before = start.checked_sub(1).map(|i| b[i]);
    let after = b.get(end).copied();
    let glued_before =
        before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'_' | b'.'));
    let glued_after = after.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'_'));
    let dotted_after = after == Some(b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
    !glued_before && !glued_after && !dotted_after
}

/// True when an IPv6 candidate parses and is not a shape that is more often something else: it
/// must contain a decimal digit (`dead::beef`, `a::b` in code are not addresses) and, with fewer
/// than three colons, must be compressed (`::1`, `fe80::1`).
fn v6_ok(cand: &str) -> bool {
    cand.parse::<Ipv6Addr>().is_ok()
        && cand.bytes().any(|c| c.is_ascii_digit())
        && (cand.contains("::") || cand.matches(':').count() >= 7)
}

impl Recognizer for Ip {
    fn name(&self) -> &'static str {
        "ip"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Ip]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let s = text.norm();
        let lower = text.lower();
        let cued = |start: usize| text.cue_near(start, 32, &[CueKind::Ip]).is_some();
        for m in self.v4.in_norm(text).find_iter() {
            if octets_ok(m.as_str())
                && v4_is_whole(s, m.start(), m.end())
                && !after_version_word(lower, m.start())
            {
                let confidence = if cued(m.start()) { 0.95 } else { 0.9 };
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    label: Label::Ip,
                    confidence,
                });
            }
        }
        for m in self.v6.in_norm(text).find_iter() {
            // A dotted tail must itself be a valid quad (`::ffff:192.0.2.1`).
            let tail_ok =
                !m.as_str().contains('.') || m.as_str().rsplit(':').next().is_some_and(octets_ok);
            if tail_ok && v6_ok(m.as_str()) && v6_is_whole(s, m.start(), m.end()) {
                let confidence = if cued(m.start()) { 0.95 } else { 0.9 };
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    label: Label::Ip,
                    confidence,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use super::*;

    fn ips(s: &str) -> Vec<String> {
        run(&Ip::new(), s).into_iter().map(|(_, t)| t).collect()
    }

    /// Regression: `login from 📞203.0.113.57` panicked slicing inside the emoji.
    #[test]
    fn a_multibyte_char_right_before_the_address_does_not_panic() {
        assert_eq!(ips("login from \u{1F4DE}203.0.113.57"), ["203.0.113.57"]);
        assert_eq!(ips("\u{1F4DE}version 10.2.3.4"), Vec::<String>::new());
    }

    #[test]
    fn octets() {
        assert!(octets_ok("10.2.3.4"));
        assert!(octets_ok("0.0.0.0"));
        assert!(octets_ok("255.255.255.255"));
        assert!(!octets_ok("256.1.1.1"));
        assert!(!octets_ok("10.02.3.4"));
        assert!(!octets_ok("010.2.3.4"));
    }

    #[test]
    fn v4_wholeness() {
        assert!(v4_is_whole("host 10.2.3.4/24", 5, 13));
        assert!(v4_is_whole("10.2.3.4:8080", 0, 8));
        assert!(!v4_is_whole("1.10.2.3.4", 2, 10));
        assert!(!v4_is_whole("10.2.3.4.5", 0, 8));
        assert!(!v4_is_whole("v10.2.3.4", 1, 9));
        assert!(!v4_is_whole("::ffff:10.2.3.4", 7, 15));
        assert!(v4_is_whole("ip:10.2.3.4", 3, 11));
    }

    #[test]
    fn version_words() {
        assert!(after_version_word("version 1.2.3.4", 8));
        assert!(after_version_word("app v 1.2.3.4", 6));
        assert!(after_version_word("see section 4.2.1.3", 12));
        assert!(!after_version_word("server 10.2.3.4", 7));
        assert!(!after_version_word("10.2.3.4", 0));
    }

    #[test]
    fn v6_shapes() {
        assert!(v6_ok("2001:db8::1"));
        assert!(v6_ok("::1"));
        assert!(v6_ok("fe80::1"));
        assert!(v6_ok("::ffff:192.0.2.1"));
        assert!(v6_ok("2001:0db8:0000:0000:0000:ff00:0042:8329"));
        assert!(!v6_ok("10:30:45"));
        assert!(!v6_ok("00:1a:2b:3c:4d:5e"));
        assert!(!v6_ok("dead::beef"));
        assert!(!v6_ok("1:2:3"));
        assert!(v6_is_whole("addr 2001:db8::1/64", 5, 16));
        assert!(!v6_is_whole("std::io", 3, 5));
    }

    #[test]
    fn addresses() {
        for (text, ip) in [
            ("from 10.2.3.4 at login", "10.2.3.4"),
            ("subnet 192.168.10.0/24", "192.168.10.0"),
            ("http proxy 172.16.0.5:8080", "172.16.0.5"),
            ("IP: 2001:db8::1", "2001:db8::1"),
            ("loopback ::1 only", "::1"),
            ("link-local fe80::1%eth0", "fe80::1"),
            ("mapped ::ffff:192.0.2.1.", "::ffff:192.0.2.1"),
            ("2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:0db8:0000:0000:0000:ff00:0042:8329"),
        ] {
            assert_eq!(ips(text), vec![ip.to_owned()], "{text}");
        }
    }

    #[test]
    fn not_addresses() {
        for s in [
            "v1.2.3.4",
            "version 1.2.3.4",
            "03.14.2024",
            "10:30:45",
            "mac 00:1a:2b:3c:4d:5e",
            "256.1.1.1",
            "OID 1.2.840.113619.2",
            "std::io",
            "K 3.5, Na 140",
        ] {
            assert_eq!(ips(s), Vec::<String>::new(), "{s}");
        }
    }
}
