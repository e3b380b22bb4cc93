"""Exception reports and glossaries."""

from __future__ import annotations

import re
from typing import Optional

from scrutiny.extractor.tables.actions import ref_of
from scrutiny.extractor.tables.grid import Row
from scrutiny.extractor.tables.kinds import Layout
from scrutiny.extractor.textutil import parse_date, parse_month

_TERM = re.compile(r"^[A-Za-z&/.\-']{1,12}$|^[A-Z][A-Za-z&/.\-']{0,11}(?: [A-Z&][A-Za-z&]{0,6})?$")


def revised(text: Optional[str]) -> Optional[str]:
    """'16-Nov-09' -> '2009-11-16'; 'Nov-09' -> '2009-11'; other text -> None."""
    if not text:
        return None
    return parse_date(text) or parse_month(text)


def strip_bleed(cell: str, neighbour: str, least: int = 3) -> str:
    """Remove from the inside of ``cell`` a run of at least ``least`` words that opens or closes
    the neighbouring cell: a converter's line of the neighbour wrapped into this cell
    ('... staff in Ongoing recruitment campaign post' beside 'Ongoing recruitment campaign has ...')."""
    words, other = cell.split(), neighbour.split()
    for size in range(min(len(words) - 2, len(other) - 1), least - 1, -1):
        ends = {tuple(other[:size]), tuple(other[-size:])}
        for i in range(1, len(words) - size):
            if tuple(words[i:i + size]) in ends:
                return " ".join(words[:i] + words[i + size:])
    return cell


_TRAILING_DATE = re.compile(r"\s+(\d{1,2}[-/ ][A-Za-z]{3}[-/ ]\d{2,4}|[A-Za-z]{3,9}[-/ ]\d{2,4})$")


def repair_exception_row(texts: list[str], layout: Layout) -> list[str]:
    """Undo cell bleed in an exception row: a neighbour's wrapped line inside a text cell, and a
    revised date printed at the end of the cell before an empty date column."""
    cols = layout.columns
    cells = list(texts) + [""] * max(0, max(cols.values()) + 1 - len(texts))
    order = sorted(i for name, i in cols.items() if name not in ("action_ref", "revised_completion"))
    for a, b in zip(order, order[1:]):
        if b == a + 1 and cells[a] and cells[b]:
            cells[a] = strip_bleed(cells[a], cells[b])
            cells[b] = strip_bleed(cells[b], cells[a])
    date = cols.get("revised_completion")
    if date is not None and date > 0 and not cells[date].strip():
        m = _TRAILING_DATE.search(cells[date - 1])
        if m and revised(m.group(1)):
            cells[date - 1], cells[date] = cells[date - 1][:m.start()].strip(), m.group(1)
    return cells


def rows_to_exceptions(rows: list[Row], layout: Layout) -> list[dict]:
    out: list[dict] = []
    cols = layout.columns
    for row in rows:
        texts = repair_exception_row(row.texts(), layout)
        get = lambda name: (texts[cols[name]].strip() or None) if name in cols and cols[name] < len(texts) else None  # noqa: E731
        ref_text = get("action_ref")
        ref, printed, _ = ref_of(ref_text or "")
        milestone = get("milestone")
        if not milestone and not ref:
            if out and any(get(n) for n in ("reason", "actions_to_achieve")):
                for name in ("reason", "actions_to_achieve", "support_required", "other_milestones_impacted"):
                    if get(name):
                        out[-1][name] = f"{out[-1][name] or ''} {get(name)}".strip()
                out[-1]["rows"].append(row)
            continue
        if not ref and out:
            ref = out[-1]["action_ref"]
        out.append({
            "action_ref": ref,
            "milestone": milestone,
            "reason": get("reason"),
            "actions_to_achieve": get("actions_to_achieve"),
            "support_required": get("support_required"),
            "revised_completion": revised(get("revised_completion")),
            "revised_completion_printed": get("revised_completion"),
            "other_milestones_impacted": get("other_milestones_impacted"),
            "rows": [row],
        })
    return out


GLOSSARY_HEAD = re.compile(r"\b(?:glossary|acronyms|abbreviations|definitions)\b", re.I)
_WORDY_TERM = re.compile(r"^[A-Za-z0-9][\w&/.,'’()\-]*(?: [\w&/.,'’()\-]+){0,5}$")


def is_term(text: str, headed: bool = False) -> bool:
    """An acronym or short term; under a glossary heading, any short phrase of up to six words
    ('Capital gain or loss', 'Floating rate note (FRN)')."""
    text = text.strip()
    if _TERM.match(text) and any(ch.isupper() for ch in text):
        return True
    return headed and len(text) <= 45 and bool(_WORDY_TERM.match(text))


def glossary_rows(rows: list[Row], headed: bool = False) -> Optional[list[dict]]:
    """Entries of a two-column term list, or None when the rows are not one. ``headed``: the list
    sits under a glossary heading (or continues one), so a term may be a phrase, not only an
    acronym; the expansion column must still be the longer one."""
    entries: list[dict] = []
    good = 0
    for row in rows:
        cells = [c for c in row.texts()]
        filled = [c for c in cells if c.strip()]
        if not filled:
            continue
        if not cells[0].strip() and entries and len(filled) == 1:
            entries[-1]["expansion"] = f"{entries[-1]['expansion']} {filled[0]}".strip()
            entries[-1]["rows"].append(row)
            continue
        if len(filled) == 2 and cells[0].strip() and is_term(cells[0], headed):
            entries.append({"term": cells[0].strip(), "expansion": filled[1], "rows": [row]})
            good += 1
    if good < 4 or good < 0.7 * len([r for r in rows if not r.empty]):
        return None
    if headed:
        terms = sum(len(e["term"].split()) for e in entries)
        if sum(len(e["expansion"].split()) for e in entries) < 1.5 * terms:
            return None  # two columns of equal weight are no term list
    return entries
