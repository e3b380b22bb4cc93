"""Performance indicators written as sentences, not tables.

A performance report in slides or narrative gives its measures in prose: "There has been an
increase in unemployment from 4.6% in 2019 to 5.9% in 2020", "Our GDP per head figure in 2019 was
£29,600 per head – a small decrease from 2018", "Staff sickness absence decreased from 12.71 to
10.47 days". A clause is read as an indicator when it names a measure (a noun phrase in one of a
few sentence shapes), carries a figure (a level or a change) and a direction word (increase,
decrease, up, down, fewer, more, improved). "from A ... to B" gives the previous and the latest
value; a figure after "by", "up" or "down", or before "increase" or "more", is a change, not a level.

Only pages that read as a performance report are read this way (under a title, the page's or its
document's, naming performance or indicators), never minutes or agendas, and never a page of a
document whose indicators a table already gave (its sentences are the commentary on them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from scrutiny.extractor.context import provenance
from scrutiny.extractor.pages import Line, Page, Segment
from scrutiny.extractor.tables.indicators import normalise_period
from scrutiny.extractor.textutil import parse_quantity
from scrutiny.models.records import Extraction, Indicator, PeriodValue

EXTRACTOR = "tables.prose"

# A figure: currency, digits with thousands separators or a decimal part, an optional '+', and a
# percentage or points unit. A number inside a word ("Covid-19", "NVQ4") is no figure.
FIGURE = re.compile(
    r"(?<![\w.\-/])[£$€]?\d+(?:,\d{3})*(?:\.\d+)?\+?(?:\s?%\s?pts?\b|\s?%|\s?(?:per\s?cent|percentage\s+points?|pts?)\b)?(?![\w/])(?!\.\d)",
    re.I,
)
YEAR = re.compile(r"(?:19|20)\d\d")
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"

UP = r"increas\w*|ris(?:e|es|en|ing)|rose|gr[eo]w(?:n|s|th)?|up|more|higher|gain(?:ed|s)?"
DOWN = r"decreas\w*|fall(?:s|en|ing)?|fell|drop(?:s|ped)?|down|fewer|less|lower|reduc\w*|declin\w*"
GOOD = r"improv\w*|better"
BAD = r"wors\w*|deteriorat\w*"
DIRECTION = re.compile(rf"\b(?:(?P<good>{GOOD})|(?P<bad>{BAD})|(?P<up>{UP})|(?P<down>{DOWN}))\b(?!\s+than\b)", re.I)

# Measures whose fall is the good news (a rise in the rest is, where the measure says so).
LOWER_BETTER = re.compile(
    r"unemploy|crime|offen[cs]|assault|harass|abuse|burglar|theft|violen|anti-?social|fly-?tip|litter|"
    r"absence|sickness|emission|carbon|pollut|neets?\b|death|mortal|obes|poverty|homeless|waiting|delay|"
    r"complain|arrears|debt|accident|casualt|injur|exclusion|re-?offend|backlog|overdue|missed|deprivat",
    re.I,
)
HIGHER_BETTER = re.compile(
    r"\bgdp\b|\bgva\b|\bpay\b|earning|income|wage|\bemployment|enterprise|business|qualification|attainment|"
    r"collection|satisf|self-service|online|recycl|life expectancy|apprentice|\bjobs?\b|investment|attendance|skills",
    re.I,
)

# Words before a figure that make it a change, a comparison or a denominator, not the measure's level.
CHANGE_BEFORE = re.compile(r"\b(?:by|up|down|(?:increase|decrease|rise|fall|drop|reduction|change)\s+of)\s+(?:only\s+|just\s+|about\s+|around\s+)?$", re.I)
CHANGE_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:more|fewer|less|increase|decrease|rise|fall|drop|reduction|higher|lower)\b(?!\s+than)", re.I)
REFERENCE_BEFORE = re.compile(r"\b(?:chart|figure|fig\.|table|graph|page|paragraph|para|item|section|appendix|annex|no\.?)\s+$", re.I)
COMPARISON_BEFORE = re.compile(r"\b(?:average\s+of|than|compar\w*\s+(?:to|with)|against|target\s+of|per)\s+$", re.I)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
TO_BETWEEN = re.compile(r"\b(?:to|at|reaching)\s+$", re.I)

NOUN_CHANGE = r"(?:increase|rise|decrease|fall|drop|reduction|improvement|decline|growth)s?"
PHRASE_END = (r"(?=\s+(?:from|to|by|after\s+(?:the|a|an|its|their)|since|over|between|during|for|with|in\s+(?:19|20)\d\d)\b"
              r"|\s+[–—-]\s|\s*[(,;:.]|(?<!per)\s+[£$€]?\d|$)")
VERB_DIRECTION = (r"(?:has\s+|have\s+|had\s+)?(?:been\s+)?(?:increased|decreased|risen|rose|fallen|fell|grown|grew|dropped|"
                  r"reduced|declined|improved|worsened|deteriorated|increases|decreases|rises|falls)\b")
FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can)\b", re.I)
LEAD = re.compile(r"^(?:and|but|while|whilst|with|or|also|plus)\s+", re.I)
# Words that make a phrase a clause or an aside, not the name of a measure; a month alone is a date.
NOT_A_NAME = re.compile(rf"\b(?:that|which|who|whose|by|as|if|when|where|because|although|whether)\b|,\s|^(?:{MONTH})$", re.I)
DETERMINER = re.compile(r"^(?:the|our|its|their|this|these|a|an|total|overall)\s+", re.I)

# Phrase shapes naming the measure of a clause, tried in order.
SHAPES = [
    # "an increase in unemployment from ...", "improvements in qualification levels (38% NVQ4+)"
    re.compile(rf"\b{NOUN_CHANGE}\s+in\s+(?P<m>(?![£$€]?\d).+?){PHRASE_END}", re.I),
    # "Fly-tipping has increased by 62%", "Staff sickness absence decreased from 12.71 to 10.47"
    re.compile(rf"^(?P<m>[^()]+?)\s+{VERB_DIRECTION}", re.I),
    # "Male unemployment up 2.1%pts", "Council tax collection rates down only 1.1%pts"
    re.compile(r"^(?P<m>[^()]+?)\s+(?:up|down)\s+(?:only\s+|just\s+|by\s+)?[£$€]?\d", re.I),
    # "fewer active enterprises per 10,000 residents (338 ...)", "fewer NEETs (5%, down 0.4%)": a level in
    # brackets, not a change ("(1,505 more)"); "2,500 more people" is a change of the measure before
    re.compile(r"(?<![\d%+]\s)(?<![\d%+])\b(?:fewer|more|less)\s+(?!than\b)(?P<m>[A-Za-z][\w'’-]*(?:\s+[\w,'’-]+)*?)(?=\s*\(\s*[£$€]?\d(?![\d,.%+]*\s*(?:more|fewer|less)\b))", re.I),
    # "Our GDP per head figure in 2019 was £29,600"
    re.compile(r"^(?P<m>[^()]+?)\s+(?:was|is|were|are|stood\s+at|reached)\s+[£$€]?\d", re.I),
    # "there were 4,076 full-time equivalent staff in the city"
    re.compile(rf"\bthere\s+(?:were|was|are|is)\s+[£$€]?\d[\d,.]*\s+(?P<m>[A-Za-z].+?)(?=\s+(?:in|at|on|across|within|employed|working)\b|\s+[–—-]\s|[,;.(]|$)", re.I),
    # a verbless clause "domestic abuse (10,203 reports, up 37%)"
    re.compile(r"^(?P<m>[A-Za-z][\w'’ -]+?)\s*\(\s*[£$€]?\d", re.I),
]
# Level statements that carry no direction word: "A total of 304 new looked after children started",
# "75% of residents spent time on active recreation" (the share's population and what it did),
# "Covid-19 killed 605 people" (deaths from a cause).
LEVEL_END = r"(?=\s+(?:started|were|was|are|is|have|has|had|in|at|on|during|across|since|over)\b|\s+[–—-]\s|[,;.(]|$)"
TOTAL = re.compile(rf"\b(?:a|the)\s+total\s+of\s+(?P<v>[£$€]?\d[\d,.]*)\s+(?P<m>[A-Za-z][\w'’ -]+?){LEVEL_END}", re.I)
SHARE = re.compile(
    r"(?<![\w.])(?P<v>\d+(?:\.\d+)?\s?%)\s+of\s+(?:the\s+|all\s+)?(?P<pop>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)\s+"
    r"(?P<verb>(?!(?:in|at|on|for|and|or|with)\b)[a-z]+ed|spent|said|felt|thought|took|made|went|were|are|had|have)\s+"
    rf"(?P<rest>[^;,.()–—]+?){PHRASE_END}")
DEATHS = re.compile(
    r"^(?P<m>[A-Z][\w-]*(?:\s+[\w-]+){0,3}?)\s+(?:has\s+|have\s+)?killed\s+(?P<v>\d[\d,]*)\s+(?:people|residents|persons)\b"
    r"|\b(?P<v2>\d[\d,]*)\s+(?:people|residents|persons)\s+(?:have\s+|had\s+)?died\s+(?:of|from)\s+(?P<m2>[\w-]+(?:\s+[\w-]+){0,3}?)" + PHRASE_END)
# A cause written out in a measure's name is its source: "emissions as a result of operations".
CAUSE = re.compile(r"\s+(?:as\s+a\s+result\s+of|arising\s+from|resulting\s+from)\s+", re.I)
QUALIFIER = re.compile(r"^\s*\(\s*[£$€]?\d[\d,.]*\+?\s?%?\s+([A-Za-z][\w+]*)\s*\)")
MAX_WORDS = 8
NUMBERING = re.compile(r"^(?:[-•–*]\s*)?(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|\(?[ivx]+\))\s+(?=\S)")

PERFORMANCE_TITLE = re.compile(r"\bperformance\b|\bindicators?\b|\bKPIs?\b|\bscorecard\b|\bdashboard\b", re.I)
MINUTES_MARK = re.compile(r"\bRESOLVED\b|\bapologies\s+for\s+absence\b|\bseconded\b|\bmoved\s+by\b|\bminutes\s+of\b", re.I)


@dataclass
class Figure:
    printed: str
    start: int
    end: int
    role: str = "level"  # level, change, comparison, previous, value


@dataclass
class Block:
    """A paragraph of a page: runs of one size stacked at one left edge (a text box, a speech bubble)."""

    segments: list[Segment] = field(default_factory=list)
    rows: list[list[Segment]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        if self.lines and not self.segments:
            return " ".join(ln.text.strip() for ln in self.lines)
        return " ".join(" ".join(s.text.strip() for s in row) for row in self.rows)


# --------------------------------------------------------------------------- sentences


def read_text(text: str) -> list[dict]:
    """The indicators a paragraph gives in prose: description, value, previous, period,
    previous_period, trend, trend_printed and change (printed figures, or None)."""
    found = []
    for sentence in sentences(text):
        period = _first_period(sentence)
        for clause in clauses(sentence):
            for record in read_clause(clause):
                record["period"] = record["period"] or period
                found.append(record)
    return found


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, each without the paragraph number or bullet it opens with."""
    text = re.sub(r"\s+", " ", text).strip()
    return [NUMBERING.sub("", s) for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(£$€])", text) if s]


