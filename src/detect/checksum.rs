//! Check digits and strict formats of the identifiers that have one (Luhn, ABA, DEA, NPI, VIN,
//! GS1 GTIN, Medicare MBI).
//!
//! Pure functions over the identifier's characters with separators already removed. A checksum
//! only ever raises confidence or lets a format stand without a cue; a cued value that fails its
//! check is still an identifier (people mistype), so nothing here vetoes a cued value.

/// The digit values of `s`, or `None` if any byte is not an ASCII digit.
fn digits(s: &str) -> Option<Vec<u32>> {
    s.bytes().map(|b| b.is_ascii_digit().then(|| u32::from(b - b'0'))).collect()
}

/// Luhn (mod 10) over the digits of `s`, check digit last: payment cards, IMEI, NPI (with its
/// prefix). False for an empty string or any non-digit.
pub(crate) fn luhn(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if d.is_empty() {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 1 {
                if x * 2 > 9 {
                    x * 2 - 9
                } else {
                    x * 2
                }
            } else {
                x
            }
        })
        .sum();
    sum % 10 == 0
}

/// ABA routing transit number: 9 digits, weights 3-7-1 repeated, sum divisible by 10.
pub(crate) fn aba(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if d.len() != 9 {
        return false;
    }
    const W: [u32; 3] = [3, 7, 1];
    d.iter().enumerate().map(|(i, &x)| W[i % 3] * x).sum::<u32>() % 10 == 0
}

/// DEA registration number: a registrant-type letter (A B C D E F G H J K L M P R S T U X), a
/// second letter (the registrant's surname initial, or `9` for some business activities), then
/// 7 digits whose last is the units digit of `d1 + d3 + d5 + 2 * (d2 + d4 + d6)`.
///
/// NOTE: the weight-2 positions cannot see a change of 5 (2 * 5 = 10), so a one-digit typo there
/// still validates; the format is checked, not trusted.
pub(crate) fn dea(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 {
        return false;
    }
    let first = b[0].to_ascii_uppercase();
    let second = b[1].to_ascii_uppercase();
    if !b"ABCDEFGHJKLMPRSTUX".contains(&first) || !(second.is_ascii_uppercase() || second == b'9') {
        return false;
    }
    let Some(d) = digits(&s[2..]) else { return false };
    (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]
}

/// National Provider Identifier: 10 digits, Luhn over the ISO prefix `80840` plus all 10.
pub(crate) fn npi(s: &str) -> bool {
    s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit()) && luhn(&format!("80840{s}"))
}

/// The value a VIN character carries in the check-digit sum (ISO 3779 / 49 CFR 565
/// transliteration); `None` for characters a VIN may not contain (I, O, Q, punctuation).
fn vin_value(c: u8) -> Option<u32> {
    let v = match c.to_ascii_uppercase() {
        d @ b'0'..=b'9' => u32::from(d - b'0'),
        b'A' | b'J' => 1,
        b'B' | b'K' | b'S' => 2,
        b'C' | b'L' | b'T' => 3,
        b'D' | b'M' | b'U' => 4,
        b'E' | b'N' | b'V' => 5,
        b'F' | b'W' => 6,
        b'G' | b'P' | b'X' => 7,
        b'H' | b'Y' => 8,
        b'R' | b'Z' => 9,
        _ => return None,
    };
    Some(v)
}

/// The check digit (position 9) a 17-character VIN should carry: `'0'..='9'` or `'X'`. `None`
/// when `s` is not 17 VIN characters.
pub(crate) fn vin_check_digit(s: &str) -> Option<u8> {
    const W: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let b = s.as_bytes();
    if b.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (i, &c) in b.iter().enumerate() {
        sum += W[i] * vin_value(c)?;
    }
    Some(match sum % 11 {
        10 => b'X',
        r => b'0' + r as u8,
    })
}

/// A 17-character VIN (no I, O, Q) whose position-9 check digit is right. North American VINs
/// always carry one; some others do not, which is why a VIN cue does not require it.
pub(crate) fn vin(s: &str) -> bool {
    vin_check_digit(s) == Some(s.as_bytes().get(8).map_or(0, u8::to_ascii_uppercase))
}

/// GS1 GTIN (8, 12, 13 or 14 digits): weights 3 and 1 alternating from the right of the payload,
/// sum with the check digit divisible by 10. The device identifier of a GS1 UDI is a GTIN-14.
pub(crate) fn gtin(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if ![8, 12, 13, 14].contains(&d.len()) {
        return false;
    }
    let sum: u32 =
        d.iter().rev().enumerate().map(|(i, &x)| if i % 2 == 1 { 3 * x } else { x }).sum();
    sum % 10 == 0
}

