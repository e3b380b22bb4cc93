"""Attendance blocks and the meeting heading in the shapes bodies print them."""

from scrutiny.extractor import ingest, pipeline
from scrutiny.extractor.minutes import attendance, header, stream
from scrutiny.extractor.pages import Line, Page, Segment


def _rows(*texts):
    page = Page(index=1, lines=[Line(text=t, number=k + 1) for k, t in enumerate(texts)])
    return stream.build([page])


def _laid_out(*rows, bold=False):
    """Rows of PDF runs: each row a list of (x, text) or (x, text, top)."""
    lines = []
    for k, runs in enumerate(rows):
        segs = []
        for run in runs:
            x, t = run[0], run[1]
            top = run[2] if len(run) > 2 else 100 + 14 * k
            segs.append(Segment(text=t, box=(x, top, x + 5 * len(t), top + 10), weight=700 if bold else 400))
        top = min(g.box[1] for g in segs)
        lines.append(Line(text=" ".join(g.text for g in segs), box=(segs[0].box[0], top, 560, top + 10), segments=tuple(segs)))
    return stream.build([Page(index=1, lines=lines, width=612)])


def _people(rows):
    return [(p.name, p.category, p.title, p.role) for p in attendance.from_header(rows)]


# ---- labels naming a category of attendance


def test_bulleted_labels_with_a_plural_title_and_organisations_in_brackets():
    rows = _rows("o Directors Present: Ann Lowe, Ben Marsh", "o Others Present: Cal Nolan (ACME Consulting), Dee Orr (RBTA)",
                 "o Directors Absent: Eve Park")
    assert _people(rows) == [
        ("Ann Lowe", "present", None, None), ("Ben Marsh", "present", None, None),
        ("Cal Nolan", "also_present", None, None), ("Dee Orr", "also_present", None, None),
        ("Eve Park", "absent", None, None)]
    titled = _rows("o Trustees Present: Ann Lowe, Ben Marsh", "o Trustees Absent: Eve Park")
    assert [(p.name, p.title) for p in attendance.from_header(titled)] == [
        ("Ann Lowe", "Trustee"), ("Ben Marsh", "Trustee"), ("Eve Park", "Trustee")]


def test_one_entry_a_row_with_the_post_after_a_comma():
    rows = _rows("ROLL CALL Present: Ann Lowe, President", "Ben Marsh, Vice President", "Cal Nolan, Board Member",
                 "Absent: None.", "Staff: Dee Orr, Acting Parks Director", "Eve Park, Recording Secretary")
    assert _people(rows) == [
        ("Ann Lowe", "present", None, "President"), ("Ben Marsh", "present", None, "Vice President"),
        ("Cal Nolan", "present", "Board Member", None), ("Dee Orr", "officer", None, "Acting Parks Director"),
        ("Eve Park", "officer", None, "Recording Secretary")]


def test_french_labels_honorifics_and_posts_in_lower_case():
    rows = _rows("Présences", "Membres :", "M. Jean Tremblay, conseiller municipal", "Secrétaire :",
                 "Mme Claire Roy, greffière adjointe, Service du greffe")
    assert _people(rows) == [
        ("Jean Tremblay", "present", "M.", "conseiller municipal"), ("Claire Roy", "officer", "Mme", "greffière adjointe")]


def test_a_second_label_after_a_sentence_and_how_a_member_took_part():
    rows = _rows("2. ATTENDANCE:", "Present: Chair Ann Lowe, Secretary Ben Marsh, Trustee Cal",
                 "Nolan by telephone. Absent: Trustee Dee Orr", "Staff: Eve Park, Treasurer.")
    assert _people(rows) == [
        ("Ann Lowe", "present", None, "Chair"), ("Ben Marsh", "present", None, "Secretary"),
        ("Cal Nolan", "present", "Trustee", None), ("Dee Orr", "absent", "Trustee", None),
        ("Eve Park", "officer", None, "Treasurer")]
    prose = _rows("Present: Ann Lowe, Ben Marsh. Apologies were noted in the record.")
    assert [p.name for p in attendance.from_header(prose)] == ["Ann Lowe", "Ben Marsh"]


def test_a_roll_call_after_a_dash_with_a_plural_title_and_the_count():
    rows = _rows("Roll Call - Present: Boardmembers Lowe, vanDyke, Marsh, and President Nolan – 4.", "Absent: None.")
    assert _people(rows) == [
        ("Lowe", "present", "Boardmember", None), ("vanDyke", "present", "Boardmember", None),
        ("Marsh", "present", "Boardmember", None), ("Nolan", "present", None, "President")]