def clauses(sentence: str) -> list[str]:
    """A sentence cut at semicolons and at commas (outside brackets) that start a new measure: a
    part opening with a figure, a preposition or a participle carries on the clause before it, and
    so does any part while the clause before has no figure yet."""
    parts: list[tuple[str, str]] = []
    depth, start = 0, 0
    for i, ch in enumerate(sentence):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;" and sentence[i + 1:i + 2] in (" ", ""):
            parts.append((sentence[start:i], ch))
            start = i + 1
    parts.append((sentence[start:], "."))
    out: list[str] = []
    joint = ";"
    for part, mark in parts:
        part = part.strip()
        if not part:
            continue
        if out and joint == "," and (_carries_on(part) or not _figures(out[-1])):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
        joint = mark
    return [c.rstrip(".!? ") for c in out]


def _carries_on(part: str) -> bool:
    """A part after a comma that goes on with the clause before ("from 701 in March 2020",
    "peaking at 754", "2,500 more people") instead of naming a measure of its own."""
    first = part.split()[0].lower()
    return bool(FIGURE.match(part)) or first in (
        "from", "to", "at", "or", "that", "which", "compared", "against", "than", "of", "in", "on", "for", "i.e.", "e.g.",
    ) or first.endswith("ing")


def read_clause(clause: str) -> list[dict]:
    """The indicator(s) of one clause: a measure, a figure (a level or a change) and a direction
    word, or none."""
    direction = DIRECTION.search(clause)
    figures = _figures(clause)
    if not figures:
        return []
    if direction is None:
        return _levels(clause)
    names = _measures(clause)
    if not names:
        return []
    _roles(clause, figures)
    value = next((f for f in figures if f.role == "value"), None) or next((f for f in figures if f.role == "level"), None)
    previous = next((f for f in figures if f.role == "previous"), None)
    change = next((f for f in figures if f.role == "change"), None)
    if value is None and change is None:
        return []
    out = []
    for name in names:
        out.append({
            "description": name,
            "value": value.printed if value else None,
            "previous": previous.printed if previous else None,
            "period": _period_after(clause, value.end) if value else None,
            "previous_period": _period_after(clause, previous.end) if previous else _from_period(clause),
            "trend": trend(name, direction),
            "trend_printed": direction.group(0),
            "change": change.printed if change else None,
        })
    return out


