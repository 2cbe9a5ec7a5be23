//! TODO(stub, filled in by its owner before issue 2 closes): the Email recognizer.

use super::{Candidate, Label, Recognizer, Text};

pub(crate) struct Email;

impl Email {
    pub(crate) fn new() -> Self {
        Email
    }
}

impl Recognizer for Email {
    fn name(&self) -> &'static str {
        "email"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Email]
    }

    fn recognize(&self, _text: &Text<'_>, _out: &mut Vec<Candidate>) {}
}
