"""The public API: entity views, queries with names, stats, exports, views, and the
ingest path through the real extractor (behaviour any extractor must keep)."""
from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

import kgsample as ks
from kg.api import EntityView, IngestReport, KnowledgeGraph, extract_graph
from kg.errors import (AmbiguousEntity, EntityNotFound, InputError, QueryError, StoreError,
                       StoreLocked)
from kg.export import serialize_graph
from kg.extract import Extractor
from kg.namespaces import DKG, DKGR
from kg.sources import Article

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "sco-astana-2024.txt"
KAZAN_TEXT = """BRICS leaders gather in Kazan

Russian President Vladimir Putin hosted the BRICS summit in Kazan on October 22-24, 2024.
Brazil, China, India, Russia and South Africa are members of BRICS. Chinese President Xi
Jinping and Indian Prime Minister Narendra Modi attended the summit, which adopted the
Kazan Declaration.
"""


@pytest.fixture(scope="module")
def extractor():
    """One extractor (and language model) for the whole module."""
    return Extractor(model="auto")


@pytest.fixture(params=["memory", "oxigraph"])
def kg(request, tmp_path, extractor):
    if request.param == "memory":
        g = KnowledgeGraph(extractor=extractor)
    else:
        g = KnowledgeGraph.open(tmp_path / "store", extractor=extractor)
    yield g
    g.close()


@pytest.fixture
def sample(kg):
    kg.add_graph(ks.sco_graph(), name=str(ks.ART_SCO))
    kg.add_graph(ks.brics_graph(), name=str(ks.ART_BRICS))
    return kg


def dump(kg) -> bytes:
    buf = io.BytesIO()
    kg.store.dump(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- reading
def test_entity_view(sample):
    sco = sample.entity("SCO")
    assert sco.iri == ks.SCO
    assert sco.label == "Shanghai Cooperation Organisation"
    assert sco.alt_labels == ("SCO", "Shanghai Cooperation Organization")
    assert sco.types == ("InternationalOrganization",)
    assert sco.wikidata == "Q485207"
    assert [m.label for m in sco.members()] == ["China", "India", "Kazakhstan", "Kyrgyzstan",
                                                "Pakistan", "Russia", "Tajikistan", "Uzbekistan"]
    assert sample.entity(ks.SCO) == sco and sample.entity("dkgr:org/SCO") == sco


def test_memberships_leaders_officials(sample):
    russia = sample.entity("russia")
    assert [o.label for o in russia.memberships()] == ["BRICS", "Shanghai Cooperation Organisation"]
    leaders = russia.leaders()
    assert [(p.label, p.titles, p.wikidata) for p in leaders] == [
        ("Vladimir Putin", ("President",), "Q7747")]
    china = sample.entity("China")
    assert [p.label for p in china.leaders()] == ["Xi Jinping"]
    assert [(p.label, p.titles) for p in china.officials()] == [
        ("Li Hui", ("Special Envoy",)), ("Li Qiang", ("Premier",))]


def test_events_by_date(sample):
    putin = sample.entity("Putin")
    assert [(e.iri, e.start) for e in putin.events()] == [
        (ks.SUMMIT, dt.date(2024, 7, 3)), (ks.KAZAN, dt.date(2024, 10, 22)),
        (ks.BILATERAL, None)]  # undated last
    russia = sample.entity("Russia")  # participant of one summit, host of the other
    assert [e.label for e in russia.events()] == ["SCO summit in Astana", "BRICS summit in Kazan"]
    summit = sample.entity("SCO summit in Astana")
    assert summit.types == ("Summit",) and summit.end == dt.date(2024, 7, 4)
    assert [p.label for p in summit.participants()] == ["Kassym-Jomart Tokayev", "Russia",
                                                        "Vladimir Putin"]


def test_resolve_and_errors(sample):
    assert sample.resolve("Türkiye") == ks.state("TUR")
    assert sample.resolve("wd:Q159") == ks.state("RUS")
    with pytest.raises(AmbiguousEntity, match="'Li' matches 2 entities"):
        sample.entity("Li")
    with pytest.raises(EntityNotFound, match="no entity named 'Narnia'"):
        sample.entity("Narnia")


def test_query_with_named_parameters(sample):
    r = sample.query("SELECT ?org ?m WHERE { ?m dkg:memberOf ?org } ORDER BY ?m", org="BRICS")
    assert [str(m) for _, m in r.rows] == [str(ks.state(c)) for c in
                                           ("BRA", "CHN", "IND", "RUS", "ZAF")]
    # a header marks literal parameters; rdflib terms are bound as they are
    q = ("# params: since (date)\n"
         "SELECT ?e ?since WHERE { ?e dkg:startDate ?d FILTER(?d > ?since) }")
    assert [e for e, _ in sample.query(q, since="2024-08-01").rows] == [ks.KAZAN]
    assert sample.query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }",
                        l=Literal("Kazan")).rows == [(ks.KAZAN_CITY, Literal("Kazan"))]
    with pytest.raises(QueryError, match="'1 August' is not a YYYY-MM-DD date"):
        sample.query(q, since="1 August")
    assert sample.query("SELECT ?m WHERE { ?m dkg:memberOf ?o }", limit=2).truncated