def test_posts_and_titles_printed_before_the_names():
    rows = _rows("Present: President Lowe, Vice President Marsh and Board Members Nolan, Orr, and Park.")
    assert _people(rows) == [
        ("Lowe", "present", None, "President"), ("Marsh", "present", None, "Vice President"),
        ("Nolan", "present", "Board Member", None), ("Orr", "present", "Board Member", None),
        ("Park", "present", "Board Member", None)]
    rows = _rows("Board members present were Trustee Lowe, Trustee Marsh, and Supervisor Nolan. Clerk Orr was also present.")
    assert _people(rows) == [
        ("Lowe", "present", "Trustee", None), ("Marsh", "present", "Trustee", None),
        ("Nolan", "present", None, "Supervisor"), ("Orr", "also_present", None, "Clerk")]


def test_a_capitalised_section_heading_is_no_label():
    assert attendance.heading("STAFF COMMUNICATIONS") is None
    assert attendance.heading("Staff: Dee Orr")[0] == "officer"
    assert attendance.heading("Chair: Dr Ann Lowe") == ("present", "Chair", "Dr Ann Lowe")


# ---- lists laid out in columns


def test_names_with_their_organisation_in_a_column_beside_them():
    rows = _laid_out([(234, "Chair: Dr Tom Hughes")], [(60, "Attendees:")],
                     [(60, "Tom Hughes"), (276, "Northfield University")], [(60, "Professor Mary Clark"), (276, "Home Office")],
                     [(60, "Susan Price (Secretariat)"), (276, "Ministry of Transport")], [(60, "Peter Walsh"), (276, "HMRC")])
    assert _people(rows) == [
        ("Tom Hughes", "present", "Dr", "Chair"), ("Mary Clark", "present", "Professor", None),
        ("Susan Price", "present", None, "Secretariat"), ("Peter Walsh", "present", None, None)]


def test_a_grid_with_a_status_column():
    rows = _laid_out([(137, "Member Name"), (312, "Title"), (406, "Status"), (477, "Arrived")],
                     [(107, "Ann Lowe"), (265, "Commissioner"), (396, "Late"), (465, "7:08 p.m.")],
                     [(108, "Ben Marsh"), (265, "Commissioner"), (395, "Absent")],
                     [(107, "Cal Nolan"), (265, "Alternate"), (396, "Present")],
                     [(72, "2. APPROVAL OF THE AGENDA")])
    assert _people(rows) == [
        ("Ann Lowe", "present", "Commissioner", None), ("Ben Marsh", "absent", "Commissioner", None),
        ("Cal Nolan", "present", "Alternate", None)]


def test_punctuation_and_superscripts_set_apart_go_back_into_their_row():
    rows = _laid_out([(231, "Ann Lowe"), (300, "Board Member")], [(272, ",", 108)],
                     [(230, "rd", 121), (245, "Floor, 10 High Street", 121)], [(187, "Level 3", 125)])
    mended = attendance.mend(rows)
    assert [r.text for r in mended] == ["Ann Lowe, Board Member", "Level 3rd Floor, 10 High Street"]


def test_attendance_under_a_heading_read_as_the_first_minute():
    rows = _rows("Perfunctory Business", "o Directors Present: Ann Lowe, Ben Marsh", "o Directors Absent: Eve Park",
                 "Meeting called to order at 9:08am", "AYES: Lowe, Marsh")
    assert attendance.header_end(rows, 0) == 3
    labelled = _rows("Present: Ann Lowe", "1. Apologies", "Apologies: Ben Marsh")
    assert attendance.header_end(labelled, 1) == 1


# ---- the heading block


def test_body_set_over_rows_date_time_and_venue_from_the_heading():
    rows = _laid_out([(297, "NORTH VALE")], [(271, "PLANNING COMMISSION")], [(252, "REGULAR MEETING MINUTES")],
                     [(303, "March 2, 2021, 7:00 p.m.")], [(310, "Civic Centre")], [(315, "Council Chamber")],
                     [(73, "1. CALL TO ORDER")], bold=True)
    head = header.read_header(rows[:1], rows)
    assert (head.body, head.date, head.started_at, head.venue) == (
        "North Vale Planning Commission", "2021-03-02", "19:00", "Civic Centre, Council Chamber")


