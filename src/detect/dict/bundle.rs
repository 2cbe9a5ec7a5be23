//! The dictionary file: every list of [`super::lists::NAMES`] in one versioned, checksummed
//! binary, which the wasm build loads at run time instead of embedding the lists.
//!
//! Layout (format version 1; integers little-endian), written by `build.rs`:
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `PHISDICT` |
//! | 4 | format version (`u32`), 1 |
//! | 4 | list count `n` (`u32`) |
//! | per list, `n` times | name length (`u8`), name (ASCII, the file stem under `data/dict/`), text length (`u32`) |
//! | the lengths' sum | the lists' texts (UTF-8, exactly the `data/dict/*.txt` files), concatenated in order |
//! | 8 | checksum (`u64`) of every byte before it: `checksum` in `lists.rs` |
//!
//! The texts are stored as they are, so the file gzips like the lists (a server or CDN may
//! compress it in transit). A wasm build accepts only the file of its own build: besides the
//! trailing checksum matching the bytes, it must equal the checksum `build.rs` computed when the
//! wasm was built, so a stale file next to a newer wasm is refused rather than used.

use std::ops::Range;

use super::lists::{checksum, COUNT, FORMAT_VERSION, MAGIC, NAMES};
use crate::{Error, ErrorKind};

/// The checksum of the dictionary file `build.rs` packed for this build.
pub(crate) const BUILD_SUM: &[u8; 8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/phiscrub-dict.sum"));

/// Checks `bytes` is a dictionary file of this build and returns where each list's text is.
///
/// `expected` is the checksum the file must have ([`BUILD_SUM`] outside tests).
pub(crate) fn parse(bytes: &[u8], expected: &[u8; 8]) -> Result<[Range<usize>; COUNT], Error> {
    let corrupt = |reason| Error::new(ErrorKind::DictionaryCorrupt { reason });
    let body_len = bytes.len().checked_sub(8).ok_or(corrupt("shorter than its header"))?;
    let (body, sum) = bytes.split_at(body_len);
    if !body.starts_with(MAGIC) {
        return Err(corrupt("not a phiscrub dictionary file"));
    }
    let mut at = MAGIC.len();
    let version = read_u32(body, &mut at).ok_or(corrupt("shorter than its header"))?;
    if version != FORMAT_VERSION {
        return Err(corrupt("unsupported format version"));
    }
    // NOTE: the checksum before the layout, so damage anywhere past the version reads as a
    // checksum mismatch rather than as whichever field it happened to hit.
    let digest = checksum(body).to_le_bytes();
    if digest != sum {
        return Err(corrupt("checksum mismatch"));
    }
    if &digest != expected {
        return Err(corrupt("made by another build than this wasm module"));
    }
    let count = read_u32(body, &mut at).ok_or(corrupt("shorter than its header"))?;
    if count as usize != COUNT {
        return Err(corrupt("unexpected list count"));
    }
    let mut lens = [0; COUNT];
    for (name, len) in NAMES.iter().zip(&mut lens) {
        let n = usize::from(*body.get(at).ok_or(corrupt("shorter than its header"))?);
        if body.get(at + 1..at + 1 + n) != Some(name.as_bytes()) {
            return Err(corrupt("unexpected list name"));
        }
        at += 1 + n;
        *len = read_u32(body, &mut at).ok_or(corrupt("shorter than its header"))? as usize;
    }
    let mut ranges: [Range<usize>; COUNT] = Default::default();
    for (range, len) in ranges.iter_mut().zip(lens) {
        let end = at.checked_add(len).filter(|&e| e <= body.len());
        let end = end.ok_or(corrupt("list longer than the file"))?;
        if std::str::from_utf8(&body[at..end]).is_err() {
            return Err(corrupt("list is not UTF-8"));
        }
        *range = at..end;
        at = end;
    }
    if at != body.len() {
        return Err(corrupt("bytes after the last list"));
    }
    Ok(ranges)
}

/// Reads a little-endian `u32` at `*at` and moves past it.
fn read_u32(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let b = bytes.get(*at..*at + 4)?;
    *at += 4;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The loaded lists of the wasm build, set once by [`load`].
#[cfg(target_arch = "wasm32")]
static LOADED: std::sync::OnceLock<[&'static str; COUNT]> = std::sync::OnceLock::new();

/// Loads the dictionary file `bytes` (checked by [`parse`]) for every detector and surrogate
/// engine of this module instance. Loading again is allowed and keeps the lists already loaded
/// once `bytes` is checked (a page may open several scrubbers).
#[cfg(target_arch = "wasm32")]
pub(crate) fn load(bytes: Vec<u8>) -> Result<(), Error> {
    let ranges = parse(&bytes, BUILD_SUM)?;
    if LOADED.get().is_some() {
        return Ok(());
    }
    // NOTE: leaked on purpose: the lists live as long as the module, as embedded ones would,
    // and lookups hand out `&'static str` keys (surrogates) from them.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let texts = ranges.map(|r| std::str::from_utf8(&bytes[r]).unwrap_or(""));
    let _ = LOADED.set(texts);
    Ok(())
}

/// The text of list `id`; empty before [`load`] (callers refuse to start then: see
/// [`super::dictionaries_ready`]).
#[cfg(target_arch = "wasm32")]
pub(crate) fn text(id: usize) -> &'static str {
    LOADED.get().map_or("", |t| t[id])
}

/// Whether [`load`] has succeeded.
#[cfg(target_arch = "wasm32")]
pub(crate) fn loaded() -> bool {
    LOADED.get().is_some()
}
