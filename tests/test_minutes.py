"""Minutes: scored against gold files, and the pieces on small constructed texts."""

from pathlib import Path

import pytest

from scrutiny.extractor import evaluate, ingest, nlp, pipeline
from scrutiny.extractor.minutes import attendance, decisions, items, stream
from scrutiny.extractor.pages import Line, Page, Segment
from conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Per-file F1 floors on the gold files are the corpus table's cells now (tests/test_accuracy.py);
# what stays here are the pieces on small constructed texts and the vote fields.


VOTE_CASES = [  # (input, gold, minimum votes F1, minimum field accuracy over matched votes)
    (SHARED / "corpus/meetings/uk_kent_cc/kcc_full_council_2025-01-09_Printed_minutes_09th-Jan-2025_10.00_County_Council.pdf",
     ROOT / "tests/gold/kcc-full-council-2025-01-09-minutes.gold.json", 0.95, 0.95),
    (SHARED / "corpus/meetings/ie_limerick_text/limerick_2020_Minutes_-_Special_Meeting_of_Limerick_City_and_County_Council_-_25th_February_2020.md",
     ROOT / "tests/gold/limerick-special-2020-02-25-minutes.gold.json", 0.95, 0.95),
    (SHARED / "corpus/meetings/ie_limerick_text/limerick_2018_Minutes_-_Special_Meeting_of_Limerick_City_and_County_Council_-_18th_September_2018.md",
     ROOT / "tests/gold/limerick-special-2018-09-18-minutes.gold.json", 0.95, 0.6),
]


@pytest.mark.parametrize("source,gold,f1_floor,field_floor", VOTE_CASES, ids=[c[1].name.split(".")[0] for c in VOTE_CASES])
@needs_shared
def test_votes_against_gold(source, gold, f1_floor, field_floor):
    import json

    out = pipeline.extract(ingest.load(str(source)), pipeline.Options(tables=False, people=False))
    scores = evaluate.evaluate(json.loads(pipeline.to_json(out)), json.loads(gold.read_text(encoding="utf-8")), sections=["votes"])
    votes = scores["sections"]["votes"]
    assert votes["f1"] >= f1_floor and votes["field_accuracy"] >= field_floor, (votes["f1"], votes["field_accuracy"], votes["field_errors"][:3])


def _rows(*texts):
    page = Page(index=1, lines=[Line(text=t, number=k + 1) for k, t in enumerate(texts)])
    return stream.build([page])


# ---- attendance phrasings


def test_present_list_with_chair_roles_and_postnominals():
    people = attendance.parse_list("Mr R W Gough (Chairman), Mr R C Love, OBE, Mrs C Bell and Ms L Wright", "present", [])
    assert [(p.name, p.title, p.role) for p in people] == [
        ("R W Gough", "Mr", "Chairman"), ("R C Love", "Mr", None), ("C Bell", "Mrs", None), ("L Wright", "Ms", None)]


def test_councillors_list_with_missing_comma_and_bracket_letters():
    people = attendance.parse_list("Councillors Bull (Chair) Adamou (Vice-Chair), Collins (M), Sheahan (J) and Adje", "present", [])
    assert [(p.name, p.role, p.title) for p in people] == [
        ("Bull", "Chair", "Councillor"), ("Adamou", "Vice-Chair", "Councillor"), ("Collins (M)", None, "Councillor"),
        ("Sheahan (J)", None, "Councillor"), ("Adje", None, "Councillor")]


def test_role_first_officials_list():
    people = attendance.parse_list("Chief Executive (Mr. C. Murray), Director, Support Services (Mr. S. Coughlan)", "officer", [])
    assert [(p.name, p.role, p.title) for p in people] == [("C. Murray", "Chief Executive", "Mr."), ("S. Coughlan", "Director, Support Services", "Mr.")]


def test_headings_give_categories():
    cases = {"PRESENT: Mr A Smith": "present", "ALSO PRESENT: Mr A Smith": "also_present",
             "IN ATTENDANCE: Mr A Smith (Clerk)": "in_attendance", "In attendance virtually: Mr A Smith": "in_attendance_virtually",
             "OFFICIALS IN ATTENDANCE:": "officer", "Apologies Councillors Aitken": "apologies", "Absent: Mr A Smith": "absent",
             "Visitors: Mr A Smith": "guest"}
    for text, category in cases.items():
        assert attendance.heading(text)[0] == category, text


def test_substitution_pairs_in_order():
    text = ("Apologies for absence were received from Councillor Mallett, who was substituted by Councillor Peacock, "
            "and Councillors Aitken and Winskill, who were substituted by Councillors Allison and Alexander.")
    pairs = [(a.split()[-1], s.split()[-1]) for a, s in attendance.substitutions(text)]
    assert pairs == [("Mallett", "Peacock"), ("Aitken", "Allison"), ("Winskill", "Alexander")]


def test_singular_substitution_pairs_with_last_name():
    text = "Apologies were received from Dylan Jeffrey, Rory Love and Nancy Sayer who was substituted by Roxanne Hills."
    assert attendance.substitutions(text) == [("Nancy Sayer", "Roxanne Hills")]


def test_present_as_substitute_member():
    text = "Councillor Peacock was present as Substitute Member for Councillor Mallett."
    assert attendance.substitutions(text) == [("Councillor Mallett", "Councillor Peacock")]


def test_substitutes_heading_with_for():
    rows = _rows("Substitutes: Councillor Peacock for Councillor Mallett")
    pairs = attendance.substitute_lines(rows)
    assert [(a, s) for a, s, _ in pairs] == [("Councillor Mallett", "Councillor Peacock")]


def test_virtual_attendance_sentence():
    _, _, virtual = attendance.from_sentences([("Sarah Hamilton and Dan Bride were in attendance virtually.", None)])
    assert [p.name for p in virtual] == ["Sarah Hamilton", "Dan Bride"]


def test_attendance_grid_codes():
    rows = _rows("P – Present S – Sanctioned", "HEATHER POUSTIE Headteacher 10/2022 P", "PAUL REYNOLDS Co - opted 12/2021 S",
                 "KEITH MOORE Parent 10/2019 A", "VACANT Parent")
    people = attendance.from_grid(rows)
    assert [(p.name, p.category) for p in people] == [
        ("Heather Poustie", "present"), ("Paul Reynolds", "apologies"), ("Keith Moore", "absent")]


def _laid_out(*rows):
    """Rows of PDF runs: each row a list of (x, text)."""
    from scrutiny.extractor.pages import Segment

    lines = []
    for k, runs in enumerate(rows):
        segs = tuple(Segment(text=t, box=(x, 100 + 12 * k, x + 5 * len(t), 110 + 12 * k)) for x, t in runs)
        lines.append(Line(text=" ".join(t for _, t in runs), box=(runs[0][0], 100 + 12 * k, 500, 110 + 12 * k), segments=segs))
    return stream.build([Page(index=1, lines=lines)])


def test_side_by_side_attendance_lists_are_read_column_by_column():
    rows = _laid_out([(90, "Present:"), (316, "Officials:")], [(90, "Francis Maude (Chair)"), (316, "Katie Davis (Cabinet Office)")],
                     [(90, "Tom Steinberg"), (316, "Nicola Westmore (Cabinet Office)")], [(90, "Andrew Stott"), (316, "James Forrester")])
    people = attendance.from_header(rows)
    assert [(p.name, p.category) for p in people] == [
        ("Francis Maude", "present"), ("Tom Steinberg", "present"), ("Andrew Stott", "present"),
        ("Katie Davis", "officer"), ("Nicola Westmore", "officer"), ("James Forrester", "officer")]


def test_names_in_two_columns_under_one_label_with_roles_after_a_comma():
    rows = _laid_out([(73, "In Attendance:"), (181, "Rob Jones, Chairman"), (324, "Steve Smith, Vice-Chair")],
                     [(180, "Joe Kane, Director"), (325, "Megan Chan")], [(181, "Bill Burke"), (325, "Matt Summers")],
                     [(72, "The meeting convened at 5:00 p.m.")])
    people = attendance.from_header(rows[:3])
    assert [(p.name, p.role) for p in people] == [
        ("Rob Jones", "Chairman"), ("Joe Kane", "Director"), ("Bill Burke", None),
        ("Steve Smith", "Vice-Chair"), ("Megan Chan", None), ("Matt Summers", None)]


def test_a_list_wrapped_over_rows_keeps_names_broken_at_the_line_end():
    people = attendance.from_header(_rows("Present: Helen Brown (Head Teacher), Kirsty Chambers (Deputy Head), Fiona",
                                          "Batista (Treasurer), Victoria Moir"))
    assert [p.name for p in people] == ["Helen Brown", "Kirsty Chambers", "Fiona Batista", "Victoria Moir"]


def test_unnumbered_headings_found_by_layout_with_run_in_labels():
    rows = _rows("APPROVAL OF MINUTES:", "Motion to approve the minutes was made by Trustee Piacentini, seconded by Trustee Hawkins.",
                 "All were in favor.", "REPORTS:", "The clerk reported on early voting at the Town Hall this month.",
                 "Special Events – No Report", "Youth – Trustee Albrecht stated that the toys are being moved.")
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [
        (None, "APPROVAL OF MINUTES"), (None, "REPORTS"), (None, "Special Events"), (None, "Youth")]


def test_unnumbered_headings_at_the_margin_over_numbered_paragraphs_are_the_items():
    rows = _laid_out(
        [(72, "Minutes of the meeting of 14 May 2013")],
        [(72, "Welcome and Updates")],
        [(108, "1. The Chair thanked members for the papers and the work they had done since the")],
        [(126, "last meeting, including members who could not attend in person.")],
        [(72, "Cadastral Polygons")],
        [(108, "2. Work has been progressing on this and a number of meetings have taken place.")],
        [(72, "OS derived data")],
        [(108, "3. Good progress has been made; the focus is on how to bring derived data in line.")],
        [(108, "4. More work is needed on case studies where licensing is a barrier to re-use.")],
    )
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [
        (None, "Welcome and Updates"), (None, "Cadastral Polygons"), (None, "OS derived data")]
    assert len(found[2].body_rows) == 2


