"""Turn the pages of a minutes document into one stream of rows.

A row is one logical line of the minutes with the page and line it came from. Running headers and
footers (lines that recur at the top or bottom of several pages, "Page N", page-number lines) are
dropped, converter markup is removed and ``<p>`` paragraphs become rows of their own. Where the
minutes are laid out as a grid (a header row such as "Item | Notes | Action" or "MINUTE NO. |
SUBJECT/DECISION"), each PDF row also carries its text split by column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from scrutiny.extractor.furniture import clean_text, is_furniture, running_lines
from scrutiny.extractor.pages import Line, Page

_PARA = re.compile(r"</?p>", re.I)
_EMPHASIS = re.compile(r"^\s*(?:[\ue000-\uf8ff•·▪]\s*)?(?:\*{1,3}|_{2}|<(?:b|strong|i|em)>)\S.*?(?:\*{1,3}|_{2}|</(?:b|strong|i|em)>)\s*$", re.I)
_BULLET = re.compile("^\\s*(?:[\ue000-\uf8ff•·▪◦‣]|o(?=\\s+[A-Z\\d$£“\"]))\\s*\\S")

GRID_WORDS = {
    "item": "title", "items": "title", "minute no.": "ref", "minute no": "ref", "minute": "ref", "no.": "ref",
    "subject/decision": "title", "subject": "title", "notes": "body", "note": "body", "minutes": "body",
    "discussion": "body", "decision": "body", "action": "action", "actions": "action", "by whom": "action",
    "action by": "action", "who": "action",
}


@dataclass
class Row:
    """One logical line of the minutes."""

    text: str
    page: Page
    line: Line
    columns: dict[str, str] = field(default_factory=dict)
    emphasis: bool = False  # the whole row was marked bold or italic by a converter

    @property
    def number(self) -> Optional[int]:
        return self.line.number

    @property
    def bullet(self) -> bool:
        """The row opens a bulleted point: a bullet glyph (or a symbol font's "o") before its text."""
        return bool(_BULLET.match(self.line.text))


def _index_of(line: Line, texts: list[Line]) -> int:
    return next((n for n, ln in enumerate(texts) if ln is line), -1)


def _item_number(line: Line, texts: list[Line]) -> bool:
    """A bare number ("5.") away from the page's top and foot: an item number printed on a line of
    its own beside its title, not a page number."""
    s = clean_text(line.text)
    if not re.fullmatch(r"\d{1,3}[.)]", s):
        return False
    k = _index_of(line, texts)
    if 3 <= k < len(texts) - 3:
        return True
    # near the page's edge, under the page number: a heading when its title follows ("10" / "4." / "Support Services")
    nxt = clean_text(texts[k + 1].text) if 0 <= k < len(texts) - 1 else ""
    return bool(nxt[:1].isupper() and len(nxt.split()) <= 12 and not nxt.endswith((".", ",", ";")))


def _count_line(line: Line, texts: list[Line]) -> bool:
    """A bracketed number on a line of its own away from the page's top and foot: the count under a
    list of names ("Councillors Butler, Collins ... and Sheahan" / "(12)"), not a page number."""
    if not re.fullmatch(r"\(\d{1,3}\)", clean_text(line.text).strip("*")):
        return False
    return 3 <= _index_of(line, texts) < len(texts) - 3


def build(pages: list[Page]) -> list[Row]:
    """The rows of the minutes on ``pages``, in reading order."""
    running = running_lines(pages)
    rows: list[Row] = []
    grid: Optional[list[tuple[float, str]]] = None
    for page in pages:
        texts = [ln for ln in page.lines if clean_text(ln.text)]
        for ln in page.lines:
            if is_furniture(ln.text) and not _item_number(ln, texts) and not _count_line(ln, texts):
                continue
            if id(ln) in running:
                continue
            header = grid_header(ln)
            if header:
                grid = header
                continue
            if _column_heads(ln):
                continue  # "Items | Action" over text with an action column beside it (see _right_column)
            emphasis = bool(_EMPHASIS.match(ln.text))
            for part in _paragraphs(ln.text):
                row = Row(part, page, ln, emphasis=emphasis)
                if grid and ln.segments and part == clean_text(ln.text):
                    row.columns = split_columns(ln, grid)
                rows.append(row)
    if grid is None:
        _right_column(rows)
    _numbers_below_titles(rows)
    return rows


def _numbers_below_titles(rows: list[Row]) -> None:
    """An item number centred in a left-hand cell beside its title and first line of text comes out
    of the text layer after the title ("Accounts 2014/15" / "5." / "Jonathan Ogden presented ..."):
    a bare number left of the row before it, on the line right under it, where that row is set
    apart above and in the number's weight, is its heading and goes first."""
    for i in range(1, len(rows)):
        row, title = rows[i], rows[i - 1]
        a, b = row.line.box, title.line.box
        if not (a and b) or row.page is not title.page or not re.fullmatch(r"\d{1,3}[.)]?", row.text.strip()):
            continue
        height = max(b[3] - b[1], 1.0)
        if not (b[0] > a[2] + 12 and 0 <= a[1] - b[3] < 0.8 * height and row.line.bold == title.line.bold):
            continue
        above = rows[i - 2] if i >= 2 and rows[i - 2].page is title.page else None
        if above is not None and above.line.box and b[1] - above.line.box[3] < 0.8 * height:
            continue  # the row before runs on from text above it: the number heads what follows
        rows[i - 1], rows[i] = row, title


def _right_column(rows: list[Row]) -> None:
    """A right-hand action or owner column drawn without a grid ("... inappropriate.      KC"): short
    runs standing apart at one left edge near the right of the page on three or more rows are
    moved out of the text into the row's ``action`` column (the text stays as its ``body``)."""
    found: list[tuple[Row, float]] = []
    for row in rows:
        segs = row.line.segments
        if len(segs) < 2 or row.columns:
            continue
        last, before = segs[-1], segs[-2]
        width = row.page.width or 0
        if (width and last.box[0] >= 0.6 * width and last.box[0] - before.box[2] >= 30
                and len(last.text.split()) <= 3 and len(last.text) <= 25):
            found.append((row, last.box[0]))
    by_edge: dict[int, list[Row]] = {}
    for row, x in found:
        by_edge.setdefault(round(x / 8), []).append(row)
    for edge_rows in by_edge.values():
        if len(edge_rows) < 3:
            continue
        for row in edge_rows:
            who = clean_text(row.line.segments[-1].text)
            body = clean_text(" ".join(g.text for g in row.line.segments[:-1]))
            row.text, row.columns = body, {"body": body, "action": who}


def _paragraphs(text: str) -> list[str]:
    parts = [clean_text(p) for p in _PARA.split(text)] if _PARA.search(text) else [clean_text(text)]
    return [p for p in parts if p]


def _column_heads(line: Line) -> Optional[list[tuple[float, str]]]:
    """Column starts and meanings when every run of ``line`` is a grid column's header word."""
    if not line.segments or len(line.segments) < 2 or len(line.segments) > 4:
        return None
    cols = []
    for seg in line.segments:
        meaning = GRID_WORDS.get(seg.text.strip().lower())
        if meaning is None:
            return None
        cols.append((seg.box[0], meaning))
    return cols if len({m for _, m in cols}) >= 2 else None


def grid_header(line: Line) -> Optional[list[tuple[float, str]]]:
    """Column starts and meanings when ``line`` is a minutes grid's header row: two columns of the
    minutes' own text at least (ref, title, notes), besides any action column. A title column with
    only an action column beside it ("Items | Action") heads the text itself, not a grid."""
    cols = _column_heads(line)
    return cols if cols and len({m for _, m in cols} - {"action"}) >= 2 else None


def split_columns(line: Line, grid: list[tuple[float, str]]) -> dict[str, str]:
    """The line's text by grid column (a segment belongs to the last column starting at or before it)."""
    out: dict[str, list[str]] = {}
    starts = sorted(grid)
    for seg in line.segments:
        meaning = "lead"
        for x0, m in starts:
            if seg.box[0] >= x0 - 6:
                meaning = m
        out.setdefault(meaning, []).append(seg.text)
    return {k: clean_text(" ".join(v)) for k, v in out.items()}
