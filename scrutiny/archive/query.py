"""Query results printed as an aligned table, CSV, JSON or JSON lines."""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import json
from typing import Any

WIDEST = 60  # characters of a cell shown in the aligned table


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def format_result(result: Any, fmt: str = "table") -> str:
    """A DuckDB result (``description`` and ``fetchall``) in ``fmt``: table, csv, json or jsonl."""
    columns = [d[0] for d in result.description] if result.description else []
    rows = [[_plain(v) for v in row] for row in result.fetchall()] if columns else []
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
        return buf.getvalue()
    objects = [dict(zip(columns, row)) for row in rows]
    if fmt == "json":
        return json.dumps(objects, ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)
    return table(columns, rows)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:g}"
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= WIDEST else text[: WIDEST - 1] + "…"


def table(columns: list[str], rows: list[list[Any]]) -> str:
    """Columns padded to their widest cell, numbers right-aligned, with a rule under the header."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row[i], (int, float)) and not isinstance(row[i], bool) for row in rows if row[i] is not None)
               and any(row[i] is not None for row in rows) for i in range(len(columns))]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
