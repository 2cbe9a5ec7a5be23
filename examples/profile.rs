//! A small native workload runner for profiling (`valgrind --tool=callgrind` counts its
//! instructions reproducibly) and quick timing, over a JSON-lines file of `{"id","text"}` such
//! as the one `make bench` builds at target/bench/corpus-cli.jsonl.
//!
//! ```sh
//! cargo build --release --example profile
//! valgrind --tool=callgrind target/release/examples/profile detect target/bench/corpus-cli.jsonl 300
//! ```
//!
//! Workloads: `detect` (add `warm` after N to build the on-demand patterns first) and `scrub`
//! over the first N documents; `cold` builds one detector and detects the first N documents once
//! each, as a page's cold start does (`bench/cold.js` scrubs one message), without the session
//! the other workloads open (it builds a detector of its own); `stream` scrubs the first N
//! documents into one in-memory vault, then streams each scrubbed text back through the
//! re-identifier in 8-byte chunks (as an LLM answer arrives) and reports the time per chunk;
//! `pairs` isolates the new-pair path of the browser core's `scrub` (src/wasm/core.rs): it
//! detects the first N documents once, untimed, then substitutes them into a fresh engine and
//! seals and claims every new pair as the binding does (`first_pass`), then substitutes the same
//! documents again (`second_pass`: the same findings, no new pair). Under callgrind, the
//! difference of the two passes' inclusive counts divided by the new pairs is the cost of one
//! new pair; it prints a digest of the scrubbed texts (the engine's seed is fixed) to check that a
//! change leaves the surrogates alone.

use std::time::Instant;

use phiscrub::session::Session;
use phiscrub::surrogate::{Policy, Surrogates};
use phiscrub::vault::claim::tag_hex;
use phiscrub::vault::{Claim, KeySource, MappingEntry, MemoryStore, Vault, VaultCore, VaultKey};
use phiscrub::{Detector, Finding};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (what, path) = match (args.first(), args.get(1)) {
        (Some(w), Some(p)) => (w.as_str(), p.as_str()),
        _ => {
            eprintln!("usage: profile detect|scrub|stream|cold|pairs FILE.jsonl [N]");
            std::process::exit(2);
        }
    };
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
    let input = std::fs::read_to_string(path).expect("readable input");
    let texts: Vec<String> = input
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(n)
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["text"].as_str().expect("a text field").to_owned()
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    if what == "cold" {
        let t = Instant::now();
        let d = Detector::new();
        let found: usize = texts.iter().map(|x| d.detect(x).expect("detects").len()).sum();
        report("cold", bytes, t.elapsed().as_secs_f64(), found);
        return;
    }
    if what == "pairs" {
        pairs(&texts);
        return;
    }
    let key = KeySource::Key(VaultKey::from_bytes([7; 32]));
    let vault = Vault::open(MemoryStore::new(), key).expect("an in-memory vault");
    let (mut session, _) = Session::open(vault, Policy::default(), 1).expect("a session");
    match what {
        "detect" => {
            let d = Detector::new();
            // `warm` (4th argument): detect once in a text with accents first, so that the
            // patterns compiled on demand for non-ASCII text are built before the workload and
            // a profile separates building from steady-state detection. `steady`: also detect
            // every text once before the timed pass, since every pattern now compiles on its
            // first search (callgrind: `detect_all` inclusive is the steady-state figure).
            let steady = args.get(3).is_some_and(|a| a == "steady");
            if steady || args.get(3).is_some_and(|a| a == "warm") {
                d.detect("José Núñez, 12 Main St, Springfield, IL 62704").expect("detects");
            }
            if steady {
                warm_all(&d, &texts);
            }
            let t = Instant::now();
            let found = detect_all(&d, &texts);
            report("detect", bytes, t.elapsed().as_secs_f64(), found);
        }
        "scrub" => {
            let t = Instant::now();
            let found: usize =
                texts.iter().map(|x| session.scrub(x, 1).expect("scrubs").entities.len()).sum();
            report("scrub", bytes, t.elapsed().as_secs_f64(), found);
        }
        "stream" => {
            let scrubbed: Vec<String> =
                texts.iter().map(|x| session.scrub(x, 1).expect("scrubs").text).collect();
            let r = session.rehydrator();
            let t = Instant::now();
            let mut chunks = 0usize;
            let mut out = 0usize;
            for s in &scrubbed {
                let mut stream = r.stream();
                let mut at = 0;
                while at < s.len() {
                    let mut end = (at + 8).min(s.len());
                    while !s.is_char_boundary(end) {
                        end += 1;
                    }
                    out += stream.push(&s[at..end]).len();
                    chunks += 1;
                    at = end;
                }
                out += stream.finish().len();
            }
            let secs = t.elapsed().as_secs_f64();
            println!(
                "stream: {chunks} chunks, {:.1} us per chunk, {out} bytes out",
                secs * 1e6 / chunks as f64
            );
        }
        other => {
            eprintln!("unknown workload {other}");
            std::process::exit(2);
        }
    }
}

