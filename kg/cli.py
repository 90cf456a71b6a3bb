"""The ``kg`` command line: a thin layer over the public API (:mod:`kg.api`).

Library errors (:class:`kg.errors.KGError`) become one line on stderr and a
non-zero exit status here, and only here.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import KGError

EXTRACT_FORMATS = ["turtle", "json-ld", "nt"]


def _fail(err: Exception, code: int = 2) -> None:
    click.echo(f"kg: error: {err}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="diplokg")
def main() -> None:
    """DiploKG: news about international diplomacy as a knowledge graph."""


@main.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date; relative dates resolve against it.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the graph here (default: stdout).")
@click.option("--format", "fmt", default="turtle", show_default=True, help="turtle | json-ld | nt")
@click.option("--model", default="auto", show_default=True, envvar="KG_MODEL",
              help="spaCy model: auto (installed English model, else rules only), none, or a package name; default from $KG_MODEL.")
def extract(article: Path, published: str | None, output: Path | None, fmt: str, model: str) -> None:
    """Extract the graph of one ARTICLE (first line headline, then the body)."""
    from .api import extract_graph
    from .export import serialize_graph

    try:
        graph = extract_graph(article, published=published, model=model)
        data = serialize_graph(graph, fmt)
        if output is None:
            sys.stdout.buffer.write(data)
        else:
            tmp = output.with_name(output.name + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(output)
        sys.stdout.flush()
    except KGError as err:
        _fail(err)
    except OSError as err:
        _fail(KGError(f"{output}: cannot write ({err.strerror})"))
    _quick_exit()


def _quick_exit() -> None:
    """End the ``kg`` process now, after a command that holds no store: tearing down the
    language model and the name indexes at interpreter exit costs ~0.25 s, a tenth of
    ``kg extract``. Only in the ``kg`` process itself (not when ``main`` is called from
    Python), and only after everything written has been flushed."""
    if Path(sys.argv[0]).name not in ("kg", "__main__.py"):
        return
    import os

    sys.stderr.flush()
    os._exit(0)


def _store_option(f):
    return click.option("--store", "store", metavar="DIR|URL", envvar="KG_STORE",
                        help="Store folder, or a SPARQL endpoint URL (README: Remote store) "
                             "(default: $KG_STORE, else ./kg-store).")(f)


def _open(store: str | None, *, read_only: bool = False, extractor: str | None = None):
    from .api import KnowledgeGraph

    return KnowledgeGraph.open(store, read_only=read_only, extractor=extractor)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_store_option
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for articles that have none.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the number of CPUs).")
@click.option("--model", default="auto", show_default=True, envvar="KG_MODEL",
              help="spaCy model: auto (installed English model, else rules only), none, or a package name; default from $KG_MODEL.")
@click.option("--force", is_flag=True, help="Re-extract unchanged articles too.")
def ingest(paths: tuple[str, ...], store: str | None, published: str | None, jobs: int | None,
           model: str, force: bool) -> None:
    """Add articles to the store, one named graph each.

    PATHS are .txt files (first line the headline), .html pages (main text,
    title and date extracted), .jsonl files (one article per line: id, text,
    optional headline, published, url), folders of these (recursive), or - for
    standard input. Articles already in the store with the same text (sha256)
    are skipped, so an interrupted ingest resumes; an edited article replaces
    its own graph; a bad article is reported and skipped.
    """
    from .ingest import default_jobs
    from .progress import IngestDisplay

    display = IngestDisplay()
    try:
        with _open(store, extractor=model) as graph, display:
            report = graph.ingest(list(paths), published=published, force=force,
                                  jobs=jobs or default_jobs(), progress=display.update)
    except KGError as err:
        _fail(err)
    except KeyboardInterrupt:
        click.echo(f"kg: interrupted after {display.done} articles; the articles written are "
                   "complete: run the same command again to resume", err=True)
        sys.exit(130)
    click.echo(f"ingested {report.ingested} ({report.added} new, {report.replaced} replaced), "
               f"skipped {report.unchanged} unchanged, {len(report.failed)} failed; "
               f"{report.triples} triples in the store; {report.seconds:.1f} s "
               f"({report.rate:.1f} articles/s)")
    if report.failed and not (report.added or report.replaced or report.unchanged):
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option
@click.option("--format", "fmt", default=None,
              help="turtle | nt | nquads | trig | json-ld | n3 | rdfxml | trix (default: from each suffix)")
@click.option("--graph", metavar="IRI", help="Graph for the files' triples (default: dkgr:graph/<file-stem>).")
def load(files: tuple[Path, ...], store: str | None, fmt: str | None, graph: str | None) -> None:
    """Load RDF FILES into the store, reporting triples/s.

    A file of triples fills one named graph (replaced when loaded again); a
    file of quads keeps its graphs. Blank nodes are skolemized, so loading the
    same file twice changes nothing. XML with a DOCTYPE/ENTITY and JSON-LD
    naming a remote @context are refused; nothing is fetched.
    """
    try:
        with _open(store) as kg:
            report = kg.load(list(files), format=fmt, graph=graph)
    except KGError as err:
        _fail(err)
    for f in report.files:
        graphs = (", ".join(f.graphs) if len(f.graphs) <= 3 else
                  f"{len(f.graphs)} graphs ({', '.join(f.graphs[:2])}, …)") or "no graph"
        click.echo(f"{f.path}: {f.statements} statements ({f.format}) into {graphs}"
                   + (" [bulk loader]" if f.bulk else ""))
    click.echo(str(report))


@main.command()
@click.argument("query")
@_store_option
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter (a name such as 'SCO', an IRI, or a literal).")
@click.option("--format", "fmt", default="table", show_default=True,
              help="table | csv | tsv | json | xml (SELECT/ASK); turtle | nt | json-ld (CONSTRUCT/DESCRIBE)")
@click.option("--limit", type=int, default=None, help="At most this many rows.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Deadline in seconds.")
def query(query: str, store: str | None, params: tuple[str, ...], fmt: str, limit: int | None,
          timeout: float) -> None:
    """Run a SPARQL QUERY: a .rq file, the name of a file in queries/, or SPARQL text.

    The default graph is the union of all article graphs.
    """
    bound: dict[str, str] = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name:
            _fail(KGError(f"--param {p!r}: expected NAME=VALUE"))
        bound[name.strip()] = value
    try:
        with _open(store, read_only=True) as graph:
            path = Path(query)
            if query.endswith(".rq") or (path.suffix == "" and "{" not in query and " " not in query):
                if path.exists():
                    result = graph.query(path.read_text(encoding="utf-8"), timeout=timeout, limit=limit, **bound)
                elif query.endswith(".rq") and "/" in query:
                    raise KGError(f"{query}: no such query file")
                else:
                    result = graph.named_query(path.stem, timeout=timeout, limit=limit, **bound)
            else:
                result = graph.query(query, timeout=timeout, limit=limit, **bound)
            out = result.serialize(fmt)
    except KGError as err:
        _fail(err)
    click.echo(out if isinstance(out, str) else out.decode("utf-8"), nl=not str(out).endswith("\n"))
    if getattr(result, "truncated", False):
        click.echo(f"kg: result truncated at {len(result)} rows", err=True)


@main.command()
@_store_option
@click.option("--format", "fmt", default="turtle", show_default=True,
              help="turtle | json-ld | nt (all graphs merged) | nquads | trig (one graph per article)")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here (default: stdout).")
def export(store: str | None, fmt: str, output: Path | None) -> None:
    """Export the whole store."""
    try:
        with _open(store, read_only=True) as graph:
            if output is None:
                graph.export(sys.stdout.buffer, format=fmt)
            else:
                graph.export(output, format=fmt)
    except KGError as err:
        _fail(err)




@main.command()
@click.argument("name", metavar="NAME")
@_store_option
@click.option("--format", "fmt", default=None,
              help="graphml | gexf | json | png | svg | html (default: from -o's suffix, else graphml)")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here (default: stdout).")
@click.option("--entity", metavar="NAME", help="Centre of the ego view (a name or IRI).")
@click.option("--radius", type=int, default=1, show_default=True, help="Radius of the ego view.")
@click.option("--org", "organization", metavar="NAME", help="Only this organization (its members, its events).")
@click.option("--type", "types", multiple=True, metavar="CLASS",
              help="Only nodes of this class (State, Person, Summit ...); repeatable.")
@click.option("--start", metavar="YYYY-MM-DD", help="Only events / statements from this date on.")
@click.option("--end", metavar="YYYY-MM-DD", help="Only events / statements up to this date.")
@click.option("--no-provenance", is_flag=True, help="full view: leave out articles and evidence nodes.")
@click.option("--title", help="Title of a picture or page.")
def view(name: str, store: str | None, fmt: str | None, output: Path | None, entity: str | None,
         radius: int, organization: str | None, types: tuple[str, ...], start: str | None,
         end: str | None, no_provenance: bool, title: str | None) -> None:
    """Write the NetworkX view NAME of the graph as a graph file or a picture.

    NAME is membership (states and organizations), co_membership (states
    sharing organizations), attendance (events and participants), meetings
    (bilateral meetings between people and states), full (the whole graph) or
    ego (the neighbourhood of --entity). Pictures: png and svg (matplotlib),
    html (one self-contained interactive page).
    """
    from .views import VIEW_FORMATS, write_view

    try:
        if fmt is None:
            suffix = output.suffix.lstrip(".").lower() if output is not None else ""
            fmt = suffix if suffix in VIEW_FORMATS else "graphml"
        elif fmt.lower() not in VIEW_FORMATS:
            raise KGError(f"unknown view format {fmt!r} (use one of: {', '.join(VIEW_FORMATS)})")
        with _open(store, read_only=True) as graph:
            g = graph.view(name, entity=entity, radius=radius, organization=organization,
                           type=list(types) or None, start=start, end=end,
                           provenance=not no_provenance)
            write_view(g, output if output is not None else sys.stdout.buffer, fmt.lower(),
                       title=title)
    except KGError as err:
        _fail(err)


@main.command()
@click.argument("target", required=False, metavar="ENTITY")
@click.option("--fact", metavar='"S P O"', help='A fact instead of an entity: "Putin leaderOf Russia".')
@_store_option
@click.option("--format", "fmt", default="text", show_default=True, help="text | json")
@click.option("--color/--no-color", default=None,
              help="Highlight names in the sentences (default: when stdout is a terminal).")
def explain(target: str | None, fact: str | None, store: str | None, fmt: str,
            color: bool | None) -> None:
    """Show the articles, sentences and extraction rules behind an ENTITY or a --fact."""
    import json

    from .explain import parse_fact

    try:
        if (target is None) == (fact is None):
            raise KGError("give an ENTITY or --fact \"SUBJECT PROPERTY OBJECT\" (one of them)")
        if fmt not in ("text", "json"):
            raise KGError(f"unknown format {fmt!r} for explain (use text or json)")
        with _open(store, read_only=True) as graph:
            result = graph.explain(parse_fact(fact) if fact is not None else target)
    except KGError as err:
        _fail(err)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        use = sys.stdout.isatty() if color is None else color
        click.echo(result.render(color=use), color=use)


@main.command()
@_store_option
@click.option("--format", "fmt", default="text", show_default=True, help="text | json")
def stats(store: str | None, fmt: str) -> None:
    """Counts by class and property, articles, date ranges and store size."""
    import json

    from .stats import format_stats

    try:
        if fmt not in ("text", "json"):
            raise KGError(f"unknown format {fmt!r} for stats (use text or json)")
        with _open(store, read_only=True) as graph:
            result = graph.stats()
    except KGError as err:
        _fail(err)
    click.echo(json.dumps(result, indent=2) if fmt == "json" else format_stats(result))


@main.command()
@click.argument("name")
@_store_option
@click.option("--type", "type_", metavar="CLASS", help="Only entities of this class.")
@click.option("--limit", type=int, default=10, show_default=True, help="At most this many.")
def find(name: str, store: str | None, type_: str | None, limit: int) -> None:
    """Entities whose names match NAME (fuzzy), best first, with their score."""
    from .results import shorten

    try:
        with _open(store, read_only=True) as graph:
            matches = graph.find(name, type=type_, limit=limit)
    except KGError as err:
        _fail(err)
    if not matches:
        click.echo(f"no entity matches {name!r}", err=True)
        sys.exit(1)
    for m in matches:
        click.echo(f"{m.score:.2f}  {m.entity.label or ''}  [{', '.join(m.entity.types)}]  "
                   f"{shorten(m.entity.iri)}" + (f"  (as {m.name!r})" if m.name != m.entity.label else ""))


@main.command()
@click.argument("source")
@click.argument("target")
@_store_option
@click.option("--max-hops", type=int, default=6, show_default=True, help="Give up beyond this many links.")
def path(source: str, target: str, store: str | None, max_hops: int) -> None:
    """The shortest chain of links from SOURCE to TARGET (entity names or IRIs)."""
    try:
        with _open(store, read_only=True) as graph:
            found = graph.path(source, target, max_hops=max_hops)
    except KGError as err:
        _fail(err)
    if found is None:
        _fail(KGError(f"no path from {source!r} to {target!r} within {max_hops} links"), code=1)
    click.echo(str(found))
