"""NetworkX views of the graph, read through SPARQL.

A view pulls only the edges it needs (a query for the edges, one or two for
the node attributes) instead of converting the whole RDF graph, which costs
seconds at a million triples. Node and edge order is sorted, so written files
are deterministic. The views (:data:`VIEWS`):

``membership``
    bipartite :class:`networkx.Graph` of members (``bipartite=0``) and
    organizations (``bipartite=1``), ``dkg:memberOf`` edges with ``sources``
    (ids of the articles that state it) and ``first_seen`` (the earliest of
    their publication dates);
``co_membership``
    states linked when they share organizations: ``weight`` (how many) and
    ``organizations`` (their labels);
``attendance``
    bipartite graph of events (``bipartite=0``) and their participants
    (``bipartite=1``);
``meetings``
    people and states linked by bilateral meetings (``dkg:BilateralMeeting``):
    ``weight``, ``meetings`` (labels) and ``dates``; the states of people come
    from ``dkg:leaderOf`` / ``dkg:officialOf`` when the meeting does not list them;
``full``
    the whole graph as a :class:`networkx.MultiDiGraph`: IRI-valued triples are
    edges keyed by the predicate's local name, literals are node attributes;
``ego``
    the entities within ``radius`` links of one entity (a ``MultiDiGraph``).

Every node has ``iri``, ``label``, ``type`` (local name of its most specific
class) and ``wikidata`` attributes. Every view takes ``organization``,
``types`` and ``start``/``end`` filters (see :func:`build_view`).

>>> from kg.store import open_store
>>> from kg.entities import EXAMPLE_TTL
>>> from rdflib import Graph
>>> store = open_store()
>>> store.replace_graph("https://w3id.org/diplokg/id/article/a",
...                     Graph().parse(data=EXAMPLE_TTL, format="turtle"))
>>> G = membership_graph(store)
>>> sorted(G.nodes(data="label"))  # doctest: +NORMALIZE_WHITESPACE
[('https://w3id.org/diplokg/id/org/SCO', 'Shanghai Cooperation Organisation'),
 ('https://w3id.org/diplokg/id/state/KAZ', 'Kazakhstan'),
 ('https://w3id.org/diplokg/id/state/RUS', 'Russia')]
>>> G.nodes["https://w3id.org/diplokg/id/state/KAZ"]["bipartite"]
0
>>> G.edges["https://w3id.org/diplokg/id/state/KAZ", "https://w3id.org/diplokg/id/org/SCO"]["sources"]
['a']
>>> sorted(build_view(store, "attendance").edges())
[('https://w3id.org/diplokg/id/event/sco-summit', 'https://w3id.org/diplokg/id/person/vladimir-putin')]
"""
from __future__ import annotations

import datetime as _dt
import io
import itertools
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path as _FilePath
from typing import TYPE_CHECKING, Any, BinaryIO

import networkx as nx
from rdflib import OWL, RDF, RDFS, BNode, Literal, URIRef

from .entities import class_closure, local_name, parse_date_arg, relation_filter
from .errors import FormatError, InputError, KGError
from .namespaces import DKG, PREFIXES, WD

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

__all__ = ["VIEWS", "VIEW_FORMATS", "DATA_FORMATS", "PICTURE_FORMATS", "build_view",
           "membership_graph", "co_membership_graph", "attendance_graph", "meetings_graph",
           "full_graph", "ego_graph", "shortest_path", "Path", "Step", "write_view",
           "view_bytes"]

#: the view names of :func:`build_view`
VIEWS = ("membership", "co_membership", "attendance", "meetings", "full", "ego")
#: graph file formats
DATA_FORMATS = ("graphml", "gexf", "json")
#: pictures: static (matplotlib) and a self-contained interactive page
PICTURE_FORMATS = ("png", "svg", "html")
#: every format of :func:`write_view`
VIEW_FORMATS = DATA_FORMATS + PICTURE_FORMATS

_ARTICLE_NS = "article/"
# most specific first: the class a node is drawn and filtered as
_SPECIFIC = ["Summit", "BilateralMeeting", "Meeting", "Visit", "Event", "State",
             "InternationalOrganization", "Organ", "Organization", "Person", "City", "Region",
             "Place", "Declaration", "AgreementPackage", "Agreement", "Article", "Evidence"]
# one UNION branch per property, so each is an index lookup: "?n ?p ?v FILTER(?p IN ...)"
# reads every triple of ?n, and states and organizations are mentionedIn thousands of articles
_ATTR_UNION = " UNION ".join(f"{{{{ ?{{node}} {p} ?v BIND({p} AS ?p) }}}}" for p in (
    "rdf:type", "rdfs:label", "owl:sameAs", "dkg:startDate", "dkg:endDate"))
