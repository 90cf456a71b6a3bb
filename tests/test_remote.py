"""The remote store against a real Virtuoso (started here on loopback) and
against small HTTP servers that misbehave on purpose.

The Virtuoso tests need ``virtuoso-t`` (Debian's ``virtuoso-opensource``,
installed by ``make setup``). Without it they are skipped on a developer
machine and fail in CI (``CI=true``), where they must run.
"""
from __future__ import annotations

import http.server
import io
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, XSD

from kg.api import KnowledgeGraph
from kg.errors import ForbiddenQuery, QueryError, QueryTimeout, StoreError
from kg.query import named_queries
from kg.remote import RemoteStore, bind_values, sparql_term
from kg.store import OxigraphStore, open_store
from virtuoso import DBA, Virtuoso, missing_message, virtuoso_binary

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev"
#: the server's row cap: above every named query's answer here, below the store's size
MAX_ROWS = 200

# Used when ../shared/eval/dev is not there (a clone without the evaluation data).
_FALLBACK = {
    "brics-kazan-2024.txt": (
        "BRICS leaders gather in Kazan\n\n"
        "KAZAN, Oct 22 (Reuters) - Russian President Vladimir Putin hosts the BRICS summit in "
        "Kazan from October 22 to 24, 2024. Brazil, Russia, India, China and South Africa are "
        "members of BRICS. Chinese President Xi Jinping and Indian Prime Minister Narendra Modi "
        "attend the summit.\n"),
    "g20-rio-2024.txt": (
        "G20 summit opens in Rio de Janeiro\n\n"
        "RIO DE JANEIRO, Nov 18 - Brazilian President Luiz Inacio Lula da Silva opened the G20 "
        "summit in Rio de Janeiro on Monday. Argentina, Brazil and India are members of the "
        "G20. The leaders adopted the Rio de Janeiro Leaders' Declaration.\n"),
}


def _articles(tmp: Path) -> Path:
    if DEV.is_dir() and list(DEV.glob("*.txt")):
        return DEV
    folder = tmp / "articles"
    folder.mkdir()
    for src in (REPO / "examples").glob("*.txt"):
        (folder / src.name).write_bytes(src.read_bytes())
    for name, text in _FALLBACK.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if virtuoso_binary() is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(missing_message() + " -- the Virtuoso tests must run in CI")
        pytest.skip(missing_message())
    with Virtuoso(tmp_path_factory.mktemp("virtuoso"), max_rows=MAX_ROWS) as v:
        yield v


def _remote(server: Virtuoso, **kw) -> RemoteStore:
    return RemoteStore(server.sparql, update_url=server.sparql_auth, user=DBA[0],
                       password=DBA[1], **kw)


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    return _articles(tmp_path_factory.mktemp("dev"))


@pytest.fixture(scope="module")
def graphs(server, articles, tmp_path_factory):
    """The same articles in Virtuoso and in an embedded Oxigraph store, one extractor."""
    embedded = KnowledgeGraph(OxigraphStore(tmp_path_factory.mktemp("ox") / "store"))
    report = embedded.ingest(articles)
    assert report.ok and report.added >= 3, report.failed
    remote = KnowledgeGraph(_remote(server), extractor=embedded.extractor)
    t0 = time.monotonic()
    again = remote.ingest(articles)
    remote.ingest_seconds = time.monotonic() - t0
    assert again.ok, again.failed
    assert again.added == report.added
    yield remote, embedded
    embedded.store.close()


def _norm(term):
    """Terms compared by meaning where Virtuoso writes them differently:
    numbers by value (it canonicalizes ``1.50`` to ``1.5``), language tags
    case-insensitively (it lower-cases them)."""
    if isinstance(term, Literal):
        if term.language:
            return ("lang", str(term), term.language.lower())
        if term.datatype in (XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int,
                             XSD.long):
            try:
                return ("number", Decimal(str(term)))
            except ArithmeticError:
                pass
    return term


