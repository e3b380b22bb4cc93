"""Agenda front sheet: the meeting (body, date, time, venue, clerk, date of issue), members with
roles, co-optees and the numbered agenda items with titles, summaries and cited page ranges."""

from __future__ import annotations

import re
from typing import Optional

from scrutiny.extractor.context import Context, provenance
from scrutiny.extractor.furniture import is_furniture, running_lines
from scrutiny.extractor import names
from scrutiny.extractor.names import PLACE_WORDS
from scrutiny.extractor.pages import Line, Page
from scrutiny.extractor.segment import AGENDA_HEAD, PAGES_REF
from scrutiny.extractor.textutil import BODY_NOUN, OPEN_END, clean, parse_date, parse_time, roman_value, to_roman
from scrutiny.models.records import AgendaItem, CoOptee, Contact, Extraction, Meeting, Member

EXTRACTOR = "agenda"
_ITEM = re.compile(r"^\W{0,3}(\d{1,4})(?![.:]\d)(?:[.)]\s*|\s+)(\S.*)$")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE_LINE = re.compile(
    rf"\b{_WEEKDAY}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+[a-z]{{3,9}},?\s+\d{{4}}\b|\b[a-z]{{3,9}}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,\s*\d{{4}}\b",
    re.I,
)
_MEMBERS = re.compile(r"^\W*(?:members(?:hip)?|councillors)\s*:\s*(.*)$", re.I)
_COOPTEES = re.compile(r"^\W*co-?opt(?:ed\s+members|ees?)\s*:\s*(.*)$", re.I)
_TITLES = r"(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|dr|prof(?:essor)?|sir|dame|rev(?:erend)?)"
_TITLE_WORD = re.compile(rf"^{_TITLES}\b\.?\s*", re.I)
_PHONE = re.compile(r"(?:tel(?:ephone)?|phone)\s*[:.]?\s*(?:tel\s*:?\s*)?(\+?[\d][\d\s\-()]{6,}\d)", re.I)
_EMAIL_LABEL = re.compile(r"\be-?mail\s*:?", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LABEL_SPLIT = re.compile(r"\s+(?=(?:ask for|telephone|tel|e-?mail|fax|contact)\s*:)", re.I)
_SECTION_CAPS = re.compile(r"^[A-Z][A-Z &/\-]+(?:ITEMS?|BUSINESS)\b.*$")
_ORDINAL = re.compile(r"^\s*(?:st|nd|rd|th)\s*$")  # a superscript drawn as a line of its own
_SPLIT_DIGITS = re.compile(r"(?<=\b\d{3}) (?=\d\b)|(?<=\b\d) (?=\d(?:st|nd|rd|th|\.\d))|(?<=\.\d) (?=\d\b)|(?<=\d) (?=\.\d)")


def mend_digits(text: str) -> str:
    """Join numbers a PDF drew in pieces: '201 6' -> '2016', '1 7th' -> '17th', '11 .00' -> '11.00',
    '12.1 5' -> '12.15' (a year's last digit, a day's or hour's second digit, a decimal part)."""
    return _SPLIT_DIGITS.sub("", text)


def parse(ctx: Context, out: Extraction) -> None:
    doc = next((d for d in out.documents if d.kind == "agenda"), None)
    if doc is None:
        return
    last = doc.pages[1]
    for later in out.documents[out.documents.index(doc) + 1 :]:  # a summons cover, a blank, the agenda
        if later.kind not in ("agenda", "blank"):
            break
        last = later.pages[1]
    pages = [p for p in ctx.source.pages[doc.pages[0] - 1 : last] if not p.blank]
    front = _front_pages(ctx, out, doc)
    running = running_lines(front + pages)

    def content(of: list[Page]) -> list[tuple[Page, Line]]:
        return [(p, ln) for p in of for ln in p.lines
                if clean(ln.text) and not _footer(p, ln) and not _ORDINAL.match(ln.text) and id(ln) not in running]

    lines = content(pages)
    if not lines:
        return
    texts = [mend_digits(_without_superscript(ln)) for _, ln in lines]
    spans = item_spans(lines, texts)
    before = content(front)  # the meeting's particulars on a front page before the one headed "Agenda"
    shift = len(before)
    out.meeting = _meeting(ctx, before + lines, [mend_digits(_without_superscript(ln)) for _, ln in before] + texts,
                           doc.id, [(a + shift, b + shift) for a, b in spans])
    out.members = _members(lines, texts, doc.id, spans[0][0] if spans else min(len(lines), 30))
    out.co_optees = _cooptees(lines, texts, doc.id)
    out.agenda_items = [it for k, (i, end) in enumerate(spans) for it in _items_of(lines[i:end], texts[i:end], doc.id)]


def _front_pages(ctx: Context, out: Extraction, doc) -> list[Page]:
    """The page before the agenda that opens the pack, read as no document of its own, when it
    names the meeting: a body heading over a date line among its first lines (a notice whose
    "AGENDA" heading comes on the next page)."""
    at = out.documents.index(doc)
    if at != 1 or out.documents[0].kind != "other" or tuple(out.documents[0].pages) != (1, 1):
        return []
    page = ctx.source.pages[0]
    texts = [clean(ln.text) or "" for ln in page.lines[:15]]
    dated = [k for k, t in enumerate(texts) if _DATE_LINE.search(t) and parse_date(t)]
    if not dated or not any(_BODY_WORD.search(t) for t in texts[: dated[0]]):
        return []
    return [page]


def _without_superscript(line: Line) -> str:
    """A line's text without an ordinal suffix drawn as its own run at the end ('... meeting th')."""
    text = clean(line.text) or ""
    if len(line.segments) > 1 and _ORDINAL.match(line.segments[-1].text):
        text = text[: -len(line.segments[-1].text.strip())].rstrip()
    return text


def _footer(page: Page, line: Line) -> bool:
    return page.printed_number is not None and re.fullmatch(r"\W*(?:page\s+)?\d+\W*", line.text.strip(), re.I) is not None


def _prov(pairs, doc_id):
    page = pairs[0][0]
    return provenance(page, [ln for p, ln in pairs if p is page], extractor=EXTRACTOR, document=doc_id)


# --------------------------------------------------------------------------- meeting


def _meeting(ctx: Context, lines, texts: list[str], doc_id: str, spans: list[tuple[int, int]]) -> Meeting:
    summons = _summons(texts)
    date_at = next((i for i, t in enumerate(texts[:15]) if _DATE_LINE.search(t) and parse_date(t)), None)
    first = spans[0][0] if spans else None
    if first is not None and date_at is not None and first - date_at > 12:
        # a notice's own date over its prose, the meeting's particulars in a heading block right
        # over the items ("ILLINOIS FINANCE AUTHORITY / SPECIAL MEETING OF ... / Tuesday, December 8, 2020 / 9:00 AM / AGENDA:")
        block = [i for i in range(max(date_at + 1, first - 6), first) if _DATE_LINE.search(texts[i]) and parse_date(texts[i])]
        if block and len(texts[block[-1]].split()) <= 8:
            date_at = block[-1]
    body = _body(texts[: date_at if date_at is not None else 3])
    date = time = venue = None
    if summons:
        body, venue, date, time = summons
        date_at = None
    elif date_at is not None:
        left = mend_digits(_left_column(lines[date_at][1]))
        date, time = parse_date(left), parse_time(left)
        at = date_at
        if time is None:  # the time on a line of its own under the date ("6:00 P.M."), or in its column
            for k in range(date_at + 1, min(date_at + 6, len(texts))):
                if len(texts[k].split()) > 8:
                    break  # past the heading block
                if _TIME_LINE.match(texts[k]):
                    time, at = parse_time(texts[k]), (k if k == date_at + 1 else at)
                    break
                right = _right_cell(lines[k][1])
                if right and _TIME_LINE.match(right):
                    time = parse_time(right)  # "1309 S. Mary Avenue        7:30 a.m." under the date's column
                    break
        if time is None:  # the time opening a line of the heading block above the date ("5:30 p.m. Closed Session")
            above = next((t for t in texts[max(0, date_at - 3):date_at] if _OPENS_WITH_TIME.match(t)), None)
            time = parse_time(above) if above else None
        beside = _right_cell(lines[date_at][1])
        columned = bool(beside and parse_date(beside))  # the date in a column of its own beside the address
        venue = _venue(left if at == date_at else "", lines, texts, at, columned) or _venue_above(texts, body, date_at)
    outside = _outside_items(len(texts), spans)
    return Meeting(
        body=body,
        date=date,
        time=time,
        venue=venue,
        clerk=_clerk(lines, texts) or _signatory(texts, outside),
        published=_published(texts, outside, date, date_at),
        provenance=_prov(lines[: (date_at or 0) + 1], doc_id),
    )


def _outside_items(n: int, spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of the lines before the first item and after the last item's text."""
    if not spans:
        return list(range(n))
    return [*range(spans[0][0]), *range(spans[-1][1], n)]


_DATE_LABEL = re.compile(r"\b(?:date(?:d)?|issued|published|posted|despatched|dispatched)\b\s*:?\s*(.*\d{4})", re.I)


def _published(texts: list[str], outside: list[int], date: Optional[str], date_at: Optional[int]) -> Optional[str]:
    """The date of issue: a date labelled 'Date:' / 'Dated' / 'Issued' outside the items, else a
    date standing alone after the contact block that closes (or opens) the sheet; a date that a
    label line ending in ':' introduces ('Date of next meeting:') is another meeting's."""
    for i in outside:
        m = _DATE_LABEL.search(texts[i])
        if m and parse_date(m.group(1)) and parse_date(m.group(1)) != date:
            return parse_date(m.group(1))
    for i in reversed(outside):
        t = texts[i]
        if not (_DATE_LINE.search(t) and len(t.split()) <= 6 and parse_date(t)) or parse_date(t) == date:
            continue
        before = texts[i - 1] if i else ""
        if i == date_at or before.endswith(":"):
            continue
        if _PHONE.search(before) or "@" in before or _EMAIL_LABEL.match(before) or _is_name_block_line(before):
            return parse_date(t)
    return None


_SIGNATORY = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+)\s+[-–—]\s+(?P<role>[A-Z][^\d@:–—]*?)"
    r"(?:\s+[-–—]\s+(?P<phone>\+?\d[\d ]{7,}\d))?(?:\s+(?i:date)\s*:.*)?$"
)


