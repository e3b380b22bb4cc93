"""Report cover sheets: labelled fields ("Report Title:", "Report of", "Contact Officer:",
"From: / To: / Subject: / Decision No: / Classification:", ...) and the numbered recommendations.

Labels are read wherever they start a line or follow another field on the same line, so both a
one-field-per-line layout and a two-fields-per-line layout parse; a value runs on over following
lines until the next label, a numbered section or the end of the opening.
"""

from __future__ import annotations

import re
from typing import Optional

from scrutiny.extractor.context import Context, provenance
from scrutiny.extractor.pages import Line, Page
from scrutiny.extractor import names
from scrutiny.extractor.furniture import is_furniture, running_lines
from scrutiny.extractor.segment import COVER_LABELS, RECOMMENDATIONS_HEAD, _COVER_START, headed_report
from scrutiny.extractor.textutil import clean, normalise, parse_date
from scrutiny.models.records import Extraction, Meeting, Officer, Recommendation, Report

EXTRACTOR = "cover"
_ANY_LABEL = re.compile(
    r"(?:(?<=\s)|^)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in COVER_LABELS.items()) + r")\s*:",
    re.I,
)
_REPORT_OF = re.compile(r"^\W*report\s+(?:of|by)\s*:?\s*", re.I)
_SECTION = re.compile(r"^\W{0,3}(\d{1,2})\.?\s+([A-Z][^.]{2,90})$")
_NUMBERED = re.compile(r"^\W{0,3}(?:(\d{1,2}(?:\.\d{1,2})+)\.?|(\d{1,2})[.)]|\(?([a-z]|[ivx]{1,4})\))\s+(\S.*)$")
_HEADING_RECS = re.compile(r"^\W{0,3}(?:\d{1,2}\.?\s+)?recommendations?\s*(?:\(s\))?\s*:?\s*$", re.I)
_CONTACT_HEAD = re.compile(r"^\W{0,3}(?:\d{1,2}\.?\s+)?(?:contact details|contact officer|report author|background documents)\b", re.I)
_END_OF_SECTION = re.compile(
    r"^\W{0,3}(?:\d{1,2}\.?\s+)?(?:appendices|list of appendices|background (?:papers|documents)|contact details|"
    r"report author|relevant director)\b",
    re.I,
)
_SIGNED = re.compile(r"^\W*signed\b", re.I)
_TO_DATE = re.compile(r"^(.*?)\s*[-–—,:]\s*(\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4})\s*$")
_OTHER_LABEL = re.compile(r"^[A-Z][\w’'()/&-]*(?:\s+[\w’'()/&-]+){0,3}\s*:(?:\s+\S|\s*$)")
_ON_DATE = re.compile(r"^\W*(?:on|date\s*:?|meeting\s+date\s*:?)\s+(.*\d{4})\s*$", re.I)
_RUN_ON = ("title", "report_of", "contact_officer", "recommendations", "meeting")
_NAME_ROLE = re.compile(r"^([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*(?:,|\s[-–—]\s)\s*(.+)$")


def parse(ctx: Context, out: Extraction) -> None:
    for doc in out.documents:
        if doc.kind != "report":
            continue
        pages = ctx.source.pages[doc.pages[0] - 1 : doc.pages[1]]
        report = parse_report(pages, doc.id)
        if report is not None:
            out.reports.append(report)
    first = out.reports[0] if out.reports else None
    if out.meeting is None and first is not None and (first.meeting or first.meeting_date):
        # a file of reports: the meeting is the one its first report is for
        out.meeting = Meeting(body=first.meeting, date=first.meeting_date, provenance=first.provenance)


def _body_lines(pages: list[Page]) -> list[tuple[Page, Line, str]]:
    out = []
    for page in pages:
        for ln in page.lines:
            t = clean(ln.text)
            if not t or (page.printed_number is not None and re.fullmatch(r"\W*(?:page\s+)?\d+\W*", t, re.I)):
                continue
            out.append((page, ln, t))
    return out


