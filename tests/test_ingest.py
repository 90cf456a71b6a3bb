"""Ingest at corpus scale (kg.sources.iter_sources, kg.ingest, `kg ingest`): HTML, JSON Lines,
stdin, recursive folders, resume by sha256, --jobs 2 == --jobs 1, Ctrl-C, and the crash test
(SIGKILL at random moments: every article graph is complete or absent)."""
from __future__ import annotations

import io
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from articlegen import make_articles, write_articles
from kg.api import KnowledgeGraph
from kg.extract import Extractor
from kg.ingest import BATCH, IngestProgress
from kg.namespaces import DKG
from kg.rdf import article_iri, build_graph
from kg.sources import Article, count_sources, iter_sources
from kg.store import OxigraphStore, to_oxigraph

ROOT = Path(__file__).resolve().parents[1]

HTML = """<!DOCTYPE html>
<html lang="en"><head>
<title>Tokayev hosts SCO leaders in Astana | World News Daily</title>
<meta property="og:title" content="Tokayev hosts SCO leaders in Astana">
<meta property="article:published_time" content="2024-07-04T09:30:00+05:00">
<link rel="canonical" href="https://news.example.org/2024/07/sco-astana">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Tokayev hosts SCO leaders in Astana</h1>
<p>Kazakh President Kassym-Jomart Tokayev hosted the summit of the Shanghai Cooperation
Organisation in Astana on Thursday. Russian President Vladimir Putin and Chinese President
Xi Jinping attended the meeting of the heads of state.</p>
<p>Kazakhstan, Russia, China, India and Pakistan are members of the SCO. The leaders adopted
the Astana Declaration and signed a package of 24 documents on security and trade.</p>
</article></main>
<aside>Most read: Ten recipes for summer</aside>
<footer>Copyright 2024 World News Daily. Subscribe to our newsletter!</footer>
</body></html>
"""


def kg(*args, input=None, timeout=180):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          cwd=ROOT, timeout=timeout, input=input)


def dump(store) -> bytes:
    buf = io.BytesIO()
    store.dump(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- sources
def test_html_page_through_trafilatura(tmp_path):
    page = tmp_path / "sco-page.html"
    page.write_text(HTML, encoding="utf-8")
    [art] = list(iter_sources([page]))
    assert art.article_id == "sco-page" and art.headline == "Tokayev hosts SCO leaders in Astana"
    assert str(art.published) == "2024-07-04"
    assert art.url == "https://news.example.org/2024/07/sco-astana"
    assert "Kassym-Jomart Tokayev hosted the summit" in art.body
    for boilerplate in ("Home", "Subscribe", "recipes", "World News Daily"):
        assert boilerplate not in art.text
    with KnowledgeGraph(extractor="none") as g:
        report = g.ingest(page)
        assert report.articles == {"sco-page": "added"}
        iri = article_iri("sco-page")
        assert str(g.store.value(str(iri), iri, DKG.published)) == "2024-07-04"
        members = {m.label for m in g.entity("SCO").members()}
        assert {"Kazakhstan", "Russia", "China", "India", "Pakistan"} <= members
    (tmp_path / "empty.html").write_text("<html><body><script>var a = 1;</script></body></html>")
    [err] = list(iter_sources([tmp_path / "empty.html"]))
    assert str(err) == f"{tmp_path / 'empty.html'}: no article text found in the HTML page"
    assert err.source == str(tmp_path / "empty.html")


def test_jsonl_bad_lines_are_reported_and_skipped(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "kazan-1", "headline": "BRICS meets in Kazan", "published": "2024-10-22",
         "url": "https://example.org/kazan", "text": "Brazil, China and India are members of BRICS."},
        "this is not json",
        {"id": "no-text", "headline": "Nothing here"},
        {"id": "bad-date", "published": "22 October", "text": "Russia and China are members of SCO."},
        {"id": 42, "published": "2024-10-23T08:00:00Z",
         "text": "Leaders meet\n\nRussia and Egypt are members of BRICS."},
        [1, 2, 3],
    ]
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line)
                              for line in lines) + "\n\n", encoding="utf-8")
    assert count_sources([path]) == 6
    with KnowledgeGraph(extractor="none") as g:
        report = g.ingest(path)
        assert report.articles == {"kazan-1": "added", "42": "added"}
        assert report.failed == [
            (f"{path}:2", f"{path}:2: not valid JSON (Expecting value at column 1)"),
            (f"{path}:3", f"{path}:3: no \"text\" (a non-empty string) in this line"),
            (f"{path}:4", f"{path}:4: published: '22 October' is not a YYYY-MM-DD date"),
            (f"{path}:6", f"{path}:6: expected a JSON object with \"text\"")]
        kazan = article_iri("kazan-1")
        assert str(g.store.value(str(kazan), kazan, DKG.headline)) == "BRICS meets in Kazan"
        assert str(g.store.value(str(kazan), kazan, DKG.url)) == "https://example.org/kazan"
        a42 = article_iri("42")
        assert str(g.store.value(str(a42), a42, DKG.published)) == "2024-10-23"


