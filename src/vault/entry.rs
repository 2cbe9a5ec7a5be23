//! Mapping entries: one original identifier and the surrogate issued for it, the payload of one
//! sealed record.
//!
//! # Payload encoding (entry version 1)
//! Little-endian, length-prefixed, so the exact size is known before anything is written and the
//! plaintext is never copied by a growing buffer:
//! ```text
//! len  field
//! 1    entry version (1)
//! 1    L, length of the label name
//! L    label name, ASCII (`Label::as_str`, stable across reorderings of the enum)
//! 8    created_at_ms
//! 1    0 = no expiry, 1 = expiry follows
//! 8    expires_at_ms (only when the flag is 1)
//! 4    n, length of the original
//! n    original, UTF-8
//! 4    m, length of the surrogate
//! m    surrogate, UTF-8
//! ```
//! Entries are authenticated before they are decoded, so a decoding error means a bug or a
//! future version, never an attacker: it is reported as [`ErrorKind::InvalidEntry`].

use std::fmt;

use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Error, ErrorKind};
use crate::Label;

/// The entry encoding version this build writes and reads.
const ENTRY_VERSION: u8 = 1;

/// One mapping: `original` was replaced by `surrogate`. Its strings are wiped when dropped, and
/// its `Debug` shows neither.
///
/// NOTE: it implements serde's traits so the binding layer can hand entries to the page's own
/// code; serializing one writes the original in the clear, so never serialize it into a log or
/// into storage (the vault stores only the sealed form).
///
/// ```
/// use phiscrub::{vault::MappingEntry, Label};
/// let e = MappingEntry {
///     label: Label::Name,
///     original: "Ana Example".into(),
///     surrogate: "Mia Sample".into(),
///     created_at_ms: 1_700_000_000_000,
///     expires_at_ms: None,
/// };
/// assert!(!format!("{e:?}").contains("Ana"));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct MappingEntry {
    /// The kind of identifier.
    #[zeroize(skip)]
    pub label: Label,
    /// The identifier as it appeared in the text.
    pub original: String,
    /// The replacement issued for it.
    pub surrogate: String,
    /// When the mapping was made, in milliseconds since the Unix epoch (the caller's clock).
    pub created_at_ms: u64,
    /// When the mapping stops being returned, in milliseconds since the Unix epoch; `None` keeps
    /// it until the vault is forgotten.
    pub expires_at_ms: Option<u64>,
}

impl MappingEntry {
    /// Whether the entry has expired at `now_ms` (an expiry equal to `now_ms` has expired).
    pub fn is_expired(&self, now_ms: u64) -> bool {
        self.expires_at_ms.is_some_and(|at| at <= now_ms)
    }

    /// The payload encoding (see the module docs); wiped when dropped.
    pub(crate) fn encode(&self) -> Zeroizing<Vec<u8>> {
        let label = self.label.as_str().as_bytes();
        let len = 2
            + label.len()
            + 8
            + 1
            + if self.expires_at_ms.is_some() { 8 } else { 0 }
            + 4
            + self.original.len()
            + 4
            + self.surrogate.len();
        let mut out = Zeroizing::new(Vec::with_capacity(len));
        out.push(ENTRY_VERSION);
        // Label names are short ASCII constants.
        out.push(label.len() as u8);
        out.extend_from_slice(label);
        out.extend_from_slice(&self.created_at_ms.to_le_bytes());
        match self.expires_at_ms {
            Some(at) => {
                out.push(1);
                out.extend_from_slice(&at.to_le_bytes());
            }
            None => out.push(0),
        }
        for s in [&self.original, &self.surrogate] {
            // A string over 4 GiB cannot reach here: the detector refuses such inputs long before.
            let n = u32::try_from(s.len()).unwrap_or(u32::MAX);
            out.extend_from_slice(&n.to_le_bytes());
            out.extend_from_slice(&s.as_bytes()[..n as usize]);
        }
        debug_assert_eq!(out.len(), len, "exact capacity, no reallocation");
        out
    }

