"""Hostile and messy input: every failure is one line with a documented exit code, a bad page costs
only that page, work grows near-linearly, and a batch survives hangs, lost workers and Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import hostile
from scrutiny.cli import main
from conftest import CORPUS, KENT, ROOT, needs_shared
from scrutiny.extractor import batch, ingest, pipeline
from scrutiny.extractor.errors import InputError, LimitError, ScrutinyError

SAMPLE = ROOT / "samples" / "sample-pack.txt"
CLI = [sys.executable, "-m", "scrutiny.cli"]


def _one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.strip().splitlines() if ln]
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


# --------------------------------------------------------------------------- output failures


@pytest.mark.parametrize(
    "target, code, cause",
    [
        ("missing/out.json", 7, "does not exist"),
        (".", 7, "is a folder"),
        ("/proc/out.json", 7, "cannot write"),
        ("a" * 300 + ".json", 7, "file name too long"),
    ],
)
def test_unwritable_output_is_one_line(tmp_path, target, code, cause):
    out = target if target.startswith("/") else str(tmp_path / target)
    result = subprocess.run([*CLI, "extract", str(SAMPLE), "-o", out], capture_output=True, text=True)
    assert result.returncode == code
    assert cause in _one_line(result.stderr)
    assert not list(tmp_path.glob(".scrutiny-*"))  # no temporary file left


def test_output_equal_to_the_input_is_refused(tmp_path):
    pack = tmp_path / "pack.txt"
    pack.write_bytes(SAMPLE.read_bytes())
    for alias in (str(pack), str(tmp_path / "." / "pack.txt")):
        result = subprocess.run([*CLI, "extract", str(pack), "-o", alias], capture_output=True, text=True)
        assert result.returncode == 2 and "refusing to overwrite" in _one_line(result.stderr)
    assert pack.read_bytes() == SAMPLE.read_bytes()


def test_closed_stdout_and_broken_pipe(tmp_path):
    closed = subprocess.run([*CLI, "extract", str(SAMPLE)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, preexec_fn=lambda: os.close(1))
    assert closed.returncode == 7 and "<stdout>" in _one_line(closed.stderr)
    piped = subprocess.run(" ".join([*CLI, "extract", str(SAMPLE)]) + " | head -c 1 >/dev/null; echo ${PIPESTATUS[0]}",
                           shell=True, executable="/bin/bash", capture_output=True, text=True)
    assert "Traceback" not in piped.stderr


def test_atomic_output_replaces_a_file_whole(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["pack"]["source"] == "sample-pack.txt"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_batch_output_naming_a_file_and_a_misspelt_model_are_one_line(tmp_path):
    result = subprocess.run([*CLI, "batch", str(SAMPLE), "-o", str(SAMPLE)], capture_output=True, text=True)
    assert result.returncode == 7 and "needs a folder" in _one_line(result.stderr)
    result = subprocess.run([*CLI, "extract", str(SAMPLE), "--spacy-model", "en_core_wbe_sm"], capture_output=True, text=True)
    assert result.returncode == 2 and "--spacy-model" in _one_line(result.stderr)
    result = subprocess.run([*CLI, "extract", str(SAMPLE), "--no-such-option"], capture_output=True, text=True)
    assert result.returncode == 2 and "--no-such-option" in _one_line(result.stderr)


# --------------------------------------------------------------------------- reading and format


def test_unbounded_inputs_are_refused(tmp_path):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(InputError, match="not a regular file"):
            ingest.load(str(path))
    result = subprocess.run([*CLI, "extract", "-", "--max-bytes", "1"], input=b"x" * (2 * 1024 * 1024),
                            capture_output=True)
    assert result.returncode == 8 and "cap" in _one_line(result.stderr.decode())
    long_name = tmp_path / ("b" * 300 + ".pdf")
    result = subprocess.run([*CLI, "extract", str(long_name)], capture_output=True, text=True)
    assert result.returncode == 3 and "too long" in _one_line(result.stderr)


def test_zero_page_pdf_and_postscript_named_pdf():
    with pytest.raises(InputError, match="no pages") as info:
        ingest.load_bytes("zero.pdf", hostile.pdf([]))
    assert "Success" not in str(info.value)
    with pytest.raises(InputError, match="PostScript"):
        ingest.load_bytes("fake.pdf", b"%!PS-Adobe-3.0\n%%Pages: 1\nshowpage\n")


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                           ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff"),
                                           ("utf-16-le", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")])
def test_text_packs_in_other_encodings(encoding, bom):
    text = SAMPLE.read_text(encoding="utf-8").replace("\u2013", "-") + "\nCafé – £5 “quoted”\n"
    source = ingest.load_bytes("pack.txt", bom + text.encode(encoding))
    assert source.format == "text"
    assert "Café – £5 “quoted”" in source.pages[-1].text
    assert pipeline.extract(source).meeting.body == "Environment Scrutiny Panel"


def test_text_quoting_the_pdf_magic_is_text_and_a_damaged_pdf_is_a_pdf():
    text = b"Minutes\n\nThe file header is %PDF-1.4 in the reports.\n\n1. Apologies\n"
    assert ingest.load_bytes("notes.txt", text).format == "text"
    with pytest.raises(InputError, match="damaged"):
        ingest.load_bytes("junk.pdf", b"GARBAGE\n%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


# --------------------------------------------------------------------------- bad pages


def test_a_page_pdfium_cannot_load_is_skipped_and_the_rest_kept():
    data = hostile.meeting_pdf(3, broken_page=1)
    out = pipeline.extract(ingest.load_bytes("pack.pdf", data))
    assert out.status == "partial_success" and out.pack.page_count == 3
    skipped = [f for f in out.flags if f.code == "page-skipped"]
    assert len(skipped) == 1 and skipped[0].provenance.page == 2
    assert "Environment Scrutiny Panel" in pipeline.to_json(out)


def test_a_page_over_the_run_cap_is_skipped_with_a_flag():
    data = hostile.pdf([hostile.text_page(hostile.MEETING), hostile.many_runs_page(500)])
    out = pipeline.extract(ingest.load_bytes("pack.pdf", data, limits=ingest.Limits(max_runs_per_page=200)))
    assert out.status == "partial_success"
    flag = next(f for f in out.flags if f.code == "page-skipped")
    assert flag.provenance.page == 2 and "--max-runs" in flag.message
    with pytest.raises(LimitError, match="--max-pages"):
        ingest.load_bytes("pack.pdf", hostile.meeting_pdf(3), limits=ingest.Limits(max_pages=2))


def test_a_page_count_that_lies_costs_only_the_missing_pages():
    out = pipeline.extract(ingest.load_bytes("pack.pdf", hostile.meeting_pdf(2, count=40)))
    assert out.status == "partial_success"
    assert [f.message for f in out.flags if f.code == "page-skipped"] == ["pages 3-40 not extracted: "
                                                                         + out.flags[0].message.split(": ", 1)[1]]


@needs_shared
def test_pdfplumber_oddities_never_crash():
    """The odd PDFs of pdfplumber's test suite: each extracts or fails with one clear line."""
    folder = CORPUS / "tables" / "pdfplumber"
    files = sorted(folder.glob("*.pdf"))[:12]
    for path in files:
        try:
            out = pipeline.extract(ingest.load(str(path)))
        except ScrutinyError as exc:
            assert str(exc).startswith(path.name) and "\n" not in str(exc)
            continue
        json.loads(pipeline.to_json(out))


