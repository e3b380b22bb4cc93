"""Batch extraction: bad files are recorded and the rest goes on; a re-run resumes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutiny.cli import main
from conftest import CORPUS, KENT, ROOT, needs_shared


@needs_shared
def test_batch_survives_bad_files_records_them_and_resumes(tmp_path):
    good = [str(KENT / "kcc_cabinet_2025-03-04_Cabinet_QPR_Q3_Cover.pdf"), str(ROOT / "samples")]
    bad = [str(CORPUS / "tables/pdfplumber/plumber_password-example.pdf"), str(tmp_path / "missing.pdf")]
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(main, ["batch", *bad, *good, "-o", str(out), "-j", "2"])
    assert first.exit_code == 6
    assert "5 done, 0 skipped, 2 failed" in first.output  # samples/: the sample pack and the three of series/
    manifest = [json.loads(line) for line in (out / "_manifest.jsonl").read_text().splitlines()]
    failed = {m["source"].rsplit("/", 1)[-1]: m for m in manifest if m["status"] == "failed"}
    assert failed["plumber_password-example.pdf"]["exit_code"] == 3
    assert "encrypted" in failed["plumber_password-example.pdf"]["error"]
    assert failed["missing.pdf"]["exit_code"] == 3
    written = sorted(p.name for p in out.glob("*.json"))
    assert written == ["kcc_cabinet_2025-03-04_Cabinet_QPR_Q3_Cover.json", "sample-pack.json"]
    assert json.loads((out / "sample-pack.json").read_text())["meeting"]["body"] == "Environment Scrutiny Panel"

    second = runner.invoke(main, ["batch", *good, "-o", str(out)])
    assert second.exit_code == 0
    assert "0 done, 5 skipped, 0 failed" in second.output


def _small_archive(tmp_path):
    """Two small text packs (the sample pack cut down and renamed) and one empty file."""
    lines = (ROOT / "samples" / "sample-pack.txt").read_text(encoding="utf-8").splitlines()
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "panel-a.txt").write_text("\n".join(lines[:30]) + "\n", encoding="utf-8")
    (archive / "panel-b.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (archive / "broken.txt").write_bytes(b"")
    return archive


def _result(out):
    """What a batch left behind: each JSON file's bytes and the manifest without its paths."""
    manifest = [json.loads(line) for line in (out / "_manifest.jsonl").read_text().splitlines()]
    for entry in manifest:
        entry["source"] = entry["source"].rsplit("/", 1)[-1]
        entry["output"] = entry["output"] and entry["output"].rsplit("/", 1)[-1]
    files = {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}
    return files, sorted(manifest, key=lambda m: m["source"])


def test_batch_on_dask_scheduler_matches_local_mode(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    from scrutiny.extractor import batch

    monkeypatch.setattr(batch, "LOCAL_CLUSTER", {"processes": False, "n_workers": 1, "threads_per_worker": 2})
    archive = _small_archive(tmp_path)
    runner = CliRunner()
    local = runner.invoke(main, ["batch", str(archive), "-o", str(tmp_path / "local")])
    dask = runner.invoke(main, ["batch", str(archive), "-o", str(tmp_path / "dask"), "--scheduler", "local"])
    assert local.exit_code == dask.exit_code == 6
    assert "2 done, 0 skipped, 1 failed" in dask.output
    assert _result(tmp_path / "dask") == _result(tmp_path / "local")
    files, manifest = _result(tmp_path / "dask")
    assert sorted(files) == ["panel-a.json", "panel-b.json"]
    assert json.loads(files["panel-b.json"])["meeting"]["body"] == "Environment Scrutiny Panel"
    failed = [m for m in manifest if m["status"] == "failed"]
    assert [(m["source"], m["exit_code"], m["error"]) for m in failed] == [("broken.txt", 3, "broken.txt: file is empty")]

    again = runner.invoke(main, ["batch", str(archive), "-o", str(tmp_path / "dask"), "--scheduler", "local"])
    assert again.exit_code == 6
    assert "0 done, 2 skipped, 1 failed" in again.output


def test_scheduler_without_dask_is_a_one_line_usage_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    result = CliRunner().invoke(main, ["batch", str(ROOT / "samples"), "-o", str(tmp_path / "out"),
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert "pip install 'scrutiny[cluster]'" in lines[0]
    assert not (tmp_path / "out").exists()


def test_a_job_lost_by_the_pool_is_recorded_and_the_rest_goes_on(tmp_path):
    from concurrent.futures import Future, as_completed

    from scrutiny.extractor import batch

    def submit(fn, pack, target, *rest):
        future = Future()
        if pack.endswith("panel-a.txt"):
            future.set_exception(RuntimeError("worker lost\nwhile running"))
        else:
            future.set_result(fn(pack, target, *rest))
        return future

    archive = _small_archive(tmp_path)
    outcomes = batch.run([str(archive)], str(tmp_path / "out"), pool=batch.Pool(submit, as_completed))
    by_name = {o.source.rsplit("/", 1)[-1]: o for o in outcomes}
    assert {n: o.status for n, o in by_name.items()} == {"broken.txt": "failed", "panel-a.txt": "failed", "panel-b.txt": "done"}
    assert by_name["panel-a.txt"].error == "panel-a.txt: RuntimeError: worker lost while running"
    assert by_name["panel-a.txt"].exit_code == 1
    assert len((tmp_path / "out" / "_manifest.jsonl").read_text().splitlines()) == 3


def test_a_hanging_pack_on_dask_is_stopped_at_the_time_limit_and_the_batch_goes_on(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import time

    from scrutiny.extractor import batch

    monkeypatch.setattr(batch, "LOCAL_CLUSTER", {"processes": False, "n_workers": 1, "threads_per_worker": 2})
    archive = _small_archive(tmp_path)
    real = batch.extract_one

    def slow(pack, target, limits=None):
        if pack.endswith("panel-a.txt"):
            time.sleep(60)
        return real(pack, target, limits)

    monkeypatch.setattr(batch, "extract_one", slow)
    start = time.monotonic()
    with batch.dask_pool("local", 1) as pool:
        outcomes = batch.run([str(archive)], str(tmp_path / "out"), pool=pool, time_limit=3)
    assert time.monotonic() - start < 40
    by = {Path(o.source).name: o for o in outcomes}
    assert by["panel-a.txt"].status == "failed" and by["panel-a.txt"].exit_code == 8
    assert "time limit of 3 s" in by["panel-a.txt"].error
    assert by["panel-b.txt"].status == "done"
    assert not list((tmp_path / "out").glob(".scrutiny-*"))
