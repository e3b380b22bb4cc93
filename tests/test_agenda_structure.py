"""Agenda and cover-sheet mechanisms on small synthetic pages: items found from their numbering and
layout (any start, sub-lists under their item, hanging indents), the meeting from a summons or a
date line, and the segmenter's notice-of-meeting rule. No files from ../shared are needed."""

from __future__ import annotations

from scrutiny.extractor import agenda, segment
from scrutiny.extractor.pages import Line, Page, Segment


def _pdf_line(x: float, y: float, *runs: str) -> Line:
    """A PDF-like line: runs set 30 pt apart from x, each with a box."""
    segs, cur = [], x
    for r in runs:
        segs.append(Segment(r, (cur, y, cur + 6 * len(r), y + 10)))
        cur += 6 * len(r) + 30
    return Line(text=" ".join(runs), box=(x, y, cur, y + 10), segments=tuple(segs))


def _pairs(lines: list[Line]):
    page = Page(index=1, lines=lines, width=600, height=800)
    return [(page, ln) for ln in lines], [agenda.mend_digits(ln.text) for ln in lines]


def test_running_numbers_from_any_start_with_lettered_sub_items_under_their_item():
    lines = [
        _pdf_line(72, 100, "805.", "APOLOGIES"),
        _pdf_line(108, 112, "To receive apologies"),
        _pdf_line(72, 124, "806.", "PLANNING"),
        _pdf_line(108, 136, "a)", "Current applications"),
        _pdf_line(108, 148, "b)", "East Herts Local Plan"),
        _pdf_line(108, 160, "1", "member objected"),  # a count inside the item, not item 1
        _pdf_line(72, 172, "807.", "FINANCE"),
        _pdf_line(108, 184, "To approve accounts"),
    ]
    pairs, texts = _pairs(lines)
    spans = agenda.item_spans(pairs, texts)
    items = [it for i, end in spans for it in agenda._items_of(pairs[i:end], texts[i:end], "d01")]
    assert [it.number for it in items] == ["805", "806", "806(a)", "806(b)", "807"]
    assert items[2].title == "Current applications"
    assert items[0].summary_first_words == "To receive apologies"


def test_a_line_back_at_the_numbers_edge_ends_the_item_text():
    lines = [
        _pdf_line(72, 100, "1.", "Apologies"),
        _pdf_line(108, 112, "To receive apologies"),
        _pdf_line(72, 124, "2.", "Minutes"),
        _pdf_line(108, 136, "To confirm the minutes"),
        _pdf_line(72, 148, "3.", "Finance"),
        _pdf_line(108, 160, "To approve accounts"),
        _pdf_line(72, 172, "Date of next meeting:"),
        _pdf_line(72, 184, "Wed 18th Dec 2013"),
    ]
    pairs, texts = _pairs(lines)
    spans = agenda.item_spans(pairs, texts)
    assert spans[-1] == (4, 6)
    assert agenda._published(texts, agenda._outside_items(len(texts), spans), None, None) is None


def test_a_number_printed_twice_in_a_row_is_kept_but_a_restart_is_not_a_slip():
    lines = [_pdf_line(72, 100 + 12 * k, f"{n}", title) for k, (n, title) in enumerate(
        [(1, "Apologies"), (2, "Minutes"), (2, "Village Hall Deed"), (3, "Finance")])]
    pairs, texts = _pairs(lines)
    assert [n for _, n in agenda.item_starts(pairs, texts)] == ["1", "2", "2", "3"]
    text_only = [(p, Line(text=ln.text)) for p, ln in pairs]  # no boxes: no evidence of a slip
    assert [n for _, n in agenda.item_starts(text_only, texts)] == ["1", "2", "3"]


