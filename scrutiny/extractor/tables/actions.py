"""Action plans / milestone reports: Actions and their Milestones from a recovered table.

Rows arrive as canonical sub-rows (field -> text) so the same logic serves PDF grids and text-pack
tab rows. Hard cases handled: a row continued from the previous page (no dates, no lead), several
milestones packed in one cell (split, values paired in order), odd refs ('1.1.7' = 1.17), actions
whose ref is missing, a title displaced into a stray row.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Optional

from scrutiny.extractor.tables.grid import Cell, Row
from scrutiny.extractor.tables.kinds import Layout
from scrutiny.extractor.tables.status import rag_of_colour, rag_of_glyph, rag_of_text, reconcile

REF = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\.?(?=\s|$)")
DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?[\s/-]+(?:[A-Za-z]{3,9}|\d{1,2})[\s/-]+\d{2,4}\b")
NOTE_START = re.compile(
    r"(?:(?<=^)|(?<=[\s.]))(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\s*[-–]\s*"
)
NOTEY = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\s*[-–]|\b(?:on track|achieved)\b", re.I)
STOP = {
    "a", "an", "and", "of", "the", "for", "to", "with", "in", "on", "by", "from", "at", "or", "as", "into", "&", "-",
    "through", "within", "across", "between", "via", "about", "including", "against", "under", "over", "per",
    "towards", "toward", "upon", "without", "than", "all", "each", "every", "any", "its", "their", "our",
}
FIELDS = ("action", "action_lead", "milestone", "start", "due", "status", "note", "milestone_lead", "theme")


def ref_of(text: str) -> tuple[Optional[str], Optional[str], str]:
    """(normalised ref, ref as printed, rest) from a cell starting with a ref; '1.1.7' -> '1.17'."""
    m = REF.match(text or "")
    if not m:
        return None, None, text
    a, b, c = m.groups()
    ref = f"{a}.{b}{c}" if c and len(b) == 1 and len(c) == 1 else f"{a}.{b}"
    if len(ref.split(".")[1]) == 1:
        ref = f"{a}.{int(ref.split('.')[1]):02d}"
    return ref, m.group(0).strip(), text[m.end():].strip()


@dataclass
class SubRow:
    """One milestone's worth of a row: field -> text, plus the status fill and provenance row."""

    values: dict[str, str]
    rag: Optional[str]
    row: Row
    paragraph: bool = False  # a further milestone found by a paragraph gap inside one cell


# --------------------------------------------------------------------------- rows -> sub-rows


def cells_by_field(row: Row, layout: Layout) -> dict[str, Cell]:
    return {name: row.cells[i] for name, i in layout.columns.items() if i < len(row.cells)}


def realign_text_row(texts: list[str], layout: Layout) -> list[str]:
    """Put back text-pack cells that drifted one column: dates belong under the date columns and a
    progress note under the note column."""
    cols = layout.columns
    cells = list(texts) + [""] * max(0, max(cols.values()) + 1 - len(texts))
    start = cols.get("start", cols.get("due"))
    dated = [i for i, c in enumerate(cells) if DATE.search(c)]
    if start is not None and dated and dated[0] < start and dated[0] >= 1:
        for _ in range(start - dated[0]):
            cells.insert(dated[0] - 1, "")
    note = cols.get("note")
    if note is not None:
        after = [i for i in range(note, len(cells)) if cells[i] and NOTEY.search(cells[i])]
        if after and after[0] > note and not any(cells[note:after[0]]):
            del cells[note:after[0]]
    return cells


def sub_rows(row: Row, layout: Layout, source: str) -> list[SubRow]:
    if source == "text":
        texts = realign_text_row(row.texts(), layout)
        values = {name: texts[i] if i < len(texts) else "" for name, i in layout.columns.items()}
        return _split_text(values, row)
    return _split_pdf(cells_by_field(row, layout), row)


def mark_entry(sub: SubRow) -> None:
    """A row set apart by whitespace or a band (not a page break) that holds only a milestone's
    text is a milestone of its own, printed without dates."""
    v = sub.values
    if (v.get("milestone") or "").strip() and not any((v.get(k) or "").strip() for k in ("action", "start", "due", "note", "milestone_lead")):
        sub.paragraph = True


