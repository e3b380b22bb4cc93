"""The recovered-table model shared by every input format.

Recovery (PDF ruling lines, text-pack tab rows) produces :class:`Grid` objects: a header and body
rows of cells; each cell keeps its text fragments with their vertical position (PDF) or line number
(text) and the fill colour under it, so interpreters can split packed cells and read RAG colours
without knowing where the grid came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from scrutiny.extractor.pages import Line, Page

RGB = tuple[int, int, int]


@dataclass(slots=True)
class Frag:
    """One visual line of text inside a cell."""

    text: str
    top: Optional[float] = None
    bottom: Optional[float] = None
    line: Optional[Line] = None
    x0: Optional[float] = None  # left edge of the run (PDF)
    baseline: Optional[float] = None  # its baseline (PDF)
    colour: Optional[RGB] = None  # fill colour of its glyphs (PDF)


@dataclass(slots=True)
class Cell:
    frags: list[Frag] = field(default_factory=list)
    fills: list[tuple[float, float, RGB]] = field(default_factory=list)  # (top, bottom, rgb) under the cell

    @property
    def text(self) -> str:
        return " ".join(f.text for f in self.frags if f.text).strip()

    @property
    def empty(self) -> bool:
        return not self.text

    @property
    def glyph_colour(self) -> Optional[RGB]:
        """The colour of a symbol printed in the cell (a status dot or square: no letter or
        digit), when the page model knows it."""
        for f in self.frags:
            t = f.text.strip()
            if f.colour is not None and t and len(t) <= 3 and not any(ch.isalnum() for ch in t):
                return f.colour
        return None

    def fill_at(self, top: Optional[float] = None) -> Optional[RGB]:
        """The fill colour under the cell (at ``top`` when several fills share the cell)."""
        if not self.fills:
            return None
        if top is None:
            return self.fills[0][2]
        for t, b, rgb in self.fills:
            if t - 2 <= top <= b:
                return rgb
        return None


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    page: Page
    top: Optional[float] = None
    bottom: Optional[float] = None
    spaced: bool = False  # told apart from the row above by whitespace or a band, not a rule

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    @property
    def lines(self) -> list[Line]:
        return [f.line for c in self.cells for f in c.frags if f.line is not None]

    @property
    def empty(self) -> bool:
        return all(c.empty for c in self.cells)


@dataclass(slots=True)
class Grid:
    """A table as recovered: the rows of one ruled region (PDF) or one run of tab rows (text)."""

    rows: list[Row]
    caption: Optional[str] = None  # text just above the table (a group heading, a title)
    source: str = "pdf"
    xs: list[float] = field(default_factory=list)  # column edges, left to right (PDF)
    box: Optional[tuple[float, float, float, float]] = None  # where the table lies on its page (PDF)
    strategy: str = "ruled"  # which recovery found it: ruled, cells, stream, pairs, text

    @property
    def pages(self) -> list[int]:
        idx = sorted({r.page.index for r in self.rows})
        return [idx[0], idx[-1]] if idx else []

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


def closed_above(row: Row, xs: list[float], col: int) -> bool:
    """Whether a horizontal rule runs along the top of this row's cell in column ``col``: a cell of
    its own, where no rule there means a merged cell running on from the row above."""
    if not xs or col + 1 >= len(xs) or row.top is None:
        return False
    x0, x1 = xs[col], xs[col + 1]
    for rule in row.page.rules:
        bx0, top, bx1, bottom = rule.box
        if rule.horizontal and abs((top + bottom) / 2 - row.top) <= 2.5 and min(bx1, x1) - max(bx0, x0) >= 0.6 * (x1 - x0):
            return True
    return False


def text_cell(text: str, line: Optional[Line] = None) -> Cell:
    return Cell([Frag(text, line=line)] if text else [])
