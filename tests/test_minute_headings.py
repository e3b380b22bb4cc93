"""Minute headings found from layout: type style (bold, underline, capitals), lettered run-in
sub-items, refs printed alone on their line, file numbers before titles, listed sub-items."""

from scrutiny.extractor import nlp, segment
from scrutiny.extractor.minutes import decisions, items, stream
from scrutiny.extractor.pages import Line, Page, Rule, Segment


def _text_rows(*texts):
    """The stream of a text page of these lines."""
    return stream.build([Page(index=1, lines=[Line(text=t, number=k + 1) for k, t in enumerate(texts)])])


def _page(rows):
    """PDF rows of (x, text, marks): marks hold "u" (a rule drawn under the row), "b" (bold) and
    "s" (small type, 8 points against the body's 11);
    a row given as a list of (text, bold) pairs is drawn as runs. Each row is 12 points high."""
    lines, rules = [], []
    for k, (x, text, marks) in enumerate(rows):
        top, bottom = 100.0 + 14 * k, 110.0 + 14 * k
        runs = text if isinstance(text, list) else [(text, "b" in marks)]
        segs, left = [], x
        for t, bold in runs:
            segs.append(Segment(text=t, box=(left, top, left + 5 * len(t), bottom), size=8.0 if "s" in marks else 11.0,
                                weight=700 if bold else 400))
            left += 5 * len(t) + 5
        joined = " ".join(t for t, _ in runs)
        lines.append(Line(text=joined, box=(x, top, left - 5, bottom), segments=tuple(segs), bold=all(b for _, b in runs)))
        if "u" in marks:
            rules.append(Rule(box=(x, bottom + 1, left - 5, bottom + 1.6)))
    return stream.build([Page(index=1, lines=lines, rules=rules, width=600, height=800)])


PLAIN = ""


def test_underlined_headings_are_the_items_and_numbered_lists_inside_them_are_not():
    rows = _page([
        (90, "Date: Thursday, March 17th, 2016", PLAIN),
        (90, "Welcome & Introductions", "u"),
        (90, "Megan Chan welcomed everyone to the meeting and Alaina discussed the research.", PLAIN),
        (90, "Goals Introduction", "u"),
        (90, "The committee read through and discussed the drafted cluster goals from the plan.", PLAIN),
        (90, "New Construction Practices", "b"),
        (90, "1. Promote opportunities for a variety of cultures and income levels in the area.", PLAIN),
        (90, "2. Incentivize sustainable development.", PLAIN),
        (90, "Corridors & Streetscapes", "b"),
        (90, "1. Provide streetscapes that contribute to user experience through character.", PLAIN),
        (90, "2. Enhance community entryways.", PLAIN),
        (90, "Land Uses", "b"),
        (90, "1. Design commercial centers to provide mixed uses and safe transportation access.", PLAIN),
        (90, "Moving Forward", "u"),
        (90, "Megan Chan discussed the homework for next time, which is to review the goals.", PLAIN),
        (90, "There was no other business to discuss and the meeting was adjourned.", PLAIN),
    ])
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [
        (None, "Welcome & Introductions"), (None, "Goals Introduction"), (None, "Moving Forward")]


def test_an_underline_must_span_the_row_not_one_word_of_it():
    rows = _page([(90, "this understanding the Terms of Reference were approved.", PLAIN)])
    line = rows[0].line
    page = rows[0].page
    page.rules.append(Rule(box=(line.box[2] - 40, line.box[3] + 1, line.box[2], line.box[3] + 1.5)))
    assert items.styles(rows) == [()]
    page.rules.append(Rule(box=(line.box[0], line.box[3] + 1, line.box[2] - 40, line.box[3] + 1.5)))
    assert items.styles(rows) == [("underline",)]


