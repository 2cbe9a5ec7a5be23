//! Hostile stored bytes: vault headers, sealed records (arbitrary, or valid ones with bytes
//! changed), decrypted entries and vault files. Nothing panics; a header that parses writes back
//! to the same bytes; a record opens only when it is byte for byte one the vault sealed, and then
//! to the entry sealed; every item given is accounted for (entry, error or duplicate).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use phiscrub::vault::{KeySource, MappingEntry, VaultCore, VaultHeader, VaultKey};
use phiscrub::{ErrorKind, Label};

struct Fixed {
    core: VaultCore,
    sealed: Vec<(Vec<u8>, MappingEntry)>,
}

fn fixed() -> &'static Fixed {
    static F: OnceLock<Fixed> = OnceLock::new();
    F.get_or_init(|| {
        let core = VaultCore::create(&KeySource::Key(VaultKey::from_bytes([5; 32]))).unwrap();
        let sealed = (0..3u64)
            .map(|i| {
                let entry = MappingEntry {
                    label: Label::Phone,
                    original: format!("(312) 201-334{i}"),
                    surrogate: format!("(555) 201-01{i:02}"),
                    created_at_ms: 1_000 + i,
                    expires_at_ms: (i == 2).then_some(u64::MAX),
                };
                (core.seal(&entry).unwrap().into_bytes(), entry)
            })
            .collect();
        Fixed { core, sealed }
    })
}

fn same(a: &MappingEntry, b: &MappingEntry) -> bool {
    a.label == b.label
        && a.original == b.original
        && a.surrogate == b.surrogate
        && a.created_at_ms == b.created_at_ms
        && a.expires_at_ms == b.expires_at_ms
}

fn open_all(f: &Fixed, items: Vec<Vec<u8>>) {
    let n = items.len();
    let genuine: Vec<bool> = items.iter().map(|b| f.sealed.iter().any(|(s, _)| s == b)).collect();
    let read = f.core.open_records(items.iter().cloned().map(Ok).collect(), 0).unwrap();
    let distinct_genuine = {
        let mut g: Vec<&Vec<u8>> = items.iter().zip(&genuine).filter(|(_, g)| **g).map(|(b, _)| b).collect();
        g.sort();
        g.dedup();
        g.len()
    };
    assert_eq!(read.entries.len() + read.expired, distinct_genuine, "only sealed records open");
    assert_eq!(read.errors.len(), genuine.iter().filter(|g| !**g).count(), "every other item is an error");
    assert!(read.entries.len() + read.expired + read.errors.len() <= n);
    for e in &read.entries {
        assert!(f.sealed.iter().any(|(_, s)| same(s, e)), "an entry nobody sealed");
    }
    for e in &read.errors {
        assert!(matches!(
            e.error.kind(),
            ErrorKind::Tampered | ErrorKind::Truncated | ErrorKind::UnsupportedVersion { .. }
        ));
    }
}

fuzz_target!(|data: &[u8]| {
    let f = fixed();
    let Some((&mode, rest)) = data.split_first() else { return };
    match mode % 5 {
        0 => {
            if let Ok(h) = VaultHeader::from_bytes(rest) {
                assert_eq!(h.to_bytes(), rest, "a parsed header writes back to the same bytes");
            }
            // A raw key never runs a KDF, so a hostile header costs nothing here.
            match VaultCore::unlock(rest, &KeySource::Key(VaultKey::from_bytes([5; 32]))) {
                Ok(_) => assert_eq!(rest, f.core.header().to_bytes(), "only our header unlocks"),
                Err(e) => assert_ne!(e.kind(), &ErrorKind::InvalidEntry),
            }
        }
        1 => {
            // Arbitrary records, split at 0xFF 0xFF; a lone 0x00 byte stands for a genuine one.
            let items = rest
                .split(|&b| b == 0xFF)
                .map(|part| match part {
                    [0] => f.sealed[0].0.clone(),
                    [0, k] => f.sealed[usize::from(*k) % 3].0.clone(),
                    p => p.to_vec(),
                })
                .collect();
            open_all(f, items);
        }
        2 => {
            // A genuine record with bytes xor-ed in at positions the input picks, or cut short.
            let Some((&which, edits)) = rest.split_first() else { return };
            let mut bytes = f.sealed[usize::from(which) % 3].0.clone();
            for e in edits.chunks_exact(2) {
                if e[0] == 0xFF {
                    bytes.truncate(usize::from(e[1]));
                } else if !bytes.is_empty() {
                    let i = usize::from(e[0]) % bytes.len();
                    bytes[i] ^= e[1];
                }
            }
            open_all(f, vec![bytes, f.sealed[1].0.clone()]);
        }
        3 => {
            let _ = phiscrub::fuzzing::decode_entry(rest);
        }
        _ => {
            if let Ok((header, items)) = phiscrub::fuzzing::parse_vault_file(rest) {
                assert!(header.len() <= rest.len());
                let total: usize = items.iter().flatten().map(Vec::len).sum();
                assert!(total <= rest.len(), "frames come from the file");
            }
        }
    }
});
