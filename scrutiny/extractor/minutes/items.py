"""Split the stream of rows into minute items: the ref as printed, its title, the agenda item it
answers and its body rows.

Refs come in several styles: letters and digits ("OSCO07.", "CAB123", "FGB 01/2122"), number and
year ("112/23", "01/1920"), "Minute 45", and plain numbers ("84.", "1."). Plain numbers are also used
for paragraphs inside an item, so numbered candidates are kept only when they form the best rising
sequence, scored by how much each looks like a minute heading (a short title, an "(Item n)" line).
Minutes with no refs at all but "(Item n)" lines under each title get the item number as ref.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from scrutiny.extractor import textutil
from scrutiny.extractor.minutes.decisions import OPENER
from scrutiny.extractor.minutes.stream import Row
from scrutiny.extractor.pages import Page

CODED_REF = re.compile(r"^(?P<ref>[A-Z]{2,8}(?:\d{1,4}[a-z]?(?:/\d{2,4})?|\s\d{1,4}[a-z]?/\d{2,4})\.?)(?=\s|$)")
YEAR_REF = re.compile(r"^(?P<ref>\d{1,4}[a-z]?/\d{2,4}\.?)(?=\s|$)")
MINUTE_WORD_REF = re.compile(r"^(?P<ref>Minute\s+(?:No\.?\s*)?\d{1,4}[a-z]?\.?)(?=\s|:|$)", re.I)
ITEM_LINE = re.compile(r"^\(\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<n>[\w.]+)\s*\)\.?$", re.I)
ITEM_INLINE = re.compile(r"\(\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<n>\d+[a-z]?)\s*\)\s*$", re.I)
_NOT_CODED = {"PAGE", "ITEM", "NI", "KPI", "KS", "KS1", "KS2", "Q", "COVID", "WARD", "ROOM", "ANNEX", "APPENDIX", "A", "B"}


@dataclass
class Item:
    """A minute item found in the stream."""

    ref: Optional[str]
    start: int  # index of the heading row
    title_rows: list[int] = field(default_factory=list)
    body_rows: list[int] = field(default_factory=list)
    title: Optional[str] = None
    agenda_item: Optional[str] = None
    inline_body: Optional[str] = None
    inline_row: Optional[int] = None  # the row ``inline_body`` ends (the heading row when None)


def normalise_ref(ref: str) -> str:
    """Upper case, no spaces, no trailing dot; "Minute 45" -> "45"."""
    ref = re.sub(r"^(?:minute|(?:agenda\s+)?item)\s+(?:no\.?\s*)?(?=\d)", "", ref.strip(), flags=re.I)
    return re.sub(r"\s+", "", ref).rstrip(".").upper()


def _coded(text: str) -> Optional[str]:
    m = CODED_REF.match(text)
    if not m:
        return None
    letters = re.match(r"[A-Z]+", m.group("ref")).group(0)
    return None if letters in _NOT_CODED else m.group("ref")


def find_refs(rows: list[Row]) -> list[tuple[int, str]]:
    """(row index, ref as printed) of each minute heading."""
    found = []
    for i, row in enumerate(rows):
        text = row.columns.get("lead", row.text) if row.columns else row.text
        ref = _coded(text)
        if ref is None:
            m = YEAR_REF.match(text) or MINUTE_WORD_REF.match(text)
            ref = m.group("ref") if m else None
        if ref:
            found.append((i, ref))
    found = sorted(found + _slashless(rows, found))
    found = _keep_last(found)
    if len(found) >= 2:
        return found
    lettered = _lettered(rows)
    if len(lettered) >= 2:
        return lettered
    numbered = _numbered(rows)
    if numbered:
        return numbered
    return _item_lines(rows)


_LETTER_ROW = re.compile(r"^\(([a-z])\)$")
_NUMBER_HEAD = re.compile(r"^(\d{1,2})\.\s*(?=[A-Z])")


def _lettered(rows: list[Row]) -> list[tuple[int, str]]:
    """Lettered sub-items "(a)" on a line of their own, each followed by a title, under a numbered
    heading ("1.Support Services"): refs "1(a)", "1(b)"."""
    out = []
    number = None
    expected = "a"
    for i, row in enumerate(rows):
        m = _NUMBER_HEAD.match(row.text)
        if m and _title_like(row.text[m.end():]):
            number, expected = m.group(1), "a"
            continue
        lm = _LETTER_ROW.match(row.text)
        if lm and number and lm.group(1) == expected and i + 1 < len(rows) and _title_like(rows[i + 1].text):
            out.append((i, f"{number}({lm.group(1)})"))
            expected = chr(ord(expected) + 1)
    return out


def _slashless(rows: list[Row], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Refs printed without their slash in a grid's ref column ("381920" among "39/1920",
    "40/1920"), repaired with the year part the other refs share."""
    years = {m.group(1) for _, ref in found if (m := re.search(r"/(\d{2,4})\.?$", ref))}
    if len(years) != 1:
        return []
    year = years.pop()
    out = []
    for i, row in enumerate(rows):
        lead = row.columns.get("lead", "") if row.columns else ""
        m = re.fullmatch(r"(\d{1,3})" + year, lead.strip())
        if m:
            out.append((i, f"{m.group(1)}/{year}"))
    return out


def _ref_key(ref: str) -> str:
    return re.sub(r"^[A-Z]+", "", normalise_ref(ref))


