"""KPI cards and drawn direction-of-travel arrows (PDF only).

A KPI card is a title box (grey fill) with a RAG box beside it, a chart, and a footer line
'Latest: 89% | Target: 90%, Floor: 80% | Previous: 91% (Green)'. Direction-of-travel arrows are
drawn as vector paths; their direction comes from the path's points: the point farthest from the
centroid is the tail, so the arrow points the other way.
"""

from __future__ import annotations

import ctypes
import re
from typing import Optional

from rapidfuzz import fuzz

from extractor.context import provenance
from extractor.pages import Box, Page
from extractor.tables.status import rag_of_colour, rag_of_text
from extractor.textutil import normalise, parse_quantity
from models.records import Indicator, PeriodValue, Quantity

FOOTER = re.compile(
    r"Latest:\s*(?P<latest>[^\s]+(?:\s*%)?)\s+Target:\s*(?P<target>[^\s,]+),?\s+Floor:?\s*(?P<floor>[^\s]+)\s+"
    r"Previous:\s*(?P<previous>[^\s(]+)\s*(?:\((?P<prev_rag>\w+)\))?",
    re.I,
)
ARROW_TREND = {"up": "better", "down": "worse", "right": "same", "left": "same"}


def extract(ctx, out) -> None:
    pages = [p for p in ctx.source.pages if any("Latest" in ln.text for ln in p.lines)]
    if not pages or ctx.source.data is None:
        return
    arrows = page_arrows(ctx.source.data, [p.index for p in pages])
    cards = []
    for page in pages:
        cards.extend(_cards(page, arrows.get(page.index, [])))
    _arrow_trends(out, ctx.source.pages, arrows)
    _merge(out, cards)


# --------------------------------------------------------------------------- arrows