def _levels(clause: str) -> list[dict]:
    """Indicators of a clause that states a level and no direction: a total, a share of a
    population, deaths from a cause."""
    out = []
    for shape in (TOTAL, SHARE, DEATHS):
        for m in shape.finditer(clause):
            groups = {k: v for k, v in m.groupdict().items() if v}
            value = groups.get("v") or groups.get("v2")
            if shape is SHARE:
                rest = _clean(groups["rest"])
                name = f"{groups['pop']} who {groups['verb']} {rest}"
            elif shape is DEATHS:
                name = f"{_clean(groups.get('m') or groups.get('m2'))} deaths"
            else:
                name = _clean(groups["m"])
            if not name or FINITE.search(name) or len(name.split()) > MAX_WORDS or not re.search(r"[A-Za-z]{3}", name):
                continue
            out.append({
                "description": name[0].upper() + name[1:], "value": value.replace(" ", ""), "previous": None,
                "period": _period_after(clause, m.end()), "previous_period": None,
                "trend": None, "trend_printed": None, "change": None,
            })
    return out


def _figures(text: str) -> list[Figure]:
    """Figures of a clause, apart from years (periods) and the numbers of charts, pages and sections."""
    out = []
    for m in FIGURE.finditer(text):
        printed = m.group(0).strip()
        if YEAR.fullmatch(printed) or text[m.end():m.end() + 3].lstrip().startswith("/") or REFERENCE_BEFORE.search(text[:m.start()]):
            continue
        out.append(Figure(printed, m.start(), m.end()))
    return out