_SIGNATURE_RULE = re.compile(r"^\s*(?:[_.]\s*){5,}$|^\s*/s/\s*$", re.I)
_CREDENTIAL = re.compile(r"^[A-Z]{2,5}$")  # letters after a name: "MMC", "CMC", "JD"


def _signatory(texts: list[str], outside: list[int]) -> Optional[Contact]:
    """A signature line 'Cathy Fleet – Parish Clerk – 07989 398 838' / 'Amanda Glew – Clerk to
    the Council' before the items or after them (the last one wins); or the line under a signature
    rule ('____') naming a person and an office: 'Kathleen Horn Gregory, MMC, City Clerk'."""
    for i in reversed(outside):
        m = _SIGNATORY.match(texts[i])
        if (m and not _ITEM.match(texts[i]) and m.group("name").split()[-1].lower() not in PLACE_WORDS
                and _person_first(m.group("name")) and len(m.group("role").split()) <= 8):
            return Contact(name=m.group("name"), role=m.group("role").strip(), phone=m.group("phone"), email=None)
        signed = _signed_line(texts[i]) if i and _SIGNATURE_RULE.match(texts[i - 1]) else None
        if signed:
            return signed
    return None


def _person_first(name: str) -> bool:
    """A name that opens as a person's does: a given name or an initial ("Please Note - ..." does not)."""
    first = name.split()[0]
    return names.is_given_name(first) or bool(re.fullmatch(r"[A-Z]\.?", first))


def _signed_line(text: str) -> Optional[Contact]:
    """'Name, [credentials,] Office' written under a signature rule."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or not _PERSON_LINE.fullmatch(parts[0]):
        return None
    office = [p for p in parts[1:] if p and not _CREDENTIAL.match(p)]
    if len(office) != 1 or not re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}", office[0]):
        return None
    return Contact(name=parts[0], role=office[0], phone=None, email=None)


_TIME_TEXT = r"\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b\.?|\d{1,2}[.:]\d{2}(?:\s*(?:hrs|hours)\b)?|\d{4}(?:\s*(?:hrs|hours)\b)?"
_SUMMONS = re.compile(
    r"\bmeeting of (?:the )?(?P<body>[A-Z][\w &'’-]+?),? (?:will|is to|to) be held (?:in|at) (?:the )?(?P<venue>.+?),? on "
    rf"(?P<when>.+?\d{{4}}),? (?:at|commencing at) (?P<time>{_TIME_TEXT})",
    re.I,
)


def _summons(texts: list[str]):
    """'A meeting of the County Council will be held in the Council Chamber, County Hall,
    Maidstone on Thursday, 13th February, 2025 at 9.30 am' -> body, venue, date, time."""
    m = _SUMMONS.search(" ".join(texts[:40]))
    if not m:
        return None
    return m.group("body").strip(), m.group("venue").strip(" ,"), parse_date(m.group("when")), clock(m.group("time"))


def clock(text: str) -> Optional[str]:
    """A start time as HH:MM: '7.30 pm', '19:00 hrs', '6:30 p.m.', or a 24-hour '1900'."""
    m = re.fullmatch(r"\s*([01]?\d|2[0-3])([0-5]\d)\s*(?:hrs|hours)?\s*", text, re.I)
    if m:
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    return parse_time(text)


_GENERIC_HEAD = re.compile(r"^\W*(?:notice of|to:|meeting on|agenda for|agenda of)\b", re.I)
_GENERIC_WORDS = re.compile(r"^(?:(?:the\s+)?(?:agenda|minutes|notice)\s+(?:of|for)\s+(?:the\s+)?(?:(?:a|an)\s+)?)?"
                            r"(?:(?:a|an)\s+(?=\w+\s+meeting\b))?"
                            r"(?:(?:ordinary|special|regular|extraordinary|annual)\s+)?(?:meeting\s+of\s+(?:the\s+)?)?"
                            r"(?P<body>.+?)(?:\s+(?:(?:ordinary|special|regular|extraordinary|annual(?:\s+general)?|general)\s+)?"
                            r"(?:meeting|agenda|members))*\s*$", re.I)


