"""Research over an archive: 21 small corpus packs, the reference pack and our three-pack series,
extracted once with `batch -j 2`, then the three researcher questions answered with `scrutiny
query` and with the Python API. The expected rows were read off the documents' pages by hand."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutiny.cli import main
from conftest import ROOT, SEED, SHARED, needs_shared

MEETINGS = SHARED / "corpus" / "meetings"
SERIES = ROOT / "samples" / "series"
CORPUS_PACKS = [
    "uk_central_gov/transparency_board_2010-06-24_minutes.pdf",
    "uk_central_gov/transparency_board_2011-03-02_minutes.pdf",
    "uk_central_gov/transparency_board_2011-05-19_agenda.pdf",
    "uk_central_gov/open_data_user_group_2013-05-14_minutes.pdf",
    "uk_central_gov/local_public_data_panel_2013-10-17_minutes.pdf",
    "uk_scot_community/ayton_cc_2009-11-03_minutes.pdf",
    "uk_scot_community/ayton_cc_2017-03-07_minutes.pdf",
    "uk_scot_community/ayton_cc_2021-07-06_minutes.pdf",
    "uk_scot_community/hyndland_psc_2020-09-23_agm-minutes.pdf",
    "uk_scot_community/hyndland_psc_2021-01-20_minutes.pdf",
    "uk_parish_town/hertingfordbury_pc_2010-03-10_minutes.pdf",
    "uk_parish_town/hertingfordbury_pc_2014-12-10_minutes.pdf",
    "uk_public_boards/suffolk_libraries_ips_2013-03-26_board-minutes.pdf",
    "uk_public_boards/suffolk_libraries_ips_2015-09-10_agm-minutes.pdf",
    "us_minutes/crete_township_2024-10-09_board-minutes.pdf",
    "us_minutes/georgetown_scott_planning_2015-12-15_exec-committee-minutes.pdf",
    "us_minutes/georgetown_scott_planning_2016-03-17_heritage-subcommittee-minutes.pdf",
    "fr_communes/couthenans_2021-04-09_compte-rendu-conseil.pdf",
    "fr_communes/couthenans_2022-01-21_compte-rendu-conseil.pdf",
    "ie_limerick_text/limerick_2018_Minutes_-_Special_Meeting_of_Limerick_City_and_County_Council_-_18th_September_2018.md",
    "ie_limerick_text/limerick_2019_Minutes_-_Meeting_of_the_Community_Leisure_and_Emergency_Services_Strategic_Policy_Committee_-_17th_December_2018.md",
]
AYTON_2021 = MEETINGS / "uk_scot_community" / "ayton_cc_2021-07-06_minutes.pdf"

# Who attended the Transparency Board's two meetings (24 June 2010, 2 March 2011), read off the
# attendance lists: (meetings listed, attended, apologies) for everyone listed at both.
TRANSPARENCY_BOARD = [
    ("Laura Trott", 2, 1, 1),  # also present 2010 (Cabinet Office), apologies 2011
    ("Rohan Silva", 2, 1, 1),  # also present 2010 (No. 10), apologies 2011 (No 10)
    ("Tim Berners-Lee", 2, 1, 1),  # present 2010, apologies 2011
    ("Andrew Stott", 2, 2, 0),  # also present 2010, present 2011
    ("Francis Maude", 2, 2, 0),  # chair at both
    ("Nigel Shadbolt", 2, 2, 0),
    ("Rufus Pollock", 2, 2, 0),
    ("Tom Steinberg", 2, 2, 0),
]
# Milestones Rachel Oakley leads that slipped, from the reference pack's milestone report and its
# exception report (revised completion "Nov-09" = by 30 November): (ref, due, revised, days).
OAKLEY_SLIPPED = [
    ("1.15", "2009-09-30", "2009-11", 61),  # Social work graduate trainee scheme expanded
    ("1.16", "2009-09-30", "2009-11", 61),  # Assessment centres held ...
    ("1.20", "2009-11-30", "2009-12", 31),  # Multi-agency core safeguarding training programme developed
    ("2.08", "2009-09-30", "2010-03", 182),  # External study on use of technology ...
]
# NI 59 in our series packs (samples/make_series.py): the year columns of three packs, each year
# printed in two of them at most and kept once.
NI59_YEARS = [("2018/19", 71.2, 1), ("2019/20", 74.8, 2), ("2020/21", 77.3, 2), ("2021/22", 81.5, 1)]


@pytest.fixture(scope="session")
def archive_dir(tmp_path_factory) -> Path:
    from scrutiny.extractor import batch

    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    out = tmp_path_factory.mktemp("archive")
    inputs = [str(MEETINGS / p) for p in CORPUS_PACKS] + [str(SEED), str(SERIES)]
    outcomes = batch.run(inputs, str(out), workers=2)
    assert [o.source for o in outcomes if o.status != "done"] == []
    return out


@pytest.fixture(scope="session")
def archive(archive_dir):
    import scrutiny

    return scrutiny.Archive(archive_dir)


def _query(outdir: Path, sql: str, *flags: str) -> str:
    result = CliRunner().invoke(main, ["query", str(outdir), sql, *flags])
    assert result.exit_code == 0, result.output
    return result.output


ATTENDANCE_SQL = """
SELECT pe.name,
       count(DISTINCT a.pack_id) AS meetings,
       count(DISTINCT a.pack_id) FILTER (WHERE a.category NOT IN ('apologies', 'absent')) AS attended,
       count(DISTINCT a.pack_id) FILTER (WHERE a.category = 'apologies') AS apologies
