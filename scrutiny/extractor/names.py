"""Personal names as printed in committee papers: parse them into parts and compare them.

Handles honorifics ("Councillor", "Cllr", "Mr", "Dr", police ranks ...), given names or initials
("R W"), surnames with particles ("van der Berg"), post-nominals ("OBE", "JP"), bracketed
qualifiers ("Collins (B)") and roles ("Bull (Chair)", "Mr R Gough, Leader of the Council"),
all-capitals forms ("COUNCILLOR GIDEON BULL") and "Surname, Given" forms.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from rapidfuzz import fuzz

from scrutiny.extractor.textutil import normalise

# Canonical honorific -> spellings (matched case-insensitively, without a trailing dot).
_JURISDICTIONS = ("city", "town", "township", "county", "village", "borough")
HONORIFICS: dict[str, tuple[str, ...]] = {
    "Councillor": ("councillor", "councillors", "cllr", "cllrs", "clr", "cr", "county councillor", "cmhlr", "comhairleoir"),
    "Mr": ("mr", "messrs"),
    "Mrs": ("mrs",),
    "Ms": ("ms",),
    "Miss": ("miss",),
    "Mx": ("mx",),
    "Dr": ("dr", "doctor"),
    "Prof": ("prof", "professor"),
    "Sir": ("sir",),
    "Dame": ("dame",),
    "Lord": ("lord",),
    "Lady": ("lady",),
    "Baroness": ("baroness",),
    "Rev": ("rev", "revd", "reverend", "the rev", "the reverend", "rt rev", "canon", "father"),
    "Alderman": ("alderman", "alderwoman"),
    "Hon": ("hon", "the hon", "rt hon", "the rt hon"),
    "Judge": ("judge",),
    "Deputy": ("deputy", "teachta"),  # Irish TDs are addressed as Deputy
    "Senator": ("senator",),
    # police and other ranks printed before a name
    "DAC": ("dac",), "AC": ("ac",), "DCS": ("dcs",), "DCI": ("dci",), "DI": ("di",), "DS": ("ds",),
    "DC": ("dc",), "PC": ("pc",), "PCSO": ("pcso",), "Supt": ("supt", "superintendent", "chief superintendent"),
    "Insp": ("insp", "inspector", "chief inspector"), "Sgt": ("sgt", "sergeant"), "Cmdr": ("cmdr", "commander"),
    # French and German forms of address
    "M": ("m", "monsieur", "mm"), "Mme": ("mme", "madame", "mmes"), "Mlle": ("mlle", "mademoiselle"),
    "Herr": ("herr",), "Frau": ("frau",),
    # offices used as a form of address before a name ("Commissioner Sherrard", "Board Member Battle")
    "Commissioner": ("commissioner", "commissioners", "commr", "highway commissioner", "road commissioner",
                     "county commissioner", "planning commissioner"),
    "Trustee": ("trustee", "trustees"),
    "Council Member": ("council member", "council members", "councilmember", "councilmembers", "councilman",
                       "councilwoman", "council person", "councilperson", "city council member", "city councilmember",
                       "city councilman", "city councilwoman"),
    "Board Member": ("board member", "board members", "boardmember", "member of the board"),
    "Mayor": ("mayor", "vice mayor", "deputy mayor", "mayor pro tem", "mayor pro tempore", "lord mayor", "maire", "adjoint au maire"),
    "President": ("president", "vice president", "vice-president"),
    "Chair": ("chair", "chairman", "chairwoman", "chairperson", "vice chair", "vice-chair", "vice chairman",
              "vice chairperson", "co-chair"),
    "Supervisor": ("supervisor", "supervisors"),
    "Selectman": ("selectman", "selectwoman", "select board member"),
    "Governor": ("governor", "governors"),
    "Director": ("director", "acting director", "interim director"),
    # posts of officers used the same way ("Clerk Buiter", "Staff Member Foster")
    "Clerk": ("clerk", "town clerk", "township clerk", "city clerk", "village clerk", "borough clerk"),
    "Treasurer": ("treasurer",),
    "Secretary": ("secretary",),
    "Staff Member": ("staff member", "staff members"),
    # posts named by their jurisdiction ("City Manager Kallman", "County Attorney Ruiz")
    "Manager": tuple(f"{p}{j} manager" for p in ("", "assistant ", "deputy ") for j in _JURISDICTIONS) + ("general manager",),
    "Attorney": tuple(f"{p}{j} attorney" for p in ("", "assistant ", "deputy ") for j in _JURISDICTIONS) + ("district attorney",),
    "Engineer": tuple(f"{j} engineer" for j in _JURISDICTIONS),
}
# Offices among the forms of address: they say what a person is, not their gender, and the same
# person may be printed with one or without it
OFFICES = frozenset({"Commissioner", "Trustee", "Council Member", "Board Member", "Mayor", "President", "Chair",
                     "Supervisor", "Selectman", "Governor", "Director"})
# Officers' posts used as forms of address the same way; they are not offices a member holds
POSTS = frozenset({"Clerk", "Treasurer", "Secretary", "Staff Member", "Manager", "Attorney", "Engineer"})
# Words of tenure printed before an office ("Outgoing City Council Member Siegel", "Former Mayor
# Dunn"): part of the form of address, not of the name.
_TENURE = frozenset({"outgoing", "incoming", "former", "retiring", "newly-elected"})
# Forms of address that are also initials ("M. Prest" is Melaina Prest): read as a form of address
# only first, with its dot, and before a full given name ("M. Gaëtan Gagné", not "M Kerford Byrne")
_INITIAL_LIKE = frozenset({"M"})
_HONORIFIC_OF = {v: k for k, vs in HONORIFICS.items() for v in vs}
_MAX_HONORIFIC_WORDS = max(len(v.split()) for v in _HONORIFIC_OF)


_INITIALS_AFTER_ADDRESS = re.compile(
    r"(?:^|\s)(?:" + "|".join(sorted((re.escape(v) for v in _HONORIFIC_OF if " " not in v), key=len, reverse=True))
    + r")\.?\s+(?:[A-Z]\.\s*)+$", re.I)


def ends_in_initials(text: str) -> bool:
    """The text ends in a form of address and initials ("... Councillor S.", "Mr J. R."): the name
    goes on after them, whatever the full stop looks like."""
    return bool(_INITIALS_AFTER_ADDRESS.search(text.rstrip()))


def office_of(text: str) -> Optional[str]:
    """The office a phrase names when the whole phrase is one ('Mayor Pro Tem' -> 'Mayor',
    'Council Member' -> 'Council Member'), else None."""
    canonical = _HONORIFIC_OF.get(re.sub(r"[\s-]+", " ", text.strip(" .")).lower())
    return canonical if canonical in OFFICES else None
MALE = frozenset({"Mr", "Sir", "Lord", "M", "Herr"})
FEMALE = frozenset({"Mrs", "Ms", "Miss", "Dame", "Lady", "Baroness", "Mme", "Mlle", "Frau"})

POSTNOMINALS = frozenset(
    """obe mbe cbe kbe dbe gbe cmg cvo lvo ko jp dl mp mep msp ms am mla qc kc frs fba freng phd dphil md
    ma ba bsc msc mba llb llm mphil beng meng frcp frcs frcgp fca acca cpfa fcca cipfa frics mrics mrtpi
    frtpi mcips ceng miet fcipd chrp esq td mla""".split()
)

# Words that make a string a job title or body rather than a personal name.
ROLE_WORDS = frozenset(
    """director directors manager managers head heads officer officers chief executive assistant deputy
    leader member members chair chairman chairwoman chairperson vice clerk secretary coordinator
    co-ordinator administrator adviser advisor advisers lead principal service services team
    department directorate council committee cabinet board panel group forum trust partnership
    governor governors representative representatives commissioner controller treasurer solicitor
    counsel monitoring corporate strategic interim acting senior programme project portfolio
    inspector unit all tbc tbd various others staff colleagues cyps authority county borough city observer observers
    district school schools police nhs pct mayor headteacher co-opted co-optee parent ex-officio príomh chomhairleoir""".split()
)

PARTICLES = frozenset({"van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le", "st", "ter", "ten", "bin", "al", "el", "ó", "ní", "nic", "mac", "ua", "uí"})

# Words of form labels and headings that converters leave where a name should be.
LABEL_WORDS = frozenset(
    """report author contact name tel telephone email e-mail phone fax subject from to date decision
    classification ward wards division item agenda appendix annex summary roadmap page minutes apologies
    present attendance absent against abstain abstained abstention abstentions motion amendment act
    budget plan policy strategy indicator indicators performance request requests update updates scheme
    fund review meeting record records total votes vote carried lost resolved noted substantive original
    amended ref comments""".split()
)

# Common short forms of given names: a short form matches its long form.
DIMINUTIVES = {
    "dave": "david", "dan": "daniel", "danny": "daniel", "mike": "michael", "mick": "michael", "bob": "robert",
    "rob": "robert", "bill": "william", "will": "william", "liz": "elizabeth", "beth": "elizabeth",
    "jim": "james", "jimmy": "james", "tony": "anthony", "tom": "thomas", "steve": "stephen",
    "sue": "susan", "kate": "katherine", "katy": "katherine", "katie": "katherine", "cathy": "catherine", "pete": "peter", "andy": "andrew",
    "rich": "richard", "dick": "richard", "ted": "edward", "ed": "edward", "ben": "benjamin",
    "nick": "nicholas", "chris": "christopher", "jo": "joanne", "jon": "jonathan", "alex": "alexander",
    "sam": "samuel", "matt": "matthew", "pat": "patricia", "jenny": "jennifer", "jen": "jennifer",
    "maggie": "margaret", "meg": "margaret", "peggy": "margaret", "di": "diana", "val": "valerie",
    "gill": "gillian", "jill": "gillian", "tim": "timothy", "phil": "philip", "geoff": "geoffrey",
    "ken": "kenneth", "ray": "raymond", "ron": "ronald", "don": "donald", "greg": "gregory",
}
# Words of bodies, places and buildings that end a capitalised run which is not a personal name
# ("Grace Road", "Jordan Valley Trust", "Victoria Park").
PLACE_WORDS = frozenset(
    """room house drive road street lane avenue centre center chamber building square crescent terrace
    gardens garden office hotel library church chapel college hospital station county city district park
    grove hill way close court row place mews walk vale rise parade estate ward wards hall
    common farm manor villa tower towers quay wharf port airport
    primary secondary academy nursery university surgery clinic practice trust fund limited valley
    airport ave heritage studios area areas
    ltd plc llp association society club foundation network project programme partnership alliance
    group forum federation institute commission agency company consortium line""".split()
)


GIVEN_NAME_POPULARITY = 4  # "Ken", "Sian", "Priya" pass; "Core", "Summer", "Key" do not


@functools.lru_cache(maxsize=1)
def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """The given names (lower case) in common use anywhere, and those in common use in Britain,
    Ireland or the USA: popularity at least GIVEN_NAME_POPULARITY in the name list of
    gender-guesser (some 40,000 names from 54 countries). Reading that list takes a third of a
    second, so the two sets are kept in the user's cache directory, keyed by the list's size and
    time, and read back from there in a few milliseconds."""
    import gender_guesser

    source = Path(gender_guesser.__file__).with_name("data") / "nam_dict.txt"
    stat = source.stat()
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "scrutiny"
    cached = root / f"given-names-{GIVEN_NAME_POPULARITY}-{stat.st_size}-{stat.st_mtime_ns}.txt"
    try:
        common, english = cached.read_text(encoding="utf-8").split("\n\n")
        return frozenset(common.split()), frozenset(english.split())
    except (OSError, ValueError):
        pass
    common_set, english_set = _read_given_names(source)
    try:
        root.mkdir(parents=True, exist_ok=True)
        part = cached.with_suffix(f".{os.getpid()}.part")
        part.write_text(" ".join(sorted(common_set)) + "\n\n" + " ".join(sorted(english_set)), encoding="utf-8")
        os.replace(part, cached)
    except OSError:
        pass  # a read-only home: read the list each time
    return common_set, english_set


def _read_given_names(source: Path) -> tuple[frozenset[str], frozenset[str]]:
    """One pass over gender-guesser's list. Each line holds a gender code, the name ("+" joins the
    parts of a compound name, written with nothing, a space or a hyphen), and from column 30 one
    hex digit of popularity per country (great_britain, ireland, usa first); a later line for the
    same name and gender replaces an earlier one."""
    by_gender: dict[str, dict[str, str]] = {}
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line[0] in "#=":
                continue
            gender, name = line.split(None, 2)[:2]
            name = name.lower()
            for form in ((name.replace("+", ""), name.replace("+", " "), name.replace("+", "-")) if "+" in name else (name,)):
                by_gender.setdefault(form, {})[_GENDERS.get(gender, gender)] = line[30:-1]
    common, english = set(), set()
    for name, rows in by_gender.items():
        if " " in name:
            continue  # looked up one word at a time
        if max(_hex(max(v, default=" ")) for v in rows.values()) >= GIVEN_NAME_POPULARITY:
            common.add(name)
        if max(_hex(max(v[:3], default=" ")) for v in rows.values()) >= GIVEN_NAME_POPULARITY:
            english.add(name)
    return frozenset(common), frozenset(english)


_GENDERS = {"1M": "?M", "1F": "?F"}  # "1M" and "?M" are one class (mostly male), as are "1F" and "?F"


def _hex(char: str) -> int:
    return int(char, 16) if char.strip() else 0


@functools.lru_cache(maxsize=1 << 14)
def is_given_name(word: str, *, common_word: bool = False) -> bool:
    """``word`` is a given name in common use ("Ken", "Niamh", "Priya"); short forms count. A word
    that is also a common word of the text (``common_word``: "young", "long", "per") must be a
    given name in common use in Britain, Ireland or the USA ("Mark", "Grace")."""
    w = word.strip(".,;:").lower()
    if len(w) < 2 or not w.isalpha():
        return False
    if w in DIMINUTIVES:
        return True
    common, english = _given_names()
    return w in (english if common_word else common)


_CONNECTORS = re.compile(r"\s*(?:;|/|\n|\band\b|\s&\s)\s*", re.I)


@dataclass(frozen=True)
class ParsedName:
    """One personal name split into its parts. Keys (``*_key``) are case-folded comparison forms."""

    text: str
    surname: str
    given: tuple[str, ...] = ()  # full given names, display case
    initials: tuple[str, ...] = ()  # one upper-case letter per given name or printed initial
    honorific: Optional[str] = None
    honorifics: tuple[str, ...] = ()
    postnominals: tuple[str, ...] = ()
    qualifier: Optional[str] = None  # a bracketed letter or short code: "Collins (B)"
    role: Optional[str] = None  # "Bull (Chair)", "Mr R Gough, Leader of the Council"

    @property
    def surname_key(self) -> str:
        return key(self.surname)

    @property
    def given_keys(self) -> tuple[str, ...]:
        return tuple(key(g) for g in self.given)

    @property
    def level(self) -> int:
        """How specific the name is: 2 full given name, 1 initials only, 0 surname only."""
        return 2 if self.given else 1 if self.initials else 0

    @property
    def display(self) -> str:
        """Name without honorific or post-nominals: "Gideon Bull", "R W Gough", "Adamou"."""
        first = " ".join(self.given) if self.given else " ".join(self.initials)
        return f"{first} {self.surname}".strip()


@functools.lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """Comparison form of a name part: no accents, case-folded, letters and hyphens only."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z\-]", "", text.casefold())


