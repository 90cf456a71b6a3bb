"""The command line for issue 5, end to end in subprocesses: view, explain, stats, find,
path, and every point of `kg query` (formats, limit, deadline, refused queries),
with one `kg: error:` line for every bad input."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

import kgsample as ks
from kg.api import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent


def kg(*args, check=False, timeout=120):
    proc = subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          cwd=ROOT, timeout=timeout)
    if check:
        assert proc.returncode == 0, proc.stderr.decode()
    return proc


def out(*args) -> str:
    return kg(*args, check=True).stdout.decode("utf-8")


def one_error_line(proc) -> str:
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.decode().splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr.decode()
    assert lines[0].startswith("kg: error:"), lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The example's committed graph and the two sample articles, in an Oxigraph store."""
    path = tmp_path_factory.mktemp("cli5") / "store"
    with KnowledgeGraph.open(path) as g:
        g.add_graph(ROOT / "graph" / "sco-astana-2024.ttl",
                    name="https://w3id.org/diplokg/id/article/sco-astana-2024")
        g.add_graph(ks.sco_graph(), name=str(ks.ART_SCO))
        g.add_graph(ks.brics_graph(), name=str(ks.ART_BRICS))
    return path


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli5ex") / "store"
    with KnowledgeGraph.open(path) as g:
        g.add_graph(ROOT / "graph" / "sco-astana-2024.ttl",
                    name="https://w3id.org/diplokg/id/article/sco-astana-2024")
    return path


def test_every_command_is_documented():
    for cmd in ("extract", "ingest", "query", "export", "view", "explain", "stats", "find",
                "path"):
        text = out(cmd, "--help")
        assert "Usage:" in text and len(text.splitlines()) > 4, cmd
    assert "membership" in out("view", "--help") and "co_membership" in out("view", "--help")


# --------------------------------------------------------------------------- view
@pytest.mark.parametrize("name", ["membership", "co_membership", "attendance", "meetings",
                                  "full"])
def test_view_graphml_to_stdout(store, name):
    G = nx.parse_graphml(out("view", name, "--store", store))
    assert G.number_of_edges() > 0 and G.graph["view"] == name


def test_view_of_the_example_membership(example, tmp_path):
    data = json.loads(out("view", "membership", "--store", example, "--format", "json"))
    G = nx.node_link_graph(data, edges="edges")
    sco = next(n for n, d in G.nodes(data=True) if d["type"] == "InternationalOrganization")
    assert sorted(G.nodes[m]["label"] for m in G.neighbors(sco)) == [
        "China", "India", "Kazakhstan", "Kyrgyzstan", "Pakistan", "Russia", "Tajikistan",
        "Uzbekistan"]


def test_view_filters_and_files(store, tmp_path):
    data = json.loads(out("view", "membership", "--store", store, "--org", "BRICS",
                          "--format", "json"))
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 5
    ego = json.loads(out("view", "ego", "--entity", "Xi", "--store", store, "--format", "json"))
    assert {n["label"] for n in ego["nodes"]} == {"Xi Jinping", "China",
                                                  "Putin–Xi meeting in Astana"}
    att = json.loads(out("view", "attendance", "--store", store, "--type", "Person", "--start",
                         "2024-10-01", "--format", "json"))
    assert {n["label"] for n in att["nodes"]} == {"BRICS summit in Kazan", "Vladimir Putin"}
    pytest.importorskip("matplotlib")
    for suffix, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("html", b"<!DOCTYPE html>"),
                          ("gexf", b"<gexf")):
        dest = tmp_path / f"m.{suffix}"
        kg("view", "membership", "--store", store, "-o", dest, check=True)
        assert dest.read_bytes().startswith(magic), suffix
    png = kg("view", "meetings", "--store", store, "--format", "png", check=True).stdout
    assert png.startswith(b"\x89PNG")