def test_top_level_bullets_over_sub_bullets_are_the_items():
    rows = _laid_out(
        [(73, "Minutes from Monday, January 29 2018 at the Town Hall")],
        [(90, "Perfunctory Business")],
        [(126, "o Commissioners Present: Anthony Qaiyum, Zach Maiorca")],
        [(90, "Meeting called to order at 9:08am – M. Prest (motion), C. Dallas (second)")],
        [(90, "Updates")],
        [(126, "o Holiday decorations were taken down and stored on schedule")],
        [(126, "o Streetscape improvements mean new opportunities")],
        [(90, "New Business")],
        [(126, "o APPROVED – 2018 Meetings Calendar")],
    )
    found = items.split(rows)
    assert [i.title for i in found] == ["Perfunctory Business", "Meeting called to order at 9:08am", "Updates", "New Business"]
    assert found[1].inline_body == "M. Prest (motion), C. Dallas (second)"


def test_a_numbered_contents_list_before_the_minutes_is_not_their_items():
    rows = _laid_out(
        [(72, "Agenda")],
        [(72, "1 Chair's welcome and update")], [(72, "2 Actions and minutes from last meeting")],
        [(72, "3 Progress on data requests")], [(72, "4 Any other business")],
        [(72, "Welcome and Updates")],
        [(108, "1. The Chair thanked members for the improved quality of papers for the meeting.")],
        [(72, "Actions and Minutes")],
        [(108, "2. The actions and minutes from the last meeting were approved.")],
        [(72, "Progress on data requests")],
        [(108, "3. The team updated the group on the flow of data requests coming through.")],
    )
    assert [(i.ref, i.title) for i in items.split(rows)] == [
        (None, "Welcome and Updates"), (None, "Actions and Minutes"), (None, "Progress on data requests")]


def _spaced(*rows):
    """PDF rows of (x, text, gap above in points), each 12 points high."""
    lines, y = [], 100.0
    for x, text, gap in rows:
        y += gap
        lines.append(Line(text=text, box=(x, y, 500, y + 12)))
        y += 14
    return stream.build([Page(index=1, lines=lines)])


def test_capitalised_headings_set_apart_by_space_with_lettered_runs():
    rows = _spaced(
        (50, "The regular meeting of the Board was called to order at 6:01 p.m.", 0),
        (50, "ROLL CALL Present: Sara Strickler, President", 14),
        (230, "Thushan Amarasiriwardena, Vice President", 0),
        (158, "Staff: Marlon Romero, Acting Library Director", 14),
        (230, "Lori Amaya, Recording Secretary", 0),
        (50, "PUBLIC COMMENT", 14),
        (50, "None.", 14),
        (50, "REGULAR AGENDA ITEMS", 14),
        (50, "A. Current and On-Going Library Activities (M. Romero)", 14),
        (50, "The Director shared the current and on-going activities of the library.", 14),
        (50, "B. Seed & Tool Library (T. Amarasiriwardena)", 14),
        (50, "The Vice President presented possible design concepts for the library.", 14),
        (50, "ADJOURNMENT", 14),
        (50, "The meeting was adjourned at 6:50 p.m.", 14),
    )
    assert [(i.ref, i.title) for i in items.split(rows)] == [
        (None, "ROLL CALL"), (None, "PUBLIC COMMENT"), (None, "REGULAR AGENDA ITEMS"),
        ("A.", "Current and On-Going Library Activities (M. Romero)"), ("B.", "Seed & Tool Library (T. Amarasiriwardena)"),
        (None, "ADJOURNMENT")]


def test_unnumbered_matters_after_the_last_numbered_item_are_items_of_their_own():
    rows = _rows("1. Adoption of Minutes", "The minutes were taken as read and adopted and signed by the chair.",
                 "2. Questions", "The question was answered by the Meetings Administrator in full.",
                 "At the conclusion of the Agenda the following items were raised.",
                 "* Deputation", "On the proposal of Councillor Sheehy it was agreed to receive a deputation.",
                 "¢ CCTV Cameras", "The Members enquired about the recent installation of the cameras in the town.",
                 "Congratulations", "The Members congratulated Kilteely Tidy Towns on their recent success.")
    assert [(i.ref, i.title) for i in items.split(rows)] == [
        ("1.", "Adoption of Minutes"), ("2.", "Questions"), (None, "Deputation"), (None, "CCTV Cameras"), (None, "Congratulations")]


def test_reports_after_the_last_numbered_item_are_items_and_their_sections_are_not():
    rows = _rows("1. Welcome", "The Chair welcomed the residents who had come to the meeting.",
                 "2. Chairman's Report", "The Chair thanked the councillors for their work over the year.",
                 "Nick Oakhill",
                 "REPORT FROM THE FOOTPATHS OFFICER", "1. The stiles on the bridleway have been repaired this year.",
                 "Tim",
                 "REPORT FROM THE COUNTY COUNCILLOR", "County Councillor's Report May 2025",
                 "My thanks to all of you who took part in the election this spring.",
                 "Highways", "The bulk of my caseload has been on highway matters in the division.",
                 "The Council and Committees", "The administration was confirmed with a new Cabinet and Leader.",
                 "Initial Work", "I have escalated a number of issues raised during the election.")
    assert [(i.ref, i.title) for i in items.split(rows)] == [
        ("1.", "Welcome"), ("2.", "Chairman's Report"), (None, "REPORT FROM THE FOOTPATHS OFFICER"),
        (None, "REPORT FROM THE COUNTY COUNCILLOR")]


def test_capitals_headings_after_the_last_numbered_item_are_items():
    rows = _rows("1. Adoption of Minutes", "The minutes were taken as read and adopted and signed by the Mayor.",
                 "2. Correspondence", "The Correspondence circulated with the agenda was taken as read.",
                 "CHIEF EXECUTIVE'S ORDERS:", "The Register of Orders made by the Chief Executive was available for inspection.",
                 "PLANNING AND DEVELOPMENT:", "The Register of Decisions on Applications was also available for inspection.")
    assert [(i.ref, i.title) for i in items.split(rows)] == [
        ("1.", "Adoption of Minutes"), ("2.", "Correspondence"), (None, "CHIEF EXECUTIVE'S ORDERS"), (None, "PLANNING AND DEVELOPMENT")]


def test_a_roman_list_under_a_lettered_sub_item_is_not_the_next_letter():
    rows = _rows("3.", "Disposal of Land", "The Council approved the disposal of the land at Bruree.",
                 "4.", "Support Services", *[x for letter, title in zip("abcde", ("Chief Executive's Report", "Audit",
                                                                                      "Expenditure", "Vacancies", "Foreign Travel"))
                                             for x in (f"({letter})", title, "The Council approved the report as circulated.")],
                 "(f)", "Strategic Policy Committee Reports",
                 "(i)", "Circulated, report of the Chairperson of the Community, Leisure and Culture Strategic",
                 "Policy Committee dated 20th June, 2022.", "The Report was noted.",
                 "(ii)", "Circulated, report of the Chairperson of the Home and Social Development Strategic",
                 "Policy Committee dated 15th June, 2022.", "The Report was noted.",
                 "(v)", "It was noted that the Meeting of Travel and Transportation Strategic Policy Committee",
                 "held on 27th June was adjourned.",
                 "5.", "Housing", "The Director gave a presentation on housing delivery in the county.",
                 *[x for n, title in enumerate(("Economic Development", "Community", "Conferences", "Correspondence",
                                                "Planning", "Motions"), start=6)
                   for x in (f"{n}.", title, "The report circulated with the agenda was taken as read.")])
    assert [i.ref for i in items.split(rows)] == [
        "3.", "4.", "4(a)", "4(b)", "4(c)", "4(d)", "4(e)", "4(f)", "5.", "6.", "7.", "8.", "9.", "10.", "11."]


def test_body_text_at_the_margin_is_no_outline():
    rows = _laid_out(
        [(72, "Minutes of the meeting of 14 May 2013")],
        [(72, "The Chair opened the meeting and welcomed the members who had come to")],
        [(72, "the hall, and thanked the officers for the papers they had prepared.")],
        [(108, "a list entry")],
        [(72, "The clerk reported that the accounts had been approved by the auditor and")],
        [(72, "that the precept had been set for the coming year at the level agreed.")],
        [(108, "another list entry")],
    )
    assert items._outline(rows, 1, len(rows)) == (None, [])


@pytest.mark.parametrize("text,motion,mover,seconder,result", [
    ("Motion to approve the minutes held on September 11, 2024, was made by Trustee Piacentini, seconded by Trustee Hawkins. "
     "All were in favor.", "to approve the minutes held on September 11, 2024", "Trustee Piacentini", "Trustee Hawkins", "carried"),
    ("Vice President Cisneros made a motion to approve the Consent Calendar and Board Member Ruiz seconded the motion. "
     "Motion passed 6-0.", "to approve the Consent Calendar", "Vice President Cisneros", "Board Member Ruiz", "carried"),
    ("Councillor Smith proposed, and Councillor Jones seconded, that the budget be adopted.", "that the budget be adopted",
     "Councillor Smith", "Councillor Jones", None),
    ("A motion was made by Mr Lee to close the road. Motion failed 2-3.", "to close the road", "Mr Lee", None, "lost"),
    ("Alderman vanDyke moved approval of the parks levy. Alderman Ortiz seconded the motion, which carried by unanimous "
     "voice vote – 7.", "approval of the parks levy", "Alderman vanDyke", "Alderman Ortiz", "carried"),
    ("Trustee Marsh moved adoption of the resolution denying the variance. Trustee Obi seconded the motion.",
     "adoption of the resolution denying the variance", "Trustee Marsh", "Trustee Obi", None),
])
def test_motions_in_their_common_forms(text, motion, mover, seconder, result):
    found = decisions.motions(text)
    assert [(m.text, m.mover, m.seconder, m.result) for m in found] == [(motion, mover, seconder, result)]


