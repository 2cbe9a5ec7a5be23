//! The vault header: stored in the clear beside the records, it says how to rebuild the key and
//! how to tell a wrong one.
//!
//! # Layout (format version 1)
//! ```text
//! len  field
//! 4    magic "PHSV"
//! 1    format version (1)
//! 16   vault id
//! 1    KDF: 0 = raw key (host-supplied or ephemeral), 1 = PBKDF2-HMAC-SHA256
//! 4    iterations, u32 little-endian     } only when KDF = 1
//! 16   salt                               }
//! 32   key check: HKDF-SHA256(master key, salt = vault id, info = ".../key-check")
//! ```
//! Nothing here is secret. Editing it gains an attacker nothing: the key check depends on the
//! vault id, the salt and the iteration count, so a changed field gives [`ErrorKind::WrongKey`]
//! for every key, and out-of-range iteration counts are refused before any work is done.

use crate::error::{Error, ErrorKind};
use crate::vault::id::VaultId;
use crate::vault::key::{Pbkdf2Params, KEY_CHECK_LEN, SALT_LEN};

/// The header format version this build writes and reads.
pub const HEADER_FORMAT_VERSION: u8 = 1;

/// Marks a vault header.
const MAGIC: &[u8; 4] = b"PHSV";

/// How the master key of a vault is obtained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kdf {
    /// The master key is given whole: by the host app, or generated for an ephemeral vault.
    RawKey,
    /// The master key is stretched from a passphrase.
    Pbkdf2Sha256(Pbkdf2Params),
}

/// The plain header of a vault. `Debug` is safe to log: nothing in it is secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VaultHeader {
    /// The header format version.
    pub format_version: u8,
    /// The vault's id.
    pub vault_id: VaultId,
    /// How the master key is obtained.
    pub kdf: Kdf,
    /// Tells a wrong key up front, without decrypting a record.
    pub key_check: [u8; KEY_CHECK_LEN],
}

impl VaultHeader {
    /// The stored form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + 1 + 16 + 1 + 4 + SALT_LEN + KEY_CHECK_LEN);
        out.extend_from_slice(MAGIC);
        out.push(self.format_version);
        out.extend_from_slice(self.vault_id.as_bytes());
        match &self.kdf {
            Kdf::RawKey => out.push(0),
            Kdf::Pbkdf2Sha256(params) => {
                out.push(1);
                out.extend_from_slice(&params.iterations().to_le_bytes());
                out.extend_from_slice(params.salt());
            }
        }
        out.extend_from_slice(&self.key_check);
        out
    }

    /// Parses the stored form: [`ErrorKind::Truncated`], [`ErrorKind::UnsupportedVersion`],
    /// [`ErrorKind::InvalidHeader`] or [`ErrorKind::WeakKdf`] when it is not a header this
    /// build can use.
    pub fn from_bytes(bytes: &[u8]) -> Result<VaultHeader, Error> {
        let mut rest = bytes;
        let mut take = |n: usize| -> Result<&[u8], Error> {
            if rest.len() < n {
                return Err(Error::new(ErrorKind::Truncated));
            }
            let (head, tail) = rest.split_at(n);
            rest = tail;
            Ok(head)
        };
        if take(4)? != MAGIC {
            return Err(Error::new(ErrorKind::InvalidHeader));
        }
        let format_version = take(1)?[0];
        if format_version != HEADER_FORMAT_VERSION {
            return Err(Error::new(ErrorKind::UnsupportedVersion { version: format_version }));
        }
        let vault_id = VaultId::from_bytes(take(16)?.try_into().expect("16 bytes"));
        let kdf = match take(1)?[0] {
            0 => Kdf::RawKey,
            1 => {
                let iterations = u32::from_le_bytes(take(4)?.try_into().expect("4 bytes"));
                let salt: [u8; SALT_LEN] = take(SALT_LEN)?.try_into().expect("salt length");
                Kdf::Pbkdf2Sha256(Pbkdf2Params::from_parts(iterations, salt)?)
            }
            _ => return Err(Error::new(ErrorKind::InvalidHeader)),
        };
        let key_check = take(KEY_CHECK_LEN)?.try_into().expect("key check length");
        if !rest.is_empty() {
            return Err(Error::new(ErrorKind::InvalidHeader));
        }
        Ok(VaultHeader { format_version, vault_id, kdf, key_check })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::key::{MIN_PBKDF2_ITERATIONS, TEST_ONLY_ITERATIONS};

    fn headers() -> [VaultHeader; 2] {
        let vault_id = VaultId::from_bytes([7; 16]);
        let params = Pbkdf2Params::from_parts(TEST_ONLY_ITERATIONS, [8; SALT_LEN]).unwrap();
        [
            VaultHeader { format_version: 1, vault_id, kdf: Kdf::RawKey, key_check: [9; 32] },
            VaultHeader {
                format_version: 1,
                vault_id,
                kdf: Kdf::Pbkdf2Sha256(params),
                key_check: [9; 32],
            },
        ]
    }

    #[test]
    fn round_trip_and_every_truncation() {
        for h in headers() {
            let bytes = h.to_bytes();
            assert_eq!(VaultHeader::from_bytes(&bytes).unwrap(), h);
            for len in 0..bytes.len() {
                let err = VaultHeader::from_bytes(&bytes[..len]).unwrap_err();
                assert_eq!(err.kind(), &ErrorKind::Truncated, "length {len}");
            }
            let mut longer = bytes.clone();
            longer.push(0);
            assert_eq!(
                VaultHeader::from_bytes(&longer).unwrap_err().kind(),
                &ErrorKind::InvalidHeader
            );
        }
    }

    #[test]
    fn bad_fields_are_refused() {
        let [raw, pbkdf2] = headers();
        let mut b = raw.to_bytes();
        b[0] = b'X';
        assert_eq!(VaultHeader::from_bytes(&b).unwrap_err().code(), "invalid_header");
        let mut b = raw.to_bytes();
        b[4] = 2;
        assert_eq!(
            VaultHeader::from_bytes(&b).unwrap_err().kind(),
            &ErrorKind::UnsupportedVersion { version: 2 }
        );
        let mut b = raw.to_bytes();
        b[21] = 2;
        assert_eq!(VaultHeader::from_bytes(&b).unwrap_err().code(), "invalid_header");
        // A header asking for too few iterations is refused before any key is derived.
        let mut b = pbkdf2.to_bytes();
        b[22..26].copy_from_slice(&10_000u32.to_le_bytes());
        assert_eq!(
            VaultHeader::from_bytes(&b).unwrap_err().kind(),
            &ErrorKind::WeakKdf { iterations: 10_000, minimum: MIN_PBKDF2_ITERATIONS }
        );
        b[22..26].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(VaultHeader::from_bytes(&b).unwrap_err().code(), "invalid_header");
    }
}
