"""A SPARQL 1.1 endpoint as a store: Virtuoso, Fuseki, GraphDB … over HTTP.

:class:`RemoteStore` is the third back end behind :class:`kg.store.Store`
(``open_store("http://host:8890/sparql")``). It speaks the SPARQL 1.1
Protocol with the standard library (:mod:`urllib`): queries are POSTed to the
query endpoint, writes are SPARQL Update requests to the update endpoint
(the same URL unless told otherwise). Options come from the constructor or
the environment:

=======================  ==================================================
``KG_SPARQL_UPDATE_URL``  update endpoint (Virtuoso: ``…/sparql-auth`` with
                          credentials, or ``…/sparql`` once ``SPARQL_UPDATE``
                          is granted to the ``SPARQL`` user)
``KG_SPARQL_USER``        user name (HTTP digest or basic authentication)
``KG_SPARQL_PASSWORD``    password
=======================  ==================================================

How the store maps onto the server:

* **Graphs.** The store's graphs are the named graphs whose IRI starts with
  ``prefix`` (the resource base, ``https://w3id.org/diplokg/id/``); graphs of
  other tools and the server's own (Virtuoso keeps ~2,500 triples of system
  data in ``virtrdf:`` graphs, which its default graph includes) are never
  listed, counted, exported or queried.
* **The merged graph.** Queries see one default graph holding the RDF merge of
  the article graphs, each triple once, as on the embedded stores. Servers
  differ here (Virtuoso's default graph repeats a triple once per graph
  holding it, with or without ``FROM``: measured), so the store keeps that
  merge itself in the graph ``merged_graph`` (``<prefix>store/merged``),
  updated by every write in the same request, and sends it as the
  ``default-graph-uri`` of each query that names no dataset of its own; queries
  with ``GRAPH`` get the article graphs as ``named-graph-uri``.
* **Writes.** :meth:`~kg.store.Store.replace_graph` is one update request: drop
  the article's ``dkg:sha256``, remove from the merge what only this graph
  stated, ``DROP SILENT GRAPH``, then ``INSERT DATA`` into the graph and the
  merge in chunks of ``chunk_size`` triples, the ``dkg:sha256`` triple last.
  Whether one request is one transaction is the server's business: Virtuoso
  7.2 commits each operation of a request on its own (an error in a later
  operation leaves the earlier ones done: measured), so a reader can see a
  graph half written and a failed write can leave it so. Because the hash is
  removed first and written last, such a graph has no ``dkg:sha256`` and the
  next ingest writes it again, which also repairs the merge. A graph larger
  than ``request_triples`` triples is written in several requests, with the
  same guarantee.
* **Parameters** are bound as RDF terms: each term is written in N-Triples
  syntax with full escaping into a ``VALUES`` block placed first in the
  query's WHERE group (see :func:`bind_values`), so a hostile literal stays a
  literal. :func:`kg.query.check_query` still refuses ``SERVICE``, ``LOAD``,
  updates and foreign ``FROM`` graphs before anything is sent.
* **Truncation.** A server that caps results (Virtuoso's
  ``ResultSetMaxRows``: it answers ``X-SPARQL-MaxRows`` whenever the cap was
  reached, also when the answer has exactly that many rows; ``206`` with
  ``X-SQL-State: S1TAT`` for an "anytime" query cut at its time limit) gives a
  result with ``truncated=True``, never one that looks complete. CONSTRUCT is
  evaluated as a SELECT of its template variables with the template filled in
  here, and DESCRIBE as a SELECT of the described resources followed by their
  triples (subject position, blank-node objects one level deep, as Oxigraph
  does), so that graph results report truncation too (Virtuoso caps CONSTRUCT
  results silently). Exports, :meth:`RemoteStore.graph`, the graph names and
  the label index page through the cap and are complete.
* **Failures.** 429, 5xx and dropped connections are retried at most
  ``retries`` times with exponential backoff and jitter, honouring
  ``Retry-After``, within ``retry_budget`` seconds in all (a Virtuoso 500 that
  carries a permanent SQL error, such as a permission error, is not retried).
  What still fails becomes :class:`~kg.errors.QueryError` for queries,
  :class:`~kg.errors.StoreError` for writes and store bookkeeping, with the
  server's message on one line; a request past ``timeout`` seconds is
  :class:`~kg.errors.QueryTimeout`.
* **Locking** does not apply: the server arbitrates concurrent clients, and
  ``read_only=True`` only makes this object refuse writes.

Virtuoso quirks handled here (7.2.5, Debian's ``virtuoso-opensource``):
ASK answers as a one-column SELECT (``__ASK_RETVAL``); boolean constants in
expressions come back as ``xsd:integer`` 0/1, so ``true``/``false`` in
expression positions are sent as ``STRDT("true", xsd:boolean)``, and stored
booleans come back as ``"1"^^xsd:boolean``, which is read as ``true``; string
literals come back typed ``xsd:string`` (read as plain literals, as
everywhere in DiploKG); big ``INSERT DATA`` requests are compiled into SQL
(3 s for 1,000 triples, refused past ~10,000 lines of generated code) unless
the request starts with Virtuoso's ``define sql:big-data-const 1`` pragma,
which this store adds when the server says it is Virtuoso; ``ORDER BY`` with
``OFFSET`` + ``LIMIT`` past 10,000 rows fails (SR353), so pages sort in a
subquery. Known, not changed: language tags come back lower-cased and
decimals in canonical form (``"1.50"`` → ``"1.5"``).

>>> sparql_term(Literal('say "hi" } ; DROP ALL ; {'))
'"say \\\\"hi\\\\" } ; DROP ALL ; {"'
>>> bind_values("SELECT ?o WHERE { ?s ?p ?o }", {"o": URIRef("http://example.org/x")})
'SELECT ?o WHERE { VALUES (?o) { (<http://example.org/x>) } ?s ?p ?o }'
"""
from __future__ import annotations

