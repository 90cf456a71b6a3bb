"""The OWL ontology (ontology/diplokg.ttl): declarations, contract axioms, OWL 2 DL, HermiT.

HermiT tests (marker ``hermit``) start Java once each, about 1-2 s.
"""
from __future__ import annotations

import shutil
import time
import warnings

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg import ontology
from kg.errors import KGError
from kg.namespaces import DKG, DKGR, ORG, PROV, SCHEMA, SEM

owlready2 = pytest.importorskip("owlready2")

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # plain: see test_shapes.py
ONTOLOGY_IRI = URIRef("https://w3id.org/diplokg/ontology")
ENTITY_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                OWL.NamedIndividual}
DKG_TERMS = sorted(DKG[name] for name in DKG.__annotations__)

needs_java = pytest.mark.skipif(shutil.which(owlready2.JAVA_EXE) is None,
                                reason=f"Java ({owlready2.JAVA_EXE}) not found")
hermit = [pytest.mark.hermit, needs_java]


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology.load_ontology()


def local(term) -> str:
    return str(term)[len(str(DKG._NS)):]


def class_set(g: Graph, node) -> set:
    """A named class, or the members of an owl:unionOf, as a set of IRIs."""
    union = g.value(node, OWL.unionOf)
    return set(Collection(g, union)) if union is not None else {node}


# ---------------------------------------------------------------------------------------
# (a) declarations, labels, comments
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("term", DKG_TERMS, ids=local)
def test_every_dkg_term_is_declared_with_label_and_comment(onto, term):
    declared = set(onto.objects(term, RDF.type)) & ENTITY_TYPES
    assert declared, f"{local(term)} has no OWL declaration"
    labels = list(onto.objects(term, RDFS.label))
    comments = list(onto.objects(term, RDFS.comment))
    assert len(labels) == 1 and labels[0].language == "en", local(term)
    assert len(comments) == 1 and len(comments[0]) > 10, local(term)


def test_ontology_declares_no_term_outside_the_namespace_class(onto):
    declared = {s for t in ENTITY_TYPES for s in onto.subjects(RDF.type, t)
                if str(s).startswith(str(DKG._NS))}
    assert declared == set(DKG_TERMS)


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    assert onto.value(ONTOLOGY_IRI, RDFS.comment) is not None


def test_no_iri_has_two_kinds(onto):
    # OWL 2 DL: a property is an object or a datatype or an annotation property, and
    # no class is also a property (the only punning allowed here: none)
    kinds = [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty]
    for s in {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef)}:
        assert len(set(onto.objects(s, RDF.type)) & set(kinds)) <= 1, s


def test_every_external_term_in_an_axiom_is_declared(onto):
    # the DL typing constraint: schema.org / ORG / PROV / SEM terms are declared here
    for p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf, RDFS.domain, RDFS.range):
        for s, o in onto.subject_objects(p):
            for term in (s, o):
                if isinstance(term, URIRef) and not str(term).startswith(str(XSD)):
                    assert set(onto.objects(term, RDF.type)) & ENTITY_TYPES, (p, term)


def test_class_hierarchy(onto):
    expected = {
        DKG.InternationalOrganization: {DKG.Organization, ORG.FormalOrganization},
        DKG.Organ: {DKG.Organization, ORG.OrganizationalUnit},
        DKG.Organization: {ORG.Organization, SCHEMA.Organization, PROV.Agent},
        DKG.City: {DKG.Place, SCHEMA.City},
        DKG.Region: {DKG.Place},
        DKG.Place: {SCHEMA.Place, SEM.Place},
        DKG.Event: {SCHEMA.Event, SEM.Event},
        DKG.Summit: {DKG.Event},
        DKG.Meeting: {DKG.Event},
        DKG.Visit: {DKG.Event},
        DKG.BilateralMeeting: {DKG.Meeting},
        DKG.Declaration: {DKG.Agreement},
        DKG.State: {SCHEMA.Country, PROV.Agent},
        DKG.Person: {SCHEMA.Person, PROV.Agent},
        DKG.Article: {SCHEMA.NewsArticle, PROV.Entity},
        DKG.Evidence: {PROV.Entity},
    }
    for cls, supers in expected.items():
        assert set(onto.objects(cls, RDFS.subClassOf)) == supers, local(cls)
    # a package is a sibling of Agreement, not a subclass
    assert DKG.Agreement not in set(onto.transitive_objects(DKG.AgreementPackage,
                                                            RDFS.subClassOf))


def test_core_classes_are_pairwise_disjoint(onto):
    core = {DKG.State, DKG.Organization, DKG.Person, DKG.Place, DKG.Event, DKG.Agreement}
    groups = [set(Collection(onto, onto.value(n, OWL.members)))
              for n in onto.subjects(RDF.type, OWL.AllDisjointClasses)]
    assert core in groups
    assert any({DKG.AgreementPackage} | core <= group for group in groups)


