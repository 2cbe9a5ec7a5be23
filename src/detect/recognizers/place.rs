//! Places: cities and towns (`CITY`), counties and parishes (`COUNTY`) and named facilities that
//! would locate the patient (`LOCATION_OTHER`: `Mercy North Hospital`, `Briarwood Manor`).
//!
//! All three are phrases checked against a list, found from anchors rather than by scanning every
//! word against a gazetteer: a US town list holds `Hope`, `Mobile`, `Call` and `Normal`, so a word
//! is only a city where the text says a place is coming.
//!
//! - A city ends right before a state (`Springfield, IL`, `Macon, Georgia`, `reno NV 89501`) or a
//!   `, X County`, or starts right after a street line (`12 Elm St, Duluth`) or a place preposition
//!   (`lives in Reno`, `moved to fort collins`, `near Duluth`, `Transferred from X Hospital
//!   (Tacoma)`). The phrase (up to three words, longest first) must be in `dict::city`. After a
//!   state it may be any town; elsewhere a town that is also an everyday word ([`COMMON_TOWNS`],
//!   `dict::is_common_word`), a state name, a month or clinical vocabulary is refused, and a bare
//!   `in`/`from`/`to` (no living or moving verb before it) needs Title Case and a word that is not
//!   also a common first name or surname (`referred to Jackson`).
//! - A county is one to three words before `County`, `Parish` or `Borough` that `dict::county`
//!   knows; the span keeps the word (`Larimer County`). `County Road 12` is an address and
//!   `Cook County Hospital` a facility, so neither is a county.
//! - A facility is a run of capitalized words ending in a facility word (`Hospital`, `Clinic`,
//!   `Medical Center`, `Care Home`, `Manor`, `Hospice`, `Pharmacy`, `Elementary`, ...) with at
//!   least one distinctive word: `Community Hospital`, `Cardiology Clinic` and `Urgent Care` are
//!   generic and stay. In lower-case chat the run must follow `at`, `from`, `to` or `in`
//!   (`in hospice at briarwood manor`).

use std::borrow::Cow;

use super::us::USPS;
use super::{Candidate, Label, Recognizer, Text};
use crate::detect::dict;