def slug(text: str) -> str:
    """Lower-case id fragment: "Gideon Bull" -> "gideon-bull"."""
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", key_words(text))).strip("-")


def key_words(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("'", "")


def smart_title(word: str) -> str:
    """Title-case one all-capitals word: "MCHUGH" -> "McHugh", "O'BRIEN" -> "O'Brien"."""
    parts = re.split(r"([\-'])", word.lower())
    out = "".join(p[:1].upper() + p[1:] for p in parts)
    if re.match(r"Mc[a-z]", out):
        out = "Mc" + out[2:].capitalize()
    return out


def clean_text(text: str) -> str:
    """A printed name with converter artefacts repaired: a line-break hyphen control character
    ("Crow\x02 Brown" -> "Crow-Brown"), other control characters, runs of white space."""
    text = re.sub(r"[\x02\xad]\s*", "-", text)
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _tidy(text: str) -> str:
    text = unicodedata.normalize("NFKC", clean_text(text))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"\s+", " ", text).strip().strip(",;:")
    while len(text) > 2 and text[0] == "(" and text[-1] == ")" and text.count("(") == 1:
        text = text[1:-1].strip()
    text = re.sub(r"(?:'s|')$", "", text).strip()  # possessive: "Councillor Jones'"
    return text


def _brackets(text: str) -> tuple[str, list[str]]:
    """Remove bracketed parts; return the rest and the bracket contents."""
    found = [m.strip() for m in re.findall(r"\(([^()]*)\)", text)]
    rest = re.sub(r"\([^()]*\)", " ", text)
    return re.sub(r"\s+", " ", rest).strip(), [f for f in found if f]