FROM attendees a JOIN people pe USING (person_id)
WHERE a.pack_id LIKE 'transparency_board_%'
GROUP BY pe.name HAVING count(DISTINCT a.pack_id) = 2
ORDER BY apologies DESC, attended, pe.name
"""


@needs_shared
def test_every_pack_is_a_row_and_every_view_answers(archive):
    assert len(archive.df("packs")) == len(CORPUS_PACKS) + 1 + 3
    counts = {v: len(archive.df(v)) for v in archive.views}
    for view in ("attendees", "minute_items", "resolutions", "people", "mentions", "milestones", "exceptions",
                 "indicators", "indicator_values", "milestone_history", "indicator_series", "flags"):
        assert counts[view] > 0, view
    assert archive.df("attendees")["uid"].is_unique


@needs_shared
def test_who_attended_and_who_sent_apologies_most_often(archive, archive_dir):
    rows = json.loads(_query(archive_dir, ATTENDANCE_SQL, "--json"))
    assert [(r["name"], r["meetings"], r["attended"], r["apologies"]) for r in rows] == TRANSPARENCY_BOARD
    # the same from DataFrames
    att = archive.df("attendees")
    att = att[att.pack_id.str.startswith("transparency_board_") & att.person_id.notna()]
    names = archive.df("people").set_index("person_id")["name"]
    found = []
    for pid, g in att.groupby("person_id"):
        if g.pack_id.nunique() == 2:
            came = g[~g.category.isin(["apologies", "absent"])].pack_id.nunique()
            found.append((names[pid], 2, came, g[g.category == "apologies"].pack_id.nunique()))
    assert sorted(found, key=lambda r: (-r[3], r[2], r[0])) == TRANSPARENCY_BOARD


@needs_shared
def test_which_milestones_led_by_someone_slipped_and_for_how_long(archive, archive_dir):
    sql = """SELECT action_ref, due, revised_completion, slip_days FROM milestone_history
             WHERE lead_person_id = (SELECT person_id FROM people WHERE name = 'Rachel Oakley') AND slip_days > 0
             ORDER BY action_ref, due"""
    rows = json.loads(_query(archive_dir, sql, "--json"))
    assert [tuple(r.values()) for r in rows] == OAKLEY_SLIPPED
    # across the three packs of our series: the latest slip of each milestone, per lead
    df = archive.sql("""SELECT lead, milestone, min(first_due) AS first_due, max(slip_days) AS slip_days,
                               arg_max(status, seen) AS latest, max(packs_seen) AS packs
                        FROM milestone_history WHERE pack_id LIKE 'norbridge-cyp-%'
                        GROUP BY series, lead, milestone HAVING max(slip_days) > 0 ORDER BY lead""")
    assert df.values.tolist() == [
        ["Priya Shah", "Twelve posts filled", "2021-06-30", 365, "completed", 3],
        ["Tom Reilly", "Caseload audit completed", "2021-02-28", 92, "completed", 2],
    ]


@needs_shared
def test_ni59_over_three_years(archive, archive_dir):
    series = archive.df("indicator_series")
    ours = series[(series.code == "NI 59") & series.pack_id.str.startswith("norbridge-cyp-") & series.period.str.contains("/")]
    assert [(r.period, r.value, r.reported_in) for r in ours.itertuples()] == NI59_YEARS
    csv_text = _query(archive_dir, "SELECT period, value FROM indicator_series WHERE code = 'NI 59' AND pack_id = "
                      "'haringey-osc-2009-12-03' ORDER BY period", "--csv")
    assert csv_text.splitlines() == ["period,value", "2008/09,25.9", "2009-08,23.7"]  # the pack's 2008 / 09 and Aug09 cells


@needs_shared
def test_query_prints_an_aligned_table_and_json_lines(archive_dir):
    table = _query(archive_dir, "SELECT page_count, pack_id FROM packs WHERE pack_id LIKE 'ayton%' ORDER BY 2").splitlines()
    assert table[0].split() == ["page_count", "pack_id"] and table[-1] == "(3 rows)"
    assert [line.split() for line in table[2:5]] == [["2", "ayton_cc_2009-11-03_minutes"], ["2", "ayton_cc_2017-03-07_minutes"],
                                                    ["3", "ayton_cc_2021-07-06_minutes"]]
    assert table[2].index("ayton") == table[0].index("pack_id")  # columns aligned under their headers
    lines = _query(archive_dir, "SELECT pack_id FROM packs ORDER BY pack_id LIMIT 2", "--jsonl").splitlines()
    assert [json.loads(x)["pack_id"] for x in lines] == ["ayton_cc_2009-11-03_minutes", "ayton_cc_2017-03-07_minutes"]
    bad = CliRunner().invoke(main, ["query", str(archive_dir), "SELECT * FROM nowhere"])
    assert bad.exit_code == 2 and bad.output.startswith("Error: ") and "nowhere" in bad.output


@needs_shared
def test_sqlite_export_has_keys_and_passes_integrity_and_foreign_key_checks(archive_dir, tmp_path):
    db = tmp_path / "archive.db"
    result = CliRunner().invoke(main, ["export", str(archive_dir), "--to", "sqlite", str(db)])
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(attendees)")}
    assert {("packs", "pack_id"), ("minutes", "minutes_uid"), ("people", "person_id")} <= fks
    pk = [r[1] for r in con.execute("PRAGMA table_info(attendees)") if r[5]]
    assert pk == ["uid"]
    linked = con.execute("SELECT count(*) FROM attendees a JOIN people p USING (person_id)").fetchone()[0]
    assert linked > 250


@needs_shared
def test_parquet_and_csv_exports_hold_every_view(archive, archive_dir, tmp_path):
    for kind in ("parquet", "csv"):
        result = CliRunner().invoke(main, ["export", str(archive_dir), "--to", kind, str(tmp_path / kind)])
        assert result.exit_code == 0, result.output
        assert sorted(p.stem for p in (tmp_path / kind).iterdir()) == sorted(archive.views)
    n = archive.connection.execute(f"SELECT count(*) FROM '{tmp_path / 'parquet' / 'attendees.parquet'}'").fetchone()[0]
    assert n == len(archive.df("attendees"))


@needs_shared
def test_ids_are_the_same_over_two_extractions_and_unique(archive_dir):
    import scrutiny
    from scrutiny.extractor.pipeline import to_json

    def ids(data) -> list:
        found = []

        def walk(x):
            if isinstance(x, dict):
                if "id" in x:
                    found.append(x["id"])
                for v in x.values():
                    walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)

        walk(data)
        return found

    again = json.loads(to_json(scrutiny.extract(str(AYTON_2021))))
    batch_made = json.loads((archive_dir / "ayton_cc_2021-07-06_minutes.json").read_text(encoding="utf-8"))
    assert ids(again) == ids(batch_made) and None not in ids(again)
    for path in archive_dir.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        record_ids = [i for i in ids(data) if not i.startswith(("p-", "d"))]
        assert len(record_ids) == len(set(record_ids)), path.name


@needs_shared
def test_show_outlines_the_record_on_its_words(archive_dir, tmp_path):
    import pdfplumber
    from PIL import Image

    from scrutiny import show

    data = json.loads((archive_dir / "ayton_cc_2021-07-06_minutes.json").read_text(encoding="utf-8"))
    item = next(i for i in data["minutes"][0]["items"] if "Apologies" in (i["title"] or ""))
    png = tmp_path / "item.png"
    result = CliRunner().invoke(main, ["show", str(archive_dir / "ayton_cc_2021-07-06_minutes.json"), item["id"],
                                       "--pack", str(AYTON_2021), "-o", str(png)])
    assert result.exit_code == 0, result.output
    (box,) = show.boxes(item)
    x0, top, x1, bottom = box.bbox
    with pdfplumber.open(AYTON_2021) as pdf:
        page = pdf.pages[box.page - 1]
        words = page.extract_words()
        size = (page.width, page.height)
    inside = [w for w in words if w["x0"] >= x0 - 1 and w["x1"] <= x1 + 1 and w["top"] >= top - 1 and w["bottom"] <= bottom + 1]
    text = " ".join(w["text"] for w in inside)
    assert text.startswith("2. Apologies for Absence") and "Catherine Chisholm" in text
    # no word of the item's lines sticks out of the box
    assert all(w["x0"] >= x0 - 1 and w["x1"] <= x1 + 1 for w in words if top <= (w["top"] + w["bottom"]) / 2 <= bottom)
    image = Image.open(png).convert("RGB")
    assert image.size == (round(size[0] * show.SCALE), round(size[1] * show.SCALE))
    edge = image.getpixel((int((x0 + x1) / 2 * show.SCALE), int(top * show.SCALE) - 2))
    assert edge == show.OUTLINE


def test_two_packs_with_one_file_name_stay_two_packs(tmp_path):
    import scrutiny
    from scrutiny.extractor import batch

    packs = sorted(SERIES.glob("*.txt"))[:2]
    for folder, pack in zip(("a", "b"), packs):
        (tmp_path / "in" / folder).mkdir(parents=True)
        shutil.copy(pack, tmp_path / "in" / folder / "minutes.txt")
    batch.run([str(tmp_path / "in")], str(tmp_path / "out"), workers=1)
    with scrutiny.Archive(tmp_path / "out") as archive:
        assert archive.df("packs")[["pack_id", "source", "date"]].values.tolist() == [
            ["a/minutes", "minutes.txt", "2021-03-16"], ["b/minutes", "minutes.txt", "2022-03-15"]]
    result = CliRunner().invoke(main, ["people", str(tmp_path / "out")])
    registry = json.loads(result.output)
    assert registry["packs"] == ["a/minutes", "b/minutes"]
    assert len({p["sha256"] for p in registry["pack_files"]}) == 2
    okafor = next(p for p in registry["people"] if p["id"] == "p-amara-okafor")
    assert [x["pack"] for x in okafor["packs"]] == ["a/minutes", "b/minutes"]


@needs_shared
def test_series_samples_line_up_across_meetings(archive):
    history = archive.df("milestone_history")
    posts = history[history.milestone == "Twelve posts filled"]
    assert posts[["date", "status", "due", "slip_days"]].values.tolist() == [
        ["2021-03-16", "not_started", "2021-06-30", 0],
        ["2022-03-15", "not_achieved", "2021-12-31", 365],  # revised completion Jun-22
        ["2023-03-14", "completed", "2022-06-30", 365],
    ]
    att = archive.df("attendance")
    att = att[att.body == "Children and Young People Scrutiny Panel"].set_index("name")
    # "Seán Ó Ceallaigh", "Sean O Ceallaigh" and "Ó Ceallaigh" are one councillor
    assert att.loc["Seán Ó Ceallaigh", ["meetings", "present", "apologies"]].tolist() == [3, 2, 1]
    assert att.loc["Moreau", ["meetings", "present", "apologies"]].tolist() == [3, 1, 2]


@needs_shared
def test_show_follows_a_minute_onto_the_next_page(archive_dir, tmp_path):
    import pdfplumber

    from scrutiny import show

    pdf_path = MEETINGS / "uk_central_gov" / "transparency_board_2010-06-24_minutes.pdf"
    extraction = archive_dir / "transparency_board_2010-06-24_minutes.json"
    data = json.loads(extraction.read_text(encoding="utf-8"))
    item = next(i for i in data["minutes"][0]["items"] if i["title"] == "Work programme and priorities")
    drawn = show.show(extraction, item["id"], tmp_path / "item.png", pack=str(pdf_path))
    assert sorted({b.page for b in drawn}) == [1, 2]
    with pdfplumber.open(pdf_path) as pdf:
        words = pdf.pages[1].extract_words()
    on_page_2 = [b for b in drawn if b.page == 2]
    text = " ".join(w["text"] for b in on_page_2 for w in words
                    if b.bbox[0] - 1 <= w["x0"] and w["x1"] <= b.bbox[2] + 1 and b.bbox[1] - 1 <= w["top"] and w["bottom"] <= b.bbox[3] + 1)
    # the page opens with points (3) and (4) of the list the minute began on page 1, then "Right to Data"
    assert text.startswith("(3) change in behaviour would lead to change in culture.") and "Right to Data" not in text
