"""What a store holds: counts by class and property, articles, dates, size.

>>> from kg.store import open_store
>>> from kg.entities import EXAMPLE_TTL
>>> from rdflib import Graph
>>> store = open_store()
>>> store.replace_graph("https://w3id.org/diplokg/id/article/a",
...                     Graph().parse(data=EXAMPLE_TTL, format="turtle"))
>>> s = store_stats(store)
>>> s["articles"], s["triples"], s["classes"]["State"], s["properties"]["memberOf"]
(1, 29, 2, 2)
>>> s["event_dates"], s["store"]["backend"]
(('2024-07-03', '2024-07-04'), 'memory')
>>> print(format_stats(s).splitlines()[0])
articles        1
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .entities import local_name
from .namespaces import DKG, PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

__all__ = ["store_stats", "format_stats", "folder_size"]

_CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class"
_PROPERTIES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"
_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_PUBLISHED = "SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { ?a dkg:published ?d }"
_EVENT_DATES = ("SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { "
                "?e dkg:startDate|dkg:endDate ?d }")


def _name(iri: str) -> str:
    if iri.startswith(str(DKG._NS)):
        return local_name(iri)
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and prefix != "dkgr":
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def folder_size(path: str | os.PathLike[str]) -> int:
    """Bytes in the files below ``path``."""
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:  # a file RocksDB removed while we walked
                pass
    return total


def _range(store: "Store", sparql: str) -> tuple[str, str] | None:
    rows = store.query(sparql, timeout=None).rows
    if not rows or rows[0][0] is None:
        return None
    return str(rows[0][0]), str(rows[0][1])


def store_stats(store: "Store") -> dict[str, Any]:
    """Counts and ranges of ``store``.

    Returns
    -------
    dict
        ``articles`` (named graphs), ``quads``, ``triples`` (the merge),
        ``classes`` (distinct instances per class) and ``properties``
        (triples per property), keyed by local name for the DiploKG
        vocabulary and by CURIE otherwise, sorted; ``published`` and
        ``event_dates``: ``(first, last)`` ISO dates or ``None``; ``store``:
        ``backend`` (``memory``, ``oxigraph`` …), ``location`` and ``bytes``
        on disk (``None`` in memory).
    """
    classes = {_name(str(c)): int(n) for c, n in store.query(_CLASSES, timeout=None).rows}
    props = {_name(str(p)): int(n) for p, n in store.query(_PROPERTIES, timeout=None).rows}
    location = getattr(store, "location", None)
    is_dir = location is not None and os.path.isdir(str(location))
    backend = type(store).__name__.removesuffix("Store").lower() or "store"
    return {"articles": len(store.graph_names()), "quads": len(store),
            "triples": int(store.query(_TRIPLES, timeout=None).rows[0][0]),
            "classes": dict(sorted(classes.items())), "properties": dict(sorted(props.items())),
            "published": _range(store, _PUBLISHED), "event_dates": _range(store, _EVENT_DATES),
            "store": {"backend": backend, "location": str(location) if location else None,
                      "bytes": folder_size(location) if is_dir else None}}


def _size(n: int | None) -> str:
    if n is None:
        return "-"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} B" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)  # pragma: no cover


def format_stats(stats: dict[str, Any]) -> str:
    """:func:`store_stats` as an aligned text report."""
    rng = lambda r: f"{r[0]} .. {r[1]}" if r else "-"  # noqa: E731
    store = stats["store"]
    lines = [f"{'articles':<15} {stats['articles']}",
             f"{'triples':<15} {stats['triples']} (quads {stats['quads']})",
             f"{'published':<15} {rng(stats['published'])}",
             f"{'event dates':<15} {rng(stats['event_dates'])}",
             f"{'store':<15} {store['backend']}"
             + (f" {store['location']}" if store["location"] else "")
             + (f", {_size(store['bytes'])}" if store["bytes"] is not None else "")]
    for title, counts in (("classes", stats["classes"]), ("properties", stats["properties"])):
        lines += ["", title]
        width = max((len(k) for k in counts), default=0)
        lines += [f"  {k:<{width}}  {v:>7}" for k, v in
                  sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(lines)