def test_lettered_run_in_titles_under_an_unnumbered_heading_are_sub_items():
    rows = _page([
        (72, "MINUTES OF A MEETING OF THE PARISH COUNCIL HELD ON 10 DECEMBER 2014", "bu"),
        (72, "FINANCE", "bu"),
        (72, "It was RESOLVED that:", PLAIN),
        (90, "a) The Financial Statement be received and noted", PLAIN),
        (90, "b) The schedule of payments made since the last meeting be approved", PLAIN),
        (72, "PLANNING", "bu"),
        (72, "The Council were made aware of one application which it considered briefly.", PLAIN),
        (72, "GENERAL UPDATES/REPORTS", "bu"),
        (90, "a) Crossings and Greens – The Council considered a letter from a resident.", PLAIN),
        (90, "b) Play Area - Nothing to report", PLAIN),
        (90, "c) Water Hall Quarry - Nothing to report", PLAIN),
        (72, "CORRESPONDENCE RECEIVED", "bu"),
        (72, "A variety of correspondence was received and noted.", PLAIN),
    ])
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [
        (None, "FINANCE"), (None, "PLANNING"), (None, "GENERAL UPDATES/REPORTS"),
        ("a)", "Crossings and Greens"), ("b)", "Play Area"), ("c)", "Water Hall Quarry"), (None, "CORRESPONDENCE RECEIVED")]
    assert found[4].inline_body == "Nothing to report"


def test_bold_titled_lettered_rows_under_a_numbered_heading_carry_its_number():
    rows = _page([
        (72, "6 Planning:", "b"),
        (124, "a) 13/000118/TCA – Tree works at West End House. No objections raised.", PLAIN),
        (124, "b) 13/00090/F – Greenhouse at Stonehaven High St. No objections raised.", PLAIN),
        (72, "7 Administration:", "b"),
        (124, [("a) Councillors’ handbook –", True), ("has now been completed and circulated", False)], PLAIN),
        (124, [("b) Employment of Clerk –", True), ("the Council is now an employer registered", False)], PLAIN),
        (72, "8 Date of next meeting:", "b"),
        (106, "The next meeting will be held in the Village Hall at 7.00pm.", PLAIN),
    ])
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [
        ("6", "Planning"), ("7", "Administration"), ("7(a)", "Councillors’ handbook"), ("7(b)", "Employment of Clerk"),
        ("8", "Date of next meeting")]


def test_item_word_ref_alone_on_its_line_is_kept_as_printed_with_the_title_below():
    rows = stream.build([Page(index=1, lines=[Line(text=t, number=k + 1) for k, t in enumerate([
        "The following were in attendance:", "Cllr. Marian Hurley",
        "Item 1", "Adoption of Minutes", "The minutes of the meeting held on 15th October were agreed.",
        "Item 2:", "Matters Arising", "There were no matters arising from the previous minutes.",
        "Item 3:", "Any Other Business", "The date for the next meeting was set for 18th February."])])])
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [
        ("Item 1", "Adoption of Minutes"), ("Item 2", "Matters Arising"), ("Item 3", "Any Other Business")]
    assert items.normalise_ref("Item 2") == "2" and items.normalise_ref("Minute 45") == "45"


def test_file_numbers_before_titles_and_listed_sub_items():
    rows = _page([
        (72, "4. Consent Calendar", "b"),
        (90, "4-A 2023-3362 - Draft Meeting Minutes - July 10, 2023", PLAIN),
        (90, "4-B 2023-3363 - Draft Meeting Minutes - July 24, 2023", PLAIN),
        (90, "Vice President Cisneros made a motion to approve the Consent Calendar, which passed 6-0.", PLAIN),
        (72, "5. Regular Agenda Items", "b"),
        (72, "5A. 2023-3595 - Provide Feedback on AC Transit Realign Draft Bus Service Plan", "b"),
        (72, "Maria Henderson from AC Transit gave a presentation and took questions from all.", PLAIN),
        (72, "5B. 2023-3596 - Discuss Transportation Performance Metrics", "b"),
        (72, "This was a discussion item and no formal action was taken by the commission.", PLAIN),
        (72, "6. Adjournment", "b"),
        (72, "The Chair adjourned the meeting at 9:50 p.m.", PLAIN),
    ])
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [
        ("4.", "Consent Calendar"), ("4-A", "Draft Meeting Minutes - July 10, 2023"), ("4-B", "Draft Meeting Minutes - July 24, 2023"),
        ("5.", "Regular Agenda Items"), ("5A", "Provide Feedback on AC Transit Realign Draft Bus Service Plan"),
        ("5B", "Discuss Transportation Performance Metrics"), ("6.", "Adjournment")]
    consent, listed = found[0], found[2]
    assert [rows[k].text for k in consent.body_rows] == [rows[3].text] and listed.body_rows == []


