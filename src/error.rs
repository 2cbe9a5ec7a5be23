//! The one error type of the crate.
//!
//! NOTE: an [`Error`] never carries caller text. Its `Debug` and `Display` name the kind and,
//! where useful, sizes and positions; they are safe to log.

use std::fmt;

/// What went wrong, without any of the text that was being processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// The kinds of [`Error`]. New kinds may be added in minor releases.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is longer than the configured limit.
    InputTooLarge {
        /// Length of the input, in bytes.
        len: usize,
        /// The configured limit, in bytes.
        limit: usize,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// A stable, machine-readable code (`"input_too_large"`), the `code` of the JS error.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::InputTooLarge { .. } => "input_too_large",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InputTooLarge { len, limit } => {
                write!(f, "input of {len} bytes is over the limit of {limit} bytes")
            }
        }
    }
}

impl std::error::Error for Error {}
