//! Substitution: turns findings into replacement text. Consumes findings; never detects.
//!
//! [`Surrogates`] is the per-vault engine: the same original always gets the same surrogate,
//! two originals never share one, and each surrogate keeps its original's kind and format. Every
//! surrogate is drawn from a random generator seeded by the caller, never derived from the
//! original (45 CFR 164.514(c) forbids a re-identification code derived from the data). Dates all
//! move by one random offset per vault, so intervals survive.
//!
//! [`redact`] is the stateless alternative: every span becomes `[LABEL]`.

mod avoid;
mod bystander;
pub(crate) mod date;
mod generate;
mod names;
mod shape;

pub(crate) use names::aligned_parts;

use std::collections::HashMap;
use std::fmt;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha12Rng;

use crate::detect::Finding;
use crate::Label;

use date::DateExpr;
use shape::alnum_key;

/// Replaces every finding's span with `[LABEL]`.
///
/// `findings` must be sorted by start and non-overlapping, as [`crate::Detector::detect`]
/// returns them.
///
/// ```
/// use phiscrub::{surrogate::redact, Detector};
/// let text = "email me: ana@example.org";
/// let found = Detector::new().detect(text).unwrap();
/// assert_eq!(redact(text, &found), "email me: [EMAIL]");
/// ```
pub fn redact(text: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in findings {
        debug_assert!(f.start >= at, "findings sorted and disjoint");
        out.push_str(&text[at..f.start]);
        push_tag(&mut out, f.label);
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `prefix` then `s`, one allocation (what `format!` does through its formatting machinery).
fn tagged(prefix: &str, s: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + s.len());
    out.push_str(prefix);
    out.push_str(s);
    out
}

fn push_tag(out: &mut String, label: Label) {
    out.push('[');
    out.push_str(label.as_str());
    out.push(']');
}

/// What to do with the identifiers of one label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Replace with a realistic surrogate (the default).
    Surrogate,
    /// Replace with `[LABEL]`.
    Redact,
    /// Leave as is.
    Keep,
}

/// Per-label actions, plus how ages over 89 are written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    actions: [Action; Label::ALL.len()],
    age_surrogate: bool,
    /// What to do with clinicians' names; `None` follows the `NAME` action.
    clinicians: Option<Action>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            actions: [Action::Surrogate; Label::ALL.len()],
            age_surrogate: false,
            clinicians: None,
        }
    }
}

impl Policy {
    /// Surrogates for every label; ages over 89 aggregated as `90+`.
    pub fn new() -> Self {
        Policy::default()
    }

    /// Sets the action for one label.
    pub fn with(mut self, label: Label, action: Action) -> Self {
        self.actions[label_index(label)] = action;
        self
    }

    /// Writes ages over 89 as a random surrogate age of 90 or more instead of `90+`.
    pub fn with_age_surrogates(mut self, on: bool) -> Self {
        self.age_surrogate = on;
        self
    }

    /// Sets the action for clinicians' names ([`crate::Finding::clinician`]) apart from other
    /// names: `Action::Keep` leaves `Dr. Okonkwo` in the text while patients' and relatives'
    /// names are still replaced. Without it they follow the `NAME` action.
    pub fn with_clinicians(mut self, action: Action) -> Self {
        self.clinicians = Some(action);
        self
    }

    /// The action for `label`.
    pub fn action(&self, label: Label) -> Action {
        self.actions[label_index(label)]
    }

    /// The action for one finding: its label's, or the clinicians' one for a clinician's name.
    pub fn action_for(&self, finding: &Finding) -> Action {
        match self.clinicians {
            Some(a) if finding.clinician => a,
            _ => self.action(finding.label),
        }
    }
}

fn label_index(label: Label) -> usize {
    Label::ALL.iter().position(|l| *l == label).expect("every label is in Label::ALL")
}

/// One original and its surrogate: what a vault stores.
#[derive(Clone, PartialEq, Eq)]
pub struct Pair {
    /// The kind of identifier.
    pub label: Label,
    /// The real value, as first seen.
    pub original: String,
    /// The value that replaced it.
    pub surrogate: String,
}

impl fmt::Debug for Pair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NOTE: never prints the values: they are PHI and its surrogate.
        write!(f, "Pair({}, ..)", self.label)
    }
}

