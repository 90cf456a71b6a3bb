"""The benchmarks' synthetic corpus (bench/synth.py): deterministic and contract-shaped."""
from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.namespaces import DKG
from kg.ontology import validate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import synth  # noqa: E402


def test_same_seed_same_bytes_other_seed_other_bytes():
    first = "".join(synth.synth_nquads(3000, seed=3))
    assert first == "".join(synth.synth_nquads(3000, seed=3))
    assert first != "".join(synth.synth_nquads(3000, seed=4))
    assert len(first.splitlines()) >= 3000
    texts = [a.text for a in synth.synth_articles(5, seed=3)]
    assert texts == [a.text for a in synth.synth_articles(5, seed=3)]


def test_synthetic_graph_conforms_to_the_shapes():
    ds = synth.synth_dataset(4000, seed=7)
    merged = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    result = validate(merged)
    assert result.conforms, result.report_text[:2000]
    # every kind of article and the core facts are there
    predicates = set(merged.predicates())
    for p in ("memberOf", "organizedBy", "location", "hostCountry", "startDate", "participant",
              "leaderOf", "officialOf", "title", "signedAt", "signatory", "mentionedIn"):
        assert DKG[p] in predicates, p
    for cls in ("Summit", "Visit", "Meeting", "Article", "Evidence", "State", "Person", "City",
                "InternationalOrganization"):
        assert (None, RDF.type, DKG[cls]) in merged, cls


def test_evidence_offsets_point_into_the_article_text():
    article = synth.synth_articles(1, seed=7)[0]
    ds = synth.synth_dataset(1, seed=7)  # the first article only
    iri = URIRef(f"https://w3id.org/diplokg/id/article/{article.article_id}")
    g = ds.graph(iri)
    evidence = list(g.subjects(RDF.type, DKG.Evidence))
    assert evidence
    for ev in evidence:
        start, end = int(g.value(ev, DKG.charStart)), int(g.value(ev, DKG.charEnd))
        assert article.text[start:end] == str(g.value(ev, DKG.sentence))
    assert g.value(iri, DKG.headline) == Literal(article.text.splitlines()[0])
