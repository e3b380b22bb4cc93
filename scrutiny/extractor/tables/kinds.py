"""Recognise a table's kind from its header row, and what each column means.

Header words are those common to UK council performance papers; nothing here names a council or a
pack. A :class:`Layout` maps field names to column indices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from scrutiny.extractor.textutil import normalise

PERIOD_LABEL = re.compile(
    r"^(?:q[1-4]\s*)?(?:(?:19|20)\d\d\s*[/-]\s*\d{2,4}|(?:19|20)\d\d|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*[-' ]?\s*(?:19|20)?\d\d|"
    r"q[1-4]\s*(?:19|20)?\d\d(?:\s*[/-]\s*\d{2})?)$",
    re.I,
)

ACTION_PLAN = {
    "milestone_lead": r"^milestone (lead|owner)s?$",
    "action_lead": r"^(action )?(lead|owner)( officer)?s?$|^responsible( officer)?$",
    "milestone": r"^(key )?milestones?( description)?$|^deliverables?$|^tasks?$",
    "start": r"start",
    "due": r"^(due|end|target|completion|deadline)( date)?$|due date|^by when$",
    "status": r"^(rag )?status$|^rag$",
    "note": r"progress|^update|comment|^notes?$",
    "theme": r"^(theme|priority|outcome|objective|workstream)s?$",
    "action": r"^(actions?|action ref|ref|action no\.?)$",
}
EXCEPTIONS = {
    "action_ref": r"^(action )?ref",
    "milestone": r"^milestones?$",
    "reason": r"reason",
    "actions_to_achieve": r"actions? to|remedial|recovery",
    "support_required": r"support",
    "revised_completion": r"revised",
    "other_milestones_impacted": r"other milestones|impact",
}
INDICATORS = {
    "code": r"\bcode\b|^(pi|ni|kpi|ref|indicator) ?(ref|no\.?)?$",
    "description": r"description|^(indicator|measure|performance indicator)s?$|\bkpis?$|^indicator name",
    "trend": r"trend|direction|^dot$|travel",
    "floor": r"floor",
    "previous": r"previous|last (quarter|year|period)",
    "target": r"target",
    "status": r"status|\brag\b",
    "value": r"^((19|20)\d\d\s*[/-]\s*\d{2,4}\s+|q[1-4]\s+)?(value|actual|latest|outturn|current|result)",  # '2009 / 10 Value'
    "commentary": r"comment|narrative|explanation",
}

# A log or plan of actions without milestones: one action per row. Header words name what a column
# holds in any council's wording; what the column contains decides between a status and a note.
ACTION_LOG = {
    "ref": r"\bref(erence)?\b|\b(action )?(number|no\.?)$|^id$|^#$|meeting date",
    "lead": r"led by|\blead\b|owner|responsib|^who\b|^by whom",
    "due": r"deadline|due|timescale|by when|^when$|target date|completion|^date$",
    "status": r"status|\brag\b",
    "note": r"progress|update|comment|^notes?$|position",
    "plan": r"strateg|\bplans?\b|how we will|in place to deliver|means|approach",
    "title": r"\bactions?\b|commit|what we (will|are going to|need to) do|deliverables?|activit|^objectives?$|^task",
}


# A risk register or risk assessment: the header names the risk and how it is managed or rated.
# Which "risk" column is the risk itself and which its rating is settled by the columns' content
# (risks.resolve).
RISK_REGISTER = {
    "ref": r"^(risk )?(ref(erence)?|no|number|id|#)\.?$",
    "rating": r"rating|score|\blevel\b|likelihood|probability|impact|severity|h\s*/\s*m\s*/\s*l|^rag$",
    "controls": r"control|mitigat|manag|measures|treatment|response|in place|safeguard",
    "theme": r"^(risk )?(areas?|topics?|category|categories|themes?|types?|sections?|headings?|subjects?|groups?)$",
    "lead": r"owner|\blead\b|responsib|\bwho\b|by whom|^actions?( by)?$",
    "title": r"\brisks?\b|hazard|threat|identified|description|^issues?$",
    "notes": r"^(notes?|comments?|remarks?)$",
}


def _risk_layout(cells: list[str]) -> Optional[Layout]:
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(len(c.split()) > 5 for c in filled):
        return None
    if not any(re.search(r"\brisks?\b|hazard", normalise(c)) for c in filled):
        return None
    found = _fields(cells, RISK_REGISTER)
    named = sum(1 for c in filled if any(re.search(rx, normalise(c)) for rx in RISK_REGISTER.values()))
    if "title" in found and ({"controls", "rating"} & found.keys()) and named >= 0.6 * len(filled):
        return Layout("risk_register", found, header=cells)
    return None


_MONTHLY = re.compile(r"[a-z]{3}|q[1-4]", re.I)


def _timeline_layout(cells: list[str]) -> Optional[Layout]:
    """A plan laid out over time: a first column naming what is done (an action, a commitment, an
    objective) and two or more month or quarter columns; other columns may name a lead."""
    filled = [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]
    periods = {i: c for i, c in filled if PERIOD_LABEL.match(c) and _MONTHLY.search(c)}
    if len(periods) < 2 or len(filled) < 3:
        return None
    first, text = filled[0]
    if first in periods or not re.search(ACTION_LOG["title"] + "|" + ACTION_LOG["plan"], normalise(text)):
        return None
    columns = {"title": first}
    for i, c in filled[1:]:
        if i in periods:
            continue
        if re.search(ACTION_LOG["lead"], normalise(c)):
            columns["lead"] = i
        else:
            return None  # a column neither a period nor a lead: some other table
    return Layout("timeline", columns, periods, header=cells)


_DATA = re.compile(r"\d\s*%|:\s*\d")


@dataclass
class Layout:
    kind: str
    columns: dict[str, int] = field(default_factory=dict)
    periods: dict[int, str] = field(default_factory=dict)  # column -> header label
    header: list[str] = field(default_factory=list)

    def key(self) -> tuple:
        return (self.kind, tuple(sorted(self.columns.items())))


def _fields(cells: list[str], table: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, text in enumerate(cells):
        t = normalise(text)
        if not t or len(t) > 60:
            continue
        for name, rx in table.items():
            if name not in found and re.search(rx, t):
                found[name] = i
                break
    return found


def _periods(cells: list[str]) -> dict[int, str]:
    return {i: c.strip() for i, c in enumerate(cells) if c and PERIOD_LABEL.match(c.strip())}


def header_layout(cells: list[str]) -> Optional[Layout]:
    """The layout a header row announces, or None if the row is not a known header."""
    if sum(1 for c in cells if c.strip()) < 2 or any(_DATA.search(c) for c in cells):
        return None
    ex = _fields(cells, EXCEPTIONS)
    if "reason" in ex and ({"revised_completion", "support_required", "actions_to_achieve"} & ex.keys()):
        return Layout("exception_report", ex, header=cells)
    risk = _risk_layout(cells)
    if risk is not None:
        return risk
    timeline = _timeline_layout(cells)
    if timeline is not None:
        return timeline
    ap = _fields(cells, ACTION_PLAN)
    if "milestone" in ap and ({"start", "due", "status", "note"} & ap.keys()) and len(ap) >= 3:
        return Layout("action_plan", ap, header=cells)
    log = _fields(cells, ACTION_LOG)
    # a header names every column it has
    named = sum(1 for c in cells if c.strip() and len(c) <= 60 and any(re.search(rx, normalise(c)) for rx in ACTION_LOG.values()))
    if "title" in log and named == sum(1 for c in cells if c.strip()) and len({"plan", "lead", "due", "status", "note"} & log.keys()) >= 1 and not (
        {"milestone", "start"} & ap.keys()) and not _fields(cells, {"m": r"^(ni|pi|kpi)\b|indicator|target|trend"}):
        return Layout("action_log", log, header=cells)
    ind = _fields(cells, INDICATORS)
    periods = _periods(cells)
    for col in periods:
        for name in [n for n, c in ind.items() if c == col]:
            del ind[name]
    measures = {"trend", "target", "value", "status", "floor", "previous", "commentary"} & ind.keys()
    if ({"code", "description"} & ind.keys()) and len(measures) + min(len(periods), 2) >= 2:
        return Layout("indicator_report", ind, periods, header=cells)
    return None


def sub_header(cells: list[str]) -> bool:
    """A second header row under a spanning heading ('Value | Status | Target')."""
    texts = [normalise(c) for c in cells if c.strip()]
    if not texts or any(len(t.split()) > 5 for t in texts):
        return False
    known = [t for t in texts if any(re.search(rx, t) for rx in INDICATORS.values()) or PERIOD_LABEL.match(t)]
    return len(known) == len(texts)


def merge_header(first: list[str], second: list[str]) -> list[str]:
    width = max(len(first), len(second))
    a = first + [""] * (width - len(first))
    b = second + [""] * (width - len(second))
    return [(y or x).strip() if not (x and y) else (y if re.fullmatch(r"[\d\s/]+", x) else f"{x} {y}") for x, y in zip(a, b)]
