"""Why the graph says what it says: the articles, sentences and rules behind
an entity or a fact.

Every fact the extractor writes has a ``dkg:Evidence`` node (an
``rdf:subject``/``rdf:predicate``/``rdf:object`` reification) with the
sentence, the character offsets into the article and the rule that found it;
every entity is ``dkg:mentionedIn`` its articles. :func:`explain_entity` and
:func:`explain_fact` gather those into an :class:`Explanation`, which renders
as text with the names of the subject and object highlighted in each sentence
(ANSI bold yellow on a terminal, ``**…**`` otherwise).

>>> from kg.store import open_store
>>> from rdflib import Graph
>>> store = open_store()
>>> store.replace_graph("https://w3id.org/diplokg/id/article/a", Graph().parse(data=EXAMPLE, format="turtle"))
>>> ex = explain_fact(store, parse_fact("Russia memberOf SCO"))
>>> print(ex.render())
Russia memberOf Shanghai Cooperation Organisation
  stated in 1 article, 1 sentence
<BLANKLINE>
a  2024-07-03  "Putin arrives in Kazakhstan"
  "The **SCO** member countries include **Russia** and Kazakhstan."  (chars 10-72, rule member:cue)
>>> ex.evidence[0].highlights
((4, 7), (33, 39))
"""
from __future__ import annotations

import datetime as _dt
import re
import shlex
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from .entities import _predicate, local_name
from .errors import EntityNotFound, FactNotFound, InputError
from .namespaces import DKG
from .query import resolve_entity
from .results import shorten

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

__all__ = ["ArticleRef", "Evidence", "Source", "Explanation", "explain_entity", "explain_fact",
           "parse_fact", "EXAMPLE"]

#: a tiny article graph with one evidence node, for the doctests
EXAMPLE = """
@prefix dkg: <https://w3id.org/diplokg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dkgr: <https://w3id.org/diplokg/id/> .
dkgr:article\\/a a dkg:Article ; dkg:articleId "a" ; dkg:headline "Putin arrives in Kazakhstan" ;
    dkg:published "2024-07-03"^^xsd:date .
dkgr:state\\/RUS a dkg:State ; rdfs:label "Russia" ; dkg:mentionedIn dkgr:article\\/a ;
    dkg:memberOf dkgr:org\\/SCO .
dkgr:org\\/SCO a dkg:InternationalOrganization ; rdfs:label "Shanghai Cooperation Organisation" ;
    skos:altLabel "SCO" ; dkg:mentionedIn dkgr:article\\/a .
dkgr:evidence\\/a\\/1 a dkg:Evidence ; rdf:subject dkgr:state\\/RUS ; rdf:predicate dkg:memberOf ;
    rdf:object dkgr:org\\/SCO ; dkg:fromArticle dkgr:article\\/a ;
    dkg:sentence "The SCO member countries include Russia and Kazakhstan." ;
    dkg:charStart 10 ; dkg:charEnd 72 ; dkg:rule "member:cue" .
"""

_BOLD, _RESET = "\x1b[1;33m", "\x1b[0m"
_ARTICLE = """SELECT ?article ?id ?headline ?published ?url WHERE {
  ?article a dkg:Article .
  OPTIONAL { ?article dkg:articleId ?id }
  OPTIONAL { ?article dkg:headline ?headline }
  OPTIONAL { ?article dkg:published ?published }
  OPTIONAL { ?article dkg:url ?url }
}"""
_MENTIONS = "SELECT ?self ?article WHERE { ?self dkg:mentionedIn ?article }"
_EVIDENCE = """SELECT ?self ?ev ?s ?p ?o ?article ?sentence ?start ?end ?rule WHERE {
  { ?ev rdf:subject ?self } UNION { ?ev rdf:object ?self }
  ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?ev dkg:fromArticle ?article }
  OPTIONAL { ?ev dkg:sentence ?sentence }
  OPTIONAL { ?ev dkg:charStart ?start }
  OPTIONAL { ?ev dkg:charEnd ?end }
  OPTIONAL { ?ev dkg:rule ?rule }
}"""
_FACT_EVIDENCE = """SELECT ?ev ?s ?p ?o ?article ?sentence ?start ?end ?rule WHERE {
  ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?ev dkg:fromArticle ?article }
  OPTIONAL { ?ev dkg:sentence ?sentence }
  OPTIONAL { ?ev dkg:charStart ?start }
  OPTIONAL { ?ev dkg:charEnd ?end }
  OPTIONAL { ?ev dkg:rule ?rule }
}"""
_FACT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
_GRAPHS_OF_FACT = "SELECT ?s ?p ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_NAMES = "SELECT ?e ?name WHERE { { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } }"
_LABEL = "SELECT ?e ?name WHERE { ?e rdfs:label ?name }"


