"""Segmentation: split a pack into its documents (agenda, minutes, each report, each appendix,
table appendices, blank pages) from structural cues on each page, then link documents to agenda
items and cross-check the agenda's page references against the pack's own page numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from scrutiny.extractor.context import Context, provenance
from scrutiny.extractor.pages import Page
from scrutiny.extractor.textutil import clean, parse_date, roman_value
from scrutiny.models.records import Document, Extraction

# a heading names the minutes; a sentence goes on with a verb ("Minutes can be found at: ...")
MINUTES_HEAD = re.compile(r"^\W*(?:(?:draft|unconfirmed|printed|confirmed|approved)\s+)?minutes\b"
                          r"(?!\s+(?:can|could|may|will|would|were|was|are|is|have|had|be|should|must)\b)", re.I)
# A heading line that names the record anywhere in it ("Transparency Board Minutes", "MEETING MINUTES",
# "Minutes and Actions - 17th October 2013", a French "compte rendu" or "procès-verbal").
RECORD_TITLE = re.compile(
    r"\b(?:minutes|compte[\s-]rendu|proc[eè]s[\s-]verbal)\b|^\W*CR\s+du\b|^\W*PV\s+(?:du|de)\b", re.I)
# What only a record of a meeting says near its opening: the attendance labels (followed by names
# on the same line or the next) and the chair's opening of the meeting.
ATTENDANCE_LABEL = re.compile(
    r"^\W*(?:present|pr[ée]sents?|attendees|in\s+attendance|attendance|members\s+present|"
    r"(?:board|council|committee)\s+members\s+present|apologies(?:\s+for\s+absence)?|regrets|excus[ée]s?|absents?)"
    r"\s*(?::|-|–|$)", re.I)
# A heading in capitals naming the meeting ("CRETE TOWNSHIP ANNUAL TOWN HALL MEETING"): with the
# meeting being called to order under it, a record of the meeting.
MEETING_TITLE = re.compile(r"^(?=[^a-z]*$)\W*[A-Z][A-Z'’&\- ]+\bMEETING\s*$")
OPENED = re.compile(r"\b(?:called\s+to\s+order|(?:meeting|council|board|committee)\s+(?:convened|opened|commenced)|"
                    r"s[ée]ance\s+(?:est\s+)?ouverte)\b", re.I)
ATTENDANCE_PROSE = re.compile(r"\b(?:members\s+present\s+were|present\s+were|were\s+(?:also\s+)?present|in\s+attendance\s+were)\b", re.I)
PAGE_OF = re.compile(r"\bpage\s+(\d{1,4})\s+of\s+(\d{1,4})\b", re.I)
APPENDIX_HEAD = re.compile(r"^\W*(?:appendix|annex|annexe)\s+[\w.]+", re.I)
ATTENDANCE_HEAD = re.compile(r"^\W*(?:(?:governor|member|members'?|councillor)\s+attendance|present\s*:)", re.I)
AGENDA_HEAD = re.compile(r"^\W*(?:agenda|a g e n d a|summons)\b", re.I)
PAGES_REF = re.compile(r"\(\s*pages?\s+(\d+)\s*(?:[-–—]|to)\s*(\d+)\s*\)|\(\s*page\s+(\d+)\s*\)", re.I)
AGENDA_ITEM = re.compile(r"^\W{0,3}(\d{1,2})[.)]?\s+\S")
# A forward-looking notice of a meeting: a summons, "notice is hereby given", "to be held".
NOTICE = re.compile(r"\bhereby\s+(?:summoned|given)\b|\b(?:will|is\s+to|to)\s+be\s+held\b|"
                    r"\bnotice\s+of\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}meeting\b|\bwill\s+hold\s+(?:an?\s+|its\s+)(?:\w+\s+){0,2}meeting\b", re.I)
_HEADING_ITEM = re.compile(r"^\W{0,3}(\d{1,3})[.)]?\s+([A-Z(\"'‘“].*)$")
_ROMAN_ITEM = re.compile(r"^\W{0,3}([IVX]{1,5})[.)]\s+([A-Z(\"'‘“].*)$")  # "III. Presentation of New Business"

COVER_LABELS = {
    "title": r"report\s+title|title\s+of\s+report|subject",
    "report_of": r"report\s+of|report\s+by|report\s+from|from|by",
    "meeting": r"report\s+to|to|meeting|committee",
    "contact_officer": r"contact\s+officer|report\s+author|author|lead\s+officer",
    "wards": r"wards?\s*\(s\)\s*affected|wards?\s+affected|electoral\s+divisions?|divisions?\s+affected|wards?",
    "decision_type": r"report\s+for|key\s+decision|decision\s+type",
    "decision_no": r"decision\s+no\.?|decision\s+number|forward\s+plan\s+ref(?:erence)?",
    "classification": r"classification|status",
    "recommendations": r"recommendations?\s*\(s\)|recommendations?",
    "date": r"date\s+of\s+meeting|meeting\s+date|date",
    "other": r"summary|executive\s+summary|purpose(?:\s+of\s+(?:the\s+)?report)?|past\s+pathway\s+of\s+report|"
    r"future\s+pathway\s+of\s+report|is\s+the\s+decision\s+eligible\s+for\s+call-?in\??|signed|"
    r"cabinet\s+member|portfolio|director|lead\s+member|exempt",
}
_COVER_START = re.compile(
    r"^\W*(?:" + "|".join(f"(?P<{k}>{v})" for k, v in COVER_LABELS.items()) + r")\s*(?::|\s-\s)", re.I
)
_REPORT_OF_LINE = re.compile(r"^\W*report\s+(?:of|by)\b", re.I)

TABLE_CUES = {
    "exception_report": ("reason for slippage", "revised", "actions to achieve", "support required", "slippage"),
    "action_plan": ("milestone", "due date", "planned start", "progress", "action lead", "status", "rag"),
    "indicator_report": ("target", "trend", "indicator", "ni code", "kpi", "latest", "floor", "previous",
                         "direction of travel", "outturn", "baseline"),
}
GLOSSARY_HEAD = re.compile(r"\b(?:glossary|acronyms|abbreviations)\b", re.I)


def cover_fields(lines: list[str]) -> set[str]:
    """Which cover-sheet labels start lines of a page's opening."""
    found = set()
    for text in lines:
        m = _COVER_START.match(text)
        if m:
            found.add(next(k for k, v in m.groupdict().items() if v))
        elif _REPORT_OF_LINE.match(text):
            found.add("report_of")
    found.discard("other")
    return found