def test_view_errors(store, tmp_path):
    assert "unknown view 'members' (use one of: membership, co_membership" in one_error_line(
        kg("view", "members", "--store", store))
    assert "unknown view format 'pdf'" in one_error_line(
        kg("view", "membership", "--store", store, "--format", "pdf"))
    assert "no entity named 'Narnia'" in one_error_line(
        kg("view", "ego", "--entity", "Narnia", "--store", store))
    assert "'Li' matches 2 entities" in one_error_line(
        kg("view", "ego", "--entity", "Li", "--store", store))
    assert "needs an entity" in one_error_line(kg("view", "ego", "--store", store))
    assert "unknown type 'Country'" in one_error_line(
        kg("view", "membership", "--type", "Country", "--store", store))
    assert "is not a YYYY-MM-DD date" in one_error_line(
        kg("view", "attendance", "--start", "July", "--store", store))


# --------------------------------------------------------------------------- explain, stats
def test_explain_entity_and_fact(store):
    text = out("explain", "Tokayev", "--store", store)
    assert text.startswith("Kassym-Jomart Tokayev  (dkgr:person/kassym-jomart-tokayev; Person)")
    # the example's SCO (dkgr:org/sco) and the sample's (dkgr:org/SCO) are two nodes
    assert "'Shanghai Cooperation Organisation' matches 2 entities" in one_error_line(
        kg("explain", "--fact", "Russia memberOf Shanghai Cooperation Organisation", "--store",
           store))
    fact = out("explain", "--fact", "Russia memberOf dkgr:org/sco", "--store", store)
    assert fact.splitlines()[0] == "Russia memberOf Shanghai Cooperation Organisation"
    assert "**Russia**" in fact and "rule member:cue" in fact and "member-list" not in fact
    sample = out("explain", "--fact", "Russia memberOf dkgr:org/SCO", "--store", store)
    assert "rule member-list" in sample
    colored = out("explain", "--fact", '"Vladimir Putin" leaderOf Russia', "--store", store,
                  "--color")
    assert "\x1b[1;33m" in colored
    data = json.loads(out("explain", "--fact", "Putin leaderOf Russia", "--store", store,
                          "--format", "json"))
    assert data["kind"] == "fact" and data["evidence"][0]["rule"] == "office:holder-title-name"
    assert {a["id"] for a in data["articles"]} >= {"sco-astana-2024"}


def test_explain_errors(store):
    assert "does not state" in one_error_line(
        kg("explain", "--fact", "Brazil memberOf dkgr:org/SCO", "--store", store))
    assert "expected SUBJECT PROPERTY OBJECT" in one_error_line(
        kg("explain", "--fact", "Brazil SCO", "--store", store))
    assert "no entity named 'Narnia'" in one_error_line(kg("explain", "Narnia", "--store", store))
    assert "matches 2 entities" in one_error_line(kg("explain", "Li", "--store", store))
    assert "one of them" in one_error_line(kg("explain", "--store", store))


def test_stats(store):
    text = out("stats", "--store", store)
    assert text.splitlines()[0] == "articles        3"
    assert "published       2024-07-03 .. 2024-10-24" in text and "oxigraph" in text
    data = json.loads(out("stats", "--store", store, "--format", "json"))
    assert data["articles"] == 3 and data["store"]["bytes"] > 0
    assert "unknown format 'yaml'" in one_error_line(kg("stats", "--store", store, "--format",
                                                        "yaml"))


def test_find_and_path(store):
    lines = out("find", "Putin", "--store", store).splitlines()
    assert lines[0].startswith("0.95  Vladimir Putin  [Person]")
    assert kg("find", "Narnia", "--store", store).returncode == 1
    assert out("path", "Tokayev", "Pakistan", "--store", store).strip() == (
        "Kassym-Jomart Tokayev -leaderOf-> Kazakhstan -memberOf-> Shanghai Cooperation "
        "Organisation <-memberOf- Pakistan")
    assert "no path" in one_error_line(kg("path", "Li Hui", "Brazil", "--max-hops", "2",
                                          "--store", store))