import http.client
import json
import os
import random
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Callable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDFS, SKOS, XSD
from rdflib.term import Node

from .errors import QueryError, QueryTimeout, StoreError
from .namespaces import DKG, DKGR, PREFIXES
from .query import QueryResult
from .store import Quad, Store, to_oxigraph

__all__ = ["RemoteStore", "UPDATE_URL_ENV", "USER_ENV", "PASSWORD_ENV", "sparql_term",
           "bind_values"]

#: environment variable naming the update endpoint (default: the query endpoint)
UPDATE_URL_ENV = "KG_SPARQL_UPDATE_URL"
#: environment variable with the user name for the endpoints
USER_ENV = "KG_SPARQL_USER"
#: environment variable with the password for the endpoints
PASSWORD_ENV = "KG_SPARQL_PASSWORD"

_XSD_STRING = str(XSD.string)
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_RESULTS_JSON = "application/sparql-results+json"
_RETRY_STATUS = {429, 500, 502, 503, 504}
# SQL states of a Virtuoso 500 worth retrying: deadlock / serialization, lost connections
_TRANSIENT_STATE = re.compile(r"^(40001|40003|08\w\w\w|S1T00)$")
_VIRTUOSO_ERROR = re.compile(r"Virtuoso (\w{5}) Error")


# --------------------------------------------------------------------------- terms
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}


def _escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def _iri(value: str, what: str) -> str:
    if _IRI_BAD.search(value):
        raise QueryError(f"{what}: {value!r} is not an IRI that SPARQL can write "
                         "(spaces, quotes, <>{}|^` or backslashes)")
    return f"<{value}>"


def sparql_term(term: Node, *, what: str = "term") -> str:
    """``term`` written as a SPARQL constant (N-Triples syntax, every special
    character escaped), for ``VALUES`` blocks and ``INSERT DATA``.

    Raises :class:`~kg.errors.QueryError` for terms that cannot be written
    safely: IRIs with characters IRIs may not hold, malformed language tags,
    blank nodes (their labels mean nothing to another server).

    >>> sparql_term(URIRef("https://w3id.org/diplokg/id/org/SCO"))
    '<https://w3id.org/diplokg/id/org/SCO>'
    >>> sparql_term(Literal("2024-07-03", datatype=XSD.date))
    '"2024-07-03"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> sparql_term(URIRef("http://x/> } ; DROP ALL ; <"))
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: term: 'http://x/> } ; DROP ALL ; <' is not an IRI that SPARQL can write (spaces, quotes, <>{}|^` or backslashes)
    """
    if isinstance(term, URIRef):
        return _iri(str(term), what)
    if isinstance(term, Literal):
        text = f'"{_escape(str(term))}"'
        if term.language:
            if not _LANG.match(term.language):
                raise QueryError(f"{what}: bad language tag {term.language!r}")
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{text}^^{_iri(str(term.datatype), what)}"
        return text
    if isinstance(term, BNode):
        raise QueryError(f"{what}: blank node _:{term} cannot be sent to a remote store")
    raise QueryError(f"{what}: {term!r} is not an RDF term")


