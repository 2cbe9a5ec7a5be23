//! Conversions between the byte offsets used inside Rust and the units callers count in.
//!
//! NOTE: every span inside the crate is a UTF-8 byte range into the caller's text (the `regex`
//! convention). The CLI reports Unicode code points (as Python indexes a string) and the JS API
//! reports UTF-16 code units; both conversions happen here and nowhere else.

/// The unit a caller counts text offsets in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (Rust `str` indices).
    Byte,
    /// Unicode scalar values (Python `str` indices).
    CodePoint,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
}

/// Converts ascending byte offsets into `text` to `unit`, in one pass.
///
/// `offsets` must be sorted ascending and lie on char boundaries of `text`; offsets that are out
/// of order are still converted correctly, only more slowly.
///
/// ```
/// use phiscrub::offsets::{convert, Unit};
/// let text = "né 😀 x";
/// assert_eq!(convert(text, &[0, 3, 4, 8, 9], Unit::CodePoint), vec![0, 2, 3, 4, 5]);
/// assert_eq!(convert(text, &[0, 3, 4, 8, 9], Unit::Utf16), vec![0, 2, 3, 5, 6]);
/// ```
pub fn convert(text: &str, offsets: &[usize], unit: Unit) -> Vec<usize> {
    if unit == Unit::Byte {
        return offsets.to_vec();
    }
    let mut out = Vec::with_capacity(offsets.len());
    // (byte position, converted position) of the scan cursor.
    let (mut byte, mut units) = (0usize, 0usize);
    for &target in offsets {
        debug_assert!(text.is_char_boundary(target), "offset not on a char boundary");
        if target < byte {
            byte = 0;
            units = 0;
        }
        for c in text[byte..target].chars() {
            units += match unit {
                Unit::CodePoint => 1,
                Unit::Utf16 => c.len_utf16(),
                Unit::Byte => c.len_utf8(),
            };
        }
        byte = target;
        out.push(units);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_astral_and_combining_characters() {
        // e + combining acute is two code points; the emoji is one code point, two UTF-16 units.
        let text = "e\u{301}😀a";
        let bytes = [0, 1, 3, 7, 8];
        assert_eq!(convert(text, &bytes, Unit::CodePoint), vec![0, 1, 2, 3, 4]);
        assert_eq!(convert(text, &bytes, Unit::Utf16), vec![0, 1, 2, 4, 5]);
        assert_eq!(convert(text, &bytes, Unit::Byte), bytes.to_vec());
    }

    #[test]
    fn unsorted_offsets_are_still_right() {
        let text = "ab😀cd";
        assert_eq!(convert(text, &[7, 1, 8], Unit::Utf16), vec![5, 1, 6]);
    }
}
