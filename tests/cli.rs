//! The CLI's JSON Lines interface (a stable contract: the evaluation and other tools use it).
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_phiscrub"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the phiscrub binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
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
    let input = "{\"id\":\"1\",\"text\":\"no phi here\"}\n{\"id\":2,\"text\":\"ana@example.org\"}\n";
    let out = run(&["detect"], input.as_bytes());
    let got = lines(&out.stdout);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0], serde_json::json!({"id": "1", "spans": []}));
    assert_eq!(got[1]["id"], serde_json::json!(2));
    assert_eq!(got[1]["spans"][0]["label"], "EMAIL");
}

#[test]
fn scrub_replaces_spans_with_labels() {
    let input = "{\"id\":\"x\",\"text\":\"write to ana@example.org today\"}\n";
    let out = run(&["scrub"], input.as_bytes());
    assert!(out.status.success());
    assert_eq!(lines(&out.stdout), vec![serde_json::json!({"id": "x", "text": "write to [EMAIL] today"})]);
}

#[test]
fn scrub_text_mode_reads_plain_text() {
    let out = run(&["scrub", "--text"], "Contact: ana@example.org\nThanks\n".as_bytes());
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Contact: [EMAIL]\nThanks\n");
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
