//! Vault-level tests: round trips, wrong keys, tampering, truncation, file durability and
//! concurrency, and the absence of plaintext and secrets where they must not be.

use std::path::PathBuf;
use std::sync::{Arc, Barrier};
use std::thread;

use super::*;
use crate::Label;

/// Synthetic originals; none may appear in stored bytes or in any `Debug` output.
const ORIGINALS: [&str; 4] =
    ["Marisol Testperson", "555-201-3344", "ana.sample@example.org", "MRN 00482913"];

fn entry(i: usize, expires_at_ms: Option<u64>) -> MappingEntry {
    MappingEntry {
        label: [Label::Name, Label::Phone, Label::Email, Label::Mrn][i % 4],
        original: ORIGINALS[i % 4].to_owned(),
        surrogate: format!("Surrogate-{i}"),
        created_at_ms: 1_000 + i as u64,
        expires_at_ms,
    }
}

fn key(byte: u8) -> KeySource {
    KeySource::Key(VaultKey::from_bytes([byte; 32]))
}

fn originals(read: &Entries) -> Vec<&str> {
    read.entries.iter().map(|e| e.original.as_str()).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("phiscrub-vault-{}", RecordId::generate().unwrap()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn file(&self) -> PathBuf {
        self.0.join("vault.phsv")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A memory vault holding entries 0..3, returned with its store.
fn three_records() -> MemoryStore {
    let mut vault = Vault::open(MemoryStore::new(), key(1)).unwrap();
    for i in 0..3 {
        vault.insert(&entry(i, None)).unwrap();
    }
    vault.into_store()
}

#[test]
fn round_trip_through_reopen() {
    let store = three_records();
    let vault = Vault::open(store, key(1)).unwrap();
    let read = vault.entries(0).unwrap();
    assert!(read.errors.is_empty());
    assert_eq!(read.expired, 0);
    assert_eq!(read.entries, (0..3).map(|i| entry(i, None)).collect::<Vec<_>>());
}

#[test]
fn ephemeral_vaults_round_trip_and_cannot_be_reopened() {
    let mut vault = Vault::ephemeral().unwrap();
    vault.insert(&entry(0, None)).unwrap();
    assert_eq!(originals(&vault.entries(0).unwrap()), [ORIGINALS[0]]);
    let store = vault.into_store();
    let err = Vault::open(store, KeySource::Key(VaultKey::generate().unwrap())).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::WrongKey);
}

#[test]
fn wrong_key_is_caught_up_front() {
    let err = Vault::open(three_records(), key(2)).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::WrongKey);
    assert_eq!(err.code(), "wrong_key");
}

#[test]
fn passphrase_vaults() {
    let pass = || KeySource::Passphrase(Passphrase::insecure_for_tests("correct horse"));
    let mut vault = Vault::open(MemoryStore::new(), pass()).unwrap();
    match &vault.header().kdf {
        Kdf::Pbkdf2Sha256(p) => assert_eq!(p.iterations(), key::TEST_ONLY_ITERATIONS),
        other => panic!("unexpected KDF {other:?}"),
    }
    vault.insert(&entry(0, None)).unwrap();
    let store = vault.into_store();

    let vault = Vault::open(store.clone(), pass()).unwrap();
    assert_eq!(originals(&vault.entries(0).unwrap()), [ORIGINALS[0]]);
    // The iteration count comes from the header, not from the passphrase's own setting.
    let same = KeySource::Passphrase(Passphrase::new("correct horse"));
    assert!(Vault::open(store.clone(), same).is_ok());

    let wrong = KeySource::Passphrase(Passphrase::insecure_for_tests("correct horse!"));
    assert_eq!(Vault::open(store.clone(), wrong).unwrap_err().kind(), &ErrorKind::WrongKey);
    assert_eq!(Vault::open(store, key(1)).unwrap_err().kind(), &ErrorKind::KeySourceMismatch);
    assert_eq!(Vault::open(three_records(), pass()).unwrap_err().code(), "key_source_mismatch");
}

#[test]
fn new_passphrase_vaults_use_the_enforced_minimum() {
    // Creating the header is cheap; deriving 600,000 iterations once is the cost of this test.
    let vault =
        Vault::open(MemoryStore::new(), KeySource::Passphrase(Passphrase::new("pw"))).unwrap();
    match &vault.header().kdf {
        Kdf::Pbkdf2Sha256(p) => assert_eq!(p.iterations(), key::MIN_PBKDF2_ITERATIONS),
        other => panic!("unexpected KDF {other:?}"),
    }
}

#[test]
fn every_flipped_byte_spares_the_other_records() {
    let store = three_records();
    let target = store.raw_records()[1].clone();
    for i in 0..target.len() {
        let mut store = store.clone();
        store.raw_records_mut()[1][i] ^= 0x04;
        let vault = Vault::open(store, key(1)).unwrap();
        let read = vault.entries(0).unwrap();
        assert_eq!(originals(&read), [ORIGINALS[0], ORIGINALS[2]], "byte {i}");
        assert_eq!(read.errors.len(), 1, "byte {i}");
        let want = if i == 0 { "unsupported_version" } else { "tampered" };
        assert_eq!(read.errors[0].error.code(), want, "byte {i}");
    }
}

#[test]
fn every_truncation_spares_the_other_records() {
    let store = three_records();
    let len = store.raw_records()[1].len();
    for cut in 0..len {
        let mut store = store.clone();
        store.raw_records_mut()[1].truncate(cut);
        let vault = Vault::open(store, key(1)).unwrap();
        let read = vault.entries(0).unwrap();
        assert_eq!(originals(&read), [ORIGINALS[0], ORIGINALS[2]], "cut {cut}");
        assert_eq!(read.errors.len(), 1, "cut {cut}");
        let want = if cut < record::MIN_SEALED_LEN { "truncated" } else { "tampered" };
        assert_eq!(read.errors[0].error.code(), want, "cut {cut}");
    }
}

#[test]
fn swapped_record_ids_are_rejected() {
    let mut store = three_records();
    let records = store.raw_records_mut();
    let (id0, id1) = (records[0][1..17].to_vec(), records[1][1..17].to_vec());
    records[0][1..17].copy_from_slice(&id1);
    records[1][1..17].copy_from_slice(&id0);
    let read = Vault::open(store, key(1)).unwrap().entries(0).unwrap();
    assert_eq!(originals(&read), [ORIGINALS[2]]);
    assert_eq!(read.errors.len(), 2);
    assert!(read.errors.iter().all(|e| e.error.kind() == &ErrorKind::Tampered));
    let ids: Vec<_> =
        read.errors.iter().map(|e| e.record_id.unwrap().as_bytes().to_vec()).collect();
    assert_eq!(ids, [id1, id0]);
}

#[test]
fn records_from_another_vault_are_rejected() {
    let mut other = Vault::open(MemoryStore::new(), key(1)).unwrap();
    other.insert(&entry(3, None)).unwrap();
    let foreign = other.store().raw_records()[0].clone();
    let mut store = three_records();
    store.raw_records_mut().push(foreign);
    let read = Vault::open(store, key(1)).unwrap().entries(0).unwrap();
    assert_eq!(read.entries.len(), 3);
    assert_eq!(read.errors.len(), 1);
    assert_eq!(read.errors[0].error.kind(), &ErrorKind::Tampered);
}

#[test]
fn duplicated_records_are_returned_once() {
    let mut store = three_records();
    let copy = store.raw_records()[2].clone();
    store.raw_records_mut().push(copy);
    let read = Vault::open(store, key(1)).unwrap().entries(0).unwrap();
    assert_eq!(originals(&read), &ORIGINALS[..3]);
    assert!(read.errors.is_empty());
}

#[test]
fn expired_entries_are_filtered_by_the_given_clock() {
    let mut vault = Vault::open(MemoryStore::new(), key(1)).unwrap();
    vault.insert(&entry(0, None)).unwrap();
    vault.insert(&entry(1, Some(5_000))).unwrap();
    vault.insert(&entry(2, Some(9_000))).unwrap();
    let at = |now| {
        let read = vault.entries(now).unwrap();
        (originals(&read).len(), read.expired)
    };
    assert_eq!(at(0), (3, 0));
    assert_eq!(at(4_999), (3, 0));
    assert_eq!(at(5_000), (2, 1));
    assert_eq!(at(9_000), (1, 2));
    assert_eq!(at(u64::MAX), (1, 2));
}

#[test]
fn forget_destroys_everything() {
    let mut vault = Vault::open(three_records(), key(1)).unwrap();
    vault.forget().unwrap();
    assert!(vault.is_forgotten());
    assert_eq!(vault.entries(0).unwrap_err().kind(), &ErrorKind::Forgotten);
    assert_eq!(vault.insert(&entry(0, None)).unwrap_err().code(), "forgotten");
    let store = vault.into_store();
    assert!(store.raw_records().is_empty());
    assert_eq!(store.header().unwrap(), None);
}

#[test]
fn file_vault_survives_reopen_and_later_runs_extend_it() {
    let dir = TempDir::new();
    let path = dir.file();
    let mut vault = Vault::open(FileStore::new(&path), key(7)).unwrap();
    vault.insert(&entry(0, None)).unwrap();
    let id = vault.vault_id();
    drop(vault);

    // A later run.
    let mut vault = Vault::open(FileStore::new(&path), key(7)).unwrap();
    assert_eq!(vault.vault_id(), id);
    vault.insert(&entry(1, None)).unwrap();
    vault.insert(&entry(2, None)).unwrap();
    drop(vault);

    let vault = Vault::open(FileStore::new(&path), key(7)).unwrap();
    let read = vault.entries(0).unwrap();
    assert!(read.errors.is_empty());
    assert_eq!(originals(&read), &ORIGINALS[..3]);
    assert_eq!(Vault::open(FileStore::new(&path), key(8)).unwrap_err().code(), "wrong_key");
}

#[test]
fn file_bytes_hold_no_plaintext() {
    let dir = TempDir::new();
    let mut vault = Vault::open(FileStore::new(dir.file()), key(7)).unwrap();
    for i in 0..8 {
        vault.insert(&entry(i, Some(99))).unwrap();
    }
    let bytes = std::fs::read(dir.file()).unwrap();
    for original in ORIGINALS {
        assert!(!contains(&bytes, original.as_bytes()), "{original} in the file");
        // Nor any 6-byte piece of it.
        for piece in original.as_bytes().windows(6) {
            assert!(!contains(&bytes, piece));
        }
    }
    assert!(!contains(&bytes, b"Surrogate-"));
    assert!(!contains(&bytes, &[7; 32]), "raw key in the file");
}

#[test]
fn two_file_handles_interleaving_lose_nothing() {
    let dir = TempDir::new();
    let mut a = Vault::open(FileStore::new(dir.file()), key(3)).unwrap();
    let mut b = Vault::open(FileStore::new(dir.file()), key(3)).unwrap();
    assert_eq!(a.vault_id(), b.vault_id());
    for i in 0..10 {
        let v = if i % 2 == 0 { &mut a } else { &mut b };
        v.insert(&entry(i, None)).unwrap();
    }
    for v in [&a, &b] {
        let read = v.entries(0).unwrap();
        assert!(read.errors.is_empty());
        assert_eq!(read.entries.len(), 10);
    }
}

#[test]
fn concurrent_creators_and_writers_lose_nothing() {
    const WRITERS: usize = 4;
    const EACH: usize = 25;
    let dir = TempDir::new();
    let barrier = Arc::new(Barrier::new(WRITERS));
    let handles: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (path, barrier) = (dir.file(), Arc::clone(&barrier));
            thread::spawn(move || {
                barrier.wait();
                // All race to create the file; one header wins and all use it.
                let mut vault = Vault::open(FileStore::new(path), key(5)).unwrap();
                for i in 0..EACH {
                    vault.insert(&entry(w * EACH + i, None)).unwrap();
                }
                vault.vault_id()
            })
        })
        .collect();
    let ids: HashSet<VaultId> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(ids.len(), 1, "every writer used the same header");
    let read = Vault::open(FileStore::new(dir.file()), key(5)).unwrap().entries(0).unwrap();
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.entries.len(), WRITERS * EACH);
    let leftovers: Vec<_> = std::fs::read_dir(&dir.0).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn a_damaged_file_frame_spares_the_others() {
    let dir = TempDir::new();
    let mut vault = Vault::open(FileStore::new(dir.file()), key(7)).unwrap();
    // The file's length after each append: the second frame lies between ends[1] and ends[2].
    let mut ends = vec![];
    for i in 0..3 {
        vault.insert(&entry(i, None)).unwrap();
        ends.push(std::fs::metadata(dir.file()).unwrap().len() as usize);
    }
    let clean = std::fs::read(dir.file()).unwrap();
    for i in ends[0]..ends[1] {
        let mut bytes = clean.clone();
        bytes[i] ^= 0x10;
        std::fs::write(dir.file(), &bytes).unwrap();
        let read = vault.entries(0).unwrap();
        assert_eq!(originals(&read), [ORIGINALS[0], ORIGINALS[2]], "byte {i}");
        assert_eq!(read.errors.len(), 1, "byte {i}");
    }
    // A torn final append, then a later run's append.
    std::fs::write(dir.file(), &clean[..clean.len() - 5]).unwrap();
    vault.insert(&entry(3, None)).unwrap();
    let read = vault.entries(0).unwrap();
    assert_eq!(originals(&read), [ORIGINALS[0], ORIGINALS[1], ORIGINALS[3]]);
    assert_eq!(read.errors.len(), 1);
}

