"""Table recovery on PDF pages without a full grid (the stream strategy).

Text that a ruled or shaded grid does not hold is read as camelot's stream flavour and Nurminen's
algorithm read it, from the alignment of text runs alone:

1. Blocks: the page's lines are cut where the vertical gap is wider than a paragraph gap; a block
   with fewer than three lines of two runs or more is prose and is left alone. Neighbouring blocks
   whose columns agree are one table again (a gap between two rows of a table is no end of it), and
   a one-run line just above a block (a caption, a group heading) joins it as a spanning row.
2. Columns: the vertical rules that cross the block when there are any (vertical-only rulings);
   otherwise the gutters of the block's multi-run lines: x ranges that (almost) no run covers.
   Left-, right- and centre-aligned columns all leave such a gutter; a run overflowing one gutter
   does not close it.
3. Rows: horizontal rules across the block, the edges of full-width fills (zebra bands) and
   horizontal whitespace across every column (a gap wider than the line gap inside a cell). A cell
   of several lines stays one cell; spanning rows are rows with one filled cell.

Each grid keeps its column edges and its box, so a table continued on the next page can be joined
column by column.
"""

from __future__ import annotations

from statistics import median
from typing import Optional

from scrutiny.extractor.pages import Box, Line, Page
from scrutiny.extractor.tables.grid import Cell, Frag, Grid, Row
from scrutiny.extractor.tables.recover_pdf import clean_text

RUN_GAP = 3.0  # runs closer than this are one phrase
MIN_GUTTER = 3.0  # the narrowest whitespace between two columns
MIN_MULTI = 3  # lines of two or more runs a block needs to be a table
FULL_ROW = 0.8  # a line filling this share of the columns is a row of its own ...
FULL_SHARE = 0.7  # ... where this share of the lines between two row breaks are so full
PROSE_SHARE = 0.25  # a block with this share of lines running across most columns is text, not a table


def stream_grids(page: Page, taken: list[Box]) -> list[Grid]:
    lines = [ln for ln in page.lines if ln.box and ln.segments and not taken_by(ln.box, taken)]
    if len(lines) < MIN_MULTI:
        return []
    heights = [ln.box[3] - ln.box[1] for ln in lines]
    h = median(heights) or 8.0
    grids = []
    for block in _tables(_blocks(lines, h), h):
        for part in _stacked(page, block):
            grid = _grid(page, part, h)
            if grid is not None:
                grids.append(grid)
    return grids


def _stacked(page: Page, block: list[Line]) -> list[list[Line]]:
    """A block parted at lines of text running across most of its columns with MIN_MULTI lines
    of cells above and below (the title of a second table set under the first); the title lines
    themselves go with the table below, to be trimmed as its caption."""
    xs = _columns(page, block)
    parts: list[list[Line]] = []
    start = 0
    cells_since = 0
    for i, ln in enumerate(block):
        if _prose(ln, xs):
            after = sum(1 for x in block[i + 1:] if _multi(x) and not _prose(x, xs))
            if cells_since >= MIN_MULTI and after >= MIN_MULTI:
                parts.append(block[start:i])
                start, cells_since = i, 0
        elif _multi(ln):
            cells_since += 1
    parts.append(block[start:])
    return parts


def taken_by(box: Box, regions: list[Box]) -> bool:
    cy = (box[1] + box[3]) / 2
    return any(r[1] - 2 <= cy <= r[3] + 2 and box[0] < r[2] and r[0] < box[2] for r in regions)


def runs(line: Line) -> list[tuple[float, float]]:
    """The phrases of a line as x ranges: runs closer than RUN_GAP are one."""
    out: list[list[float]] = []
    for seg in line.segments:
        if out and seg.box[0] - out[-1][1] < RUN_GAP:
            out[-1][1] = max(out[-1][1], seg.box[2])
        else:
            out.append([seg.box[0], seg.box[2]])
    return [(a, b) for a, b in out]


def baseline(line: Line) -> float:
    """The line's baseline; the bottom of its box when the PDF gave none."""
    values = [s.baseline for s in line.segments if s.baseline is not None]
    return max(values) if values else line.box[3]


def _multi(line: Line) -> bool:
    return len(runs(line)) >= 2


def _blocks(lines: list[Line], h: float) -> list[list[Line]]:
    """Lines cut where the gap is wider than a paragraph gap; between two lines of several runs
    each (rows of a table set wide apart) a wider gap still joins."""
    blocks: list[list[Line]] = []
    for ln in lines:
        gap = ln.box[1] - blocks[-1][-1].box[3] if blocks else None
        if gap is not None and (gap <= 1.8 * h or (gap <= 3 * h and _multi(ln) and _multi(blocks[-1][-1]))):
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    return blocks


