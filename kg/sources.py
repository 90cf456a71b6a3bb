"""Reading articles: text files (first line headline, then the body), HTML pages
(main text, title and date extracted by trafilatura), JSON Lines (one article
per line), folders of these (recursive) and standard input.

An :class:`Article` carries its text, headline, optional publication date,
a stable id (from the file name, a JSONL ``id`` or a URL) and the sha256 of
its text, so re-ingesting an unchanged article can be detected.
:func:`iter_sources` turns paths into articles, reporting an unreadable one as
an error item without stopping the others.

>>> a = Article.from_text("Leaders meet\\n\\nThe leaders met on Monday.", article_id="x")
>>> a.headline, a.body
('Leaders meet', 'The leaders met on Monday.')
>>> a.sha256[:12]
'e8efb2b34e79'
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

__all__ = ["Article", "read_article", "read_html", "article_from_html", "articles_from_jsonl",
           "iter_sources", "count_sources", "find_articles", "slugify", "MAX_ARTICLE_BYTES",
           "MAX_HTML_BYTES", "ARTICLE_SUFFIXES"]

#: articles larger than this are refused (a news article is a few kB)
MAX_ARTICLE_BYTES = 2_000_000
#: HTML pages larger than this are refused (markup, scripts and styles included)
MAX_HTML_BYTES = 20_000_000
#: the suffixes read from folders: text articles, HTML pages, JSON Lines
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")

_DATELINE_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def slugify(text: str, *, max_len: int = 80) -> str:
    """Lower-case ASCII slug of ``text`` (letters, digits and hyphens).

    >>> slugify("Kassym-Jomart Tokayev")
    'kassym-jomart-tokayev'
    >>> slugify("Türkiye’s  summit!")
    'turkiyes-summit'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "").replace("'", "")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:max_len].rstrip("-") or "x"


@dataclass(frozen=True)
class Article:
    """One source document.

    ``text`` is the whole text as read (headline line included); character
    offsets in evidence refer to it. ``body_start`` is where the body begins.
    """

    article_id: str
    text: str
    headline: str
    published: _dt.date | None = None
    url: str | None = None
    source_path: str | None = None
    body_start: int = 0
    sha256: str = field(default="")

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @classmethod
    def from_text(cls, text: str, *, article_id: str | None = None,
                  published: _dt.date | str | None = None, url: str | None = None,
                  headline: str | None = None, source_path: str | None = None) -> "Article":
        """Build an article from its text; raises :class:`InputError` for unusable text."""
        name = source_path or article_id or "<text>"
        if "\x00" in text:
            raise InputError(f"{name}: looks like a binary file (NUL bytes), not an article")
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip():
            raise InputError(f"{name}: empty article (no text)")
        if sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t") > 8:
            raise InputError(f"{name}: looks like a binary file (control characters), not an article")
        if len(re.findall(r"[A-Za-z]{2,}", text)) < 3:
            raise InputError(f"{name}: no English text found")
        if headline is None:
            lead = len(text) - len(text.lstrip())
            first_nl = text.find("\n", lead)
            if first_nl == -1:
                headline, body_start = "", lead
            else:
                headline = text[lead:first_nl].strip()
                body_start = first_nl + 1
                while body_start < len(text) and text[body_start] in "\n \t":
                    body_start += 1
        else:
            body_start = 0
        if isinstance(published, str):
            published = parse_date(published, what=f"{name}: published date")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        aid = article_id or sha[:16]
        return cls(article_id=slugify(aid, max_len=120), text=text, headline=headline,
                   published=published, url=url, source_path=source_path,
                   body_start=body_start, sha256=sha)


def parse_date(value: str, *, what: str = "date") -> _dt.date:
    """Parse ``YYYY-MM-DD``; raises :class:`InputError` naming ``what``.

    >>> parse_date("2024-07-03")
    datetime.date(2024, 7, 3)
    """
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError as err:
        raise InputError(f"{what}: {value!r} is not a YYYY-MM-DD date") from err