_OPENS_WITH_TIME = re.compile(r"^\W*(?:\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s*m\b|\d{1,2}:\d{2}\b)", re.I)  # not "1309 S. Mary Avenue"
_TIME_LINE = re.compile(rf"^\W*(?:at\s+)?(?:{_TIME_TEXT})\W*$", re.I)
_BODY_WORD = re.compile(rf"\b{BODY_NOUN}\b", re.I)


def _body(head: list[str]) -> Optional[str]:
    """The body a front sheet names: the heading line nearest above the date that names a kind of
    body (council, committee, board ...), not a person's line ("Cindy Segawa, Mayor"); else the
    first line that is not the word "Agenda" or a generic heading."""
    for t in reversed(head[-6:]):
        if _BODY_WORD.search(t) and not re.search(r"\d|@|,\s*(?:mayor|chair|council member)", t, re.I) and len(t.split()) <= 12 \
                and not _place_line(t):
            name = body_name(_tidy_caps(t))
            if _BODY_WORD.search(name):
                return name
    for t in head:
        if AGENDA_HEAD.match(t) or _GENERIC_HEAD.match(t):
            continue
        return body_name(_tidy_caps(t))
    return None


def _place_line(text: str) -> bool:
    """A line naming a place ("City Council Chambers", "Civic Centre"), not a body: it ends with a
    place word."""
    words = re.findall(r"[A-Za-z]+", text)
    if not words or re.fullmatch(BODY_NOUN, words[-1], re.I):
        return False  # "... Quality Commission", "... Partnership": a body, though names may end so too
    return words[-1].lower() in PLACE_WORDS or words[-1].lower().rstrip("s") in PLACE_WORDS


def _venue_above(texts: list[str], body: Optional[str], date_at: int) -> Optional[str]:
    """The venue printed between the body's heading and the date line ("PARKS AND RECREATION
    BOARD" / "City Council Chambers" / "275 E. Olive Ave." / "Burbank, California 91502" / the
    date): those short lines, the first naming a place, joined with commas."""
    at = next((k for k in range(date_at - 1, -1, -1) if body and body.lower() in _tidy_caps(texts[k]).lower()), None)
    if at is None:
        return None
    lines = [t.strip(" ,") for t in texts[at + 1 : date_at]]
    if not lines or len(lines) > 4 or not _place_line(lines[0]) or any(len(t.split()) > 8 or not t for t in lines):
        return None
    return ", ".join(lines)


def body_name(text: str) -> str:
    """The committee or council a heading names, without generic words around it:
    'Local Public Data Panel Meeting' -> 'Local Public Data Panel', 'Meeting of the Cabinet' -> 'Cabinet'."""
    m = _GENERIC_WORDS.match(text.strip())
    if not m or not m.group("body") or re.fullmatch(r"(?:general|annual|ordinary|special|regular)", m.group("body"), re.I):
        return text
    return m.group("body")


def _tidy_caps(text: str) -> str:
    """Title-case an all-capitals phrase, keeping postcodes and short acronyms with digits."""
    if text.upper() != text:
        return text
    words = []
    parts = text.split(" ")
    for k, w in enumerate(parts):
        before_digits = k + 1 < len(parts) and parts[k + 1].strip(",.;").isdigit()
        if re.search(r"\d", w) or (len(w) == 2 and w.isalpha() and before_digits):
            words.append(w)  # postcodes, a state before its ZIP code ("CA 90717")
        elif k and w.lower() in {"and", "of", "the", "for", "on", "in", "at", "to"}:
            words.append(w.lower())
        else:
            words.append(w.capitalize() if len(w) > 2 or not w.isalpha() else w.lower())
    out = " ".join(words)
    return out[0].upper() + out[1:] if out else out


def _left_column(line: Line) -> str:
    """The text of a line up to a right-hand 'Ask for: / Telephone:' column."""
    text = clean(line.text) or ""
    return _LABEL_SPLIT.split(text)[0]


# A street address's first words: its number, then the street ("1400 Highland Avenue"), never an item.
_STREET = re.compile(r"^\d{1,5}\s+(?:[A-Z][\w.'’-]*\s+){0,3}(?:Avenue|Ave\.?|Street|St\.?|Road|Rd\.?|Lane|Drive|Dr\.?|"
                     r"Boulevard|Blvd\.?|Way|Place|Court|Highway|Parkway|Square)\b", re.I)


def _right_cell(line) -> Optional[str]:
    """The text after the widest gap of a line, when the gap sets a right-hand column apart."""
    segs = line.segments
    if len(segs) < 2:
        return None
    gaps = [(b.box[0] - a.box[2], n) for n, (a, b) in enumerate(zip(segs, segs[1:]), 1)]
    gap, at = max(gaps)
    return " ".join(g.text.strip() for g in segs[at:]) if gap > 40 else None


def _venue(left: str, lines, texts: list[str], at: int, columned: bool = False) -> Optional[str]:
    rest = _after_when(left)
    parts = [rest] if rest else []
    for pair, t in zip(lines[at + 1 : at + 5], texts[at + 1 : at + 5]):
        part = _left_column(pair[1]).strip(" ,.")
        if columned and (right := _right_cell(pair[1])):
            part = part[: len(part) - len(right)].strip(" ,.") if part.endswith(right.strip(" ,.")) else part
        if part.startswith("(") or (parts == [] and part.endswith(")")):
            continue  # "(or on the rising of Full Council, / whichever is the later)"
        if not part or (_ITEM.match(t) and not columned and not _STREET.match(t)) or AGENDA_HEAD.match(t) or _SECTION_CAPS.match(t) or _TIME_LINE.match(t):
            break  # (beside a date in its own column, "1309 S. Mary Avenue" is the address's next line, not item 1309)
        if len(part.split()) > 10:
            break  # a sentence of the notice, not a line of an address
        if not parts and re.fullmatch(r"(?:regular|special|adjourned|annual|joint|ordinary|extraordinary)\s+meeting", part, re.I):
            continue  # the kind of meeting between the date and the place ("REGULAR MEETING")
        if _OPENS_WITH_TIME.match(part):
            break  # "5:30 p.m. Closed Session": when, not where
        if re.match(r"^\W*(?:members|membership|co-?opt)", part, re.I) or re.search(r"\b(?:meetings?|instructions?|agenda)\b", part, re.I):
            break  # the members, what kind of meeting it is ("... HYBRID CITY COUNCIL MEETING"), how to join it
        if "@" in part or part.startswith(".") or (rest and part.upper() != part and not columned):
            break
        parts.append(part)
    glue = " " if rest and not columned else ", "
    return _tidy_caps(glue.join(parts)) if parts else None


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WHEN_PARTS = re.compile(
    rf"\b{_WEEKDAY}\b,?|\b(?:mon|tue|wed|thu|fri|sat|sun)\b\.?,?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}\b,?|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b,?"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b,?"
    r"|(?:\b(?:at|from|commencing(?:\s+at)?|starting\s+at)\s+)?"
    r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\b\.?|hrs\b|hours\b|noon\b)(?:\s*(?:-|–|to|until)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\b\.?|hrs\b|hours\b)?)?"
    r"|(?:\b(?:at|from)\s+)?\b\d{1,2}[.:]\d{2}\b(?:\s*(?:-|–|to|until)\s*\d{1,2}[.:]\d{2}\b)?",
    re.I,
)


