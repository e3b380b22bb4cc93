"""Collect every mention of a person from an Extraction, with the role, meeting and date it was seen at."""

from __future__ import annotations

import itertools
import re

from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from scrutiny.extractor import names
from scrutiny.extractor.minutes.header import is_caption
from scrutiny.extractor.names import ParsedName
from scrutiny.extractor.pages import Source
from scrutiny.extractor.people import running
from scrutiny.extractor.people import text as text_refs
from scrutiny.extractor.textutil import normalise
from scrutiny.models.records import Attendee, Extraction, Provenance


@dataclass
class Observation:
    """One surface form of a person (or of a role standing for one) in one place of the pack."""

    text: str
    context: str
    index: int = 0
    name: Optional[ParsedName] = None
    role: Optional[str] = None
    meeting: Optional[str] = None
    date: Optional[str] = None
    provenance: Optional[Provenance] = None
    title: Optional[str] = None
    extra_roles: list[str] = field(default_factory=list)
    record: Any = None  # the record whose `person_id` field gets the resolved id (attendees)
    also: list[str] = field(default_factory=list)  # other surface forms of the same printing ("Bull" in "Bull (Chair)")
    printed: bool = True  # False: a record's name not found printed in that form (no surface form)
    in_sentence: bool = False  # read from running text where it stands as a person in a sentence

    @property
    def roles(self) -> list[str]:
        found = [self.role] if self.role else []
        if self.name and self.name.role and self.name.role not in found:
            found.append(self.name.role)
        return found + [r for r in self.extra_roles if r not in found]


def observation(text: str, context: str, *, title: Optional[str] = None, **kw) -> Observation:
    """An Observation with its name parsed (None for role-only references).

    A personal honorific given in a separate field (Mr, Mrs, Dr ...) is put back in front of the
    name, as such titles are printed with each name. "Councillor" is often a list heading before
    bare surnames ("Councillors Bull, Adamou"), so it is put back only before a name with given
    names or initials ("Councillor Emma Jones", "Councillor J. Collins").
    """
    text = names.clean_text(text)
    if title and not names.honorifics_of(text) and _per_name_title(title, text):
        text = f"{names.clean_text(title)} {text}"
    return Observation(text=text, context=context, name=names.parse(text, title=title), title=title, **kw)


LIST_RECORD_CONTEXTS = ("member", "co_optee", "attendee_", "substituted")


def gather(out: Extraction, source: Optional[Source] = None) -> list[Observation]:
    """Every person mention in the extraction, in document order of the sections. With the
    ``source``, list records take the form printed on their page and the pages' running text is
    read for names (otherwise the minute and plan texts of the records are)."""
    observations = [o for o in _all(out, running=source is None) if o.text and o.text.strip()]
    if source is not None:
        texts = running.PageTexts(source, out.documents)
        observations = _printed_forms(observations, texts) + _from_pages(observations, texts, out)
    for i, obs in enumerate(observations):
        obs.index = i
    return observations


def _all(out: Extraction, *, running: bool = True) -> Iterator[Observation]:
    body = out.meeting.body if out.meeting else None
    date = out.meeting.date if out.meeting else None
    yield from _meeting(out, body, date)
    yield from _reports(out, body, date)
    for minutes in out.minutes:
        yield from _minutes(minutes, minutes.body or body, minutes.date, running=running)
    yield from _plans(out, body, date, read_text=running)
    yield from _table_people(out, body, date)


def _printed_forms(observations: list[Observation], texts: running.PageTexts) -> list[Observation]:
    """List records (members, attendees ...) as printed: "Councillor Engert", "Mr J A Kite, MBE",
    "Bull (Chair)" (with "Bull" kept as another form). Looked for on the record's lines, then its
    page, then the other pages of its document; a record whose name is printed nowhere in that
    form is kept as a mention but gives no surface form."""
    source, documents = texts.source, texts.documents
    for o in observations:
        prov = o.provenance
        if not o.context.startswith(LIST_RECORD_CONTEXTS) or prov is None or not prov.page or prov.page > len(source.pages):
            continue
        form = None
        for index, lines, box in _search_order(prov, source, documents):
            for text, title in _printed_candidates(o):
                form = running.printed_form(text, title, texts.at(index), lines, box)
                if form:
                    break
            if form:
                break
        if form is None:
            o.printed = False
        elif normalise(form) != normalise(o.text):
            if "(" in form and "(" not in o.text:
                o.also.append(o.text)
            o.text = form
    return observations


