"""Segmentation on small constructed pages: what opens a record of a meeting, and what keeps a
page in the document before it."""

from __future__ import annotations

from scrutiny.extractor import segment
from scrutiny.extractor.context import Context
from scrutiny.extractor.pages import Line, Page, Source


def _page(index: int, *texts: str) -> Page:
    return Page(index=index, lines=[Line(text=t, number=k + 1) for k, t in enumerate(texts)])


def _kinds(*pages: Page) -> list[tuple[str, list[int]]]:
    source = Source(name="x.pdf", sha256="", format="pdf", pages=list(pages))
    return [(d.kind, d.pages) for d in segment.split(Context(source))]


def test_a_record_is_known_by_its_opening_without_the_word_minutes_first():
    township = ("CRETE TOWNSHIP REGULAR BOARD OF TRUSTEES MEETING", "October 9, 2024",
                "The regular board meeting was called to order by Supervisor Liccar at 7:00 PM.",
                "Board members present were Trustee Elton and Supervisor Liccar.")
    french = ("CR du conseil municipal 21 janvier 2022", "Présents : Jean-Pierre JEANROY, Nelly WIDMER.",
              "Excusés : Mario VOLANTI.")
    titled = ("Transparency Board Minutes", "Present: Officials:", "Francis Maude (Chair) Katie Davis")
    for opening in (township, french, titled):
        assert segment.classify(_page(1, *opening))[0] == "minutes"
    assert segment.classify(_page(1, "Budget monitoring report", "The council agreed the budget."))[0] is None


def test_an_item_list_inside_minutes_with_their_running_footer_stays_in_the_minutes():
    first = _page(1, "MINUTES OF THE COMMITTEE", "Present: A Smith", "L&W 200921", "Page 1 of 2")
    agenda = _page(2, "Agenda", "LW 01/2021 Apologies", "LW 02/2021 Minutes", "L&W 200921", "Page 2 of 2")
    assert _kinds(first, agenda) == [("minutes", [1, 2])]
    other = _page(2, "Agenda", "1. Apologies", "2. Minutes", "Civic Centre", "Page 1")
    assert _kinds(first, other) == [("minutes", [1, 1]), ("agenda", [2, 2])]


def test_running_header_repeating_the_title_in_another_case_continues_the_minutes():
    first = _page(1, "MINUTES OF THE", "LIBRARY BOARD MEETING", "WEDNESDAY, SEPTEMBER 13, 2023",
                  "The regular meeting of the Library Board was called to order at 6:01 p.m.", "ROLL CALL Present: A. Smith")
    second = _page(2, "Page 2 of 2", "Minutes of the", "Library Board", "September 13, 2023 Meeting",
                   "BOARD COMMUNICATIONS", "Board Member Battle introduced herself.")
    assert _kinds(first, second) == [("minutes", [1, 2])]


def _pages(*texts):
    return [Page(index=1, lines=[Line(text=t) for t in texts])]


def test_prose_minutes_without_refs_or_headings_are_found_by_what_they_record():
    from scrutiny.extractor.minutes import find_by_structure

    minutes = _pages(
        "Springfield Township Annual Meeting", "Tuesday April 9, 2024",
        "The meeting was called to order by the Clerk at 7:00 PM.",
        "Trustee Lee made a motion to approve the minutes, seconded by Trustee Diaz. Motion passes.",
        "The meeting was adjourned at 7:29 PM.",
    )
    assert len(find_by_structure(minutes)) == 1
    agenda = _pages(
        "Springfield Township Annual Meeting", "Tuesday April 9, 2024", "1. Call to order",
        "2. Approval of the minutes", "3. Motion to adopt the budget", "4. Adjournment",
    )
    assert find_by_structure(agenda) == []  # the same business, announced rather than recorded


def test_a_sentence_opening_with_an_attendance_word_is_no_attendance_label():
    from scrutiny.extractor.minutes import find_by_structure

    notice = _pages(
        "Members of the public may address the Board on any item.", "1. Call to order", "2. Minutes",
        "3. Budget", "Staff: reports are available on the website.",
    )
    assert find_by_structure(notice) == []
    minutes = _pages("Present: Ann Lee, Bo Diaz", "1. Minutes", "The minutes were agreed.", "2. Budget", "RESOLVED: that the budget be adopted.")
    assert len(find_by_structure(minutes)) == 1