def test_body_people_officer_or_guest_by_role():
    text = ("Councillor Emma Jones, Chair of the Advisory Committee, introduced Graham Badman (Independent Chair of the "
            "Local Safeguarding Board) and Mark Gurrey (Interim Assistant Director for Safeguarding).")
    found = attendance.from_body([(text, None)], nlp.pipeline())
    assert [(p.name, p.category) for p in found] == [("Emma Jones", "guest"), ("Graham Badman", "guest"), ("Mark Gurrey", "officer")]


# ---- minute refs


@pytest.mark.parametrize("first,second,ref,norm", [
    ("OSCO07. JOINT AREA REVIEW", "OSCO08. BUDGET", "OSCO07.", "OSCO07"), ("112/23 Budget", "113/23 Audit", "112/23", "112/23"),
    ("FGB 01/2122 Attendance", "FGB 02/2122 Minutes", "FGB 01/2122", "FGB01/2122"),
    ("Minute 45 Budget", "Minute 46 Audit", "Minute 45", "45"), ("CAB123 Budget", "CAB124 Audit", "CAB123", "CAB123"),
])
def test_ref_styles(first, second, ref, norm):
    found = items.find_refs(_rows(first, "Some text.", second, "More text."))
    assert [r for _, r in found][0] == ref and len(found) == 2 and items.normalise_ref(ref) == norm


def test_numbered_minutes_skip_paragraph_numbers():
    rows = _rows("76. Apologies", "(Item 1)", "No apologies were received.", "77. Budget", "(Item 2)",
                 "1. Mr Shipton introduced the report that set out the detail.", "2. RESOLVED that the report be noted.",
                 "78. Any other business", "(Item 3)")
    found = items.split(rows)
    assert [(i.ref, i.title, i.agenda_item) for i in found] == [
        ("76.", "Apologies", "1"), ("77.", "Budget", "2"), ("78.", "Any other business", "3")]


@pytest.mark.parametrize("ref,shape,ordinal", [
    ("01.24.03", "9.9.9", (1, 24, 3)), ("46.", "9.", (46,)), ("TB(5)2", "A(9)9", (5, 2)), ("1/", "9/", (1,)),
    ("B/", "A/", (2,)), ("4-A", "9-A", (4, 1)), ("(b)", "(a)", (2,)),
])
def test_ref_shapes_and_ordinals(ref, shape, ordinal):
    assert items.ref_shape(ref) == shape and items.ref_ordinal(ref) == ordinal


@pytest.mark.parametrize("texts,refs", [
    # month.year.number refs, title on the same line
    (("01.24.01 Apologies", "Apologies were received.", "01.24.02 Declarations of interest", "None.",
      "01.24.03 Planning", "The council discussed 3. applications."), ["01.24.01", "01.24.02", "01.24.03"]),
    # French "1/" refs, a paragraph number inside an item is not one
    (("1/ Pacte financier :", "M. X présente le pacte.", "2/ Budget :", "Adopté à l'unanimité.",
      "3/ Travaux :", "Rien."), ["1/", "2/", "3/"]),
    # "Item n:" headings: the word is dropped
    (("Item 1: Minutes", "The minutes were approved.", "Item 2: Revised Code", "An update was given."), ["1", "2"]),
    # lettered sub-items under a numbered heading get the heading's number
    (("52. PLANNING", "(a) Current Applications", "None.", "(b) Decisions", "Noted.", "53. FINANCE", "Noted."),
     ["52.", "52(a)", "52(b)", "53."]),
])
def test_refs_of_any_printed_style_form_a_rising_series(texts, refs):
    assert [r for _, r in items.find_refs(_rows(*texts))] == refs


def test_unnumbered_minutes_keyed_by_item_line():
    rows = _rows("Apologies and Substitutes", "(Item 1)", "None.", "Work programme", "(Item 2)", "RESOLVED that it be noted.")
    found = items.split(rows)
    assert [(i.ref, i.title) for i in found] == [("1", "Apologies and Substitutes"), ("2", "Work programme")]


def test_converter_markup_does_not_break_titles():
    rows = _rows("OSCO08.\t<p>CHILDREN'S SAFEGUARDING - UPDATE</p> <p>The Committee received the report.</p>",
                 "OSCO09.\t**URGENT BUSINESS** There was none.")
    found = items.split(rows)
    assert [i.title for i in found] == ["CHILDREN'S SAFEGUARDING - UPDATE", "URGENT BUSINESS"]


# ---- resolutions, votes, actions, declarations


def _res(text):
    return [(r.number, r.text, r.noted) for r in decisions.resolutions(text, nlp.pipeline())]


def test_resolved_that_stops_at_explanation():
    assert _res("RESOLVED That the order be varied. The minutes will appear in order.") == [(None, "That the order be varied.", False)]


def test_resolved_with_sub_resolutions():
    got = _res("RESOLVED: (a) that the report be noted; (b) that the plan be approved.")
    assert got == [("a", "that the report be noted", True), ("b", "that the plan be approved.", False)]


def test_and_resolved_quoted():
    assert _res("And Resolved: “That, the draft Minutes be adopted.” Next business.") == [(None, "That, the draft Minutes be adopted.", False)]


def test_numbered_parts_after_a_lead_in_are_each_a_resolution():
    found = _res("7. RESOLVED that Cabinet: 1. Agree to submit a request to Government; 2. Note that acceptance will "
                 "commit Kent to elections in May 2026; and 3. Agree to request a postponement. 8. Mr Love thanked officers.")
    assert [(n, t) for n, t, _ in found] == [("1", "Agree to submit a request to Government"), ("2", "Note that acceptance will "
                                             "commit Kent to elections in May 2026"), ("3", "Agree to request a postponement.")]


@pytest.mark.parametrize("text,counts", [
    ("14 votes pour", {"for": 14}), ("11 votes pour / 1 abstention / 2 contre", {"for": 11, "abstain": 1, "against": 2}),
    ("The motion was put: 7 in favour, 2 against, 1 abstention.", {"for": 7, "against": 2, "abstain": 1}),
    ("The grass cut costs 500 for the year.", None),
])
def test_counts_printed_number_first(text, counts):
    found = decisions.count_votes(text)
    assert (found[0].counts if found else None) == counts


def test_outcomes_without_their_framing_clause_or_mover():
    found = decisions.outcomes("As the amount minuted was accurate, it was agreed to ask CC why. In the meantime, the "
                               "Minutes of the Meeting were approved, proposed by PW and seconded by RW. Journey's End - "
                               "dormer extension. Supported. Nothing had yet been agreed.", nlp.pipeline())
    assert [f.text for f in found] == ["it was agreed to ask CC why.", "the Minutes of the Meeting were approved",
                                       "Journey's End - dormer extension. Supported."]


def test_votes_without_words_of_their_own_and_recusals():
    found = decisions.votes("The Committee approved the minutes. Motion by Polly Singer Eardley, second by Rick Hostetler. "
                            "The Leader proposed and Mr Oakford, Deputy Leader and Cabinet Member for Finance, Corporate "
                            "and Traded Services, seconded the above motion.")
    assert [(v.proposer, v.seconder) for v in found] == [("Polly Singer Eardley", "Rick Hostetler"), ("Leader", "Mr Oakford")]
    assert decisions.declarations("Board Member Ruiz recused herself from this item.", nlp.pipeline())[0][:2] == ("Board Member Ruiz", None)


def test_an_outcome_clause_ends_where_another_verb_or_actor_begins():
    found = decisions.outcomes("The Panel approved the minutes from the meeting on 25 July and discussed progress on actions. "
                               "It was agreed that the PC will send a letter to CRT, HD will draft a letter.", nlp.pipeline())
    assert [f.text for f in found] == ["The Panel approved the minutes from the meeting on 25 July",
                                       "It was agreed that the PC will send a letter to CRT"]


def test_a_sentence_that_adds_to_an_outcome_goes_with_it():
    found = decisions.outcomes("Governors agreed that their concerns should be sent to the Head. Additionally, there is to be "
                               "a request for evidence that the funds are well spent. The Chair thanked the clerk.", nlp.pipeline())
    assert [f.text for f in found] == ["Governors agreed that their concerns should be sent to the Head. Additionally, there is "
                                       "to be a request for evidence that the funds are well spent."]


def test_it_was_agreed():
    assert _res("After discussion it was agreed that the item be deferred.") == [(None, "the item be deferred.", False)]


def test_vote_line():
    votes = decisions.votes("Mr Hood proposed, and Mr Baldock seconded the amendment. For (14) Mr A, Mr B Against (45) Abstain (4) Amendment lost.")
    v = votes[0]
    assert (v.proposer, v.seconder, v.counts, v.result) == ("Mr Hood", "Mr Baldock", {"for": 14, "against": 45, "abstain": 4}, "lost")


def test_each_run_of_tallies_is_the_vote_on_its_own_proposal():
    text = ("Mr Hood proposed and Mr Baldock seconded the following amendment: “That X.” The voting was as follows: "
            "For (3) Mr Baldock, Mr R Lehmann, Dr Sullivan Against (2) Mr Baker, Mrs Cole Abstain (1) Mr Webb Amendment lost. "
            "Mr Brady proposed and Ms Constantine seconded the amendment. Amendment carried. "
            "For (5) Against (1) Abstain (0) Substantive Motion carried.")
    got = [(v.proposer, v.counts, v.names, v.result) for v in decisions.votes(text)]
    assert got == [
        ("Mr Hood", {"for": 3, "against": 2, "abstain": 1},
         {"for": ["Mr Baldock", "Mr R Lehmann", "Dr Sullivan"], "against": ["Mr Baker", "Mrs Cole"], "abstain": ["Mr Webb"]}, "lost"),
        ("Mr Brady", {}, {}, "carried"),
        (None, {"for": 5, "against": 1, "abstain": 0}, {"for": [], "against": [], "abstain": []}, "carried"),
    ]


