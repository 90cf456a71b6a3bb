"""Ingest and load throughput: prints numbers (README "Command line" quotes them).

* bare spaCy words/s (the pipeline the extractor uses, ``nlp.pipe``) on the corpus texts;
* ``kg ingest --jobs 1`` and ``--jobs 2`` articles/s on the same corpus (fresh stores);
* ``kg load`` triples/s for generated N-Triples files (10^6 triples without blank nodes:
  the bulk loader; 10^5 with blank nodes: skolemized in Python, one transaction).

Usage: ``python bench/ingest_bench.py [--articles 100] [--triples 1000000] [--skip-load]``
"""
from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sco-astana-2024.txt"


def corpus(folder: Path, n: int) -> list[str]:
    """``n`` news-length articles: the example's paragraphs rotated, each with its own headline."""
    text = EXAMPLE.read_text(encoding="utf-8")
    paras = [p for p in text.split("\n\n")[1:] if p.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(n):
        k = i % len(paras)
        body = "\n\n".join(paras[k:] + paras[:k])
        t = f"Leaders meet, report {i}\n\n{body}\n"
        (folder / f"a{i:04d}.txt").write_text(t, encoding="utf-8")
        texts.append(t)
    return texts


def bare_spacy(texts: list[str]) -> float:
    sys.path.insert(0, str(ROOT))
    from kg.extract.nlp import load_pipeline

    nlp = load_pipeline("auto")
    list(nlp.pipe(texts[:2]))
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return words / (time.perf_counter() - start)


def kg(*args) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"kg {' '.join(map(str, args))} failed: {proc.stderr}")
    return wall, proc.stdout.strip().splitlines()[-1]


def ntriples(path: Path, n: int, *, bnodes: bool) -> None:
    rnd = random.Random(1)
    base = "https://example.org/"
    with path.open("w") as out:
        for i in range(n):
            s = f"<{base}s{i // 10}>"
            k = i % 10
            if k == 0:
                out.write(f"{s} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                          f"<{base}C{rnd.randrange(20)}> .\n")
            elif k < 4:
                out.write(f'{s} <{base}p{k}> "value {i}"@en .\n')
            elif k == 9 and bnodes:
                out.write(f"{s} <{base}q> _:b{i // 10} .\n")
            else:
                out.write(f"{s} <{base}p{k}> <{base}s{rnd.randrange(max(1, n // 10))}> .\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--skip-load", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-ingest-bench-") as tmp:
        tmp = Path(tmp)
        texts = corpus(tmp / "arts", args.articles)
        words = sum(len(t.split()) for t in texts)
        print(f"corpus: {len(texts)} articles, {words} words ({words // len(texts)} per article)")
        print(f"bare spaCy (nlp.pipe, one process): {bare_spacy(texts):,.0f} words/s")
        for jobs in (1, 2):
            wall, summary = kg("ingest", tmp / "arts", "--store", tmp / f"s{jobs}",
                               "--jobs", jobs)
            rate = re.search(r"\(([\d.]+) articles/s\)", summary).group(1)
            print(f"kg ingest --jobs {jobs}: {rate} articles/s as reported "
                  f"({len(texts) / wall:.2f} articles/s, {words / wall:,.0f} words/s "
                  f"over {wall:.1f} s wall, start-up included)")
        if args.skip_load:
            return
        for n, bnodes in ((args.triples, False), (args.triples // 10, True)):
            path = tmp / f"data-{n}{'-bnodes' if bnodes else ''}.nt"
            ntriples(path, n, bnodes=bnodes)
            wall, summary = kg("load", path, "--store", tmp / f"load-{n}-{bnodes}")
            print(f"kg load {n:,} N-Triples{' with blank nodes' if bnodes else ''}: {summary} "
                  f"[{n / wall:,.0f} triples/s over {wall:.1f} s wall]")
            wall, summary = kg("load", path, "--store", tmp / f"load-{n}-{bnodes}")
            print(f"  again (nothing changes): {summary}")


if __name__ == "__main__":
    main()
