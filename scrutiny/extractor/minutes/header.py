"""The meeting the minutes record: body, date, venue, start and end times, who signed as chair."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from scrutiny.extractor.minutes.stream import Row
from scrutiny.extractor.textutil import MONTH_WORDS, day_first, parse_date

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
_TIME = r"\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s*m\b\.?|\d{1,2}[.:]\d{2}(?:\s*(?:hrs|hours|h))?|\d{1,2}h\d{2}|\d{4}\s*hrs"
# Where a start time is said: the meeting being opened at it, a "Time" label, or "at" a time in
# the heading ("... held on 10th October 2018 at 19.00").
_OPENED_AT = re.compile(
    rf"(?:called\s+to\s+order|convened|commenced|started|began|opened|s[ée]ance\s+(?:est\s+)?ouverte)\b[^.]{{0,80}}?"
    rf"\b(?:at|à)\s*:?\s*(?P<t>{_TIME}|\d{{4}}\b)", re.I)
_TIME_LABEL = re.compile(rf"^\W*(?:time|start(?:ing)?\s+time)\s*:?\s*(?P<t>{_TIME})(?:\s*[-–]\s*(?P<end>{_TIME}))?", re.I)
_TIME_SPAN = re.compile(r"(?<![\d/.])(?P<t>\d{1,2}[.:]\d{2}(?:\s*[ap]\.?\s*m\.?)?)\s*[-–]\s*(?P<end>\d{1,2}[.:]\d{2}(?:\s*[ap]\.?\s*m\.?)?)(?![\d/])", re.I)
_AT_TIME = re.compile(rf"(?:\bat|(?<!\w)à)\s+(?P<t>{_TIME})", re.I)
_END = re.compile(
    r"meeting\s+(?:ended|closed|finished|concluded|terminated|rose)\s+at\s+(?P<t>\d{1,2}(?:[.:]?\d{2})?\s*(?:[ap]\.?\s*m\.?|hrs|hours)?)",
    re.I,
)


# The nouns a body's name ends with ("Souldern Parish Council", "Corporate Parenting Panel",
# "Board of Trustees", "Conseil municipal"); a name is the run of capitalised words before one.
_BODY_NOUN = (r"(?:council|committee|sub-committee|subcommittee|board(?:\s+of\s+(?:trustees|governors|directors|education))?|"
              r"panel|cabinet|commission|forum|assembly|trust|group|partnership|authority|executive|"
              r"governing\s+body|conseil\s+municipal|municipal\s+district(?:\s+of\s+[A-Z][\w'’\-]+)?)")
_NAME_WORD = r"(?:[A-Z][\w'’&\-]*|&|and|of|the|for|de|du|des|la|le)"
_BODY_NAME = re.compile(rf"(?P<name>(?:{_NAME_WORD}\s+){{0,8}}?{_BODY_NOUN}(?:\s+{_BODY_NOUN})*)\b", re.I)
_NAME_LEAD = re.compile(
    r"^(?:(?:approved|draft|unconfirmed|confirmed|printed)\s+)?(?:minutes\s+(?:of|for)\s+)?(?:the\s+|a\s+)?"
    r"(?:proceedings\s+at\s+)?(?:(?:special|ordinary|annual|regular|budget|statutory|full|monthly|adjourned|"
    r"extraordinary)\s+)*(?:meeting\s+of\s+(?:the\s+)?)?|^(?:title\s+of\s+meeting|meeting|committee|body)\s*:?\s+|"
    r"^(?:CR|PV)\s+(?:du|de\s+la|des)\s+", re.I)
_BODY_LABEL = re.compile(r"^(?:title\s+of\s+(?:the\s+)?meeting|name\s+of\s+(?:the\s+)?(?:committee|body|meeting)|meeting|committee)\s*:?\s+(?=[A-Z])", re.I)
_BOX_ROW = re.compile(r"^(?:committee|meeting|body)\s+(?:date|time)\W*$", re.I)
_NOT_NAME = re.compile(r"^(?:the|a|an|of|and|for|de|du|des|la|le|regular|special|ordinary|annual|minutes|meeting)$", re.I)


def labelled_body(rows: list[str]) -> Optional[str]:
    """The body a label names: "Title of Meeting  Suffolk Libraries IPS - Board Meeting", or a
    "COMMITTEE  DATE" box over the row of its values."""
    for k, raw in enumerate(rows[:8]):
        text = re.sub(r"\s+", " ", raw).strip()
        if _COMMITTEE_BOX.match(text):
            continue  # "COMMITTEE <name> DATE ..." on one row is read as a box
        label = _BODY_LABEL.match(text)
        if label:
            value = re.sub(r"\s+[-–]\s+", " ", text[label.end():])
        elif k and _BOX_ROW.match(re.sub(r"\s+", " ", rows[k - 1]).strip()):
            value = re.sub(r"\s*\d{1,2}/\d{1,2}/\d{2,4}\s*", " ", text).strip()
        else:
            continue
        name = body_name([value])
        if name:
            return name
    return None


def body_name(rows: list[str]) -> Optional[str]:
    """The body a heading names: among the first rows, the names that end with a body noun, the
    one on the row naming the record ("... Minutes", "Minutes of ...", "... Meeting") or else the
    most specific (most capitalised words) nearest the top; adjectives of the meeting
    ("Regular", "Special") and what follows the noun ("Meeting held on ...") left out."""
    best: Optional[tuple[float, str]] = None
    for k, raw in enumerate(rows[:8]):
        text = re.sub(r"\s+", " ", raw).strip()
        lead = _NAME_LEAD.match(text)
        text = text[lead.end():] if lead else text
        shout = text.isupper()
        for m in _BODY_NAME.finditer(text):
            words = m.group("name").split()
            while words and (_NOT_NAME.match(words[0]) or (not shout and not words[0][:1].isupper())):
                words = words[1:]
            words = [w for w in words if not re.fullmatch(r"regular|special|ordinary|annual|extraordinary", w, re.I)]
            if not words:
                continue
            named = sum(1 for w in words if w[:1].isupper() and not _NOT_NAME.match(w))
            score = named - 0.3 * k + (2.0 if re.search(r"\bminutes\b|\bmeeting\b|\bcompte|\bCR\b", raw, re.I) else 0.0)
            name = _title_case(" ".join(words)) if shout else " ".join(words)
            if best is None or score > best[0]:
                best = (score, name)
    return best[1] if best else None


_GENERIC_BODY = re.compile(r"^(?:meeting|minutes(?:\s+and\s+actions)?|committee|council|board)$|\d", re.I)


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
    s = re.sub(r"^(\d{1,2})h(\d{2})$", r"\1:\2", s)
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
    labelled = labelled_body([r.text for r in head[:8]])
    if labelled:
        out.body = labelled
    elif out.body is None or _GENERIC_BODY.search(out.body) or len(out.body.split()) > 6:
        named = body_name([r.text for r in head[:8]])
        if named:
            out.body = named
    if out.body is None:
        cap = next((r.text for r in head[:3] if re.search(r"\s[-–]\s+\d", r.text)), None)
        if cap:
            out.body = _title_case(re.split(r"\s[-–]\s", cap)[0].strip())
    out.venue = _venue(head, text, " ".join(r.text for r in rows[:60]))
    out.date = _first_date(head, day_first(" ".join(r.text for r in rows[:400]))) or _yearless_date(head, rows)
    everything = " ".join(r.text for r in rows)
    out.started_at, label_end = _start_time(head, everything)
    e = _END.search(everything)
    if e:
        out.ended_at = clock(e.group("t"))
    elif label_end:
        out.ended_at = label_end
    out.chair_signature = _signature(rows)
    return out


# Where the minutes say the meeting was: "held in the X", "held on 2 March at the Cabinet Office",
# "HELD ON 10TH OCTOBER 2018 AT 19.00 IN X", "convened in the X at 5:00 p.m.", "via Zoom", "(ONLINE)",
# a "Place:" / "Venue:" label, or the address lines under the heading (ending in a postcode or ZIP).
_HELD_ON_AT = re.compile(
    rf"\bheld\s+on\s+(?:[^.:;]|(?<=\d)[.:](?=\d)){{3,60}}?\s+(?:at|in)\s+(?!{_TIME}|\d)(?:the\s+)?(?P<venue>[A-Z][^.:;]+?)(?=\s*[.:;]|,?\s+(?:at|on)\s+\d|$)",
    re.I)
_CONVENED_IN = re.compile(r"\b(?:convened|met|took\s+place|was\s+held)\s+(?:in|at)\s+(?:the\s+)?(?P<venue>[A-Z][^.,;]+?)(?=\s+at\s+\d|\s+on\s|[.,;]|$)")
_ONLINE = re.compile(r"\bvia\s+(?P<venue>Zoom|Teams|Microsoft\s+Teams|Skype|Google\s+Meet|video\s*conference)\b|\((?P<online>online|virtual)\)", re.I)
_PLACE_LABEL = re.compile(r"^(?:place|venue|location)\s*[:\-–]?\s+(?P<venue>\S.+)$", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|,\s*[A-Z]{2}\s+\d{5}\b")


def _venue(head: list[Row], text: str, opening: str) -> Optional[str]:
    for r in head[:12]:
        m = _PLACE_LABEL.match(r.text)
        if m:
            return m.group("venue").strip(" ,.")
    # "held in" may wrap over rows; "held on <date> at <time> in X" is read within its row, as the
    # next row may open a list ("PRESENT: ...")
    m = _VENUE.search(text) or next((m for r in head[:12] if (m := _HELD_ON_AT.search(r.text))), None)
    if m:
        return _title_case(m.group("venue").strip(" ,."))
    m = _ONLINE.search(text)
    if m:
        return m.group("venue") or m.group("online").title()
    m = _CONVENED_IN.search(opening)
    if m:
        return m.group("venue").strip()
    return _address(head)


def _address(head: list[Row]) -> Optional[str]:
    """The address printed under the heading: the row ending in a postcode or ZIP code, with the
    rows just above it that are neither the date nor the title (at most two)."""
    for k, r in enumerate(head[:8]):
        if _POSTCODE.search(r.text) and not re.match(r"^(?:present|apologies|attendees)\b", r.text, re.I):
            parts = [r.text]
            for above in reversed(head[max(0, k - 2):k]):
                if parse_date(above.text) or re.search(r"\bminutes\b|\bmeeting\b|\d{1,2}[.:]\d{2}", above.text, re.I):
                    break
                parts.insert(0, above.text)
            return ", ".join(p.strip(" ,") for p in parts)
    return None


def _start_time(head: list[Row], everything: str) -> tuple[Optional[str], Optional[str]]:
    """(start, end) from where the minutes say the meeting opened: the opening sentence, a "Time"
    label (which may give the end too), "at" a time in the heading rows, then the older forms."""
    opening = " ".join(r.text for r in head[:20])
    m = _OPENED_AT.search(opening) or _OPENED_AT.search(everything[:4000])
    if m:
        return clock(m.group("t")), None
    for r in head[:12]:
        m = _TIME_LABEL.match(r.text)
        if m:
            return clock(m.group("t")), clock(m.group("end"))
    for r in head[:8]:  # "10:00-11:30, 14 February 2014": the heading's span is a schedule, its end no record
        m = _TIME_SPAN.search(r.text)
        if m and clock(m.group("t")) and not re.match(r"^\W*(?:present|apologies)\b", r.text, re.I):
            return clock(m.group("t")), None
    for r in head[:8]:
        m = _AT_TIME.search(r.text)
        if m and clock(m.group("t")):
            return clock(m.group("t")), None
    s = _START.search(" ".join(r.text for r in head[:15]))
    if s:
        return clock(s.group("a") or s.group("b")), None
    s = next((m for m in _START.finditer(everything) if m.group("b")), None)  # "the meeting commenced at ..."
    return (clock(s.group("b")) if s else None), None


def _first_date(head: list[Row], dayfirst: bool = True) -> Optional[str]:
    def mend(text: str) -> str:  # "11 th", and a year split over two runs ("201 3")
        text = re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", text)
        return re.sub(r"\b((?:19|20)\d) (\d)\b", r"\1\2", text)

    for r in head[:12]:
        d = parse_date(mend(r.text), dayfirst=dayfirst)
        if d:
            return d
    return parse_date(mend(" ".join(r.text for r in head[:12])), dayfirst=dayfirst)


_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er)?\s+(?P<m>{MONTH_WORDS})\b(?!\s*,?\s*\d)", re.I)


def _yearless_date(head: list[Row], rows: list[Row]) -> Optional[str]:
    """A heading that dates the meeting by day and month alone ("held on 2 March", "tenue le 20
    juin"): the year is that of the first full date in the minutes."""
    m = next((m for r in head[:12] if (m := _DAY_MONTH.search(r.text))), None)
    if not m:
        return None
    years = [parse_date(r.text) for r in rows[:400]]
    year = next((y[:4] for y in years if y), None)
    return parse_date(f"{m.group('d')} {m.group('m')} {year}") if year else None


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