def body(lines: list[Line]) -> list[Line]:
    """The lines that set the columns: those with as many runs as most multi-run lines have, or
    more (as camelot's stream takes the rows of the modal length); headers spanning several
    columns and titles have fewer."""
    counts = [len(runs(ln)) for ln in lines]
    multi = [n for n in counts if n >= 2]
    if not multi:
        return []
    mode = max(set(multi), key=lambda n: (multi.count(n), n))
    return [ln for ln, n in zip(lines, counts) if n >= mode]


def coverage(lines: list[Line], left: float, right: float) -> list[int]:
    """For each point from left to right, how many of the lines have a run over it."""
    size = int(right - left) + 2
    delta = [0] * (size + 1)
    for ln in lines:
        for a, b in runs(ln):
            lo, hi = max(0, int(a - left)), min(size, int(b - left) + 1)
            if lo < hi:
                delta[lo] += 1
                delta[hi] -= 1
    cover, n = [], 0
    for d in delta[:size]:
        n += d
        cover.append(n)
    return cover


def gutters(lines: list[Line], left: float, right: float, select: bool = True) -> list[tuple[float, float]]:
    """Whitespace x ranges between left and right that the body lines' runs leave open (all of
    ``lines`` when not ``select``); a gutter may be crossed by one line in twenty (an overflowing
    run)."""
    rows = body(lines) if select else lines
    multi = len(rows)
    if not multi:
        return []
    cover = coverage(rows, left, right)
    size = len(cover)
    tolerance = multi // 20
    out: list[tuple[float, float]] = []
    start: Optional[int] = None
    for x, n in enumerate(cover + [size + 1]):
        if n <= tolerance and x < size:
            if start is None:
                start = x
        elif start is not None:
            if x - start >= MIN_GUTTER and start > 0 and x < size:
                out.append((left + start, left + x))
            start = None
    return out


def _bounds(lines: list[Line]) -> tuple[float, float]:
    return min(ln.box[0] for ln in lines), max(ln.box[2] for ln in lines)


def _compatible(a: list[Line], b: list[Line]) -> bool:
    """Two blocks are one table when their multi-run lines agree on the columns: together they
    keep every gutter each has alone (a column empty in one block only widens a gutter there)."""
    left, right = _bounds(a + b)
    ba, bb = body(a), body(b)
    ga, gb = gutters(ba, left, right, False), gutters(bb, left, right, False)
    if not ga or not gb:
        return False
    both = gutters(ba + bb, left, right, False)
    return len(both) >= 2 and len(both) >= max(len(ga), len(gb))


def _tables(blocks: list[list[Line]], h: float) -> list[list[Line]]:
    out: list[list[Line]] = []
    pending: list[Line] = []  # one-run lines just above the next block
    for block in blocks:
        if sum(1 for ln in block if _multi(ln)) < 2:
            if out and _compatible(out[-1], block) and block[0].box[1] - out[-1][-1].box[3] <= 6 * h:
                out[-1].extend(block)
                continue
            if pending and block[0].box[1] - pending[-1].box[3] > 4 * h:
                pending = []
            pending = pending + block if len(block) <= 3 else []
            continue
        if out and not pending and _compatible(out[-1], block) and block[0].box[1] - out[-1][-1].box[3] <= 6 * h:
            out[-1].extend(block)
        elif out and pending and _compatible(out[-1], block) and block[0].box[1] - pending[-1].box[3] <= 4 * h:
            out[-1].extend(pending + block)
        else:
            near = [ln for ln in pending if block[0].box[1] - ln.box[3] <= 4 * h]
            out.append(near + block)
        pending = []
    return [b for b in out if sum(1 for ln in b if _multi(ln)) >= MIN_MULTI]


def _verticals(page: Page, top: float, bottom: float, share: float = 0.0) -> list[float]:
    """The x of vertical rules crossing top..bottom over ``share`` of its height (4pt at least)."""
    xs: list[float] = []
    for rule in page.rules:
        x0, t, x1, b = rule.box
        if rule.horizontal or b < top or t > bottom or (min(b, bottom) - max(t, top)) < max(4, share * (bottom - top)):
            continue
        x = (x0 + x1) / 2
        if not any(abs(x - v) <= 2.5 for v in xs):
            xs.append(x)
    return sorted(xs)