@needs_shared
def test_broken_variants_of_a_real_pack():
    """Truncated, bit-flipped, without xref, objects duplicated: a result or one clear error, never a crash."""
    data = (KENT / "kcc_cabinet_2025-03-04_Cabinet_QPR_Q3_Cover.pdf").read_bytes()
    variants = [*hostile.truncated(data), *hostile.bit_flipped(data), ("no-xref", hostile.without_xref(data)),
                ("dup-objects", hostile.duplicated_objects(data))]
    answers = {}
    for name, variant in variants:
        try:
            out = pipeline.extract(ingest.load_bytes(name + ".pdf", variant))
            json.loads(pipeline.to_json(out))
            answers[name] = out.status
        except ScrutinyError as exc:
            assert str(exc).startswith(name) and "\n" not in str(exc)
            answers[name] = exc.exit_code
    assert answers["no-xref"] == answers["dup-objects"] == "success"
    assert answers["truncated-5"] in (3, 4)


# --------------------------------------------------------------------------- growth


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _best_of(fn, times: int = 3) -> float:
    """The fastest of a few runs: a pause of the machine or the collector lengthens one run, not all."""
    return min(_seconds(fn) for _ in range(times))


def _grows_near_linearly(make, n: int) -> None:
    small, large = make(n), make(4 * n)
    run = lambda data: pipeline.extract(ingest.load_bytes("pack.txt", data))  # noqa: E731
    run(small)  # warm up
    t1, t4 = _best_of(lambda: run(small)), _best_of(lambda: run(large))
    assert t4 < max(0.5, 8 * t1), (t1, t4)  # linear is 4x; quadratic would be 16x