def test_a_sentence_opening_with_minutes_names_no_minutes():
    assert segment.MINUTES_HEAD.match("Minutes of the Parish Council")
    assert segment.MINUTES_HEAD.match("DRAFT MINUTES")
    assert not segment.MINUTES_HEAD.match("Minutes can be found:")


def test_nothing_to_report_gives_no_one_a_task():
    pipeline = nlp.pipeline()
    assert decisions.actions("Nothing to report.", pipeline) == []
    assert [who for _, who, _ in decisions.actions("The Clerk to report back in March.", pipeline)] == ["The Clerk"]


def test_parts_in_the_number_column_with_a_hanging_indent_are_items():
    rows = _page([
        (72, "PRESENT: Cllrs R Lester (Chairman), E Bradbury and S Edgell", PLAIN),
        (72, "130. MATTERS ARISING", PLAIN),
        (72, "130.1 (Minute 118.1) Cllr Lester has identified a stonemason and Cllr Rochford will obtain a", PLAIN),
        (107, "quote for repairs to the war memorial.", PLAIN),
        (72, "130.2 (Minute 118.2) Cllr Lester has still to obtain information on stopping up highways.", PLAIN),
        (107, "All other matters had either been completed or were a separate agenda item.", PLAIN),
        (72, "131. FINANCE", PLAIN),
        (72, "131.1 The financial statement was received and noted.", PLAIN),
        (72, "131.2 There had been no payments made between meetings.", PLAIN),
        (72, "132. REPORTS", PLAIN),
        (72, "132.1 Crossings and Greens: Cllr Hunt has still to review the papers from Land Registry for", PLAIN),
        (107, "the Council's title in the village greens.", PLAIN),
        (72, "132.2 Play Area: It was reported that the play area was okay.", PLAIN),
        (72, "133. CORRESPONDENCE", PLAIN),
        (107, "Herts Police Authority - Herts Policing Plan 2010-13.", PLAIN),
        (72, "The chairman closed the meeting at 8.53pm", PLAIN),
        (72, "Signed Dated", PLAIN),
    ])
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [
        ("130.", "MATTERS ARISING"), ("130.1", None), ("130.2", None), ("131.", "FINANCE"), ("131.1", None),
        ("131.2", None), ("132.", "REPORTS"), ("132.1", "Crossings and Greens"), ("132.2", "Play Area"),
        ("133.", "CORRESPONDENCE")]
    assert [t for t, _ in items.body_text(found[7], rows)] == [
        "Cllr Hunt has still to review the papers from Land Registry for", "the Council's title in the village greens."]
    assert [rows[k].text for k in found[-1].body_rows] == ["Herts Police Authority - Herts Policing Plan 2010-13.",
                                                          "The chairman closed the meeting at 8.53pm"]


