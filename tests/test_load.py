"""Loading RDF files (kg.load, KnowledgeGraph.load, `kg load`): formats, graphs, skolemized
blank nodes (loading twice changes nothing), the merged default graph, hostile input
(DOCTYPE/ENTITY, remote JSON-LD contexts) and malformed files (line and column, store unchanged)."""
from __future__ import annotations

import http.server
import io
import json
import subprocess
import sys
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.load as kl
from kg.api import KnowledgeGraph
from kg.errors import FormatError, InputError, StoreError
from kg.load import CONTEXT_IRI, guess_format, load_files
from kg.store import OxigraphStore, open_store

ROOT = Path(__file__).resolve().parents[1]
G = "https://w3id.org/diplokg/id/graph/"
EX = "https://example.org/"

TTL = f"""@prefix ex: <{EX}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:sco a ex:Org ; rdfs:label "SCO"@en ; ex:member ex:kaz, ex:rus ;
    ex:founded [ ex:year 2001 ; ex:city "Shanghai" ] .
ex:kaz rdfs:label "Kazakhstan" .
"""
NT = f"""<{EX}rus> <http://www.w3.org/2000/01/rdf-schema#label> "Russia" .
<{EX}rus> <{EX}leader> _:p .
_:p <http://www.w3.org/2000/01/rdf-schema#label> "Vladimir Putin" .
"""
NQ = f"""<{EX}a> <{EX}p> "in g1" <{EX}g1> .
<{EX}b> <{EX}p> "in g2" <{EX}g2> .
<{EX}c> <{EX}p> "default" .
<{EX}kaz> <http://www.w3.org/2000/01/rdf-schema#label> "Kazakhstan" <{EX}g2> .
"""
TRIG = f"""@prefix ex: <{EX}> .
ex:g3 {{ ex:x ex:p [ ex:q "nested" ] . }}
"""
RDFXML = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="{EX}">
  <rdf:Description rdf:about="{EX}chn"><ex:name>China</ex:name></rdf:Description>
</rdf:RDF>
"""
TRIX = f"""<?xml version="1.0"?>
<TriX xmlns="http://www.w3.org/2004/03/trix/trix-1/">
  <graph><uri>{EX}g4</uri>
    <triple><uri>{EX}ind</uri><uri>{EX}name</uri><plainLiteral>India</plainLiteral></triple>
  </graph>
