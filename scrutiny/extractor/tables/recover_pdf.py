"""Table recovery on PDF pages from the geometry ingest already read (no second parser).

Ruled tables: ruling lines are grouped into connected regions; the distinct x of the vertical rules
give the columns and the distinct y of the horizontal rules give the row bands; text runs and
filled rectangles fall into cells by position. Borderless two-column lists (glossaries) are found
from text runs that start at two steady x positions.
"""

from __future__ import annotations

from typing import Callable, Optional

from scrutiny.extractor.pages import Box, Line, Page, Segment
from scrutiny.extractor.tables.grid import Cell, Frag, Grid, Row

MIN_RULE = 5.0  # a rule shorter than this is a tick, not a border
TOUCH = 2.5  # rules closer than this touch
MERGE = 2.5  # positions closer than this are the same border


# Given a page and a grid read from it: the page with runs parted at the columns found inside the
# grid's ruled columns and those columns' x, or None (see Glyphs.inner_columns).
InnerColumns = Callable[[Page, Grid], Optional[tuple[Page, list[float]]]]


def ruled_grids(page: Page, inner: Optional[InnerColumns] = None) -> list[Grid]:
    """Every ruled table on the page, top to bottom; with ``inner``, a ruled column holding two
    columns of figures set apart by a gutter (no rule between them) is read as two."""
    grids = []
    for group in _components(rule_boxes(page)):
        grid = _grid(page, group)
        split = inner(page, grid) if grid is not None and inner is not None else None
        if split is not None:
            grid = _grid(split[0], group, split[1]) or grid
        if grid is not None:
            grids.extend(_side_by_side(grid, [(b[0] + b[2]) / 2 for b in group if (b[3] - b[1]) > (b[2] - b[0])]))
    return grids