def _keep_last(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """When refs are listed more than once (an agenda list, an actions table, then the minutes),
    keep each ref's last occurrence; drop sub-refs ("14a/1920") whose base ref is an item."""
    last: dict[str, int] = {}
    for k, (_, ref) in enumerate(found):
        last[_ref_key(ref)] = k
    keys = set(last)
    keep = [k for key, k in last.items() if not (re.search(r"\d[A-Z]", key) and re.sub(r"(\d)[A-Z]", r"\1", key) in keys)]
    listed = [k for k in range(len(found)) if last[_ref_key(found[k][1])] != k]  # earlier occurrences: a list
    if len(listed) >= 2:
        again = min(last[_ref_key(found[k][1])] for k in listed)  # where the refs listed come again: the minutes
        # a ref listed with them that never comes again (an agenda entry the minutes number otherwise)
        keep = [k for k in keep if not (listed[0] < k < again and found[k][0] < found[again][0])]
    return [found[k] for k in sorted(keep)]


def _has_body(rows: list[Row], i: int) -> bool:
    return bool(rows[i].columns.get("body")) or len(rows[i].text.split()) > 14


def _title_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 16 and not text.rstrip().endswith((".", ";", ",")) and text[:1].isupper()


# A heading's ref token, whatever its style: "46.", "01.24.01", "TB(5)2", "(05-110)", "1/", "A/",
# "4-A", "5.2", "Item 3:" (the word is dropped). Its shape (digits as 9, letters as A or a) groups the
# refs of one series; within a series the numbers rise.
_REF_TOKEN = re.compile(
    r"^(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?)?"
    r"(?P<ref>\(?\*?(?:[A-Z]{1,6}\s?)?(?:\(\d{1,3}\))?\d{1,3}[a-z]?(?:\(\d{1,3}\))?"
    r"(?:[.\-/](?:\d{1,3}[a-z]?|[ivx]{1,4}|[A-Z])(?![\w]))*\)?[.:/)]?"
    r"|[A-Z][/)]|\([a-z]\))(?=\s|$)", re.I)
_NOT_A_REF = re.compile(r"^\d{1,2}[.:]\d{2}$|^\d{1,2}/\d{1,2}/\d{2,4}|^\d{4}\b|^\d+(?:st|nd|rd|th)\b", re.I)


def ref_shape(ref: str) -> str:
    """The ref's shape: digit runs as 9, capital runs as A, small letters as a ("01.24.01" -> "9.9.9")."""
    shape = re.sub(r"\d+", "9", ref.replace("*", ""))
    shape = re.sub(r"[A-Z]+", "A", shape)
    return re.sub(r"[a-z]+", "a", shape)


def ref_ordinal(ref: str) -> tuple[int, ...]:
    """The numbers of a ref in order, letters counted as their place in the alphabet."""
    parts = re.findall(r"\d+|[A-Za-z]", re.sub(r"^[A-Za-z]{2,}\s?", "", ref))
    return tuple(int(x) if x.isdigit() else ord(x.lower()) - 96 for x in parts)


def _rises(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """``b`` follows ``a`` in a series: the first number that differs goes up by 1 to 3."""
    for x, y in zip(a, b):
        if x != y:
            return 1 <= y - x <= 3
    return False


def _short_title(text: str) -> bool:
    """A title standing alone after its ref: a few words, no sentence, no run-in text after a dash or colon."""
    return _title_like(text) and len(text.split()) <= 8 and not re.search(r"\s[–—-]\s|:", text)


def _ref_candidates(rows: list[Row]) -> list[tuple[int, str, float, float]]:
    """(row, ref as printed, heading score, indent) of every row that opens with a ref token; the
    score counts an indent against a heading, which sub-items may have (``indent`` gives it back)."""
    cands = []
    item_lines = any(ITEM_LINE.match(r.text) for r in rows)
    margin, right = _text_edges(rows)
    for i, row in enumerate(rows):
        text = _mend_number(row.text)
        m = _REF_TOKEN.match(text)
        if not m or _NOT_A_REF.match(text) or ITEM_LINE.match(text):
            continue
        ref = m.group("ref").rstrip(":")
        if not re.search(r"\d|^[A-Z][/)]$|^\([a-z]\)$", ref) and not (
                re.fullmatch(r"[a-z]\)", ref) and _short_title(text[m.end():].strip())):
            continue  # "a)" only before a title of its own ("a) Playground Advisory Group")
        rest = _CODE_PREFIX.sub("", text[m.end():].strip())
        nxt = rows[i + 1].text if i + 1 < len(rows) else ""
        title = rest or nxt
        score = 0.0
        if _title_like(title) or _all_upper(title):
            score += 1.0
        elif rest and len(rest.split()) <= 8 and not rest.endswith((".", ",", ";")):
            score += 0.5  # a short heading whose first letters the text layer lost ("uestion submitted by ...")
        if _all_upper(title):
            score += 0.5
        titled = _titled_paragraph(rows, i, rest)
        if titled:
            score += 1.0
        if _item_marker_follows(rows, i) or ITEM_INLINE.search(row.text):
            score += 3.0
        if not rest:
            score += 0.5
        if row.emphasis or row.line.bold:
            score += 1.0
        box = row.line.box
        indent = 1.0 if box and margin is not None and box[0] > margin + 12 else 0.0
        score -= indent  # indented: a list inside an item (or a sub-item), not a heading at the margin
        if box and right is not None and rest and box[2] > right - 15 and len(rest.split()) > 6 and not titled:
            score -= 0.5  # a line running to the right margin is wrapped text
        if item_lines and score < 3:
            continue
        if score + indent > 0:
            cands.append((i, ref, score, indent))
    return cands


# a file or legislation number printed between the ref and the title ("6A. 2023-3595 - Provide ...")
_CODE_PREFIX = re.compile(r"^\d{2,4}\s?[-–]\s?\d{2,6}\s+[-–—]\s+(?=[A-Z])")


def _mend_number(text: str) -> str:
    """A heading number split by the text layer ("1 3. Other", "11 . Date", "(c ) Highways", "(05-110 )
    Proclamation") made whole."""
    text = re.sub(r"^\(\s*([a-z])\s*\)(?=\s)", r"(\1)", text)
    text = re.sub(r"^\(\s*(\*?\d[\w\-./]{0,10}?)\s+\)(?=\s)", r"(\1)", text)  # "(05-110 )", "( 05-011 )", "(*05-113 )"
    text = re.sub(r"^(\d{1,2}) (\d)(?=\.\s)", r"\1\2", text)
    return re.sub(r"^(\d{1,3}) \.(?=\s)", r"\1.", text)


def _text_edges(rows: list[Row]) -> tuple[Optional[float], Optional[float]]:
    """The left edge of the body text (where most lines start) and the right edge most lines
    reach (PDF rows with boxes), else None."""
    lefts = [r.line.box[0] for r in rows if r.line.box]
    rights = sorted(r.line.box[2] for r in rows if r.line.box)
    if len(lefts) < 5:
        return None, None
    counts: dict[int, int] = {}
    for x in lefts:
        counts[round(x / 4)] = counts.get(round(x / 4), 0) + 1
    body = max(counts, key=lambda k: (counts[k], -k)) * 4.0
    return body, rights[int(len(rights) * 0.9)]


def _best_chain(cands: list[tuple[int, str, float]]) -> tuple[float, list[tuple[int, str, float]]]:
    """The highest-scoring rising chain of candidates of one shape."""
    if not cands:
        return 0.0, []
    ords = [ref_ordinal(c[1]) for c in cands]
    best = [c[2] for c in cands]
    prev = [-1] * len(cands)
    for b in range(len(cands)):
        for a in range(b):
            if _rises(ords[a], ords[b]) and best[a] + cands[b][2] > best[b]:
                best[b], prev[b] = best[a] + cands[b][2], a
    end = max(range(len(cands)), key=lambda k: (best[k], -k))
    chain = []
    while end != -1:
        chain.append(cands[end])
        end = prev[end]
    return sum(c[2] for c in chain), chain[::-1]


def _numbered(rows: list[Row]) -> list[tuple[int, str]]:
    """Refs of any printed style: the best rising chain among the rows that open with refs of one
    shape, scored by how much each looks like a minute heading (a short or capitalised title, the
    title on the next line, an "(Item n)" line); then, between its headings, sub-item chains of
    another shape that start afresh under each heading ("52." then "(a)", "(b)"; "4." then "4-A")."""
    cands = _ref_candidates(rows)
    by_shape: dict[str, list[tuple[int, str, float]]] = {}
    for c in cands:
        by_shape.setdefault(ref_shape(c[1].rstrip(".:")), []).append(c)
    scored = sorted(((*_best_chain(cs), shape) for shape, cs in by_shape.items()), key=lambda t: (-t[0], t[2]))
    if not scored:
        return []
    total, chain, shape = _top_level(scored, by_shape)
    if len(chain) < 2 and not any(c[2] >= 3 or (c[3] == 0 and _FILE_NUMBER.fullmatch(c[1])) for c in chain):
        return []
    chain = _with_extended(chain, shape, cands)
    chain = _with_gaps(rows, _with_first(rows, chain, shape), shape)
    out = [(c[0], c[1]) for c in chain]
    same = [c for c in cands if ref_shape(c[1].rstrip(".:")) == shape and c not in chain]
    return sorted(out + _sub_items(rows, chain, [c for c in cands if ref_shape(c[1].rstrip(".:")) != shape])
                  + _restarted(rows, chain, same))


# A minute's file number ("(05-011)", "12/045"): a ref by its form, heading the minutes' one item
_FILE_NUMBER = re.compile(r"\(?\*?\d{2,4}[-/]\d{2,4}[A-Za-z]?\)?")


def _restarts(cands: list[tuple]) -> list[int]:
    """The rows where a shape's series starts afresh: its first value ("(a)", "1.") printed again."""
    ords = [ref_ordinal(c[1]) for c in cands]
    first = min(ords)
    return [c[0] for k, (c, o) in enumerate(zip(cands, ords)) if o == first and k > 0]


def _top_level(scored: list[tuple], by_shape: dict[str, list[tuple]]) -> tuple:
    """The chain of the minutes' headings among the best chain of each shape: the best-scoring one,
    unless its series starts afresh between the headings of a chain of another shape that never
    does ("3." over "(a)" to "(v)", "4." over "(a)" again): that series is a level below."""
    best = scored[0]
    again = _restarts(by_shape[best[2]])
    if not again:
        return best
    for other in scored[1:]:
        chain = other[1]
        if len(chain) >= 3 and not _restarts(by_shape[other[2]]) and any(
                a[0] < r < b[0] for r in again for a, b in zip(chain, chain[1:])):
            return other
    return best


def _sections(rows: list[Row], refs: list[tuple[int, str]], styled: list[int]) -> list[tuple[int, None]]:
    """Styled headings over a series of refs that runs on across them without starting afresh (file
    numbers "(05-110)", "(05-111)" under "AGENDA CHANGES", "CONSENT CALENDAR"): the sections the
    minutes are parted into, when three or more of them stand before refs: items without a ref
    where text of their own comes before the next ref."""
    taken = {i for i, _ in refs}
    heads = [i for i in styled if i not in taken and any(k > i for k, _ in refs) and i >= refs[0][0] - 3]
    if len(heads) < 3 or not any(a < i < b for i in heads for (a, _), (b, _) in zip(refs, refs[1:])):
        return []
    ords = [ref_ordinal(r) for _, r in refs]
    if any(b[:1] != a[:1] or b <= a for a, b in zip(ords, ords[1:])):
        return []  # the numbers start afresh or jump: the refs are the headings
    starts = sorted(taken | set(heads))
    # a section that only groups the paragraphs under it is no item; one with text of its own
    # before its first paragraph ("CONSENT CALENDAR" / "... moved approval of the Consent Calendar") is
    return [(i, None) for i in heads if next((k for k in starts if k > i), len(rows)) > i + 1]


def _headings_left(rows: list[Row], chain: list[tuple[int, str, float]]) -> Optional[float]:
    """The left edge the chain's headings are set at (the median of their rows'), if known."""
    lefts = sorted(rows[c[0]].line.box[0] for c in chain if rows[c[0]].line.box)
    return lefts[len(lefts) // 2] if lefts else None


def _opens_with(row: Row, left: float, shape: str, want: tuple) -> Optional[str]:
    """The ref ``row`` opens with when it is the wanted number in the chain's shape, set at the
    headings' left edge (though the row reads as a sentence)."""
    m = _REF_TOKEN.match(_mend_number(row.text))
    box = row.line.box
    if not m or not box or abs(box[0] - left) > 3:
        return None
    ref = m.group("ref").rstrip(":")
    return ref if ref_shape(ref.rstrip(".:")) == shape.rstrip(":") and ref_ordinal(ref) == want else None


def _with_first(rows: list[Row], chain: list[tuple[int, str, float]], shape: str) -> list[tuple[int, str, float]]:
    """The chain with its first number where it starts at the second: a row shortly before it
    that opens with the number before ("1. The meeting was called to order ..." over "2. ROLL CALL")."""
    if not chain or ref_ordinal(chain[0][1])[-1:] != (2,):
        return chain
    left = _headings_left(rows, chain)
    if left is None:
        return chain
    want = ref_ordinal(chain[0][1])[:-1] + (1,)
    for i in range(chain[0][0] - 1, max(-1, chain[0][0] - 8), -1):
        ref = _opens_with(rows[i], left, shape, want)
        if ref:
            return [(i, ref, 0.0), *chain]
    return chain


def _with_gaps(rows: list[Row], chain: list[tuple[int, str, float]], shape: str) -> list[tuple[int, str, float]]:
    """The chain with the number missing between two of its headings ("(05-110)", "(05-112)")
    where a row between them opens with it."""
    if len(chain) < 3 or (left := _headings_left(rows, chain)) is None:
        return chain
    out = list(chain)
    for a, b in zip(chain, chain[1:]):
        oa, ob = ref_ordinal(a[1]), ref_ordinal(b[1])
        if len(oa) != len(ob) or oa[:-1] != ob[:-1] or ob[-1] - oa[-1] != 2:
            continue
        want = oa[:-1] + (oa[-1] + 1,)
        found = next(((i, ref, 0.0) for i in range(a[0] + 1, b[0]) if (ref := _opens_with(rows[i], left, shape, want))), None)
        if found:
            out.append(found)
    return sorted(out)


def _restarted(rows: list[Row], chain: list[tuple[int, str, float]], same: list[tuple[int, str, float]]) -> list[tuple[int, str]]:
    """Sub-headings numbered afresh from 1 in the chain's own style under one of its headings
    ("4. Decisions" then "1. Membership Applications", "2. Decision on ..."): refs "4.1", "4.2"."""
    out, lone = [], []
    bounds = [c[0] for c in chain] + [len(rows)]
    for n, (start, ref, *_) in enumerate(chain):
        inside = [c for c in same if start < c[0] < bounds[n + 1]]
        _, sub = _best_chain(inside)
        parent = ref.rstrip(".:/)")
        if not sub or ref_ordinal(sub[0][1]) != (1,) or ref_ordinal(parent) == (1,):
            continue
        if len(sub) == 1:
            if len(inside) == 1:
                lone.append((sub[0][0], f"{parent}.1"))
            continue
        out += [(c[0], f"{parent}.{ref_ordinal(c[1])[0]}") for c in sub]
    # a heading with one sub-heading "1." where other headings run theirs from 1 has it as well
    return out + lone if out else out


def _with_extended(chain: list[tuple[int, str, float]], shape: str, cands: list[tuple[int, str, float]]) -> list[tuple[int, str, float]]:
    """The chain with refs of its own shape plus a part ("TB(5)3.ii" among "TB(5)2", "TB(5)4") that
    fall between two of its headings in number as in place."""
    stem = shape.rstrip(".:/)")
    out = list(chain)
    for c in cands:
        other = ref_shape(c[1].rstrip(".:"))
        if other == shape or not other.startswith(stem) or other[len(stem):len(stem) + 1] not in ".-/" or c in out:
            continue
        before = [x for x in out if x[0] < c[0]]
        after = [x for x in out if x[0] > c[0]]
        if before and after and _rises(ref_ordinal(before[-1][1]), ref_ordinal(c[1])) and _rises(ref_ordinal(c[1]), ref_ordinal(after[0][1])):
            out.append(c)
            out.sort()
    return out


def _sub_items(rows: list[Row], chain: list[tuple[int, str, float]], others: list[tuple[int, str, float]]) -> list[tuple[int, str]]:
    """Sub-headings between two headings of the chain: a run of title-like refs of one other shape
    starting at its first value ("(a)", "1.", "A") or carrying the heading's own number ("4-A")."""
    out = []
    bounds = [c[0] for c in chain] + [_closing_row(rows, chain[-1][0]) if chain else len(rows)]
    edges = _text_edges(rows)
    body = _body_size(rows)
    for n, (start, ref, *_) in enumerate(chain):
        parent = ref.rstrip(".:/)")
        suffix = re.compile(re.escape(parent) + r"[A-Za-z]\)?[.:]?")
        inside = [(c[0], c[1], c[2] + c[3], 0.0) for c in others if start < c[0] < bounds[n + 1]
                  and (c[2] + c[3] >= 1.0 or suffix.fullmatch(c[1])) and not _smaller(rows[c[0]], body)]
        inside = _without_roman_runs(rows, inside, bounds[n + 1])
        by_shape: dict[str, list[tuple[int, str, float]]] = {}
        for c in inside:
            by_shape.setdefault(ref_shape(c[1].rstrip(".:")), []).append(c)
        for cs in by_shape.values():
            _, sub = _best_chain(cs)
            first = ref_ordinal(sub[0][1]) if sub else ()
            own = all(c[1].startswith(parent) for c in sub)
            lone = (len(sub) == 1 and first[-1:] == (1,) and re.match(re.escape(parent) + r"[-./(]", sub[0][1])
                    and _titled_paragraph(rows, sub[0][0], _REF_TOKEN.sub("", rows[sub[0][0]].text, 1).strip()))
            # the heading's own ref with a letter after it ("(05-118A)" under "(05-118)", "7a." under "7."):
            # parts of the heading, however they are set
            suffixed = bool(sub) and first[-1:] == (1,) and all(suffix.fullmatch(c[1]) for c in sub)
            if (len(sub) < 2 and not (lone or suffixed)) or not (own or (first and first[-1] == 1)):
                continue
            if not (lone or suffixed) and 2 * sum(1 for c in sub if _runs_on(rows, c[0], edges) or _marks_a_sentence(rows, c[0])
                                    or _wraps_into_text(rows, c[0])) >= len(sub):
                continue  # numbered paragraphs of running text, not sub-headings
            for c in sub:
                printed = c[1].rstrip(".:")
                letter = re.fullmatch(r"\(?([a-z])\)", printed)
                number = re.fullmatch(r"\(?(\d{1,2})[.)]?", printed)
                if letter:
                    printed = f"{parent}({letter.group(1)})"
                elif number and not own:
                    printed = f"{parent}.{number.group(1)}"  # "1." under "4." is 4.1
                out.append((c[0], printed))
            break
    return out


def _roman(ref: str) -> Optional[int]:
    core = re.fullmatch(r"\(?([ivxl]{1,5})[.)]?", ref.rstrip(":"), re.I)
    return textutil.roman_value(core.group(1)) if core else None


def _without_roman_runs(rows: list[Row], cands: list[tuple], end: int) -> list[tuple]:
    """Candidates less the Roman-numeral list nested under one of them: the "(i)" nearest above a
    row opening "(ii)" starts such a list, not the letter after "(h)", and "(v)" in it is no letter
    either; its entries are no sub-items of the heading."""
    starts = [c[0] for c in cands if _roman(c[1]) == 1]
    if not starts:
        return cands
    opening = {k: _roman(rows[k].text.split()[0]) for k in range(starts[0], end) if rows[k].text.split()}
    nested: set[int] = set()
    for k, value in opening.items():
        if value != 2:
            continue
        first = max((i for i in starts if i < k), default=None)
        if first is None:
            continue
        expect = 1
        for i in sorted(j for j in opening if j >= first):
            if opening[i] == expect:
                nested.add(i)
                expect += 1
    return [c for c in cands if c[0] not in nested]


def _wraps_into_text(rows: list[Row], k: int) -> bool:
    """A labelled paragraph, not a sub-heading: the words after the ref run on as a sentence on to
    the next row, which opens in lower case or follows a row broken off mid-phrase ("(a) Circulated,
    copy of Statutory Notice dated ... concerning disposal of land" / "at Killonan, Ballysimon,")."""
    rest = _REF_TOKEN.sub("", _mend_number(rows[k].text), 1).strip()
    if len(rest.split()) < 6 or k + 1 >= len(rows) or rows[k + 1].page is not rows[k].page:
        return False
    return rows[k + 1].text.strip()[:1].islower() or bool(textutil.OPEN_END.search(rest))


def _marks_a_sentence(rows: list[Row], k: int) -> bool:
    """A ref alone on its row over running text, not a title: the next row is a long line or ends
    inside a sentence ("(a)" / "Circulated, copy of Statutory Notice dated 24th March, 2023, concerning
    disposal of")."""
    if _REF_TOKEN.sub("", _mend_number(rows[k].text), 1).strip() or k + 1 >= len(rows):
        return False
    nxt = rows[k + 1].text.strip()
    if len(nxt.split()) > 16 or nxt.endswith((",", ";")) or (nxt.endswith(".") and len(nxt.split()) > 6):
        return True
    return len(nxt.split()) >= 8 and not _title_cased(nxt, 3)  # a long line in sentence case


def _titled_paragraph(rows: list[Row], i: int, rest: str) -> bool:
    """The text after the ref wraps on to the next rows (at most three more, each row broken off
    mid-phrase) and the whole, up to its full stop, is a title in title case: six words or more,
    nearly every word but the small ones capitalised ("4-A. Pension Payroll and Financial Reports – Quarters Ending December 31, /
    2020 and City of Alameda Police & Fire Pension Funds ... December 31, 2020.")."""
    if not rest or rest.rstrip().endswith((".", ":", ";")):
        return False
    parts = [rest]
    for k in range(i + 1, min(len(rows), i + 4)):
        text = rows[k].text.strip()
        if not text or _REF_TOKEN.match(text) or rows[k].page is not rows[i].page:
            return False
        parts.append(text)
        if text.endswith("."):
            break
    else:
        return False
    if not all(_broken_off(p) for p in parts[:-1]):
        return False  # a whole title on its row, a sentence under it
    return _title_cased(" ".join(parts), 6)


def _title_cased(text: str, least: int) -> bool:
    """``text`` is set in title case: ``least`` words or more besides the small ones, nine in ten of
    them capitalised (or figures)."""
    words = [w.strip("(),.–—-&\"“”") for w in text.split()]
    content = [w for w in words if w and w.lower() not in _SMALL_WORDS and w[:1].isalnum()]
    capital = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return len(content) >= least and capital >= 0.9 * len(content)


def _broken_off(text: str) -> bool:
    """The row stops mid-phrase, as a wrapped line does: after a comma, a dash or a small word."""
    text = text.rstrip()
    last = text.split()[-1].lower() if text.split() else ""
    return text.endswith((",", "–", "-", "&")) or last in _SMALL_WORDS


def _body_size(rows: list[Row]) -> Optional[float]:
    """The type size most of the rows' text is set in (PDF rows), else None."""
    sizes: dict[float, int] = {}
    for row in rows:
        for seg in row.line.segments:
            if seg.size:
                sizes[round(seg.size, 1)] = sizes.get(round(seg.size, 1), 0) + len(seg.text)
    return max(sizes, key=lambda s: (sizes[s], -s)) if sizes else None


def _smaller(row: Row, body: Optional[float]) -> bool:
    """The row is set in smaller type than the body text (a table's rows, a footnote): no
    sub-heading of the minutes."""
    sized = [g.size for g in row.line.segments if g.size and g.text.strip()]
    return bool(body and sized) and max(sized) < 0.9 * body


def _runs_on(rows: list[Row], k: int, edges: tuple[Optional[float], Optional[float]]) -> bool:
    """The row is the first line of a paragraph that wraps back under its own number: a plain row
    running to the right margin (``edges``: the text's left and right edges), the row after it (no
    ref) set at the same left edge. A heading's title stands apart from its text; a numbered
    paragraph runs on."""
    if k + 1 >= len(rows) or styles(rows[k:k + 2])[0] or rows[k].columns:
        return False
    a, b = rows[k].line.box, rows[k + 1].line.box
    if not a or not b or rows[k + 1].page is not rows[k].page or _REF_TOKEN.match(_mend_number(rows[k + 1].text)):
        return False
    margin, right = edges
    if margin is None or right is None or right - margin <= 0:
        return False
    return abs(b[0] - a[0]) <= 4 and a[2] - a[0] >= 0.75 * (right - margin)


_PART = re.compile(r"^(?P<ref>(?P<stem>\d{1,4})\.(?P<n>\d{1,2}))(?=\s)")


def _column_parts(rows: list[Row], refs: list[tuple[int, Optional[str]]], close: int) -> dict[int, tuple[str, Optional[str], str]]:
    """Numbered parts set in the headings' number column: under heading "130." the rows that open
    with "130.1", "130.2" ... at the heading's left edge, their text (where it wraps) standing in a
    deeper column, as the text of a heading does. A hanging indent makes each part an entry of the
    outline, whatever its text; a part that wraps back under its own number is a paragraph, and
    then none is taken. Returns {row: (ref, title, text)}: the title is a run-in label before a
    colon ("133.1 Crossings and Greens: Cllr Hunt ..."), else None."""
    bounds = [i for i, _ in refs] + [close]
    runs: list[list[tuple[int, re.Match]]] = []
    for n, (start, ref) in enumerate(refs):
        stem = (ref or "").rstrip(".:")
        head = rows[start].line.box
        if not re.fullmatch(r"\d{1,4}", stem) or not head:
            continue
        run, expected = [], 1
        for k in range(start + 1, bounds[n + 1]):
            m = _PART.match(rows[k].text)
            box = rows[k].line.box
            if not m or m.group("stem") != stem or not box or abs(box[0] - head[0]) > 4:
                continue
            if int(m.group("n")) != expected:
                break
            run.append((k, m))
            expected += 1
        if run:
            runs.append(run)
    hanging = flush = 0
    for run in runs:
        for k, _ in run:
            nxt = k + 1
            if (nxt >= len(rows) or nxt in bounds or rows[nxt].page is not rows[k].page or not rows[nxt].line.box
                    or _PART.match(rows[nxt].text)):
                continue
            if rows[k].text.rstrip().endswith(_SENTENCE_END):
                continue  # the part ends on its row: the next row is not its text wrapped
            if rows[nxt].line.box[0] > rows[k].line.box[0] + 12:
                hanging += 1
            elif abs(rows[nxt].line.box[0] - rows[k].line.box[0]) <= 4:
                flush += 1
    if not hanging or flush:
        return {}
    out = {}
    for run in runs:
        for k, m in run:
            rest = rows[k].text[m.end():].strip()
            label = re.match(r"^(?P<label>[A-Z][^:.;]{1,60}?):\s*(?P<rest>\S.*)?$", rest)
            if label and len(label.group("label").split()) <= 6 and all(
                    w[:1].isupper() or w.lower() in _SMALL_WORDS for w in label.group("label").split()):
                out[k] = (m.group("ref"), label.group("label").strip(), (label.group("rest") or "").strip())
            else:
                out[k] = (m.group("ref"), None, rest)
    return out


def _item_marker_follows(rows: list[Row], i: int) -> bool:
    """An "(Item n)" line right under the heading, or under its one wrapped continuation."""
    if i + 1 < len(rows) and ITEM_LINE.match(rows[i + 1].text):
        return True
    text = rows[i].text.rstrip()
    return (
        i + 2 < len(rows)
        and bool(ITEM_LINE.match(rows[i + 2].text))
        and not text.endswith((".", ":", ";"))
        and not re.match(r"^\d+\.\s+(?:RESOLVED|AGREED)", text)
    )


def _item_lines(rows: list[Row]) -> list[tuple[int, str]]:
    """Minutes without refs: a title row followed by an "(Item n)" row; the ref is n."""
    out = []
    for i, row in enumerate(rows):
        m = ITEM_LINE.match(row.text)
        if m and i > 0:
            start = i - 1
            while start > 0 and _title_like(rows[start - 1].text) and _continues_title(rows[start - 1].text, rows[start].text):
                start -= 1
            out.append((start, m.group("n")))
    return out


def _continues_title(before: str, after: str) -> bool:
    return not before.rstrip().endswith((".", ":")) and after[:1].islower()


_SMALL_WORDS = {"a", "an", "and", "of", "the", "to", "in", "on", "for", "at", "by", "with", "or", "from", "&"}
_NOT_HEADING = re.compile(
    r"^(?:for|against|abstain\w*|signed|date|chair\w*|mayor|present|apologies|councillors?|mr|mrs|ms|miss|dr|"
    r"cllr|proposed|seconded|and)\b",
    re.I,
)


_CLOSING = re.compile(
    r"^\W*(?:the\s+)?meeting\s+(?:closed|ended|concluded|finished|terminated)\b|^\W*this\s+concluded\s+the\s+meeting|"
    r"^\W*the\s+(?:chair(?:man|woman|person)?|mayor|president)\s+(?:closed|ended|adjourned)\s+the\s+meeting\b|"
    r"^\W*signed\b|^\W*chair(?:man|person)?\s*[:.]?\s*(?:_+|\.{3,})?\s*$",
    re.I,
)


def _closing_row(rows: list[Row], last: int) -> int:
    """The row after the minutes' closing line ("The meeting closed at ...", "Signed"): what follows
    (a signature block, annexed tables) is not part of the last item."""
    for k in range(last + 1, len(rows)):
        if _CLOSING.match(rows[k].text):
            return k + 1 if re.match(r"^\W*(?:the\s+)?meeting|^\W*this|^\W*the\s+\w+\s+(?:closed|ended|adjourned)\b", rows[k].text, re.I) else k
    return len(rows)


def _heading_like(rows: list[Row], i: int, first: bool = False) -> bool:
    """A short title-case row standing on its own between paragraphs ("Election of Chair")."""
    text = rows[i].text.strip()
    words = text.split()
    if not (1 < len(words) <= 10) or text.endswith((".", ",", ";", ":")) or _NOT_HEADING.match(text):
        return False
    if not text[:1].isupper() or ITEM_LINE.match(text):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if sum(1 for w in content if w[:1].isupper() or w[:1].isdigit()) < 0.75 * len(content):
        return False
    before = rows[i - 1].text.rstrip() if i else ""
    after = rows[i + 1].text.lstrip() if i + 1 < len(rows) else ""
    set_apart = rows[i].line.bold and not (i and rows[i - 1].line.bold)  # bold after plain text
    return ((first or set_apart or not before or before.endswith((".", ":", ")", "”", '"')) or _all_upper(before))
            and (after[:1].isupper() or after[:1].isdigit()))


def _unnumbered(rows: list[Row], lo: int, hi: int, refs: list[tuple[int, str]] = ()) -> list[tuple[int, None]]:
    """Unnumbered headings between ``lo`` and ``hi`` whose text up to the next heading records a
    decision, or that are set in bold as the numbered headings after them are: items without a ref
    (a minutes' opening "Election of Chair" or "Welcome and Introductions", one-item minutes)."""
    heads = [i for i in range(lo, hi) if _heading_like(rows, i, first=i == lo and lo > 0)]
    bold_refs = bool(refs) and sum(1 for k, _ in refs if rows[k].line.bold) >= max(2, 0.8 * len(refs))
    out = []
    for n, i in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else hi
        styled = bold_refs and lo > 0 and rows[i].line.bold and end - i >= 2 and not any(rows[k].line.bold for k in range(i + 1, end))
        if styled or any(OPENER.search(rows[k].text) for k in range(i + 1, end)):
            out.append((i, None))
    return out


def _attendance_end(rows: list[Row], hi: int) -> int:
    """The first row after the opening attendance lists (none of which can be a heading)."""
    last = -1
    for k in range(hi):
        if _ATTENDANCE_LABEL.match(rows[k].text):
            last = k
    return last + 1


_ATTENDANCE_LABEL = re.compile(r"^\W*(?:members\s+)?(?:present|apologies|in\s+attendance|also\s+present|officials?|officers?)\b", re.I)


_RUN_IN = re.compile(r"^(?P<label>[A-Z][\w&'’/,]*(?:\s+[\w&'’/,]+){0,5}?)\s*(?::|\s[–—-]|(?<=[a-z])[–—-](?=\s))\s*(?P<rest>\S.*)?$")
_SENTENCE_END = (".", ":", "!", "?", ")", "”", '"')


def _layout_heading(rows: list[Row], i: int, lo: int, first: bool = True) -> bool:
    """A row set apart as a heading: it starts a paragraph (the row before ends a sentence or is a
    heading itself) and is short, with no full stop, and either set in bold, in capitals, ending in
    a colon, or a title before a sentence; or it opens with a run-in label ("CLERK: ...",
    "Special Events – No Report")."""
    row = rows[i]
    text = row.text.strip()
    before = rows[i - 1].text.rstrip() if i > lo else ""
    after = rows[i + 1].text.lstrip() if i + 1 < len(rows) else ""
    if (i > lo and not before.endswith(_SENTENCE_END) and not _all_upper(before) and not rows[i - 1].line.bold
            and not _spaced_above(rows, i) and not (first and _layout_heading(rows, i - 1, lo, first=False))):
        return False
    if _NOT_HEADING.match(text) or re.match(r"^(?:motion|moved|seconded|respectfully|signed|date)\b", text, re.I):
        return False
    words = text.rstrip(":").split()
    whole = 1 <= len(words) <= 10 and not text.endswith((".", ",", ";")) and text[:1].isupper()
    if whole and (row.line.bold or row.emphasis or _all_upper(text) or text.endswith(":")):
        return not after[:1].islower()
    if whole and _title_like(text) and (after[:1].isupper() or after[:1].isdigit()) and len(after.split()) >= 6:
        return True
    m = _RUN_IN.match(text)
    if m and m.group("rest") is not None:
        label = m.group("label")
        if _ROLL_CALL_ENTRY.match(m.group("rest")):
            return False  # "Trustee Elton – yes, Trustee Hodge – yes": a roll call run onto a new line
        return (_all_upper(label) or all(w.lstrip("/&(")[:1].isupper() or w.lower() in _SMALL_WORDS for w in label.split())) and len(label.split()) <= 6
    return False


_ROLL_CALL_ENTRY = re.compile(r"^(?:yes|no|aye|nay|yea|absent|abstain(?:ed)?|present|recused)\b", re.I)


_BULLET = re.compile(r"^[*•·▪¢°◦‣–-]\s*(?=\S)")  # a bullet glyph (or what a text layer made of one) before a heading


_REPORT_HEAD = re.compile(r"^(?:(?:annual\s+)?reports?\s+(?:from|of|by)\s+\S|[\w'’ ]{2,40}\breports?$)", re.I)


def _trailing(rows: list[Row], refs: list[tuple[int, Optional[str]]]) -> list[tuple[int, None]]:
    """Unnumbered items after the last numbered one (matters raised at the end of the agenda): a
    run of three or more short titles, each opening a paragraph and followed by a sentence.

    A title that names a report ("Report from the Clerk", "Footpaths Officer's Report") carries on
    a run of report items whatever stands above it (a signature, a date); where such titles follow,
    the other titles after the first of them are the reports' own sections."""
    if len(refs) < 2 or any(ref is None for _, ref in refs):
        return []
    last = refs[-1][0]
    close = _closing_row(rows, last)
    heads, reports, capitals = [], [], []
    for i in range(last + 2, close):
        text = _BULLET.sub("", rows[i].text).strip()
        after = rows[i + 1].text if i + 1 < close else ""
        before = rows[i - 1].text.rstrip()
        if not _title_like(text) or _NOT_HEADING.match(text) or not (after[:1].isupper() or after[:1].isdigit()):
            continue
        sentence_after = before.endswith((".", "”", '"')) and after[:1].isupper() and len(after.split()) >= 6
        if text.endswith(":"):
            if _all_upper(text) and len(text.split()) <= 6 and sentence_after:
                capitals.append(i)  # "CHIEF EXECUTIVE'S ORDERS:" over a paragraph
        elif _REPORT_HEAD.match(text) and len(text.split()) <= 10 and (rows[i].line.bold or _all_upper(text)):
            reports.append(i)
        elif len(text.split()) <= 6 and sentence_after:
            (capitals if _all_upper(text) else heads).append(i)
    if reports:
        return [(i, None) for i in sorted([i for i in heads + capitals if i < reports[0]] + reports)]
    if len(capitals) >= 2 and len(heads) < 3:
        return [(i, None) for i in capitals]  # headings in capitals: two are a run
    heads = sorted(heads + [i for i in capitals if not rows[i].text.rstrip().endswith(":")])
    return [(i, None) for i in heads] if len(heads) >= 3 else []


_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z'’]*(?:\s+[A-Za-z'’]+){0,2}?)\s*:\s*(?P<rest>.*)$")
_SECOND_LABEL = re.compile(r"\s+[A-Z][A-Za-z'’]+(?:\s+[a-z]+)?:(?:\s|$)")