def test_a_heading_row_gives_time_and_venue_after_the_date():
    rows = _rows("Harbour Bay Special Service Area #4", "Commission Meeting Minutes",
                 "Minutes from Monday, May 3, 2021 – 9:00am at The Old Mill", "o Directors Present: Ann Lowe",
                 "Meeting called to order at 9:08am", "Meeting adjourned at 11:25am")
    head = header.read_header(rows[:1], rows)
    assert (head.body, head.date, head.started_at, head.venue, head.ended_at) == (
        "Harbour Bay Special Service Area #4 Commission", "2021-05-03", "09:00", "Old Mill", "11:25")


def test_a_body_named_by_its_kind_takes_the_institution_the_heading_names():
    rows = _laid_out([(50, "Parent Forum Meeting"), (520, "14.03.24", 98)], [(520, "6pm-8pm")], [(440, "Elmwood Academy")],
                     [(50, "Attendees: Ann Lowe (chair), Ben Marsh")], [(50, "Agenda item: Budget")], bold=True)
    head = header.read_header(rows[:3], rows)
    assert (head.body, head.date, head.venue) == ("Elmwood Academy Parent Forum", "2024-03-14", "Elmwood Academy")
    named = _laid_out([(50, "Northfield Parish Council Meeting"), (520, "14.03.24", 98)], [(440, "Elmwood Academy")],
                      [(50, "Present: Ann Lowe")], bold=True)
    assert header.read_header(named[:2], named).body == "Northfield Parish Council"


def test_a_heading_wrapped_onto_where_it_was_held_and_a_misspelt_month():
    rows = _rows("MINUTES OF THE NORTHFIELD ANNUAL TOWN MEETING", "HELD IN THE COMMUNITY CENTRE", "ON 3rd JUNE 2024",
                 "Present: Ann Lowe", "1. Welcome")
    assert header.read_header(rows[:4], rows).body == "Northfield Annual Town Meeting"
    misspelt = _rows("ELMWOOD RESIDENTS FORUM ANNUAL MEETING", "MINUTES FOR 14 OCTOMBER 2021", "Present: Ann Lowe", "1. Welcome")
    assert header.read_header(misspelt[:3], misspelt).date == "2021-10-14"
    far = _rows("ELMWOOD RESIDENTS FORUM", "MINUTES FOR 14 OCEANS 2021", "Present: Ann Lowe", "1. Welcome")
    assert header.read_header(far[:3], far).date is None


def test_a_committee_box_naming_the_kind_of_meeting_has_the_body_under_it():
    rows = _rows("ELMWOOD ACADEMY BOARD OF GOVERNORS", "COMMITTEE Special DATE 4 March 2022", "Resources Committee",
                 "Present: Ann Lowe", "1. Welcome")
    assert header.read_header(rows[:4], rows).body == "Resources Committee"


def test_a_labelled_title_with_no_body_noun_is_named_by_its_organisation():
    rows = _rows("Harbour Leisure Trust", "run on behalf of the Borough Council", "Title of Meeting Harbour Leisure CIC - AGM",
                 "Date 4 March 2022", "Attendees Members of the society", "1. Welcome")
    assert header.read_header(rows[:5], rows).body == "Harbour Leisure CIC"


def test_a_french_heading_without_its_year():
    rows = _rows("COMITÉ D'URBANISME", "PROCÈS-VERBAL", "Séance publique tenue le 14 mars, à 16h00 à la salle du conseil",
                 "Présences", "1. Ouverture de la séance", "L'avis a été publié le 2 mars 2022.", "La séance est levée à 16h40.")
    head = header.read_header(rows[:4], rows)
    assert (head.date, head.started_at, head.venue, head.ended_at) == ("2022-03-14", "16:00", "la salle du conseil", "16:40")
    assert head.body.lower() == "comité d'urbanisme"


def _minutes_of(name: str, text: str):
    """The first minutes read from a text pack, end to end (people left out)."""
    return pipeline.extract(ingest.load_bytes(name, text.encode()), pipeline.Options(people=False)).minutes[0]