</TriX>
"""


def write(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def dump(store, fmt="nquads") -> bytes:
    buf = io.BytesIO()
    store.dump(buf, fmt)
    return buf.getvalue()


def union_matches_named(store) -> bool:
    """The merged default graph is exactly the set of triples of the named graphs."""
    named = {(s, p, o) for s, p, o, _ in store.quads()}
    merged = {(t[0], t[1], t[2]) for t in store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", timeout=None).graph}
    return named == merged


@pytest.fixture(params=["oxigraph", "memory"])
def store(request, tmp_path):
    s = open_store(tmp_path / "store" if request.param == "oxigraph" else None)
    yield s
    s.close()


@pytest.fixture
def files(tmp_path):
    d = tmp_path / "rdf"
    d.mkdir()
    return {name: write(d, name, text) for name, text in [
        ("orgs.ttl", TTL), ("people.nt", NT), ("data.nq", NQ), ("more.trig", TRIG),
        ("china.rdf", RDFXML), ("india.trix", TRIX)]}


# --------------------------------------------------------------------------- formats
def test_every_format_into_its_graphs(store, files):
    report = load_files(store, files.values())
    by_file = {Path(f.path).name: f for f in report.files}
    assert by_file["orgs.ttl"].graphs == (G + "orgs",) and by_file["orgs.ttl"].statements == 8
    assert by_file["people.nt"].graphs == (G + "people",)
    assert by_file["data.nq"].graphs == (EX + "g1", EX + "g2", G + "data")
    assert by_file["more.trig"].graphs == (EX + "g3",)
    assert by_file["china.rdf"].format == "rdfxml" and by_file["india.trix"].graphs == (EX + "g4",)
    assert report.statements == 8 + 3 + 4 + 2 + 1 + 1 == report.written
    assert report.rate > 0 and "triples/s" in str(report)
    assert store.graph_names() == sorted([G + "orgs", G + "people", G + "data", EX + "g1",
                                          EX + "g2", EX + "g3", G + "china", EX + "g4"])
    assert union_matches_named(store)
    # "Kazakhstan" is stated in two graphs and merged once in the default graph
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{EX}kaz> ?p ?o }}").rows
    assert int(rows[0][0]) == 1


def test_blank_nodes_are_skolemized_and_loading_twice_changes_nothing(store, files):
    load_files(store, [files["orgs.ttl"], files["people.nt"], files["more.trig"]])
    before = dump(store)
    assert b"_:" not in before and b"/.well-known/genid/" in before
    again = load_files(store, [files["orgs.ttl"], files["people.nt"], files["more.trig"]])
    assert again.written == 0 and dump(store) == before
    # another file with the same blank node label gets other nodes
    other = write(files["people.nt"].parent, "people2.nt", NT)
    load_files(store, [other])
    genids = {line.split()[0] for line in dump(store, "nt").splitlines() if b"genid" in line.split()[0]}
    assert len(genids) == 4  # orgs' [ ], people's _:p, people2's _:p, trig's [ ]


def test_edited_file_replaces_its_graph_and_keeps_the_union(store, files):
    load_files(store, [files["orgs.ttl"], files["data.nq"]])
    write(files["orgs.ttl"].parent, "orgs.ttl", TTL.replace('ex:kaz rdfs:label "Kazakhstan" .',
                                                            'ex:uzb rdfs:label "Uzbekistan" .'))
    report = load_files(store, [files["orgs.ttl"]])
    assert report.written > 0
    labels = {str(o) for (o,) in store.query("SELECT ?l WHERE { ?s rdfs:label ?l }").rows}
    assert {"Uzbekistan", "Kazakhstan", "SCO"} <= labels  # Kazakhstan is still stated in g2
    assert union_matches_named(store)
    load_files(store, [files["data.nq"]], fmt="nquads")
    assert union_matches_named(store)


def test_explicit_graph_and_format(store, tmp_path):
    p = write(tmp_path, "noext.data", NT)
    with pytest.raises(FormatError, match="cannot tell the RDF format from the suffix '.data'"):
        load_files(store, [p])
    report = load_files(store, [p], fmt="ntriples", graph=EX + "mine")
    assert report.files[0].graphs == (EX + "mine",) and store.graph_names() == [EX + "mine"]
    with pytest.raises(InputError, match="not an absolute IRI"):
        load_files(store, [p], fmt="nt", graph="not an iri")
    with pytest.raises(FormatError, match="unknown RDF format 'yaml'"):
        load_files(store, [p], fmt="yaml")
    assert guess_format("x.jsonld") == "json-ld" and guess_format("x.nq") == "nquads"


def test_knowledge_graph_load_and_read_only(tmp_path, files):
    with KnowledgeGraph.open(tmp_path / "s") as g:
        assert g.load(files["orgs.ttl"]).statements == 8
        assert g.entity("SCO").iri.toPython() == EX + "sco"
    with KnowledgeGraph.open(tmp_path / "s", read_only=True) as g:
        with pytest.raises(StoreError, match="read-only"):
            g.load(files["people.nt"])


# --------------------------------------------------------------------------- JSON-LD
def test_jsonld_with_our_context_and_inline_context(store, tmp_path):
    ours = write(tmp_path, "ours.jsonld", json.dumps({
        "@context": CONTEXT_IRI,
        "@graph": [{"id": "dkgr:state/KAZ", "type": "State", "label": "Kazakhstan",
                    "memberOf": "dkgr:org/SCO"}]}))
    inline = write(tmp_path, "inline.json", json.dumps({
        "@context": {"name": "https://schema.org/name"}, "@id": EX + "x", "name": "X"}))
    load_files(store, [ours, inline])
    rows = store.query("SELECT ?s ?o WHERE { ?s dkg:memberOf ?o }").rows
    assert [(str(s), str(o)) for s, o in rows] == [("https://w3id.org/diplokg/id/state/KAZ",
                                                    "https://w3id.org/diplokg/id/org/SCO")]
    assert store.graph_names() == [G + "inline", G + "ours"]


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):  # noqa: N802 - http.server's name
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.end_headers()
        self.wfile.write(b'{"@context": {"name": "https://schema.org/name"}}')

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("where", ["top", "nested", "import", "list"])
def test_jsonld_remote_context_is_refused_and_never_fetched(store, tmp_path, where):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/context.jsonld"
    doc = {"top": {"@context": url, "@id": EX + "x", "name": "X"},
           "nested": {"@context": {"knows": {"@id": EX + "knows", "@context": url}},
                      "@id": EX + "x", "knows": {"name": "Y"}},
           "import": {"@context": {"@version": 1.1, "@import": url}, "@id": EX + "x"},
           "list": {"@context": [{"a": EX + "a"}, url], "@id": EX + "x"}}[where]
    p = write(tmp_path, "remote.jsonld", json.dumps(doc))
    _Recorder.hits.clear()
    try:
        with pytest.raises(InputError, match=r"refused: JSON-LD @(context|import) 'http://127"
                                             r".*' is a remote document; nothing is fetched"):
            load_files(store, [p])
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.hits == [] and store.graph_names() == []


# --------------------------------------------------------------------------- hostile XML
BOMB = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">
  <rdf:Description rdf:about="https://example.org/x"><ex:p>&b;</ex:p></rdf:Description>
</rdf:RDF>
"""
XXE_TRIX = """<?xml version="1.0"?>
<!doctype TriX [ <!entity secret SYSTEM "file:///etc/passwd"> ]>
<TriX xmlns="http://www.w3.org/2004/03/trix/trix-1/"><graph><uri>https://example.org/g</uri>
<triple><uri>https://example.org/x</uri><uri>https://example.org/p</uri><plainLiteral>&secret;</plainLiteral></triple>
</graph></TriX>
"""


