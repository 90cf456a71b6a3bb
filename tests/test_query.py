"""User SPARQL: refusal of dangerous queries, syntax errors, bindings, row caps,
deadlines, result formats, named queries and parameter resolution."""
from __future__ import annotations

import csv
import io
import json
import threading
import time
import xml.etree.ElementTree as ET

import pytest
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

import kgsample as ks
from kg.errors import (AmbiguousEntity, EntityNotFound, FormatError, ForbiddenQuery, QueryError,
                       QueryTimeout)
from kg.namespaces import DKG
from kg.query import (QueryResult, check_query, named_queries, parse_header, resolve_entity,
                      resolve_params)
from kg.store import open_store


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = open_store(None if request.param == "memory" else tmp_path / "store")
    ks.load_sample(s)
    yield s
    s.close()


def run(store, name, **params):
    nq = named_queries()[name]
    return store.query(nq.text, bindings=resolve_params(store, params, query=nq))


def col(result, var):
    i = result.vars.index(var)
    return [None if row[i] is None else str(row[i]) for row in result.rows]


# --------------------------------------------------------------------------- check_query
@pytest.mark.parametrize("sparql, word", [
    ("SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT ?x { ?a ?b ?c } } }", "SERVICE"),
    ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } } } }", "SERVICE"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", "INSERT DATA"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("DROP ALL", "DROP"),
    ("CLEAR DEFAULT", "CLEAR"),
    ("CREATE GRAPH <http://g>", "CREATE"),
    ("COPY DEFAULT TO <http://g>", "COPY"),
    ("WITH <http://g> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
     "DELETE/INSERT"),
    ("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }", "FROM <http"),
    ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
     "FROM NAMED <file:///etc/passwd>"),
    ("PREFIX x: <file:///etc/>\nSELECT * FROM x:passwd WHERE { ?s ?p ?o }",
     "FROM <file:///etc/passwd>"),
])
def test_forbidden_queries_are_refused(sparql, word):
    with pytest.raises(ForbiddenQuery) as info:
        check_query(sparql)
    assert str(info.value).startswith(word)


def test_keywords_in_comments_and_strings_are_not_refused():
    info = check_query('# SERVICE <http://x> LOAD <http://y>\n'
                       'SELECT ?s WHERE { ?s rdfs:label "SERVICE <http://evil> { }" }')
    assert info.kind == "select"


def test_query_forms():
    assert check_query("ASK { ?s ?p ?o }").kind == "ask"
    assert check_query("CONSTRUCT WHERE { ?s ?p ?o }").kind == "graph"
    assert check_query("DESCRIBE <http://x>").kind == "graph"
    assert check_query("SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a").projection \
        == ("a", "n")
    assert check_query("SELECT * WHERE { ?a ?p ?b }").projection is None


def test_syntax_error_has_line_and_column():
    with pytest.raises(QueryError) as info:
        check_query("SELECT ?s\nWHERE {\n  ?s ?p\n}")
    msg = str(info.value)
    assert msg.startswith("SPARQL syntax error at line 3, column")
    assert not isinstance(info.value, ForbiddenQuery)


def test_empty_query_and_unknown_prefix_in_from():
    with pytest.raises(QueryError, match="empty query"):
        check_query("  ")
    with pytest.raises(QueryError, match="Unknown namespace prefix : zz"):
        check_query("SELECT * FROM zz:a WHERE { ?s ?p ?o }")


def test_from_is_restricted_to_store_graphs(store):
    q = f"SELECT ?m WHERE {{ ?m dkg:memberOf ?o }}"
    only_brics = store.query(f"SELECT DISTINCT ?m FROM <{ks.ART_BRICS}> WHERE {{ ?m dkg:memberOf ?o }}")
    assert sorted(col(only_brics, "m")) == sorted(str(ks.state(c)) for c in ks.BRICS_MEMBERS)
    named = store.query(f"SELECT ?g (COUNT(*) AS ?n) FROM NAMED <{ks.ART_SCO}> "
                        "WHERE { GRAPH ?g { ?s dkg:memberOf ?o } } GROUP BY ?g")
    assert [(str(g), int(n)) for g, n in named.rows] == [(str(ks.ART_SCO), 8)]
    with pytest.raises(ForbiddenQuery, match="only graphs of this store"):
        store.query("SELECT * FROM <https://w3id.org/diplokg/id/article/unknown> WHERE { ?s ?p ?o }")
    assert len(store.query(q).rows) == 13  # 8 SCO + 5 BRICS memberships