def test_numbered_paragraphs_wrapping_under_their_own_number_are_not_items():
    rows = _page([
        (60, "Attendees:", "b"),
        (60, "Kieron O'Hara Southampton University", PLAIN),
        (60, "4. Proposal from the Registry Trust", "b"),
        (60, "4.1 Nick Rossiter (NR) explained about the background, purpose and function of the", PLAIN),
        (60, "Registry Trust and a proposal that they were considering on publishing an aggregated selection", PLAIN),
        (60, "of the data that they hold, which had been circulated to the panel before the meeting.", PLAIN),
        (60, "4.2 A discussion followed on the type of license that the information will be published", PLAIN),
        (60, "under. It was agreed that it would be useful for the Panel to see further details on it.", PLAIN),
        (60, "5. Check that Bike and publication of stolen vehicle data.", "b"),
        (60, "5.1 John Moss (JM) outlined his idea that had recently won the Open Data Challenge", PLAIN),
        (60, "Series around reducing the market for stolen bikes by allowing people to check serial numbers.", PLAIN),
        (60, "5.2 WP described his experience of a similar process to target hardening stolen mobile", PLAIN),
        (60, "phones. JM and SW explained that there were no costs passed on to the users of the site.", PLAIN),
        (60, "6. AOB", "b"),
        (60, "6.1 No AOB items were raised.", PLAIN),
    ])
    assert [i.ref for i in items.split(rows)] == ["4.", "5.", "6."]


def test_a_label_repeated_with_a_title_heads_each_block_of_a_notes_template():
    rows = _page([
        (50, "Attendees: Dorian Grieves (chair), Julie Wynn (Deputy head), Helen Brown (Head teacher)", PLAIN),
        (50, "Apologies: Rina Semba (P4)", PLAIN),
        (50, "Agenda item: Senior Leadership Team Presenter: Helen Brown", PLAIN),
        (50, "Discussion:", PLAIN),
        (69, "Recording of meetings was discussed, as a way of making the minutes available more quickly.", PLAIN),
        (50, "Conclusions:", PLAIN),
        (69, "Process needs to be put in place for distribution of minutes.", PLAIN),
        (50, "Agenda item: Financial Report Presenter: Susan and Dorian", PLAIN),
        (50, "Discussion:", PLAIN),
        (69, "Cheques have been received and parent quiz night money has been deposited.", PLAIN),
        (50, "Conclusions:", PLAIN),
        (69, "Agreed to transfer bank accounts to Bank of Scotland.", PLAIN),
        (50, "Agenda Item Fundraising Presenter: Everyone", PLAIN),
        (69, "Bake Sale for P7s raised nearly £400 for their leavers disco.", PLAIN),
        (50, "Agenda item: AOB Presenter: Dorian", PLAIN),
        (50, "Discussion:", PLAIN),
        (69, "Despo attended the Afty meeting and asked if Afty should be invited to the meetings.", PLAIN),
    ])
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [
        (None, "Senior Leadership Team"), (None, "Financial Report"), (None, "Fundraising"), (None, "AOB")]
    assert [t for t, _ in items.body_text(found[1], rows)][-1] == "Agreed to transfer bank accounts to Bank of Scotland."


def test_a_repeated_label_with_sentences_after_it_heads_nothing():
    rows = _page([
        (60, "Welcome and Introductions", "b"),
        (60, "The chair welcomed attendees and highlighted ongoing actions on the action log.", PLAIN),
        (60, "Action: WM to circulate document describing data sets.", PLAIN),
        (60, "Court Listings", "b"),
        (60, "FD explained that there had been a miscommunication about the technical information.", PLAIN),
        (60, "Action: SP to contact ODI to discuss how to ensure open data principles are embedded.", PLAIN),
        (60, "Action: KO will co-ordinate with Panel members a note setting out what they require.", PLAIN),
        (60, "AOB", "b"),
        (60, "No AOB items were raised and the next meeting was set for Friday 2 May 2014.", PLAIN),
    ])
    assert items._labelled_heads(rows, 0, len(rows)) == {}


