//! Scores a [`Detector`] against a gold corpus (`tests/data/corpus/*.jsonl`).
//!
//! The corpus format is described in `tests/data/README.md`: one JSON document per line, gold
//! spans in Unicode code points. This module parses it ([`parse_corpus`]), runs a detector over
//! every document ([`evaluate`]) and counts, per label and per document kind, what was found,
//! missed and wrongly flagged ([`Report`]). `examples/eval.rs` prints the result.
//!
//! # What counts
//! * **Lenient recall.** A gold span is *found* when a prediction of the same label overlaps it
//!   AND the union of all predictions (any label) covers it completely. Overlap alone is not
//!   enough: a phone number found without its last four digits still discloses them.
//! * **Lenient precision.** A prediction is *correct* when it overlaps a gold span of its label.
//! * **Strict recall and precision.** Exact start, end and label.
//! * **Leak.** The share of gold spans, all labels together, that the union of all predictions does
//!   not cover completely: text that would survive scrubbing whatever the label.
//! * **False alarms** are the incorrect predictions; on `negative` documents they are reported per
//!   2,000 characters, about one page of clinical text.
//!
//! Everything here is pure: no files, no printing. Spans are code points, as in the corpus;
//! predictions are converted from the detector's bytes with [`crate::offsets::convert`].
//!
//! ```
//! use phiscrub::eval::{score, Span};
//! use phiscrub::Label;
//! let gold = [Span { start: 4, end: 16, label: Label::Phone }];
//! let predicted = [Span { start: 4, end: 12, label: Label::Phone }];
//! let s = score(&gold, &predicted);
//! // Overlapping but not covering: not found, and the last digits leak.
//! assert_eq!((s.total.found, s.total.correct, s.total.leaked), (0, 1, 1));
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::offsets::{convert, Unit};
use crate::{Detector, Error, Label};

/// What kind of text a corpus document is; recall is reported per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Patient-portal chat: lower case, typos, split digits.
    Chat,
    /// Clinical notes: headers, sections, signatures.
    Note,
    /// Staff and billing messages: claims, member ids, fax cover sheets.
    Billing,
    /// Clinical text full of look-alikes (vitals, doses, codes) with few or no identifiers.
    Negative,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 4] = [Kind::Chat, Kind::Note, Kind::Billing, Kind::Negative];

    /// The corpus name (`"chat"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Chat => "chat",
            Kind::Note => "note",
            Kind::Billing => "billing",
            Kind::Negative => "negative",
        }
    }
}

/// A labelled span, in Unicode code points, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Start, inclusive.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// What the span is.
    pub label: Label,
}

impl Span {
    fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A gold span as written in the corpus: a [`Span`] plus the text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldSpan {
    /// Start, in code points, inclusive.
    pub start: usize,
    /// End, in code points, exclusive.
    pub end: usize,
    /// What the span is.
    pub label: Label,
    /// The document's text at `start..end` (checked by [`Document::validate`]).
    pub text: String,
}

impl GoldSpan {
    /// The span without its text.
    pub fn span(&self) -> Span {
        Span { start: self.start, end: self.end, label: self.label }
    }
}

/// One corpus document.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Unique within the corpus (`"chat-0001"`).
    pub id: String,
    /// What kind of text this is.
    pub kind: Kind,
    /// The document.
    pub text: String,
    /// Every identifier in `text`, sorted, non-overlapping.
    pub spans: Vec<GoldSpan>,
}

impl Document {
    /// The gold spans without their text.
    pub fn gold(&self) -> Vec<Span> {
        self.spans.iter().map(GoldSpan::span).collect()
    }

