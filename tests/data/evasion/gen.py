#!/usr/bin/env python3
"""Writes cases.jsonl, the evasion corpus: PHI hidden behind Unicode and markup tricks.

Run from the repository root:  python3 tests/data/evasion/gen.py
The output is committed; tests/evasion.rs reads it. Every value is synthetic (555 phones,
example.org, invented names). Each case is {"id", "category", "text", "spans"}: spans are the
PHI pieces as written (tricks included), offsets in code points, end exclusive. A case with no
span is a negative: nothing in it may be detected.

Seeds (a value in a sentence that the detector catches as plain text) go through every trick of
each category that applies to their kind: "num" (digits), "name", "email", "text" (dates in words,
addresses, URLs). Hand-written cases follow the generated ones.
"""
import json
import os

# (id, label, kind, template, value)
SEEDS = [
    ("phone1", "PHONE", "num", "Call me at {} tomorrow.", "(555) 201-3344"),
    ("phone2", "PHONE", "num", "cell {} after 5", "555-201-7788"),
    ("phone3", "PHONE", "num", "phone: {}", "555.201.4455"),
    ("fax1", "FAX", "num", "fax {} please", "555-201-9090"),
    ("ssn1", "SSN", "num", "SSN {} on file", "219-09-9999"),
    ("ssn2", "SSN", "num", "social security number {}", "412-67-3021"),
    ("mrn1", "MRN", "num", "MRN: {}", "00482913"),
    ("mrn2", "MRN", "num", "medical record number {}", "7731904"),
    ("dob1", "DATE", "num", "DOB {}", "03/14/1961"),
    ("date2", "DATE", "num", "seen on {}", "2024-05-02"),
    ("zip1", "ZIP", "num", "Springfield, IL {}", "62704"),
    ("ip1", "IP", "num", "login from {}", "203.0.113.57"),
    ("acct1", "ACCOUNT", "num", "account number {}", "99812345"),
    ("age1", "AGE", "num", "a {}-year-old woman", "97"),
    ("plan1", "HEALTH_PLAN", "text", "member id {}", "XJH449201773"),
    ("date3", "DATE", "text", "born {}", "March 14, 1961"),
    ("email1", "EMAIL", "email", "email me at {}", "jane.doe@example.org"),
    ("email2", "EMAIL", "email", "{} wrote", "ana.reyes77@example.com"),
    ("url1", "URL", "text", "my page {}", "https://portal.example.org/u/jdoe"),
    ("addr1", "ADDRESS", "text", "lives at {}, Springfield", "42 Oak Street"),
    ("name1", "NAME", "name", "Patient {} was seen today.", "Jane Doe"),
    ("name2", "NAME", "name", "Dr. {} called back", "Maria Gonzalez"),
    ("name3", "NAME", "name", "{} is my mother", "Linda Hartman"),
    ("name4", "NAME", "name", "{} wrote: thanks", "Robert Chen"),
]

CASES = []


def case(cid, category, segments, label=None):
    """segments: list of (text, is_phi). Appends a case; spans are the PHI segments."""
    text, spans, at = "", [], 0
    for s, phi in segments:
        n = len(s)
        if phi and label:
            spans.append({"label": label, "start": at, "end": at + n})
        text += s
        at += n
    CASES.append({"id": cid, "category": category, "text": text, "spans": spans})


def seeded(cid, category, seed, value):
    """The seed's sentence with `value` (a trick applied to the seed's value) as its PHI."""
    _, label, _, template, _ = seed
    pre, post = template.split("{}")
    case(cid, category, [(pre, False), (value, True), (post, False)], label)


def between_chars(value, ins, every=True):
    if every:
        return ins.join(value)
    mid = len(value) // 2
    return value[:mid] + ins + value[mid:]


def map_digits(value, zero):
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in value)


# --- plain: the seeds themselves (a control: all must be caught) ---
for s in SEEDS:
    seeded(f"plain/{s[0]}", "plain", s, s[4])

# --- zero_width: invisible characters inside numbers, names and emails ---
ZW = {"zwsp": "\u200b", "zwnj": "\u200c", "zwj": "\u200d", "wj": "\u2060", "bom": "\ufeff",
      "shy": "\u00ad", "lrm": "\u200e", "mvs": "\u180e"}
