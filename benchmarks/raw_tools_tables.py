"""What the raw tools give on the reference PDF pack, next to Scrutiny's table stage.

Counts the milestone rows that come out of ``camelot.read_pdf(pages='all', flavor='lattice')`` and
of pdfplumber's ``extract_tables`` read with pandas, and how many of them are correct against the
gold milestones (a row counts as correct when its Milestones cell matches a gold milestone's text at
RapidFuzz ratio >= 90 and its due date equals the gold due date). Also prints pages/second for
pdfplumber's bare ``extract_text``, for the raw table tools, and for Scrutiny (ingest + tables) on
the table pages and on the whole pack.

Run: python3 benchmarks/raw_tools_tables.py
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
PDF = SHARED / "packs" / "haringey-osc-2009-12-03.pdf"
GOLD = SHARED / "gold" / "haringey-osc-2009-12-03.gold.json"


def gold_milestones() -> list[dict]:
    return json.loads(GOLD.read_text())["milestones"]


def milestone_rows(frames) -> list[tuple[str, str]]:
    """(milestone text, due text) from every data frame whose header names a Milestones column."""
    rows = []
    for df in frames:
        header = [str(c).replace("\n", " ").strip().lower() for c in df.iloc[0]]
        if "milestones" not in header:
            continue
        m, due = header.index("milestones"), next((i for i, h in enumerate(header) if h.startswith("due")), None)
        for _, r in df.iloc[1:].iterrows():
            text = str(r.iloc[m] or "").replace("\n", " ").strip()
            if text and text.lower() != "milestones":
                rows.append((text, str(r.iloc[due] or "").replace("\n", " ").strip() if due is not None else ""))
    return rows


def correct(rows: list[tuple[str, str]], gold: list[dict]) -> int:
    from rapidfuzz import fuzz

    from scrutiny.extractor.textutil import normalise, parse_date

    free = list(gold)
    hits = 0
    for text, due in rows:
        best = max(free, key=lambda g: fuzz.ratio(normalise(g["text"]), normalise(text)), default=None)
        if best and fuzz.ratio(normalise(best["text"]), normalise(text)) >= 90 and (due if due[:4].isdigit() else parse_date(due)) == best["due"]:
            hits += 1
            free.remove(best)
    return hits


def camelot_frames():
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [t.df for t in camelot.read_pdf(str(PDF), pages="all", flavor="lattice")]


def pdfplumber_frames(pages=None):
    import pandas as pd
    import pdfplumber

    frames = []
    with pdfplumber.open(str(PDF)) as pdf:
        for page in pdf.pages if pages is None else [pdf.pages[i - 1] for i in pages]:
            for table in page.extract_tables():
                frames.append(pd.DataFrame(table).fillna(""))
    return frames


def bare_text(pages=None) -> None:
    import pdfplumber

    with pdfplumber.open(str(PDF)) as pdf:
        for page in pdf.pages if pages is None else [pdf.pages[i - 1] for i in pages]:
            page.extract_text()


def scrutiny():
    from scrutiny.extractor import ingest, tables
    from scrutiny.extractor.context import Context
    from scrutiny.models.records import Extraction, Pack

    source = ingest.load(str(PDF))
    out = Extraction(pack=Pack(source=source.name, sha256=source.sha256, format="pdf",
                               page_count=len(source.pages), extractor_version="bench"))
    tables.extract(Context(source), out)
    return source, out


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def main() -> None:
    gold = gold_milestones()
    (source, out), t_ours = timed(scrutiny)
    table_pages = sorted({r.provenance.page for r in [*out.milestones, *out.exceptions, *out.indicators, *out.glossary]})
    n_all, n_tab = len(source.pages), len(table_pages)
    frames_c, t_cam = timed(camelot_frames)
    frames_p, t_plumb = timed(pdfplumber_frames)
    _, t_text_all = timed(bare_text)
    _, t_text_tab = timed(bare_text, table_pages)
    _, t_plumb_tab = timed(pdfplumber_frames, table_pages)
    rows_c, rows_p = milestone_rows(frames_c), milestone_rows(frames_p)
    ours = [(m.text, m.due or "") for m in out.milestones]
    ours_ok = correct(ours, gold)
    print(f"gold milestones: {len(gold)}")
    print(f"{'tool':42s} {'rows':>5s} {'correct':>8s}")
    print(f"{'camelot lattice (pages=all)':42s} {len(rows_c):5d} {correct(rows_c, gold):8d}")
    print(f"{'pdfplumber extract_tables + pandas':42s} {len(rows_p):5d} {correct(rows_p, gold):8d}")
    print(f"{'scrutiny tables stage':42s} {len(ours):5d} {ours_ok:8d}")
    print()
    print(f"pages: whole pack {n_all}, table pages {n_tab}")
    print(f"{'pass':42s} {'seconds':>8s} {'pages/s':>8s}")
    for name, secs, n in [
        ("pdfplumber extract_text, whole pack", t_text_all, n_all),
        ("pdfplumber extract_text, table pages", t_text_tab, n_tab),
        ("pdfplumber extract_tables, table pages", t_plumb_tab, n_tab),
        ("pdfplumber extract_tables, whole pack", t_plumb, n_all),
        ("camelot lattice, whole pack", t_cam, n_all),
        ("scrutiny ingest + tables, whole pack", t_ours, n_all),
    ]:
        print(f"{name:42s} {secs:8.2f} {n / secs:8.1f}")


if __name__ == "__main__":
    main()
