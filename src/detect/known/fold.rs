//! Folding of words to comparison keys: lower case, Latin diacritics removed, apostrophes dropped.
//!
//! Registered values and text tokens go through the same fold, so `JOSÉ`, `José` and `jose` meet,
//! and so do `O'Neil` and `ONeil`.

/// Appends the key form of `word` to `out` (cleared first).
pub(super) fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        if is_apostrophe(c) || ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        for l in c.to_lowercase() {
            match strip(l) {
                Some(s) => out.push_str(s),
                None => out.push(l),
            }
        }
    }
}

/// The key of `word` as a new string.
pub(super) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// The typewriter and typographic apostrophes (`O'Neil`, `O’Neil`).
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// ASCII form of a lower-case Latin-1 or Latin Extended-A letter.
fn strip(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_diacritics_and_apostrophes_fold_away() {
        assert_eq!(fold("JOSÉ"), "jose");
        assert_eq!(fold("Núñez"), "nunez");
        assert_eq!(fold("O’Neil"), "oneil");
        assert_eq!(fold("e\u{0301}mile"), "emile");
        assert_eq!(fold("Łukasz"), "lukasz");
        assert_eq!(fold("4B"), "4b");
    }
}
