"""Exports: deterministic bytes, the same on both back ends, round-trips, format errors."""
from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import kgsample as ks
from kg.errors import FormatError
from kg.export import export_store, format_from_suffix, normalize_format, serialize_graph
from kg.store import open_store

REPO = Path(__file__).resolve().parents[1]


def shuffled(graph: Graph, seed: int) -> Graph:
    triples = list(graph)
    random.Random(seed).shuffle(triples)
    g = Graph()
    for t in triples:
        g.add(t)
    return g


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_same_graph_same_bytes_whatever_the_insertion_order(fmt):
    g = ks.sco_graph()
    outs = {serialize_graph(shuffled(g, seed), fmt) for seed in range(4)}
    assert len(outs) == 1


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_round_trip_is_isomorphic(fmt):
    g = ks.sco_graph()
    data = serialize_graph(g, fmt)
    back = Graph().parse(data=data.decode("utf-8"), format={"turtle": "turtle", "nt": "nt",
                                                            "json-ld": "json-ld"}[fmt])
    assert isomorphic(back, g)


SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
import kgsample as ks
from kg.export import serialize_graph
sys.stdout.buffer.write(serialize_graph(ks.sco_graph() + ks.brics_graph(), sys.argv[2]))
"""


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_same_bytes_across_processes_with_different_hash_seeds(fmt):
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        run = subprocess.run([sys.executable, "-c", SCRIPT, str(REPO / "tests"), fmt],
                             capture_output=True, env=env, timeout=120, check=True)
        outs.add(run.stdout)
    assert len(outs) == 1


def test_ntriples_are_sorted_canonical_lines():
    data = serialize_graph(ks.sco_graph(), "ntriples")
    lines = data.decode().splitlines()
    assert lines == sorted(lines) and len(lines) == len(ks.sco_graph())
    assert '<https://w3id.org/diplokg/id/agreement/sco-astana-2024-package> ' \
           '<https://w3id.org/diplokg/ontology#documentCount> ' \
           '"24"^^<http://www.w3.org/2001/XMLSchema#integer> .' in lines


def test_turtle_uses_project_prefixes():
    text = serialize_graph(ks.sco_graph(), "ttl").decode()
    assert "@prefix dkg: <https://w3id.org/diplokg/ontology#> ." in text
    assert "a dkg:InternationalOrganization" in text
    assert "owl:sameAs wd:Q485207" in text


def test_json_ld_is_compacted_with_the_project_context():
    doc = json.loads(serialize_graph(ks.sco_graph(), "jsonld"))
    assert doc["@context"]["@vocab"] == "https://w3id.org/diplokg/ontology#"
    ids = [n["id"] for n in doc["@graph"]]
    assert ids == sorted(ids)
    sco = next(n for n in doc["@graph"] if n["id"] == str(ks.SCO))
    assert sco["type"] == "InternationalOrganization"
    assert sco["altLabels"] == ["SCO", "Shanghai Cooperation Organization"]
    assert sco["sameAs"] == "wd:Q485207"
    single = Graph()
    single.add(next(iter(sorted(ks.sco_graph()))))
    one = json.loads(serialize_graph(single, "json-ld"))
    assert len(one["@graph"]) == 1 and "@context" in one


@pytest.mark.parametrize("bad", ["xml", "rdf", "yaml", ""])
def test_unknown_format_names_valid_ones(bad):
    with pytest.raises(FormatError) as info:
        serialize_graph(ks.sco_graph(), bad)
    assert repr(bad) in str(info.value)
    assert "turtle, nt, json-ld, nquads, trig" in str(info.value)


def test_dataset_formats_need_a_store():
    with pytest.raises(FormatError, match="keeps graph names"):
        serialize_graph(ks.sco_graph(), "nquads")


def test_format_names_and_suffixes():
    assert [normalize_format(f) for f in ("ttl", "NT", "n-triples", "jsonld", "nq", "trig")] == \
        ["turtle", "nt", "nt", "json-ld", "nquads", "trig"]
    assert format_from_suffix("x/graph.jsonld") == "json-ld"
    with pytest.raises(FormatError, match="graph.rdf: cannot tell the format"):
        format_from_suffix("graph.rdf")


# --------------------------------------------------------------------------- stores
@pytest.fixture
def two_stores(tmp_path):
    mem, oxi = open_store(), open_store(tmp_path / "s")
    for s in (mem, oxi):
        ks.load_sample(s)
    yield mem, oxi
    mem.close()
    oxi.close()


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "nquads", "trig"])
def test_export_store_same_bytes_on_both_back_ends(two_stores, tmp_path, fmt):
    outs = []
    for i, s in enumerate(two_stores):
        dest = tmp_path / f"out{i}"
        export_store(s, dest, fmt=fmt)
        outs.append(dest.read_bytes())
    assert outs[0] == outs[1]
    again = io.BytesIO()
    export_store(two_stores[1], again, fmt=fmt)
    assert again.getvalue() == outs[0]


def test_export_merged_formats_hold_each_triple_once(two_stores, tmp_path):
    merged = ks.sco_graph() + ks.brics_graph()
    for fmt, parser in (("turtle", "turtle"), ("nt", "nt"), ("json-ld", "json-ld")):
        dest = tmp_path / f"all.{fmt}"
        n = export_store(two_stores[1], dest, fmt=fmt)
        assert n == len(merged)
        assert isomorphic(Graph().parse(dest, format=parser), merged)


def test_export_keeps_graph_names(two_stores, tmp_path):
    for fmt in ("nquads", "trig"):
        dest = tmp_path / f"all.{'nq' if fmt == 'nquads' else 'trig'}"
        n = export_store(two_stores[0], dest)  # format from the suffix
        assert n == len(ks.sco_graph()) + len(ks.brics_graph())
        ds = Dataset()
        ds.parse(dest, format=fmt)
        assert isomorphic(ds.graph(ks.ART_SCO), ks.sco_graph())
        assert isomorphic(ds.graph(ks.ART_BRICS), ks.brics_graph())


def test_store_turtle_has_sorted_prefixes_and_reloads_into_oxigraph(two_stores, tmp_path):
    dest = tmp_path / "all.ttl"
    export_store(two_stores[1], dest)
    text = dest.read_text()
    prefixes = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert prefixes == sorted(prefixes) and prefixes
    assert "dkgr:" not in text  # full IRIs, no escaped slashes
    triples = list(ox.parse(path=str(dest), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(ks.sco_graph() + ks.brics_graph())


def test_export_errors(two_stores, tmp_path):
    with pytest.raises(FormatError, match="cannot tell the format"):
        export_store(two_stores[0], tmp_path / "out.xyz")
    with pytest.raises(FormatError, match="needs a format"):
        export_store(two_stores[0], io.BytesIO())
    with pytest.raises(FormatError, match="'owl'"):
        export_store(two_stores[0], tmp_path / "out.ttl", fmt="owl")
    assert not (tmp_path / "out.ttl").exists()
