"""Page furniture: what a printed page carries besides its content.

Running headers and footers are lines that recur at the top or the foot of two or more pages
("Lomita City Council Meeting Agenda December 6, 2022", "Approved Minutes Page 2 of 4"); page
numbers, rules and converter links are furniture wherever they stand. Minutes and agendas both
read their pages without them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from scrutiny.extractor.pages import Line, Page

# a page number, alone or with a browser's print stamp beside it ("1 of 3 12/6/22, 4:25 PM")
_STAMP = r"\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?"
_PAGE_FOOTER = re.compile(rf"^\W*(?:{_STAMP}\s+)?(?:page\s+)?\d{{1,4}}(?:\s+of\s+\d{{1,4}})?(?:\s+{_STAMP})?\W*$", re.I)
_RULE = re.compile(r"^[\s\-=_*|]{3,}$")
_LINK = re.compile(r"^\[[^\]]*\]\([^)]*\)$")
_SYMBOL_GLYPH = re.compile("[\ue000-\uf8ff]")  # symbol-font bullets mapped to private-use code points
# emphasis marks ("**Present:**", "*Noted*"), not an asterisk inside a bracket ("(*05-113)", a consent mark)
_MARKUP = re.compile(r"(?<!\()\*+|</?(?:b|i|u|strong|em|br)\s*/?>|^#+\s*", re.I)


def clean_text(text: str) -> str:
    """Strip converter markup and collapse white space."""
    text = _MARKUP.sub(" ", text.replace("\t", " "))
    text = _SYMBOL_GLYPH.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def key(text: str) -> str:
    """A line's key for recurrence: its clean text in lower case, with numbers made alike when the
    line has words enough to be furniture ("Approved Minutes Page 2 of 4", "... registered number 1")."""
    k = clean_text(text).lower()
    return re.sub(r"\d+", "#", k) if len(re.findall(r"[^\W\d_]", k)) >= 12 else k


def running_keys(pages: list[Page], depth: int = 3, within: Optional[dict[int, list[Line]]] = None) -> set[str]:
    """Keys of lines that recur in the first or last ``depth`` lines of two or more pages, at one
    height on the page where the pages say where their lines stand, and no more often inside the
    pages' text than at their edges, and not broken off after a clause (a formula the text repeats,
    "Proposed by Councillor X;", is content wherever it falls). ``within``: each page's lines to
    read (by the page's id), where lines already known as furniture are set aside."""
    counts: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    places: dict[str, list[float]] = {}
    for page in pages:
        lines = within[id(page)] if within is not None else [ln for ln in page.lines if not is_furniture(ln.text)]
        edge = {key(ln.text): ln for ln in lines[:depth] + lines[-depth:]}
        counts.update(edge.keys())
        inside.update(key(ln.text) for ln in lines[depth:-depth])
        for k, ln in edge.items():
            if ln.box is not None and page.height:
                places.setdefault(k, []).append(ln.box[1] / page.height)
    # a line broken off after a clause (";", ":", ",") is text running on, never a page's header or footer
    return {k for k, n in counts.items() if n >= 2 and k and len(k) < 160 and inside[k] < n and _same_place(places.get(k))
            and not k.rstrip().endswith((";", ":", ","))}


def _same_place(ys: Optional[list[float]]) -> bool:
    """A running line stands at one height on the pages that carry it; text that merely ends two
    pages alike (a list repeated at the foot of each) stands wherever the text ran out."""
    if not ys or len(ys) < 2:
        return True
    ys = sorted(ys)
    return any(b - a <= 0.02 for a, b in zip(ys, ys[1:]))


def is_furniture(text: str) -> bool:
    """Page furniture that never belongs to a page's content."""
    s = clean_text(text)
    return not s or bool(_PAGE_FOOTER.match(s) or _RULE.match(s) or _LINK.match(s))


def running_lines(pages: list[Page], depth: int = 3) -> set[int]:
    """ids of the lines that are running headers or footers: a line among the first or last
    ``depth`` content lines of a page whose key recurs there on another page. The first page's
    opening lines are its heading, though later pages repeat them. A footer of many lines ("CITY
    COUNCIL Page 3" / "12/13/2022" over a three-line notice) is peeled from the edge inwards: once
    the outer lines are known, the lines inside them are read as the page's edge in turn."""
    if len(pages) < 2:
        return set()
    out: set[int] = set()
    within = {id(page): [ln for ln in page.lines if clean_text(ln.text) and not is_furniture(ln.text)] for page in pages}
    for _ in range(3):
        running = running_keys(pages, depth, within)
        found: set[int] = set()
        for n, page in enumerate(pages):
            content = within[id(page)]
            for ln in (content[:depth] if n else []) + content[-depth:]:
                if key(ln.text) in running:
                    found.add(id(ln))
        if not found - out:
            break
        out |= found
        within = {k: [ln for ln in lines if id(ln) not in out] for k, lines in within.items()}
    return out