def _printed_candidates(o: Observation) -> list[tuple[str, Optional[str]]]:
    """The name to look for, with the honorific to allow before it: the record's text as given;
    then, when ``observation`` put a title from a separate column or a list heading back in front
    ("Commissioner" of "Commissioners Present:"), the name alone with that title optional."""
    if not names.honorifics_of(o.text):
        return [(o.text, o.title)]
    title = names.clean_text(o.title or "")
    if title and o.text.startswith(title + " "):
        return [(o.text[len(title) + 1 :], o.title), (o.text, None)]
    return [(o.text, None)]


def _search_order(prov: Provenance, source: Source, documents) -> Iterator[tuple[int, Optional[list[int]], Optional[list[float]]]]:
    """Where to look for a record's printed name: its lines (or the lines inside its box), its page,
    its document's other pages."""
    if prov.lines or prov.bbox:
        yield prov.page, prov.lines, prov.bbox
    yield prov.page, None, None
    doc = running.document_of(source.pages[prov.page - 1], documents)
    if doc is not None:
        for index in range(doc.pages[0], min(doc.pages[-1], len(source.pages)) + 1):
            if index != prov.page:
                yield index, None, None


def _from_pages(structured: list[Observation], texts: running.PageTexts, out: Extraction) -> list[Observation]:
    """Names, role references and signatories in the pages' running text, except those a list
    record already gives on the same page; then the surnames of those named in full, printed alone."""
    seen = {(o.provenance.page, normalise(o.text)): o for o in structured if o.provenance}
    body = out.meeting.body if out.meeting else None
    date = out.meeting.date if out.meeting else None
    found: list[Observation] = []

    def take(found_items) -> None:
        for f in found_items:
            key = (f.provenance.page, normalise(f.text))
            if key in seen and not f.is_role:
                seen[key].also.extend(a for a in f.also if a not in seen[key].also)
                continue
            if f.known_only:
                continue
            if f.is_role:
                found.append(Observation(text=f.text, context=f.context, provenance=f.provenance, meeting=body, date=date))
            else:
                text = names.clean_text(f.text)
                found.append(Observation(text=text, context=f.context, name=names.parse(text, title=f.title), title=f.title, role=f.role, provenance=f.provenance, meeting=body, date=date, also=list(f.also), in_sentence=f.in_sentence))
            seen.setdefault(key, found[-1])

    source = texts.source
    vocab = running.vocabulary(source, body)
    cells = running.pack_cells(texts, out)
    take(itertools.chain(running.scan(source, out.documents, vocab, texts), running.plan_names(out, vocab), running.eponyms(cells, vocab)))
    found = _office_forms_of_known(found, structured, vocab)
    take(running.surname_mentions(cells, lone_surnames(structured + found, vocab)))
    return found


def _office_forms_of_known(found: list[Observation], structured: list[Observation], vocab: running.Vocabulary) -> list[Observation]:
    """Names after an office used as a form of address ("Commissioner Bello", "Planning
    Commissioners Academy") are kept when they are full names with a given name in common use or
    initials, the surname of someone the pack names with a given name or initials, or one word
    that stands as a person in a running sentence and can only be a surname here ("by Trustee
    Elton and", "Trustee Albrecht brought up": not in capitals, never printed in lower case, no
    word of a place, body or role)."""
    known = {o.name.surname_key for o in structured if o.name and o.name.level}
    known |= {o.name.surname_key for o in found if o.name and o.name.level and (not text_refs.is_office_title(o.title) or _full(o.name, vocab))}

    def keep(o: Observation) -> bool:
        if o.name is None or not text_refs.is_office_title(o.title):
            return True
        return _full(o.name, vocab) or (o.name.level == 0 and (o.name.surname_key in known or (o.in_sentence and _only_a_surname(o.text.split()[-1], vocab))))

    return [o for o in found if keep(o)]


def _only_a_surname(word: str, vocab: running.Vocabulary) -> bool:
    parts = word.split("-")
    return (" " not in word and not word.isupper() and all(p[:1].isupper() and len(p) > 1 for p in parts)
            and all(vocab.surname(p) for p in parts))


def _full(name: ParsedName, vocab: running.Vocabulary) -> bool:
    return bool((name.given and vocab.given(name.given[0])) or (name.initials and not name.given))


