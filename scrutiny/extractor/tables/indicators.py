"""Performance-indicator tables: one Indicator per row, every period column kept."""

from __future__ import annotations

import re
from typing import Optional

from scrutiny.extractor.tables.grid import Row
from scrutiny.extractor.tables.kinds import Layout, sub_header
from scrutiny.extractor.tables.status import rag_of_colour, rag_of_glyph, rag_of_text
from scrutiny.extractor.textutil import MONTHS, parse_quantity

UP = "▲⬆↑⇧⇑△🔼"
DOWN = "▼⬇↓⇩⇓▽🔽"
SIDE = "►◄→⇨⇒↔▶◀➡"
TREND_WORDS = [
    ("better", r"improv|better|\bup\b|increas"),
    ("worse", r"wors|declin|deteriorat|\bdown\b"),
    ("same", r"same|stable|no change|unchanged|steady"),
]
_GROUP = re.compile(r"^\s*\d{1,2}[.)]\s+\S")


def trend_of(text: Optional[str]) -> Optional[str]:
    if not text or not text.strip():
        return None
    t = text.strip()
    if any(c in t for c in UP):
        return "better"
    if any(c in t for c in DOWN):
        return "worse"
    if any(c in t for c in SIDE):
        return "same"
    for trend, rx in TREND_WORDS:
        if re.search(rx, t, re.I):
            return trend
    return None


def is_trend_glyph(text: str) -> bool:
    return bool(text) and len(text.strip()) <= 3 and any(c in text for c in UP + DOWN + SIDE)


def normalise_period(label: str) -> Optional[str]:
    """'2008 / 09' -> '2008/09'; 'Aug09', 'Aug 2009' -> '2009-08'; relative labels -> None."""
    t = label.strip()
    m = re.match(r"^((?:19|20)\d\d)\s*[/-]\s*(\d{2,4})$", t)
    if m:
        return f"{m.group(1)}/{m.group(2)[-2:]}"
    m = re.match(r"^([A-Za-z]{3,9})\.?\s*[-' ]?\s*((?:19|20)?\d\d)$", t)
    if m and m.group(1).lower()[:3] in MONTHS:
        year = int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0)
        return f"{year:04d}-{MONTHS[m.group(1).lower()[:3]]:02d}"
    m = re.match(r"^((?:19|20)\d\d)$", t)
    return m.group(1) if m else None


def group_heading(texts: list[str]) -> Optional[str]:
    filled = [t for t in texts if t.strip()]
    if len(filled) == 1 and texts[0].strip() and _GROUP.match(texts[0]) and len(texts[0]) < 90:
        return re.sub(r"^\s*\d{1,2}[.)]\s+", "", texts[0]).strip()
    return None


def realign(texts: list[str], layout: Layout) -> list[str]:
    """Text packs drop empty cells: a trend glyph printed before the trend column shifts the rest
    of the row back into place."""
    cells = list(texts)
    col = layout.columns.get("trend")
    if col is None:
        return cells
    glyph = next((i for i, c in enumerate(cells) if is_trend_glyph(c)), None)
    if glyph is not None and glyph < col:
        for _ in range(col - glyph):
            cells.insert(glyph, "")
    return cells


def quantity(text: Optional[str]) -> Optional[dict]:
    q = parse_quantity(text)
    return q if q and q.get("printed") else None


_MEASURES = ("value", "target", "status", "trend", "previous", "floor")


def rows_to_indicators(items: list[tuple[Row, Optional[str], Layout]], source: str) -> list[dict]:
    """Rows (with their group heading) -> indicator dicts (fields of models.records.Indicator
    minus provenance, plus 'row' and 'rows' for provenance and flags)."""
    out: list[dict] = []
    for row, group, layout in items:
        cols = layout.columns
        texts = realign(row.texts(), layout) if source == "text" else row.texts()
        get = lambda name: texts[cols[name]].strip() if name in cols and cols[name] < len(texts) else ""  # noqa: E731
        code = get("code") if "code" in cols else get("description")
        if not code:  # a row without a code carries on the indicator above: its description's or commentary's next line
            figures = any(get(n) for n in _MEASURES) or any(texts[i].strip() for i in layout.periods if i < len(texts))
            more = {"description": get("description") if "code" in cols and not figures else "", "commentary": get("commentary")}
            if out and any(more.values()):
                for name, text in more.items():
                    out[-1][name] = f"{out[-1][name] or ''} {text}".strip() if text else out[-1][name]
                out[-1]["rows"].append(row)
            continue
        if re.search(r":\s*\d", code) or code.lower() in ("latest", "previous") or header_like(texts, layout):
            continue
        if "code" in cols and not any(ch.isdigit() for ch in code):
            continue
        if len(code) > 200 or not (any(texts[i].strip() for i in layout.periods if i < len(texts)) or any(get(n) for n in ("value", "target", "status", "trend", "previous"))):
            continue
        out.append(_indicator(row, texts, layout, group, code, get))
    return out


def header_like(texts: list[str], layout: Layout) -> bool:
    """A row whose cells past the name repeat header labels ('Latest | Previous') is a header the
    layout did not recognise (a table whose title cell names a service), not an indicator."""
    name_cols = {layout.columns[n] for n in ("code", "description") if n in layout.columns}
    rest = [t for i, t in enumerate(texts) if i not in name_cols and t.strip()]
    return bool(rest) and all(len(t) <= 30 for t in rest) and sub_header(rest)


