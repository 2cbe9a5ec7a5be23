//! Re-identification: puts the real values back into a text that holds surrogates (an LLM's
//! answer). Reads only the vault's pairs and date offset; never detects.
//!
//! What is restored: every surrogate the vault issued, in any letter case (`JOHN BAKER`,
//! `john baker`), followed by a possessive or not; phone, fax and SSN surrogates however the LLM
//! re-grouped their digits; and dates in any format that shift back onto an original date of the
//! vault. Nothing else: text that is not a surrogate of this vault is left alone.
//!
//! What is never restored: anything inside a URL, a markdown link target or an HTML tag. A
//! prompt-injected answer that embeds a surrogate in a link or image address must not carry the
//! real value off the page when the browser follows it.
//!
//! [`Stream`] does the same for an answer arriving in chunks: it holds back only a tail that could
//! still grow into something to restore (or into a URL or tag), and for any split of a text into
//! chunks its output, concatenated, equals [`Rehydrator::rehydrate`] of the whole. A one-word
//! name or city surrogate (`Baker`, which may also be an ordinary word) is restored where it
//! reads as one, judged on a fixed window around it in both, so a stream holds such a word back
//! until the window's last bytes have arrived.

use std::borrow::Borrow;
mod check;

pub use check::{Leak, Leaks};

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::surrogate::date::{Case, DateExpr};
use crate::surrogate::Pair;
use crate::Label;

/// Restores the originals of one vault's surrogates.
pub struct Rehydrator {
    /// Lower-cased surrogate spellings, and the pair each restores.
    variants: Vec<(String, Vec<usize>)>,
    /// Per pair: restored only inside a NAME the name recognizer sees (a single name part
    /// derived from a full name: `Baker` may also be an ordinary word such as `Burns:`).
    needs_name: Vec<bool>,
    /// The NAME recognizer, every candidate kept, for `needs_name` pairs.
    names: &'static crate::Detector,
    /// The same spellings, sorted, for "could this tail still become one" checks.
    sorted: Vec<String>,
    /// The longest of them, in bytes: a stream holds back at most this much of a word.
    /// NOTE: computed once; per chunk it was a pass over every spelling of the vault.
    longest: usize,
    ac: Option<AhoCorasick>,
    pairs: Vec<Pair>,
    /// Digits of phone, fax and SSN surrogates -> pair.
    digits: HashMap<String, usize>,
    date_offset: i64,
    /// Original dates as (days since epoch, has a year).
    original_dates: HashSet<(i64, bool)>,
    /// Date and age surrogates as issued -> pair. They are short numbers (`4/5`, `97`) that
    /// ordinary text also contains, so they are restored only where the DATE or AGE recognizer
    /// sees a date or an age.
    numeric: HashMap<(Label, String), usize>,
    /// The DATE and AGE recognizers, every candidate kept (see `replacements`).
    dates: &'static crate::Detector,
    shapes: &'static Shapes,
}

impl std::fmt::Debug for Rehydrator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rehydrator").field("pairs", &self.pairs.len()).finish_non_exhaustive()
    }
}

struct Shapes {
    /// Digit groups that could be a phone or SSN written another way.
    digits: Regex,
    /// Places never to restore into: URLs, markdown link targets, HTML tags.
    zone: Regex,
}

fn shapes() -> &'static Shapes {
    static SHAPES: std::sync::OnceLock<Shapes> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| Shapes {
        digits: Regex::new(r"\+?\(?\d[\d ().-]{5,}\d").expect("digit shape compiles"),
        zone: Regex::new(
            r#"(?i)<[a-z/!][^>]*>|\]\([^)]*\)|\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>"'`]*"#,
        )
        .expect("zone pattern compiles"),
    })
}

/// The byte spans of `text` inside which nothing is restored: HTML tags, markdown link targets,
/// URLs (see the module documentation).
pub(crate) fn zones(text: &str) -> Vec<(usize, usize)> {
    shapes().zone.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// The recognizers a rehydrator consults, compiled once per process: they hold no pairs, and
/// compiling them per rehydrator made every rebuild (one per scrub that adds pairs) cost as
/// much as building a detector.
struct Recognizers {
    names: crate::Detector,
    dates: crate::Detector,
}

fn recognizers() -> &'static Recognizers {
    static R: std::sync::OnceLock<Recognizers> = std::sync::OnceLock::new();
    R.get_or_init(|| Recognizers {
        names: crate::Detector::builder().labels(&[Label::Name, Label::City]).build(),
        dates: crate::Detector::builder()
            .labels(&[Label::Date, Label::Age])
            .min_confidence(0.0)
            .build(),
    })
}

