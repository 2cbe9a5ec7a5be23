//! The shape of an identifier value, and the small vetoes that keep clinical text out of it.
//!
//! A cue says "an identifier follows"; this file decides how far the identifier runs and whether
//! what follows is an identifier at all. `case of pneumonia`, `card 4 weeks`, `ref 3.5-5.0` and
//! `Encounter 03/14/2024` all sit right after an id cue; the functions here turn them down.

/// A value parsed at some position: its span and its groups of letters and digits.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Token {
    /// Start, in bytes of the folded text.
    pub(super) start: usize,
    /// End, exclusive: the end of the last group, so trailing punctuation is never included.
    pub(super) end: usize,
    /// The groups of word characters, in order, as byte ranges.
    pub(super) groups: Vec<(usize, usize)>,
    /// True when the groups are joined by single spaces (`W123 456 789`), false for `-`, `.`,
    /// `/` or a single group.
    pub(super) spaced: bool,
}

/// Longest group that may start or continue a space-joined value: grouped digits come in short
/// blocks (`A 123 456 789`, `4111 1111 1111 1111`), so `00123456 3 days` does not join.
const MAX_SPACED_LEAD: usize = 6;

/// Longest group a space may add (the tail of `A 123456789`).
const MAX_SPACED_TAIL: usize = 10;

fn group_end(b: &[u8], i: usize, underscore: bool) -> usize {
    let mut j = i;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || (underscore && b[j] == b'_')) {
        j += 1;
    }
    j
}

fn has_digit(g: &[u8]) -> bool {
    g.iter().any(u8::is_ascii_digit)
}

fn all_caps(g: &[u8]) -> bool {
    g.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

fn is_joiner(c: u8) -> bool {
    matches!(c, b'-' | b'.' | b'/')
}

/// Parses the value starting at `start` (an ASCII letter or digit) of the folded text `b`.
///
/// Groups are joined either by one of `-` `.` `/` (`12-3456-78`, `S24-12345`) or by single
/// spaces (`W123 456 789`), never both. A space-joined group must contain a digit, or be an
/// all-caps group with a digit group after it (`7 ABC 123`), so `MRN 1234567 was seen` stops at
/// the number. `underscore` lets `_` into groups (usernames).
pub(super) fn parse(b: &[u8], start: usize, underscore: bool) -> Option<Token> {
    if start >= b.len() || !b[start].is_ascii_alphanumeric() {
        return None;
    }
    let mut groups = vec![(start, group_end(b, start, underscore))];
    let mut spaced = false;
    let mut joined = false;
    // Longest group so far, kept as we go so a long spaced run stays linear.
    let mut longest = groups[0].1 - start;
    let mut i = groups[0].1;
    while i + 1 < b.len() && (b[i + 1].is_ascii_alphanumeric()) {
        let may_space = b[i] == b' '
            && !joined
            && longest <= MAX_SPACED_LEAD
            && space_may_join(b, groups[0], groups.len() == 1, i + 1, underscore);
        if (is_joiner(b[i]) && !spaced) || may_space {
            let e = group_end(b, i + 1, underscore);
            groups.push((i + 1, e));
            longest = longest.max(e - i - 1);
            spaced |= may_space;
            joined |= !may_space;
            i = e;
        } else {
            break;
        }
    }
    Some(Token { start, end: i, groups, spaced })
}

/// Whether the group at `s` may join the value by the space before it; `first` is the value's
/// first group and `alone` says whether it is the only one so far.
fn space_may_join(
    b: &[u8],
    first: (usize, usize),
    alone: bool,
    s: usize,
    underscore: bool,
) -> bool {
    let first = &b[first.0..first.1];
    // A lower-case word ("a", "of") never leads a spaced value; "A 123" and "w123 456" do.
    if alone && !has_digit(first) && !all_caps(first) {
        return false;
    }
    let e = group_end(b, s, underscore);
    let g = &b[s..e];
    if !(2..=MAX_SPACED_TAIL).contains(&g.len()) {
        return false;
    }
    // "1234 03/14/2024": the next group belongs to something punctuated of its own.
    if e + 1 < b.len() && is_joiner(b[e]) && b[e + 1].is_ascii_alphanumeric() {
        return false;
    }
    if has_digit(g) {
        return true;
    }
    // An all-caps group joins only on the way to another digit group ("7 ABC 123").
    all_caps(g)
        && g.len() <= 3
        && b.get(e) == Some(&b' ')
        && b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric)
        && has_digit(&b[e + 1..group_end(b, e + 1, underscore)])
}

impl Token {
    /// The same token without its last space-joined group, when there is one to drop.
    pub(super) fn without_last_group(&self) -> Option<Token> {
        if !self.spaced || self.groups.len() < 2 {
            return None;
        }
        let mut groups = self.groups.clone();
        groups.pop();
        let end = groups.last().map(|g| g.1)?;
        Some(Token { start: self.start, end, spaced: groups.len() > 1, groups })
    }

