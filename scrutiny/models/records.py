"""The normalised JSON contract: typed records for everything Scrutiny extracts from a pack.

Every record carries :class:`Provenance` so a reader can check it against the page. Field names
follow the gold format (``../shared/gold/README.md``) wherever one exists, so an extraction can be
scored against a gold file without renaming.
"""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Record(BaseModel):
    """Base of every record: forbids unknown fields so the schema is the whole contract."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


ID_DESCRIPTION = ("Stable id within the pack, derived from the record's content and position "
                  "(the same input gives the same id): '<kind>-<10 hex digits>'.")
PERSON_ID = "Id of the Person (in 'people') this name resolves to; null when unresolved."


class Identified(Record):
    """Base of every record that stands on its own in a table: carries a stable ``id``."""

    id: Optional[str] = Field(None, description=ID_DESCRIPTION)


class Provenance(Record):
    """Where a record came from: enough to find it on the page."""

    document: Optional[str] = Field(None, description="Id of the Document the record lies in.")
    page: Optional[int] = Field(None, description="1-based page index in the source file.")
    printed_page: Optional[int] = Field(None, description="The pack's own page number printed on that page, if any.")
    bbox: Optional[list[float]] = Field(
        None, description="[x0, top, x1, bottom] in PDF points from the page's top-left; PDF sources only."
    )
    lines: Optional[list[int]] = Field(None, description="[first, last] 1-based line numbers; text sources only.")
    extractor: str = Field(..., description="Name of the extractor that produced the record.")
    ocr_confidence: Optional[float] = Field(
        None, description="Set when the page was read by OCR: the page's mean word confidence, 0-100."
    )


class Flag(Identified):
    """A data-quality observation: something inconsistent or unreadable, recorded instead of raised."""

    code: str = Field(..., description="Stable machine-readable code, e.g. 'agenda-page-mismatch'.")
    message: str = Field(..., description="One human-readable sentence.")
    severity: str = Field("warning", description="info, warning or error.")
    provenance: Optional[Provenance] = None


class DocumentKind(str, Enum):
    agenda = "agenda"
    minutes = "minutes"
    report = "report"
    appendix = "appendix"
    action_plan = "action_plan"
    exception_report = "exception_report"
    indicator_report = "indicator_report"
    glossary = "glossary"
    blank = "blank"
    other = "other"


class Document(Record):
    """One document of the pack (agenda, minutes, a report, an appendix ...) and the pages it spans."""

    id: str = Field(..., description="Stable id within the pack, e.g. 'd03'.")
    kind: DocumentKind
    title: Optional[str] = None
    pages: list[int] = Field(..., description="[first, last] 1-based page indices in the source file.")
    printed_pages: Optional[list[int]] = Field(None, description="[first, last] pack page numbers printed on them.")
    agenda_item: Optional[str] = Field(None, description="Number of the agenda item the document belongs to.")
    parent: Optional[str] = Field(None, description="Id of the report an appendix belongs to.")
    provenance: Provenance


class Contact(Record):
    name: Optional[str] = None
    person_id: Optional[str] = Field(None, description=PERSON_ID)
    role: Optional[str] = None
    phone: Optional[str] = None
    email: Optional[str] = None


class Meeting(Identified):
    """The meeting a pack was published for (from the agenda front sheet)."""

    body: Optional[str] = None
    date: Optional[str] = Field(None, description="ISO date yyyy-mm-dd.")
    time: Optional[str] = Field(None, description="HH:MM, 24-hour.")
    venue: Optional[str] = None
    clerk: Optional[Contact] = None
    published: Optional[str] = Field(None, description="ISO date the agenda was issued.")
    provenance: Optional[Provenance] = None


class Member(Identified):
    """A member of the committee as listed on the agenda."""

    name: str
    title: Optional[str] = Field(None, description="Councillor, Mr, Mrs, Ms, Dr ...")
    role: Optional[str] = Field(None, description="Chair, Vice-Chair, ...")
    party: Optional[str] = None
    person_id: Optional[str] = Field(None, description=PERSON_ID)
    provenance: Provenance


class CoOptee(Identified):
    name: str
    representing: Optional[str] = None
    person_id: Optional[str] = Field(None, description=PERSON_ID)
    provenance: Provenance


class AgendaItem(Identified):
    number: Optional[str] = Field(None, description="Item number as printed, without trailing dot; null where the agenda prints its business without numbers.")
    title: str
    pages: Optional[list[int]] = Field(None, description="[first, last] pack page numbers the agenda cites.")
    summary: Optional[str] = None
    summary_first_words: Optional[str] = None
    documents: list[str] = Field(default_factory=list, description="Ids of documents linked to this item.")
    provenance: Provenance


class Officer(Record):
    name: Optional[str] = None
    role: Optional[str] = None
    person_id: Optional[str] = Field(None, description=PERSON_ID + " The first person when the name gives several.")


class Recommendation(Identified):
    number: Optional[str] = None
    text: str
    provenance: Optional[Provenance] = None


class Report(Identified):
    """An officer report's cover sheet."""

    title: str
    document: Optional[str] = None
    meeting: Optional[str] = Field(None, description="The meeting or body the report is addressed to.")
    meeting_date: Optional[str] = None
    agenda_item: Optional[str] = None
    report_of: Optional[Officer] = None
    report_of_others: list[Officer] = Field(default_factory=list, description="Further names in a joint 'From:'.")
    contact_officer: Optional[Officer] = None
    wards: Optional[str] = None
    decision_type: Optional[str] = None
    decision_no: Optional[str] = None
    classification: Optional[str] = None
    recommendations: list[Recommendation] = Field(default_factory=list)
    provenance: Provenance