def test_refs_in_a_small_type_table_or_after_the_signature_are_no_sub_items():
    rows = _page([
        (72, "1. Apologies", "b"),
        (144, "Apologies were received from one member of the council tonight.", PLAIN),
        (72, "2. Actions from the last meeting", "b"),
        (72, "Mar24.01 Clerk to write to the owner", "s"),
        (72, "Mar24.02 Treasurer to renew insurance", "s"),
        (144, "The actions were reviewed by the council and noted by all.", PLAIN),
        (72, "3. Finance", "b"),
        (144, "The accounts were received and approved by the council tonight.", PLAIN),
        (72, "Signed .................... Date ..........", PLAIN),
        (72, "Apr24.01 Clerk to chase the owner", PLAIN),
        (72, "Apr24.02 Chair to order the bench", PLAIN),
        (72, "Apr24.03 Treasurer to pay the invoice", PLAIN),
    ])
    assert [it.ref for it in items.split(rows)] == ["1.", "2.", "3."]


def test_a_first_number_set_as_a_sentence_and_a_lone_part_titled_in_title_case():
    rows = _page([
        (72, "1. The meeting was opened by the chair at six in the evening.", PLAIN),
        (72, "2. APOLOGIES:", "b"),
        (108, "There were none from any of the members of the committee tonight.", PLAIN),
        (72, "3. REPORTS:", "b"),
        (108, "3-A. Annual Accounts and Audit Return for the Year Ending March 31,", PLAIN),
        (108, "2024 and Reserves Policy of the Harbour Trust.", PLAIN),
        (108, "The treasurer presented the accounts and the members asked about the reserves.", PLAIN),
        (72, "4. ADJOURNMENT:", "b"),
        (108, "The meeting was closed by the chair at half past seven.", PLAIN),
    ])
    assert [it.ref for it in items.split(rows)] == ["1.", "2.", "3.", "3-A", "4."]
    prose = _page([
        (72, "2. APOLOGIES:", "b"),
        (108, "There were none from any of the members of the committee tonight.", PLAIN),
        (72, "3. REPORTS:", "b"),
        (108, "3-A. The treasurer presented the accounts for the year and the members", PLAIN),
        (108, "asked about the reserves held by the trust at the end of the year.", PLAIN),
        (72, "4. ADJOURNMENT:", "b"),
        (108, "The meeting was closed by the chair at half past seven.", PLAIN),
    ])
    assert [it.ref for it in items.split(prose)] == ["2.", "3.", "4."]


def test_marked_lettered_titles_ended_by_a_full_stop_list_the_parts_of_their_heading():
    lines = []
    texts = [
        "MINUTES OF THE HARBOUR LIBRARY BOARD", "WEDNESDAY, JULY 10, 2024",
        "The regular meeting of the board was called to order at 7:02 p.m. by the president.",
        "CONSENT AGENDA", "Items marked are approved together by one motion of the board.",
        "*A. Treasurer's Report on Investments Held for the Quarters of April and", "June, 2024.",
        "*B. Draft Minutes of the Special Board Meeting of May 2, 2024.",
        "*C. Warrants for Ratification for the Month of June, 2024.",
        "Director Lowe moved to approve the consent agenda. Director Marsh seconded the motion, which passed 4-0.",
        "NEW BUSINESS", "The board discussed the summer programme and the new staff rota in detail.",
        "ADJOURNMENT", "The meeting was adjourned at 8:15 p.m. by the president of the board.",
    ]
    for k, t in enumerate(texts):
        top = 100.0 + 14 * k
        raw = t
        shown = t.replace("*", "")
        seg = Segment(text=raw, box=(50, top, 50 + 5 * len(shown), top + 10), size=11.0, weight=400)
        lines.append(Line(text=raw, box=seg.box, segments=(seg,)))
    rows = stream.build([Page(index=1, lines=lines, width=600, height=800)])
    found = items.split(rows)
    assert [it.ref for it in found] == [None, "*A.", "*B.", "*C.", None, None]
    assert found[1].title.endswith("April and June, 2024")
    consent = [rows[k].text for k in found[0].body_rows]
    assert any("moved to approve the consent agenda" in t for t in consent)
    assert not found[3].body_rows