for s in SEEDS:
    if s[2] in ("num", "name", "email"):
        for zn, z in ZW.items():
            every = zn in ("zwsp", "zwj", "shy", "wj")
            seeded(f"zero_width/{s[0]}/{zn}", "zero_width", s, between_chars(s[4], z, every))

# --- unicode_digits: full-width and other scripts' digits ---
DIGITS = {"fullwidth": 0xFF10, "arabic": 0x0660, "persian": 0x06F0, "devanagari": 0x0966,
          "bengali": 0x09E6, "thai": 0x0E50, "mathbold": 0x1D7CE, "doublestruck": 0x1D7D8,
          "monospace": 0x1D7F6, "myanmar": 0x1040}
for s in SEEDS:
    if s[2] == "num":
        for dn, z in DIGITS.items():
            seeded(f"unicode_digits/{s[0]}/{dn}", "unicode_digits", s, map_digits(s[4], z))
        # Half the digits in one script, half in another.
        v = s[4]
        half = "".join(chr(0xFF10 + int(c)) if c.isdigit() and i % 2 else c for i, c in enumerate(v))
        seeded(f"unicode_digits/{s[0]}/mixed", "unicode_digits", s, half)

# --- combining: combining marks on digits and letters, names in decomposed form ---
MARKS = {"acute": "\u0301", "underline": "\u0332", "strike": "\u0336", "keycap": "\ufe0f\u20e3"}
for s in SEEDS:
    if s[2] in ("num", "name"):
        for mn, m in MARKS.items():
            v = "".join(c + m if c.isalnum() else c for c in s[4])
            seeded(f"combining/{s[0]}/{mn}", "combining", s, v)
for n, (nfc, nfd) in enumerate([("José Núñez", "Jose\u0301 Nu\u0301n\u0303ez"),
                                  ("Zoë Müller", "Zoe\u0308 Mu\u0308ller"),
                                  ("Renée Dubois", "Rene\u0301e Dubois")]):
    case(f"combining/nfd{n}", "combining",
         [("Patient ", False), (nfd, True), (" was seen today.", False)], "NAME")
    case(f"combining/nfc{n}", "combining",
         [("Patient ", False), (nfc, True), (" was seen today.", False)], "NAME")

# --- homoglyphs: Cyrillic and Greek letters that look Latin, in names and emails ---
HOMO = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445",
        "i": "\u0456", "J": "\u0408", "M": "\u041c", "H": "\u041d", "C": "\u0421", "D": "D"}
GREEK = {"o": "\u03bf", "a": "\u03b1", "i": "\u03b9", "e": "\u03b5"}
for s in SEEDS:
    if s[2] in ("name", "email"):
        v = s[4]
        for table, tn in ((HOMO, "cyrillic"), (GREEK, "greek")):
            letters = [i for i, c in enumerate(v) if c in table and table[c] != c]
            if not letters:
                continue
            one = list(v)
            one[letters[0]] = table[v[letters[0]]]
            seeded(f"homoglyphs/{s[0]}/{tn}-one", "homoglyphs", s, "".join(one))
            every = "".join(table.get(c, c) for c in v)
            seeded(f"homoglyphs/{s[0]}/{tn}-all", "homoglyphs", s, every)

# --- separators: every kind of separator between digit groups ---
SEPS = {"space": " ", "dot": ".", "hyphen": "-", "nbsp": "\u00a0", "thin": "\u2009",
        "narrow": "\u202f", "ideographic": "\u3000", "endash": "\u2013", "emdash": "\u2014",
        "minus": "\u2212", "nbhyphen": "\u2011", "uhyphen": "\u2010", "figdash": "\u2012",
        "smallhyphen": "\ufe63", "fullhyphen": "\uff0d", "middot": "\u00b7", "hyphpoint": "\u2027",
        "katakanadot": "\u30fb", "slash": "/", "spaced-hyphen": " - ", "double-space": "  ",
        "tab": "\t", "underscore": "_", "tilde": "~", "bullet": "\u2022"}
