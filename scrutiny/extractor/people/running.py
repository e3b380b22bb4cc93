"""Person mentions read from the running text of the source pages: honorific-led names, role-only
references, bracketed owners in plans and signature blocks ("Ken Pryor" over his job title).

Reading the pages themselves, not only the records other stages built, keeps every printed
surface form of a person even where an item, vote list or attendance line was not parsed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

from scrutiny.extractor import names
from scrutiny.extractor.context import provenance
from scrutiny.extractor.pages import Line, Page, Source
from scrutiny.extractor.people import text as text_refs
from scrutiny.models.records import Document, Provenance

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
    _starts: Optional[frozenset[int]] = field(default=None, repr=False, compare=False)

    def opens_line(self, pos: int) -> bool:
        """Whether ``pos`` is where one of the page's lines starts (a list entry, a table row)."""
        if self._starts is None:
            self._starts = frozenset(a for a, _, _ in self.spans)
        return pos in self._starts

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
    also: tuple[str, ...] = ()  # other surface forms of the same printing ("KO" of "Kieron O’Hara (KO)")
    known_only: bool = False  # evidence only for a name another record of the same page gives
    in_sentence: bool = False  # stands as a person in a running sentence ("Trustee Elton and", "Liccar made")


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


class PageTexts:
    """Each page's running text, built once per pack and shared by every reader of it."""

    def __init__(self, source: Source, documents: list[Document]):
        self.source, self.documents = source, documents
        self._cache: dict[int, PageText] = {}

    def __call__(self, page: Page) -> PageText:
        if page.index not in self._cache:
            self._cache[page.index] = page_text(page, document_of(page, self.documents))
        return self._cache[page.index]

    def at(self, index: int) -> PageText:
        return self(self.source.pages[index - 1])


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


@dataclass(frozen=True)
class Vocabulary:
    """What the pack says about its words: those it prints in lower case (a capitalised one of
    them opens a sentence or a heading: "Young People", "Green") and those of the body's own name
    ("Kent" of Kent County Council), which are places here, never given names."""

    lower: frozenset[str] = frozenset()
    proper: frozenset[str] = frozenset()

    def given(self, word: str) -> bool:
        w = word.lower()
        return w not in self.proper and names.is_given_name(word, common_word=w in self.lower)

    def surname(self, word: str) -> bool:
        w = word.lower()
        return w not in self.lower and w not in self.proper and w not in text_refs.STOP_WORDS


def vocabulary(source: Source, body: Optional[str] = None) -> Vocabulary:
    found: set[str] = set()
    for page in source.pages:
        for line in page.lines:
            found.update(re.findall(r"(?<![\w'’\-])[a-zà-ÿ][a-zà-ÿ'’\-]*", line.text))
    proper = {w.lower() for w in re.findall(r"[A-Z][\w'’\-]+", body or "")}
    return Vocabulary(frozenset(found), frozenset(proper))


def scan(source: Source, documents: list[Document], vocab: Optional[Vocabulary] = None, texts: Optional[PageTexts] = None) -> Iterator[Found]:
    """Every name, role reference and signature block on the pages, in page order."""
    vocab = vocabulary(source) if vocab is None else vocab
    texts = PageTexts(source, documents) if texts is None else texts
    for page in source.pages:
        kind = _kind(document_of(page, documents))
        if page.blank or kind in SKIPPED_KINDS:
            continue
        pt = texts(page)
        yield from _names(pt, kind)
        yield from defined_initials(pt, kind, vocab)
        if kind in BARE_NAME_KINDS:
            yield from _bare(pt, kind)
            yield from _known_given(pt, kind, vocab)
            yield from register_rows(pt, kind, vocab)
        yield from _roles(pt, kind)
        if kind in PLAN_KINDS:
            yield from _bracketed(pt, kind)
        if kind in SIGNATURE_KINDS or kind == "page":
            yield from signatures(pt, kind)
        if kind not in PLAN_KINDS:
            yield from name_role_lines(pt, kind, vocab)
            yield from _named_places(pt, kind, vocab)


