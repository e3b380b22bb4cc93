"""The pipeline in one place: ingest -> segment -> front sheet and cover sheets -> tables ->
minutes (NLP) -> people -> ids -> serialise. Each stage is a function with one job; a stage that fails
on part of a pack records a Flag and the rest goes on (the pack's status becomes partial_success).
"""

from __future__ import annotations

import json
import math
import re
import traceback
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from scrutiny.extractor import __version__, build_id
from scrutiny.extractor.context import Context, provenance
from scrutiny.extractor.pages import Source
from pydantic import BaseModel

from scrutiny.models.records import Extraction, Meeting, Minutes, Pack


@dataclass(frozen=True)
class Options:
    """Settings for one extraction."""

    spacy_model: Optional[str] = None  # an installed spaCy model to use instead of spacy.blank("en")
    tables: bool = True
    minutes: bool = True
    people: bool = True


def extract(source: Source, options: Options = Options()) -> Extraction:
    from scrutiny.extractor import agenda, cover, segment

    ctx = Context(source)
    out = Extraction(
        pack=Pack(
            source=source.name,
            sha256=source.sha256,
            format=source.format,
            page_count=len(source.pages),
            extractor_version=__version__,
            extractor_build=build_id(),
        )
    )
    _skipped_pages(ctx, out)
    out.documents = segment.split(ctx)
    _stage(ctx, out, "agenda", lambda: agenda.parse(ctx, out))
    _stage(ctx, out, "cover", lambda: cover.parse(ctx, out))
    _stage(ctx, out, "link", lambda: segment.link(ctx, out))
    if options.tables:
        _stage(ctx, out, "tables", lambda: _tables(ctx, out))
    if options.minutes:
        _stage(ctx, out, "minutes", lambda: _minutes(ctx, out, options))
    if out.meeting is None and out.minutes:
        out.meeting = _meeting_from_minutes(out.minutes[0])
    if out.meeting is None:
        out.meeting = _dated_title_page(ctx.source)
    if options.people:
        _stage(ctx, out, "people", lambda: _people(ctx, out))
    _stage(ctx, out, "checks", lambda: _checks(ctx, out, options))
    if ctx.source.ocred:
        _mark_ocr(out, dict(ctx.source.ocred))
    out.flags = ctx.flags
    _stage(ctx, out, "ids", lambda: _ids(out))
    return out


def _page_ranges(pages: list[int]) -> str:
    runs: list[list[int]] = []
    for n in sorted(pages):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


_OCR_CAUSES = (("Tesseract is not installed", "ocr-unavailable"), ("OCR is off", "ocr-off"),
               ("OCR failed", "ocr-failed"), ("OCR found no words", "ocr-no-words"))


def _skipped_pages(ctx: Context, out: Extraction) -> None:
    """One flag per page ingest could not extract (so it is never taken for a blank page); the pack
    is then a partial success."""
    from scrutiny.models.records import Provenance

    groups: list[list] = []  # [first, last, why]: consecutive pages skipped for one reason
    for page, why in ctx.source.skipped:
        if groups and groups[-1][2] == why and groups[-1][1] == page - 1:
            groups[-1][1] = page
        else:
            groups.append([page, page, why])
    for first, last, why in groups:
        code = "page-no-text-layer" if "no text layer" in why else "page-skipped"
        pages = f"page {first}" if first == last else f"pages {first}-{last}"
        ctx.flag(code, f"{pages} not extracted: {why}", severity="warning",
                 provenance=Provenance(page=first, extractor="ingest"))
    for cause, code in _OCR_CAUSES:
        scanned = [page for page, why in ctx.source.skipped if cause in why]
        if scanned:
            ctx.flag(code, f"{len(scanned)} scanned page(s) ({_page_ranges(scanned)}) not read: {cause}", severity="warning")
    if ctx.source.ocred:
        from scrutiny.extractor import ocr

        pages = [page for page, _ in ctx.source.ocred]
        mean = sum(c for _, c in ctx.source.ocred) / len(ctx.source.ocred)
        worst = min(ctx.source.ocred, key=lambda pc: pc[1])
        ctx.flag("page-ocr", f"{len(pages)} scanned page(s) ({_page_ranges(pages)}) read by OCR (Tesseract {ocr.version()}): "
                 f"mean word confidence {mean:.0f}, lowest page {worst[0]} at {worst[1]:.0f}; check names and figures against the page",
                 severity="info", provenance=Provenance(page=pages[0], extractor="ocr"))
    if ctx.source.skipped:
        out.status = "partial_success"


_URLISH = re.compile(r"https?://|www\.|\.(?:gov|org|com|net)\.?(?:uk|us)?\b|^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}", re.I)
_TYPED = ("actions", "milestones", "exceptions", "indicators", "glossary", "risks")


