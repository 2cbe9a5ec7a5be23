//! Shape-keeping generation: a surrogate keeps the original's layout (separators, grouping,
//! letter case, leading zeros) and replaces only what identifies.

use rand_chacha::rand_core::RngCore;

/// The identity of a number-like value: its letters and digits, upper-cased. `555-201-3344` and
/// `(555) 201 3344` are the same phone; `a12-34` and `A1234` the same MRN.
pub(crate) fn alnum_key(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// A uniform value below `n` (n > 0), without modulo bias worth caring about for n < 2^32.
pub(crate) fn below(rng: &mut dyn RngCore, n: u32) -> u32 {
    ((u64::from(rng.next_u32()) * u64::from(n)) >> 32) as u32
}

/// A random digit in `lo..=hi`.
pub(crate) fn digit(rng: &mut dyn RngCore, lo: u8, hi: u8) -> char {
    char::from(b'0' + lo + below(rng, u32::from(hi - lo + 1)) as u8)
}

/// A random string of the same character classes as `key` (digits stay digits, letters stay
/// letters); a leading run of zeros is kept so `00482913` still looks like a padded MRN.
pub(crate) fn same_classes(rng: &mut dyn RngCore, key: &str) -> String {
    let mut leading_zeros = true;
    key.chars()
        .map(|c| {
            if c != '0' && !(leading_zeros && c.is_ascii_alphabetic()) {
                leading_zeros = false;
            }
            if c.is_ascii_digit() {
                if leading_zeros {
                    '0'
                } else {
                    digit(rng, 0, 9)
                }
            } else if c.is_ascii_alphabetic() {
                // Skip I and O, which read as 1 and 0.
                const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
                char::from(LETTERS[below(rng, LETTERS.len() as u32) as usize])
            } else {
                c
            }
        })
        .collect()
}

/// Writes `chars` into the layout of `original`: every ASCII letter or digit of `original` is
/// replaced, in order, by the next of `chars`, in the original's letter case; everything else is
/// kept. Extra `chars` are appended, missing ones leave the rest as is.
pub(crate) fn into_layout(original: &str, chars: &str) -> String {
    layout(original, chars, |c| c.is_ascii_alphanumeric())
}

/// Like [`into_layout`], but only digits are replaced (`x` of an extension stays).
pub(crate) fn into_digit_layout(original: &str, digits: &str) -> String {
    layout(original, digits, |c| c.is_ascii_digit())
}

fn layout(original: &str, chars: &str, slot: impl Fn(char) -> bool) -> String {
    let mut it = chars.chars();
    let mut out = String::with_capacity(original.len());
    for c in original.chars() {
        if slot(c) {
            match it.next() {
                Some(r) if c.is_ascii_lowercase() => out.push(r.to_ascii_lowercase()),
                Some(r) => out.push(r),
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out.extend(it);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;

    #[test]
    fn layout_and_classes_are_kept() {
        let mut rng = rand_chacha::ChaCha12Rng::seed_from_u64(7);
        let key = alnum_key("mr-00a12 34");
        assert_eq!(key, "MR00A1234");
        let s = same_classes(&mut rng, &key);
        assert_eq!(s.len(), key.len());
        assert!(s[2..4] == *"00", "leading zeros kept after letters? {s}");
        for (a, b) in s.chars().zip(key.chars()) {
            assert_eq!(a.is_ascii_digit(), b.is_ascii_digit());
        }
        let out = into_layout("mr-00a12 34", &s);
        assert_eq!(out.len(), "mr-00a12 34".len());
        assert_eq!(&out[2..3], "-");
        assert_eq!(&out[8..9], " ");
        assert!(out[..2].chars().all(|c| c.is_ascii_lowercase()));
    }
}