    /// Checks the span conventions: every span is non-empty, inside the text, its `text` is the
    /// document's text at its offsets, and spans are sorted and do not overlap.
    ///
    /// # Errors
    /// The first broken rule, with the index of the span.
    pub fn validate(&self) -> Result<(), CorpusErrorKind> {
        let len = self.text.chars().count();
        let mut prev_end = 0;
        for (i, s) in self.spans.iter().enumerate() {
            if s.start >= s.end {
                return Err(CorpusErrorKind::EmptySpan { span: i });
            }
            if s.end > len {
                return Err(CorpusErrorKind::SpanOutOfBounds { span: i });
            }
            if s.start < prev_end {
                return Err(CorpusErrorKind::SpansOutOfOrder { span: i });
            }
            if slice(&self.text, s.start, s.end) != s.text {
                return Err(CorpusErrorKind::SpanTextMismatch { span: i });
            }
            prev_end = s.end;
        }
        Ok(())
    }
}

/// Why a corpus line was refused. Never carries corpus text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CorpusErrorKind {
    /// The line is not a JSON document of the corpus shape (at this column of the line).
    Json {
        /// 1-based column reported by the JSON parser.
        column: usize,
    },
    /// A span with `start >= end`.
    EmptySpan {
        /// Index of the span in the document.
        span: usize,
    },
    /// A span that ends after the text.
    SpanOutOfBounds {
        /// Index of the span in the document.
        span: usize,
    },
    /// A span that starts before the previous one ends.
    SpansOutOfOrder {
        /// Index of the span in the document.
        span: usize,
    },
    /// A span whose `text` is not the document's text at its offsets.
    SpanTextMismatch {
        /// Index of the span in the document.
        span: usize,
    },
    /// A document id already used on an earlier line.
    DuplicateId,
}

/// A corpus line that could not be used: its 1-based line number and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CorpusError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub kind: CorpusErrorKind,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NOTE: positions only; a corpus may one day hold text that must not reach a log.
        write!(f, "line {}: ", self.line)?;
        match self.kind {
            CorpusErrorKind::Json { column } => {
                write!(f, "not a corpus document (column {column})")
            }
            CorpusErrorKind::EmptySpan { span } => write!(f, "span {span} is empty"),
            CorpusErrorKind::SpanOutOfBounds { span } => {
                write!(f, "span {span} ends after the text")
            }
            CorpusErrorKind::SpansOutOfOrder { span } => {
                write!(f, "span {span} starts before the previous span ends")
            }
            CorpusErrorKind::SpanTextMismatch { span } => {
                write!(f, "span {span}: its text differs from the document at its offsets")
            }
            CorpusErrorKind::DuplicateId => write!(f, "document id used on an earlier line"),
        }
    }
}

impl std::error::Error for CorpusError {}

/// Parses a JSON Lines corpus and validates every document ([`Document::validate`]) and the
/// uniqueness of ids. Blank lines are skipped.
///
/// # Errors
/// The first bad line.
pub fn parse_corpus(src: &str) -> Result<Vec<Document>, CorpusError> {
    let mut docs: Vec<Document> = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |kind| CorpusError { line: i + 1, kind };
        // NOTE: serde_json's message can quote the input, so only its column is kept.
        let doc: Document = serde_json::from_str(line)
            .map_err(|e| err(CorpusErrorKind::Json { column: e.column() }))?;
        doc.validate().map_err(err)?;
        if !ids.insert(doc.id.clone()) {
            return Err(err(CorpusErrorKind::DuplicateId));
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// The text between code points `start` and `end` of `text` (clamped to its length).
pub fn slice(text: &str, start: usize, end: usize) -> &str {
    let mut bounds = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let from = bounds.nth(start).unwrap_or(text.len());
    let to = if end > start { bounds.nth(end - start - 1).unwrap_or(text.len()) } else { from };
    &text[from..to]
}

/// Runs `detector` on `text` and returns its findings as code-point [`Span`]s.
///
/// # Errors
/// The detector's error (an input over its size limit).
pub fn predict(detector: &Detector, text: &str) -> Result<Vec<Span>, Error> {
    let found = detector.detect(text)?;
    // Findings are sorted and disjoint, so the flattened offsets ascend: one conversion pass.
    let bytes: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
    let points = convert(text, &bytes, Unit::CodePoint);
    Ok(found
        .iter()
        .zip(points.chunks_exact(2))
        .map(|(f, p)| Span { start: p[0], end: p[1], label: f.label })
        .collect())
}

/// How one prediction or gold span of one document fared; see [`score`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A gold span that was not found. `leaked` when no prediction, of any label, covers it all.
    Miss {
        /// The gold span.
        gold: Span,
        /// Part of its text would survive scrubbing.
        leaked: bool,
    },
    /// A prediction that overlaps no gold span of its label.
    FalseAlarm {
        /// The prediction.
        predicted: Span,
    },
}

/// The counts of one document (or, summed, of many), for one label or all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold spans.
    pub gold: usize,
    /// Gold spans found (lenient).
    pub found: usize,
    /// Gold spans predicted exactly.
    pub strict_found: usize,
    /// Gold spans not completely covered by the union of all predictions.
    pub leaked: usize,
    /// Predictions.
    pub predicted: usize,
    /// Predictions overlapping a gold span of their label.
    pub correct: usize,
    /// Predictions equal to a gold span.
    pub strict_correct: usize,
}

