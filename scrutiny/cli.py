"""The `scrutiny` command: a thin click layer over the library.

Library errors become one line, "Error: FILE: cause", and the exit codes in README.md.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from pathlib import Path

import click

from scrutiny.extractor import __version__
from scrutiny.extractor.errors import OutputError, ScrutinyError

EXIT_CODES = """\b
Exit codes: 0 ok; 1 unexpected error; 2 usage error; 3 unreadable input
(missing, empty, encrypted, damaged, not a pack); 4 no text layer (scan);
5 bad gold file; 6 batch finished with some files failed; 7 output cannot
be written; 8 input over a limit (bytes, pages, time, memory); 130 interrupted."""


def _fail(exc: ScrutinyError) -> None:
    _error(str(exc))
    sys.exit(exc.exit_code)


def _error(line: str) -> None:
    line = " ".join(line.split())
    try:
        click.echo(f"Error: {line}", err=True)
    except (OSError, ValueError, AttributeError):
        pass


class _Group(click.Group):
    """Every failure is one line: a usage error and an unexpected exception too (SCRUTINY_DEBUG=1
    shows the traceback)."""

    def main(self, *args, **kwargs):
        kwargs.pop("standalone_mode", None)
        # pdfminer (under pdfplumber) logs each repair it makes to a damaged file; what matters
        # reaches the user as a flag or one line of error, not as its log
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            _error("interrupted")
            sys.exit(130)
        except click.ClickException as exc:
            hint = ""
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                hint = f" (see '{exc.ctx.command_path} --help')"
            _error(exc.format_message() + hint)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            _error("interrupted")
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            _error("interrupted")
            sys.exit(130)
        except ScrutinyError as exc:
            _fail(exc)
        except Exception as exc:
            if os.environ.get("SCRUTINY_DEBUG"):
                raise
            subject = ctx.invoked_subcommand or "scrutiny"
            _error(f"{subject}: unexpected {type(exc).__name__}: {exc} (SCRUTINY_DEBUG=1 shows the traceback)")
            sys.exit(1)


def _limits(max_bytes: int, max_pages: int, max_runs: int):
    from scrutiny.extractor.ingest import Limits

    reading = click.get_current_context().meta.get(_READING, {})
    return Limits(max_bytes=max_bytes * 1024 * 1024, max_pages=max_pages, max_runs_per_page=max_runs, **reading)


_READING = "scrutiny.reading"  # how packs are read (OCR, password), gathered by the options' callbacks


def _reading(field: str):
    def store(ctx: click.Context, param: click.Parameter, value):
        if value is not None:
            ctx.meta.setdefault(_READING, {})[field] = value

    return store


def _limit_options(fn):
    from scrutiny.extractor.ingest import LIMITS

    fn = click.option("--password", metavar="TEXT", envvar="SCRUTINY_PASSWORD", expose_value=False,
                      callback=_reading("password"),
                      help="Password of encrypted PDFs (or set SCRUTINY_PASSWORD).")(fn)
    fn = click.option("--ocr-lang", metavar="LANGS", expose_value=False, callback=_reading("ocr_lang"),
                      help="Tesseract language(s) for scanned pages, e.g. 'eng' or 'eng+fra' [default: eng].")(fn)
    fn = click.option("--no-ocr", is_flag=True, default=None, flag_value=False, expose_value=False,
                      callback=_reading("ocr"), help="Do not OCR scanned pages (they are flagged as not extracted).")(fn)
    fn = click.option("--max-runs", default=LIMITS.max_runs_per_page, show_default=True, metavar="N",
                      type=click.IntRange(1), help="Text runs per PDF page; a page over it is skipped with a flag.")(fn)
    fn = click.option("--max-pages", default=LIMITS.max_pages, show_default=True, metavar="N",
                      type=click.IntRange(1), help="Pages per pack; a pack over it fails (exit 8).")(fn)
    fn = click.option("--max-bytes", default=LIMITS.max_bytes // (1024 * 1024), show_default=True, metavar="MB",
                      type=click.IntRange(1), help="Size of a pack in MB; a pack over it fails (exit 8).")(fn)
    return fn


def _check_spacy_model(model: str | None) -> None:
    """A model that cannot be loaded is a usage error, before any work is done."""
    if model is None:
        return
    from scrutiny.extractor import nlp

    try:
        nlp.pipeline(model)
    except Exception as exc:  # spaCy raises OSError (E050) for a missing package, others for a broken one
        cause = " ".join(str(exc).split())
        raise click.BadParameter(f"cannot load spaCy model {model!r}: {cause[:200]}", param_hint="--spacy-model") from None


def _check_output(output: str | None, inputs: tuple[str, ...] = ()) -> None:
    """Refuse an output that is the input, or one that plainly cannot be written, before any work."""
    if output in (None, "-"):
        return
    target = Path(output)
    try:
        _not_the_input(output, target, inputs)
    except OSError as exc:
        raise OutputError(f"{_shorten(output)}: {(exc.strerror or str(exc)).lower()}") from None
    _writable(target)


def _shorten(path: str, keep: int = 120) -> str:
    return path if len(path) <= keep else f"{path[:keep // 2]}...{path[-keep // 2:]}"


def _not_the_input(output: str, target: Path, inputs: tuple[str, ...]) -> None:
    for raw in inputs:
        if raw != "-" and Path(raw).exists() and target.exists():
            try:
                same = os.path.samefile(raw, target)
            except OSError:
                same = False
            if same:
                raise click.UsageError(f"{output}: -o names the input; refusing to overwrite it")
        elif raw != "-" and os.path.abspath(raw) == os.path.abspath(output):
            raise click.UsageError(f"{output}: -o names the input; refusing to overwrite it")


def _writable(target: Path) -> None:
    try:
        if target.is_dir():
            raise OutputError(f"{target}: is a folder; -o needs a file name")
        parent = target.parent if str(target.parent) else Path(".")
        if not parent.exists():
            raise OutputError(f"{target}: folder {parent} does not exist")
        if not parent.is_dir():
            raise OutputError(f"{target}: {parent} is not a folder")
        if len(os.fsencode(target.name)) > 255:
            raise OutputError(f"{_shorten(str(target))}: file name too long")
    except OSError as exc:
        raise OutputError(f"{_shorten(str(target))}: {(exc.strerror or str(exc)).lower()}") from None


def _write(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to a file (a temporary file in the same folder, then a
    rename), so a failed write never leaves a torn or half-written output."""
    if output in (None, "-"):
        try:
            if sys.stdout is None:
                raise OSError("stdout is closed")
            sys.stdout.write(text)
            sys.stdout.flush()
        except (OSError, ValueError) as exc:
            cause = getattr(exc, "strerror", None) or str(exc)
            try:
                sys.stdout = None  # nothing more can be written there; avoid a second error at exit
            finally:
                raise OutputError(f"<stdout>: cannot write ({cause.lower()})") from None
        return
    target = Path(output)
    _writable(target)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=".scrutiny-", suffix=".part")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{_shorten(output)}: cannot write "
                          f"({(exc.strerror or str(exc)).lower()})") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