def parse_report(pages: list[Page], doc_id: str) -> Optional[Report]:
    rows = _body_lines(pages)
    if not rows:
        return None
    texts = [t for _, _, t in rows]
    fields, used = _fields(texts[:60], [ln.box[0] if ln.box else None for _, ln, _ in rows[:60]])
    title = fields.get("title")
    signatory = None
    if not title:
        title, used = _headed_title(rows)
        if not title:
            return None
        signatory, signed_at = _signatory(rows)
        rows = rows[:signed_at] if signed_at is not None else rows  # the sign-off closes the report's text
    meeting, meeting_date = _meeting(texts, fields)
    recs = _recommendations(rows, fields, doc_id, running_lines(pages))
    first_page = rows[0][0]
    opening = [ln for p, ln, _ in rows[: max(used) + 1] if p is first_page] if used else []
    officers = _officers(fields.get("report_of_lines"))
    stamp = next((m for m in map(_ITEM_STAMP.match, texts[:8]) if m), None)
    return Report(
        title=title,
        document=doc_id,
        meeting=meeting,
        meeting_date=meeting_date,
        agenda_item=stamp.group(1) if stamp else None,
        report_of=officers[0] if officers else signatory,
        report_of_others=officers[1:],
        contact_officer=_officer(fields.get("contact_officer")) or _contact_details(texts),
        wards=fields.get("wards"),
        decision_type=fields.get("decision_type"),
        decision_no=fields.get("decision_no"),
        classification=fields.get("classification"),
        recommendations=recs,
        provenance=provenance(first_page, opening, extractor=EXTRACTOR, document=doc_id),
    )


def _headed_title(rows) -> tuple[Optional[str], list[int]]:
    """The title of a report laid out as headed sections: above its purpose heading, the lines set
    in the largest type (a PDF), or the line right above the heading (a text)."""
    first_page = rows[0][0]
    opening = [(k, ln, t) for k, (p, ln, t) in enumerate(rows[:30]) if p is first_page]
    at = headed_report([t for _, _, t in opening])
    if at is None:
        return None, []
    above = [(k, ln, t) for k, ln, t in opening[:at] if not _STAMP.match(t) and not parse_date(t)]
    if not above:
        return None, []
    sizes = [max((s.size or 0) for s in ln.segments) if ln.segments else 0 for _, ln, _ in above]
    if max(sizes) > 0:
        top = max(sizes)
        picked = [row for row, size in zip(above, sizes) if size >= top - 0.5]
        run = [picked[0]]
        for row in picked[1:]:  # the title's own lines, not a second line of that size further down
            if row[0] != run[-1][0] + 1:
                break
            run.append(row)
    else:
        run = [above[-1]]
    return clean(" ".join(t for _, _, t in run)), [k for k, _, _ in run]


_ITEM_STAMP = re.compile(r"^\W*agenda\s+item\s*(?:no\.?\s*)?:?\s*(\d{1,3}[a-z]?(?:\.\d{1,2})?)\W*$", re.I)
_STAMP = re.compile(r"^\W*(?:agenda\s+item|item\s+no|report\s+(?:to|of|by)|meeting\s*:|date\s*:|to\s*:|from\s*:)", re.I)
_SIGNATORY_ROLE = re.compile(r"^[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|for|the|&)){0,8}$")


def _signatory(rows) -> tuple[Optional[Officer], Optional[int]]:
    """The officer who signs a report off at its end: a name on a line of its own with the post on
    the next ('Jane Smith' / 'Director of Finance'), or 'Jane Smith, Director of Finance', after
    the recommendations."""
    texts = [t for _, _, t in rows]
    recs = next((i for i, t in enumerate(texts) if RECOMMENDATIONS_HEAD.match(t)), 0)
    for i in range(len(texts) - 1, recs, -1):
        t = texts[i]
        m = _NAME_ROLE.match(t)
        if m and names.parse(m.group(1)) is not None and _SIGNATORY_ROLE.match(m.group(2)) and names.is_role_text(m.group(2)) and not names.is_role_text(m.group(1)):
            return Officer(name=m.group(1).strip(), role=m.group(2).strip()), i
        if i + 1 < len(texts) and _looks_like_name(t) and names.parse(t) is not None and _SIGNATORY_ROLE.match(texts[i + 1]) \
                and names.is_role_text(texts[i + 1]) and not names.is_role_text(t):
            return Officer(name=t, role=texts[i + 1]), i
    return None, None