GROUPS = {"phone2": ["555", "201", "7788"], "ssn1": ["219", "09", "9999"]}
for sid, groups in GROUPS.items():
    seed = next(s for s in SEEDS if s[0] == sid)
    for sn, sep in SEPS.items():
        seeded(f"separators/{sid}/{sn}", "separators", seed, sep.join(groups))
DATE_SEPS = {"slash": "/", "hyphen": "-", "dot": ".", "fraction": "\u2044", "division": "\u2215",
             "fullslash": "\uff0f", "endash": "\u2013", "space": " "}
dob = next(s for s in SEEDS if s[0] == "dob1")
for sn, sep in DATE_SEPS.items():
    seeded(f"separators/dob1/{sn}", "separators", dob, sep.join(["03", "14", "1961"]))

# --- line_breaks: PHI split over a line break ---
BREAKS = {"lf": "\n", "crlf": "\r\n", "ls": "\u2028", "nel": "\u0085"}
SPLITS = {
    "phone2": [("555-201-", "7788"), ("555", "201-7788")],
    "phone1": [("(555)", "201-3344")],
    "ssn1": [("219-09-", "9999"), ("219-", "09-9999")],
    "fax1": [("555-201-", "9090")],
    "dob1": [("03/14/", "1961")],
    "date3": [("March", "14, 1961"), ("March 14,", "1961")],
    "name1": [("Jane", "Doe")],
    "name2": [("Maria", "Gonzalez")],
    "email1": [("jane.doe@", "example.org")],
    "addr1": [("42 Oak", "Street")],
}
for sid, splits in SPLITS.items():
    seed = next(s for s in SEEDS if s[0] == sid)
    for k, (a, b) in enumerate(splits):
        for bn, br in BREAKS.items():
            seeded(f"line_breaks/{sid}/{k}-{bn}", "line_breaks", seed, a + br + b)

# --- ocr_letters: O and l/I written for 0 and 1 ---
OCR = {"O-for-0": {"0": "O"}, "o-for-0": {"0": "o"}, "l-for-1": {"1": "l"}, "I-for-1": {"1": "I"},
       "both": {"0": "O", "1": "l"}}
for s in SEEDS:
    if s[2] == "num" and any(c in s[4] for c in "01"):
        for on, table in OCR.items():
            v = "".join(table.get(c, c) for c in s[4])
            if v != s[4]:
                seeded(f"ocr_letters/{s[0]}/{on}", "ocr_letters", s, v)

# --- markup: HTML and markdown around PHI ---
WRAPS = {"bold-md": ("**", "**"), "italic-md": ("_", "_"), "code-md": ("`", "`"),
         "b-tag": ("<b>", "</b>"), "span-tag": ('<span class="x">', "</span>"),
         "td-tag": ("<td>", "</td>"), "strike-md": ("~~", "~~"), "link-md": ("[", "](#p)"),
         "quote-md": ("> ", ""), "heading-md": ("# ", "")}
for s in SEEDS:
    for wn, (a, b) in WRAPS.items():
        _, label, _, template, value = s
        pre, post = template.split("{}")
        case(f"markup/{s[0]}/{wn}", "markup", [(pre + a, False), (value, True), (b + post, False)],
             label)

# --- emoji_astral: emoji and astral characters next to PHI; styled (math) letters ---
EMOJI = {"phone": "\U0001F4DE", "woman-doctor": "\U0001F469\u200d\u2695\ufe0f",
         "wave-skin": "\U0001F44B\U0001F3FD", "flag": "\U0001F1FA\U0001F1F8",
         "envelope": "\u2709\ufe0f", "cake": "\U0001F382"}
for s in SEEDS:
    _, label, _, template, value = s
    pre, post = template.split("{}")
    for en, e in EMOJI.items():
        case(f"emoji_astral/{s[0]}/{en}-before", "emoji_astral",
             [(pre + e, False), (value, True), (post, False)], label)
        if en in ("phone", "woman-doctor", "flag"):
            case(f"emoji_astral/{s[0]}/{en}-after", "emoji_astral",
                 [(pre, False), (value, True), (e + post, False)], label)


def math_letters(value, upper_a, lower_a):
    out = ""
    for c in value:
        if "A" <= c <= "Z":
            out += chr(upper_a + ord(c) - 65)
        elif "a" <= c <= "z":
            out += chr(lower_a + ord(c) - 97)
        else:
            out += c
    return out


