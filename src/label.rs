//! The kinds of protected health information phiscrub knows.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A kind of identifier, named after the HIPAA Safe Harbor list (45 CFR 164.514(b)(2)).
///
/// The names are a stable interface: the CLI's JSON, the JS API and the evaluation corpus use
/// [`Label::as_str`] (`"PHONE"`, `"HEALTH_PLAN"`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Label {
    /// Any part of a person's name.
    Name,
    /// A street line: number, street, unit, PO box, rural route.
    Address,
    /// A city, town or village.
    City,
    /// A county or parish.
    County,
    /// A ZIP code, 5 or 5+4 digits.
    Zip,
    /// Another place that would locate the patient (a named hospital or clinic).
    LocationOther,
    /// Any element of a date more precise than a year.
    Date,
    /// An age over 89.
    Age,
    /// A telephone number.
    Phone,
    /// A fax number (a phone number in a fax context).
    Fax,
    /// An email address.
    Email,
    /// A social security number.
    Ssn,
    /// A medical record number.
    Mrn,
    /// A health plan beneficiary number: member, subscriber, policy, group id, Medicare MBI.
    HealthPlan,
    /// An account number: bank, billing, card (Luhn), routing (ABA).
    Account,
    /// A certificate or licence number: driver's licence, DEA, NPI, medical licence.
    License,
    /// A vehicle identifier: VIN, licence plate.
    Vehicle,
    /// A device identifier or serial number: serial, lot, UDI, implant id.
    Device,
    /// A web address.
    Url,
    /// An IPv4 or IPv6 address.
    Ip,
    /// Any other unique identifying number or code: claim, case, encounter numbers.
    IdOther,
}

impl Label {
    /// Every label, in declaration order.
    pub const ALL: [Label; 21] = [
        Label::Name,
        Label::Address,
        Label::City,
        Label::County,
        Label::Zip,
        Label::LocationOther,
        Label::Date,
        Label::Age,
        Label::Phone,
        Label::Fax,
        Label::Email,
        Label::Ssn,
        Label::Mrn,
        Label::HealthPlan,
        Label::Account,
        Label::License,
        Label::Vehicle,
        Label::Device,
        Label::Url,
        Label::Ip,
        Label::IdOther,
    ];

    /// The stable upper-case name (`"HEALTH_PLAN"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Name => "NAME",
            Label::Address => "ADDRESS",
            Label::City => "CITY",
            Label::County => "COUNTY",
            Label::Zip => "ZIP",
            Label::LocationOther => "LOCATION_OTHER",
            Label::Date => "DATE",
            Label::Age => "AGE",
            Label::Phone => "PHONE",
            Label::Fax => "FAX",
            Label::Email => "EMAIL",
            Label::Ssn => "SSN",
            Label::Mrn => "MRN",
            Label::HealthPlan => "HEALTH_PLAN",
            Label::Account => "ACCOUNT",
            Label::License => "LICENSE",
            Label::Vehicle => "VEHICLE",
            Label::Device => "DEVICE",
            Label::Url => "URL",
            Label::Ip => "IP",
            Label::IdOther => "ID_OTHER",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Label`] from a string that names no label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLabel(());

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NOTE: the rejected string is not echoed: it may come from user text.
        f.write_str("unknown label")
    }
}

impl std::error::Error for UnknownLabel {}

impl FromStr for Label {
    type Err = UnknownLabel;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Label::ALL.iter().copied().find(|l| l.as_str() == s).ok_or(UnknownLabel(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_str_and_serde() {
        for label in Label::ALL {
            assert_eq!(label.as_str().parse::<Label>(), Ok(label));
            let json = serde_json::to_string(&label).unwrap();
            assert_eq!(json, format!("\"{}\"", label.as_str()));
        }
        assert!("phone".parse::<Label>().is_err());
    }
}
