"""What a minute decided: resolutions (one per sub-resolution), "noted" decisions, recorded votes,
declarations of interest and actions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from scrutiny.extractor import names

OPENER = re.compile(
    r"(?:(?<=^)|(?<=[\s.:;”\"]))(?P<opener>(?:And\s+)?RESOLVED|(?:And\s+|It\s+was\s+)?Resolved(?=\s*[:\-–]|\s+that\b|\s+That\b|\s*$)|"
    r"Seconded\s+by\s+[^;“\"]{3,60};\s*(?=[“\"]That)|"
    # Irish minutes: "Molta ag ...; Cuidithe ón ...; Agus an Cinneadh: “That ...”" (And Resolved)
    r"(?:Agus\s+an\s+)?Cinneadh(?=\s*[:\-–])|"
    r"[Ii]t\s+was\s+(?:unanimously\s+)?agreed(?:\s+that)?(?=\s)|AGREED(?=\s*[:\-–]|\s+[Tt]hat\b|\s*$)|DECISION(?=\s*:)|DECIDED(?=\s*[:\-–]|\s+[Tt]hat\b)|"
    r"(?:IL\s+EST\s+|Il\s+est\s+)?(?:R[ÉE]SOLU|r[ée]solu)(?:\s+(?:[ÀA]|à)\s+L[’'](?:UNANIMIT[ÉE]|unanimit[ée]))?(?=\s*[:\-–]|\s+(?:QUE|que|DE|de|D[’']|d[’'])|\s*$))"
    r"\s*[:\-–]?\s*",
)
SUB_LABEL = re.compile(r"(?:(?<=^)|(?<=[\s:;.]))(?P<label>\(?(?:[a-zA-Z]|[ivx]{1,4}|\d{1,2})\))\s+(?=\S)")
NOTED = re.compile(r"\b(?:be\s+)?not(?:e|ed|es|ing)\b", re.I)
BODY_NOTED = re.compile(
    r"^(?:The|This)\s+(?:\w+\s+){0,3}?(?:Committee|Panel|Cabinet|Board|Council|Sub-Committee|Members|Governors|Forum|Group)\s+"
    r"(?:received\s+and\s+)?not(?:ed|es)\s+(?!that\b)(?:the|this)\b",
    re.I,
)
_CONTINUES = re.compile(r"^(?:\(?(?:[a-h]|[ivx]{1,4}|\d{1,2})\)|That\b|that\b|and\s+that\b|[“\"])")


@dataclass
class Found:
    text: str
    number: Optional[str] = None
    noted: bool = False
    start: int = 0  # char offset in the item body


def sentences(text: str, pipeline) -> list[tuple[int, str]]:
    """(offset, sentence) pairs from the spaCy sentencizer, parted again at line breaks (a new
    paragraph or bulleted point is a new sentence, stops or not)."""
    out = []
    for s in pipeline(text).sents:
        for part in re.finditer(r"[^\n]+", s.text):
            if part.group(0).strip():
                lead = len(part.group(0)) - len(part.group(0).lstrip())
                out.append((s.start_char + part.start() + lead, part.group(0).strip()))
    return out


def resolutions(text: str, pipeline) -> list[Found]:
    """Resolutions in an item's body, one per sub-resolution."""
    out: list[Found] = []
    matches = [m for m in OPENER.finditer(text) if not _refers_onward(text, m)]
    if any(re.search(r"resolved", m.group("opener"), re.I) for m in matches):
        # formal resolutions recorded: seconded motions are only what was put to the vote
        matches = [m for m in matches if not m.group("opener").startswith("Seconded")]
    for n, m in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        segment = text[m.end():end].split("\n\n", 1)[0]
        body = _resolution_extent(segment, pipeline)
        if not body:
            continue
        if _HOW_AGREED.match(body) and (put := _put_before(text, m.start())):
            out.append(Found(text=put, start=m.start()))  # "The Chairman proposed that ... and it was agreed unanimously."
            continue
        parts = _sub_resolutions(body)
        for label, part in parts:
            part = _strip_quotes(part)
            if len(part) < 3:
                continue
            out.append(Found(text=part, number=label, noted=is_noted(part), start=m.start()))
    return out


FORMAL = re.compile(r"\b(?:RESOLVED|Cinneadh(?=\s*[:\-–])|R[ÉE]SOLU\b|[Ii]l\s+est\s+r[ée]solu|Resolved(?=\s*[:\-–]|\s+that\b|\s+That\b)|DECIDED|DECISION\s*:|AGREED(?=\s*[:\-–]|\s+[Tt]hat\b)|Seconded\s+by)")
# A decision verb in the past (or, in French minutes, the present) as a record says it: "The Board
# accepted the application", "It was resolved to approve", "Mr le Maire décide de rouvrir", "The
# proposal was referred to the Walking Group", "Arrangements for the meeting were confirmed" (not
# "it was confirmed that ...", which tells what someone said), "The minutes were signed as a true
# record", "Décision d'annuler les régies".
OUTCOME = re.compile(
    r"\b(?:agreed|approved|adopted|ratified|endorsed|resolved|decided|accepted|d[ée]cid(?:e|ent|[ée])|approuv(?:e|ent|[ée])|"
    r"adopt(?:e|ent|[ée])|accept(?:e|ent|[ée])|valid(?:e|ent|[ée])|autoris(?:e|ent|[ée])|(?<=\bwas\s)(?:chosen|elected|appointed)|"
    r"(?<=\bwere\s)(?:chosen|elected|appointed)|(?:(?<=\bwas\s)|(?<=\bwere\s))voted\s+(?:in|on|onto|off)\b|"
    r"(?<=\bit\swas\s)concluded(?=\s+that\b)|(?:(?<=\bwas\s)|(?<=\bwere\s))delegated(?=\s+to\b)|"
    r"(?:(?<=\bwas\s)|(?<=\bwere\s))(?<!\b[Ii]t\swas\s)confirmed(?!\s+(?:that|by|as|to|with|in|at)\b)|"
    r"(?:(?<=\bwas\s)|(?<=\bwere\s))referred(?=\s+(?:back\s+)?to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:committee|sub-committee|group|panel|board|council|"
    r"working\s+party|forum|officers?)\b))\b|\bthere\s+was\s+(?:\S+\s+){0,2}?(?:agreement|consensus)\b|"
    r"\bsigned\s+(?:by\s+the\s+chair(?:man|woman|person)?\s+)?as\s+(?:a\s+)?(?:true|correct|accurate|fair)\s+(?:and\s+\w+\s+)?record\b|"
    r"^\W*d[ée]cision\s+(?:de\s|d['’]|:)", re.I)
# Verbs that only a body's decision carries: a person who "accepted" or "endorsed" something gave a
# view, one who "agreed to write" took on a task; "décide" is a decision whoever takes it.
_BODY_ONLY = re.compile(r"^(?:agreed|approved|adopted|ratified|endorsed|accepted|approuv|adopt|accept|valid)", re.I)
_BODY = re.compile(
    r"\b(?:committee|panel|cabinet|board|council|sub-committee|members|governors|trustees|commission|forum|group|meeting|"
    r"assembly|conseil|assembl[ée]e|all|everyone|they|we)\b", re.I)
