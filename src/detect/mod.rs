//! Detection: finds identifiers in text and reports them as [`Finding`]s. Never edits text.
//!
//! A [`Detector`] folds the text (see `text.rs`), indexes its label cues (`cues.rs`), runs every
//! recognizer (`recognizers/`) over the folded text, keeps the candidates at or above the
//! confidence threshold, resolves overlaps (`resolve.rs`) and maps the spans back to the caller's
//! bytes.
//!
//! The host application can tell a detector more: the current patient's identifiers
//! ([`Detector::add_known`], `known/`), found in any form, and its own allow and deny lists
//! ([`Detector::allow`], [`Detector::deny`], `custom.rs`).

pub(crate) mod checksum;
mod cues;
mod custom;
// NOTE: the name recognizer will use the lookups; until then only `is_known_name` and the
// surrogate generators (`crate::surrogate::names`) do.
#[allow(dead_code)]
pub(crate) mod dict;
mod known;
mod recognizers;
mod resolve;
mod text;

use crate::error::{Error, ErrorKind};
use crate::label::Label;

#[cfg(target_arch = "wasm32")]
pub use dict::load_dictionaries;
pub use dict::{dictionaries_ready, is_known_name};
pub use known::Known;
use recognizers::Recognizer;

/// Compiles every recognizer pattern in both its forms (ASCII and as written) and returns how
/// many there are: the check that this build, with the `regex` features it ships with, compiles
/// them all (patterns compile lazily, on their first search). For tests; it does the work of
/// many first searches at once.
#[doc(hidden)]
pub fn compile_every_pattern() -> usize {
    recognizers::compile_every_pattern()
}
use text::Text;

/// One identifier found in a text.
///
/// `start..end` is a UTF-8 byte range into the text given to [`Detector::detect`]; use
/// [`crate::offsets::convert`] for code points or UTF-16 units.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// What kind of identifier this is.
    pub label: Label,
    /// Start, in bytes, inclusive.
    pub start: usize,
    /// End, in bytes, exclusive.
    pub end: usize,
    /// How sure the recognizer is, from 0 to 1.
    pub confidence: f32,
    /// The recognizer that found it (`"phone"`, `"date"`, ...).
    pub recognizer: &'static str,
    /// A [`Label::Name`] the name recognizer read as a clinician's: after a doctor's title, a
    /// clinical role or a signature slot (`Dr.`, `Attending:`, `RN`, `signed by`, `cc:`), before
    /// a credential (`, MD`), or another mention of such a name. False for every other finding.
    /// Hosts that may show clinicians' names keep these ([`DetectorBuilder::keep_clinicians`],
    /// [`crate::surrogate::Policy::with_clinicians`]).
    pub clinician: bool,
}

/// A span a recognizer proposes, in bytes of the folded text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Candidate {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) label: Label,
    pub(crate) confidence: f32,
}

/// Default longest input [`Detector::detect`] accepts: 64 MiB.
pub const DEFAULT_MAX_INPUT: usize = 64 << 20;

/// Default confidence threshold.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.5;

/// Finds identifiers in text.
///
/// Building a detector is cheap: the recognizers' patterns are compiled once per process, each
/// on its first search, so the first texts detected are slower than the ones after (the whole
/// set compiles in some 90 M instructions natively). Reuse a detector all the same.
///
/// ```
/// use phiscrub::{Detector, Label};
/// let detector = Detector::new();
/// let text = "Call me at 555-201-3344.";
/// let found = detector.detect(text).unwrap();
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].label, Label::Phone);
/// assert_eq!(&text[found[0].start..found[0].end], "555-201-3344");
/// ```
pub struct Detector {
    recognizers: Vec<&'static dyn Recognizer>,
    labels: Vec<Label>,
    min_confidence: f32,
    max_input: usize,
    /// Leave clinicians' names out of the findings.
    keep_clinicians: bool,
    /// The host's registered identifiers; PHI, wiped on `clear_known` and on drop.
    known: known::KnownSet,
    /// The host's allow and deny lists.
    lists: custom::Lists,
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector")
            .field("recognizers", &self.recognizers.iter().map(|r| r.name()).collect::<Vec<_>>())
            .field("labels", &self.labels)
            .field("min_confidence", &self.min_confidence)
            .field("max_input", &self.max_input)
            .field("keep_clinicians", &self.keep_clinicians)
            .field("known", &self.known)
            .field("lists", &self.lists)
            .finish()
    }
}

