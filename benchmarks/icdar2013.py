"""ICDAR 2013 table competition: detection and structure, Scrutiny beside camelot and pdfplumber.

For every document in ../shared/corpus/tables/icdar2013 (PDF, -reg.xml table regions, -str.xml
cell structure) the pages that hold a gold table are copied into one small PDF, and every tool
reads exactly those pages:

- ``scrutiny``: ingest + the table stage; every table in ``Extraction.tables`` with its bbox and rows;
- ``camelot-stream`` and ``camelot-lattice``: ``camelot.read_pdf(flavor=...)``;
- ``pdfplumber``: ``page.find_tables()`` with its default (line) settings.

Detection: a gold region is found when a predicted table on its page overlaps it with IoU >= 0.5
(one to one); precision, recall and F1 over regions. Structure: the competition's adjacency
relations (each non-empty cell to the next non-empty cell to its right and below it, spanning
cells included; contents compared with white space removed and case folded); each gold region is
compared with the predicted table that overlaps it most (a region no table overlaps contributes
all its relations as misses); precision, recall and F1 pooled over all relations. Pages/second is
pages read divided by the tool's wall time (imports excluded, each tool one pass).

    python benchmarks/icdar2013.py            # prints the table, writes benchmarks/icdar2013.md
    python benchmarks/icdar2013.py --limit 10 # the first ten documents only
    python benchmarks/icdar2013.py --by-kind  # also a row per tool and kind of page (ruled/unruled)
    python benchmarks/icdar2013.py --tools scrutiny --regions  # a line per gold region: where relations are lost
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "corpus" / "tables" / "icdar2013"
TOOLS = ("scrutiny", "camelot-stream", "camelot-lattice", "pdfplumber")

Box = tuple[float, float, float, float]  # x0, top, x1, bottom, top-left origin


@dataclass
class Region:
    page: int  # 1-based page in the original PDF
    box: Box
    relations: Counter = field(default_factory=Counter)
    ruled: bool = False


@dataclass
class Found:
    page: int  # 1-based page in the subset PDF
    box: Box
    rows: list[list[str]]


# --------------------------------------------------------------------------- gold


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text or "").casefold()


def relations(cells: list[tuple[int, int, int, int, str]]) -> Counter:
    """Adjacency relations of a grid given as (start_row, start_col, end_row, end_col, text):
    for every row, consecutive distinct non-empty cells (horizontal); for every column, the same
    downwards (vertical)."""
    at: dict[tuple[int, int], int] = {}
    texts = []
    for i, (r0, c0, r1, c1, text) in enumerate(cells):
        texts.append(_norm(text))
        if not texts[-1]:
            continue
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                at[(r, c)] = i
    pairs: set[tuple[int, int, str]] = set()  # a spanning cell meets a neighbour once, on however many rows
    rows = sorted({r for r, _ in at})
    cols = sorted({c for _, c in at})
    for r in rows:
        seq = [at[(r, c)] for c in cols if (r, c) in at]
        pairs.update((a, b, "h") for a, b in zip(seq, seq[1:]) if a != b)
    for c in cols:
        seq = [at[(r, c)] for r in rows if (r, c) in at]
        pairs.update((a, b, "v") for a, b in zip(seq, seq[1:]) if a != b)
    return Counter((texts[a], texts[b], d) for a, b, d in pairs)


def grid_relations(rows: list[list[str]]) -> Counter:
    cells = [(r, c, r, c, t or "") for r, row in enumerate(rows) for c, t in enumerate(row)]
    return relations(cells)


def _num(text: str) -> float:
    """A coordinate as printed in the gold XML (one file has a stray letter: '26ß')."""
    return float(re.sub(r"[^\d.\-]", "", text))


def gold_regions(stem: str) -> list[Region]:
    """Regions with their relations from -str.xml; page heights from the PDF (the XML's y runs
    up from the bottom of the page)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(DATA / f"{stem}.pdf"))
    heights = [doc[i].get_size()[1] for i in range(len(doc))]
    doc.close()
    out = []
    for table in ET.parse(DATA / f"{stem}-str.xml").getroot().iter("table"):
        for region in table.iter("region"):
            page = int(region.get("page"))
            cells = []
            xs0, ys0, xs1, ys1 = [], [], [], []
            for cell in region.iter("cell"):
                r0, c0 = int(cell.get("start-row")), int(cell.get("start-col"))
                r1, c1 = int(cell.get("end-row", r0)), int(cell.get("end-col", c0))
                cells.append((r0, c0, r1, c1, cell.findtext("content") or ""))
                bb = cell.find("bounding-box")
                if bb is not None:
                    xs0.append(_num(bb.get("x1"))); xs1.append(_num(bb.get("x2")))
                    ys0.append(_num(bb.get("y1"))); ys1.append(_num(bb.get("y2")))
            h = heights[page - 1]
            box = (min(xs0), h - max(ys1), max(xs1), h - min(ys0)) if xs0 else (0, 0, 0, 0)
            out.append(Region(page, box, relations(cells)))
    # the region file's boxes are the table's extent (cells' boxes hug their text)
    reg = [r for t in ET.parse(DATA / f"{stem}-reg.xml").getroot().iter("table") for r in t.iter("region")]
    if len(reg) == len(out):
        for region, r in zip(out, reg):
            bb = r.find("bounding-box")
            h = heights[region.page - 1]
            region.box = (_num(bb.get("x1")), h - _num(bb.get("y2")), _num(bb.get("x2")), h - _num(bb.get("y1")))
    return out


