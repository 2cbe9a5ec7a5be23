//! The word tables the name recognizer weighs tokens against: the context words that announce a
//! name (titles, relations, name slots), the credentials that follow one, the particles inside
//! multi-part surnames, and the everyday and clinical words that are never names however they are
//! capitalized. Every table is lower case ASCII; [`in_table`] looks a word up in all of them at once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Titles written before a name (`Dr. Patel`, `Mrs Alvarez`, `dr fitzgerald`). A title is the
/// strongest context there is: whatever follows, in any case, is a name.
const TITLES_LIST: &[&str] =
    &["dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev"];

/// Relation and role words written right before a name (`my son jake`, `husband Desmond`,
/// `intake RN Maria Mbeki`, `adjuster Ahmed Romero`). Strong: a common word after them is a name
/// (`my daughter grace`).
const RELATIONS_LIST: &[&str] = &[
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
    "niece",
    "nephew",
    "grandson",
    "granddaughter",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "granny",
    "nana",
    "aunt",
    "uncle",
    "cousin",
    "spouse",
    "partner",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancee",
    "caregiver",
    "friend",
    "neighbor",
    "neighbour",
    "roommate",
    "stepson",
    "stepdaughter",
    "stepmom",
    "stepdad",
    "guardian",
    "sibling",
    "kid",
    "baby",
    "child",
    "boss",
    "coworker",
    "manager",
    "supervisor",
    "landlord",
    "adjuster",
    "rn",
    "np",
    "lpn",
    "cna",
    "pcp",
    "attending",
    "surgeon",
    "therapist",
    "pharmacist",
    "doc",
    "physician",
    "resident",
    "provider",
    "pastor",
    "chaplain",
    "interpreter",
    "translator",
    "aide",
    "coordinator",
    "worker",
    "nephews",
    "sons",
    "daughters",
    "poa",
    "hcpoa",
    "subscriber",
    "guarantor",
    "insured",
    "contact",
    "patient",
    "pt",
    // Care roles a patient names people by (`nurse sven said`, `my midwife pao lor`).
    "nurse",
    "midwife",
    "doula",
    "scribe",
    "counselor",
    "dietitian",
    "nutritionist",
    "paramedic",
    "chw",
    // In-laws, written as one word or three (`my father in law obinna`).
    "father in law",
    "mother in law",
    "brother in law",
    "sister in law",
    "son in law",
    "daughter in law",
    "father-in-law",
    "mother-in-law",
    "brother-in-law",
    "sister-in-law",
    "son-in-law",
    "daughter-in-law",
    // Spanish-speaking families write their own words (`mi hija nadège`, `my abuela yesenia`).
    "abuela",
    "abuelo",
    "hija",
    "hijo",
    "esposa",
    "esposo",
    "hermana",
    "hermano",
    "tia",
    "tio",
    "mami",
    "papi",
    "mama",
    "papa",
];

/// Phrases that say a name comes next (`Name:`, `Signed by`, `my name is`, `cc:`). Strong, like a
/// relation. Matched against the lower-cased words right before a token; multi-word entries are
/// written with single spaces.
const SLOTS_LIST: &[&str] = &[
    "name",
    "names",
    "my name is",
    "name is",
    "full name",
    "signed",
    "signed by",
    "co-signed",
    "cosigned",
    "countersigned",
    "preferred name",
    "goes by",
    "cosigned by",
    "co-signed by",
    "dictated by",
    "transcribed by",
    "written by",
    "reviewed by",
    "seen by",
    "examined by",
    "cc",
    "c/o",
    "attn",
    "attention",
    "from",
    "to",
    "re",
    "my np is",
    "my doctor is",
    "my dr is",
    "my pcp is",
    "np is",
    "doctor is",
    "pcp is",
    "referred by",
    "referral from",
    "accompanied by",
    "mother is",
    "father is",
    "emergency contact",
    "next of kin",
    "nok",
    "dear",
    "i'm",
    "im",
    "i am",
    "this is",
    "it's",
    "its",
    "me",
    "called",
    "ask for",
    "speak to",
    "talk to",
    "spoke with",
    "spoke to",
    "per",
    "hpi",
];

