"""Plans laid out as a timeline (a Gantt-like grid): 'Commitment | Dec-2010 | Jan-2011 | ...'.

One Action per row from the first column (its lead from a trailing '(... Lead - X)' label); each
month (or quarter) column holds that row's milestones for the period: numbered steps ('1. ... 2.
...') are one milestone each, an unnumbered cell is one. A milestone is due in its column's period
(yyyy-mm), or on the day it names in that month ('22 Dec', 'afternoon of 15 December'); a cell
spanning two period columns (no rule between them) starts in the first and is due in the last. A
row whose only text spans the table (a section bar) is the theme of the rows below.
"""

from __future__ import annotations

import re
from typing import Optional

from scrutiny.extractor.tables.actionlog import body_style, spanning
from scrutiny.extractor.tables.grid import Row, closed_above
from scrutiny.extractor.tables.kinds import Layout
from scrutiny.extractor.textutil import MONTHS, iso_date, parse_month

# A trailing label naming who leads: '(Policy Lead - HMT)', or, its opening cut off by the cell's
# edge, 'olicy Lead - DfE)' / '(Policy ad - DfE)'; an unclosed '(Policy Lead' names no one.
_LEAD = re.compile(r"(?:\(([^()]*?)|(?:(?<=\s)|^)((?:[^\s()]+\s)?[^\s()]+))\s*[-–:]\s*([^()]{1,60}?)\)\s*\.?$")
_LEAD_WORD = re.compile(r"\b(?:lead|owner|responsib\w*)\b", re.I)
_NAMED_LEAD = re.compile(r"\s*\([^()]*\blead\s+([^()\s-][^()]{0,59}?)\)\s*\.?$", re.I)  # '(Policy Lead BIS)'
_OPEN_LEAD = re.compile(r"\s*\([^()]*\b(?:lead|owner)\b[^()]*$", re.I)
_CID = re.compile(r"\(cid:\d+\)")
_STEP = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\.\s+(?=\S)")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_QUARTER = re.compile(r"^q([1-4])\s*(?:(?:19|20)?(\d\d))", re.I)


def period_month(label: str) -> Optional[str]:
    """'Dec-2010' -> '2010-12'; 'Q3 2024' -> the quarter's last month; else None."""
    month = parse_month(label)
    if month:
        return month
    m = _QUARTER.match(label.strip())
    if m:
        return f"20{m.group(2)}-{int(m.group(1)) * 3:02d}"
    return None


def _coded(value: str) -> bool:
    """A post or body's code: 'HMT', 'DfE', 'CO, ERG/OGC' (not a word such as 'September')."""
    return bool(value) and len(value.split()) <= 5 and any(sum(c.isupper() for c in w) >= 2 for w in value.split())


def lead_of(text: str, loose: bool = False) -> tuple[str, Optional[str]]:
    """A commitment's text without its trailing lead label, and the lead it names: the label
    names a lead ('Policy Lead - HMT', 'Lead BIS'), or is short and names a code. ``loose``
    (a column whose other commitments end in lead labels) takes any short label naming a code,
    whatever its words kept ('(Policy e ad - DfE)', its letters cut by the cell's edge)."""
    pos = 0
    while (m := _LEAD.search(text, pos)) is not None:
        label, value = (m.group(1) or m.group(2) or ""), m.group(3).strip(" ,;.")
        before = text[:m.start()]
        if _LEAD_WORD.search(value):
            pass  # begun too early: the label naming the lead lies further on
        elif before.count("(") > before.count(")"):
            pass  # begun inside a bracket: the label starts at the bracket
        elif _LEAD_WORD.search(label) or (_coded(value) and len(label.split()) <= (4 if loose else 2)):
            start = m.start()
            if m.group(2) and len(label.split()) == 2 and label.split()[0][-1] in ".;:":
                start = m.start(2) + len(label.split()[0]) + 1  # a sentence's last word is none of the label
            return text[:start].strip(), value or None
        pos = m.start() + 1
    m = _NAMED_LEAD.search(text)
    if m and _coded(m.group(1)):
        return text[:m.start()].strip(), m.group(1).strip(" ,;.")
    m = _OPEN_LEAD.search(text)
    if m:
        return text[:m.start()].strip(), None
    return text, None