def _labelled_heads(rows: list[Row], lo: int, hi: int) -> dict[int, tuple[None, str, str]]:
    """Headings of a meeting-notes template: one label opening three or more rows at the text's
    left edge, each time with a short title after it ("Agenda item: Financial Report  Presenter:
    Susan"), the label first used before the template's other labels ("Discussion:",
    "Conclusions:"). The title runs to a second label on the row; the label may be printed without
    its colon ("Agenda Item Fundraising ..."). Returns {row: (None, title, rest of the row)}."""
    margin, _ = _text_edges(rows[lo:hi])
    if margin is None:
        return {}
    by_label: dict[str, list[int]] = {}
    for k in range(lo, hi):
        box = rows[k].line.box
        m = _LABEL.match(rows[k].text.strip())
        if m and box and box[0] <= margin + 12 and not rows[k].columns and not _ATTENDANCE_LABEL.match(rows[k].text):
            by_label.setdefault(m.group("label").lower(), []).append(k)
    for label, ks in sorted(by_label.items(), key=lambda t: t[1][0]):
        if len(ks) < 3:
            continue
        titled = {}
        for k in range(ks[0], hi):
            text = rows[k].text.strip()
            box = rows[k].line.box
            if not box or box[0] > margin + 12 or text[:len(label)].lower() != label:
                continue
            after = text[len(label):]
            if not re.match(r"^\s*:|^\s+[A-Z]", after):
                continue
            value = re.sub(r"^\s*:?\s*", "", after)
            cut = _SECOND_LABEL.search(value)
            title = value[: cut.start()].strip() if cut else value.strip()
            if not title or not _title_like(title) or len(title.split()) > 8:
                titled = {}
                break
            titled[k] = (None, title, value[cut.start():].strip() if cut else "")
        if len(titled) >= 3:
            return titled
        if titled or any(rows[k].text.strip()[len(label) + 1:].strip() for k in ks):
            return {}  # the first repeated label with a value is not a heading: no template
    return {}


