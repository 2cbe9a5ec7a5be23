//! Substitution: turns findings into replacement text. Consumes findings; never detects.
//!
//! For now the only policy is redaction (`[LABEL]`); realistic surrogates and the vault come
//! with issue 4.

use crate::detect::Finding;

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
        out.push('[');
        out.push_str(f.label.as_str());
        out.push(']');
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}