def _after_when(text: str) -> str:
    """What a date line says besides the day, the date and the time: the start of the venue
    ('26th October 2023 at 7.30pm in the Village Hall' -> 'Village Hall')."""
    rest = _WHEN_PARTS.sub(" ", text)
    rest = re.sub(r"\s+", " ", rest).strip(" -–,.;")
    rest = re.sub(r"^(?:(?:held\s+)?(?:in|at|on)\s+)?(?:the\s+)?", "", rest, flags=re.I) if re.match(r"^(?:held\s+)?(?:in|at|on)\b", rest, re.I) else rest
    return rest.strip(" -–,.;")


def _time_at(text: str) -> int:
    m = re.search(r"\d{1,2}[:.]\d{2}|\d{1,2}\s*[ap]\.?m\b", text, re.I)
    return m.start() if m else len(text)


def _columns(lines) -> list[list[str]]:
    """The lines' texts split into a left and a right column where runs sit far apart (PDF)."""
    left: list[str] = []
    right: list[str] = []
    for page, ln in lines:
        mid = (page.width or 0) / 2
        if not ln.segments or not mid:
            left.append(clean(ln.text) or "")
            continue
        lt = " ".join(s.text for s in ln.segments if s.box[0] < mid - 20)
        rt = " ".join(s.text for s in ln.segments if s.box[0] >= mid - 20)
        if lt.strip():
            left.append(clean(lt) or "")
        if rt.strip():
            right.append(clean(rt) or "")
    return [col for col in (left, right) if col]


def _clerk(lines, texts: list[str]) -> Optional[Contact]:
    """The contact for the meeting: an 'Ask for:' label, or the name block holding a phone or
    email line (the last such block on the front sheet)."""
    joined = "\n".join(texts)
    if not re.search(r"ask for\s*:", joined, re.I):
        for column in reversed(_columns(lines)):
            found = _clerk_block(column)
            if found:
                return found
    return _clerk_block(texts)


def _clerk_block(texts: list[str]) -> Optional[Contact]:
    joined = "\n".join(texts)
    ask = re.search(r"ask for\s*:\s*([^\n]+?)(?=\s+(?:telephone|tel|e-?mail)\s*:|$)", joined, re.I | re.M)
    email = _find_email(texts)
    if ask:
        phone = _PHONE.search(joined)
        return Contact(name=ask.group(1).strip(), role=None, phone=phone.group(1).strip() if phone else None, email=email)
    for i in range(len(texts) - 1, -1, -1):
        if _PHONE.search(texts[i]) and not _ITEM.match(texts[i]):
            above = [t for t in texts[max(0, i - 2) : i] if _is_name_block_line(t)]
            name, role = (above[0], above[1]) if len(above) == 2 else (above[0] if above else None, None)
            phone = _PHONE.search(texts[i])
            return Contact(name=name, role=role, phone=phone.group(1).strip() if phone else None, email=email)
    return None


def _find_email(texts: list[str]) -> Optional[str]:
    for i, t in enumerate(texts):
        if "@" not in t:
            continue
        glued = t
        for nxt in texts[i + 1 : i + 3]:  # addresses broken over lines: "name@kent" / ".gov.uk"
            if re.fullmatch(r"[\w.\-]+", nxt) and (nxt.startswith(".") or glued.endswith(".")):
                glued += nxt
        m = _EMAIL.search(glued.replace(" ", "")) if "@" in glued else None
        if m:
            return m.group(0).rstrip(".")
    return None


# --------------------------------------------------------------------------- members


def _list_after(label: re.Pattern, lines, texts: list[str]):
    for i, t in enumerate(texts[:30]):
        m = label.match(t)
        if not m:
            continue
        value, used = m.group(1), [lines[i]]
        for j in range(i + 1, min(i + 4, len(texts))):
            nxt = texts[j]
            if not _list_continues(value, nxt):
                break
            value += " " + nxt
            used.append(lines[j])
        return value, used
    return None, []


def _list_continues(value: str, nxt: str) -> bool:
    """A wrapped name list goes on when the list so far ends mid-list, or the next line starts in
    lower case, with the parenthetical of the name before it, or with a name followed by '(', ','
    or 'and'."""
    if _ITEM.match(nxt) or AGENDA_HEAD.match(nxt) or _COOPTEES.match(nxt) or _MEMBERS.match(nxt):
        return False
    return (
        value.rstrip().endswith((",", "and", "("))
        or nxt[:1].islower()
        or nxt.startswith("(")
        or re.match(r"^[A-Z][\w'’-]+\s*(?:\(|,|and\b)", nxt) is not None
    )


def split_names(value: str) -> list[str]:
    """'Bull (Chair), Adamou (Vice-Chair), Adje and Winskill' -> the names with their parentheticals."""
    parts, depth, cur = [], 0, ""
    for ch in value:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    out = []
    for part in parts:
        out.extend(p for p in re.split(r"\s+(?:and|&)\s+(?![^()]*\))", part) if p.strip())
    return [p.strip(" .;") for p in out if p.strip(" .;")]


def _members(lines, texts: list[str], doc_id: str, head: int) -> list[Member]:
    value, used = _list_after(_MEMBERS, lines, texts)
    if not value:
        return _roster(lines[:head], doc_id) or _offices_over_names(lines[:head], texts[:head], doc_id) or _roll_call(lines, texts, doc_id)
    plural_title = None
    m = re.match(rf"^\s*({_TITLES})\s+", value, re.I)
    if m:
        plural_title = _singular(m.group(1))
        value = value[m.end():]
    prov = _prov(used, doc_id)
    members = []
    for raw in split_names(value):
        name, paren = _name_paren(raw)
        title = plural_title
        tm = _TITLE_WORD.match(name)
        if tm:
            title, name = _singular(tm.group(0).strip()), name[tm.end():]
        if name:
            members.append(Member(name=name, title=title, role=paren, provenance=prov))
    return members


# The roll call item naming the members to be called: "C. ROLL CALL Chair Ungoco, Vice-Chair Tokashiki,
# Commissioners Dillavou, Sistos, Morton".
_ROLL_CALL_LINE = re.compile(r"^\W*(?:[A-Z\d]{1,2}[.)]\s*)?ROLL\s+CALL\s*[:\-–]?\s+(?P<list>[A-Z][^.]{3,200})$", re.I)
_ROLL_CALL_ALONE = re.compile(r"^\W*(?:[A-Z\d]{1,2}[.)]\s*)?ROLL\s+CALL\s*[:\-–]?\s*$", re.I)


def _roll_call(lines, texts: list[str], doc_id: str) -> list[Member]:
    """The members the roll call item names, read as minutes read a list of those present: the
    office each holds (a role), or the title a plural title before them gives them and the names
    after it."""
    from scrutiny.extractor.minutes import attendance

    for k, t in enumerate(texts[:80]):
        m = _ROLL_CALL_LINE.match(t)
        if not m and _ROLL_CALL_ALONE.match(t):  # "2. ROLL CALL" over the members, a name a line (bulleted or lettered)
            below: list[Member] = []
            for j in range(k + 1, min(k + 16, len(texts))):
                label = outline_label(texts[j])
                if not _BULLET.match(texts[j]) and not (label and label[1] == "letter"):
                    break
                entry = _BULLET.sub("", label[3] if label else texts[j]).strip()
                found = _name_office(entry)  # "Norm Zezula, Mayor Pro Tempore"
                if found:
                    chair = names.office_of(found[1]) in _CHAIR_OFFICES
                    below.append(Member(name=found[0], title=None if chair else found[1], role=found[1] if chair else None,
                                        provenance=_prov([lines[j]], doc_id)))
                elif _PERSON_LINE.fullmatch(entry):
                    below.append(Member(name=entry, title=None, role=None, provenance=_prov([lines[j]], doc_id)))
                else:
                    break
            if len(below) >= 3:
                return below
            continue
        if not m:
            continue
        listed = attendance.parse_list(m.group("list"), "present", [])
        if len(listed) < 3 or len(listed) != len(split_names(m.group("list"))):
            return []  # not a list of names
        return [Member(name=p.name, title=p.title, role=p.role, provenance=_prov([lines[k]], doc_id)) for p in listed]
    return []