_PERSON_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:(?:[A-Z][\w'’\-]*\s+){0,2}(?:chair(?:man|woman|person)?|vice[- ]chair\w*|clerk|mayor|leader|president|secretary|"
    r"treasurer|head(?:\s*teacher)?|manager|officer|director|administrator|co-?ordinator|engineer|planner|solicitor|ceo|chief\s+\w+)|"
    r"cllr|councillor|mr|mrs|ms|miss|dr|professor)\b", re.I)
# The verb not yet a decision: after a modal or "to" ("would like to see it adopted", "can be
# resolved", "to get the plan adopted"), or an adjective after a determiner ("an adopted Policy").
_IRREALIS = re.compile(r"\b(?:would|will|could|should|may|might|shall|must|can|cannot|to|hope|hopes|wish|wishes|yet)\b", re.I)
_DETERMINER = re.compile(r"\b(?:a|an|the|all|any|its|their|our|this|these|those|previously|already|newly|recently)\s+$", re.I)
# "agreed that data.gov.uk had been very successful", "agreed this would be welcomed", "agreed with
# the CEO that ...": a shared view, not a decision.
_VIEW = re.compile(
    r"^\s*(?:with\s+(?!(?:this|the|these|that|its)\s+(?:\w+\s+)?(?:approach|proposals?|recommendations?|suggestions?|plans?|changes?|options?))|"
    r"(?:that\s+)?(?:[^,;.]|\.(?=\S)){0,80}?\b(?:had\s+been|would\s+be\s+(?:very\s+|most\s+|really\s+)?"
    r"(?:helpful|useful|welcomed?|valuable|beneficial|good|appreciated|important|sensible)|"
    r"(?:was|were|is|are)\s+(?:very\s+|most\s+|really\s+)?(?:helpful|useful|valuable|beneficial|good|important|successful|right|correct)))",
    re.I)
# An outcome said in one word after the point it settles ("... dormer extension. Supported.").
_ONE_WORD_OUTCOME = re.compile(r"^\W*(?:supported|accepted|carried|approved|agreed|adopted|refused|not\s+supported)\W*$", re.I)
# "had been agreed", "has very kindly agreed to help": a decision told, or someone's undertaking.
_REPORTED = re.compile(r"\b(?:had|has|have)\s+(?:\w+\s+)?been\s+(?:agreed|approved|adopted|ratified|endorsed|supported|accepted)\b|"
                       # what another body or an earlier meeting decided: "the Board had approved", "At that meeting, Members agreed"
                       r"\bhad\s+(?:\w+\s+)?(?:agreed|approved|adopted|ratified|endorsed|accepted|resolved|decided)\b|"
                       r"^\W*at\s+(?:that|the\s+(?:previous|last|earlier)|its\s+(?:previous|last|earlier))\s+meeting\b|"
                       r"\b(?:had|has|have)\s+(?:\w+\s+){0,2}agreed\s+to\b", re.I)
# What frames a decision without being part of it: a leading clause ("As the amount was accurate,",
# "In the meantime,") and who moved it (", proposed by PW and seconded by RW").
_LEADING_CLAUSE = re.compile(
    r"^(?:as|since|following|after|in\s+the\s+meantime|given|having|once|while|whilst|although|because|further\s+to|"
    r"in\s+addition|however|therefore)\b[^,]{0,120},\s*(?=\S)", re.I)
_TRAILING_MOVER = re.compile(r",?\s+(?:having\s+been\s+)?(?:proposed|moved|seconded)\s+by\b.*$", re.I)


# Where a decision's clause ends inside its sentence: another verb joined on ("... approved the
# minutes and discussed progress"), or another actor's task ("..., HD will draft a letter").
_NEXT_CLAUSE = re.compile(r"\s+and\s+(?!(?:were\s+|was\s+)?(?:approved|agreed|adopted|signed|accepted))[a-z]+ed\b|"
                          r",\s+(?:[A-Z]{2,4}|[A-Z][a-z]+)\s+(?:will|would|is\s+to|are\s+to)\b")


# What stands before an impersonal decision without being part of it: the point's topic label
# ("Peelwalls Meadow – it was agreed that ...").
_BEFORE_IMPERSONAL = re.compile(
    r"^[^–—.;:]{1,60}?\s[–—-]\s*"
    r"(?=it\s+was\s+(?:\w+\s+)?(?:agreed|decided|resolved)\b)", re.I)


# A fact joined to the impersonal decision that follows it ("Susan has the bank statements and it
# was agreed ...", "A letter had been received but it was resolved that ...") or a reason before it
# ("Due to the rise in price it was resolved to ...", "There was a brief discussion on federation and
# it was agreed that ...").
_JOINED_IMPERSONAL = re.compile(
    r"^(?P<before>(?:due\s+to|owing\s+to|because\s+of|in\s+view\s+of|given)\b[^;:]{1,200}?,?\s+|[^;:]{1,400}?,?\s+(?:and|but)\s+)"
    r"(?=it\s+was\s+(?:\w+\s+)?(?:agreed|decided|resolved)\b|"
    r"(?:the|these|this|its|their)\s+(?:[\w'’/-]+\s+){1,4}?(?:was|were)\s+(?:\w+ly\s+)?(?:accepted|approved|adopted|agreed|ratified|endorsed)\b)", re.I)
# A point's title run into the decision with no stop between ("k. Agree dates for interviews It was
# agreed that ..."): the capital of "It" starts the sentence the stop would have ended.
_RUN_INTO = re.compile(r"^[^.;:!?]{3,120}?[a-z0-9)]\s+(?=It\s+was\s+(?:\w+\s+)?(?:agreed|decided|resolved)\b)")
# The meeting's opening told before a decision with no stop between ("The meeting commenced at 1838 In
# the absence of the Chair ... Ruth Shoare agreed to Chair the meeting").
_OPENED_AT = re.compile(r"^(?i:the\s+meeting\s+(?:commenced|started|opened|began)\s+at)\s+[\d.:]+\s*(?i:[ap]\.?m\.?|hrs)?\.?\s+(?=[A-Z])")
# A passive participle the next "and ...ed" carries on ("owners would be contacted and asked to trim").
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s*$", re.I)
_HOWEVER_DECIDED = re.compile(r"^[^;:]{1,300}?,?\s+however,?\s+(?=it\s+was\s+(?:\w+\s+)?(?:agreed|decided|resolved)\b)", re.I)


def _decision_clause(sentence: str) -> str:
    clause = _BEFORE_IMPERSONAL.sub("", _MARK.sub("", sentence.strip()), count=1)
    clause = _RUN_INTO.sub("", _OPENED_AT.sub("", clause, count=1), count=1)
    joined = _JOINED_IMPERSONAL.match(clause)
    if joined and not _settles(joined.group("before")):
        clause = clause[joined.end():]
    elif contrast := _HOWEVER_DECIDED.match(clause):
        clause = clause[contrast.end():]  # "There was a discussion on X however it was agreed ...": decided otherwise
    clause = _LEADING_CLAUSE.sub("", clause, count=1)
    clause = _TRAILING_MOVER.sub("", clause).strip()
    verb = OUTCOME.search(clause)
    if verb and (cut := _NEXT_CLAUSE.search(clause, verb.end())) and not _PASSIVE_BEFORE.search(clause[: cut.start()]):
        clause = clause[: cut.start()].strip()
    if verb and (colon := re.search(r":\s", clause[verb.end():])):
        after = clause[verb.end() + colon.end():].strip()
        rest = re.sub(r"^\(?[a-z\d]{1,2}[.)]\s+", "", after)
        if _settles(rest):
            return rest  # a lead-in over points that carry their own outcome ("...: a. X - agreed")
        if rest != after and (one := re.match(r"[^.;]{3,160}\.", rest)):
            # "... was approved and is recommended to the FGB: a. Catering Statement. Provided by ...": its one point
            return clause[: verb.end() + colon.end()].strip() + " " + after[: len(after) - len(rest)] + one.group(0)
        clause = clause[: verb.end() + colon.start()].strip()  # "... were approved for payment: <the table>"
    if clause and not OUTCOME.search(clause) and not _ONE_WORD_OUTCOME.match(clause):
        return sentence.strip()
    return clause
_INFORMAL_LABEL = re.compile(r"(?:(?<=^)|(?<=[\s:;.]))(?P<label>\(?(?:[a-n]|\d{1,2})[.)])\s+(?=[A-Z(“\"])")
_PROPOSAL = re.compile(r"^(?:To\s+(?:approve|agree|adopt|ratify|accept|endorse|note)|That)\b")
_DASHED_OUTCOME = re.compile(r"\s[-–—]\s*(?:agreed|approved|adopted|ratified|endorsed)\b", re.I)


def is_formal(text: str) -> bool:
    """The minutes record decisions with formal openers (RESOLVED, DECIDED, AGREED:, a seconded motion)."""
    return bool(FORMAL.search(text))


def outcomes(text: str, pipeline) -> list[Found]:
    """Decisions in minutes that use no formal opener: each labelled sub-point or sentence that
    records an outcome ("Agreed.", "This was agreed.", "X - Approved", "it was agreed that ..."),
    as printed, with the proposal it settles."""
    out: list[Found] = []
    parts = _informal_parts(text)
    lead = _open_lead_in(parts)
    deciding = _deciding_lead_in(parts)
    for n, (start, label, part) in enumerate(parts):
        sents = sentences(part, pipeline)
        over_points = label is None and n + 1 < len(parts)  # the labelled points after a lead-in are what it settles
        hits = [k for k, (off, t) in enumerate(sents)
                if (_settles(t) and not _told_of_elsewhere(part, off, t)) or (not over_points and _settling_lead_in(sents, k))]
        if not hits and label and deciding and sents and not _OWN_OUTCOME.search(part):
            # "The following Policies were approved: a. Lettings Policy. b. ...": each point is decided by the lead-in
            out.append(Found(text=_strip_quotes(f"{deciding} {sents[0][1]}"), number=label, start=start))
            continue
        if not hits:
            continue
        if label and (_PROPOSAL.match(part) or _DASHED_OUTCOME.search(part)):
            # a dashed outcome of the lead-in's own series; a point that words its proposal stands alone
            led = lead and not _PROPOSAL.match(part) and label.isdigit() == parts[1][1].isdigit()
            out.append(Found(text=_strip_quotes(f"{lead} {part}" if led else part), number=label, start=start))
            continue
        hits += _same_form_run(sents, hits)
        k_prev = None
        for k in sorted(set(hits)):
            if k_prev is not None and k == k_prev + 1 and _refers_to_paper(sents[k_prev][1]):
                joined = out[-1].text + " " + _decision_clause(sents[k][1])
                out[-1] = Found(text=_strip_quotes(joined), number=label, start=out[-1].start)
                k_prev = k
                continue
            colon = sents[k][1].find(":")
            listed = part[sents[k][0] + colon + 1:] if colon >= 0 else ""
            if listed and _NONE_LISTED.match(listed):
                continue  # "The following Policies were approved: a. There were no policies to be approved."
            first = k - 1 if k and _takes_sentence_before(sents[k - 1][1], sents[k][1]) else k
            found = " ".join([t for _, t in sents[first:k]] + [_decision_clause(sents[k][1])])
            if sents[k][1].endswith(":"):
                found = " ".join([found] + _listed_points(part, sents[k][0] + len(sents[k][1])))
            elif k + 1 < len(sents) and k + 1 not in hits and _ADDS_ON.match(sents[k + 1][1]):
                found = f"{found} {sents[k + 1][1]}"  # "Additionally, ...": the decision goes on
            out.append(Found(text=_strip_quotes(found), number=label, start=start + sents[first][0]))
            k_prev = k
    return out


# A sentence that adds to the decision before it.
_ADDS_ON = re.compile(r"^(?:additionally|in\s+addition|furthermore)\b", re.I)


def _deciding_lead_in(parts: list[tuple[int, Optional[str], str]]) -> Optional[str]:
    """The unlabelled text's last line when it decides the labelled points after it ("The following
    Policies were approved:"), the points carrying no outcome of their own."""
    if len(parts) < 3 or parts[0][1] is not None:
        return None
    last = parts[0][2].strip().split("\n")[-1].strip()
    if re.search(r"\bas\s+(?:shown|indicated|marked|set\s+out\s+below)\b", last, re.I):
        return None  # "agreed/ratified as shown": each point says its own outcome
    return last if last.endswith(":") and len(last.split()) <= 25 and _settles(last[:-1]) else None


# A list under a lead-in that lists nothing ("a. There were no policies/documents to be approved.", "None.").
_NONE_LISTED = re.compile(r"^\W*(?:\(?[a-h1-9][.)]\s*)?(?:there\s+(?:were|was|are|is)\s+no(?:ne)?\b|none\b|nil\b|n/a\b)", re.I)


# A point that tells its own outcome, which no lead-in decides for it ("... – deferred to the next meeting").
_OWN_OUTCOME = re.compile(r"\b(?:deferred|postponed|withdrawn|rejected|refused|declined|not\s+(?:approved|agreed|adopted)|"
                          r"noted|carried|lost|approved|agreed|adopted|ratified)\b", re.I)


def _open_lead_in(parts: list[tuple[int, Optional[str], str]]) -> Optional[str]:
    """The unlabelled text before labelled points when it is a lead-in ending in a colon that decides
    nothing itself ("The following were considered, and action taken as shown:"): each point's
    one-word outcome settles what the lead-in says was considered, so the point carries it. A lead-in
    that decides ("The following Policies were approved:") heads its points without being part of them."""
    if len(parts) < 2 or parts[0][1] is not None:
        return None
    lead = parts[0][2].strip()
    last = lead.split("\n")[-1].strip()
    if not last.endswith(":") or _settles(last[:-1]) or len(last.split()) > 25:
        return None
    return last


# "It was proposed that ...", "The Chairman recommended that ...": a proposal put in words.
_PROPOSAL_PUT = re.compile(
    r"^(?:It\s+was\s+(?:\w+\s+)?(?:proposed|recommended|suggested|moved)|(?:[^.;]{0,80}?\s)?(?:proposed|recommended|suggested|moved))\s+that\b", re.I)
_ANAPHOR = re.compile(r"\b(?:this|the|that)\s+(?:proposal|recommendation|suggestion|motion)\b", re.I)


# "This was agreed by the CC.", "That was approved by all members.": the decision's subject is what was said before.
_THIS_AGREED = re.compile(r"^(?:This|That)\s+(?:was|were)\s+(?:\w+ly\s+)?(?:agreed|approved|accepted|endorsed|adopted|supported)\b(?!\s+(?:that|to)\b)")


# A decision named with what it decides ("Décision d'annuler les régies."): whole in a few words.
_DECISION_OF = re.compile(r"^\W*d[ée]cision\s+(?:de\s|d['’]|to\s)", re.I)


def _takes_sentence_before(before: str, hit: str) -> bool:
    """The decision settles what the sentence before it put: an outcome of a few words ("This was
    agreed.", "The Board accepted the application."), or one that names "this proposal" after a
    proposal put in words."""
    if (len(hit.split()) <= 5 and not _DECISION_OF.match(hit)) or _THIS_AGREED.match(hit):
        return True
    return bool(_PROPOSAL_PUT.match(before) and _ANAPHOR.search(hit) and not _settles(before))


# "A paper with a recommendation was discussed and agreed by the Board.": what was agreed is a
# document, whose substance the next decision gives.
_PAPER_AGREED = re.compile(
    r"^(?:A|The|This|That)\s+(?:[\w-]+\s+){0,3}?(?:paper|report|recommendation|proposal|document)s?\b(?:\s+with\s+(?:a|an|the)\s+[\w-]+)?"
    r"\s+(?:was|were)\s+(?:\w+\s+and\s+)?(?:agreed|approved|accepted|endorsed|adopted)\b[^,;]*$", re.I)


def _refers_to_paper(sentence: str) -> bool:
    return bool(_PAPER_AGREED.match(sentence.strip().rstrip(".")))


# "... will be chaired by Steve Smith." after "... was chosen to be chaired by Claude Christensen.":
# choices listed in one form, the later ones said as what will be.
_WILL_BE = re.compile(r"\b(?:will|shall|is\s+to|are\s+to)\s+be\s+(?P<verb>[a-z]+ed)\s+(?:by|as)\b")


def _same_form_run(sents: list[tuple[int, str]], hits: list[int]) -> list[int]:
    """Sentences straight after a decision that repeat its form ("X will be chaired by Y" after "Z
    was chosen to be chaired by W"): the same choices, one per sentence."""
    more: list[int] = []
    for k in hits:
        j = k + 1
        while j < len(sents) and j not in hits:
            m = _WILL_BE.search(sents[j][1])
            if not m or not re.search(rf"\b{m.group('verb')}\b", sents[k][1]):
                break
            more.append(j)
            j += 1
    return more


def _listed_points(part: str, end: int) -> list[str]:
    """The points a decision ending in a colon lists on the lines after it ("... subject to the
    following changes:" over one change a line): lines that end as sentences, up to a line that
    does not (a table's row, another lead-in or heading), or that ends otherwise than the first
    (a sentence after a list of names)."""
    out = []
    for line in part[end:].split("\n")[1:]:
        line = line.strip()
        if out and _BULLETED.match(out[0]) and _BULLETED.match(line):
            out.append(line)  # bulleted points, each a point however it ends
            continue
        if not line or not (re.search(r"[.!?)]$", line) or _BULLETED.match(line) and not out) or len(line.split()) < 2:
            break
        if out and line.endswith(".") != out[0].endswith("."):
            break
        if out and _POINT_LABEL.match(out[0]) and not _POINT_LABEL.match(line):
            break  # lettered points end where a line without a letter starts (a comment on the last)
        out.append(line)
    return out


_BULLETED = re.compile(r"^[•·▪◦‣●○■□–-]\s")
_POINT_LABEL = re.compile(r"^\(?(?:[a-h]|\d{1,2}|i{1,3}|iv|v|vi{1,3})[.)]\s")


# A decision told as another meeting's: "agreed at the committee meeting that ...", "agreed at a
# discussion in the closed Board session".
_AT_ANOTHER = re.compile(r"\s+(?:\w+\s+){0,2}?at\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?(?:meeting|session|discussion|workshop)s?\b", re.I)
# "The Chair of the Staffing Committee updated the Board on discussions at the committee meeting in May:"
_REPORT_LEAD = re.compile(
    r"\b(?:updated|briefed|informed|advised|reported\s+to)\s+(?:the\s+)?[\w-]+\s+(?:on|about|of)\s+(?:the\s+)?"
    r"(?:discussions?|decisions?|matters?|business)\s+(?:at|of|from)\b[^\n:]*:", re.I)


def _told_of_elsewhere(part: str, offset: int, sentence: str) -> bool:
    """The decision is another body's, told in a report of its meeting: an impersonal "it was agreed"
    on the line a report of that meeting's discussions opens ("... updated the Board on discussions
    at the committee meeting in April: x ... it was agreed to ..."); the body's own ("the Board
    agreed") stays."""
    line_start = part.rfind("\n", 0, offset) + 1
    if not _REPORT_LEAD.search(part, line_start, offset):
        return False
    return bool(re.search(r"\b(?:it\s+)?(?:was|were)\s+(?:\w+\s+)?(?:agreed|approved|decided|resolved|adopted)\b", sentence, re.I))


# "agreed that the speed of traffic was an ongoing issue", "agreed that these needed to be
# addressed", "agreed that this approach could be used": a view; "agreed that the Strategy was now
# formalised" (a participle after the verb "to be") or "... will be carried out" records a decision.
_AUXILIARY = re.compile(r"\b(?:will|would|should|shall|must|be|to|has|have|can|may|was|were|is|are|needed|needs|could|might|had)\b", re.I)


_BODY_ITSELF = re.compile(r"^(?:we|they|the\s+(?:committee|panel|board|council|group|members|governors|trustees))\s+$", re.I)


def _view_that(after: str) -> bool:
    """The clause after "agreed" is "that" and its first verb says how things are, not what is to be done."""
    m = re.match(r"^\s+that\s+", after, re.I)
    if not m:
        return False
    aux = _AUXILIARY.search(after, m.end(), m.end() + 120)
    if not aux:
        return False
    word = aux.group(0).lower()
    if word in {"needed", "needs", "could", "might", "may"}:
        # "agreed that we could improve the process": what the body itself will do is decided
        return not (word == "could" and _BODY_ITSELF.match(after[m.end():aux.start()]))
    if word == "had":
        return not re.match(r"\s+to\b", after[aux.end():])
    if word in {"was", "were", "is", "are"}:
        nxt = re.match(r"\s+(?:(?:now|also|still|very|not|so)\s+)*(\w+)", after[aux.end():])
        return bool(nxt) and not re.fullmatch(r"to|[a-z]+(?:ed|en)|made|set|put|held|given", nxt.group(1).lower())
    return False


_REPORTED_SPEECH = re.compile(
    r"\b(?:noted|reported|said|stated|informed|advised|explained|confirmed|mentioned|told|heard)\b[^.;]{0,20}?\bthat\b", re.I)


def _settling_lead_in(sents: list[tuple[int, str]], k: int) -> bool:
    """A decision that ends in a colon over what it settles ("The following accounts were approved
    for payment:" over a table of them), where what follows carries no outcome of its own."""
    text = sents[k][1]
    listed = [t for _, t in sents[k + 1 : k + 4]]
    if listed and _BULLETED.match(listed[0]):  # a bulleted list ends at the first line without a bullet
        listed = listed[: next((n for n, t in enumerate(listed) if not _BULLETED.match(t)), len(listed))]
    return text.endswith(":") and _settles(text.rstrip(":")) and not any(_settles(t) for t in listed)


def _settles(sentence: str) -> bool:
    s = sentence.strip()
    if _ONE_WORD_OUTCOME.match(s):
        return True
    if _REPORTED.search(s) or s.endswith(":") or re.search(r"\bagreed\s+(?:for|on)\s+the\s+next\s+(?:agenda|meeting)", s, re.I):
        return False
    return any(_decides(s, m) for m in OUTCOME.finditer(s))


# A decision verb as a participle describing a noun, not a clause's verb: its agent or date right
# after it ("levels of delegation agreed by the FGB", "Rules ... adopted in 2003") or "so" / "as"
# before it ("items so enacted or approved").
_PARTICIPLE_AFTER = re.compile(r"\s+(?:by\s+(?!(?:a\s+)?(?:majority|vote|show|ballot|unanim|\d))|in\s+(?:19|20)\d\d\b)", re.I)
# "as was agreed by the Council", "items so enacted or approved": a decision referred to, not taken
_PARTICIPLE_BEFORE = re.compile(r"\b(?:so|as|thus)\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:\w+ed\s+(?:or|and)\s+)?$", re.I)


# "Signage agreed and installed", "package agreed and ordered from Kompan": the work agreed and
# done, a report of progress rather than a decision of the meeting.
_DONE_AS_WELL = re.compile(
    r"\s+(?:and|&)\s+(?:installed|ordered|purchased|completed|delivered|implemented|fitted|paid|carried\s+out|actioned|"
    r"erected|built|repaired|replaced|planted|laid|set\s+up|put\s+in\s+place|done|finished)\b", re.I)


def _decides(sentence: str, verb: re.Match) -> bool:
    """The decision verb ``verb`` is the sentence's record of a decision: said as done (no modal or
    "to" before it in its clause, no determiner making it an adjective), by the body or in the
    passive for the verbs only a body's decision carries, and not a view the body shared."""
    before = re.split(r"[,;:–—]|\s-\s|\b(?:and|but|whether)\s+(?=(?:it|the|we|they|he|she|this|[A-Z]\w*)\b)",
                      sentence[: verb.start()])[-1]
    if verb.group(0).lower().startswith("there"):
        return verb.start() == 0
    aside = re.sub(r"\([^()]*\)", " ", before)  # a bracketed aside is not the clause ("(names emailed to the administrator) was agreed")
    if _IRREALIS.search(" ".join(aside.split()[-6:])) or _DETERMINER.search(sentence[: verb.start()]):
        return False
    if re.search(r"\bbe\s+(?:\w+ly\s+)?$", before, re.I):
        return False  # "... would be finalized in November and be endorsed": the verb under a modal said before
    passive = re.search(r"\b(?:was|were|is|are|been|be|being|été)\s+(?:\w+\s+){0,2}$", sentence[: verb.start()], re.I)
    if _PARTICIPLE_BEFORE.search(sentence, 0, verb.start()) or (
            not passive and _PARTICIPLE_AFTER.match(sentence, verb.end()) and not re.search(r"\bit\s+$", sentence[: verb.start()], re.I)):
        return False
    firm = re.match(r"resolved|decided|d[ée]cid", verb.group(0), re.I)  # what is resolved is decided, however it is worded
    if not firm and (_VIEW.match(sentence[verb.end():]) or _view_that(sentence[verb.end():])):
        return False
    if _AT_ANOTHER.match(sentence, verb.end()) or _DONE_AS_WELL.match(sentence, verb.end()):
        return False
    if re.search(r"\b(?:how|whether|if|why|what|when|where|which|who)\s+(?:\w+\s+){0,3}$", sentence[: verb.start()], re.I):
        return False  # "how it was decided which borough ...": a question asked, not a decision
    if _REPORTED_SPEECH.search(sentence[: verb.start()]):
        return False  # "The Members noted that ... were agreed": a decision told, not taken here
    if re.search(r"\bactions?\s+(?:was|were|is|are|has\s+been|have\s+been)\s+$", sentence[: verb.start()], re.I):
        return False  # "the following action was agreed": a task set, listed as an action
    if not _BODY_ONLY.match(verb.group(0)):
        return True
    if passive or re.search(r"\bit\s+$", sentence[: verb.start()], re.I):
        return True
    subject = _subject(re.split(r"\b(?:and|but)\s+(?=(?:the|it|we|they|he|she|this|[A-Z][\w'’-]*)\b)", sentence[: verb.start()])[-1])
    return bool(_BODY.search(subject)) or not (_PERSON_SUBJECT.match(subject) or _named(subject))


def _named(subject: str) -> bool:
    """The subject is a person by name ("Robert Spivey", "KOH")."""
    words = subject.split()
    return bool(words) and words[0].lower() not in {"the", "a", "an", "this", "it"} and (names.is_given_name(words[0]) and len(words) <= 3 and all(w[:1].isupper() for w in words)
                            or bool(re.fullmatch(r"[A-Z]{2,4}", subject)))


def _subject(before: str) -> str:
    """Who acts: the words of the clause before its verb, from the last clause break (a dash, a comma
    or "and" after a named subject is carried back to that subject)."""
    clause = re.split(r"[;:–—]|\s-\s", before)[-1].strip()
    if re.match(r"^(?:and|but)\b", clause) or not clause:
        return before.strip()
    return clause


def _informal_parts(text: str) -> list[tuple[int, Optional[str], str]]:
    """(offset, label, text) of the labelled sub-points ("a.", "b.", "1)", "2)"), with the text
    before the first label as an unlabelled part."""
    labels = _label_chains(list(_INFORMAL_LABEL.finditer(text)))
    if not labels:
        return [(0, None, text)]
    parts = [(0, None, text[: labels[0].start()])] if labels[0].start() else []
    for n, m in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        parts.append((m.end(), m.group("label").strip("().").strip(), text[m.end():end].strip()))
    return parts


def _label_chains(labels: list[re.Match]) -> list[re.Match]:
    """Labels that run in sequence, letters and numbers each counted separately (a nested 1), 2) ...
    under b. is kept): from the series' first value, or, three at least, carried on from an earlier
    item ("g." ... "l."), whichever starts first."""
    keep = []
    for seq in ("abcdefghijklmn", [str(k) for k in range(1, 30)]):
        runs = [_run_from(labels, seq, k) for k, m in enumerate(labels) if _label(m) in seq and _label(m) not in ("i", "v", "x")]
        runs = [r for r in runs if len(r) >= (2 if _label(r[0]) == seq[0] else 3)]
        if runs:
            keep.extend(min(runs, key=lambda r: r[0].start()))
    return sorted(keep, key=lambda m: m.start())


def _label(m: re.Match) -> str:
    return m.group("label").strip("().")


def _run_from(labels: list[re.Match], seq, k: int) -> list[re.Match]:
    """The labels in order of ``seq`` from ``labels[k]`` on, each the next value after the last."""
    run = [labels[k]]
    at = list(seq).index(_label(labels[k]))
    for m in labels[k + 1:]:
        if at + len(run) < len(seq) and _label(m) == seq[at + len(run)]:
            run.append(m)
    return run


def _refers_onward(text: str, m: re.Match) -> bool:
    """"it was agreed that the following resolution be adopted": the resolution comes next."""
    return bool(re.match(r"(?:that\s+)?the\s+following\s+(?:resolution|motion)", text[m.end():], re.I))


# How a decision was reached, with nothing of what it decided: "... and it was agreed unanimously."
_HOW_AGREED = re.compile(r"^(?:unanimously|by\s+all(?:\s+present)?|nem\.?\s*con\.?|by\s+(?:a\s+)?majority|by\s+consensus)\W*$", re.I)


def _put_before(text: str, at: int) -> Optional[str]:
    """What the sentence put before its "and it was agreed": the proposal's words ("The Chairman
    proposed that Council resolve to extend the meeting" gives "that Council resolve to extend the meeting")."""
    sentence = re.split(r"(?<=[.!?])\s+|\n", text[:at].rstrip())[-1]
    sentence = re.sub(r",?\s+(?:and|but)\s*$", "", sentence).strip()
    m = re.search(r"\b(?:proposed|moved|suggested|recommended)\s+(?P<put>(?:that|to)\s.+)$", sentence)
    return m.group("put").strip() if m and len(m.group("put").split()) >= 3 else None


# The quote that closes a quoted resolution; not an ordinal's superscript a scan read as a quote
# mark ("Statutory Notice dated 28" March, 2014").
_CLOSING_QUOTE = re.compile(
    r"[”\"](?<!\d[”\"])|(?<=\d)[”\"](?!\s*(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)", re.I)


def _resolution_extent(segment: str, pipeline) -> str:
    """The resolution proper: from the opener to the end of the quoted text, or to the first sentence
    that does not carry it on (a sub-label, "That ...")."""
    segment = segment.strip()
    if segment[:1] in "“\"":
        close = _CLOSING_QUOTE.search(segment[1:])
        if close:
            return segment[: close.start() + 2]
    sents = sentences(segment, pipeline)
    if not sents:
        return ""
    keep = [sents[0][1]]
    point = 0  # the last of the numbered points "1." "2." ... listed under a lead-in ending in a colon
    for _, s in sents[1:]:
        bare = re.fullmatch(r"(\d{1,2})\.", keep[-1]) or re.search(r":\s*(1)\.$", keep[-1])
        if point == 0 and (keep[-1].endswith(":") and re.match(r"^1\.(?:\s|$)", s) or bare and bare.group(1) == "1"):
            point = 1
            if re.match(r"^1\.(?:\s|$)", s):
                keep.append(s)
                continue
        if point:
            label = re.match(r"^\(?(\d{1,2})[.)](?:\s|$)", s)
            if label and s.startswith(f"{point + 1}."):
                point += 1  # the list's next point
            elif not label and re.search(rf"(?:^|\s){point + 1}\.$", keep[-1]):
                point += 1  # the next point's label, cut off with the sentence before it
            elif label or not (re.fullmatch(r"\d{1,2}\.", keep[-1]) or re.search(r":\s*1\.$", keep[-1])
                               or not keep[-1].endswith(".")):
                break  # another numbering ("9) The Chairman ..."), or text after the list's last point
            keep.append(s)
        elif (_CONTINUES.match(s) or SUB_LABEL.match(s) or keep[-1].endswith((":", ";")) or re.search(r";\s*(?:and|or)?$", keep[-1])
                or re.search(r"[:;]\s*(?:and\s+)?\(?\w{1,3}[.)]$", keep[-1])  # "...: 1." the sentencizer cut after a label
                or _next_part_after_heading(" ".join(keep), s)):
            keep.append(s)
        else:
            break
    return " ".join(keep)


def _next_part_after_heading(kept: str, sentence: str) -> bool:
    """The sentence holds the next part of the lettered series the resolution runs ("(b) ..."
    kept, then "2025-26 Revenue Budget and Medium Term Financial Plan (c) The net revenue ..."): a
    heading over a group of parts, set before the part's label."""
    labels = _consistent_labels(list(SUB_LABEL.finditer(kept)))
    if len(labels) < 2:
        return False
    last = labels[-1].group("label").strip("().").lower()
    if not re.fullmatch(r"[a-y]", last):
        return False
    following = chr(ord(last) + 1)
    m = re.search(rf"(?:^|\s)\(?({following}|{following.upper()})\)\s", sentence)
    return bool(m) and len(sentence[: m.start()].split()) <= 14


_DOTTED_LABEL = re.compile(r"(?:(?<=^)|(?<=[\s:;]))(?P<label>\d{1,2}\.)\s+(?=[A-Z])")


def _sub_resolutions(body: str) -> list[tuple[Optional[str], str]]:
    labels = list(SUB_LABEL.finditer(body))
    colon = body.find(":")
    if colon >= 0:  # "RESOLVED that Cabinet: 1. Agree ...; 2. Note ...": numbered parts after a lead-in
        labels += [m for m in _DOTTED_LABEL.finditer(body) if m.start() > colon]
        labels.sort(key=lambda m: m.start())
    labels = _consistent_labels(labels)
    if len(labels) < 2:
        return [(None, body.strip())]
    out = []
    for n, m in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(body)
        text = body[m.end():end].strip().rstrip(";").strip()
        text = re.sub(r"[;,]?\s*(?:and|or)$", "", text).strip()
        out.append((m.group("label").strip("().").strip(), text))
    return out


def _consistent_labels(labels: list[re.Match]) -> list[re.Match]:
    """Keep labels that run in sequence: a, b, c / 1, 2, 3 / i, ii, iii, in either case (a first
    "A)" before "b)", "c)" is one series)."""
    seqs = {
        "alpha": "abcdefghijklmnopqrstuvwxyz",
        "roman": ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"],
        "num": [str(k) for k in range(1, 30)],
    }
    best: list[re.Match] = []
    for seq in seqs.values():
        chain: list[re.Match] = []
        for m in labels:
            lab = m.group("label").strip("().").lower()
            if len(chain) < len(seq) and lab == seq[len(chain)]:
                chain.append(m)
        if len(chain) > len(best):
            best = chain
    return best


def _strip_quotes(text: str) -> str:
    text = text.strip().strip("“”\"").strip()
    return re.sub(r"\s+", " ", text)


def is_noted(text: str) -> bool:
    """A decision to note something rather than to do something."""
    words = " ".join(text.split()[:12])
    return bool(NOTED.search(words))


def body_noted(text: str, pipeline) -> bool:
    """The minute records that the body noted a report or update, without a formal resolution."""
    return any(BODY_NOTED.match(s) for _, s in sentences(text, pipeline))


# --------------------------------------------------------------------------- one vote on a list of sub-items


# A staff recommendation as agendas word it, in the imperative: "Adopt the June 10, 2019 minutes.",
# "Approve the proposed meeting schedule for 2020."
_RECOMMENDATION = re.compile(
    r"(?:(?<=^)|(?<=[\s.:]))(?P<text>(?:Adopt|Approve|Accept|Authori[sz]e|Award|Receive|Ratify|Appoint|Confirm|Waive|Reject|Deny)"
    r"\s+(?:the|a|an|all|and|\w+)\b[^\n]*?[.!])(?=\s|$)")


def recommendation(body: str) -> Optional[Found]:
    """The recommended action a sub-item's text puts, for a vote taken on its list to carry."""
    m = _RECOMMENDATION.search(body or "")
    return Found(text=m.group("text"), start=m.start("text")) if m else None


# --------------------------------------------------------------------------- labelled outcome blocks


# A label over what an item concluded, as meeting-notes templates and many boards print it:
# "Conclusions:", "Decisions:", "Outcome:", "Decisions made:", "Agreed:", at the start of a line,
# alone or with the first point after it.
OUTCOME_LABEL = re.compile(
    r"^\W{0,2}(?:conclusions?|decisions?(?:\s+(?:made|taken|reached|agreed))?|outcomes?|agreed(?:\s+(?:outcomes?|decisions?))?|"
    r"agreements?|resolutions?|d[ée]cisions?(?:\s+prises?)?)\s*:\s*(?P<rest>.*)$", re.I)
# Another label ends the block: "Action items", "Actions:", "Discussion:", "Next steps:".
_NEXT_LABEL = re.compile(r"^\W{0,2}(?:[A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,3}\s*:\s*$|actions?\b)", re.I)
# A point that hedges ("was looking like the easiest option", "would most likely be the priority")
# concludes a view, not a decision.
_HEDGE = re.compile(r"\b(?:likely|maybe|perhaps|possibly|probably|seems?|seemed|appears?|appeared|looking\s+like|might)\b", re.I)
_MARK = re.compile(r"^[\s\ue000-\uf8ff•·▪◦‣●○■□➢►✓*–-]+(?=\S)")


def _marked(text: str, row) -> bool:
    """The row opens a point with a bullet glyph."""
    return row.bullet or bool(_MARK.match(text))


def _block_continues(first, prev, row, text: str, bulleted: bool) -> Optional[str]:
    """How ``row`` stands in a labelled block whose first point is ``first``: "point" (a new
    point of a bulleted block), "line" (the point or paragraph carried on), or None (the block
    has ended: a row set apart by space, at another indent, or of another shape)."""
    box, top = row.line.box, first.line.box
    if box is None or top is None or prev.line.box is None:  # a text pack: bullets, and lines carrying a point on
        if bulleted:
            return "point" if _marked(text, row) else ("line" if not re.search(r"[.!?]$", prev.text) else None)
        return "line" if not _marked(text, row) and not re.search(r"[.!?]$", prev.text) else None
    if row.page is prev.page:
        height = max(prev.line.box[3] - prev.line.box[1], box[3] - box[1], 1)
        if box[1] - prev.line.box[3] > 2 * height:
            return None
    if bulleted:
        if _marked(text, row):
            return "point" if abs(box[0] - top[0]) <= 4 else None
        return "line" if top[0] < box[0] <= top[0] + 40 else None
    return "line" if abs(box[0] - top[0]) <= 4 and not _marked(text, row) else None


def labelled_outcomes(parts: list, offsets: list, pipeline) -> tuple[list[Found], list[tuple[int, int]]]:
    """Decisions printed as the points of a labelled block under an item ("Conclusions:" over a
    bulleted list, "Decisions: The Board approved ..."): each bulleted point, or each sentence of a
    paragraph, is a decision; a hedged point is a view. Returns the decisions and the span of body
    text each block covers."""
    found: list[Found] = []
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(parts):
        m = OUTCOME_LABEL.match(parts[k][0])
        if not m:
            k += 1
            continue
        points: list[list] = []  # [offset, text] per point (or paragraph)
        rest = m.group("rest").strip()
        if rest:
            points.append([offsets[k][0] + m.start("rest"), rest])
        first = bulleted = None
        prev = parts[k][1]
        j = k + 1
        while j < len(parts):
            text, row = parts[j]
            if re.fullmatch(r"\W{1,3}", text.strip()):
                j += 1  # a stray comma or stop drawn apart from its line
                continue
            if OUTCOME_LABEL.match(text) or _NEXT_LABEL.match(text):
                break
            if first is None:
                if rest and not _marked(text, row):
                    break
                first, bulleted, how = row, _marked(text, row), "point"
            else:
                how = _block_continues(first, prev, row, text, bulleted)
            if how is None:
                break
            if how == "point" or not points:
                points.append([offsets[j][0], _MARK.sub("", text)])
            else:
                points[-1][1] += " " + text
            prev = row
            j += 1
        end = offsets[j][0] if j < len(offsets) else 10 ** 9
        spans.append((offsets[k][0], end))
        for off, text in points:
            pieces = [(off, text)] if bulleted else [(off + o, t) for o, t in sentences(text, pipeline)]
            for o, t in pieces:
                t = _strip_quotes(t)
                if len(t.split()) >= 2 and not _HEDGE.search(t):
                    found.append(Found(text=t, noted=is_noted(t), start=o))
        k = max(j, k + 1)
    return found, spans


# --------------------------------------------------------------------------- actions


_ACTION_SUBJECT = re.compile(
    r"^(?:(?P<who>(?:The\s+|the\s+)?(?:[A-Z][\w&'’\-]*\s+){0,6}?(?:[A-Z][\w&'’\-]*|officers|Officers|Members|members|Clerk|clerk))\s+)"
    r"(?:would|will|agreed\s+to|undertook\s+to|was\s+asked\s+to|were\s+asked\s+to|to)\s+(?P<verb>\w+)"
)
ACTION_VERBS = {
    "circulate", "provide", "report", "send", "arrange", "investigate", "review", "write", "bring", "update",
    "share", "contact", "respond", "prepare", "look", "follow", "confirm", "check", "liaise", "distribute",
    "notify", "establish", "explore", "supply", "produce", "raise", "add", "place", "amend", "organise",
    "organize", "email", "forward", "seek", "invite", "schedule", "publish", "clarify", "ask", "find",
    "draft", "compile", "chase", "approach", "feed", "set",
}


def actions(text: str, pipeline) -> list[tuple[str, Optional[str], int]]:
    """(sentence, who, offset) for sentences that commit someone to do something."""
    out = []
    for off, s in sentences(text, pipeline):
        m = _ACTION_SUBJECT.match(s)
        if not m or m.group("verb").lower() not in ACTION_VERBS:
            continue
        who = m.group("who").strip()
        if re.match(r"^(?:Nothing|None|Nobody|No\s+one)$", who):
            continue  # "Nothing to report": no one is given a task
        if re.match(r"^(?:It|This|That|There|The\s+Committee|The\s+Panel|The\s+Council|The\s+Board)\b", who) and not re.search(r"officer|clerk", who, re.I):
            continue
        out.append((s, who, off))
    return out


# --------------------------------------------------------------------------- votes


_COUNT = re.compile(
    r"\b(?P<side>For(?:\s+the\s+(?:Motion|Amendment))?|Against(?:\s+the\s+(?:Motion|Amendment))?|Abstain(?:ed|ing|ions?)?|Abstentions?)\b\s*[:\-–]?\s*"
    r"(?P<names>(?:[^()]|\([A-Z]\))*?)\s*\(?\s*\**\s*\(?(?P<n>\d{1,3})\)?\**\s*\)?(?=\s|$|[,;.])",
)
_WHO_ABBREVIATED = r"(?:(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr|Cllr)\.\s+)?(?:[A-Z]\.\s*){0,3}"  # "Cllr. G. Mitchell"
_PROPOSER = re.compile(rf"\b(?:Proposed|Moved|Molta|Propos[ée]e?)\s+(?:by|ag|par)\s+(?P<who>{_WHO_ABBREVIATED}[^;,.&]+?)"
                       r"(?:\s*[;,.&]|\s+(?:and|et|to|that)\b|$)", re.I)
_SECONDER = re.compile(rf"\b(?:Seconded|Cuidi\w*|Appuy[ée]e?|Second[ée]e?)\s+(?:by|ag|[óo6]n|par)\s+(?P<who>{_WHO_ABBREVIATED}[^;,.]+?)"
                       r"(?:\s*[;,.]|\s+(?:et|and|was|were|which|who)\b|(?<=\([A-Z]\))\s*(?=[a-z])|$)", re.I)
# Mover and seconder as labelled fields: "Proposed: CR 2nd: KD", "Prop: AM 2nd: CR" (a superscript
# "nd" the text layer may have moved away). Initials for the one, initials for the other.
# The labels may be nouns, and a name may carry its affiliation in brackets ("Proposer: Sylvia
# Knights (Bungay Library) Seconder: Sue Buck (Long Melford Library)").
_PROP_LABELLED = re.compile(
    r"\b(?:Proposed|Proposer|Prop|Moved|Mover)\.?\s*(?:by\s*)?:\s*(?P<proposer>[A-Z]{2,4}\b|[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}?)"
    r"(?:\s*\([^()]{1,60}\))?\s+(?:2(?:nd)?|Seconded|Seconder|Second|Sec)\.?\s*(?:by\s*)?:?\s*"
    r"(?P<seconder>[A-Z]{2,4}\b|[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)(?=[\s.,;(]|$)")
# Mover and seconder by their initials alone: "Approval - proposed NR, seconded DN"
_PROP_INITIALS = re.compile(
    r"\b(?:[Pp]roposed|[Mm]oved)\s+(?P<proposer>[A-Z]{2,4})\b,?\s+(?:and\s+)?(?:[Ss]econded|2nd)\s+(?P<seconder>[A-Z]{2,4})\b")
# "Mr Love suggested and the Leader and Cabinet agreed to the following amendment": an amendment
# moved and carried, no seconder or count printed.
_AMENDMENT_AGREED = re.compile(
    r"(?P<proposer>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][\w'’\-]+)\s+(?:suggested|proposed|moved)\s+and\s+[^.;:]{0,80}?\b"
    r"(?:agreed|accepted)\s+(?:to\s+)?the\s+(?:following\s+)?amendment\b")
# A decision said to be unanimous: a vote carried, whether or not its counts are printed.
_UNANIMOUS = re.compile(
    r"\b(?:r[ée]solu|resolved|adopt[ée]e?|carried|agreed)\s+(?:[àa]\s+l[’']unanimit[ée]|unanimously)\b|"
    r"\bunanimously\s+(?:resolved|agreed|carried)\b", re.I)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr)\.?\s+"
