//! Random 128-bit identifiers for vaults and records.
//!
//! They are random, not counters, so two writers (two tabs, two CLI runs) never pick the same
//! record id and a merge on read loses nothing. They are not secret and carry no PHI, so `Debug`
//! and `Display` show them (as 32 lower-case hex digits, also the IndexedDB key form).

use std::fmt;

use crate::error::Error;
use crate::vault::key::fill_random;

/// Declares a 16-byte random id type.
macro_rules! random_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name([u8; 16]);

        impl $name {
            /// A fresh random id.
            pub fn generate() -> Result<Self, Error> {
                let mut bytes = [0; 16];
                fill_random(&mut bytes)?;
                Ok($name(bytes))
            }

            /// The id with these bytes.
            pub fn from_bytes(bytes: [u8; 16]) -> Self {
                $name(bytes)
            }

            /// The id's bytes.
            pub fn as_bytes(&self) -> &[u8; 16] {
                &self.0
            }

            /// Parses the 32 hex digits [`Display`](fmt::Display) writes; `None` otherwise.
            pub fn from_hex(hex: &str) -> Option<Self> {
                let hex = hex.as_bytes();
                if hex.len() != 32 {
                    return None;
                }
                let mut bytes = [0; 16];
                for (b, pair) in bytes.iter_mut().zip(hex.chunks_exact(2)) {
                    *b = (hex_digit(pair[0])? << 4) | hex_digit(pair[1])?;
                }
                Some($name(bytes))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(std::str::from_utf8(&hex16(&self.0)).expect("hex digits are ASCII"))
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({self})", stringify!($name))
            }
        }
    };
}

random_id! {
    /// Names one vault. Bound into every record's associated data and into the key derivation, so
    /// a record copied from another vault does not open.
    VaultId
}

random_id! {
    /// Names one record. Bound into the record's associated data, so a record's bytes moved to
    /// another record id do not open.
    RecordId
}

/// The 32 lower-case hex digits of 16 bytes (record ids, vault ids and claim tags).
///
/// NOTE: by table, not `format!("{b:02x}")` per byte: the browser core writes a record id and
/// the claim tags of every new pair as hex, and formatting byte by byte cost ~50,000
/// instructions a pair natively (`profile pairs`).
pub(crate) fn hex16(bytes: &[u8; 16]) -> [u8; 32] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0; 32];
    for (pair, b) in out.chunks_exact_mut(2).zip(bytes) {
        pair[0] = DIGITS[usize::from(b >> 4)];
        pair[1] = DIGITS[usize::from(b & 15)];
    }
    out
}

/// The value of one ASCII hex digit (either case).
fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        let id = RecordId::from_bytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 254, 255]);
        let hex = id.to_string();
        assert_eq!(hex, "000102030405060708090a0b0c0dfeff");
        assert_eq!(RecordId::from_hex(&hex), Some(id));
        assert_eq!(RecordId::from_hex(&hex.to_uppercase()), Some(id));
        assert_eq!(format!("{id:?}"), format!("RecordId({hex})"));
        for bad in ["", "00", &hex[1..], &format!("{hex}0"), &hex.replace('0', "g")] {
            assert_eq!(RecordId::from_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn generated_ids_differ() {
        assert_ne!(VaultId::generate().unwrap(), VaultId::generate().unwrap());
    }
}