# A person's name as a roster prints it: two to four capitalised words ("Margarita L. Rios")
_PERSON_LINE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+")


# Offices a member holds on the body itself (a role), as against the title every member has
_CHAIR_OFFICES = frozenset({"Mayor", "Chair", "President"})


def _roster(lines, doc_id: str) -> list[Member]:
    """A members block printed as a run of 'Name, Office' lines in the sheet's head ('Cindy Segawa,
    Mayor' / 'James Gazeley, Council Member'): three or more such lines in a row, each a person's name
    and an office a member is addressed by. A chair-like office is the member's role, any other their title."""
    run: list[tuple[str, str, tuple]] = []
    best: list[tuple[str, str, tuple]] = []
    for pair in lines:
        if not re.search(r"\w", pair[1].text):
            continue  # a comma the page draws on a line of its own, below the name it follows
        found = _roster_line(pair[1].first_cell() or "") or _roster_line(pair[1].text)
        box = pair[1].box
        if not found and run and box and run[-1][2][1].box and box[0] > run[-1][2][1].box[0] + 200:
            continue  # a line of the letterhead's other column (the address beside the names)
        run = [*run, (*found, pair)] if found else []
        if len(run) > len(best):
            best = run
    if len(best) < 3:
        return []
    prov = _prov([pair for *_, pair in best], doc_id)
    members = []
    for name, office, _ in best:
        chair = names.office_of(office) in _CHAIR_OFFICES
        members.append(Member(name=name, title=None if chair else office, role=office if chair else None, provenance=prov))
    return members


def _offices_over_names(lines, texts: list[str], doc_id: str) -> list[Member]:
    """A members block printed as offices over the names holding them ("Mayor" / "Ray Jackson" /
    "Mayor Pro Tem" / "Justin Massey" / "Councilmembers" / "Dean Francois" / "Rob Saemann"): an
    office alone on its line, then the lines that are a name each; three members at least. A
    chair-like office is the member's role, any other (a plural made singular) their title."""
    best: list[Member] = []
    run: list[Member] = []
    office: Optional[str] = None
    for k, t in enumerate(texts):
        t = t.strip(" ,")
        if names.office_of(t):
            office = t
            continue
        line = lines[k][1]
        if (office and _PERSON_LINE.fullmatch(t) and len(t.split()) <= 3 and len(line.segments) <= 1
                and not any(w.lower() in names.ROLE_WORDS for w in t.split())):
            chair = names.office_of(office) in _CHAIR_OFFICES
            one = office[:-1] if office.endswith("s") and names.office_of(office[:-1]) else office  # "Councilmembers"
            run.append(Member(name=t, title=None if chair else one, role=office if chair else None,
                              provenance=_prov([lines[k]], doc_id)))
            best = run if len(run) > len(best) else best
            continue
        if t:
            run, office = [], None
    return best if len(best) >= 3 else []


def _roster_line(text: str) -> Optional[tuple[str, str]]:
    found = _name_office(clean(text) or "")
    if found is None and re.search(r"\S\s{2,}\S", text):
        found = _name_office(clean(re.split(r"\s{2,}", text.strip())[-1]) or "")  # a stamp set over the row before the name
    return found


def _name_office(text: str) -> Optional[tuple[str, str]]:
    name, _, office = text.partition(",")
    name, office = name.strip(), office.strip(" .")
    if not office:  # "Rick Ramirez Chair": the comma drawn apart from the line
        words = name.split()
        for cut in (1, 2):
            if len(words) > cut + 1 and names.office_of(" ".join(words[-cut:])) and _PERSON_LINE.fullmatch(" ".join(words[:-cut])):
                return " ".join(words[:-cut]), " ".join(words[-cut:])
        return None
    if not office or not _PERSON_LINE.fullmatch(name):
        return None
    return (name, office) if names.office_of(office) else None


def _singular(title: str) -> str:
    t = title.strip().rstrip(".")
    low = t.lower()
    if low.startswith("cllr") or low.startswith("councillor"):
        return "Councillor"
    return t[:1].upper() + t[1:].lower()


def _name_paren(raw: str) -> tuple[str, Optional[str]]:
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", raw)
    if not m:
        return raw.strip(), None
    return (m.group(1) + " " + m.group(3)).strip(), m.group(2).strip() or None


def _cooptees(lines, texts: list[str], doc_id: str) -> list[CoOptee]:
    value, used = _list_after(_COOPTEES, lines, texts)
    if not value:
        return []
    prov = _prov(used, doc_id)
    out = []
    for raw in split_names(value):
        raw = re.sub(r"\s+plus\s+\d+\s+vacanc(?:y|ies)\b.*$", "", raw, flags=re.I)
        if re.fullmatch(r"(?:\d+\s+)?vacanc(?:y|ies)", raw, re.I) or not raw:
            continue
        name, paren = _name_paren(raw)
        out.append(CoOptee(name=name, representing=paren, provenance=prov))
    return out


# --------------------------------------------------------------------------- items


def item_spans(lines, texts: list[str]) -> list[tuple[int, int]]:
    """(first, end) line indexes of each numbered item's text. Where the agenda sets item text in
    from the item numbers (a hanging indent), a line back at the numbers' edge ends the item's
    text (a table, a closing note, a signature); the last item also ends at the closing block."""
    starts = item_starts(lines, texts)
    if not starts:
        return []
    tail = _closing_block(texts, starts[-1][0])
    ends = [nxt for nxt, _ in starts[1:]] + [tail]
    hanging = _hanging_indent(lines, starts, ends)
    spans = []
    for (i, label), end in zip(starts, ends):
        x = _x(lines[i][1])
        if hanging and x is not None and not texts[i].rstrip().endswith(":"):  # (a colon introduces a list at the items' edge)
            # (nor does a page number, or a sub-item carrying the item's own label: "C-2" under "C.", "4.A" under "4.")
            end = next((j for j in range(i + 1, end) if (_x(lines[j][1]) or x + 99) <= x + 3 and not is_furniture(texts[j])
                        and not (label and (k := _sub_label(texts[j], label)) and k[1] in ("dotted", "hyphened"))), end)
        spans.append((i, end))
    return spans


def _x(line: Line) -> Optional[float]:
    return line.box[0] if line.box else None


def _hanging_indent(lines, starts, ends) -> bool:
    """The line after most items' numbers sits to the right of the number."""
    seen = right = 0
    for (i, _), end in zip(starts, ends):
        x = _x(lines[i][1])
        xj = _x(lines[i + 1][1]) if i + 1 < end else None
        if x is None or xj is None:
            continue
        seen += 1
        right += xj > x + 6
    return seen >= 3 and right >= 0.6 * seen