_PROPOSED_INLINE = re.compile(
    rf"(?P<proposer>{_HONORIFIC}[A-Z][\w'’\-]+(?:\s\([A-Z]\))?)\s+proposed,?\s+and\s+(?P<seconder>{_HONORIFIC}[A-Z][\w'’\-]+(?:\s\([A-Z]\))?)\s+seconded"
)
# "On the proposal of Councillor Sheahan (J) seconded by Councillor Collins (M), it was agreed"
_ON_PROPOSAL = re.compile(
    r"\bOn\s+the\s+(?:proposal|motion)\s+of\s+(?P<proposer>[^,;]+?),?\s+(?:and\s+)?seconded\s+by\s+(?P<seconder>[^,;]+?)(?=,|;|\s+it\s+was\b|\.\s)",
    re.I,
)
_RESULT = re.compile(r"\b(?:motion|amendment|recommendation|proposal)?\s*(?:was|were)?\s*(?P<result>carried|lost|defeated|fell|agreed\s+unanimously|unanimously\s+agreed)\b", re.I)
# The outcome said of the proposal itself: "..., it was agreed that", "the Mayor declared X co-opted".
_AGREED = re.compile(r"^[^.]{0,40}?\bit\s+was\s+(?:unanimously\s+)?agreed\b", re.I)
_DECLARED_DONE = re.compile(r"\bdeclared\s+(?:[^.]|(?<=\b(?:Mr|Ms|Dr|St))\.|(?<=\bMrs)\.){2,80}?\b(?:co-\s*opted|elected|appointed|nominated|duly\s+elected)\b", re.I)