def _spaced_above(rows: list[Row], i: int) -> bool:
    """A blank line's worth of space between the row and the one before it on the same page."""
    a, b = rows[i - 1].line.box, rows[i].line.box
    if not a or not b or rows[i - 1].page is not rows[i].page:
        return False
    height = b[3] - b[1]
    return height > 0 and b[1] - a[3] >= 0.8 * height


def _opening_end(rows: list[Row], depth: int = 12) -> int:
    """The row after the minutes' opening lines: the title block ends with the first row that dates
    the meeting ("Minutes from Monday, January 29 2018 ..."); no heading stands before it."""
    for k, row in enumerate(rows[:depth]):
        if textutil.parse_date(row.text, dayfirst=textutil.day_first(row.text)):
            return k + 1
    return 0


def _by_layout(rows: list[Row], lo: int, hi: int) -> list[tuple[int, None]]:
    """Unnumbered headings found by their layout, when the minutes number nothing: kept when there
    are at least two of them."""
    heads = sorted({i for i in range(lo, hi) if _layout_heading(rows, i, lo)} | set(_lettered_titles(rows, lo, hi)))
    margin, _ = _text_edges(rows[lo:hi])
    if margin is not None:
        at_margin = [i for i in heads if rows[i].line.box and rows[i].line.box[0] <= margin + 12]
        if len(at_margin) >= 0.75 * len(heads):
            heads = at_margin  # a label inside an indented block (an attendance list) is no heading
    if len(heads) < 2:
        return []
    return _lettered_heads(rows, heads)


