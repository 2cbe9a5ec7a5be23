#!/usr/bin/env python3
"""Generates the known-identifier variants set: tests/data/known/variants.jsonl.

    python3 tests/data/gen/known.py > tests/data/known/variants.jsonl

Deterministic (fixed seed, Python 3 standard library only).

Issue 3 asks that identifiers the caller already knows (a patient record: name, birth date, MRN,
phone, e-mail, address, relatives) be caught at 100% when the text writes them differently from
the record. Each line pairs one invented record (`known`) with a text that mentions that record's
identifiers in reformatted variants only: any case, `Last, First`, an initial, the first or last
name alone, a title with the last name, the birth date in another format, the phone number with
other separators or none, the MRN without its leading zeros or with separators, the street line
with its words spelled out or abbreviated. The text holds no other identifier, so every span is a
variant of the known record. Spans follow tests/data/README.md (a title and a possessive `'s` are
outside a NAME span). The person names come from the hand-written lists of names.py.
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import names as N  # noqa: E402  (the hand-written name and place lists)

SEED = 20240901
COUNT = 72
R = random.Random(SEED)

MONTHS = N.MONTHS
MON_ABBR = N.MON_ABBR
ABBREV = {"N": "North", "S": "South", "E": "East", "W": "West", "St": "Street", "Ave": "Avenue",
          "Dr": "Drive", "Rd": "Road", "Ln": "Lane", "Ct": "Court", "Blvd": "Boulevard",
          "Apt": "Apartment", "Ste": "Suite"}


def pick(seq):
    return R.choice(seq)


def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


class Cycle:
    """Variants drawn without replacement, reshuffled when empty: each is used evenly."""

    def __init__(self, n):
        self.n = n
        self.pile = []

    def next(self):
        if not self.pile:
            self.pile = list(range(self.n))
            R.shuffle(self.pile)
        return self.pile.pop()


class Record:
    def __init__(self):
        origin = pick(sorted(N.ORIGINS))
        fem, mas, lasts, _ = N.ORIGINS[origin]
        self.sex = pick("FM")
        self.first = pick([f for f in (fem if self.sex == "F" else mas) if " " not in f])
        self.last = pick(lasts)
        self.nick = N.NICKNAMES.get(self.first)
        self.dob = (R.randrange(1930, 2006), R.randrange(1, 13), R.randrange(1, 29))
        self.mrn = pick(["00" + digits(6), "000" + digits(5), "0" + digits(7), digits(8)])
        if self.mrn[0] != "0" and R.random() < 0.5:
            self.mrn = "00" + self.mrn[2:]
        area = pick(["555", "312", "505", "701", "208", "985"])
        self.phone = (area, "555", "01" + digits(2)) if area != "555" else \
            ("555", str(R.randrange(200, 999)), digits(4))
        self.email = f"{N.ascii_fold(self.first)}.{N.ascii_fold(self.last)}@" + \
            pick(["example.org", "example.com", "mail.example.net"])
        parts = [str(R.randrange(10, 9999))]
        if R.random() < 0.5:
            parts.append(pick(["N", "S", "E", "W"]))
        parts += [pick([s for s in N.STREETS if " " not in s or R.random() < 0.3]),
                  pick(["St", "Ave", "Dr", "Rd", "Ln", "Ct", "Blvd"])]
        if R.random() < 0.6:
            parts += [pick(["Apt", "Ste"]), pick(["4B", "12", "3C", "210", "7"])]
        self.address = parts
        self.relatives = []
        for _ in range(pick([0, 1, 1, 2])):
            sex = pick("FM")
            first = pick([f for f in (fem if sex == "F" else mas) if " " not in f and f != self.first])
            last = self.last if R.random() < 0.6 else pick(lasts)
            self.relatives.append((sex, first, last, pick(["wife", "daughter", "sister", "mother"]
                                                          if sex == "F" else
                                                          ["husband", "son", "brother", "father"])))

    def known(self):
        y, m, d = self.dob
        return {"name": f"{self.first} {self.last}", "birthDate": f"{y}-{m:02d}-{d:02d}",
                "mrn": self.mrn, "phone": "-".join(self.phone), "email": self.email,
                "address": " ".join(self.address),
                "relatives": [f"{f} {l}" for _, f, l, _ in self.relatives]}


def title(sex):
    return pick(["Ms.", "Mrs.", "Ms"]) if sex == "F" else pick(["Mr.", "Mr"])


NAME_STYLES = ["full", "upper", "lower", "last_first", "LAST_FIRST", "initial", "first",
               "title_last", "LAST", "first_lower", "last_first_nocomma", "nick_or_first"]


def name_variant(first, last, sex, style, nick=None):
    """Segments for one way of writing the name; a title stays outside the span."""
    s = {"full": f"{first} {last}", "upper": f"{first} {last}".upper(),
         "lower": f"{first} {last}".lower(), "last_first": f"{last}, {first}",
         "LAST_FIRST": f"{last}, {first}".upper(), "initial": f"{first[0]}. {last}",
         "first": first, "LAST": last.upper(), "first_lower": first.lower(),
         "last_first_nocomma": f"{last.upper()} {first.upper()}",
         "nick_or_first": nick or first}.get(style)
    if style == "title_last":
        return [(title(sex) + " ", None), (pick([last, last.upper()]), "NAME")]
    return [(s, "NAME")]


DOB_STYLES = [
    lambda y, m, d: f"{m}/{d}/{y % 100:02d}", lambda y, m, d: f"{MONTHS[m - 1]} {N.ordinal(d)}, {y}",
    lambda y, m, d: f"{d} {MON_ABBR[m - 1]} {y}", lambda y, m, d: f"{m:02d}-{d:02d}-{y}",
    lambda y, m, d: f"{m}/{d}/{y}", lambda y, m, d: f"{m:02d}/{d:02d}/{y}",
    lambda y, m, d: f"{MON_ABBR[m - 1]} {d} {y}", lambda y, m, d: f"{m:02d}.{d:02d}.{y}",
    lambda y, m, d: f"{MONTHS[m - 1].lower()} {d} {y}", lambda y, m, d: f"{d}-{MON_ABBR[m - 1]}-{y}",
    lambda y, m, d: f"{y}/{m:02d}/{d:02d}", lambda y, m, d: f"{m}-{d}-{y % 100:02d}",
]
PHONE_STYLES = ["{a}-{e}-{n}", "({a}) {e}-{n}", "{a}.{e}.{n}", "{a}{e}{n}", "{a} {e} {n}",
                "+1 {a} {e} {n}", "1-{a}-{e}-{n}", "({a}){e}{n}", "{a} {e}-{n}", "+1{a}{e}{n}"]


def mrn_variant(mrn, i):
    bare = mrn.lstrip("0") or "0"
    options = [mrn, bare, f"{mrn[:4]}-{mrn[4:]}", f"{mrn[:2]} {mrn[2:5]} {mrn[5:]}", bare,
               f"{bare[:3]}-{bare[3:]}", f"{mrn[:3]}.{mrn[3:]}"]
    return options[i % len(options)]


def email_variant(email, i):
    local, dom = email.split("@")
    return [email, email.upper(), f"{local.title()}@{dom}", f"{local}@{dom.upper()}"][i % 4]


def address_variant(parts, i):
    if i % 5 == 0:
        return " ".join(parts)
    if i % 5 == 1:
        return " ".join(ABBREV.get(p, p) for p in parts)
    if i % 5 == 2:
        return " ".join(parts).upper()
    if i % 5 == 3:
        return " ".join(ABBREV.get(p, p) for p in parts).lower()
    out = [p + "." if p in ABBREV and p not in ("Apt", "Ste") else p for p in parts]
    if "Apt" in out or "Ste" in out:
        k = out.index("Apt") if "Apt" in out else out.index("Ste")
        return " ".join(out[:k]) + ", " + " ".join(out[k:])
    return " ".join(out)


# Sentences: {N} the person's name, {R} a relative's name, {rel} the relation word, {D} the
# birth date, {M} the MRN, {P} the phone, {E} the e-mail, {A} the street line.
SENTENCES = [
    "Patient: {N}   DOB: {D}   MRN: {M}",
    "{N} called from {P} asking about refills.",
    "pt {N} dob {D}",
    "Spoke with {N}; callback number {P}.",
    "hi this is {N} my mrn is {M}",
    "Mailing address: {A}",
    "Send the letter to {A}, attention {N}.",
    "Email on file: {E}",
    "{N}'s {rel} {R} will pick up the prescription.",
    "Emergency contact: {R} ({rel}).",
    "{R} says {N} has been sleeping more.",
    "RE: {N} / DOB {D} / MR# {M}",
    "Identity verified with date of birth {D} and phone {P}.",
    "please call me at {P} or email {E}",
    "my birthday is {D} if you need it",
    "Chart {M} reviewed; no changes.",
    "Two identifiers confirmed: {N}, {D}.",
    "{N} lives at {A}.",
    "Text reminder sent to {P}.",
    "{N} prefers e-mail ({E}).",
    "Medical record number {M}; patient {N}.",
    "Per {rel} {R}, the patient is out of town this week.",
    "Labels printed for {N} (DOB {D}).",
    "my address is still {A}",
    "Voicemail left for {N} at {P}.",
    "MRN {M}, born {D}.",
    "this is {R}, {N}'s {rel}, i have permission to ask",
    "Wristband reads {N}, MRN {M}.",
    "new email is {E} not the old one",
    "Home: {A}. Cell: {P}.",
]
NEEDS_REL = {s for s in SENTENCES if "{R}" in s}


def render(rec, sentences, cyc):
    segs = []
    rel_i = 0
    for k, sent in enumerate(sentences):
        if k:
            segs.append((pick(["\n", " ", "  "]), None))
        rel = rec.relatives[rel_i % len(rec.relatives)] if rec.relatives else None
        pos = 0
        while pos < len(sent):
            j = sent.find("{", pos)
            if j < 0:
                segs.append((sent[pos:], None))
                break
            if j > pos:
                segs.append((sent[pos:j], None))
            key = sent[j + 1:sent.index("}", j)]
            pos = sent.index("}", j) + 1
            if key == "N":
                style = NAME_STYLES[cyc["name"].next()]
                segs += name_variant(rec.first, rec.last, rec.sex, style, rec.nick)
            elif key == "R":
                sex, first, last, _ = rel
                style = NAME_STYLES[cyc["rel"].next()]
                segs += name_variant(first, last, sex, style)
            elif key == "rel":
                segs.append((rel[3], None))
            elif key == "D":
                segs.append((DOB_STYLES[cyc["dob"].next()](*rec.dob), "DATE"))
            elif key == "M":
                segs.append((mrn_variant(rec.mrn, cyc["mrn"].next()), "MRN"))
            elif key == "P":
                a, e, n = rec.phone
                segs.append((PHONE_STYLES[cyc["phone"].next()].format(a=a, e=e, n=n), "PHONE"))
            elif key == "E":
                segs.append((email_variant(rec.email, cyc["email"].next()), "EMAIL"))
            elif key == "A":
                segs.append((address_variant(rec.address, cyc["addr"].next()), "ADDRESS"))
        if rel is not None and "{R}" in sent:
            rel_i += 1
    text, spans = "", []
    for seg, label in segs:
        if label:
            assert seg == seg.strip() and seg
            spans.append({"start": len(text), "end": len(text) + len(seg), "label": label,
                          "text": seg})
        text += seg
    return text, spans


def main():
    cyc = {"name": Cycle(len(NAME_STYLES)), "rel": Cycle(len(NAME_STYLES)),
           "dob": Cycle(len(DOB_STYLES)), "mrn": Cycle(7), "phone": Cycle(len(PHONE_STYLES)),
           "email": Cycle(4), "addr": Cycle(5)}
    order = []
    for i in range(1, COUNT + 1):
        rec = Record()
        pool = [s for s in SENTENCES if rec.relatives or s not in NEEDS_REL]
        sentences = R.sample(pool, pick([3, 4, 4, 5]))
        text, spans = render(rec, sentences, cyc)
        doc = {"id": f"known-{i:04d}", "known": rec.known(), "text": text, "spans": spans}
        order.append(doc)
    for doc in order:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