def _stats(kg: KnowledgeGraph) -> dict:
    return {k: v for k, v in kg.stats().items() if k != "store"}  # not where it lives


def _rows(result) -> Counter:
    return Counter(tuple(_norm(t) for t in row) for row in result.rows)


def _cases(embedded: KnowledgeGraph) -> list[tuple[str, dict]]:
    summits = embedded.named_query("summits", org="SCO").rows
    assert summits, "the SCO summit of the seed article was not extracted"
    event = summits[0][0]
    values = {"org": ["SCO", "BRICS"], "event": [event], "state": ["Russia", "China"],
              "entity": ["SCO", "Russia", "Vladimir Putin"]}
    cases = []
    for name, nq in named_queries().items():
        missing = [p for p in nq.required if p not in values]
        assert not missing, f"queries/{nq.path.name}: give test values for {missing}"
        combos = [{}]
        for p in nq.required:
            combos = [dict(c, **{p: v}) for c in combos for v in values[p]]
        cases += [(name, c) for c in combos]
        if "org" in nq.params and "org" not in nq.required:  # optional parameter
            cases.append((name, {"org": "SCO"}))
    return cases


# --------------------------------------------------------------------------- Virtuoso
def test_server_starts_and_store_sees_only_its_graphs(server, graphs):
    remote, embedded = graphs
    assert server.started_in is not None and server.started_in < 90
    print(f"virtuoso ready in {server.started_in:.1f} s; remote ingest "
          f"{remote.ingest_seconds:.1f} s")
    assert remote.store.dialect == "virtuoso"
    assert remote.store.graph_names() == embedded.store.graph_names()
    assert len(remote.store) == len(embedded.store)
    assert _stats(remote) == _stats(embedded)
    # Virtuoso's own default graph holds its system data too, and repeats a triple once
    # per graph stating it: the reason the store queries its merged graph instead
    raw = remote.store._select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1]
    assert int(raw[0]["n"]) > len(remote.store)


def test_every_named_query_gives_the_embedded_answer(graphs):
    remote, embedded = graphs
    cases = _cases(embedded)
    assert {name for name, _ in cases} == set(named_queries())
    nonempty = 0
    for name, params in cases:
        want = embedded.named_query(name, **params)
        got = remote.named_query(name, **params)
        assert not got.truncated and not want.truncated, (name, params)
        assert got.vars == want.vars, (name, params)
        assert _rows(got) == _rows(want), (name, params, got.rows, want.rows)
        nonempty += bool(want.rows)
    assert nonempty >= len(cases) - 2  # the comparison is not between empty answers


def test_entity_names_resolve_the_same(graphs):
    remote, embedded = graphs
    for name in ("SCO", "Russia", "shanghai cooperation organisation", "Putin"):
        assert remote.resolve(name) == embedded.resolve(name)
    assert [m.label for m in remote.entity("SCO").members()] == \
        [m.label for m in embedded.entity("SCO").members()]


def test_construct_describe_ask_match(graphs):
    remote, embedded = graphs
    org = embedded.resolve("SCO")
    construct = ("CONSTRUCT { ?m dkg:memberOf ?org . ?m rdfs:label ?l } "
                 "WHERE { ?m dkg:memberOf ?org OPTIONAL { ?m rdfs:label ?l } }")
    got, want = remote.query(construct, org=org), embedded.query(construct, org=org)
    assert len(want.graph) > 5 and isomorphic(got.graph, want.graph) and not got.truncated
    short = "CONSTRUCT WHERE { ?m dkg:memberOf ?org }"
    assert isomorphic(remote.query(short, org=org).graph, embedded.query(short, org=org).graph)
    describe = "DESCRIBE ?org"
    got = remote.store.query(describe + " WHERE { ?org a dkg:InternationalOrganization }",
                             bindings={"org": org})
    want = embedded.store.query(describe + " WHERE { ?org a dkg:InternationalOrganization }",
                                bindings={"org": org})
    assert len(want.graph) > 3 and isomorphic(got.graph, want.graph)
    assert isomorphic(remote.query(f"DESCRIBE <{org}>").graph,
                      embedded.query(f"DESCRIBE <{org}>").graph)
    for ask in ("ASK { ?s a dkg:Summit }", "ASK { ?s a dkg:NoSuchClass }"):
        assert remote.query(ask).boolean is embedded.query(ask).boolean
    # Virtuoso answers boolean constants as integers; the store asks for booleans
    q = "SELECT ?e ?alt WHERE { ?e skos:altLabel ?l BIND(false AS ?alt) } LIMIT 1"
    assert remote.query(q).rows[0][1] == Literal(False)


