"""The command line: documented commands, one-line errors with exit codes, schema, determinism."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from scrutiny.cli import main
from conftest import CORPUS, PDF_PACK, ROOT, SEED, needs_shared
from scrutiny.models.schema import SCHEMA_FILE, schema_json


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and "Example" in result.output, f"{name} --help lacks an example"


def test_committed_schema_matches_the_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_json(), "run: scrutiny schema -o scrutiny/models/extraction.schema.json"


@needs_shared
def test_extract_writes_schema_valid_json_for_text_and_pdf(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_json())
    runner = CliRunner()
    for pack in (SEED, PDF_PACK):
        out = tmp_path / (pack.name + ".json")
        result = runner.invoke(main, ["extract", str(pack), "-o", str(out)])
        assert result.exit_code == 0, result.output
        data = json.loads(out.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        assert data["pack"]["format"] == ("pdf" if pack.suffix == ".pdf" else "text")


def test_extract_reads_stdin():
    text = (ROOT / "samples" / "sample-pack.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "-"], input=text)
    assert result.exit_code == 0
    assert json.loads(result.output)["meeting"]["body"] == "Environment Scrutiny Panel"


@needs_shared
def test_output_is_byte_identical_across_runs():
    runs = [
        subprocess.run([sys.executable, "-m", "scrutiny.cli", "extract", str(PDF_PACK)], capture_output=True, check=True).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1]


@pytest.mark.parametrize(
    "path, code",
    [
        (CORPUS / "tables/pdfplumber/plumber_password-example.pdf", 3),
        (CORPUS / "tables/camelot/camelot_image.pdf", 4),  # a scan, with OCR off
        (ROOT / "no-such-pack.pdf", 3),
    ],
)
@needs_shared
def test_bad_input_gives_one_line_and_a_documented_exit_code(path, code):
    result = subprocess.run([sys.executable, "-m", "scrutiny.cli", "extract", str(path), "--no-ocr"],
                            capture_output=True, text=True)
    assert result.returncode == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and path.name in lines[0]


@needs_shared
def test_a_damaged_pdf_that_is_read_prints_nothing_on_stderr(tmp_path):
    import hostile

    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(hostile.bit_flipped(PDF_PACK.read_bytes())[3][1])  # pdfminer repairs it, loudly
    result = subprocess.run([sys.executable, "-m", "scrutiny.cli", "extract", str(damaged), "-o", str(tmp_path / "o.json")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == ""
