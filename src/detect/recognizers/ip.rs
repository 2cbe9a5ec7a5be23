//! TODO(stub, filled in by its owner before issue 2 closes): the Ip recognizer.

use super::{Candidate, Label, Recognizer, Text};

pub(crate) struct Ip;

impl Ip {
    pub(crate) fn new() -> Self {
        Ip
    }
}

impl Recognizer for Ip {
    fn name(&self) -> &'static str {
        "ip"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Ip]
    }

    fn recognize(&self, _text: &Text<'_>, _out: &mut Vec<Candidate>) {}
}
