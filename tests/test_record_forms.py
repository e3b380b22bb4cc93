"""Forms of record read from their structure: ballots between nominations, proposals quoted after
their mover, lettered parts under group headings, agendas that print no numbers, rosters, scans'
margin numbers, and the eval's lead-in rule."""

import pytest

from scrutiny.extractor import agenda, evaluate, furniture, ingest, nlp, pipeline
from scrutiny.extractor.minutes import decisions
from scrutiny.extractor.pages import Line, Page, Segment
from conftest import CORPUS, needs_shared

BALLOT = (
    "Proposed by Councillor Hourigan; Seconded by Councillor Collins. “That Councillor Daniel Butler be appointed "
    "Mayor of the District”.\nProposed by Councillor Ryan; Seconded by Councillor McCreesh. “That Councillor John "
    "Costelloe be appointed Mayor of the District”.\nA vote was taken which resulted as follows:\n\n"
    "For Councillor Butler\n\nCouncillors Butler, Collins, Crowley and Daly\n\n(4)\n\n"
    "For Councillor Costelloe\n\nCouncillors Costelloe, Gilligan and Leddin\n\n(3)\n\n"
    "Abstentions Councillors Pond, Secas. (2)\n"
    "The outgoing Mayor declared Councillor Daniel Butler elected as Mayor."
)


def test_a_ballot_gives_each_nomination_its_own_count_and_the_most_votes_carry():
    found = [v for v in decisions.votes(BALLOT) if v.proposer]
    assert [(v.proposer, v.counts.get("for"), v.counts.get("abstain"), v.result) for v in found] == [
        ("Councillor Hourigan", 4, 2, "carried"), ("Councillor Ryan", 3, 2, "lost")]
    assert found[0].names["for"] == ["Butler", "Collins", "Crowley", "Daly"]


def test_an_item_without_a_resolution_decides_its_winning_nomination():
    res = decisions.with_carried_proposals([], BALLOT)
    assert [r.text for r in res] == ["That Councillor Daniel Butler be appointed Mayor of the District"]
    assert decisions.with_carried_proposals([decisions.Found(text="x", start=0)], BALLOT)[0].text == "x"


def test_a_roll_call_count_carries_the_motion_and_a_seconded_nomination_is_a_motion():
    text = "Member Erwin nominated Troy Hosmer for President. Seconded by Member Frank. Passed by a 4-0 roll call vote."
    v = decisions.votes(text)[0]
    assert (v.proposer, v.seconder, v.counts, v.result) == ("Member Erwin", "Member Frank", {"for": 4, "against": 0}, "carried")
    assert [m.text for m in decisions.motions(text)] == ["nominated Troy Hosmer for President"]


def test_lettered_parts_run_on_past_group_headings_and_in_capitals():
    text = ("RESOLVED that: the Council is asked to agree the following: Capital Programme (a) The ten-year programme. "
            "(b) The directorate programmes. Council Tax (c) To increase the band rates. Pay Scheme (d) Note the transition.")
    res = decisions.resolutions(text, nlp.pipeline())
    assert [r.number for r in res] == ["a", "b", "c", "d"]
    caps = decisions.resolutions("RESOLVED that Cabinet agree to: A) Note the overspend. b) Note the underspend.", nlp.pipeline())
    assert [(r.number, r.text) for r in caps] == [("A", "Note the overspend."), ("b", "Note the underspend.")]


def test_irish_resolved_and_an_ordinal_misread_as_a_quote():
    text = ("Molta ag Councillor Galvin;\nCuidit 6n Councillor Collins (M);\nAgus an Cinneadh:\n\n“That, the disposal of land "
            "be approved, as in the Statutory Notice dated 28\" March, 2014.”")
    res = decisions.resolutions(text, nlp.pipeline())
    assert [r.text for r in res] == ["That, the disposal of land be approved, as in the Statutory Notice dated 28\" March, 2014."]
    assert decisions.votes(text)[0].seconder == "Councillor Collins (M)"


