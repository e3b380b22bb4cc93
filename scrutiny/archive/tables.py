"""The archive's tables: every extraction flattened into one row per record, with its keys.

Each table has a single-column primary key (``uid`` = ``pack_id:id`` for records, ``pack_id`` for
packs, ``person_id`` for the archive's people) and foreign keys to the rows it belongs to, so the
same tables work in DuckDB, SQLite (Datasette links them) and as files. ``pack_id`` is the
extraction's path under OUTDIR without ``.json`` (``2009/minutes``): two packs with one file name
in two folders stay two packs. ``person_id`` columns hold the archive-wide registry's ids
(``scrutiny people``); ``pack_person_id`` the pack's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from scrutiny.models.records import Extraction

T, I, F, B = "TEXT", "BIGINT", "DOUBLE", "BOOLEAN"


@dataclass
class Table:
    """A table's columns (name, SQL type), key, foreign keys (column -> (table, column)) and rows."""

    name: str
    columns: list[tuple[str, str]]
    key: str = "uid"
    foreign: dict[str, tuple[str, str]] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)
    description: str = ""

    @property
    def names(self) -> list[str]:
        return [c for c, _ in self.columns]


RECORD = [("uid", T), ("pack_id", T), ("id", T)]
WHERE = [("page", I), ("bbox", T), ("lines", T), ("document_uid", T)]
PERSON = {"person_id": ("people", "person_id")}


