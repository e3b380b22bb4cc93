"""A picture of any record on its page: ``scrutiny show EXTRACTION RECORD_ID -o record.png``.

The record is found by its id anywhere in the extraction; its boxes are its own provenance, the
text lines inside it, the lines on the following pages that carry on its text (a minute running
over a page break) and the boxes of the records inside it (a minute item's resolutions and votes),
so a record over several lines or pages gets every box. Each page with a box is rendered with
pypdfium2, the boxes outlined with PIL, and the pages stacked top to bottom in one PNG.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from scrutiny.extractor.errors import InputError, ScrutinyError

SCALE = 2.0  # pixels per PDF point
OUTLINE = (220, 30, 30)
INNER = (30, 90, 220)  # boxes of the records inside the one shown


class ShowError(ScrutinyError):
    """The record or its pack cannot be found, or the pack has no page images (a text pack)."""

    exit_code = 3


@dataclass(frozen=True)
class Box:
    page: int  # 1-based page index
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points
    own: bool  # the record's own box (else a record inside it)
    line: bool = False  # one text line of the record


def find_record(data: dict, record_id: str) -> Optional[dict]:
    """The record (as JSON data) whose ``id`` is ``record_id``."""
    for node in _nodes(data):
        if node.get("id") == record_id:
            return node
    return None


def _nodes(value: Any) -> Iterator[dict]:
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _nodes(v)
    elif isinstance(value, list):
        for v in value:
            yield from _nodes(v)


def boxes(record: dict) -> list[Box]:
    """Every box of the record and of the records inside it, own boxes first, without repeats."""
    found: list[Box] = []
    seen: set[tuple] = set()
    for node in _nodes(record):
        prov = node.get("provenance") if isinstance(node.get("provenance"), dict) else None
        if prov and prov.get("page") and prov.get("bbox"):
            box = Box(int(prov["page"]), tuple(float(x) for x in prov["bbox"]), node is record)
            key = (box.page, box.bbox)
            if key not in seen:
                seen.add(key)
                found.append(box)
    found.sort(key=lambda b: (not b.own, b.page, b.bbox[1]))
    return found


_TEXT_FIELDS = ("title", "body", "text", "name", "description", "commentary", "progress_note", "reason")
_CONTINUED_PAGES = 3  # how many following pages a record's text is followed onto
_HEADER_LINES = 3  # lines at the top of a page (running header, page number) before a continuation
_MIN_WORDS = 4  # words a line needs to count as part of the record's text


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def line_boxes(record: dict, own: Box, pages: list) -> list[Box]:
    """Boxes of the text lines inside the record's box, then of the lines at the top of the next
    pages whose words carry on the record's text (until a line that does not)."""
    text = _words(" ".join(str(record.get(f)) for f in _TEXT_FIELDS if record.get(f)))
    if not text or own.page > len(pages):
        return []
    x0, top, x1, bottom = own.bbox
    found = []
    for ln in pages[own.page - 1].lines:
        b = ln.box
        if b and b[0] >= x0 - 1 and b[2] <= x1 + 1 and b[1] >= top - 1 and b[3] <= bottom + 1:
            found.append(Box(own.page, tuple(b), True, line=True))
    for index in range(own.page + 1, min(len(pages), own.page + _CONTINUED_PAGES) + 1):
        carried: list[Box] = []
        lines = [ln for ln in pages[index - 1].lines if ln.box and _words(ln.text)]
        for k, ln in enumerate(lines):
            words = _words(ln.text)
            if len(words.split()) >= _MIN_WORDS and words in text:
                carried.append(Box(index, tuple(ln.box), True, line=True))
            elif carried or k >= _HEADER_LINES:
                break  # the record's text stops here (or does not open the page)
        found += carried
        if not carried:
            break
    return found


