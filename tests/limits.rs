//! Size limits: a 10 MB input and 1 MB single lines (plain, and pathological: one giant number,
//! one giant word, a run of tag openers) are detected, scrubbed and restored (batch and streamed)
//! without a panic; inputs over the configured limit get the typed error, from the library and
//! through the CLI. Time is measured by the benchmarks, not asserted here; this asserts
//! completion and well-formed output.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use phiscrub::session::Session;
use phiscrub::surrogate::Policy;
use phiscrub::vault::{KeySource, MemoryStore, Vault, VaultKey};
use phiscrub::{Detector, ErrorKind};

fn corpus_texts() -> Vec<String> {
    include_str!("data/corpus/structured.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

fn session() -> Session<MemoryStore> {
    let vault =
        Vault::open(MemoryStore::new(), KeySource::Key(VaultKey::generate().unwrap())).unwrap();
    Session::open(vault, Policy::new().with_age_surrogates(true), 0).unwrap().0
}

/// Spans inside the text, on char boundaries, sorted, not overlapping.
fn well_formed(text: &str, found: &[phiscrub::Finding]) {
    let mut last = 0;
    for f in found {
        assert!(f.start >= last && f.start < f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        last = f.end;
    }
}

/// Scrubs `text`, restores it in one piece and streamed in 4 KiB chunks; both must agree.
fn round_trip(s: &mut Session<MemoryStore>, text: &str) -> usize {
    let out = s.scrub(text, 1).expect("under the limit");
    let r = s.rehydrator();
    let batch = r.rehydrate(&out.text);
    let mut stream = r.stream();
    let mut streamed = String::new();
    let mut at = 0;
    while at < out.text.len() {
        let mut end = (at + 4096).min(out.text.len());
        while !out.text.is_char_boundary(end) {
            end += 1;
        }
        streamed.push_str(&stream.push(&out.text[at..end]));
        at = end;
    }
    streamed.push_str(&stream.finish());
    assert!(streamed == batch, "streamed and batch restores differ");
    // Bystanders (an undetected date equal to another date's shifted surrogate) are entities
    // too; the findings are the others.
    out.entities.iter().filter(|e| !e.bystander).count()
}

#[test]
fn ten_megabytes_of_notes() {
    let texts = corpus_texts();
    let mut big = String::with_capacity(10 << 20);
    'fill: loop {
        for t in &texts {
            big.push_str(t);
            big.push_str("\n\n");
            if big.len() >= 10 << 20 {
                break 'fill;
            }
        }
    }
    let d = Detector::new();
    let found = d.detect(&big).unwrap();
    well_formed(&big, &found);
    assert!(found.len() > 10_000, "{} findings", found.len());
    let mut s = session();
    let n = round_trip(&mut s, &big);
    assert_eq!(n, found.len());
    println!("10 MB: {} bytes, {} findings", big.len(), found.len());
}

#[test]
fn one_megabyte_single_lines() {
    let texts = corpus_texts();
    let mut notes = String::new();
    while notes.len() < 1 << 20 {
        for t in &texts {
            notes.push_str(&t.replace(['\n', '\r'], " "));
            notes.push(' ');
        }
    }
    let d = Detector::new();
    let found = d.detect(&notes).unwrap();
    well_formed(&notes, &found);
    let out = session().scrub(&notes, 1).unwrap();
    assert_eq!(out.entities.iter().filter(|e| !e.bystander).count(), found.len());
    let lines = [
        ("one giant number", "7".repeat(1 << 20)),
        ("one giant word", "x".repeat(1 << 20)),
        ("digit groups", "555-201-".repeat((1 << 20) / 8)),
        ("tag openers", "<a ".repeat((1 << 20) / 3)),
        ("link targets", "[a](".repeat((1 << 20) / 4)),
        ("emoji and marks", "\u{1F600}5\u{301}".repeat((1 << 20) / 6)),
        ("at signs", "a@b.".repeat((1 << 20) / 4)),
    ];
    for (what, line) in &lines {
        let t = std::time::Instant::now();
        let found = d.detect(line).unwrap();
        well_formed(line, &found);
        let mut s = session();
        round_trip(&mut s, line);
        println!("1 MB line, {what}: {} findings, {:.1} s", found.len(), t.elapsed().as_secs_f64());
    }
}

#[test]
fn over_the_configured_limit_is_a_typed_error() {
    let d = Detector::builder().max_input(1000).build();
    let err = d.detect(&"a".repeat(1001)).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InputTooLarge { len: 1001, limit: 1000 });
    assert_eq!(err.code(), "input_too_large");
    assert!(d.detect(&"a".repeat(1000)).is_ok(), "the limit itself is allowed");
    // The session's scrub (the default 64 MiB limit) fails the same way and stores nothing.
    let mut s = session();
    let big = "MRN: 00482913 ".repeat((64 << 20) / 14 + 1);
    assert_eq!(s.scrub(&big, 1).unwrap_err().code(), "input_too_large");
    assert!(s.rehydrator().rehydrate("MRN: 00482913") == "MRN: 00482913");
}

#[test]
fn over_the_limit_through_the_cli() {
    let big = "MRN: 00482913 ".repeat((64 << 20) / 14 + 1);
    for (args, input) in [
        (vec!["scrub", "--text"], big.clone()),
        (
            vec!["scrub"],
            format!("{{\"id\":1,\"text\":\"{big}\"}}\n{{\"id\":2,\"text\":\"MRN: 00482913\"}}\n"),
        ),
        (vec!["detect"], format!("{{\"id\":1,\"text\":\"{big}\"}}\n")),
    ] {
        let (out, written) = common::cli::run_with(&args, &[], input.into_bytes());
        written.expect("the CLI reads its whole input");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr.contains("over the limit of 67108864 bytes"), "{args:?}: {stderr}");
        assert!(!stderr.contains("00482913") && !stdout.contains("00482913"), "{args:?}");
        if args == ["scrub"] {
            assert_eq!(stdout.lines().count(), 1, "the line under the limit is still scrubbed");
        }
    }
}

/// Streamed in 4 KiB chunks, a megabyte of notes on one line restores exactly what the batch
/// restore does. Once it did not (`Medicare MBI:` became `Medicare ALONSO:`): a one-word NAME or
/// CITY surrogate is restored only where the name recognizer sees a name, and the stream ran
/// that recognizer over its last 256 bytes plus the held text while the batch ran it over the
/// whole answer. Both now judge the same fixed window around the word.
#[test]
fn stream_equals_batch_on_a_megabyte_of_notes() {
    let mut notes = String::new();
    while notes.len() < 1 << 20 {
        for t in corpus_texts() {
            notes.push_str(&t.replace(['\n', '\r'], " "));
            notes.push(' ');
        }
    }
    round_trip(&mut session(), &notes);
}
