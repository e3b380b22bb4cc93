"""Accuracy over a development set: many packs, each with its gold file, scored in one table.

A manifest lists the documents (TSV with a header row, or JSON), each with its input, its gold
file and optionally the sections to score. Paths are relative to the manifest's folder. Packs are
extracted into a cache folder with the same freshness rule as ``batch`` (an output is reused only
when it was made from the same input bytes by the same extractor build), so one command measures
the whole set and a second run after no code change costs only the scoring.

The table has a row per document and a column per section. A cell is the section's F1, except for
the single-object sections (``meeting``, ``minutes``), where it is the share of their fields read
right (0 when the extraction has none). A list section with no records on either side (no votes
in the gold, none extracted) has no cell. Under the rows: macro (mean of the cells) and micro
(records or fields pooled over documents) per section, and each row names its worst cell.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from scrutiny.extractor import evaluate as ev
from scrutiny.extractor.errors import ScrutinyError

OBJECT_SECTIONS = ("meeting", "minutes")  # scored by field accuracy, not record F1
SHORT = {
    "meeting": "meet", "members": "memb", "co_optees": "coopt", "agenda_items": "agenda", "minutes": "mins",
    "attendees": "attend", "minute_items": "items", "resolutions": "resol", "votes": "votes",
    "declarations": "decl", "reports": "report", "recommendations": "recs", "glossary": "gloss",
    "actions": "action", "milestones": "miles", "exceptions": "except", "risks": "risks",
    "indicators": "indic", "people": "people",
}


class ManifestError(ScrutinyError):
    """A corpus manifest cannot be read or names files that are not there."""

    exit_code = 2


@dataclass(frozen=True)
class Entry:
    name: str
    input: Path
    gold: Path
    sections: Optional[tuple[str, ...]] = None


# --------------------------------------------------------------------------- the manifest


def _sections(raw: Any, where: str) -> Optional[tuple[str, ...]]:
    if raw in (None, "", []):
        return None
    names = tuple(s.strip() for s in (raw.split(",") if isinstance(raw, str) else raw) if s.strip())
    unknown = sorted(set(names) - set(ev.SECTION_NAMES))
    if unknown:
        raise ManifestError(f"{where}: unknown section(s) {', '.join(unknown)}")
    return names


def read_manifest(path: str | Path) -> list[Entry]:
    """The entries of a TSV (columns ``input``, ``gold``, optional ``sections`` and ``name``; lines
    starting with '#' are comments) or JSON (a list of objects with the same keys) manifest."""
    manifest = Path(path)
    try:
        text = manifest.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{manifest}: cannot read manifest ({exc.__class__.__name__})") from None
    if manifest.suffix.lower() == ".json" or text.lstrip().startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ManifestError(f"{manifest}: not valid JSON (line {exc.lineno})") from None
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ManifestError(f"{manifest}: a JSON manifest must be a list of objects")
    else:
        lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        rows = list(csv.DictReader(lines, delimiter="\t"))
    entries: list[Entry] = []
    names: set[str] = set()
    for n, row in enumerate(rows, 1):
        where = f"{manifest}: entry {n}"
        if not row.get("input") or not row.get("gold"):
            raise ManifestError(f"{where}: needs 'input' and 'gold'")
        source, gold = manifest.parent / row["input"], manifest.parent / row["gold"]
        for p in (source, gold):
            if not p.is_file():
                raise ManifestError(f"{where}: {p}: no such file")
        name = row.get("name") or gold.name.removesuffix(".json").removesuffix(".gold")
        if name in names:
            name = f"{name}~{n}"
        names.add(name)
        entries.append(Entry(name, source, gold, _sections(row.get("sections"), where)))
    if not entries:
        raise ManifestError(f"{manifest}: no entries")
    return entries


# --------------------------------------------------------------------------- extracting and scoring


def extract_all(
    entries: list[Entry], cache: Path, workers: int = 1, progress: Optional[Callable[[int, int, Any], None]] = None
) -> dict[str, Any]:
    """Extract every entry's input into ``cache`` (fresh outputs are reused); outcome per name."""
    from scrutiny.extractor import batch

    cache.mkdir(parents=True, exist_ok=True)
    jobs = [(str(e.input), str(cache / f"{e.name}.json")) for e in entries]
    outcomes: dict[str, Any] = {}

    def record(i: int, outcome: Any) -> None:
        outcomes[entries[i].name] = outcome
        if progress:
            progress(len(outcomes), len(jobs), outcome)

    if workers <= 1:
        for i, job in enumerate(jobs):
            record(i, batch.extract_one(*job))
    else:
        with batch.local_pool(workers) as pool:
            batch.run_on(pool, list(enumerate(jobs)), record)
    return outcomes


def _cell(name: str, scores: dict) -> float:
    if name in OBJECT_SECTIONS:
        if not scores["matched"]:
            return 0.0
        return 1.0 if scores["field_accuracy"] is None else scores["field_accuracy"]
    return scores["f1"]


def _object_fields(name: str, gold: dict) -> int:
    """How many scored fields the gold's meeting/minutes object has (their weight when unmatched)."""
    section = next(s for s in ev.sections_for(gold) if s.name == name)
    records = section.gold(gold) or []
    return sum(1 for r in records for k in r if section.rule(k))