@click.group(cls=_Group, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="scrutiny")
def main() -> None:
    """Scrutiny turns local-government committee packs (PDF or text) into normalised JSON.

    \b
    Example:
        scrutiny extract samples/sample-pack.txt -o sample.json
    """


@main.command(epilog=EXIT_CODES)
@click.argument("pack")
@click.option("-o", "--output", metavar="FILE", help="Write the JSON here instead of stdout.")
@click.option("--spacy-model", metavar="NAME", help="An installed spaCy model to use (never downloaded).")
@click.option("--no-tables", is_flag=True, help="Skip table recovery.")
@_limit_options
def extract(pack: str, output: str | None, spacy_model: str | None, no_tables: bool, max_bytes: int, max_pages: int,
            max_runs: int) -> None:
    """Extract one pack (PDF or text; '-' reads stdin) to normalised JSON.

    \b
    Examples:
        scrutiny extract pack.pdf -o pack.json
        scrutiny extract minutes.txt
        cat pack.txt | scrutiny extract - > pack.json
    """
    from scrutiny.extractor import ingest, pipeline

    _check_output(output, (pack,))
    _check_spacy_model(spacy_model)
    try:
        source = ingest.load(pack, _limits(max_bytes, max_pages, max_runs))
        result = pipeline.extract(source, pipeline.Options(spacy_model=spacy_model, tables=not no_tables))
        _write(pipeline.to_json(result), output)
    except ScrutinyError as exc:
        _fail(exc)


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
    from scrutiny.extractor import evaluate as ev

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
    from scrutiny.extractor import corpus

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
    from scrutiny.extractor.people import registry

    _check_output(output)
    skipped: list[tuple[Path, str]] = []
    try:
        found = registry.load_packs(Path(outdir), skipped=skipped)
        for path, why in skipped:
            click.echo(f"Warning: {path}: skipped ({why})", err=True)
        _write(registry.to_json(registry.build(found)), output)
    except ScrutinyError as exc:
        _fail(exc)


