"""The spaCy pipeline used to read minutes.

The pipeline is ``spacy.blank("en")`` (or an installed model named by the caller) plus a sentencizer,
``scrutiny_abbreviations`` (no sentence ends at "No." before a number or "Cllr." before a name) and
our own registered components. Each component writes what it finds as labelled spans on
``doc.spans``:

- ``scrutiny_minute_patterns`` (a SpanRuler with token patterns) -> ``doc.spans["minutes"]`` with
  labels HONORIFIC, ROLE, MINUTE_REF, RESOLUTION_OPENER, ATTENDANCE_HEADING, VOTE_COUNT, PROPOSER,
  SECONDER, ACTION_CUE;
- ``scrutiny_people`` -> ``doc.spans["person"]`` (a name, with or without an honorific) and
  ``doc.spans["person_role"]`` (a role stated beside a name: "Name (Role)", "(Mr. X)" after a role,
  "Councillor Name, Role,").

Nothing is downloaded: a model name is loaded only if it is installed; ``blank:xx`` names a blank
pipeline for language ``xx``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional



def _import_spacy():
    """Import spaCy without its command line. ``spacy/__init__`` imports ``spacy.cli.info`` and so
    every spaCy command with typer, weasel, httpx and jinja2: some 0.2 s of a 0.5 s import, for
    code the pipeline never runs. A stand-in ``spacy.cli`` is in place while spaCy imports; it is
    removed at once, so a later ``import spacy.cli`` (or ``spacy.info()``) gets the real one."""
    import importlib
    import sys
    import types

    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")

    def real_info(*args, **kwargs):
        return importlib.import_module("spacy.cli.info").info(*args, **kwargs)

    info.info = real_info
    cli.info = info
    cli.__path__ = []  # a package, so "spacy.cli.info" resolves to the stand-in
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        return importlib.import_module("spacy")
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
        spacy_mod = sys.modules.get("spacy")
        if spacy_mod is not None and getattr(spacy_mod, "cli", None) is cli:
            delattr(spacy_mod, "cli")


spacy = _import_spacy()
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402

from scrutiny.extractor import names  # noqa: E402

SPANS_KEY = "minutes"
PERSON_KEY = "person"
PERSON_ROLE_KEY = "person_role"

HONORIFICS = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Cllr",
    "Councillor", "Councillors", "Cllrs", "Cmhlr", "Alderman", "Rev", "Revd", "Canon",
)
HONORIFIC_LOWER = {h.lower() for h in HONORIFICS}
POSTNOMINALS = {"OBE", "MBE", "CBE", "KBE", "DBE", "MP", "JP", "DL", "TD", "MEP", "QC", "KC", "BEM", "PhD"}

ROLE_WORDS = (
    "chair", "chairman", "chairperson", "chairwoman", "vice-chair", "vice-chairman", "vice chair",
    "mayor", "deputy mayor", "leader", "cathaoirleach", "leas-chathaoirleach", "clerk", "director",
    "officer", "manager", "head", "executive", "secretary", "treasurer", "solicitor", "counsel",
    "engineer", "planner", "accountant", "analyst", "administrator", "representative", "member",
    "headteacher", "governor", "advisor", "adviser", "consultant", "inspector", "coordinator",
    "co-ordinator", "lead", "commissioner", "auditor", "architect",
)

ATTENDANCE_HEADINGS = (
    "present", "members present", "present in the chair", "in the chair", "also present", "in attendance",
    "in attendance virtually", "officials in attendance", "officers in attendance", "officers present",
    "officers", "apologies", "apologies for absence", "absent", "substitutes", "substitute members",
    "visitors", "guests", "councillors", "attendance", "members",
)

RESOLUTION_OPENERS = (
    "resolved", "and resolved", "it was resolved", "it was agreed", "it was agreed that", "agreed",
    "recommended", "it was recommended", "decision", "decided", "it was decided",
)


def _lower_seq(phrase: str) -> list[dict]:
    return [{"LOWER": w} for w in phrase.split()]


def minute_patterns() -> list[dict]:
    """Token patterns for the SpanRuler behind ``scrutiny_minute_patterns``."""
    pats: list[dict] = []
    pats.append({"label": "HONORIFIC", "pattern": [{"LOWER": {"IN": sorted(HONORIFIC_LOWER)}}, {"ORTH": ".", "OP": "?"}]})
    # one pattern for all single words of a label ("LOWER IN"), one per phrase: the matcher's time
    # grows with the number of patterns it tries at each token, and the spans are the same
    single = sorted(w for w in ROLE_WORDS if " " not in w)
    pats.append({"label": "ROLE", "pattern": [{"LOWER": {"IN": single}}]})
    for w in ROLE_WORDS:
        if " " in w:
            pats.append({"label": "ROLE", "pattern": _lower_seq(w)})
    pats.append({"label": "ROLE", "pattern": [{"LOWER": "vice"}, {"ORTH": "-"}, {"LOWER": {"IN": ["chair", "chairman"]}}]})
    ref_shapes = [
        r"^[A-Z]{2,8}\d{1,4}$",  # OSCO07, CAB123
        r"^[A-Z]{0,8}\d{1,4}/\d{2,4}$",  # 112/23, FGB01/2122
        r"^\d{1,4}$",
    ]
    shapes = "|".join(f"(?:{shape})" for shape in ref_shapes)
    pats.append({"label": "MINUTE_REF", "pattern": [{"IS_SENT_START": True, "TEXT": {"REGEX": shapes}}, {"ORTH": "."}]})
    pats.append({"label": "MINUTE_REF", "pattern": [{"LOWER": "minute"}, {"TEXT": {"REGEX": r"^\d{1,4}[a-z]?$"}}]})
    pats.append({"label": "MINUTE_REF", "pattern": [{"TEXT": {"REGEX": r"^[A-Z]{2,8}\d{1,4}(/\d{2,4})?$"}}]})
    pats.append({"label": "RESOLUTION_OPENER", "pattern": [{"LOWER": {"IN": sorted(p for p in RESOLUTION_OPENERS if " " not in p)}}]})
    for phrase in RESOLUTION_OPENERS:
        if " " in phrase:
            pats.append({"label": "RESOLUTION_OPENER", "pattern": _lower_seq(phrase)})
    for phrase in ATTENDANCE_HEADINGS:
        words = _lower_seq(phrase)
        words[0] = {**words[0], "IS_SENT_START": True}
        pats.append({"label": "ATTENDANCE_HEADING", "pattern": [*words, {"ORTH": ":", "OP": "?"}]})
    sides = ["abstain", "abstained", "abstaining", "abstentions", "against", "for"]
    pats.append({"label": "VOTE_COUNT", "pattern": [{"LOWER": {"IN": sides}}, {"ORTH": {"IN": ["(", ":", "-"]}, "OP": "?"}, {"LIKE_NUM": True}, {"ORTH": ")", "OP": "?"}]})
    pats.append({"label": "PROPOSER", "pattern": [{"LOWER": {"IN": ["proposed", "moved"]}}, {"LOWER": "by"}]})
    pats.append({"label": "SECONDER", "pattern": [{"LOWER": "seconded"}, {"LOWER": "by"}]})
    action_verbs = ["circulate", "provide", "report", "send", "arrange", "investigate", "review", "write",
                    "bring", "update", "share", "contact", "respond", "prepare", "look", "feed", "follow",
                    "confirm", "check", "liaise", "distribute", "notify", "ensure", "establish", "explore",
                    "consider", "present", "supply", "produce", "raise", "discuss", "include", "add"]
    pats.append({"label": "ACTION_CUE", "pattern": [{"LOWER": {"IN": ["would", "will", "to", "agreed", "undertook"]}}, {"LOWER": "to", "OP": "?"}, {"LOWER": {"IN": action_verbs}}]})
    pats.append({"label": "ACTION_CUE", "pattern": [{"LOWER": "action"}, {"ORTH": ":"}]})
    return pats


@Language.factory(
    "scrutiny_minute_patterns",
    default_config={"spans_key": SPANS_KEY, "overwrite": True},
)
def make_minute_patterns(nlp: Language, name: str, *, spans_key: str, overwrite: bool):
    """A SpanRuler loaded with our minute patterns, writing to ``doc.spans[spans_key]``."""
    from spacy.pipeline import SpanRuler

    ruler = SpanRuler(nlp, name, spans_key=spans_key, overwrite=overwrite, validate=True)
    ruler.add_patterns(minute_patterns())
    return ruler


_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.?|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+|Ó|Ní|Ní|Ua|de|van|von|du)$")
_NOT_NAME = {
    "the", "council", "committee", "board", "service", "services", "department", "team", "group", "panel",
    "cabinet", "plan", "report", "review", "policy", "strategy", "programme", "fund", "grant", "act",
    "interim", "deputy", "assistant", "corporate", "chief", "senior", "principal", "acting", "county",
    "city", "borough", "district", "local", "national", "government", "health", "children", "education",
    "school", "schools", "trust", "authority", "agency", "partnership", "network", "forum", "centre",
    "unit", "office", "house", "hall", "road", "street", "court", "limited", "ltd", "plc", "university",
}
_STOP_WORDS = {"for", "against", "abstain", "abstentions", "abstained", "and", "the", "resolved", "agreed", "apologies", "present"}
_INITIAL_BRACKET = re.compile(r"^\(([A-Z])\)$")


class PeopleFinder:
    """Marks person names and the roles stated beside them.

    A name is an honorific followed by capitalised words or initials ("Mr R W Gough", "Councillor
    Emma Jones", "Councillors Allison"), or two or more capitalised words directly before a
    parenthetical role ("Peter Lewis (Director of ...)"). A role is the parenthetical after a name,
    the text before a parenthetical name ("Chief Executive (Mr. C. Murray)"), or an apposition after
    a name ("Councillor Emma Jones, Chair of the Advisory Committee,").
    """

    def __init__(self, name: str, *, person_key: str, role_key: str, max_name_tokens: int):
        self.name = name
        self.person_key = person_key
        self.role_key = role_key
        self.max_name_tokens = max_name_tokens

    def __call__(self, doc: Doc) -> Doc:
        people = self._honorific_names(doc)
        people += self._bare_names_before_roles(doc, people)
        people = _no_overlap(people)
        doc.spans[self.person_key] = people
        doc.spans[self.role_key] = self._roles(doc, people)
        return doc

    def _name_run(self, doc: Doc, start: int) -> int:
        """End (exclusive) of a run of name tokens beginning at ``start``."""
        end = start
        while end < len(doc) and end - start < self.max_name_tokens:
            tok = doc[end]
            if _NAME_TOKEN.match(tok.text) and tok.text.lower() not in HONORIFIC_LOWER and tok.text not in POSTNOMINALS and tok.lower_ not in _STOP_WORDS:
                end += 1
                if end < len(doc) and doc[end].text == "." and len(doc[end - 1].text) == 1:
                    end += 1
                continue
            if tok.text == "(" and end + 2 < len(doc) and doc[end + 2].text == ")" and re.fullmatch(r"[A-Z]{1,2}", doc[end + 1].text):
                end += 3  # "Collins (J)"
                continue
            break
        while end > start and doc[end - 1].text in {"(", "-"}:
            end -= 1
        return end

    def _honorific_names(self, doc: Doc) -> list[Span]:
        found = []
        i = 0
        while i < len(doc):
            if doc[i].text.rstrip(".").lower() in HONORIFIC_LOWER and doc[i].text[:1].isupper():
                j = i + 1
                if j < len(doc) and doc[j].text == ".":
                    j += 1
                end = self._name_run(doc, j)
                if end > j and _has_surname(doc[j:end]):
                    found.append(Span(doc, i, end, label="PERSON"))
                    i = end
                    continue
            i += 1
        return found

    def _bare_names_before_roles(self, doc: Doc, taken: list[Span]) -> list[Span]:
        covered = {t for s in taken for t in range(s.start, s.end)}
        found = []
        for tok in doc:
            if tok.text != "(" or tok.i < 2:
                continue
            start = tok.i
            while start > 0 and _NAME_TOKEN.match(doc[start - 1].text) and doc[start - 1].text[:1].isupper() and tok.i - start < 4:
                start -= 1
            words = [t for t in doc[start:tok.i] if t.text != "."]
            if any(t.text.lower() in ROLE_WORDS or t.text.lower() in _NOT_NAME for t in words):
                continue
            inner = _paren_after(doc, tok.i)
            if inner and (doc[inner[0]].text.rstrip(".").lower() in HONORIFIC_LOWER or doc[inner[0]].lower_ in {"item", "items", "minute", "page", "pages", "appendix"} or doc[inner[0]].like_num):
                continue
            if len(words) >= 2 and not covered & set(range(start, tok.i)) and all(len(t.text) > 1 for t in words[-1:]):
                if not (start > 0 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper()):
                    found.append(Span(doc, start, tok.i, label="PERSON"))
        return found

    def _roles(self, doc: Doc, people: list[Span]) -> list[Span]:
        roles = []
        for person in people:
            span = _paren_after(doc, person.end) or _apposition_after(doc, person.end)
            if span is not None:
                roles.append(Span(doc, span[0], span[1], label="ROLE_OF:" + str(person.start)))
        return roles


def _has_surname(tokens) -> bool:
    return any(len(t.text.rstrip(".")) > 1 and t.text[:1].isupper() for t in tokens if t.text not in "()")


def _paren_after(doc: Doc, i: int) -> Optional[tuple[int, int]]:
    """Token range inside a parenthesis opening at ``i`` (balanced), unless it is a bracketed initial."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    depth = 0
    for j in range(i, min(len(doc), i + 40)):
        depth += doc[j].text == "("
        depth -= doc[j].text == ")"
        if depth == 0:
            inner = doc[i + 1 : j]
            if len(inner) == 0 or re.fullmatch(r"[A-Z]{1,2}", inner.text):
                return None
            return (i + 1, j)
    return None


def _apposition_after(doc: Doc, i: int) -> Optional[tuple[int, int]]:
    """", Role of X," directly after a name, when the phrase starts with a role word."""
    if i >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    while j < len(doc) and j - i < 16 and doc[j].text not in {",", ";", ".", "(", ")"}:
        j += 1
    phrase = doc[i + 1 : j]
    words = phrase.text.lower().replace("-", " ").split()
    if not words or not phrase.text[:1].isupper():
        return None
    if any(w.rstrip("s") in {r.replace("-", " ") for r in ROLE_WORDS} or w in ROLE_WORDS for w in words[:4]):
        return (i + 1, j)
    return None


def _no_overlap(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


@Language.factory(
    "scrutiny_people",
    default_config={"person_key": PERSON_KEY, "role_key": PERSON_ROLE_KEY, "max_name_tokens": 6},
)
def make_people(nlp: Language, name: str, *, person_key: str, role_key: str, max_name_tokens: int):
    return PeopleFinder(name, person_key=person_key, role_key=role_key, max_name_tokens=max_name_tokens)


# Words whose full stop marks an abbreviation, not a sentence's end: a title before a name never
# ends one ("Cllr. Smith"); a number's label ("No. 13821", "para. 3") does not end one before its number.
_TITLE_ABBREVIATIONS = frozenset({"cllr", "cllrs", "cmhlr", "rev", "revd", "prof", "supt", "insp", "det", "sgt", "hon", "rt", "gov", "sen", "rep"})
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "para", "paras", "ref", "refs", "min", "mins", "vol", "fig", "p", "pp", "art", "sec", "cl", "approx", "ca", "c"})