/// A character that glues a name or place surrogate to its neighbour. `_` does not: the
/// detector ends names there (`latoya sdd_dd`), so the re-identifier must restore there too.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn digits_of(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The phone identity: its digits without a leading country code 1.
pub(crate) fn phone_key(s: &str) -> String {
    let d = digits_of(s);
    match d.strip_prefix('1') {
        Some(rest) if d.len() == 11 => rest.to_owned(),
        _ => d,
    }
}

/// The phone identities of the digit groups in `text` that a rehydrator reads as a phone, fax
/// or SSN: the surrogate engine must not draw one of them (see `surrogate::avoid`).
pub(crate) fn digit_keys(text: &str) -> HashSet<String> {
    shapes()
        .digits
        .find_iter(text)
        .filter(|m| !text[..m.start()].chars().next_back().is_some_and(|c| c.is_ascii_digit()))
        .map(|m| phone_key(m.as_str()))
        .collect()
}

/// A finding of the name recognizer: byte range and label.
type Span = (usize, usize, Label);

/// One replacement: byte range of the text, what goes there, and the label of the pair it
/// restores.
type Rep = (usize, usize, String, Label);

impl Rehydrator {
    /// A rehydrator for these pairs and date offset (from [`crate::surrogate::Surrogates`]).
    pub fn new(pairs: &[Pair], date_offset: i64) -> Self {
        Rehydrator::build(pairs, date_offset, None)
    }