def _spec() -> list[Table]:
    """Every table, parents before children."""
    pk = {"pack_id": ("packs", "pack_id")}
    doc = {**pk, "document_uid": ("documents", "uid")}
    return [
        Table("packs", [("pack_id", T), ("path", T), ("source", T), ("source_path", T), ("sha256", T), ("format", T),
                        ("page_count", I), ("status", T), ("extractor_version", T), ("body", T), ("date", T)],
              key="pack_id", description="One row per extracted pack (an extraction JSON under OUTDIR)."),
        Table("people", [("person_id", T), ("name", T), ("honorific", T), ("given", T), ("surname", T), ("aliases", T),
                         ("first_seen", T), ("last_seen", T), ("pack_count", I)],
              key="person_id", description="The archive-wide people registry (as `scrutiny people` builds it)."),
        Table("documents", RECORD + [("kind", T), ("title", T), ("first_page", I), ("last_page", I),
                                     ("first_printed_page", I), ("last_printed_page", I), ("agenda_item", T),
                                     ("parent_uid", T), ("page", I), ("bbox", T), ("lines", T), ("document_uid", T)],
              foreign={**pk, "parent_uid": ("documents", "uid")}),
        Table("pack_people", RECORD + [("name", T), ("honorific", T), ("given", T), ("surname", T), ("aliases", T),
                                       ("roles", T), ("person_id", T), ("score", F)],
              foreign={**pk, **PERSON}, description="Each pack's own people, with the registry person they joined."),
        Table("meetings", RECORD + [("body", T), ("date", T), ("time", T), ("venue", T), ("published", T),
                                    ("clerk_name", T), ("clerk_role", T), ("clerk_person_id", T)] + WHERE,
              foreign={**doc, "clerk_person_id": ("people", "person_id")}),
        Table("agenda_items", RECORD + [("position", I), ("number", T), ("title", T), ("first_page", I), ("last_page", I),
                                        ("summary", T)] + WHERE, foreign=doc),
        Table("members", RECORD + [("body", T), ("date", T), ("name", T), ("title", T), ("role", T), ("party", T),
                                   ("person_id", T), ("pack_person_id", T)] + WHERE, foreign={**doc, **PERSON}),
        Table("co_optees", RECORD + [("name", T), ("representing", T), ("person_id", T), ("pack_person_id", T)] + WHERE,
              foreign={**doc, **PERSON}),
        Table("minutes", RECORD + [("body", T), ("date", T), ("venue", T), ("started_at", T), ("ended_at", T),
                                   ("chair_signature", T)] + WHERE, foreign=doc),
        Table("attendees", RECORD + [("minutes_uid", T), ("body", T), ("date", T), ("position", I), ("name", T),
                                     ("title", T), ("category", T), ("role", T), ("substituting_for", T),
                                     ("person_id", T), ("pack_person_id", T)] + WHERE,
              foreign={**doc, "minutes_uid": ("minutes", "uid"), **PERSON}),
        Table("minute_items", RECORD + [("minutes_uid", T), ("position", I), ("ref", T), ("ref_normalised", T),
                                        ("title", T), ("agenda_item", T), ("body", T), ("noted", B)] + WHERE,
              foreign={**doc, "minutes_uid": ("minutes", "uid")}),
        Table("resolutions", RECORD + [("item_uid", T), ("position", I), ("number", T), ("text", T), ("noted", B)] + WHERE,
              foreign={**doc, "item_uid": ("minute_items", "uid")}),
        Table("votes", RECORD + [("item_uid", T), ("motion", T), ("proposer", T), ("proposer_person_id", T),
                                 ("seconder", T), ("seconder_person_id", T), ("for_count", I), ("against_count", I),
                                 ("abstain_count", I), ("for_names", T), ("against_names", T), ("abstain_names", T),
                                 ("result", T)] + WHERE,
              foreign={**doc, "item_uid": ("minute_items", "uid"), "proposer_person_id": ("people", "person_id"),
                       "seconder_person_id": ("people", "person_id")}),
        Table("vote_names", [("uid", T), ("pack_id", T), ("vote_uid", T), ("side", T), ("position", I), ("name", T),
                             ("person_id", T), ("pack_person_id", T)],
              foreign={**pk, "vote_uid": ("votes", "uid"), **PERSON}, description="One row per name a vote lists."),
        Table("declarations", RECORD + [("item_uid", T), ("member", T), ("item", T), ("interest", T), ("person_id", T),
                                        ("pack_person_id", T)] + WHERE,
              foreign={**doc, "item_uid": ("minute_items", "uid"), **PERSON}),
        Table("minute_actions", RECORD + [("item_uid", T), ("text", T), ("who", T), ("person_id", T),
                                          ("pack_person_id", T)] + WHERE,
              foreign={**doc, "item_uid": ("minute_items", "uid"), **PERSON}),
        Table("reports", RECORD + [("title", T), ("meeting", T), ("meeting_date", T), ("agenda_item", T),
                                   ("report_of", T), ("report_of_role", T), ("report_of_person_id", T),
                                   ("contact_officer", T), ("contact_officer_role", T), ("contact_officer_person_id", T),
                                   ("wards", T), ("decision_type", T), ("decision_no", T), ("classification", T)] + WHERE,
              foreign={**doc, "report_of_person_id": ("people", "person_id"),
                       "contact_officer_person_id": ("people", "person_id")}),
        Table("recommendations", RECORD + [("report_uid", T), ("position", I), ("number", T), ("text", T)] + WHERE,
              foreign={**doc, "report_uid": ("reports", "uid")}),
        Table("actions", RECORD + [("body", T), ("date", T), ("ref", T), ("ref_printed", T), ("title", T), ("lead", T),
                                   ("lead_person_id", T), ("theme", T), ("plan", T), ("due", T), ("status", T),
                                   ("progress_note", T)] + WHERE,
              foreign={**doc, "lead_person_id": ("people", "person_id")}),
        Table("milestones", RECORD + [("body", T), ("date", T), ("position", I), ("action_ref", T), ("text", T),
                                      ("planned_start", T), ("due", T), ("status", T), ("status_printed", T),
                                      ("progress_note", T), ("lead", T), ("lead_person_id", T)] + WHERE,
              foreign={**doc, "lead_person_id": ("people", "person_id")}),
        Table("exceptions", RECORD + [("action_ref", T), ("milestone", T), ("milestone_uid", T), ("reason", T),
                                      ("actions_to_achieve", T), ("support_required", T), ("revised_completion", T),
                                      ("revised_completion_printed", T), ("other_milestones_impacted", T)] + WHERE,
              foreign={**doc, "milestone_uid": ("milestones", "uid")}),
        Table("indicators", RECORD + [("body", T), ("date", T), ("code", T), ("indicator_group", T), ("description", T),
                                      ("value", F), ("unit", T), ("printed", T), ("trend", T), ("trend_printed", T),
                                      ("status", T), ("status_printed", T), ("target", F), ("target_printed", T),
                                      ("floor", F), ("floor_printed", T), ("commentary", T)] + WHERE, foreign=doc),
        Table("indicator_values", [("uid", T), ("pack_id", T), ("id", T), ("indicator_uid", T), ("code", T),
                                   ("position", I), ("label", T), ("period", T), ("value", F), ("unit", T),
                                   ("printed", T)],
              foreign={**pk, "indicator_uid": ("indicators", "uid")}, description="One row per period value of an indicator."),
        Table("glossary", RECORD + [("term", T), ("expansion", T)] + WHERE, foreign=doc),
        Table("risks", RECORD + [("ref", T), ("title", T), ("theme", T), ("controls", T), ("rating", T), ("lead", T)] + WHERE,
              foreign=doc),
        Table("mentions", RECORD + [("text", T), ("context", T), ("person_id", T), ("pack_person_id", T), ("score", F),
                                    ("evidence", T)] + WHERE, foreign={**doc, **PERSON}),
        Table("flags", RECORD + [("code", T), ("severity", T), ("message", T)] + WHERE, foreign=doc),
    ]


