//! Date surrogates: parse the date expression a finding covers, shift it by the vault's offset,
//! and write it back in the same format (`3/14` stays `M/D`, `March 14th, 2024` keeps its month
//! spelling, ordinal and year width).
//!
//! The same machinery runs backwards for re-identification: a date an LLM wrote in any format is
//! parsed, shifted by the negative offset, and written back in the format the LLM used.

/// A parsed date expression: the fields it has, and how to write them back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateExpr {
    /// The pieces of the original text, in order; fields are re-rendered, literals kept.
    parts: Vec<Part>,
    year: Option<i64>,
    month: u32,
    day: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Literal(String),
    Year {
        width: usize,
    },
    Month(MonthStyle),
    /// `pad`: written with a leading zero below 10 (`03`).
    Day {
        pad: bool,
        ordinal: Option<Case>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MonthStyle {
    /// `3`, or `03` when `pad`.
    Number { pad: bool },
    /// `Mar`, `mar.`, `March`, `MARCH`, `Sept`.
    Name { len: NameLen, case: Case, period: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameLen {
    /// `March`.
    Full,
    /// `Mar`, and `May` (a full name and an abbreviation at once: written like `Mar`).
    Abbrev,
    /// `Sept`: September as four letters, the other months as three.
    Sept,
}

/// Letter case of a word as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    Upper,
    Title,
}

impl Case {
    pub(crate) fn of(word: &str) -> Case {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else { return Case::Lower };
        let rest: Vec<char> = letters.collect();
        if first.is_uppercase() && !rest.is_empty() && rest.iter().all(|c| c.is_uppercase()) {
            Case::Upper
        } else if first.is_uppercase() {
            Case::Title
        } else {
            Case::Lower
        }
    }

    pub(crate) fn apply(self, word: &str) -> String {
        match self {
            Case::Lower => word.to_lowercase(),
            Case::Upper => word.to_uppercase(),
            Case::Title => {
                let mut cs = word.chars();
                match cs.next() {
                    Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                    None => String::new(),
                }
            }
        }
    }
}

/// The month names, lower case, January first (re-identification's date-tail check uses them).
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_from_word(w: &str) -> Option<(u32, NameLen)> {
    let lw = w.to_lowercase();
    if lw == "sept" {
        return Some((9, NameLen::Sept));
    }
    // NOTE: a lower-case `may` is read as the full name, so its surrogate is written in full
    // (`june`): lower-case abbreviations (`jun`) are taken for dates by neither the detector nor
    // the re-identifier, so `in may` became `in jun` and the answer's `jun` stayed (a strict
    // round_trip fuzz find). `May` in other cases stays an abbreviation (`23-May` -> `2-Jun`).
    if lw == "may" && w == lw {
        return Some((5, NameLen::Full));
    }
    for (i, full) in MONTHS.iter().enumerate() {
        if lw.len() == 3 && full.starts_with(&lw) {
            return Some((i as u32 + 1, NameLen::Abbrev));
        }
        if lw == *full {
            return Some((i as u32 + 1, NameLen::Full));
        }
    }
    None
}

fn month_name(m: u32, style: NameLen, case: Case) -> String {
    let full = MONTHS[(m - 1) as usize];
    let word = match style {
        NameLen::Full => full,
        NameLen::Sept if m == 9 => "sept",
        NameLen::Abbrev | NameLen::Sept => &full[..3],
    };
    case.apply(word)
}

/// Whole months nearest to `days` (a mean Gregorian month is 30.436875 days), at least one
/// unless `days` is 0; odd in `days`, so shifting back undoes a shift.
fn month_steps(days: i64) -> i64 {
    let k = (days.abs() * 1_000_000 + 15_218_437) / 30_436_875;
    days.signum() * k.max(1)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// A year to compute with when the expression has none: a leap year, so Feb 29 stays valid.
const YEARLESS: i64 = 2000;

enum Tok<'a> {
    Num(&'a str, Option<&'a str>),
    Word(&'a str),
    Other(&'a str),
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        if b[i].is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let num = &s[start..i];
            let sfx = ["st", "nd", "rd", "th", "ST", "ND", "RD", "TH"]
                .iter()
                .find(|x| s[i..].starts_with(**x) && !s[i + 2..].starts_with(char::is_alphabetic));
            match sfx {
                Some(x) => {
                    toks.push(Tok::Num(num, Some(&s[i..i + x.len()])));
                    i += x.len();
                }
                None => toks.push(Tok::Num(num, None)),
            }
        } else if s[i..].starts_with(char::is_alphabetic) {
            let end = s[i..].find(|c: char| !c.is_alphabetic()).map_or(s.len(), |k| i + k);
            toks.push(Tok::Word(&s[i..end]));
            i = end;
        } else {
            let c = s[i..].chars().next().map_or(1, char::len_utf8);
            toks.push(Tok::Other(&s[i..i + c]));
            i += c;
        }
    }
    toks
}

impl DateExpr {
    /// Parses a date expression as the DATE recognizer delimits it. `None` when it is not one
    /// this module can shift (the caller then falls back to redaction).
    pub(crate) fn parse(s: &str) -> Option<DateExpr> {
        let toks = tokenize(s);
        let has_month_word =
            toks.iter().any(|t| matches!(t, Tok::Word(w) if month_from_word(w).is_some()));
        if has_month_word {
            Self::parse_named(&toks)
        } else {
            Self::parse_numeric(&toks)
        }
    }

    fn parse_named(toks: &[Tok<'_>]) -> Option<DateExpr> {
        let (mut year, mut month, mut day) = (None, None, None);
        let mut parts = Vec::new();
        for t in toks {
            match t {
                Tok::Word(w) if month.is_none() && month_from_word(w).is_some() => {
                    let (m, len) = month_from_word(w)?;
                    month = Some(m);
                    parts.push(Part::Month(MonthStyle::Name {
                        len,
                        case: Case::of(w),
                        period: false,
                    }));
                }
                Tok::Other(".")
                    if matches!(
                        parts.last(),
                        Some(Part::Month(MonthStyle::Name { len: NameLen::Abbrev, .. }))
                    ) =>
                {
                    if let Some(Part::Month(MonthStyle::Name { period, .. })) = parts.last_mut() {
                        *period = true;
                    }
                }
                Tok::Num(n, sfx) if n.len() <= 2 && day.is_none() => {
                    // The first one- or two-digit number is the day; a later one is a short year.
                    day = Some(n.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?);
                    parts.push(Part::Day {
                        pad: n.len() == 2 && n.starts_with('0'),
                        ordinal: sfx.map(Case::of),
                    });
                }
                Tok::Num(n, None) if year.is_none() && (n.len() == 4 || n.len() == 2) => {
                    year = Some(expand_year(n)?);
                    parts.push(Part::Year { width: n.len() });
                }
                Tok::Num(..) => return None,
                Tok::Word(w) => parts.push(Part::Literal((*w).to_owned())),
                Tok::Other(o) => parts.push(Part::Literal((*o).to_owned())),
            }
        }
        let month = month?;
        if let Some(d) = day {
            if d > days_in_month(year.unwrap_or(YEARLESS), month) {
                return None;
            }
        }
        Some(DateExpr { parts, year, month, day })
    }

    fn parse_numeric(toks: &[Tok<'_>]) -> Option<DateExpr> {
        let nums: Vec<&str> = toks
            .iter()
            .filter_map(|t| match t {
                Tok::Num(n, None) => Some(*n),
                _ => None,
            })
            .collect();
        if toks.iter().any(|t| matches!(t, Tok::Word(_) | Tok::Num(_, Some(_)))) {
            return None;
        }
        let val = |n: &str| n.parse::<u32>().ok();
        // Field order: Y-M-D when the first number has 4 digits; D.M.Y when the first cannot be a
        // month; else the US M/D/Y.
        let (order, y, m, d): ([char; 3], Option<&str>, &str, Option<&str>) = match nums.as_slice()
        {
            [a] if a.len() == 8 => return Self::parse_compact(a),
            [a, b, c] if a.len() == 4 => (['y', 'm', 'd'], Some(*a), b, Some(*c)),
            [a, b, c] if val(a)? > 12 => (['d', 'm', 'y'], Some(*c), b, Some(*a)),
            [a, b, c] => (['m', 'd', 'y'], Some(*c), a, Some(*b)),
            [a, b] if a.len() == 4 => (['y', 'm', ' '], Some(*a), b, None),
            [a, b] if b.len() == 4 => (['m', 'y', ' '], Some(*b), a, None),
            [a, b] if val(a)? > 12 && val(b)? <= 12 => (['d', 'm', ' '], None, b, Some(*a)),
            [a, b] => (['m', 'd', ' '], None, a, Some(*b)),
            _ => return None,
        };
        let month = val(m).filter(|m| (1..=12).contains(m))?;
        let year = match y {
            Some(y) if y.len() == 4 || y.len() == 2 => Some(expand_year(y)?),
            Some(_) => return None,
            None => None,
        };
        let day = match d {
            Some(d) => Some(
                val(d)
                    .filter(|&d| d >= 1 && d <= days_in_month(year.unwrap_or(YEARLESS), month))?,
            ),
            None => None,
        };
        // Zero padding is a property of the whole expression: `03/14` pads, `3/14` and `12/31`
        // do not, ISO always does.
        let pad = order[0] == 'y' || nums.iter().any(|n| n.len() == 2 && n.starts_with('0'));
        let mut parts = Vec::new();
        let mut field = 0;
        for t in toks {
            match t {
                Tok::Num(n, _) => {
                    parts.push(match order[field] {
                        'y' => Part::Year { width: n.len() },
                        'm' => Part::Month(MonthStyle::Number { pad }),
                        _ => Part::Day { pad, ordinal: None },
                    });
                    field += 1;
                }
                Tok::Other(o) => parts.push(Part::Literal((*o).to_owned())),
                Tok::Word(w) => parts.push(Part::Literal((*w).to_owned())),
            }
        }
        Some(DateExpr { parts, year, month, day })
    }

    fn parse_compact(s: &str) -> Option<DateExpr> {
        let year: i64 = s[..4].parse().ok()?;
        let month: u32 = s[4..6].parse().ok().filter(|m| (1..=12).contains(m))?;
        let day: u32 =
            s[6..].parse().ok().filter(|&d| d >= 1 && d <= days_in_month(year, month))?;
        let parts = vec![
            Part::Year { width: 4 },
            Part::Month(MonthStyle::Number { pad: true }),
            Part::Day { pad: true, ordinal: None },
        ];
        Some(DateExpr { parts, year: Some(year), month, day: Some(day) })
    }

    /// Days since 1970-01-01 of the date this expression names (day 15 when it has no day, a
    /// fixed leap year when it has no year), used to compare dates across formats.
    pub(crate) fn epoch_days(&self) -> i64 {
        days_from_civil(self.year.unwrap_or(YEARLESS), self.month, self.day.unwrap_or(15))
    }

    /// True when the expression has a year.
    pub(crate) fn has_year(&self) -> bool {
        self.year.is_some()
    }

    /// True when the expression has a day of the month.
    pub(crate) fn has_day(&self) -> bool {
        self.day.is_some()
    }

    /// The same expression moved by `days`, in the same format.
    ///
    /// A month without a day (`Sep 2024`) moves by whole months, the nearest number to `days`
    /// and at least one: moved by days from its 15th, two neighbouring months could land in
    /// one (`Sep 2024` and `October 2024` both in `May 2025` after 228 days), and the answer
    /// could then restore only one of them; a shift under half a month would leave it as it
    /// was. Whole months keep each month its own, and intervals in months.
    pub(crate) fn shifted(&self, days: i64) -> DateExpr {
        if self.day.is_none() {
            let months = self.year.unwrap_or(YEARLESS) * 12 + i64::from(self.month) - 1;
            let to = months + month_steps(days);
            return DateExpr {
                parts: self.parts.clone(),
                year: self.year.map(|_| to.div_euclid(12)),
                month: u32::try_from(to.rem_euclid(12) + 1).expect("a month is 1 to 12"),
                day: None,
            };
        }
        let (y, m, d) = civil_from_days(self.epoch_days() + days);
        DateExpr {
            parts: self.parts.clone(),
            year: self.year.map(|_| y),
            month: m,
            day: self.day.map(|_| d),
        }
    }

    /// Writes the expression in its format.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Literal(s) => out.push_str(s),
                Part::Year { width } => {
                    let y = self.year.unwrap_or(YEARLESS);
                    if *width == 2 {
                        out.push_str(&format!("{:02}", y.rem_euclid(100)));
                    } else {
                        out.push_str(&format!("{y:04}"));
                    }
                }
                Part::Month(MonthStyle::Number { pad }) => {
                    out.push_str(&format!("{:0w$}", self.month, w = if *pad { 2 } else { 1 }));
                }
                Part::Month(MonthStyle::Name { len, case, period }) => {
                    out.push_str(&month_name(self.month, *len, *case));
                    if *period {
                        out.push('.');
                    }
                }
                Part::Day { pad, ordinal } => {
                    let d = self.day.unwrap_or(15);
                    out.push_str(&format!("{d:0w$}", w = if *pad { 2 } else { 1 }));
                    if let Some(case) = ordinal {
                        let sfx = match (d % 10, d % 100) {
                            (_, 11..=13) => "th",
                            (1, _) => "st",
                            (2, _) => "nd",
                            (3, _) => "rd",
                            _ => "th",
                        };
                        out.push_str(&case.apply(sfx));
                    }
                }
            }
        }
        out
    }
}

/// A two-digit year is read in a window: 00-29 as 20xx, 30-99 as 19xx (birth dates are old).
fn expand_year(y: &str) -> Option<i64> {
    let v: i64 = y.parse().ok()?;
    Some(match y.len() {
        4 => v,
        2 if v < 30 => 2000 + v,
        2 => 1900 + v,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift(s: &str, days: i64) -> String {
        DateExpr::parse(s).unwrap_or_else(|| panic!("parses {s:?}")).shifted(days).render()
    }

    #[test]
    fn civil_round_trip() {
        for days in [-800_000, -1, 0, 1, 59, 60, 10_000, 19_797, 800_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29) + 1), (2024, 3, 1));
    }

    #[test]
    fn numeric_formats_keep_their_shape() {
        assert_eq!(shift("3/14/2024", 10), "3/24/2024");
        assert_eq!(shift("03/14/2024", 20), "04/03/2024");
        assert_eq!(shift("03-14-24", -14), "02-29-24");
        assert_eq!(shift("2024-03-14", 365), "2025-03-14");
        assert_eq!(shift("14.03.2024", 1), "15.03.2024");
        assert_eq!(shift("3/14", 20), "4/3");
        assert_eq!(shift("20240314", 1), "20240315");
        assert_eq!(shift("12/31/1999", 1), "1/1/2000");
        assert_eq!(shift("01/31/1999", 1), "02/01/1999");
        assert_eq!(shift("3 / 14 / 2024", 1), "3 / 15 / 2024");
    }

    #[test]
    fn named_months_keep_spelling_ordinal_and_case() {
        assert_eq!(shift("March 14, 2024", 20), "April 3, 2024");
        assert_eq!(shift("march 14th", 8), "march 22nd");
        assert_eq!(shift("Mar. 14", 18), "Apr. 1");
        assert_eq!(shift("14 MARCH 2024", -14), "29 FEBRUARY 2024");
        assert_eq!(shift("Dec 2023", 31), "Jan 2024");
        assert_eq!(shift("the 3rd of March", 1), "the 4th of March");
        assert_eq!(shift("Sept 3", 30), "Oct 3");
        assert_eq!(shift("Aug 20", 14), "Sep 3");
        assert_eq!(shift("Sept 20", -14), "Sept 6");
        assert_eq!(shift("23-May", 1), "24-May");
        assert_eq!(shift("23-May", 10), "2-Jun");
        assert_eq!(shift("11/2019", 31), "12/2019");
        assert_eq!(shift("06/2017", -200), "11/2016");
        assert_eq!(shift("December 11th, 2023", 1), "December 12th, 2023");
    }

    #[test]
    fn a_lower_case_may_is_a_full_name_so_its_surrogate_is_found_again() {
        // `in jun` is no date to the detector or the re-identifier; `in june` is.
        assert_eq!(shift("may", 31), "june");
        assert_eq!(shift("may 2024", 31), "june 2024");
        assert_eq!(shift("May 2024", 31), "Jun 2024");
        assert_eq!(shift("june", -31), "may");
    }

    #[test]
    fn months_without_a_day_move_by_whole_months_and_never_merge() {
        // Moved by days from the 15th, `Sep 2024` and `October 2024` both became May 2025.
        assert_eq!(shift("Sep 2024", 228), "Apr 2025");
        assert_eq!(shift("October 2024", 228), "May 2025");
        assert_eq!(shift("Sep 2024", 5), "Oct 2024", "a small offset still moves the month");
        assert_eq!(shift("Jan 2024", -3), "Dec 2023");
        for days in -365..=365i64 {
            let mut seen = std::collections::HashSet::new();
            for m in 1..=24u32 {
                let text = format!("{}/{}", (m - 1) % 12 + 1, 2023 + (m - 1) / 12);
                let moved = DateExpr::parse(&text).unwrap().shifted(days);
                assert!(seen.insert(moved.render()), "{days}: two months in one");
                assert_eq!(moved.shifted(-days).render(), text, "{days}: shifted back");
                assert_eq!(days == 0, moved.render() == text, "{days}");
            }
        }
    }

    #[test]
    fn intervals_survive_shifting() {
        let a = DateExpr::parse("3/14/2024").unwrap();
        let b = DateExpr::parse("April 2, 2024").unwrap();
        let gap = b.epoch_days() - a.epoch_days();
        let (sa, sb) = (a.shifted(-123), b.shifted(-123));
        let (ra, rb) =
            (DateExpr::parse(&sa.render()).unwrap(), DateExpr::parse(&sb.render()).unwrap());
        assert_eq!(rb.epoch_days() - ra.epoch_days(), gap);
    }

    #[test]
    fn not_dates_are_refused() {
        for s in ["13/32/2024", "2/30/2024", "hello", "3/14/123", "5/5/5/5", "Feb 30"] {
            assert_eq!(DateExpr::parse(s), None, "{s:?}");
        }
    }
}