impl Counts {
    /// Lenient recall; `None` without gold spans.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.found, self.gold)
    }

    /// Lenient precision; `None` without predictions.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.correct, self.predicted)
    }

    /// Exact-match recall; `None` without gold spans.
    pub fn strict_recall(&self) -> Option<f64> {
        ratio(self.strict_found, self.gold)
    }

    /// Exact-match precision; `None` without predictions.
    pub fn strict_precision(&self) -> Option<f64> {
        ratio(self.strict_correct, self.predicted)
    }

    /// Share of gold spans not completely covered; `None` without gold spans.
    pub fn leak(&self) -> Option<f64> {
        ratio(self.leaked, self.gold)
    }

    /// Predictions that are not correct.
    pub fn false_alarms(&self) -> usize {
        self.predicted - self.correct
    }

    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.found += other.found;
        self.strict_found += other.strict_found;
        self.leaked += other.leaked;
        self.predicted += other.predicted;
        self.correct += other.correct;
        self.strict_correct += other.strict_correct;
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// The scored spans of one document: totals, counts per label and every miss and false alarm.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocScore {
    /// Totals over all labels.
    pub total: Counts,
    /// Per label (a label appears when it has gold spans or predictions).
    pub labels: BTreeMap<Label, Counts>,
    /// Misses and false alarms, gold misses first, each in text order.
    pub outcomes: Vec<Outcome>,
}

/// Scores predictions against gold spans of one document (both in the same unit).
///
/// Neither list needs to be sorted; predictions may overlap. Quadratic in the number of spans of
/// one document, which is a few dozen.
pub fn score(gold: &[Span], predicted: &[Span]) -> DocScore {
    let covered = union(predicted);
    let mut out = DocScore::default();
    for g in gold {
        let c = out.labels.entry(g.label).or_default();
        c.gold += 1;
        let whole = covered.iter().any(|&(s, e)| s <= g.start && g.end <= e);
        let same_label = predicted.iter().any(|p| p.label == g.label && p.overlaps(g));
        if same_label && whole {
            c.found += 1;
        } else {
            out.outcomes.push(Outcome::Miss { gold: *g, leaked: !whole });
        }
        if !whole {
            c.leaked += 1;
        }
        if predicted.contains(g) {
            c.strict_found += 1;
        }
    }
    for p in predicted {
        let c = out.labels.entry(p.label).or_default();
        c.predicted += 1;
        if gold.iter().any(|g| g.label == p.label && g.overlaps(p)) {
            c.correct += 1;
        } else {
            out.outcomes.push(Outcome::FalseAlarm { predicted: *p });
        }
        if gold.contains(p) {
            c.strict_correct += 1;
        }
    }
    for c in out.labels.values() {
        out.total.add(c);
    }
    out
}