def test_graph_queries_see_article_graphs_only(graphs):
    remote, embedded = graphs
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    assert _rows(remote.query(q)) == _rows(embedded.query(q))
    assert sorted(remote.membership_graph().edges()) == \
        sorted(embedded.membership_graph().edges())


def test_export_pages_past_the_row_cap(graphs):
    remote, embedded = graphs
    biggest = max(embedded.store.graph_names(), key=lambda g: len(embedded.store.graph(g)))
    assert len(embedded.store.graph(biggest)) > MAX_ROWS  # so paging is exercised
    assert isomorphic(remote.store.graph(biggest), embedded.store.graph(biggest))
    for fmt in ("nquads", "nt"):
        a, b = io.BytesIO(), io.BytesIO()
        assert remote.store.dump(a, fmt) == embedded.store.dump(b, fmt)
        assert a.getvalue() == b.getvalue()


def test_bookkeeping_pages_through_small_pages(server, graphs):
    remote, embedded = graphs
    small = _remote(server, page_size=7)
    assert small.graph_names() == embedded.store.graph_names()
    assert sorted(small.labels()) == sorted(embedded.store.labels())
    name = embedded.store.graph_names()[0]
    assert isomorphic(small.graph(name), embedded.store.graph(name))


def test_truncated_results_say_so(graphs):
    remote, _ = graphs
    everything = remote.query("SELECT * WHERE { ?s ?p ?o }")
    assert everything.truncated and len(everything.rows) == MAX_ROWS
    built = remote.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert built.truncated and 0 < len(built.graph) <= MAX_ROWS
    described = remote.query("DESCRIBE ?s WHERE { ?s a ?type }")
    assert described.truncated
    small = remote.query("SELECT ?s WHERE { ?s a dkg:Summit }")
    assert not small.truncated and small.rows
    capped = remote.query("SELECT ?s WHERE { ?s a dkg:State }", limit=2)
    assert capped.truncated and len(capped.rows) == 2


def test_reingest_unchanged_then_edit_replace_and_remove(graphs, articles, tmp_path):
    remote, embedded = graphs
    before = len(remote.store)
    again = remote.ingest(articles)
    assert again.unchanged == len(again.articles) and again.written == 0
    assert len(remote.store) == before
    text = ("Leaders meet in Bishkek\n\nKyrgyzstan, Russia and Mongolia are members of the "
            "Eurasian Economic Union, the ministers said.\n")
    path = tmp_path / "edit-test.txt"
    for kg in (remote, embedded):
        path.write_text(text, encoding="utf-8")
        assert kg.ingest(path, published="2024-05-01").added == 1
        path.write_text(text.replace(", Russia and Mongolia", " and Russia"), encoding="utf-8")
        assert kg.ingest(path, published="2024-05-01").replaced == 1
    g = "https://w3id.org/diplokg/id/article/edit-test"
    assert isomorphic(remote.store.graph(g), embedded.store.graph(g))
    assert "Mongolia" not in remote.store.graph(g).serialize(format="nt")
    assert _stats(remote) == _stats(embedded)
    q = "SELECT ?m WHERE { ?m dkg:memberOf ?o . ?o rdfs:label ?l FILTER(CONTAINS(?l, 'Eurasian')) }"
    assert _rows(remote.query(q)) == _rows(embedded.query(q))
    assert remote.remove("edit-test") and embedded.remove("edit-test")
    assert len(remote.store) == before and _stats(remote) == _stats(embedded)


