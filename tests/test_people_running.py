"""People read from running text and printed forms of list records; end-to-end floors on real packs."""

import json
from pathlib import Path

import pytest

from extractor import ingest, pipeline
from extractor.evaluate import score_people
from extractor.pages import Line, Page, Segment
from extractor.people import running
from extractor.people.text import bare_names, is_office, named_people, role_references

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
    yield "reference-text", SHARED / "seed" / "haringey-osc-2009-12-03.txt", SHARED / "gold" / "haringey-osc-2009-12-03.gold.json", 0.90
    yield "reference-pdf", SHARED / "packs" / "haringey-osc-2009-12-03.pdf", SHARED / "gold" / "haringey-osc-2009-12-03.gold.json", 0.90
    floors = {"kcc-corporate-parenting-panel": 0.95, "kcc-full-council": 0.95, "limerick-special-2018": 0.95, "limerick-special-2020": 0.93,
              "decoy-fgb": 0.85}
    for gold in sorted((ROOT / "tests" / "gold").glob("*-minutes.gold.json")):
        floor = next((f for k, f in floors.items() if gold.name.startswith(k)), None)
        if floor is not None:
            yield gold.name.split(".")[0], SHARED / json.loads(gold.read_text(encoding="utf-8"))["source"], gold, floor


@pytest.mark.parametrize("name,source,gold,floor", list(_inputs()), ids=lambda v: v if isinstance(v, str) else "")
def test_people_end_to_end_against_gold(name, source, gold, floor):
    out = pipeline.extract(ingest.load(str(source)), pipeline.Options())
    extraction = json.loads(pipeline.to_json(out))
    score = score_people(json.loads(gold.read_text(encoding="utf-8"))["people"], extraction["people"])
    assert score["false_merges"] == 0, score["merged"]
    assert score["f1"] >= floor, (score["f1"], score["missed"], score["spurious"])


def test_people_columns_of_plain_tables():
    from extractor.people.gather import _table_people
    from models.records import Extraction, Pack, Provenance, Table

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
