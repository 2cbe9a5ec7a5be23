//! Vault keys: where the 32-byte master key comes from, and the subkeys derived from it.
//!
//! # Why PBKDF2-HMAC-SHA256 and not Argon2id
//! Both meet OWASP's password-storage guidance (PBKDF2-HMAC-SHA256 at 600,000 iterations, or
//! Argon2id at m=19 MiB, t=2). We pick PBKDF2 because:
//! - the passphrase is stretched in the page, in wasm32 without threads or SIMD, where Argon2id's
//!   19 MiB pass costs about as much wall time as 600,000 PBKDF2 iterations while adding a
//!   memory spike the host app does not expect;
//! - it reuses SHA-256, which HKDF already needs, so it adds almost no code to the wasm binary;
//! - it is FIPS 140 / NIST SP 800-132 approved, which compliance reviewers ask about, and the
//!   browser's own Web Crypto has it, so a vault header stays meaningful outside this crate.
//!
//! The price is weaker resistance to GPU guessing than a memory-hard function: a passphrase vault
//! is only as strong as its passphrase. Host apps that can should supply a raw key instead
//! ([`VaultKey::from_bytes`]), e.g. one fetched from their backend after login.
//!
//! # Subkeys
//! The master key is never used directly: HKDF-SHA256 (salt = the vault id) derives the record
//! key (AES-256-GCM) and, with another `info`, the key-check value stored in the header. The two
//! are independent outputs, so publishing the key-check value reveals nothing about the record
//! key, and a wrong key is detected without trial-decrypting any record.

use std::fmt;

use hkdf::Hkdf;
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Error, ErrorKind};

/// Length of a vault key, in bytes (AES-256).
pub const KEY_LEN: usize = 32;

/// Length of a PBKDF2 salt, in bytes.
pub const SALT_LEN: usize = 16;

/// Length of the key-check value stored in the header, in bytes.
pub const KEY_CHECK_LEN: usize = 32;

/// The fewest PBKDF2-HMAC-SHA256 iterations accepted, for new vaults and in headers read back
/// (OWASP Password Storage Cheat Sheet, 2023 and later).
pub const MIN_PBKDF2_ITERATIONS: u32 = 600_000;

/// The most PBKDF2 iterations accepted from a header, so a hostile header cannot make opening
/// a vault hang for minutes.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;

/// The only low iteration count accepted, and only in this crate's own unit tests, so they run in
/// milliseconds while every other count below [`MIN_PBKDF2_ITERATIONS`] is still refused.
#[cfg(test)]
pub(crate) const TEST_ONLY_ITERATIONS: u32 = 1_000;

/// HKDF `info` strings: one per subkey, versioned with the format.
const INFO_RECORD_KEY: &[u8] = b"phiscrub/vault/v1/record-key";
const INFO_KEY_CHECK: &[u8] = b"phiscrub/vault/v1/key-check";
const INFO_DATE_OFFSET: &[u8] = b"phiscrub/vault/v1/date-offset";
const INFO_CLAIM_KEY: &[u8] = b"phiscrub/vault/v1/claim-key";

/// A 32-byte vault master key. Wiped from memory when dropped; its `Debug` prints
/// `VaultKey(..)`.
///
/// ```
/// use phiscrub::vault::VaultKey;
/// let key = VaultKey::from_bytes([7; 32]);
/// assert_eq!(format!("{key:?}"), "VaultKey(..)");
/// ```
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct VaultKey {
    bytes: [u8; KEY_LEN],
}

impl VaultKey {
    /// A key supplied by the host app, e.g. fetched from its backend after login.
    ///
    /// The caller should wipe its own copy; this one is wiped when the key is dropped.
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> VaultKey {
        VaultKey { bytes }
    }

    /// A key from a slice, which must be exactly 32 bytes ([`ErrorKind::InvalidKey`] otherwise).
    pub fn from_slice(bytes: &[u8]) -> Result<VaultKey, Error> {
        let bytes: [u8; KEY_LEN] =
            bytes.try_into().map_err(|_| Error::new(ErrorKind::InvalidKey { len: bytes.len() }))?;
        Ok(VaultKey { bytes })
    }

