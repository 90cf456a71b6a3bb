"""A throw-away Virtuoso server for the remote-store tests.

:class:`Virtuoso` writes a ``virtuoso.ini`` into a temporary folder (database,
logs and temporary files there; the SQL and HTTP listeners on free loopback
ports), starts ``virtuoso-t`` in the foreground in its own process group,
waits until the SPARQL endpoint answers, and stops the whole group when the
``with`` block ends, also on failure.

The server is Debian's ``virtuoso-opensource`` (7.2.5), installed by
``make setup``. Measured here: a new database is ready in ~6-7 s (2 cores);
stopping takes well under a second. Its SPARQL endpoints:

* ``/sparql`` answers queries (user ``SPARQL``, read-only until someone runs
  ``GRANT SPARQL_UPDATE TO "SPARQL"`` in ``isql-vt``, which this fixture does
  not: writes go to the next endpoint, as they should in production);
* ``/sparql-auth`` takes queries and updates with HTTP digest authentication;
  a new database has the user ``dba`` with password ``dba``.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

__all__ = ["Virtuoso", "virtuoso_binary", "free_port", "missing_message", "DBA"]

#: user and password of a new Virtuoso database
DBA = ("dba", "dba")

_INI = """\
[Database]
DatabaseFile       = {d}/virtuoso.db
ErrorLogFile       = {d}/virtuoso.log
LockFile           = {d}/virtuoso.lck
TransactionFile    = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {d}/virtuoso-temp.db
TransactionFile    = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
DirsAllowed          = .
CaseMode             = 2

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {d}
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows           = {max_rows}
MaxQueryExecutionTime      = 60
MaxQueryCostEstimationTime = 400
"""


def virtuoso_binary() -> str | None:
    """Path of ``virtuoso-t`` (Debian's server binary), or ``None``."""
    return shutil.which("virtuoso-t")


def missing_message() -> str:
    """Why the Virtuoso tests cannot run, and how to fix it."""
    return ("virtuoso-t not found: install Debian's virtuoso-opensource package "
            "(`make setup` does: apt-get install virtuoso-opensource)")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """A Virtuoso server in ``folder``, for one ``with`` block.

    Parameters
    ----------
    folder : Path
        An empty temporary folder for the database, logs and ``virtuoso.ini``.
    max_rows : int
        ``ResultSetMaxRows``: the server's cap on result rows.
    startup : float
        Seconds to wait for the endpoint before giving up.
    """

    def __init__(self, folder: Path, *, max_rows: int = 10_000, startup: float = 90.0) -> None:
        self.folder = Path(folder)
        self.max_rows = max_rows
        self.startup = startup
        self.http_port = self.sql_port = 0
        self.process: subprocess.Popen | None = None
        self.started_in: float | None = None

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql(self) -> str:
        """The query endpoint (anonymous, read-only)."""
        return self.base + "/sparql"

    @property
    def sparql_auth(self) -> str:
        """The endpoint for updates (digest authentication, :data:`DBA`)."""
        return self.base + "/sparql-auth"

    def log_tail(self, lines: int = 20) -> str:
        """The last lines of the server's log (for failure messages)."""
        out = []
        for name in ("virtuoso.log", "stdout.log"):
            path = self.folder / name
            if path.exists():
                out += path.read_text(errors="replace").splitlines()[-lines:]
        return "\n".join(out)

    def _ready(self) -> bool:
        url = self.sparql + "?" + urllib.parse.urlencode({"query": "ASK { }"})
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                return resp.status == 200
        except (urllib.error.URLError, ConnectionError, OSError):
            return False

    def start(self) -> "Virtuoso":
        """Start the server and wait until its SPARQL endpoint answers."""
        binary = virtuoso_binary()
        if binary is None:
            raise RuntimeError(missing_message())
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sql_port, self.http_port = free_port(), free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        ini = self.folder / "virtuoso.ini"
        ini.write_text(_INI.format(d=self.folder, sql_port=self.sql_port,
                                   http_port=self.http_port, max_rows=self.max_rows))
        t0 = time.monotonic()
        with open(self.folder / "stdout.log", "wb") as log:
            # -f: foreground, so the process is ours to stop; own session = own process group
            self.process = subprocess.Popen([binary, "-f", "-c", str(ini)], cwd=self.folder,
                                            stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        try:
            while not self._ready():
                if self.process.poll() is not None:
                    raise RuntimeError(f"virtuoso-t exited with status {self.process.returncode}"
                                       f" during start-up:\n{self.log_tail()}")
                if time.monotonic() - t0 > self.startup:
                    raise RuntimeError(f"virtuoso-t did not answer within {self.startup:g} s:\n"
                                       f"{self.log_tail()}")
                time.sleep(0.2)
        except BaseException:
            self.stop()
            raise
        self.started_in = time.monotonic() - t0
        return self

    def isql(self, sql: str) -> str:
        """Run SQL statements with ``isql-vt`` as ``dba``; their output."""
        binary = shutil.which("isql-vt")
        if binary is None:
            raise RuntimeError("isql-vt not found (package virtuoso-opensource-7-bin)")
        done = subprocess.run([binary, f"127.0.0.1:{self.sql_port}", *DBA, f"exec={sql}"],
                              capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt: {sql}: {done.stdout}{done.stderr}")
        return done.stdout

    def stop(self) -> None:
        """Stop the server's process group (TERM, then KILL after 15 s)."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)
        except ProcessLookupError:
            pass

    def __enter__(self) -> "Virtuoso":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
