"""Loading RDF files into the store (``kg load``).

Turtle, N-Triples, N-Quads, TriG, JSON-LD, N3, RDF/XML and TriX files go into
the store as named graphs: a file of triples fills one graph, named after the
file (``dkgr:graph/<file-stem>``) unless ``graph=`` names it; a file of quads
keeps its graphs (its default-graph triples go to the file's graph). Loading a
file *replaces* the graphs it fills, so an edited file replaces its old
content, and the store's merged default graph stays the union of all graphs.

Blank nodes are skolemized: the n-th blank node of a file becomes
``dkgr:.well-known/genid/<digest>/b<n>``, where the digest covers the file's
bytes and its target graph, so loading the same file twice changes nothing,
and blank nodes of different files never merge.

Hostile input is refused before any parser sees it: an RDF/XML or TriX file
with a ``<!DOCTYPE`` or ``<!ENTITY`` declaration (entity expansion, external
entities), and a JSON-LD file whose ``@context`` (or ``@import``) names a
remote document; JSON-LD is never allowed to fetch anything, and the only
context that may be named is :data:`CONTEXT_IRI`, read from the local
``ontology/context.jsonld``. Every file is parsed completely before anything
is written, so a malformed file (reported with its line and column) leaves the
store as it was.

Writing: files of at least :data:`BULK_MIN` statements whose graphs an Oxigraph
store does not hold yet (and no other file of the same load fills) stream
through Oxigraph's bulk loader in chunks (:meth:`kg.store.OxigraphStore.bulk_load_chunks`:
N-Triples/N-Quads without blank nodes as their own lines, anything else parsed,
skolemized and re-serialized), never holding the file's triples in Python. The
rest goes through :meth:`kg.store.Store.replace_graphs`, which writes only the
difference (so loading the same file twice changes nothing) in one transaction.

>>> from kg.store import open_store
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "people.ttl").write_text(
...     '@prefix schema: <https://schema.org/> .\\n'
...     '<https://example.org/p1> schema:name "Ada" ; schema:knows [ schema:name "Bob" ] .\\n')
>>> store = open_store()
>>> report = load_files(store, [folder / "people.ttl"])
>>> report.statements, report.written, report.files[0].graphs
(3, 3, ('https://w3id.org/diplokg/id/graph/people',))
>>> load_files(store, [folder / "people.ttl"]).written       # the same file again
0
"""
from __future__ import annotations

import hashlib
import itertools
import json
import operator
import os
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import FormatError, InputError, StoreError
from .namespaces import DKGR
from .sources import slugify
from .store import BULK_CHUNK_STATEMENTS, OxigraphStore, Store, line_chunks, to_oxigraph

__all__ = ["load_files", "LoadReport", "FileLoad", "FORMATS", "guess_format", "CONTEXT_IRI",
           "BULK_MIN"]

#: the one JSON-LD context document a loaded file may name (read from ontology/context.jsonld)
CONTEXT_IRI = "https://w3id.org/diplokg/context.jsonld"
#: files with at least this many statements go through Oxigraph's bulk loader (when the
#: graphs they fill are new to the store)
BULK_MIN = 100_000

#: format name -> (pyoxigraph format, or "trix" for rdflib's TriX parser)
FORMATS: dict[str, ox.RdfFormat | str] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
    "n3": ox.RdfFormat.N3,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trix": "trix",
}
_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "nq": "nquads",
            "n-quads": "nquads", "jsonld": "json-ld", "json": "json-ld", "xml": "rdfxml",
            "rdf": "rdfxml", "rdf/xml": "rdfxml", "owl": "rdfxml"}
_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
             ".jsonld": "json-ld", ".json": "json-ld", ".n3": "n3", ".rdf": "rdfxml",
             ".owl": "rdfxml", ".xml": "rdfxml", ".trix": "trix"}
_XML = ("rdfxml", "trix")
_QUAD_FORMATS = ("nquads", "trig", "json-ld", "trix")
_LINE_FORMATS = ("nt", "nquads")  # one statement per line, blank nodes only as ``_:``
_HOSTILE_XML = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_PARSER_PREFIX = re.compile(r"^Parser error (at line \d+ between columns \d+ and \d+|"
                            r"between line \d+ column \d+ and line \d+ column \d+): ")


