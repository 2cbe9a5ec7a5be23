//! Registered names (the patient's and the relatives'), found in any case and order.
//!
//! A registered name is split into parts with a role (given, middle, surname). The text is cut
//! into word tokens once; each token is folded (`fold.rs`) and looked up among the parts by binary
//! search, so the work is one lookup per word. Adjacent hits of the same person, with the initials
//! and middle words between them, make one span: `Dan Smith`, `SMITH, DAN J`, `D. Smith`,
//! `Smith's` (without the `'s`). Titles are never parts, so `Mr. Smith` gives `Smith`.
//!
//! Parts that are also everyday words (`Will`, `Rose`, `Brown`), particles (`van`, `de`) and
//! two-letter parts are weak: alone, they count only in a name context (a title, a relation or
//! greeting word before them, a possessive, or a capital letter inside a sentence).

use zeroize::Zeroize;

use super::fold::{fold, fold_into, is_apostrophe};
use crate::detect::dict;
use crate::detect::Candidate;
use crate::label::Label;

/// What a part is in the name it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Given,
    Middle,
    Surname,
}

/// One folded part of a registered name.
#[derive(Zeroize)]
struct Part {
    key: String,
    #[zeroize(skip)]
    role: Role,
    person: u32,
    /// Needs a name context when it stands alone.
    weak: bool,
}

/// The registered names, parts sorted by key.
#[derive(Default)]
pub(super) struct Names {
    parts: Vec<Part>,
    persons: u32,
}

/// Titles and suffixes that may appear in a registered name but are not part of it.
const NOT_PARTS: [&str; 24] = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "jr", "sr", "ii", "iii", "iv",
    "md", "do", "rn", "np", "pa", "phd", "dds", "esq", "lpn", "dmd",
];

/// Surname particles: part of the surname, never a name alone.
const PARTICLES: [&str; 16] = [
    "van", "von", "der", "den", "de", "del", "della", "la", "le", "da", "di", "dos", "bin", "ibn",
    "al", "el",
];

/// Names that are everyday words in clinical notes and chat, sorted. A subset of the
/// dictionary's common words: for a registered name the host vouches for, a rarer word
/// (`Smith`, `Taylor`, `Miller`) is far more likely the person than the word.
const EVERYDAY: [&str; 78] = [
    "april", "august", "back", "best", "bill", "black", "blood", "blue", "bone", "bright", "brown",
    "call", "case", "check", "clear", "cost", "day", "deal", "do", "early", "east", "fair", "fine",
    "frank", "free", "gay", "gold", "good", "grace", "gray", "green", "grey", "hand", "happy",
    "hardy", "head", "her", "home", "hope", "in", "joy", "june", "key", "lead", "light", "little",
    "long", "love", "low", "lung", "major", "mark", "may", "new", "nice", "normal", "north", "ok",
    "only", "page", "power", "rash", "read", "rose", "said", "see", "sharp", "short", "small",
    "so", "south", "still", "strong", "to", "west", "white", "will", "young",
];

/// Given names and their usual short forms, one set a line: a registered name in a set brings
/// the others. Sets never share a name (checked by a test).
const NICKNAMES: [&str; 56] = [
    "daniel dan danny",
    "william will bill billy liam",
    "robert rob bob bobby",
    "richard rick rich ricky",
    "james jim jimmy jamie",
    "john johnny jack",
    "joseph joe joey",
    "michael mike mikey",
    "thomas tom tommy",
    "christopher chris",
    "matthew matt",
    "anthony tony",
    "nicholas nick nicky",
    "alexander alex xander",
    "benjamin ben benny",
    "jonathan jon",
    "samuel sam sammy",
    "edward ed eddie ted",
    "charles charlie chuck",
    "andrew andy drew",
    "steven stephen steve",
    "gregory greg",
    "timothy tim timmy",
    "kenneth ken kenny",
    "donald don donnie",
    "ronald ron ronnie",
    "gerald jerry",
    "lawrence larry",
    "raymond ray",
    "patrick paddy",
    "frederick fred freddie",
    "elizabeth liz beth betty lizzie eliza",
    "margaret maggie peggy meg",
    "katherine catherine kathryn kate katie kathy cathy",
    "jennifer jen jenny",
    "patricia pat patty trish",
    "rebecca becky becca",
    "susan sue susie",
    "deborah debra deb debbie",
    "stephanie steph",
    "victoria vicky tori",
    "jessica jess jessie",
    "abigail abby",
    "alexandra sasha",
    "kimberly kim",
    "christina christine tina",
    "dorothy dot dottie",
    "josephine josie",
    "theresa teresa terri tess",
    "francisco paco pancho",
    "jose pepe",
    "guadalupe lupe",
    "dmitriy dmitri dmitry dima",
    "chukwuemeka emeka",
    "oluwaseun seun",
    "mohammed muhammad mohamed mohammad",
];

