"""A second reading of the few PDF pages the page model cannot hold a table for.

Ingest reads a page's runs and paths once, fast, for every stage. Two kinds of table page defeat
that reading, and for them only the table stage reads the page again, glyph by glyph, with
pdfplumber (pdfminer), which applies the page's /Rotate and the matrices of form XObjects:

- a page turned by /Rotate (a landscape plan printed on a portrait page): its runs come out
  vertical, one letter each, and no line of text reads across the table;
- a page whose ruling lines sit inside a form XObject (ingest found none) and whose runs, drawn in
  one text object, join across columns ('Ref. Topic Risk Identified').

(A run of ingest crossing a vertical rule, or a wide gap, is parted again by
:mod:`~scrutiny.extractor.tables.glyphs`, from pdfium's glyphs, which needs no second parser.)

The new reading builds runs from glyphs (a gap wider than a word space, or a vertical rule
between two glyphs, ends a run), groups them into lines, and keeps the rules and fills, in the
same page model, so every recovery strategy reads it as it reads any page.
"""

from __future__ import annotations

import io
from typing import Optional

from scrutiny.extractor.pages import FilledRect, Line, Page, Rule, Segment, Source
from scrutiny.extractor.tables.glyphs import glyph_runs, line_of, rows_of

RUN_SPLIT = 0.9  # a gap wider than this many font sizes ends a run
SPACE = 0.18  # a gap wider than this many font sizes is a word space


def candidates(source: Source) -> list[int]:
    """Indices (1-based) of pages to read again: turned pages, and pages whose paths lie in a form
    XObject while ingest found no rules on them. One look at pdfium's objects per page."""
    if source.format != "pdf" or not source.data:
        return []
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out: list[int] = []
    doc = None
    try:
        for page in source.pages:
            if page.blank or not page.lines:
                continue
            turned, formed = _vertical(page), not page.rules and _tabular(page)
            if not (turned or formed):
                continue  # the page model alone rules the page out: no need to open it again
            if doc is None:
                try:
                    doc = pdfium.PdfDocument(source.data)
                except Exception:  # noqa: BLE001 - ingest already read it; a second failure is no table
                    return out
            pg = doc[page.index - 1]
            try:
                if turned and pg.get_rotation() in (90, 270):
                    out.append(page.index)
                elif formed and _formed_paths(pg, raw) >= 8:
                    out.append(page.index)
            finally:
                pg.close()
    finally:
        if doc is not None:
            doc.close()
    return out


def _vertical(page: Page) -> bool:
    """Most runs are taller than wide: text set across a turned page."""
    segs = [s for ln in page.lines for s in ln.segments]
    tall = sum(1 for s in segs if (s.box[3] - s.box[1]) > 1.5 * (s.box[2] - s.box[0]))
    return bool(segs) and tall >= 0.3 * len(segs)


def _tabular(page: Page) -> bool:
    """Lines of two runs or more, or runs longer than a column would hold beside others: a page
    that may hold a table at all."""
    return sum(1 for ln in page.lines if len(ln.segments) >= 2) >= 3


def _formed_paths(pg, raw) -> int:
    n = 0
    for obj in pg.get_objects(max_depth=1):
        if obj.type == raw.FPDF_PAGEOBJ_FORM:
            n += raw.FPDFFormObj_CountObjects(obj.raw)
    return n


def reread(source: Source, indices: list[int]) -> dict[int, Page]:
    """The pages at ``indices`` read again from their glyphs, rules and fills."""
    if not indices:
        return {}
    import pdfplumber

    out: dict[int, Page] = {}
    with pdfplumber.open(io.BytesIO(source.data)) as pdf:
        for index in indices:
            old = source.pages[index - 1]
            pp = pdf.pages[index - 1]
            out[index] = page_from(pp.chars, pp.edges, pp.rects, index, float(pp.width), float(pp.height), old)
            pp.close()
    return out


def page_from(chars: list[dict], edges: list[dict], rects: list[dict], index: int, width: float, height: float,
              old: Optional[Page] = None) -> Page:
    rules = [Rule((e["x0"], e["top"], e["x1"], e["bottom"])) for e in edges if _stroked(e)]
    fills = []
    for r in rects:
        rgb = _rgb(r.get("non_stroking_color")) if r.get("fill") else None
        if rgb and rgb != (255, 255, 255) and r["x1"] - r["x0"] < 0.98 * width:
            fills.append(FilledRect((r["x0"], r["top"], r["x1"], r["bottom"]), rgb))
    lines = [_line(group, rules) for group in rows_of([c for c in chars if c.get("upright", True) and c["text"].strip() and not c["text"].startswith("(cid:")])]
    lines = [ln for ln in lines if ln is not None]
    page = Page(index=index, lines=lines, width=width, height=height, rules=rules, rects=fills)
    if old is not None:
        page.printed_number, page.blank = old.printed_number, old.blank
    return page


def _stroked(edge: dict) -> bool:
    colour = edge.get("stroking_color") if edge.get("object_type") in ("line", "curve") or edge.get("stroke") else edge.get("non_stroking_color")
    rgb = _rgb(colour)
    return rgb is None or rgb != (255, 255, 255)


def _rgb(colour) -> Optional[tuple[int, int, int]]:
    if colour is None:
        return None
    if isinstance(colour, (int, float)):
        colour = (colour,)
    try:
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        v = round(values[0] * 255)
        return (v, v, v)
    if len(values) == 3:
        return tuple(round(v * 255) for v in values)  # type: ignore[return-value]
    if len(values) == 4:
        c, m, y, k = values
        return tuple(round(255 * (1 - min(1.0, v + k))) for v in (c, m, y))  # type: ignore[return-value]
    return None


def _line(chars: list[dict], rules: list[Rule]) -> Optional[Line]:
    segs = []
    for run, text in glyph_runs(chars, RUN_SPLIT, rules, SPACE):
        bold = any("bold" in str(c.get("fontname", "")).lower() for c in run[:1])
        segs.append(Segment(text, (run[0]["x0"], min(c["top"] for c in run), run[-1]["x1"], max(c["bottom"] for c in run)),
                            baseline=max(c["bottom"] for c in run), size=max(c.get("size") or 0 for c in run) or None,
                            weight=700 if bold else 400, colour=_rgb(run[0].get("non_stroking_color"))))
    return line_of(segs)
