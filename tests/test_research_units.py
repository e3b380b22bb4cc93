"""Record ids, person ids on records, the registry's name handling and the batch progress display,
on small packs of our own."""

from __future__ import annotations

import io
import re

from scrutiny.extractor import ids
from scrutiny.extractor.batch import Outcome, Progress
from scrutiny.extractor.people import registry, resolve
from scrutiny.models.records import (Attendee, Extraction, Mention, Minutes, Pack, Person, Provenance)
from conftest import ROOT, extract_path

PROV = Provenance(extractor="test")


def _pack(source: str, date: str, names: list[tuple[str, str]]) -> Extraction:
    out = Extraction(
        pack=Pack(source=source, sha256=source * 8, format="text", page_count=1, extractor_version="t"),
        minutes=[Minutes(body="Council", date=date, provenance=PROV,
                         attendees=[Attendee(name=n, category=c, provenance=PROV) for n, c in names])],
    )
    resolve(None, out)
    return out


def test_every_record_has_an_id_of_its_kind_and_people_are_linked():
    got = extract_path(str(ROOT / "samples" / "sample-pack.txt"))
    assert re.fullmatch(r"mi-[0-9a-f]{10}", got["minutes"][0]["items"][0]["id"])
    assert all(m["id"].startswith("mb-") and m["person_id"] for m in got["members"])
    assert {a["name"]: a["person_id"] for a in got["minutes"][0]["attendees"]}["Okafor"] == "p-amara-okafor"
    (report,) = got["reports"]
    assert (report["report_of"]["person_id"], report["contact_officer"]["person_id"]) == ("p-dana-whitfield", "p-sam-ortiz")
    assert {(m["lead"], m["lead_person_id"]) for m in got["milestones"]} == {("Sam Ortiz", "p-sam-ortiz")}
    assert got["meeting"]["clerk"]["person_id"] == "p-jo-marsh"
    people = {p["id"] for p in got["people"]}
    assert all(m["person"] in people for m in got["mentions"] if m["person"])


def test_ids_follow_content_and_position_not_list_order():
    a = _pack("a", "2020-01-01", [("Councillor Ann Lee", "present"), ("Councillor Bob Ray", "apologies")])
    b = _pack("a", "2020-01-01", [("Councillor Bob Ray", "apologies")])
    ids.assign(a)
    ids.assign(b)
    ray_a = a.minutes[0].attendees[1].id
    assert ray_a == b.minutes[0].attendees[0].id  # the same record keeps its id when another goes
    assert a.minutes[0].attendees[0].id != ray_a
    again = _pack("a", "2020-01-01", [("Councillor Ann Lee", "present"), ("Councillor Bob Ray", "apologies")])
    ids.assign(again)
    assert again.model_dump() == a.model_dump()


def test_identical_records_get_numbered_ids():
    out = _pack("a", "2020-01-01", [("Councillor Ann Lee", "present"), ("Councillor Ann Lee", "present")])
    ids.assign(out)
    first, second = (x.id for x in out.minutes[0].attendees)
    assert second == f"{first}-2"


def test_registry_never_splits_one_person_over_accents_and_irish_particles():
    packs = [
        _pack("a", "2020-01-01", [("Councillor Seán Ó Ceallaigh", "present"), ("Cllr Máire Ní Bhriain", "present")]),
        _pack("b", "2020-02-01", [("Cllr Sean O Ceallaigh", "apologies"), ("Cllr Maire Ni Bhriain", "present")]),
        _pack("c", "2020-03-01", [("Councillor Ó Ceallaigh", "present"), ("Councillor Ní Bhriain", "apologies")]),
        _pack("d", "2020-04-01", [("Cllr. S. O'Ceallaigh", "present"), ("Cllr Ann Lee", "present")]),
    ]
    reg = registry.build(packs)
    by_surname = {}
    for p in reg.people:
        by_surname.setdefault(registry.names.key(p.surname or ""), []).append(p)
    (ceallaigh,) = by_surname["oceallaigh"]
    assert [x.pack for x in ceallaigh.packs] == ["a", "b", "c", "d"]
    (bhriain,) = by_surname["nibhriain"]
    assert [x.pack for x in bhriain.packs] == ["a", "b", "c"]


def test_registry_takes_no_phrase_for_a_person():
    out = Extraction(
        pack=Pack(source="a", sha256="0" * 64, format="text", page_count=1, extractor_version="t"),
        people=[Person(id="p-ambassador", name="Ambassador", surname="Ambassador"),
                Person(id="p-before-christmas", name="Before Christmas", given="Before", surname="Christmas"),
                Person(id="p-jane-doe", name="Jane Doe", given="Jane", surname="Doe")],
        mentions=[Mention(text=t, context="minutes_text", person=p)
                  for t, p in (("Ambassador", "p-ambassador"), ("Before Christmas", "p-before-christmas"), ("Jane Doe", "p-jane-doe"))],
    )
    assert [p.id for p in registry.build([out]).people] == ["p-jane-doe"]


def test_registry_keeps_packs_of_one_file_name_apart():
    one, two = _pack("minutes.pdf", "2020-01-01", [("Councillor Ann Lee", "present")]), _pack("minutes.pdf", "2021-01-01", [("Councillor Ann Lee", "present")])
    two.pack.sha256 = "f" * 64
    reg = registry.build([one, two])
    assert len(set(reg.packs)) == 2 and all(k.startswith("minutes.pdf@") for k in reg.packs)
    reg = registry.build([("2020/minutes", one), ("2021/minutes", two)])
    assert [x.pack for x in reg.people[0].packs] == ["2020/minutes", "2021/minutes"]


def test_progress_is_one_plain_line_per_pack_off_a_terminal_and_a_bar_on_one():
    outcomes = [Outcome("a.pdf", "out/a.json", "done"), Outcome("b.pdf", None, "failed", error="b.pdf: file is empty", exit_code=3)]
    plain = io.StringIO()
    progress = Progress(plain)
    for n, o in enumerate(outcomes, 1):
        progress(n, 2, o)
    progress.close()
    assert plain.getvalue().splitlines() == ["[1/2] done: out/a.json", "[2/2] failed: b.pdf: file is empty"]
    shown = io.StringIO()
    bar = Progress(shown, bar=True)
    for n, o in enumerate(outcomes, 1):
        bar(n, 2, o)
    bar.close()
    text = shown.getvalue()
    assert "2/2" in text and "pack" in text and "[2/2] failed: b.pdf: file is empty" in text
    quiet = io.StringIO()
    Progress(quiet, quiet=True)(1, 1, outcomes[0])
    assert quiet.getvalue() == ""