/// Words right before a weak part that make it a name: titles, relations, greetings, slots.
const CONTEXT: [&str; 52] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "im",
    "is",
    "its",
    "am",
    "dear",
    "hi",
    "hey",
    "hello",
    "thanks",
    "thx",
    "regards",
    "son",
    "daughter",
    "wife",
    "husband",
    "mom",
    "mum",
    "mother",
    "dad",
    "father",
    "brother",
    "sister",
    "grandson",
    "granddaughter",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "aunt",
    "uncle",
    "nephew",
    "niece",
    "partner",
    "spouse",
    "fiance",
    "named",
    "called",
    "patient",
    "pt",
    "cc",
    "signed",
    "sincerely",
    "love",
    "from",
    "with",
    "for",
];

impl Names {
    /// Registers one person's name.
    pub(super) fn add(&mut self, name: &str) {
        let person = self.persons;
        self.persons += 1;
        let mut words = parse(name);
        // The usual short and long forms of the given name (`Daniel`, `Dan`, `Danny`).
        if let Some((given, _)) = words.iter().find(|(_, r)| *r == Role::Given) {
            let g = fold(given);
            if let Some(set) = NICKNAMES.iter().find(|set| set.split(' ').any(|n| n == g)) {
                words.extend(
                    set.split(' ').filter(|n| *n != g).map(|n| (n.to_owned(), Role::Given)),
                );
            }
        }
        for (word, role) in &words {
            let role = *role;
            for piece in word.split('-') {
                let key = fold(piece);
                if key.is_empty() {
                    continue;
                }
                let weak = key.len() <= 2
                    || PARTICLES.contains(&key.as_str())
                    || EVERYDAY.binary_search(&key.as_str()).is_ok()
                    || dict::is_medical_term(&key);
                self.parts.push(Part { key, role, person, weak });
            }
        }
        self.parts.sort_by(|a, b| a.key.cmp(&b.key));
        // The unfolded words are PHI too.
        words.iter_mut().for_each(|(w, _)| w.zeroize());
    }

    /// True when no name is registered.
    pub(super) fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// How many names are registered (for `Debug`).
    pub(super) fn persons(&self) -> u32 {
        self.persons
    }

    /// Wipes and forgets every name.
    pub(super) fn clear(&mut self) {
        self.parts.zeroize();
        self.persons = 0;
    }

    /// The parts whose key is `key` (a range of `self.parts`). Parts of one letter are initials
    /// and never match a whole word.
    fn lookup(&self, key: &str) -> (usize, usize) {
        if key.len() < 2 {
            return (0, 0);
        }
        let lo = self.parts.partition_point(|p| p.key.as_str() < key);
        let hi = lo + self.parts[lo..].partition_point(|p| p.key == key);
        (lo, hi)
    }

    /// Does any part of `person` start with the letter `c`?
    fn has_initial(&self, person: u32, c: u8) -> bool {
        self.parts.iter().any(|p| p.person == person && p.key.as_bytes()[0] == c)
    }

