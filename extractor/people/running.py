"""Person mentions read from the running text of the source pages: honorific-led names, role-only
references, bracketed owners in plans and signature blocks ("Ken Pryor" over his job title).

Reading the pages themselves, not only the records other stages built, keeps every printed
surface form of a person even where an item, vote list or attendance line was not parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from extractor import names
from extractor.context import provenance
from extractor.pages import Line, Page, Source
from extractor.people import text as text_refs
from models.records import Document, Provenance

# Documents whose running text is scanned for names, and those where bracketed full names are
# owners ("(Jane Elias)" in an action title) rather than places or bodies.
SKIPPED_KINDS = frozenset({"blank", "glossary"})
PLAN_KINDS = frozenset({"action_plan", "exception_report"})
BARE_NAME_KINDS = frozenset({"minutes", "report", "appendix", "other", "page"})
SIGNATURE_KINDS = frozenset({"agenda", "minutes", "report", "other"})


@dataclass
class PageText:
    """One page's lines joined into running text, with each line's character span."""

    page: Page
    document: Optional[Document]
    text: str
    spans: list[tuple[int, int, Line]]

    def lines_at(self, start: int, end: int) -> list[Line]:
        return [ln for a, b, ln in self.spans if a < end and b > start]

    def provenance(self, start: int, end: int, extractor: str) -> Provenance:
        return provenance(self.page, self.lines_at(start, end), extractor=extractor, document=self.document.id if self.document else None)


@dataclass
class Found:
    """A surface form found on a page: a name (``title`` its honorific) or a role reference."""

    text: str
    context: str
    provenance: Provenance
    title: Optional[str] = None
    role: Optional[str] = None
    is_role: bool = False


def line_text(line: Line) -> str:
    """A line as running text: table cells kept apart, markup of text packs removed."""
    text = names.clean_text(line.text.replace("\t", " | "))
    text = re.sub(r"</?[a-zA-Z][^<>]{0,40}>", " ", text)
    return re.sub(r"\*+|(?<!\w)_+|_+(?!\w)", "", text)


BREAK = " \u00b6 "  # between lines a name cannot run across


def page_text(page: Page, document: Optional[Document], *, wrapped: bool = True) -> PageText:
    """``wrapped``: lines may be visual lines of a paragraph, so a name may run on to the next
    line; otherwise every line stands alone."""
    parts: list[str] = []
    spans: list[tuple[int, int, Line]] = []
    pos = 0
    for line in page.lines:
        t = line_text(line).strip()
        if not t:
            continue
        if parts:
            joiner = _joiner(parts[-1], t) if wrapped else BREAK
            parts.append(joiner)
            pos += len(joiner)
        spans.append((pos, pos + len(t), line))
        parts.append(t)
        pos += len(t)
    return PageText(page, document, "".join(parts), spans)


def _joiner(before: str, after: str) -> str:
    """How two lines join: a hyphenated word closes up; a line ending a sentence, a table row or
    a line followed by a label ("Co-Optees:") breaks; anything else runs on with a space (PDFs and
    text converted from them wrap paragraphs into visual lines)."""
    if before.endswith("-") and after[:1].islower():
        return ""
    if _ends_sentence(before) or " | " in before or " | " in after or re.match(r"[^\s:]{1,30}(?:\s[^\s:]{1,30}){0,2}:", after):
        return BREAK
    return " "


def _ends_sentence(text: str) -> bool:
    """Ends with a full stop or colon that is not an initial or an abbreviated title ("Mr. D.")."""
    if not re.search(r"[.:;!?]$", text):
        return False
    last = text.split()[-1]
    return not re.fullmatch(r"(?:[A-Z]|Mr|Mrs|Ms|Dr|Cllr|Cmhlr|St|Rev)\.", last)


def document_of(page: Page, documents: list[Document]) -> Optional[Document]:
    for d in documents:
        if d.pages and d.pages[0] <= page.index <= d.pages[-1]:
            return d
    return None


def _kind(document: Optional[Document]) -> str:
    if document is None:
        return "page"
    return getattr(document.kind, "value", document.kind)


def scan(source: Source, documents: list[Document]) -> Iterator[Found]:
    """Every name, role reference and signature block on the pages, in page order."""
    for page in source.pages:
        document = document_of(page, documents)
        kind = _kind(document)
        if page.blank or kind in SKIPPED_KINDS:
            continue
        pt = page_text(page, document)
        yield from _names(pt, kind)
        if kind in BARE_NAME_KINDS:
            yield from _bare(pt, kind)
        yield from _roles(pt, kind)
        if kind in PLAN_KINDS:
            yield from _bracketed(pt, kind)
        if kind in SIGNATURE_KINDS or kind == "page":
            yield from signatures(pt, kind)


def _names(pt: PageText, kind: str) -> Iterator[Found]:
    for form, title, start, end in text_refs.named_spans(pt.text):
        yield Found(form, f"{kind}_text", pt.provenance(start, end, "people.running"), title=title)


def _bare(pt: PageText, kind: str) -> Iterator[Found]:
    for form, start, end in text_refs.bare_spans(pt.text):
        yield Found(form, f"{kind}_text", pt.provenance(start, end, "people.running"))


def _roles(pt: PageText, kind: str) -> Iterator[Found]:
    """Role references; outside minutes (reports, agendas) a job title is cited as a title and the
    surface form is the title without its article."""
    for phrase, start, end in text_refs.role_spans(pt.text):
        if kind != "minutes":
            phrase = re.sub(r"^[Tt]he\s+", "", phrase)
        yield Found(names.clean_text(phrase), f"{kind}_role", pt.provenance(start, end, "people.running"), is_role=True)


def _bracketed(pt: PageText, kind: str) -> Iterator[Found]:
    for form, start, end in text_refs.bracketed_spans(pt.text):
        yield Found(form, f"{kind}_text", pt.provenance(start, end, "people.running"))


def signatures(pt: PageText, kind: str) -> Iterator[Found]:
    """A line (or a column of one) that is only a full personal name, over a job title: the
    signatory of an agenda or letter, a report's author ("Ken Pryor" / "Deputy Head of Local
    Democracy and" / "Member Services"). Side-by-side blocks of a PDF are read column by column."""
    rows = [pieces(ln) for _, _, ln in pt.spans]
    for i, row in enumerate(rows[:-1]):
        for x, name, line in row:
            parsed = names.parse(name)
            if not parsed or not parsed.given or parsed.honorific or len(name.split()) > 4 or name.isupper():
                continue
            below = [_piece_at(r, x) for r in rows[i + 1 : i + 3]]
            role = _title_lines([b for b in below if b is not None] if below[0] is not None else [])
            if role:
                prov = provenance(pt.page, [line], extractor="people.running", document=pt.document.id if pt.document else None)
                yield Found(name, "signatory", prov, role=role)


