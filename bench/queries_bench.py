#!/usr/bin/env python3
"""Store benchmark: load, every ``queries/*.rq``, exports, the membership view, peak RSS.

    python bench/queries_bench.py                       # sizes 1e4, 1e5, 1e6
    python bench/queries_bench.py --sizes 1e4,1e5 --repeat 5
    python bench/queries_bench.py --quick               # 1e4 only, 3 runs: a smoke test
    python bench/queries_bench.py --markdown --json out.json

For each size the synthetic corpus of :mod:`synth` (contract-shaped article
graphs, N-Quads, and the same statements as one N-Triples file) is written to a
work folder and measured in fresh processes, so that sizes, engines and phases
do not share memory:

* **Oxigraph, loading** — :meth:`kg.KnowledgeGraph.load` of the N-Triples file
  into a fresh on-disk store (the load target's case) and of the N-Quads corpus
  into the on-disk store the next process uses (triples/s, quads/s);
* **Oxigraph, using** — a second process opens that store and runs every named
  query through :meth:`KnowledgeGraph.named_query` (one warm-up run, then
  ``--repeat`` timed runs; the median), builds the NetworkX membership view
  (:func:`kg.views.membership_graph`, median of 3) and writes every export
  format through :func:`kg.export.export_store` (statements/s);
* **rdflib** — the same load and queries on the in-memory store
  (:class:`kg.store.MemoryStore`). Skipped at 10^6 unless ``--rdflib-1e6``:
  rdflib needs minutes and more than 1 GB there.

Each phase reports its peak RSS (``VmHWM``, reset between phases through
``/proc/self/clear_refs``), and wall and CPU time (other processes on the
machine stretch wall time; the load average is printed).

Parameters are resolved once per process before timing: ``org`` = the SCO,
``state`` = Kazakhstan, ``event`` = the first SCO summit with documents (else the
first summit with documents), ``entity`` = Kazakhstan's leader; a query with an
optional parameter runs with and without it. A query with a bound parameter
counts as entity-centred, one without as whole-graph. The row counts of both
engines are compared.

Prints one table per measurement (``--markdown``: Markdown tables) and a
verdict for each target of issue 4; ``--json`` keeps the raw figures.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
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

SIZES = (10_000, 100_000, 1_000_000)
EXPORT_FORMATS = ("turtle", "nt", "nquads", "trig", "json-ld")
_SUFFIX = {"turtle": "ttl", "nt": "nt", "nquads": "nq", "trig": "trig", "json-ld": "jsonld"}
#: rdflib is run once per query at most this long in total (at least 3 runs)
RDFLIB_BUDGET_S = 20.0

# targets of issue 4
ENTITY_MS, WHOLE_MS, SPEEDUP = 20.0, 1000.0, 10.0
LOAD_TPS, EXPORT_TPS, VIEW_S, RSS_MB = 150_000, 500_000, 0.5, 1024


# --------------------------------------------------------------------------- child side
def _hwm_mb(reset: bool = True) -> float:
    """Peak RSS of this process since the last reset, in MB (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            kb = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource

        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if reset:
        try:
            with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
                f.write("5")
        except OSError:
            pass
    return kb / 1024


def _timed(fn):
    """``(wall seconds, CPU seconds of this process, fn())``."""
    t0, c0 = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - t0, time.process_time() - c0, value


def _load(kg, path: Path) -> str:
    """Load the N-Quads corpus; returns how."""
    if hasattr(kg, "load"):
        kg.load(path)
        return "KnowledgeGraph.load"
    # before KnowledgeGraph.load existed: the store's own bulk paths
    from kg.store import OxigraphStore

    store = kg.store
    if isinstance(store, OxigraphStore):
        import pyoxigraph as ox

        store.ox_store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        store.reindex()
        how = "pyoxigraph bulk_load + OxigraphStore.reindex"
    else:
        store._ds.parse(str(path), format="nquads")
        how = "rdflib Dataset.parse"
    store.cache.clear()
    return how


def _parameters(kg) -> dict[str, object]:
    """The entities the parameterized queries are asked about (resolved before timing)."""
    from rdflib import URIRef

    def first(sparql: str, **binds):
        rows = kg.store.query(sparql, bindings=binds, timeout=None).rows
        return rows[0][-1] if rows else None

    org = kg.resolve("SCO")
    state = kg.resolve("Kazakhstan")
    event = (first("SELECT ?org ?e WHERE { ?e a dkg:Summit ; dkg:organizedBy ?org . "
                   "?d dkg:adoptedAt|dkg:signedAt ?e } ORDER BY ?e LIMIT 1", org=org)
             or first("SELECT ?e WHERE { ?e a dkg:Summit . ?d dkg:adoptedAt|dkg:signedAt ?e } "
                      "ORDER BY ?e LIMIT 1")
             or first("SELECT ?e WHERE { ?e dkg:participant ?p } ORDER BY ?e LIMIT 1"))
    person = first("SELECT ?state ?p WHERE { ?p dkg:leaderOf ?state } ORDER BY ?p LIMIT 1",
                   state=state)
    other = kg.resolve("Russia")
    out = {"org": org, "state": state, "event": event, "entity": person, "person": person,
           "a": state, "b": other, "from": state, "to": other, "source": state, "target": other}
    return {k: v for k, v in out.items() if isinstance(v, URIRef)}


def _label(kg, iri) -> str:
    rows = kg.store.query("SELECT ?e ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l", bindings={"e": iri},
                          timeout=None).rows
    return str(rows[0][1]) if rows else str(iri).rsplit("/", 1)[-1]


def _cases(kg, params) -> list[tuple[str, str, dict]]:
    """(row name, query name, bindings) for every query file, with sensible parameters."""
    cases = []
    for name, nq in sorted(kg.named_queries().items()):
        specs = nq.param_specs
        if any(p.name not in params for p in specs if not p.optional):
            cases.append((f"{name} (no value for {', '.join(p.name for p in specs)})", name, None))
            continue
        required = {p.name: params[p.name] for p in specs if not p.optional}
        optional = {p.name: params[p.name] for p in specs if p.optional and p.name in params}
        shown = lambda b: ", ".join(f"{k}={_label(kg, v)}" for k, v in b.items())  # noqa: E731
        if optional:
            cases.append((f"{name} ({shown(required) or 'all'})", name, required))
            both = {**required, **optional}
            cases.append((f"{name} ({shown(both)})", name, both))
        else:
            cases.append((f"{name} ({shown(required)})" if required else name, name, required))
    return cases


def _time_queries(kg, repeat: int, budget: float | None) -> list[dict]:
    out = []
    for row, name, binds in _cases(kg, _parameters(kg)):
        if binds is None:
            out.append({"query": row, "name": name, "ms": None, "rows": None, "runs": 0,
                        "bound": False})
            continue
        result = kg.named_query(name, **binds)  # warm-up (query parse cache, OS page cache)
        times: list[float] = []
        cpu: list[float] = []
        while len(times) < repeat:
            t0, c0 = time.perf_counter(), time.process_time()
            result = kg.named_query(name, **binds)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            if budget is not None and len(times) >= 3 and sum(times) > budget:
                break
        out.append({"query": row, "name": name, "ms": statistics.median(times) * 1000,
                    "cpu_ms": statistics.median(cpu) * 1000, "rows": len(result),
                    "runs": len(times), "bound": bool(binds)})
    return out


def _child(engine: str, data: Path, work: Path, repeat: int, jsonld: bool) -> dict:
    """One process's share: ``oxigraph-load`` loads (and keeps the store for the
    next process), ``oxigraph`` queries, exports and builds the view on it,
    ``rdflib`` loads and queries in memory."""
    import kg as kgmod
    from kg.export import export_store
    from kg.views import membership_graph

    report: dict = {"engine": engine, "rss_mb": {}}
    _hwm_mb()
    store_dir = work / "store-oxigraph"
    nt = data.with_suffix(".nt")
    if engine == "oxigraph-load" and nt.exists():
        # the load target's own case: one N-Triples file into a fresh on-disk store
        nt_dir = work / "store-nt"
        shutil.rmtree(nt_dir, ignore_errors=True)
        with kgmod.KnowledgeGraph.open(nt_dir) as g:
            seconds, cpu, how = _timed(lambda: _load(g, nt))
        with open(nt, "rb") as f:
            lines = sum(1 for _ in f)
        report["nt_load"] = {"s": seconds, "cpu_s": cpu, "lines": lines, "how": how}
        report["rss_mb"]["load N-Triples"] = _hwm_mb()
        shutil.rmtree(nt_dir, ignore_errors=True)
    if engine in ("oxigraph-load", "rdflib"):
        if engine == "oxigraph-load":
            shutil.rmtree(store_dir, ignore_errors=True)
            kg = kgmod.KnowledgeGraph.open(store_dir)
        else:
            kg = kgmod.KnowledgeGraph()
        seconds, cpu, how = _timed(lambda: _load(kg, data))
        count = lambda q: int(kg.store.query(q, timeout=None).rows[0][0])  # noqa: E731
        report.update(load_s=seconds, load_cpu_s=cpu, load_how=how,
                      quads=count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
                      triples=count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                      articles=len(kg.store.graph_names()))
        report["rss_mb"]["load N-Quads"] = _hwm_mb()
        if engine == "oxigraph-load":
            kg.close()
            return report
    else:
        kg = kgmod.KnowledgeGraph.open(store_dir)
        report["rss_mb"]["open"] = _hwm_mb()

    report["queries"] = _time_queries(kg, repeat, RDFLIB_BUDGET_S if engine == "rdflib" else None)
    report["rss_mb"]["queries"] = _hwm_mb()
    if engine == "oxigraph":
        runs = [_timed(lambda: membership_graph(kg.store)) for _ in range(3)]
        G = runs[-1][2]
        report["view"] = {"s": statistics.median(r[0] for r in runs),
                          "cpu_s": statistics.median(r[1] for r in runs),
                          "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
        report["rss_mb"]["view"] = _hwm_mb()
        exports = []
        for fmt in EXPORT_FORMATS:
            if fmt == "json-ld" and not jsonld:
                exports.append({"format": fmt, "skipped": True})
                continue
            dest = work / f"export.{_SUFFIX[fmt]}"
            dt, cpu, n = _timed(lambda: export_store(kg.store, dest, fmt=fmt))
            exports.append({"format": fmt, "statements": n, "s": dt, "cpu_s": cpu,
                            "mb": dest.stat().st_size / 2**20, "rss_mb": _hwm_mb()})
            dest.unlink()
        report["exports"] = exports
        kg.close()
        shutil.rmtree(store_dir, ignore_errors=True)
    return report


# --------------------------------------------------------------------------- parent side
def _run_child(engine: str, data: Path, work: Path, repeat: int, jsonld: bool) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", engine, "--data", str(data),
           "--work", str(work), "--repeat", str(repeat)] + (["--jsonld"] if jsonld else [])
    t0, load0 = time.perf_counter(), os.getloadavg()[0]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"{engine} benchmark failed on {data.name}:\n{proc.stderr}")
    out = proc.stdout
    report = json.loads(out.strip().splitlines()[-1])
    report["wall_s"] = time.perf_counter() - t0
    report["loadavg"] = (load0, os.getloadavg()[0])
    return report