/// Slots after which a lower-case common word is still not a name (`im will...`, `this is may
/// 3rd`, `per mark`): they name the writer or a person only loosely, so the word must be a
/// first name that is not an everyday word.
const LOOSE_SLOTS_LIST: &[&str] = &[
    "i'm",
    "im",
    "i am",
    "this is",
    "it's",
    "its",
    "me",
    "called",
    "per",
    "from",
    "to",
    "re",
    "cc",
    "attn",
    "attention",
    "dear",
    "ask for",
    "speak to",
    "talk to",
    "spoke with",
    "spoke to",
];

/// Weak context: greetings, thanks and prepositions that often, not always, precede a name (`Hi
/// Wilhelmina`, `thanks, Rosa`, `appt w olga young`, `EOB for Esther Lindqvist`). A token after
/// them must still be in a name list.
const WEAK_LIST: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "sorry",
    "text",
    "txt",
    "message",
    "msg",
    "email",
    "thanks",
    "thank you",
    "thx",
    "ty",
    "w",
    "w/",
    "with",
    "for",
    "by",
    "and",
    "or",
    "of",
    "at",
    "about",
    "regarding",
    "tell",
    "ask",
    "see",
    "saw",
    "visit",
    "bye",
    "love",
    "morning",
    "good morning",
    "afternoon",
    "evening",
];

/// Credentials written after a name (`Maria Lopez, RN`, `R. Patel MD`, `W. Whitfield, PA-C`).
const CREDENTIALS_LIST: &[&str] = &[
    "md", "m.d", "do", "d.o", "rn", "np", "pa", "pa-c", "lpn", "cna", "dds", "dmd", "phd",
    "pharmd", "dpm", "od", "crna", "aprn", "fnp", "fnp-c", "anp", "msw", "lcsw", "lmsw", "lpc",
    "mph", "bsn", "msn", "dnp", "facp", "facc", "facs", "rd", "rph", "ot", "otr", "slp", "dpt",
    "ccc-slp", "psyd", "mft", "jr", "sr", "esq", "cnm", "ma", "rt", "rrt",
];

/// Words and phrases right before a name that make it a clinician's (`Dr. Patel`, `Attending:
/// R. Patel`, `RN Maria Mbeki`, `signed by`, `cc:`): the names a host may choose to keep.
#[rustfmt::skip]
const CLINICIAN_BEFORE_LIST: &[&str] = &[
    "dr", "doctor", "prof", "professor", "attending", "surgeon", "physician", "provider", "pcp",
    "rn", "np", "lpn", "cna", "resident", "therapist", "pharmacist", "doc", "nurse", "midwife",
    "hospitalist", "intern", "fellow", "consultant", "clinician", "cc", "signed", "cosigned",
    "co-signed", "countersigned", "signed by", "cosigned by", "co-signed by", "dictated by",
    "transcribed by", "reviewed by", "seen by", "examined by", "referred by", "my doctor is",
    "doctor is", "my pcp is", "pcp is", "my dr is", "my np is", "np is", "referring",
    "rendering", "ordering",
];

/// Words right after a name that show it is one (`Nadia here`, `Maria Lopez called`).
const AFTER_LIST: &[&str] = &[
    "here", "called", "calling", "says", "said", "texted", "wrote", "asked", "stated", "reports",
    "reported", "agrees", "agreed", "signed",
];

/// Words right after a name that make it the subject of a sentence (`Keiko is picking me up`,
/// `joy and rodrigo both have`, `can Wade come in`). Weak: only a listed name that opens the
/// sentence, or follows a modal (`can`), counts.
const SUBJECT_AFTER_LIST: &[&str] = &[
    "is", "was", "has", "had", "and", "will", "can", "could", "wants", "needs", "thinks", "come",
    "call", "pick", "drive", "bring", "take", "text", "sign", "stay", "help",
];

