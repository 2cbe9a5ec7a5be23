#!/usr/bin/env python3
"""Generates the structured evaluation corpus: tests/data/corpus/structured.jsonl.

    python3 tests/data/gen/structured.py > tests/data/corpus/structured.jsonl

Deterministic (fixed seed, Python 3 standard library only): running it twice gives the same bytes,
so the committed output can be checked by regenerating it.

Every document is built from hand-written templates with inline slots. A slot is written
`{NAME.fmt}`:

* an UPPER-CASE slot name is a label (`{PHONE.chat}`, `{DATE.dob}`): the generator draws a fresh
  synthetic value in the named format and records its span, so gold offsets are exact by
  construction (a document is a list of (text, label-or-None) segments; offsets are counted at
  the end, in code points, which is how Python indexes a `str`);
* a lower-case slot name is filler that is NOT an identifier (`{bp}`, `{icd}`, `{year}`,
  `{age_lo}`): vitals, doses, codes, bare years, ages under 90, the clinical traps.

Span conventions are the ones of tests/data/README.md. Where that table is silent:
NAME covers a contiguous name (`Maria L. Alvarez`, `ALVAREZ, MARIA`) without titles (`Dr.`) or
credentials (`MD`); ADDRESS is the street line with its unit (`4821 N Oak Ridge Dr Apt 4B`);
COUNTY keeps its `County`/`Parish` word; LOCATION_OTHER is a facility's full name. Every
identifier of a listed kind is marked, whoever it belongs to (a payer's phone, a physician's NPI):
a detector cannot tell whose number it is.

All values are synthetic: 555 phone numbers, reserved domains (example.org/.com/.net, .test),
check digits computed here so that Luhn, ABA, DEA, NPI, VIN and GS1 validators accept them.
"""

import datetime
import json
import random
import re
import sys
import unicodedata

SEED = 20240314
COUNTS = {"chat": 154, "note": 132, "billing": 66, "negative": 88}

# --------------------------------------------------------------------------------------------
# Check digits.


def luhn_digit(payload):
    """The Luhn check digit to append to the digit string `payload`."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def aba_digit(p8):
    """The ABA routing check digit: 3,7,1 weights over nine digits sum to 0 mod 10."""
    d = [int(c) for c in p8]
    s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
    return str((10 - s % 10) % 10)


def dea_digit(d6):
    """DEA check digit: last digit of (d1+d3+d5) + 2*(d2+d4+d6)."""
    d = [int(c) for c in d6]
    return str((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10)


def npi_digit(p9):
    """NPI check digit: Luhn over the prefix 80840 and the first nine digits."""
    return luhn_digit("80840" + p9)


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VALUE = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9,
                                                  2, 3, 4, 5, 6, 7, 8, 9]))
VIN_VALUE.update({str(i): i for i in range(10)})
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_digit(vin):
    """The check character (position 9) of a 17-character VIN."""
    s = sum(VIN_VALUE[c] * w for c, w in zip(vin, VIN_WEIGHTS))
    r = s % 11
    return "X" if r == 10 else str(r)


def gs1_digit(payload):
    """GS1 (GTIN) check digit: weights 3,1,3,... from the right."""
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(payload)))
    return str((10 - s % 10) % 10)


def self_test():
    """Known published values, so a slip in the arithmetic cannot produce a wrong corpus."""
    assert luhn_digit("7992739871") == "3"
    assert npi_digit("123456789") == "3"
    assert aba_digit("02100002") == "1"
    assert aba_digit("01100001") == "5"
    assert dea_digit("123456") == "3"
    assert vin_digit("1M8GDM9AXKP042788") == "X"
    assert vin_digit("11111111111111111") == "1"
    assert gs1_digit("400638133393") == "1"


# --------------------------------------------------------------------------------------------
# Word lists (all invented or generic).

FIRST_F = ["Maria", "Aisha", "Linda", "Mei", "Grace", "Fatima", "Olga", "Priya", "Rosa",
           "Deborah", "Chloé", "Zoë", "Hannah", "Keisha", "Ingrid", "Yuki", "Lucía", "Nadia",
           "Ruth", "Beatriz", "Hope", "Joy", "Margaret", "Esther", "Dolores", "Imani", "Siobhan",
           "Thu", "Agnieszka", "Wilhelmina", "Carmen", "June"]
FIRST_M = ["James", "Ahmed", "Carlos", "Wei", "Darnell", "José", "Tomasz", "Ravi", "Samuel",
           "Elijah", "Kwame", "Søren", "Luis", "Marcus", "Hiroshi", "Dmitri", "Omar", "Frank",
           "Grant", "Walter", "Harold", "Bao", "Mateo", "Desmond", "Rashid", "Bernard", "Ezra",
           "Cornelius", "Jamal", "Anders"]
LAST = ["Alvarez", "Nguyen", "Okafor", "Kowalski", "Haddad", "Johansson", "Patel", "O'Brien",
        "Smith-Jones", "Washington", "Lindqvist", "Castillo", "Brooks", "Young", "Mbeki",
        "Schultz", "Tanaka", "Rahman", "Fitzgerald", "Delacroix", "Novak", "Bell", "Rivera",
        "Abernathy", "Nguyễn", "Hernández", "Kaminski", "Oyelaran", "MacLeod", "Van der Berg",
        "Petrov", "Goldberg", "Whitfield", "Achterberg", "Szabo", "Mwangi", "Brennan",
        "Quintero", "Holloway", "Iverson", "Yamamoto", "Dubois", "Grant", "Parker", "Romero"]
MIDDLE = "ABCDEFGHJKLMNPRSTW"

# (city, state abbreviation, state name, county, ZIP prefix)
PLACES = [
    ("Springfield", "IL", "Illinois", "Sangamon County", "627"),
    ("Peoria", "IL", "Illinois", "Peoria County", "616"),
    ("Rockford", "IL", "Illinois", "Winnebago County", "611"),
    ("Decatur", "IL", "Illinois", "Macon County", "625"),
    ("Champaign", "IL", "Illinois", "Champaign County", "618"),
    ("Carbondale", "IL", "Illinois", "Jackson County", "629"),
    ("Galesburg", "IL", "Illinois", "Knox County", "614"),
    ("Quincy", "IL", "Illinois", "Adams County", "623"),
    ("Evanston", "IL", "Illinois", "Cook County", "602"),
    ("Shreveport", "LA", "Louisiana", "Caddo Parish", "711"),
    ("Baton Rouge", "LA", "Louisiana", "East Baton Rouge Parish", "708"),
    ("Tulsa", "OK", "Oklahoma", "Tulsa County", "741"),
    ("Boise", "ID", "Idaho", "Ada County", "837"),
    ("Eugene", "OR", "Oregon", "Lane County", "974"),
    ("Dayton", "OH", "Ohio", "Montgomery County", "454"),
    ("Toledo", "OH", "Ohio", "Lucas County", "436"),
    ("Fresno", "CA", "California", "Fresno County", "937"),
    ("Tacoma", "WA", "Washington", "Pierce County", "984"),
    ("Duluth", "MN", "Minnesota", "St. Louis County", "558"),
    ("Savannah", "GA", "Georgia", "Chatham County", "314"),
    ("Provo", "UT", "Utah", "Utah County", "846"),
    ("Reno", "NV", "Nevada", "Washoe County", "895"),
    ("Laredo", "TX", "Texas", "Webb County", "780"),
    ("El Paso", "TX", "Texas", "El Paso County", "799"),
    ("Santa Fe", "NM", "New Mexico", "Santa Fe County", "875"),
    ("Des Moines", "IA", "Iowa", "Polk County", "503"),
    ("Sioux Falls", "SD", "South Dakota", "Minnehaha County", "571"),
    ("Bangor", "ME", "Maine", "Penobscot County", "044"),
    ("Burlington", "VT", "Vermont", "Chittenden County", "054"),
    ("Macon", "GA", "Georgia", "Bibb County", "312"),
    ("Kalamazoo", "MI", "Michigan", "Kalamazoo County", "490"),
    ("Fort Collins", "CO", "Colorado", "Larimer County", "805"),
]
STATES = ["Illinois", "Ohio", "Texas", "Georgia", "Oregon", "Iowa", "Maine", "Nevada", "Utah",
          "Michigan", "Florida", "Kentucky", "Missouri", "Alabama", "Indiana", "Arizona",
          "Wisconsin", "Vermont", "Montana", "Virginia", "Washington", "Colorado", "New York"]
STREETS = ["Oak Ridge", "Maple", "Monroe", "Cedar Hollow", "Prairie View", "Elm", "Sunset",
           "Willow Creek", "Jefferson", "Lakeshore", "Birch", "Hickory", "Chestnut", "Old Mill",
           "Walnut", "Pine Bluff", "Fox Run", "Magnolia", "Sycamore", "Juniper", "Harvest Moon",
           "Kingsbury", "Ashland", "Orchard", "Meadowlark", "Quarry", "Bluebonnet", "Tamarack"]
SUFFIXES = ["St", "Street", "Ave", "Avenue", "Dr", "Drive", "Rd", "Road", "Ln", "Lane", "Ct",
            "Blvd", "Way", "Pl", "Ter", "Cir", "St.", "Ave."]
UNITS = ["Apt 4B", "Apt. 12", "Unit 1203", "#3", "Ste 210", "Apt 2F", "Unit B", "Lot 14",
         "Apt 301", "#17C"]
HOSPITALS = ["St. Brigid Medical Center", "Lakeview Memorial Hospital", "Mercy North Hospital",
             "Saint Anselm Hospital", "Prairie Regional Medical Center",
             "Sangamon Valley Health", "Riverside Baptist Hospital",
             "Holy Cross Community Hospital", "Bluff City General Hospital"]
CLINICS = ["Prairie Heights Clinic", "Riverbend Family Practice", "Northfield Urgent Care",
           "Oak Hollow Dialysis Center", "Bluestem Pediatrics", "Harbor Point Rehabilitation",
           "Granite Peak Orthopedics", "Lakeside Cardiology Associates",
           "Eastgate Women's Health", "Cottonwood Community Clinic"]
NURSING = ["Cedar Grove Nursing Center", "Maple Grove Senior Living", "Willow Creek Hospice",
           "Golden Oaks Assisted Living", "Sunny Acres Care Home", "Briarwood Manor"]
PAYERS = ["Blue Prairie Health Plan", "Heartland Mutual", "Great Lakes Care PPO",
          "Meridian Choice HMO", "Medicare", "Medicaid", "Summit Benefit Trust",
          "Keystone Select"]
RELATIONS = ["daughter", "son", "wife", "husband", "niece", "grandson", "caregiver", "sister",
             "brother", "granddaughter"]
DRUGS = ["metformin", "lisinopril", "atorvastatin", "levothyroxine", "amlodipine", "gabapentin",
         "sertraline", "omeprazole", "losartan", "metoprolol", "insulin glargine", "albuterol",
         "warfarin", "apixaban", "furosemide", "prednisone", "tramadol", "escitalopram"]
EPONYM_DZ = ["Parkinson's disease", "Alzheimer's dementia", "Crohn's disease", "Bell's palsy",
             "Hashimoto's thyroiditis", "Graves' disease", "Cushing syndrome",
             "Addison's disease", "Hodgkin lymphoma", "Guillain-Barré syndrome",
             "Raynaud phenomenon", "Sjögren syndrome", "Meniere disease", "Barrett esophagus",
             "Wilson disease", "Paget disease of bone", "Huntington disease",
             "Tourette syndrome", "Down syndrome", "Kawasaki disease"]
EPONYM_SIGNS = ["Murphy's sign negative", "Babinski downgoing bilaterally",
                "McMurray test positive medially", "Lachman negative", "Homans sign negative",
                "Kernig and Brudzinski negative", "Romberg negative", "Tinel sign positive",
                "Phalen test positive", "Dix-Hallpike positive on the right",
                "Trendelenburg gait noted", "Chvostek sign absent", "Rovsing sign negative",
                "Epley maneuver performed", "Valsalva without change in murmur"]
DX = [("type 2 diabetes mellitus without complications", "E11.9"),
      ("essential hypertension", "I10"), ("hyperlipidemia", "E78.5"),
      ("moderate persistent asthma", "J45.40"), ("low back pain", "M54.50"),
      ("long-term insulin use", "Z79.4"), ("CKD stage 3a", "N18.31"),
      ("major depressive disorder, recurrent, mild", "F33.0"),
      ("atrial fibrillation", "I48.91"), ("COPD with exacerbation", "J44.1"),
      ("hypothyroidism", "E03.9"), ("GERD", "K21.9"), ("osteoarthritis of knee", "M17.11"),
      ("heart failure with reduced EF", "I50.22"), ("UTI", "N39.0"),
      ("community-acquired pneumonia", "J18.9"), ("obesity, BMI 35.0-39.9", "E66.9"),
      ("vitamin D deficiency", "E55.9"), ("iron deficiency anemia", "D50.9"),
      ("annual exam", "Z00.00")]
CPT = ["99213", "99214", "99215", "99203", "93000", "80053", "85025", "36415", "71046", "99396",
       "90471", "96372", "97110", "99232", "G0439", "J1885", "83036", "81003"]
NDC = ["0093-7146-56", "00071-0155-23", "0378-0208-01", "68180-512-01", "0002-8215-01",
       "50090-3270-0", "0054-4297-25", "16729-020-17", "0904-6397-61", "43547-282-10"]
CHIEF = ["chest pain", "shortness of breath", "dizziness", "fall at home", "cough and fever",
         "left knee pain", "worsening confusion", "abdominal pain", "dysuria", "headache",
         "leg swelling", "palpitations", "rash", "low back pain", "fatigue"]
PLANS = ["continue current regimen", "increase dose, recheck in 2 weeks", "start PT 2x/week",
         "BMP in 3-5 days", "referral to cardiology", "hold for SBP < 100", "diet and exercise",
         "repeat A1c in 3 months", "CXR if no improvement", "taper over 10 days"]
CARS = ["silver Honda Civic", "blue Ford F-150", "gray Toyota Camry", "white Subaru Outback",
        "red Chevy Malibu", "black Jeep Wrangler", "green Kia Soul"]
DEVICE_MAKERS = ["Medtronic", "Boston Scientific", "Abbott", "Biotronik"]
JOBS = ["teacher", "machinist", "nurse", "farmer", "postal worker", "accountant", "electrician"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_ABBR = ["mon", "tues", "wed", "thurs", "fri", "sat", "sun"]

R = random.Random(SEED)


def pick(seq):
    return R.choice(seq)


def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def nz_digits(n):
    """n digits, the first not zero."""
    return R.choice("123456789") + digits(n - 1)


def letters(n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
    return "".join(R.choice(alphabet) for _ in range(n))


def ascii_fold(s):
    """Drop accents and non-letters: for e-mail local parts."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and c.isalnum()).lower()