def _indicator(row: Row, texts: list[str], layout: Layout, group, code: str, get) -> dict:
    cols = layout.columns
    trend_text = get("trend")
    value_text = get("value")
    if trend_text and not is_trend_glyph(trend_text) and parse_quantity(trend_text) and parse_quantity(trend_text)["value"] is not None and not value_text:
        value_text, trend_text = trend_text, ""
    status_text = get("status")
    cell = row.cells[cols["status"]] if "status" in cols and cols["status"] < len(row.cells) else None
    fill = cell.fill_at() if cell is not None else None
    status, status_printed = _status(status_text, rag_of_colour(fill), rag_of_glyph(cell.glyph_colour) if cell is not None else None)
    trend_fill = None
    periods = []
    for i, label in sorted(layout.periods.items()):
        printed = texts[i].strip() if i < len(texts) else ""
        q = parse_quantity(printed) if printed else None
        periods.append({"label": label, "period": normalise_period(label), "value": q["value"] if q else None,
                        "unit": q["unit"] if q else None, "printed": printed or None})
    if get("previous"):
        q = parse_quantity(get("previous"))
        periods.append({"label": texts_header(layout, "previous"), "period": None, "value": q["value"] if q else None,
                        "unit": q["unit"] if q else None, "printed": get("previous")})
    return {
        "code": code,
        "group": group,
        "description": get("description") if "code" in cols else get("description"),
        "periods": periods,
        "value": quantity(value_text),
        "trend": trend_of(trend_text),
        "trend_printed": trend_text or trend_fill,
        "status": status,
        "status_printed": status_printed,
        "target": quantity(get("target")),
        "floor": quantity(get("floor")),
        "commentary": _commentary(texts, layout) or None,
        "rows": [row],
    }


def _commentary(texts: list[str], layout: Layout) -> str:
    """The commentary cell, or the last filled cell past it when a converter padded the row."""
    col = layout.columns.get("commentary")
    if col is None:
        return ""
    tail = [t.strip() for t in texts[col:] if t.strip()]
    return tail[-1] if tail else ""


def texts_header(layout: Layout, name: str) -> str:
    i = layout.columns.get(name)
    return layout.header[i].strip() if i is not None and i < len(layout.header) else name


def _status(text: str, fill_rag: Optional[str], glyph_rag: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """Status as RAG word when printed as a word or shown by fill; a glyph is kept as printed, its
    colour (as RAG) beside it in the evidence."""
    word = rag_of_text(text)
    evidence = ", ".join(x for x in [text or None, f"glyph colour: {glyph_rag}" if glyph_rag else None,
                                     f"fill: {fill_rag}" if fill_rag else None] if x) or None
    if text and word and text.strip().lower().strip("()") in ("red", "amber", "green", "grey", "r", "a", "g"):
        return word, evidence
    if text:
        return text, evidence
    if fill_rag and fill_rag != "grey":
        return fill_rag, evidence
    return None, evidence


LOWER_BETTER = re.compile(r"\b(?:lower|smaller|fewer|less)\s+(?:is|=)\s+better\b|\b(?:lower|smaller|fewer)\s+the\s+better\b", re.I)
HIGHER_BETTER = re.compile(r"\b(?:higher|bigger|greater|more)\s+(?:is|=)\s+better\b|\b(?:higher|bigger|greater)\s+the\s+better\b", re.I)


def _number(q: Optional[dict]) -> Optional[tuple[float, Optional[str]]]:
    return (q["value"], q.get("unit")) if q and q.get("value") is not None else None


def polarity(target: Optional[dict], floor: Optional[dict], texts: tuple[str, ...] = ()) -> Optional[str]:
    """'lower' when lower values are better, 'higher' when higher are, None when nothing says.
    Printed words ('lower is better') win; otherwise a target below the floor means lower is better."""
    text = " ".join(t for t in texts if t)
    if LOWER_BETTER.search(text):
        return "lower"
    if HIGHER_BETTER.search(text):
        return "higher"
    t, f = _number(target), _number(floor)
    if t is None or f is None or t[0] == f[0] or (t[1] and f[1] and t[1] != f[1]):
        return None
    return "lower" if t[0] < f[0] else "higher"


def trend_disagreement(trend: Optional[str], values: list[float], direction: Optional[str]) -> Optional[str]:
    """Why an improving/worsening trend does not fit the last move of the values, or None.
    An improving trend goes with a rising value unless lower is better (then with a falling one)."""
    if trend not in ("better", "worse") or len(values) < 2:
        return None
    moved = values[-1] - values[-2]
    rising_is_better = direction != "lower"
    expected = 1 if (trend == "better") == rising_is_better else -1
    if moved * expected >= 0:
        return None
    way = "rose" if moved > 0 else "fell"
    basis = "lower is better" if direction == "lower" else ("higher is better" if direction else "higher assumed better")
    return f"trend {trend} but the value {way} from {values[-2]:g} to {values[-1]:g} ({basis})"


def trend_flags(ind: dict, texts: tuple[str, ...] = ()) -> Optional[str]:
    """A message when the trend printed disagrees with the direction the values moved, read with
    the indicator's polarity (lower-is-better when its target lies below its floor or the page says so)."""
    values = [p["value"] for p in ind["periods"] if p.get("value") is not None and p.get("period")]
    latest = ind["value"]["value"] if ind.get("value") and ind["value"].get("value") is not None else None
    if latest is not None:
        values.append(latest)
    if not ind.get("trend_printed"):
        return None
    words = (ind.get("description") or "", ind.get("commentary") or "") + tuple(texts)
    reason = trend_disagreement(ind.get("trend"), values, polarity(ind.get("target"), ind.get("floor"), words))
    return f"{ind['code']}: trend printed '{ind['trend_printed']}': {reason}" if reason else None
