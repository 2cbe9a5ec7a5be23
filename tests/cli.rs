//! The CLI's JSON Lines interface (a stable contract: the evaluation and other tools use it).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Output;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    // A process that refuses its arguments exits without reading: a broken pipe is fine.
    common::cli::run_with(args, &[], stdin.to_vec()).0
}

fn lines(out: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn detect_reports_code_point_spans_with_text() {
    // The emoji is one code point but four bytes and two UTF-16 units: offsets must count 1.
    let input = "{\"id\": \"a\", \"text\": \"😀 mail ana@example.org\"}\n";
    let out = run(&["detect"], input.as_bytes());
    assert!(out.status.success());
    let got = lines(&out.stdout);
    assert_eq!(
        got,
        vec![serde_json::json!({"id": "a", "spans": [
            {"start": 7, "end": 22, "label": "EMAIL", "text": "ana@example.org"}
        ]})]
    );
}

#[test]
fn detect_writes_one_line_per_input_in_order() {
    let input =
        "{\"id\":\"1\",\"text\":\"no phi here\"}\n{\"id\":2,\"text\":\"ana@example.org\"}\n";
    let out = run(&["detect"], input.as_bytes());
    let got = lines(&out.stdout);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0], serde_json::json!({"id": "1", "spans": []}));
    assert_eq!(got[1]["id"], serde_json::json!(2));
    assert_eq!(got[1]["spans"][0]["label"], "EMAIL");
}

#[test]
fn scrub_redact_replaces_spans_with_labels() {
    let input = "{\"id\":\"x\",\"text\":\"write to ana@example.org today\"}\n";
    let out = run(&["scrub", "--redact"], input.as_bytes());
    assert!(out.status.success());
    assert_eq!(
        lines(&out.stdout),
        vec![serde_json::json!({"id": "x", "text": "write to [EMAIL] today"})]
    );
}

#[test]
fn scrub_text_mode_reads_plain_text() {
    let out =
        run(&["scrub", "--text", "--redact"], "Contact: ana@example.org\nThanks\n".as_bytes());
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Contact: [EMAIL]\nThanks\n");
    let out = run(&["scrub", "--text"], "Contact: ana@example.org\nThanks\n".as_bytes());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Contact: ") && text.ends_with("\nThanks\n"), "{text:?}");
    assert!(!text.contains("ana@example.org"));
    assert!(["example.com", "example.org", "example.net"].iter().any(|d| text.contains(d)));
}

#[test]
fn scrub_without_a_vault_is_consistent_within_a_run() {
    let input = "{\"id\":\"a\",\"text\":\"call 312-201-3344\"}\n{\"id\":\"b\",\"text\":\"(312) 201 3344 again\"}\n";
    let out = run(&["scrub"], input.as_bytes());
    assert!(out.status.success());
    let got = lines(&out.stdout);
    let a = got[0]["text"].as_str().unwrap().trim_start_matches("call ").to_owned();
    let b = got[1]["text"].as_str().unwrap().trim_end_matches(" again").to_owned();
    assert!(a.contains("555-01"), "fictional range: {a}");
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    assert_eq!(digits(&a), digits(&b), "same original, same surrogate, own layout");
    assert!(b.starts_with('('));
}

/// A fresh directory for one test's vault and key files.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("phiscrub-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn corpus_input() -> (Vec<serde_json::Value>, String) {
    let docs: Vec<serde_json::Value> = include_str!("data/corpus/structured.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let input = docs
        .iter()
        .map(|d| serde_json::json!({"id": d["id"], "text": d["text"]}).to_string() + "\n")
        .collect();
    (docs, input)
}