def _anchors(cells: dict[str, Cell]) -> list[float]:
    tops: list[float] = []
    for name in ("start", "due"):
        for frag in cells.get(name, Cell()).frags:
            if frag.top is not None and re.match(r"^\d{1,2}\s+[A-Za-z]{3}|^\d{1,2}/\d", frag.text):
                tops.append(frag.top)
    out: list[float] = []
    for t in sorted(tops):
        if not out or t - out[-1] > 12:
            out.append(t)
    return out


def _split_pdf(cells: dict[str, Cell], row: Row) -> list[SubRow]:
    anchors = _anchors(cells)
    status = cells.get("status", Cell())
    if len(anchors) <= 1:
        values = {name: cell.text for name, cell in cells.items()}
        fill = status.fill_at(anchors[0] if anchors else None)
        return _paragraphs(SubRow(values, rag_of_colour(fill) or rag_of_glyph(status.glyph_colour) or rag_of_text(values.get("status")), row),
                           cells.get("milestone"), None, None)
    subs = []
    for k, top in enumerate(anchors):
        nxt = anchors[k + 1] if k + 1 < len(anchors) else float("inf")
        values = {}
        for name, cell in cells.items():
            if name in ("action", "action_lead", "theme"):
                values[name] = cell.text if k == 0 else ""
                continue
            parts = [f.text for f in cell.frags if _band(f.top, top, nxt, first=(k == 0))]
            values[name] = " ".join(parts).strip()
        sub = SubRow(values, rag_of_colour(status.fill_at(top + 1)) or rag_of_glyph(status.glyph_colour) or rag_of_text(values.get("status")), row)
        subs.extend(_paragraphs(sub, cells.get("milestone"), top if k else None, nxt))
    return subs