/// Verbs of a person's doing after a modal and a name (`can Bill come in`, `could siobhán call
/// me back`): with a modal before, even an everyday first name is a person.
const PERSON_VERBS_LIST: &[&str] =
    &["come", "call", "pick", "drive", "bring", "take", "text", "sign", "stay", "help"];

/// Modals that open a question about a person (`can Wade come`, `will Joy call`).
const MODALS_LIST: &[&str] = &["can", "could", "will", "would", "should", "did", "does"];

/// Relations written in parentheses after a name (`James Alvarez (sister)`), plus proxies.
const PAREN_AFTER_LIST: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "mom",
    "dad",
    "brother",
    "sister",
    "niece",
    "nephew",
    "grandson",
    "granddaughter",
    "spouse",
    "partner",
    "friend",
    "caregiver",
    "hcpoa",
    "poa",
    "guardian",
    "aunt",
    "uncle",
    "cousin",
    "neighbor",
    "grandpa",
    "grandma",
    "grandmother",
    "grandfather",
    "nana",
    "abuela",
    "abuelo",
    "hija",
    "hijo",
    "esposa",
    "esposo",
    "hermana",
    "hermano",
    "tia",
    "tio",
    "self",
    "patient",
];

/// Particles inside multi-part surnames (`van der Berg`, `de la Cruz`, `bin Laden`): joined to
/// the name around them, never a name alone.
const PARTICLES_LIST: &[&str] = &[
    "van", "der", "den", "de", "la", "le", "del", "della", "di", "da", "du", "dos", "das", "von",
    "zu", "ten", "ter", "bin", "ibn", "bint", "al", "el", "ben", "st", "mac", "mc", "y",
];