/// A replaced span of a scrubbed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    /// What was replaced.
    pub label: Label,
    /// Start, in bytes of the scrubbed text.
    pub start: usize,
    /// End, in bytes of the scrubbed text, exclusive.
    pub end: usize,
    /// Not an identifier the detector found, but a word an earlier surrogate of the vault is
    /// written as, replaced so the answer cannot restore it to that surrogate's original (see
    /// [`Surrogates::scrub`]).
    pub bystander: bool,
}

/// A scrubbed text.
#[derive(Clone, PartialEq, Eq)]
pub struct Scrubbed {
    /// The text with every finding replaced as the policy says.
    pub text: String,
    /// The replaced spans, in the scrubbed text.
    pub entities: Vec<Entity>,
    /// Pairs created by this call, which the caller must store before releasing `text`.
    pub new_pairs: Vec<Pair>,
}

impl fmt::Debug for Scrubbed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scrubbed")
            .field("len", &self.text.len())
            .field("entities", &self.entities)
            .field("new_pairs", &self.new_pairs.len())
            .finish()
    }
}

/// Attempts at drawing a surrogate not yet used before giving up and redacting.
const MAX_DRAWS: usize = 64;

/// Passes over a scrubbed text looking for bystanders (see [`Surrogates::scrub`]).
const BYSTANDER_ROUNDS: usize = 3;

/// The per-vault surrogate engine.
pub struct Surrogates {
    rng: ChaCha12Rng,
    date_offset: i64,
    /// (label, identity of the original) -> the surrogate as last issued, and the spelling of
    /// the original it was issued for.
    forward: HashMap<(Label, String), (String, String)>,
    /// Identity of every surrogate and every original, so no surrogate repeats or collides.
    /// Values: the (lower-cased) original a surrogate belongs to.
    used: HashMap<String, String>,
    /// Every surrogate as issued, spelled exactly.
    spellings: std::collections::HashSet<String>,
    /// Surrogate ages issued (see [`Surrogates::age`]).
    age_surrogates: std::collections::HashSet<String>,
    /// Name parts (and facility names) mapped so far.
    names: names::NameBook,
    /// The pairs, indexed by what of them a text can hold (see [`bystander`]).
    issued: bystander::Issued,
    pairs: Vec<Pair>,
}

impl fmt::Debug for Surrogates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Surrogates").field("pairs", &self.pairs.len()).finish_non_exhaustive()
    }
}

/// A random date offset: never 0, within +-365 days.
fn random_offset(rng: &mut dyn RngCore) -> i64 {
    let k = i64::from(shape::below(rng, 730)) + 1; // 1..=730
    if k <= 365 {
        -k
    } else {
        k - 365
    }
}

impl Surrogates {
    /// A new engine with a fresh random date offset. `seed` must come from a CSPRNG (the vault
    /// uses `getrandom`).
    pub fn new(seed: [u8; 32]) -> Self {
        let mut rng = ChaCha12Rng::from_seed(seed);
        let date_offset = random_offset(&mut rng);
        Surrogates::restore(rng, date_offset, Vec::new())
    }

    /// An engine that continues a stored vault: its date offset and pairs.
    pub fn from_parts(seed: [u8; 32], date_offset: i64, pairs: Vec<Pair>) -> Self {
        Surrogates::restore(ChaCha12Rng::from_seed(seed), date_offset, pairs)
    }

    fn restore(rng: ChaCha12Rng, date_offset: i64, pairs: Vec<Pair>) -> Self {
        let mut s = Surrogates {
            rng,
            date_offset,
            forward: HashMap::new(),
            used: HashMap::new(),
            spellings: Default::default(),
            age_surrogates: Default::default(),
            names: names::NameBook::default(),
            issued: Default::default(),
            pairs: Vec::new(),
        };
        for p in pairs {
            s.remember(p);
        }
        s
    }

    /// The vault's date offset, in days.
    pub fn date_offset(&self) -> i64 {
        self.date_offset
    }

