"""Per-pack people resolution (extractor/people) on Extractions built for each case."""

from scrutiny.extractor.people import resolve
from scrutiny.extractor.pipeline import to_json
from scrutiny.models.records import (
    Action, Attendee, Contact, CoOptee, Extraction, GlossaryEntry, Meeting, Member, Milestone, Minutes,
    Officer, Pack, Provenance, Report,
)

PROV = Provenance(extractor="test", page=1)


def pack(**sections) -> Extraction:
    return Extraction(pack=Pack(source="t.pdf", sha256="", format="pdf", page_count=1, extractor_version="t"), **sections)


def report(report_of=None, contact=None, title="A report") -> Report:
    return Report(title=title, report_of=Officer(**report_of) if report_of else None,
                  contact_officer=Officer(**contact) if contact else None, provenance=PROV)


def attendee(name, category="present", role=None, title=None, **kw) -> Attendee:
    return Attendee(name=name, category=category, role=role, title=title, provenance=PROV, **kw)


def minutes(*attendees, date="2009-09-17", chair=None) -> Minutes:
    return Minutes(body="Overview and Scrutiny Committee", date=date, attendees=list(attendees), chair_signature=chair, provenance=PROV)


def person_of(out: Extraction, text: str):
    found = {m.person for m in out.mentions if m.text == text}
    assert len(found) == 1, (text, found)
    return found.pop()


def by_id(out: Extraction, pid: str):
    return next(p for p in out.people if p.id == pid)


def test_surface_forms_of_one_councillor_join():
    out = pack(
        members=[Member(name="Bull", title="Councillor", role="Chair", provenance=PROV)],
        minutes=[minutes(attendee("Bull", role="Chair", title="Councillor"), chair="COUNCILLOR GIDEON BULL")],
        actions=[Action(ref="1", lead="Councillor Gideon Bull", provenance=PROV)],
    )
    resolve(None, out)
    assert [p.id for p in out.people] == ["p-gideon-bull"]
    bull = out.people[0]
    assert (bull.name, bull.given, bull.surname, bull.honorific) == ("Gideon Bull", "Gideon", "Bull", "Councillor")
    assert set(bull.aliases) == {"Bull", "COUNCILLOR GIDEON BULL", "Councillor Gideon Bull"}
    assert {(r.role, r.date) for r in bull.roles} >= {("Chair", "2009-09-17"), ("Chair", None)}
    assert out.minutes[0].attendees[0].person_id == "p-gideon-bull"
    assert all(m.score is not None and m.evidence and m.provenance for m in out.mentions)


def test_conflicting_names_are_never_merged():
    out = pack(
        reports=[report({"name": "Peter Lewis", "role": "Director"}, {"name": "Mark Gwynne", "role": "Programme Manager"}),
                 report({"name": "Peter Lewis", "role": "Director"}, {"name": "Mark Gurrey", "role": "Assistant Director"})],
        co_optees=[CoOptee(name="Mr J Jones", provenance=PROV), CoOptee(name="Mr K Jones", provenance=PROV),
                   CoOptee(name="Mrs Cole", provenance=PROV), CoOptee(name="Mr Cole", provenance=PROV)],
    )
    resolve(None, out)
    ids = [p.id for p in out.people]
    assert {"p-mark-gwynne", "p-mark-gurrey", "p-j-jones", "p-k-jones"} <= set(ids)
    assert len(out.people) == 7  # Lewis, Gwynne, Gurrey, two Jones, two Cole
    assert len(set(ids)) == len(ids)
    assert {p.honorific for p in out.people if p.surname == "Cole"} == {"Mr", "Mrs"}


def test_surname_only_joins_a_full_name_only_when_unambiguous():
    out = pack(minutes=[minutes(
        attendee("Lorna Reith", "guest", title="Councillor"),
        attendee("Councillor Reith", "guest"),
        attendee("Emma Jones", "guest", title="Councillor"),
        attendee("Eleanor Jones", "officer"),
        attendee("Jones", "present"),
    )])
    resolve(None, out)
    assert person_of(out, "Councillor Reith") == person_of(out, "Councillor Lorna Reith") == "p-lorna-reith"
    assert person_of(out, "Jones") is None  # Emma or Eleanor: left unresolved
    unresolved = next(m for m in out.mentions if m.text == "Jones")
    assert "ambiguous" in unresolved.evidence[0]


def test_honorific_breaks_a_tie_between_a_councillor_and_an_officer():
    out = pack(minutes=[minutes(
        attendee("Emma Jones", "guest", title="Councillor"),
        attendee("Mr S Jones", "officer", role="Corporate Director"),
        attendee("Councillor Jones", "also_present"),
    )])
    resolve(None, out)
    link = next(m for m in out.mentions if m.text == "Councillor Jones")
    assert link.person == "p-emma-jones"
    assert link.score < 0.75 and any("honorific" in e for e in link.evidence)