def is_cover_sheet(lines: list[str]) -> bool:
    found = cover_fields(lines)
    return "title" in found and len(found) >= 3


def header_rows(page: Page, n: int = 24) -> list[str]:
    """Texts of the lines near the top of a page that look like table rows (three or more
    tab-separated cells, or three or more separately drawn runs)."""
    rows = []
    for ln in page.lines[:n]:
        if len(ln.cells) >= 3 or len(ln.segments) >= 3:
            rows.append(" ".join(ln.cells) if ln.cells else ln.text)
    return rows


def table_kind(rows: list[str], headings: list[str] = ()) -> Optional[str]:
    """Kind of table from its header rows' words (or a glossary heading); None when none is
    recognised."""
    head = re.sub(r"\s+", " ", " ".join(rows[:6]).lower())
    best, score = None, 0
    for kind, cues in TABLE_CUES.items():
        n = sum(1 for cue in cues if cue in head)
        need = 2 if kind == "exception_report" else 3
        if n >= need and n > score:
            best, score = kind, n
    if best:
        return best
    if any(GLOSSARY_HEAD.search(t) and not re.match(r"^\W*\d", t) and len(t.split()) <= 12 for t in headings):
        return "glossary"
    return None


@dataclass
class _Open:
    kind: str
    start: int
    title: Optional[str]
    header: Optional[str]  # running header that continues it
    footer: Optional[str] = None  # its running footer's words, page numbers left out