def machine() -> dict:
    """CPU, cores, memory, load and library versions of this machine."""
    import importlib.metadata as md

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = 0
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            mem = int(next(line.split()[1] for line in f if line.startswith("MemTotal"))) / 2**20
    except (OSError, StopIteration):
        pass

    def version(pkg: str) -> str:
        try:
            return md.version(pkg)
        except md.PackageNotFoundError:
            return "not installed"

    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem, 1),
            "python": platform.python_version(), "os": platform.platform(),
            "pyoxigraph": version("pyoxigraph"), "rdflib": version("rdflib"),
            "spacy": version("spacy"), "networkx": version("networkx"),
            "loadavg": os.getloadavg()}


def _size_name(n: int) -> str:
    exp = len(str(n)) - 1
    return f"1e{exp}" if n == 10 ** exp else f"{n:,}"


def _fmt_ms(v) -> str:
    if v is None:
        return "n/a"
    return f"{v:.1f}" if v < 100 else f"{v:.0f}"


def _table(headers: list[str], rows: list[list[str]], markdown: bool) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    right = [i for i, h in enumerate(headers) if i and h not in ("query", "format", "how")]
    def line(cells):
        parts = [str(c).rjust(w) if i in right else str(c).ljust(w)
                 for i, (c, w) in enumerate(zip(cells, widths))]
        return ("| " + " | ".join(parts) + " |") if markdown else "  ".join(parts).rstrip()
    out = [line(headers)]
    if markdown:
        out.append("|" + "|".join(("-" * (w + 1) + ":") if i in right else "-" * (w + 2)
                                  for i, w in enumerate(widths)) + "|")
    else:
        out.append("  ".join("-" * w for w in widths))
    out += [line(r) for r in rows]
    return "\n".join(out)