_BRACKETED_INITIALS = re.compile(r"\((?P<initials>[A-Z]{2,3}[a-z]{0,2})\)")
# initials set after a name without brackets, as a grid of members prints them ("Margaret Carey MCa
# Kenny Combe KC"): taken only where they are the initials of the name before them
_BARE_INITIALS = re.compile(r"(?<![\w(.\-/’'])(?P<initials>[A-Z]{2,3}[a-z]{0,2})(?![\w)’'.\-])")
_NAME_PIECE = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’\-][^\W\d_]+)*")
_INITIALS_USE = re.compile(
    rf"(?<![\w.\-/(])([A-Z]{{2,3}})(?=\s+(?:(?:and|&)\s+[A-Z]{{2,3}}\s+)?(?:{text_refs._VERBS}|will|would|to)\b)"
)


def defined_initials(pt: PageText, kind: str, vocab: Vocabulary) -> Iterator[Found]:
    """A full name followed by the initials the text will call it by, "Kieron O’Hara (KO)",
    "Heather Savory (Chair) (HS)", "Jeni Tennison (JTe)", or in a grid without brackets
    ("Michael Cook (SBC) MC"): the name (the shortest run of words
    before the brackets whose initials these are; one whose first word is not a given name in
    common use only where a list record of the page names it, as "Modern Foreign Languages (MFL)"
    is not a person) with the initials as another form of it; and initials standing as the subject
    of a verb ("JM and SW explained", "WM to circulate"), resolved by their letters."""
    marks = sorted([*_BRACKETED_INITIALS.finditer(pt.text), *_BARE_INITIALS.finditer(pt.text)], key=lambda m: m.start())
    for m in marks:
        letters = m.group("initials")
        head = re.sub(r"\s*\([^()]{1,60}\)$", "", pt.text[: m.start()].rstrip())
        words: list[str] = []
        for w in reversed(head[-160:].split()[-4:]):
            if not _NAME_PIECE.fullmatch(w):
                break
            words.insert(0, w)
        if len(words) < 2:
            continue
        for k in reversed(range(len(words) - 1)):  # the shortest run first: "AC Dick Noble DN" is Dick Noble's
            name = " ".join(words[k:])
            parsed = names.parse(name)
            if parsed and parsed.given and letters in names.initials_forms(parsed) and head.endswith(name):
                start = len(head) - len(name)
                yield Found(name, f"{kind}_text", pt.provenance(start, m.end(), "people.running"), also=(letters,), known_only=not vocab.given(parsed.given[0]))
                break
    for m in _INITIALS_USE.finditer(pt.text):
        yield Found(m.group(1), f"{kind}_initials", pt.provenance(m.start(1), m.end(1), "people.running"), is_role=True)


def _names(pt: PageText, kind: str) -> Iterator[Found]:
    for form, title, start, end in text_refs.named_spans(pt.text):
        yield Found(form, f"{kind}_text", pt.provenance(start, end, "people.running"), title=title,
                    in_sentence=text_refs.in_sentence(pt.text, start, end))


def _bare(pt: PageText, kind: str) -> Iterator[Found]:
    for form, start, end in text_refs.bare_spans(pt.text):
        yield Found(form, f"{kind}_text", pt.provenance(start, end, "people.running"))


def plan_names(out, vocab: Vocabulary) -> Iterator[Found]:
    """Full names with no cue in the cells of action plans and exception reports, read from the
    records (a plan page's running text mixes its columns): "work planned for Ken Adams"."""
    for text, prov in plan_cells(out):
        for form, _, _ in text_refs.lexicon_spans(text, vocab):
            yield Found(form, "plan_text", prov.model_copy(update={"extractor": "people.running"}))