def test_minutes_found_by_structure_make_their_document_minutes(tmp_path):
    import scrutiny

    pack = tmp_path / "record.txt"
    pack.write_text(
        "Springfield Township Annual Meeting\nTuesday April 9, 2024\n\n"
        "The meeting was called to order by the Clerk at 7:00 PM.\n"
        "Trustee Lee made a motion to approve the minutes, seconded by Trustee Diaz. Motion passes.\n"
        "The meeting was adjourned at 7:29 PM.\n",
        encoding="utf-8",
    )
    out = scrutiny.extract(str(pack))
    assert [d.kind.value for d in out.documents] == ["minutes"]
    assert out.minutes and out.minutes[0].document == out.documents[0].id


def test_a_meeting_named_in_capitals_and_called_to_order_is_a_record():
    town = ("State of Illinois", "Eastwick Township", "EASTWICK TOWNSHIP ANNUAL TOWN HALL MEETING", "Tuesday April 9, 2024",
            "The Eastwick Township Annual Town Hall Meeting was called to order by Clerk Buiter at 7:00 PM.")
    assert segment.classify(_page(1, *town))[0] == "minutes"


def test_a_running_header_cut_at_its_line_break_or_numbering_the_page_continues_the_minutes():
    assert segment._same_title("MINUTES OF THE REGULAR MEETING", "Minutes of the Regular Meeting of the")
    assert not segment._same_title("Minutes of the Cabinet", "Minutes of the Cabinet held on 9 January 2025 and 30 January")
    assert not segment._same_title("Minutes of the", "Minutes of the Planning Committee")  # too short to say
    first = _page(1, "MINUTES OF THE REGULAR MEETING", "OF THE PENSION BOARD", "Present: Trustee Lee, Trustee Diaz",
                  "1. The meeting was called to order at 4:39 p.m.")
    second = _page(2, "City of Pension", "Minutes of the Pension Board – Monday, January 25, 2021", "Page 2",
                   "retro pay from January to September.")
    assert _kinds(first, second) == [("minutes", [1, 2])]


def test_a_pack_with_no_agenda_or_minutes_takes_its_meeting_date_from_its_title_page():
    from scrutiny.extractor import ingest, pipeline

    slides = ("Annual Report 2022-2023\nAll Members' Briefing\nThursday 14 March 2024\n\n"
              "Our priorities\nThe council set out three priorities for the year, each with its measures.\n")
    out = pipeline.extract(ingest.load_bytes("briefing.txt", slides.encode()), pipeline.Options(people=False))
    assert out.meeting is not None and out.meeting.date == "2024-03-14" and out.meeting.body is None
    # a date inside a sentence of the title page is not the meeting's
    prose = ("Annual Report 2022-2023\nThe report was first drafted on 14 March 2024 by the policy team.\n\n"
             "Our priorities\nThe council set out three priorities for the year.\n")
    assert pipeline.extract(ingest.load_bytes("report.txt", prose.encode()), pipeline.Options(people=False)).meeting is None


def test_a_dated_meeting_heading_over_numbered_business_is_an_agenda_even_without_the_word():
    agm = ("Suffolk Libraries IPS Ltd Annual General Meeting", "Thursday, 29th September 2016", "The Cookhouse",
           "1. Chair's welcome, apologies for absence and Minutes of AGM, 10th September 2015.",
           "2. Annual Report: To receive the report for year ending 31st March 2016 from the Chair of the Board.",
           "3. Accounts 2015/16: To receive the Statement of Accounts", "4. Appointment of Auditor", "5. Closing Remarks")
    assert segment.classify(_page(1, *agm))[0] == "agenda"
    held = agm[:3] + ("Present: Tony Brown (Chair), Alison Wheeler",) + agm[3:]
    assert segment.classify(_page(1, *held))[0] != "agenda"  # who attended is listed: a record
    decided = agm + ("RESOLVED that the accounts be received.",)
    assert segment.classify(_page(1, *decided))[0] != "agenda"
