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


@main.command("eval", epilog=EXIT_CODES)
@click.argument("files", nargs=-1, metavar="[EXTRACTION GOLD]")
@click.option("--corpus", "manifest", metavar="MANIFEST",
              help="Score every document of a manifest (TSV or JSON: input, gold, optional sections) in one table.")
@click.option("--cache", default="out/eval", show_default=True, metavar="DIR",
              help="With --corpus: where extractions are kept (reused while input and extractor build are unchanged).")
@click.option("-j", "--workers", default=1, show_default=True, help="With --corpus: extraction worker processes.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores (with per-field accuracy) as JSON.")
@click.option("--fields", is_flag=True, help="Show per-field accuracy under each section.")
@click.option("--detail", is_flag=True, help="List missed and spurious records and field errors.")
@click.option("--section", "sections", multiple=True, metavar="NAME",
              help="Score only this section (repeatable).")
def eval_command(files: tuple, manifest: str | None, cache: str, workers: int, as_json: bool, fields: bool,
                 detail: bool, sections: tuple) -> None:
    """Score an extraction JSON against a gold file (../shared/gold/README.md), or a whole
    development set with --corpus.

    Per section: gold, extracted and matched record counts, precision, recall, F1 and field
    accuracy over matched pairs; people by B-cubed over surface forms with false merges.

    With --corpus: packs without a fresh extraction in --cache are extracted first; the table has a
    row per document and a column per section (F1; for meeting and minutes the share of their
    fields read right), then macro and micro per section and each row's worst cell.

    \b
    Examples:
        scrutiny eval pack.json ../shared/gold/haringey-osc-2009-12-03.gold.json
        scrutiny eval pack.json gold.json --json --section milestones
        scrutiny eval --corpus benchmarks/devset.tsv -j 2
    """
    from extractor import evaluate as ev

    unknown = sorted(set(sections) - set(ev.SECTION_NAMES))
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)} (choose from {', '.join(ev.SECTION_NAMES)})",
                                 param_hint="--section")
    if manifest:
        if files:
            raise click.UsageError("give either EXTRACTION GOLD or --corpus MANIFEST, not both")
        _eval_corpus(manifest, cache, workers, as_json, sections)
        return
    if len(files) != 2:
        raise click.UsageError("give EXTRACTION GOLD (two files), or --corpus MANIFEST")
    extraction, gold = files
    try:
        result = ev.evaluate(ev.load_extraction(extraction), ev.load_gold(gold), sections or None)
    except ScrutinyError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(ev.format_table(result, fields=fields), nl=False)
    if detail:
        click.echo(ev.format_detail(result), nl=False)


def _eval_corpus(manifest: str, cache: str, workers: int, as_json: bool, sections: tuple) -> None:
    from extractor import corpus

    def progress(done: int, total: int, outcome) -> None:
        click.echo(f"[{done}/{total}] {outcome.status}: {outcome.error or outcome.source}", err=True)

    try:
        result = corpus.evaluate_corpus(manifest, cache, workers=max(1, workers), sections=sections or None,
                                        progress=progress)
    except ScrutinyError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        click.echo(corpus.format_corpus(result), nl=False)


@main.command(epilog=EXIT_CODES)
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", metavar="FILE", help="Write the registry JSON here instead of stdout.")
def people(outdir: str, output: str | None) -> None:
    """Build an archive-wide registry of people from the extraction JSON files in OUTDIR.

    The same person is linked across packs (never merging conflicting names); each person lists
    aliases, roles with meeting and date, and the packs it was seen in.

    \b
    Example:
        scrutiny extract a.pdf -o out/a.json && scrutiny extract b.pdf -o out/b.json
        scrutiny people out -o registry.json
    """
    from extractor.people import registry

    _write(registry.to_json(registry.build(registry.load_extractions(Path(outdir)))), output)


@main.command(epilog=EXIT_CODES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--outdir", required=True, metavar="DIR", help="Folder for one JSON per pack and _manifest.jsonl.")
@click.option("-j", "--workers", default=1, show_default=True, help="Worker processes (with '--scheduler local': Dask workers).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask scheduler (tcp://host:8786; 'local' starts one here). Needs scrutiny[cluster].")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
def batch(inputs: tuple[str, ...], outdir: str, workers: int, scheduler: str | None, quiet: bool) -> None:
    """Extract many packs (files, or folders searched for .pdf/.txt/.md) into DIR.

    Bad files are recorded in DIR/_manifest.jsonl and the rest goes on; a re-run skips packs
    whose JSON is already there (resume). Exits 6 when some packs failed.

    \b
    Examples:
        scrutiny batch archive/2009 archive/2010 -o out/ -j 2
        scrutiny batch pack1.pdf pack2.txt -o out/
        scrutiny batch /shared/archive -o /shared/out --scheduler tcp://host:8786
    """
    import contextlib

    from extractor import batch as batch_mod

    def progress(done: int, total: int, outcome) -> None:
        if not quiet:
            detail = outcome.error if outcome.error else outcome.output
            click.echo(f"[{done}/{total}] {outcome.status}: {detail}", err=True)

    try:
        with batch_mod.dask_pool(scheduler, workers) if scheduler else contextlib.nullcontext() as pool:
            outcomes = batch_mod.run(inputs, outdir, workers=workers, pool=pool, progress=progress)
    except ScrutinyError as exc:
        _fail(exc)
    failed = [o for o in outcomes if o.status == "failed"]
    counts = {s: sum(o.status == s for o in outcomes) for s in ("done", "skipped", "failed")}
    click.echo(f"{counts['done']} done, {counts['skipped']} skipped, {counts['failed']} failed", err=True)
    if failed:
        sys.exit(6)


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
