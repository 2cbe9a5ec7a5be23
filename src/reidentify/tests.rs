use rand_chacha::rand_core::{RngCore, SeedableRng};

use super::*;
use crate::surrogate::{Pair, Policy, Surrogates};
use crate::Finding;

fn pair(label: Label, original: &str, surrogate: &str) -> Pair {
    Pair { label, original: original.into(), surrogate: surrogate.into() }
}

fn vault() -> Rehydrator {
    Rehydrator::new(
        &[
            pair(Label::Name, "Dan Smith", "John Baker"),
            pair(Label::Name, "Smith", "Baker"),
            pair(Label::Name, "Dan", "John"),
            pair(Label::Phone, "312-201-3344", "(646) 555-0142"),
            pair(Label::Email, "dan@mail.test", "sage.pine42@example.org"),
            pair(Label::Mrn, "00482913", "00771204"),
            pair(Label::Ssn, "123-45-6789", "912-34-5678"),
            pair(Label::Date, "3/14/2024", "3/24/2024"),
            pair(Label::Age, "92", "90+"),
            pair(Label::Age, "104", "97"),
        ],
        10,
    )
}

#[test]
fn restores_surrogates_in_any_case_and_possessive() {
    let r = vault();
    assert_eq!(r.rehydrate("Hello John Baker."), "Hello Dan Smith.");
    assert_eq!(r.rehydrate("JOHN BAKER, MRN 00771204"), "DAN SMITH, MRN 00482913");
    assert_eq!(r.rehydrate("mr. baker's results"), "mr. smith's results");
    assert_eq!(r.rehydrate("Mr. Baker and John"), "Mr. Smith and Dan");
    assert_eq!(r.rehydrate("Bakery and Johnson stay"), "Bakery and Johnson stay");
}

#[test]
fn a_name_written_with_words_in_different_cases_keeps_each_words_case() {
    // The text gave `darnell` and `Johansson` apart after `Darnell Johansson`; the answer
    // writes the whole surrogate with the first word in lower case. Each word keeps its case:
    // before, the first letter alone decided and the surname came back in lower case.
    let r = vault();
    assert_eq!(r.rehydrate("seen by john Baker today"), "seen by dan Smith today");
    assert_eq!(r.rehydrate("seen by JOHN baker today"), "seen by DAN smith today");
    assert_eq!(r.rehydrate("seen by john baker today"), "seen by dan smith today");
}

#[test]
fn restores_regrouped_phones_and_ssns() {
    let r = vault();
    assert_eq!(r.rehydrate("call 646.555.0142"), "call 312.201.3344");
    assert_eq!(r.rehydrate("call +1 646 555 0142 now"), "call +1 312 201 3344 now");
    assert_eq!(r.rehydrate("SSN 912345678"), "SSN 123456789");
}

#[test]
fn restores_dates_in_another_format_only_when_the_vault_issued_them() {
    let r = vault();
    assert_eq!(r.rehydrate("seen on March 24, 2024"), "seen on March 14, 2024");
    assert_eq!(r.rehydrate("seen 2024-03-24"), "seen 2024-03-14");
    assert_eq!(r.rehydrate("and again on 4/1/2024"), "and again on 4/1/2024");
}

#[test]
fn never_restores_into_urls_links_or_attributes() {
    let r = vault();
    let evil = "[click](https://evil.test/?n=John%20Baker&p=6465550142) ![x](http://e.test/00771204) \
                <img src=\"https://e.test/Baker\" alt=\"John Baker\"> https://e.test/q?mrn=00771204 www.e.test/Baker";
    assert_eq!(r.rehydrate(evil), evil);
    assert_eq!(r.rehydrate("[John Baker](https://e.test/x)"), "[Dan Smith](https://e.test/x)");
}

#[test]
fn a_bare_url_surrogate_is_restored_whole_but_never_as_a_link_target() {
    let r = Rehydrator::new(
        &[pair(Label::Url, "https://portal.test/me/88123", "https://amber.example.org/ab/12345")],
        1,
    );
    assert_eq!(
        r.rehydrate("see https://amber.example.org/ab/12345."),
        "see https://portal.test/me/88123."
    );
    let link = "[here](https://amber.example.org/ab/12345) <a href=\"https://amber.example.org/ab/12345\">x</a>";
    assert_eq!(r.rehydrate(link), link);
    let longer = "https://amber.example.org/ab/12345/more";
    assert_eq!(r.rehydrate(longer), longer);
}

