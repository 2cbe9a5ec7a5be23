//! Where sealed records live: a trait, an in-memory store and a single-file store for the CLI.
//!
//! NOTE: stores only ever see sealed bytes and the plain header. They never decrypt, and they do
//! not parse records: a damaged record is handed to the vault, which reports it beside the good
//! ones. The IndexedDB store of the wasm binding implements this same trait.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind};
use crate::vault::key::fill_random;
use crate::vault::record::SealedRecord;

/// Every item a store holds: the bytes of one record, or the error of one unreadable item
/// (a torn or damaged frame), so one bad item never hides the others.
pub type StoredRecords = Vec<Result<Vec<u8>, Error>>;

/// Storage for one vault: a plain header and append-only sealed records.
///
/// Contract for implementations:
/// - `put` is durable when it returns `Ok` (a crash afterwards loses nothing) and never replaces
///   or removes other records. Records are keyed by their random [`RecordId`](crate::vault::RecordId), so two writers
///   (two tabs, two processes) appending at once lose nothing; [`RecordStore::get_all`] may
///   return the same record twice (a retried put) and the vault keeps one.
/// - `init_header` stores the header only if none is there, atomically, and returns the header
///   in place afterwards: when two writers create one vault at once, both end up using the
///   winner's header.
/// - No method's error may carry a path, a key or stored bytes.
pub trait RecordStore {
    /// The stored header, or `None` if the vault does not exist yet.
    fn header(&self) -> Result<Option<Vec<u8>>, Error>;

    /// Stores `header` unless a header exists; returns the header now in place.
    fn init_header(&mut self, header: &[u8]) -> Result<Vec<u8>, Error>;

    /// Appends one sealed record durably.
    fn put(&mut self, record: &SealedRecord) -> Result<(), Error>;

    /// Every stored record, in any order.
    fn get_all(&self) -> Result<StoredRecords, Error>;

    /// Deletes the header and every record. Deleting a vault that does not exist succeeds.
    fn delete_all(&mut self) -> Result<(), Error>;
}

/// A store in memory: the ephemeral vault's, and the tests'.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    header: Option<Vec<u8>>,
    records: Vec<Vec<u8>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// The stored records' bytes, e.g. to check that no plaintext is in them.
    pub fn raw_records(&self) -> &[Vec<u8>] {
        &self.records
    }

    /// The stored records' bytes, mutable, to simulate tampering in tests.
    #[cfg(test)]
    pub(crate) fn raw_records_mut(&mut self) -> &mut Vec<Vec<u8>> {
        &mut self.records
    }
}

impl RecordStore for MemoryStore {
    fn header(&self) -> Result<Option<Vec<u8>>, Error> {
        Ok(self.header.clone())
    }

    fn init_header(&mut self, header: &[u8]) -> Result<Vec<u8>, Error> {
        Ok(self.header.get_or_insert_with(|| header.to_vec()).clone())
    }

    fn put(&mut self, record: &SealedRecord) -> Result<(), Error> {
        self.records.push(record.as_bytes().to_vec());
        Ok(())
    }

    fn get_all(&self) -> Result<StoredRecords, Error> {
        Ok(self.records.iter().cloned().map(Ok).collect())
    }

    fn delete_all(&mut self) -> Result<(), Error> {
        self.header = None;
        self.records.clear();
        Ok(())
    }
}

/// Marks a vault file.
const FILE_MAGIC: &[u8; 4] = b"PHSF";
/// The file layout version.
const FILE_VERSION: u8 = 1;
/// Starts every record frame; lets a reader find the next frame after a damaged one.
const FRAME_MAGIC: &[u8; 4] = b"\xF7REC";
/// Frame prefix: magic, length, check.
const FRAME_PREFIX: usize = 4 + 4 + 4;