def _load_cell(rep: dict | None) -> list[str]:
    if not rep:
        return ["n/a", "n/a", "n/a"]
    return [f"{rep['load_s']:.2f}", f"{rep['load_cpu_s']:.2f}",
            f"{rep['quads'] / rep['load_s']:,.0f}"]


def render(results: list[dict], markdown: bool = False) -> str:
    """The tables and the target verdicts for ``results`` (one dict per size)."""
    h = (lambda s: f"### {s}\n") if markdown else (lambda s: f"== {s}")
    parts = []

    rows = []
    for r in results:
        nt = r["oxigraph"].get("nt_load")
        rows.append([_size_name(r["size"]), f"{r['oxigraph']['quads']:,}",
                     f"{r['oxigraph']['triples']:,}", f"{r['oxigraph']['articles']:,}",
                     *([f"{nt['s']:.2f}", f"{nt['cpu_s']:.2f}", f"{nt['lines'] / nt['s']:,.0f}"]
                       if nt else ["n/a"] * 3),
                     *_load_cell(r["oxigraph"]), *_load_cell(r.get("rdflib"))])
    parts += [h("Load through KnowledgeGraph.load (quads: statements in article graphs; "
                "merged: distinct triples)"),
              _table(["size", "quads", "merged", "articles", "N-Triples s", "cpu s",
                      "triples/s", "N-Quads s", "cpu s", "quads/s", "rdflib N-Quads s", "cpu s",
                      "quads/s"], rows, markdown),
              "\nN-Triples: the corpus as one N-Triples file (one line per quad, repeats "
              "included) into a fresh on-disk Oxigraph store, one graph. N-Quads: the corpus "
              "with its article graphs, into the on-disk store the queries below run on, and "
              "into rdflib's in-memory store."]

    rows = []
    for r in results:
        rd = {q["query"]: q for q in r["rdflib"]["queries"]} if r.get("rdflib") else {}
        for q in r["oxigraph"]["queries"]:
            other = rd.get(q["query"])
            ratio = (f"{other['ms'] / q['ms']:.1f}x" if other and other["ms"] and q["ms"] else "n/a")
            rows_txt = "n/a" if q["rows"] is None else str(q["rows"])
            if other and other["rows"] != q["rows"]:
                rows_txt += f" (rdflib {other['rows']})"
            rows.append([_size_name(r["size"]), q["query"], "entity" if q["bound"] else "whole",
                         rows_txt, _fmt_ms(q["ms"]), _fmt_ms(q.get("cpu_ms")),
                         _fmt_ms(other["ms"]) if other else "n/a", ratio])
    note = ("" if all(r.get("rdflib") for r in results) else
            "\nrdflib n/a: not run at 10^6 by default (minutes of loading and more than 1 GB; "
            "`--rdflib-1e6` runs it).")
    parts += ["", h("Query latency (median of the timed runs; rows as returned by Oxigraph)"),
              _table(["size", "query", "kind", "rows", "oxigraph ms", "cpu ms", "rdflib ms",
                      "rdflib/oxigraph"], rows, markdown) + note]

    rows = []
    for r in results:
        for e in r["oxigraph"]["exports"]:
            if e.get("skipped"):
                rows.append([_size_name(r["size"]), e["format"]] + ["n/a"] * 6)
                continue
            rows.append([_size_name(r["size"]), e["format"], f"{e['statements']:,}",
                         f"{e['s']:.2f}", f"{e['cpu_s']:.2f}",
                         f"{e['statements'] / e['s']:,.0f}", f"{e['mb']:.1f}",
                         f"{e['rss_mb']:.0f}"])
    skipped = any(e.get("skipped") for r in results for e in r["oxigraph"]["exports"])
    parts += ["", h("Export of the Oxigraph store (kg.export.export_store, to a file)"),
              _table(["size", "format", "statements", "s", "cpu s", "statements/s", "MB",
                      "peak RSS MB"], rows, markdown) +
              ("\njson-ld n/a: not run at 10^6 by default (rdflib's JSON-LD writer; "
               "`--jsonld-1e6` runs it)." if skipped else "")]

    rows = [[_size_name(r["size"]), f"{r['oxigraph']['view']['nodes']:,}",
             f"{r['oxigraph']['view']['edges']:,}", f"{r['oxigraph']['view']['s'] * 1000:.0f}",
             f"{r['oxigraph']['view']['cpu_s'] * 1000:.0f}"] for r in results]
    parts += ["", h("Membership view (kg.views.membership_graph on the Oxigraph store, median of 3)"),
              _table(["size", "nodes", "edges", "ms", "cpu ms"], rows, markdown)]

    rows = []
    for r in results:
        ox, rd = r["oxigraph"], r.get("rdflib")
        cell = lambda k: f"{ox['rss_mb'][k]:.0f}" if k in ox["rss_mb"] else "n/a"  # noqa: E731
        rows.append([_size_name(r["size"]), cell("load N-Triples"), cell("load N-Quads"),
                     cell("open"), cell("queries"), cell("view"),
                     f"{max(e.get('rss_mb', 0) for e in ox['exports']):.0f}",
                     f"{rd['peak_rss_mb']:.0f}" if rd else "n/a",
                     "{:.1f}-{:.1f}".format(*ox["loadavg"])])
    parts += ["", h("Peak RSS in MB of each phase (Oxigraph: one process loads, a second opens "
                    "the store and queries, builds the view, exports; rdflib: one process)"),
              _table(["size", "load N-Triples", "load N-Quads", "open", "queries", "view",
                      "export", "rdflib", "load avg"], rows, markdown)]
    parts += ["", h("Targets"), verdicts(results, markdown)]
    return "\n".join(parts) + "\n"


