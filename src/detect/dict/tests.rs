//! Lookups against the real embedded lists: hits, misses, folding, ranks, and list invariants
//! the binary search depends on.

use super::*;

#[test]
fn first_names_hit_with_gender_and_rank() {
    let mary = first_name("mary").unwrap();
    assert_eq!(mary.gender, Gender::Female);
    assert!(mary.rank <= 20, "mary ranks {}", mary.rank);
    assert_eq!(first_name("james").unwrap().gender, Gender::Male);
    assert_eq!(first_name("jordan").unwrap().gender, Gender::Unisex);
    // Names of many origins, from SSA births and adults' mortgage records.
    for name in ["rosa", "dan", "jake", "maria", "mohammed", "priya", "thanh", "wei", "nevaeh"] {
        assert!(first_name(name).is_some(), "{name}");
    }
    assert!(first_name("mary").unwrap().rank < first_name("rosa").unwrap().rank);
}

#[test]
fn surnames_hit_with_census_rank() {
    assert_eq!(surname("smith"), Some(1));
    assert_eq!(surname("johnson"), Some(2));
    for name in ["nguyen", "patel", "garcia", "nunez", "kowalski", "oneil", "mcdonald", "xiong"] {
        assert!(surname(name).is_some(), "{name}");
    }
}

#[test]
fn misses() {
    for word in ["metoprolol", "the", "zzzz", "", "a", "smithx", "smit"] {
        assert_eq!(surname(word), None, "{word}");
    }
    for word in ["metoprolol", "", "zzzz", "marys"] {
        assert_eq!(first_name(word), None, "{word}");
    }
    assert!(!is_known_name("hypertension"));
    assert!(!is_common_word("nguyen"));
    assert!(!is_medical_term("maria"));
    assert_eq!(city("nowhere at all"), None);
    assert!(!county("springfield"));
}

#[test]
fn case_and_diacritics_fold() {
    assert_eq!(surname("SMITH"), Some(1));
    assert_eq!(surname("Núñez"), surname("nunez"));
    assert_eq!(surname("NÚÑEZ"), surname("nunez"));
    assert_eq!(first_name("José"), first_name("jose"));
    assert_eq!(first_name("Zoë"), first_name("zoe"));
    assert!(first_name("zoe").is_some());
    // Decomposed form: `e` followed by a combining acute accent.
    assert_eq!(first_name("Jose\u{301}"), first_name("jose"));
    assert_eq!(surname("O'Neil"), surname("oneil"));
    assert_eq!(surname("O\u{2019}Neil"), surname("oneil"));
    assert_eq!(surname("Müller"), surname("muller"));
    // A character with no ASCII form cannot be in the lists.
    assert_eq!(surname("李"), None);
    assert_eq!(surname(&"a".repeat(200)), None);
}

#[test]
fn common_words_and_medical_terms() {
    for word in ["will", "may", "mark", "bill", "hope", "grace", "rose", "dawn", "june", "brown"] {
        assert!(is_common_word(word), "{word}");
        assert!(is_known_name(word), "{word} should also be a name, or it needs no entry");
    }
    assert!(is_common_word("White"));
    for word in ["Parkinson", "hodgkin", "crohn", "graves", "apgar", "babinski", "foley"] {
        assert_eq!(medical_term(word), Some(MedicalKind::Eponym), "{word}");
    }
    for word in ["whipple", "cushing", "alzheimer", "addison", "bell", "down", "tourette"] {
        assert_eq!(medical_term(word), Some(MedicalKind::Eponym), "{word}");
    }
    assert_eq!(medical_term("Allegra"), Some(MedicalKind::Drug));
    assert_eq!(medical_term("norco"), Some(MedicalKind::Drug));
    assert_eq!(medical_term("mg"), Some(MedicalKind::Unit));
    assert_eq!(medical_term("ED"), Some(MedicalKind::Abbreviation));
    assert_eq!(medical_term("stat"), Some(MedicalKind::Term));
}

#[test]
fn cities_and_counties_normalize() {
    assert!(city("Houston").unwrap() > 100);
    assert_eq!(city("St. Louis"), city("saint louis"));
    assert!(city("st louis").is_some());
    assert_eq!(city("Mc Allen"), city("McAllen"));
    assert!(city("mcallen").is_some());
    assert_eq!(city("Winston-Salem"), city("winston salem"));
    assert!(city("Port St. Lucie").is_some());
    assert!(city("  new   york ").is_some());
    assert!(city("Ft Lauderdale").is_some());
    assert_eq!(city("Cañon City"), city("canon city"));
    assert!(city("canon city").is_some());
    assert!(county("Cook"));
    assert!(county("miami-dade"));
    assert!(county("Ste. Genevieve"));
    assert!(county("Doña Ana"));
    // Virginia's independent cities are cities, not counties.
    assert!(!county("richmond city"));
}

