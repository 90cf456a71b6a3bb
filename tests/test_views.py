"""NetworkX views: exact nodes, edges and attributes of every view and filter, on the
hand-built sample, the example's graph and the gold graphs of the dev articles;
deterministic files and pictures."""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import XSD, Graph, Literal

import kgsample as ks
from kg.errors import FormatError, InputError
from kg.namespaces import DKG, DKGR
from kg.store import open_store
from kg.views import (VIEWS, build_view, co_membership_graph, ego_graph, full_graph,
                      membership_graph, shortest_path, Step, view_bytes, write_view)

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
S = lambda code: str(ks.state(code))  # noqa: E731


def edges(G) -> set[tuple[str, str]]:
    """Undirected edges as sorted pairs."""
    return {tuple(sorted(e)) for e in G.edges()}


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = open_store(None if request.param == "memory" else tmp_path / "store")
    ks.load_sample(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def example_store():
    """The example article's committed graph (graph/sco-astana-2024.ttl)."""
    s = open_store()
    s.replace_graph("https://w3id.org/diplokg/id/article/sco-astana-2024",
                    Graph().parse(ROOT / "graph" / "sco-astana-2024.ttl"))
    return s


# --------------------------------------------------------------------------- membership
def test_membership_graph_nodes_and_edges(store):
    G = membership_graph(store)
    states = {S(c) for c in {**ks.SCO_MEMBERS, **ks.BRICS_MEMBERS}}
    assert set(G.nodes) == states | {str(ks.SCO), str(ks.BRICS)}
    assert G.number_of_edges() == 13
    assert sorted(G.neighbors(S("RUS"))) == [str(ks.BRICS), str(ks.SCO)]
    assert list(G.nodes) == sorted(G.nodes)
    assert nx.is_bipartite(G)
    assert G.nodes[S("RUS")] == {"iri": S("RUS"), "label": "Russia", "type": "State",
                                 "wikidata": "Q159", "bipartite": 0}
    sco = G.nodes[str(ks.SCO)]
    assert (sco["label"], sco["type"], sco["wikidata"], sco["bipartite"]) == \
        ("Shanghai Cooperation Organisation", "InternationalOrganization", "Q485207", 1)
    assert G.edges[S("KAZ"), str(ks.SCO)] == {"relation": "memberOf", "sources": ["sco-astana"],
                                              "first_seen": "2024-07-03"}
    assert G.edges[S("RUS"), str(ks.BRICS)]["sources"] == ["brics-kazan"]
    assert S("TUR") not in G  # partners are not members


def test_membership_stated_by_two_articles_lists_both(tmp_path):
    with open_store() as s:
        ks.load_sample(s)
        later = DKGR["article/later"]
        extra = Graph()
        extra.add((ks.state("RUS"), DKG.memberOf, ks.SCO))
        extra.add((later, DKG.published, Literal("2025-01-01", datatype=XSD.date)))
        s.replace_graph(str(later), extra)
        edge = membership_graph(s).edges[S("RUS"), str(ks.SCO)]
        assert edge["sources"] == ["later", "sco-astana"] and edge["first_seen"] == "2024-07-03"
        # only what articles published in 2025 state
        assert edges(membership_graph(s, start="2025-01-01")) == {(str(ks.SCO), S("RUS"))}


def test_membership_filters(store):
    G = membership_graph(store, organization=ks.BRICS)
    assert sorted(G.nodes) == sorted([str(ks.BRICS)] + [S(c) for c in ks.BRICS_MEMBERS])
    assert G.number_of_edges() == 5
    assert G.nodes[S("ZAF")]["label"] == "South Africa"
    late = membership_graph(store, start="2024-08-01")
    assert {o for _, o in late.edges()} | {m for m, _ in late.edges()} >= {str(ks.BRICS)}
    assert str(ks.SCO) not in late and late.number_of_edges() == 5
    assert membership_graph(store, end="2024-07-31").number_of_edges() == 8
    assert membership_graph(store, types=["Person"]).number_of_nodes() == 0
    assert membership_graph(store, types=["State"]).number_of_edges() == 13


def test_example_members_of_the_sco_are_exactly_the_eight_states(example_store):
    G = build_view(example_store, "membership")
    sco = next(n for n, d in G.nodes(data=True) if d["type"] == "InternationalOrganization")
    assert sorted(G.nodes[m]["label"] for m in G.neighbors(sco)) == [
        "China", "India", "Kazakhstan", "Kyrgyzstan", "Pakistan", "Russia", "Tajikistan",
        "Uzbekistan"]
    assert all(d["sources"] == ["sco-astana-2024"] for *_, d in G.edges(data=True))


# --------------------------------------------------------------------------- co-membership
def test_co_membership(store):
    G = co_membership_graph(store)
    assert G.edges[S("CHN"), S("RUS")] == {
        "weight": 2, "organizations": ["BRICS", "Shanghai Cooperation Organisation"],
        "organization_iris": [str(ks.BRICS), str(ks.SCO)]}
    assert G.edges[S("IND"), S("KAZ")]["weight"] == 1
    assert not G.has_edge(S("BRA"), S("KAZ"))
    # 8 SCO members: 28 pairs, 5 BRICS members: 10 pairs, 3 pairs in both
    assert G.number_of_edges() == 28 + 10 - 3
    assert "bipartite" not in G.nodes[S("CHN")]
    only = co_membership_graph(store, organization=ks.BRICS)
    assert only.number_of_edges() == 10 and only.number_of_nodes() == 5


# --------------------------------------------------------------------------- events
def test_attendance(store):
    G = build_view(store, "attendance")
    assert edges(G) == {tuple(sorted(e)) for e in [
        (str(ks.BILATERAL), str(ks.PUTIN)), (str(ks.BILATERAL), str(ks.XI)),
        (str(ks.KAZAN), str(ks.PUTIN)), (str(ks.SUMMIT), str(ks.PUTIN)),
        (str(ks.SUMMIT), S("RUS")), (str(ks.SUMMIT), str(ks.TOKAYEV))]}
    summit = G.nodes[str(ks.SUMMIT)]
    assert (summit["type"], summit["start"], summit["end"], summit["status"],
            summit["bipartite"]) == ("Summit", "2024-07-03", "2024-07-04", "planned", 0)
    assert G.nodes[str(ks.PUTIN)]["bipartite"] == 1
    brics = build_view(store, "attendance", organization=ks.BRICS)
    assert edges(brics) == {(str(ks.KAZAN), str(ks.PUTIN))}
    sco = build_view(store, "attendance", organization=ks.SCO)  # the meeting is part of the summit
    assert str(ks.BILATERAL) in sco and str(ks.KAZAN) not in sco
    people = build_view(store, "attendance", types=["Person"])
    assert S("RUS") not in people and people.number_of_edges() == 5
    october = build_view(store, "attendance", start="2024-10-01", end="2024-10-31")
    assert sorted(october.nodes) == [str(ks.KAZAN), str(ks.PUTIN)]


def test_meetings(store):
    G = build_view(store, "meetings")
    assert edges(G) == {(S("CHN"), S("RUS")), (str(ks.PUTIN), str(ks.XI))}
    person = G.edges[str(ks.PUTIN), str(ks.XI)]
    assert person == {"kind": "person", "weight": 1, "meetings": ["Putin–Xi meeting in Astana"],
                      "meeting_iris": [str(ks.BILATERAL)], "dates": ["2024-07-03"]}
    assert G.edges[S("CHN"), S("RUS")]["kind"] == "state"  # the states its people lead
    assert edges(build_view(store, "meetings", types=["State"])) == {(S("CHN"), S("RUS"))}
    assert build_view(store, "meetings", start="2024-08-01").number_of_edges() == 0
    assert build_view(store, "meetings", organization=ks.BRICS).number_of_edges() == 0


# --------------------------------------------------------------------------- full and ego
def test_full_graph(store):
    G = full_graph(store)
    assert isinstance(G, nx.MultiDiGraph)
    assert G.has_edge(S("RUS"), str(ks.SCO), key="memberOf")
    assert G.edges[S("RUS"), str(ks.SCO), "memberOf"] == {"predicate": "dkg:memberOf"}
    putin = G.nodes[str(ks.PUTIN)]
    assert (putin["label"], putin["alt_labels"], putin["title"], putin["type"],
            putin["wikidata"]) == ("Vladimir Putin", ["Putin"], "President", "Person", "Q7747")
    assert G.nodes[str(ks.SUMMIT)]["status"] == "planned"
    assert G.nodes[str(ks.ART_SCO)]["type"] == "Article"
    assert G.has_edge(S("RUS"), str(ks.ART_SCO), key="mentionedIn")
    bare = full_graph(store, provenance=False)
    assert str(ks.ART_SCO) not in bare and "https://w3id.org/diplokg/id/evidence/sco-astana/0001" \
        not in bare
    assert not any(k == "mentionedIn" for *_, k in bare.edges(keys=True))
    states = full_graph(store, types=["State"])
    assert {t for _, t in states.nodes(data="type")} == {"State"}
    assert sorted(full_graph(store, organization=ks.BRICS, provenance=False).nodes) == sorted(
        [str(ks.BRICS), str(ks.KAZAN), S("TUR")] + [S(c) for c in ks.BRICS_MEMBERS])
    late = full_graph(store, start="2024-10-01", provenance=False)
    assert str(ks.KAZAN) in late and str(ks.SUMMIT) not in late


def test_ego_graph(store):
    G = ego_graph(store, ks.PUTIN, 1)
    assert sorted(G.nodes) == sorted(str(x) for x in (ks.PUTIN, ks.SUMMIT, ks.KAZAN,
                                                       ks.BILATERAL, ks.state("RUS")))
    assert G.graph == {"view": "ego", "center": str(ks.PUTIN), "radius": 1}
    # links among the outer nodes are there too
    assert G.has_edge(str(ks.SUMMIT), S("RUS"), key="participant")
    assert G.has_edge(str(ks.BILATERAL), str(ks.SUMMIT), key="partOf")
    assert G.nodes[str(ks.KAZAN)]["label"] == "BRICS summit in Kazan"
    two = ego_graph(store, ks.PUTIN, 2)
    assert str(ks.SCO) in two and str(ks.XI) in two and S("BRA") not in two
    assert sorted(ego_graph(store, ks.PUTIN, 0).nodes) == [str(ks.PUTIN)]
    people = ego_graph(store, ks.PUTIN, 2, types=["Person"])
    assert sorted(people.nodes) == sorted([str(ks.PUTIN), str(ks.XI), str(ks.TOKAYEV)])
    with pytest.raises(InputError, match="needs an entity"):
        build_view(store, "ego")


def test_shortest_path(store):
    # two paths of two links; the one whose labels sort first wins
    p = shortest_path(store, ks.PUTIN, ks.BRICS)
    assert str(p) == "Vladimir Putin <-participant- BRICS summit in Kazan -organizedBy-> BRICS"
    assert [(s.predicate, s.forward) for s in p.steps] == [("participant", False),
                                                            ("organizedBy", True)]
    assert p.steps[0] == Step(str(ks.KAZAN), "participant", str(ks.PUTIN), False)
    assert str(shortest_path(store, ks.TOKAYEV, ks.SCO)) == \
        "Kassym-Jomart Tokayev -leaderOf-> Kazakhstan -memberOf-> Shanghai Cooperation Organisation"
    back = shortest_path(store, ks.SCO, ks.TOKAYEV)
    assert str(back) == ("Shanghai Cooperation Organisation <-memberOf- Kazakhstan "
                         "<-leaderOf- Kassym-Jomart Tokayev")
    assert len(shortest_path(store, ks.XI, ks.state("BRA"))) == 3
    assert shortest_path(store, ks.XI, ks.XI).nodes == (str(ks.XI),)
    assert shortest_path(store, ks.XI, ks.state("BRA"), max_hops=2) is None
    assert shortest_path(store, ks.XI, ks.LI_HUI, max_hops=1) is None


# --------------------------------------------------------------------------- gold graphs
def _gold():
    if not (EVAL / "dev").is_dir():
        pytest.skip("../shared/eval is not beside this checkout")
    import importlib.util

    spec = importlib.util.spec_from_file_location("gold2ttl", EVAL / "gold2ttl.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = []
    for path in sorted((EVAL / "dev").glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append((gold, mod.render(gold)))
    return out


def test_views_on_the_gold_graphs_of_the_dev_articles():
    """Each view holds exactly the gold facts it is made of (graph of a perfect extractor)."""
    for gold, graph in _gold():
        with open_store() as s:
            s.replace_graph(f"https://w3id.org/diplokg/id/article/{gold['id']}", graph)
            node = lambda k: f"https://w3id.org/diplokg/id/{gold['id']}/{k}"  # noqa: E731
            facts = [tuple(f) for f in gold["facts"]]
            members = {(node(a), node(b)) for rel, a, b in facts if rel == "memberOf"}
            M = build_view(s, "membership")
            assert {tuple(sorted(e)) for e in M.edges()} == {tuple(sorted(e)) for e in members}, \
                gold["id"]
            attend = {(node(a), node(b)) for rel, a, b in facts if rel == "participant"}
            A = build_view(s, "attendance")
            assert {tuple(sorted(e)) for e in A.edges()} == {tuple(sorted(e)) for e in attend}
            F = build_view(s, "full")
            relations = {(node(a), rel, node(b)) for rel, a, b in facts
                         if b in gold["entities"] and rel != "status"}
            assert {(u, k, v) for u, v, k in F.edges(keys=True)} == relations, gold["id"]


def test_asean_members_in_the_gold_graph():
    found = [(g, graph) for g, graph in _gold() if g["id"] == "b3-asean-timor-leste-2025"]
    if not found:
        pytest.skip("no ASEAN article in the dev set")
    gold, graph = found[0]
    with open_store() as s:
        s.replace_graph("https://w3id.org/diplokg/id/article/asean", graph)
        G = build_view(s, "membership")
        org = next(n for n, t in G.nodes(data="type") if t == "InternationalOrganization")
        names = sorted(G.nodes[m]["label"] for m in G.neighbors(org))
        expected = sorted(gold["entities"][a]["names"][0] for rel, a, b in gold["facts"]
                          if rel == "memberOf")
        assert names == expected and "Timor-Leste" in names and len(names) == 11


# --------------------------------------------------------------------------- files
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
    H = nx.Graph(**G.graph)
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(data=True))))
    write_view(H, b, fmt)
    assert a.read_bytes() == b.read_bytes()
    if fmt == "graphml":
        back = nx.read_graphml(a)
        assert back.nodes[S("RUS")]["wikidata"] == "Q159"
        assert back.nodes[str(ks.BRICS)]["wikidata"] == "Q485262"
        assert back.edges[S("RUS"), str(ks.SCO)]["sources"] == "sco-astana"
        assert back.number_of_edges() == 13
    elif fmt == "gexf":
        assert 'lastmodifieddate="1970-01-01"' in a.read_text()
        assert nx.read_gexf(a).number_of_edges() == 13
    else:
        data = json.loads(a.read_text())
        assert len(data["edges"]) == 13 and len(data["nodes"]) == 12  # 10 states, 2 orgs
        back = nx.node_link_graph(data, edges="edges")
        assert back.nodes[str(ks.SCO)]["type"] == "InternationalOrganization"
        assert back.edges[S("RUS"), str(ks.SCO)]["sources"] == ["sco-astana"]