    /// A fresh random key, for an ephemeral vault that lives as long as the page (nothing can
    /// reopen it once the key is dropped).
    pub fn generate() -> Result<VaultKey, Error> {
        let mut key = VaultKey { bytes: [0; KEY_LEN] };
        fill_random(&mut key.bytes)?;
        Ok(key)
    }

    /// Stretches a passphrase with PBKDF2-HMAC-SHA256 under `params`.
    pub fn from_passphrase(passphrase: &Passphrase, params: &Pbkdf2Params) -> VaultKey {
        let mut key = VaultKey { bytes: [0; KEY_LEN] };
        pbkdf2::pbkdf2_hmac::<Sha256>(
            &passphrase.secret,
            &params.salt,
            params.iterations,
            &mut key.bytes,
        );
        key
    }

    /// Derives the record key and key-check value of the vault `vault_id`.
    pub(crate) fn derive(&self, vault_id: &[u8; 16]) -> Subkeys {
        let hk = Hkdf::<Sha256>::new(Some(vault_id), &self.bytes);
        let mut subkeys = Subkeys {
            record_key: Zeroizing::new([0; KEY_LEN]),
            key_check: [0; KEY_CHECK_LEN],
            date_offset: 0,
            claim_key: Zeroizing::new([0; KEY_LEN]),
        };
        // NOTE: HKDF-SHA256 can expand up to 8160 bytes; 32 never fails.
        hk.expand(INFO_RECORD_KEY, subkeys.record_key.as_mut_slice())
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        hk.expand(INFO_KEY_CHECK, &mut subkeys.key_check)
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        hk.expand(INFO_CLAIM_KEY, subkeys.claim_key.as_mut_slice())
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        let mut offset = Zeroizing::new([0u8; 8]);
        hk.expand(INFO_DATE_OFFSET, offset.as_mut_slice())
            .expect("8 bytes is a valid HKDF-SHA256 output length");
        subkeys.date_offset = date_offset_from(u64::from_le_bytes(*offset));
        subkeys
    }
}

impl fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VaultKey(..)")
    }
}

/// Maps 64 random bits to a date offset: never 0, within +-365 days (730 values; the bias of
/// 2^64 mod 730 is negligible).
fn date_offset_from(v: u64) -> i64 {
    let k = (v % 730) as i64 + 1; // 1..=730
    if k <= 365 {
        -k
    } else {
        k - 365
    }
}

/// The keys derived from a [`VaultKey`] for one vault.
pub(crate) struct Subkeys {
    /// The AES-256-GCM key that seals records.
    pub(crate) record_key: Zeroizing<[u8; KEY_LEN]>,
    /// Stored in the header; tells a wrong key up front. Not secret.
    pub(crate) key_check: [u8; KEY_CHECK_LEN],
    /// The vault's date shift, in days. Derived from the (random) key, never from the data, so
    /// every session of the vault shifts dates alike without storing the offset anywhere.
    pub(crate) date_offset: i64,
    /// The HMAC-SHA256 key of the cross-page claim tags (see [`crate::vault::claim`]).
    pub(crate) claim_key: Zeroizing<[u8; KEY_LEN]>,
}

impl Subkeys {
    /// Compares the key-check value in constant time.
    pub(crate) fn check_matches(&self, stored: &[u8; KEY_CHECK_LEN]) -> bool {
        self.key_check.ct_eq(stored).into()
    }
}

/// A passphrase, wiped from memory when dropped; its `Debug` prints `Passphrase(..)`.
///
/// It also carries the iteration count used if it creates a new vault (an existing vault's header
/// says how many iterations it was made with).
pub struct Passphrase {
    secret: Zeroizing<Vec<u8>>,
    iterations: u32,
}

impl Passphrase {
    /// A passphrase; a new vault made with it uses [`MIN_PBKDF2_ITERATIONS`].
    pub fn new(passphrase: &str) -> Passphrase {
        Passphrase {
            secret: Zeroizing::new(passphrase.as_bytes().to_vec()),
            iterations: MIN_PBKDF2_ITERATIONS,
        }
    }

