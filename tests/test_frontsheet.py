"""Segmentation, agenda front sheets and report cover sheets: the reference pack scored against
its gold file, Kent front sheets and cover sheets against golden values, and our own sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GOLD, KENT, ROOT, extract_path, gold, needs_shared
from scrutiny.extractor.evaluate import evaluate

GOLDEN = json.loads((Path(__file__).parent / "golden" / "kent_frontsheets_reports.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("section", ["meeting", "members", "co_optees", "agenda_items", "reports", "recommendations"])
@needs_shared
def test_reference_pack_front_sheet_and_cover_sheets_match_gold(reference, section):
    scores = evaluate(reference, gold())["sections"][section]
    assert scores["f1"] >= 0.95, scores
    assert scores.get("field_accuracy") in (None, 1.0) or scores["field_accuracy"] >= 0.95, scores


@needs_shared
def test_reference_pack_is_segmented_into_its_documents(reference):
    docs = reference["documents"]
    kinds = [d["kind"] for d in docs if d["kind"] != "blank"]
    assert kinds[:2] == ["agenda", "minutes"]
    assert kinds.count("report") == 3
    for kind in ("glossary", "action_plan", "exception_report", "indicator_report"):
        assert kind in kinds
    pages = [d["pages"] for d in docs]
    assert pages[0][0] == 1 and all(b[0] == a[1] + 1 for a, b in zip(pages, pages[1:]))  # contiguous, no gaps
    assert pages[-1][1] == reference["pack"]["page_count"]
    by_id = {d["id"]: d for d in docs}
    reports = [d for d in docs if d["kind"] == "report"]
    assert [d["agenda_item"] for d in reports] == ["7", "8", "9"]
    tables = [d for d in docs if d["kind"] in ("action_plan", "exception_report", "indicator_report", "glossary")]
    assert all(by_id[d["parent"]]["kind"] == "report" for d in tables[:4])


@needs_shared
def test_pdf_pack_agenda_page_references_agree_with_printed_page_numbers():
    pdf = extract_path(str(GOLD.parents[1] / "packs" / "haringey-osc-2009-12-03.pdf"))
    assert not [f for f in pdf["flags"] if f["code"] == "agenda-page-mismatch"]
    docs = {d["id"]: d for d in pdf["documents"]}
    item7 = next(a for a in pdf["agenda_items"] if a["number"] == "7")
    assert docs[item7["documents"][0]]["printed_pages"][0] == 5


@needs_shared
def test_agenda_page_mismatch_becomes_a_flag_not_an_error(tmp_path):
    from scrutiny.extractor import ingest, pipeline

    source = ingest.load(str(GOLD.parents[1] / "packs" / "haringey-osc-2009-12-03.pdf"))
    for page in source.pages:  # shift the pack's own page numbers by one
        if page.printed_number is not None:
            page.printed_number += 1
    result = pipeline.extract(source)
    assert result.status == "success"
    assert any(f.code == "agenda-page-mismatch" for f in result.flags)


def _subset(expected, actual):
    """Compare only the fields the golden file gives."""
    if isinstance(expected, dict):
        return {k: _subset(v, (actual or {}).get(k)) for k, v in expected.items()}
    if isinstance(expected, list) and expected and isinstance(expected[0], dict):
        return [_subset(e, a) for e, a in zip(expected, actual or [])] + [None] * (len(expected) - len(actual or []))
    return actual


@pytest.mark.parametrize("name", sorted(GOLDEN["frontsheets"]))
@needs_shared
def test_kent_agenda_front_sheets(name):
    expected = GOLDEN["frontsheets"][name]
    got = extract_path(str(KENT / name))
    assert _subset(expected["meeting"], got["meeting"]) == expected["meeting"]
    items = {a["number"]: a for a in got["agenda_items"]}
    for item in expected["agenda_items"]:
        assert _subset(item, items.get(item["number"])) == item


@pytest.mark.parametrize("name", sorted(GOLDEN["reports"]))
@needs_shared
def test_kent_report_cover_sheets(name):
    expected = dict(GOLDEN["reports"][name])
    recommendations = expected.pop("recommendations", None)
    reports = extract_path(str(KENT / name))["reports"]
    assert len(reports) == 1
    assert _subset(expected, reports[0]) == expected
    if recommendations is not None:
        assert [r["text"] for r in reports[0]["recommendations"]] == recommendations


def test_sample_pack_front_sheet_and_cover_sheet():
    got = extract_path(str(ROOT / "samples" / "sample-pack.txt"))
    assert got["meeting"]["date"] == "2023-03-14" and got["meeting"]["clerk"]["name"] == "Jo Marsh"
    assert [m["name"] for m in got["members"]] == ["Okafor", "Lindqvist", "Patel", "Moreau", "Byrne"]
    assert [(a["number"], a["pages"]) for a in got["agenda_items"] if a["pages"]] == [("3", [1, 2]), ("4", [3, 8])]
    (report,) = got["reports"]
    assert report["agenda_item"] == "4" and report["report_of"] == {"name": "Dana Whitfield", "role": "Director of Place", "person_id": "p-dana-whitfield"}
    assert len(report["recommendations"]) == 2


def _sheet(*texts):
    from scrutiny.extractor.pages import Line, Page

    page = Page(index=1, lines=[Line(text=t) for t in texts])
    return [(page, ln) for ln in page.lines], list(texts)


def test_members_printed_as_name_office_lines_are_a_roster():
    from scrutiny.extractor import agenda

    lines, _ = _sheet("Ann Lee, Mayor", "Bo Diaz, Vice Mayor", "Cy Ng, Council Member", "Di Roe, Council Member", "AGENDA")
    members = agenda._roster(lines, "d01")
    assert [(m.name, m.title, m.role) for m in members] == [
        ("Ann Lee", None, "Mayor"), ("Bo Diaz", None, "Vice Mayor"),
        ("Cy Ng", "Council Member", None), ("Di Roe", "Council Member", None),
    ]
    two, _ = _sheet("Ann Lee, Mayor", "Bo Diaz, Council Member", "AGENDA")  # two lines are no roster
    assert agenda._roster(two, "d01") == []
    prose, _ = _sheet("Ann Lee, Mayor", "Main Street, Springfield", "Cy Ng, Council Member", "Di Roe, Trustee")
    assert agenda._roster(prose, "d01") == []  # the run is broken by a line that is not a member


def test_signature_under_a_rule_names_the_clerk_and_posting_date_is_published():
    from scrutiny.extractor import agenda

    texts = ["11. ADJOURNMENT", "I hereby certify that the agenda was posted.", "Date Posted: December 2, 2022",
             "________________________", "Kathleen Horn Gregory, MMC, City Clerk"]
    signed = agenda._signatory(texts, list(range(2, 5)))
    assert (signed.name, signed.role) == ("Kathleen Horn Gregory", "City Clerk")
    assert agenda._signatory(["Kathleen Horn Gregory, MMC, City Clerk"], [0]) is None  # no rule above: not a signature
    assert agenda._closing_block(texts, 0) == 2  # a month-first date line opens the closing block
    assert agenda._published(texts, [2, 3, 4], "2022-12-06", None) == "2022-12-02"


def test_running_header_and_footer_lines_are_furniture():
    from scrutiny.extractor.furniture import running_lines
    from scrutiny.extractor.pages import Line, Page

    pages = [
        Page(index=n, lines=[Line(text="Springfield City Council Agenda May 1, 2024"), Line(text=f"{n}. ITEM {n}"),
                             Line(text="Some text of the item"), Line(text="More text of the item"), Line(text=f"Page {n} of 3")])
        for n in (1, 2, 3)
    ]
    ids = running_lines(pages)
    assert id(pages[0].lines[0]) not in ids  # the first page's heading is the sheet's own
    assert id(pages[1].lines[0]) in ids and id(pages[2].lines[0]) in ids
    assert not any(id(p.lines[1]) in ids for p in pages)


def test_a_notice_page_before_the_agenda_gives_the_meeting_and_its_venue_lines():
    from scrutiny.extractor import agenda, segment
    from scrutiny.extractor.context import Context
    from scrutiny.extractor.pages import Line, Page, Source
    from scrutiny.models.records import Extraction

    def page(index, *texts):
        return Page(index=index, lines=[Line(text=t, number=k + 1) for k, t in enumerate(texts)])

    notice = page(1, "PARKS AND RECREATION BOARD", "City Council Chambers", "275 E. Olive Ave.", "Springfield, Illinois 62701",
                  "NOVEMBER 10, 2022", "06:00 P.M.", "The agenda packet consisting of the staff reports is on file in the office",
                  "of the Parks Department and will be posted on the City's website before the meeting.")
    sheet = page(2, "AGENDA", "ROLL CALL", "1. Approval of the minutes", "2. Budget update", "3. Park naming")
    ctx = Context(Source(name="x.pdf", sha256="", format="pdf", pages=[notice, sheet]))
    out = Extraction.model_construct(documents=segment.split(ctx), meeting=None, members=[], co_optees=[], agenda_items=[])
    assert [d.kind for d in out.documents] == ["other", "agenda"]
    agenda.parse(ctx, out)
    m = out.meeting
    assert (m.body, m.date, m.time, m.venue) == (
        "Parks and Recreation Board", "2022-11-10", "18:00", "City Council Chambers, 275 E. Olive Ave., Springfield, Illinois 62701")
    assert len(out.agenda_items) == 3


HEADED_REPORT = """Agenda item 7
Springfield Borough Council
Cabinet, 14 May 2024

