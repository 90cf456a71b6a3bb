"""SPARQL from users: checking, deadlines, results, named queries and parameters.

Every query a user sends goes through :func:`check_query` before it reaches a
store: it is parsed with rdflib's SPARQL parser and the parse tree (not the
text, where comments and strings could hide keywords) is searched for what a
query may not do here — ``SERVICE`` calls, updates (``INSERT``, ``LOAD``,
``DROP`` …) and ``FROM``/``FROM NAMED`` graphs that are not article graphs of
the store (rdflib would fetch those from the web).

Parameters are bound as RDF terms (pyoxigraph ``substitutions``, rdflib
``initBindings``), never pasted into the query text; :func:`resolve_params`
turns the strings a user types (an IRI, a CURIE, a name) into terms.

>>> check_query("SELECT * WHERE { ?s ?p ?o }").kind
'select'
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.ForbiddenQuery: SERVICE <http://example.org/sparql> is not allowed: queries may not call other endpoints
"""
from __future__ import annotations

import collections
import ctypes
import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .errors import (AmbiguousEntity, EntityNotFound, ForbiddenQuery, KGError, QueryError,
                     QueryTimeout)
from .namespaces import DKGR, PREFIXES, WD
from .results import serialize_result

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

__all__ = ["QueryResult", "QueryInfo", "check_query", "run_with_deadline", "NamedQuery",
           "Param", "named_queries", "get_named_query", "parse_header", "resolve_params",
           "resolve_entity", "normalize_label", "queries_dir"]

T = TypeVar("T")


# --------------------------------------------------------------------------- results
@dataclass
class QueryResult:
    """What a query returned.

    ``kind`` is ``"select"`` (``vars`` and ``rows``: tuples of rdflib terms,
    ``None`` where unbound), ``"ask"`` (``boolean``) or ``"graph"`` for
    CONSTRUCT/DESCRIBE (``graph``). ``truncated`` is true when a row limit
    cut the result short.
    """

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False

    @classmethod
    def from_triples(cls, triples, *, truncated: bool = False) -> "QueryResult":
        """A graph result holding ``triples``."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns, override=True, replace=True)
        for t in triples:
            g.add(t)
        return cls(kind="graph", graph=g, truncated=truncated)

    def __len__(self) -> int:
        if self.kind == "graph":
            return len(self.graph)
        return len(self.rows) if self.kind == "select" else 1

    def _row_type(self):
        names = self.vars if self.kind == "select" else (
            ["boolean"] if self.kind == "ask" else ["s", "p", "o"])
        return collections.namedtuple("Row", names, rename=True)

    def __iter__(self) -> Iterator[tuple]:
        """Rows as named tuples: ``row.label`` (SELECT), ``s``/``p``/``o``
        (CONSTRUCT/DESCRIBE, sorted), or one ``boolean`` row (ASK).

        >>> from rdflib import Literal
        >>> r = QueryResult(kind="select", vars=["name", "n"], rows=[(Literal("SCO"), Literal(9))])
        >>> [(row.name, row.n.toPython()) for row in r]
        [(rdflib.term.Literal('SCO'), 9)]
        """
        Row = self._row_type()
        if self.kind == "ask":
            yield Row(Literal(self.boolean))
        elif self.kind == "graph":
            yield from (Row(*t) for t in sorted(self.graph))
        else:
            yield from (Row(*row) for row in self.rows)

    def to_dataframe(self):
        """The rows as a :class:`pandas.DataFrame`, one column per variable.

        Literals become Python values (``int``, ``datetime.date`` …), IRIs and
        blank nodes strings, unbound values ``None``. Needs pandas
        (``pip install pandas``).

        Raises
        ------
        KGError
            pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError as err:
            raise KGError("QueryResult.to_dataframe needs pandas: pip install pandas") from err
        Row = self._row_type()
        rows = [[_python(t) for t in row] for row in self]
        return pd.DataFrame(rows, columns=list(Row._fields))

    def to_dicts(self) -> list[dict[str, Node | None]]:
        """Rows as ``{var: term}`` dicts (graph results: ``s``/``p``/``o``; ASK: ``boolean``)."""
        if self.kind == "ask":
            return [{"boolean": Literal(self.boolean)}]
        if self.kind == "graph":
            return [dict(zip("spo", t)) for t in sorted(self.graph)]
        return [dict(zip(self.vars, row)) for row in self.rows]

    def serialize(self, format: str = "table", *, width: int = 40) -> str:
        """The result as text.

        ``table`` (aligned, cells cut to ``width``, IRIs shortened with the
        project prefixes), ``csv``, ``tsv``, ``json`` (SPARQL 1.1 Results JSON)
        or ``xml`` (SPARQL Results XML); graph results also ``turtle``, ``nt``
        and ``json-ld``.
        """
        return serialize_result(self, format, width=width)


