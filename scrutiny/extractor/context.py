"""Per-pack state shared by the pipeline stages: the source, flags raised, provenance helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from scrutiny.extractor.pages import Line, Page, Source
from scrutiny.models.records import Flag, Provenance


@dataclass
class Context:
    source: Source
    flags: list[Flag] = field(default_factory=list)

    def page(self, index: int) -> Page:
        return self.source.pages[index - 1]

    def flag(self, code: str, message: str, *, severity: str = "warning", provenance: Optional[Provenance] = None) -> None:
        self.flags.append(Flag(code=code, message=message, severity=severity, provenance=provenance))

    def provenance(
        self,
        page: Page,
        lines: Iterable[Line] = (),
        *,
        extractor: str,
        document: Optional[str] = None,
    ) -> Provenance:
        return provenance(page, lines, extractor=extractor, document=document)


def provenance(page: Page, lines: Iterable[Line] = (), *, extractor: str, document: Optional[str] = None) -> Provenance:
    """Provenance for lines of one page: bbox (PDF) or line range (text)."""
    lines = list(lines)
    boxes = [ln.box for ln in lines if ln.box is not None]
    numbers = [ln.number for ln in lines if ln.number is not None]
    bbox = None
    if boxes:
        bbox = [
            round(min(b[0] for b in boxes), 2),
            round(min(b[1] for b in boxes), 2),
            round(max(b[2] for b in boxes), 2),
            round(max(b[3] for b in boxes), 2),
        ]
    return Provenance(
        document=document,
        page=page.index,
        printed_page=page.printed_number,
        bbox=bbox,
        lines=[min(numbers), max(numbers)] if numbers else None,
        extractor=extractor,
    )
