"""Score an extraction against a gold file, as ``../shared/gold/README.md`` describes.

Per section, records are matched one to one by the section's key (exact keys, fuzzy text keys, or
person keys), then precision, recall and F1 are counted over records and field accuracy over the
matched pairs. People are scored as clusters of surface forms (B-cubed, plus false merges).

The entry points are :func:`evaluate` (two dicts in, one result dict out), :func:`load_gold`
(reads and checks a gold file, raising :class:`~extractor.errors.GoldError`) and
:func:`gold_as_extraction` (a gold file in the shape of an extraction, for self-checks).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from rapidfuzz import fuzz

from scrutiny.extractor.errors import GoldError, InputError
from scrutiny.extractor.textutil import normalise, parse_quantity
from scrutiny.models import records

FUZZY_THRESHOLD = 90.0

# --------------------------------------------------------------------------- text comparison


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, tuple, dict)) and not value) or (
        isinstance(value, str) and not normalise(value)
    )


def _code(text: Any) -> str:
    """Normalised form of a ref or code: no trailing dot, no inner spaces ('NI 59' = 'NI59')."""
    return normalise(str(text)).replace(" ", "") if text is not None else ""


def similarity(a: Any, b: Any) -> float:
    """RapidFuzz ratio of the normalised strings (0..100)."""
    return fuzz.ratio(normalise(str(a or "")), normalise(str(b or "")))


def same_exact(gold: Any, pred: Any) -> bool:
    """Short fields: equal after normalisation; null equals empty."""
    if _empty(gold) or _empty(pred):
        return _empty(gold) and _empty(pred)
    if isinstance(gold, bool) or isinstance(pred, bool):
        return bool(gold) == bool(pred)
    if isinstance(gold, (list, tuple)) and isinstance(pred, (list, tuple)):
        return len(gold) == len(pred) and all(same_exact(g, p) for g, p in zip(gold, pred))
    return normalise(str(gold)) == normalise(str(pred))


def same_status(gold: Any, pred: Any) -> bool:
    """A milestone status; a gold null (the document shows none) is the enum's ``unknown``."""
    return same_exact(gold if not _empty(gold) else "unknown", pred if not _empty(pred) else "unknown")


def same_fuzzy(gold: Any, pred: Any) -> bool:
    """Long text: RapidFuzz ratio of the normalised strings at least 90."""
    if _empty(gold) or _empty(pred):
        return _empty(gold) and _empty(pred)
    return similarity(gold, pred) >= FUZZY_THRESHOLD


def same_bool(gold: Any, pred: Any) -> bool:
    return bool(gold) == bool(pred)


def same_count(gold: Any, pred: Any) -> bool:
    """Lists compared by length (votes, declarations)."""
    return len(gold or []) == len(pred or [])


def same_prefix(gold: Any, pred: Any) -> bool:
    """The extraction's text (any of several candidates) starts with the gold words."""
    candidates = [c for c in (pred if isinstance(pred, list) else [pred]) if not _empty(c)]
    if _empty(gold):
        return not candidates
    words = normalise(gold)
    return any(normalise(c).startswith(words) for c in candidates)


def same_texts(gold: Any, pred: Any) -> bool:
    """Two lists of long texts: same length and matched one to one at the fuzzy threshold."""
    gold, pred = list(gold or []), list(pred or [])
    if len(gold) != len(pred):
        return False
    pairs = match(gold, pred, lambda g, p: _fuzzy_score(g, p))
    return len(pairs) == len(gold)


def same_quantity(gold: Any, pred: Any) -> bool:
    """A printed quantity ('19.2%') against {value, unit, printed} or text: equal printed text, or
    equal number with no conflicting unit."""
    printed = pred.get("printed") if isinstance(pred, dict) else pred
    if _empty(gold) or _empty(printed):
        return _empty(gold) and _empty(printed)
    if normalise(str(gold)) == normalise(str(printed)):
        return True
    g = parse_quantity(str(gold)) or {}
    p = pred if isinstance(pred, dict) and pred.get("value") is not None else parse_quantity(str(printed)) or {}
    if g.get("value") is None or p.get("value") is None:
        return False
    units_agree = not g.get("unit") or not p.get("unit") or g["unit"] == p["unit"]
    return abs(float(g["value"]) - float(p["value"])) < 1e-9 and units_agree


# --------------------------------------------------------------------------- people's names

_HONORIFICS = {
    "councillor": None, "councillors": None, "cllr": None, "cllrs": None, "county": None,
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "prof": None,
    "professor": None, "sir": "m", "dame": "f", "lord": "m", "lady": "f", "rev": None,
    "revd": None, "reverend": None, "the": None,
}
_POST_NOMINALS = {"mbe", "obe", "cbe", "jp", "mp", "cc", "kc", "qc", "dl"}


@dataclass(frozen=True)
class PersonKey:
    """What identifies a person in a list: surname, first initial, gendered honorific, bracket letter."""

    surname: str
    initial: Optional[str]
    gender: Optional[str]
    letter: Optional[str]


