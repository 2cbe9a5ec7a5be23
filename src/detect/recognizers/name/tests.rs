//! Unit tests of the name recognizer's rules; the broad behaviour is in
//! `tests/data/cases/names.toml`.

use super::*;
use crate::detect::recognizers::testing::run;

fn names(s: &str) -> Vec<String> {
    run(&Name::new(), s).into_iter().map(|(_, t)| t).collect()
}

#[test]
fn tokens_keep_inner_apostrophes_and_hyphens_and_drop_possessives() {
    let s = "Maria's O'Neil García-López -- x";
    let t: Vec<&str> = tokenize(s).iter().map(|t| &s[t.start..t.end]).collect();
    assert_eq!(t, vec!["Maria", "O'Neil", "García-López", "x"]);
}

#[test]
fn shapes() {
    assert_eq!(shape("McDonald"), Shape::Title);
    assert_eq!(shape("NÚÑEZ"), Shape::Upper);
    assert_eq!(shape("R"), Shape::Initial);
    assert_eq!(shape("dan"), Shape::Lower);
    assert_eq!(shape("4B"), Shape::Other);
}

#[test]
fn titles_slots_and_credentials() {
    assert_eq!(names("Attending: Dr. R. Patel"), vec!["R. Patel"]);
    assert_eq!(names("Pt: SMITH, JOHN A"), vec!["SMITH, JOHN A"]);
    assert_eq!(names("-- Maria Lopez, RN"), vec!["Maria Lopez"]);
}

#[test]
fn lower_case_needs_context() {
    assert_eq!(names("hi im dan smith"), vec!["dan smith"]);
    assert_eq!(names("my son jake has a fever"), vec!["jake"]);
    assert!(names("will you bill me in may").is_empty());
}

#[test]
fn plausible_lower_rejects_inflected_words() {
    assert!(plausible_lower("kowalski"));
    assert!(!plausible_lower("calling"));
    assert!(!plausible_lower("her"));
}