    /// A rehydrator over a few pairs, for one pass over one text (the scrubber's bystander
    /// check): its automaton is the cheapest to build, not the fastest to search.
    pub(crate) fn for_one_text(pairs: &[Pair], date_offset: i64) -> Self {
        // NOTE: `build_auto` picks a DFA for few patterns; building one cost about 700 K
        // instructions for 21 patterns, most of a scrub's time in a large vault.
        Rehydrator::build(pairs, date_offset, Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
    }

    fn build(
        pairs: &[Pair],
        date_offset: i64,
        kind: Option<aho_corasick::AhoCorasickKind>,
    ) -> Self {
        let pairs = with_name_parts(pairs);
        // A one-word name surrogate (`Baker`, given or derived from `John Baker`) may also be an
        // ordinary word of the answer (`Burns: 18% TBSA`): it is restored only where it reads
        // as a name.
        // A one-word city surrogate (`Malibu`) likewise only where it reads as a place.
        let needs_name: Vec<bool> = pairs
            .iter()
            .map(|p| matches!(p.label, Label::Name | Label::City) && !p.surrogate.contains(' '))
            .collect();
        let pairs = pairs.as_slice();
        let mut variants: Vec<(String, usize)> = Vec::new();
        let mut digits = HashMap::new();
        let mut original_dates = HashSet::new();
        let mut numeric = HashMap::new();
        for (i, p) in pairs.iter().enumerate() {
            match p.label {
                Label::Date => {
                    if let Some(d) = DateExpr::parse(&p.original) {
                        original_dates.insert((d.epoch_days(), d.has_year()));
                    }
                    // Restored where the date recognizer sees a date: exactly as issued, or in
                    // another spelling (below).
                    // NOTE: two spellings of one date can get the same surrogate when it lands
                    // in May (`Feb 21` and `February 21` both become `May 9`); the first issued
                    // spelling is the one restored.
                    numeric.entry((Label::Date, p.surrogate.clone())).or_insert(i);
                }
                // "90+" is an aggregate shared by every age over 89: not reversible by design.
                Label::Age if p.surrogate.ends_with('+') => {}
                Label::Age => {
                    numeric.entry((Label::Age, p.surrogate.clone())).or_insert(i);
                }
                _ => {
                    if matches!(p.label, Label::Phone | Label::Fax | Label::Ssn) {
                        digits.insert(phone_key(&p.surrogate), i);
                    }
                    variants.push((p.surrogate.to_lowercase(), i));
                }
            }
        }
        variants.retain(|(v, _)| !v.is_empty());
        // One pattern per spelling; several pairs may share it in different letter cases
        // (`Van der Berg`, `van der berg`): the match picks the one written exactly so.
        let mut grouped: Vec<(String, Vec<usize>)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for (v, i) in variants {
            match at.get(&v) {
                Some(&g) => grouped[g].1.push(i),
                None => {
                    at.insert(v.clone(), grouped.len());
                    grouped.push((v, vec![i]));
                }
            }
        }
        let variants = grouped;
        let ac = if variants.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(kind)
                    .build(variants.iter().map(|(v, _)| v))
                    .expect("surrogate spellings build an automaton"),
            )
        };
        let mut sorted: Vec<String> = variants.iter().map(|(v, _)| v.clone()).collect();
        sorted.sort();
        sorted.dedup();
        Rehydrator {
            variants,
            needs_name,
            names: &recognizers().names,
            longest: sorted.iter().map(String::len).max().unwrap_or(0),
            sorted,
            ac,
            pairs: pairs.to_vec(),
            digits,
            date_offset,
            original_dates,
            numeric,
            dates: &recognizers().dates,
            shapes: shapes(),
        }
    }

    /// `text` with every surrogate of this vault replaced by its original.
    pub fn rehydrate(&self, text: &str) -> String {
        apply(text, &self.replacements(text, 0, true).0)
    }

    /// Where `text` holds something this re-identifier would restore: byte spans and the label
    /// of the pair each restores. The scrubber uses it on its own output to find bystanders.
    pub(crate) fn restored_spans(&self, text: &str) -> Vec<(usize, usize, Label)> {
        self.replacements(text, 0, true).0.into_iter().map(|(s, e, _, l)| (s, e, l)).collect()
    }

    /// A streaming re-identifier over this vault.
    pub fn stream(&self) -> Stream<&Rehydrator> {
        Stream::new(self)
    }

    /// The replacements in `text` that start at or after `from` (the text before `from` is
    /// context: what a stream already returned), and, when the text is not `settled` (a stream
    /// may still extend it), where the first replacement that cannot be decided yet starts.
    ///
    /// NOTE: every rule here looks at most a few characters around a candidate, or at a window
    /// of [`NAME_BEFORE`] and [`NAME_AFTER`] bytes around it, and candidates are found at every
    /// position (overlapping), never in a scan whose result depends on where the text starts.
    /// That is what lets a stream, which only keeps a short context, give the same result as one
    /// pass over the whole text.
    fn replacements(&self, text: &str, from: usize, settled: bool) -> (Vec<Rep>, Option<usize>) {
        let zones = zones(text);
        let in_zone = |s: usize, e: usize| zones.iter().any(|&(a, b)| s < b && a < e);
        let before = |s: usize| text[..s].chars().next_back();
        let mut reps: Vec<Rep> = Vec::new();
        // Starts of one-word name candidates whose window is not complete yet (stream only).
        let mut pending: Vec<(usize, usize)> = Vec::new();

        // A bare URL (not a link target, not inside a tag) that is exactly a URL surrogate of
        // this vault is restored whole: it is the link the user wrote. Anything else inside a
        // zone stays as the answer wrote it.
        let whole_url = |s: usize, e: usize, label: Label| {
            label == Label::Url
                && zones.iter().any(|&(a, b)| {
                    a == s
                        && !text[a..].starts_with(['<', ']'])
                        && text[e..b].chars().all(|c| ".,;:!?)".contains(c))
                })
        };
        if let Some(ac) = &self.ac {
            let lower = lower_same_len(text);
            // Name recognizer results per window, for candidates sharing one.
            let mut judged: HashMap<(usize, usize), Vec<Span>> = HashMap::new();
            for m in ac.find_overlapping_iter(&lower) {
                let (s, e) = (m.start(), m.end());
                // NOTE: speed (issue 6): a match in the context is dropped below anyway (`from`);
                // skipping it here keeps a one-word name surrogate that a stream already returned
                // from running the name detector again on every later chunk.
                if s < from {
                    continue;
                }
                let found = &text[s..e];
                let group = &self.variants[m.pattern().as_usize()].1;
                let i = group
                    .iter()
                    .copied()
                    .find(|&i| self.pairs[i].surrogate == found)
                    .unwrap_or(group[0]);
                let pair = &self.pairs[i];
                let mut undecided = false;
                if self.needs_name[i] {
                    // NOTE: judged on a window of fixed size around the word, never on the whole
                    // text: the name recognizer weighs the whole text it is given (repeat
                    // mentions, cues), and a stream only ever has a bounded part of it. Both
                    // judge the same window, so a stream equals the batch for any chunking.
                    let (w0, w1) = name_window(text, s, e);
                    if !settled && e + NAME_AFTER > text.len() {
                        // The window is not complete: decided once more text arrives.
                        undecided = true;
                    } else {
                        let window = &text[w0..w1];
                        let spans = judged.entry((w0, w1)).or_insert_with(|| {
                            let found = self.names.detect(window).unwrap_or_default();
                            found.into_iter().map(|f| (f.start, f.end, f.label)).collect()
                        });
                        let (ws, we) = (s - w0, e - w0);
                        let seen =
                            spans.iter().any(|&(a, b, l)| a <= ws && we <= b && l == pair.label);
                        let spot = match pair.label {
                            Label::City => place_like_spot(window, ws, we),
                            _ => name_like_spot(window, ws, we),
                        };
                        // Written as issued, or capitalized as a proper noun, is the third way:
                        // the pools exclude English words, states, months and weekdays, so such
                        // a one-word surrogate in running text is almost surely ours. A colon
                        // after it (`Burns: 18% TBSA`, a heading) still says it is not.
                        // NOTE: a heading is written in title case; the same word as issued in
                        // capitals or lower case (`DESAI:` for a detected `MBI:`) is ours.
                        let title = Case::of(found) == Case::Title;
                        let as_issued = (found == pair.surrogate
                            && !(title && heading_colon(text, e)))
                            || (found.chars().next().is_some_and(char::is_uppercase)
                                && !heading_colon(text, e));
                        if !seen && !spot && !as_issued {
                            continue;
                        }
                    }
                }
                // NOTE: an identifier (letters and digits) ends where the detector ends it: at
                // any character that is not an ASCII letter or digit (`_` included), so
                // `63812hru` was found in `63812hruỳnh` and `66is` in `\0_66is`, and their
                // surrogates are restored there too. Names and places end at any letter.
                let word: fn(char) -> bool = match pair.label {
                    Label::Name
                    | Label::City
                    | Label::County
                    | Label::Address
                    | Label::LocationOther => is_word,
                    _ => |c: char| c.is_ascii_alphanumeric(),
                };
                let bounded = !before(s).is_some_and(word)
                    && !text[e..].chars().next().is_some_and(word)
                    && !continues_number(text, s, e);
                if bounded && (!in_zone(s, e) || whole_url(s, e, pair.label)) {
                    reps.push((
                        s,
                        e,
                        adapt_case(&pair.original, &pair.surrogate, &text[s..e]),
                        pair.label,
                    ));
                    if undecided {
                        pending.push((s, e));
                    }
                }
            }
        }
        for m in self.shapes.digits.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if in_zone(s, e) || before(s).is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            if let Some(&i) = self.digits.get(&phone_key(m.as_str())) {
                let original = &self.pairs[i].original;
                let (found, mut real) = (digits_of(m.as_str()), phone_key(original));
                if found.len() == real.len() + 1 && found.starts_with('1') {
                    real.insert(0, '1');
                }
                let shaped = crate::surrogate::shape_digits(m.as_str(), &real);
                reps.push((s, e, shaped, self.pairs[i].label));
            }
        }
        if !self.numeric.is_empty() {
            // NOTE: dates and ages are found with their recognizers, vetoes included, so `pain
            // 10/10`, `2.5 mg` or `temp 97.4` is never taken for one. A surrogate as issued is
            // restored wherever the recognizer proposes it at all (a surrogate may score lower
            // than its original did: `4/5` looks like a fraction); another spelling of a date only
            // where the recognizer is confident. Its context windows are shorter than a stream's
            // kept context.
            for f in self.dates.detect(text).unwrap_or_default() {
                let (s, e) = (f.start, f.end);
                if in_zone(s, e) {
                    continue;
                }
                if let Some(&i) = self.numeric.get(&(f.label, text[s..e].to_owned())) {
                    reps.push((s, e, self.pairs[i].original.clone(), f.label));
                    continue;
                }
                if f.label != Label::Date || f.confidence < crate::detect::DEFAULT_MIN_CONFIDENCE {
                    continue;
                }
                let Some(d) = DateExpr::parse(&text[s..e]) else { continue };
                let back = d.shifted(-self.date_offset);
                if self.original_dates.contains(&(back.epoch_days(), back.has_year())) {
                    reps.push((s, e, back.render(), Label::Date));
                }
            }
        }
        reps.retain(|r| r.0 >= from);
        // Longest first at each start, then no overlaps.
        reps.sort_by(|a, b| a.0.cmp(&b.0).then((b.1 - b.0).cmp(&(a.1 - a.0))));
        let mut kept: Vec<Rep> = Vec::with_capacity(reps.len());
        for r in reps {
            if kept.last().is_none_or(|k| k.1 <= r.0) {
                kept.push(r);
            }
        }
        // NOTE: an undecided candidate is resolved above as if it were restored. Up to the
        // first one kept, every choice is the same whatever the undecided ones become (the
        // scan goes by start), so what lies before it is final; one lost to an overlap with a
        // decided replacement (`baker` inside `John Baker`) holds nothing back.
        let hold = kept.iter().find(|r| pending.contains(&(r.0, r.1))).map(|r| r.0);
        (kept, hold)
    }

    /// Where the unsettled tail of a streamed buffer starts: text from there on could still
    /// become (part of) something to restore, a URL or a tag, once more text arrives.
    fn hold_from(&self, buf: &str, prev: Option<char>) -> usize {
        // The last word, until whitespace ends it: any word can still grow into a URL or a
        // longer surrogate spelling.
        let mut cut = match buf.char_indices().next_back() {
            Some((_, c)) if !c.is_whitespace() => buf
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + buf[i..].chars().next().map_or(1, char::len_utf8)),
            _ => buf.len(),
        };
        // An unclosed tag, an unclosed markdown link target, or a `]` that may open one.
        // NOTE: the FIRST opener after the last closing `>` (or `)`), not the last opener: in
        // `<img a <img b` both are open, and once `>` arrives the zone starts at the first.
        let closed = buf.rfind('>').map_or(0, |i| i + 1);
        let tag = buf[closed..].match_indices('<').map(|(i, _)| closed + i).find(|&i| {
            buf[i + 1..]
                .chars()
                .next()
                .is_none_or(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
        });
        if let Some(i) = tag {
            cut = cut.min(i);
        }
        let closed = buf.rfind(')').map_or(0, |i| i + 1);
        if let Some(i) = buf[closed..].find("](") {
            cut = cut.min(closed + i);
        }
        if buf.ends_with(']') {
            cut = cut.min(buf.len() - 1);
        }
        // A tail that is the beginning of a surrogate spelling.
        let max = self.longest;
        let floor = buf.len().saturating_sub(max);
        for (s, _) in buf.char_indices().filter(|&(s, _)| s >= floor && s < cut) {
            // NOTE: the weakest boundary of any label: an identifier surrogate may start right
            // after a non-ASCII letter or `_`, a name after `_`; holding more is always safe.
            let boundary = !(if s == 0 { prev } else { buf[..s].chars().next_back() })
                .is_some_and(|c| c.is_ascii_alphanumeric());
            if boundary && self.is_variant_prefix(&buf[s..]) {
                cut = s;
                break;
            }
        }
        // A tail of date or phone pieces ("March 14, ", "(555) 201-"), which may still grow.
        let mut start = cut;
        for (i, tok) in tokens_rev(&buf[..cut]) {
            if tok.chars().all(char::is_whitespace) {
                continue;
            } else if is_dateish(tok) {
                start = i;
            } else {
                // A date or phone may start inside the token, after a character that is not
                // part of one (`\0NOV 10`, `EXAMPLE.ORG(581) 555-`): that end waits too.
                if let Some(p) = glued_start(tok) {
                    start = i + p;
                }
                break;
            }
        }
        start
    }

    fn is_variant_prefix(&self, tail: &str) -> bool {
        let tail = tail.to_lowercase();
        let i = self.sorted.partition_point(|v| v.as_str() < tail.as_str());
        self.sorted.get(i).is_some_and(|v| v.starts_with(&tail))
    }
}

