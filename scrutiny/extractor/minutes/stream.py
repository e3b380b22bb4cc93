"""Turn the pages of a minutes document into one stream of rows.

A row is one logical line of the minutes with the page and line it came from. Running headers and
footers (lines that recur at the top or bottom of several pages, "Page N", page-number lines) are
dropped, converter markup is removed and ``<p>`` paragraphs become rows of their own. Where the
minutes are laid out as a grid (a header row such as "Item | Notes | Action" or "MINUTE NO. |
SUBJECT/DECISION"), each PDF row also carries its text split by column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from scrutiny.extractor.pages import Line, Page

_PAGE_FOOTER = re.compile(r"^\W*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\W*$", re.I)
_RULE = re.compile(r"^[\s\-=_*|]{3,}$")
_LINK = re.compile(r"^\[[^\]]*\]\([^)]*\)$")
_PARA = re.compile(r"</?p>", re.I)
_EMPHASIS = re.compile(r"^\s*(?:[\ue000-\uf8ff•·▪]\s*)?(?:\*{1,3}|_{2}|<(?:b|strong|i|em)>)\S.*?(?:\*{1,3}|_{2}|</(?:b|strong|i|em)>)\s*$", re.I)
_SYMBOL_GLYPH = re.compile("[\ue000-\uf8ff]")  # symbol-font bullets mapped to private-use code points
_BULLET = re.compile("^\\s*(?:[\ue000-\uf8ff•·▪◦‣]|o(?=\\s+[A-Z\\d$£“\"]))\\s*\\S")
_MARKUP = re.compile(r"\*+|</?(?:b|i|u|strong|em|br)\s*/?>|^#+\s*", re.I)

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


def clean_text(text: str) -> str:
    """Strip converter markup and collapse white space."""
    text = _MARKUP.sub(" ", text.replace("\t", " "))
    text = _SYMBOL_GLYPH.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _key(text: str) -> str:
    """A line's key for recurrence: its clean text in lower case, with numbers made alike when the
    line has words enough to be furniture ("Approved Minutes Page 2 of 4", "... registered number 1")."""
    key = clean_text(text).lower()
    return re.sub(r"\d+", "#", key) if len(re.findall(r"[^\W\d_]", key)) >= 12 else key


def running_keys(pages: list[Page], depth: int = 3) -> set[str]:
    """Keys of lines that recur in the first or last ``depth`` lines of two or more pages."""
    counts: Counter[str] = Counter()
    places: dict[str, list[float]] = {}
    for page in pages:
        lines = [ln for ln in page.lines if not is_furniture(ln.text)]
        edge = {_key(ln.text): ln for ln in lines[:depth] + lines[-depth:]}
        counts.update(edge.keys())
        for k, ln in edge.items():
            if ln.box is not None and page.height:
                places.setdefault(k, []).append(ln.box[1] / page.height)
    return {k for k, n in counts.items() if n >= 2 and k and len(k) < 160 and _same_place(places.get(k))}


def _same_place(ys: Optional[list[float]]) -> bool:
    """A running line stands at one height on the pages that carry it; text that merely ends two
    pages alike (a list repeated at the foot of each) stands wherever the text ran out."""
    if not ys or len(ys) < 2:
        return True
    ys = sorted(ys)
    return any(b - a <= 0.02 for a, b in zip(ys, ys[1:]))


def is_furniture(text: str) -> bool:
    """Page furniture that never belongs to the minutes' content."""
    s = clean_text(text)
    return not s or bool(_PAGE_FOOTER.match(s) or _RULE.match(s) or _LINK.match(s))


def _item_number(line: Line, texts: list[Line]) -> bool:
    """A bare number ("5.") away from the page's top and foot: an item number printed on a line of
    its own beside its title, not a page number."""
    s = clean_text(line.text)
    if not re.fullmatch(r"\d{1,3}[.)]", s):
        return False
    k = next((n for n, ln in enumerate(texts) if ln is line), -1)
    return 3 <= k < len(texts) - 3


def build(pages: list[Page]) -> list[Row]:
    """The rows of the minutes on ``pages``, in reading order."""
    running = running_keys(pages) if len(pages) > 1 else set()
    rows: list[Row] = []
    grid: Optional[list[tuple[float, str]]] = None
    for n, page in enumerate(pages):
        texts = [ln for ln in page.lines if clean_text(ln.text)]
        content = [ln for ln in texts if not is_furniture(ln.text)]  # "Page 2 of 3" is no running line's place
        # the first page's opening lines are the minutes' heading, though later pages repeat them
        edge_ids = {id(ln) for ln in (content[:3] if n else []) + content[-3:]}
        for ln in page.lines:
            if is_furniture(ln.text) and not _item_number(ln, texts):
                continue
            if id(ln) in edge_ids and _key(ln.text) in running:
                continue
            header = grid_header(ln)
            if header:
                grid = header
                continue
            emphasis = bool(_EMPHASIS.match(ln.text))
            for part in _paragraphs(ln.text):
                row = Row(part, page, ln, emphasis=emphasis)
                if grid and ln.segments and part == clean_text(ln.text):
                    row.columns = split_columns(ln, grid)
                rows.append(row)
    if grid is None:
        _right_column(rows)
    return rows


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


def grid_header(line: Line) -> Optional[list[tuple[float, str]]]:
    """Column starts and meanings when ``line`` is a minutes grid's header row."""
    if not line.segments or len(line.segments) < 2 or len(line.segments) > 4:
        return None
    cols = []
    for seg in line.segments:
        meaning = GRID_WORDS.get(seg.text.strip().lower())
        if meaning is None:
            return None
        cols.append((seg.box[0], meaning))
    return cols if len({m for _, m in cols}) >= 2 else None


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