/// A vault in one file, for the CLI: the header, then sealed records appended one frame each.
///
/// # File layout (version 1)
/// ```text
/// 4  "PHSF"      1  file version (1)      4  header length h, u32 LE      h  header
/// then any number of frames:
/// 4  F7 "REC"    4  record length n, u32 LE
/// 4  first 4 bytes of SHA-256(record), telling a torn or damaged frame from a whole one
/// n  sealed record
/// ```
///
/// # Durability and concurrency
/// The file is created whole or not at all: written to a temporary file, synced, then
/// hard-linked into place, which fails if another writer got there first (its header is then
/// used). A record is appended with a single `write` on a file opened in append mode, then
/// synced before `put` returns; the operating system serializes appends from several handles or
/// processes, so none overwrites another. A crash mid-append leaves at most one torn frame; the
/// reader reports it as one [`ErrorKind::Truncated`] item and finds the next frame by its magic,
/// so records appended by later runs are still read.
///
/// Each call opens the file anew, so several `FileStore`s (or processes) can share one path.
#[derive(Clone, Debug)]
pub struct FileStore {
    path: PathBuf,
}

impl FileStore {
    /// A store at `path`. Nothing is read or created until the vault is opened.
    pub fn new(path: impl Into<PathBuf>) -> FileStore {
        FileStore { path: path.into() }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole file, or `None` if it does not exist.
    fn read(&self) -> Result<Option<Vec<u8>>, Error> {
        let mut file = match File::open(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error("read", &e)),
        };
        let mut data = Vec::new();
        file.read_to_end(&mut data).map_err(|e| io_error("read", &e))?;
        Ok(Some(data))
    }

