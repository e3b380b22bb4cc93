"""Scrutiny: local-government committee packs in, normalised, queryable data out.

    import scrutiny
    result = scrutiny.extract("pack.pdf")      # an Extraction (scrutiny.models.records)
    result.minutes[0].items[0].title
    archive = scrutiny.Archive("out/")         # every extraction JSON under out/ as DuckDB views
    archive.df("attendees")                    # a pandas DataFrame

The parts: ``scrutiny.extractor`` (the pipeline), ``scrutiny.models`` (the output contract),
``scrutiny.archive`` (SQL and DataFrames over many extractions), ``scrutiny.show`` (a record drawn
on its page) and ``scrutiny.cli`` (the ``scrutiny`` command).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from scrutiny.extractor import __version__

if TYPE_CHECKING:
    from scrutiny.archive import Archive
    from scrutiny.models.records import Extraction

__all__ = ["__version__", "extract", "Archive"]


def __getattr__(name: str):
    """``scrutiny.Archive`` is imported on first use (DuckDB loads only when asked for)."""
    if name == "Archive":
        from scrutiny.archive import Archive

        return Archive
    raise AttributeError(f"module 'scrutiny' has no attribute {name!r}")


def extract(path: str, *, tables: bool = True, minutes: bool = True, people: bool = True,
            spacy_model: Optional[str] = None) -> "Extraction":
    """Extract one pack (PDF or text) at ``path``. Raises ``scrutiny.extractor.errors.ScrutinyError``
    (with an exit code) for input that cannot be read."""
    from scrutiny.extractor import ingest, pipeline

    options = pipeline.Options(spacy_model=spacy_model, tables=tables, minutes=minutes, people=people)
    return pipeline.extract(ingest.load(path), options)
