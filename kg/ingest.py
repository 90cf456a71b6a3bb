"""Ingest at corpus scale: extraction processes feeding one writer.

The calling process reads the articles, skips those the store already holds
with the same text hash (and publication date) *before* any extraction, so an
interrupted ingest resumes cheaply, and hands the others in batches to
``jobs`` extraction processes (``spawn`` context; each builds one extractor,
so the language model loads once per process, and runs spaCy's ``pipe`` over
its batch). The workers send back each article's graph as N-Triples; the
calling process is the only writer and replaces one article graph per
transaction (:meth:`kg.store.Store.replace_graph_nt`, the N-Triples bytes as
they come), in input order, so the
store content does not depend on ``jobs``. At most ``2 * jobs`` batches are in
flight (bounded memory on any corpus size). ``jobs=1`` runs in-process,
without a pool, and so does an input with fewer than one batch of articles to
extract.

One bad article is reported in :attr:`kg.api.IngestReport.failed` and skipped;
Ctrl-C (``KeyboardInterrupt``) cancels the queued batches, waits for the
running ones, and re-raises: every article written so far is complete, and
running the same ingest again resumes after them.

:meth:`kg.api.KnowledgeGraph.ingest` is the public entry point.
"""
from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import URIRef

from .errors import KGError
from .namespaces import DKG
from .rdf import article_iri, build_ntriples
from .sources import Article
from .store import Store

__all__ = ["ingest_articles", "IngestProgress", "default_jobs", "BATCH"]

#: articles per task sent to an extraction process
BATCH = 8


def default_jobs() -> int:
    """The number of CPUs this process may use (the default for ``kg ingest --jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class IngestProgress:
    """One article done, as passed to the ``progress`` callback.

    ``outcome`` is ``"added"``, ``"replaced"``, ``"unchanged"`` or ``"failed"``
    (then ``message`` says why); ``total`` is ``None`` when unknown (stdin);
    ``elapsed`` counts seconds from the start, ``since_first`` from the first
    finished article (after the language model has loaded).
    """

    done: int
    total: int | None
    name: str
    outcome: str
    elapsed: float
    message: str | None = None
    since_first: float = 0.0

    @property
    def rate(self) -> float:
        """Articles per second, from the first finished article on (start-up left out)."""
        if self.done > 1 and self.since_first > 0:
            return (self.done - 1) / self.since_first
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate, when the total is known."""
        if self.total is None or self.rate <= 0:
            return None
        return max(0.0, (self.total - self.done) / self.rate)


# --------------------------------------------------------------------------- workers
_WORKER: dict[str, Any] = {}


def _make_extractor(spec):
    kind, value = spec
    if kind == "model":
        from .extract import Extractor

        model, today = value
        return Extractor(model=model, today=today)
    return value