def item_starts(lines, texts: list[str]) -> list[tuple[int, str]]:
    """Lines opening numbered items: the longest run of title-like numbered lines whose numbers
    go up by one from any start (1, 2, 3 ... or 805, 806 ...), a number printed twice kept, and
    (where the page model has boxes) the numbers set at one left edge. Paragraph numbers, dates
    and counts in the items' text do not continue the run. An outline numbered in Roman numerals
    or capital letters (I, II, III / A, B, C) whose run starts before the numbered one and holds
    it is the agenda's top level; the numbers are then its sub-items."""
    numbered = [(i, int(m.group(1))) for i, t in enumerate(texts) if (m := _ITEM.match(t)) and _looks_like_title(m.group(2))]
    best = _best_chain(lines, numbered, any_start=True)
    # numbering that starts again under each section heading ("CONSENT CALENDAR: 1. ... 4.",
    # "PUBLIC HEARINGS: 1. ..."): kept when it reads more of the agenda than one unbroken run
    sectioned = _best_chain(lines, numbered, any_start=True, restart=lambda a, b: _section_heading_between(lines, texts, a, b))
    if len(sectioned) > len(best):
        best = sectioned
    top = [(i, str(n)) for i, n, _ in best]
    for scheme in ("roman", "letter"):
        found = [(i, v) for i, t in enumerate(texts) if (lv := outline_label(t)) and _looks_like_title(lv[3])
                 and (v := _value(lv[0], scheme)) is not None and not _wrapped_label(texts, i, lv[3])]
        chain = _best_chain(lines, found, any_start=False)
        if len(chain) >= 3 and (not top or (chain[0][0] < top[0][0] and chain[-1][0] >= top[0][0])
                                or len(chain) > len(top)):
            top = [(i, outline_label(texts[i])[0]) for i, _, _ in chain]  # type: ignore[index]
            break
    return top or [(i, "") for i in unnumbered_starts(lines, texts)]


def _wrapped_label(texts: list[str], i: int, rest: str) -> bool:
    """A label that is a sentence wrapping on to the line: the line before runs on unstopped and is
    long, and the words after the label are prose in sentence case ("... the Library located at
    15920" / "E. Central during normal business hours. In addition, ..."), never a heading."""
    before = texts[i - 1].strip() if i else ""
    words = rest.split()
    return (len(before.split()) >= 10 and not before.endswith((".", ":", ";", "?", "!")) and len(words) >= 8
            and sum(1 for w in words if w[:1].isupper()) < 0.5 * len(words))


_RULE_LINE = re.compile(r"^\s*([*_=~\-–—.])\1{9,}\s*$")


def unnumbered_starts(lines, texts: list[str]) -> list[int]:
    """Lines opening the items of an agenda that prints its business without numbers: after a
    dated heading (a date line among the first eight, or a rule of stars or dashes under it), each
    short line at the left edge most of the business shares, apart from the line above it by more
    than the business's own line spacing or after a line that breaks off mid-phrase. Four such
    lines at least, none a sentence of prose; else none."""
    head = next((i for i, t in enumerate(texts[:8]) if _DATE_LINE.search(t) and parse_date(t)), None)
    if head is None:
        return []
    start = head + 1
    while start < len(texts) and start <= head + 4 and (_TIME_LINE.match(texts[start]) or _RULE_LINE.match(texts[start])
                                                        or _place_line(texts[start]) or len(texts[start].split()) <= 4):
        start += 1
    body = [(i, lines[i][1]) for i in range(start, len(texts)) if lines[i][1].box]
    if len(body) < 4:
        return []
    lefts: dict[int, int] = {}
    for _, ln in body:
        lefts[round(ln.box[0] / 4)] = lefts.get(round(ln.box[0] / 4), 0) + 1
    edge = max(lefts, key=lambda k: (lefts[k], -k)) * 4.0
    run = [(i, ln) for i, ln in body if abs(ln.box[0] - edge) <= 4]
    if len(run) < 4 or any(len(texts[i].split()) > 16 or re.search(r"[a-z]\.$", texts[i]) for i, _ in run):
        return []
    same_page = [(j, a, i, b) for (j, a), (i, b) in zip(run, run[1:]) if lines[i][0] is lines[j][0] and b.box[1] > a.box[1]]
    if not same_page:
        return []
    tight = min(b.box[1] - a.box[1] for _, a, _, b in same_page)
    starts = [run[0][0]]
    for (j, a), (i, b) in zip(run, run[1:]):
        wrapped = (lines[i][0] is lines[j][0] and 0 < b.box[1] - a.box[1] <= tight * 1.3
                   and OPEN_END.search(texts[j].strip()))
        if i != j + 1 or not wrapped:
            starts.append(i)
    return starts if len(starts) >= 4 else []


def _section_heading_between(lines, texts: list[str], a: int, b: int) -> bool:
    """Whether a section heading stands between lines ``a`` and ``b``: a short line in capitals
    or bold, not numbered, at or to the left of line ``b``'s edge ("PUBLIC HEARINGS:",
    "REGULAR BUSINESS AT 6:30 P.M.")."""
    xb = _x(lines[b][1])
    for j in range(a + 1, b):
        t, ln = texts[j].strip(), lines[j][1]
        if not t or is_furniture(t) or _ITEM.match(t) or outline_label(t) or _RULE_LINE.match(t) or len(t.split()) > 8:
            continue
        if (ln.bold or (re.search(r"[A-Z]{3}", t) and not re.search(r"[a-z]", t))) and not re.search(r"[;,]$|[a-z]\.$", t.rstrip(":")) \
                and (xb is None or _x(ln) is None or _x(ln) <= xb + 4):
            return True
    return False


def _best_chain(lines, found: list[tuple[int, int]], *, any_start: bool, restart=None) -> list[tuple[int, int, tuple]]:
    """The longest run of labels going up by one at one left edge; ``any_start`` lets a run open
    at any number (805, 806 ...), else it opens at 1 (I, A). With ``restart``, a label 1 after a
    line pair it accepts (a section heading between) carries on a run that opened at 1, at its
    own edge."""
    cands = [(i, n, _edges(lines[i][1])) for i, n in found]
    best: list[tuple[int, int, tuple]] = []
    for k, (i, n, edges) in enumerate(cands):
        if any(c[0] == i for c in best) or (not any_start and n != 1):
            continue  # a run from inside the best run is never longer
        chain = [(i, n, edges)]
        for c in cands[k + 1 :]:
            last = chain[-1]
            if restart and c[1] == 1 and chain[0][1] == 1 and last[1] >= 1 and restart(last[0], c[0]):
                chain.append(c)
                continue
            if not _aligned(last[2], c[2]):
                continue
            if c[1] == last[1] + 1 or (c[1] == last[1] and _slip(chain, c, cands, lines)):
                chain.append(c)
        if len(chain) > len(best) and (len(chain) >= 2 or n in (0, 1)):
            best = chain
    return best


_OUTLINE = re.compile(r"^\W{0,3}\(?(?:(?P<roman>[IVXL]{1,6}|[ivxl]{1,6})|(?P<letter>[A-Za-z])|(?P<number>\d{1,3}))[.)]\s+(?P<rest>\S.*)$")