# --------------------------------------------------------------------------- evaluation
def test_select_ask_construct_describe(store):
    r = store.query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", bindings={"s": ks.SCO})
    assert r.kind == "select" and r.vars == ["s", "l"]
    assert r.rows == [(ks.SCO, Literal("Shanghai Cooperation Organisation"))]
    assert store.query("ASK { ?s dkg:memberOf ?o }", bindings={"s": ks.state("KAZ")}).boolean
    assert not store.query("ASK { ?s dkg:memberOf ?o }", bindings={"s": ks.state("BRA"),
                                                                   "o": ks.SCO}).boolean
    g = store.query("CONSTRUCT { ?o dkg:hasMember ?s } WHERE { ?s dkg:memberOf ?o }",
                    bindings={"o": ks.BRICS})
    assert g.kind == "graph"
    assert set(g.graph) == {(ks.BRICS, DKG.hasMember, ks.state(c)) for c in ks.BRICS_MEMBERS}
    d = store.query(f"DESCRIBE <{ks.PACKAGE}>")
    assert (ks.PACKAGE, DKG.documentCount, Literal(24, datatype=XSD.integer)) in d.graph


def test_unbound_is_none_and_types_are_rdflib(store):
    r = store.query("SELECT ?s ?end WHERE { ?s a dkg:Summit OPTIONAL { ?s dkg:theme ?end } } "
                    "ORDER BY ?s")
    assert r.rows == [(ks.KAZAN, None),
                      (ks.SUMMIT, Literal("Strengthening Multilateral Dialogue"))]


def test_bindings_are_terms_not_text(store):
    # a value that would break out of the query if it were pasted into the text
    evil = Literal('x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "')
    r = store.query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", bindings={"l": evil})
    assert r.rows == []
    assert len(store.graph_names()) == 2


def test_binding_must_be_projected_on_every_store(store):
    with pytest.raises(QueryError, match=r"parameter \?org must appear in the SELECT clause"):
        store.query("SELECT ?m WHERE { ?m dkg:memberOf ?org }", bindings={"org": ks.SCO})
    with pytest.raises(QueryError, match="is not an RDF term"):
        store.query("SELECT * WHERE { ?m dkg:memberOf ?org }", bindings={"org": "SCO"})


def test_limit_truncates(store):
    r = store.query("SELECT ?m WHERE { ?m dkg:memberOf ?o } ORDER BY ?m", limit=3)
    assert r.truncated and len(r.rows) == 3
    assert col(r, "m") == [str(ks.state(c)) for c in ("BRA", "CHN", "CHN")]
    exact = store.query("SELECT ?m ?o WHERE { ?m dkg:memberOf ?o }", bindings={"o": ks.BRICS},
                        limit=5)
    assert not exact.truncated and len(exact.rows) == 5
    g = store.query("CONSTRUCT WHERE { ?s rdfs:label ?o }", limit=4)
    assert g.truncated and len(g.graph) == 4


def test_store_error_for_bad_sparql_in_engine(store):
    with pytest.raises(QueryError, match="syntax error"):
        store.query("SELECT ?x WHERE { ?x ?p }")


# --------------------------------------------------------------------------- deadline
@pytest.fixture(params=["memory", "oxigraph"])
def big_store(request, tmp_path):
    s = open_store(None if request.param == "memory" else tmp_path / "big")
    g = Graph()
    for i in range(3000):
        g.add((URIRef(f"https://w3id.org/diplokg/id/n/{i}"), RDFS.label,
               Literal(i, datatype=XSD.integer)))
    s.replace_graph("https://w3id.org/diplokg/id/article/big", g)
    yield s
    s.close()


SLOW = ("SELECT ?a ?b WHERE { ?a rdfs:label ?x . ?b rdfs:label ?y . "
        "FILTER(?x * ?y = -1) }")


def test_deadline_raises_and_the_store_stays_usable(big_store):
    threads = threading.active_count()
    t0 = time.perf_counter()
    with pytest.raises(QueryTimeout, match="deadline of 0.3 s"):
        big_store.query(SLOW, timeout=0.3)
    elapsed = time.perf_counter() - t0
    assert 0.3 <= elapsed < 1.5
    # the process is still usable: other queries and writes work at once
    n = big_store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=5).rows[0][0]
    assert int(n) == 3000
    big_store.replace_graph("https://w3id.org/diplokg/id/article/small", ks.sco_graph())
    assert len(big_store.graph_names()) == 2
    if big_store.location is None:  # rdflib: the worker is interrupted, not left running
        deadline = time.time() + 5
        while threading.active_count() > threads and time.time() < deadline:
            time.sleep(0.05)
        assert threading.active_count() == threads


