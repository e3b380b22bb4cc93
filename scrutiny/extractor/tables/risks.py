"""Risk registers and risk assessments: one Risk per row.

The header names the columns in the register's own words (kinds.RISK_REGISTER); the columns'
content settles what the words leave open: a column of H/M/L letters or small numbers is the
rating (though its header says 'Risk (H/M/L)'), a column of sentences the controls, short labels
printed once over several rows down the left the theme (an area, a topic). A value printed once for
a run of rows (a merged cell) is carried down to every row it spans, across a page break too, and
stops where a rule closes the cell. A row that holds only a number and a label (a section row,
'1. Finances') is no risk.
"""

from __future__ import annotations

from typing import Optional

from scrutiny.extractor.tables.columns import content
from scrutiny.extractor.tables.grid import Row, closed_above
from scrutiny.extractor.tables.kinds import Layout

CARRIED = ("ref", "theme")


def resolve(layout: Layout, texts: list[list[str]]) -> dict[str, int]:
    """Field -> column index, from the header words corrected by what the columns hold."""
    cols = dict(layout.columns)
    width = max([len(layout.header)] + [len(t) for t in texts])
    profile = {i: content([t[i] if i < len(t) else "" for t in texts]) for i in range(width)}
    kind = {i: p.kind for i, p in profile.items()}
    # A rating is what a column of ratings holds, whatever its header says.
    ratings = [i for i in range(width) if kind[i] == "rating" and i not in (cols.get("ref"), cols.get("controls"))]
    if ratings and kind.get(cols.get("rating", -1)) != "rating":
        cols["rating"] = ratings[0]
    if cols.get("title") is not None and kind.get(cols["title"]) in ("rating", "empty"):
        rest = [i for i in range(width) if kind[i] in ("sentences", "labels") and i not in cols.values()]
        if rest:
            cols["title"] = rest[0]
    taken = set(cols.values())
    if "controls" not in cols:
        prose = [i for i in range(width) if i not in taken and kind[i] == "sentences"]
        if prose:
            cols["controls"] = max(prose, key=lambda i: profile[i].words)
    title = cols.get("title", 0)
    if "theme" not in cols:
        left = [i for i in range(title) if i not in taken and kind[i] == "labels" and profile[i].carried]
        if left:
            cols["theme"] = left[0]
    if "ref" not in cols:
        refs = [i for i in range(title) if i not in set(cols.values()) and kind[i] == "ref"]
        if refs:
            cols["ref"] = refs[0]
    if "lead" in cols and kind[cols["lead"]] == "sentences":
        del cols["lead"]  # an 'Action' column of sentences says what is done, not who does it
    return cols


def rows_to_risks(rows: list[Row], edges: list[list[float]], layout: Layout) -> list[dict]:
    texts = [r.texts() for r in rows]
    cols = resolve(layout, texts)
    out: list[dict] = []
    carried: dict[str, Optional[str]] = {name: None for name in CARRIED}
    last_page = None
    for row, t, xs in zip(rows, texts, edges):
        def get(name: str) -> str:
            i = cols.get(name)
            return t[i].strip() if i is not None and i < len(t) else ""

        if not any(x.strip() for x in t):
            continue
        title, controls, rating = get("title"), get("controls"), get("rating")
        if not title and not controls and not rating:
            # a section row ('1. Finances'): no risk, and nothing above it runs on below it
            carried = {name: None for name in CARRIED}
            continue
        values = {}
        for name in CARRIED:
            value = get(name)
            if value:
                carried[name] = value
            elif name in cols and (row.page is last_page or last_page is None) and closed_above(row, xs, cols[name]):
                carried[name] = None
            values[name] = value or carried[name]
        last_page = row.page
        if not title and out and not values["ref"] and not values["theme"]:
            prev = out[-1]  # a risk's text running on into the next row band
            prev["controls"] = " ".join(x for x in (prev["controls"], controls) if x) or None
            prev["rows"].append(row)
            continue
        out.append({
            "ref": values["ref"] or None, "title": title or None, "theme": values["theme"] or None,
            "controls": controls or None, "rating": rating or None, "lead": get("lead") or None, "rows": [row],
        })
    return out
