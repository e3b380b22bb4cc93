"""Property-based checks (Hypothesis) over generated packs: whatever the input, the pipeline gives
schema-valid JSON, byte-identical on a second run, or one clear line of error naming the pack.

The default profile is derandomised (the same examples on every run, so CI is repeatable);
``HYPOTHESIS_PROFILE=explore`` draws new examples, ten times as many."""

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile
from scrutiny.extractor import ingest, pipeline
from scrutiny.extractor.errors import ScrutinyError

jsonschema = pytest.importorskip("jsonschema")
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", max_examples=400)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# lines built from the words and shapes committee packs are made of, so that generated packs reach
# the minutes, agenda, table and people code and not only the "no text" path
WORDS = st.sampled_from([
    "Minutes", "of", "the", "meeting", "held", "on", "Present:", "Apologies:", "Councillors", "Cllr", "Mr", "Mrs",
    "Smith", "O'Brien", "Ní", "Mhaoláin", "(Chair)", "RESOLVED", "that", "AGREED", "Proposed", "by", "seconded",
    "Carried", "For", "Against", "Abstain", "Item", "Agenda", "Report", "of:", "Recommendations", "Lead", "Officer",
    "Milestone", "RAG", "Green", "Amber", "Red", "NI", "59", "1.", "2.", "(a)", "(ii)", "12/23", "OSC07.", "3 March 2025",
    "7.30", "p.m.", "£1,200", "19.2%", "—", "…", "\t", "|", "•", "é", "ß", "0", "31/02/2024",
])
LINE = st.lists(WORDS, max_size=12).map(" ".join)
PACK = st.lists(st.one_of(LINE, st.text(max_size=40)), min_size=1, max_size=40).map("\n".join)

schema = None


def _schema():
    global schema
    if schema is None:
        from scrutiny.models.schema import schema_json

        schema = json.loads(schema_json())
    return schema


def _check(name: str, data: bytes) -> None:
    try:
        first = pipeline.to_json(pipeline.extract(ingest.load_bytes(name, data)))
    except ScrutinyError as exc:
        message = str(exc)
        assert message.startswith(name) and "\n" not in message
        return
    jsonschema.validate(json.loads(first), _schema())
    again = pipeline.to_json(pipeline.extract(ingest.load_bytes(name, data)))
    assert again == first


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PACK)
def test_any_text_pack(text):
    _check("fuzz.txt", text.encode("utf-8", "surrogatepass"))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(LINE, min_size=1, max_size=25), min_size=1, max_size=3))
def test_any_pdf_of_text_lines(pages):
    _check("fuzz.pdf", hostile.pdf([hostile.text_page([ln.replace("\t", " ") for ln in page]) for page in pages]))


BASE = hostile.meeting_pdf(pages=2)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(BASE) - 1), st.binary(min_size=0, max_size=8)), min_size=1, max_size=12))
def test_any_damage_to_a_pdf(edits):
    data = bytearray(BASE)
    for at, chunk in edits:
        data[at:at + len(chunk)] = chunk
    _check("damaged.pdf", bytes(data))
