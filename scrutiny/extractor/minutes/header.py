"""The meeting the minutes record: body, date, venue, start and end times, who signed as chair."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from scrutiny.extractor.minutes.attendance import heading as attendance_label, mend, unbulleted
from scrutiny.extractor.minutes.stream import Row
from scrutiny.extractor.segment import MEETING_TITLE
from scrutiny.extractor.textutil import BODY_NOUN, MONTHS, day_first, iso_date, parse_date

_BODY = re.compile(
    r"minutes\s+(?:of|for)\s+(?:the\s+|a\s+)?(?:proceedings\s+at\s+)?(?:(?:special|ordinary|annual|regular|budget|statutory|"
    r"full|monthly|adjourned|extraordinary)\s+)*(?:meeting\s+of\s+(?:the\s+)?)?"
    # the body's name may wrap on to more rows (a word a row, as some conversions set a heading),
    # unless a row opens with a label, a number or says where or when the meeting was held ("HELD IN
    # THE VILLAGE HALL", "ON 20th MAY", "WEDNESDAY, OCTOBER 5, 2022")
    r"(?P<body>[^\n]+?(?:\n(?![^\n:]{0,30}:|\s*\d|\s*(?:held|on|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)[^\n]+?){0,3})"
    r"(?=\s+held\b|\s*,?\s+on\s+\w+day|\s*,?\s+(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY|\s+[-–]\s+\d|[ \t]*\n|\s*$)",
    re.I,
)
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s*m\b|hrs\b|h\d)|\d{1,2}[.:]\d{2}\b"
# "held at the Council Chamber on ...", "held on 2 March at the Cabinet Office:", "held on Tuesday 6 July
# 2021 via Zoom", "The meeting convened in the Fire Station #3 at 5:00 p.m."
_VENUE = re.compile(
    rf"\b(?:held(?:\s+on\s+[^,.:;]{{3,40}}?)?|meeting\s+(?:convened|took\s+place|was\s+held))(?:\s+at\s+(?:{_CLOCK}))?"
    rf"\s+(?:in|at|via)\s+(?!{_CLOCK})(?:the\s+)?"
    rf"(?P<venue>.+?)(?=,?\s+on\s+(?:\w+day\b|\d)|\s+at\s+{_CLOCK}|\.\s|\.$|:|\n|$)", re.I)
_VENUE_LABEL = re.compile(r"^\W*(?:venue|place|location|lieu)\s*:?\s+(?P<venue>[A-Z].{2,80})$", re.I)
_ONLINE = re.compile(r"\((?P<venue>online|virtual|remote)\)", re.I)
# A meeting held on a video platform, said in the minutes' text: "This meeting was conducted online
# using Zoom", "This was a virtual meeting using Zoom", "The meeting was held via Microsoft Teams".
_VIA_PLATFORM = re.compile(
    r"\b(?:meeting|session)\s+(?:was\s+)?(?:(?:conducted|held|hosted)\s+)?(?:(?:online|virtually|remotely)\s+)?"
    r"(?:using|via|on|over|through)\s+(?P<venue>Zoom|Microsoft\s+Teams|MS\s+Teams|Teams|Google\s+Meet|Skype|Webex)\b", re.I)
_COMMITTEE_BOX = re.compile(r"^COMMITTEE[\W\s]+(?P<body>.+?)\s+DATE\b", re.I)
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
_AT_TIME = re.compile(rf"\bat\s+(?P<t>{_TIME})", re.I)
# "The meeting was adjourned at 7:48 p.m.", "stands adjourned at 7:55 PM", "X adjourned the meeting at
# 8:25 p.m.", "The chairman closed the meeting at 8.53pm", "The meeting closed 2000", "La séance est levée à 16h05", "Séance clôturée à 21H"
_END = re.compile(
    r"(?:meeting\s+(?:was\s+|stands\s+|is\s+)?(?:ended|closed|finished|concluded|terminated|rose|adjourned)|(?:adjourned|closed|ended)\s+the\s+meeting|"
    r"s[ée]ance\s+(?:est\s+)?(?:lev[ée]e|close|cl[ôo]tur[ée]e))"
    r"(?:\s+(?:at|à)\s+(?P<t>\d{1,2}h(?:\d{2})?(?![\w])|\d{1,2}(?:[.:]?\d{2})?\s*(?:[ap]\.?\s*m\.?|hrs|hours)?)"
    r"|\s+(?P<bare>(?:[01]\d|2[0-3])[0-5]\d|\d{1,2}[.:]\d{2}\s*(?:[ap]\.?\s*m\.?)?|\d{1,2}\s*[ap]\.?\s*m\.?)(?![\w/.]))",
    re.I,
)


_BODY_NOUN = BODY_NOUN
# a word of a body's name; a comma after one only in a list of them ("Community, Leisure & Emergency Services ...")
_NAME_WORD = r"(?:[A-Z][\w'’&\-]*(?:,(?=\s+[A-Z][\w'’\-]*\s+(?:&|and)\s))?|#\d+|&|and|of|the|for|de|du|des|la|le)"
_BODY_NAME = re.compile(rf"(?P<name>(?:{_NAME_WORD}\s+){{0,8}}?{_BODY_NOUN}(?:\s+{_BODY_NOUN})*)\b", re.I)
_NAME_LEAD = re.compile(
    r"^(?:CR|PV)\s+(?:du|de\s+la|des)\s+|"
    r"^(?:(?:approved|draft|unconfirmed|confirmed|printed)\s+)?(?:minutes\s+(?:of|for)\s+)?(?:the\s+|a\s+)?"
    r"(?:proceedings\s+at\s+)?(?:(?:special|ordinary|annual|regular|budget|statutory|full|monthly|adjourned|"
    r"extraordinary)\s+)*(?:meeting\s+of\s+(?:the\s+)?)?|^(?:title\s+of\s+meeting|meeting|committee|body)\s*:?\s+", re.I)
_BODY_LABEL = re.compile(r"^(?:title\s+of\s+(?:the\s+)?meeting|name\s+of\s+(?:the\s+)?(?:committee|body|meeting)|meeting|committee)\s*:?\s+(?=[A-Z])", re.I)
_BOX_ROW = re.compile(r"^(?:committee|meeting|body)[\W\s]+(?:date|time)\W*$", re.I)
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
        name = body_name([value]) or (_named_by_label(text[label.end():]) if label else None)
        if name:
            return name
    return None


def _named_by_label(value: str) -> Optional[str]:
    """A labelled meeting's title with no body noun, named by its organisation before the kind of
    meeting ("Suffolk’s Libraries IPS Ltd. - AGM"): the name before the dash."""
    parts = re.split(r"\s+[-–]\s+", value.strip())
    name = parts[0].strip(" .,")
    if len(parts) < 2 or not re.fullmatch(r"(?:[A-Z][\w'’&.\-]*|&|of|the|and|for)(?:\s+(?:[A-Z][\w'’&.\-]*|&|of|the|and|for)){1,7}", name):
        return None
    return None if re.search(r"\b(?:minutes|meeting|agenda)\b", name, re.I) else name


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
        when = _WHEN.search(text)  # what follows the date or time is the venue, never the body
        text = text[: when.start()] if when else text
        shout = text.isupper()
        for m in _BODY_NAME.finditer(text):
            words = m.group("name").split()
            while words and (_NOT_NAME.match(words[0]) or (not shout and not words[0][:1].isupper())):
                if _COMMON_BODY.fullmatch(" ".join(words)):
                    words = [words[0][:1].upper() + words[0][1:], *words[1:]]  # "conseil municipal": named by its place
                    break
                words = words[1:]
            words = [w for k, w in enumerate(words) if not (re.fullmatch(r"regular|special|ordinary|annual|extraordinary", w, re.I)
                                                            and k + 1 < len(words) and re.fullmatch(_BODY_NOUN, words[k + 1], re.I))]
            if not words:
                continue
            named = sum(1 for w in words if w[:1].isupper() and not _NOT_NAME.match(w))
            score = named - 0.3 * k + (2.0 if re.search(r"\bminutes\b|\bmeeting\b|\bcompte|\bCR\b", raw, re.I) else 0.0)
            name = _title_case(" ".join(words)) if shout else " ".join(words)
            if best is None or score > best[0]:
                best = (score, name)
    return best[1] if best else None


_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
               r"nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|"
               r"novembre|d[ée]cembre)")
_WHEN = re.compile(rf"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{{1,2}}(?:st|nd|rd|th|er)?\s+{_MONTH_NAME}\b|"
                   rf"\b{_MONTH_NAME}\s+\d{{1,2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\b\d{{1,2}}[:.]\d{{2}}\s*[ap]\.?m\b", re.I)


# A body noun that names a kind of body, not one body: the minutes of a commune's council say
# "conseil municipal", a committee "comité de démolition", and the place is named in the text.
_COMMON_BODY = re.compile(r"(?:conseil\s+(?:municipal|communautaire|d['’]administration)|comit[ée]\s+(?:de|du|des|d['’])\s*[\w\-]+)", re.I)
_PLACE_AFTER = re.compile(r"(?<![\w’'])(?P<before>[\w’'\-]+)\s+(?:de|à)\s+(?P<place>[A-ZÀ-Ý][\w’'\-]+)")


def _with_place(body: str, text: str) -> str:
    """A body named only by its kind ("Conseil municipal", "Comité de démolition") with the place
    the minutes name most often after "de" or "à" following a common noun ("l'école de
    Couthenans", "boulevard de Sainte-Adèle"), at least twice: "Conseil municipal de Couthenans"."""
    if not _COMMON_BODY.fullmatch(body):
        return body
    counts: dict[str, int] = {}
    for m in _PLACE_AFTER.finditer(text):
        before = re.split(r"['’]", m.group("before"))[-1]
        if before[:1].isupper() and not before.isupper():
            continue  # inside a title in capitals ("Pacte Financier et Fiscal de Solidarité")
        counts[m.group("place")] = counts.get(m.group("place"), 0) + 1
    best = max(sorted(counts), key=lambda w: counts[w], default=None)
    if best is None or counts[best] < 2 or sum(1 for n in counts.values() if n == counts[best]) > 1:
        return body
    return f"{body} de {best}"


_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:of\s+)?[A-Z][\w'’\-]*){0,3}")
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
    s = re.sub(r"^(\d{1,2})h(\d{2})?$", lambda m: f"{m.group(1)}:{m.group(2) or '00'}", s)
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
    if letters and all(c.isupper() for c in letters) and _COMMON_BODY.fullmatch(text):
        return text[:1] + text[1:].lower()  # French capitalises a body's name as a sentence
    if letters and all(c.isupper() for c in letters):
        small = {"and", "of", "the", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le"}
        words = text.lower().split()
        return " ".join(w if (k and w in small) else w[:1].upper() + w[1:] for k, w in enumerate(words))
    return text


def heading_block(rows: list[Row]) -> list[Row]:
    """The heading block of the minutes: the rows at the top of the first page down to the first
    attendance label, numbered item or line of prose (at most 14 rows)."""
    block: list[Row] = []
    for r in mend(rows[:20])[:14]:
        text = r.text.strip()
        if block and r.page is not block[0].page:
            break
        if attendance_label(unbulleted(text)) or (_NUMBERED.match(text) and not _WHEN.match(text)) or len(text.split()) > 14:
            break
        block.append(r)
    return block


_NUMBERED = re.compile(r"^\(?\d{1,2}(?:\.\d+)*(?:\s?[.)]\s*\S|\s+[A-Z])")


def read_header(head: list[Row], rows: list[Row]) -> Header:
    """Meeting details from the rows before the first minute, or the heading block when that is
    longer (times and signature from all rows)."""
    block = heading_block(rows)
    head = mend(head)
    if len(block) > len(head):
        head = block
    head = head + _field_rows(rows, head)
    text = _paragraphs(head[:12])
    out = Header()
    m = _BODY.search("\n".join(r.text for r in head[:12]))
    if m:
        body = re.sub(r"\s+", " ", m.group("body")).strip(" ,.-–")
        out.body = _title_case(body) or None
    at = next((k for k, r in enumerate(head) if _COMMITTEE_BOX.match(r.text)), None)
    box = _COMMITTEE_BOX.match(head[at].text) if at is not None else None
    if box:
        out.body = box.group("body").strip()
        below = re.sub(r"\s+", " ", head[at + 1].text).strip() if at + 1 < len(head) else ""
        if not re.search(_BODY_NOUN, out.body, re.I) and re.fullmatch(rf"(?:{_NAME_WORD}\s+){{0,5}}{_BODY_NOUN}", below, re.I):
            out.body = _title_case(below)  # the box names the kind of meeting ("Extraordinary"), the body under it
    labelled = labelled_body([r.text for r in head[:8]])
    if labelled:
        out.body = labelled
    elif out.body is None or _GENERIC_BODY.search(out.body) or len(out.body.split()) > 6:
        named = body_name([r.text for r in head[:8]])
        if named and not (out.body and _OF_PLACE.fullmatch(out.body[len(named):]) and out.body.startswith(named)):
            out.body = named  # unless the name read goes on to say whose body it is ("... Board of the City of X")
    if out.body:
        out.body = _stacked_extends(out.body, block) or out.body
        out.body = _fuller_name(out.body, head[:8])
        out.body = _of_institution(out.body, block)
        out.body = _with_place(out.body, re.sub(r"(?<=\w) ?- ?(?=\w)", "-", " ".join(r.text for r in rows[:400])))
    if out.body is None:
        cap = next((r.text for r in head[:3] if re.search(r"\s[-–]\s+\d", r.text)), None)
        if cap:
            out.body = _title_case(re.split(r"\s[-–]\s", cap)[0].strip())
    if out.body is None:  # no body noun: the meeting as its heading in capitals names it
        named = next((r.text.strip() for r in block[:8] if MEETING_TITLE.match(r.text.strip())), None)
        out.body = _title_case(named) if named else None
    v = _VENUE.search(text) or next((m for r in head[:12] if (m := _VENUE_LABEL.match(r.text))), None) or _ONLINE.search(text)
    if v:
        out.venue = _title_case(v.group("venue").strip(" ,.:"))
        out.venue = out.venue[:1].upper() + out.venue[1:] if v.re is _ONLINE else out.venue
    dayfirst = day_first(" ".join(r.text for r in rows[:400]))
    out.date = _first_date(head, dayfirst) or _date_without_year(block, rows, dayfirst)
    date_at = _date_row(block, dayfirst)
    if out.venue is None and date_at is not None:
        out.venue = _venue_after(block, date_at)
    if out.venue and out.body and out.venue.lower() == out.body.lower():
        out.venue = None  # the body's name under the date ("COMMITTEE ... DATE ..." / "Full Governing Body"), not a place
    everything = " ".join(r.text for r in rows)
    if out.venue is None and (online := _VIA_PLATFORM.search(everything[:6000])):
        out.venue = " ".join(online.group("venue").split())  # "This was a virtual meeting using Zoom"
    heading_time = _heading_time(block, date_at)
    out.started_at, label_end = _start_time(head, everything)
    if heading_time:
        out.started_at = heading_time
    ends = list(_END.finditer(everything))
    if ends:
        out.ended_at = clock(ends[-1].group("t") or ends[-1].group("bare"))
    elif label_end:
        out.ended_at = label_end
    out.chair_signature = _signature(rows)
    return out


# A labelled field of the meeting's particulars ("Place  Castle Hill Community Centre", "Time:
# 11.15am – 12.45pm", "Lieu : salle du conseil").
_FIELD = re.compile(r"^\W*(?:date|time|start(?:ing)?\s+time|venue|place|location|lieu|heure|where|when)\b\s*:?\s+\S", re.I)


def _field_rows(rows: list[Row], head: list[Row]) -> list[Row]:
    """The labelled particulars that carry on right after the head (a heading block the first
    minute was read from too early): rows of "Label  value" on the head's page."""
    last = head[-1] if head else None
    if last is None or not last.line.box:
        return []
    below = [r for r in rows[:40] if r.page is last.page and r.line.box and r.line.box[1] > last.line.box[3] - 1]
    out = []
    for r in below[:6]:
        if not _FIELD.match(r.text):
            break
        out.append(r)
    return out


def _paragraphs(rows: list[Row]) -> str:
    """The rows' text, a row carrying on the sentence of the row above joined with a space, else
    with a line break: a row set apart by a wider gap, or an attendance label, starts anew."""
    out = ""
    for k, r in enumerate(rows):
        if k:
            prev = rows[k - 1]
            gap = (r.line.box[1] - prev.line.box[3]) if r.line.box and prev.line.box else 0
            height = (prev.line.box[3] - prev.line.box[1]) if prev.line.box else 0
            numbered = _NUMBERED.match(r.text) and not _WHEN.match(r.text)
            apart = attendance_label(r.text) or numbered or (height and gap > 0.9 * height) or r.page is not prev.page
            out += "\n" if apart else " "
        out += r.text
    return out


def _fuller_name(body: str, head: list[Row]) -> str:
    """The body as the heading names it in full, where the heading's title prints a longer name
    ending in the one read ("Public Sector Transparency Board – Minutes" over "the minutes of the
    Transparency Board meeting"); "meeting" after the body's noun is no part of its name."""
    body = re.sub(rf"(?<=\w)\s+meeting$", "", body, flags=re.I) if re.search(rf"{_BODY_NOUN}\s+meeting$", body, re.I) else body
    for r in head:
        text = re.sub(r"\s+", " ", r.text).strip()
        m = re.match(rf"^\W*(?P<name>(?:(?:[A-Z][a-z][\w'’&\-]*|&)\s+){{1,6}}){re.escape(body)}\b", text)
        if m and not _NOT_NAME.match(m.group("name").split()[0]) and not re.search(r"\b(?:minutes|meeting)\b", m.group("name"), re.I):
            return m.group("name") + body
    return body


# A body named by its kind alone, one that belongs to an institution ("Parent Council",
# "Governing Body", "Board of Governors"), and the institution a heading row names ("Hyndland
# Primary School", "St Anne's Academy").
_KIND_ONLY = re.compile(
    r"^(?:(?:parents?['’]?|parent\s+teacher|pupils?['’]?|students?['’]?|school|governing)\s+"
    r"(?:council|body|association|forum|committee|board)|board\s+of\s+(?:governors|trustees))$", re.I)
_INSTITUTION = re.compile(r"\b(?:school|academy|college|university|nursery|institute)$", re.I)


def _of_institution(body: str, block: list[Row]) -> str:
    """A body named by its kind alone ("Parent Council") with the institution it belongs to, where
    a row of the heading block holds that institution's name and nothing else: "Hyndland Primary
    School Parent Council"."""
    if not _KIND_ONLY.match(body):
        return body
    for r in block:
        text = re.sub(r"\s+", " ", r.text).strip(" ,.")
        words = text.split()
        if (2 <= len(words) <= 6 and _INSTITUTION.search(text) and body.lower() not in text.lower()
                and all(re.fullmatch(r"[A-Z][\w'’.\-]*|of|the|and|&", w) for w in words)):
            return f"{_title_case(text)} {body}"
    return body


def _stacked_extends(body: str, block: list[Row]) -> Optional[str]:
    """The body with the rows set right above its heading row when they carry the rest of its
    name ("EAST PALO ALTO" over "PLANNING COMMISSION", "Lincoln Square Special Service Area #21"
    over "Commission Meeting Minutes"): rows of capitalised words alone, naming no body of their
    own, in the type of the heading row."""
    at = next((k for k, r in enumerate(block) if body.lower() in re.sub(r"\s+", " ", r.text).lower()), None)
    if not at or not re.match(rf"^\W*{re.escape(body)}\b", re.sub(r"\s+", " ", block[at].text).strip(), re.I):
        return None
    above: list[str] = []
    for r in reversed(block[:at]):
        text = re.sub(r"\s+", " ", r.text).strip()
        words = text.split()
        if (not words or len(words) > 8 or _bold(r) != _bold(block[at]) or re.search(_BODY_NOUN, text, re.I)
                or not all(re.fullmatch(r"[A-Z][\w'’&\-]*|#\d+|&", w) and not re.fullmatch(r"minutes|meeting|agenda|of|the|an?|and", w, re.I) for w in words)):
            break
        above.insert(0, text)
    if not above:
        return None
    return " ".join([_title_case(t) for t in above] + [body])


def _bold(row: Row) -> bool:
    segs = [g for g in row.line.segments if g.text.strip()]
    return (bool(segs) and all(g.bold for g in segs)) or (not segs and row.emphasis)


_TIME_ANY = re.compile(rf"(?<![\d/.:])(?:{_TIME})(?![\d/])", re.I)


def _date_row(block: list[Row], dayfirst: bool) -> Optional[int]:
    """Index in the heading block of the row that carries the meeting's date."""
    for k, r in enumerate(block):
        if parse_date(r.text, dayfirst=dayfirst) or _DAY_MONTH.search(r.text):
            return k
    return None


def _heading_time(block: list[Row], date_at: Optional[int]) -> Optional[str]:
    """The start time printed beside the date in the heading block ("January 27, 2020, 7:00 p.m.",
    "14 May 2013, 14:00-17:00", "10:00-11:30, 14 February 2014", "le 20 juin, à 16h00")."""
    if date_at is None:
        return None
    for r in block[date_at : date_at + 2]:
        for m in _TIME_ANY.finditer(re.sub(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", " ", r.text)):
            t = clock(m.group(0))
            if t:
                return t
    return None


_VENUE_AT = re.compile(rf"(?:{_TIME})\s*(?:[-–]\s*(?:{_TIME})\s*)?,?\s+(?:at|à|in)\s+(?:the\s+)?(?P<venue>[^,;]{{3,80}}?)\s*\.?$", re.I)
_NOT_VENUE = re.compile(r"^\W*(?:minutes|agenda|draft|approved|unconfirmed|present|chair|procès|compte)\b|:", re.I)


_ADDRESS = re.compile(r"^[A-Z][^,]*,.*\b\d{1,4}\s+[A-Z][a-z]+\s+(?:street|road|lane|avenue|square|place|way|row|drive)\b", re.I)


_TIME_ONLY = re.compile(rf"(?:{_TIME}|\d{{1,2}}\s*[ap]\.?m\.?)(?:\s*[-–]\s*(?:{_TIME}|\d{{1,2}}\s*[ap]\.?m\.?))?", re.I)


def _venue_after(block: list[Row], date_at: int) -> Optional[str]:
    """The venue the heading prints: after the time on the date row ("- 9:00am at Carbon Arc Bar"),
    else the short rows right under the date row, joined with commas."""
    row = block[date_at].text.strip()
    m = _VENUE_AT.search(row)
    if m:
        return m.group("venue").strip()
    address = next((r.text.strip() for r in block[1:date_at] if _ADDRESS.search(r.text) and not parse_date(r.text)
                    and len(r.text.split()) <= 12 and not _NOT_VENUE.search(r.text)), None)
    if address:
        return address  # an address set between the body and the date
    lines = []
    shout = row.upper() == row  # a heading set in capitals prints its venue in capitals too
    for r in block[date_at + 1 : date_at + 5]:
        text = r.text.strip()
        if _TIME_ONLY.fullmatch(text):
            continue  # the time set on a row of its own ("7pm-9pm"), not the place
        if (_NOT_VENUE.search(text) or parse_date(text) or len(text.split()) > 12 or not text[:1].isalnum()
                or (text.upper() == text and not shout)):
            break
        lines.append(_title_case(text.strip(" ,")) if shout else text.strip(" ,"))
    return ", ".join(lines) or None


_DAY_MONTH = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|er)?\s+(?:of\s+)?(?P<m>jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|"
    r"septembre|octobre|novembre|d[ée]cembre)\b(?!\s*,?\s*\d{4})", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _date_without_year(block: list[Row], rows: list[Row], dayfirst: bool) -> Optional[str]:
    """A heading date printed without its year ("le 20 juin"): the year of the full dates in the
    minutes (the one named most often)."""
    m = next((m for r in block if (m := _DAY_MONTH.search(r.text))), None)
    if m is None:
        return None
    counts: dict[str, int] = {}
    for r in rows[:400]:
        if parse_date(r.text, dayfirst=dayfirst):
            for y in _YEAR.findall(r.text):
                counts[y] = counts.get(y, 0) + 1
    if not counts:
        return None
    year = max(sorted(counts), key=lambda y: counts[y])
    return parse_date(f"{m.group('d')} {m.group('m')} {year}")


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
    def whole(text: str) -> str:  # "11 th", a year split over two runs ("201 3"), an ordinal lost to OCR ("22"° APRIL")
        text = re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", text)
        text = re.sub(r"\b(\d{1,2})[\"'’”°º*^]{1,3}(?=\s+[A-Za-z]{3})", r"\1", text)
        return re.sub(r"\b((?:19|20)\d) (\d)\b", r"\1\2", text)

    for r in head[:12]:
        d = parse_date(whole(r.text), dayfirst=dayfirst)
        if d:
            return d
    found = parse_date(whole(" ".join(r.text for r in head[:12])), dayfirst=dayfirst)
    return found or next((d for r in head[:12] if (d := _misspelt_date(r.text))), None)


_LOOSE_DATE = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]{5,12})\s+(?P<y>(?:19|20)\d{2})\b")
# Each month by its longest English name ("september", not "sept")
_FULL_MONTHS = {name: n for name, n in MONTHS.items() if len(name) == max(len(k) for k, v in MONTHS.items() if v == n)}


def _misspelt_date(text: str) -> Optional[str]:
    """A day, a month misspelt and a year ("23 SEPTMEMBER 2020"): the month whose name the word
    begins with (three letters) and is nearest to, two letters off at most."""
    from rapidfuzz.distance import Levenshtein

    for m in _LOOSE_DATE.finditer(text):
        word = m.group("m").lower()
        near = {n for name, n in _FULL_MONTHS.items() if name[:3] == word[:3] and Levenshtein.distance(word, name) <= 2}
        if len(near) == 1:
            return iso_date(int(m.group("y")), near.pop(), int(m.group("d")))
    return None


_SIGNED_NAME = re.compile(r"^\W*Signed\b\s*:?\s*(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3})"
                          r"\s*(?:,?\s*(?:\(?chair\w*\)?)\s*)?(?:date\b.*)?$", re.I)
_CHAIR_CAPTION = re.compile(r"^(?:[A-Z][\w'’\-]*\s+){0,4}(?:chair|chairman|chairperson|chairwoman|mayor|president|cathaoirleach)$", re.I)


def is_caption(text: str) -> bool:
    """A signature's caption naming who signs, not a person ("Commission Chair")."""
    return bool(_CHAIR_CAPTION.match(text.strip()))


def _signature(rows: list[Row]) -> Optional[str]:
    """Who signs the minutes, near their end: a name printed above "Chair"/"Chairman", a name after
    "Signed" ("Signed Andrew McKenzie  Date: 4 July 2022"), or, where no name is printed over it,
    the caption under the signature rule that says who signs ("Commission Chair")."""
    tail = rows[-8:]
    for r in tail:
        m = _SIGNED_NAME.match(r.text.strip())
        if m and not re.search(r"\b(?:as|a|the|true|record|correct)\b", m.group("name"), re.I):
            return m.group("name").strip()
    for k in range(len(tail) - 1):
        nxt = tail[k + 1].text.strip().lower().rstrip(".")
        name = tail[k].text.strip()
        if nxt in {"chair", "chairman", "chairperson", "mayor", "cathaoirleach"}:
            if re.search(r"[.]{3,}|_{3,}|signed", name, re.I) or not re.search(r"[A-Za-z]{2}", name):
                return None
            return _title_case(name)
        if _CHAIR_CAPTION.match(nxt) and (re.fullmatch(r"[\s_.…-]{5,}", name) or name.endswith(".")):
            return tail[k + 1].text.strip().rstrip(".")  # a rule to sign on (or the text's last sentence) over its caption
    return None
