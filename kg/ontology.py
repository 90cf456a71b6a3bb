"""The ontology files: where they are, loading them, SHACL validation and OWL consistency.

The top-level ``ontology/`` folder of the repository holds the OWL ontology
(``diplokg.ttl``), the SHACL shapes (``shapes.ttl``) and the JSON-LD context
(``context.jsonld``). An installed package without that folder reads them from
``kg/ontology_files/`` instead.

* :func:`validate` checks a graph against the shapes with pyshacl, the ontology
  mixed in (so targets and ``sh:class`` follow ``rdfs:subClassOf``) and no
  inference. A graph that does not conform is a result, not an exception.
* :func:`check_consistency` runs HermiT (bundled with owlready2) on the ontology
  plus a graph: ``False`` means the graph contradicts the ontology (a node that is
  both a ``dkg:State`` and a ``dkg:Person``, say).

Examples
--------
>>> ontology_path().name
'diplokg.ttl'
>>> from rdflib import OWL, RDF
>>> from kg.namespaces import DKG
>>> (DKG.Summit, RDF.type, OWL.Class) in load_ontology()
True
>>> load_context()["memberOf"]
{'@id': 'dkg:memberOf', '@type': '@id', '@container': '@set'}
"""
from __future__ import annotations

import copy
import functools
import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import RDF, Dataset, Graph

from .errors import InputError, KGError

__all__ = [
    "ValidationResult",
    "ontology_path",
    "shapes_path",
    "context_path",
    "load_ontology",
    "load_shapes",
    "load_context",
    "validate",
    "check_consistency",
]

#: reification triples of ``dkg:Evidence`` records: RDF reserved vocabulary, no OWL meaning
_REIFICATION = frozenset({RDF.subject, RDF.predicate, RDF.object})


def _ontology_dir() -> Path:
    repo_dir = Path(__file__).resolve().parent.parent / "ontology"
    if repo_dir.is_dir():
        return repo_dir
    return Path(str(resources.files("kg") / "ontology_files"))


def ontology_path() -> Path:
    """The path of the OWL ontology, ``diplokg.ttl`` (Turtle).

    Returns
    -------
    pathlib.Path
        In the repository's ``ontology/`` folder, else in the package's
        ``kg/ontology_files/``. The file is not checked to exist.

    Examples
    --------
    >>> ontology_path().name
    'diplokg.ttl'
    """
    return _ontology_dir() / "diplokg.ttl"


def shapes_path() -> Path:
    """The path of the SHACL shapes, ``shapes.ttl`` (Turtle).

    Examples
    --------
    >>> shapes_path().name
    'shapes.ttl'
    """
    return _ontology_dir() / "shapes.ttl"


def context_path() -> Path:
    """The path of the JSON-LD context, ``context.jsonld``.

    Examples
    --------
    >>> context_path().suffix
    '.jsonld'
    """
    return _ontology_dir() / "context.jsonld"