def _json(value: Any) -> Optional[str]:
    return None if value is None else json.dumps(value, ensure_ascii=False)


class _Pack:
    """Rows of one extraction: ``add(table, record, **columns)`` with the common columns filled."""

    def __init__(self, pack_id: str, ex: Extraction, person_of: Callable[[str], Optional[str]], tables: dict[str, Table]):
        self.pack_id, self.ex, self.person_of, self.tables = pack_id, ex, person_of, tables
        self.documents = {d.id for d in ex.documents}

    def uid(self, rid: Optional[str]) -> Optional[str]:
        return None if rid is None else f"{self.pack_id}:{rid}"

    def where(self, prov) -> dict:
        if prov is None:
            return {}
        doc = prov.document if prov.document in self.documents else None
        return {"page": prov.page, "bbox": _json(prov.bbox), "lines": _json(prov.lines), "document_uid": self.uid(doc)}

    def add(self, table: str, record: Any = None, **columns: Any) -> None:
        row = {"pack_id": self.pack_id}
        if record is not None:
            row.update(uid=self.uid(record.id), id=record.id, **self.where(getattr(record, "provenance", None)))
        row.update(columns)
        self.tables[table].rows.append(row)

    def person(self, pack_person: Optional[str]) -> dict:
        return {"person_id": self.person_of(pack_person) if pack_person else None, "pack_person_id": pack_person}


def flatten(packs: Iterable[tuple[str, str, Optional[str], Extraction]], registry: Any) -> dict[str, Table]:
    """Tables of the packs given as (pack_id, JSON path, original pack path or None, extraction)."""
    tables = {t.name: t for t in _spec()}
    joined = {(link.pack, link.person): p.id for p in registry.people for link in p.packs}
    for p in registry.people:
        tables["people"].rows.append(dict(person_id=p.id, name=p.name, honorific=p.honorific, given=p.given,
                                          surname=p.surname, aliases=_json(p.aliases), first_seen=p.first_seen,
                                          last_seen=p.last_seen, pack_count=len({x.pack for x in p.packs})))
    for pack_id, path, source_path, ex in packs:
        score = {(link.pack, link.person): link.score for p in registry.people for link in p.packs if link.pack == pack_id}
        rows = _Pack(pack_id, ex, lambda pid, k=pack_id: joined.get((k, pid)), tables)
        _pack(rows, path, source_path)
        for person in ex.people:
            rows.add("pack_people", None, uid=rows.uid(person.id), id=person.id, name=person.name,
                     honorific=person.honorific, given=person.given, surname=person.surname,
                     aliases=_json(person.aliases), roles=_json([r.model_dump(mode="json") for r in person.roles]),
                     person_id=joined.get((pack_id, person.id)), score=score.get((pack_id, person.id)))
        _meeting(rows)
        _minutes(rows)
        _reports(rows)
        _plans(rows)
        _indicators(rows)
        for g in ex.glossary:
            rows.add("glossary", g, term=g.term, expansion=g.expansion)
        for r in ex.risks:
            rows.add("risks", r, ref=r.ref, title=r.title, theme=r.theme, controls=r.controls, rating=r.rating, lead=r.lead)
        for m in ex.mentions:
            rows.add("mentions", m, text=m.text, context=m.context, score=m.score, evidence=_json(m.evidence), **rows.person(m.person))
        for f in ex.flags:
            rows.add("flags", f, code=f.code, severity=f.severity, message=f.message)
    return tables