/// Words that end a name and are never part of one, whatever their case: function words,
/// frequent chat words, clinical section words, months and weekdays. Keeps `Thanks`, `Patient`,
/// `Denies`, `HPI` and `Follow` out of spans even when a name list happens to hold them.
#[rustfmt::skip]
const STOP_LIST: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "so", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "as", "is", "was", "are", "were", "be", "been", "am", "has", "had", "have",
    "do", "does", "did", "done", "will", "would", "can", "could", "should", "shall", "may", "might",
    "must", "i", "me", "my", "mine", "you", "your", "u", "ur", "he", "him", "his", "she", "her",
    "hers", "it", "its", "we", "us", "our", "they", "them", "their", "this", "that", "these",
    "those", "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "not", "no",
    "yes", "ok", "okay", "pls", "plz", "please", "thanks", "thank", "thx", "ty", "hi", "hello",
    "hey", "dear", "re", "cc", "fw", "fwd", "also", "just", "still", "again", "today", "tomorrow",
    "yesterday", "tonight", "now", "then", "here", "there", "all", "any", "some", "each", "every",
    "very", "too", "only", "about", "after", "before", "over", "under", "up", "down", "out",
    "off", "into", "than", "since", "until", "while", "because", "said", "says", "say", "called",
    "calling", "call", "needs", "need", "wants", "want", "got", "get", "gets", "going", "went",
    "goes", "go", "came", "come", "comes", "took", "take", "takes", "saw", "see", "seen", "told",
    "tell", "asked", "ask", "feel", "feels", "felt", "is", "isnt", "dont", "cant", "wont", "didnt",
    "im", "ive", "id", "ill", "its", "right", "left", "new", "old", "last", "next", "first",
    "second", "one", "two", "three", "per", "via", "w", "dob", "mrn", "ssn", "phone", "cell",
    "fax", "email", "appt", "visit", "note", "notes", "patient", "pt", "pts", "name", "names",
    "date", "time", "age", "sex", "male", "female", "man", "woman", "boy", "girl", "mr", "mrs",
    "ms", "dr", "doctor", "nurse", "family", "home", "office", "clinic", "hospital", "center",
    "centre", "medical", "health", "care", "pharmacy", "insurance", "department", "dept", "unit",
    "room", "floor", "services", "service", "group", "associates", "regional", "memorial",
    "community", "general", "university", "county", "parish", "city", "state", "street", "avenue",
    "road", "drive", "lane", "suite", "apt", "box", "hpi", "pmh", "psh", "ros", "exam", "plan",
    "assessment", "impression", "history", "allergies", "medications", "meds", "labs", "vitals",
    "diagnosis", "dx", "tx", "rx", "hx", "sx", "fx", "follow", "followup", "denies", "reports",
    "presents", "presented", "admitted", "discharged", "discussed", "signed", "dictated",
    "transcribed", "reviewed", "noted", "stable", "normal", "negative", "positive", "unremarkable",
    "chief", "complaint", "january", "february", "march", "july",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thur", "thurs", "fri",
    "sat", "sun", "morning", "afternoon", "evening", "night", "week", "month", "year", "years",
    "yr", "yrs", "yo", "day", "days", "daily", "bid", "tid", "qid", "prn", "po", "iv", "im",
    "sc", "subq", "mg", "ml", "mcg", "units", "tab", "tabs", "pill", "pills", "dose", "refill",
    "refil", "shot", "shots", "bill", "claim", "account", "acct", "card", "member", "policy",
    "plan", "record", "records", "form", "forms", "report", "results", "result", "test", "tests",
    "scan", "xray", "mri", "ct", "ekg", "ecg", "er", "ed", "icu", "or", "pacu", "nicu", "ob",
    "gyn", "ent", "gi", "pcp", "np", "rn", "md", "pa", "lpn", "cna", "hcpoa", "poa", "dnr",
    "dni", "code", "status", "per", "mother", "father", "son", "daughter", "wife", "husband",
    "mom", "dad", "brother", "sister", "friend", "spouse", "partner", "baby", "kid", "kids",
    "child", "children", "people", "person", "someone", "anyone", "everyone", "nobody", "staff",
    "team", "provider", "physician", "surgeon", "pharmacist", "therapist", "transferred",
    "referred", "sent", "faxed", "mailed", "scheduled", "cancelled", "canceled", "moved",
    "lives", "living", "alone", "checks", "visits", "helps", "drives", "fell", "fall", "pain",
    "fever", "cough", "bp", "hr", "temp", "weight", "sugar", "glucose", "blood", "urine",
    "stool", "like", "well", "good", "bad", "better", "worse", "more", "less", "much", "many",
    "few", "other", "another", "same", "such", "own", "both", "either", "neither", "nor",
    "yet", "ever", "never", "always", "sometimes", "often", "soon", "later", "early", "late",
    "back", "away", "around", "through", "between", "against", "without", "within", "along",
    "across", "behind", "beyond", "during", "except", "inside", "outside", "toward", "towards",
    "upon", "whether", "though", "although", "unless", "however", "therefore", "thus", "hence",
    "dear", "sincerely", "regards", "best", "cheers", "sorry", "oh", "lol", "omg", "idk", "btw",
    "asap", "fyi", "mrs", "miss", "mx", "sir", "madam", "maam", "team", "admin", "billing",
    "scheduling", "nursing", "radiology", "cardiology", "oncology", "neurology", "orthopedics",
    "pediatrics", "urology", "dermatology", "lab", "laboratory", "imaging", "surgery",
    "emergency", "urgent", "primary", "internal", "medicine", "family", "senior", "assisted",
    "rehab", "rehabilitation", "hospice", "nursing", "center", "institute", "foundation",
    "saint", "mount", "lake", "valley", "river", "heights", "springs", "park", "north", "south",
    "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
    "contact", "emergency", "kin", "signature", "electronically", "attending", "referring",
    "rendering", "ordering", "subscriber", "guarantor", "insured", "adjuster", "employer",
    "caregiver", "sender", "recipient", "from", "to", "subject", "pages", "cover", "sheet",
    "message", "msg", "reply", "re", "dob", "age", "yes", "no", "na", "n/a", "unknown", "none",
    "other", "see", "above", "below", "attached", "enclosed",
];

