"""Job titles: compare them, and resolve a role-only reference ("DD C&F", "the Director of C&YPS")
to the person the pack itself says holds that role."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz, process

from scrutiny.extractor.textutil import normalise

STOPWORDS = frozenset({"the", "of", "for", "and", "a", "an", "to", "in", "on", "at", "with"})
MODIFIERS = frozenset({"interim", "acting", "temporary", "new", "current", "former", "designate"})
SYNONYMS = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "childrens": "children"}
ACCEPT = 85.0  # minimum role similarity for a link
MARGIN = 8.0  # the best holder must beat every other holder by this much


@dataclass(frozen=True)
class Statement:
    """The pack says ``person`` holds ``role`` (a cover sheet's "Report of", an attendee's role ...)."""

    role: str
    person: str


def expand(text: str, glossary: dict[str, str]) -> str:
    """Replace glossary acronyms by their expansions; drop a bracketed acronym after its words."""
    text = re.sub(r"\(\s*[A-Z][A-Za-z&]*[A-Z]\s*\)", " ", text)
    if not glossary:
        return text

    def sub(m: re.Match) -> str:
        expansion = glossary.get(m.group(0))
        return _first_clause(expansion) if expansion else m.group(0)

    return re.sub(r"[A-Za-z][A-Za-z&]*", sub, text)


def _first_clause(expansion: str) -> str:
    """A glossary expansion without its explanation: "Children in Care - children ..." -> "Children in Care"."""
    return re.split(r"\s+[-\u2013\u2014]\s+|\s*\(", expansion, maxsplit=1)[0]


def content_tokens(text: str) -> list[str]:
    """Role words that carry meaning: lower-case, '&' as 'and', possessives and plurals folded."""
    text = normalise(text).replace("&", " and ")
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text)
    out = []
    for w in words:
        w = re.sub(r"'s?$", "", w).replace("'", "")
        w = SYNONYMS.get(w, w)
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        if w not in STOPWORDS and w not in MODIFIERS:
            out.append(w)
    return out


def letters(text: str) -> Optional[str]:
    """The letters of an acronym-style reference ("DD C&F" -> "DDCF"), or None if it is not one."""
    words = text.replace("&", " ").split()
    if not words or not all(re.fullmatch(r"[A-Z]{1,5}", w) for w in words):
        return None
    joined = "".join(words)
    return joined if len(joined) >= 2 else None


def initialism(role: str) -> str:
    return "".join(w[0] for w in content_tokens(role)).upper()


def modifiers(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", normalise(text)) if w in MODIFIERS)


def similarity(reference: str, role: str, glossary: dict[str, str], *, strict: bool = False) -> float:
    """0-100: how well a role-only reference matches a stated role. ``strict`` (running text)
    takes 20 off when one says "interim" or "acting" and the other does not: "the Assistant
    Director of Safeguarding" may be the permanent post, not its interim holder."""
    penalty = 20.0 if strict and modifiers(reference) != modifiers(role) else 0.0
    acronym = letters(reference.strip())
    if acronym and acronym == initialism(expand(role, glossary)):
        return 95.0 - penalty
    a = " ".join(content_tokens(expand(reference, glossary)))
    b = " ".join(content_tokens(expand(role, glossary)))
    if not a or not b:
        return 0.0
    return float(fuzz.token_sort_ratio(a, b)) - penalty


def resolve(reference: str, statements: list[Statement], glossary: dict[str, str], *, strict: bool = False) -> tuple[Optional[str], float, list[str]]:
    """The one person whose stated role matches ``reference``, with score and evidence; None when
    no role matches well enough or two people match about as well."""
    if not statements:
        return None, 0.0, ["no role statements in the pack"]
    choices = {i: s.role for i, s in enumerate(statements)}
    ranked = process.extract(reference, choices, scorer=lambda q, c, **_: similarity(q, c, glossary, strict=strict), limit=None)
    best: dict[str, tuple[float, str]] = {}
    for role, score, i in ranked:
        person = statements[i].person
        if person not in best or score > best[person][0]:
            best[person] = (score, role)
    order = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    (person, (score, role)) = order[0]
    evidence = [f"role '{role}' stated for {person} (similarity {score:.0f})"]
    if score < ACCEPT:
        return None, score, evidence + ["below threshold"]
    if len(order) > 1 and score - order[1][1][0] < MARGIN:
        return None, score, evidence + [f"ambiguous with {order[1][0]} (similarity {order[1][1][0]:.0f})"]
    return person, score, evidence


def glossary_map(entries) -> dict[str, str]:
    """term -> expansion from the pack's glossary records."""
    return {e.term.strip(): e.expansion.strip() for e in entries if e.term and e.expansion}