/// How many bytes before a one-word name candidate the name recognizer sees. Less than a
/// stream's kept context ([`CONTEXT`], less the bytes of one char), so a stream always has them.
const NAME_BEFORE: usize = 192;
/// How many bytes after it: a stream holds a candidate back until they have arrived (or the
/// answer ends), so restoring a one-word name costs this much latency.
const NAME_AFTER: usize = 64;

/// The window a one-word name candidate at `s..e` is judged on: [`NAME_BEFORE`] bytes before it
/// and [`NAME_AFTER`] after, shrunk to char boundaries and to the text.
fn name_window(text: &str, s: usize, e: usize) -> (usize, usize) {
    let mut w0 = s.saturating_sub(NAME_BEFORE);
    while !text.is_char_boundary(w0) {
        w0 += 1;
    }
    let mut w1 = (e + NAME_AFTER).min(text.len());
    while !text.is_char_boundary(w1) {
        w1 -= 1;
    }
    (w0, w1)
}

/// True when `s..e` is glued to a longer number: `97` in `97.4` or `1,097`. Only a match that
/// ends (or starts) with a digit continues a number: `Kowalski,2.` is a name, then a number.
///
/// A comma continues a number only before a group of exactly three digits (`1,097`): in
/// `#10795,10795,` the detector found two identifiers, and both are restored.
fn continues_number(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // Three digits from `i`, and no fourth.
    let group = |i: usize| (i..i + 3).all(digit_at) && !digit_at(i + 3);
    // The digits right before `e`: a number grouped by commas starts with 1 to 3 of them, so
    // `83651,857` is a number and then `857`, as the detector reads it.
    let run = b[..e].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let after = e < b.len()
        && e > 0
        && digit_at(e - 1)
        && ((b[e] == b'.' && digit_at(e + 1)) || (b[e] == b',' && run <= 3 && group(e + 1)));
    let before = s >= 2
        && digit_at(s)
        && digit_at(s - 2)
        && (b[s - 1] == b'.' || (b[s - 1] == b',' && group(s)));
    after || before
}

