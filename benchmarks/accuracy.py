"""Accuracy over the development set: runs `scrutiny eval --corpus benchmarks/devset.tsv` and
writes the table to benchmarks/accuracy.md (with the commit and date) and the scores to
benchmarks/accuracy.json, which tests/test_accuracy.py holds every later change to.

    python benchmarks/accuracy.py [-j 2] [--cache out/eval]

Every change to an extractor stage is judged on this table, not on one document.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrutiny.extractor import build_id, corpus  # noqa: E402

MANIFEST = ROOT / "benchmarks" / "devset.tsv"


def _commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short=12", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "scrutiny")
    return head + (" + uncommitted changes" if dirty else "")


def summary(result: dict) -> dict:
    """What the no-regression test compares: every cell, and macro/micro per section."""
    return {
        "cells": {r["name"]: r["cells"] for r in result["documents"]},
        "macro": result["macro"],
        "micro": result["micro"],
    }


def markdown(result: dict, commit: str, today: str) -> str:
    docs = result["documents"]
    lines = [
        "# Accuracy over the development set",
        "",
        f"Commit {commit}, extractor build {build_id()}, {today}. Regenerate with `python benchmarks/accuracy.py`.",
        "",
        f"{len(docs)} documents from `benchmarks/devset.tsv`, each scored against its gold file (read from the",
        "pages). A cell is the section's F1; for `meet` (meeting) and `mins` (minutes object) it is the share of",
        "their fields read right. `-`: the section is not in that gold file, or neither side has records of it.",
        "`worst` is the row's lowest cell. macro = mean of the cells; micro = records (or fields) pooled.",
        "",
        corpus.format_corpus(result, markdown=True).rstrip(),
        "",
        "Column names: " + ", ".join(f"`{corpus.SHORT.get(c, c)}` {c}" for c in result["columns"]) + ".",
        "",
        "## The weakest cells",
        "",
    ]
    for name, section, value in corpus.weakest(result, 15):
        lines.append(f"- {name}: {section} {value:.2f}")
    failed = [r for r in docs if r["status"] == "failed"]
    if failed:
        lines += ["", "## Extractions that failed", ""] + [f"- {r['name']}: {r['error']}" for r in failed]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--workers", type=int, default=2)
    parser.add_argument("--cache", default=str(ROOT / "out" / "eval"))
    parser.add_argument("--manifest", default=str(MANIFEST))
    args = parser.parse_args()

    def progress(done: int, total: int, outcome) -> None:
        print(f"[{done}/{total}] {outcome.status}: {outcome.error or Path(outcome.source).name}", file=sys.stderr)

    result = corpus.evaluate_corpus(args.manifest, args.cache, workers=args.workers, progress=progress)
    today = dt.date.today().isoformat()
    (ROOT / "benchmarks" / "accuracy.md").write_text(markdown(result, _commit(), today), encoding="utf-8")
    (ROOT / "benchmarks" / "accuracy.json").write_text(
        json.dumps(summary(result), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(corpus.format_corpus(result), end="")


if __name__ == "__main__":
    main()
