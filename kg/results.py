"""Writing query results: a readable table and the SPARQL 1.1 result formats.

Used through :meth:`kg.query.QueryResult.serialize`. Every writer is
deterministic: the same result gives the same text.

>>> from rdflib import Literal, URIRef
>>> from kg.query import QueryResult
>>> r = QueryResult(kind="select", vars=["org", "n"],
...                 rows=[(URIRef("https://w3id.org/diplokg/id/org/SCO"), Literal(9))])
>>> print(r.serialize("table"))
org           n
------------  -
dkgr:org/SCO  9
(1 row)
>>> r.serialize("csv").splitlines()
['org,n', 'https://w3id.org/diplokg/id/org/SCO,9']
"""
from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, URIRef
from rdflib.term import Node

from .errors import FormatError
from .namespaces import PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    from .query import QueryResult

__all__ = ["serialize_result", "RESULT_FORMATS", "GRAPH_RESULT_FORMATS", "shorten"]

#: formats for SELECT and ASK results
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
#: formats for CONSTRUCT / DESCRIBE results
GRAPH_RESULT_FORMATS = ("table", "csv", "tsv", "turtle", "nt", "json-ld")
_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "jsonld": "json-ld",
            "text": "table"}
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def shorten(term: Node | None) -> str:
    """A term as a person reads it: ``prefix:local`` IRIs, literal values as text.

    >>> from rdflib import Literal
    >>> shorten(URIRef("http://www.wikidata.org/entity/Q159"))
    'wd:Q159'
    >>> shorten(Literal("2024-07-03", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")))
    '2024-07-03'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in _BY_LENGTH:
            if term.startswith(ns) and len(term) > len(ns):
                return f"{prefix}:{term[len(ns):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "\u2026"


def _table(header: list[str], rows: list[tuple], width: int, footer: str) -> str:
    cells = [[_cut(shorten(t), width) for t in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(footer)
    return "\n".join(lines)


def _csv_value(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _tsv_value(term: Node | None) -> str:
    return "" if term is None else term.n3()


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attr = ""
    if term.language:
        attr = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype is not None:
        attr = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attr}>{escape(str(term))}</literal>"


def _select(result: "QueryResult", fmt: str, width: int) -> str:
    names, rows = result.vars, result.rows
    if fmt == "table":
        n = len(rows)
        footer = f"({n} row{'' if n == 1 else 's'}{', truncated' if result.truncated else ''})"
        return _table(names, rows, width, footer)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        if fmt == "csv":
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(names)
            w.writerows([_csv_value(t) for t in row] for row in rows)
        else:
            buf.write("\t".join(f"?{v}" for v in names) + "\n")
            for row in rows:
                buf.write("\t".join(_tsv_value(t) for t in row) + "\n")
        return buf.getvalue()
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(names, row) if t is not None}
                    for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                          indent=2, ensure_ascii=False) + "\n"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "  <head>"]
    out += [f"    <variable name={quoteattr(v)}/>" for v in names]
    out += ["  </head>", "  <results>"]
    for row in rows:
        out.append("    <result>")
        out += [f"      <binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(names, row) if t is not None]
        out.append("    </result>")
    out += ["  </results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _ask(result: "QueryResult", fmt: str) -> str:
    word = "true" if result.boolean else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=2) + "\n"
    if fmt == "xml":
        return ('<?xml version="1.0" encoding="utf-8"?>\n'
                '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
                f"  <head/>\n  <boolean>{word}</boolean>\n</sparql>\n")
    return word + "\n" if fmt in ("csv", "tsv") else word


def serialize_result(result: "QueryResult", format: str = "table", *, width: int = 40) -> str:
    """Write ``result`` in ``format`` (see :data:`RESULT_FORMATS`, :data:`GRAPH_RESULT_FORMATS`).

    Raises
    ------
    FormatError
        A format that does not fit the result kind.
    """
    fmt = _ALIASES.get(format.lower(), format.lower())
    if result.kind == "graph":
        if fmt not in GRAPH_RESULT_FORMATS:
            raise FormatError(f"unknown format {format!r} for a graph result "
                              f"(use one of: {', '.join(GRAPH_RESULT_FORMATS)})")
        if fmt in ("turtle", "nt", "json-ld"):
            from .export import serialize_graph

            return serialize_graph(result.graph, fmt).decode("utf-8")
        from .query import QueryResult

        rows = sorted(result.graph)
        table = QueryResult(kind="select", vars=["subject", "predicate", "object"], rows=rows,
                            truncated=result.truncated)
        return _select(table, fmt, width)
    if fmt not in RESULT_FORMATS:
        raise FormatError(f"unknown format {format!r} for query results "
                          f"(use one of: {', '.join(RESULT_FORMATS)})")
    if result.kind == "ask":
        return _ask(result, fmt)
    return _select(result, fmt, width)
