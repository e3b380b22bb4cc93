"""Ingest: turn a PDF or a text pack into :class:`~extractor.pages.Source`.

The format is told apart by content (``%PDF-`` magic), not by the file extension. PDF text and
geometry come from pypdfium2, which reads text runs with their boxes and path objects with their
fill colours about ten times faster than a layout-analysing parser; the table stage asks for more
only on the pages that hold tables.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from scrutiny.extractor.errors import InputError, LimitError, NoTextError
from scrutiny.extractor.pages import Box, FilledRect, Line, Page, Rule, Segment, Source

BLANK_PAGE = re.compile(r"this page (is )?(intentionally )?left blank", re.I)
PRINTED_PAGE = re.compile(r"^\s*(?:page\s+)?(\d{1,4})\s*$", re.I)
# A heading that opens a new printed page in a text conversion: an appendix heading, a glossary
# heading, or a short title naming a report ("... Milestone Report", "... Indicators report").
_HEADING_CUE = re.compile(
    r"^\W*(?:(?:appendix|annexe?)\s+\w+\b.{0,80}|(?:\S+\s+){0,8}(?:glossary|acronyms)\b.{0,60}"
    r"|(?!(?:\d+\.?\s+)?(?:purpose|reason|summary|status|type|title|author)s?\s+(?:of|for)\s+(?:the\s+|this\s+)?report)(?:\S+\s+){1,7}report)\W*$",
    re.I,
)
# A heading cue is a short line; longer lines are never tried (the pattern backtracks
# quadratically on a long run of punctuation, such as a 10 MB line of dashes).
_MAX_CUE = 300
_RULE_LINE = re.compile(r"^[\s\-=_*]{3,}$")
_PAGE_WORD = re.compile(r"^\s*page\s+(\d{1,4})(?:\s+of\s+\d+)?\s*$", re.I)


@dataclass(frozen=True)
class Limits:
    """How a pack is read. Caps on what it may hold: beyond them the pack fails with a clear error
    (a page with too many text runs is skipped with a flag instead, and the rest of the pack is
    kept). Whether scanned pages are read by OCR, in which Tesseract language. The password of
    an encrypted PDF."""

    max_bytes: int = 512 * 1024 * 1024
    max_pages: int = 10_000
    max_runs_per_page: int = 10_000
    ocr: bool = True
    ocr_lang: str = "eng"
    password: Optional[str] = field(default=None, repr=False)


LIMITS = Limits()
_READ_CHUNK = 1 << 20


def read_bytes(path: str, limits: Optional[Limits] = None) -> tuple[str, bytes]:
    """Read a path, or stdin for ``-``; returns (display name, bytes). Never an unbounded read:
    a named pipe or a device is refused, stdin is read up to the byte cap."""
    limits = limits or LIMITS
    if path == "-":
        import sys

        return "<stdin>", _read_capped("<stdin>", sys.stdin.buffer, limits.max_bytes)
    name = Path(path).name or path
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{_short(path)}: {_os_cause(exc)}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a directory, not a pack")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{_short(path)}: not a regular file (a named pipe, socket or device); copy it to a file first")
        if info.st_size > limits.max_bytes:
            raise LimitError(f"{name}: {info.st_size} bytes is over the cap of {limits.max_bytes} bytes (--max-bytes)")
        try:
            return name, _read_capped(name, fh, limits.max_bytes)
        except OSError as exc:
            raise InputError(f"{name}: {_os_cause(exc)}") from None


def _read_capped(name: str, fh, cap: int) -> bytes:
    chunks, size = [], 0
    while True:
        chunk = fh.read(min(_READ_CHUNK, cap + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > cap:
            raise LimitError(f"{name}: more than the cap of {cap} bytes (--max-bytes)")


def _os_cause(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    return (exc.strerror or str(exc)).lower()


def _short(path: str, keep: int = 120) -> str:
    """A path for an error line: very long names are shortened in the middle."""
    return path if len(path) <= keep else f"{path[:keep // 2]}...{path[-keep // 2:]}"


def load(path: str, limits: Optional[Limits] = None) -> Source:
    name, data = read_bytes(path, limits)
    return load_bytes(name, data, path=None if path == "-" else path, limits=limits)


def load_bytes(name: str, data: bytes, path: Optional[str] = None, limits: Optional[Limits] = None) -> Source:
    limits = limits or LIMITS
    if not data:
        raise InputError(f"{name}: file is empty")
    if len(data) > limits.max_bytes:
        raise LimitError(f"{name}: {len(data)} bytes is over the cap of {limits.max_bytes} bytes (--max-bytes)")
    digest = hashlib.sha256(data).hexdigest()
    fmt = detect_format(name, data)
    skipped: list[tuple[int, str]] = []
    ocred: list[tuple[int, float]] = []
    if fmt == "pdf":
        pages = pdf_pages(name, data, limits=limits, skipped=skipped, ocred=ocred)
        if limits.password is not None:
            data = _decrypted(data, limits.password)
    else:
        pages = text_pages(name, decode_text(name, data))
        if len(pages) > limits.max_pages:
            raise LimitError(f"{name}: {len(pages)} pages is over the cap of {limits.max_pages} pages (--max-pages)")
    source = Source(name=name, sha256=digest, format=fmt, pages=pages, path=path, data=data)
    source.skipped = skipped
    source.ocred = ocred
    return source


def _decrypted(data: bytes, password: str) -> bytes:
    """The PDF saved without its encryption, so every later reader (the table re-reading with
    pdfplumber among them) opens it without the password; the pack's sha256 stays the original's."""
    import io

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data, password=password)
    try:
        buf = io.BytesIO()
        doc.save(buf, flags=pdfium.raw.FPDF_REMOVE_SECURITY)
        return buf.getvalue()
    finally:
        doc.close()


_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")
_PDF_STRUCTURE = re.compile(rb"\d+\s+\d+\s+obj\b|\bxref\b|\bstartxref\b|\btrailer\b")


def detect_format(name: str, data: bytes) -> str:
    """``pdf`` or ``text``, by structure: a PDF header at the start (or within the first kilobyte,
    as some producers put junk before it) followed by PDF objects; a text file that merely quotes
    ``%PDF-`` is text. PostScript, whatever its name, is neither."""
    head = data[:1024]
    stripped = head.lstrip()
    if stripped.startswith(b"%PDF-"):
        return "pdf"
    if stripped.startswith(b"%!PS") or stripped.startswith(b"\xc5\xd0\xd3\xc6"):
        raise InputError(f"{name}: PostScript, not a PDF or a text pack (convert it to PDF first)")
    m = _PDF_HEADER.search(head)
    if m and _PDF_STRUCTURE.search(data, m.end(), m.end() + 64 * 1024):
        return "pdf"
    return "text"


# --------------------------------------------------------------------------- text packs

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


def _encoding(data: bytes) -> tuple[Optional[str], int]:
    """(encoding, BOM length) from a byte-order mark, or from the pattern of zero bytes that UTF-16
    and UTF-32 text without one shows; (None, 0) for a byte-oriented encoding."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    sample = data[:4096]
    n = len(sample) - len(sample) % 4
    if n >= 8 and b"\x00" in sample:
        quads = [sample[i:i + 4] for i in range(0, n, 4)]
        for enc, zero in (("utf-32-le", lambda q: q[1:] == b"\0\0\0"), ("utf-32-be", lambda q: q[:3] == b"\0\0\0")):
            if sum(map(zero, quads)) >= 0.8 * len(quads):
                return enc, 0
        odd, even = sample[1:n:2], sample[0:n:2]
        if odd.count(0) >= 0.8 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le", 0
        if even.count(0) >= 0.8 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be", 0
    return None, 0


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_text(name: str, data: bytes) -> str:
    """Text in UTF-8, UTF-16 or UTF-32 (with or without a BOM), or cp1252; anything with NUL bytes
    or many control characters in another layout is binary, not a text pack."""
    enc, bom = _encoding(data)
    if enc is not None:
        try:
            text = data[bom:].decode(enc)
        except UnicodeDecodeError:
            text = data[bom:].decode(enc, errors="replace")
    else:
        if data[:4096].count(0) > 0.01 * min(len(data), 4096):
            raise InputError(f"{name}: binary file that is neither a PDF nor a text pack")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > 0.01 * max(1, len(sample)):
        raise InputError(f"{name}: binary file that is neither a PDF nor a text pack")
    # a stray control character in a text pack (a NUL from a bad conversion) is dropped, not fatal
    text = _CONTROLS.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _header_key(text: str) -> str:
    return re.sub(r"[\s*#_]+", " ", text).strip().lower()


