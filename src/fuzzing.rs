//! Entry points for the fuzz targets to parsers that are otherwise reached only after
//! authentication (a decrypted entry) or through the file system (a vault file).

use crate::vault::{MappingEntry, StoredRecords};
use crate::Error;

/// Decodes a decrypted mapping entry, and checks that a decoded entry encodes back to the
/// same bytes (the encoding is canonical, so a second reading cannot differ).
pub fn decode_entry(bytes: &[u8]) -> Result<MappingEntry, Error> {
    let entry = MappingEntry::decode(bytes)?;
    assert_eq!(entry.encode().as_slice(), bytes, "entry encoding is canonical");
    Ok(entry)
}

/// Parses a vault file's bytes: its header, and the records after it.
pub fn parse_vault_file(data: &[u8]) -> Result<(Vec<u8>, StoredRecords), Error> {
    crate::vault::store::parse_file(data)
}

/// The spans of `text` the re-identifier never restores inside (tags, link targets, URLs): a
/// surrogate the scrubber had to place there stays in the answer by design.
pub fn no_restore_zones(text: &str) -> Vec<(usize, usize)> {
    crate::reidentify::zones(text)
}
