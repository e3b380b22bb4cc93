"""Forms of a person's name the pack prints beyond honorific-led ones: offices used as forms of
address, "Name, Post" lines, bracketed initials, an initial before a known surname, short forms
that drop part of a full name, and names borne by buildings."""

import json

from scrutiny.extractor import ingest, names, pipeline
from scrutiny.extractor.pages import Line, Page, Segment
from scrutiny.extractor.people import running
from scrutiny.extractor.people.build import people_and_mentions
from scrutiny.extractor.people.gather import observation
from scrutiny.extractor.people.text import is_office, named_people, named_place_spans
from scrutiny.models.records import Provenance

PROV = Provenance(extractor="test", page=1)


def _page(*texts):
    return Page(index=1, lines=[Line(text=t, segments=(Segment(t, (50.0, 10.0 * i, 500.0, 10.0 * i + 8)),), box=(50.0, 10.0 * i, 500.0, 10.0 * i + 8))
                                for i, t in enumerate(texts)])


def _extract(text: str) -> dict:
    return json.loads(pipeline.to_json(pipeline.extract(ingest.load_bytes("pack.txt", text.encode()), pipeline.Options())))


def test_offices_used_as_forms_of_address():
    assert named_people("Board Member Kanji moved; Board Members Battle and Kanji volunteered") == [
        ("Board Member Kanji", "Board Member"), ("Battle", "Board Member"), ("Kanji", "Board Member")]
    assert [f for f, _ in named_people("Commissioner Allen Fisk made a motion, seconded by Commissioner Mendez")] == [
        "Commissioner Allen Fisk", "Commissioner Mendez"]
    assert [f for f, _ in named_people("Invocation – Mayor Pro Tem Waite; Acting Director Romero reported")] == [
        "Mayor Pro Tem Waite", "Acting Director Romero"]
    # an office right after a comma is the post of the name before it, not a form of address
    assert named_people("Thushan Amarasiriwardena, Vice President Anita Battle Board Member") == []


def test_a_name_after_an_office_needs_a_full_name_a_known_surname_or_a_sentence():
    out = _extract("MINUTES OF THE MEETING OF THE PLANNING COMMISSION\n\nPRESENT: Commissioners Ann Lee and Bob Roe\n\n1. ITEMS\n\n"
                   "Commissioner Lee moved the item. The Planning Commissioners Academy was noted. Commissioner Smith spoke.\n"
                   "The Clerk Key was used. Vice Chair Select a new chair. Commissioner Late 7:05\n")
    people = {p["name"]: p["aliases"] for p in out["people"]}
    # no "Academy" (a place word), "Key" (after an article), "Select" (an article after it), "Late" (no sentence)
    assert people == {"Ann Lee": ["Ann Lee", "Commissioner Lee"], "Bob Roe": ["Bob Roe"], "Smith": ["Commissioner Smith"]}


def test_posts_of_officers_as_forms_of_address():
    out = _extract("MINUTES OF THE ANNUAL TOWN MEETING\n\n1. ITEMS\n\nThe meeting was called to order by Clerk Buiter at 7:00 PM. "
                   "Trustee Liccar made a motion, seconded by Trustee Elton and Highway Commissioner Recupito. Both Supervisor "
                   "Liccar and Trustee Elton said yes.\n\nRespectfully submitted,\nJim Buiter\n")
    people = {p["name"]: sorted(p["aliases"]) for p in out["people"]}
    assert people == {"Jim Buiter": ["Clerk Buiter", "Jim Buiter"], "Liccar": ["Supervisor Liccar", "Trustee Liccar"],
                      "Elton": ["Trustee Elton"], "Recupito": ["Highway Commissioner Recupito"]}


