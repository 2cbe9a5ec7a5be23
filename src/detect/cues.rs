//! Label cues: the words in front of a value that say what it is ("MRN#:", "Acct no.", "fax").
//!
//! A bare `00123456` could be anything; after `MRN:` it is a medical record number. Every cue in a
//! text is found in one Aho-Corasick pass over the lower-cased text, and recognizers ask two
//! questions of the result: which cue labels this value directly ([`Text::cue_before`]), and is a
//! cue of some kind nearby ([`Text::cue_near`]). Negative cues (vitals, codes, rooms) are here too,
//! so recognizers can refuse `BP 128/82` or `ICD-10 E11.9` with the same machinery.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::text::Text;

/// What a cue says about the value that follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CueKind {
    Phone,
    Fax,
    Email,
    Url,
    Ip,
    Ssn,
    Mrn,
    HealthPlan,
    /// Medicare beneficiary identifier (a health-plan number with its own format).
    Mbi,
    Account,
    /// Payment card (Luhn-checked account number).
    Card,
    /// Bank routing number (ABA-checked).
    Routing,
    License,
    Dea,
    Npi,
    Vehicle,
    Vin,
    Plate,
    Device,
    IdOther,
    Zip,
    /// A date is coming: date of birth, admission, discharge.
    Date,
    Age,
    /// Negative: a vital sign or lab value follows.
    Vital,
    /// Negative: a billing or terminology code follows (ICD, CPT, NDC, LOINC).
    Code,
    /// Negative: a room, bed or ward number follows.
    Room,
}

/// One cue found in a text (byte span into the folded text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    pub(crate) kind: CueKind,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

use CueKind::*;

