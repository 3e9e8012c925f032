"""PDF ingest as a user meets it: a two-column report with running headers, page numbers, a
hyphenated word and a ruled table comes out as whole sentences and figures with their units;
hostile PDFs are refused in one line, quickly, with nothing written."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import docmaker
import pytest

from mickb.cli.entry import main
from mickb.errors import UnreadableDocument
from mickb.ingest.read import load_document, open_source

pytestmark = pytest.mark.skipif(
    not docmaker.have_pdf_tools(), reason="reportlab and a DejaVu font make the test PDFs"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def export(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, _ = run(["export", "--db", str(db)], capsys)
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return docmaker.make_report_pdf(tmp_path_factory.mktemp("pdf") / "bao-cao.pdf")


def texts(path: Path) -> list[str]:
    return [p.text for p in load_document(path).passages]


def test_two_columns_read_in_order_as_whole_paragraphs(report_pdf: Path) -> None:
    passages = texts(report_pdf)
    # The columns are drawn line by line across the page (left, right, left...): every
    # paragraph still comes out whole, in the order written, across columns and pages.
    for paragraph in docmaker.PARAGRAPHS + docmaker.DISTRICT_PARAGRAPHS + [docmaker.CLOSING]:
        assert paragraph in passages
    order = [passages.index(p) for p in docmaker.PARAGRAPHS + docmaker.DISTRICT_PARAGRAPHS]
    assert order == sorted(order)


def test_running_header_and_page_numbers_are_dropped(report_pdf: Path) -> None:
    everything = "\n".join(texts(report_pdf))
    assert "118/BC-STTTT" not in everything
    assert "Trang 1/3" not in everything and "Trang 2" not in everything


def test_a_word_hyphenated_across_lines_is_whole_again(report_pdf: Path) -> None:
    everything = "\n".join(texts(report_pdf))
    assert "người dùng Internet trên địa bàn" in everything
    assert "Inter-" not in everything and "Inter net" not in everything


def test_table_rows_are_lines_with_units_folded_into_numbers(report_pdf: Path) -> None:
    passages = texts(report_pdf)
    assert "Doanh thu công nghiệp công nghệ số | 4.870 tỷ đồng | 109,5%" in passages
    assert "Số doanh nghiệp công nghệ số | 652 doanh nghiệp | 107,2%" in passages


def test_title_author_and_date_come_from_the_file(report_pdf: Path) -> None:
    doc = load_document(report_pdf)
    assert doc.meta.title == docmaker.TITLE
    assert doc.meta.author == docmaker.AUTHOR
    assert doc.meta.date == "2024-07-15"  # "Thái Hòa, ngày 15 tháng 7 năm 2024"
    assert doc.passages[0].kind != "body" or doc.passages[0].text == docmaker.ISSUER


def test_the_order_of_drawing_does_not_matter(tmp_path: Path, report_pdf: Path) -> None:
    plain = docmaker.make_report_pdf(tmp_path / "plain.pdf", interleave=False)
    assert texts(plain) == texts(report_pdf)


def test_open_source_streams_the_converted_text(report_pdf: Path) -> None:
    source = open_source(report_pdf)
    assert source.fmt == "txt" and source.kind == "pdf"
    assert source.size == report_pdf.stat().st_size
    assert "".join(source.chunks()) == source.text()
    assert source.text().startswith("---\ntitle: ")


def test_cli_ingest_then_find_and_export_give_figures_with_units(
    tmp_path: Path, report_pdf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["ingest", str(report_pdf), "--db", str(db)], capsys)
    assert code == 0, err
    records = export(db, capsys)
    facts = {r["value_text"]: r for r in records if r["kind"] == "fact"}
    revenue = facts["1.935 tỷ đồng"]
    assert (revenue["value"], revenue["unit"]) == (1935, "tỷ đồng")
    assert revenue["sentence"].startswith("Doanh thu dịch vụ viễn thông trên địa bàn ước đạt")
    table = facts["4.870 tỷ đồng"]
    assert (table["value"], table["unit"], table["base_value"]) == (4870, "tỷ đồng", 4870e9)
    assert facts["420 km"]["unit"] == "km"
    assert revenue["source"]["title"] == docmaker.TITLE
    for record in records:
        assert "118/BC" not in record["sentence"] and "Trang " not in record["sentence"]
    code, out, _ = run(["find", "doanh thu dịch vụ viễn thông", "--json", "--db", str(db)], capsys)
    assert code == 0
    assert "1.935 tỷ đồng" in [r.get("value_text") for r in json.loads(out)["results"]]


# --- what is refused ------------------------------------------------------------------------


def sources(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    finally:
        conn.close()


def refused(
    path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, seconds: float = 20.0
) -> str:
    """Ingest `path`: exit 2, one `error:` line naming it, nothing stored, in bounded time."""
    db = tmp_path / "kb.sqlite"
    start = time.monotonic()
    code, _, err = run(["ingest", str(path), "--db", str(db)], capsys)
    assert time.monotonic() - start < seconds
    assert code == 2
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(path) in errors[0], err
    assert sources(db) == 0
    return errors[0]


def test_scanned_pdf_says_it_needs_ocr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scan = docmaker.make_scanned_pdf(tmp_path / "scan.pdf")
    message = refused(scan, capsys, tmp_path)
    assert "no text: it needs OCR" in message and "ocrmypdf" in message


def test_encrypted_pdf_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = docmaker.make_report_pdf(tmp_path / "locked.pdf", encrypt="mat-khau")
    assert "encrypted" in refused(locked, capsys, tmp_path)


def test_recursive_object_tree_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "loop.pdf"
    path.write_bytes(docmaker.recursive_pdf())
    assert "damaged or hostile" in refused(path, capsys, tmp_path)


def test_ten_thousand_blank_pages_are_refused_quickly(tmp_path: Path, capsys) -> None:
    path = tmp_path / "blank.pdf"
    path.write_bytes(docmaker.blank_pages_pdf(10_000))
    message = refused(path, capsys, tmp_path, seconds=15)
    assert "10000 pages" in message and "OCR" in message


def test_a_file_too_large_is_refused_unread(tmp_path: Path, capsys) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as stream:  # 2 GB, sparse: nothing is written to disk
        stream.write(b"%PDF-1.7\n")
        stream.truncate(2 << 30)
    assert "larger than 256 MB" in refused(path, capsys, tmp_path, seconds=5)


def test_a_text_file_named_pdf_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("Doanh thu đạt 5 tỷ đồng.", encoding="utf-8")
    assert "not one" in refused(path, capsys, tmp_path)


@pytest.mark.slow
def test_a_stream_that_inflates_to_gigabytes_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(docmaker.flate_bomb_pdf(4096))  # 4 MB on disk, 4 GB inflated
    assert "memory" in refused(path, capsys, tmp_path, seconds=120)


def test_refusals_raise_the_named_error(tmp_path: Path) -> None:
    scan = docmaker.make_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(UnreadableDocument, match="it needs OCR"):
        load_document(scan)
