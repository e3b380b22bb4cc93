"""An archive-wide registry of people: the per-pack people of many extractions joined across packs
(same person across years), with every role observed over time and the packs it was seen in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from scrutiny.extractor import names
from scrutiny.extractor.names import ParsedName
from scrutiny.extractor.people.build import name_fields, person_ids
from scrutiny.extractor.people.cluster import cluster
from scrutiny.models.records import Extraction, Person


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegistryRole(_Record):
    role: str
    meeting: Optional[str] = None
    date: Optional[str] = None
    pack: str


class PackLink(_Record):
    pack: str = Field(..., description="Source file name of the extraction.")
    person: str = Field(..., description="The person's id within that pack.")
    mentions: int = 0
    score: float = Field(..., description="How well the pack's person matched the registry person (0-1).")
    evidence: list[str] = Field(default_factory=list)


class RegistryPerson(_Record):
    id: str
    name: str
    honorific: Optional[str] = None
    given: Optional[str] = None
    surname: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    roles: list[RegistryRole] = Field(default_factory=list)
    packs: list[PackLink] = Field(default_factory=list)
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None


class Unlinked(_Record):
    pack: str
    person: str
    name: str
    evidence: list[str]


class Registry(_Record):
    packs: list[str]
    people: list[RegistryPerson]
    unlinked: list[Unlinked] = Field(default_factory=list, description="Pack people compatible with several registry people.")


class _Entry:
    """One pack's person, as an item to cluster."""

    def __init__(self, pack: str, person: Person, mentions: int):
        self.pack, self.person, self.mentions = pack, person, mentions

    @property
    def roles(self) -> list[str]:
        return [r.role for r in self.person.roles]


def best_parse(person: Person) -> Optional[ParsedName]:
    """The most complete parse among the person's name and aliases, carrying its honorifics."""
    parses = [names.parse(person.name, title=person.honorific)]
    parses += [names.parse(a) for a in person.aliases]
    parses = [p for p in parses if p is not None]
    if not parses:
        return None
    return max(enumerate(parses), key=lambda ip: (ip[1].level, len(ip[1].given), len(ip[1].initials), not ip[1].text.isupper(), -ip[0]))[1]


def load_extractions(outdir: Path, skipped: Optional[list] = None) -> list[Extraction]:
    """Every extraction JSON in ``outdir`` and its subfolders (sorted by path). A file that cannot
    be read or parsed, or that looks like an extraction but is not of its shape, is skipped and
    listed in ``skipped`` as (path, why); other JSON files (not extractions) are passed over."""
    from pydantic import ValidationError

    found = []
    for path in sorted(Path(outdir).rglob("*.json")):
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            if skipped is not None:
                skipped.append((path, f"not readable JSON: {' '.join(str(exc).split())[:120]}"))
            continue
        if not (isinstance(data, dict) and "pack" in data):
            continue
        try:
            found.append(Extraction.model_validate(data))
        except ValidationError as exc:
            if skipped is not None:
                skipped.append((path, f"not an extraction of this schema: {exc.error_count()} field error(s)"))
    return found


def build(extractions: list[Extraction]) -> Registry:
    """Join the people of many packs into one registry."""
    entries: list[tuple[_Entry, ParsedName]] = []
    for ex in extractions:
        counts: dict[str, int] = {}
        for m in ex.mentions:
            if m.person:
                counts[m.person] = counts.get(m.person, 0) + 1
        for p in ex.people:
            parsed = best_parse(p)
            if parsed is not None:
                entries.append((_Entry(ex.pack.source, p, counts.get(p.id, 0)), parsed))
    groups, unresolved = cluster(entries, roles_of=lambda e: e.roles)
    ids = person_ids(groups)
    order = {ex.pack.source: i for i, ex in enumerate(extractions)}
    people = [_person(pid, g, order) for pid, g in zip(ids, groups)]
    people.sort(key=lambda p: p.id)
    unlinked = [Unlinked(pack=u.item.pack, person=u.item.person.id, name=u.item.person.name, evidence=u.evidence) for u in unresolved]
    return Registry(packs=[ex.pack.source for ex in extractions], people=people, unlinked=unlinked)


def _person(pid: str, group, order: dict[str, int]) -> RegistryPerson:
    roles: list[RegistryRole] = []
    seen = set()
    for e in group.items:
        for r in e.person.roles:
            k = (r.role, r.meeting, r.date, e.pack)
            if k not in seen:
                seen.add(k)
                roles.append(RegistryRole(role=r.role, meeting=r.meeting, date=r.date, pack=e.pack))
    roles.sort(key=lambda r: (r.date or "", r.meeting or "", r.pack, r.role))
    dates = [r.date for r in roles if r.date]
    return RegistryPerson(
        id=pid,
        **name_fields(group),
        aliases=list(dict.fromkeys(a for e in group.items for a in e.person.aliases)),
        roles=roles,
        packs=sorted(
            (PackLink(pack=e.pack, person=e.person.id, mentions=e.mentions, score=lk.score, evidence=lk.evidence) for e, lk in zip(group.items, group.links)),
            key=lambda link: (order[link.pack], link.person),
        ),
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
    )


def to_json(registry: Registry) -> str:
    """Deterministic JSON of the registry."""
    return json.dumps(registry.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