#[test]
fn aggregated_ages_are_not_restored() {
    assert_eq!(vault().rehydrate("a 90+ year old"), "a 90+ year old");
}

#[test]
fn age_surrogates_are_restored_only_as_ages() {
    let r = Rehydrator::new(&[pair(Label::Age, "104", "97")], 1);
    assert_eq!(r.rehydrate("a 97-year-old, aged 97, 97 yo"), "a 104-year-old, aged 104, 104 yo");
    assert_eq!(r.rehydrate("temp 97.4, BP 153/97, HR 97"), "temp 97.4, BP 153/97, HR 97");
    assert_eq!(r.rehydrate("my mom is 97 and"), "my mom is 104 and");
}

fn stream_all(r: &Rehydrator, chunks: &[&str]) -> String {
    let mut s = r.stream();
    let mut out = String::new();
    for c in chunks {
        out.push_str(&s.push(c));
    }
    out.push_str(&s.finish());
    out
}

fn split_randomly<'a>(rng: &mut impl RngCore, text: &'a str) -> Vec<&'a str> {
    let mut cuts: Vec<usize> =
        text.char_indices().map(|(i, _)| i).filter(|_| rng.next_u32() % 4 == 0).collect();
    cuts.push(text.len());
    let mut at = 0;
    cuts.into_iter()
        .filter_map(|c| {
            let piece = &text[at..c];
            at = c;
            (!piece.is_empty()).then_some(piece)
        })
        .collect()
}

const ANSWERS: &[&str] = &[
    "Hello John Baker. Your visit on March 24, 2024 went well; call (646) 555-0142 if needed.",
    "JOHN BAKER (MRN 00771204) was seen 3/24/2024. Mr. Baker's SSN 912-34-5678 is on file.",
    "See [John Baker](https://evil.test/John%20Baker) and <a href=\"x/Baker\">Baker</a> or www.e.test/John",
    "john baker, john, baker. the 24th of March 2024 and 2024-03-24; phone 646 555 0142 x12",
    "Bakery Johnson 6465550142 sage.pine42@example.org SAGE.PINE42@EXAMPLE.ORG <b>John</b>",
    "",
    "no surrogate at all, just text with 12/12/2020 and 555-0100.",
    "she is aged 97, a 97-year-old; temp 97.4 and BP 153/97, turned 97 yo. JOHN's 1,097 steps",
];

#[test]
fn streamed_output_equals_batch_for_random_chunkings() {
    let r = vault();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
    for text in ANSWERS {
        let batch = r.rehydrate(text);
        assert_eq!(stream_all(&r, &[text]), batch, "one chunk: {text:?}");
        let chars: Vec<&str> =
            text.char_indices().map(|(i, c)| &text[i..i + c.len_utf8()]).collect();
        assert_eq!(stream_all(&r, &chars), batch, "char by char: {text:?}");
        for _ in 0..200 {
            let chunks = split_randomly(&mut rng, text);
            assert_eq!(stream_all(&r, &chunks), batch, "chunks {chunks:?}");
        }
    }
}

#[test]
fn streaming_holds_back_only_what_could_still_become_a_surrogate() {
    let r = vault();
    let mut s = r.stream();
    assert_eq!(s.push("Thanks for writing. "), "Thanks for writing. ");
    assert_eq!(s.push("Jo"), "");
    assert_eq!(s.push("hn Bak"), "");
    assert_eq!(s.push("er is fine"), "Dan Smith is ");
    assert_eq!(s.finish(), "fine");
}

