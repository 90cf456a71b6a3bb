"""The exception hierarchy of DiploKG: one base, a few precise subclasses.

Library code raises these; only :mod:`kg.cli` turns them into an error line
and an exit status.
"""
from __future__ import annotations

__all__ = [
    "KGError",
    "InputError",
    "FormatError",
    "QueryError",
    "QueryTimeout",
    "ForbiddenQuery",
    "StoreError",
    "StoreLocked",
    "EntityNotFound",
    "AmbiguousEntity",
    "FactNotFound",
]


class KGError(Exception):
    """Base of every error DiploKG raises on purpose."""


class InputError(KGError):
    """An article or RDF file that cannot be read (missing, empty, binary, bad encoding)."""


class FormatError(KGError):
    """An unknown or unsupported format name."""


class QueryError(KGError):
    """A SPARQL query that cannot be parsed or evaluated."""


class QueryTimeout(QueryError):
    """A query that ran past its deadline."""


class ForbiddenQuery(QueryError):
    """A query that tries to reach the network or the file system (SERVICE, LOAD, FROM <url>)."""


class StoreError(KGError):
    """A store that cannot be opened or written."""


class StoreLocked(StoreError):
    """The store is already open for writing in another process."""


class EntityNotFound(KGError):
    """No entity in the graph has that name or IRI."""


class AmbiguousEntity(KGError):
    """A name that matches several entities equally well."""


class FactNotFound(EntityNotFound):
    """A fact (subject, property, object) that the graph does not state."""