def _strip_honorifics(tokens: list[str]) -> tuple[list[str], Optional[str]]:
    gender = None
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        gender = gender or _HONORIFICS[tokens[0]]
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _POST_NOMINALS:
        tokens = tokens[:-1]
    return tokens, gender


def person_key(name: Any, title: Any = None) -> PersonKey:
    """Parse 'Ms Y. Denny', 'Collins (B)', 'Bull (Chair)', 'Cole, Natalie' into a :class:`PersonKey`."""
    text = normalise(str(name or ""))
    letters = re.findall(r"\(([a-z])\)", text)
    text = re.sub(r"\([^)]*\)", " ", text).replace(".", " ")
    if "," in text:
        surname_part, _, given_part = text.partition(",")
        text = f"{given_part} {surname_part}"
    tokens, gender = _strip_honorifics(text.split())
    if gender is None and title:
        gender = _HONORIFICS.get(normalise(str(title)).replace(".", ""))
    surname = re.sub(r"'s?$", "", tokens[-1]) if tokens else ""
    initial = tokens[0][0] if len(tokens) > 1 else None
    return PersonKey(surname, initial, gender, letters[0] if letters else None)


def compatible(a: PersonKey, b: PersonKey) -> bool:
    """Same surname and bracket letter; initials and gendered honorifics agree where both are given."""
    return (
        bool(a.surname)
        and a.surname == b.surname
        and a.letter == b.letter
        and (a.initial is None or b.initial is None or a.initial == b.initial)
        and (a.gender is None or b.gender is None or a.gender == b.gender)
    )


def same_name(gold: Any, pred: Any) -> bool:
    """Names: equal after normalisation, or compatible person keys ('Mr Gough' = 'Mr R Gough',
    'Councillor Mallett' = 'Mallett', but 'Mr Cole' != 'Mrs Cole')."""
    if _empty(gold) or _empty(pred):
        return _empty(gold) and _empty(pred)
    return normalise(str(gold)) == normalise(str(pred)) or compatible(person_key(gold), person_key(pred))


def same_people(gold: Any, pred: Any) -> bool:
    """Lists of names (a vote's for/against lists): same length, matched one to one by person key."""
    gold, pred = list(gold or []), list(pred or [])
    if len(gold) != len(pred):
        return False
    pairs = match(gold, pred, lambda g, p: 100.0 if same_name(g, p) else None)
    return len(pairs) == len(gold)


VOTE_FIELDS: dict[str, Callable[[Any, Any], bool]] = {
    "for_count": same_exact, "against_count": same_exact, "abstain_count": same_exact,
    "result": same_exact, "proposer": same_name, "seconder": same_name, "motion": same_fuzzy,
    "for_names": same_people, "against_names": same_people, "abstain_names": same_people,
}


# --------------------------------------------------------------------------- matching


def _fuzzy_score(gold: Any, pred: Any) -> Optional[float]:
    score = similarity(gold, pred)
    return score if score >= FUZZY_THRESHOLD and not _empty(gold) else None


def match(gold: list, pred: list, score: Callable[[Any, Any], Optional[float]]) -> list[tuple[int, int]]:
    """One-to-one matching: greedy on descending score, ties broken by position. ``score`` gives None
    for pairs that may not match."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                candidates.append((-s, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def key_exact(*fields: str) -> Callable[[dict, dict], Optional[float]]:
    """Pairs whose key fields are equal as codes."""

    def score(g: dict, p: dict) -> Optional[float]:
        if any(_code(g.get(f)) != _code(p.get(f)) for f in fields) or all(_empty(g.get(f)) for f in fields):
            return None
        return 100.0

    return score


def key_fuzzy(text_field: str, *exact_fields: str) -> Callable[[dict, dict], Optional[float]]:
    """Pairs whose exact fields are equal and whose text field matches at the fuzzy threshold."""

    def score(g: dict, p: dict) -> Optional[float]:
        if any(_code(g.get(f)) != _code(p.get(f)) for f in exact_fields):
            return None
        return _fuzzy_score(g.get(text_field), p.get(text_field))

    return score


def key_ref_or_text(ref_field: str, *text_fields: str) -> Callable[[dict, dict], Optional[float]]:
    """Records keyed by a printed ref where the gold has one, else by their text: plans and
    registers that print no refs are matched by title (fuzzy threshold), or by the next text field
    the gold has when a row's title cell is empty."""

    def score(g: dict, p: dict) -> Optional[float]:
        if not _empty(g.get(ref_field)):
            return 100.0 if _code(g.get(ref_field)) == _code(p.get(ref_field)) else None
        text = next((f for f in text_fields if not _empty(g.get(f))), None)
        return _fuzzy_score(g.get(text), p.get(text)) if text else None

    return score


def key_person(with_category: bool) -> Callable[[dict, dict], Optional[float]]:
    """Pairs of compatible person keys (and the same category, a substitute counting as present);
    closer spellings score higher."""

    def score(g: dict, p: dict) -> Optional[float]:
        if with_category and _category(g.get("category")) != _category(p.get("category")):
            return None
        if not compatible(person_key(g.get("name"), g.get("title")), person_key(p.get("name"), p.get("title"))):
            return None
        return 100.0 + similarity(g.get("name"), p.get("name")) / 100.0

    return score