/// The cue phrases, lower case. Longest match wins, so "license plate" beats "license" and
/// "unit number" beats "unit".
#[rustfmt::skip]
const PHRASES: &[(&str, CueKind)] = &[
    // Phones.
    ("phone", Phone), ("ph", Phone), ("ph#", Phone), ("tel", Phone), ("telephone", Phone),
    ("cell", Phone), ("cell phone", Phone), ("cellphone", Phone), ("mobile", Phone),
    ("home phone", Phone), ("work phone", Phone), ("call", Phone), ("call me at", Phone),
    ("text me at", Phone), ("pager", Phone), ("beeper", Phone), ("reach me at", Phone),
    ("contact number", Phone), ("callback", Phone), ("call back", Phone), ("phone number", Phone),
    ("phone no", Phone), ("tel no", Phone), ("cell #", Phone), ("cell#", Phone), ("phone #", Phone),
    ("phone#", Phone), ("number is", Phone),
    ("text me", Phone), ("txt me", Phone), ("whatsapp", Phone),
    // "my number changed to 5552013344": in chat "my number" is the writer's phone.
    ("my number", Phone), ("my numbr", Phone), ("my new number", Phone), ("new number", Phone),
    // Fax.
    ("fax", Fax), ("fax no", Fax), ("fax number", Fax), ("fax #", Fax), ("fax#", Fax),
    ("facsimile", Fax), ("fx", Fax), ("faxed to", Fax), ("fax it to", Fax), ("fax to", Fax),
    ("faxed", Fax), ("faxing", Fax),
    // Email and web.
    ("email", Email), ("e-mail", Email), ("e mail", Email),
    ("website", Url), ("url", Url), ("link", Url), ("web site", Url),
    ("portal", Url), ("patient portal", Url), ("homepage", Url), ("web page", Url),
    ("webpage", Url),
    ("ip", Ip), ("ip address", Ip), ("ipv4", Ip), ("ipv6", Ip), ("ip addr", Ip),
    // SSN.
    ("ssn", Ssn), ("ssn#", Ssn), ("ss#", Ssn), ("ss #", Ssn), ("ss no", Ssn),
    ("social security", Ssn), ("social security number", Ssn), ("social security no", Ssn),
    ("social sec", Ssn), ("soc sec", Ssn), ("social", Ssn), ("soc. sec", Ssn), ("ssn no", Ssn),
    // Medical record numbers.
    ("mrn", Mrn), ("mrn#", Mrn), ("mr#", Mrn), ("mr #", Mrn), ("mr no", Mrn), ("m.r.n", Mrn),
    ("medical record", Mrn), ("medical record number", Mrn), ("medical record no", Mrn),
    ("med rec", Mrn), ("med rec no", Mrn), ("medrec", Mrn), ("chart", Mrn), ("chart number", Mrn),
    ("chart no", Mrn), ("chart #", Mrn), ("patient id", Mrn), ("pt id", Mrn), ("patient number", Mrn),
    ("patient #", Mrn), ("pt #", Mrn), ("hospital number", Mrn), ("hosp no", Mrn),
    ("unit number", Mrn), ("unit no", Mrn), ("record number", Mrn), ("record #", Mrn),
    ("record no", Mrn), ("emr", Mrn), ("emr id", Mrn), ("ehr id", Mrn), ("mrn number", Mrn),
    // Health plans.
    ("member", HealthPlan), ("member id", HealthPlan), ("member #", HealthPlan),
    ("member number", HealthPlan), ("member no", HealthPlan), ("subscriber", HealthPlan),
    ("subscriber id", HealthPlan), ("subscriber #", HealthPlan), ("subscriber number", HealthPlan),
    ("policy", HealthPlan), ("policy number", HealthPlan), ("policy #", HealthPlan),
    ("policy no", HealthPlan), ("group", HealthPlan), ("group number", HealthPlan),
    ("group #", HealthPlan), ("group no", HealthPlan), ("grp", HealthPlan), ("grp#", HealthPlan),
    ("insurance id", HealthPlan), ("insurance", HealthPlan), ("insurance #", HealthPlan),
    ("insurance number", HealthPlan), ("plan id", HealthPlan), ("beneficiary", HealthPlan),
    ("beneficiary id", HealthPlan), ("health plan", HealthPlan), ("ins id", HealthPlan),
    ("medicaid", HealthPlan), ("medicaid id", HealthPlan), ("medicaid #", HealthPlan),
    ("id card", HealthPlan), ("insurance card", HealthPlan), ("coverage id", HealthPlan),
    ("medicare", Mbi), ("mbi", Mbi), ("medicare id", Mbi), ("medicare number", Mbi),
    ("medicare #", Mbi), ("hicn", Mbi), ("medicare beneficiary identifier", Mbi),
    // Accounts.
    ("account", Account), ("account number", Account), ("account #", Account),
    ("account no", Account), ("acct", Account), ("acct#", Account), ("acct #", Account),
    ("acct no", Account), ("acc no", Account), ("a/c", Account), ("billing account", Account),
    ("bank account", Account), ("checking", Account), ("savings", Account), ("iban", Account),
    ("guarantor account", Account), ("patient account", Account), ("hospital account", Account),
    ("card", Card), ("credit card", Card), ("debit card", Card), ("card number", Card),
    ("card #", Card), ("visa", Card), ("mastercard", Card), ("amex", Card), ("discover", Card),
    ("card ending in", Card), ("cc#", Card), ("cc #", Card), ("card no", Card),
    ("routing", Routing), ("routing number", Routing), ("routing #", Routing), ("aba", Routing),
    ("rtn", Routing), ("routing no", Routing), ("aba routing", Routing),
    // Licences and certificates.
    ("license", License), ("licence", License), ("lic", License), ("lic#", License),
    ("lic #", License), ("license number", License), ("license #", License), ("license no", License),
    ("licence number", License), ("licence no", License), ("dl", License), ("dl#", License),
    ("dl #", License), ("driver's license", License), ("drivers license", License),
    ("driver license", License), ("driver's licence", License), ("drivers lic", License),
    ("state license", License), ("medical license", License), ("nursing license", License),
    ("certificate", License), ("certificate number", License), ("certificate #", License),
    ("cert", License), ("cert#", License), ("cert #", License), ("certification", License),
    ("passport", License), ("passport number", License), ("passport #", License),
    ("permit", License), ("permit number", License), ("state id", License),
    ("dea", Dea), ("dea#", Dea), ("dea #", Dea), ("dea number", Dea), ("dea no", Dea),
    ("npi", Npi), ("npi#", Npi), ("npi #", Npi), ("npi number", Npi), ("npi no", Npi),
    // Vehicles.
    ("vin", Vin), ("vin#", Vin), ("vin #", Vin), ("vehicle identification number", Vin),
    ("vin number", Vin), ("vehicle", Vehicle), ("vehicle id", Vehicle), ("car", Vehicle),
    ("truck", Vehicle), ("plate", Plate), ("plates", Plate), ("license plate", Plate),
    ("licence plate", Plate), ("plate number", Plate), ("plate #", Plate), ("tag number", Plate),
    ("tags", Plate), ("registration plate", Plate),
    // Devices.
    ("serial", Device), ("serial number", Device), ("serial no", Device), ("serial #", Device),
    ("s/n", Device), ("sn", Device), ("sn#", Device), ("lot", Device), ("lot number", Device),
    ("lot #", Device), ("lot no", Device), ("udi", Device), ("device id", Device),
    ("device", Device), ("implant", Device), ("implant id", Device), ("pacemaker", Device),
    ("defibrillator", Device), ("imei", Device), ("mac address", Device), ("device serial", Device),
    ("pump serial", Device), ("model/serial", Device), ("hearing aid", Device),
    // Other unique identifiers.
    ("claim", IdOther), ("claim number", IdOther), ("claim #", IdOther), ("claim no", IdOther),
    ("claim id", IdOther), ("case", IdOther), ("case number", IdOther), ("case #", IdOther),
    ("case no", IdOther), ("case id", IdOther), ("encounter", IdOther), ("encounter id", IdOther),
    ("encounter number", IdOther), ("encounter #", IdOther), ("enc", IdOther), ("enc#", IdOther),
    ("visit id", IdOther), ("visit number", IdOther), ("visit #", IdOther), ("csn", IdOther),
    ("fin", IdOther), ("fin#", IdOther), ("har", IdOther), ("accession", IdOther),
    ("accession number", IdOther), ("accession #", IdOther), ("specimen id", IdOther),
    ("specimen", IdOther), ("order number", IdOther), ("order #", IdOther), ("order id", IdOther),
    ("reference number", IdOther), ("reference #", IdOther), ("ref", IdOther), ("ref#", IdOther),
    ("ref #", IdOther), ("ref no", IdOther), ("confirmation", IdOther),
    ("confirmation number", IdOther), ("confirmation #", IdOther), ("confirmation code", IdOther),
    ("ticket", IdOther), ("ticket #", IdOther), ("ticket number", IdOther),
    ("tracking number", IdOther), ("tracking #", IdOther), ("authorization", IdOther),
    ("authorization number", IdOther), ("auth #", IdOther), ("auth#", IdOther),
    ("prior auth", IdOther), ("rx#", IdOther), ("rx #", IdOther), ("rx number", IdOther),
    ("prescription number", IdOther), ("username", IdOther), ("user id", IdOther),
    ("user name", IdOther), ("login", IdOther), ("employee id", IdOther), ("badge", IdOther),
    ("badge #", IdOther), ("student id", IdOther), ("invoice", IdOther), ("invoice #", IdOther),
    ("invoice number", IdOther), ("booking", IdOther), ("record locator", IdOther),
    ("patient account number", Account), ("requisition", IdOther), ("requisition #", IdOther),
    // Longer forms of id cues, so "member ID number is ..." is not read as "member ID" followed
    // by the phone cue "number is"; and "Medicare card" is a Medicare number, not a payment card.
    ("member id number", HealthPlan), ("subscriber id number", HealthPlan),
    ("insurance id number", HealthPlan), ("medicaid id number", HealthPlan),
    ("medicaid card", HealthPlan), ("medicare card", Mbi), ("medicare id number", Mbi),
    ("patient id number", Mrn), ("id number", IdOther), ("driver's license number", License),
    ("drivers license number", License), ("license plate number", Plate),
    ("credit card number", Card), ("debit card number", Card), ("bank account number", Account),
    // "Rx 4471203 refill", "ID# 77881234": short forms seen in notes and chat. A bare "id" stays
    // a filler word: it is too common to label a value alone.
    ("rx", IdOther), ("id#", IdOther), ("id #", IdOther),
    // "Prior authorization PA-1234567": without the long form, "prior auth" matches first, fails
    // the whole-word test inside "authorization" and hides the shorter cue behind it. "auth code"
    // must beat the negative cue "code": it is a payment or approval reference, not a billing code.
    ("prior authorization", IdOther), ("prior authorization number", IdOther),
    ("auth code", IdOther), ("authorization code", IdOther), ("approval code", IdOther),
    // Electronic remittance advice (an insurer's payment notice) carries its own trace number.
    ("era", IdOther), ("remittance advice", IdOther),
    // A continuous glucose monitor's transmitter carries a serial ("CGM transmitter ID 4Z2543").
    ("transmitter", Device), ("transmitter serial", Device),
    // Places and dates.
    ("zip", Zip), ("zip code", Zip), ("zipcode", Zip), ("postal code", Zip), ("postcode", Zip),
    ("dob", Date), ("d.o.b", Date), ("date of birth", Date), ("birth date", Date),
    ("birthdate", Date), ("birthday", Date), ("born", Date), ("born on", Date), ("admitted", Date),
    ("admission date", Date), ("date of admission", Date), ("discharged", Date),
    ("discharge date", Date), ("date of discharge", Date), ("doa", Date), ("dod", Date),
    ("date of death", Date), ("date of service", Date), ("dos", Date), ("seen on", Date),
    ("visit date", Date), ("appointment", Date), ("appt", Date), ("scheduled", Date),
    // Obstetric dates: last menstrual period, estimated due date / date of confinement.
    ("lmp", Date), ("edd", Date), ("edc", Date), ("due date", Date),
    ("age", Age), ("aged", Age), ("yo", Age), ("y/o", Age), ("y.o", Age), ("years old", Age),
    ("year old", Age), ("year-old", Age), ("yrs old", Age),
    // Negative cues.
    ("bp", Vital), ("blood pressure", Vital), ("hr", Vital), ("heart rate", Vital), ("pulse", Vital),
    ("rr", Vital), ("resp", Vital), ("respirations", Vital), ("temp", Vital), ("temperature", Vital),
    ("spo2", Vital), ("o2 sat", Vital), ("sat", Vital), ("sats", Vital), ("wt", Vital),
    ("weight", Vital), ("ht", Vital), ("height", Vital), ("bmi", Vital), ("glucose", Vital),
    ("bg", Vital), ("a1c", Vital), ("hba1c", Vital), ("hgb", Vital), ("hb", Vital), ("wbc", Vital),
    ("plt", Vital), ("platelets", Vital), ("na", Vital), ("sodium", Vital), ("potassium", Vital),
    ("cr", Vital), ("creatinine", Vital), ("bun", Vital), ("inr", Vital), ("ldl", Vital),
    ("hdl", Vital), ("tsh", Vital), ("egfr", Vital), ("psa", Vital), ("map", Vital), ("gcs", Vital),
    ("pain", Vital), ("vitals", Vital), ("ef", Vital), ("lvef", Vital), ("fev1", Vital),
    ("cholesterol", Vital), ("troponin", Vital), ("lactate", Vital), ("pco2", Vital),
    ("po2", Vital), ("hct", Vital), ("mcv", Vital), ("alt", Vital), ("ast", Vital),
    // Scores and exam grades written as fractions (`GCS 14/15`, `MMSE 27/30`, `strength 5/5`).
    ("score", Vital), ("apgar", Vital), ("apgars", Vital), ("strength", Vital), ("grip", Vital), ("grip strength", Vital), ("grade", Vital), ("motor", Vital), ("reflexes", Vital), ("dtrs", Vital),
    ("murmur", Vital), ("acuity", Vital), ("visual acuity", Vital), ("vision", Vital),
    ("mmse", Vital), ("moca", Vital), ("phq-9", Vital), ("phq9", Vital), ("gad-7", Vital),
    ("icd", Code), ("icd-10", Code), ("icd10", Code), ("icd-9", Code), ("icd-10-cm", Code),
    ("cpt", Code), ("cpt code", Code), ("hcpcs", Code), ("ndc", Code), ("loinc", Code),
    ("snomed", Code), ("dx", Code), ("dx code", Code), ("diagnosis code", Code), ("drg", Code),
    ("rev code", Code), ("procedure code", Code), ("billing code", Code), ("code", Code),
    ("room", Room), ("rm", Room), ("rm#", Room), ("bed", Room), ("bay", Room), ("ward", Room),
    ("floor", Room), ("unit", Room), ("exam room", Room), ("or suite", Room),
];