def _fields(texts: list[str], xs: Optional[list[Optional[float]]] = None) -> tuple[dict[str, str], list[int]]:
    """Read labelled fields from the opening lines; returns {field: value} and the lines used.
    A label we do not know ('Previous Pathway:') still ends the value above it when it sits in
    the label column (at the left edge of a known label), or anywhere in a text source."""
    values: dict[str, list[str]] = {}
    used: list[int] = []
    label_x: list[float] = []
    current: Optional[str] = None
    xs = xs or [None] * len(texts)
    for i, t in enumerate(texts):
        x = xs[i] if i < len(xs) else None
        if _COVER_START.match(t) and x is not None:
            label_x.append(x)
        if current is not None and not _ANY_LABEL.match(t) and not _COVER_START.match(t) and _OTHER_LABEL.match(t) and (
            x is None or any(abs(x - lx) <= 4 for lx in label_x)
        ):
            current = None
            continue
        if _SECTION.match(t) and not _ANY_LABEL.match(t) or _SIGNED.match(t):
            current = None
            if _SECTION.match(t) and "title" in values and len(values) >= 3 and not _HEADING_RECS.match(t):
                break  # the report's numbered body begins
            continue
        m = _REPORT_OF.match(t)
        if m and "report_of" not in values:
            values["report_of"] = [t[m.end():]]
            current = "report_of"
            used.append(i)
            continue
        hits = list(_ANY_LABEL.finditer(t))
        if hits and (hits[0].start() == 0 or _COVER_START.match(t)):
            for k, h in enumerate(hits):
                key = next(n for n, v in h.groupdict().items() if v)
                end = hits[k + 1].start() if k + 1 < len(hits) else len(t)
                value = t[h.end():end].strip()
                if key in values and key != "date":
                    continue
                values[key] = [value] if value else []
                current = key
            used.append(i)
        elif current in _RUN_ON and values.get(current) is not None:
            values[current].append(t)
            used.append(i)
        elif current == "title" and not values["title"]:
            values["title"].append(t)
            used.append(i)
        elif current == "title" and _continues(values["title"][-1], t):
            values["title"].append(t)
            used.append(i)
        else:
            current = None
    out = {k: clean(" ".join(v)) for k, v in values.items() if v and k != "other"}
    out = {k: v for k, v in out.items() if v}
    if values.get("report_of"):
        out["report_of_lines"] = "\n".join(values["report_of"])
    return out, used


def _continues(previous: str, nxt: str) -> bool:
    return nxt[:1].islower() or bool(re.search(r"(?:\b(?:and|of|the|for|to|in|on|from)|[-–,&])$", previous.strip()))


def _meeting(texts: list[str], fields: dict[str, str]) -> tuple[Optional[str], Optional[str]]:
    """The meeting the report is for: a 'To:' field ('Cabinet - 4 March 2025'), or the lines above
    'Report Title' ('Overview & Scrutiny' / 'On 3rd December 2009')."""
    to = fields.get("meeting")
    if to:
        m = _TO_DATE.match(to)
        if m:
            return m.group(1).strip(" -–,"), parse_date(m.group(2))
        return to, parse_date(fields.get("date"))
    head: list[str] = []
    for t in texts[:12]:
        if _ANY_LABEL.match(t) or _COVER_START.match(t):
            break
        head.append(t)
    date = None
    name = None
    for i, t in enumerate(head):
        m = _ON_DATE.match(t)
        if m:
            date = parse_date(m.group(1))
            before = [x for x in head[:i] if x != head[0] or len(head[:i]) == 1]
            name = before[-1] if before else None
            break
        inline = re.match(r"^(.*?)\s+on\s+(\d.*\d{4})$", t, re.I) or _TO_DATE.match(t)
        if inline and parse_date(inline.group(2)) and not _STAMP.match(t):
            name, date = inline.group(1).strip(" -–,"), parse_date(inline.group(2))
            break
    return name, date or parse_date(fields.get("date"))


def _officer(value: Optional[str]) -> Optional[Officer]:
    if not value:
        return None
    value = re.sub(r"\s*(?:tel(?:ephone)?|e-?mail)\s*:.*$", "", value, flags=re.I).strip()
    m = _NAME_ROLE.match(value)
    if m:
        return Officer(name=m.group(1).strip(), role=m.group(2).strip())
    if _looks_like_name(value):
        return Officer(name=value, role=None)
    return Officer(name=None, role=value)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(r"\d", text)


_PERSON_START = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]+){1,2}\s*(?:,|\s[-–—]\s)")


def _officers(value: Optional[str]) -> list[Officer]:
    """One Officer per line that opens 'Name, role' or 'Name - role'; other lines continue the
    role above (Kent's multi-person 'From:' field)."""
    if not value:
        return []
    chunks: list[str] = []
    for line in value.split("\n"):
        line = line.strip()
        if not line:
            continue
        if not chunks or _PERSON_START.match(line):
            chunks.append(line)
        else:
            chunks[-1] += " " + line
    return [o for o in map(_officer, (clean(c) for c in chunks)) if o]


def _contact_details(texts: list[str]) -> Optional[Officer]:
    """A 'Contact details' / 'Report Author' block at the end: name line then role line."""
    heads = [i for i, t in enumerate(texts) if _CONTACT_HEAD.match(t)]
    heads.sort(key=lambda i: bool(re.search(r"background", texts[i], re.I)))  # a named contact first
    for i in heads:
        block = [x for x in texts[i + 1 : i + 5] if not re.search(r"@|\d{4,}|tel|phone", x, re.I) and normalise(x) != "none"]
        block = [re.sub(r"^(?:name|job title|role)\s*:\s*", "", x, flags=re.I) for x in block]
        block = [x for x in block if not _OTHER_LABEL.fullmatch(x.strip()) and not x.rstrip().endswith(":")]  # 'Lead Officer:' alone
        if block and _NAME_ROLE.match(block[0]):
            return _officer(block[0])
        if block and _looks_like_name(block[0].rstrip(":")):
            return Officer(name=block[0], role=block[1] if len(block) > 1 else None)
    return None