def text_pages(name: str, text: str) -> list[Page]:
    """Split a text pack into pages by its own cues.

    Form feeds when present; otherwise a break falls before a line that follows an empty line and
    recurs as such elsewhere (a running header: "MINUTES OF ...", a table's header row repeated on
    each printed page), after a "Page N" footer, and around "This page is intentionally left blank".
    """
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    lines = [_text_line(t, i + 1) for i, t in enumerate(raw)]
    if not any(ln.stripped for ln in lines):
        raise NoTextError(f"{name}: no text")
    if "\f" in text:
        chunks: list[list[Line]] = [[]]
        for ln in lines:
            parts = ln.text.split("\f")
            for k, part in enumerate(parts):
                if k:
                    chunks.append([])
                if part or k == 0:
                    chunks[-1].append(_text_line(part, ln.number or 0))
    else:
        chunks = _split_on_cues(lines)
    pages = []
    for chunk in chunks:
        if not any(ln.stripped for ln in chunk):
            continue
        page = Page(index=len(pages) + 1, lines=chunk)
        _mark_page(page)
        pages.append(page)
    return pages


def _text_line(text: str, number: int) -> Line:
    cells = tuple(c.strip() for c in text.split("\t")) if "\t" in text else ()
    return Line(text=text.rstrip(), cells=cells, number=number)