/// Towns whose names are everyday English words, which a place preposition alone does not make
/// a town (`lives in comfort`, `moved to assisted living`). Generated once, not at build time:
/// the single-word keys of `data/dict/cities.txt` that are lower-case words of Debian's
/// `wamerican` list with an English frequency (package `wordfreq`, Zipf scale) of at least 3.5,
/// minus those already in `dict::is_common_word`. Sorted for binary search.
#[rustfmt::skip]
const COMMON_TOWNS: &[&str] = &[
    "accident", "accord", "ace", "admire", "advance", "advent", "agency", "agenda", "akin",
    "alliance", "alloy", "almond", "alpha", "alpine", "anchor", "apex", "arcade", "archer",
    "arena", "ark", "assumption", "atlas", "auburn", "avenue", "axis", "banner", "banning",
    "barker", "barney", "basin", "bates", "beacon", "beauty", "beaver", "bee", "belle", "bells",
    "belt", "bent", "bland", "blanket", "blossom", "bluff", "blunt", "bolt", "bonnie", "boring",
    "boss", "boulder", "boulevard", "bourbon", "bow", "breaks", "breeding", "brethren", "brewer",
    "brick", "brooks", "brothers", "browns", "brush", "bucks", "buffalo", "bunch", "bunker",
    "burden", "bureau", "burns", "busy", "cable", "cache", "calcium", "camp", "campaign",
    "campus", "cannon", "canon", "canton", "canvas", "capitol", "carbon", "cardinal", "carrier",
    "castle", "cedar", "cement", "central", "century", "challenge", "chamberlain", "chambers",
    "champion", "chancellor", "chandler", "charm", "chicken", "chili", "china", "circle",
    "clever", "climax", "coats", "cocoa", "coin", "cologne", "colon", "colony", "comfort",
    "conception", "concrete", "congress", "continental", "convoy", "cooks", "cool", "cope",
    "cord", "corn", "cosmos", "couch", "council", "counselor", "coupon", "covert", "coward",
    "crescent", "crown", "cyclone", "cylinder", "dairy", "deer", "delight", "dell", "delta",
    "dent", "deposit", "deputy", "derby", "dice", "dinosaur", "distant", "divide", "dolphin",
    "downs", "drain", "drift", "drifting", "drums", "duck", "dwarf", "earth", "eastern", "echo",
    "economy", "effort", "emblem", "empire", "endeavor", "energy", "equality", "era", "excel",
    "exchange", "experiment", "export", "far", "farmers", "fate", "fellows", "felt", "fence",
    "fertile", "fidelity", "finger", "firms", "flat", "flint", "flora", "floral", "force",
    "foreman", "fossil", "foster", "fountain", "freeman", "friendly", "friendship", "fries",
    "frontier", "funk", "gap", "garden", "garner", "garrison", "gas", "gate", "gateway", "gays",
    "gill", "given", "globe", "golden", "golf", "gore", "granite", "grants", "gravity", "griffin",
    "groom", "guild", "guys", "gypsy", "halfway", "halls", "hamlet", "harvest", "hatch", "hawks",
    "hazard", "heath", "hector", "helm", "herald", "highland", "highlands", "hills", "holiday",
    "homeland", "homer", "hometown", "hooker", "hooks", "hull", "humble", "hundred", "hunt",
    "hunters", "hurricane", "hurt", "hustle", "hygiene", "ideal", "imperial", "index", "inland",
    "institute", "intercourse", "interior", "issue", "jack", "jackpot", "jasper", "jet", "junior",
    "kite", "landing", "lawn", "lee", "levels", "liberal", "licking", "likely", "limestone",
    "lively", "lodge", "lone", "lookout", "loop", "lotus", "loving", "loyal", "luck", "lynch",
    "madden", "magazine", "magnet", "maiden", "mainland", "majestic", "man", "mango", "manly",
    "manning", "manor", "many", "maple", "marathon", "marble", "marine", "marks", "mars", "mart",
    "martin", "marvel", "mascot", "mayo", "means", "media", "mentor", "mercury", "merit", "meta",
    "metropolis", "midnight", "midway", "mineral", "miracle", "mission", "mobile", "mode",
    "model", "monarch", "monitor", "monument", "moose", "morocco", "mound", "mountain", "muddy",
    "muse", "mustang", "mutual", "mystic", "needles", "neon", "newborn", "newton", "noel", "nova",
    "novelty", "nursery", "oak", "oaks", "odd", "okay", "omega", "onset", "oracle", "oral",
    "orchard", "ordinary", "organ", "oriental", "outing", "outlook", "oxford", "oyster", "pace",
    "pacific", "painter", "palm", "palms", "panther", "parachute", "paradise", "paradox",
    "paramount", "parks", "parsons", "patriot", "pavilion", "peak", "peculiar", "peel",
    "peninsula", "pep", "perks", "petroleum", "petty", "phoenix", "pierce", "pigeon", "pike",
    "pillow", "pilot", "pinch", "pine", "pioneer", "pitcher", "plain", "plantation", "platinum",
    "plaza", "points", "polo", "pony", "portal", "post", "potter", "powers", "pray", "premier",
    "premium", "pride", "printer", "prospect", "prosperity", "protection", "providence",
    "purchase", "railroad", "rainbow", "rains", "range", "ransom", "reader", "reading", "reeves",
    "reform", "register", "reliance", "republic", "rescue", "reserve", "rifle", "riverside",
    "rocky", "rogers", "roll", "romance", "rover", "royal", "rugby", "rule", "rye", "salmon",
    "sanders", "sandstone", "sandwich", "savage", "savannah", "sawyer", "scenic", "seaside",
    "secretary", "section", "sedan", "sellers", "sells", "seminary", "shade", "shell", "shields",
    "shock", "shook", "shorter", "sims", "sisters", "slaughter", "slick", "soldier", "solo",
    "southeastern", "southwest", "sparks", "speed", "spray", "spur", "stamps", "standard",
    "staples", "stark", "startup", "stem", "stokes", "strawberry", "success", "sultan", "summers",
    "sunset", "sunshine", "superior", "supply", "surprise", "surrey", "tad", "talent", "tanner",
    "telegraph", "telephone", "tell", "terry", "thermal", "tiger", "timber", "toast", "tony",
    "topping", "tornado", "tow", "tower", "trade", "trail", "transfer", "triangle", "tribune",
    "triumph", "trout", "troy", "tucker", "tunnel", "turkey", "twilight", "united", "universal",
    "university", "valentine", "vendor", "vest", "veteran", "victor", "viola", "virgin", "vista",
    "volcano", "wade", "wake", "walls", "walnut", "war", "ware", "warren", "warrior", "waterfall",
    "waterproof", "waters", "watts", "waves", "weed", "weir", "welcome", "wellington", "western",
    "wheeler", "willow", "wing", "winger", "wink", "winner", "winters", "wisdom", "woodland",
    "woody", "wright",
];

/// Abbreviations that are also words or credentials (`MD`, `PA`, `IN`, `OR`, `ME`, `OK`...):
/// after one of these a word is a city only when a ZIP follows (`Jane Roe, MD` is a doctor).
const AMBIGUOUS_USPS: &[&str] = &[
    "AL", "AS", "CO", "DE", "GA", "HI", "ID", "IN", "LA", "MA", "MD", "ME", "MO", "MS", "NE", "OH",
    "OK", "OR", "PA", "PR", "SC", "VA", "VI", "MP", "ND",
];

/// Ambiguous abbreviations that are also credentials after a name (`Jane Roe, MD`, `Ann Lee,
/// PA`, `Al Ford, MS`): only these still need the ZIP after a comma; `Presque Isle, ME` and
/// `Opelousas, LA` do not.
const CREDENTIAL_USPS: &[&str] = &["MD", "PA", "MA", "MS", "ND", "DE"];

/// Lower-case particles inside a Title Case place name (`Truth or Consequences`, `Fond du Lac`,
/// `Casa de Paz`, `Stratford upon Avon`).
const NAME_PARTICLES: &[&str] = &[
    "of", "or", "du", "de", "del", "des", "la", "le", "las", "los", "da", "do", "dos", "el", "au",
    "upon", "on", "the",
];

/// State, district and territory names, lower case. A state is not PHI, never a city outside
/// the `City, ST` layout (`moved from Wisconsin`), and anchors a city before it.
#[rustfmt::skip]
const STATE_NAMES: &[&str] = &[
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
    "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
    "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
    "district of columbia", "puerto rico", "guam",
];