# A lettered heading ("B. Draft Minutes ...").
_LETTER_HEAD = re.compile(r"^(?P<letter>[A-Z])\.\s+(?P<rest>\S.*)")


def _mark(row: Row) -> str:
    """The mark printed before a lettered heading, which the row's clean text drops: "*" before
    the items of a consent calendar ("*B. Draft Minutes ...")."""
    return "*" if re.match(r"^\s*\*[A-Z]\.", row.line.text) else ""


def _lettered_titles(rows: list[Row], lo: int, hi: int) -> list[int]:
    """Rows lettered in order from A ("A. ...", "*B. ...") whose text is a title in title case, a
    full stop after it or not, wrapped or not ("*A. Report from the Acting Director Highlighting
    Activities for the Months of July and / August, 2023."): runs of two or more."""
    titled = []
    for i in range(lo, hi):
        m = _LETTER_HEAD.match(rows[i].text.strip())
        if not m:
            continue
        rest = m.group("rest").strip()
        if _titled_paragraph(rows, i, rest) or _title_case_sentence(rest):
            titled.append((i, _mark(rows[i]), m.group("letter")))
    out: list[int] = []
    n = 0
    while n < len(titled):
        end = n + 1
        while (end < len(titled) and titled[end][1] == titled[n][1]
               and ord(titled[end][2]) - ord(titled[end - 1][2]) == 1):
            end += 1
        if titled[n][2] == "A" and end - n >= 2:
            out += [t[0] for t in titled[n:end]]
        n = end
    return out


