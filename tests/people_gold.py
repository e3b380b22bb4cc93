"""Helpers for the people tests: gold files, read back as Extractions without their people."""

from __future__ import annotations

import json
from pathlib import Path

from scrutiny.extractor.evaluate import gold_as_extraction
from scrutiny.extractor.people import gather, observation, people_and_mentions
from scrutiny.extractor.people.roles import glossary_map
from scrutiny.extractor.people.score import ClusterScore, bcubed, clusters_from_people
from scrutiny.models.records import Extraction

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE_GOLD = SHARED / "gold" / "haringey-osc-2009-12-03.gold.json"
GOLD_FILES = [p for p in [REFERENCE_GOLD] if p.is_file()] + sorted((ROOT / "tests" / "gold").glob("*.gold.json"))


def load(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def gold_extraction(gold: dict) -> Extraction:
    """The gold's structured sections as an Extraction, as the other stages would fill it."""
    ex = Extraction.model_validate(gold_as_extraction(gold))
    ex.people, ex.mentions = [], []
    return ex


def alias_test(gold: dict) -> tuple[ClusterScore, list]:
    """Feed every gold alias as a mention (next to the gold's structured records, which supply the
    role statements) and score how the resolver clusters the aliases against the gold people."""
    ex = gold_extraction(gold)
    observations = gather(ex)
    first = len(observations)
    for person in gold.get("people") or []:
        for alias in person.get("aliases") or []:
            observations.append(observation(alias, "alias"))
    _, mentions = people_and_mentions(observations, glossary_map(ex.glossary))
    predicted: dict[str, list[str]] = {}
    for m in mentions[first:]:
        predicted.setdefault(m.person or f"unresolved:{m.text}", []).append(m.text)
    return bcubed(predicted, clusters_from_people(gold["people"])), mentions[first:]