def _from_json(b: dict) -> Node | None:
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang, dt = b.get("xml:lang"), b.get("datatype")
        if lang:
            return Literal(value, lang=lang)
        if dt and dt not in (_XSD_STRING, _RDF_LANGSTRING):
            if dt == str(XSD.boolean) and value in ("0", "1"):  # Virtuoso
                value = "true" if value == "1" else "false"
            return Literal(value, datatype=URIRef(dt))
        return Literal(value)
    raise QueryError(f"unsupported term in results: {b!r} (RDF-star triple terms are not "
                     "supported)")


# --------------------------------------------------------------------------- query text
_TOKEN = re.compile(r'''
  (?P<ws>\s+)
| (?P<comment>\#[^\n]*)
| (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
| (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\''(?:[^'\\]|\\.|'(?!''))*'\'\''
            |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
| (?P<var>[?$][^\s(){}\[\],;.=!<>+*/|&^"'#?$]+)
| (?P<word>[^\s(){}\[\],;=!<>+*/|&^"'#?$@]+)
| (?P<punct>\^\^|&&|\|\||!=|<=|>=|.)
''', re.X | re.S)

_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_EXPR_BEFORE = {"(", ",", "=", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "+", "-", "*", "/"}


@dataclass
class _Tok:
    kind: str
    text: str
    start: int
    end: int

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def _tokens(sparql: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(sparql):
        if m.lastgroup in ("ws", "comment"):
            continue
        if m.lastgroup == "string" and not m.group().endswith(m.group()[0]):
            raise QueryError("unterminated string in query")
        out.append(_Tok(m.lastgroup, m.group(), m.start(), m.end()))
    return out


def _match_brace(toks: list[_Tok], i: int) -> int:
    depth = 0
    for j in range(i, len(toks)):
        if toks[j].text == "{" and toks[j].kind == "punct":
            depth += 1
        elif toks[j].text == "}" and toks[j].kind == "punct":
            depth -= 1
            if depth == 0:
                return j
    raise QueryError("unbalanced braces in query")


@dataclass
class _Shape:
    """Where the parts of a query are: token indexes (``-1``: absent)."""

    toks: list[_Tok]
    form: int = -1
    template: tuple[int, int] = (-1, -1)
    where: tuple[int, int] = (-1, -1)
    prefixes: set[str] = field(default_factory=set)
    uses_graph: bool = False


def _shape(sparql: str) -> _Shape:
    toks = _tokens(sparql)
    shape = _Shape(toks)
    for i, t in enumerate(toks):
        if t.upper == "PREFIX" and i + 1 < len(toks) and toks[i + 1].text.endswith(":"):
            shape.prefixes.add(toks[i + 1].text[:-1])
        if t.upper == "GRAPH":
            shape.uses_graph = True
        if shape.form < 0 and t.upper in _FORMS:
            shape.form = i
    if shape.form < 0:
        raise QueryError("no SELECT, ASK, CONSTRUCT or DESCRIBE in query")
    i, parens = shape.form + 1, 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "punct" and t.text == "(":
            parens += 1
        elif t.kind == "punct" and t.text == ")":
            parens -= 1
        elif t.kind == "punct" and t.text == "{" and parens == 0:
            end = _match_brace(toks, i)
            if toks[shape.form].upper == "CONSTRUCT" and shape.template[0] < 0 \
                    and toks[i - 1].upper != "WHERE":
                shape.template = (i, end)
                i = end + 1
                continue
            shape.where = (i, end)
            break
        i += 1
    return shape


def _values_block(bindings: Mapping[str, Node]) -> str:
    names = list(bindings)
    terms = [sparql_term(bindings[n], what=f"parameter ?{n}") for n in names]
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }}"


