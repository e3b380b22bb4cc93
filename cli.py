"""The `scrutiny` command: a thin click layer over the library.

Library errors become one line, "Error: FILE: cause", and the exit codes in README.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from extractor import __version__
from extractor.errors import ScrutinyError

EXIT_CODES = """\b
Exit codes: 0 ok; 1 unexpected error; 2 usage error; 3 unreadable input
(missing, empty, encrypted, damaged, not a pack); 4 no text layer (scan);
5 bad gold file; 6 batch finished with some files failed."""


def _fail(exc: ScrutinyError) -> None:
    click.echo(f"Error: {exc}", err=True)
    sys.exit(exc.exit_code)


@click.group(epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="scrutiny")
def main() -> None:
    """Scrutiny turns local-government committee packs (PDF or text) into normalised JSON.

    \b
    Example:
        scrutiny extract samples/sample-pack.txt -o sample.json
    """


def _write(text: str, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")


@main.command(epilog=EXIT_CODES)
@click.argument("pack")
@click.option("-o", "--output", metavar="FILE", help="Write the JSON here instead of stdout.")
@click.option("--spacy-model", metavar="NAME", help="An installed spaCy model to use (never downloaded).")
@click.option("--no-tables", is_flag=True, help="Skip table recovery.")
def extract(pack: str, output: str | None, spacy_model: str | None, no_tables: bool) -> None:
    """Extract one pack (PDF or text; '-' reads stdin) to normalised JSON.

    \b
    Examples:
        scrutiny extract pack.pdf -o pack.json
        scrutiny extract minutes.txt
        cat pack.txt | scrutiny extract - > pack.json
    """
    from extractor import ingest, pipeline

    try:
        source = ingest.load(pack)
        result = pipeline.extract(source, pipeline.Options(spacy_model=spacy_model, tables=not no_tables))
    except ScrutinyError as exc:
        _fail(exc)
    _write(pipeline.to_json(result), output)


@main.command()
@click.option("-o", "--output", metavar="FILE", help="Write the schema here instead of stdout.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of the extraction output.

    \b
    Example:
        scrutiny schema -o models/extraction.schema.json
    """
    from models.schema import schema_json

    _write(schema_json(), output)


if __name__ == "__main__":
    main()