def _opening(page: Page, n: int = 30) -> list[str]:
    out = []
    for ln in page.lines:
        t = clean(ln.text)
        if t:
            out.append(t)
        if len(out) >= n:
            break
    return out


def classify(page: Page) -> tuple[Optional[str], Optional[str]]:
    """(kind, title) when the page starts a new document; (None, None) when it may continue one."""
    lines = _opening(page)
    if page.blank:
        return "blank", None
    if not lines:
        return "blank", None
    top = lines[:4]
    if is_cover_sheet(lines):
        return "report", _cover_title(lines)
    for t in top[:3]:
        if MINUTES_HEAD.match(t):
            return "minutes", t
    if any(ATTENDANCE_HEAD.match(t) for t in lines[:6]):
        return "minutes", lines[0]
    if _record_opening(lines[:16]):
        return "minutes", lines[0]
    kind = table_kind(header_rows(page), top)
    if kind:
        return kind, lines[0]
    purpose = headed_report(lines)
    if purpose is not None:
        return "report", lines[purpose - 1]
    for t in top[:3]:
        if APPENDIX_HEAD.match(t):
            return "appendix", t
    if any(agenda_heading(t) for t in lines[:12]) or sum(1 for t in lines if PAGES_REF.search(t)) >= 2:
        return "agenda", None
    if NOTICE.search(" ".join(lines[:12])) and numbered_run(page) >= 3:
        return "agenda", None  # a notice of a meeting over a numbered list of business
    if _listed_business(page, lines):
        return "agenda", None  # a dated meeting heading over its business, unnumbered
    if _headed_business(page, lines):
        return "agenda", None  # a dated meeting heading over its numbered business
    return None, None


# The parts an officer report is known by when it has no cover-sheet grid: a heading saying what
# the report is for, then one introducing what it asks the meeting to do
PURPOSE_HEAD = re.compile(
    r"^\W{0,3}(?:\d{1,2}\.?\s+)?(?:(?:the\s+)?purpose(?:\s+of\s+(?:the\s+|this\s+)?report)?|summary\s+and\s+purpose|"
    r"purpose\s+and\s+summary|reason\s+for\s+(?:the\s+)?report)\s*(?::.*)?$",
    re.I,
)
RECOMMENDATIONS_HEAD = re.compile(
    r"^\W{0,3}(?:\d{1,2}\.?\s+)?(?:recommendations?|recommended\s+actions?|recommended\s+motion)\s*(?:\(s\))?\s*(?::.*)?$", re.I
)


def headed_report(lines: list[str]) -> Optional[int]:
    """Index of the purpose heading of a report laid out as headed sections (a title, then
    "Purpose of Report", later "Recommendations"), when the opening lines hold one; else None."""
    at = next((i for i, t in enumerate(lines) if PURPOSE_HEAD.match(t) and len(t.split()) <= 40), None)
    if not at or at > 20:
        return None
    return at if any(RECOMMENDATIONS_HEAD.match(t) for t in lines[at + 1 :]) else None


def _record_opening(lines: list[str]) -> bool:
    """A page that opens a record of a meeting: two of a title naming the record (a short line
    among the first six), attendance labels, the meeting being opened; or attendance labels on two
    lines (present and apologies)."""
    titled = any((RECORD_TITLE.search(t) or MEETING_TITLE.match(t)) and len(t.split()) <= 14 and not PAGES_REF.search(t)
                 for t in lines[:6])
    labels = sum(1 for t in lines if ATTENDANCE_LABEL.match(t) or ATTENDANCE_PROSE.search(t))
    opened = any(OPENED.search(t) for t in lines)
    return (titled + (labels >= 1) + opened) >= 2 or labels >= 2


def _titled_start(page: Page) -> bool:
    """The page opens with a heading that names its document ("MINUTES OF ...", "AGENDA")."""
    top = _opening(page, 3)
    return any(MINUTES_HEAD.match(t) or AGENDA_HEAD.match(t) for t in top)