def test_heading_and_what_the_item_is_for_are_split_only_at_a_description():
    assert agenda.split_title("Village Upkeep - to receive update") == ("Village Upkeep", "to receive update")
    assert agenda.split_title("Home to School Transport - Presentation") == ("Home to School Transport - Presentation", None)
    assert agenda.split_title("To receive apologies: Alan Smith (the meeting will be chaired by Nick")[0] == "To receive apologies"
    assert agenda.split_title("Terms of Reference: Update") == ("Terms of Reference: Update", None)
    assert agenda.split_title("Cabinet Office Update:") == ("Cabinet Office Update", None)


def test_digits_drawn_in_pieces_are_mended_but_phone_numbers_are_not():
    assert agenda.mend_digits("Thursday 1 7th October 201 3") == "Thursday 17th October 2013"
    assert agenda.mend_digits("1 2.00 - 12.1 5 LGA Update") == "12.00 - 12.15 LGA Update"
    assert agenda.mend_digits("07989 398 838") == "07989 398 838"


def test_meeting_from_a_summons_with_a_24_hour_time_and_a_signature_line():
    texts = [
        "Members of the Council are hereby summoned to attend a Meeting of",
        "Hertingfordbury Parish Council to be held at Cowper School, Birch Green, on Wednesday 12",
        "October 2016 at 1900.",
        "Amanda Glew – Clerk to the Council Date: 5 October 2016",
        "1. APOLOGIES",
    ]
    body, venue, date, time = agenda._summons(texts)
    assert (body, venue, date, time) == ("Hertingfordbury Parish Council", "Cowper School, Birch Green", "2016-10-12", "19:00")
    clerk = agenda._signatory(texts, [0, 1, 2, 3])
    assert (clerk.name, clerk.role) == ("Amanda Glew", "Clerk to the Council")
    assert agenda._published(texts, [0, 1, 2, 3], date, None) == "2016-10-05"


def test_venue_is_what_the_date_line_leaves_and_the_body_loses_generic_words():
    assert agenda._after_when("26th October 2023 at 7.30pm in the Village Hall") == "Village Hall"
    assert agenda._after_when("11am - 1pm, Thursday 17th October 2013") == ""
    assert agenda._after_when("THURSDAY, 3RD DECEMBER, 2009 at 19:00 HRS - CIVIC CENTRE, HIGH ROAD") == "CIVIC CENTRE, HIGH ROAD"
    assert agenda.body_name("Local Public Data Panel Meeting") == "Local Public Data Panel"
    assert agenda.body_name("Meeting of the Cabinet") == "Cabinet"
    assert agenda.body_name("Suffolk Libraries IPS Ltd Annual General Meeting") == "Suffolk Libraries IPS Ltd"
    assert agenda.body_name("City Council Special Meeting") == "City Council"
    assert agenda.body_name("Annual General Meeting") == "Annual General Meeting"  # no body named: nothing to strip
    assert agenda.clock("1900") == "19:00" and agenda.clock("7.30 pm") == "19:30"


def test_a_notice_of_meeting_over_a_numbered_run_is_an_agenda_but_prose_starting_agenda_is_not():
    lines = [
        Line(text="Members are hereby summoned to a meeting to be held on 12 October 2016"),
        *[Line(text=f"{n}. {t}") for n, t in enumerate(["APOLOGIES", "MINUTES", "PLANNING", "FINANCE"], 1)],
    ]
    assert segment.classify(Page(index=1, lines=lines))[0] == "agenda"
    assert segment.classify(Page(index=1, lines=lines[1:]))[0] is None
    prose = [Line(text="Change Statement, the circular economy and"), Line(text="agenda including mitigation and adaptation")]
    assert segment.classify(Page(index=1, lines=prose))[0] is None
    assert not segment.agenda_heading("Agenda Item 9")
    assert segment.agenda_heading("A G E N D A")
    assert segment.agenda_heading("Planning Commission Meeting Agenda")
    assert not segment.agenda_heading("The items on the agenda")


def _cover_page(rows: list[tuple[float, str]]) -> Page:
    return Page(index=1, lines=[_pdf_line(x, 100 + 12 * k, t) for k, (x, t) in enumerate(rows)], width=600, height=800)