#[test]
fn corpus_scrubbed_into_a_vault_file_comes_back_byte_for_byte() {
    let dir = temp_dir("roundtrip");
    let (vault, key) = (dir.join("vault.phv"), dir.join("key"));
    std::fs::write(&key, [7u8; 32]).unwrap();
    let (docs, input) = corpus_input();
    let (v, k) = (vault.to_str().unwrap(), key.to_str().unwrap());
    // Two runs: the second extends the vault file the first created.
    let half = input.lines().count() / 2;
    let first: String = input.lines().take(half).map(|l| format!("{l}\n")).collect();
    let second: String = input.lines().skip(half).map(|l| format!("{l}\n")).collect();
    let mut scrubbed = Vec::new();
    for part in [first, second] {
        let out =
            run(&["scrub", "--age-surrogates", "--vault", v, "--key-file", k], part.as_bytes());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        scrubbed.extend(out.stdout);
    }
    let detected = lines(&run(&["detect"], input.as_bytes()).stdout);
    assert_eq!(lines(&scrubbed).len(), docs.len());
    let vault_bytes = std::fs::read(&vault).unwrap();
    for d in &detected {
        for span in d["spans"].as_array().unwrap() {
            let original = span["text"].as_str().unwrap().as_bytes();
            if original.len() >= 6 {
                assert!(
                    !vault_bytes.windows(original.len()).any(|w| w == original),
                    "plaintext in vault"
                );
            }
        }
    }
    let back = run(&["rehydrate", "--vault", v, "--key-file", k], &scrubbed);
    assert!(back.status.success(), "{}", String::from_utf8_lossy(&back.stderr));
    let back = lines(&back.stdout);
    let gold = phiscrub::eval::parse_corpus(include_str!("data/corpus/structured.jsonl")).unwrap();
    let mut wrong = Vec::new();
    for ((doc, b), g) in docs.iter().zip(&back).zip(&gold) {
        assert_eq!(doc["id"], b["id"]);
        let (got, want) = (b["text"].as_str().unwrap(), common::expected_back(g));
        if got != want && !common::same_but_month_spelling(got, &want) {
            wrong.push(format!("{}: {}", doc["id"], common::around_difference(got, &want)));
        }
    }
    assert!(wrong.is_empty(), "{} documents did not come back:\n{}", wrong.len(), wrong.join("\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn vault_errors_are_typed_and_name_no_secret() {
    let dir = temp_dir("errors");
    let (vault, key, other, short) =
        (dir.join("v"), dir.join("k"), dir.join("k2"), dir.join("short"));
    std::fs::write(&key, [1u8; 32]).unwrap();
    std::fs::write(&other, [2u8; 32]).unwrap();
    std::fs::write(&short, [3u8; 31]).unwrap();
    let input = b"{\"id\":\"a\",\"text\":\"MRN 00482913\"}\n";
    let v = vault.to_str().unwrap();
    assert!(run(&["scrub", "--vault", v, "--key-file", key.to_str().unwrap()], input)
        .status
        .success());
    let out = run(&["rehydrate", "--vault", v, "--key-file", other.to_str().unwrap()], input);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("wrong") || err.contains("key"), "{err}");
    let out = run(&["scrub", "--vault", v, "--key-file", short.to_str().unwrap()], input);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("exactly 32 bytes (it holds 31)"), "{err}");
    assert!(!err.contains("00482913"));
    let out = run(&["rehydrate"], input);
    assert_eq!(out.status.code(), Some(2), "rehydrate needs a vault");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_lines_are_named_by_number_without_their_content_and_others_still_run() {
    let secret = "ana@example.org";
    let mut input = Vec::new();
    input.extend_from_slice(format!("{{\"id\":\"ok1\",\"text\":\"{secret}\"}}\n").as_bytes());
    input.extend_from_slice(format!("{{\"id\":\"bad\",\"text\": {secret}\n").as_bytes()); // 2: invalid JSON
    input.extend_from_slice(format!("{{\"id\":\"m\",\"body\":\"{secret}\"}}\n").as_bytes()); // 3: no text
    input.extend_from_slice(b"{\"id\":\"u\",\"text\":\"caf\xff\"}\n"); // 4: invalid UTF-8
    input.extend_from_slice(format!("{{\"text\":\"{secret}\"}}\n").as_bytes()); // 5: no id
    input.extend_from_slice(format!("[\"{secret}\"]\n").as_bytes()); // 6: not an object
    input.extend_from_slice(b"{\"id\":\"t\",\"text\":42}\n"); // 7: text not a string
    input.extend_from_slice(format!("{{\"id\":\"ok2\",\"text\":\"{secret}\"}}\n").as_bytes());
    let out = run(&["detect"], &input);
    assert_eq!(out.status.code(), Some(1), "bad lines make the exit status 1");
    let ids: Vec<_> = lines(&out.stdout).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, vec![serde_json::json!("ok1"), serde_json::json!("ok2")]);
    let err = String::from_utf8(out.stderr).unwrap();
    for n in 2..=7 {
        assert!(err.contains(&format!("line {n}:")), "line {n} reported in {err:?}");
    }
    assert!(err.contains("invalid JSON"));
    assert!(err.contains("missing field \"text\""));
    assert!(err.contains("invalid UTF-8"));
    assert!(err.contains("missing field \"id\""));
    assert!(!err.contains("example"), "stderr must not echo input text: {err:?}");
}