/// Months, weekdays and seasons: towns too (`May`, `Monday`), but `in May` is a date.
#[rustfmt::skip]
const CALENDAR_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "spring", "summer", "fall", "autumn", "winter", "christmas", "easter",
    "today", "tomorrow", "tonight",
];

/// Verbs of living and moving: `in`, `to`, `from` or `near` after one of these (within
/// [`VERB_WINDOW`] words of the same sentence) introduces a place.
#[rustfmt::skip]
const PLACE_VERBS: &[&str] = &[
    "live", "lives", "living", "lived", "reside", "resides", "residing", "resided", "moved",
    "move", "moving", "relocated", "relocating", "relocate", "raised", "grew", "born", "located",
    "based", "stays", "staying", "stay", "visiting", "visit", "visited", "home", "hometown",
    "house", "apartment", "originally", "im", "i'm", "am", "we're", "were",
    // Travel and work: `flies in from palermo`, `drove up from grand forks`, `work in Yakima`.
    "fly", "flies", "flew", "flying", "drove", "drive", "driving", "travel", "traveled",
    "travelled", "traveling", "travelling", "trip", "came", "come", "coming", "town", "work",
    "works", "working", "worked",
    // Spanish chat: `vivimos en dothan`, `vivo en Dodge City`, `nací en Cork`.
    "vivo", "vive", "vivimos", "viven", "vivia", "vivía", "naci", "nací", "estamos", "estoy",
];

/// How many words before a place preposition a [`PLACE_VERBS`] verb may stand (`Lives with her
/// husband in Tacoma`).
const VERB_WINDOW: usize = 6;

/// Slot labels followed by a colon that introduce a city (`Resides: Burlington`).
const PLACE_SLOTS: &[&str] = &["resides", "residence", "city", "town", "hometown", "lives"];

/// Facility words that end a facility name on their own.
#[rustfmt::skip]
const HEADS: &[&str] = &[
    "hospital", "hospitals", "clinic", "clinics", "health", "healthcare", "center", "centre",
    "manor", "rehab", "rehabilitation", "hospice", "pharmacy", "elementary", "school", "academy",
    "infirmary", "sanitarium", "sanatorium", "associates", "orthopedics", "orthopaedics",
    "pediatrics", "cardiology", "dermatology", "oncology", "urology", "neurology", "physicians",
    "institute", "university", "college",
];

/// Facility words that end a facility name only after one of their companions (`Care Home`,
/// `Urgent Care`, `Assisted Living`, `Family Practice`, `Medical Group`).
const PAIRED_HEADS: &[(&str, &[&str])] = &[
    ("home", &["care", "nursing", "funeral", "retirement", "convalescent", "rest"]),
    ("care", &["urgent", "health", "senior", "memory", "primary", "family", "express"]),
    ("living", &["senior", "assisted", "independent"]),
    ("practice", &["family", "medical", "group", "dental"]),
    ("group", &["medical", "health", "physicians", "physician", "care", "clinic"]),
];

/// Words for a place of care that a city may follow with `in` (`the er in opelousas`, `Mercy
/// Hospital in Reno`): the facility is somewhere, so the `in` introduces a town.
#[rustfmt::skip]
const CARE_PLACES: &[&str] = &[
    "er", "ed", "hospital", "clinic", "center", "centre", "care", "office", "practice",
    "pharmacy", "hospice", "home", "rehab", "icu", "nicu",
];

/// Comparatives that make `than` introduce a place (`a clinic closer than Idaho Falls`).
const NEARER: &[&str] = &["closer", "nearer", "farther", "further"];

/// Words that describe a kind of facility but name none (`Community Hospital`, `Cardiology
/// Clinic`, `Urgent Care`, `Mental Health`): a facility phrase needs a word outside this list
/// and outside the clinical vocabulary (`dict::medical_term`).
#[rustfmt::skip]
const GENERIC_FACILITY_WORDS: &[&str] = &[
    "a", "academic", "acute", "addiction", "adult", "allergy", "ambulatory", "an", "and",
    "another", "anticoagulation", "any", "asthma", "assisted", "bariatric", "behavioral",
    "breast", "burn", "cancer", "cardiac", "cardiology", "care", "center", "central", "child",
    "children's", "childrens", "city", "clinic", "community", "convalescent", "county", "critical",
    "day", "dental", "dermatology", "diabetes", "dialysis", "disease", "district", "ear",
    "elementary", "emergency", "employee", "endocrine", "endocrinology", "ent", "express", "eye",
    "failure", "family", "fertility", "foot", "funeral", "gastroenterology", "general",
    "geriatric", "gi", "gyn", "health", "healthcare", "hearing", "heart", "hematology",
    "hepatology", "high", "his", "hiv", "home", "hospice", "hospital", "imaging", "immunization",
    "independent", "infectious", "infusion", "inpatient", "internal", "kidney", "lab",
    "laboratory", "lipid", "liver", "local", "long", "lung", "main", "medical", "medicine",
    "memory", "men's", "mental", "methadone", "middle", "my", "nearest", "neuro", "neurology",
    "new", "night", "nursing", "nutrition", "ob", "occupational", "of", "oncology", "our",
    "outpatient", "outside", "pain", "palliative", "pediatric", "pediatrics", "pharmacy",
    "physical", "physician", "physicians", "plastic", "podiatry", "prenatal", "primary",
    "private", "psychiatric", "psychiatry", "public", "pulmonary", "radiology", "recovery",
    "regional", "rehab", "rehabilitation", "renal", "rest", "retail", "retirement",
    "rheumatology", "same", "school", "senior", "skilled", "skin", "sleep", "specialty",
    "speech", "spine", "sports", "state", "student", "surgery", "surgical", "that", "the",
    "their", "therapy", "this", "transplant", "trauma", "travel", "university", "urgent",
    "urology", "va", "vascular", "vein", "veterans", "vision", "walk-in", "weight", "women's",
    "womens", "wound", "your", "her",
];