    /// Every pair issued so far.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// The form of `value` two spellings of one identifier share (digits of a phone, a
    /// whitespace-normalized lower-case city, ...): the engine's key for "the same original" and
    /// "the same surrogate". The vault's cross-page claims key on it too.
    pub(crate) fn identity(label: Label, value: &str) -> String {
        match label {
            Label::Phone | Label::Fax => {
                let k = alnum_key(value);
                match k.strip_prefix('1') {
                    Some(rest) if k.len() == 11 => rest.to_owned(),
                    _ => k,
                }
            }
            Label::Ssn
            | Label::Zip
            | Label::Mrn
            | Label::HealthPlan
            | Label::Account
            | Label::License
            | Label::Vehicle
            | Label::Device
            | Label::IdOther
            | Label::Ip => alnum_key(value),
            // Each spelling of a date or a name is its own pair: `3/11` and `Mar 11` keep their
            // formats, `Van der Berg` and `van der berg` their case (a name's parts still map
            // alike: the book holds them), and the re-identifier restores each exactly.
            Label::Date | Label::Name => value.to_owned(),
            _ => value.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(),
        }
    }

    fn remember(&mut self, p: Pair) {
        // NOTE: keyed without label and case: a city surrogate `Eugene` and a name surrogate
        // `Eugene` would be one spelling in the answer, restorable to only one original.
        let (sur, ori) =
            (Self::identity(p.label, &p.surrogate), Self::identity(p.label, &p.original));
        let ori_lower = ori.to_lowercase();
        self.used.insert(tagged("s:", &sur.to_lowercase()), ori_lower.clone());
        self.used.insert(tagged("o:", &ori_lower), ori_lower.clone());
        self.forward.insert((p.label, ori), (p.surrogate.clone(), p.original.clone()));
        self.spellings.insert(p.surrogate.clone());
        if p.label == Label::Age {
            self.age_surrogates.insert(p.surrogate.clone());
        }
        if matches!(p.label, Label::Name | Label::LocationOther) {
            self.names.learn(&p.original, &p.surrogate);
        } else {
            // A name part must not be another label's original either (`Eugene` the city).
            self.names.avoid(&ori_lower);
        }
        self.issued.add(self.pairs.len(), &p);
        self.pairs.push(p);
    }

    /// The surrogate of `original`, drawing and recording a new pair if it has none yet.
    /// `None` means the value cannot get a surrogate here (the caller redacts it).
    fn surrogate(
        &mut self,
        label: Label,
        original: &str,
        policy: &Policy,
        new: &mut Vec<Pair>,
    ) -> Option<String> {
        let id = Self::identity(label, original);
        if let Some((s, issued_for)) = self.forward.get(&(label, id.clone())) {
            // NOTE: a date is shifted in its own format every time (`3/11` and `mar 11` are the
            // same date but must keep their spellings); the pair only records that the date was
            // seen.
            if label == Label::Date {
                return Some(DateExpr::parse(original)?.shifted(self.date_offset).render());
            }
            // A name is written part by part from the book, in this spelling's case.
            if label == Label::Name {
                return self.names.name(&mut self.rng, original);
            }
            // NOTE: the same spelling again gets the surrogate exactly as issued: a place drawn
            // word by word in its original's mixed case (`1 unit PRBC. ... dr` -> `2 unit
            // BEASLEY. dr`) would otherwise be re-cased by the first letter alone, and the
            // answer would restore it in that case.
            let rendered = if issued_for == original {
                s.clone()
            } else {
                Self::render_like(label, original, s)
            };
            // NOTE: the re-identifier finds an identifier's surrogate by its exact spelling
            // (digit groups aside), so another spelling of the same original (`0\u{200B}0482913`
            // then `00482913`, or `0048-2913`) becomes a pair of its own: same identity, restored
            // as written. Otherwise only the first spelling's surrogate would come back.
            // Places differ only in letter case, which the re-identifier ignores.
            let by_spelling = matches!(
                label,
                Label::Zip
                    | Label::Mrn
                    | Label::HealthPlan
                    | Label::Account
                    | Label::License
                    | Label::Vehicle
                    | Label::Device
                    | Label::IdOther
            ) || (matches!(label, Label::Phone | Label::Fax | Label::Ssn)
                && !Self::read_by_digits(&rendered));
            if by_spelling && !self.spellings.contains(&rendered) {
                let pair =
                    Pair { label, original: original.to_owned(), surrogate: rendered.clone() };
                self.remember(pair.clone());
                new.push(pair);
            }
            return Some(rendered);
        }
        let fresh = match label {
            Label::Date => Some(DateExpr::parse(original)?.shifted(self.date_offset).render()),
            Label::Age => self.age(original, policy),
            Label::Name => {
                let cand = self.names.name(&mut self.rng, original)?;
                let cid = Self::identity(label, &cand);
                // NOTE: a surrogate name may equal another person's real name seen later (every
                // detected original is replaced, so the scrubbed text holds it only as a
                // surrogate); it must only differ from its own original and every other surrogate.
                // Another spelling of the same name (`dr holloway`, `Dr. Holloway`) shares the
                // surrogate's letters; another person must not.
                let owner = self.used.get(&tagged("s:", &cid.to_lowercase()));
                let taken = owner.is_some_and(|o| *o != id.to_lowercase());
                (cid != id && !taken).then_some(cand)
            }
            Label::City | Label::County | Label::Address | Label::LocationOther => {
                let mut found = None;
                for _ in 0..MAX_DRAWS {
                    let cand = match label {
                        Label::City => names::city(&mut self.rng, original),
                        Label::County => names::county(&mut self.rng, original),
                        Label::Address => names::address(&mut self.rng, original),
                        _ => names::facility(&mut self.rng, &mut self.names, original),
                    }?;
                    let cid = Self::identity(label, &cand);
                    // NOTE: a facility's surrogate is made of the name book's images of its
                    // words (`Bluestem` -> `Cao` everywhere), which the book lists as taken name
                    // parts; only another pair's surrogate or original is a clash for it.
                    let clash = if label == Label::LocationOther {
                        self.is_pair_value(&cid)
                    } else {
                        self.is_used(&cid)
                    };
                    if cid != id && !clash && !self.in_text(label, &cand) {
                        found = Some(cand);
                        break;
                    }
                }
                found
            }
            _ => {
                let mut found = None;
                for _ in 0..MAX_DRAWS {
                    let cand = generate::generate(&mut self.rng, label, original)?;
                    let cid = Self::identity(label, &cand);
                    if cid != id && !self.is_used(&cid) && !self.in_text(label, &cand) {
                        found = Some(cand);
                        break;
                    }
                }
                found
            }
        }?;
        let pair = Pair { label, original: original.to_owned(), surrogate: fresh.clone() };
        self.remember(pair.clone());
        new.push(pair);
        Some(fresh)
    }