# --------------------------------------------------------------------------- recommendations


def _recommendations(rows, fields: dict[str, str], doc_id: str, running: set[int]) -> list[Recommendation]:
    """The recommendations under their heading (or in the cover's field); a list running over a page
    break is read without the page's furniture (``running``: ids of its running header and footer
    lines; a page number at the page's edge)."""
    texts = [t for _, _, t in rows]
    start = next((i for i, t in enumerate(texts) if _HEADING_RECS.match(t)), None)
    if start is None:
        inline = fields.get("recommendations")
        if inline:
            page, line, _ = next(((p, ln, t) for p, ln, t in rows if re.match(r"^\W*recommendation", t, re.I)), rows[0])
            prov = provenance(page, [line], extractor=EXTRACTOR, document=doc_id)
            return _leaves(_numbered([inline]), prov)
        return []
    section = _SECTION.match(texts[start])
    number = int(section.group(1)) if section else None
    body = []
    after = rows[start + 1 :]
    for k, (page, line, t) in enumerate(after):
        if _END_OF_SECTION.match(t):
            break
        if id(line) in running or (is_furniture(t) and _page_edge(page, line)):
            continue
        if body and _plain_heading(t) and re.search(r"[.;]$", body[-1]) and not _page_edge(page, line):
            if not (k + 1 < len(after) and _continues_list(body, after[k + 1][2])):
                break  # an unnumbered heading closes the section; a sub-heading inside the list does not
        s = _SECTION.match(t)
        if s and not _NUMBERED_SUB.match(t) and (number is None or int(s.group(1)) > number):
            break  # the next numbered section
        body.append(t)
    page, line, _ = rows[start]
    prov = provenance(page, [line], extractor=EXTRACTOR, document=doc_id)
    return _leaves(_numbered(body), prov)


def _label(text: str) -> Optional[str]:
    m = _NUMBERED.match(re.sub(r"^[-•·▪●o]\s+", "", text.strip()))
    return (m.group(1) or m.group(2) or m.group(3)) if m else None


def _continues_list(body: list[str], nxt: str) -> bool:
    """The line after a heading carries on the numbering of the list above it ((f) ... (g))."""
    last = next((lab for lab in map(_label, reversed(body)) if lab), None)
    label = _label(nxt)
    if not last or not label:
        return False
    if last.isdigit() and label.isdigit():
        return int(label) == int(last) + 1
    if "." in last and "." in label:
        head, tail = last.rsplit(".", 1)
        return label == f"{head}.{int(tail) + 1}"
    return len(last) == 1 and len(label) == 1 and ord(label) == ord(last) + 1


def _page_edge(page: Page, line: Line) -> bool:
    """Among the first or last two lines of its page: where running headers and footers sit."""
    texts = [ln for ln in page.lines if ln.text.strip()]
    return line in texts[:2] or line in texts[-2:]


def _plain_heading(text: str) -> bool:
    """An unnumbered heading after a finished sentence: a short capitalised line with no closing
    punctuation ('Attached documents', 'Background Papers')."""
    return len(text.split()) <= 5 and text[:1].isupper() and not re.search(r"[.;:,!?)]$", text) and not _NUMBERED.match(text)


_NUMBERED_SUB = re.compile(r"^\W{0,3}\d{1,2}\.\d")


def _numbered(lines: list[str]) -> list[tuple[str, int, str]]:
    """(label, depth, text) items from numbered lines; unnumbered lines continue the item."""
    items: list[list] = []
    for raw in lines:
        t = re.sub(r"^[-•·▪●o]\s+", "", raw.strip())
        m = _NUMBERED.match(t)
        if m:
            dotted, plain, letter, text = m.groups()
            label = dotted or plain or letter
            depth = 2 if letter else 1
            items.append([label, depth, text])
        elif items:
            items[-1][2] += " " + t
        else:
            items.append(["", 1, t])
    return [(a, b, clean(c) or "") for a, b, c in items]


def _leaves(items: list[tuple[str, int, str]], prov) -> list[Recommendation]:
    """Items that have sub-items are introductions; the sub-items are the recommendations."""
    out = []
    for k, (label, depth, text) in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        has_children = nxt is not None and nxt[1] > depth
        if has_children or (text.endswith(":") and nxt is not None):
            continue
        out.append(Recommendation(number=label or None, text=text, provenance=prov))
    return out