def read_article(path: str | Path, *, published: _dt.date | str | None = None,
                 article_id: str | None = None) -> Article:
    """Read one article file (UTF-8 text, first line the headline).

    Raises :class:`InputError` with one line naming the file for a missing,
    empty, binary, oversized or non-UTF-8 file.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not an article file")
    raw = _read_bounded(p, MAX_ARTICLE_BYTES, "one article", "empty article (no text)")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{p}: looks like a binary file (NUL bytes), not an article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{p}: not UTF-8 text (bad byte at offset {err.start})") from err
    return Article.from_text(text, article_id=article_id or p.stem, published=published,
                             source_path=str(p))


# --------------------------------------------------------------------------- more formats
def _error(source: str, message: str) -> InputError:
    """An :class:`InputError` that names its ``source`` (path, ``path:line`` or ``<stdin>``)."""
    err = InputError(message)
    err.source = source
    return err


def _own_date(value, what: str) -> _dt.date | None:
    """A date given as ``YYYY-MM-DD`` or an ISO date-time (``2024-07-03T10:00:00Z``)."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if len(text) > 10 and text[10] in "T ":
        text = text[:10]
    return parse_date(text, what=what)


def _with_headline(text: str, headline: str | None) -> str:
    if headline and headline.strip() and not text.lstrip().startswith(headline.strip()):
        return f"{headline.strip()}\n\n{text.lstrip()}"
    return text


def article_from_html(html: str | bytes, *, name: str, article_id: str | None = None,
                      published: _dt.date | str | None = None, url: str | None = None,
                      source_path: str | None = None) -> Article:
    """The article in an HTML page: main text, title and date by trafilatura.

    The title becomes the headline (the first line, as in a text article) and
    the paragraphs of the main text the body; boilerplate (navigation, footers,
    comments) is left out. The page's own publication date (from its metadata,
    never guessed from the text) wins over ``published``.

    Raises
    ------
    InputError
        No main text found, or trafilatura is not installed.
    """
    try:
        import trafilatura  # imported on first use: ~0.5 s
    except ImportError as err:
        raise InputError(f"{name}: reading HTML needs the trafilatura package") from err
    for logger in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(logger).setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as err:  # trafilatura/lxml raise several types on broken markup
        raise InputError(f"{name}: cannot read the HTML ({type(err).__name__}: {err})") from err
    paragraphs = [p.strip() for p in ((doc.text or "") if doc is not None else "").splitlines()
                  if p.strip()]
    if not paragraphs:
        raise InputError(f"{name}: no article text found in the HTML page")
    title = (doc.title or "").strip()
    if title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(paragraphs)
    if title:
        text = f"{title}\n\n{text}"
    own = _own_date(doc.date, f"{name}: page date") if doc.date else None
    return Article.from_text(text, article_id=article_id, published=own or published,
                             url=doc.url or url, source_path=source_path or name)


def _read_bounded(p: Path, limit: int, what: str, empty: str) -> bytes:
    """The bytes of ``p``; :class:`InputError` naming it when unreadable, too large or blank."""
    try:
        size = p.stat().st_size
        if size > limit:
            raise InputError(f"{p}: too large for {what} ({size} bytes > {limit})")
        raw = p.read_bytes()
    except OSError as err:
        raise InputError(f"{p}: cannot read ({err.strerror})") from err
    if not raw.strip():
        raise InputError(f"{p}: {empty}")
    return raw


def read_html(path: str | os.PathLike[str], *, published: _dt.date | str | None = None,
              article_id: str | None = None) -> Article:
    """Read one HTML page as an article (see :func:`article_from_html`); its id is the file stem."""
    p = Path(path)
    raw = _read_bounded(p, MAX_HTML_BYTES, "one HTML page", "empty file (no HTML)")
    return article_from_html(raw, name=str(p), article_id=article_id or p.stem,
                             published=published, source_path=str(p))