/// Capitalized words that start a sentence, not a facility name (`Patient Health Questionnaire`,
/// `Discharged Home`, `Transferred To Mercy ...`): dropped from the front of a facility phrase.
#[rustfmt::skip]
const NOT_FACILITY_START: &[&str] = &[
    "the", "a", "an", "patient", "pt", "seen", "sent", "transferred", "transfer", "admitted",
    "discharged", "discharge", "referred", "referral", "called", "to", "from", "at", "in", "by",
    "with", "per", "via", "our", "your", "my", "his", "her", "their", "this", "that", "brief",
    "course", "history", "hx", "follow", "followed", "contact", "note", "notes", "outside",
    "records", "dear", "thanks", "attending", "location", "facility", "pcp", "from:", "to:",
];

/// Prepositions a lower-case facility name follows in chat (`at briarwood manor`).
const FACILITY_PREPOSITIONS: &[&str] = &["at", "from", "to", "in", "into"];

/// Words after a facility word that make the phrase something else: an insurer (`Blue Prairie
/// Health Plan`), a form (`Patient Health Questionnaire`), a stretch of care (`Hospital Course`,
/// `Hospital Day 3`).
#[rustfmt::skip]
const NOT_FACILITY_NEXT: &[&str] = &[
    "plan", "plans", "insurance", "insurer", "benefits", "coverage", "questionnaire", "course",
    "day", "days", "stay", "policy", "assessment", "screening", "maintenance", "literacy",
];

/// Capitalized words after `County` that make it part of a facility's name, not a county.
#[rustfmt::skip]
const NOT_COUNTY_NEXT: &[&str] = &[
    "line", "hospital", "jail", "health",
    "medical", "clinic", "courthouse", "sheriff", "general", "memorial", "regional", "home",
    "nursing", "detention",
];

/// A word of the folded text: letters and digits, with apostrophes and hyphens inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tok {
    start: usize,
    end: usize,
}

/// Splits `s` into words; linear in its length.
fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = matches!(c, '\'' | '\u{2019}' | '-')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(Tok { start: st, end: i });
        }
    }
    if let Some(st) = start {
        out.push(Tok { start: st, end: s.len() });
    }
    out
}

/// Whether `w` starts with an upper-case letter.
fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `w` has no upper-case letter.
fn is_lower(w: &str) -> bool {
    !w.chars().any(char::is_uppercase)
}

/// Whether `w` is written like a name in a Title Case phrase: `Oak`, `O'Neil`, `McAllen`, not
/// `OAK` (ALL CAPS headers name sections, not places).
fn is_title(w: &str) -> bool {
    is_cap(w) && w.chars().skip(1).any(char::is_lowercase)
        || w.len() <= 3 && is_cap(w) && w.chars().all(|c| !c.is_lowercase())
}

/// Whether `w` is an elided particle glued to a Title Case word: `d'Alene`, `l'Anse`.
fn elided_title(w: &str) -> bool {
    ["d'", "l'", "d\u{2019}", "l\u{2019}"].iter().any(|p| w.strip_prefix(p).is_some_and(is_title))
}

/// The folded text with its words, and the lookups every place rule needs.
struct Words<'s> {
    s: &'s str,
    toks: Vec<Tok>,
    /// Each word lower-cased, once: the rules ask for most words' lower case several times.
    lowers: Vec<Cow<'s, str>>,
}

impl<'s> Words<'s> {
    fn new(s: &'s str) -> Self {
        let toks = tokens(s);
        let lowers = toks
            .iter()
            .map(|t| {
                let word = &s[t.start..t.end];
                match word.chars().any(char::is_uppercase) {
                    true => Cow::Owned(word.to_lowercase()),
                    false => Cow::Borrowed(word),
                }
            })
            .collect();
        Words { s, toks, lowers }
    }

    fn word(&self, i: usize) -> &'s str {
        &self.s[self.toks[i].start..self.toks[i].end]
    }

    fn lower(&self, i: usize) -> &str {
        &self.lowers[i]
    }

    /// The text between word `i` and the next one.
    fn gap_after(&self, i: usize) -> &'s str {
        match self.toks.get(i + 1) {
            Some(n) => &self.s[self.toks[i].end..n.start],
            None => &self.s[self.toks[i].end..],
        }
    }

    /// Whether word `i` and word `i + 1` belong to one name: a single space between them, or
    /// `. ` after an abbreviation (`St. Louis`, `Ft. Wayne`).
    fn joined(&self, i: usize) -> bool {
        match self.gap_after(i) {
            " " => true,
            ". " => matches!(self.lower(i), "st" | "ste" | "ft" | "mt"),
            _ => false,
        }
    }

    /// The phrase of words `i..=j`, as written.
    fn phrase(&self, i: usize, j: usize) -> &'s str {
        &self.s[self.toks[i].start..self.toks[j].end]
    }

    /// Whether words `i..=j` form one name in one case style: all Title Case, or all lower
    /// case when `allow_lower`.
    /// A Title Case name may hold lower-case particles inside (`Fond du Lac`, `Coeur d'Alene`).
    fn one_name(&self, i: usize, j: usize, allow_lower: bool) -> bool {
        let title_part = |k: usize| {
            let word = self.word(k);
            is_title(word)
                || k > i && k < j && NAME_PARTICLES.contains(&word)
                || k > i && elided_title(word)
        };
        (i..j).all(|k| self.joined(k))
            && (is_title(self.word(i)) && (i..=j).all(title_part)
                || allow_lower && (i..=j).all(|k| is_lower(self.word(k))))
    }
}