@dataclass
class VoteFound:
    proposer: Optional[str] = None
    seconder: Optional[str] = None
    counts: dict = None
    names: dict = None
    result: Optional[str] = None
    start: int = 0
    end: int = 0  # where the proposal (or its recorded vote) ends: the outcome is looked for after it


# Motions as North American and many other minutes record them: "X made a motion to approve ...,
# seconded by Y", "Motion to approve ... was made by X, seconded by Y", "Motion by X to ...",
# "X moved that ...". The motion's words ("to approve the Consent Calendar") are the resolution
# when it carried.
_NAME_WORD = r"(?:[A-Z][\w'’\-]*|Mrs?\.|Ms\.|Dr\.|Cllr\.)"  # a word of a name; a full stop only after an honorific
# "deHaan", "McKay", "Collins (B)" (the letter that tells two members of one surname apart)
_MOVER = rf"(?P<mover>(?:{_NAME_WORD}[ \t]+){{0,4}}?(?:[a-z]{{1,3}}(?=[A-Z]))?[A-Z][\w'’\-]+(?:[ \t]?\([A-Z]\))?)"
# Someone described, not named, as town meetings record movers and seconders: "a resident in the crowd".
_UNNAMED = (r"(?:a|an|another|one)\s+(?:resident|elector|voter|citizen|member\s+of\s+the\s+public|member\s+of\s+the\s+audience)"
            r"(?:\s+(?:in|from)\s+the\s+(?:crowd|audience|floor|room|gallery))?")
