//! The encrypted vault: the mapping from each original identifier to its surrogate, sealed record
//! by record with AES-256-GCM, so re-identification never needs the mapping in the clear outside
//! this process.
//!
//! - [`key`]: where the key comes from (raw host key, passphrase, ephemeral) and its subkeys.
//! - [`record`]: the sealed record layout and its authenticated encryption.
//! - [`entry`]: the payload of a record, one [`MappingEntry`].
//! - [`header`]: the plain header stored beside the records.
//! - [`store`]: the [`RecordStore`] trait, [`MemoryStore`] and the CLI's [`FileStore`].
//! - [`VaultCore`]: everything but storage, for asynchronous stores (IndexedDB);
//!   [`Vault`]: a `VaultCore` over a synchronous [`RecordStore`].
//!
//! ```
//! use phiscrub::vault::{KeySource, MappingEntry, MemoryStore, Vault, VaultKey};
//! use phiscrub::Label;
//!
//! let key = || KeySource::Key(VaultKey::from_bytes([42; 32]));
//! let mut vault = Vault::open(MemoryStore::new(), key())?;
//! vault.insert(&MappingEntry {
//!     label: Label::Phone,
//!     original: "555-201-3344".into(),
//!     surrogate: "555-0142".into(),
//!     created_at_ms: 1_000,
//!     expires_at_ms: Some(61_000),
//! })?;
//!
//! // Reopen the same store with the same key.
//! let vault = Vault::open(vault.into_store(), key())?;
//! let read = vault.entries(2_000)?;
//! assert!(read.errors.is_empty());
//! assert_eq!(read.entries[0].surrogate, "555-0142");
//! // After its expiry the entry is no longer returned.
//! assert!(vault.entries(61_000)?.entries.is_empty());
//! # Ok::<(), phiscrub::Error>(())
//! ```
//!
//! # Guarantees
//! - No plaintext original or surrogate is ever handed to a store; payload buffers are wiped
//!   after sealing and after decoding, and keys are wiped when dropped.
//! - A wrong key is a typed [`ErrorKind::WrongKey`] at [`Vault::open`], found from the header's
//!   key check without decrypting any record.
//! - A damaged, truncated, moved or foreign record is reported in [`Entries::errors`]; every
//!   other record is still returned.
//! - [`Vault::forget`] deletes every record and the header and wipes the key (crypto-shredding).
//!   With a raw host key, the host must also destroy its copy: the key is what makes old copies
//!   of the records (backups, SSD remnants) unreadable.
//!
//! Time is always passed in (`now_ms`), since `std::time` does not exist in the browser's wasm32.

use std::collections::HashSet;
use std::fmt;

use crate::error::{Error, ErrorKind};

pub mod claim;
pub mod entry;
pub mod header;
pub(crate) mod id;
pub mod key;
pub mod record;
pub mod store;

pub use claim::{Claim, ClaimKind};
pub use entry::MappingEntry;
pub use header::{Kdf, VaultHeader, HEADER_FORMAT_VERSION};
pub use id::{RecordId, VaultId};
pub(crate) use key::fill_random;
pub use key::{KeySource, Passphrase, Pbkdf2Params, VaultKey};
pub use record::SealedRecord;
pub use store::{FileStore, MemoryStore, RecordStore, StoredRecords};

use claim::ClaimTagger;
use key::Subkeys;
use record::RecordCipher;

/// The vault without storage: the header and the record key, which seal entries and open stored
/// records. [`Vault`] pairs it with a synchronous [`RecordStore`].
///
/// NOTE: this is the API for stores that cannot be synchronous, IndexedDB above all: the binding
/// layer reads the header and records itself (asynchronously), hands them to
/// [`VaultCore::unlock`] and [`VaultCore::open_records`], and writes what
/// [`VaultCore::create`] and [`VaultCore::seal`] produce, honouring the [`RecordStore`]
/// contract (header added only if absent, records durable before success is reported).
pub struct VaultCore {
    header: VaultHeader,
    date_offset: i64,
    /// `None` once the vault is forgotten; dropping it wipes the key schedule.
    cipher: Option<RecordCipher>,
    /// The claim-tag key (see [`claim`]); `None` once the vault is forgotten.
    tagger: Option<ClaimTagger>,
}

impl VaultCore {
    /// A new vault (fresh vault id, and fresh salt for a passphrase). Store
    /// `core.header().to_bytes()` before sealing anything: records are unreadable without it.
    pub fn create(source: &KeySource) -> Result<VaultCore, Error> {
        let vault_id = VaultId::generate()?;
        let kdf = match source {
            KeySource::Key(_) => Kdf::RawKey,
            KeySource::Passphrase(p) => Kdf::Pbkdf2Sha256(p.new_params()?),
        };
        let subkeys = subkeys(source, &kdf, &vault_id)?;
        let header = VaultHeader {
            format_version: HEADER_FORMAT_VERSION,
            vault_id,
            kdf,
            key_check: subkeys.key_check,
        };
        let date_offset = subkeys.date_offset;
        let cipher = Some(RecordCipher::new(&subkeys, vault_id));
        Ok(VaultCore { header, date_offset, cipher, tagger: Some(ClaimTagger::new(&subkeys)) })
    }