for s in SEEDS:
    if s[2] == "name":
        for mn, (up, lo) in {"mathbold": (0x1D400, 0x1D41A), "mathsans": (0x1D5A0, 0x1D5BA),
                             "mathmono": (0x1D670, 0x1D68A)}.items():
            seeded(f"emoji_astral/{s[0]}/{mn}", "emoji_astral", s, math_letters(s[4], up, lo))

# --- hand-written cases ---
HAND = [
    # (id, category, segments, label)
    ("markup/entity-sep-phone", "markup",
     [("call ", False), ("555&#8209;201&#8209;7788", True), (" now", False)], "PHONE"),
    ("markup/nbsp-entity-name", "markup",
     [("Patient ", False), ("Jane&nbsp;Doe", True), (" was seen today.", False)], "NAME"),
    ("markup/tag-inside-phone", "markup",
     [("cell ", False), ("555-", True), ("<b>", False), ("201", True), ("</b>", False),
      ("-7788", True)], "PHONE"),
    ("markup/bold-inside-name", "markup",
     [("Patient ", False), ("Jane", True), (" **", False), ("Doe", True), ("**", False),
      (" was seen today.", False)], "NAME"),
    ("markup/tel-href", "markup",
     [('<a href="tel:', False), ("5552017788", True), ('">call</a> or ', False),
      ("555-201-7788", True)], "PHONE"),
    ("markup/mailto", "markup",
     [("[write](mailto:", False), ("jane.doe@example.org", True), (")", False)], "EMAIL"),
    ("markup/table-row", "markup",
     [("| DOB | ", False), ("03/14/1961", True), (" |\n| MRN | ", False), ("00482913", True),
      (" |", False)], None),
]
for cid, cat, segs, label in HAND:
    if label is None and cid == "markup/table-row":
        text = "".join(s for s, _ in segs)
        spans, at = [], 0
        for (s, phi), lab in zip(segs, [None, "DATE", None, "MRN", None]):
            if phi:
                spans.append({"label": lab, "start": at, "end": at + len(s)})
            at += len(s)
        CASES.append({"id": cid, "category": cat, "text": text, "spans": spans})
    elif label is not None:
        case(cid, cat, segs, label)

# --- negatives: clinical text with the same tricks; nothing may be detected ---
NEG = [
    "BP \uff11\uff12\uff18/\uff18\uff12, HR \uff17\uff12",
    "pain \u0664/\u0661\u0660 since yesterday",
    "HR 7\u200b2, SpO2 9\u200b7%",
    "take 1\u00bd tabs of 5\u2013325 mg",
    "**BP 128/82** and _HR 72_",
    "<b>A1c 7.2%</b> on <i>metformin 500 mg</i>",
    "\U0001F600 feeling better, pain 2/10",
    "Temp 98.6\u00b0F, RR 16",
    "ICD\u201110 E11.9, CPT 99213",
    "O2 sat 97% on room air",
    "l0 mg lisinopril daily",
    "Room 4\u20132, bed B",
    "GCS 15, pupils 3\u00a0mm",
    "dose 0.5\u202fmg/kg",
    "in 2019\u2014no change",
    "\U0001D7CF\U0001D7D0 units insulin",
    "Vitals:\nBP 130/85\nHR 70",
    "pain 4/10\u2028better",
    "W\u0430rfarin 5 mg",
    "Stage \u2162 pressure injury",
    # Line breaks: numbers on consecutive lines, a patient slot before a word, stay apart.
    "BP 128/\n82, HR 72",
    "pain 2-\n3/10 today",
    "Patient: stable\nDenies chest pain",
    "Name of drug: Lasix\nDose 40 mg",
    "Hgb 10.2\n12-14 normal range",
]
for i, t in enumerate(NEG):
    CASES.append({"id": f"negatives/{i:02}", "category": "negatives", "text": t, "spans": []})

here = os.path.dirname(os.path.abspath(__file__))
ids = [c["id"] for c in CASES]
assert len(ids) == len(set(ids)), "duplicate case ids"
with open(os.path.join(here, "cases.jsonl"), "w", encoding="utf-8") as f:
    for c in CASES:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
print(f"{len(CASES)} cases")