    /// The group lengths and the bytes joining them: two list items with the same signature have
    /// the same format (`0012345 / 0012346`).
    pub(super) fn signature(&self, b: &[u8]) -> Vec<usize> {
        let mut sig = Vec::with_capacity(self.groups.len() * 2);
        for (k, &(s, e)) in self.groups.iter().enumerate() {
            if k > 0 {
                sig.push(usize::from(b[s - 1]) + 1000);
            }
            sig.push(e - s);
        }
        sig
    }
}

/// Letters and digits in `v`, and how many of them are digits.
pub(super) fn counts(v: &str) -> (usize, usize) {
    let alnum = v.bytes().filter(u8::is_ascii_alphanumeric).count();
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    (alnum, digits)
}

/// `v` with separators dropped and letters upper-cased, for the checksums.
pub(super) fn compact(v: &str) -> String {
    v.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|c| char::from(c.to_ascii_uppercase()))
        .collect()
}

fn numeric_groups<'a>(v: &'a str, seps: &[u8]) -> Option<Vec<&'a str>> {
    let parts: Vec<&str> = v.split(|c: char| seps.contains(&(c as u8))).collect();
    parts.iter().all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit())).then_some(parts)
}

/// Dates (`03/14/2024`, `2024-03-14`, `3.14.24`), month/year (`3/2024`), year ranges
/// (`2020-2022`) and ratios or doses (`128/82`, `5/325`): numbers that follow an id cue by
/// accident.
pub(super) fn is_date_or_ratio(v: &str) -> bool {
    let Some(parts) = numeric_groups(v, b"/-.") else { return false };
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let seps: Vec<u8> = v.bytes().filter(|c| !c.is_ascii_digit()).collect();
    match *lens.as_slice() {
        [a, b] => {
            (seps[0] == b'/' && a <= 4 && b <= 4)
                || (a <= 2 && b <= 2)
                || (is_year(parts[0]) && is_year(parts[1]))
        }
        [a, b, c] => {
            let n = |k: usize| parts[k].parse::<u32>().unwrap_or(0);
            let month_day = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
            seps[0] == seps[1]
                && ((a <= 2 && b <= 2 && (c == 2 || c == 4))
                    && (month_day(n(0), n(1)) || month_day(n(1), n(0)))
                    || (a == 4 && b <= 2 && c <= 2 && month_day(n(1), n(2))))
        }
        _ => false,
    }
}

/// Decimals and decimal ranges: lab values and reference ranges (`3.5-5.0`, `7.42`). A whole
/// part with a leading zero (`036.822654`, a state licence number) is not a measured value:
/// quantities are written `0.5`, never `03.5`.
pub(super) fn is_quantity(v: &str) -> bool {
    if !v.contains('.') {
        return false;
    }
    v.split(['-', '/']).all(|n| {
        let mut it = n.split('.');
        let whole = it.next().unwrap_or("");
        let frac = it.next();
        it.next().is_none()
            && !whole.is_empty()
            && !(whole.len() > 1 && whole.starts_with('0'))
            && whole.bytes().all(|c| c.is_ascii_digit())
            && match frac {
                Some(f) => !f.is_empty() && f.bytes().all(|c| c.is_ascii_digit()),
                None => true,
            }
    })
}

/// A bare year, 1900-2099 (`Policy 2024 update`, `cert 2019`), or a decade (`the 1990s`).
pub(super) fn is_year(v: &str) -> bool {
    let v = v.strip_suffix('s').unwrap_or(v);
    v.len() == 4
        && v.bytes().all(|c| c.is_ascii_digit())
        && (v.starts_with("19") || v.starts_with("20"))
}

/// A compact timestamp `yyyymmddhhmm[ss]`: a date, not an identifier.
pub(super) fn is_timestamp(v: &str) -> bool {
    if !(v.len() == 12 || v.len() == 14) || !v.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let n = |r: std::ops::Range<usize>| v[r].parse::<u32>().unwrap_or(99);
    (1900..=2099).contains(&n(0..4))
        && (1..=12).contains(&n(4..6))
        && (1..=31).contains(&n(6..8))
        && n(8..10) <= 23
        && n(10..12) <= 59
}

/// Units of measure and time that make the number before them a quantity (`1000 mg`,
/// `4 weeks`). Matched on the lower-cased word after the value.
const UNITS: &[&str] = &[
    "mg", "mcg", "ug", "g", "kg", "lb", "lbs", "ml", "l", "cc", "units", "u", "iu", "meq", "mmol",
    "mmhg", "cm", "mm", "ft", "min", "mins", "sec", "hr", "hrs", "hours", "days", "day", "weeks",
    "wk", "wks", "months", "mo", "years", "yrs", "yr", "times", "tabs", "tablets", "caps", "puffs",
    "drops", "mg/dl", "mmol/l", "bpm", "mph", "pct", "percent", "steps", "cal", "kcal",
];