def cells(pt: PageText) -> Iterator[tuple[str, Line, int]]:
    """The page's text in its smallest runs, each with its line and place in it: a PDF line's
    segments (a change of font or a gap starts a new one, so two columns never share one), a text
    line's tab cells."""
    for _, _, line in pt.spans:
        texts = [seg.text for seg in line.segments] if line.segments else line_text(line).split(" | ")
        for k, text in enumerate(texts):
            yield text, line, k


_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*\.?|\S")
_VERB = re.compile(rf"(?:{text_refs._VERBS})$")


def surname_mentions(cells_: list[Cell], surnames: dict[str, set[str]]) -> Iterator[Found]:
    """A known person's surname printed alone inside a sentence ("given to Cotterill social
    workers", "Cotterill said"), or after one of that person's initials ("K. Bares presented",
    "(M. Romero)", "S. Martin Newberry" for Simone Martin-Newberry); one opening a table cell is
    more often the end of a name wrapped over two lines. ``surnames``: surname as printed -> the
    given names and initials that may stand before it. A surname the pack also uses in another
    proper noun ("Kent County Council", "Lewis House") is never read alone. ``cells_``:
    ``pack_cells``."""
    hits: list[tuple[str, Provenance]] = []
    initialled: list[tuple[str, Provenance]] = []
    other: set[str] = set()
    for text, prov, cell_before in cells_:
        tokens = _TOKEN.findall(text)
        for k, tok in enumerate(tokens):
            nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
            surname, width = (f"{tok}-{nxt}", 2) if f"{tok}-{nxt}" in surnames else (tok, 1)
            if surname not in surnames:
                continue
            prev = tokens[k - 1] if k else ""
            if re.fullmatch(r"[A-Z]\.", prev) and prev[0] in surnames[surname]:
                if not (tokens[k - 2][:1].isupper() if k >= 2 else _ends_with_honorific(cell_before)):
                    initialled.append((" ".join([prev, *tokens[k : k + width]]), prov()))
                continue  # "Mark A. Waronek": a middle initial
            if width > 1:
                continue
            nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
            own = prev.strip(".") in surnames[tok] or _ends_with_honorific(" ".join(tokens[max(0, k - 3) : k]))
            if not k and (_last_word(cell_before).strip(".") in surnames[tok] or _ends_with_honorific(cell_before)):
                continue  # "Heather" / "Poustie advised", "Mr" / "Oakford": a name split over two lines or runs
            if nxt[:1].isupper() or nxt == "&" or (prev[:1].isupper() and not own):
                other.add(tok)
            elif (prev[:1].islower() and prev not in text_refs.DETERMINERS) or (not prev[:1].isalpha() and _VERB.match(nxt)):
                hits.append((tok, prov()))  # "given to Cotterill social workers", "Cotterill said"
    for tok, prov in hits:
        if tok not in other:
            yield Found(tok, prov.extractor, prov.model_copy(update={"extractor": "people.running"}))
    for form, prov in initialled:
        yield Found(form, prov.extractor, prov.model_copy(update={"extractor": "people.running"}))


def _last_word(text: str) -> str:
    return (text.split() or [""])[-1]


def _ends_with_honorific(text: str) -> bool:
    """Whether ``text`` ends with a form of address of one or more words ("Mr", "Board Member")."""
    words = [w.lstrip("([\"'“‘") for w in text.split()[-3:]]
    for n in range(len(words), 0, -1):
        found, used = names._honorific_prefix(words[-n:])
        if found and used == n:
            return True
    return False


_EPONYM_AFTER = re.compile(r"(?:['’]s?)?\s+(?:and\s+other\s+(?:[a-z]+\s+){0,2})?(?:report|review|inquiry|recommendations|principles)\b")


