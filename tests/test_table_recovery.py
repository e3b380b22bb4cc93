"""Unit tests of table recovery without a full grid (stream, shaded cells) and of action logs."""

from __future__ import annotations

from scrutiny.extractor.pages import FilledRect, Line, Page, Rule, Segment
from scrutiny.extractor.tables.actionlog import rows_to_actions, short_column, theme_of
from scrutiny.extractor.tables.grid import Cell, Frag, Row
from scrutiny.extractor.tables.kinds import header_layout
from scrutiny.extractor.tables.recover_pdf import cell_grids, ruled_grids
from scrutiny.extractor.tables.recover_stream import gutters, stream_grids


def _line(top: float, *runs: tuple[float, str], h: float = 8.0) -> Line:
    segs = tuple(Segment(t, (x, top, x + 6 * len(t), top + h), baseline=top + h) for x, t in runs)
    return Line(text=" ".join(t for _, t in runs), box=(segs[0].box[0], top, segs[-1].box[2], top + h), segments=segs)


def _page(lines, rects=()) -> Page:
    return Page(index=1, lines=list(lines), width=600, height=800, rects=list(rects))


def test_stream_columns_from_gutters_and_rows_from_pitch():
    lines = [
        _line(100, (40, "Ref"), (100, "Action"), (300, "Due")),
        _line(118, (40, "1.1"), (100, "Do a thing"), (300, "1 May")),
        _line(128, (100, "carried on")),  # a second line of the same cell: leading, not a new row
        _line(146, (40, "1.2"), (100, "Do another"), (300, "2 May")),
        _line(164, (40, "1.3"), (100, "And a third"), (300, "3 May")),
    ]
    grids = stream_grids(_page(lines), [])
    assert len(grids) == 1
    rows = [r.texts() for r in grids[0].rows]
    assert rows == [["Ref", "Action", "Due"], ["1.1", "Do a thing carried on", "1 May"],
                    ["1.2", "Do another", "2 May"], ["1.3", "And a third", "3 May"]]
    assert grids[0].strategy == "stream" and len(grids[0].xs) == 4


def test_prose_is_not_a_table():
    lines = [_line(100 + 12 * i, (40, "A line of running text that fills the measure")) for i in range(8)]
    assert stream_grids(_page(lines), []) == []


def test_a_run_crossing_one_gutter_does_not_close_it_when_rare():
    lines = [_line(100 + 12 * i, (40, "aa"), (100, "bb")) for i in range(40)]
    lines.append(_line(600, (40, "x" * 12)))  # a single one-run line is not counted at all
    found = gutters(lines, 40, 112)
    assert len(found) == 1 and 52 <= found[0][0] < found[0][1] <= 100


def test_shaded_cells_make_a_grid_and_a_lone_band_does_not():
    rects = [FilledRect((x, y, x + 98.5, y + 18.5), (230, 230, 230)) for y in (100, 120) for x in (40, 140)]
    lines = [_line(105, (45, "Ref"), (145, "Action")), _line(125, (45, "1"), (145, "Go"))]
    grids = cell_grids(_page(lines, rects), [])
    assert [r.texts() for r in grids[0].rows] == [["Ref", "Action"], ["1", "Go"]]
    band = [FilledRect((40, 100, 540, 118), (230, 230, 230))] * 1
    assert cell_grids(_page(lines, band), []) == []


def test_action_log_headers_in_other_words():
    log = header_layout(["Meeting date & action number", "Action", "Deadline", "Progress"])
    assert log.kind == "action_log" and log.columns == {"ref": 0, "title": 1, "due": 2, "note": 3}
    plan = header_layout(["What we have committed to", "Strategies / plans in place to deliver", "Led by / responsible"])
    assert plan.kind == "action_log" and plan.columns == {"title": 0, "plan": 1, "lead": 2}
    assert header_layout(["Action", "Key Milestone", "Start", "Target Date", "RAG", "Owner", "Update"]).kind == "action_plan"


def test_progress_of_short_phrases_is_a_status_and_themes_come_from_the_title():
    assert short_column(["On track", "Complete", "Plan in place"])
    assert not short_column(["The team met twice and agreed the next steps with partners"])
    assert theme_of("Shared outcome 1: Give children the best start ~ CYPE input") == "Give children the best start"
    assert theme_of("Minutes of the meeting") is None