def _category(value: Any) -> str:
    value = normalise(str(value or ""))
    return "present" if value == "substitute" else value


def same_category(gold: Any, pred: Any) -> bool:
    return _category(gold) == _category(pred)


# --------------------------------------------------------------------------- sections


Score = Callable[[dict, dict], Optional[float]]
Compare = Callable[[Any, Any], bool]


@dataclass(frozen=True)
class Section:
    """How one section is read from both files, matched and compared."""

    name: str
    gold: Callable[[dict], Optional[list[dict]]]  # None: the gold file does not have the section
    pred: Callable[[dict], list[dict]]
    key: Score
    fields: dict[str, Compare] = field(default_factory=dict)
    label: tuple[str, ...] = ()
    dynamic: Optional[Callable[[str], Optional[tuple[str, Compare]]]] = None  # extra gold fields

    def rule(self, name: str) -> Optional[tuple[str, Compare]]:
        """(key in the extraction record, comparison) for a gold field, or None if not scored."""
        if name in self.fields:
            return name, self.fields[name]
        return self.dynamic(name) if self.dynamic else None


def _list(data: dict, name: str) -> list[dict]:
    return [r for r in (data.get(name) or []) if isinstance(r, dict)]


def _gold_list(name: str) -> Callable[[dict], Optional[list[dict]]]:
    return lambda gold: _list(gold, name) if name in gold else None


def _flat(record: dict, *objects: str) -> dict:
    """Copy a record with sub-objects flattened to dotted keys ('clerk.name'); a null sub-object
    gives a null name and role."""
    out = {k: v for k, v in record.items() if k not in objects}
    for obj in objects:
        if obj not in record:
            continue
        sub = record.get(obj)
        for k, v in (sub.items() if isinstance(sub, dict) else (("name", None), ("role", None))):
            out[f"{obj}.{k}"] = v
    return out


def _texts(items: Any) -> list[str]:
    """Strings from a list of strings or of {text: ...} objects."""
    out = []
    for item in items or []:
        text = item.get("text") if isinstance(item, dict) else item
        if not _empty(text):
            out.append(str(text))
    return out


# ---- meeting and minutes (objects)


def _gold_meeting(gold: dict) -> Optional[list[dict]]:
    if "meeting" not in gold:
        return None
    return [_flat(gold["meeting"], "clerk")] if isinstance(gold.get("meeting"), dict) else []


def _pred_meeting(data: dict) -> list[dict]:
    meeting = data.get("meeting")
    return [_flat(meeting, "clerk")] if isinstance(meeting, dict) else []


def _gold_minutes_object(gold: dict) -> Optional[dict]:
    minutes = gold.get("minutes")
    return minutes if isinstance(minutes, dict) else None


def _pred_minutes(data: dict) -> list[dict]:
    minutes = data.get("minutes")
    if isinstance(minutes, dict):
        return [minutes]
    return [m for m in (minutes or []) if isinstance(m, dict)]


def chosen_minutes(gold: dict, data: dict) -> list[dict]:
    """The extraction's minutes to score against the gold minutes: those of the gold date, or all."""
    target = _gold_minutes_object(gold)
    found = _pred_minutes(data)
    if target and target.get("date"):
        dated = [m for m in found if same_exact(target.get("date"), m.get("date"))]
        if dated:
            return dated
    return found


def _gold_minutes(gold: dict) -> Optional[list[dict]]:
    if "minutes" not in gold:
        return None
    minutes = _gold_minutes_object(gold)
    if minutes is None:
        return []
    return [{k: v for k, v in minutes.items() if k not in ("attendees", "items")}]


def _minutes_key(g: dict, p: dict) -> Optional[float]:
    if _empty(g.get("date")):
        return 100.0 if _empty(p.get("date")) else 50.0
    return 100.0 if same_exact(g.get("date"), p.get("date")) else None


def _gold_sub(top: str, inner: str) -> Callable[[dict], Optional[list[dict]]]:
    def read(gold: dict) -> Optional[list[dict]]:
        if top in gold:
            return _list(gold, top)
        minutes = _gold_minutes_object(gold)
        return _list(minutes, inner) if minutes is not None and inner in minutes else None

    return read


def _pred_attendees(gold: dict) -> Callable[[dict], list[dict]]:
    return lambda data: [a for m in chosen_minutes(gold, data) for a in _list(m, "attendees")]


def _pred_minute_items(gold: dict) -> Callable[[dict], list[dict]]:
    def read(data: dict) -> list[dict]:
        items = [i for m in chosen_minutes(gold, data) for i in _list(m, "items")]
        return [dict(i, resolutions=_texts(i.get("resolutions")), actions=_texts(i.get("actions")),
                     action_owners=[a.get("who") for a in _objects(i.get("actions"))]) for i in items]

    return read


def _children(items: list[dict], name: str, read: Callable[[Any], list]) -> list[dict]:
    """Sub-records of minute items (resolutions, votes, declarations), each tagged with its item."""
    out = []
    for item in items:
        for n, child in enumerate(read(item.get(name)), 1):
            record = dict(child) if isinstance(child, dict) else {"text": child}
            out.append(dict(record, item_ref=item.get("ref"), item_title=item.get("title"),
                            item_agenda=item.get("agenda_item"), n=n))
    return out


