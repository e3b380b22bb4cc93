"""What a column holds, read from its cells alone (no header words).

A column's content is one of: ``rating`` (H/M/L, High/Medium/Low, RAG words or letters, small
scores), ``ref`` (numbered codes: 1.1, R3, 2a), ``sentences`` (text of five words or more on
average), ``labels`` (short phrases), ``empty``. ``carried`` says whether the column prints a value
once for a run of rows (blank cells under a value, as a merged cell reads): the sign of a grouping
column (an area, a topic, a theme) down the left of a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RATING = re.compile(
    r"^(?:(?:very\s+)?(?:high|low)|med(?:ium)?|h|m|l|vh|vl|r|a|g|red|amber|green|rag|"
    r"\d{1,2}(?:\s*[x×*]\s*\d{1,2})?(?:\s*=\s*\d{1,3})?)\W*$",
    re.I,
)
REF = re.compile(r"^(?:[A-Z]{1,4}\s?[-/.]?\s?)?\d{1,3}(?:\.\d{1,3}){0,3}\.?[a-z]?$")


@dataclass
class Content:
    kind: str  # rating, ref, sentences, labels, empty
    filled: float  # share of rows with text
    words: float  # mean words per filled cell
    carried: bool  # values printed once over several rows


def content(values: list[str]) -> Content:
    cells = [v.strip() for v in values]
    filled = [v for v in cells if v]
    if not filled:
        return Content("empty", 0.0, 0.0, False)
    share = len(filled) / len(cells)
    words = sum(len(v.split()) for v in filled) / len(filled)
    if sum(1 for v in filled if RATING.match(v)) >= 0.8 * len(filled):
        kind = "rating"
    elif sum(1 for v in filled if REF.match(v)) >= 0.8 * len(filled):
        kind = "ref"
    elif words >= 5:
        kind = "sentences"
    else:
        kind = "labels"
    carried = share <= 0.8 and bool(cells) and bool(cells[0]) and len(filled) >= 2
    return Content(kind, share, words, carried)