def _roles(clause: str, figures: list[Figure]) -> None:
    """Each figure's part: the previous value ('from A'), the value it moved to ('to B'), a change
    ('by 62%', 'up 37%', 'a 9.5% increase', '2,500 more'), a comparison, or a plain level."""
    previous: Optional[Figure] = None
    for f in figures:
        before, after = clause[:f.start], clause[f.end:]
        between = clause[previous.end:f.start] if previous is not None else ""
        if FROM_BEFORE.search(before):
            f.role, previous = "previous", f
        elif previous is not None and TO_BETWEEN.search(between) and len(between.split()) <= 8:
            f.role, previous = "value", None
        elif CHANGE_BEFORE.search(before) or CHANGE_AFTER.match(after):
            f.role = "change"
        elif COMPARISON_BEFORE.search(before):
            f.role = "comparison"


def _measures(clause: str) -> list[str]:
    """The measure a clause names, split in two at 'and' when a change names both."""
    text = CAUSE.sub(" from ", LEAD.sub("", clause.strip()))
    for shape in SHAPES:
        m = shape.search(text)
        if not m or (shape is SHAPES[-1] and FINITE.search(text)):
            continue
        name = _clean(m.group("m"))
        if not name or FIGURE.search(re.sub(r"\bper\s+[\d,]+", "", name)) or FINITE.search(name) or NOT_A_NAME.search(name):
            continue
        qualifier = QUALIFIER.match(text[m.end("m"):])
        if qualifier and not DIRECTION.fullmatch(qualifier.group(1)):
            name = f"{name} ({qualifier.group(1)})"
        names = [_clean(n) for n in re.split(r"\s+and\s+", name)] if shape is SHAPES[0] else [name]
        names = [n for n in names if n and len(n.split()) <= MAX_WORDS and re.search(r"[A-Za-z]{3}", n)]
        if names:
            return [n[0].upper() + n[1:] for n in names]
    return []


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:–—-")
    name = re.sub(r"\s+(?:in|for|during|at\s+the\s+end\s+of)\s+(?:(?:" + MONTH + r")\s+)?(?:19|20)\d\d(?:/\d\d)?$", "", name, flags=re.I)
    name = re.sub(r"\s+figures?$", "", name, flags=re.I)
    while DETERMINER.match(name):
        name = DETERMINER.sub("", name)
    return name.strip()


