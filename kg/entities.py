"""Entities as Python objects: names, classes, and the entities around them.

:meth:`kg.api.KnowledgeGraph.entity` returns one of the classes here, chosen
by the entity's most specific ``rdf:type``: :class:`Summit`, :class:`Meeting`,
:class:`Visit` or :class:`Event` for events (with a typed summary: location,
host, organizer, status, dates), :class:`Agreement`, :class:`Person`, and
:class:`EntityView` for everything else (states, organizations, places).
Related entities come from methods, each one SPARQL query, so an entity object
is cheap to make and its methods read the store as it is now.

>>> from kg.api import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> kg.add_graph(EXAMPLE_TTL, name="https://w3id.org/diplokg/id/article/demo")
29
>>> sco = kg.entity("SCO")
>>> sco.label, sco.types, sco.wikidata
('Shanghai Cooperation Organisation', ('InternationalOrganization',), 'Q485207')
>>> [m.label for m in sco.members()]
['Kazakhstan', 'Russia']
>>> summit = kg.entity("SCO summit")
>>> type(summit).__name__, summit.start, summit.end, summit.status
('Summit', datetime.date(2024, 7, 3), datetime.date(2024, 7, 4), 'planned')
>>> summit.location.label, summit.organizer.label, summit.host.label
('Astana', 'Shanghai Cooperation Organisation', 'Kazakhstan')
>>> putin = kg.entity("Putin")
>>> [(o.role, o.organization.label) for o in putin.offices()]
[('leader', 'Russia')]
>>> [e.label for e in putin.events(start="2024-07-01", end="2024-07-31")]
['SCO summit']
>>> [(n.predicate, n.direction, n.entity.label) for n in putin.neighbors()]
[('participant', 'in', 'SCO summit'), ('leaderOf', 'out', 'Russia')]
>>> [(m.entity.label, m.score) for m in kg.find("putn")]
[('Vladimir Putin', 0.67)]
>>> [e.label for e in kg.entities(type="Organization")]
['Shanghai Cooperation Organisation']
"""
from __future__ import annotations

import datetime as _dt
import difflib
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from .errors import InputError
from .namespaces import DKG, PREFIXES, WD
from .query import normalize_label

if TYPE_CHECKING:  # pragma: no cover
    from .api import KnowledgeGraph
    from .explain import Explanation, Source

__all__ = ["EntityView", "Person", "Event", "Summit", "Meeting", "Visit", "Agreement",
           "Neighbor", "Office", "Match", "NON_RELATIONS", "relation_filter", "class_closure",
           "known_classes", "local_name", "parse_date_arg", "make_view", "fetch_views",
           "find_entities", "list_entities", "EXAMPLE_TTL"]

#: predicates that do not link two entities: classes, identity, provenance, event status
NON_RELATIONS = (RDF.type, OWL.sameAs, DKG.mentionedIn, DKG.fromArticle, DKG.status,
                 RDF.subject, RDF.predicate, RDF.object, DKG.url)


def relation_filter(p: str = "?p", o: str = "?o") -> str:
    """A SPARQL FILTER keeping the triples whose predicate ``p`` links two entities
    (``o`` an IRI; not a class, identity, provenance or status link)."""
    return (f"FILTER(isIRI({o}) && {p} NOT IN ("
            + ", ".join(f"<{x}>" for x in NON_RELATIONS) + "))")

_VIEW_PROPS = ("FILTER(?p IN (rdf:type, rdfs:label, skos:altLabel, owl:sameAs, dkg:title, "
               "dkg:startDate, dkg:endDate))")
_EVENT_ROLES = {"participant": DKG.participant, "organizer": DKG.organizedBy,
                "host": DKG.hostCountry, "location": DKG.location}