/// The union of the spans as sorted, disjoint `(start, end)` intervals; touching spans merge.
fn union(spans: &[Span]) -> Vec<(usize, usize)> {
    let mut iv: Vec<(usize, usize)> =
        spans.iter().filter(|s| s.start < s.end).map(|s| (s.start, s.end)).collect();
    iv.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(iv.len());
    for (s, e) in iv {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The counts of one kind of document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Documents of this kind.
    pub documents: usize,
    /// Their length, in code points.
    pub chars: usize,
    /// Their spans, all labels together.
    pub counts: Counts,
    /// Their spans, per label.
    pub labels: BTreeMap<Label, Counts>,
}

impl KindCounts {
    fn add(&mut self, doc: &Document, s: &DocScore) {
        self.documents += 1;
        self.chars += doc.text.chars().count();
        self.counts.add(&s.total);
        for (label, c) in &s.labels {
            self.labels.entry(*label).or_default().add(c);
        }
    }

    /// Incorrect predictions per 2,000 characters; `None` without text.
    pub fn false_alarms_per_2000(&self) -> Option<f64> {
        ratio(self.counts.false_alarms() * 2000, self.chars)
    }
}

/// A miss or false alarm, with the document it happened in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mistake {
    /// The document's id.
    pub doc_id: String,
    /// What went wrong.
    pub outcome: Outcome,
}

/// The result of a whole corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Per label, for every label with gold spans or predictions.
    pub labels: BTreeMap<Label, Counts>,
    /// Per document kind present in the corpus.
    pub kinds: BTreeMap<Kind, KindCounts>,
    /// Every miss and false alarm, in corpus order.
    pub mistakes: Vec<Mistake>,
    /// The chat documents written all in lower case ([`is_lower_case_chat`]), the hardest
    /// text for names.
    pub lower_case_chat: KindCounts,
}

/// Is `doc` a chat message without a single capital letter (`hi im dan smith`)?
pub fn is_lower_case_chat(doc: &Document) -> bool {
    doc.kind == Kind::Chat && !doc.text.chars().any(char::is_uppercase)
}

impl Report {
    /// Adds one document and the predictions made on it.
    pub fn add(&mut self, doc: &Document, predicted: &[Span]) {
        let s = score(&doc.gold(), predicted);
        for (label, c) in &s.labels {
            self.labels.entry(*label).or_default().add(c);
        }
        let k = self.kinds.entry(doc.kind).or_default();
        k.add(doc, &s);
        if is_lower_case_chat(doc) {
            self.lower_case_chat.add(doc, &s);
        }
        self.mistakes.extend(
            s.outcomes.into_iter().map(|outcome| Mistake { doc_id: doc.id.clone(), outcome }),
        );
    }

    /// Micro-averaged totals over all labels.
    pub fn total(&self) -> Counts {
        self.total_of(&Label::ALL)
    }

    /// Micro-averaged totals over the given labels.
    pub fn total_of(&self, labels: &[Label]) -> Counts {
        let mut t = Counts::default();
        for (_, c) in self.labels.iter().filter(|(l, _)| labels.contains(l)) {
            t.add(c);
        }
        t
    }
}

/// The structured identifiers (issue 2's labels): everything but names and places. The
/// evaluation reports them apart, and the corpus tests require enough gold spans of each.
pub const STRUCTURED: [Label; 16] = [
    Label::Phone,
    Label::Fax,
    Label::Email,
    Label::Ssn,
    Label::Mrn,
    Label::HealthPlan,
    Label::Account,
    Label::License,
    Label::Vehicle,
    Label::Device,
    Label::Url,
    Label::Ip,
    Label::Zip,
    Label::Date,
    Label::Age,
    Label::IdOther,
];