def _footer_key(page: Page) -> Optional[str]:
    """The words of the page's last lines with page numbers and digits left out ("L&W 200921 /
    Page 2 of 8" -> "l w"); None when nothing but numbers is there."""
    texts = [ln.text for ln in page.lines if ln.text.strip()][-2:]
    words = re.sub(r"[\d\W_]+", " ", PAGE_OF.sub(" ", " ".join(texts)).replace("Page", " ")).strip().lower()
    return words if len(words) >= 2 and len(words) <= 60 else None


def agenda_heading(text: str) -> bool:
    """'AGENDA', 'Agenda & Summons ...', 'A G E N D A': a capitalised heading, not a wrapped line of
    prose that happens to start with the word, nor a report's 'Agenda Item 9' stamp."""
    body = text.lstrip(" \t-–•*#")
    if AGENDA_TITLE.match(body):
        return True  # "Planning Commission Meeting Agenda": a short title ending with the word
    return bool(AGENDA_HEAD.match(text)) and body[:1].isupper() and not re.match(r"^agenda\s+item\s+\d", body, re.I)


# A short title that names the document an agenda, the word last ("Planning Commission Meeting Agenda").
AGENDA_TITLE = re.compile(r"^[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,6}\s+(?:Meeting\s+)?(?:Agenda|AGENDA)\s*$")


_ATTENDANCE_WORD = re.compile(r"^\W*(?:present|attendees|attendance|apologies|regrets|absent|in\s+attendance|members\s+present)\b", re.I)


def _opens_a_meeting(lines: list[str]) -> bool:
    """The page opens with a meeting's heading (a body or meeting title) and lists nobody as
    attending (who attended is a record of the meeting, not its business)."""
    return (any(MEETING_TITLE.match(t.upper()) or re.search(r"\bmeeting\s*$", t, re.I) for t in lines[:4])
            and not any(_ATTENDANCE_WORD.match(t) for t in lines[:30]))


def _listed_business(page: Page, lines: list[str]) -> bool:
    """A page that opens with a meeting's heading (a body or meeting title, then its date) over a
    list of business printed without numbers (agenda.unnumbered_starts)."""
    from scrutiny.extractor import agenda

    if not _opens_a_meeting(lines):
        return False
    content = [(page, ln) for ln in page.lines if clean(ln.text)]
    return len(agenda.unnumbered_starts(content, [clean(ln.text) or "" for _, ln in content])) >= 4


def _headed_business(page: Page, lines: list[str]) -> bool:
    """A page that opens with a meeting's heading and its date over a numbered list of business
    (1, 2, 3 ... however long each item's text), with nobody listed as attending and no decision
    recorded: what a meeting will take, not what it took."""
    if not _opens_a_meeting(lines) or not any(parse_date(t) for t in lines[:8]) or numbered_run(page, max_words=None) < 3:
        return False
    return not re.search(r"\b(?:RESOLVED|resolved|seconded|carried)\b", " ".join(lines))


def numbered_run(page: Page, max_words: Optional[int] = 12) -> int:
    """Length of the longest run of numbered headings 1, 2, 3 ... on a page (each of at most
    ``max_words`` words, when given), the numbers set at one left edge where the page has boxes."""
    heads = []
    for ln in page.lines:
        t = clean(ln.text) or ""
        m = _HEADING_ITEM.match(t) or _ROMAN_ITEM.match(t)
        if m and (max_words is None or len(m.group(2).split()) <= max_words) and not re.match(r"^\d{1,2}[.:]\d", t):
            n = int(m.group(1)) if m.group(1).isdigit() else roman_value(m.group(1))
            if n:
                heads.append((n, ln.box[0] if ln.box else None))
    best = 0
    for k, (n, x) in enumerate(heads):
        if n != 1:
            continue
        last = 1
        for m_, x2 in heads[k + 1 :]:
            if m_ == last + 1 and (x is None or x2 is None or abs(x2 - x) < 8):
                last = m_
        best = max(best, last)
    return best


