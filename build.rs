//! Packs the name and place lists (`data/dict/*.txt`) into one dictionary file,
//! `$OUT_DIR/phiscrub-dict.bin`, and writes its checksum to `$OUT_DIR/phiscrub-dict.sum`.
//!
//! The wasm build carries no dictionary text: it pins that checksum and accepts only this file,
//! which `scripts/ci/build-web.sh` copies next to the wasm (`pkg/phiscrub-dict.bin`). Native
//! builds embed the lists with `include_str!` and use the file only in tests. The layout is
//! described in `src/detect/dict/bundle.rs`.
//!
//! NOTE: a build script rather than a separate tool, so the file and the wasm that pins its
//! checksum always come from the same build.

use std::path::PathBuf;
use std::{env, fs};

/// The list order, the magic, the format version and the checksum, shared with the reader.
#[allow(dead_code)]
mod lists {
    include!("src/detect/dict/lists.rs");
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/detect/dict/lists.rs");
    let mut texts = Vec::new();
    for name in lists::NAMES {
        let path = format!("data/dict/{name}.txt");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        texts.push(text);
    }
    let mut out = Vec::new();
    out.extend_from_slice(lists::MAGIC);
    out.extend_from_slice(&lists::FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(lists::COUNT as u32).to_le_bytes());
    for (name, text) in lists::NAMES.iter().zip(&texts) {
        out.push(u8::try_from(name.len()).expect("a list name is under 256 bytes"));
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&u32::try_from(text.len()).expect("a list under 4 GB").to_le_bytes());
    }
    for text in &texts {
        out.extend_from_slice(text);
    }
    let sum = lists::checksum(&out).to_le_bytes();
    out.extend_from_slice(&sum);
    let dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(dir.join("phiscrub-dict.bin"), &out).expect("writing phiscrub-dict.bin");
    fs::write(dir.join("phiscrub-dict.sum"), sum).expect("writing phiscrub-dict.sum");
}