    /// Creates the file holding only `header`, unless the file exists. Returns whether it did.
    fn create(&self, header: &[u8]) -> Result<bool, Error> {
        let mut data = Vec::with_capacity(9 + header.len());
        data.extend_from_slice(FILE_MAGIC);
        data.push(FILE_VERSION);
        data.extend_from_slice(&len_u32(header.len())?.to_le_bytes());
        data.extend_from_slice(header);

        let mut suffix = [0u8; 8];
        fill_random(&mut suffix)?;
        let suffix: String = suffix.iter().map(|b| format!("{b:02x}")).collect();
        let mut tmp_name = self.path.file_name().unwrap_or_default().to_os_string();
        tmp_name.push(format!(".tmp-{suffix}"));
        let tmp = self.path.with_file_name(tmp_name);

        let written = (|| {
            let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
            file.write_all(&data)?;
            file.sync_all()
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(io_error("create", &e));
        }
        let linked = fs::hard_link(&tmp, &self.path);
        let _ = fs::remove_file(&tmp);
        match linked {
            Ok(()) => {
                sync_parent(&self.path);
                Ok(true)
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            // Some file systems cannot hard-link: fall back to an exclusive create, still safe
            // against a concurrent creator though not atomic against a crash mid-write.
            Err(_) => {
                let file = OpenOptions::new().write(true).create_new(true).open(&self.path);
                match file {
                    Ok(mut file) => {
                        file.write_all(&data)
                            .and_then(|()| file.sync_all())
                            .map_err(|e| io_error("create", &e))?;
                        sync_parent(&self.path);
                        Ok(true)
                    }
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
                    Err(e) => Err(io_error("create", &e)),
                }
            }
        }
    }
}

/// Splits a vault file into its header and the offset of its first frame.
fn split_file(data: &[u8]) -> Result<(&[u8], usize), Error> {
    if data.len() < 5 {
        return Err(Error::new(ErrorKind::Truncated));
    }
    if &data[..4] != FILE_MAGIC {
        return Err(Error::new(ErrorKind::InvalidHeader));
    }
    if data[4] != FILE_VERSION {
        return Err(Error::new(ErrorKind::UnsupportedVersion { version: data[4] }));
    }
    let len = data.get(5..9).ok_or(Error::new(ErrorKind::Truncated))?;
    let end = 9 + u32::from_le_bytes(len.try_into().expect("4 bytes")) as usize;
    let header = data.get(9..end).ok_or(Error::new(ErrorKind::Truncated))?;
    Ok((header, end))
}

/// A vault file's header and records, as [`FileStore`] reads them (for the fuzz targets).
#[cfg(fuzzing)]
pub(crate) fn parse_file(data: &[u8]) -> Result<(Vec<u8>, StoredRecords), Error> {
    let (header, first) = split_file(data)?;
    Ok((header.to_vec(), read_frames(data, first)))
}

/// The frames from `pos` on. A damaged stretch becomes one error item, and reading resumes at
/// the next frame magic after it.
fn read_frames(data: &[u8], mut pos: usize) -> StoredRecords {
    let mut out = Vec::new();
    while pos < data.len() {
        match frame_at(data, pos) {
            Ok((record, next)) => {
                out.push(Ok(record.to_vec()));
                pos = next;
            }
            Err(e) => {
                out.push(Err(e));
                pos = find_magic(data, pos + 1);
            }
        }
    }
    out
}

/// The whole, unaltered frame at `pos` and the offset after it.
fn frame_at(data: &[u8], pos: usize) -> Result<(&[u8], usize), Error> {
    let rest = &data[pos..];
    if !rest.starts_with(FRAME_MAGIC) {
        // Not a frame start: bytes altered, or garbage left by a torn write.
        return Err(Error::new(if FRAME_MAGIC.starts_with(rest) {
            ErrorKind::Truncated
        } else {
            ErrorKind::Tampered
        }));
    }
    let prefix = rest.get(..FRAME_PREFIX).ok_or(Error::new(ErrorKind::Truncated))?;
    let len = u32::from_le_bytes(prefix[4..8].try_into().expect("4 bytes")) as usize;
    let record =
        rest.get(FRAME_PREFIX..FRAME_PREFIX + len).ok_or(Error::new(ErrorKind::Truncated))?;
    if prefix[8..12] != frame_check(record) {
        return Err(Error::new(ErrorKind::Tampered));
    }
    Ok((record, pos + FRAME_PREFIX + len))
}

/// The offset of the next frame magic at or after `from`, or the end of `data`.
fn find_magic(data: &[u8], from: usize) -> usize {
    data.get(from..)
        .and_then(|rest| rest.windows(FRAME_MAGIC.len()).position(|w| w == FRAME_MAGIC))
        .map_or(data.len(), |i| from + i)
}

/// The check stored in a frame: a torn-write detector, not a security measure (the record's
/// own GCM tag is that).
fn frame_check(record: &[u8]) -> [u8; 4] {
    let digest = Sha256::digest(record);
    [digest[0], digest[1], digest[2], digest[3]]
}

impl RecordStore for FileStore {
    fn header(&self) -> Result<Option<Vec<u8>>, Error> {
        match self.read()? {
            None => Ok(None),
            Some(data) => Ok(Some(split_file(&data)?.0.to_vec())),
        }
    }

    fn init_header(&mut self, header: &[u8]) -> Result<Vec<u8>, Error> {
        if self.create(header)? {
            return Ok(header.to_vec());
        }
        self.header()?.ok_or(Error::new(ErrorKind::Storage { op: "read", io: None }))
    }

    fn put(&mut self, record: &SealedRecord) -> Result<(), Error> {
        let bytes = record.as_bytes();
        let mut frame = Vec::with_capacity(FRAME_PREFIX + bytes.len());
        frame.extend_from_slice(FRAME_MAGIC);
        frame.extend_from_slice(&len_u32(bytes.len())?.to_le_bytes());
        frame.extend_from_slice(&frame_check(bytes));
        frame.extend_from_slice(bytes);
        // NOTE: append mode without `create`: the file must already hold a header, so a record
        // can never land in a file that a concurrent `delete_all` removed.
        let mut file =
            OpenOptions::new().append(true).open(&self.path).map_err(|e| io_error("write", &e))?;
        file.write_all(&frame).map_err(|e| io_error("write", &e))?;
        file.sync_data().map_err(|e| io_error("sync", &e))
    }

    fn get_all(&self) -> Result<StoredRecords, Error> {
        let Some(data) = self.read()? else {
            return Ok(Vec::new());
        };
        let (_, first) = split_file(&data)?;
        Ok(read_frames(&data, first))
    }

    fn delete_all(&mut self) -> Result<(), Error> {
        match fs::remove_file(&self.path) {
            Ok(()) => {
                sync_parent(&self.path);
                Ok(())
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_error("delete", &e)),
        }
    }
}

/// A length as the u32 the layouts store.
fn len_u32(len: usize) -> Result<u32, Error> {
    u32::try_from(len)
        .map_err(|_| Error::new(ErrorKind::InputTooLarge { len, limit: u32::MAX as usize }))
}

/// A storage error keeping only the I/O error kind (an `io::Error` may name the path).
fn io_error(op: &'static str, e: &io::Error) -> Error {
    Error::new(ErrorKind::Storage { op, io: Some(e.kind()) })
}

/// Makes a created or removed directory entry durable, where the platform allows it.
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        // Best effort: the record data itself was synced; this only hardens the rename.
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Unit tests of the frame reader; the vault-level file tests are in `vault::tests`.
#[cfg(test)]
mod tests {
    use super::*;

    fn frame(record: &[u8]) -> Vec<u8> {
        let mut f = FRAME_MAGIC.to_vec();
        f.extend_from_slice(&(record.len() as u32).to_le_bytes());
        f.extend_from_slice(&frame_check(record));
        f.extend_from_slice(record);
        f
    }

    fn codes(items: &StoredRecords) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Ok(r) => String::from_utf8_lossy(r).into_owned(),
                Err(e) => e.code().to_owned(),
            })
            .collect()
    }

    #[test]
    fn frames_resync_after_a_torn_one() {
        let a = frame(b"first");
        let b = frame(b"second");
        let c = frame(b"third");
        for cut in 1..b.len() {
            // b torn by a crash at `cut`, then c appended by a later run.
            let data = [&a[..], &b[..cut], &c[..]].concat();
            let items = read_frames(&data, 0);
            let got = codes(&items);
            assert_eq!(got.first().map(String::as_str), Some("first"), "cut {cut}");
            assert_eq!(got.last().map(String::as_str), Some("third"), "cut {cut}");
            assert_eq!(got.len(), 3, "cut {cut}: {got:?}");
            assert!(got[1] == "truncated" || got[1] == "tampered", "cut {cut}: {got:?}");
        }
    }

    #[test]
    fn torn_tail_is_one_truncated_item() {
        let a = frame(b"first");
        let b = frame(b"second");
        for cut in 1..b.len() {
            let data = [&a[..], &b[..cut]].concat();
            assert_eq!(codes(&read_frames(&data, 0)), ["first", "truncated"], "cut {cut}");
        }
    }

    #[test]
    fn altered_frame_is_one_error() {
        let data = [frame(b"first"), frame(b"second"), frame(b"third")].concat();
        let second = frame(b"first").len();
        for i in second..second + frame(b"second").len() {
            let mut d = data.clone();
            d[i] ^= 0x20;
            let got = codes(&read_frames(&d, 0));
            assert_eq!(got.first().map(String::as_str), Some("first"), "byte {i}");
            assert_eq!(got.last().map(String::as_str), Some("third"), "byte {i}");
            assert!(!got.contains(&"second".to_owned()), "byte {i}: {got:?}");
        }
    }

    #[test]
    fn file_prefix_errors() {
        assert_eq!(split_file(b"PHS").unwrap_err().code(), "truncated");
        assert_eq!(split_file(b"XXXX\x01").unwrap_err().code(), "invalid_header");
        assert_eq!(split_file(b"PHSF\x09").unwrap_err().code(), "unsupported_version");
        assert_eq!(split_file(b"PHSF\x01\x05\x00\x00\x00abc").unwrap_err().code(), "truncated");
        assert_eq!(split_file(b"PHSF\x01\x03\x00\x00\x00abcREST").unwrap(), (&b"abc"[..], 12));
    }
}