def _cover_title(lines: list[str]) -> Optional[str]:
    for i, t in enumerate(lines):
        m = _COVER_START.match(t)
        if m and m.group("title"):
            value = t[m.end():].strip()
            return value or (lines[i + 1] if i + 1 < len(lines) else None)
    return None


def split(ctx: Context) -> list[Document]:
    pages = ctx.source.pages
    spans: list[tuple[_Open, int]] = []
    current: Optional[_Open] = None
    for page in pages:
        kind, title = classify(page)
        head = _header_key(page)
        footer = _footer_key(page)
        if current is not None and kind in ("agenda", "minutes"):
            titled = _titled_start(page)
            if footer and footer == current.footer and (kind == "agenda" or not titled):
                kind = None  # an item list or record cue on a page with the document's own running footer
            elif kind == "minutes" and current.kind == "minutes" and not titled:
                kind = None  # attendance or a record cue inside minutes already open
        starts = kind is not None
        if current is not None and kind is not None:
            same_run = kind == current.kind and kind != "blank" and kind != "report"
            if same_run and (kind in TABLE_CUES or kind == "glossary" or head == current.header
                             or _same_title(title, current.title) or _continued(page)):  # its running header again
                starts = False
            if kind == "agenda" and current.kind == "agenda":
                starts = False
            if kind == "agenda" and current.kind == "minutes" and not any(AGENDA_HEAD.match(t) for t in _opening(page, 3)):
                starts = False  # the list of items the minutes themselves carry
            if current.kind == "appendix" and (kind in TABLE_CUES or kind == "glossary"):
                current.kind, starts = kind, False  # the table the appendix heading announced
        if current is not None and current.kind == "blank" and not starts:
            kind, starts = "other", True
        if current is None and not starts:
            kind, starts = "other", True
        if starts:
            if current is not None:
                spans.append((current, page.index - 1))
            current = _Open(kind=kind or "other", start=page.index, title=title, header=head, footer=footer)
    if current is not None:
        spans.append((current, len(pages)))
    return _documents(ctx, _merge_blanks(spans))


def _same_title(a: Optional[str], b: Optional[str]) -> bool:
    """Two titles that are one heading, whatever their case and punctuation ("MINUTES OF THE" on
    the first page, "Minutes of the" in the running header of the next), or one the other cut
    short where its line broke ("MINUTES OF THE REGULAR MEETING" / "Minutes of the Regular Meeting of the")."""
    if not a or not b:
        return False
    x, y = (re.sub(r"\W+", " ", t).strip().lower().split() for t in (a, b))
    short, long = sorted((x, y), key=len)
    if short == long:
        return True
    cut = set(long[len(short):]) <= _FUNCTION_WORDS  # only "of the" carried onto the next line
    return len(short) >= 4 and long[: len(short)] == short and cut


_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "and", "for", "to", "in", "on", "at", "held"})


_PAGE_ALONE = re.compile(r"^\W*page\s+(\d{1,4})\W*$", re.I)


def _continued(page: Page) -> bool:
    """The page's heading block numbers it as a later page of its document ("Page 2", "Page 2 of 6")."""
    for t in _opening(page, 5):
        m = _PAGE_ALONE.match(t) or PAGE_OF.search(t)
        if m and int(m.group(1)) >= 2:
            return True
    return False


def _merge_blanks(spans: list[tuple[_Open, int]]) -> list[tuple[_Open, int]]:
    out: list[tuple[_Open, int]] = []
    for doc, end in spans:
        if out and doc.kind == "blank" and out[-1][0].kind == "blank":
            out[-1] = (out[-1][0], end)
        else:
            out.append((doc, end))
    return out


def _header_key(page: Page) -> Optional[str]:
    lines = _opening(page, 2)
    return re.sub(r"\W+", " ", " ".join(lines)).strip().lower() if lines else None


