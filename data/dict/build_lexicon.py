#!/usr/bin/env python3
"""Writes english_words.txt: the everyday English words of SCOWL sizes 10 and 20 (about 11,000
lower-case words with their inflections: `thinks`, `keeps`, `passed`), which the name recognizer
uses to tell an unknown lower-case word after `my son` or `dr` (`georgios`, `nadege`) from an
ordinary one (`my son thinks`), and a name-list word that is also a word (`joy`, `clay`) from one
that is not (`yesenia`).

Source: Debian package `scowl` (SCOWL 2020.12.07, (c) Kevin Atkinson, permissive licence: see
PROVENANCE.md), installed with `apt-get install scowl`. Usage (Python 3 standard library only):

    python3 data/dict/build_lexicon.py /usr/share/dict/scowl > data/dict/english_words.txt
"""
import re
import sys
from pathlib import Path

# SCOWL sizes: 10 and 20 are the words of everyday text; 35 would triple the list (and the
# wasm cost, ~70 KB gzipped more) for words chat rarely puts after a relation or a title.
SIZES = ("10", "20")

src = Path(sys.argv[1])
words = set()
for variant in ("english", "american"):
    for size in SIZES:
        for line in (src / f"{variant}-words.{size}").read_text(encoding="utf-8").splitlines():
            w = line.strip()
            # Lower-case entries only: `Will` the name is capitalized in SCOWL's proper-name
            # lists, `will` the word is not. Two letters or more, ASCII letters only.
            if re.fullmatch(r"[a-z]{2,}", w):
                words.add(w)
for w in sorted(words, key=str.encode):
    print(w)