def test_on_the_proposal_of_and_declared_outcomes():
    text = ("On the proposal of Councillor Sheahan (J) seconded by Councillor Collins (M), it was agreed that Councillor X be appointed. "
            "Proposed by Councillor Teefy; Seconded by Councillor Daly; “That, Mr. John Roe be co-opted.” "
            "As there were no other nominations, the Mayor declared Mr. John Roe co- opted as a Member.")
    got = [(v.proposer, v.seconder, v.result) for v in decisions.votes(text)]
    assert got == [("Councillor Sheahan (J)", "Councillor Collins (M)", "carried"), ("Councillor Teefy", "Councillor Daly", "carried")]


def test_action_with_who():
    got = decisions.actions("The Committee asked questions. Officers would circulate a briefing note to Members.", nlp.pipeline())
    assert [(t, w) for t, w, _ in got] == [("Officers would circulate a briefing note to Members.", "Officers")]


def test_declaration_with_member_and_item():
    got = decisions.declarations("Councillor Smith declared a personal interest in item 5 as a school governor.", nlp.pipeline())
    assert [(m, i, what) for m, i, what, _ in got] == [("Councillor Smith", "5", "a school governor")]


def test_no_declarations():
    assert decisions.declarations("There were no declarations of interest.", nlp.pipeline()) == []


def test_named_blank_model_gives_the_same_minutes():
    source = SHARED / "seed" / "haringey-osc-2009-12-03.txt"
    if not source.exists():
        pytest.skip("reference material not present")
    src = ingest.load(str(source))
    plain = pipeline.extract(src, pipeline.Options(tables=False, people=False))
    named = pipeline.extract(src, pipeline.Options(tables=False, people=False, spacy_model="blank:en"))
    assert plain.minutes and [m.model_dump() for m in plain.minutes] == [m.model_dump() for m in named.minutes]


# ---- structures met in other councils' minutes


def test_unnumbered_heading_with_a_decision_is_an_item():
    rows = _rows(
        "PRESENT: Mr A Smith and Mrs B Jones",
        "Election of Chair",
        "1. Mr Smith proposed that Mrs Jones take the chair.",
        "2. RESOLVED that Mrs Jones be elected to Chair the meeting.",
        "12. Apologies for Absence",
        "(Item 1)",
        "There were no apologies.",
    )
    found = items.split(rows)
    assert [(it.ref, it.title) for it in found] == [(None, "Election of Chair"), ("12.", "Apologies for Absence")]


def test_lettered_items_must_run_in_sequence():
    rows = _rows("1.Support Services", "(a)", "Filling of Vacancies", "Text.", "(b)", "Other Bodies", "Text.", "(i)", "Market Trustees", "Text.")
    assert [ref for _, ref in items.find_refs(rows)] == ["1(a)", "1(b)"]


def test_closing_line_ends_the_last_item():
    rows = _rows("12/20 Date of next meeting", "Monday 23 March 2020", "The meeting closed at 2000", "Signed", "Subject Staff Lead", "Maths Jane Doe")
    rows.insert(0, _rows("11/20 Policies")[0])
    found = items.split(rows)
    last = found[-1]
    assert [rows[k].text for k in last.body_rows] == ["Monday 23 March 2020", "The meeting closed at 2000"]


def test_outcome_sentences_without_formal_openers():
    pipe = nlp.pipeline()
    body = ("The following were considered: a. Skills audit - this had been distributed. "
            "b. Review of the plan. There was a discussion and it was agreed that the school will remain maintained. "
            "c. To approve the budget for next year. Agreed. d. Finance Policy - Approved "
            "e. Some actions had been agreed and a further meeting has been agreed.")
    found = [(f.number, f.text) for f in decisions.outcomes(body, pipe)]
    assert found == [
        ("b", "it was agreed that the school will remain maintained."),
        ("c", "To approve the budget for next year. Agreed."),
        ("d", "The following were considered: Finance Policy - Approved"),
    ]
    assert decisions.outcomes("A member asked for sick pay to continue. This was agreed.", pipe)[0].text == (
        "A member asked for sick pay to continue. This was agreed.")
    assert not decisions.is_formal(body) and decisions.is_formal("RESOLVED that the report be noted.")


def test_attendance_grid_read_under_the_meeting_date():
    from scrutiny.extractor.pages import Segment

    def line(cells, top):
        segs = tuple(Segment(t, (x, top, x + w, top + 8)) for t, x, w in cells)
        return Line(text=" ".join(t for t, _, _ in cells), box=(segs[0].box[0], top, segs[-1].box[2], top + 8), segments=segs)

    header = line([("Type", 260, 30), ("01/09/2019", 400, 10), ("03/02/2020", 450, 10), ("10/05/2020", 500, 10)], 10)
    lines = [
        header,
        line([("JANE DOE", 80, 60), ("Parent", 258, 34), ("P", 401, 6), ("S", 451, 6)], 30),
        line([("JOHN ROE", 80, 60), ("Co-opted", 252, 46), ("P", 401, 6), ("P", 451, 6)], 50),
        line([("ANN LEE", 80, 60), ("Staff", 262, 26), ("A", 401, 6)], 70),
        line([("P – Present", 200, 50)], 90),
    ]
    rows = stream.build([Page(index=1, lines=lines)])
    people = attendance.from_grid(rows, "2020-02-03")
    assert [(p.name, p.category, p.role) for p in people] == [("Jane Doe", "apologies", "Parent"), ("John Roe", "present", "Co-opted")]


def test_slashless_grid_ref_is_repaired_from_its_siblings():
    found = items._slashless(
        [stream.Row("381920 Attendance", None, None, columns={"lead": "381920", "title": "Attendance"})],
        [(1, "39/1920"), (2, "40/1920")],
    )
    assert found == [(0, "38/1920")]


def test_councillors_named_but_not_taking_part_are_not_attendees():
    text = ("The Mayor congratulated Councillors Ann Roe and Bill Poe on their recent success. "
            "Councillor Dan Coe then addressed the Meeting.")
    found = attendance.from_body([(text, None)], nlp.pipeline())
    assert [(p.name, p.category) for p in found] == [("Dan Coe", "guest")]


def test_body_name_ends_with_its_rows():
    def body(text):
        return pipeline.extract(ingest.load_bytes("panel.txt", text.encode())).meeting.body

    rest = "\n\nPRESENT: Councillors Ann Lee (Chair) and Bob Roe\n\n1. REVIEWS\n\nThe Panel noted progress.\n"
    assert body("MINUTES OF THE MEETING OF THE PANEL" + rest) == "Panel"
    assert body("MINUTES OF THE MEETING OF THE CHILDREN'S\nSERVICES PANEL\nHELD ON TUESDAY, 3 MARCH 2020" + rest) == "Children's Services Panel"


def test_title_broken_before_an_item_line_and_a_declaration_after_it():
    rows = _rows(
        "284. Declarations of Disclosable Pecuniary Interests or Other Significant",
        "Interests in items on the agenda",
        "(Item 2)",
        "Members who were district or borough councillors declared an interest.",
        "285. English Devolution White Paper",
        "(Item 3)",
        "The Leader introduced the item.",
    )
    first = items.split(rows)[0]
    assert first.title == "Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the agenda"
    assert first.agenda_item == "2"
    body = " ".join(t for t, _ in items.body_text(first, rows))
    assert [d[0] for d in decisions.declarations(body, nlp.pipeline())] == ["Members who were district or borough councillors"]


def test_decision_sentences_told_from_views_tasks_and_plans():
    pipe = nlp.pipeline()
    decided = ["The Board accepted the application.", "It was resolved to approve the recommendation.",
               "Mr le Maire décide de rouvrir la salle communale.", "Kandice Whitehouse was chosen for the chair.",
               "The PC agreed to go ahead with the quote.", "Governors agreed with this approach."]
    not_decided = ["The Chairman agreed to write to the owner.", "The plan would be finalized and be endorsed by the board.",
                   "HPC have an adopted Policy that is not being applied.", "Before it can be resolved, figures are needed.",
                   "The Board agreed that data.gov.uk had been very successful.", "They agreed with the CEO that data need not be perfect.",
                   "The planning office would like to see the whole plan adopted."]
    assert [bool(decisions.outcomes(s, pipe)) for s in decided] == [True] * len(decided)
    assert [bool(decisions.outcomes(s, pipe)) for s in not_decided] == [False] * len(not_decided)


def test_running_footer_with_its_page_number_is_dropped_on_every_page():
    def page(n: int, body: str) -> Page:
        texts = [body, f"Registered Office: County Library, Ipswich, registered number {n}"]
        return Page(index=n, lines=[Line(text=t, number=k + 1) for k, t in enumerate(texts)], width=600, height=800)

    rows = stream.build([page(1, "1. Apologies"), page(2, "2. Minutes")])
    assert [r.text for r in rows] == ["1. Apologies", "2. Minutes"]


def test_attendance_headed_by_whom_the_list_is_of():
    assert attendance.heading("o Commissioners Present: Anthony Qaiyum, Zach Maiorca") == ("present", None, "Anthony Qaiyum, Zach Maiorca")
    assert attendance.heading("o Others Present: Ryan Warsing (LSRCC)")[0] == "also_present"
    assert attendance.heading("Commissioners Absent: Shelley Young")[0] == "absent"
    assert attendance.heading("Board Members Present: Ann Lee, Bo Ray")[2] == "Ann Lee, Bo Ray"
    assert attendance.heading("The motion present: x") is None


def test_a_motion_ends_before_its_mover_and_an_unworded_vote_carries_what_was_put():
    found = decisions.motions("A motion was to renew the IT contract for the year by Trustee Elton, Second by Trustee Albrecht. "
                              "All were in favor.")
    assert [(m.text, m.mover, m.seconder) for m in found] == [("to renew the IT contract for the year", "Trustee Elton", "Trustee Albrecht")]
    res = decisions.with_motions([], "Trustee Hawkins mentioned that we will have a bus trip in December. All were in favor. Motion passes.")
    assert [f.text for f in res] == ["we will have a bus trip in December."]