fn automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(PHRASES.iter().map(|(p, _)| p))
            .expect("cue phrases build an automaton")
    })
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Finds every cue in `lower` (ASCII lower-cased text), whole words only.
pub(crate) fn find(lower: &str) -> Vec<Cue> {
    let bytes = lower.as_bytes();
    let mut cues = Vec::new();
    for m in automaton().find_iter(lower) {
        let (s, e) = (m.start(), m.end());
        // Whole words: an alphanumeric edge of the phrase may not touch another word character.
        let left_ok = s == 0 || !is_word_byte(bytes[s]) || !is_word_byte(bytes[s - 1]);
        let right_ok = e == bytes.len() || !is_word_byte(bytes[e - 1]) || !is_word_byte(bytes[e]);
        if left_ok && right_ok {
            cues.push(Cue { kind: PHRASES[m.pattern().as_usize()].1, start: s, end: e });
        }
    }
    cues
}

/// Words allowed between a cue and its value ("MRN number is: 123", "account ending in 4321").
const FILLER: &[&str] = &[
    "no",
    "num",
    "number",
    "nbr",
    // Chat misspellings of "number" ("claim numbr C5942", "serial nmbr is ...").
    "numbr",
    "nmbr",
    "id",
    "is",
    "was",
    "of",
    "ending",
    "in",
    "on",
    "file",
    "the",
    "my",
    "his",
    "her",
    "their",
    "patient",
    "pt",
    "s",
    "code",
    "value",
    "#",
    "and",
    "are",
    "be",
    "at",
    "to",
    "new",
    "old",
    "primary",
    "secondary",
    "identifier",
    "ident",
    "cd",
];