def test_minutes_of_a_file_read_end_to_end():
    text = ("MINUTES OF THE\nRIVERSIDE LIBRARY BOARD MEETING\nWEDNESDAY, MARCH 3, 2021\n\n"
            "The meeting was called to order at 6:01 p.m.\n\nPresent: Ann Lowe, President\nBen Marsh, Board Member\n\n"
            "1. MINUTES\n\nThe minutes were approved.\n\nThe meeting was adjourned at 6:50 p.m.\n")
    minutes = _minutes_of("board.txt", text)
    assert (minutes.body, minutes.date, minutes.started_at, minutes.ended_at) == (
        "Riverside Library Board", "2021-03-03", "18:01", "18:50")
    assert [(a.name, a.role, a.title) for a in minutes.attendees] == [
        ("Ann Lowe", "President", None), ("Ben Marsh", None, "Board Member")]


def test_venues_and_end_times_in_their_common_sentences():
    def head(*texts):
        rows = _rows(*texts)
        return header.read_header(rows[:len(texts) - 1], rows)

    assert head("Minutes of a Meeting held on Tuesday 4 May 2021 via Zoom", "Present: Ann Lowe",
                "The meeting closed 2105").venue == "Zoom"
    assert head("Minutes of a Meeting held on Tuesday 4 May 2021 via Zoom", "Present: Ann Lowe",
                "The meeting closed 2105").ended_at == "21:05"
    assert head("Minutes of the meeting held on 4 May at the Town Hall:", "1. Welcome",
                "President Lowe adjourned the meeting at 8:25 p.m.").venue == "Town Hall"
    assert head("Minutes of the meeting held on 4 May at the Town Hall:", "1. Welcome",
                "President Lowe adjourned the meeting at 8:25 p.m.").ended_at == "20:25"
    assert head("Place  Mill Offices, Eastwick", "Date  4 May 2021", "The meeting stands adjourned at 7:55 PM.").venue == (
        "Mill Offices, Eastwick")
    assert head("HELD ON 4TH MAY 2021 AT 19.00 IN EASTWICK VILLAGE HALL", "1. Welcome", "x").venue == "Eastwick Village Hall"


def test_initials_after_each_name_and_a_chaired_by_sentence():
    rows = _laid_out([(37, "Present:"), (109, "Ann Lowe"), (253, "AL"), (325, "Ben Marsh"), (469, "BM")],
                     [(109, "Cal Nolan"), (253, "CN"), (325, "Dee Orr"), (469, "DO")],
                     [(109, "Eve Park"), (252, "EP")],
                     [(36, "The Meeting was Chaired by Ann Lowe.", 160)],
                     [(37, "Items Action", 190)])
    assert sorted(_people(rows)) == sorted([
        ("Ann Lowe", "present", None, "Chair"), ("Ben Marsh", "present", None, None), ("Cal Nolan", "present", None, None),
        ("Dee Orr", "present", None, None), ("Eve Park", "present", None, None)])


def test_the_clerk_in_attendance_serves_the_meeting():
    rows = _rows("Present: Cllrs Ann Lowe, Ben Marsh", "In attendance: Cal Nolan (Clerk), Dee Orr (Press)")
    assert [(p.name, p.category) for p in attendance.from_header(rows)][-2:] == [("Cal Nolan", "officer"), ("Dee Orr", "in_attendance")]


def test_one_post_held_by_two_people_in_a_role_first_list():
    people = attendance.parse_list("Meetings Administrator (Mr. A. Lowe), Area Engineers (Mr. B. Marsh & Mr C Nolan)", "officer", [])
    assert [(p.name, p.role) for p in people] == [
        ("A. Lowe", "Meetings Administrator"), ("B. Marsh", "Area Engineers"), ("C Nolan", "Area Engineers")]


def test_two_people_of_one_surname_and_lists_parted_by_slashes():
    rows = _rows("Présents : Marie DUVAL, Marc DUVAL, Paul ROCHE.",
                 "Excusés : Anne LEROY (pouvoir donné à M. ROCHE) / Luc MOREL (pouvoir donné à Mme DUVAL)")
    assert _people(rows) == [
        ("Marie DUVAL", "present", None, None), ("Marc DUVAL", "present", None, None), ("Paul ROCHE", "present", None, None),
        ("Anne LEROY", "apologies", None, None), ("Luc MOREL", "apologies", None, None)]
    will, william = attendance.Person("Will Perrin", "present"), attendance.Person("William Perrin", "present")
    assert attendance.same_person(will, william)