# --------------------------------------------------------------------------------------------
# Per-document context: one patient, one clinician, one place, reused by the templates.


class Ctx:
    def __init__(self, kind):
        self.kind = kind
        self.sex = pick("FM")
        self.pt_first = pick(FIRST_F if self.sex == "F" else FIRST_M)
        self.pt_last = pick(LAST)
        self.pt_mi = pick(MIDDLE)
        self.doc_first = pick(FIRST_F + FIRST_M)
        self.doc_last = pick(LAST)
        self.doc2 = (pick(FIRST_F + FIRST_M), pick(LAST))
        self.other = (pick(FIRST_F + FIRST_M), pick(LAST))
        self.staff = (pick(FIRST_F + FIRST_M), pick(LAST))
        self.place = pick(PLACES)
        # Chat writers often type names and places in lower case.
        self.lower_names = kind == "chat" and R.random() < 0.5


def pron(ctx, fmt):
    """Pronoun filler: {pron.his} -> his/her, {pron.he} -> he/she, {pron.him} -> him/her."""
    table = {"his": ("her", "his"), "he": ("she", "he"), "him": ("her", "him"),
             "He": ("She", "He"), "His": ("Her", "His")}
    f, m = table[fmt]
    return f if ctx.sex == "F" else m


# --------------------------------------------------------------------------------------------
# Identifier generators. Each takes (ctx, fmt) and returns the value (one span of its label) or a
# list of (text, label-or-None) segments when the value comes with non-span text around it.


def phone_parts(tollfree=False):
    if tollfree:
        return pick(["800", "888", "877", "866"]), "555", "01" + digits(2)
    if R.random() < 0.5:
        return "555", nz_digits(3), digits(4)
    return pick(["217", "309", "312", "618", "773", "918", "208", "541", "937", "253", "702",
                 "915", "505", "515", "605", "207", "802", "269", "970"]), "555", "01" + digits(2)


def gen_phone(ctx, fmt, label="PHONE"):
    a, e, n = phone_parts(fmt == "tollfree")
    if fmt == "chat":
        styles = ["{a} {e} {n}", "{a}{e}{n}", "{a}-{e}-{n}", "{a}.{e}.{n}", "({a}){e}-{n}",
                  "{a} {e}{n}", "{a} {e} {n0} {n1}", "+1 {a} {e} {n}", "1{a}{e}{n}",
                  "{a}‑{e}‑{n}", "({a}) {e} {n}"]
    elif fmt == "tollfree":
        styles = ["1-{a}-{e}-{n}", "({a}) {e}-{n}", "{a}-{e}-{n}", "1 ({a}) {e}-{n}"]
    else:
        styles = ["({a}) {e}-{n}", "{a}-{e}-{n}", "{a}.{e}.{n}", "+1 {a} {e} {n}",
                  "+1 ({a}) {e}-{n}", "1-{a}-{e}-{n}", "({a}){e}-{n}", "+1-{a}-{e}-{n}",
                  "{a}/{e}-{n}", "{a} {e} {n}"]
    s = pick(styles).format(a=a, e=e, n=n, n0=n[:2], n1=n[2:])
    if fmt == "ext" or (fmt == "note" and R.random() < 0.12):
        s += pick([" x{}", " ext. {}", " ext {}", " x{}", " Ext. {}"]).format(digits(pick([2, 3, 4])))
    return [(s, label)]


def gen_fax(ctx, fmt):
    return gen_phone(ctx, "chat" if fmt == "chat" else "note", "FAX")


def gen_email(ctx, fmt):
    first, last = {"pt": (ctx.pt_first, ctx.pt_last), "doc": (ctx.doc_first, ctx.doc_last),
                   "other": ctx.other, "staff": ctx.staff}.get(fmt, ctx.other)
    f, l = ascii_fold(first), ascii_fold(last)
    dom = pick(["example.org", "example.com", "example.net", "mail.example.org", "inbox.test",
                "patientmail.test", "clinic.example.org", "stbrigid.example.org"])
    local = pick([f"{f}.{l}", f"{f[0]}{l}{digits(2)}", f"{f}_{l}{digits(2)}", f"{f}{l[0]}",
                  f"{l}.{f}", f"{f}.{l}+portal", f"{f}{digits(4)}", f"{f[0]}.{l}",
                  f"{f}-{l}", f"{l}{f[0]}{digits(1)}"])
    if fmt == "role":
        local = pick(["billing", "records", "frontdesk", "hr.benefits", "privacy", "referrals"])
    s = f"{local}@{dom}"
    if ctx.kind == "note" and R.random() < 0.1:
        s = s.upper()
    return s


def gen_url(ctx, fmt):
    host = pick(["mychart.example.org", "portal.example.org", "www.prairieclinic.test",
                 "telehealth.example.org", "bill.example.test", "example.org",
                 "records.stbrigid.example.org", "www.example.com", "forms.example.net"])
    path = pick([f"/visit/{digits(5)}", f"/login?next=/billing&id={digits(4)}",
                 "/forms/intake.pdf", f"/room/{letters(1).lower()}{digits(4)}-{letters(2).lower()}",
                 f"/r/{digits(5)}#results", f"/acct/{digits(7)}", "/pay", "/patient/messages",
                 f"/share/{letters(6, 'abcdefghkmnpqrstuvwxyz23456789')}", "",
                 f"/appointments?date=next&loc={digits(2)}", "/release-of-information"])
    if host.startswith("www.") and R.random() < 0.5:
        return host + path
    scheme = pick(["https://", "https://", "http://"])
    return scheme + host + path


def gen_ip(ctx, fmt):
    if fmt == "v6" or (fmt == "any" and R.random() < 0.35):
        s = pick([f"2001:db8:{R.randrange(1, 0xffff):x}::{R.randrange(1, 0xffff):x}",
                  f"2001:db8:85a3::8a2e:{R.randrange(0x100, 0xfff):x}:{R.randrange(0x1000, 0xffff):x}",
                  f"fe80::{R.randrange(0x100, 0xfff):x}:fe23:{R.randrange(0x1000, 0xffff):x}:890a",
                  f"2001:0db8:0000:0000:0000:ff00:{R.randrange(0x10, 0xff):04x}:{R.randrange(0x1000, 0xffff):04x}",
                  "2001:db8::" + str(R.randrange(1, 99)),
                  f"2001:DB8:{R.randrange(1, 0xfff):X}::{R.randrange(1, 0xfff):X}:1"])
        tail = pick(["", "", "", "/64", "/48"])
    else:
        s = pick([f"10.{R.randrange(256)}.{R.randrange(256)}.{R.randrange(1, 255)}",
                  f"192.168.{R.randrange(256)}.{R.randrange(1, 255)}",
                  f"172.{R.randrange(16, 32)}.{R.randrange(256)}.{R.randrange(1, 255)}",
                  f"203.0.113.{R.randrange(1, 255)}", f"198.51.100.{R.randrange(1, 255)}",
                  f"192.0.2.{R.randrange(1, 255)}"])
        tail = pick(["", "", "", "", ":8080", ":443", "/24", "/32"])
    return [(s, "IP")] + ([(tail, None)] if tail else [])


