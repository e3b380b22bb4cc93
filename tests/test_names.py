"""Name parsing and name compatibility (extractor/names.py)."""

import pytest

from scrutiny.extractor.names import compatible, parse, slug, split_names

PARSES = [
    # text, honorific, given, initials, surname, postnominals, qualifier, role
    ("Councillor Gideon Bull", "Councillor", ("Gideon",), ("G",), "Bull", (), None, None),
    ("COUNCILLOR GIDEON BULL", "Councillor", ("Gideon",), ("G",), "Bull", (), None, None),
    ("Bull (Chair)", None, (), (), "Bull", (), None, "Chair"),
    ("Collins (B)", None, (), (), "Collins", (), "B", None),
    ("Mr R W Gough", "Mr", (), ("R", "W"), "Gough", (), None, None),
    ("Mr R Gough, Leader of the Council", "Mr", (), ("R",), "Gough", (), None, "Leader of the Council"),
    ("Gough, Roger", None, ("Roger",), ("R",), "Gough", (), None, None),
    ("BULL, Gideon", None, ("Gideon",), ("G",), "Bull", (), None, None),
    ("Mr R C Love, OBE", "Mr", (), ("R", "C"), "Love", ("OBE",), None, None),
    ("Ms Y. Denny", "Ms", (), ("Y",), "Denny", (), None, None),
    ("Cllr. Mrs J. Smith-Jones JP", "Councillor", (), ("J",), "Smith-Jones", ("JP",), None, None),
    ("Sir John van der Berg OBE", "Sir", ("John",), ("J",), "van der Berg", ("OBE",), None, None),
    ("DI Noel McHugh", "DI", ("Noel",), ("N",), "McHugh", (), None, None),
    ("Mr AC Smith", "Mr", (), ("A", "C"), "Smith", (), None, None),
    ("Dr M Gogarty (Interim Strategic Lead for Public Health)", "Dr", (), ("M",), "Gogarty", (), None, "Interim Strategic Lead for Public Health"),
    ("Councillor Jones'", "Councillor", (), (), "Jones", (), None, None),
    ("(Mark Gurrey)", None, ("Mark",), ("M",), "Gurrey", (), None, None),
    ("independent Ken Adams", None, ("Ken",), ("K",), "Adams", (), None, None),
    ("Mrs C Head", "Mrs", (), ("C",), "Head", (), None, None),
    ("Cmhlr. Ó Ceallaigh", "Councillor", (), (), "Ó Ceallaigh", (), None, None),
    ("Deputy Brian Leddin", "Deputy", ("Brian",), ("B",), "Leddin", (), None, None),
]


@pytest.mark.parametrize("text,honorific,given,initials,surname,post,qualifier,role", PARSES)
def test_parse(text, honorific, given, initials, surname, post, qualifier, role):
    p = parse(text)
    assert p is not None, text
    assert (p.honorific, p.given, p.initials, p.surname, p.postnominals, p.qualifier, p.role) == (
        honorific, given, initials, surname, post, qualifier, role)


@pytest.mark.parametrize("text", [
    "Director of C&YPS", "the Director of C&YPS", "DD C&F", "Programme Manager", "Chief Executive",
    "Assistant Director (Interim) Safeguarding", "All", "TBC", "Deputy Director", "Report Author",
    "ADASS Roadmap", "The interim Deputy Director \u2013Children & Families", "", None, "01234 567890",
])
def test_not_a_name(text):
    assert parse(text) is None


def test_member_list_title_column_gives_the_honorific():
    assert parse("Bull", title="Councillor").honorific == "Councillor"


@pytest.mark.parametrize("a,b,expected", [
    ("Councillor Gideon Bull", "Bull (Chair)", True),
    ("Mr R W Gough", "Mr R Gough", True),
    ("Roger Gough", "Mr R W Gough", True),
    ("Ms Y. Denny", "Yvonne Denny", True),
    ("Jo Carpenter", "Joanne Carpenter", True),
    ("Dave Grant", "David Grant", True),
    ("Collins (J)", "Councillor J. Collins", True),
    ("Mark Gwynne", "Mark Gurrey", False),
    ("Mr J Jones", "Mr K Jones", False),
    ("Mr Cole", "Mrs Cole", False),
    ("Mrs P T Cole", "Mr P Cole", False),
    ("Collins (M)", "Councillor J. Collins", False),
    ("Sheahan (J)", "Sheahan (M)", False),
    ("Mr R C Love", "Mr R J Love", False),
    ("Emma Jones", "Eleanor Jones", False),
])
def test_compatible(a, b, expected):
    assert compatible(parse(a), parse(b))[0] is expected
    assert compatible(parse(b), parse(a))[0] is expected