def is_role_text(text: str) -> bool:
    """True when the words look like a job title or body ("Director of C&YPS", "DD C&F")."""
    words = re.findall(r"[A-Za-z][A-Za-z&\-']*", text)
    if any(w.lower().strip("'") in ROLE_WORDS for w in words):
        return True
    return bool(re.search(r"[A-Za-z]&[A-Za-z]", text)) or any(w.lower() in {"of", "for", "the"} for w in words)


WEAK_ROLE_WORDS = frozenset({"head", "lead", "clerk", "chair", "leader", "member", "governor", "mayor"})


def _is_role_words(words: list[str], has_honorific: bool) -> bool:
    """Whether the name words (honorifics removed) read as a job title rather than a name."""
    text = " ".join(words)
    if re.search(r"&|\b(?:of|for|the|and|to|in)\b", text, re.I):
        return True
    if any(w.lower().strip(".':") in LABEL_WORDS for w in words):
        return True
    lowered = [w.lower().strip(".'") for w in words]
    if has_honorific:
        return any(w in ROLE_WORDS and w not in WEAK_ROLE_WORDS for w in lowered)
    if lowered[-1] in WEAK_ROLE_WORDS and len(lowered) > 1 and not any(w in ROLE_WORDS for w in lowered[:-1]):
        return False  # "Mark Head", "C Head"
    return any(w in ROLE_WORDS for w in lowered)


