"""Extraction: article text -> :class:`~kg.model.Extraction`.

>>> from kg.sources import Article
>>> ex = Extractor(model="none")
>>> art = Article.from_text("Leaders meet\\n\\nRussia and China are members of the SCO.", article_id="t")
>>> result = ex.extract(art)
>>> sorted(e.label for e in result.entities.values())
['China', 'Russia', 'Shanghai Cooperation Organisation']
"""
from . import rx
from .pipeline import Extractor, extract

rx.save()  # the patterns just compiled, for the next process

__all__ = ["Extractor", "extract"]
