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
@click.option("--model", default="auto", show_default=True,
              help="spaCy model: auto (installed English model, else rules only), none, or a package name.")
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
    except KGError as err:
        _fail(err)
    except OSError as err:
        _fail(KGError(f"{output}: cannot write ({err.strerror})"))