def test_hostile_parameters_stay_terms(graphs):
    remote, embedded = graphs
    before = len(remote.store)
    hostile = ['"} ; DROP ALL ; {', "x' } } ; CLEAR DEFAULT ; SELECT * { {'",
               'quote " backslash \\ \\u0022 \\" newline \n tab \t end """',
               "#comment } <http://evil/> ;", "Türkiye — 中国 😀"]
    q = "SELECT ?l ?s WHERE { ?s a dkg:Summit }"
    for text in hostile:
        rows = remote.store.query(q, bindings={"l": Literal(text)}).rows
        assert rows and all(r[0] == Literal(text) for r in rows), text
        assert remote.query("SELECT ?e ?l WHERE { ?e rdfs:label ?l }", l=Literal(text)).rows == []
    assert len(remote.store) == before and remote.store.graph_names() == \
        embedded.store.graph_names()
    with pytest.raises(QueryError, match="not an IRI"):
        remote.store.query(q, bindings={"l": URIRef("http://x/> } ; DROP ALL ; <")})
    assert len(remote.store) == before


def test_hostile_data_is_stored_as_written(graphs):
    remote, _ = graphs
    before = len(remote.store)
    name = "https://w3id.org/diplokg/id/graph/hostile"
    g = Graph()
    s = URIRef("https://w3id.org/diplokg/id/thing/x")
    for i, text in enumerate(['"} } ; DROP ALL ; INSERT DATA { <a> <b> <c> } #',
                              "back\\slash \\u0022 \n\r\t\x01 'single' \"\"\"triple",
                              "Türkiye — 中国 😀"]):
        g.add((s, URIRef(f"https://w3id.org/diplokg/ontology#p{i}"), Literal(text)))
    g.add((s, RDFS.label, Literal("x", lang="en-GB")))
    remote.store.replace_graph(name, g)
    try:
        back = remote.store.graph(name)
        assert {(p, o) for _, p, o in back if p != RDFS.label} == \
            {(p, o) for _, p, o in g if p != RDFS.label}
        assert back.value(s, RDFS.label).language.lower() == "en-gb"  # Virtuoso lower-cases
        assert len(remote.store) == before + len(g)
    finally:
        remote.store.remove_graph(name)
    assert len(remote.store) == before
    with pytest.raises(StoreError, match="cannot write"):
        bad = Graph()
        bad.add((URIRef("https://w3id.org/diplokg/id/a b"), RDFS.label, Literal("x")))
        remote.store.replace_graph(name, bad)