/// Medicare Beneficiary Identifier format (CMS): 11 characters, dashes removed,
/// `C A AN N A AN N A A N N` where C is 1-9, N is 0-9, A is a letter other than S L O I B Z and
/// AN is either. MBIs carry no check digit; the pattern alone is distinctive.
pub(crate) fn mbi_format(s: &str) -> bool {
    fn alpha(c: u8) -> bool {
        c.is_ascii_uppercase() && !b"SLOIBZ".contains(&c)
    }
    let b: Vec<u8> = s.bytes().map(|c| c.to_ascii_uppercase()).collect();
    if b.len() != 11 {
        return false;
    }
    let num = |c: u8| c.is_ascii_digit();
    let an = |c: u8| num(c) || alpha(c);
    (b'1'..=b'9').contains(&b[0])
        && alpha(b[1])
        && an(b[2])
        && num(b[3])
        && alpha(b[4])
        && an(b[5])
        && num(b[6])
        && alpha(b[7])
        && alpha(b[8])
        && num(b[9])
        && num(b[10])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string obtained from `s` by changing one digit to another digit.
    fn one_digit_mutations(s: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (i, c) in s.bytes().enumerate() {
            if !c.is_ascii_digit() {
                continue;
            }
            for d in b'0'..=b'9' {
                if d != c {
                    let mut m = s.as_bytes().to_vec();
                    m[i] = d;
                    out.push((i, String::from_utf8(m).unwrap()));
                }
            }
        }
        out
    }

    #[test]
    fn luhn_accepts_test_cards_and_rejects_every_one_digit_typo() {
        // Issuer test numbers (Visa, Mastercard, Amex, Discover) and a synthetic IMEI.
        for s in [
            "4111111111111111",
            "5555555555554444",
            "378282246310005",
            "6011111111111117",
            "490154203237518",
        ] {
            assert!(luhn(s), "{s}");
            for (_, m) in one_digit_mutations(s) {
                assert!(!luhn(&m), "{m}");
            }
        }
        assert!(!luhn(""));
        assert!(!luhn("4111-1111"));
    }

    #[test]
    fn aba_accepts_valid_routing_numbers_and_rejects_every_one_digit_typo() {
        for s in ["011000015", "021000021", "111000025", "123456780"] {
            assert!(aba(s), "{s}");
            for (_, m) in one_digit_mutations(s) {
                assert!(!aba(&m), "{m}");
            }
        }
        assert!(!aba("12345678"));
        assert!(!aba("0110000150"));
    }

    #[test]
    fn npi_accepts_the_cms_example_and_rejects_every_one_digit_typo() {
        for s in ["1234567893", "1245319599"] {
            assert!(npi(s), "{s}");
            for (_, m) in one_digit_mutations(s) {
                assert!(!npi(&m), "{m}");
            }
        }
        assert!(!npi("123456789"));
    }

    #[test]
    fn dea_checks_letters_and_check_digit() {
        // 1+3+5 + 2*(2+4+6) = 33 -> 3; 9+7+5 + 2*(8+6+4) = 57 -> 7.
        for s in ["AB1234563", "FM9876547", "BJ1234563", "M91234563"] {
            assert!(dea(s), "{s}");
            for (i, m) in one_digit_mutations(s) {
                let changed = (m.as_bytes()[i] as i32 - s.as_bytes()[i] as i32).abs();
                // The weight-2 positions (digits 2, 4, 6 at string indices 3, 5, 7) are blind to a
                // change of exactly 5: that is the DEA algorithm, not a bug here.
                let blind = [3, 5, 7].contains(&i) && changed == 5;
                assert_eq!(dea(&m), blind, "{m}");
            }
        }
        // Registrant types I, N, O, Q, V, W, Y, Z do not exist.
        assert!(!dea("IB1234563"));
        assert!(!dea("ZB1234563"));
        assert!(!dea("A11234563"));
        assert!(!dea("AB123456"));
    }

    #[test]
    fn vin_check_digit_accepts_valid_vins_and_rejects_every_one_digit_typo() {
        for s in
            ["1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352", "JH4KA7561PC008269"]
        {
            assert!(vin(s), "{s}");
            for (_, m) in one_digit_mutations(s) {
                assert!(!vin(&m), "{m}");
            }
        }
        assert_eq!(vin_check_digit("1M8GDM9AXKP042788"), Some(b'X'));
        // I, O and Q are never VIN characters.
        assert_eq!(vin_check_digit("1M8GDM9AXKP04278O"), None);
        assert!(!vin("1M8GDM9AXKP04278"));
    }

    #[test]
    fn gtin_accepts_valid_device_identifiers_and_rejects_every_one_digit_typo() {
        for s in ["00844588003288", "10614141000415", "4006381333931"] {
            assert!(gtin(s), "{s}");
            for (_, m) in one_digit_mutations(s) {
                assert!(!gtin(&m), "{m}");
            }
        }
        assert!(!gtin("123"));
    }

    #[test]
    fn mbi_format_follows_the_cms_pattern() {
        for s in ["1EG4TE5MK73", "9AA0AA0AA00", "2C99YX3WR12", "1eg4te5mk73"] {
            assert!(mbi_format(s), "{s}");
        }
        // Each position's class broken in turn, plus the excluded letters S L O I B Z.
        for s in [
            "0EG4TE5MK73", // first digit 0
            "14G4TE5MK73", // position 2 must be a letter
            "1EGATE5MK73", // position 4 must be a digit
            "1EG45E5MK73", // position 5 must be a letter
            "1EG4TEMMK73", // position 7 must be a digit
            "1EG4TE53K73", // position 8 must be a letter
            "1EG4TE5M373", // position 9 must be a letter
            "1EG4TE5MKA3", // position 10 must be a digit
            "1EG4TE5MK7A", // position 11 must be a digit
            "1SG4TE5MK73",
            "1EL4TE5MK73",
            "1EG4OE5MK73",
            "1EG4TI5MK73",
            "1EG4TE5BK73",
            "1EG4TE5MZ73",
            "1EG4TE5MK7",
            "1EG4TE5MK733",
        ] {
            assert!(!mbi_format(s), "{s}");
        }
    }
}
