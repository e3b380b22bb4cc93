"""Hostile and messy input: every kind of bad file we know of, run through `scrutiny batch` as an
archivist would, and what Scrutiny answered for each (benchmarks/hostile.md).

    python benchmarks/hostile.py [-j 2]

Kinds: the odd PDFs of pdfplumber's, camelot's and tabula's test suites; the corpus's scans (no text
layer); an encrypted PDF with and without its password; broken variants of real packs (truncated,
bytes flipped, cross-reference table removed, objects duplicated); synthetic hostile files (no pages,
PostScript named .pdf, binary, empty, one enormous line, other text encodings); mutated text packs.
Each kind is one batch; the table counts the manifest's outcomes: done (success or
partial_success, with the flags that made it partial), failed by exit code and cause.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402  (tests/hostile.py: the synthetic PDF builders the tests use)

REAL = [
    CORPUS / "meetings/uk_kent_cc/kcc_cabinet_2025-03-04_Cabinet_QPR_Q3_Cover.pdf",
    CORPUS / "meetings/uk_parish_town/souldern_pc_2024-01-25_minutes.pdf",
    SHARED / "packs/haringey-osc-2009-12-03.pdf",
]
SAMPLE = ROOT / "samples/sample-pack.txt"


def _mutated_text(seed: int, data: bytes) -> bytes:
    rnd = random.Random(seed)
    buf = bytearray(data)
    for _ in range(rnd.randrange(5, 60)):
        i = rnd.randrange(len(buf))
        op = rnd.randrange(3)
        if op == 0:
            del buf[i:i + rnd.randrange(1, 200)]
        elif op == 1:
            buf[i:i] = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 20)))
        else:
            j = rnd.randrange(len(buf))
            buf[i:i] = buf[j:j + rnd.randrange(1, 400)]
    return bytes(buf)


def kinds(tmp: Path) -> list[tuple[str, Path, list[str]]]:
    """(kind, folder of inputs, extra batch options) for every kind of hostile input."""
    out = []

    def folder(name: str) -> Path:
        d = tmp / name
        d.mkdir()
        return d

    for suite in ("pdfplumber", "camelot", "tabula"):
        d = folder(f"{suite}-test-pdfs")
        for pdf in sorted((CORPUS / "tables" / suite).glob("*.pdf")):
            (d / pdf.name).symlink_to(pdf)
        out.append((f"{suite}'s test PDFs", d, []))
    d = folder("scans")
    for line in (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 7 and cols[0].startswith("meetings/") and cols[7].startswith("no"):
            (d / Path(cols[0]).name).symlink_to(CORPUS / cols[0])
    out.append(("scanned documents (no text layer)", d, []))
    locked = CORPUS / "tables/pdfplumber/plumber_password-example.pdf"
    for label, options in (("encrypted PDF, no password", []), ("encrypted PDF, right password", ["--password", "test"]),
                           ("encrypted PDF, wrong password", ["--password", "nope"])):
        d = folder(label.replace(" ", "-").replace(",", ""))
        (d / locked.name).symlink_to(locked)
        out.append((label, d, options))
    d = folder("broken-variants")
    for pack in REAL:
        data = pack.read_bytes()
        variants = hostile.truncated(data) + hostile.bit_flipped(data)
        variants += [("no-xref", hostile.without_xref(data)), ("duplicated-objects", hostile.duplicated_objects(data))]
        for name, blob in variants:
            (d / f"{pack.stem[:30]}-{name}.pdf").write_bytes(blob)
    out.append(("broken variants of real packs (truncated x4, flipped x4, no xref, duplicated objects)", d, []))
    d = folder("synthetic")
    (d / "zero-pages.pdf").write_bytes(hostile.pdf([]))
    (d / "postscript.pdf").write_bytes(b"%!PS-Adobe-3.0\n%%Pages: 1\nshowpage\n")
    (d / "binary.pdf").write_bytes(bytes(random.Random(1).randrange(256) for _ in range(20000)))
    (d / "empty.txt").write_bytes(b"")
    (d / "dashes.txt").write_bytes(b"-" * 1_000_000 + b"\n")
    (d / "many-runs.pdf").write_bytes(hostile.pdf([hostile.many_runs_page(20000)]))
    (d / "broken-page.pdf").write_bytes(hostile.meeting_pdf(3, broken_page=1))
    (d / "count-lies.pdf").write_bytes(hostile.meeting_pdf(2, count=5))
    text = SAMPLE.read_text(encoding="utf-8")
    for enc, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"),
                     ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")):
        (d / f"sample-{enc}{'-bom' if bom else ''}.txt").write_bytes(bom + text.encode(enc, "replace"))
    out.append(("synthetic hostile files", d, []))
    d = folder("mutated-text")
    data = SAMPLE.read_bytes()
    for seed in range(24):
        (d / f"mutated-{seed:02d}.txt").write_bytes(_mutated_text(seed, data))
    out.append(("mutated text packs", d, []))
    return out


def run_kind(folder: Path, options: list[str], workers: int) -> tuple[list[dict], float, int]:
    target = folder.with_name(folder.name + "-out")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "scrutiny.cli", "batch", str(folder), "-o", str(target), "-q",
                           "-j", str(workers), "--time-limit", "120", *options], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    lines = (target / "_manifest.jsonl").read_text(encoding="utf-8").splitlines() if (target / "_manifest.jsonl").exists() else []
    latest = {}
    for line in lines:
        rec = json.loads(line)
        latest[rec["source"]] = rec
    records = list(latest.values())
    for rec in records:
        if rec.get("output") and rec["status"] == "done":
            data = json.loads((ROOT / rec["output"]).read_text(encoding="utf-8"))  # an absolute path stays itself
            rec["pack_status"] = data["status"]
            rec["flag_codes"] = sorted({f["code"] for f in data["flags"]})
    return records, wall, done.returncode


def _cause(error: str) -> str:
    cause = error.split(": ", 1)[-1]
    if not cause.startswith("no text layer"):
        cause = cause.split(" (")[0]
    return cause[:90]


def summarise(records: list[dict]) -> str:
    answers: Counter = Counter()
    for rec in records:
        if rec["status"] == "done":
            partial = [c for c in rec.get("flag_codes", []) if c.startswith(("page-", "ocr-", "stage-failed"))]
            answers[f"{rec.get('pack_status')}" + (f" ({', '.join(partial)})" if partial else "")] += 1
        elif rec["status"] == "duplicate":
            answers["duplicate (recorded, extracted once)"] += 1
        else:
            answers[f"exit {rec.get('exit_code')}: {_cause(rec.get('error') or '')}"] += 1
    return "; ".join(f"{n} {what}" for what, n in answers.most_common())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind, folder, options in kinds(Path(tmp)):
            records, wall, code = run_kind(folder, options, args.workers)
            tracebacks = sum(1 for r in records if "Traceback" in (r.get("error") or ""))
            rows.append((kind, len(records), code, wall, summarise(records), tracebacks))
            print(f"{kind}: {len(records)} files, batch exit {code}, {wall:.1f} s", file=sys.stderr)
    lines = ["# Hostile input", "", f"{time.strftime('%Y-%m-%d', time.gmtime())}; `python benchmarks/hostile.py`. "
             "Each kind is one `scrutiny batch` run (exit 6 when some packs failed, as documented); "
             "a pack's answer is its manifest line: done with the pack's status (and the flags that made it "
             "partial), or failed with its exit code and cause. No run crashed or hung unless a row says so.", "",
             "| kind | files | batch exit | seconds | what Scrutiny answered |", "|---|---:|---:|---:|---|"]
    for kind, n, code, wall, answer, tracebacks in rows:
        extra = f" **{tracebacks} tracebacks**" if tracebacks else ""
        lines.append(f"| {kind} | {n} | {code} | {wall:.0f} | {answer}{extra} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        (ROOT / "benchmarks" / "hostile.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
