"""The extractor: spaCy pipeline + gazetteer mentions + relation rules.

One :class:`Extractor` loads the language model once (lazily, on first use)
and can be reused for any number of articles.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator

from ..model import Extraction
from ..sources import Article
from .mentions import find_mentions
from .nlp import has_model, load_pipeline
from .rules import extract_relations

__all__ = ["Extractor", "extract"]


class Extractor:
    """Rule-based extractor over a spaCy pipeline.

    Parameters
    ----------
    model : str or None
        ``"auto"`` (the installed English model, else rules only), ``"none"``
        (gazetteer and rules only), or a spaCy package name.
    today : datetime.date, optional
        The reference "now" for articles without a publication date (the
        year of "July 3-4" is the most recent year not after it in which the
        article's weekdays agree). Defaults to the current date.
    """

    name = "rules"

    def __init__(self, model: str | None = "auto", *, today: _dt.date | None = None):
        self.model = model
        self.today = today
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    @property
    def uses_model(self) -> bool:
        return has_model(self.nlp)

    def extract(self, article: Article) -> Extraction:
        """Extract entities and facts from one article."""
        return self._run(article, self.nlp(article.text))

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Extraction]:
        """Extract from many articles, streaming them through the model in batches."""
        articles = list(articles) if not isinstance(articles, list) else articles
        for art, doc in zip(articles, self.nlp.pipe((a.text for a in articles), batch_size=batch_size)):
            yield self._run(art, doc)

    def _run(self, article: Article, doc) -> Extraction:
        mentions = find_mentions(doc)
        ext = extract_relations(article, doc, mentions, today=self.today)
        ext.extractor = f"{self.name}+{'spacy' if self.uses_model else 'gazetteer'}"
        return ext


def extract(article: Article, *, model: str | None = "auto") -> Extraction:
    """Extract one article with a fresh :class:`Extractor` (convenience)."""
    return Extractor(model).extract(article)
