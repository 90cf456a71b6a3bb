"""The public Python API: one :class:`KnowledgeGraph` over one store.

The CLI calls only this module. Articles go in with :meth:`KnowledgeGraph.ingest`
(each into its own named graph, replaced atomically when the text changes);
answers come out with :meth:`~KnowledgeGraph.query`,
:meth:`~KnowledgeGraph.named_query`, :meth:`~KnowledgeGraph.entity`, exports
and NetworkX views.

>>> kg = KnowledgeGraph()                      # in memory; KnowledgeGraph.open() for disk
>>> kg.add_graph('''
... @prefix dkg: <https://w3id.org/diplokg/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <https://w3id.org/diplokg/id/org/SCO> a dkg:InternationalOrganization ;
...     rdfs:label "Shanghai Cooperation Organisation" ; skos:altLabel "SCO" .
... <https://w3id.org/diplokg/id/state/KAZ> a dkg:State ; rdfs:label "Kazakhstan" ;
...     dkg:memberOf <https://w3id.org/diplokg/id/org/SCO> .
... <https://w3id.org/diplokg/id/state/RUS> a dkg:State ; rdfs:label "Russia" ;
...     dkg:memberOf <https://w3id.org/diplokg/id/org/SCO> .
... ''', name="https://w3id.org/diplokg/id/graph/demo")
9
>>> [m.label for m in kg.entity("SCO").members()]
['Kazakhstan', 'Russia']
>>> result = kg.named_query("members", org="Shanghai Cooperation Organisation")
>>> print(result.serialize("table"))
org           member          label       type       wikidata
------------  --------------  ----------  ---------  --------
dkgr:org/SCO  dkgr:state/KAZ  Kazakhstan  dkg:State
dkgr:org/SCO  dkgr:state/RUS  Russia      dkg:State
(2 rows)
>>> kg.close()
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef
from rdflib.term import Node

from .errors import InputError, KGError, StoreError
from .namespaces import DKGR
from .query import (NamedQuery, QueryResult, get_named_query, named_queries, parse_header,
                    resolve_entity, resolve_params)
from .rdf import article_iri, build_graph
from .sources import Article, count_sources, iter_sources, parse_date
from .store import Store, default_store_path, open_store

__all__ = ["KnowledgeGraph", "IngestReport", "EntityView", "extract_graph"]

if TYPE_CHECKING:  # pragma: no cover - imported by the methods that need them (start-up time)
    from .entities import EntityView, Match
    from .ingest import IngestProgress
    from .load import LoadReport
    import networkx as nx

    from .explain import Explanation
    from .views import Path as GraphPath

Source = Article | str | os.PathLike[str] | Iterable[Any]


# --------------------------------------------------------------------------- reports
@dataclass
class IngestReport:
    """What :meth:`KnowledgeGraph.ingest` did.

    ``added``, ``replaced`` and ``unchanged`` count articles; ``articles`` maps
    each article id to its outcome (``"added"``, ``"replaced"``,
    ``"unchanged"``) in input order; ``failed`` holds ``(name, message)``
    pairs (a file path or article id, and why); ``written`` counts the triples
    written and ``triples`` the triples in the store afterwards (merged: what
    queries see); ``seconds`` is the wall time of the ingest.
    """

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    written: int = 0
    articles: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def _record(self, article_id: str, outcome: str) -> None:
        self.articles[article_id] = outcome
        setattr(self, outcome, getattr(self, outcome) + 1)

    def ids(self, outcome: str) -> list[str]:
        """The ids of the articles with ``outcome`` (``"added"`` …), in input order."""
        return [a for a, o in self.articles.items() if o == outcome]

    @property
    def ok(self) -> bool:
        """True when no article failed."""
        return not self.failed

    @property
    def changed(self) -> int:
        """Number of article graphs written."""
        return self.added + self.replaced

    @property
    def ingested(self) -> int:
        """Articles extracted and written (added or replaced)."""
        return self.added + self.replaced

    @property
    def skipped(self) -> int:
        """Articles skipped because the store already holds them (same sha256)."""
        return self.unchanged

    @property
    def rate(self) -> float:
        """Articles ingested per second."""
        return self.ingested / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        return (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed; {self.written} triples written, "
                f"{self.triples} in the store")


# --------------------------------------------------------------------------- sources
def _published(value) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return parse_date(str(value), what="published date")


def _articles(source: Source, published) -> Iterator[tuple[str, Article | KGError]]:
    """Yield ``(name, article or the error reading it)`` for every article in ``source``."""
    if isinstance(source, Article):
        if published is not None:
            source = dataclasses.replace(source, published=_published(published))
        yield source.source_path or source.article_id, source
    elif isinstance(source, str) and "\n" in source:
        try:
            art = Article.from_text(source, published=published)
            yield art.article_id, art
        except KGError as err:
            yield "<text>", err
    elif isinstance(source, (str, os.PathLike)):  # a file, a folder or "-" (stdin)
        for item in iter_sources([source], published=published):
            if isinstance(item, Article):
                yield item.source_path or item.article_id, item
            else:
                yield getattr(item, "source", str(source)), item
    elif isinstance(source, Iterable) and not isinstance(source, (bytes, bytearray)):
        for item in source:
            yield from _articles(item, published)
    else:
        yield repr(source)[:60], InputError(f"cannot ingest {type(source).__name__}: give a "
                                            "path, a folder, text or an Article")


def _one_article(source, published) -> Article:
    found = list(_articles(source, published))
    if len(found) != 1:
        raise InputError(f"expected one article, found {len(found)}")
    _, art = found[0]
    if isinstance(art, KGError):
        raise art
    return art


def extract_graph(path_or_text: str | os.PathLike[str] | Article, *,
                  published: _dt.date | str | None = None, model: str = "auto") -> Graph:
    """The graph of one article, without a store (what ``kg extract`` writes).

    Parameters
    ----------
    path_or_text : str, path or Article
        A ``.txt`` file (first line the headline) or the text itself (with newlines).
    published : date or "YYYY-MM-DD", optional
        Publication date that relative dates resolve against.
    model : str
        ``"auto"``, ``"none"`` or a spaCy package name (see :class:`kg.extract.Extractor`).

    Raises
    ------
    InputError
        The file is missing, empty, binary or not UTF-8.
    """
    from .extract import Extractor

    article = _one_article(path_or_text, published)
    return build_graph(Extractor(model=model).extract(article))


# --------------------------------------------------------------------------- the graph
class KnowledgeGraph:
    """A knowledge graph of diplomacy news over one store.

    Parameters
    ----------
    store : Store, path or None
        ``None`` for a new in-memory store, a folder for an Oxigraph store, or
        an open :class:`~kg.store.Store` (then :meth:`close` leaves it open).
    extractor : Extractor, str or None
        An extractor object (anything with ``extract(article)``), or a model
        name for :class:`kg.extract.Extractor` (default ``"auto"``); created on
        first use and shared by every article.
    base : str
        Base IRI of the resources (``dkgr:`` by default).
    """

    def __init__(self, store: Store | str | os.PathLike[str] | None = None, *,
                 extractor: Any = None, base: str = str(DKGR)) -> None:
        if isinstance(store, Store):
            self.store, self._owns_store = store, False
        elif store is None or isinstance(store, (str, os.PathLike)):
            self.store, self._owns_store = open_store(store), True
        else:
            raise StoreError(f"not a store or a store location: {store!r}")
        self._extractor_spec = extractor
        self._extractor = None if extractor is None or isinstance(extractor, str) else extractor
        self.base = base

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, read_only: bool = False,
             extractor: Any = None, base: str = str(DKGR)) -> "KnowledgeGraph":
        """Open (or create) the Oxigraph store at ``path`` (default: ``$KG_STORE`` or ``./kg-store``).

        Raises :class:`~kg.errors.StoreLocked` when another process has it open for writing.
        """
        store = open_store(path if path is not None else default_store_path(),
                           read_only=read_only)
        kg = cls(store, extractor=extractor, base=base)
        kg._owns_store = True
        return kg

    # ---- life cycle
    def close(self) -> None:
        """Close the store if this object opened it."""
        if self._owns_store:
            self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {self.store!r}>"

    # ---- writing
    @property
    def extractor(self):
        """The shared extractor (the language model loads on first use)."""
        if self._extractor is None:
            from .extract import Extractor

            self._extractor = Extractor(model=self._extractor_spec or "auto")
        return self._extractor

    def _graph_of(self, article: Article) -> Graph:
        return build_graph(self.extractor.extract(article), base=self.base)

    def extract(self, article: Article | str | os.PathLike[str], *,
                published: _dt.date | str | None = None) -> Graph:
        """The graph of one article (path, text or :class:`~kg.sources.Article`), not stored."""
        return self._graph_of(_one_article(article, published))

    def ingest(self, source: Source, *, published: _dt.date | str | None = None,
               force: bool = False, jobs: int = 1,
               progress: Callable[[IngestProgress], None] | None = None) -> IngestReport:
        """Extract articles into the store, one named graph per article.

        Parameters
        ----------
        source : path, folder, text, Article or an iterable of these
            A ``.txt`` file (first line the headline), an ``.html`` page, a
            ``.jsonl`` file (one article per line), a folder (every such file
            below it, sorted), ``"-"`` (standard input), raw text (a string
            with newlines) or :class:`~kg.sources.Article` objects (see
            :func:`kg.sources.iter_sources`).
        published : date or "YYYY-MM-DD", optional
            Publication date for articles that do not carry one.
        force : bool
            Re-extract even unchanged articles (after an extractor upgrade).
        jobs : int
            Extraction processes (:mod:`kg.ingest`): the language model loads
            once in each; this process stays the only writer. ``1`` (default)
            extracts here, with this object's extractor.
        progress : callable, optional
            Called after each article with a :class:`kg.ingest.IngestProgress`
            (counts, rate, ETA when the total is known).

        Returns
        -------
        IngestReport
            An article whose stored graph has the same text hash (and
            publication date) is ``unchanged`` and not extracted again; an
            article that cannot be read or extracted is listed in ``failed``
            and the others go on; a failed article never changes stored data.

        Raises
        ------
        StoreError
            The store is open read-only.

        Examples
        --------
        >>> kg = KnowledgeGraph(extractor="none")
        >>> text = "Leaders meet\\n\\nRussia and China are members of the SCO.\\n"
        >>> report = kg.ingest(text, published="2024-07-03")
        >>> report.added, report.failed
        (1, [])
        >>> again = kg.ingest(text, published="2024-07-03")
        >>> again.unchanged, again.written, again.triples == report.triples
        (1, 0, True)
        """
        if self.store.read_only:
            raise StoreError(f"{self.store.location}: store is open read-only; cannot ingest")
        published = _published(published)
        if jobs < 1:
            raise InputError(f"jobs: {jobs} is not a positive number of processes")
        total = None
        if progress is not None:
            if isinstance(source, (str, os.PathLike)) and not (isinstance(source, str)
                                                                and "\n" in source):
                total = count_sources([source])
            elif isinstance(source, (list, tuple)) and all(
                    isinstance(s, (str, os.PathLike)) for s in source):
                total = count_sources(source)
        from .ingest import ingest_articles

        report = ingest_articles(
            self.store, _articles(source, published), report=IngestReport(),
            extractor=self._extractor if self._extractor is not None else self._extractor_spec,
            local_extractor=lambda: self.extractor, base=self.base, force=force, jobs=jobs,
            progress=progress, total=total)
        report.triples = self._triple_count()
        return report

    def load(self, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
             format: str | None = None, graph: str | None = None) -> LoadReport:
        """Load RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD …) into the store.

        A file of triples fills the graph ``graph`` (default: one per file,
        ``dkgr:graph/<file-stem>``); a file of quads keeps its graphs. Blank
        nodes are skolemized, so loading a file again changes nothing. See
        :func:`kg.load.load_files` (hostile input, errors, the bulk path).
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        from .load import load_files

        return load_files(self.store, paths, fmt=format, graph=graph, base=self.base)

    def add_graph(self, data: Graph | str | os.PathLike[str], *, name: str,
                  format: str | None = None) -> int:
        """Store ``data`` as the named graph ``name`` (replacing it); returns its size.

        ``data`` is an rdflib graph, RDF text (Turtle by default) or an RDF file.
        """
        if isinstance(data, Graph):
            graph = data
        else:
            graph = Graph()
            try:
                if isinstance(data, str) and ("\n" in data or not Path(data).exists()):
                    graph.parse(data=data, format=format or "turtle")
                else:
                    graph.parse(source=str(data), format=format)
            except Exception as err:  # rdflib parsers raise many types
                raise InputError(f"{str(data)[:60]!r}: cannot parse RDF ({err})") from err
        self.store.replace_graph(name, graph)
        return len(graph)

    def remove(self, article_id: str) -> bool:
        """Remove an article's graph; ``True`` when it was there."""
        return self.store.remove_graph(str(article_iri(article_id, self.base)))

    # ---- reading
    def query(self, sparql: str, *, timeout: float | None = 30.0, limit: int | None = None,
              **params: str | Node) -> QueryResult:
        """Run a read-only SPARQL query; ``params`` bind variables.

        Strings are resolved like :func:`kg.query.resolve_params` (IRIs, CURIEs,
        names; a ``# params:`` header in the query can mark literals); rdflib
        terms are bound as they are. Bound variables must be projected.

        Examples
        --------
        >>> kg = KnowledgeGraph()
        >>> kg.query("ASK { ?s ?p ?o }").boolean
        False
        """
        header = parse_header(sparql)
        nq = None
        if header["params"]:
            nq = NamedQuery(name="query", path=Path("<query>"),
                            params=[p.name for p in header["params"]],
                            param_specs=tuple(header["params"]), text=sparql)
        bindings = resolve_params(self.store, params, query=nq)
        return self.store.query(sparql, bindings=bindings, timeout=timeout, limit=limit)

    def named_query(self, name: str, *, timeout: float | None = 30.0, limit: int | None = None,
                    **params: str | Node) -> QueryResult:
        """Run ``queries/<name>.rq`` with its parameters (see :meth:`named_queries`)."""
        nq = get_named_query(name)
        bindings = resolve_params(self.store, params, query=nq)
        return self.store.query(nq.text, bindings=bindings, timeout=timeout, limit=limit)

    @staticmethod
    def named_queries() -> dict[str, NamedQuery]:
        """The named queries, by name, with their parameters and descriptions."""
        return named_queries()

    def resolve(self, name_or_iri: str | Node) -> URIRef:
        """The IRI of the entity named ``name_or_iri`` (see :func:`kg.query.resolve_entity`)."""
        return resolve_entity(self.store, name_or_iri)

    def entity(self, name_or_iri: str | Node) -> EntityView:
        """The entity with that name or IRI, as its most specific entity class.

        :class:`~kg.entities.Summit`, :class:`~kg.entities.Meeting`,
        :class:`~kg.entities.Visit`, :class:`~kg.entities.Agreement`,
        :class:`~kg.entities.Person` or :class:`~kg.entities.EntityView`
        (see :mod:`kg.entities` for the traversal methods).

        Raises :class:`~kg.errors.EntityNotFound` or :class:`~kg.errors.AmbiguousEntity`.

        Examples
        --------
        >>> kg = KnowledgeGraph()
        >>> kg.entity("Atlantis")
        Traceback (most recent call last):
        ...
        kg.errors.EntityNotFound: no entity named 'Atlantis' (names match ignoring case and accents)
        """
        iri = self.resolve(name_or_iri)
        from .entities import fetch_views, make_view

        found = fetch_views(self, "", {"e": iri})
        return found[0] if found else make_view(iri, {}, self)

    def entities(self, type: str | None = None) -> list[EntityView]:
        """Every entity of class ``type`` (a local name such as ``"State"``, with its
        subclasses: ``"Event"`` includes summits), or every labelled entity; by label.

        Raises :class:`~kg.errors.InputError` for a name that is not a class of the ontology.
        """
        from .entities import list_entities

        return list_entities(self, type)

    def find(self, text: str, *, type: str | None = None, limit: int | None = 10) -> list[Match]:
        """Entities whose names match ``text``, best first (fuzzy, never an error).

        Names (labels and alternative labels) are compared ignoring case and
        accents; the score is 1 for the preferred label exactly, 0.95 for an
        alternative label, 0.9 when ``text`` is a whole word of the name
        ("Putin" in "Vladimir Putin"), 0.8 for the start of the name or of a
        word, 0.7 for any substring, and below that for close spellings
        ("Puttin"); an alternative-label match scores 0.05 less than a label
        match. ``type`` keeps one class (with subclasses).

        Examples
        --------
        >>> from kg.entities import EXAMPLE_TTL
        >>> kg = KnowledgeGraph()
        >>> _ = kg.add_graph(EXAMPLE_TTL, name="https://w3id.org/diplokg/id/article/demo")
        >>> [(m.entity.label, m.name, m.score) for m in kg.find("putin")]
        [('Vladimir Putin', 'Putin', 0.95)]
        >>> [m.entity.label for m in kg.find("a", type="State")]
        ['Kazakhstan', 'Russia']
        """
        from .entities import find_entities

        return find_entities(self, text, type=type, limit=limit)

    def _triple_count(self) -> int:
        rows = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=None).rows
        return int(rows[0][0])

    def stats(self) -> dict[str, Any]:
        """What the store holds (see :func:`kg.stats.store_stats`).

        Keys: ``articles`` (article graphs), ``quads``, ``triples`` (merged),
        ``classes`` and ``properties`` (counts by local name), ``published``
        and ``event_dates`` (``(first, last)`` ISO dates or ``None``), and
        ``store`` (``backend``, ``location``, ``bytes`` on disk or ``None``).
        """
        from .stats import store_stats

        return store_stats(self.store)

    def explain(self, entity_or_fact: str | Node | tuple) -> "Explanation":
        """The articles, sentences and extraction rules behind an entity or a fact.

        ``entity_or_fact`` is an entity (name or IRI), a fact as a
        ``(subject, predicate, object)`` tuple, or a fact as text
        ``"S P O"`` (``"Putin leaderOf Russia"``; quote names with spaces or
        let the property word split them). See :mod:`kg.explain`.

        Raises
        ------
        EntityNotFound, AmbiguousEntity
            A name that matches no entity or several.
        FactNotFound
            The graph does not state that fact.
        """
        from .explain import explain_entity, explain_fact, parse_fact

        if isinstance(entity_or_fact, tuple):
            return explain_fact(self.store, entity_or_fact)
        if isinstance(entity_or_fact, str) and not isinstance(entity_or_fact, Node):
            fact = parse_fact(entity_or_fact, must=False)
            if fact is not None:
                return explain_fact(self.store, fact)
        return explain_entity(self.store, self.resolve(entity_or_fact))

    # ---- out
    def export(self, dest, *, format: str | None = None) -> int:
        """Export every graph (see :func:`kg.export.export_store`); returns statements written."""
        from .export import export_store

        return export_store(self.store, dest, fmt=format)

    def view(self, name: str, *, entity: str | Node | None = None, radius: int = 1,
             organization: str | Node | None = None, type: str | Iterable[str] | None = None,
             start: _dt.date | str | None = None, end: _dt.date | str | None = None,
             provenance: bool = True) -> "nx.Graph":
        """A NetworkX view of the graph (see :mod:`kg.views` for what each holds).

        Parameters
        ----------
        name : str
            ``membership``, ``co_membership``, ``attendance``, ``meetings``,
            ``full`` or ``ego`` (:data:`kg.views.VIEWS`).
        entity, radius
            The centre and radius of the ``ego`` view.
        organization : name or IRI, optional
            Only this organization (its members, its events).
        type : class name or names, optional
            Only nodes of these classes (with subclasses), e.g. ``"State"``.
        start, end : date or "YYYY-MM-DD", optional
            Only events in this range (attendance, meetings) or facts from
            articles published in it (membership, co_membership, full, ego).
        provenance : bool
            ``full`` and ``ego``: keep articles and evidence nodes.

        Raises
        ------
        InputError
            An unknown view name or class name, or a bad date.
        EntityNotFound, AmbiguousEntity
            An entity or organization name that does not name one entity.
        """
        from .views import build_view

        return build_view(
            self.store, name, entity=self.resolve(entity) if entity is not None else None,
            radius=radius, organization=self.resolve(organization) if organization is not None
            else None, types=[type] if isinstance(type, str) else type, start=start, end=end,
            provenance=provenance)

    def membership_graph(self, organization: str | Node | None = None) -> "nx.Graph":
        """States and organizations linked by membership (see :func:`kg.views.membership_graph`)."""
        return self.view("membership", organization=organization)

    def neighbourhood(self, entity: str | Node, radius: int = 1) -> "nx.MultiDiGraph":
        """The entities within ``radius`` links of ``entity``, and the links among them.

        A :class:`networkx.MultiDiGraph` (the ``ego`` view, without provenance):
        edges keyed by predicate local name, with ``predicate`` attributes.
        """
        return self.view("ego", entity=entity, radius=radius, provenance=False)

    neighborhood = neighbourhood

    def path(self, source: str | Node, target: str | Node, *,
             max_hops: int = 6) -> "GraphPath | None":
        """The shortest chain of links between two entities, or ``None`` beyond ``max_hops``.

        Links are followed in either direction (not through provenance, classes
        or status). The result's ``steps`` name the predicate of every link.

        Examples
        --------
        >>> from kg.entities import EXAMPLE_TTL
        >>> kg = KnowledgeGraph()
        >>> _ = kg.add_graph(EXAMPLE_TTL, name="https://w3id.org/diplokg/id/article/demo")
        >>> print(kg.path("Putin", "SCO"))
        Vladimir Putin -leaderOf-> Russia -memberOf-> Shanghai Cooperation Organisation
        >>> [(s.predicate, s.forward) for s in kg.path("Putin", "Kazakhstan").steps]
        [('participant', False), ('hostCountry', True)]
        """
        from .views import shortest_path

        return shortest_path(self.store, self.resolve(source), self.resolve(target),
                             max_hops=max_hops)


def __getattr__(name: str):
    # EntityView is re-exported here, but kg.entities is imported on first use (start-up time)
    if name == "EntityView":
        from .entities import EntityView

        return EntityView
    raise AttributeError(f"module 'kg.api' has no attribute {name!r}")
