//! phiscrub finds protected health information (PHI) in text, in the browser (WebAssembly) or
//! natively.
//!
//! This crate is the pure-Rust core: detection of the HIPAA Safe Harbor identifiers that appear in
//! text ([`Detector`]), reported as [`Finding`]s with a [`Label`] and a UTF-8 byte span, and the
//! encrypted [`vault`] that keeps the mapping from each original to its surrogate. The wasm
//! bindings live in one module, compiled only for `wasm32`.
//!
//! ```
//! use phiscrub::{Detector, Label};
//! let text = "Pt DOB 03/14/1961, MRN: 00482913, cell (555) 201-3344";
//! let found = Detector::new().detect(text).unwrap();
//! let labels: Vec<Label> = found.iter().map(|f| f.label).collect();
//! assert_eq!(labels, [Label::Date, Label::Mrn, Label::Phone]);
//! ```
//!
//! # Untrusted input
//! Every input is assumed hostile. Detection runs in time linear in the input (the `regex` crate
//! guarantees linear-time matching and every recognizer does bounded work around each match), and
//! inputs over a configurable limit are refused with [`ErrorKind::InputTooLarge`] rather than
//! processed. Stored vault data is equally untrusted: headers, files and sealed records are
//! parsed with bounds checks, authenticated before they are decoded, and a hostile header cannot
//! ask for more than a bounded number of PBKDF2 iterations. No error, `Debug` or `Display`
//! output of this crate contains input text, vault contents or keys.
//!
//! # What this is not
//! phiscrub reduces the risk of disclosing PHI; it does not certify HIPAA compliance. Biometric
//! identifiers and full-face photographs (Safe Harbor items 16 and 17) are not text and are out of
//! scope.

#![deny(missing_docs)]

pub mod detect;
mod error;
pub mod eval;
pub mod jsonl;
mod label;
pub mod offsets;
pub mod reidentify;
pub mod session;
pub mod surrogate;
pub mod vault;

#[cfg(target_arch = "wasm32")]
mod wasm;

// NOTE: compiled only into the fuzz targets (cargo-fuzz and scripts/ci/test-fuzz.sh pass
// `--cfg fuzzing`): entry points to internals that stored, hostile bytes reach.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing;

pub use detect::{Detector, DetectorBuilder, Finding};
pub use error::{Error, ErrorKind};
pub use label::{Label, UnknownLabel};