def _value(label: str, scheme: str) -> Optional[int]:
    """A capital label's place in a Roman (I, II ...) or lettered (A, B ...) series."""
    if not label.isupper():
        return None
    if scheme == "roman":
        return roman_value(label)
    return ord(label) - ord("A") + 1 if len(label) == 1 and label.isalpha() else None


def outline_label(text: str) -> Optional[tuple[str, str, int, str]]:
    """(label, scheme, value, rest) of a line opening with an outline label followed by a dot or a
    bracket: 'V. COMMITTEE REPORTS' -> ('V', 'roman', 5, ...), 'C. MANAGEMENT' -> ('C', 'letter', 3,
    ...), '1. Approval ...' -> ('1', 'number', 1, ...). A lone I, V, X or L is read as a Roman
    numeral; the caller tells it from a letter by the run it belongs to."""
    m = _OUTLINE.match(text)
    if not m:
        return None
    if m.group("number"):
        return m.group("number"), "number", int(m.group("number")), m.group("rest")
    if m.group("roman") and (value := roman_value(m.group("roman"))):
        return m.group("roman"), "roman", value, m.group("rest")
    letter = m.group("letter") or (m.group("roman") if len(m.group("roman") or "") == 1 else None)
    if letter:
        return letter, "letter", ord(letter.lower()) - ord("a") + 1, m.group("rest")
    return None


def _edges(line: Line) -> tuple[Optional[float], Optional[float]]:
    """Left edge of a numbered line and of its title (the run after a number drawn on its own)."""
    if not line.box:
        return None, None
    segs = line.segments
    title = segs[1].box[0] if len(segs) > 1 and re.fullmatch(r"\W{0,3}\d{1,4}[.)]?", segs[0].text.strip()) else None
    return line.box[0], title


def _aligned(a: tuple, b: tuple) -> bool:
    """Numbers at one left edge (8 pt, for right-aligned numbers of more digits), or their titles
    at one edge; lines without boxes always align."""
    if a[0] is None or b[0] is None:
        return True
    return abs(a[0] - b[0]) <= 8.5 or (a[1] is not None and b[1] is not None and abs(a[1] - b[1]) <= 4)


def _slip(chain, cand, cands, lines) -> bool:
    """A number printed twice by mistake: the repeat comes straight after the item it repeats
    (at most one line between) on a page with boxes, and the next number follows it."""
    last = chain[-1]
    if last[2][0] is None or cand[0] - last[0] > 2:
        return False
    return any(c[1] == cand[1] + 1 and c[0] > cand[0] and _aligned(cand[2], c[2]) for c in cands)


def _items_of(pairs, texts: list[str], doc_id: str) -> list[AgendaItem]:
    """An item and the sub-items it introduces, numbered under it at every depth: lettered (a, b,
    c / A, B, C), Roman (i, ii / I, II), numbered (1, 2) or dotted (7.1, 7.2) lists set in from
    their parent: '7(a)', '7.1', 'V(C)(1)'."""
    top = _ITEM.match(texts[0])
    if not top and not outline_label(texts[0]):  # business printed without numbers ("Welcome and Roll Call – Phil Whittington")
        return [_item(pairs, texts, None, doc_id, lead=texts[0], presenter=True)]
    if top:
        number, scheme, lead = str(int(top.group(1))), "number", None
    else:
        label = outline_label(texts[0])
        number, scheme, lead = label[0], label[1], label[3]  # type: ignore[index]
    return _outline(pairs, texts, number, {scheme}, doc_id, lead)


def _outline(pairs, texts: list[str], number: str, above: set[str], doc_id: str,
             lead: Optional[str]) -> list[AgendaItem]:
    x = _x(pairs[0][1])
    # an item whose title ends in a colon introduces its list ("10. Approval of Resolutions/Motions:"),
    # which may then stand at the item's own edge, its lines' text hanging indented
    introduces = texts[0].rstrip().endswith(":")
    subs: list[tuple[int, str, str]] = []  # (line, label, scheme) of the first list set in from this item
    for j in range(1, len(texts)):
        xj = _x(pairs[j][1])
        found = _sub_label(texts[j], number)
        # small letters ("a)") are never the items' own series: a sub-list even at the items' edge
        # nor is a label carrying the item's own number ("4.A", "A-1" under "4.", "A.")
        own_edge = introduces or bool(found and (found[1] == "letter" and found[0].islower() or found[1] in ("dotted", "hyphened")))
        if x is not None and xj is not None and xj <= x + 4 and not own_edge:
            continue
        if found is None or found[1] in above:
            continue
        label, scheme = found
        if not subs and _clauses_of_prose(texts[1:j]):
            break  # "It is recommended that the City Council: A. Appoint ...; B. ...": the sentence's clauses
        if subs and scheme != subs[0][2] and not (scheme == "roman" and subs[0][2] == "letter"):
            continue  # a deeper list: read under its own parent
        expected = _next_label(subs[-1][1] if subs else None, label)
        # under a heading of its own ("BOARD ORDERS, RULES, FEES OR REGULATIONS:") the list starts again
        again = subs and label == _next_label(None, label) and any(_GROUP_HEAD.match(t) for t in texts[subs[-1][0] + 1: j])
        if scheme == "coded" or label == expected or again:  # coded numbers run on through the agenda
            subs.append((j, label, "letter" if subs and subs[0][2] == "letter" else scheme))
    if len(subs) >= 2 and all(_name_office(_sub_text(texts[j], number)) for j, _, _ in subs):
        subs = []  # a roll call lettered like sub-items ("A. Norm Zezula, Mayor Pro Tempore"): the roster, not business
    out = [_item(pairs[: subs[0][0]] if subs else pairs, texts[: subs[0][0]] if subs else texts, number, doc_id, lead=lead)]
    for k, (j, label, scheme) in enumerate(subs):
        end = subs[k + 1][0] if k + 1 < len(subs) else len(texts)
        sub = (label if scheme == "coded" else f"{number}.{label}" if scheme == "dotted"
               else f"{number}-{label}" if scheme == "hyphened" else f"{number}({label})")
        out.extend(_outline(pairs[j:end], texts[j:end], sub, above | {scheme}, doc_id, _sub_text(texts[j], number)))
    return out


def _clauses_of_prose(between: list[str]) -> bool:
    """Whether a list opening after these lines continues a sentence of the item's body: the text
    between the item's title and the first label is prose (words in small letters) ending in a
    colon, so the labels are that sentence's clauses rather than sub-items of their own."""
    text = " ".join(t.strip() for t in between if not is_furniture(t)).strip()
    return text.endswith(":") and len(re.findall(r"\b[a-z]{3,}\b", text)) >= 3


_GROUP_HEAD = re.compile(r"^[^a-z]{4,80}:$")  # a heading in capitals over a group of sub-items


def _sub_label(text: str, number: str) -> Optional[tuple[str, str]]:
    """(label, scheme) of a sub-item line: '7.2 ...' under item 7 (dotted), '(1) ...' (bracketed
    numbers, a series apart from the items' own '12.'), or an outline label."""
    m = re.match(rf"^\W{{0,2}}{re.escape(number)}\.(\d{{1,2}}|[A-Z])\.?\s+\S", text)
    if m:
        return m.group(1), "dotted"  # "7.2", "4.A"
    m = re.match(rf"^\W{{0,2}}{re.escape(number)}-(\d{{1,2}}|[A-Z])\.?\s+\S", text)
    if m:
        return m.group(1), "hyphened"  # "A-1" under "A."
    coded = _CODED.match(text)
    if coded:
        return coded.group("code"), "coded"
    bracketed = re.match(r"^\s*\((\d{1,2})\)\s+\S", text)
    if bracketed:
        return bracketed.group(1), "bracketed"
    label = outline_label(text)
    return (label[0], label[1]) if label else None