def score_entry(entry: Entry, extraction: Optional[dict], wanted: Optional[set[str]] = None) -> dict:
    """One document's row: the section scores and the cells."""
    gold = ev.load_gold(str(entry.gold))
    sections = set(entry.sections) if entry.sections else None
    if wanted:
        sections = (sections & wanted) if sections else set(wanted)
    result = ev.evaluate(extraction or {}, gold, sorted(sections) if sections is not None else None)
    # A list section that neither side has records of says nothing about the document: no cell.
    cells = {name: _cell(name, s) for name, s in result["sections"].items()
             if name in OBJECT_SECTIONS or s["gold"] or s["extracted"]}
    weights = {name: _object_fields(name, gold) for name in cells if name in OBJECT_SECTIONS}
    worst = min(cells.items(), key=lambda kv: (kv[1], kv[0])) if cells else None
    return {"sections": result["sections"], "cells": cells, "object_fields": weights,
            "worst": list(worst) if worst else None}


def _micro(name: str, rows: list[dict]) -> Optional[float]:
    scored = [r for r in rows if name in r["cells"]]
    if not scored:
        return None
    if name in OBJECT_SECTIONS:
        correct = total = 0
        for r in scored:
            s = r["sections"][name]
            if s["matched"]:
                correct += sum(f["correct"] for f in s["fields"].values())
                total += sum(f["total"] for f in s["fields"].values())
            else:
                total += r["object_fields"].get(name, 0)
        return correct / total if total else None
    if name == "people":
        forms = sum(r["sections"][name]["forms"] for r in scored)
        return sum(r["sections"][name]["f1"] * r["sections"][name]["forms"] for r in scored) / forms if forms else None
    gold = sum(r["sections"][name]["gold"] for r in scored)
    pred = sum(r["sections"][name]["extracted"] for r in scored)
    matched = sum(r["sections"][name]["matched"] for r in scored)
    return ev._prf(gold, pred, matched)["f1"]


def evaluate_corpus(
    manifest: str | Path,
    cache: str | Path,
    *,
    workers: int = 1,
    sections: Optional[Iterable[str]] = None,
    progress: Optional[Callable[[int, int, Any], None]] = None,
) -> dict:
    """Extract what is not fresh in ``cache``, score every entry, and summarise per section."""
    entries = read_manifest(manifest)
    wanted = set(sections) if sections else None
    outcomes = extract_all(entries, Path(cache), workers, progress)
    rows = []
    for entry in entries:
        outcome = outcomes[entry.name]
        extraction = None
        if outcome.status != "failed":
            extraction = ev.load_extraction(outcome.output)
        scored = score_entry(entry, extraction, wanted)
        rows.append({
            "name": entry.name, "input": str(entry.input), "gold": str(entry.gold),
            "extraction": outcome.output, "status": outcome.status if outcome.status == "failed" else
            (extraction or {}).get("status"), "error": outcome.error, **scored,
        })
    order = [n for n in ev.SECTION_NAMES if any(n in r["cells"] for r in rows)]
    macro = {}
    for name in order:
        cells = [r["cells"][name] for r in rows if name in r["cells"]]
        macro[name] = sum(cells) / len(cells)
    return {
        "manifest": str(manifest),
        "columns": order,
        "documents": rows,
        "macro": macro,
        "micro": {name: _micro(name, rows) for name in order},
        "counts": {name: sum(1 for r in rows if name in r["cells"]) for name in order},
    }


# --------------------------------------------------------------------------- the table


def _fmt(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_corpus(result: dict, markdown: bool = False) -> str:
    """The corpus table, as plain aligned text or as a Markdown table."""
    cols = result["columns"]
    head = ["document", *(SHORT.get(c, c) for c in cols), "worst"]
    body = []
    for r in result["documents"]:
        worst = f"{SHORT.get(r['worst'][0], r['worst'][0])} {r['worst'][1]:.2f}" if r["worst"] else "-"
        if r["status"] == "failed":
            worst += " (extraction failed)"
        body.append([r["name"], *(_fmt(r["cells"].get(c)) for c in cols), worst])
    foot = [
        ["macro", *(_fmt(result["macro"].get(c)) for c in cols), ""],
        ["micro", *(_fmt(result["micro"].get(c)) for c in cols), ""],
        ["documents", *(str(result["counts"].get(c, 0)) for c in cols), str(len(result["documents"]))],
    ]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * len(cols) + ["---"]) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in body]
        lines += ["| **" + row[0] + "** | " + " | ".join(row[1:]) + " |" for row in foot]
        return "\n".join(lines) + "\n"
    widths = [max(len(row[i]) for row in [head, *body, *foot]) for i in range(len(head))]

    def line(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:-1], widths[1:-1])] + [row[-1]]
        return "  ".join(cells).rstrip()

    rule = "-" * len(line(head))
    return "\n".join([line(head), rule, *map(line, body), rule, *map(line, foot)]) + "\n"


def weakest(result: dict, n: int = 10) -> list[tuple[str, str, float]]:
    """The ``n`` lowest cells as (document, section, value), lowest first."""
    cells = [(r["name"], c, v) for r in result["documents"] for c, v in r["cells"].items()]
    return sorted(cells, key=lambda t: (t[2], t[0], t[1]))[:n]
