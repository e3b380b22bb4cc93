"""One page model for every input format.

A PDF page and a page of a text pack both become a :class:`Page` of :class:`Line` objects, so every
stage after ingest is written once. PDF pages also carry their ruling lines and filled rectangles
(with fill colour), which table recovery and status-colour reading need; text lines carry the
tab-separated cells a text conversion keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

Box = tuple[float, float, float, float]  # x0, top, x1, bottom; PDF points from the top-left


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text on one line with its box (a word or a phrase the PDF drew in one go)."""

    text: str
    box: Box
    baseline: Optional[float] = None  # y of the first glyph's origin, from the top (PDF)
    size: Optional[float] = None  # font size in points
    weight: Optional[int] = None  # font weight (400 regular, 700 bold)
    colour: Optional[tuple[int, int, int]] = None  # fill colour of the glyphs, RGB 0-255

    @property
    def bold(self) -> bool:
        return (self.weight or 0) >= 600


@dataclass(slots=True)
class Line:
    """A visual line of text.

    ``segments`` hold the runs with their boxes (PDF); ``cells`` hold the tab-separated fields of a
    text line. ``number`` is the 1-based line number in a text source.
    """

    text: str
    box: Optional[Box] = None
    segments: tuple[Segment, ...] = ()
    cells: tuple[str, ...] = ()
    number: Optional[int] = None
    bold: bool = False

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def first_cell(self) -> str:
        """The text up to the first wide gap between runs (more than three times the font size):
        the label cell of a "Label    value" row, the left column of a two-column letterhead.
        A text line's first tab-separated cell; the whole text when nothing parts it."""
        if self.cells:
            return self.cells[0]
        if not self.segments:
            return self.text.strip()
        segs = sorted(self.segments, key=lambda s: s.box[0])
        out = [segs[0].text]
        for prev, seg in zip(segs, segs[1:]):
            size = prev.size or (prev.box[3] - prev.box[1]) or 10
            if seg.box[0] - prev.box[2] > 3 * size:
                break
            out.append(seg.text)
        return " ".join(t.strip() for t in out if t.strip())


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line (stroked path or a thin filled rectangle)."""

    box: Box

    @property
    def horizontal(self) -> bool:
        x0, top, x1, bottom = self.box
        return (x1 - x0) >= (bottom - top)


@dataclass(frozen=True, slots=True)
class FilledRect:
    """A filled rectangle and its fill colour as RGB 0-255."""

    box: Box
    fill: tuple[int, int, int]


@dataclass(slots=True)
class Page:
    index: int  # 1-based position in the source
    lines: list[Line]
    width: Optional[float] = None
    height: Optional[float] = None
    rules: list[Rule] = field(default_factory=list)
    rects: list[FilledRect] = field(default_factory=list)
    printed_number: Optional[int] = None  # the pack's own "Page N"
    blank: bool = False
    extracted: bool = True  # False: the page could not be read (damaged, over a cap, a scan without OCR)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def line_range(self) -> Optional[list[int]]:
        numbers = [ln.number for ln in self.lines if ln.number is not None]
        return [min(numbers), max(numbers)] if numbers else None


@dataclass(slots=True)
class Source:
    """An ingested pack: its identity and its pages."""

    name: str
    sha256: str
    format: str  # "pdf" or "text"
    pages: list[Page]
    path: Optional[str] = None
    data: Optional[bytes] = field(default=None, repr=False)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (page, why) of pages not extracted
    ocred: list[tuple[int, float]] = field(default_factory=list)  # (page, mean word confidence) of pages read by OCR