# A sentence's full stop, not an abbreviation's ("RPS No. 4057", "Cllr. Novak", "St. Mary's", "J. Smith").
_STOP = r"(?<!\bNo)(?<!\bNos)(?<!\bCllr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])\.(?:\s|$)"
_MOTION_END = (r"(?=,?\s+(?:which\s+|and\s+)?(?:was\s+)?(?:(?:made|moved)\s+by|[Ss]econded|[Ss]econd(?:ed)?\s+by)\b"
               rf"|,?\s+by\s+(?:{_NAME_WORD}[ \t]+){{0,3}}[A-Z][\w'’\-]+(?:,?\s+(?:and\s+)?[Ss]econd|\.(?:\s|$))"
               rf"|,?\s+by\s+{_UNNAMED}\b"
               r"|,?\s+and\s+(?:[A-Z][\w.'’\-]*\s+){1,5}seconded\b|" + _STOP + r"|;|$)")
_MOTION_FORMS = (
    # "It was proposed by Councillor Collins (B), seconded by Councillor Collins (J) requesting RTE to
    # delay ...", "It was proposed by X to amend the motion ...": the passive with its mover named
    re.compile(rf"\b[Ii]t\s+was\s+(?:proposed|moved)\s+by\s+{_MOVER},?\s+(?:and\s+)?seconded\s+by\s+"
               rf"(?P<seconder>(?:{_NAME_WORD}[ \t]+){{0,4}}[A-Z][\w'’\-]+(?:[ \t]?\([A-Z]\))?),?\s*"
               rf"(?P<body>(?:that|to|requesting|calling)\b.+?){_MOTION_END}"),
    re.compile(rf"\b[Ii]t\s+was\s+(?:proposed|moved)\s+by\s+{_MOVER}\s+(?P<body>(?:to|that)\s+.+?){_MOTION_END}"),
    re.compile(rf"{_MOVER}\s+(?:made\s+(?:a|the)\s+motion|moved|motioned)(?:,?\s+(?P<seconder>seconded\s+by\s+[^,;.]+?),?)?\s+"
               rf"(?P<body>(?:to|that)\s+.+?){_MOTION_END}"),
    re.compile(rf"\b[Mm]otion\s+(?:was\s+(?:made\s+)?)?(?:by\s+{_MOVER},?\s+)?(?P<body>to\s+.+?){_MOTION_END}"),
    re.compile(rf"\b[Mm]otion\s+was\s+(?:made|put)\s+(?:by\s+{_MOVER},?\s+)?(?P<body>that\s+.+?){_MOTION_END}"),
    # a word the print lost: "An was made to donate ...", "A motion was made allow the Club to use ..."
    re.compile(rf"\b(?:An?\s+motion|An)\s+was\s+made\s+(?!by\b)(?P<body>(?:(?:to|that)\s+)?[a-z]+\s.+?){_MOTION_END}"),
    # "Motion by X, second by Y." with no words of its own: it moves what the sentence before says
    re.compile(rf"\b[Mm]otion\s+(?:was\s+(?:made\s+)?)?by\s+{_MOVER}(?P<body>)(?=,?\s+(?:and\s+)?second(?:ed)?\s+by\b)"),
    re.compile(rf"{_MOVER}\s+(?:proposed|moved)\s+(?:a\s+(?:resolution|motion)\s+)?(?P<body>that\s+.+?){_MOTION_END}"),
    # "Member Erwin nominated Troy Hosmer for President. Seconded by Member Frank.": a nomination
    # seconded is a motion; one not seconded is told, not moved
    re.compile(rf"{_MOVER}\s+(?P<body>nominated\s+[^.;\n]+?)(?=\.\s+[Ss]econded\b|,?\s+(?:and\s+)?(?:was\s+)?[Ss]econded\b)"),
    # "Councilmember X moved adoption of the Resolution. Y seconded the motion, which carried": the
    # motion named by what it does to the paper before the body
    re.compile(rf"{_MOVER}\s+moved\s+(?P<body>(?:the\s+)?(?:adoption|approval|acceptance|introduction|(?:final\s+)?passage|ratification|"
               rf"reconsideration|denial|continuance|receipt)\s+of\s+.+?)(?={_STOP}|;|$)"),
    re.compile(rf"{_MOVER}\s+proposed,?\s+(?:and\s+)?(?P<seconder>(?:{_NAME_WORD}[ \t]+){{0,4}}[A-Z][\w'’\-]+)\s+seconded,?\s+"
               rf"(?P<body>that\s+.+?)(?={_STOP}|$)"),
    # "The minutes of October 26 were moved for acceptance by X and seconded by Y": the thing moved
    # is the subject, the motion told in the passive
    re.compile(rf"(?:(?<=[.;:]\s)|(?<=\n)|^)(?P<body>[A-Z][^.;:\n]{{4,200}}?\s(?:was|were)\s+moved"
               rf"(?:\s+for\s+(?:acceptance|approval|adoption))?)\s+by\s+{_MOVER}(?=,|\.|\s+and\s+second|\s+second)"),
    # "It was proposed that a noticeboard be purchased ... Prop: AM 2nd: CR": put in the passive, its
    # mover recorded after it (without that record it is a suggestion, see motions())
    re.compile(rf"\b[Ii]t\s+was\s+(?:proposed|moved)\s+(?P<body>that\s+.+?)(?={_STOP}|;|$)"),
    # "the Leader proposed and Mr Oakford, Deputy Leader, seconded the above motion": a vote, no words
    re.compile(rf"{_MOVER}\s+proposed,?\s+and\s+(?P<seconder>(?:{_NAME_WORD}[ \t]+){{0,3}}[A-Z][\w'’\-]+)(?:,[^.;]{{0,160}}?,)?\s+"
               rf"seconded\b(?P<body>)"),
)
_SECONDED_BACK = re.compile(rf"\b(?:This|The|That)\s+(?:proposal|motion|amendment|resolution)\s+was\s+seconded\s+by\s+"
                            rf"(?P<who>(?:{_NAME_WORD}[ \t]+){{0,4}}[A-Z][\w'’\-]+(?:[ \t]?\([A-Z]\))?)")
