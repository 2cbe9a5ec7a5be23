//! One generator per label: a fresh random surrogate of the same kind and format as an original,
//! guaranteed fictional where a reserved range exists (555-01xx phones, documentation IP ranges,
//! reserved example domains, never-issued SSN areas).

use rand_chacha::rand_core::RngCore;

use super::shape::{alnum_key, below, digit, into_digit_layout, into_layout, same_classes};
use crate::Label;

/// ZIP prefixes whose 3-digit area had 20,000 people or fewer (2000 census): Safe Harbor
/// replaces them with `000`.
pub(crate) const RESTRICTED_ZIP3: [&str; 17] = [
    "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878",
    "879", "884", "890", "893",
];

/// Short neutral words for invented email users and hosts.
const WORDS: &[&str] = &[
    "amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor", "iris", "juniper",
    "kestrel", "lumen", "maple", "north", "orchid", "pine", "quill", "river", "sage", "tide",
    "umber", "vale", "willow", "yarrow", "zephyr", "aspen", "brook", "coral", "dune", "fern",
];

const EXAMPLE_DOMAINS: &[&str] = &["example.com", "example.org", "example.net"];

fn word(rng: &mut dyn RngCore) -> &'static str {
    WORDS[below(rng, WORDS.len() as u32) as usize]
}

/// A fresh surrogate for `original` of `label`, or `None` when this label has no generator
/// here (dates and ages are handled by the caller; names and places need the dictionaries).
pub(crate) fn generate(rng: &mut dyn RngCore, label: Label, original: &str) -> Option<String> {
    Some(match label {
        Label::Phone | Label::Fax => phone(rng, original),
        Label::Email => email(rng, original),
        Label::Ip => ip(rng, original),
        Label::Ssn => ssn(rng, original),
        Label::Zip => zip(rng, original),
        Label::Url => url(rng, original),
        Label::Vehicle if alnum_key(original).len() == 17 => vin(rng, original),
        Label::Mrn
        | Label::HealthPlan
        | Label::Account
        | Label::License
        | Label::Vehicle
        | Label::Device
        | Label::IdOther => into_layout(original, &same_classes(rng, &alnum_key(original))),
        Label::Name
        | Label::Address
        | Label::City
        | Label::County
        | Label::LocationOther
        | Label::Date
        | Label::Age => return None,
    })
}

/// A VIN of the same layout with a valid check digit (position 9), from the VIN alphabet.
fn vin(rng: &mut dyn RngCore, original: &str) -> String {
    const VIN_CHARS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    let mut v: Vec<u8> =
        (0..17).map(|_| VIN_CHARS[below(rng, VIN_CHARS.len() as u32) as usize]).collect();
    // The last four of a North American VIN are digits (the serial).
    for c in &mut v[13..] {
        *c = digit(rng, 0, 9) as u8;
    }
    let s = String::from_utf8(v).expect("ASCII");
    let check = crate::detect::checksum::vin_check_digit(&s).expect("17 VIN characters");
    let mut v = s.into_bytes();
    v[8] = check;
    into_layout(original, &String::from_utf8(v).expect("ASCII"))
}

/// NANP numbers become `AAA-555-01XX` in the original layout; shorter local numbers `555-01XX`;
/// other (international) numbers keep their country code and get random digits.
fn phone(rng: &mut dyn RngCore, original: &str) -> String {
    let digits: String = original.chars().filter(char::is_ascii_digit).collect();
    let country_one = digits.len() >= 11 && digits.starts_with('1');
    let international =
        original.trim_start().starts_with('+') && !original.trim_start().starts_with("+1");
    let mut new = String::with_capacity(digits.len());
    if international {
        // Keep the country code (the digits before the first separator), randomize the rest.
        let cc_len = original.trim_start()[1..].find(|c: char| !c.is_ascii_digit()).unwrap_or(2);
        new.push_str(&digits[..cc_len.min(digits.len())]);
        while new.len() < digits.len() {
            new.push(digit(rng, 0, 9));
        }
    } else {
        if country_one {
            new.push('1');
        }
        let core = digits.len() - usize::from(country_one);
        if core >= 10 {
            new.push(digit(rng, 2, 9));
            new.push(digit(rng, 0, 9));
            new.push(digit(rng, 0, 9));
        }
        if core >= 7 {
            new.push_str("55501");
            new.push(digit(rng, 0, 9));
            new.push(digit(rng, 0, 9));
        }
        // Extensions and anything else: random digits.
        while new.len() < digits.len() {
            new.push(digit(rng, 0, 9));
        }
    }
    into_digit_layout(original, &new)
}

fn email(rng: &mut dyn RngCore, original: &str) -> String {
    let user = format!("{}.{}{}", word(rng), word(rng), below(rng, 90) + 10);
    let domain = EXAMPLE_DOMAINS[below(rng, EXAMPLE_DOMAINS.len() as u32) as usize];
    let out = format!("{user}@{domain}");
    if original.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        out.to_uppercase()
    } else {
        out
    }
}