@dataclass(frozen=True)
class ArticleRef:
    """An article of the store: IRI, id, headline, publication date, URL."""

    iri: str
    article_id: str
    headline: str | None = None
    published: _dt.date | None = None
    url: str | None = None

    def __str__(self) -> str:
        date = self.published.isoformat() if self.published else "(undated)"
        head = f'  "{self.headline}"' if self.headline else ""
        return f"{self.article_id}  {date}{head}"


@dataclass(frozen=True)
class Evidence:
    """One fact as one article states it.

    ``subject``/``predicate``/``object`` are the fact's terms, ``labels`` the
    labels of subject and object; ``sentence`` is the sentence, ``start`` and
    ``end`` the character offsets of the evidence in the article, ``rule`` the
    extraction rule; ``highlights`` are ``(start, end)`` spans *in the
    sentence* where the subject and object are named.
    """

    subject: URIRef
    predicate: URIRef
    object: Node
    article: ArticleRef | None
    sentence: str | None
    start: int | None
    end: int | None
    rule: str | None
    labels: tuple[str, str] = ("", "")
    highlights: tuple[tuple[int, int], ...] = ()

    @property
    def fact(self) -> str:
        """The fact as text: ``subject-label predicate object-label``."""
        return f"{self.labels[0]} {local_name(str(self.predicate))} {self.labels[1]}"

    def marked(self, *, color: bool = False) -> str:
        """The sentence with its highlights marked (ANSI colour or ``**…**``)."""
        text = self.sentence or ""
        on, off = (_BOLD, _RESET) if color else ("**", "**")
        out, last = [], 0
        for a, b in self.highlights:
            out += [text[last:a], on, text[a:b], off]
            last = b
        out.append(text[last:])
        return "".join(out)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"subject": str(self.subject), "predicate": str(self.predicate),
                "object": str(self.object), "fact": self.fact,
                "article": self.article.article_id if self.article else None,
                "sentence": self.sentence, "start": self.start, "end": self.end,
                "rule": self.rule, "highlights": [list(h) for h in self.highlights]}


@dataclass(frozen=True)
class Source:
    """One article behind an entity, with the evidence it gives."""

    article: ArticleRef
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """What :func:`explain_entity` or :func:`explain_fact` found.

    ``kind`` is ``"entity"`` or ``"fact"``; ``title`` names it; ``articles``
    are the articles that mention the entity or state the fact (by date);
    ``evidence`` the sentences with their rules (by article, then offset).
    """

    kind: str
    title: str
    iri: str | None = None
    articles: tuple[ArticleRef, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    types: tuple[str, ...] = field(default=())

    def sources(self) -> list[Source]:
        """The articles, each with its evidence."""
        return [Source(a, tuple(e for e in self.evidence
                                if e.article is not None and e.article.iri == a.iri))
                for a in self.articles]

    def render(self, *, color: bool = False) -> str:
        """The explanation as text (``color``: ANSI highlights for a terminal)."""
        n_art, n_ev = len(self.articles), len(self.evidence)
        head = self.title
        if self.kind == "entity":
            head += f"  ({shorten(URIRef(self.iri)) if self.iri else ''}" + \
                (f"; {', '.join(self.types)})" if self.types else ")")
            summary = (f"  mentioned in {n_art} article{'s' * (n_art != 1)}; "
                       f"{n_ev} fact{'s' * (n_ev != 1)} about it with evidence")
        else:
            summary = (f"  stated in {n_art} article{'s' * (n_art != 1)}, "
                       f"{n_ev} sentence{'s' * (n_ev != 1)}")
        lines = [head, summary]
        undated = [e for e in self.evidence if e.article is None]
        for src in self.sources() + ([Source(ArticleRef("", "(no article)"), tuple(undated))]
                                     if undated else []):
            lines += ["", str(src.article)]
            for ev in src.evidence:
                where = []
                if ev.start is not None and ev.end is not None:
                    where.append(f"chars {ev.start}-{ev.end}")
                if ev.rule:
                    where.append(f"rule {ev.rule}")
                if self.kind == "entity":
                    lines.append(f"  {ev.fact}")
                lines.append(f"  {'  ' if self.kind == 'entity' else ''}\"{ev.marked(color=color)}\""
                             + (f"  ({', '.join(where)})" if where else ""))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"kind": self.kind, "title": self.title, "iri": self.iri,
                "types": list(self.types),
                "articles": [{"iri": a.iri, "id": a.article_id, "headline": a.headline,
                              "published": a.published.isoformat() if a.published else None,
                              "url": a.url} for a in self.articles],
                "evidence": [e.to_dict() for e in self.evidence]}


