"""KPI cards and drawn direction-of-travel arrows (PDF only).

A KPI card is a title box (grey fill) with a RAG box beside it, a chart, and a footer line
'Latest: 89% | Target: 90%, Floor: 80% | Previous: 91% (Green)'. A KPI listed in a summary table
and shown as a card comes out once, as the card's record with the row's extra fields.
Direction-of-travel arrows are drawn as vector paths; their direction comes from the path's points:
the point farthest from the centroid is the tail, so the arrow points the other way.
"""

from __future__ import annotations

import ctypes
import re
from typing import Optional

from rapidfuzz import fuzz

from scrutiny.extractor.context import provenance
from scrutiny.extractor.pages import Box, Page
from scrutiny.extractor.tables.indicators import polarity, trend_disagreement
from scrutiny.extractor.tables.status import rag_of_colour, rag_of_text
from scrutiny.extractor.textutil import normalise, parse_quantity
from scrutiny.models.records import Indicator, PeriodValue, Provenance, Quantity

NUMBER = r"[-+]?[£$€]?\d[\d,]*(?:\.\d+)?\s*%?"
FOOTER_PART = re.compile(
    rf"\b(?P<label>latest|target|floor|previous)\b\s*:?\s*(?P<value>{NUMBER})(?:\s*\((?P<rag>[A-Za-z]+)\))?",
    re.I,
)
ARROW_TREND = {"up": "better", "down": "worse", "right": "same", "left": "same"}


def extract(ctx, out) -> None:
    """Cards join out.indicators (absorbing table rows of the same KPI); their grids leave out.tables."""
    pages = [p for p in ctx.source.pages if any("Latest" in ln.text for ln in p.lines)]
    if not pages or ctx.source.data is None:
        return
    arrows = page_arrows(ctx.source.data, [p.index for p in pages])
    found = []
    for page in pages:
        found.extend(_cards(page, arrows.get(page.index, [])))
    _arrow_trends(out, ctx.source.pages, arrows)
    _check_trends(ctx, found)
    cards = [card for card, _ in found]
    out.indicators = merge(ctx, out.indicators, cards)
    out.tables = [t for t in out.tables if not any(_within_card(t.provenance, c.provenance) for c in cards)]


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


def footer(text: str) -> Optional[dict[str, str]]:
    """The figures of a card footer 'Latest: 89% | Target: 90%, Floor: 80% | Previous: 91% (Green)'
    (colons and the thousands separators optional): label -> printed figure, plus 'previous_rag'."""
    found: dict[str, str] = {}
    for m in FOOTER_PART.finditer(text):
        label = m.group("label").lower()
        if label in found:
            continue
        found[label] = m.group("value").strip().rstrip(",").strip()
        if label == "previous" and m.group("rag"):
            found["previous_rag"] = m.group("rag")
    return found if "latest" in found and ({"target", "previous"} & found.keys()) else None


def _cards(page: Page, arrows: list[tuple[Box, str]]) -> list[tuple[Indicator, tuple[str, ...]]]:
    """The cards of a page, each with the words printed in it (for its polarity)."""
    cards = []
    for line in page.lines:
        figures = footer(line.text) if line.box else None
        if not figures:
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
        previous = figures.get("previous")
        q = parse_quantity(previous) or {}
        status = rag_of_text(rag_word) or rag_fill
        evidence = [rag_word, f"fill: {rag_fill}" if rag_fill else None,
                    f"previous: {figures['previous_rag']}" if figures.get("previous_rag") else None]
        card = Indicator(
            code=title, description=title, group=None,
            periods=[PeriodValue(label="Previous", period=None, value=q.get("value"), unit=q.get("unit"), printed=previous)] if previous else [],
            value=_q(figures.get("latest")), target=_q(figures.get("target")), floor=_q(figures.get("floor")),
            trend=ARROW_TREND.get(direction) if direction else None,
            trend_printed=f"arrow {direction} (drawn)" if direction else None,
            status=status, status_printed=", ".join(x for x in evidence if x) or None,
            commentary=None,
            provenance=provenance(page, title_lines + [line], extractor="tables.cards"),
        )
        words = tuple(ln.text for ln in page.lines if ln.box and title_box[1] - 1 <= ln.box[1] <= line.box[3] + 30)
        cards.append((card, words))
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

PAIR_SCORE = 65.0  # least name similarity for a table row and a card to be one KPI (in document order)


