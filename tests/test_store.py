"""The store layer: memory and Oxigraph behave the same; writes are atomic;
the on-disk store is locked against a second writer process."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef, Variable
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

import kgsample as ks
from kg.errors import KGError, StoreError, StoreLocked
from kg.namespaces import DKG
from kg.store import MemoryStore, OxigraphStore, default_store_path, open_store

REPO = Path(__file__).resolve().parents[1]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = open_store(None if request.param == "memory" else tmp_path / "store")
    yield s
    s.close()


@pytest.fixture
def loaded(store):
    ks.load_sample(store)
    return store


def count(store, sparql=COUNT, **bindings) -> int:
    return int(store.query(sparql, bindings=bindings).rows[0][0])


def test_open_store_picks_the_back_end(tmp_path):
    assert isinstance(open_store(), MemoryStore)
    with open_store(tmp_path / "s") as s:
        assert isinstance(s, OxigraphStore)
        assert s.location == tmp_path / "s"
    assert (tmp_path / "s" / "CURRENT").exists()


def test_urls_open_a_remote_store():  # the remote store itself: test_remote.py
    from kg.remote import RemoteStore

    assert isinstance(open_store("http://localhost:8890/sparql"), RemoteStore)


def test_default_store_path(monkeypatch, tmp_path):
    monkeypatch.delenv("KG_STORE", raising=False)
    assert default_store_path() == Path("kg-store")
    monkeypatch.setenv("KG_STORE", str(tmp_path / "elsewhere"))
    assert default_store_path() == tmp_path / "elsewhere"


def test_graph_names_len_and_sha(loaded):
    assert loaded.graph_names() == [str(ks.ART_BRICS), str(ks.ART_SCO)]
    assert len(loaded) == len(ks.sco_graph()) + len(ks.brics_graph())
    assert loaded.article_sha256(str(ks.ART_SCO)) == "a" * 64
    assert loaded.article_sha256(str(ks.ART_BRICS)) == "b" * 64
    assert loaded.article_sha256("https://w3id.org/diplokg/id/article/none") is None


def test_default_graph_is_the_merge_each_triple_once(loaded):
    # Russia's label and type are stated by both articles: the union holds them once
    assert count(loaded, "SELECT (COUNT(*) AS ?n) ?s WHERE { ?s rdfs:label ?l } GROUP BY ?s",
                 s=ks.state("RUS")) == 1
    merged = set(ks.sco_graph()) | set(ks.brics_graph())
    assert count(loaded) == len(merged)
    assert len(loaded) == len(ks.sco_graph()) + len(ks.brics_graph())  # quads keep both


def test_graph_returns_a_copy_of_one_article(loaded):
    assert isomorphic(loaded.graph(str(ks.ART_SCO)), ks.sco_graph())
    assert len(loaded.graph("https://w3id.org/diplokg/id/article/none")) == 0


def test_replace_graph_touches_only_that_graph(loaded):
    before_brics = loaded.graph(str(ks.ART_BRICS))
    g = ks.sco_graph(sha="c" * 64)
    g.remove((ks.state("UZB"), DKG.memberOf, ks.SCO))
    loaded.replace_graph(str(ks.ART_SCO), g)
    assert loaded.article_sha256(str(ks.ART_SCO)) == "c" * 64
    assert isomorphic(loaded.graph(str(ks.ART_SCO)), g)
    assert isomorphic(loaded.graph(str(ks.ART_BRICS)), before_brics)
    members = loaded.query("SELECT ?m ?org WHERE { ?m dkg:memberOf ?org }",
                           bindings={"org": ks.SCO}).rows
    assert sorted(str(m) for m, _ in members) == sorted(
        str(ks.state(c)) for c in ks.SCO_MEMBERS if c != "UZB")


def test_remove_graph_keeps_triples_other_articles_state(loaded):
    assert loaded.remove_graph(str(ks.ART_SCO)) is True
    assert loaded.remove_graph(str(ks.ART_SCO)) is False
    assert loaded.graph_names() == [str(ks.ART_BRICS)]
    labels = dict(loaded.query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }").rows)
    assert labels[ks.state("RUS")] == Literal("Russia")  # also in the BRICS article
    assert ks.SCO not in labels and ks.state("KAZ") not in labels
    assert count(loaded) == len(ks.brics_graph())


def test_dump_is_identical_on_both_back_ends(tmp_path):
    outs = []
    for location in (None, tmp_path / "s"):
        with open_store(location) as s:
            ks.load_sample(s)
            buf = io.BytesIO()
            n = s.dump(buf, "nquads")
            outs.append(buf.getvalue())
            assert n == len(ks.sco_graph()) + len(ks.brics_graph())
            nt = io.BytesIO()
            assert s.dump(nt, "nt") == len(set(ks.sco_graph()) | set(ks.brics_graph()))
            outs.append(nt.getvalue())
    assert outs[0] == outs[2] and outs[1] == outs[3]
    # N-Quads: graph by graph in the order of their names, lines sorted inside each graph
    lines = outs[0].splitlines()
    brics = b"<https://w3id.org/diplokg/id/article/brics-kazan> ."
    n = len(ks.brics_graph())
    assert all(line.endswith(brics) for line in lines[:n])
    assert not any(line.endswith(brics) for line in lines[n:])
    assert lines[:n] == sorted(lines[:n]) and lines[n:] == sorted(lines[n:])
    nt_lines = outs[1].splitlines()
    assert nt_lines == sorted(set(nt_lines))


def test_quads_name_their_graph(loaded):
    graphs = {g for *_, g in loaded.quads()}
    assert graphs == {ks.ART_SCO, ks.ART_BRICS}


def test_replace_graph_refuses_non_terms_and_keeps_the_old_graph(loaded):
    g = ks.sco_graph()
    g.add((ks.SCO, RDFS.label, Variable("x")))
    with pytest.raises(StoreError, match="cannot store"):
        loaded.replace_graph(str(ks.ART_SCO), g)
    assert isomorphic(loaded.graph(str(ks.ART_SCO)), ks.sco_graph())


def test_closed_store_refuses_use(store):
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.graph_names()


def test_memory_store_read_only_refuses_writes():
    s = open_store(read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        s.replace_graph(str(ks.ART_SCO), ks.sco_graph())


def test_oxigraph_persists_and_opens_read_only(tmp_path):
    path = tmp_path / "s"
    with open_store(path) as s:
        ks.load_sample(s)
    with open_store(path, read_only=True) as ro:
        assert ro.graph_names() == [str(ks.ART_BRICS), str(ks.ART_SCO)]
        assert count(ro, "SELECT (COUNT(*) AS ?n) ?org WHERE { ?m dkg:memberOf ?org } "
                     "GROUP BY ?org", org=ks.SCO) == 8
        with pytest.raises(StoreError, match="read-only"):
            ro.remove_graph(str(ks.ART_SCO))
    with open_store(path) as s:  # the read-only store released everything
        assert len(s) == len(ks.sco_graph()) + len(ks.brics_graph())


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no store there"):
        open_store(tmp_path / "missing", read_only=True)


def test_bad_paths_name_the_path(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(StoreError, match=f"{afile}: is a file"):
        open_store(afile)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match=f"{folder}: folder is not empty and is not a store"):
        open_store(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]  # nothing written there
    with pytest.raises(StoreError, match=str(afile / "sub")):
        open_store(afile / "sub")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_unwritable_parent_is_a_store_error(tmp_path):  # pragma: no cover - needs non-root
    locked = tmp_path / "ro"
    locked.mkdir(mode=0o500)
    with pytest.raises(StoreError, match=str(locked / "s")):
        open_store(locked / "s")


def test_second_open_in_the_same_process_is_locked(tmp_path):
    with open_store(tmp_path / "s"):
        with pytest.raises(StoreLocked, match="store is already open in this process"):
            open_store(tmp_path / "s")


HOLDER = """
import sys
from kg.store import open_store
s = open_store(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
s.close()
"""


def _env():
    return {**os.environ, "PYTHONPATH": str(REPO)}


def test_store_locked_by_another_process(tmp_path):
    path = tmp_path / "s"
    with open_store(path) as s:
        ks.load_sample(s)
        expected = io.BytesIO()
        s.dump(expected)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=_env())
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLocked) as info:
            open_store(path)
        assert str(info.value) == f"{path}: store is locked by another process"
        assert isinstance(info.value.__cause__, OSError)
        # a read-only open does not need the lock
        with open_store(path, read_only=True) as ro:
            assert ro.graph_names() == [str(ks.ART_BRICS), str(ks.ART_SCO)]
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=30) == 0
    with open_store(path) as s:
        got = io.BytesIO()
        s.dump(got)
        assert got.getvalue() == expected.getvalue()


def test_other_process_sees_our_lock(tmp_path):
    path = tmp_path / "s"
    code = ("import sys\nfrom kg.store import open_store\nfrom kg.errors import StoreLocked\n"
            "try:\n    open_store(sys.argv[1])\nexcept StoreLocked as e:\n    print(e)\n"
            "    sys.exit(3)\n")
    with open_store(path) as s:
        ks.load_sample(s)
        run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                             text=True, env=_env(), timeout=60)
        assert run.returncode == 3, run.stderr
        assert run.stdout.strip() == f"{path}: store is locked by another process"
        assert len(s.graph_names()) == 2


def test_replace_is_atomic_for_concurrent_readers(tmp_path):
    """A reader never sees a half-replaced graph: only the old or the new size."""
    s = open_store(tmp_path / "s")
    g_iri = "https://w3id.org/diplokg/id/article/big"

    def graph(n: int) -> Graph:
        g = Graph()
        for i in range(n):
            g.add((URIRef(f"https://w3id.org/diplokg/id/x/{i}"), RDFS.label, Literal(f"x{i}")))
        return g

    sizes = {400, 900}
    s.replace_graph(g_iri, graph(400))
    seen: set[int] = set()
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            seen.add(count(s, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(12):
            s.replace_graph(g_iri, graph(900 if i % 2 == 0 else 400))
    finally:
        stop.set()
        t.join()
    assert seen <= sizes and seen
    s.close()


def test_reindex_rebuilds_the_merged_graph(tmp_path):
    with open_store(tmp_path / "s") as s:
        ks.load_sample(s)
        before = count(s)
        s.ox_store.update("DROP DEFAULT")  # as if another tool had written the graphs
        assert count(s) == 0
        s.reindex()
        assert count(s) == before


def test_errors_share_one_base():
    assert issubclass(StoreLocked, StoreError) and issubclass(StoreError, KGError)