def trend(name: str, direction: re.Match) -> Optional[str]:
    """better / worse from the direction word, read with the measure's polarity; None when the
    measure does not say which way is good."""
    if direction.group("good"):
        return "better"
    if direction.group("bad"):
        return "worse"
    rising = direction.group("up") is not None
    if LOWER_BETTER.search(name):
        return "worse" if rising else "better"
    if HIGHER_BETTER.search(name):
        return "better" if rising else "worse"
    return None


def _period_after(clause: str, end: int) -> Optional[str]:
    m = re.match(r"^\s*(?:[A-Za-z]+\s+){0,2}?(?:in|for|during|at)\s+((?:(?:" + MONTH + r")\s+)?(?:19|20)\d\d(?:\s*/\s*\d\d)?)", clause[end:], re.I)
    return _normal_period(m.group(1)) if m else None


def _from_period(clause: str) -> Optional[str]:
    m = re.search(r"\bfrom\s+((?:(?:" + MONTH + r")\s+)?(?:19|20)\d\d(?:/\d\d)?)\b", clause, re.I)
    return _normal_period(m.group(1)) if m else None


def _first_period(sentence: str) -> Optional[str]:
    m = re.search(r"\b(?:in|for|during|of)\s+((?:(?:" + MONTH + r")\s+)?(?:19|20)\d\d(?:\s*/\s*\d\d)?)\b", sentence, re.I)
    return _normal_period(m.group(1)) if m else None


def _normal_period(printed: str) -> str:
    return normalise_period(printed) or printed


# --------------------------------------------------------------------------- pages