def verdicts(results: list[dict], markdown: bool = False) -> str:
    """One line per target of issue 4: met or missed, with the measured figures."""
    lines: list[str] = []
    by_size = {r["size"]: r for r in results}

    def say(ok: bool | None, text: str) -> None:
        word = "n/a" if ok is None else "MET" if ok else "MISSED"
        lines.append(f"- **{word}** {text}" if markdown else f"{word:7s} {text}")

    if not by_size:
        return ""
    big = by_size[max(by_size)]
    name = _size_name(big["size"])
    qs = [q for q in big["oxigraph"]["queries"] if q["ms"] is not None]
    for kind, limit, pick in (("entity-centred", ENTITY_MS, True), ("whole-graph", WHOLE_MS, False)):
        group = [q for q in qs if q["bound"] == pick]
        if not group:
            continue
        over = [q for q in group if q["ms"] > limit]
        detail = ", ".join(f"{q['query']} {_fmt_ms(q['ms'])} ms (cpu {_fmt_ms(q['cpu_ms'])})"
                           for q in sorted(over, key=lambda q: -q["ms"]))
        worst = max(group, key=lambda q: q["ms"])
        say(not over, f"{kind} queries <= {limit:.0f} ms at {name}: "
            f"{len(group) - len(over)}/{len(group)} within"
            + (f"; over: {detail}" if over else f"; slowest {worst['query']} "
               f"{_fmt_ms(worst['ms'])} ms"))
    mid = by_size.get(100_000)
    if mid and mid.get("rdflib"):
        rd = {q["query"]: q for q in mid["rdflib"]["queries"]}
        ratios = sorted(rd[q["query"]]["ms"] / q["ms"] for q in mid["oxigraph"]["queries"]
                        if q["ms"] and q["query"] in rd and rd[q["query"]]["ms"])
        med = statistics.median(ratios)
        say(med >= SPEEDUP, f"median rdflib/Oxigraph latency ratio over the queries at 1e5 >= "
            f"{SPEEDUP:.0f}x: {med:.1f}x (from {ratios[0]:.1f}x to {ratios[-1]:.1f}x)")
    else:
        say(None, "speed-up against rdflib at 1e5: size 1e5 not measured")
    ox = big["oxigraph"]
    nt = ox.get("nt_load")
    tps = ox["quads"] / ox["load_s"]
    if nt:
        v = nt["lines"] / nt["s"]
        say(v >= LOAD_TPS, f"load >= {LOAD_TPS:,} triples/s at {name} (N-Triples, {nt['how']}): "
            f"{v:,.0f} ({nt['s']:.1f} s wall, {nt['cpu_s']:.1f} s CPU); the N-Quads corpus "
            f"with its article graphs: {tps:,.0f} quads/s ({ox['load_s']:.1f} s)")
    else:
        say(tps >= LOAD_TPS, f"load >= {LOAD_TPS:,} triples/s at {name}: {tps:,.0f} quads/s "
            f"({ox['load_s']:.1f} s wall, {ox['load_cpu_s']:.1f} s CPU; {ox['load_how']})")
    for e in ox["exports"]:
        if e["format"] in ("turtle", "nquads") and not e.get("skipped"):
            v = e["statements"] / e["s"]
            say(v >= EXPORT_TPS, f"{e['format']} export >= {EXPORT_TPS:,} statements/s at {name}: "
                f"{v:,.0f} ({e['s']:.1f} s wall, {e['cpu_s']:.1f} s CPU)")
    view = ox["view"]
    say(view["s"] <= VIEW_S, f"membership view <= {VIEW_S} s at {name}: {view['s'] * 1000:.0f} ms "
        f"(cpu {view['cpu_s'] * 1000:.0f} ms)")
    serve = max(ox["rss_mb"].get(k, 0) for k in ("open", "queries", "view"))
    export = max(e.get("rss_mb", 0) for e in ox["exports"])
    say(ox["peak_rss_mb"] <= RSS_MB, f"peak RSS <= 1 GB at {name}: {ox['peak_rss_mb']:.0f} MB "
        f"at most; queries and view {serve:.0f} MB, export {export:.0f} MB, load "
        f"{ox['load_peak_rss_mb']:.0f} MB (" + ", ".join(
            f"{k} {v:.0f}" for k, v in ox["rss_mb"].items() if k.startswith("load")) + ")")
    return "\n".join(lines)