def test_xml_not_in_utf8_is_refused(store, tmp_path):
    p = tmp_path / "bomb16.rdf"
    p.write_bytes(BOMB.encode("utf-16"))
    with pytest.raises(InputError, match="refused: XML that is not UTF-8"):
        load_files(store, [p])


@pytest.mark.parametrize("name,text", [("bomb.rdf", BOMB), ("xxe.trix", XXE_TRIX),
                                       ("late.owl", RDFXML.replace("</rdf:RDF>", "") + " " * 2_000_000
                                        + '<!ENTITY x "y">\n</rdf:RDF>\n')])
def test_xml_with_doctype_or_entity_is_refused_before_parsing(store, tmp_path, monkeypatch,
                                                              name, text):
    parsed = []
    monkeypatch.setattr(kl.ox, "parse", lambda *a, **k: parsed.append(a) or iter(()))
    p = write(tmp_path, name, text)
    with pytest.raises(InputError, match=r"refused: the XML declares a DOCTYPE or ENTITY"):
        load_files(store, [p])
    assert parsed == [] and store.graph_names() == []


# --------------------------------------------------------------------------- malformed
def test_malformed_file_names_line_and_column_and_changes_nothing(store, files, tmp_path):
    load_files(store, [files["orgs.ttl"]])
    before = dump(store)
    bad = write(tmp_path, "bad.ttl", TTL + 'ex:x ex:p "unterminated .\nex:y ex:p ex:z .\n')
    with pytest.raises(InputError) as err:
        load_files(store, [files["people.nt"], bad])  # a good file first: it is not loaded either
    assert str(err.value).startswith(f"{bad}:6:") and "\n" not in str(err.value)
    assert dump(store) == before
    bad_json = write(tmp_path, "bad.jsonld", '{"@id": "https://example.org/x",\n  "name": }')
    with pytest.raises(InputError, match=r"bad.jsonld:2:11: not valid JSON"):
        load_files(store, [bad_json])
    with pytest.raises(InputError, match="no such file"):
        load_files(store, [tmp_path / "missing.ttl"])
    assert dump(store) == before