/// IPv4 from the documentation ranges (RFC 5737), IPv6 from 2001:db8::/32 (RFC 3849).
fn ip(rng: &mut dyn RngCore, original: &str) -> String {
    if original.contains(':') {
        let groups: Vec<String> = (0..4).map(|_| format!("{:x}", below(rng, 0xffff) + 1)).collect();
        let s = format!("2001:db8:{}::{}", groups[..2].join(":"), groups[2..].join(":"));
        if original.chars().any(|c| c.is_ascii_uppercase()) {
            s.to_uppercase()
        } else {
            s
        }
    } else {
        const NETS: [&str; 3] = ["192.0.2", "198.51.100", "203.0.113"];
        format!("{}.{}", NETS[below(rng, 3) as usize], below(rng, 254) + 1)
    }
}

/// Area 900-999 with group 01-49: never issued as an SSN, and outside the ITIN groups.
fn ssn(rng: &mut dyn RngCore, original: &str) -> String {
    let digits = original.chars().filter(char::is_ascii_digit).count();
    let mut new = String::new();
    if digits == 9 {
        new.push('9');
        new.push(digit(rng, 0, 9));
        new.push(digit(rng, 0, 9));
        new.push(digit(rng, 0, 4));
        new.push(digit(rng, 1, 9));
    }
    while new.len() < digits {
        new.push(digit(rng, 0, 9));
    }
    into_digit_layout(original, &new)
}

/// The first three digits stay (Safe Harbor allows them) unless the area is restricted, then
/// `000`; the rest is random.
fn zip(rng: &mut dyn RngCore, original: &str) -> String {
    let digits: String = original.chars().filter(char::is_ascii_digit).collect();
    let mut new = String::new();
    if digits.len() >= 3 {
        let p = &digits[..3];
        new.push_str(if RESTRICTED_ZIP3.contains(&p) { "000" } else { p });
    }
    while new.len() < digits.len() {
        new.push(digit(rng, 0, 9));
    }
    into_digit_layout(original, &new)
}

/// The host becomes a random name under a reserved example domain; path segments keep their
/// count and get random letters and digits of the same classes.
fn url(rng: &mut dyn RngCore, original: &str) -> String {
    let (scheme, rest) = match original.find("://") {
        Some(i) => (&original[..i + 3], &original[i + 3..]),
        None => ("", original),
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let www = if rest[..host_end].to_ascii_lowercase().starts_with("www.") { "www." } else { "" };
    let domain = EXAMPLE_DOMAINS[below(rng, EXAMPLE_DOMAINS.len() as u32) as usize];
    let tail = &rest[host_end..];
    let tail = into_layout(tail, &same_classes(rng, &alnum_key(tail)));
    format!("{scheme}{www}{}.{domain}{tail}", word(rng))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;

    fn rng() -> rand_chacha::ChaCha12Rng {
        rand_chacha::ChaCha12Rng::seed_from_u64(42)
    }

    #[test]
    fn phones_land_in_the_fictional_range_in_the_same_layout() {
        let mut r = rng();
        for original in ["(312) 201-3344", "312.201.3344", "+1 312 201 3344", "201-3344 x12"] {
            let s = phone(&mut r, original);
            assert_eq!(s.len(), original.len(), "{original} -> {s}");
            let d: String = s.chars().filter(char::is_ascii_digit).collect();
            assert!(d.contains("55501"), "{original} -> {s}");
            let shape = |x: &str| {
                x.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect::<String>()
            };
            assert_eq!(shape(&s), shape(original));
        }
    }

    #[test]
    fn ips_emails_and_urls_use_reserved_ranges() {
        let mut r = rng();
        let v4 = ip(&mut r, "10.2.3.4");
        assert!(
            ["192.0.2.", "198.51.100.", "203.0.113."].iter().any(|p| v4.starts_with(p)),
            "{v4}"
        );
        assert!(ip(&mut r, "fe80::1").starts_with("2001:db8:"));
        let e = email(&mut r, "Ana.Reed@gmail.com");
        assert!(EXAMPLE_DOMAINS.iter().any(|d| e.ends_with(d)), "{e}");
        let u = url(&mut r, "https://www.hospital.org/patients/88123?x=1");
        assert!(u.starts_with("https://www."), "{u}");
        assert!(EXAMPLE_DOMAINS.iter().any(|d| u.contains(d)), "{u}");
        assert!(u.ends_with(|c: char| c.is_ascii_digit()), "{u}");
    }

    #[test]
    fn vins_carry_a_valid_check_digit() {
        let mut r = rng();
        for _ in 0..50 {
            let v = generate(&mut r, Label::Vehicle, "1HGCM82633A004352").unwrap();
            assert!(crate::detect::checksum::vin(&v), "{v}");
        }
    }

    #[test]
    fn ssns_are_never_issued_and_zips_respect_restricted_prefixes() {
        let mut r = rng();
        for _ in 0..100 {
            let s = ssn(&mut r, "123-45-6789");
            assert!(s.starts_with('9') && s.len() == 11, "{s}");
            let group: u32 = s[4..6].parse().unwrap();
            assert!((1..=49).contains(&group), "{s}");
        }
        assert!(zip(&mut r, "62704-1234").starts_with("627"));
        assert!(zip(&mut r, "03601").starts_with("000"));
        assert_eq!(zip(&mut r, "89301").len(), 5);
    }
}