# --------------------------------------------------------------------------- query
MEMBERS = "SELECT ?m ?l ?org WHERE { ?m dkg:memberOf ?org ; rdfs:label ?l } ORDER BY ?l"


def test_query_formats(store):
    table = out("query", MEMBERS, "--param", "org=BRICS", "--store", store).splitlines()
    assert table[0].split() == ["m", "l", "org"] and table[1].startswith("---")
    assert table[2].split() == ["dkgr:state/BRA", "Brazil", "dkgr:org/BRICS"]
    assert table[-1] == "(5 rows)"
    rows = list(csv.reader(io.StringIO(out("query", MEMBERS, "--param", "org=BRICS", "--store",
                                           store, "--format", "csv"))))
    assert rows[0] == ["m", "l", "org"] and rows[1] == [str(ks.state("BRA")), "Brazil",
                                                        str(ks.BRICS)]
    tsv = out("query", MEMBERS, "--param", "org=BRICS", "--store", store, "--format", "tsv")
    assert tsv.splitlines()[:2] == ["?m\t?l\t?org",
                                    f"<{ks.state('BRA')}>\t\"Brazil\"\t<{ks.BRICS}>"]
    js = json.loads(out("query", MEMBERS, "--param", "org=BRICS", "--store", store, "--format",
                        "json"))
    assert js["head"]["vars"] == ["m", "l", "org"]
    assert js["results"]["bindings"][0]["l"] == {"type": "literal", "value": "Brazil"}
    root = ET.fromstring(out("query", MEMBERS, "--param", "org=BRICS", "--store", store,
                             "--format", "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{ns}results/{ns}result")) == 5


def test_table_cells_are_truncated(store):
    text = out("query", "SELECT ?s WHERE { ?e dkg:sentence ?s } LIMIT 1", "--store", store)
    cell = text.splitlines()[2]
    assert len(cell) == 40 and cell.endswith("\u2026")


def test_construct_and_describe_formats(store):
    q = "CONSTRUCT { ?m dkg:memberOf ?o } WHERE { ?m dkg:memberOf ?o }"
    ttl = Graph().parse(data=out("query", q, "--store", store, "--format", "turtle"),
                        format="turtle")
    nt = Graph().parse(data=out("query", q, "--store", store, "--format", "nt"), format="nt")
    jl = Graph().parse(data=out("query", q, "--store", store, "--format", "json-ld"),
                       format="json-ld")
    assert len(ttl) == len(nt) == len(jl) == 13 + 8
    d = Graph().parse(data=out("query", "DESCRIBE <https://w3id.org/diplokg/id/org/BRICS>",
                               "--store", store, "--format", "turtle"), format="turtle")
    assert len(d) > 3
    assert "unknown format 'xml' for a graph result" in one_error_line(
        kg("query", q, "--store", store, "--format", "xml"))


def test_limit_and_deadline(store):
    proc = kg("query", MEMBERS, "--param", "org=BRICS", "--store", store, "--limit", "2")
    assert proc.returncode == 0 and proc.stdout.decode().splitlines()[-1] == "(2 rows, truncated)"
    assert "truncated at 2 rows" in proc.stderr.decode()
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . "
            "FILTER(STR(?b) = CONCAT(STR(?d), STR(?f), 'x')) }")
    line = one_error_line(kg("query", slow, "--store", store, "--timeout", "0.5", timeout=300))
    assert "deadline of 0.5 s" in line


@pytest.mark.parametrize("query,word", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", "INSERT"),
])
def test_refused_queries(store, query, word):
    line = one_error_line(kg("query", query, "--store", store))
    assert word in line and "not allowed" in line


def test_malformed_queries(store):
    assert "syntax error at line 1" in one_error_line(
        kg("query", "SELECT ?x WHERE { ?x ?p }", "--store", store))
    assert "no named query 'nope'" in one_error_line(kg("query", "nope", "--store", store))
    assert "--param 'org': expected NAME=VALUE" in one_error_line(
        kg("query", MEMBERS, "--param", "org", "--store", store))