/// The `pairs` workload (see the module docs).
fn pairs(texts: &[String]) {
    let d = Detector::new();
    let found: Vec<Vec<Finding>> = texts.iter().map(|x| d.detect(x).expect("detects")).collect();
    let vault = VaultCore::create(&KeySource::Key(VaultKey::from_bytes([7; 32]))).expect("a vault");
    // A fixed date offset, not the vault's (its vault id is random): the digest stays comparable.
    let mut engine = Surrogates::from_parts([3; 32], 40, Vec::new());
    let policy = Policy::default();
    let t = Instant::now();
    let (new, claims, first) = first_pass(&mut engine, &vault, &policy, texts, &found);
    let t1 = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (again, _, second) = second_pass(&mut engine, &vault, &policy, texts, &found);
    let t2 = t.elapsed().as_secs_f64();
    println!(
        "pairs: {new} new pairs, {claims} claims, {again} new the second time; first pass {:.1} ms, \
         second {:.1} ms, {:.1} us a new pair; digest {first:016x} {second:016x}",
        t1 * 1e3,
        t2 * 1e3,
        (t1 - t2) * 1e6 / new.max(1) as f64
    );
}

/// The first pass of `pairs`: every pair new.
#[inline(never)]
fn first_pass(
    engine: &mut Surrogates,
    vault: &VaultCore,
    policy: &Policy,
    texts: &[String],
    found: &[Vec<Finding>],
) -> (usize, usize, u64) {
    // NOTE: the two passes differ in this constant only, so the compiler cannot merge them into
    // one function and callgrind counts each apart.
    std::hint::black_box(1u8);
    scrub_all(engine, vault, policy, texts, found)
}

/// The second pass of `pairs`: the same documents, no new pair.
#[inline(never)]
fn second_pass(
    engine: &mut Surrogates,
    vault: &VaultCore,
    policy: &Policy,
    texts: &[String],
    found: &[Vec<Finding>],
) -> (usize, usize, u64) {
    std::hint::black_box(2u8);
    scrub_all(engine, vault, policy, texts, found)
}

/// What the browser core's `scrub` does after detection: substitute, then seal each new pair and
/// compute its claims, as hex, as the binding hands them to JS. Returns the new pairs, the
/// claims and an FNV-1a digest of the scrubbed texts.
fn scrub_all(
    engine: &mut Surrogates,
    vault: &VaultCore,
    policy: &Policy,
    texts: &[String],
    found: &[Vec<Finding>],
) -> (usize, usize, u64) {
    let (mut new, mut claims, mut digest) = (0, 0, 0xcbf2_9ce4_8422_2325u64);
    for (i, (text, f)) in texts.iter().zip(found).enumerate() {
        let out = engine.scrub(text, f, policy);
        for b in out.text.bytes() {
            digest = (digest ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        for p in &out.new_pairs {
            let entry = MappingEntry {
                label: p.label,
                original: p.original.clone(),
                surrogate: p.surrogate.clone(),
                created_at_ms: 1 + i as u64,
                expires_at_ms: None,
            };
            let sealed = vault.seal(&entry).expect("seals");
            std::hint::black_box(sealed.record_id().to_string());
            let c = vault.claims(&entry).expect("claims");
            claims += c.len();
            std::hint::black_box(claims_hex(&c));
        }
        new += out.new_pairs.len();
    }
    (new, claims, digest)
}

/// The claims' tags as hex, as src/wasm/core.rs writes them for JS.
fn claims_hex(claims: &[Claim]) -> Vec<(String, String)> {
    claims.iter().map(|c| (tag_hex(&c.key), tag_hex(&c.value))).collect()
}

/// The untimed pass of `steady`.
#[inline(never)]
fn warm_all(d: &Detector, texts: &[String]) -> usize {
    texts.iter().map(|x| d.detect(x).expect("detects").len()).sum()
}

/// The timed pass of `detect`.
#[inline(never)]
fn detect_all(d: &Detector, texts: &[String]) -> usize {
    texts.iter().map(|x| d.detect(x).expect("detects").len()).sum()
}

fn report(what: &str, bytes: usize, secs: f64, found: usize) {
    println!(
        "{what}: {bytes} bytes in {secs:.3} s, {:.2} MB/s, {found} spans",
        bytes as f64 / 1e6 / secs
    );
}
