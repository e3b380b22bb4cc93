"""Helpers for the people tests: a gold file read back as an Extraction (its structured fields only)."""

from __future__ import annotations

import json
from pathlib import Path

from models.records import (
    Action, Attendee, Contact, CoOptee, Extraction, GlossaryEntry, Meeting, Member, Milestone, Minutes,
    Officer, Pack, Provenance, Report,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REFERENCE_GOLD = SHARED / "gold" / "haringey-osc-2009-12-03.gold.json"
PROV = Provenance(extractor="gold")


def load(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _officer(d):
    return Officer(name=d.get("name"), role=d.get("role")) if d else None


def gold_extraction(gold: dict) -> Extraction:
    """The gold's structured sections as an Extraction, as the other stages would fill it."""
    meeting = gold.get("meeting") or {}
    clerk = meeting.get("clerk")
    minutes = gold.get("minutes") or {}
    minutes_list = []
    if minutes or gold.get("attendees"):
        attendees = [
            Attendee(name=a["name"], category=a["category"], role=a.get("role"), title=a.get("title"),
                     substituting_for=a.get("substituting_for"), provenance=PROV)
            for a in minutes.get("attendees") or gold.get("attendees") or []
        ]
        minutes_list.append(Minutes(body=minutes.get("body"), date=minutes.get("date"), chair_signature=minutes.get("chair_signature"),
                                    attendees=attendees, provenance=PROV))
    return Extraction(
        pack=Pack(source="gold", sha256="", format="text", page_count=0, extractor_version="gold"),
        meeting=Meeting(body=meeting.get("body"), date=meeting.get("date"), clerk=Contact(**clerk) if clerk else None) if meeting else None,
        members=[Member(name=m["name"], title=m.get("title"), role=m.get("role"), provenance=PROV) for m in gold.get("members") or []],
        co_optees=[CoOptee(name=c["name"], representing=c.get("representing"), provenance=PROV) for c in gold.get("co_optees") or []],
        reports=[Report(title=r["title"], meeting_date=r.get("meeting_date"), report_of=_officer(r.get("report_of")),
                        contact_officer=_officer(r.get("contact_officer")), provenance=PROV) for r in gold.get("reports") or []],
        minutes=minutes_list,
        actions=[Action(ref=a.get("ref"), title=a.get("title"), lead=a.get("lead"), provenance=PROV) for a in gold.get("actions") or []],
        milestones=[Milestone(text=m["text"], lead=m.get("lead"), provenance=PROV) for m in gold.get("milestones") or []],
        glossary=[GlossaryEntry(term=g["term"], expansion=g["expansion"], provenance=PROV) for g in gold.get("glossary") or []],
    )
