#!/usr/bin/env python3
"""Ingest throughput with one and two extraction processes, against the bare language model.

    python bench/ingest_speed.py [--articles 240] [--jobs 1,2] [--rounds 3] [--seed 7] [--markdown]

Writes ``--articles`` synthetic news articles (:func:`synth.synth_articles`:
summits, state visits and ministers' talks about real states and organizations,
each with a headline and dated sentences), then measures, on the same texts:

* once, in this process: the **bare spaCy pipeline** (``en_core_web_sm`` with all
  its components, as ``bench/extract_speed.py`` loads it) and DiploKG's own
  pipeline (tok2vec + NER + sentencizer, :func:`kg.extract.nlp.load_pipeline`)
  over all texts with ``nlp.pipe`` (words/s);
* ``--rounds`` times, interleaved so that a busy or quiet minute of a shared host
  falls on both sides alike, for each ``N`` of ``--jobs``: the bare pipeline in
  ``N`` processes started together, the texts split between them as ``kg
  ingest --jobs N`` splits them (words/s per process over its texts alone, and
  over the whole job with importing spaCy and loading the model), then ``kg
  ingest FOLDER --store NEW --jobs N`` (the articles/s and seconds it reports,
  model loading in its extraction processes included, and the wall time of the
  whole command).

``kg ingest`` reports seconds that include each extraction process's model
load, so each job is judged against the bare figure that includes it too (like
for like); the share of the texts-only figure is printed beside it. The table
gives medians over the rounds; the verdicts use the median of the per-round
ratios (each round's ``kg ingest`` against the bare pipeline and ``--jobs 1``
run minutes apart at most).

Issue 4 asks ``--jobs 2`` for at least 1.6x the articles/s of ``--jobs 1``, and
each job for at least 80 % of the bare pipeline's words/s. The load average is
printed: other processes on the machine take cores from the extraction processes.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

SPEEDUP, PER_JOB = 1.6, 0.8
_SUMMARY = re.compile(r"ingested (\d+) .*?; (\d+) triples in the store; ([\d.]+) s "
                      r"\(([\d.]+) articles/s\)")


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def bare_pipelines(texts: list[str]) -> dict[str, float]:
    """words/s of the full ``en_core_web_sm`` and of DiploKG's pipeline, one process each."""
    import spacy

    from kg.extract.nlp import installed_model, load_pipeline

    name = installed_model()
    if name is None:
        raise SystemExit("no spaCy English model installed (make setup installs it)")
    out = {"model": name}
    words = _words(texts)
    for key, nlp in (("bare", spacy.load(name)), ("diplokg", load_pipeline("auto"))):
        list(nlp.pipe(texts[:4]))  # warm-up
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        out[key] = words / (time.perf_counter() - t0)
    return out


_BARE_CHILD = """
import sys, time
t0 = time.perf_counter()
import spacy
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
nlp = spacy.load(sys.argv[1])
load_s = time.perf_counter() - t0
list(nlp.pipe(texts[:4]))
print("ready", flush=True)
sys.stdin.readline()
t0 = time.perf_counter()
for _ in nlp.pipe(texts):
    pass
pipe_s = time.perf_counter() - t0
print(load_s, pipe_s, flush=True)
"""