def _python(term: Node | None):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


# --------------------------------------------------------------------------- checking
@dataclass(frozen=True)
class QueryInfo:
    """What :func:`check_query` learned: the query form and its dataset IRIs."""

    kind: str
    from_graphs: tuple[str, ...] = ()
    #: variables a SELECT projects (``None`` for ``SELECT *`` and other forms)
    projection: tuple[str, ...] | None = None
    #: ``("FROM" | "FROM NAMED", iri)`` pairs
    datasets: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    def check_bindings(self, names) -> None:
        """Refuse bindings for variables a SELECT does not project.

        Oxigraph binds (SEP-0007 substitution) only projected variables; the
        rule is enforced on every store so queries behave the same everywhere.
        """
        if self.projection is None:
            return
        missing = sorted(set(names) - set(self.projection))
        if missing:
            raise QueryError(f"parameter ?{missing[0]} must appear in the SELECT clause to be "
                             f"bound (SELECT ?{missing[0]} ... or SELECT *)")


_KINDS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "graph",
          "DescribeQuery": "graph"}
_UPDATES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD",
            "Move": "MOVE", "Copy": "COPY", "InsertData": "INSERT DATA",
            "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE", "Modify": "DELETE/INSERT"}


def _syntax_error(sparql: str, err) -> QueryError:
    line = sparql.splitlines()[err.lineno - 1].strip() if 0 < err.lineno <= len(
        sparql.splitlines()) else ""
    where = f"line {err.lineno}, column {err.col}"
    return QueryError(f"SPARQL syntax error at {where}: {err.msg}" + (f" in {line!r}" if line else ""))


def _walk(node):
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, CompValue):
            yield cur
            stack.extend(dict.values(cur))
        elif isinstance(cur, (list, tuple)) or type(cur).__name__ == "ParseResults":
            stack.extend(cur)


def check_query(sparql: str, *, graphs: Collection[str] | None = None,
                base: str = str(DKGR)) -> QueryInfo:
    """Parse ``sparql`` and refuse what a query may not do here.

    Parameters
    ----------
    sparql : str
        The query text.
    graphs : collection of str, optional
        Graph names a ``FROM``/``FROM NAMED`` clause may use; when not given,
        any IRI under ``base``.

    Returns
    -------
    QueryInfo

    Raises
    ------
    QueryError
        Syntax error (with line and column) or an unknown prefix.
    ForbiddenQuery
        ``SERVICE``, an update form, or ``FROM``/``FROM NAMED`` outside the store.

    Examples
    --------
    >>> check_query("ASK { ?s ?p ?o }")
    QueryInfo(kind='ask', from_graphs=(), projection=None)
    >>> check_query("SELECT ?s WHERE {\\n  ?s ?p }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SPARQL syntax error at line 2, column 3: ...
    >>> check_query("DROP GRAPH <https://w3id.org/diplokg/id/article/a>")
    Traceback (most recent call last):
    ...
    kg.errors.ForbiddenQuery: DROP is not allowed: queries may not change the store (only SELECT, ASK, CONSTRUCT, DESCRIBE)
    """
    if not isinstance(sparql, str) or not sparql.strip():
        raise QueryError("empty query")
    info = _analyze(sparql)
    for word, iri in info.datasets:
        allowed = iri in graphs if graphs is not None else iri.startswith(base)
        if not allowed:
            raise ForbiddenQuery(f"{word} <{iri}> is not allowed: only graphs of this store "
                                 "can be named (no web or file access)")
    return info


