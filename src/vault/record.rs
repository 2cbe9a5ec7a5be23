//! Sealed records: one payload encrypted with AES-256-GCM, in a compact self-describing layout.
//!
//! # Layout (format version 1)
//! ```text
//! offset  len  field
//! 0       1    format version (1)
//! 1       16   record id
//! 17      12   nonce (random, fresh for every seal)
//! 29      n    ciphertext (n = payload length)
//! 29+n    16   GCM tag
//! ```
//! The associated data, authenticated but not stored, is
//! `"phiscrub/vault/record" || version || vault id || record id`: a record whose bytes are moved
//! to another record id, into another vault, or relabelled with another version fails with
//! [`ErrorKind::Tampered`] (or [`ErrorKind::UnsupportedVersion`] for versions we do not know).
//!
//! Random 96-bit nonces are safe up to about 2^32 seals per key (NIST SP 800-38D); a vault holds
//! one record per distinct identifier, many orders of magnitude fewer.

use std::fmt;

use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce, Tag};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, ErrorKind};
use crate::vault::id::{RecordId, VaultId};
use crate::vault::key::{fill_random, Subkeys};

/// The record format version this build writes and reads.
pub const RECORD_FORMAT_VERSION: u8 = 1;

/// Length of a nonce, in bytes (96 bits, GCM's natural size).
pub const NONCE_LEN: usize = 12;

/// Length of a GCM tag, in bytes.
pub const TAG_LEN: usize = 16;

/// Bytes before the ciphertext: version, record id, nonce.
const PREFIX_LEN: usize = 1 + 16 + NONCE_LEN;

/// The shortest valid sealed record (an empty payload).
pub const MIN_SEALED_LEN: usize = PREFIX_LEN + TAG_LEN;

/// The longest plaintext GCM can seal under one nonce (2^39 - 256 bits).
const GCM_MAX_PAYLOAD: u64 = (1 << 36) - 32;

/// Domain separation for the associated data.
const AAD_DOMAIN: &[u8] = b"phiscrub/vault/record";

/// An encrypted record, as stored. Parsing checks only its shape; authenticity is checked when
/// the vault opens it.
///
/// `Debug` shows the version, record id and length, never the bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedRecord {
    bytes: Vec<u8>,
}

impl SealedRecord {
    /// Parses stored bytes: [`ErrorKind::Truncated`] if shorter than the layout,
    /// [`ErrorKind::UnsupportedVersion`] for an unknown version byte.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<SealedRecord, Error> {
        let Some(&version) = bytes.first() else {
            return Err(Error::new(ErrorKind::Truncated));
        };
        if version != RECORD_FORMAT_VERSION {
            return Err(Error::new(ErrorKind::UnsupportedVersion { version }));
        }
        if bytes.len() < MIN_SEALED_LEN {
            return Err(Error::new(ErrorKind::Truncated));
        }
        Ok(SealedRecord { bytes })
    }

    /// The stored form.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The stored form, by value.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The format version byte.
    pub fn version(&self) -> u8 {
        self.bytes[0]
    }

    /// The record id (not yet authenticated: a store may use it as a key, nothing more).
    pub fn record_id(&self) -> RecordId {
        let mut id = [0; 16];
        id.copy_from_slice(&self.bytes[1..17]);
        RecordId::from_bytes(id)
    }
}

impl fmt::Debug for SealedRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealedRecord")
            .field("version", &self.version())
            .field("record_id", &self.record_id())
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Seals and opens the records of one vault. Its AES key schedule and GHASH key are wiped when it
/// is dropped (the `zeroize` features of `aes` and `polyval`, see Cargo.toml).
pub(crate) struct RecordCipher {
    aead: Aes256Gcm,
    vault_id: VaultId,
}

impl RecordCipher {
    /// The cipher for `vault_id` under its derived record key.
    pub(crate) fn new(subkeys: &Subkeys, vault_id: VaultId) -> RecordCipher {
        let aead = Aes256Gcm::new(subkeys.record_key.as_slice().into());
        RecordCipher { aead, vault_id }
    }