#: a small article graph for the doctests of this package
EXAMPLE_TTL = """
@prefix dkg: <https://w3id.org/diplokg/ontology#> .
@prefix dkgr: <https://w3id.org/diplokg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
dkgr:org\\/SCO a dkg:InternationalOrganization ; rdfs:label "Shanghai Cooperation Organisation" ;
    skos:altLabel "SCO" ; owl:sameAs <http://www.wikidata.org/entity/Q485207> .
dkgr:state\\/KAZ a dkg:State ; rdfs:label "Kazakhstan" ; dkg:memberOf dkgr:org\\/SCO .
dkgr:state\\/RUS a dkg:State ; rdfs:label "Russia" ; dkg:memberOf dkgr:org\\/SCO .
dkgr:person\\/vladimir-putin a dkg:Person ; rdfs:label "Vladimir Putin" ; skos:altLabel "Putin" ;
    dkg:title "President" ; dkg:leaderOf dkgr:state\\/RUS .
dkgr:place\\/astana a dkg:City ; rdfs:label "Astana" .
dkgr:event\\/sco-summit a dkg:Summit ; rdfs:label "SCO summit" ;
    dkg:organizedBy dkgr:org\\/SCO ; dkg:hostCountry dkgr:state\\/KAZ ;
    dkg:location dkgr:place\\/astana ; dkg:participant dkgr:person\\/vladimir-putin ;
    dkg:startDate "2024-07-03"^^xsd:date ; dkg:endDate "2024-07-04"^^xsd:date ;
    dkg:status dkg:Planned .
dkgr:doc\\/astana-declaration a dkg:Declaration ; rdfs:label "Astana Declaration" ;
    dkg:adoptedAt dkgr:event\\/sco-summit .
"""


# --------------------------------------------------------------------------- helpers
def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/diplokg/ontology#memberOf")
    'memberOf'
    """
    for sep in ("#", "/"):
        if sep in iri:
            return iri.rsplit(sep, 1)[1]
    return iri


def _date(node) -> _dt.date | None:
    value = node.toPython() if node is not None else None
    return value if isinstance(value, _dt.date) else None


def parse_date_arg(value: _dt.date | str | None, what: str) -> _dt.date | None:
    """A date from a ``datetime.date`` or ``"YYYY-MM-DD"`` (``None`` stays ``None``).

    >>> parse_date_arg("2024-07-03", "start")
    datetime.date(2024, 7, 3)
    >>> parse_date_arg("July", "start")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: start: 'July' is not a YYYY-MM-DD date
    """
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{what}: {value!r} is not a YYYY-MM-DD date") from None


@functools.cache
def _closures() -> dict[str, frozenset[URIRef]]:
    from .ontology import load_ontology

    onto = load_ontology()
    ns = str(DKG._NS)
    classes = {c for c in onto.subjects(RDF.type, OWL.Class)
               if isinstance(c, URIRef) and str(c).startswith(ns)}
    out = {}
    for c in classes:
        subs = {s for s in onto.transitive_subjects(RDFS.subClassOf, c)
                if isinstance(s, URIRef) and str(s).startswith(ns)}
        out[local_name(str(c))] = frozenset(subs | {c})
    return out


def known_classes() -> list[str]:
    """Local names of the ontology's classes (``State``, ``Summit`` …), sorted."""
    return sorted(_closures())


def class_closure(name: str) -> frozenset[URIRef]:
    """The class ``name`` (a local name, CURIE or IRI) and its subclasses in the ontology.

    >>> sorted(local_name(c) for c in class_closure("Organization"))
    ['InternationalOrganization', 'Organ', 'Organization']

    Raises
    ------
    InputError
        Not a class of the ontology (the message lists them).
    """
    text = str(name).strip()
    if text.startswith("dkg:"):
        key = text[4:]
    elif ":" in text and not text.startswith(str(DKG._NS)):
        key = ""  # another vocabulary's class
    else:
        key = local_name(text)
    try:
        return _closures()[key]
    except KeyError:
        raise InputError(f"unknown type {name!r} (known: {', '.join(known_classes())})") \
            from None


# --------------------------------------------------------------------------- views
class Neighbor(NamedTuple):
    """An entity linked to another one: ``predicate`` (local name), ``direction``
    (``"out"``: this entity is the subject, ``"in"``: the object) and the ``entity``."""

    predicate: str
    direction: str
    entity: "EntityView"


class Office(NamedTuple):
    """A person's office: ``role`` (``"leader"`` or ``"official"``) of ``organization``
    (a state or organization)."""

    role: str
    organization: "EntityView"


