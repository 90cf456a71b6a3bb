"""Reading articles: text files (first line headline, then the body).

An :class:`Article` carries its text, headline, optional publication date,
a stable id (from the file name, a JSONL ``id`` or a URL) and the sha256 of
its text, so re-ingesting an unchanged article can be detected.

>>> a = Article.from_text("Leaders meet\\n\\nThe leaders met on Monday.", article_id="x")
>>> a.headline, a.body
('Leaders meet', 'The leaders met on Monday.')
>>> a.sha256[:12]
'e8efb2b34e79'
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

__all__ = ["Article", "read_article", "slugify", "MAX_ARTICLE_BYTES"]

#: articles larger than this are refused (a news article is a few kB)
MAX_ARTICLE_BYTES = 2_000_000

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
    try:
        size = p.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(f"{p}: too large for one article ({size} bytes > {MAX_ARTICLE_BYTES})")
        raw = p.read_bytes()
    except OSError as err:
        raise InputError(f"{p}: cannot read ({err.strerror})") from err
    if not raw.strip():
        raise InputError(f"{p}: empty article (no text)")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{p}: looks like a binary file (NUL bytes), not an article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{p}: not UTF-8 text (bad byte at offset {err.start})") from err
    return Article.from_text(text, article_id=article_id or p.stem, published=published,
                             source_path=str(p))