def test_cover_sheet_with_by_to_subject_and_an_unknown_label_ending_the_title():
    from scrutiny.extractor import cover

    page = _cover_page([
        (73, "By: Anna Taylor, Scrutiny Research Officer"),
        (72, "To: County Council: 13 March 2025"),
        (73, "Subject: Terms of Reference:"),
        (179, "Update"),
        (73, "Previous Pathway: Governance and Audit Committee, 23 January 2025"),
        (73, "1. Overview"),
        (90, "Text of the report."),
        (73, "Recommendation:"),
        (72, "The Cabinet is asked to confirm the decision."),
        (72, "Attached documents"),
        (72, "a) Decision Report"),
        (73, "Contact Details"),
        (72, "Anna Taylor, Scrutiny Research Officer"),
    ])
    assert segment.classify(page)[0] == "report"
    report = cover.parse_report([page], "d01")
    assert report.title == "Terms of Reference: Update"
    assert (report.meeting, report.meeting_date) == ("County Council", "2025-03-13")
    assert report.report_of.name == "Anna Taylor"
    assert [r.text for r in report.recommendations] == ["The Cabinet is asked to confirm the decision."]


def test_a_sub_heading_inside_a_lettered_list_of_recommendations_does_not_end_it():
    from scrutiny.extractor import cover

    assert cover._continues_list(["(a) The capital programme.", "(b) The revenue budget."], "(c) Council Tax.")
    assert not cover._continues_list(["The Cabinet is asked to confirm."], "a) Decision Report")
    assert cover._plain_heading("Kent Pay Scheme 2025-26") and not cover._plain_heading("(g) Note the transition.")


def test_clock_times_with_dotted_meridiem_are_afternoon():
    from scrutiny.extractor.textutil import parse_time

    assert parse_time("6:30 p.m.") == "18:30"
    assert parse_time("at 2.30 P.M. in the Hall") == "14:30"
    assert parse_time("19:00 HRS") == "19:00" and parse_time("2016") is None


def test_an_outline_in_roman_numerals_letters_and_numbers_keeps_every_level_under_its_parent():
    lines = [
        _pdf_line(72, 100, "I.", "ROLL CALL"),
        _pdf_line(72, 112, "II.", "APPROVAL OF THE MINUTES"),
        _pdf_line(72, 124, "III.", "COMMITTEE REPORTS"),
        _pdf_line(100, 136, "A.", "FINANCE"),
        _pdf_line(118, 148, "1.", "Approval of the budget"),
        _pdf_line(118, 160, "2.", "Approval of the audit"),
        _pdf_line(100, 172, "B.", "PERSONNEL"),
        _pdf_line(100, 184, "C.", "MANAGEMENT"),
        _pdf_line(118, 196, "1.", "Approval of the lease"),
        _pdf_line(72, 208, "IV.", "ADJOURNMENT"),
    ]
    pairs, texts = _pairs(lines)
    spans = agenda.item_spans(pairs, texts)
    items = [it for i, end in spans for it in agenda._items_of(pairs[i:end], texts[i:end], "d01")]
    assert [it.number for it in items] == ["I", "II", "III", "III(A)", "III(A)(1)", "III(A)(2)", "III(B)",
                                           "III(C)", "III(C)(1)", "IV"]
    assert items[8].title == "Approval of the lease"


def test_a_lettered_agenda_runs_past_the_letters_that_are_roman_numerals():
    letters = "ABCDEFGHIJK"
    lines = [_pdf_line(72, 100 + 12 * k, f"{c}.", f"Item {c}") for k, c in enumerate(letters)]
    pairs, texts = _pairs(lines)
    assert [n for _, n in agenda.item_starts(pairs, texts)] == list(letters)
    assert agenda.outline_label("IIII. Not a numeral") is None
    assert agenda.outline_label("A Smith said") is None