def _key(name: str) -> str:
    return normalise(name.replace("%", " percentage "))


def same_kpi_score(row: Indicator, card: Indicator) -> float:
    """How alike a table row's KPI and a card's are (0..100): equal codes score 100, else the mean of
    the plain and the token-set similarity of the names (a summary row often words the title shorter)."""
    if row.code and normalise(row.code) == normalise(card.code):
        return 100.0
    a, b = _key(row.description or row.code), _key(card.description or card.code)
    return (fuzz.ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2


def align(scores: list[list[float]], least: float = PAIR_SCORE) -> list[tuple[int, int]]:
    """Order-preserving one-to-one pairs (i, j) of rows and cards with the greatest total score over
    ``least``: a summary table lists its KPIs in the order the cards follow."""
    n, m = len(scores), len(scores[0]) if scores else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = scores[i][j] - least + best[i + 1][j + 1] if scores[i][j] >= least else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if scores[i][j] >= least and best[i][j] == scores[i][j] - least + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _inside(row: Indicator, card: Indicator) -> bool:
    """A table row lying within a card on the same page: the card's own title read as a table row."""
    return _within_card(row.provenance, card.provenance)


def _within_card(a: Provenance, b: Provenance) -> bool:
    """Whether what ``a`` places lies in the card ``b`` places (same page, middle inside its height)."""
    if a.page != b.page or not a.bbox or not b.bbox:
        return False
    cy = (a.bbox[1] + a.bbox[3]) / 2
    return b.bbox[1] - 2 <= cy <= b.bbox[3] + 2 and a.bbox[0] < b.bbox[2] and b.bbox[0] < a.bbox[2]


def _fold(ctx, card: Indicator, row: Indicator) -> None:
    """A table row's fields that the card lacks join the card; the card keeps its provenance. A row's
    status or trend that contradicts the card's is flagged, not copied."""
    if row.code and normalise(row.code) != normalise(row.description or "") and row.code != card.code:
        card.code = row.code
    for name in ("group", "value", "target", "floor", "commentary"):
        if getattr(card, name) is None and getattr(row, name) is not None:
            setattr(card, name, getattr(row, name))
    for name, printed in (("status", "status_printed"), ("trend", "trend_printed")):
        mine, theirs = getattr(card, name), getattr(row, name)
        if mine is None and theirs is not None:
            setattr(card, name, theirs)
            setattr(card, printed, getattr(row, printed))
        elif mine and theirs and mine != theirs and ctx is not None:
            ctx.flag("summary-disagrees-with-card", f"{card.code}: {name} '{theirs}' in the table on page "
                     f"{row.provenance.page} but '{mine}' on the card", severity="info", provenance=card.provenance)
    seen = {normalise(p.label) for p in card.periods} | {p.period for p in card.periods if p.period}
    for period in row.periods:
        if normalise(period.label) not in seen and (not period.period or period.period not in seen):
            card.periods.append(period)
            seen.add(normalise(period.label))


def merge(ctx, indicators: list[Indicator], cards: list[Indicator]) -> list[Indicator]:
    """One record per KPI: a table row inside a card, or a summary-table row naming the same KPI as a
    card (same code, or alike names in the same order), is folded into the card."""
    rest = []
    for row in indicators:
        home = next((c for c in cards if _inside(row, c)), None)
        if home is None:
            rest.append(row)
        else:
            _fold(ctx, home, row)
    pairs = align([[same_kpi_score(r, c) for c in cards] for r in rest]) if rest and cards else []
    for i, j in pairs:
        _fold(ctx, cards[j], rest[i])
    folded = {i for i, _ in pairs}
    return [r for i, r in enumerate(rest) if i not in folded] + cards


def _check_trends(ctx, cards: list[tuple[Indicator, tuple[str, ...]]]) -> None:
    """Flag a card whose arrow contradicts its move from Previous to Latest, read with its polarity."""
    for card, words in cards:
        values = [p.value for p in card.periods if p.label == "Previous" and p.value is not None]
        if card.value and card.value.value is not None:
            values.append(card.value.value)
        direction = polarity(_plain(card.target), _plain(card.floor), words)
        reason = trend_disagreement(card.trend, values, direction)
        if reason:
            ctx.flag("trend-disagrees-with-values", f"{card.code}: {card.trend_printed}: {reason}",
                     severity="info", provenance=card.provenance)


def _plain(q: Optional[Quantity]) -> Optional[dict]:
    return q.model_dump() if q else None
