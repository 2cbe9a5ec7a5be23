//! Person names: patients, relatives, clinicians, staff (`Pt: SMITH, JOHN A`, `Dr. R. Patel`,
//! `-- Maria Lopez, RN`, `hi im dan smith`, `my son jake`, `Maria's phone`, `thanks, Rosa`).
//!
//! A name has no format, so the recognizer weighs evidence. The text is cut into word tokens
//! (letters, inner apostrophes and hyphens, diacritics kept), each with its shape (`Title`,
//! `UPPER`, `lower`, initial). Capitalized runs are scored by
//! - context before them: a title (`Dr`, `Mrs`), a relation or role (`son`, `wife`, `RN`), a name
//!   slot (`Name:`, `signed by`, `my name is`) or a weaker word (`hi`, `thanks,`, `w`, `for`);
//! - context after them: a credential (`, MD`, `PA-C`), a relation in brackets (`(sister)`), a
//!   verb of speech (`here`, `called`);
//! - the dictionaries: first name or surname (`dict::first_name`, `dict::surname`), everyday word
//!   (`dict::is_common_word`: `Will`, `Grace`), clinical word (`dict::medical_term`: `Foley`,
//!   `Parkinson`), place (`dict::city`);
//! - their layout: `Maria Lopez` (a pair where one part is a name that is not a common word),
//!   `LASTNAME, FIRSTNAME M` after a name slot.
//!
//! Lower-case chat is the hard part: a lower-case word is a name only after a title, relation or
//! slot (`dr tanaka`, `my son jake`, `this is june lindqvist`), or before `here`, never for
//! dictionary membership alone (`will`, `bill` and `may` are words). Neighbours join a found name:
//! initials (`Maria L. Lopez`), particles (`van der Berg`), more name-list words and, after a
//! strong context, unknown words (`anders kowalski`). Finally every other mention of a token
//! already found is a name too (`Agnieszka` in the sign-off of a message about `Agnieszka
//! Abernathy`).
//!
//! Spans exclude titles, credentials and the possessive `'s`.

mod words;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::{Candidate, Label, Recognizer, Text};
use crate::detect::dict::{self, MedicalKind};
use words::{
    in_table, Fnv, AFTER, CALENDAR, CLINICIAN_BEFORE, CREDENTIALS, EPONYM_NEXT, LANGUAGES,
    LOOSE_SLOTS, MODALS, ORG, PAREN_AFTER, PARTICLES, PERSON_VERBS, PRODUCTS, RELATIONS, SLOTS,
    STATES, STOP, STREET, SUBJECT_AFTER, TITLES, WEAK,
};

/// Confidence when a title, relation, slot or credential says "name".
const STRONG: f32 = 0.9;
/// Confidence for a dictionary name after a weak context word.
const WEAKER: f32 = 0.8;
/// Confidence for a `First Last` pair without context.
const PAIR: f32 = 0.75;
/// Confidence for a lone mid-sentence first name or surname, and for repeat mentions.
const LONE: f32 = 0.6;

/// Longest name in tokens (`Maria del Carmen García-López` is 5 with the particles).
const MAX_TOKENS: usize = 6;

/// The name recognizer; stateless, every table is a constant.
pub(crate) struct Name;

impl Name {
    /// Builds the recognizer (nothing to compile: the lists are embedded and searched in place).
    pub(crate) fn new() -> Self {
        Name
    }
}

impl Recognizer for Name {
    fn name(&self) -> &'static str {
        "name"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Name]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let _cache = KnownCache::enter();
        let toks = tokens(text);
        let doc = Doc { norm: text.norm(), lower: text.lower(), toks };
        let mut found: Vec<(usize, usize, f32)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let next = match toks[i].shape {
                Shape::Title | Shape::Upper | Shape::Initial => doc.capitalized(i, &mut found),
                Shape::Lower => doc.lower_case(i, &mut found),
                Shape::Other => i + 1,
            };
            i = next.max(i + 1);
        }
        doc.coordinated(&mut found);
        doc.repeat_mentions(&mut found);
        // A run of initials alone (`y.o. F`, `O. F`) names nobody: a name needs a word.
        let norm = text.norm();
        found.retain(|&(a, b, _)| {
            (a..=b).any(|k| {
                toks[k].shape != Shape::Initial
                    && norm[toks[k].start..toks[k].end]
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .count()
                        > 1
            })
        });
        out.extend(found.into_iter().map(|(a, b, c)| Candidate {
            start: toks[a].start,
            end: toks[b].end,
            label: Label::Name,
            confidence: c,
        }));
    }
}

/// Which of the name spans (`start..end` in bytes of `text.norm()`, sorted) name clinicians: a
/// doctor's title or a clinical role or signature slot before (`Dr.`, `Attending:`, `RN`,
/// `signed by`, `/s/`, `cc:`), or a credential after (`, MD`, `PA-C`); and every other span
/// sharing a word with one of those (`Mwangi` after `Dr. Ahmed Mwangi`).
pub(crate) fn clinicians(text: &Text<'_>, spans: &[(usize, usize)]) -> Vec<bool> {
    let toks = tokens(text);
    let doc = Doc { norm: text.norm(), lower: text.lower(), toks };
    let runs: Vec<Option<(usize, usize)>> = spans
        .iter()
        .map(|&(start, end)| {
            let a = toks.partition_point(|t| t.start < start);
            let b = toks.partition_point(|t| t.start < end);
            (a < b).then(|| (a, b - 1))
        })
        .collect();
    let mut flags: Vec<bool> =
        runs.iter().map(|r| r.is_some_and(|(a, b)| doc.clinician_at(a, b))).collect();
    let keys: HashSet<&str> = runs
        .iter()
        .zip(&flags)
        .filter(|(_, &f)| f)
        .filter_map(|(r, _)| *r)
        .flat_map(|(a, b)| (a..=b).map(|k| doc.low(k)))
        .filter(|w| w.chars().count() >= 3 && !in_table(PARTICLES, w))
        .collect();
    for (flag, run) in flags.iter_mut().zip(&runs) {
        if let Some((a, b)) = *run {
            *flag |= (a..=b).any(|k| keys.contains(doc.low(k)));
        }
    }
    flags
}

/// What a token looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// `Maria`, `McDonald`, `O'Neil`, `García-López`.
    Title,
    /// `SMITH`, `NÚÑEZ` (two letters or more).
    Upper,
    /// `dan`, `o'neil`, `van`.
    Lower,
    /// One capital letter (`R` in `R. Patel`, `A` in `SMITH, JOHN A`).
    Initial,
    /// Anything with a digit, or starting with one.
    Other,
}

/// One word of the text, in bytes of the folded text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    start: usize,
    /// End of the name part: a possessive `'s` is left out.
    end: usize,
    /// End of the whole word, possessive included.
    full_end: usize,
    shape: Shape,
}

/// The words of `text`'s folded text, cut once per text: the recognizer and [`clinicians`] both
/// read them.
///
/// NOTE: speed (issue 6): `clinicians` cut the text again after detection, a third of the
/// cutting's cost.
fn tokens<'t>(text: &'t Text<'_>) -> &'t [Tok] {
    text.name_tokens.get_or_init(|| tokenize(text.norm()))
}