def test_a_minute_titled_with_an_attendance_label_lists_its_people():
    body = _rows("Cllrs Ann Lowe and Ben Marsh", "The clerk read the apologies out.")
    people = attendance.from_items([("46. APOLOGIES FOR ABSENCE", body), ("47. DECLARATIONS OF INTEREST", body)])
    assert [(p.name, p.category, p.title) for p in people] == [
        ("Ann Lowe", "apologies", "Councillor"), ("Ben Marsh", "apologies", "Councillor")]
    assert attendance.from_items([("Apologies", _rows("Apologies were received from Ann Lowe."))]) == []


# ---- the meeting's identity


def test_a_superscript_lifted_off_the_date_row_goes_back_before_the_date_is_read():
    rows = _laid_out([(171, "MINUTES OF THE EASTWICK PARISH COUNCIL MEETING", 89)], [(244, "HELD IN THE VILLAGE HALL", 104)],
                     [(292, "st", 116), (301, "March", 118)], [(261, "ON", 118), (280, "21", 118), (336, "2013", 118)],
                     [(162, "Present:", 148)], [(125, "Mr A Lowe", 162)], [(73, "1 Minutes of the last meeting", 190)], bold=True)
    head = header.read_header(rows[:6], rows)
    assert (head.body, head.date, head.venue) == ("Eastwick Parish Council", "2013-03-21", "Village Hall")


def test_labelled_particulars_after_a_heading_read_as_items_still_give_time_and_venue():
    rows = _laid_out([(70, "Eastwick Library Trust")], [(175, "OPEN BOARD MEETING MINUTES")],
                     [(69, "Title of Meeting"), (190, "Eastwick Library Trust - Board Meeting")], [(70, "Date"), (190, "26th May 2016")],
                     [(70, "Place"), (190, "Castle Hill Community Centre")], [(70, "Time"), (190, "11.15am – 12.45pm")],
                     [(70, "Attendees"), (190, "Ann Lowe (Chair), Ben Marsh")])
    head = header.read_header(rows[:4], rows)
    assert (head.date, head.venue, head.started_at, head.ended_at) == ("2016-05-26", "Castle Hill Community Centre", "11:15", "12:45")


def test_a_committee_box_labelled_with_semicolons():
    assert header.labelled_body(["EASTWICK SCHOOL BOARD OF GOVERNORS", "COMMITTEE; DATE;", "Resources Committee 23/11/2020"]) == (
        "Resources Committee")
    rows = _rows("EASTWICK SCHOOL BOARD OF GOVERNORS", "COMMITTEE; Full Governing Body DATE; 03/02/2020", "Present: Ann Lowe")
    assert header.read_header(rows[:2], rows).body == "Full Governing Body"


def test_a_body_named_by_its_kind_takes_the_place_the_minutes_name():
    rows = _rows("CR du conseil municipal 24 février 2023", "Présents : Jean, Marc.", "1/ Ecole de Vauclair",
                 "L'école de Vauclair est sous le coup d'une carte scolaire.", "Pouvoir donné à Marc.",
                 "Trois enfants scolarisables à Vauclair.")
    assert header.read_header(rows[:1], rows).body == "Conseil municipal de Vauclair"
    capitals = _rows("COMITÉ DE DÉMOLITION", "PROCÈS-VERBAL", "Séance publique tenue le 20 juin 2023", "Présences",
                     "1. Demande pour le 10, boulevard de Saint-Roch", "la partie arrière du 10, boulevard de Saint -Roch")
    assert header.read_header(capitals[:4], capitals).body == "Comité de démolition de Saint-Roch"
    once = _rows("CR du conseil municipal 24 février 2023", "Présents : Jean, Marc.", "L'école de Vauclair.")
    assert header.read_header(once[:1], once).body == "Conseil municipal"


def test_the_title_s_fuller_name_over_the_lead_in_s_short_one():
    rows = _rows("Public Sector Openness Board – Minutes, 24th June 2010",
                 "Here are the minutes of the Openness Board meeting held on 24 June at the Cabinet Office:", "Present:", "Ann Lowe (Chair)")
    head = header.read_header(rows[:2], rows)
    assert (head.body, head.venue, head.date) == ("Public Sector Openness Board", "Cabinet Office", "2010-06-24")