#[test]
fn scrub_then_rehydrate_round_trips() {
    let mut engine = Surrogates::new([7; 32]);
    let text = "Call 312-201-3344 about MRN 00482913, seen 03/14/2024; SSN 123-45-6789.";
    let f = |needle: &str, label| {
        let start = text.find(needle).unwrap();
        Finding {
            label,
            start,
            end: start + needle.len(),
            confidence: 1.0,
            recognizer: "t",
            clinician: false,
        }
    };
    let found = [
        f("312-201-3344", Label::Phone),
        f("00482913", Label::Mrn),
        f("03/14/2024", Label::Date),
        f("123-45-6789", Label::Ssn),
    ];
    let out = engine.scrub(text, &found, &Policy::new());
    for (needle, _) in [("312-201-3344", 0), ("00482913", 0), ("03/14/2024", 0), ("123-45-6789", 0)]
    {
        assert!(!out.text.contains(needle), "{needle} survived in {}", out.text);
    }
    let r = Rehydrator::new(engine.pairs(), engine.date_offset());
    assert_eq!(r.rehydrate(&out.text), text);
}

#[test]
fn a_full_name_pair_restores_its_parts_and_initials() {
    let r = Rehydrator::new(&[pair(Label::Name, "Dan Smith", "John Baker")], 1);
    assert_eq!(
        r.rehydrate("Mr. Baker, J. Baker, BAKER, JOHN and john's note"),
        "Mr. Smith, D. Smith, SMITH, DAN and dan's note"
    );
}

#[test]
fn names_scrubbed_by_the_engine_come_back_in_any_shape() {
    let mut engine = Surrogates::new([11; 32]);
    let text = "Pt Dan Smith seen with wife Ana Smith.";
    let f = |needle: &str| {
        let start = text.find(needle).unwrap();
        Finding {
            label: Label::Name,
            start,
            end: start + needle.len(),
            confidence: 1.0,
            recognizer: "t",
            clinician: false,
        }
    };
    let out = engine.scrub(text, &[f("Dan Smith"), f("Ana Smith")], &Policy::new());
    assert!(!out.text.contains("Smith") && !out.text.contains("Dan"), "{}", out.text);
    let r = Rehydrator::new(engine.pairs(), engine.date_offset());
    assert_eq!(r.rehydrate(&out.text), text);
    let sur = &out.text[out.entities[0].start..out.entities[0].end];
    let last = sur.split(' ').nth(1).unwrap();
    assert_eq!(r.rehydrate(&format!("Dear Mr. {last},")), "Dear Mr. Smith,");
    assert_eq!(r.rehydrate(&sur.to_uppercase()), "DAN SMITH");
}

#[test]
fn a_stream_split_inside_an_emoji_tail_does_not_panic() {
    // Regression (found by tests/properties.rs): the date-tail check sliced a token by bytes.
    let r = vault();
    let text = "ok 😀a and John Baker";
    assert_eq!(stream_all(&r, &["ok 😀a", " and John Baker"]), r.rehydrate(text));
}

/// Regression: a held-back tail word with a multi-byte character at byte 3 (`Sjögre`, cut from
/// `Sjögren` by a chunk boundary) panicked in the month-name check, which sliced `[..3]`.
/// Found by the browser round trip streaming the corpus in 7-unit chunks.
#[test]
fn stream_tail_with_multibyte_char_at_byte_three() {
    let text = "history of Sjögren syndrome since Jun. 2018, seen 3/24/2024.";
    let chars: Vec<char> = text.chars().collect();
    for n in 1..=9 {
        let chunks: Vec<String> = chars.chunks(n).map(|c| c.iter().collect()).collect();
        let refs: Vec<&str> = chunks.iter().map(String::as_str).collect();
        let r = vault();
        assert_eq!(stream_all(&r, &refs), r.rehydrate(text), "chunks of {n}");
    }
    assert!(!is_dateish("sjögre") && is_dateish("sep") && is_dateish("Sept."));
}

/// Regression: a stream released `114 years ` before `of age` arrived, and the AGE recognizer
/// does not see `114 years` alone as an age, so the age surrogate stayed unrestored where the
/// batch restored it. Found by the browser round trip streaming the corpus.
#[test]
fn stream_waits_for_the_words_that_make_a_number_an_age() {
    let r = Rehydrator::new(&[pair(Label::Age, "101", "114"), pair(Label::Age, "93", "107")], 1);
    let text = "Spouse Ann Lee, 114 years of age, is here. Pt is a 107 y.o. male; Bo, 107, is ok.";
    assert!(r.rehydrate(text).contains("101 years of age"));
    let chars: Vec<char> = text.chars().collect();
    for n in 1..=9 {
        let chunks: Vec<String> = chars.chunks(n).map(|c| c.iter().collect()).collect();
        let refs: Vec<&str> = chunks.iter().map(String::as_str).collect();
        assert_eq!(stream_all(&r, &refs), r.rehydrate(text), "chunks of {n}");
    }
}

