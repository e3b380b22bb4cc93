"""Indicators written in sentences: the clause reader on constructed sentences, the page test on
constructed pages (a performance slide gives records, minutes and a report that mention numbers do
not), and the Coventry performance slides scored against their gold file."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from scrutiny.extractor.evaluate import evaluate
from scrutiny.extractor.pages import Line, Page, Segment
from scrutiny.extractor.tables import prose
from scrutiny.models.records import Document, Extraction, Indicator, Pack, Provenance
from conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
COVENTRY = ROOT.parent / "shared" / "corpus" / "meetings" / "uk_district" / "coventry_cc_2021-09-09_annual-performance-report-slides.pdf"
COVENTRY_GOLD = ROOT / "tests" / "gold" / "coventry-cc-2021-09-09-performance-slides.gold.json"


def one(text: str) -> dict:
    found = prose.read_text(text)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- clauses


def test_from_a_in_p1_to_b_in_p2_gives_previous_value_and_periods():
    r = one("There has been an increase in unemployment from 4.6% in 2019 to 5.9% in 2020 – that is, 2,500 more people.")
    assert (r["description"], r["value"], r["previous"]) == ("Unemployment", "5.9%", "4.6%")
    assert (r["period"], r["previous_period"], r["trend"]) == ("2020", "2019", "worse")
    assert r["change"] == "2,500"


def test_subject_then_was_gives_the_level_and_the_sentence_period():
    r = one("Our GDP per head figure in 2019 was £29,600 per head – a small decrease from 2018.")
    assert (r["description"], r["value"], r["period"], r["previous_period"]) == ("GDP per head", "£29,600", "2019", "2018")
    assert r["trend"] == "worse"  # a fall in a measure where more is better


def test_subject_verb_by_change_then_from_to():
    r = one("Waiting times have decreased by 12% – from 18 to 15.8 weeks.")
    assert (r["description"], r["value"], r["previous"], r["change"], r["trend"]) == ("Waiting times", "15.8", "18", "12%", "better")


def test_up_and_down_after_the_measure_are_changes_not_levels():
    found = prose.read_text("Male unemployment up 2.1%pts; female unemployment down 1.2%pts; no evidence of change.")
    assert [(r["description"], r["value"], r["change"], r["trend"]) for r in found] == [
        ("Male unemployment", None, "2.1%pts", "worse"), ("Female unemployment", None, "1.2%pts", "better")]


def test_a_list_of_measures_is_cut_at_commas_outside_brackets():
    found = prose.read_text("Improvements in qualification levels (38% NVQ4+), fewer NEETs (5%, down 0.4%), "
                            "median pay of residents increased (£24,537).")
    assert [(r["description"], r["value"], r["trend"]) for r in found] == [
        ("Qualification levels (NVQ4+)", "38%", "better"), ("NEETs", "5%", "better"), ("Median pay of residents", "£24,537", "better")]


def test_two_measures_joined_by_and_share_the_change():
    found = prose.read_text("There are increases in burglary and vehicle crime (both up 300+ offences).")
    assert [r["description"] for r in found] == ["Burglary", "Vehicle crime"]
    assert all(r["value"] is None and r["change"] == "300+" for r in found)


def test_there_were_n_things_and_a_month_period():
    r = one("At the end of March 2021, there were 4,076 full-time equivalent staff in the city – an increase of 123 fte.")
    assert (r["description"], r["value"], r["change"], r["period"]) == ("Full-time equivalent staff", "4,076", "123", "2021-03")
    assert r["trend"] is None  # a measure that does not say which way is good


def test_peaking_at_after_from_is_the_value():
    r = one("The city saw an increase in the number of looked after children after the first lockdown, "
            "from 701 in March 2020, peaking at 754 in December 2020.")
    assert (r["description"], r["previous"], r["value"]) == ("Number of looked after children", "701", "754")


def test_no_direction_no_figure_or_no_measure_gives_nothing():
    assert prose.read_text("Most people in the city live within 2 miles of a park.") == []  # no direction, no level shape
    assert prose.read_text("There has been a drop in economic activity.") == []  # no figure
    assert prose.read_text("This compares to an increase in 0.8% last year.") == []  # no measure
    assert prose.read_text("The gap with England (£33,809) has grown.") == []  # the figure is in the subject
    assert prose.read_text("37 out of 53 indicators improved or stayed the same in 2020/21.") == []
    assert prose.read_text("Covid-19 deaths were more than on the night of the Blitz.") == []
    assert prose.read_text("We have investigated many more fly-tips (1,505 more).") == []  # a change in brackets, no level


def test_a_level_without_a_direction_word_from_a_total_a_share_or_deaths():
    r = one("A total of 304 new looked after children started in 2020/21.")
    assert (r["description"], r["value"], r["period"], r["trend"]) == ("New looked after children", "304", "2020/21", None)
    r = one("A household survey suggested 75% of residents spent time on active recreation.")
    assert (r["description"], r["value"]) == ("Residents who spent time on active recreation", "75%")
    r = one("Covid-19 killed 605 people in the city in 2020/21.")
    assert (r["description"], r["value"], r["period"]) == ("Covid-19 deaths", "605", "2020/21")
    r = one("In 2020, 212 people died from heart disease.")
    assert (r["description"], r["value"]) == ("Heart disease deaths", "212")
    assert prose.read_text("Covid-19 killed people in the city.") == []  # no figure


def test_a_cause_written_out_in_a_measure_is_its_source():
    r = one("Overall carbon emissions as a result of local authority operations has decreased by 21%.")
    assert (r["description"], r["change"], r["trend"]) == ("Carbon emissions from local authority operations", "21%", "better")


# --------------------------------------------------------------------------- pages


def _page(paragraphs: list[tuple[str, list[str]]], index: int = 1) -> Page:
    """A PDF-like page: a title line in large type, then paragraphs of 12 pt lines in one column."""
    lines, y = [], 20.0
    for size, rows in paragraphs:
        for text in rows:
            box = (30.0, y, 30.0 + 5.5 * len(text), y + size)
            lines.append(Line(text=text, box=box, segments=(Segment(text, box, size=size),)))
            y += size * 1.25
        y += 30
    return Page(index=index, lines=lines, width=600, height=800)


def _run(pages: list[Page], documents: list[Document] = ()) -> Extraction:
    out = Extraction(pack=Pack(source="t.pdf", sha256="0", format="pdf", page_count=len(pages), extractor_version="t"),
                     documents=list(documents))
    prose.extract(SimpleNamespace(source=SimpleNamespace(pages=pages)), out)
    return out


SLIDE = [
    (40, ["Safer streets"]),
    (12, ["Fly-tipping has increased by 62% – from 6,955", "to 10,727 reports."]),
    (12, ["There has been a 9.5% increase in crime –", "with 31,309 crimes recorded."]),
    (12, ["Staff sickness absence decreased from 12.71", "to 10.47 days per year."]),
    (12, ["Domestic abuse reports rose by 37% to 10,203."]),
]


COVER = [(30, ["Annual Performance Report 2020-21"]), (16, ["All Members' Seminar"])]


def test_a_performance_slide_gives_one_record_per_measure_with_its_group_and_box():
    out = _run([_page(COVER, 1), _page(SLIDE, 2)])  # the cover's title names performance
    assert [(i.group, i.description, i.value.printed) for i in out.indicators] == [
        ("Safer streets", "Fly-tipping", "10,727"), ("Safer streets", "Crime", "31,309"),
        ("Safer streets", "Staff sickness absence", "10.47"), ("Safer streets", "Domestic abuse reports", "10,203")]
    first = out.indicators[0]
    assert first.code is None and first.trend == "worse" and first.periods[0].printed == "6,955"
    assert first.commentary.startswith("Fly-tipping has increased by 62%")
    assert first.provenance.page == 2 and first.provenance.bbox[1] == pytest.approx(20 + 30 + 40 * 1.25)


def test_sentences_need_a_title_naming_performance():
    assert _run([_page(SLIDE)]).indicators == []  # many such sentences under a title naming a theme
    titled = [(40, ["Quarterly performance report"])] + SLIDE[1:2]
    assert [i.description for i in _run([_page(titled)]).indicators] == ["Fly-tipping"]


def test_economic_commentary_with_many_figures_gives_no_indicator():
    context = [
        (16, ["Economic and fiscal context"]),
        (12, ["Chart 11 shows the rise in public spending from 39.6% in 2019-20 to 44.5% in 2029-30."]),
        (12, ["Inflation rose from 2.2% in July to 2.6% in November; wage growth fell by 0.4%."]),
        (12, ["Unemployment increased to 4.3%, and vacancies fell by 59,000 to 857,000."]),
    ]
    assert _run([_page(context)]).indicators == []
    assert [(r["description"], r["value"]) for r in prose.read_text(context[1][1][0])] == [("Public spending", "44.5%")]


def test_minutes_with_numbers_give_no_indicator():
    minutes = [
        (16, ["Performance Scrutiny Panel"]),
        (12, ["The Committee noted that fly-tipping had increased by 62%, from 6,955 to 10,727,"]),
        (12, ["that crime had risen by 9.5% to 31,309 offences and that sickness absence"]),
        (12, ["had decreased from 12.71 to 10.47 days. RESOLVED that the report be noted."]),
    ]
    assert _run([_page(minutes)]).indicators == []  # under a title naming performance, but minutes
    # the same sentences on a page segmentation put in a minutes document, without the markers
    plain = [(16, ["Performance Scrutiny Panel"])] + SLIDE[1:]
    doc = Document(id="minutes-0", kind="minutes", pages=[1, 1], provenance=Provenance(page=1, extractor="segment"))
    assert _run([_page(plain)], [doc]).indicators == []


def test_a_report_that_merely_mentions_numbers_gives_no_indicator():
    report = [
        (16, ["Budget monitoring"]),
        (12, ["The budget for 2021/22 is £12.4m, an increase of £0.3m on last year."]),
        (12, ["Spending on agency staff rose by 4% in the quarter."]),
    ]
    assert _run([_page(report)]).indicators == []


def test_a_page_with_table_indicators_is_left_alone():
    page = _page(SLIDE)
    out = Extraction(pack=Pack(source="t.pdf", sha256="0", format="pdf", page_count=1, extractor_version="t"))
    out.indicators.append(Indicator(code="NI 1", description="From a table", provenance=Provenance(page=1, extractor="tables")))
    prose.extract(SimpleNamespace(source=SimpleNamespace(pages=[page])), out)
    assert [i.code for i in out.indicators] == ["NI 1"]


def test_text_pages_part_paragraphs_at_blank_lines():
    texts = ["Performance report", "", "Fly-tipping has increased by 62% – from 6,955", "to 10,727.", "",
             "Crime rose by 9.5% to 31,309 offences."]
    page = Page(index=1, lines=[Line(text=t, number=n) for n, t in enumerate(texts, 1)])
    out = _run([page])
    assert [(i.description, i.value.printed, i.provenance.lines) for i in out.indicators] == [
        ("Fly-tipping", "10,727", [3, 4]), ("Crime", "31,309", [6, 6])]


# --------------------------------------------------------------------------- the reference slides


@needs_shared
def test_coventry_slides_indicators():
    import scrutiny

    result = json.loads(scrutiny.extract(str(COVENTRY)).model_dump_json())
    report = evaluate(result, json.loads(COVENTRY_GOLD.read_text()))
    section = report["sections"]["indicators"]
    assert section["f1"] >= 0.91 and section["field_accuracy"] >= 0.99
