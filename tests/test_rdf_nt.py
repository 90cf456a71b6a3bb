"""kg.rdf.build_ntriples (the ingest path) gives the triples of build_graph, each once."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.extract import Extractor
from kg.rdf import build_graph, build_ntriples
from kg.sources import read_article
from kg.store import to_oxigraph

REPO = Path(__file__).resolve().parents[1]
FILES = sorted((REPO / "examples").glob("*.txt")) + sorted((REPO / "tests" / "articles").glob("*.txt"))


@pytest.mark.parametrize("provenance", [True, False])
def test_build_ntriples_equals_build_graph(provenance):
    assert FILES
    ex = Extractor("none")
    for f in FILES:
        ext = ex.extract(read_article(f))
        graph = build_graph(ext, base="http://example.org/kg/", provenance=provenance)
        data, n = build_ntriples(ext, base="http://example.org/kg/", provenance=provenance)
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
        assert n == len(triples) == len(set(triples)) == len(graph), f.name
        assert set(triples) == {ox.Triple(*map(to_oxigraph, t)) for t in graph}, f.name