    /// Appends a NAME candidate for every span of registered names in `norm`.
    pub(super) fn find(&self, norm: &str, confidence: f32, out: &mut Vec<Candidate>) {
        if self.is_empty() {
            return;
        }
        let toks = self.tokens(norm);
        // In an all-caps text a capital says nothing; computed once, not per token.
        let all_caps = !norm.chars().any(char::is_lowercase);
        let mut i = 0;
        while i < toks.len() {
            if toks[i].hits.0 == toks[i].hits.1 {
                i += 1;
                continue;
            }
            let persons: Vec<u32> = self.persons_of(&toks[i]);
            // Initials before it (`M. J. García`), at most three.
            let mut first = i;
            while first > 0 && i - first < 3 {
                let prev = &toks[first - 1];
                let own =
                    prev.initial.is_some_and(|c| persons.iter().any(|&p| self.has_initial(p, c)));
                if !own
                    || !joinable(norm, prev, &toks[first])
                    || norm[prev.end..toks[first].start].contains(',')
                {
                    break;
                }
                first -= 1;
            }
            let mut last = i;
            loop {
                if toks[last].possessive {
                    break;
                }
                let Some(next) = toks.get(last + 1) else { break };
                if !joinable(norm, &toks[last], next) {
                    break;
                }
                let comma = norm[toks[last].end..next.start].contains(',');
                if self.shares_person(next, &persons) {
                    if comma && !self.surname_then_given(&toks[last], next, &persons) {
                        break;
                    }
                    last += 1;
                    continue;
                }
                if let Some(c) = next.initial {
                    let between = toks.get(last + 2).is_some_and(|t2| {
                        self.shares_person(t2, &persons) && joinable(norm, next, t2)
                    });
                    let own = persons.iter().any(|&p| self.has_initial(p, c));
                    // `SMITH, DAN Q`: an unregistered middle initial after the given name.
                    // (`I` and `A` only with a period: `Dan I think` is not a middle initial.)
                    let letter = &norm[next.start..next.end];
                    let middle = !comma
                        && letter.starts_with(char::is_uppercase)
                        && (!matches!(letter, "I" | "A") || norm[next.end..].starts_with('.'))
                        && self.is_role(&toks[last], &persons, Role::Given);
                    let role_ok = !comma || self.is_role(&toks[last], &persons, Role::Surname);
                    if (own || between || middle) && role_ok {
                        last += 1;
                        continue;
                    }
                    break;
                }
                // The rest of a hyphenated surname (`Garcia-Lopez` when `Garcia` is registered).
                if &norm[toks[last].end..next.start] == "-"
                    && next.initial.is_none()
                    && next.hits.0 == next.hits.1
                    && !next.possessive
                    && next.end - next.start >= 2
                {
                    last += 1;
                    break;
                }
                // One unregistered word between two parts of the same person: a middle name.
                let bridge = !comma
                    && !next.possessive
                    && toks.get(last + 2).is_some_and(|t2| {
                        self.shares_person(t2, &persons)
                            && joinable(norm, next, t2)
                            && !norm[next.end..t2.start].contains(',')
                    })
                    && middle_word(&norm[next.start..next.end]);
                if bridge {
                    last += 2;
                    continue;
                }
                break;
            }
            let strong = toks[first..=last]
                .iter()
                .any(|t| self.parts[t.hits.0..t.hits.1].iter().any(|p| !p.weak));
            if strong || self.weak_ok(norm, &toks, first, last, all_caps) {
                let mut end = toks[last].name_end;
                if toks[last].initial.is_some() && norm[end..].starts_with('.') {
                    end += 1;
                }
                out.push(Candidate {
                    start: toks[first].start,
                    end,
                    label: Label::Name,
                    confidence,
                });
            }
            i = last + 1;
        }
    }