    /// Whether the re-identifier restores a phone, fax or SSN `surrogate` from its digits, in
    /// any grouping.
    fn read_by_digits(surrogate: &str) -> bool {
        crate::reidentify::digit_keys(surrogate).contains(&crate::reidentify::phone_key(surrogate))
    }

    /// Whether an identity is already some pair's surrogate or original, or a name part's.
    fn is_used(&self, id: &str) -> bool {
        self.is_pair_value(id) || self.names.is_taken(&id.to_lowercase())
    }

    /// Whether an identity is already some pair's surrogate or original.
    fn is_pair_value(&self, id: &str) -> bool {
        let id = id.to_lowercase();
        self.used.contains_key(&tagged("s:", &id)) || self.used.contains_key(&tagged("o:", &id))
    }

    /// Whether a candidate surrogate is already in the text being scrubbed, in a form the
    /// re-identifier would restore: then the bystander would be restored too.
    /// Also whether it was released by an earlier scrub of this engine, undetected.
    fn in_text(&self, label: Label, candidate: &str) -> bool {
        let (text, released) = (self.names.in_text(), self.names.released());
        let digits = || {
            let key = crate::reidentify::phone_key(candidate);
            text.has_digits(&key) || released.has_digits(&key)
        };
        text.has(candidate)
            || released.has(candidate)
            || (matches!(label, Label::Phone | Label::Fax | Label::Ssn) && digits())
    }

    /// Adds pairs another session of the same vault stored (another page writing the same
    /// IndexedDB vault), so this engine neither draws their surrogates again nor maps their
    /// originals anew. A pair already held is skipped. Unlike rebuilding the engine, this costs
    /// only the new pairs.
    pub fn extend(&mut self, pairs: Vec<Pair>) {
        for p in pairs {
            let key = (p.label, Self::identity(p.label, &p.original));
            if self.forward.get(&key).is_some_and(|(s, _)| *s == p.surrogate) {
                continue;
            }
            self.remember(p);
        }
    }

    /// Takes back pairs issued by a scrub whose mapping could not be stored, so no later scrub
    /// reuses a surrogate the vault does not know.
    pub fn retract(&mut self, pairs: &[Pair]) {
        if pairs.is_empty() {
            return;
        }
        let kept: Vec<Pair> = self.pairs.drain(..).filter(|p| !pairs.contains(p)).collect();
        self.forward.clear();
        self.used.clear();
        self.spellings.clear();
        self.age_surrogates.clear();
        self.names.reset();
        self.issued = Default::default();
        for p in kept {
            self.remember(p);
        }
    }

