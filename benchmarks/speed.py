"""Speed as a user feels it: whole `scrutiny extract` processes beside pdfplumber's and pypdfium2's
bare text passes over the same file, and `scrutiny batch` throughput with 1 and 2 workers.

Every figure is a whole process, start-up included, timed from outside. For each PDF the three
commands run in turn (scrutiny, pdfplumber, pypdfium2, scrutiny, ...) so that a machine whose speed
drifts slows all three alike; the report gives medians, the median of the per-round ratios, each
command's peak memory (the child's ru_maxrss), and the per-stage split of one instrumented
in-process run (imports, ingest, then each pipeline stage, serialise).

    python benchmarks/speed.py                   # the default PDFs, 3 rounds, writes benchmarks/speed.md
    python benchmarks/speed.py --rounds 5 A.pdf B.pdf --no-write
    python benchmarks/speed.py --batch 100       # batch throughput over the first 100 corpus documents
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MEETINGS = SHARED / "corpus" / "meetings"
DEFAULT_PDFS = [
    SHARED / "packs" / "haringey-osc-2009-12-03.pdf",
    MEETINGS / "uk_scot_community" / "ayton_cc_2021-07-06_minutes.pdf",
    MEETINGS / "us_minutes" / "crete_township_2024-10-09_board-minutes.pdf",
    MEETINGS / "uk_parish_town" / "souldern_pc_2024-01-25_minutes.pdf",
    MEETINGS / "uk_central_gov" / "transparency_board_2011-03-02_minutes.pdf",
    MEETINGS / "uk_kent_cc" / "kcc_full_council_2025-03-13_CPP_Minutes_10.12.24.pdf",
    MEETINGS / "uk_kent_cc" / "kcc_cabinet_2025-01-30_Minutes_of_the_meeting_held_on_9th_January_2025.pdf",
    MEETINGS / "uk_kent_cc" / "kcc_full_council_2025-01-09_Printed_minutes_09th-Jan-2025_10.00_County_Council.pdf",
    MEETINGS / "uk_kent_cc" / "kcc_cabinet_2025-01-30_Appendix_I_Budget_Risk_Register_22.01.25.pdf",
    MEETINGS / "us_minutes" / "alameda_city_council_2005-03-15_minutes.pdf",
    MEETINGS / "uk_kent_cc" / "kcc_full_council_2025-02-13_Appendix_M_-_Treasury_Management_Strategy_2025-26.pdf",
    MEETINGS / "uk_kent_cc" / "kcc_cabinet_2025-01-30_24-00108_-_Finance_Monitoring_Report_-_Q3_-_November_2024-25.pdf",
    MEETINGS / "uk_kent_cc" / "kcc_cabinet_2025-03-04_QPR_Q3_Cabinet_appendix_1.pdf",
    MEETINGS / "uk_kent_cc" / "kcc_cabinet_2025-01-30_24-00115_-_Appendix_A_-_Current_Health_wellbeing_activity_within_KCC.pdf",
]
PDFPLUMBER = ("import sys, pdfplumber\n"
              "with pdfplumber.open(sys.argv[1]) as pdf:\n"
              "    for page in pdf.pages:\n"
              "        page.extract_text()\n"
              "        page.close()\n")
PDFIUM = ("import sys, pypdfium2 as pdfium\n"
          "doc = pdfium.PdfDocument(sys.argv[1])\n"
          "for page in doc:\n"
          "    page.get_textpage().get_text_range()\n")
STAGES = """
import json, sys, time
t0 = time.perf_counter()
from scrutiny.extractor import ingest, pipeline
t1 = time.perf_counter()
split = {"imports": t1 - t0}
original = pipeline._stage
def timed(ctx, out, name, fn):
    start = time.perf_counter()
    original(ctx, out, name, fn)
    split[name] = split.get(name, 0.0) + time.perf_counter() - start
