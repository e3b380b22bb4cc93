"""Batch extraction for archives: many packs into one output folder, surviving bad files,
resumable, in parallel worker processes.

Each pack becomes ``OUTDIR/<stem>.json``, written atomically (temporary file, then rename), so an
interrupted run never leaves a half-written file and a re-run skips packs already done (same
file name and sha256). Every pack's outcome is appended to ``OUTDIR/_manifest.jsonl``; failures
carry the one-line error and its exit code, and the rest of the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

PACK_SUFFIXES = {".pdf", ".txt", ".md", ".text"}
MANIFEST = "_manifest.jsonl"


@dataclass(frozen=True)
class Outcome:
    source: str
    output: Optional[str]
    status: str  # done, skipped, failed
    sha256: Optional[str] = None
    error: Optional[str] = None
    exit_code: int = 0

    def as_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True, ensure_ascii=False)


def find_packs(inputs: Iterable[str]) -> list[Path]:
    """Files named directly, and pack files found under folders named, in a stable order."""
    found: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in PACK_SUFFIXES)
        else:
            found.append(path)
    return found


def output_name(pack: Path, taken: set[str]) -> str:
    """``stem.json``, or ``stem-<hash>.json`` when two packs share a stem."""
    name = f"{pack.stem}.json"
    if name in taken:
        name = f"{pack.stem}-{hashlib.sha256(str(pack).encode()).hexdigest()[:8]}.json"
    taken.add(name)
    return name


def _already_done(target: Path, digest: str) -> bool:
    if not target.exists():
        return False
    try:
        with target.open(encoding="utf-8") as fh:
            return json.load(fh)["pack"]["sha256"] == digest
    except (OSError, ValueError, KeyError, TypeError):
        return False


def extract_one(pack: str, target: str) -> Outcome:
    """Extract one pack to ``target``; never raises for a bad pack."""
    from extractor import ingest, pipeline
    from extractor.errors import ScrutinyError

    try:
        data = Path(pack).read_bytes()
    except OSError as exc:
        return Outcome(pack, None, "failed", error=f"{pack}: {exc.strerror or exc}", exit_code=3)
    digest = hashlib.sha256(data).hexdigest()
    out = Path(target)
    if _already_done(out, digest):
        return Outcome(pack, target, "skipped", sha256=digest)
    try:
        source = ingest.load_bytes(Path(pack).name, data, path=pack)
        text = pipeline.to_json(pipeline.extract(source))
    except ScrutinyError as exc:
        return Outcome(pack, None, "failed", sha256=digest, error=str(exc), exit_code=exc.exit_code)
    except Exception as exc:  # an unexpected failure on one pack must not stop the archive
        return Outcome(pack, None, "failed", sha256=digest, error=f"{Path(pack).name}: {type(exc).__name__}: {exc}", exit_code=1)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    return Outcome(pack, target, "done", sha256=digest)


def run(
    inputs: Iterable[str],
    outdir: str,
    *,
    workers: int = 1,
    progress: Optional[Callable[[int, int, Outcome], None]] = None,
) -> list[Outcome]:
    """Extract every pack into ``outdir``; returns the outcomes in input order."""
    packs = find_packs(inputs)
    root = Path(outdir)
    root.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    jobs = [(str(p), str(root / output_name(p, taken))) for p in packs]
    outcomes: dict[int, Outcome] = {}
    with (root / MANIFEST).open("a", encoding="utf-8") as manifest:
        def record(i: int, outcome: Outcome) -> None:
            outcomes[i] = outcome
            manifest.write(outcome.as_json() + "\n")
            manifest.flush()
            if progress:
                progress(len(outcomes), len(jobs), outcome)

        if workers <= 1:
            for i, job in enumerate(jobs):
                record(i, extract_one(*job))
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = {pool.submit(extract_one, *job): i for i, job in enumerate(jobs)}
                for future in as_completed(futures):
                    record(futures[future], future.result())
    return [outcomes[i] for i in range(len(jobs))]
