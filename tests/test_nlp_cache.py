"""The assembled spaCy pipeline cached on disk (kg.extract.nlp)."""
from __future__ import annotations

import importlib.util

import pytest

from kg.extract import nlp as nlpmod

MODEL = next((m for m in nlpmod.MODEL_CANDIDATES if importlib.util.find_spec(m)), None)
pytestmark = pytest.mark.skipif(MODEL is None, reason="no English spaCy model installed")

TEXT = ('The "outreach"/"BRICS Plus" format met in Kazan on 22-24 October. '
        "Indian Prime Minister Narendra Modi and Xi Jinping talked.")


def _analysis(nlp):
    doc = nlp(TEXT)
    return (nlp.pipe_names, [t.text for t in doc], [(e.text, e.label_) for e in doc.ents],
            [s.text for s in doc.sents])


def test_cached_pipeline_equals_the_one_built_from_the_package(tmp_path, monkeypatch):
    import spacy

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("KG_NO_CACHE", raising=False)
    built = nlpmod._load(spacy, MODEL)            # builds and writes the entry
    entries = list(tmp_path.glob("pipeline-*"))
    assert len(entries) == 1 and (entries[0] / "config.cfg").is_file()
    cached = nlpmod._load(spacy, MODEL)           # read back from the entry
    assert _analysis(cached) == _analysis(built)
    assert _analysis(built)[1][:9] == ["The", '"', "outreach", '"', "/", '"', "BRICS", "Plus", '"']
    assert "tagger" not in cached.pipe_names and "sentencizer" in cached.pipe_names


def test_damaged_entry_is_rebuilt(tmp_path, monkeypatch):
    import spacy

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("KG_NO_CACHE", raising=False)
    entry = nlpmod._cache_entry(spacy, MODEL)
    entry.mkdir(parents=True)
    (entry / "config.cfg").write_text("[nlp\nthis is not a config")
    nlp = nlpmod._load(spacy, MODEL)
    assert "ner" in nlp.pipe_names
    assert (entry / "config.cfg").read_text().startswith("[paths]") or "[nlp]" in (
        entry / "config.cfg").read_text()
    assert _analysis(nlpmod._load(spacy, MODEL)) == _analysis(nlp)


def test_no_cache_writes_nothing(tmp_path, monkeypatch):
    import spacy

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("KG_NO_CACHE", "1")
    nlpmod._load(spacy, MODEL)
    assert not list(tmp_path.iterdir())
