"""The meeting the minutes record: body, date, venue, start and end times, who signed as chair."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractor.minutes.stream import Row
from extractor.textutil import parse_date

_BODY = re.compile(
    r"minutes\s+(?:of|for)\s+(?:the\s+|a\s+)?(?:proceedings\s+at\s+)?(?:(?:special|ordinary|annual|budget|statutory|"
    r"full|monthly|adjourned|extraordinary)\s+)*(?:meeting\s+of\s+(?:the\s+)?)?"
    # the body's name may wrap on to one more row, unless that row opens with a label or a number
    r"(?P<body>[^\n]+?(?:\n(?![^\n:]{0,30}:|\s*\d)[^\n]+?)?)"
    r"(?=\s+held\b|\s*,?\s+on\s+\w+day|\s*,?\s+(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY|\s+[-–]\s+\d|[ \t]*\n|\s*$)",
    re.I,
)
_VENUE = re.compile(r"\bheld\s+(?:in|at)\s+(?:the\s+)?(?P<venue>.+?)(?=,?\s+on\s+(?:\w+day\b|\d)|\.\s|\.$|$)", re.I)
_COMMITTEE_BOX = re.compile(r"^COMMITTEE\s+(?P<body>.+?)\s+DATE\b", re.I)
_START = re.compile(
    r"(?:\bAT\s+(?P<a>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s*m\.?)|meeting\s+(?:commenced|started|began|opened)\s+at\s+(?P<b>[\d.:]+\s*(?:[ap]\.?m\.?|hrs)?))",
    re.I,
)
_END = re.compile(
    r"meeting\s+(?:ended|closed|finished|concluded|terminated|rose)\s+at\s+(?P<t>\d{1,2}(?:[.:]?\d{2})?\s*(?:[ap]\.?\s*m\.?|hrs|hours)?)",
    re.I,
)


@dataclass
class Header:
    body: Optional[str] = None
    date: Optional[str] = None
    venue: Optional[str] = None
    started_at: Optional[str] = None
    ended_at: Optional[str] = None
    chair_signature: Optional[str] = None


def clock(text: Optional[str]) -> Optional[str]:
    """'21:05pm', '3.00P.M.', '1906', '10.00 am' -> HH:MM."""
    if not text:
        return None
    s = text.lower().replace(" ", "").replace(".m", "m").replace("hrs", "").replace("hours", "")
    m = re.match(r"^(\d{1,2})(?:[.:]?(\d{2}))?(am|pm|a|p)?\.?$", s)
    if not m:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if half and half.startswith("p") and hour < 12:
        hour += 12
    if half and half.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _title_case(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        small = {"and", "of", "the", "for", "in", "on", "at", "to"}
        words = text.lower().split()
        return " ".join(w if (k and w in small) else w[:1].upper() + w[1:] for k, w in enumerate(words))
    return text


def read_header(head: list[Row], rows: list[Row]) -> Header:
    """Meeting details from the rows before the first minute (times and signature from all rows)."""
    text = " ".join(r.text for r in head[:12])
    out = Header()
    m = _BODY.search("\n".join(r.text for r in head[:12]))
    if m:
        body = re.sub(r"\s+", " ", m.group("body")).strip(" ,.-–")
        out.body = _title_case(body) or None
    box = next((_COMMITTEE_BOX.match(r.text) for r in head if _COMMITTEE_BOX.match(r.text)), None)
    if box:
        out.body = box.group("body").strip()
    if out.body is None:
        cap = next((r.text for r in head[:3] if re.search(r"\s[-–]\s+\d", r.text)), None)
        if cap:
            out.body = _title_case(re.split(r"\s[-–]\s", cap)[0].strip())
    v = _VENUE.search(text)
    if v:
        out.venue = _title_case(v.group("venue").strip(" ,."))
    out.date = _first_date(head)
    everything = " ".join(r.text for r in rows)
    s = _START.search(" ".join(r.text for r in head[:15])) or _START.search(everything)
    if s:
        out.started_at = clock(s.group("a") or s.group("b"))
    e = _END.search(everything)
    if e:
        out.ended_at = clock(e.group("t"))
    out.chair_signature = _signature(rows)
    return out


def _first_date(head: list[Row]) -> Optional[str]:
    for r in head[:12]:
        d = parse_date(re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", r.text))
        if d:
            return d
    joined = " ".join(r.text for r in head[:12])
    return parse_date(joined)


def _signature(rows: list[Row]) -> Optional[str]:
    """A name printed above "Chair"/"Chairman" near the end of the minutes."""
    tail = rows[-8:]
    for k in range(len(tail) - 1):
        nxt = tail[k + 1].text.strip().lower().rstrip(".")
        if nxt in {"chair", "chairman", "chairperson", "mayor", "cathaoirleach"}:
            name = tail[k].text.strip()
            if re.search(r"[.]{3,}|_{3,}|signed", name, re.I) or not re.search(r"[A-Za-z]{2}", name):
                return None
            return _title_case(name)
    return None
