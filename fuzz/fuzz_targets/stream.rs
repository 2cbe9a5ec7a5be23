//! The streaming re-identifier against the batch one: for any text and any split into chunks,
//! the concatenated stream output equals `rehydrate` of the whole. Bytes 0x01..=0x1F in the
//! input stand for the surrogates of a fixed vault (in three letter cases), so the fuzzer reaches
//! restorable text without guessing random surrogates.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use phiscrub::reidentify::Rehydrator;
use phiscrub::surrogate::{Policy, Surrogates};

#[path = "common.rs"]
mod common;

const NOTE: &str = "Pt John Baker (DOB 03/14/1961), MRN: 00482913, cell (312) 201-3344, \
    john.baker@example.org, SSN 123-45-6789, seen 2024-05-02 at Saint Mary Hospital, Springfield \
    IL 62704, https://portal.example.org/p/1188, 10.2.3.4, a 97-year-old, Nov 3, acct 99812345.";

fn fixed() -> &'static (Rehydrator, Vec<String>) {
    static R: OnceLock<(Rehydrator, Vec<String>)> = OnceLock::new();
    R.get_or_init(|| {
        let found = common::detector().detect(NOTE).unwrap();
        let mut engine = Surrogates::new([3; 32]);
        engine.scrub(NOTE, &found, &Policy::new().with_age_surrogates(true));
        let r = Rehydrator::new(engine.pairs(), engine.date_offset());
        let s = engine.pairs().iter().map(|p| p.surrogate.clone()).collect();
        (r, s)
    })
}

fuzz_target!(|data: &[u8]| {
    let (r, surrogates) = fixed();
    let Some((&ncuts, rest)) = data.split_first() else { return };
    let ncuts = usize::from(ncuts % 16);
    if rest.len() < ncuts * 2 {
        return;
    }
    let (cuts, body) = rest.split_at(ncuts * 2);
    let Ok(body) = std::str::from_utf8(body) else { return };
    let mut text = String::new();
    for c in body.chars() {
        match c as u32 {
            k @ 1..=0x1F => {
                let s = &surrogates[k as usize % surrogates.len()];
                match k % 3 {
                    0 => text.push_str(s),
                    1 => text.push_str(&s.to_uppercase()),
                    _ => text.push_str(&s.to_lowercase()),
                }
            }
            _ => text.push(c),
        }
    }
    let mut points: Vec<usize> = cuts
        .chunks_exact(2)
        .map(|c| usize::from(u16::from_le_bytes([c[0], c[1]])) % (text.len() + 1))
        .collect();
    points.push(text.len());
    points.sort_unstable();
    let mut stream = r.stream();
    let (mut out, mut at) = (String::new(), 0);
    for p in points {
        let p = (p..=text.len()).find(|&q| text.is_char_boundary(q)).unwrap();
        if p > at {
            out.push_str(&stream.push(&text[at..p]));
            at = p;
        }
    }
    out.push_str(&stream.finish());
    let batch = r.rehydrate(&text);
    // Always: the stream never panics and gives back text of the same shape; under `make fuzz`
    // (strict) it must equal the batch restore exactly (open issues: fuzz/regressions/README.md).
    assert_eq!(out.is_empty(), batch.is_empty());
    if common::strict() {
        assert!(out == batch, "stream != batch");
    }
});
