"""Action logs and plans without milestones: one Action per row.

The header says what each column is in any council's wording (kinds.ACTION_LOG); what a column
holds decides the rest: a progress column of short phrases ('On track', 'Complete') is a status,
one of sentences a progress note. A row whose only text spans the table (a theme or sub-heading
row) is no action; a row after a repeated header with no title carries on the row above it.
Actions printed without a ref are matched by title, so none is invented.
"""

from __future__ import annotations

import re
from typing import Optional

from scrutiny.extractor.tables.grid import Row
from scrutiny.extractor.tables.kinds import Layout
from scrutiny.extractor.textutil import parse_date

_OUTCOME = re.compile(r"^\W*(?:shared\s+)?(?:outcome|theme|priority|objective|ambition)\s*\d+\s*[:.\-–]\s*", re.I)
_SUFFIX = re.compile(r"\s*[~|]\s*[^~|]*$")


def theme_of(caption: Optional[str]) -> Optional[str]:
    """The theme a table's title names: 'Shared outcome 1: Give children ... ~ CYPE input' ->
    'Give children ...'; a caption that names no numbered outcome or theme gives None."""
    if not caption or not _OUTCOME.match(caption):
        return None
    text = _SUFFIX.sub("", _OUTCOME.sub("", caption)).strip()
    return text or None


def short_column(values: list[str]) -> bool:
    """A column of short phrases (statuses), not of sentences (notes)."""
    filled = [v for v in values if v.strip()]
    return bool(filled) and sum(1 for v in filled if len(v.split()) <= 4) >= 0.7 * len(filled)


def spanning(row: Row, xs: list[float], body: Optional[tuple] = None) -> bool:
    """A theme or sub-heading row: one filled cell whose text runs on past its column's edge, or
    whose text is set in another colour or weight than the table's body text."""
    filled = [i for i, c in enumerate(row.cells) if not c.empty]
    if len(filled) != 1 or not xs or filled[0] + 1 >= len(xs) - 1:
        return False
    edge = xs[filled[0] + 1]
    segs = [seg for f in row.cells[filled[0]].frags if f.line for seg in f.line.segments if seg.box[0] < edge]
    if any(seg.box[2] > edge + 2 for seg in segs):
        return True
    return body is not None and bool(segs) and all(_style(seg) != body for seg in segs)


def _style(seg) -> tuple:
    return (seg.colour, seg.bold)


def body_style(rows: list[Row]) -> Optional[tuple]:
    """The colour and weight most of a table's text is set in."""
    counts: dict[tuple, int] = {}
    for row in rows:
        for cell in row.cells:
            for f in cell.frags:
                for seg in (f.line.segments if f.line else ()):
                    if f.x0 is not None and abs(seg.box[0] - f.x0) < 0.5:
                        counts[_style(seg)] = counts.get(_style(seg), 0) + len(seg.text)
    return max(counts, key=counts.get) if counts else None


def rows_to_actions(rows: list[Row], fresh: list[bool], captions: list[Optional[str]], edges: list[list[float]], layout: Layout) -> list[dict]:
    cols = layout.columns
    texts = [r.texts() for r in rows]

    def column(name: str) -> list[str]:
        i = cols.get(name)
        return [t[i] if i is not None and i < len(t) else "" for t in texts]

    note_is_status = "note" in cols and "status" not in cols and short_column(column("note"))
    body = body_style(rows)
    out: list[dict] = []
    for row, t, is_fresh, caption, xs in zip(rows, texts, fresh, captions, edges):
        get = lambda name: (t[cols[name]].strip() if name in cols and cols[name] < len(t) else "")  # noqa: E731
        if not any(x.strip() for x in t) or spanning(row, xs, body):
            continue
        ref, title = get("ref") or None, get("title") or None
        values = {"plan": get("plan"), "lead": get("lead"), "due": get("due"), "status": get("status"), "note": get("note")}
        if note_is_status:
            values["status"], values["note"] = values["note"], ""
        if is_fresh and not ref and not title and out:
            last = out[-1]
            for name, field in (("plan", "plan"), ("note", "progress_note"), ("lead", "lead")):
                if values[name]:
                    last[field] = f"{last[field] or ''} {values[name]}".strip()
            last["rows"].append(row)
            continue
        if not ref and not title and not values["plan"]:
            continue
        due = values["due"] or None
        out.append({
            "ref": ref, "ref_printed": ref, "title": title, "lead": values["lead"] or None,
            "theme": theme_of(caption), "plan": values["plan"] or None,
            "due": (parse_date(due) or due) if due else None,
            "status": values["status"] or None, "progress_note": values["note"] or None, "rows": [row],
        })
    return out