def test_views_reported_decisions_and_set_tasks_are_not_resolutions():
    pipe = nlp.pipeline()
    views = ["The Members agreed that the speed of traffic, especially in the towns, was an ongoing issue.",
             "The Members noted that two Receptions were agreed for November.",
             "Following a brief discussion, the following action was agreed.",
             "The Members thanked staff and the Director, Social Development Directorate agreed to circulate the slides."]
    decided = ["It was agreed that the Strategy was now formalised.",
               "It was agreed that a consultation will be carried out in June to find out if it is thought useful."]
    assert [bool(decisions.outcomes(s, pipe)) for s in views] == [False] * len(views)
    assert [bool(decisions.outcomes(s, pipe)) for s in decided] == [True] * len(decided)


def test_french_formal_resolution():
    found = decisions.resolutions("ATTENDU la demande; IL EST RÉSOLU À L’UNANIMITÉ D’APPROUVER la demande de démolition.", nlp.pipeline())
    assert [f.text for f in found] == ["D’APPROUVER la demande de démolition."]


def test_roll_call_table_by_its_status_column():
    from scrutiny.extractor.pages import Segment

    def row(*cells: tuple[str, float]) -> stream.Row:
        segs = tuple(Segment(text=t, box=(x, 0.0, x + 60.0, 10.0)) for t, x in cells)
        line = Line(text=" ".join(t for t, _ in cells), segments=segs)
        return stream.Row(line.text, Page(index=1, lines=[line]), line)

    rows = [row(("Attendee Name", 137), ("Title", 312), ("Status", 406), ("Arrived", 477)),
            row(("Andrei Garcia", 107), ("Commissioner", 265), ("Late", 396), ("7:08 p.m.", 465)),
            row(("Uriel Hernandez", 108), ("Commissioner", 265), ("Absent", 395)),
            row(("2.", 72), ("APPROVAL OF THE AGENDA", 108))]
    found = attendance.status_grid(rows)
    assert [(p.name, p.category, p.title) for p in found] == [("Andrei Garcia", "present", "Commissioner"),
                                                            ("Uriel Hernandez", "absent", "Commissioner")]


def test_an_apologies_item_overrides_the_head_list_and_invited_staff_are_officers():
    head = [attendance.Person(name="Mike Readman", category="present"), attendance.Person(name="Ann Lee", category="present")]
    out = attendance.sent_apologies(head, [attendance.Person(name="Mike Readman", category="apologies")])
    assert [(p.name, p.category) for p in out] == [("Mike Readman", "apologies"), ("Ann Lee", "present")]
    assert attendance._join_rows(["Richard Hunt (SCC Observer) Stephen", "Taylor (SCC Observer), Ian Brookman"]) == (
        "Richard Hunt (SCC Observer) Stephen Taylor (SCC Observer), Ian Brookman")


def test_sub_headings_numbered_afresh_and_a_lone_item_number_mid_page():
    texts = ["Minutes", "1. Apologies", "None were received.", "2. Decisions", "1. Membership Applications",
             "The Board accepted the application.", "2. External advisor", "It was agreed to use the council.",
             "Update from working groups", "3.", "Finance & Audit", "The report was noted.", "4. Other matters",
             "None.", "Close", "End", "Signed"]
    page = Page(index=1, lines=[Line(text=t, number=k + 1) for k, t in enumerate(texts)])
    rows = stream.build([page])
    assert "3." in [r.text for r in rows]
    assert [ref for _, ref in items.find_refs(rows)] == ["1.", "2.", "2.1", "2.2", "3.", "4."]


@pytest.mark.parametrize("heading,venue,time", [
    (["Transparency Board", "Minutes of the meeting held on 2 March 2011 at the Cabinet Office:"], "Cabinet Office", None),
    (["HERTINGFORDBURY PARISH COUNCIL", "HELD ON 10TH OCTOBER 2018 AT 19.00 IN HERTINGFORDBURY COWPER SCHOOL"],
     "Hertingfordbury Cowper School", "19:00"),
    (["Ayton Community Council", "Minutes of a Meeting held on Tuesday 6 July 2021 via Zoom"], "Zoom", None),
    (["Crime and Justice Panel", "10:00-11:30, 14 February 2014", "Lower Ground 6 Ministry of Justice, 102 Petty France, London, SW1H 9AJ"],
     "Lower Ground 6 Ministry of Justice, 102 Petty France, London, SW1H 9AJ", "10:00"),
])
def test_venue_and_start_from_the_heading(heading, venue, time):
    from scrutiny.extractor.minutes.header import read_header

    page = Page(index=1, lines=[Line(text=t, number=k + 1) for k, t in enumerate(heading)])
    rows = stream.build([page])
    head = read_header(rows, rows)
    assert (head.venue, head.started_at, head.ended_at) == (venue, time, None)


def test_vote_block_of_a_meeting_management_system():
    found = decisions.votes("Commissioner Allen Fisk made a motion, seconded by Commissioner Mendez, to postpone the election. "
                            "RESULT: FAILED [4-2-1-1] MOTION BY: Allen Fisk SECOND: Mendez AYES: Sherrard Allen Fisk Bello Mendez "
                            "NAYS: Brown Mashack ABSTAIN: Garcia ABSENT: Hernandez")
    assert [(v.proposer, v.seconder, v.counts, v.result) for v in found] == [
        ("Allen Fisk", "Mendez", {"for": 4, "against": 2, "abstain": 1}, "lost")]
    mo = decisions.motions("Commissioner Allen Fisk made a motion, seconded by Commissioner Bello, to continue this item. Motion approved.")
    assert [(m.text, m.seconder, m.result) for m in mo] == [("to continue this item", "Commissioner Bello", "carried")]


def test_a_motion_put_then_resolved_carried():
    found = decisions.votes("Following the debate, the Leader proposed and Mr Oakford seconded the above motion that Cabinet "
                            "agree the request. 7. RESOLVED that Cabinet agree the request.")
    assert [(v.proposer, v.seconder, v.result) for v in found] == [("Leader", "Mr Oakford", "carried")]


def test_french_attendance_headings_and_honorifics():
    rows = stream.build([Page(index=1, lines=[Line(text=t, number=k + 1) for k, t in enumerate(
        ["Présences", "Membres :", "M. Gaëtan Gagné, conseiller municipal", "Secrétaire :",
         "Mme Ariane Bélanger, greffière adjointe"])])])
    found = attendance.from_header(rows)
    assert [(p.name, p.category, p.title) for p in found] == [("Gaëtan Gagné", "present", "M."), ("Ariane Bélanger", "officer", "Mme")]


def test_numbered_paragraphs_alone_are_not_minutes(tmp_path):
    import scrutiny

    report = tmp_path / "report.txt"
    report.write_text("Finance Monitoring Report\n\n1. Introduction\nThis report sets out the forecast.\n"
                      "2. Revenue\nThe forecast overspend is £1.2m.\n3. Capital\nThe programme is on budget.\n",
                      encoding="utf-8")
    assert scrutiny.extract(str(report)).minutes == []
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Parish Council\n\nPresent: Cllr A Jones, Cllr B Smith\n\n1. Apologies\nNone.\n"
                       "2. Play area\nRESOLVED that the quote be accepted.\n", encoding="utf-8")
    assert len(scrutiny.extract(str(minutes)).minutes) == 1


def test_participles_modals_and_tasks_are_not_decisions():
    pipe = nlp.pipeline()
    not_decided = ["Check terms of reference and levels of delegation agreed by the FGB to ensure the committee keeps its remit.",
                   "An asterisk indicates items so enacted or approved on the Consent Calendar.",
                   "What was delivered is not the same as was agreed by the Parish Council.",
                   "Select a Chair consistent with the Rules of the Planning Commission adopted in 2003.",
                   "It was agreed that Court Outcomes may make a useful future agenda item.",
                   "This has been disputed but as yet not resolved.",
                   "The plan would be finalized in November and be endorsed by steering committee.",
                   "The Members enquired about CCTV and the Meetings Administrator agreed to follow up with Dr Bilauca."]
    assert [bool(decisions.outcomes(s, pipe)) for s in not_decided] == [False] * len(not_decided)
    assert [f.text for f in decisions.outcomes("The motion was approved by a majority.", pipe)] == ["The motion was approved by a majority."]


def test_a_decision_over_a_colon_is_its_lead_in_unless_the_points_carry_their_own_outcome():
    pipe = nlp.pipeline()
    table = "The following accounts were approved for payment:\nPayee Detail Total VAT Invoices to be approved Smith 723.30"
    assert [f.text for f in decisions.outcomes(table, pipe)] == ["The following accounts were approved for payment:"]
    points = "The following documents were approved or recommended for approval: a. Safeguarding Policy - agreed"
    assert [f.text for f in decisions.outcomes(points, pipe)] == ["Safeguarding Policy - agreed"]


def test_bulleted_points_are_sentences_of_their_own():
    from scrutiny.extractor.minutes import _join

    rows = _rows("Progress", "\uf0b7 The playground was opened", "o Quarterly inspection package ordered", "and installed")
    text, _ = _join([(r.text, r) for r in rows])
    assert [s for _, s in decisions.sentences(text, nlp.pipeline())] == [
        "Progress", "The playground was opened", "Quarterly inspection package ordered and installed"]


def test_an_abbreviations_full_stop_ends_no_sentence():
    text = ("Resolution No. 13821, commending the fire crew, was adopted. Cllr. Okafor thanked them. See para. 4 of the "
            "report, approx. two pages. The answer was No. The Board agreed. x Roads – it was agreed to resurface the lane.")
    assert [s for _, s in decisions.sentences(text, nlp.pipeline())] == [
        "Resolution No. 13821, commending the fire crew, was adopted.", "Cllr. Okafor thanked them.",
        "See para. 4 of the report, approx. two pages.", "The answer was No.", "The Board agreed.",
        "x Roads – it was agreed to resurface the lane."]


def test_an_initial_after_a_form_of_address_ends_no_sentence_or_paragraph():
    text = "The Council approved the attendance of Councillor S. Hartigan. Mr J. R. Smith attended."
    assert [s for _, s in decisions.sentences(text, nlp.pipeline())] == [
        "The Council approved the attendance of Councillor S. Hartigan.", "Mr J. R. Smith attended."]
    from scrutiny.extractor.minutes import _para_break
    assert not _para_break("the following Member at this Conference – Councillor S.", "Hartigan.")
    assert _para_break("The report was noted.", "Hartigan attended.")