/// Is the lower-case phrase an everyday word, a month, a state or clinical vocabulary, which a
/// preposition alone does not make a town?
fn everyday(lower: &str) -> bool {
    COMMON_TOWNS.binary_search(&lower).is_ok()
        || CALENDAR_WORDS.contains(&lower)
        || STATE_NAMES.contains(&lower)
        || dict::is_common_word(lower)
        || dict::is_medical_term(lower)
}

/// Is the word a common first name or surname (`Jackson`, `Austin`), which a bare preposition
/// does not make a town (`referred to Jackson`)?
fn common_name(word: &str) -> bool {
    dict::first_name(word).is_some_and(|f| f.rank <= 2000)
        || dict::surname(word).is_some_and(|r| r <= 2000)
}

/// How strongly the words around a city candidate say it is a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Anchor {
    /// A bare `in`, `from`, `to` or `near`: Title Case only, no common names.
    Weak,
    /// A slot label, a facility's `(City)`, a street line or a place of care before it.
    /// (A state or a county after a city is stronger still: those are handled backwards.)
    Place,
    /// A living, moving or travel verb before the preposition (`moved from Lagos`, `born in
    /// Tbilisi`): stronger than a weak name context (`message from Rosa`), so a town that is
    /// also a surname stays a town.
    Verb,
}

/// The place recognizer: cities, counties and named facilities.
pub(crate) struct Place;

impl Place {
    /// Builds the recognizer; the street patterns the city rules anchor on are the address
    /// recognizer's, compiled once (`address::streets_of`).
    pub(crate) fn new() -> Self {
        Place
    }
}

impl Recognizer for Place {
    fn name(&self) -> &'static str {
        "place"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::City, Label::County, Label::LocationOther]
    }

    fn recognize(&self, text: &Text<'_>, out: &mut Vec<Candidate>) {
        let s = text.norm();
        let w = Words::new(s);
        let facilities = facilities(&w);
        let counties = counties(&w);
        let streets = super::address::streets_of(text);
        let mut cities = cities(&w, streets, &facilities, &counties);
        cities.sort_by_key(|c| (c.0, c.1));
        cities.dedup_by_key(|c| (c.0, c.1));
        for &(start, end, conf) in &facilities {
            out.push(Candidate { start, end, label: Label::LocationOther, confidence: conf });
        }
        for &(start, end) in &counties {
            out.push(Candidate { start, end, label: Label::County, confidence: 0.85 });
        }
        for (start, end, conf) in cities {
            out.push(Candidate { start, end, label: Label::City, confidence: conf });
        }
    }
}

/// Named facilities: `(start, end, confidence)` in bytes of the folded text.
fn facilities(w: &Words<'_>) -> Vec<(usize, usize, f32)> {
    let mut found = Vec::new();
    for h in 1..w.toks.len() {
        let head = w.lower(h);
        let head_ok = HEADS.contains(&head)
            || PAIRED_HEADS.iter().any(|(word, companions)| {
                *word == head && w.joined(h - 1) && companions.contains(&w.lower(h - 1))
            });
        if !head_ok {
            continue;
        }
        let title = is_title(w.word(h));
        let chat = is_lower(w.word(h));
        if !title && !chat {
            continue;
        }
        if h + 1 < w.toks.len() && w.joined(h) && NOT_FACILITY_NEXT.contains(&w.lower(h + 1)) {
            continue;
        }
        // Walk back over the name's words (at most 6).
        let mut start = h;
        let mut after_preposition = false;
        while start > 0 && h - start < 6 && w.joined(start - 1) {
            let prev = w.word(start - 1);
            let prev_lower = prev.to_lowercase();
            if title {
                // `Our Lady of Lourdes`, `Casa de Paz`, `Mesa del Norte`: particles inside.
                let connector = matches!(
                    prev_lower.as_str(),
                    "of" | "the" | "de" | "del" | "la" | "los" | "las" | "du"
                ) && start >= 2
                    && w.joined(start - 2)
                    && is_title(w.word(start - 2));
                if !is_title(prev) && !connector {
                    break;
                }
            } else {
                if !is_lower(prev) {
                    break;
                }
                if FACILITY_PREPOSITIONS.contains(&prev_lower.as_str()) {
                    after_preposition = true;
                    break;
                }
                if prev_lower == "the"
                    && start >= 2
                    && FACILITY_PREPOSITIONS.contains(&w.lower(start - 2))
                {
                    after_preposition = true;
                    break;
                }
            }
            start -= 1;
        }
        if chat && !after_preposition {
            continue;
        }
        while start < h && NOT_FACILITY_START.contains(&w.lower(start)) {
            start += 1;
        }
        if start == h {
            continue;
        }
        let distinctive = (start..h).any(|k| {
            let lw = w.lower(k);
            !GENERIC_FACILITY_WORDS.contains(&lw)
                && !NOT_FACILITY_START.contains(&lw)
                && !dict::is_medical_term(lw)
                && !CALENDAR_WORDS.contains(&lw)
                && !STATE_NAMES.contains(&lw)
        });
        // In chat every word must be part of a name: a stop word means a sentence, not a name.
        let chat_clean = !chat || (start..h).all(|k| !NOT_FACILITY_START.contains(&w.lower(k)));
        if distinctive && chat_clean {
            let conf = if title { 0.8 } else { 0.7 };
            found.push((w.toks[start].start, w.toks[h].end, conf));
        }
    }
    // A longer name with the same start wins (`Sangamon Valley Health Center` over
    // `Sangamon Valley Health`); resolution would pick it too, but cities test overlap here.
    found
}

