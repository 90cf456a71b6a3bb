"""Reference data: states, intergovernmental organizations and cities.

Verified tables shipped as package data (``kg/data/``; see ``REFERENCE.md``
there) and loaded lazily on first use. They are used to *recognise* and *link*
what an article names (names, acronyms, demonyms, capitals, Wikidata QIDs);
the membership lists are never turned into facts by the extractor.

>>> ref = reference()
>>> ref.state("RUS").name, ref.state("RUS").wikidata
('Russia', 'Q159')
>>> ref.org("SCO").name
'Shanghai Cooperation Organisation'
>>> ref.state_by_demonym("Kazakh").iso3
'KAZ'
"""
from __future__ import annotations

import csv
import functools
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

__all__ = ["State", "Org", "City", "Reference", "reference", "fold"]


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and diacritic-insensitive form of a name.

    >>> fold("Türkiye’s")
    "turkiye's"
    """
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def _plist(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v) if value else ()


@dataclass(frozen=True)
class State:
    iso2: str
    iso3: str
    name: str
    official_name: str
    alt_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    capital_alt_names: tuple[str, ...]
    wikidata: str | None
    capital_wikidata: str | None


@dataclass(frozen=True)
class Org:
    acronym: str
    name: str
    alt_names: tuple[str, ...]
    wikidata: str | None
    founded: str | None
    headquarters: str | None
    members: tuple[str, ...]
    observers: tuple[str, ...]


class City(NamedTuple):
    """A city of the GeoNames table (a tuple: tens of thousands unpickle fast)."""

    name: str
    country: str  # ISO2
    population: int
    alt_names: tuple[str, ...]
    wikidata: str | None = None
    capital_of: str | None = None  # ISO3 when the city is a state's capital


class CityTable:
    """``"name|ISO2"`` -> :class:`City`, stored as plain tuples in a plain dict
    (tens of thousands of rows unpickle in a few milliseconds)."""

    def __init__(self) -> None:
        self._rows: dict[str, tuple] = {}

    def __setitem__(self, key: str, city: City) -> None:
        self._rows[key] = tuple(city)

    def __getitem__(self, key: str) -> City:
        return City(*self._rows[key])

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self):
        return iter(self._rows)

    def get(self, key: str, default=None):
        row = self._rows.get(key)
        return City(*row) if row is not None else default

    def values(self):
        return (City(*row) for row in self._rows.values())

    def items(self):
        return ((k, City(*row)) for k, row in self._rows.items())


def _rows(name: str):
    with resources.files("kg").joinpath("data", name).open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


class Reference:
    """Lookup tables over the shipped reference data."""

    def __init__(self) -> None:
        self.states: dict[str, State] = {}
        for r in _rows("states.csv"):
            self.states[r["iso3"]] = State(
                r["iso2"], r["iso3"], r["name"], r["official_name"], _plist(r["alt_names"]),
                _plist(r["demonyms"]), r["capital"], _plist(r["capital_alt_names"]),
                r["wikidata"] or None, r["capital_wikidata"] or None)
        self.orgs: dict[str, Org] = {}
        for r in _rows("organizations.csv"):
            self.orgs[r["acronym"]] = Org(
                r["acronym"], r["name"], _plist(r["alt_names"]), r["wikidata"] or None,
                r["founded"] or None, r["headquarters"] or None, _plist(r["members"]),
                _plist(r["observers"]))
        self._iso2 = {s.iso2: s.iso3 for s in self.states.values()}
        self.cities = CityTable()  # key: "name|ISO2"
        capitals = {}
        for s in self.states.values():
            if s.capital:
                capitals[(fold(s.capital), s.iso2)] = s
        for r in _rows("cities.csv"):
            cap = capitals.pop((fold(r["name"]), r["country"]), None)
            alts = set(_plist(r["alt_names"]))
            if cap:
                alts.update(cap.capital_alt_names)
            self.cities[f"{r['name']}|{r['country']}"] = City(
                r["name"], r["country"], int(r["population"]), tuple(sorted(alts)),
                cap.capital_wikidata if cap else None, cap.iso3 if cap else None)
        for s in capitals.values():  # capitals too small for the city table
            self.cities[f"{s.capital}|{s.iso2}"] = City(
                s.capital, s.iso2, 0, tuple(sorted(s.capital_alt_names)), s.capital_wikidata,
                s.iso3)
        self._demonym = {}
        for s in self.states.values():
            for d in s.demonyms:
                self._demonym.setdefault(fold(d), []).append(s.iso3)

    def state(self, iso3: str) -> State:
        return self.states[iso3]

    def org(self, acronym: str) -> Org:
        return self.orgs[acronym]

    def state_by_iso2(self, iso2: str) -> State | None:
        iso3 = self._iso2.get(iso2)
        return self.states[iso3] if iso3 else None

    def state_by_demonym(self, word: str) -> State | None:
        """The state a demonym names, or None when unknown or ambiguous."""
        found = self._demonym.get(fold(word), [])
        return self.states[found[0]] if len(found) == 1 else None

    def capital_city(self, iso3: str) -> City | None:
        s = self.states[iso3]
        return self.cities.get(f"{s.capital}|{s.iso2}")

    def city_country(self, city: City) -> State | None:
        return self.state_by_iso2(city.country)


@functools.cache
def reference() -> Reference:
    """The shared :class:`Reference`, loaded on first call (or read from the cache)."""
    from .cache import cached

    return cached("reference", Reference, data_files=("data/states.csv", "data/organizations.csv",
                                                       "data/cities.csv"), code_files=("reference.py",))