def eponyms(cells_: list[Cell], vocab: Vocabulary) -> Iterator[Found]:
    """A person named only through the report or inquiry that bears their name ("review of Laming
    recommendations", "the Munro review"). The word must not be a common word, a given name or
    a word of a body or place, and every use of it in the pack must be such a use (so "Ofsted
    report" is not read, as the pack also says "by Ofsted" and "Ofsted inspection"). ``cells_``:
    ``pack_cells``."""
    uses: dict[str, list] = {}
    bad: set[str] = set()
    for text, prov, _ in cells_:
        for m in re.finditer(r"(?<![\w'’\-])([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?![\w\-])", text):
            word = m.group(1)
            if not vocab.surname(word) or vocab.given(word) or names.honorifics_of(word) or names.honorifics_of(word[:-1]):
                continue
            before = text[: m.start()].rstrip()
            if (_EPONYM_AFTER.match(text, m.end()) and re.search(r"\b(?:of|the|and|to|with|from|by|in|on|for)$", before)
                    and not re.search(r"[A-Z][\w'’\-]*\s+of$", before)):  # "House of Lords report"
                uses.setdefault(word, []).append(prov)
            else:
                bad.add(word)
    for word, provs in uses.items():
        if word not in bad:
            prov = provs[0]()
            yield Found(word, prov.extractor, prov.model_copy(update={"extractor": "people.running"}))


Cell = tuple[str, Callable[[], Provenance], str]


def pack_cells(texts: PageTexts, out) -> list[Cell]:
    """Text cells of the pack with a way to make their provenance (its extractor field says the
    context) and the cell read before it (the end of the line above, for a cell opening a line):
    page cells outside plans, then the plans' record cells, as a plan page's lines mix its columns."""
    found: list[Cell] = []
    for page in texts.source.pages:
        document = document_of(page, out.documents)
        kind = _kind(document)
        if page.blank or kind in SKIPPED_KINDS or kind in PLAN_KINDS:
            continue
        before = ""
        for text, line, _ in cells(texts(page)):
            found.append((text, functools.partial(provenance, page, [line], extractor=f"{kind}_text", document=document.id if document else None), before))
            before = text
    for text, prov in plan_cells(out):
        found.append((text, functools.partial(prov.model_copy, update={"extractor": "plan_text"}), ""))
    return found


def plan_cells(out) -> Iterator[tuple[str, Provenance]]:
    """The text cells of action plans and exception reports, from their records."""
    cells_ = [(a.title, a.provenance) for a in out.actions]
    cells_ += [(t, m.provenance) for m in out.milestones for t in (m.text, m.progress_note)]
    cells_ += [(t, e.provenance) for e in out.exceptions for t in (e.milestone, e.reason, e.actions_to_achieve, e.support_required)]
    for text, prov in cells_:
        if text and prov is not None:
            yield names.clean_text(text), prov


def _named_places(pt: PageText, kind: str, vocab: Vocabulary) -> Iterator[Found]:
    for form, start, end in text_refs.named_place_spans(pt.text, vocab):
        yield Found(form, f"{kind}_text", pt.provenance(start, end, "people.running"))


def _known_given(pt: PageText, kind: str, vocab: Vocabulary) -> Iterator[Found]:
    for form, start, end in text_refs.lexicon_spans(pt.text, vocab):
        yield Found(form, f"{kind}_text", pt.provenance(start, end, "people.running"))


