#!/usr/bin/env python3
"""Whole-process time of ``kg extract`` on one article, beside the bare language model.

    python bench/extract_startup.py [ARTICLE] [--rounds 7] [--markdown]

Each round runs, one after the other (interleaved, so a busy or quiet minute of a
shared host affects both alike):

* ``kg extract ARTICLE`` in a new process, output thrown away: interpreter
  start-up, imports, model load, extraction and Turtle output;
* the **bare** spaCy pipeline in a new process: ``import spacy``, ``spacy.load``
  of the installed English model (all its components) and one call on the same
  text, nothing else;
* ``python -c pass``: the interpreter alone.

Prints the median and fastest wall seconds of each, and the median over the
rounds of ``kg extract`` minus the bare pipeline in the same round (what DiploKG
adds). Issue 3 asks ``kg extract`` on one article for under 2 s on this machine,
model load included; the bare pipeline's own time is the floor under that.
The on-disk caches (``kg.cache``) are warmed by one untimed run first, as they are
after the first use on any machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET = 2.0

_BARE = ("import sys, spacy; nlp = spacy.load(sys.argv[1]); "
         "nlp(open(sys.argv[2], encoding='utf-8').read())")


def _timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - t0


def run(article: Path, rounds: int, log=print) -> dict:
    """Time the three commands ``rounds`` times, interleaved; returns the raw seconds."""
    from kg.extract.nlp import installed_model

    model = installed_model()
    if model is None:
        raise SystemExit("no spaCy English model installed (make setup installs it)")
    kg = [sys.executable, "-m", "kg", "extract", str(article)]
    cmds = {"kg extract": kg, "bare": [sys.executable, "-c", _BARE, model, str(article)],
            "python": [sys.executable, "-c", "pass"]}
    _timed(kg)  # warm the on-disk caches and the page cache
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for i in range(rounds):
        for what, cmd in cmds.items():
            times[what].append(_timed(cmd))
        log(f"round {i + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()))
    return {"article": str(article.relative_to(ROOT) if article.is_relative_to(ROOT) else article),
            "model": model, "rounds": rounds, "times": times,
            "loadavg": os.getloadavg()}


def render(result: dict, markdown: bool = False) -> str:
    t = result["times"]
    added = [k - b for k, b in zip(t["kg extract"], t["bare"])]
    rows = [(f"kg extract {result['article']}", t["kg extract"]),
            (f"bare {result['model']}: import, load, one call", t["bare"]),
            ("python -c pass", t["python"])]
    lines = []
    if markdown:
        lines += ["| what | median s | fastest s | slowest s |", "|---|---:|---:|---:|"]
        lines += [f"| {w} | {statistics.median(v):.2f} | {min(v):.2f} | {max(v):.2f} |"
                  for w, v in rows]
    else:
        lines += [f"{'what':64s} {'median s':>9s} {'fastest':>8s} {'slowest':>8s}"]
        lines += [f"{w:64s} {statistics.median(v):9.2f} {min(v):8.2f} {max(v):8.2f}"
                  for w, v in rows]
    med = statistics.median(t["kg extract"])
    lines += ["", f"{result['rounds']} rounds, interleaved; kg extract minus the bare pipeline "
              f"in the same round: median {statistics.median(added):.2f} s; load average "
              "{:.2f} / {:.2f} / {:.2f} at the end".format(*result["loadavg"])]
    verdict = "MET" if med < TARGET else "MISSED"
    text = (f"kg extract on one article < {TARGET:.0f} s whole-process: median {med:.2f} s, "
            f"fastest {min(t['kg extract']):.2f} s (the bare pipeline alone: median "
            f"{statistics.median(t['bare']):.2f} s)")
    lines.append(f"- **{verdict}** {text}" if markdown else f"{verdict:7s} {text}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path,
                    default=ROOT / "examples" / "sco-astana-2024.txt")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    result = run(args.article.resolve(), args.rounds,
                 log=lambda s: print(s, file=sys.stderr, flush=True))
    print(render(result, markdown=args.markdown), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