/// Runs `detector` over every document and scores it.
///
/// # Errors
/// The detector's error on a document (an input over its size limit).
pub fn evaluate(detector: &Detector, docs: &[Document]) -> Result<Report, Error> {
    let mut report = Report::default();
    for doc in docs {
        let predicted = predict(detector, &doc.text)?;
        report.add(doc, &predicted);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(start: usize, end: usize, label: Label) -> Span {
        Span { start, end, label }
    }

    #[test]
    fn exact_match_counts_everywhere() {
        let g = [sp(0, 10, Label::Phone)];
        let s = score(&g, &g);
        assert_eq!(
            s.total,
            Counts {
                gold: 1,
                found: 1,
                strict_found: 1,
                leaked: 0,
                predicted: 1,
                correct: 1,
                strict_correct: 1
            }
        );
        assert!(s.outcomes.is_empty());
    }

    #[test]
    fn overlap_that_covers_is_lenient_but_not_strict() {
        // The prediction is longer than the gold span (took the cue too): found, not exact.
        let s = score(&[sp(5, 15, Label::Mrn)], &[sp(0, 15, Label::Mrn)]);
        assert_eq!(
            (s.total.found, s.total.strict_found, s.total.correct, s.total.strict_correct),
            (1, 0, 1, 0)
        );
        assert_eq!(s.total.leaked, 0);
        assert_eq!(s.total.strict_recall(), Some(0.0));
        assert_eq!(s.total.precision(), Some(1.0));
    }

    #[test]
    fn partial_cover_is_a_leaking_miss_but_a_correct_prediction() {
        let g = [sp(10, 22, Label::Phone)];
        let p = [sp(10, 17, Label::Phone)];
        let s = score(&g, &p);
        assert_eq!((s.total.found, s.total.leaked, s.total.correct), (0, 1, 1));
        assert_eq!(s.outcomes, vec![Outcome::Miss { gold: g[0], leaked: true }]);
    }

    #[test]
    fn two_predictions_can_cover_together() {
        // A DATE prediction for the first part and an adjacent one of another label for the
        // rest: covered, and the same-label overlap makes it found.
        let g = [sp(0, 15, Label::Date)];
        let p = [sp(0, 9, Label::Date), sp(9, 15, Label::Zip)];
        let s = score(&g, &p);
        assert_eq!((s.total.found, s.total.leaked), (1, 0));
        assert_eq!(s.labels[&Label::Date].correct, 1);
        assert_eq!(s.labels[&Label::Zip].false_alarms(), 1);
    }

    #[test]
    fn wrong_label_is_a_miss_and_a_false_alarm_but_no_leak() {
        let g = [sp(3, 13, Label::Fax)];
        let p = [sp(3, 13, Label::Phone)];
        let s = score(&g, &p);
        assert_eq!((s.total.found, s.total.strict_found, s.total.leaked), (0, 0, 0));
        assert_eq!((s.total.correct, s.total.strict_correct), (0, 0));
        assert_eq!(s.labels[&Label::Fax].gold, 1);
        assert_eq!(s.labels[&Label::Phone].predicted, 1);
        assert_eq!(
            s.outcomes,
            vec![
                Outcome::Miss { gold: g[0], leaked: false },
                Outcome::FalseAlarm { predicted: p[0] }
            ]
        );
    }

    #[test]
    fn nothing_predicted_leaks_everything() {
        let g = [sp(0, 4, Label::Age), sp(10, 20, Label::Ssn)];
        let s = score(&g, &[]);
        assert_eq!((s.total.gold, s.total.found, s.total.leaked), (2, 0, 2));
        assert_eq!(s.total.leak(), Some(1.0));
        assert_eq!(s.total.precision(), None);
    }

    #[test]
    fn a_gap_between_predictions_leaks() {
        let g = [sp(0, 12, Label::Account)];
        let p = [sp(0, 4, Label::Account), sp(5, 12, Label::Account)];
        let s = score(&g, &p);
        assert_eq!((s.total.found, s.total.leaked, s.total.correct), (0, 1, 2));
    }

    #[test]
    fn report_sums_documents_and_kinds() {
        let doc = |id: &str, kind, text: &str, spans: Vec<GoldSpan>| Document {
            id: id.into(),
            kind,
            text: text.into(),
            spans,
        };
        let chat = doc(
            "c1",
            Kind::Chat,
            "call 555 201 3344",
            vec![GoldSpan { start: 5, end: 17, label: Label::Phone, text: "555 201 3344".into() }],
        );
        let neg = doc("n1", Kind::Negative, &"BP 128/82 ".repeat(100), vec![]);
        let mut r = Report::default();
        r.add(&chat, &[sp(5, 17, Label::Phone)]);
        r.add(&neg, &[sp(3, 9, Label::Date)]);
        let t = r.total();
        assert_eq!((t.gold, t.found, t.predicted, t.correct, t.leaked), (1, 1, 2, 1, 0));
        assert_eq!(r.kinds[&Kind::Chat].counts.recall(), Some(1.0));
        assert_eq!(r.kinds[&Kind::Negative].chars, 1000);
        assert_eq!(r.kinds[&Kind::Negative].false_alarms_per_2000(), Some(2.0));
        assert_eq!(r.total_of(&[Label::Date]).false_alarms(), 1);
        assert_eq!(r.mistakes.len(), 1);
        assert_eq!(r.mistakes[0].doc_id, "n1");
        // The chat has no capital: it counts in the lower-case subset, per label too.
        assert_eq!(r.lower_case_chat.documents, 1);
        assert_eq!(r.lower_case_chat.labels[&Label::Phone].found, 1);
        assert_eq!(r.kinds[&Kind::Negative].labels[&Label::Date].predicted, 1);
        let shout = doc("c2", Kind::Chat, "Call me", vec![]);
        r.add(&shout, &[]);
        assert_eq!((r.kinds[&Kind::Chat].documents, r.lower_case_chat.documents), (2, 1));
    }

    #[test]
    fn slice_counts_code_points() {
        let t = "né 😀 x";
        assert_eq!(slice(t, 1, 4), "é 😀");
        assert_eq!(slice(t, 4, 6), " x");
        assert_eq!(slice(t, 6, 6), "");
        assert_eq!(slice(t, 3, 100), "😀 x");
    }

    #[test]
    fn parse_validates_spans_and_ids() {
        let good = r#"{"id":"a","kind":"chat","text":"né 555 201 3344","spans":[{"start":3,"end":15,"label":"PHONE","text":"555 201 3344"}]}"#;
        let docs = parse_corpus(&format!("{good}\n\n")).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].gold(), vec![sp(3, 15, Label::Phone)]);

        let dup = parse_corpus(&format!("{good}\n{good}")).unwrap_err();
        assert_eq!(dup, CorpusError { line: 2, kind: CorpusErrorKind::DuplicateId });

        // Byte offsets (4..16) instead of code points: the text no longer matches.
        let bytes = good.replace(r#""start":3,"end":15"#, r#""start":4,"end":16"#);
        assert_eq!(
            parse_corpus(&bytes).unwrap_err().kind,
            CorpusErrorKind::SpanOutOfBounds { span: 0 }
        );
        let shifted = good.replace(r#""start":3,"end":15"#, r#""start":2,"end":14"#);
        assert_eq!(
            parse_corpus(&shifted).unwrap_err().kind,
            CorpusErrorKind::SpanTextMismatch { span: 0 }
        );
        let bad_label = good.replace("PHONE", "TELEPHONE");
        assert!(matches!(parse_corpus(&bad_label).unwrap_err().kind, CorpusErrorKind::Json { .. }));
        let bad_kind = good.replace(r#""chat""#, r#""email""#);
        assert!(matches!(parse_corpus(&bad_kind).unwrap_err().kind, CorpusErrorKind::Json { .. }));
    }

    #[test]
    fn overlapping_gold_is_refused() {
        let d = Document {
            id: "x".into(),
            kind: Kind::Note,
            text: "abcdef".into(),
            spans: vec![
                GoldSpan { start: 0, end: 3, label: Label::Name, text: "abc".into() },
                GoldSpan { start: 2, end: 5, label: Label::Name, text: "cde".into() },
            ],
        };
        assert_eq!(d.validate(), Err(CorpusErrorKind::SpansOutOfOrder { span: 1 }));
    }

    #[test]
    fn errors_do_not_quote_the_corpus() {
        let secret = "SECRET-555-201-3344";
        let e = parse_corpus(&format!("{{\"id\": \"{secret}\", \"kind\": 7}}")).unwrap_err();
        assert!(!e.to_string().contains("SECRET"));
        assert!(!format!("{e:?}").contains("SECRET"));
    }
}
