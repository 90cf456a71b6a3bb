"""Whole articles written for the tests, in wire-service style: every fact that must hold, and a few that must not."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.extract import Extractor
from kg.sources import read_article

from test_extract_rules import facts

HERE = Path(__file__).resolve().parent / "articles"


@pytest.fixture(scope="module", params=["auto", "none"])
def ex(request):
    return Extractor(request.param, today=dt.date(2026, 11, 28))


def extract(ex, name, published):
    r = ex.extract(read_article(HERE / name, published=published))
    return r, facts(r)


def label(r, etype, contains=""):
    return next(e.label for e in r.entities.values() if e.type == etype and contains in e.label)


def test_state_visit_with_talks_and_documents(ex):
    r, f = extract(ex, "state-visit-moscow.txt", "2025-05-08")
    visit = label(r, "Visit", "Moscow")
    talks = next(e.label for e in r.entities.values() if e.type == "Meeting" and "talks" in e.label)
    assert {(visit, "participant", "Xi Jinping"), (visit, "location", "Moscow"),
            (visit, "status", "Happened"), (visit, "startDate", "2025-05-07")} <= f
    assert {(talks, "participant", "Xi Jinping"), (talks, "participant", "Vladimir Putin"),
            (talks, "startDate", "2025-05-08"), (talks, "status", "Happened")} <= f
    pkg = label(r, "AgreementPackage")
    assert (pkg, "documentCount", 20) in f
    statement = label(r, "Declaration", "joint statement")
    # "The two leaders signed a joint statement": at the talks told in the sentence before
    assert any(s == statement and p in ("signedAt", "adoptedAt") and o == talks for s, p, o in f)
    summit = label(r, "Summit")
    assert (summit, "status", "Planned") in f and (summit, "location", "Tianjin") in f
    # the narrow-format session belongs to the talks, not to the SCO summit mentioned in passing
    assert not any(p == "partOf" and o == summit for _, p, o in f)
    assert {("China", "memberOf", "Shanghai Cooperation Organisation"), ("Russia", "memberOf", "BRICS")} <= f
    assert not any(s == "Serbia" and p == "memberOf" for s, p, _ in f)


def test_summit_with_dateline_and_suspended_members(ex):
    r, f = extract(ex, "au-summit.txt", "2024-02-17")
    summit = label(r, "Summit")
    assert {(summit, "organizedBy", "African Union"), (summit, "location", "Addis Ababa"),
            (summit, "hostCountry", "Ethiopia"), (summit, "startDate", "2024-02-17"),
            (summit, "endDate", "2024-02-18"), (summit, "status", "Happened")} <= f
    assert ("Ethiopia", "capital", "Addis Ababa") in f
    assert ("Mohamed Ould Ghazouani", "leaderOf", "Mauritania") in f
    decl = label(r, "Declaration")
    assert (decl, "adoptedAt", summit) in f
    # suspended states that did not attend: neither members nor participants
    for state in ("Niger", "Mali", "Burkina Faso", "Gabon", "Guinea", "Sudan"):
        assert not any(s == state and p == "memberOf" for s, p, _ in f)
        assert (summit, "participant", state) not in f