def test_split_names():
    assert split_names("Rachel Oakley / Julie Quinn") == ["Rachel Oakley", "Julie Quinn"]
    assert split_names("Mr R W Gough, Mrs C Bell and Mr D Jeffrey") == ["Mr R W Gough", "Mrs C Bell", "Mr D Jeffrey"]
    assert split_names("Children and Families") == ["Children and Families"]
    assert split_names("DD C&F") == ["DD C&F"]


def test_slug():
    assert slug("Gideon Bull") == "gideon-bull"
    assert slug("Ó Ceallaigh") == "o-ceallaigh"
    assert slug("R W O'Brien") == "r-w-obrien"


def test_offices_and_french_forms_of_address_are_not_given_names():
    for text, honorific, given, surname in [
        ("Commissioner Robert Sherrard", "Commissioner", ("Robert",), "Sherrard"),
        ("Vice President Amarasiriwardena", "President", (), "Amarasiriwardena"),
        ("Board Member Battle", "Board Member", (), "Battle"),
        ("Trustee Elton", "Trustee", (), "Elton"),
        ("M. Gaëtan Gagné", "M", ("Gaëtan",), "Gagné"),
        ("Mme Ariane Bélanger", "Mme", ("Ariane",), "Bélanger"),
    ]:
        p = parse(text)
        assert (p.honorific, p.given, p.surname) == (honorific, given, surname), text
    assert parse("M. Prest").initials == ("M",) and parse("M. Prest").honorific is None  # an initial
    assert parse("the Chair") is None and parse("Mayor") is None
    assert parse("JTe") is None  # initials with the surname's next letters


def test_initials_alone_reach_the_one_person_who_has_them():
    from scrutiny.extractor.people import observation, people_and_mentions

    texts = [("Simon Whitehouse", "attendee"), ("Jacqui Taylor", "attendee"), ("Jeni Tennison", "attendee"),
             ("Sarah Williams", "attendee"), ("Simone Martin-Newberry", "attendee"),
             ("SW", "action_owner"), ("JTe", "action_owner"), ("JT", "action_owner"), ("SMN", "action_owner")]
    people, mentions = people_and_mentions([observation(t, c) for t, c in texts], {})
    by_text = {m.text: m.person for m in mentions}
    by_name = {p.name: p.id for p in people}
    assert by_text["SW"] is None  # Simon Whitehouse and Sarah Williams share them
    assert by_text["JTe"] == by_name["Jeni Tennison"]
    assert by_text["JT"] == by_name["Jacqui Taylor"]  # the other JT is called JTe
    assert by_text["SMN"] == by_name["Simone Martin-Newberry"]


def test_an_irish_o_without_its_accent_is_the_particle_not_an_initial():
    accented, plain = parse("Seán Ó Ceallaigh"), parse("Sean O Ceallaigh")
    assert plain.surname == "O Ceallaigh" and plain.initials == ("S",)
    assert accented.surname_key == plain.surname_key and compatible(accented, plain)[0]
    assert parse("J. O. Smith").initials == ("J", "O")  # with a dot it is an initial


@pytest.mark.parametrize("text,honorific,role,given,surname", [
    ("City Manager Kerry Kallman", "Manager", None, ("Kerry",), "Kallman"),
    ("County Attorney Roxanne Diaz", "Attorney", None, ("Roxanne",), "Diaz"),
    ("Outgoing City Council Member Siegel", "Council Member", None, (), "Siegel"),
    ("Former Mayor Dunn", "Mayor", None, (), "Dunn"),
    ("Public Works Director Joe SanClemente", None, "Public Works Director", ("Joe",), "SanClemente"),
    ("Human Resources Manager Vanessa Godinez", None, "Human Resources Manager", ("Vanessa",), "Godinez"),
])
def test_an_office_printed_before_a_name_is_its_form_of_address_or_its_role(text, honorific, role, given, surname):
    p = parse(text)
    assert p is not None, text
    assert (p.honorific, p.role, p.given, p.surname) == (honorific, role, given, surname)


@pytest.mark.parametrize("text", ["Project Manager John", "Finance Director", "City Attorney", "Chief Executive Officer"])
def test_an_office_without_a_full_name_after_it_is_not_a_name(text):
    assert parse(text) is None