def _write_ntriples(nquads: Path, dest: Path) -> None:
    """The corpus as N-Triples: every quad's triple, one line each (repeats included)."""
    import pyoxigraph as ox

    with open(dest, "wb") as out:
        ox.serialize((q.triple for q in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)),
                     out, format=ox.RdfFormat.N_TRIPLES)


def run(sizes, *, repeat: int, rdflib_1e6: bool, jsonld_1e6: bool, work: Path, seed: int,
        engines=("oxigraph", "rdflib"), log=print) -> list[dict]:
    """Measure every size; returns one dict per size (``oxigraph``, ``rdflib`` reports)."""
    from synth import write_nquads

    results = []
    for size in sizes:
        data = work / f"synth-{size}.nq"
        t0 = time.perf_counter()
        quads, articles = write_nquads(data, size, seed=seed)
        _write_ntriples(data, data.with_suffix(".nt"))
        log(f"[{_size_name(size)}] corpus: {quads:,} quads, {articles:,} articles "
            f"({time.perf_counter() - t0:.1f} s)")
        entry = {"size": size, "corpus_quads": quads, "corpus_articles": articles}
        for engine in engines:
            if engine == "rdflib" and size >= 1_000_000 and not rdflib_1e6:
                continue
            jsonld = jsonld_1e6 or size < 1_000_000
            if engine == "oxigraph":
                loaded = _run_child("oxigraph-load", data, work, repeat, jsonld)
                rep = _run_child("oxigraph", data, work, repeat, jsonld)
                rep.update({k: v for k, v in loaded.items()
                            if k not in ("rss_mb", "peak_rss_mb", "wall_s", "loadavg")})
                rep["load_peak_rss_mb"], rep["serve_peak_rss_mb"] = (loaded["peak_rss_mb"],
                                                                     rep["peak_rss_mb"])
                rep["rss_mb"] = {**loaded["rss_mb"], **rep["rss_mb"]}
                rep["peak_rss_mb"] = max(loaded["peak_rss_mb"], rep["peak_rss_mb"])
                rep["wall_s"] += loaded["wall_s"]
            else:
                rep = _run_child(engine, data, work, repeat, jsonld)
            entry[engine] = rep
            log(f"[{_size_name(size)}] {engine}: {rep['wall_s']:.0f} s, "
                f"peak RSS {rep['peak_rss_mb']:.0f} MB")
        data.unlink()
        data.with_suffix(".nt").unlink()
        results.append(entry)
    return results