def test_a_long_line_of_dashes_grows_linearly():
    _grows_near_linearly(lambda n: b"Minutes of the meeting\n\n" + b"-" * n + b"\n", 60_000)


def test_a_pdf_page_of_many_text_runs_is_read_in_near_linear_time():
    read = lambda n: ingest.load_bytes("runs.pdf", hostile.pdf([hostile.many_runs_page(n)]),  # noqa: E731
                                       limits=ingest.Limits(max_runs_per_page=10**6))
    assert sum(len(ln.segments) for ln in read(2500).pages[0].lines) == 2500  # every run kept
    t1, t4 = _best_of(lambda: read(2500), 2), _best_of(lambda: read(10_000), 2)
    assert t4 < max(0.5, 8 * t1), (t1, t4)  # linear is 4x; quadratic would be 16x


def test_many_form_feed_pages_grow_linearly():
    _grows_near_linearly(lambda n: b"\f".join(b"Page %d\nSome text on the page" % i for i in range(n)), 500)


# --------------------------------------------------------------------------- status and flags


def test_status_and_flags_tell_the_truth():
    out = pipeline.extract(ingest.load_bytes("notes.txt", b"Some notes\n\nNothing here is a meeting.\n"))
    codes = {f.code for f in out.flags}
    assert {"meeting-not-found", "no-records"} <= codes
    out = pipeline.extract(ingest.load_bytes("m.txt", b"Environment Scrutiny Panel\n\nMINUTES OF THE MEETING\n\nNotes only.\n"))
    codes = {f.code for f in out.flags}
    assert codes & {"meeting-not-found", "meeting-without-date"}


def test_dates_are_calendar_dates_and_json_has_no_infinity():
    from scrutiny.models.records import Extraction, Meeting, Pack

    out = Extraction(pack=Pack(source="x", sha256="0", format="text", page_count=1, extractor_version="0"),
                     meeting=Meeting(body="Panel", date="2009-02-30"))
    ctx = pipeline.Context(ingest.load_bytes("x.txt", b"x\n"))
    pipeline._check_dates(ctx, out)
    assert out.meeting.date is None and ctx.flags[0].code == "invalid-date"
    assert json.loads(json.dumps(pipeline._finite({"v": [float("inf"), 1.5]}))) == {"v": [None, 1.5]}


