"""Ingest: one page model for PDF and text packs; bad input fails with one clear error."""

from __future__ import annotations

import pytest

from conftest import CORPUS, PDF_PACK, SEED, needs_shared
from scrutiny.extractor import ingest
from scrutiny.extractor.errors import InputError, NoTextError


@needs_shared
def test_pdf_pack_pages_carry_printed_numbers_blank_pages_and_geometry():
    source = ingest.load(str(PDF_PACK))
    assert source.format == "pdf" and len(source.pages) == 55
    printed = [p.printed_number for p in source.pages]
    assert printed[3:7] == [1, 2, 3, 4]  # the minutes are the pack's pages 1-4
    assert [p.index for p in source.pages if p.blank] == [3, 39, 45, 54, 55]
    milestone_page = source.pages[13]
    assert milestone_page.width > milestone_page.height  # landscape table page
    assert milestone_page.rules and milestone_page.rects
    fills = {r.fill for r in milestone_page.rects}
    assert (0, 176, 80) in fills and (255, 0, 0) in fills  # RAG cell colours survive ingest
    first = source.pages[0].lines[0]
    assert first.text == "Overview and Scrutiny Committee" and first.box is not None


@needs_shared
def test_text_pack_is_split_into_pages_by_its_own_cues():
    source = ingest.load(str(SEED))
    assert source.format == "text"
    assert source.pages[0].lines[0].number == 1
    blanks = [p for p in source.pages if p.blank]
    assert len(blanks) >= 4  # "This page is intentionally left blank" stands alone
    header_pages = [p for p in source.pages if p.lines and p.lines[0].cells[:2] == ("Action", "Action Lead")]
    assert len(header_pages) >= 10  # a repeated table header opens a printed page
    numbers = [n for p in source.pages for n in (p.line_range() or [])]
    assert numbers == sorted(numbers)


@needs_shared
def test_format_is_told_by_content_not_extension(tmp_path):
    disguised = tmp_path / "pack.txt"
    disguised.write_bytes(PDF_PACK.read_bytes())
    assert ingest.load(str(disguised)).format == "pdf"
    text = tmp_path / "pack.pdf"
    text.write_text("Minutes\n\n1. Apologies\n", encoding="utf-8")
    assert ingest.load(str(text)).format == "text"


@pytest.mark.parametrize(
    "relative, error, cause",
    [
        ("tables/pdfplumber/plumber_password-example.pdf", InputError, "encrypted"),
        ("tables/pdfplumber/plumber_empty.pdf", InputError, "empty"),
        ("tables/camelot/camelot_image.pdf", NoTextError, "no text layer on any of its 1 pages (OCR is off)"),
    ],
)
@needs_shared
def test_hostile_inputs_raise_one_clear_error(relative, error, cause):
    with pytest.raises(error) as info:
        ingest.load(str(CORPUS / relative), ingest.Limits(ocr=False))  # with OCR the scan is read
    message = str(info.value)
    assert message.startswith(relative.rsplit("/", 1)[-1]) and cause in message and "\n" not in message