def _initial_after_title(doc: Doc, i: int) -> bool:
    """The full stop before ``doc[i]`` closes an initial printed after a form of address."""
    return len(doc[i - 2].text) == 1 and names.ends_in_initials(doc[max(0, i - 12): i].text)


@Language.component("scrutiny_abbreviations")
def abbreviations(doc: Doc) -> Doc:
    """Undo the sentencizer's breaks after an abbreviation's full stop ("Resolution No. 13821",
    "Cllr. Smith", "para. 3") and before a word in lower case, which never opens a sentence (a
    letter alone may be a bullet's glyph: "x HR structures")."""
    for i in range(2, len(doc)):
        tok, stop, word = doc[i], doc[i - 1], doc[i - 2]
        if not tok.is_sent_start or stop.text != "." or stop.whitespace_ == "" or "\n" in stop.whitespace_:
            continue
        w = word.lower_
        if _initial_after_title(doc, i) and tok.text[:1].isupper():
            tok.is_sent_start = False  # "Councillor S. Hartigan", "Mr J. R. Smith": an initial, then the name
            continue
        if (w in _TITLE_ABBREVIATIONS and tok.text[:1].isupper()) or (w in _NUMBER_ABBREVIATIONS and tok.text[:1].isdigit()) \
                or (tok.text[:1].islower() and tok.is_alpha and len(tok) > 1 and w.isalpha()):  # a bullet drawn as 'x' or 'o' opens a point
            tok.is_sent_start = False
    return doc