    /// A passphrase whose new vault uses `iterations` (at least [`MIN_PBKDF2_ITERATIONS`], at
    /// most [`MAX_PBKDF2_ITERATIONS`]).
    pub fn with_iterations(passphrase: &str, iterations: u32) -> Result<Passphrase, Error> {
        check_iterations(iterations)?;
        Ok(Passphrase { iterations, ..Passphrase::new(passphrase) })
    }

    /// A passphrase whose new vault uses [`TEST_ONLY_ITERATIONS`]: unit tests only.
    #[cfg(test)]
    pub(crate) fn insecure_for_tests(passphrase: &str) -> Passphrase {
        Passphrase { iterations: TEST_ONLY_ITERATIONS, ..Passphrase::new(passphrase) }
    }

    /// Fresh parameters (random salt) for a new vault.
    pub(crate) fn new_params(&self) -> Result<Pbkdf2Params, Error> {
        let mut salt = [0; SALT_LEN];
        fill_random(&mut salt)?;
        Ok(Pbkdf2Params { iterations: self.iterations, salt })
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(..)")
    }
}

/// PBKDF2-HMAC-SHA256 parameters, stored in the clear in the vault header (neither is secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pbkdf2Params {
    iterations: u32,
    salt: [u8; SALT_LEN],
}

impl Pbkdf2Params {
    /// Parameters with a fresh random salt and `iterations`, which must lie within
    /// [`MIN_PBKDF2_ITERATIONS`]..=[`MAX_PBKDF2_ITERATIONS`].
    pub fn generate(iterations: u32) -> Result<Pbkdf2Params, Error> {
        check_iterations(iterations)?;
        let mut salt = [0; SALT_LEN];
        fill_random(&mut salt)?;
        Ok(Pbkdf2Params { iterations, salt })
    }

    /// Parameters read from a header, checked like [`Pbkdf2Params::generate`]'s.
    pub(crate) fn from_parts(iterations: u32, salt: [u8; SALT_LEN]) -> Result<Pbkdf2Params, Error> {
        check_iterations(iterations)?;
        Ok(Pbkdf2Params { iterations, salt })
    }

    /// The iteration count.
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    /// The salt.
    pub fn salt(&self) -> &[u8; SALT_LEN] {
        &self.salt
    }
}

/// Refuses iteration counts outside the accepted range (one low count passes in unit tests).
fn check_iterations(iterations: u32) -> Result<(), Error> {
    #[cfg(test)]
    if iterations == TEST_ONLY_ITERATIONS {
        return Ok(());
    }
    if iterations < MIN_PBKDF2_ITERATIONS {
        return Err(Error::new(ErrorKind::WeakKdf { iterations, minimum: MIN_PBKDF2_ITERATIONS }));
    }
    if iterations > MAX_PBKDF2_ITERATIONS {
        return Err(Error::new(ErrorKind::InvalidHeader));
    }
    Ok(())
}

/// Where a vault's key comes from, given to [`crate::vault::Vault::open`].
#[derive(Debug)]
pub enum KeySource {
    /// A raw key: from the host app ([`VaultKey::from_bytes`]) or ephemeral
    /// ([`VaultKey::generate`]).
    Key(VaultKey),
    /// A passphrase, stretched with PBKDF2 under the salt in the vault header.
    Passphrase(Passphrase),
}