_MOTION_BY = re.compile(r"\b(?:made|moved)\s+by\s+(?P<who>[^,.;]+?)(?=\s+and\s+second|[,.;]|$)|^,?\s+by\s+(?P<who2>[^,.;]+?)(?=\s+and\s+second|[,.;]|$)")
_MOTION_SECONDER = re.compile(rf"\b(?:[Ss]econded|[Ss]econd)\s+(?:by\s+)?(?P<who>{_WHO_ABBREVIATED}[A-Z][^,.;]+?(?=\s+(?:and|was|were|which|who)\b|[,.;]|$)|{_UNNAMED})|(?P<who2>(?:{_NAME_WORD}[ \t]+){{0,4}}[A-Z][\w'’\-]+)\s+seconded\b")
_MOTION_PASSED = re.compile(
    r"\b(?:motion\s+(?:passed|carried|approved)|(?:was|were)\s+(?:passed|carried|approved)|all\s+(?:presents?\s+)?(?:were\s+)?in\s+favou?r|"
    r"(?:this|the)\s+(?:motion|amendment|proposal)\s+was\s+(?:\w+\s+)?(?:agreed|accepted|adopted)|"
    r"(?:passed|carried)\s+(?:unanimously|\d+\s*[-–]\s*\d+)|unanimously|ayes?\s*[:\-]|motion\s+passes|"
    r"(?:passed|carried)\s+(?:by\s+)?(?:a\s+)?(?:unanimous\s+|\d{1,2}\s*[-–]\s*\d{1,2}\s+)?(?:roll[\s-]+call|voice|show\s+of\s+hands|unanimous)\s+vote)", re.I)
_MOTION_FAILED = re.compile(r"\bmotion\s+(?:failed|was\s+defeated|was\s+lost|fails)\b", re.I)
_MOTION_COUNT = re.compile(r"\b(?:passed|carried|failed|vote\s+of)?\s*(?P<a>\d{1,2})\s*[-–]\s*(?P<b>\d{1,2})(?:\s*[-–]\s*(?P<c>\d{1,2}))?\b")


@dataclass
class Motion:
    text: str
    mover: Optional[str]
    seconder: Optional[str]
    result: Optional[str]
    counts: dict
    start: int
    end: int
    parts: tuple = ()  # (offset, words) of what the mover added to the motion ("X also requested that ...")


# Mover and seconder marked after what they put, as outline minutes print them: "Minutes from 11/30/17
# meeting approved – Z. Maiorca (motion), T. Feinberg (second)".
_WHO_MARKED = rf"(?:{_NAME_WORD}|[A-Z]\.)(?:[ \t]+(?:{_NAME_WORD}|[A-Z]\.)){{0,3}}"
_MARKED_MOTION = re.compile(
    rf"(?P<mover>{_WHO_MARKED})\s*\((?:motion|moved|mover|proposed|proposer)\),?\s*(?:and\s+)?"
    rf"(?P<seconder>{_WHO_MARKED})\s*\((?:second|seconded|seconder)\)")
_LOST_WORDS = re.compile(r"\b(?:rejected|refused|failed|defeated|lost|denied|not\s+(?:approved|carried|agreed))\b", re.I)


def marked_motions(text: str) -> list[Motion]:
    """Motions whose mover and seconder are marked "(motion)" / "(second)" after the words they put:
    the words are the text before the marks on their line or in their sentence (none when the marks
    open the text: they stand after the item's title)."""
    out = []
    for m in _MARKED_MOTION.finditer(text):
        start = max([0] + [b.end() for b in re.finditer(r"\n|[.;]\s", text[: m.start()])])
        words = text[start:m.start()]
        lead = len(words) - len(words.lstrip())
        words = re.sub(r"[\s,;:–—-]+$", "", words.strip())
        result = "lost" if _LOST_WORDS.search(words) else "carried"
        out.append(Motion(words, m.group("mover").strip(), m.group("seconder").strip(), result, {}, start + lead, m.end()))
    return out


def motions(text: str) -> list[Motion]:
    """Motions made, seconded and decided in an item's body, in order. Each is told up to the next
    motion (or 400 characters): its mover, seconder, result and count are looked for there."""
    marked = marked_motions(text)
    if marked:
        return marked
    matches: list[re.Match] = []
    for rx in _MOTION_FORMS:
        for m in rx.finditer(text):
            if not any(o.start() <= m.start() < o.end() or m.start() <= o.start() < m.end() for o in matches):
                matches.append(m)
    matches.sort(key=lambda m: m.start())
    found: list[Motion] = []
    for k, m in enumerate(matches):
        body = m.group("body").strip(" ,")
        stop = min([matches[k + 1].start()] if k + 1 < len(matches) else [len(text)])
        stop = min(stop, m.end() + 400)
        nxt = re.search(r"\b(?:made\s+a\s+motion|Motion\s+(?:to|by|was)|moved\s+(?:to|that))\b", text[m.end():stop])
        stop = m.end() + nxt.start() if nxt else stop
        tail = text[m.end():stop]
        mover = m.groupdict().get("mover")
        by = _MOTION_BY.search(tail)
        if by:
            mover = by.group("who") or by.group("who2")
        sec = _MOTION_SECONDER.search(tail)
        seconder = m.groupdict().get("seconder") or ((sec.group("who") or sec.group("who2")) if sec else None)
        parts: tuple = ()
        # "... This proposal was seconded by Councillor O'Sullivan." further on, before the next motion
        later = _SECONDED_BACK.search(text, m.end(), matches[k + 1].start() if k + 1 < len(matches) else len(text))
        if later and not seconder:
            seconder = later.group("who")
        if later and mover:  # what the mover asked for besides, before the seconder's sentence: parts of one motion
            added = re.compile(rf"{re.escape(mover.strip())}\s+also\s+(?:requested|proposed|asked|moved)\s+(?P<body>that\s.+?)(?={_STOP}|;|$)")
            parts = tuple((a.start("body"), a.group("body").strip(" ,")) for a in added.finditer(text, m.end(), later.start()))
        if "mover" not in m.groupdict():  # put in the passive: moved only by the record after it
            fields = _PROP_LABELLED.search(tail) or _PROP_INITIALS.search(tail)
            if fields:
                mover, seconder = fields.group("proposer"), fields.group("seconder")
            elif not by:
                continue
        seconder = re.sub(r"^seconded\s+by\s+", "", seconder) if seconder else None
        result = "lost" if _MOTION_FAILED.search(tail) else (
            "carried" if _MOTION_PASSED.search(tail) or re.search(r"\bRESOLVED\b", tail) else None)
        counts = {}
        c = _MOTION_COUNT.search(tail)
        if c and result:
            counts = {"for": int(c.group("a")), "against": int(c.group("b"))}
            if c.group("c"):
                counts["abstain"] = int(c.group("c"))
        found.append(Motion(body, _clean_who(mover), _clean_who(seconder), result, counts, m.start(), stop, parts))
    return found


# A motion with no object of its own: "moved to accept", "moved to approve" (a verb that takes no
# object, "to adjourn", "to recess", is a whole motion).
_BARE_MOTION = re.compile(r"^(?:to|that)\s+(?!(?:adjourn|recess|reconvene)\b)(?:\w+)\s*$", re.I)


def _sentence_before(text: str, start: int) -> Optional[str]:
    """The sentence that ends right before ``start`` in its paragraph."""
    before = text[:start].rstrip()
    if not before.endswith((".", "!")):
        return None
    line = re.split(r"\n", before)[-1]
    sents = re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)
    return sents[-1].strip() if sents and len(sents[-1].split()) >= 3 else None


def with_motions(found: list[Found], text: str, title: Optional[str] = None) -> list[Found]:
    """``found`` with the motions that carried (or whose outcome is not told) that no resolution
    already covers; a resolution read from inside a motion's span gives way to the motion. A motion
    without words of its own that opens the text moves the item's title."""
    out = list(found)
    ms = motions(text)
    for mo in ms:
        if not mo.text and mo.start == 0 and title and mo.result != "lost":
            mo.text = title
        if mo.result == "lost" or not mo.text:
            continue
        if _BARE_MOTION.match(mo.text) and (put := _sentence_before(text, mo.start)):
            mo.text = put  # "... was accepted with regret. X moved to accept": the motion moves what was said before it
        inside = [f for f in out if mo.start - 3 <= f.start < mo.end]
        if any(f.start < mo.start - 3 and f.start + len(f.text) > mo.start for f in out):
            continue  # a resolution already reads through the motion
        for f in inside:
            out.remove(f)
        out.append(Found(text=mo.text, start=mo.start))
        out += [Found(text=words, start=at) for at, words in mo.parts if not any(f.start <= at < f.start + len(f.text) for f in out)]
    out += _unworded_motions(text, out, ms)
    return sorted(out, key=lambda f: f.start)


# The words of a proposal quoted after its mover and seconder ("Proposed by X; Seconded by Y.
# “That Councillor Daniel Butler be appointed Mayor ...”").
_QUOTED_PROPOSAL = re.compile(r"[^“\"]{0,120}?[“\"]\s*(?P<words>That\b[^”\"]{10,2000}?)\s*[”\"]", re.S)


def with_carried_proposals(found: list[Found], text: str) -> list[Found]:
    """An item that records no resolution decides what its proposal that carried put: the quoted
    words after the proposal's mover and seconder (the winning nomination of a ballot)."""
    if found:
        return found
    out = []
    for v in votes(text):
        if v.result != "carried" or not (v.proposer or v.seconder):
            continue
        quoted = _QUOTED_PROPOSAL.match(text, v.start + 1)
        seconded = _SECONDER.search(text, v.start, v.start + 300)
        if seconded:
            quoted = _QUOTED_PROPOSAL.match(text, seconded.end()) or quoted
        if quoted:
            out.append(Found(text=" ".join(quoted.group("words").split()), start=quoted.start("words")))
    return out


_PUT = re.compile(r"\.\s+(?!All\b|Roll\b|Motion\b|The\s+motion\b)[A-Z]")  # a new sentence other than the vote's own


# A vote taken on what the text before it put ("... a bus trip in December. All were in favor.
# ... Motion passes.") with no motion worded: the outcome closes the proposal.
_PUT_AND_CARRIED = re.compile(r"\b(?:all\s+(?:were\s+)?in\s+favou?r|motion\s+(?:passes|passed|carried)|carried\s+unanimously)\b", re.I)
_TOLD_THAT = re.compile(r"^(?:[A-Z][\w'’.\-]*\s+){1,4}(?:mentioned|said|proposed|suggested|reported|explained|stated)\s+that\s+")


def _unworded_motions(text: str, found: list[Found], ms: list) -> list[Found]:
    """The proposal an outcome closes when no motion or resolution of the item stands before it:
    the sentences from the item's start (or the last vote's end) up to it, without "X said that"."""
    out: list[Found] = []
    last = 0
    calls = [(v.start, v.end) for v in roll_calls(text)]
    for m in _PUT_AND_CARRIED.finditer(text):
        spans = [(mo.start, mo.end) for mo in ms] + [(f.start, f.start + len(f.text)) for f in found + out] + calls
        if any(a <= m.start() <= b + 40 for a, b in spans) or any(last <= a < m.start() for a, _ in spans):
            last = m.end()
            continue
        before = text[last:m.start()].strip()
        before = re.split(r"(?<=[.!?])\s+(?=(?:Roll\s+call|Motion|Vote)\b)", before)[0].strip()
        before = _TOLD_THAT.sub("", before)
        if 3 <= len(before.split()) <= 80:
            out.append(Found(text=before, start=last + max(0, text[last:m.start()].find(before[:20]))))
        last = m.end()
    return out


def _clean_who(who: Optional[str]) -> Optional[str]:
    if not who:
        return None
    who = re.sub(r"^(?:and|by|the)\s+", "", who.strip(" ,.;"), flags=re.I)
    return who or None


# Counts printed number first, in English or French: "14 votes pour", "11 votes pour / 3 abstentions /
# 2 contre", "7 in favour, 2 against, 1 abstention".
_COUNT_FIRST = re.compile(
    r"(?<![\w/.,£$€])(?P<n>\d{1,3})\s+(?:votes?\s+)?(?P<side>pour|contre|abstentions?|in\s+favou?r|"
    r"for(?:\s+the\s+(?:resolution|motion|amendment|proposal))?(?=\s*[,;/]|\s+and\b)|"
    r"against|abstain(?:ed|ing|ions?)?)\b",
    re.I)
_SIDE = {"pour": "for", "contre": "against", "for": "for", "against": "against"}