def _title_case_sentence(text: str) -> bool:
    """One row of title case ended by a full stop ("Draft Minutes of the Regular Meeting of July 12, 2023.")."""
    return text.endswith(".") and _title_cased(text, 3)


def _lettered_heads(rows: list[Row], heads: list[int]) -> list[tuple[int, Optional[str]]]:
    """Layout headings with their ref where runs of two or more of them open with letters in order
    from A ("A. ...", "B. ..."): the letter as printed is the ref."""
    out: list[tuple[int, Optional[str]]] = [(i, None) for i in heads]
    marked = [m if (m := _LETTER_HEAD.match(rows[i].text)) else None for i in heads]
    letters = [m.group("letter") if m else None for m in marked]
    n = 0
    while n < len(heads):
        if letters[n] != "A":
            n += 1
            continue
        end = n + 1
        while end < len(heads) and letters[end] == chr(ord("A") + end - n) and _mark(rows[heads[end]]) == _mark(rows[heads[n]]):
            end += 1
        if end - n >= 2:
            out[n:end] = [(heads[k], _mark(rows[heads[k]]) + letters[k] + ".") for k in range(n, end)]
        n = end
    return out


def _listing_end(rows: list[Row], refs: list[tuple[int, str]]) -> Optional[int]:
    """The row after a contents list: refs on consecutive rows with no body between them (only
    short indented sub-entries), as an agenda printed before the minutes; else None."""
    if len(refs) < 3:
        return None
    bare = 0
    for (i, _), (j, _) in zip(refs, refs[1:]):
        between = rows[i + 1:j]
        if all(len(r.text.split()) <= 8 and not r.text.rstrip().endswith(".") for r in between):
            bare += 1
    if bare < 0.8 * (len(refs) - 1):
        return None
    end = refs[-1][0] + 1
    return end if end < len(rows) else None


def _outline(rows: list[Row], lo: int, hi: int) -> tuple[Optional[float], list[tuple[int, None]]]:
    """Headings found by their place in an outline: the short rows at the shallowest left edge,
    in a run of three or more, over text set deeper (unnumbered headings at the margin over
    indented or numbered paragraphs; top-level bullets over their sub-bullets). Returns the
    headings' left edge and the headings, or (None, []) when the rows do not form such an outline."""
    boxed = [(k, rows[k].line.box[0]) for k in range(lo, hi) if rows[k].line.box and not rows[k].columns]
    if len(boxed) < 6:
        return None, []
    lefts = sorted(x for _, x in boxed)
    # the smallest left edge that three rows share (within 6 points); the rows are sorted by x
    edge = next((x for k, x in enumerate(lefts[:-2]) if lefts[k + 2] <= x + 6), None)
    if edge is None:
        return None, []
    heads = [k for k, x in boxed if x <= edge + 6]
    deeper = [k for k, x in boxed if x > edge + 12]
    if len(heads) < 3 or len(deeper) < len(heads) or any(x < edge - 1 for _, x in boxed):
        return None, []
    short = [k for k in heads if len(rows[k].text.split()) <= 16 and not rows[k].text.rstrip().endswith((".", ",", ";"))
             and (rows[k].text[:1].isupper() or rows[k].text[:1].isdigit())]
    wrapped = [k for k in heads if k + 1 < hi and rows[k + 1].text[:1].islower() and k + 1 in heads]
    if len(short) < 0.8 * len(heads) or wrapped:
        return None, []
    return edge, [(k, None) for k in heads]



# --------------------------------------------------------------------------- heading style


def _underlines(page: Page) -> list[tuple[float, float, float]]:
    """(top, x0, x1) of the thin horizontal rules on a page: the strokes that underline text."""
    return [(r.box[1], r.box[0], r.box[2]) for r in page.rules if r.horizontal and r.box[3] - r.box[1] <= 2.5]


def _is_underlined(box, strokes: list[tuple[float, float, float]]) -> bool:
    """A thin rule drawn just under the box across most of its width, not much longer than the
    text (a table border runs on past it)."""
    width = box[2] - box[0]
    covered = 0.0
    for top, x0, x1 in strokes:
        if box[3] - 3 <= top <= box[3] + 4 and x1 - x0 <= 1.3 * width + 12:
            covered += max(0.0, min(x1, box[2]) - max(x0, box[0]))
    return width > 0 and covered >= 0.8 * width


def styles(rows: list[Row]) -> list[tuple[str, ...]]:
    """Per row, what sets it apart from running text: bold, underlined, in capitals, in larger
    type than the body (the most common size)."""
    strokes: dict[int, list[tuple[float, float, float]]] = {}
    sizes: dict[float, int] = {}
    for row in rows:
        for seg in row.line.segments:
            if seg.size:
                sizes[round(seg.size, 1)] = sizes.get(round(seg.size, 1), 0) + len(seg.text)
    body = max(sizes, key=lambda s: (sizes[s], -s)) if sizes else None
    out = []
    for row in rows:
        style = []
        if row.line.bold or row.emphasis:
            style.append("bold")
        box = row.line.box
        if box and row.page.rules:
            if id(row.page) not in strokes:
                strokes[id(row.page)] = _underlines(row.page)
            if _is_underlined(box, strokes[id(row.page)]):
                style.append("underline")
        if _all_upper(row.text):
            style.append("caps")
        if body and any(s.size and s.size > body * 1.15 for s in row.line.segments):
            style.append("large")
        out.append(tuple(style))
    return out


def _styles_of(rows: list[Row], picked: list[int]) -> list[tuple[str, ...]]:
    """The heading styles of the rows at ``picked`` (each judged among all the rows)."""
    style = styles(rows)
    return [style[i] for i in picked if style[i]]


def _styled_heads(rows: list[Row], lo: int, hi: int) -> list[int]:
    """Unnumbered headings set apart by one type style (bold, underlined, capitals, larger type):
    short rows at the text's left edge that open a block of plain text. Rows of each style form a
    run; the run whose first heading comes first (the top level of the minutes' outline) is kept
    when it has three or more headings, each with text under it."""
    if hi - lo < 6:
        return []
    style = styles(rows[lo:hi])
    margins = {}
    for k in range(lo, hi):
        margins.setdefault(id(rows[k].page), []).append(rows[k])
    margins = {page: _text_edges(page_rows)[0] if len(page_rows) >= 5 else _text_edges(rows[lo:hi])[0]
               for page, page_rows in margins.items()}  # a page may be set further in than the others
    runs: dict[tuple[str, ...], list[int]] = {}
    for k in range(lo, hi):
        st = style[k - lo]
        text = _BULLET.sub("", rows[k].text).strip()
        if not st or rows[k].columns or k + 1 >= hi:
            continue
        if style[k + 1 - lo] == st or (k > lo and style[k - 1 - lo] == st):
            continue  # a block set in one style (a title, a table), not a heading over text
        words = text.rstrip(":").split()
        if not (1 <= len(words) <= 12) or text.endswith((".", ",", ";")) or not (text[:1].isupper() or text[:1].isdigit()):
            continue
        if (_CLOSING.match(text) or ITEM_LINE.match(text) or re.search(r"\b(?:RESOLVED|AGREED)\b", text)
                or (_ATTENDANCE_LABEL.match(text) and not re.match(r"^\W*apologies", text, re.I))):
            continue
        box = rows[k].line.box
        margin = margins[id(rows[k].page)]
        if margin is not None and box and box[0] > margin + 12:
            continue
        runs.setdefault(st, []).append(k)
    runs = {st: ks for st, ks in runs.items() if len(ks) >= 3 and len(ks) <= 0.4 * (hi - lo)}
    if not runs:
        return []
    return min(runs.values(), key=lambda ks: ks[0])


_DASH_RUN_IN = re.compile(r"^(?P<label>\S.{2,80}?)\s[–—-]\s+(?P<rest>\S.*)$")