def bare_parallel(model: str, paths: list[Path], procs: int) -> dict[str, float]:
    """The bare pipeline in ``procs`` processes started together, the texts split between
    them in equal contiguous shares (timed from a common start): words/s per process of
    its texts alone (``pipe``) and of its whole job, model import and load included
    (``whole``: the work a ``kg ingest`` extraction process does besides its own)."""
    shares = [paths[i * len(paths) // procs:(i + 1) * len(paths) // procs] for i in range(procs)]
    children = [subprocess.Popen([sys.executable, "-c", _BARE_CHILD, model, *map(str, share)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                for share in shares]
    for c in children:
        if c.stdout.readline().strip() != "ready":
            raise SystemExit("a bare pipeline process failed to start")
    for c in children:
        c.stdin.write("go\n")
        c.stdin.flush()
    times = [tuple(map(float, c.stdout.readline().split())) for c in children]
    for c in children:
        c.wait()
    words = [_words([p.read_text(encoding="utf-8") for p in share]) for share in shares]
    return {"pipe": sum(w / pipe for w, (_, pipe) in zip(words, times)) / procs,
            "whole": sum(w / (load + pipe) for w, (load, pipe) in zip(words, times)) / procs,
            "load_s": sum(load for load, _ in times) / procs}


def kg_ingest(folder: Path, store: Path, jobs: int) -> dict:
    """Run ``kg ingest`` in a fresh process; its report and the wall time."""
    shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(store),
           "--jobs", str(jobs)]
    t0, load0 = time.perf_counter(), os.getloadavg()[0]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    line = proc.stdout.strip().splitlines()[-1]
    m = _SUMMARY.search(line)
    if m is None:
        raise SystemExit(f"cannot read the kg ingest summary: {line!r}")
    return {"jobs": jobs, "articles": int(m.group(1)), "triples": int(m.group(2)),
            "seconds": float(m.group(3)), "rate": float(m.group(4)), "wall_s": wall,
            "loadavg": (load0, os.getloadavg()[0]), "summary": line}


def run(n: int, jobs: list[int], seed: int, rounds: int = 3, log=print) -> dict:
    """Measure everything; returns the raw figures (``rounds``: one dict per round)."""
    from synth import write_articles

    work = Path(tempfile.mkdtemp(prefix="kg-ingest-speed-"))
    try:
        paths = write_articles(work / "articles", n, seed=seed)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        result = {"articles": n, "words": _words(texts), "seed": seed, "rounds": []}
        log(f"corpus: {n} articles, {result['words']:,} words")
        result["pipelines"] = bare_pipelines(texts)
        log("bare pipeline: {bare:,.0f} words/s; DiploKG pipeline: {diplokg:,.0f} words/s"
            .format(**result["pipelines"]))
        for i in range(rounds):
            this = {"bare": {}, "runs": {}}
            for j in jobs:
                b = this["bare"][j] = bare_parallel(result["pipelines"]["model"], paths, j)
                r = this["runs"][j] = kg_ingest(work / "articles", work / f"store-{j}", j)
                log(f"round {i + 1}, {j} process(es): bare {b['pipe']:,.0f} words/s per process "
                    f"over its texts, {b['whole']:,.0f} with the model load ({b['load_s']:.1f} s); "
                    f"kg ingest --jobs {j}: {r['summary']}")
            result["rounds"].append(this)
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _median(values) -> float:
    return statistics.median(list(values))


def render(result: dict, markdown: bool = False) -> str:
    """The table (medians over the rounds) and the verdicts of the two targets."""
    from queries_bench import _table

    words, bare = result["words"], result["pipelines"]["bare"]
    rounds = result["rounds"]
    jobs = sorted(rounds[0]["runs"])
    rows = [["bare " + result["pipelines"]["model"] + " (all pipes), 1 process, in-process", "",
             "", "", f"{bare:,.0f}", f"{bare:,.0f}", "", "1.00"],
            ["DiploKG pipeline (tok2vec+ner+sentencizer), 1 process, in-process", "", "", "",
             f"{result['pipelines']['diplokg']:,.0f}", f"{result['pipelines']['diplokg']:,.0f}",
             "", f"{result['pipelines']['diplokg'] / bare:.2f}"]]
    base_rate = _median(r["runs"][jobs[0]]["rate"] for r in rounds)
    for j in jobs:
        pipe = _median(r["bare"][j]["pipe"] for r in rounds)
        whole = _median(r["bare"][j]["whole"] for r in rounds)
        load_s = _median(r["bare"][j]["load_s"] for r in rounds)
        rows.append([f"bare, {j} process(es) at once, texts split, texts only", "", "", "",
                     f"{pipe * j:,.0f}", f"{pipe:,.0f}", "", f"{pipe / bare:.2f}"])
        rows.append([f"bare, {j} process(es) at once, texts split, with import + model load "
                     f"({load_s:.1f} s)", "", "", "", f"{whole * j:,.0f}", f"{whole:,.0f}", "",
                     f"{whole / bare:.2f}"])
        secs = _median(r["runs"][j]["seconds"] for r in rounds)
        rate = _median(r["runs"][j]["rate"] for r in rounds)
        wps = words / secs
        rows.append([f"kg ingest --jobs {j}", f"{secs:.1f}",
                     f"{_median(r['runs'][j]['wall_s'] for r in rounds):.1f}", f"{rate:.2f}",
                     f"{wps:,.0f}", f"{wps / j:,.0f}", f"{rate / base_rate:.2f}x",
                     f"{wps / j / bare:.2f}"])
    table = _table(["what", "ingest s", "wall s", "articles/s", "words/s", "words/s per job",
                    "speed-up", "per job / bare"], rows, markdown)
    lines = [f"{result['articles']} synthetic articles, {words:,} words "
             f"({words // result['articles']} per article, seed {result['seed']}); medians of "
             f"{len(rounds)} interleaved rounds. 'ingest s' and articles/s as kg ingest reports "
             "them (model loading included), 'wall s' for the whole command (interpreter "
             "start-up included). 'per job / bare': words/s per process over the in-process "
             "bare pipeline's, texts only.", "", table, ""]
    say = (lambda ok, t: lines.append(f"- **{'MET' if ok else 'MISSED'}** {t}")) if markdown \
        else (lambda ok, t: lines.append(f"{'MET' if ok else 'MISSED':7s} {t}"))
    if 1 in jobs and 2 in jobs:
        per_round = [r["runs"][2]["rate"] / r["runs"][1]["rate"] for r in rounds]
        loads = [x for r in rounds for x in r["runs"][2]["loadavg"]]
        say(_median(per_round) >= SPEEDUP,
            f"--jobs 2 >= {SPEEDUP}x the articles/s of --jobs 1: {_median(per_round):.2f}x "
            f"(median of the rounds: {', '.join(f'{x:.2f}x' for x in per_round)}; load average "
            f"{min(loads):.1f}-{max(loads):.1f} during --jobs 2)")
    for j in jobs:
        # like for like: kg ingest's seconds include loading the model in each process, so
        # the bare pipeline's do too; as many bare processes at once as extraction jobs
        share = [words / r["runs"][j]["seconds"] / j / r["bare"][j]["whole"] for r in rounds]
        texts = [words / r["runs"][j]["seconds"] / j / r["bare"][j]["pipe"] for r in rounds]
        say(_median(share) >= PER_JOB,
            f"--jobs {j}: each job >= {PER_JOB:.0%} of the bare pipeline's words/s, both with "
            f"their model load, as many processes at once on the same share of the texts: "
            f"{_median(share):.0%} (rounds: {', '.join(f'{x:.0%}' for x in share)}; against the "
            f"bare pipeline's texts only: {_median(texts):.0%})")
    triples = {r["runs"][j]["triples"] for r in rounds for j in jobs}
    if len(triples) > 1:
        lines.append(f"WARNING: the stores differ in size between runs: {sorted(triples)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=240)
    ap.add_argument("--jobs", default="1,2", help="comma-separated job counts (default 1,2)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=3, help="interleaved repetitions (default 3)")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the raw figures as JSON")
    args = ap.parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    result = run(args.articles, jobs, args.seed, args.rounds,
                 log=lambda s: print(s, file=sys.stderr, flush=True))
    print(render(result, markdown=args.markdown), end="")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