@functools.lru_cache(maxsize=256)
def _analyze(sparql: str) -> QueryInfo:
    """Parse and inspect a query once (rdflib's parser costs ~10 ms a query)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translatePrologue
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(sparql)
    except ParseException as err:
        try:
            update = parseUpdate(sparql)
        except ParseException:
            raise _syntax_error(sparql, err) from err
        ops = [_UPDATES.get(op.name, op.name) for op in update.request]
        raise ForbiddenQuery(f"{ops[0] if ops else 'an update'} is not allowed: queries may not "
                             "change the store (only SELECT, ASK, CONSTRUCT, DESCRIBE)") from err
    prologue_tree, body = tree[0], tree[1]
    kind = _KINDS.get(body.name)
    if kind is None:  # pragma: no cover - the grammar only has four query forms
        raise QueryError(f"unsupported query form {body.name}")
    for node in _walk(body):
        if node.name == "ServiceGraphPattern":
            term = node["term"]
            shown = f"<{term}>" if isinstance(term, URIRef) else str(getattr(term, "n3", lambda: term)())
            raise ForbiddenQuery(f"SERVICE {shown} is not allowed: queries may not call other "
                                 "endpoints")
    datasets: list[tuple[str, str]] = []
    clauses = body["datasetClause"] if "datasetClause" in body else []
    if clauses:
        try:
            prologue = translatePrologue(prologue_tree, None, PREFIXES)
        except Exception as err:  # rdflib raises a bare Exception for unknown prefixes
            raise QueryError(f"SPARQL: {err}") from err
        for clause in clauses:
            word, raw = ("FROM", clause["default"]) if "default" in clause else (
                "FROM NAMED", clause["named"])
            try:
                datasets.append((word, str(prologue.absolutize(raw))))
            except Exception as err:
                raise QueryError(f"SPARQL {word}: {err}") from err
    projection = None
    if kind == "select" and "projection" in body:
        projection = tuple(str(pv["var"] if "var" in pv else pv["evar"])
                           for pv in body["projection"])
    return QueryInfo(kind=kind, from_graphs=tuple(iri for _, iri in datasets),
                     projection=projection, datasets=tuple(datasets))


# --------------------------------------------------------------------------- deadline
class _Cancelled(BaseException):
    """Raised asynchronously inside an abandoned query thread."""


def _interrupt(thread: threading.Thread) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                               ctypes.py_object(_Cancelled))


def run_with_deadline(work: Callable[[Callable[[], bool]], T], timeout: float | None, *,
                      interrupt_python: bool = False) -> T:
    """Run ``work(cancelled)`` and give up after ``timeout`` seconds.

    ``work`` runs in a daemon worker thread and should call ``cancelled()``
    between result rows. At the deadline the caller gets
    :class:`~kg.errors.QueryTimeout` at once and the process stays usable;
    what happens to the worker:

    * pure-Python evaluation (rdflib, ``interrupt_python=True``): an
      asynchronous exception is raised in the worker, which stops at its next
      bytecode (a long C call such as a first-time regex compile delays it);
    * native evaluation (Oxigraph, which releases the GIL): the worker stops
      at the next row boundary. A single row that takes long — a FILTER that
      rejects everything, or ORDER BY / GROUP BY / DISTINCT / aggregates, which
      compute everything before the first row — runs to its end in the
      background (using a CPU, holding a read snapshot, not a lock), and its
      result is discarded. Closing and reopening the same store folder in this
      process has to wait for it.

    Measured on a 3,000-triple cartesian product with a FILTER no pair passes
    and ``timeout=0.3``: rdflib raises after ~0.33 s and its worker is gone at
    once; Oxigraph raises after ~0.31 s, other queries and writes run at once,
    and the worker ends when the whole query would have (~2 s), as no row
    reaches it before.

    ``timeout=None`` runs ``work`` in the calling thread without a deadline.

    >>> run_with_deadline(lambda cancelled: 42, 1.0)
    42
    >>> import time
    >>> run_with_deadline(lambda cancelled: time.sleep(5), 0.05, interrupt_python=True)
    Traceback (most recent call last):
    ...
    kg.errors.QueryTimeout: query ran past its deadline of 0.05 s and was stopped
    """
    if timeout is None:
        return work(lambda: False)
    if timeout <= 0:
        raise QueryError(f"timeout must be positive, not {timeout!r}")
    cancel, done = threading.Event(), threading.Event()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work(cancel.is_set)
        except _Cancelled:
            pass
        except BaseException as err:  # handed to the caller below
            box["error"] = err
        finally:
            done.set()

    worker = threading.Thread(target=target, name="kg-query", daemon=True)
    worker.start()
    if not done.wait(timeout):
        cancel.set()
        if interrupt_python and not done.is_set():
            _interrupt(worker)
        raise QueryTimeout(f"query ran past its deadline of {timeout:g} s and was stopped")
    if "error" in box:
        raise box.pop("error")
    return box["value"]


# --------------------------------------------------------------------------- named queries
@dataclass(frozen=True)
class Param:
    """A parameter of a named query: ``kind`` is ``entity``, ``literal``, ``date``,
    ``integer``, ``year`` or ``string``."""

    name: str
    kind: str = "entity"
    optional: bool = False


@dataclass(frozen=True)
class NamedQuery:
    """A query file ``queries/<name>.rq`` and what its header says about it."""

    name: str
    path: Path
    params: list[str]
    description: str = ""
    param_specs: tuple[Param, ...] = ()
    text: str = ""

    def spec(self, name: str) -> Param | None:
        """The :class:`Param` called ``name`` (``None`` if the query has none)."""
        return next((p for p in self.param_specs if p.name == name), None)

    @property
    def required(self) -> list[str]:
        """Names of the parameters that must be given."""
        return [p.name for p in self.param_specs if not p.optional]


_KINDS_PARAM = {"entity", "literal", "date", "integer", "year", "string"}
_PARAM = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*$")


def parse_header(text: str, *, source: str = "<query>") -> dict[str, Any]:
    """Read the leading ``#`` comment lines of a query: ``name``, ``description``, ``params``.

    >>> h = parse_header("# name: members\\n# description: Members of an org\\n"
    ...                  "# params: org (entity), since (date, optional)\\nSELECT ...")
    >>> h["name"], h["description"], [(p.name, p.kind, p.optional) for p in h["params"]]
    ('members', 'Members of an org', [('org', 'entity', False), ('since', 'date', True)])
    """
    header: dict[str, Any] = {"name": None, "description": "", "params": []}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        key, sep, value = stripped.lstrip("#").strip().partition(":")
        key, value = key.strip().lower(), value.strip()
        if not sep:
            continue
        if key == "name":
            header["name"] = value
        elif key == "description":
            header["description"] = (header["description"] + " " + value).strip()
        elif key == "params":
            for item in filter(None, (s.strip() for s in re.split(r",(?![^()]*\))", value))):
                m = _PARAM.match(item)
                if not m:
                    raise QueryError(f"{source}: bad parameter {item!r} in '# params:'")
                opts = [o.strip().lower() for o in (m.group(2) or "entity").split(",")]
                kinds = [o for o in opts if o in _KINDS_PARAM] or ["entity"]
                unknown = [o for o in opts if o not in _KINDS_PARAM | {"optional"}]
                if unknown:
                    raise QueryError(f"{source}: parameter {m.group(1)}: unknown option "
                                     f"{unknown[0]!r} (kinds: {', '.join(sorted(_KINDS_PARAM))})")
                header["params"].append(Param(m.group(1), kinds[0], "optional" in opts))
    return header


def queries_dir() -> Path:
    """The folder of the named queries: ``queries/`` next to the ``kg`` package."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "queries", here / "queries"):
        if candidate.is_dir():
            return candidate
    return here.parent / "queries"