#[test]
fn unknown_command_prints_usage_and_fails() {
    let out = run(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("usage: phiscrub"));
}

#[test]
fn keep_clinicians_leaves_doctors_and_scrubs_patients() {
    let note = b"Seen by Dr. Okonkwo. Daughter Maria Lopez called.\n";
    let out = run(&["scrub", "--text", "--redact", "--keep-clinicians"], note);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Seen by Dr. Okonkwo. Daughter [NAME] called.\n"
    );
    let out = run(&["scrub", "--text", "--keep-clinicians"], note);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    // NOTE: word by word: a surrogate such as `Mariah Long` holds the letters `Maria` (this
    // failed a CI run) without holding the original.
    let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).collect();
    assert!(text.starts_with("Seen by Dr. Okonkwo. Daughter "), "{text}");
    assert!(!words.contains(&"Maria") && !words.contains(&"Lopez"), "{text}");
    let out = run(&["scrub", "--text", "--redact"], note);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Seen by Dr. [NAME]. Daughter [NAME] called.\n"
    );
}

/// Runs the CLI with `PHISCRUB_TEST_PANIC` set (debug builds panic on a text holding it, with a
/// message quoting the text).
fn run_with_panic_marker(args: &[&str], marker: &str, stdin: &[u8]) -> Output {
    common::cli::run_with(args, &[("PHISCRUB_TEST_PANIC", marker)], stdin.to_vec()).0
}

#[test]
fn a_panic_names_the_line_and_the_code_location_never_the_text() {
    let input = "{\"id\":1,\"text\":\"Dolores Tanaka, 555-201-3344\"}\n\n\
                 {\"id\":2,\"text\":\"Dolores Tanaka zqxv, MRN 00482913\"}\n\
                 {\"id\":3,\"text\":\"never reached\"}\n";
    for args in [&["detect"][..], &["scrub"], &["scrub", "--redact"]] {
        let out = run_with_panic_marker(args, "zqxv", input.as_bytes());
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        if !cfg!(debug_assertions) {
            // NOTE: release builds have no forced panic: the marker must change nothing.
            assert!(out.status.success() && err.is_empty(), "{args:?}: {err}");
            continue;
        }
        assert_eq!(out.status.code(), Some(101), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one fixed line: {err}");
        assert!(err.starts_with("phiscrub: internal error on input line 3, at "), "{err}");
        assert!(err.contains("src/bin/phiscrub.rs:"), "the code location: {err}");
        for secret in ["Dolores", "Tanaka", "zqxv", "00482913", "forced test panic"] {
            assert!(!err.contains(secret), "{args:?}: stderr quotes the input: {err}");
        }
    }
    // Plain-text mode has no line numbers.
    let out = run_with_panic_marker(&["scrub", "--text"], "zqxv", b"Dolores Tanaka zqxv\n");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    if cfg!(debug_assertions) {
        assert_eq!(out.status.code(), Some(101), "{err}");
        assert!(err.starts_with("phiscrub: internal error outside any JSON Lines"), "{err}");
        assert!(!err.contains("Dolores") && !err.contains("zqxv"), "{err}");
    } else {
        assert!(out.status.success(), "{err}");
    }
}