def _columns(page: Page, block: list[Line]) -> list[float]:
    """Column edges: the middle of each gutter, or the vertical rule standing in it; a rule over
    text that few lines cross (a heading spanning two columns) is an edge as well, and rules
    beyond the text (the table's frame) widen its outer edges. A rule that many lines' runs cross
    is no column's edge."""
    left, right = _bounds(block)
    top, bottom = block[0].box[1], block[-1].box[3]
    ruled = [x for x in _verticals(page, top, bottom, 0.5) if left - 30 <= x <= right + 30]
    gaps = gutters(block, left, right)
    xs = [(a + b) / 2 for a, b in gaps]
    if ruled:
        cover = coverage(body(block), left, right)
        allowed = max(1, len(body(block)) // 4)
        for x in ruled:
            if not left < x < right:
                continue
            inside = [i for i, (a, b) in enumerate(gaps) if a - 1 <= x <= b + 1]
            if inside:
                xs[inside[0]] = x
            elif cover[int(x - left)] <= allowed and not any(abs(g - x) <= 6 for g in xs):
                xs.append(x)
        xs.sort()
        left = min([left] + [x + 1 for x in ruled if x <= left])
        right = max([right] + [x - 1 for x in ruled if x >= right])
    return _filled([left - 1] + xs + [right + 1], block)


def _filled(xs: list[float], block: list[Line]) -> list[float]:
    """Column edges without those of a column that runs of one line alone start in (a word
    pushed right by a wide justified space is no column): such a column joins the one to its left."""
    while len(xs) > 2:
        starts = [set() for _ in range(len(xs) - 1)]
        for i, ln in enumerate(block):
            for a, _ in runs(ln):
                starts[_col(xs, a)].add(i)
        lone = [c for c in range(1, len(starts)) if len(starts[c]) < 2]
        if not lone:
            break
        del xs[lone[0]]
    return xs


def _row_edges(page: Page, block: list[Line], xs: list[float], h: float) -> list[float]:
    """Where rows break: a line pitch wider than the leading inside a cell, horizontal rules and
    full-width fill edges that fall between lines; inside a run of lines set without such breaks,
    between every two lines when (nearly) every line fills (nearly) every column, as a table of
    figures does (wrapped text in cells leaves most of its lines' columns empty)."""
    left, right = xs[0], xs[-1]
    spans: list[list[float]] = []  # top, bottom, baseline of its first line, of its lowest line
    filled: list[set[int]] = []  # the columns each span's runs start in
    for ln in sorted(block, key=lambda ln: ln.box[1]):
        base = baseline(ln)
        cols = {_col(xs, seg.box[0]) for seg in ln.segments}
        if spans and _overlap(spans[-1], ln.box):
            spans[-1][1] = max(spans[-1][1], ln.box[3])
            spans[-1][3] = max(spans[-1][3], base)
            filled[-1] |= cols
        else:
            spans.append([ln.box[1], ln.box[3], base, base])
            filled.append(cols)
    # A new row starts where the line pitch (baseline to baseline) opens wider than a paragraph's
    # leading: 1.5 line heights separate the leading inside a cell (1.2-1.4) from the padding
    # between rows.
    edges = [(a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:]) if b[2] - a[3] > 1.5 * h and b[0] > a[1]]
    width = right - left
    marks = [r.box[1] for r in page.rules if r.horizontal and r.box[2] - r.box[0] >= 0.6 * width]
    for rect in page.rects:
        x0, t, x1, b = rect.box
        if x1 - x0 >= 0.6 * width and x0 <= left + 0.2 * width:
            marks += [t, b]
    for y in marks:
        if spans[0][0] < y < spans[-1][1] and not any(s[0] + 1 < y < s[1] - 1 for s in spans):
            if not any(abs(y - e) < h for e in edges):
                edges.append(y)
    edges.sort()
    return sorted(edges + _line_rows(spans, filled, edges, len(xs) - 1))


def _overlap(span: list[float], box: Box) -> bool:
    """Whether a line sits beside the span rather than under it: their boxes overlap by more than
    a fifth of the line's height (a cell's text set a little lower than its neighbour's). Loose
    glyph boxes of lines set solid touch or overlap by a hair, and stay apart."""
    return span[1] - box[1] > max(0.5, 0.2 * (box[3] - box[1]))