# --------------------------------------------------------------------------- tools


def subset(stem: str, pages: list[int], folder: Path) -> Path:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(DATA / f"{stem}.pdf"))
    dst = pdfium.PdfDocument.new()
    dst.import_pages(src, [p - 1 for p in pages])
    path = folder / f"{stem}.pdf"
    dst.save(str(path))
    dst.close()
    src.close()
    return path


def run_scrutiny(path: Path) -> list[Found]:
    from scrutiny.extractor import ingest, tables
    from scrutiny.extractor.context import Context
    from scrutiny.models.records import Extraction, Pack

    source = ingest.load(str(path))
    out = Extraction(pack=Pack(source=source.name, sha256=source.sha256, format=source.format,
                               page_count=len(source.pages), extractor_version="bench"))
    tables.extract(Context(source), out)
    return [Found(t.pages[0], tuple(t.bbox), [[c or "" for c in r] for r in t.rows]) for t in out.tables if t.bbox and t.pages]


def run_camelot(path: Path, flavor: str) -> list[Found]:
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = camelot.read_pdf(str(path), pages="all", flavor=flavor)
        except Exception as exc:  # noqa: BLE001 - a tool failing on a file finds nothing there
            print(f"  camelot {flavor} failed on {path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return []
    out = []
    for t in found:
        x0, y0, x1, y1 = t._bbox  # PDF space, bottom-left origin
        h = _height(path, int(t.page))
        out.append(Found(int(t.page), (x0, h - y1, x1, h - y0), t.df.astype(str).values.tolist()))
    return out


_HEIGHTS: dict[tuple[str, int], float] = {}


def _height(path: Path, page: int) -> float:
    key = (str(path), page)
    if key not in _HEIGHTS:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(path))
        for i in range(len(doc)):
            _HEIGHTS[(str(path), i + 1)] = doc[i].get_size()[1]
        doc.close()
    return _HEIGHTS[key]


def run_pdfplumber(path: Path) -> list[Found]:
    import pdfplumber

    out = []
    with pdfplumber.open(str(path)) as pdf:
        for i, page in enumerate(pdf.pages, 1):
            for t in page.find_tables():
                out.append(Found(i, tuple(t.bbox), [[c or "" for c in r] for r in t.extract()]))
    return out


RUNNERS = {
    "scrutiny": run_scrutiny,
    "camelot-stream": lambda p: run_camelot(p, "stream"),
    "camelot-lattice": lambda p: run_camelot(p, "lattice"),
    "pdfplumber": run_pdfplumber,
}


# --------------------------------------------------------------------------- scoring