_CHUNK = 200


# --------------------------------------------------------------------------- node attributes
def _specific_type(types: Iterable[URIRef]) -> str | None:
    names = {local_name(str(t)) for t in types if str(t).startswith(str(DKG._NS))}
    return next((n for n in _SPECIFIC if n in names), min(names) if names else None)


def _node_attrs(iri: str, facts: dict) -> dict[str, Any]:
    labels = sorted(str(v) for v in facts.get(RDFS.label, ()))
    qids = sorted(str(v)[len(str(WD)):] for v in facts.get(OWL.sameAs, ())
                  if str(v).startswith(str(WD)))
    attrs: dict[str, Any] = {"iri": iri, "label": labels[0] if labels else None,
                             "type": _specific_type(facts.get(RDF.type, ())),
                             "wikidata": qids[0] if qids else None}
    for key, prop in (("start", DKG.startDate), ("end", DKG.endDate)):
        values = sorted(str(v) for v in facts.get(prop, ()))
        if values:
            attrs[key] = values[0]
    return attrs


def _facts_where(store: "Store", pattern: str, node: str, bindings=None) -> dict[str, dict]:
    """``{iri: {predicate: values}}`` for the nodes ``?node`` that ``pattern`` matches."""
    head = " ".join(f"?{b}" for b in (bindings or {}) if b not in (node, "p", "v"))
    rows = store.query(f"SELECT DISTINCT {head} ?{node} ?p ?v WHERE {{ {pattern} "
                       f"{_ATTR_UNION.format(node=node)} }}", bindings=bindings,
                       timeout=None).rows
    facts: dict[str, dict] = {}
    for row in rows:
        n, p, v = row[-3:]
        facts.setdefault(str(n), {}).setdefault(p, set()).add(v)
    return facts


def _facts_of(store: "Store", iris: Iterable[str]) -> dict[str, dict]:
    """``{iri: {predicate: values}}`` for given IRIs, a few hundred per query."""
    facts: dict[str, dict] = {}
    ordered = sorted({i for i in iris if not i.startswith("_:")})
    for i in range(0, len(ordered), _CHUNK):
        values = " ".join(f"<{x}>" for x in ordered[i:i + _CHUNK])
        facts.update(_facts_where(store, f"VALUES ?n {{ {values} }}", "n"))
    return facts


def _type_filter(types: Iterable[str] | None) -> frozenset[str] | None:
    if types is None:
        return None
    allowed: set[str] = set()
    for t in types:
        allowed |= {local_name(str(c)) for c in class_closure(t)}
    return frozenset(allowed)


def _article_id(graph: Any) -> str:
    text = str(graph)
    base = text.split(_ARTICLE_NS, 1)
    return base[1] if len(base) == 2 else text


def _date_literal(d: _dt.date) -> str:
    return f'"{d.isoformat()}"^^xsd:date'


def _published_clause(graph_var: str, start: _dt.date | None, end: _dt.date | None) -> str:
    conds = []
    if start is not None:
        conds.append(f"?published >= {_date_literal(start)}")
    if end is not None:
        conds.append(f"?published <= {_date_literal(end)}")
    return f"{graph_var} dkg:published ?published . FILTER({' && '.join(conds)})"


def _in_range(first: str | None, last: str | None, start: _dt.date | None,
              end: _dt.date | None) -> bool:
    if start is None and end is None:
        return True
    if first is None:
        return False
    last = last or first
    return (start is None or last >= start.isoformat()) and \
        (end is None or first <= end.isoformat())