def test_no_deadline_runs_inline(store):
    assert store.query("ASK { ?s ?p ?o }", timeout=None).boolean
    with pytest.raises(QueryError, match="timeout must be positive"):
        store.query("ASK { ?s ?p ?o }", timeout=0)


# --------------------------------------------------------------------------- formats
@pytest.fixture
def members(store):
    return store.query("SELECT ?org ?m ?l WHERE { ?m dkg:memberOf ?org ; rdfs:label ?l } "
                       "ORDER BY ?l", bindings={"org": ks.BRICS})


def test_table_format(members):
    text = members.serialize("table", width=12)
    lines = text.splitlines()
    assert lines[0].split() == ["org", "m", "l"]
    assert lines[1] == "------------  ------------  ------------"
    assert lines[2] == "dkgr:org/BR…  dkgr:state/…  Brazil"
    assert lines[-1] == "(5 rows)"
    assert [line[28:] for line in lines[2:-1]] == ["Brazil", "China", "India", "Russia",
                                                   "South Africa"]


def test_csv_tsv_json_xml(members):
    rows = list(csv.reader(io.StringIO(members.serialize("csv"))))
    assert rows[0] == ["org", "m", "l"]
    assert rows[1] == [str(ks.BRICS), str(ks.state("BRA")), "Brazil"]
    tsv = members.serialize("tsv").splitlines()
    assert tsv[0] == "?org\t?m\t?l"
    assert tsv[1] == f"<{ks.BRICS}>\t<{ks.state('BRA')}>\t\"Brazil\""
    data = json.loads(members.serialize("json"))
    assert data["head"]["vars"] == ["org", "m", "l"]
    assert data["results"]["bindings"][0]["l"] == {"type": "literal", "value": "Brazil"}
    assert data["results"]["bindings"][0]["m"] == {"type": "uri", "value": str(ks.state("BRA"))}
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(members.serialize("xml"))
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["org", "m", "l"]
    first = root.find("r:results/r:result", ns)
    assert first.find("r:binding[@name='l']/r:literal", ns).text == "Brazil"
    assert len(root.findall("r:results/r:result", ns)) == 5


def test_typed_values_in_json_and_xml(store):
    r = store.query("SELECT ?n ?d WHERE { ?p dkg:documentCount ?n . ?p dkg:signedAt ?e . "
                    "?e dkg:startDate ?d }")
    data = json.loads(r.serialize("json"))["results"]["bindings"][0]
    assert data["n"] == {"type": "literal", "value": "24", "datatype": str(XSD.integer)}
    assert data["d"]["datatype"] == str(XSD.date)
    assert 'datatype="http://www.w3.org/2001/XMLSchema#date">2024-07-03<' in r.serialize("xml")


def test_ask_and_graph_formats(store):
    ask = store.query("ASK { ?s a dkg:Summit }")
    assert json.loads(ask.serialize("json")) == {"head": {}, "boolean": True}
    assert "<boolean>true</boolean>" in ask.serialize("xml")
    assert ask.serialize("table") == "true"
    g = store.query("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }",
                    bindings={"s": ks.SCO})
    assert g.serialize("nt") == (f"<{ks.SCO}> <http://www.w3.org/2000/01/rdf-schema#label> "
                                 "\"Shanghai Cooperation Organisation\" .\n")
    assert "Shanghai Cooperation Organisation" in g.serialize("turtle")
    assert json.loads(g.serialize("json-ld"))["@graph"][0]["label"] == \
        "Shanghai Cooperation Organisation"
    assert g.serialize("table").splitlines()[-1] == "(1 row)"


def test_unknown_result_format(members, store):
    with pytest.raises(FormatError, match="'yaml'.*table, csv, tsv, json, xml"):
        members.serialize("yaml")
    with pytest.raises(FormatError, match="for a graph result"):
        store.query("CONSTRUCT WHERE { ?s ?p ?o }").serialize("xml")


def test_to_dicts(members):
    assert members.to_dicts()[0] == {"org": ks.BRICS, "m": ks.state("BRA"),
                                     "l": Literal("Brazil")}
    assert QueryResult(kind="ask", boolean=False).to_dicts()[0]["boolean"] == Literal(False)