def _split_on_cues(lines: list[Line]) -> list[list[Line]]:
    running = _running_headers(lines)
    chunks: list[list[Line]] = [[]]
    blanks = 0
    for ln in lines:
        s = ln.stripped
        starts = bool(s) and (
            blanks >= 3
            or (blanks and (_header_key(ln.text) in running or (len(s) <= _MAX_CUE and _HEADING_CUE.match(s) is not None)))
            or BLANK_PAGE.search(s) is not None
        )
        if starts and any(x.stripped for x in chunks[-1]):
            chunks.append([])
        chunks[-1].append(ln)
        if BLANK_PAGE.search(s) or _PAGE_WORD.match(s):
            chunks.append([])
        blanks = 0 if s else blanks + 1
    return chunks


def _running_headers(lines: list[Line]) -> set[str]:
    """Keys of lines that recur after an empty line and look like a running header: a table's
    header row (three or more cells), or the first of a two-line header that recurs as a pair. (A
    recurring upper-case line is not one: letters are signed off with the same capitalised name.)"""
    starts: Counter[str] = Counter()
    first: dict[str, Line] = {}
    pairs: Counter[tuple[str, str]] = Counter()
    for i, ln in enumerate(lines):
        if not ln.stripped or (i and lines[i - 1].stripped):
            continue
        key = _header_key(ln.text)
        starts[key] += 1
        first.setdefault(key, ln)
        if i + 1 < len(lines) and lines[i + 1].stripped and not _RULE_LINE.match(lines[i + 1].stripped):
            pairs[(key, _header_key(lines[i + 1].text))] += 1  # a rule under a line pairs it with nothing
    running = set()
    for key, n in starts.items():
        if n < 2 or not key or len(key) > 200:
            continue
        if len(first[key].cells) >= 3:
            running.add(key)
    running |= {a for (a, _), n in pairs.items() if n >= 2}
    return running


# --------------------------------------------------------------------------- PDF packs


