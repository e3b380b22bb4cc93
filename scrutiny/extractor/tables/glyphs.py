"""A page's lines rebuilt from its glyphs, for reading tables drawn without rules.

Ingest takes pdfium's text runs as they come, and pdfium keeps a line of evenly spaced words in one
run however wide the spaces are: a row of figures ('Maine 13,278 13,077 12,950') reaches the table
stage as one run, and no gutter between its columns shows. Here the page's glyphs are read once
more (their loose boxes, which share a top and bottom along a line of one font), and a run ends
where the gap between two glyphs is wider than ``RUN_SPLIT`` word spaces (the width of the space
glyphs the page draws, in font sizes), as pdfminer's text lines end at its character margin: the
whitespace between two columns of figures is wider than that, a justified line's spaces seldom. A
vertical rule between two glyphs ends a run as well (one run of ingest may hold two cells' text). Each new run keeps the baseline, weight and colour of the ingest run
it came from.
"""

from __future__ import annotations

import ctypes
from dataclasses import replace
from statistics import median
from typing import Optional

from scrutiny.extractor.pages import Line, Page, Segment, Source

RUN_SPLIT = 1.6  # a gap wider than this many of the font's word spaces ends a run
WORD_SPACE = 0.28  # a word space in font sizes, when the page draws no space glyph to measure
SPACE = 0.15  # a gap wider than this many font sizes is a word space
_SKIP = {0x20, 0x0A, 0x0D, 0xA0, 0xFFFE, 0xFEFF}


def split_pages(source: Source, pages: list[Page]) -> dict[int, Page]:
    """The pages among ``pages`` whose runs part at wide gaps, rebuilt; the others are left out."""
    if source.format != "pdf" or not source.data or not pages:
        return {}
    import pypdfium2 as pdfium

    out: dict[int, Page] = {}
    try:
        doc = pdfium.PdfDocument(source.data)
    except Exception:  # noqa: BLE001 - ingest already read it; a second failure leaves the runs as they are
        return out
    try:
        for page in pages:
            lines = _glyph_lines(doc, page)
            if lines is not None:
                out[page.index] = replace(page, lines=lines)
    finally:
        doc.close()
    return out


def _glyph_lines(doc, page: Page) -> Optional[list[Line]]:
    import pypdfium2.raw as raw

    pg = doc[page.index - 1]
    try:
        if pg.get_rotation():
            return None
        height = page.height or pg.get_size()[1]
        tp = pg.get_textpage()
        try:
            chars = _chars(tp.raw, raw, height)
        finally:
            tp.close()
    finally:
        pg.close()
    if not chars[0]:
        return None
    chars, spaces = chars
    split = RUN_SPLIT * (median(spaces) if spaces else WORD_SPACE)
    lines = [ln for ln in (_line(group, split, page.rules) for group in rows_of(chars)) if ln is not None]
    if sum(len(ln.segments) for ln in lines) <= sum(len(ln.segments) for ln in page.lines):
        return None  # nothing parted: the runs ingest gave stand
    return [_restyle(ln, page) for ln in lines]


def _chars(tp, raw, height: float) -> tuple[list[dict], list[float]]:
    """The page's glyphs with their loose boxes and sizes, and the widths of the space glyphs it
    draws (in font sizes; spaces pdfium makes up between runs are no measure)."""
    rect = raw.FS_RECTF()
    out = []
    spaces: list[float] = []
    for k in range(raw.FPDFText_CountChars(tp)):
        u = raw.FPDFText_GetUnicode(tp, k)
        if u == 0x20 and len(spaces) < 200 and not raw.FPDFText_IsGenerated(tp, k) and raw.FPDFText_GetLooseCharBox(tp, k, ctypes.byref(rect)):
            size = raw.FPDFText_GetFontSize(tp, k)
            if size > 0 and rect.right > rect.left:
                spaces.append((rect.right - rect.left) / size)
            continue
        if u in _SKIP or 0xD800 <= u <= 0xDFFF or not raw.FPDFText_GetLooseCharBox(tp, k, ctypes.byref(rect)):
            continue
        text = "-" if u in (0x02, 0xAD) else chr(u)
        if not text.isprintable():
            continue
        if rect.right - rect.left <= 0 or rect.top - rect.bottom <= 0:
            continue
        out.append({"text": text, "x0": rect.left, "x1": rect.right, "top": height - rect.top, "bottom": height - rect.bottom,
                    "size": raw.FPDFText_GetFontSize(tp, k) or 8.0})
    return out, spaces


def glyph_runs(chars: list[dict], split: float, rules: list, space: float = SPACE) -> list[tuple[list[dict], str]]:
    """One visual line's glyphs (dicts with x0, x1, top, bottom, text, size) parted into runs with
    their text: a gap wider than ``split`` font sizes, or a vertical rule standing between two
    glyphs, ends a run; a gap wider than ``space`` font sizes is a word space."""
    chars.sort(key=lambda c: c["x0"])
    top, bottom = min(c["top"] for c in chars), max(c["bottom"] for c in chars)
    walls = [(r.box[0] + r.box[2]) / 2 for r in rules
             if not r.horizontal and min(r.box[3], bottom) - max(r.box[1], top) >= 0.5 * (bottom - top)]
    out: list[tuple[list[dict], str]] = []
    run: list[dict] = []
    text = ""
    for ch in chars:
        if run:
            prev = run[-1]
            size = max(prev.get("size") or 8.0, 1.0)
            gap = ch["x0"] - prev["x1"]
            if gap > split * size or any((prev["x0"] + prev["x1"]) / 2 <= w <= ch["x0"] + 0.5 for w in walls):
                out.append((run, text.strip()))
                run, text = [], ""
            elif gap > space * size and not text.endswith(" "):
                text += " "
        run.append(ch)
        text += ch["text"]
    out.append((run, text.strip()))
    return [(r, t) for r, t in out if r and t]


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
