"""Compiled rule patterns kept in the on-disk cache (kg.extract.rx)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract import rx

ROOT = Path(__file__).resolve().parent.parent

# In a fresh process: import the rules, then report what rx did and a fingerprint of
# every module-level pattern of the extraction modules (compiled patterns compare
# equal when their text, flags and engine code are the same).
_CHILD = r"""
import json, re, sys
from kg.extract import Extractor, dates, lexicon, mentions, rules, rx
from kg.sources import Article
pats = []
def walk(v):
    if isinstance(v, re.Pattern):
        pats.append(v)
    elif isinstance(v, (list, tuple)):
        for x in v:
            walk(x)
    elif isinstance(v, dict):
        for x in v.values():
            walk(x)
for mod in (lexicon, dates, mentions, rules):
    for v in vars(mod).values():
        walk(v)
ext = Extractor(model="none").extract(Article.from_text(sys.argv[1], article_id="t"))
print(json.dumps({"patterns": len(pats), "table": len(rx._table), "added": rx._added,
                  "same": all(p == re.compile(p.pattern, p.flags) for p in pats),
                  "labels": sorted(e.label for e in ext.entities.values())}))
"""
TEXT = ("Leaders meet\n\nRussian President Vladimir Putin met Chinese President Xi Jinping "
        "in Astana on 3 July 2024 at the summit of the Shanghai Cooperation Organisation.")


def _child(cache: Path, **env) -> dict:
    environ = {k: v for k, v in os.environ.items() if k != "KG_NO_CACHE"}
    environ.update(KG_CACHE_DIR=str(cache), **env)
    out = subprocess.run([sys.executable, "-c", _CHILD, TEXT], cwd=ROOT, env=environ,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_second_process_reads_the_patterns_and_they_equal_re_compile(tmp_path):
    first = _child(tmp_path)
    entries = list(tmp_path.glob("regex-*.pickle"))
    assert len(entries) == 1 and first["patterns"] > 100 and first["same"]
    second = _child(tmp_path)
    assert second["same"] and second["table"] == first["table"] and not second["added"]
    assert second["labels"] == first["labels"]
    assert "Vladimir Putin" in second["labels"] and "Astana" in second["labels"]


def test_damaged_entry_is_ignored_and_rewritten(tmp_path):
    _child(tmp_path)
    entry = next(tmp_path.glob("regex-*.pickle"))
    entry.write_bytes(b"\x80\x05not a pickle at all")
    again = _child(tmp_path)
    assert again["same"] and again["added"] is False  # saved, so nothing is pending
    assert entry.read_bytes()[:1] == b"\x80" and len(entry.read_bytes()) > 1000


def test_foreign_entry_with_wrong_code_is_not_trusted_blindly(tmp_path):
    """An entry whose code words do not build a pattern is dropped, not used."""
    _child(tmp_path)
    entry = next(tmp_path.glob("regex-*.pickle"))
    import pickle

    table = pickle.loads(entry.read_bytes())
    key = next(iter(table))
    table[key] = (0, [999999, 1, 2], 0, {}, (None,))  # code the engine rejects
    entry.write_bytes(pickle.dumps(table))
    assert _child(tmp_path)["same"]


def test_no_cache_writes_nothing(tmp_path):
    assert _child(tmp_path, KG_NO_CACHE="1")["same"]
    assert not list(tmp_path.iterdir())


def test_compile_keeps_re_semantics():
    p = rx.compile(r"(?P<who>\w+)\s+met", re.I)
    assert p == re.compile(r"(?P<who>\w+)\s+met", re.I)
    assert p.search("Then PUTIN MET Xi").group("who") == "PUTIN"
    with pytest.raises(re.error):
        rx.compile(r"(unclosed")