# --------------------------------------------------------------------------- named queries
def test_named_query_headers():
    qs = named_queries()
    assert {"members", "summits", "participants", "agreements", "officials", "co_membership",
            "memberships", "entity", "sources"} <= set(qs)
    assert qs["members"].params == ["org"] and qs["members"].required == ["org"]
    assert qs["summits"].params == ["org"] and qs["summits"].required == []
    assert qs["co_membership"].params == []
    assert all(q.description for q in qs.values())
    for q in qs.values():  # every named query passes the checks and projects its parameters
        info = check_query(q.text)
        info.check_bindings(q.params)
        for p in q.params:  # Oxigraph's substitution does not reach BIND / BOUND reliably
            assert f"BIND(?{p}" not in q.text and f"BOUND(?{p}" not in q.text


def test_parse_header_errors():
    with pytest.raises(QueryError, match="unknown option 'colour'"):
        parse_header("# params: x (colour)\nSELECT * {}", source="q.rq")
    h = parse_header("# params: since (date, optional), n (integer)\nASK {}")
    assert [(p.name, p.kind, p.optional) for p in h["params"]] == [("since", "date", True),
                                                                   ("n", "integer", False)]


def test_members(store):
    r = run(store, "members", org="SCO")
    assert col(r, "label") == ["China", "India", "Kazakhstan", "Kyrgyzstan", "Pakistan", "Russia",
                               "Tajikistan", "Uzbekistan"]
    assert set(col(r, "type")) == {str(DKG.State)}
    assert col(r, "wikidata")[col(r, "label").index("Russia")] == \
        "http://www.wikidata.org/entity/Q159"


def test_memberships_include_partners(store):
    assert [(lab, rel) for _, _, lab, rel in
            [tuple(map(str, row)) for row in run(store, "memberships", state="Russia").rows]] == \
        [("BRICS", "member"), ("Shanghai Cooperation Organisation", "member")]
    r = run(store, "memberships", state="Turkey")
    assert [(str(r_[2]), str(r_[3])) for r_ in r.rows] == [("BRICS", "partner")]


def test_summits_with_and_without_org(store):
    everything = run(store, "summits")
    assert col(everything, "summit") == [str(ks.SUMMIT), str(ks.KAZAN)]
    assert col(everything, "status") == ["planned", "happened"]
    assert col(everything, "start") == ["2024-07-03", "2024-10-22"]
    assert col(everything, "end") == ["2024-07-04", "2024-10-24"]
    sco = run(store, "summits", org="SCO")
    assert col(sco, "summit") == [str(ks.SUMMIT)]
    assert col(sco, "placeLabel") == ["Astana"] and col(sco, "hostLabel") == ["Kazakhstan"]
    assert col(run(store, "summits", org="BRICS"), "hostLabel") == ["Russia"]


def test_participants_and_agreements(store):
    r = run(store, "participants", event="SCO summit in Astana")
    assert col(r, "label") == ["Kassym-Jomart Tokayev", "Vladimir Putin", "Russia"]
    assert col(r, "title") == ["President", "President", None]
    a = run(store, "agreements", event="SCO summit")
    assert [(lab, how, n) for lab, how, n in zip(col(a, "label"), col(a, "how"),
                                                  col(a, "documents"))] == [
        ("package of 24 joint documents", "signed", "24"), ("Astana Declaration", "adopted", None)]


def test_officials(store):
    r = run(store, "officials", state="China")
    assert list(zip(col(r, "label"), col(r, "role"), col(r, "title"))) == [
        ("Xi Jinping", "leader", "President"), ("Li Hui", "official", "Special Envoy"),
        ("Li Qiang", "official", "Premier")]


def test_co_membership(store):
    r = run(store, "co_membership")
    top = [(a, b, int(n), orgs) for a, b, n, orgs in
           zip(col(r, "aLabel"), col(r, "bLabel"), col(r, "shared"), col(r, "organizations"))][:3]
    assert top == [("China", "India", 2, "BRICS, Shanghai Cooperation Organisation"),
                   ("China", "Russia", 2, "BRICS, Shanghai Cooperation Organisation"),
                   ("India", "Russia", 2, "BRICS, Shanghai Cooperation Organisation")]
    assert len(r.rows) == 28 + 10 - 3  # SCO pairs + BRICS pairs - pairs in both


