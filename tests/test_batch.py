"""Batch extraction: bad files are recorded and the rest goes on; a re-run resumes."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli import main
from conftest import CORPUS, KENT, ROOT


def test_batch_survives_bad_files_records_them_and_resumes(tmp_path):
    good = [str(KENT / "kcc_cabinet_2025-03-04_Cabinet_QPR_Q3_Cover.pdf"), str(ROOT / "samples")]
    bad = [str(CORPUS / "tables/pdfplumber/plumber_password-example.pdf"), str(tmp_path / "missing.pdf")]
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(main, ["batch", *bad, *good, "-o", str(out), "-j", "2"])
    assert first.exit_code == 6
    assert "2 done, 0 skipped, 2 failed" in first.output
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
    assert "0 done, 2 skipped, 0 failed" in second.output
