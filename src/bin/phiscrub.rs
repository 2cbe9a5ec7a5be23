//! The phiscrub command line: JSON Lines in, JSON Lines out.
//!
//! ```text
//! phiscrub detect                  {"id","text"} -> {"id","spans":[{start,end,label,text}]}
//! phiscrub scrub [--redact]        {"id","text"} -> {"id","text"} with surrogates ([LABEL] with --redact)
//! phiscrub scrub --text            plain text on stdin -> scrubbed text on stdout
//! phiscrub scrub --vault F --key-file K      ... keeping the mapping in the encrypted vault file F
//! phiscrub rehydrate --vault F --key-file K  {"id","text"} -> {"id","text"} with originals restored
//! ```
//! Offsets count Unicode code points, end exclusive. A bad line is reported on stderr by line
//! number (never with its content), the other lines are still processed, and the exit status is 1.
//! A panic (a bug) prints a fixed message with the input line number and the code location,
//! never the panic's message, which may quote the input; the exit status is then 101.

use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use phiscrub::jsonl::{run_lines, spans};
use phiscrub::session::Session;
use phiscrub::surrogate::{redact, Action, Policy};
use phiscrub::vault::{FileStore, KeySource, MemoryStore, RecordStore, Vault, VaultKey};
use phiscrub::Detector;
use serde_json::Value;

const USAGE: &str = "\
usage: phiscrub <command> [options]

commands:
  detect      read JSON Lines {\"id\", \"text\"} on stdin, write {\"id\", \"spans\"} per line
  scrub       read JSON Lines {\"id\", \"text\"} on stdin, write {\"id\", \"text\"} per line,
              each identifier replaced by a surrogate (the same one every time in a run or vault)
  rehydrate   read JSON Lines {\"id\", \"text\"} of scrubbed texts, write them with the
              originals restored (needs --vault and --key-file)

options:
  --text            plain text on stdin and stdout instead of JSON Lines (scrub, rehydrate)
  --redact          scrub: replace each identifier with [LABEL] instead of a surrogate
  --age-surrogates  scrub: write ages over 89 as random ages of 90 or more (restorable) instead
                    of Safe Harbor's \"90+\" (which cannot be restored)
  --keep-clinicians detect, scrub: leave clinicians' names (after Dr., Attending:, signed by,
                    before MD/RN/NP) as they are; patients' and relatives' names are still found
  --vault FILE      keep the mapping in this encrypted vault file (created if missing, extended
                    by later runs); without it, scrub uses a vault in memory
  --key-file FILE   the vault key: a file holding exactly 32 raw bytes

Span offsets count Unicode code points (end exclusive). Bad lines are reported on stderr by line
number, without their content; the exit status is then 1.
";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Command {
    Detect,
    Scrub,
    Rehydrate,
}

#[derive(Debug)]
struct Options {
    cmd: Command,
    text: bool,
    redact: bool,
    age_surrogates: bool,
    keep_clinicians: bool,
    vault: Option<PathBuf>,
    key_file: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut it = args.iter();
    let cmd = match it.next().map(String::as_str) {
        Some("detect") => Command::Detect,
        Some("scrub") => Command::Scrub,
        Some("rehydrate") => Command::Rehydrate,
        _ => return Err("expected a command".into()),
    };
    let mut o = Options {
        cmd,
        text: false,
        redact: false,
        age_surrogates: false,
        keep_clinicians: false,
        vault: None,
        key_file: None,
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--text" if cmd != Command::Detect => o.text = true,
            "--redact" if cmd == Command::Scrub => o.redact = true,
            "--age-surrogates" if cmd == Command::Scrub => o.age_surrogates = true,
            "--keep-clinicians" if cmd != Command::Rehydrate => o.keep_clinicians = true,
            "--vault" if cmd != Command::Detect => {
                o.vault = Some(it.next().ok_or("--vault needs a file")?.into());
            }
            "--key-file" if cmd != Command::Detect => {
                o.key_file = Some(it.next().ok_or("--key-file needs a file")?.into());
            }
            _ => return Err("unknown option".into()),
        }
    }
    if o.vault.is_some() != o.key_file.is_some() {
        return Err("--vault and --key-file go together".into());
    }
    if cmd == Command::Rehydrate && o.vault.is_none() {
        return Err("rehydrate needs --vault and --key-file".into());
    }
    if o.redact && o.vault.is_some() {
        return Err("--redact keeps no mapping: drop --vault".into());
    }
    Ok(o)
}

/// Replaces the default panic hook, which prints the panic's message: a formatted one (a slice
/// index outside a char boundary, a failed `unwrap`) can quote the text being scrubbed.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map_or_else(
            || "an unknown location".to_owned(),
            |l| format!("{}:{}", l.file(), l.line()),
        );
        let line = match phiscrub::jsonl::current_line() {
            Some(n) => format!("on input line {n}"),
            None => "outside any JSON Lines input line".to_owned(),
        };
        // NOTE: only a literal message (a `&'static str` payload: `panic!("...")` without
        // arguments) is shown; it is part of the program, so it cannot hold input text. Formatted
        // messages (`String` payloads) are never shown.
        let what = match info.payload().downcast_ref::<&'static str>() {
            Some(literal) => format!(" ({literal})"),
            None => String::new(),
        };
        eprintln!(
            "phiscrub: internal error {line}, at {at}{what}; the input text is not shown. \
             Please report it with this message and synthetic data only (SECURITY.md)."
        );
    }));
}