def test_recursive_folders(tmp_path):
    root = tmp_path / "corpus"
    write_articles(root / "2024" / "07", 2, seed=1)
    (root / "2024" / "page.html").write_text(HTML, encoding="utf-8")
    (root / "feeds").mkdir()
    (root / "feeds" / "a.jsonl").write_text(json.dumps(
        {"id": "j1", "text": "Leaders meet\n\nChina and India are members of BRICS."}) + "\n")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "secret.txt").write_text("Hidden\n\nRussia is a member of the SCO.\n")
    (root / "notes.md").write_text("not an article")
    assert count_sources([root]) == 4
    ids = [getattr(a, "article_id", None) for a in iter_sources([root])]
    assert ids == ["art-0000", "art-0001", "page", "j1"]
    with KnowledgeGraph(extractor="none") as g:
        assert g.ingest(root).added == 4
        assert g.ingest(tmp_path / "nothing-here").failed == [
            (str(tmp_path / "nothing-here"), f"{tmp_path / 'nothing-here'}: no such file or folder")]


def test_stdin_text_and_jsonl(tmp_path):
    text = "Leaders meet in Astana\n\nRussia and China are members of the SCO.\n"
    [art] = list(iter_sources(["-"], stdin=io.BytesIO(text.encode())))
    assert art.headline == "Leaders meet in Astana" and art.source_path == "<stdin>"
    [err] = list(iter_sources(["-"], stdin=io.BytesIO(b"\xff\xfe not utf-8")))
    assert str(err) == "<stdin>: not UTF-8 text (bad byte at offset 0)" and err.source == "<stdin>"
    store = tmp_path / "s"
    feed = "\n".join(json.dumps({"id": f"s{i}", "text": f"Leaders meet\n\n{body}"}) for i, body in
                     enumerate(["India is a member of BRICS.", "Egypt is a member of BRICS."]))
    proc = kg("ingest", "-", "--store", store, "--model", "none", input=(feed + "\n{bad\n").encode())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().startswith("ingested 2 (2 new, 0 replaced), skipped 0 unchanged, "
                                           "1 failed;")
    assert proc.stderr.decode().strip() == ("kg: skipped <stdin>:3: not valid JSON "
                                            "(Expecting property name enclosed in double quotes "
                                            "at column 2)")
    with OxigraphStore(store, read_only=True) as s:
        assert s.graph_names() == [str(article_iri("s0")), str(article_iri("s1"))]


# --------------------------------------------------------------------------- resume
class Counting:
    """The real extractor, counting the articles it extracts (checks the skip happens first)."""

    def __init__(self):
        self.inner = Extractor(model="none")
        self.seen: list[str] = []

    def extract(self, article):
        self.seen.append(article.article_id)
        return self.inner.extract(article)


def test_resume_skips_stored_articles_before_extracting(tmp_path):
    paths = write_articles(tmp_path / "arts", 12, seed=2)
    counting = Counting()
    with KnowledgeGraph.open(tmp_path / "s", extractor=counting) as g:
        first = g.ingest(paths[:5])                      # an ingest "interrupted" after 5
        assert first.added == 5 and len(counting.seen) == 5
        events: list[IngestProgress] = []
        report = g.ingest(tmp_path / "arts", progress=events.append)
        assert (report.added, report.unchanged, report.skipped) == (7, 5, 5)
        assert counting.seen[5:] == [p.stem for p in paths[5:]]  # only the new ones extracted
        assert [e.done for e in events] == list(range(1, 13)) and events[-1].total == 12
        assert [e.outcome for e in events[:5]] == ["unchanged"] * 5
        assert report.seconds > 0 and report.ingested == 7


# --------------------------------------------------------------------------- --jobs
def test_jobs_2_gives_the_same_store_as_jobs_1(tmp_path):
    write_articles(tmp_path / "arts", BATCH + 2, seed=3)
    (tmp_path / "arts" / "broken.txt").write_bytes(b"\x00\x01binary")
    dumps, reports = [], []
    for jobs in (1, 2):
        children: list[int] = []
        with KnowledgeGraph.open(tmp_path / f"s{jobs}", extractor="auto") as g:
            report = g.ingest(tmp_path / "arts", jobs=jobs, progress=lambda e: children.append(
                len(multiprocessing.active_children())))
            dumps.append(dump(g.store))
            reports.append((report.articles, report.failed, report.written, report.triples))
        assert (max(children) > 0) == (jobs == 2)  # the pool did the work
    assert dumps[0] == dumps[1] and reports[0] == reports[1]
    assert len(reports[0][0]) == BATCH + 2 and len(reports[0][1]) == 1


