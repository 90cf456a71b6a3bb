"""The store layer: where article graphs live between runs.

One named graph per article (its name is the article IRI); queries see the
RDF merge of all graphs (each triple once, however many articles state it) as
their default graph. Two back ends behind one small interface:

* :class:`MemoryStore` — an :class:`rdflib.Dataset` in memory (tests, doctests,
  one-off extractions);
* :class:`OxigraphStore` — a pyoxigraph (RocksDB) store in a folder on disk,
  the default for the CLI and :meth:`kg.api.KnowledgeGraph.open`. Its default
  graph holds the merge of the article graphs, kept up to date by every write
  in the same transaction (pyoxigraph 0.5's own union mode repeats a triple
  once per graph that holds it, which breaks counts: oxigraph issue #1919).

:func:`open_store` picks one from a location. Writes are per article graph and
atomic (:meth:`Store.replace_graph`): a reader sees the old graph or the new
one, never a mix, and a failed write leaves the old graph in place.

Concurrency on disk: one process at a time may open a store folder for
writing; a second one gets :class:`~kg.errors.StoreLocked`. ``read_only=True``
opens RocksDB without the lock, so queries can run while another process holds
it — but pyoxigraph documents reading while another process *writes* as
undefined behaviour, so use it for stores nobody is ingesting into.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDFS
>>> store = open_store()            # in memory
>>> g = Graph()
>>> _ = g.add((URIRef("https://w3id.org/diplokg/id/state/RUS"), RDFS.label, Literal("Russia")))
>>> store.replace_graph("https://w3id.org/diplokg/id/article/a1", g)
>>> store.graph_names(), len(store)
(['https://w3id.org/diplokg/id/article/a1'], 1)
>>> store.query("SELECT ?l WHERE { ?s rdfs:label ?l }").rows
[(rdflib.term.Literal('Russia'),)]
"""
from __future__ import annotations

import functools
import itertools
import operator
import os
import queue
import re
import threading
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDFS, SKOS, XSD
from rdflib.term import Node

from .errors import KGError, QueryError, StoreError, StoreLocked
from .namespaces import DKG, PREFIXES
from .query import QueryResult, check_query, run_with_deadline

__all__ = ["Store", "MemoryStore", "OxigraphStore", "open_store", "default_store_path",
           "DEFAULT_STORE", "STORE_ENV", "to_oxigraph", "from_oxigraph"]

#: environment variable naming the default on-disk store folder
STORE_ENV = "KG_STORE"
#: default on-disk store folder (relative to the working directory)
DEFAULT_STORE = "kg-store"

_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_XSD_STRING = str(XSD.string)
Quad = tuple[Node, Node, Node, "URIRef | None"]


def default_store_path() -> Path:
    """The on-disk store folder used when none is given.

    ``$KG_STORE`` when set, else ``./kg-store``.

    >>> import os
    >>> os.environ.pop("KG_STORE", None) and None
    >>> default_store_path().name
    'kg-store'
    """
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def open_store(location: str | os.PathLike[str] | None = None, *,
               read_only: bool = False) -> "Store":
    """Open the store at ``location``.

    Parameters
    ----------
    location : str or path-like or None
        ``None`` for a new in-memory store, a folder path for an Oxigraph store
        on disk (created when missing), or an ``http(s)://`` SPARQL 1.1
        endpoint (a :class:`kg.remote.RemoteStore`; update endpoint and
        credentials from ``$KG_SPARQL_UPDATE_URL``, ``$KG_SPARQL_USER``,
        ``$KG_SPARQL_PASSWORD``).
    read_only : bool
        Open without taking the write lock; every write raises
        :class:`~kg.errors.StoreError`.

    Raises
    ------
    StoreLocked
        Another process has the folder open for writing.
    StoreError
        The location is a file, not writable, or not a store.
    """
    if location is None:
        return MemoryStore(read_only=read_only)
    text = os.fspath(location)
    if text.startswith(("http://", "https://")):
        from .remote import RemoteStore  # imported on first use

        return RemoteStore(text, read_only=read_only)
    return OxigraphStore(Path(text), read_only=read_only)


# --------------------------------------------------------------------------- terms
def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to the pyoxigraph term with the same meaning.

    >>> to_oxigraph(Literal("2024-07-03", datatype=XSD.date))
    <Literal value=2024-07-03 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise StoreError(f"cannot store {term!r}: not an IRI, blank node or literal")


