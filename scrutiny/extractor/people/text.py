"""People named in running text (minute bodies, report paragraphs, attendance lines): "Mr Gough
said", "Councillors Aitken and Winskill", "Councillors Bull (Chair), Adamou (Vice-Chair)", and
role-only references such as "the Director of C&YPS" or "the report of the Director of ..."."""

from __future__ import annotations

import re
from typing import Optional

from scrutiny.extractor import names

# Offices printed before a name as a form of address ("Commissioner Bello", "Board Member Battle",
# "Mayor Pro Tem Waite", "Acting Director Romero"), in title case. They are titles of many things
# besides people, so a name after one is kept only when it is a full name or the surname of
# someone the pack names in full (``gather``).
_OFFICE_SPELLINGS = sorted(
    {" ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in spelling.split())
     for canonical in names.OFFICES | names.POSTS for spelling in names.HONORIFICS[canonical] if spelling.split()[0] not in {"member", "maire", "adjoint"}},
    key=len, reverse=True,
)
_OFFICE = "(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in _OFFICE_SPELLINGS) + ")"
_OFFICE_RE = re.compile(rf"{_OFFICE}")
_TITLE = rf"(?:{_OFFICE}(?![\w\-])|(?:Councillors?|Cllrs?\.?|Cmhlr\.?|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof(?:essor)?|Rev(?:d)?|Deputy|DAC|DCI|DI|DS|Supt)\.?)"
_L = r"[^\W\d_]"  # any letter
_UP = r"[A-ZÀ-ÖØ-Þ]"
_WORD = rf"(?!{_TITLE}\s){_UP}{_L}*(?:['’\-]{_L}+)*(?:['’](?!{_L}))?"
_NAME = rf"(?:(?:{_UP}\.?\s){{0,3}}(?:{_WORD}\s){{0,2}}(?:(?:Ó|Ní|Uí|Mac|Mc|de|van|von)\s)?{_WORD}(?:\s\({_UP}\))?)"
_BRACKET = r"\s*\((?:[^()]|\([^()]*\)){1,80}\)"
_POST = r"(?:,?\s+(?:" + "|".join(sorted((p.upper() for p in names.POSTNOMINALS), key=len, reverse=True)) + r")\b)"
_SEP = r"(?:,\s*|\s+and\s+|\s*&\s*|(?<=\))\s+)"
_ITEM = rf"(?:{_TITLE}\s+)*{_NAME}(?:{_BRACKET})?{_POST}*"
_PERSON = re.compile(rf"\b((?:{_TITLE}\s+)*{_TITLE})\s+({_NAME}(?:{_BRACKET})?{_POST}*(?:{_SEP}{_ITEM})*)")
_ITEM_RE = re.compile(rf"(?P<title>(?:{_TITLE}\s+)*)(?P<name>{_NAME})(?P<bracket>{_BRACKET})?(?P<post>{_POST}*)")
_SEP_RE = re.compile(_SEP)
_LAST_TITLE = re.compile(rf"({_TITLE})\s*$")

# Capitalised words that start sentences or headings and are never a surname after a title.
_NOT_SURNAMES = frozenset(
    "on in at the for to of and by with from as if it is be we he she they this that these those all any no not also"
    " or but so then there here when where which who what".split()
)
# Words that end a name run on into the next heading or label ("Winskill Co-Optees:", "Ms Wright
# Abstain (4)").
_TRAILING = names.LABEL_WORDS | names.ROLE_WORDS | {"co-optees", "co-optee"}
# Ranks printed before a full name ("DAC Alan Gibson"); alone before one word they are more often
# the end of a company name ("... Development DAC On ...").
_RANK_TITLES = frozenset({"DAC", "DCI", "DI", "DS", "Supt"})