#[test]
fn a_name_ending_in_an_initial_derives_no_initial_form() {
    // Regression (corpus round trip): `ALVAREZ, MARIA L` gave the variant `<initial>. <initial>`,
    // which matched the `o. F` of `99 y.o. F`.
    let r = Rehydrator::new(&[pair(Label::Name, "ALVAREZ, MARIA L", "OKAFOR, FATIMA N")], 1);
    assert_eq!(r.rehydrate("99 y.o. N presenting"), "99 y.o. N presenting");
    assert_eq!(r.rehydrate("O. N and F. N"), "O. N and F. N");
}

/// Regression (fuzz/regressions/stream/two-open-tags): with two unclosed `<img` in the held
/// text, the stream held back only from the last one and restored a date after the first; once
/// `>` arrived, batch saw one tag from the first `<img` and restored nothing inside it. A
/// streamed answer must never put an original where a tag or link target may still form.
#[test]
fn stream_holds_from_the_first_unclosed_tag_or_link_target() {
    let r = vault();
    for text in [
        "see <img  3/24/2024 and 00771204, <img alt=John Baker 00771204> then 00771204",
        "see [a](https://x.example/00771204 and 3/24/2024, [b](y 00771204) then 00771204",
    ] {
        let batch = r.rehydrate(text);
        assert!(batch.ends_with("then 00482913"), "{batch}");
        assert_eq!(batch.matches("00482913").count(), 1, "nothing restored inside: {batch}");
        for n in 1..text.len() {
            let chunks: Vec<&str> =
                text.as_bytes().chunks(n).map(|c| std::str::from_utf8(c).unwrap()).collect();
            assert_eq!(stream_all(&r, &chunks), batch, "chunks of {n}: {text:?}");
        }
    }
}

/// Regression (fuzz/regressions/stream/phone-glued-to-a-word): a phone glued to a word on its
/// left (`EXAMPLE.ORG(646) 555-0142`) was released in part (`(646) `) before its last digits
/// arrived, since the "may still grow" tail rule looked only at whole whitespace-separated
/// tokens; the batch restores the whole phone.
#[test]
fn stream_holds_a_phone_glued_to_a_word() {
    let r = vault();
    let chunks =
        ["mail SAGE.PINE42@EXAMPLE.ORG(", "646) 555", "-01", "42 or tel+(", "646) 555-0142."];
    let text: String = chunks.concat();
    let batch = r.rehydrate(&text);
    assert_eq!(batch, "mail DAN@MAIL.TEST(312) 201-3344 or tel+(312) 201-3344.");
    assert_eq!(stream_all(&r, &chunks), batch);
}

/// Regression (tests/limits.rs `stream_equals_batch_on_a_megabyte_of_notes`): a one-word name
/// surrogate is judged on a fixed window around it, so what lies farther away changes nothing,
/// and a stream, which keeps only a bounded context, agrees with the batch over long texts.
#[test]
fn a_one_word_name_is_judged_on_its_window_only() {
    let r = vault();
    let local = " later baker said the BAKER: note, and Baker came; john went home.";
    let far = [String::new(), "John Baker and Mr. Baker. ".repeat(40), "x ".repeat(300)];
    let restored: Vec<String> = far
        .iter()
        .map(|f| {
            let pad = format!("{f}{}", "- ".repeat(NAME_BEFORE));
            let out = r.rehydrate(&format!("{pad}{local}"));
            out[r.rehydrate(&pad).len()..].to_owned()
        })
        .collect();
    assert!(restored.iter().all(|x| x == &restored[0]), "{restored:?}");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    for f in &far {
        let text = format!("{f}{local}{f}{local}");
        let batch = r.rehydrate(&text);
        for _ in 0..20 {
            let chunks = split_randomly(&mut rng, &text);
            assert_eq!(stream_all(&r, &chunks), batch);
        }
    }
}

