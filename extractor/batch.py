"""Batch extraction for archives: many packs into one output folder, surviving bad files,
resumable, in parallel worker processes or on a Dask cluster.

Each pack becomes ``OUTDIR/<stem>.json``, written atomically (temporary file, then rename), so an
interrupted run never leaves a half-written file and a re-run skips packs already done (same
file name, sha256 and extractor build). Every pack's outcome is appended to ``OUTDIR/_manifest.jsonl``; failures
carry the one-line error and its exit code, and the rest of the batch goes on.

Jobs run one after another, in a local process pool (``local_pool``), or on a running
dask.distributed scheduler (``dask_pool``, optional extra ``scrutiny[cluster]``); every backend
is a ``Pool`` (submit plus the matching as_completed), and ``run`` records outcomes the same way
for all of them.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from extractor.errors import ScrutinyError

PACK_SUFFIXES = {".pdf", ".txt", ".md", ".text"}
MANIFEST = "_manifest.jsonl"
CLUSTER_EXTRA = "pip install 'scrutiny[cluster]'"
# Options of the LocalCluster that ``--scheduler local`` starts: worker processes with one thread
# each (``workers`` of them), since PDFium must not be used from two threads of one process.
LOCAL_CLUSTER: dict[str, Any] = {"processes": True, "threads_per_worker": 1}

# One extraction at a time per process: PDFium (and so pypdfium2) is not thread-safe, and a Dask
# worker may run several tasks in threads of one process. Parallelism comes from processes.
_ONE_AT_A_TIME = threading.Lock()


class SchedulerError(ScrutinyError):
    """``--scheduler`` cannot be used: the cluster extra is missing or the scheduler is unreachable."""

    exit_code = 2


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


def is_fresh(target: Path, digest: str) -> bool:
    """``target`` is an extraction of the input with this sha256, made by this extractor build
    (same version, schema and code); anything else is extracted again."""
    from extractor import __version__, build_id
    from models.records import SCHEMA_VERSION

    if not target.exists():
        return False
    try:
        with target.open(encoding="utf-8") as fh:
            pack = json.load(fh)["pack"]
        return (pack["sha256"], pack.get("extractor_version"), pack.get("schema_version"), pack.get("extractor_build")) == (
            digest, __version__, SCHEMA_VERSION, build_id())
    except (OSError, ValueError, KeyError, TypeError):
        return False


def extract_one(pack: str, target: str) -> Outcome:
    """Extract one pack to ``target``; never raises for a bad pack."""
    from extractor import ingest, pipeline

    try:
        data = Path(pack).read_bytes()
    except OSError as exc:
        return Outcome(pack, None, "failed", error=f"{pack}: {exc.strerror or exc}", exit_code=3)
    digest = hashlib.sha256(data).hexdigest()
    out = Path(target)
    if is_fresh(out, digest):
        return Outcome(pack, target, "skipped", sha256=digest)
    try:
        with _ONE_AT_A_TIME:
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


@dataclass(frozen=True)
class Pool:
    """Where jobs run: ``submit(fn, *args) -> future`` and the ``as_completed`` for its futures."""

    submit: Callable[..., Any]
    as_completed: Callable[[Iterable[Any]], Iterable[Any]]


@contextmanager
def local_pool(workers: int) -> Iterator[Pool]:
    """A pool of ``workers`` local processes."""
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        yield Pool(pool.submit, concurrent.futures.as_completed)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise SchedulerError(f"--scheduler needs Dask, which is not installed ({exc}); run: {CLUSTER_EXTRA}") from None
    return distributed


@contextmanager
def dask_pool(address: str, workers: int = 1) -> Iterator[Pool]:
    """A pool on the dask.distributed scheduler at ``address`` (``tcp://host:8786``), or on an
    in-process LocalCluster of ``workers`` workers when ``address`` is ``local``."""
    distributed = _import_distributed()
    with _cluster(distributed, address, workers) as target:
        try:
            client = distributed.Client(target)
        except (OSError, TimeoutError) as exc:
            raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        with client:
            def submit(fn: Callable[..., Any], *args: Any) -> Any:
                return client.submit(fn, *args, pure=False)  # the task writes a file: never cache it

            yield Pool(submit, distributed.as_completed)


@contextmanager
def _cluster(distributed: Any, address: str, workers: int) -> Iterator[Any]:
    if address != "local":
        yield address
        return
    options = {"n_workers": max(1, workers), **LOCAL_CLUSTER}
    with distributed.LocalCluster(dashboard_address=None, **options) as cluster:
        yield cluster


def result_of(future: Any, pack: str) -> Outcome:
    """The future's outcome; a job lost by its pool (a worker died) is a failed outcome too."""
    try:
        return future.result()
    except Exception as exc:
        message = " ".join(str(exc).split())  # one line, whatever the pool's message looks like
        return Outcome(pack, None, "failed", error=f"{Path(pack).name}: {type(exc).__name__}: {message}", exit_code=1)


def run(
    inputs: Iterable[str],
    outdir: str,
    *,
    workers: int = 1,
    pool: Optional[Pool] = None,
    progress: Optional[Callable[[int, int, Outcome], None]] = None,
) -> list[Outcome]:
    """Extract every pack into ``outdir``; returns the outcomes in input order.

    Jobs go to ``pool`` when given, else to ``workers`` local processes (in this process when 1).
    """
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

        if pool is not None:
            _run_on(pool, jobs, record)
        elif workers <= 1:
            for i, job in enumerate(jobs):
                record(i, extract_one(*job))
        else:
            with local_pool(workers) as local:
                _run_on(local, jobs, record)
    return [outcomes[i] for i in range(len(jobs))]


def _run_on(pool: Pool, jobs: list[tuple[str, str]], record: Callable[[int, Outcome], None]) -> None:
    """Submit every job to ``pool`` and record each outcome as it completes."""
    futures = {pool.submit(extract_one, *job): i for i, job in enumerate(jobs)}
    for future in pool.as_completed(futures):
        i = futures[future]
        record(i, result_of(future, jobs[i][0]))