def register_rows(pt: PageText, kind: str, vocab: Vocabulary) -> Iterator[Found]:
    """Table rows that open with a person's full name, in capitals or not, followed by other cells:
    a governors' attendance register ("COLIN BROWN | Co-opted | 02/10/19"), a staff list. The
    first word must be a known given name, and no word may be one of a job title, place or body."""
    for _, _, line in pt.spans:
        row = [text for _, text, _ in pieces(line)] if line.segments else list(line.cells)
        filled = [c for c in row if c]
        if len(filled) < 2:
            continue
        name = filled[0]
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z][A-Za-z'’\-]+", w) for w in words) or name.isupper() and len(name) < 6:
            continue
        if not vocab.given(words[0]) or not all(vocab.surname(w) for w in words[1:]) or words[0].isupper() != words[-1].isupper():
            continue
        parsed = names.parse(name)
        if parsed and parsed.given and not parsed.honorific:
            prov = provenance(pt.page, [line], extractor="people.running", document=pt.document.id if pt.document else None)
            yield Found(name, f"{kind}_table_row", prov)


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
            if not parsed or not parsed.given or parsed.honorific or parsed.role or "(" in name or len(name.split()) > 4 or name.isupper():
                continue
            if parsed.surname.lower() in names.PLACE_WORDS:
                continue
            below = [_piece_at(r, x) for r in rows[i + 1 : i + 3]]
            role = _title_lines([b for b in below if b is not None] if below[0] is not None else [])
            if role:
                prov = provenance(pt.page, [line], extractor="people.running", document=pt.document.id if pt.document else None)
                yield Found(name, "signatory", prov, role=role)


_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]+)?")
_CREDENTIAL = re.compile(r"[A-Z]{2,5}")


def name_role_lines(pt: PageText, kind: str, vocab: Vocabulary) -> Iterator[Found]:
    """A full name followed by a comma and a post, ending its line or column: a roster ("Barry
    Waite, Mayor Pro Tem"), a staff line, a signature ("Kathleen Horn Gregory, MMC, City Clerk"),
    "Presented by Ryan Smoot, City Manager", "Patrick Heisinger, Assistant City Manager, made a
    presentation". The name is the longest run of two to four name words
    before the comma that opens with a given name in common use; credentials after it are
    dropped; the post must read as a job title or an office."""
    for _, _, line in pt.spans:
        for _, text, _ in pieces(line):
            head, sep, tail = text.partition(",")
            if not sep:
                continue
            parts = [p.strip() for p in tail.split(",")]
            while len(parts) > 1 and (_CREDENTIAL.fullmatch(parts[0]) or parts[0].lower() in names.POSTNOMINALS):
                parts.pop(0)
            role = ", ".join(parts)
            if not _is_post(role):
                role = parts[0]  # an appositive: "Patrick Heisinger, Assistant City Manager, made a presentation"
                if len(parts) < 2 or not _is_post(role):
                    continue
            name = _name_before(head.split(), vocab)
            if name:
                prov = provenance(pt.page, [line], extractor="people.running", document=pt.document.id if pt.document else None)
                yield Found(name, f"{kind}_name_role", prov, role=role)


_POST_JOINERS = frozenset({"of", "and", "for", "the", "to", "in", "&", "-", "–"})


def _is_post(text: str) -> bool:
    """A job title or an office ("Council Member", "Mayor Pro Tem", "City Manager", "President"):
    capitalised words and the words that join them, nothing that reads on as a sentence."""
    if not all(w[:1].isupper() or w.lower() in _POST_JOINERS for w in text.split()):
        return False
    if _is_title_line(text):
        return True
    words = text.split()
    hon, used = names._honorific_prefix(words)
    return bool(hon) and used == len(words) and hon[-1] in names.OFFICES


def _name_before(words: list[str], vocab: Vocabulary) -> Optional[str]:
    """The longest run of name words ending ``words`` that opens with a given name: "Cindy Segawa"
    of "1Special Cindy Segawa", "Mark A. Waronek"; None when the word before it is an honorific."""
    for n in range(min(4, len(words)), 1, -1):
        run = words[-n:]
        inner_ok = all(_NAME_WORD.fullmatch(w) or (0 < k < n - 1 and re.fullmatch(r"[A-Z]\.", w)) for k, w in enumerate(run))
        if not inner_ok or not vocab.given(run[0]):
            continue
        if run[-1].lower() in names.PLACE_WORDS or any(w.lower() in names.ROLE_WORDS or w.lower() in names.LABEL_WORDS for w in run):
            continue
        if len(words) > n and names.honorifics_of(words[-n - 1]):
            return None
        parsed = names.parse(" ".join(run))
        if parsed and parsed.given and not parsed.honorific:
            return " ".join(run)
    return None


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


