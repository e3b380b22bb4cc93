"""Indicators of the Kent quarterly performance report (KPI summary tables and KPI cards), scored
against the hand-read gold of all 38 KPIs; unit tests of card footers, the summary-to-card merge,
indicator polarity and the trend check."""

from __future__ import annotations

import json
from pathlib import Path

from scrutiny.extractor.evaluate import evaluate
from scrutiny.extractor.tables.cards import align, footer, merge
from scrutiny.extractor.tables.indicators import header_like, polarity, trend_disagreement, trend_flags
from scrutiny.extractor.tables.kinds import header_layout
from scrutiny.models.records import Indicator, PeriodValue, Provenance, Quantity
from test_tables import run as run_tables
from conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KENT_GOLD = ROOT / "tests" / "gold" / "kent-qpr-q3-2024-25.gold.json"

# F1 and field accuracy reached on the complete gold (asserted as floors)
F1_FLOOR = 1.0
FIELDS_FLOOR = 1.0


def gold() -> dict:
    return json.loads(KENT_GOLD.read_text(encoding="utf-8"))


def run() -> dict:
    """The tables stage's output on the report (cached by test_tables.run)."""
    return run_tables(str(SHARED / gold()["source"]))


@needs_shared
def test_every_kpi_once_against_gold():
    result = evaluate(run(), gold(), ["indicators"])["sections"]["indicators"]
    assert result["f1"] >= F1_FLOOR, (result["missed"], result["spurious"])
    assert result["field_accuracy"] >= FIELDS_FLOOR, result["field_errors"][:5]


def test_gold_is_complete_and_consistent():
    """The gold holds as many KPIs as the report's key announces, with the executive summary's counts."""
    records = gold()["indicators"]
    assert len(records) == len({r["code"] for r in records}) == 38
    statuses = [r["status"] for r in records]
    trends = [r["trend"] for r in records]
    assert (statuses.count("green"), statuses.count("amber"), statuses.count("red")) == (17, 12, 9)
    assert (trends.count("better"), trends.count("worse"), trends.count("same")) == (10, 6, 22)


@needs_shared
def test_summary_rows_fold_into_their_cards():
    """Each summary-table row became part of its card: no record is left from the summary tables, and no
    folded row's RAG or arrow contradicts the card it was folded into."""
    data = run()
    assert {i["provenance"]["extractor"] for i in data["indicators"]} == {"tables.cards"}
    assert not [f for f in data["flags"] if f["code"] == "summary-disagrees-with-card"]
    for ind in data["indicators"]:
        labels = [p["label"] for p in ind["periods"]]
        assert len(labels) == len(set(labels)), ind["code"]
    card_grids = [t for t in data["tables"] if any("Latest:" in (cell or "") for row in t["rows"] for cell in row)]
    assert not card_grids  # a card's own ruled grid is the card, not another table


def _number(printed: str) -> float:
    return float(printed.replace(",", "").rstrip("%"))


@needs_shared
def test_trend_check_reads_polarity():
    """The KPIs flagged are exactly those whose gold arrow contradicts the gold move from Previous to
    Latest, read with the gold polarity (lower is better where the target lies below the floor)."""
    flagged = {f["message"].split(": arrow")[0] for f in run()["flags"] if f["code"] == "trend-disagrees-with-values"}
    expected = set()
    for r in gold()["indicators"]:
        moved = _number(r["value"]) - _number(r["previous"])
        sign = -1 if _number(r["target"]) < _number(r["floor"]) else 1
        if (r["trend"] == "better" and moved * sign < 0) or (r["trend"] == "worse" and moved * sign > 0):
            expected.add(r["code"])
    assert flagged == expected
    lower_improving = [r for r in gold()["indicators"] if "lower is better" in r["note"] and r["trend"] == "better"]
    assert any(_number(r["value"]) < _number(r["previous"]) and r["code"] not in flagged for r in lower_improving)
    assert any(_number(r["value"]) > _number(r["previous"]) and r["code"] in flagged for r in lower_improving)


# --------------------------------------------------------------------------- units