def guess_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format name of ``path``: ``fmt`` when given (names and aliases of
    :data:`FORMATS`), else from the file suffix.

    >>> guess_format("a/b.ttl"), guess_format("x.data", "N-Quads"), guess_format("g.jsonld")
    ('turtle', 'nquads', 'json-ld')
    >>> guess_format("notes.txt")
    Traceback (most recent call last):
    ...
    kg.errors.FormatError: notes.txt: cannot tell the RDF format from the suffix '.txt'; give --format (turtle, nt, nquads, trig, json-ld, n3, rdfxml, trix)
    """
    if fmt is not None:
        name = fmt.strip().lower()
        name = _ALIASES.get(name, name)
        if name not in FORMATS:
            raise FormatError(f"unknown RDF format {fmt!r} (use one of: {', '.join(FORMATS)})")
        return name
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise FormatError(f"{path}: cannot tell the RDF format from the suffix {suffix!r}; "
                          f"give --format ({', '.join(FORMATS)})")
    return _SUFFIXES[suffix]


# --------------------------------------------------------------------------- reports
@dataclass(frozen=True)
class FileLoad:
    """One loaded file: its format, the graphs it filled and its statement count."""

    path: str
    format: str
    graphs: tuple[str, ...]
    statements: int
    bulk: bool = False


@dataclass
class LoadReport:
    """What :func:`load_files` did.

    ``statements`` counts the statements parsed from the files, ``written`` the
    quads added to or removed from named graphs (0 when the files were already
    loaded), ``seconds`` the wall time.
    """

    files: list[FileLoad] = field(default_factory=list)
    written: int = 0
    seconds: float = 0.0

    @property
    def statements(self) -> int:
        """Statements parsed from all files."""
        return sum(f.statements for f in self.files)

    @property
    def rate(self) -> float:
        """Statements per second."""
        return self.statements / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        graphs = len({g for f in self.files for g in f.graphs})
        return (f"loaded {len(self.files)} file{'s' * (len(self.files) != 1)}: "
                f"{self.statements} statements into {graphs} graph{'s' * (graphs != 1)}, "
                f"{self.written} quads changed, in {self.seconds:.2f} s "
                f"({self.rate:,.0f} triples/s)")


# --------------------------------------------------------------------------- checks
@dataclass(eq=False)
class _Plan:
    path: Path
    format: str
    target: str  # the graph for triples (and for a quad file's default graph)
    sha256: str = ""
    statements: int = 0
    has_bnodes: bool = False
    graphs: set = field(default_factory=set)
    data: bytes | None = None  # rewritten input (JSON-LD with the local context)


def _scan(path: Path, xml: bool) -> tuple[str, bool]:
    """sha256 of the file, and whether ``_:`` occurs in it (N-Triples and N-Quads
    write every blank node so); for XML formats refuse DOCTYPE/ENTITY declarations."""
    h = hashlib.sha256()
    tail = b""
    underscore = False
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                if xml and not tail and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff")
                                         or b"\x00" in chunk[:4096]):
                    raise InputError(f"{path}: refused: XML that is not UTF-8 (UTF-16/32 would "
                                     "hide declarations from the DOCTYPE/ENTITY check)")
                h.update(chunk)
                underscore = underscore or b"_:" in chunk or (tail + chunk[:1]).endswith(b"_:")
                if xml and _HOSTILE_XML.search(tail + chunk):
                    raise InputError(f"{path}: refused: the XML declares a DOCTYPE or ENTITY "
                                     "(entity expansion and external entities are not allowed)")
                tail = chunk[-16:]
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from err
    return h.hexdigest(), underscore


def _local_jsonld(path: Path) -> bytes:
    """The JSON-LD document with :data:`CONTEXT_IRI` replaced by the local context;
    any other referenced context is refused (never fetched)."""
    from .ontology import load_context

    try:
        doc = json.loads(path.read_bytes())
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 JSON (bad byte at offset {err.start})") from err
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{err.lineno}:{err.colno}: not valid JSON ({err.msg})") from err

    def local(value, key):
        if isinstance(value, str):
            if value.rstrip("#") == CONTEXT_IRI:
                return load_context()
            raise InputError(f"{path}: refused: JSON-LD {key} {value!r} is a remote document; "
                             f"nothing is fetched (only {CONTEXT_IRI}, read from the local "
                             "ontology/context.jsonld, may be named)")
        if isinstance(value, list):
            return [local(v, key) for v in value]
        return walk(value)

    def walk(node):
        if isinstance(node, dict):
            return {k: local(v, k) if k in ("@context", "@import") else walk(v)
                    for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return json.dumps(walk(doc)).encode("utf-8")


def _syntax_error(path: Path, err: BaseException) -> InputError:
    line, col = getattr(err, "lineno", None), getattr(err, "offset", None)
    msg = _PARSER_PREFIX.sub("", getattr(err, "msg", None) or str(err))
    where = f"{path}:{line}:{col}" if line else str(path)
    return InputError(f"{where}: {msg}")


def _quads(plan: _Plan) -> Iterator[ox.Quad]:
    """The statements of ``plan``'s file, as parsed (blank nodes not yet renamed)."""
    fmt = FORMATS[plan.format]
    if fmt == "trix":
        yield from _trix_quads(plan.path)
        return
    source = {"input": plan.data} if plan.data is not None else {"path": str(plan.path)}
    try:
        yield from ox.parse(format=fmt, **source)
    except SyntaxError as err:
        raise _syntax_error(plan.path, err) from err
    except (ValueError, OSError) as err:
        raise InputError(f"{plan.path}: cannot parse as {plan.format} ({err})") from err