def test_user_queries_are_still_checked(graphs):
    remote, _ = graphs
    with pytest.raises(ForbiddenQuery):
        remote.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(ForbiddenQuery):
        remote.query("SELECT * FROM <http://example.org/x> WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError):
        remote.query("DROP ALL")
    with pytest.raises(QueryError, match="syntax"):
        remote.query("SELECT ?x WHERE { ?x ?y }")


def test_read_only_and_foreign_graphs_and_no_permission(server, graphs):
    remote, _ = graphs
    g = Graph()
    g.add((URIRef("https://w3id.org/diplokg/id/x"), RDFS.label, Literal("x")))
    with pytest.raises(StoreError, match="not one this store may write"):
        remote.store.replace_graph("http://example.org/elsewhere", g)
    with pytest.raises(StoreError, match="not one this store may write"):
        remote.store.replace_graph(remote.store.merged_graph, g)
    with pytest.raises(StoreError, match="not an IRI"):
        remote.store.replace_graph("https://w3id.org/diplokg/id/x> } ; DROP ALL ; <", g)
    with pytest.raises(StoreError, match="read-only"):
        RemoteStore(server.sparql, read_only=True).replace_graph(
            "https://w3id.org/diplokg/id/graph/x", g)
    # Virtuoso's anonymous endpoint may not write until SPARQL_UPDATE is granted (it says
    # SR186 "No permission", or SP031 when the request carries the big-data pragma)
    anonymous = RemoteStore(server.sparql, retries=0)
    with pytest.raises(StoreError, match="Virtuoso .* Error (SR186|SP031)"):
        anonymous.replace_graph("https://w3id.org/diplokg/id/graph/x", g)
    wrong = RemoteStore(server.sparql, update_url=server.sparql_auth, user="dba",
                        password="wrong", retries=0)
    with pytest.raises(StoreError, match="not authorized"):
        wrong.replace_graph("https://w3id.org/diplokg/id/graph/x", g)
    assert "https://w3id.org/diplokg/id/graph/x" not in remote.store.graph_names()


def test_command_line_over_a_url(server, graphs, articles):
    env = dict(os.environ, KG_SPARQL_UPDATE_URL=server.sparql_auth, KG_SPARQL_USER=DBA[0],
               KG_SPARQL_PASSWORD=DBA[1])
    env.pop("KG_STORE", None)
    kg = [str(Path(sys.executable).with_name("kg"))]
    remote, _ = graphs
    before = (remote.store.graph_names(), len(remote.store))
    done = subprocess.run([*kg, "ingest", str(articles), "--store", server.sparql],
                          capture_output=True, text=True, env=env, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "unchanged" in done.stdout  # same articles, same extractor: nothing to write
    assert (remote.store.graph_names(), len(remote.store)) == before
    done = subprocess.run([*kg, "query", "--store", server.sparql, "queries/members.rq",
                           "--param", "org=SCO"], capture_output=True, text=True, env=env,
                          timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "Kazakhstan" in done.stdout and "Russia" in done.stdout


# --------------------------------------------------------------------------- HTTP failures
_OK = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [
    {"n": {"type": "literal", "datatype": str(XSD.integer), "value": "7"}}]}}).encode()


