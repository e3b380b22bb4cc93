"""Text for scanned pages: a page with images and no text layer is rendered with PDFium and read
by Tesseract (its ``tsv`` output: one row per word with its box and confidence), and the words
become the same page model a text layer gives (runs grouped into lines, boxes in PDF points).

Tesseract is a program, not a Python package: it is found on PATH (``tesseract``, Debian's
``tesseract-ocr``) and run once per scanned page with one thread, so the result is the same on
every run and a batch worker keeps to its core. Without it, scanned pages are flagged, never blank.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Optional

from scrutiny.extractor.pages import Segment

DPI = 300
WORD_GAP = 1.2  # a gap wider than this many line heights starts a new run (a table's next column)


@dataclass(frozen=True)
class Settings:
    """How scanned pages are read (whether they are is ``ingest.Limits.ocr``)."""

    lang: str = "eng"
    timeout_s: float = 120.0


@dataclass(frozen=True)
class Result:
    segments: list[Segment]  # text runs, boxes in PDF points from the top left
    confidence: float  # mean word confidence, 0-100


class OcrError(Exception):
    """Tesseract could not read a page (the message says why)."""


@functools.lru_cache(maxsize=1)
def tesseract() -> Optional[str]:
    """The Tesseract executable, or None."""
    return shutil.which("tesseract")


@functools.lru_cache(maxsize=1)
def version() -> Optional[str]:
    exe = tesseract()
    if exe is None:
        return None
    try:
        done = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    first = (done.stdout or done.stderr).strip().splitlines()
    return first[0].split()[-1] if first else None


MARGIN_GAP = 40  # pixels of empty margin, left of the page's text, worth a second look


def read_page(pdf_page, settings: Settings = Settings()) -> Result:
    """OCR one PDFium page (not closed here): its text runs and their confidence. Tesseract's own
    layout analysis reads the page; it drops small marks standing alone in the margin as noise,
    so where the page's text starts well in from the edge, the margin strip is read again as one
    block of lines (page segmentation 6), which keeps a hanging item number ("1.   CALL TO ORDER")."""
    exe = tesseract()
    if exe is None:
        raise OcrError("Tesseract is not installed")
    scale = DPI / 72
    image = pdf_page.render(scale=scale, grayscale=True).to_pil()
    with tempfile.TemporaryDirectory(prefix="scrutiny-ocr-") as tmp:
        segments, confidence = parse_tsv(_tesseract(exe, image, os.path.join(tmp, "page.png"), 3, settings), scale)
        # where the text starts: the left edge of its lines (marks such as "10." may stand further out)
        left = min((seg.box[0] * scale for seg in segments if len(seg.text) > 6), default=0.0)
        if left > MARGIN_GAP:
            strip = image.crop((0, 0, int(left) - MARGIN_GAP // 4, image.height))
            marks, _ = parse_tsv(_tesseract(exe, strip, os.path.join(tmp, "margin.png"), 6, settings), scale)
            segments += [m for m in marks if len(m.text) <= 6 and re.search(r"\d", m.text)
                         and not any(_overlap(m.box, seg.box) for seg in segments)]  # numbers, not specks
    return Result(segments, confidence)


def _overlap(a: tuple, b: tuple) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _tesseract(exe: str, image, png: str, psm: int, settings: Settings) -> str:
    """Tesseract's TSV for ``image`` read with page segmentation ``psm``."""
    image.save(png)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run([exe, png, "stdout", "-l", settings.lang, "--dpi", str(DPI), "--psm", str(psm), "tsv"],
                              capture_output=True, text=True, timeout=settings.timeout_s, env=env)
    except subprocess.TimeoutExpired:
        raise OcrError(f"Tesseract took over {settings.timeout_s:.0f} s") from None
    except OSError as exc:
        raise OcrError(f"Tesseract could not run ({exc.strerror or exc})") from None
    if done.returncode != 0:
        why = " ".join(done.stderr.split())[:160] or f"exit {done.returncode}"
        raise OcrError(f"Tesseract failed ({why})")
    return done.stdout


def parse_tsv(tsv: str, scale: float) -> tuple[list[Segment], float]:
    """Tesseract's TSV as text runs, boxes divided by ``scale`` (pixels per point), and the mean
    confidence of the words. Within one of Tesseract's lines (block, paragraph, line), words closer
    than WORD_GAP line heights form one run; lines are then grouped as a text layer's runs are."""
    rows = tsv.splitlines()
    if not rows:
        return [], 0.0
    head = rows[0].split("\t")
    col = {name: i for i, name in enumerate(head)}
    need = ("level", "block_num", "par_num", "line_num", "left", "top", "width", "height", "conf", "text")
    if any(n not in col for n in need):
        return [], 0.0
    words: dict[tuple[int, int, int], list[tuple[float, float, float, float, str, float]]] = {}
    confs = []
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) < len(head) or cells[col["level"]] != "5":
            continue
        text = cells[col["text"]].strip()
        conf = float(cells[col["conf"]] or -1)
        if not text or conf < 0:
            continue
        left, top = int(cells[col["left"]]) / scale, int(cells[col["top"]]) / scale
        box = (left, top, left + int(cells[col["width"]]) / scale, top + int(cells[col["height"]]) / scale)
        key = (int(cells[col["block_num"]]), int(cells[col["par_num"]]), int(cells[col["line_num"]]))
        words.setdefault(key, []).append((*box, text, conf))
        confs.append(conf)
    segments: list[Segment] = []
    for key in words:
        ws = sorted(words[key])
        height = max(w[3] - w[1] for w in ws)
        run = [ws[0]]
        for w in ws[1:]:
            if w[0] - run[-1][2] > WORD_GAP * height:
                segments.extend(_segment(run))
                run = []
            run.append(w)
        segments.extend(_segment(run))
    return segments, (sum(confs) / len(confs) if confs else 0.0)


NOISE_CONFIDENCE = 50.0  # a run whose words Tesseract trusts less than this on average is not text


def _segment(words: list[tuple[float, float, float, float, str, float]]) -> list[Segment]:
    """The run as a segment, or none where it is noise: no letter or digit in it (a speck, a rule
    or a margin line read as "|", ";" or "~"), or words Tesseract has little confidence in (a seal
    or a signature read as "LE ESY BRE")."""
    text = " ".join(w[4] for w in words)
    if not any(ch.isalnum() for ch in text) or sum(w[5] for w in words) / len(words) < NOISE_CONFIDENCE:
        return []
    box = (min(w[0] for w in words), min(w[1] for w in words), max(w[2] for w in words), max(w[3] for w in words))
    return [Segment(text, box)]
