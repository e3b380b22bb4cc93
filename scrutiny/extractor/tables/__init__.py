"""Tables: recovery (geometry) apart from interpretation (what the columns mean).

Recovery turns PDF pages (ruling lines, fills, text runs) or text packs (tab rows) into
:class:`~extractor.tables.grid.Grid` objects. Segmentation finds header rows, recognises the kind of
table from them and joins a table continued over pages into one, dropping repeated headers. One
interpreter per kind then builds typed records: actions and milestones, exceptions, indicators,
glossary entries; any other table is kept as a plain grid. Performance pages that give their
indicators in sentences instead are read by :mod:`~extractor.tables.prose`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from scrutiny.extractor.context import Context, provenance
from scrutiny.extractor.tables import actions as ap
from scrutiny.extractor.tables.grid import Grid, Row
from scrutiny.extractor.tables.indicators import group_heading, rows_to_indicators, trend_flags
from scrutiny.extractor.tables.kinds import Layout, header_layout, merge_header, sub_header
from scrutiny.extractor.tables.others import GLOSSARY_HEAD, glossary_rows, rows_to_exceptions
from scrutiny.extractor.textutil import normalise, parse_date
from scrutiny.models.records import (
    Action,
    Extraction,
    GlossaryEntry,
    Indicator,
    Milestone,
    MilestoneException,
    Provenance,
    Risk,
    Table,
)

EXTRACTOR = "tables"


@dataclass
class LogicalTable:
    """A table of one kind, possibly joined from several grids/pages."""

    layout: Layout
    source: str
    rows: list[Row] = field(default_factory=list)
    fresh: list[bool] = field(default_factory=list)
    groups: list[Optional[str]] = field(default_factory=list)
    layouts: list[Layout] = field(default_factory=list)  # the header in force for each row
    captions: list[Optional[str]] = field(default_factory=list)  # the title above each row's grid
    edges: list[list[float]] = field(default_factory=list)  # each row's grid's column edges (PDF)


def extract(ctx: Context, out: Extraction) -> None:
    """Fill out.actions, milestones, exceptions, indicators, risks, glossary, and out.tables with
    every grid recovered (typed or not), each with its box on the page and the strategy that found it."""
    grids = recover(ctx)
    tables, leftovers = segment(grids)
    kind_of: dict[int, str] = {}
    for table in tables:
        INTERPRETERS[table.layout.kind](ctx, out, table)
        kind_of.update((id(r), table.layout.kind) for r in table.rows)
    glossary_end: Optional[Row] = None  # the last row of the last term list read
    for grid in leftovers:
        entries = glossary_rows(grid.rows, _headed(grid, glossary_end))
        if entries:
            glossary_end = grid.rows[-1]
            kind_of.update((id(r), "glossary") for r in grid.rows)
            out.glossary.extend(GlossaryEntry(term=e["term"], expansion=e["expansion"], provenance=_prov(e["rows"])) for e in entries)
    for grid in grids:
        kinds = [kind_of[id(r)] for r in grid.rows if id(r) in kind_of]
        kind = max(set(kinds), key=kinds.count) if kinds else "grid"
        if grid.rows and (kind != "grid" or (len(grid.rows) >= 2 and grid.width >= 2)):
            out.tables.append(Table(
                kind=kind, rows=[r.texts() for r in grid.rows], pages=grid.pages, strategy=grid.strategy,
                bbox=[round(v, 2) for v in grid.box] if grid.box else None, provenance=_prov(grid.rows),
            ))
    if ctx.source.format == "pdf":
        from scrutiny.extractor.tables import cards

        cards.extract(ctx, out)
    from scrutiny.extractor.tables import prose

    prose.extract(ctx, out)
    _link_exceptions(out)
    _stamp_documents(out)


def _headed(grid: Grid, previous: Optional[Row]) -> bool:
    """Whether a grid sits under a glossary heading on its page, or carries on the term list that
    ended on the page before (or earlier on its own page)."""
    first = grid.rows[0] if grid.rows else None
    if first is None or grid.width != 2:
        return False
    if previous is not None and 0 <= first.page.index - previous.page.index <= 1:
        return True
    own = set(map(id, first.lines))
    for ln in first.page.lines:
        if id(ln) in own:
            break
        if GLOSSARY_HEAD.search(ln.text) and len(ln.text.split()) <= 10:
            return True
    return False


# --------------------------------------------------------------------------- recovery


def recover(ctx: Context) -> list[Grid]:
    pages = [p for p in ctx.source.pages if not p.blank]
    if ctx.source.format == "text":
        from scrutiny.extractor.tables.recover_text import text_grids

        return text_grids(pages)
    from scrutiny.extractor.tables.glyphs import Glyphs
    from scrutiny.extractor.tables.recover_pdf import borderless_pairs, cell_grids, grid_box, ruled_grids
    from scrutiny.extractor.tables.recover_stream import MIN_MULTI, stream_grids
    from scrutiny.extractor.tables.reread import candidates, reread

    again = reread(ctx.source, candidates(ctx.source))
    grids: list[Grid] = []
    with Glyphs(ctx.source) as glyphs:
        for first in pages:
            page = again.get(first.index, first)
            if not page.rules and not page.lines:
                continue
            ruled = glyphs.walls(page) if page.rules and first.index not in again else page
            found = ruled_grids(ruled, glyphs.inner_columns) if page.rules else []
            found += cell_grids(ruled, [g.box for g in found if g.box]) if page.rects else []
            taken = [g.box or grid_box(g) for g in found]
            aligned = page
            if first.index not in again and _open_multi(page, taken) >= MIN_MULTI:
                aligned = glyphs.gaps(page)
            streamed = stream_grids(aligned, taken)
            pairs = borderless_pairs(page, taken + [g.box for g in streamed])
            grids.extend(sorted(found + streamed + ([pairs] if pairs else []), key=lambda g: g.box[1] if g.box else 0))
    return grids


def _open_multi(page, taken) -> int:
    """Lines outside the grids found that may be rows of a table whose columns pdfium ran
    together: a run of three words or more spread wider than its characters need (pdfium keeps
    evenly spaced figures in one run); capitals set wide (a heading in upper case) are no sign of
    gaps, nor are runs apart on a line (stream reads those as they are). Only a page with
    enough such lines has its glyphs read again."""
    from scrutiny.extractor.tables.glyphs import SPREAD
    from scrutiny.extractor.tables.recover_stream import taken_by

    def sparse(seg) -> bool:
        x0, top, x1, bottom = seg.box
        return (x1 - x0 > SPREAD * (bottom - top) * max(len(seg.text), 1) and seg.text.count(" ") >= 2
                and not seg.text.isupper())

    return sum(1 for ln in page.lines if ln.box and any(sparse(s) for s in ln.segments) and not taken_by(ln.box, taken))


# --------------------------------------------------------------------------- segmentation


def segment(grids: list[Grid]) -> tuple[list[LogicalTable], list[Grid]]:
    """Split grids at header rows into logical tables; join continuations; the rest are leftovers."""
    tables: list[LogicalTable] = []
    leftovers: list[Grid] = []
    current: Optional[LogicalTable] = None
    for grid in grids:
        rows, loose, fresh, group = grid.rows, [], False, _caption_group(grid)
        headed = False
        skip = -1
        header_at: Optional[int] = -1  # the first header row's index, found when first asked for
        inherit = group is None  # rows carrying on the open table stay under its group heading
        lead = _empty_lead(rows)
        for i, row in enumerate(rows):
            if i == skip:
                continue
            texts = row.texts()
            layout = header_layout(texts)
            if layout is None and i + 1 < len(rows) and sum(1 for t in texts if t.strip()) >= 2 and sub_header(rows[i + 1].texts()):
                layout = header_layout(merge_header(texts, rows[i + 1].texts()))
            if layout is not None and layout.kind == "action_log" and headed and current is not None and current.layout.kind != "action_log":
                layout = None  # a row inside a typed table whose words happen to read as a log's header
            if layout is not None:
                if i + 1 < len(rows) and sub_header(rows[i + 1].texts()):
                    layout = header_layout(merge_header(texts, rows[i + 1].texts())) or layout
                    skip = i + 1
                if current is None or current.layout.kind != layout.kind or not _same_kind_header(current.layout, layout, grid.source):
                    current = LogicalTable(layout, grid.source)
                    tables.append(current)
                    inherit = False
                elif grid.source == "pdf" or layout.kind == "indicator_report":
                    current.layout = layout
                fresh, headed = True, True
                continue
            start = max(lead, min(current.layout.columns.values(), default=0) if headed and current is not None else 0)
            heading = group_heading(texts[start:]) if not any(t.strip() for t in texts[:start]) else None
            if heading:
                group, inherit = heading, False
                continue
            if current is None or (not headed and not _continues(current, grid, i)):
                loose.append(row)
                continue
            if not headed:
                header_at = _first_header(rows) if header_at == -1 else header_at
                if header_at is not None and header_at > i and rows[header_at].page is row.page:
                    loose.append(row)  # above the table's repeated header: a running header or a caption
                    continue
            current.rows.append(row)
            current.fresh.append(fresh)
            current.groups.append(current.groups[-1] if inherit and current.groups else group)
            current.layouts.append(current.layout)
            current.captions.append(grid.caption)
            current.edges.append(grid.xs)
            fresh = False
        if loose:
            leftovers.append(Grid(rows=loose, caption=grid.caption, source=grid.source))
    return tables, leftovers


def _empty_lead(rows: list[Row]) -> int:
    """How many of a grid's first columns are empty in every row (no column of the table)."""
    width = max((len(r.cells) for r in rows), default=0)
    return next((c for c in range(width) if any(c < len(r.cells) and not r.cells[c].empty for r in rows)), 0)