def gen_ssn(ctx, fmt):
    area = R.randrange(1, 900)
    while area == 666:
        area = R.randrange(1, 900)
    a, g, s = f"{area:03d}", f"{R.randrange(1, 100):02d}", f"{R.randrange(1, 10000):04d}"
    styles = ["{a}-{g}-{s}", "{a}-{g}-{s}", "{a} {g} {s}", "{a}{g}{s}", "{a}.{g}.{s}"]
    return pick(styles).format(a=a, g=g, s=s)


def gen_mrn(ctx, fmt):
    styles = [lambda: digits(8), lambda: "00" + digits(6), lambda: digits(7),
              lambda: "E" + digits(7), lambda: "A" + digits(8), lambda: digits(4) + " " + digits(4),
              lambda: nz_digits(10), lambda: "H" + digits(7), lambda: digits(3) + "-" + digits(5),
              lambda: digits(2) + "-" + digits(2) + "-" + digits(2) + "-" + digits(2)]
    if fmt == "chat":
        styles += [lambda: " ".join([digits(3), digits(3), digits(2)]),
                   lambda: digits(3) + " " + digits(4), lambda: digits(6)]
    return pick(styles)()


def mbi():
    """A Medicare beneficiary identifier: C A AN N A AN N A A N N."""
    a = "ACDEFGHJKMNPQRTUVWXY"
    an = a + "0123456789"
    s = (R.choice("123456789") + R.choice(a) + R.choice(an) + R.choice("0123456789")
         + R.choice(a) + R.choice(an) + R.choice("0123456789") + R.choice(a) + R.choice(a)
         + digits(2))
    return pick([s, s, f"{s[:4]}-{s[4:7]}-{s[7:]}"])


def gen_health_plan(ctx, fmt):
    if fmt == "mbi":
        return mbi()
    if fmt == "group":
        return pick([digits(6), "GRP" + digits(4), f"{digits(5)}-{digits(2)}", letters(2) + digits(4),
                     nz_digits(7), f"{letters(1)}{digits(5)}-{digits(3)}"])
    if fmt == "policy":
        return pick([letters(1) + digits(7), f"PL-{digits(7)}", f"{digits(5)}-{digits(4)}-{digits(2)}",
                     f"{letters(1)}{digits(4)} {digits(4)}", letters(2) + nz_digits(9)])
    if fmt == "medicaid":
        return pick([nz_digits(9), nz_digits(10), letters(2) + digits(8), f"{digits(8)}{letters(1)}"])
    return pick([letters(3) + digits(9), "W" + digits(9), f"MEM{digits(9)}", nz_digits(11),
                 f"{letters(1)}{digits(8)}-{digits(2)}", letters(3) + nz_digits(8),
                 f"{letters(3)} {digits(4)} {digits(4)}", f"{letters(1)}{digits(3)}-{digits(3)}-{digits(3)}",
                 f"{digits(9)}-{digits(2)}"])


def card():
    kind = pick(["visa", "visa", "mc", "amex", "disc", "mc2"])
    if kind == "amex":
        p = pick(["34", "37"]) + digits(12)
        n = p + luhn_digit(p)
        return pick([n, f"{n[:4]} {n[4:10]} {n[10:]}", f"{n[:4]}-{n[4:10]}-{n[10:]}"])
    prefix = {"visa": "4", "mc": str(R.randrange(51, 56)), "disc": "6011",
              "mc2": str(R.randrange(2221, 2721))}[kind]
    p = prefix + digits(15 - len(prefix))
    n = p + luhn_digit(p)
    assert len(n) == 16
    sep = pick([" ", "-", "", " "])
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))


def aba():
    first = pick([f"{R.randrange(1, 13):02d}", f"{R.randrange(21, 33)}", f"{R.randrange(61, 73)}"])
    p = first + digits(6)
    return p + aba_digit(p)


def gen_account(ctx, fmt):
    if fmt == "card":
        return card()
    if fmt == "aba":
        return aba()
    if fmt == "bank":
        return pick([nz_digits(10), "00" + digits(10), nz_digits(8), f"{digits(4)}-{digits(6)}",
                     nz_digits(12)])
    return pick([f"{digits(8)}-{digits(2)}", f"{digits(4)}-{digits(6)}", "4000" + digits(6),
                 "G" + digits(7), nz_digits(9), f"{letters(2)}-{digits(6)}", "00" + digits(8),
                 f"{digits(3)} {digits(3)} {digits(4)}", "H" + digits(9)])


def dea(ctx):
    d = digits(6)
    initial = ascii_fold(ctx.doc_last)[0].upper()
    return pick("ABFGMP") + initial + d + dea_digit(d)


def npi():
    p = pick("12") + digits(8)
    return p + npi_digit(p)


def gen_license(ctx, fmt):
    if fmt == "dea":
        return dea(ctx)
    if fmt == "npi":
        return npi()
    if fmt == "dl":
        return pick([f"{letters(1)}{digits(3)}-{digits(4)}-{digits(4)}", letters(1) + digits(7),
                     f"{digits(3)} {digits(3)} {digits(3)}", nz_digits(8),
                     f"{letters(1)}{digits(3)}-{digits(3)}-{digits(2)}-{digits(3)}-{digits(1)}",
                     f"{letters(1)}{digits(12)}", f"{letters(1)}{digits(2)}-{digits(2)}-{digits(4)}"])
    if fmt == "state_med":
        return pick([f"036.{digits(6)}", letters(1) + digits(5), letters(1) + digits(4),
                     f"MD{digits(6)}", f"041.{digits(6)}", f"{digits(2)}-{digits(6)}",
                     f"ME{digits(5)}", f"RN{digits(7)}"])
    if fmt == "cert":
        return pick([f"BC-{digits(5)}", f"{digits(4)}-{digits(4)}", f"C{digits(7)}",
                     f"{digits(5)}-CPR", f"ABIM-{digits(6)}"])
    if fmt == "passport":
        return pick([nz_digits(9), letters(1) + digits(8)])
    return gen_license(ctx, pick(["dl", "dea", "npi", "state_med", "cert"]))


def vin():
    wmi = pick(["1HG", "1FT", "2T1", "3VW", "JHM", "5YJ", "1G1", "WBA", "KMH", "4T1", "1C4",
                "JN1", "5FN", "2HK"])
    vds = "".join(R.choice(VIN_CHARS) for _ in range(5))
    year = pick("ABCDEFGHJKLMNPRSTVWXY123456789")
    plant = R.choice(VIN_CHARS)
    v = wmi + vds + "0" + year + plant + digits(6)
    v = v[:8] + vin_digit(v) + v[9:]
    assert vin_digit(v) == v[8]
    return v


def gen_vehicle(ctx, fmt):
    if fmt == "vin":
        return vin()
    return pick([f"{R.randrange(1, 10)}{letters(3)}{digits(3)}", f"{letters(3)} {digits(4)}",
                 f"{letters(2)} {digits(5)}", f"{letters(3)}-{digits(4)}",
                 f"{digits(3)} {letters(3)}", f"{letters(2)}{digits(1)} {digits(4)}",
                 f"{digits(1)}{letters(3)}{digits(3)}", f"{letters(1)}{digits(2)} {letters(3)}"])


def gtin14():
    p = "0" + pick(["0844588", "0643169", "0381780", "0885074", "0705031"]) + digits(5)
    return p + gs1_digit(p)


def udi():
    g = gtin14()
    exp = f"{R.randrange(25, 31)}{R.randrange(1, 13):02d}{R.randrange(1, 29):02d}"
    lot = letters(1) + digits(3) + letters(1) + digits(1)
    return pick([f"(01){g}(17){exp}(10){lot}", f"(01){g}(21){letters(3)}{digits(6)}",
                 f"(01){g}(10){lot}(21){digits(5)}", f"01{g}17{exp}10{lot}",
                 f"(01){g}(11){exp}(10){lot}"])


def imei():
    p = pick(["35", "86", "01"]) + digits(12)
    n = p + luhn_digit(p)
    return pick([n, f"{n[:2]}-{n[2:8]}-{n[8:14]}-{n[14]}"])


def gen_device(ctx, fmt):
    if fmt == "lot":
        return pick([f"{digits(2)}{letters(1)}{digits(4)}", letters(1) + digits(7),
                     f"20{digits(2)}{letters(1)}{digits(4)}", f"{letters(2)}{digits(5)}",
                     f"{digits(6)}-{digits(2)}"])
    if fmt == "udi":
        return udi()
    if fmt == "imei":
        return imei()
    if fmt == "mac":
        return ":".join(f"{R.randrange(256):02X}" for _ in range(6))
    if fmt == "cgm":
        return digits(1) + letters(1) + digits(4)
    return pick([f"{letters(3)}{digits(6)}{letters(1)}", f"{digits(5)}-{letters(2)}-{digits(4)}",
                 f"{digits(4)}{letters(1)}{digits(5)}", f"OA{digits(7)}", f"{digits(2)}{letters(1)}{digits(5)}",
                 f"{letters(1)}{digits(1)}{letters(1)}-{digits(6)}", f"{letters(2)}{digits(8)}",
                 f"{digits(3)}{letters(3)}{digits(4)}"])


