"""People named in running text (minute bodies, resolutions): "Mr Gough said", "Councillors
Aitken and Winskill", and role-only references such as "the Director of C&YPS"."""

from __future__ import annotations

import re

from extractor import names

_TITLE = r"(?:Councillors?|Cllrs?\.?|Cmhlr\.?|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof(?:essor)?|Rev(?:d)?|Deputy)\.?"
_NAME = r"(?:(?:[A-Z]\.?\s){0,3}(?:[A-Z][a-z]+\s)?(?:(?:[Oo]|Mc|Mac)['’]?)?[A-Z][A-Za-z'’\-]+(?:\s\([A-Z]\))?)"
_PERSON = re.compile(rf"\b({_TITLE})\s+({_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*)")
_ROLE_HEADS = r"(?:Director|Manager|Officer|Executive|Leader|Chair(?:man)?|Clerk|Counsel|Secretary|Head|Treasurer|Solicitor|Lead|Mayor|Commissioner|Adviser|Advisor)"
_ROLE = re.compile(
    rf"\b[Tt]he\s+((?:(?:interim|acting)\s+)?(?:[A-Z][\w&'’\-]*\s+){{0,4}}{_ROLE_HEADS}"
    rf"(?:\s*[\-–(]?\s*(?:of|for)?\s*(?:the\s+)?(?:[A-Z][\w&'’\-]*|and|&)(?:\s+(?:[A-Z][\w&'’\-]*|and|&|of|for))*\)?)?)"
)


def named_people(text: str) -> list[tuple[str, str]]:
    """Honorific-led names in running text as (surface form, honorific). A plural title ("Councillors
    Aitken and Winskill") gives each name as printed ("Aitken") with the singular honorific."""
    out: list[tuple[str, str]] = []
    for m in _PERSON.finditer(text or ""):
        title = m.group(1)
        plural = title.lower().rstrip(".").endswith("s") and title.lower().startswith(("councillors", "cllrs"))
        singular = re.sub(r"s(\.?)$", r"\1", title) if plural else title
        parts = re.split(r",\s*|\s+and\s+", m.group(2))
        for i, part in enumerate(p.strip() for p in parts):
            if names.honorifics_of(part):
                form, title_of = part, names.honorifics_of(part)[0]
            elif i == 0 or names.parse(part):
                form, title_of = (part if plural else f"{singular} {part}"), singular
            else:
                break
            if names.parse(form, title=title_of):
                out.append((form, title_of))
    return out


def role_references(text: str) -> list[str]:
    """"the <job title>" phrases in running text ("the Director of C&YPS", "The interim Deputy
    Director (Children and Families)"), with the article as printed."""
    found = []
    for m in _ROLE.finditer(text or ""):
        phrase = m.group(1).strip(" -–(")
        if phrase.count("(") != phrase.count(")"):
            phrase = phrase.split("(")[0].strip()
        phrase = re.sub(r"(?:\s+(?:and|&|of|for|the))+$", "", phrase)
        found.append(f"{m.group(0)[:3]} {phrase}")
    return found
