"""The extraction model: what an extractor finds in one article.

Plain dataclasses, no rdflib: the RDF build (:mod:`kg.rdf`) is the only place
that turns them into triples and mints IRIs.

Entity ``type`` values are local names of ontology classes (``"State"``,
``"Person"``, ``"Summit"`` …); fact ``predicate`` values are local names of
ontology properties (``"memberOf"``, ``"startDate"`` …).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .sources import Article

__all__ = ["Evidence", "Entity", "Fact", "Extraction", "ENTITY_TYPES", "LITERAL_PREDICATES",
           "ENTITY_PREDICATES"]

#: the classes an extractor may emit
ENTITY_TYPES = frozenset({
    "State", "InternationalOrganization", "Organization", "Organ", "Person", "City", "Region",
    "Summit", "Meeting", "BilateralMeeting", "Visit", "Agreement", "Declaration",
    "AgreementPackage",
})
#: predicates whose object is a literal (value given as str / int / date)
LITERAL_PREDICATES = frozenset({"title", "startDate", "endDate", "documentCount", "founded",
                                "theme"})
#: predicates whose object is another entity (``status`` points to an individual)
ENTITY_PREDICATES = frozenset({"memberOf", "observerOf", "partnerOf", "leaderOf", "officialOf",
                               "organizedBy", "location", "hostCountry", "participant", "partOf",
                               "signedAt", "adoptedAt", "signatory", "capital", "status"})


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a mention or fact comes from: character offsets into ``Article.text``."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    rule: str


@dataclass
class Entity:
    """One real-world entity of the article (all its mentions merged).

    ``key`` is the identity key the RDF build mints the IRI from: ``state/RUS``,
    ``org/SCO``, ``person/vladimir-putin``, ``event/…``. Keys are deterministic.
    """

    key: str
    type: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
    wikidata: str | None = None
    mentions: list[Evidence] = field(default_factory=list)

    def add_name(self, name: str) -> None:
        name = " ".join(name.split())
        if name and name != self.label:
            self.alt_labels.add(name)


@dataclass(frozen=True)
class Fact:
    """One statement ``subject predicate object``.

    ``obj`` is an entity key for entity predicates, ``"Planned"``/``"Happened"``
    for ``status``, and a ``str``, ``int`` or ``datetime.date`` for literal predicates.
    """

    subject: str
    predicate: str
    obj: str | int | _dt.date
    evidence: Evidence | None = None


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    extractor: str = "rules"

    def fact_set(self) -> set[tuple[str, str, object]]:
        """The facts without evidence, for comparisons in tests."""
        return {(f.subject, f.predicate, f.obj) for f in self.facts}

    def by_label(self, label: str) -> Entity | None:
        """The entity whose label or alt label is ``label`` (exact), or None."""
        for e in self.entities.values():
            if e.label == label or label in e.alt_labels:
                return e
        return None
