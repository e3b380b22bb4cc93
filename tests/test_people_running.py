"""People read from running text and printed forms of list records; end-to-end floors on real packs."""

import json
from pathlib import Path

import pytest

from scrutiny.extractor import ingest, pipeline
from scrutiny.extractor.evaluate import score_people
from scrutiny.extractor.pages import Line, Page, Segment
from scrutiny.extractor.people import running
from scrutiny.extractor.people.text import bare_names, is_office, lexicon_spans, named_people, role_references
from conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def test_list_forms_keep_printed_honorific_office_and_post_nominals():
    assert named_people("Councillors Councillors Bull (Chair) Adamou (Vice-Chair), Adje and Bull (Chair)") == [
        ("Bull (Chair)", "Councillor"), ("Adamou (Vice-Chair)", "Councillor"), ("Adje", "Councillor"), ("Bull (Chair)", "Councillor")]
    forms = [f for f, _ in named_people("PRESENT: Mr T Cannon, Sir Paul Carter, CBE, Mrs S Chandler, Mr J A Kite, MBE, Rich Lehmann, Mr B H Lewis")]
    assert forms == ["Mr T Cannon", "Sir Paul Carter, CBE", "Mrs S Chandler", "Mr J A Kite, MBE", "Mr B H Lewis"]
    assert [f for f, _ in named_people("Councillors Collins (M), Cmhlr. Ó Ceallaigh, O’Dea.")] == ["Collins (M)", "Cmhlr. Ó Ceallaigh", "O’Dea"]


def test_running_text_names_stop_at_headings_counts_and_company_suffixes():
    assert [f for f, _ in named_people("Mr Whiting, Ms Wright Abstain (4) Mrs Bruneau")] == ["Mr Whiting", "Ms Wright", "Mrs Bruneau"]
    assert named_people("Limerick 2030 Strategic Development DAC On the proposal of") == []
    assert [f for f, _ in named_people("For Mr. Peter Casey Councillors Collins (J), Crowley")] == ["Mr. Peter Casey", "Collins (J)", "Crowley"]
    assert named_people("Ken Pryor Deputy Head of Local Democracy") == []


def test_role_references_drop_offices_and_take_the_title_after_report_of():
    text = "Councillor Reith, the Director of C&YPS and the Chair answered. To receive the report of the Director of Children's Services."
    assert role_references(text) == ["the Director of C&YPS", "Director of Children's Services"]
    assert is_office("the Chair") and is_office("Vice-Chair of the Panel") and is_office("The Clerk")
    assert not is_office("Democratic Services Manager")


def test_bare_names_need_a_verb_or_a_role_appositive():
    text = ("1. Jo Carpenter, Participation and Engagement Manager, introduced the update. b. Leemya McKeown thanked the team. "
            "The meeting was held in the Darent Room, Sessions House, County Hall. Mr. John O’Donoghue, Ballinaculla, Dromin.")
    assert bare_names(text) == ["Jo Carpenter", "Leemya McKeown"]


def test_names_with_no_cue_need_a_known_given_name_and_must_stand_alone():
    vocab = running.Vocabulary(lower=frozenset({"people", "officers", "per", "cent", "young", "with"}), proper=frozenset({"kent"}))
    found = lambda text: [f for f, _, _ in lexicon_spans(text, vocab)]
    assert found("To be aligned with work planned for Ken Adams during November") == ["Ken Adams"]
    assert found("conducted by independent Ken Adams - set up meeting on 2/11.") == ["Ken Adams"]
    assert found("Mr. Peter Casey, Ms. Gemma O’Doherty") == []  # read with their honorifics elsewhere
    assert found("between Children’s Services and Urban Environment officers") == []  # "and" of a capitalised list
    assert found("held at the Grace Road centre; Young People attended; 10 Per Cent") == []
    assert found("we have met with Core Logic to discuss") == []  # "Core" is no given name in common use
    assert found("progress in Kent Travel Saver and at Key Stage 1") == []  # the body's place; a code follows
    assert found("report to Mark Gurrey House next week") == []  # runs on into a longer proper noun