pipeline._stage = timed
start = time.perf_counter()
source = ingest.load(sys.argv[1])
split["ingest"] = time.perf_counter() - start
result = pipeline.extract(source)
start = time.perf_counter()
pipeline.to_json(result)
split["serialise"] = time.perf_counter() - start
print(json.dumps({"pages": len(source.pages), "split": split}))
"""


def run(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak MB, exit code) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def scrutiny_cmd() -> list[str]:
    return [sys.executable, "-m", "scrutiny.cli"]


def bench_pdf(path: Path, rounds: int, out_dir: Path) -> dict:
    commands = {
        "scrutiny": scrutiny_cmd() + ["extract", str(path), "-o", str(out_dir / "out.json")],
        "pdfplumber": [sys.executable, "-c", PDFPLUMBER, str(path)],
        "pypdfium2": [sys.executable, "-c", PDFIUM, str(path)],
    }
    runs: dict[str, list[tuple[float, float, int]]] = {k: [] for k in commands}
    for _ in range(rounds + 1):  # the first round warms the file cache and is not counted
        for name, cmd in commands.items():
            runs[name].append(run(cmd))
    runs = {k: v[1:] for k, v in runs.items()}
    row: dict = {"file": path.name, "failed": sorted(k for k, v in runs.items() if any(r[2] for r in v))}
    for name, values in runs.items():
        row[name] = {"median_s": statistics.median(r[0] for r in values), "peak_mb": max(r[1] for r in values)}
    ratios = [a[0] / b[0] for a, b in zip(runs["scrutiny"], runs["pdfplumber"])]
    row["ratio"] = statistics.median(ratios)
    done = subprocess.run([sys.executable, "-c", STAGES, str(path)], capture_output=True, text=True, cwd=ROOT)
    stages = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {"pages": None, "split": {}}
    row["pages"] = stages["pages"]
    row["split"] = stages["split"]
    return row


def bench_batch(count: int, out_dir: Path) -> list[dict]:
    """`scrutiny batch` over the first ``count`` corpus documents (manifest order) with 1 and 2 workers."""
    manifest = SHARED / "corpus" / "MANIFEST.tsv"
    docs = []
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 5 and cols[0].startswith("meetings/") and not cols[0].startswith("meetings/_"):
            docs.append(SHARED / "corpus" / cols[0])
    docs = [d for d in docs if d.is_file()][:count]
    listing = out_dir / "batch-inputs"
    listing.mkdir()
    for i, doc in enumerate(docs):
        (listing / f"{i:04d}-{doc.name}").symlink_to(doc)
    pages = 0
    rows = []
    for workers in (1, 2):
        target = out_dir / f"batch-{workers}"
        wall, peak, code = run(scrutiny_cmd() + ["batch", str(listing), "-o", str(target), "-j", str(workers)])
        if not pages:
            for out in target.glob("*.json"):
                try:
                    pages += json.loads(out.read_text(encoding="utf-8"))["pack"]["page_count"]
                except (ValueError, KeyError):
                    pass
        rows.append({"workers": workers, "packs": len(docs), "pages": pages, "wall_s": wall,
                     "packs_per_s": len(docs) / wall, "pages_per_s": pages / wall, "exit": code})
    return rows


def table(rows: list[dict]) -> str:
    stages = ["imports", "ingest", "segment", "front", "covers", "tables", "minutes", "people", "checks", "serialise"]
    seen = [s for s in stages if any(s in r["split"] for r in rows)]
    seen += sorted({k for r in rows for k in r["split"]} - set(seen))
    head = ("| file | pages | scrutiny s | pdfplumber s | pypdfium2 s | ratio | peak MB | "
            + " | ".join(seen) + " |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        split = " | ".join(f"{r['split'][s]:.2f}" if s in r["split"] else "" for s in seen)
        failed = f" (failed: {', '.join(r['failed'])})" if r["failed"] else ""
        lines.append(f"| {r['file'][:60]}{failed} | {r['pages']} | {r['scrutiny']['median_s']:.2f} | "
                     f"{r['pdfplumber']['median_s']:.2f} | {r['pypdfium2']['median_s']:.2f} | {r['ratio']:.2f} | "
                     f"{r['scrutiny']['peak_mb']:.0f} | {split} |")
    return "\n".join(lines)


def batch_table(rows: list[dict]) -> str:
    lines = ["| workers | packs | pages | wall s | packs/s | pages/s | speed-up | exit |", "|---|---|---|---|---|---|---|---|"]
    base = rows[0]["wall_s"] if rows else None
    for r in rows:
        lines.append(f"| {r['workers']} | {r['packs']} | {r['pages']} | {r['wall_s']:.1f} | {r['packs_per_s']:.2f} | "
                     f"{r['pages_per_s']:.1f} | {base / r['wall_s']:.2f} | {r['exit']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDFs to time (default: the reference pack and 13 corpus PDFs).")
    parser.add_argument("--rounds", type=int, default=3, help="Counted rounds per PDF (median is reported).")
    parser.add_argument("--batch", type=int, default=0, metavar="N", help="Also time `scrutiny batch` over N corpus documents.")
    parser.add_argument("--no-write", action="store_true", help="Print only; do not write benchmarks/speed.md.")
    args = parser.parse_args(argv)
    pdfs = args.pdfs or [p for p in DEFAULT_PDFS if p.is_file()]
    rows, batch = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for path in pdfs:
            rows.append(bench_pdf(path, args.rounds, Path(tmp)))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
        if args.batch:
            batch = bench_batch(args.batch, Path(tmp))
    report = ["# Speed, whole process", "",
              f"{time.strftime('%Y-%m-%d', time.gmtime())}, {os.cpu_count()} cores; median of {args.rounds} rounds, "
              "each running the three commands in turn after one warm-up round. `ratio` = scrutiny / pdfplumber, "
              "the median of the per-round ratios. Stage seconds are one instrumented in-process run.", "",
              table(rows)]
    if batch:
        report += ["", "## Batch", "", batch_table(batch)]
    text = "\n".join(report) + "\n"
    print(text)
    if not args.no_write:
        (ROOT / "benchmarks" / "speed.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