def named_queries(folder: str | Path | None = None) -> dict[str, NamedQuery]:
    """The named queries of ``folder`` (default :func:`queries_dir`), by name, sorted.

    >>> qs = named_queries()
    >>> qs["members"].params
    ['org']
    """
    folder = Path(folder) if folder is not None else queries_dir()
    out: dict[str, NamedQuery] = {}
    for path in sorted(folder.glob("*.rq")):
        stat = path.stat()
        nq = _query_file(str(path), stat.st_mtime_ns, stat.st_size)
        out[nq.name] = nq
    return out


@functools.lru_cache(maxsize=512)
def _query_file(path: str, mtime_ns: int, size: int) -> NamedQuery:
    """One query file, read and parsed once per version (modification time and size):
    every named query looks its file up, and reading them all costs ~0.6 ms."""
    file = Path(path)
    text = file.read_text(encoding="utf-8")
    h = parse_header(text, source=path)
    name = h["name"] or file.stem
    return NamedQuery(name=name, path=file, params=[p.name for p in h["params"]],
                      description=h["description"], param_specs=tuple(h["params"]), text=text)


def get_named_query(name: str, folder: str | Path | None = None) -> NamedQuery:
    """The named query ``name``; :class:`~kg.errors.QueryError` listing the known ones."""
    queries = named_queries(folder)
    try:
        return queries[name]
    except KeyError:
        raise QueryError(f"no named query {name!r} (known: {', '.join(queries) or 'none'})") \
            from None


