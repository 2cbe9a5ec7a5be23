//! The phiscrub command line: JSON Lines in, JSON Lines out.
//!
//! ```text
//! phiscrub detect            {"id","text"} lines -> {"id","spans":[{start,end,label,text}]}
//! phiscrub scrub             {"id","text"} lines -> {"id","text"}
//! phiscrub scrub --text      plain text on stdin -> scrubbed text on stdout
//! ```
//! Offsets count Unicode code points, end exclusive. A bad line is reported on stderr by line
//! number (never with its content), the other lines are still processed, and the exit status is 1.

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use phiscrub::offsets::{convert, Unit};
use phiscrub::surrogate::redact;
use phiscrub::{Detector, Finding};
use serde::Serialize;
use serde_json::Value;

const USAGE: &str = "\
usage: phiscrub <command> [options]

commands:
  detect          read JSON Lines {\"id\", \"text\"} on stdin, write {\"id\", \"spans\"} per line
  scrub           read JSON Lines {\"id\", \"text\"} on stdin, write {\"id\", \"text\"} per line
  scrub --text    read plain text on stdin, write the scrubbed text

Span offsets count Unicode code points (end exclusive). Bad lines are reported on stderr by line
number, without their content; the exit status is then 1.
";

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
}

#[derive(Clone, Copy, PartialEq)]
enum Command {
    Detect,
    Scrub,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["detect"] => run_jsonl(Command::Detect),
        ["scrub"] => run_jsonl(Command::Scrub),
        ["scrub", "--text"] => run_text(),
        ["-h" | "--help" | "help"] => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        ["-V" | "--version"] => {
            println!("phiscrub {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("phiscrub: {e}");
            ExitCode::from(1)
        }
    }
}

fn read_stdin() -> io::Result<Vec<u8>> {
    let mut input = Vec::new();
    io::stdin().lock().read_to_end(&mut input)?;
    Ok(input)
}

fn run_text() -> io::Result<bool> {
    let input = read_stdin()?;
    let Ok(text) = std::str::from_utf8(&input) else {
        eprintln!("phiscrub: input is not valid UTF-8");
        return Ok(false);
    };
    match Detector::new().detect(text) {
        Ok(found) => {
            io::stdout().lock().write_all(redact(text, &found).as_bytes())?;
            Ok(true)
        }
        Err(e) => {
            eprintln!("phiscrub: {e}");
            Ok(false)
        }
    }
}

/// Why a line was refused. The messages never include the line's content.
fn parse_line(line: &[u8]) -> Result<(Value, String), String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let value: Value = serde_json::from_str(line).map_err(|e| {
        format!("invalid JSON at column {} ({})", e.column(), json_error_class(&e))
    })?;
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

fn run_jsonl(cmd: Command) -> io::Result<bool> {
    let input = read_stdin()?;
    let detector = Detector::new();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_ok = true;
    for (n, line) in input.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let (id, text) = match parse_line(line) {
            Ok(parsed) => parsed,
            Err(why) => {
                eprintln!("phiscrub: line {}: {why}", n + 1);
                all_ok = false;
                continue;
            }
        };
        let found = match detector.detect(&text) {
            Ok(found) => found,
            Err(e) => {
                eprintln!("phiscrub: line {}: {e}", n + 1);
                all_ok = false;
                continue;
            }
        };
        let record = match cmd {
            Command::Detect => serde_json::json!({ "id": id, "spans": spans(&text, &found) }),
            Command::Scrub => serde_json::json!({ "id": id, "text": redact(&text, &found) }),
        };
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(all_ok)
}

fn spans<'a>(text: &'a str, found: &[Finding]) -> Vec<Span<'a>> {
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