def test_a_chair_s_post_kept_as_printed_and_also_in_attendance_is_in_attendance():
    rows = _laid_out([(162, "Present:"), (378, "Also in attendance:")], [(125, "Mr A Lowe (Chairman)"), (378, "Mr B Marsh")],
                     [(153, "Ms C Nolan"), (396, "Mr D Orr")], [(150, "Mr E Park"), (390, "Ms F Quinn")])
    assert sorted(_people(rows)) == sorted([
        ("A Lowe", "present", "Mr", "Chairman"), ("C Nolan", "present", "Ms", None), ("E Park", "present", "Mr", None),
        ("B Marsh", "in_attendance", "Mr", None), ("D Orr", "in_attendance", "Mr", None), ("F Quinn", "in_attendance", "Ms", None)])
    assert _people(_rows("Present: Ann Lowe (Vice Chair), Ben Marsh, in the Chair")) == [
        ("Ann Lowe", "present", None, "Vice Chair"), ("Ben Marsh", "present", None, "Chair")]


def test_staff_in_an_in_attendance_list_are_officers():
    rows = _rows("In Attendance: Ann Lowe, Chairman", "Ben Marsh, staff", "Cal Nolan, Staff Advisory Group Observer")
    assert _people(rows) == [("Ann Lowe", "present", None, "Chairman"), ("Ben Marsh", "officer", None, "staff"),
                             ("Cal Nolan", "present", None, "Staff Advisory Group Observer")]


def test_apologies_received_in_the_minutes_outweigh_the_list_printed_above():
    listed = attendance.parse_list("Ann Lowe (Chair), Ben Marsh, Cal Nolan", "present", [])
    apologies, pairs, virtual = attendance.from_sentences([("Apologies were received from Ben Marsh and Dee Orr.", None)])
    people = attendance.merge(listed, apologies, pairs, virtual, [])
    assert [(p.name, p.category) for p in people] == [
        ("Ann Lowe", "present"), ("Ben Marsh", "apologies"), ("Cal Nolan", "present"), ("Dee Orr", "apologies")]


def test_short_codes_in_brackets_are_posts_unless_the_list_brackets_organisations():
    posts = attendance.parse_list("Mr A Lowe (Chairman), Mrs B Marsh (RFO), Cal Nolan (SCC), Dee Orr (DO), Mrs E Park (Clerk)", "present", [])
    assert [(p.name, p.category, p.role) for p in posts] == [
        ("A Lowe", "present", "Chairman"), ("B Marsh", "officer", "RFO"), ("Cal Nolan", "present", "SCC"),
        ("Dee Orr", "present", None), ("E Park", "officer", "Clerk")]
    orgs = attendance.parse_list("Ann Lowe (FutureGov), Ben Marsh (Cabinet Office), Cal Nolan (LGA)", "apologies", [])
    assert [p.role for p in orgs] == [None, None, None]


def test_initials_printed_after_a_bracket_set_apart():
    rows = _laid_out([(28, "Present"), (127, "Ann Lowe"), (199, "(SBC)"), (270, "AL"), (343, "Ben Marsh"), (451, "BM")],
                     [(127, "Cal Nolan"), (271, "CN"), (343, "Dee Orr"), (451, "DO")],
                     [(127, "Eve Park"), (271, "EP"), (343, "Fay Quinn"), (451, "FQ")])
    assert sorted(_people(rows)) == sorted([
        ("Ann Lowe", "present", None, "SBC"), ("Ben Marsh", "present", None, None), ("Cal Nolan", "present", None, None),
        ("Dee Orr", "present", None, None), ("Eve Park", "present", None, None), ("Fay Quinn", "present", None, None)])


def test_a_list_parted_by_slashes_over_two_rows_and_one_person_s_status_after_a_colon():
    rows = _rows("Présents : Jean, Yves.", "Excusés : Anne (pouvoir donné à Yves) / Marc (pouvoir donné à Jean)",
                 "/ Mathieu (pouvoir donné à Yves)", "Maryline : absente non excusée", "Mr le Maire ouvre la séance.")
    assert [(p.name, p.category) for p in attendance.from_header(rows)] == [
        ("Jean", "present"), ("Yves", "present"), ("Anne", "apologies"), ("Marc", "apologies"), ("Mathieu", "apologies"),
        ("Maryline", "absent")]