def _line_rows(spans: list[list[float]], filled: list[set[int]], edges: list[float], width: int) -> list[float]:
    """Edges between every two lines of each run of lines between ``edges`` whose lines are
    nearly all full (FULL_ROW of the columns filled, FULL_SHARE of the lines)."""
    out: list[float] = []
    group: list[int] = []
    bounds = edges + [float("inf")]
    k = 0

    def close() -> None:
        full = sum(1 for i in group if len(filled[i]) >= max(2, FULL_ROW * width))
        if len(group) >= 2 and full >= FULL_SHARE * len(group):
            out.extend((spans[i][1] + spans[i + 1][0]) / 2 for i in group[:-1])

    for i, span in enumerate(spans):
        while span[0] > bounds[k]:
            close()
            group, k = [], k + 1
        group.append(i)
    close()
    return out


def _prose(line: Line, xs: list[float]) -> bool:
    """A line with a run across most of the table's columns: a title above it or a note below it.
    A line of three runs or more is a row whatever it holds (figures set a word space apart run
    together across the columns they fill)."""
    if len(xs) < 4:
        return False
    inner = xs[1:-1]
    parts = runs(line)
    return len(parts) < 3 and any(sum(1 for x in inner if a < x < b) > len(inner) / 2 for a, b in parts)


def _trim(page: Page, block: list[Line]) -> tuple[list[Line], list[float]]:
    """The block without the titles above its first row of cells and the notes below its last
    (with the short last lines of their paragraphs), and its column edges."""
    xs = _columns(page, block)
    for _ in range(3):
        cells = [i for i, ln in enumerate(block) if _multi(ln) and not _prose(ln, xs)]
        if len(cells) < MIN_MULTI + 2:
            break
        prose = [i for i, ln in enumerate(block) if _prose(ln, xs)]
        head = [i for i in prose if sum(1 for c in cells if c < i) <= 1]  # one stray line of cells at most
        tail = [i for i in prose if sum(1 for c in cells if c > i) <= 1]
        if not head and not tail:
            break
        block = block[(head[-1] + 1 if head else 0):(tail[0] if tail else len(block))]
        xs = _columns(page, block)
    return block, xs


def _grid(page: Page, block: list[Line], h: float) -> Optional[Grid]:
    block, xs = _trim(page, block)
    if len(xs) < 4:
        return None  # two columns without rules are a list (numbered paragraphs, a glossary), left to the pairs reader
    if sum(1 for ln in block if _prose(ln, xs)) >= max(2, PROSE_SHARE * len(block)):
        return None  # paragraphs whose justified spaces happen to line up: lines across the columns are no cells
    top, bottom = min(ln.box[1] for ln in block), max(ln.box[3] for ln in block)
    edges = [top - 1, *_row_edges(page, block, xs, h), bottom + 1]
    rows = [Row([Cell() for _ in range(len(xs) - 1)], page, a, b, spaced=True) for a, b in zip(edges, edges[1:])]
    for ln in block:
        mid = (ln.box[1] + ln.box[3]) / 2
        row = next((r for r in rows if r.top <= mid < r.bottom), rows[-1])
        for seg in ln.segments:
            col = _col(xs, seg.box[0])
            cell = row.cells[col]
            text = clean_text(seg.text)
            if cell.frags and cell.frags[-1].line is ln:
                cell.frags[-1].text = f"{cell.frags[-1].text} {text}".strip()
            else:
                cell.frags.append(Frag(text, seg.box[1], seg.box[3], ln, seg.box[0], seg.baseline, seg.colour))
    for rect in page.rects:
        x0, t, x1, b = rect.box
        cx, cy = (x0 + x1) / 2, (t + b) / 2
        if x1 - x0 >= 0.6 * (xs[-1] - xs[0]) or not (xs[0] <= cx <= xs[-1]):
            continue  # a zebra band is no cell's own colour
        row = next((r for r in rows if r.top <= cy < r.bottom), None)
        if row is not None:
            row.cells[_col(xs, cx)].fills.append((t, b, rect.fill))
    rows = [r for r in rows if not r.empty]
    if len(rows) < 2:
        return None
    box = (xs[0], top, xs[-1], bottom)
    above = [ln for ln in page.lines if ln.box and top - 40 <= ln.box[3] <= top - 0.5 and ln.box[2] > xs[0]]
    return Grid(rows=rows, caption=above[-1].stripped if above else None, source="pdf", xs=xs, box=box, strategy="stream")


def _col(xs: list[float], x: float) -> int:
    for i in range(len(xs) - 1):
        if x + 1 < xs[i + 1]:
            return i
    return len(xs) - 2