/// The pairs plus what an LLM makes of a name: each part alone (`Baker` for `Smith` after
/// `John Baker` for `Dan Smith`) and initial plus surname (`J. Baker`). A spelling that is
/// already some pair's surrogate is not added again.
fn with_name_parts(pairs: &[Pair]) -> Vec<Pair> {
    let mut out = pairs.to_vec();
    let mut seen: HashSet<String> = pairs.iter().map(|p| p.surrogate.to_lowercase()).collect();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    for p in pairs.iter().filter(|p| p.label == Label::Name) {
        let (o, s) = (words(&p.original), words(&p.surrogate));
        if o.len() != s.len() || o.len() < 2 {
            continue;
        }
        let mut derived: Vec<(String, String)> = o
            .iter()
            .zip(&s)
            .filter(|(a, b)| a.chars().count() > 1 && a != b)
            .map(|(a, b)| (a.clone(), b.clone()))
            .collect();
        let (of, sf) = (o[0].chars().next(), s[0].chars().next());
        // Initial plus surname, when the last word is a surname and not itself an initial
        // (`ALVAREZ, MARIA L`): `O. F` would match the `o. F` of `y.o. F`.
        if let (Some(of), Some(sf), Some(ol), Some(sl)) = (of, sf, o.last(), s.last()) {
            if ol.chars().count() > 1 && sl.chars().count() > 1 {
                derived.push((format!("{of}. {ol}"), format!("{sf}. {sl}")));
            }
        }
        for (original, surrogate) in derived {
            if seen.insert(surrogate.to_lowercase()) {
                out.push(Pair { label: Label::Name, original, surrogate });
            }
        }
    }
    out
}

