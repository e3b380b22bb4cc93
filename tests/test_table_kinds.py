"""Risk registers, timeline plans, term lists and the glyph re-reading: unit tests of each
mechanism on small made-up tables, then the corpus documents they were built for, scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS, needs_shared
from scrutiny.extractor.evaluate import evaluate
from scrutiny.extractor.pages import Line, Page, Rule, Segment
from scrutiny.extractor.tables.columns import content
from scrutiny.extractor.tables.grid import Cell, Frag, Row, text_cell
from scrutiny.extractor.tables.kinds import header_layout
from scrutiny.extractor.tables.others import glossary_rows
from scrutiny.extractor.tables.recover_pdf import borderless_pairs
from scrutiny.extractor.tables.reread import page_from
from scrutiny.extractor.tables.risks import resolve, rows_to_risks
from scrutiny.extractor.tables.timeline import due_of, lead_of, period_month, rows_to_plan, steps

ROOT = Path(__file__).resolve().parents[1]
PAGE = Page(index=1, lines=[])


def rows(*texts: list[str], page: Page = PAGE) -> list[Row]:
    return [Row([text_cell(t) for t in r], page, top=10.0 * i, bottom=10.0 * i + 9) for i, r in enumerate(texts)]


# --------------------------------------------------------------------------- column content


def test_column_content_kinds():
    assert content(["H", "M", "l", "High", "3"]).kind == "rating"
    assert content(["1.1", "1.2", "2", "R3"]).kind == "ref"
    assert content(["Check invoices against the order book monthly", "Insurance reviewed every year by the council"]).kind == "sentences"
    labels = content(["Finance", "", "", "Assets", ""])
    assert labels.kind == "labels" and labels.carried
    assert not content(["Finance", "Assets", "Staff"]).carried


# --------------------------------------------------------------------------- risk registers


HEADER = ["Ref.", "Topic", "Risk Identified", "Risk (H/M/L)", "Management of Risk", "Action", "Notes"]


def test_risk_header_and_columns_from_content():
    layout = header_layout(HEADER)
    assert layout is not None and layout.kind == "risk_register"
    body = [["1.1", "Precept", "Not submitted", "L", "Full minute", "", ""],
            ["", "", "Adequacy of precept", "H", "Quarterly review of budget to actual", "Diary", ""]]
    cols = resolve(layout, body)
    assert (cols["ref"], cols["theme"], cols["title"], cols["rating"], cols["controls"], cols["lead"]) == (0, 1, 2, 3, 4, 5)


def test_risk_rating_found_by_content_when_the_header_says_risk_twice():
    layout = header_layout(["Area", "Risk", "Risk", "Controls"])
    assert layout is not None and layout.kind == "risk_register"
    body = [["Finance", "Loss of cash", "M", "Fidelity cover in place for the clerk"],
            ["", "Budget overspent", "H", "Monthly budget report to council meetings"]]
    cols = resolve(layout, body)
    assert cols["title"] == 1 and cols["rating"] == 2 and cols["theme"] == 0


def test_risk_rows_carry_merged_cells_and_skip_section_rows():
    layout = header_layout(HEADER)
    body = rows(["1.", "Finances", "", "", "", "", ""],
                ["1.1", "Precept", "Not submitted", "L", "Full minute", "", ""],
                ["", "", "Not paid", "L", "Confirm receipt", "RFO", ""],
                ["2", "Insured risks", "", "", "", "", ""],
                ["", "", "Loss of cash", "L", "Fidelity guarantee", "", ""])
    risks = rows_to_risks(body, [[]] * len(body), layout)
    assert [(r["ref"], r["theme"], r["title"], r["rating"], r["lead"]) for r in risks] == [
        ("1.1", "Precept", "Not submitted", "L", None),
        ("1.1", "Precept", "Not paid", "L", "RFO"),
        (None, None, "Loss of cash", "L", None),  # a section row ends what ran on above it
    ]


def test_a_rule_along_an_empty_cell_stops_the_carry():
    xs = [0.0, 50.0, 100.0, 200.0, 250.0]
    page = Page(index=1, lines=[], rules=[Rule((0.0, 20.0, 250.0, 20.0))])
    layout = header_layout(["Area", "Risk", "Controls", "Rating"])
    body = rows(["Finance", "Loss of cash", "Fidelity cover", "L"],
                ["", "Overspend", "Budget report", "M"],
                ["", "Fraud", "Two signatories", "L"], page=page)
    risks = rows_to_risks(body, [xs] * 3, layout)
    assert [r["theme"] for r in risks] == ["Finance", "Finance", None]


def test_a_row_of_risk_words_with_long_cells_is_no_header():
    assert header_layout(["Liability", "General risks to Council, Councillors and Clerk seen as a whole here", "Insurance"]) is None


# --------------------------------------------------------------------------- timeline plans


def test_timeline_header_and_periods():
    layout = header_layout(["Commitment", "Dec-2010", "Jan-2011", "Feb-2011"])
    assert layout is not None and layout.kind == "timeline"
    assert layout.columns == {"title": 0} and sorted(layout.periods) == [1, 2, 3]
    assert header_layout(["Commitment", "Dec-2010", "Jan-2011", "Budget"]) is None
    assert period_month("Dec-2010") == "2010-12" and period_month("Q3 2024") == "2024-09"


def test_timeline_steps_days_and_leads():
    assert steps("1. Draft the guidance. 2. Issue it to departments") == ["Draft the guidance.", "Issue it to departments"]
    assert steps("Publication of data") == ["Publication of data"]
    assert steps("Publish 1 April to 11 May data") == ["Publish 1 April to 11 May data"]
    assert due_of("To be published on the afternoon of 15 Dec", "2010-12") == "2010-12-15"
    assert due_of("Publish by 3 March", "2010-12") == "2010-12"  # a day in another month is no due date
    assert lead_of("Spending data to be published (Policy Lead - HMT)") == ("Spending data to be published", "HMT")
    assert lead_of("Spend per pupil olicy Lead - DfE)") == ("Spend per pupil", "DfE")
    assert lead_of("Total spending on R&D (Policy Lead") == ("Total spending on R&D", None)
    assert lead_of("Data for the period (April - September)") == ("Data for the period (April - September)", None)
    assert lead_of("Total spending on R&D (Policy Lead BIS)") == ("Total spending on R&D", "BIS")
    assert lead_of("Exceptions to be published on-line. lead - CO, ERG/Management)") == ("Exceptions to be published on-line.", "CO, ERG/Management")
    assert lead_of("Spend per child (Policy e ad - DfE)") == ("Spend per child (Policy e ad - DfE)", None)
    assert lead_of("Spend per child (Policy e ad - DfE)", loose=True) == ("Spend per child", "DfE")


def test_timeline_rows_give_actions_milestones_and_themes():
    layout = header_layout(["Commitment", "Dec-2010", "Jan-2011"])
    body = rows(["Publish spending (Policy Lead - HMT)", "1. Draft 2. Publish on 22 Dec", ""],
                ["FOLLOWING ARE DEPARTMENT PLANS", "", ""],
                ["School spend (Policy Lead - DfE)", "", "Publication of data"])
    actions, milestones = rows_to_plan(body, [[]] * 3, layout)
    assert [(a["title"], a["lead"], a["theme"]) for a in actions] == [
        ("Publish spending", "HMT", None), ("School spend", "DfE", "FOLLOWING ARE DEPARTMENT PLANS")]
    assert [(m["text"], m["due"]) for m in milestones] == [
        ("Draft", "2010-12"), ("Publish on 22 Dec", "2010-12-22"), ("Publication of data", "2011-01")]


# --------------------------------------------------------------------------- term lists


def test_phrase_terms_need_a_glossary_heading():
    body = rows(["Capital gain or loss", "An increase or decrease in the capital value of an investment"],
                ["Cost of carry", "The difference between interest payable and the income earned meanwhile"],
                ["Counterparty limit", "The most an investor will lend to one counterparty at a time"],
                ["Floating rate note (FRN)", "A bond whose interest rate changes at set intervals"])
    assert glossary_rows(body) is None
    entries = glossary_rows(body, headed=True)
    assert [e["term"] for e in entries] == ["Capital gain or loss", "Cost of carry", "Counterparty limit", "Floating rate note (FRN)"]
    even = rows(["Monday", "Tuesday"], ["Wednesday", "Thursday"], ["Friday", "Saturday"], ["Sunday", "Monday"])
    assert glossary_rows(even, headed=True) is None  # two columns of equal weight are no term list


def _line(*runs: tuple[str, float, float], top: float) -> Line:
    segs = tuple(Segment(t, (x0, top, x1, top + 9)) for t, x0, x1 in runs)
    return Line(" ".join(s.text for s in segs), (segs[0].box[0], top, segs[-1].box[2], top + 9), segs)


def test_borderless_pairs_keep_expansions_in_several_runs():
    lines = [_line(("AM", 72, 89), ("Additional", 198, 254), ("Modification", 255, 317), top=100),
             _line(("AMR", 72, 99), ("Annual Monitoring Report", 198, 337), top=114),
             _line(("EA", 73, 88), ("A", 87, 91), ("Environment Agency", 199, 311), top=128),
             _line(("ha", 73, 85), ("Hectare", 199, 243), top=142),
             _line(("HE", 73, 88), ("Historic England", 199, 289), top=156)]
    grid = borderless_pairs(Page(index=1, lines=lines), [])
    assert grid is not None
    assert [r.texts() for r in grid.rows] == [["AM", "Additional Modification"], ["AMR", "Annual Monitoring Report"],
                                             ["EA", "Environment Agency"], ["ha", "Hectare"], ["HE", "Historic England"]]


# --------------------------------------------------------------------------- glyph re-reading


def _chars(text: str, x: float, top: float, size: float = 10.0, width: float = 5.0) -> list[dict]:
    return [{"text": ch, "x0": x + i * width, "x1": x + (i + 1) * width, "top": top, "bottom": top + size, "size": size,
             "upright": True, "fontname": "Arial"} for i, ch in enumerate(text)]


def test_reread_splits_runs_at_wide_gaps_and_rules():
    chars = _chars("Ref.", 10, 20) + _chars("Topic", 60, 20) + _chars("Risks", 100, 20)
    edges = [{"x0": 99.0, "x1": 99.0, "top": 0.0, "bottom": 100.0, "object_type": "line", "stroking_color": (0,)}]
    page = page_from(chars, edges, [], 1, 300.0, 200.0)
    assert [s.text for s in page.lines[0].segments] == ["Ref.", "Topic", "Risks"]
    assert page.rules and not page.rules[0].horizontal
    joined = page_from(_chars("Ref. Topic", 10, 20), [], [], 1, 300.0, 200.0)
    assert [s.text for s in joined.lines[0].segments] == ["Ref. Topic"]  # a word space is no column gap


# --------------------------------------------------------------------------- corpus documents


DOCS = {
    "hertingfordbury-pc-2013-07-11-risk-register": ("uk_parish_town/hertingfordbury_pc_2013-07-11_risk-register.pdf", {"risks": 0.97}),
    "souldern-pc-2023-11-01-risk-assessment": ("uk_parish_town/souldern_pc_2023-11-01_risk-assessment.pdf", {"risks": 0.97}),
    "transparency-board-2011-01-11-publication-plan": ("uk_central_gov/transparency_board_2011-01-11_publication-plan.pdf",
                                                       {"actions": 0.8, "milestones": 0.95}),
    "kcc-treasury-strategy-2025-26-glossary": ("uk_kent_cc/kcc_full_council_2025-02-13_Appendix_M_-_Treasury_Management_Strategy_2025-26.pdf",
                                               {"glossary": 0.97}),
}


@needs_shared
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DOCS))
def test_corpus_tables_reach_their_floor(name):
    from test_tables import run

    path, floors = DOCS[name]
    gold = json.loads((ROOT / "tests" / "gold" / f"{name}.gold.json").read_text())
    got = evaluate(run(str(CORPUS / "meetings" / path)), gold, list(floors))["sections"]
    for section, floor in floors.items():
        assert got[section]["f1"] >= floor, (section, got[section]["f1"])