def test_named_query(sample):
    r = sample.named_query("officials", state="China")
    assert [str(row[2]) for row in r.rows] == ["Xi Jinping", "Li Hui", "Li Qiang"]
    with pytest.raises(QueryError, match="no named query 'nope' \\(known: agreements, "):
        sample.named_query("nope")
    with pytest.raises(QueryError, match="needs parameter 'org'"):
        sample.named_query("members")
    assert "members" in KnowledgeGraph.named_queries()


def test_stats(sample):
    s = sample.stats()
    assert s["articles"] == 2
    assert s["quads"] == len(ks.sco_graph()) + len(ks.brics_graph())
    assert s["triples"] == len(ks.sco_graph() + ks.brics_graph())
    assert s["classes"]["State"] == 11 and s["classes"]["Summit"] == 2
    assert s["classes"]["Person"] == 5 and s["classes"]["Article"] == 2


def test_export_and_membership_graph(sample, tmp_path):
    n = sample.export(tmp_path / "all.nq")
    assert n == len(ks.sco_graph()) + len(ks.brics_graph())
    G = sample.membership_graph("BRICS")
    assert sorted(G.nodes[n]["label"] for n in G) == ["BRICS", "Brazil", "China", "India",
                                                      "Russia", "South Africa"]
    assert sample.membership_graph().number_of_edges() == 13


def test_add_graph_from_text_and_bad_rdf(kg):
    assert kg.add_graph("<https://w3id.org/diplokg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "
                        "\"X\" .\n", name="https://w3id.org/diplokg/id/graph/x") == 1
    with pytest.raises(InputError, match="cannot parse RDF"):
        kg.add_graph("this is { not turtle\n", name="https://w3id.org/diplokg/id/graph/y")
    assert kg.store.graph_names() == ["https://w3id.org/diplokg/id/graph/x"]


# --------------------------------------------------------------------------- ingest
@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    shutil.copy(EXAMPLE, folder / "sco-astana-2024.txt")
    (folder / "more" / "brics-kazan-2024.txt").write_text(KAZAN_TEXT, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (folder / "notes.md").write_text("not an article")
    return folder


def test_ingest_folder_reports_bad_files_and_goes_on(kg, corpus):
    report = kg.ingest(corpus, published="2024-07-03")
    assert report.articles == {"brics-kazan-2024": "added", "sco-astana-2024": "added"}
    assert (report.added, report.replaced, report.unchanged) == (2, 0, 0)
    assert report.failed == [(str(corpus / "broken.txt"),
                              f"{corpus / 'broken.txt'}: looks like a binary file (NUL bytes), "
                              "not an article")]
    assert not report.ok and report.changed == 2
    assert kg.store.graph_names() == [str(DKGR["article/brics-kazan-2024"]),
                                      str(DKGR["article/sco-astana-2024"])]
    assert report.written == len(kg.store)
    assert report.triples == kg.stats()["triples"] < report.written  # shared entities merge
    sha = kg.store.article_sha256(str(DKGR["article/sco-astana-2024"]))
    assert sha == Article.from_text(EXAMPLE.read_text(encoding="utf-8")).sha256


def test_reingest_unchanged_changes_nothing(kg, corpus):
    kg.ingest(corpus, published="2024-07-03")
    before = dump(kg)
    report = kg.ingest(corpus, published="2024-07-03")
    assert (report.added, report.replaced, report.unchanged, report.written) == (0, 0, 2, 0)
    assert sorted(report.ids("unchanged")) == ["brics-kazan-2024", "sco-astana-2024"]
    assert str(report) == (f"0 added, 0 replaced, 2 unchanged, 1 failed; 0 triples written, "
                           f"{report.triples} in the store")
    assert dump(kg) == before


def test_edited_article_replaces_only_its_graph(kg, corpus):
    kg.ingest(corpus, published="2024-07-03")
    sco_iri = str(DKGR["article/sco-astana-2024"])
    kazan_iri = str(DKGR["article/brics-kazan-2024"])
    kazan_before = kg.store.graph(kazan_iri)
    path = corpus / "sco-astana-2024.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe summit closed on Thursday.\n",
                    encoding="utf-8")
    report = kg.ingest(corpus, published="2024-07-03")
    assert report.ids("replaced") == ["sco-astana-2024"]
    assert report.ids("unchanged") == ["brics-kazan-2024"]
    assert kg.store.article_sha256(sco_iri) == Article.from_text(
        path.read_text(encoding="utf-8")).sha256
    assert isomorphic(kg.store.graph(kazan_iri), kazan_before)
    assert len(kg.store) == len(kg.store.graph(sco_iri)) + len(kazan_before)