    /// Cuts `norm` into word tokens and looks each up.
    fn tokens(&self, norm: &str) -> Vec<Tok> {
        let mut toks = Vec::new();
        let mut key = String::new();
        let mut start = None;
        let mut prev: Option<char> = None;
        let mut it = norm.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let next = it.peek().map(|&(_, n)| n);
            let inner_apostrophe = is_apostrophe(c)
                && prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic);
            let part_of_word = c.is_alphabetic()
                || inner_apostrophe
                || (start.is_some() && ('\u{0300}'..='\u{036F}').contains(&c));
            match (part_of_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    toks.push(self.token(norm, s, i, &mut key));
                    start = None;
                }
                _ => {}
            }
            prev = Some(c);
        }
        if let Some(s) = start {
            toks.push(self.token(norm, s, norm.len(), &mut key));
        }
        toks
    }

    fn token(&self, norm: &str, start: usize, end: usize, key: &mut String) -> Tok {
        let word = &norm[start..end];
        fold_into(word, key);
        let mut hits = self.lookup(key);
        let mut name_end = end;
        let mut possessive = false;
        if hits.0 == hits.1 {
            if let Some(stem) = possessive_stem(word) {
                fold_into(stem, key);
                hits = self.lookup(key);
                name_end = start + stem.len();
                possessive = hits.0 != hits.1;
            }
        }
        let glued_digit = norm[..start].ends_with(|c: char| c.is_ascii_digit())
            || norm[end..].starts_with(|c: char| c.is_ascii_digit());
        if glued_digit {
            hits = (0, 0);
        }
        let initial =
            (word.chars().count() == 1 && !glued_digit).then(|| key.bytes().next()).flatten();
        Tok { start, end, name_end, hits, initial, possessive }
    }

    fn persons_of(&self, t: &Tok) -> Vec<u32> {
        let mut v: Vec<u32> = self.parts[t.hits.0..t.hits.1].iter().map(|p| p.person).collect();
        v.dedup();
        v
    }

    fn shares_person(&self, t: &Tok, persons: &[u32]) -> bool {
        self.parts[t.hits.0..t.hits.1].iter().any(|p| persons.contains(&p.person))
    }

    fn is_role(&self, t: &Tok, persons: &[u32], role: Role) -> bool {
        self.parts[t.hits.0..t.hits.1].iter().any(|p| persons.contains(&p.person) && p.role == role)
    }

    /// `SMITH, DAN`: a comma joins a surname to the given or middle name after it.
    fn surname_then_given(&self, left: &Tok, right: &Tok, persons: &[u32]) -> bool {
        self.is_role(left, persons, Role::Surname)
            && (self.is_role(right, persons, Role::Given)
                || self.is_role(right, persons, Role::Middle))
    }

    /// Whether a span of weak parts only stands in a name context.
    fn weak_ok(&self, norm: &str, toks: &[Tok], first: usize, last: usize, all_caps: bool) -> bool {
        // Two registered parts side by side (`will brown`), or an initial and a part (`W. Brown`),
        // are a name.
        let substantial = toks[first..=last]
            .iter()
            .any(|t| t.hits.0 != t.hits.1 && !minor(&fold(&norm[t.start..t.name_end])));
        if toks[last].possessive || (last > first && substantial) {
            return true;
        }
        if first > 0 {
            let before = &norm[toks[first - 1].end..toks[first].start];
            if before.len() <= 3 && !before.contains('\n') {
                let w = fold(&norm[toks[first - 1].start..toks[first - 1].end]);
                if CONTEXT.contains(&w.as_str()) {
                    return true;
                }
            }
        }
        let word = &norm[toks[first].start..toks[first].end];
        // A capital says little about a particle or a two-letter part (`Van`, `St`, `Li`).
        let key = fold(&norm[toks[first].start..toks[first].name_end]);
        if minor(&key) {
            return false;
        }
        let capital = word.starts_with(char::is_uppercase);
        capital && !all_caps && !sentence_start(norm, toks[first].start)
    }
}

/// A word token of the text.
struct Tok {
    start: usize,
    end: usize,
    /// End of the name inside the token: before a possessive `'s`.
    name_end: usize,
    /// The parts it matches, a range of `Names::parts`.
    hits: (usize, usize),
    /// Its folded letter, when the token is one letter (an initial).
    initial: Option<u8>,
    /// It matched only without its `'s`.
    possessive: bool,
}

/// Splits a registered name into words with their roles, dropping titles and suffixes.
fn parse(name: &str) -> Vec<(String, Role)> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '.' || c == ',')
            .filter(|w| !w.is_empty() && !NOT_PARTS.contains(&fold(w).as_str()))
            .map(str::to_owned)
            .collect()
    };
    let mut out = Vec::new();
    if let Some((last, rest)) = name.split_once(',') {
        // `Smith, Dan J` and `Smith, Dan J, Jr`.
        out.extend(words(last).into_iter().map(|w| (w, Role::Surname)));
        let rest = rest.split(',').next().unwrap_or("");
        for (k, w) in words(rest).into_iter().enumerate() {
            out.push((w, if k == 0 { Role::Given } else { Role::Middle }));
        }
        return out;
    }
    let ws = words(name);
    let n = ws.len();
    // Particles right before the last word belong to the surname (`Anna van der Berg`).
    let mut surname_from = n.saturating_sub(1);
    while surname_from > 1 && PARTICLES.contains(&fold(&ws[surname_from - 1]).as_str()) {
        surname_from -= 1;
    }
    for (k, w) in ws.into_iter().enumerate() {
        let role = if k == 0 {
            Role::Given
        } else if k >= surname_from {
            Role::Surname
        } else {
            Role::Middle
        };
        out.push((w, role));
    }
    out
}

/// A particle or a part of one or two letters (`van`, `St`, `Li`): never a name by itself.
fn minor(key: &str) -> bool {
    key.len() <= 2 || key == "ste" || PARTICLES.contains(&key)
}

/// `Smith's` and `Smith’s` give `Smith`.
fn possessive_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('s').or_else(|| word.strip_suffix('S'))?;
    let c = stem.chars().next_back()?;
    is_apostrophe(c).then(|| &stem[..stem.len() - c.len_utf8()])
}

