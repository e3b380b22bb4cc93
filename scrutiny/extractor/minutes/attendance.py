"""Attendance: who was there and in what capacity.

Read from attendance labels before the first minute, in any common wording ("PRESENT:", "Apologies",
"o Commissioners Present:", "Others Present:", "ROLL CALL  Present:", "Staff:", "Chair:", "Présences",
"Membres :", "Secrétaire :" ...) with an inline list, one "Name, Post" a row, or names with their
organisation in a column beside them; from attendance grids with P / A / S codes or a status column
("Attendee Name | Title | Status" with Present / Absent / Late); from
apologies and substitution sentences in the minutes ("X, who was substituted by Y", "Y for X",
"Y was present as Substitute Member for X", "were in attendance virtually"), and from people
introduced in the minutes with a role beside their name who are not on the attendance list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from scrutiny.extractor import names
from scrutiny.extractor.minutes.stream import Row

# The people a label can name before its status word ("Commissioners Present", "Board Members
# Absent", "Others Present", "Staff Present").
_GROUP = (r"(?:(?:board|committee|council|commission|planning\s+commission|governing\s+body)\s+)?"
          r"(?:members?|commissioners?|councillors?|trustees?|directors?|governors?|supervisors?|aldermen|alderpersons?|"
          r"representatives?|delegates?|participants?)")
_ATTENDING = r"(?:present|in\s+attendance|attending|attended)(?:\s+were)?"
HEADINGS: list[tuple[str, str, Optional[str]]] = [
    (r"present\s+in\s+the\s+chair|in\s+the\s+chair|chaired\s+by|chair(?:man|person|woman)?(?=\s*:)|pr[ée]sid[ée]e?\s+par", "present", "Chair"),
    (rf"others?\s+{_ATTENDING}|(?:non[\s-]*members|public)\s+{_ATTENDING}", "also_present", None),
    (rf"(?:staff|officers?|officials?|employees?)\s+{_ATTENDING}", "officer", None),
    (rf"(?:{_GROUP}|staff|officers?|officials?|others?)\s+(?:absent|not\s+present)", "absent", None),
    (rf"(?:{_GROUP})\s+(?:excused|with\s+apologies|apologies)", "apologies", None),
    (rf"{_GROUP}\s+{_ATTENDING}", "present", None),
    (r"(?:(?:board|council|committee)\s+)?members\s+present\s+were|present\s+were", "present", None),
    (r"members\s+of\s+the\s+public", "also_present", None),
    (r"other\s+attendees|invited|observers?", "in_attendance", None),
    (r"secretariat|staff(?:\s+present)?|secr[ée]taires?(?:\s+de\s+(?:la\s+)?s[ée]ance)?|greffi[eè]re?s?", "officer", None),
    (r"pr[ée]sences?|pr[ée]sents?|[ée]taient\s+pr[ée]sent(?:e)?s|membres(?:\s+pr[ée]sents?)?|panel|board\s+members", "present", None),
    (r"excus[ée]e?s?|regrets|[ée]taient\s+excus[ée]e?s", "apologies", None),
    (r"members\s+present|present|members\s+attending|attendees|attendance", "present", None),
    (r"also\s+in\s+attendance", "in_attendance", None),
    (r"also\s+present|also\s+attending", "also_present", None),
    (r"in\s+attendance\s+virtually|attending\s+virtually|present\s+virtually|virtual\s+attendance", "in_attendance_virtually", None),
    (r"officials\s+in\s+attendance|officers\s+in\s+attendance|officers\s+present|officers|officials|clerked\s+by|clerk", "officer", None),
    (r"in\s+attendance", "in_attendance", None),
    (r"apologies(?:\s+for\s+absence)?(?:\s+received)?|apologies\s+were\s+received\s+from", "apologies", None),
    (r"absent(?:e)?s?", "absent", None),
    (r"substitutes?(?:\s+members?)?", "substitute", None),
    (r"visitors|guests", "guest", None),
    (r"councillors", "present", None),
]
# A bullet before the label ("o Commissioners Present:") and a section label on the same row
# ("ROLL CALL   Present: ...") are passed over.
_LEAD = r"^\W*(?:[o•·▪]\s+)?(?:(?:roll\s+call|attendance|quorum)\s*[:\-–]?\s+(?=[A-Z]))?"
_HEADING = re.compile(
    _LEAD + r"(?:" + "|".join(f"(?P<h{k}>{p})" for k, (p, _, _) in enumerate(HEADINGS)) + r")\b\s*(?::|;|-|–)?\s*",
    re.I,
)
# The title a label gives everyone it lists ("Commissioners Present:", "Trustees present").
_LABEL_TITLE = re.compile(r"^\W*(?:[o•·▪]\s+)?(?P<t>commissioner|trustee|councillor|alderman|board\s+member|council\s+member|governor)s?\s+(?:present|absent|excused|attending|in\s+attendance)", re.I)
_CHAIR_ROLE = re.compile(r"^(?:vice[\s-]*chair(?:man|person|woman)?|chair(?:man|person|woman)?|mayor|deputy\s+mayor|cathaoirleach|leas[\s-]*chathaoirleach|príomh\s+chomhairleoir|leader)$", re.I)
_HONORIFIC = re.compile(
    r"^(?:(?:Councillors?|Cllrs?\.?|Cmhlr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Mx\.?|Dr\.?|M\.|Mme|Mlle|Prof\.?|Professor|Sir|Dame|Lord|Lady|Rev\.?|Revd\.?|Alderman)\s+)+"
)
# "M. Gaëtan Gagné", "Mme Ariane Bélanger": "M." is a title only before a given name and a surname
# (an initial elsewhere: "M. Prest").
_FRENCH_HONORIFIC = re.compile(r"^(M\.|Mme|Mlle)\.?\s+(?=[A-ZÀ-Ý][\w'’\-]+\s+[A-ZÀ-Ý])")
_POSTNOMINAL = re.compile(r"(?:,?\s*\b(?:OBE|MBE|CBE|KBE|DBE|MP|JP|DL|TD|MEP|QC|KC|BEM)\b)+\.?$")
_GENERIC = re.compile(r"^(?:the\s+)?(?:council\s+)?(?:officers?|officials?|members?|none|nil|n/a|other\s+members?|all|vacant)\b", re.I)
_CODE = {"P": "present", "A": "absent", "S": "apologies", "L": "present", "AP": "apologies", "V": "in_attendance_virtually"}
_OFFICER_WORDS = re.compile(
    r"\b(?:director|officer|manager|head\s+of|chief\s+executive|executive|clerk|solicitor|counsel|engineer|planner|"
    r"accountant|analyst|administrator|treasurer|secretary|monitoring|democratic|scrutiny|finance|principal|senior|"
    r"assistant|deputy|interim|lead|coordinator|co-ordinator|advisor|adviser|architect|auditor|legal)\b|^staff(?:\s+member)?$",
    re.I,
)
_EXTERNAL_WORDS = re.compile(r"\b(?:independent|representative|chair\s+of|member\s+of|guest|resident|mp|nhs|police)\b", re.I)


@dataclass
class Person:
    """An attendee as read, before it becomes a record."""

    name: str
    category: str
    role: Optional[str] = None
    title: Optional[str] = None
    substituting_for: Optional[str] = None
    rows: list[Row] = field(default_factory=list)

    @property
    def surname(self) -> str:
        words = re.sub(r"\([A-Z]{1,2}\)", "", self.name).split()
        return words[-1].lower().strip(".,'’") if words else ""

    @property
    def initial(self) -> str:
        words = self.name.split()
        return words[0][0].lower() if len(words) > 1 else ""

    @property
    def bracket(self) -> str:
        m = re.search(r"\(([A-Z]{1,2})\)", self.name)
        return m.group(1) if m else ""


# "Commissioners Present:", "o Others Present:", "Staff Present -", "Council Members Absent:": who the
# list is of, then the attendance word, after any list marker.
_WHO_HEADING = re.compile(
    r"^\W*(?:[o\-–•]\s+)?(?!(?:the|a|an|this)\s)(?P<who>(?:[A-Z][\w\-]*\s+){1,3}?)(?P<word>present|absent|excused|attending|in\s+attendance)\s*[:\-–]\s*",
    re.I)
_WHO_CATEGORY = [
    (re.compile(r"\b(?:others?|guests?|visitors?|public|also)\b", re.I), "also_present"),
    (re.compile(r"\b(?:staff|officers?|officials?|secretariat)\b", re.I), "officer"),
]


def _who_heading(text: str) -> Optional[tuple[str, Optional[str], str]]:
    m = _WHO_HEADING.match(text)
    if not m or heading_word(m.group("who")):
        return None
    word = m.group("word").lower()
    category = {"absent": "absent", "excused": "apologies"}.get(word, "present")
    if category == "present":
        category = next((c for rx, c in _WHO_CATEGORY if rx.search(m.group("who"))), "present")
    return category, None, text[m.end():].strip()


def heading_word(text: str) -> bool:
    """``text`` opens with an attendance heading word of its own ("Apologies", "Officers")."""
    return bool(_HEADING.match(text))


def heading(text: str) -> Optional[tuple[str, Optional[str], str]]:
    """(category, implied role, rest of the text) when a row opens with an attendance heading."""
    m = _HEADING.match(text)
    if not m:
        return _who_heading(text)
    k = int(next(g for g, v in m.groupdict().items() if v)[1:])
    _, category, role = HEADINGS[k]
    rest = text[m.end():].strip()
    rest = re.sub(r"^(?:present|attending)\s*[:\-–]\s*", "", rest, flags=re.I)  # "Board Members Present: ..."
    word = m.group(0).strip().lower()
    if re.match(r"^\W*[a-zà-ÿ]", text) and not re.search(r"[:;\-–]\s*$", m.group(0)):
        return None  # a line running on in lower case ("presents were in favor"), not a label
    if word.startswith("councillors") and not rest:
        return None
    label = m.group(0)
    if rest and not re.search(r"[:;\-–]\s*$", label) and label.upper() == label and rest.upper() == rest and re.search(r"[A-Z]{3}", rest):
        return None  # a section heading in capitals ("STAFF COMMUNICATIONS"), not a label
    if (category == "present" and word.rstrip(":; -–").strip() in {"present", "attendance"}
            and not re.search(r"[:;\-–]\s*$", m.group(0)) and rest[:1].islower()):
        return None
    return category, role, rest


def split_names(text: str) -> list[str]:
    """Split a list of names on top-level commas, semicolons, "and" and "&"."""
    text = re.sub(r"\)\s+(?=(?:Councillors?\s+|Cllr\.?\s+|Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+|Dr\.?\s+)?[A-Z])", "), ", text)
    text = re.sub(r"\]\s+(?=[A-Z])", "], ", text)
    parts, depth, cur = [], 0, ""
    tokens = re.split(r"(\(|\)|,|;|\band\b|&|\s/\s)", text)
    for tok in tokens:
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        if depth == 0 and tok.strip() in {",", ";", "and", "&", "/"}:
            parts.append(cur)
            cur = ""
            continue
        cur += tok
    parts.append(cur)
    return [p.strip(" .:") for p in parts if p.strip(" .:")]


def _role_first(text: str) -> bool:
    """Lists of the form "Role (Mr. X), Role (Ms. Y)"."""
    inner = re.findall(r"\(([^()]*)\)", text)
    named = [s for s in inner if _HONORIFIC.match(s.strip() + " ")]
    return len(inner) >= 1 and len(named) * 2 >= len(inner) and len(named) >= 1


def parse_list(text: str, category: str, rows: list[Row], role: Optional[str] = None,
               title: Optional[str] = None) -> list[Person]:
    """The people in an attendance list. An entry may carry its post or title after a comma
    ("Sara Strickler, President", "M. Gaëtan Gagné, conseiller municipal") or before the name
    ("President Hom", "Trustee Elton"); a plural title ("Board Members Ruiz, Curtis and Ariza")
    goes to every name after it up to the next one that names its own."""
    if _role_first(text):
        return _parse_role_first(text, category, rows)
    dashed = _dashed_entries(text)
    if dashed:
        return _parse_dashed(dashed, category, rows, title)
    people: list[Person] = []
    codes = _codes_are_posts(text)
    default_title = "Councillor" if re.match(r"^\W*(?:Councillors|Cllrs)\b", text) else title
    carried: Optional[str] = None
    entry_start = 0
    for chunk, first_of_entry in _entries(text):
        chunk = _REMOTE.sub("", chunk)
        if first_of_entry:
            entry_start = len(people)  # what follows a name describes it only within its entry
        bare = chunk.strip(" .")
        if people and re.fullmatch(r"(?:present\s+)?in\s+the\s+chair", bare, re.I):
            people[-1].role = "Chair"  # "Cllr Mrs C. Edwards, in the Chair"
            continue
        if people and _CHAIR_ROLE.match(bare):
            people[-1].role = _canonical_role(bare)  # "Councillor X, Mayor"
            continue
        if len(people) > entry_start and _MEMBER_TITLE.fullmatch(bare):
            people[-1].title = people[-1].title or _member_title(bare)  # "Anita Battle, Board Member"
            continue
        lead = _PREFIX.match(bare)
        if len(people) > entry_start and not lead and _attribute(bare):
            if people[-1].role is None and (_post_like(bare) or bare[:1].islower()):
                people[-1].role = bare  # "Joe Kane, Director", "Mme X, greffière adjointe"
            continue  # an organisation after the post ("..., Service du greffe")
        prefix_title = prefix_role = None
        if lead and not _HONORIFIC.match(bare + " "):
            word = lead.group("p")
            if _MEMBER_TITLE.fullmatch(word) or _MEMBER_TITLE.fullmatch(re.sub(r"s$", "", word, flags=re.I)):
                prefix_title = _member_title(word)
                carried = prefix_title if word.lower().endswith("s") and not word.lower().endswith("ss") else None
            else:
                prefix_role, carried = _canonical_role(word), None
            chunk = bare[lead.end():]
        person = parse_person(chunk, category, rows, default_title, codes=codes)
        if person is None:
            if people and _is_role_phrase(chunk) and people[-1].role is None:
                people[-1].role = chunk.strip()
            continue
        if prefix_title or prefix_role:
            person.title = prefix_title or (None if person.title == default_title else person.title)
            person.role = person.role or prefix_role
        elif carried and person.title in (None, default_title):
            person.title = carried
        if role and person.role is None and not people:
            person.role = role
        people.append(person)
    return _clerk_serves(people)


# "Name – Affiliation" (a spaced dash between a name and what describes it).
_DASH = re.compile(r"\s+[–—-]\s+|\s+[–—]|[–—]\s+")


def _dashed_entries(text: str) -> Optional[list[tuple[str, Optional[str]]]]:
    """A list whose entries give each name its affiliation after a dash ("Deborah Cadman – SCC,
    Marion Harvey – Ipswich County Library, ..."), as (name, attribute) pairs, or None for a list
    of another form. The attribute runs to the next entry, so its own commas and "and" stay in it
    ("MP for Central Suffolk and North Ipswich"); a piece without a dash opens an entry of its own
    only when it starts with a title or a given name ("David Thomas Friends of Halesworth Library"
    is a name and, from the word before "of", an organisation)."""
    pieces = [p.strip() for p in re.split(r"[,;](?![^()]*\))", text) if p.strip()]
    if sum(1 for p in pieces if _DASH.search(p) and looks_like_name(_DASH.split(p, 1)[0].strip())) < 2:
        return None
    out: list[list] = []
    for piece in pieces:
        parts = _DASH.split(piece, 1)
        if len(parts) == 2 and looks_like_name(parts[0].strip()):
            out.append([parts[0].strip(), parts[1].strip()])
            continue
        words = piece.split()
        opens = _HONORIFIC.match(piece + " ") or names.is_given_name(words[0])
        if out and out[-1][1] is not None and not opens:
            out[-1][1] += ", " + piece
            continue
        small = next((k for k, w in enumerate(words) if w[:1].islower()), None)
        if small is not None and small >= 3 and words[small] == "of" and looks_like_name(" ".join(words[: small - 1])):
            out.append([" ".join(words[: small - 1]), " ".join(words[small - 1:])])
            continue
        out.extend([name, None] for name in split_names(piece))
    return [(name, attribute) for name, attribute in out]


def _parse_dashed(entries: list[tuple[str, Optional[str]]], category: str, rows: list[Row],
                  title: Optional[str]) -> list[Person]:
    people = []
    for name, attribute in entries:
        person = parse_person(name, category, rows, title)
        if person is None:
            continue
        if attribute and person.role is None:
            person.role = _canonical_role(attribute) if _CHAIR_ROLE.match(attribute) else attribute
        people.append(person)
    return _clerk_serves(people)


# How a member took part, printed after the name ("Trustee Bill Soderlund via teleconference",
# "Jo Bloggs (by telephone)", "X participating remotely"): not part of the name.
_REMOTE = re.compile(
    r"\s*\(?\b(?:(?:via|by)\s+(?:tele(?:phone|conference)|video(?:\s*conference|\s*link)?|zoom|(?:microsoft\s+)?teams|"
    r"phone|conference\s+call|webex)|(?:participating|attending|joined)\s+(?:remotely|virtually|online))\b\)?", re.I)


def _entries(text: str) -> list[tuple[str, bool]]:
    """The chunks of a list, each with whether it opens an entry: entries are parted by
    semicolons (one entry a row, as ``_join_rows`` joins them), chunks within one by commas and
    "and"."""
    out = []
    depth, start = 0, 0
    parts = []
    for k, c in enumerate(text):
        depth += c in "([" 
        depth -= c in ")]" and depth > 0
        if c == ";" and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    parts.append(text[start:])
    for part in parts:
        for n, chunk in enumerate(split_names(part)):
            out.append((chunk, n == 0))
    return out


# Titles a member is addressed by ("Commissioner", "Trustee", "Board Member"), as against the
# posts a person holds ("President", "Supervisor", "Clerk").
_MEMBER_TITLE = re.compile(r"(?:commissioner|trustee|alternate|board\s*member|council\s*member|committee\s+member|alderman|alderperson)s?", re.I)
_PREFIX = re.compile(
    r"^(?P<p>(?:(?:vice|deputy)[\s-]+)?(?:president|chair(?:man|person|woman)?|mayor)|supervisor|clerk|secretary|treasurer|"
    r"commissioners?|trustees?|alternates?|board\s*members?|council\s*members?|committee\s+members?)\s+(?=(?-i:[A-Z])|(?-i:[a-z]{1,3}[A-Z]))", re.I)
# Words of a post, in English and French ("Acting Library Director", "greffière adjointe").
_POST = re.compile(
    r"\b(?:chair(?:man|person|woman)?|vice|president|secretary|secretariat|clerk|treasurer|director|manager|officer|head|"
    r"member|councillor|commissioner|trustee|governor|supervisor|mayor|leader|observer|adviser|advisor|representative|"
    r"co-?ordinator|administrator|executive|assistant|deputy|lead|spokesperson|professor|teacher|headteacher|principal|"
    r"solicitor|counsel|engineer|planner|analyst|auditor|inspector|alternate|attorney|consultant|nurse|ceo|cfo|chief|"
    r"cathaoirleach|co-opted|parent|staff|minister|rep|accountant|technician|specialist|bookkeeper|"
    r"conseill[eè]re?|greffi[eè]re?|maire|secr[ée]taire|direct(?:eur|rice)|pr[ée]sident(?:e)?|adjointe?|tr[ée]sori[eè]re?)\b",
    re.I)
_ORG_WORDS = re.compile(
    r"\b(?:office|ministry|department|university|college|institute|consulting|consultancy|police|gazette|society|trust|"
    r"company|agency|association|limited|ltd|inc|llc|plc|service|services|chamber|foundation|council|authority|bank|"
    r"commission|network|school|borough)\b", re.I)


def _post_like(text: str) -> bool:
    return bool(_POST.search(text))


def _member_title(word: str) -> str:
    word = re.sub(r"\s+", " ", word.strip())
    word = re.sub(r"s$", "", word) if re.search(r"[^s]s$", word, re.I) else word
    return " ".join(w[:1].upper() + w[1:].lower() for w in word.split())


def _org_like(text: str) -> bool:
    """An organisation, not a post: "Cabinet Office", "PLACE Consulting", an acronym ("LSRCC")."""
    text = text.strip()
    if re.search(_POST.pattern + r".*\b(?:of|for|to)\b", text, re.I):
        return False  # "Head of Service", "Cabinet Member for ..."
    last = text.split()[-1] if text.split() else ""
    if _ORG_WORDS.fullmatch(last):
        return True  # "Information Commissioner's Office"
    if _post_like(text):
        return False
    return bool(_ORG_WORDS.search(text) or re.fullmatch(r"[A-Z&]{3,}", text))


def _attribute(chunk: str) -> bool:
    """A chunk after a name that describes the person before it: a post ("Acting Library
    Director"), words in lower case ("conseiller municipal"), or an organisation."""
    chunk = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", chunk).strip()
    words = chunk.split()
    if not words or _HONORIFIC.match(chunk + " "):
        return False
    if chunk[:1].islower() and not _INNER_CAPITAL.match(chunk):
        return True
    if _post_like(chunk) and not (len(words) in (2, 3) and names.is_given_name(words[0]) and not _POST.match(chunk)):
        return True
    return _org_like(chunk)


_ROLE_ONLY = re.compile(
    r"^(?:(?:vice|deputy|assistant|acting|interim)[\s-]+)?(?:chair(?:man|person|woman)?|president|director|clerk|"
    r"treasurer|secretary|supervisor|manager|mayor|leader|head\s+teacher|headteacher|principal)$", re.I)


def _is_role_phrase(chunk: str) -> bool:
    return bool(re.search(r"\b(?:member|director|officer|manager|chair|leader|head|representative|clerk|executive|mayor)\b", chunk, re.I))


def _parse_role_first(text: str, category: str, rows: list[Row]) -> list[Person]:
    people = []
    for m in re.finditer(r"\s*,?\s*(?:and\s+)?([^()]*?)\s*\(([^()]*)\)", text):
        role, inner = m.group(1).strip(" ,."), m.group(2).strip()
        if not _HONORIFIC.match(inner + " "):
            continue
        # one post held by two people: "Engineers (Mr. B. Murphy & Mr J Sheehan)"
        for name in re.split(r"\s*(?:&|\band\b)\s*(?=(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b)", inner):
            person = parse_person(name, category, rows, None)
            if person:
                person.role = role or None
                people.append(person)
    return people


_CODE_BRACKET = re.compile(r"\s*\(([A-Z]{2,3}[a-z]?)\)(?=\s|$)")


def _codes_are_posts(text: str) -> bool:
    """Short codes in brackets in this list ("Michael Cook (SBC)", "Kate Kitson (PT)", "(RFO)")
    say the person's post or side where the list's other brackets hold posts; among organisations
    ("Dennis Skinner (LGA)" after "(FutureGov)", "(Cabinet Office)") the code is one too."""
    brackets = [b.strip() for b in re.findall(r"\(([^()]*)\)", text)]
    return all(re.fullmatch(r"[A-Z&]{2,3}[a-z]?", b) or (_post_like(b) and not _org_like(b)) for b in brackets)


def parse_person(chunk: str, category: str, rows: list[Row], default_title: Optional[str],
                 codes: bool = False) -> Optional[Person]:
    """One name with its honorific and parenthetical role, or None for a non-name. With ``codes``,
    a short code in brackets that is not the person's initials is their role."""
    chunk = re.sub(r"\s+", " ", chunk).strip(" .,:;")
    chunk = _POSTNOMINAL.sub("", chunk).strip(" ,")
    role = None
    square = re.search(r"\[([^\]]+)\]", chunk)  # "Alan Smith (AS)[Chair]", "Jo May [HMCTS]" from a column
    if square:
        role, chunk = square.group(1).strip(), (chunk[: square.start()] + chunk[square.end():]).strip()
        role = role if _post_like(role) and not _org_like(role) else None
    code = None
    for m in list(_CODE_BRACKET.finditer(chunk)):
        before = chunk[: m.start()]
        if codes and not code and not _initials_of(m.group(1), before) and len(m.group(1)) <= 3:
            code = m.group(1)
    chunk = _CODE_BRACKET.sub("", chunk).strip()  # the initials the minutes use for them, or the code kept aside
    tail = re.search(r"\s+(CLERK|CHAIR(?:MAN)?|VICE[\s-]CHAIR|TREASURER|SECRETARY)$", chunk)
    if tail and role is None:
        role, chunk = tail.group(1).title(), chunk[: tail.start()].strip()
    m = re.search(r"\s*\((?![A-Z]{1,2}\))(.*)\)\s*$", chunk)
    if m:
        role = m.group(1).strip()
        chunk = chunk[: m.start()].strip()
    if role and (_org_like(role) or (not _post_like(role) and (len(role.split()) <= 2 or role[:1].islower())
                                     and not _CHAIR_ROLE.match(role))):
        role = None  # "(Cabinet Office)", "(LSRCC)", "(MoJ)": where the person comes from, not a post
    hm = _HONORIFIC.match(chunk + " ")
    title = default_title
    fr = None if hm else _FRENCH_HONORIFIC.match(chunk)
    if hm:
        title = _canonical_title(hm.group(0))
        chunk = chunk[hm.end():].strip() if hm.end() <= len(chunk) else ""
    elif fr:
        title, chunk = fr.group(1), chunk[fr.end():].strip()
    if not chunk or _GENERIC.match(chunk) or not looks_like_name(chunk):
        return None
    if not hm and re.fullmatch(r"[A-Z][a-z]+s", chunk) and _POST.fullmatch(chunk[:-1]):
        return None  # "Directors, Members and Staff of ...": who came, not their names
    first = chunk.split()[0].lower()
    if not hm and (first in names.LABEL_WORDS or re.sub(r"s$", "", first) in names.LABEL_WORDS):
        return None  # a heading that ends a list ("Agenda", "Item Description")
    if role and _CHAIR_ROLE.match(role):
        role = _canonical_role(role)
    return Person(name=chunk, category=category, role=role or code, title=title, rows=list(rows))


_CLERK = re.compile(r"(?:(?:parish\s+|town\s+)?clerk(?:\s+to\s+the\s+\w+)?(?:\s*(?:&|and|/)\s*)?)?(?:rfo|responsible\s+financial\s+officer)?", re.I)


def _clerk_serves(people: list[Person]) -> list[Person]:
    """The clerk listed among those present or in attendance serves the meeting: an officer."""
    for p in people:
        if p.role and p.category in ("present", "in_attendance") and p.role.strip() and _CLERK.fullmatch(p.role):
            p.category, p.role = "officer", "Clerk" if p.role.upper() == "CLERK" else p.role
    return people


def _canonical_title(text: str) -> str:
    word = text.split()[-1]
    low = word.lower().rstrip(".")
    if low in {"councillors", "councillor", "cllr", "cllrs"}:
        return "Councillor"
    return word


def _canonical_role(role: str) -> str:
    """A chair's post as printed ("Chairman", "Vice Chair", "Vice-Chair"), in title case."""
    role = re.sub(r"\s+", " ", role.strip())
    if role.isupper() or role.islower():
        role = "-".join(" ".join(w[:1].upper() + w[1:].lower() for w in part.split(" ")) for part in role.split("-"))
    return role


def is_chair(role: Optional[str]) -> bool:
    """The role is the chair's own (not a vice chair's)."""
    return bool(role) and re.fullmatch(r"chair(?:man|person|woman)?", role.strip(), re.I) is not None


# A surname whose particle is set in lower case before a capital ("deHaan", "McDonald" aside).
_INNER_CAPITAL = re.compile(r"^[a-z]{1,3}[A-Z][a-z]")


def looks_like_name(chunk: str) -> bool:
    """``chunk`` reads as a name: one to six words, capitalised, no digits, no small words but particles."""
    words = chunk.split()
    if not 1 <= len(words) <= 6:
        return False
    caps = [w for w in words if w[:1].isupper() or w.startswith("(") or _INNER_CAPITAL.match(w)]
    small = [w for w in words if w[:1].islower() and w not in {"de", "van", "von", "du", "da", "le", "la"} and not _INNER_CAPITAL.match(w)]
    return bool(caps) and not small and not re.search(r"\d", chunk)


# --------------------------------------------------------------------------- mending PDF rows


_STRAY = re.compile(r"^[,.;:]$")
_ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th|er|e|ème|ere|ère)$", re.I)


def mend(rows: list[Row]) -> list[Row]:
    """Rows as they read on the page: a row holding nothing but punctuation set a few points below
    the row above ("Anita Battle" / ",") goes back into that row after the run it follows, and two
    rows on the same page whose tops lie within a few points of each other and whose runs do not
    overlap (a superscript "rd" lifting part of "ODI, 3rd Floor" to its own row) become one row."""
    out: list[Row] = []
    for r in rows:
        prev = out[-1] if out else None
        if prev is not None and _beside(prev, r):
            out[-1] = _joined_rows(prev, r)
        else:
            out.append(r)
    return out


def _beside(prev: Row, r: Row) -> bool:
    if prev.page is not r.page or not prev.line.box or not r.line.box or not prev.line.segments or not r.line.segments:
        return False
    gap = r.line.box[1] - prev.line.box[1]
    texts = [g.text.strip() for g in r.line.segments if g.text.strip()]
    if texts and all(_STRAY.match(t) for t in texts) and -2 <= gap <= 10:
        return True
    if abs(gap) > 5:
        return False
    spans = sorted((g.box[0], g.box[2]) for g in (*prev.line.segments, *r.line.segments))
    return all(b[0] >= a[1] - 1 for a, b in zip(spans, spans[1:]))


def _joined_rows(a: Row, b: Row) -> Row:
    segs = sorted((*a.line.segments, *b.line.segments), key=lambda g: g.box[0])
    text = ""
    for g in segs:
        t = g.text.strip()
        if not t:
            continue
        glue = not text or text.endswith(" ") or _STRAY.match(t) or (_ORDINAL_SUFFIX.match(t) and text[-1:].isdigit())
        text += ("" if glue else " ") + t
    boxes = [ln.box for ln in (a.line, b.line) if ln.box]
    box = (min(x[0] for x in boxes), min(x[1] for x in boxes), max(x[2] for x in boxes), max(x[3] for x in boxes))
    line = replace(a.line, text=text, segments=tuple(segs), box=box)
    return replace(a, text=re.sub(r"\s+", " ", text).strip(), line=line, columns={})


# --------------------------------------------------------------------------- the header block


def _label_at(seg_text: str) -> bool:
    h = heading(seg_text)
    return bool(h) and not h[2]


def columnise(rows: list[Row]) -> list[Row]:
    """Attendance lists laid out side by side ("Present:  ... | Officials: ..."; names in two
    columns under one label) as one column after another: where a row of an attendance block has
    runs starting at two or more of the block's column positions, each column's runs become a row
    of their own, the left column's rows first. Other rows are kept as they are."""
    out: list[Row] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        if not heading(row.text) or not row.line.segments:
            out.append(row)
            i += 1
            continue
        j = i + 1
        while j < len(rows) and rows[j].line.segments and rows[j].page is row.page and _list_row(rows[j]):
            j += 1
        block = _until_gap(rows[i:j])
        starts = _column_starts(block)
        if starts and len(_label_positions(block[0])) < 2:  # columns of names under one label
            block = _until_margin(block, starts[0])
        j = i + len(block)
        if len(starts) < 2:
            out.append(row)
            i += 1
            continue
        if sum(1 for r in block if len({_column_of(seg.box[0], starts) for seg in r.line.segments}) >= 2) < 2:
            out.append(row)  # two or more rows must show the columns, not the labels alone
            i += 1
            continue
        columns: list[list[Row]] = [[] for _ in starts]
        for r in block:
            cells: dict[int, list[str]] = {}
            for seg in r.line.segments:
                cells.setdefault(_column_of(seg.box[0], starts), []).append(seg.text)
            for k, texts in sorted(cells.items()):
                columns[k].append(replace(r, text=" ".join(t.strip() for t in texts).strip(), columns={}))
        for col in columns:
            out.extend(col)
        i = j
    return out


def _column_of(x: float, starts: list[float]) -> int:
    return max((n for n, s in enumerate(starts) if x >= s - 8), default=0)


def _label_positions(row: Row) -> list[float]:
    return [seg.box[0] for seg in row.line.segments if _label_at(seg.text)]


def _until_gap(block: list[Row]) -> list[Row]:
    """The block up to a vertical gap wider than its usual line spacing (a heading set apart)."""
    tops = [r.line.box[1] if r.line.box else None for r in block]
    if None in tops or len(block) < 3:
        return block
    gaps = [b - a for a, b in zip(tops, tops[1:])]
    usual = sorted(g for g in gaps if g > 0)[: max(1, len(gaps) // 2)][-1] if any(g > 0 for g in gaps) else 0
    for n, g in enumerate(gaps):
        labels_only = all(_label_at(seg.text) for seg in block[n].line.segments)
        if usual and g > 1.8 * usual and g > usual + 4 and not labels_only:  # a label may stand apart above its names
            return block[: n + 1]
    return block


def _until_margin(block: list[Row], first_column: float) -> list[Row]:
    """A block of name columns ends at the first row that starts left of them and is no label."""
    for n, r in enumerate(block[1:], 1):
        seg = r.line.segments[0]
        if seg.box[0] < first_column - 8 and not _label_at(seg.text) and not heading(r.text):
            return block[:n]
    return block


def _list_row(row: Row) -> bool:
    """A row that can belong to an attendance block: a label, or short runs of names, none of them
    a sentence."""
    if heading(row.text):
        return True
    text = row.text.strip()
    return len(text.split()) <= 16 and not re.search(r"\b(?:was|were|is|are|has|had|the\s+meeting)\b", text, re.I) and not text.endswith(":")


def _column_starts(block: list[Row]) -> list[float]:
    """Left edges shared by the block's columns: the labels' own positions when the first row holds
    two or more labels, else edges where most of the block's rows start a run after a gap wider
    than a word space."""
    first = block[0].line.segments
    labels = [seg.box[0] for seg in first if _label_at(seg.text)]
    if len(labels) >= 2:
        return sorted(labels)
    counts: dict[int, int] = {}
    for r in block:
        segs = r.line.segments
        for k, seg in enumerate(segs):
            # a column of names starts after a gap wider than a word space, never mid-sentence
            apart = k == 0 or seg.box[0] - segs[k - 1].box[2] >= 12
            if apart and not _label_at(seg.text):  # a label column at the left is not a column of names
                counts[round(seg.box[0] / 12)] = counts.get(round(seg.box[0] / 12), 0) + 1
    # a column is a left edge most rows of the block share (runs of justified prose start anywhere)
    rows_with_names = sum(1 for r in block if any(not _label_at(g.text) for g in r.line.segments))
    shared = sorted(x for x, n in counts.items() if n >= 2 and n >= 0.6 * rows_with_names)
    if len(shared) < 2 or len(block) < 3:
        return []
    starts = [x * 12.0 for x in shared]
    # a lone label at the left margin stands before the first column of names
    merged: list[float] = []
    for x in starts:
        if not merged or x - merged[-1] > 60:
            merged.append(x)
    return merged if len(merged) >= 2 else []


def from_header(rows: list[Row]) -> list[Person]:
    """People listed under attendance labels in the rows before the first minute, and in an
    attendance grid with a status column."""
    people: list[Person] = []
    rows = mend(rows)
    for p in status_grid(rows):
        _add_listed(people, p)
    rows = _split_boxes(columnise(_attribute_columns(_without_initials(rows))))
    i = 0
    while i < len(rows):
        h = heading(rows[i].text)
        if not h:
            stated = _stated(rows[i].text)  # "Maryline : absente non excusée"
            if stated:
                person = parse_person(stated[0], stated[1], [rows[i]], None)
                if person is not None:
                    _add_listed(people, person)
                    i += 1
                    continue
            chaired = _CHAIRED.search(rows[i].text)  # "The Meeting was Chaired by Kenny Combe."
            if chaired and people:
                found = parse_list(chaired.group("name"), "present", [rows[i]], "Chair")
                if len(found) == 1 and any(same_person(q, found[0]) for q in people):
                    _add_listed(people, found[0])
            i += 1
            continue
        category, role, rest = h
        lead_in = re.match(r"^[a-z].*?\b(?:received\s+from|from|by)\s+(?=[A-Z])", rest)
        if lead_in:  # "Apologies for their inability to attend were received from Councillors ..."
            rest = rest[lead_in.end():]
        block, used = [rest] if rest else [], [rows[i]]
        j = i + 1
        while (j < len(rows) and not heading(rows[j].text) and not _CHAIRED.search(rows[j].text) and not _stated(rows[j].text)
               and _continues_list(" ".join(block), rows[j].text)
               and (rows[j].page is rows[j - 1].page or _open_list(" ".join(block))) and not _far_right(rows[j], used[-1])):
            block.append(rows[j].text)
            used.append(rows[j])
            j += 1
        text = _join_rows(block)
        if category == "officer" and re.match(r"^(?:clerked\s+by|clerk)", rows[i].text, re.I):
            role = "Clerk"
        label_title = _LABEL_TITLE.match(rows[i].text)
        title = _member_title(label_title.group("t")) if label_title else None
        listed, after = _first_sentence(text)
        listed = _COUNT_AFTER.sub("", listed)
        listed, *more = _inline_lists(listed)
        found = parse_list(listed, category, used, role, title)
        for more_category, more_role, more_text in more:  # "... via teleconference. Absent: Trustee Nancy Elzig"
            found += parse_list(more_text, more_category, used, more_role)
        for m in _ALSO_PRESENT.finditer(after):  # "... and Supervisor Liccar. Clerk Buiter was also present."
            found += parse_list(m.group("list"), "also_present", used)
        invited = not re.search(r"\battendance\b", rows[i].text[:40], re.I)
        for p in found:  # the staff among those invited ("Ian Brookman (Finance Manager)"); "In attendance" is its own kind
            if invited and p.category == "in_attendance" and p.role and _OFFICER_WORDS.search(p.role) and not _EXTERNAL_WORDS.search(p.role):
                p.category = "officer"
        if role == "Clerk":
            for p in found:
                p.role = p.role or "Clerk"
        for p in found:
            _add_listed(people, p)
        i = j
    return _sole_list(people)


# The number present printed after a roll call's names ("..., and Mayor Johnson – 5.").
_COUNT_AFTER = re.compile(r"\s+[-–]\s*\d{1,2}(?=\s*(?:[.;]|$))")


def _inline_lists(text: str) -> list:
    """A list that runs on, after the end of a sentence, into another label on the same rows
    ("Present: A, B. Absent: C"): the first list's text, then (category, role, text) of each
    labelled list after it. A label inside running prose (no colon or dash after it) is no label."""
    cuts = []
    for m in re.finditer(r"[.;]\s+(?=[A-Z])", text):
        label = _HEADING.match(text[m.end():])
        if label and re.search(r"[:\-–]\s*$", label.group(0)) and heading(text[m.end():]):
            cuts.append((m.start(), m.end()))
    out: list = [text[: cuts[0][0]] if cuts else text]
    for n, (_, start) in enumerate(cuts):
        end = cuts[n + 1][0] if n + 1 < len(cuts) else len(text)
        category, role, rest = heading(text[start:end])
        out.append((category, role, rest))
    return out


_NAME_STATUS = re.compile(r"^(?P<name>[A-ZÀ-Ý][\w’'\-]*(?:\s+[A-ZÀ-Ý][\w’'\-]*){0,3})\s*:\s*(?P<status>[^:]+?)\.?$")


def _stated(text: str) -> Optional[tuple[str, str]]:
    """(name, category) of a row that gives one person's attendance after a colon ("Maryline :
    absente non excusée", "Ann Lowe: apologies")."""
    m = _NAME_STATUS.match(text.strip())
    if not m or len(text.split()) > 8 or heading_word(m.group("name")):
        return None
    category = _status_of(m.group("status"))
    return (m.group("name"), category) if category else None


_CHAIRED = re.compile(r"\b(?:was|were)\s+chaired\s+by\s+(?P<name>[A-Z][^.,;()]{2,60}?)\s*(?:[.,;(]|$)", re.I)


def _add_listed(people: list[Person], p: Person) -> None:
    """Add a listed person; one listed twice (under "Chair:" and again among the attendees) is
    one person with what both entries say."""
    for q in people:
        if same_person(q, p) and (q.category == p.category or is_chair(q.role) or is_chair(p.role)):
            if q.category != p.category and is_chair(q.role):
                q.category = p.category
            _enrich(q, p)
            if len(p.name) < len(q.name) or not q.title:
                q.title = q.title or p.title
            return
    people.append(p)


_ALSO_PRESENT = re.compile(r"(?P<list>[A-Z][^.]*?)\s+(?:was|were)\s+also\s+(?:present|in\s+attendance)\b", re.I)


def _first_sentence(text: str) -> tuple[str, str]:
    """A list that ends a sentence and goes on with another ("..., and Supervisor Liccar. Clerk
    Buiter was also present."): (the list, the sentences after it)."""
    m = re.search(r"(?<=[a-z]{3})\.\s+(?=[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s+(?:was|were|is|are|had|has)\b)", text)
    if not m:
        return text, ""
    return text[: m.start()], text[m.end():]


def header_end(rows: list[Row], first_item: int) -> int:
    """Where the attendance part of the minutes ends: the first minute, or, when no attendance
    label comes before it (the first minute was read from a heading over the attendance), the end
    of the attendance labels and lists that open the minutes (within their first 40 rows and the
    12 after the first minute's start, before any vote or motion)."""
    end = first_item
    if any(heading(unbulleted(r.text)) for r in rows[:first_item]):
        return end  # the rows before the first minute hold the attendance
    return lists_end(rows, end, min(40, first_item + 12))


def lists_end(rows: list[Row], end: int = 0, depth: int = 40) -> int:
    """The row after the last attendance label among the first ``depth`` rows and the list under
    it (``end`` at least), before any vote or motion."""
    for k, row in enumerate(rows[:depth]):
        if _VOTE_ROW.match(row.text):
            break
        if k < end or not heading(unbulleted(row.text)):
            continue
        j, last = k + 1, row.text
        while j < len(rows) and not _VOTE_ROW.match(rows[j].text):
            text = rows[j].text.strip()
            if _STRAY.match(text):  # punctuation set apart from its row
                j += 1
                continue
            if not heading(unbulleted(text)) and not (_list_row(rows[j]) and _continues_list(last, text)
                                                       and not _PROSE.search(text)):
                break
            j, last = j + 1, text
        end = max(end, j)
    return end


_PROSE = re.compile(r"\b[a-z][\w'’]*\s+[a-z][\w'’]*\s+[a-z][\w'’]*\b")  # three words in lower case running
_VOTE_ROW = re.compile(r"^\W*(?:ayes|nays|noes|motion(?:\s+by)?|moved\s+by|second(?:ed)?(?:\s+by)?|result|vote)\s*:", re.I)


def unbulleted(text: str) -> str:
    """The text without a bullet before it ("o Commissioners Present:", "• Present:")."""
    return re.sub(r"^(?:[o•·▪\-–*]|[\ue000-\uf8ff])\s+", "", text.strip())


def from_items(titled: list[tuple[Optional[str], list[Row]]]) -> list[Person]:
    """People listed in the body of a minute whose title is an attendance label ("46. APOLOGIES
    FOR ABSENCE" over "Cllrs Paul Rochford and Barry Simkins"): the rows that open the body while
    they read as a list, not as sentences."""
    people: list[Person] = []
    for title, body in titled:
        h = heading(re.sub(r"^\W*\d+[.)]?\s*", "", title or ""))
        if not h or h[2]:
            continue
        block: list[Row] = []
        for row in body:
            text = row.text.strip()
            if heading(text) or _PROSE.search(text) or not _continues_list(" ".join(r.text for r in block), text):
                break
            block.append(row)
        if block:
            people.extend(parse_list(_join_rows([r.text for r in block]), h[0], block, h[1]))
    return people


def _sole_list(people: list[Person]) -> list[Person]:
    """Where the only list is headed "In attendance" (no "Present" list), it lists who was there:
    its people are present, those with an officer's post officers."""
    if any(p.category == "present" for p in people) or not any(p.category == "in_attendance" for p in people):
        return people
    for p in people:
        if p.category == "in_attendance":
            p.category = "officer" if p.role and _OFFICER_WORDS.search(p.role) else "present"
    return people


_BOX_LABEL = re.compile(r"\s(?=(?:Chaired|Clerked|Minuted|Minutes\s+taken)\s+by\b)")


def _split_boxes(rows: list[Row]) -> list[Row]:
    """A row holding two labelled boxes ("Chaired by X   Clerked by Y") as one row per box."""
    out = []
    for row in rows:
        parts = _BOX_LABEL.split(row.text)
        if len(parts) > 1 and heading(parts[0]):
            out.extend(replace(row, text=part.strip(), columns={}) for part in parts if part.strip())
        else:
            out.append(row)
    return out


def _join_rows(texts: list[str]) -> str:
    """The rows of one list as one text: a list wrapped over rows is joined with spaces (a word
    broken at a hyphen without one); rows that each hold one entry ("Rob Jones, Chairman" /
    "Joe Kane, Director") are separated so their names stay apart."""
    out, prev = "", ""
    for text in texts:
        text = text.strip()
        if not out:
            out = prev = text
            continue
        wrapped = (prev.endswith((",", ";", "(", "&", "-", "/")) or re.search(r"\b(?:and|of|the)$", prev)
                   or re.search(r"\)\s*[A-Z][\w'’\-]*$", prev)  # "... (SCC Observer) Stephen" / "Taylor (SCC ...)"
                   or out.count("(") > out.count(")") or prev.count(",") >= 2 or not text[:1].isupper()
                   or ("," in prev and _attribute(text.split(",")[0].strip(" .")) and not _given(text)))  # "... Children's" / "Services."
        if prev.endswith("-") and text[:1].isupper():
            out = out + text
        else:
            out = out + (" " if wrapped else "; ") + text
        prev = text
    return out


def _far_right(row: Row, last: Row) -> bool:
    """``row`` starts far to the right of the list's last row: a column heading ("Action") beside it."""
    a, b = row.line.box, last.line.box
    return bool(a and b) and a[0] > b[0] + 150 and len(row.text.split()) <= 2


def _open_list(so_far: str) -> bool:
    """The list so far is left open (a comma, "and", a bracket): it carries on over a page break."""
    s = so_far.rstrip()
    return s.endswith((",", ";", "&", "(")) or bool(re.search(r"\band$", s)) or s.count("(") > s.count(")")


def _continues_list(so_far: str, text: str) -> bool:
    s = text.strip()
    if not so_far:
        return True
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and "," not in s and not s.startswith("("):
        return False
    if s.endswith(":"):
        return False
    if so_far.count("(") > so_far.count(")"):
        return True  # a bracket left open ("... (Mr. V." / "Murray), ...")
    if so_far.rstrip().endswith(".") and not re.match(r"^(?:and\b|&|\(|[A-Z][a-z]*\.?\s+[A-Z])", s):
        return False
    if re.match(r"^[–—-]\s", s) and not so_far.rstrip().endswith((".", ";", ":")):
        return True  # "... Peter Bernard" / "– Eye Library Friends, ...": the entry's dash wrapped to the row below
    if s.startswith("/ ") and " / " in so_far:
        return True  # a list parted by slashes, carried on to the next row ("... / Marc (...)" / "/ Mathieu (...)")
    return bool(re.match(r"^(?:and\b|&|\(|Councillors?\b|Cllr|Mr|Mrs|Ms|Miss|Dr|[A-Z(Ó])", s))


# --------------------------------------------------------------------------- name and attribute columns


def _cells(row: Row, gap: float = 20.0) -> list[tuple[float, str, float]]:
    """The row's runs grouped into cells split by gaps wider than ``gap`` points: (left, text, right)."""
    cells: list[list] = []
    for g in row.line.segments:
        if not g.text.strip():
            continue
        if cells and g.box[0] - cells[-1][2] < gap:
            cells[-1][1] += " " + g.text.strip()
            cells[-1][2] = g.box[2]
        else:
            cells.append([g.box[0], g.text.strip(), g.box[2]])
    return [(c[0], re.sub(r"\s+", " ", c[1]), c[2]) for c in cells]


def _given(text: str) -> bool:
    words = _HONORIFIC.sub("", text + " ").split()
    return bool(words) and names.is_given_name(words[0].strip(",."))


def _attribute_columns(rows: list[Row]) -> list[Row]:
    """A list of names with what each person represents beside it in a column of its own
    ("Kieron O'Hara      Southampton University"): each such row becomes "name [attribute]", so
    the attribute stays with its name. Told from two columns of names (read by ``columnise``) by
    what the columns hold: given names open most left cells and almost no right ones."""
    out = list(rows)
    i = 0
    while i < len(out):
        h = heading(out[i].text)
        if not h or h[2] or not out[i].line.segments:
            i += 1
            continue
        j = i + 1
        while (j < len(out) and out[j].line.segments and out[j].page is out[i].page and not heading(out[j].text)
               and len(_cells(out[j])) <= 2):
            j += 1
        block = _until_gap(out[i + 1 : j])
        pairs = [c for c in (_cells(r) for r in block) if len(c) == 2]
        if len(pairs) >= 3 and len(pairs) >= 0.6 * len(block):
            lefts = [c[0][0] for c in pairs]
            rights = sorted(c[1][0] for c in pairs)
            aligned = max(lefts) - min(lefts) <= 8 and sum(1 for x in rights if abs(x - rights[len(rights) // 2]) <= 12) >= 0.8 * len(pairs)
            given_left = sum(_given(c[0][1]) for c in pairs) / len(pairs)
            given_right = sum(_given(c[1][1]) for c in pairs) / len(pairs)
            if aligned and given_left >= 0.5 and given_right <= 0.2:
                for k in range(i + 1, i + 1 + len(block)):
                    out[k] = _name_and_attribute(out[k])
        i = max(j, i + 1)
    return out


def _without_initials(rows: list[Row]) -> list[Row]:
    """Attendance rows without the column of initials printed after each name ("Kenny Combe  KC
    Graham Dolan  GD"): a run that is the initials of the run before it is dropped, so the names
    stand in columns of their own."""
    out = []
    for row in rows:
        segs = row.line.segments
        keep = [g for k, g in enumerate(segs) if not (k and _initials_of(g.text, _name_before(segs, k)))]
        if len(keep) == len(segs):
            out.append(row)
            continue
        text = " ".join(g.text.strip() for g in keep)
        out.append(replace(row, text=re.sub(r"\s+", " ", text).strip(), line=replace(row.line, text=text, segments=tuple(keep)), columns={}))
    return out


def _name_before(segs, k: int) -> str:
    """The run before run ``k`` that holds a name, past a bracket set apart ("Jim Fullarton" "(SBC)" "JF")."""
    j = k - 1
    while j > 0 and re.fullmatch(r"\(.*\)", segs[j].text.strip()):
        j -= 1
    return segs[j].text


def _initials_of(text: str, name: str) -> bool:
    text = text.strip()
    if not re.fullmatch(r"[A-Z]{2,3}[a-z]?", text):
        return False
    words = [w for w in _HONORIFIC.sub("", name.strip() + " ").split() if w[:1].isupper()]
    return len(words) >= 2 and text.upper().startswith("".join(w[0] for w in words)[:2].upper()) and text[0] == words[0][0]


def _name_and_attribute(row: Row) -> Row:
    """A row of a name and attribute list as "name [attribute]", split at its widest gap."""
    segs = [g for g in row.line.segments if g.text.strip()]
    if len(segs) < 2:
        return row
    k = max(range(1, len(segs)), key=lambda n: segs[n].box[0] - segs[n - 1].box[2])
    name = " ".join(g.text.strip() for g in segs[:k])
    attribute = " ".join(g.text.strip() for g in segs[k:])
    text = f"{name} [{attribute}]"
    seg = replace(segs[0], text=text, box=row.line.box or segs[0].box)
    return replace(row, text=text, line=replace(row.line, text=text, segments=(seg,)), columns={})


# --------------------------------------------------------------------------- status grids

_STATUS_HEAD = re.compile(r"^(?:status|attendance|attended|present(?:\s*/\s*absent)?|pr[ée]sences?|presence)$", re.I)
_NAME_HEAD = re.compile(r"\b(?:name|attendee|member|commissioner|councillor|trustee|director|governor|nom)s?\b", re.I)
_STATUS_WORDS = [
    (re.compile(r"^(?:present|here|yes|attended|late|arrived\s+late|in\s+person|pr[ée]sente?)\b", re.I), "present"),
    (re.compile(r"^(?:remote(?:ly)?|virtual(?:ly)?|online|by\s+(?:phone|video|zoom))\b", re.I), "in_attendance_virtually"),
    (re.compile(r"^(?:excused|apologies|apology|regrets|absent\s+with\s+apolog|excus[ée]e?)\b", re.I), "apologies"),
    (re.compile(r"^(?:absent|no|not\s+present|absente?)\b", re.I), "absent"),
]
_TITLE_HEAD = re.compile(r"^(?:title)$", re.I)
_ROLE_HEAD = re.compile(r"^(?:role|position|post|office|fonction)$", re.I)


def _status_of(text: str) -> Optional[str]:
    return next((category for rx, category in _STATUS_WORDS if rx.match(text.strip())), None)


def status_grid(rows: list[Row]) -> list[Person]:
    """An attendance grid whose header row has a name column and a status column ("Attendee Name
    | Title | Status | Arrived"): one person per row, the category from the status cell
    (Present, Late, Absent, Excused, Remote), the title or role from a Title or Role column."""
    people: list[Person] = []
    for k, row in enumerate(rows):
        height = max((g.box[3] - g.box[1] for g in row.line.segments), default=10.0)
        head = _cells(row, gap=min(12.0, 0.6 * height))  # words of one heading sit closer than a word space and a half
        if len(head) < 2 or not any(_STATUS_HEAD.match(t) for _, t, _ in head) or not _NAME_HEAD.search(head[0][1]):
            continue
        centres = [(x0 + x1) / 2 for x0, _, x1 in head]
        kinds = [("status" if _STATUS_HEAD.match(t) else "title" if _TITLE_HEAD.match(t) else "role" if _ROLE_HEAD.match(t)
                  else "name" if n == 0 else "other") for n, (_, t, _) in enumerate(head)]
        for r in rows[k + 1 :]:
            if r.page.index != row.page.index or not r.line.segments:
                break
            cols: dict[str, list[str]] = {}
            for g in r.line.segments:
                if not g.text.strip():
                    continue
                x = (g.box[0] + g.box[2]) / 2
                n = min(range(len(centres)), key=lambda c: abs(centres[c] - x))
                cols.setdefault(kinds[n], []).append(g.text.strip())
            status = _status_of(" ".join(cols.get("status", [])))
            name = " ".join(cols.get("name", []))
            if status is None or not name:
                break
            person = parse_person(name, status, [r], None)
            if person is None:
                continue
            title = " ".join(cols.get("title", [])) or None
            if title:
                person.title = person.title or title
            person.role = person.role or (" ".join(cols.get("role", [])) or None)
            people.append(person)
        if people:
            return people
    return people


# --------------------------------------------------------------------------- grids


# A grid row opens with a name in capitals or in title case ("COLIN BROWN", "Paul Evemy").
_GRID_ROW = re.compile(
    r"^(?P<name>[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+){1,3}|[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,3})\s+(?P<rest>.*)$")


_DATE_CELL = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$")
_CODE_CELL = re.compile(r"^(?:P|A|S|L|AP)$")


def from_grid(rows: list[Row], date: Optional[str] = None) -> list[Person]:
    """An attendance grid: NAME, type columns, then a P / A / S code for this meeting."""
    people: list[Person] = []
    legend = any(re.search(r"\bP\s*[–-]\s*Present\b", r.text) for r in rows)
    if not legend:
        return people
    laid_out = _grid_by_columns(rows, date)
    if laid_out is not None:
        return laid_out
    for row in rows:
        m = _GRID_ROW.match(row.text)
        if not m or m.group("name").startswith("VACANT"):
            continue
        codes = re.findall(r"(?<![\w/])(P|A|S|L|AP)(?![\w/])", m.group("rest"))
        if not codes:
            continue
        kind = re.sub(r"\s*-\s*", "-", re.split(r"\s\d", m.group("rest"))[0]).strip()
        kind = re.sub(r"\s+(?:P|A|S|L|AP)$", "", kind).strip() or None
        people.append(Person(name=_title_name(m.group("name")), category=_CODE[codes[0]], role=kind, rows=[row]))
    return people


def _grid_by_columns(rows: list[Row], date: Optional[str]) -> Optional[list[Person]]:
    """A grid whose header row carries one date per meeting of the year: each code is read under
    its date, and the column of this meeting (day and month of the minutes' date, else the last
    column holding any code) gives the attendance. None when there is no such header."""
    head_at = next((k for k, r in enumerate(rows) if sum(1 for g in r.line.segments if _DATE_CELL.match(g.text)) >= 2), None)
    if head_at is None:
        return None
    header = rows[head_at].line.segments
    dates = [((g.box[0] + g.box[2]) / 2, g.text) for g in header if _DATE_CELL.match(g.text)]
    type_col = next((g for g in header if g.text.strip().lower() in {"type", "category", "governor type", "role"}), None)
    grid = []
    for row in rows[head_at + 1 :]:
        segs = row.line.segments
        if not segs or not _GRID_ROW.match(segs[0].text + " x") or segs[0].text.startswith("VACANT"):
            continue
        codes = {}
        for g in segs[1:]:
            if _CODE_CELL.match(g.text.strip()):
                x = (g.box[0] + g.box[2]) / 2
                col = min(range(len(dates)), key=lambda c: abs(dates[c][0] - x))
                codes[col] = g.text.strip()
        kind = None
        if type_col is not None:
            parts = [g.text for g in segs[1:] if _nearest(header, g) is type_col]
            kind = re.sub(r"\s*-\s*", "-", " ".join(parts)).strip() or None
        grid.append((row, segs[0].text, kind, codes))
    column = _meeting_column([d for _, d in dates], date, [c for *_, c in grid])
    people = []
    for row, name, kind, codes in grid:
        code = codes.get(column) if column is not None else None
        if code is None:
            continue
        people.append(Person(name=_title_name(name), category=_CODE[code], role=kind, rows=[row]))
    return people


def _nearest(header, seg):
    """The header cell whose centre is nearest the segment's centre."""
    x = (seg.box[0] + seg.box[2]) / 2
    return min(header, key=lambda h: abs((h.box[0] + h.box[2]) / 2 - x))


def _meeting_column(dates: list[str], date: Optional[str], codes: list[dict]) -> Optional[int]:
    if date:
        day, month = int(date[8:10]), int(date[5:7])
        for c, text in enumerate(dates):
            d, m = (int(x) for x in re.split(r"[/.]", text)[:2])
            if (d, m) == (day, month):
                return c
    used = [c for row in codes for c in row]
    return max(used) if used else None


def _title_name(name: str) -> str:
    return " ".join(w.capitalize() if not w.startswith("MC") else "Mc" + w[2:].capitalize() for w in name.split())


# --------------------------------------------------------------------------- sentences in the minutes


_SUB_BY = re.compile(
    r"(?P<absent>(?:(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr)\s+)?[A-Z][^,;.()]*?(?:\s*\([A-Z]\))?(?:\s*(?:,|and)\s*[A-Z][^,;.()]*?(?:\s*\([A-Z]\))?)*)"
    r",?\s+who\s+(?:was|were)\s+substituted\s+by\s+"
    r"(?P<subs>(?:(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr)\s+)?[A-Z][^;.()]*?(?:\s*\([A-Z]\))?(?:\s*(?:,|and)\s*[A-Z][^,;.()]*?(?:\s*\([A-Z]\))?)*)"
    r"(?=\s*(?:,\s*and\b|\.|;|,\s*(?:who|were)|$))"
)
_PRESENT_AS_SUB = re.compile(
    r"(?P<sub>(?:(?:Councillors?|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})\s+"
    r"(?:was\s+present\s+as\s+(?:a\s+)?substitute(?:\s+member)?\s+for|substituted\s+for|substituting\s+for|attended\s+as\s+(?:a\s+)?substitute\s+for|\(?substitute\s+for)\s+"
    r"(?P<absent>(?:(?:Councillors?|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})",
    re.I,
)
_FOR = re.compile(
    r"^(?P<sub>(?:(?:Councillors?|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+)?[A-Z][\w'’\-. ]*?)\s+for\s+(?P<absent>(?:(?:Councillors?|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+)?[A-Z][\w'’\-. ]*)$"
)
_APOLOGIES = re.compile(
    r"(?:apolog(?:y|ies)\b[^.]*?\b(?:received|submitted|given|reported|tendered)\s+(?:from|by|on\s+behalf\s+of)|"
    r"reported\s+apologies\s+from|apologies\s+(?:from|for\s+absence\s+from)|apologies\s+for\s+absence:?)\s+(?P<list>[^.]*)",
    re.I,
)
_VIRTUAL_VERB = re.compile(r"\s+(?:were|was)\s+(?:in\s+attendance|present|attending)\s+virtually", re.I)
_LIST_BEFORE = re.compile(r"(?P<list>[A-Za-z][^.]*?)$")


def _virtual_lists(text: str) -> list[str]:
    """The name lists before each "were in attendance virtually": from the sentence's start (or
    400 characters back) to the verb. Found from the verb backwards, so long texts stay linear."""
    out = []
    for m in _VIRTUAL_VERB.finditer(text):
        before = text[max(0, m.start() - 400) : m.start()]
        before = before[before.rfind(".") + 1 :]
        lm = _LIST_BEFORE.search(before)
        if lm:
            out.append(lm.group("list"))
    return out
_ALSO_SENT = re.compile(r"(?P<list>[A-Z][^.]*?)\s+(?:was|were)\s+(?:also\s+)?in\s+attendance\b(?!\s+virtually)(?!\s+for\s+this\s+item)", re.I)


def substitutions(text: str) -> list[tuple[str, str]]:
    """(absent member, substitute) pairs stated in a sentence, paired in order."""
    pairs = []
    for m in _sub_by(text):
        absent = split_names(_strip_lead(m.group("absent")))
        subs = split_names(m.group("subs"))
        for a, s in zip(absent[-len(subs):] if subs else [], subs):
            pairs.append((a, s))
    for m in _PRESENT_AS_SUB.finditer(text):
        pairs.append((m.group("absent"), m.group("sub")))
    return pairs


_SUBSTITUTED_BY = re.compile(r"\bwho\s+(?:was|were)\s+substituted\s+by\b")


def _sub_by(text: str) -> list[re.Match]:
    """``_SUB_BY`` matches, each looked for in a window around a "who was substituted by", from
    its sentence's start: the pattern's nested lists backtrack badly over long texts."""
    found, seen = [], set()
    for anchor in _SUBSTITUTED_BY.finditer(text):
        lo = max(0, anchor.start() - 400)
        lo += text[lo : anchor.start()].rfind(".") + 1
        window = text[lo : anchor.end() + 400]
        for m in _SUB_BY.finditer(window):
            key = (m.group("absent"), m.group("subs"))
            if key not in seen:
                seen.add(key)
                found.append(m)
    return found


def _strip_lead(text: str) -> str:
    """Drop words before the last name list in "... received from Councillor X"."""
    m = re.search(r"(?:from|by|and)\s+((?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr)\b.*)$", text)
    if m:
        return m.group(1)
    m = re.search(r"\b(?:from|by)\s+(.*)$", text)
    return m.group(1) if m else text


def from_sentences(texts: list[tuple[str, Row]]) -> tuple[list[Person], list[tuple[str, str, Row]], list[Person]]:
    """Apologies, substitution pairs and virtual attendance stated in sentences."""
    apologies: list[Person] = []
    pairs: list[tuple[str, str, Row]] = []
    virtual: list[Person] = []
    for text, row in texts:
        for a, s in substitutions(text):
            pairs.append((a, s, row))
        for m in _APOLOGIES.finditer(text):
            listed = re.split(r",?\s+who\s+(?:was|were)\s+substituted\s+by\s+[^,]*(?:,\s*and\s+|$)", m.group("list"))
            for part in listed:
                part = re.sub(r"\s+but\b.*$", "", part)
                apologies.extend(parse_list(part, "apologies", [row]))
        for listed in _virtual_lists(text):
            virtual.extend(parse_list(listed, "in_attendance_virtually", [row]))
    return apologies, pairs, virtual


def substitute_lines(rows: list[Row]) -> list[tuple[str, str, Row]]:
    """Pairs from a substitutes list of the form "Councillor Y for Councillor X"."""
    pairs = []
    for row in rows:
        h = heading(row.text)
        if not h or h[0] != "substitute":
            continue
        for chunk in re.split(r",|;", h[2]):
            m = _FOR.match(chunk.strip(" ."))
            if m:
                pairs.append((m.group("absent"), m.group("sub"), row))
    return pairs


# --------------------------------------------------------------------------- people named in the minutes


def from_body(texts: list[tuple[str, Row]], pipeline) -> list[Person]:
    """People introduced in the minutes with a role beside their name, and councillors who spoke:
    officers when the role is a council post, guests otherwise."""
    from scrutiny.extractor import nlp as nlpmod

    found = []
    for text, row in texts:
        doc = pipeline(text)
        for span in doc.spans[nlpmod.PERSON_KEY]:
            role = nlpmod.role_of(doc, span)
            person = parse_person(span.text, "guest", [row], None)
            if person is None:
                continue
            if person.title == "Councillor":
                if not _ACTS.match(text[span.end_char:]):
                    continue  # named, not shown taking part ("congratulated Councillor X on ...")
                person.category = "guest"
                person.role = role if role and not _CHAIR_ROLE.match(role) else None
            elif role and not _HONORIFIC.match(role + " ") and len(re.findall(r"[A-Za-z]", role)) >= 3:
                if re.fullmatch(r"[A-Z&/]{2,8}", role):  # an acronym, not a role
                    continue
                if person.title is None and not (_OFFICER_WORDS.search(role) or _EXTERNAL_WORDS.search(role) or _is_role_phrase(role)):
                    continue  # "Presidential Elections (Forms) Regulations": no person, no post
                if _REPORTED_ON.search(text[span.end_char: span.end_char + 160]) and not _ACTS.match(text[span.end_char:]):
                    continue  # named in what a report says ("Dave Lee (Deputy Headteacher) ... have both attended training")
                person.role = role
                person.category = classify_role(role)
                labelled = _LABEL_BEFORE.search(text[max(0, span.start_char - 40): span.start_char])
                if labelled and (h := heading(labelled.group(0).strip())):
                    person.category = h[0]  # "In attendance: Sarah Fraser (Staff History Lead)": the label says how
            else:
                continue
            found.append(person)
    return found


# What a report tells of staff, not their taking part in the meeting: "... have both attended Level 3
# training", "... will attend refresher training", "... is now the Designated Safeguarding Lead".
_REPORTED_ON = re.compile(r"^[^.;]{0,120}?\b(?:have|has)\s+(?:both\s+|all\s+)?(?:attended|completed|undertaken|received|been\s+appointed)\b|"
                          r"^[^.;]{0,120}?\bwill\s+(?:attend|complete|undertake|receive)\b|^[^.;]{0,40}?\bis\s+now\s+the\b", re.I)


# An attendance label run into the text right before a name ("... sanctioned In attendance: Sarah Fraser").
_LABEL_BEFORE = re.compile(r"(?:^|(?<=\s))(?:in\s+attendance|also\s+present|also\s+in\s+attendance|present|apologies)\s*:\s*$", re.I)


_ACTS = re.compile(
    r"^(?:\s*\([^)]*\))?(?:,\s[^,.;]{3,80},)?,?\s+(?:then\s+|also\s+|further\s+|briefly\s+)?(?:said|asked|spoke|addressed|attended|commented|stated|"
    r"explained|welcomed|thanked|raised|queried|questioned|responded|replied|presented|introduced|moved|proposed|seconded|"
    r"declared|referred|noted|suggested|highlighted|expressed|informed|advised|reported|outlined|acknowledged|took|joined|"
    r"was\s+(?:present|in\s+attendance)|had\s+(?:been\s+)?invited)\b",
    re.I,
)


def classify_role(role: str) -> str:
    """officer for a council post, guest for an outside body or an independent role."""
    if _EXTERNAL_WORDS.search(role) and not re.search(r"\b(?:council|corporate)\b", role, re.I):
        return "guest"
    return "officer" if _OFFICER_WORDS.search(role) else "guest"


# --------------------------------------------------------------------------- merging


def _other_given_names(a: Person, b: Person) -> bool:
    """Both names print a given name in full and the two are different names (neither a short
    form of the other: "Will" / "William", "Bob" / "Robert" are one)."""
    ga, gb = (p.name.split()[0].lower().strip(".,") if len(p.name.split()) > 1 else "" for p in (a, b))
    if len(ga) < 3 or len(gb) < 3 or "." in a.name.split()[0] + b.name.split()[0]:
        return False
    if ga.startswith(gb) or gb.startswith(ga):
        return False
    return names.DIMINUTIVES.get(ga, ga) != names.DIMINUTIVES.get(gb, gb)


def same_person(a: Person, b: Person) -> bool:
    if not a.surname or a.surname != b.surname:
        return False
    if a.bracket != b.bracket:
        return False
    if a.initial and b.initial and a.initial != b.initial:
        return False
    if _other_given_names(a, b):
        return False  # "Marielle Sauget" and "Marc Sauget"
    if a.title and b.title and a.title != b.title and {a.title, b.title} & {"Mr", "Mrs", "Ms", "Miss"} and a.title != "Councillor" and b.title != "Councillor":
        return False
    return True


def merge(listed: list[Person], apologies: list[Person], pairs: list[tuple[str, str, Row]],
          virtual: list[Person], body: list[Person]) -> list[Person]:
    """One list: listed people first, then apologies and substitutes, then people from the body."""
    people: list[Person] = []
    for p in listed:
        _add(people, p)
    for p in apologies:  # the minutes saying apologies were received outweigh a list printed beforehand
        existing = _find(people, p)
        if existing is not None and existing.category in ("present", "in_attendance", "officer", "also_present"):
            existing.category = "apologies"
        _add(people, p)
    for absent_text, sub_text, row in pairs:
        absent = parse_person(absent_text, "apologies", [row], None)
        sub = parse_person(sub_text, "substitute", [row], None)
        if absent is None or sub is None:
            continue
        _add(people, absent)
        existing = _find(people, sub)
        if existing is None or existing.category not in {"present", "substitute"}:
            people.append(sub)
            existing = sub
            existing.role = None
        existing.category = "substitute"
        existing.substituting_for = absent.name
        existing.title = existing.title or sub.title
    for p in virtual:
        if not any(same_person(q, p) and q.category == p.category for q in people):
            people.append(p)
    for p in body:
        existing = _find(people, p)
        if existing is None:
            people.append(p)
        elif existing.category == p.category:
            _enrich(existing, p)
    return people


def sent_apologies(people: list[Person], apologies: list[Person]) -> list[Person]:
    """``people`` with those an apologies item names recorded as apologies, though a list at the
    head named them among the attendees or the invited (the item says who did not come)."""
    for p in apologies:
        existing = _find(people, p)
        if existing is None:
            people.append(p)
        else:
            existing.category = "apologies"
    return people


def _find(people: list[Person], p: Person) -> Optional[Person]:
    return next((q for q in people if same_person(q, p)), None)


def _add(people: list[Person], p: Person) -> None:
    existing = _find(people, p)
    if existing is None:
        people.append(p)
    elif existing.category == p.category or p.category == "present":
        _enrich(existing, p)
    elif existing.category == "present" and p.category == "apologies":
        pass


def _enrich(a: Person, b: Person) -> None:
    if len(b.name) > len(a.name):
        a.name = b.name
    a.role = a.role or b.role
    a.title = a.title or b.title
