#!/usr/bin/env python3
"""Writes english_names.txt: the dictionary's first names, surnames and city names that are also
lower-case English words in Debian's wamerican list (SCOWL), such as `weeks`, `burns`, `grant`.

Surrogates are never drawn from these: a surrogate `Weeks` would be "restored" inside
`in 2 weeks` when the answer comes back. Usage (Python 3 standard library only):

    python3 data/dict/build_english.py /usr/share/dict/american-english > data/dict/english_names.txt
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
words = set()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        w = line.strip()
        # Lower-case entries only: `Weeks` the surname is capitalized there, `weeks` the noun is not.
        if w and w == w.lower() and w.isalpha() and w.isascii():
            words.add(w)
names = set()
for name in ("first_names.txt", "surnames.txt", "cities.txt"):
    with open(os.path.join(here, name), encoding="utf-8") as f:
        for line in f:
            key = line.split("\t", 1)[0].strip()
            if key in words:
                names.add(key)
for w in sorted(names, key=lambda s: s.encode()):
    print(w)
