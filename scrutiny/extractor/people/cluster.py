"""Group name mentions into people: block by surname, then join a mention to the one compatible
group, from the most specific forms (full given names) to the least (surname only).

Two names that conflict (different given names or initials, Mr and Mrs, "(B)" and "(J)") never
join. A mention compatible with two groups stays unresolved unless one honorific tells them apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Generic, Optional, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from scrutiny.extractor import names
from scrutiny.extractor.names import ParsedName
from scrutiny.extractor.textutil import normalise

T = TypeVar("T")


@dataclass
class Link:
    score: float
    evidence: list[str]


@dataclass
class Group(Generic[T]):
    """Mentions believed to denote one person; ``items`` carry the caller's objects."""

    items: list[T] = field(default_factory=list)
    parsed: list[ParsedName] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    forms: dict[tuple, ParsedName] = field(default_factory=dict)  # distinct name forms, for compatibility checks

    _best: Optional[ParsedName] = None

    def add(self, item: T, name: ParsedName, link: Link) -> None:
        self.items.append(item)
        self.parsed.append(name)
        self.links.append(link)
        self.forms.setdefault(_signature(name), name)
        if self._best is None or _completeness(name) > _completeness(self._best):
            self._best = name

    @property
    def best(self) -> ParsedName:
        """The most complete form (full given names, then most initials, then mixed case); the
        first seen on a tie."""
        assert self._best is not None
        return self._best

    @property
    def honorifics(self) -> list[str]:
        counts = Counter(h for p in self.parsed for h in p.honorifics)
        first = {h: i for i, h in reversed(list(enumerate(h for p in self.parsed for h in p.honorifics)))}
        return sorted(counts, key=lambda h: (-counts[h], first[h]))


def _completeness(p: ParsedName) -> tuple:
    return (p.level, len(p.given), len(p.initials), not p.text.isupper())


def _signature(p: ParsedName) -> tuple:
    return (p.surname_key, p.given_keys, p.initials, names.gender(p), p.qualifier)


@dataclass
class Unresolved(Generic[T]):
    item: T
    name: ParsedName
    evidence: list[str]


def _order(name: ParsedName, index: int) -> tuple:
    return (-name.level, -len(name.given), -len(name.initials), names.gender(name) is None, name.qualifier is None, index)


def cluster(entries: list[tuple[T, ParsedName]], *, roles_of=None) -> tuple[list[Group[T]], list[Unresolved[T]]]:
    """Cluster (item, parsed name) pairs. ``roles_of(item)`` gives roles used to break ties."""
    blocks: dict[str, list[tuple[int, T, ParsedName]]] = defaultdict(list)
    for i, (item, name) in enumerate(entries):
        blocks[name.surname_key].append((i, item, name))
    groups: list[Group[T]] = []
    unresolved: list[Unresolved[T]] = []
    for block in blocks.values():
        g, u = _cluster_block(block, roles_of)
        groups.extend(g)
        unresolved.extend(u)
    groups = merge_typos(groups)
    order = {id(item): i for i, (item, _) in enumerate(entries)}
    groups.sort(key=lambda g: min(order[id(x)] for x in g.items))
    return groups, unresolved


def _cluster_block(block, roles_of) -> tuple[list[Group], list[Unresolved]]:
    groups: list[Group] = []
    unresolved: list[Unresolved] = []
    for i, item, name in sorted(block, key=lambda e: _order(e[2], e[0])):
        candidates, reasons = [], []
        for g in groups:
            ok, why = _fits(name, g)
            (candidates if ok else reasons).append((g, why))
        if not candidates:
            group = Group()
            group.add(item, name, Link(1.0, ["first mention of this name"] + [w for _, w in reasons[:3]]))
            groups.append(group)
            continue
        chosen, link = _choose(name, item, candidates, roles_of)
        if chosen is None:
            unresolved.append(Unresolved(item, name, link.evidence))
        else:
            chosen.add(item, name, link)
    return groups, unresolved


def _fits(name: ParsedName, group: Group) -> tuple[bool, str]:
    """Compatible with every name already in the group (no chaining through a vague form)."""
    why = ""
    for other in group.forms.values():
        ok, why = names.compatible(name, other)
        if not ok:
            return False, f"not {group.best.display}: {why}"
    return True, why


def _choose(name: ParsedName, item, candidates, roles_of) -> tuple[Optional[Group], Link]:
    if len(candidates) == 1:
        group, why = candidates[0]
        return group, _link(name, group, why, unique=True)
    shown = ", ".join(g.best.display for g, _ in candidates)
    group = _by_honorific(name, [g for g, _ in candidates]) or _by_role(item, [g for g, _ in candidates], roles_of)
    if group is not None:
        link = _link(name, group, "", unique=False)
        return group, Link(round(link.score * 0.85, 3), link.evidence + [f"chosen among {shown} by honorific or role"])
    return None, Link(0.0, [f"ambiguous: compatible with {shown}"])


def _by_honorific(name: ParsedName, groups: list[Group]) -> Optional[Group]:
    if not name.honorific:
        return None
    sharing = [g for g in groups if name.honorific in g.honorifics]
    others_titled = all(g.honorifics for g in groups)
    return sharing[0] if len(sharing) == 1 and others_titled else None


def _by_role(item, groups: list[Group], roles_of) -> Optional[Group]:
    if roles_of is None:
        return None
    mine = {normalise(r) for r in roles_of(item)}
    if not mine:
        return None
    sharing = [g for g in groups if mine & {normalise(r) for x in g.items for r in roles_of(x)}]
    return sharing[0] if len(sharing) == 1 else None


def _link(name: ParsedName, group: Group, why: str, *, unique: bool) -> Link:
    """Score a join: how much of the name agrees with the group's fullest form, with the reasons."""
    best = group.best
    ratio = names.name_similarity(name, best)
    if normalise(name.display) == normalise(best.display):
        score = 1.0
    elif name.given and best.given:
        score = 0.95
    elif name.initials:
        score = 0.85
    else:
        score = 0.75 if unique else 0.6
    evidence = [f"surname {name.surname_key}", f"rapidfuzz {ratio:.0f} vs '{best.display}'"]
    if why:
        evidence.append(why)
    if not name.initials and best.initials:
        evidence.append("surname-only form; the only compatible person in the block" if unique else "surname-only form")
    return Link(score, evidence)


def merge_typos(groups: list[Group]) -> list[Group]:
    """Join groups whose fullest forms share given names and differ by one letter in the surname
    ("Rachel Oakley" / "Rachel Oakly"); blocked by given name, never by surname-only forms."""
    by_given: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.best.given:
            by_given[" ".join(g.best.given_keys)].append(g)
    absorbed: set[int] = set()
    for block in by_given.values():
        if len(block) < 2:
            continue
        choices = {i: g.best.surname_key for i, g in enumerate(block)}
        for i, g in enumerate(block):
            if id(g) in absorbed:
                continue
            hits = process.extract(g.best.surname_key, choices, scorer=Levenshtein.distance, score_cutoff=1, limit=None)
            for _, dist, j in hits:
                other = block[j]
                if j == i or id(other) in absorbed or dist != 1:
                    continue
                if all(names.compatible(a, b, surname_typo=True)[0] for a in g.forms.values() for b in other.forms.values()) and len(other.items) < len(g.items) + 1:
                    for item, p, link in zip(other.items, other.parsed, other.links):
                        g.add(item, p, Link(round(link.score * 0.8, 3), link.evidence + [f"surname one letter from '{g.best.surname}'"]))
                    absorbed.add(id(other))
    return [g for g in groups if id(g) not in absorbed]
