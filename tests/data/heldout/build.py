#!/usr/bin/env python3
"""Builds heldout.jsonl from the hand-written documents below.

Held-out test set: every document was written by hand, one at a time, without looking at the
detector, the corpus generator or the case files. Nobody tunes against it. Regenerate with

    python3 tests/data/heldout/build.py > tests/data/heldout/heldout.jsonl

Markup: `[[LABEL|value]]` marks one gold span; the converter strips the markup and records the
span in Unicode code points (end exclusive), following tests/data/README.md. Everything is
synthetic: invented names, 555 or fictional-range phones, example.org / .test domains, made-up
numbers (card, NPI, DEA, VIN, GTIN and routing check digits are computed to be valid).
Python 3 standard library only; the same input gives the same bytes.
"""
import json
import re
import sys

sys.dont_write_bytecode = True

from docs_chat import CHAT
from docs_note import NOTE
from docs_billing import BILLING
from docs_negative import NEGATIVE

LABELS = {
    "NAME", "ADDRESS", "CITY", "COUNTY", "ZIP", "LOCATION_OTHER", "DATE", "AGE", "PHONE", "FAX",
    "EMAIL", "SSN", "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL", "IP",
    "ID_OTHER",
}
MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]", re.S)


def convert(marked, where):
    """Strips `[[LABEL|value]]` markup; returns the plain text and its spans."""
    out, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        label, value = m.group(1), m.group(2)
        if label not in LABELS:
            sys.exit(f"{where}: unknown label {label}")
        if value != value.strip() or not value or value[-1] in ",;:.":
            sys.exit(f"{where}: bad span value {value!r}")
        if "[[" in value or "|" in value:
            sys.exit(f"{where}: nested markup in {value!r}")
        spans.append({"start": length, "end": length + len(value), "label": label, "text": value})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        sys.exit(f"{where}: stray markup")
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    return text, spans


def main():
    docs = [("chat", t) for t in CHAT] + [("note", t) for t in NOTE]
    docs += [("billing", t) for t in BILLING] + [("negative", t) for t in NEGATIVE]
    seen = set()
    lines = []
    for i, (kind, marked) in enumerate(docs, 1):
        did = f"ho-{i:04d}"
        text, spans = convert(marked, did)
        if text in seen:
            sys.exit(f"{did}: duplicate document")
        seen.add(text)
        doc = {"id": did, "kind": kind, "text": text, "spans": spans}
        lines.append(json.dumps(doc, ensure_ascii=False))
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