/// Regression (fuzz/regressions/stream/date-glued-to-a-control-char): `\0NOV ` was released
/// before `10` arrived: the token `\0NOV` is not a date piece as a whole, but the date
/// recognizer reads `NOV 10` after the `\0`.
#[test]
fn stream_holds_a_date_glued_to_a_symbol() {
    let r = Rehydrator::new(&[pair(Label::Date, "Nov 3", "Nov 13")], 10);
    for chunks in [&["\0NOV ", "13"][..], &["x/Nov ", "13, ok"], &["(Nov", " 13)"]] {
        let text: String = chunks.concat();
        let batch = r.rehydrate(&text);
        assert_ne!(batch, text, "{text:?}");
        assert_eq!(stream_all(&r, chunks), batch);
    }
}

/// Regression (fuzz/regressions/round_trip/name-glued-to-a-number): `Breanna Kowalski,2. MD`
/// came back as `Esther Kowalski,2. MD`: the rule that keeps `97` of `1,097` from being an age
/// surrogate took the full name before `,2` for part of a number, so only the first name alone
/// was restored. Only a match ending or starting with a digit continues a number.
#[test]
fn a_name_before_a_comma_and_a_number_is_restored_whole() {
    let r = Rehydrator::new(
        &[pair(Label::Name, "Esther Romero", "Breanna Kowalski"), pair(Label::Age, "104", "97")],
        10,
    );
    assert_eq!(r.rehydrate("signed by Breanna Kowalski,2. MD"), "signed by Esther Romero,2. MD");
    assert_eq!(
        r.rehydrate("a 97-year-old walked 1,097 steps"),
        "a 104-year-old walked 1,097 steps"
    );
}

/// Regression (fuzz/regressions/round_trip/id-glued-to-a-letter): the detector ends an
/// identifier at any character that is not an ASCII letter or digit (`63812hru` in
/// `63812hruỳnh`), but the re-identifier wanted a Unicode word boundary around its surrogate,
/// so it was left in the answer.
#[test]
fn an_identifier_glued_to_a_non_ascii_letter_is_restored() {
    let r = Rehydrator::new(
        &[pair(Label::IdOther, "63812hru", "14824ddl"), pair(Label::Name, "Smith", "Baker")],
        10,
    );
    assert_eq!(r.rehydrate("Encounter 14824ddlỳnh8 ok"), "Encounter 63812hruỳnh8 ok");
    assert_eq!(
        r.rehydrate("Encounter 14824ddlx ok, Mr. Bakerñ"),
        "Encounter 14824ddlx ok, Mr. Bakerñ"
    );
}

/// Regression (fuzz/regressions/round_trip/id-after-underscore): the detector found a device
/// number `66is` right after `_` (`lot\u{1}\0\0_66is`), but the re-identifier took `_` for a
/// letter gluing the surrogate to the word before, and left it in the answer.
#[test]
fn an_identifier_after_an_underscore_is_restored() {
    let r = Rehydrator::new(&[pair(Label::Device, "66is", "14wg")], 10);
    assert_eq!(r.rehydrate("lot\u{1}\0\0_14wg at"), "lot\u{1}\0\0_66is at");
    assert_eq!(r.rehydrate("lot x14wg at 14wgz"), "lot x14wg at 14wgz");
}

/// Regression (fuzz/regressions/round_trip/name-before-underscore): the detector ended a name
/// at `_` (`latoya sdd_dd`), but the re-identifier took `_` for a letter: the full name's
/// surrogate was not bounded there, and only its first name came back. The stream holds a tail
/// after `_` or a non-ASCII letter too, so it agrees with the batch for every split.
#[test]
fn a_name_or_identifier_next_to_an_underscore_is_restored_in_batch_and_stream() {
    let r = Rehydrator::new(
        &[
            pair(Label::Name, "Latoya Sdd", "Breanna Desai"),
            pair(Label::Device, "66is", "14wg"),
            pair(Label::IdOther, "63812hru", "14824ddl"),
        ],
        10,
    );
    let text = "to breanna desai_ddD and lot_14wg at ỳ14824ddl.";
    let batch = r.rehydrate(text);
    assert_eq!(batch, "to latoya sdd_ddD and lot_66is at ỳ63812hru.");
    for cut in 1..text.len() {
        if !text.is_char_boundary(cut) {
            continue;
        }
        let chunks = [&text[..cut], &text[cut..]];
        assert_eq!(stream_all(&r, &chunks), batch, "split at {cut}");
    }
}

