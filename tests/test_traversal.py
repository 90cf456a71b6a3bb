"""Entity objects and traversal, fuzzy search, paths, explanations, stats and query
rows through the public API, on the hand-built sample and the example's graph."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

import kgsample as ks
from kg.api import KnowledgeGraph
from kg.entities import Agreement, EntityView, Event, Person, Summit, class_closure
from kg.errors import AmbiguousEntity, EntityNotFound, FactNotFound, InputError, KGError
from kg.explain import parse_fact
from kg.export import serialize_graph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_ARTICLE = "https://w3id.org/diplokg/id/article/sco-astana-2024"


@pytest.fixture(params=["memory", "oxigraph"])
def kg(request, tmp_path):
    g = KnowledgeGraph() if request.param == "memory" else KnowledgeGraph.open(tmp_path / "s")
    g.add_graph(ks.sco_graph(), name=str(ks.ART_SCO))
    g.add_graph(ks.brics_graph(), name=str(ks.ART_BRICS))
    yield g
    g.close()


@pytest.fixture(scope="module")
def example():
    g = KnowledgeGraph()
    g.add_graph(ROOT / "graph" / "sco-astana-2024.ttl", name=EXAMPLE_ARTICLE)
    yield g
    g.close()


# --------------------------------------------------------------------------- entities
def test_entity_classes_follow_the_most_specific_type(kg):
    assert type(kg.entity("SCO summit in Astana")) is Summit
    assert type(kg.entity("Putin")) is Person
    assert type(kg.entity("Astana Declaration")) is Agreement
    assert type(kg.entity("Putin–Xi meeting in Astana")).__name__ == "Meeting"
    assert isinstance(kg.entity("Putin–Xi meeting in Astana"), Event)
    assert type(kg.entity("Russia")) is EntityView
    assert str(kg.entity("Russia")) == "Russia"


def test_summit_summary(kg):
    summit = kg.entity("SCO summit")
    assert (summit.start, summit.end, summit.status, summit.theme) == (
        dt.date(2024, 7, 3), dt.date(2024, 7, 4), "planned", "Strengthening Multilateral Dialogue")
    assert (summit.location.label, summit.host.label, summit.organizer.label) == (
        "Astana", "Kazakhstan", "Shanghai Cooperation Organisation")
    assert summit.part_of is None
    assert [e.label for e in summit.parts()] == ["Putin–Xi meeting in Astana"]
    assert kg.entity("Putin–Xi meeting in Astana").part_of.iri == ks.SUMMIT
    assert kg.entity("BRICS summit in Kazan").status == "happened"
    assert [a.label for a in summit.agreements()] == ["Astana Declaration",
                                                      "package of 24 joint documents"]
    package = kg.entity("package of 24 joint documents")
    assert (package.document_count, package.signed_at.iri, package.adopted_at) == (
        24, ks.SUMMIT, None)
    assert kg.entity("Astana Declaration").adopted_at.label == "SCO summit in Astana"


def test_memberships_offices_and_leaders(kg):
    assert [m.label for m in kg.entity("SCO").members()] == [
        "China", "India", "Kazakhstan", "Kyrgyzstan", "Pakistan", "Russia", "Tajikistan",
        "Uzbekistan"]
    russia = kg.entity("Russia")
    assert [o.label for o in russia.member_of()] == ["BRICS", "Shanghai Cooperation Organisation"]
    assert russia.member_of() == russia.memberships()
    assert [p.label for p in kg.entity("BRICS").partners()] == ["Türkiye"]
    assert kg.entity("BRICS").observers() == []
    assert [(o.role, o.organization.label) for o in kg.entity("Li Qiang").offices()] == [
        ("official", "China")]
    assert [(o.role, o.organization.label) for o in kg.entity("Xi Jinping").offices()] == [
        ("leader", "China")]
    assert [p.label for p in kg.entity("China").leaders()] == ["Xi Jinping"]


def test_events_by_role_and_date(kg):
    putin = kg.entity("Putin")
    assert [e.label for e in putin.events()] == ["SCO summit in Astana", "BRICS summit in Kazan",
                                                 "Putin–Xi meeting in Astana"]
    assert [e.label for e in putin.events(start="2024-10-01")] == ["BRICS summit in Kazan"]
    assert [e.label for e in putin.events(end=dt.date(2024, 7, 3))] == ["SCO summit in Astana"]
    russia = kg.entity("Russia")
    assert [e.label for e in russia.events(role="host")] == ["BRICS summit in Kazan"]
    assert [e.label for e in russia.events(role="participant")] == ["SCO summit in Astana"]
    assert [e.label for e in kg.entity("BRICS").events(role="organizer")] == [
        "BRICS summit in Kazan"]
    assert [e.label for e in kg.entity("Astana").events(role="location")] == [
        "SCO summit in Astana", "Putin–Xi meeting in Astana"]
    with pytest.raises(InputError, match="unknown event role 'guest'"):
        putin.events(role="guest")
    with pytest.raises(InputError, match="start: 'soon' is not a YYYY-MM-DD date"):
        putin.events(start="soon")


def test_participants_and_neighbors(kg):
    assert [p.label for p in kg.entity("SCO summit").participants()] == [
        "Kassym-Jomart Tokayev", "Russia", "Vladimir Putin"]
    xi = kg.entity("Xi")
    assert [(n.predicate, n.direction, n.entity.label) for n in xi.neighbors()] == [
        ("participant", "in", "Putin–Xi meeting in Astana"), ("leaderOf", "out", "China")]
    china = kg.entity("China")
    assert [n.entity.label for n in china.neighbors("memberOf", direction="out")] == [
        "BRICS", "Shanghai Cooperation Organisation"]
    assert [n.entity.label for n in china.neighbors("dkg:officialOf", direction="in")] == [
        "Li Hui", "Li Qiang"]
    assert china.neighbors(ks.DKG.capital) == []
    with pytest.raises(InputError, match="unknown property 'memberof'"):
        china.neighbors("memberof")
    with pytest.raises(InputError, match="direction must be"):
        china.neighbors(direction="up")


def test_entities_by_type(kg):
    assert [e.label for e in kg.entities(type="InternationalOrganization")] == [
        "BRICS", "Shanghai Cooperation Organisation"]
    assert [e.label for e in kg.entities(type="Event")] == [
        "BRICS summit in Kazan", "Putin–Xi meeting in Astana", "SCO summit in Astana"]
    assert len(kg.entities(type="State")) == 11
    assert len(kg.entities()) == 25 and all(e.label for e in kg.entities())
    with pytest.raises(InputError, match="unknown type 'Country' \\(known: .*State"):
        kg.entities(type="Country")
    assert class_closure("dkg:Meeting") == {ks.DKG.Meeting, ks.DKG.BilateralMeeting}


def test_find_is_fuzzy_and_ranked(kg):
    hits = kg.find("Putin")
    assert [(m.entity.label, m.name, m.score) for m in hits[:2]] == [
        ("Vladimir Putin", "Putin", 0.95), ("Putin–Xi meeting in Astana",
                                            "Putin–Xi meeting in Astana", 0.8)]
    assert kg.find("vladimir putin")[0].score == 1.0
    assert [m.entity.label for m in kg.find("li")][:2] == ["Li Hui", "Li Qiang"]
    assert kg.find("Puttin")[0].entity.label == "Vladimir Putin"  # a typo
    assert [m.entity.label for m in kg.find("summit", type="Summit")] == [
        "BRICS summit in Kazan", "SCO summit in Astana"]
    assert kg.find("Turkiye")[0].entity.label == "Türkiye"  # accents ignored
    assert len(kg.find("a", limit=3)) == 3
    assert kg.find("Narnia") == []
    with pytest.raises(InputError, match="empty name"):
        kg.find("  ")


def test_unknown_and_ambiguous_names(kg):
    with pytest.raises(EntityNotFound, match="no entity named 'Narnia'"):
        kg.entity("Narnia")
    with pytest.raises(AmbiguousEntity, match="'Li' matches 2 entities"):
        kg.entity("Li")


# --------------------------------------------------------------------------- graphs
def test_path_and_neighbourhood(kg):
    p = kg.path("Tokayev", "SCO")
    assert str(p) == ("Kassym-Jomart Tokayev -leaderOf-> Kazakhstan -memberOf-> "
                      "Shanghai Cooperation Organisation")
    assert p.nodes == (str(ks.TOKAYEV), str(ks.state("KAZ")), str(ks.SCO)) and len(p) == 2
    assert kg.path("Li Hui", "Brazil") is not None
    assert kg.path("Li Hui", "Brazil", max_hops=2) is None
    G = kg.neighbourhood("Xi", radius=1)
    assert isinstance(G, nx.MultiDiGraph)
    assert sorted(G.nodes[n]["label"] for n in G) == ["China", "Putin–Xi meeting in Astana",
                                                      "Xi Jinping"]
    assert kg.neighborhood("Xi", 2).number_of_nodes() > 3


def test_view_by_names(kg):
    G = kg.view("membership", organization="BRICS", type="State")
    assert sorted(G.nodes[n]["label"] for n in G) == ["BRICS", "Brazil", "China", "India",
                                                      "Russia", "South Africa"]
    assert kg.membership_graph("SCO").number_of_edges() == 8
    assert kg.view("ego", entity="Xi").number_of_nodes() == 3
    with pytest.raises(EntityNotFound):
        kg.view("membership", organization="Narnia")


# --------------------------------------------------------------------------- explain
def test_explain_entity(kg):
    ex = kg.explain("Russia")
    assert (ex.kind, ex.title, ex.types) == ("entity", "Russia", ("State",))
    assert [a.article_id for a in ex.articles] == ["sco-astana", "brics-kazan"]  # by date
    assert ex.articles[0].published == dt.date(2024, 7, 3)
    (ev,) = ex.evidence
    assert (ev.fact, ev.rule, ev.start, ev.end) == (
        "Russia memberOf Shanghai Cooperation Organisation", "member-list", 900, 906)
    assert ev.marked() == ("The **SCO** member countries include China, India, Kazakhstan, "
                           "Kyrgyzstan, Pakistan, **Russia**, Tajikistan, and Uzbekistan.")
    assert "\x1b[1;33mRussia\x1b[0m" in ev.marked(color=True)
    sources = kg.entity("Russia").sources()
    assert [(s.article.article_id, len(s.evidence)) for s in sources] == [("sco-astana", 1),
                                                                          ("brics-kazan", 0)]
    text = ex.render()
    assert text.splitlines()[:2] == ["Russia  (dkgr:state/RUS; State)",
                                     "  mentioned in 2 articles; 1 fact about it with evidence"]
    assert 'sco-astana  2024-07-03  "Putin arrives in Kazakhstan for SCO summit"' in text
    assert json.loads(json.dumps(ex.to_dict()))["evidence"][0]["rule"] == "member-list"


def test_explain_fact(kg):
    ex = kg.explain("Russia memberOf SCO")
    assert (ex.kind, ex.title) == ("fact", "Russia memberOf Shanghai Cooperation Organisation")
    assert [a.article_id for a in ex.articles] == ["sco-astana"]
    assert len(ex.evidence) == 1 and ex.evidence[0].highlights
    # a fact without an evidence node still names the articles that state it
    brics = kg.explain(("Brazil", "memberOf", "BRICS"))
    assert [a.article_id for a in brics.articles] == ["brics-kazan"] and brics.evidence == ()
    title = kg.explain(("Putin", "title", "President"))
    assert title.title == "Vladimir Putin title President"
    with pytest.raises(FactNotFound, match="does not state 'Brazil memberOf Shanghai"):
        kg.explain("Brazil memberOf SCO")
    with pytest.raises(EntityNotFound, match="Narnia"):
        kg.explain("Narnia memberOf SCO")
    with pytest.raises(InputError, match="expected SUBJECT PROPERTY OBJECT"):
        parse_fact("Russia SCO")


def test_explain_on_the_example(example):
    ex = example.explain("Russia memberOf SCO")
    (ev,) = ex.evidence
    assert ev.rule == "member:cue" and "member countries" in ev.sentence
    assert ev.sentence[ev.highlights[-1][0]:ev.highlights[-1][1]] == "Russia"
    putin = example.explain("Vladimir Putin")
    assert putin.articles[0].article_id == "sco-astana-2024"
    assert {e.rule for e in putin.evidence} >= {"office:holder-title-name"}


# --------------------------------------------------------------------------- stats, rows
def test_stats(kg):
    s = kg.stats()
    assert s["articles"] == 2 and s["classes"]["State"] == 11
    assert s["properties"]["memberOf"] == 13 and s["properties"]["rdfs:label"] == 25
    assert s["published"] == ("2024-07-03", "2024-10-24")
    assert s["event_dates"] == ("2024-07-03", "2024-10-24")
    if s["store"]["backend"] == "oxigraph":
        assert s["store"]["bytes"] > 0 and s["store"]["location"]
    else:
        assert s["store"] == {"backend": "memory", "location": None, "bytes": None}


def test_rows_are_named_tuples_and_dataframes(kg):
    r = kg.named_query("members", org="BRICS")
    rows = list(r)
    assert [row.label.toPython() for row in rows] == ["Brazil", "China", "India", "Russia",
                                                      "South Africa"]
    assert rows[0]._fields == ("org", "member", "label", "type", "wikidata")
    assert r.to_dicts()[0]["label"] == Literal("Brazil")
    assert list(kg.query("ASK { ?s dkg:memberOf ?o }"))[0].boolean == Literal(True)
    graph_rows = list(kg.query("CONSTRUCT { ?s dkg:memberOf ?o } WHERE { ?s dkg:memberOf ?o }"))
    assert len(graph_rows) == 13 and graph_rows[0].p == ks.DKG.memberOf
    pd = pytest.importorskip("pandas")
    df = kg.query("SELECT ?label ?start WHERE { ?e a dkg:Summit ; rdfs:label ?label ; "
                  "dkg:startDate ?start } ORDER BY ?start").to_dataframe()
    assert isinstance(df, pd.DataFrame) and list(df.columns) == ["label", "start"]
    assert df.to_dict("records") == [
        {"label": "SCO summit in Astana", "start": dt.date(2024, 7, 3)},
        {"label": "BRICS summit in Kazan", "start": dt.date(2024, 10, 22)}]
    members = r.to_dataframe()
    assert members["member"].iloc[0] == str(ks.state("BRA")) and members["wikidata"].notna().all()


def test_to_dataframe_without_pandas(kg, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(KGError, match="needs pandas"):
        kg.query("SELECT ?s WHERE { ?s a dkg:State }").to_dataframe()


# --------------------------------------------------------------------------- JSON-LD
def test_json_ld_reads_like_json_and_round_trips():
    g = ks.sco_graph() + ks.brics_graph()
    doc = json.loads(serialize_graph(g, "json-ld"))
    assert set(doc) == {"@context", "@graph"}
    assert "http" not in json.dumps(doc["@context"]).replace(
        "https://w3id.org/diplokg/", "").replace("http://www.w3.org/", "").replace(
        "http://www.wikidata.org/", "").replace("https://schema.org/", "")
    russia = next(n for n in doc["@graph"] if n["id"] == str(ks.state("RUS")))
    assert russia["type"] == "State" and russia["label"] == "Russia"
    assert russia["memberOf"] == [str(ks.BRICS), str(ks.SCO)]
    assert russia["mentionedIn"] == [str(ks.ART_BRICS), str(ks.ART_SCO)]
    china = next(n for n in doc["@graph"] if n["id"] == str(ks.state("CHN")))
    assert china["memberOf"] == [str(ks.BRICS), str(ks.SCO)]
    putin = next(n for n in doc["@graph"] if n["id"] == str(ks.PUTIN))
    assert putin["altLabels"] == ["Putin"] and putin["title"] == ["President"]
    assert putin["leaderOf"] == [str(ks.state("RUS"))]
    summit = next(n for n in doc["@graph"] if n["id"] == str(ks.SUMMIT))
    assert summit["startDate"] == "2024-07-03" and summit["location"] == str(ks.ASTANA)
    back = Graph().parse(data=json.dumps(doc), format="json-ld")
    assert isomorphic(back, g)


def test_example_json_ld_file_round_trips_to_the_turtle():
    ttl = Graph().parse(ROOT / "graph" / "sco-astana-2024.ttl")
    back = Graph().parse(ROOT / "graph" / "sco-astana-2024.jsonld", format="json-ld")
    assert isomorphic(ttl, back)
    doc = json.loads((ROOT / "graph" / "sco-astana-2024.jsonld").read_text(encoding="utf-8"))
    china = next(n for n in doc["@graph"] if n["id"].endswith("/state/CHN"))
    assert china["label"] == "China" and len(china["memberOf"]) == 1


def test_import_of_the_api_stays_cheap():
    import subprocess
    import sys

    code = ("import sys, kg.api; heavy = [m for m in ('networkx', 'matplotlib', 'pandas') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.strip()
    assert out == ""