def build(model: Optional[str] = None) -> Language:
    """The minutes pipeline: a blank English pipeline, or ``model`` (an installed spaCy package, or
    ``blank:xx``), plus a sentencizer when the model has no sentence boundaries, and our components."""
    if model is None:
        nlp = spacy.blank("en")
    elif model.startswith("blank:"):
        nlp = spacy.blank(model.split(":", 1)[1] or "en")
    else:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    if not any(n in nlp.pipe_names for n in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?"]})
        nlp.add_pipe("scrutiny_abbreviations")
    nlp.add_pipe("scrutiny_minute_patterns")
    nlp.add_pipe("scrutiny_people")
    return nlp


@lru_cache(maxsize=4)
def pipeline(model: Optional[str] = None) -> Language:
    """A cached pipeline per model name."""
    return build(model)


def spans(doc: Doc, label: str, key: str = SPANS_KEY) -> list[Span]:
    """Spans of one label from a span group, in document order."""
    return sorted((s for s in doc.spans.get(key, []) if s.label_ == label), key=lambda s: (s.start, s.end))


def role_of(doc: Doc, person: Span) -> Optional[str]:
    """The role stated beside a person span, if any."""
    for s in doc.spans.get(PERSON_ROLE_KEY, []):
        if s.label_ == "ROLE_OF:" + str(person.start):
            return s.text
    return None
