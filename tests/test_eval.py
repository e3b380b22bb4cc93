"""The scorer (extractor/evaluate.py) on small hand-made pairs with known answers, and every gold
file scored against itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rapidfuzz import fuzz

from scrutiny.extractor import evaluate as ev
from scrutiny.extractor.errors import GoldError
from scrutiny.models.records import Extraction
from conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD_FILES = sorted([*(SHARED / "gold").glob("*.gold.json"), *(ROOT / "tests" / "gold").glob("*.gold.json")])


def _agenda(n: int, title: str = "Item", pages=None) -> dict:
    return {"number": str(n), "title": f"{title} {n}", "pages": pages, "summary_first_words": None}


def _section(gold: dict, extraction: dict, name: str) -> dict:
    return ev.evaluate(extraction, gold)["sections"][name]


# --------------------------------------------------------------------------- records


def test_perfect_match_scores_one():
    gold = {"agenda_items": [_agenda(1), _agenda(2, pages=[3, 9])]}
    s = _section(gold, {"agenda_items": [_agenda(2, pages=[3, 9]), _agenda(1)]}, "agenda_items")
    assert (s["precision"], s["recall"], s["f1"], s["field_accuracy"]) == (1.0, 1.0, 1.0, 1.0)


def test_missing_record_lowers_recall_by_its_share():
    gold = {"agenda_items": [_agenda(n) for n in range(1, 5)]}
    s = _section(gold, {"agenda_items": [_agenda(n) for n in range(1, 4)]}, "agenda_items")
    assert (s["gold"], s["extracted"], s["matched"]) == (4, 3, 3)
    assert s["precision"] == 1.0
    assert s["recall"] == 0.75
    assert s["f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert s["missed"] == ["4"]


def test_spurious_record_lowers_precision():
    gold = {"glossary": [{"term": "AFI", "expansion": "Area for Improvement"}]}
    pred = {"glossary": [{"term": "AFI", "expansion": "Area for Improvement"}, {"term": "XYZ", "expansion": "x"}]}
    s = _section(gold, pred, "glossary")
    assert (s["precision"], s["recall"]) == (0.5, 1.0)


def test_wrong_field_lowers_field_accuracy():
    gold = {"agenda_items": [_agenda(n, pages=[n, n + 1]) for n in range(1, 5)]}
    pred = [_agenda(n, pages=[n, n + 1]) for n in range(1, 5)]
    pred[2]["pages"] = [30, 31]
    s = _section(gold, {"agenda_items": pred}, "agenda_items")
    assert s["f1"] == 1.0
    # title, pages and summary_first_words on 4 matched items; one pages value wrong.
    assert s["field_accuracy"] == pytest.approx(11 / 12)
    assert s["fields"]["pages"] == {"correct": 3, "total": 4, "accuracy": 0.75}
    assert s["field_errors"][0]["record"] == "3"


def test_normalisation_of_text_fields():
    assert ev.same_exact("Non\u2011Key  Decision.", "non-key decision")
    assert ev.same_exact("\u2018ALL\u2019", "'all'")
    assert not ev.same_exact("2009-12-03", "2009-12-04")
    assert ev.same_exact(None, "")


def test_fuzzy_threshold_on_both_sides():
    base = "abcdefghijklmnopqrst"  # 20 characters: each substituted letter costs 5 points
    at_90, at_85 = "xycdefghijklmnopqrst", "xyzdefghijklmnopqrst"
    assert fuzz.ratio(base, at_90) == 90.0 and fuzz.ratio(base, at_85) == 85.0
    gold = {"milestones": [{"action_ref": "1.01", "text": base, "due": "2009-09-30"}]}
    hit = _section(gold, {"milestones": [{"action_ref": "1.01", "text": at_90, "due": "2009-09-30"}]}, "milestones")
    miss = _section(gold, {"milestones": [{"action_ref": "1.01", "text": at_85, "due": "2009-09-30"}]}, "milestones")
    assert hit["matched"] == 1 and miss["matched"] == 0
    other_ref = _section(gold, {"milestones": [{"action_ref": "1.02", "text": base}]}, "milestones")
    assert other_ref["matched"] == 0


def test_prefix_rule_for_first_words():
    gold = {"agenda_items": [{"number": "7", "title": "Plan", "summary_first_words": "To receive the report"}]}
    long_summary = {"number": "7", "title": "Plan", "summary": "To receive the report of the Director."}
    other = {"number": "7", "title": "Plan", "summary": "To note the report of the Director."}
    assert _section(gold, {"agenda_items": [long_summary]}, "agenda_items")["field_accuracy"] == 1.0
    assert _section(gold, {"agenda_items": [other]}, "agenda_items")["fields"]["summary_first_words"]["correct"] == 0


def test_refs_ignore_trailing_dot_and_case_and_unnumbered_items_match_by_title():
    gold = {"minutes": {"date": "2009-09-17", "items": [
        {"ref": "OSCO07", "title": "Joint Area Review"},
        {"ref": None, "title": "Election of Chair"},
    ]}}
    pred = {"minutes": [{"date": "2009-09-17", "items": [
        {"ref": "osco07.", "title": "Joint Area Review"},
        {"ref": "", "title": "Election of Chair"},
    ]}]}
    assert _section(gold, pred, "minute_items")["matched"] == 2


def test_missing_section_scores_empty_and_absent_gold_section_is_not_scored():
    gold = {"glossary": [{"term": "AFI", "expansion": "Area for Improvement"}]}
    result = ev.evaluate({"actions": [{"ref": "1.01"}]}, gold)
    assert list(result["sections"]) == ["glossary"]
    assert result["sections"]["glossary"]["recall"] == 0.0


# --------------------------------------------------------------------------- attendees


def _attendee(name: str, category: str = "present", **fields) -> dict:
    return {"name": name, "category": category, **fields}


def test_attendee_honorific_keeps_mr_and_mrs_cole_apart():
    gold = {"minutes": {"attendees": [_attendee("Cole", title="Mr"), _attendee("Cole", title="Mrs")]}}
    one = {"minutes": [{"attendees": [_attendee("Mrs P T Cole")]}]}
    s = _section(gold, one, "attendees")
    assert s["matched"] == 1 and s["missed"] == ["Cole / present"]
    assert not ev.compatible(ev.person_key("Mr Cole"), ev.person_key("Mrs Cole"))


def test_attendee_key_initial_and_bracket_letter():
    assert ev.compatible(ev.person_key("Ms Y. Denny"), ev.person_key("Yvonne Denny"))
    assert ev.compatible(ev.person_key("Bull (Chair)"), ev.person_key("Councillor Gideon Bull"))
    assert not ev.compatible(ev.person_key("J Smith"), ev.person_key("K Smith"))
    assert not ev.compatible(ev.person_key("Collins (B)"), ev.person_key("Collins"))
    assert ev.compatible(ev.person_key("Collins (B)"), ev.person_key("Councillor Collins (B)"))


def test_attendee_category_is_part_of_the_key_and_substitute_counts_as_present():
    gold = {"minutes": {"attendees": [
        _attendee("Peacock", "substitute", substituting_for="Mallett"),
        _attendee("Allison", "substitute", substituting_for="Aitken"),
        _attendee("Aitken", "apologies"),
    ]}}
    pred = {"minutes": [{"attendees": [
        _attendee("Councillor Peacock", "present", substituting_for="Councillor Mallett"),
        _attendee("Allison", "substitute", substituting_for="Winskill"),
        _attendee("Aitken", "present"),
    ]}]}
    s = _section(gold, pred, "attendees")
    assert s["matched"] == 2 and s["missed"] == ["Aitken / apologies"]
    assert s["fields"]["substituting_for"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert s["fields"]["category"]["accuracy"] == 1.0


def test_minutes_scored_against_the_extraction_minutes_of_the_gold_date():
    gold = {"minutes": {"date": "2009-09-17", "body": "Overview and Scrutiny Committee",
                        "attendees": [_attendee("Bull")]}}
    pred = {"minutes": [
        {"date": "2009-07-01", "body": "Cabinet", "attendees": [_attendee("Other")]},
        {"date": "2009-09-17", "body": "Overview and Scrutiny Committee", "attendees": [_attendee("Bull")]},
    ]}
    result = ev.evaluate(pred, gold)["sections"]
    assert (result["minutes"]["matched"], result["minutes"]["precision"]) == (1, 0.5)
    assert result["minutes"]["field_accuracy"] == 1.0
    assert result["attendees"]["f1"] == 1.0


def test_votes_matched_within_their_item():
    votes = [{"for_count": 14, "against_count": 45, "result": "lost", "for_names": ["Mr Cole", "Mrs Cole"]},
             {"for_count": 39, "against_count": 19, "result": "carried", "for_names": []}]
    gold = {"minutes": {"items": [{"ref": "285", "title": "Devolution", "votes": votes}]}}
    swapped = [dict(votes[1]), dict(votes[0], for_names=["Mr P Cole", "Mr Cole"])]
    pred = {"minutes": [{"items": [{"ref": "285", "title": "Devolution", "votes": swapped}]}]}
    s = _section(gold, pred, "votes")
    assert s["matched"] == 2
    assert s["fields"]["for_names"]["correct"] == 1  # Mrs Cole is not Mr P Cole


# --------------------------------------------------------------------------- reports and indicators


def test_recommendations_scored_as_texts_of_their_report():
    gold = {"reports": [{"title": "Safeguarding Plan", "recommendations": ["To note progress.", "To agree."]}]}
    pred = {"reports": [{"title": "Safeguarding Plan", "recommendations": [{"number": "1", "text": "To note progress"}]}]}
    s = _section(gold, pred, "recommendations")
    assert (s["matched"], s["recall"], s["precision"]) == (1, 0.5, 1.0)


def test_period_fields_map_to_normalised_periods():
    assert ev.period_of_field("aug_2009") == "2009-08"
    assert ev.period_of_field("sep_09") == "2009-09"
    assert ev.period_of_field("baseline_2008_09") == "2008/09"
    assert ev.period_of_field("x_2024_25") == "2024/25"
    assert ev.period_of_field("target") is None


def test_indicator_periods_and_quantities():
    gold = {"indicators": [{"code": "NI 59", "baseline_2008_09": "25.9%", "aug_2009": "23.7%", "sep_2009": None,
                            "value": "19.2%", "target": "53%", "commentary_first_words": "The low percentage"}]}
    pred = {"indicators": [{
        "code": "NI59",
        "periods": [{"label": "2008/09", "period": "2008/09", "value": 25.9, "unit": "%", "printed": "25.9 %"},
                    {"label": "Aug09", "period": "2009-08", "value": 23.0, "unit": "%", "printed": "23%"}],
        "value": {"value": 19.2, "unit": "%", "printed": "19.2%"},
        "target": {"value": 53.0, "unit": "%", "printed": "53.0%"},
        "commentary": "The low percentage of initial assessments ...",
    }]}
    s = _section(gold, pred, "indicators")
    assert s["matched"] == 1
    wrong = {name for name, f in s["fields"].items() if f["correct"] < f["total"]}
    assert wrong == {"aug_2009"}
    assert s["fields"]["sep_2009"]["correct"] == 1


# --------------------------------------------------------------------------- people


def test_bcubed_with_one_false_merge():
    gold = [{"name": "Gideon Bull", "aliases": ["Bull", "Councillor Gideon Bull"]}, {"name": "Mallett", "aliases": ["Mallett"]}]
    pred = [{"id": "p1", "name": "Bull", "aliases": ["Bull", "Councillor Gideon Bull", "Mallett"]}]
    s = ev.score_people(gold, pred)
    assert s["precision"] == pytest.approx(5 / 9)
    assert s["recall"] == 1.0
    assert s["f1"] == pytest.approx(5 / 7)
    assert s["false_merges"] == 1


def test_bcubed_split_cluster_lowers_recall_only():
    gold = [{"name": "Peter Lewis", "aliases": ["Peter Lewis", "Director of C&YPS"]}]
    pred = [{"id": "p1", "name": "Peter Lewis", "aliases": ["Peter Lewis"]},
            {"id": "p2", "name": "Director of C&YPS", "aliases": ["Director of C&YPS"]}]
    s = ev.score_people(gold, pred)
    assert (s["precision"], s["recall"], s["false_merges"]) == (1.0, 0.5, 0)


# --------------------------------------------------------------------------- gold files


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_scored_against_itself_is_perfect(path):
    gold = ev.load_gold(str(path))
    extraction = json.loads(json.dumps(ev.gold_as_extraction(gold)))
    Extraction.model_validate(extraction)
    result = ev.evaluate(extraction, gold)
    assert result["sections"], "the gold file has no scored section"
    for name, s in result["sections"].items():
        assert s["f1"] == 1.0, (name, s["missed"], s["spurious"])
        assert s["field_accuracy"] in (None, 1.0), (name, s["field_errors"][:3])


@needs_shared
def test_reference_gold_exists():
    assert (SHARED / "gold" / "haringey-osc-2009-12-03.gold.json") in GOLD_FILES


def test_malformed_gold_is_one_line_error_naming_the_file(tmp_path):
    bad = tmp_path / "bad.gold.json"
    bad.write_text(json.dumps({"milestones": [{"action_ref": "1.01"}]}), encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.gold\.json: section 'milestones' record 1 has no 'text'"):
        ev.load_gold(str(bad))
    broken = tmp_path / "broken.gold.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(GoldError, match=r"broken\.gold\.json: not valid JSON"):
        ev.load_gold(str(broken))


def test_cli_eval_table_json_and_gold_error(tmp_path):
    from scrutiny.cli import main

    gold_path = tmp_path / "g.gold.json"
    gold_path.write_text(json.dumps({"agenda_items": [_agenda(1), _agenda(2)]}), encoding="utf-8")
    pred_path = tmp_path / "x.json"
    pred_path.write_text(json.dumps({"agenda_items": [_agenda(1)]}), encoding="utf-8")
    runner = CliRunner()
    table = runner.invoke(main, ["eval", str(pred_path), str(gold_path)])
    assert table.exit_code == 0 and "agenda_items" in table.output
    as_json = runner.invoke(main, ["eval", str(pred_path), str(gold_path), "--json"])
    assert json.loads(as_json.output)["sections"]["agenda_items"]["recall"] == 0.5
    gold_path.write_text("[1, 2]", encoding="utf-8")
    failed = runner.invoke(main, ["eval", str(pred_path), str(gold_path)])
    assert failed.exit_code == 5
    assert "g.gold.json" in failed.output


def test_a_resolutions_opening_words_are_not_part_of_its_text():
    gold = {"minutes": {"items": [{"ref": "5", "title": "Budget", "resolutions": ["that the budget be adopted"]}]}}
    pred = {"minutes": [{"items": [{"ref": "5", "title": "Budget",
                                    "resolutions": [{"text": "It was agreed that the budget be adopted"}]}]}]}
    assert _section(gold, pred, "resolutions")["f1"] == 1.0
    pred["minutes"][0]["items"][0]["resolutions"] = [{"text": "It was agreed that the accounts be paid"}]
    assert _section(gold, pred, "resolutions")["f1"] == 0.0
