//! Scores the detector against the gold corpus and prints recall and precision per label.
//!
//! ```text
//! cargo run --release --example eval [-- --verbose] [FILES...]
//! ```
//! Without files it reads every `tests/data/corpus/*.jsonl`. `--verbose` first lists every miss
//! and false alarm with its document id and text (the corpus is synthetic, so printing it is
//! fine). The last line is always `overall: recall=R precision=P leak=L`, micro-averaged over all
//! labels, for scripts to grep; a detector that predicts nothing gets precision 0.

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use phiscrub::eval::{self, Counts, Document, Kind, Outcome, Report};
use phiscrub::{Detector, Label};

const USAGE: &str = "usage: eval [--verbose] [FILES.jsonl...]\n";

use phiscrub::eval::STRUCTURED;

fn main() -> ExitCode {
    let mut verbose = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "-v" | "--verbose" => verbose = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            a if a.starts_with('-') => {
                eprint!("{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(PathBuf::from(arg)),
        }
    }
    match run(verbose, files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::from(1)
        }
    }
}

fn default_files() -> io::Result<Vec<PathBuf>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/corpus");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<io::Result<_>>()?;
    files.retain(|p| p.extension().is_some_and(|x| x == "jsonl"));
    files.sort();
    Ok(files)
}

fn run(verbose: bool, files: Vec<PathBuf>) -> Result<(), Box<dyn std::error::Error>> {
    let files = if files.is_empty() { default_files()? } else { files };
    let mut docs = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        docs.extend(eval::parse_corpus(&src).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    if docs.is_empty() {
        return Err("no documents".into());
    }
    let report = eval::evaluate(&Detector::new(), &docs)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if verbose {
        print_mistakes(&mut out, &report, &docs)?;
    }
    print_summary(&mut out, &report, docs.len(), files.len())?;
    out.flush()?;
    Ok(())
}

fn print_mistakes(out: &mut impl Write, report: &Report, docs: &[Document]) -> io::Result<()> {
    let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    for m in &report.mistakes {
        let text = &by_id[m.doc_id.as_str()].text;
        match m.outcome {
            Outcome::Miss { gold, leaked } => writeln!(
                out,
                "miss         {:<14} {:<14} {:?}{}",
                m.doc_id,
                gold.label.as_str(),
                eval::slice(text, gold.start, gold.end),
                if leaked { "  (leaked)" } else { "  (covered, wrong label)" }
            )?,
            Outcome::FalseAlarm { predicted } => writeln!(
                out,
                "false alarm  {:<14} {:<14} {:?}",
                m.doc_id,
                predicted.label.as_str(),
                eval::slice(text, predicted.start, predicted.end)
            )?,
        }
    }
    writeln!(out)
}

/// `0.873`, or `-` when undefined (no gold spans for a recall, no predictions for a precision).
fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

fn row(out: &mut impl Write, name: &str, c: &Counts) -> io::Result<()> {
    writeln!(
        out,
        "{:<15} {:>6} {:>6} {:>7} {:>9} {:>9} {:>9}",
        name,
        c.gold,
        c.predicted,
        num(c.recall()),
        num(c.precision()),
        num(c.strict_recall()),
        num(c.strict_precision())
    )
}

fn print_summary(
    out: &mut impl Write,
    report: &Report,
    n_docs: usize,
    n_files: usize,
) -> io::Result<()> {
    writeln!(out, "{n_docs} documents from {n_files} file(s)")?;
    writeln!(
        out,
        "{:<15} {:>6} {:>6} {:>7} {:>9} {:>9} {:>9}",
        "label", "gold", "pred", "recall", "precision", "strict R", "strict P"
    )?;
    for label in Label::ALL {
        if let Some(c) = report.labels.get(&label) {
            row(out, label.as_str(), c)?;
        }
    }
    let total = report.total();
    row(out, "(all)", &total)?;
    writeln!(out)?;

    let kinds: Vec<String> = Kind::ALL
        .iter()
        .filter_map(|k| report.kinds.get(k).map(|c| (k, c)))
        .map(|(k, c)| format!("{}={}", k.as_str(), num(c.counts.recall())))
        .collect();
    writeln!(out, "recall by kind: {}", kinds.join(" "))?;
    // Names are the hard label and lower-case chat the hard text: issue 3 sets a bar on each.
    let mut names: Vec<String> = Kind::ALL
        .iter()
        .filter_map(|k| report.kinds.get(k).map(|c| (k.as_str(), c)))
        .chain(std::iter::once(("lower-case-chat", &report.lower_case_chat)))
        .filter_map(|(k, c)| c.labels.get(&Label::Name).map(|n| (k, n, c.documents)))
        .map(|(k, n, d)| format!("{k}={} ({} of {}, {d} docs)", num(n.recall()), n.found, n.gold))
        .collect();
    if !names.is_empty() {
        names.insert(0, "NAME recall by kind:".to_owned());
        writeln!(out, "{}", names.join(" "))?;
    }
    if let Some(neg) = report.kinds.get(&Kind::Negative) {
        writeln!(
            out,
            "negative false alarms: {} per 2,000 chars ({} in {} chars, {} documents)",
            neg.false_alarms_per_2000().map_or_else(|| "-".to_owned(), |v| format!("{v:.2}")),
            neg.counts.false_alarms(),
            neg.chars,
            neg.documents
        )?;
    }
    let s = report.total_of(&STRUCTURED);
    writeln!(
        out,
        "structured labels (no names or places): recall={:.3} precision={:.3} leak={:.3}",
        s.recall().unwrap_or(0.0),
        s.precision().unwrap_or(0.0),
        s.leak().unwrap_or(0.0)
    )?;
    writeln!(
        out,
        "overall: recall={:.3} precision={:.3} leak={:.3}",
        total.recall().unwrap_or(0.0),
        total.precision().unwrap_or(0.0),
        total.leak().unwrap_or(0.0)
    )
}