def test_what_another_meeting_decided_is_reported_not_resolved():
    said = decisions.outcomes("At that meeting, Members agreed to refer the decision to full Council. "
                              "The Small Business Board had approved over two million in loans.", nlp.pipeline())
    assert said == []


def test_a_part_matches_with_or_without_its_lead_in():
    gold = {"item_ref": "88", "text": "that Cabinet agree to: Note the forecast capital underspend of £111.6m."}
    pred = {"item_ref": "88", "text": "Note the forecast capital underspend of £111.6m."}
    assert evaluate._resolution_key(gold, pred) is not None
    assert evaluate._resolution_key(pred, gold) is not None
    assert evaluate._resolution_key(gold, {"item_ref": "88", "text": "Note the progress on the delivery of savings."}) is None


def _page(rows: list[tuple[float, float, str]]) -> Page:
    lines = [Line(text=t, box=(x, y, x + 6 * len(t), y + 12), segments=(Segment(t, (x, y, x + 6 * len(t), y + 12)),))
             for x, y, t in rows]
    return Page(index=1, lines=lines, width=612.0, height=792.0)


def test_an_agenda_without_numbers_is_read_line_by_line_without_presenters():
    page = _page([
        (211, 76, "Illinois Department of Corrections"), (238, 93, "Advisory Board Meeting"),
        (224, 108, "Monday, November 4th, 2019"), (253, 128, "10:30am -12:00pm"), (233, 144, "Logan Correctional Center"),
        (72, 212, "Welcome, Introductions and Roll Call – Phil Whittington"),
        (72, 247, "Approval of Minutes from August 6, 2019 – Board Members"),
        (73, 281, "IDOC Reports - Director Jeffreys"),
        (73, 315, "Education Programs and Advancing Higher Ed in"),
        (73, 332, "Illinois Prisons- Alyssa Williams-James Pagano"),
        (73, 366, "Pilot of Risk Supervision Program – Jason Garnett"),
    ])
    pairs = [(page, ln) for ln in page.lines]
    texts = [ln.text for ln in page.lines]
    starts = agenda.unnumbered_starts(pairs, texts)
    assert starts == [5, 6, 7, 8, 10]  # the wrapped line after "... Higher Ed in" carries its item on
    spans = agenda.item_spans(pairs, texts)
    items = [it for i, end in spans for it in agenda._items_of(pairs[i:end], texts[i:end], "d01")]
    assert [(it.number, it.title) for it in items] == [
        (None, "Welcome, Introductions and Roll Call"), (None, "Approval of Minutes from August 6, 2019"),
        (None, "IDOC Reports"), (None, "Education Programs and Advancing Higher Ed in Illinois Prisons"),
        (None, "Pilot of Risk Supervision Program")]


def test_roster_lines_whose_comma_the_page_draws_apart():
    assert agenda._name_office("Rick Ramirez Chair") == ("Rick Ramirez", "Chair")
    assert agenda._name_office("Jennifer Perez Commissioner") == ("Jennifer Perez", "Commissioner")
    assert agenda._name_office("Regular Meeting Agenda") is None


def test_a_formula_line_is_never_a_running_header():
    pages = [Page(index=n, lines=[Line(text=t) for t in ("Molta ag Councillor Galvin;", "text of the page", "more text")],
                  width=0, height=0) for n in (1, 2, 3)]
    assert furniture.running_keys(pages) == {furniture.key("text of the page"), furniture.key("more text")}


@needs_shared
def test_a_scans_hanging_item_numbers_are_read_from_the_margin():
    from scrutiny.extractor import ocr

    if ocr.tesseract() is None:
        pytest.skip("Tesseract is not installed")
    source = ingest.load(str(CORPUS / "meetings/us_minutes/alameda_civil_service_board_2022-10-05_minutes-scan.pdf"))
    first = [ln.text for ln in source.pages[0].lines]
    assert "1. CALL TO ORDER" in first and "4. ELECTION OF OFFICERS:" in first
    out = pipeline.extract(source)
    refs = [it.ref for it in out.minutes[0].items]
    assert refs[:5] == ["1.", "2.", "3.", "4.", "5."] and "10." in refs
