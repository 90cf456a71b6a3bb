"""Namespaces of the graph contract (``../shared/CONTRACT.md``).

``DKG`` is a closed :class:`rdflib.namespace.DefinedNamespace`: a misspelt term
raises ``AttributeError`` instead of minting a silent new IRI.

>>> str(DKG.memberOf)
'https://w3id.org/diplokg/ontology#memberOf'
>>> DKG.memberof
Traceback (most recent call last):
...
AttributeError: term 'memberof' not in namespace 'https://w3id.org/diplokg/ontology#'
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["DKG", "DKGR", "WD", "SCHEMA", "PROV", "ORG", "SEM", "PREFIXES"]


class DKG(DefinedNamespace):
    """The DiploKG ontology, ``https://w3id.org/diplokg/ontology#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/diplokg/ontology#")

    # classes (core, CONTRACT.md)
    State: URIRef
    InternationalOrganization: URIRef
    Organization: URIRef
    Organ: URIRef  # an organ or body of an organization or state (council, secretariat, Kremlin)
    Person: URIRef
    Place: URIRef
    City: URIRef
    Region: URIRef
    Event: URIRef
    Summit: URIRef
    Meeting: URIRef
    BilateralMeeting: URIRef
    Visit: URIRef
    Agreement: URIRef
    Declaration: URIRef
    AgreementPackage: URIRef
    Article: URIRef
    # extensions
    EventStatus: URIRef
    Planned: URIRef
    Happened: URIRef
    Evidence: URIRef

    # properties (core)
    memberOf: URIRef
    hasMember: URIRef
    observerOf: URIRef
    partnerOf: URIRef
    leaderOf: URIRef
    officialOf: URIRef
    title: URIRef
    organizedBy: URIRef
    location: URIRef
    hostCountry: URIRef
    startDate: URIRef
    endDate: URIRef
    participant: URIRef
    partOf: URIRef
    signedAt: URIRef
    adoptedAt: URIRef
    signatory: URIRef
    documentCount: URIRef
    founded: URIRef
    capital: URIRef
    theme: URIRef
    status: URIRef
    # provenance (extensions)
    headline: URIRef
    published: URIRef
    sha256: URIRef
    url: URIRef
    articleId: URIRef
    mentionedIn: URIRef
    fromArticle: URIRef
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    rule: URIRef


DKGR = Namespace("https://w3id.org/diplokg/id/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

#: prefix -> namespace, bound on every graph DiploKG writes (sorted for stable output)
PREFIXES: dict[str, str] = {
    "dkg": str(DKG._NS),
    "dkgr": str(DKGR),
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": str(PROV),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "wd": str(WD),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