def pdf_pages(name: str, data: bytes, limits: Optional[Limits] = None,
              skipped: Optional[list[tuple[int, str]]] = None,
              ocred: Optional[list[tuple[int, float]]] = None) -> list[Page]:
    """The pages of a PDF. A page PDFium cannot load, or one over the cap on text runs, is kept as an
    empty page marked not extracted and listed in ``skipped`` (page, why); a page with images but
    no text (a scanned page) is marked not extracted too, never blank."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_raw

    limits = limits or LIMITS
    skipped = skipped if skipped is not None else []
    ocred = ocred if ocred is not None else []
    try:
        doc = pdfium.PdfDocument(data, password=limits.password)
    except pdfium.PdfiumError as exc:
        cause = str(exc)
        if "password" in cause.lower():
            if limits.password is None:
                raise InputError(f"{name}: PDF is encrypted and needs a password (--password)") from None
            raise InputError(f"{name}: PDF is encrypted and the password given is not its password") from None
        if "Success" in cause or _no_page_objects(data):  # PDFium parsed the file but found no page tree
            raise InputError(f"{name}: PDF has no pages (no page tree PDFium can read)") from None
        raise InputError(f"{name}: damaged or unreadable PDF ({cause.removeprefix('Failed to load document ').strip('()')})") from None
    except Exception as exc:
        raise InputError(f"{name}: damaged or unreadable PDF ({type(exc).__name__}: {exc})") from None
    try:
        count = len(doc)
        if count == 0:
            raise InputError(f"{name}: PDF has no pages")
        if count > limits.max_pages:
            raise LimitError(f"{name}: {count} pages is over the cap of {limits.max_pages} pages (--max-pages)")
        pages = []
        for i in range(count):
            try:
                page = _pdf_page(doc[i], i + 1, limits.max_runs_per_page)
            except _TooManyRuns as exc:
                page, why = None, f"{exc.runs} text runs, over the cap of {limits.max_runs_per_page} (--max-runs)"
            except Exception as exc:  # a page PDFium cannot load costs only that page
                page, why = None, f"PDFium cannot load it ({' '.join(str(exc).split()) or type(exc).__name__})"
            if page is None:
                pages.append(Page(index=i + 1, lines=[], extracted=False))
                skipped.append((i + 1, why))
                continue
            if not page.lines and _has_images(doc, i, pdfium_raw):
                page = _scanned(doc, i, page, limits, skipped, ocred)
            pages.append(page)
    finally:
        doc.close()
    if not any(p.lines for p in pages):
        if all(not p.extracted for p in pages) and any("cannot load" in why or "cap" in why for _, why in skipped):
            raise InputError(f"{name}: no page could be read ({skipped[0][1]})")
        reasons = sorted({why for _, why in skipped})
        if not reasons:
            cause = "nothing is drawn on them that could be read"
        elif len(reasons) == 1:
            cause = reasons[0].removeprefix("no text layer (a scanned page; ").rstrip(")")
        else:
            cause = "scanned pages not read: " + "; ".join(r.removeprefix("no text layer (a scanned page; ").rstrip(")") for r in reasons)
        raise NoTextError(f"{name}: no text layer on any of its {len(pages)} pages ({cause})")
    return pages


def _scanned(doc, i: int, page: Page, limits: Limits, skipped: list[tuple[int, str]],
             ocred: list[tuple[int, float]]) -> Page:
    """A page with images and no text layer: read by OCR where Tesseract is installed and OCR is
    on (listed in ``ocred`` with its mean word confidence), else marked not extracted, never blank."""
    from scrutiny.extractor import ocr

    why = "no text layer (a scanned page; OCR is off)" if not limits.ocr else None
    if why is None and ocr.tesseract() is None:
        why = "no text layer (a scanned page; Tesseract is not installed)"
    if why is None:
        pg = doc[i]
        try:
            result = ocr.read_page(pg, ocr.Settings(lang=limits.ocr_lang))
        except ocr.OcrError as exc:
            why = f"no text layer (a scanned page; OCR failed: {exc})"
        else:
            if result.segments:
                page.lines = group_lines(result.segments)
                page.blank = False
                _mark_page(page)
                ocred.append((i + 1, round(result.confidence, 1)))
                return page
            why = "no text layer (a scanned page; OCR found no words)"
        finally:
            pg.close()
    page.extracted, page.blank = False, False
    skipped.append((i + 1, why))
    return page


class _TooManyRuns(Exception):
    def __init__(self, runs: int) -> None:
        super().__init__(runs)
        self.runs = runs


def _no_page_objects(data: bytes) -> bool:
    """The file writes a page tree but no page object in its plain objects (and none can hide in
    compressed object streams). PDFium's own error code is kept from its last failure, so after a
    damaged file in the same process it cannot tell a file without pages from a damaged one."""
    return (re.search(rb"/Type\s*/Pages\b", data) is not None and not re.search(rb"/Type\s*/Page\b", data)
            and b"/ObjStm" not in data)


INK_SHARE = 0.01  # a page without text whose drawing inks this share of its area holds text as pictures


def _has_images(doc, i: int, raw) -> bool:
    """Whether a page without a text layer shows something to read: an image (a scan), or vector
    drawing that inks a share of the page a border or a logo does not (text turned to outlines,
    as some scanners and printers-to-PDF write it)."""
    try:
        pg = doc[i]
        try:
            kinds = {obj.type for obj in pg.get_objects(max_depth=3)}
            if raw.FPDF_PAGEOBJ_IMAGE in kinds:
                return True
            if raw.FPDF_PAGEOBJ_PATH not in kinds:
                return False
            image = pg.render(scale=0.5, grayscale=True).to_pil()
            dark = sum(image.histogram()[:128])
            return dark >= INK_SHARE * image.width * image.height
        finally:
            pg.close()
    except Exception:
        return False


def _pdf_page(pg, index: int, max_runs: Optional[int] = None) -> Page:
    width, height = pg.get_size()
    textpage = pg.get_textpage()
    if max_runs is not None and textpage.count_rects() > max_runs:
        runs = textpage.count_rects()
        textpage.close()
        pg.close()
        raise _TooManyRuns(runs)
    if textpage.count_rects() > LINEAR_FROM:
        return _linear_page(pg, textpage, index, width, height)
    segments: list[Segment] = []
    open_end = False  # the previous run ended inside a word (no trailing space)
    for j in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(j)
        inset = min(0.5, (right - left) / 4)  # neighbouring runs' glyphs may touch the edge
        raw = textpage.get_text_bounded(left + inset, bottom, right - inset, top)
        raw = raw.replace("\r", " ").replace("\n", " ").replace("\ufffe", "").replace("\x02", "-")  # PDFium's soft hyphen
        txt = raw.strip()
        if not txt:
            open_end = False
            continue
        parts = _spread_apart(textpage.raw, left, bottom, right, top, height) if _spread(txt, left, bottom, right, top) else None
        if parts:
            segments.extend(parts)
        else:
            seg = Segment(txt, (left, height - top, right, height - bottom))
            if open_end and not raw[0].isspace() and _continues_word(segments[-1], seg):
                segments[-1] = _joined(segments[-1], seg)
            else:
                segments.append(seg)
        open_end = not raw[-1].isspace()
    if _read_twice(textpage, segments):
        return _linear_page(pg, textpage, index, width, height)
    rules, rects = _paths(pg, height)
    lines = group_lines(segments)
    if sum(1 for ln in lines if len(ln.segments) >= 2) >= 3:
        lines = [_styled(textpage.raw, ln, height) for ln in lines]  # a page that may hold a table
    for ln in lines:
        ln.bold = _bold_line(textpage.raw, ln, height)
    textpage.close()
    page = Page(index=index, lines=lines, width=width, height=height, rules=rules, rects=rects)
    _mark_page(page)
    pg.close()
    return page


LINEAR_FROM = 2000  # runs on a page from which its glyphs are read one pass, not run by run


def _linear_page(pg, textpage, index: int, width: float, height: float) -> Page:
    """The page read glyph by glyph in one pass, each glyph once."""
    lines = group_lines(_glyph_runs(textpage.raw, height))
    for ln in lines:
        ln.bold = bool(ln.segments) and ln.segments[0].bold and ln.segments[-1].bold
    rules, rects = _paths(pg, height)
    textpage.close()
    page = Page(index=index, lines=lines, width=width, height=height, rules=rules, rects=rects)
    _mark_page(page)
    pg.close()
    return page


def _read_twice(textpage, segments: list[Segment]) -> bool:
    """Reading the page run by run gave some glyphs twice: slanted or overlapping glyphs (bold
    italic headings) reach into the next run's box, so its text comes out doubled ("CA CALL TO
    ORDER ER"). The page's own count of glyphs tells."""
    read = sum(len(seg.text) - seg.text.count(" ") for seg in segments)
    if not read:
        return False
    printed = sum(1 for c in textpage.get_text_range() if not c.isspace())
    return read > printed + max(2, printed // 200)


def _glyphs(tp, height: float, start: int = 0):
    """(index, character, box from the top) of the page's characters from ``start``: a space's box is
    None, and a line break is read as "\n" with no box; a glyph PDFium gives no box for is passed over."""
    import pypdfium2.raw as raw

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for i in range(start, raw.FPDFText_CountChars(tp)):
        code = raw.FPDFText_GetUnicode(tp, i)
        char = "-" if code == 2 else chr(code) if code else ""
        if char in ("", "\r", "\n", "\ufffe"):
            yield i, "\n", None
        elif char.isspace():
            yield i, " ", None
        elif raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top):
            yield i, char, (left.value, height - top.value, right.value, height - bottom.value)