class _Flaky(http.server.BaseHTTPRequestHandler):
    """Answers with the statuses in ``server.plan`` (then 200) and counts requests."""

    def do_POST(self):  # noqa: N802 - http.server's naming
        self.server.hits += 1
        self.server.bodies.append(urllib.parse.parse_qs(
            self.rfile.read(int(self.headers["Content-Length"])).decode()))
        status = self.server.plan.pop(0) if self.server.plan else 200
        if status == "sleep":
            time.sleep(1.0)
            status = 200
        body = _OK if status == 200 else self.server.error_body
        self.send_response(status)
        if status == 429:
            self.send_header("Retry-After", "0")
        self.send_header("Content-Type", "application/sparql-results+json" if status == 200
                         else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except BrokenPipeError:  # the client gave up (the timeout test)
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def flaky():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    srv.hits, srv.plan, srv.bodies = 0, [], []
    srv.error_body = b"Service Unavailable\n"
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _store(srv, **kw) -> RemoteStore:
    kw.setdefault("backoff", 0.01)
    return RemoteStore(f"http://127.0.0.1:{srv.server_address[1]}/sparql",
                       dialect="standard", **kw)


def test_503_twice_then_200_is_retried(flaky):
    flaky.plan = [503, 503]
    store = _store(flaky, retries=3)
    assert store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == \
        [(Literal(7, datatype=XSD.integer),)]
    assert flaky.hits == 3 and store.retried == 2
    # every query names the merged graph as its default graph
    assert flaky.bodies[-1]["default-graph-uri"] == [store.merged_graph]


def test_429_is_retried(flaky):
    flaky.plan = [429]
    store = _store(flaky, retries=2)
    assert store.query("SELECT ?n WHERE { ?s ?p ?n }").rows
    assert flaky.hits == 2


def test_permanent_503_fails_after_bounded_retries(flaky):
    flaky.plan = [503] * 50
    store = _store(flaky, retries=3, backoff=0.05)
    t0 = time.monotonic()
    with pytest.raises(QueryError, match="HTTP 503.*gave up after 4 attempts"):
        store.query("SELECT ?n WHERE { ?s ?p ?n }")
    assert flaky.hits == 4 and time.monotonic() - t0 < 3
    flaky.plan, flaky.hits = [503] * 50, 0
    with pytest.raises(QueryError, match="gave up"):  # the time budget bounds it too
        _store(flaky, retries=50, backoff=0.2, retry_budget=1.0).query(
            "SELECT ?n WHERE { ?s ?p ?n }")
    assert 1 < flaky.hits < 10


def test_permanent_server_errors_are_not_retried(flaky):
    flaky.plan = [500]
    flaky.error_body = (b"Virtuoso 42000 Error SR186:SECURITY: No permission to execute "
                        b"procedure DB.DBA.SPARQL_INSERT_DICT_CONTENT\n\nSPARQL query:\n...")
    with pytest.raises(QueryError, match="HTTP 500: Virtuoso 42000 Error SR186"):
        _store(flaky, retries=3).query("SELECT ?n WHERE { ?s ?p ?n }")
    assert flaky.hits == 1
    flaky.plan, flaky.hits = [400], 0
    flaky.error_body = b"Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error\n"
    with pytest.raises(QueryError, match="SP030"):
        _store(flaky, retries=3).query("SELECT ?n WHERE { ?s ?p ?n }")
    assert flaky.hits == 1


def test_slow_server_times_out(flaky):
    flaky.plan = ["sleep"]
    with pytest.raises(QueryTimeout):
        _store(flaky, retries=0).query("SELECT ?n WHERE { ?s ?p ?n }", timeout=0.3)
    flaky.plan = ["sleep"]
    with pytest.raises(QueryTimeout):
        _store(flaky, retries=0, timeout=0.3).query("SELECT ?n WHERE { ?s ?p ?n }",
                                                      timeout=None)


def test_nothing_listening_is_a_store_error():
    port = __import__("virtuoso").free_port()
    with pytest.raises(StoreError, match="cannot connect"):
        RemoteStore(f"http://127.0.0.1:{port}/sparql", retries=0).graph_names()


# --------------------------------------------------------------------------- no server
def test_open_store_takes_urls(monkeypatch):
    monkeypatch.setenv("KG_SPARQL_UPDATE_URL", "http://127.0.0.1:1/update")
    store = open_store("http://127.0.0.1:1/sparql", read_only=True)
    assert isinstance(store, RemoteStore) and store.read_only
    assert store.update_url == "http://127.0.0.1:1/update"
    with pytest.raises(StoreError, match="not an http"):
        RemoteStore("ftp://example.org/sparql")


def test_terms_are_escaped_and_bound_first_in_the_where_group():
    assert sparql_term(Literal('a"b\\c\nd')) == '"a\\"b\\\\c\\nd"'
    assert sparql_term(Literal("x", lang="en-GB")) == '"x"@en-GB'
    assert sparql_term(Literal("1", datatype=XSD.integer)) == \
        f'"1"^^<{XSD.integer}>'
    q = ("PREFIX ex: <http://example.org/{x}#>\n# a comment { with braces\n"
         "SELECT ?s (EXISTS { ?s ?p 'a{b' } AS ?e) WHERE { ?s ex:p \"}\" FILTER(?o) }")
    out = bind_values(q, {"o": Literal(True)})
    assert out.endswith('WHERE { VALUES (?o) { ("true"^^'
                        '<http://www.w3.org/2001/XMLSchema#boolean>) } ?s ex:p "}" FILTER(?o) }')
    construct = bind_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                            {"s": URIRef("http://x/")})
    assert construct == "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<http://x/>) } ?s ?p ?o }"
