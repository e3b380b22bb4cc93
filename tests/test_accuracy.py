"""The no-regression check over the development set: every cell of the committed table
(benchmarks/accuracy.json, written by benchmarks/accuracy.py) may fall by at most 0.02."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "benchmarks" / "accuracy.json"
MANIFEST = ROOT / "benchmarks" / "devset.tsv"
TOLERANCE = 0.02

pytestmark = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared (the development set) is not present")


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> dict:
    from scrutiny.extractor import corpus

    return corpus.evaluate_corpus(MANIFEST, tmp_path_factory.mktemp("eval"), workers=2)


def _falls(committed: dict, now: dict) -> list[str]:
    """Cells below their committed value by more than the tolerance. A cell that was absent
    (neither side had records) counts as 1.0: records appearing where none belong are a fall."""
    falls = []
    for name, cells in now.items():
        if name not in committed:
            continue  # a document added since the table was written
        before = committed[name]
        for section in set(before) | set(cells):
            old, new = before.get(section, 1.0), cells.get(section, 1.0)
            if new < old - TOLERANCE:
                falls.append(f"{name}: {section} {old:.3f} -> {new:.3f}")
    return sorted(falls)


def test_no_cell_of_the_committed_table_falls(table):
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    now = {r["name"]: r["cells"] for r in table["documents"]}
    falls = _falls(committed["cells"], now)
    assert not falls, "cells fell (explain and regenerate with benchmarks/accuracy.py):\n" + "\n".join(falls)


def test_no_section_average_falls(table):
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    if sorted(committed["cells"]) != sorted(r["name"] for r in table["documents"]):
        pytest.skip("the set has changed since the table was written; the cells are compared instead")
    falls = [
        f"{kind} {section}: {committed[kind][section]:.3f} -> {table[kind][section]:.3f}"
        for kind in ("macro", "micro") for section in committed[kind]
        if committed[kind][section] is not None and table[kind].get(section) is not None
        and table[kind][section] < committed[kind][section] - TOLERANCE
    ]
    assert not falls, "\n".join(falls)


def test_every_document_of_the_set_is_extracted(table):
    failed = [f"{r['name']}: {r['error']}" for r in table["documents"] if r["status"] == "failed"]
    assert not failed, "\n".join(failed)


def test_the_committed_table_covers_the_whole_set(table):
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    missing = sorted({r["name"] for r in table["documents"]} - set(committed["cells"]))
    assert not missing, f"regenerate benchmarks/accuracy.md: rows missing for {missing}"


def test_falls_are_seen_and_rises_are_not_falls():
    committed = {"a": {"items": 0.80, "votes": 1.0}, "b": {"risks": 0.5}}
    assert _falls(committed, {"a": {"items": 0.79, "votes": 1.0}, "b": {"risks": 0.9}}) == []
    assert _falls(committed, {"a": {"items": 0.70}, "b": {"risks": 0.5}}) == ["a: items 0.800 -> 0.700"]
    # a section that had no records on either side, and now has spurious ones
    assert _falls({"a": {}}, {"a": {"votes": 0.0}}) == ["a: votes 1.000 -> 0.000"]
    # a new document is not a fall
    assert _falls({}, {"new": {"items": 0.0}}) == []
