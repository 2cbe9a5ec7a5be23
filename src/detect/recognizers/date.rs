//! TODO(stub, filled in by its owner before issue 2 closes): the Date recognizer.

use super::{Candidate, Label, Recognizer, Text};

pub(crate) struct Date;

impl Date {
    pub(crate) fn new() -> Self {
        Date
    }
}

impl Recognizer for Date {
    fn name(&self) -> &'static str {
        "date"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Date]
    }

    fn recognize(&self, _text: &Text<'_>, _out: &mut Vec<Candidate>) {}
}
