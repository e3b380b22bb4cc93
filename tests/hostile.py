"""Generators of hostile inputs for the tests: minimal PDFs written by hand (many runs on one page,
many pages, an unloadable page, zero pages), broken variants of real packs (truncated, bytes
flipped, xref removed, objects duplicated) and text packs in other encodings."""

from __future__ import annotations

import random
import re


def pdf(pages: list[bytes], *, broken_page: int | None = None, count: int | None = None) -> bytes:
    """A PDF with one content stream per page (Helvetica). ``broken_page`` (0-based) gets a page
    object PDFium cannot load (its /Contents and /Resources point nowhere and its type is wrong);
    ``count`` overrides the page tree's /Count."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    add(b"")  # the page tree, filled in below
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for i, content in enumerate(pages):
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        if i == broken_page:
            kids.append(add(b"<< /Type /Pages /Kids [999 0 R] /Count 1 >>"))
        else:
            kids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (stream, font)))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids) if count is None else count)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_page(lines: list[str], size: float = 10) -> bytes:
    """A content stream setting each line at its own height."""
    out = [b"BT /F1 %g Tf" % size]
    y = 760.0
    for line in lines:
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252", "replace")
        out.append(b"1 0 0 1 50 %.2f Tm (%s) Tj" % (y, safe))
        y -= size * 1.3
        if y < 20:
            y = 760.0
    out.append(b"ET")
    return b"\n".join(out)


def many_runs_page(runs: int) -> bytes:
    """One page of ``runs`` separate short text runs on a grid."""
    out = [b"BT /F1 3 Tf"]
    for i in range(runs):
        out.append(b"1 0 0 1 %.1f %.1f Tm (w%d) Tj" % (10 + (i % 60) * 9.8, 780 - (i // 60) % 250 * 3.1, i % 97))
    out.append(b"ET")
    return b"\n".join(out)


MEETING = [
    "Environment Scrutiny Panel",
    "Minutes of the meeting held on 3 December 2009 at 7.00 pm",
    "Present: Councillor Jane Smith (Chair), Councillor Tom Brown",
    "1. Apologies for absence",
    "Apologies were received from Councillor Ann Green.",
    "2. Declarations of interest",
    "There were none.",
]


def meeting_pdf(pages: int = 3, **kwargs) -> bytes:
    return pdf([text_page([f"{line} (page {p + 1})" if i == 0 else line for i, line in enumerate(MEETING)])
                for p in range(pages)], **kwargs)


def truncated(data: bytes, fractions=(0.05, 0.3, 0.6, 0.95)) -> list[tuple[str, bytes]]:
    return [(f"truncated-{int(f * 100)}", data[: max(1, int(len(data) * f))]) for f in fractions]


def bit_flipped(data: bytes, seeds=range(4), flips: int = 40) -> list[tuple[str, bytes]]:
    out = []
    for seed in seeds:
        rnd = random.Random(seed)
        buf = bytearray(data)
        for _ in range(flips):
            i = rnd.randrange(16, len(buf))
            buf[i] ^= 1 << rnd.randrange(8)
        out.append((f"flipped-{seed}", bytes(buf)))
    return out


def without_xref(data: bytes) -> bytes:
    """The cross-reference table and trailer cut out (PDFium must rebuild it by scanning)."""
    start = data.rfind(b"xref")
    return data[:start] if start > 0 else data


def duplicated_objects(data: bytes) -> bytes:
    """Every object's header written twice over (the same object numbers defined again at the end)."""
    bodies = re.findall(rb"\n(\d+ 0 obj.*?endobj)", data, re.S)[:50]
    return data + b"\n" + b"\n".join(bodies) + b"\n"