def test_register_rows_open_with_a_full_name():
    page = Page(index=2, lines=[
        _line("COLIN BROWN Co-opted 02/10/19", ("COLIN BROWN", 40.0), ("Co-opted", 200.0), ("02/10/19", 400.0)),
        _line("VACANT Parent", ("VACANT", 40.0), ("Parent", 200.0)),
        _line("Kent Travel Saver 2,400", ("Kent Travel", 40.0), ("Saver 2,400", 200.0)),
        _line("Chaired by Keith Moore", ("Chaired by Keith Moore", 40.0)),
    ])
    vocab = running.Vocabulary(proper=frozenset({"kent"}))
    assert [f.text for f in running.register_rows(running.page_text(page, None), "minutes", vocab)] == ["COLIN BROWN"]


def _line(text, *segs):
    return Line(text=text, segments=tuple(Segment(t, (x, 0.0, x + 50.0, 10.0)) for t, x in segs))


def test_signature_blocks_are_read_column_by_column():
    page = Page(index=1, lines=[
        _line("Ken Pryor Natalie Cole", ("Ken Pryor", 63.0), ("Natalie Cole", 298.0)),
        _line("Deputy Head of Local Democracy and Principal Committee Co-Ordinator",
              ("Deputy Head of Local Democracy and", 63.0), ("Principal Committee Co-Ordinator", 299.0)),
        _line("Member Services Tel: 020-8489 2919", ("Member Services", 63.0), ("Tel: 020-8489 2919", 298.0)),
    ])
    found = [(f.text, f.role) for f in running.signatures(running.page_text(page, None), "agenda")]
    assert found == [("Ken Pryor", "Deputy Head of Local Democracy and Member Services"), ("Natalie Cole", "Principal Committee Co-Ordinator")]


def test_printed_form_of_a_listed_name():
    page = Page(index=1, lines=[Line(text="Councillors Bull (Chair), Adje and Mr J Wright"), Line(text="Also Present: Councillor Engert and Mr J A Kite, MBE")])
    pt = running.page_text(page, None)
    assert running.printed_form("Engert", "Councillor", pt) == "Councillor Engert"
    assert running.printed_form("Bull", "Councillor", pt) == "Bull (Chair)"
    assert running.printed_form("Adje", "Councillor", pt) == "Adje"
    assert running.printed_form("Mr J A Kite", None, pt) == "Mr J A Kite, MBE"
    assert running.printed_form("Wright", "Mr", pt) is None  # only "Mr J Wright" is printed


def _inputs():
    yield "reference-text", SHARED / "seed" / "haringey-osc-2009-12-03.txt", SHARED / "gold" / "haringey-osc-2009-12-03.gold.json", 0.95
    yield "reference-pdf", SHARED / "packs" / "haringey-osc-2009-12-03.pdf", SHARED / "gold" / "haringey-osc-2009-12-03.gold.json", 0.95
    floors = {"kcc-corporate-parenting-panel": 0.95, "kcc-full-council": 0.95, "limerick-special-2018": 0.95, "limerick-special-2020": 0.95,
              "decoy-fgb": 0.95}
    for gold in sorted((ROOT / "tests" / "gold").glob("*-minutes.gold.json")):
        floor = next((f for k, f in floors.items() if gold.name.startswith(k)), None)
        if floor is not None:
            yield gold.name.split(".")[0], SHARED / json.loads(gold.read_text(encoding="utf-8"))["source"], gold, floor


@pytest.mark.parametrize("name,source,gold,floor", list(_inputs()), ids=lambda v: v if isinstance(v, str) else "")
@needs_shared
def test_people_end_to_end_against_gold(name, source, gold, floor):
    out = pipeline.extract(ingest.load(str(source)), pipeline.Options())
    extraction = json.loads(pipeline.to_json(out))
    score = score_people(json.loads(gold.read_text(encoding="utf-8"))["people"], extraction["people"])
    assert score["false_merges"] == 0, score["merged"]
    assert score["f1"] >= floor, (score["f1"], score["missed"], score["spurious"])


def test_people_columns_of_plain_tables():
    from scrutiny.extractor.people.gather import _table_people
    from scrutiny.models.records import Extraction, Pack, Provenance, Table

    prov = Provenance(page=9, extractor="tables")
    out = Extraction(pack=Pack(source="x.pdf", sha256="0" * 64, format="pdf", page_count=12, extractor_version="test"), tables=[
        Table(rows=[["Subject", "Staff Member", "Governor (lead/deputy)"], ["Maths", "Ann Lee (Temp)", "Bob Roe/Cy Poe"]],
              pages=[9], provenance=prov),
        Table(rows=[["Science", "Dee Fox", ""]], pages=[10], provenance=Provenance(page=10, extractor="tables")),
        Table(rows=[["Term", "Budget"], ["Autumn", "Ann Lee"]], pages=[12], provenance=Provenance(page=12, extractor="tables")),
    ])
    found = [(o.text, o.role) for o in _table_people(out, None, None)]
    assert found == [
        ("Ann Lee", "Maths (Staff Member)"), ("Bob Roe", "Maths (Governor (lead/deputy))"),
        ("Cy Poe", "Maths (Governor (lead/deputy))"), ("Dee Fox", "Science (Staff Member)"),
    ]