def test_action_log_rows():
    page = _page([])
    layout = header_layout(["Ref", "Action", "Deadline", "Progress"])

    def row(*texts):
        return Row([Cell([Frag(t)]) if t else Cell() for t in texts], page)

    rows = [row("A1", "Publish the data", "June", "On track"), row("A2", "Write to the board", "Ongoing", "Complete")]
    out = rows_to_actions(rows, [True, False], [None, None], [[], []], layout)
    assert [(a["ref"], a["title"], a["due"], a["status"], a["progress_note"]) for a in out] == [
        ("A1", "Publish the data", "June", "On track", None), ("A2", "Write to the board", "Ongoing", "Complete", None)]


def test_figures_set_line_under_line_are_a_row_each_and_the_title_and_note_stay_out():
    lines = [_line(60, (40, "Table 1. Pupils by year and school, in thousands, as counted each autumn"))]
    lines.append(_line(80, (40, "Year"), (120, "Total"), (200, "Public"), (280, "Private")))
    for i in range(8):
        lines.append(_line(92 + 10 * i, (40, str(2001 + i)), (120, f"{30 + i},1"), (200, f"{20 + i},5"), (280, f"{9 + i},6")))
    lines.append(_line(176, (40, "NOTE: Figures are rounded, so the parts may not add up to the totals shown.")))
    grids = stream_grids(_page(lines), [])
    assert len(grids) == 1
    rows = [r.texts() for r in grids[0].rows]
    assert rows[0] == ["Year", "Total", "Public", "Private"]
    assert rows[1] == ["2001", "30,1", "20,5", "9,6"] and len(rows) == 9  # header and eight years, no title, no note


def test_a_title_across_the_columns_parts_two_stacked_tables():
    lines = []
    for k, top in enumerate((60, 200)):
        lines.append(_line(top, (40, f"Table {k + 1}. A caption long enough to run across every column of the table")))
        for i in range(5):
            lines.append(_line(top + 14 + 10 * i, (40, f"r{i}"), (120, f"{i}.0"), (200, f"{i}.5"), (280, f"{i}.9")))
    grids = stream_grids(_page(lines), [])
    assert len(grids) == 2
    assert all(len(g.rows) == 5 for g in grids)


def test_status_glyph_colour_is_read_as_rag():
    from scrutiny.extractor.tables.status import rag_of_glyph

    red = Cell([Frag("●", colour=(220, 30, 30))])
    black = Cell([Frag("●", colour=(0, 0, 0))])
    word = Cell([Frag("Red", colour=(220, 30, 30))])
    assert rag_of_glyph(red.glyph_colour) == "red"
    assert rag_of_glyph(black.glyph_colour) is None
    assert word.glyph_colour is None  # a word is read as a word, not by its ink


def test_lines_set_solid_are_a_row_each():
    # loose glyph boxes of lines set solid touch (each line's bottom is the next one's top)
    lines = [_line(100, (40, "Age"), (120, "Men"), (200, "Women"), (280, "All"), h=12.0)]
    for i in range(6):
        lines.append(_line(112 + 12 * i, (40, f"{20 + i}"), (120, f"{i}1"), (200, f"{i}2"), (280, f"{i}3"), h=12.0))
    grids = stream_grids(_page(lines), [])
    assert len(grids) == 1 and len(grids[0].rows) == 7
    assert grids[0].rows[3].texts() == ["22", "21", "22", "23"]


def test_a_row_whose_figures_run_together_is_no_title():
    xs = (40, 120, 200, 280, 360, 440)
    lines = [_line(68, (280, "Region")), _line(80, *zip(xs, ("Year", "Total", "North", "South", "East", "West")))]
    lines.append(_line(92, (40, "2000"), (120, "31,1"), (200, "20,5 9,6 7,7 6,8 " + "." * 30)))  # four cells in one run
    for i in range(6):
        lines.append(_line(104 + 12 * i, *zip(xs, (str(2001 + i), f"{30 + i},1", f"{20 + i},5", f"{9 + i},6", "1,0", "2,0"))))
    grids = stream_grids(_page(lines), [])
    assert len(grids) == 1
    assert ["Year", "Total", "North", "South", "East", "West"] in [r.texts() for r in grids[0].rows]


