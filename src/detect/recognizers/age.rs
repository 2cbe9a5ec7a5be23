//! TODO(stub, filled in by its owner before issue 2 closes): the Age recognizer.

use super::{Candidate, Label, Recognizer, Text};

pub(crate) struct Age;

impl Age {
    pub(crate) fn new() -> Self {
        Age
    }
}

impl Recognizer for Age {
    fn name(&self) -> &'static str {
        "age"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Age]
    }

    fn recognize(&self, _text: &Text<'_>, _out: &mut Vec<Candidate>) {}
}
