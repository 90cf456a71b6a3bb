"""NetworkX membership view: exact nodes, edges and attributes; deterministic files."""
from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import kgsample as ks
from kg.errors import FormatError
from kg.store import open_store
from kg.views import membership_graph, write_view


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = open_store(None if request.param == "memory" else tmp_path / "store")
    ks.load_sample(s)
    yield s
    s.close()


def test_membership_graph_nodes_and_edges(store):
    G = membership_graph(store)
    states = {str(ks.state(c)) for c in {**ks.SCO_MEMBERS, **ks.BRICS_MEMBERS}}
    assert set(G.nodes) == states | {str(ks.SCO), str(ks.BRICS)}
    assert G.number_of_edges() == 13
    assert sorted(G.neighbors(str(ks.state("RUS")))) == [str(ks.BRICS), str(ks.SCO)]
    assert list(G.nodes) == sorted(G.nodes)
    assert nx.is_bipartite(G)
    rus = G.nodes[str(ks.state("RUS"))]
    assert rus == {"iri": str(ks.state("RUS")), "label": "Russia", "type": "State",
                   "wikidata": "Q159", "bipartite": 0}
    sco = G.nodes[str(ks.SCO)]
    assert (sco["label"], sco["type"], sco["wikidata"], sco["bipartite"]) == \
        ("Shanghai Cooperation Organisation", "InternationalOrganization", "Q485207", 1)
    assert G.edges[str(ks.state("KAZ")), str(ks.SCO)] == {"relation": "memberOf"}
    # partners are not members
    assert str(ks.state("TUR")) not in G


def test_membership_graph_of_one_organization(store):
    G = membership_graph(store, organization=ks.BRICS)
    assert sorted(G.nodes) == sorted([str(ks.BRICS)] + [str(ks.state(c)) for c in ks.BRICS_MEMBERS])
    assert G.number_of_edges() == 5
    assert G.nodes[str(ks.state("ZAF"))]["label"] == "South Africa"


def test_same_view_from_both_stores(tmp_path):
    views = []
    for loc in (None, tmp_path / "s"):
        with open_store(loc) as s:
            ks.load_sample(s)
            buf = io.BytesIO()
            write_view(membership_graph(s), buf, "json")
            views.append(buf.getvalue())
    assert views[0] == views[1]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_write_view_is_deterministic_and_readable(store, tmp_path, fmt):
    G = membership_graph(store)
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    write_view(G, a)
    H = nx.Graph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(data=True))))
    write_view(H, b, fmt)
    assert a.read_bytes() == b.read_bytes()
    if fmt == "graphml":
        back = nx.read_graphml(a)
        assert back.nodes[str(ks.state("RUS"))]["wikidata"] == "Q159"
        assert back.nodes[str(ks.BRICS)]["wikidata"] == "Q485262"
        assert back.number_of_edges() == 13
    elif fmt == "gexf":
        assert 'lastmodifieddate="1970-01-01"' in a.read_text()
        assert nx.read_gexf(a).number_of_edges() == 13
    else:
        data = json.loads(a.read_text())
        assert len(data["edges"]) == 13 and len(data["nodes"]) == 12  # 10 states, 2 orgs
        back = nx.node_link_graph(data, edges="edges")
        assert back.nodes[str(ks.SCO)]["type"] == "InternationalOrganization"


def test_graphml_drops_missing_values(tmp_path):
    G = nx.Graph()
    G.add_node("x", label="X", wikidata=None)
    write_view(G, tmp_path / "v.graphml")
    root = ET.parse(tmp_path / "v.graphml").getroot()
    keys = {k.get("attr.name") for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")}
    assert keys == {"label"}


def test_unknown_view_format(tmp_path):
    with pytest.raises(FormatError, match="'png'.*graphml, gexf, json"):
        write_view(nx.Graph(), tmp_path / "v.png")
    with pytest.raises(FormatError, match="needs a format"):
        write_view(nx.Graph(), io.BytesIO())