/// Month and weekday names and abbreviations that are also first names (`June`, `April`,
/// `Thu`): without a title or slot they are dates, so they are never a name alone.
const CALENDAR_LIST: &[&str] = &[
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// US state names that are also first names or surnames (`Georgia`, `Montana`, `Carolina`,
/// `Virginia`, `Washington`): a state is not PHI, so alone and without context it stays.
const STATES_LIST: &[&str] = &[
    "georgia",
    "montana",
    "virginia",
    "carolina",
    "dakota",
    "indiana",
    "florida",
    "nevada",
    "washington",
    "tennessee",
    "kentucky",
    "maryland",
    "arizona",
    "colorado",
    "alabama",
    "texas",
    "missouri",
    "louisiana",
    "delaware",
    "vermont",
    "oregon",
    "idaho",
    "utah",
    "maine",
    "ohio",
    "iowa",
    "kansas",
    "nebraska",
    "wyoming",
    "alaska",
    "hawaii",
    "california",
    "illinois",
    "michigan",
    "minnesota",
    "wisconsin",
    "mississippi",
    "arkansas",
    "oklahoma",
    "jersey",
    "york",
    "hampshire",
    "mexico",
    "dakota",
    "connecticut",
    "massachusetts",
    "pennsylvania",
];

/// Words that make a capitalized run an organisation, a product or a street, not a person
/// (`Prairie Heights Clinic`, `Boston Scientific`, `Eastgate Women's Health`, `Pine Bluff St`).
#[rustfmt::skip]
const ORG_LIST: &[&str] = &[
    "hospital", "hospitals", "clinic", "clinics", "center", "centre", "medical", "health",
    "healthcare", "care", "nursing", "pharmacy", "county", "parish", "university", "college",
    "school", "church", "institute", "foundation", "associates", "group", "memorial", "regional",
    "community", "living", "home", "homes", "hospice", "rehab", "rehabilitation", "insurance",
    "services", "department", "labs", "laboratory", "laboratories", "inc", "llc", "corp",
    "company", "co", "senior", "assisted", "manor", "village", "orthopedics", "orthopaedics",
    "cardiology", "radiology", "oncology", "neurology", "pediatrics", "dermatology", "urology",
    "surgery", "surgical", "physicians", "partners", "practice", "urgent", "imaging", "dental",
    "scientific", "pharmaceuticals", "pharma", "therapeutics", "systems", "solutions",
    "station", "airport", "mall", "market", "bank", "office", "offices", "suite", "apt",
    "farmacia", "clinica", "dialysis", "apothecary", "drugstore", "medicine", "baptist", "methodist", "presbyterian", "lutheran",
    "adventist", "trust", "hmo", "ppo", "benefit", "benefits", "mutual", "plan", "choice",
];

/// Street suffixes and place words (`Pine Bluff St`, `Maple Grove`, `Harbor Point`): a run
/// holding one is a place unless a title or slot says person (`Dr. Park`, `Name: Grace Lake`).
#[rustfmt::skip]
const STREET_LIST: &[&str] = &[
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive",
    "dr", "way", "court", "ct", "terrace", "ter", "place", "pl", "circle", "cir", "parkway",
    "pkwy", "highway", "hwy", "trail", "trl", "square", "sq", "plaza", "park", "heights",
    "springs", "valley", "lake", "river", "creek", "hills", "grove", "ridge", "point", "peak",
    "oaks", "woods", "pines", "meadows", "gardens", "acres", "estates", "crossing", "bluff",
    "harbor", "bay", "beach", "island", "mountain", "falls", "junction", "landing", "commons",
];

/// Products people write in Title Case that a name list also holds (`Kia Soul`, `Mercedes`):
/// only a title or slot makes them a name.
const PRODUCTS_LIST: &[&str] = &[
    "kia",
    "honda",
    "toyota",
    "ford",
    "nissan",
    "mazda",
    "subaru",
    "hyundai",
    "chevy",
    "chevrolet",
    "dodge",
    "jeep",
    "tesla",
    "lexus",
    "buick",
    "mercedes",
    "volvo",
    "audi",
    "bmw",
    "cadillac",
    "lincoln",
    "chrysler",
    "acura",
    "infiniti",
    "porsche",
    "ram",
    "gmc",
    "apple",
    "samsung",
    "google",
    "amazon",
    "walmart",
    "target",
    "costco",
    "walgreens",
    "cvs",
];

/// Words right after an eponym that make it clinical (`Wilson disease`, `Barrett esophagus`,
/// `Foley catheter`, `Bell's palsy`): the word before them is no person, whatever the context.
const EPONYM_NEXT_LIST: &[&str] = &[
    "disease",
    "syndrome",
    "sign",
    "signs",
    "test",
    "tests",
    "maneuver",
    "manoeuvre",
    "esophagus",
    "palsy",
    "lymphoma",
    "reflex",
    "score",
    "scale",
    "catheter",
    "procedure",
    "phenomenon",
    "ulcer",
    "disorder",
    "criteria",
    "classification",
    "fracture",
    "node",
    "nodes",
    "tube",
    "stocking",
    "stockings",
    "cyst",
    "law",
    "triad",
    "operation",
    "repair",
    "block",
    "shunt",
    "position",
    "sarcoma",
    "tumor",
    "tumour",
    "anomaly",
    "method",
    "equation",
    "formula",
    "index",
    "stage",
    "staging",
    "grade",
    "type",
    "pump",
    "filter",
    "murmur",
    "disease's",
];

/// Languages and peoples, which follow `Interpreter:` and `speaks` like names do (`Interpreter:
/// Haitian Creole`, `Somali`): never a name by themselves.
#[rustfmt::skip]
const LANGUAGES_LIST: &[&str] = &[
    "english", "spanish", "french", "haitian", "creole", "portuguese", "italian", "german",
    "dutch", "polish", "russian", "ukrainian", "greek", "turkish", "arabic", "hebrew", "yiddish",
    "farsi", "persian", "dari", "pashto", "urdu", "hindi", "punjabi", "bengali", "gujarati",
    "tamil", "telugu", "nepali", "chinese", "mandarin", "cantonese", "korean", "japanese",
    "vietnamese", "tagalog", "filipino", "hmong", "khmer", "lao", "thai", "burmese", "somali",
    "amharic", "tigrinya", "oromo", "swahili", "yoruba", "igbo", "hausa", "navajo", "albanian",
    "armenian", "bosnian", "serbian", "croatian", "romanian", "hungarian", "czech", "slovak",
    "sign", "asl", "american", "mexican", "african", "asian", "latino", "latina", "hispanic",
    "caucasian", "native", "indigenous", "swedish", "norwegian", "danish", "finnish", "irish",
];

/// One of the word tables above: a bit in the masks of [`index`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Table(u32);

/// [`TITLES_LIST`] as a bit of [`index`].
pub(super) const TITLES: Table = Table(1 << 0);
/// [`RELATIONS_LIST`] as a bit of [`index`].
pub(super) const RELATIONS: Table = Table(1 << 1);
/// [`SLOTS_LIST`] as a bit of [`index`].
pub(super) const SLOTS: Table = Table(1 << 2);
/// [`LOOSE_SLOTS_LIST`] as a bit of [`index`].
pub(super) const LOOSE_SLOTS: Table = Table(1 << 3);
/// [`WEAK_LIST`] as a bit of [`index`].
pub(super) const WEAK: Table = Table(1 << 4);
/// [`CREDENTIALS_LIST`] as a bit of [`index`].
pub(super) const CREDENTIALS: Table = Table(1 << 5);
/// [`CLINICIAN_BEFORE_LIST`] as a bit of [`index`].
pub(super) const CLINICIAN_BEFORE: Table = Table(1 << 6);
/// [`AFTER_LIST`] as a bit of [`index`].
pub(super) const AFTER: Table = Table(1 << 7);
/// [`SUBJECT_AFTER_LIST`] as a bit of [`index`].
pub(super) const SUBJECT_AFTER: Table = Table(1 << 8);
/// [`PERSON_VERBS_LIST`] as a bit of [`index`].
pub(super) const PERSON_VERBS: Table = Table(1 << 9);
/// [`MODALS_LIST`] as a bit of [`index`].
pub(super) const MODALS: Table = Table(1 << 10);
/// [`PAREN_AFTER_LIST`] as a bit of [`index`].
pub(super) const PAREN_AFTER: Table = Table(1 << 11);
/// [`PARTICLES_LIST`] as a bit of [`index`].
pub(super) const PARTICLES: Table = Table(1 << 12);
/// [`STOP_LIST`] as a bit of [`index`].
pub(super) const STOP: Table = Table(1 << 13);
/// [`CALENDAR_LIST`] as a bit of [`index`].
pub(super) const CALENDAR: Table = Table(1 << 14);
/// [`STATES_LIST`] as a bit of [`index`].
pub(super) const STATES: Table = Table(1 << 15);
/// [`ORG_LIST`] as a bit of [`index`].
pub(super) const ORG: Table = Table(1 << 16);
/// [`STREET_LIST`] as a bit of [`index`].
pub(super) const STREET: Table = Table(1 << 17);
/// [`PRODUCTS_LIST`] as a bit of [`index`].
pub(super) const PRODUCTS: Table = Table(1 << 18);
/// [`EPONYM_NEXT_LIST`] as a bit of [`index`].
pub(super) const EPONYM_NEXT: Table = Table(1 << 19);
/// [`LANGUAGES_LIST`] as a bit of [`index`].
pub(super) const LANGUAGES: Table = Table(1 << 20);

/// Every table with its bit.
const TABLES: [(&[&str], Table); 21] = [
    (TITLES_LIST, TITLES),
    (RELATIONS_LIST, RELATIONS),
    (SLOTS_LIST, SLOTS),
    (LOOSE_SLOTS_LIST, LOOSE_SLOTS),
    (WEAK_LIST, WEAK),
    (CREDENTIALS_LIST, CREDENTIALS),
    (CLINICIAN_BEFORE_LIST, CLINICIAN_BEFORE),
    (AFTER_LIST, AFTER),
    (SUBJECT_AFTER_LIST, SUBJECT_AFTER),
    (PERSON_VERBS_LIST, PERSON_VERBS),
    (MODALS_LIST, MODALS),
    (PAREN_AFTER_LIST, PAREN_AFTER),
    (PARTICLES_LIST, PARTICLES),
    (STOP_LIST, STOP),
    (CALENDAR_LIST, CALENDAR),
    (STATES_LIST, STATES),
    (ORG_LIST, ORG),
    (STREET_LIST, STREET),
    (PRODUCTS_LIST, PRODUCTS),
    (EPONYM_NEXT_LIST, EPONYM_NEXT),
    (LANGUAGES_LIST, LANGUAGES),
];

/// Each word of any table, with the bits of the tables that hold it. Built once: the recognizer
/// asks about every token several times, and a linear `contains` over `STOP` (some 650 words)
/// was a tenth of detecting.
fn index() -> &'static HashMap<&'static str, u32, BuildHasherDefault<Fnv>> {
    static INDEX: OnceLock<HashMap<&'static str, u32, BuildHasherDefault<Fnv>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = HashMap::default();
        for (list, table) in TABLES {
            for &w in list {
                *map.entry(w).or_insert(0) |= table.0;
            }
        }
        map
    })
}

/// FNV-1a (also for the name recognizer's per-text caches): the keys are short words, where SipHash's setup costs more than the lookup; the
/// tables are our own constants, and a cache holds one text's words, so flooding buys nothing.
pub(super) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Is `w` (lower case) in `table`?
pub(super) fn in_table(table: Table, w: &str) -> bool {
    index().get(w).is_some_and(|bits| bits & table.0 != 0)
}
