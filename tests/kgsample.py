"""Small hand-built article graphs in the contract vocabulary, for the store,
query, export, view and API tests.

Two articles:

* ``sco-astana`` — the SCO (eight member states), a planned summit in Astana
  (3–4 July 2024) hosted by Kazakhstan, Putin and Tokayev, a package of 24
  documents signed and a declaration adopted there, a bilateral meeting on the
  sidelines, one evidence node;
* ``brics-kazan`` — BRICS (five members), a summit in Kazan (22–24 October
  2024) that happened, Türkiye as a partner, two people whose alt label is
  "Li" (an ambiguous name).
"""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.namespaces import DKG, DKGR, PREFIXES, WD

ART_SCO = URIRef(DKGR["article/sco-astana"])
ART_BRICS = URIRef(DKGR["article/brics-kazan"])

SCO = DKGR["org/SCO"]
BRICS = DKGR["org/BRICS"]
SUMMIT = DKGR["event/sco-summit-astana-2024"]
KAZAN = DKGR["event/brics-summit-kazan-2024"]
BILATERAL = DKGR["event/putin-xi-astana-2024"]
PACKAGE = DKGR["agreement/sco-astana-2024-package"]
DECLARATION = DKGR["agreement/astana-declaration"]
PUTIN = DKGR["person/vladimir-putin"]
TOKAYEV = DKGR["person/kassym-jomart-tokayev"]
XI = DKGR["person/xi-jinping"]
LI_QIANG = DKGR["person/li-qiang"]
LI_HUI = DKGR["person/li-hui"]
ASTANA = DKGR["place/astana"]
KAZAN_CITY = DKGR["place/kazan"]

SCO_MEMBERS = {"CHN": ("China", "Q148"), "IND": ("India", "Q668"),
               "KAZ": ("Kazakhstan", "Q232"), "KGZ": ("Kyrgyzstan", "Q813"),
               "PAK": ("Pakistan", "Q843"), "RUS": ("Russia", "Q159"),
               "TJK": ("Tajikistan", "Q863"), "UZB": ("Uzbekistan", "Q265")}
BRICS_MEMBERS = {"BRA": ("Brazil", "Q155"), "RUS": ("Russia", "Q159"), "IND": ("India", "Q668"),
                 "CHN": ("China", "Q148"), "ZAF": ("South Africa", "Q258")}


def state(code: str) -> URIRef:
    return DKGR[f"state/{code}"]


def _graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def _entity(g: Graph, iri, cls, label, article, *, alts=(), qid=None):
    g.add((iri, RDF.type, cls))
    g.add((iri, RDFS.label, Literal(label)))
    for alt in alts:
        g.add((iri, SKOS.altLabel, Literal(alt)))
    if qid:
        g.add((iri, OWL.sameAs, WD[qid]))
    g.add((iri, DKG.mentionedIn, article))


def _article(g: Graph, iri, article_id, headline, published, sha):
    g.add((iri, RDF.type, DKG.Article))
    g.add((iri, DKG.articleId, Literal(article_id)))
    g.add((iri, DKG.headline, Literal(headline)))
    g.add((iri, DKG.published, Literal(published, datatype=XSD.date)))
    g.add((iri, DKG.sha256, Literal(sha)))


