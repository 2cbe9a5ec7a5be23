//! The JSON Lines loop of the `phiscrub` CLI, as a library module so that the fuzz target
//! (`fuzz/fuzz_targets/cli_jsonl.rs`) and tests drive exactly the code the binary runs.
//!
//! Input lines are `{"id": any, "text": string}`; each becomes one output line holding the `id`
//! and the fields the caller's function returns. A bad line is reported on the error writer by
//! line number and a content-free reason, and the loop goes on.
//!
//! NOTE: the reasons written for a bad line never include any part of the line: it may be PHI.

use std::cell::Cell;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use crate::offsets::{convert, Unit};
use crate::Finding;

/// One span of `phiscrub detect`'s output: code-point offsets into the line's text.
#[derive(Serialize, Debug, PartialEq)]
pub struct Span<'a> {
    /// Start, in code points, inclusive.
    pub start: usize,
    /// End, in code points, exclusive.
    pub end: usize,
    /// The label, as `Label::as_str` spells it.
    pub label: &'static str,
    /// The text of the span.
    pub text: &'a str,
}

/// Why a line was refused, or its `id` and `text`. The reasons never include the line's content.
///
/// # Errors
/// Invalid UTF-8, invalid JSON, not an object, a missing `id` or `text`, a `text` that is not
/// a string.
pub fn parse_line(line: &[u8]) -> Result<(Value, String), String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let value: Value = serde_json::from_str(line)
        .map_err(|e| format!("invalid JSON at column {} ({})", e.column(), json_error_class(&e)))?;
    let Value::Object(mut obj) = value else {
        return Err("not a JSON object".into());
    };
    let id = obj.remove("id").ok_or("missing field \"id\"")?;
    match obj.remove("text") {
        Some(Value::String(text)) => Ok((id, text)),
        Some(_) => Err("field \"text\" is not a string".into()),
        None => Err("missing field \"text\"".into()),
    }
}

fn json_error_class(e: &serde_json::Error) -> &'static str {
    use serde_json::error::Category;
    match e.classify() {
        Category::Io => "i/o",
        Category::Syntax => "syntax error",
        Category::Data => "unexpected data",
        Category::Eof => "unexpected end of line",
    }
}

thread_local! {
    /// The 1-based number of the line [`run_lines`] is working on in this thread; 0 outside it.
    static LINE: Cell<usize> = const { Cell::new(0) };
}

/// The 1-based number of the input line [`run_lines`] is processing on the calling thread, or
/// `None` outside it. For the CLI's panic hook, which runs on the panicking thread and may name
/// the line but never print it.
pub fn current_line() -> Option<usize> {
    Some(LINE.with(Cell::get)).filter(|&n| n > 0)
}

/// Runs `f` on the text of every line of `input`; its object (plus the line's `id`) is written
/// to `out` as one line. A bad line, or an `Err` from `f`, is reported on `err` as
/// `phiscrub: line N: <reason>`. Blank lines are skipped; a trailing `\r` is dropped.
///
/// Returns whether every line succeeded.
///
/// # Errors
/// Only write errors on `out` or `err`.
pub fn run_lines(
    input: &[u8],
    out: &mut impl Write,
    err: &mut impl Write,
    f: impl FnMut(&str) -> Result<Value, String>,
) -> io::Result<bool> {
    let result = each_line(input, out, err, f);
    LINE.with(|l| l.set(0));
    result
}

fn each_line(
    input: &[u8],
    out: &mut impl Write,
    err: &mut impl Write,
    mut f: impl FnMut(&str) -> Result<Value, String>,
) -> io::Result<bool> {
    let mut all_ok = true;
    for (n, line) in input.split(|&b| b == b'\n').enumerate() {
        // NOTE: still set while a panic in `f` runs the panic hook, which names the line.
        LINE.with(|l| l.set(n + 1));
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = parse_line(line).and_then(|(id, text)| Ok((id, f(&text)?)));
        let (id, body) = match result {
            Ok(r) => r,
            Err(why) => {
                writeln!(err, "phiscrub: line {}: {why}", n + 1)?;
                all_ok = false;
                continue;
            }
        };
        let mut record = serde_json::Map::new();
        record.insert("id".into(), id);
        if let Value::Object(fields) = body {
            record.extend(fields);
        }
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(all_ok)
}

/// The findings of `text` as code-point [`Span`]s.
pub fn spans<'a>(text: &'a str, found: &[Finding]) -> Vec<Span<'a>> {
    let bytes: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
    let cps = convert(text, &bytes, Unit::CodePoint);
    found
        .iter()
        .zip(cps.chunks_exact(2))
        .map(|(f, cp)| Span {
            start: cp[0],
            end: cp[1],
            label: f.label.as_str(),
            text: &text[f.start..f.end],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_reported_without_content_and_the_rest_go_on() {
        let input = b"{\"id\":1,\"text\":\"a\"}\n\n{\"id\":2,\"text\":\"secret 555\"\n[\"secret\"]\n\
                      {\"id\":3}\n{\"id\":4,\"text\":5}\n\xff secret\r\n{\"id\":5,\"text\":\"b\"}\r\n";
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let ok = run_lines(input, &mut out, &mut err, |t| Ok(serde_json::json!({ "n": t.len() })))
            .unwrap();
        assert!(!ok);
        assert_eq!(String::from_utf8(out).unwrap(), "{\"id\":1,\"n\":1}\n{\"id\":5,\"n\":1}\n");
        let err = String::from_utf8(err).unwrap();
        assert!(!err.contains("secret"), "{err}");
        assert_eq!(err.lines().count(), 5, "{err}");
        assert!(err.starts_with("phiscrub: line 3: invalid JSON at column"), "{err}");
    }

    #[test]
    fn current_line_names_the_line_being_processed_and_none_outside() {
        assert_eq!(current_line(), None);
        let mut seen = Vec::new();
        let input = b"{\"id\":1,\"text\":\"a\"}\n\n{\"id\":2,\"text\":\"b\"}\n";
        run_lines(input, &mut Vec::new(), &mut Vec::new(), |_| {
            seen.push(current_line());
            Ok(serde_json::json!({}))
        })
        .unwrap();
        assert_eq!(seen, [Some(1), Some(3)]);
        assert_eq!(current_line(), None);
    }
}