def _worker_init(spec, base: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    extractor = _make_extractor(spec)
    if hasattr(extractor, "nlp"):
        extractor.nlp  # load the language model now, in parallel with the other workers
    _WORKER.update(extractor=extractor, base=base)


def _worker_run(articles: list[Article]) -> list[tuple]:
    return extract_batch(_WORKER["extractor"], articles, _WORKER["base"])


def extract_batch(extractor, articles: list[Article], base: str) -> list[tuple]:
    """Extract ``articles``; for each ``("ok", n_triples_bytes, count)`` or
    ``("error", message, is_kg_error)``. Uses ``extractor.pipe`` when it has one."""
    extractions = None
    if hasattr(extractor, "pipe") and len(articles) > 1:
        try:
            extractions = list(extractor.pipe(articles))
        except Exception:  # noqa: BLE001 - find the bad article one by one below
            extractions = None
    out: list[tuple] = []
    for i, art in enumerate(articles):
        try:
            ext = extractions[i] if extractions is not None else extractor.extract(art)
            data, count = build_ntriples(ext, base=base)
            out.append(("ok", data, count))
        except KGError as err:
            out.append(("error", str(err), True))
        except Exception as err:  # an extractor bug must not stop the other articles
            out.append(("error", f"{type(err).__name__}: {err}", False))
    return out


def _worker_spec(extractor) -> tuple | None:
    """How a worker builds the extractor, or ``None`` when it cannot (run in-process)."""
    from .extract import Extractor

    if extractor is None or isinstance(extractor, str):
        return ("model", (extractor or "auto", None))
    if type(extractor) is Extractor:
        return ("model", (extractor.model, extractor.today))
    try:
        import pickle

        pickle.dumps(extractor)
    except Exception:  # noqa: BLE001 - not picklable: extract in this process
        return None
    return ("object", extractor)


# --------------------------------------------------------------------------- the writer
def ingest_articles(store: Store, items: Iterable[tuple[str, Article | KGError]], *,
                    report, extractor: Any, local_extractor: Callable[[], Any],
                    base: str, force: bool = False, jobs: int = 1,
                    progress: Callable[[IngestProgress], None] | None = None,
                    total: int | None = None):
    """Extract the articles of ``items`` into ``store``; fills and returns ``report``.

    Parameters
    ----------
    store : Store
        The (writable) store; only this process writes to it.
    items : iterable of (name, Article or KGError)
        The articles in input order, with the name to report them by; an
        error item is recorded as failed.
    report : kg.api.IngestReport
        Filled in place (outcomes in input order).
    extractor : Extractor, str, None or object
        What each worker builds its extractor from (an :class:`Extractor`'s
        model name, a model name, or a picklable object with ``extract``).
    local_extractor : callable
        Returns the extractor to use in this process (``jobs=1``).
    base : str
        Base IRI of the graphs.
    force : bool
        Re-extract unchanged articles too.
    jobs : int
        Extraction processes; 1 runs in this process.
    progress : callable, optional
        Called with an :class:`IngestProgress` after each article.
    total : int, optional
        Expected number of items (for ``progress``).
    """
    start = time.perf_counter()
    done, first = 0, None

    def emit(name: str, outcome: str, message: str | None = None) -> None:
        nonlocal done, first
        done += 1
        now = time.perf_counter()
        first = now if first is None else first
        if progress is not None:
            progress(IngestProgress(done=done, total=total, name=name, outcome=outcome,
                                    elapsed=now - start, message=message,
                                    since_first=now - first))

    def fail(name: str, message: str) -> None:
        report.failed.append((name, message))
        emit(name, "failed", message)

    def write(batch, results) -> None:
        for (name, art, stored_sha), (kind, payload, extra) in zip(batch, results):
            if kind == "error":
                fail(name, payload if extra else f"{name}: extraction failed ({payload})")
                continue
            try:
                store.replace_graph_nt(str(article_iri(art.article_id, base)), payload)
            except KGError as err:
                fail(name, str(err))
                continue
            outcome = "replaced" if stored_sha is not None else "added"
            report._record(art.article_id, outcome)
            report.written += extra
            emit(name, outcome)

    spec = _worker_spec(extractor) if jobs > 1 else None
    pool = None
    in_flight: deque = deque()

    def start_pool():
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_worker_init, initargs=(spec, base))

    def collect() -> None:
        nonlocal pool
        from concurrent.futures.process import BrokenProcessPool

        future, head = in_flight.popleft()
        try:
            results = future.result()
        except BrokenProcessPool as err:  # a worker died (killed, out of memory …)
            results = [("error", f"the extraction process died ({err})", False)] * len(head)
            for other, _ in in_flight:
                other.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            pool = None
            retry = [item for _, b in in_flight for item in b]
            in_flight.clear()
            write(head, results)
            for i in range(0, len(retry), BATCH):
                dispatch(retry[i:i + BATCH], last=False)
            return
        write(head, results)

    def dispatch(batch, *, last: bool) -> None:
        nonlocal pool
        if pool is None and spec is not None and not (last and len(batch) < BATCH):
            pool = start_pool()
        if pool is None:
            write(batch, extract_batch(local_extractor(), [a for _, a, _ in batch], base))
            return
        in_flight.append((pool.submit(_worker_run, [a for _, a, _ in batch]), batch))
        while len(in_flight) >= 2 * jobs:
            collect()

    seen: dict[str, str] = {}
    batch: list[tuple[str, Article, str | None]] = []
    try:
        for name, art in items:
            if isinstance(art, KGError):
                fail(name, str(art))
                continue
            if art.article_id in seen:
                fail(name, f"{name}: article id {art.article_id!r} is already used by "
                           f"{seen[art.article_id]} in this run")
                continue
            seen[art.article_id] = name
            g_iri = str(article_iri(art.article_id, base))
            stored_sha = store.article_sha256(g_iri)
            stored_pub = store.value(g_iri, URIRef(g_iri), DKG.published)
            pub = art.published.isoformat() if art.published else None
            if not force and stored_sha == art.sha256 and \
                    (str(stored_pub) if stored_pub is not None else None) == pub:
                report._record(art.article_id, "unchanged")
                emit(name, "unchanged")
                continue
            batch.append((name, art, stored_sha))
            if len(batch) == BATCH:
                dispatch(batch, last=False)
                batch = []
        if batch:
            dispatch(batch, last=True)
        while in_flight:
            collect()
    except BaseException:
        if pool is not None:
            for future, _ in in_flight:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    report.seconds = time.perf_counter() - start
    return report