def lone_surnames(observations: list[Observation], vocab: running.Vocabulary) -> dict[str, set[str]]:
    """Surnames (as printed, in title case) that belong to one person named with given names or
    initials (a given name in common use, an honorific, or in a list of members or attendees),
    mapped to the given names and initials
    that may precede them. Surnames that
    are common words of the pack, or words of roles, places or bodies, are left out."""
    by_surname: dict[str, list[ParsedName]] = {}
    for o in observations:
        n = o.name
        if n and not (n.honorific or (n.given and vocab.given(n.given[0])) or (n.initials and not n.given) or o.context.startswith(LIST_RECORD_CONTEXTS)):
            continue  # "Before Christmas" read as a name somewhere is no evidence of a person
        if n and n.level and len(n.surname) >= 3 and " " not in n.surname and n.surname[:1].isupper() and not n.surname.isupper():
            by_surname.setdefault(n.surname, []).append(n)
    out: dict[str, set[str]] = {}
    for surname, parsed in by_surname.items():
        if not vocab.surname(surname):
            continue
        forms = list({(p.given_keys, p.initials, names.gender(p)): p for p in parsed}.values())
        if all(names.compatible(a, b)[0] for i, a in enumerate(forms) for b in forms[i + 1 :]):
            out[surname] = {w for p in parsed for w in (*p.given, *p.initials)}
    return out


def _people_in(text: Optional[str], context: str, **kw) -> Iterator[Observation]:
    for part in names.split_names(text):
        yield observation(part, context, **kw)


def _meeting(out: Extraction, body, date) -> Iterator[Observation]:
    where = dict(meeting=body, date=date)
    clerk = out.meeting.clerk if out.meeting else None
    if clerk and clerk.name:
        prov = out.meeting.provenance
        yield observation(clerk.name, "clerk", role=clerk.role, provenance=prov, **where)
    for m in out.members:
        extra = ["Member"] + (["Councillor"] if _is_councillor(m.title) else [])
        yield observation(m.name, "member", title=m.title, role=m.role, provenance=m.provenance, extra_roles=extra, **where)
    for c in out.co_optees:
        role = f"Co-optee - {c.representing}" if c.representing else "Co-optee"
        yield observation(c.name, "co_optee", role=role, provenance=c.provenance, **where)


def _reports(out: Extraction, body, date) -> Iterator[Observation]:
    for r in out.reports:
        where = dict(meeting=r.meeting or body, date=r.meeting_date or date, provenance=r.provenance)
        for context, officer in (("report_of", r.report_of), ("contact_officer", r.contact_officer)):
            if officer:
                yield from _officer(officer, context, where)


def _officer(officer, context: str, where: dict) -> Iterator[Observation]:
    """A cover sheet's {name, role}; a name that is a field label with the person in the role
    ("Report Author" / "Dave Shipton (Head of Finance)") is read from the role."""
    name, role = officer.name, officer.role
    if name and not any(names.parse(p) for p in names.split_names(name)) and role and names.parse(role):
        name, role = role, None
    if name:
        for part in names.split_names(name):
            yield observation(part, context, role=role, **where)
    elif role:
        yield observation(role, context, **where)


def _minutes(minutes, body, date, *, running: bool = True) -> Iterator[Observation]:
    where = dict(meeting=body, date=date)
    for a in minutes.attendees:
        yield _attendee(a, where)
        if a.substituting_for:
            yield observation(a.substituting_for, "substituted", title=a.title, provenance=a.provenance, **where)
    if minutes.chair_signature and not is_caption(minutes.chair_signature):  # a caption ("Commission Chair") names no one
        yield observation(minutes.chair_signature, "chair_signature", provenance=minutes.provenance, extra_roles=["Chair"], **where)
    for item in minutes.items:
        prov = item.provenance
        for d in item.declarations:
            yield from _people_in(d.member, "declaration", provenance=d.provenance or prov, **where)
        for v in item.votes:
            yield from _votes(v, v.provenance or prov, where)
        for act in item.actions:
            yield from _people_in(act.who, "minute_action", provenance=act.provenance or prov, **where)
        if running:
            yield from _running_text(item, prov, where)


