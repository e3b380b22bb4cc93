"""From clustered observations to Person and Mention records."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from scrutiny.extractor import names
from scrutiny.extractor.people import roles as role_match
from scrutiny.extractor.people import text as text_refs
from scrutiny.extractor.people.cluster import Group, Link, cluster
from scrutiny.extractor.people.gather import Observation
from scrutiny.extractor.textutil import normalise
from scrutiny.models.records import Mention, Person, PersonRole

# Roles every member shares; they say nothing about who holds a particular post.
GENERIC_ROLES = frozenset({"member", "councillor", "substitute member", "co-optee"})
# Contexts where a role phrase is narrative and may denote a post rather than its current holder.
def _strict(context: str) -> bool:
    """Role references in running text ("minutes_role", "report_role") are narrative."""
    return context.endswith("_role")


@dataclass
class Assignment:
    person: Optional[str]
    score: Optional[float]
    evidence: list[str] = field(default_factory=list)


@dataclass
class Linked:
    """The outcome of linking: groups with their ids, and one assignment per observation."""

    groups: list[Group[Observation]]
    ids: list[str]
    assignments: dict[int, Assignment]
    role_aliases: dict[str, list[Observation]]


def link(observations: list[Observation], glossary: dict[str, str]) -> Linked:
    """Cluster the named observations, then resolve role-only ones through stated roles."""
    for i, o in enumerate(observations):
        o.index = i
    named = [(o, o.name) for o in observations if o.name is not None]
    groups, unresolved = cluster(named, roles_of=lambda o: o.roles)
    groups = merge_spaced_initials(merge_partial_names(merge_compound_surnames(merge_given_names(groups))))
    ids = person_ids(groups)
    assignments: dict[int, Assignment] = {}
    for pid, g in zip(ids, groups):
        for o, lk in zip(g.items, g.links):
            assignments[o.index] = Assignment(pid, lk.score, lk.evidence)
    for u in unresolved:
        assignments[u.item.index] = Assignment(None, None, u.evidence)
    statements = role_statements(groups, ids)
    role_aliases: dict[str, list[Observation]] = defaultdict(list)
    by_initials = _initials_index(groups, ids)
    # a holder the pack calls by a longer form ("JTe") is not the one meant by the short one ("JT")
    longer = {pid for o in observations if o.name is None and _EXTENDED.fullmatch(o.text.strip())
              for pid in by_initials.get(o.text.strip(), ())}
    defined = _defined_initials(groups, ids)
    for o in observations:
        if o.name is None:
            assignments[o.index] = defined.get(o.text.strip()) or _by_initials(o.text, by_initials, longer) or _resolve_role(o, statements, glossary)
            if assignments[o.index].person:
                role_aliases[assignments[o.index].person].append(o)
    return Linked(groups, ids, assignments, dict(role_aliases))


LIST_CONTEXTS = ("attendee", "member", "co_optee", "substituted", "vote_", "declaration")


def merge_given_names(groups: list[Group[Observation]]) -> list[Group[Observation]]:
    """A lone word with no honorific outside attendance lists ("Keith" as an action owner) joins the
    only person in the pack with that given name, when nobody has it as a surname; a given name in
    common use that nobody has in full ("Katy") joins the only person whose first initial it
    starts with ("K Draper"), when the pack names that person by initials only."""
    surnames = Counter(g.best.surname_key for g in groups)
    by_given: dict[str, list[Group]] = defaultdict(list)
    by_initial: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        if g.best.given:
            by_given[names.key(g.best.given[0])].append(g)
        if g.best.initials:
            by_initial[g.best.initials[0]].append(g)
    absorbed: set[int] = set()
    for g in groups:
        lone = all(p.level == 0 and not p.honorifics and not p.qualifier and len(p.surname.split()) == 1 for p in g.parsed)
        in_lists = any(o.context.startswith(LIST_CONTEXTS) for o in g.items)
        targets = by_given.get(g.best.surname_key, [])
        if lone and not targets and names.is_given_name(g.best.surname):
            targets = [t for t in by_initial.get(g.best.surname[:1].upper(), []) if t is not g]
            if len(targets) != 1 or targets[0].best.given:
                targets = []
        if lone and not in_lists and len(targets) == 1 and surnames[g.best.surname_key] == 1:
            target = targets[0]
            for o, p, lk in zip(g.items, g.parsed, g.links):
                target.add(o, p, Link(0.6, [f"single name read as the given name of {target.best.display}, the only one in the pack"]))
            absorbed.add(id(g))
    return [g for g in groups if id(g) not in absorbed]


_SPACED_INITIALS = re.compile(r"[A-Z]{1,3}\.?(?:\s+[A-Z]{1,3}\.?)+")


def merge_spaced_initials(groups: list[Group[Observation]]) -> list[Group[Observation]]:
    """Initials printed in parts ("M KB": a given name's initial, then a double surname's) join the
    one person whose name has them run together ("M Kerford Byrne": MKB)."""
    index: dict[str, set[int]] = defaultdict(set)
    for k, g in enumerate(groups):
        for form in names.initials_forms(g.best):
            index[form].add(k)
    absorbed: set[int] = set()
    for k, g in enumerate(groups):
        if not all(_SPACED_INITIALS.fullmatch(o.text.strip()) and not p.honorifics for o, p in zip(g.items, g.parsed)):
            continue
        letters = {re.sub(r"[\s.]", "", o.text) for o in g.items}
        holders = {h for form in letters for h in index.get(form, ())} - {k}
        if len(letters) == 1 and len(holders) == 1:
            target = groups[next(iter(holders))]
            if id(target) in absorbed:
                continue
            for o, p in zip(g.items, g.parsed):
                target.add(o, p, Link(0.8, [f"initials {o.text.strip()}: run together, those of {target.best.display} only"]))
            absorbed.add(id(g))
    return [g for g in groups if id(g) not in absorbed]


def merge_compound_surnames(groups: list[Group[Observation]]) -> list[Group[Observation]]:
    """A bare surname ("Councillor Novak") joins the one person whose full name has that word just
    before a particle surname ("Saša Novak Uí Chonchúir"), when nobody has it as a surname."""
    with_given = Counter(g.best.surname_key for g in groups if g.best.given)
    targets: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        b = g.best
        if len(b.given) >= 2 and b.surname.split()[0].lower() in names.PARTICLES:
            targets[b.given_keys[-1]].append(g)
    absorbed: set[int] = set()
    for g in groups:
        k = g.best.surname_key
        if g.best.level or g.best.qualifier or with_given[k] or len(targets.get(k, [])) != 1:
            continue
        target = targets[k][0]
        if not all(names.gender(p) is None or names.gender(p) == names.gender(t) or names.gender(t) is None for p in g.parsed for t in target.parsed):
            continue
        for o, p, lk in zip(g.items, g.parsed, g.links):
            target.add(o, p, Link(0.6, [f"surname-only form read as the first part of {target.best.display}'s double surname"]))
        absorbed.add(id(g))
    return [g for g in groups if id(g) not in absorbed]


def merge_partial_names(groups: list[Group[Observation]]) -> list[Group[Observation]]:
    """A short form that drops part of one person's full name joins that person, when no one else
    could be meant: a middle name used as the first ("Allen Fisk" of "Robert Allen Fisk"), or a
    double surname printed without its hyphen, read as a given name and a surname ("S. Martin
    Newberry", "Martin Newberry" of "Simone Martin-Newberry")."""
    by_surname: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        by_surname[g.best.surname_key].append(g)
    absorbed: set[int] = set()
    for g in groups:
        b = g.best
        if len(b.given) != 1 or b.qualifier:
            continue
        middle = [t for t in by_surname[b.surname_key] if t is not g and len(t.best.given) >= 2 and t.best.given_keys[-1] == b.given_keys[0]]
        rivals = [t for t in by_surname[b.surname_key] if t is not g and t.best.given_keys[:1] == b.given_keys]
        joined = [t for t in by_surname.get(f"{b.given_keys[0]}-{b.surname_key}", []) if _initials_agree(b.initials[:-1], t.best.initials)]
        for targets, why in ((middle if not rivals else [], "middle name"), (joined, "double surname")):
            if len(targets) == 1 and id(targets[0]) not in absorbed and _genders_agree(g, targets[0]):
                target, best = targets[0], targets[0].best
                for o, p, lk in zip(g.items, g.parsed, g.links):
                    target.add(o, p, Link(0.6, [f"{b.display} read as {best.display} without part of the name ({why})"]))
                target._best = best  # the full name stays the person's name
                absorbed.add(id(g))
                break
    return [g for g in groups if id(g) not in absorbed]


def _initials_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return all(x == y for x, y in zip(a, b))


def _genders_agree(a: Group, b: Group) -> bool:
    return not any(names.gender(p) and names.gender(t) and names.gender(p) != names.gender(t) for p in a.parsed for t in b.parsed)


def _defined_initials(groups: list[Group[Observation]], ids: list[str]) -> dict[str, Assignment]:
    """Initials the pack gives in brackets after one person's name ("John Moss (JM)"), which stand
    for that person even where another shares them ("Jo May")."""
    holders: dict[str, set[str]] = defaultdict(set)
    for pid, g in zip(ids, groups):
        for o in g.items:
            for form in o.also:
                if _INITIALS.fullmatch(form):
                    holders[form].add(pid)
    return {k: Assignment(next(iter(v)), 0.9, [f"initials {k}: given in brackets after this person's name"]) for k, v in holders.items() if len(v) == 1}


_INITIALS = re.compile(r"[A-Z]{2,3}[a-z]{0,2}")


def _initials_index(groups: list[Group[Observation]], ids: list[str]) -> dict[str, set[str]]:
    """Initials -> the people they could stand for: given names' (or printed) initials and the
    surname's, with each part of a double surname ("Simone Martin-Newberry": SMN and SM)."""
    index: dict[str, set[str]] = defaultdict(set)
    for pid, g in zip(ids, groups):
        for form in names.initials_forms(g.best):
            index[form].add(pid)
    return index


_EXTENDED = re.compile(r"[A-Z]{2,3}[a-z]{1,2}")  # initials with the surname's next letters: "JTe"


def _by_initials(text: str, index: dict[str, set[str]], longer: set[str]) -> Optional[Assignment]:
    """A reference by initials alone ("SW" in an action column, "JTe" beside "JT") to the one person
    of the pack whose name has them; initials two people share stay unresolved unless all but one
    of them are called by a longer form."""
    letters = text.strip().strip(".()")
    if not (2 <= len(letters) <= 5 and letters.isalpha() and (letters.isupper() or _EXTENDED.fullmatch(letters))):
        return None
    holders = index.get(letters, set())
    if len(holders) > 1 and not _EXTENDED.fullmatch(letters):
        holders = holders - longer
    if len(holders) != 1:
        return None
    (pid,) = holders
    return Assignment(pid, 0.8, [f"initials {letters}: the only person here whose name has them"])


def _resolve_role(o: Observation, statements, glossary) -> Assignment:
    text = o.text.strip()
    if not (names.is_role_text(text) or role_match.letters(text)):
        return Assignment(None, None, ["not read as a personal name or a role"])
    if text_refs.is_office(text):
        return Assignment(None, None, ["role-only reference to an office held in turn (chair, clerk ...); not resolved"])
    person, score, evidence = role_match.resolve(text, statements, glossary, strict=_strict(o.context))
    if person is None:
        return Assignment(None, None, ["role-only reference"] + evidence)
    return Assignment(person, round(0.9 * score / 100, 3), ["role-only reference"] + evidence)


def role_statements(groups: list[Group[Observation]], ids: list[str]) -> list[role_match.Statement]:
    """Every (role, person) the pack states: cover sheets, attendee roles, "(Director of ...)"."""
    out: list[role_match.Statement] = []
    seen: set[tuple[str, str]] = set()
    for pid, g in zip(ids, groups):
        for o in g.items:
            for r in o.roles:
                k = (normalise(r), pid)
                if normalise(r) not in GENERIC_ROLES and not normalise(r).startswith("co-optee") and k not in seen:
                    seen.add(k)
                    out.append(role_match.Statement(r, pid))
    return out


def person_ids(groups: list[Group]) -> list[str]:
    """Stable ids from the canonical names: "p-gideon-bull"; clashes add honorific, then a number."""
    base = [f"p-{names.slug(g.best.display)}" for g in groups]
    counts = Counter(base)
    ids = []
    for b, g in zip(base, groups):
        if counts[b] > 1:
            extra = [h for h in g.honorifics[:1]] + ([g.best.qualifier] if g.best.qualifier else [])
            b = f"p-{names.slug(' '.join(extra + [g.best.display]))}"
        ids.append(b)
    seen: Counter = Counter()
    unique = []
    for i in ids:
        seen[i] += 1
        unique.append(i if seen[i] == 1 else f"{i}-{seen[i]}")
    return unique


def name_fields(group) -> dict:
    """name, honorific (a personal one before a police rank), given names or initials and surname
    of a cluster, from its best-parsed name."""
    best = group.best
    honorifics = [h for h in group.honorifics if h not in names.RANKS] or group.honorifics
    return dict(
        name=best.display,
        honorific=honorifics[0] if honorifics else None,
        given=" ".join(best.given) or " ".join(best.initials) or None,
        surname=best.surname,
    )


def person_record(pid: str, group: Group[Observation], role_aliases: list[Observation]) -> Person:
    observed = sorted(list(group.items) + role_aliases, key=lambda o: o.index)
    return Person(id=pid, **name_fields(group), aliases=aliases(observed), roles=person_roles(group.items))


def aliases(observed: list[Observation]) -> list[str]:
    """Surface forms in order of first mention: the printed ones, or all when none was found printed."""
    printed = [o for o in observed if o.printed] or observed
    return list(dict.fromkeys(t.strip() for o in printed for t in [o.text, *o.also]))


def person_roles(observations: list[Observation]) -> list[PersonRole]:
    """Roles seen for a person, each with the meeting and date it was observed at, deduplicated."""
    out: list[PersonRole] = []
    seen: set[tuple] = set()
    for o in sorted(observations, key=lambda o: o.index):
        for r in o.roles:
            k = (normalise(r), o.meeting, o.date)
            if k not in seen:
                seen.add(k)
                out.append(PersonRole(role=r, meeting=o.meeting, date=o.date))
    return out


def people_and_mentions(observations: list[Observation], glossary: dict[str, str]) -> tuple[list[Person], list[Mention]]:
    """Person records (in order of first mention) and one Mention per observation."""
    linked = link(observations, glossary)
    people = [person_record(pid, g, linked.role_aliases.get(pid, [])) for pid, g in zip(linked.ids, linked.groups)]
    mentions = []
    for o in observations:
        a = linked.assignments.get(o.index, Assignment(None, None, ["not linked"]))
        if o.record is not None and hasattr(o.record, "person_id"):
            o.record.person_id = a.person
        mentions.append(Mention(text=o.text, context=o.context, person=a.person, score=a.score, evidence=a.evidence, provenance=o.provenance))
    return people, mentions