def find_pack(extraction: Path, data: dict, pack: Optional[str] = None) -> Path:
    """The pack an extraction was made from: ``pack`` when named, else the source the batch
    manifest beside it records, else a file of the pack's name beside the extraction. The pack's
    sha256 must match the extraction's."""
    candidates: list[Path] = [Path(pack)] if pack else []
    if not pack:
        candidates += _from_manifest(extraction)
        source = data.get("pack", {}).get("source") or ""
        candidates += [extraction.with_name(source), extraction.with_suffix(".pdf")]
    for c in candidates:
        if c.is_file():
            digest = hashlib.sha256(c.read_bytes()).hexdigest()
            if digest == data.get("pack", {}).get("sha256"):
                return c
            if pack:
                raise ShowError(f"{pack}: not the pack this extraction was made from (sha256 differs)")
    raise ShowError(f"{extraction}: cannot find the pack it was made from; name it with --pack")


def _from_manifest(extraction: Path) -> list[Path]:
    """The source the nearest batch manifest above the extraction records for it."""
    from scrutiny.archive import manifest_sources
    from scrutiny.extractor.batch import MANIFEST

    for folder in extraction.resolve().parents:
        if (folder / MANIFEST).is_file():
            source = manifest_sources(folder).get(extraction.resolve().relative_to(folder).as_posix())
            if source is None:
                return []
            return [Path(source)] if Path(source).is_absolute() else [Path(source), folder.parent / source]
    return []


def _lines_of(record: dict, shown: list[Box], pack: Path) -> list[Box]:
    """The record's line boxes, read from the pack's page model."""
    from scrutiny.extractor import ingest

    own = [b for b in shown if b.own]
    if not own:
        return []
    pages = ingest.load(str(pack)).pages
    return [b for b in line_boxes(record, own[0], pages) if (b.page, b.bbox) != (own[0].page, own[0].bbox)]


def render(pack: Path, shown: list[Box], scale: float = SCALE):
    """The pages holding the boxes, rendered and outlined, stacked in one PIL image."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    pages = sorted({b.page for b in shown})
    images = []
    pdf = pdfium.PdfDocument(str(pack))
    try:
        for index in pages:
            if index > len(pdf):
                raise ShowError(f"{pack}: has no page {index}")
            image = pdf[index - 1].render(scale=scale).to_pil().convert("RGB")
            draw = ImageDraw.Draw(image)
            for b in (b for b in shown if b.page == index):
                x0, top, x1, bottom = (v * scale for v in b.bbox)
                pad = 0 if b.line else 2
                draw.rectangle([x0 - pad, top - pad, x1 + pad, bottom + pad], outline=OUTLINE if b.own else INNER,
                               width=1 if b.line else 3 if b.own else 2)
            images.append(image)
    finally:
        pdf.close()
    width = max(i.width for i in images)
    sheet = Image.new("RGB", (width, sum(i.height for i in images)), "white")
    y = 0
    for i in images:
        sheet.paste(i, (0, y))
        y += i.height
    return sheet


def show(extraction: str | Path, record_id: str, output: str | Path, pack: Optional[str] = None) -> list[Box]:
    """Write the PNG of ``record_id`` to ``output``; returns the boxes drawn."""
    extraction = Path(extraction)
    try:
        data = json.loads(extraction.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{extraction}: cannot read the extraction ({' '.join(str(exc).split())[:120]})") from None
    record = find_record(data, record_id)
    if record is None:
        raise ShowError(f"{extraction}: no record with id {record_id!r}")
    if data.get("pack", {}).get("format") != "pdf":
        prov = record.get("provenance") or {}
        raise ShowError(f"{extraction}: a text pack has no pages to draw; the record is at lines {prov.get('lines')}")
    shown = boxes(record)
    if not shown:
        raise ShowError(f"{extraction}: record {record_id} has no box on a page")
    found = find_pack(extraction, data, pack)
    shown += _lines_of(record, shown, found)
    image = render(found, shown)
    try:
        image.save(str(output), format="PNG")
    except OSError as exc:
        from scrutiny.extractor.errors import OutputError

        raise OutputError(f"{output}: cannot write ({(exc.strerror or str(exc)).lower()})") from None
    return shown