def _objects(items: Any) -> list[dict]:
    return [i for i in items or [] if isinstance(i, dict)]


def _gold_children(name: str, read: Callable[[Any], list]) -> Callable[[dict], Optional[list[dict]]]:
    def gold_records(gold: dict) -> Optional[list[dict]]:
        items = _gold_sub("minute_items", "items")(gold)
        if items is None or not any(name in item for item in items):
            return None
        return _children(items, name, read)

    return gold_records


def _pred_children(gold: dict, name: str, read: Callable[[Any], list]) -> Callable[[dict], list[dict]]:
    return lambda data: _children(_pred_minute_items(gold)(data), name, read)


def _item_key(g: dict, p: dict) -> Optional[float]:
    """Minute items by ref (ignoring a trailing dot and case); an item the gold prints without a
    ref by its agenda item number, else by fuzzy title."""
    if not _empty(g.get("ref")):
        return 100.0 if _code(g.get("ref")) == _code(p.get("ref")) else None
    if not _empty(g.get("agenda_item")) and _code(g.get("agenda_item")) == _code(p.get("agenda_item")):
        return 100.0 + similarity(g.get("title"), p.get("title")) / 100.0
    return _fuzzy_score(g.get("title"), p.get("title"))


def _same_item(g: dict, p: dict) -> bool:
    def item(r: dict) -> dict:
        return {"ref": r.get("item_ref"), "title": r.get("item_title"), "agenda_item": r.get("item_agenda")}

    return _item_key(item(g), item(p)) is not None


# A resolution's opening words are not part of its text (gold files may keep or drop them):
# "RESOLVED -", "And Resolved:", "It was agreed that", "AGREED:", "DECIDED that", a leading "that".
_RESOLUTION_OPENING = re.compile(
    r"^\W*(?:(?:and\s+)?resolved|(?:it\s+was\s+)?(?:unanimously\s+)?(?:agreed|resolved|decided)|agreed|decided|decision)"
    r"\b\s*[:\-–]?\s*(?:that\b\s*)?|^\W*that\b\s*", re.I)


def resolution_text(text: Any) -> str:
    """A resolution's text without its opening words, for comparison."""
    text = str(text or "").strip()
    for _ in range(2):
        text = _RESOLUTION_OPENING.sub("", text, count=1).strip()
    return text


# The lead-in a lettered or numbered part is written after ("that Cabinet agree to: Note the
# forecast ..."): a part matches with or without it, as gold files and extractions may give either.
_LEAD_IN = re.compile(r"^(?P<lead>(?:\S+\s+){2,60}?\S+?):\s+(?=\S)")


def _without_lead_in(text: str) -> str:
    m = _LEAD_IN.match(text)
    return text[m.end():] if m else text


def _resolution_key(g: dict, p: dict) -> Optional[float]:
    if not _same_item(g, p):
        return None
    gt, pt = resolution_text(g.get("text")), resolution_text(p.get("text"))
    scores = [_fuzzy_score(gt, pt), _fuzzy_score(_without_lead_in(gt), pt), _fuzzy_score(gt, _without_lead_in(pt))]
    found = [x for x in scores if x is not None]
    return max(found) if found else None


_VOTE_SIGNS = ("for_count", "against_count", "abstain_count", "result", "proposer", "seconder")


def _vote_key(g: dict, p: dict) -> Optional[float]:
    """Votes of the same minute item that agree on at least one of the counts, result, proposer
    and seconder the gold gives (any vote of the item when the gold gives none)."""
    if not _same_item(g, p):
        return None
    given = [f for f in _VOTE_SIGNS if not _empty(g.get(f))]
    agree = sum(1 for f in given if VOTE_FIELDS[f](g.get(f), p.get(f)))
    if given and not agree:
        return None
    return 10.0 * agree - abs(g["n"] - p["n"]) / 100.0


def _declaration_key(g: dict, p: dict) -> Optional[float]:
    if not _same_item(g, p):
        return None
    if same_name(g.get("member"), p.get("member")):
        return 100.0
    return _fuzzy_score(g.get("member"), p.get("member"))


# ---- reports


def _report_record(report: dict) -> dict:
    return _flat(report, "report_of", "contact_officer")


def _pred_reports(data: dict) -> list[dict]:
    return [_report_record(r) for r in _list(data, "reports")]


def _gold_reports(gold: dict) -> Optional[list[dict]]:
    return [_report_record(r) for r in _list(gold, "reports")] if "reports" in gold else None


def _recommendations(reports: list[dict]) -> list[dict]:
    return [{"report": r.get("title"), "text": t} for r in reports for t in _texts(r.get("recommendations"))]


def _gold_recommendations(gold: dict) -> Optional[list[dict]]:
    return _recommendations(_list(gold, "reports")) if "reports" in gold else None


def _recommendation_key(g: dict, p: dict) -> Optional[float]:
    if _fuzzy_score(g.get("report"), p.get("report")) is None:
        return None
    return _fuzzy_score(g.get("text"), p.get("text"))


# ---- agenda items and indicators