def test_name_post_lines():
    pt = running.page_text(_page(
        "1Special  Cindy Segawa, Mayor", "Barry Waite, Mayor Pro Tem", "Mark A. Waronek, Council Member",
        "Presented by Ryan Smoot, City Manager", "Kathleen Horn Gregory, MMC, City Clerk",
        "Patrick Heisinger, Assistant City Manager, made a presentation and", "Leeds Civic Hall, Portland Crescent",
        "Councillor Jane Smith, Leader of the Council"), None)
    found = [(f.text, f.role) for f in running.name_role_lines(pt, "agenda", running.Vocabulary())]
    assert found == [
        ("Cindy Segawa", "Mayor"), ("Barry Waite", "Mayor Pro Tem"), ("Mark A. Waronek", "Council Member"),
        ("Ryan Smoot", "City Manager"), ("Kathleen Horn Gregory", "City Clerk"), ("Patrick Heisinger", "Assistant City Manager"),
    ]


def test_posts_named_by_their_jurisdiction_are_offices():
    assert is_office("City Manager") and is_office("the Town Clerk") and is_office("County Attorney")
    assert not is_office("Democratic Services Manager") and not is_office("Assistant City Manager of Housing")


def test_initials_given_in_brackets_after_a_name():
    pt = running.page_text(_page(
        "Attendees Heather Savory (Chair) (HS) Gesche Schmid (GS)", "Bob Barr (BB) Adam Tickell (AT)",
        "1.1 Kieron O’Hara (KO) welcomed attendees. The National Information Infrastructure (NII) was noted.",
        "JM and SW explained the service. KO will push this forward. At 10 AM the meeting began."), None)
    found = [(f.text, f.also, f.known_only, f.is_role) for f in running.defined_initials(pt, "minutes", running.Vocabulary())]
    # a name whose first word is no given name in common use counts only where a list record of the
    # page names it ("Gesche Schmid" in the attendance list; never "National Information Infrastructure")
    assert found == [
        ("Heather Savory", ("HS",), False, False), ("Gesche Schmid", ("GS",), True, False),
        ("Bob Barr", ("BB",), False, False), ("Adam Tickell", ("AT",), False, False), ("Kieron O’Hara", ("KO",), True, False),
        ("National Information Infrastructure", ("NII",), True, False), ("JM", (), False, True), ("SW", (), False, True), ("KO", (), False, True),
    ]


def test_bracketed_initials_resolve_where_two_people_share_them():
    moss = observation("John Moss", "minutes_text", provenance=PROV)
    moss.also.append("JM")
    observations = [observation("Jo May", "attendee_present", provenance=PROV), moss, observation("John Moss", "attendee_present", provenance=PROV)]
    observations.append(running_ref := observation("JM", "minutes_initials", provenance=PROV))
    running_ref.name = None
    people, mentions = people_and_mentions(observations, {})
    assert {p.name: p.aliases for p in people} == {"Jo May": ["Jo May"], "John Moss": ["John Moss", "JM"]}
    assert mentions[-1].person == "p-john-moss"


def test_an_initial_before_a_known_surname():
    prov = lambda: PROV
    cells = [("K. Bares presented four sites", prov, ""), ("Mark A. Waronek, Council Member", prov, ""),
             ("S. Martin Newberry discussed branding", prov, ""), ("C. Curley), Director", prov, "Shared Services (Ms."),
             ("Seed Library (T. Amarasiriwardena)", prov, "")]
    surnames = {"Bares": {"Kimberly", "K"}, "Waronek": {"Mark", "A", "M"}, "Martin-Newberry": {"Simone", "S"},
                "Curley": {"C"}, "Amarasiriwardena": {"Thushan", "T"}}
    assert [f.text for f in running.surname_mentions(cells, surnames)] == ["K. Bares", "S. Martin Newberry", "T. Amarasiriwardena"]


def test_short_forms_that_drop_part_of_a_full_name_join_it():
    observations = [observation(t, "minutes_text", provenance=PROV) for t in (
        "Robert Allen Fisk", "Allen Fisk", "Commissioner Allen Fisk", "Simone Martin-Newberry", "S. Martin Newberry", "Martin Newberry")]
    people, _ = people_and_mentions(observations, {})
    assert {p.name: p.aliases for p in people} == {
        "Robert Allen Fisk": ["Robert Allen Fisk", "Allen Fisk", "Commissioner Allen Fisk"],
        "Simone Martin-Newberry": ["Simone Martin-Newberry", "S. Martin Newberry", "Martin Newberry"],
    }