def _parse_sizes(text: str) -> list[int]:
    return [int(float(x)) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=_parse_sizes, default=list(SIZES),
                    help="comma-separated triple counts (default 1e4,1e5,1e6)")
    ap.add_argument("--repeat", type=int, default=7, help="timed runs per query (median)")
    ap.add_argument("--quick", action="store_true", help="1e4 only, 3 runs")
    ap.add_argument("--rdflib-1e6", action="store_true", help="also run rdflib at 10^6 (slow)")
    ap.add_argument("--jsonld-1e6", action="store_true", help="also export JSON-LD at 10^6 (slow)")
    ap.add_argument("--no-rdflib", action="store_true", help="measure Oxigraph only")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, help="keep corpora and stores here (default: a temp dir)")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--json", type=Path, help="also write the raw figures as JSON")
    ap.add_argument("--child", choices=("oxigraph-load", "oxigraph", "rdflib"),
                    help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--jsonld", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        report = _child(args.child, args.data, args.work, args.repeat, args.jsonld)
        # the phases reset the high-water mark between them: the process peak is their maximum
        report["peak_rss_mb"] = max([*report["rss_mb"].values(),
                                     *(e.get("rss_mb", 0) for e in report.get("exports", ()))])
        print(json.dumps(report))
        return 0
    if args.quick:
        args.sizes, args.repeat = [10_000], 3
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        info = machine()
        results = run(args.sizes, repeat=args.repeat, rdflib_1e6=args.rdflib_1e6,
                      jsonld_1e6=args.jsonld_1e6, work=work, seed=args.seed,
                      engines=("oxigraph",) if args.no_rdflib else ("oxigraph", "rdflib"),
                      log=lambda s: print(s, file=sys.stderr, flush=True))
        info["loadavg_end"] = os.getloadavg()
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    print(render(results, markdown=args.markdown), end="")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