def test_grid_rows_carrying_on_the_title_or_action_cells_add_nothing_to_the_body():
    def seg(text, x):
        return Segment(text=text, box=(x, 0, x + 5 * len(text), 10))

    def line(*cells):
        return Line(text=" ".join(t for t, _ in cells), segments=tuple(seg(t, x) for t, x in cells), box=(72, 0, 800, 10))

    lines = [line(("Minute", 72), ("Item", 149), ("Notes", 262), ("Action", 695)),
             line(("LW 02/2021", 72), ("To agree the", 149), ("Agreed and signed", 262), ("Clerk to place", 695)),
             line(("Minutes of the last", 150), ("on website", 695)),
             line(("LW 03/2021", 72), ("Urgent business", 149), ("None", 262))]
    rows = stream.build([Page(index=1, lines=lines, width=842, height=595)])
    first = items.split(rows)[0]
    assert [t for t, _ in items.body_text(first, rows)] == ["Agreed and signed"]


def test_mover_and_seconder_marked_after_what_they_put():
    text = "Z. Maiorca (motion), T. Feinberg (second)\nAPPROVED – Revised 2018 budget – B. Munro (motion), Z. Maiorca (second)"
    found = decisions.with_motions([], text, "Minutes from 11/30/17 meeting approved")
    assert [f.text for f in found] == ["Minutes from 11/30/17 meeting approved", "APPROVED – Revised 2018 budget"]
    assert [(v.proposer, v.seconder, v.result) for v in decisions.votes(text)] == [
        ("Z. Maiorca", "T. Feinberg", "carried"), ("B. Munro", "Z. Maiorca", "carried")]
    assert [f.text for f in decisions.outcomes("It was concluded that the logo should carry the words.", nlp.pipeline())] == [
        "It was concluded that the logo should carry the words."]


def test_unanimous_decisions_and_french_movers_are_votes():
    assert [(v.proposer, v.seconder, v.result) for v in decisions.votes("IL EST RÉSOLU À L’UNANIMITÉ D’APPROUVER la demande.")] == [
        (None, None, "carried")]
    found = decisions.votes("Il est proposé par M. Gagné, appuyé par Mme Bélanger et résolu à l’unanimité D’ADOPTER l’ordre du jour.")
    assert [(v.proposer, v.seconder, v.result) for v in found] == [("M. Gagné", "Mme Bélanger", "carried")]


def test_text_ending_two_pages_alike_is_no_running_footer_unless_at_one_height():
    def page(n: int, bottom: float) -> Page:
        texts = [(f"{n}. Item", 72.0), ("3. Agree to request that the Minister consider postponing", bottom), ("Page footer text", 780.0)]
        return Page(index=n, lines=[Line(text=t, box=(72, y, 500, y + 10)) for t, y in texts], width=600, height=800)

    rows = stream.build([page(1, 700.0), page(2, 420.0)])
    assert [r.text for r in rows] == ["1. Item", "3. Agree to request that the Minister consider postponing",
                                      "2. Item", "3. Agree to request that the Minister consider postponing"]


def test_a_vote_block_settles_what_was_put_before_it_and_is_never_a_resolution():
    text = ("Approve the proposed Meeting Schedule for Calendar Year 2020.\nRESULT: APPROVED AS AMENDED [UNANIMOUS] "
            "MOTION BY: Garcia SECOND: Allen Fisk AYES: Garcia, Allen Fisk")
    found = decisions.with_vote_blocks(decisions.outcomes(text, nlp.pipeline()), text)
    assert [f.text for f in found] == ["Approve the proposed Meeting Schedule for Calendar Year 2020."]
    bare = "RESULT: APPROVED [UNANIMOUS] MOTION BY: Mashack SECOND: Brown AYES: Mashack, Brown"
    assert [f.text for f in decisions.with_vote_blocks([], bare)] == ["APPROVED [UNANIMOUS]"]


def test_a_lone_sub_heading_numbered_afresh_where_other_headings_run_theirs():
    texts = ["Minutes", "1. Apologies", "None were received.", "2. Consent calendar", "1. Minutes of June",
             "Adopt the minutes.", "2. Meeting calendar", "Approve the calendar.", "3. Special presentations",
             "1. Election of Chair", "A motion was made to continue the item.", "4. Other matters", "None.", "Close", "End"]
    rows = stream.build([Page(index=1, lines=[Line(text=t, number=k + 1) for k, t in enumerate(texts)])])
    assert [ref for _, ref in items.find_refs(rows)] == ["1.", "2.", "2.1", "2.2", "3.", "3.1", "4."]


def test_a_roll_call_is_the_vote_on_the_motion_before_it():
    text = ("Motion to approve the bills was made by Trustee Elton, seconded by Trustee Albrecht. All were in favor. "
            "Roll Call was taken as follows: Trustee Elton – yes, Trustee Albrecht – yes, Trustee Hawkins – no. "
            "The bills stand approved.")
    found = decisions.votes(text)
    assert [(v.proposer, v.counts, v.names.get("for"), v.result) for v in found] == [
        ("Trustee Elton", {"for": 2, "against": 1, "abstain": 0}, ["Trustee Elton", "Trustee Albrecht"], "carried")]
    unworded = "We will have a bus trip in December. All were in favor. Roll Call was taken as follows: A Smith – yes. Motion passes."
    assert [f.text for f in decisions.with_motions([], unworded)] == ["We will have a bus trip in December."]


def test_a_count_printed_later_is_the_vote_on_the_proposal_put_before_it():
    text = ("The Chairman proposed a resolution that the policies be implemented. Cllr Morris asked that maps be made "
            "available. Voting was 3 for the resolution, 1 against and 2 abstained. The Clerk was asked to check.")
    assert [(v.proposer, v.counts, v.result) for v in decisions.votes(text)] == [
        ("Chairman", {"for": 3, "against": 1, "abstain": 2}, "carried")]


def test_a_lead_in_over_prose_points_takes_them_and_one_that_decides_nothing_is_kept_on_each_point():
    pipe = nlp.pipeline()
    listed = ("The minutes were agreed subject to the following changes:\nAttendees – Colin Owens gave his apologies.\n"
              "Item 5.4 – should read Larking Gowan.\nMatters arising:\nFinance – the paper has been revised.")
    assert [f.text for f in decisions.outcomes(listed, pipe)] == [
        "The minutes were agreed subject to the following changes: Attendees – Colin Owens gave his apologies. "
        "Item 5.4 – should read Larking Gowan."]
    considered = ("The following were considered, and action taken as shown: a. Pay policy – deferred to the next meeting "
                  "b. Lettings Policy - agreed")
    assert [f.text for f in decisions.outcomes(considered, pipe)] == [
        "The following were considered, and action taken as shown: Lettings Policy - agreed"]


def test_an_outcome_joins_what_it_settles_and_leaves_what_is_told_of_elsewhere():
    pipe = nlp.pipeline()
    proposal = ("It was proposed that a job evaluation for this role is carried out. The Board agreed to this proposal.")
    assert [f.text for f in decisions.outcomes(proposal, pipe)] == [proposal]
    paper = ("A paper with a recommendation was discussed and agreed by the Board. It was agreed to use Ipswich Borough "
             "Council as the external advisor.")
    assert [f.text for f in decisions.outcomes(paper, pipe)] == [paper]
    run = ("Kandice Whitehouse was chosen for the chair of Human Services. Agriculture was chosen to be chaired by Claude "
           "Christensen. Land Use will be chaired by David Lusby. There was more discussion.")
    assert [f.text for f in decisions.outcomes(run, pipe)][-1] == "Land Use will be chaired by David Lusby."
    elsewhere = ("It was explored and agreed at the committee meeting that the library lacks the skills.\n"
                 "The Chair updated the Board on discussions at the committee meeting in May: x Rewards. It was agreed "
                 "that guidance will be re-issued. x HR – the Board agreed to the permanent structure.\n"
                 "Signage agreed and installed\nPeelwalls Meadow – it was agreed that a final attempt be made.")
    assert [f.text for f in decisions.outcomes(elsewhere, pipe)] == [
        "x HR – the Board agreed to the permanent structure.", "it was agreed that a final attempt be made."]


def test_votes_with_labelled_movers_initials_and_agreed_amendments():
    labelled = decisions.votes("It was resolved to raise the limit. Prop: CR 2nd: SB NBW – Nothing to report.")
    assert [(v.proposer, v.seconder) for v in labelled] == [("CR", "SB")]
    initials = decisions.votes("The Members unanimously agreed the minutes. The minutes were proposed by Cllr. G. Mitchell "
                               "& seconded by Cllr. M.\nMcCreesh.")
    assert [(v.proposer, v.seconder, v.result) for v in initials] == [("Cllr. G. Mitchell", "Cllr. M. McCreesh", "carried")]
    amended = decisions.votes("5. Mr Love suggested and the Leader and Cabinet agreed to the following amendment: 1. Agree")
    assert [(v.proposer, v.result) for v in amended] == [("Mr Love", "carried")]


def test_a_lettered_label_with_a_space_inside_its_brackets_is_mended():
    assert items._mend_number("(c ) Highways") == "(c) Highways"


def test_a_motion_told_in_the_passive_is_moved_seconded_and_carried():
    from scrutiny.extractor.minutes import decisions

    text = ("Trustee Lee asked about the plans. The minutes of the Regular Meeting of October 26, 2020 were moved "
            "for acceptance by Trustee Lee and seconded by Ann Diaz. Passed by roll call vote, 3-0.")
    (motion,) = decisions.motions(text)
    assert motion.text == "The minutes of the Regular Meeting of October 26, 2020 were moved for acceptance"
    assert (motion.mover, motion.seconder, motion.result, motion.counts) == ("Trustee Lee", "Ann Diaz", "carried", {"for": 3, "against": 0})


def test_mover_and_seconder_by_their_initials_alone():
    from scrutiny.extractor.minutes import decisions

    (vote,) = decisions._PROP_INITIALS.finditer("The minutes were approved. Approval - proposed NR, seconded DN.")
    assert (vote.group("proposer"), vote.group("seconder")) == ("NR", "DN")
    assert not list(decisions._PROP_INITIALS.finditer("It was proposed to defer the item, seconded by the Chair."))


