"""NetworkX views of the graph, read through SPARQL.

A view pulls only the edges it needs (one query for the edges, two for the
node attributes) instead of converting the whole RDF graph, which costs
seconds at a million triples. Node and edge order is sorted, so written
files are deterministic.

>>> from kg.store import open_store
>>> from rdflib import Graph
>>> store = open_store()
>>> store.replace_graph("https://w3id.org/diplokg/id/article/a", Graph().parse(format="turtle", data='''
... @prefix dkg: <https://w3id.org/diplokg/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <https://w3id.org/diplokg/id/state/KAZ> a dkg:State ; rdfs:label "Kazakhstan" ;
...     dkg:memberOf <https://w3id.org/diplokg/id/org/SCO> .
... <https://w3id.org/diplokg/id/org/SCO> a dkg:InternationalOrganization ; rdfs:label "SCO" .
... '''))
>>> G = membership_graph(store)
>>> sorted(G.nodes(data="label"))
[('https://w3id.org/diplokg/id/org/SCO', 'SCO'), ('https://w3id.org/diplokg/id/state/KAZ', 'Kazakhstan')]
>>> G.nodes["https://w3id.org/diplokg/id/state/KAZ"]["bipartite"]
0
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import networkx as nx
from rdflib import OWL, RDF, RDFS, URIRef

from .errors import FormatError, KGError
from .namespaces import DKG, WD

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

__all__ = ["membership_graph", "write_view", "VIEW_FORMATS"]

#: file formats of :func:`write_view`
VIEW_FORMATS = ("graphml", "gexf", "json")

_EDGES = """SELECT DISTINCT ?member ?org WHERE { ?member dkg:memberOf ?org }"""
_ATTR_FILTER = "FILTER(?p IN (rdf:type, rdfs:label, owl:sameAs))"
# Two queries rather than a UNION with BIND(?org AS ?n): Oxigraph's substitution of ?org
# does not reliably reach BIND expressions.
_MEMBER_ATTRS = ("SELECT DISTINCT ?org ?n ?p ?v WHERE { ?n dkg:memberOf ?org . ?n ?p ?v . "
                 + _ATTR_FILTER + " }")
_ORG_ATTRS = ("SELECT DISTINCT ?org ?p ?v WHERE { ?m dkg:memberOf ?org . ?org ?p ?v . "
              + _ATTR_FILTER + " }")
_TYPE_ORDER = [("State", DKG.State), ("InternationalOrganization", DKG.InternationalOrganization),
               ("Organization", DKG.Organization)]


def _node_attrs(iri: str, facts: dict) -> dict:
    types = facts.get(RDF.type, set())
    kind = next((name for name, cls in _TYPE_ORDER if cls in types), None)
    labels = sorted(str(v) for v in facts.get(RDFS.label, ()))
    qids = sorted(str(v)[len(str(WD)):] for v in facts.get(OWL.sameAs, ())
                  if str(v).startswith(str(WD)))
    return {"iri": iri, "label": labels[0] if labels else None, "type": kind,
            "wikidata": qids[0] if qids else None, "bipartite": 0 if kind == "State" else 1}


def membership_graph(store: "Store", *, organization: URIRef | None = None) -> nx.Graph:
    """States and organizations linked by ``dkg:memberOf``.

    Parameters
    ----------
    store : kg.store.Store
        Where to read.
    organization : rdflib.URIRef, optional
        Only this organization and its members.

    Returns
    -------
    networkx.Graph
        Nodes are IRIs with attributes ``iri``, ``label``, ``type``
        (``"State"``, ``"InternationalOrganization"`` …), ``wikidata`` (QID or
        ``None``) and ``bipartite`` (0 for states, 1 for organizations); edges
        have ``relation="memberOf"``. An organization that is itself a member
        (the EU in the G20) is in partition 1 with its own edges.
    """
    bindings = {"org": organization} if organization is not None else None
    edges = store.query(_EDGES, bindings=bindings, timeout=None).rows
    facts: dict[str, dict] = {}
    for _, n, p, v in store.query(_MEMBER_ATTRS, bindings=bindings, timeout=None).rows:
        facts.setdefault(str(n), {}).setdefault(p, set()).add(v)
    for org, p, v in store.query(_ORG_ATTRS, bindings=bindings, timeout=None).rows:
        facts.setdefault(str(org), {}).setdefault(p, set()).add(v)
    G = nx.Graph()
    names = {str(m) for m, _ in edges} | {str(o) for _, o in edges}
    for iri in sorted(names):
        G.add_node(iri, **_node_attrs(iri, facts.get(iri, {})))
    for member, org in sorted(edges, key=lambda e: (str(e[0]), str(e[1]))):
        G.add_edge(str(member), str(org), relation="memberOf")
    return G


def _sorted_copy(G: nx.Graph, *, drop_none: bool) -> nx.Graph:
    H = G.__class__()
    H.graph.update(G.graph)
    for n in sorted(G.nodes, key=str):
        attrs = {k: v for k, v in sorted(G.nodes[n].items()) if not (drop_none and v is None)}
        H.add_node(n, **attrs)
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        H.add_edge(u, v, **{k: w for k, w in sorted(data.items())
                            if not (drop_none and w is None)})
    return H


def write_view(G: nx.Graph, dest: str | os.PathLike[str] | BinaryIO, fmt: str | None = None) -> None:
    """Write a view as ``graphml``, ``gexf`` or ``json`` (node-link), deterministically.

    ``fmt`` defaults to the suffix of ``dest``. GraphML and GEXF cannot hold
    ``None``, so missing attributes (no Wikidata id) are left out there; GEXF's
    modification date is fixed to ``1970-01-01`` so the bytes do not change
    from day to day.
    """
    if fmt is None:
        if not isinstance(dest, (str, os.PathLike)):
            raise FormatError(f"writing a view to a stream needs a format ({', '.join(VIEW_FORMATS)})")
        fmt = Path(dest).suffix.lstrip(".").lower()
    name = fmt.lower()
    if name not in VIEW_FORMATS:
        raise FormatError(f"unknown view format {fmt!r} (use one of: {', '.join(VIEW_FORMATS)})")
    if name == "json":
        data = nx.node_link_data(_sorted_copy(G, drop_none=False), edges="edges")
        payload = (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    elif name == "graphml":
        payload = "\n".join(nx.generate_graphml(_sorted_copy(G, drop_none=True))).encode() + b"\n"
    else:
        text = "\n".join(nx.generate_gexf(_sorted_copy(G, drop_none=True)))
        payload = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="1970-01-01"', text,
                         count=1).encode() + b"\n"
    if isinstance(dest, (str, os.PathLike)):
        try:
            Path(dest).write_bytes(payload)
        except OSError as err:
            raise KGError(f"{dest}: cannot write the view ({err.strerror or err})") from err
    else:
        dest.write(payload)
