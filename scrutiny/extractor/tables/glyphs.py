"""A page's lines rebuilt from its glyphs, for reading tables drawn without rules.

Ingest takes pdfium's text runs as they come, and pdfium keeps a line of evenly spaced words in one
run however wide the spaces are: a row of figures ('Maine 13,278 13,077 12,950') reaches the table
stage as one run, and no gutter between its columns shows. Here the page's glyphs are read once
more (their loose boxes, which share a top and bottom along a line of one font), and a run ends
where the gap between two glyphs is wider than ``RUN_SPLIT`` word spaces (the width of the space
glyphs the page draws, against the glyphs' height), as pdfminer's text lines end at its character margin: the
whitespace between two columns of figures is wider than that, a justified line's spaces seldom. A
vertical rule between two glyphs ends a run as well (one run of ingest may hold two cells' text). Each new run keeps the baseline, weight and colour of the ingest run
it came from.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from statistics import median
from typing import Optional

from scrutiny.extractor.pages import Line, Page, Rule, Segment, Source

RUN_SPLIT = 1.6  # a gap wider than this many of the font's word spaces ends a run
WORD_SPACE = 0.25  # a word space in glyph heights, when the page draws no space glyph to measure
SPACE = 0.15  # a gap wider than this many glyph heights is a word space
INNER_MIN = 4  # cells of figures a ruled column needs to be read as two columns ...
INNER_SHARE = 0.7  # ... and this share of its cells with text
_FIGURE = re.compile(r"[-+(]?[£$€]?\d[\d,.]*%?\)?")
SPREAD = 0.72  # a run wider than this many glyph heights a character may hold wide gaps
_GROUPED = re.compile(r"[-+(]?[£$€]?\d{1,3}( \d{3})+([.,]\d+)?%?\)?")  # one figure, its thousands set a space apart
_SKIP = {0x20, 0x0A, 0x0D, 0xA0, 0xFFFE, 0xFEFF}


class Glyphs:
    """Pages read again from their glyphs, on demand: a page's glyphs are read at most once, and
    only for a page that asks for it. ``walls(page)`` is the page with runs that cross a vertical
    rule parted there (for ruled grids, where a wide gap inside a cell or across a merged cell
    joins one cell's text); ``gaps(page)`` the page with runs parted at wide gaps and vertical
    rules (for reading a table from alignment alone). Either is the page itself when nothing
    parts. Use as a context manager."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.doc = None
        self.read: dict[int, Optional[tuple[list[dict], float]]] = {}

    def __enter__(self) -> "Glyphs":
        return self

    def __exit__(self, *exc) -> None:
        if self.doc is not None:
            self.doc.close()

    def _chars(self, page: Page) -> Optional[tuple[list[dict], float]]:
        if page.index in self.read:
            return self.read[page.index]
        self.read[page.index] = None
        if self.source.format != "pdf" or not self.source.data:
            return None
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw

        try:
            if self.doc is None:
                self.doc = pdfium.PdfDocument(self.source.data)
            pg = self.doc[page.index - 1]
        except Exception:  # noqa: BLE001 - ingest already read it; a second failure leaves the runs as they are
            return None
        try:
            if pg.get_rotation():
                return None
            tp = pg.get_textpage()
            try:
                chars, spaces = _chars(tp.raw, raw, page.height or pg.get_size()[1])
            finally:
                tp.close()
        finally:
            pg.close()
        if chars:
            self.read[page.index] = (chars, RUN_SPLIT * (median(spaces) if spaces else WORD_SPACE))
        return self.read[page.index]

    def walls(self, page: Page) -> Page:
        upright = _upright(page)
        if not upright or not any(_inner(s, upright) for ln in page.lines for s in ln.segments):
            return page
        read = self._chars(page)
        lines = _parted_at_walls(page, read[0], upright, read[1]) if read else None
        return replace(page, lines=lines) if lines is not None else page

    def inner_columns(self, page: Page, grid) -> Optional[tuple[Page, list[float]]]:
        """Columns inside a grid's ruled columns: a ruled column whose cells, or whose lines, hold
        several words (INNER_SHARE of them, INNER_MIN at least), set apart at one
        x on every such line (a gutter no glyph of theirs covers, as a label and its figure, or
        two columns of figures under one spanning header, leave), is two columns. The gutter is
        a word space wide at least between figures, RUN_SPLIT word spaces between words. A
        column of figures whose thousands are set a space apart ('2 246 496') is one. The page
        comes back with each of the column's lines that leaves that x free parted there, and
        the x of the gutters; None when no ruled column holds such a gutter."""
        xs = grid.xs
        cands = []
        for c in range(len(xs) - 1):
            cells = [r.cells[c] for r in grid.rows if c < len(r.cells) and not r.cells[c].empty]
            for texts in ([cell.text if len(cell.frags) == 1 else "" for cell in cells], [f.text for cell in cells for f in cell.frags if f.text]):
                pairs = [t for t in texts if len(t.split()) >= 2]  # cells of one line, or lines
                grouped = sum(1 for t in pairs if _GROUPED.fullmatch(t))
                if len(pairs) >= INNER_MIN and len(pairs) >= INNER_SHARE * len(texts) and grouped < len(pairs) / 2:
                    if _may_part(grid, c):
                        cands.append(c)
                    break
        if not cands:
            return None
        read = self._chars(page)
        if read is None:
            return None
        chars, split = read
        size = median(ch["size"] for ch in chars)
        found: list[float] = []
        walls: list[Rule] = []
        top, bottom = grid.rows[0].top or 0.0, grid.rows[-1].bottom or float("inf")
        near = sorted(((ch["top"] + ch["bottom"]) / 2, ch["x0"], ch["x1"]) for ch in chars
                      if top - 2 <= (ch["top"] + ch["bottom"]) / 2 <= bottom + 2)
        mids = [m for m, _, _ in near]
        for c in cands:
            left, right = xs[c] + 1, xs[c + 1] - 1
            spans = []  # (frag, its glyphs' x ranges) for every line of the column
            for row in grid.rows:
                for f in row.cells[c].frags if c < len(row.cells) else ():
                    if f.top is None or f.bottom is None:
                        continue
                    lo, hi = bisect_left(mids, f.top - 1), bisect_right(mids, f.bottom + 1)
                    glyphs = sorted((x0, x1) for _, x0, x1 in near[lo:hi] if left <= (x0 + x1) / 2 <= right)
                    if glyphs:
                        spans.append((f, glyphs))
            several = [(f, g) for f, g in spans if len(f.text.split()) >= 2]
            if len(several) < INNER_MIN:
                continue
            figures = [(f, g) for f, g in several if _figures(f.text)]
            if len(figures) >= INNER_SHARE * len(several):
                several = figures
            for a, b in _free([g for _, g in several], (SPACE if several is figures else split) * size):
                both = sum(1 for _, g in several if g[0][0] < a and g[-1][1] > b)
                if both < INNER_SHARE * len(several):
                    continue
                x = (a + b) / 2
                found.append(x)
                for f, g in spans:
                    before = max((x1 for _, x1 in g if x1 <= x), default=None)
                    after = min((x0 for x0, _ in g if x0 >= x), default=None)
                    if (before is not None and after is not None and not any(x0 < x < x1 for x0, x1 in g)
                            and after - before >= (SPACE if _figures(f.text) else split) * size):
                        walls.append(Rule((x - 0.05, f.top, x + 0.05, f.bottom)))
        if not found:
            return None
        lines = _parted_at_walls(page, chars, _upright(page) + walls, split) if walls else None
        return (replace(page, lines=lines) if lines is not None else page), found

    def gaps(self, page: Page) -> Page:
        read = self._chars(page)
        if read is None:
            return page
        chars, split = read
        upright = _upright(page)
        lines = [ln for ln in (_line(group, split, upright) for group in rows_of(chars)) if ln is not None]
        if sum(len(ln.segments) for ln in lines) <= sum(len(ln.segments) for ln in page.lines):
            return page  # nothing parted: the runs ingest gave stand
        return replace(page, lines=[_restyle(ln, page) for ln in lines])


def _may_part(grid, c: int) -> bool:
    """Whether the lines of column ``c`` may leave one x free, judged from their runs alone: the
    gaps between runs, and the spaces of a run of figures or of a run spread wider than its
    characters need (its characters taken as evenly wide, a space two characters either way).
    The glyphs are read only for a column that may."""
    left, right = grid.xs[c], grid.xs[c + 1]
    events: list[tuple[float, int]] = []
    lines = 0
    for row in grid.rows:
        for f in row.cells[c].frags if c < len(row.cells) else ():
            if f.line is None or len(f.text.split()) < 2:
                continue
            lines += 1
            figures = _figures(f.text)
            gaps: list[tuple[float, float]] = []
            prev = None
            for seg in f.line.segments:
                x0, _, x1, _ = seg.box
                if not left - 1 <= x0 + 1 <= right:
                    continue
                w = (x1 - x0) / max(len(seg.text), 1)
                if figures or w > SPREAD * (seg.box[3] - seg.box[1]):
                    gaps += [(x0 + (m.start() - 2) * w, x0 + (m.end() + 2) * w) for m in re.finditer(r" +", seg.text)]
                if prev is not None:
                    gaps.append((prev - 1, x0 + 1))
                prev = x1
            for a, b in _union(gaps):
                events += [(a, 1), (b, -1)]
    n = best = 0
    for _, d in sorted(events, key=lambda e: (e[0], -e[1])):
        n += d
        best = max(best, n)
    return lines >= INNER_MIN and best >= INNER_SHARE * lines


def _union(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[list[float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _figures(text: str) -> bool:
    """Two figures or more and nothing else ('1,087,948 1,022,490'); a figure in brackets after
    another is its share or note ('38 (24.7%)'), one value."""
    words = text.split()
    return len(words) >= 2 and all(_FIGURE.fullmatch(w) and not w.startswith("(") for w in words)


def _free(lines: list[list[tuple[float, float]]], width: float) -> list[tuple[float, float]]:
    """The x ranges at least ``width`` wide that no glyph of any of the lines covers, between the
    leftmost and the rightmost glyph."""
    spans = sorted(g for line in lines for g in line)
    out = []
    end = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - end >= width:
            out.append((end, x0))
        end = max(end, x1)
    return out


def _upright(page: Page) -> list:
    """The page's vertical rules, heavy ones drawn as thin filled bars included."""
    from scrutiny.extractor.tables.recover_pdf import rule_boxes

    return [r for r in map(Rule, rule_boxes(page)) if not r.horizontal and r.box[3] - r.box[1] >= 5]


def _inner(seg: Segment, upright: list) -> bool:
    """Whether the x of a vertical rule falls inside the run."""
    x0, x1 = seg.box[0] + 3, seg.box[2] - 3
    return any(x0 < (w.box[0] + w.box[2]) / 2 < x1 for w in upright)


def _parted_at_walls(page: Page, chars: list[dict], upright: list, split: float) -> Optional[list[Line]]:
    """Ingest's lines with each run that crosses a vertical rule (one run holding two cells'
    text) parted there from its glyphs, and each run whose wide gaps hold the x of the grid's
    vertical rules twice or more (a body row under a header ruled alone) parted at those gaps;
    None when no run parts."""
    edges = sorted({round((w.box[0] + w.box[2]) / 2) for w in upright})
    bands: dict[int, list[dict]] = {}  # glyphs by the 4pt band their middle falls in
    for c in chars:
        bands.setdefault(int((c["top"] + c["bottom"]) / 8), []).append(c)
    out: list[Line] = []
    parted = False
    for ln in page.lines:
        segs: list[Segment] = []
        for seg in ln.segments:
            x0, top, x1, bottom = seg.box
            inner = [x for x in edges if x0 + 3 < x < x1 - 3]
            if not inner:
                segs.append(seg)
                continue
            near = [c for k in range(int((top - 1) / 4), int((bottom + 1) / 4) + 1) for c in bands.get(k, ())]
            inside = [c for c in near if x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1 and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1]
            runs = glyph_runs(inside, float("inf"), upright) if inside else []
            if len(runs) < 2 and inside:
                runs = _at_edges(glyph_runs(inside, split, upright), inner)
            if len(runs) < 2:
                segs.append(seg)
                continue
            for run, text in runs:
                box = (run[0]["x0"], seg.box[1], max(c["x1"] for c in run), seg.box[3])
                segs.append(Segment(text, box, seg.baseline, seg.size, seg.weight, seg.colour))
            parted = True
        new = line_of(segs)
        out.append(Line(text=new.text, box=new.box, segments=new.segments, bold=ln.bold) if new is not None and segs != list(ln.segments) else ln)
    return out if parted else None


def _at_edges(runs: list[tuple[list[dict], str]], edges: list[int]) -> list[tuple[list[dict], str]]:
    """Runs parted at gaps joined again except across a gap that holds a column edge; kept only
    when two such gaps or more part them."""
    out: list[tuple[list[dict], str]] = []
    for run, text in runs:
        if out and not any(out[-1][0][-1]["x1"] <= x <= run[0]["x0"] for x in edges):
            out[-1] = (out[-1][0] + run, f"{out[-1][1]} {text}")
        else:
            out.append((run, text))
    return out if len(out) >= 3 else []


def _chars(tp, raw, height: float) -> tuple[list[dict], list[float]]:
    """The page's glyphs with their loose boxes, and the widths of the space glyphs it draws. A
    glyph's "size" is the height of its loose box (the font's ascent to descent, which tracks the
    font size), and a space's width is measured in the same unit; spaces pdfium makes up between
    runs are no measure."""
    rect = raw.FS_RECTF()
    ref = ctypes.byref(rect)
    unicode, box, generated = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox, raw.FPDFText_IsGenerated
    out = []
    spaces: list[float] = []
    for k in range(raw.FPDFText_CountChars(tp)):
        u = unicode(tp, k)
        if u in _SKIP or 0xD800 <= u <= 0xDFFF:
            if u == 0x20 and len(spaces) < 200 and not generated(tp, k) and box(tp, k, ref) and rect.top > rect.bottom:
                spaces.append((rect.right - rect.left) / (rect.top - rect.bottom))
            continue
        if not box(tp, k, ref) or rect.right <= rect.left or rect.top <= rect.bottom:
            continue
        text = "-" if u in (0x02, 0xAD) else chr(u)
        if text.isprintable():
            out.append({"text": text, "x0": rect.left, "x1": rect.right, "top": height - rect.top, "bottom": height - rect.bottom,
                        "size": rect.top - rect.bottom})
    return out, spaces


def glyph_runs(chars: list[dict], split: float, rules: list, space: float = SPACE) -> list[tuple[list[dict], str]]:
    """One visual line's glyphs (dicts with x0, x1, top, bottom, text, size) parted into runs with
    their text: a gap wider than ``split`` sizes, or a vertical rule standing between two
    glyphs, ends a run; a gap wider than ``space`` sizes is a word space."""
    chars.sort(key=lambda c: c["x0"])
    top, bottom = min(c["top"] for c in chars), max(c["bottom"] for c in chars)
    walls = sorted((r.box[0] + r.box[2]) / 2 for r in rules
                   if min(r.box[3], bottom) - max(r.box[1], top) >= 0.5 * (bottom - top) and not r.horizontal)
    out: list[tuple[list[dict], str]] = []
    run: list[dict] = []
    text = ""
    for ch in chars:
        if run:
            prev = run[-1]
            size = max(prev.get("size") or 8.0, 1.0)
            gap = ch["x0"] - prev["x1"]
            if gap > split * size or (walls and _wall(walls, (prev["x0"] + prev["x1"]) / 2, ch["x0"] + 0.5)):
                out.append((run, text.strip()))
                run, text = [], ""
            elif gap > space * size and not text.endswith(" "):
                text += " "
        run.append(ch)
        text += ch["text"]
    out.append((run, text.strip()))
    return [(r, t) for r, t in out if r and t]


def _wall(walls: list[float], a: float, b: float) -> bool:
    i = bisect_left(walls, a)
    return i < len(walls) and walls[i] <= b


def line_of(segs: list[Segment]) -> Optional[Line]:
    if not segs:
        return None
    box = (min(s.box[0] for s in segs), min(s.box[1] for s in segs), max(s.box[2] for s in segs), max(s.box[3] for s in segs))
    return Line(text=" ".join(s.text for s in segs), box=box, segments=tuple(segs), bold=all(s.bold for s in segs))


def rows_of(chars: list[dict]) -> list[list[dict]]:
    """Glyphs grouped into visual lines: vertical extents overlapping by half."""
    rows: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        for row in reversed(rows[-8:]):
            ref = row[0]
            overlap = min(ref["bottom"], ch["bottom"]) - max(ref["top"], ch["top"])
            if overlap > 0.5 * min(ref["bottom"] - ref["top"], ch["bottom"] - ch["top"]):
                row.append(ch)
                break
        else:
            rows.append([ch])
    return rows


def _line(chars: list[dict], split: float, rules: list) -> Optional[Line]:
    segs = []
    for run, text in glyph_runs(chars, split, rules):
        box = (run[0]["x0"], min(c["top"] for c in run), max(c["x1"] for c in run), max(c["bottom"] for c in run))
        segs.append(Segment(text, box, size=max(c["size"] for c in run)))
    return line_of(segs)


def _restyle(line: Line, page: Page) -> Line:
    """The new runs with the style of the ingest run each starts in (baseline, weight, colour)."""
    mid = (line.box[1] + line.box[3]) / 2
    olds = [ln for ln in page.lines if ln.box and ln.box[1] - 1 <= mid <= ln.box[3] + 1]
    segs = []
    bold = bool(olds) and all(ln.bold for ln in olds)
    for seg in line.segments:
        x = seg.box[0] + 0.5
        old = next((s for ln in olds for s in ln.segments if s.box[0] - 1 <= x <= s.box[2] + 1), None)
        if old is None:
            segs.append(seg)
        else:
            segs.append(Segment(seg.text, seg.box, old.baseline, old.size or seg.size, old.weight, old.colour))
    return Line(text=line.text, box=line.box, segments=tuple(segs), bold=bold)
