"""The archive-wide people registry (`scrutiny people OUTDIR`)."""

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutiny.cli import main
from scrutiny.extractor import names
from scrutiny.extractor.people import resolve
from scrutiny.extractor.pipeline import to_json
from scrutiny.extractor.textutil import normalise
from scrutiny.models.records import Attendee, Extraction, Minutes, Officer, Pack, Provenance, Report
from conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
KENT = ROOT.parent / "shared" / "corpus" / "meetings" / "uk_kent_cc"
KENT_GOLD = ROOT / "tests" / "gold" / "kcc-full-council-2025-01-09-minutes.gold.json"
KENT_PACKS = [
    "kcc_full_council_2025-02-13_19_December_2024_-_County_Council_minutes.pdf",
    "kcc_full_council_2025-01-09_Printed_minutes_09th-Jan-2025_10.00_County_Council.pdf",
    "kcc_cabinet_2025-01-30_Minutes_of_the_meeting_held_on_9th_January_2025.pdf",
    "kcc_cabinet_2025-01-30_Printed_minutes_30th-Jan-2025_10.00_Cabinet.pdf",
    "kcc_full_council_2025-02-13_Printed_minutes_13th-Feb-2025_09.30_County_Council.pdf",
    "kcc_full_council_2025-03-13_Governance_Update_Report.pdf",
]
PROV = Provenance(extractor="test")


def _pack(source: str, date: str, attendees=(), reports=()) -> Extraction:
    out = Extraction(
        pack=Pack(source=source, sha256="", format="pdf", page_count=1, extractor_version="t"),
        minutes=[Minutes(body="Committee", date=date, provenance=PROV,
                         attendees=[Attendee(name=n, category=c, role=r, provenance=PROV) for n, c, r in attendees])],
        reports=[Report(title="R", meeting_date=date, report_of=Officer(name=n, role=r), provenance=PROV) for n, r in reports],
    )
    resolve(None, out)
    return out


def _registry(outdir: Path) -> dict:
    result = CliRunner().invoke(main, ["people", str(outdir), "-o", str(outdir / "registry.out")])
    assert result.exit_code == 0, result.output
    return json.loads((outdir / "registry.out").read_text(encoding="utf-8"))


def _write(outdir: Path, *packs: Extraction) -> None:
    for p in packs:
        (outdir / f"{p.pack.source}.json").write_text(to_json(p), encoding="utf-8")


def test_registry_links_people_across_packs_and_keeps_conflicts_apart(tmp_path):
    _write(
        tmp_path,
        _pack("a", "2009-09-17", [("Mr R W Gough", "present", "Chair"), ("Mrs P T Cole", "present", None)],
              [("Mark Gwynne", "Programme Manager")]),
        _pack("b", "2010-03-08", [("Mr R Gough", "present", None), ("Mr P Cole", "present", None)],
              [("Mark Gurrey", "Assistant Director, Performance")]),
        _pack("c", "2011-01-10", [("Roger Gough", "guest", "Leader of the Council"), ("Mr Cole", "apologies", None)]),
    )
    reg = _registry(tmp_path)
    by_id = {p["id"]: p for p in reg["people"]}
    gough = by_id["p-roger-gough"]
    assert [x["pack"] for x in gough["packs"]] == ["a", "b", "c"]
    assert (gough["first_seen"], gough["last_seen"]) == ("2009-09-17", "2011-01-10")
    assert {(r["role"], r["date"]) for r in gough["roles"]} >= {("Chair", "2009-09-17"), ("Leader of the Council", "2011-01-10")}
    assert {"p-mark-gwynne", "p-mark-gurrey", "p-p-t-cole", "p-p-cole"} <= set(by_id)
    assert {x["pack"] for x in by_id["p-p-cole"]["packs"]} == {"b", "c"}  # Mr Cole joins Mr P Cole, never Mrs P T Cole
    assert reg["packs"] == ["a", "b", "c"]
    assert all(0 < x["score"] <= 1 and x["evidence"] for p in reg["people"] for x in p["packs"])


def test_registry_leaves_an_ambiguous_surname_unlinked(tmp_path):
    _write(
        tmp_path,
        _pack("a", "2020-01-01", [("Councillor John Smith", "present", None)]),
        _pack("b", "2020-02-01", [("Councillor Jane Smith", "present", None)]),
        _pack("c", "2020-03-01", [("Councillor Smith", "present", None)]),
    )
    reg = _registry(tmp_path)
    assert [u["pack"] for u in reg["unlinked"]] == ["c"]
    assert {p["id"] for p in reg["people"]} == {"p-john-smith", "p-jane-smith"}


def test_registry_output_is_deterministic(tmp_path):
    _write(tmp_path, _pack("a", "2020-01-01", [("Mr A Jones", "present", None)]), _pack("b", "2020-02-01", [("Mr Jones", "present", None)]))
    first = CliRunner().invoke(main, ["people", str(tmp_path)]).output
    assert first == CliRunner().invoke(main, ["people", str(tmp_path)]).output
    assert json.loads(first)["people"][0]["id"] == "p-a-jones"


@pytest.mark.slow
@needs_shared
def test_kent_councillors_and_officers_are_linked_across_meetings(tmp_path):
    """Printed minutes of five Kent meetings and a report, run through `scrutiny extract`."""
    runner = CliRunner()
    for name in KENT_PACKS:
        result = runner.invoke(main, ["extract", str(KENT / name), "-o", str(tmp_path / f"{name}.json")])
        assert result.exit_code == 0, result.output
    reg = _registry(tmp_path)
    assert len(reg["packs"]) == len(KENT_PACKS)

    def packs_of(p):
        return {x["pack"] for x in p["packs"]}

    # the same councillors across meetings of Cabinet and County Council
    assert sum(1 for p in reg["people"] if len(packs_of(p)) >= 3) >= 40
    # officers (a stated job title, not just membership) across meetings
    officers = [p for p in reg["people"] if len(packs_of(p)) >= 2 and {r["role"] for r in p["roles"]} - {"Member", "Chair", "Attendee"}]
    assert len(officers) >= 3

    gold = json.loads(KENT_GOLD.read_text(encoding="utf-8"))
    gold_of = {normalise(a): g["name"] for g in gold["people"] for a in g["aliases"]}
    leader = next(g for g in gold["people"] if "Leader of the Council" in g["roles"])
    linked = [p for p in reg["people"] if any(normalise(a) in {normalise(x) for x in leader["aliases"]} for a in p["aliases"])]
    assert len(linked) == 1
    assert len(packs_of(linked[0])) >= 5
    assert any(pack.startswith("kcc_cabinet") for pack in packs_of(linked[0]))
    assert any(r["role"] == "Leader of the Council" and r["date"] for r in linked[0]["roles"])

    for p in reg["people"]:
        # never two gold people in one registry person
        assert len({gold_of[normalise(a)] for a in p["aliases"] if normalise(a) in gold_of}) <= 1, p["aliases"]
        # never two conflicting names in one registry person
        parsed = [x for x in (names.parse(a) for a in p["aliases"]) if x]
        for a, b in itertools.combinations(parsed, 2):
            assert names.compatible(a, b)[0], (p["id"], a.text, b.text)