    /// Ages over 89. By default every form becomes Safe Harbor's single category, `90+`, which
    /// by design cannot be restored. With age surrogates, a number gets a random age of 90 to
    /// 110 (restorable); decades and words (`90s`, `nonagenarian`) still become `90+`.
    fn age(&mut self, original: &str, policy: &Policy) -> Option<String> {
        let n: Option<u32> = original.trim().parse().ok();
        let (Some(n), true) = (n, policy.age_surrogate) else {
            return Some("90+".to_owned());
        };
        // NOTE: an age is not identifying the way a number is, so a surrogate age may equal
        // another patient's real age; it must only differ from this original and from every
        // other surrogate age, or it could not be restored.
        for _ in 0..MAX_DRAWS {
            let cand = (90 + shape::below(&mut self.rng, 30)).to_string();
            if cand != n.to_string()
                && !self.age_surrogates.contains(&cand)
                && !self.names.in_text().has(&cand)
            {
                return Some(cand);
            }
        }
        None
    }

    /// A stored surrogate written in the layout of another spelling of the same original
    /// (`555-201-3344` then `(555) 201 3344`).
    fn render_like(label: Label, original: &str, stored: &str) -> String {
        match label {
            Label::Phone
            | Label::Fax
            | Label::Ssn
            | Label::Zip
            | Label::Mrn
            | Label::HealthPlan
            | Label::Account
            | Label::License
            | Label::Vehicle
            | Label::Device
            | Label::IdOther => {
                let digits_only =
                    matches!(label, Label::Phone | Label::Fax | Label::Ssn | Label::Zip);
                let key = |v: &str| -> String {
                    if digits_only {
                        v.chars().filter(char::is_ascii_digit).collect()
                    } else {
                        alnum_key(v)
                    }
                };
                let (o, mut s) = (key(original), key(stored));
                if o.len() == s.len() + 1 && o.starts_with('1') {
                    s.insert(0, '1');
                } else if s.len() == o.len() + 1 && s.starts_with('1') {
                    s.remove(0);
                }
                if digits_only {
                    shape::into_digit_layout(original, &s)
                } else {
                    shape::into_layout(original, &s)
                }
            }
            // Places keep the letter case this spelling uses.
            Label::City | Label::County | Label::Address | Label::LocationOther => {
                match date::Case::of(original) {
                    date::Case::Upper => stored.to_uppercase(),
                    date::Case::Lower => stored.to_lowercase(),
                    date::Case::Title if date::Case::of(stored) == date::Case::Title => {
                        stored.to_owned()
                    }
                    date::Case::Title => stored
                        .split(' ')
                        .map(|w| date::Case::Title.apply(w))
                        .collect::<Vec<_>>()
                        .join(" "),
                }
            }
            _ => stored.to_owned(),
        }
    }

    /// Replaces every finding as `policy` says. Findings must be sorted and disjoint, with spans
    /// into `text` (as [`crate::Detector::detect`] returns them).
    ///
    /// A word the findings leave alone that the re-identifier would restore (an earlier
    /// message's surrogate written in this one: a bystander, see [`bystander`]) is replaced too,
    /// so the answer restores it to what this text says.
    pub fn scrub(&mut self, text: &str, findings: &[Finding], policy: &Policy) -> Scrubbed {
        self.names.set_in_text(avoid::InText::new(text));
        let mut out = self.substitute(text, findings, policy);
        let mut all: Vec<Finding> = Vec::new();
        // NOTE: a replaced bystander gets a surrogate drawn clear of this text, so one round
        // settles it; the second is for a replacement next to another bystander that only then
        // reads as a name. Bounded: what is left after that stays as written.
        for _ in 0..BYSTANDER_ROUNDS {
            let current = if all.is_empty() { findings } else { &all };
            let stray = bystander::find(self, text, current, &out, policy);
            if stray.is_empty() {
                break;
            }
            let mut merged: Vec<Finding> = current.iter().cloned().chain(stray).collect();
            merged.sort_by_key(|f| f.start);
            all = merged;
            let again = self.substitute(text, &all, policy);
            let mut new_pairs = std::mem::take(&mut out.new_pairs);
            new_pairs.extend(again.new_pairs);
            out = Scrubbed { text: again.text, entities: again.entities, new_pairs };
        }
        self.names.set_in_text(avoid::InText::default());
        let mut at = 0;
        for e in &out.entities {
            self.names.release(&out.text[at..e.start]);
            at = e.end;
        }
        self.names.release(&out.text[at..]);
        out
    }

