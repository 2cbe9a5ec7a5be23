//! The one error type of the crate.
//!
//! NOTE: an [`Error`] never carries caller text, keys or vault contents. Its `Debug` and
//! `Display` name the kind and, where useful, sizes, positions and versions; they are safe to log.

use std::fmt;
use std::io;

/// What went wrong, without any of the text that was being processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// The kinds of [`Error`]. New kinds may be added in minor releases.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is longer than the configured limit.
    InputTooLarge {
        /// Length of the input, in bytes.
        len: usize,
        /// The configured limit, in bytes.
        limit: usize,
    },
    /// The key does not open this vault: its key-check value does not match the header's.
    WrongKey,
    /// The vault was made with another kind of key (a passphrase vault opened with a raw key, or
    /// the reverse), so no key of the kind given can open it.
    KeySourceMismatch,
    /// A sealed record failed authentication: a byte was changed, the record was moved to another
    /// record id or vault, or it was sealed with another key.
    Tampered,
    /// A sealed record, a header or a file frame is shorter than its format requires.
    Truncated,
    /// A sealed record or header carries a format version this build does not know.
    UnsupportedVersion {
        /// The version byte found.
        version: u8,
    },
    /// A vault header is malformed (bad magic, unknown KDF, out-of-range parameters).
    InvalidHeader,
    /// A PBKDF2 iteration count below the enforced minimum was asked for or found in a header.
    WeakKdf {
        /// The iteration count asked for or found.
        iterations: u32,
        /// The minimum this build accepts.
        minimum: u32,
    },
    /// A raw key of the wrong length was given.
    InvalidKey {
        /// Length given, in bytes (the required length is 32).
        len: usize,
    },
    /// A decrypted mapping entry does not parse (an encoding bug, never an attack: entries are
    /// authenticated before they are parsed).
    InvalidEntry,
    /// The operating system or browser gave no randomness.
    RandomUnavailable,
    /// The storage under the vault failed.
    Storage {
        /// The operation: `"read"`, `"write"`, `"sync"`, `"create"`, `"delete"`, or a binding
        /// layer's own name for it.
        op: &'static str,
        /// The I/O error kind, when the store is a file.
        io: Option<io::ErrorKind>,
    },
    /// The vault was destroyed with `forget()`; it can no longer be used.
    Forgotten,
    /// The browser refused to store more: the origin's storage quota is used up (IndexedDB's
    /// `QuotaExceededError`).
    QuotaExceeded,
    /// The browser gives no persistent storage here (IndexedDB missing or refused, as in some
    /// private modes).
    StorageUnavailable,
    /// Text from JavaScript is not valid UTF-16 (it holds a lone surrogate code unit), so it
    /// cannot be scrubbed or restored without changing it.
    InvalidText,
    /// A scrub was asked for while the new pairs of the previous one were neither committed
    /// (stored) nor retracted: the binding layer must settle each scrub before the next.
    PendingCommit,
    /// The scrubber was closed; open it again to go on.
    Closed,
    /// The name and place dictionaries are not loaded (the wasm build loads them from its
    /// dictionary file before anything is detected).
    DictionaryUnavailable,
    /// The dictionary file is damaged, of another format version, or of another build.
    DictionaryCorrupt {
        /// What was wrong, in a few words (no contents).
        reason: &'static str,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    /// A storage error, for [`crate::vault::RecordStore`] implementations outside this crate.
    ///
    /// `op` names the failed operation; `io` is the I/O error kind when there is one. Neither
    /// may carry a path or contents.
    pub fn storage(op: &'static str, io: Option<io::ErrorKind>) -> Self {
        Error::new(ErrorKind::Storage { op, io })
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// A stable, machine-readable code (`"input_too_large"`, `"wrong_key"`, ...), the `code` of
    /// the JS error.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::InputTooLarge { .. } => "input_too_large",
            ErrorKind::WrongKey => "wrong_key",
            ErrorKind::KeySourceMismatch => "key_source_mismatch",
            ErrorKind::Tampered => "tampered",
            ErrorKind::Truncated => "truncated",
            ErrorKind::UnsupportedVersion { .. } => "unsupported_version",
            ErrorKind::InvalidHeader => "invalid_header",
            ErrorKind::WeakKdf { .. } => "weak_kdf",
            ErrorKind::InvalidKey { .. } => "invalid_key",
            ErrorKind::InvalidEntry => "invalid_entry",
            ErrorKind::RandomUnavailable => "random_unavailable",
            ErrorKind::Storage { .. } => "storage",
            ErrorKind::Forgotten => "forgotten",
            ErrorKind::QuotaExceeded => "quota_exceeded",
            ErrorKind::StorageUnavailable => "storage_unavailable",
            ErrorKind::InvalidText => "invalid_text",
            ErrorKind::PendingCommit => "pending_commit",
            ErrorKind::Closed => "closed",
            ErrorKind::DictionaryUnavailable => "dictionary_unavailable",
            ErrorKind::DictionaryCorrupt { .. } => "dictionary_corrupt",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InputTooLarge { len, limit } => {
                write!(f, "input of {len} bytes is over the limit of {limit} bytes")
            }
            ErrorKind::WrongKey => f.write_str("the key does not open this vault"),
            ErrorKind::KeySourceMismatch => {
                f.write_str("the vault was made with another kind of key (passphrase or raw key)")
            }
            ErrorKind::Tampered => f.write_str("a sealed record failed authentication"),
            ErrorKind::Truncated => f.write_str("stored data is shorter than its format requires"),
            ErrorKind::UnsupportedVersion { version } => {
                write!(f, "unsupported vault format version {version}")
            }
            ErrorKind::InvalidHeader => f.write_str("the vault header is malformed"),
            ErrorKind::WeakKdf { iterations, minimum } => {
                write!(f, "PBKDF2 iteration count {iterations} is below the minimum of {minimum}")
            }
            ErrorKind::InvalidKey { len } => {
                write!(f, "a raw vault key must be 32 bytes, not {len}")
            }
            ErrorKind::InvalidEntry => f.write_str("a decrypted vault entry is malformed"),
            ErrorKind::RandomUnavailable => f.write_str("no randomness available"),
            ErrorKind::Storage { op, io: Some(io) } => {
                write!(f, "vault storage failed to {op}: {io}")
            }
            ErrorKind::Storage { op, io: None } => write!(f, "vault storage failed to {op}"),
            ErrorKind::Forgotten => f.write_str("the vault was forgotten"),
            ErrorKind::QuotaExceeded => f.write_str("the browser's storage quota is used up"),
            ErrorKind::StorageUnavailable => f.write_str("no persistent storage is available"),
            ErrorKind::InvalidText => f.write_str("the text holds a lone UTF-16 surrogate"),
            ErrorKind::PendingCommit => {
                f.write_str("the previous scrub's pairs were neither committed nor retracted")
            }
            ErrorKind::Closed => f.write_str("the scrubber was closed"),
            ErrorKind::DictionaryUnavailable => {
                f.write_str("the name and place dictionaries are not loaded")
            }
            ErrorKind::DictionaryCorrupt { reason } => {
                write!(f, "the dictionary file is unusable: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_snake_case() {
        let kinds = [
            ErrorKind::InputTooLarge { len: 1, limit: 0 },
            ErrorKind::WrongKey,
            ErrorKind::KeySourceMismatch,
            ErrorKind::Tampered,
            ErrorKind::Truncated,
            ErrorKind::UnsupportedVersion { version: 9 },
            ErrorKind::InvalidHeader,
            ErrorKind::WeakKdf { iterations: 1, minimum: 2 },
            ErrorKind::InvalidKey { len: 3 },
            ErrorKind::InvalidEntry,
            ErrorKind::RandomUnavailable,
            ErrorKind::Storage { op: "write", io: Some(io::ErrorKind::NotFound) },
            ErrorKind::Forgotten,
            ErrorKind::QuotaExceeded,
            ErrorKind::StorageUnavailable,
            ErrorKind::InvalidText,
            ErrorKind::PendingCommit,
            ErrorKind::Closed,
            ErrorKind::DictionaryUnavailable,
            ErrorKind::DictionaryCorrupt { reason: "checksum mismatch" },
        ];
        let mut codes: Vec<&str> = kinds.into_iter().map(|k| Error::new(k).code()).collect();
        assert!(codes.iter().all(|c| c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')));
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }
}