def _block_parts(*rows):
    """(parts, offsets) of an item body laid out as PDF rows of (x, text, gap above)."""
    from scrutiny.extractor import minutes

    parts = [(r.text, r) for r in _spaced(*rows)]
    _, offsets = minutes._join(parts)
    return parts, offsets


def test_a_labelled_outcome_block_gives_one_decision_per_point():
    parts, offsets = _block_parts(
        (50, "Discussion:", 0),
        (68, "• The treasurer set out the cost of new benches.", 0),
        (50, "Decisions:", 8),
        (68, "• Order two benches for the green before the spring.", 0),
        (86, "from the supplier used last year.", -4),
        (68, "• The mowing contract would most likely be renewed.", 0),
        (68, "• Write to the county about the verges.", 0),
        (50, "Actions Owner", 30),
        (68, "Place the bench order Treasurer", 0),
    )
    found, spans = decisions.labelled_outcomes(parts, offsets, nlp.pipeline())
    assert [f.text for f in found] == ["Order two benches for the green before the spring. from the supplier used last year.",
                                       "Write to the county about the verges."]
    assert len(spans) == 1


def test_a_labelled_paragraph_ends_at_the_space_below_it():
    parts, offsets = _block_parts(
        (50, "Outcome:", 0),
        (50, "The group will hold its summer fair in the church hall and ask the", 0),
        (50, "school to lend its tables.", -4),
        (50, "Next steps", 30),
    )
    found, _ = decisions.labelled_outcomes(parts, offsets, nlp.pipeline())
    assert [f.text for f in found] == ["The group will hold its summer fair in the church hall and ask the school to lend its tables."]


def test_an_impersonal_decision_loses_the_fact_and_the_discussion_joined_to_it():
    found = decisions.outcomes("The treasurer holds the invoices and it was agreed that they be paid by cheque. "
                               "There was a discussion on the car park and it was agreed that it stays open. "
                               "Owing to the cost of fencing it was decided to plant a hedge.", nlp.pipeline())
    assert [f.text for f in found] == ["it was agreed that they be paid by cheque.",
                                       "it was agreed that it stays open.",
                                       "it was decided to plant a hedge."]


def test_an_anaphoric_decision_takes_the_proposal_before_it():
    found = decisions.outcomes("The garage offered to repaint the shelter free of charge. This was agreed by the Trustees.", nlp.pipeline())
    assert [f.text for f in found] == ["The garage offered to repaint the shelter free of charge. This was agreed by the Trustees."]


def test_what_was_resolved_is_a_decision_and_an_undertaking_is_not():
    found = decisions.outcomes("Ann Lee has kindly agreed to inspect the swings. It was resolved that the hall could be let "
                               "on Sundays. A request was received but it was resolved that it is not appropriate to donate.",
                               nlp.pipeline())
    assert [f.text for f in found] == ["It was resolved that the hall could be let on Sundays.",
                                       "it was resolved that it is not appropriate to donate."]


def test_a_proposal_in_the_passive_is_a_motion_only_with_its_mover_recorded():
    text = "It was proposed that a grit bin be bought for Mill Lane. Prop: JS 2nd: MT"
    found = decisions.motions(text)
    assert [(m.text, m.mover, m.seconder) for m in found] == [("that a grit bin be bought for Mill Lane", "JS", "MT")]
    assert decisions.motions("It was proposed that a grit bin be bought for Mill Lane.") == []
    votes = decisions.votes("It was resolved to pay the clerk quarterly. Prop: JS 2nd: MT")
    assert [(v.proposer, v.seconder, v.result) for v in votes] == [("JS", "MT", "carried")]


def test_a_declaration_by_initials():
    got = decisions.declarations("a) PW declared an interest in the application for 4 Church Row.", nlp.pipeline())
    assert [(m, what) for m, _, what, _ in got] == [("PW", "the application for 4 Church Row")]


def _minute(ref, body, votes=()):
    from scrutiny.models.records import MinuteItem, Provenance

    return MinuteItem(ref=ref, ref_normalised=items.normalise_ref(ref), title="t", body=body, votes=list(votes),
                      provenance=Provenance(page=1, extractor="minutes.item"))


def test_a_vote_under_the_last_of_a_list_of_recommendations_is_the_vote_on_the_list():
    from scrutiny.extractor import minutes
    from scrutiny.models.records import Vote

    vote = Vote(proposer="Reyes", seconder="Ng", for_count=5, against_count=0, result="carried")
    found = [_minute("6", None), _minute("6.1", "Warrant Register Approve the warrant register for March 2021."),
             _minute("6.2", "Approve the lease of the depot yard.\nRESULT: APPROVED MOTION BY: Reyes SECOND: Ng", [vote]),
             _minute("7", "Staff reported on the parks.")]
    minutes._votes_on_lists(found)
    assert [len(i.votes) for i in found] == [1, 0, 0, 0]
    assert [r.text for r in found[1].resolutions] == ["Approve the warrant register for March 2021."]
    own = [_minute("8", None), _minute("8(a)", "The statements were received."),
           _minute("8(b)", "It was resolved to pay the clerk, proposed by Cllr Ray.", [vote])]
    minutes._votes_on_lists(own)
    assert [len(i.votes) for i in own] == [0, 0, 1]


def test_a_motion_without_an_object_moves_the_sentence_before_it():
    text = "The resignation of the treasurer was accepted with regret. Trustee Lowe moved to accept and Trustee Park seconded. Passed 4-0."
    assert [f.text for f in decisions.with_motions([], text)] == ["The resignation of the treasurer was accepted with regret."]


def test_motions_moved_and_seconded_by_people_described_not_named():
    text = ("Clerk Ward made a motion to name Ann Holt as moderator, seconded by an elector in the audience. All present were "
            "in favor. Motion passes. A motion was made to accept the audit by a voter and seconded by another voter. "
            "A motion was made that the next meeting be held on May 4 by Trustee Cole, seconded a voter. All in favor.")
    got = [(m.text, m.mover, m.seconder, m.result) for m in decisions.motions(text)]
    assert got == [("to name Ann Holt as moderator", "Clerk Ward", "an elector in the audience", "carried"),
                   ("to accept the audit", "a voter", "another voter", None),
                   ("that the next meeting be held on May 4", "Trustee Cole", "a voter", "carried")]


def test_a_matter_referred_to_a_body_is_a_decision():
    found = decisions.outcomes("A letter asked for a new footpath. The request was referred to the Highways Working Party. "
                               "The cost was as referred to in the report.", nlp.pipeline())
    assert [f.text for f in found] == ["The request was referred to the Highways Working Party."]


def test_what_the_body_agreed_it_could_do_is_a_decision_and_what_could_be_is_a_view():
    found = decisions.outcomes("It was agreed that we could publish the minutes sooner. It was agreed that this approach could "
                               "be used elsewhere.", nlp.pipeline())
    assert [f.text for f in found] == ["It was agreed that we could publish the minutes sooner."]


def test_arrangements_confirmed_are_a_decision_and_a_fact_confirmed_is_not():
    found = decisions.outcomes("The dates of the spring clean were confirmed. It was confirmed that the grant had arrived.",
                               nlp.pipeline())
    assert [f.text for f in found] == ["The dates of the spring clean were confirmed."]


def test_mover_and_seconder_labelled_as_nouns_with_their_affiliations():
    text = "The accounts were approved.\nProposer: Sylvia Knights (Bungay Library) Seconder: Sue Buck (Long Melford Library)"
    got = [(v.proposer, v.seconder) for v in decisions.votes(text)]
    assert got == [("Sylvia Knights", "Sue Buck")]


def test_a_fact_joined_to_a_passive_decision_and_an_election_by_vote():
    got = [t for _, t, _ in _res_outcomes("There were no questions and the accounts were accepted and approved.")]
    assert got == ["the accounts were accepted and approved."]
    got = [t for _, t, _ in _res_outcomes("The following Directors were voted in by the membership:\nTony Brown (Beccles)\n"
                                          "Jo Ogden (Kesgrave)\nAll nominees were thanked for their interest.")]
    assert got == ["The following Directors were voted in by the membership: Tony Brown (Beccles) Jo Ogden (Kesgrave)"]


def _res_outcomes(text):
    return [(r.number, r.text, r.noted) for r in decisions.outcomes(text, nlp.pipeline())]


def test_a_line_ending_well_short_of_the_margin_before_a_capital_is_a_line_of_its_own():
    from scrutiny.extractor.minutes import _join

    texts = [("The following Directors were voted in by the society membership, all of", 560),
             ("them unopposed:", 200), ("Tony Brown (Beccles)", 240), ("Jo Ogden (Kesgrave)", 230),
             ("All nominees were thanked for their interest.", 400)]
    lines = [Line(text=t, box=(120, 100 + 14 * k, right, 110 + 14 * k)) for k, (t, right) in enumerate(texts)]
    rows = stream.build([Page(index=1, lines=lines, width=600, height=800)])
    text, _ = _join([(r.text, r) for r in rows])
    assert text.split("\n") == ["The following Directors were voted in by the society membership, all of them unopposed:",
                                 "Tony Brown (Beccles)", "Jo Ogden (Kesgrave)", "All nominees were thanked for their interest."]


def test_an_abbreviation_inside_a_motion_is_no_full_stop_and_its_seconder_ends_at_the_verb():
    (motion,) = decisions.motions("Cllr Hartigan proposed that RPS No. 4057 should be included, which was seconded by Cllr. Novak.")
    assert (motion.text, motion.mover, motion.seconder) == ("that RPS No. 4057 should be included", "Cllr Hartigan", "Cllr. Novak")
    (motion,) = decisions.motions("Councillor Ryan proposed that the report be noted. The proposal was seconded by Councillor Sheahan (J) "
                                  "and agreed.")
    assert (motion.text, motion.seconder) == ("that the report be noted", "Councillor Sheahan (J)")


