"""Minutes: numbered items, attendance, resolutions, votes, declarations and actions.

Minutes are taken from the documents segmentation marked as minutes, or found by structure when
there are none (a "MINUTES of ..." heading, a run of minute refs, attendance headings), so a file
that holds nothing but minutes works too.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from scrutiny.extractor import names
from scrutiny.extractor.context import Context, provenance
from scrutiny.extractor.minutes import attendance, decisions, items as itemsmod, stream
from scrutiny.extractor.minutes.decisions import OPENER
from scrutiny.extractor.minutes.header import Header, read_header
from scrutiny.extractor.pages import Page
from scrutiny.models.records import (
    Attendee, Declaration, DocumentKind, Extraction, MinuteAction, MinuteItem, Minutes, Resolution, Vote,
)

EXTRACTOR = "minutes"
MINUTES_HEADING = re.compile(r"^\W*(?:(?:draft|unconfirmed|confirmed|printed)\s+)?minutes\s+(?:of|for)\b", re.I)


def extract(ctx: Context, out: Extraction, *, spacy_model: Optional[str] = None) -> None:
    """Fill ``out.minutes`` with one record per set of minutes found."""
    found = locate(ctx, out)
    if not found:
        return
    from scrutiny.extractor import nlp  # spaCy is loaded only for a pack that holds minutes

    pipeline = nlp.pipeline(spacy_model)
    for doc_id, pages in found:
        unnamed = _unnamed(out, pages) if doc_id is None else []
        record = read_minutes(pages, pipeline, document=unnamed[0].id if unnamed else doc_id)
        if record is not None:
            out.minutes.append(record)
            for doc in unnamed:  # a file of minutes is minutes, whatever its headings say
                doc.kind = DocumentKind.minutes


def locate(ctx: Context, out: Extraction) -> list[tuple[Optional[str], list[Page]]]:
    """(document id, pages) of each set of minutes."""
    found = []
    for doc in out.documents:
        if doc.kind == "minutes":
            first, last = doc.pages
            found.append((doc.id, [p for p in ctx.source.pages[first - 1 : last] if not p.blank]))
    if found:
        return found
    # pages that segmentation read as something else (an agenda, a report, a table) are not searched
    claimed = {n for doc in out.documents if doc.kind not in ("other", "blank") for n in range(doc.pages[0], doc.pages[1] + 1)}
    free = [p for p in ctx.source.pages if p.index not in claimed]
    return [(None, pages) for pages in find_by_structure(free)]


def _unnamed(out: Extraction, pages: list[Page]) -> list:
    """The documents segmentation could not name that minutes found by their structure make up."""
    on = {p.index for p in pages}
    return [d for d in out.documents if d.kind == DocumentKind.other and any(d.pages[0] <= n <= d.pages[1] for n in on)]


def find_by_structure(pages: list[Page]) -> list[list[Page]]:
    """Runs of pages that hold minutes: from a page whose opening carries a minutes heading, through
    the pages that share its running header; or the whole file when it has minute refs and an
    attendance heading but no such heading."""
    starts = [i for i, p in enumerate(pages) if _minutes_start(p)]
    runs = []
    for n, i in enumerate(starts):
        limit = starts[n + 1] if n + 1 < len(starts) else len(pages)
        runs.append(_extend(pages, i, limit))
    if runs:
        return runs
    content = [p for p in pages if not p.blank]
    rows = stream.build(content)
    # numbered paragraphs alone make a report as well: minutes also say who attended or what was decided
    said = any(_attendance_label(r) for r in rows[:80]) or any(OPENER.search(r.text) for r in rows)
    if said and len(itemsmod.find_refs(rows)) >= 2:
        return [content]
    if len(_procedure(rows)) >= 3:  # a record of business done, told in prose without refs or headings
        return [content]
    return []


def _attendance_label(row) -> bool:
    """A row that labels who attended: "Present", "Apologies:" or a label with a colon before the
    names ("Staff: J Smith"), not a sentence that opens with such a word ("Staff moving between
    directorates ...", "Members of the public may address the Council")."""
    text = row.text
    found = attendance.heading(text)
    if not found:
        return False
    category, _, rest = found
    if not rest:
        return category in ("present", "apologies", "absent")
    if attendance.heading(rest):
        return True  # labels side by side over two columns of names ("Attendees   Apologies")
    cell = attendance.heading(row.line.first_cell())
    if cell and not cell[2]:
        return True  # the label cell of a cover table ("Attendees  |  Directors, Members and Staff")
    return re.match(r"^[^:–]{1,40}[:–]", text) is not None and not re.search(r"[.?]$", rest)


# What only a record of a meeting says, in the past tense: an agenda says "Call to order" and
# "Adjournment", minutes say the meeting "was called to order" and "adjourned at 7:29 PM"
_PROCEDURE = {
    "opened": re.compile(r"\b(?:was|were)\s+called\s+to\s+order\b|\bcalled\s+the\s+meeting\s+to\s+order\b"
                         r"|\bmeeting\s+(?:was\s+)?(?:opened|commenced|began)\b|\bséance\s+(?:est\s+)?ouverte\b", re.I),
    "moved": re.compile(r"\bmade\s+a\s+motion\b|\b(?:moved|proposed)\s+by\b|\bmoved\s+(?:that|to)\b"
                        r"|\bproposé\s+par\b", re.I),
    "seconded": re.compile(r"\bseconded\b|\bappuyé\b", re.I),
    "decided": re.compile(r"\bmotion\s+(?:was\s+)?(?:carried|passe[sd]|failed|approved|adopted|defeated)\b"
                          r"|\ball\s+(?:were\s+|present\s+were\s+)?in\s+favou?r\b|\bcarried\s+unanimously\b", re.I),
    "closed": re.compile(r"\b(?:meeting|session)\s+(?:was\s+)?(?:adjourned|closed|ended)\b|\badjourned\s+at\b"
                         r"|\bséance\s+(?:est\s+)?levée\b", re.I),
}


def _procedure(rows) -> set[str]:
    """The kinds of procedural record the rows hold."""
    return {kind for r in rows for kind, pattern in _PROCEDURE.items() if pattern.search(r.text)}


def _minutes_start(page: Page) -> bool:
    texts = [stream.clean_text(ln.text) for ln in page.lines[:8]]
    return any(MINUTES_HEADING.match(t) and not re.search(r"\(pages?\s+\d", t, re.I) for t in texts if t)


def _extend(pages: list[Page], i: int, limit: int) -> list[Page]:
    """The start page and the following pages up to ``limit``; when the start page's first line
    recurs as a running header, only the pages that carry it (and the page right after the last
    one, which may hold the signature)."""
    first = _top_key(pages[i])
    run = [pages[i]]
    carrying = [j for j in range(i + 1, limit) if _top_key(pages[j]) == first]
    if carrying:
        last = carrying[-1]
        return run + [p for p in pages[i + 1 : last + 1] if not p.blank]
    return run + [p for p in pages[i + 1 : limit] if not p.blank]


def _top_key(page: Page) -> str:
    for ln in page.lines[:3]:
        text = stream.clean_text(ln.text)
        if text and not stream.is_furniture(ln.text):
            return re.sub(r"\d+", "#", text.lower())
    return ""


# --------------------------------------------------------------------------- one set of minutes


def read_minutes(pages: list[Page], pipeline, *, document: Optional[str] = None) -> Optional[Minutes]:
    """The Minutes record for the minutes on ``pages``."""
    rows = stream.build(pages)
    if not rows:
        return None
    found = itemsmod.split(rows)
    lone = None if found else itemsmod.unheaded(rows, attendance.lists_end(rows))
    found = found or ([lone] if lone else [])
    first_item = found[0].start if found else len(rows)
    # minutes that head nothing are read for their particulars throughout, as before any heading
    head = read_header(rows[: max(first_item, 1)] if lone is None else rows, rows)
    if lone is not None and not lone.title:
        lone.title = head.body  # minutes of one unheaded item: their business is the meeting's
    people = _attendees(rows, found, first_item, pipeline, head.date)
    formal = decisions.is_formal(" ".join(r.text for r in rows[first_item:]))
    items = [_item(it, rows, pipeline, document, formal) for it in found]
    _attach_action_table(items, rows)
    _votes_on_lists(items)
    if not items and not people and head.date is None:
        return None  # nothing of a meeting's record: no items, no attendance, no date
    return Minutes(
        document=document,
        body=head.body,
        date=head.date,
        venue=head.venue,
        started_at=head.started_at,
        ended_at=head.ended_at,
        chair_signature=head.chair_signature,
        attendees=[_attendee(p, document) for p in people],
        items=items,
        provenance=provenance(pages[0], [r.line for r in rows[: max(1, min(first_item, 6))] if r.page is pages[0]],
                              extractor=EXTRACTOR, document=document),
    )


def _attendees(rows, found, first_item: int, pipeline, date: Optional[str]) -> list[attendance.Person]:
    header_rows = rows[: attendance.header_end(rows, first_item)]
    listed = attendance.from_header(header_rows) + attendance.from_grid(header_rows, date)
    for it in found[:3] if not listed else []:  # attendance taken as an item ("1. ROLL CALL  Present: ...")
        if it.title and _ROLL_CALL.search(it.title):
            body_rows = [rows[k] for k in it.body_rows]
            listed += [p for p in attendance.from_header(body_rows) if not any(
                attendance.same_person(p, q) for q in listed)]
    listed += [p for p in attendance.from_items([(it.title, [rows[k] for k in it.body_rows]) for it in found[:6]])
               if not any(attendance.same_person(p, q) for q in listed)]  # "46. APOLOGIES FOR ABSENCE" / a list
    chair = next((p for p in listed if attendance.is_chair(p.role) and p.category == "present"), None)
    listed = _fold_chair(listed, chair)
    texts = []
    for it in found:
        body, offsets = _join(itemsmod.body_text(it, rows))
        if body:
            texts.append((body.replace("\n", " "), offsets[0][1]))
    apologies, pairs, virtual = attendance.from_sentences(texts)
    pairs += attendance.substitute_lines(header_rows)
    body_people = attendance.from_body(texts, pipeline)
    people = attendance.merge(listed, apologies, pairs, virtual, body_people)
    return attendance.sent_apologies(people, _apologies_item(found, rows))


_APOLOGIES_TITLE = re.compile(r"^\W*apologies(?:\s+for\s+absence)?\W*$", re.I)


def _apologies_item(found, rows) -> list[attendance.Person]:
    """The names an "Apologies" item lists (its body a bare list of names), as apologies."""
    for it in found[:4]:
        if it.title and _APOLOGIES_TITLE.match(it.title):
            body = [rows[k] for k in it.body_rows]
            text = " ".join(r.text for r in body).strip()
            if text and len(text.split()) <= 40 and all(attendance.looks_like_name(c) for c in attendance.split_names(text)):
                return attendance.parse_list(text, "apologies", body)
    return []


_ROLL_CALL = re.compile(r"\b(?:roll\s+call|attendance|present|apologies|welcome|quorum)\b", re.I)


def _fold_chair(listed: list[attendance.Person], chair) -> list[attendance.Person]:
    """A "Chaired by X" line gives the role Chair to X listed elsewhere (an attendance grid)."""
    if chair is None:
        return listed
    out = []
    for p in listed:
        if p is not chair and attendance.same_person(p, chair) and p.category == "present":
            p.role = chair.role
            chair.name = ""
        out.append(p)
    return [p for p in out if p.name]


def _attendee(p: attendance.Person, document: Optional[str]) -> Attendee:
    rows = p.rows or []
    page = rows[0].page if rows else None
    prov = provenance(page, [r.line for r in rows if r.page is page], extractor=EXTRACTOR + ".attendance", document=document) if page else None
    return Attendee(
        name=p.name, category=p.category, role=p.role, title=p.title, substituting_for=p.substituting_for,
        provenance=prov,
    )


def _item(it: itemsmod.Item, rows, pipeline, document: Optional[str], formal: bool = True) -> MinuteItem:
    head = rows[it.start]
    parts = itemsmod.body_text(it, rows)
    body, offsets = _join(parts)
    res = decisions.resolutions(body, pipeline) if formal else decisions.outcomes(body, pipeline)
    if formal and not res and not decisions.is_formal(body):
        res = decisions.outcomes(body, pipeline)  # an item decided in a sentence where others have formal openers
    labelled, spans = decisions.labelled_outcomes(parts, offsets, pipeline)
    if spans:
        res = sorted([r for r in res if not any(a <= r.start < b for a, b in spans)] + labelled, key=lambda r: r.start)
    res = decisions.with_counted_labels(decisions.with_motions(decisions.with_vote_blocks(res, body), body, it.title), body)
    res = decisions.with_notices(res, body)
    res = decisions.with_carried_proposals(res, body)
    resolutions = [
        Resolution(text=decisions.unframed(r.text), number=r.number, noted=r.noted, provenance=_prov(r.start, offsets, document, "resolution"))
        for r in res
    ]
    actions = [
        MinuteAction(text=text, who=who, provenance=_prov(off, offsets, document, "action"))
        for text, who, off in decisions.actions(body, pipeline)
    ]
    actions += _action_column(it, rows, document)
    votes = [
        Vote(
            proposer=v.proposer, seconder=v.seconder, for_count=v.counts.get("for"),
            against_count=v.counts.get("against"), abstain_count=v.counts.get("abstain"),
            for_names=v.names.get("for", []), against_names=v.names.get("against", []),
            abstain_names=v.names.get("abstain", []), result=v.result,
            provenance=_prov(v.start, offsets, document, "vote"),
        )
        for v in decisions.votes(body)
    ]
    declarations = [
        Declaration(member=m, item=i, interest=s, provenance=_prov(off, offsets, document, "declaration"))
        for m, i, s, off in decisions.declarations(body, pipeline)
    ]
    noted = any(r.noted for r in resolutions) or decisions.body_noted(body, pipeline)
    item_rows = [rows[k] for k in [it.start, *it.title_rows, *it.body_rows] if rows[k].page is head.page]
    ref = it.ref
    return MinuteItem(
        ref=ref,
        ref_normalised=itemsmod.normalise_ref(ref) if ref else None,
        title=it.title,
        agenda_item=it.agenda_item,
        body=body or None,
        resolutions=resolutions,
        noted=noted,
        actions=actions,
        votes=votes,
        declarations=declarations,
        provenance=provenance(head.page, [r.line for r in item_rows], extractor=EXTRACTOR + ".item", document=document),
    )


def _join(parts: list[tuple[str, "stream.Row"]]) -> tuple[str, list[tuple[int, "stream.Row"]]]:
    """Join body texts into one string; offsets map positions back to rows."""
    text, offsets = "", []
    previous = None
    edge = _right_edge([row for _, row in parts])
    for t, row in parts:
        if row.bullet:
            t = re.sub(r"^o\s+", "", t)
        if text:
            if row.emphasis or (previous is not None and previous.emphasis):
                text += "\n\n"  # a marked-up heading stands apart from the text around it
            else:
                text += "\n" if row.bullet or _para_break(text, t) or _ends_short(previous, t, edge) else " "
        offsets.append((len(text), row))
        text += t
        previous = row
    return text, offsets


def _right_edge(rows: list["stream.Row"]) -> Optional[tuple[float, float]]:
    """The left and right edges of the text the rows fill (the most common of each), or None
    when they have no boxes."""
    boxes = [r.line.box for r in rows if r.line.box]
    if len(boxes) < 3:
        return None
    lefts = Counter(round(b[0] / 4) for b in boxes).most_common(1)[0][0] * 4
    return lefts, max(b[2] for b in boxes)


def _ends_short(previous: Optional["stream.Row"], after: str, edge: Optional[tuple[float, float]]) -> bool:
    """The row before ends well short of the text's right edge and the next opens with a capital:
    a line of its own (a name in a list, an entry), not a sentence wrapped to the next line."""
    if previous is None or edge is None or not previous.line.box or not after[:1].isupper():
        return False
    left, right = edge
    return previous.line.box[2] < right - 0.4 * (right - left)


def _para_break(before: str, after: str) -> bool:
    return before.rstrip().endswith((".", ":", "”", '"')) and after[:1].isupper() and not names.ends_in_initials(before)


def _prov(offset: int, offsets, document: Optional[str], kind: str):
    row = None
    for start, r in offsets:
        if start <= offset:
            row = r
    if row is None:
        return None
    return provenance(row.page, [row.line], extractor=f"{EXTRACTOR}.{kind}", document=document)


def _action_column(it: itemsmod.Item, rows, document: Optional[str]) -> list[MinuteAction]:
    """Owners printed in a grid's Action column, with the text beside them. An owner cell wrapped
    over two lines ("Keith" / "Moore/Clerk", "Clerk to place" / "on website") is joined."""
    out: list[MinuteAction] = []
    last = None
    for k in it.body_rows:
        row = rows[k]
        who = row.columns.get("action") if row.columns else None
        if not who or who.lower() in {"none", "n/a", "-"}:
            last = None
            continue
        text = row.columns.get("body") or who
        if out and last == k - 1 and _owner_continues(out[-1].who, who):
            out[-1].who = f"{out[-1].who} {who}"
            out[-1].text = f"{out[-1].text} {text}" if text != who else out[-1].text
        else:
            out.append(MinuteAction(text=text, who=who, provenance=provenance(row.page, [row.line], extractor=EXTRACTOR + ".action", document=document)))
        last = k
    return out


def _owner_continues(before: str, after: str) -> bool:
    """``after`` carries on an owner cell: it opens in lower case, or ``before`` ends with a lone
    given name and ``after`` opens with a lone surname ("Keith Moore/Kay" / "Dicken")."""
    if after[:1].islower():
        return True
    tail = re.split(r"\s*/\s*", before)[-1].split()
    head = re.split(r"\s*/\s*", after)[0].split()
    return (len(tail) == 1 and len(head) == 1 and names.is_given_name(tail[0]) and head[0][:1].isupper()
            and head[0].lower() not in names.ROLE_WORDS)


def _votes_on_lists(items: list[MinuteItem]) -> None:
    """A vote printed under the last of several sub-items ("4.1", "4.2") that each put a recommended
    action, when none of the others nor their parent has one and no motion is worded before it, is
    the vote on the parent's list (a consent calendar voted in one go): it moves to the parent, and when it carried each other
    sub-item's recommended action is what it resolved."""
    for k, parent in enumerate(items):
        key = parent.ref_normalised
        if not key or parent.votes:
            continue
        children = []
        for child in items[k + 1:]:
            rest = (child.ref_normalised or "")[len(key):]
            if not (child.ref_normalised or "").startswith(key) or rest[:1] not in {".", "(", "-", "/"}:
                break
            children.append(child)
        if len(children) < 2 or any(c.votes for c in children[:-1]) or len(children[-1].votes) != 1:
            continue
        last = children[-1]
        if decisions.motions(last.body or "") or not all(decisions.recommendation(c.body) for c in children):
            continue  # a motion of the last sub-item's own, or sub-items that are not a list of recommended actions
        parent.votes, last.votes = last.votes, []
        if parent.votes[0].result != "carried":
            continue
        for child in children[:-1]:
            found = None if child.resolutions else decisions.recommendation(child.body)
            if found:
                prov = child.provenance.model_copy(update={"extractor": EXTRACTOR + ".resolution"}) if child.provenance else None
                child.resolutions.append(Resolution(text=found.text, noted=found.noted, provenance=prov))


_ACTION_TABLE_ROW = re.compile(r"^(?P<ref>\d{1,3}[a-z]?/\d{2,4})\s+(?P<text>.+)$")


def _attach_action_table(items: list[MinuteItem], rows) -> None:
    """An "ACTIONS TO BE TAKEN" table (ref, action, by whom, by when) adds actions to its items."""
    start = next((k for k, r in enumerate(rows) if re.match(r"^actions?\s+(?:to\s+be\s+taken|list|arising)\b", r.text, re.I)), None)
    if start is None:
        return
    by_ref = {}
    for item in items:
        if item.ref_normalised:
            by_ref[re.sub(r"^[A-Z]+", "", item.ref_normalised)] = item
    for row in rows[start + 1 :]:
        m = _ACTION_TABLE_ROW.match(row.text)
        if not m:
            if re.match(r"^(?:[A-Z]{2,8}\s?)?\d{1,3}/\d{2,4}\b", row.text) and not m:
                continue
            continue
        key = re.sub(r"[a-z]", "", m.group("ref").upper())
        item = by_ref.get(key)
        if item is None:
            continue
        text = re.sub(r"\s+(?:asap|\d{1,2}/\d{1,2}/\d{2,4})$", "", m.group("text")).strip()
        item.actions.insert(0, MinuteAction(text=text, who=None, provenance=provenance(row.page, [row.line], extractor=EXTRACTOR + ".action_table")))