def _pred_agenda(data: dict) -> list[dict]:
    return [
        dict(a, summary_first_words=[a.get("summary_first_words"), a.get("summary")])
        for a in _list(data, "agenda_items")
    ]


_MONTH_NUMBERS = {
    m: i + 1
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
}
_MONTH_FIELD = re.compile(r"^(?:[a-z]+_)?(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*_(\d{4}|\d{2})$")
_YEAR_FIELD = re.compile(r"^(?:[a-z]+_)?(\d{4})_(\d{2})$")


def period_of_field(name: str) -> Optional[str]:
    """The period a gold indicator column names: 'aug_2009' -> '2009-08'; 'baseline_2008_09' and
    'x_2008_09' -> '2008/09'; anything else -> None."""
    m = _MONTH_FIELD.match(name)
    if m:
        year = int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0)
        return f"{year:04d}-{_MONTH_NUMBERS[m.group(1)[:3]]:02d}"
    m = _YEAR_FIELD.match(name)
    return f"{m.group(1)}/{m.group(2)}" if m else None


def _pred_indicators(data: dict) -> list[dict]:
    out = []
    for ind in _list(data, "indicators"):
        record = {k: v for k, v in ind.items() if k != "periods"}
        record["commentary_first_words"] = ind.get("commentary")
        for period in ind.get("periods") or []:
            key = f"period:{period.get('period')}"
            if isinstance(period, dict) and period.get("period") and key not in record:
                record[key] = period
        out.append(record)
    return out


def _indicator_period(name: str) -> Optional[tuple[str, Compare]]:
    period = period_of_field(name)
    return (f"period:{period}", same_quantity) if period else None


# ---- the section table


def sections_for(gold: dict) -> list[Section]:
    """Every scored section, in report order (attendees and minutes need the gold to pick minutes)."""
    return [
        Section("meeting", _gold_meeting, _pred_meeting, lambda g, p: 100.0, {
            "body": same_fuzzy, "date": same_exact, "time": same_exact, "venue": same_fuzzy,
            "published": same_exact, "clerk.name": same_name, "clerk.role": same_fuzzy,
            "clerk.phone": same_exact, "clerk.email": same_exact,
        }, ("body",)),
        Section("members", _gold_list("members"), lambda d: _list(d, "members"), key_person(False), {
            "title": same_exact, "role": same_exact,
        }, ("name",)),
        Section("co_optees", _gold_list("co_optees"), lambda d: _list(d, "co_optees"), key_person(False), {
            "representing": same_fuzzy,
        }, ("name",)),
        Section("agenda_items", _gold_list("agenda_items"), _pred_agenda, key_ref_or_text("number", "title"), {
            "title": same_fuzzy, "pages": same_exact, "summary_first_words": same_prefix,
        }, ("number",)),
        Section("minutes", _gold_minutes, _pred_minutes, _minutes_key, {
            "body": same_fuzzy, "date": same_exact, "ended_at": same_exact, "chair_signature": same_name,
        }, ("date",)),
        Section("attendees", _gold_sub("attendees", "attendees"), _pred_attendees(gold), key_person(True), {
            "category": same_category, "role": same_fuzzy, "title": same_exact, "substituting_for": same_name,
        }, ("name", "category")),
        Section("minute_items", _gold_sub("minute_items", "items"), _pred_minute_items(gold), _item_key, {
            "title": same_fuzzy, "agenda_item": same_exact, "resolutions": same_texts, "noted": same_bool,
            "actions": same_texts, "action_owners": same_people, "votes": same_count, "declarations": same_count,
        }, ("ref", "title")),
        Section("resolutions", _gold_children("resolutions", _texts), _pred_children(gold, "resolutions", _texts),
                _resolution_key, {}, ("item_ref", "text")),
        Section("votes", _gold_children("votes", _objects), _pred_children(gold, "votes", _objects),
                _vote_key, VOTE_FIELDS, ("item_ref", "n")),
        Section("declarations", _gold_children("declarations", _objects),
                _pred_children(gold, "declarations", _objects), _declaration_key, {
            "interest": same_fuzzy,
        }, ("item_ref", "member")),
        Section("reports", _gold_reports, _pred_reports, key_fuzzy("title"), {
            "report_of.name": same_name, "report_of.role": same_fuzzy, "contact_officer.name": same_name,
            "contact_officer.role": same_fuzzy, "wards": same_exact, "decision_type": same_exact,
            "agenda_item": same_exact, "meeting_date": same_exact,
        }, ("title",)),
        Section("recommendations", _gold_recommendations, lambda d: _recommendations(_list(d, "reports")),
                _recommendation_key, {}, ("report", "text")),
        Section("glossary", _gold_list("glossary"), lambda d: _list(d, "glossary"), key_exact("term"), {
            "expansion": same_fuzzy,
        }, ("term",)),
        Section("actions", _gold_list("actions"), lambda d: _list(d, "actions"), key_ref_or_text("ref", "title", "plan"), {
            "title": same_fuzzy, "lead": same_name, "theme": same_fuzzy, "plan": same_fuzzy,
            "due": same_exact, "status": same_fuzzy, "progress_note": same_fuzzy,
        }, ("ref", "title")),
        Section("milestones", _gold_list("milestones"), lambda d: _list(d, "milestones"),
                key_fuzzy("text", "action_ref"), {
            "planned_start": same_exact, "due": same_exact, "status": same_status, "lead": same_name,
            "progress_note": same_fuzzy,
        }, ("action_ref", "text")),
        Section("exceptions", _gold_list("exceptions"), lambda d: _list(d, "exceptions"),
                key_fuzzy("milestone", "action_ref"), {
            "reason": same_fuzzy, "actions_to_achieve": same_fuzzy, "support_required": same_fuzzy,
            "revised_completion": same_exact, "other_milestones_impacted": same_fuzzy,
        }, ("action_ref", "milestone")),
        Section("risks", _gold_list("risks"), lambda d: _list(d, "risks"), key_ref_or_text("ref", "title"), {
            "title": same_fuzzy, "theme": same_fuzzy, "controls": same_fuzzy, "rating": same_exact,
            "lead": same_name,
        }, ("ref", "title")),
        Section("indicators", _gold_list("indicators"), _pred_indicators, key_ref_or_text("code", "description"), {
            "group": same_fuzzy, "description": same_fuzzy, "trend": same_exact, "value": same_quantity,
            "status": same_exact, "target": same_quantity, "floor": same_quantity,
            "commentary_first_words": same_prefix,
        }, ("code",), _indicator_period),
    ]