def sco_graph(*, sha: str = "a" * 64) -> Graph:
    """The graph of the ``sco-astana`` article."""
    g, a = _graph(), ART_SCO
    _article(g, a, "sco-astana", "Putin arrives in Kazakhstan for SCO summit", "2024-07-03", sha)
    _entity(g, SCO, DKG.InternationalOrganization, "Shanghai Cooperation Organisation", a,
            alts=("SCO", "Shanghai Cooperation Organization"), qid="Q485207")
    g.add((SCO, DKG.founded, Literal("2001", datatype=XSD.gYear)))
    for code, (name, qid) in SCO_MEMBERS.items():
        _entity(g, state(code), DKG.State, name, a, qid=qid)
        g.add((state(code), DKG.memberOf, SCO))
    _entity(g, PUTIN, DKG.Person, "Vladimir Putin", a, alts=("Putin",), qid="Q7747")
    g.add((PUTIN, DKG.leaderOf, state("RUS")))
    g.add((PUTIN, DKG.title, Literal("President")))
    _entity(g, TOKAYEV, DKG.Person, "Kassym-Jomart Tokayev", a, alts=("Tokayev",))
    g.add((TOKAYEV, DKG.leaderOf, state("KAZ")))
    g.add((TOKAYEV, DKG.title, Literal("President")))
    _entity(g, XI, DKG.Person, "Xi Jinping", a, alts=("Xi",))
    g.add((XI, DKG.leaderOf, state("CHN")))
    g.add((XI, DKG.title, Literal("President")))
    _entity(g, ASTANA, DKG.City, "Astana", a)
    g.add((state("KAZ"), DKG.capital, ASTANA))
    _entity(g, SUMMIT, DKG.Summit, "SCO summit in Astana", a, alts=("SCO summit",))
    for p, o in [(DKG.organizedBy, SCO), (DKG.location, ASTANA), (DKG.hostCountry, state("KAZ")),
                 (DKG.startDate, Literal("2024-07-03", datatype=XSD.date)),
                 (DKG.endDate, Literal("2024-07-04", datatype=XSD.date)),
                 (DKG.status, DKG.Planned), (DKG.participant, PUTIN),
                 (DKG.participant, state("RUS")), (DKG.participant, TOKAYEV),
                 (DKG.theme, Literal("Strengthening Multilateral Dialogue"))]:
        g.add((SUMMIT, p, o))
    _entity(g, BILATERAL, DKG.BilateralMeeting, "Putin–Xi meeting in Astana", a)
    for p, o in [(DKG.partOf, SUMMIT), (DKG.participant, PUTIN), (DKG.participant, XI),
                 (DKG.location, ASTANA), (DKG.status, DKG.Planned)]:
        g.add((BILATERAL, p, o))
    _entity(g, PACKAGE, DKG.AgreementPackage, "package of 24 joint documents", a)
    g.add((PACKAGE, DKG.documentCount, Literal(24, datatype=XSD.integer)))
    g.add((PACKAGE, DKG.signedAt, SUMMIT))
    _entity(g, DECLARATION, DKG.Declaration, "Astana Declaration", a, alts=("final declaration",))
    g.add((DECLARATION, DKG.adoptedAt, SUMMIT))
    ev = DKGR["evidence/sco-astana/0001"]
    g.add((ev, RDF.type, DKG.Evidence))
    g.add((ev, RDF.subject, state("RUS")))
    g.add((ev, RDF.predicate, DKG.memberOf))
    g.add((ev, RDF.object, SCO))
    g.add((ev, DKG.fromArticle, a))
    g.add((ev, DKG.sentence, Literal("The SCO member countries include China, India, "
                                     "Kazakhstan, Kyrgyzstan, Pakistan, Russia, Tajikistan, "
                                     "and Uzbekistan.")))
    g.add((ev, DKG.charStart, Literal(900, datatype=XSD.integer)))
    g.add((ev, DKG.charEnd, Literal(906, datatype=XSD.integer)))
    g.add((ev, DKG.rule, Literal("member-list")))
    return g


def brics_graph(*, sha: str = "b" * 64) -> Graph:
    """The graph of the ``brics-kazan`` article."""
    g, a = _graph(), ART_BRICS
    _article(g, a, "brics-kazan", "BRICS leaders meet in Kazan", "2024-10-24", sha)
    _entity(g, BRICS, DKG.InternationalOrganization, "BRICS", a, qid="Q485262")
    for code, (name, qid) in BRICS_MEMBERS.items():
        _entity(g, state(code), DKG.State, name, a, qid=qid)
        g.add((state(code), DKG.memberOf, BRICS))
    _entity(g, state("TUR"), DKG.State, "Türkiye", a, alts=("Turkey",), qid="Q43")
    g.add((state("TUR"), DKG.partnerOf, BRICS))
    _entity(g, PUTIN, DKG.Person, "Vladimir Putin", a, alts=("Putin",), qid="Q7747")
    _entity(g, KAZAN_CITY, DKG.City, "Kazan", a)
    _entity(g, KAZAN, DKG.Summit, "BRICS summit in Kazan", a)
    for p, o in [(DKG.organizedBy, BRICS), (DKG.location, KAZAN_CITY),
                 (DKG.hostCountry, state("RUS")),
                 (DKG.startDate, Literal("2024-10-22", datatype=XSD.date)),
                 (DKG.endDate, Literal("2024-10-24", datatype=XSD.date)),
                 (DKG.status, DKG.Happened), (DKG.participant, PUTIN)]:
        g.add((KAZAN, p, o))
    _entity(g, LI_QIANG, DKG.Person, "Li Qiang", a, alts=("Li",))
    g.add((LI_QIANG, DKG.officialOf, state("CHN")))
    g.add((LI_QIANG, DKG.title, Literal("Premier")))
    _entity(g, LI_HUI, DKG.Person, "Li Hui", a, alts=("Li",))
    g.add((LI_HUI, DKG.officialOf, state("CHN")))
    g.add((LI_HUI, DKG.title, Literal("Special Envoy")))
    return g


def load_sample(store) -> None:
    """Put both article graphs into ``store``."""
    store.replace_graph(str(ART_SCO), sco_graph())
    store.replace_graph(str(ART_BRICS), brics_graph())


ARTICLE_TEXT = (
    "Putin arrives in Kazakhstan for SCO summit\n\n"
    "Russian President Vladimir Putin arrived in Astana on Wednesday for the summit of the "
    "Shanghai Cooperation Organization (SCO), held on July 3-4. The SCO member countries "
    "include China, India, Kazakhstan, Kyrgyzstan, Pakistan, Russia, Tajikistan and "
    "Uzbekistan. A package of 24 joint documents will be signed.\n"
)
