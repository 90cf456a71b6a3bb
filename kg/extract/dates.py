"""Date expressions and their resolution to absolute dates.

Relative dates resolve against the publication date; without one, against the
most recent year in which the article's weekdays and month-day dates agree
(CONTRACT.md), else they are left out.

>>> import datetime as dt
>>> [(d.kind, d.month, d.day, d.day2) for d in find_dates("set for July 3-4 and from 22 to 24 October")]
[('range', 7, 3, 4), ('range', 10, 22, 24)]
>>> [(d.month, d.day, d.month2, d.day2) for d in find_dates("from Nov. 28 to Dec. 1")]
[(11, 28, 12, 1)]
>>> resolve_weekday("Wednesday", dt.date(2024, 6, 20), future=False)
datetime.date(2024, 6, 19)
>>> infer_year([(7, 3)], ["wednesday"], today=dt.date(2026, 11, 28))
2024
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from . import rx

__all__ = ["DateMention", "find_dates", "resolve", "resolve_weekday", "infer_year", "MONTHS",
           "WEEKDAYS", "safe_date"]

MONTHS = {m: i for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in names}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_M = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_D = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?:,?\s+(?P<{n}>(?:19|20)\d\d))?"
_DASH = r"\s*(?:-|–|—|to|and|through|until)\s*"


def _p(template: str, **names: str) -> str:
    return template.format(**names)


_PATTERNS = [
    # Nov. 28 to Dec. 1(, 2024) / 30 June - 2 July: a range across two months
    ("range", rx.compile(_M.format(n="m") + r"\s+" + _D.format(n="d") + _DASH + _M.format(n="m2") + r"\s+"
                         + _D.format(n="d2") + r"\b(?![\d:])" + _Y.format(n="y"))),
    ("range", rx.compile(r"\b" + _D.format(n="d") + r"\s+(?:of\s+)?" + _M.format(n="m") + _DASH + _D.format(n="d2")
                         + r"\s+(?:of\s+)?" + _M.format(n="m2") + r"\b" + _Y.format(n="y"))),
    # July 3-4(, 2024) / July 3 to 4
    ("range", rx.compile(_M.format(n="m") + r"\s+" + _D.format(n="d") + _DASH + _D.format(n="d2")
                         + r"(?![\d:])" + _Y.format(n="y"))),
    # 3-4 July (2024) / from 22 to 24 October
    ("range", rx.compile(r"\b" + _D.format(n="d") + _DASH + _D.format(n="d2") + r"\s+(?:of\s+)?"
                         + _M.format(n="m") + _Y.format(n="y"))),
    # July 3 (, 2024)
    ("day", rx.compile(_M.format(n="m") + r"\s+" + _D.format(n="d") + r"\b(?![:\d])" + _Y.format(n="y"))),
    # 26 October (2025)
    ("day", rx.compile(r"\b" + _D.format(n="d") + r"\s+(?:of\s+)?" + _M.format(n="m") + r"\b"
                       + _Y.format(n="y"))),
    # in September (2024)
    ("month", rx.compile(r"\b(?:in|since|until|by|during|last|next|this|early|late|mid-?)\s+"
                         + _M.format(n="m") + r"\b" + _Y.format(n="y"))),
    ("weekday", rx.compile(r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("relative", rx.compile(r"\b(?P<r>today|yesterday|tomorrow|last year|next year|this year|last month|next month)\b", re.I)),
    ("year", rx.compile(r"\b(?:in|since|of|from|by|until)\s+(?P<y>(?:19|20)\d\d)\b")),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    kind: str  # range | day | month | weekday | relative | year
    text: str
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    year: int | None = None
    weekday: str | None = None
    month2: int | None = None  # the end's month when a range spans two months


def _month(s: str | None) -> int | None:
    return MONTHS.get(s.rstrip(".").lower()) if s else None


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Date expressions in ``text`` (non-overlapping, longest first, sorted)."""
    found: list[DateMention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(f.start < m.end() + offset and m.start() + offset < f.end for f in found):
                continue
            g = m.groupdict()
            day = int(g["d"]) if g.get("d") else None
            day2 = int(g["d2"]) if g.get("d2") else None
            if (day is not None and not 1 <= day <= 31) or (day2 is not None and not 1 <= day2 <= 31):
                continue
            found.append(DateMention(m.start() + offset, m.end() + offset, kind, m.group(),
                                     _month(g.get("m")), day, day2,
                                     int(g["y"]) if g.get("y") else None,
                                     g["w"].lower() if g.get("w") else (g["r"].lower() if g.get("r") else None),
                                     _month(g.get("m2"))))
    return sorted(found, key=lambda d: d.start)


def resolve_weekday(weekday: str, published: _dt.date, *, future: bool) -> _dt.date:
    """The date of ``weekday`` nearest to ``published``: on or before it, or after it when ``future``."""
    target = WEEKDAYS[weekday.lower()]
    delta = (published.weekday() - target) % 7
    if future:
        return published + _dt.timedelta(days=(target - published.weekday()) % 7)
    return published - _dt.timedelta(days=delta)


def safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def infer_year(month_days: list[tuple[int, int]], weekdays: list[str], *,
               today: _dt.date | None = None) -> int | None:
    """The most recent year (not after ``today``) in which each weekday falls on one of the dates;
    failing that, the most recent one in which the most weekdays do (at least one; the first
    weekday named, usually the day of the news in a lede, counts double): "on Sunday" may name a
    day the article gives no date for.

    >>> import datetime as dt
    >>> infer_year([(7, 8)], ["monday", "sunday"], today=dt.date(2026, 11, 28))
    2024
    >>> infer_year([(7, 10)], ["wednesday", "thursday"], today=dt.date(2026, 11, 28))
    2024
    """
    if not month_days or not weekdays:
        return None
    today = today or _dt.date.today()
    named = list(dict.fromkeys(weekdays))
    weight = {w: (2 if i == 0 else 1) for i, w in enumerate(named)}
    best, best_score = None, 0
    for year in range(today.year, today.year - 60, -1):
        agree = [w for w in named
                 if any((d := safe_date(year, m, day)) and d <= today + _dt.timedelta(days=366)
                        and d.weekday() == WEEKDAYS[w] for m, day in month_days)]
        if len(agree) == len(named):
            return year
        score = sum(weight[w] for w in agree)
        if score > best_score:
            best, best_score = year, score
    return best


def resolve(dm: DateMention, *, published: _dt.date | None, year: int | None,
            future: bool = False) -> tuple[_dt.date | None, _dt.date | None]:
    """Absolute (start, end) of a day/range/weekday mention; (None, None) when unknown."""
    if dm.kind in ("day", "range"):
        y = dm.year or year
        if y is None and published is not None:
            y = published.year
            cand = safe_date(y, dm.month, dm.day)
            if cand and (cand - published).days > 200 and not future:
                y -= 1  # (in a sentence about the future, a later date this year stays this year)
            elif cand and (published - cand).days > (30 if future else 200):
                y += 1
        if y is None:
            return None, None
        start = safe_date(y, dm.month, dm.day)
        m2 = dm.month2 or dm.month
        end = safe_date(y + (1 if m2 < dm.month else 0), m2, dm.day2) if dm.day2 else None
        if end is not None and start is not None and end < start:
            end = None
        return start, end
    if dm.kind == "weekday":
        if published is not None:
            return resolve_weekday(dm.weekday, published, future=future), None
        return None, None
    if dm.kind == "relative" and published is not None:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(dm.weekday)
        if shift is not None:
            return published + _dt.timedelta(days=shift), None
    return None, None
