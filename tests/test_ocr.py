"""Scanned pages read by OCR (Tesseract), encrypted PDFs opened with --password."""

import hashlib
import json
import os
import subprocess
import sys

import pytest
from conftest import CORPUS, needs_shared

from scrutiny.extractor import ingest, ocr, pipeline
from scrutiny.extractor.errors import InputError

needs_tesseract = pytest.mark.skipif(ocr.tesseract() is None, reason="Tesseract is not installed")
PASSWORD_PDF = CORPUS / "tables/pdfplumber/plumber_password-example.pdf"
# a one-page US city agenda whose text is drawn as vector outlines: no text layer at all
OUTLINED = CORPUS / "meetings/us/wabca_duarte_agenda_1.pdf"


def test_tesseract_tsv_becomes_runs_in_points():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t300\t600\t120\t40\t96.1\tAction\n"
           "5\t1\t1\t1\t1\t2\t440\t600\t90\t40\t95.0\tplan\n"
           "5\t1\t1\t1\t1\t3\t1500\t602\t100\t40\t80.0\tGreen\n"
           "5\t1\t1\t1\t1\t4\t1700\t602\t20\t40\t-1\t \n")
    segments, confidence = ocr.parse_tsv(tsv, scale=300 / 72)
    assert [s.text for s in segments] == ["Action plan", "Green"]  # a gap of many line heights splits the run
    assert segments[0].box == pytest.approx((72.0, 144.0, 127.2, 153.6))
    assert confidence == pytest.approx((96.1 + 95.0 + 80.0) / 3)
    assert ocr.parse_tsv("", 1.0) == ([], 0.0)


@needs_shared
@needs_tesseract
def test_a_page_of_outlined_text_is_read_by_ocr():
    source = ingest.load(str(OUTLINED))
    assert source.ocred and source.ocred[0][0] == 1 and source.ocred[0][1] > 80
    text = source.pages[0].text
    # read off the rendered page: the heading, the date and the cancellation notice
    for words in ("PLANNING COMMISSION", "MONDAY, NOVEMBER 21, 2022", "MEETING CANCELLATION", "has been cancelled"):
        assert words in text
    out = pipeline.extract(source)
    assert out.meeting is not None and out.meeting.date == "2022-11-21"
    assert out.meeting.provenance.ocr_confidence == source.ocred[0][1]
    flag = next(f for f in out.flags if f.code == "page-ocr")
    assert flag.severity == "info" and "Tesseract" in flag.message


@needs_shared
def test_ocr_off_keeps_a_scan_flagged_not_blank():
    with pytest.raises(InputError, match="OCR is off"):
        ingest.load(str(OUTLINED), ingest.Limits(ocr=False))


@needs_shared
def test_an_encrypted_pdf_opens_with_its_password_and_a_wrong_one_is_one_line(tmp_path):
    out = tmp_path / "pw.json"
    cli = [sys.executable, "-m", "scrutiny.cli", "extract", str(PASSWORD_PDF)]
    ok = subprocess.run([*cli, "--password", "test", "-o", str(out)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["pack"]["page_count"] == 4 and data["tables"]  # the table pages are re-read from the decrypted copy
    assert data["pack"]["sha256"] == hashlib.sha256(PASSWORD_PDF.read_bytes()).hexdigest()
    wrong = subprocess.run([*cli, "--password", "nope"], capture_output=True, text=True)
    assert wrong.returncode == 3
    assert wrong.stderr.strip().splitlines() == [
        f"Error: {PASSWORD_PDF.name}: PDF is encrypted and the password given is not its password"]
    by_env = subprocess.run(cli, capture_output=True, text=True, env={**os.environ, "SCRUTINY_PASSWORD": "test"})
    assert by_env.returncode == 0 and json.loads(by_env.stdout)["pack"]["page_count"] == 4