def _caption_group(grid: Grid) -> Optional[str]:
    return group_heading([grid.caption]) if grid.caption else None


def _same_kind_header(a: Layout, b: Layout, source: str) -> bool:
    if source == "text":
        return True
    return set(a.columns) == set(b.columns) or len(set(a.columns) & set(b.columns)) >= 3


def _first_header(rows: list[Row]) -> Optional[int]:
    """The index of a grid's first header row. Lines above a table's repeated header on a page are
    no continuation of the table on the page before, whose rows carry on only under the header."""
    return next((j for j, r in enumerate(rows) if header_layout(r.texts()) is not None), None)


def _continues(table: LogicalTable, grid: Grid, index: int) -> bool:
    """A headerless grid continues the open table when it has the table's width and starts on the
    page after the table's last row (or on the same page)."""
    if not table.rows or (grid.rows and grid.rows[0].page.index - table.rows[-1].page.index > 1):
        return False
    width = len(table.layout.header)
    return abs(grid.width - width) <= (1 if grid.source == "text" else 0)


# --------------------------------------------------------------------------- provenance


def _prov(rows: list[Row], document: Optional[str] = None) -> Provenance:
    """Provenance of a record read from ``rows``: its first page, and a bbox over all its rows on
    that page (the rows' bands where the grid drew them, its text's extent across)."""
    first = rows[0]
    same = [r for r in rows if r.page is first.page]
    lines = [ln for r in same for ln in r.lines]
    prov = provenance(first.page, lines, extractor=EXTRACTOR, document=document)
    tops = [r.top for r in same if r.top is not None]
    bottoms = [r.bottom for r in same if r.bottom is not None]
    if prov.bbox is not None and tops and bottoms:
        prov.bbox[1] = round(min(prov.bbox[1], min(tops)), 2)
        prov.bbox[3] = round(max(prov.bbox[3], max(bottoms)), 2)
    return prov