def gen_id_other(ctx, fmt):
    table = {
        "claim": [lambda: f"20{R.randrange(19, 26)}-{digits(7)}", lambda: "C" + digits(8),
                  lambda: nz_digits(12), lambda: "CLM" + digits(7),
                  lambda: f"{digits(2)}{letters(1)}{digits(9)}", lambda: f"{digits(4)} {digits(4)} {digits(3)}"],
        "case": [lambda: f"{digits(2)}-{letters(2)}-{digits(5)}", lambda: f"CS-{digits(6)}",
                 lambda: f"20{R.randrange(19, 26)}-CV-{digits(5)}", lambda: nz_digits(8)],
        "enc": [lambda: nz_digits(8), lambda: "E1" + digits(8), lambda: nz_digits(10),
                lambda: f"{digits(3)}-{digits(4)}-{digits(3)}"],
        "accession": [lambda: f"S{digits(2)}-{digits(6)}", lambda: f"HA{digits(2)}-{digits(6)}",
                      lambda: f"CT-{digits(2)}-{digits(7)}", lambda: f"{digits(2)}-{digits(3)}-{digits(5)}",
                      lambda: f"M{digits(2)}{letters(1)}{digits(5)}"],
        "conf": [lambda: letters(3) + digits(1) + letters(2), lambda: f"{letters(2)}{digits(4)}{letters(1)}",
                 lambda: f"{letters(1)}{digits(1)}{letters(2)}-{digits(1)}{letters(2)}{digits(1)}",
                 lambda: nz_digits(9)],
        "rx": [lambda: nz_digits(7), lambda: f"{digits(7)}-{digits(5)}", lambda: nz_digits(9)],
        "auth": [lambda: f"PA-{digits(7)}", lambda: letters(1) + digits(8), lambda: nz_digits(10),
                 lambda: f"{digits(4)}{letters(2)}{digits(4)}"],
        "ref": [lambda: nz_digits(7), lambda: f"R-{digits(5)}-{digits(2)}", lambda: nz_digits(11)],
        "invoice": [lambda: f"INV-{digits(6)}", lambda: f"20{R.randrange(19, 26)}-{digits(5)}",
                    lambda: nz_digits(9)],
        "csn": [lambda: nz_digits(10), lambda: nz_digits(11)],
        "bare": [lambda: nz_digits(10), lambda: nz_digits(11), lambda: nz_digits(12)],
    }
    if fmt not in table:
        fmt = pick(list(table))
    return pick(table[fmt])()


def gen_zip(ctx, fmt):
    z = ctx.place[4] + digits(2)
    if fmt == "five" or (fmt != "plus4" and R.random() < 0.7):
        return z
    return f"{z}-{digits(4)}"


# Dates ----------------------------------------------------------------------------------------

def ordinal(d):
    suffix = "th" if 11 <= d % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return f"{d}{suffix}"


def mon_abbr(m):
    return pick(["Sept", "Sep"]) if m == 9 else MON_ABBR[m - 1]


DATE_STYLES = {
    "mdy": lambda y, m, d: f"{m:02d}/{d:02d}/{y}",
    "mdy_nopad": lambda y, m, d: f"{m}/{d}/{y}",
    "mdy2": lambda y, m, d: f"{m:02d}/{d:02d}/{y % 100:02d}",
    "mdy2_nopad": lambda y, m, d: f"{m}/{d}/{y % 100:02d}",
    "mdy_dash": lambda y, m, d: f"{m:02d}-{d:02d}-{y}",
    "mdy_dash_nopad": lambda y, m, d: f"{m}-{d}-{y}",
    "mdy_dot": lambda y, m, d: f"{m:02d}.{d:02d}.{y}",
    "iso": lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
    "ymd_slash": lambda y, m, d: f"{y}/{m:02d}/{d:02d}",
    "long": lambda y, m, d: f"{MONTHS[m - 1]} {d}, {y}",
    "long_ord": lambda y, m, d: f"{MONTHS[m - 1]} {ordinal(d)}, {y}",
    "long_nocomma": lambda y, m, d: f"{MONTHS[m - 1]} {d} {y}",
    "abbr": lambda y, m, d: f"{mon_abbr(m)} {d}, {y}",
    "abbr_dot": lambda y, m, d: f"{mon_abbr(m)}. {d}, {y}",
    "dmy_long": lambda y, m, d: f"{d} {MONTHS[m - 1]} {y}",
    "dmy_abbr": lambda y, m, d: f"{d} {mon_abbr(m)} {y}",
    "dmy_dash": lambda y, m, d: f"{d:02d}-{MON_ABBR[m - 1]}-{y}",
    "dmy_compact": lambda y, m, d: f"{d:02d}{MON_ABBR[m - 1].upper()}{y}",
    "mon_dmy2": lambda y, m, d: f"{d}-{MON_ABBR[m - 1]}-{y % 100:02d}",
    "month_year": lambda y, m, d: f"{MONTHS[m - 1]} {y}",
    "mon_year": lambda y, m, d: f"{mon_abbr(m)} {y}",
    "mon_dot_year": lambda y, m, d: f"{mon_abbr(m)}. {y}",
    "my_slash": lambda y, m, d: f"{m:02d}/{y}",
    "md": lambda y, m, d: f"{m}/{d}",
    "md_pad": lambda y, m, d: f"{m:02d}/{d:02d}",
    "month_day": lambda y, m, d: f"{MONTHS[m - 1]} {d}",
    "month_day_ord": lambda y, m, d: f"{MONTHS[m - 1]} {ordinal(d)}",
    "mon_day": lambda y, m, d: f"{mon_abbr(m)} {d}",
    "mon_day_ord": lambda y, m, d: f"{mon_abbr(m)} {ordinal(d)}",
    "the_of": lambda y, m, d: f"the {ordinal(d)} of {MONTHS[m - 1]}",
    "ord_of": lambda y, m, d: f"{ordinal(d)} of {MONTHS[m - 1]}",
    "day_mon": lambda y, m, d: f"{d}-{MON_ABBR[m - 1]}",
}
FULL = ["mdy", "mdy_nopad", "mdy2", "mdy2_nopad", "mdy_dash", "mdy_dot", "iso", "ymd_slash",
        "long", "long_ord", "long_nocomma", "abbr", "abbr_dot", "dmy_long", "dmy_abbr",
        "dmy_dash", "dmy_compact", "mon_dmy2", "mdy_dash_nopad"]
PARTIAL = ["md", "md_pad", "month_year", "mon_year", "mon_dot_year", "month_day",
           "month_day_ord", "mon_day", "mon_day_ord", "the_of", "ord_of", "my_slash", "day_mon"]
CHAT_STYLES = ["md", "md", "mdy_nopad", "mdy2_nopad", "month_day", "month_day_ord", "mon_day",
               "mon_day_ord", "the_of", "ord_of", "mdy_dash_nopad", "long_nocomma", "month_year"]

# (year range, styles, lower-case?)
DATE_SETS = {
    "dob": ((1922, 2006), ["mdy", "mdy", "mdy_nopad", "mdy2", "iso", "long", "abbr", "dmy_abbr",
                           "mdy_dash", "mdy_dot", "dmy_compact", "long_ord", "dmy_long",
                           "dmy_dash", "abbr_dot"], False),
    "visit": ((2021, 2025), ["mdy", "mdy_nopad", "iso", "mdy2", "long", "abbr", "abbr_dot",
                             "dmy_dash", "ymd_slash", "mdy_dash", "dmy_compact"], False),
    "any": ((2019, 2026), FULL + PARTIAL, False),
    "partial": ((2019, 2026), PARTIAL, False),
    "md": ((2022, 2026), ["md", "md_pad", "day_mon"], False),
    "month_year": ((2015, 2025), ["month_year", "mon_year", "mon_dot_year", "my_slash"], False),
    "future": ((2025, 2027), ["mdy", "mdy_nopad", "long", "abbr", "month_day", "md",
                              "month_day_ord", "iso"], False),
    "chat_dob": ((1925, 2006), ["mdy_nopad", "mdy2_nopad", "mdy_dash_nopad", "long_nocomma",
                                "iso", "dmy_long", "mdy", "long", "mon_day_ord"], True),
    "chat": ((2024, 2026), CHAT_STYLES, True),
    "chat_md": ((2024, 2026), ["md", "month_day", "month_day_ord", "mon_day", "mon_day_ord",
                               "ord_of"], True),
}


def rand_date(years):
    y = R.randrange(years[0], years[1] + 1)
    m = R.randrange(1, 13)
    d = R.randrange(1, 29 if m == 2 else (31 if m in (4, 6, 9, 11) else 32))
    return y, m, d


def gen_date(ctx, fmt):
    """{DATE.set} or {DATE.set_wd}: the `_wd` variant puts the (true) weekday before the date."""
    wd = fmt.endswith("_wd")
    key = fmt[:-3] if wd else fmt
    years, styles, lower = DATE_SETS[key]
    y, m, d = rand_date(years)
    style = pick(styles)
    if style == "dmy_compact" and ctx.kind != "note":
        style = "dmy_abbr"
    s = DATE_STYLES[style](y, m, d)
    if lower:
        s = s.lower()
    segs = [(s, "DATE")]
    if wd:
        w = datetime.date(y, m, d).weekday()
        if lower:
            segs.insert(0, (pick([WD_ABBR[w], WEEKDAYS[w].lower()]) + " ", None))
        else:
            segs.insert(0, (pick([WEEKDAYS[w] + ", ", WEEKDAYS[w] + " ", WEEKDAYS[w][:3] + " "]), None))
    return segs


def gen_age(ctx, fmt):
    """Ages over 89; the span is the number only (or `90s`)."""
    a = str(pick([90, 90, 91, 91, 92, 93, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 104]))
    if fmt == "decade":
        return [(pick(["", "", "early ", "late ", "mid-", "mid "]), None), ("90s", "AGE")]
    if fmt == "num":
        return [(a, "AGE")]
    if fmt in ("adj", "noun_adj"):
        suffix = pick(["-year-old", " year old", " yo", "yo", " y/o", " y.o.", "-yr-old",
                       " yr old", "-year-old", " YO", "-y/o"])
        if fmt == "noun_adj":
            # The noun names the decade of life as precisely as `in her 90s` does, so it is an
            # AGE span too, and it must agree with the number (no "Nonagenarian, 104-year-old").
            noun = "Nonagenarian" if int(a) < 100 else "Centenarian"
            return [(noun, "AGE"), (", ", None), (a, "AGE"), (suffix, None)]
        return [(a, "AGE"), (suffix, None)]
    if fmt == "sex":
        return [(a, "AGE"), (pick([" F", " M", " y.o. F", " yo M", " yo F"]), None)]
    suffix = pick(["", "", " years old", " yrs old", " years of age", " yo", " yrs"])
    return [(a, "AGE"), (suffix, None)]


# Names and places -----------------------------------------------------------------------------

def gen_name(ctx, fmt):
    pf, pl = ctx.pt_first, ctx.pt_last
    df, dl = ctx.doc_first, ctx.doc_last
    values = {
        "pt_full": f"{pf} {pl}", "pt_first": pf, "pt_last": pl,
        "pt_mi": f"{pf} {ctx.pt_mi}. {pl}", "pt_lastfirst": f"{pl}, {pf}",
        "pt_upper": f"{pl.upper()}, {pf.upper()} {ctx.pt_mi}", "pt_caps": f"{pf} {pl}".upper(),
        "doc_full": f"{df} {dl}", "doc_last": dl, "doc_upper": f"{df} {dl}".upper(),
        "doc_init": f"{df[0]}. {dl}", "doc2_full": f"{ctx.doc2[0]} {ctx.doc2[1]}",
        "doc2_last": ctx.doc2[1],
        "other_full": f"{ctx.other[0]} {ctx.other[1]}", "other_first": ctx.other[0],
        "kid_full": f"{ctx.other[0]} {pl}", "staff_full": f"{ctx.staff[0]} {ctx.staff[1]}",
        "staff_first": ctx.staff[0],
    }
    s = values[fmt]
    if ctx.lower_names:
        s = s.lower()
    return s