class AttendeeCategory(str, Enum):
    present = "present"
    apologies = "apologies"
    substitute = "substitute"
    also_present = "also_present"
    in_attendance = "in_attendance"
    in_attendance_virtually = "in_attendance_virtually"
    officer = "officer"
    guest = "guest"
    absent = "absent"


class Attendee(Identified):
    name: str
    category: AttendeeCategory
    role: Optional[str] = None
    title: Optional[str] = None
    substituting_for: Optional[str] = None
    person_id: Optional[str] = Field(None, description=PERSON_ID)
    provenance: Provenance


class Vote(Identified):
    motion: Optional[str] = None
    proposer: Optional[str] = None
    seconder: Optional[str] = None
    for_count: Optional[int] = None
    against_count: Optional[int] = None
    abstain_count: Optional[int] = None
    for_names: list[str] = Field(default_factory=list)
    against_names: list[str] = Field(default_factory=list)
    abstain_names: list[str] = Field(default_factory=list)
    proposer_person_id: Optional[str] = Field(None, description=PERSON_ID)
    seconder_person_id: Optional[str] = Field(None, description=PERSON_ID)
    for_person_ids: list[Optional[str]] = Field(default_factory=list, description="Person ids of for_names, one per name (null when unresolved).")
    against_person_ids: list[Optional[str]] = Field(default_factory=list, description="Person ids of against_names, one per name.")
    abstain_person_ids: list[Optional[str]] = Field(default_factory=list, description="Person ids of abstain_names, one per name.")
    result: Optional[str] = Field(None, description="carried, lost, or as printed.")
    provenance: Optional[Provenance] = None


class Resolution(Identified):
    text: str
    number: Optional[str] = Field(None, description="Sub-resolution label, e.g. 'a'.")
    noted: bool = False
    provenance: Optional[Provenance] = None


class Declaration(Identified):
    member: str
    item: Optional[str] = None
    interest: Optional[str] = None
    person_id: Optional[str] = Field(None, description=PERSON_ID)
    provenance: Optional[Provenance] = None


class MinuteAction(Identified):
    text: str
    who: Optional[str] = None
    who_person_id: Optional[str] = Field(None, description=PERSON_ID + " The first person when 'who' names several.")
    provenance: Optional[Provenance] = None


class MinuteItem(Identified):
    ref: Optional[str] = Field(None, description="Ref exactly as printed, e.g. 'OSCO07.'; null when the minutes print none.")
    ref_normalised: Optional[str] = Field(None, description="Upper-case, no trailing dot: 'OSCO07'.")
    title: Optional[str] = None
    agenda_item: Optional[str] = None
    body: Optional[str] = None
    resolutions: list[Resolution] = Field(default_factory=list)
    noted: bool = False
    actions: list[MinuteAction] = Field(default_factory=list)
    votes: list[Vote] = Field(default_factory=list)
    declarations: list[Declaration] = Field(default_factory=list)
    provenance: Provenance


class Minutes(Identified):
    """The minutes of one meeting found in the pack."""

    document: Optional[str] = None
    body: Optional[str] = None
    date: Optional[str] = None
    venue: Optional[str] = None
    started_at: Optional[str] = None
    ended_at: Optional[str] = None
    chair_signature: Optional[str] = None
    attendees: list[Attendee] = Field(default_factory=list)
    items: list[MinuteItem] = Field(default_factory=list)
    provenance: Provenance


class MilestoneStatus(str, Enum):
    completed = "completed"
    on_track = "on_track"
    not_on_track = "not_on_track"
    not_achieved = "not_achieved"
    not_started = "not_started"
    unknown = "unknown"


class Action(Identified):
    ref: Optional[str] = None
    ref_printed: Optional[str] = None
    title: Optional[str] = None
    lead: Optional[str] = None
    lead_person_id: Optional[str] = Field(None, description=PERSON_ID + " The first person when the lead names several.")
    theme: Optional[str] = None
    plan: Optional[str] = Field(None, description="The strategy, plan or means printed beside the action.")
    due: Optional[str] = Field(None, description="Deadline (ISO date or yyyy-mm) in an action log.")
    status: Optional[str] = Field(None, description="Status as printed in an action log.")
    progress_note: Optional[str] = None
    provenance: Provenance


