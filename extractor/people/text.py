"""People named in running text (minute bodies, resolutions): "Mr Gough said", "Councillors
Aitken and Winskill", and role-only references such as "the Director of C&YPS"."""

from __future__ import annotations

import re

from extractor import names

_TITLE = r"(?:Councillors?|Cllrs?\.?|Cmhlr\.?|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof(?:essor)?|Rev(?:d)?|Deputy|DAC|DCI|DI|DS|Supt)\.?"
_L = r"[^\W\d_]"  # any letter
_UP = r"[A-ZÀ-ÖØ-Þ]"
_WORD = rf"{_UP}{_L}*(?:['’\-]{_L}+)*(?:['’](?!{_L}))?"
_NAME = rf"(?:(?:{_UP}\.?\s){{0,3}}(?:{_WORD}\s){{0,2}}(?:(?:Ó|Ní|Uí|Mac|Mc|de|van|von)\s)?{_WORD}(?:\s\({_UP}\))?)"
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
            elif i == 0 or (plural and names.parse(part)):
                form, title_of = (part if plural else f"{singular} {part}"), singular
            else:
                break
            form = re.sub(r"['’]s$", "", form)  # "DAC Alan Gibson's office"
            words = form.split()
            while len(words) > 2 and words[-1].isupper() and words[-1].lower() in names.POSTNOMINALS:
                words.pop()  # "Mr Jim McMahon MP"
            form = " ".join(words)
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


_BRACKETED = re.compile(rf"\(({_WORD}\s{_WORD})\)")


def bracketed_names(text: str) -> list[str]:
    """Full names in brackets, as printed ("(Jane Elias)"): an action title naming its owner."""
    return [f"({m.group(1)})" for m in _BRACKETED.finditer(text or "") if (p := names.parse(m.group(1))) and p.given]