def test_the_body_is_the_heading_that_names_one_and_the_time_may_sit_under_the_date(tmp_path):
    import scrutiny

    pack = tmp_path / "agenda.txt"
    pack.write_text("Cindy Segawa, Mayor\nAGENDA\nREGULAR MEETING\nLOMITA CITY COUNCIL\nTUESDAY, DECEMBER 6, 2022\n"
                    "6:00 P.M.\n24300 NARBONNE AVENUE, LOMITA, CA 90717\n1. CALL TO ORDER\n2. ROLL CALL\n3. ADJOURNMENT\n",
                    encoding="utf-8")
    meeting = scrutiny.extract(str(pack)).meeting
    assert (meeting.body, meeting.date, meeting.time) == ("Lomita City Council", "2022-12-06", "18:00")
    assert meeting.venue == "24300 Narbonne Avenue, Lomita, CA 90717"


def test_a_co_optee_list_wrapped_before_a_parenthetical_keeps_the_names_after_it():
    lines = [
        _pdf_line(72, 100, "Co-Optees: Ms Y. Denny (church representative), Mr J Ejiofor"),
        _pdf_line(72, 112, "(Parent Governor), Ms S Marsh (Parent Governor), Ms H Kania (LINK Representative)"),
        _pdf_line(72, 124, "AGENDA"),
    ]
    pairs, texts = _pairs(lines)
    got = [(c.name, c.representing) for c in agenda._cooptees(pairs, texts, "d01")]
    assert got == [("Ms Y. Denny", "church representative"), ("Mr J Ejiofor", "Parent Governor"),
                   ("Ms S Marsh", "Parent Governor"), ("Ms H Kania", "LINK Representative")]


def test_recommendations_over_a_page_break_are_read_without_the_running_header_and_footer():
    from scrutiny.extractor import cover

    def page(index: int, rows: list[tuple[float, str]]) -> Page:
        return Page(index=index, lines=[_pdf_line(72, y, t) for y, t in rows], width=600, height=800)

    first = page(1, [
        (40, "Scrutiny Committee"), (90, "Report Title: Review of referrals"), (120, "Recommendations"),
        (140, "(a) Partner agencies are consulted prior to the closure"), (700, "of a case;"),
        (760, "Page 37 of 52"),
    ])
    second = page(2, [
        (40, "Scrutiny Committee"), (70, "(b) Families are supported in accessing services."),
        (400, "Background Papers"), (760, "Page 38 of 52"),
    ])
    report = cover.parse_report([first, second], "d01")
    assert [r.text for r in report.recommendations] == [
        "Partner agencies are consulted prior to the closure of a case;",
        "Families are supported in accessing services.",
    ]


def test_a_roster_beside_an_address_column_and_under_a_stamp():
    lines = [
        _pdf_line(76, 76, "2Draft  Ann Lee, Mayor"),
        _pdf_line(430, 82, "TOWN HALL"),
        _pdf_line(76, 88, "Bo Diaz, Vice Mayor"),
        _pdf_line(76, 100, "Cy Ng, Council Member"),
        _pdf_line(430, 106, "12 Main Street"),
        _pdf_line(76, 112, "Di Roe, Council Member"),
        _pdf_line(72, 160, "AGENDA"),
    ]
    pairs, _ = _pairs(lines)
    assert [(m.name, m.role) for m in agenda._roster(pairs, "d01")] == [
        ("Ann Lee", "Mayor"), ("Bo Diaz", "Vice Mayor"), ("Cy Ng", None), ("Di Roe", None)]


def test_item_numbers_that_carry_the_meeting_s_date_are_sub_items_as_printed():
    from scrutiny.extractor import agenda

    assert agenda._sub_label("11/09/22-2. Consideration of a Coastal Development Permit", "G") == ("11/09/22-2.", "coded")
    assert agenda._sub_text("11/09/22-2. Consideration of a Coastal Development Permit", "G") == "Consideration of a Coastal Development Permit"


def test_the_label_after_a_roman_numeral_is_the_next_numeral():
    assert agenda._next_label("ii", "iii") == "iii" and agenda._next_label("IV", "V") == "V"
    assert agenda._next_label("h", "i") == "i"  # after "h", "i" is a letter