/// True when a unit of measure (or `%`) follows `end` in the lower-cased text.
pub(super) fn unit_follows(lower: &str, end: usize) -> bool {
    let rest = &lower.as_bytes()[end..];
    if rest.first() == Some(&b'%') {
        return true;
    }
    let skip = usize::from(rest.first() == Some(&b' '));
    let word_end = rest[skip..]
        .iter()
        .position(|c| !(c.is_ascii_alphabetic() || *c == b'/'))
        .map_or(rest.len(), |p| p + skip);
    let word = &lower[end + skip..end + word_end];
    !word.is_empty() && (UNITS.contains(&word) || rest.get(skip) == Some(&b'%'))
}

/// Two-letter US state and territory codes: `CA DL B1234567` starts with the issuing state, not
/// with the licence number.
const STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "PR", "GU", "VI",
];

/// True when `g` is a US state code.
pub(super) fn is_state_code(g: &str) -> bool {
    STATES.contains(&g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> &str {
        let t = parse(s.as_bytes(), 0, false).unwrap();
        &s[t.start..t.end]
    }

    #[test]
    fn punctuated_and_spaced_groups_join() {
        assert_eq!(value("12-3456-78."), "12-3456-78");
        assert_eq!(value("S24-12345, pending"), "S24-12345");
        assert_eq!(value("w123 456 789 for"), "w123 456 789");
        assert_eq!(value("A 123 456 789"), "A 123 456 789");
        assert_eq!(value("00 123 456"), "00 123 456");
        assert_eq!(value("7 ABC 123"), "7 ABC 123");
        assert_eq!(value("1EG4-TE5-MK73"), "1EG4-TE5-MK73");
    }

    #[test]
    fn spaced_values_stop_at_words_and_long_or_single_groups() {
        assert_eq!(value("1234567 was seen"), "1234567");
        assert_eq!(value("00123456 3 days"), "00123456");
        assert_eq!(value("123456 2 of 3"), "123456");
        assert_eq!(value("of pneumonia"), "of");
        assert_eq!(value("a 123456"), "a");
        assert_eq!(value("123 ABC"), "123");
        assert_eq!(value("1234 03/14/2024"), "1234");
        assert_eq!(value("12-34 567"), "12-34");
        assert_eq!(value("1234567 12 34"), "1234567");
    }

    #[test]
    fn long_runs_parse_in_linear_time() {
        let spaced = "12 ".repeat(200_000);
        let t = parse(spaced.as_bytes(), 0, false).unwrap();
        assert_eq!(t.groups.len(), 200_000);
        let dashed = "1-".repeat(200_000);
        assert_eq!(parse(dashed.as_bytes(), 0, false).unwrap().groups.len(), 200_000);
    }

    #[test]
    fn dropping_the_last_spaced_group() {
        let s = "1234 56 mg";
        let t = parse(s.as_bytes(), 0, false).unwrap();
        assert_eq!(&s[t.start..t.end], "1234 56");
        let t = t.without_last_group().unwrap();
        assert_eq!(&s[t.start..t.end], "1234");
        assert!(t.without_last_group().is_none());
    }

    #[test]
    fn dates_ratios_quantities_years_and_timestamps_are_recognized() {
        for v in
            ["03/14/2024", "3/14/24", "2024-03-14", "3.14.24", "128/82", "5/325", "3/2024", "10-12"]
        {
            assert!(is_date_or_ratio(v), "{v}");
        }
        assert!(is_date_or_ratio("2020-2022") && !is_date_or_ratio("2020-4318122"));
        for v in
            ["12-3456-78", "0012345/0012346", "123-45-6789", "2024-0091", "03/14-2024", "30-22-81"]
        {
            assert!(!is_date_or_ratio(v), "{v}");
        }
        for v in ["3.5-5.0", "7.42", "140.5", "0.9/1.2"] {
            assert!(is_quantity(v), "{v}");
        }
        for v in ["12.345.678", "A1.2", "1234", "036.822654", "041.150380"] {
            assert!(!is_quantity(v), "{v}");
        }
        assert!(is_year("2024") && is_year("1961") && !is_year("2124") && !is_year("20245"));
        assert!(is_year("1990s") && !is_year("1990x"));
        assert!(is_timestamp("20240314103000") && is_timestamp("202403141030"));
        assert!(!is_timestamp("123456789012") && !is_timestamp("20241314103000"));
    }

    #[test]
    fn units_after_a_number() {
        let l = "1000 mg, 4 weeks, 95%, 1234 in chart, 12345 mmhg";
        assert!(unit_follows(l, 4));
        assert!(unit_follows(l, 10));
        assert!(unit_follows(l, 20));
        assert!(!unit_follows(l, 27));
        assert!(unit_follows(l, 44));
    }
}