# --------------------------------------------------------------------------- bulk paths
def test_bulk_paths_give_the_same_store(tmp_path, files, monkeypatch):
    big = write(tmp_path, "big.nt", "".join(
        f'<{EX}s{i}> <{EX}p> "v{i % 7}" .\n<{EX}s{i}> <{EX}q> <{EX}s{i // 2}> .\n'
        for i in range(300)))
    inputs = [big, files["orgs.ttl"], files["data.nq"]]
    dumps = []
    for i, bulk_min in enumerate([10**9, 10]):
        monkeypatch.setattr(kl, "BULK_MIN", bulk_min)
        with OxigraphStore(tmp_path / f"s{i}") as s:
            report = load_files(s, inputs)
            assert [f.bulk for f in report.files] == [bulk_min == 10, False, False]
            assert load_files(s, inputs).written == 0  # the second time, through the diff
            assert union_matches_named(s)
            dumps.append((dump(s), dump(s, "nt")))
    assert dumps[0] == dumps[1]


# --------------------------------------------------------------------------- command line
def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_cli_load(tmp_path, files):
    proc = kg("load", files["orgs.ttl"], files["data.nq"], "--store", tmp_path / "s")
    assert proc.returncode == 0, proc.stderr
    assert f"{files['orgs.ttl']}: 8 statements (turtle) into {G}orgs" in proc.stdout
    assert "loaded 2 files: 12 statements into 4 graphs" in proc.stdout
    assert "triples/s" in proc.stdout.splitlines()[-1]
    many = write(tmp_path, "many.nq", "".join(
        f'<https://example.org/s> <https://example.org/p> "{i}" <https://example.org/g{i}> .\n'
        for i in range(5)))
    proc = kg("load", many, "--store", tmp_path / "s2")
    assert proc.returncode == 0, proc.stderr
    assert "5 statements (nquads) into 5 graphs (https://example.org/g0, https://example.org/g1, …)" \
        in proc.stdout  # a file with many graphs is summed up on its line, not listed
    bad = write(tmp_path, "bomb.rdf", BOMB)
    proc = kg("load", bad, "--store", tmp_path / "s")
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2 and len(lines) == 1
    assert lines[0].startswith("kg: error:") and "DOCTYPE" in lines[0]


# --------------------------------------------------------------------------- streaming bulk path
def _big_files(folder: Path) -> list[Path]:
    """Files over the (lowered) bulk threshold: N-Quads with default-graph triples, N-Quads
    and Turtle with blank nodes, TriG, N-Triples — some statements repeated."""
    nq = "".join(f'<{EX}s{i}> <{EX}p> "v{i % 7}" <{EX}ga{i % 5}> .\n'
                 f'<{EX}s{i}> <{EX}q> <{EX}s{i // 2}> <{EX}ga{i % 3}> .\n'
                 f'<{EX}s{i % 9}> <{EX}r> "default {i % 4}" .\n' for i in range(120))
    nq_b = "".join(f'<{EX}t{i}> <{EX}p> _:b{i % 6} <{EX}gb{i % 4}> .\n'
                   f'_:b{i % 6} <{EX}name> "n{i}"@en <{EX}gb{i % 4}> .\n' for i in range(80))
    ttl = "@prefix ex: <%s> .\n" % EX + "".join(
        f'ex:u{i} ex:p [ ex:q {i} ; ex:r "x\\ny" ] ; ex:s ex:u{i // 3} .\n' for i in range(60))
    trig = "@prefix ex: <%s> .\n" % EX + "".join(
        f'ex:gc{i % 3} {{ ex:w{i} ex:p ex:w{i // 2} , "w {i}" . }}\n' for i in range(70))
    nt = "".join(f'<{EX}s{i}> <{EX}label> "same as in the quads {i % 11}" .\n'
                 for i in range(150))
    names = ["big.nq", "blank.nq", "blank.ttl", "graphs.trig", "plain.nt"]
    return [write(folder, n, t) for n, t in zip(names, [nq, nq_b, ttl, trig, nt])]