def _trix_quads(path: Path) -> Iterator[ox.Quad]:
    from xml.sax import SAXParseException

    from rdflib import Dataset

    ds = Dataset()
    try:
        ds.parse(str(path), format="trix")
    except SAXParseException as err:
        raise InputError(f"{path}:{err.getLineNumber()}:{err.getColumnNumber()}: "
                         f"{err.getMessage()}") from err
    except Exception as err:  # rdflib's TriX parser raises several types
        raise InputError(f"{path}: cannot parse as trix ({err})") from err
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        graph = (ox.DefaultGraph() if name is None or str(name).startswith("urn:x-rdflib:")
                 else to_oxigraph(name))
        yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph)


def _check(path: Path, fmt: str | None, graph: str | None, base: str) -> _Plan:
    name = guess_format(path, fmt)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an RDF file")
    target = graph or f"{base}graph/{slugify(path.stem)}"
    sha256, underscore = _scan(path, name in _XML)
    plan = _Plan(path=path, format=name, target=target, sha256=sha256)
    if name == "json-ld":
        plan.data = _local_jsonld(path)
    if name in _LINE_FORMATS and not underscore:
        # no blank node can occur: count and collect graph names without Python per statement
        counter = itertools.count()
        plan.graphs = set(map(operator.attrgetter("graph_name"),
                              map(operator.itemgetter(0), zip(_quads(plan), counter))))
        plan.statements = next(counter)
        return plan
    bnode = ox.BlankNode
    for q in _quads(plan):
        plan.statements += 1
        if type(q.subject) is bnode or type(q.object) is bnode or type(q.graph_name) is bnode:
            plan.has_bnodes = True
        plan.graphs.add(q.graph_name)
    return plan


# --------------------------------------------------------------------------- writing
def _skolemized(plan: _Plan, base: str) -> Iterator[tuple[str, ox.Triple]]:
    """``(graph name, triple)`` for every statement, blank nodes renamed to skolem IRIs."""
    return ((q.graph_name.value, q.triple) for q in _skolemized_quads(plan, base))


def _skolemized_quads(plan: _Plan, base: str) -> Iterator[ox.Quad]:
    """Every statement as a quad in its named graph (``plan.target`` for triples),
    blank nodes renamed to skolem IRIs."""
    target = ox.NamedNode(plan.target)
    digest = hashlib.sha256(f"{plan.target}\n{plan.sha256}".encode()).hexdigest()[:16]
    prefix = f"{base}.well-known/genid/{digest}/b"
    names: dict[str, ox.NamedNode] = {}
    bnode, named = ox.BlankNode, ox.NamedNode

    def skolem(term):
        found = names.get(term.value)
        if found is None:
            found = names[term.value] = named(f"{prefix}{len(names) + 1}")
        return found

    default, quad = ox.DefaultGraph, ox.Quad
    for q in _quads(plan):
        s, o, g = q.subject, q.object, q.graph_name
        if type(s) is bnode:
            s = skolem(s)
        if type(o) is bnode:
            o = skolem(o)
        if type(g) is bnode:
            g = skolem(g)
        elif type(g) is default:
            g = target
        yield quad(s, q.predicate, o, g)


def _filled(plan: _Plan) -> set[str]:
    """The names of the graphs ``plan``'s file fills (blank graph names: not known yet)."""
    names = {g.value for g in plan.graphs if isinstance(g, ox.NamedNode)}
    if plan.format not in _QUAD_FORMATS or any(isinstance(g, ox.DefaultGraph)
                                                for g in plan.graphs):
        names.add(plan.target)
    return names