def test_people_warns_about_files_it_cannot_read(tmp_path):
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "wrong.json").write_text(json.dumps({"pack": 1, "people": "x"}), encoding="utf-8")
    result = subprocess.run([*CLI, "people", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stderr.count("Warning: ") == 2


# --------------------------------------------------------------------------- batch


def _archive(tmp_path, n: int, name: str = "arch") -> Path:
    archive = tmp_path / name
    archive.mkdir(parents=True)
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        (archive / f"p{i:02d}.txt").write_text(text + f"\nNote {i}.\n", encoding="utf-8")
    return archive


def _manifest(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / batch.MANIFEST).read_text(encoding="utf-8").splitlines()]


def test_a_hanging_pack_is_stopped_and_the_batch_goes_on(tmp_path, monkeypatch):
    archive = _archive(tmp_path, 3)
    real = batch.extract_one

    def slow(pack, target, limits=None):
        if pack.endswith("p01.txt"):
            time.sleep(60)
        return real(pack, target, limits)

    monkeypatch.setattr(batch, "extract_one", slow)
    start = time.monotonic()
    outcomes = batch.run([str(archive)], str(tmp_path / "out"), workers=2, time_limit=3)
    assert time.monotonic() - start < 30
    by = {Path(o.source).name: o for o in outcomes}
    assert by["p01.txt"].status == "failed" and by["p01.txt"].exit_code == 8 and "time limit" in by["p01.txt"].error
    assert by["p00.txt"].status == by["p02.txt"].status == "done"
    assert not list((tmp_path / "out").glob(".scrutiny-*"))


def test_a_lost_worker_costs_only_its_pack_and_is_retried_once(tmp_path, monkeypatch):
    archive = _archive(tmp_path, 3)
    marks = tmp_path / "marks"
    marks.mkdir()
    real = batch.extract_one

    def fragile(pack, target, limits=None):
        name = Path(pack).name
        tries = len(list(marks.glob(name + ".*")))
        (marks / f"{name}.{tries}").touch()
        if name == "p00.txt" and tries == 0 or name == "p02.txt":
            os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer does
        return real(pack, target, limits)

    monkeypatch.setattr(batch, "extract_one", fragile)
    outcomes = batch.run([str(archive)], str(tmp_path / "out"), workers=2)
    by = {Path(o.source).name: o for o in outcomes}
    assert by["p00.txt"].status == "done" and by["p01.txt"].status == "done"
    assert by["p02.txt"].status == "failed" and "worker lost twice" in by["p02.txt"].error
    assert len(list(marks.glob("p02.txt.*"))) == 2


def test_names_follow_the_input_root_not_the_order_and_duplicates_are_recorded(tmp_path):
    archive = tmp_path / "arch"
    (archive / "2009").mkdir(parents=True)
    (archive / "2010").mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (archive / "2009" / "pack.txt").write_text(text, encoding="utf-8")
    (archive / "2010" / "pack.txt").write_text(text + "\nOther.\n", encoding="utf-8")
    (archive / "2010" / "pack.md").write_text(text + "\nThird.\n", encoding="utf-8")
    (archive / "copy.txt").write_text(text, encoding="utf-8")
    names = lambda inputs: sorted(batch.output_names(batch.find_packs_under(inputs)))  # noqa: E731
    direct = [str(archive / "2010" / "pack.txt"), str(archive / "2010" / "pack.md")]
    assert names(direct) == names(direct[::-1])
    assert names([str(archive)])[:3] == ["2009/pack.json", "2010/pack-%s.json" % batch._short_hash(
        os.path.abspath(archive / "2010" / "pack.txt")), "2010/pack.json"]
    out = tmp_path / "out"
    outcomes = batch.run([str(archive)], str(out))
    by = {os.path.relpath(o.source, archive): o for o in outcomes}
    assert by["copy.txt"].status == "duplicate" and by["copy.txt"].duplicate_of == str(archive / "2009" / "pack.txt")
    assert by["copy.txt"].output == str(out / "2009" / "pack.json")
    assert not (out / "copy.json").exists()
    batch.run([str(archive)], str(out))
    assert len(_manifest(out)) == 4  # one line per pack, however many runs


def test_resume_re_extracts_an_output_of_another_build(tmp_path):
    archive = _archive(tmp_path, 1)
    out = tmp_path / "out"
    batch.run([str(archive)], str(out))
    target = out / "p00.json"
    data = json.loads(target.read_text(encoding="utf-8"))
    data["pack"]["extractor_build"] = "someotherbuild"
    target.write_text(json.dumps(data), encoding="utf-8")
    assert [o.status for o in batch.run([str(archive)], str(out))] == ["done"]
    assert [o.status for o in batch.run([str(archive)], str(out))] == ["skipped"]


def _start_batch(archive: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([*CLI, "batch", str(archive), "-o", str(out), "-j", "2", "-q"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for_first(out: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if (out / batch.MANIFEST).exists() and (out / batch.MANIFEST).read_text(encoding="utf-8").strip():
            return
        time.sleep(0.05)
    raise AssertionError("the batch recorded nothing")


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    """Ten packs and the outputs of an uninterrupted batch over them."""
    base = tmp_path_factory.mktemp("uninterrupted")
    archive = _archive(base, 10)
    reference = base / "reference"
    assert subprocess.run([*CLI, "batch", str(archive), "-o", str(reference), "-j", "2", "-q"]).returncode == 0
    return archive, reference


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_batch_resumes_with_identical_outputs(tmp_path, sig, uninterrupted):
    archive, reference = uninterrupted
    out = tmp_path / "out"
    proc = _start_batch(archive, out)
    _wait_for_first(out, proc)
    os.killpg(proc.pid, sig)  # the whole process group, as Ctrl-C in a terminal or a kill -9 of the job
    start = time.monotonic()
    _, stderr = proc.communicate(timeout=30)
    if sig == signal.SIGINT:
        assert time.monotonic() - start < 2.5, stderr
        assert proc.returncode == 130 and "interrupted" in _one_line(stderr)
        assert not list(out.glob(".scrutiny-*"))
        recorded = {Path(m["output"]).name for m in _manifest(out) if m["status"] == "done"}
        assert recorded == {p.name for p in out.glob("*.json")}
    time.sleep(0.3)  # a killed group's workers are gone
    finished = len(list(out.glob("*.json")))
    assert finished < 10
    again = subprocess.run([*CLI, "batch", str(archive), "-o", str(out), "-j", "2", "-q"], capture_output=True, text=True)
    assert again.returncode == 0
    assert f"{10 - finished} done, {finished} skipped, 0 failed" in again.stderr
    assert {p.name: p.read_bytes() for p in out.glob("*.json")} == {p.name: p.read_bytes() for p in reference.glob("*.json")}
    assert not list(out.glob(".scrutiny-*")) and len(_manifest(out)) == 10


def test_a_pack_over_the_memory_limit_is_recorded_and_the_batch_goes_on(tmp_path, monkeypatch):
    pytest.importorskip("resource")
    archive = _archive(tmp_path, 2)
    real = batch.extract_one

    def greedy(pack, target, limits=None):
        if pack.endswith("p00.txt"):
            hog = bytearray(3 * 1024 * 1024 * 1024)  # 3 GB, over a 256 MB limit
            hog[-1] = 1
        return real(pack, target, limits)

    monkeypatch.setattr(batch, "extract_one", greedy)
    outcomes = batch.run([str(archive)], str(tmp_path / "out"), workers=2, memory_limit=256)
    by = {Path(o.source).name: o for o in outcomes}
    assert by["p00.txt"].status == "failed" and by["p00.txt"].exit_code == 8 and "memory limit" in by["p00.txt"].error
    assert by["p01.txt"].status == "done"


def _mutated(seed: int, data: bytes) -> bytes:
    """Random edits of a pack's bytes: bytes replaced, cut, repeated, or hostile snippets inserted
    (form feeds, NULs, 400-digit numbers, a PDF header, a BOM, an impossible date)."""
    import random

    rnd = random.Random(seed)
    b = bytearray(data)
    snippets = [b"\f", b"\t", b"\x00", b"\r", b"9" * 400, b"%PDF-1.4", b"\xff\xfe", b"Page 3\n", b"30/02/2009 ", b"\n\n\n"]
    for _ in range(rnd.randrange(1, 60)):
        op, i = rnd.randrange(4), rnd.randrange(len(b))
        if op == 0:
            b[i] = rnd.randrange(256)
        elif op == 1:
            del b[i:i + rnd.randrange(1, 200)]
        elif op == 2:
            b[i:i] = rnd.choice(snippets)
        else:
            j = rnd.randrange(len(b))
            b[i:i] = b[j:j + rnd.randrange(1, 500)]
    return bytes(b)


@needs_shared
def test_mutated_packs_give_schema_valid_json_or_one_clear_error():
    jsonschema = pytest.importorskip("jsonschema")
    from scrutiny.models.schema import schema_json

    schema = json.loads(schema_json())
    cases = [("text", SAMPLE.read_bytes(), range(16)),
             ("pdf", (KENT / "kcc_cabinet_2025-03-04_Cabinet_QPR_Q3_Cover.pdf").read_bytes(), range(8))]
    for kind, data, seeds in cases:
        for seed in seeds:
            name = f"{kind}-{seed}"
            try:
                out = pipeline.to_json(pipeline.extract(ingest.load_bytes(name, _mutated(seed, data))))
            except ScrutinyError as exc:
                assert str(exc).startswith(name) and "\n" not in str(exc)
                continue
            jsonschema.validate(json.loads(out), schema)


def test_a_partly_scanned_pack_marks_its_scanned_page_not_extracted():
    scan = b"q 100 0 0 100 50 600 cm /Im1 Do Q"
    data = hostile.pdf([hostile.text_page(hostile.MEETING), scan])
    data = data.replace(b"/Resources << /Font << /F1 3 0 R >> >> >>",
                        b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 99 0 R >> >> >>")
    image = b"99 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray " \
            b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream\nendobj\n"
    data = data.replace(b"xref\n", image + b"xref\n", 1)  # PDFium rebuilds the (now stale) xref
    source = ingest.load_bytes("part-scan.pdf", data)
    assert source.pages[1].extracted is False and source.pages[1].blank is False
    out = pipeline.extract(source)
    assert out.status == "partial_success"
    codes = {f.code for f in out.flags}
    assert "page-no-text-layer" in codes and codes & {"ocr-unavailable", "ocr-no-words"}