def test_glyphs_are_read_again_for_spread_figures_not_for_capitals():
    from scrutiny.extractor.tables import _open_multi

    def spread(top: float, text: str, width: float) -> Line:
        seg = Segment(text, (40, top, 40 + width, top + 8))
        return Line(text=text, box=seg.box, segments=(seg,))

    figures = [spread(100 + 12 * i, "Maine 13,278 13,077 12,950", 26 * 8) for i in range(3)]
    heading = [spread(100 + 12 * i, "APOLOGIES FOR ABSENCE", 21 * 7.5) for i in range(3)]
    prose = [spread(100 + 12 * i, "a line of running text set in the measure", 41 * 4) for i in range(3)]
    assert _open_multi(_page(figures), []) == 3
    assert _open_multi(_page(heading), []) == 0 and _open_multi(_page(prose), []) == 0


def _open_table(rules, rects=()):
    """A table ruled above, under its header and below, with vertical rules between the figure
    columns only: the label column on the left has no border of its own."""
    lines = [_line(102, (45, "Group"), (165, "2005"), (245, "2010"))]
    labels = ["With a disability ....", "Severe disability ...", "No disability ......"]
    for i, label in enumerate(labels):
        lines.append(_line(122 + 10 * i, (45, label), (165, f"{i}1,2"), (245, f"{i}3,4")))
    page = _page(lines, rects)
    page.rules = [Rule(b) for b in rules] + [Rule((x, 100, x + 1, 152)) for x in (160, 240, 320)]
    return page


def test_a_ruled_table_open_at_its_side_keeps_its_label_column():
    page = _open_table([(40, 100, 320, 101), (40, 115, 320, 116), (40, 152, 320, 153)])
    rows = [r.texts() for r in ruled_grids(page)[0].rows]
    assert rows[0] == ["Group", "2005", "2010"]
    assert rows[1:] == [["With a disability ....", "01,2", "03,4"], ["Severe disability ...", "11,2", "13,4"],
                        ["No disability ......", "21,2", "23,4"]]  # a line each: figures beside their labels


def test_thin_filled_bars_rule_a_table():
    bars = [FilledRect((40, y, 320, y + 2.2), (0, 0, 0)) for y in (98.5, 150.8)]
    page = _open_table([(40, 115, 320, 116)], bars)
    grids = ruled_grids(page)
    assert len(grids) == 1 and grids[0].rows[0].texts() == ["Group", "2005", "2010"]


def _glyph_line(top: float, *runs: tuple[float, str], w: float = 5.0, h: float = 8.0) -> tuple[Line, list[dict]]:
    """A line drawn in a monospaced font, each run as ingest gives it (one segment, however wide
    its spaces), with the glyphs that draw it."""
    segs, chars = [], []
    for x, text in runs:
        segs.append(Segment(text, (x, top, x + w * len(text), top + h), baseline=top + h))
        chars += [{"text": ch, "x0": x + w * i, "x1": x + w * (i + 1), "top": top, "bottom": top + h, "size": h}
                  for i, ch in enumerate(text) if ch != " "]
    line = Line(text=" ".join(t for _, t in runs), box=(segs[0].box[0], top, segs[-1].box[2], top + h), segments=tuple(segs))
    return line, chars


def _two_in_one(cells: list[str]) -> tuple[Page, "Glyphs"]:
    """A ruled table (columns at 40, 100, 260) whose second ruled column holds two columns of
    figures under one spanning header, with the page's glyphs."""
    from scrutiny.extractor.tables.glyphs import Glyphs

    drawn = [_glyph_line(102, (45, "Age"), (140, "Population")), _glyph_line(112, (115, "Male      Female"))]
    drawn += [_glyph_line(130 + 10 * i, (45, f"{i}-{i + 1}"), (110, text)) for i, text in enumerate(cells)]
    page = _page([ln for ln, _ in drawn])
    page.rules = [Rule((40, y, 260, y + 1)) for y in (100, 111, 122, 190)] + [Rule((x, 100, x + 1, 190)) for x in (40, 100, 260)]
    glyphs = Glyphs(None)
    glyphs.read[page.index] = ([c for _, chars in drawn for c in chars], 1.6 * 0.6)
    return page, glyphs