#[test]
fn forgetting_a_file_vault_deletes_the_file() {
    let dir = TempDir::new();
    let mut vault = Vault::open(FileStore::new(dir.file()), key(7)).unwrap();
    vault.insert(&entry(0, None)).unwrap();
    let old_id = vault.vault_id();
    vault.forget().unwrap();
    assert!(!dir.file().exists());
    // A writer still holding the old vault cannot resurrect the file.
    let mut stale = FileStore::new(dir.file());
    let sealed = SealedRecord::from_bytes(vec![1; record::MIN_SEALED_LEN]).unwrap();
    assert_eq!(stale.put(&sealed).unwrap_err().code(), "storage");
    assert!(!dir.file().exists());
    // Opening the path again makes a new, empty vault.
    let vault = Vault::open(FileStore::new(dir.file()), key(7)).unwrap();
    assert_ne!(vault.vault_id(), old_id);
    assert!(vault.entries(0).unwrap().entries.is_empty());
}

#[test]
fn storage_errors_carry_no_path() {
    let dir = TempDir::new();
    let secret_dir = dir.0.join("Marisol Testperson");
    let err = Vault::open(FileStore::new(secret_dir.join("v")), key(1)).unwrap_err();
    assert_eq!(err.code(), "storage");
    for text in [format!("{err}"), format!("{err:?}")] {
        assert!(!text.contains("Marisol") && !text.contains("phiscrub-vault"), "{text}");
    }
}