/// A test-only way to reach the panic hook: in debug builds, a text holding the value of
/// `PHISCRUB_TEST_PANIC` panics with a message that quotes the text, as a slicing bug would.
/// Release builds have no such path.
fn test_panic(text: &str) {
    #[cfg(debug_assertions)]
    if let Some(marker) = std::env::var_os("PHISCRUB_TEST_PANIC") {
        if marker.to_str().is_some_and(|m| !m.is_empty() && text.contains(m)) {
            panic!("forced test panic on {text:?}");
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = text;
}

fn main() -> ExitCode {
    install_panic_hook();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            println!("phiscrub {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let opts = match parse_args(&args) {
        Ok(o) => o,
        Err(why) => {
            eprintln!("phiscrub: {why}\n");
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&opts) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("phiscrub: {e}");
            ExitCode::from(1)
        }
    }
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

fn read_key(path: &PathBuf) -> Result<VaultKey, String> {
    let mut bytes = zeroize::Zeroizing::new(
        std::fs::read(path).map_err(|e| format!("cannot read the key file ({})", e.kind()))?,
    );
    let key = VaultKey::from_slice(&bytes)
        .map_err(|_| format!("the key file must hold exactly 32 bytes (it holds {})", bytes.len()));
    zeroize::Zeroize::zeroize(&mut *bytes);
    key
}

fn run(o: &Options) -> Result<bool, String> {
    let io_err = |e: io::Error| format!("i/o error ({})", e.kind());
    let input = read_stdin().map_err(io_err)?;
    if o.cmd == Command::Detect || o.redact {
        let detector = Detector::builder().keep_clinicians(o.keep_clinicians).build();
        return if o.text {
            run_text(&input, |t| {
                detector.detect(t).map(|f| redact(t, &f)).map_err(|e| e.to_string())
            })
        } else {
            let cmd = o.cmd;
            run_jsonl(&input, |text| {
                let found = detector.detect(text).map_err(|e| e.to_string())?;
                Ok(match cmd {
                    Command::Detect => serde_json::json!({ "spans": spans(text, &found) }),
                    _ => serde_json::json!({ "text": redact(text, &found) }),
                })
            })
        }
        .map_err(io_err);
    }
    match (&o.vault, &o.key_file) {
        (Some(v), Some(k)) => {
            let key = read_key(k)?;
            let vault = Vault::open(FileStore::new(v), KeySource::Key(key))
                .map_err(|e| format!("cannot open the vault: {e}"))?;
            with_vault(o, &input, vault)
        }
        _ => {
            let key = VaultKey::generate().map_err(|e| e.to_string())?;
            let vault =
                Vault::open(MemoryStore::new(), KeySource::Key(key)).map_err(|e| e.to_string())?;
            with_vault(o, &input, vault)
        }
    }
}

/// The scrub policy the options ask for.
fn policy(o: &Options) -> Policy {
    let p = Policy::new().with_age_surrogates(o.age_surrogates);
    match o.keep_clinicians {
        true => p.with_clinicians(Action::Keep),
        false => p,
    }
}

fn with_vault<S: RecordStore>(o: &Options, input: &[u8], vault: Vault<S>) -> Result<bool, String> {
    let io_err = |e: io::Error| format!("i/o error ({})", e.kind());
    let (mut session, errors) = Session::open(vault, policy(o), now_ms())
        .map_err(|e| format!("cannot read the vault: {e}"))?;
    if !errors.is_empty() {
        // NOTE: only counts and codes: a record's content is never printed.
        eprintln!(
            "phiscrub: warning: {} vault record(s) could not be read (first: {}); the others are in use",
            errors.len(),
            errors[0].error.code()
        );
    }
    let ok = match o.cmd {
        Command::Rehydrate => {
            let r = session.rehydrator();
            if o.text {
                run_text(input, |t| Ok(r.rehydrate(t)))
            } else {
                run_jsonl(input, |t| Ok(serde_json::json!({ "text": r.rehydrate(t) })))
            }
        }
        _ => {
            let mut scrub = |t: &str| {
                session.scrub(t, now_ms()).map(|s| s.text).map_err(|e| match e.code() {
                    "input_too_large" => e.to_string(),
                    code => format!("the mapping could not be stored ({code}); text withheld"),
                })
            };
            if o.text {
                run_text(input, scrub)
            } else {
                run_jsonl(input, |t| Ok(serde_json::json!({ "text": scrub(t)? })))
            }
        }
    }
    .map_err(io_err)?;
    Ok(ok && errors.is_empty())
}

fn read_stdin() -> io::Result<Vec<u8>> {
    let mut input = Vec::new();
    io::stdin().lock().read_to_end(&mut input)?;
    Ok(input)
}

fn run_text(input: &[u8], mut f: impl FnMut(&str) -> Result<String, String>) -> io::Result<bool> {
    let Ok(text) = std::str::from_utf8(input) else {
        eprintln!("phiscrub: input is not valid UTF-8");
        return Ok(false);
    };
    test_panic(text);
    match f(text) {
        Ok(out) => {
            io::stdout().lock().write_all(out.as_bytes())?;
            Ok(true)
        }
        Err(why) => {
            eprintln!("phiscrub: {why}");
            Ok(false)
        }
    }
}

/// Runs `f` on every line of `input` (see [`phiscrub::jsonl::run_lines`]): stdout, stderr.
fn run_jsonl(input: &[u8], mut f: impl FnMut(&str) -> Result<Value, String>) -> io::Result<bool> {
    let mut out = BufWriter::new(io::stdout().lock());
    run_lines(input, &mut out, &mut io::stderr().lock(), |t| {
        test_panic(t);
        f(t)
    })
}
