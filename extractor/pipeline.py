"""The pipeline in one place: ingest -> segment -> front sheet and cover sheets -> tables ->
minutes (NLP) -> people -> serialise. Each stage is a function with one job; a stage that fails
on part of a pack records a Flag and the rest goes on (the pack's status becomes partial_success).
"""

from __future__ import annotations

import json
import traceback
from dataclasses import dataclass
from typing import Callable, Optional

from extractor import __version__, build_id
from extractor.context import Context
from extractor.pages import Source
from models.records import Extraction, Meeting, Minutes, Pack


@dataclass(frozen=True)
class Options:
    """Settings for one extraction."""

    spacy_model: Optional[str] = None  # an installed spaCy model to use instead of spacy.blank("en")
    tables: bool = True
    minutes: bool = True
    people: bool = True


def extract(source: Source, options: Options = Options()) -> Extraction:
    from extractor import agenda, cover, segment

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
    if options.people:
        _stage(ctx, out, "people", lambda: _people(ctx, out))
    out.flags = ctx.flags
    return out


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


def _tables(ctx: Context, out: Extraction) -> None:
    from extractor import tables

    tables.extract(ctx, out)


def _minutes(ctx: Context, out: Extraction, options: Options) -> None:
    from extractor import minutes

    minutes.extract(ctx, out, spacy_model=options.spacy_model)


def _people(ctx: Context, out: Extraction) -> None:
    from extractor import people

    people.resolve(ctx, out)


def to_json(extraction: Extraction) -> str:
    """Deterministic serialisation: the same input gives byte-identical JSON."""
    data = extraction.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
