"""DiploKG: news articles about international diplomacy as an OWL/RDF knowledge graph.

The public API lives in :mod:`kg.api` and is re-exported here lazily (importing
``kg`` loads no model and opens no store)::

    import kg
    with kg.KnowledgeGraph() as g:          # in memory; KnowledgeGraph.open(path) for Oxigraph
        g.ingest("examples/sco-astana-2024.txt")
        g.entity("SCO").members()
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "extract_graph", "KGError", "__version__"]

from .errors import KGError


def __getattr__(name: str):
    if name in ("KnowledgeGraph", "extract_graph"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
