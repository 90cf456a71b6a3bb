"""An on-disk cache for derived lookup tables (the gazetteer and reference index).

Building the name index from the reference CSV files costs ~0.3 s per process;
unpickling it costs ~0.03 s. The cache lives in ``$KG_CACHE_DIR``, else
``$XDG_CACHE_HOME/diplokg``, else ``~/.cache/diplokg``; entries are keyed by a
digest of the source files and the package version, so a changed data file or
release never reads a stale entry. A cache that cannot be read or written is
ignored (the table is built in memory).
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import TypeVar

__all__ = ["cached", "cache_dir", "entry_path", "store"]

T = TypeVar("T")
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """The cache folder (not created here)."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "diplokg"


def _digest(name: str, data_files: Iterable[str], code_files: Iterable[str]) -> str:
    from . import __version__

    h = hashlib.sha256(f"{name}\0{__version__}\0{pickle.HIGHEST_PROTOCOL}".encode())
    pkg = resources.files("kg")
    for f in (*data_files, *code_files):
        h.update(f.encode())
        h.update(pkg.joinpath(*f.split("/")).read_bytes())
    return h.hexdigest()[:24]


def cached(name: str, build: Callable[[], T], *, data_files: Iterable[str] = (),
           code_files: Iterable[str] = ()) -> T:
    """Return ``build()``, from the on-disk cache when a valid entry exists."""
    path = entry_path(name, data_files=data_files, code_files=code_files)
    if path is None:
        return build()
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception as err:  # a corrupt or foreign entry: rebuild it
        log.debug("ignoring cache entry %s: %s", path, err)
    value = build()
    store(name, path, value)
    return value


def entry_path(name: str, *, data_files: Iterable[str] = (), code_files: Iterable[str] = (),
               extra: str = "") -> Path | None:
    """Where the cache entry ``name`` of these source files lives, or ``None`` when
    caching is off (``$KG_NO_CACHE``) or the files cannot be read."""
    if os.environ.get("KG_NO_CACHE"):
        return None
    try:
        return cache_dir() / f"{name}-{_digest(name + extra, data_files, code_files)}.pickle"
    except OSError:
        return None


def store(name: str, path: Path, value: object) -> None:
    """Write ``value`` to the cache entry ``path`` atomically and drop the entries of
    ``name`` for older data or code; a cache that cannot be written is left alone."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
        tmp = None
        for old in path.parent.glob(f"{name}-*.pickle"):  # entries of older data or code
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError) as err:
        log.debug("cannot write cache entry %s: %s", path, err)
    finally:
        if tmp is not None:  # not written whole: leave nothing behind
            Path(tmp.name).unlink(missing_ok=True)