/// Counties: `(start, end)` of `Larimer County`, `St. Louis County`, `Orleans Parish`.
fn counties(w: &Words<'_>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for h in 1..w.toks.len() {
        let head = w.lower(h);
        if !matches!(head, "county" | "parish" | "borough") {
            continue;
        }
        let title = is_title(w.word(h));
        if !title && !is_lower(w.word(h)) {
            continue;
        }
        if w.joined(h) && h + 1 < w.toks.len() {
            let next = w.lower(h + 1);
            let road = matches!(next, "road" | "rd" | "route" | "rte" | "highway" | "hwy");
            // `Cook County Hospital` is a facility, `Cook County health department` a county.
            if road || is_title(w.word(h + 1)) && NOT_COUNTY_NEXT.contains(&next) {
                continue;
            }
        }
        if !w.joined(h - 1) {
            continue;
        }
        let hit = (1..=3.min(h)).rev().find(|&k| {
            let i = h - k;
            w.one_name(i, h, !title) && dict::county(w.phrase(i, h - 1))
        });
        if let Some(k) = hit {
            found.push((w.toks[h - k].start, w.toks[h].end));
        }
    }
    found
}

/// Whether `gap` only separates two parts of one address line: spaces and at most one comma.
fn address_gap(gap: &str) -> bool {
    gap.len() <= 4 && gap.chars().all(|c| c == ' ' || c == ',') && gap.matches(',').count() <= 1
}

/// Whether a ZIP (`62704`, `62704-1234`) follows word `i` in the same address line.
fn zip_after(w: &Words<'_>, i: usize) -> bool {
    i + 1 < w.toks.len() && address_gap(w.gap_after(i)) && {
        let z = w.word(i + 1).as_bytes();
        (z.len() == 5 || z.len() == 10 && z[5] == b'-')
            && z.iter().enumerate().all(|(k, b)| k == 5 && *b == b'-' || b.is_ascii_digit())
    }
}

/// Whether word `i` ends its line or clause: nothing, a line break or clause punctuation after it.
/// A run of spaces or a tab ends a field of a form laid out in columns (`Hilo HI 96738    COUNTY:`).
fn clause_end(w: &Words<'_>, i: usize) -> bool {
    let raw = &w.s[w.toks[i].end..];
    if raw.starts_with("  ") || raw.starts_with('\t') {
        return true;
    }
    let rest = raw.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with(['\n', '\r', '.', ',', ';', '!', '?', ')', ']'])
}

/// Whether a US state follows word `j` the way it follows a city in an address: `, IL`,
/// ` IL 62704`, `, Georgia`, ` il 62704`. Ambiguous abbreviations (`MD`, `PA`, `IN`) and
/// lower-case ones need the ZIP; the others a comma or the ZIP.
fn state_after(w: &Words<'_>, j: usize) -> bool {
    let i = j + 1;
    let gap = w.gap_after(j);
    if i >= w.toks.len() || !address_gap(gap) || gap.is_empty() {
        return false;
    }
    let comma = gap.contains(',');
    let word = w.word(i);
    if word.len() == 2 && word.is_ascii() {
        let upper = word.to_ascii_uppercase();
        if USPS.contains(&upper.as_str()) {
            let zip = zip_after(w, i);
            return if word == upper && !AMBIGUOUS_USPS.contains(&upper.as_str()) {
                comma || zip
            } else if word == upper && comma && !CREDENTIAL_USPS.contains(&upper.as_str()) {
                // `Presque Isle, ME` on a letterhead: a comma and a code that is no credential.
                true
            } else {
                // `Jane Roe MD 21201 units`: without a comma, an ambiguous abbreviation and a
                // number are an address only at the end of the line or clause.
                zip && (comma || clause_end(w, i + 1))
            };
        }
    }
    (0..3).rev().any(|m| {
        let last = i + m;
        last < w.toks.len()
            && (i..last).all(|k| w.gap_after(k) == " ")
            // NOTE: the comma or ZIP first: comparing with the 53 state names was two-thirds
            // of this function, run after every word of a text (issue 6).
            && (comma || zip_after(w, last))
            && lower_is_in(w.phrase(i, last), STATE_NAMES)
    })
}