# --------------------------------------------------------------------------- crash test
def _wal_bytes(store: Path) -> int:
    total = 0
    for p in store.glob("*.log") if store.exists() else ():
        try:
            total += p.stat().st_size
        except FileNotFoundError:  # RocksDB deleted a write-ahead log it had just rotated
            pass
    return total


def _check_store(store: Path, versions: dict, reference, ids: set[str]) -> dict[str, str]:
    """Every article graph equals the reference extraction of the text it records; the
    merged default graph is the union of the graphs. Returns {article id: stored sha}."""
    stored = {}
    with OxigraphStore(store) as s:  # reopens for writing: the killed process left no lock
        ox_store = s.ox_store
        union = set()
        for name in s.graph_names():
            aid = name.rsplit("/", 1)[1]
            assert aid in ids, name
            sha = s.article_sha256(name)
            assert sha in versions, f"{name}: a graph without its article node (partial)"
            triples = {q.triple for q in ox_store.quads_for_pattern(None, None, None,
                                                                    ox.NamedNode(name))}
            assert triples == reference(sha), f"{name}: not the complete graph of its text"
            union |= triples
            stored[aid] = sha
        merged = {q.triple for q in ox_store.quads_for_pattern(None, None, None,
                                                               ox.DefaultGraph())}
        assert merged == union, "the merged default graph does not match the named graphs"
    return stored


def test_crash_mid_ingest_leaves_every_article_complete_or_absent(tmp_path):
    rnd = random.Random(20240703)
    folder, store = tmp_path / "arts", tmp_path / "store"
    texts = dict(make_articles(200, seed=4))
    versions: dict[str, tuple[str, str]] = {}  # sha -> (id, text)

    def save(aid, text):
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
        versions[Article.from_text(text, article_id=aid).sha256] = (aid, text)

    folder.mkdir()
    for aid, text in texts.items():
        save(aid, text)
    extractor, cache = Extractor(model="none"), {}

    def reference(sha):
        if sha not in cache:
            aid, text = versions[sha]
            graph = build_graph(extractor.extract(Article.from_text(text, article_id=aid)))
            cache[sha] = {ox.Triple(*map(to_oxigraph, t)) for t in graph}
        return cache[sha]

    interrupted = 0
    started = time.monotonic()
    # a complete ingest, then edits (replacements) interrupted by Ctrl-C and SIGKILLs, then resume
    for rnd_no, how in enumerate(["finish", "SIGINT", "SIGKILL", "SIGKILL", "SIGKILL", "SIGKILL",
                                  "finish"]):
        if rnd_no:  # edit some articles: the next ingest replaces their graphs
            for aid in rnd.sample(sorted(texts), 25):
                texts[aid] = texts[aid].rstrip("\n") + f" The talks continued in round {rnd_no}.\n"
                save(aid, texts[aid])
        jobs = "2" if how == "SIGINT" else "1"
        child = subprocess.Popen([sys.executable, "-m", "kg", "ingest", str(folder), "--store",
                                  str(store), "--model", "none", "--jobs", jobs], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 start_new_session=True)
        try:
            if how != "finish":
                # wait until article graphs are being written: the write-ahead log grows by
                # more than opening the store writes (a few bytes; one article: ~100 kB)
                low, deadline = _wal_bytes(store), time.monotonic() + 30
                while child.poll() is None and time.monotonic() < deadline:
                    size = _wal_bytes(store)
                    if size > low + 20_000:
                        break
                    low = min(low, size)
                    time.sleep(0.005)
                time.sleep(rnd.uniform(0.0, 0.4))
                if child.poll() is None:
                    os.killpg(child.pid, getattr(signal, how))
            out, err = child.communicate(timeout=60)
        finally:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
        if how == "SIGINT" and child.returncode == 130:
            assert b"interrupted after" in err and b"run the same command again" in err
        if how == "finish":
            assert child.returncode == 0, err
        stored = _check_store(store, versions, reference, set(texts))
        latest = {aid: Article.from_text(t, article_id=aid).sha256 for aid, t in texts.items()}
        if stored != latest:
            interrupted += 1
            assert how != "finish"
    assert interrupted >= 3, "the kills never landed in the middle of an ingest"
    assert time.monotonic() - started < 120