@main.command(epilog=EXIT_CODES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--outdir", required=True, metavar="DIR", help="Folder for one JSON per pack and _manifest.jsonl.")
@click.option("-j", "--workers", default=1, show_default=True, help="Worker processes (with '--scheduler local': Dask workers).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask scheduler (tcp://host:8786; 'local' starts one here). Needs scrutiny[cluster].")
@click.option("-q", "--quiet", is_flag=True, help="No progress (a bar on a terminal, a line per pack elsewhere).")
@click.option("--time-limit", default=600.0, show_default=True, metavar="SECONDS", type=click.FloatRange(min=0),
              help="Time one pack may take (0: none); a pack over it is killed and recorded as failed (exit code 8).")
@click.option("--memory-limit", default=4096, show_default=True, metavar="MB", type=click.IntRange(min=0),
              help="Memory one pack may use beyond its worker's start (0: none; platforms with RLIMIT_AS).")
@_limit_options
def batch(inputs: tuple[str, ...], outdir: str, workers: int, scheduler: str | None, quiet: bool, time_limit: float,
          memory_limit: int, max_bytes: int, max_pages: int, max_runs: int) -> None:
    """Extract many packs (files, or folders searched for .pdf/.txt/.md) into DIR.

    Output names follow each pack's path under the folder named (archive/2009/a.pdf -> DIR/2009/a.json).
    Bad files are recorded in DIR/_manifest.jsonl (one line per pack) and the rest goes on; a
    pack over the time or memory limit is stopped and recorded as failed; packs with the same
    content are extracted once and recorded as duplicates; a re-run skips packs whose JSON is
    already there (resume). Ctrl-C stops at once, keeps what finished and exits 130. Exits 6
    when some packs failed.

    \b
    Examples:
        scrutiny batch archive/2009 archive/2010 -o out/ -j 2
        scrutiny batch pack1.pdf pack2.txt -o out/ --time-limit 120
        scrutiny batch /shared/archive -o /shared/out --scheduler tcp://host:8786
    """
    import contextlib

    from scrutiny.extractor import batch as batch_mod

    progress = batch_mod.Progress(quiet=quiet)

    limits = _limits(max_bytes, max_pages, max_runs)
    try:
        with batch_mod.dask_pool(scheduler, workers) if scheduler else contextlib.nullcontext() as pool:
            outcomes = batch_mod.run(inputs, outdir, workers=workers, pool=pool, progress=progress,
                                     time_limit=time_limit or None, memory_limit=memory_limit or None, limits=limits)
    except ScrutinyError as exc:
        progress.close()
        _fail(exc)
    progress.close()
    failed = [o for o in outcomes if o.status == "failed"]
    counts = {s: sum(o.status == s for o in outcomes) for s in ("done", "skipped", "failed", "duplicate")}
    click.echo(f"{counts['done']} done, {counts['skipped']} skipped, {counts['failed']} failed, "
               f"{counts['duplicate']} duplicate", err=True)
    if failed:
        sys.exit(6)


def _open_archive(outdir: str):
    from scrutiny.archive import Archive

    archive = Archive(outdir)
    for path, why in archive.skipped:
        click.echo(f"Warning: {path}: skipped ({why})", err=True)
    return archive


@main.command(epilog=EXIT_CODES)
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.argument("sql", required=False)
@click.option("--csv", "fmt", flag_value="csv", help="Print CSV.")
@click.option("--json", "fmt", flag_value="json", help="Print one JSON array of objects.")
@click.option("--jsonl", "fmt", flag_value="jsonl", help="Print one JSON object per line.")
@click.option("--views", is_flag=True, help="List the views and what a row of each is.")
@click.option("-o", "--output", metavar="FILE", help="Write the result here instead of stdout.")
def query(outdir: str, sql: str | None, fmt: str | None, views: bool, output: str | None) -> None:
    """Run SQL (DuckDB) over views of every extraction JSON in OUTDIR.

    Views: packs, documents, meetings, agenda_items, members, co_optees, minutes, attendees,
    minute_items, resolutions, votes, vote_names, declarations, minute_actions, reports,
    recommendations, actions, milestones, exceptions, indicators, indicator_values (one row per
    period value), glossary, risks, people (the archive registry), pack_people, mentions, flags,
    and the series views action_history, milestone_history, indicator_series and attendance. '-' reads the SQL
    from stdin. Prints an aligned table unless --csv, --json or --jsonl.

    \b
    Examples:
        scrutiny query out "SELECT name, apologies FROM attendance ORDER BY apologies DESC LIMIT 10"
        scrutiny query out --csv "SELECT * FROM indicator_series WHERE code = 'NI 59'"
        scrutiny query out --views
    """
    from scrutiny.archive import query as q

    _check_output(output)
    try:
        archive = _open_archive(outdir)
        if views:
            _write("".join(f"{name:<18} {text}\n" for name, text in archive.describe().items()), output)
            return
        if sql is None:
            raise click.UsageError("give the SQL to run (or --views)")
        if sql == "-":
            sql = sys.stdin.read()
        result = archive.execute(sql)
        _write(q.format_result(result, fmt or "table"), output)
    except ScrutinyError as exc:
        _fail(exc)


@main.command(epilog=EXIT_CODES)
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.argument("dest")
@click.option("--to", "to", type=click.Choice(["sqlite", "parquet", "csv"]), required=True,
              help="sqlite: one database file; parquet, csv: a folder with one file per view.")
def export(outdir: str, dest: str, to: str) -> None:
    """Export the views of every extraction JSON in OUTDIR to DEST.

    SQLite gets every table with its primary key and foreign keys (Datasette opens it as it is);
    Parquet and CSV get one file per table and series view in the folder DEST.

    \b
    Examples:
        scrutiny export out --to sqlite archive.db && datasette archive.db
        scrutiny export out --to parquet tables/
    """
    from scrutiny.archive import export as ex

    if to == "sqlite":
        _check_output(dest)
    try:
        written = ex.export(_open_archive(outdir), to, dest)
    except ScrutinyError as exc:
        _fail(exc)
    click.echo(f"{len(written)} tables written to {dest}", err=True)


@main.command(epilog=EXIT_CODES)
@click.argument("extraction", type=click.Path(exists=True, dir_okay=False))
@click.argument("record_id")
@click.option("--pack", metavar="PDF", help="The pack the extraction was made from (default: found beside it).")
@click.option("-o", "--output", metavar="FILE", required=True, help="The PNG to write.")
def show(extraction: str, record_id: str, pack: str | None, output: str) -> None:
    """Draw a record's page(s) with its box outlined, to check it against the page.

    The record's own box is red; the boxes of records inside it (a minute item's resolutions
    and votes) are blue. The pack is found through the batch manifest or beside the extraction
    (same name), or named with --pack; its sha256 must match the extraction's.

    \b
    Examples:
        scrutiny show out/minutes.json mi-3f9a2c1b7d -o item.png
        scrutiny show minutes.json at-0b1c2d3e4f --pack minutes.pdf -o attendee.png
    """
    from scrutiny import show as show_mod

    _check_output(output, (extraction,))
    try:
        drawn = show_mod.show(extraction, record_id, output, pack)
    except ScrutinyError as exc:
        _fail(exc)
    pages = sorted({b.page for b in drawn})
    click.echo(f"{len(drawn)} box(es) on page(s) {', '.join(map(str, pages))} -> {output}", err=True)


@main.command()
@click.option("-o", "--output", metavar="FILE", help="Write the schema here instead of stdout.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of the extraction output.

    \b
    Example:
        scrutiny schema -o scrutiny/models/extraction.schema.json
    """
    from scrutiny.models.schema import schema_json

    _check_output(output)
    try:
        _write(schema_json(), output)
    except ScrutinyError as exc:
        _fail(exc)


if __name__ == "__main__":
    main()
