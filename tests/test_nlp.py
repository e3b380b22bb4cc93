"""The spaCy pipeline: our registered components on small constructed texts."""

import spacy

from scrutiny.extractor import nlp


def _labels(doc, label):
    return [s.text for s in nlp.spans(doc, label)]


def test_blank_pipeline_has_our_components():
    pipe = nlp.build()
    assert pipe.pipe_names == ["sentencizer", "scrutiny_abbreviations", "scrutiny_minute_patterns", "scrutiny_people"]


def test_blank_by_name_gives_the_same_spans():
    text = "RESOLVED That the report be noted. Officers would circulate a briefing note."
    a, b = nlp.build()(text), nlp.build("blank:en")(text)
    assert [(s.text, s.label_) for s in a.spans["minutes"]] == [(s.text, s.label_) for s in b.spans["minutes"]]


def test_factory_settings_are_keyword_only():
    pipe = spacy.blank("en")
    pipe.add_pipe("scrutiny_people", config={"max_name_tokens": 3})
    doc = pipe("Mr Robert William George Gough spoke.")
    assert [s.text for s in doc.spans["person"]] == ["Mr Robert William George"]


def test_person_with_parenthetical_role():
    doc = nlp.pipeline()("introduced colleagues Graham Badman (Independent Chair of the Board) and Mark Gurrey (Interim Assistant Director).")
    people = list(doc.spans["person"])
    assert [p.text for p in people] == ["Graham Badman", "Mark Gurrey"]
    assert nlp.role_of(doc, people[0]) == "Independent Chair of the Board"


def test_role_apposition_after_councillor():
    doc = nlp.pipeline()("Councillor Emma Jones, Chair of the Advisory Committee, presented the report.")
    person = doc.spans["person"][0]
    assert person.text == "Councillor Emma Jones"
    assert nlp.role_of(doc, person) == "Chair of the Advisory Committee"


def test_role_before_bracketed_name():
    doc = nlp.pipeline()("Chief Executive (Mr. C. Murray), Meetings Administrator (Mr. J. Clune).")
    assert [s.text for s in doc.spans["person"]] == ["Mr. C. Murray", "Mr. J. Clune"]


def test_role_words_are_not_names():
    doc = nlp.pipeline()("the interim Deputy Director (Children and Families) answered questions")
    assert list(doc.spans["person"]) == []


def test_resolution_openers_and_vote_counts():
    doc = nlp.pipeline()("RESOLVED That the report be noted. For (52), Against (0), Abstain (11). Proposed by Mr Gough; Seconded by Mr Brady.")
    assert "RESOLVED" in _labels(doc, "RESOLUTION_OPENER")
    counts = _labels(doc, "VOTE_COUNT")
    assert "For (52)" in counts and "Against (0)" in counts and "Abstain (11)" in counts
    assert _labels(doc, "PROPOSER") == ["Proposed by"] and _labels(doc, "SECONDER") == ["Seconded by"]


def test_minute_refs_and_attendance_headings():
    doc = nlp.pipeline()("OSCO07. Update on progress. Apologies: Councillor Mallett. Minute 45 was agreed.")
    refs = _labels(doc, "MINUTE_REF")
    assert "OSCO07." in refs and "Minute 45" in refs
    assert any(h.startswith("Apologies") for h in _labels(doc, "ATTENDANCE_HEADING"))


def test_action_cue():
    doc = nlp.pipeline()("Officers would circulate a briefing note to Members.")
    assert _labels(doc, "ACTION_CUE") == ["would circulate"]