_ROLE_HEADS = r"(?:Director|Manager|Officer|Executive|Leader|Chair(?:man)?|Clerk|Counsel|Secretary|Head|Treasurer|Solicitor|Lead|Mayor|Commissioner|Adviser|Advisor)"
_ROLE_BODY = (
    rf"(?:(?:interim|acting)\s+)?(?:[A-Z][\w&'’\-]*\s+){{0,4}}{_ROLE_HEADS}"
    rf"(?:\s*[\-–(]?\s*(?:of|for)?\s*(?:the\s+)?(?:[A-Z][\w&'’\-]*|and|&)(?:\s+(?:[A-Z][\w&'’\-]*|and|&|of|for))*(?:\)(?:\s+[A-Z][\w&'’\-]*)*)?)?"
)
_ROLE = re.compile(rf"\b[Tt]he\s+({_ROLE_BODY})")
_REPORT_OF = re.compile(r"\b[Rr]eports?\s+(?:of|from|by)\s+$")
# Offices of the meeting or the council held in turn ("the Chair", "the Mayor", "the Leader"): a
# reference to one names the office, not a surface form of its holder.
_OFFICES = frozenset({"chair", "chairman", "chairwoman", "chairperson", "vice-chair", "vice chair", "vice-chairman", "mayor", "deputy mayor", "leader", "deputy leader", "cathaoirleach", "clerk", "committee clerk"})


# Posts named by their jurisdiction ("City Manager", "Town Clerk", "County Attorney") are offices of
# it held in turn, like "the Clerk".
_LOCAL_POSTS = frozenset({"manager", "administrator", "attorney", "solicitor", "treasurer", "auditor", "engineer", "recorder", "secretary"})


def named_people(text: str) -> list[tuple[str, str]]:
    """Honorific-led names in running text as (surface form, honorific). A plural title
    ("Councillors Aitken and Winskill") gives each name as printed ("Aitken") with the singular
    honorific. A bracketed office after a bare surname stays with it ("Bull (Chair)"), as does a
    post-nominal ("Mr J A Kite, MBE")."""
    return [(form, title) for form, title, _, _ in named_spans(text)]


def named_spans(text: str) -> list[tuple[str, str, int, int]]:
    """``named_people`` with the character span of each name in ``text``."""
    out: list[tuple[str, str, int, int]] = []
    for m in _PERSON.finditer(text or ""):
        title = _LAST_TITLE.search(m.group(1)).group(1)
        if _OFFICE_RE.match(m.group(1)) and re.search(r",\s*$", text[: m.start()]):
            continue  # "Thushan Amarasiriwardena, Vice President" + the next line: the office is the role before it
        plural = title.lower().rstrip(".").endswith("s") and (title.lower().startswith(("councillors", "cllrs")) or is_office_title(title))
        singular = re.sub(r"s(\.?)$", r"\1", title) if plural else title
        for i, item in enumerate(_items(m.group(2))):
            found = _form(item, i, singular, plural, lead=re.sub(r"\s+", " ", m.group(1)))
            if found:
                form, end = found[0], m.start(2) + item.end()
                if re.match(r"\s+of\s", text[end:]) and len(form.split()) > 3 and form.split()[-1].lower() in names.PLACE_WORDS:
                    last = form.split()[-1]  # "Professor Allan Brimicombe University of East London"
                    form, end = form[: -len(last)].rstrip(), len(text[: text.rindex(last, 0, end)].rstrip())
                out.append((form, found[1], m.start(2) + item.start(), end))
    return out


_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|[Aa]n?|[Tt]his|[Oo]ur|[Ii]ts)\s+$")
_SENTENCE_AFTER = re.compile(r"\s*(?:[,;]|\.(?!\d)|\s(?!(?:a|an|the)\b)[a-z][a-z'’]*\b)")