def meeting_of(ex: Extraction) -> tuple[Optional[str], Optional[str]]:
    """The pack's body and meeting date (its meeting, else its first minutes)."""
    body = ex.meeting.body if ex.meeting else None
    date = ex.meeting.date if ex.meeting else None
    for m in ex.minutes:
        body, date = body or m.body, date or m.date
    return body, date


def _pack(rows: _Pack, path: str, source_path: Optional[str]) -> None:
    ex = rows.ex
    body, date = meeting_of(ex)
    rows.tables["packs"].rows.append(dict(
        pack_id=rows.pack_id, path=path, source=ex.pack.source, source_path=source_path, sha256=ex.pack.sha256,
        format=ex.pack.format, page_count=ex.pack.page_count, status=ex.status,
        extractor_version=ex.pack.extractor_version, body=body, date=date))
    for d in ex.documents:
        rows.add("documents", d, kind=d.kind, title=d.title, first_page=_at(d.pages, 0), last_page=_at(d.pages, -1),
                 first_printed_page=_at(d.printed_pages, 0), last_printed_page=_at(d.printed_pages, -1),
                 agenda_item=d.agenda_item, parent_uid=rows.uid(d.parent if d.parent in rows.documents else None))
    for n, a in enumerate(ex.agenda_items):
        rows.add("agenda_items", a, position=n, number=a.number, title=a.title, first_page=_at(a.pages, 0),
                 last_page=_at(a.pages, -1), summary=a.summary)


def _at(values: Optional[list], i: int) -> Any:
    return values[i] if values else None


def _meeting(rows: _Pack) -> None:
    ex = rows.ex
    body, date = meeting_of(ex)
    m = ex.meeting
    if m is not None:
        clerk = m.clerk
        rows.add("meetings", m, body=m.body, date=m.date, time=m.time, venue=m.venue, published=m.published,
                 clerk_name=clerk.name if clerk else None, clerk_role=clerk.role if clerk else None,
                 clerk_person_id=rows.person_of(clerk.person_id) if clerk and clerk.person_id else None)
    for x in ex.members:
        rows.add("members", x, body=body, date=date, name=x.name, title=x.title, role=x.role, party=x.party,
                 **rows.person(x.person_id))
    for c in ex.co_optees:
        rows.add("co_optees", c, name=c.name, representing=c.representing, **rows.person(c.person_id))


def _minutes(rows: _Pack) -> None:
    body, date = meeting_of(rows.ex)
    for m in rows.ex.minutes:
        rows.add("minutes", m, body=m.body or body, date=m.date or date, venue=m.venue, started_at=m.started_at,
                 ended_at=m.ended_at, chair_signature=m.chair_signature)
        for n, a in enumerate(m.attendees):
            rows.add("attendees", a, minutes_uid=rows.uid(m.id), body=m.body or body, date=m.date or date, position=n,
                     name=a.name, title=a.title, category=a.category, role=a.role, substituting_for=a.substituting_for,
                     **rows.person(a.person_id))
        for n, item in enumerate(m.items):
            _minute_item(rows, rows.uid(m.id), n, item)


def _minute_item(rows: _Pack, minutes_uid: Optional[str], n: int, item: Any) -> None:
    rows.add("minute_items", item, minutes_uid=minutes_uid, position=n, ref=item.ref, ref_normalised=item.ref_normalised,
             title=item.title, agenda_item=item.agenda_item, body=item.body, noted=item.noted)
    uid = rows.uid(item.id)
    for k, r in enumerate(item.resolutions):
        rows.add("resolutions", r, item_uid=uid, position=k, number=r.number, text=r.text, noted=r.noted)
    for v in item.votes:
        rows.add("votes", v, item_uid=uid, motion=v.motion, proposer=v.proposer,
                 proposer_person_id=rows.person_of(v.proposer_person_id) if v.proposer_person_id else None,
                 seconder=v.seconder,
                 seconder_person_id=rows.person_of(v.seconder_person_id) if v.seconder_person_id else None,
                 for_count=v.for_count, against_count=v.against_count, abstain_count=v.abstain_count,
                 for_names=_json(v.for_names), against_names=_json(v.against_names),
                 abstain_names=_json(v.abstain_names), result=v.result)
        for side, listed, ids in (("for", v.for_names, v.for_person_ids), ("against", v.against_names, v.against_person_ids),
                                  ("abstain", v.abstain_names, v.abstain_person_ids)):
            for k, name in enumerate(listed):
                pid = ids[k] if k < len(ids) else None
                rows.add("vote_names", None, uid=f"{rows.uid(v.id)}:{side}:{k}", vote_uid=rows.uid(v.id), side=side,
                         position=k, name=name, **rows.person(pid))
    for d in item.declarations:
        rows.add("declarations", d, item_uid=uid, member=d.member, item=d.item, interest=d.interest, **rows.person(d.person_id))
    for a in item.actions:
        rows.add("minute_actions", a, item_uid=uid, text=a.text, who=a.who, **rows.person(a.who_person_id))