def _checks(ctx: Context, out: Extraction, options: Options) -> None:
    """Flags that say what a pack lacks, so ``success`` is not claimed for an empty result."""
    meeting = out.meeting
    if meeting is None:
        ctx.flag("meeting-not-found", "no meeting found (no agenda front sheet or minutes heading)", severity="warning")
    else:
        if not meeting.body:
            ctx.flag("meeting-without-body", "the meeting has no body (committee name)", provenance=meeting.provenance)
        elif _URLISH.search(meeting.body):
            ctx.flag("meeting-body-suspect", f"the meeting body looks like a URL or a browser header: {meeting.body[:80]!r}",
                     provenance=meeting.provenance)
        if not meeting.date:
            ctx.flag("meeting-without-date", "the meeting has no date", provenance=meeting.provenance)
    if not (out.agenda_items or out.minutes or out.reports or any(getattr(out, name) for name in _TYPED)):
        ctx.flag("no-records", "no agenda item, minutes, report cover sheet or typed table was read from the pack: "
                 "its documents are kept as 'other'", severity="warning")
    for m in out.minutes:
        if not m.items:
            ctx.flag("minutes-without-items", "minutes found but no minute items read from them", provenance=m.provenance)
    if options.tables and out.tables and not any(getattr(out, name) for name in _TYPED):
        ctx.flag("tables-without-records", f"{len(out.tables)} table(s) recovered but none read as typed records "
                 "(actions, milestones, exceptions, indicators, glossary, risks); they are kept as plain grids",
                 severity="info")
    textless = [p.index for p in ctx.source.pages if p.extracted and not p.lines]
    if textless and ctx.source.format == "pdf":
        ctx.flag("pages-without-text", f"page(s) {_page_ranges(textless)} hold no text", severity="info")
    _check_dates(ctx, out)


def _models(obj: object, where: str) -> Iterator[tuple[str, BaseModel]]:
    """Every model in an output tree with its path ("minutes[0].items[2]"), parents first."""
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _models(item, f"{where}[{i}]")
    elif isinstance(obj, BaseModel):
        yield where, obj
        for field in type(obj).model_fields:
            value = getattr(obj, field)
            if isinstance(value, (list, BaseModel)):
                yield from _models(value, f"{where}.{field}")


def _mark_ocr(out: Extraction, confidence: dict[int, float]) -> None:
    """Every record read from a page that OCR read says so in its provenance, with the page's
    mean word confidence."""
    from scrutiny.models.records import Provenance

    for _, model in _models(out, ""):
        if isinstance(model, Provenance) and model.page in confidence:
            model.ocr_confidence = confidence[model.page]


def _check_dates(ctx: Context, out: Extraction) -> None:
    """A date that is not a real calendar date (2009-02-30, year 0000) is removed, with a flag."""
    from scrutiny.extractor.textutil import iso_date

    for name in type(out).model_fields:
        if name in ("pack", "flags"):
            continue
        for where, model in _models(getattr(out, name), name):
            for field in type(model).model_fields:
                value = getattr(model, field)
                if not (isinstance(value, str) and (field == "date" or field.endswith("_date") or field in ("published", "due", "deadline"))):
                    continue
                if _ISO_DATE.match(value) and iso_date(int(value[:4]), int(value[5:7]), int(value[8:10])) is None:
                    setattr(model, field, None)
                    ctx.flag("invalid-date", f"{where}.{field} {value!r} is not a calendar date; removed",
                             provenance=getattr(model, "provenance", None))


def _stage(ctx: Context, out: Extraction, name: str, fn: Callable[[], None]) -> None:
    try:
        fn()
    except Exception as exc:  # a failing stage must not sink the pack
        last = traceback.extract_tb(exc.__traceback__)[-1]
        ctx.flag(
            f"stage-failed-{name}",
            f"{name} stage failed: {type(exc).__name__}: {exc} ({last.filename.rsplit('/', 1)[-1]}:{last.lineno})",
            severity="error",
        )
        out.status = "partial_success"


def _meeting_from_minutes(minutes: Minutes) -> Meeting:
    """A file that holds only minutes: its meeting is the one the minutes record."""
    return Meeting(
        body=minutes.body,
        date=minutes.date,
        time=minutes.started_at,
        venue=minutes.venue,
        provenance=minutes.provenance,
    )


_DATE_LINE = re.compile(r"^(?:date\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?[\w ,.]{6,24}$", re.I)


def _dated_title_page(source: Source) -> Optional[Meeting]:
    """A pack with no agenda and no minutes (a seminar's slides, a report published for a meeting)
    whose title page prints the meeting's date on a line of its own among its first lines: the
    meeting is known by that date alone."""
    from scrutiny.extractor.textutil import parse_date

    if not source.pages:
        return None
    page = source.pages[0]
    for line in [ln for ln in page.lines if ln.stripped][:8]:
        text = line.stripped
        date = parse_date(text) if _DATE_LINE.match(text) and len(text.split()) <= 5 else None
        if date:
            return Meeting(date=date, provenance=provenance(page, [line], extractor="pipeline"))
    return None


def _tables(ctx: Context, out: Extraction) -> None:
    from scrutiny.extractor import tables

    tables.extract(ctx, out)


def _minutes(ctx: Context, out: Extraction, options: Options) -> None:
    from scrutiny.extractor import minutes

    minutes.extract(ctx, out, spacy_model=options.spacy_model)


def _people(ctx: Context, out: Extraction) -> None:
    from scrutiny.extractor import people

    people.resolve(ctx, out)


def _ids(out: Extraction) -> None:
    from scrutiny.extractor import ids

    ids.assign(out)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _finite(data: object) -> object:
    """JSON has no Infinity or NaN: a number too large for a float (a 400-digit figure) becomes null."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, list):
        return [_finite(x) for x in data]
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    return data


def to_json(extraction: Extraction) -> str:
    """Deterministic serialisation: the same input gives byte-identical JSON (always valid JSON)."""
    data = _finite(extraction.model_dump(mode="json"))
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False) + "\n"