def _split_comma(text: str) -> tuple[str, Optional[str], bool]:
    """Split "Name, Role" / "Name, OBE"; detect "Surname, Given". Returns (name, role, surname_first)."""
    if "," not in text:
        return text, None, False
    head, tail = text.split(",", 1)
    tail = tail.strip()
    if all(t.strip(".").lower() in POSTNOMINALS for t in re.split(r"[\s,]+", tail) if t):
        return f"{head} {tail.replace(',', ' ')}", None, False
    if is_role_text(tail) or not tail:
        return head.strip(), tail or None, False
    head_words = head.split()
    tail_words = tail.split()
    if 1 <= len(head_words) <= 2 and not _honorific_prefix(head_words)[0] and len(tail_words) <= 4:
        return f"{tail} {head}", None, True
    return head.strip(), tail, False


def _honorific_prefix(words: list[str]) -> tuple[list[str], int]:
    """Honorifics at the start of ``words``: (canonical list, number of words used)."""
    found: list[str] = []
    i = 0
    while i < len(words):
        if words[i].lower() in _TENURE and i + 1 < len(words) and _honorific_prefix(words[i + 1:])[0]:
            i += 1  # "Outgoing" before "City Council Member"
            continue
        for n in range(min(_MAX_HONORIFIC_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(w.rstrip(".").lower() for w in words[i : i + n])
            if phrase in _HONORIFIC_OF and _honorific_here(_HONORIFIC_OF[phrase], words, i, n):
                found.append(_HONORIFIC_OF[phrase])
                i += n
                break
        else:
            break
    return found, i


RANKS = frozenset({"DAC", "AC", "DCS", "DCI", "DI", "DS", "DC", "PC", "PCSO"})


def _honorific_here(canonical: str, words: list[str], i: int, n: int) -> bool:
    """A rank code ("DI", "PC") counts as an honorific only first and before a full given name,
    so "Mr AC Smith" keeps its initials."""
    nxt = words[i + n] if i + n < len(words) else ""
    if canonical in _INITIAL_LIKE and n == 1 and len(words[i].rstrip(".")) <= 2:
        return i == 0 and words[i].endswith(".") and len(nxt) > 2 and nxt[:1].isupper() and not nxt.isupper() and "." not in nxt and i + n + 1 < len(words)
    if canonical not in RANKS:
        return n > 1 or words[i].rstrip(".").isalpha()
    return i == 0 and len(nxt) > 1 and not nxt.isupper() and "." not in nxt


def honorifics_of(text: Optional[str]) -> list[str]:
    """Canonical honorifics at the start of ``text``: "Cllr Mrs" -> ["Councillor", "Mrs"]."""
    return _honorific_prefix(text.split())[0] if text else []


def title_honorifics(title: Optional[str]) -> list[str]:
    """Canonical honorifics of a title printed in a field of its own (a list's "M." or "Mme"
    column): as ``honorifics_of``, and a lone form of address that is also an initial ("M.") is one
    here, as no name follows it."""
    found = honorifics_of(title)
    if found or not title:
        return found
    canonical = _HONORIFIC_OF.get(title.strip().rstrip(".").lower())
    return [canonical] if canonical in _INITIAL_LIKE else []


def _split_initials(word: str, all_caps: bool) -> Optional[list[str]]:
    """Initials printed as "R.", "R.W.", "RW" (the last only in mixed-case text)."""
    bare = word.replace(".", "")
    if len(bare) == 1 and bare.isalpha():
        return [bare.upper()]
    if "." in word and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", word):
        return [c.upper() for c in bare]
    if not all_caps and 2 <= len(bare) <= 3 and bare.isupper() and bare.isalpha():
        return list(bare)
    return None


@functools.lru_cache(maxsize=1 << 16)
def parse(text: Optional[str], *, title: Optional[str] = None) -> Optional[ParsedName]:
    """Parse one printed name; None when the text is not a personal name (a role, a list, a body).

    ``title`` is an honorific printed in a separate column (a member list's "Councillor").
    """
    if not text:
        return None
    raw = _tidy(text)
    if not raw or re.search(r"\d|@", raw):
        return None
    body, brackets = _brackets(raw)
    body, role, _ = _split_comma(body)
    qualifier = None
    for b in brackets:
        if re.fullmatch(r"[A-Z]{1,3}\.?", b) and b.rstrip(".").lower() not in POSTNOMINALS:
            qualifier = b.rstrip(".")
        elif b.lower().rstrip(".") not in POSTNOMINALS:
            role = role or b
    words = body.replace(".", ". ").split()
    words = [w for w in (w.strip() for w in words) if w and w != "."]
    while words and words[0][:1].islower() and _honorific_prefix(words)[1] == 0:
        words = words[1:]  # "independent Ken Adams", "the Councillor ..."
    honorifics, used = _honorific_prefix(words)
    words = words[used:]
    if not honorifics and not role and (k := _office_before_name(words)):
        role, words = " ".join(words[:k]), words[k:]  # "Finance Director Viki Copeland"
    post: list[str] = []
    while words and words[-1].strip(".,").lower() in POSTNOMINALS and len(words) > 1:
        post.insert(0, words.pop().strip(".,").upper())
    words = [w.strip(",") for w in words if w.strip(",")]
    if not words or len(words) > 6 or _is_role_words(words, bool(honorifics or title)):
        return None
    if title:
        honorifics = title_honorifics(title) + honorifics
    # "Sean O Ceallaigh": an O without a dot before the surname is the Irish particle Ó, not an initial
    irish_o = bool(re.search(r"(?<![\w.])O\s+[A-Z][a-z]+\W*$", body))
    return _assemble(text, words, honorifics, post, qualifier, role, irish_o=irish_o)


# Head words of an officer's post printed before a full name ("Public Works Director Joe
# SanClemente", "Human Resources Manager Vanessa Godinez").
_POST_HEADS = frozenset({"director", "manager", "treasurer", "officer", "administrator", "clerk", "secretary", "solicitor",
                         "counsel", "controller", "coordinator", "co-ordinator", "engineer", "attorney", "planner",
                         "superintendent", "executive"})


def _office_before_name(words: list[str]) -> int:
    """The number of leading words that are an office in title case ending in a post's head word,
    when a full name of two or three words follows it; else 0."""
    for k in range(1, min(len(words) - 1, 5)):
        if words[k - 1].lower() not in _POST_HEADS:
            continue
        rest = words[k:]
        if (2 <= len(rest) <= 3 and all(w[:1].isupper() for w in words)
                and not any(w.lower().strip(".") in ROLE_WORDS or w.lower().strip(".") in _POST_HEADS for w in rest)):
            return k
    return 0


def _assemble(text, words, honorifics, post, qualifier, role, *, irish_o: bool = False) -> Optional[ParsedName]:
    letters = "".join(c for w in words for c in w if c.isalpha())
    all_caps = letters.isupper() and len(letters) > 1
    if all_caps and not honorifics and len(words) == 1:
        return None  # a lone capitalised token is an acronym more often than a name
    if not honorifics and len(words) == 1 and re.fullmatch(r"[A-Z]{2,3}[a-z]{1,2}", words[0]):
        return None  # initials with the surname's next letters ("JTe"), not a surname
    if any(not re.fullmatch(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\-\.]*", w) for w in words):
        return None
    surname_words = [words.pop()]
    while words and words[-1].lower() in PARTICLES:
        surname_words.insert(0, words.pop())
    if irish_o and words and words[-1] == "O" and len(surname_words) == 1:
        surname_words.insert(0, words.pop())  # kept as printed; its key is Ó's
    given: list[str] = []
    initials: list[str] = []
    for w in words:
        split = _split_initials(w, all_caps)
        if split:
            if given:
                continue  # a middle initial after a full given name: keep the given name
            initials.extend(split)
        elif w[:1].islower() or (not all_caps and len(w) > 3 and w.isupper()):
            return None
        else:
            given.append(smart_title(w) if all_caps else w)
            initials.append(w[0].upper())
    surname = " ".join(smart_title(w) if all_caps or (w.isupper() and len(w) > 2) else w for w in surname_words)
    if surname[:1].islower() and surname.split()[0].lower() not in PARTICLES:
        return None
    if len(key(surname)) < 2:
        return None
    return ParsedName(
        text=text,
        surname=surname,
        given=tuple(given),
        initials=tuple(initials),
        honorific=honorifics[0] if honorifics else None,
        honorifics=tuple(dict.fromkeys(honorifics)),
        postnominals=tuple(post),
        qualifier=qualifier,
        role=role,
    )


def split_names(text: Optional[str]) -> list[str]:
    """Split a cell naming several people ("Rachel Oakley / Julie Quinn", "A and B") into parts.

    Commas split only when every part parses as a name with a given name or honorific.
    """
    if not text:
        return []
    parts = [p for p in _CONNECTORS.split(text) if p and p.strip()]
    parsed_parts = [parse(p) for p in parts]
    named = any(x and (x.level or x.honorific) for x in parsed_parts)
    if len(parts) > 1 and not (named and all(x or is_role_text(p) for x, p in zip(parsed_parts, parts))):
        parts = [text]
    out: list[str] = []
    for p in parts:
        pieces = [q.strip() for q in p.split(",") if q.strip()]
        parsed = [parse(q) for q in pieces]
        if len(pieces) > 1 and all(x and (x.level or x.honorific) for x in parsed):
            out.extend(pieces)
        else:
            out.append(p.strip())
    return out


def initials_forms(p: ParsedName) -> set[str]:
    """The initials a name may be referred to by: given names' (or printed) initials and the
    surname's, with each part of a double surname ("Simone Martin-Newberry": SMN and SM), and the
    initials followed by the surname's next letters ("Jeni Tennison": JTe, JTen)."""
    given = "".join(p.initials)
    parts = [w for w in p.surname.replace("-", " ").split() if w[:1].isupper()]
    if not given or not parts:
        return set()
    forms = {given + "".join(w[0] for w in parts), given + parts[0][0], given[0] + "".join(w[0] for w in parts)}
    forms = {f.upper() for f in forms}
    return forms | {given.upper() + parts[0][:n] for n in (2, 3) if len(parts[0]) > n}


def gender(p: ParsedName) -> Optional[str]:
    hs = set(p.honorifics)
    if hs & MALE:
        return "m"
    if hs & FEMALE:
        return "f"
    return None


def given_compatible(a: ParsedName, b: ParsedName) -> tuple[bool, str]:
    """Given names and initials agree: full names equal (or a near-typo), initials a prefix."""
    short_form = ""
    for ga, gb in zip(a.given_keys, b.given_keys):
        if ga == gb:
            continue
        if _short_form(ga, gb):
            short_form = f"given name {ga} / {gb} read as a short form"
            continue
        if min(len(ga), len(gb)) < 5 or fuzz.ratio(ga, gb) < 90:
            return False, f"given names differ ({ga} / {gb})"
    for ia, ib in zip(a.initials, b.initials):
        if ia != ib:
            return False, f"initials differ ({''.join(a.initials)} / {''.join(b.initials)})"
    if short_form:
        return True, short_form
    if a.given and b.given:
        return True, f"given name {a.given_keys[0]}"
    if a.initials and b.initials:
        return True, f"initials {''.join(a.initials)} ~ {''.join(b.initials)}"
    return True, "no given name on one side"


def _short_form(x: str, y: str) -> bool:
    """"Jo" / "Joanne", "Dave" / "David": a listed short form, or a prefix of at least 3 letters."""
    short, long_ = sorted((x, y), key=len)
    if DIMINUTIVES.get(short) == long_:
        return True
    return len(short) >= 3 and long_.startswith(short)


def _qualifier_conflict(a: ParsedName, b: ParsedName) -> bool:
    """A bracketed letter names an initial: "Collins (M)" is not "J. Collins"."""
    if a.qualifier and b.qualifier:
        return a.qualifier != b.qualifier
    q, other = (a, b) if a.qualifier else (b, a)
    return bool(q.qualifier and len(q.qualifier) == 1 and other.initials and other.initials[0] != q.qualifier)


def compatible(a: ParsedName, b: ParsedName, *, surname_typo: bool = False) -> tuple[bool, str]:
    """Whether two names can denote one person, with the reason. Surnames must be equal (or, with
    ``surname_typo``, one edit apart when both carry the same full given name)."""
    if a.surname_key != b.surname_key:
        if not (surname_typo and a.given and b.given and _one_edit(a.surname_key, b.surname_key)):
            return False, "surnames differ"
    if _qualifier_conflict(a, b):
        return False, f"bracketed letters or initials differ ({a.qualifier or ''.join(a.initials)} / {b.qualifier or ''.join(b.initials)})"
    ga, gb = gender(a), gender(b)
    if ga and gb and ga != gb:
        return False, "honorifics conflict"
    return given_compatible(a, b)


def _one_edit(x: str, y: str) -> bool:
    if min(len(x), len(y)) < 6 or abs(len(x) - len(y)) > 1 or x[0] != y[0]:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(x, y) <= 1


def name_similarity(a: ParsedName, b: ParsedName) -> float:
    """RapidFuzz similarity (0-100) of the two names without honorifics."""
    return fuzz.token_sort_ratio(normalise(a.display), normalise(b.display))