def in_sentence(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` (its form of address included) stands as a person
    in a running sentence: no article before its form of address ("the Clerk Key" names a thing),
    and the sentence runs on after it with punctuation or a lower-case word other than an article
    ("Trustee Elton and", "Liccar made a motion"; not "Select a new Chair", a heading run on into
    a table, "FGB 42/1920")."""
    title = re.search(rf"(?:{_TITLE}\s+)+$", text[:start])
    head = text[: title.start()] if title else text[:start]
    return not _ARTICLE_BEFORE.search(head) and bool(_SENTENCE_AFTER.match(text, end))


def is_office_title(title: Optional[str]) -> bool:
    """"Commissioner", "Board Members", "Mayor Pro Tem": an office used as a form of address."""
    return bool(title) and bool(_OFFICE_RE.fullmatch(re.sub(r"\s+", " ", title.strip())))


def _items(text: str) -> list[re.Match]:
    found, pos = [], 0
    while True:
        m = _ITEM_RE.match(text, pos)
        if not m:
            return found
        found.append(m)
        sep = _SEP_RE.match(text, m.end())
        if not sep:
            return found
        pos = sep.end()


def _form(item: re.Match, index: int, singular: str, plural: bool, lead: str = "") -> Optional[tuple[str, str]]:
    """The surface form of one listed name, or None when it is not a personal name. The first name
    after a singular form of address keeps the whole run printed before it ("Cllr Mrs Haysey")."""
    own = item.group("title").strip()
    name = re.sub(r"['’]s$", "", item.group("name").strip())  # "DAC Alan Gibson's office"
    words = name.split()
    while len(words) > 1 and words[-1].isupper() and words[-1].lower() in names.POSTNOMINALS:
        words.pop()  # "Mr Jim McMahon MP"
    while len(words) > 1 and words[-1].lower().strip(".,:;") in _TRAILING:
        words.pop()  # "Ms Wright" + a vote heading on the next line: "Ms Wright Abstain (4)"
    name = " ".join(words)
    if own:
        title_of, prefix = names.honorifics_of(own)[:1] or [None], own
        title_of = title_of[0]
    elif index == 0 or plural:
        title_of, prefix = singular, ("" if plural else lead or singular)
    else:
        return None
    parsed = names.parse(name, title=title_of)
    if not parsed or parsed.surname_key in _NOT_SURNAMES or any(w.lower() in names.ROLE_WORDS for w in words):
        return None
    if _LAST_TITLE.search(prefix or "") and _LAST_TITLE.search(prefix).group(1).rstrip(".") in _RANK_TITLES and not parsed.given:
        return None
    form = f"{prefix} {name}".strip()
    if office_bracket(item.group("bracket")) and parsed.level == 0 and not parsed.qualifier:
        form += item.group("bracket")
    if item.group("post"):
        form += item.group("post")
    return form, title_of


def office_bracket(bracket: Optional[str]) -> bool:
    """A bracket after a name that names an office or role ("(Chair)"), not a count ("(4)") nor
    another person ("(alternate - Mr. Messerlian)")."""
    if not bracket or not re.fullmatch(r"\s*\(\s*[A-Za-z][^\d]*\)", bracket) or _PERSON.search(bracket):
        return False
    return all(w[:1].isupper() or w.lower() in _BRACKET_JOINERS for w in re.findall(r"[^\W\d_][\w'’\-]*", bracket))


# Words that join the capitalised words of an office in brackets ("(Director of Finance)"); any
# other word in lower case makes the bracket a remark ("(pouvoir donné à Yves)")
_BRACKET_JOINERS = frozenset("of and for the to in on at de du des la le et vice co".split())


def role_references(text: str) -> list[str]:
    """Job-title phrases standing for a person: "the Director of C&YPS", "The interim Deputy
    Director (Children and Families)" with the article as printed, and after "report of" the title
    alone ("the report of the Director of Children's Services" -> "Director of Children's Services").
    Offices held in turn ("the Chair", "the Mayor") are not returned."""
    return [phrase for phrase, _, _ in role_spans(text)]


def role_spans(text: str) -> list[tuple[str, int, int]]:
    """``role_references`` with the character span of each phrase in ``text``."""
    found = []
    for m in _ROLE.finditer(text or ""):
        phrase = m.group(1).strip(" -–(")
        if phrase.count("(") != phrase.count(")"):
            phrase = phrase.split("(")[0].strip()
        phrase = re.sub(r"(?:\s+(?:and|&|of|for|the))+$", "", phrase)
        if is_office(phrase):
            continue
        found.append((phrase if _REPORT_OF.search(text[: m.start()]) else f"{m.group(0)[:3]} {phrase}", m.start(), m.end()))
    return found


def is_office(phrase: str) -> bool:
    """"the Chair", "Vice-Chair of the Panel", "Clerk": an office of the meeting or council held in
    turn, whose mention names the office rather than a person."""
    head = re.split(r"\s+(?:of|for|to)\s+|\s*\(", phrase.lower(), maxsplit=1)[0]
    head = re.sub(r"^(?:the|interim|acting)\s+", "", head).strip()
    local = re.match(r"(?:city|town|county|village|borough|parish|township)\s+(.+)$", head)
    return head in _OFFICES or bool(local and local.group(1) in _OFFICES | _LOCAL_POSTS)


_VERBS = (
    "said|says|thanked|introduced|presented|explained|added|stated|reported|noted|advised|confirmed|highlighted|asked"
    "|responded|replied|welcomed|outlined|updated|praised|mentioned|commented|informed|requested|answered|emphasised"
    "|emphasized|suggested|queried|acknowledged|expressed|shared|referred|spoke|summarised|summarized|clarified"
    "|congratulated|proposed|seconded|declared"
)
_BARE = re.compile(
    rf"(?<![\w'’\-])((?:{_UP}{_L}+)(?:\s{_UP}\.)?\s(?:Mc|Mac|O['’])?{_UP}{_L}+(?:-{_UP}{_L}+)?)"
    rf"(?=,\s+(?:a|an|the)\s|,\s+{_UP}[^,.;()]{{2,80}},|\s+(?:{_VERBS})\b)"
)
_BEFORE_BARE = re.compile(r"(?:^|[.;:,(\u00b6]|\b[a-z][\w'’-]*|\d+[.)]|\b[a-z][.)])\s*$")
_NOT_GIVEN = _NOT_SURNAMES | frozenset(
    "a an january february march april may june july august september october november december monday tuesday"
    " wednesday thursday friday saturday sunday mr mrs ms dr".split()
)


_PLACE_WORDS = frozenset(
    "room house drive road street lane avenue centre center chamber building square crescent terrace gardens"
    " office hotel library church college hospital station county city district park".split()
)


def _role_appositive(after: str) -> bool:
    """", Participation and Engagement Manager," - a comma-enclosed phrase with a job-title word."""
    m = re.match(r",\s+([^,.;()]{2,80}),", after)
    return bool(m) and any(w.lower() in names.ROLE_WORDS for w in re.findall(r"[A-Za-z][\w-]*", m.group(1)))


def bare_names(text: str) -> list[str]:
    """Full names printed without an honorific where running text marks them as people: followed by
    a verb of speech or action ("Leemya McKeown thanked"), or by an appositive role ("Jo Carpenter,
    Participation and Engagement Manager, introduced", "Nathan Moody, a care leaver")."""
    return [form for form, _, _ in bare_spans(text)]


def bare_spans(text: str) -> list[tuple[str, int, int]]:
    """``bare_names`` with the character span of each in ``text``."""
    out = []
    for m in _BARE.finditer(text or ""):
        before = text[max(0, m.start() - 30) : m.start()]
        if not _BEFORE_BARE.search(before) or names.honorifics_of((before.split() or [""])[-1]):
            continue
        if (before.split() or [""])[-1].lower() in DETERMINERS or _AFTER_INITIAL.search(before):
            continue  # "the Melrose Market, a ...": not a personal name; "S. Martin Newberry": the name runs on to the left
        words = m.group(1).split()
        if words[0].lower() in _NOT_GIVEN or words[-1].lower() in _PLACE_WORDS or any(w.lower() in names.ROLE_WORDS or w.lower() in names.LABEL_WORDS for w in words):
            continue
        after = text[m.end(1) : m.end(1) + 90]
        if after.startswith(",") and not re.match(r",\s+(?:a|an|the)\s", after) and not _role_appositive(after):
            continue
        parsed = names.parse(m.group(1))
        if parsed and parsed.given and not parsed.honorific:
            out.append((m.group(1), m.start(1), m.end(1)))
    return out


_AFTER_INITIAL = re.compile(r"(?<![\w.])[A-Z]\.\s*$")
_BRACKETED = re.compile(rf"\(({_WORD}\s{_WORD})\)")


def bracketed_names(text: str) -> list[str]:
    """Full names in brackets, as printed ("(Jane Elias)"): an action title naming its owner."""
    return [form for form, _, _ in bracketed_spans(text)]


def bracketed_spans(text: str) -> list[tuple[str, int, int]]:
    """``bracketed_names`` with the character span of each in ``text``."""
    return [(f"({m.group(1)})", m.start(), m.end()) for m in _BRACKETED.finditer(text or "") if (p := names.parse(m.group(1))) and p.given]


_GIVEN_SURNAME = re.compile(
    rf"(?<![\w'’\-.])(?P<given>{_UP}[a-zà-ÿ]+)\s(?:{_UP}\.?\s)?(?P<surname>(?:Mc|Mac|O['’])?{_UP}[a-zà-ÿ]+(?:[\-'’]{_UP}[a-zà-ÿ]+)?)(?![\w'’\-])"
)
STOP_WORDS = _NOT_GIVEN | names.ROLE_WORDS | names.LABEL_WORDS | names.PLACE_WORDS
DETERMINERS = frozenset("the a an this that these those our their its his her your my each every any no some all both".split())


def lexicon_spans(text: str, vocab) -> list[tuple[str, int, int]]:
    """Full names printed with no honorific and no cue, known by their given name: "work planned
    for Ken Adams". The run must stand alone: it opens a sentence or cell or follows a lower-case
    word that is not a determiner ("the Urban Environment") nor the "and" of a capitalised list,
    and no capitalised word or number follows it. Its surname must not be a word the pack also
    prints in lower case ("Young People") or a word of places and bodies ("Grace Road").
    ``vocab``: the pack's ``running.Vocabulary``."""
    out = []
    for m in _GIVEN_SURNAME.finditer(text or ""):
        given, surname = m.group("given"), m.group("surname")
        if given.lower() in STOP_WORDS or not vocab.given(given) or not vocab.surname(surname):
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        if names.honorifics_of((before.split() or [""])[-1]) or _AFTER_INITIAL.search(before):
            continue  # "Mr. Peter Casey" is read with its honorific, "S. Martin Newberry" with its initial
        if re.search(r"(?:^|[.:;!?\u00b6|]|\d[.)])\s*$", before):
            if given.lower() in vocab.lower:
                continue  # "Will Children's ...", "May Council ..." open sentences with a common word
        else:
            words = re.findall(r"[\w'’\-&]+", before)
            if not words or not words[-1][:1].islower() or words[-1] in DETERMINERS:
                continue
            if words[-1] in {"and", "or", "&"} and len(words) > 1 and words[-2][:1].isupper():
                continue  # "Children's Services and Urban Environment"
        after = text[m.end() : m.end() + 40]
        if re.match(rf"[ \t]*(?:{_UP}|\d)", after):
            continue  # runs on into a longer proper noun or a code: "Peter Lewis House", "Key Stage 1"
        out.append((m.group(0), m.start(), m.end()))
    return out


_NAMED_PLACE = re.compile(
    rf"(?<![\w'’\-.])(?P<name>(?P<first>{_UP}[a-zà-ÿ]+)\s(?P<second>{_UP}[a-zà-ÿ]+|{_UP}\.)\s(?P<surname>(?:Mc|Mac|O['’])?{_UP}[a-zà-ÿ]+(?:-{_UP}[a-zà-ÿ]+)?))"
    rf"\s(?P<place>{_UP}[a-z]+)\b"
)


_BUILDINGS = frozenset("center centre building hall library auditorium theatre theater stadium arena pavilion room school academy college museum gallery".split())


def named_place_spans(text: str, vocab) -> list[tuple[str, int, int]]:
    """People named through a place that bears their full name with a middle name or initial
    ("Jerry Sue Thornton Center", "John F. Kennedy Library"): two given names (or a given name and
    an initial) and a surname before the word of a building. ``vocab``: the pack's
    ``running.Vocabulary``."""
    out = []
    for m in _NAMED_PLACE.finditer(text or ""):
        if m.group("place").lower() not in _BUILDINGS or m.group("surname").lower() in STOP_WORDS:
            continue
        second = m.group("second")
        if not vocab.given(m.group("first")) or not (second.endswith(".") or vocab.given(second)) or not vocab.surname(m.group("surname")):
            continue
        parsed = names.parse(m.group("name"))
        if parsed and parsed.given and not parsed.honorific:
            out.append((m.group("name"), m.start("name"), m.end("name")))
    return out