/// A city after a place word (`in reno`, `from Duluth`) or before `, ST` / `, State`: where a
/// one-word city surrogate reads as a place even when the place recognizer cannot tell.
fn place_like_spot(text: &str, s: usize, e: usize) -> bool {
    let prev = text[..s].trim_end().rsplit([' ', '\n', '\t']).next().unwrap_or("");
    let prev = prev.to_ascii_lowercase();
    let after = text[e..].trim_start_matches(',').trim_start();
    matches!(prev.as_str(), "in" | "from" | "to" | "near" | "at" | "of" | "outside")
        || (text[e..].starts_with(',') && after.chars().take(2).all(|c| c.is_ascii_uppercase()))
}

/// A word after a title (`mr. baker`), or a capitalized word inside a sentence that does not
/// open a label (`BAKER, JOHN`, `with Baker today`): where a lone name part reads as a name even
/// when the name recognizer cannot tell. Not at a line or sentence start, not before a colon
/// (`Burns: 18% TBSA`).
fn name_like_spot(text: &str, s: usize, e: usize) -> bool {
    let word = &text[s..e];
    let prev = text[..s].trim_end().rsplit([' ', '\n', '\t']).next().unwrap_or("");
    let prev = prev.trim_end_matches('.').to_ascii_lowercase();
    if matches!(prev.as_str(), "mr" | "mrs" | "ms" | "dr" | "miss" | "mx" | "prof") {
        return true;
    }
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    let before = text[..s].trim_end_matches([' ', '\t']);
    let opens_sentence = before.is_empty()
        || before.ends_with(['.', '!', '?', '\n', ':', ';'])
        || text[..s].ends_with('\n');
    capitalized && !opens_sentence && !heading_colon(text, e)
}

/// A colon at `e` that ends a heading or a label (`Burns: 18% TBSA`, `Plan:` at a line's end):
/// followed by whitespace or nothing. A colon glued to a word after it (`burch:t`, a typo) is
/// no heading, and a name the detector found before it is restored there.
fn heading_colon(text: &str, e: usize) -> bool {
    text[e..]
        .strip_prefix(':')
        .is_some_and(|rest| rest.chars().next().is_none_or(char::is_whitespace))
}