def test_people_named_by_a_building():
    vocab = running.Vocabulary(lower=frozenset({"office"}))
    found = lambda text: [f for f, _, _ in named_place_spans(text, vocab)]
    assert found("Jerry Sue Thornton Center – Ford Room") == ["Jerry Sue Thornton"]
    assert found("Ed Howlin Home Office John Neil Home Office") == []
    assert found("the Mary Rose Trust and Bruce Castle Museum") == []


def test_printed_form_inside_the_record_box_and_across_a_line_break():
    page = _page("Chair: Dr Kieron O’Hara", "Attendees:", "Kieron O’Hara Southampton University")
    pt = running.page_text(page, None)
    assert running.printed_form("Kieron O’Hara", "Dr", pt, box=[50.0, 20.0, 500.0, 28.0]) == "Kieron O’Hara"
    pt = running.page_text(_page("Director, Shared Services (Ms.", "C. Curley), Director"), None)
    assert running.printed_form("C. Curley", "Ms.", pt) == "Ms. C. Curley"


def test_a_form_of_address_in_a_field_of_its_own():
    gagne = observation("Gaëtan Gagné", "attendee_present", title="M.", provenance=PROV)
    assert gagne.text == "M. Gaëtan Gagné" and gagne.name.honorific == "M"
    assert names.parse("M. Prest").initials == ("M",)  # printed before a surname, "M." is an initial


def test_a_bracket_naming_another_person_is_no_office_of_the_name():
    assert named_people("Ms. Durbin (alternate - Mr. Messerlian); Councillor Bull (Chair) spoke") == [
        ("Ms. Durbin", "Ms."), ("Councillor Bull (Chair)", "Councillor")]


def test_a_given_name_alone_joins_the_only_person_with_that_initial():
    observations = [observation(t, "minutes_text", provenance=PROV) for t in ("Ms K Draper", "Mr A Martin", "Katy", "Barbara", "Mrs B McGarry", "Mr B Jones")]
    people, _ = people_and_mentions(observations, {})
    # "Barbara" could be McGarry or Jones: it stays a person of its own
    assert {p.name: p.aliases for p in people} == {
        "K Draper": ["Ms K Draper", "Katy"], "A Martin": ["Mr A Martin"], "Barbara": ["Barbara"], "B McGarry": ["Mrs B McGarry"], "B Jones": ["Mr B Jones"]}


def test_initials_printed_in_parts_join_the_name_that_has_them():
    observations = [observation("M Kerford Byrne", "attendee_in_attendance", title="Mr", provenance=PROV),
                    observation("M KB", "proposer", provenance=PROV), observation("Mary May", "minutes_text", provenance=PROV)]
    people, _ = people_and_mentions(observations, {})
    assert {p.name: p.aliases for p in people} == {"Kerford Byrne": ["Mr M Kerford Byrne", "M KB"], "Mary May": ["Mary May"]}


def test_m_is_a_form_of_address_only_with_its_dot():
    assert names.parse("M. Gaëtan Gagné").honorific == "M"
    assert names.parse("M Kerford Byrne").initials == ("M", "K") and names.parse("M Kerford Byrne").honorific is None


def test_a_name_keeps_every_form_of_address_printed_before_it():
    assert named_people("Cllr Mrs Haysey stated that she had an update; Councillors Bull and Adje agreed") == [
        ("Cllr Mrs Haysey", "Mrs"), ("Bull", "Councillor"), ("Adje", "Councillor")]


def test_a_bracket_of_running_words_is_a_remark_not_an_office():
    from scrutiny.extractor.people.text import office_bracket
    assert office_bracket("(Chair)") and office_bracket("(Director of Finance)") and office_bracket("(Vice-Chair)")
    assert not office_bracket("(pouvoir donné à Yves)") and not office_bracket("(alternate - Mr. Messerlian)")