    /// The associated data binding version, vault and record.
    fn aad(&self, version: u8, record_id: &RecordId) -> [u8; AAD_DOMAIN.len() + 1 + 32] {
        let mut aad = [0; AAD_DOMAIN.len() + 1 + 32];
        let (domain, rest) = aad.split_at_mut(AAD_DOMAIN.len());
        domain.copy_from_slice(AAD_DOMAIN);
        rest[0] = version;
        rest[1..17].copy_from_slice(self.vault_id.as_bytes());
        rest[17..].copy_from_slice(record_id.as_bytes());
        aad
    }

    /// Seals `payload` as record `record_id` under a fresh random nonce (tests: a chosen id).
    #[cfg(test)]
    pub(crate) fn seal(&self, record_id: RecordId, payload: &[u8]) -> Result<SealedRecord, Error> {
        let mut nonce = [0; NONCE_LEN];
        fill_random(&mut nonce)?;
        self.seal_with(record_id, nonce, payload)
    }

    /// Seals `payload` under a new random record id and a fresh random nonce.
    ///
    /// NOTE: both drawn in one call: in the browser each draw is a `crypto.getRandomValues`
    /// call across the wasm boundary, paid by every new pair.
    pub(crate) fn seal_new(&self, payload: &[u8]) -> Result<SealedRecord, Error> {
        let mut random = [0; 16 + NONCE_LEN];
        fill_random(&mut random)?;
        let (id, nonce) = random.split_at(16);
        let record_id = RecordId::from_bytes(id.try_into().expect("16 bytes"));
        self.seal_with(record_id, nonce.try_into().expect("a nonce's length"), payload)
    }

    /// Seals `payload` as record `record_id` under `nonce`, which must never have sealed
    /// anything under this key.
    ///
    /// The payload is copied once, into the output buffer, where it is encrypted in place; the
    /// caller owns (and should wipe) `payload`.
    fn seal_with(
        &self,
        record_id: RecordId,
        nonce: [u8; NONCE_LEN],
        payload: &[u8],
    ) -> Result<SealedRecord, Error> {
        // NOTE: exact capacity, so pushing the tag never reallocates and leaves no stray copy of
        // the plaintext in freed memory.
        let mut bytes = Vec::with_capacity(PREFIX_LEN + payload.len() + TAG_LEN);
        bytes.push(RECORD_FORMAT_VERSION);
        bytes.extend_from_slice(record_id.as_bytes());
        bytes.extend_from_slice(&nonce);
        bytes.extend_from_slice(payload);
        let aad = self.aad(RECORD_FORMAT_VERSION, &record_id);
        match self.aead.encrypt_in_place_detached(
            Nonce::from_slice(&nonce),
            &aad,
            &mut bytes[PREFIX_LEN..],
        ) {
            Ok(tag) => {
                bytes.extend_from_slice(&tag);
                Ok(SealedRecord { bytes })
            }
            Err(_) => {
                // Only a payload over GCM's 64 GiB limit gets here.
                bytes.zeroize();
                Err(Error::new(ErrorKind::InputTooLarge {
                    len: payload.len(),
                    limit: usize::try_from(GCM_MAX_PAYLOAD).unwrap_or(usize::MAX),
                }))
            }
        }
    }