@pytest.mark.parametrize("chunk", [None, 300])
def test_streaming_bulk_load_equals_the_diff_path(tmp_path, monkeypatch, chunk):
    import kg.store as ks_mod

    inputs = _big_files(tmp_path)
    if chunk:  # many small chunks per file
        monkeypatch.setattr(ks_mod, "BULK_CHUNK_BYTES", chunk)
        monkeypatch.setattr(kl, "BULK_CHUNK_STATEMENTS", 7)
    results = []
    for i, bulk_min in enumerate([10**9, 50]):
        monkeypatch.setattr(kl, "BULK_MIN", bulk_min)
        with OxigraphStore(tmp_path / f"s{i}") as s:
            report = load_files(s, inputs)
            assert [f.bulk for f in report.files] == [bulk_min == 50] * len(inputs)
            assert union_matches_named(s)
            graphs = [f.graphs for f in report.files]
            assert load_files(s, inputs).written == 0  # the same files again: nothing changes
            results.append((graphs, dump(s), dump(s, "nt"), len(s), s.graph_names()))
    assert results[0] == results[1]
    mem = open_store()
    load_files(mem, inputs)
    assert (dump(mem), dump(mem, "nt")) == results[0][1:3]


def test_streaming_bulk_load_only_for_new_graphs(tmp_path, monkeypatch):
    monkeypatch.setattr(kl, "BULK_MIN", 50)
    big, *_ = _big_files(tmp_path)
    overlap = write(tmp_path, "overlap.nq", f'<{EX}x> <{EX}p> "y" <{EX}ga1> .\n')
    with OxigraphStore(tmp_path / "s") as s:
        # another file of the same load fills one of its graphs: the diff path for both
        report = load_files(s, [big, overlap])
        assert [f.bulk for f in report.files] == [False, False]
        assert union_matches_named(s)
    with OxigraphStore(tmp_path / "s2") as s:
        load_files(s, [overlap])
        report = load_files(s, [big])  # ga1 exists already
        assert not report.files[0].bulk and union_matches_named(s)
        assert not any(  # replaced by big.nq
            str(t[0]) == EX + "x" for t in s.graph(EX + "ga1"))


def test_streaming_bulk_load_of_a_malformed_file_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(kl, "BULK_MIN", 50)
    big, *_ = _big_files(tmp_path)
    bad = write(tmp_path, "bad.nq", big.read_text() + f'<{EX}a> <{EX}b> "unterminated <{EX}g> .\n')
    with OxigraphStore(tmp_path / "s") as s:
        load_files(s, [write(tmp_path, "small.nt", f'<{EX}a> <{EX}b> <{EX}c> .\n')])
        before = dump(s), dump(s, "nt")
        with pytest.raises(InputError, match=r"bad.nq:361:"):
            load_files(s, [big, bad])
        assert (dump(s), dump(s, "nt")) == before


def test_an_interrupted_bulk_load_is_completed_by_loading_again(tmp_path, monkeypatch):
    monkeypatch.setattr(kl, "BULK_MIN", 50)
    big, *_ = _big_files(tmp_path)
    with OxigraphStore(tmp_path / "s") as s:
        # as if the loader had filled the named graphs and stopped before the merge
        s.ox_store.bulk_load(path=str(big), format=ox.RdfFormat.N_QUADS,
                             to_graph=ox.NamedNode(G + "big"))
        assert not union_matches_named(s)
        assert load_files(s, [big]).written == 0
        assert union_matches_named(s)