    /// Opens the vault whose stored header is `header`.
    ///
    /// Errors: [`ErrorKind::WrongKey`] if the key does not match the header's key check (no
    /// record is decrypted to find out), [`ErrorKind::KeySourceMismatch`] if the vault wants the
    /// other kind of key, and the header's parse errors.
    pub fn unlock(header: &[u8], source: &KeySource) -> Result<VaultCore, Error> {
        let header = VaultHeader::from_bytes(header)?;
        let subkeys = subkeys(source, &header.kdf, &header.vault_id)?;
        if !subkeys.check_matches(&header.key_check) {
            return Err(Error::new(ErrorKind::WrongKey));
        }
        let cipher = Some(RecordCipher::new(&subkeys, header.vault_id));
        let tagger = Some(ClaimTagger::new(&subkeys));
        Ok(VaultCore { header, date_offset: subkeys.date_offset, cipher, tagger })
    }

    /// The vault's header (nothing in it is secret).
    pub fn header(&self) -> &VaultHeader {
        &self.header
    }

    /// The number of days every date of this vault is shifted by: never 0, within +-365,
    /// derived from the vault's key (so it is random, and the same in every session).
    pub fn date_offset(&self) -> i64 {
        self.date_offset
    }

    /// Seals `entry` under a new random record id (see [`SealedRecord::record_id`]). The
    /// encoded plaintext is wiped before this returns.
    pub fn seal(&self, entry: &MappingEntry) -> Result<SealedRecord, Error> {
        let cipher = self.cipher.as_ref().ok_or(Error::new(ErrorKind::Forgotten))?;
        let payload = entry.encode();
        cipher.seal_new(&payload)
    }

    /// The claims to store with `entry`'s record, in the same transaction, when several pages
    /// may write this vault at once (see [`claim`]): keyed tags only, never a value.
    pub fn claims(&self, entry: &MappingEntry) -> Result<Vec<Claim>, Error> {
        let tagger = self.tagger.as_ref().ok_or(Error::new(ErrorKind::Forgotten))?;
        Ok(tagger.claims(entry))
    }

    /// Opens stored records: the entries live at `now_ms` (milliseconds since the Unix epoch,
    /// from the caller's clock), and one error per item that could not be read.
    ///
    /// A record given twice (a retried put, two stores merged) is returned once.
    pub fn open_records(&self, items: StoredRecords, now_ms: u64) -> Result<Entries, Error> {
        let cipher = self.cipher.as_ref().ok_or(Error::new(ErrorKind::Forgotten))?;
        let mut out = Entries::default();
        let mut seen = HashSet::new();
        let mut live = Vec::new();
        for item in items {
            let bytes = match item {
                Ok(bytes) => bytes,
                Err(error) => {
                    out.errors.push(RecordError { record_id: None, error });
                    continue;
                }
            };
            let record_id = (bytes.len() >= 17)
                .then(|| RecordId::from_bytes(bytes[1..17].try_into().expect("16 bytes")));
            let opened = SealedRecord::from_bytes(bytes).and_then(|sealed| {
                let plain = cipher.open(&sealed)?;
                Ok((sealed.record_id(), MappingEntry::decode(&plain)?))
            });
            match opened {
                Ok((id, entry)) => {
                    // Authenticated, so the id is genuine and a duplicate is the same record.
                    if !seen.insert(id) {
                        continue;
                    }
                    if entry.is_expired(now_ms) {
                        out.expired += 1;
                    } else {
                        live.push((id, entry));
                    }
                }
                Err(error) => out.errors.push(RecordError { record_id, error }),
            }
        }
        // NOTE: a stable sort: entries made in the same millisecond keep the store's order (the
        // order they were written in, for the memory and file stores), so a session restores
        // its pairs in the order they were issued.
        live.sort_by_key(|(_, e)| e.created_at_ms);
        (out.record_ids, out.entries) = live.into_iter().unzip();
        Ok(out)
    }

    /// Wipes the key; every later call fails with [`ErrorKind::Forgotten`]. Deleting the stored
    /// header and records is the caller's part of crypto-shredding.
    pub fn forget(&mut self) {
        self.cipher = None;
        self.tagger = None;
    }

    /// Whether [`VaultCore::forget`] was called.
    pub fn is_forgotten(&self) -> bool {
        self.cipher.is_none()
    }
}

impl fmt::Debug for VaultCore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VaultCore")
            .field("vault_id", &self.header.vault_id)
            .field("forgotten", &self.is_forgotten())
            .finish_non_exhaustive()
    }
}

/// An open vault over a synchronous store `S` (memory, or a file for the CLI).
pub struct Vault<S: RecordStore> {
    store: S,
    core: VaultCore,
}