class Match(NamedTuple):
    """A hit of :meth:`kg.api.KnowledgeGraph.find`: the ``entity``, the ``name``
    that matched and a ``score`` in (0, 1] (1: the preferred label exactly)."""

    entity: "EntityView"
    name: str
    score: float


@dataclass(frozen=True)
class EntityView:
    """One entity as stored: names, classes, Wikidata id and, for people and
    events, titles and dates. Related entities come from the methods; lists are
    sorted by label (events by date).

    Attributes
    ----------
    iri : rdflib.URIRef
    label : str or None
        ``rdfs:label``.
    alt_labels : tuple of str
        ``skos:altLabel`` values, sorted.
    types : tuple of str
        Local names of its ``rdf:type`` classes, sorted.
    wikidata : str or None
        The QID of its ``owl:sameAs wd:…`` link.
    titles : tuple of str
        ``dkg:title`` values (people).
    start, end : datetime.date or None
        ``dkg:startDate`` / ``dkg:endDate`` (events).
    """

    iri: URIRef
    label: str | None = None
    alt_labels: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    wikidata: str | None = None
    titles: tuple[str, ...] = ()
    start: _dt.date | None = None
    end: _dt.date | None = None
    _kg: "KnowledgeGraph | None" = field(default=None, repr=False, compare=False)

    def __str__(self) -> str:
        return self.label or str(self.iri)

    # ---- helpers
    def _related(self, pattern: str, **bindings) -> list["EntityView"]:
        views = fetch_views(self._kg, pattern, {"self": self.iri, **bindings})
        return sorted(views, key=_by_label)

    def _one(self, pattern: str) -> "EntityView | None":
        found = self._related(pattern)
        return found[0] if found else None

    # ---- organizations and states
    def members(self) -> list["EntityView"]:
        """Full members (``dkg:memberOf`` this entity)."""
        return self._related("?e dkg:memberOf ?self .")

    def member_of(self) -> list["EntityView"]:
        """Organizations this entity is a full member of."""
        return self._related("?self dkg:memberOf ?e .")

    memberships = member_of

    def observers(self) -> list["EntityView"]:
        """Observers of this organization (``dkg:observerOf``)."""
        return self._related("?e dkg:observerOf ?self .")

    def partners(self) -> list["EntityView"]:
        """Partners of this organization (``dkg:partnerOf``)."""
        return self._related("?e dkg:partnerOf ?self .")

    def leaders(self) -> list["EntityView"]:
        """People who lead this state or organization (``dkg:leaderOf``)."""
        return self._related("?e dkg:leaderOf ?self .")

    def officials(self) -> list["EntityView"]:
        """Other officials of this state or organization (``dkg:officialOf``)."""
        return self._related("?e dkg:officialOf ?self .")

    def offices(self) -> list[Office]:
        """What this person leads (``leader``) or serves in (``official``), leaders first."""
        return ([Office("leader", e) for e in self._related("?self dkg:leaderOf ?e .")]
                + [Office("official", e) for e in self._related("?self dkg:officialOf ?e .")])

    # ---- events
    def events(self, *, role: str | None = None, start: _dt.date | str | None = None,
               end: _dt.date | str | None = None) -> list["EntityView"]:
        """Events this entity attends, organizes, hosts or is the place of, by date.

        Parameters
        ----------
        role : {"participant", "organizer", "host", "location"}, optional
            Only events where the entity has this role.
        start, end : date or "YYYY-MM-DD", optional
            Only events that overlap this range (undated events are then left out).

        Returns
        -------
        list of EntityView
            By start date (undated last), then IRI.
        """
        if role is None:
            preds = list(_EVENT_ROLES.values())
        elif role in _EVENT_ROLES:
            preds = [_EVENT_ROLES[role]]
        else:
            raise InputError(f"unknown event role {role!r} (use one of: "
                             f"{', '.join(_EVENT_ROLES)})")
        lo, hi = parse_date_arg(start, "start"), parse_date_arg(end, "end")
        pattern = f"?e ?role ?self . FILTER(?role IN ({', '.join(f'<{p}>' for p in preds)}))"
        views = [v for v in fetch_views(self._kg, pattern, {"self": self.iri})
                 if _overlaps(v, lo, hi)]
        return sorted(views, key=_by_date)

    def participants(self) -> list["EntityView"]:
        """Participants of this event (people, states, organizations)."""
        return self._related("?self dkg:participant ?e .")

    def agreements(self) -> list["EntityView"]:
        """Agreements signed or adopted at this event, or signed by this entity."""
        return self._related("{ ?e dkg:signedAt ?self } UNION { ?e dkg:adoptedAt ?self } "
                             "UNION { ?e dkg:signatory ?self }")

    # ---- any link
    def neighbors(self, predicate: str | URIRef | None = None, *,
                  direction: str = "both") -> list[Neighbor]:
        """Entities linked to this one by any relation (not provenance, classes or status).

        Parameters
        ----------
        predicate : str or URIRef, optional
            Only this property (``"memberOf"``, ``"dkg:memberOf"`` or an IRI).
        direction : {"both", "out", "in"}
            ``out``: this entity is the subject; ``in``: the object.

        Returns
        -------
        list of Neighbor
            Sorted by direction (in first), predicate and label.
        """
        if direction not in ("both", "out", "in"):
            raise InputError(f"direction must be 'both', 'out' or 'in', not {direction!r}")
        pred = _predicate(predicate) if predicate is not None else None
        out: list[Neighbor] = []
        for way, pattern in (("in", "?e ?rel ?self ."), ("out", "?self ?rel ?e .")):
            if direction not in ("both", way):
                continue
            f = relation_filter("?rel", "?e")
            binds = {"self": self.iri, **({"rel": pred} if pred is not None else {})}
            rows = self._kg.store.query(f"SELECT ?self ?rel ?e WHERE {{ {pattern} {f} }}",
                                        bindings=binds, timeout=None).rows
            views = {v.iri: v for v in fetch_views(self._kg, pattern + " " + f, binds)}
            for _, p, e in rows:
                if e in views:
                    out.append(Neighbor(local_name(str(p)), way, views[e]))
        return sorted(set(out), key=lambda n: (n.direction, n.predicate, _by_label(n.entity)))

    # ---- provenance
    def explain(self) -> "Explanation":
        """The articles, sentences and rules behind this entity (see :mod:`kg.explain`)."""
        from .explain import explain_entity

        return explain_entity(self._kg.store, self.iri)

    def sources(self) -> list["Source"]:
        """The articles that mention this entity, each with the evidence of the facts
        about it, by publication date."""
        return self.explain().sources()


