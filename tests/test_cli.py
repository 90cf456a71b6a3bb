"""The command line, end to end in subprocesses: good paths and every bad input of issue 2."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sco-astana-2024.txt"


def kg(*args, cwd=None, check=False, timeout=120):
    proc = subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=timeout)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def one_error_line(proc):
    assert proc.returncode != 0
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("kg: error:"), lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    kg("ingest", EXAMPLE, "--store", path, check=True)
    return path


def dump(store_path):
    return kg("export", "--store", store_path, "--format", "nquads", check=True).stdout


# -- good paths ---------------------------------------------------------------------------
def test_extract_writes_turtle_the_scorer_reads(tmp_path):
    out = tmp_path / "g.ttl"
    kg("extract", EXAMPLE, "-o", out, check=True)
    g = Graph().parse(out, format="turtle")
    assert len(g) > 100


@pytest.mark.parametrize("fmt,parse_as", [("json-ld", "json-ld"), ("nt", "nt")])
def test_extract_formats(tmp_path, fmt, parse_as):
    proc = kg("extract", EXAMPLE, "--format", fmt, check=True)
    assert len(Graph().parse(data=proc.stdout, format=parse_as)) > 100


def test_ingest_query_members(store):
    proc = kg("query", "--store", store, "queries/members.rq", "--param", "org=SCO", "--format", "json", check=True)
    rows = json.loads(proc.stdout)["results"]["bindings"]
    labels = sorted(next(v["value"] for k, v in r.items() if "label" in k.lower()) for r in rows)
    assert labels == ["China", "India", "Kazakhstan", "Kyrgyzstan", "Pakistan", "Russia", "Tajikistan",
                      "Uzbekistan"]


def test_reingest_changes_nothing(store):
    before = dump(store)
    proc = kg("ingest", EXAMPLE, "--store", store, check=True)
    assert "1 unchanged" in proc.stdout
    assert dump(store) == before


def test_every_command_has_help():
    for cmd in ("extract", "ingest", "query", "export", "view"):
        proc = kg(cmd, "--help", check=True)
        assert "Usage:" in proc.stdout and len(proc.stdout.splitlines()) > 4


# -- bad input ------------------------------------------------------------------------------
def test_missing_file():
    assert "no such file" in one_error_line(kg("extract", "does/not/exist.txt"))


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    assert "empty" in one_error_line(kg("extract", p))


def test_binary_file(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(bytes(range(256)) * 4)
    assert "binary" in one_error_line(kg("extract", p))


def test_non_utf8_file(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Sommet à Astana\n\nLe président est arrivé à Astana mercredi.".encode("latin-1"))
    assert "UTF-8" in one_error_line(kg("extract", p))


def test_unknown_format():
    assert "format" in one_error_line(kg("extract", EXAMPLE, "--format", "rdfxml")).lower()


def test_bad_published_date():
    assert "YYYY-MM-DD" in one_error_line(kg("extract", EXAMPLE, "--published", "yesterday"))


def test_sparql_syntax_error(store):
    line = one_error_line(kg("query", "--store", store, "SELECT ?x WHERE { ?x ?p }"))
    assert "syntax" in line.lower() or "parse" in line.lower()


def test_service_is_refused(store):
    q = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    assert "SERVICE" in one_error_line(kg("query", "--store", store, q))


def test_bad_article_in_ingest_leaves_store_as_it_was(store, tmp_path):
    before = dump(store)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01" * 100)
    proc = kg("ingest", bad, "--store", store)
    assert proc.returncode != 0
    assert dump(store) == before


def test_locked_store(store, tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from kg.api import KnowledgeGraph
        g = KnowledgeGraph.open({str(store)!r})
        print("open", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "open"
        proc = kg("ingest", EXAMPLE, "--store", store)
        assert "locked" in one_error_line(proc)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.2)
    assert "Russia" in dump(store)
