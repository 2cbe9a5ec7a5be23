//! TODO(stub, filled in by its owner before issue 2 closes): the Phone recognizer.

use super::{Candidate, Label, Recognizer, Text};

pub(crate) struct Phone;

impl Phone {
    pub(crate) fn new() -> Self {
        Phone
    }
}

impl Recognizer for Phone {
    fn name(&self) -> &'static str {
        "phone"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Phone, Label::Fax]
    }

    fn recognize(&self, _text: &Text<'_>, _out: &mut Vec<Candidate>) {}
}