def split(rows: list[Row]) -> list[Item]:
    """Minute items with their heading, title and body rows."""
    refs: list = find_refs(rows)
    outline: list = []
    listing = _listing_end(rows, refs)
    if listing is not None:  # the refs are a contents list: the minutes follow it
        edge, outline = _outline(rows, listing, _closing_row(rows, listing))
        if outline:
            refs = []
    first = refs[0][0] if refs else len(rows)
    lo = _attendance_end(rows, first)
    template = _labelled_heads(rows, lo, _closing_row(rows, lo)) if not refs else {}
    decided = [(i, None) for i in template] if template else _unnumbered(rows, lo, first, refs)
    if template:
        outline = []
    elif not refs and not decided:
        lo = max(lo, _opening_end(rows), listing or 0)
        hi = _closing_row(rows, lo)
        edge, outline = _outline(rows, lo, hi)
        decided = outline or _by_layout(rows, lo, hi)  # headings by layout alone
    elif refs and not decided:
        lo = max(lo, _opening_end(rows))
        edge, outline = _outline(rows, lo, _closing_row(rows, lo))
        boxes = [rows[i].line.box for i, _ in refs]
        styled = _styled_heads(rows, lo, _closing_row(rows, lo))
        if outline and edge is not None and all(b and b[0] > edge + 12 for b in boxes) and sum(1 for i, _ in outline if i > first) >= 2:
            refs = outline  # numbered paragraphs (or sub-lists) under unnumbered headings
        elif len(styled) >= len(refs) and styled[0] < first and not any(_styles_of(rows, [i for i, _ in refs])):
            outline, refs = [], [(i, None) for i in styled]  # numbered lists inside items under styled headings
        else:
            outline = []
            refs = sorted(refs + _sections(rows, refs, styled))
    if not refs and not template and not (outline and outline is decided):
        start = max(_opening_end(rows), listing or 0)
        styled = _styled_heads(rows, start, _closing_row(rows, start))
        if styled:  # the headings' type style, not only their decisions
            style = styles(rows)
            top = style[styled[0]]
            known = dict(decided)
            decided = sorted([(i, ref) for i, ref in decided if not style[i] or style[i] == top]  # another style: a level below
                             + [(i, None) for i in styled if i not in known])
    refs = decided + refs + _trailing(rows, refs)
    outlined = {i for i, _ in outline} if outline is decided or outline is refs else set()
    close = _closing_row(rows, refs[-1][0]) if refs else len(rows)
    refs = [(i, _word_ref(rows[i].text, ref)) for i, ref in refs]
    lettered = _lettered_parts(rows, refs, close)
    lettered.update(_column_parts(rows, refs, close))
    lettered.update(template)
    taken = dict(refs)
    refs = sorted(refs + [(i, ref) for i, (ref, _, _) in lettered.items() if i not in taken])
    bold_titles = sum(1 for r in rows if r.line.bold or r.emphasis) <= 0.3 * len(rows)
    items = []
    for n, (i, ref) in enumerate(refs):
        end = refs[n + 1][0] if n + 1 < len(refs) else close
        item = Item(ref=ref, start=i)
        if i in lettered:
            _, item.title, item.inline_body = lettered[i]
            item.title_rows.append(i)
            item.body_rows.extend(range(i, end))
            items.append(item)
            continue
        _title_and_body(item, rows, i, end, bold_titles)
        run_in = _RUN_IN.match(rows[i].text.strip()) if ref is None and not rows[i].columns else None
        if ref is None and i in outlined and (dash := _DASH_RUN_IN.match(rows[i].text.strip())):
            run_in = dash  # an outline heading "Minutes approved – Z. Maiorca (motion)": title, then its text
        elif not (run_in and run_in.group("rest") and _layout_heading(rows, i, 0)) or (
                item.title and len(item.title) < len(run_in.group("label").strip())
                and item.title.split()[-1].lower() not in _SMALL_WORDS):
            run_in = None  # none, or a capitalised title shorter than the label ("ROLL CALL Present: ...")
        if run_in:
            item.title, item.inline_body = run_in.group("label").strip(), run_in.group("rest").strip()
            if i not in item.body_rows:
                item.body_rows.insert(0, i)
        items.append(item)
    _listed_parts(items)
    return items


# The business a meeting was called for, as its heading says ("... at 2.00 p.m. in order to discuss
# RTE's decision to close its Limerick studio.", "... to consider the draft budget").
_CALLED_TO = re.compile(r"\b(?:in\s+order\s+)?to\s+(?:discuss|consider|receive|review|debate|approve|adopt)\s+(?P<business>[^.;]{6,200})")


def unheaded(rows: list[Row], lists_end: int) -> Optional[Item]:
    """Minutes that head no item (a special meeting on one matter, a record in prose): their text
    after the attendance lists as one item without a ref, titled with the business the heading
    says the meeting was called for (or untitled). None when no sentence follows the lists."""
    close = _closing_row(rows, lists_end - 1)
    body = [k for k in range(lists_end, close) if rows[k].text.strip()]
    if not any(len(rows[k].text.split()) >= 8 for k in body):
        return None
    head = " ".join(r.text for r in rows[: max(lists_end, 1)][:12])
    m = _CALLED_TO.search(head)
    title = m.group("business").strip(" ,") if m else None
    return Item(ref=None, start=lists_end, body_rows=body, title=title[:1].upper() + title[1:] if title else None)


def _child_of(ref: Optional[str], parent: Optional[str]) -> bool:
    stem = (parent or "").rstrip(".:/) ")
    return bool(ref and stem and ref != parent and ref.startswith(stem) and not ref[len(stem):][:1].isdigit())


def _listed_parts(items: list[Item]) -> None:
    """Sub-items listed one a row under their heading ("4. CONSENT CALENDAR", "4-A ...", "4-B ...")
    with the text after the list: that text (the one motion taking them together) is the heading's,
    not the last sub-item's."""
    for n, parent in enumerate(items):
        kids = []
        for item in items[n + 1:]:
            if not _child_of(item.ref, parent.ref):
                break
            kids.append(item)
        if parent.ref is None:
            kids = _lettered_run(items[n + 1:])
        if len(kids) < 2 or (parent.body_rows and parent.ref is not None) or any(k.body_rows for k in kids[:-1]):
            continue
        last = kids[-1]
        parent.body_rows, last.body_rows = parent.body_rows + last.body_rows, []


def _lettered_run(items: list[Item]) -> list[Item]:
    """The items lettered in order from A that open ``items`` ("*A", "*B", ...): the parts an
    unnumbered heading lists."""
    run: list[Item] = []
    for item in items:
        if not item.ref or not re.fullmatch(r"\*?[A-Z]\.?", item.ref) or ord(item.ref.rstrip(".")[-1]) - ord("A") != len(run):
            break
        run.append(item)
    return run


def _word_ref(text: str, ref: Optional[str]) -> Optional[str]:
    """A ref that stands alone on its line with its word ("Item 3:", the title on the next line) is
    the heading as printed, "Item 3"; on a line with its title the word only labels the number."""
    if not ref:
        return ref
    m = re.fullmatch(r"\W*((?:agenda\s+)?item\s+(?:no\.?\s*)?)" + re.escape(ref.rstrip(".:")) + r"\s*[.:]?\s*", text, re.I)
    return re.sub(r"\s+", " ", m.group(1)) + ref.rstrip(".:") if m else ref


_LETTER_RUN_IN = re.compile(r"^\(?(?P<letter>[a-z])\)\s+(?P<label>[A-Z][^–—]{1,80}?)\s[–—-]\s*(?P<rest>\S.*)$")
_LETTER_ROW_HEAD = re.compile(r"^\(?(?P<letter>[a-z])\)\s+(?=\S)")


def _bold_label(row: Row) -> Optional[tuple[str, str]]:
    """(label, rest) when the row after its letter opens with bold runs and goes on in plain type."""
    segs = row.line.segments
    n = 0
    while n < len(segs) and segs[n].bold:
        n += 1
    if n == 0 or n == len(segs):
        return None
    label = " ".join(g.text for g in segs[:n]).strip()
    label = _LETTER_ROW_HEAD.sub("", label).strip(" –—-:")
    rest = " ".join(g.text for g in segs[n:]).strip(" –—-:")
    return (label, rest) if label and label[:1].isupper() and rest else None


def _lettered_parts(rows: list[Row], refs: list[tuple[int, Optional[str]]], close: int) -> dict[int, tuple[str, str, str]]:
    """Lettered sub-items inside an item that has none yet: a run "a)", "b)" ... from "a", each row
    opening with a run-in title ("a) Play Area - Nothing to report", or a bold title before plain
    text). Lettered rows that are sentences (the parts of a resolution) are not sub-items. Returns
    {row: (ref, title, text)}; the ref carries the heading's own ("7(a)"), else the letter as
    printed ("a)")."""
    out: dict[int, tuple[str, str, str]] = {}
    bounds = [i for i, _ in refs] + [close]
    for n, (start, ref) in enumerate(refs):
        end = bounds[n + 1]
        run: list[tuple[int, str, str, str]] = []
        expected = "a"
        for k in range(start + 1, end):
            text = rows[k].text.strip()
            head = _LETTER_ROW_HEAD.match(text)
            if not head or head.group("letter") != expected:
                continue
            m = _LETTER_RUN_IN.match(text)
            split = (m.group("label").strip(), m.group("rest").strip()) if m else _bold_label(rows[k])
            if split is None or len(split[0].split()) > 8:
                break
            printed = text[: head.end()].strip()
            run.append((k, printed, *split))
            expected = chr(ord(expected) + 1)
        if len(run) < 2:
            continue
        parent = (ref or "").rstrip(".:/) ")
        for k, printed, label, rest in run:
            letter = printed.strip("()")
            out[k] = (f"{parent}({letter})" if parent else printed, label, rest)
    return out


