//! TODO(stub, filled in by its owner before issue 2 closes): the Ids recognizer.

use super::{Candidate, Label, Recognizer, Text};

pub(crate) struct Ids;

impl Ids {
    pub(crate) fn new() -> Self {
        Ids
    }
}

impl Recognizer for Ids {
    fn name(&self) -> &'static str {
        "ids"
    }

    fn labels(&self) -> &'static [Label] {
        &[Label::Mrn, Label::HealthPlan, Label::Account, Label::License, Label::Vehicle, Label::Device, Label::IdOther]
    }

    fn recognize(&self, _text: &Text<'_>, _out: &mut Vec<Candidate>) {}
}