/// Fills `buf` from the operating system (natively) or `crypto.getRandomValues` (in the browser).
pub(crate) fn fill_random(buf: &mut [u8]) -> Result<(), Error> {
    getrandom::fill(buf).map_err(|_| Error::new(ErrorKind::RandomUnavailable))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_offsets_are_never_zero_and_within_a_year() {
        for v in (0..5000u64).chain([u64::MAX, u64::MAX - 1]) {
            let d = date_offset_from(v);
            assert!(d != 0 && (-365..=365).contains(&d), "{v} -> {d}");
        }
        let a = VaultKey::from_bytes([1; KEY_LEN]).derive(&[2; 16]).date_offset;
        let b = VaultKey::from_bytes([1; KEY_LEN]).derive(&[2; 16]).date_offset;
        assert_eq!(a, b, "one offset per vault and key");
    }

    #[test]
    fn debug_hides_secrets() {
        let key = VaultKey::from_bytes([0xAB; KEY_LEN]);
        let dbg = format!("{key:?} {:?}", KeySource::Key(VaultKey::from_bytes([0xCD; 32])));
        assert_eq!(dbg, "VaultKey(..) Key(VaultKey(..))");
        let pass = Passphrase::new("correct horse battery staple");
        let dbg = format!("{pass:?} {:?}", KeySource::Passphrase(Passphrase::new("hunter2")));
        assert_eq!(dbg, "Passphrase(..) Passphrase(Passphrase(..))");
        // And no byte of the key in any radix a formatter might use.
        assert!(!format!("{key:#?}").contains("171") && !format!("{key:#?}").contains("ab"));
    }

    #[test]
    fn from_slice_wants_32_bytes() {
        for len in [0, 16, 31, 33, 64] {
            let err = VaultKey::from_slice(&vec![1; len]).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::InvalidKey { len });
        }
        assert!(VaultKey::from_slice(&[1; 32]).is_ok());
    }

    #[test]
    fn generated_keys_differ() {
        let a = VaultKey::generate().unwrap();
        let b = VaultKey::generate().unwrap();
        assert_ne!(a.bytes, b.bytes);
        assert_ne!(a.bytes, [0; KEY_LEN]);
    }

    #[test]
    fn iteration_floor_is_enforced_outside_the_one_test_count() {
        for low in [0, 1, 999, 1_001, 100_000, MIN_PBKDF2_ITERATIONS - 1] {
            let err = Passphrase::with_iterations("x", low).unwrap_err();
            assert_eq!(
                err.kind(),
                &ErrorKind::WeakKdf { iterations: low, minimum: MIN_PBKDF2_ITERATIONS }
            );
            assert_eq!(Pbkdf2Params::generate(low).unwrap_err().code(), "weak_kdf");
        }
        assert!(Passphrase::with_iterations("x", MIN_PBKDF2_ITERATIONS).is_ok());
        assert_eq!(Passphrase::new("x").iterations, MIN_PBKDF2_ITERATIONS);
        let err = Pbkdf2Params::from_parts(MAX_PBKDF2_ITERATIONS + 1, [0; SALT_LEN]).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::InvalidHeader);
    }

    #[test]
    fn passphrase_key_depends_on_passphrase_salt_and_count() {
        let params = Pbkdf2Params { iterations: TEST_ONLY_ITERATIONS, salt: [3; SALT_LEN] };
        let a = VaultKey::from_passphrase(&Passphrase::new("alpha"), &params);
        let a2 = VaultKey::from_passphrase(&Passphrase::new("alpha"), &params);
        let b = VaultKey::from_passphrase(&Passphrase::new("beta"), &params);
        let salted = Pbkdf2Params { salt: [4; SALT_LEN], ..params.clone() };
        let c = VaultKey::from_passphrase(&Passphrase::new("alpha"), &salted);
        let more = Pbkdf2Params { iterations: TEST_ONLY_ITERATIONS + 1, ..params };
        let d = VaultKey::from_passphrase(&Passphrase::new("alpha"), &more);
        assert_eq!(a.bytes, a2.bytes);
        for other in [&b, &c, &d] {
            assert_ne!(a.bytes, other.bytes);
        }
    }

    #[test]
    fn pbkdf2_matches_a_published_vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", c=1, dkLen=64), first 32 bytes.
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(
            out[..8],
            [0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f],
            "PBKDF2-HMAC-SHA256 test vector"
        );
    }

    #[test]
    fn subkeys_are_distinct_and_bound_to_the_vault() {
        let key = VaultKey::from_bytes([9; KEY_LEN]);
        let s1 = key.derive(&[1; 16]);
        let s2 = key.derive(&[2; 16]);
        assert_ne!(*s1.record_key, s1.key_check);
        assert_ne!(*s1.record_key, *s2.record_key);
        assert!(s1.check_matches(&s1.key_check));
        assert!(!s1.check_matches(&s2.key_check));
    }
}
