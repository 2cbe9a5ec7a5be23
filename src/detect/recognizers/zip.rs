//! TODO(stub, filled in by its owner before issue 2 closes): the Zip recognizer.

use super::{Candidate, Label, Recognizer, Text};

pub(crate) struct Zip;

impl Zip {
    pub(crate) fn new() -> Self {
        Zip
    }
}

impl Recognizer for Zip {
    fn name(&self) -> &'static str {
        "zip"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Zip]
    }

    fn recognize(&self, _text: &Text<'_>, _out: &mut Vec<Candidate>) {}
}