def gen_address(ctx, fmt):
    n = str(R.randrange(2, 9999))
    street = pick(STREETS)
    style = R.random()
    if fmt == "pobox" or style < 0.1:
        s = pick(["PO Box {}", "P.O. Box {}", "po box {}"]).format(R.randrange(10, 9999))
    elif style < 0.15:
        s = f"RR {R.randrange(1, 9)} Box {R.randrange(1, 99)}"
    elif style < 0.2:
        s = f"{n} County Road {R.randrange(100, 2400)}"
    else:
        parts = [n]
        if R.random() < 0.3:
            parts.append(pick(["N", "S", "E", "W", "N.", "W.", "South", "West"]))
        parts += [street, pick(SUFFIXES)]
        s = " ".join(parts)
        if R.random() < 0.35:
            s += pick([" ", ", "]) + pick(UNITS)
    if ctx.lower_names:
        s = s.lower()
    return s


def gen_city(ctx, fmt):
    return ctx.place[0].lower() if ctx.lower_names else ctx.place[0]


def gen_county(ctx, fmt):
    return ctx.place[3].lower() if ctx.lower_names else ctx.place[3]


def gen_location(ctx, fmt):
    s = pick({"hospital": HOSPITALS, "clinic": CLINICS, "nursing": NURSING}.get(
        fmt, HOSPITALS + CLINICS + NURSING))
    return s.lower() if ctx.lower_names else s


GENERATORS = {
    "PHONE": gen_phone, "FAX": gen_fax, "EMAIL": gen_email, "URL": gen_url, "IP": gen_ip,
    "SSN": gen_ssn, "MRN": gen_mrn, "HEALTH_PLAN": gen_health_plan, "ACCOUNT": gen_account,
    "LICENSE": gen_license, "VEHICLE": gen_vehicle, "DEVICE": gen_device,
    "ID_OTHER": gen_id_other, "ZIP": gen_zip, "DATE": gen_date, "AGE": gen_age,
    "NAME": gen_name, "ADDRESS": gen_address, "CITY": gen_city, "COUNTY": gen_county,
    "LOCATION_OTHER": gen_location,
}

# --------------------------------------------------------------------------------------------
# Filler: values that are NOT identifiers. Many are the traps a detector must leave alone.


def f_num(lo, hi):
    return lambda ctx, fmt: str(R.randrange(lo, hi + 1))


def f_dec(lo, hi, places=1):
    return lambda ctx, fmt: f"{R.uniform(lo, hi):.{places}f}"


def f_pick(seq):
    return lambda ctx, fmt: pick(seq)


def f_vitals(ctx, fmt):
    return pick([
        "BP {sys}/{dia}, HR {hr}, RR {rr}, T {t} F, SpO2 {sat}% on RA",
        "BP {sys}/{dia} | P {hr} | R {rr} | Temp {tc} C | O2 sat {sat}%",
        "T {t}  HR {hr}  BP {sys}/{dia}  RR {rr}  SpO2 {sat}% 2L NC",
        "Vitals: {sys}/{dia}, {hr}, {rr}, {t}, {sat}% RA, wt {wt} kg",
        "BP {sys}/{dia} sitting, {sys2}/{dia2} standing; HR {hr}; pain {pain}/10",
    ]).format(sys=R.randrange(96, 172), dia=R.randrange(54, 102), hr=R.randrange(52, 118),
              rr=R.randrange(12, 24), t=f"{R.uniform(97.0, 101.4):.1f}",
              tc=f"{R.uniform(36.2, 38.6):.1f}", sat=R.randrange(88, 100),
              wt=f"{R.uniform(45, 130):.1f}", sys2=R.randrange(90, 150),
              dia2=R.randrange(50, 95), pain=R.randrange(0, 11))


def f_labs(ctx, fmt):
    return pick([
        "Na {na}, K {k}, Cl {cl}, CO2 {co2}, BUN {bun}, Cr {cr}, Glu {glu}",
        "WBC {wbc}, Hgb {hgb}, Hct {hct}, Plt {plt}",
        "Na {na} / K {k} / Cl {cl} / HCO3 {co2} / BUN {bun} / Cr {cr} / Glu {glu}",
        "A1c {a1c}%, LDL {ldl}, HDL {hdl}, TG {tg}, TSH {tsh}",
        "INR {inr}, PT {pt} sec, PTT {ptt} sec",
        "Troponin <0.01, BNP {bnp}, lactate {lac}",
    ]).format(na=R.randrange(128, 146), k=f"{R.uniform(3.1, 5.6):.1f}", cl=R.randrange(95, 110),
              co2=R.randrange(19, 31), bun=R.randrange(7, 48), cr=f"{R.uniform(0.6, 2.4):.2f}",
              glu=R.randrange(68, 320), wbc=f"{R.uniform(3.5, 16):.1f}",
              hgb=f"{R.uniform(8, 16):.1f}", hct=f"{R.uniform(25, 48):.1f}",
              plt=R.randrange(90, 450), a1c=f"{R.uniform(5.2, 11.5):.1f}",
              ldl=R.randrange(50, 190), hdl=R.randrange(28, 85), tg=R.randrange(60, 400),
              tsh=f"{R.uniform(0.3, 8.0):.2f}", inr=f"{R.uniform(0.9, 3.8):.1f}",
              pt=f"{R.uniform(10, 30):.1f}", ptt=R.randrange(24, 60), bnp=R.randrange(20, 2400),
              lac=f"{R.uniform(0.6, 4.5):.1f}")


def f_med(ctx, fmt):
    return pick([
        f"{pick(DRUGS)} {pick(['5', '10', '20', '25', '40', '50', '81', '100', '500', '1000'])} mg "
        f"{pick(['daily', 'BID', 'TID', 'qHS', 'q6h prn', 'q8h', 'qAM', 'weekly'])}",
        f"hydrocodone-acetaminophen {pick(['5/325', '7.5/325', '10/325'])} mg 1 tab q6h prn",
        f"{pick(DRUGS)} {pick(['1/2', '1', '2'])} tab {pick(['daily', 'BID', 'at bedtime'])}",
        f"amoxicillin-clavulanate {pick(['875/125', '500/125'])} mg BID x {pick(['7', '10', '14'])} days",
        f"insulin lispro {R.randrange(2, 16)} units with meals, sliding scale",
        f"{pick(DRUGS)} {pick(['0.5', '2.5', '12.5', '0.088', '0.125'])} mg {pick(['daily', 'BID'])}",
    ])


def f_dx(ctx, fmt):
    name, code = pick(DX)
    return f"{name} ({code})"


def f_exam(ctx, fmt):
    return pick([
        "Strength 5/5 in all extremities; reflexes 2+ and symmetric; " + pick(EPONYM_SIGNS),
        "Lungs clear; RRR, grade 2/6 systolic murmur at LUSB; 1+ pitting edema to mid-shin",
        "Alert, oriented x3. Pupils 3 mm, PERRL. Grip 4/5 on the left, 5/5 right",
        "Abdomen soft, nontender; " + pick(EPONYM_SIGNS) + "; bowel sounds present",
        "Gait steady with walker; MMSE 24/30; clock draw 3/5",
        "Skin: stage 2 pressure injury on sacrum, 3 x 2 cm; " + pick(EPONYM_SIGNS),
    ])


FILLERS = {
    "bp": lambda ctx, fmt: f"{R.randrange(96, 172)}/{R.randrange(54, 102)}",
    "hr": f_num(52, 118), "rr": f_num(12, 24), "spo2": f_num(88, 99),
    "glucose": f_num(70, 340), "a1c": f_dec(5.2, 11.5), "temp": f_dec(97.0, 101.8),
    "apgar": f_pick(["8/9", "7/9", "9/9", "6/8", "8/8", "4/7"]),
    "pain": lambda ctx, fmt: f"{R.randrange(1, 11)}/10",
    "wt": f_dec(45, 130), "n": f_num(2, 6), "n2": f_num(2, 14), "pages": f_num(2, 12),
    "age_lo": f_num(19, 89), "age_kid": f_num(2, 17), "year": f_num(1998, 2024),
    "money": lambda ctx, fmt: f"${R.randrange(15, 4800)}.{R.randrange(100):02d}",
    "time": lambda ctx, fmt: pick([f"{R.randrange(0, 24):02d}{pick(['00', '15', '30', '45'])}",
                                   f"{R.randrange(1, 13)}:{pick(['00', '15', '30', '45'])} "
                                   f"{pick(['AM', 'PM', 'am', 'pm'])}",
                                   f"{R.randrange(7, 18):02d}:{R.randrange(60):02d}"]),
    "time_chat": lambda ctx, fmt: pick(["5", "3pm", "noon", "4:30", "10am", "lunch", "2"]),
    "state_abbr": lambda ctx, fmt: ctx.place[1],
    "state_full": lambda ctx, fmt: ctx.place[2],
    "state": f_pick(STATES), "relation": f_pick(RELATIONS), "drug": f_pick(DRUGS),
    "payer": f_pick(PAYERS), "payer_comm": f_pick([p for p in PAYERS if not p.startswith("Medi")]), "hospital_word": f_pick(["hospital", "ER", "urgent care"]),
    "cc": f_pick(CHIEF), "plan": f_pick(PLANS), "car": f_pick(CARS), "job": f_pick(JOBS),
    "maker": f_pick(DEVICE_MAKERS), "eponym": f_pick(EPONYM_DZ), "sign": f_pick(EPONYM_SIGNS),
    "icd": lambda ctx, fmt: pick(DX)[1], "cpt": f_pick(CPT), "ndc": f_pick(NDC),
    "dx": f_dx, "vitals": f_vitals, "labs": f_labs, "med": f_med, "exam": f_exam,
    "pron": pron,
    "sex_word": lambda ctx, fmt: pick(["female", "woman"] if ctx.sex == "F" else ["male", "man"]),
    "sex": lambda ctx, fmt: ctx.sex,
    "model": lambda ctx, fmt: pick(["D384DRG", "W1DR01", "PM2272", "X3SR01", "DDMB1D4"]),
    "room": lambda ctx, fmt: pick([f"{R.randrange(2, 9)}{R.randrange(1, 40):02d}",
                                   f"{R.randrange(1, 40)}{pick('AB')}", f"{R.randrange(100, 999)}"]),
    "sp": lambda ctx, fmt: "\u00a0" if R.random() < 0.15 else " ",
    "emoji": lambda ctx, fmt: pick(["", "", "", " 🙏", " 😊", " 👍", " 😩", " ❤️"]),
    "greet": lambda ctx, fmt: pick(["hi", "hello", "hey", "good morning", "hi there", "hii"]),
    "thanks": lambda ctx, fmt: pick(["thx", "thanks", "thank u", "ty", "thank you so much",
                                     "pls let me know"]),
}