def _edit(sparql: str, shape: _Shape, bindings: Mapping[str, Node], *, head: str | None = None,
          booleans: bool = False) -> str:
    """Apply the rewrites: bindings, a new head (replacing the query form up to
    the WHERE group), Virtuoso boolean constants."""
    toks = shape.toks
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text
    if bindings:
        if shape.where[0] < 0:
            raise QueryError("parameters need a WHERE clause to bind them in")
        o, c = shape.where
        block = _values_block(bindings)
        if o + 1 < len(toks) and toks[o + 1].upper == "SELECT":  # the group is a subquery
            edits.append((toks[o].end, toks[o].end, f" {block} {{"))
            edits.append((toks[c].start, toks[c].start, "} "))
        else:
            edits.append((toks[o].end, toks[o].end, f" {block}"))
    head_end = -1
    if head is not None:
        start = toks[shape.form].start
        if shape.template[0] >= 0:  # CONSTRUCT { template } [FROM …] WHERE { … }
            end = toks[shape.template[1]].end
        elif toks[shape.form].upper == "DESCRIBE":
            j = shape.form + 1
            while j < len(toks) and toks[j].upper not in ("WHERE", "FROM") and toks[j].text != "{":
                j += 1
            end = toks[j - 1].end
        else:
            end = toks[shape.form].end
        edits.append((start, end, head))
        head_end = end
    if booleans:
        for i, t in enumerate(toks):
            if t.kind == "word" and t.text in ("true", "false") and t.start > head_end \
                    and toks[i - 1].text in _EXPR_BEFORE and toks[i - 1].kind == "punct":
                edits.append((t.start, t.end, f'STRDT("{t.text}", <{XSD.boolean}>)'))
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        sparql = sparql[:start] + text + sparql[end:]
    return sparql


def bind_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """``sparql`` with ``bindings`` (variable name → RDF term) bound by a
    ``VALUES`` block placed first in its WHERE group.

    Placed there, the values join every pattern of the group, so FILTERs of
    the group see them, as with Oxigraph's substitution; a subquery, a
    ``BIND`` target or a nested group does not see them until they join
    (bind projected variables only; :meth:`kg.query.QueryInfo.check_bindings`
    enforces that for SELECT). Terms are written by :func:`sparql_term`.

    >>> bind_values("SELECT * { { SELECT ?x WHERE { ?x ?p ?o } } }",
    ...             {"x": Literal('"} ; DROP ALL ; {"')})
    'SELECT * { VALUES (?x) { ("\\\\"} ; DROP ALL ; {\\\\"") } { SELECT ?x WHERE { ?x ?p ?o } } }'
    """
    return _edit(sparql, _shape(sparql), bindings) if bindings else sparql


def _prologue(shape: _Shape) -> str:
    # one line, so that line numbers in the server's error messages stay the user's
    return "".join(f"PREFIX {p}: <{ns}> " for p, ns in PREFIXES.items()
                   if p not in shape.prefixes)


def _fill(template, rows: list[dict[str, Node | None]]) -> Iterator[tuple[Node, Node, Node]]:
    """Instantiate a CONSTRUCT template once per solution (fresh blank nodes each time)."""
    for n, row in enumerate(rows):
        fresh: dict[BNode, BNode] = {}
        for triple in template:
            out = []
            for term in triple:
                if isinstance(term, Variable):
                    term = row.get(str(term))
                elif isinstance(term, BNode):
                    term = fresh.setdefault(term, BNode(f"c{n}x{len(fresh)}"))
                out.append(term)
            s, p, o = out
            if s is None or p is None or o is None or isinstance(s, Literal) \
                    or not isinstance(p, URIRef):
                continue
            yield s, p, o