def count_votes(text: str) -> list[VoteFound]:
    """Runs of number-first counts (one vote each run), the result carried when more voted for."""
    out: list[VoteFound] = []
    for m in _COUNT_FIRST.finditer(text):
        word = m.group("side").lower()
        side = _SIDE.get(word.split()[0], "for" if "favo" in word else "abstain")
        last = out[-1] if out else None
        if last is not None and m.start() - last.end <= 6 and side not in last.counts:
            last.counts[side], last.end = int(m.group("n")), m.end()
            continue
        out.append(VoteFound(counts={side: int(m.group("n"))}, names={}, start=m.start(), end=m.end()))
    out = [v for v in out if "for" in v.counts and (len(v.counts) > 1 or re.search(r"votes?|pour|favou?r", text[v.start:v.end], re.I))]
    for v in out:
        v.result = "carried" if v.counts["for"] > v.counts.get("against", 0) else "lost"
    return out


# A vote block as meeting-management systems print it: "RESULT: APPROVED [UNANIMOUS] MOTION BY: Mashack
# SECOND: Brown AYES: ... NAYS: ... ABSTAIN: ... ABSENT: ...", the count in brackets when not unanimous.
_VOTE_BLOCK = re.compile(
    r"\bRESULT:\s*(?P<result>[A-Z][A-Z ]*?[A-Z])\s*(?:\[(?P<tally>[^\]]+)\])?\s+MOTION\s+BY:\s*(?P<mover>.+?)\s+SECOND(?:ED)?(?:\s+BY)?:\s*(?P<seconder>.+?)"
    r"(?=\s+(?:AYES|NAYS|ABSTAIN|ABSENT|RECUSED)\s*:|\s*$)(?P<rest>(?:\s+(?:AYES|NAYS|ABSTAIN|ABSENT|RECUSED)\s*:\s*[^:]*?(?=\s+(?:AYES|NAYS|ABSTAIN|ABSENT|RECUSED)\s*:|\s+[A-Z][A-Z ]+:|\.\s|$))*)")


# A label naming what is put to the vote, its count after it: "Vote du budget primitif 2021 : 15 pour",
# "Approval of the precept: 7 in favour, 2 against".
_COUNTED_LABEL = re.compile(r"(?:^|(?<=\n)|(?<=[.;]\s))(?P<label>[A-ZÀ-Ý][^.:;\n]{3,120}?)\s*:\s*$")


def with_counted_labels(found: list[Found], text: str) -> list[Found]:
    """``found`` with the label of each number-first count that stands right after one ("Vote des
    comptes de gestion 2020 : 15 pour"): what was voted, where no resolution covers that line."""
    out = list(found)
    for v in count_votes(text):
        if v.result != "carried":
            continue
        m = _COUNTED_LABEL.search(text[max(0, v.start - 160): v.start])
        if not m or len(m.group("label").split()) > 14:
            continue
        start = max(0, v.start - 160) + m.start("label")
        if any(start <= f.start < v.end or f.start <= start < f.start + len(f.text) for f in out):
            continue
        out.append(Found(text=m.group("label").strip(), start=start))
    return sorted(out, key=lambda f: f.start)


def unframed(text: str) -> str:
    """A resolution without the proposal that frames it ("On the proposal of X, seconded by Y, it was
    agreed that ..." gives what was agreed)."""
    m = _ON_PROPOSAL.match(text)
    if not m:
        return text
    rest = re.sub(r"^,?\s*(?:(?:it\s+was|the\s+(?:council|committee|members?|board))\s+(?:agreed|resolved|decided)\s+(?:that\s+)?)?",
                  "", text[m.end():], count=1, flags=re.I)
    return rest if len(rest.split()) >= 3 else text


# A notice of motion quoted in the item ("I will move at the next Meeting that ...") and the line that
# adopts it ("... the Motion was adopted by the Council", "The amended Motion was seconded ... and agreed").
# "I will move ..." (an OCR'd page may read the "I" as "!", "l" or "|")
_NOTICE = re.compile(r"(?:\b(?:I|We)|(?<![\w!|])[!|l1](?=\s))\s+(?:will|shall|wish\s+to|hereby)\s+move\b", re.I)
_ADOPTS_MOTION = re.compile(r"\bthe\s+(?:amended\s+|substantive\s+)?motion\s+was\s+(?:[\w\s,()]{0,80}?\s)?(?:adopted|agreed|carried|passed|approved)\b", re.I)


def with_notices(found: list[Found], text: str) -> list[Found]:
    """``found`` with each resolution that only says a notice of motion was adopted replaced by the
    motion's own words, from "I will move ..." to the sentence that adopts it."""
    out = []
    for f in found:
        notice = None
        if _ADOPTS_MOTION.search(f.text):
            notices = [m for m in _NOTICE.finditer(text, 0, f.start)]
            notice = notices[-1] if notices else None
        if notice is None or any(o.start > notice.start() for o in out if o is not f):
            out.append(f)
            continue
        words = " ".join(text[notice.start(): f.start].split()).strip()
        words = re.sub(r"\s*(?:On\s+the\s+(?:proposal|motion)\s+of\b.*)?$", "", words, flags=re.I | re.S)
        out.append(Found(text=words, number=f.number, noted=False, start=notice.start()) if len(words.split()) >= 5 else f)
    return out


def with_vote_blocks(found: list[Found], text: str) -> list[Found]:
    """Resolutions where the minutes record votes as blocks (RESULT: ... MOTION BY: ...): a block is
    never a resolution's text; a block that carried with no motion worded before it settles the
    text put before it since the last block (a recommended action), or, with none, its result words."""
    blocks = list(_VOTE_BLOCK.finditer(text))
    if not blocks:
        return found
    out = [f for f in found if not any(b.start() <= f.start < b.end() or f.start < b.start() < f.start + len(f.text) for b in blocks)]
    ms = motions(text[: blocks[-1].start()])
    last = 0
    for b in blocks:
        put = text[last : b.start()]
        lost = re.search(r"fail|lost|defeat|denied", b.group("result"), re.I)
        worded = any(last <= mo.start < b.start() for mo in ms)
        covered = any(last <= f.start < b.start() for f in out)
        if not lost and not worded and not covered:
            paragraph = [p.strip() for p in re.split(r"\n", put) if p.strip()]
            words = paragraph[-1] if paragraph else b.group("result") + (f" [{b.group('tally')}]" if b.group("tally") else "")
            out.append(Found(text=words, start=last + put.rfind(words) if paragraph else b.start()))
        last = b.end()
    return sorted(out, key=lambda f: f.start)


def vote_blocks(text: str) -> list[VoteFound]:
    """The vote blocks in ``text``: result, mover, seconder and the counts the bracket or the lists give."""
    out = []
    for m in _VOTE_BLOCK.finditer(text):
        word = m.group("result").lower()
        result = "lost" if re.search(r"fail|lost|defeat|denied", word) else "carried"
        counts: dict = {}
        tally = m.group("tally") or ""
        nums = re.findall(r"\d+", tally)
        lists = {k.upper(): v for k, v in re.findall(r"(AYES|NAYS|ABSTAIN)\s*:\s*([^:]*?)(?=\s+[A-Z]{4,}\s*:|$)", m.group("rest"))}
        if len(nums) >= 2:
            counts = {"for": int(nums[0]), "against": int(nums[1])}
            if len(nums) >= 3:
                counts["abstain"] = int(nums[2])
        elif "UNANIMOUS" in tally.upper():
            ayes = [n for n in re.split(r"\s*,\s*", lists.get("AYES", "")) if n.strip(" ,")]
            if ayes and "," in lists.get("AYES", "") and lists.get("AYES", "").count(",") + 1 == len(ayes):
                counts["for"] = len(ayes)
            counts["against"] = 0
        out.append(VoteFound(proposer=m.group("mover").strip(" ,"), seconder=m.group("seconder").strip(" ,"), counts=counts,
                             names={}, result=result, start=m.start(), end=m.end()))
    return out


def votes(text: str) -> list[VoteFound]:
    """Recorded votes, and proposed/seconded motions, in an item's body. Each run of tallies
    (For / Against / Abstain) is the vote on the nearest proposal before it that has none; a run
    with no such proposal ("Substantive Motion carried") is a vote of its own."""
    found: list[VoteFound] = vote_blocks(text)
    for m in _PROPOSER.finditer(text):
        if any(v.start <= m.start() < v.end for v in found):
            continue
        v = VoteFound(proposer=m.group("who").strip(), counts={}, names={}, start=m.start(), end=m.end())
        sec = _SECONDER.search(text, m.end(), m.end() + 300)
        if sec:
            v.seconder, v.end = sec.group("who").strip(), sec.end()
        found.append(v)
    for pattern in (_PROPOSED_INLINE, _ON_PROPOSAL, _PROP_LABELLED, _PROP_INITIALS):
        for m in pattern.finditer(text):
            if not any(v.start <= m.start() < v.end for v in found):
                found.append(VoteFound(proposer=m.group("proposer").strip(), seconder=m.group("seconder").strip(), counts={}, names={}, start=m.start(), end=m.end()))
    for m in _AMENDMENT_AGREED.finditer(text):
        if not any(v.start <= m.start() < v.end for v in found):
            found.append(VoteFound(proposer=m.group("proposer"), counts={}, names={}, result="carried", start=m.start(), end=m.end()))
    for c in count_votes(text):
        if not any(v.start <= c.start < v.end or c.start <= v.start < c.end for v in found):
            found.append(c)
    for mo in motions(text):
        counted = [v for v in found if mo.start <= v.start < mo.end and v.counts and not v.proposer and not v.seconder]
        if counted and not mo.counts and not any(v.start <= mo.start < v.end for v in found):
            counted[0].proposer, counted[0].seconder, counted[0].start = mo.mover, mo.seconder, mo.start  # the count of this motion
            continue
        if not any(v.start <= mo.start < v.end or mo.start <= v.start < mo.end for v in found):
            found.append(VoteFound(proposer=mo.mover, seconder=mo.seconder, counts=dict(mo.counts), names={},
                                   start=mo.start, end=mo.end, result=mo.result))
    found.sort(key=lambda v: v.start)
    tallies = _ballot(text, _tallies(text), found)
    for group in _tally_groups(tallies, [v.start for v in found]):
        first, last = group[0][3], group[-1][4]
        before = [v for v in found if v.start < first and not v.counts]
        target = before[-1] if before and not any(before[-1].start < w.start < first for w in found if w is not before[-1]) else None
        if target is not None and _RESULT.search(text, target.end, first):
            target = None  # that proposal's outcome is told before these tallies
        if target is None:
            target = VoteFound(counts={}, names={}, start=first)
            found.append(target)
        for side, n, names, _, _ in group:
            target.counts.setdefault(side, n)
            target.names.setdefault(side, names)
        target.end = last
    found.sort(key=lambda v: v.start)
    for k in range(len(found) - 1, 0, -1):
        prev, v = found[k - 1], found[k]
        if (v.counts and not v.proposer and not v.seconder and not prev.counts and prev.result is None
                and not _RESULT.search(text, prev.end, v.start)):
            prev.counts, prev.result, prev.end = v.counts, v.result, v.end  # the count of the proposal put before it
            del found[k]
    for call in roll_calls(text):
        before = [v for v in found if v.start < call.start and not v.counts]
        target = before[-1] if before and not _PUT.search(text, before[-1].end, call.start) else None
        if target is None or any(target.start < w.start < call.start for w in found if w is not target):
            found.append(call)
            continue
        target.counts, target.names, target.end = call.counts, call.names, call.end
        target.result = target.result or call.result
    found.sort(key=lambda v: v.start)
    for m in _UNANIMOUS.finditer(text):
        put = [v for v in found if v.start <= m.start() <= v.end + 300]
        if not put:  # "The Members unanimously agreed the minutes. The minutes were proposed by ...": its mover told after
            put = [v for v in found if 0 <= v.start - m.end() <= 200 and v.result is None and not v.counts
                   and "\n\n" not in text[m.end():v.start]][:1]
        if not put:
            found.append(VoteFound(counts={}, names={}, result="carried", start=m.start(), end=m.end()))
        elif put[-1].result is None:
            put[-1].result = "carried"
    found.sort(key=lambda v: v.start)
    for k, v in enumerate(found):
        if v.result:
            continue
        stop = min([w.start for w in found[k + 1 :] if w.start > v.end] + [v.end + 1500])
        r = _RESULT.search(text, v.end, stop)
        if r:
            word = r.group("result").lower()
            v.result = "carried" if ("carried" in word or "agreed" in word) else "lost"
        elif (_AGREED.search(text[v.end : stop]) or _DECLARED_DONE.search(text, v.end, stop)
              or re.search(r"(?:^|[\s.])(?:\d{1,3}\.\s+)?(?:RESOLVED|R[ÉE]SOLU)\b|\bet\s+r[ée]solu\b", text[v.end : stop])):
            v.result = "carried"  # the motion put, then what was resolved
        elif (v.proposer or v.seconder) and _decided_before(text, v.start):
            v.result = "carried"  # "It was resolved to raise the limit. Prop: CR 2nd: SB": who moved what was decided
    for v in found:  # a name broken over two lines is one name
        v.proposer = " ".join(v.proposer.split()) if v.proposer else v.proposer
        v.seconder = " ".join(v.seconder.split()) if v.seconder else v.seconder
    return found