/// Regression (fuzz/regressions/stream/zone-from-a-cut-context): the stream trimmed its context
/// inside a run of glued URLs (`...3162HTTPS://...`), so the context began `S://...`, a URL zone
/// the whole text does not have; the zone ran on through `\0(581) 555-0158` and the stream left
/// the phone surrogate that the batch restored.
#[test]
fn a_context_cut_inside_a_token_starts_no_url_zone() {
    let r = Rehydrator::new(
        &[
            pair(Label::Phone, "(312) 201-3344", "(581) 555-0158"),
            pair(
                Label::Url,
                "https://portal.example.org/p/1188",
                "https://lumen.example.com/b/3162",
            ),
        ],
        10,
    );
    for pad in 0..48 {
        let head = format!(
            "note {}2024-05-09{}",
            "1".repeat(pad),
            "HTTPS://LUMEN.EXAMPLE.COM/B/3162".repeat(20)
        );
        let text = format!("{head}\0(581) 555-0158 end");
        let batch = r.rehydrate(&text);
        assert!(batch.ends_with("\0(312) 201-3344 end"), "pad {pad}: batch");
        let chunks: Vec<&str> =
            head.as_bytes().chunks(7).map(|c| std::str::from_utf8(c).unwrap()).collect();
        let mut all = chunks.clone();
        all.push("\0(581) 555-0158 end");
        assert_eq!(stream_all(&r, &all), batch, "pad {pad}");
    }
}

/// Regression (fuzz/regressions/round_trip/ids-between-commas): `#10795,10795,` (two health
/// plan numbers the detector found apart) stayed as surrogates: any `,` plus digit next to a
/// match was taken for a longer number. A comma continues a number only before three digits.
#[test]
fn identifiers_between_commas_are_restored() {
    let r = Rehydrator::new(&[pair(Label::HealthPlan, "15414", "10795")], 10);
    assert_eq!(r.rehydrate("Group #10795,10795, ok"), "Group #15414,15414, ok");
    assert_eq!(r.rehydrate("10795,123 and 10795.5"), "15414,123 and 10795.5");
    // A number grouped by commas starts with one to three digits: `1,079,512` holds no
    // surrogate, and neither does `795,123`'s tail.
    let r = Rehydrator::new(&[pair(Label::HealthPlan, "154", "795")], 10);
    assert_eq!(r.rehydrate("1,795,123 and 795,123 and 795"), "1,795,123 and 795,123 and 154");
}

/// Regression (fuzz/regressions/round_trip/name-before-a-glued-colon): the detector found `tex`
/// in `meant to tex:t Jean-Robert`, but the re-identifier took any colon after a one-word name
/// surrogate for a heading's (`Burns: 18% TBSA`) and left `burch:t`. A colon glued to the next
/// word is no heading; one before a space or the end still is, for a word in title case only:
/// the same surrogate as issued in capitals (`DESAI:` for a detected `MBI:`, from
/// fuzz/regressions/round_trip/capitals-before-a-colon) is restored.
#[test]
fn a_one_word_name_before_a_glued_colon_is_restored_and_a_heading_is_not() {
    let r = Rehydrator::new(
        &[
            pair(Label::Name, "tex", "burch"),
            pair(Label::Name, "Dan Burns", "John Baker"),
            pair(Label::Name, "MBI", "DESAI"),
        ],
        10,
    );
    let text = "meant to burch:t Jean-Robert.\nBaker: 18% TBSA\nPlan Baker:\nseen by Baker today\n\
                Medicare DESAI:  4AY5";
    let batch = r.rehydrate(text);
    assert_eq!(
        batch,
        "meant to tex:t Jean-Robert.\nBaker: 18% TBSA\nPlan Baker:\nseen by Burns today\n\
         Medicare MBI:  4AY5"
    );
    for cut in 1..text.len() {
        let chunks = [&text[..cut], &text[cut..]];
        assert_eq!(stream_all(&r, &chunks), batch, "split at {cut}");
    }
}