#[test]
fn random_helpers_stay_in_range() {
    for r in [0, 1, 7, 1 << 20, u32::MAX / 2, u32::MAX - 1, u32::MAX]
        .into_iter()
        .chain((0..500u32).map(|i| i.wrapping_mul(2_654_435_761)))
    {
        let f = random_first_name(Some(Gender::Female), r);
        let fentry = first_name(f).unwrap();
        assert_eq!(fentry.gender, Gender::Female, "{f}");
        assert!(fentry.rank <= RANDOM_FIRST_NAME_MAX_RANK);
        assert_eq!(
            first_name(random_first_name(Some(Gender::Male), r)).unwrap().gender,
            Gender::Male
        );
        let u = random_first_name(Some(Gender::Unisex), r);
        assert_eq!(first_name(u).unwrap().gender, Gender::Unisex, "{u}");
        assert!(first_name(random_first_name(None, r)).is_some());
        let s = random_surname(r);
        assert!(surname(s).is_some_and(|rank| rank <= RANDOM_SURNAME_MAX_RANK), "{s}");
        let c = random_city(r);
        assert!(city(c).is_some_and(|zips| zips >= RANDOM_CITY_MIN_ZIPS), "{c}");
    }
}

#[test]
fn random_helpers_spread() {
    let mut seen: Vec<&str> =
        (0..200u32).map(|i| random_surname(i.wrapping_mul(2_654_435_761))).collect();
    seen.sort_unstable();
    seen.dedup();
    assert!(seen.len() > 150, "only {} distinct surnames in 200 draws", seen.len());
}

/// The binary search needs every list sorted by key in byte order, keys unique, lines ending
/// in '\n', keys already folded; a hand edit that breaks this would make lookups miss.
#[test]
fn lists_are_sorted_folded_and_unique() {
    let lists = [
        &SURNAMES,
        &FIRST_NAMES,
        &SURNAMES_MORE,
        &FIRST_NAMES_MORE,
        &ENGLISH_WORDS,
        &CITIES,
        &WORLD_CITIES,
        &COUNTIES,
        &COMMON_WORDS,
        &MEDICAL_TERMS,
        &ENGLISH_NAMES,
    ];
    for list in lists {
        assert!(list.text().ends_with('\n'));
        let keys: Vec<&str> = list.text().lines().map(|l| l.split('\t').next().unwrap()).collect();
        for pair in keys.windows(2) {
            assert!(pair[0].as_bytes() < pair[1].as_bytes(), "{pair:?}");
        }
        for key in &keys {
            assert!(
                !key.is_empty()
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' '),
                "{key:?}"
            );
        }
    }
    // Every entry can be found, which exercises every branch of the search.
    for list in lists {
        for line in list.text().lines() {
            let key = line.split('\t').next().unwrap();
            assert!(find(list, key.as_bytes()).is_some(), "{key}");
        }
    }
    for line in CITIES.text().lines().chain(COUNTIES.text().lines()) {
        let key = line.split('\t').next().unwrap();
        let mut buf = [0; MAX_KEY];
        assert_eq!(
            place_key(key, &mut buf),
            Some(key.as_bytes()),
            "{key} is not in place-key form"
        );
    }
}

/// The common-word list exists to resolve collisions; a word that is no name or place in the
/// lists has no business there.
#[test]
fn every_common_word_collides_with_a_name_or_place() {
    for word in COMMON_WORDS.text().lines() {
        let place = city(word).is_some() || county(word);
        assert!(is_known_name(word) || place, "{word} collides with nothing");
    }
}

#[test]
fn list_sizes() {
    assert_eq!(FIRST_NAMES.text().lines().count(), 5000);
    assert_eq!(SURNAMES.text().lines().count(), 6000);
    assert!(CITIES.text().lines().count() > 18_000);
    assert!(COUNTIES.text().lines().count() > 1_800);
    assert!(COMMON_WORDS.text().lines().count() > 300);
    assert!(MEDICAL_TERMS.text().lines().count() > 300);
}

