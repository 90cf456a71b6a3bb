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
import hashlib

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .model import Extraction, Fact
from .namespaces import DKG, DKGR, PREFIXES, WD

__all__ = ["build_graph", "entity_iri", "article_iri", "bind_prefixes"]

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


def _literal(predicate: str, value) -> Literal:
    if predicate in ("startDate", "endDate"):
        if isinstance(value, _dt.date):
            value = value.isoformat()
        return Literal(str(value), datatype=XSD.date)
    if predicate == "documentCount":
        return Literal(int(value), datatype=XSD.integer)
    if predicate == "founded":
        return Literal(str(value), datatype=XSD.gYear)
    return Literal(str(value))


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
    art = extraction.article
    a_iri = article_iri(art.article_id, base)
    text = art.text
    if provenance:
        g.add((a_iri, RDF.type, DKG.Article))
        g.add((a_iri, DKG.articleId, Literal(art.article_id)))
        if art.headline:
            g.add((a_iri, DKG.headline, Literal(art.headline)))
        if art.published:
            g.add((a_iri, DKG.published, Literal(art.published.isoformat(), datatype=XSD.date)))
        g.add((a_iri, DKG.sha256, Literal(art.sha256)))
        if art.url:
            g.add((a_iri, DKG.url, Literal(art.url, datatype=XSD.anyURI)))

    for key, ent in extraction.entities.items():
        s = entity_iri(key, base)
        g.add((s, RDF.type, DKG[ent.type]))
        g.add((s, RDFS.label, Literal(ent.label)))
        for alt in ent.alt_labels:
            if alt != ent.label:
                g.add((s, SKOS.altLabel, Literal(alt)))
        if ent.wikidata:
            g.add((s, OWL.sameAs, WD[ent.wikidata]))
        if provenance:
            g.add((s, DKG.mentionedIn, a_iri))

    for fact in extraction.facts:
        triple = _fact_triple(fact, base)
        if triple is None:
            continue
        g.add(triple)
        if provenance and fact.evidence is not None:
            _add_evidence(g, triple, fact, a_iri, art.article_id, text, base)
    return g


def _fact_triple(fact: Fact, base: str):
    s = entity_iri(fact.subject, base)
    p = DKG[fact.predicate]
    if fact.predicate == "status":
        o = _STATUS[str(fact.obj)]
    elif isinstance(fact.obj, str) and fact.predicate not in ("title", "theme", "startDate",
                                                              "endDate", "founded",
                                                              "documentCount"):
        o = entity_iri(fact.obj, base)
    else:
        o = _literal(fact.predicate, fact.obj)
    return s, p, o


def _add_evidence(g: Graph, triple, fact: Fact, a_iri: URIRef, article_id: str, text: str,
                  base: str) -> None:
    ev = fact.evidence
    key = "\x1f".join([*map(str, triple), str(ev.start), str(ev.end), ev.rule])
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    node = URIRef(f"{base}evidence/{article_id}/{digest}")
    s, p, o = triple
    g.add((node, RDF.type, DKG.Evidence))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, DKG.fromArticle, a_iri))
    g.add((node, DKG.sentence, Literal(text[ev.sentence_start:ev.sentence_end].strip())))
    g.add((node, DKG.charStart, Literal(ev.start, datatype=XSD.integer)))
    g.add((node, DKG.charEnd, Literal(ev.end, datatype=XSD.integer)))
    g.add((node, DKG.rule, Literal(ev.rule)))