def test_file_numbers_running_on_across_styled_section_headings():
    rows = _page([
        (72, "PROCLAMATIONS", "b"),
        (72, "(22-041 ) Proclamation Declaring May as Bike Month", PLAIN),
        (72, "The mayor read the proclamation and handed it to the club for the record.", PLAIN),
        (72, "(22-042 ) Proclamation declaring June as the month of the river.", PLAIN),
        (72, "The mayor read the proclamation and handed it to the trust for the record.", PLAIN),
        (72, "CONSENT CALENDAR", "b"),
        (72, "Councilmember Lee moved approval of the Consent Calendar, seconded and carried.", PLAIN),
        (72, "(22-043 ) Recommendation to Award a Contract for Street Paving", PLAIN),
        (72, "The council approved the contract by a vote of five to nothing tonight.", PLAIN),
        (72, "(22-044 ) Recommendation to Accept the Annual Audit Report", PLAIN),
        (72, "The council accepted the report without any further discussion at all.", PLAIN),
        (72, "COUNCIL COMMUNICATIONS", "b"),
        (72, "(22-045 ) Request to Review the Library Opening Hours", PLAIN),
        (72, "A member asked that the hours be reviewed by the staff before the summer.", PLAIN),
    ])
    found = items.split(rows)
    # a section with text of its own is an item; one that only groups the paragraphs under it is not
    assert [it.ref for it in found] == ["(22-041)", "(22-042)", None, "(22-043)", "(22-044)", "(22-045)"]
    assert found[2].title == "CONSENT CALENDAR"
    assert found[3].title == "Recommendation to Award a Contract for Street Paving"


def test_a_number_centred_beside_its_title_and_text_heads_the_title():
    rows = _page(MORE + [(120, "Minutes of the last meeting were read out to all those present here.", PLAIN),
                  (120, "", PLAIN),
                  (120, "Accounts 2014/15", "b"), (78, "5.", "b"),
                  (120, "Jo Ogden presented the accounts of the year to all those present.", PLAIN)] + MORE)
    assert [r.text for r in rows][4:8] == ["Minutes of the last meeting were read out to all those present here.",
                                          "5.", "Accounts 2014/15", "Jo Ogden presented the accounts of the year to all those present."]
    rows = _page(MORE + [(120, "Minutes of the last meeting were read out to all those present here.", PLAIN), (120, "", PLAIN),
                  (78, "5.", "b"), (120, "Accounts 2014/15", "b"), (120, "Jo Ogden presented the accounts.", PLAIN)] + MORE)
    assert [r.text for r in rows][5:7] == ["5.", "Accounts 2014/15"]


MORE = [(120, f"Line {k} of the text that follows the items.", PLAIN) for k in range(4)]


def test_lettered_parts_started_afresh_under_each_number_are_a_level_below():
    rows = _page([(72, "1.", "b"), (72, "Adoption of Minutes", "b"), (72, "(a)", PLAIN), (72, "Meeting of March.", PLAIN),
                  (72, "(b)", PLAIN), (72, "Meeting of April.", PLAIN),
                  (72, "2.", "b"), (72, "Disposal of Land", "b")]
                 + [r for c in "abcde" for r in ((72, f"({c})", PLAIN), (72, f"Notice {c} concerning disposal.", PLAIN))]
                 + [(72, "3.", "b"), (72, "Housing", "b"), (72, "The scheme was adopted.", PLAIN)])
    got = [(it.ref, it.title) for it in items.split(rows)]
    assert [ref for ref, _ in got if ref and "(" not in ref] == ["1.", "2.", "3."]


def test_a_heading_number_under_the_page_number_at_a_page_top_is_kept():
    lines = [Line(text=t, number=k + 1) for k, t in enumerate(["10", "4.", "Support Services", "The report was noted."])]
    rows = stream.build([Page(index=1, lines=[Line(text="Text before.", number=0)]), Page(index=2, lines=lines)])
    assert [r.text for r in rows] == ["Text before.", "4.", "Support Services", "The report was noted."]