def _paragraphs(sub: SubRow, cell: Optional[Cell], start: Optional[float], end: Optional[float]) -> list[SubRow]:
    """Split the milestone text of a sub-row where a gap wider than the line pitch separates two
    paragraphs: each further paragraph is a milestone of its own with no other values."""
    if cell is None:
        return [sub]
    frags = [f for f in cell.frags if f.top is not None and (start is None or f.top >= start - 3) and (end is None or f.top < end - 3)]
    if len(frags) < 3:
        return [sub]
    # baselines when the PDF gives them: glyph boxes shrink without ascenders or descenders
    gaps = [(b.baseline - a.baseline) if a.baseline is not None and b.baseline is not None else b.top - a.top
            for a, b in zip(frags, frags[1:])]
    pitch = sorted(gaps)[len(gaps) // 2]
    cuts = [i + 1 for i, g in enumerate(gaps) if g > pitch + 1.8]
    if not cuts:
        return [sub]
    bounds = [0, *cuts, len(frags)]
    parts = [" ".join(f.text for f in frags[a:b]) for a, b in zip(bounds, bounds[1:])]
    first = SubRow(dict(sub.values, milestone=parts[0]), sub.rag, sub.row)
    rest = [SubRow({"milestone": p}, None, sub.row, paragraph=True) for p in parts[1:]]
    return [first, *rest]


def _band(top: Optional[float], start: float, end: float, first: bool) -> bool:
    if top is None:
        return first
    return (start - 3 <= top < end - 3) or (first and top < start - 3)


def _dates(text: str) -> list[str]:
    return DATE.findall(text or "")


def _split_text(values: dict[str, str], row: Row) -> list[SubRow]:
    starts, dues = _dates(values.get("start", "")), _dates(values.get("due", ""))
    k = max(len(starts), len(dues))
    rag = rag_of_text(values.get("status"))
    if k <= 1:
        parts = split_clauses(values.get("milestone", ""))
        first = SubRow(dict(values, milestone=parts[0]) if len(parts) > 1 else values, rag, row)
        return [first, *(SubRow({"milestone": p}, None, row, paragraph=True) for p in parts[1:])]
    texts = _dedupe(split_packed(values.get("milestone", ""), k))
    k = len(texts) if len(texts) > 1 else k
    starts, dues = _trim_dates(starts, dues, k), _trim_dates(dues, starts, k)
    notes = split_notes(values.get("note", ""))
    leads = split_leads(values.get("milestone_lead", ""), k)
    subs = []
    for i in range(k):
        v = {
            "action": values.get("action", "") if i == 0 else "",
            "action_lead": values.get("action_lead", "") if i == 0 else "",
            "theme": values.get("theme", "") if i == 0 else "",
            "milestone": texts[i] if i < len(texts) else "",
            "start": starts[i] if i < len(starts) else "",
            "due": dues[i] if i < len(dues) else "",
            "note": notes[i] if i < len(notes) else "",
            "milestone_lead": leads[i] if i < len(leads) else "",
            "status": values.get("status", "") if i == 0 else "",
        }
        subs.append(SubRow(v, rag if i == 0 else None, row))
    return subs


def _dedupe(parts: list[str]) -> list[str]:
    """Drop a part printed twice in a row (a converter duplicate)."""
    out: list[str] = []
    for part in parts:
        if not out or part.lower() != out[-1].lower():
            out.append(part)
    return out


def _trim_dates(dates: list[str], others: list[str], k: int) -> list[str]:
    """More dates than milestones: drop surplus dates repeated from the other date column (a stray
    copy of the previous milestone's due date in the start column)."""
    dates = list(dates)
    for d in [d for d in dates if d in others]:
        if len(dates) <= k:
            break
        dates.remove(d)
    return dates


def name_like(text: str) -> bool:
    """A person's name or a role abbreviation: a few words, each capitalised."""
    words = text.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def split_notes(text: str) -> list[str]:
    """'Sep 2009 - Achieved. Oct 2009 - On track' -> two notes, split where a dated note starts."""
    if not text:
        return []
    starts = [m.start() for m in NOTE_START.finditer(text)]
    if len(starts) <= 1:
        return [text.strip()]
    if starts[0] != 0:
        starts = [0] + starts
    return [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]


def split_leads(text: str, k: int) -> list[str]:
    """Names packed in one cell: one name for all, or k names of equal word count."""
    words = text.split()
    if not words:
        return []
    if len(words) <= 3:
        return [text.strip()] * k
    for size in (2, 3):
        if len(words) % size == 0 and len(words) // size <= k:
            names = [" ".join(words[i:i + size]) for i in range(0, len(words), size)]
            if len(names) == k or len(set(names)) == 1:
                return names + [names[-1]] * (k - len(names)) if len(set(names)) == 1 else names
    return [text.strip()]


def split_packed(text: str, k: int) -> list[str]:
    """Split a cell packing k milestone texts at the k-1 likeliest boundaries: a capitalised word
    after a word that can end a clause ('... agreed Governance ...'); a word that starts several
    candidates is likelier ('... Board NHS membership ... LSCB NHS Quality ...'); every part must
    carry a lower-case content word."""
    words = text.split()
    if k <= 1 or len(words) < k:
        return [text.strip()]
    candidates = _boundaries(words)
    if len(candidates) < k - 1:
        return [text.strip()]
    best, best_score = None, float("-inf")
    ideal = len(words) / k
    for combo in itertools.combinations(sorted(candidates), k - 1):
        bounds = [0, *combo, len(words)]
        sizes = [b - a for a, b in zip(bounds, bounds[1:])]
        bare = sum(1 for a, b in zip(bounds, bounds[1:]) if not any(_content(w) for w in words[a:b]))
        score = sum(candidates[c] for c in combo) - 0.05 * sum(abs(s - ideal) for s in sizes) / ideal - 3.0 * bare
        if score > best_score:
            best, best_score = bounds, score
    return [" ".join(words[a:b]) for a, b in zip(best, best[1:])]


def _boundaries(words: list[str]) -> dict[int, float]:
    """Word index -> score of a milestone starting there."""
    candidates: dict[int, float] = {}
    depth = 0
    for i in range(1, len(words)):
        prev, word = words[i - 1], words[i]
        depth = max(0, depth + prev.count("(") - prev.count(")"))
        if depth or not word[:1].isupper() or prev.lower() in STOP or word.lower() in STOP:
            continue
        if prev[:1].islower() or prev[:1].isdigit() or prev.endswith(")"):
            candidates[i] = 2.0 + (1.0 if re.search(r"(ed|en|ished)$", prev) else 0.0)
        elif prev.isupper() and len(prev) > 1 or prev[:1].isupper():
            candidates[i] = 0.5
    starts = [words[i] for i in candidates] + [words[0]]
    for i in candidates:
        candidates[i] += min(2.0, starts.count(words[i]) - 1.0)
    return candidates


def split_clauses(text: str) -> list[str]:
    """Split a cell holding several undated milestones run together: a new one starts where a
    sentence-case word ('Mechanism established ...') follows a lower-case word with no punctuation
    between them; each part keeps at least three words."""
    words = text.split()
    cuts = [0]
    for i in range(3, len(words) - 2):
        prev, word, nxt = words[i - 1], words[i], words[i + 1]
        if i - cuts[-1] < 3 or not (prev[:1].islower() and prev[-1].isalpha()) or prev.lower() in STOP:
            continue
        if len(word) > 1 and word[0].isupper() and word[1:].islower() and word.lower() not in STOP and _content(nxt):
            cuts.append(i)
    bounds = [*cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]


def _content(word: str) -> bool:
    """A lower-case word that carries meaning (not a connective)."""
    return len(word) >= 3 and word[:1].islower() and word.lower() not in STOP


# --------------------------------------------------------------------------- sub-rows -> records


@dataclass
class DraftMilestone:
    values: dict[str, str]
    rag: Optional[str]
    rows: list[Row]


@dataclass
class DraftAction:
    ref: Optional[str]
    ref_printed: Optional[str]
    title: list[str] = field(default_factory=list)
    lead: Optional[str] = None
    theme: Optional[str] = None
    rows: list[Row] = field(default_factory=list)
    milestones: list[DraftMilestone] = field(default_factory=list)
    packed: int = 0  # milestones of the last packed row still waiting for a note or a lead
    followed: int = 0  # value-only rows seen since that packed row


def interpret(subs: list[SubRow], fresh: list[bool]) -> list[DraftAction]:
    """Walk the sub-rows in order; ``fresh`` marks the first sub-row after a (repeated) header."""
    actions: list[DraftAction] = []
    displaced: list[tuple[str, str, str]] = []
    known = known_leads(subs)
    for sub, first in zip(subs, fresh):
        lead_out_of_note(sub.values, known)
        _take(actions, sub, first, displaced)
    _place_displaced(actions, displaced)
    _infer_refs(actions)
    _infer_themes(actions)
    return actions


def known_leads(subs: list[SubRow]) -> list[str]:
    """Every name printed in a lead column of the table, longest first."""
    names = {(s.values.get(k) or "").strip() for s in subs for k in ("milestone_lead", "action_lead")}
    return sorted((n for n in names if n and name_like(n) and len(n.split()) >= 2), key=lambda n: (-len(n), n))


def lead_out_of_note(values: dict[str, str], known: list[str]) -> None:
    """A milestone whose lead cell is empty while its progress note ends with a name printed in
    the lead columns elsewhere: the name is the lead, wrapped into the note cell."""
    note = (values.get("note") or "").strip()
    if not note or (values.get("milestone_lead") or "").strip():
        return
    for name in known:
        if note.endswith(" " + name) and len(note) > len(name) + 10:
            values["note"], values["milestone_lead"] = note[: -len(name)].strip(), name
            return


def _infer_themes(actions: list[DraftAction]) -> None:
    """An action printed without a theme between two actions of the same theme shares it."""
    for prev, action, nxt in zip(actions, actions[1:], actions[2:]):
        if not action.theme and prev.theme and prev.theme == nxt.theme:
            action.theme = prev.theme


def _take(actions: list[DraftAction], sub: SubRow, first: bool, displaced: list) -> None:
    v = {k: (sub.values.get(k) or "").strip() for k in FIELDS}
    ref, printed, rest = ref_of(v["action"])
    dated = bool(_dates(v["start"]) or _dates(v["due"]))
    mref, mprinted, mrest = ref_of(v["milestone"])
    if mref and not dated and not v["note"]:
        displaced.append((mref, mprinted, mrest))
        _stray_lead(actions, v)
        return
    current = actions[-1] if actions else None
    if first and current and current.milestones and continues_note(current.milestones[-1].values.get("note"), v["note"]):
        _append(current.milestones[-1].values, "note", v["note"])
        v["note"] = ""
    if first and not ref and v["action_lead"] and not name_like(v["action_lead"]) and current and current.milestones:
        _append(current.milestones[-1].values, "milestone", v["action_lead"])
        v["action_lead"] = ""
    if ref:
        current = DraftAction(ref, printed, [rest] if rest else [], v["action_lead"] or None)
        actions.append(current)
    elif current is None or (v["action_lead"] and v["milestone"] and dated and v["action_lead"] != current.lead):
        current = DraftAction(None, None, [v["action"]] if v["action"] else [], v["action_lead"] or None)
        actions.append(current)
    elif v["action"]:
        current.title.append(v["action"])
    if v["action_lead"] and not current.lead:
        current.lead = v["action_lead"]
    if v["theme"] and not (current.theme and v["theme"] in current.theme):
        current.theme = f"{current.theme} {v['theme']}".strip() if current.theme and not current.milestones else (current.theme or v["theme"])
    current.rows.append(sub.row)
    _milestone(current, v, sub, dated, first)


def continues_note(before: Optional[str], text: str) -> bool:
    """A note cell after a page break that carries on the note above it: the note above stops
    without a full stop and this one opens in lower case."""
    before = (before or "").strip()
    return bool(before and text and text[:1].islower() and before[-1:].isalnum())


def _stray_lead(actions: list[DraftAction], v: dict[str, str]) -> None:
    """A name on a stray title row fills the empty lead of the milestone just above it."""
    name = v["milestone_lead"] or v["action_lead"]
    if not (name and name_like(name) and actions and actions[-1].milestones):
        return
    last = actions[-1].milestones[-1]
    if not (last.values.get("milestone_lead") or "").strip():
        last.values["milestone_lead"] = name


def _milestone(action: DraftAction, v: dict[str, str], sub: SubRow, dated: bool, first: bool = False) -> None:
    has_text = bool(v["milestone"])
    if not dated and not has_text and not v["note"] and not v["milestone_lead"]:
        return
    last = action.milestones[-1] if action.milestones else None
    if sub.paragraph:
        action.milestones.append(DraftMilestone(dict(v), None, [sub.row]))
        return
    if first and not dated and last is not None:
        for name in ("milestone", "start", "due", "note", "milestone_lead"):
            _append(last.values, name, v[name])
        last.rows.append(sub.row)
        last.rag = last.rag or sub.rag
        return
    if not dated and last is not None and action.packed and not has_text:
        _fill_packed(action, v)
        return
    if not dated and last is not None and not v["milestone_lead"]:
        _append(last.values, "milestone", v["milestone"])
        _append(last.values, "note", v["note"])
        last.rows.append(sub.row)
        last.rag = last.rag or sub.rag
        return
    if not has_text and last is not None and not dated:
        _append(last.values, "note", v["note"])
        last.values["milestone_lead"] = last.values.get("milestone_lead") or v["milestone_lead"]
        return
    action.milestones.append(DraftMilestone(dict(v), sub.rag, [sub.row]))
    packed_row = sum(1 for m in action.milestones if m.rows[0] is sub.row)
    action.packed = packed_row if packed_row > 1 else 0
    action.followed = 0


def _fill_packed(action: DraftAction, v: dict[str, str]) -> None:
    """A row of values only under a packed row: its line order pairs it with the packed milestones
    (the n-th such row belongs to the milestone after the n-th); a lead printed on such a row
    undoes a single lead shared over the packed milestones."""
    group = action.milestones[-action.packed:]
    action.followed += 1
    if v["milestone_lead"] and len({m.values.get("milestone_lead") for m in group}) == 1:
        for m in group[1:]:
            m.values["milestone_lead"] = ""
    for name in ("note", "milestone_lead"):
        if not v[name]:
            continue
        target = group[action.followed] if action.followed < len(group) else None
        if target is None or target.values.get(name):
            target = next((m for m in group if not m.values.get(name)), None)
        if target is not None:
            target.values[name] = v[name]


def _append(values: dict[str, str], name: str, text: str) -> None:
    if text:
        values[name] = f"{values.get(name, '')} {text}".strip()


def _place_displaced(actions: list[DraftAction], displaced: list[tuple[str, str, str]]) -> None:
    """A title printed in a stray row goes to the first action still without a ref."""
    for ref, printed, title in displaced:
        target = next((a for a in actions if a.ref is None), None)
        if target is not None:
            target.ref, target.ref_printed, target.title = ref, printed, [title]


def _infer_refs(actions: list[DraftAction]) -> None:
    """An action printed without a ref takes the next number in sequence after its neighbour."""
    for i, action in enumerate(actions):
        if action.ref is not None:
            continue
        prev = next((a.ref for a in reversed(actions[:i]) if a.ref), None)
        if prev:
            major, minor = prev.split(".")
            action.ref = f"{major}.{int(minor) + 1:02d}"