def test_contract_domains_and_ranges(onto):
    S, O, P = DKG.State, DKG.Organization, DKG.Person
    A = {DKG.Agreement, DKG.AgreementPackage}
    expected = {
        DKG.memberOf: ({S, O}, {DKG.InternationalOrganization}),
        DKG.hasMember: ({DKG.InternationalOrganization}, {S, O}),
        DKG.observerOf: ({S, O}, {DKG.InternationalOrganization}),
        DKG.partnerOf: ({S, O}, {DKG.InternationalOrganization}),
        DKG.leaderOf: ({P}, {S, O}),
        DKG.officialOf: ({P}, {S, O}),
        DKG.title: ({P}, {XSD.string}),
        DKG.organizedBy: ({DKG.Event}, {O}),
        DKG.location: ({DKG.Event}, {DKG.Place}),
        DKG.hostCountry: ({DKG.Event}, {S}),
        DKG.startDate: ({DKG.Event}, {XSD.date}),
        DKG.endDate: ({DKG.Event}, {XSD.date}),
        DKG.participant: ({DKG.Event}, {P, S, O}),
        DKG.partOf: ({DKG.Event}, {DKG.Event}),
        DKG.signedAt: (A, {DKG.Event}),
        DKG.adoptedAt: (A, {DKG.Event}),
        DKG.signatory: (A, {S, P, O}),  # domain widened to packages, see the ontology
        DKG.documentCount: ({DKG.AgreementPackage}, {XSD.integer}),
        DKG.founded: ({O}, {XSD.gYear}),
        DKG.capital: ({S}, {DKG.City}),
        DKG.theme: ({DKG.Event}, {XSD.string}),
        DKG.status: ({DKG.Event}, {DKG.EventStatus}),
        DKG.published: ({DKG.Article}, {XSD.date}),
        DKG.fromArticle: ({DKG.Evidence}, {DKG.Article}),
        DKG.charStart: ({DKG.Evidence}, {XSD.integer}),
        DKG.charEnd: ({DKG.Evidence}, {XSD.integer}),
    }
    for prop, (domain, rng) in expected.items():
        assert class_set(onto, onto.value(prop, RDFS.domain)) == domain, local(prop)
        assert class_set(onto, onto.value(prop, RDFS.range)) == rng, local(prop)
    assert (DKG.mentionedIn, RDFS.range, DKG.Article) in onto
    assert (DKG.hasMember, OWL.inverseOf, DKG.memberOf) in onto


def test_property_kinds(onto):
    literal_valued = {DKG.title, DKG.theme, DKG.startDate, DKG.endDate, DKG.documentCount,
                      DKG.founded, DKG.headline, DKG.published, DKG.sha256, DKG.url,
                      DKG.articleId, DKG.sentence, DKG.charStart, DKG.charEnd, DKG.rule}
    for term in DKG_TERMS:
        kinds = set(onto.objects(term, RDF.type))
        if term in literal_valued:
            assert OWL.DatatypeProperty in kinds, local(term)
        elif term[len(DKG._NS)].islower():
            assert OWL.ObjectProperty in kinds, local(term)


def test_only_provenance_properties_are_functional(onto):
    functional = set(onto.subjects(RDF.type, OWL.FunctionalProperty))
    assert functional == {DKG.articleId, DKG.headline, DKG.published, DKG.sha256, DKG.url,
                          DKG.fromArticle, DKG.sentence, DKG.charStart, DKG.charEnd,
                          DKG.rule}


def test_event_status_is_a_closed_enumeration(onto):
    one_of = onto.value(onto.value(DKG.EventStatus, OWL.equivalentClass), OWL.oneOf)
    assert set(Collection(onto, one_of)) == {DKG.Planned, DKG.Happened}
    for value in (DKG.Planned, DKG.Happened):
        assert {OWL.NamedIndividual, DKG.EventStatus} <= set(onto.objects(value, RDF.type))
    different = [set(Collection(onto, onto.value(n, OWL.distinctMembers)))
                 for n in onto.subjects(RDF.type, OWL.AllDifferent)]
    assert {DKG.Planned, DKG.Happened} in different


# ---------------------------------------------------------------------------------------
# (b)-(d) owlready2 and HermiT
# ---------------------------------------------------------------------------------------