impl Default for Detector {
    fn default() -> Self {
        Detector::new()
    }
}

impl Detector {
    /// A detector for every label, with the default threshold and input limit.
    pub fn new() -> Self {
        DetectorBuilder::new().build()
    }

    /// A builder to choose labels, threshold and input limit.
    pub fn builder() -> DetectorBuilder {
        DetectorBuilder::new()
    }

    /// Finds the identifiers in `text`, sorted by start, never overlapping.
    ///
    /// # Errors
    /// [`ErrorKind::InputTooLarge`] when `text` is longer than the configured limit.
    pub fn detect(&self, text: &str) -> Result<Vec<Finding>, Error> {
        if text.len() > self.max_input {
            return Err(Error::new(ErrorKind::InputTooLarge {
                len: text.len(),
                limit: self.max_input,
            }));
        }
        let text = Text::new(text);
        let mut tagged: Vec<(Candidate, &'static str)> = Vec::new();
        let mut buf = Vec::new();
        for r in &self.recognizers {
            buf.clear();
            r.recognize(&text, &mut buf);
            tagged.extend(
                buf.iter()
                    .filter(|c| c.confidence >= self.min_confidence && c.start < c.end)
                    .filter(|c| self.labels.contains(&c.label))
                    .map(|c| (*c, r.name())),
            );
        }
        // NOTE: only the recognizers' guesses are allowed away; known values and denied terms
        // are the host's own word that something is PHI.
        custom::Lists::drop_allowed(&self.lists.allowed_spans(&text), &mut tagged);
        buf.clear();
        if !self.known.is_empty() {
            let others: Vec<Candidate> = tagged.iter().map(|(c, _)| *c).collect();
            self.known.find(&text, &others, &mut buf);
        }
        let from_known = buf.len();
        self.lists.find_denied(&text, &mut buf);
        for (i, c) in buf.iter().enumerate() {
            if c.start < c.end && self.labels.contains(&c.label) {
                tagged.push((*c, if i < from_known { "known" } else { "deny" }));
            }
        }
        let kept = resolve::resolve(tagged);
        // Only the name recognizer's guesses can be clinicians: a registered or denied name is
        // the host's own word that it is the patient's.
        let names: Vec<(usize, usize)> = kept
            .iter()
            .filter(|(c, r)| c.label == Label::Name && *r == "name")
            .map(|(c, _)| (c.start, c.end))
            .collect();
        let mut flags = match names.is_empty() {
            true => Vec::new(),
            false => recognizers::clinicians(&text, &names),
        }
        .into_iter();
        Ok(kept
            .into_iter()
            .map(|(c, name)| {
                let (start, end) = text.to_original(c.start, c.end);
                let clinician =
                    c.label == Label::Name && name == "name" && flags.next().unwrap_or(false);
                Finding {
                    label: c.label,
                    start,
                    end,
                    confidence: c.confidence,
                    recognizer: name,
                    clinician,
                }
            })
            .filter(|f| !(self.keep_clinicians && f.clinician))
            .collect())
    }

    /// Registers the current patient's identifiers (and relatives' names): from now on they are
    /// found in any form (any case and order of the name, `D. Smith`, the birth date in any
    /// format, the phone with any separators, the MRN with or without leading zeros) and win
    /// over any other finding they overlap. Adds to what is already registered; see
    /// [`Detector::clear_known`].
    ///
    /// The detector keeps folded copies of the values; they are wiped when cleared or dropped,
    /// and its `Debug` output shows only how many there are.
    ///
    /// ```
    /// use phiscrub::detect::Known;
    /// use phiscrub::{Detector, Label};
    /// let mut detector = Detector::new();
    /// detector.add_known(&Known {
    ///     name: Some("Dan Smith".into()),
    ///     mrn: Some("00482913".into()),
    ///     ..Default::default()
    /// });
    /// let text = "d. smith, mrn 482913";
    /// let found = detector.detect(text).unwrap();
    /// let got: Vec<_> = found.iter().map(|f| (f.label, &text[f.start..f.end])).collect();
    /// assert_eq!(got, [(Label::Name, "d. smith"), (Label::Mrn, "482913")]);
    /// ```
    pub fn add_known(&mut self, known: &Known) {
        self.known.add(known);
    }

    /// Forgets (and wipes) every identifier registered with [`Detector::add_known`].
    pub fn clear_known(&mut self) {
        self.known.clear();
    }

    /// Adds terms that are never PHI here (the clinic's own name, a drug brand): a recognizer's
    /// finding inside a whole-word occurrence of one, in any ASCII case, is dropped. Known values
    /// and denied terms are kept.
    ///
    /// ```
    /// use phiscrub::{Detector, Label};
    /// let mut detector = Detector::new();
    /// detector.deny(&[("Calvert", Label::LocationOther)]);
    /// detector.allow(&["calvert"]);
    /// assert_eq!(detector.detect("seen at Calvert").unwrap().len(), 1);
    /// ```
    pub fn allow(&mut self, words: &[&str]) {
        self.lists.allow(words);
    }

    /// Adds terms that are always reported with the given label, wherever they occur as whole
    /// words, in any ASCII case.
    ///
    /// ```
    /// use phiscrub::{Detector, Label};
    /// let mut detector = Detector::new();
    /// detector.deny(&[("Nurse Jo", Label::Name)]);
    /// let found = detector.detect("ask NURSE JO").unwrap();
    /// assert_eq!((found[0].label, found[0].start), (Label::Name, 4));
    /// ```
    pub fn deny(&mut self, entries: &[(&str, Label)]) {
        self.lists.deny(entries);
    }
}

/// Configures a [`Detector`].
#[derive(Clone, Debug)]
pub struct DetectorBuilder {
    labels: Vec<Label>,
    min_confidence: f32,
    max_input: usize,
    keep_clinicians: bool,
}

impl Default for DetectorBuilder {
    fn default() -> Self {
        DetectorBuilder::new()
    }
}

impl DetectorBuilder {
    /// Every label, default threshold and limit.
    pub fn new() -> Self {
        DetectorBuilder {
            labels: Label::ALL.to_vec(),
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            max_input: DEFAULT_MAX_INPUT,
            keep_clinicians: false,
        }
    }

