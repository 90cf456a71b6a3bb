"""Compiled regular expressions, kept in the on-disk cache between processes.

The extraction rules compile a few hundred large patterns when they are
imported: ~0.25 s of CPU in every process, an eighth of ``kg extract`` on one
article. A compiled pattern cannot be pickled (pickling only keeps its text),
but what Python's regular expression compiler produces before building the
pattern object is plain data: the engine's code words, flags and group names.
:func:`compile` keeps that data in :mod:`kg.cache` and rebuilds patterns from
it with ``_sre.compile``, the call :func:`re.compile` itself ends with.

The entry is keyed by the interpreter's version and the regex engine's
``MAGIC`` number (the format of the code words) besides the package's own
sources, so a patterns table is only used by the interpreter that made it.
Anything unexpected (no cache, a foreign entry, a private API that changed)
falls back to :func:`re.compile`, so results never depend on the cache.
"""
from __future__ import annotations

import re
import sys

__all__ = ["compile", "save"]

try:  # the regex engine's internals, as re.compile uses them (CPython 3.11-3.13)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation: no cache
    _sre = None

_SOURCES = ("extract/lexicon.py", "extract/dates.py", "extract/mentions.py",
            "extract/rules.py", "extract/rx.py")
_table: dict | None = None  # (pattern, flags) -> arguments of _sre.compile; None: not read yet
_path = None  # the cache entry; None when caching is off
_added = False


def _key() -> str:
    return f"\0{sys.version}\0{getattr(_sre, 'MAGIC', '')}"


def _load() -> dict:
    global _table, _path
    if _table is None:
        _table = {}
        from ..cache import entry_path

        _path = entry_path("regex", code_files=_SOURCES, extra=_key()) if _sre else None
        if _path is not None:
            import pickle

            try:
                with _path.open("rb") as f:
                    table = pickle.load(f)
                if isinstance(table, dict):
                    _table = table
            except Exception:  # noqa: BLE001 - missing, corrupt or foreign: compile anew
                pass
    return _table


def _code(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # named constants -> ints
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern:  # noqa: A001
    """:func:`re.compile`, from the on-disk table when it holds the pattern."""
    global _added
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    table = _load()
    args = table.get(key)
    if args is not None:
        try:
            return _sre.compile(pattern, *args)
        except Exception:  # noqa: BLE001 - an entry this interpreter cannot use
            table.pop(key, None)
    compiled = re.compile(pattern, flags)  # also checks the pattern and raises re.error
    if _path is None:
        return compiled
    try:
        args = _code(pattern, int(flags))
        _sre.compile(pattern, *args)
    except Exception:  # noqa: BLE001 - the internals differ here: no cache
        return compiled
    table[key] = args
    _added = True
    return compiled


def save() -> None:
    """Write the table when this process compiled patterns it did not hold."""
    global _added
    if _added and _path is not None:
        from ..cache import store

        store("regex", _path, _table)
    _added = False