def test_card_footer_variants():
    assert footer("Latest: 97% Target: 97%, Floor: 90% Previous: 97% (Green)") == {
        "latest": "97%", "target": "97%", "floor": "90%", "previous": "97%", "previous_rag": "Green"}
    assert footer("Latest: 10,323 Target: 10,797, Floor: 11,877 Previous: 10,985 (Green)")["target"] == "10,797"
    assert footer("Latest: 5,534 Target: 5,998, Floor: 5,000 Previous 5,473 (Amber)")["previous"] == "5,473"
    assert footer("Latest: 175 Target:180 Floor: 240 Previous: 190 (Amber)")["floor"] == "240"
    assert footer("Latest:0.04% Target: 0.02%, Floor: 0.04% Previous: 0.04% (Amber)")["latest"] == "0.04%"
    assert footer("the latest community safety updates and any target audiences") is None


def _ind(code: str, page: int, top: float, **fields) -> Indicator:
    return Indicator(code=code, description=fields.pop("description", code), provenance=Provenance(
        page=page, bbox=[60, top, 530, top + 20], extractor=fields.pop("extractor", "tables")), **fields)


def test_merge_folds_summary_rows_in_order():
    rows = [
        _ind("% of phone calls answered", 3, 100, status="green", trend="same",
             periods=[PeriodValue(label="Previous", printed="AMBER")]),
        _ind("% of complaints answered within timescale", 3, 130, status="red"),
        _ind("Number of libraries open on Sundays", 3, 160, status="amber"),
    ]
    cards = [
        _ind("Percentage of phone calls which were answered", 9, 100, extractor="tables.cards", status="green",
             value=Quantity(value=94, unit="%", printed="94%"),
             periods=[PeriodValue(label="Previous", value=89, unit="%", printed="89%")]),
        _ind("Percentage of complaints answered within timescale", 9, 300, extractor="tables.cards"),
        _ind("Emergency incidents attended within 2 hours", 10, 100, extractor="tables.cards"),
    ]
    merged = merge(None, rows, cards)
    assert [m.code for m in merged] == ["Number of libraries open on Sundays"] + [c.code for c in cards]
    assert merged[1].trend == "same" and len(merged[1].periods) == 1  # no second 'Previous'
    assert merged[2].status == "red" and merged[2].provenance.page == 9


def test_merge_folds_a_cards_own_title_row():
    card = _ind("Number of foster households", 48, 100, extractor="tables.cards", status="red")
    card.provenance.bbox = [60, 100, 530, 260]
    title_row = _ind("Number of foster households", 48, 102, trend="worse")
    merged = merge(None, [title_row], [card])
    assert len(merged) == 1 and merged[0].trend == "worse"


def test_align_keeps_order():
    scores = [[90, 70, 0], [70, 95, 0], [0, 0, 40]]
    assert align(scores) == [(0, 0), (1, 1)]
    assert align([[0, 90], [90, 0]]) in ([(0, 1)], [(1, 0)])


def test_polarity_and_trend_disagreement():
    pct = lambda v: {"value": v, "unit": "%"}  # noqa: E731
    assert polarity(pct(50), pct(60)) == "lower"
    assert polarity(pct(90), pct(80)) == "higher"
    assert polarity(pct(90), None) is None
    assert polarity(pct(90), pct(80), ("Lower is better",)) == "lower"
    assert trend_disagreement("better", [10985, 10323], "lower") is None
    assert trend_disagreement("better", [34, 35], "lower")
    assert trend_disagreement("better", [34, 35], "higher") is None
    assert trend_disagreement("worse", [612, 613], None)
    assert trend_disagreement("same", [1, 100], None) is None


def test_trend_flags_on_table_rows():
    row = {"code": "PI 1", "description": "Rate per 100,000", "commentary": None, "trend": "better",
           "trend_printed": "▲", "target": {"value": 180}, "floor": {"value": 240},
           "value": {"value": 175}, "periods": [{"label": "Q2 2024", "period": "2024-09", "value": 190}]}
    assert trend_flags(row) is None
    row["value"] = {"value": 200}
    assert "lower is better" in trend_flags(row)


def test_header_like_rows():
    layout = header_layout(["Public Health KPIs", "RAG rating Latest", "Previous", "DoT"])
    assert header_like(["Integrated Children’s Services", "Latest", "Previous", ""], layout)
    assert not header_like(["Number of foster households", "RED", "RED", ""], layout)