def _sorted_graph(G: nx.Graph) -> nx.Graph:
    """A copy with nodes and edges in sorted order (for deterministic files and drawings)."""
    H = G.__class__()
    H.graph.update(G.graph)
    for n in sorted(G.nodes, key=str):
        H.add_node(n, **dict(sorted(G.nodes[n].items())))
    if G.is_multigraph():
        for u, v, k, d in sorted(G.edges(keys=True, data=True),
                                 key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
            H.add_edge(u, v, key=k, **dict(sorted(d.items())))
    else:
        for u, v, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
            H.add_edge(u, v, **dict(sorted(d.items())))
    return H


# --------------------------------------------------------------------------- membership
_MEMBER_EDGES = "SELECT DISTINCT ?org ?member WHERE { ?member dkg:memberOf ?org }"
# grouped in the store: one row per membership, not one per article stating it
_MEMBER_SOURCES = """SELECT ?org ?member (GROUP_CONCAT(DISTINCT STR(?g); separator=" ") AS ?graphs)
    (GROUP_CONCAT(DISTINCT COALESCE(STR(?published), ""); separator=" ") AS ?dates) WHERE {
  GRAPH ?g { ?member dkg:memberOf ?org }
  OPTIONAL { ?g dkg:published ?published }
} GROUP BY ?org ?member"""


def membership_graph(store: "Store", *, organization: URIRef | None = None,
                     types: Iterable[str] | None = None, start: _dt.date | str | None = None,
                     end: _dt.date | str | None = None) -> nx.Graph:
    """States (and organizations) linked to the organizations they are full members of.

    Parameters
    ----------
    store : kg.store.Store
        Where to read.
    organization : rdflib.URIRef, optional
        Only this organization and its members.
    types : iterable of str, optional
        Only members of these classes (with subclasses), e.g. ``["State"]``.
    start, end : date or "YYYY-MM-DD", optional
        Only memberships stated by articles published in this range.

    Returns
    -------
    networkx.Graph
        Nodes are IRIs with ``iri``, ``label``, ``type``, ``wikidata`` and
        ``bipartite`` (0 for members, 1 for organizations; an organization
        that is itself a member, like the EU in the G20, is in partition 1);
        edges have ``relation="memberOf"``, ``sources`` (sorted article ids)
        and ``first_seen`` (earliest publication date, ISO, or ``None``).
    """
    lo, hi = parse_date_arg(start, "start"), parse_date_arg(end, "end")
    bindings = {"org": organization} if organization is not None else None
    edges = {(str(m), str(o)) for o, m in store.query(_MEMBER_EDGES, bindings=bindings,
                                                       timeout=None).rows}
    sources: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for o, m, graphs, dates in store.query(_MEMBER_SOURCES, bindings=bindings,
                                           timeout=None).rows:
        sources[(str(m), str(o))] = (sorted(_article_id(g) for g in str(graphs).split()),
                                     sorted(str(dates).split()))
    facts = _facts_where(store, "?n dkg:memberOf ?org .", "n", bindings)
    facts.update(_facts_where(store, "?m dkg:memberOf ?n .", "n",
                              {"n": organization} if organization is not None else None))
    allowed = _type_filter(types)
    G = nx.Graph(view="membership")
    orgs = {o for _, o in edges}
    for member, org in sorted(edges):
        found, dates = sources.get((member, org), ([], []))
        first = dates[0] if dates else None
        if (lo or hi) and not any(_in_range(d, d, lo, hi) for d in dates):
            continue
        m_attrs = _node_attrs(member, facts.get(member, {}))
        if allowed is not None and m_attrs["type"] not in allowed:
            continue
        G.add_node(member, **m_attrs, bipartite=1 if member in orgs else 0)
        G.add_node(org, **_node_attrs(org, facts.get(org, {})), bipartite=1)
        G.add_edge(member, org, relation="memberOf", sources=found, first_seen=first)
    return _sorted_graph(G)


def co_membership_graph(store: "Store", *, organization: URIRef | None = None,
                        types: Iterable[str] | None = ("State",),
                        start: _dt.date | str | None = None,
                        end: _dt.date | str | None = None) -> nx.Graph:
    """Members linked when they belong to the same organizations.

    The filters are those of :func:`membership_graph` (``types`` defaults to
    states). Edges have ``weight`` (number of shared organizations),
    ``organizations`` (their labels, sorted) and ``organization_iris``.
    """
    M = membership_graph(store, organization=organization, types=types, start=start, end=end)
    G = nx.Graph(view="co_membership")
    by_org: dict[str, list[str]] = {}
    for member, org in M.edges():
        if M.nodes[member]["bipartite"] == 1 and M.nodes[org]["bipartite"] == 0:
            member, org = org, member
        by_org.setdefault(org, []).append(member)
    for org in sorted(by_org):
        for a, b in itertools.combinations(sorted(set(by_org[org])), 2):
            for n in (a, b):
                G.add_node(n, **{k: v for k, v in M.nodes[n].items() if k != "bipartite"})
            if G.has_edge(a, b):
                G.edges[a, b]["organization_iris"].append(org)
            else:
                G.add_edge(a, b, organization_iris=[org])
    for a, b, data in G.edges(data=True):
        iris = sorted(data["organization_iris"])
        data["organization_iris"] = iris
        data["organizations"] = sorted(M.nodes[o]["label"] or o for o in iris)
        data["weight"] = len(iris)
    return _sorted_graph(G)


# --------------------------------------------------------------------------- events
_BY_ORG = ("{ ?event dkg:organizedBy ?org } UNION "
           "{ ?event dkg:partOf ?parent . ?parent dkg:organizedBy ?org }")


def _event_filter(store: "Store", organization: URIRef | None) -> set[str] | None:
    if organization is None:
        return None
    rows = store.query(f"SELECT DISTINCT ?org ?event WHERE {{ {_BY_ORG} }}",
                       bindings={"org": organization}, timeout=None).rows
    return {str(e) for _, e in rows}


def _status(store: "Store", pattern: str) -> dict[str, str]:
    rows = store.query(f"SELECT DISTINCT ?event ?s WHERE {{ {pattern} ?event dkg:status ?s }}",
                       timeout=None).rows
    return {str(e): local_name(str(s)).lower() for e, s in rows}


def attendance_graph(store: "Store", *, organization: URIRef | None = None,
                     types: Iterable[str] | None = None, start: _dt.date | str | None = None,
                     end: _dt.date | str | None = None) -> nx.Graph:
    """Events and their participants (``dkg:participant``), bipartite.

    Parameters
    ----------
    organization : rdflib.URIRef, optional
        Only events organized by it, or part of an event organized by it.
    types : iterable of str, optional
        Only participants of these classes (``Person``, ``State`` …).
    start, end : date or "YYYY-MM-DD", optional
        Only events that overlap this range (undated events are left out).

    Returns
    -------
    networkx.Graph
        Events have ``bipartite=0``, ``start``/``end`` (ISO) and ``status``
        when known; participants ``bipartite=1``; edges ``relation="participant"``.
    """
    lo, hi = parse_date_arg(start, "start"), parse_date_arg(end, "end")
    pattern = "?event dkg:participant ?x ."
    edges = store.query(f"SELECT DISTINCT ?event ?x WHERE {{ {pattern} }}", timeout=None).rows
    keep = _event_filter(store, organization)
    facts = _facts_where(store, pattern, "event")
    facts.update(_facts_where(store, "?event dkg:participant ?n .", "n"))
    status = _status(store, pattern)
    allowed = _type_filter(types)
    G = nx.Graph(view="attendance")
    for event, x in sorted((str(e), str(x)) for e, x in edges):
        if keep is not None and event not in keep:
            continue
        e_attrs = _node_attrs(event, facts.get(event, {}))
        if not _in_range(e_attrs.get("start"), e_attrs.get("end"), lo, hi):
            continue
        x_attrs = _node_attrs(x, facts.get(x, {}))
        if allowed is not None and x_attrs["type"] not in allowed:
            continue
        if event in status:
            e_attrs["status"] = status[event]
        G.add_node(event, **e_attrs, bipartite=0)
        G.add_node(x, **x_attrs, bipartite=1)
        G.add_edge(event, x, relation="participant")
    return _sorted_graph(G)


_MEETINGS = """SELECT DISTINCT ?m ?cls ?x ?state WHERE {
  VALUES ?cls { dkg:BilateralMeeting dkg:Meeting }
  ?m a ?cls ; dkg:participant ?x .
  OPTIONAL { ?x dkg:leaderOf|dkg:officialOf ?state . ?state a dkg:State }
}"""
_MEETING = "?n a ?cls . VALUES ?cls { dkg:BilateralMeeting dkg:Meeting }"
_PARENT_DATES = """SELECT DISTINCT ?m ?start ?end WHERE {
  VALUES ?cls { dkg:BilateralMeeting dkg:Meeting }
  ?m a ?cls ; dkg:partOf ?parent . ?parent dkg:startDate ?start .
  OPTIONAL { ?parent dkg:endDate ?end }
}"""


def meetings_graph(store: "Store", *, organization: URIRef | None = None,
                   types: Iterable[str] | None = None, start: _dt.date | str | None = None,
                   end: _dt.date | str | None = None) -> nx.Graph:
    """People and states linked by the bilateral meetings between them.

    A meeting is bilateral when it is a ``dkg:BilateralMeeting``, or a
    ``dkg:Meeting`` with two people or (without people) two states among its
    participants; multilateral sessions are left out. A meeting links its
    people, and the states among its participants and those its people lead
    or serve (``dkg:leaderOf`` / ``dkg:officialOf``). A meeting without dates
    takes those of the event it is part of.

    Parameters
    ----------
    organization : rdflib.URIRef, optional
        Only meetings organized by it or part of an event organized by it.
    types : iterable of str, optional
        ``["Person"]`` or ``["State"]`` for one kind of edge.
    start, end : date or "YYYY-MM-DD", optional
        Only meetings that overlap this range.

    Returns
    -------
    networkx.Graph
        Edges have ``kind`` (``"person"`` or ``"state"``), ``weight`` (number
        of meetings), ``meetings`` (labels), ``meeting_iris`` and ``dates``
        (ISO start dates, sorted; undated meetings are not listed there).
    """
    lo, hi = parse_date_arg(start, "start"), parse_date_arg(end, "end")
    rows = store.query(_MEETINGS, timeout=None).rows
    keep = _event_filter(store, organization)
    allowed = _type_filter(types)
    m_facts = _facts_where(store, _MEETING, "n")
    x_facts = _facts_where(store, _MEETING.replace("?n a", "?m a") + " ?m dkg:participant ?n .",
                           "n")
    x_facts.update(_facts_where(store, _MEETING.replace("?n a", "?m a") + " ?m dkg:participant "
                                "?x . ?x dkg:leaderOf|dkg:officialOf ?n .", "n"))
    parent = {str(m): (str(s), str(e) if e is not None else None)
              for m, s, e in store.query(_PARENT_DATES, timeout=None).rows}
    people: dict[str, set[str]] = {}
    states: dict[str, set[str]] = {}
    listed: dict[str, set[str]] = {}  # states among the participants themselves
    bilateral: set[str] = set()
    for m, cls, x, state in rows:
        m, x = str(m), str(x)
        if cls == DKG.BilateralMeeting:
            bilateral.add(m)
        kind = _node_attrs(x, x_facts.get(x, {}))["type"]
        if kind == "Person":
            people.setdefault(m, set()).add(x)
        elif kind == "State":
            states.setdefault(m, set()).add(x)
            listed.setdefault(m, set()).add(x)
        if state is not None and kind == "Person":
            states.setdefault(m, set()).add(str(state))
    for m in set(people) | set(states):
        if len(people.get(m, ())) == 2 or (not people.get(m) and len(listed.get(m, ())) == 2):
            bilateral.add(m)
    G = nx.Graph(view="meetings")
    for m in sorted(bilateral):
        if keep is not None and m not in keep:
            continue
        m_attrs = _node_attrs(m, m_facts.get(m, {}))
        first, last = m_attrs.get("start"), m_attrs.get("end")
        if first is None and m in parent:
            first, last = parent[m]
        if not _in_range(first, last, lo, hi):
            continue
        for kind, group in (("person", people.get(m, set())), ("state", states.get(m, set()))):
            if allowed is not None and ("Person" if kind == "person" else "State") not in allowed:
                continue
            for a, b in itertools.combinations(sorted(group), 2):
                for n in (a, b):
                    G.add_node(n, **_node_attrs(n, x_facts.get(n, {})))
                if not G.has_edge(a, b):
                    G.add_edge(a, b, kind=kind, meeting_iris=[], meetings=[], dates=[])
                data = G.edges[a, b]
                data["meeting_iris"].append(m)
                data["meetings"].append(m_attrs["label"] or m)
                if first:
                    data["dates"].append(first)
    for _, _, data in G.edges(data=True):
        data["weight"] = len(data["meeting_iris"])
        for key in ("meeting_iris", "meetings", "dates"):
            data[key] = sorted(data[key])
    return _sorted_graph(G)


# --------------------------------------------------------------------------- whole graph
_PROVENANCE_TYPES = {"Article", "Evidence"}


def _add_triples(G: nx.MultiDiGraph, rows, node_types: dict[str, set]) -> None:
    for s, p, o in rows:
        s_id = str(s) if isinstance(s, URIRef) else f"_:{s}"
        if p == RDF.type:
            node_types.setdefault(s_id, set()).add(o)
            G.add_node(s_id)
            continue
        G.add_node(s_id)
        if p == OWL.sameAs and str(o).startswith(str(WD)):
            G.nodes[s_id].setdefault("_wikidata", set()).add(str(o)[len(str(WD)):])
        elif p == DKG.status:
            G.nodes[s_id]["status"] = local_name(str(o)).lower()
        elif isinstance(o, (URIRef, BNode)):
            o_id = str(o) if isinstance(o, URIRef) else f"_:{o}"
            key = local_name(str(p))
            G.add_edge(s_id, o_id, key=key, predicate=_curie(str(p)))
        elif isinstance(o, Literal):
            name = "label" if p == RDFS.label else (
                "alt_labels" if str(p) == PREFIXES["skos"] + "altLabel" else local_name(str(p)))
            G.nodes[s_id].setdefault("_lits", {}).setdefault(name, set()).add(str(o))


def _finish_nodes(G: nx.MultiDiGraph, node_types: dict[str, set]) -> None:
    for n, data in G.nodes(data=True):
        lits = data.pop("_lits", {})
        qids = sorted(data.pop("_wikidata", ()))
        data["iri"] = n
        data["type"] = _specific_type(node_types.get(n, ()))
        data["wikidata"] = qids[0] if qids else None
        for name, values in sorted(lits.items()):
            values = sorted(values)
            if name in ("label",):
                data[name] = values[0]
            else:
                data[name] = values if len(values) > 1 or name == "alt_labels" else values[0]
        if "label" not in data:  # vocabulary terms read as CURIEs (dkg:memberOf)
            curie = _curie(n)
            data["label"] = curie if curie != n else None


def _curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and prefix != "dkgr":
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _near(G: nx.Graph, center: str) -> nx.Graph:
    if center not in G:
        return G.subgraph([]).copy()
    keep = {center} | set(nx.all_neighbors(G, center) if G.is_directed() else G.neighbors(center))
    return G.subgraph(keep).copy()


def _finish(G: nx.MultiDiGraph, *, provenance: bool, types, organization) -> nx.MultiDiGraph:
    if not provenance:
        G.remove_nodes_from([n for n, t in list(G.nodes(data="type"))
                             if t in _PROVENANCE_TYPES])
        # vocabulary terms (dkg:memberOf, dkg:Planned) that only evidence nodes pointed to
        G.remove_nodes_from([n for n in list(G.nodes) if G.degree(n) == 0
                             and G.nodes[n]["type"] is None and n.startswith(str(DKG._NS))])
    allowed = _type_filter(types)
    if allowed is not None:
        G.remove_nodes_from([n for n, t in list(G.nodes(data="type")) if t not in allowed])
    if organization is not None:
        G = _near(G, str(organization))
    return _sorted_graph(G)


def full_graph(store: "Store", *, provenance: bool = True, organization: URIRef | None = None,
               types: Iterable[str] | None = None, start: _dt.date | str | None = None,
               end: _dt.date | str | None = None) -> nx.MultiDiGraph:
    """The whole graph as a :class:`networkx.MultiDiGraph`.

    Triples whose object is an IRI become edges, keyed by the predicate's local
    name and with a ``predicate`` attribute (a CURIE); ``rdf:type`` gives the
    ``type`` attribute, ``owl:sameAs wd:…`` ``wikidata``, ``dkg:status``
    ``status``; literals become node attributes named by the property's local
    name (``label``, ``alt_labels``, ``title``, ``startDate`` …; a list when
    there are several values).

    Parameters
    ----------
    provenance : bool
        Keep articles, evidence nodes and their links (default).
    organization : rdflib.URIRef, optional
        Only the organization and the nodes linked to it.
    types : iterable of str, optional
        Only nodes of these classes.
    start, end : date or "YYYY-MM-DD", optional
        Only triples stated by articles published in this range.
    """
    lo, hi = parse_date_arg(start, "start"), parse_date_arg(end, "end")
    if lo is None and hi is None:
        sparql = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    else:
        sparql = ("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                  + _published_clause("?g", lo, hi) + " }")
    G = nx.MultiDiGraph(view="full")
    node_types: dict[str, set] = {}
    _add_triples(G, store.query(sparql, timeout=None).rows, node_types)
    _finish_nodes(G, node_types)
    return _finish(G, provenance=provenance, types=types, organization=organization)


def _hop(store: "Store", nodes: Iterable[str], lo=None, hi=None) -> list[tuple]:
    """Relation triples (IRI subject, predicate, IRI object) touching ``nodes``."""
    out = []
    ordered = sorted(nodes)
    where = (lambda t: f"GRAPH ?g {{ {t} }} " + _published_clause("?g", lo, hi)) \
        if (lo or hi) else (lambda t: t + " .")
    for i in range(0, len(ordered), _CHUNK):
        values = " ".join(f"<{x}>" for x in ordered[i:i + _CHUNK])
        for pattern in ("?x ?p ?o", "?o ?p ?x"):
            sub, obj = ("?x", "?o") if pattern.startswith("?x") else ("?o", "?x")
            rows = store.query(f"SELECT DISTINCT ?x ?p ?o WHERE {{ VALUES ?x {{ {values} }} "
                               f"{where(pattern)} {relation_filter('?p', obj)} "
                               f"FILTER(isIRI({sub})) }}", timeout=None).rows
            for x, p, o in rows:
                out.append((x, p, o) if pattern.startswith("?x") else (o, p, x))
    return out


def ego_graph(store: "Store", center: URIRef, radius: int = 1, *,
              organization: URIRef | None = None, types: Iterable[str] | None = None,
              start: _dt.date | str | None = None,
              end: _dt.date | str | None = None) -> nx.MultiDiGraph:
    """The entities within ``radius`` links of ``center`` and every link among them.

    Links are relations between entities (not provenance, classes, identity or
    status), followed in both directions, one SPARQL query per hop. Nodes and
    edges look like those of :func:`full_graph`, but literals other than
    labels and dates are not fetched. ``types`` keeps the centre and nodes of
    these classes; ``start``/``end`` follow only links stated by articles
    published in the range.
    """
    if radius < 0:
        raise InputError(f"radius must be 0 or more, not {radius}")
    lo, hi = parse_date_arg(start, "start"), parse_date_arg(end, "end")
    seen, frontier, triples = {str(center)}, {str(center)}, set()
    for _ in range(radius):
        found = _hop(store, frontier, lo, hi)
        triples.update(found)
        reached = {str(n) for s, _, o in found for n in (s, o)}
        frontier = reached - seen
        seen |= reached
        if not frontier:
            break
    if frontier and radius:
        triples.update(t for t in _hop(store, frontier, lo, hi)
                       if str(t[0]) in seen and str(t[2]) in seen)
    G = nx.MultiDiGraph(view="ego", center=str(center), radius=radius)
    G.add_node(str(center))
    for s, p, o in sorted(triples):
        G.add_edge(str(s), str(o), key=local_name(str(p)), predicate=_curie(str(p)))
    facts = _facts_of(store, G.nodes)
    for n, data in G.nodes(data=True):
        data.update(_node_attrs(n, facts.get(n, {})))
    allowed = _type_filter(types)
    if allowed is not None:
        G.remove_nodes_from([n for n, t in list(G.nodes(data="type"))
                             if t not in allowed and n != str(center)])
    if organization is not None:
        near = set(_near(G, str(organization)).nodes) | {str(center)}
        G = G.subgraph(near).copy()
    return _sorted_graph(G)


# --------------------------------------------------------------------------- paths
@dataclass(frozen=True)
class Step:
    """One link of a :class:`Path`: ``subject predicate object`` as stored, and
    whether the path follows it ``forward`` (from subject to object)."""

    subject: str
    predicate: str
    object: str
    forward: bool


@dataclass(frozen=True)
class Path:
    """A chain of links between two entities.

    ``nodes`` are the IRIs from source to target, ``labels`` their labels
    (``None`` when unlabelled) and ``steps`` the links between consecutive nodes.
    """

    nodes: tuple[str, ...]
    labels: tuple[str | None, ...]
    steps: tuple[Step, ...]

    def __len__(self) -> int:
        return len(self.steps)

    def __str__(self) -> str:
        names = [label or node for node, label in zip(self.nodes, self.labels)]
        parts = [names[0]]
        for step, name in zip(self.steps, names[1:]):
            parts.append(f"-{step.predicate}->" if step.forward else f"<-{step.predicate}-")
            parts.append(name)
        return " ".join(parts)


def shortest_path(store: "Store", source: URIRef, target: URIRef, *,
                  max_hops: int = 6) -> Path | None:
    """The shortest chain of relations between ``source`` and ``target``.

    Searches from both ends, one SPARQL query per hop, until the two searches
    meet (then the path is a shortest one) or ``max_hops`` links are explored;
    among several shortest paths the one whose labels sort first is returned.
    ``None`` when there is none within ``max_hops``.
    """
    a, b = str(source), str(target)
    U = nx.Graph()
    U.add_nodes_from([a, b])
    preds: dict[tuple[str, str], tuple[str, str, str]] = {}
    sides = {a: ({a}, {a}), b: ({b}, {b})}  # seen, frontier
    hops = 0
    while a != b and not (sides[a][0] & sides[b][0]) and hops < max_hops:
        side = min((a, b), key=lambda s: (len(sides[s][1]), s != a))
        seen, frontier = sides[side]
        if not frontier:
            return None
        found = _hop(store, frontier)
        hops += 1
        reached = set()
        for s, p, o in sorted(found):
            s, o = str(s), str(o)
            if s == o:
                continue
            U.add_edge(s, o)
            preds.setdefault((s, o), (s, local_name(str(p)), o))
            reached |= {s, o}
        sides[side] = (seen | reached, reached - seen)
    if a != b and not (sides[a][0] & sides[b][0]):
        return None
    candidates = itertools.islice(nx.all_shortest_paths(U, a, b), 500)
    facts = _facts_of(store, U.nodes)

    def label(n: str) -> str | None:
        return _node_attrs(n, facts.get(n, {}))["label"]

    best = min(candidates, key=lambda p: [(label(n) or n).casefold() for n in p])
    steps = []
    for u, v in zip(best, best[1:]):
        if (u, v) in preds:
            s, p, o = preds[(u, v)]
            steps.append(Step(s, p, o, True))
        else:
            s, p, o = preds[(v, u)]
            steps.append(Step(s, p, o, False))
    return Path(tuple(best), tuple(label(n) for n in best), tuple(steps))


# --------------------------------------------------------------------------- dispatch
def build_view(store: "Store", name: str, *, entity: URIRef | None = None, radius: int = 1,
               organization: URIRef | None = None, types: Iterable[str] | None = None,
               start: _dt.date | str | None = None, end: _dt.date | str | None = None,
               provenance: bool = True) -> nx.Graph:
    """The view called ``name`` (one of :data:`VIEWS`) with the given filters.

    ``entity`` and ``radius`` are for ``ego``; ``provenance`` for ``full``.

    Raises
    ------
    InputError
        An unknown view, an ``ego`` view without an entity, a bad class name or date.
    """
    key = str(name).strip().lower().replace("-", "_")
    if key not in VIEWS:
        raise InputError(f"unknown view {name!r} (use one of: {', '.join(VIEWS)})")
    filters = {"organization": organization, "types": types, "start": start, "end": end}
    if key == "ego":
        if entity is None:
            raise InputError("the ego view needs an entity (its centre)")
        return ego_graph(store, entity, radius, **filters)
    if key == "full":
        return full_graph(store, provenance=provenance, **filters)
    if key == "co_membership" and types is None:
        filters["types"] = ("State",)
    return {"membership": membership_graph, "co_membership": co_membership_graph,
            "attendance": attendance_graph, "meetings": meetings_graph}[key](store, **filters)


# --------------------------------------------------------------------------- files
def _flat(value):
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return value


def _file_copy(G: nx.Graph, *, drop_none: bool, flatten: bool) -> nx.Graph:
    H = _sorted_graph(G)

    def clean(d: dict) -> dict:
        return {k: (_flat(v) if flatten else v) for k, v in d.items()
                if not k.startswith("_") and not (drop_none and v is None)}

    for n in H.nodes:
        attrs = clean(H.nodes[n])
        H.nodes[n].clear()
        H.nodes[n].update(attrs)
    for *_, d in (H.edges(keys=True, data=True) if H.is_multigraph() else H.edges(data=True)):
        attrs = clean(d)
        d.clear()
        d.update(attrs)
    H.graph = {k: (_flat(v) if flatten else v) for k, v in G.graph.items() if v is not None}
    return H


def view_bytes(G: nx.Graph, fmt: str, *, title: str | None = None) -> bytes:
    """The view ``G`` in format ``fmt`` (one of :data:`VIEW_FORMATS`), deterministically.

    GraphML and GEXF cannot hold ``None`` or lists: missing attributes are
    left out and lists joined with ``"; "``; GEXF's modification date is fixed
    to ``1970-01-01`` so the bytes do not change from day to day. ``png`` and
    ``svg`` are drawn with matplotlib (:mod:`kg.draw`), ``html`` is a
    self-contained interactive page (:mod:`kg.html`).
    """
    name = str(fmt).lower()
    if name not in VIEW_FORMATS:
        raise FormatError(f"unknown view format {fmt!r} (use one of: {', '.join(VIEW_FORMATS)})")
    if name == "json":
        data = nx.node_link_data(_file_copy(G, drop_none=False, flatten=False), edges="edges")
        return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    if name == "graphml":
        return "\n".join(nx.generate_graphml(_file_copy(G, drop_none=True, flatten=True))
                         ).encode() + b"\n"
    if name == "gexf":
        text = "\n".join(nx.generate_gexf(_file_copy(G, drop_none=True, flatten=True)))
        return re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="1970-01-01"', text,
                      count=1).encode() + b"\n"
    if name == "html":
        from .html import html_page

        return html_page(_sorted_graph(G), title=title).encode("utf-8")
    from .draw import draw_view

    buf = io.BytesIO()
    draw_view(_sorted_graph(G), buf, fmt=name, title=title)
    return buf.getvalue()


def write_view(G: nx.Graph, dest: str | os.PathLike[str] | BinaryIO, fmt: str | None = None,
               *, title: str | None = None) -> None:
    """Write a view to a file or binary stream (see :func:`view_bytes`).

    ``fmt`` defaults to the suffix of ``dest``.

    Raises
    ------
    FormatError
        An unknown format, or a stream without a format.
    """
    if fmt is None:
        if not isinstance(dest, (str, os.PathLike)):
            raise FormatError("writing a view to a stream needs a format "
                              f"({', '.join(VIEW_FORMATS)})")
        fmt = _FilePath(dest).suffix.lstrip(".").lower() or "(none)"
        if fmt not in VIEW_FORMATS:
            raise FormatError(f"{dest}: cannot tell the view format from the suffix "
                              f"(use one of: {', '.join(VIEW_FORMATS)})")
    payload = view_bytes(G, fmt, title=title)
    if isinstance(dest, (str, os.PathLike)):
        try:
            _FilePath(dest).write_bytes(payload)
        except OSError as err:
            raise KGError(f"{dest}: cannot write the view ({err.strerror or err})") from err
    else:
        dest.write(payload)