# --------------------------------------------------------------------------------------------
# Templates.

CHAT = [
    "this is {NAME.pt_full} my mrn is {MRN.chat} i need a refill on my {drug}",
    "can u call me back at {PHONE.chat} after {time_chat}",
    "my new number is {PHONE.chat} pls update it",
    "this is {NAME.other_full} her {relation} my mom is {AGE.pred} and fell last night",
    "dob {DATE.chat_dob} mrn {MRN.chat}",
    "i have an appt on {DATE.chat} at {time_chat} can i move it",
    "i have an appointment {DATE.chat_wd} but my ride cancelled",
    "insurance changed new member id is {HEALTH_PLAN.member}",
    "my email is {EMAIL.pt} send the forms there",
    "the link {URL.any} isnt working on my phone",
    "i got a bill for acct {ACCOUNT.acct} but i already paid with my card {ACCOUNT.card}",
    "we moved new address is {ADDRESS.street} {CITY.any} {state_abbr} {ZIP.any}",
    "fax it to my pcp at {FAX.chat} pls",
    "claim number {ID_OTHER.claim} was denied why",
    "dad turned {AGE.num} last week and hes getting more confused at night",
    "my medicare number is {HEALTH_PLAN.mbi}",
    "ssn is {SSN.any} if u need it for the disability form",
    "pharmacy said rx # {ID_OTHER.rx} is on hold",
    "sugar was {glucose} this morning and bp {bp} is that bad",
    "pain is like {pain} today took 1/2 tab of the {drug} like u said",
    "my pacemaker serial number is {DEVICE.serial} the rep asked for it",
    "im locked out of the portal it says login from {IP.v4} was blocked",
    "confirmation code {ID_OTHER.conf} for my appt",
    "my drivers license is {LICENSE.dl} for the id check",
    "the parking ticket was for plate {VEHICLE.plate} can u validate it",
    "grandma is in her {AGE.decade} and lives at {LOCATION_OTHER.nursing} in {CITY.any}",
    "i was born {DATE.chat_dob} at {LOCATION_OTHER.hospital}",
    "call my {relation} {NAME.other_first} at {PHONE.chat} if im not answering",
    "last appt was {DATE.chat} w dr {NAME.doc_last}",
    "lot number on the vaccine card was {DEVICE.lot}",
    "my cgm transmitter {DEVICE.cgm} stopped syncing again",
    "text me {PHONE.chat} or email {EMAIL.pt}",
    "for the refund routing {ACCOUNT.aba} acct {ACCOUNT.bank}",
    "case number {ID_OTHER.case} from my complaint",
    "got my results from {DATE.chat} what does a1c {a1c} mean",
    "is it ok to take {drug} with {drug} i take 2 tabs in the am",
    "{NAME.pt_first} here my mom {NAME.other_full} is {AGE.adj} can she get the rsv shot",
    "heres the vin for the accident claim {VEHICLE.vin}",
    "im at {ADDRESS.street} the doorbell is broken call {PHONE.chat}",
    "the app error says host {IP.any} unreachable",
    "i was seen in the er on {DATE.chat} encounter {ID_OTHER.enc}",
    "policy # {HEALTH_PLAN.policy} group {HEALTH_PLAN.group}",
    "my zip is {ZIP.five} for the pharmacy search",
    "dob is {DATE.chat_dob} and im {AGE.num}",
    "she is {AGE.pred} and still drives herself",
    "we live in {COUNTY.any} near {CITY.any} is there a closer lab",
    "took 2 tylenol at {time_chat} still {temp} fever",
    "hearing aid serial {DEVICE.serial} is broken is it under warranty",
    "sent a pic of my insurance card member {HEALTH_PLAN.member} grp {HEALTH_PLAN.group}",
    "bday is {DATE.chat_md}",
    "my np is {NAME.doc_full} she said fax {FAX.chat}",
    "pls send my records to {EMAIL.other}",
    "lab accession {ID_OTHER.accession} is on my paper",
    "i need to reschedule {DATE.chat} bc my car broke down",
    "my son {NAME.kid_full} dob {DATE.chat_dob} needs his shot records",
    "dr {NAME.doc_last} office said to message here my number changed to {PHONE.chat}",
    "acct {ACCOUNT.acct} shows {money} but insurance paid",
    "card on file is {ACCOUNT.card} pls use it for the copay",
    "the url for the video visit {URL.any} wont load",
    "my old address {ADDRESS.street} {CITY.any} is still on the bill",
    "does the 2nd dose on {DATE.chat} need fasting",
    "bp was {bp} and hr {hr} this am is that ok",
    "been having pain {pain} for 3 days in my lower back",
    "my a1c was {a1c} in {year} now its better",
    "can i take 500 mg {drug} with food or no",
    "i got a letter with {ID_OTHER.bare} on it what is this",
    "my moms medicaid id is {HEALTH_PLAN.medicaid} she is {AGE.num}",
    "i had my knee done at {LOCATION_OTHER.hospital} on {DATE.chat}",
    "my insulin pump serial {DEVICE.serial} keeps alarming",
    "call me at {PHONE.chat} or my work {PHONE.chat}",
    "email me at {EMAIL.pt} not my old one",
    "the pharmacy phone is {PHONE.chat} they need the doctors npi {LICENSE.npi}",
    "my husband is {AGE.adj} and has {eponym} can he come with me",
    "i dont have my card but my subscriber id is {HEALTH_PLAN.member}",
    "she lives with me at {ADDRESS.street} {CITY.any} {ZIP.any}",
    "the bill has invoice {ID_OTHER.invoice} and says due {DATE.chat}",
    "ordered a new cpap and they want the serial {DEVICE.serial}",
    "my 2nd phone {PHONE.chat}",
    "i took {drug} 20 mg x 5 days and still coughing",
    "appt {DATE.chat_wd} at {time_chat} w {NAME.doc_full} right",
    "tow yard needs my plate {VEHICLE.plate} and vin {VEHICLE.vin} for the ambulance report",
    "the ip on the kiosk screen was {IP.any} if that helps it",
    "heres my ref number {ID_OTHER.ref}",
    "great grandpa is {AGE.pred} and in hospice at {LOCATION_OTHER.nursing}",
    "hr at work needs a note my employee email is {EMAIL.pt}",
    "card {ACCOUNT.card} pls charge the balance",
    "my social is {SSN.any} and dob {DATE.chat_dob}",
    "for the ssa form my ss# {SSN.any}",
]

CHAT_TYPOS = {"appointment": "appointmnet", "tomorrow": "tommorow", "please": "plese",
              "prescription": "perscription", "because": "becuase", "received": "recieved",
              "number": "numbr", "insurance": "insurence", "address": "adress",
              "refill": "refil", "results": "resluts", "still": "stil", "doctor": "docter",
              "calling": "callin", "schedule": "schedual", "pharmacy": "pharmacey"}

NOTE_HEAD = [
    "Patient: {NAME.pt_lastfirst}    DOB:{sp}{DATE.dob}    MRN#: {MRN.note}",
    "PATIENT NAME: {NAME.pt_upper}\nDATE OF BIRTH: {DATE.dob}\nMEDICAL RECORD #: {MRN.note}",
    "Name: {NAME.pt_full}   Age: {AGE.num}   Sex: {sex}   MRN: {MRN.note}",
    "Name: {NAME.pt_mi}   Age: {age_lo}   Sex: {sex}   DOB: {DATE.dob}",
    "Date of Service: {DATE.visit}   Encounter #: {ID_OTHER.enc}",
    "Admit date: {DATE.visit}   Discharge date: {DATE.visit}   CSN: {ID_OTHER.csn}",
    "Address: {ADDRESS.street}, {CITY.any}, {state_abbr} {ZIP.any}",
    "Home phone: {PHONE.note}   Cell: {PHONE.note}",
    "PCP: Dr. {NAME.doc_full}, {LOCATION_OTHER.clinic}, Fax {FAX.note}",
    "Insurance: {payer}   Member ID: {HEALTH_PLAN.member}   Group #: {HEALTH_PLAN.group}",
    "Emergency contact: {NAME.other_full} ({relation}) {PHONE.note}",
    "Facility: {LOCATION_OTHER.hospital}, {CITY.any}, {state_full}",
    "Referring provider: {NAME.doc2_full}, MD   NPI: {LICENSE.npi}",
    "Accession #: {ID_OTHER.accession}   Collected: {DATE.visit} {time}",
    "PT: {NAME.pt_caps}  MR#{MRN.note}  DOS {DATE.visit}  RM {room}",
    "Patient Name: {NAME.pt_lastfirst}\nD.O.B.: {DATE.dob}  Age: {AGE.pred}\nAcct #: {ACCOUNT.acct}",
    "Medicare MBI: {HEALTH_PLAN.mbi}   Secondary: {payer_comm} policy {HEALTH_PLAN.policy}",
    "SSN: {SSN.any}   Marital status: widowed   Language: English",
    "Patient email: {EMAIL.pt}   Preferred contact: {PHONE.note}",
    "Location: {LOCATION_OTHER.hospital}, room {room}   Attending: {NAME.doc_full}, MD",
    "Resides: {CITY.any}, {COUNTY.any}, {state_abbr} {ZIP.plus4}",
]