SECTION_NAMES = [s.name for s in sections_for({})] + ["people"]


# --------------------------------------------------------------------------- scoring


def _prf(gold_n: int, pred_n: int, matched: int) -> dict:
    precision = matched / pred_n if pred_n else (1.0 if gold_n == 0 else 0.0)
    recall = matched / gold_n if gold_n else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _label(record: dict, fields: Iterable[str]) -> str:
    text = " / ".join(str(record.get(f)) for f in fields)
    return text if len(text) <= 80 else text[:77] + "..."


def _compare_fields(section: Section, g: dict, p: dict, tally: dict, errors: list) -> None:
    for name, gold_value in g.items():
        rule = section.rule(name)
        if rule is None:
            continue
        pred_key, compare = rule
        ok = compare(gold_value, p.get(pred_key))
        counts = tally.setdefault(name, [0, 0])
        counts[0] += ok
        counts[1] += 1
        if not ok:
            errors.append({"record": _label(g, section.label), "field": name, "gold": gold_value,
                           "extracted": p.get(pred_key)})


def score_section(section: Section, gold_records: list[dict], pred_records: list[dict]) -> dict:
    """P/R/F1 over records and field accuracy over matched pairs for one section."""
    pairs = match(gold_records, pred_records, section.key)
    tally: dict[str, list[int]] = {}
    errors: list[dict] = []
    for i, j in pairs:
        _compare_fields(section, gold_records[i], pred_records[j], tally, errors)
    correct = sum(c for c, _ in tally.values())
    total = sum(t for _, t in tally.values())
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    return {
        "gold": len(gold_records),
        "extracted": len(pred_records),
        "matched": len(pairs),
        **_prf(len(gold_records), len(pred_records), len(pairs)),
        "field_accuracy": correct / total if total else None,
        "fields": {k: {"correct": c, "total": t, "accuracy": c / t} for k, (c, t) in sorted(tally.items())},
        "missed": [_label(r, section.label) for i, r in enumerate(gold_records) if i not in matched_g],
        "spurious": [_label(r, section.label) for j, r in enumerate(pred_records) if j not in matched_p],
        "field_errors": errors,
    }


# ---- people: B-cubed over surface forms


def _clusters(people: list[dict]) -> list[list[str]]:
    out = []
    for person in people:
        forms = person.get("aliases") or ([person["name"]] if person.get("name") else [])
        out.append(sorted({normalise(f) for f in forms if not _empty(f)}))
    return [c for c in out if c]


def _owner(clusters: list[list[str]]) -> dict[str, int]:
    owner: dict[str, int] = {}
    for index, cluster in enumerate(clusters):
        for form in cluster:
            owner.setdefault(form, index)
    return owner


def _bcubed(items: dict[str, int], clusters: list[list[str]], other: dict[str, int]) -> float:
    """Average over ``items`` of the share of each item's cluster that ``other`` puts with it."""
    if not items:
        return 1.0
    total = 0.0
    for form, index in items.items():
        mine = clusters[index]
        if form in other:
            total += sum(1 for f in mine if other.get(f) == other[form]) / len(mine)
    return total / len(items)