def _stamp_documents(out: Extraction) -> None:
    """Every record of the table stage names the document (from segmentation) its page lies in."""
    spans = [(d.pages[0], d.pages[-1], d.id) for d in out.documents if d.pages and d.kind != "blank"]
    if not spans:
        return
    for records in (out.actions, out.milestones, out.exceptions, out.indicators, out.glossary, out.risks, out.tables):
        for record in records:
            prov = record.provenance
            if prov is not None and prov.document is None and prov.page is not None:
                prov.document = next((d for a, b, d in spans if a <= prov.page <= b), None)


# --------------------------------------------------------------------------- action plans


def _emit_actions(ctx: Context, out: Extraction, table: LogicalTable) -> None:
    subs, fresh = [], []
    for row, is_fresh in zip(table.rows, table.fresh):
        parts = ap.sub_rows(row, table.layout, table.source)
        if row.spaced and not is_fresh and len(parts) == 1:
            ap.mark_entry(parts[0])
        subs.extend(parts)
        fresh.extend([is_fresh] + [False] * (len(parts) - 1))
    for draft in ap.interpret(subs, fresh):
        title = " ".join(t for t in draft.title if t).strip() or None
        out.actions.append(Action(
            ref=draft.ref, ref_printed=draft.ref_printed, title=title, lead=draft.lead,
            theme=draft.theme, provenance=_prov(draft.rows or [table.rows[0]]),
        ))
        for m in draft.milestones:
            _emit_milestone(ctx, out, draft, m)