def test_two_columns_of_figures_inside_one_ruled_column_are_read_apart():
    figures = [("1,087,948", "1,022,490"), ("647,701", "639,327"), ("2,586,688", "12,568,738"), ("45,313", "52,006"),
               ("9,619,653", "9,965,622")]
    page, glyphs = _two_in_one([f"{a:>9} {b:>10}" for a, b in figures])
    rows = [r.texts() for r in ruled_grids(page, glyphs.inner_columns)[0].rows]
    assert rows[0] == ["Age", "Population", ""]  # the spanning header stays whole, in the first of its columns
    assert rows[1] == ["", "Male", "Female"]
    assert rows[2:4] == [["0-1", "1,087,948", "1,022,490"], ["1-2", "647,701", "639,327"]]
    assert ruled_grids(page)[0].rows[2].texts()[1].split() == ["1,087,948", "1,022,490"]  # without the glyphs: one column


def test_figures_whose_thousands_are_set_a_space_apart_stay_one_column():
    page, glyphs = _two_in_one([f"{t:>11}" for t in ("2 246 496", "79 935", "961 073", "2 961", "1 649 692")])
    assert ruled_grids(page, glyphs.inner_columns)[0].width == 2


def test_a_header_repeated_across_panels_parts_a_folded_table():
    lines = [_line(102, (45, "Age"), (125, "Total"), (205, "Age"), (285, "Total"))]
    lines += [_line(122 + 10 * i, (45, f"{i} years"), (125, f"{i}00"), (205, f"{i + 40} years"), (285, f"{i}50")) for i in range(3)]
    page = _page(lines)
    page.rules = [Rule((40, y, 360, y + 1)) for y in (100, 115, 155)] + [Rule((x, 100, x + 1, 155)) for x in (40, 120, 200, 280, 360)]
    grids = ruled_grids(page)
    assert [g.rows[0].texts() for g in grids] == [["Age", "Total"], ["Age", "Total"]]
    assert grids[1].rows[1].texts() == ["40 years", "050"] and abs(grids[1].box[0] - 200) < 1
    page.lines[0] = _line(102, (45, "Age"), (125, "Total"), (205, "Age"), (285, "Share"))
    assert len(ruled_grids(page)) == 1  # different headers side by side: one table


def test_a_heavy_rule_drawn_a_cell_at_a_time_is_one_rule():
    from scrutiny.extractor.tables.recover_pdf import rule_boxes

    pieces = [FilledRect((200, y, 202.2, y + 12.2), (0, 0, 0)) for y in range(100, 160, 12)]
    page = _page([], pieces)
    assert rule_boxes(page) == [(200, 100, 202.2, 160.2)]
    page.rects = pieces[::2]  # apart: no rule
    assert rule_boxes(page) == []


def test_glyphs_are_read_for_a_column_only_where_its_runs_may_leave_a_gutter():
    from scrutiny.extractor.tables.glyphs import _may_part

    def grid_of(texts: list[str], width: float):
        lines = [Line(text=t, box=(110, 130 + 10 * i, 110 + width * len(t), 138 + 10 * i),
                      segments=(Segment(t, (110, 130 + 10 * i, 110 + width * len(t), 138 + 10 * i)),)) for i, t in enumerate(texts)]
        page = _page(lines)
        page.rules = [Rule((40, y, 260, y + 1)) for y in (125, 190)] + [Rule((x, 125, x + 1, 190)) for x in (40, 100, 260)]
        return ruled_grids(page)[0]

    dates = ["01 Oct 2009", "31 Oct 2009", "30 Sep 2009", "31 Dec 2009", "28 Feb 2010"]
    assert not _may_part(grid_of(dates, 4.0), 1)  # words set close: no gutter to look for
    figures = [f"{a:>9} {b:>10}" for a, b in [("1,087,948", "1,022,490"), ("647,701", "639,327"), ("45,313", "52,006"), ("9,619,653", "9,965,622")]]
    assert _may_part(grid_of(figures, 5.0), 1)
    assert _may_part(grid_of(dates, 9.0), 1)  # the same words spread wide may