Review of Parks Maintenance Contracts

Purpose of Report
To set out the options for the parks maintenance contracts that end in March 2025.

Background
The contracts were let in 2018 for seven years.

Recommendations
The Cabinet is asked to:
(a) note the performance of the current contracts;
(b) approve a procurement for a single contract from April 2025;
(c) delegate the award of the contract to the Director of Environment.

Jane Smith
Director of Environment
"""


def test_a_report_without_a_cover_grid_is_known_by_its_parts(tmp_path):
    import scrutiny

    pack = tmp_path / "report.txt"
    pack.write_text(HEADED_REPORT, encoding="utf-8")
    out = scrutiny.extract(str(pack))
    assert [str(getattr(d.kind, "value", d.kind)) for d in out.documents] == ["report"]
    (report,) = out.reports
    assert report.title == "Review of Parks Maintenance Contracts"
    assert (report.meeting, report.meeting_date, report.agenda_item) == ("Cabinet", "2024-05-14", "7")
    assert (report.report_of.name, report.report_of.role) == ("Jane Smith", "Director of Environment")
    assert [r.number for r in report.recommendations] == ["a", "b", "c"]
    assert report.recommendations[-1].text.endswith("Director of Environment.")  # the sign-off is not part of it
    no_recs = tmp_path / "notes.txt"
    no_recs.write_text(HEADED_REPORT.split("Recommendations")[0], encoding="utf-8")
    assert not scrutiny.extract(str(no_recs)).reports  # a purpose alone makes no report


def test_a_formula_the_text_repeats_is_content_though_it_falls_at_page_edges():
    from scrutiny.extractor.furniture import running_keys
    from scrutiny.extractor.pages import Line, Page

    def page(k, *texts):
        return Page(index=k, lines=[Line(text=t, number=n) for n, t in enumerate(texts)])

    pages = [page(1, "Minutes of Council", "And Resolved:", "That X.", "a", "b", "c", "d", "And Resolved:", "e"),
             page(2, "Minutes of Council", "And Resolved:", "That Y.", "f", "And Resolved:", "h", "i", "j", "k"),
             page(3, "Minutes of Council", "l", "m", "n", "And Resolved:", "o", "p", "q", "r")]
    keys = running_keys(pages)
    assert "minutes of council" in keys and "and resolved:" not in keys


def test_a_venue_in_capitals_keeps_its_state_code_and_stops_at_the_kind_of_meeting():
    from scrutiny.extractor import agenda

    assert agenda._tidy_caps("24300 NARBONNE AVENUE, LOMITA, CA 90717, COUNCIL CHAMBERS") == "24300 Narbonne Avenue, Lomita, CA 90717, Council Chambers"


def test_a_date_and_time_in_a_column_beside_the_address():
    from scrutiny.extractor import agenda
    from scrutiny.extractor.pages import Line, Segment

    def line(*runs):
        segs = tuple(Segment(t, (x, 100, x + 5 * len(t), 110)) for x, t in runs)
        return Line(text=" ".join(t for _, t in runs), box=(segs[0].box[0], 100, 560, 110), segments=segs)

    assert agenda._right_cell(line((79, "1309"), (105, "S. Mary Avenue"), (509, "7:30"), (534, "a.m."))) == "7:30 a.m."
    assert agenda._right_cell(line((72, "Council"), (110, "Chamber"))) is None


def test_members_named_by_the_roll_call_item_and_a_title_ending_in_meeting_agenda():
    from scrutiny.extractor import agenda
    from scrutiny.extractor.pages import Line, Page

    texts = ["A. CALL MEETING TO ORDER", "C. ROLL CALL Chair Ungoco, Vice-Chair Tokashiki, Commissioners Dillavou, Sistos, Morton"]
    page = Page(index=1, lines=[Line(text=t, number=k + 1) for k, t in enumerate(texts)])
    members = agenda._roll_call([(page, ln) for ln in page.lines], texts, "d01")
    assert [(m.name, m.title, m.role) for m in members] == [
        ("Ungoco", None, "Chair"), ("Tokashiki", None, "Vice-Chair"), ("Dillavou", "Commissioner", None),
        ("Sistos", "Commissioner", None), ("Morton", "Commissioner", None)]
    assert agenda.body_name("Planning Commission Meeting Agenda") == "Planning Commission"


def test_a_street_address_under_the_time_is_the_venue_and_a_notice_line_is_no_signatory():
    from scrutiny.extractor import agenda

    assert agenda._STREET.match("1400 Highland Avenue, Manhattan Beach, CA 90266")
    assert not agenda._STREET.match("1400 Highland Parks Improvement Plan")
    assert not agenda._person_first("Please Note") and agenda._person_first("Cathy Fleet")
