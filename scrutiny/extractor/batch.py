"""Batch extraction for archives: many packs into one output folder, surviving bad files,
resumable, in parallel worker processes or on a Dask cluster.

Each pack becomes ``OUTDIR/<path under its input root>.json`` (``archive/2009/a.pdf`` given as
``archive`` -> ``OUTDIR/2009/a.json``; a file named directly -> ``OUTDIR/a.json``); when two packs
would share a name, the one whose path sorts first keeps it and the others get a suffix from their
path, so names never depend on the order of the inputs. Outputs are written atomically (temporary
file, then rename), so an interrupted run never leaves a half-written file, and a re-run skips
packs already done (same sha256 and extractor build: ``is_fresh``). Packs with the same content
(sha256) are extracted once; each other name is recorded as a ``duplicate`` pointing to that output.

``OUTDIR/_manifest.jsonl`` holds one current line per pack (by source): outcomes are appended as
they finish and the file is rewritten atomically, one line per pack, at the start and end of a run
(so a reader takes the last line per source). Failures carry the one-line error and its exit code.

Locally every pack runs in its own forked process, with a time limit and (where the platform has
``RLIMIT_AS``) a memory limit: a pathological pack is killed and recorded as failed while the
batch goes on; a worker lost to a signal (the OOM killer) costs only its pack, which is retried
once; Ctrl-C or SIGTERM kills the running workers at once, removes their temporary files, records
what finished and raises :class:`Interrupted`. On a dask.distributed scheduler (``dask_pool``,
optional extra ``scrutiny[cluster]``) jobs go to the cluster's workers (their own memory limits
apply); every backend is a ``Pool`` (submit plus the matching as_completed).
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import signal
import tempfile
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from scrutiny.extractor.errors import Interrupted, OutputError, ScrutinyError

PACK_SUFFIXES = {".pdf", ".txt", ".md", ".text"}
MANIFEST = "_manifest.jsonl"
PART_PREFIX = ".scrutiny-"
CLUSTER_EXTRA = "pip install 'scrutiny[cluster]'"
TIME_LIMIT = 600.0  # seconds one pack may take
MEMORY_LIMIT = 4096  # MB of address space one pack may add to its worker
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
    status: str  # done, skipped, failed, duplicate
    sha256: Optional[str] = None
    error: Optional[str] = None
    exit_code: int = 0
    duplicate_of: Optional[str] = None  # the source whose extraction this pack's content shares

    def as_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True, ensure_ascii=False)


def find_packs(inputs: Iterable[str]) -> list[Path]:
    """Files named directly, and pack files found under folders named, in a stable order."""
    return [path for path, _ in find_packs_under(inputs)]


def find_packs_under(inputs: Iterable[str]) -> list[tuple[Path, Path]]:
    """(pack, its path relative to its input root): under a folder named, the path below it; for
    a file named directly, its name."""
    found: list[tuple[Path, Path]] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found.extend((p, p.relative_to(path)) for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in PACK_SUFFIXES)
        else:
            found.append((path, Path(path.name or "stdin")))
    return found


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:8]


def _fit(stem: str, key: str) -> str:
    """A stem short enough for a file name (255 bytes with its suffix)."""
    if len(stem.encode("utf-8", "surrogateescape")) <= 200:
        return stem
    cut = stem.encode("utf-8", "surrogateescape")[:120].decode("utf-8", "ignore")
    return f"{cut}-{_short_hash(key)}"


def output_names(packs: list[tuple[Path, Path]]) -> list[str]:
    """Output names (relative to OUTDIR) for packs under their roots, independent of their order:
    ``rel/stem.json``; of packs claiming one name, the one whose path sorts first keeps it and the
    others get ``stem-<hash of path>.json``."""
    wanted = []
    for pack, rel in packs:
        key = os.path.abspath(pack)
        parts = [_fit(part, key) for part in rel.parent.parts]
        wanted.append("/".join([*parts, _fit(rel.stem, key) + ".json"]))
    claimants: dict[str, list[str]] = {}
    for (pack, _), name in zip(packs, wanted):
        claimants.setdefault(name, []).append(os.path.abspath(pack))
    names = []
    for (pack, _), name in zip(packs, wanted):
        key = os.path.abspath(pack)
        if key != min(claimants[name]):
            name = f"{name[: -len('.json')]}-{_short_hash(key)}.json"
        names.append(name)
    return names


def output_name(pack: Path, taken: set[str]) -> str:
    """``stem.json``, or ``stem-<hash>.json`` when two packs share a stem (kept for callers that
    name outputs one at a time; ``run`` uses the order-independent ``output_names``)."""
    name = f"{_fit(pack.stem, str(pack))}.json"
    if name in taken:
        name = f"{_fit(pack.stem, str(pack))}-{_short_hash(str(pack))}.json"
    taken.add(name)
    return name


def is_fresh(target: Path, digest: str) -> bool:
    """``target`` is an extraction of the input with this sha256, made by this extractor build
    (same version, schema and code); anything else is extracted again."""
    from scrutiny.extractor import __version__, build_id
    from scrutiny.models.records import SCHEMA_VERSION

    if not target.exists():
        return False
    try:
        with target.open(encoding="utf-8") as fh:
            pack = json.load(fh)["pack"]
        return (pack["sha256"], pack.get("extractor_version"), pack.get("schema_version"), pack.get("extractor_build")) == (
            digest, __version__, SCHEMA_VERSION, build_id())
    except (OSError, ValueError, KeyError, TypeError):
        return False


def part_name(out: Path) -> Path:
    """The temporary file an output is written to before its rename (short, whatever the name)."""
    return out.with_name(f"{PART_PREFIX}{_short_hash(out.name)}.part")


def _read(pack: str, limits: Any = None) -> tuple[Optional[bytes], Optional[Outcome]]:
    from scrutiny.extractor import ingest

    try:
        return ingest.read_bytes(pack, limits)[1], None
    except ScrutinyError as exc:
        return None, Outcome(pack, None, "failed", error=str(exc), exit_code=exc.exit_code)


def extract_one(pack: str, target: str, limits: Any = None) -> Outcome:
    """Extract one pack to ``target``; never raises for a bad pack."""
    from scrutiny.extractor import ingest, pipeline

    data, failed = _read(pack, limits)
    if failed is not None:
        return failed
    digest = hashlib.sha256(data).hexdigest()
    out = Path(target)
    if is_fresh(out, digest):
        return Outcome(pack, target, "skipped", sha256=digest)
    name = Path(pack).name
    try:
        with _ONE_AT_A_TIME:
            source = ingest.load_bytes(name, data, path=pack, limits=limits)
            text = pipeline.to_json(pipeline.extract(source))
    except ScrutinyError as exc:
        return Outcome(pack, None, "failed", sha256=digest, error=str(exc), exit_code=exc.exit_code)
    except MemoryError:
        return Outcome(pack, None, "failed", sha256=digest, error=f"{name}: memory limit exceeded", exit_code=8)
    except RecursionError:
        return Outcome(pack, None, "failed", sha256=digest, error=f"{name}: nesting too deep to extract", exit_code=1)
    except Exception as exc:  # an unexpected failure on one pack must not stop the archive
        message = " ".join(str(exc).split())
        return Outcome(pack, None, "failed", sha256=digest, error=f"{name}: {type(exc).__name__}: {message}", exit_code=1)
    tmp = part_name(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        return Outcome(pack, None, "failed", sha256=digest, error=f"{out}: cannot write ({exc.strerror or exc})", exit_code=7)
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
    time_limit: Optional[float] = TIME_LIMIT,
    memory_limit: Optional[int] = MEMORY_LIMIT,
    limits: Any = None,
) -> list[Outcome]:
    """Extract every pack into ``outdir``; returns the outcomes in input order.

    Jobs go to ``pool`` when given, else to ``workers`` local forked processes, one per pack, each
    under ``time_limit`` seconds and ``memory_limit`` MB (in this process, without limits, where
    the platform cannot fork). Raises :class:`Interrupted` on Ctrl-C or SIGTERM, after recording
    what finished.
    """
    packs = find_packs_under(inputs)
    root = Path(outdir)
    _prepare(root)
    names = output_names(packs)
    jobs = [(str(p), str(root / name)) for (p, _), name in zip(packs, names)]
    outcomes: dict[int, Outcome] = {}
    manifest = Manifest(root / MANIFEST)
    interrupted = False
    try:
        def record(i: int, outcome: Outcome) -> None:
            outcomes[i] = outcome
            manifest.append(outcome)
            if progress:
                progress(len(outcomes), len(jobs), outcome)

        todo, duplicates = _triage(jobs, record, limits)
        if pool is not None:
            run_on(pool, todo, record, limits, time_limit=time_limit, memory_limit=memory_limit)
        elif _can_fork():
            _run_forked(todo, max(1, workers), record, time_limit, memory_limit, limits)
        elif workers <= 1:
            for i, job in todo:
                record(i, extract_one(*job, limits))
        else:
            with local_pool(workers) as local:
                run_on(local, todo, record, limits)
        for i, first in duplicates:
            primary = outcomes[first]
            record(i, Outcome(jobs[i][0], primary.output, "duplicate" if primary.output else "failed",
                              sha256=primary.sha256, duplicate_of=primary.source,
                              error=primary.error, exit_code=primary.exit_code))
    except (KeyboardInterrupt, Interrupted):
        interrupted = True
    finally:
        manifest.close()
        for stale in root.rglob(f"{PART_PREFIX}*.part"):
            try:
                stale.unlink()
            except OSError:
                pass
    if interrupted:
        raise Interrupted(f"{outdir}: interrupted; {len(outcomes)} of {len(jobs)} packs finished and recorded, "
                          "the rest not started (a re-run does only those)")
    return [outcomes[i] for i in range(len(jobs))]


def _prepare(root: Path) -> None:
    try:
        if root.exists() and not root.is_dir():
            raise OutputError(f"{root}: is a file; -o needs a folder")
        root.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=root, prefix=PART_PREFIX, suffix=".part")
        probe.close()
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"{root}: cannot write there ({(exc.strerror or str(exc)).lower()})") from None


def _triage(jobs: list[tuple[str, str]], record: Callable[[int, Outcome], None], limits: Any
            ) -> tuple[list[tuple[int, tuple[str, str]]], list[tuple[int, int]]]:
    """Read and hash every pack once: unreadable ones fail here, packs already extracted by this
    build are skipped, and a pack whose content an earlier one shares is a duplicate of it.
    Returns (jobs to run, (duplicate, first) pairs)."""
    first_by_digest: dict[str, int] = {}
    order = sorted(range(len(jobs)), key=lambda i: os.path.abspath(jobs[i][0]))
    todo, duplicates = [], []
    for i in order:
        pack, target = jobs[i]
        data, failed = _read(pack, limits)
        if failed is not None:
            record(i, failed)
            continue
        digest = hashlib.sha256(data).hexdigest()
        del data
        if digest in first_by_digest:
            duplicates.append((i, first_by_digest[digest]))
            continue
        first_by_digest[digest] = i
        if is_fresh(Path(target), digest):
            record(i, Outcome(pack, target, "skipped", sha256=digest))
        else:
            todo.append((i, jobs[i]))
    todo.sort()
    return todo, duplicates


class Manifest:
    """``_manifest.jsonl``: one current line per source. Outcomes are appended as they finish (a
    run killed at any moment loses none); the file is rewritten atomically with the last line per
    source when opened and when closed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, str] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    entry = json.loads(line)
                    self.entries[entry["source"]] = json.dumps(entry, sort_keys=True, ensure_ascii=False)
                except (ValueError, KeyError, TypeError):
                    continue  # a line torn by a kill
        self._rewrite()
        self._fh = path.open("a", encoding="utf-8")

    def append(self, outcome: Outcome) -> None:
        line = outcome.as_json()
        self.entries[outcome.source] = line
        self._fh.write(line + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()
        self._rewrite()

    def _rewrite(self) -> None:
        tmp = self.path.with_name(f"{PART_PREFIX}manifest.part")
        tmp.write_text("".join(self.entries[k] + "\n" for k in sorted(self.entries)), encoding="utf-8")
        os.replace(tmp, self.path)


def run_on(pool: Pool, jobs: list[tuple[int, tuple[str, str]]], record: Callable[[int, Outcome], None],
            limits: Any = None, *, time_limit: Optional[float] = None, memory_limit: Optional[int] = None) -> None:
    """Submit every job to ``pool`` and record each outcome as it completes. With a time or memory
    limit (and where the worker can fork), each pack runs in a child of the worker under them."""
    if (time_limit or memory_limit) and _can_fork():
        futures = {pool.submit(extract_limited, *job, limits, time_limit, memory_limit): (i, job) for i, job in jobs}
    else:
        futures = {(pool.submit(extract_one, *job, limits) if limits is not None else pool.submit(extract_one, *job)): (i, job)
                   for i, job in jobs}
    for future in pool.as_completed(futures):
        i, job = futures[future]
        record(i, result_of(future, job[0]))


# --------------------------------------------------------------------------- progress display


class Progress:
    """Batch progress on a stream (stderr): a tqdm bar with rate and ETA on a terminal, failures
    and duplicates printed above it; elsewhere (pipes, CI) one plain line per pack:
    ``[3/40] done: out/a.json``. Use as ``progress=`` of :func:`run`, then ``close()``."""

    def __init__(self, stream: Any = None, *, bar: Optional[bool] = None, quiet: bool = False):
        import sys

        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        isatty = getattr(self.stream, "isatty", None)
        self.use_bar = (not quiet) and (bar if bar is not None else bool(isatty and isatty()))
        self._bar: Any = None

    @staticmethod
    def line(done: int, total: int, outcome: Outcome) -> str:
        detail = outcome.error if outcome.error else outcome.output
        if outcome.status == "duplicate":
            detail = f"{outcome.source} = {outcome.duplicate_of}"
        return f"[{done}/{total}] {outcome.status}: {detail}"

    def __call__(self, done: int, total: int, outcome: Outcome) -> None:
        if self.quiet:
            return
        try:
            if not self.use_bar:
                self.stream.write(self.line(done, total, outcome) + "\n")
                self.stream.flush()
                return
            from tqdm import tqdm

            if self._bar is None:
                self._bar = tqdm(total=total, file=self.stream, unit="pack", dynamic_ncols=True, leave=True)
            if outcome.status in ("failed", "duplicate"):
                self._bar.write(self.line(done, total, outcome), file=self.stream)
            self._bar.set_postfix_str(Path(outcome.source).name[-40:], refresh=False)
            self._bar.update(done - self._bar.n)
        except (OSError, ValueError):
            pass  # a closed stderr must not stop the batch

    def close(self) -> None:
        if self._bar is not None:
            try:
                self._bar.close()
            except (OSError, ValueError):
                pass
            self._bar = None


# --------------------------------------------------------------------------- local forked workers


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _warm() -> None:
    """Import the pipeline (and build the default spaCy pipeline) once, before forking, so each
    forked worker starts with them loaded."""
    from scrutiny.extractor import ingest, nlp, pipeline  # noqa: F401

    try:
        import scrutiny.extractor.minutes  # noqa: F401
        import scrutiny.extractor.people  # noqa: F401
        import scrutiny.extractor.tables  # noqa: F401

        nlp.pipeline(None)
    except Exception:
        pass  # a worker that fails to import records its own error


def _child(conn: Any, pack: str, target: str, limits: Any, memory_limit: Optional[int]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it kills us on Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _limit_memory(memory_limit)
    try:
        outcome = extract_one(pack, target, limits)
    except MemoryError:
        outcome = Outcome(pack, None, "failed", error=f"{Path(pack).name}: memory limit of {memory_limit} MB exceeded", exit_code=8)
    except BaseException as exc:
        outcome = Outcome(pack, None, "failed", error=f"{Path(pack).name}: {type(exc).__name__}: {exc}", exit_code=1)
    if outcome.error and "memory limit exceeded" in outcome.error and memory_limit:
        outcome = Outcome(outcome.source, None, "failed", sha256=outcome.sha256,
                          error=f"{Path(pack).name}: memory limit of {memory_limit} MB exceeded", exit_code=8)
    conn.send(outcome)
    conn.close()


def extract_limited(pack: str, target: str, limits: Any, time_limit: Optional[float],
                    memory_limit: Optional[int]) -> Outcome:
    """extract_one in a forked child of this process (a Dask worker) under ``time_limit`` seconds
    and ``memory_limit`` MB: a pack over the time is killed and recorded as failed (exit code 8), as
    in the local mode, and the worker goes on to its next pack. ``os.fork`` is used directly, since
    a worker process may be a daemon, which multiprocessing does not let have children."""
    import pickle
    import select

    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: extract, send the outcome, leave without running the worker's cleanup
        code = 0
        try:
            os.close(reader)

            class _Conn:
                def send(self, outcome: Outcome) -> None:
                    data = pickle.dumps(outcome)
                    with os.fdopen(writer, "wb") as fh:
                        fh.write(data)

                def close(self) -> None:
                    pass

            _child(_Conn(), pack, target, limits, memory_limit)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(writer)
    deadline = time.monotonic() + time_limit if time_limit else None
    chunks: list[bytes] = []
    try:
        while True:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([reader], [], [], timeout)
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                _remove_part(target)
                return Outcome(pack, None, "failed", exit_code=8,
                               error=f"{Path(pack).name}: time limit of {time_limit:g} s exceeded (--time-limit)")
            chunk = os.read(reader, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(reader)
    _, status = os.waitpid(pid, 0)
    if chunks:
        return pickle.loads(b"".join(chunks))
    _remove_part(target)
    code = os.waitstatus_to_exitcode(status)
    cause = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
    return Outcome(pack, None, "failed", error=f"{Path(pack).name}: worker lost ({cause}; out of memory?)", exit_code=1)


def _limit_memory(memory_limit: Optional[int]) -> None:
    """Cap the worker's address space at what it holds now plus ``memory_limit`` MB (Linux and
    other platforms with RLIMIT_AS; elsewhere no cap)."""
    if not memory_limit:
        return
    try:
        import resource

        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = current + memory_limit * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError, AttributeError):
        pass


@dataclass
class _Running:
    index: int
    job: tuple[str, str]
    attempt: int
    process: Any
    conn: Any
    deadline: Optional[float]


def _run_forked(jobs: list[tuple[int, tuple[str, str]]], workers: int, record: Callable[[int, Outcome], None],
                time_limit: Optional[float], memory_limit: Optional[int], limits: Any) -> None:
    import multiprocessing
    from multiprocessing.connection import wait

    if not jobs:
        return
    _warm()
    ctx = multiprocessing.get_context("fork")
    pending = deque((i, job, 0) for i, job in jobs)
    running: dict[Any, _Running] = {}
    stop: list[int] = []
    previous = _on_stop_signals(stop)
    try:
        while pending or running:
            if stop:
                raise Interrupted("interrupted")
            while pending and len(running) < workers and not stop:
                i, job, attempt = pending.popleft()
                reader, writer = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_child, args=(writer, *job, limits, memory_limit), daemon=True)
                proc.start()
                writer.close()
                deadline = time.monotonic() + time_limit if time_limit else None
                running[proc.sentinel] = _Running(i, job, attempt, proc, reader, deadline)
            deadlines = [r.deadline for r in running.values() if r.deadline is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else _TICK
            timeout = min(timeout, _TICK)  # a stop signal is seen within a tick, whichever thread took it
            for sentinel in wait(list(running), timeout=timeout):
                r = running.pop(sentinel)
                outcome = None
                try:
                    if r.conn.poll():
                        outcome = r.conn.recv()
                except (EOFError, OSError):
                    outcome = None
                r.process.join()
                r.conn.close()
                if outcome is not None:
                    record(r.index, outcome)
                    continue
                _remove_part(r.job[1])
                done = _finished_anyway(r.job)
                if done is not None:  # lost after writing its output
                    record(r.index, done)
                    continue
                code = r.process.exitcode
                cause = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
                if r.attempt == 0:
                    pending.appendleft((r.index, r.job, 1))  # a lost worker: retry its pack once
                else:
                    name = Path(r.job[0]).name
                    record(r.index, Outcome(r.job[0], None, "failed",
                                            error=f"{name}: worker lost twice ({cause}; out of memory?)", exit_code=1))
            now = time.monotonic()
            for sentinel, r in list(running.items()):
                if r.deadline is not None and now >= r.deadline:
                    r.process.kill()
                    r.process.join()
                    r.conn.close()
                    running.pop(sentinel)
                    _remove_part(r.job[1])
                    name = Path(r.job[0]).name
                    record(r.index, Outcome(r.job[0], None, "failed",
                                            error=f"{name}: time limit of {time_limit:g} s exceeded (--time-limit)", exit_code=8))
    finally:
        for r in running.values():  # interrupted: stop every worker now
            r.process.kill()
        for r in running.values():
            r.process.join()
            r.conn.close()
            _remove_part(r.job[1])
            done = _finished_anyway(r.job)
            if done is not None:  # it wrote its output before it was stopped: keep the record whole
                record(r.index, done)
        _restore_signals(previous)


def _finished_anyway(job: tuple[str, str]) -> Optional[Outcome]:
    """The outcome of a job whose worker was stopped or lost after it had put its output in place
    (an atomic rename, so an output there is whole): done, if that output is a fresh extraction of
    the input."""
    pack, target = job
    sha = hashlib.sha256()
    try:
        with open(pack, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                sha.update(chunk)
    except OSError:
        return None
    digest = sha.hexdigest()
    return Outcome(pack, target, "done", sha256=digest) if is_fresh(Path(target), digest) else None


def _remove_part(target: str) -> None:
    try:
        part_name(Path(target)).unlink()
    except OSError:
        pass


_TICK = 0.2


def _on_stop_signals(stop: list[int]) -> Any:
    """Ctrl-C (SIGINT) and SIGTERM only note the stop while workers run (main thread only): a
    KeyboardInterrupt raised inside a fork hook would be swallowed, so the loop checks the note."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum: int, frame: Any) -> None:
        stop.append(signum)

    return {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}


def _restore_signals(previous: Any) -> None:
    for sig, handler in (previous or {}).items():
        signal.signal(sig, handler)
