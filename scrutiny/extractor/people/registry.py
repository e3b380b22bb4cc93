"""An archive-wide registry of people: the per-pack people of many extractions joined across packs
(same person across years), with every role observed over time and the packs it was seen in.

Packs are keyed by their extraction's path under the archive folder (``2009/minutes``) and carry
their sha256, never by file name alone, so two ``minutes.pdf`` in two folders stay two packs. Before
joining, a name printed with a loose Irish particle ("Sean O Ceallaigh", "Maire Ni Bhriain") takes
the particle into its surname when another name in the archive has that surname ("Ó Ceallaigh",
"O'Ceallaigh"); accents never tell names apart. A pack person seen only in running text whose name
has neither an honorific, nor a given name in common use, nor initials ("Ambassador", "Before
Christmas") is not taken for a person.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Union

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


class RegistryPack(_Record):
    pack: str = Field(..., description="The pack's key: its extraction's path under the archive folder, without .json.")
    source: str = Field(..., description="File name of the pack.")
    sha256: str


class PackLink(_Record):
    pack: str = Field(..., description="Key of the pack (see RegistryPack).")
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
    packs: list[str] = Field(..., description="Keys of the packs, in order.")
    pack_files: list[RegistryPack] = Field(default_factory=list, description="Each pack's key, file name and sha256.")
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


@dataclass(frozen=True)
class LoadedPack:
    """One extraction read from an archive folder, with its key (path under the folder, no .json)."""

    key: str
    path: Path
    extraction: Extraction


def pack_key(outdir: Path, path: Path) -> str:
    """``2009/minutes`` for ``OUTDIR/2009/minutes.json``."""
    rel = Path(path).relative_to(outdir).as_posix()
    return rel[: -len(".json")] if rel.endswith(".json") else rel


def load_packs(outdir: Path, skipped: Optional[list] = None) -> list[LoadedPack]:
    """Every extraction JSON in ``outdir`` and its subfolders (sorted by path). A file that cannot
    be read or parsed, or that looks like an extraction but is not of its shape, is skipped and
    listed in ``skipped`` as (path, why); other JSON files (not extractions) are passed over."""
    from pydantic import ValidationError

    outdir = Path(outdir)
    found = []
    for path in sorted(outdir.rglob("*.json")):
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
            found.append(LoadedPack(pack_key(outdir, path), path, Extraction.model_validate(data)))
        except ValidationError as exc:
            if skipped is not None:
                skipped.append((path, f"not an extraction of this schema: {exc.error_count()} field error(s)"))
    return found


def load_extractions(outdir: Path, skipped: Optional[list] = None) -> list[Extraction]:
    """The extractions of ``load_packs``, without their keys."""
    return [p.extraction for p in load_packs(outdir, skipped)]


def _keyed(packs: Iterable[Union[Extraction, LoadedPack, tuple]]) -> list[tuple[str, Extraction]]:
    """(key, extraction) pairs: a LoadedPack's key, a (key, extraction) pair as given, else the
    file name, made unique with the sha256 when two packs share it."""
    pairs = []
    for p in packs:
        if isinstance(p, LoadedPack):
            pairs.append((p.key, p.extraction))
        elif isinstance(p, tuple):
            pairs.append((p[0], p[1]))
        else:
            pairs.append((p.pack.source, p))
    counts: dict[str, int] = {}
    for k, _ in pairs:
        counts[k] = counts.get(k, 0) + 1
    out, seen = [], set()
    for k, ex in pairs:
        key = k if counts[k] == 1 else f"{k}@{ex.pack.sha256[:12]}"
        n, unique = 1, key
        while unique in seen:
            n += 1
            unique = f"{key}-{n}"
        seen.add(unique)
        out.append((unique, ex))
    return out


# a particle printed without its accent or apart from the surname, and how the surname takes it
_LOOSE_PARTICLE = re.compile(r"(?<![\w'’])(O|Ó|N[Ii]|N[Íí]|N[Ii][Cc]|U[Ii]|U[Íí]|U[Aa]|M[Cc]|M[Aa][Cc])\s+(?=[A-ZÀ-Þ])")
_PARTICLE_FORM = {"o": "Ó ", "ni": "Ní ", "nic": "Nic ", "ui": "Uí ", "ua": "Ua ", "mc": "Mc", "mac": "Mac"}


def _with_particle(text: str, known: set[str]) -> str:
    """``text`` with a loose particle joined to the surname when the joined surname is known."""
    for m in _LOOSE_PARTICLE.finditer(text):
        rest = text[m.end():].split()
        if len(rest) != 1:
            continue  # the particle must stand just before the surname, the last word
        form = _PARTICLE_FORM[names.key(m.group(1))]
        joined = text[: m.start()] + form + text[m.end():]
        parsed = names.parse(joined)
        if parsed is not None and parsed.surname_key in known:
            return joined
    return text


# contexts whose records name people by structure (lists, cover sheets, table cells), not running text
_STRUCTURED = ("attendee_", "member", "co_optee", "substituted", "clerk", "report_of", "contact_officer", "chair_signature",
               "declaration", "proposer", "seconder", "vote_", "minute_action", "action_lead", "milestone_lead", "table")


def is_person(person: Person, contexts: set[str]) -> bool:
    """A pack person worth a registry entry: named in a structured record, or with an honorific,
    a given name in common use or initials ("Ambassador", "Before Christmas" are not)."""
    if any(c.startswith(_STRUCTURED) for c in contexts):
        return True
    parsed = best_parse(person)
    if parsed is None:
        return False
    return bool(parsed.honorifics or (parsed.given and names.is_given_name(parsed.given[0]))
                or (parsed.initials and not parsed.given))


def build(extractions: Iterable[Union[Extraction, LoadedPack, tuple]]) -> Registry:
    """Join the people of many packs into one registry (packs as Extractions, LoadedPacks or
    (key, Extraction) pairs)."""
    packs = _keyed(extractions)
    candidates: list[tuple[str, Person, int]] = []
    for key, ex in packs:
        counts: dict[str, int] = {}
        contexts: dict[str, set[str]] = {}
        for m in ex.mentions:
            if m.person:
                counts[m.person] = counts.get(m.person, 0) + 1
                contexts.setdefault(m.person, set()).add(m.context)
        for p in ex.people:
            if is_person(p, contexts.get(p.id, set())):
                candidates.append((key, p, counts.get(p.id, 0)))
    parses = [(c, best_parse(c[1])) for c in candidates]
    known = {parsed.surname_key for _, parsed in parses if parsed is not None}
    entries: list[tuple[_Entry, ParsedName]] = []
    for (key, person, count), parsed in parses:
        if parsed is None:
            continue
        for form in [person.name, *person.aliases]:
            repaired = _with_particle(form, known)
            if repaired != form and names.parse(repaired) is not None:
                parsed = names.parse(repaired, title=person.honorific)
                break
        entries.append((_Entry(key, person, count), parsed))
    groups, unresolved = cluster(entries, roles_of=lambda e: e.roles)
    ids = person_ids(groups)
    order = {key: i for i, (key, _) in enumerate(packs)}
    people = [_person(pid, g, order) for pid, g in zip(ids, groups)]
    people.sort(key=lambda p: p.id)
    unlinked = [Unlinked(pack=u.item.pack, person=u.item.person.id, name=u.item.person.name, evidence=u.evidence) for u in unresolved]
    return Registry(packs=[key for key, _ in packs],
                    pack_files=[RegistryPack(pack=key, source=ex.pack.source, sha256=ex.pack.sha256) for key, ex in packs],
                    people=people, unlinked=unlinked)


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