def test_new_publication_date_or_force_reextracts(kg):
    assert kg.ingest(EXAMPLE, published="2024-07-03").articles == {"sco-astana-2024": "added"}
    assert kg.ingest(EXAMPLE, published="2024-07-02").articles == {"sco-astana-2024": "replaced"}
    pub = kg.store.value(str(DKGR["article/sco-astana-2024"]), DKGR["article/sco-astana-2024"],
                         DKG.published)
    assert str(pub) == "2024-07-02"
    assert kg.ingest(EXAMPLE, published="2024-07-02").articles == {"sco-astana-2024": "unchanged"}
    assert kg.ingest(EXAMPLE, published="2024-07-02", force=True).replaced == 1


def test_ingest_text_articles_and_iterables(kg, tmp_path):
    art = Article.from_text(KAZAN_TEXT, article_id="kazan", published="2024-10-24")
    report = kg.ingest([art, EXAMPLE, KAZAN_TEXT, tmp_path / "missing.txt", tmp_path],
                       published="2024-07-03")
    text_id = Article.from_text(KAZAN_TEXT).article_id
    assert report.ids("added") == ["kazan", "sco-astana-2024", text_id]
    assert report.failed == [(str(tmp_path / "missing.txt"),
                              f"{tmp_path / 'missing.txt'}: no such file or folder"),
                             (str(tmp_path), f"{tmp_path}: no articles (.txt, .html, .htm, "
                                             ".jsonl) in this folder")]
    with pytest.raises(InputError, match="published date: 'soon' is not a YYYY-MM-DD date"):
        kg.ingest(art, published="soon")


def test_duplicate_article_ids_in_one_run(kg, corpus):
    (corpus / "more" / "sco-astana-2024.txt").write_text(KAZAN_TEXT, encoding="utf-8")
    report = kg.ingest(corpus)
    assert sorted(report.ids("added")) == ["brics-kazan-2024", "sco-astana-2024"]
    names = [name for name, _ in report.failed]
    assert str(corpus / "sco-astana-2024.txt") in names
    msg = dict(report.failed)[str(corpus / "sco-astana-2024.txt")]
    assert "article id 'sco-astana-2024' is already used by" in msg


class Flaky:
    """Delegates to the real extractor but fails on articles that say BOOM."""

    def __init__(self, inner):
        self.inner = inner

    def extract(self, article):
        if "BOOM" in article.text:
            raise RuntimeError("extractor crashed")
        return self.inner.extract(article)


def test_failing_extraction_never_touches_stored_data(tmp_path, extractor):
    folder = tmp_path / "a"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "one.txt")
    (folder / "two.txt").write_text(KAZAN_TEXT, encoding="utf-8")
    with KnowledgeGraph(extractor=Flaky(extractor)) as kg:
        assert kg.ingest(folder).added == 2
        before = dump(kg)
        (folder / "one.txt").write_text(EXAMPLE.read_text(encoding="utf-8") + "\nBOOM\n",
                                        encoding="utf-8")
        (folder / "three.txt").write_text("Third\n\nChina and India are members of BRICS.\n")
        report = kg.ingest(folder)
        assert report.failed == [(str(folder / "one.txt"), f"{folder / 'one.txt'}: extraction "
                                  "failed (RuntimeError: extractor crashed)")]
        assert report.articles == {"three": "added", "two": "unchanged"}
        buf = io.BytesIO()
        kg.store.dump(buf)
        old_lines = set(before.splitlines())
        one = [line for line in buf.getvalue().splitlines() if b"/article/one>" in line[-60:]]
        assert set(one) <= old_lines and one  # article one's graph is exactly as before