@dataclass(frozen=True)
class Person(EntityView):
    """A person; :meth:`offices` lists what they lead or serve in."""


@dataclass(frozen=True)
class Event(EntityView):
    """An event with a typed summary: :attr:`location`, :attr:`host`,
    :attr:`organizer`, :attr:`status`, :attr:`theme`, :attr:`part_of`, and
    ``start`` / ``end`` dates."""

    @property
    def location(self) -> EntityView | None:
        """Where it takes place (``dkg:location``)."""
        return self._one("?self dkg:location ?e .")

    @property
    def host(self) -> EntityView | None:
        """The host state (``dkg:hostCountry``)."""
        return self._one("?self dkg:hostCountry ?e .")

    @property
    def organizer(self) -> EntityView | None:
        """The organization whose event it is (``dkg:organizedBy``)."""
        return self._one("?self dkg:organizedBy ?e .")

    @property
    def part_of(self) -> EntityView | None:
        """The event this one is part of (a summit, for a meeting on its sidelines)."""
        return self._one("?self dkg:partOf ?e .")

    def parts(self) -> list[EntityView]:
        """Events that are part of this one (sessions, meetings on the sidelines)."""
        return sorted(fetch_views(self._kg, "?e dkg:partOf ?self .", {"self": self.iri}),
                      key=_by_date)

    @property
    def status(self) -> str | None:
        """``"planned"``, ``"happened"`` or ``None`` when the text does not say."""
        rows = self._kg.store.query("SELECT ?self ?s WHERE { ?self dkg:status ?s }",
                                    bindings={"self": self.iri}, timeout=None).rows
        found = sorted(local_name(str(s)).lower() for _, s in rows)
        return found[0] if found else None

    @property
    def theme(self) -> str | None:
        """The official theme or motto (``dkg:theme``)."""
        rows = self._kg.store.query("SELECT ?self ?t WHERE { ?self dkg:theme ?t }",
                                    bindings={"self": self.iri}, timeout=None).rows
        found = sorted(str(t) for _, t in rows)
        return found[0] if found else None


