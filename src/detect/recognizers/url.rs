//! TODO(stub, filled in by its owner before issue 2 closes): the Url recognizer.

use super::{Candidate, Label, Recognizer, Text};

pub(crate) struct Url;

impl Url {
    pub(crate) fn new() -> Self {
        Url
    }
}

impl Recognizer for Url {
    fn name(&self) -> &'static str {
        "url"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Url]
    }

    fn recognize(&self, _text: &Text<'_>, _out: &mut Vec<Candidate>) {}
}