def test_a_meeting_named_in_capitals_without_a_body_noun_is_its_own_name():
    text = ("State of Illinois\nEastwick Township\nEASTWICK TOWNSHIP ANNUAL TOWN HALL MEETING\nTuesday April 9, 2024\n\n"
            "The Eastwick Township Annual Town Hall Meeting was called to order by Clerk Buiter at 7:00 PM and it was held at "
            "the 1367 Wood Street Eastwick.\n\nA motion was made to approve the minutes. All were in favor. Motion passes.\n\n"
            "The meeting was adjourned at 7:29 PM.\n")
    minutes = _minutes_of("town.txt", text)
    assert (minutes.body, minutes.date, minutes.started_at, minutes.ended_at) == (
        "Eastwick Township Annual Town Hall Meeting", "2024-04-09", "19:00", "19:29")


def test_a_heading_in_capitals_naming_a_board_of_a_city_with_its_venue_under_the_date():
    rows = _laid_out([(195, "MINUTES OF THE REGULAR MEETING")], [(284, "OF THE")], [(175, "PENSION BOARD OF THE CITY OF NORTH VALE")],
                     [(72, "HELD 4:30 P.M., JANUARY 25, 2021")], [(72, "NORTH VALE CITY HALL")], [(72, "2263 HIGH STREET, NORTH VALE")],
                     [(72, "1. The meeting was called to order by Ann Lowe at 4:39 p.m.")])
    head = header.read_header(rows[:6], rows)
    assert (head.body, head.date, head.venue) == (
        "Pension Board of the City of North Vale", "2021-01-25", "North Vale City Hall, 2263 High Street, North Vale")


def test_the_chairman_closing_the_meeting_gives_its_end():
    rows = _rows("Minutes of the meeting of Vale Parish Council held on Wednesday 10 March 2010 at 7.30pm",
                 "126. APOLOGIES FOR ABSENCE", "None.", "The chairman closed the meeting at 8.53pm", "Signed Dated")
    assert header.read_header(rows[:1], rows).ended_at == "20:53"


def test_names_and_posts_alternating_after_commas():
    rows = _rows("Staff: Ann Lowe, Finance Director, Ben Marsh, Finance Accountant, Cal Nolan, Human Resources Technician.")
    assert _people(rows) == [("Ann Lowe", "officer", None, "Finance Director"), ("Ben Marsh", "officer", None, "Finance Accountant"),
                             ("Cal Nolan", "officer", None, "Human Resources Technician")]


def test_a_list_of_names_each_with_its_affiliation_after_a_dash():
    text = ("Deborah Cadman – SCC, Sue Charteris – Equal Value, David Thomas Friends of Halesworth Library, "
            "Dr. Daniel Poultor – MP for Central Suffolk and North Ipswich, Peter Bernard – Eye Library Friends")
    got = [(p.name, p.title, p.role) for p in attendance.parse_list(text, "apologies", [])]
    assert got == [("Deborah Cadman", None, "SCC"), ("Sue Charteris", None, "Equal Value"),
                   ("David Thomas", None, "Friends of Halesworth Library"),
                   ("Daniel Poultor", "Dr.", "MP for Central Suffolk and North Ipswich"),
                   ("Peter Bernard", None, "Eye Library Friends")]


def test_a_dash_wrapped_to_the_next_row_carries_the_list_on():
    assert attendance._continues_list("Ann Lowe – SCC, Peter Bernard", "– Eye Library Friends, Di Humphrey – Friends")
    assert not attendance._continues_list("The list closed.", "– a point")


def test_a_plural_post_describes_who_came_and_names_no_one():
    assert attendance.parse_person("Directors", "present", [], None) is None
    assert attendance.parse_person("Rogers", "present", [], None).name == "Rogers"


def test_an_ordinal_lost_to_ocr_leaves_the_day_and_month():
    rows = _rows("MINUTES OF THE ANNUAL MEETING OF NORTHFIELD COUNTY COUNCIL", 'HELD ON TUESDAY 22"° APRIL, 2014',
                 "Present: Ann Lowe", "1. Welcome")
    assert header.read_header(rows[:3], rows).date == "2014-04-22"
    plain = _rows("MINUTES OF THE ANNUAL MEETING OF NORTHFIELD COUNTY COUNCIL", "HELD ON 22 APRIL 2014", "Present: Ann Lowe", "1. Welcome")
    assert header.read_header(plain[:3], plain).date == "2014-04-22"


def test_a_french_session_closed_on_the_hour():
    assert header.clock("21H") == "21:00" and header.clock("16h05") == "16:05"
    assert header._END.search("Questions diverses. Séance clôturée à 21H").group("t") == "21H"


