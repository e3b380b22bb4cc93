"""The archive's tables and series views written out: one SQLite file (primary and foreign keys, so
Datasette links the tables as it opens them), or a folder of Parquet or CSV files (DuckDB's COPY)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from scrutiny.archive import Archive, QueryError
from scrutiny.archive.series import VIEWS
from scrutiny.extractor.errors import OutputError

FORMATS = ("sqlite", "parquet", "csv")
_SQLITE_TYPES = {"TEXT": "TEXT", "BIGINT": "INTEGER", "DOUBLE": "REAL", "BOOLEAN": "INTEGER"}


def export(archive: Archive, to: str, dest: str | Path) -> list[str]:
    """Write every table and series view; returns the names written."""
    if to == "sqlite":
        return to_sqlite(archive, Path(dest))
    if to in ("parquet", "csv"):
        return to_files(archive, Path(dest), to)
    raise ValueError(f"unknown format {to!r} (choose from {', '.join(FORMATS)})")


def _ddl(table) -> str:
    cols = [f'"{c}" {_SQLITE_TYPES[kind]}' + (" PRIMARY KEY" if c == table.key else "") for c, kind in table.columns]
    cols += [f'FOREIGN KEY ("{c}") REFERENCES "{t}"("{k}")' for c, (t, k) in table.foreign.items()]
    return f'CREATE TABLE "{table.name}" ({", ".join(cols)})'


def to_sqlite(archive: Archive, dest: Path) -> list[str]:
    """One SQLite database, written to a temporary file beside ``dest`` and renamed over it."""
    parent = dest.parent if str(dest.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{dest}: folder {parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=parent, prefix=".scrutiny-", suffix=".part")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.execute("PRAGMA foreign_keys = ON")
        with con:
            for t in archive.tables.values():
                con.execute(_ddl(t))
                names = t.names
                marks = ", ".join("?" for _ in names)
                con.executemany(f'INSERT INTO "{t.name}" VALUES ({marks})',
                                ([_value(r.get(c)) for c in names] for r in t.rows))
            for name in VIEWS:
                result = archive.execute(f'SELECT * FROM "{name}"')
                columns = [d[0] for d in result.description]
                con.execute(f'CREATE TABLE "{name}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)})')
                marks = ", ".join("?" for _ in columns)
                con.executemany(f'INSERT INTO "{name}" VALUES ({marks})', ([_value(v) for v in row] for row in result.fetchall()))
        con.close()
        os.replace(tmp, dest)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{dest}: cannot write ({(exc.strerror or str(exc)).lower()})") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return list(archive.tables) + list(VIEWS)


def _value(v):
    if isinstance(v, bool):
        return int(v)
    if v is None or isinstance(v, (int, float, str)):
        return v
    return str(v)  # dates from the series views


def to_files(archive: Archive, dest: Path, kind: str) -> list[str]:
    """One ``<view>.parquet`` or ``<view>.csv`` per table and series view in the folder ``dest``."""
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{dest}: cannot create the folder ({(exc.strerror or str(exc)).lower()})") from None
    if not dest.is_dir():
        raise OutputError(f"{dest}: is a file; --to {kind} needs a folder")
    options = "FORMAT PARQUET" if kind == "parquet" else "FORMAT CSV, HEADER"
    names = archive.views
    for name in names:
        target = str(dest / f"{name}.{kind}").replace("'", "''")
        try:
            archive.execute(f"COPY (SELECT * FROM \"{name}\") TO '{target}' ({options})")
        except QueryError as exc:
            raise OutputError(f"{dest}: cannot write {name}.{kind} ({exc})") from None
    return names