/// Whether `phrase`, lower-cased, is in `list` (of lower-case words), without lower-casing
/// ASCII into a new string.
fn lower_is_in(phrase: &str, list: &[&str]) -> bool {
    match phrase.is_ascii() {
        true => list.iter().any(|w| w.eq_ignore_ascii_case(phrase)),
        false => list.contains(&phrase.to_lowercase().as_str()),
    }
}

/// Whether the place verb of a preposition at word `p` stands within [`VERB_WINDOW`] words
/// before it, in the same sentence.
fn verb_before(w: &Words<'_>, p: usize) -> bool {
    let mut k = p;
    while k > 0 && p - k < VERB_WINDOW {
        k -= 1;
        if w.gap_after(k).contains(['\n', '.', ';', '!', '?']) && !w.joined(k) {
            return false;
        }
        if PLACE_VERBS.contains(&w.lower(k)) {
            return true;
        }
    }
    false
}

/// Cities: `(start, end, confidence)` in bytes of the folded text.
fn cities(
    w: &Words<'_>,
    streets: &[super::address::Street],
    facilities: &[(usize, usize, f32)],
    counties: &[(usize, usize)],
) -> Vec<(usize, usize, f32)> {
    let n = w.toks.len();
    let taken = |a: usize, b: usize| {
        facilities.iter().any(|f| f.0 < b && a < f.1)
            || counties.iter().any(|c| c.0 < b && a < c.1)
            || streets.iter().any(|st| st.start < b && a < st.end)
    };
    let county_after = |j: usize| {
        j + 1 < n && w.gap_after(j) == ", " && counties.iter().any(|c| c.0 == w.toks[j + 1].start)
    };
    let mut found = Vec::new();

    // Backward: a state, a ZIP after a state, or a county closes the city.
    for j in 0..n {
        let Some(allow_lower) = (if state_after(w, j) {
            Some(zip_after(w, j + 1) || (j + 2 < n && zip_after(w, j + 2)))
        } else if county_after(j) {
            Some(false)
        } else {
            None
        }) else {
            continue;
        };
        let hit = (0..3.min(j + 1))
            .rev()
            .map(|k| j - k)
            .find(|&i| w.one_name(i, j, allow_lower) && dict::city(w.phrase(i, j)).is_some());
        // A capitalized word glued before the town makes it the end of a longer name (`Thu
        // Brooks, Ohio medical license`), unless that word ends a street line (`12 Oak St
        // Springfield IL 62704`).
        let glued = |i: usize| {
            i > 0
                && w.joined(i - 1)
                && is_title(w.word(i - 1))
                && !streets.iter().any(|st| st.end == w.toks[i - 1].end)
        };
        if let Some(i) = hit.filter(|&i| !glued(i)) {
            let (a, b) = (w.toks[i].start, w.toks[j].end);
            if !taken(a, b) {
                found.push((a, b, 0.85));
            }
        }
    }

    // Forward: a street line, a place preposition, a slot label or a facility's parenthesis
    // opens the city.
    let mut starts: Vec<(usize, Anchor, bool)> = Vec::new();
    for st in streets {
        let i = w.toks.partition_point(|t| t.start < st.end);
        if i < n && address_gap(&w.s[st.end..w.toks[i].start]) {
            starts.push((i, Anchor::Place, false));
            // `rt 27 box 351 past eau claire`, `12 elm st in reno`: the town after the street.
            if i + 1 < n
                && w.gap_after(i) == " "
                && matches!(w.lower(i), "in" | "past" | "near" | "outside")
            {
                starts.push((i + 1, Anchor::Place, false));
            }
        }
    }
    // `Cascade Surgical Center, Lake Charles` closing a signature line: the facility's town.
    for f in facilities {
        let i = w.toks.partition_point(|t| t.start < f.1);
        if i < n && w.s[f.1..w.toks[i].start] == *", " {
            starts.push((i, Anchor::Place, true));
        }
    }
    for p in 0..n.saturating_sub(1) {
        let lw = w.lower(p);
        let gap = w.gap_after(p);
        if matches!(lw, "in" | "to" | "from" | "near" | "en") && gap == " " {
            // `in` after a place of care locates that place (`the er in opelousas`).
            let care = lw == "in"
                && p > 0
                && w.joined(p - 1)
                && (CARE_PLACES.contains(&w.lower(p - 1))
                    || facilities.iter().any(|f| f.1 == w.toks[p - 1].end));
            let anchor = if verb_before(w, p) {
                Anchor::Verb
            } else if lw == "near" || care {
                Anchor::Place
            } else {
                Anchor::Weak
            };
            starts.push((p + 1, anchor, false));
        } else if lw == "than" && gap == " " && p > 0 && NEARER.contains(&w.lower(p - 1))
            || PLACE_SLOTS.contains(&lw) && gap.trim_end_matches(' ') == ":"
        {
            // `closer than Idaho Falls`, `Resides: Burlington`.
            starts.push((p + 1, Anchor::Place, false));
        } else if gap.trim_end_matches(' ').ends_with('(')
            && gap.trim_matches(|c| c == ' ' || c == '(').is_empty()
            && facilities.iter().any(|f| f.1 == w.toks[p].end)
        {
            starts.push((p + 1, Anchor::Place, true));
        }
    }
    for (i, anchor, paren) in starts {
        let allow_lower = anchor != Anchor::Weak && !paren;
        // A city abroad needs a place verb, a street or a slot (`moved from Kyiv`, not `sister
        // in Pune`): with a bare preposition, the US list alone.
        let known = |j: usize| {
            dict::city(w.phrase(i, j)).is_some()
                || anchor != Anchor::Weak && !paren && dict::world_city(w.phrase(i, j))
        };
        let hit = (0..3)
            .rev()
            .map(|k| i + k)
            .filter(|&j| j < n)
            .find(|&j| w.one_name(i, j, allow_lower) && known(j));
        let Some(j) = hit else { continue };
        let (a, b) = (w.toks[i].start, w.toks[j].end);
        if taken(a, b) {
            continue;
        }
        let lower = w.phrase(i, j).to_lowercase();
        // `Bluff City General Hospital (Savannah)`: the parenthesis after a facility is an
        // address slot, so only states, months and clinical words are refused there.
        let refused = if paren {
            STATE_NAMES.contains(&lower.as_str())
                || CALENDAR_WORDS.contains(&lower.as_str())
                || dict::is_medical_term(&lower)
        } else {
            everyday(&lower)
        };
        if refused {
            continue;
        }
        // A capitalized word right after it continues a longer proper noun (`from Mercy North
        // Hospital`, `in Grant Park`), unless it is the state (`Eagle Pass TX`).
        if w.joined(j) && j + 1 < n && is_cap(w.word(j + 1)) && !state_after(w, j) {
            let next = w.lower(j + 1);
            let code = w.word(j + 1).len() == 2 && USPS.contains(&w.word(j + 1));
            if !code && !STATE_NAMES.iter().any(|s| s.split(' ').next() == Some(next)) {
                continue;
            }
        }
        // After a facility, `(Tacoma)` or `, Tacoma` closing the line or before the state.
        if paren && !w.gap_after(j).starts_with(')') && !clause_end(w, j) && !state_after(w, j) {
            continue;
        }
        // A city only the world list knows that is also an English word (`Cork`, `Split`,
        // `Nice`) needs Title Case and a place verb, street or slot before it.
        if dict::city(w.phrase(i, j)).is_none()
            && dict::is_everyday_word(&lower)
            && (anchor == Anchor::Weak || !is_title(w.word(i)))
        {
            continue;
        }
        if anchor == Anchor::Weak && i == j && common_name(w.word(i)) {
            continue;
        }
        let conf = match anchor {
            Anchor::Weak => 0.65,
            Anchor::Place => 0.75,
            Anchor::Verb => 0.85,
        };
        found.push((a, b, conf));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;
    use super::*;

    fn places(s: &str) -> Vec<(Label, String)> {
        run(&Place::new(), s)
    }

    fn one(label: Label, s: &str) -> Vec<(Label, String)> {
        vec![(label, s.to_owned())]
    }

    #[test]
    fn state_names_are_lower_case() {
        // `lower_is_in` compares ASCII phrases without lower-casing them: the list must be.
        assert!(STATE_NAMES.iter().all(|w| w.bytes().all(|b| !b.is_ascii_uppercase())));
        assert!(lower_is_in("New York", STATE_NAMES) && !lower_is_in("New Yorkers", STATE_NAMES));
    }

    #[test]
    fn common_towns_are_sorted() {
        assert!(COMMON_TOWNS.windows(2).all(|p| p[0] < p[1]));
    }

    #[test]
    fn words_split() {
        let s = "St. Louis, O'Neil-Smith (Tacoma)";
        let w: Vec<&str> = tokens(s).iter().map(|t| &s[t.start..t.end]).collect();
        assert_eq!(w, ["St", "Louis", "O'Neil-Smith", "Tacoma"]);
    }

    #[test]
    fn cities_in_context() {
        assert_eq!(places("Springfield, IL 62704"), one(Label::City, "Springfield"));
        assert_eq!(places("Facility: X Hospital, Macon, Georgia"), {
            let mut v = one(Label::LocationOther, "X Hospital");
            v.extend(one(Label::City, "Macon"));
            v
        });
        assert_eq!(places("she lives in fort collins now"), one(Label::City, "fort collins"));
        assert_eq!(places("Lives alone in Galesburg; son visits"), one(Label::City, "Galesburg"));
        assert_eq!(places("Hope, AR 71801"), one(Label::City, "Hope"));
    }

    #[test]
    fn not_cities() {
        for s in [
            "lives in hope",
            "Family moved from Wisconsin in 2015",
            "seen in May",
            "Jane Roe, MD",
            "referred to Jackson for follow-up",
            "Hope is what we have",
        ] {
            assert_eq!(places(s), vec![], "{s}");
        }
    }

    #[test]
    fn counties_and_facilities() {
        assert_eq!(places("we live in Larimer County"), one(Label::County, "Larimer County"));
        assert_eq!(places("in st. louis county"), one(Label::County, "st. louis county"));
        assert_eq!(places("Orleans Parish"), one(Label::County, "Orleans Parish"));
        assert_eq!(
            places("transferred from Calvert Hospital"),
            one(Label::LocationOther, "Calvert Hospital")
        );
        assert_eq!(
            places("in hospice at briarwood manor"),
            one(Label::LocationOther, "briarwood manor")
        );
        for s in ["went to urgent care", "the hospital", "Cardiology Clinic follow-up"] {
            assert_eq!(places(s), vec![], "{s}");
        }
    }
}