def test_the_minutes_of_a_session_read_in_prose_are_signed_as_a_record_and_decided_by_name():
    from scrutiny.extractor import nlp
    from scrutiny.extractor.minutes import decisions

    pipe = nlp.pipeline()
    signed = "The minutes of the last meeting held on 24th May 2024 were checked for accuracy and signed as a true record."
    assert [f.text for f in decisions.outcomes(signed, pipe)] == [signed]
    assert [f.text for f in decisions.outcomes("Le terrain n’est pas occupé. Décision d’annuler les régies.", pipe)] == [
        "Décision d’annuler les régies."]


def test_a_line_running_on_in_lower_case_is_no_attendance_label():
    assert attendance.heading("presents were in favor. Motion passes.") is None
    assert attendance.heading("présents : Jean, Yves")[0] == "present"
    assert attendance.heading("Present were Trustee Lee and Trustee Obi.")[0] == "present"


def test_minutes_of_one_unheaded_item_take_the_meeting_for_its_title():
    rows = _rows("CRETE TOWNSHIP ANNUAL TOWN HALL MEETING", "Tuesday April 9, 2024",
                 "The Annual Town Hall Meeting was called to order by Clerk Buiter at 7:00 PM.",
                 "Trustee Liccar made a motion to elect Tim Miller as moderator, seconded by a resident in the crowd. All",
                 "presents were in favor. Motion passes.")
    from scrutiny.extractor import nlp
    from scrutiny.extractor.minutes import read_minutes

    m = read_minutes([rows[0].page], nlp.pipeline())
    (item,) = m.items
    assert (item.ref, item.title) == (None, "Crete Township Annual Town Hall Meeting")
    assert [r.text for r in item.resolutions] == ["to elect Tim Miller as moderator"]


def test_a_meeting_held_on_a_video_platform_and_a_body_under_the_date_is_no_venue():
    rows = _rows("DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS", "COMMITTEE Extraordinary DATE 13 December 2021",
                 "Full Governing Body", "Present: Ann Lowe", "FGB 39/2122 Attendance",
                 "The meeting commenced at 1834. This was a virtual meeting using Zoom.")
    head = header.read_header(rows[:4], rows)
    assert (head.body, head.venue) == ("Full Governing Body", "Zoom")


def test_a_body_name_set_a_word_a_row():
    rows = _rows("MINUTES OF PROCEEDINGS AT MEETING OF LIMERICK CITY AND", "COUNTY", "COUNCIL", "HELD", "IN THE COUNCIL CHAMBER,",
                 "ON MONDAY, 29th MAY, 2017", "PRESENT IN THE CHAIR: Councillor Ann Lowe", "1. Adoption of Minutes")
    assert header.read_header(rows[:7], rows).body == "Limerick City and County Council"


def test_a_name_after_an_attendance_label_run_into_the_text_takes_the_label_s_category():
    from scrutiny.extractor import nlp

    text = ("The meeting commenced at: 1832 Apologies: Heather Poustie and sanctioned In attendance: Sarah Fraser "
            "(Staff History Lead) Quorum for this meeting is 3 Governors plus the Headteacher.")
    rows = _rows(text)
    found = attendance.from_body([(text, rows[0])], nlp.pipeline())
    assert [(p.name, p.category, p.role) for p in found] == [("Sarah Fraser", "in_attendance", "Staff History Lead")]


def test_a_body_named_by_a_list_of_its_services():
    assert header.body_name(["Community, Leisure & Emergency Services Strategic Policy Committee"]) == (
        "Community, Leisure & Emergency Services Strategic Policy Committee")
    assert header.body_name(["Minutes of the Cabinet, held on Monday"]) == "Cabinet"


def test_staff_named_in_what_a_report_says_are_not_attendees():
    from scrutiny.extractor import nlp

    text = ("A report had been provided and the main items were: a. Dave Lee (Deputy Headteacher) and Heather Poustie "
            "(Headteacher) have both attended Level 3 Refresher training.")
    assert attendance.from_body([(text, _rows(text)[0])], nlp.pipeline()) == []
    said = "Mark Gurrey (Interim Assistant Director for Safeguarding) presented the report."
    assert [p.name for p in attendance.from_body([(said, _rows(said)[0])], nlp.pipeline())] == ["Mark Gurrey"]
