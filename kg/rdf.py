"""RDF build: an :class:`~kg.model.Extraction` becomes the triples of one article.

This is the only module that mints IRIs. Every IRI is derived from a
deterministic key, so the same article always gives the same graph, and
graphs of different articles merge on shared entities (states by ISO code,
organizations by acronym, people and places by normalized name).

The graph of an article holds:

* the article itself (``dkg:Article`` with id, headline, published date, sha256);
* every entity with its most specific class, ``rdfs:label``, ``skos:altLabel``,
  ``owl:sameAs wd:Q…`` when linked, and ``dkg:mentionedIn`` the article;
* every fact in the contract vocabulary;
* one ``dkg:Evidence`` node per fact (an ``rdf:Statement`` reification with the
  sentence, character offsets and extraction rule).
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
from collections.abc import Iterator

import pyoxigraph as ox

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .model import Extraction, Fact
from .namespaces import DKG, DKGR, PREFIXES, WD

__all__ = ["build_graph", "build_ntriples", "entity_iri", "article_iri", "bind_prefixes"]

_STATUS = {"Planned": DKG.Planned, "Happened": DKG.Happened}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (and return it)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def entity_iri(key: str, base: str = str(DKGR)) -> URIRef:
    """The IRI of the entity with identity key ``key``.

    >>> str(entity_iri("state/RUS"))
    'https://w3id.org/diplokg/id/state/RUS'
    """
    return URIRef(base + key)


def article_iri(article_id: str, base: str = str(DKGR)) -> URIRef:
    """The IRI of an article, also the name of its graph.

    >>> str(article_iri("sco-astana-2024"))
    'https://w3id.org/diplokg/id/article/sco-astana-2024'
    """
    return URIRef(f"{base}article/{article_id}")


_XSD_DATE, _XSD_INTEGER, _XSD_GYEAR, _XSD_ANYURI = (str(XSD.date), str(XSD.integer),
                                                     str(XSD.gYear), str(XSD.anyURI))
_RDF_TYPE, _RDFS_LABEL, _SKOS_ALT, _OWL_SAMEAS = (str(RDF.type), str(RDFS.label),
                                                  str(SKOS.altLabel), str(OWL.sameAs))
_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_WD = str(WD)
#: predicates whose object is a literal, with its datatype ("" for a plain string)
_LITERAL_DATATYPE = {"title": "", "theme": "", "startDate": _XSD_DATE, "endDate": _XSD_DATE,
                     "founded": _XSD_GYEAR, "documentCount": _XSD_INTEGER}


@functools.lru_cache(maxsize=None)
def _dkg(name: str) -> str:
    """The IRI of the ontology term ``name`` (``AttributeError`` for a term DKG lacks)."""
    return str(DKG[name])


def _literal_lexical(predicate: str, value) -> tuple[str, str]:
    """(lexical form, datatype IRI or "") of the object of a literal-valued fact."""
    if predicate in ("startDate", "endDate"):
        if isinstance(value, _dt.date):
            value = value.isoformat()
        return str(value), _XSD_DATE
    if predicate == "documentCount":
        return str(int(value)), _XSD_INTEGER
    if predicate == "founded":
        return str(value), _XSD_GYEAR
    return str(value), ""


#: one statement as plain strings: (subject IRI, predicate IRI, object, object datatype),
#: the object datatype ``None`` for an IRI object, "" for a plain string literal
_Statement = tuple[str, str, str, "str | None"]


def _statements(extraction: Extraction, base: str, provenance: bool) -> Iterator[_Statement]:
    """The statements of one article's graph (maybe with repeats), terms as strings.

    :func:`build_graph` and :func:`build_ntriples` both build from this, so the
    rdflib graph and the N-Triples of ingest hold the same triples."""
    art = extraction.article
    a_iri = str(article_iri(art.article_id, base))
    text = art.text
    d_article, d_mentioned = _dkg("Article"), _dkg("mentionedIn")
    if provenance:
        yield a_iri, _RDF_TYPE, d_article, None
        yield a_iri, _dkg("articleId"), art.article_id, ""
        if art.headline:
            yield a_iri, _dkg("headline"), art.headline, ""
        if art.published:
            yield a_iri, _dkg("published"), art.published.isoformat(), _XSD_DATE
        yield a_iri, _dkg("sha256"), art.sha256, ""
        if art.url:
            yield a_iri, _dkg("url"), art.url, _XSD_ANYURI

    for key, ent in extraction.entities.items():
        s = base + key
        yield s, _RDF_TYPE, _dkg(ent.type), None
        yield s, _RDFS_LABEL, ent.label, ""
        for alt in ent.alt_labels:
            if alt != ent.label:
                yield s, _SKOS_ALT, alt, ""
        if ent.wikidata:
            yield s, _OWL_SAMEAS, _WD + ent.wikidata, None
        if provenance:
            yield s, d_mentioned, a_iri, None

    for fact in extraction.facts:
        triple = _fact_statement(fact, base)
        yield triple
        if provenance and fact.evidence is not None:
            yield from _evidence(triple, fact, a_iri, art.article_id, text, base)


def _fact_statement(fact: Fact, base: str) -> _Statement:
    s = base + fact.subject
    p = _dkg(fact.predicate)
    if fact.predicate == "status":
        return s, p, str(_STATUS[str(fact.obj)]), None
    if isinstance(fact.obj, str) and fact.predicate not in _LITERAL_DATATYPE:
        return s, p, base + fact.obj, None
    return (s, p, *_literal_lexical(fact.predicate, fact.obj))


def _evidence(triple: _Statement, fact: Fact, a_iri: str, article_id: str, text: str,
              base: str) -> Iterator[_Statement]:
    ev = fact.evidence
    s, p, o, dt = triple
    key = "\x1f".join([s, p, o, str(ev.start), str(ev.end), ev.rule])
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    node = f"{base}evidence/{article_id}/{digest}"
    yield node, _RDF_TYPE, _dkg("Evidence"), None
    yield node, _RDF_SUBJECT, s, None
    yield node, _RDF_PREDICATE, p, None
    yield node, _RDF_OBJECT, o, dt
    yield node, _dkg("fromArticle"), a_iri, None
    yield node, _dkg("sentence"), text[ev.sentence_start:ev.sentence_end].strip(), ""
    yield node, _dkg("charStart"), str(ev.start), _XSD_INTEGER
    yield node, _dkg("charEnd"), str(ev.end), _XSD_INTEGER
    yield node, _dkg("rule"), ev.rule, ""


def build_graph(extraction: Extraction, *, base: str = str(DKGR), provenance: bool = True) -> Graph:
    """Build the RDF graph of one article's extraction.

    Parameters
    ----------
    extraction : Extraction
        What an extractor found in one article.
    base : str
        Base IRI for resources (``dkgr:`` by default).
    provenance : bool
        Add the article node, ``dkg:mentionedIn`` links and evidence nodes.

    Returns
    -------
    rdflib.Graph
        A plain graph; the store puts it in the article's named graph.
    """
    g = bind_prefixes(Graph())
    iris: dict[str, URIRef] = {}

    def iri(value: str) -> URIRef:
        node = iris.get(value)
        if node is None:
            node = iris[value] = URIRef(value)
        return node

    def term(value: str, dt: str | None):
        if dt is None:
            return iri(value)
        return Literal(value, datatype=iri(dt)) if dt else Literal(value)

    g.addN((iri(s), iri(p), term(o, dt), g) for s, p, o, dt in _statements(extraction, base, provenance))
    return g


def build_ntriples(extraction: Extraction, *, base: str = str(DKGR),
                   provenance: bool = True) -> tuple[bytes, int]:
    """The graph of :func:`build_graph` as N-Triples (the ingest path, no rdflib terms).

    Returns the N-Triples document and its number of triples (each triple once).
    """
    iris: dict[str, ox.NamedNode] = {}

    def iri(value: str) -> ox.NamedNode:
        node = iris.get(value)
        if node is None:
            node = iris[value] = ox.NamedNode(value)
        return node

    triples = []
    for s, p, o, dt in dict.fromkeys(_statements(extraction, base, provenance)):
        if dt is None:
            obj = iri(o)
        elif dt:
            obj = ox.Literal(o, datatype=iri(dt))
        else:
            obj = ox.Literal(o)
        triples.append(ox.Triple(iri(s), iri(p), obj))
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", len(triples)