def _officer(rows: _Pack, officer: Any) -> tuple:
    if officer is None:
        return None, None, None
    return officer.name, officer.role, rows.person_of(officer.person_id) if officer.person_id else None


def _reports(rows: _Pack) -> None:
    for r in rows.ex.reports:
        (ro, ro_role, ro_pid), (co, co_role, co_pid) = _officer(rows, r.report_of), _officer(rows, r.contact_officer)
        rows.add("reports", r, title=r.title, meeting=r.meeting, meeting_date=r.meeting_date, agenda_item=r.agenda_item,
                 report_of=ro, report_of_role=ro_role, report_of_person_id=ro_pid, contact_officer=co,
                 contact_officer_role=co_role, contact_officer_person_id=co_pid, wards=r.wards,
                 decision_type=r.decision_type, decision_no=r.decision_no, classification=r.classification)
        for k, rec in enumerate(r.recommendations):
            rows.add("recommendations", rec, report_uid=rows.uid(r.id), position=k, number=rec.number, text=rec.text)


def _plans(rows: _Pack) -> None:
    ex = rows.ex
    body, date = meeting_of(ex)
    for a in ex.actions:
        rows.add("actions", a, body=body, date=date, ref=a.ref, ref_printed=a.ref_printed, title=a.title, lead=a.lead,
                 lead_person_id=rows.person_of(a.lead_person_id) if a.lead_person_id else None, theme=a.theme,
                 plan=a.plan, due=a.due, status=a.status, progress_note=a.progress_note)
    for n, m in enumerate(ex.milestones):
        rows.add("milestones", m, body=body, date=date, position=n, action_ref=m.action_ref, text=m.text,
                 planned_start=m.planned_start, due=m.due, status=m.status, status_printed=m.status_printed,
                 progress_note=m.progress_note, lead=m.lead,
                 lead_person_id=rows.person_of(m.lead_person_id) if m.lead_person_id else None)
    for e in ex.exceptions:
        linked = ex.milestones[e.milestone_index] if e.milestone_index is not None and 0 <= e.milestone_index < len(ex.milestones) else None
        rows.add("exceptions", e, action_ref=e.action_ref, milestone=e.milestone,
                 milestone_uid=rows.uid(linked.id) if linked else None, reason=e.reason,
                 actions_to_achieve=e.actions_to_achieve, support_required=e.support_required,
                 revised_completion=e.revised_completion, revised_completion_printed=e.revised_completion_printed,
                 other_milestones_impacted=e.other_milestones_impacted)


def _quantity(q: Any) -> tuple:
    return (q.value, q.unit, q.printed) if q is not None else (None, None, None)


def _indicators(rows: _Pack) -> None:
    body, date = meeting_of(rows.ex)
    for ind in rows.ex.indicators:
        value, unit, printed = _quantity(ind.value)
        target, _, target_printed = _quantity(ind.target)
        floor, _, floor_printed = _quantity(ind.floor)
        rows.add("indicators", ind, body=body, date=date, code=ind.code, indicator_group=ind.group,
                 description=ind.description, value=value, unit=unit, printed=printed, trend=ind.trend,
                 trend_printed=ind.trend_printed, status=ind.status, status_printed=ind.status_printed, target=target,
                 target_printed=target_printed, floor=floor, floor_printed=floor_printed, commentary=ind.commentary)
        for k, pv in enumerate(ind.periods):
            rows.add("indicator_values", None, uid=rows.uid(pv.id), id=pv.id, indicator_uid=rows.uid(ind.id),
                     code=ind.code, position=k, label=pv.label, period=pv.period, value=pv.value, unit=pv.unit,
                     printed=pv.printed)