def test_lettered_clauses_of_a_recommendation_sentence_are_not_sub_items_but_a_lettered_list_under_the_title_is():
    lines = [
        _pdf_line(72, 100, "7.", "SELECT MAYOR AND MAYOR PRO TEMPORE"),
        _pdf_line(108, 112, "RECOMMENDATION: It is recommended that the City"),
        _pdf_line(108, 124, "Council:"),
        _pdf_line(108, 136, "3 of 9 12/21/22, 5:56 PM"),  # a browser's print stamp between the pages
        _pdf_line(108, 148, "A.", "Appoint Council Member to serve as Mayor;"),
        _pdf_line(108, 160, "B.", "Appoint Council Member to serve as Mayor Pro Tempore."),
        _pdf_line(72, 172, "8.", "ADMINISTRATIVE REPORTS"),
        _pdf_line(108, 184, "A.", "CITY MANAGER'S REPORT"),
        _pdf_line(108, 196, "B.", "CITY ATTORNEY'S REPORT"),
    ]
    pairs, texts = _pairs(lines)
    spans = agenda.item_spans(pairs, texts)
    items = [it for i, end in spans for it in agenda._items_of(pairs[i:end], texts[i:end], "d01")]
    assert [it.number for it in items] == ["7", "8", "8(A)", "8(B)"]


def test_sub_items_carrying_the_item_s_number_with_a_dot_or_a_hyphen():
    assert agenda._sub_label("4.A Approval of the minutes", "4") == ("A", "dotted")
    assert agenda._sub_label("A-1 Approval of the minutes", "A") == ("1", "hyphened")
    assert agenda._sub_text("A-1 Approval of the minutes", "A") == "Approval of the minutes"


def test_numbering_that_starts_again_under_each_section_heading_keeps_every_section():
    lines = [
        _pdf_line(72, 100, "CLOSED SESSION"),
        _pdf_line(106, 112, "1.", "CALL MEETING TO ORDER"),
        _pdf_line(106, 124, "2.", "ROLL CALL"),
        _pdf_line(136, 136, "A.", "Norm Zezula, Mayor Pro Tempore"),  # the roster, lettered like sub-items
        _pdf_line(136, 148, "B.", "Brian Bergman, Council Member"),
        _pdf_line(106, 160, "3.", "ADJOURN TO CLOSED SESSION"),
        _pdf_line(72, 172, "REGULAR BUSINESS AT 6:30 P.M."),
        _pdf_line(106, 184, "1.", "CALL MEETING TO ORDER"),
        _pdf_line(106, 196, "2.", "FLAG SALUTE"),
        _pdf_line(72, 208, "PUBLIC HEARINGS:"),
        _pdf_line(108, 220, "1.", "SECOND READING OF ORDINANCE 298-22"),
        _pdf_line(108, 232, "+1 669 900 9128 or +1 669 444 9171"),  # a phone number is no item
    ]
    pairs, texts = _pairs(lines)
    spans = agenda.item_spans(pairs, texts)
    items = [it for i, end in spans for it in agenda._items_of(pairs[i:end], texts[i:end], "d01")]
    assert [it.number for it in items] == ["1", "2", "3", "1", "2", "1"]
    assert items[-1].title == "SECOND READING OF ORDINANCE 298-22"


def test_a_numbered_sub_list_inside_an_item_is_no_restart_when_the_items_run_on():
    lines = [_pdf_line(72, 100 + 12 * k, f"{k + 1}.", f"ITEM {k + 1}") for k in range(4)]
    lines += [_pdf_line(72, 160, "PROPOSALS"), _pdf_line(72, 172, "1.", "First proposal"), _pdf_line(72, 184, "2.", "Second proposal")]
    lines += [_pdf_line(72, 196 + 12 * k, f"{k + 5}.", f"ITEM {k + 5}") for k in range(3)]
    pairs, texts = _pairs(lines)
    assert [label for _, label in agenda.item_starts(pairs, texts)] == [str(n) for n in range(1, 8)]
