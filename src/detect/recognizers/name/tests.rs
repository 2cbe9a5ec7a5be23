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

/// Which names of a text the detector marks as clinicians', by their text.
fn clinician_names(s: &str) -> Vec<(String, bool)> {
    crate::Detector::new()
        .detect(s)
        .unwrap()
        .into_iter()
        .filter(|f| f.label == Label::Name)
        .map(|f| (s[f.start..f.end].to_owned(), f.clinician))
        .collect()
}

#[test]
fn clinicians_are_marked_by_title_role_slot_credential_and_repeat() {
    let got = clinician_names(
        "Attending: Dr. Ahmed Mwangi\nDaughter Rosa Lindqvist at bedside.\nMwangi to call her.\n\
         /s/ Getachew Alemu\nRN Maria Mbeki\ncc: Tova Rosenblatt\nKeiko Tanaka, MD",
    );
    let want = [
        ("Ahmed Mwangi", true),
        ("Rosa Lindqvist", false),
        ("Mwangi", true),
        ("Getachew Alemu", true),
        ("Maria Mbeki", true),
        ("Tova Rosenblatt", true),
        ("Keiko Tanaka", true),
    ];
    let want: Vec<(String, bool)> = want.iter().map(|(n, c)| ((*n).to_owned(), *c)).collect();
    assert_eq!(got, want);
}

#[test]
fn a_suffix_is_no_credential_and_a_patient_no_clinician() {
    assert_eq!(
        clinician_names("Pt: Marcus Bell Jr, seen with wife Ana"),
        vec![("Marcus Bell".to_owned(), false), ("Ana".to_owned(), false)]
    );
}

#[test]
fn keep_clinicians_leaves_only_the_clinicians() {
    let text = "Dr. Okonkwo spoke with son Dmitri Volkov; signed by Priya Nair, NP";
    let d = crate::Detector::builder().keep_clinicians(true).build();
    let got: Vec<&str> = d.detect(text).unwrap().iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(got, ["Dmitri Volkov"]);
}