COLUMN_GAP = 24.0  # points of empty space that separate two columns of one PDF line


def pieces(line: Line) -> list[tuple[Optional[float], str, Line]]:
    """The line's text split at wide gaps between its segments, each with its left edge."""
    if not line.segments:
        return [(None, line_text(line).strip(), line)]
    out: list[tuple[Optional[float], str, Line]] = []
    current: list = []
    for seg in line.segments:
        if current and seg.box[0] - current[-1].box[2] > COLUMN_GAP:
            out.append((current[0].box[0], " ".join(x.text for x in current).strip(), line))
            current = []
        current.append(seg)
    if current:
        out.append((current[0].box[0], " ".join(x.text for x in current).strip(), line))
    return out


def _piece_at(row: list[tuple[Optional[float], str, Line]], x: Optional[float]) -> Optional[str]:
    for px, text, _ in row:
        if x is None or px is None or abs(px - x) <= 6.0:
            return text
    return None


def _title_lines(texts: list[str]) -> Optional[str]:
    """A job title printed on one line, or on two when the first ends with "and", "of" or "&"."""
    first = texts[0].strip() if texts else ""
    if not _is_title_line(first):
        return None
    if re.search(r"\b(?:and|of|for|&)$", first) and len(texts) > 1 and _is_title_line(texts[1].strip()):
        first = f"{first} {texts[1].strip()}"
    return first


def _is_title_line(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 9 or re.search(r"\d|@|[.:;]$", text) or names.parse(text):
        return False
    return any(w.lower().strip(",") in names.ROLE_WORDS for w in words) and words[0][:1].isupper()


# ---- printed forms of names taken from list records


_PLURAL_SPELLINGS = frozenset({"councillors", "cllrs", "messrs"})
_LIST_BEFORE = re.compile(r"(?:^|[,;:(\u00b6&]|\band|\b(?:Councillors|Cllrs)\.?|\bCmhlr\.?)\s*$", re.I)


def _honorific_pattern(canonical: Optional[str]) -> Optional[str]:
    spellings = [s for s in names.HONORIFICS.get(canonical or "", ()) if s not in _PLURAL_SPELLINGS]
    if not spellings:
        return None
    return "|".join(r"\s+".join(re.escape(w) for w in s.split()) for s in sorted(spellings, key=len, reverse=True))


def _words_pattern(text: str) -> str:
    words = re.findall(r"[^\s.]+", text)
    return r"(?:\.\s*|\s+)".join(re.escape(w) for w in words) + r"\.?"


def printed_form(text: str, title: Optional[str], pt: PageText, lines: Optional[list[int]] = None) -> Optional[str]:
    """The form in which a listed name (an attendee's, a member's) is printed on its page: with the
    honorific printed before it ("Councillor Engert", not a list heading "Councillors ..."), its
    post-nominals ("Mr J A Kite, MBE") and, for a bare surname, a bracketed office ("Bull (Chair)").
    None when the name is not found as a name of its own on the page."""
    parsed = names.parse(text, title=title)
    if parsed is None:
        return None
    hon = None if names.honorifics_of(text) else _honorific_pattern(parsed.honorific)
    pattern = (
        (rf"(?:(?P<hon>(?i:{hon})\.?)\s+)?" if hon else "")
        + rf"(?P<name>{_words_pattern(text)})(?![\w'’])(?P<bracket>{text_refs._BRACKET})?(?P<post>{text_refs._POST}*)"
    )
    lo, hi = _bounds(pt, lines)
    for m in re.finditer(pattern, pt.text[lo:hi], flags=re.I if text.isupper() else 0):
        start = lo + m.start()
        if start > 0 and re.match(r"[\w'’]", pt.text[start - 1]):
            continue
        if not _LIST_BEFORE.search(pt.text[max(0, start - 40) : start]) and not (m.groupdict().get("hon") or names.honorifics_of(text)):
            continue
        return _compose(m, parsed)
    return None


def _bounds(pt: PageText, lines: Optional[list[int]]) -> tuple[int, int]:
    if not lines:
        return 0, len(pt.text)
    inside = [(a, b) for a, b, ln in pt.spans if ln.number is not None and lines[0] <= ln.number <= lines[-1]]
    return (min(a for a, _ in inside), max(b for _, b in inside)) if inside else (0, len(pt.text))


def _compose(m: re.Match, parsed: names.ParsedName) -> str:
    form = " ".join(filter(None, [m.groupdict().get("hon"), m.group("name")]))
    if text_refs.office_bracket(m.group("bracket")) and parsed.level == 0 and not parsed.qualifier:
        form += m.group("bracket")
    form += m.group("post") or ""
    return re.sub(r"\s+", " ", form).strip()