    fn substitute(&mut self, text: &str, findings: &[Finding], policy: &Policy) -> Scrubbed {
        let mut out = String::with_capacity(text.len() + 16);
        let mut entities = Vec::with_capacity(findings.len());
        let mut new_pairs = Vec::new();
        let mut at = 0;
        for f in findings {
            out.push_str(&text[at..f.start]);
            at = f.end;
            let original = &text[f.start..f.end];
            let start = out.len();
            match policy.action_for(f) {
                Action::Keep => {
                    out.push_str(original);
                    continue;
                }
                Action::Redact => push_tag(&mut out, f.label),
                Action::Surrogate => {
                    match self.surrogate(f.label, original, policy, &mut new_pairs) {
                        Some(s) => out.push_str(&s),
                        None => push_tag(&mut out, f.label),
                    }
                }
            }
            let bystander = f.recognizer == bystander::RECOGNIZER;
            entities.push(Entity { label: f.label, start, end: out.len(), bystander });
        }
        out.push_str(&text[at..]);
        Scrubbed { text: out, entities, new_pairs }
    }
}

/// Writes `digits` into the digit slots of `layout` (used by re-identification to put an
/// original phone back in the grouping the LLM chose).
pub(crate) fn shape_digits(layout: &str, digits: &str) -> String {
    shape::into_digit_layout(layout, digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(text: &str, needle: &str, label: Label) -> Finding {
        let start = text.find(needle).expect("needle in text");
        Finding {
            label,
            start,
            end: start + needle.len(),
            confidence: 1.0,
            recognizer: "test",
            clinician: false,
        }
    }

    #[test]
    fn same_original_same_surrogate_across_layouts() {
        let mut s = Surrogates::new([1; 32]);
        let t1 = "call 312-201-3344 or mrn 00482913";
        let a = s.scrub(
            t1,
            &[finding(t1, "312-201-3344", Label::Phone), finding(t1, "00482913", Label::Mrn)],
            &Policy::new(),
        );
        let t2 = "(312) 201 3344, MRN 00482913";
        let b = s.scrub(
            t2,
            &[finding(t2, "(312) 201 3344", Label::Phone), finding(t2, "00482913", Label::Mrn)],
            &Policy::new(),
        );
        assert_eq!(a.new_pairs.len(), 2);
        assert!(b.new_pairs.is_empty(), "second sighting reuses the pairs");
        let p1 = &a.text[a.entities[0].start..a.entities[0].end];
        let p2 = &b.text[b.entities[0].start..b.entities[0].end];
        assert_eq!(alnum_key(p1), alnum_key(p2));
        assert!(p2.starts_with('(') && p2.contains(' '));
        let m1 = &a.text[a.entities[1].start..a.entities[1].end];
        let m2 = &b.text[b.entities[1].start..b.entities[1].end];
        assert_eq!(m1, m2);
        assert_ne!(m1, "00482913");
    }

    #[test]
    fn dates_shift_by_one_offset_and_keep_format() {
        let mut s = Surrogates::from_parts([2; 32], 10, Vec::new());
        let t = "seen 3/14/2024 and March 20, 2024";
        let out = s.scrub(
            t,
            &[finding(t, "3/14/2024", Label::Date), finding(t, "March 20, 2024", Label::Date)],
            &Policy::new(),
        );
        assert_eq!(out.text, "seen 3/24/2024 and March 30, 2024");
    }

    #[test]
    fn the_same_date_in_two_formats_keeps_each_format() {
        let mut s = Surrogates::from_parts([2; 32], 10, Vec::new());
        let t = "3/11 and mar 11";
        let out = s.scrub(
            t,
            &[finding(t, "3/11", Label::Date), finding(t, "mar 11", Label::Date)],
            &Policy::new(),
        );
        assert_eq!(out.text, "3/21 and mar 21");
        assert_eq!(out.new_pairs.len(), 2, "each spelling is its own pair, restored exactly");
    }

    #[test]
    fn offsets_are_never_zero_and_within_a_year() {
        for seed in 0..200u8 {
            let s = Surrogates::new([seed; 32]);
            assert!(s.date_offset() != 0 && s.date_offset().abs() <= 365);
        }
    }

    #[test]
    fn policy_redacts_keeps_and_aggregates_ages() {
        let mut s = Surrogates::new([3; 32]);
        let t = "92 yo, ana@example.org, 312-201-3344";
        let policy =
            Policy::new().with(Label::Email, Action::Redact).with(Label::Phone, Action::Keep);
        let out = s.scrub(
            t,
            &[
                finding(t, "92", Label::Age),
                finding(t, "ana@example.org", Label::Email),
                finding(t, "312-201-3344", Label::Phone),
            ],
            &policy,
        );
        assert_eq!(out.text, "90+ yo, [EMAIL], 312-201-3344");
        assert_eq!(out.entities.len(), 2);
    }

    #[test]
    fn two_originals_never_share_a_surrogate() {
        let mut s = Surrogates::new([4; 32]);
        let mut seen = HashMap::new();
        for i in 0..300 {
            let t = format!("{:03}-{:02}-{:04}", 100 + i, 10 + i % 80, 1000 + i);
            let out = s.scrub(
                &t,
                &[Finding {
                    label: Label::Ssn,
                    start: 0,
                    end: t.len(),
                    confidence: 1.0,
                    recognizer: "t",
                    clinician: false,
                }],
                &Policy::new(),
            );
            assert!(seen.insert(out.text.clone(), t.clone()).is_none(), "surrogate reused");
        }
    }

    #[test]
    fn retracted_pairs_are_drawn_anew() {
        let mut s = Surrogates::new([5; 32]);
        let t = "mrn 00482913";
        let f = [finding(t, "00482913", Label::Mrn)];
        let first = s.scrub(t, &f, &Policy::new());
        s.retract(&first.new_pairs);
        assert!(s.pairs().is_empty());
        let second = s.scrub(t, &f, &Policy::new());
        assert_eq!(second.new_pairs.len(), 1, "a retracted original gets a new pair");
    }

    #[test]
    fn a_facility_gets_a_surrogate_made_of_its_words_images() {
        // A facility's surrogate is built from the name book's images of its words, which the
        // book then lists as taken; the engine once took that for a clash with itself and
        // redacted every such facility (found by the CLI's corpus round trip).
        for seed in 0..8u8 {
            let mut engine = Surrogates::new([seed; 32]);
            for text in ["Seen at Bluestem Pediatrics today.", "Bluestem Pediatrics called back."] {
                let out = engine.scrub(
                    text,
                    &[finding(text, "Bluestem Pediatrics", Label::LocationOther)],
                    &Policy::new(),
                );
                let e = out.entities[0];
                let now = &out.text[e.start..e.end];
                assert!(!now.starts_with('['), "seed {seed}: redacted instead of replaced");
                assert!(!now.contains("Bluestem"), "seed {seed}: the original word survived");
                let r = crate::reidentify::Rehydrator::new(engine.pairs(), engine.date_offset());
                assert_eq!(r.rehydrate(&out.text), text, "seed {seed}: round trip");
            }
        }
    }

    #[test]
    fn a_surrogate_already_in_the_text_is_drawn_again() {
        // The same seed draws the same surrogate for the same original, so scrubbing it once
        // alone shows the draw; then the text is given that surrogate as a bystander (in
        // another letter case, or regrouped for a phone), which forces the collision.
        let cases = [
            (Label::Name, "Dan Smith"),
            (Label::Name, "Okafor"),
            (Label::Phone, "201-3344"),
            (Label::Mrn, "00482913"),
            (Label::City, "Springfield"),
            (Label::Email, "dan@mail.test"),
        ];
        for seed in 0..8u8 {
            for (label, original) in cases {
                let mut alone = Surrogates::new([seed; 32]);
                let a =
                    alone.scrub(original, &[finding(original, original, label)], &Policy::new());
                let drawn = a.text.clone();
                let bystander = match label {
                    Label::Phone => drawn.replace('-', "."),
                    Label::Name => drawn.split(' ').rev().collect::<Vec<_>>().join(" and "),
                    _ => drawn.to_uppercase(),
                };
                let text = format!("{original} was seen; {} was not", bystander.to_lowercase());
                let mut engine = Surrogates::new([seed; 32]);
                let out = engine.scrub(&text, &[finding(&text, original, label)], &Policy::new());
                let e = out.entities[0];
                let now = &out.text[e.start..e.end];
                assert!(!now.starts_with('['), "{label}: still gets a surrogate");
                assert!(
                    !avoid::InText::new(&text).has(now)
                        && now.split(' ').all(|w| !avoid::InText::new(&text).has(w)),
                    "{label}: the new surrogate is not in the text"
                );
                let r = crate::reidentify::Rehydrator::new(engine.pairs(), engine.date_offset());
                assert_eq!(r.rehydrate(&out.text), text, "{label}: round trip");
            }
        }
    }

    #[test]
    fn a_bystander_written_as_an_earlier_surrogate_gets_one_of_its_own() {
        // An earlier message's surrogates written, undetected, in a later one: the answer would
        // restore them to the earlier originals. Each is replaced, and each comes back as
        // written.
        for seed in 0..8u8 {
            let mut engine = Surrogates::new([seed; 32]);
            let first = "Agnieszka Nowak called on 5/28.";
            let found = [
                finding(first, "Agnieszka Nowak", Label::Name),
                finding(first, "5/28", Label::Date),
            ];
            let one = engine.scrub(first, &found, &Policy::new());
            let at = |i: usize| &one.text[one.entities[i].start..one.entities[i].end];
            let (given, date) = (at(0).split(' ').next().unwrap().to_owned(), at(1).to_owned());
            let later = format!("{given} here. Next dose due {date}, ok?");
            let two = engine.scrub(&later, &[], &Policy::new());
            let labels: Vec<(Label, bool)> =
                two.entities.iter().map(|e| (e.label, e.bystander)).collect();
            assert_eq!(labels, [(Label::Name, true), (Label::Date, true)], "seed {seed}");
            assert!(!two.text.contains(&given) && !two.text.contains(&date), "seed {seed}");
            let r = crate::reidentify::Rehydrator::new(engine.pairs(), engine.date_offset());
            assert_eq!(r.rehydrate(&two.text), later, "seed {seed}");
            assert_eq!(r.rehydrate(&one.text), first, "seed {seed}");
            // The same bystander gets the same surrogate the next time, and costs no new pair.
            let again = engine.scrub(&later, &[], &Policy::new());
            assert_eq!((again.text, again.new_pairs.len()), (two.text, 0), "seed {seed}");
        }
    }

    #[test]
    fn the_same_spelling_again_gets_the_same_surrogate_in_any_case_pattern() {
        // Regression (fuzz/regressions/round_trip/mixed-case-place-twice): an address in mixed
        // case was drawn word by word in that case, then re-cased by its first letter alone
        // the second time (`2 unit BEASLEY. dr`, then `2 unit beasley. dr`).
        for seed in 0..8u8 {
            let mut engine = Surrogates::new([seed; 32]);
            let place = "1 unit PRBC. Medications rece dr";
            let text = format!("{place} and {place}");
            let at = text.rfind(place).unwrap();
            let mut second = finding(&text, place, Label::Address);
            (second.start, second.end) = (at, at + place.len());
            let found = [finding(&text, place, Label::Address), second];
            let out = engine.scrub(&text, &found, &Policy::new());
            let [a, b] = [0, 1].map(|i| &out.text[out.entities[i].start..out.entities[i].end]);
            assert_eq!(a, b, "seed {seed}");
            let r = crate::reidentify::Rehydrator::new(engine.pairs(), engine.date_offset());
            assert_eq!(r.rehydrate(&out.text), text, "seed {seed}");
        }
    }

    #[test]
    fn a_bystander_inside_a_kept_finding_stays() {
        let mut engine = Surrogates::new([3; 32]);
        let first = "Agnieszka Nowak called.";
        let one =
            engine.scrub(first, &[finding(first, "Agnieszka Nowak", Label::Name)], &Policy::new());
        let given = one.text.split(' ').next().unwrap().to_owned();
        let later = format!("Seen by Dr. {given} Ames today.");
        let mut doctor = finding(&later, &format!("{given} Ames"), Label::Name);
        doctor.clinician = true;
        let keep = Policy::new().with_clinicians(Action::Keep);
        let two = engine.scrub(&later, &[doctor], &keep);
        assert_eq!(two.text, later, "the host keeps clinicians' names as written");
    }

    #[test]
    fn debug_output_carries_no_values() {
        let p = Pair {
            label: Label::Email,
            original: "ana@example.org".into(),
            surrogate: "x@example.com".into(),
        };
        assert_eq!(format!("{p:?}"), "Pair(EMAIL, ..)");
    }
}