/// Cuts `s` into words: a run of letters and digits, with apostrophes and hyphens kept when a
/// letter follows them (`O'Neil`, `Smith-Jones`, `i'm`). One pass, no allocation per token.
fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                it.next();
            } else if matches!(d, '\'' | '\u{2019}' | '-')
                && s[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphabetic)
            {
                it.next();
            } else {
                break;
            }
        }
        let word = &s[start..end];
        let name_end = possessive_cut(word).map_or(end, |n| start + n);
        toks.push(Tok { start, end: name_end, full_end: end, shape: shape(&s[start..name_end]) });
    }
    toks
}

/// The length of `word` without a possessive `'s` (`Maria's`), if it has one.
fn possessive_cut(word: &str) -> Option<usize> {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().count() >= 2 {
                return Some(stem.len());
            }
        }
    }
    None
}

/// The shape of one word.
fn shape(word: &str) -> Shape {
    let Some(first) = word.chars().next() else { return Shape::Other };
    if word.chars().any(|c| c.is_numeric()) || !first.is_alphabetic() {
        return Shape::Other;
    }
    if first.is_lowercase() {
        return Shape::Lower;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 {
        Shape::Initial
    } else if word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        Shape::Upper
    } else {
        Shape::Title
    }
}

/// What the word right after a capitalized run says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum After {
    None,
    /// `, MD`, `RN`, `PA-C`.
    Credential,
    /// `(sister)`, `(HCPOA)`.
    Relation,
    /// `here`, `called`, `says`.
    Verb,
    /// `disease`, `sign`, `catheter`: the run is an eponym.
    Clinical,
    /// `is`, `and`, `come`, `call`: the run may be the subject of a sentence (`Keiko is
    /// picking me up`, `can Wade come in`); evidence only with a listed name.
    Subject,
}

/// What the words before a token say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Ctx {
    None,
    /// `hi`, `thanks`, `w`, `for`, `from`: a dictionary name after them is a name.
    Weak,
    /// `im`, `this is`, `me`: a first name after them is the writer's.
    Loose,
    /// A relation, role or name slot: `son`, `RN`, `Name:`, `signed by`.
    Strong,
    /// `Dr`, `Mrs`: anything after them is a name.
    Title,
}

/// What a found name's dictionary evidence is, per token.
#[derive(Clone, Copy, Debug, Default)]
struct Known {
    /// In the first-name list.
    first: bool,
    /// In the surname list.
    sur: bool,
    /// An everyday word too (`will`, `grace`, `brown`).
    common: bool,
    /// Clinical vocabulary other than an eponym (drug, unit, abbreviation, term).
    clinical: bool,
    /// An eponym (`Foley`, `Parkinson`): a surname that is more often a disease or device.
    eponym: bool,
    /// A month or weekday (`June`, `Thu`).
    calendar: bool,
    /// An everyday English word in any sense (`joy`, `thinks`): SCOWL's common sizes.
    english: bool,
    /// Known only from the rarer tails of the name lists, not the ranked ones.
    rare: bool,
}

impl Known {
    /// Looks a word up; a hyphenated word is known when one of its parts is. While the
    /// recognizer runs on a text (see [`KnownCache`]) each word is looked up once.
    fn of(word: &str) -> Known {
        KNOWN.with(|cache| {
            let mut cache = cache.borrow_mut();
            let Some(map) = cache.as_mut() else { return Known::look_up(word) };
            if let Some(k) = map.get(word) {
                return *k;
            }
            let k = Known::look_up(word);
            map.insert(word.to_owned(), k);
            k
        })
    }

    /// The dictionary lookups behind [`Known::of`].
    fn look_up(word: &str) -> Known {
        let mut k = Known::default();
        let mut ranked = false;
        // One index probe a part answers every list (`dict::lists_of`).
        let whole = dict::lists_of(word);
        let parts = word.split('-').filter(|_| word.contains('-')).map(dict::lists_of);
        for l in std::iter::once(whole).chain(parts) {
            let (first, sur) = (l.first_name(), l.surname());
            ranked |= first || sur;
            k.first |= first || l.rare_first_name();
            k.sur |= sur || l.rare_surname();
        }
        k.rare = k.name() && !ranked;
        k.english = whole.everyday_word();
        // The tails are not vetted by hand: an English word there (`strength`, `oral`,
        // `accounts` are rare surnames) counts as no name at all.
        if k.rare && k.english {
            k.first = false;
            k.sur = false;
            k.rare = false;
        }
        k.common = whole.common_word();
        k.calendar = in_table(CALENDAR, &word.to_ascii_lowercase());
        match whole.medical() {
            Some(MedicalKind::Eponym) => k.eponym = true,
            Some(_) => k.clinical = true,
            None => {}
        }
        k
    }

    /// In a name list.
    fn name(&self) -> bool {
        self.first || self.sur
    }

    /// In a name list and neither an everyday word, a clinical word nor a month or weekday. The
    /// hand-made common-word list vets the ranked lists; the rarer tails are vetted by the
    /// English lexicon when they are looked up (see [`Known::of`]).
    fn sure(&self) -> bool {
        self.name() && !self.common && !self.clinical && !self.eponym && !self.calendar
    }

    /// A lower-case word that reads as a name by itself: listed, and no English word at all.
    fn lower_sure(&self) -> bool {
        self.sure() && !self.english
    }
}

thread_local! {
    /// [`Known::of`]'s answers for the words of the text being read, while a [`KnownCache`]
    /// is alive: the rules ask about the same token many times, and each answer is some ten
    /// dictionary searches.
    static KNOWN: RefCell<Option<HashMap<String, Known, BuildHasherDefault<Fnv>>>> =
        const { RefCell::new(None) };
}

/// Turns [`Known::of`]'s cache on for one text; dropping it empties the cache, so no word of a
/// text outlives its detection there.
struct KnownCache;

impl KnownCache {
    fn enter() -> KnownCache {
        KNOWN.with(|c| *c.borrow_mut() = Some(HashMap::default()));
        KnownCache
    }
}

impl Drop for KnownCache {
    fn drop(&mut self) {
        KNOWN.with(|c| *c.borrow_mut() = None);
    }
}

/// The text and its tokens, with the rules that read them.
struct Doc<'a> {
    norm: &'a str,
    lower: &'a str,
    toks: &'a [Tok],
}