def _emit_milestone(ctx: Context, out: Extraction, draft, m) -> None:
    v = m.values
    text = (v.get("milestone") or "").strip()
    if not text:
        return
    note = (v.get("note") or "").strip() or None
    status, evidence, disagree = ap_status(note, m.rag, v.get("status"))
    prov = _prov(m.rows)
    if disagree:
        ctx.flag("status-signals-disagree", f"Milestone '{text[:60]}' ({draft.ref}): {evidence}", provenance=prov)
    out.milestones.append(Milestone(
        action_ref=draft.ref, text=text, planned_start=parse_date(v.get("start")), due=parse_date(v.get("due")),
        status=status, status_printed=evidence, progress_note=note, lead=(v.get("milestone_lead") or "").strip() or None,
        provenance=prov,
    ))


def ap_status(note, rag, printed):
    from scrutiny.extractor.tables.status import reconcile

    status, evidence, disagree = reconcile(note, rag)
    if printed and printed.strip():
        evidence = f"printed: {printed.strip()}" + (f", {evidence}" if evidence else "")
    return status, evidence, disagree


# --------------------------------------------------------------------------- exceptions, indicators


def _emit_exceptions(ctx: Context, out: Extraction, table: LogicalTable) -> None:
    for e in rows_to_exceptions(table.rows, table.layout):
        rows = e.pop("rows")
        out.exceptions.append(MilestoneException(**e, provenance=_prov(rows)))


def _emit_indicators(ctx: Context, out: Extraction, table: LogicalTable) -> None:
    items = list(zip(table.rows, table.groups, table.layouts))
    for ind in rows_to_indicators(items, table.source):
        rows = ind.pop("rows")
        prov = _prov(rows)
        message = trend_flags(ind)
        if message:
            ctx.flag("trend-disagrees-with-values", message, severity="info", provenance=prov)
        out.indicators.append(Indicator(**ind, provenance=prov))


def _emit_action_log(ctx: Context, out: Extraction, table: LogicalTable) -> None:
    from scrutiny.extractor.tables.actionlog import rows_to_actions

    for a in rows_to_actions(table.rows, table.fresh, table.captions, table.edges, table.layout):
        rows = a.pop("rows")
        out.actions.append(Action(**a, provenance=_prov(rows)))


def _emit_risks(ctx: Context, out: Extraction, table: LogicalTable) -> None:
    from scrutiny.extractor.tables.risks import rows_to_risks

    for r in rows_to_risks(table.rows, table.edges, table.layout):
        rows = r.pop("rows")
        out.risks.append(Risk(**r, provenance=_prov(rows)))


def _emit_timeline(ctx: Context, out: Extraction, table: LogicalTable) -> None:
    from scrutiny.extractor.tables.timeline import rows_to_plan

    actions, milestones = rows_to_plan(table.rows, table.edges, table.layout)
    for a in actions:
        rows = a.pop("rows")
        out.actions.append(Action(**a, provenance=_prov(rows)))
    for m in milestones:
        rows = m.pop("rows")
        out.milestones.append(Milestone(action_ref=None, **m, provenance=_prov(rows)))


# One interpreter per kind of table, each building its own records.
INTERPRETERS = {
    "timeline": _emit_timeline,
    "risk_register": _emit_risks,
    "action_plan": _emit_actions,
    "action_log": _emit_action_log,
    "exception_report": _emit_exceptions,
    "indicator_report": _emit_indicators,
}


def _link_exceptions(out: Extraction) -> None:
    """Each exception points at the milestone of its action whose text is closest."""
    for exc in out.exceptions:
        best, score = None, 0.0
        for i, m in enumerate(out.milestones):
            if m.action_ref != exc.action_ref or not exc.milestone:
                continue
            s = fuzz.ratio(normalise(m.text), normalise(exc.milestone))
            if s > score:
                best, score = i, s
        if best is not None and score >= 60:
            exc.milestone_index = best