# Plural forms of address head lists ("Councillors Bull, Adje", "Commissioners Present:"); none
# belongs to one name.
_PLURAL_SPELLINGS = frozenset({"councillors", "cllrs", "messrs"}) | {
    s for spellings in names.HONORIFICS.values() for s in spellings if s.endswith("s") and s[:-1] in spellings}
_LIST_BEFORE = re.compile(r"(?:^|[,;:()\u00b6&]|\band|\b(?:Councillors|Cllrs)\.?|\bCmhlr\.?)\s*$", re.I)


def _honorific_pattern(canonical: Optional[str]) -> Optional[str]:
    spellings = [s for s in names.HONORIFICS.get(canonical or "", ()) if s not in _PLURAL_SPELLINGS]
    if not spellings:
        return None
    return "|".join(r"\s+".join(re.escape(w) for w in s.split()) for s in sorted(spellings, key=len, reverse=True))


def _words_pattern(text: str) -> str:
    words = re.findall(r"[^\s.]+", text)
    return r"(?:\.\s*|\s+)".join(re.escape(w) for w in words) + r"\.?"


def printed_form(text: str, title: Optional[str], pt: PageText, lines: Optional[list[int]] = None, box=None) -> Optional[str]:
    """The form in which a listed name (an attendee's, a member's) is printed on its page: with the
    honorific printed before it ("Councillor Engert", not a list heading "Councillors ..."), its
    post-nominals ("Mr J A Kite, MBE") and, for a bare surname, a bracketed office ("Bull (Chair)").
    None when the name is not found as a name of its own on the page."""
    parsed = names.parse(text, title=title)
    if parsed is None:
        return None
    hon = None if names.honorifics_of(text) else _honorific_pattern(parsed.honorific)
    pattern = (
        (rf"(?:(?P<hon>(?i:{hon})\.?)(?:\s+\u00b6)?\s+)?" if hon else "")
        + rf"(?P<name>{_words_pattern(text)})(?![\w'’])(?P<bracket>{text_refs._BRACKET})?(?P<post>{text_refs._POST}*)"
    )
    lo, hi = _bounds(pt, lines, box)
    for m in re.finditer(pattern, pt.text[lo:hi], flags=re.I if text.isupper() else 0):
        start = lo + m.start()
        if start > 0 and re.match(r"[\w'’]", pt.text[start - 1]):
            continue
        if not (_LIST_BEFORE.search(pt.text[max(0, start - 40) : start]) or pt.opens_line(start)) and not (m.groupdict().get("hon") or names.honorifics_of(text)):
            continue
        return _compose(m, parsed)
    return None


def _bounds(pt: PageText, lines: Optional[list[int]], box=None) -> tuple[int, int]:
    """The stretch of the page's text on the given lines (text packs) or inside ``box`` (PDFs)."""
    if lines:
        inside = [(a, b) for a, b, ln in pt.spans if ln.number is not None and lines[0] <= ln.number <= lines[-1]]
    elif box:
        inside = [(a, b) for a, b, ln in pt.spans if ln.box is not None and box[1] - 1 <= (ln.box[1] + ln.box[3]) / 2 <= box[3] + 1]
    else:
        inside = []
    return (min(a for a, _ in inside), max(b for _, b in inside)) if inside else (0, len(pt.text))


def _compose(m: re.Match, parsed: names.ParsedName) -> str:
    form = " ".join(filter(None, [m.groupdict().get("hon"), m.group("name")]))
    if text_refs.office_bracket(m.group("bracket")) and parsed.level == 0 and not parsed.qualifier:
        form += m.group("bracket")
    post = m.group("post") or ""
    if post.strip(" ,") not in names.initials_forms(parsed):  # "Kenny Combe KC" in a grid of initials, not King's Counsel
        form += post
    return re.sub(r"\s+", " ", form).strip()