def _template(sparql: str):
    """The CONSTRUCT template (triples of rdflib terms and variables), or the
    described resources of a DESCRIBE."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        q = prepareQuery(sparql, initNs=PREFIXES)
    except Exception as err:  # already parsed once by check_query; defensive
        raise QueryError(f"SPARQL syntax error: {err}") from err
    algebra = q.algebra
    if algebra.name == "DescribeQuery":
        return list(algebra.PV)
    if algebra.template is not None:
        return list(algebra.template)

    def bgp(node):  # CONSTRUCT WHERE { … }: the pattern is the template
        if getattr(node, "name", None) == "BGP":
            return list(node.triples)
        for value in (node.values() if hasattr(node, "values") else ()):
            if hasattr(value, "name"):
                found = bgp(value)
                if found is not None:
                    return found
        return None

    return bgp(algebra.p) or []


# --------------------------------------------------------------------------- HTTP
class _Retry(Exception):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class _Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def truncated(self) -> bool:
        return (self.status == 206 or self.headers.get("X-SQL-State", "") == "S1TAT"
                or "X-SPARQL-MaxRows" in self.headers)


def _one_line(body: bytes, limit: int = 300) -> str:
    text = body.decode("utf-8", "replace")
    text = re.sub(r"<[^>]+>", " ", text) if text.lstrip().startswith("<") else text
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    line = lines[0] if lines else "(no message)"
    return line if len(line) <= limit else line[:limit] + "…"


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- the store
class RemoteStore(Store):
    """A store on a SPARQL 1.1 Query/Update endpoint (see the module docs).

    Parameters
    ----------
    url : str
        The query endpoint, ``http(s)://host:port/sparql``.
    update_url : str, optional
        The update endpoint; default ``$KG_SPARQL_UPDATE_URL``, else ``url``.
    user, password : str, optional
        Credentials (HTTP digest or basic, as the server asks); default
        ``$KG_SPARQL_USER`` and ``$KG_SPARQL_PASSWORD``.
    prefix : str
        Named graphs whose IRI starts with this belong to the store.
    merged_graph : str, optional
        Graph holding the merge of the store's graphs (default
        ``<prefix>store/merged``).
    read_only : bool
        Refuse writes.
    timeout : float
        Seconds one HTTP request may take.
    retries : int
        Retries of a request that failed with 429, 5xx or a dropped connection.
    backoff : float
        First retry delay in seconds; doubled each time (with jitter), at most 8 s.
    retry_budget : float
        Seconds all retries of one request may add up to.
    chunk_size : int
        Triples per ``INSERT DATA`` operation.
    request_triples : int
        Triples per update request; bigger graphs take several requests.
    page_size : int
        Rows per page when reading whole graphs (shrunk to the server's cap).
    dialect : {"virtuoso", "standard", None}
        Server quirks to work around; ``None`` detects Virtuoso from its
        ``Server`` header.

    Raises
    ------
    StoreError
        ``url`` is not an http(s) URL.
    """

    def __init__(self, url: str, *, update_url: str | None = None, user: str | None = None,
                 password: str | None = None, prefix: str = str(DKGR),
                 merged_graph: str | None = None, read_only: bool = False,
                 timeout: float = 60.0, retries: int = 4, backoff: float = 0.5,
                 retry_budget: float = 30.0, chunk_size: int = 1000,
                 request_triples: int = 10_000, page_size: int = 10_000,
                 dialect: str | None = None) -> None:
        super().__init__(read_only=read_only)
        for name, value in (("url", url), ("update_url", update_url)):
            if value is not None and not re.match(r"^https?://[^\s/]+", str(value)):
                raise StoreError(f"{value}: {name} is not an http(s) URL")
        if dialect not in (None, "virtuoso", "standard"):
            raise StoreError(f"dialect {dialect!r} is not 'virtuoso' or 'standard'")
        self.url = str(url)
        self.update_url = update_url or os.environ.get(UPDATE_URL_ENV) or self.url
        self.location = self.url  # shown in messages and repr
        self.prefix = prefix
        self.merged_graph = merged_graph or f"{prefix}store/merged"
        try:
            _iri(self.merged_graph, "merged_graph")
        except QueryError as err:
            raise StoreError(str(err)) from err
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.retry_budget, self.chunk_size = retry_budget, chunk_size
        self.request_triples, self.page_size = request_triples, page_size
        self.dialect = dialect
        #: retries made so far (all requests), for monitoring and tests
        self.retried = 0
        user = user if user is not None else os.environ.get(USER_ENV)
        password = password if password is not None else os.environ.get(PASSWORD_ENV)
        handlers: list = []
        if user:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for target in {self.url, self.update_url}:
                mgr.add_password(None, target, user, password or "")
            handlers = [urllib.request.HTTPDigestAuthHandler(mgr),
                        urllib.request.HTTPBasicAuthHandler(mgr)]
        self._opener = urllib.request.build_opener(*handlers)

    def __repr__(self) -> str:
        return f"<RemoteStore {self.url}{' read-only' if self.read_only else ''}>"

    # ---- HTTP
    def _send(self, url: str, form: list[tuple[str, str]], accept: str, error) -> _Answer:
        data = urllib.parse.urlencode(form).encode("utf-8")
        req = urllib.request.Request(url, data=data, method="POST", headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"})
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                answer = _Answer(resp.status, resp.headers, resp.read())
        except urllib.error.HTTPError as err:
            body = err.read() if err.fp is not None else b""
            message = _one_line(body) if body else err.reason
            if err.code in _RETRY_STATUS:
                state = _VIRTUOSO_ERROR.search(body.decode("utf-8", "replace"))
                if err.code != 500 or state is None or _TRANSIENT_STATE.match(state.group(1)):
                    raise _Retry(f"HTTP {err.code}: {message}",
                                 _retry_after(err.headers.get("Retry-After"))) from err
            if err.code in (401, 403):
                raise StoreError(f"{url}: not authorized (HTTP {err.code}: {message}); give a "
                                 f"user and password (${USER_ENV}, ${PASSWORD_ENV})") from err
            if err.code == 404:
                raise StoreError(f"{url}: no SPARQL endpoint there (HTTP 404)") from err
            raise error(f"{url}: HTTP {err.code}: {message}") from err
        except (TimeoutError, socket.timeout) as err:
            raise QueryTimeout(f"{url}: no answer within {self.timeout:g} s") from err
        except (ConnectionResetError, ConnectionAbortedError, BrokenPipeError,
                http.client.RemoteDisconnected, http.client.IncompleteRead) as err:
            raise _Retry(f"connection lost ({type(err).__name__})") from err
        except urllib.error.URLError as err:
            reason = err.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise QueryTimeout(f"{url}: no answer within {self.timeout:g} s") from err
            if isinstance(reason, (ConnectionResetError, ConnectionAbortedError)):
                raise _Retry(f"connection lost ({type(reason).__name__})") from err
            raise StoreError(f"{url}: cannot connect ({reason})") from err
        if self.dialect is None:
            server = answer.headers.get("Server", "")
            self.dialect = "virtuoso" if server.startswith("Virtuoso") else "standard"
        return answer

    def _request(self, url: str, form: list[tuple[str, str]], *, accept: str = _RESULTS_JSON,
                 error=QueryError, cancelled: Callable[[], bool] = lambda: False) -> _Answer:
        """POST ``form`` to ``url`` with bounded retries (429, 5xx, dropped connections)."""
        self._check_open()
        give_up = time.monotonic() + self.retry_budget
        for attempt in range(self.retries + 1):
            try:
                return self._send(url, form, accept, error)
            except QueryTimeout as err:
                if error is StoreError:  # a write or bookkeeping request
                    raise StoreError(str(err)) from err
                raise
            except _Retry as err:
                delay = min(8.0, self.backoff * 2 ** attempt) * random.uniform(0.5, 1.0)
                if err.retry_after is not None:
                    delay = max(delay, err.retry_after)
                if attempt == self.retries or cancelled() or \
                        time.monotonic() + delay > give_up:
                    raise error(f"{url}: {err} (gave up after {attempt + 1} attempt"
                                f"{'s' if attempt else ''})") from err
                self.retried += 1
                time.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _select(self, sparql: str, form: list[tuple[str, str]] | None = None, *,
                error=StoreError, cancelled=lambda: False
                ) -> tuple[list[str], list[dict[str, Node | None]], _Answer]:
        """Run a SELECT (or ASK) text as is; rows as dicts of terms."""
        answer = self._request(self.url, [("query", sparql), *(form or [])], error=error,
                               cancelled=cancelled)
        try:
            doc = json.loads(answer.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise error(f"{self.url}: answer is not SPARQL results JSON "
                        f"({_one_line(answer.body, 120)})") from err
        if "boolean" in doc:
            return ["boolean"], [{"boolean": Literal(bool(doc["boolean"]))}], answer
        names = list(doc.get("head", {}).get("vars", []))
        rows = [{k: _from_json(v) for k, v in b.items()}
                for b in doc.get("results", {}).get("bindings", [])]
        return names, rows, answer

    def _update(self, ops: list[str]) -> None:
        text = " ;\n".join(ops)
        if self.dialect is None:  # learn the dialect with a cheap request first
            self._select("ASK { }")
        if self.dialect == "virtuoso":
            text = "define sql:big-data-const 1\n" + text
        self._request(self.update_url, [("update", text)], error=StoreError)

    # ---- reading
    def _ours(self, var: str = "?g") -> str:
        return (f"FILTER(STRSTARTS(STR({var}), {sparql_term(Literal(self.prefix))}) && "
                f"{var} != <{self.merged_graph}>)")

    def graph_names(self) -> list[str]:
        rows = self._pages(f"GRAPH ?g {{ ?s ?p ?o }} {self._ours()}", "?g", distinct=True)
        return sorted(str(r["g"]) for r in rows if isinstance(r.get("g"), URIRef))

    def labels(self) -> Iterator[tuple[str, str, bool]]:
        # paged: a server's row cap must not hide names from the label index
        for p, alt in ((RDFS.label, False), (SKOS.altLabel, True)):
            rows = self._pages(f"GRAPH <{self.merged_graph}> {{ ?e <{p}> ?l }}", "?e ?l")
            yield from ((str(r["e"]), str(r["l"]), alt) for r in rows
                        if isinstance(r.get("e"), URIRef) and isinstance(r.get("l"), Literal))

    def value(self, graph_iri: str, subject: Node, predicate: Node) -> Node | None:
        q = (f"SELECT ?o WHERE {{ GRAPH {sparql_term(URIRef(graph_iri))} {{ "
             f"{sparql_term(subject)} {sparql_term(predicate)} ?o }} }} LIMIT 1")
        _, rows, _ = self._select(q)
        return rows[0].get("o") if rows else None

    def _pages(self, where: str, names: str, *, distinct: bool = False
               ) -> Iterator[dict[str, Node | None]]:
        """Every solution of ``where``, paged past the server's row cap (the sort
        sits in a subquery: Virtuoso refuses ORDER BY with OFFSET + LIMIT past
        10,000 rows)."""
        offset, page = 0, self.page_size
        inner = "SELECT DISTINCT" if distinct else "SELECT"
        while True:
            q = (f"SELECT {names} WHERE {{ {{ {inner} {names} WHERE {{ {where} }} "
                 f"ORDER BY {names} }} }} LIMIT {page} OFFSET {offset}")
            _, rows, answer = self._select(q)
            yield from rows
            if answer.truncated and 0 < len(rows) < page:
                page = len(rows)  # the server's cap is below our page size
            elif len(rows) < page:
                return
            offset += len(rows)

    def graph(self, graph_iri: str) -> Graph:
        out = Graph()
        for r in self._pages(f"GRAPH {sparql_term(URIRef(graph_iri))} {{ ?s ?p ?o }}",
                             "?s ?p ?o"):
            out.add((r["s"], r["p"], r["o"]))
        return out

    def quads(self) -> Iterator[Quad]:
        for name in self.graph_names():
            g = URIRef(name)
            for s, p, o in self.graph(name):
                yield s, p, o, g

    def __len__(self) -> int:
        _, rows, _ = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                                  f"{self._ours()} }}")
        return int(rows[0]["n"]) if rows else 0

    # ---- writing
    def _graph_term(self, graph_iri: str) -> str:
        """``<graph_iri>`` for an update, if the store may write that graph."""
        if not graph_iri.startswith(self.prefix) or graph_iri == self.merged_graph:
            raise StoreError(f"{self.url}: graph <{graph_iri}> is not one this store may write "
                             f"(its graphs start with {self.prefix}; "
                             f"<{self.merged_graph}> is its merged graph)")
        try:
            return _iri(graph_iri, "graph name")
        except QueryError as err:
            raise StoreError(f"{self.url}: {err}") from err

    def _unmerge_ops(self, g: str) -> list[str]:
        m = f"<{self.merged_graph}>"
        return [
            # the hash goes first: a graph cut short by a failure has none, so it is re-ingested
            f"DELETE WHERE {{ GRAPH {g} {{ {g} <{DKG.sha256}> ?h }} }}",
            f"DELETE WHERE {{ GRAPH {m} {{ {g} <{DKG.sha256}> ?h }} }}",
            f"DELETE {{ GRAPH {m} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) "
            f"{self._ours('?other')} }} }}",
            f"DROP SILENT GRAPH {g}",
        ]

    def _nt(self, triples: list) -> str:
        """``triples`` as N-Triples text (every term checked and escaped by pyoxigraph)."""
        try:
            data = ox.serialize([ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                                 for s, p, o in triples], format=ox.RdfFormat.N_TRIPLES)
        except ValueError as err:  # an IRI that is not one
            raise StoreError(f"{self.url}: cannot write a triple ({err})") from err
        return (data or b"").decode("utf-8")

    def _replace(self, graph_iri: str, triples: list) -> None:
        g, m = self._graph_term(graph_iri), f"<{self.merged_graph}>"
        sha = [t for t in triples if t[1] == DKG.sha256 and str(t[0]) == graph_iri]
        rest = [t for t in triples if not (t[1] == DKG.sha256 and str(t[0]) == graph_iri)]
        # blank nodes: one INSERT DATA operation keeps one label one node, so triples
        # with blank nodes go into a single chunk
        plain = [t for t in rest if not any(isinstance(x, BNode) for x in t)]
        blank = [t for t in rest if any(isinstance(x, BNode) for x in t)]
        chunks = [plain[i:i + self.chunk_size] for i in range(0, len(plain), self.chunk_size)]
        if blank:
            chunks.append(blank)
        chunks.append(sha)
        ops = self._unmerge_ops(g)
        size = 0
        for chunk in chunks:
            if not chunk:
                continue
            if ops and size + len(chunk) > self.request_triples and size > 0:
                self._update(ops)
                ops, size = [], 0
            body = self._nt(chunk)
            ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{body}}}\nGRAPH {m} {{\n{body}}} }}")
            size += len(chunk)
        if ops:
            self._update(ops)

    def _remove(self, graph_iri: str) -> None:
        self._update(self._unmerge_ops(self._graph_term(graph_iri)))

    def reindex(self) -> None:
        """Rebuild the merged graph from the store's graphs (one request).

        Needed only when the graphs were written by another tool.
        """
        self._check_writable()
        m = f"<{self.merged_graph}>"
        self._update([f"DROP SILENT GRAPH {m}",
                      f"INSERT {{ GRAPH {m} {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                      f"{self._ours()} }}"])
        self.cache.clear()

    # ---- querying
    def _dataset(self, sparql: str, shape: _Shape) -> list[tuple[str, str]]:
        from .query import check_query

        if check_query(sparql).from_graphs:  # the query names its own (checked) graphs
            return []
        form = [("default-graph-uri", self.merged_graph)]
        if shape.uses_graph:
            form += [("named-graph-uri", g) for g in self.graph_names()]
        return form

    def _evaluate(self, sparql, kind, bindings, limit, cancelled) -> QueryResult:
        shape = _shape(sparql)
        if self.dialect is None:
            self._select("ASK { }", error=QueryError)
        quirks = self.dialect == "virtuoso"
        form = self._dataset(sparql, shape)
        form_kw = shape.toks[shape.form].upper
        head = None
        template: list = []
        if form_kw == "CONSTRUCT":
            template = _template(sparql)
            names = sorted({str(t) for triple in template for t in triple
                            if isinstance(t, Variable)})
            head = "SELECT " + (" ".join("?" + n for n in names) or "*")
        elif form_kw == "DESCRIBE":
            template = _template(sparql)
            names = [str(t) for t in template if isinstance(t, Variable)]
            if shape.where[0] >= 0:
                head = "SELECT DISTINCT " + (" ".join("?" + n for n in names) or "*")
        text = _prologue(shape) + _edit(sparql, shape, bindings, head=head, booleans=quirks)
        if form_kw == "DESCRIBE" and head is None:
            names, rows, truncated = [], [], False
        else:
            names, rows, answer = self._select(text, form, error=QueryError,
                                               cancelled=cancelled)
            truncated = answer.truncated
        if kind == "ask":
            if names == ["boolean"]:
                return QueryResult(kind="ask", boolean=bool(rows[0]["boolean"].toPython()))
            # Virtuoso: ASK answers as SELECT ?__ASK_RETVAL, no row for false
            value = rows[0].get(names[0]) if rows and names else None
            return QueryResult(kind="ask", boolean=bool(value is not None and
                                                        value.toPython()))
        if kind == "graph":
            if form_kw == "DESCRIBE":
                triples, more = self._describe(template, rows, form, cancelled)
                truncated = truncated or more
            else:
                triples = list(dict.fromkeys(_fill(template, rows)))
            if limit is not None and len(triples) > limit:
                triples, truncated = triples[:limit], True
            return QueryResult.from_triples(triples, truncated=truncated)
        out = [tuple(r.get(n) for n in names) for r in rows]
        if limit is not None and len(out) > limit:
            out, truncated = out[:limit], True
        return QueryResult(kind="select", vars=names, rows=out, truncated=truncated)

    def _describe(self, described: list, rows, form, cancelled) -> tuple[list, bool]:
        resources = {t for t in described if isinstance(t, URIRef)}
        for r in rows:
            resources.update(v for v in r.values() if isinstance(v, URIRef))
        triples: list = []
        truncated = False
        ordered = sorted(resources)
        for i in range(0, len(ordered), 200):
            values = " ".join(sparql_term(x) for x in ordered[i:i + 200])
            q = (f"SELECT ?s ?p ?o ?bp ?bo WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o "
                 f"OPTIONAL {{ FILTER(isBlank(?o)) ?o ?bp ?bo }} }}")
            _, found, answer = self._select(q, form, error=QueryError, cancelled=cancelled)
            truncated = truncated or answer.truncated
            for r in found:
                triples.append((r["s"], r["p"], r["o"]))
                if r.get("bp") is not None:
                    triples.append((r["o"], r["bp"], r["bo"]))
        return list(dict.fromkeys(triples)), truncated

    def close(self) -> None:
        """Forget the connection settings; the server keeps the data."""
        super().close()

