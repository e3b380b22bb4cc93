"""Small text helpers shared by every stage: normalisation, dates, times, quantities."""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
# French month names, for the communes' minutes ("21 janvier 2022").
FRENCH_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
_MONTH_RE = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
             r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|"
             r"septembre|octobre|novembre|d[ée]cembre)")
MONTH_WORDS = _MONTH_RE  # a month's name, English or French, full or short
# Ordinal suffixes as printed, and as OCR reads them ("18™", "20"").
_ORDINAL = r"(?:st|nd|rd|th|er|™|\")?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}){_ORDINAL}\s*(?:of\s+)?[\s\-/.]*{_MONTH_RE}\b[\s,\-/.]*(\d{{4}}|\d{{2}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH_RE}\.?\s+(\d{{1,2}}){_ORDINAL}\s*,?\s+(\d{{4}})\b", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH_RE}[\s\-/.,]*(\d{{4}}|\d{{2}})\b", re.I)
_TIME = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?|hrs|hours)?(?![a-z\d])", re.I)  # "p.m." ends in a dot, not a word boundary

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"', ord("\u00a0"): " "}


def clean(text: Optional[str]) -> Optional[str]:
    """Strip markup left by converters (``**bold**``, ``<p>``) and collapse white space."""
    if text is None:
        return None
    text = re.sub(r"</?p>|<br\s*/?>|\*\*", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def normalise(text: Optional[str]) -> str:
    """The comparison form used by eval: NFKC, case-folded, plain quotes and dashes, one space,
    no trailing punctuation."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_DASHES).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return text.rstrip(".,;:!? ")


def _year(y: str) -> int:
    n = int(y)
    return n + (2000 if n < 50 else 1900) if len(y) == 2 else n


def _month(name: str) -> Optional[int]:
    name = name.lower()
    if name in FRENCH_MONTHS:
        return FRENCH_MONTHS[name]
    return MONTHS.get(name[:4].rstrip("t") if name.startswith("sept") else name[:3])


def iso_date(y: int, mon: int, d: int) -> Optional[str]:
    """yyyy-mm-dd when the three make a real calendar date (no 30 February, no year 0), else None."""
    import datetime as _dt

    try:
        return _dt.date(y, mon, d).isoformat() if y >= 1000 else None
    except ValueError:
        return None


def parse_date(text: Optional[str], *, dayfirst: bool = True) -> Optional[str]:
    """First full date in ``text`` as ISO yyyy-mm-dd, or None. Dates are real calendar dates;
    ``dayfirst`` decides numeric dates such as 03/04/2020."""
    if not text:
        return None
    m = _ISO_DATE.search(text)
    if m and (found := iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
        return found
    for rx, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        m = rx.search(text)
        if m:
            if order == "dmy":
                d, mon, y = m.group(1), m.group(2), m.group(3)
            else:
                mon, d, y = m.group(1), m.group(2), m.group(3)
            month = _month(mon)
            if month and (found := iso_date(_year(y), month, int(d))):
                return found
    m = _NUMERIC_DATE.search(text)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        d, mon = (a, b) if dayfirst else (b, a)
        if 1 <= mon <= 12:
            return iso_date(y, mon, d)
    return None


def day_first(text: str) -> bool:
    """Whether a document writes numeric dates day first: a first part over 12 says so, a second
    part over 12 says month first; with neither, day first."""
    firsts = seconds = 0
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        firsts += a > 12 >= b
        seconds += b > 12 >= a
    return not seconds > firsts


def parse_month(text: Optional[str]) -> Optional[str]:
    """A month alone ('Nov-09', 'November 2009') as yyyy-mm, or None."""
    if not text:
        return None
    m = _MONTH_YEAR.search(text)
    if not m:
        return None
    month = MONTHS.get(m.group(1).lower()[:3])
    return f"{_year(m.group(2)):04d}-{month:02d}" if month else None


def parse_time(text: Optional[str]) -> Optional[str]:
    """A clock time as HH:MM 24-hour ('7.00 pm', '19:00 HRS', '10.00 am')."""
    if not text:
        return None
    for m in _TIME.finditer(text):
        hour, minute, suffix = int(m.group(1)), m.group(2), (m.group(3) or "").lower().replace(".", "")
        if minute is None and suffix not in ("am", "pm"):
            continue
        if suffix == "pm" and hour < 12:
            hour += 12
        if suffix == "am" and hour == 12:
            hour = 0
        if 0 <= hour <= 23 and 0 <= int(minute or 0) <= 59:
            return f"{hour:02d}:{int(minute or 0):02d}"
    return None


_QUANTITY = re.compile(r"^\s*([£$€]?)\s*(-?\d[\d,]*(?:\.\d+)?)\s*(%|[a-zA-Z]{1,6})?\s*$")


def parse_quantity(printed: Optional[str]) -> Optional[dict]:
    """'19.2%' -> {'value': 19.2, 'unit': '%', 'printed': '19.2%'}; None for empty text;
    value None when the text is not a number."""
    if printed is None or not str(printed).strip():
        return None
    printed = str(printed).strip()
    m = _QUANTITY.match(printed)
    if not m:
        return {"value": None, "unit": None, "printed": printed}
    currency, number, unit = m.groups()
    return {"value": float(number.replace(",", "")), "unit": currency or unit or None, "printed": printed}


# The nouns a body's name ends with ("Souldern Parish Council", "Corporate Parenting Panel",
# "Board of Trustees", "Conseil municipal"); a name is the run of capitalised words before one.
BODY_NOUN = (r"(?:council|committee|sub-committee|subcommittee|board(?:\s+of\s+(?:trustees|governors|directors|education))?|"
             r"panel|cabinet|commission|forum|assembly|trust|group|partnership|authority|executive|"
             r"governing\s+body|conseil\s+municipal|comit[ée]\s+(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|d['’])[\w\-]+|municipal\s+district(?:\s+of\s+[A-Z][\w'’\-]+)?)")


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman_value(text: str) -> Optional[int]:
    """The value of a Roman numeral written in the usual way (IV, not IIII), or None."""
    if not text or any(c not in _ROMAN_VALUES for c in text.lower()):
        return None
    values = [_ROMAN_VALUES[c] for c in text.lower()]
    total = sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    return total if total > 0 and to_roman(total) == text.lower() else None


def to_roman(n: int) -> str:
    out = ""
    for value, digits in ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


# A line that breaks off mid-phrase, its text carried on to the next: a connective or preposition, a
# possessive, a comma or a dash last ("... Advancing Higher Ed in", "... Director's", "Illinois Prisons-").
OPEN_END = re.compile(r"(?:[-–—,&/]|\b(?:and|or|of|the|for|to|in|on|at|with|by|from|a|an)|\w['’]s)$", re.I)