def _side_by_side(grid: Grid, walls: list[float]) -> list[Grid]:
    """A table set in two or more panels side by side (a long list folded into columns): its
    first row repeats one header of two columns or more across the whole width, each repeat
    starting at a vertical rule. Each panel is a table of its own."""
    head = grid.rows[0].texts()
    n = len(head)
    for m in range(2, n // 2 + 1):
        block = head[:m]
        if n % m or sum(1 for t in block if t) < 2 or any(head[i:i + m] != block for i in range(m, n, m)):
            continue
        if not all(any(abs(grid.xs[i] - w) <= MERGE for w in walls) for i in range(m, n, m)):
            continue
        panels = []
        for i in range(0, n, m):
            rows = [Row(r.cells[i:i + m], r.page, r.top, r.bottom, r.spaced) for r in grid.rows]
            rows = [r for r in rows if not r.empty]
            xs = grid.xs[i:i + m + 1]
            if len(rows) >= 2:
                panels.append(Grid(rows=rows, caption=grid.caption, source=grid.source, xs=xs,
                                   box=(xs[0], grid.box[1], xs[-1], grid.box[3]), strategy=grid.strategy))
        return panels
    return [grid]


def cell_grids(page: Page, taken: list[Box]) -> list[Grid]:
    """Tables drawn as shaded cells instead of lines: the edges of filled rectangles are the
    grid's borders (cells a little apart, with white gutters between, still touch). A grid is kept
    when it has two columns and two rows at least; a lone band (a zebra row, a title box) is not a
    grid. Regions a ruled grid already holds are left to it."""
    edges: list[Box] = []
    for rect in page.rects:
        x0, top, x1, bottom = rect.box
        if x1 - x0 < 6 or bottom - top < 6 or _inside(rect.box, taken):
            continue
        edges += [(x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)]
    if len(edges) < 16:
        return []
    grids = []
    for group in _components(edges):
        grid = _grid(page, group)
        if grid is not None and grid.width >= 2 and len(grid.rows) >= 2:
            grid.strategy = "cells"
            grids.append(grid)
    return grids


BAR = 3.0  # a filled rectangle this thin (and ten times as long) is drawn as a rule


def rule_boxes(page: Page) -> list[Box]:
    """The page's ruling lines, with thin filled bars (a heavy rule drawn as a rectangle)."""
    seen, out = set(), []
    bars = [b for b in _joined([r.box for r in page.rects if min(r.box[2] - r.box[0], r.box[3] - r.box[1]) <= BAR])
            if max(b[2] - b[0], b[3] - b[1]) >= 10 * min(b[2] - b[0], b[3] - b[1])]
    for box in [r.box for r in page.rules] + bars:
        x0, top, x1, bottom = box
        if max(x1 - x0, bottom - top) < MIN_RULE:
            continue
        key = tuple(round(v) for v in box)
        if key not in seen:
            seen.add(key)
            out.append(box)
    return out


def _joined(boxes: list[Box]) -> list[Box]:
    """Thin rectangles with those that carry one on end to end (a heavy rule drawn a cell at a
    time) joined into one."""
    out: list[Box] = []
    for upright in (False, True):
        lanes: dict[tuple[int, int], list[Box]] = {}
        for b in boxes:
            if ((b[3] - b[1]) > (b[2] - b[0])) == upright:
                key = (round(b[0]), round(b[2])) if upright else (round(b[1]), round(b[3]))
                lanes.setdefault(key, []).append(b)
        for lane in lanes.values():
            lane.sort(key=lambda b: b[1] if upright else b[0])
            run = list(lane[0])
            for b in lane[1:]:
                if (b[1] <= run[3] + TOUCH) if upright else (b[0] <= run[2] + TOUCH):
                    run = [min(run[0], b[0]), min(run[1], b[1]), max(run[2], b[2]), max(run[3], b[3])]
                else:
                    out.append(tuple(run))
                    run = list(b)
            out.append(tuple(run))
    return out


def _touch(a: Box, b: Box) -> bool:
    return a[0] - TOUCH <= b[2] and b[0] - TOUCH <= a[2] and a[1] - TOUCH <= b[3] and b[1] - TOUCH <= a[3]


def _components(boxes: list[Box]) -> list[list[Box]]:
    """Connected groups of touching rules (union-find)."""
    parent = list(range(len(boxes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(boxes)), key=lambda i: boxes[i][1])
    for n, i in enumerate(order):
        for j in order[n + 1:]:
            if boxes[j][1] - TOUCH > boxes[i][3]:
                break
            if _touch(boxes[i], boxes[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Box]] = {}
    for i in range(len(boxes)):
        groups.setdefault(find(i), []).append(boxes[i])
    return sorted(groups.values(), key=lambda g: min(b[1] for b in g))


def _positions(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > MERGE:
            out.append(v)
    return out


def _grid(page: Page, group: list[Box], inner: tuple[float, ...] | list[float] = ()) -> Optional[Grid]:
    verticals = [b for b in group if (b[3] - b[1]) > (b[2] - b[0])]
    horizontals = [b for b in group if (b[2] - b[0]) >= (b[3] - b[1])]
    if len(verticals) < 2 or len(horizontals) < 2:
        return None
    xs = _open_sides(_positions([(b[0] + b[2]) / 2 for b in verticals]), horizontals)
    ruled = xs
    xs = sorted(xs + [x for x in inner if xs[0] < x < xs[-1]])
    parents = [sum(1 for r in ruled[1:-1] if r <= (a + b) / 2) for a, b in zip(xs, xs[1:])]  # each column's ruled column
    ys = [(b[1] + b[3]) / 2 for b in horizontals] + [min(b[1] for b in verticals), max(b[3] for b in verticals)]
    ys = _positions(ys + _band_edges(page, xs[0], xs[-1], min(ys), max(ys)))
    if len(xs) < 2 or len(ys) < 2:
        return None
    bands = [(a, b) for a, b in zip(ys, ys[1:]) if b - a >= 3]
    rows = [Row([Cell() for _ in range(len(xs) - 1)], page, top, bottom) for top, bottom in bands]
    if not rows:
        return None
    box = (xs[0], ys[0], xs[-1], ys[-1])
    for line in page.lines:
        for seg in line.segments:
            _place(rows, xs, seg, line)
    for rect in page.rects:
        _place_fill(rows, xs, rect.box, rect.fill)
    for row in rows:
        for cell in row.cells:
            cell.frags = _merge_frags(cell.frags)
    rows = [part for r in rows for part in _line_rows(r, parents)]
    rows = [r for r in rows if not r.empty or any(c.fills for c in r.cells)]
    if not rows:
        return None
    return Grid(rows=rows, caption=_caption(page, box), source="pdf", xs=xs, box=box)


OPEN_SIDE = 8.0  # horizontal rules reaching this far past the outer vertical frame a column of their own


def _open_sides(xs: list[float], horizontals: list[Box]) -> list[float]:
    """Column edges with the columns a table leaves open at its sides: horizontal rules at two
    heights or more (the frame's top and bottom, a header's underline) running on past the outer
    vertical rule, where the stub column of row labels (or a last column) has no border of its
    own. The rules' ends are the table's edges there."""
    if not xs:
        return xs
    left = min(b[0] for b in horizontals)
    right = max(b[2] for b in horizontals)
    out = list(xs)
    if left < xs[0] - OPEN_SIDE and len(_positions([b[1] for b in horizontals if b[0] <= left + TOUCH])) >= 2:
        out.insert(0, left)
    if right > xs[-1] + OPEN_SIDE and len(_positions([b[1] for b in horizontals if b[2] >= right - TOUCH])) >= 2:
        out.append(right)
    return out


FULL_ROW = 0.8  # a line with short text in this share of the columns is a record of its own ...
FULL_SHARE = 0.7  # ... where this share of a band's lines are such records
SHORT = 3  # words in a short cell text (a figure, a date, a code)


def _line_rows(row: Row, parents: list[int]) -> list[Row]:
    """A band between two rules holding several lines, each with short text in (nearly) every
    column, or figures beside a label (figures set line under line with no rule between): a row
    per line. Wrapped text in the cells (long lines in one or two columns) keeps the band one
    row. Columns are counted as ruled (``parents``: each column's ruled column), so a header
    spanning the two columns read inside one ruled column fills it."""
    lines: dict[int, list[tuple[int, Frag]]] = {}
    for c, cell in enumerate(row.cells):
        for f in cell.frags:
            lines.setdefault(id(f.line), []).append((c, f))
    if len(lines) < 2:
        return [row]
    width = len(row.cells)
    full = sum(1 for fs in lines.values() if len({parents[c] for c, _ in fs}) >= max(2, FULL_ROW * (parents[-1] + 1)) and _record([f.text for _, f in fs]))
    if full < FULL_SHARE * len(lines):
        return [row]
    order = sorted(lines.values(), key=lambda fs: min(f.top or 0 for _, f in fs))
    out = []
    for k, fs in enumerate(order):
        top = row.top if k == 0 else min(f.top or 0 for _, f in fs) - 0.5
        nxt = order[k + 1] if k + 1 < len(order) else None
        bottom = row.bottom if nxt is None else min(f.top or 0 for _, f in nxt) - 0.5
        cells = [Cell([f for c2, f in fs if c2 == c], list(row.cells[c].fills)) for c in range(width)]
        out.append(Row(cells, row.page, top, bottom, row.spaced))
    return out


def _record(texts: list[str]) -> bool:
    """Whether one line's cell texts read as a record of its own: short texts only, or figures
    (no lower-case word: numbers, codes, marks) in every cell but one, the row's label."""
    if all(len(t.split()) <= SHORT for t in texts):
        return True
    return len(texts) >= 3 and sum(1 for t in texts if len(t.split()) > SHORT or any(ch.islower() for ch in t)) <= 1


def _band_edges(page: Page, left: float, right: float, top: float, bottom: float) -> list[float]:
    """Edges of fills spanning the whole grid (a shaded header or theme row drawn without a rule
    under it, in one rectangle or one per cell) that fall between lines of text: row borders as
    much as a rule is."""
    bands: dict[tuple[int, int], float] = {}
    for rect in page.rects:
        x0, t, x1, b = rect.box
        if x1 > left - 3 and x0 < right + 3:
            key = (round(t), round(b))
            bands[key] = bands.get(key, 0.0) + min(x1, right) - max(x0, left)
    out = []
    for (t, b), width in bands.items():
        if width < 0.9 * (right - left):
            continue
        for y in (t, b):
            if top + 2 < y < bottom - 2 and not any(ln.box and ln.box[1] + 1 < y < ln.box[3] - 1 for ln in page.lines):
                out.append(float(y))
    return out


def _index(edges: list[float], value: float) -> Optional[int]:
    for i, (a, b) in enumerate(zip(edges, edges[1:])):
        if a - 1 <= value < b + 1:
            return i
    return None


def _place(rows: list[Row], xs: list[float], seg: Segment, line: Line) -> None:
    x0, top, x1, bottom = seg.box
    mid = (top + bottom) / 2
    if not (xs[0] - 2 <= x0 + 1 <= xs[-1]):
        return
    col = _index(xs, x0 + 1)
    if col is not None and col + 1 < len(xs) - 1 and x1 > xs[col + 1] + 6 and xs[col + 1] - x0 < 5:
        # a first letter poking out of its cell across the rule is no text of the cell to the left
        # (a spanning run starts well inside its first column)
        col += 1
    for row in rows:
        if row.top - 1 <= mid < row.bottom + 1 and col is not None:
            row.cells[col].frags.append(Frag(clean_text(seg.text), top, bottom, line, x0, seg.baseline, seg.colour))
            return


def _place_fill(rows: list[Row], xs: list[float], box: Box, fill) -> None:
    x0, top, x1, bottom = box
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    col = _index(xs, cx)
    if col is None:
        return
    for row in rows:
        if row.top - 1 <= cy < row.bottom + 1:
            entry = (top, bottom, fill)
            if entry not in row.cells[col].fills:
                row.cells[col].fills.append(entry)
            return


def clean_text(text: str) -> str:
    """Text as printed: the soft-hyphen control PDF fonts emit becomes a hyphen."""
    return text.replace("\x02", "-").replace("\u00ad", "-").strip()


def _reading_order(frag: Frag) -> tuple:
    """Top to bottom by baseline (runs of one line share it though their boxes differ), then left
    to right."""
    y = frag.baseline if frag.baseline is not None else (frag.top or 0)
    return (round(y / 2), frag.x0 or 0)


def _merge_frags(frags: list[Frag]) -> list[Frag]:
    """Runs of one visual line inside a cell become one fragment, in reading order."""
    out: list[Frag] = []
    for frag in sorted(frags, key=_reading_order):
        last = out[-1] if out else None
        if last is not None and last.line is frag.line:
            last.text = f"{last.text} {frag.text}".strip()
            last.bottom = max(last.bottom or 0, frag.bottom or 0)
        elif last is not None and abs((last.top or 0) - (frag.top or 0)) < 2:
            last.text = f"{last.text} {frag.text}".strip()
        else:
            out.append(Frag(frag.text, frag.top, frag.bottom, frag.line, frag.x0, frag.baseline, frag.colour))
    return out


def _caption(page: Page, box: Box) -> Optional[str]:
    above = [ln for ln in page.lines if ln.box and box[1] - 40 <= ln.box[3] <= box[1] + 1 and ln.box[2] > box[0]]
    return above[-1].stripped if above else None


# --------------------------------------------------------------------------- borderless lists


def _split(ln: Line) -> Optional[tuple[list[Segment], list[Segment]]]:
    """A line as (term runs, text runs) at its first gap of 10pt or more; a run drawn over the end
    of the one before (a glyph printed twice) is dropped."""
    segs: list[Segment] = []
    for seg in ln.segments:
        if segs and seg.box[0] < segs[-1].box[2] - 0.5 and segs[-1].text.endswith(seg.text):
            continue
        segs.append(seg)
    for k in range(1, len(segs)):
        if segs[k].box[0] - segs[k - 1].box[2] >= 10:
            return segs[:k], segs[k:]
    return None


def borderless_pairs(page: Page, taken: list[Box]) -> Optional[Grid]:
    """A two-column list without rules: lines whose term starts at one x and whose text starts at
    another steady x after a wide gap (the text may be drawn in several runs), with following
    lines at the text's x continuing the entry."""
    lines = [ln for ln in page.lines if ln.box and not _inside(ln.box, taken)]
    starts: dict[tuple[int, int], int] = {}
    parts = {}
    for ln in lines:
        split = _split(ln)
        if split is not None and len(split[0]) <= 2:
            parts[id(ln)] = split
            key = (round(split[0][0].box[0] / 3), round(split[1][0].box[0] / 3))
            starts[key] = starts.get(key, 0) + 1
    if not starts:
        return None
    key, count = max(starts.items(), key=lambda kv: (kv[1], kv[0]))
    if count < 4:
        return None
    x_term, x_text = key[0] * 3, key[1] * 3
    paired = [ln for ln in lines if id(ln) in parts and abs(parts[id(ln)][0][0].box[0] - x_term) <= 4
              and abs(parts[id(ln)][1][0].box[0] - x_text) <= 4]
    pitches = sorted(b.box[1] - a.box[1] for a, b in zip(paired, paired[1:]) if b.box[1] > a.box[1])
    pitch = pitches[len(pitches) // 2] if pitches else 0.0
    rows: list[Row] = []
    for ln in lines:
        first = ln.segments[0]
        split = parts.get(id(ln))
        if split is not None and abs(split[0][0].box[0] - x_term) <= 4 and abs(split[1][0].box[0] - x_text) <= 4:
            term = split[0][0].text
            if rows and term[:1].islower() and ln.box[1] - rows[-1].lines[-1].box[1] < 0.85 * pitch:
                # a term wrapping onto the next line, closer than the entries' pitch
                rows[-1].cells[0].frags.append(Frag(" ".join(clean_text(x.text) for x in split[0]), ln.box[1], ln.box[3], ln, first.box[0]))
                rows[-1].cells[1].frags.append(Frag(" ".join(clean_text(x.text) for x in split[1]), ln.box[1], ln.box[3], ln, split[1][0].box[0]))
                rows[-1].bottom = ln.box[3]
                continue
            rows.append(Row([_cell(split[0], ln), _cell(split[1], ln)], page, ln.box[1], ln.box[3]))
        elif rows and len(ln.segments) == 1 and abs(first.box[0] - x_text) <= 4 and ln.box[1] - rows[-1].bottom < 20:
            rows[-1].cells[1].frags.append(Frag(clean_text(first.text), ln.box[1], ln.box[3], ln, first.box[0]))
            rows[-1].bottom = ln.box[3]
    if len(rows) < 4:
        return None
    grid = Grid(rows=rows, caption=None, source="pdf", strategy="pairs")
    grid.box = grid_box(grid)
    return grid


def _cell(segs: list[Segment], line: Line) -> Cell:
    text = " ".join(clean_text(s.text) for s in segs)
    return Cell([Frag(text, segs[0].box[1], max(s.box[3] for s in segs), line, segs[0].box[0])])
def _inside(box: Box, regions: list[Box]) -> bool:
    cy = (box[1] + box[3]) / 2
    return any(r[1] - 2 <= cy <= r[3] + 2 and r[0] - 2 <= box[0] <= r[2] for r in regions)


def grid_box(grid: Grid) -> Box:
    tops = [r.top for r in grid.rows if r.top is not None]
    bottoms = [r.bottom for r in grid.rows if r.bottom is not None]
    xs = [f.line.box for r in grid.rows for c in r.cells for f in c.frags if f.line and f.line.box]
    x0 = min((b[0] for b in xs), default=0.0)
    x1 = max((b[2] for b in xs), default=0.0)
    return (x0, min(tops, default=0.0), x1, max(bottoms, default=0.0))