def _glyph_runs(tp, height: float) -> list[Segment]:
    """The page's text runs from one pass over its glyphs: a run breaks at a line break, at a gap
    wider than the glyphs' height or where the text goes back or down. Reading run by run asks
    PDFium to search the whole page for each run (time grows with the square of the runs); this
    pass grows with the glyphs. Each run carries its first glyph's style, as _style gives it."""
    runs: list[Segment] = []
    text: list[str] = []
    box: Optional[list[float]] = None
    first = -1

    def flush() -> None:
        nonlocal box, first
        words = "".join(text).strip()
        if words and box is not None:
            runs.append(Segment(words, (box[0], box[1], box[2], box[3]), *_style_of(tp, first, height)))
        text.clear()
        box, first = None, -1

    for i, char, glyph in _glyphs(tp, height):
        if char == "\n":
            flush()
            continue
        if glyph is None:
            if box is not None:
                text.append(" ")
            continue
        x0, y0, x1, y1 = glyph
        h = max(y1 - y0, 1.0)
        if box is not None:
            run_h = max(box[3] - box[1], 1.0)
            same_line = min(box[3], y1) - max(box[1], y0) > 0.5 * min(run_h, h)
            if not same_line or x0 - box[2] > max(run_h, h) or x0 < box[2] - max(run_h, h):
                flush()
        if box is None:
            box, first = [x0, y0, x1, y1], i
        else:
            box = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
        text.append(char)
    flush()
    return runs