/// Longest gap, in bytes, between a cue and the value it labels.
const MAX_GAP: usize = 32;

fn only_filler(gap: &str) -> bool {
    if gap.len() > MAX_GAP || gap.matches('\n').count() > 1 {
        return false;
    }
    gap.split(|c: char| !c.is_ascii_alphanumeric() && c != '#')
        .filter(|w| !w.is_empty())
        .all(|w| FILLER.contains(&w) || w.trim_matches('#').is_empty())
}

impl Text<'_> {
    /// The cue that labels a value starting at `pos` directly: the nearest cue before it with
    /// nothing but punctuation and filler words in between.
    pub(crate) fn cue_before(&self, pos: usize) -> Option<Cue> {
        let cues = self.cues();
        let upto = cues.partition_point(|c| c.end <= pos);
        let cue = *cues[..upto].last()?;
        only_filler(&self.lower()[cue.end..pos]).then_some(cue)
    }

    /// The nearest cue of one of `kinds` ending within `window` bytes before `pos`, on the same
    /// line.
    pub(crate) fn cue_near(&self, pos: usize, window: usize, kinds: &[CueKind]) -> Option<Cue> {
        let cues = self.cues();
        let upto = cues.partition_point(|c| c.end <= pos);
        // NOTE: search for the line start only inside the window, so the cost per call is bounded
        // by the window and not by the length of the text (a long line would make it quadratic).
        let mut floor = pos.saturating_sub(window);
        while !self.lower().is_char_boundary(floor) {
            floor -= 1;
        }
        let line_start = self.lower()[floor..pos].rfind('\n').map_or(floor, |i| floor + i + 1);
        cues[..upto]
            .iter()
            .rev()
            .take_while(|c| c.start >= line_start)
            .find(|c| kinds.contains(&c.kind))
            .copied()
    }

    /// The nearest cue of one of `kinds` starting within `window` bytes after `end`, on the same
    /// line ("555-0100 (fax)", "92 years old").
    pub(crate) fn cue_after(&self, end: usize, window: usize, kinds: &[CueKind]) -> Option<Cue> {
        let cues = self.cues();
        let from = cues.partition_point(|c| c.start < end);
        let mut ceil = (end + window).min(self.lower().len());
        while !self.lower().is_char_boundary(ceil) {
            ceil += 1;
        }
        let ceil = self.lower()[end..ceil].find('\n').map_or(ceil, |i| end + i);
        cues[from..].iter().take_while(|c| c.end <= ceil).find(|c| kinds.contains(&c.kind)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(CueKind, &str)> {
        let lower = s.to_ascii_lowercase();
        find(&lower).into_iter().map(|c| (c.kind, &s[c.start..c.end])).collect()
    }

    #[test]
    fn longest_phrase_wins_and_words_are_whole() {
        assert_eq!(kinds("License plate: 7ABC123"), vec![(Plate, "License plate")]);
        assert_eq!(kinds("MRN#: 0012"), vec![(Mrn, "MRN#")]);
        // "fin" inside "final", "ph" inside "phase", "car" inside "card" are not cues.
        assert_eq!(kinds("final phase"), vec![]);
        assert_eq!(kinds("card 4111"), vec![(Card, "card")]);
    }

    #[test]
    fn cue_before_allows_only_filler() {
        let t = Text::new("Medical record number is: 00123456");
        assert_eq!(t.cue_before(26).map(|c| c.kind), Some(Mrn));
        let t = Text::new("MRN reviewed with the family, 00123456");
        assert_eq!(t.cue_before(30), None);
        let t = Text::new("Acct no. 12-3456");
        assert_eq!(t.cue_before(9).map(|c| c.kind), Some(Account));
    }

    #[test]
    fn cue_near_stays_on_the_line() {
        let t = Text::new("Fax\nOffice line 555-0100");
        assert_eq!(t.cue_near(16, 40, &[Fax]), None);
        let t = Text::new("please fax records to 555-0100");
        assert_eq!(t.cue_near(22, 40, &[Fax]).map(|c| c.kind), Some(Fax));
    }

    #[test]
    fn cue_after_finds_trailing_labels() {
        let t = Text::new("555-0100 (fax) and 92 years old");
        assert_eq!(t.cue_after(8, 10, &[Fax]).map(|c| c.kind), Some(Fax));
        assert_eq!(t.cue_after(21, 10, &[Age]).map(|c| c.kind), Some(Age));
    }
}

#[cfg(test)]
mod table_tests {
    use super::PHRASES;

    #[test]
    fn phrases_are_lower_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for (p, _) in PHRASES {
            assert_eq!(*p, p.to_ascii_lowercase(), "cue phrases are matched on lower-cased text");
            assert!(seen.insert(*p), "duplicate cue phrase {p}");
        }
    }
}
