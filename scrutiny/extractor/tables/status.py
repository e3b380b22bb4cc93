"""Status signals and their reconciliation: RAG fill colour, status glyphs and their colour, progress-note wording."""

from __future__ import annotations

import colorsys
import re
from typing import Optional

from scrutiny.extractor.tables.grid import RGB

GLYPH_RAG = {"🔴": "red", "🟠": "amber", "🟡": "amber", "🟢": "green", "⚪": "grey", "⚫": "grey"}
WORD_RAG = {"red": "red", "amber": "amber", "green": "green", "grey": "grey", "gray": "grey", "r": "red", "a": "amber", "g": "green"}

_WORDING = [
    ("not_achieved", r"\bnot\s+achieved\b"),
    ("not_on_track", r"\bnot\s+on\s+track\b|\boff\s+track\b|\bbehind\b"),
    ("not_started", r"\bnot\s+(yet\s+)?started\b"),
    ("completed", r"\bachieved?\b|\bcompleted?\b"),
    ("on_track", r"\bon\s+track\b|\bin\s+progress\b"),
]
_NOTE_HEAD = re.compile(r"^\s*(?:[A-Za-z]{3,9}\.?\s+\d{4}\s*[-–]\s*)?(.*)$", re.S)

# RAG colour a milestone status is expected to carry
EXPECTED_RAG = {"completed": "green", "on_track": "amber", "not_on_track": "red", "not_achieved": "red"}


def rag_of_colour(rgb: Optional[RGB]) -> Optional[str]:
    """green / amber / red / grey from a fill colour by hue; None for white or no fill."""
    if rgb is None:
        return None
    r, g, b = (c / 255 for c in rgb)
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    if s < 0.15:
        return None if v > 0.95 else "grey"
    deg = h * 360
    if deg < 20 or deg >= 330:
        return "red"
    if deg < 65:
        return "amber"
    if 65 <= deg < 170:
        return "green"
    return None


def rag_of_glyph(rgb: Optional[RGB]) -> Optional[str]:
    """green / amber / red from the colour a status symbol is printed in; a black or grey symbol
    carries no RAG."""
    rag = rag_of_colour(rgb)
    return None if rag == "grey" else rag


def rag_of_text(text: Optional[str]) -> Optional[str]:
    """RAG from a glyph or a printed word ('GREEN', 'Amber')."""
    if not text:
        return None
    t = text.strip()
    for glyph, rag in GLYPH_RAG.items():
        if glyph in t:
            return rag
    return WORD_RAG.get(t.lower().strip("() "))


def status_of_note(note: Optional[str]) -> Optional[str]:
    """Milestone status from a progress note's wording: the earliest status phrase wins."""
    if not note:
        return None
    head = _NOTE_HEAD.match(note).group(1)
    best: Optional[tuple[int, int, str]] = None
    for rank, (status, rx) in enumerate(_WORDING):
        m = re.search(rx, head, re.I)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, status)
    return best[2] if best else None


def reconcile(note: Optional[str], rag: Optional[str]) -> tuple[str, Optional[str], bool]:
    """(status, evidence, disagree): the wording decides; the colour is kept as evidence and a
    disagreement between them is reported."""
    worded = status_of_note(note)
    status = worded or "unknown"
    evidence = ", ".join(x for x in [f"colour: {rag}" if rag else None, f"wording: {worded}" if worded else None] if x) or None
    disagree = bool(worded and rag and rag != "grey" and EXPECTED_RAG.get(worded) and EXPECTED_RAG[worded] != rag)
    return status, evidence, disagree
