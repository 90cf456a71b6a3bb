"""Showing the progress of a long ingest on stderr (used by ``kg ingest``).

On a terminal, a `rich <https://rich.readthedocs.io>`_ progress bar with
articles/s and the time left; otherwise (a log file, a pipe, CI) a plain line
every few seconds. Articles that fail are reported as they happen, one line
each, in both modes.

>>> import io
>>> from kg.ingest import IngestProgress
>>> out = io.StringIO()
>>> with IngestDisplay(out, tty=False, interval=0) as show:
...     show.update(IngestProgress(done=1, total=4, name="a.txt", outcome="added", elapsed=2.0))
...     show.update(IngestProgress(done=2, total=4, name="b.txt", outcome="failed", elapsed=3.0,
...                                message="b.txt: empty article (no text)"))
>>> print(out.getvalue(), end="")
kg: 1/4 articles (25%), 0.5 articles/s, about 6 s left
kg: skipped b.txt: empty article (no text)
kg: 2/4 articles (50%), 0.7 articles/s, about 3 s left
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

from .ingest import IngestProgress

__all__ = ["IngestDisplay"]


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class IngestDisplay:
    """Progress of an ingest: pass :meth:`update` as the ``progress`` callback of
    :meth:`kg.api.KnowledgeGraph.ingest`; use it as a context manager.

    Parameters
    ----------
    stream : text file, optional
        Where to write (default: ``sys.stderr``).
    tty : bool, optional
        Force the terminal (rich) or the plain mode (default: ``stream.isatty()``).
    interval : float
        Seconds between two plain progress lines.
    """

    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None,
                 interval: float = 5.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval
        self.done = 0
        self._last = float("-inf")
        self._bar = None
        self._task = None

    def __enter__(self) -> "IngestDisplay":
        self._last = time.monotonic()  # the first plain line after one interval
        if self.tty:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn)

            self._bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                                 TextColumn("{task.fields[eta]}"),
                                 console=Console(file=self.stream), transient=False)
            self._bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _line(self, text: str) -> None:
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stream, flush=True)

    def update(self, event: IngestProgress) -> None:
        """Show one finished article."""
        self.done = event.done
        if event.outcome == "failed":
            message = event.message or "failed"
            if not message.startswith(f"{event.name}:"):
                message = f"{event.name}: {message}"
            self._line(f"kg: skipped {message}")
        eta = event.eta
        if self._bar is not None:
            if self._task is None:
                self._task = self._bar.add_task("ingest", total=event.total, rate="", eta="")
            self._bar.update(self._task, completed=event.done,
                             rate=f"{event.rate:.1f} articles/s",
                             eta="" if eta is None else f"ETA {_duration(eta)}")
            return
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        of = f"/{event.total}" if event.total else ""
        share = f" ({100 * event.done // event.total}%)" if event.total else ""
        left = "" if eta is None else f", about {_duration(eta)} left"
        print(f"kg: {event.done}{of} articles{share}, {event.rate:.1f} articles/s{left}",
              file=self.stream, flush=True)