def articles_from_jsonl(lines: Iterable[bytes | str], *, name: str,
                        published: _dt.date | str | None = None
                        ) -> Iterator[Article | InputError]:
    """Articles from JSON Lines: one object per line with ``text`` and optional
    ``id`` (else a hash of the text), ``headline``, ``published`` (date or ISO
    date-time; ``published`` here is the default) and ``url``.

    A bad line is yielded as an :class:`InputError` naming ``name:line``, and
    the next lines go on.

    >>> lines = ['{"id": "a1", "headline": "Leaders meet", "text": "Russia and China met."}',
    ...          '{"id": "a2", "text": ', '']
    >>> [getattr(x, "article_id", None) or str(x) for x in articles_from_jsonl(lines, name="f")]
    ['a1', 'f:2: not valid JSON (Expecting value at column 22)']
    """
    for lineno, line in enumerate(lines, 1):
        where = f"{name}:{lineno}"
        if isinstance(line, bytes):
            if len(line) > MAX_ARTICLE_BYTES:
                yield _error(where, f"{where}: line too long for one article ({len(line)} bytes)")
                continue
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as err:
                yield _error(where, f"{where}: not UTF-8 text (bad byte at offset {err.start})")
                continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield _error(where, f"{where}: not valid JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(record, dict):
            yield _error(where, f"{where}: expected a JSON object with \"text\"")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield _error(where, f"{where}: no \"text\" (a non-empty string) in this line")
            continue
        try:
            own = _own_date(record.get("published"), f"{where}: published")
            aid = record.get("id")
            yield Article.from_text(_with_headline(text, record.get("headline")),
                                    article_id=str(aid) if aid not in (None, "") else None,
                                    published=own or published,
                                    url=record.get("url") or None, source_path=where)
        except InputError as err:
            yield _error(where, str(err))


def find_articles(folder: str | os.PathLike[str]) -> list[Path]:
    """Every article file below ``folder`` (:data:`ARTICLE_SUFFIXES`, any depth,
    hidden files and folders left out), sorted."""
    root = Path(folder)
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES
                  and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(root).parts))


def _read_file(path: Path, published) -> Iterator[Article | InputError]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            try:
                with path.open("rb") as f:
                    yield from articles_from_jsonl(f, name=str(path), published=published)
            except OSError as err:
                raise InputError(f"{path}: cannot read ({err.strerror})") from err
        elif suffix in (".html", ".htm"):
            yield read_html(path, published=published)
        else:
            yield read_article(path, published=published)
    except InputError as err:
        yield _error(str(path), str(err))


def iter_sources(paths: Iterable[str | os.PathLike[str]], *,
                 published: _dt.date | str | None = None,
                 stdin: BinaryIO | None = None) -> Iterator[Article | InputError]:
    """The articles in ``paths``, in order, each as soon as it is read.

    Parameters
    ----------
    paths : iterable of paths
        ``.txt`` files (first line the headline), ``.html``/``.htm`` pages,
        ``.jsonl`` files (one article per line), folders (every such file
        below them, sorted) and ``-`` for standard input (JSON Lines when it
        starts with ``{``, else one text article). Another suffix given
        explicitly is read as a text article.
    published : date or "YYYY-MM-DD", optional
        Publication date for articles that do not carry their own.
    stdin : binary file, optional
        What ``-`` reads (default: ``sys.stdin.buffer``).

    Yields
    ------
    Article or InputError
        An error stands for one unreadable file, line or folder; its
        ``source`` attribute names it (a path, ``path:line`` or ``<stdin>``).
    """
    for item in paths:
        if os.fspath(item) == "-":
            yield from _read_stdin(stdin, published)
            continue
        path = Path(item)
        if path.is_dir():
            files = find_articles(path)
            if not files:
                yield _error(str(path), f"{path}: no articles ({', '.join(ARTICLE_SUFFIXES)}) "
                                        "in this folder")
            for p in files:
                yield from _read_file(p, published)
        elif not path.exists():
            yield _error(str(path), f"{path}: no such file or folder")
        else:
            yield from _read_file(path, published)


def _read_stdin(stdin: BinaryIO | None, published) -> Iterator[Article | InputError]:
    if stdin is None:
        import sys

        stdin = sys.stdin.buffer
    raw = stdin.read()
    if raw.lstrip().startswith(b"{"):
        yield from articles_from_jsonl(raw.splitlines(), name="<stdin>", published=published)
        return
    try:
        if len(raw) > MAX_ARTICLE_BYTES:
            raise InputError(f"<stdin>: too large for one article ({len(raw)} bytes)")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"<stdin>: not UTF-8 text (bad byte at offset {err.start})") from err
        yield Article.from_text(text, published=published, source_path="<stdin>")
    except InputError as err:
        yield _error("<stdin>", str(err))


def count_sources(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many items :func:`iter_sources` will yield for ``paths`` (about: a
    JSONL file counts its non-blank lines), or ``None`` when standard input is
    among them. Reads no article text, so it is cheap enough for a progress bar."""
    total = 0
    for item in paths:
        if os.fspath(item) == "-":
            return None
        path = Path(item)
        files = find_articles(path) if path.is_dir() else [path]
        for p in files or [path]:
            if p.suffix.lower() == ".jsonl" and p.is_file():
                try:
                    with p.open("rb") as f:
                        total += sum(1 for line in f if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total