@dataclass(frozen=True)
class Summit(Event):
    """A summit of an organization."""


@dataclass(frozen=True)
class Meeting(Event):
    """A meeting (bilateral meetings too)."""


@dataclass(frozen=True)
class Visit(Event):
    """A visit of a person to a state or place."""


@dataclass(frozen=True)
class Agreement(EntityView):
    """An agreement, declaration or package of documents."""

    @property
    def signed_at(self) -> EntityView | None:
        """The event where it was (or is to be) signed."""
        return self._one("?self dkg:signedAt ?e .")

    @property
    def adopted_at(self) -> EntityView | None:
        """The event where it was (or is to be) adopted."""
        return self._one("?self dkg:adoptedAt ?e .")

    def signatories(self) -> list[EntityView]:
        """Its parties or signers (``dkg:signatory``)."""
        return self._related("?self dkg:signatory ?e .")

    @property
    def document_count(self) -> int | None:
        """How many documents a package holds (``dkg:documentCount``)."""
        rows = self._kg.store.query("SELECT ?self ?n WHERE { ?self dkg:documentCount ?n }",
                                    bindings={"self": self.iri}, timeout=None).rows
        return int(rows[0][1]) if rows else None


_CLASS_BY_TYPE = [("Summit", Summit), ("BilateralMeeting", Meeting), ("Meeting", Meeting),
                  ("Visit", Visit), ("Event", Event), ("AgreementPackage", Agreement),
                  ("Declaration", Agreement), ("Agreement", Agreement), ("Person", Person)]


def _by_label(v: EntityView):
    return ((v.label or "").casefold(), str(v.iri))


def _by_date(v: EntityView):
    return (v.start is None, v.start or _dt.date.min, str(v.iri))


def _overlaps(v: EntityView, lo: _dt.date | None, hi: _dt.date | None) -> bool:
    if lo is None and hi is None:
        return True
    if v.start is None:
        return False
    last = v.end or v.start
    return (lo is None or last >= lo) and (hi is None or v.start <= hi)


def _predicate(value: str | URIRef) -> URIRef:
    if isinstance(value, URIRef):
        return value
    text = str(value).strip()
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    prefix, sep, local = text.partition(":")
    if sep:
        if prefix not in PREFIXES:
            raise InputError(f"unknown prefix {prefix!r} in {text!r}")
        return URIRef(PREFIXES[prefix] + local)
    try:
        return DKG[text]
    except AttributeError:
        raise InputError(f"unknown property {text!r} (a DiploKG property such as memberOf, "
                         "or a CURIE)") from None


def make_view(iri: URIRef, facts: dict, kg: "KnowledgeGraph | None") -> EntityView:
    """Build the entity object of ``iri`` from its ``{predicate: {values}}``."""
    get = lambda p: sorted(str(v) for v in facts.get(p, ()))  # noqa: E731
    labels = get(RDFS.label)
    qids = [q[len(str(WD)):] for q in get(OWL.sameAs) if q.startswith(str(WD))]
    types = sorted(local_name(t) for t in get(RDF.type))
    starts = sorted(facts.get(DKG.startDate, ()), key=str)
    ends = sorted(facts.get(DKG.endDate, ()), key=str)
    cls = next((c for name, c in _CLASS_BY_TYPE if name in types), EntityView)
    return cls(iri=iri, label=labels[0] if labels else None,
               alt_labels=tuple(get(SKOS.altLabel)), types=tuple(types),
               wikidata=qids[0] if qids else None, titles=tuple(get(DKG.title)),
               start=_date(starts[0]) if starts else None,
               end=_date(ends[0]) if ends else None, _kg=kg)