/// Run with `cargo test --release --lib dict::tests::timing -- --ignored --nocapture`; the
/// figures go into data/dict/PROVENANCE.md.
#[test]
#[ignore]
fn timing() {
    use std::time::Instant;
    let t = Instant::now();
    let first = surname("nunez");
    println!("first lookup: {:?} ({first:?})", t.elapsed());
    let words = ["smith", "José", "metoprolol", "Núñez", "will", "zzzz", "mohammed", "grace"];
    let rounds = 200_000;
    let t = Instant::now();
    let mut hits = 0;
    for i in 0..rounds {
        let w = words[i % words.len()];
        hits += usize::from(first_name(w).is_some()) + usize::from(surname(w).is_some());
    }
    let per = t.elapsed() / (rounds as u32 * 2);
    println!("word lookup: {per:?} each ({hits} hits)");
    let phrases = ["St. Louis", "new york", "Winston-Salem", "nowhere", "Cañon City"];
    let t = Instant::now();
    for i in 0..rounds {
        hits += usize::from(city(phrases[i % phrases.len()]).is_some());
    }
    println!("city lookup: {:?} each ({hits})", t.elapsed() / rounds as u32);
}

/// The tails and the lexicon answer as their docs say, diacritics and case folded.
#[test]
fn rare_names_and_everyday_words() {
    assert!(rare_surname("Halvorsen") && rare_surname("KEBEDE"));
    assert!(!rare_surname("smith"), "the ranked list holds it, the tail does not");
    assert!(rare_first_name("Abdirahman") && !rare_first_name("Yesenia"));
    assert!(is_everyday_word("thinks") && is_everyday_word("Joy"));
    assert!(!is_everyday_word("georgios") && !is_everyday_word("nadège"));
}

#[test]
fn world_cities_and_spaced_apostrophes() {
    assert!(world_city("Guangzhou") && world_city("KYIV") && world_city("San Pedro Sula"));
    assert!(world_city("Port-au-Prince"));
    // US towns stay in the USPS list only; words that are no city are in neither.
    assert!(!world_city("Springfield") && !world_city("tomorrow"));
    assert_eq!(city("Coeur d'Alene"), city("coeur d alene"));
    assert!(city("Coeur d'Alene").is_some());
}

// ---- the dictionary file (build.rs packs it; the wasm build loads it) ------------------------

/// The dictionary file `build.rs` made for this build.
const FILE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/phiscrub-dict.bin"));

#[test]
fn the_dictionary_file_holds_exactly_the_embedded_lists() {
    let ranges = bundle::parse(FILE, bundle::BUILD_SUM).unwrap();
    for (id, range) in ranges.into_iter().enumerate() {
        assert_eq!(&FILE[range], EMBEDDED[id].as_bytes(), "{}", lists::NAMES[id]);
    }
}

#[test]
fn every_list_is_named_in_the_order_the_statics_use() {
    let statics = [
        (&SURNAMES, "surnames"),
        (&FIRST_NAMES, "first_names"),
        (&CITIES, "cities"),
        (&WORLD_CITIES, "world_cities"),
        (&COUNTIES, "counties"),
        (&COMMON_WORDS, "common_words"),
        (&ENGLISH_NAMES, "english_names"),
        (&FIRST_NAMES_MORE, "first_names_more"),
        (&SURNAMES_MORE, "surnames_more"),
        (&ENGLISH_WORDS, "english_words"),
        (&MEDICAL_TERMS, "medical_terms"),
    ];
    assert_eq!(statics.len(), lists::COUNT);
    for (list, name) in statics {
        assert_eq!(lists::NAMES[list.id], name);
    }
    assert!(ALL.iter().enumerate().all(|(id, list)| list.id == id));
}

/// The reason `parse` gives for `bytes`, or "ok".
fn verdict(bytes: &[u8]) -> &'static str {
    match bundle::parse(bytes, bundle::BUILD_SUM) {
        Ok(_) => "ok",
        Err(e) => match e.kind() {
            crate::ErrorKind::DictionaryCorrupt { reason } => reason,
            other => panic!("unexpected error {other:?}"),
        },
    }
}