_DECIDED_JUST_BEFORE = re.compile(r"\b(?:was|were)\s+(?:\w+\s+){0,2}?(?:resolved|agreed|approved|adopted|carried|decided)\b|\bRESOLVED\b", re.I)


def _decided_before(text: str, start: int) -> bool:
    """The sentence right before ``start`` (in its paragraph) records a decision taken."""
    before = text[max(0, start - 400):start].split("\n\n")[-1]
    before = re.sub(r"(?:\s+(?:st|nd|rd|th))+\s*$", "", before.rstrip())  # an ordinal's superscript drawn apart
    last = re.split(r"(?<=[.!?])\s+", before.rstrip(" .;,"))[-1]
    return bool(_DECIDED_JUST_BEFORE.search(last))


# A roll call as each name's answer: "Roll Call was taken as follows: Trustee Elton – yes, Trustee
# Albrecht – no, ...".
_ROLL_ANSWER = re.compile(r"(?P<who>[A-Z][^,;:–—]{1,60}?)\s*[–—:-]\s*(?P<answer>yes|aye|no|nay|abstain(?:ed)?|present)\b", re.I)
_ROLL_CALL = re.compile(r"\broll\s+call\b[^:.]{0,40}:\s*", re.I)


def roll_calls(text: str) -> list[VoteFound]:
    """Each roll call's answers as a vote: names by side, counts, carried when more said yes."""
    out = []
    for m in _ROLL_CALL.finditer(text):
        pos, names = m.end(), {"for": [], "against": [], "abstain": []}
        while a := _ROLL_ANSWER.match(text, pos):
            side = {"y": "for", "a": "for", "n": "against"}.get(a.group("answer")[0].lower(), "abstain")
            if a.group("answer").lower() != "present":
                names[side].append(a.group("who").strip())
            pos = a.end()
            sep = re.match(r"\s*(?:,|;)?\s*(?:and\s+)?", text[pos:])
            pos += sep.end()
        if not names["for"] and not names["against"]:
            continue
        counts = {side: len(v) for side, v in names.items()}
        out.append(VoteFound(counts=counts, names={k: v for k, v in names.items() if v}, start=m.start(), end=pos,
                             result="carried" if counts["for"] > counts["against"] else "lost"))
    return out


def _ballot(text: str, tallies: list, found: list[VoteFound]) -> list:
    """A ballot between nominations ("For Councillor Butler ... (12)  For Councillor Costelloe ...
    (7)  Abstain ..."): each "For <candidate>" tally is the count of the nomination put before it
    whose words name that candidate, the most votes carry and the rest are lost, and the
    abstentions after them count against every nomination of the ballot. The tallies not read as a
    ballot are returned for the usual reading."""
    named: list[tuple[tuple, VoteFound]] = []
    proposals = [v for v in found if (v.proposer or v.seconder) and not v.counts]
    for t in tallies:
        if t[0] != "for":
            continue
        # the candidate: the tally's words up to the line's end or the list of voters ("Councillors ...")
        label = re.split(r"\n|\s+(?=(?:Councillors|Cllrs\.?|Members|Messrs\.?)\s)", text[t[3]:t[4]], maxsplit=1)[0]
        label = re.sub(r"^\W*For\s+", "", label).strip(" :*")
        words = [w for w in re.findall(r"[A-ZÀ-Ý][\w'’\-]+", label) if not names.honorifics_of(w)]
        if not words or len(label.split()) > 6:
            continue
        surname = words[-1]
        put = [v for k, v in enumerate(proposals) if v.start < t[3]
               and re.search(rf"\b{re.escape(surname)}\b", text[v.end: min([w.start for w in proposals[k + 1:]] + [t[3]])])]
        if len(put) == 1 and not any(put[0] is v for _, v in named):
            named.append((t, put[0]))
    if len(named) < 2:
        return tallies
    used = {id(t) for t, _ in named}
    last = max(t[4] for t, _ in named)
    following = [t for t in tallies if t[0] == "abstain" and last <= t[3] <= last + 400]
    most = max(t[1] for t, _ in named)
    for t, v in named:
        v.counts, v.names = {"for": t[1]}, {"for": t[2]}
        for a in following:
            v.counts["abstain"], v.names["abstain"] = a[1], a[2]
        v.result = "carried" if t[1] == most else "lost"
        v.end = max(v.end, t[4])
    used |= {id(a) for a in following}
    return [t for t in tallies if id(t) not in used]


def _tally_groups(tallies: list, proposals: list[int]) -> list[list]:
    """Tallies split into votes: a side seen again, or a proposal between two tallies, starts a new one."""
    groups: list[list] = []
    for t in tallies:
        current = groups[-1] if groups else None
        if current is None or t[0] in {x[0] for x in current} or any(current[-1][3] < p < t[3] for p in proposals):
            groups.append([t])
        else:
            current.append(t)
    return groups


def _prose(names: str) -> bool:
    """Text between a tally's side and its count that reads as a sentence: several words in lower
    case that are no name particles."""
    small = [w for w in re.findall(r"[A-Za-z’']+", names) if w[:1].islower() and w not in {"and", "of", "de", "van", "von", "o", "mac"}]
    return len(small) >= 3


def _tallies(text: str) -> list[tuple[str, int, list[str], int, int]]:
    """(side, count, names, start, end) of each "For (14) Mr A, Mr B" / "For: A, B (2)" tally."""
    matches = list(_COUNT.finditer(text))
    out = []
    for k, m in enumerate(matches):
        if _prose(m.group("names")):
            continue  # "For example, the data ... 2011": a sentence, not a tally
        side = m.group("side").lower()
        side = "for" if side.startswith("for") else "against" if side.startswith("against") else "abstain"
        listed = re.sub(r"^[^,]*?\b(?:Councillors|Cllrs\.?)\s+", "", m.group("names"))  # after a ballot's candidate ("For Mr. Peter Casey Councillors ...")
        names = [re.sub(r"^(?:Councillors?|Cllrs?\.?)\s+", "", n).strip(" .*") for n in re.split(r",|\band\b", listed)]
        names = [n for n in names if n and len(n) < 40 and n[:1].isupper()]
        end = m.end()
        if not names:  # "For (14)" followed by the names
            upto = matches[k + 1].start() if k + 1 < len(matches) else min(len(text), m.end() + 3000)
            names, end = _names_after(text, m.end(), upto)
        out.append((side, int(m.group("n")), names, m.start(), end))
    if re.search(r"there\s+were\s+no\s+abstentions", text, re.I) and out and not any(o[0] == "abstain" for o in out):
        out.append(("abstain", 0, [], out[-1][3], out[-1][4]))
    return out if any(o[0] == "for" for o in out) else []


def _names_after(text: str, start: int, stop: int) -> tuple[list[str], int]:
    """The list of names printed after a tally's count, up to the first words that are not one."""
    names, end = [], start
    for m in re.finditer(r"\s*(?P<name>[^,]+?)\s*(?P<comma>,|(?=\s+and\s)|$)", text[start:stop]):
        chunk = re.sub(r"^and\s+", "", m.group("name").strip())
        named = _PERSON.match(chunk)
        if not named or not (named.group("hon") or (named.end() == len(chunk) and m.group("comma"))):
            break  # a bare word ends the list unless a comma carries it on: "Substantive Motion carried"
        names.append(named.group(0).strip())
        end = start + m.start("name") + named.end()
        if named.end() < len(chunk):
            break  # "Mr Webb Amendment lost."
    return names, end


_PERSON = re.compile(rf"(?P<hon>{_HONORIFIC})?(?:[A-Z]\.?\s+){{0,3}}[A-Z][\w'’\-]+(?:\s\([A-Z]\))?(?=\s|$|[,.;])")


# --------------------------------------------------------------------------- declarations


_DECLARED = re.compile(r"\b(?:declared|declares|declaring|declaration\s+of)\b[^.]*?\binterest", re.I)
_NONE_DECLARED = re.compile(r"\b(?:no|none|nil)\b[^.]{0,40}\b(?:declarations?|interests?)\b|\bnone\s+(?:were\s+)?(?:declared|made)\b", re.I)
_ITEM_REF = re.compile(r"\b(?:item|minute|agenda\s+item)\s+(?:no\.?\s*)?(?P<ref>[\w/.]+?)(?=[\s,;.)]|$)", re.I)


_INTEREST_AS = re.compile(r"\binterest\b[^.]*?\b(?:as|because|since|by\s+virtue\s+of(?:\s+being)?)\s+(?P<what>[^.;]+)", re.I)
_WHO_WERE = re.compile(r"\bwho\s+(?:were|was|are|is)\s+(?P<what>.+)$", re.I)


def interest_of(sentence: str, member: str) -> str:
    """What the interest is: "... an interest as a governor of the school" gives "a governor of the
    school", "Members who were district councillors declared ..." gives "district councillors";
    otherwise the whole sentence."""
    m = (_INTEREST_AS.search(sentence) or _WHO_WERE.search(member) or _INTEREST_IN_ITEM.search(sentence)
         or _INTEREST_IN.search(sentence))
    if not m:
        return sentence
    # "item 12 – Motion ... 'Family Farm Tax' – and would not participate": the item's title between the dashes
    what = re.split(r"\s+[–—-]\s+(?:and\s+)?(?:would|will|did|took|left|withdrew|remained)\b", m.group("what"))[0]
    return re.sub(r"(?<=[’'])\s+[’']$", "", what.strip(" .,–—-"))


# "... declared an interest in agenda item 4.1 Sudbury Library application": what follows the item.
_INTEREST_IN_ITEM = re.compile(r"\binterest\s+in\s+(?:agenda\s+)?item\s+(?:no\.?\s*)?[\w/.]*\d[\w/.]*\s+(?P<what>[^.;]+)", re.I)
# "Robert Spivey declared ...", or a member by their initials as parish minutes write them: "RD declared ..."
# "... declared an interest in planning applications 13/22040/F ...": what the interest is in.
_INTEREST_IN = re.compile(r"\binterest\s+in\s+(?!(?:agenda\s+)?items?\b)(?P<what>[^;]+?)\s*(?:\.\s|\.?$)", re.I)
_NAMED_DECLARER = re.compile(r"((?:[A-Z][\w'’\-]+\s+){1,3}[A-Z][\w'’\-]+|(?<![\w.])(?!(?:ALL|AND|THE|NO|NONE)\b)[A-Z]{2,4}(?![\w.]))\s+(?:declared|declares)\b")


_RECUSED = re.compile(rf"(?P<who>(?:{_NAME_WORD}[ \t]+){{0,4}}[A-Z][\w'’\-]+)[ \t]+recused\s+(?:himself|herself|themselves)\b")


def declarations(text: str, pipeline) -> list[tuple[str, Optional[str], str, int]]:
    """(member, item, interest, offset) for each declaration stated; a member who recused
    themselves from the item declared an interest the minutes do not name."""
    from scrutiny.extractor import nlp as nlpmod

    out = [(m.group("who"), None, None, m.start()) for m in _RECUSED.finditer(text)]
    for off, s in sentences(text, pipeline):
        if not _DECLARED.search(s) or _NONE_DECLARED.search(s):
            continue
        doc = pipeline(s)
        people = [p.text for p in doc.spans[nlpmod.PERSON_KEY]]
        if not people:
            m = re.search(r"(?<![\w(])((?:All\s+)?(?:[A-Z][\w'’\-]*\s+)*?(?:Members?|Governors?|Councillors?)(?:\s+who\s+[^,]*?)?)\s+declared", s)
            people = [m.group(1)] if m else []
        if not people and (named := _NAMED_DECLARER.search(s)):
            people = [named.group(1)]  # "Robert Spivey declared an interest ...": a name with no honorific
        item = _ITEM_REF.search(s)
        for p in people:
            out.append((p, item.group("ref").rstrip(".") if item else None, interest_of(s, p), off))
    return out
