"""Table recovery in text packs: runs of tab-separated lines become grids.

Blank lines do not end a run (a converter leaves them at page breaks inside a table); a line of
prose without tabs does, and becomes the caption of the run that follows it.
"""

from __future__ import annotations

import re
from typing import Optional

from scrutiny.extractor.pages import Page
from scrutiny.extractor.tables.grid import Grid, Row, text_cell

_MARKUP = re.compile(r"</?p>|<br\s*/?>|\*\*")


def text_grids(pages: list[Page]) -> list[Grid]:
    grids: list[Grid] = []
    current: list[Row] = []
    caption: Optional[str] = None
    pending: Optional[str] = None
    for page in pages:
        for line in page.lines:
            if line.cells:
                if not current:
                    caption = pending
                row = Row([text_cell(_clean(c), line) for c in line.cells], page)
                current.append(row)
            elif line.stripped:
                if current:
                    grids.append(Grid(rows=current, caption=caption, source="text"))
                    current = []
                pending = line.stripped
    if current:
        grids.append(Grid(rows=current, caption=caption, source="text"))
    return grids


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", _MARKUP.sub(" ", text)).strip()
