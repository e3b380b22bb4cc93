"""Stable ids for every record, and person ids on the records that name people: the last stage.

A record's id is ``<kind>-<10 hex digits>``: a digest of its kind, its parent's id, its content
(every field but ids, person links and child records) and its position (provenance). The same
input therefore always gives the same ids, and a record keeps its id when records before it
come or go. Two records alike in content and position get ``-2``, ``-3`` ... in order.

Person ids come from the mentions the people stage made: each record that names people yields
its mentions in a known order per context (``people.gather``), so the mentions of one context are
taken in turn, record by record, checked against the record's provenance. A name the registry did
not resolve keeps a null person id.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict, deque
from typing import Any, Iterable, Optional

from pydantic import BaseModel

from scrutiny.extractor import names
from scrutiny.models.records import Extraction, Mention, Provenance

# kind prefix of each record class
PREFIX = {
    "Meeting": "mt", "Member": "mb", "CoOptee": "co", "AgendaItem": "ai", "Report": "rp",
    "Recommendation": "rc", "Minutes": "mn", "Attendee": "at", "MinuteItem": "mi", "Resolution": "rs",
    "Vote": "vt", "Declaration": "dc", "MinuteAction": "ma", "Action": "ac", "Milestone": "ms",
    "MilestoneException": "ex", "Indicator": "in", "PeriodValue": "pv", "GlossaryEntry": "gl",
    "Risk": "rk", "Table": "tb", "Mention": "me", "Flag": "fl",
}
# fields left out of a record's digest: ids and links set by this stage
_NOT_CONTENT = {"id", "person", "person_id", "lead_person_id", "who_person_id", "proposer_person_id",
                "seconder_person_id", "for_person_ids", "against_person_ids", "abstain_person_ids"}


def assign(out: Extraction) -> None:
    """Fill person ids from the mentions, then every record's id."""
    link_people(out)
    assign_ids(out)


# --------------------------------------------------------------------------- record ids


def assign_ids(out: Extraction) -> None:
    """Set ``id`` on every record of the extraction (documents and people keep theirs)."""
    taken: set[str] = set()
    for field in type(out).model_fields:
        if field in ("pack", "documents", "people"):
            continue
        _visit(getattr(out, field), None, taken)


def _visit(value: Any, parent: Optional[str], taken: set[str]) -> None:
    if isinstance(value, list):
        for item in value:
            _visit(item, parent, taken)
        return
    if not isinstance(value, BaseModel):
        return
    own = parent
    if type(value).__name__ in PREFIX:
        value.id = _unique(record_id(value, parent), taken)
        own = value.id
    for field in type(value).model_fields:
        child = getattr(value, field)
        if isinstance(child, (list, BaseModel)) and not isinstance(child, Provenance):
            _visit(child, own, taken)


def record_id(record: BaseModel, parent: Optional[str] = None) -> str:
    """``<kind>-<digest>`` of the record's kind, parent id, content and provenance."""
    kind = type(record).__name__
    content = {k: v for k, v in record.model_dump(mode="json").items() if k not in _NOT_CONTENT and not _children(v)}
    text = json.dumps([kind, parent, content], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{PREFIX[kind]}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def _children(value: Any) -> bool:
    """A list of records (dicts with an id): the children are hashed on their own."""
    return isinstance(value, list) and any(isinstance(v, dict) and "id" in v for v in value)


def _unique(rid: str, taken: set[str]) -> str:
    n, out = 1, rid
    while out in taken:
        n += 1
        out = f"{rid}-{n}"
    taken.add(out)
    return out


# --------------------------------------------------------------------------- person ids


class _Queue:
    """The mentions of one context, taken in order."""

    def __init__(self, mentions: Iterable[Mention]):
        self.items = deque(mentions)
        self.broken = False

    def take(self, text: Optional[str], provenance: Optional[Provenance], split: bool = True) -> list[Optional[str]]:
        """Person ids of the mentions ``text`` made (one per name it splits into); an empty list
        once the order no longer matches (then nothing more is linked in this context)."""
        parts = [p for p in (names.split_names(text) if split else [text or ""]) if names.clean_text(p)]
        if self.broken or not parts:
            return []
        if len(self.items) < len(parts) or any(m.provenance != provenance for m in list(self.items)[: len(parts)]):
            self.broken = True
            return []
        return [self.items.popleft().person for _ in parts]


def _first(ids: list[Optional[str]]) -> Optional[str]:
    return next((i for i in ids if i), None)


def link_people(out: Extraction) -> None:
    """Person ids on members, co-optees, the clerk, report authors and contact officers, vote
    names, declarations, minute actions and action and milestone leads (attendees get theirs in
    the people stage)."""
    by_context: dict[str, list[Mention]] = defaultdict(list)
    for m in out.mentions:
        by_context[m.context].append(m)
    queues = {c: _Queue(ms) for c, ms in by_context.items()}
    empty = _Queue([])

    def q(context: str) -> _Queue:
        return queues.get(context, empty)

    meeting = out.meeting
    if meeting and meeting.clerk and meeting.clerk.name:
        meeting.clerk.person_id = _first(q("clerk").take(meeting.clerk.name, meeting.provenance, split=False))
    for m in out.members:
        m.person_id = _first(q("member").take(m.name, m.provenance, split=False))
    for c in out.co_optees:
        c.person_id = _first(q("co_optee").take(c.name, c.provenance, split=False))
    _reports(out, q)
    for minutes in out.minutes:
        for item in minutes.items:
            _minute_item(item, q)
    for a in out.actions:
        a.lead_person_id = _first(q("action_lead").take(a.lead, a.provenance))
    for ms in out.milestones:
        ms.lead_person_id = _first(q("milestone_lead").take(ms.lead, ms.provenance))


def _reports(out: Extraction, q) -> None:
    """Cover-sheet officers: their mentions carry the report's provenance, in report order."""
    for r in out.reports:
        for context, officer in (("report_of", r.report_of), ("contact_officer", r.contact_officer)):
            if officer is None:
                continue
            mentions = [m for m in q(context).items if m.provenance == r.provenance]
            for m in mentions:
                q(context).items.remove(m)
            officer.person_id = _first([m.person for m in mentions])


def _minute_item(item, q) -> None:
    prov = item.provenance
    for d in item.declarations:
        d.person_id = _first(q("declaration").take(d.member, d.provenance or prov))
    for v in item.votes:
        where = v.provenance or prov
        v.proposer_person_id = _first(q("proposer").take(v.proposer, where))
        v.seconder_person_id = _first(q("seconder").take(v.seconder, where))
        v.for_person_ids = [_first(q("vote_for").take(n, where)) for n in v.for_names]
        v.against_person_ids = [_first(q("vote_against").take(n, where)) for n in v.against_names]
        v.abstain_person_ids = [_first(q("vote_abstain").take(n, where)) for n in v.abstain_names]
    for act in item.actions:
        act.who_person_id = _first(q("minute_action").take(act.who, act.provenance or prov))
