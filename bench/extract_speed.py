#!/usr/bin/env python3
"""Extraction throughput against the bare language model, side by side in one run.

    python bench/extract_speed.py [--articles DIR] [--repeat N]

Prints words/s of (a) the bare ``en_core_web_sm`` pipeline (all its components,
as loaded by spaCy), (b) the pipeline DiploKG runs (tok2vec + NER +
sentencizer), and (c) the whole extraction (that pipeline + gazetteer + rules
+ RDF build as ``kg ingest`` does it: :func:`kg.rdf.build_ntriples`), on the
same texts, plus the ratio (c)/(a). Issue 3 asks for (c) >= 80 % of (a).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=ROOT / "examples")
    ap.add_argument("--extra", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    import spacy

    from kg.extract import Extractor
    from kg.extract.nlp import installed_model
    from kg.rdf import build_ntriples
    from kg.sources import read_article

    files = sorted(args.articles.glob("*.txt")) + (sorted(args.extra.glob("*.txt")) if args.extra.exists() else [])
    articles = [read_article(f) for f in files] * args.repeat
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    name = installed_model()
    if name is None:
        raise SystemExit("no spaCy English model installed (make setup installs it)")
    bare = spacy.load(name)
    ex = Extractor("auto")
    ex.extract(articles[0])  # load model, gazetteer and reference data before timing

    def timed(fn):
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0

    t_bare = timed(lambda: list(bare.pipe(texts)))
    t_ours = timed(lambda: list(ex.nlp.pipe(texts)))
    t_full = timed(lambda: [build_ntriples(e) for e in ex.pipe(articles)])
    rows = [("bare %s (all pipes)" % name, t_bare), ("DiploKG pipeline (tok2vec+ner+sentencizer)", t_ours),
            ("DiploKG extraction (pipeline+rules+RDF)", t_full)]
    print(f"{len(articles)} articles, {words} words, 1 process")
    print(f"{'what':48s} {'seconds':>8s} {'words/s':>9s}")
    for what, t in rows:
        print(f"{what:48s} {t:8.2f} {words / t:9.0f}")
    print(f"extraction / bare model throughput: {t_bare / t_full:.2f}  (target >= 0.80)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