def page_blocks(page: Page) -> list[Block]:
    """A page's paragraphs. A PDF line is cut into pieces at wide gaps between its runs (columns side
    by side); a piece joins the block it sits under (next row, at the block's left edge, in the same
    size). Text pages part at blank lines."""
    if not any(ln.segments for ln in page.lines):
        return _text_blocks(page)
    pieces = sorted((p for ln in page.lines for p in _pieces(ln)), key=lambda p: (p[0].box[1], p[0].box[0]))
    blocks: list[Block] = []
    for piece in pieces:
        beside = next((b for b in blocks if _beside(b.rows[-1], piece)), None)
        if beside is not None:
            beside.rows[-1].extend(piece)
            beside.segments.extend(piece)
            continue
        home = next((b for b in blocks if _under(b, piece)), None)
        if home is None:
            home = Block()
            blocks.append(home)
        home.rows.append(piece)
        home.segments.extend(piece)
    for b in blocks:
        b.lines = [Line(text=" ".join(s.text for s in row), box=_union([s.box for s in row])) for row in b.rows]
    return blocks


def _size(seg: Segment) -> float:
    return seg.size or (seg.box[3] - seg.box[1])


def _pieces(line: Line) -> list[list[Segment]]:
    pieces: list[list[Segment]] = []
    for seg in sorted((s for s in line.segments if s.text.strip()), key=lambda s: s.box[0]):
        last = pieces[-1][-1] if pieces else None
        if last is not None and -2 <= seg.box[0] - last.box[2] <= 1.5 * _size(seg) and abs(_size(seg) - _size(last)) <= 0.15 * _size(last):
            pieces[-1].append(seg)
        else:
            pieces.append([seg])
    return pieces


def _beside(row: list[Segment], piece: list[Segment]) -> bool:
    """A piece carrying on a row to its right (a run the PDF put on a line of its own)."""
    first = piece[0]
    top, bottom, right = min(s.box[1] for s in row), max(s.box[3] for s in row), max(s.box[2] for s in row)
    return (top <= (first.box[1] + first.box[3]) / 2 <= bottom and -2 <= first.box[0] - right <= 1.5 * _size(first)
            and abs(_size(first) - _size(row[-1])) <= 0.15 * _size(row[-1]))


def _under(block: Block, piece: list[Segment]) -> bool:
    row, first = block.rows[-1], piece[0]
    size = _size(first)
    if abs(_size(row[0]) - size) > 0.15 * _size(row[0]):
        return False
    bottom = max(s.box[3] for s in row)
    left = block.rows[0][0].box[0]
    return -2 <= first.box[1] - bottom <= 0.9 * size and abs(first.box[0] - left) <= 1.5 * size


def _union(boxes):
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _text_blocks(page: Page) -> list[Block]:
    blocks: list[Block] = [Block()]
    for ln in page.lines:
        if ln.text.strip():
            blocks[-1].lines.append(ln)
        elif blocks[-1].lines:
            blocks.append(Block())
    return [b for b in blocks if b.lines]