/// Tokens (runs of non-whitespace, and runs of whitespace) from the end, with their starts.
fn tokens_rev(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end = s.len();
    std::iter::from_fn(move || {
        if end == 0 {
            return None;
        }
        let last = s[..end].chars().next_back()?;
        let ws = last.is_whitespace();
        let start = s[..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() != ws)
            .map_or(0, |(i, c)| i + c.len_utf8());
        let tok = (start, &s[start..end]);
        end = start;
        Some(tok)
    })
}

/// Where a date or phone piece glued to the end of `tok` starts: the first suffix after a
/// character that is not a letter or digit that could be one, else [`phone_start`].
fn glued_start(tok: &str) -> Option<usize> {
    tok.char_indices()
        .skip(1)
        .find(|&(i, _)| {
            !tok[..i].chars().next_back().is_some_and(char::is_alphanumeric)
                && is_dateish(&tok[i..])
        })
        .map(|(i, _)| i)
        .or_else(|| phone_start(tok))
}

/// Where the end of `tok` could start a phone once more text arrives (`(581)` in `ORG(581)`,
/// `+(` in `tel+(`): the trailing run of digits and phone punctuation, when it holds a digit or
/// an opener a phone begins with.
fn phone_start(tok: &str) -> Option<usize> {
    let run = tok
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || "().+-".contains(c))
        .last()
        .map(|(i, _)| i)?;
    tok[run..].contains(|c: char| c.is_ascii_digit() || c == '(' || c == '+').then_some(run)
}

/// Could this token be part of a date or phone expression?
fn is_dateish(tok: &str) -> bool {
    let t = tok.trim_matches(|c: char| ",.()".contains(c)).to_ascii_lowercase();
    if t.is_empty() {
        return !tok.is_empty();
    }
    if t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_alphanumeric() || "/-.+()".contains(c))
    {
        return true;
    }
    if t == "of" || t == "the" || t == "+" {
        return true;
    }
    // Words that make a number an age ("97 years of age", "97 yo male"): the AGE recognizer
    // needs them to restore an age surrogate, so a number followed by them waits for the rest.
    const AGE_WORDS: [&str; 16] = [
        "year",
        "years",
        "yr",
        "yrs",
        "old",
        "age",
        "aged",
        "yo",
        "y/o",
        "y.o",
        "year-old",
        "years-old",
        "male",
        "female",
        "m",
        "f",
    ];
    if AGE_WORDS.contains(&t.as_str()) {
        return true;
    }
    crate::surrogate::date::MONTHS.iter().any(|m| {
        // `get`, not `[..3]`: a token like `sjögren` has no char boundary at byte 3.
        m.starts_with(&t) || (t.get(..3).is_some_and(|p| m.starts_with(p)) && t.len() <= m.len())
    })
}

/// ASCII-lower-cases only ASCII letters, so byte offsets stay the same as the input's.
fn lower_same_len(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// The words of `s`, split at single spaces.
fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

/// The original written in the letter case the text used for its surrogate: the original as
/// stored when the surrogate appears as issued, else upper, lower or title case like the text.
fn adapt_case(original: &str, surrogate: &str, found: &str) -> String {
    if found == surrogate || !found.chars().any(char::is_alphabetic) {
        return original.to_owned();
    }
    // Words written in different cases (`brendan Kowalski` for `Brendan Kowalski`, after the
    // text gave `darnell` and `Johansson` apart): each word of the original in the case of the
    // word at its place, when the three have as many words.
    let (o, s, f) = (words(original), words(surrogate), words(found));
    if f.len() > 1
        && o.len() == f.len()
        && s.len() == f.len()
        && f.iter().any(|w| Case::of(w) != Case::of(f[0]))
    {
        let each: Vec<String> = (0..f.len()).map(|i| adapt_case(o[i], s[i], f[i])).collect();
        return each.join(" ");
    }
    match Case::of(found) {
        Case::Upper if found.chars().filter(|c| c.is_alphabetic()).count() > 1 => {
            original.to_uppercase()
        }
        Case::Lower => original.to_lowercase(),
        // First seen in chat as `sunny acres`, now written `Sunny Acres`: title-case it. An
        // original with its own mixed case (`McAllen`) is kept as written.
        Case::Title if Case::of(original) != Case::Title => {
            original.split(' ').map(|w| Case::Title.apply(w)).collect::<Vec<_>>().join(" ")
        }
        _ => original.to_owned(),
    }
}

fn apply(text: &str, reps: &[Rep]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e, r, _) in reps {
        out.push_str(&text[at..*s]);
        out.push_str(r);
        at = *e;
    }
    out.push_str(&text[at..]);
    out
}

