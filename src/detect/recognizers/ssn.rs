//! TODO(stub, filled in by its owner before issue 2 closes): the Ssn recognizer.

use super::{Candidate, Label, Recognizer, Text};

pub(crate) struct Ssn;

impl Ssn {
    pub(crate) fn new() -> Self {
        Ssn
    }
}

impl Recognizer for Ssn {
    fn name(&self) -> &'static str {
        "ssn"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Ssn]
    }

    fn recognize(&self, _text: &Text<'_>, _out: &mut Vec<Candidate>) {}
}