# An item number carrying the meeting's date, printed as the item's own number ("11/09/22-2. Consideration of ...").
_CODED = re.compile(r"^\W{0,2}(?P<code>\d{1,2}/\d{1,2}/\d{2,4}-\d{1,3}\.?)\s+(?P<rest>\S.*)$")


def _sub_text(text: str, number: str) -> str:
    m = re.match(rf"^\W{{0,2}}{re.escape(number)}[.\-](?:\d{{1,2}}|[A-Z])\.?\s+(\S.*)$", text)
    if m:
        return m.group(1)
    if coded := _CODED.match(text):
        return coded.group("rest")
    label = outline_label(text)
    return label[3] if label else text


def _next_label(previous: Optional[str], label: str) -> Optional[str]:
    """The label that may come next: 'a', 'A', 'i', 'I' or '1' to open a list, else the successor
    of the previous label in its own series (an 'i' after 'h' is a letter, after 'i' a numeral)."""
    if previous is None:
        return label if label in ("a", "A", "i", "I", "1") else None
    if previous.isdigit():
        return str(int(previous) + 1)
    roman = roman_value(previous)
    if roman and roman_value(label) and (previous.lower() != "i" or label.lower() == "ii"):
        nxt = to_roman(roman + 1)
        return nxt.upper() if previous.isupper() else nxt
    return chr(ord(previous) + 1) if len(previous) == 1 and previous.lower() < "z" else None


def _looks_like_title(text: str) -> bool:
    """Text that may be an item's title: it opens with a capital or a figure, and is not a run of
    figures (the rest of a phone number, "1 669 900 9128 or +1 ...")."""
    return bool(re.match(r"^[A-Z0-9]", text)) and not re.match(r"^[\d\s().+\-]{3,}(?:\bor\b|$)|^\d+\s+\d", text)


def _closing_block(texts: list[str], last_start: int) -> int:
    """Index where the signature / contact block after the last item begins."""
    for i in range(last_start + 1, len(texts)):
        t = texts[i]
        if _PHONE.search(t) or _EMAIL_LABEL.match(t) or (
            _DATE_LINE.search(t) and len(t.split()) <= 6 and parse_date(t) and i > last_start + 1
        ):
            j = i
            while j > last_start + 1 and _is_name_block_line(texts[j - 1]):
                j -= 1
            return j
    return len(texts)


def _is_name_block_line(text: str) -> bool:
    return len(text.split()) <= 10 and not re.search(r"[.;:!?]$", text) and not PAGES_REF.search(text)


def _item(pairs, texts: list[str], number: Optional[str], doc_id: str, lead: Optional[str] = None,
          presenter: bool = False) -> AgendaItem:
    first = lead if lead is not None else _ITEM.match(texts[0]).group(2)  # type: ignore[union-attr]
    first = _TIME_SLOT.sub("", first)
    title_lines = [first]
    k = 1
    joined = first
    ref = PAGES_REF.search(joined)
    while not ref and k < len(texts) and k < 4:  # a page reference closes a wrapped title
        candidate = joined + " " + texts[k]
        if PAGES_REF.search(candidate) or _continues_title(title_lines[-1], texts[k]):
            joined = candidate
            title_lines.append(texts[k])
            k += 1
            ref = PAGES_REF.search(joined)
        else:
            break
    pages = None
    title = joined
    summary_lines = texts[k:]
    if ref:
        first_page, last_page, single = ref.groups()
        pages = [int(first_page), int(last_page)] if first_page else [int(single), int(single)]
        title = (joined[: ref.start()] + " " + joined[ref.end():]).strip()
    title = re.sub(r"\s+", " ", title).strip(" -–")
    if presenter:
        title = without_presenter(title)
    title, said = split_title(title)
    cut = next((j for j, t in enumerate(summary_lines) if _SECTION_CAPS.match(t)), len(summary_lines))
    summary = " ".join([*([said] if said else []), *(_BULLET.sub("", t) for t in summary_lines[:cut])]).strip() or None
    words = " ".join(summary.split()[:8]) if summary else None
    return AgendaItem(
        number=number,
        title=title,
        pages=pages,
        summary=summary,
        summary_first_words=words,
        provenance=_prov(pairs[: max(k, 1)], doc_id),
    )


_TIME_SLOT = re.compile(
    r"^\s*(?:\d{1,2}[.:]\d{2}|\d{1,2}\s*[ap]m)\s*(?:[ap]m\s*)?(?:(?:-|–|to)\s*(?:\d{1,2}[.:]\d{2}|\d{1,2}\s*[ap]m)\s*(?:[ap]m)?\s+)?(?=\S)",
    re.I,
)
_BULLET = re.compile(r"^\s*[\uf0b7\uf0a7\uf076\uf0d8•·▪●◦]\s*|(?<=\s)[\uf0b7\uf0a7•▪●◦]\s*")


# Who presents an item, after its title's last dash: names, posts or a group in capitals, joined by
# "/", "-", "," or "and" ("– Alyssa Williams/James Pagano", "- Director Jeffreys", "– Board Members").
_PRESENTER = re.compile(
    r"^(?P<title>.*\S)(?:\s+[-–—]\s*|\s*[-–—]\s+)(?P<who>[A-Z][\w.'’]*(?:(?:\s+|\s*[/,&]\s*|-)(?:and\s+)?[A-Z][\w.'’]*){1,8})$")


def without_presenter(title: str) -> str:
    """An unnumbered agenda line's title without the presenter named after its last dash."""
    m = _PRESENTER.match(title)
    return m.group("title").strip() if m and len(m.group("title").split()) >= 2 else title


def split_title(title: str) -> tuple[str, Optional[str]]:
    """A heading followed on its line by what the item is for: 'Village Upkeep - to receive
    update' (a dash, then a lower-case start) or 'To receive apologies: Alan Smith (the meeting
    ...)' (a colon, then a sentence) -> (heading, the rest). A dash inside a heading
    ('Home to School Transport - Presentation') stays."""
    m = re.match(r"^(?P<head>\S.*?\S)\s*(?:\s[-–—]|[-–—]\s)\s*(?P<rest>[a-z].*)$", title)
    if m and len(m.group("head").split()) <= 12:
        return m.group("head"), m.group("rest")
    m = re.match(r"^(?P<head>[^:]{3,}?):\s+(?P<rest>\S.*)$", title)
    if m and len(m.group("rest").split()) >= 4 and len(m.group("head").split()) >= 2:
        return m.group("head"), m.group("rest")
    return title.rstrip(":").strip(), None


def _continues_title(previous: str, nxt: str) -> bool:
    """A wrapped title: an upper-case title continued in upper case, a line ending in a dash, a
    connective or a possessive ("Director’s"), or a next line starting in lower case."""
    if _ITEM.match(nxt) or _SECTION_CAPS.match(nxt):
        return False
    if previous.upper() == previous and nxt.upper() == nxt and re.search(r"[A-Z]", nxt):
        return True
    if OPEN_END.search(previous.strip()):
        return True
    return nxt[:1].islower()
