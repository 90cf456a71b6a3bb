"""SHACL shapes (ontology/shapes.ttl) and the JSON-LD context (ontology/context.jsonld).

Graphs are built by hand in the contract vocabulary with only the most specific
``rdf:type``, as kg.rdf writes them; shapes see the class hierarchy because
:func:`kg.ontology.validate` mixes the ontology in (``ont_graph``).
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import SKOS

from kg import ontology
from kg.namespaces import DKG, DKGR, WD

pyshacl = pytest.importorskip("pyshacl")

SH = Namespace("http://www.w3.org/ns/shacl#")
# a plain Namespace: pytest probes module globals, and rdflib's closed XSD warns on them
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
GOLD_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"

# the nodes of the sample graph
ART = DKGR["article/sco-astana-2024"]
KAZ = DKGR["state/KAZ"]
RUS = DKGR["state/RUS"]
SCO = DKGR["org/SCO"]
COUNCIL = DKGR["org/sco-council-of-heads-of-state"]
PUTIN = DKGR["person/vladimir-putin"]
ASTANA = DKGR["city/astana"]
CENTRAL_ASIA = DKGR["region/central-asia"]
SUMMIT = DKGR["event/sco-summit-astana-2024"]
MEETING = DKGR["event/putin-tokayev-astana-2024"]
VISIT = DKGR["event/putin-visit-astana-2024"]
DECL = DKGR["agreement/astana-declaration"]
PACKAGE = DKGR["agreement/sco-astana-2024-package"]
EVIDENCE = DKGR["evidence/sco-astana-2024/0123456789abcdef"]


def sample_graph() -> Graph:
    """A valid article graph touching every class and property of the contract."""
    g = Graph()

    def entity(node, cls, label, *alts, qid=None):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
        for alt in alts:
            g.add((node, SKOS.altLabel, Literal(alt)))
        if qid:
            g.add((node, OWL.sameAs, WD[qid]))
        g.add((node, DKG.mentionedIn, ART))

    g.add((ART, RDF.type, DKG.Article))
    g.add((ART, DKG.articleId, Literal("sco-astana-2024")))
    g.add((ART, DKG.headline, Literal("SCO leaders gather in Astana")))
    g.add((ART, DKG.published, Literal("2024-07-04", datatype=XSD.date)))
    g.add((ART, DKG.sha256, Literal("ab" * 32)))
    g.add((ART, DKG.url, Literal("https://example.org/sco-astana", datatype=XSD.anyURI)))

    entity(KAZ, DKG.State, "Kazakhstan", "Kazakh", qid="Q232")
    entity(RUS, DKG.State, "Russia", "Russian Federation", qid="Q159")
    entity(SCO, DKG.InternationalOrganization, "Shanghai Cooperation Organisation", "SCO",
           qid="Q485207")
    entity(COUNCIL, DKG.Organ, "SCO Council of Heads of State")
    entity(PUTIN, DKG.Person, "Vladimir Putin", "Putin", qid="Q7747")
    entity(ASTANA, DKG.City, "Astana", qid="Q1520")
    entity(CENTRAL_ASIA, DKG.Region, "Central Asia")
    entity(SUMMIT, DKG.Summit, "SCO summit in Astana")
    entity(MEETING, DKG.BilateralMeeting, "Putin-Tokayev meeting")
    entity(VISIT, DKG.Visit, "Putin's visit to Astana")
    entity(DECL, DKG.Declaration, "Astana Declaration")
    entity(PACKAGE, DKG.AgreementPackage, "package of 24 documents")

    g.add((KAZ, DKG.capital, ASTANA))
    g.add((KAZ, DKG.memberOf, SCO))
    g.add((RUS, DKG.memberOf, SCO))
    g.add((SCO, DKG.hasMember, RUS))
    g.add((SCO, DKG.founded, Literal("2001", datatype=XSD.gYear)))
    g.add((PUTIN, DKG.leaderOf, RUS))
    g.add((PUTIN, DKG.title, Literal("President")))

    g.add((SUMMIT, DKG.organizedBy, SCO))
    g.add((SUMMIT, DKG.location, ASTANA))
    g.add((SUMMIT, DKG.hostCountry, KAZ))
    g.add((SUMMIT, DKG.startDate, Literal("2024-07-03", datatype=XSD.date)))
    g.add((SUMMIT, DKG.endDate, Literal("2024-07-04", datatype=XSD.date)))
    g.add((SUMMIT, DKG.status, DKG.Happened))
    g.add((SUMMIT, DKG.theme, Literal("Strengthening multilateral dialogue")))
    g.add((SUMMIT, DKG.participant, PUTIN))
    g.add((SUMMIT, DKG.participant, RUS))
    g.add((MEETING, DKG.partOf, SUMMIT))
    g.add((MEETING, DKG.organizedBy, COUNCIL))
    g.add((MEETING, DKG.participant, PUTIN))
    g.add((MEETING, DKG.status, DKG.Planned))
    g.add((VISIT, DKG.location, CENTRAL_ASIA))
    g.add((VISIT, DKG.participant, SCO))

    g.add((DECL, DKG.adoptedAt, SUMMIT))
    g.add((DECL, DKG.signatory, RUS))
    g.add((PACKAGE, DKG.signedAt, SUMMIT))
    g.add((PACKAGE, DKG.signatory, PUTIN))
    g.add((PACKAGE, DKG.documentCount, Literal(24, datatype=XSD.integer)))

    g.add((EVIDENCE, RDF.type, DKG.Evidence))
    g.add((EVIDENCE, RDF.subject, RUS))
    g.add((EVIDENCE, RDF.predicate, DKG.memberOf))
    g.add((EVIDENCE, RDF.object, SCO))
    g.add((EVIDENCE, DKG.fromArticle, ART))
    g.add((EVIDENCE, DKG.sentence, Literal("Russia is a member of the SCO.")))
    g.add((EVIDENCE, DKG.charStart, Literal(120, datatype=XSD.integer)))
    g.add((EVIDENCE, DKG.charEnd, Literal(126, datatype=XSD.integer)))
    g.add((EVIDENCE, DKG.rule, Literal("member-of/apposition")))
    return g


def violations(result) -> set[tuple]:
    """(focus node, result path or None, constraint component) of every result."""
    report = result.report_graph
    return {
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath),
         report.value(r, SH.sourceConstraintComponent))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }


def add(*triples):
    """A mutation that adds triples."""
    def mutate(g: Graph) -> None:
        for triple in triples:
            g.add(triple)
    return mutate


def remove(s, p):
    """A mutation that removes every value of ``p`` on ``s``."""
    return lambda g: g.remove((s, p, None))


def replace(s, p, o):
    """A mutation that replaces every value of ``p`` on ``s`` with ``o``."""
    def mutate(g: Graph) -> None:
        g.remove((s, p, None))
        g.add((s, p, o))
    return mutate


def test_sample_graph_conforms():
    result = ontology.validate(sample_graph())
    assert result.conforms, result.report_text
    assert violations(result) == set()


def test_validate_does_not_modify_the_data_graph():
    g = sample_graph()
    before = len(g)
    ontology.validate(g)
    assert len(g) == before


# (name, mutation of the sample graph, the exact violations expected)
MUTATIONS = [
    ("summit with two locations",
     add((SUMMIT, DKG.location, DKGR["city/almaty"]),
         (DKGR["city/almaty"], RDF.type, DKG.City),
         (DKGR["city/almaty"], RDFS.label, Literal("Almaty"))),
     {(SUMMIT, DKG.location, SH.MaxCountConstraintComponent)}),
    ("memberOf pointing to a person",
     add((RUS, DKG.memberOf, PUTIN)),
     {(RUS, DKG.memberOf, SH.ClassConstraintComponent)}),
    # a plain string is also not comparable with the xsd:date endDate
    ("startDate a plain string",
     replace(SUMMIT, DKG.startDate, Literal("2024-07-03")),
     {(SUMMIT, DKG.startDate, SH.DatatypeConstraintComponent),
      (SUMMIT, DKG.startDate, SH.LessThanOrEqualsConstraintComponent)}),
    ("startDate after endDate",
     replace(SUMMIT, DKG.startDate, Literal("2024-07-05", datatype=XSD.date)),
     {(SUMMIT, DKG.startDate, SH.LessThanOrEqualsConstraintComponent)}),
    ("status pointing elsewhere",
     replace(SUMMIT, DKG.status, DKGR["status/postponed"]),
     {(SUMMIT, DKG.status, SH.InConstraintComponent)}),
    ("status a literal",
     replace(SUMMIT, DKG.status, Literal("happened")),
     {(SUMMIT, DKG.status, SH.InConstraintComponent)}),
    ("two statuses in one article graph",
     add((SUMMIT, DKG.status, DKG.Planned)),
     {(SUMMIT, DKG.status, SH.MaxCountConstraintComponent)}),
    ("documentCount negative",
     replace(PACKAGE, DKG.documentCount, Literal(-3, datatype=XSD.integer)),
     {(PACKAGE, DKG.documentCount, SH.MinInclusiveConstraintComponent)}),
    ("documentCount a string",
     replace(PACKAGE, DKG.documentCount, Literal("24")),
     {(PACKAGE, DKG.documentCount, SH.DatatypeConstraintComponent),
      (PACKAGE, DKG.documentCount, SH.MinInclusiveConstraintComponent)}),
    ("documentCount on an agreement",
     add((DECL, DKG.documentCount, Literal(2, datatype=XSD.integer))),
     {(DECL, None, SH.ClassConstraintComponent)}),
    ("founded an integer, not a gYear",
     replace(SCO, DKG.founded, Literal(2001)),
     {(SCO, DKG.founded, SH.DatatypeConstraintComponent)}),
    ("two labels",
     add((PUTIN, RDFS.label, Literal("Putin"))),
     {(PUTIN, RDFS.label, SH.MaxCountConstraintComponent)}),
    ("no label on a subclass instance",
     remove(MEETING, RDFS.label),
     {(MEETING, RDFS.label, SH.MinCountConstraintComponent)}),
    ("sameAs not a Wikidata item",
     replace(RUS, OWL.sameAs, URIRef("http://dbpedia.org/resource/Russia")),
     {(RUS, OWL.sameAs, SH.PatternConstraintComponent)}),
    ("leaderOf said of a state",
     add((KAZ, DKG.leaderOf, SCO)),
     {(KAZ, None, SH.ClassConstraintComponent)}),
    ("officialOf pointing to a city",
     add((PUTIN, DKG.officialOf, ASTANA)),
     {(PUTIN, DKG.officialOf, SH.OrConstraintComponent)}),
    ("title not a string",
     replace(PUTIN, DKG.title, Literal(1)),
     {(PUTIN, DKG.title, SH.DatatypeConstraintComponent)}),
    ("capital pointing to a state",
     replace(KAZ, DKG.capital, RUS),
     {(KAZ, DKG.capital, SH.ClassConstraintComponent)}),
    ("signedAt pointing to a city",
     replace(PACKAGE, DKG.signedAt, ASTANA),
     {(PACKAGE, DKG.signedAt, SH.ClassConstraintComponent)}),
    ("partOf between a meeting and a city",
     replace(MEETING, DKG.partOf, ASTANA),
     {(MEETING, DKG.partOf, SH.ClassConstraintComponent)}),
    ("participant a city",
     add((SUMMIT, DKG.participant, ASTANA)),
     {(SUMMIT, DKG.participant, SH.OrConstraintComponent)}),
    ("evidence without its article",
     remove(EVIDENCE, DKG.fromArticle),
     {(EVIDENCE, DKG.fromArticle, SH.MinCountConstraintComponent)}),
    ("evidence offsets reversed",
     replace(EVIDENCE, DKG.charStart, Literal(130, datatype=XSD.integer)),
     {(EVIDENCE, DKG.charStart, SH.LessThanOrEqualsConstraintComponent)}),
    ("evidence offset negative and untyped",
     replace(EVIDENCE, DKG.charEnd, Literal("-1")),
     {(EVIDENCE, DKG.charEnd, SH.DatatypeConstraintComponent),
      (EVIDENCE, DKG.charEnd, SH.MinInclusiveConstraintComponent),
      (EVIDENCE, DKG.charStart, SH.LessThanOrEqualsConstraintComponent)}),
    ("article without sha256",
     remove(ART, DKG.sha256),
     {(ART, DKG.sha256, SH.MinCountConstraintComponent)}),
    ("mentionedIn pointing to an entity",
     add((PUTIN, DKG.mentionedIn, RUS)),
     {(PUTIN, DKG.mentionedIn, SH.ClassConstraintComponent)}),
]


@pytest.mark.parametrize("mutate, expected", [m[1:] for m in MUTATIONS],
                         ids=[m[0] for m in MUTATIONS])
def test_violation_is_reported_on_the_offending_node_and_path(mutate, expected):
    g = sample_graph()
    mutate(g)
    result = ontology.validate(g)
    assert not result.conforms
    assert violations(result) == expected, result.report_text


def test_subclass_targets_come_from_the_ontology_graph():
    # Without the ontology mixed in, sh:targetClass dkg:Event finds no dkg:Summit (the
    # two locations go unnoticed) and sh:class dkg:Organization rejects an organ. This is
    # why validate() passes ont_graph.
    g = sample_graph()
    g.add((SUMMIT, DKG.location, CENTRAL_ASIA))
    _, report, _ = pyshacl.validate(g, shacl_graph=ontology.load_shapes(), inference="none")
    without = violations(ontology.ValidationResult(False, "", report))
    assert (SUMMIT, DKG.location, SH.MaxCountConstraintComponent) not in without
    assert (MEETING, DKG.organizedBy, SH.ClassConstraintComponent) in without
    result = ontology.validate(g)
    assert violations(result) == {(SUMMIT, DKG.location, SH.MaxCountConstraintComponent)}


def test_shapes_graph_is_well_formed_shacl():
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=ontology.load_shapes(),
                                         meta_shacl=True)
    assert conforms, text


def test_shape_datatypes_match_ontology_ranges():
    onto, shapes = ontology.load_ontology(), ontology.load_shapes()
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        if not str(prop).startswith(str(DKG._NS)):
            continue
        shape = shapes.value(predicate=SH.targetSubjectsOf, object=prop)
        assert shape is not None, f"no property shape for {prop}"
        checks = [p for p in shapes.objects(shape, SH.property)
                  if shapes.value(p, SH.path) == prop]
        datatypes = {shapes.value(p, SH.datatype) for p in checks} - {None}
        assert datatypes == {onto.value(prop, RDFS.range)}, prop


def test_shapes_cover_every_property_of_the_ontology():
    onto, shapes = ontology.load_ontology(), ontology.load_shapes()
    props = {p for t in (OWL.ObjectProperty, OWL.DatatypeProperty)
             for p in onto.subjects(RDF.type, t) if str(p).startswith(str(DKG._NS))}
    targeted = set(shapes.objects(None, SH.targetSubjectsOf))
    assert props - targeted == set()


def test_status_values_match_the_ontology_enumeration():
    onto, shapes = ontology.load_ontology(), ontology.load_shapes()
    in_list = next(shapes.objects(None, SH["in"]))
    one_of = onto.value(onto.value(DKG.EventStatus, OWL.equivalentClass), OWL.oneOf)
    assert set(Collection(shapes, in_list)) == set(Collection(onto, one_of)) == {
        DKG.Planned, DKG.Happened}


def _gold_graphs():
    script = GOLD_DIR.parent / "gold2ttl.py"
    if not script.exists():
        pytest.skip(f"evaluation set not found at {GOLD_DIR}")
    spec = importlib.util.spec_from_file_location("gold2ttl", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {p.name: module.render(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(GOLD_DIR.glob("*.gold.json"))}


def test_gold_graphs_of_the_evaluation_set_conform():
    graphs = _gold_graphs()
    assert graphs
    for name, g in graphs.items():
        result = ontology.validate(g)
        assert result.conforms, f"{name}:\n{result.report_text}"


# ---------------------------------------------------------------------------------------
# JSON-LD context
# ---------------------------------------------------------------------------------------


@pytest.fixture
def no_remote_contexts(monkeypatch):
    """Fail the test if rdflib tries to fetch a context document."""
    from rdflib.plugins.shared.jsonld import context as jsonld_context

    def refuse(self, source, *args, **kwargs):
        raise AssertionError(f"tried to fetch a remote JSON-LD context: {source!r}")

    monkeypatch.setattr(jsonld_context.Context, "_fetch_context", refuse)


def test_context_file_is_self_contained():
    document = json.loads(ontology.context_path().read_text(encoding="utf-8"))
    assert set(document) == {"@context"}
    assert document["@context"] == ontology.load_context()

    def no_references(value):
        if isinstance(value, dict):
            assert "@import" not in value and "@context" not in value
            for v in value.values():
                no_references(v)

    no_references(document["@context"])


def test_context_coerces_every_property_like_the_ontology():
    ctx, onto = ontology.load_context(), ontology.load_ontology()
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        if str(prop).startswith(str(DKG._NS)):
            name = prop[len(DKG._NS):]
            # multi-valued properties are always arrays ("@container": "@set")
            plain = {k: v for k, v in ctx[name].items() if k != "@container"}
            assert plain == {"@id": f"dkg:{name}", "@type": "@id"}, name
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        if str(prop).startswith(str(DKG._NS)):
            name = prop[len(DKG._NS):]
            rng = onto.value(prop, RDFS.range)
            expected = {"@id": f"dkg:{name}"}
            if rng != XSD.string:
                expected["@type"] = "xsd:" + rng[len(str(XSD)):]
            assert {k: v for k, v in ctx[name].items() if k != "@container"} == expected, name


def test_json_ld_export_has_plain_keys_and_round_trips(no_remote_contexts):
    g = sample_graph()
    ctx = json.loads(ontology.context_path().read_text(encoding="utf-8"))["@context"]
    text = g.serialize(format="json-ld", context=ctx, auto_compact=True)
    document = json.loads(text)
    nodes = {node["id"]: node for node in document["@graph"]}

    russia = nodes[str(RUS)]
    assert russia["type"] == "State"
    assert russia["label"] == "Russia"
    assert russia["altLabels"] == ["Russian Federation"]
    assert russia["memberOf"] == [str(SCO)]  # a list even with one value
    assert russia["sameAs"] == "wd:Q159"
    summit = nodes[str(SUMMIT)]
    assert summit["startDate"] == "2024-07-03"
    assert summit["status"] == "dkg:Happened"
    assert nodes[str(PACKAGE)]["documentCount"] == "24"
    assert nodes[str(SCO)]["founded"] == "2001"
    keys = {k for node in document["@graph"] for k in node}
    assert not [k for k in keys if ":" in k or k.startswith("@")], keys

    back = Graph().parse(data=text, format="json-ld", context=ctx)
    if not isomorphic(g, back):
        _, only_in_g, only_in_back = graph_diff(to_isomorphic(g), to_isomorphic(back))
        pytest.fail(f"round trip differs:\n- {sorted(only_in_g)}\n+ {sorted(only_in_back)}")


def test_plain_json_reads_as_rdf_with_the_local_context(no_remote_contexts):
    # plain JSON without "@context" (what a client posts) reads as RDF with the local context
    ctx = ontology.load_context()
    doc = {"id": str(RUS), "type": "State", "label": "Russia", "memberOf": str(SCO)}
    back = Graph().parse(data=json.dumps(doc), format="json-ld", context=ctx)
    assert (RUS, RDF.type, DKG.State) in back
    assert (RUS, DKG.memberOf, SCO) in back
    assert (RUS, RDFS.label, Literal("Russia")) in back