def test_sources_and_entity(store):
    r = run(store, "sources", entity="Russia")
    assert col(r, "article") == [str(ks.ART_SCO), str(ks.ART_BRICS)]
    assert col(r, "property")[0] == str(DKG.memberOf)
    assert col(r, "sentence")[0].startswith("The SCO member countries include China")
    e = run(store, "entity", entity="dkgr:org/SCO")
    assert ("http://www.w3.org/2002/07/owl#sameAs", "http://www.wikidata.org/entity/Q485207") in \
        list(zip(col(e, "property"), col(e, "value")))


# --------------------------------------------------------------------------- resolution
@pytest.mark.parametrize("name", ["SCO", "sco", "Sco", "Shanghai Cooperation Organisation",
                                  "shanghai cooperation ORGANIZATION", "dkgr:org/SCO",
                                  "https://w3id.org/diplokg/id/org/SCO",
                                  "<https://w3id.org/diplokg/id/org/SCO>", "wd:Q485207"])
def test_resolve_sco(store, name):
    assert resolve_entity(store, name) == ks.SCO


def test_resolve_ignores_accents_and_prefers_labels(store):
    assert resolve_entity(store, "turkiye") == ks.state("TUR")
    assert resolve_entity(store, "TÜRKIYE") == ks.state("TUR")
    assert resolve_entity(store, "Putin") == ks.PUTIN
    # "SCO summit" is an alt label of the summit; no preferred label competes
    assert resolve_entity(store, "sco summit") == ks.SUMMIT


def test_ambiguous_name_lists_candidates(store):
    with pytest.raises(AmbiguousEntity) as info:
        resolve_entity(store, "Li")
    assert info.value.candidates == [ks.LI_HUI, ks.LI_QIANG]
    assert "dkgr:person/li-hui (Li Hui)" in str(info.value)
    assert "dkgr:person/li-qiang (Li Qiang)" in str(info.value)


def test_unknown_entity(store):
    with pytest.raises(EntityNotFound, match="no entity named 'Atlantis'"):
        resolve_entity(store, "Atlantis")
    with pytest.raises(EntityNotFound, match="did you mean 'kazakhstan'"):
        resolve_entity(store, "Kazakstan")
    with pytest.raises(EntityNotFound, match="no entity dkgr:org/NOPE"):
        resolve_entity(store, "dkgr:org/NOPE")
    with pytest.raises(EntityNotFound):
        resolve_entity(store, "wd:Q1")


def test_resolve_params_kinds(store):
    from kg.query import NamedQuery, Param
    from pathlib import Path

    nq = NamedQuery("t", Path("t.rq"), ["org", "since", "n", "y"], "",
                    (Param("org"), Param("since", "date", True), Param("n", "integer", True),
                     Param("y", "year", True)))
    out = resolve_params(store, {"org": "SCO", "since": "2024-07-01", "n": "24", "y": "2001"},
                         query=nq)
    assert out == {"org": ks.SCO, "since": Literal("2024-07-01", datatype=XSD.date),
                   "n": Literal(24, datatype=XSD.integer), "y": Literal("2001", datatype=XSD.gYear)}
    with pytest.raises(QueryError, match="'July 1' is not a YYYY-MM-DD date"):
        resolve_params(store, {"org": "SCO", "since": "July 1"}, query=nq)
    with pytest.raises(QueryError, match="has no parameter 'colour'"):
        resolve_params(store, {"org": "SCO", "colour": "red"}, query=nq)
    with pytest.raises(QueryError, match="needs parameter 'org'"):
        resolve_params(store, {"since": "2024-07-01"}, query=nq)
    term = Literal("kept")
    assert resolve_params(store, {"x": term}) == {"x": term}


def test_label_index_is_refreshed_after_writes(store):
    with pytest.raises(EntityNotFound):
        resolve_entity(store, "Astana Declaration 2")
    g = Graph()
    g.add((ks.DECLARATION, RDFS.label, Literal("Astana Declaration 2")))
    store.replace_graph("https://w3id.org/diplokg/id/article/extra", g)
    assert resolve_entity(store, "Astana Declaration 2") == ks.DECLARATION


def test_exact_name_is_looked_up_before_folding(store):
    g = Graph()
    g.add((URIRef("https://w3id.org/diplokg/id/person/sco-fan"), SKOS.altLabel, Literal("Sco")))
    store.replace_graph("https://w3id.org/diplokg/id/article/extra", g)
    assert resolve_entity(store, "Sco") == URIRef("https://w3id.org/diplokg/id/person/sco-fan")
    assert resolve_entity(store, "SCO") == ks.SCO
    with pytest.raises(AmbiguousEntity, match="'sco' matches 2 entities"):
        resolve_entity(store, "sco")
