//! Overlap resolution: at most one finding per character.

use super::Candidate;

/// Keeps a non-overlapping subset of candidates, preferring higher confidence, then the longer
/// span, then the earlier one; returns them sorted by start.
pub(crate) fn resolve<T>(mut cands: Vec<(Candidate, T)>) -> Vec<(Candidate, T)> {
    cands.sort_by(|(a, _), (b, _)| {
        b.confidence
            .total_cmp(&a.confidence)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<(Candidate, T)> = Vec::with_capacity(cands.len());
    // `taken` is sorted by start; a candidate is accepted when it overlaps none of it.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (c, tag) in cands {
        let i = taken.partition_point(|&(s, _)| s < c.end);
        let overlaps_prev = i > 0 && taken[i - 1].1 > c.start;
        if !overlaps_prev {
            taken.insert(i, (c.start, c.end));
            kept.push((c, tag));
        }
    }
    kept.sort_by_key(|(c, _)| c.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Label;

    fn c(start: usize, end: usize, label: Label, confidence: f32) -> (Candidate, ()) {
        (Candidate { start, end, label, confidence }, ())
    }

    #[test]
    fn higher_confidence_then_longer_wins() {
        let out = resolve(vec![
            c(0, 10, Label::Phone, 0.6),
            c(2, 8, Label::Ssn, 0.9),
            c(20, 25, Label::Date, 0.8),
            c(20, 30, Label::Date, 0.8),
            c(30, 32, Label::Zip, 0.5),
        ]);
        let spans: Vec<_> = out.iter().map(|(c, _)| (c.start, c.end, c.label)).collect();
        assert_eq!(spans, vec![(2, 8, Label::Ssn), (20, 30, Label::Date), (30, 32, Label::Zip)]);
    }
}