#[test]
fn debug_output_holds_no_secret() {
    let mut vault = Vault::open(MemoryStore::new(), key(0xAB)).unwrap();
    vault.insert(&entry(0, None)).unwrap();
    let read = vault.entries(0).unwrap();
    let mut store = vault.into_store();
    store.raw_records_mut()[0][40] ^= 1;
    let damaged = Vault::open(store.clone(), key(0xAB)).unwrap();
    let damaged_read = damaged.entries(0).unwrap();
    let texts = [
        format!("{read:?}"),
        format!("{:?}", read.entries),
        format!("{damaged:?}"),
        format!("{damaged_read:?}"),
        format!("{:?}", damaged_read.errors[0].error),
        format!("{}", damaged_read.errors[0].error),
        format!("{:?}", Vault::open(store.clone(), key(1)).unwrap_err()),
        format!("{:?}", key(0xAB)),
        format!("{:?}", damaged.header()),
    ];
    for text in &texts {
        for original in ORIGINALS {
            assert!(!text.contains(original), "{original} in {text}");
        }
        assert!(!text.contains("Surrogate-"), "surrogate in {text}");
        assert!(!text.contains("171, 171") && !text.contains("abab"), "key bytes in {text}");
    }
}

/// The flow the IndexedDB binding follows, with a plain map standing in for the database.
#[test]
fn core_without_a_store_round_trips_and_resolves_a_creation_race() {
    use std::collections::BTreeMap;
    // Two tabs find no header and both create a vault; the database keeps the first `add`.
    let tab_a = VaultCore::create(&key(4)).unwrap();
    let tab_b = VaultCore::create(&key(4)).unwrap();
    let mut db_header: Option<Vec<u8>> = None;
    let mut db_records: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    db_header.get_or_insert(tab_a.header().to_bytes());
    // Tab B's `add` fails: it unlocks the winner's header and uses that.
    assert_ne!(db_header.as_deref(), Some(&tab_b.header().to_bytes()[..]));
    let tab_b = VaultCore::unlock(db_header.as_ref().unwrap(), &key(4)).unwrap();
    for (i, tab) in [&tab_a, &tab_b, &tab_a].into_iter().enumerate() {
        let sealed = tab.seal(&entry(i, None)).unwrap();
        db_records.insert(sealed.record_id().to_string(), sealed.into_bytes());
    }
    let items: StoredRecords = db_records.values().cloned().map(Ok).collect();
    let read = tab_b.open_records(items, 0).unwrap();
    assert!(read.errors.is_empty());
    assert_eq!(originals(&read), &ORIGINALS[..3]);
    assert_eq!(
        VaultCore::unlock(db_header.as_ref().unwrap(), &key(5)).unwrap_err().code(),
        "wrong_key"
    );
    let mut tab_a = tab_a;
    tab_a.forget();
    assert_eq!(tab_a.seal(&entry(0, None)).unwrap_err().code(), "forgotten");
    assert_eq!(tab_a.open_records(Vec::new(), 0).unwrap_err().code(), "forgotten");
    assert!(!format!("{tab_b:?}").contains("Key"));
}