@pytest.mark.parametrize("name", VIEWS)
def test_every_view_writes_every_data_format(store, name):
    G = build_view(store, name, entity=ks.PUTIN)
    assert G.number_of_edges() > 0
    graphml = view_bytes(G, "graphml")
    assert nx.parse_graphml(graphml.decode()).number_of_edges() == G.number_of_edges()
    assert json.loads(view_bytes(G, "json"))["graph"]["view"] == name
    assert view_bytes(G, "gexf").startswith(b"<gexf")


def test_graphml_drops_missing_values(tmp_path):
    G = nx.Graph()
    G.add_node("x", label="X", wikidata=None)
    write_view(G, tmp_path / "v.graphml")
    root = ET.parse(tmp_path / "v.graphml").getroot()
    keys = {k.get("attr.name") for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")}
    assert keys == {"label"}


def test_unknown_view_and_format(store, tmp_path):
    with pytest.raises(FormatError, match="'pdf'.*graphml, gexf, json, png, svg, html"):
        write_view(nx.Graph(), tmp_path / "v.pdf", "pdf")
    with pytest.raises(FormatError, match="cannot tell the view format from the suffix"):
        write_view(nx.Graph(), tmp_path / "v.txt")
    with pytest.raises(FormatError, match="needs a format"):
        write_view(nx.Graph(), io.BytesIO())
    with pytest.raises(InputError, match="unknown view 'members' \\(use one of: membership, "):
        build_view(store, "members")
    with pytest.raises(InputError, match="unknown type 'Country'"):
        build_view(store, "membership", types=["Country"])
    with pytest.raises(InputError, match="start: '2024-13-01' is not a YYYY-MM-DD date"):
        build_view(store, "attendance", start="2024-13-01")


# --------------------------------------------------------------------------- pictures
@pytest.fixture
def pictures():
    pytest.importorskip("matplotlib")


def test_png_and_svg_are_deterministic_pictures(store, pictures):
    G = build_view(store, "membership")
    png = view_bytes(G, "png")
    assert png.startswith(b"\x89PNG") and png == view_bytes(G, "png")
    svg = view_bytes(G, "svg").decode()
    assert svg == view_bytes(G, "svg").decode()
    # labels are text, the legend counts the types, the title counts nodes and edges
    for text in ("Russia", "Shanghai Cooperation Organisation", "State (10)",
                 "InternationalOrganization (2)", "membership: 12 nodes, 13 edges"):
        assert f">{text}<" in svg, text
    # the state colour and the organization colour are both used
    assert "#4c72b0" in svg.lower() and "#dd8452" in svg.lower()
    directed = view_bytes(build_view(store, "ego", entity=ks.PUTIN), "svg").decode()
    assert ">leaderOf<" in directed  # predicates on the edges of small directed views


def _page(G) -> str:
    return view_bytes(G, "html").decode()


def test_html_page_is_self_contained(store, pictures):
    G = build_view(store, "membership")
    page = _page(G)
    assert page == _page(G) and page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(http" not in page
    assert "<script src" not in page and page.count("<script") == 2
    data = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>',
                                page, re.S).group(1))
    assert len(data["nodes"]) == 12 and len(data["edges"]) == 13
    assert {t["name"]: t["count"] for t in data["types"]} == {"State": 10,
                                                              "InternationalOrganization": 2}
    russia = next(n for n in data["nodes"] if n["label"] == "Russia")
    assert russia["attrs"]["wikidata"] == "Q159" and russia["color"] == "#4C72B0"


def test_html_escapes_script_endings(pictures):
    G = nx.Graph()
    G.add_node("x", label="</script><script>alert(1)</script>", type="State")
    page = _page(G)
    assert page.count("</script>") == 2 and "<\\/script>" in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="no headless Chromium (make chromium)")
def test_html_page_renders_in_a_headless_browser(store, tmp_path, pictures):
    page = tmp_path / "view.html"
    write_view(build_view(store, "membership"), page)
    proc = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                           "--dump-dom", page.as_uri()], capture_output=True, text=True,
                          timeout=120)
    dom = proc.stdout
    assert 'data-ready="true"' in dom and 'data-nodes="12"' in dom, proc.stderr[-500:]
    assert dom.count('class="node"') == 12 and dom.count('class="edge"') == 13
    assert ">Russia</text>" in dom and "State (10)" in dom
