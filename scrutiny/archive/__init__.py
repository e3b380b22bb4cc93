"""An archive of extracted packs as SQL and DataFrames.

    import scrutiny
    archive = scrutiny.Archive("out/")             # every extraction JSON under out/
    archive.df("attendees")                        # a pandas DataFrame per view
    archive.sql("SELECT code, period, value FROM indicator_series WHERE code = 'NI 59'")
    archive.connection                             # the DuckDB connection itself

The tables (``tables.py``) hold one row per record of every pack, with the archive-wide people
registry joined in; the series views (``series.py``) line records up across successive packs.
DuckDB runs embedded, in memory: nothing to start, nothing written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from scrutiny.archive.series import VIEWS
from scrutiny.archive.tables import Table, flatten
from scrutiny.extractor.errors import ScrutinyError

if TYPE_CHECKING:
    import duckdb
    import pandas

__all__ = ["Archive", "ArchiveError", "QueryError"]


class ArchiveError(ScrutinyError):
    """The archive folder cannot be read."""

    exit_code = 3


class QueryError(ScrutinyError):
    """A query DuckDB refused (unknown view or column, a syntax error)."""

    exit_code = 2


def manifest_sources(outdir: Path) -> dict[str, str]:
    """Original pack path per extraction path, from ``_manifest.jsonl`` (last line per source wins)."""
    from scrutiny.extractor.batch import MANIFEST

    found: dict[str, str] = {}
    path = outdir / MANIFEST
    if not path.is_file():
        return found
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("output") and entry.get("source"):
            try:
                key = Path(entry["output"]).resolve().relative_to(outdir.resolve()).as_posix()
            except ValueError:
                continue
            found[key] = entry["source"]
    return found


class Archive:
    """Every extraction JSON under ``outdir`` (and its subfolders) as DuckDB views."""

    def __init__(self, outdir: str | Path):
        from scrutiny.extractor import ids
        from scrutiny.extractor.people import registry

        self.outdir = Path(outdir)
        if not self.outdir.is_dir():
            raise ArchiveError(f"{outdir}: not a folder of extractions")
        self.skipped: list[tuple[Path, str]] = []
        self.packs = registry.load_packs(self.outdir, skipped=self.skipped)
        for p in self.packs:
            if any(m.id is None for m in p.extraction.mentions) or (p.extraction.flags and p.extraction.flags[0].id is None):
                ids.assign(p.extraction)  # an extraction written before records had ids
        self.registry = registry.build(self.packs)
        sources = manifest_sources(self.outdir)
        rows = [(p.key, p.path.relative_to(self.outdir).as_posix(), sources.get(p.path.relative_to(self.outdir).as_posix()),
                 p.extraction) for p in self.packs]
        self.tables: dict[str, Table] = flatten(rows, self.registry)
        self._connection: Optional[duckdb.DuckDBPyConnection] = None

    @property
    def connection(self) -> "duckdb.DuckDBPyConnection":
        """The DuckDB connection holding the tables and views (built on first use)."""
        if self._connection is None:
            self._connection = _connect(self.tables)
        return self._connection

    @property
    def views(self) -> list[str]:
        """Names of every table and series view."""
        return list(self.tables) + list(VIEWS)

    def describe(self) -> dict[str, str]:
        """One line per view saying what a row is."""
        out = {name: t.description or f"One row per {name[:-1] if name.endswith('s') else name} record." for name, t in self.tables.items()}
        out.update({name: text for name, (text, _) in VIEWS.items()})
        return out

    def df(self, view: str) -> "pandas.DataFrame":
        """A view as a pandas DataFrame."""
        if view not in self.views:
            raise QueryError(f"{view}: no such view (choose from {', '.join(self.views)})")
        return self.sql(f'SELECT * FROM "{view}"')

    def sql(self, query: str) -> "pandas.DataFrame":
        """The result of a SQL query (DuckDB dialect) over the views, as a pandas DataFrame."""
        return self.execute(query).df()

    def close(self) -> None:
        """Close the DuckDB connection (a later query opens a new one)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def execute(self, query: str) -> Any:
        """A DuckDB relation for ``query``; a refused query raises QueryError."""
        import duckdb

        try:
            return self.connection.execute(query)
        except duckdb.Error as exc:
            raise QueryError(" ".join(str(exc).split())) from None


_FORK_HOOK: list[bool] = []


def _collect_before_fork() -> None:
    """DuckDB objects must not be finalised in a forked child (a batch worker): garbage holding
    them is collected in the parent before each fork."""
    if not _FORK_HOOK:
        import gc
        import os

        if hasattr(os, "register_at_fork"):
            os.register_at_fork(before=gc.collect)
        _FORK_HOOK.append(True)


def _connect(tables: dict[str, Table]) -> "duckdb.DuckDBPyConnection":
    import duckdb
    import pandas

    _collect_before_fork()
    con = duckdb.connect(":memory:")
    for t in tables.values():
        columns = ", ".join(f'"{c}" {kind}' for c, kind in t.columns)
        con.execute(f'CREATE TABLE "{t.name}" ({columns})')
        if t.rows:
            frame = pandas.DataFrame([[r.get(c) for c in t.names] for r in t.rows], columns=t.names, dtype=object)
            con.register("_rows", frame)
            casts = ", ".join(f'CAST("{c}" AS {kind})' for c, kind in t.columns)
            con.execute(f'INSERT INTO "{t.name}" SELECT {casts} FROM _rows')
            con.unregister("_rows")
    for name, (_, query) in VIEWS.items():
        con.execute(f'CREATE VIEW "{name}" AS {query}')
    return con