def from_oxigraph(term) -> Node | None:
    """Convert a pyoxigraph term to an rdflib term (``xsd:string`` becomes a plain literal).

    >>> from_oxigraph(ox.Literal("SCO"))
    rdflib.term.Literal('SCO')
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt in (_XSD_STRING, _RDF_LANGSTRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise QueryError(f"RDF-star triple terms are not supported: {term}")


@functools.lru_cache(maxsize=1 << 16)
def _cached_term(term) -> Node | None:
    """:func:`from_oxigraph` with the results of the last 65,536 distinct terms kept
    (terms and rdflib nodes are immutable values, so a kept result is always right)."""
    return None if term is None else from_oxigraph(term)


def _nquad_lines(quads: Iterable[ox.Quad | ox.Triple], fmt: ox.RdfFormat) -> list[bytes]:
    data = ox.serialize(quads, format=fmt)
    return data.splitlines(keepends=True) if data else []


#: bytes of N-Triples/N-Quads text per call of Oxigraph's bulk loader (its memory grows with
#: the statements of one call: ~0.9 GB for 10^6 lines at once, ~0.4 GB for these chunks)
BULK_CHUNK_BYTES = 32 << 20
#: statements per chunk when a file is re-serialized for the bulk loader
BULK_CHUNK_STATEMENTS = 150_000


def line_chunks(path: str | os.PathLike[str], size: int | None = None) -> Iterator[bytes]:
    """The bytes of the N-Triples or N-Quads file ``path`` in chunks of about ``size``
    bytes (default :data:`BULK_CHUNK_BYTES`) that end at a line feed (in these formats
    a line feed only ends a statement or a comment, never falls inside one)."""
    size = size or BULK_CHUNK_BYTES
    rest = b""
    with open(path, "rb") as f:
        while block := f.read(size):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            if cut:
                yield block[:cut]
            rest = block[cut:]
    if rest:
        yield rest


# --------------------------------------------------------------------------- interface
class Store(ABC):
    """A set of named article graphs that answers SPARQL over their union.

    Use :func:`open_store` to get one; stores are context managers.
    """

    #: where the store lives (``None`` in memory)
    location: Path | None = None

    def __init__(self, *, read_only: bool = False) -> None:
        self.read_only = read_only
        self._closed = False
        #: derived data (label indexes …) cached until the next write
        self.cache: dict[str, object] = {}

    # ---- reading
    @abstractmethod
    def graph_names(self) -> list[str]:
        """The names of the non-empty named graphs, sorted."""

    @abstractmethod
    def value(self, graph_iri: str, subject: Node, predicate: Node) -> Node | None:
        """One object of ``subject predicate ?o`` inside graph ``graph_iri`` (or ``None``)."""

    def article_sha256(self, graph_iri: str) -> str | None:
        """The ``dkg:sha256`` the article graph ``graph_iri`` stores for itself, or ``None``."""
        node = self.value(graph_iri, URIRef(graph_iri), DKG.sha256)
        return None if node is None else str(node)

    def labels(self) -> Iterator[tuple[str, str, bool]]:
        """Every ``(entity IRI, name, is_alt_label)`` from ``rdfs:label`` and
        ``skos:altLabel`` (for name lookups)."""
        for p, alt in ((RDFS.label, False), (SKOS.altLabel, True)):
            rows = self.query("SELECT ?p ?e ?l WHERE { ?e ?p ?l }", bindings={"p": p},
                              timeout=None).rows
            yield from ((str(e), str(lab), alt) for _, e, lab in rows
                        if isinstance(e, URIRef) and isinstance(lab, Literal))

    @abstractmethod
    def graph(self, graph_iri: str) -> Graph:
        """A copy of the named graph ``graph_iri`` (empty when absent)."""

    @abstractmethod
    def quads(self) -> Iterator[Quad]:
        """Every quad ``(s, p, o, graph)`` as rdflib terms (graph ``None``: default graph)."""

    @abstractmethod
    def __len__(self) -> int:
        """Number of quads."""

    def dump(self, out: BinaryIO, fmt: str = "nquads") -> int:
        """Write the store as N-Quads (``"nquads"``) or as N-Triples of the union
        graph (``"nt"``); same content gives the same bytes on every back end.

        N-Triples: the union's lines sorted, each triple once. N-Quads: graph by
        graph, in the order of the graph names' N-Quads terms (``<iri>``), each
        graph's lines sorted — written as each graph is read, so the whole store
        is never held in memory. Returns the number of lines written.
        """
        if fmt not in ("nquads", "nt"):
            raise KGError(f"Store.dump: format {fmt!r} is not 'nquads' or 'nt'")
        self._check_open()
        if fmt == "nt":
            lines = self._union_lines()
            out.writelines(lines)
            return len(lines)
        count = 0
        for lines in self._graph_lines():
            out.writelines(lines)
            count += len(lines)
        return count

    def _union_lines(self) -> list[bytes]:
        """The sorted, distinct N-Triples lines of the union graph."""
        self._check_open()
        items = (ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                 for s, p, o, _ in self.quads())
        return sorted(set(_nquad_lines(items, ox.RdfFormat.N_TRIPLES)))

    def _graph_lines(self) -> Iterator[list[bytes]]:
        """The N-Quads lines of each named graph, graphs in the order of their
        N-Quads terms, lines sorted within each graph."""
        by_graph: dict[str, list[ox.Quad]] = {}
        for s, p, o, g in self.quads():
            if g is not None:
                term = to_oxigraph(g)
                by_graph.setdefault(str(term), []).append(
                    ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), term))
        for name in sorted(by_graph):
            yield sorted(set(_nquad_lines(by_graph.pop(name), ox.RdfFormat.N_QUADS)))

    # ---- writing
    def replace_graph(self, graph_iri: str, graph: Graph | Iterable[tuple[Node, Node, Node]]) -> None:
        """Replace the named graph ``graph_iri`` by the triples of ``graph`` (an rdflib
        graph or any iterable of rdflib triples), atomically."""
        self._check_writable()
        triples = list(graph)
        for triple in triples:
            for term in triple:
                if not isinstance(term, (URIRef, BNode, Literal)):
                    raise StoreError(f"{graph_iri}: cannot store {term!r} in a graph")
        self._replace(str(graph_iri), triples)
        self.cache.clear()

    def replace_graph_nt(self, graph_iri: str, data: bytes | str) -> None:
        """Replace the named graph ``graph_iri`` by the triples of the N-Triples
        document ``data``, atomically, as :meth:`replace_graph` does (the ingest
        path: the Oxigraph store writes them without making rdflib terms)."""
        self._check_writable()
        self.replace_graph(graph_iri, [(from_oxigraph(t.subject), from_oxigraph(t.predicate),
                                        from_oxigraph(t.object))
                                       for t in self._parse_nt(graph_iri, data)])

    @staticmethod
    def _parse_nt(graph_iri: str, data: bytes | str) -> list[ox.Quad]:  # (in the default graph)
        try:
            return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True))
        except SyntaxError as err:
            raise StoreError(f"{graph_iri}: the data to store is not N-Triples ({err})") from err

    def remove_graph(self, graph_iri: str) -> bool:
        """Remove the named graph ``graph_iri``; ``True`` when it existed."""
        self._check_writable()
        existed = str(graph_iri) in self.graph_names()
        self._remove(str(graph_iri))
        self.cache.clear()
        return existed

    def has_graph(self, graph_iri: str) -> bool:
        """True when the named graph ``graph_iri`` holds at least one triple."""
        return str(graph_iri) in self.graph_names()

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Triple]], *,
                       bulk: bool = False) -> int:
        """Replace each named graph in ``graphs`` by its pyoxigraph triples (the
        bulk path of :func:`kg.load.load_files`); a graph given no triples is removed.

        Returns the number of quads added or removed in the named graphs (0 when
        every graph already held exactly these triples). This implementation
        replaces the graphs one after the other (each atomically) and ignores
        ``bulk``; the Oxigraph store writes all of them in one transaction.
        """
        self._check_writable()
        changed = 0
        for name, triples in graphs.items():
            new = {(from_oxigraph(t.subject), from_oxigraph(t.predicate),
                    from_oxigraph(t.object)) for t in triples}
            old = set(self.graph(name))
            if new != old:
                self.replace_graph(name, list(new))
                changed += len(new ^ old)
        return changed

    @abstractmethod
    def _replace(self, graph_iri: str, triples: list) -> None: ...

    @abstractmethod
    def _remove(self, graph_iri: str) -> None: ...

    # ---- querying
    def query(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
              timeout: float | None = 30.0, limit: int | None = None) -> QueryResult:
        """Run a read-only SPARQL query over the union of all graphs.

        Parameters
        ----------
        sparql : str
            SELECT, ASK, CONSTRUCT or DESCRIBE. The project prefixes
            (``dkg:``, ``rdfs:`` …) are predeclared.
        bindings : dict of str to rdflib term, optional
            Values for variables, bound as RDF terms (never pasted into the text).
        timeout : float or None
            Seconds before :class:`~kg.errors.QueryTimeout` (see
            :func:`kg.query.run_with_deadline` for what is interruptible).
        limit : int or None
            Keep at most this many rows (triples for graph results) and set
            ``truncated``.

        Raises
        ------
        QueryError, ForbiddenQuery, QueryTimeout
        """
        self._check_open()
        # FROM / FROM NAMED may only name graphs of this store (rdflib would fetch others)
        # (a whole word: dkg:fromArticle must not list every graph on each query)
        has_from = re.search(r"\bFROM\b", sparql, re.IGNORECASE) is not None
        info = check_query(sparql, graphs=self.graph_names() if has_from else None)
        binds = {str(k).lstrip("?$"): v for k, v in (bindings or {}).items() if v is not None}
        for name, term in binds.items():
            if not isinstance(term, (URIRef, Literal, BNode)):
                raise QueryError(f"binding ?{name}: {term!r} is not an RDF term")
        info.check_bindings(binds)
        return run_with_deadline(
            lambda cancelled: self._evaluate(sparql, info.kind, binds, limit, cancelled),
            timeout, interrupt_python=self._python_engine)

    _python_engine = False

    @abstractmethod
    def _evaluate(self, sparql: str, kind: str, bindings: dict[str, Node], limit: int | None,
                  cancelled) -> QueryResult: ...

    # ---- life cycle
    def close(self) -> None:
        """Release the store (the on-disk lock too); further use raises StoreError."""
        self._closed = True

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"{self.location or 'memory store'}: store is closed")

    def _check_writable(self) -> None:
        self._check_open()
        if self.read_only:
            raise StoreError(f"{self.location or 'memory store'}: store is open read-only")

    def __repr__(self) -> str:
        where = self.location or "memory"
        return f"<{type(self).__name__} {where}{' read-only' if self.read_only else ''}>"


def _collect(rows: Iterable, convert, limit: int | None, cancelled) -> tuple[list, bool]:
    out: list = []
    for row in rows:
        if cancelled():
            break
        if limit is not None and len(out) >= limit:
            return out, True
        out.append(convert(row))
    return out, False


# --------------------------------------------------------------------------- memory
class MemoryStore(Store):
    """An in-memory store over :class:`rdflib.Dataset` (``default_union=True``).

    Not safe for writes concurrent with queries from other threads.
    """

    _python_engine = True

    def __init__(self, *, read_only: bool = False) -> None:
        super().__init__(read_only=read_only)
        self._ds = Dataset(default_union=True)
        self._lock = threading.RLock()

    def graph_names(self) -> list[str]:
        self._check_open()
        return sorted(str(g.identifier) for g in self._ds.graphs()
                      if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g))

    def value(self, graph_iri: str, subject: Node, predicate: Node) -> Node | None:
        self._check_open()
        for _, _, o, _ in self._ds.quads((subject, predicate, None, URIRef(graph_iri))):
            return o
        return None

    def graph(self, graph_iri: str) -> Graph:
        self._check_open()
        out = Graph()
        for s, p, o, _ in self._ds.quads((None, None, None, URIRef(graph_iri))):
            out.add((s, p, o))
        return out

    def quads(self) -> Iterator[Quad]:
        self._check_open()
        for s, p, o, g in self._ds.quads((None, None, None, None)):
            name = getattr(g, "identifier", g)
            yield s, p, o, (None if name in (None, DATASET_DEFAULT_GRAPH_ID) else name)

    def __len__(self) -> int:
        self._check_open()
        return sum(1 for _ in self._ds.quads((None, None, None, None)))

    def _replace(self, graph_iri: str, triples: list) -> None:
        name = URIRef(graph_iri)
        with self._lock:
            self._ds.remove_graph(name)
            if triples:
                ctx = self._ds.graph(name)
                self._ds.addN((s, p, o, ctx) for s, p, o in triples)

    def _remove(self, graph_iri: str) -> None:
        with self._lock:
            self._ds.remove_graph(URIRef(graph_iri))

    def _evaluate(self, sparql, kind, bindings, limit, cancelled) -> QueryResult:
        try:
            res = self._ds.query(sparql, initNs=PREFIXES,
                                 initBindings={Variable(k): v for k, v in bindings.items()})
            if kind == "ask":
                return QueryResult(kind="ask", boolean=bool(res.askAnswer))
            if kind == "graph":
                triples, truncated = _collect(res, tuple, limit, cancelled)
                return QueryResult.from_triples(triples, truncated=truncated)
            names = [str(v) for v in (res.vars or [])]
            rows, truncated = _collect(res, lambda r: tuple(r[n] for n in names), limit,
                                       cancelled)
            return QueryResult(kind="select", vars=names, rows=rows, truncated=truncated)
        except KGError:
            raise
        except Exception as err:  # rdflib raises plain Exceptions while evaluating
            raise QueryError(f"query failed: {type(err).__name__}: {err}") from err


# --------------------------------------------------------------------------- oxigraph
def _is_lock_error(err: OSError) -> bool:
    msg = str(err)
    return "LOCK" in msg or "lock hold" in msg.lower()


class OxigraphStore(Store):
    """A persistent pyoxigraph store in the folder ``path``."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        super().__init__(read_only=read_only)
        self.location = path
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store folder")
        if read_only and not (path / "CURRENT").exists():
            raise StoreError(f"{path}: no store there to open read-only")
        if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").exists():
            raise StoreError(f"{path}: folder is not empty and is not a store")
        try:
            self._store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as err:
            if _is_lock_error(err):
                if "current process" in str(err):
                    raise StoreLocked(f"{path}: store is already open in this process (or a "
                                      "timed-out query on it is still finishing)") from err
                raise StoreLocked(f"{path}: store is locked by another process") from err
            raise StoreError(f"{path}: cannot open store ({err})") from err

    @property
    def ox_store(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store` (for fast native operations)."""
        self._check_open()
        return self._store

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._call(lambda s: list(s.named_graphs()))
                      if isinstance(g, ox.NamedNode))

    def value(self, graph_iri: str, subject: Node, predicate: Node) -> Node | None:
        pattern = (to_oxigraph(subject), to_oxigraph(predicate), None, ox.NamedNode(graph_iri))
        for quad in self._call(lambda s: s.quads_for_pattern(*pattern)):
            return from_oxigraph(quad.object)
        return None

    def labels(self) -> Iterator[tuple[str, str, bool]]:
        for p, alt in ((RDFS.label, False), (SKOS.altLabel, True)):
            quads = self._call(lambda s: list(s.quads_for_pattern(None, to_oxigraph(p), None,
                                                                  ox.DefaultGraph())))
            yield from ((q.subject.value, q.object.value, alt) for q in quads
                        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal))

    def graph(self, graph_iri: str) -> Graph:
        out = Graph()
        quads = self._call(lambda s: list(s.quads_for_pattern(None, None, None,
                                                              ox.NamedNode(graph_iri))))
        for q in quads:
            out.add((from_oxigraph(q.subject), from_oxigraph(q.predicate),
                     from_oxigraph(q.object)))
        return out

    def _named_quads(self, store: ox.Store) -> Iterator[ox.Quad]:
        # graph by graph: the graph-first index holds only named-graph quads
        return (q for g in list(store.named_graphs())
                for q in store.quads_for_pattern(None, None, None, g))

    def quads(self) -> Iterator[Quad]:
        for q in self._call(self._named_quads):
            yield (from_oxigraph(q.subject), from_oxigraph(q.predicate),
                   from_oxigraph(q.object), from_oxigraph(q.graph_name))

    def _union_lines(self) -> list[bytes]:
        # N-Triples of the union: Oxigraph's own serializer dumps the default graph, which
        # is the de-duplicated union (no Python object per statement); sorted in place.
        data = self._call(lambda s: s.dump(format=ox.RdfFormat.N_TRIPLES,
                                           from_graph=ox.DefaultGraph()))
        lines = data.splitlines(keepends=True) if data else []
        del data
        lines.sort()
        return lines

    #: graphs dumped ahead of the writer by the two dumping threads
    _DUMP_AHEAD = 32

    def _graph_lines(self) -> Iterator[list[bytes]]:
        # each named graph dumped by Oxigraph as N-Triples (two threads: the dump releases
        # the GIL and reading RocksDB is its cost), its name appended to every line: every
        # line feed of N-Triples output ends a line " .\n", none falls inside a term
        graphs = sorted((str(g), g) for g in self._call(lambda s: list(s.named_graphs())))

        def one(item) -> list[bytes]:
            term, g = item
            data = self._call(lambda s: s.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g))
            if not data:
                return []
            lines = data.replace(b" .\n", b" " + term.encode() + b" .\n").splitlines(
                keepends=True)
            lines.sort()
            return lines

        with ThreadPoolExecutor(2, thread_name_prefix="kg-dump") as pool:
            pending: deque = deque()
            items = iter(graphs)
            for item in itertools.islice(items, self._DUMP_AHEAD):
                pending.append(pool.submit(one, item))
            while pending:
                lines = pending.popleft().result()
                for item in itertools.islice(items, 1):
                    pending.append(pool.submit(one, item))
                yield lines

    def __len__(self) -> int:
        res = self._call(lambda s: s.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(next(iter(res))["n"].value)

    # The default graph holds the RDF merge (set union) of the article graphs: pyoxigraph 0.5's
    # use_default_graph_as_union returns a triple once per graph holding it (oxigraph#1919,
    # fixed in 0.6), which breaks DISTINCT-less results and COUNTs. Every write keeps that
    # merge up to date inside the same SPARQL update, i.e. the same transaction.
    @staticmethod
    def _unmerge(g: ox.NamedNode) -> str:
        return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
                f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }} ;\n"
                f"DROP SILENT GRAPH {g} ;\n")

    def _replace(self, graph_iri: str, triples: list) -> None:
        g = ox.NamedNode(graph_iri)
        body = ox.serialize([ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                             for s, p, o in triples], format=ox.RdfFormat.N_TRIPLES)
        body = (body or b"").decode("utf-8")
        update = (self._unmerge(g) + f"INSERT DATA {{ GRAPH {g} {{\n{body}}} }} ;\n"
                  f"INSERT DATA {{\n{body}}}")
        self._call(lambda s: s.update(update))

    def replace_graph_nt(self, graph_iri: str, data: bytes | str) -> None:
        self._check_writable()
        g = ox.NamedNode(str(graph_iri))
        triples = self._parse_nt(graph_iri, data)
        if self.has_graph(graph_iri):  # unmerge the old graph and insert, in one update
            body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            update = (self._unmerge(g) + f"INSERT DATA {{ GRAPH {g} {{\n{body}}} }} ;\n"
                      f"INSERT DATA {{\n{body}}}")
            self._call(lambda s: s.update(update))
        elif triples:  # a new graph: nothing to unmerge; graph and merged default graph in
            # one transaction (extend is atomic), without the cost of parsing an update
            quads = [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples]
            quads += [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
            self._call(lambda s: s.extend(quads))
        self.cache.clear()

    def _remove(self, graph_iri: str) -> None:
        self._call(lambda s: s.update(self._unmerge(ox.NamedNode(graph_iri))))

    def has_graph(self, graph_iri: str) -> bool:
        g = ox.NamedNode(str(graph_iri))
        return self._call(lambda s: next(iter(s.quads_for_pattern(None, None, None, g)), None)
                          is not None)

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Triple]], *,
                       bulk: bool = False) -> int:
        """Replace each named graph in ``graphs`` by its triples, and the merged
        default graph with them, writing only the difference.

        One transaction (``Store.extend`` or one SPARQL update), except with
        ``bulk=True`` when nothing has to be deleted: then Oxigraph's bulk loader
        writes the new quads, the merged default graph's first (fast, but a crash
        can leave part of them written; running the same load again completes it).
        Graphs that already hold exactly these triples are not touched.
        """
        self._check_writable()
        default = ox.DefaultGraph()
        new = {name: triples if isinstance(triples, (set, frozenset)) else set(triples)
               for name, triples in graphs.items()}  # (no second copy of given sets)
        adds: list[ox.Quad] = []
        dels: dict[str, set[ox.Triple]] = {}
        for name, triples in new.items():
            g = ox.NamedNode(name)
            old = {q.triple for q in self._call(
                lambda s: list(s.quads_for_pattern(None, None, None, g)))}
            adds.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples - old)
            if old - triples:
                dels[name] = old - triples
        if not adds and not dels:
            # the named graphs are complete; complete the merge too (a bulk load cut short
            # may have filled a named graph before the default graph)
            default_quads = (ox.Quad(t.subject, t.predicate, t.object, default)
                             for triples in new.values() for t in triples)
            missing = [q for q in default_quads if q not in self.ox_store]
            if missing:
                self._call(lambda s: s.extend(missing))
                self.cache.clear()
            return 0
        # the merged default graph: add what it lacks, drop what no graph holds any more
        union = set().union(*new.values()) if new else set()
        store = self.ox_store
        changed = len(adds) + sum(len(d) for d in dels.values())
        adds[:0] = [ox.Quad(t.subject, t.predicate, t.object, default) for t in union
                    if ox.Quad(t.subject, t.predicate, t.object, default) not in store]
        gone = {t for d in dels.values() for t in d if t not in union}
        unheld = [t for t in gone if not any(
            not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name.value not in new
            for q in self._call(lambda s: list(s.quads_for_pattern(t.subject, t.predicate,
                                                                   t.object, None))))]
        if not dels and bulk:
            split = len(adds) - changed  # the default graph's quads come first
            self._call(lambda s: s.bulk_extend(adds[:split]))
            self._call(lambda s: s.bulk_extend(adds[split:]))
        elif not dels:
            self._call(lambda s: s.extend(adds))
        else:
            nt = lambda ts: (ox.serialize(list(ts), format=ox.RdfFormat.N_TRIPLES)  # noqa: E731
                             or b"").decode("utf-8")
            parts = [f"GRAPH {ox.NamedNode(n)} {{\n{nt(ts)}}}" for n, ts in dels.items()]
            update = f"DELETE DATA {{\n{nt(unheld)}{' '.join(parts)} }} ;\n"
            update += "".join(f"DROP SILENT GRAPH {ox.NamedNode(n)} ;\n"
                              for n, ts in new.items() if not ts)
            by_graph: dict = {}
            for q in adds:
                by_graph.setdefault(q.graph_name, []).append(q.triple)
            body = " ".join(nt(ts) if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n{nt(ts)}}}"
                            for g, ts in by_graph.items())
            update += f"INSERT DATA {{\n{body} }}"
            self._call(lambda s: s.update(update))
        self.cache.clear()
        return changed

    def bulk_load_graph(self, path: str | os.PathLike[str], fmt: ox.RdfFormat,
                        graph_iri: str) -> None:
        """Load a file of triples without blank nodes into the empty named graph
        ``graph_iri`` and the merged default graph with Oxigraph's bulk loader
        (:meth:`bulk_load_chunks`; N-Triples is cut into chunks of lines, other
        formats are parsed and re-serialized chunk by chunk)."""
        nt = ox.RdfFormat.N_TRIPLES
        if fmt == nt:
            chunks = line_chunks(path)
        else:
            parsed = iter(ox.parse(path=os.fspath(path), format=fmt))
            chunks = iter(lambda: ox.serialize(itertools.islice(parsed, BULK_CHUNK_STATEMENTS),
                                               format=nt) or b"", b"")
        self.bulk_load_chunks(chunks, nt, graph_iri)

    def bulk_load_chunks(self, chunks: Iterable[bytes], fmt: ox.RdfFormat,
                         graph_iri: str | None = None) -> None:
        """Bulk-load N-Triples or N-Quads text, given as chunks of whole lines,
        into named graphs and the merged default graph.

        Quads keep their graph; triples (quads in the default graph) go to the
        named graph ``graph_iri``. For graphs that are empty before the call and
        text without blank nodes (nothing is deleted or renamed; check that the
        text parses before calling this).

        Oxigraph's bulk loader (no Python per statement) loads each chunk twice,
        into the named graphs and into the merged default graph, two such loads
        at a time in two threads (the loader is mostly single-threaded; the
        named graphs' six indexes cost about twice the default graph's three);
        each call builds its index files in memory, so chunks keep the peak
        memory bounded. Not one
        transaction: a crash midway leaves part of the data loaded, and loading
        the same file again (through :meth:`replace_graphs`, the graphs exist
        then) completes the named graphs and the merge.
        """
        self._check_writable()
        store = self.ox_store
        nt = ox.RdfFormat.N_TRIPLES
        named_args = {} if graph_iri is None else {"to_graph": ox.NamedNode(str(graph_iri))}
        triple = operator.attrgetter("triple")

        def merged(chunk: bytes) -> None:
            if fmt != nt:  # drop the graph names (C-level map, no Python per statement)
                chunk = ox.serialize(map(triple, ox.parse(chunk, format=fmt)), format=nt) or b""
            store.bulk_load(chunk, format=nt)

        def named(chunk: bytes) -> None:
            store.bulk_load(chunk, format=fmt, **named_args)

        errors: list[BaseException] = []
        jobs: queue.Queue = queue.Queue(maxsize=2)  # (load, chunk); None: no more

        def work() -> None:
            while (job := jobs.get()) is not None:
                if not errors:
                    try:
                        job[0](job[1])
                    except BaseException as err:  # reported by the calling thread
                        errors.append(err)

        threads = [threading.Thread(target=work, daemon=True, name=f"kg-bulk-{i}")
                   for i in range(2)]
        for t in threads:
            t.start()
        try:
            for chunk in chunks:
                if errors:
                    break
                if chunk:
                    jobs.put((merged, chunk))
                    jobs.put((named, chunk))
        finally:
            for _ in threads:
                jobs.put(None)
            for t in threads:
                t.join()
            self.cache.clear()
        if errors:
            err = errors[0]
            if isinstance(err, (OSError, RuntimeError, ValueError, SyntaxError)):
                raise StoreError(f"{self.location}: bulk load failed ({err})") from err
            raise err
        # each chunk's index files overlap the previous ones': compact them (~4 s for 10^6
        # triples; without it dumping the merged graph takes ~1.4x longer afterwards)
        self._call(lambda s: s.optimize())

    def reindex(self) -> None:
        """Rebuild the merged default graph from the article graphs (one transaction).

        Needed only for a store whose named graphs were written by another tool.
        """
        self._check_writable()
        self._call(lambda s: s.update("DROP SILENT DEFAULT ;\n"
                                      "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"))
        self.cache.clear()

    def _evaluate(self, sparql, kind, bindings, limit, cancelled) -> QueryResult:
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()}
        try:
            res = self.ox_store.query(sparql, prefixes=PREFIXES, substitutions=subs or None)
            if kind == "ask":
                return QueryResult(kind="ask", boolean=bool(res))
            # labels, classes and dates repeat row after row and query after query:
            # rdflib literals cost ~20-40 us each to build (dates are parsed), so each
            # distinct term is converted once per process (see _cached_term)
            term = _cached_term

            if kind == "graph":
                triples, truncated = _collect(
                    res, lambda t: (term(t.subject), term(t.predicate), term(t.object)), limit,
                    cancelled)
                return QueryResult.from_triples(triples, truncated=truncated)
            names = [v.value for v in res.variables]
            # (a solution iterates over its values in the order of res.variables)
            rows, truncated = _collect(res, lambda sol: tuple(map(term, sol)), limit, cancelled)
            return QueryResult(kind="select", vars=names, rows=rows, truncated=truncated)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}") from err
        except OSError as err:
            raise StoreError(f"{self.location}: query failed ({err})") from err

    def _call(self, fn):
        store = self.ox_store
        try:
            return fn(store)
        except RuntimeError as err:  # pyoxigraph: writes on a read-only instance
            raise StoreError(f"{self.location}: {err}") from err
        except OSError as err:
            raise StoreError(f"{self.location}: {err}") from err

    def close(self) -> None:
        """Flush and release the store. RocksDB (and its lock) is released when the
        last reference goes: a query abandoned at its deadline keeps it open until
        its worker thread finishes."""
        if not self._closed:
            try:
                if not self.read_only:
                    self._store.flush()
            except OSError:
                pass
            del self._store  # pyoxigraph releases RocksDB (and its lock) when collected
        super().close()