#[test]
fn a_damaged_truncated_or_foreign_dictionary_file_is_refused() {
    assert_eq!(verdict(FILE), "ok");
    assert_eq!(verdict(&[]), "shorter than its header");
    assert_eq!(verdict(&FILE[..FILE.len() - 1]), "checksum mismatch");
    assert_eq!(verdict(&FILE[..100]), "checksum mismatch");
    assert_eq!(verdict(b"<!doctype html><html>not found</html>"), "not a phiscrub dictionary file");
    // One flipped bit anywhere: the header, a list, the checksum.
    for at in [20, 200, FILE.len() / 2, FILE.len() - 9, FILE.len() - 1] {
        let mut bad = FILE.to_vec();
        bad[at] ^= 0x01;
        assert_eq!(verdict(&bad), "checksum mismatch", "byte {at}");
    }
    let mut newer = FILE.to_vec();
    newer[8] = 2;
    assert_eq!(verdict(&newer), "unsupported format version");
}

#[test]
fn a_well_formed_file_of_another_build_is_refused() {
    // Another build's file: same layout, one list changed, its own checksum valid.
    let mut other = FILE[..FILE.len() - 8].to_vec();
    let last = other.len() - 2;
    other[last] ^= 0x01;
    let sum = lists::checksum(&other).to_le_bytes();
    other.extend_from_slice(&sum);
    assert_ne!(&other[..], FILE);
    assert_eq!(verdict(&other), "made by another build than this wasm module");
    // The same bytes are accepted by the build they were made for.
    assert!(bundle::parse(&other, &sum).is_ok());
}

#[test]
fn the_checksum_sees_every_single_byte_change_and_truncation() {
    let text = b"surnames\tsmith\t1\njones\t2\nwilliams\t3\n".repeat(3);
    let base = lists::checksum(&text);
    for at in 0..text.len() {
        for bit in 0..8 {
            let mut t = text.clone();
            t[at] ^= 1 << bit;
            assert_ne!(lists::checksum(&t), base, "byte {at} bit {bit}");
        }
        assert_ne!(lists::checksum(&text[..at]), base, "cut at {at}");
    }
    // Zero bytes appended (the last word's padding) still change it: the length is mixed in.
    let mut padded = text.clone();
    padded.push(0);
    assert_ne!(lists::checksum(&padded), base);
}

#[test]
fn the_index_agrees_with_the_binary_searches_on_every_key() {
    let ix = built_index().expect("the embedded lists fit the index");
    // 1.5 slots a line at least, rounded up to a power of two: 2^17 slots of 8 bytes.
    assert_eq!(ix.bytes(), 1 << 20);
    let mut keys = 0;
    let all: Vec<usize> = (0..lists::COUNT).collect();
    for (id, text) in EMBEDDED.iter().enumerate() {
        assert!(text.len() < 1 << 20, "{}", lists::NAMES[id]);
        for line in text.lines() {
            let key = line.split('\t').next().unwrap();
            assert!(key.len() < 64, "{key}");
            // The key and three near misses (or keys of other lists).
            let near = [key.to_owned(), format!("{key}s"), format!("a{key}"), key[1..].to_owned()];
            for k in &near {
                assert_eq!(ix.get(k.as_bytes()), lists_by_search(k.as_bytes(), &all), "{k}");
                keys += 1;
            }
            assert!(ix.get(key.as_bytes()).has(id), "{key}");
        }
    }
    assert!(keys > 300_000);
    // `lists_by_search` skips a tail for a key of its ranked list.
    for (ranked, tail) in
        [(lists::FIRST_NAMES, lists::FIRST_NAMES_MORE), (lists::SURNAMES, lists::SURNAMES_MORE)]
    {
        for line in EMBEDDED[ranked].lines() {
            assert!(!ix.get(line.split('\t').next().unwrap().as_bytes()).has(tail), "{line}");
        }
    }
    // The fields the bits stand for parse on every line, so `Lists::first_name()` is
    // `first_name().is_some()` and `Lists::surname()` is `surname().is_some()`.
    for line in EMBEDDED[lists::FIRST_NAMES].lines() {
        assert!(first_name(line.split('\t').next().unwrap()).is_some(), "{line}");
    }
    for line in EMBEDDED[lists::SURNAMES].lines() {
        assert!(surname(line.split('\t').next().unwrap()).is_some(), "{line}");
    }
    for word in ["", "zz", "metoprolol", "smith", "mary", "foley", "will", "springfield"] {
        let by_search = lists_by_search(word.as_bytes(), &WORD_LISTS);
        assert_eq!(lists_of(word), by_search, "{word}");
        assert_eq!(ix.get(word.as_bytes()).only(&WORD_LISTS), by_search, "{word}");
    }
    assert_eq!(lists_of("Foley").medical(), medical_term("foley"));
    assert!(lists_of("Núñez").surname());
}