NOTE_BODY = [
    "HPI: {NAME.pt_first} is a {AGE.adj} {sex_word} with {eponym} who presents with {cc} x{n} "
    "days. Lives alone in {CITY.any}; {relation} {NAME.other_first} checks on {pron.him} daily.",
    "HPI: Pt is a {age_lo}-year-old {sex_word} with history of {eponym} who reports {cc} since "
    "{DATE.month_year}.",
    "Patient last seen {DATE.any} by Dr. {NAME.doc_last}.",
    "VITALS: {vitals}",
    "MEDICATIONS:\n- {med}\n- {med}\n- {med}",
    "LABS ({DATE.md}): {labs}",
    "ASSESSMENT AND PLAN:\n1. {dx} - {plan}\n2. {dx} - {plan}",
    "Pacemaker: {maker} model {model}, serial {DEVICE.serial}, implanted {DATE.any} at "
    "{LOCATION_OTHER.hospital}.",
    "Right TKA implant lot {DEVICE.lot}; UDI {DEVICE.udi}.",
    "SOCIAL HISTORY: Lives with {pron.his} {relation} in {CITY.any}, {COUNTY.any}. Retired "
    "{job}. Quit smoking in {year}.",
    "Discussed with pt's {relation} {NAME.other_full} by phone at {PHONE.note}.",
    "Follow-up in {n} weeks; appointment scheduled for {DATE.future} at {time}.",
    "Records faxed to {LOCATION_OTHER.clinic} at {FAX.note} on {DATE.visit}.",
    "{AGE.noun_adj}, DNR/DNI per {NAME.other_full} (HCPOA).",
    "Patient is in {pron.his} {AGE.decade}, ambulates with a walker, {sign}.",
    "Reports {pron.his} driver's license ({LICENSE.dl}) was suspended after the seizure on "
    "{DATE.any}.",
    "MVC on {DATE.visit}: restrained driver of a {car}, VIN {VEHICLE.vin}, plate "
    "{VEHICLE.plate}.",
    "Insulin pump serial {DEVICE.serial}; CGM transmitter ID {DEVICE.cgm}.",
    "Surgical pathology specimen {ID_OTHER.accession} sent {DATE.visit}.",
    "RADIOLOGY: CT head without contrast {DATE.visit}, accession {ID_OTHER.accession}: no acute "
    "intracranial process.",
    "EXAM: {exam}.",
    "Video visit via {URL.any}; patient connected from {IP.any}.",
    "Patient email on file: {EMAIL.pt}. Portal activation sent {DATE.visit}.",
    "CHIEF COMPLAINT: {cc}",
    "Health care POA: {NAME.other_full} ({relation}), {PHONE.note}.",
    "{AGE.sex} presenting from {LOCATION_OTHER.nursing} with {cc}.",
    "Hearing aid serial {DEVICE.serial} lost on the unit; family notified.",
    "ICD {maker} {model} SN {DEVICE.serial} interrogated {DATE.visit}: no events.",
    "Prior authorization {ID_OTHER.auth} approved for MRI lumbar spine (CPT 72148).",
    "Patient states {pron.he} was born at {LOCATION_OTHER.hospital} on {DATE.dob}.",
    "PLAN: recheck BMP in 3-5 days, {plan}; RTC {DATE.future}.",
    "Spouse {NAME.other_full}, {AGE.pred}, is also a patient here.",
    "Medicaid ID {HEALTH_PLAN.medicaid} verified at registration.",
    "Phone call from pharmacy ({PHONE.note}) re: Rx #{ID_OTHER.rx}.",
    "Wound care supplies shipped to {ADDRESS.street}, {CITY.any} {ZIP.any}.",
    "Hospice referral placed to {LOCATION_OTHER.nursing}; intake RN {NAME.staff_full} "
    "{PHONE.ext}.",
    "Tdap {year}; influenza vaccine {DATE.visit}, lot {DEVICE.lot}.",
    "Patient is a {age_lo} yo {sex_word} from {state} with {eponym}; {sign}.",
    "ALLERGIES: PCN (rash), sulfa (hives). CODE STATUS: full code.",
    "FAMILY HISTORY: father with MI at {age_lo}; mother with {eponym}.",
    "Pt's home health agency can be reached at {PHONE.tollfree}.",
    "Lab results released to the portal {URL.any} on {DATE.visit_wd}.",
    "CPAP (ResMed AirSense 11) S/N {DEVICE.serial}, settings 5-15 cm H2O.",
    "Stated age {AGE.num}, appears younger than stated age.",
    "Transferred from {LOCATION_OTHER.hospital} ({CITY.any}) on {DATE.visit_wd}.",
    "Patient's phone IMEI {DEVICE.imei} registered for remote monitoring.",
    "Social Security number {SSN.any} verified for the disability paperwork.",
]

NOTE_SIGN = [
    "Electronically signed by {NAME.doc_full}, MD on {DATE.visit} at {time}",
    "{NAME.doc_full}, DO\nNPI {LICENSE.npi}   DEA {LICENSE.dea}",
    "Dictated by: {NAME.doc_full}, NP  {DATE.visit}\nTranscribed: {DATE.visit} by {NAME.staff_full}",
    "Signed: {NAME.doc_upper}, MD   {state_abbr} License {LICENSE.state_med}",
    "{NAME.doc_full}, RN | {LOCATION_OTHER.hospital} | Phone {PHONE.note}",
    "-- {NAME.doc_init}, PA-C (NPI: {LICENSE.npi})",
    "Attending attestation: I saw and examined the patient. {NAME.doc_full}, MD {DATE.visit}",
    "Cosigned {DATE.visit_wd} {time} by Dr. {NAME.doc_last}; pager {PHONE.note}",
    "Note written by {NAME.doc_full}, MD (license {LICENSE.state_med}; DEA# {LICENSE.dea})",
]

BILLING = [
    "Claim #{ID_OTHER.claim} for DOS {DATE.visit} (CPT {cpt}, ICD-10 {icd}) was denied: member "
    "ID {HEALTH_PLAN.member} not eligible on that date.",
    "Please update guarantor account {ACCOUNT.acct}; patient {NAME.pt_full}, DOB {DATE.dob}.",
    "Rendering provider {NAME.doc_full}, NPI {LICENSE.npi}; billing provider {LOCATION_OTHER.clinic}.",
    "Payment of {money} received by card {ACCOUNT.card}, auth code {ID_OTHER.auth}.",
    "Refund by EFT: routing {ACCOUNT.aba}, account {ACCOUNT.bank}.",
    "Medicare MBI {HEALTH_PLAN.mbi} on file; secondary {payer_comm} policy {HEALTH_PLAN.policy}.",
    "Prior auth #{ID_OTHER.auth} approved for {n2} visits through {DATE.future}.",
    "Controlled substance Rx from {NAME.doc_full} (DEA {LICENSE.dea}) flagged by the PDMP.",
    "Subscriber: {NAME.other_full}, subscriber ID {HEALTH_PLAN.member}, relationship: {relation}.",
    "Statement mailed to {ADDRESS.street}, {CITY.any}, {state_abbr} {ZIP.any} came back "
    "undeliverable.",
    "Collections case {ID_OTHER.case}; balance {money}; last payment {DATE.visit}.",
    "Please call the billing office at {PHONE.note} or pay online at {URL.any}.",
    "Invoice {ID_OTHER.invoice} emailed to {EMAIL.pt} on {DATE.visit}.",
    "Auto claim: VIN {VEHICLE.vin}, plate {VEHICLE.plate}, adjuster {NAME.staff_full}, claim "
    "{ID_OTHER.claim}.",
    "Workers comp case {ID_OTHER.case}; employer contact {NAME.staff_full} {PHONE.note}.",
    "DME order: CPAP serial {DEVICE.serial}, HCPCS E0601, delivered {DATE.visit}.",
    "Credentialing: {NAME.doc_full}, {state_full} medical license {LICENSE.state_med}, board "
    "certificate {LICENSE.cert}, expires {DATE.future}.",
    "Failed login to the billing portal from {IP.any} on {DATE.visit}; account locked.",
    "Medicaid ID {HEALTH_PLAN.medicaid} terminated {DATE.visit}; patient notified.",
    "Encounter {ID_OTHER.enc} coded {cpt} + 36415; dx {icd}, {icd}.",
    "Member services for {payer}: {PHONE.tollfree}.",
    "Group number {HEALTH_PLAN.group}, member {HEALTH_PLAN.member} ({NAME.pt_full}).",
    "ERA {ID_OTHER.ref} posted; patient account {ACCOUNT.acct} adjusted by {money}.",
    "Patient's {relation} {NAME.other_full} is guarantor; SSN {SSN.any}.",
    "Remit status for claim {ID_OTHER.claim}: paid {money} on {DATE.visit}.",
    "Implant billing: UDI {DEVICE.udi} for {NAME.pt_full}, case {ID_OTHER.case}.",
    "Ambulance claim: unit plate {VEHICLE.plate}, pickup at {ADDRESS.street}, {CITY.any}.",
    "Confirmation #{ID_OTHER.conf} for the payment plan starting {DATE.future}.",
    "Please re-send the UB-04 to {EMAIL.role}; contact {NAME.staff_first} at {PHONE.ext}.",
    "Dental claim for {NAME.pt_full} (DOB {DATE.dob}), member {HEALTH_PLAN.member}, "
    "CDT D0120.",
    "Lien on MVC settlement: vehicle VIN {VEHICLE.vin}, case {ID_OTHER.case}.",
    "Bank returned check from account {ACCOUNT.bank} (routing {ACCOUNT.aba}).",
    "Driver's license on file {LICENSE.dl} ({state_abbr}), photo ID verified {DATE.visit}.",
    "Passport {LICENSE.passport} used as ID for the international patient account.",
    "Reference {ID_OTHER.bare} from the payer portal; please attach to the appeal.",
    "Hi {NAME.staff_first}, the EOB for {NAME.pt_full} shows account {ACCOUNT.acct}, not the "
    "one we have.",
    "NPI {LICENSE.npi} is the group NPI; use the individual NPI {LICENSE.npi} for {NAME.doc_full}.",
    "Old card {ACCOUNT.card} declined; new card {ACCOUNT.card} on file.",
    "Patient {NAME.pt_full}, {AGE.adj}, needs the Medicare secondary form.",
    "Eligibility search by SSN {SSN.any} returned no active coverage.",
    "Audit: chart accessed from {IP.any} by a billing user at {time} on {DATE.visit}.",
]

FAX_COVER = [
    "FAX COVER SHEET",
    "To: {NAME.doc_full}, {LOCATION_OTHER.clinic}",
    "Fax: {FAX.note}",
    "From: {NAME.staff_full}, {LOCATION_OTHER.hospital} Billing Office",
    "Phone: {PHONE.note}   Fax: {FAX.note}",
    "Date: {DATE.visit}   Pages: {pages} (including cover)",
    "Re: {NAME.pt_full}, DOB {DATE.dob}, MRN {MRN.note}",
    "Re: claim {ID_OTHER.claim}, member ID {HEALTH_PLAN.member}",
    "Please fax the signed forms back to {FAX.note} by {DATE.future}.",
    "CONFIDENTIALITY NOTICE: this facsimile contains protected health information. If received in "
    "error, call {PHONE.tollfree} and destroy all copies.",
]