/// Can two tokens belong to one name? Only spaces, one comma, an initial's period or a hyphen
/// between them, on one line.
fn joinable(norm: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &norm[a.end..b.start];
    if gap.is_empty() || gap.len() > 3 || gap.matches(',').count() > 1 {
        return false;
    }
    if gap == "-" {
        return true;
    }
    // `St. John`: the period of an initial or of `St`/`Ste` (Saint, Sainte).
    let abbrev = a.initial.is_some() || {
        let w = &norm[a.start..a.end];
        w.eq_ignore_ascii_case("st") || w.eq_ignore_ascii_case("ste")
    };
    gap.chars().all(|c| match c {
        ' ' | ',' => true,
        '.' => abbrev,
        _ => false,
    })
}

/// An unregistered word that can sit between two parts of a name: capitalised, or a known name.
fn middle_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) || dict::first_name(word).is_some()
}

/// Is `pos` the first word of a sentence (or of the text)?
fn sentence_start(norm: &str, pos: usize) -> bool {
    let before = norm[..pos].trim_end_matches([' ', '"', '(']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(registered: &[&str], text: &str) -> Vec<String> {
        let mut n = Names::default();
        for r in registered {
            n.add(r);
        }
        let mut out = Vec::new();
        n.find(text, 0.99, &mut out);
        out.iter().map(|c| text[c.start..c.end].to_owned()).collect()
    }

    #[test]
    fn every_order_and_case() {
        let r = ["Dan Smith"];
        assert_eq!(names(&r, "Pt: SMITH, DAN seen today"), ["SMITH, DAN"]);
        assert_eq!(names(&r, "Smith, Dan"), ["Smith, Dan"]);
        assert_eq!(names(&r, "spoke with D. Smith"), ["D. Smith"]);
        assert_eq!(names(&r, "hi im dan smith"), ["dan smith"]);
        assert_eq!(names(&r, "Mr. Smith called; Dan's wife too"), ["Smith", "Dan"]);
        assert_eq!(
            names(&r, "Dan Q. Smith and Dan Quincy Smith"),
            ["Dan Q. Smith", "Dan Quincy Smith"]
        );
    }

    #[test]
    fn registered_forms_are_parsed() {
        assert_eq!(names(&["SMITH, DANIEL J"], "daniel j smith"), ["daniel j smith"]);
        assert_eq!(names(&["Dr. Ana García-López, MD"], "garcia lopez"), ["garcia lopez"]);
        assert_eq!(names(&["José Núñez"], "JOSE NUNEZ"), ["JOSE NUNEZ"]);
        assert_eq!(names(&["Anna van der Berg"], "Ms. Van der Berg"), ["Van der Berg"]);
    }

    #[test]
    fn weak_parts_need_a_name_context() {
        let r = ["Will Brown"];
        assert!(names(&r, "I will call back; brown stool noted").is_empty());
        assert_eq!(names(&r, "hi its will"), ["will"]);
        assert_eq!(names(&r, "I told Will yesterday"), ["Will"]);
        assert_eq!(names(&r, "will brown here"), ["will brown"]);
        assert_eq!(names(&r, "will's inhaler"), ["will"]);
    }

    #[test]
    fn everyday_words_are_sorted_common_words() {
        assert!(EVERYDAY.windows(2).all(|w| w[0] < w[1]));
        assert!(EVERYDAY.iter().all(|w| dict::is_common_word(w)), "subset of the dictionary");
    }

    #[test]
    fn nicknames_sets_are_folded_and_disjoint() {
        let all: Vec<&str> = NICKNAMES.iter().flat_map(|s| s.split(' ')).collect();
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len());
        assert!(all.iter().all(|n| fold(n) == *n));
        assert_eq!(names(&["Daniel St. John"], "DAN ST. JOHN"), ["DAN ST. JOHN"]);
        assert_eq!(names(&["Bill Ng"], "William"), ["William"]);
    }

    #[test]
    fn hyphenated_rest_and_pronoun_initials() {
        assert_eq!(names(&["Maria Garcia"], "Maria Garcia-Lopez"), ["Maria Garcia-Lopez"]);
        assert_eq!(names(&["Dan Smith"], "told Dan I think"), ["Dan"]);
        assert_eq!(names(&["Dan Smith"], "Smith, Dan T."), ["Smith, Dan T."]);
    }

    #[test]
    fn commas_join_only_surname_then_given() {
        let r = ["Dan Smith"];
        assert_eq!(names(&r, "Dan, Smith"), ["Dan", "Smith"]);
        assert!(names(&r, "smithson and dana").is_empty());
    }
}