def _title_and_body(item: Item, rows: list[Row], start: int, end: int, bold_titles: bool = False) -> None:
    """The item's title rows (its heading, a title on the next row, the title's wrapped rows; bold
    rows carry a bold title on when ``bold_titles``: bold sets headings apart from the text) and
    its body rows."""
    head = rows[start]
    if head.columns and "body" in head.columns:
        _grid_item(item, rows, start, end)
        return
    rest = _mend_number(head.text)
    printed = _printed_label(item.ref, rest)
    ref_at = rest.find(printed) if printed and not ITEM_LINE.match(rest) else -1
    rest = re.sub(r"^[.:]\s*", "", rest[ref_at + len(printed):].strip()) if ref_at >= 0 else rest
    if not re.sub(r"[\W_]+", "", rest):
        rest = ""  # the ref's own punctuation ("Item 2:"): the title is on the next line
    if ITEM_LINE.match(head.text):
        rest = ""
    if item.ref is None:
        rest = _BULLET.sub("", rest)
    title_parts: list[str] = []
    body_start = start + 1
    if rest:
        upper = _upper_prefix(rest)
        if upper and upper != rest and len(rest[len(upper):].split()) >= 3:  # "CCTV Cameras" is one title
            title_parts.append(upper)
            item.title_rows.append(start)
            item.body_rows.append(start)
            item.title = upper
            _inline_body(item, rest[len(upper):])
        else:
            title_parts.append(rest)
            item.title_rows.append(start)
    j = body_start
    if item.ref and title_parts and item.title is None and _titled_paragraph(rows, start, rest):
        while j < end and not title_parts[-1].rstrip().endswith("."):  # a title in title case wrapped to its full stop
            title_parts.append(rows[j].text)
            item.title_rows.append(j)
            j += 1
        title_parts[-1] = title_parts[-1].rstrip().rstrip(".")
    elif item.ref and title_parts and item.title is None and _runs_on(rows, start, _text_edges(rows)) and not (
            _title_cased(rest, 3) and rows[start + 1].text[:1].isupper() and not _title_cased(rows[start + 1].text, 3)):
        # (a title in title case over a sentence that opens afresh is a heading, not a paragraph's first line)
        j = _paragraph_title(item, rows, start, end, rest)
    if not title_parts and j < end and (_title_like(rows[j].text) or _all_upper(rows[j].text)) and not ITEM_LINE.match(rows[j].text):
        title_parts.append(rows[j].text)
        item.title_rows.append(j)
        j += 1
    while j < end and title_parts and item.title is None and (
            _title_continues(title_parts[-1], rows[j].text, rows[j + 1].text if j + 1 < end else None)
            or (bold_titles and _bold_wrap(rows, item.title_rows[-1], j))):
        title_parts.append(rows[j].text)
        item.title_rows.append(j)
        j += 1
    if j < end and (m := ITEM_LINE.match(rows[j].text)):
        item.agenda_item = m.group("n").rstrip(".")
        j += 1
    if item.title is None and title_parts:
        title = " ".join(title_parts)
        inline = ITEM_INLINE.search(title)
        if inline:
            item.agenda_item = item.agenda_item or inline.group("n")
            title = title[: inline.start()].strip()
        item.title = _CODE_PREFIX.sub("", title.strip(" :-"))
        if item.ref and re.fullmatch(r"\d+\.\d+", item.ref):  # a part numbered afresh ("1 . June 10 ...") as 4.1
            item.title = re.sub(r"^\d{1,2}\s?[.)]\s+", "", item.title)
    item.body_rows.extend(k for k in range(j, end))
    if ITEM_LINE.match(head.text):
        item.agenda_item = ITEM_LINE.match(head.text).group("n")


# a full stop that ends a sentence: not after an initial, an abbreviation or inside a figure
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Za-z])(?<!\bno)(?<!\bNo)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bvs)(?<!\bMrs)\.[”’\"')\]]?(?=\s|$)")


def _paragraph_title(item: Item, rows: list[Row], start: int, end: int, rest: str) -> int:
    """A numbered paragraph's title: its first sentence, where the text after the ref runs on to
    the next rows (at most eight more) as one paragraph ("(05-110) Mayor Johnson presented the
    Resolution Commending Captain / Rich McWilliams ... prior to the Consent / Calendar."); a clause
    left open by "; and" ends it too. The rest of the sentence's last row opens the body. Returns
    the first row after the title."""
    parts, k = [rest], start + 1
    while not _SENTENCE_STOP.search(" ".join(parts)) and k < min(end, start + 9):
        if _REF_TOKEN.match(_mend_number(rows[k].text)):
            break
        parts.append(rows[k].text.strip())  # across a page break too: the page's furniture is gone
        k += 1
    joined = " ".join(parts)
    stop = _SENTENCE_STOP.search(joined)
    if not stop and k - start > 8:
        return start + 1  # no sentence ends within reach: the first row stands as the title
    title = joined[: stop.start()] if stop else joined
    title = re.sub(r";\s*and$", "", title.strip())
    item.title_rows[:] = list(range(start, k))
    item.title = _CODE_PREFIX.sub("", title.strip(" :-"))
    after = joined[stop.end():].strip() if stop else ""
    if after:
        item.inline_body, item.inline_row = after, k - 1
        return k - 1
    return k


def _bold_wrap(rows: list[Row], prev: int, j: int) -> bool:
    """A bold title carried on to the next row in bold: the title so far ends no sentence and the
    row is short and opens no decision."""
    a, b = rows[prev], rows[j]
    if not ((a.line.bold or a.emphasis) and (b.line.bold or b.emphasis)) or a.page is not b.page and not a.emphasis:
        return False
    text = b.text.strip("* ")
    return (not a.text.rstrip("* ").endswith((".", ":", ";")) and len(text.split()) <= 12
            and not re.match(r"^(?:RESOLVED|AGREED|DECIDED|RECOMMENDED|DECISION)\b", text) and not ITEM_LINE.match(text)
            and not _LETTER_ROW_HEAD.match(text) and not _REF_TOKEN.match(text))


def _printed_label(ref: Optional[str], text: str) -> str:
    """How the ref is printed on its heading row: itself, or the "(a)" of a lettered ref "1(a)"."""
    if not ref:
        return ""
    m = re.match(r"^\d+(\([a-z]\))$", ref)
    if m and ref not in text:
        return m.group(1)
    return ref


def _inline_body(item: Item, text: str) -> None:
    item.inline_body = text.strip() or None


def _upper_prefix(text: str) -> str:
    """The leading run of upper-case words ("WEBCASTING The meeting ..." -> "WEBCASTING")."""
    words = text.split()
    n = 0
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if w.strip(":.") in {"RESOLVED", "AGREED", "DECIDED", "RECOMMENDED"}:
            break
        if letters and not all(c.isupper() for c in letters):
            break
        n += 1
    while n and not any(c.isalpha() for c in words[n - 1]):
        n -= 1
    prefix = " ".join(words[:n])
    if n == len(words):
        return text
    # the last upper-case word may be the first word of the body ("REPORT The ..." is fine; "A" is not)
    if n and len(words[n - 1]) == 1 and words[n - 1] in {"A", "I"}:
        prefix = " ".join(words[: n - 1])
    return prefix if sum(c.isalpha() for c in prefix) >= 3 else ""


def _all_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _title_continues(prev: str, text: str, after: Optional[str] = None) -> bool:
    """A heading wrapped onto the next row: both upper case, or the next row carries on a title
    broken mid-phrase before an "(Item n)" line (``after``: the row after the next)."""
    if ITEM_LINE.match(text) or re.match(r"^(?:RESOLVED|AGREED|DECIDED|RECOMMENDED|DECISION)\b", text):
        return False
    if re.match(r"^[A-Z][A-Z ]{1,20}:", text):
        return False  # a labelled line ("RESULT: APPROVED", "PRESENT: ..."), not the title wrapped
    if after is not None and ITEM_LINE.match(after) and len(text.split()) <= 12 and not re.search(r"[.:;]$", prev):
        return True
    letters = [c for c in text if c.isalpha()]
    prev_letters = [c for c in prev if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and prev_letters and all(c.isupper() for c in prev_letters):
        return len(text.split()) <= 12
    return False


def _grid_item(item: Item, rows: list[Row], start: int, end: int) -> None:
    """A grid row: title from the title column of the rows up to the next ref, body from the body column."""
    title_parts = []
    for k in range(start, end):
        cols = rows[k].columns
        if not cols:
            item.body_rows.append(k)
            continue
        t = cols.get("title", "")
        if k == start and item.ref and not cols.get("lead") and t.startswith(item.ref):
            t = t[len(item.ref):].strip()
        if t:
            title_parts.append(t)
            item.title_rows.append(k)
        if cols.get("body") or cols.get("action"):
            item.body_rows.append(k)
    title = re.sub(r"\s+", " ", " ".join(title_parts)).strip()
    title = re.sub(r"(\w)- (\w)", r"\1\2", title)
    item.title = title or None


def body_text(item: Item, rows: list[Row]) -> list[tuple[str, Row]]:
    """The item's body as (text, row) pairs, grid columns reduced to the body column."""
    out = []
    inline = item.inline_body
    grid_body = any("body" in rows[k].columns for k in item.body_rows)
    at = item.start if item.inline_row is None else item.inline_row
    if inline:
        out.append((inline, rows[at]))
    for k in item.body_rows:
        if k == at and inline:
            continue
        row = rows[k]
        if row.columns and "body" in row.columns:
            text = row.columns.get("body", "")
        elif row.columns and grid_body:
            text = ""  # a row of a grid with a body column that carries on only its title or action cells
        else:
            text = row.text
        if text:
            out.append((text, row))
    return out