def load_world(tmp_path, extra: Graph | None = None):
    """A fresh owlready2 World holding the ontology (+ extra triples), via N-Triples."""
    g = Graph()
    g += ontology.load_ontology()
    if extra is not None:
        g += extra
    path = tmp_path / "diplokg.nt"
    g.serialize(destination=path, format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    return world


def reason(world):
    # xsd:date and xsd:gYear are outside the OWL 2 datatype map: without the flag HermiT
    # refuses the ontology (and any data with dates) instead of reasoning
    owlready2.sync_reasoner(world, infer_property_values=False, debug=0,
                            ignore_unsupported_datatypes=True)


def test_owlready2_loads_the_ontology_without_warnings(tmp_path, capfd):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        world = load_world(tmp_path)
        classes = {c.iri for c in world.classes()}
        props = {p.iri: p for p in world.properties()}
        individuals = {i.iri for i in world.individuals()}
    out, err = capfd.readouterr()
    assert not [w for w in caught if issubclass(w.category, owlready2.OwlReadyWarning)]
    assert "Warning" not in out + err
    dkg = {str(t) for t in DKG_TERMS}
    assert dkg & classes | dkg & set(props) | dkg & individuals == dkg
    assert not classes & set(props)  # no punning between classes and properties
    assert isinstance(props[str(DKG.memberOf)], owlready2.ObjectPropertyClass)
    assert isinstance(props[str(DKG.startDate)], owlready2.DataPropertyClass)
    assert world[str(DKG.Event)] in world[str(DKG.BilateralMeeting)].ancestors()
    world.close()


@pytest.mark.hermit
@needs_java
def test_ontology_is_consistent_under_hermit(tmp_path):
    world = load_world(tmp_path)
    t0 = time.perf_counter()
    reason(world)  # raises OwlReadyInconsistentOntologyError if not
    assert time.perf_counter() - t0 < 30
    # no class became unsatisfiable
    assert list(world.inconsistent_classes()) == []
    world.close()


@pytest.mark.hermit
@needs_java
@pytest.mark.parametrize("classes", [(DKG.State, DKG.Person), (DKG.Summit, DKG.Agreement)],
                         ids=["State+Person", "Summit+Agreement"])
def test_individual_of_two_disjoint_classes_is_inconsistent(tmp_path, classes):
    world = load_world(tmp_path)
    first, second = (world[str(c)] for c in classes)
    data = world.get_ontology(str(DKGR))
    with data:
        x = first("x")
        x.is_a.append(second)
    assert x.iri == str(DKGR["x"])
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason(world)
    world.close()


# ---------------------------------------------------------------------------------------
# kg.ontology.check_consistency
# ---------------------------------------------------------------------------------------


@pytest.mark.hermit
@needs_java
def test_check_consistency_accepts_a_full_article_graph():
    from test_shapes import sample_graph  # the valid graph, with evidence reification

    assert ontology.check_consistency(sample_graph()) is True


@pytest.mark.hermit
@needs_java
@pytest.mark.parametrize("triples", [
    # memberOf points into InternationalOrganization, disjoint with Person
    [(DKGR["state/RUS"], RDF.type, DKG.State), (DKGR["person/p"], RDF.type, DKG.Person),
     (DKGR["state/RUS"], DKG.memberOf, DKGR["person/p"])],
    # a second value of a functional datatype property
    [(DKGR["evidence/e"], DKG.charStart, Literal(1)),
     (DKGR["evidence/e"], DKG.charStart, Literal(2))],
    # a status outside the enumeration, known to differ from both values
    [(DKGR["event/e"], DKG.status, DKGR["status/x"]),
     (DKGR["status/x"], OWL.differentFrom, DKG.Planned),
     (DKGR["status/x"], OWL.differentFrom, DKG.Happened)],
], ids=["memberOf-person", "functional-charStart", "status-outside-enumeration"])
def test_check_consistency_rejects_contradictions(triples):
    g = Graph()
    for triple in triples:
        g.add(triple)
    assert ontology.check_consistency(g) is False


@pytest.mark.hermit
@needs_java
def test_gold_graphs_of_the_evaluation_set_are_consistent_together():
    from test_shapes import _gold_graphs

    merged = Graph()
    for g in _gold_graphs().values():
        merged += g
    assert ontology.check_consistency(merged) is True


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_check_consistency_timeout_is_an_error(monkeypatch, tmp_path):
    # no Java needed: a fake java that never answers
    fake = tmp_path / "java"
    fake.write_text("#!/bin/sh\nexec sleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setattr(owlready2, "JAVA_EXE", str(fake))
    t0 = time.perf_counter()
    with pytest.raises(KGError, match="did not finish"):
        ontology.check_consistency(None, timeout=0.5)
    assert time.perf_counter() - t0 < 10


def test_check_consistency_without_java_is_an_error(monkeypatch):
    monkeypatch.setattr(owlready2, "JAVA_EXE", "/nonexistent/java")
    with pytest.raises(KGError, match="Java"):
        ontology.check_consistency(None)