def _running_text(item, prov, where: dict) -> Iterator[Observation]:
    """People and role-only references named in a minute's body, resolutions and actions."""
    texts = [item.body] + [r.text for r in item.resolutions] + [a.text for a in item.actions]
    for text in filter(None, texts):
        for name, title in text_refs.named_people(text):
            yield observation(name, "minutes_text", title=title, provenance=prov, **where)
        for role in text_refs.role_references(text):
            yield Observation(text=names.clean_text(role), context="minutes_role", provenance=prov, **where)


def _attendee(a: Attendee, where: dict) -> Observation:
    extra = ["Councillor"] if _is_councillor(a.title) else []
    extra += _category_roles(a)
    obs = observation(a.name, f"attendee_{a.category}", title=a.title, role=a.role, provenance=a.provenance, extra_roles=extra, **where)
    obs.record = a
    return obs


MEMBER_CATEGORIES = {"present": "Member", "apologies": "Member", "absent": "Member", "substitute": "Substitute member"}


def _category_roles(a: Attendee) -> list[str]:
    """What the attendance list says about the person: a member of the body, or someone attending."""
    if a.category in MEMBER_CATEGORIES:
        return [MEMBER_CATEGORIES[a.category]]
    return [] if a.role else ["Attendee"]


def _votes(v, prov, where) -> Iterator[Observation]:
    for context, text in (("proposer", v.proposer), ("seconder", v.seconder)):
        yield from _people_in(text, context, provenance=prov, **where)
    for context, listed in (("vote_for", v.for_names), ("vote_against", v.against_names), ("vote_abstain", v.abstain_names)):
        for text in listed:
            yield from _people_in(text, context, provenance=prov, **where)


def _plans(out: Extraction, body, date, *, read_text: bool = True) -> Iterator[Observation]:
    where = dict(meeting=body, date=date)
    for a in out.actions:
        yield from _people_in(a.lead, "action_lead", provenance=a.provenance, **where)
    for m in out.milestones:
        yield from _people_in(m.lead, "milestone_lead", provenance=m.provenance, **where)
    if read_text:
        for text, prov in running.plan_cells(out):
            yield from _plan_text(text, prov, where)


PEOPLE_COLUMN = re.compile(r"\b(?:name|names|staff(?:\s+member)?|governors?|members?|officers?|lead|leads|owner|contact|responsible|by\s+whom)\b", re.I)
_FULL_NAME = re.compile(r"^[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2}$")


def _table_people(out: Extraction, body, date) -> Iterator[Observation]:
    """Full names in the columns of plain tables whose heading names people ("Staff Member",
    "Governor (lead/deputy)", "Lead Officer"); a headless table on the next page with as many
    columns continues the one before it. Each name's role is the row's first cell."""
    where = dict(meeting=body, date=date)
    header, last = None, None
    for table in out.tables:
        if table.kind != "grid" or not table.rows:
            continue
        first = [c or "" for c in table.rows[0]]
        rows = table.rows
        if any(PEOPLE_COLUMN.search(c) for c in first[1:]):
            header, rows = first, table.rows[1:]
        elif not (header and last and table.pages[0] == last.pages[-1] + 1 and len(first) == len(header)):
            header = None
            continue
        last = table
        columns = [k for k, c in enumerate(header) if k and PEOPLE_COLUMN.search(c)]
        for row in rows:
            for k in columns:
                cell = (row[k] or "") if k < len(row) else ""
                for part in re.split(r"\s*[/,;&]\s*|\s+and\s+", re.sub(r"\s*\([^)]*\)", "", cell)):
                    if _FULL_NAME.match(part.strip()):
                        role = f"{row[0]} ({header[k]})" if row and row[0] else header[k]
                        yield observation(part.strip(), "table", role=role, provenance=table.provenance, **where)


def _plan_text(text: Optional[str], prov, where: dict) -> Iterator[Observation]:
    """People named in plan text: honorific-led names and bracketed full names."""
    if not text:
        return
    for name, title in text_refs.named_people(text):
        yield observation(name, "plan_text", title=title, provenance=prov, **where)
    for name in text_refs.bracketed_names(text):
        yield observation(name, "plan_text", provenance=prov, **where)


def _per_name_title(title: str, text: str) -> bool:
    found = names.title_honorifics(title)
    if not found:
        return False
    if "Councillor" in found:
        parsed = names.parse(text)
        return bool(parsed and parsed.level)
    return True


def _is_councillor(title: Optional[str]) -> bool:
    return "Councillor" in names.honorifics_of(title)