def title_lines(page: Page) -> list[Line]:
    """A page's title lines: short lines in type larger than the body's (PDF), or short lines set
    apart by blank lines without closing punctuation (text). Every short line of a cover page of a
    few lines is a title."""
    short = [ln for ln in page.lines if 0 < len(ln.text.split()) <= 10]
    if not any(ln.segments for ln in page.lines):
        texts = [ln.text.strip() for ln in page.lines]
        return [ln for i, ln in enumerate(page.lines) if ln in short and not texts[i].endswith((".", ",", ";", ":"))
                and (i == 0 or not texts[i - 1]) and (i + 1 == len(texts) or not texts[i + 1])]
    filled = [ln for ln in page.lines if ln.text.strip() and ln.box]
    if len(filled) <= 6 and len(short) == len(filled):
        return short
    sizes = sorted(_line_size(ln) for ln in filled)
    body = sizes[len(sizes) // 2] if sizes else 0
    return [ln for ln in short if ln.box and _line_size(ln) >= 1.2 * body]


def _line_size(line: Line) -> float:
    return max((_size(s) for s in line.segments), default=(line.box[3] - line.box[1]) if line.box else 0)


def heading(page: Page) -> Optional[str]:
    """The page's title: its first title line in the largest type."""
    titles = title_lines(page)
    if not titles:
        return None
    top = max(_line_size(ln) for ln in titles)
    return next(ln.text.strip() for ln in titles if _line_size(ln) == top)


def names_performance(page: Page) -> bool:
    return any(PERFORMANCE_TITLE.search(ln.text) for ln in title_lines(page))


def performance_page(page: Page, titled: bool) -> bool:
    """A page reads as a performance report under a title naming performance or indicators (the
    page's own, or its document's first page's); a page of minutes never does."""
    if any(MINUTES_MARK.search(ln.text) for ln in page.lines):
        return False
    return titled or names_performance(page)


def extract(ctx, out: Extraction) -> None:
    """Indicators read from the prose of performance-report pages join out.indicators."""
    done = _tabled_pages(ctx.source.pages, out)
    excluded = _excluded_pages(out)
    titles = _titled_pages(ctx.source.pages, out)
    for page in ctx.source.pages:
        if page.blank or not page.lines or page.index in done or page.index in excluded:
            continue
        if not performance_page(page, page.index in titles):
            continue
        found = [(block, rec) for block in page_blocks(page) for rec in read_text(block.text)]
        group = heading(page)
        for block, rec in found:
            out.indicators.append(_indicator(page, block, rec, group))


def _indicator(page: Page, block: Block, rec: dict, group: Optional[str]) -> Indicator:
    periods = []
    if rec["previous"]:
        q = parse_quantity(rec["previous"]) or {}
        periods.append(PeriodValue(label="Previous", period=rec["previous_period"], value=q.get("value"),
                                   unit=q.get("unit"), printed=rec["previous"]))
    value = None
    if rec["value"]:
        q = parse_quantity(rec["value"]) or {}
        value = {"value": q.get("value"), "unit": q.get("unit"), "printed": rec["value"]}
    if value is not None and rec["period"]:
        periods.append(PeriodValue(label="Latest", period=rec["period"], value=value["value"], unit=value["unit"], printed=rec["value"]))
    return Indicator(
        code=None, group=group, description=rec["description"], periods=periods, value=value,
        trend=rec["trend"], trend_printed=rec["trend_printed"], commentary=block.text,
        provenance=provenance(page, block.lines, extractor=EXTRACTOR),
    )


def _tabled_pages(pages: list[Page], out: Extraction) -> set[int]:
    """Pages of a document (the whole pack when none was found) whose indicators a table or card
    gave: its sentences are the commentary on them."""
    tabled = {ind.provenance.page for ind in out.indicators if ind.provenance is not None and ind.provenance.page}
    spans = [(d.pages[0], d.pages[-1]) for d in out.documents if d.pages] or ([(pages[0].index, pages[-1].index)] if pages else [])
    found = set(tabled)
    for first, last in spans:
        if any(first <= p <= last for p in tabled):
            found.update(range(first, last + 1))
    return found


def _excluded_pages(out: Extraction) -> set[int]:
    """Pages of minutes and agendas."""
    pages: set[int] = set()
    for d in out.documents:
        if d.pages and getattr(d.kind, "value", d.kind) in ("minutes", "agenda"):
            pages.update(range(d.pages[0], d.pages[-1] + 1))
    return pages


def _titled_pages(pages: list[Page], out: Extraction) -> set[int]:
    """Pages of a document whose first page carries a title naming performance or indicators."""
    spans = [(d.pages[0], d.pages[-1]) for d in out.documents if d.pages] or ([(pages[0].index, pages[-1].index)] if pages else [])
    by_index = {p.index: p for p in pages}
    titled: set[int] = set()
    for first, last in spans:
        page = by_index.get(first)
        if page and names_performance(page):
            titled.update(range(first, last + 1))
    return titled