NEGATIVE = [
    "VS: {vitals}.",
    "Took hydrocodone/APAP 5/325 mg, 1/2 tab q6h prn; pain {pain} this AM, {pain} after PT.",
    "Labs: {labs}.",
    "Labs: {labs}; {labs}.",
    "A1c {a1c}% (goal <7); LDL {hr}, HDL {rr}. Repeat in 3 months.",
    "Dx: type 2 diabetes (E11.9), HTN (I10), HLD (E78.5). CPT {cpt}.",
    "NDC {ndc} dispensed, qty {n2}0, 30 day supply.",
    "Strength 5/5 in all extremities; reflexes 2+ and symmetric; Babinski negative.",
    "Apgar {apgar} at 1 and 5 minutes; birth weight 3{n}10 g; G{n}P{n}.",
    "History of {eponym}; {sign}.",
    "Pt transferred to Rm {room}, bed {n}, at {time}.",
    "Family moved from {state} in {year}; {age_lo}-year-old father has {eponym}.",
    "Heparin infusion at {n2} mL/hr; bolus 80 units/kg; aPTT in 6 hours.",
    "ECG: sinus rhythm, rate {hr}, PR 1{n}0 ms, QRS 9{n} ms, QTc 4{n}0 ms.",
    "Visual acuity 20/{n}0 OD, 20/20 OS. IOP 1{n} mmHg both eyes.",
    "Grade 3/6 systolic murmur at LUSB; 2+ radial pulses; 1+ pitting edema.",
    "SBP in the low 90s overnight, responded to a 500 mL bolus.",
    "Sats in the low 90s on room air, now 96% on 2 L NC.",
    "GCS 15, pupils 3 mm PERRL, NIHSS {n}.",
    "Vent: AC 450 x 14, FiO2 40%, PEEP 5; I:E 1:2.",
    "Cervix 4 cm, 80% effaced, station -1; contractions q3 min.",
    "Follow up in 2 weeks; recheck BMP in 3-5 days.",
    "Class II obesity (BMI 3{n}.{n}); stage 3a CKD (eGFR 4{n}).",
    "ICD-10 codes billed: {icd}, {icd}, {icd}; CPT {cpt}, {cpt}.",
    "LOINC 4548-4 (hemoglobin A1c) resulted; reference range 4.0-5.6%.",
    "Temp 38.{n} C at 0200, 37.{n} C at 0600.",
    "Weight {wt} kg, down from {wt} kg in {year}.",
    "Pt is a {age_lo}-year-old {sex_word} from {state} with {eponym}.",
    "EF 55-60%; LVIDd 4.{n} cm; TAPSE 2{n} mm.",
    "Amoxicillin-clavulanate 875/125 mg BID x 10 days.",
    "Morphine 2-4 mg IV q2h prn; ondansetron 4 mg ODT q8h prn.",
    "PHQ-9 {n2}, GAD-7 {n}, MoCA 2{n}/30.",
    "Room 412B cleaned; bed 2 awaiting transport at 14:30.",
    "Pressure injury stage 2, 3 x 2 cm, sacrum; turn q2h.",
    "Blood drawn 06:15, resulted 07:42; repeat at 1400.",
    "I/O: in 2,450 mL, out 1,900 mL over 24 h.",
    "Hgb 7.{n} -> 9.{n} g/dL after 1 unit PRBC.",
    "PSA {a1c} ng/mL; Gleason 3+4=7; cT2a N0 M0.",
    "Immunizations: Tdap {year}, PPSV23 {year}, influenza 2023-24 season.",
    "Peak flow 350 L/min (80% predicted).",
    "ABG 7.3{n}/4{n}/8{n}/24 on 2 L.",
    "Ceftriaxone 1 g IV at 0930 and azithromycin 500 mg PO.",
    "Burns: 18% TBSA by rule of 9s; Parkland 4 mL/kg/%TBSA.",
    "Blood type O+; antibody screen negative.",
    "GCS 14 (E4V4M6) on arrival, 15 at 2 hours.",
    "DEXA T-score -2.{n} at the femoral neck.",
    "ABI 0.8{n} right, 0.9{n} left.",
    "Kt/V 1.{n}; URR 7{n}%.",
    "Height 17{n} cm; BMI 2{n}.{n}.",
    "BP 90/60 standing, 118/72 supine; HR 92 standing.",
    "{sign}; {sign}.",
    "Dx Z00.00; CPT 99396; counseling 15 min.",
    "Ages 18-89 eligible for the trial; this {age_lo}-year-old qualifies.",
    "Metoprolol 100 mg daily; aspirin 81 mg; 90-day supply mailed.",
    "Walked 100 feet with walker; 6MWT 310 m.",
    "Day 90 post-op; ROM 0-110 degrees.",
    "Glucose 1{n}2 mg/dL fasting, 2{n}8 two hours post-prandial.",
    "Wt 95 kg; HR 98; Temp 99.1 F.",
    "Lipase 4{n}, AST 3{n}, ALT 4{n}, alk phos 11{n}, T bili 0.{n}.",
    "O2 sat 9{n}% on 3 L; RR 2{n}.",
    "Patient from {state}, visiting family in {state} for 2 weeks.",
    "Medications reconciled: {med}; {med}.",
    "Assessment: {dx}; {dx}.",
    "Physical exam: {exam}.",
    "PT/INR 1{n}.{n}/2.{n}; warfarin 5 mg M/W/F, 2.5 mg other days.",
    "Insulin glargine 2{n} units qHS; lispro 1:10 carb ratio, ISF 1:40.",
    "Urine output 0.5 mL/kg/hr x 6 h; Cr 1.{n}.",
    "Smoking: 1/2 ppd x 20 years = 10 pack-years; quit {year}.",
    "Fall risk score 45; Braden 1{n}.",
    "Colonoscopy {year}: 2 tubular adenomas < 1 cm; repeat in 3 years.",
    "Code blue called at 03:12; ROSC at 03:21.",
    "Dilated fundus exam: C/D 0.3 OU.",
    "Lot and expiration of the vaccine documented in the MAR.",
    "Stage IIIA (T2N2M0) NSCLC; PD-L1 50%.",
    "Age {age_lo}, {sex_word}, BMI 2{n}; {eponym}.",
    "{age_lo} yo {sex_word}, {cc}, HR {hr}, BP {bp}.",
    "Estimated blood loss 150 mL; 2 L LR; UOP 300 mL.",
]

NEG_LIGHT = [
    "Discussed with Dr. {NAME.doc_last}.",
    "Recheck on {DATE.md}.",
    "Next dose due {DATE.md} at 0800.",
    "Seen {DATE.visit}.",
    "Per {NAME.doc_init}, continue current plan.",
]


# --------------------------------------------------------------------------------------------
# Filling templates and rendering documents.

SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z0-9_]+))?\}")


class Deck:
    """Deals templates in shuffled rounds, so every template is used about equally often."""

    def __init__(self, items):
        self.items = list(items)
        self.pile = []

    def draw(self):
        if not self.pile:
            self.pile = self.items[:]
            R.shuffle(self.pile)
        return self.pile.pop()

    def draw_n(self, n):
        """n different templates (a document never repeats a line)."""
        out = []
        while len(out) < n:
            t = self.draw()
            if t not in out:
                out.append(t)
        return out


def fill(template, ctx):
    """Expands the slots of `template` into (text, label-or-None) segments."""
    segs = []
    pos = 0
    for m in SLOT.finditer(template):
        if m.start() > pos:
            segs.append((template[pos:m.start()], None))
        name, fmt = m.group(1), m.group(2) or ""
        if name.isupper():
            value = GENERATORS[name](ctx, fmt)
            segs.extend([(value, name)] if isinstance(value, str) else value)
        else:
            segs.append((FILLERS[name](ctx, fmt), None))
        pos = m.end()
    if pos < len(template):
        segs.append((template[pos:], None))
    return segs


TYPO_RE = re.compile(r"\b(" + "|".join(CHAT_TYPOS) + r")\b")


def chatify(segs):
    """Chat filler: occasional typos. Labelled segments are left alone."""
    out = []
    for text, label in segs:
        if label is None:
            text = TYPO_RE.sub(lambda m: CHAT_TYPOS[m.group(1)] if R.random() < 0.4 else m.group(1),
                               text)
        out.append((text, label))
    return out


def render(doc_id, kind, segs):
    text = ""
    spans = []
    for seg, label in segs:
        if label is not None:
            assert seg and seg == seg.strip(), (doc_id, seg)
            spans.append({"start": len(text), "end": len(text) + len(seg), "label": label,
                          "text": seg})
        text += seg
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    assert "{" not in text and "}" not in text, (doc_id, text)
    return {"id": doc_id, "kind": kind, "text": text, "spans": spans}


def join(parts, sep):
    out = []
    for i, p in enumerate(parts):
        if i:
            out.append((sep, None))
        out.extend(p)
    return out


DECKS = {name: Deck(items) for name, items in [
    ("chat", CHAT), ("head", NOTE_HEAD), ("body", NOTE_BODY), ("sign", NOTE_SIGN),
    ("billing", BILLING), ("negative", NEGATIVE), ("light", NEG_LIGHT)]}


def make_chat(ctx):
    msgs = [fill(t, ctx) for t in DECKS["chat"].draw_n(pick([1, 1, 2, 2, 2, 3]))]
    if R.random() < 0.4:
        msgs.insert(0, fill("{greet}" + pick([" dr {NAME.doc_last}", "", ""]), ctx))
    if R.random() < 0.4:
        msgs.append(fill("{thanks}{emoji}", ctx))
    segs = join(msgs, pick([" ", "\n", " ", "  ", ". "]))
    return chatify(segs)


def make_note(ctx):
    heads = DECKS["head"].draw_n(pick([1, 2, 2, 3]))
    bodies = DECKS["body"].draw_n(pick([3, 4, 5, 6]))
    parts = [fill(t, ctx) for t in heads + bodies + [DECKS["sign"].draw()]]
    return join(parts, "\n")


def make_billing(ctx):
    if R.random() < 0.3:
        lines = [FAX_COVER[0]] + [l for l in FAX_COVER[1:] if R.random() < 0.75]
        return join([fill(l, ctx) for l in lines], "\n")
    lines = DECKS["billing"].draw_n(pick([2, 3, 3, 4]))
    parts = [fill(t, ctx) for t in lines]
    if R.random() < 0.5:
        parts.append(fill("Thanks, {NAME.staff_first}", ctx))
    return join(parts, pick(["\n", " "]))


def make_negative(ctx):
    lines = DECKS["negative"].draw_n(pick([3, 4, 5, 6, 7]))
    if R.random() < 0.3:
        lines.insert(R.randrange(len(lines) + 1), DECKS["light"].draw())
    return join([fill(t, ctx) for t in lines], pick(["\n", " "]))


MAKERS = {"chat": make_chat, "note": make_note, "billing": make_billing,
          "negative": make_negative}


def main():
    self_test()
    out = sys.stdout
    for kind, count in COUNTS.items():
        for i in range(1, count + 1):
            ctx = Ctx(kind)
            doc = render(f"{kind}-{i:04d}", kind, MAKERS[kind](ctx))
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