/// A streaming re-identifier: feed it chunks, show what it returns.
///
/// `R` is how it holds its [`Rehydrator`]: borrowed ([`Rehydrator::stream`]), or shared
/// (`Rc<Rehydrator>`) where a stream must outlive any borrow, as a JS object does.
pub struct Stream<R: Borrow<Rehydrator>> {
    r: R,
    /// The end of what was already returned, as context for the rules that look back.
    ctx: String,
    /// What was pushed and not yet returned.
    buf: String,
}

/// How much returned text a stream keeps as context: more than any rule looks back (a few
/// characters here, the DATE recognizer's cue windows of up to 100 bytes, the window a one-word
/// name is judged on, [`NAME_BEFORE`]).
const CONTEXT: usize = 256;

/// The most returned text a stream keeps so that its context starts at whitespace (see
/// [`Stream::push`]).
const MAX_CONTEXT: usize = 4096;

impl<R: Borrow<Rehydrator>> std::fmt::Debug for Stream<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream").field("held", &self.buf.len()).finish_non_exhaustive()
    }
}

impl<R: Borrow<Rehydrator>> Stream<R> {
    /// A stream over `r`, which it restores as it is now.
    pub fn new(r: R) -> Self {
        Stream { r, ctx: String::new(), buf: String::new() }
    }

    /// Takes the next chunk; returns the text that can be shown now.
    pub fn push(&mut self, chunk: &str) -> String {
        self.buf.push_str(chunk);
        let mut cut = self.r.borrow().hold_from(&self.buf, self.ctx.chars().next_back());
        // Never split a URL, link target or tag: the part after the cut would lose its zone.
        if let Some(z) = self
            .r
            .borrow()
            .shapes
            .zone
            .find_iter(&self.buf)
            .find(|z| z.start() < cut && z.end() > cut)
        {
            cut = z.start();
        }
        let (reps, undecided) = self.buf_replacements(false);
        // A one-word name not decided yet waits for the rest of its window.
        if let Some(u) = undecided {
            cut = cut.min(u);
        }
        // A replacement that runs past the cut waits whole.
        if let Some(r) = reps.iter().find(|r| r.0 < cut && r.1 > cut) {
            cut = r.0;
        }
        let done: Vec<Rep> = reps.into_iter().filter(|r| r.1 <= cut).collect();
        let out = apply(&self.buf[..cut], &done);
        self.ctx.push_str(&self.buf[..cut]);
        if self.ctx.len() > 2 * CONTEXT {
            let mut keep = self.ctx.len() - CONTEXT;
            while !self.ctx.is_char_boundary(keep) {
                keep += 1;
            }
            // NOTE: the context starts after whitespace where it can: cut inside a token, its
            // start would be a word boundary the whole text does not have, and a URL zone could
            // begin there (`S://...` out of `3162HTTPS://...`) and swallow a surrogate after it
            // (fuzz/regressions/stream/zone-from-a-cut-context). A token longer than the context
            // is cut anyway once the context reaches MAX_CONTEXT.
            if let Some(ws) = self.ctx[..keep].rfind(char::is_whitespace) {
                let after = ws + self.ctx[ws..].chars().next().map_or(1, char::len_utf8);
                if self.ctx.len() - after <= MAX_CONTEXT {
                    keep = after;
                }
            } else if self.ctx.len() <= MAX_CONTEXT {
                keep = 0;
            }
            while !self.ctx.is_char_boundary(keep) {
                keep += 1;
            }
            self.ctx.drain(..keep);
        }
        self.buf.drain(..cut);
        out
    }

    /// Ends the stream; returns whatever was held back, restored.
    pub fn finish(&mut self) -> String {
        let out = apply(&self.buf, &self.buf_replacements(true).0);
        self.ctx.clear();
        self.buf.clear();
        out
    }

    /// The replacements in the held text, with offsets into it, and where the first one not
    /// decided yet starts (see [`Rehydrator::replacements`]).
    fn buf_replacements(&self, settled: bool) -> (Vec<Rep>, Option<usize>) {
        let from = self.ctx.len();
        let mut text = String::with_capacity(from + self.buf.len());
        text.push_str(&self.ctx);
        text.push_str(&self.buf);
        let (reps, undecided) = self.r.borrow().replacements(&text, from, settled);
        let reps = reps.into_iter().map(|(s, e, r, l)| (s - from, e - from, r, l)).collect();
        (reps, undecided.map(|u| u - from))
    }
}

#[cfg(test)]
mod tests;