def _documents(ctx: Context, spans: list[tuple[_Open, int]]) -> list[Document]:
    """Documents from the page spans; appendices and table documents get the report before them
    as parent (until minutes or an agenda intervene)."""
    printed = _infer_printed(ctx.source.pages)
    docs = []
    last_report_id = None
    for i, (doc, end) in enumerate(spans):
        doc_id = f"d{i + 1:02d}"
        first = ctx.page(doc.start)
        if doc.kind == "report":
            last_report_id = doc_id
        elif doc.kind in ("minutes", "agenda"):
            last_report_id = None
        span = [printed[doc.start - 1], printed[end - 1]]
        docs.append(
            Document(
                id=doc_id,
                kind=doc.kind,
                title=doc.title,
                pages=[doc.start, end],
                printed_pages=span if None not in span else None,
                parent=last_report_id if doc.kind in ("appendix", "glossary", *TABLE_CUES) else None,
                provenance=provenance(first, first.lines[:3], extractor="segment", document=doc_id),
            )
        )
    return docs


def _infer_printed(pages: list[Page]) -> list[Optional[int]]:
    """Printed page number of every page: as printed, or from a numbered neighbour by offset."""
    known = [(p.index, p.printed_number) for p in pages if p.printed_number is not None]
    out: list[Optional[int]] = []
    for p in pages:
        if p.printed_number is not None:
            out.append(p.printed_number)
            continue
        before = [(i, n) for i, n in known if i < p.index]
        after = [(i, n) for i, n in known if i > p.index]
        if before and after and after[0][1] - before[-1][1] == after[0][0] - before[-1][0]:
            i, n = before[-1]
            out.append(n + p.index - i)
        else:
            out.append(None)
    return out


def link(ctx: Context, out: Extraction) -> None:
    """Link documents to agenda items: by the agenda's page references where the pack prints page
    numbers, else by order; a reference that points at no document start becomes a Flag."""
    items = [it for it in out.agenda_items if it.pages]
    if not items:
        return
    docs = [d for d in out.documents if d.kind not in ("blank", "agenda")]
    have_numbers = any(d.printed_pages for d in docs)
    if have_numbers:
        for item in items:
            first, last = item.pages  # type: ignore[misc]
            inside = [d for d in docs if d.printed_pages and first <= d.printed_pages[0] <= last]
            starts = [d for d in inside if d.printed_pages[0] == first]  # type: ignore[index]
            if not starts:
                ctx.flag(
                    "agenda-page-mismatch",
                    f"agenda item {item.number} cites pages {first}-{last} but no document starts on page {first}",
                    provenance=item.provenance,
                )
            for d in inside:
                _attach(item, d)
            blanks = [d for d in out.documents if d.kind == "blank" and d.printed_pages]
            ends = [d.printed_pages[1] for d in inside + [b for b in blanks if first <= b.printed_pages[0] <= last]]  # type: ignore[index]
            if inside and max(ends) != last:
                ctx.flag(
                    "agenda-page-mismatch",
                    f"agenda item {item.number} cites pages {first}-{last} but its documents end on page {max(ends)}",
                    provenance=item.provenance,
                )
    else:
        _link_by_order(items, docs)
    for report in out.reports:
        doc = next((d for d in out.documents if d.id == report.document), None)
        if doc and doc.agenda_item and not report.agenda_item:
            report.agenda_item = doc.agenda_item


def _attach(item, doc: Document) -> None:
    if doc.agenda_item is None:
        doc.agenda_item = item.number
        item.documents.append(doc.id)


def _link_by_order(items, docs: list[Document]) -> None:
    """Without page numbers: the minutes go to the item that cites pages and mentions minutes;
    reports (with their appendices) go in order to the remaining items that cite pages."""
    rest = list(items)
    minutes = [d for d in docs if d.kind == "minutes"]
    for item in list(rest):
        if minutes and MINUTES_HEAD.match(item.title):
            for d in minutes:
                _attach(item, d)
            rest.remove(item)
            break
    reports = [d for d in docs if d.kind == "report"]
    for item, report in zip(rest, reports):
        _attach(item, report)
        for d in docs:
            if d.parent == report.id:
                _attach(item, d)