def score_people(gold_people: list[dict], pred_people: list[dict]) -> dict:
    """B-cubed precision/recall/F1 over surface forms, exact clusters as 'matched', false merges."""
    gold_c, pred_c = _clusters(gold_people), _clusters(pred_people)
    gold_o, pred_o = _owner(gold_c), _owner(pred_c)
    precision = _bcubed(pred_o, pred_c, gold_o) if pred_o else (1.0 if not gold_o else 0.0)
    recall = _bcubed(gold_o, gold_c, pred_o)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    merges = [sorted({gold_o[f] for f in c if f in gold_o}) for c in pred_c]
    exact = {tuple(c) for c in pred_c}
    return {
        "gold": len(gold_c),
        "extracted": len(pred_c),
        "matched": sum(1 for c in gold_c if tuple(c) in exact),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "field_accuracy": None,
        "fields": {},
        "false_merges": sum(max(0, len(m) - 1) for m in merges),
        "forms_found": sum(1 for f in gold_o if f in pred_o),
        "forms": len(gold_o),
        "merged": [" + ".join(gold_c[i][0] for i in m) for m in merges if len(m) > 1],
        "missed": [c[0] for c in gold_c if not any(f in pred_o for f in c)],
        "spurious": [c[0] for c in pred_c if not any(f in gold_o for f in c)],
        "field_errors": [],
    }


def evaluate(extraction: dict, gold: dict, sections: Optional[Iterable[str]] = None) -> dict:
    """Score ``extraction`` (an Extraction as JSON data) against ``gold`` (a gold file's data).

    Sections the gold file does not have are not scored; sections the extraction lacks score as
    empty. ``sections`` limits the result to those names."""
    check_gold(gold)
    wanted = set(sections) if sections else None
    unknown = sorted((wanted or set()) - set(SECTION_NAMES))
    if unknown:
        raise ValueError(f"unknown section(s): {', '.join(unknown)}; choose from {', '.join(SECTION_NAMES)}")
    result: dict[str, dict] = {}
    for section in sections_for(gold):
        gold_records = section.gold(gold)
        if gold_records is None or (wanted and section.name not in wanted):
            continue
        result[section.name] = score_section(section, gold_records, section.pred(extraction))
    if "people" in gold and (not wanted or "people" in wanted):
        result["people"] = score_people(_list(gold, "people"), _list(extraction, "people"))
    return {"sections": result, "overall": _overall(result)}


def _overall(result: dict) -> dict:
    if not result:
        return {"sections": 0, "macro_f1": None, "field_accuracy": None}
    correct = sum(f["correct"] for s in result.values() for f in s["fields"].values())
    total = sum(f["total"] for s in result.values() for f in s["fields"].values())
    return {
        "sections": len(result),
        "macro_f1": sum(s["f1"] for s in result.values()) / len(result),
        "field_accuracy": correct / total if total else None,
    }


# --------------------------------------------------------------------------- reading files

_LIST_SECTIONS = {
    "members": "name", "co_optees": "name", "agenda_items": ("number", "title"), "reports": "title",
    "glossary": "term", "actions": ("ref", "title", "plan"), "risks": ("ref", "title"), "milestones": "text", "exceptions": None,
    "indicators": ("code", "description"), "people": "aliases", "attendees": "name", "minute_items": ("ref", "title"),
}


def _check_records(section: str, records: Any, key: Optional[str | tuple[str, ...]]) -> None:
    """Each record an object carrying its key (or one of several keys)."""
    keys = (key,) if isinstance(key, str) else key or ()
    if not isinstance(records, list):
        raise GoldError(f"section '{section}' must be a list, not {type(records).__name__}")
    for n, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise GoldError(f"section '{section}' record {n} is not an object")
        if keys and all(_empty(record.get(k)) for k in keys):
            raise GoldError(f"section '{section}' record {n} has no '{' or '.join(keys)}'")
        if key == "aliases" and not all(isinstance(a, str) for a in record["aliases"]):
            raise GoldError(f"section '{section}' record {n}: 'aliases' must be a list of strings")


def check_gold(gold: Any) -> None:
    """Raise GoldError (without the file name) if ``gold`` is not in the gold format."""
    if not isinstance(gold, dict):
        raise GoldError("a gold file must be a JSON object")
    for name, key in _LIST_SECTIONS.items():
        if name in gold:
            _check_records(name, gold[name], key)
    for name in ("meeting", "minutes"):
        if gold.get(name) is not None and not isinstance(gold[name], dict):
            raise GoldError(f"section '{name}' must be an object")
    minutes = gold.get("minutes") or {}
    if "attendees" in minutes:
        _check_records("minutes.attendees", minutes["attendees"], "name")
    if "items" in minutes:
        _check_records("minutes.items", minutes["items"], ("ref", "title"))


def load_gold(path: str) -> dict:
    """Read and check a gold file; every problem is a one-line GoldError naming the file."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        check_gold(gold)
    except GoldError as exc:
        raise GoldError(f"{path}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    return gold


def load_extraction(path: str) -> dict:
    """Read an extraction JSON file (as written by ``scrutiny extract``)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read extraction ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: an extraction must be a JSON object")
    return data


# --------------------------------------------------------------------------- gold as an extraction


def _fit(model: Any, record: dict, **values: Any) -> dict:
    """A gold record cut to the fields of a models.records class, with provenance where it has one;
    gold-only keys (notes, extra fields) are dropped."""
    fields = model.model_fields
    out = {k: v for k, v in {**record, **values}.items() if k in fields and v is not None}
    if "provenance" in fields:
        out["provenance"] = {"extractor": "gold"}
    return out


