"""Speed and memory of the full Scrutiny pipeline against pdfplumber's bare text extraction.

For each PDF: our pipeline (ingest.load + pipeline.extract + to_json, in-process) and pdfplumber's
``page.extract_text()`` over the same pages. Every number comes from a fresh subprocess per
measurement: one for the times and ru_maxrss, one for the tracemalloc peak (tracing slows the code
down, so it is never timed). Imports happen before the clock starts.

    python3 benchmarks/bench.py                      # the default PDFs
    python3 benchmarks/bench.py PACK.pdf --pages 5-36 --repeat 5

``--pages`` times a subset (e.g. the table pages): the pages are copied into a temporary PDF that
both tools then read whole, so they see exactly the same pages.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KENT = SHARED / "corpus" / "meetings" / "uk_kent_cc"
DEFAULT_PDFS = [
    SHARED / "packs" / "haringey-osc-2009-12-03.pdf",
    KENT / "kcc_cabinet_2025-03-13_Public_reports_pack_13th-Mar-2025_15.00_Cabinet.pdf",
    KENT / "kcc_cabinet_2025-03-04_QPR_Q3_Cabinet_appendix_1.pdf",
    KENT / "kcc_full_council_2025-01-09_Printed_minutes_09th-Jan-2025_10.00_County_Council.pdf",
]
TOOLS = ("scrutiny", "pdfplumber")
PIPELINE_MODULES = ("agenda", "cover", "segment", "tables", "minutes", "people")
STAGE_ERRORS: list[str] = []  # stages that failed in the last scrutiny run (their time is missing)


# --------------------------------------------------------------------------- child: one measurement


def _prepare(tool: str):
    """Import everything a run needs and return the run function (path -> page count)."""
    if tool == "scrutiny":
        import importlib

        from scrutiny.extractor import ingest, pipeline

        for name in PIPELINE_MODULES:
            try:
                importlib.import_module(f"scrutiny.extractor.{name}")
            except Exception:  # a broken stage is the pipeline's to report, not the benchmark's
                pass

        def run(path: str) -> int:
            source = ingest.load(path)
            result = pipeline.extract(source, pipeline.Options())
            pipeline.to_json(result)
            STAGE_ERRORS[:] = sorted({f.code for f in result.flags if f.code.startswith("stage-failed")})
            return len(source.pages)

        return run
    import pdfplumber

    def run(path: str) -> int:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()  # drop the page's cached objects, as a streaming reader would
            return len(pdf.pages)

    return run


def child(tool: str, measure: str, path: str, repeat: int) -> dict:
    """Run one tool on one PDF in this (fresh) process and return the measurement."""
    import resource

    run = _prepare(tool)
    if measure == "tracemalloc":
        import tracemalloc

        tracemalloc.start()
        pages = run(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"pages": pages, "tracemalloc_mb": peak / 2**20}
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        pages = run(path)
        times.append(time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pages": pages, "first_s": times[0], "best_s": min(times), "maxrss_mb": rss,
            "rss_imports_mb": rss_before, "stage_errors": list(STAGE_ERRORS)}


# --------------------------------------------------------------------------- parent


def measure(tool: str, kind: str, path: Path, repeat: int) -> dict:
    """One measurement in a fresh interpreter; its result is the last line it prints."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", tool, "--measure", kind,
           "--repeat", str(repeat), str(path)]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": tail}
    return json.loads(done.stdout.strip().splitlines()[-1])


def parse_pages(spec: str) -> list[int]:
    """'5-36,40' -> [5, ..., 36, 40] (1-based)."""
    pages: list[int] = []
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        pages.extend(range(int(first), int(last or first) + 1))
    return sorted(set(pages))


def subset_pdf(path: Path, pages: list[int], folder: Path) -> tuple[Path, int]:
    """Copy the wanted pages (those that exist) into a new PDF; returns its path and page count."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(path))
    wanted = [p - 1 for p in pages if 1 <= p <= len(src)]
    out = pdfium.PdfDocument.new()
    out.import_pages(src, wanted)
    target = folder / f"{path.stem}.pages.pdf"
    out.save(str(target))
    out.close()
    src.close()
    return target, len(wanted)


def bench_file(path: Path, repeat: int) -> dict:
    """Times and memory of both tools on one PDF."""
    row = {}
    for tool in TOOLS:
        timing = measure(tool, "time", path, repeat)
        memory = measure(tool, "tracemalloc", path, 1)
        row[tool] = {**timing, **{k: v for k, v in memory.items() if k != "pages"}}
    return row


def format_rows(results: list[tuple[str, dict]]) -> str:
    head = (f"{'file':<44}{'tool':<12}{'pages':>6}{'first s':>9}{'best s':>9}{'pages/s':>9}"
            f"{'ratio':>7}{'ratio 1st':>10}{'tracemalloc MB':>16}{'maxrss MB':>11}")
    lines = [head, "-" * len(head)]
    for name, row in results:
        ours, plumber = row["scrutiny"], row["pdfplumber"]
        both = "best_s" in ours and "best_s" in plumber
        ratio = ours["best_s"] / plumber["best_s"] if both else None
        ratio_first = ours["first_s"] / plumber["first_s"] if both else None
        for tool in TOOLS:
            m = row[tool]
            if "error" in m:
                lines.append(f"{name[:43]:<44}{tool:<12}  failed: {m['error']}")
                continue
            r = f"{ratio:.2f}" if tool == "scrutiny" and ratio is not None else ""
            r1 = f"{ratio_first:.2f}" if tool == "scrutiny" and ratio_first is not None else ""
            lines.append(
                f"{name[:43]:<44}{tool:<12}{m['pages']:>6}{m['first_s']:>9.3f}{m['best_s']:>9.3f}"
                f"{m['pages'] / m['best_s']:>9.1f}{r:>7}{r1:>10}{m.get('tracemalloc_mb', float('nan')):>16.1f}"
                f"{m['maxrss_mb']:>11.1f}"
            )
        failed = ours.get("stage_errors")
        if failed:
            lines.append(f"{'':<44}(scrutiny stages failed, so not timed in full: {', '.join(failed)})")
    lines.append("ratio = scrutiny / pdfplumber seconds, best of --repeat runs (target <= 1.0); ratio 1st = first runs\n"
                 "(one-off setup in the process included); memory: tracemalloc peak of the run, ru_maxrss of the process.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT_PDFS, help="PDFs to time.")
    parser.add_argument("--pages", metavar="SPEC", help="Only these 1-based pages, e.g. '5-36,40'.")
    parser.add_argument("--repeat", type=int, default=3, help="Timed runs per process (best is reported).")
    parser.add_argument("--json", action="store_true", help="Print the measurements as JSON too.")
    parser.add_argument("--child", choices=TOOLS, help=argparse.SUPPRESS)
    parser.add_argument("--measure", choices=("time", "tracemalloc"), default="time", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.measure, str(args.pdfs[0]), args.repeat)))
        return 0
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.pdfs:
            target, name = path, path.name
            if args.pages:
                target, count = subset_pdf(path, parse_pages(args.pages), Path(tmp))
                name = f"{path.name} [{args.pages}]"
                if not count:
                    print(f"{path.name}: none of pages {args.pages} exist; skipped", file=sys.stderr)
                    continue
            results.append((name, bench_file(target, args.repeat)))
            print(f"measured {name}", file=sys.stderr)
    print(format_rows(results))
    if args.json:
        print(json.dumps(dict(results), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
