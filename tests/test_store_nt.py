"""Store.replace_graph_nt (the ingest write path): the same store content as
replace_graph on every back end, new graphs and replaced ones, the merged default
graph kept right, bad data refused without touching the old graph."""
from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

import kgsample as ks
from kg.errors import StoreError
from kg.namespaces import DKG
from kg.store import open_store, to_oxigraph

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def nt(graph: Graph) -> bytes:
    return ox.serialize([ox.Triple(*map(to_oxigraph, t)) for t in graph],
                        format=ox.RdfFormat.N_TRIPLES) or b""


def dumps(store) -> tuple[bytes, bytes]:
    out = []
    for fmt in ("nquads", "nt"):
        buf = io.BytesIO()
        store.dump(buf, fmt)
        out.append(buf.getvalue())
    return out[0], out[1]


def count(store) -> int:
    return int(store.query(COUNT).rows[0][0])


@pytest.fixture(params=["memory", "oxigraph"])
def location(request, tmp_path):
    return None if request.param == "memory" else tmp_path / "store"


def test_same_content_as_replace_graph(location, tmp_path):
    with open_store(None) as ref:
        ks.load_sample(ref)
        expected = dumps(ref)
    with open_store(location) as s:
        s.replace_graph_nt(str(ks.ART_SCO), nt(ks.sco_graph()))
        s.replace_graph_nt(str(ks.ART_BRICS), nt(ks.brics_graph()).decode())  # str works too
        assert dumps(s) == expected
        assert s.graph_names() == [str(ks.ART_BRICS), str(ks.ART_SCO)]
        assert count(s) == len(set(ks.sco_graph()) | set(ks.brics_graph()))


def test_replacing_a_graph_keeps_the_merged_default_graph_right(location):
    with open_store(location) as s:
        ks.load_sample(s)
        g = ks.sco_graph(sha="c" * 64)
        g.remove((ks.state("UZB"), DKG.memberOf, ks.SCO))  # only the SCO article states it
        g.remove((ks.state("RUS"), RDFS.label, Literal("Russia")))  # the BRICS article too
        s.replace_graph_nt(str(ks.ART_SCO), nt(g))
        assert s.article_sha256(str(ks.ART_SCO)) == "c" * 64
        assert isomorphic(s.graph(str(ks.ART_SCO)), g)
        assert isomorphic(s.graph(str(ks.ART_BRICS)), ks.brics_graph())
        assert count(s) == len(set(g) | set(ks.brics_graph()))
        members = {str(m) for m, _ in s.query("SELECT ?m ?o WHERE { ?m dkg:memberOf ?o }",
                                            bindings={"o": ks.SCO}).rows}
        assert str(ks.state("UZB")) not in members and str(ks.state("KAZ")) in members
        labels = dict(s.query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }").rows)
        assert labels[ks.state("RUS")] == Literal("Russia")
        with open_store(None) as ref:  # the same as replace_graph does
            ks.load_sample(ref)
            ref.replace_graph(str(ks.ART_SCO), g)
            assert dumps(s) == dumps(ref)


def test_empty_data_removes_the_graph(location):
    with open_store(location) as s:
        ks.load_sample(s)
        s.replace_graph_nt(str(ks.ART_SCO), b"")
        s.replace_graph_nt("https://w3id.org/diplokg/id/article/none", b"")
        assert s.graph_names() == [str(ks.ART_BRICS)]
        assert count(s) == len(ks.brics_graph())


def test_bad_data_is_refused_and_the_old_graph_kept(location):
    with open_store(location) as s:
        ks.load_sample(s)
        before = dumps(s)
        for bad in (b"<a> <b> .\n", nt(ks.sco_graph()) + b"<x> <y> \"unterminated .\n"):
            with pytest.raises(StoreError, match="not N-Triples"):
                s.replace_graph_nt(str(ks.ART_SCO), bad)
            with pytest.raises(StoreError, match="not N-Triples"):
                s.replace_graph_nt("https://w3id.org/diplokg/id/article/new", bad)
        assert dumps(s) == before


def test_read_only_refuses(tmp_path):
    with open_store(tmp_path / "s") as s:
        ks.load_sample(s)
    with open_store(tmp_path / "s", read_only=True) as s:
        with pytest.raises(StoreError):
            s.replace_graph_nt(str(ks.ART_SCO), nt(ks.sco_graph()))