def _chunks(plan: _Plan, base: str) -> tuple[Iterator[bytes], ox.RdfFormat]:
    """The file as chunks of N-Triples/N-Quads text for the bulk loader: the file's own
    lines when it is N-Triples/N-Quads without blank nodes, else its statements
    (skolemized) re-serialized as N-Quads."""
    if plan.format in _LINE_FORMATS and not plan.has_bnodes:
        return line_chunks(plan.path), FORMATS[plan.format]
    quads = _skolemized_quads(plan, base)
    nq = ox.RdfFormat.N_QUADS
    return iter(lambda: ox.serialize(itertools.islice(quads, BULK_CHUNK_STATEMENTS),
                                     format=nq) or b"", b""), nq


def load_files(store: Store, paths: Iterable[str | os.PathLike[str]], *, fmt: str | None = None,
               graph: str | None = None, base: str = str(DKGR)) -> LoadReport:
    """Load RDF files into ``store``, each into its own named graph (or graphs).

    Parameters
    ----------
    store : Store
        Where to load (writable).
    paths : iterable of paths
        RDF files; the format comes from each suffix (``.ttl``, ``.nt``,
        ``.nq``, ``.trig``, ``.jsonld``/``.json``, ``.n3``, ``.rdf``/``.owl``/``.xml``,
        ``.trix``) unless ``fmt`` is given.
    fmt : str, optional
        Format of every file (a :data:`FORMATS` name or alias such as ``ttl``).
    graph : str, optional
        IRI of the graph for the files' triples (default: ``dkgr:graph/<file-stem>``);
        graphs named inside quad files are kept.
    base : str
        Base IRI for default graph names and skolem IRIs.

    Returns
    -------
    LoadReport

    Raises
    ------
    InputError
        A missing or malformed file (naming file, line and column), an XML file
        with a DOCTYPE/ENTITY declaration, or a JSON-LD file naming a remote
        context. Nothing is written then: every file is checked before the first write.
    FormatError
        An unknown format name or suffix.
    StoreError
        The store is read-only or cannot be written.
    """
    start = time.perf_counter()
    if graph is not None:
        try:
            graph = ox.NamedNode(str(graph)).value
        except ValueError as err:
            raise InputError(f"--graph {graph!r}: not an absolute IRI ({err})") from err
    if store.read_only:
        raise StoreError(f"{store.location or 'memory store'}: store is open read-only; "
                         "cannot load")
    plans = [_check(Path(p), fmt, graph, base) for p in paths]
    # the fast path: Oxigraph's bulk loader, streaming, for big files that fill graphs the
    # store does not hold yet and no other file of this load fills
    native: list[_Plan] = []
    if isinstance(store, OxigraphStore):
        fills = {id(p): _filled(p) for p in plans}
        per_graph = Counter(g for names in fills.values() for g in names)
        existing = set(store.graph_names())
        native = [p for p in plans if p.statements >= BULK_MIN and p.format != "trix"
                  and not any(isinstance(g, ox.BlankNode) for g in p.graphs)
                  and all(per_graph[g] == 1 and g not in existing for g in fills[id(p)])]
    report = LoadReport()
    graphs: dict[str, set[ox.Triple]] = {}
    filled: dict[int, set[str]] = {}
    for i, plan in enumerate(plans):
        if plan in native:
            filled[i] = _filled(plan)
            continue
        names = filled[i] = set()
        if plan.format not in _QUAD_FORMATS:
            graphs.setdefault(plan.target, set())  # an empty file empties its graph
            names.add(plan.target)
        for name, triple in _skolemized(plan, base):
            graphs.setdefault(name, set()).add(triple)
            names.add(name)
    if graphs:
        total = sum(len(t) for t in graphs.values())
        report.written += store.replace_graphs(graphs, bulk=total >= BULK_MIN)
    for plan in native:
        chunks, chunk_format = _chunks(plan, base)
        store.bulk_load_chunks(chunks, chunk_format, plan.target)
        report.written += plan.statements
    for i, plan in enumerate(plans):
        report.files.append(FileLoad(path=str(plan.path), format=plan.format,
                                     graphs=tuple(sorted(filled[i])), statements=plan.statements,
                                     bulk=plan in native))
    report.seconds = time.perf_counter() - start
    return report