def test_a_motion_to_adjourn_is_a_whole_motion():
    (motion,) = decisions.motions("Motion to adjourn was made by Trustee Elton, seconded by Trustee Albrecht. All were in favor.")
    assert (motion.text, motion.mover, motion.seconder, motion.result) == ("to adjourn", "Trustee Elton", "Trustee Albrecht", "carried")
    assert decisions._BARE_MOTION.match("to adjourn") is None and decisions._BARE_MOTION.match("to approve")


def test_a_passive_proposal_names_its_mover_and_seconder_and_a_motion_takes_the_parts_its_mover_adds():
    (motion,) = decisions.motions("It was proposed by Councillor Collins (B), seconded by Councillor Collins (J) requesting RTE "
                                  "to delay their decision. Members agreed.")
    assert (motion.mover, motion.seconder) == ("Councillor Collins (B)", "Councillor Collins (J)")
    assert motion.text.startswith("requesting RTE to delay")
    text = ("Councillor Sheehan proposed that this Council rejects the proposal to close the studio. Councillor Sheehan also "
            "requested that the Council write to the Minister. Members spoke in support. This proposal was seconded by "
            "Councillor O’Sullivan.")
    (motion,) = decisions.motions(text)
    assert motion.seconder == "Councillor O’Sullivan"
    assert [w for _, w in motion.parts] == ["that the Council write to the Minister"]
    assert [f.text for f in decisions.with_motions([], text)] == [
        "that this Council rejects the proposal to close the studio", "that the Council write to the Minister"]


def test_a_count_under_the_label_of_what_was_voted_makes_the_label_a_resolution():
    text = "Vote des comptes de gestion 2020 :\n15 pour.\nVote du budget primitif 2021 : 15 pour\nLe budget est en excédent. 14 votes pour"
    assert [f.text for f in decisions.with_counted_labels([], text)] == [
        "Vote des comptes de gestion 2020", "Vote du budget primitif 2021"]


def test_minutes_that_head_no_item_are_one_item_titled_with_the_business_called():
    rows = _rows("Minutes of Proceedings at Special Meeting of Northfield County Council held in the Chamber on Friday, "
                 "15th November, 2019, at 2.00 p.m. in order to discuss the closure of the Northfield studio.",
                 "MEMBERS PRESENT:", "Councillors Butler, Collins (B), Egan.",
                 "The Mayor stated that the Special Meeting had been convened to discuss the issue set out in the requisition.",
                 "Councillor Butler proposed that this Council rejects the closure. This proposal was seconded by Councillor Egan.")
    assert items.split(rows) == []
    lone = items.unheaded(rows, attendance.lists_end(rows))
    assert (lone.ref, lone.title) == (None, "The closure of the Northfield studio")
    assert rows[lone.body_rows[0]].text.startswith("The Mayor stated")


def _decided(text: str) -> list[str]:
    """The decisions minutes without formal openers record in ``text``."""
    return [f.text for f in decisions.outcomes(text, nlp.pipeline())]


def test_a_lead_in_that_decides_its_lettered_points_gives_each_one_and_a_list_of_none_gives_nothing():
    out = _decided("The following Policies were approved:\na. Lettings Policy.\nb. Charging Policy.")
    assert out == ["The following Policies were approved: Lettings Policy.",
                                     "The following Policies were approved: Charging Policy."]
    shown = _decided("The following policies were agreed/ratified as shown:\na. Finance Policy - Approved\n"
                               "b. To Consider Admissions Arrangements – deferred to the next meeting.")
    assert shown == ["Finance Policy - Approved"]
    one = _decided("The following policy was approved and is recommended to the FGB:\na. Catering Statement.\n"
                             "Provided by the external caterer and a legal requirement.")
    assert one == ["The following policy was approved and is recommended to the FGB: a. Catering Statement."]
    assert _decided("The following Policies/documents were approved and/or recommended to the FGB for approval: "
                              "a. There were no policies/documents to be approved.") == []


def test_a_person_named_after_and_who_agreed_to_do_something_took_on_a_task():
    text = "Paul Evemy suggested that a costing package be put together for the SENDCo and Heather agreed to do this."
    assert _decided(text) == []
    assert _decided("The costs were reviewed and the Committee agreed to fund the package.")


def test_a_decision_loses_the_proposal_that_frames_it_and_an_adopted_notice_is_the_motion_s_words():
    assert decisions.unframed("On the proposal of Councillor Sheahan (J), seconded by Councillor Galvin, Councillor Mitchell "
                              "was appointed to fill the vacancy.") == "Councillor Mitchell was appointed to fill the vacancy."
    assert decisions.unframed("On the proposal of Councillor Ryan, seconded by Councillor Egan, it was agreed that the date "
                              "be moved.") == "the date be moved."
    body = ("I will move at the next Meeting that the Council write to the Minister requesting new legislation.\n"
            "On the proposal of Councillor Mitchell, seconded by Councillor Egan, the Motion was adopted by the Council.")
    found = [decisions.Found(text="On the proposal of Councillor Mitchell, seconded by Councillor Egan, the Motion was adopted by the Council.",
                             start=body.index("On the proposal"))]
    assert [f.text for f in decisions.with_notices(found, body)] == [
        "I will move at the next Meeting that the Council write to the Minister requesting new legislation."]


def test_a_decision_taken_however_a_discussion_went_and_lettered_parts_carried_on_from_an_earlier_item():
    out = _decided("There was a wide ranging discussion on partnership working however it was agreed that the "
                             "appointment process should not be delayed.")
    assert out == ["it was agreed that the appointment process should not be delayed."]
    parts = decisions._informal_parts("g. Use the Gold Package. It was agreed. h. Confirm the model. i. Agree the dates.")
    assert [label for _, label, _ in parts] == ["g", "h", "i"]
    assert decisions.interest_of("Mrs Chandler declared a pecuniary interest in item 12 – Motion 3 - ‘Family Farm Tax’ – and "
                                 "would not participate in the debate or vote.", "Mrs Chandler") == "Motion 3 - ‘Family Farm Tax’"


def test_numbered_points_under_a_resolved_lead_in_are_each_a_resolution_up_to_another_numbering():
    text = ("8) RESOLVED that the County Council resolves:\n1. To declare our solidarity with the farmers of Kent.\n"
            "2. To recognise the importance of farming to the economy of Kent.\n3. To commend the resilience of Kent’s farmers.\n"
            "9) The Chairman proposed that Council resolve to extend the meeting beyond 4.30pm and it was agreed unanimously.")
    found = decisions.resolutions(text, nlp.pipeline())
    assert [(f.number, f.text) for f in found] == [
        ("1", "To declare our solidarity with the farmers of Kent."),
        ("2", "To recognise the importance of farming to the economy of Kent."),
        ("3", "To commend the resilience of Kent’s farmers."),
        (None, "that Council resolve to extend the meeting beyond 4.30pm")]


def test_lettered_points_of_grid_minutes_decide_with_their_lists_and_asides():
    text = ("j. Initial meeting with the adviser. k. Agree dates for interviews It was agreed that the timetable would be:\n"
            "• Monday 3rd January: Governors to write the advert.\n• Monday 10th January: Advert is released\n"
            "l. Membership of the panel (names emailed to the administrator) was agreed as follows:\n• Simon Barnes\n• Kate Eames\n"
            "The recruitment process was delegated to the Panel.")
    found = _decided(text)
    assert found[0] == ("It was agreed that the timetable would be: • Monday 3rd January: Governors to write the advert. "
                        "• Monday 10th January: Advert is released")
    assert found[1].startswith("Membership of the panel (names emailed to the administrator) was agreed as follows")
    assert found[2] == "The recruitment process was delegated to the Panel."


def test_an_impersonal_decision_leaves_out_the_discussion_before_it_and_keeps_its_passive_run_on():
    out = _decided("There was a brief discussion on federation and it was agreed that the school will remain maintained.")
    assert out == ["it was agreed that the school will remain maintained."]
    out = _decided("It was decided that property owners would be contacted and asked to trim back their trees.")
    assert out == ["It was decided that property owners would be contacted and asked to trim back their trees."]


def test_a_lead_in_with_one_point_on_its_line_keeps_the_point_and_the_opening_time_is_no_part():
    assert _decided("The following policy was approved and is recommended to the FGB: a. Catering Statement. Provided by "
                    "external caterers.") == ["The following policy was approved and is recommended to the FGB: a. Catering Statement."]
    assert _decided("The meeting commenced at 1838 In the absence of the Chair the Committee agreed that Ruth Shoare chair "
                    "the meeting.") == ["In the absence of the Chair the Committee agreed that Ruth Shoare chair the meeting."]


def test_a_proposer_named_before_what_he_proposed_and_an_amendment_agreed():
    (vote,) = [v for v in decisions.votes("It was proposed by Councillor Scanlan to amend the motion to include a meeting "
                                          "request. This amendment was agreed by Councillor Sheehan.") if v.proposer]
    assert vote.proposer == "Councillor Scanlan"
    assert decisions._MOTION_PASSED.search("This amendment was agreed by Councillor Sheehan.")


def test_a_long_account_before_an_impersonal_decision_is_left_out():
    text = ("Verge in Church Lane - A request had been received from a resident asking that the verge be cut back as it is "
            "covered in brambles. there was discussion as to the best method, i.e. tractor and flail or a working party to "
            "clear it by hand and it was decided that the best method would be to organise a working party.")
    assert _decided(text) == ["it was decided that the best method would be to organise a working party."]


def test_a_motion_whose_noun_or_to_the_print_lost():
    (lost_noun,) = decisions.motions("An was made to donate to the Egg Hunt by Trustee Elton, seconded by Trustee Albrecht. "
                                     "All were in favor.")
    assert (lost_noun.text, lost_noun.mover, lost_noun.seconder, lost_noun.result) == (
        "to donate to the Egg Hunt", "Trustee Elton", "Trustee Albrecht", "carried")
    (lost_to,) = decisions.motions("A motion was made allow the Club to use the building by Trustee Elton, seconded by "
                                   "Trustee Hodge. All were in favor.")
    assert lost_to.text == "allow the Club to use the building"
