"""Writing graphs to files: Turtle, N-Triples, JSON-LD, N-Quads, TriG.

Output is deterministic — the same triples give the same bytes, whatever the
order they were added in, the back end or the process — so golden files and
re-ingest checks can compare bytes:

* Turtle of one graph (:func:`serialize_graph`) comes from rdflib's writer,
  which sorts subjects, predicates and objects; it is fed a freshly built graph
  so nothing depends on insertion order;
* N-Triples and N-Quads are canonical lines (pyoxigraph's writer), sorted and
  de-duplicated;
* JSON-LD is compacted with the project context (:func:`kg.ontology.load_context`),
  with ``@graph`` sorted by ``@id``, value arrays sorted and keys sorted;
* Turtle and TriG of a whole store (:func:`export_store`) are written by
  pyoxigraph from the sorted lines (fast on large stores), with the prefix
  lines sorted; N-Triples and N-Quads of a store are written straight to the
  file (N-Quads graph by graph, see :meth:`kg.store.Store.dump`).

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDFS
>>> g = Graph()
>>> _ = g.add((URIRef("https://w3id.org/diplokg/id/state/RUS"), RDFS.label, Literal("Russia")))
>>> print(serialize_graph(g, "nt").decode(), end="")
<https://w3id.org/diplokg/id/state/RUS> <http://www.w3.org/2000/01/rdf-schema#label> "Russia" .
>>> serialize_graph(g, "xml")
Traceback (most recent call last):
...
kg.errors.FormatError: unknown format 'xml' (use one of: turtle, nt, json-ld, nquads, trig)
"""
from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from .errors import FormatError, InputError, KGError
from .namespaces import PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

__all__ = ["serialize_graph", "export_store", "normalize_format", "format_from_suffix",
           "GRAPH_FORMATS", "STORE_FORMATS"]

#: formats for one graph (no graph names)
GRAPH_FORMATS = ("turtle", "nt", "json-ld")
#: formats for a whole store: the graph formats merge all graphs, the others keep them
STORE_FORMATS = ("turtle", "nt", "json-ld", "nquads", "trig")
_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "jsonld": "json-ld",
            "json": "json-ld", "nq": "nquads", "n-quads": "nquads"}
_SUFFIXES = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "json-ld",
             ".json": "json-ld", ".nq": "nquads", ".trig": "trig"}


def normalize_format(fmt: str, *, allowed: tuple[str, ...] = STORE_FORMATS) -> str:
    """The canonical name of ``fmt`` (``ttl`` → ``turtle`` …) or :class:`~kg.errors.FormatError`.

    >>> normalize_format("TTL"), normalize_format("jsonld"), normalize_format("nq")
    ('turtle', 'json-ld', 'nquads')
    """
    name = _ALIASES.get(str(fmt).lower(), str(fmt).lower())
    if name not in allowed:
        raise FormatError(f"unknown format {fmt!r} (use one of: {', '.join(STORE_FORMATS)})")
    return name