    /// Authenticates and decrypts `record`; the plaintext is wiped when dropped.
    pub(crate) fn open(&self, record: &SealedRecord) -> Result<Zeroizing<Vec<u8>>, Error> {
        let bytes = &record.bytes;
        let (prefix, rest) = bytes.split_at(PREFIX_LEN);
        let (ciphertext, tag) = rest.split_at(rest.len() - TAG_LEN);
        let aad = self.aad(prefix[0], &record.record_id());
        let mut plain = Zeroizing::new(ciphertext.to_vec());
        self.aead
            .decrypt_in_place_detached(
                Nonce::from_slice(&prefix[17..]),
                &aad,
                &mut plain,
                Tag::from_slice(tag),
            )
            .map_err(|_| Error::new(ErrorKind::Tampered))?;
        Ok(plain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::key::VaultKey;

    fn cipher(key: u8, vault: u8) -> RecordCipher {
        let vault_id = VaultId::from_bytes([vault; 16]);
        RecordCipher::new(&VaultKey::from_bytes([key; 32]).derive(vault_id.as_bytes()), vault_id)
    }

    const PAYLOAD: &[u8] = b"synthetic payload: Ana Example, 555-0100";

    #[test]
    fn seal_open_round_trip_and_layout() {
        let c = cipher(1, 1);
        let id = RecordId::from_bytes([5; 16]);
        let sealed = c.seal(id, PAYLOAD).unwrap();
        let bytes = sealed.as_bytes();
        assert_eq!(bytes.len(), MIN_SEALED_LEN + PAYLOAD.len());
        assert_eq!(bytes[0], RECORD_FORMAT_VERSION);
        assert_eq!(&bytes[1..17], &[5; 16]);
        assert!(!bytes.windows(PAYLOAD.len()).any(|w| w == PAYLOAD));
        assert_eq!(sealed.record_id(), id);
        assert_eq!(c.open(&sealed).unwrap().as_slice(), PAYLOAD);
        let reparsed = SealedRecord::from_bytes(sealed.clone().into_bytes()).unwrap();
        assert_eq!(c.open(&reparsed).unwrap().as_slice(), PAYLOAD);
        assert_eq!(c.open(&c.seal(id, b"").unwrap()).unwrap().as_slice(), b"");
    }

    #[test]
    fn nonces_are_fresh() {
        let c = cipher(1, 1);
        let id = RecordId::from_bytes([5; 16]);
        let a = c.seal(id, PAYLOAD).unwrap();
        let b = c.seal(id, PAYLOAD).unwrap();
        assert_ne!(a.as_bytes()[17..29], b.as_bytes()[17..29]);
        assert_ne!(a, b);
    }

    #[test]
    fn every_flipped_byte_is_caught() {
        let c = cipher(1, 1);
        let sealed = c.seal(RecordId::from_bytes([5; 16]), PAYLOAD).unwrap();
        for i in 0..sealed.as_bytes().len() {
            for bit in [0x01, 0x80, 0xff] {
                let mut bytes = sealed.as_bytes().to_vec();
                bytes[i] ^= bit;
                let result = SealedRecord::from_bytes(bytes).and_then(|r| c.open(&r));
                let code = result.map(|_| ()).unwrap_err().code();
                let want = if i == 0 { "unsupported_version" } else { "tampered" };
                assert_eq!(code, want, "byte {i} ^ {bit:#x}");
            }
        }
    }

    #[test]
    fn every_truncation_is_caught() {
        let c = cipher(1, 1);
        let sealed = c.seal(RecordId::from_bytes([5; 16]), PAYLOAD).unwrap();
        for len in 0..sealed.as_bytes().len() {
            let bytes = sealed.as_bytes()[..len].to_vec();
            let code = SealedRecord::from_bytes(bytes).and_then(|r| c.open(&r)).unwrap_err().code();
            let want = if len < MIN_SEALED_LEN { "truncated" } else { "tampered" };
            assert_eq!(code, want, "length {len}");
        }
    }

    #[test]
    fn moved_records_do_not_open() {
        let c = cipher(1, 1);
        let a = c.seal(RecordId::from_bytes([5; 16]), PAYLOAD).unwrap();
        // The same bytes under another record id.
        let mut moved = a.as_bytes().to_vec();
        moved[1..17].copy_from_slice(&[6; 16]);
        let moved = SealedRecord::from_bytes(moved).unwrap();
        assert_eq!(c.open(&moved).unwrap_err().kind(), &ErrorKind::Tampered);
        // The same key in another vault, and another key in the same vault.
        assert_eq!(cipher(1, 2).open(&a).unwrap_err().kind(), &ErrorKind::Tampered);
        assert_eq!(cipher(2, 1).open(&a).unwrap_err().kind(), &ErrorKind::Tampered);
    }

    #[test]
    fn debug_shows_no_bytes() {
        let sealed = cipher(1, 1).seal(RecordId::from_bytes([0xAA; 16]), PAYLOAD).unwrap();
        let dbg = format!("{sealed:?}");
        assert_eq!(
            dbg,
            format!(
                "SealedRecord {{ version: 1, record_id: RecordId({}), len: {} }}",
                "aa".repeat(16),
                MIN_SEALED_LEN + PAYLOAD.len()
            )
        );
    }
}