def test_role_only_references_resolve_through_the_pack_statements():
    out = pack(
        reports=[report({"name": "Peter Lewis", "role": "Director of Children Services"}, {"name": "Mark Gwynne", "role": "Programme Manager"})],
        minutes=[minutes(attendee("Eleanor Brazil", "officer", role="Interim Deputy Director - Children and Families"),
                         attendee("Peter Lewis", "officer", role="Director of Children and Young People's Service (C&YPS)"))],
        glossary=[GlossaryEntry(term="C&YPS", expansion="Children & Young People's Service", provenance=PROV)],
        actions=[Action(ref="3.03", lead="DD C&F", provenance=PROV), Action(ref="1.01", lead="Director of C&YPS", provenance=PROV),
                 Action(ref="1.02", lead="Head of Service", provenance=PROV)],
    )
    resolve(None, out)
    assert person_of(out, "DD C&F") == "p-eleanor-brazil"
    assert person_of(out, "Director of C&YPS") == "p-peter-lewis"
    assert person_of(out, "Head of Service") is None
    assert "DD C&F" in by_id(out, "p-eleanor-brazil").aliases
    dd = next(m for m in out.mentions if m.text == "DD C&F")
    assert dd.context == "action_lead" and any("Interim Deputy Director" in e for e in dd.evidence)


def test_a_role_two_people_hold_stays_unresolved():
    out = pack(
        reports=[report({"name": "Ann Smith", "role": "Director of Finance"}), report({"name": "Bob Brown", "role": "Director of Finance"})],
        actions=[Action(ref="1", lead="Director of Finance", provenance=PROV)],
    )
    resolve(None, out)
    assert person_of(out, "Director of Finance") is None


def test_every_kind_of_mention_is_gathered():
    out = pack(
        meeting=Meeting(body="Cabinet", date="2025-01-30", clerk=Contact(name="Georgina Little", role="Democratic Services")),
        members=[Member(name="Mr R W Gough", role="Leader", provenance=PROV)],
        co_optees=[CoOptee(name="Ms H Kania", representing="LINK", provenance=PROV)],
        reports=[report({"name": "Roger Gough", "role": "Leader of the Council"}, {"name": "Report Author", "role": "Dave Shipton (Head of Finance Policy)"})],
        minutes=[minutes(attendee("Mr R Gough, Leader of the Council", "present"), attendee("Mr Smith", "substitute", substituting_for="Mr Jones"))],
        milestones=[Milestone(text="x", lead="Rachel Oakley / Julie Quinn", provenance=PROV)],
    )
    resolve(None, out)
    contexts = {m.context for m in out.mentions}
    assert contexts == {"clerk", "member", "co_optee", "report_of", "contact_officer", "attendee_present",
                        "attendee_substitute", "substituted", "milestone_lead"}
    assert person_of(out, "Roger Gough") == person_of(out, "Mr R W Gough") == person_of(out, "Mr R Gough, Leader of the Council")
    assert person_of(out, "Dave Shipton (Head of Finance Policy)") == "p-dave-shipton"
    assert {person_of(out, "Rachel Oakley"), person_of(out, "Julie Quinn")} == {"p-rachel-oakley", "p-julie-quinn"}
    assert "Head of Finance Policy" in [r.role for r in by_id(out, "p-dave-shipton").roles]


def test_output_is_deterministic():
    def build():
        out = pack(minutes=[minutes(attendee("Bull", title="Councillor"), attendee("Adamou", role="Vice-Chair"),
                                    attendee("Councillor Gideon Bull", "also_present"))])
        resolve(None, out)
        return to_json(out)

    assert build() == build()


def test_a_lone_given_name_joins_the_only_person_with_it():
    from scrutiny.models.records import MinuteAction, MinuteItem

    item = MinuteItem(ref="1", ref_normalised="1", provenance=PROV,
                      actions=[MinuteAction(text="Circulate the policy", who="Keith"), MinuteAction(text="Book a room", who="Sam")])
    out = pack(minutes=[Minutes(date="2020-02-03", provenance=PROV, items=[item],
                                attendees=[attendee("Keith Moore"), attendee("Sam Jones"), attendee("Sam Smith"), attendee("Allison", title="Councillor")])])
    resolve(None, out)
    assert person_of(out, "Keith") == "p-keith-moore"
    assert person_of(out, "Sam") not in {"p-sam-jones", "p-sam-smith"}  # two people called Sam
    assert any("given name" in e for m in out.mentions if m.text == "Keith" for e in m.evidence)