def format_from_suffix(path: str | os.PathLike[str]) -> str:
    """The export format a file name asks for (``.ttl``, ``.nt``, ``.jsonld``, ``.nq``, ``.trig``).

    >>> format_from_suffix("out/graph.trig")
    'trig'
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise FormatError(f"{path}: cannot tell the format from the suffix {suffix or '(none)'!r}"
                          f" (use {', '.join(sorted(_SUFFIXES))} or give a format)") from None


def _context() -> dict:
    try:
        from .ontology import load_context
    except ImportError:  # pragma: no cover - the ontology module ships with the package
        return dict(PREFIXES)
    return load_context()


def _sort_key(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _canonical_json(value):
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _canonical_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical_json(v) for v in value]
        return sorted(items, key=lambda v: (str(v.get("@id", v.get("id", "")))
                                            if isinstance(v, dict) else "", _sort_key(v)))
    return value


def _sorted_graph(graph: Graph) -> Graph:
    fresh = Graph()
    for prefix, ns in PREFIXES.items():
        fresh.bind(prefix, ns, override=True, replace=True)
    for triple in sorted(graph):
        fresh.add(triple)
    return fresh


def _nt_lines(graph: Graph) -> list[bytes]:
    from .store import to_oxigraph

    data = ox.serialize((ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                         for s, p, o in graph), format=ox.RdfFormat.N_TRIPLES)
    return sorted(set(data.splitlines(keepends=True))) if data else []


def _jsonld(graph: Graph) -> bytes:
    context = _context()
    doc = json.loads(_sorted_graph(graph).serialize(format="json-ld", context=context,
                                                    auto_compact=True))
    if isinstance(doc, list):
        ctx, nodes = context, doc
    elif "@graph" in doc:
        ctx, nodes = doc.get("@context", context), doc["@graph"]
    else:  # a single node is written without @graph: keep one shape for every graph
        ctx = doc.pop("@context", context)
        nodes = [doc] if doc else []
    out = {"@context": ctx, "@graph": _canonical_json(nodes)}
    return (json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def serialize_graph(graph: Graph, fmt: str = "turtle") -> bytes:
    """Serialize one graph deterministically.

    Parameters
    ----------
    graph : rdflib.Graph
        The triples (graph names are ignored).
    fmt : str
        ``turtle``, ``nt`` or ``json-ld`` (aliases ``ttl``, ``ntriples``, ``jsonld``).

    Returns
    -------
    bytes
        UTF-8 text; the same triples always give the same bytes.

    Raises
    ------
    FormatError
        An unknown format (the message lists the valid ones).
    """
    name = normalize_format(fmt)
    if name not in GRAPH_FORMATS:
        raise FormatError(f"format {fmt!r} keeps graph names; a single graph is written as one "
                          f"of: {', '.join(GRAPH_FORMATS)}")
    if name == "nt":
        return b"".join(_nt_lines(graph))
    if name == "json-ld":
        return _jsonld(graph)
    return _sorted_graph(graph).serialize(format="turtle", encoding="utf-8")


def _sorted_prefix_header(data: bytes) -> bytes:
    lines = data.splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix"):
        n += 1
    return b"".join(sorted(lines[:n])) + (b"\n" if n else b"") + b"".join(lines[n:])


class _SortedPrefixes:
    """A binary writer passing everything to ``out`` once the leading ``@prefix``
    lines are complete, those lines sorted (as :func:`_sorted_prefix_header`)."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.head = out, b""

    def write(self, data) -> int:
        if self.head is None:
            self.out.write(data)
            return len(data)
        self.head += bytes(data)
        pos = 0
        while True:  # the header ends at the first complete line that is not a prefix
            if len(self.head) - pos >= 7 and not self.head.startswith(b"@prefix", pos):
                self.close()
                break
            nl = self.head.find(b"\n", pos)
            if nl < 0:
                break
            pos = nl + 1
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self.head is not None:
            head, self.head = self.head, None
            self.out.write(_sorted_prefix_header(head))


def _ox_prefixes() -> dict[str, str]:
    # dkgr: local names always contain "/", which Turtle must escape: write full IRIs instead
    return {p: ns for p, ns in PREFIXES.items() if p != "dkgr"}


def export_store(store: "Store", dest: str | os.PathLike[str] | BinaryIO, *,
                 fmt: str | None = None) -> int:
    """Write every graph of ``store`` to ``dest``.

    Parameters
    ----------
    store : kg.store.Store
        The store to export.
    dest : path or binary file
        Where to write; a path is written through a temporary file and renamed,
        so a failed export leaves no half-written file.
    fmt : str, optional
        ``turtle``, ``nt``, ``json-ld`` (all graphs merged, duplicates removed) or
        ``nquads``, ``trig`` (graph names kept). Default: from the file suffix.

    Returns
    -------
    int
        Number of statements written (triples, or quads for nquads/trig).
    """
    if fmt is None:
        if not isinstance(dest, (str, os.PathLike)):
            raise FormatError("export to a stream needs a format "
                              f"(one of: {', '.join(STORE_FORMATS)})")
        name = format_from_suffix(dest)
    else:
        name = normalize_format(fmt)
    lines_fmt = "nquads" if name in ("nquads", "trig") else "nt"
    with _destination(dest) as out:
        if name in ("nquads", "nt"):  # straight to the file
            return store.dump(out, lines_fmt)
        buf = io.BytesIO()
        count = store.dump(buf, lines_fmt)
        buf.seek(0)
        if name == "json-ld":
            g = Graph()
            g.parse(data=buf.getvalue().decode("utf-8"), format="nt")
            out.write(serialize_graph(g, "json-ld"))
            return count
        rdf_fmt = ox.RdfFormat.TRIG if name == "trig" else ox.RdfFormat.TURTLE
        parsed = ox.parse(buf, format=ox.RdfFormat.N_QUADS if name == "trig"
                          else ox.RdfFormat.N_TRIPLES)
        writer = _SortedPrefixes(out)
        ox.serialize(parsed, writer, format=rdf_fmt, prefixes=_ox_prefixes())
        writer.close()
        return count


@contextlib.contextmanager
def _destination(dest):
    """A binary file to write the export to: ``dest`` itself when it is a stream, else a
    temporary file next to it, renamed to ``dest`` when the export succeeds."""
    if not isinstance(dest, (str, os.PathLike)):
        yield dest
        return
    path = Path(dest)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name to export to")
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("wb") as f:
            yield f
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise KGError(f"{path}: cannot write the export ({err.strerror or err})") from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
