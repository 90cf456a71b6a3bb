"""Placeholder until the real extractor lands (being written now)."""
from __future__ import annotations

from ..model import Extraction
from ..sources import Article


class Extractor:
    def __init__(self, model: str | None = "auto"):
        self.model = model

    def extract(self, article: Article) -> Extraction:
        return Extraction(article=article)

    def pipe(self, articles):
        for a in articles:
            yield self.extract(a)


def extract(article: Article, *, model: str | None = "auto") -> Extraction:
    return Extractor(model).extract(article)