@needs_shared
def test_missing_and_binary_inputs(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        ingest.load(str(tmp_path / "nope.pdf"))
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(InputError, match="neither a PDF nor a text pack"):
        ingest.load(str(junk))
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(PDF_PACK.read_bytes()[:2000])
    with pytest.raises(InputError):
        ingest.load(str(damaged))


@needs_shared
def test_a_pdf_with_nothing_drawn_says_so():
    with pytest.raises(NoTextError, match="nothing is drawn on them"):
        ingest.load(str(CORPUS / "tables/camelot/camelot_empty.pdf"))


def test_a_narrow_glyph_drawn_as_its_own_run_stays_in_its_word():
    """PDFium boxes each run tightly round its ink: a "1" (wide side bearings) drawn as a run of its
    own stands some 0.28 of its height clear of the next run, less than a space; with no space
    between them in the text they are one word ("17 JANUARY", not "1 7 JANUARY")."""
    from scrutiny.extractor.pages import Segment

    one = Segment("1", (568.96, 122.53, 572.67, 131.05))
    rest = Segment("7 JANUARY 2022", (575.02, 122.43, 672.21, 131.27))
    assert ingest._continues_word(one, rest)
    assert ingest._joined(one, rest).text == "17 JANUARY 2022"
    # a gap of a space's width or more stays two words
    apart = Segment("7 JANUARY 2022", (572.67 + 0.45 * 8.84, 122.43, 672.21, 131.27))
    assert not ingest._continues_word(one, apart)
    # runs on different lines never join
    below = Segment("7", (573.5, 140.0, 580.0, 148.5))
    assert not ingest._continues_word(one, below)


@needs_shared
def test_a_meeting_date_whose_day_is_split_into_two_runs_is_read_whole():
    from scrutiny.extractor import pipeline

    path = CORPUS / "meetings/uk_school_governors/decoy_lw-committee-minutes-17-january-2022-final.pdf"
    if not path.exists():
        pytest.skip("corpus document absent")
    out = pipeline.extract(ingest.load(str(path)))
    assert out.minutes[0].date == "2022-01-17"


def test_a_raised_ordinal_stays_on_its_line_and_a_word_of_small_letters_keeps_its_space():
    from scrutiny.extractor.pages import Segment

    segs = [Segment("1", (72.8, 291.5, 77.1, 298.5)), Segment("Minutes of the meeting on", (105.8, 290.9, 268.2, 300.4)),
            Segment("th", (279.6, 288.7, 285.0, 293.5)), Segment("17", (269.2, 291.5, 279.0, 298.5)),
            Segment("May were signed", (288.0, 291.4, 346.5, 300.4)),
            Segment("nd", (162.8, 630.4, 169.0, 635.2)), Segment("Prop: AB 2", (106.7, 633.1, 161.5, 642.1)),
            Segment(": CD", (170.5, 633.1, 185.5, 640.2)),
            Segment("Board members present", (50.0, 700.0, 160.0, 710.0)), Segment("were", (160.5, 703.0, 183.0, 710.0))]
    assert [ln.text for ln in ingest.group_lines(segs)] == [
        "1 Minutes of the meeting on 17th May were signed", "Prop: AB 2nd: CD", "Board members present were"]


def test_a_line_over_a_rule_is_no_running_header_however_often_it_recurs():
    block = "Proposed by Councillor A;\n\nSeconded by Councillor B;\n\nAnd Resolved:\n---\n{n}\n\n“That the item be approved.”\n\n"
    text = "MINUTES OF THE MEETING\n\n" + "".join(block.format(n=n) for n in range(2, 6))
    pages = ingest.text_pages("m.md", text)
    assert len(pages) == 1
    assert sum(1 for ln in pages[0].lines if ln.text == "And Resolved:") == 4


def test_text_run_across_a_tab_stop_is_two_runs_and_a_justified_line_stays_one():
    """PDFium may give one rectangle for text spread over a tab stop or a gap between columns
    ("Present:  ...  Members of the Public:"): the runs either side of a space wider than
    ingest.TAB_GAP line heights are runs of their own; a justified line's wide word spaces are not."""
    import hostile

    page = b"\n".join([b"BT /F1 10 Tf",
                       b"1 0 0 1 60 700 Tm [(Present: ) -14000 (Members of the Public:)] TJ",
                       b"1 0 0 1 60 680 Tm [(Ann Lowe \\(AL\\) ) -14500 (Tom Hart)] TJ",
                       b"1 0 0 1 60 660 Tm [(information ) -2000 (to assist ) -2000 (with the meeting)] TJ",
                       b"ET"])
    lines = ingest.load_bytes("columns.pdf", hostile.pdf([page])).pages[0].lines
    assert [[s.text for s in ln.segments] for ln in lines] == [
        ["Present:", "Members of the Public:"], ["Ann Lowe (AL)", "Tom Hart"], ["information to assist with the meeting"]]
    assert lines[0].segments[1].box[0] > 200 and lines[1].segments[1].box[0] > 200