def _parse_turtle(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as err:
        raise InputError(f"{path}: file not found (the ontology folder is missing)") from err
    except Exception as err:  # rdflib raises several unrelated types for bad Turtle
        raise InputError(f"{path}: cannot parse Turtle: {err}") from err


@functools.cache
def load_ontology() -> Graph:
    """The OWL ontology as an rdflib graph, parsed once and cached.

    Returns
    -------
    rdflib.Graph
        Shared by every caller: do not modify it (copy it first, ``g = Graph();
        g += load_ontology()``).

    Raises
    ------
    kg.errors.InputError
        The file is missing or is not valid Turtle.

    Examples
    --------
    >>> from rdflib import OWL, RDF, URIRef
    >>> (URIRef("https://w3id.org/diplokg/ontology"), RDF.type, OWL.Ontology) in load_ontology()
    True
    """
    return _parse_turtle(ontology_path())


@functools.cache
def load_shapes() -> Graph:
    """The SHACL shapes as an rdflib graph, parsed once and cached (do not modify it).

    Examples
    --------
    >>> from rdflib import Namespace, RDF
    >>> SH = Namespace("http://www.w3.org/ns/shacl#")
    >>> len(set(load_shapes().subjects(RDF.type, SH.NodeShape))) > 30
    True
    """
    return _parse_turtle(shapes_path())


@functools.cache
def _context_document() -> dict:
    path = context_path()
    try:
        with path.open(encoding="utf-8") as f:
            document = json.load(f)
    except FileNotFoundError as err:
        raise InputError(f"{path}: file not found (the ontology folder is missing)") from err
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: line {err.lineno}, column {err.colno}: {err.msg}") from err
    if not isinstance(document, dict) or not isinstance(document.get("@context"), dict):
        raise InputError(f"{path}: expected a JSON object with an \"@context\" object")
    return document["@context"]


def load_context() -> dict:
    """The JSON-LD context: the inner ``"@context"`` object of ``context.jsonld``.

    Pass it to rdflib as ``context=`` when serializing (with ``auto_compact=True``)
    or parsing JSON-LD; it is local, so nothing is ever fetched over the network.

    Returns
    -------
    dict
        A fresh copy of the cached context on each call.

    Raises
    ------
    kg.errors.InputError
        The file is missing or is not a JSON object with an ``"@context"`` object.

    Examples
    --------
    >>> ctx = load_context()
    >>> ctx["@vocab"]
    'https://w3id.org/diplokg/ontology#'
    >>> ctx["altLabels"]["@container"]
    '@set'
    """
    return copy.deepcopy(_context_document())


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of :func:`validate`.

    Attributes
    ----------
    conforms : bool
        True when the graph satisfies every shape.
    report_text : str
        pyshacl's human-readable report.
    report_graph : rdflib.Graph
        The SHACL validation report (``sh:ValidationReport`` with one
        ``sh:ValidationResult`` per violation: focus node, path, constraint, message).
    """

    conforms: bool
    report_text: str
    report_graph: Graph


def _import_pyshacl():
    try:
        import pyshacl
    except ImportError as err:
        raise KGError("SHACL validation needs pyshacl, which is not installed: "
                      "pip install pyshacl (or the project's 'test' extra)") from err
    return pyshacl


def validate(graph: Graph) -> ValidationResult:
    """Validate a graph against the SHACL shapes of the contract.

    pyshacl runs with the ontology as ``ont_graph`` and ``inference="none"``: the
    ontology's class hierarchy is mixed into a copy of the data, so a node typed
    only ``dkg:Summit`` is checked as a ``dkg:Event``. ``graph`` is not modified.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        The data, usually one article's graph.

    Returns
    -------
    ValidationResult
        A graph that does not conform is a result (``conforms`` is False), not an
        exception.

    Raises
    ------
    kg.errors.KGError
        pyshacl is not installed, or could not run the validation.

    Examples
    --------
    >>> from rdflib import Graph, Literal, RDF, RDFS, URIRef
    >>> from kg.namespaces import DKG
    >>> g = Graph()
    >>> summit = URIRef("https://w3id.org/diplokg/id/event/sco-summit-2024")
    >>> _ = g.add((summit, RDF.type, DKG.Summit))
    >>> result = validate(g)          # a summit without a label
    >>> result.conforms
    False
    >>> "rdfs:label" in result.report_text
    True
    >>> _ = g.add((summit, RDFS.label, Literal("SCO summit in Astana")))
    >>> validate(g).conforms
    True
    """
    pyshacl = _import_pyshacl()
    from pyshacl.errors import ReportableRuntimeError, ShapeLoadError, ValidationFailure

    try:
        conforms, report_graph, report_text = pyshacl.validate(
            graph,
            shacl_graph=load_shapes(),
            ont_graph=load_ontology(),
            inference="none",
            abort_on_first=False,
            meta_shacl=False,
            advanced=False,
            debug=False,
        )
    except (ReportableRuntimeError, ShapeLoadError, ValidationFailure) as err:
        raise KGError(f"SHACL validation could not run: {err}") from err
    return ValidationResult(bool(conforms), str(report_text), report_graph)


def _owl_triples(graph: Graph):
    """The triples of ``graph`` (all named graphs of a dataset) that OWL can read."""
    if isinstance(graph, Dataset):
        triples = ((s, p, o) for s, p, o, _ in graph.quads((None, None, None, None)))
    else:
        triples = iter(graph)
    for s, p, o in triples:
        if p in _REIFICATION or (p == RDF.type and o == RDF.Statement):
            continue
        yield s, p, o


def check_consistency(graph: Graph | None = None, *, timeout: float = 120) -> bool:
    """Whether the ontology plus ``graph`` is consistent, according to HermiT.

    Runs the HermiT reasoner bundled with owlready2 (``owlready2.JAVA_EXE``, memory
    ``owlready2.reasoning.JAVA_MEMORY``) in consistency-check mode on the ontology
    and the triples of ``graph``. It calls Java directly rather than
    ``owlready2.sync_reasoner``, which has no timeout and also classifies every
    individual. Unsupported datatypes (``xsd:date`` and ``xsd:gYear`` are not in the
    OWL 2 datatype map) are ignored, and the ``rdf:subject`` / ``rdf:predicate`` /
    ``rdf:object`` triples of evidence records are left out (RDF reserved
    vocabulary, no OWL meaning).

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset, optional
        The data; None checks the ontology alone.
    timeout : float
        Seconds to wait for HermiT (about 1 s of JVM start-up, then roughly 4 s per
        1,000 individuals).

    Returns
    -------
    bool
        False when the data contradicts the ontology (disjoint classes, a status
        other than ``dkg:Planned``/``dkg:Happened``, two values of a functional
        property ...).

    Raises
    ------
    kg.errors.KGError
        Java or owlready2 is missing, HermiT fails, or it runs past ``timeout``.

    Examples
    --------
    >>> from rdflib import Graph, RDF, URIRef
    >>> from kg.namespaces import DKG
    >>> g = Graph()
    >>> x = URIRef("https://w3id.org/diplokg/id/x")
    >>> _ = g.add((x, RDF.type, DKG.State))
    >>> check_consistency(g)  # doctest: +SKIP
    True
    >>> _ = g.add((x, RDF.type, DKG.Person))
    >>> check_consistency(g)  # doctest: +SKIP
    False
    """
    try:
        import owlready2
    except ImportError as err:
        raise KGError("the consistency check needs owlready2, which is not installed: "
                      "pip install owlready2") from err

    kb = Graph()
    for triple in load_ontology():
        kb.add(triple)
    if graph is not None:
        for triple in _owl_triples(graph):
            kb.add(triple)
    with tempfile.TemporaryDirectory(prefix="diplokg-hermit-") as tmp:
        path = Path(tmp) / "kb.nt"
        kb.serialize(destination=path, format="nt", encoding="utf-8")
        return _run_hermit(owlready2, path, timeout)


def _run_hermit(owlready2, path: Path, timeout: float) -> bool:
    hermit_dir = Path(owlready2.__file__).resolve().parent / "hermit"
    java = owlready2.JAVA_EXE
    memory = getattr(getattr(owlready2, "reasoning", None), "JAVA_MEMORY", 2000)
    command = [
        java, f"-Xmx{memory}M",
        "-cp", os.pathsep.join([str(hermit_dir), str(hermit_dir / "HermiT.jar")]),
        "org.semanticweb.HermiT.cli.CommandLine",
        "--consistency", "--ignoreUnsupportedDatatypes",
        path.as_uri(),
    ]
    try:
        proc = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError as err:
        raise KGError(f"cannot run Java ({java!r}), which HermiT needs: install Java 11+ "
                      f"or set owlready2.JAVA_EXE") from err
    except subprocess.TimeoutExpired as err:
        raise KGError(f"HermiT did not finish the consistency check within {timeout} s") from err
    output = (proc.stdout + proc.stderr).decode("utf-8", errors="replace")
    if proc.returncode == 0 and "is satisfiable" in output:
        return True
    if "InconsistentOntologyException" in output or "is not satisfiable" in output:
        return False
    first = next((line for line in output.splitlines() if line.strip()), "no output")
    raise KGError(f"HermiT failed (exit status {proc.returncode}): {first}")
