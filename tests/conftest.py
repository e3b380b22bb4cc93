"""Shared fixtures: where ../shared lives, and extractions cached once per test session."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "haringey-osc-2009-12-03.txt"
PDF_PACK = SHARED / "packs" / "haringey-osc-2009-12-03.pdf"
GOLD = SHARED / "gold" / "haringey-osc-2009-12-03.gold.json"
KENT = SHARED / "corpus" / "meetings" / "uk_kent_cc"
CORPUS = SHARED / "corpus"


@functools.lru_cache(maxsize=None)
def extract_path(path: str) -> dict:
    """The extraction of a file as JSON data (cached: several tests read the same pack)."""
    from scrutiny.extractor import ingest, pipeline

    return json.loads(pipeline.to_json(pipeline.extract(ingest.load(path))))


@functools.lru_cache(maxsize=None)
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(params=["text", "pdf"])
def reference(request) -> dict:
    """The reference pack's extraction, from the text pack and from the PDF."""
    return extract_path(str(SEED if request.param == "text" else PDF_PACK))

# Tests that read the reference pack, the gold files or the corpus in ../shared skip cleanly where
# it is absent (a clone on its own); every other test still runs.
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (reference packs, gold, corpus) is not present")