def _spread(text: str, left: float, bottom: float, right: float, top: float) -> bool:
    """A run wider than its characters need: PDFium joined text across a tab stop or a column
    gap into one rectangle ("Present:  ...  Members of the Public:", two columns of names)."""
    return " " in text and (right - left) > 0.6 * max(top - bottom, 1.0) * len(text)


TAB_GAP = 10.0  # a space wider than this many line heights is a tab stop or a column gap, not a word space


def _tab_stop(gap: float, h: float, spaces: list[float]) -> bool:
    """A space in a run is a tab stop or a column gap when wider than TAB_GAP line heights, or when
    wider than three line heights and four times the run's other word spaces: a justified line
    stretches all its spaces alike, a tab sets one apart ("Alan Smith (AS)[Chair]     Katie Draper")."""
    if gap > TAB_GAP * h:
        return True
    others = sorted(s for s in spaces if abs(s - gap) > 0.01)
    if gap <= 3 * h or len(others) < 2:
        return False
    return gap > 4 * max(others[len(others) // 2], 0.25 * h)


def _spread_apart(tp, left: float, bottom: float, right: float, top: float, height: float) -> Optional[list[Segment]]:
    """The run's glyphs in runs of their own where a space between two words is a tab stop
    (_tab_stop); None when there is none."""
    import pypdfium2.raw as raw

    h = max(top - bottom, 1.0)
    # the rectangle may open with a tab, which has no box: the glyph nearest its left edge
    first = raw.FPDFText_GetCharIndexAtPos(tp, left + min(1.0, (right - left) / 4), (top + bottom) / 2, right - left, h / 2)
    if first < 0:
        return None
    x_max, y_min, y_max = right + 0.5, height - top - 0.5, height - bottom + 0.5  # the rectangle, from the top
    glyphs: list[tuple[str, tuple[float, float, float, float], bool]] = []  # (char, box, after a space)
    spaced = False
    for _, char, glyph in _glyphs(tp, height, first):
        if char == "\n":
            break
        if glyph is None:
            spaced = True
            continue
        x0, y0, x1, y1 = glyph
        if x0 > x_max or y0 > y_max or y1 < y_min:
            break  # past the rectangle
        if x1 < left + 0.5:
            continue  # the run before it on the line
        glyphs.append((char, glyph, spaced))
        spaced = False
    spaces = [g[1][0] - p[1][2] for p, g in zip(glyphs, glyphs[1:]) if g[2]]
    runs: list[tuple[list[str], list[float]]] = []
    for char, (x0, y0, x1, y1), after_space in glyphs:
        gap = x0 - runs[-1][1][2] if runs else 0.0
        if not runs or (after_space and _tab_stop(gap, max(h, y1 - y0), spaces)):
            runs.append(([char], [x0, y0, x1, y1]))
        else:
            chars, box = runs[-1]
            chars.append(" " + char if after_space else char)
            box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
    if not runs or (len(runs) == 1 and runs[0][1][0] - left <= TAB_GAP * h):
        return None  # one run where the rectangle starts: nothing set apart
    return [Segment("".join(chars).strip(), (box[0], box[1], box[2], box[3])) for chars, box in runs if "".join(chars).strip()]


def _style_of(tp, index: int, height: float) -> tuple:
    """(baseline from the top, font size, weight, fill RGB) of the glyph at ``index``."""
    import pypdfium2.raw as raw

    x, y = ctypes.c_double(), ctypes.c_double()
    baseline = round(height - y.value, 2) if raw.FPDFText_GetCharOrigin(tp, index, x, y) else None
    size = raw.FPDFText_GetFontSize(tp, index) or None
    weight = raw.FPDFText_GetFontWeight(tp, index)
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    colour = (r.value, g.value, b.value) if raw.FPDFText_GetFillColor(tp, index, r, g, b, a) else None
    return baseline, round(size, 2) if size else None, weight if weight > 0 else None, colour


def _style(tp, left: float, bottom: float, right: float, top: float, height: float) -> tuple:
    """(baseline from the top, font size, weight, fill RGB) of a run's first glyph: the baseline
    places lines exactly (glyph boxes shrink without ascenders or descenders), weight shows a bold
    heading, colour a status glyph's RAG."""
    import pypdfium2.raw as raw

    index = raw.FPDFText_GetCharIndexAtPos(tp, left + min(1.0, (right - left) / 2), (top + bottom) / 2, 2.0, 2.0)
    if index < 0:
        return None, None, None, None
    return _style_of(tp, index, height)


_BOLD_FONT = re.compile(rb"bold|black|heavy|semibold|demi", re.I)


def _bold_line(tp, line: Line, height: float) -> bool:
    """Whether a line is set in a bold face: its first and last runs' first glyphs are, by the
    font's weight or its name ("Calibri-Bold"), which is where a heading shows itself."""
    import pypdfium2.raw as raw

    if not line.segments:
        return False
    name = ctypes.create_string_buffer(96)
    flags = ctypes.c_int()
    for seg in {id(s): s for s in (line.segments[0], line.segments[-1])}.values():
        left, top, right, bottom = seg.box
        index = raw.FPDFText_GetCharIndexAtPos(tp, left + min(1.0, (right - left) / 2), height - (top + bottom) / 2, 2.0, 2.0)
        if index < 0:
            return False
        weight = seg.weight or raw.FPDFText_GetFontWeight(tp, index)
        if weight >= 600:
            continue
        raw.FPDFText_GetFontInfo(tp, index, name, len(name), ctypes.byref(flags))
        if not (_BOLD_FONT.search(name.value) or flags.value & 0x40000):
            return False
    return True


def _styled(tp, line: Line, height: float) -> Line:
    segs = tuple(
        Segment(s.text, s.box, *_style(tp, s.box[0], height - s.box[3], s.box[2], height - s.box[1], height))
        for s in line.segments
    )
    return Line(text=line.text, box=line.box, segments=segs)


def _continues_word(prev: Segment, seg: Segment) -> bool:
    """True when seg carries on prev's word: same line, no space drawn, (almost) touching.

    Some producers break a word into several runs (kerning, a changed font); joining them
    keeps "maintai"+"ned" one word instead of "maintai ned".
    """
    h = max(prev.box[3] - prev.box[1], seg.box[3] - seg.box[1], 1.0)
    overlap = min(prev.box[3], seg.box[3]) - max(prev.box[1], seg.box[1])
    gap = seg.box[0] - prev.box[2]
    return overlap > 0.5 * min(prev.box[3] - prev.box[1], seg.box[3] - seg.box[1]) and -0.1 * h <= gap < 0.35 * h


def _joined(a: Segment, b: Segment) -> Segment:
    box: Box = (min(a.box[0], b.box[0]), min(a.box[1], b.box[1]), max(a.box[2], b.box[2]), max(a.box[3], b.box[3]))
    return Segment(a.text + b.text, box, a.baseline, a.size, a.weight, a.colour)


def _height(seg: Segment) -> float:
    return seg.box[3] - seg.box[1]


def group_lines(segments: list[Segment]) -> list[Line]:
    """Group text runs into visual lines: runs whose vertical extents overlap by half, measured
    against the row's first run, or its tallest when the first is a small word (a superscript
    ordinal sorted first does not anchor its line);
    a small word left alone on a row (a raised "th", "nd") joins the line it touches."""
    rows: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda s: (s.box[1], s.box[0])):
        placed = False
        for row in reversed(rows[-6:]):
            ref = (max(row, key=_height) if row[0].text.isalpha() and _small(row[0], [seg]) else row[0]).box
            overlap = min(ref[3], seg.box[3]) - max(ref[1], seg.box[1])
            if overlap > 0.5 * min(ref[3] - ref[1], seg.box[3] - seg.box[1]):
                row.append(seg)
                placed = True
                break
        if not placed:
            rows.append([seg])
    rows = _with_small_runs(rows)
    lines = []
    for row in rows:
        row.sort(key=lambda s: s.box[0])
        box: Box = (
            min(s.box[0] for s in row),
            min(s.box[1] for s in row),
            max(s.box[2] for s in row),
            max(s.box[3] for s in row),
        )
        lines.append(Line(text=_row_text(row), box=box, segments=tuple(row)))
    lines.sort(key=lambda ln: (ln.box[1], ln.box[0]))  # type: ignore[index]
    return lines


def _small(seg: Segment, row: list[Segment]) -> bool:
    """``seg`` is set small and raised beside the row's type (a superscript): under 0.7 of its
    tallest run's height, its foot above that run's by a quarter of the height (a word of small
    letters, "were", stands on the line)."""
    tall = max(row, key=_height)
    return _height(seg) < 0.7 * _height(tall) and seg.box[3] < tall.box[3] - 0.25 * _height(tall)


def _with_small_runs(rows: list[list[Segment]]) -> list[list[Segment]]:
    """Rows with each lone word of small type (a superscript ordinal) moved into the row of larger
    type it overlaps and touches (within its own height of one of that row's runs)."""
    def target(k: int) -> Optional[list[Segment]]:
        # rows are made in reading order: the line a raised word touches is among the rows made just before or after it
        near = rows[max(0, k - 6): k] + rows[k + 1: k + 7]
        return next((o for o in near if _joins(rows[k][0], o)), None) if len(rows[k]) == 1 else None

    moves = [(rows[k], t) for k in range(len(rows)) if (t := target(k)) is not None]
    moves = [(row, t) for row, t in moves if not any(t is r for r, _ in moves)]  # into a row that stays
    for row, t in moves:
        t.append(row[0])
    return [r for r in rows if not any(r is m for m, _ in moves)]


def _joins(seg: Segment, row: list[Segment]) -> bool:
    if not seg.text.isalpha() or len(row) == 1 and _height(row[0]) <= _height(seg) or not _small(seg, row):
        return False
    ref = max(row, key=_height).box
    if min(ref[3], seg.box[3]) - max(ref[1], seg.box[1]) <= 0:
        return False
    h = _height(seg)
    return any(-h <= seg.box[0] - s.box[2] <= h or -h <= s.box[0] - seg.box[2] <= h for s in row)


def _row_text(row: list[Segment]) -> str:
    """The row's text, a small run touching the run before it glued to it ("17" + "th" -> "17th",
    "2" + "nd" -> "2nd"), and punctuation touching it after ("2nd" + ": SB")."""
    text = row[0].text
    for prev, seg in zip(row, row[1:]):
        gap = seg.box[0] - prev.box[2]
        touching = gap < 0.25 * max(_height(prev), _height(seg))
        if touching and (_small(seg, row) and seg.text.isalpha() or _small(prev, row) and seg.text[:1] in ":;,.)"):
            text += seg.text
        else:
            text += " " + seg.text
    return text


def _paths(pg, height: float) -> tuple[list[Rule], list[FilledRect]]:
    import pypdfium2.raw as raw

    rules: list[Rule] = []
    rects: list[FilledRect] = []
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in pg.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        box = (left, height - top, right, height - bottom)
        raw.FPDFPath_GetDrawMode(obj.raw, mode, stroke)
        thin = min(right - left, top - bottom) <= 2.0
        if mode.value and raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a) and a.value:
            fill = (r.value, g.value, b.value)
            if thin:
                rules.append(Rule(box))
            elif fill != (255, 255, 255):
                rects.append(FilledRect(box, fill))
        elif stroke.value and thin:
            rules.append(Rule(box))
    return rules, rects


# --------------------------------------------------------------------------- shared


def _mark_page(page: Page) -> None:
    texts = [ln.stripped for ln in page.lines if ln.stripped]
    page.blank = not texts or (len(texts) <= 2 and any(BLANK_PAGE.search(t) for t in texts))
    for t in [*texts[-2:], *texts[:1]]:
        m = _PAGE_WORD.match(t)
        if m:
            page.printed_number = int(m.group(1))
            return