# --------------------------------------------------------------------------- helpers
def _articles(store: "Store", iris: set[str]) -> dict[str, ArticleRef]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    rows = store.query(_ARTICLE.replace("?article a dkg:Article .",
                                        f"VALUES ?article {{ {values} }}"), timeout=None).rows
    out = {i: ArticleRef(i, local_name(i)) for i in iris}
    for art, aid, head, pub, url in rows:
        value = pub.toPython() if pub is not None else None
        out[str(art)] = ArticleRef(str(art), str(aid) if aid is not None else local_name(str(art)),
                                   str(head) if head is not None else None,
                                   value if isinstance(value, _dt.date) else None,
                                   str(url) if url is not None else None)
    return out


def _names(store: "Store", iris: set[str]) -> tuple[dict[str, list[str]], dict[str, str]]:
    if not iris:
        return {}, {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    names: dict[str, list[str]] = {}
    for e, name in store.query(_NAMES.replace("WHERE {", f"WHERE {{ VALUES ?e {{ {values} }}", 1),
                               timeout=None).rows:
        names.setdefault(str(e), []).append(str(name))
    labels = {str(e): str(name) for e, name in
              store.query(_LABEL.replace("WHERE {", f"WHERE {{ VALUES ?e {{ {values} }}", 1),
                          timeout=None).rows}
    return names, labels


def _spans(sentence: str, names: list[str]) -> tuple[tuple[int, int], ...]:
    """Non-overlapping spans of ``names`` in ``sentence`` (whole words, any case), longest first."""
    taken: list[tuple[int, int]] = []
    for name in sorted({n for n in names if n.strip()}, key=lambda n: (-len(n), n)):
        pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
        for m in pattern.finditer(sentence):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                taken.append((m.start(), m.end()))
    return tuple(sorted(taken))


def _term_names(term: Node, names: dict[str, list[str]]) -> list[str]:
    if isinstance(term, URIRef):
        return names.get(str(term), [])
    return [str(term)]


def _label(term: Node, labels: dict[str, str]) -> str:
    if isinstance(term, URIRef):
        return labels.get(str(term)) or shorten(term)
    return str(term)


def _evidence(store: "Store", rows, *, keep=None) -> list[Evidence]:
    """Evidence objects from rows ``(..., ev, s, p, o, article, sentence, start, end, rule)``."""
    found = {}
    for row in rows:
        ev, s, p, o, art, sentence, start, end, rule = row[-9:]
        if keep is not None and not keep(s, p, o):
            continue
        found[str(ev)] = (s, p, o, art, sentence, start, end, rule)
    iris = {str(t) for s, _, o, *_ in found.values() for t in (s, o) if isinstance(t, URIRef)}
    names, labels = _names(store, iris)
    arts = _articles(store, {str(v[3]) for v in found.values() if v[3] is not None})
    out = []
    for s, p, o, art, sentence, start, end, rule in found.values():
        text = str(sentence) if sentence is not None else None
        spans = _spans(text, _term_names(s, names) + _term_names(o, names)) if text else ()
        out.append(Evidence(s, p, o, arts.get(str(art)) if art is not None else None, text,
                            int(start) if start is not None else None,
                            int(end) if end is not None else None,
                            str(rule) if rule is not None else None,
                            (_label(s, labels), _label(o, labels)), spans))

    def order(e: Evidence):
        a = e.article
        return (a is None, a.published or _dt.date.max if a else _dt.date.max,
                a.article_id if a else "", e.start if e.start is not None else -1,
                str(e.predicate), str(e.subject), str(e.object), e.rule or "")

    return sorted(out, key=order)


def _by_date(arts) -> tuple[ArticleRef, ...]:
    return tuple(sorted(arts, key=lambda a: (a.published or _dt.date.max, a.article_id)))


# --------------------------------------------------------------------------- entry points
def explain_entity(store: "Store", iri: URIRef) -> Explanation:
    """The articles that mention ``iri`` and the evidence of every fact about it
    (as subject or object)."""
    binds = {"self": URIRef(iri)}
    mentions = {str(a) for _, a in store.query(_MENTIONS, bindings=binds, timeout=None).rows}
    evidence = _evidence(store, store.query(_EVIDENCE, bindings=binds, timeout=None).rows)
    arts = _articles(store, mentions)
    for ev in evidence:
        if ev.article is not None:
            arts.setdefault(ev.article.iri, ev.article)
    _, labels = _names(store, {str(iri)})
    types = _types(store, iri)
    return Explanation("entity", labels.get(str(iri)) or shorten(URIRef(iri)), str(iri),
                       _by_date(arts.values()), tuple(evidence), tuple(types))


def _types(store: "Store", iri: URIRef) -> list[str]:
    rows = store.query("SELECT ?self ?t WHERE { ?self a ?t }", bindings={"self": URIRef(iri)},
                       timeout=None).rows
    return sorted(local_name(str(t)) for _, t in rows)


_LITERAL_PREDICATES = {"title", "theme", "startDate", "endDate", "founded", "documentCount"}


def parse_fact(text: str, *, must: bool = True) -> tuple[str, str, str] | None:
    """Split ``"S P O"`` into its three parts.

    ``P`` is a DiploKG property (``memberOf``) or a CURIE (``dkg:memberOf``);
    names around it may have spaces (``"Vladimir Putin leaderOf Russia"``) or
    be quoted. With ``must=False``, text without a property word gives ``None``.

    >>> parse_fact("Vladimir Putin leaderOf Russia")
    ('Vladimir Putin', 'leaderOf', 'Russia')
    >>> parse_fact('"SCO summit" dkg:location Astana')
    ('SCO summit', 'dkg:location', 'Astana')
    >>> parse_fact("Putin Russia")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: fact 'Putin Russia': expected SUBJECT PROPERTY OBJECT, e.g. 'Putin leaderOf Russia'
    """
    try:
        words = shlex.split(text)
    except ValueError:
        words = text.split()
    for i, word in enumerate(words[1:-1], start=1):
        if _is_property(word):
            return " ".join(words[:i]), word, " ".join(words[i + 1:])
    if not must:
        return None
    raise InputError(f"fact {text!r}: expected SUBJECT PROPERTY OBJECT, e.g. "
                     "'Putin leaderOf Russia'")


def _is_property(word: str) -> bool:
    if ":" in word and not word.startswith(("http:", "https:")):
        prefix = word.split(":", 1)[0]
        return prefix in ("dkg", "rdfs", "skos", "owl", "rdf")
    if word.startswith(("http://", "https://")):
        return False
    try:
        DKG[word]
    except AttributeError:
        return False
    return word[:1].islower()


def explain_fact(store: "Store", fact: tuple) -> Explanation:
    """The articles and sentences that state ``fact`` (``(subject, predicate, object)``).

    Subject and object are names or IRIs (resolved like
    :func:`kg.query.resolve_entity`); an object that names no entity is taken
    as a literal value (``"Putin title President"``). The predicate is a
    property name, CURIE or IRI.

    Raises
    ------
    FactNotFound
        The graph does not state the fact.
    EntityNotFound, AmbiguousEntity
        The subject does not name exactly one entity.
    """
    s_raw, p_raw, o_raw = fact
    s = resolve_entity(store, s_raw)
    p = _predicate(p_raw)
    o: Node
    if isinstance(o_raw, (URIRef, Literal)):
        o = o_raw
    else:
        try:
            o = resolve_entity(store, o_raw)
        except EntityNotFound:
            if local_name(str(p)) not in _LITERAL_PREDICATES:
                raise
            o = Literal(str(o_raw))

    def same(term: Node) -> bool:
        return term == o if isinstance(o, URIRef) else (not isinstance(term, URIRef)
                                                        and str(term) == str(o))

    stated = [row[2] for row in store.query(_FACT, bindings={"s": s, "p": p},
                                            timeout=None).rows if same(row[2])]
    _, labels = _names(store, {str(t) for t in (s, o) if isinstance(t, URIRef)})
    title = f"{_label(s, labels)} {local_name(str(p))} {_label(o, labels)}"
    if not stated:
        raise FactNotFound(f"the graph does not state {title!r} ({shorten(s)} {shorten(p)} "
                           f"{shorten(o) if isinstance(o, URIRef) else repr(str(o))})")
    evidence = _evidence(store, store.query(_FACT_EVIDENCE, bindings={"s": s, "p": p},
                                            timeout=None).rows,
                         keep=lambda _s, _p, obj: same(obj))
    graphs = {str(g) for _, _, g, obj in store.query(_GRAPHS_OF_FACT, bindings={"s": s, "p": p},
                                                     timeout=None).rows if same(obj)}
    arts = _articles(store, {g for g in graphs if "/article/" in g})
    for ev in evidence:
        if ev.article is not None:
            arts.setdefault(ev.article.iri, ev.article)
    return Explanation("fact", title, None, _by_date(arts.values()), tuple(evidence))
