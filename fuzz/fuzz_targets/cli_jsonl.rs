//! The CLI's JSON Lines loop (`phiscrub detect`) on arbitrary input: one output or one error
//! line per non-blank input line; every output span's `text` is the code-point slice of the
//! line's text it claims; and an error line is `phiscrub: line N: ` followed by one of the fixed,
//! content-free reasons (never a byte of the input).
#![no_main]

use libfuzzer_sys::fuzz_target;
use phiscrub::jsonl::{run_lines, spans};

#[path = "common.rs"]
mod common;

const REASONS: [&str; 6] = [
    "invalid UTF-8 at byte ",
    "invalid JSON at column ",
    "not a JSON object",
    "missing field \"id\"",
    "missing field \"text\"",
    "field \"text\" is not a string",
];

fn reason_is_content_free(reason: &str) -> bool {
    REASONS.iter().any(|r| match reason.strip_prefix(r) {
        Some("") => true,
        Some(rest) => {
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            [
                "",
                " (i/o)",
                " (syntax error)",
                " (unexpected data)",
                " (unexpected end of line)",
            ]
            .contains(&rest)
        }
        None => false,
    })
}

fuzz_target!(|data: &[u8]| {
    let d = common::detector();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut texts = Vec::new();
    let ok = run_lines(data, &mut out, &mut err, |text| {
        let found = d.detect(text).map_err(|e| e.to_string())?;
        common::check_findings(text, &found);
        let chars: Vec<char> = text.chars().collect();
        for s in spans(text, &found) {
            assert!(s.start < s.end && s.end <= chars.len());
            assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text);
        }
        texts.push(text.to_owned());
        Ok(serde_json::json!({ "spans": spans(text, &found) }))
    })
    .expect("writing to memory cannot fail");
    let lines = data
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    let out = String::from_utf8(out).expect("output is UTF-8");
    let err = String::from_utf8(err).expect("errors are UTF-8");
    assert_eq!(out.lines().count() + err.lines().count(), lines);
    assert_eq!(ok, err.is_empty());
    assert_eq!(out.lines().count(), texts.len());
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("output lines are JSON");
        assert!(v.get("id").is_some() && v["spans"].is_array());
    }
    for line in err.lines() {
        let rest = line.strip_prefix("phiscrub: line ").expect("error prefix");
        let (n, reason) = rest.split_once(": ").expect("line number");
        assert!(n.parse::<usize>().is_ok());
        assert!(reason_is_content_free(reason), "error line holds more than a fixed reason: {line:?}");
    }
});