def page_arrows(data: bytes, indices: list[int]) -> dict[int, list[tuple[Box, str]]]:
    """Small filled paths shaped like block arrows, with their direction, per page index."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(data)
    found: dict[int, list[tuple[Box, str]]] = {}
    try:
        for index in indices:
            page = doc[index - 1]
            height = page.get_height()
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
                left, bottom, right, top = obj.get_bounds()
                if not (8 < right - left < 24 and 8 < top - bottom < 24):
                    continue
                direction = _direction(obj, raw)
                if direction:
                    box = (left, height - top, right, height - bottom)
                    if not any(abs(b[0] - box[0]) < 3 and abs(b[1] - box[1]) < 3 for b, _ in found.get(index, [])):
                        found.setdefault(index, []).append((box, direction))
            page.close()
    finally:
        doc.close()
    return found


def _direction(obj, raw) -> Optional[str]:
    count = raw.FPDFPath_CountSegments(obj.raw)
    if count < 7:
        return None
    m = obj.get_matrix()
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for i in range(count):
        raw.FPDFPathSegment_GetPoint(raw.FPDFPath_GetPathSegment(obj.raw, i), x, y)
        points.append((m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f))
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    fx, fy = max(points, key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)
    dx, dy = cx - fx, cy - fy  # from tail to centre: the way the arrow points (PDF y up)
    if abs(dx) < 1 and abs(dy) < 1:
        return None
    if abs(dy) >= abs(dx):
        return "up" if dy > 0 else "down"
    return "right" if dx > 0 else "left"


def _arrow_in(arrows: list[tuple[Box, str]], top: float, bottom: float, x0: float = 0.0) -> Optional[str]:
    for box, direction in arrows:
        cy = (box[1] + box[3]) / 2
        if top - 4 <= cy <= bottom + 4 and box[0] >= x0:
            return direction
    return None


def _arrow_trends(out, pages: list[Page], arrows: dict) -> None:
    """Trend of table indicators whose trend cell holds a drawn arrow instead of text."""
    for ind in out.indicators:
        prov = ind.provenance
        if ind.trend or prov.page not in arrows or not prov.bbox:
            continue
        direction = _arrow_in(arrows[prov.page], prov.bbox[1], prov.bbox[3], prov.bbox[0] + 50)
        if direction:
            ind.trend, ind.trend_printed = ARROW_TREND[direction], f"arrow {direction} (drawn)"


# --------------------------------------------------------------------------- cards


def _cards(page: Page, arrows: list[tuple[Box, str]]) -> list[Indicator]:
    cards = []
    for line in page.lines:
        m = FOOTER.search(line.text)
        if not m or not line.box:
            continue
        title_box = _title_box(page, line.box[1])
        if title_box is None:
            continue
        title_lines = [ln for ln in page.lines if ln.box and _within(ln.box, title_box)]
        title = " ".join(" ".join(s.text for s in ln.segments if s.box[0] < title_box[2] - 2 and not rag_of_text(s.text)) for ln in title_lines).strip()
        if not title:
            continue
        rag_fill, rag_word = _rag_box(page, title_box)
        direction = _arrow_in(arrows, title_box[1], title_box[3], title_box[2] - 5)
        previous = m.group("previous")
        q = parse_quantity(previous) or {}
        status = rag_of_text(rag_word) or rag_fill
        cards.append(Indicator(
            code=title, description=title, group=None,
            periods=[PeriodValue(label="Previous", period=None, value=q.get("value"), unit=q.get("unit"), printed=previous)],
            value=_q(m.group("latest")), target=_q(m.group("target")), floor=_q(m.group("floor")),
            trend=ARROW_TREND.get(direction) if direction else None,
            trend_printed=f"arrow {direction} (drawn)" if direction else None,
            status=status, status_printed=", ".join(x for x in [rag_word, f"fill: {rag_fill}" if rag_fill else None,
                                                               f"previous: {m.group('prev_rag')}" if m.group("prev_rag") else None] if x) or None,
            commentary=None,
            provenance=provenance(page, title_lines + [line], extractor="tables.cards"),
        ))
    return cards


def _q(text: Optional[str]) -> Optional[Quantity]:
    q = parse_quantity(text.rstrip(",") if text else None)
    return Quantity(**q) if q else None


def _within(box: Box, outer: Box) -> bool:
    cy = (box[1] + box[3]) / 2
    return outer[1] - 1 <= cy <= outer[3] + 1 and outer[0] - 2 <= box[0] <= outer[2]


def _title_box(page: Page, footer_top: float) -> Optional[Box]:
    """The nearest grey-filled box above the footer line."""
    best = None
    for rect in page.rects:
        x0, top, x1, bottom = rect.box
        if rag_of_colour(rect.fill) != "grey" or bottom > footer_top or footer_top - bottom > 260 or x1 - x0 < 150:
            continue
        if best is None or bottom > best[3]:
            best = rect.box
    return best


def _rag_box(page: Page, title: Box) -> tuple[Optional[str], Optional[str]]:
    """RAG of the coloured box beside a card's title, and the word printed in it."""
    for rect in page.rects:
        x0, top, x1, bottom = rect.box
        rag = rag_of_colour(rect.fill)
        if rag in ("red", "amber", "green") and abs(top - title[1]) < 4 and x0 >= title[2] - 4:
            words = [s.text for ln in page.lines if ln.box for s in ln.segments if _within(s.box, rect.box) and rag_of_text(s.text)]
            return rag, words[0] if words else None
    return None, None


# --------------------------------------------------------------------------- merge


def _key(name: str) -> str:
    return normalise(name.replace("%", "percentage "))


def _merge(out, cards: list[Indicator]) -> None:
    """Cards join the indicators; a summary-table row naming the same KPI is folded into its card."""
    kept = []
    for ind in out.indicators:
        twin = next((c for c in cards if fuzz.ratio(_key(c.code), _key(ind.code)) >= 85), None)
        if twin is None:
            kept.append(ind)
            continue
        if not twin.trend and ind.trend:
            twin.trend, twin.trend_printed = ind.trend, ind.trend_printed
    out.indicators = kept + cards