/// What [`Vault::entries`] read.
#[derive(Debug, Default)]
pub struct Entries {
    /// The live entries, oldest first (by `created_at_ms`, then record id).
    pub entries: Vec<MappingEntry>,
    /// The record id of each entry, in the same order.
    pub record_ids: Vec<RecordId>,
    /// The items that could not be read, one per damaged record or stretch of storage.
    pub errors: Vec<RecordError>,
    /// How many intact entries were left out because they had expired.
    pub expired: usize,
}

/// One record the vault could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// The record's id, when its bytes were long enough to hold one (it is unauthenticated:
    /// a damaged record may show a damaged id).
    pub record_id: Option<RecordId>,
    /// Why: [`ErrorKind::Tampered`], [`ErrorKind::Truncated`],
    /// [`ErrorKind::UnsupportedVersion`] or [`ErrorKind::InvalidEntry`].
    pub error: Error,
}

impl Vault<MemoryStore> {
    /// A vault in memory under a fresh random key: gone when dropped, nothing can reopen it.
    pub fn ephemeral() -> Result<Vault<MemoryStore>, Error> {
        Vault::open(MemoryStore::new(), KeySource::Key(VaultKey::generate()?))
    }
}

impl<S: RecordStore> Vault<S> {
    /// Opens the vault in `store`, or creates it there if the store holds none.
    ///
    /// Errors: those of [`VaultCore::unlock`] ([`ErrorKind::WrongKey`] above all) and the
    /// store's. The key source is wiped when this returns.
    pub fn open(mut store: S, source: KeySource) -> Result<Vault<S>, Error> {
        if let Some(header) = store.header()? {
            let core = VaultCore::unlock(&header, &source)?;
            return Ok(Vault { store, core });
        }
        let core = VaultCore::create(&source)?;
        let ours = core.header().to_bytes();
        let placed = store.init_header(&ours)?;
        if placed != ours {
            // Another writer created the vault first: use its header, as it does.
            let core = VaultCore::unlock(&placed, &source)?;
            return Ok(Vault { store, core });
        }
        Ok(Vault { store, core })
    }

    /// The vault's header (nothing in it is secret).
    pub fn header(&self) -> &VaultHeader {
        self.core.header()
    }

    /// The vault's date offset (see [`VaultCore::date_offset`]).
    pub fn date_offset(&self) -> i64 {
        self.core.date_offset()
    }

    /// The vault's id.
    pub fn vault_id(&self) -> VaultId {
        self.core.header().vault_id
    }

    /// The store, which holds only sealed records and the header.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Closes the vault (wiping its key) and gives the store back.
    pub fn into_store(self) -> S {
        self.store
    }

    /// Seals `entry` and stores it durably; returns its new record id.
    ///
    /// NOTE: callers must treat an error as "not stored" and fail closed: a scrubbed text whose
    /// mapping could not be stored must not be released, or its surrogates could never be
    /// restored.
    pub fn insert(&mut self, entry: &MappingEntry) -> Result<RecordId, Error> {
        let sealed = self.core.seal(entry)?;
        self.store.put(&sealed)?;
        Ok(sealed.record_id())
    }

    /// Reads and decrypts every record: the entries live at `now_ms` (milliseconds since the
    /// Unix epoch, from the caller's clock), and one error per record that could not be read
    /// (see [`VaultCore::open_records`]).
    ///
    /// The call fails as a whole only if the store cannot be read at all or the vault was
    /// forgotten.
    pub fn entries(&self, now_ms: u64) -> Result<Entries, Error> {
        if self.core.is_forgotten() {
            return Err(Error::new(ErrorKind::Forgotten));
        }
        self.core.open_records(self.store.get_all()?, now_ms)
    }

    /// Destroys the vault: wipes the key, then deletes every record and the header from the
    /// store. The vault can no longer be used ([`ErrorKind::Forgotten`]), even if deleting
    /// failed (that error is returned; the records left are unreadable without the key).
    pub fn forget(&mut self) -> Result<(), Error> {
        self.core.forget();
        self.store.delete_all()
    }

    /// Whether [`Vault::forget`] was called.
    pub fn is_forgotten(&self) -> bool {
        self.core.is_forgotten()
    }
}

impl<S: RecordStore> fmt::Debug for Vault<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vault")
            .field("vault_id", &self.core.header().vault_id)
            .field("forgotten", &self.is_forgotten())
            .finish_non_exhaustive()
    }
}

/// The subkeys `source` gives for a vault with this KDF and id.
fn subkeys(source: &KeySource, kdf: &Kdf, vault_id: &VaultId) -> Result<Subkeys, Error> {
    match (source, kdf) {
        (KeySource::Key(key), Kdf::RawKey) => Ok(key.derive(vault_id.as_bytes())),
        (KeySource::Passphrase(pass), Kdf::Pbkdf2Sha256(params)) => {
            // The master key is wiped when it goes out of scope here.
            Ok(VaultKey::from_passphrase(pass, params).derive(vault_id.as_bytes()))
        }
        _ => Err(Error::new(ErrorKind::KeySourceMismatch)),
    }
}

#[cfg(test)]
mod tests;