# --------------------------------------------------------------------------- parameters
def normalize_label(text: str) -> str:
    """Fold case, accents, quotes and spacing for name matching.

    >>> normalize_label("  Türkiye’s  Summit ")
    "turkiye's summit"
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.casefold().split())


_IRI = re.compile(r"^<([^<>\"{}|^`\\\s]*)>$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _as_iri(value: str) -> URIRef | None:
    value = value.strip()
    m = _IRI.match(value)
    if m:
        return URIRef(m.group(1))
    if value.startswith(("http://", "https://")) and not re.search(r"\s", value):
        return URIRef(value)
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and local and not re.search(r"\s", local):
        return URIRef(PREFIXES[prefix] + local)
    return None


def _literal(value: str, kind: str, name: str) -> Literal:
    value = value.strip()
    if kind == "date" or (kind == "literal" and _DATE.match(value)):
        if not _DATE.match(value):
            raise QueryError(f"parameter {name}: {value!r} is not a YYYY-MM-DD date")
        return Literal(value, datatype=XSD.date)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise QueryError(f"parameter {name}: {value!r} is not an integer")
        return Literal(int(value), datatype=XSD.integer)
    if kind == "year":
        if not re.fullmatch(r"\d{4}", value):
            raise QueryError(f"parameter {name}: {value!r} is not a year (YYYY)")
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


_EXACT = """SELECT ?e ?l ?alt WHERE {
  { ?e rdfs:label ?l BIND(false AS ?alt) } UNION { ?e skos:altLabel ?l BIND(true AS ?alt) }
}"""
_LABEL_OF = "SELECT ?e ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l"
_EXISTS = "ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }"
_SAME_AS = "SELECT DISTINCT ?e ?wd WHERE { ?e owl:sameAs ?wd } ORDER BY ?e"


def _label_index(store: "Store") -> dict[str, list[tuple[int, str, str]]]:
    index = store.cache.get("labels")
    if index is None:
        index = {}
        for e, label, alt in store.labels():
            index.setdefault(normalize_label(label), []).append((1 if alt else 0, e, label))
        store.cache["labels"] = index
    return index


def _pick(store: "Store", value: str, matches) -> URIRef:
    best = min(rank for rank, _, _ in matches)
    iris = sorted({e for rank, e, _ in matches if rank == best})
    if len(iris) > 1:
        raise _ambiguous(store, value, iris)
    return URIRef(iris[0])


def _short(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def resolve_entity(store: "Store", value: str | Node) -> URIRef:
    """The entity IRI that ``value`` names in ``store``.

    ``value`` may be an IRI (``<…>`` or ``http(s)://…``), a CURIE with a project
    prefix (``dkgr:org/SCO``; ``wd:Q…`` finds the entity ``owl:sameAs`` it), or
    a name matched against ``rdfs:label`` and ``skos:altLabel``: first exactly
    as given (an index lookup), else ignoring case and accents (a scan of all
    labels, cached on the store until its next write). Among the matches, a
    preferred-label match beats an alternative-label match.

    Raises
    ------
    EntityNotFound
        Nothing has that IRI or name (close names are suggested).
    AmbiguousEntity
        Several entities match equally well; ``err.candidates`` lists their IRIs.
    """
    if isinstance(value, (URIRef, BNode)):
        return value
    if isinstance(value, Literal):
        value = str(value)
    iri = _as_iri(value)
    if iri is not None:
        if str(iri).startswith(str(WD)):
            found = [r[0] for r in store.query(_SAME_AS, bindings={"wd": iri},
                                               timeout=None).rows]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise _ambiguous(store, value, [str(f) for f in found])
        elif store.query(_EXISTS, bindings={"e": iri}, timeout=None).boolean:
            return iri
        raise EntityNotFound(f"no entity {_short(str(iri))} in the graph")
    key = normalize_label(value)
    if not key:
        raise EntityNotFound("empty entity name")
    # the name exactly as given: an index lookup, no scan
    exact = [(1 if alt.toPython() is True else 0, str(e), str(lab)) for e, lab, alt in
             store.query(_EXACT, bindings={"l": Literal(value.strip())}, timeout=None).rows
             if isinstance(e, URIRef)]
    if exact:
        return _pick(store, value, exact)
    matches = _label_index(store).get(key, [])
    if not matches:
        import difflib

        close = difflib.get_close_matches(key, list(_label_index(store)), n=3, cutoff=0.75)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise EntityNotFound(f"no entity named {value!r} (names match ignoring case and "
                             f"accents){hint}")
    return _pick(store, value, matches)


def _ambiguous(store: "Store", value: str, iris: list[str]) -> AmbiguousEntity:
    labels = {}
    for e in iris:
        rows = store.query(_LABEL_OF, bindings={"e": URIRef(e)}, timeout=None).rows
        if rows:
            labels[e] = str(rows[0][1])
    shown = ", ".join(f"{_short(e)} ({labels[e]})" if e in labels else _short(e) for e in iris)
    err = AmbiguousEntity(f"{value!r} matches {len(iris)} entities: {shown}; give an IRI instead")
    err.candidates = [URIRef(e) for e in iris]
    return err


def resolve_params(store: "Store", params: Mapping[str, str | Node], *,
                   query: NamedQuery | None = None) -> dict[str, Node]:
    """Turn user-typed parameter values into RDF terms.

    Values that are already rdflib terms are kept. A parameter whose header
    kind (see :class:`Param`) is not ``entity`` becomes a literal
    (``date`` → ``xsd:date``, ``integer``, ``year`` → ``xsd:gYear``;
    ``literal`` guesses ``xsd:date`` for ``YYYY-MM-DD``); every other value is
    resolved with :func:`resolve_entity`. With ``query``, unknown and missing
    required parameters are :class:`~kg.errors.QueryError`.
    """
    out: dict[str, Node] = {}
    if query is not None:
        unknown = sorted(set(params) - set(query.params))
        if unknown:
            raise QueryError(f"query {query.name!r} has no parameter {unknown[0]!r} "
                             f"(parameters: {', '.join(query.params) or 'none'})")
        missing = [p for p in query.required if params.get(p) in (None, "")]
        if missing:
            raise QueryError(f"query {query.name!r} needs parameter {missing[0]!r}")
    for name, value in params.items():
        if value is None:
            continue
        if isinstance(value, (URIRef, Literal, BNode)):
            out[name] = value
            continue
        spec = query.spec(name) if query is not None else None
        kind = spec.kind if spec is not None else "entity"
        if not isinstance(value, str):
            value = str(value)
        out[name] = resolve_entity(store, value) if kind == "entity" else _literal(value, kind,
                                                                                   name)
    return out
