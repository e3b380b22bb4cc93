"""Agenda front sheet: the meeting (body, date, time, venue, clerk, date of issue), members with
roles, co-optees and the numbered agenda items with titles, summaries and cited page ranges."""

from __future__ import annotations

import re
from typing import Optional

from extractor.context import Context, provenance
from extractor.pages import Line, Page
from extractor.segment import AGENDA_HEAD, PAGES_REF
from extractor.textutil import clean, parse_date, parse_time
from models.records import AgendaItem, CoOptee, Contact, Extraction, Meeting, Member

EXTRACTOR = "agenda"
_ITEM = re.compile(r"^\W{0,3}(\d{1,2})[.)]?\s+(\S.*)$")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE_LINE = re.compile(rf"\b{_WEEKDAY}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+[a-z]{{3,9}},?\s+\d{{4}}\b", re.I)
_MEMBERS = re.compile(r"^\W*(?:members(?:hip)?|councillors)\s*:\s*(.*)$", re.I)
_COOPTEES = re.compile(r"^\W*co-?opt(?:ed\s+members|ees?)\s*:\s*(.*)$", re.I)
_TITLES = r"(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|dr|prof(?:essor)?|sir|dame|rev(?:erend)?)"
_TITLE_WORD = re.compile(rf"^{_TITLES}\b\.?\s*", re.I)
_PHONE = re.compile(r"(?:tel(?:ephone)?|phone)\s*[:.]?\s*(?:tel\s*:?\s*)?(\+?[\d][\d\s\-()]{6,}\d)", re.I)
_EMAIL_LABEL = re.compile(r"\be-?mail\s*:?", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LABEL_SPLIT = re.compile(r"\s+(?=(?:ask for|telephone|tel|e-?mail|fax|contact)\s*:)", re.I)
_SECTION_CAPS = re.compile(r"^[A-Z][A-Z &/\-]+(?:ITEMS?|BUSINESS)\b.*$")


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
    lines = [(p, ln) for p in pages for ln in p.lines if clean(ln.text) and not _footer(p, ln)]
    if not lines:
        return
    texts = [clean(ln.text) or "" for _, ln in lines]
    out.meeting = _meeting(ctx, lines, texts, doc.id)
    out.members = _members(lines, texts, doc.id)
    out.co_optees = _cooptees(lines, texts, doc.id)
    out.agenda_items = _items(lines, texts, doc.id)


def _footer(page: Page, line: Line) -> bool:
    return page.printed_number is not None and re.fullmatch(r"\W*(?:page\s+)?\d+\W*", line.text.strip(), re.I) is not None


def _prov(pairs, doc_id):
    page = pairs[0][0]
    return provenance(page, [ln for p, ln in pairs if p is page], extractor=EXTRACTOR, document=doc_id)


# --------------------------------------------------------------------------- meeting


def _meeting(ctx: Context, lines, texts: list[str], doc_id: str) -> Meeting:
    summons = _summons(texts)
    date_at = next((i for i, t in enumerate(texts[:15]) if _DATE_LINE.search(t) and parse_date(t)), None)
    body = _body(texts[: date_at if date_at is not None else 3])
    date = time = venue = None
    if summons:
        body, venue, date, time = summons
    elif date_at is not None:
        left = _left_column(lines[date_at][1])
        date, time = parse_date(left), parse_time(left)
        venue = _venue(left, lines, texts, date_at)
    items_at = next((i for i, t in enumerate(texts) if _ITEM.match(t)), len(texts))
    published = None
    standalone = [t for t in texts if _DATE_LINE.search(t) and len(t.split()) <= 6 and parse_date(t)]
    for t in [*reversed([t for t in texts[items_at:] if t in standalone]), *standalone]:
        if parse_date(t) != date:
            published = parse_date(t)
            break
    return Meeting(
        body=body,
        date=date,
        time=time,
        venue=venue,
        clerk=_clerk(lines, texts),
        published=published,
        provenance=_prov(lines[: (date_at or 0) + 1], doc_id),
    )


_SUMMONS = re.compile(
    r"\bmeeting of (?:the )?(?P<body>[A-Z][\w &'’-]+?) will be held (?:in|at) (?:the )?(?P<venue>.+?),? on "
    r"(?P<when>.+?\d{4}),? at (?P<time>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?)",
    re.I,
)


def _summons(texts: list[str]):
    """'A meeting of the County Council will be held in the Council Chamber, County Hall,
    Maidstone on Thursday, 13th February, 2025 at 9.30 am' -> body, venue, date, time."""
    m = _SUMMONS.search(" ".join(texts[:40]))
    if not m:
        return None
    return m.group("body").strip(), m.group("venue").strip(" ,"), parse_date(m.group("when")), parse_time(m.group("time"))


def _body(head: list[str]) -> Optional[str]:
    for t in head:
        if AGENDA_HEAD.match(t) or re.match(r"^\W*(?:notice of|to:|meeting on|agenda for)\b", t, re.I):
            continue
        return _tidy_caps(t)
    return None


def _tidy_caps(text: str) -> str:
    """Title-case an all-capitals phrase, keeping postcodes and short acronyms with digits."""
    if text.upper() != text:
        return text
    words = []
    for w in text.split(" "):
        words.append(w if re.search(r"\d", w) else w.capitalize() if len(w) > 2 or not w.isalpha() else w.lower())
    out = " ".join(words)
    return out[0].upper() + out[1:] if out else out


def _left_column(line: Line) -> str:
    """The text of a line up to a right-hand 'Ask for: / Telephone:' column."""
    text = clean(line.text) or ""
    return _LABEL_SPLIT.split(text)[0]


def _venue(left: str, lines, texts: list[str], at: int) -> Optional[str]:
    m = re.search(r"\d{1,2}(?:[:.]\d{2})?\s*(?:hrs\b|hours\b|[ap]\.?m\.?(?!\w))?\s*(?:[-–,]\s*)?(.*)$", left[_time_at(left):], re.I)
    rest = m.group(1).strip(" -–,.") if m else ""
    parts = [rest] if rest else []
    for pair, t in zip(lines[at + 1 : at + 5], texts[at + 1 : at + 5]):
        part = _left_column(pair[1]).strip(" ,.")
        if part.startswith("(") or (parts == [] and part.endswith(")")):
            continue  # "(or on the rising of Full Council, / whichever is the later)"
        if not part or _ITEM.match(t) or AGENDA_HEAD.match(t) or _SECTION_CAPS.match(t):
            break
        if re.match(r"^\W*(?:members|membership|co-?opt)", part, re.I):
            break
        if "@" in part or part.startswith(".") or (rest and part.upper() != part):
            break
        parts.append(part)
    glue = " " if rest else ", "
    return _tidy_caps(glue.join(parts)) if parts else None


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
    lower case or with a name followed by '(', ',' or 'and'."""
    if _ITEM.match(nxt) or AGENDA_HEAD.match(nxt) or _COOPTEES.match(nxt) or _MEMBERS.match(nxt):
        return False
    return (
        value.rstrip().endswith((",", "and", "("))
        or nxt[:1].islower()
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


def _members(lines, texts: list[str], doc_id: str) -> list[Member]:
    value, used = _list_after(_MEMBERS, lines, texts)
    if not value:
        return []
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


def _items(lines, texts: list[str], doc_id: str) -> list[AgendaItem]:
    starts = _item_starts(texts)
    tail = _closing_block(texts, starts[-1][0] if starts else len(texts))
    items = []
    for k, (i, number) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else tail
        items.append(_item(lines[i:end], texts[i:end], number, doc_id))
    return items


def _item_starts(texts: list[str]) -> list[tuple[int, str]]:
    """Lines opening numbered items, numbered 1, 2, 3 ... in sequence (so paragraph numbers and
    dates in summaries are not mistaken for items)."""
    starts: list[tuple[int, str]] = []
    expected = None
    for i, t in enumerate(texts):
        m = _ITEM.match(t)
        if not m or re.match(r"^\d{1,2}[.:]\d", t):
            continue
        n = int(m.group(1))
        if expected is None and n in (1, 2) or n == expected:
            if expected is None and not _looks_like_title(m.group(2)):
                continue
            starts.append((i, str(n)))
            expected = n + 1
    return starts


def _looks_like_title(text: str) -> bool:
    return bool(re.match(r"^[A-Z0-9]", text))


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


def _item(pairs, texts: list[str], number: str, doc_id: str) -> AgendaItem:
    first = _ITEM.match(texts[0]).group(2)  # type: ignore[union-attr]
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
    cut = next((j for j, t in enumerate(summary_lines) if _SECTION_CAPS.match(t)), len(summary_lines))
    summary = " ".join(summary_lines[:cut]) or None
    words = " ".join(summary.split()[:8]) if summary else None
    return AgendaItem(
        number=number,
        title=title,
        pages=pages,
        summary=summary,
        summary_first_words=words,
        provenance=_prov(pairs[: max(k, 1)], doc_id),
    )


def _continues_title(previous: str, nxt: str) -> bool:
    """A wrapped title: an upper-case title continued in upper case, a line ending in a dash or
    connective, or a next line starting in lower case."""
    if _ITEM.match(nxt) or _SECTION_CAPS.match(nxt):
        return False
    if previous.upper() == previous and nxt.upper() == nxt and re.search(r"[A-Z]", nxt):
        return True
    if re.search(r"(?:[-–,&]|\b(?:and|of|the|for|to|in|on))$", previous.strip()):
        return True
    return nxt[:1].islower()