def steps(text: str) -> list[str]:
    """A cell's numbered steps ('1. X 2. Y') as separate texts; an unnumbered cell as one. Numbers
    must run 1, 2, 3 ... (a sequence starting again at 1 starts a new list)."""
    marks = [m for m in _STEP.finditer(text)]
    chosen = []
    expect = 1
    for m in marks:
        n = int(m.group(1))
        if n == expect or (n == 1 and chosen):
            chosen.append(m)
            expect = n + 1
    if not chosen or chosen[0].group(1) != "1":
        return [text.strip()] if text.strip() else []
    out = []
    head = text[:chosen[0].start()].strip()
    for a, b in zip(chosen, chosen[1:] + [None]):
        out.append(text[a.end():b.start() if b else len(text)].strip())
    if head and out:
        out[-1] = f"{out[-1]} {head}".strip()  # text drawn above the first number ends the list it belongs to
    return [s for s in out if s]


def due_of(text: str, month: Optional[str]) -> Optional[str]:
    """The day a step names in its column's month, else the month."""
    if month:
        year, mon = int(month[:4]), int(month[5:7])
        for m in _DAY.finditer(text):
            if MONTHS.get(m.group(2).lower()[:3]) == mon:
                day = iso_date(year, mon, int(m.group(1)))
                if day:
                    return day
    return month


def _open_between(row: Row, xs: list[float], col: int) -> bool:
    """No vertical rule between column col and the next inside this row: one merged cell."""
    if not xs or col + 2 >= len(xs) or row.top is None or row.bottom is None or not row.page.rules:
        return False
    x = xs[col + 1]
    for rule in row.page.rules:
        bx0, top, bx1, bottom = rule.box
        if not rule.horizontal and abs((bx0 + bx1) / 2 - x) <= 2.5 and min(bottom, row.bottom) - max(top, row.top) >= 0.5 * (row.bottom - row.top):
            return False
    return True


def rows_to_plan(rows: list[Row], edges: list[list[float]], layout: Layout) -> tuple[list[dict], list[dict]]:
    title_col = layout.columns.get("title", 0)
    lead_col = layout.columns.get("lead")
    periods = {col: period_month(label) for col, label in layout.periods.items()}
    body = body_style(rows)
    actions: list[dict] = []
    milestones: list[dict] = []
    theme: Optional[str] = None
    cells = _merged(rows, edges, sorted(periods))
    titles = [texts[title_col] for texts in cells if title_col < len(texts) and texts[title_col]]
    loose = sum(1 for t in titles if lead_of(t)[1]) >= 0.5 * len(titles)
    for row, xs, texts in zip(rows, edges, cells):
        filled = [i for i, t in enumerate(texts) if t]
        if not filled:
            continue
        if len(filled) == 1 and (spanning(row, xs, body) or _capitals(texts[filled[0]])):
            theme = texts[filled[0]]
            continue
        title, lead = lead_of(texts[title_col], loose) if title_col < len(texts) else ("", None)
        if lead_col is not None and lead_col < len(texts) and texts[lead_col]:
            lead = texts[lead_col]
        if title:
            actions.append({"ref": None, "ref_printed": None, "title": title, "lead": lead, "theme": theme, "rows": [row]})
        for col in sorted(periods):
            if col >= len(texts) or not texts[col]:
                continue
            month, start = periods[col], None
            nxt = col + 1
            if nxt in periods and nxt < len(texts) and not texts[nxt] and _open_between(row, xs, col):
                start, month = month, periods[nxt]
            for text in steps(texts[col]):
                milestones.append({"text": text, "due": due_of(text, month), "planned_start": start, "rows": [row]})
    return actions, milestones


def _merged(rows: list[Row], edges: list[list[float]], cols: list[int]) -> list[list[str]]:
    """Each row's cell texts, a period cell merged over several rows (no rule along its top) read
    whole into the top row it spans, as a spreadsheet keeps a merged cell's value in its top cell."""
    out = [[_CID.sub("", t).strip() for t in row.texts()] for row in rows]
    for i in range(1, len(rows)):
        row, prev = rows[i], rows[i - 1]
        if row.page is not prev.page or not row.page.rules:
            continue
        for col in cols:
            if col < len(out[i]) and out[i][col] and not closed_above(row, edges[i], col):
                top = i - 1
                while top > 0 and not out[top][col] and rows[top - 1].page is row.page and not closed_above(rows[top], edges[top], col):
                    top -= 1
                out[top][col] = f"{out[top][col]} {out[i][col]}".strip()
                out[i][col] = ""
    return out


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 2 and bool(letters) and all(c.isupper() for c in letters)