    /// Decodes a payload written by [`MappingEntry::encode`].
    pub(crate) fn decode(bytes: &[u8]) -> Result<MappingEntry, Error> {
        let mut r = Reader { bytes };
        let version = r.u8()?;
        if version != ENTRY_VERSION {
            return Err(Error::new(ErrorKind::UnsupportedVersion { version }));
        }
        let label_len = r.u8()? as usize;
        let label = std::str::from_utf8(r.take(label_len)?)
            .ok()
            .and_then(|s| s.parse::<Label>().ok())
            .ok_or(Error::new(ErrorKind::InvalidEntry))?;
        let created_at_ms = r.u64()?;
        let expires_at_ms = match r.u8()? {
            0 => None,
            1 => Some(r.u64()?),
            _ => return Err(Error::new(ErrorKind::InvalidEntry)),
        };
        let mut original = r.string()?;
        let mut surrogate = r.string()?;
        if !r.bytes.is_empty() {
            return Err(Error::new(ErrorKind::InvalidEntry));
        }
        Ok(MappingEntry {
            label,
            original: std::mem::take(&mut *original),
            surrogate: std::mem::take(&mut *surrogate),
            created_at_ms,
            expires_at_ms,
        })
    }
}

impl fmt::Debug for MappingEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MappingEntry")
            .field("label", &self.label)
            .field("original", &format_args!(".."))
            .field("surrogate", &format_args!(".."))
            .field("created_at_ms", &self.created_at_ms)
            .field("expires_at_ms", &self.expires_at_ms)
            .finish()
    }
}

/// A cursor over a payload; every shortfall is [`ErrorKind::InvalidEntry`].
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if self.bytes.len() < n {
            return Err(Error::new(ErrorKind::InvalidEntry));
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }

    fn u64(&mut self) -> Result<u64, Error> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    /// A length-prefixed UTF-8 string, wiped if decoding fails later.
    fn string(&mut self) -> Result<Zeroizing<String>, Error> {
        let n = self.take(4)?;
        let n = u32::from_le_bytes(n.try_into().expect("4 bytes")) as usize;
        let s =
            std::str::from_utf8(self.take(n)?).map_err(|_| Error::new(ErrorKind::InvalidEntry))?;
        Ok(Zeroizing::new(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(expires: Option<u64>) -> MappingEntry {
        MappingEntry {
            label: Label::HealthPlan,
            original: "Ünïcode Exämple 555-0142".into(),
            surrogate: "".into(),
            created_at_ms: 1_700_000_000_123,
            expires_at_ms: expires,
        }
    }

    #[test]
    fn round_trip() {
        for e in [entry(None), entry(Some(0)), entry(Some(u64::MAX))] {
            let bytes = e.encode();
            assert_eq!(MappingEntry::decode(&bytes).unwrap(), e);
        }
    }

    #[test]
    fn every_truncation_and_extension_is_refused() {
        let bytes = entry(Some(5)).encode();
        for len in 0..bytes.len() {
            assert!(MappingEntry::decode(&bytes[..len]).is_err(), "length {len}");
        }
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert_eq!(MappingEntry::decode(&longer).unwrap_err().kind(), &ErrorKind::InvalidEntry);
    }

    #[test]
    fn bad_fields_are_refused() {
        let bytes = entry(None).encode();
        let mut v = bytes.to_vec();
        v[0] = 2;
        assert_eq!(
            MappingEntry::decode(&v).unwrap_err().kind(),
            &ErrorKind::UnsupportedVersion { version: 2 }
        );
        let mut v = bytes.to_vec();
        v[2] = b'X'; // "XEALTH_PLAN"
        assert_eq!(MappingEntry::decode(&v).unwrap_err().kind(), &ErrorKind::InvalidEntry);
        let mut v = bytes.to_vec();
        v[2 + 11 + 8] = 7; // expiry flag
        assert_eq!(MappingEntry::decode(&v).unwrap_err().kind(), &ErrorKind::InvalidEntry);
    }

    #[test]
    fn expiry_is_inclusive() {
        assert!(!entry(None).is_expired(u64::MAX));
        assert!(!entry(Some(10)).is_expired(9));
        assert!(entry(Some(10)).is_expired(10));
    }

    #[test]
    fn debug_hides_strings() {
        let dbg = format!("{:?}", entry(Some(3)));
        assert!(!dbg.contains("Exämple") && !dbg.contains("555"), "{dbg}");
        assert!(dbg.contains("HealthPlan"));
    }
}