@pytest.fixture(scope="module")
def reference_text():
    out = pipeline.extract(ingest.load(str(SHARED / "seed" / "haringey-osc-2009-12-03.txt")), pipeline.Options())
    return json.loads(pipeline.to_json(out))


@needs_shared
def test_lone_surnames_eponyms_and_uncued_names_in_plan_cells(reference_text):
    people = {p["id"]: p for p in reference_text["people"]}
    found = {(m["text"], m["context"]): people[m["person"]]["name"] if m["person"] else None for m in reference_text["mentions"]}
    # a surname alone inside a progress note joins the one person named in full with it
    assert found[("Cotterill", "plan_text")] == "Debbie Cotterill"
    # "work planned for Ken Adams", "conducted by independent Ken Adams": no honorific, no cue
    assert found[("Ken Adams", "plan_text")] == "Ken Adams"
    # "review of Laming recommendations"; the misspelt "Larming" is kept apart (surname-only forms never join on a typo)
    assert found[("Laming", "plan_text")] == "Laming" and found[("Larming", "plan_text")] == "Larming"


def test_eponyms_only_where_every_use_is_a_report_or_review():
    text = ("MINUTES OF THE MEETING OF THE PANEL\n\nPRESENT: Councillors Ann Lee (Chair) and Bob Roe\n\n"
            "1. REVIEWS\n\nThe Panel noted progress on the Munro review and on the Ofsted report. "
            "The inspection by Ofsted found that the Munro principles were applied.\n")
    out = json.loads(pipeline.to_json(pipeline.extract(ingest.load_bytes("panel.txt", text.encode()), pipeline.Options())))
    forms = {m["text"] for m in out["mentions"]}
    assert "Munro" in forms and "Ofsted" not in forms


@needs_shared
def test_owner_cells_wrapped_over_two_lines_are_joined():
    source = SHARED / "corpus" / "meetings" / "uk_school_governors" / "decoy_fgb-minutes-200203-final.pdf"
    out = json.loads(pipeline.to_json(pipeline.extract(ingest.load(str(source)), pipeline.Options())))
    owners = {(item["ref"], a["who"]) for m in out["minutes"] for item in m["items"] for a in item["actions"] if a["who"]}
    assert ("49/1920", "Keith Moore/Clerk") in owners
    assert ("50/1920", "Keith Moore/Kay Dicken") in owners
    assert ("39/1920", "Clerk to place on website") in owners
    assert not {w for _, w in owners} & {"Keith", "Dicken", "Moore/Clerk", "on website"}


def test_initials_printed_after_names_in_a_grid_are_their_forms():
    """A members' grid prints each name with its initials, bracketed or not: the initials are that
    person's (the shortest name before them whose initials they are), never a post-nominal."""
    page = Page(index=1, lines=[
        Line(text="PRESENT Ruth Okafor (Chair) RO Tom Baines TB"),
        Line(text="Anne Quayle AQ Dev Patel (NHS) DP"),
        Line(text="Kate Cole KC Sarah Miles SMi"),
    ])
    pt = running.page_text(page, None)
    found = {f.text: f.also for f in running.defined_initials(pt, "minutes", running.Vocabulary(frozenset(), frozenset()))}
    assert found == {"Ruth Okafor": ("RO",), "Tom Baines": ("TB",), "Anne Quayle": ("AQ",), "Dev Patel": ("DP",),
                     "Kate Cole": ("KC",), "Sarah Miles": ("SMi",)}
    # "Kate Cole KC" is printed as Kate Cole with her initials, not as a King's Counsel
    assert running.printed_form("Kate Cole", None, pt) == "Kate Cole"
    # capitals that are not the initials of the name before them are nobody's
    other = running.page_text(Page(index=1, lines=[Line(text="Present: Tom Baines NHS Kate Cole")]), None)
    assert [f.text for f in running.defined_initials(other, "minutes", running.Vocabulary(frozenset(), frozenset()))] == []