def _gold_indicator(ind: dict) -> dict:
    periods = [
        _fit(records.PeriodValue, parse_quantity(v) or {}, label=k, period=period_of_field(k))
        for k, v in ind.items()
        if period_of_field(k)
    ]
    return _fit(
        records.Indicator, ind, commentary=ind.get("commentary_first_words"), periods=periods,
        value=parse_quantity(ind.get("value")), target=parse_quantity(ind.get("target")),
        floor=parse_quantity(ind.get("floor")),
    )


def _gold_minute_item(item: dict) -> dict:
    ref = str(item.get("ref") or "")
    owners = list(item.get("action_owners") or [])
    actions = [
        _fit(records.MinuteAction, {"text": t, "who": owners[n] if n < len(owners) else None})
        for n, t in enumerate(_texts(item.get("actions")))
    ]
    return _fit(
        records.MinuteItem, item, ref=ref, ref_normalised=ref.rstrip(".").upper(),
        resolutions=[_fit(records.Resolution, {"text": t}) for t in _texts(item.get("resolutions"))],
        actions=actions,
        votes=[_fit(records.Vote, v) for v in _objects(item.get("votes"))],
        declarations=[_fit(records.Declaration, d) for d in _objects(item.get("declarations"))],
    )


def _gold_minutes_as_list(gold: dict) -> list[dict]:
    minutes = _gold_minutes_object(gold)
    if not minutes:
        return []
    return [_fit(
        records.Minutes, minutes,
        attendees=[_fit(records.Attendee, a) for a in _list(minutes, "attendees")],
        items=[_gold_minute_item(i) for i in _list(minutes, "items")],
    )]


def _gold_report(report: dict) -> dict:
    recs = [_fit(records.Recommendation, {"text": t}) for t in _texts(report.get("recommendations"))]
    return _fit(records.Report, report, recommendations=recs)


def _gold_person(n: int, person: dict) -> dict:
    return _fit(
        records.Person, person, id=f"p{n:03d}",
        name=person.get("name") or (person.get("aliases") or [""])[0],
        roles=[{"role": r} for r in person.get("roles") or []],
    )


def gold_as_extraction(gold: dict) -> dict:
    """The gold reading in the shape of an Extraction (validates against models.records), so the
    scorer and the output contract can be checked against each other."""
    check_gold(gold)
    plain = {
        "members": records.Member, "co_optees": records.CoOptee, "agenda_items": records.AgendaItem,
        "glossary": records.GlossaryEntry, "actions": records.Action, "risks": records.Risk,
        "milestones": records.Milestone,
        "exceptions": records.MilestoneException,
    }
    meeting = gold.get("meeting")
    out: dict[str, Any] = {
        "pack": {"source": "gold", "sha256": "", "format": "text", "page_count": 0, "extractor_version": "gold"},
        "meeting": _fit(records.Meeting, meeting) if isinstance(meeting, dict) else None,
        "reports": [_gold_report(r) for r in _list(gold, "reports")],
        "minutes": _gold_minutes_as_list(gold),
        "indicators": [_gold_indicator(i) for i in _list(gold, "indicators")],
        "people": [_gold_person(n, p) for n, p in enumerate(_list(gold, "people"), 1)],
    }
    for name, model in plain.items():
        out[name] = [_fit(model, r) for r in _list(gold, name)]
    return out


# --------------------------------------------------------------------------- the table


def format_table(result: dict, fields: bool = False) -> str:
    """A plain text table of the section scores (and per-field accuracy when asked)."""
    head = f"{'section':<16}{'gold':>6}{'extr':>6}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}{'fields':>8}"
    lines = [head, "-" * len(head)]
    for name, s in result["sections"].items():
        acc = "-" if s["field_accuracy"] is None else f"{s['field_accuracy']:.3f}"
        extra = (f"  false merges: {s['false_merges']}, surface forms found {s['forms_found']}/{s['forms']}"
                 if "false_merges" in s else "")
        lines.append(
            f"{name:<16}{s['gold']:>6}{s['extracted']:>6}{s['matched']:>7}"
            f"{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{acc:>8}{extra}"
        )
        if fields:
            for field_name, f in s["fields"].items():
                lines.append(f"    {field_name:<28}{f['correct']:>5}/{f['total']:<5}{f['accuracy']:>7.3f}")
    overall = result["overall"]
    if overall["macro_f1"] is not None:
        acc = "-" if overall["field_accuracy"] is None else f"{overall['field_accuracy']:.3f}"
        lines.append("-" * len(head))
        lines.append(f"{'overall':<16}{'':>26}{'macro F1':>14}{overall['macro_f1']:>7.3f}{acc:>8}")
    return "\n".join(lines) + "\n"


def format_detail(result: dict, limit: int = 20) -> str:
    """Missed and spurious records and field errors per section, at most ``limit`` of each."""
    lines = []
    for name, s in result["sections"].items():
        for kind in ("missed", "spurious", "merged"):
            for label in s.get(kind, [])[:limit]:
                lines.append(f"{name}: {kind}: {label}")
        for err in s["field_errors"][:limit]:
            lines.append(f"{name}: {err['record']}: {err['field']}: gold {err['gold']!r} != {_short(err['extracted'])}")
    return "\n".join(lines) + ("\n" if lines else "")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."