impl Doc<'_> {
    /// The lower-cased name part of token `i`.
    fn low(&self, i: usize) -> &str {
        &self.lower[self.toks[i].start..self.toks[i].end]
    }

    /// The bytes between token `i` (possessive included) and token `i + 1`.
    fn gap(&self, i: usize) -> &str {
        match self.toks.get(i + 1) {
            Some(n) => &self.norm[self.toks[i].full_end..n.start],
            None => &self.norm[self.toks[i].full_end..],
        }
    }

    /// Can token `i` and `i + 1` be parts of one name? A short run of spaces between them, or a
    /// `.` after an initial or a particle (`R. Patel`, `St. John`).
    fn joins(&self, i: usize) -> bool {
        let g = self.gap(i);
        let spaces = |g: &str| (1..=2).contains(&g.len()) && g.bytes().all(|b| b == b' ');
        if spaces(g) {
            return self.toks[i].full_end == self.toks[i].end;
        }
        let after_initial = self.toks[i].shape == Shape::Initial
            || (self.toks[i].shape == Shape::Title && self.low(i) == "st");
        after_initial
            && g.strip_prefix('.').is_some_and(|r| r.len() <= 2 && r.bytes().all(|b| b == b' '))
    }

    /// Is the token at `i` at the start of a line or sentence (so its capital says nothing)?
    fn sentence_start(&self, i: usize) -> bool {
        if i == 0 {
            return self.norm[..self.toks[0].start].trim().is_empty();
        }
        let g = self.gap(i - 1).trim_end_matches([' ', '\t', '"', '(', '*', '-']);
        g.contains('\n') || g.ends_with(['.', '!', '?', ':', ';', '\n']) || g.ends_with("--")
    }

    /// The context the words before token `i` give it, and whether it is a family relation after
    /// a possessive (`my daughter`, `pt's son`), after which even an everyday word is a name.
    fn context(&self, i: usize) -> (Ctx, bool) {
        if i == 0 {
            return (Ctx::None, false);
        }
        let g = self.gap(i - 1);
        // `/s/ Getachew Alemu`: the signature mark of a note.
        if self.low(i - 1) == "s"
            && g.trim_end() == "/"
            && self.norm[..self.toks[i - 1].start].ends_with('/')
        {
            return (Ctx::Strong, false);
        }
        if g.len() > 6 || g.contains('\n') || !g.bytes().all(|b| b" \t:,.-#>/(".contains(&b)) {
            return (Ctx::None, false);
        }
        // A `.` ends a sentence unless it closes a title (`Dr.`): `...postal worker. Quit`.
        if g.contains('.') {
            let title = g.starts_with('.') && g[1..].bytes().all(|b| b == b' ');
            return match title && self.is_title(i - 1) {
                true => (Ctx::Title, false),
                false => (Ctx::None, false),
            };
        }
        // Up to three words before, joined by single spaces, shortest phrase first.
        let mut best = (Ctx::None, false);
        for n in 1..=3 {
            if n > i {
                break;
            }
            let j = i - n;
            if n > 1 {
                let g = self.gap(j);
                if g != " " || self.toks[j].full_end != self.toks[j].end {
                    break;
                }
            }
            // The words from `j` on are joined by single spaces (checked above, and `lower` has
            // `norm`'s offsets), so the phrase is a slice of the text: no string is built.
            let phrase = &self.lower[self.toks[j].start..self.toks[i - 1].full_end];
            let mut kind = classify(phrase);
            if kind == Ctx::Title && !(n == 1 && self.is_title(j) && !g.contains([',', ':'])) {
                kind = Ctx::None;
            }
            if kind > best.0 {
                let family = kind == Ctx::Strong
                    && n == 1
                    && in_table(PAREN_AFTER, phrase)
                    && j > 0
                    && self.gap(j - 1) == " "
                    && is_possessive(
                        &self.lower[self.toks[j - 1].start..self.toks[j - 1].full_end],
                    );
                best = (kind, family);
            }
        }
        // `Credentialing: Frank Mbeki`: a one-word label opening the line is a weak slot.
        if best.0 == Ctx::None && g.trim_end() == ":" && self.sentence_start(i - 1) {
            best.0 = Ctx::Weak;
        }
        best
    }

    /// Is token `j` a title in use: `Dr`/`doctor` in any case, `Mr`/`Ms`/`Mrs` capitalized (`160
    /// ms` is milliseconds), not after a number, and not a street suffix (`4920 magnolia dr`)?
    fn is_title(&self, j: usize) -> bool {
        let w = self.low(j);
        if !in_table(TITLES, w) {
            return false;
        }
        // `ms Booker` is a title, `160 ms` and `hx of ms` are not: a lower-case `mr`, `ms` or
        // `mrs` needs a capitalized word, or a listed name that is no English word, after it.
        if !matches!(w, "dr" | "doctor" | "prof" | "professor")
            && self.toks[j].shape == Shape::Lower
        {
            let after_number =
                j > 0 && self.gap(j - 1) == " " && self.toks[j - 1].shape == Shape::Other;
            let named = self.toks.get(j + 1).is_some_and(|n| match n.shape {
                Shape::Title | Shape::Upper => true,
                Shape::Lower => {
                    let next = self.low(j + 1);
                    Known::of(next).lower_sure()
                        || (unknown_word(next) && w != "ms" && self.context(j).0 >= Ctx::Weak)
                        || (in_table(PARTICLES, next) && self.particle_run(j + 1))
                }
                _ => false,
            });
            if after_number || !named || !matches!(self.gap(j).trim_end(), "" | ".") {
                return false;
            }
        }
        // Street suffix: a house number a few words before, only words between.
        let mut k = j;
        for _ in 0..5 {
            if k == 0 || self.gap(k - 1).contains('\n') {
                return true;
            }
            k -= 1;
            if self.toks[k].shape == Shape::Other {
                return !(k + 1 < j && self.low(k).bytes().all(|b| b.is_ascii_digit()));
            }
            let w = self.low(k);
            if in_table(STOP, w) || in_table(WEAK, w) || !matches!(self.gap(k).trim(), "" | ".") {
                return true;
            }
        }
        true
    }

    /// What right after the run ending with token `last` says it is a name.
    fn after(&self, last: usize) -> After {
        let Some(next) = self.toks.get(last + 1) else { return After::None };
        let g = self.gap(last);
        let w = &self.lower[next.start..next.full_end];
        if (g == " " || g == ", " || g == ",") && in_table(CREDENTIALS, w) {
            // `Springfield, MD` is a place: a state abbreviation after a city is no credential.
            let state_like = matches!(w, "md" | "pa" | "ma" | "de" | "in" | "ok" | "or");
            let upper = next.shape == Shape::Upper || w.contains('-');
            if upper && !(state_like && self.is_city(last)) {
                return After::Credential;
            }
            return After::None;
        }
        if (g.trim_end() == " (" || g == "(") && in_table(PAREN_AFTER, w) {
            return After::Relation;
        }
        // A header line: `LEROY BEGAY (M)  DOB 11/8/57`, `Ana Ruiz, DOB 3/4/61`.
        if ((g == " (" || g == "(") && matches!(w, "m" | "f" | "male" | "female"))
            || (matches!(g, " " | "  " | ", " | " - ") && w == "dob")
        {
            return After::Relation;
        }
        if g == " " && in_table(AFTER, w) {
            return After::Verb;
        }
        if g == " " && in_table(SUBJECT_AFTER, w) {
            return After::Subject;
        }
        if g == " " && in_table(EPONYM_NEXT, w) {
            return After::Clinical;
        }
        After::None
    }

    /// Is token `k` a city name?
    fn is_city(&self, k: usize) -> bool {
        dict::city(&self.norm[self.toks[k].start..self.toks[k].end]).is_some()
    }

    /// Does a word of the run `i..=end`, or of the capitalized words right after it on the line
    /// (`Maple Grove Senior Living`), make it an organisation? Also a street: a run right after
    /// a house number (`5309 Jefferson Blvd`).
    fn org_or_street(&self, i: usize, end: usize, ctx: Ctx) -> bool {
        if i > 0
            && self.low(i - 1).bytes().all(|b| b.is_ascii_digit())
            && matches!(self.gap(i - 1), " " | " W. " | " N. " | " S. " | " E. ")
        {
            return true;
        }
        let mut k = i;
        while k < self.toks.len() && k <= end + 3 {
            if k > end && !matches!(self.toks[k].shape, Shape::Title | Shape::Upper) {
                break;
            }
            let w = self.low(k);
            // `Dr. Church`, `Dr. Lane`: right after a title the first word is the surname.
            let titled = k == i && ctx == Ctx::Title;
            // `Theodore St. John`: a saint's name inside a person's, after a first name.
            let saint = w == "st" && k > i && k < end && Known::of(self.low(i)).first;
            if !titled && !saint && (in_table(ORG, w) || (ctx < Ctx::Strong && in_table(STREET, w)))
            {
                return true;
            }
            let g = self.gap(k);
            if !(g == " " || (k >= end && g.is_empty())) {
                break;
            }
            k += 1;
        }
        false
    }

    /// `LASTNAME, FIRSTNAME M` for the surname run `i..=end` (`DEL TORO, RIGOBERTO H`, `Di
    /// Stefano, Salvatore, MD`, `Washington, Shaniqua`): the last token of the whole name, if
    /// the words after the comma make one. It needs a slot or title before, a credential or
    /// `DOB` after, capitals with listed names, or a listed surname before a sure first name.
    fn comma_form(&self, i: usize, end: usize, ctx: Ctx) -> Option<usize> {
        // A surname of several words only with particles (`Van Dyke`, `DEL TORO`): `Ahmed
        // Mwangi, Bluestem Pediatrics` is a name and then a practice.
        if end - i > 2
            || self.gap(end) != ", "
            || (i + 1..end).any(|k| !in_table(PARTICLES, self.low(k)))
            || (end > i + 1 && !in_table(PARTICLES, self.low(end - 1)))
            || (end == i + 1 && !in_table(PARTICLES, self.low(i)))
            || (i..=end).any(|k| self.toks[k].shape == Shape::Initial)
        {
            return None;
        }
        let shape = self.toks[i].shape;
        let ok = |k: usize| {
            self.toks.get(k).is_some_and(|t| t.shape == shape) && {
                let w = self.low(k);
                !in_table(STOP, w) && !in_table(CREDENTIALS, w) && !is_context_word(w)
            }
        };
        let mut last = end + 1;
        if !ok(last) {
            return None;
        }
        // A second given name (`MAI YER`), then a middle initial.
        if self.joins(last) && ok(last + 1) && !Known::of(self.low(last + 1)).common {
            last += 1;
        }
        if last + 1 < self.toks.len()
            && self.joins(last)
            && self.toks[last + 1].shape == Shape::Initial
        {
            last += 1;
        }
        if self.org_or_street(end + 1, last, Ctx::None) {
            return None;
        }
        let given = Known::of(self.low(end + 1));
        let sur = (i..=end).any(|k| Known::of(self.low(k)).name());
        let given_word = self.low(end + 1);
        // `Decatur, Macon`: a city and its county.
        let place_like = in_table(STATES, given_word)
            || in_table(CALENDAR, given_word)
            || (end == i
                && self.is_city(i)
                && dict::county(&self.norm[self.toks[end + 1].start..self.toks[last].end]));
        let after = self.after(last);
        let accepted = ctx >= Ctx::Strong
            || matches!(after, After::Credential | After::Relation)
            || (ctx >= Ctx::Loose && sur && given.name())
            || (shape == Shape::Upper && sur && given.name())
            || (sur && given.first && given.sure() && !place_like);
        accepted.then_some(last)
    }

    /// Tries a capitalized run starting at token `i`; returns where to continue.
    fn capitalized(&self, i: usize, found: &mut Vec<(usize, usize, f32)>) -> usize {
        let w = self.low(i);
        let initial = self.toks[i].shape == Shape::Initial;
        // `Dr. Lane`: a street word right after a title is a surname.
        let titled_street = in_table(STREET, w) && self.context(i).0 == Ctx::Title;
        // `can Bill come in`: a capitalized first name between a modal and a verb of doing is a
        // person even when it is also a stop word (`bill`).
        let modal_name = self.toks[i].shape == Shape::Title
            && in_table(STOP, w)
            && !in_table(TITLES, w)
            && !in_table(RELATIONS, w)
            && Known::of(w).first
            && self.modal_question(i);
        if modal_name {
            found.push((i, i, WEAKER));
            return i + 1;
        }
        if !initial
            && (is_context_word(w) || in_table(CREDENTIALS, w) || english_prefix(w))
            && !titled_street
        {
            return i + 1;
        }
        if initial && self.gap(i).starts_with('.') && !self.joins(i) {
            return i + 1;
        }
        let (ctx, _) = self.context(i);
        // The run: capitalized tokens, particles between them, initials.
        let mut end = i;
        while end + 1 < self.toks.len() && end + 1 - i < MAX_TOKENS && self.joins(end) {
            let n = end + 1;
            let nw = self.low(n);
            match self.toks[n].shape {
                Shape::Initial => end = n,
                Shape::Title | Shape::Upper
                    if !in_table(STOP, nw)
                        && !in_table(CREDENTIALS, nw)
                        && !is_context_word(nw) =>
                {
                    end = n
                }
                Shape::Lower | Shape::Title if in_table(PARTICLES, nw) => {
                    // Particles only inside a name (`de la Cruz`): more of it must follow.
                    let mut k = n;
                    while k < self.toks.len() && in_table(PARTICLES, self.low(k)) && self.joins(k) {
                        k += 1;
                    }
                    if k > n
                        && k < self.toks.len()
                        && matches!(self.toks[k].shape, Shape::Title | Shape::Upper)
                        && !in_table(STOP, self.low(k))
                    {
                        end = k;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        // `LASTNAME, FIRSTNAME M` after a slot or title, or in capitals with a list name.
        let mut comma = false;
        if let Some(e) = self.comma_form(i, end, ctx) {
            end = e;
            comma = true;
        }
        if self.org_or_street(i, end, ctx) {
            return end + 1;
        }
        // `Interpreter: Haitian Creole`, `Korean-speaking`: languages and peoples.
        if (i..=end).all(|k| in_table(LANGUAGES, self.low(k))) {
            return end + 1;
        }
        // Trailing initials belong only to `LAST, FIRST M`; a leading one needs a surname after.
        while end > i && self.toks[end].shape == Shape::Initial && !comma {
            end -= 1;
        }
        if initial && end == i {
            return i + 1;
        }
        let n = end + 1 - i;
        let len_words = (i..=end).filter(|&k| !in_table(PARTICLES, self.low(k))).count();
        if len_words > 4 || (self.toks[i].shape == Shape::Upper && n > 3 && !comma) {
            return end + 1;
        }
        let known: Vec<Known> = (i..=end).map(|k| Known::of(self.low(k))).collect();
        let text = &self.norm[self.toks[i].start..self.toks[end].end];
        let any_name = known.iter().any(Known::name);
        let any_sure = known.iter().any(Known::sure);
        let any_eponym = known.iter().any(|k| k.eponym || k.clinical);
        let all_clinical = known.iter().all(|k| k.clinical || (k.eponym && !k.first));
        let after = self.after(end);
        let single = n == 1;
        let first_low = self.low(i);
        // A lone word that is a month, state or product is not a name without a strong context.
        let lone_veto = single
            && (in_table(CALENDAR, first_low)
                || in_table(STATES, first_low)
                || in_table(PRODUCTS, first_low));
        let prev_greeting = i > 0
            && (greeting(self.low(i - 1))
                || (i > 1 && self.low(i - 1) == "you" && self.low(i - 2) == "thank"));
        let line_end = self.toks.get(end + 1).is_none_or(|_| {
            let g = self.gap(end);
            g.contains('\n') || g.trim_start().starts_with([',', '!', '.'])
        }) || end + 1 == self.toks.len();
        let city_not_first = self.is_city(i) && !known[0].first;
        // A title, a slot or relation, a credential or bracketed relation after, or a speech
        // verb after a listed name.
        let strong = ctx == Ctx::Title
            || (comma && !all_clinical)
            || (ctx == Ctx::Strong && !all_clinical)
            || (matches!(after, After::Credential | After::Relation) && !all_clinical)
            || (after == After::Verb && any_name && !(single && (known[0].common || lone_veto)));
        // A weak context word (`hi`, `for`, `w`) before a listed name, an initial and surname, or
        // a sign-off word closing the line (`Thanks, Kwame`).
        let weak = (ctx >= Ctx::Weak && initial && n >= 2)
            || (ctx >= Ctx::Weak
                && !lone_veto
                && !(single && any_eponym)
                && (any_name || (single && prev_greeting && line_end))
                && (!single || !known[0].common || prev_greeting)
                && !(single && city_not_first))
            // `Maria's phone`: a first name with a possessive is a person even opening a line.
            || (single
                && self.toks[i].shape == Shape::Title
                && known[0].first
                && known[0].sure()
                && self.toks[i].full_end != self.toks[i].end);
        // `Maria Lopez`: a Title Case pair with a name that is not an everyday word.
        let pair = n >= 2
            && any_sure
            && !any_eponym
            && !in_table(PRODUCTS, first_low)
            && (i..=end)
                .all(|k| self.toks[k].shape == Shape::Initial || plausible_lower(self.low(k)))
            && (known.iter().filter(|k| k.name()).count() >= 2
                || (i..=end).any(|k| matches!(self.toks[k].shape, Shape::Title | Shape::Initial)))
            && (self.toks[i].shape == Shape::Title || comma)
            && !city_not_first
            && dict::city(text).is_none();
        // A listed name that is no everyday word, mid-sentence.
        let lone = single
            && self.toks[i].shape == Shape::Title
            && known[0].sure()
            && !known[0].rare
            && !lone_veto
            && !w.contains('-')
            && !self.sentence_start(i)
            && !self.is_city(i)
            && self.toks[i].end - self.toks[i].start >= 3;
        // `Keiko is picking me up` (a sure first name opening a sentence), `can Bill come in`.
        let subject = single
            && after == After::Subject
            && known[0].first
            && !lone_veto
            && !known[0].clinical
            && !known[0].eponym
            && ((self.sentence_start(i) && known[0].sure() && !known[0].english)
                || self.modal_question(i));
        // `Cedar Rapids IA`, `Walla Walla`: a place name, unless a title or slot says person.
        let place = !comma && ctx < Ctx::Strong && {
            let last_state =
                end > i && self.toks[end].shape == Shape::Upper && self.low(end).len() == 2;
            let core_end = if last_state { end - 1 } else { end };
            n > 1 && dict::city(&self.norm[self.toks[i].start..self.toks[core_end].end]).is_some()
        };
        // `Nurse Practitioner`, `Patient Portal`: a role word heading a noun phrase; a lone word
        // no name list holds after it is a name only if it cannot be an English or agent noun.
        // `this is Chiamaka Olawale`, `Tuấn here`: a self-introduction of words no list holds,
        // as a Title Case pair after the slot or a lone word opening the message before `here`.
        let unlisted = |k: usize| {
            self.toks[k].shape == Shape::Title
                && (unknown_word(self.low(k)) || (known[k - i].name() && !known[k - i].english))
        };
        let introduced = (ctx == Ctx::Loose && (2..=3).contains(&n) && (i..=end).all(unlisted))
            || (single
                && self.sentence_start(i)
                && unknown_word(first_low)
                && self.toks[i].shape == Shape::Title
                && after == After::Verb
                && self.low(i + 1) == "here"
                && self.gap(i + 1).starts_with(','));
        let role_noun = single
            && ctx == Ctx::Strong
            && (!known[0].name() || known[0].rare)
            && i > 0
            && self.toks[i - 1].shape != Shape::Lower
            && in_table(RELATIONS, self.low(i - 1))
            && (known[0].english || derived_word(first_low) || agent_noun(first_low));
        let conf = match () {
            _ if after == After::Clinical && ctx != Ctx::Title => None,
            _ if place || role_noun => None,
            _ if strong => Some(STRONG),
            _ if weak || subject || introduced => Some(WEAKER),
            _ if pair => Some(PAIR),
            _ if lone => Some(LONE),
            _ => None,
        };
        if let Some(c) = conf {
            found.push((i, end, c));
        }
        end + 1
    }

    /// Does the context of the name `a..=b` say a clinician (see [`clinicians`])?
    fn clinician_at(&self, a: usize, b: usize) -> bool {
        if self.after(b) == After::Credential {
            let next = self.low(b + 1);
            return !matches!(next, "jr" | "sr" | "esq");
        }
        if a == 0 {
            return false;
        }
        let g = self.gap(a - 1);
        if g.len() > 4 || g.contains('\n') || !g.bytes().all(|b| b" \t:.,(/".contains(&b)) {
            return false;
        }
        let w = self.low(a - 1);
        if w == "s" && self.norm[..self.toks[a - 1].start].ends_with('/') {
            return true;
        }
        if in_table(CLINICIAN_BEFORE, w) && (!in_table(TITLES, w) || self.is_title(a - 1)) {
            return true;
        }
        a >= 2
            && self.gap(a - 2) == " "
            && in_table(CLINICIAN_BEFORE, &format!("{} {w}", self.low(a - 2)))
    }

    /// Is token `i` between a modal and a verb of doing (`can Wade come`, `could siobhán call`)?
    fn modal_question(&self, i: usize) -> bool {
        i > 0
            && i + 1 < self.toks.len()
            && self.gap(i - 1) == " "
            && self.gap(i) == " "
            && in_table(MODALS, self.low(i - 1))
            && in_table(PERSON_VERBS, self.low(i + 1))
    }

    /// Is the word before token `i` a family relation (`my son jake`, `mom (thảo)`, `abuela
    /// yesenia`) or a slot that ends in a name (`my name is`, `signed by`)? After them even a
    /// word no list holds is a name, if it is no English word.
    fn names_next(&self, i: usize) -> bool {
        i > 0
            && matches!(self.gap(i - 1), " " | " (" | "(" | ": " | " : ")
            && {
                let w = self.low(i - 1);
                (in_table(PAREN_AFTER, w) && !matches!(w, "self" | "patient"))
                    || matches!(w, "is" | "name" | "by" | "cc" | "law")
                    || w.ends_with("-in-law")
            }
            && self.context(i).0 >= Ctx::Strong
    }

    /// Tries a lower-case name at token `i` (chat); returns where to continue.
    fn lower_case(&self, i: usize, found: &mut Vec<(usize, usize, f32)>) -> usize {
        let w = self.low(i);
        if in_table(STOP, w)
            || in_table(RELATIONS, w)
            || english_prefix(w)
            || in_table(PARTICLES, w) && !self.particle_run(i)
        {
            return i + 1;
        }
        let (ctx, family) = self.context(i);
        // `dr r. whitaker`: a lower-case initial after a title, then the surname.
        if ctx == Ctx::Title
            && w.chars().count() == 1
            && self.gap(i).starts_with('.')
            && self.joins_after_dot(i)
            && self.toks[i + 1].shape == Shape::Lower
            && plausible_lower(self.low(i + 1))
            && !Known::of(self.low(i + 1)).clinical
        {
            let mut end = i + 1;
            while end + 1 - i < MAX_TOKENS {
                match self.lower_next(end, ctx) {
                    Some(n) => end = n,
                    None => break,
                }
            }
            found.push((i, end, STRONG));
            return end + 1;
        }
        let k = Known::of(w);
        let plausible = plausible_lower(w);
        let relation_end = self.named_relation(i);
        let after = self.after(i);
        // `nadia here`: the writer's name opens the message, a sentence or a clause (`no phi
        // here` is no name; `..., guadalupe asked for it`).
        let here = after == After::Verb
            && k.first
            && !k.common
            && (self.clause_start(i) || (i > 0 && greeting(self.low(i - 1))));
        // `mark cook called`, `bud fox said`: a first name and a surname before a verb of speech
        // are a person even when both are everyday words.
        let verb_pair = k.first
            && !k.clinical
            && !k.eponym
            && !k.calendar
            && i + 1 < self.toks.len()
            && self.joins(i)
            && self.toks[i + 1].shape == Shape::Lower
            && self.after(i + 1) == After::Verb
            && {
                let n = Known::of(self.low(i + 1));
                n.sur && !n.clinical && !n.eponym && !in_table(STOP, self.low(i + 1))
            };
        // `joaquín's mom here`, `nimra's son`: a possessive name before a family word.
        let owner = self.toks[i].full_end != self.toks[i].end
            && self.gap(i) == " "
            && self.toks.get(i + 1).is_some_and(|n| n.shape == Shape::Lower)
            && in_table(PAREN_AFTER, self.low(i + 1))
            && !matches!(self.low(i + 1), "self" | "patient")
            && (k.lower_sure() || unknown_word(w));
        // `yesenia is picking me up`, `can clay come in`.
        let subject = after == After::Subject
            && k.first
            && !k.clinical
            && !k.eponym
            && !is_context_word(w)
            && ((self.sentence_start(i) && k.lower_sure()) || self.modal_question(i));
        // `theodore whitaker is my emergency contact`: two listed names, no English word.
        let pair = k.first
            && k.lower_sure()
            && i + 1 < self.toks.len()
            && self.joins(i)
            && self.toks[i + 1].shape == Shape::Lower
            && {
                let n = Known::of(self.low(i + 1));
                n.sur && n.lower_sure()
            };
        let unknown = plausible
            && !k.english
            && !derived_word(w)
            && !k.clinical
            && !k.eponym
            && !k.calendar
            && !in_table(STATES, w)
            && !office_noun(w);
        let first_ok = match ctx {
            Ctx::Title => plausible && !k.clinical && (k.name() || !office_noun(w)),
            // The rare tails hold no English word once looked up (see [`Known::of`]), so after
            // a relation a rare name counts too (`my father in law obinna`, `baby kou`).
            Ctx::Strong => {
                (k.name() && (!k.rare || !derived_word(w)) && !k.clinical && (!k.common || family))
                    || (unknown && self.names_next(i))
                    // `nurse spyros said`: a role, a word no list holds, a verb of speech.
                    || (unknown && !agent_noun(w) && after == After::Verb)
            }
            Ctx::Loose | Ctx::Weak => {
                (k.first && !k.common && !k.clinical && !k.eponym)
                    || (ctx == Ctx::Loose && unknown_word(w) && self.introduces(i))
                    || (unknown_word(w) && self.greeting_then_intro(i))
            }
            Ctx::None => here || subject || pair || verb_pair || owner || relation_end.is_some(),
        };
        // `this is june lindqvist`: an everyday first name joined by a surname after a slot.
        let common_pair = !first_ok
            && matches!(ctx, Ctx::Strong | Ctx::Loose)
            && k.first
            && !k.clinical
            && self.lower_next(i, ctx).is_some_and(|n| n > i);
        let title_particle = in_table(PARTICLES, w) && ctx == Ctx::Title;
        if !(first_ok || common_pair || title_particle || owner) {
            return i + 1;
        }
        // A title or slot carries a name through words no list holds (`dr anders kowalski`,
        // `this is priya raghunathan`); after a relation word the next word must be a listed
        // surname (`mi hija valentina tiene fiebre`).
        let carry = match ctx {
            Ctx::Strong if i > 0 && in_table(RELATIONS, self.low(i - 1)) => Ctx::Weak,
            c => c,
        };
        let mut end = i;
        while end + 1 - i < MAX_TOKENS {
            match self.lower_next(end, carry) {
                Some(n) => end = n,
                None => break,
            }
        }
        // `my friend taras tkachuk recommended`: after a relation, a second word no list holds
        // joins when English (or the end of the clause) follows it, unlike `valentina tiene
        // fiebre`.
        if end == i && carry == Ctx::Weak && ctx == Ctx::Strong && self.joins(i) {
            let n = i + 1;
            let closes = |k: usize| {
                self.toks.get(k + 1).is_none_or(|t| {
                    let g = self.gap(k);
                    let nw = &self.lower[t.start..t.end];
                    g.contains([',', '.', '!', '?', '\n', ';', ':'])
                        || (g == " " && (in_table(STOP, nw) || dict::is_everyday_word(nw)))
                })
            };
            // NOTE: `get`: the relation's word may be the text's last (a stream's window ends
            // anywhere).
            if self.toks.get(n).is_some_and(|t| t.shape == Shape::Lower)
                && unknown_word(self.low(n))
                && closes(n)
            {
                end = n;
            }
        }
        end = end.max(relation_end.unwrap_or(end));
        if in_table(PARTICLES, self.low(end)) {
            return end + 1;
        }
        // `calvert hospital`, `alder street pharmacy`: the words name a place, not a person.
        if self.toks.get(end + 1).is_some_and(|t| t.shape == Shape::Lower)
            && self.gap(end) == " "
            && (in_table(ORG, self.low(end + 1)) || in_table(STREET, self.low(end + 1)))
            && ctx != Ctx::Title
        {
            return end + 2;
        }
        // `my name is ben-david, tova`: LAST, FIRST after a name slot.
        if ctx == Ctx::Strong
            && (i == 0 || !in_table(RELATIONS, self.low(i - 1)))
            && self.gap(end) == ", "
        {
            let g = end + 1;
            if self.toks.get(g).is_some_and(|t| t.shape == Shape::Lower) {
                let gw = self.low(g);
                let kg = Known::of(gw);
                if !in_table(STOP, gw) && ((kg.first && !kg.common) || unknown_word(gw)) {
                    end = g;
                }
            }
        }
        let conf = match ctx {
            Ctx::Title | Ctx::Strong => STRONG,
            Ctx::Loose | Ctx::Weak => WEAKER,
            Ctx::None if verb_pair || owner => WEAKER,
            Ctx::None => LONE,
        };
        found.push((i, end, conf));
        end + 1
    }

    /// `hey ifrah it's gülşen`, `hi konstantina, ...`: a greeting right before token `i`, and a
    /// comma or the writer's own introduction right after it.
    fn greeting_then_intro(&self, i: usize) -> bool {
        i > 0
            && matches!(self.low(i - 1), "hi" | "hello" | "hey" | "dear")
            // Forms of address that are no name (`hi yall,`).
            && !matches!(
                self.low(i),
                "yall" | "y'all" | "ya'll" | "folks" | "peeps" | "guys" | "bestie" | "babe" | "hun"
                    | "dude" | "bro" | "sis" | "fam" | "doc" | "docs" | "nurses" | "ladies"
            )
            && self.toks.get(i + 1).is_some_and(|_| {
                let g = self.gap(i);
                g.trim_start().starts_with(',')
                    || (g == " "
                        && matches!(
                            &self.lower[self.toks[i + 1].start..self.toks[i + 1].full_end],
                            "its" | "it's" | "it\u{2019}s" | "im" | "i'm" | "this"
                        ))
            })
    }

    /// Is token `i` followed by `. ` (at most one more space) and another word?
    fn joins_after_dot(&self, i: usize) -> bool {
        i + 1 < self.toks.len()
            && self
                .gap(i)
                .strip_prefix('.')
                .is_some_and(|r| (1..=2).contains(&r.len()) && r.bytes().all(|b| b == b' '))
    }

    /// `nimra chaudhry is my emergency contact`, `teodor is my nephew`: one or two words opening
    /// a clause, each a name or a word no list holds, then `is my` and a relation. Returns the
    /// last token of the name.
    fn named_relation(&self, i: usize) -> Option<usize> {
        if !self.clause_start(i) {
            return None;
        }
        let nameish = |k: usize| {
            self.toks[k].shape == Shape::Lower && {
                let w = self.low(k);
                let kn = Known::of(w);
                (kn.name() && !kn.english && !kn.common && !kn.clinical && plausible_lower(w))
                    || unknown_word(w)
            }
        };
        let ends = |e: usize| {
            e + 3 < self.toks.len()
                && (e..e + 3).all(|k| self.gap(k) == " ")
                && self.low(e + 1) == "is"
                && matches!(self.low(e + 2), "my" | "our" | "his" | "her")
                && (in_table(RELATIONS, self.low(e + 3)) || self.low(e + 3) == "emergency")
        };
        if !nameish(i) {
            None
        } else if ends(i) {
            Some(i)
        } else {
            (i + 1 < self.toks.len() && self.joins(i) && nameish(i + 1) && ends(i + 1))
                .then_some(i + 1)
        }
    }

    /// Is token `i` at the start of a sentence or of a clause after a comma (`..., guadalupe
    /// asked for it`)?
    fn clause_start(&self, i: usize) -> bool {
        // Chat messages pasted together are often separated by a run of spaces only.
        self.sentence_start(i)
            || (i > 0 && {
                let g = self.gap(i - 1);
                g.trim_end().ends_with(',') || g.contains("  ") || g.contains('\t')
            })
    }

    /// After a self-introduction (`hi im nadège dorvil`, `its konstantina again`, `this is nou
    /// moua`), does the word at `i`, which no list holds, stand as a name? It must be followed
    /// by a listed surname or a word no list holds, or close the introduction: the end of the
    /// text or a clause, or `again`, `here`, `from`, `and`.
    fn introduces(&self, i: usize) -> bool {
        let w = self.low(i - 1);
        let intro = matches!(w, "im" | "i'm" | "i\u{2019}m" | "its" | "it's" | "it\u{2019}s")
            || (w == "am" && i > 1 && self.low(i - 2) == "i")
            || (w == "is" && i > 1 && self.low(i - 2) == "this");
        if !intro {
            return false;
        }
        let Some(next) = self.toks.get(i + 1) else { return self.greeted(i) };
        let g = self.gap(i);
        if g.contains([',', '.', '!', '?', '\n', ';', ':']) {
            return self.greeted(i);
        }
        if g != " " || next.shape != Shape::Lower {
            return false;
        }
        let n = self.low(i + 1);
        let kn = Known::of(n);
        (kn.sur && !kn.english && !kn.common && !kn.clinical && plausible_lower(n))
            || ((unknown_word(n) || matches!(n, "again" | "here" | "from" | "and"))
                && self.greeted(i))
    }

    /// Does the line of token `i` open with a greeting a few words before it (`hi dr đặng its
    /// konstantina`, `hello, this is ...`)?
    fn greeted(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..5 {
            if k == 0 || self.gap(k - 1).contains('\n') {
                break;
            }
            k -= 1;
            if greeting(self.low(k)) && !matches!(self.low(k), "thanks" | "thx" | "ty" | "sorry") {
                return true;
            }
        }
        false
    }

    /// Is the particle at `i` the start of a lower-case multi-part surname (`van der berg`)?
    fn particle_run(&self, i: usize) -> bool {
        let mut k = i;
        while k < self.toks.len() && in_table(PARTICLES, self.low(k)) && self.joins(k) {
            k += 1;
        }
        k > i && k < self.toks.len() && !in_table(STOP, self.low(k))
    }

    /// The last token of the lower-case name continuing after token `end`, if one does: a
    /// particle run and the word after it, a name-list word, or (after a title or a strong
    /// slot) a plausible unknown word (`anders kowalski`, `june lindqvist`).
    fn lower_next(&self, end: usize, ctx: Ctx) -> Option<usize> {
        let n = end + 1;
        if n >= self.toks.len() || !self.joins(end) {
            return None;
        }
        // `mr ter Horst`: a particle may lead to a capitalized surname.
        if self.toks[n].shape != Shape::Lower
            && self.toks[end].shape == Shape::Lower
            && !in_table(PARTICLES, self.low(end))
        {
            return None;
        }
        // `rivka t. weinstein`: a lower-case middle initial.
        if self.toks[n].shape == Shape::Lower
            && self.low(n).chars().count() == 1
            && self.gap(n).starts_with(". ")
            && self.gap(n).len() <= 3
        {
            let m = n + 1;
            let sur = m < self.toks.len()
                && self.toks[m].shape == Shape::Lower
                && plausible_lower(self.low(m))
                && Known::of(self.low(m)).sur;
            return sur.then_some(m);
        }
        let w = self.low(n);
        if in_table(STOP, w) || in_table(CREDENTIALS, w) || is_context_word(w) {
            return None;
        }
        if in_table(PARTICLES, w) {
            let mut k = n;
            while k < self.toks.len() && in_table(PARTICLES, self.low(k)) && self.joins(k) {
                k += 1;
            }
            let last = self.low(k.min(self.toks.len() - 1));
            return (k < self.toks.len()
                && k > n
                && !in_table(STOP, last)
                && plausible_lower(last))
            .then_some(k);
        }
        let k = Known::of(w);
        if k.clinical || k.eponym {
            return None;
        }
        if k.sur && plausible_lower(w) {
            return Some(n);
        }
        let strong = matches!(ctx, Ctx::Title | Ctx::Strong | Ctx::Loose);
        (strong && !k.common && !k.english && plausible_lower(w) && !in_table(AFTER, w))
            .then_some(n)
    }

    /// Adds a first name coordinated with a found name (`joy and rodrigo`, `Faith and Bao`,
    /// `rodrigo and joy`): `and` between two words makes them the same kind of thing.
    fn coordinated(&self, found: &mut Vec<(usize, usize, f32)>) {
        let mut more = Vec::new();
        for &(a, b, _) in found.iter() {
            let sides = [(a >= 2).then(|| (a - 2, a - 1)), Some((b + 2, b + 1))];
            for (k, and) in sides.into_iter().flatten() {
                if k >= self.toks.len()
                    || !matches!(self.low(and), "and" | "or")
                    || self.gap(and) != " "
                    || self.gap(and - 1) != " "
                    || found.iter().any(|&(x, y, _)| x <= k && k <= y)
                {
                    continue;
                }
                let lower = self.toks[k].shape == Shape::Lower;
                let same_case = lower == (self.toks[a].shape == Shape::Lower);
                let w = self.low(k);
                let kn = Known::of(w);
                if same_case
                    && matches!(self.toks[k].shape, Shape::Lower | Shape::Title)
                    && kn.first
                    && !kn.clinical
                    && !kn.eponym
                    && !kn.calendar
                    && !is_context_word(w)
                    && !in_table(STATES, w)
                    && !in_table(PRODUCTS, w)
                {
                    more.push((k, k, LONE));
                }
            }
        }
        found.extend(more);
    }

    /// Marks every other mention of a token already found as a name (`Thanks, Agnieszka` after
    /// `Agnieszka Abernathy`), merged into `found`.
    fn repeat_mentions(&self, found: &mut Vec<(usize, usize, f32)>) {
        let mut keys: HashSet<&str> = HashSet::new();
        let mut covered = vec![false; self.toks.len()];
        for &(a, b, _) in found.iter() {
            for (k, c) in covered.iter_mut().enumerate().take(b + 1).skip(a) {
                *c = true;
                let w = self.low(k);
                let kn = Known::of(w);
                if w.chars().count() >= 3
                    && self.toks[k].shape != Shape::Initial
                    && !in_table(PARTICLES, w)
                    && !in_table(STOP, w)
                    && !kn.common
                    && !kn.clinical
                    && !kn.eponym
                    && !kn.calendar
                {
                    keys.insert(w);
                }
            }
        }
        if keys.is_empty() {
            return;
        }
        for (k, &done) in covered.iter().enumerate() {
            if !done && self.toks[k].shape != Shape::Other && keys.contains(self.low(k)) {
                found.push((k, k, LONE));
            }
        }
    }
}

/// What a phrase of context words (lower case) says.
fn classify(phrase: &str) -> Ctx {
    if in_table(TITLES, phrase) {
        Ctx::Title
    } else if in_table(LOOSE_SLOTS, phrase) {
        Ctx::Loose
    } else if in_table(RELATIONS, phrase) || in_table(SLOTS, phrase) {
        Ctx::Strong
    } else if in_table(WEAK, phrase) {
        Ctx::Weak
    } else {
        Ctx::None
    }
}

/// A word that announces a name rather than being part of one (`Dr`, `son`, `Spouse`, `RN`).
fn is_context_word(w: &str) -> bool {
    in_table(TITLES, w) || in_table(RELATIONS, w) || in_table(STOP, w)
}

/// `my`, `his`, `pt's`: a possessive before a relation word.
fn is_possessive(w: &str) -> bool {
    matches!(w, "my" | "his" | "her" | "their" | "our" | "your" | "ur" | "its" | "mi" | "su")
        || w.ends_with("'s")
        || w.ends_with("\u{2019}s")
}

/// Greetings after which even an everyday first name is a name (`Hi Will`, `thanks, Hope`).
fn greeting(w: &str) -> bool {
    matches!(w, "hi" | "hello" | "hey" | "dear" | "thanks" | "thx" | "ty" | "sorry")
}

/// Nouns that follow a bare `Dr` without naming anyone (`per Dr instructions`, `dr office`,
/// `Dr's orders`): a word outside the name lists with a noun's ending, or one of the usual ones.
fn office_noun(w: &str) -> bool {
    const NOUNS: &[&str] = &[
        "office",
        "offices",
        "orders",
        "order",
        "instructions",
        "appointment",
        "appt",
        "appts",
        "visit",
        "visits",
        "note",
        "notes",
        "advice",
        "recommendations",
        "referral",
        "approval",
        "clearance",
        "consult",
        "letter",
        "team",
        "staff",
        "nurse",
        "said",
        "says",
        "told",
    ];
    NOUNS.contains(&w)
        || ["tion", "tions", "ment", "ments", "ness", "ance", "ances"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// A lower-case word no list holds as English, clinical, calendar, state or product vocabulary
/// (`raghunathan`, `nadège`, `konstantina`): after a self-introduction or a title it can only be
/// a name.
fn unknown_word(w: &str) -> bool {
    // `soooo`, `plzzz`: a letter three times running is chat emphasis, not a name.
    let chars: Vec<char> = w.chars().collect();
    if chars.windows(3).any(|t| t[0] == t[1] && t[1] == t[2]) {
        return false;
    }
    let k = Known::of(w);
    w.chars().count() >= 3
        && plausible_lower(w)
        && !k.english
        && !k.common
        && !k.clinical
        && !k.eponym
        && !k.calendar
        && !derived_word(w)
        && !office_noun(w)
        && !in_table(STATES, w)
        && !in_table(PRODUCTS, w)
}

/// Is `w` shaped like an English agent or role noun (`practitioner`, `educator`, `assistant`,
/// `navigator`)? Listed names with these endings (`Miller`) are looked up before this applies.
fn agent_noun(w: &str) -> bool {
    w.len() > 5 && ["er", "or", "ist", "ant", "ent", "ian"].iter().any(|s| w.ends_with(s))
}

/// Does `w` start with an English prefix and a hyphen (`mid-shin`, `non-smoker`, `ex-wife`)? The
/// name lists know the part after it (`Shin`), but the word is no name.
fn english_prefix(w: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "mid", "non", "pre", "post", "self", "anti", "sub", "semi", "over", "under", "well",
        "half", "full", "re", "co", "ex", "left", "right", "low", "high", "long", "short", "step",
        "in",
    ];
    w.split_once('-').is_some_and(|(p, _)| PREFIXES.contains(&p.to_lowercase().as_str()))
}

/// Is `w` shaped like a derived English word (`reachable`, `nauseous`, `tenderness`), which
/// the small lexicon may not hold but no name is?
fn derived_word(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "able", "ible", "ful", "less", "ous", "ive", "ness", "ment", "tion", "sion", "ity", "ical",
        "ize", "ise", "ism", "ist", "ate", "ary", "ery", "ic", "al",
    ];
    w.len() > 4 && SUFFIXES.iter().any(|s| w.ends_with(s))
}

/// Could a lower-case word be a name? Letters only, two or more of them, and not shaped like an
/// inflected English word (`-ing`, `-ed`, `-ly`) unless a name list holds it (`ahmed`).
fn plausible_lower(w: &str) -> bool {
    if english_prefix(w) {
        return false;
    }
    let inflected = w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly"));
    w.chars().count() >= 2
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'))
        && (!inflected || Known::of(w).name())
        && !in_table(STOP, w)
}

#[cfg(test)]
mod tests;