class Risk(Identified):
    """One row of a risk register or risk assessment."""

    ref: Optional[str] = None
    title: Optional[str] = Field(None, description="The risk as printed.")
    theme: Optional[str] = Field(None, description="Its area, topic or category.")
    controls: Optional[str] = Field(None, description="How it is managed (controls, mitigation).")
    rating: Optional[str] = Field(None, description="The printed level (H / M / L, a score).")
    lead: Optional[str] = Field(None, description="Who is responsible.")
    provenance: Provenance


class Milestone(Identified):
    action_ref: Optional[str] = None
    text: str
    planned_start: Optional[str] = None
    due: Optional[str] = None
    status: MilestoneStatus = MilestoneStatus.unknown
    status_printed: Optional[str] = Field(None, description="The signal(s) the status was read from, as printed.")
    progress_note: Optional[str] = None
    lead: Optional[str] = None
    lead_person_id: Optional[str] = Field(None, description=PERSON_ID + " The first person when the lead names several.")
    provenance: Provenance


class MilestoneException(Identified):
    action_ref: Optional[str] = None
    milestone: Optional[str] = None
    reason: Optional[str] = None
    actions_to_achieve: Optional[str] = None
    support_required: Optional[str] = None
    revised_completion: Optional[str] = None
    revised_completion_printed: Optional[str] = None
    other_milestones_impacted: Optional[str] = None
    milestone_index: Optional[int] = Field(None, description="Index of the linked record in 'milestones'.")
    provenance: Provenance


class Quantity(Record):
    value: Optional[float] = None
    unit: Optional[str] = None
    printed: str


class PeriodValue(Identified):
    label: str = Field(..., description="Column heading as printed: '2008/09', 'Aug09', 'Latest'.")
    period: Optional[str] = Field(None, description="Normalised: '2009-08', '2008/09', or null when relative.")
    value: Optional[float] = None
    unit: Optional[str] = None
    printed: Optional[str] = None


class Indicator(Identified):
    code: Optional[str] = Field(None, description="The code printed beside the indicator (NI 59, PI-12), or null when none is.")
    group: Optional[str] = None
    description: Optional[str] = None
    periods: list[PeriodValue] = Field(default_factory=list)
    value: Optional[Quantity] = Field(None, description="The current (latest) value.")
    trend: Optional[str] = Field(None, description="better, worse, same or null.")
    trend_printed: Optional[str] = None
    status: Optional[str] = None
    status_printed: Optional[str] = None
    target: Optional[Quantity] = None
    floor: Optional[Quantity] = None
    commentary: Optional[str] = None
    provenance: Provenance


class GlossaryEntry(Identified):
    term: str
    expansion: str
    provenance: Provenance


class Table(Identified):
    """Any table as a plain grid, so nothing on the page is lost."""

    kind: str = Field("grid", description="What the interpreter recognised it as, or 'grid'.")
    rows: list[list[Optional[str]]]
    pages: list[int]
    bbox: Optional[list[float]] = Field(None, description="Where the recovered grid lies on its first page (PDF points, x0, top, x1, bottom).")
    strategy: Optional[str] = Field(None, description="The recovery that found it: ruled, cells, stream, pairs, text.")
    provenance: Provenance


class Mention(Identified):
    text: str
    context: str = Field(..., description="attendee, member, action_lead, milestone_lead, report_of, ...")
    person: Optional[str] = None
    score: Optional[float] = None
    evidence: list[str] = Field(default_factory=list)
    provenance: Optional[Provenance] = None


class PersonRole(Record):
    role: str
    meeting: Optional[str] = None
    date: Optional[str] = None


class Person(Record):
    id: str
    name: str
    honorific: Optional[str] = None
    given: Optional[str] = None
    surname: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    roles: list[PersonRole] = Field(default_factory=list)


class Pack(Record):
    source: str = Field(..., description="File name of the input.")
    sha256: str
    format: str = Field(..., description="pdf or text.")
    page_count: int
    schema_version: str = SCHEMA_VERSION
    extractor_version: str
    extractor_build: Optional[str] = Field(None, description="Digest of the extractor code that made this output.")


class Extraction(Record):
    """The whole normalised output for one pack."""

    pack: Pack
    status: str = Field("success", description="success, partial_success or failure.")
    documents: list[Document] = Field(default_factory=list)
    meeting: Optional[Meeting] = None
    members: list[Member] = Field(default_factory=list)
    co_optees: list[CoOptee] = Field(default_factory=list)
    agenda_items: list[AgendaItem] = Field(default_factory=list)
    reports: list[Report] = Field(default_factory=list)
    minutes: list[Minutes] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    exceptions: list[MilestoneException] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