def test_read_only_graph_refuses_ingest(tmp_path, extractor):
    with KnowledgeGraph.open(tmp_path / "s", extractor=extractor) as kg:
        kg.add_graph(ks.sco_graph(), name=str(ks.ART_SCO))
    with KnowledgeGraph.open(tmp_path / "s", read_only=True) as ro:
        with pytest.raises(StoreError, match="read-only"):
            ro.ingest(EXAMPLE)
        assert [m.label for m in ro.entity("SCO").members()][:2] == ["China", "India"]


HOLDER = """
import sys
from kg.api import KnowledgeGraph
kg = KnowledgeGraph.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
kg.close()
"""


def test_locked_store_is_reported_and_intact(tmp_path, extractor):
    path = tmp_path / "s"
    with KnowledgeGraph.open(path, extractor=extractor) as kg:
        kg.ingest(EXAMPLE, published="2024-07-03")
        before = dump(kg)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLocked, match=f"{path}: store is locked by another process"):
            KnowledgeGraph.open(path)
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=60) == 0
    with KnowledgeGraph.open(path, extractor=extractor) as kg:
        assert dump(kg) == before
        assert kg.ingest(EXAMPLE, published="2024-07-03").unchanged == 1


def test_same_results_on_memory_and_oxigraph(tmp_path, extractor, corpus):
    graphs = []
    for kg in (KnowledgeGraph(extractor=extractor),
               KnowledgeGraph.open(tmp_path / "s", extractor=extractor)):
        with kg:
            kg.ingest(corpus, published="2024-07-03")
            stats = kg.stats()
            stats.pop("store")  # backend, location and size on disk differ by design
            graphs.append((dump(kg), stats))
    assert graphs[0] == graphs[1]


# --------------------------------------------------------------------------- extract
def test_extract_graph_is_deterministic_and_stores_nothing(extractor):
    g1 = extract_graph(EXAMPLE, published="2024-07-03")
    g2 = extract_graph(EXAMPLE.read_text(encoding="utf-8"), published=dt.date(2024, 7, 3))
    art = URIRef(DKGR["article/sco-astana-2024"])
    assert (art, DKG.published, Literal("2024-07-03", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))) in g1
    assert serialize_graph(g1, "turtle") == serialize_graph(extract_graph(EXAMPLE,
                                                                          published="2024-07-03"),
                                                            "turtle")
    # the text form gets a hash id instead of the file name, the same triples otherwise
    assert len(g1) == len(g2)
    kg = KnowledgeGraph(extractor=extractor)
    assert len(kg.extract(EXAMPLE, published="2024-07-03")) == len(g1)
    assert kg.store.graph_names() == []
    with pytest.raises(InputError, match="no such file or folder"):
        extract_graph(REPO / "nope.txt")


def test_remove_article(kg):
    kg.add_graph(ks.sco_graph(), name=str(DKGR["article/sco-astana"]))
    assert kg.remove("sco-astana") is True and kg.remove("sco-astana") is False
    assert kg.store.graph_names() == []


def test_report_text():
    r = IngestReport()
    for article_id, outcome in [("a", "added"), ("b", "unchanged"), ("c", "unchanged")]:
        r._record(article_id, outcome)
    r.written, r.triples = 12, 40
    assert str(r) == "1 added, 0 replaced, 2 unchanged, 0 failed; 12 triples written, 40 in the store"
    assert r.ok and r.changed == 1 and r.ids("unchanged") == ["b", "c"]


def test_unknown_store_argument():
    with pytest.raises(StoreError, match="not a store"):
        KnowledgeGraph(store=42)


def test_entity_view_is_a_value():
    v = EntityView(iri=ks.SCO, label="SCO")
    assert v == EntityView(iri=ks.SCO, label="SCO") and v.types == ()