def test_a_roll_call_run_onto_its_own_line_is_no_run_in_heading():
    rows = _text_rows("REPORTS:", "A motion was made to give $500 to the Park District by Trustee Elton, seconded by Trustee Hodge.",
                 "Roll Call was taken as follows:", "Trustee Elton – yes, Trustee Hodge – yes, Supervisor Liccar – yes.",
                 "Assessor – See Written Report from the Assessor.", "Highway Commissioner- Crews went out plowing and salting.",
                 "OLD BUSINESS", "There was none.")
    titles = [i.title for i in items.split(rows)]
    assert "Trustee Elton" not in titles
    assert {"Assessor", "Highway Commissioner", "OLD BUSINESS"} <= set(titles)


def test_a_header_of_items_and_actions_alone_heads_the_text_not_a_grid():
    from scrutiny.extractor.pages import Line, Segment

    def line(*runs):
        segs = tuple(Segment(t, (x, 100, x + 5 * len(t), 110)) for x, t in runs)
        return Line(text=" ".join(t for _, t in runs), box=(segs[0].box[0], 100, 560, 110), segments=segs)

    assert stream.grid_header(line((37, "Items"), (504, "Action"))) is None
    assert stream._column_heads(line((37, "Items"), (504, "Action")))
    assert [m for _, m in stream.grid_header(line((37, "Item"), (200, "Notes"), (504, "Action")))] == ["title", "body", "action"]


def test_letters_alone_over_running_text_are_parts_and_over_titles_are_sub_items():
    rows = _text_rows("Minutes of the Meeting of Northfield Council held on 22nd May 2023", "1.", "Adoption of Minutes",
                 "The minutes of the last meeting were adopted by the Council.", "2.", "Disposal of Land", "(a)", "Circulated, copy of Statutory Notice dated 24th March, 2023, concerning disposal of",
                 "land at 39 Marian Park.", "And Resolved: That the disposal be approved.", "(b)",
                 "Circulated, copy of Statutory Notice dated 27th March, 2023, concerning disposal of", "land at 4 Main Street.",
                 "And Resolved: That the disposal be approved.", "3.", "Support Services", "(a)", "Chief Executive’s Report",
                 "The Reports were noted by the Council.", "(b)", "Annual Report 2022", "The Annual Report was adopted by the Council.")
    assert [i.ref for i in items.split(rows)] == ["1.", "2.", "3.", "3(a)", "3(b)"]


def test_an_agenda_entry_the_minutes_number_otherwise_is_no_item():
    found = [(1, "BM 69/2122"), (2, "BM 70/2122"), (3, "BM 79/2122"), (4, "BM 80/2122"), (5, "BM 81/2122"),
             (10, "BM 69/2122"), (14, "BM 70/2122"), (18, "BM 79/2122"), (22, "BM 89/2122"), (26, "BM 90/2122")]
    assert [r for _, r in items._keep_last(found)] == ["BM 69/2122", "BM 70/2122", "BM 79/2122", "BM 89/2122", "BM 90/2122"]
    once = [(1, "1."), (5, "2."), (9, "3.")]
    assert items._keep_last(once) == once


def test_a_letter_and_bracket_before_a_title_of_its_own_is_a_sub_item():
    rows = _text_rows("Minutes of the Parish Council meeting held on 26th September 2019", "09.19.06 Highways",
                 "The verge in Church Lane was discussed and it was decided to clear it.", "09.19.07 Updates",
                 "a) Playground Advisory Group", "The group met and reported on the new equipment for the playground.",
                 "b) Nancy Bowles Wood Advisory Group", "The wood was cleared of fallen branches by the volunteers.",
                 "09.19.08 Planning", "No applications had been received.",
                 "a) RD declared an interest – the application at the church.")
    assert [i.ref for i in items.split(rows)] == ["09.19.06", "09.19.07", "09.19.07(a)", "09.19.07(b)", "09.19.08"]