def fetch_views(kg: "KnowledgeGraph", pattern: str,
                bindings: dict[str, Any] | None = None) -> list[EntityView]:
    """The entities ``?e`` that the SPARQL group ``pattern`` matches (unsorted).

    ``bindings`` bind variables of ``pattern`` as RDF terms (they are projected,
    as the stores require).
    """
    bindings = dict(bindings or {})
    head = " ".join(f"?{name}" for name in bindings if name not in ("e", "p", "v"))
    rows = kg.store.query(f"SELECT {head} ?e ?p ?v WHERE {{ {pattern} ?e ?p ?v . "
                          f"{_VIEW_PROPS} }}", bindings=bindings, timeout=None).rows
    facts: dict[URIRef, dict] = {}
    for row in rows:
        e, p, v = row[-3:]
        if isinstance(e, URIRef):
            facts.setdefault(e, {}).setdefault(p, set()).add(v)
    return [make_view(e, f, kg) for e, f in facts.items()]


def list_entities(kg: "KnowledgeGraph", type: str | None = None) -> list[EntityView]:
    """Every entity of class ``type`` (with subclasses), or every labelled entity."""
    if type is None:
        pattern = "?e rdfs:label ?anyLabel . FILTER NOT EXISTS { ?e a dkg:Article }"
    else:
        values = " ".join(f"<{c}>" for c in sorted(class_closure(type)))
        pattern = f"VALUES ?cls {{ {values} }} ?e a ?cls ."
    return sorted(fetch_views(kg, pattern), key=_by_label)


def _name_index(kg: "KnowledgeGraph") -> list[tuple[str, str, str, bool]]:
    index = kg.store.cache.get("find-names")
    if index is None:
        index = sorted((normalize_label(name), e, name, alt) for e, name, alt in kg.store.labels())
        kg.store.cache["find-names"] = index
    return index


def _score(query: str, key: str, alt: bool) -> float:
    if key == query:
        score = 1.0
    elif f" {query} " in f" {key} ":
        score = 0.9  # a whole word or words of the name ("Putin" in "Vladimir Putin")
    elif key.startswith(query) or f" {query}" in f" {key}":
        score = 0.8  # the start of the name or of one of its words
    elif query in key:
        score = 0.7
    else:
        ratio = max(difflib.SequenceMatcher(None, query, key).ratio(),
                    max((difflib.SequenceMatcher(None, query, w).ratio() for w in key.split()),
                        default=0.0))
        score = round(0.75 * ratio, 2) if ratio >= 0.75 else 0.0
    return score - 0.05 if alt and score else score


def find_entities(kg: "KnowledgeGraph", text: str, *, type: str | None = None,
                  limit: int | None = 10) -> list[Match]:
    """Entities whose names match ``text`` exactly, as words, as a prefix, as a
    substring or (typos) approximately, best first; see :meth:`kg.api.KnowledgeGraph.find`."""
    query = normalize_label(str(text))
    if not query:
        raise InputError("find: empty name")
    best: dict[str, tuple[float, str]] = {}
    for key, e, name, alt in _name_index(kg):
        score = _score(query, key, alt)
        if score > 0 and score > best.get(e, (0.0, ""))[0]:
            best[e] = (score, name)
    if not best:
        return []
    # entity objects for the best few hundred names only (a one-letter query matches everything)
    iris = sorted(sorted(best, key=lambda e: (-best[e][0], e))[:max(200, 4 * (limit or 50))])
    views = {str(v.iri): v for v in fetch_views(
        kg, "VALUES ?e { " + " ".join(f"<{e}>" for e in iris) + " }")}
    allowed = class_closure(type) if type is not None else None
    matches = []
    for e in iris:
        score, name = best[e]
        view = views.get(e) or make_view(URIRef(e), {}, kg)
        if allowed is not None and not {DKG[t] for t in view.types
                                        if t in _closures()} & allowed:
            continue
        matches.append(Match(view, name, round(score, 2)))
    matches.sort(key=lambda m: (-m.score, _by_label(m.entity)))
    return matches[:limit] if limit is not None else matches