    /// Reports only these labels.
    pub fn labels(mut self, labels: &[Label]) -> Self {
        self.labels = labels.to_vec();
        self
    }

    /// Drops findings below this confidence (default [`DEFAULT_MIN_CONFIDENCE`]).
    pub fn min_confidence(mut self, min: f32) -> Self {
        self.min_confidence = min;
        self
    }

    /// Refuses inputs longer than this many bytes (default [`DEFAULT_MAX_INPUT`]).
    pub fn max_input(mut self, bytes: usize) -> Self {
        self.max_input = bytes;
        self
    }

    /// Leaves clinicians' names (see [`Finding::clinician`]) out of the findings, so they stay
    /// in the text; by default they are found like every other name.
    ///
    /// ```
    /// use phiscrub::Detector;
    /// let text = "Seen by Dr. Okonkwo. Daughter Maria Lopez called.";
    /// let all = Detector::new().detect(text).unwrap();
    /// assert!(all.iter().any(|f| f.clinician && &text[f.start..f.end] == "Okonkwo"));
    /// let kept = Detector::builder().keep_clinicians(true).build().detect(text).unwrap();
    /// let names: Vec<_> = kept.iter().map(|f| &text[f.start..f.end]).collect();
    /// assert_eq!(names, ["Maria Lopez"]);
    /// ```
    pub fn keep_clinicians(mut self, keep: bool) -> Self {
        self.keep_clinicians = keep;
        self
    }

    /// Chooses the recognizers the chosen labels need. Their patterns compile on their first
    /// search, once per process, so building is cheap and the first texts pay for the patterns
    /// they reach.
    pub fn build(self) -> Detector {
        let recognizers = recognizers::all()
            .iter()
            .map(|r| &**r)
            .filter(|r| r.labels().iter().any(|l| self.labels.contains(l)))
            .collect();
        Detector {
            recognizers,
            labels: self.labels,
            min_confidence: self.min_confidence,
            max_input: self.max_input,
            keep_clinicians: self.keep_clinicians,
            known: known::KnownSet::default(),
            lists: custom::Lists::default(),
        }
    }
}