def iou(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


@dataclass
class Score:
    regions: int = 0
    predicted: int = 0
    detected: int = 0
    gold_rel: int = 0
    pred_rel: int = 0
    hit_rel: int = 0
    pages: int = 0
    seconds: float = 0.0

    def add(self, other: "Score") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score(regions: list[Region], found: list[Found], page_of: dict[int, int]) -> Score:
    s = Score(regions=len(regions), predicted=len(found))
    pairs = sorted(((iou(r.box, f.box), i, j) for i, r in enumerate(regions) for j, f in enumerate(found)
                    if page_of[r.page] == f.page), reverse=True)
    used_r, used_f = set(), set()
    for value, i, j in pairs:
        if value >= 0.5 and i not in used_r and j not in used_f:
            used_r.add(i); used_f.add(j)
            s.detected += 1
    for i, r in enumerate(regions):
        s.gold_rel += sum(r.relations.values())
        best = max(((iou(r.box, f.box), j) for j, f in enumerate(found) if page_of[r.page] == f.page), default=(0.0, None))
        if best[1] is None or best[0] <= 0.0:
            continue
        pred = grid_relations(found[best[1]].rows)
        s.pred_rel += sum(pred.values())
        s.hit_rel += sum((pred & r.relations).values())
    return s


def prf(hit: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ruled_pages(path: Path) -> dict[int, bool]:
    """Which subset pages draw ruling lines (the kind of page a tool may be better on)."""
    from scrutiny.extractor import ingest

    source = ingest.load(str(path))
    return {p.index: sum(1 for r in p.rules if r.box[2] - r.box[0] > 20 or r.box[3] - r.box[1] > 20) >= 4 for p in source.pages}


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--by-kind", action="store_true")
    ap.add_argument("--regions", action="store_true",
                    help="print a line per gold region and tool (page, best IoU, relations hit/gold/predicted) to stderr")
    ap.add_argument("--only", default="", help="comma-separated document stems (e.g. icdar2013_eu-004) to read alone")
    ap.add_argument("-o", "--output", default=str(ROOT / "benchmarks" / "icdar2013.md"))
    args = ap.parse_args()
    tools = args.tools.split(",")
    stems = sorted(p.stem for p in DATA.glob("*.pdf"))
    if args.only:
        stems = [s for s in stems if s in args.only.split(",")]
    if args.limit:
        stems = stems[:args.limit]
    # imports before any clock starts
    import camelot  # noqa: F401
    import pdfplumber  # noqa: F401

    from scrutiny.extractor import ingest, tables  # noqa: F401

    totals = {t: Score() for t in tools}
    kinds = {(t, k): Score() for t in tools for k in ("ruled", "unruled")}
    with tempfile.TemporaryDirectory() as tmp:
        for stem in stems:
            regions = gold_regions(stem)
            pages = sorted({r.page for r in regions})
            page_of = {p: i + 1 for i, p in enumerate(pages)}
            path = subset(stem, pages, Path(tmp))
            ruled = ruled_pages(path) if args.by_kind else {}
            for tool in tools:
                start = time.perf_counter()
                found = RUNNERS[tool](path)
                elapsed = time.perf_counter() - start
                s = score(regions, found, page_of)
                s.pages, s.seconds = len(pages), elapsed
                totals[tool].add(s)
                if args.regions:
                    for region in regions:
                        one = score([region], found, page_of)
                        best = max((iou(region.box, f.box) for f in found if f.page == page_of[region.page]), default=0.0)
                        print(f"  {tool} {stem} p{region.page} iou {best:.2f} rel {one.hit_rel}/{one.gold_rel}/{one.pred_rel} "
                              f"lost {one.gold_rel - one.hit_rel}", file=sys.stderr)
                if args.by_kind:
                    for kind in ("ruled", "unruled"):
                        sub = [r for r in regions if ruled.get(page_of[r.page]) == (kind == "ruled")]
                        subpages = {page_of[r.page] for r in sub}
                        if sub:
                            ks = score(sub, [f for f in found if f.page in subpages], page_of)
                            kinds[(tool, kind)].add(ks)
            print(f"{stem}: " + "  ".join(f"{t} {prf(totals[t].hit_rel, totals[t].gold_rel, totals[t].pred_rel)[2]:.2f}"
                                          for t in tools), file=sys.stderr)
    lines = [
        "# ICDAR 2013 table competition: Scrutiny beside camelot and pdfplumber",
        "",
        f"{len(stems)} documents from `../shared/corpus/tables/icdar2013`, the pages holding a gold table only. "
        "Regenerate with `python benchmarks/icdar2013.py`.",
        "Detection: gold regions matched one to one by a predicted table with IoU >= 0.5. Structure: the competition's "
        "adjacency relations (white space removed, case folded), each gold region against the predicted table that "
        "overlaps it most; pooled over all relations.",
        "",
        "| tool | regions | predicted | detect P | detect R | detect F1 | struct P | struct R | struct F1 | pages/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for tool in tools:
        s = totals[tool]
        dp, dr, df = prf(s.detected, s.regions, s.predicted)
        sp, sr, sf = prf(s.hit_rel, s.gold_rel, s.pred_rel)
        lines.append(f"| {tool} | {s.regions} | {s.predicted} | {dp:.2f} | {dr:.2f} | {df:.2f} | {sp:.2f} | {sr:.2f} | {sf:.2f} | "
                     f"{s.pages / s.seconds if s.seconds else 0:.1f} |")
    if args.by_kind:
        lines += ["", "By kind of page (ruled: four or more ruling lines longer than 20pt on the page):", "",
                  "| tool | kind | regions | detect F1 | struct F1 |", "|---|---|---:|---:|---:|"]
        for (tool, kind), s in kinds.items():
            lines.append(f"| {tool} | {kind} | {s.regions} | {prf(s.detected, s.regions, s.predicted)[2]:.2f} | "
                         f"{prf(s.hit_rel, s.gold_rel, s.pred_rel)[2]:.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.limit and not args.only:
        Path(args.output).write_text(text)


if __name__ == "__main__":
    main()
