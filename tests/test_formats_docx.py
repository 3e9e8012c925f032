"""Word files as a press office sends them: paragraphs, headings, a list, a table, a running
header and footer, core properties; a zip bomb and a zip that is no Word file refused."""

from __future__ import annotations

import json
import sqlite3
import time
import zipfile
from pathlib import Path

import docmaker
import pytest

from mickb.cli.entry import main
from mickb.errors import UnreadableDocument
from mickb.ingest.read import load_document, open_source

pytest.importorskip("docx")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return docmaker.make_report_docx(tmp_path_factory.mktemp("docx") / "bao-cao.docx")


def test_paragraphs_headings_and_table_rows(report_docx: Path) -> None:
    doc = load_document(report_docx)
    texts = [p.text for p in doc.passages]
    for paragraph in docmaker.PARAGRAPHS + docmaker.DISTRICT_PARAGRAPHS[:3]:
        assert paragraph in texts
    assert "Doanh thu công nghiệp công nghệ số | 4.870 tỷ đồng | 109,5%" in texts
    assert "Chỉ tiêu | 6 tháng 2024 | So cùng kỳ (%)" in texts
    title = next(p for p in doc.passages if p.kind == "title")
    assert title.text == docmaker.TITLE
    # The running header and footer are not the body.
    assert not [t for t in texts if "118/BC-STTTT" in t or t == "Trang 1"]


def test_core_properties_are_the_metadata(report_docx: Path) -> None:
    meta = load_document(report_docx).meta
    assert meta.title == docmaker.TITLE
    assert meta.author == docmaker.AUTHOR
    assert meta.date == "2024-07-15"


def test_date_falls_back_to_the_file_only_when_the_text_has_none(tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "no-date.docx"
    doc = Document()
    doc.add_paragraph("Tin ngắn về bưu chính")
    doc.add_paragraph("Doanh thu bưu chính quý II đạt 95 tỷ đồng, tăng 6,2%.")
    doc.core_properties.author = "Administrator"  # a login name, not an author
    doc.core_properties.title = "Microsoft Word - tin_ngan.docx"  # a file name, not a title
    import datetime as dt

    doc.core_properties.modified = dt.datetime(2024, 4, 2, 8, 0)
    doc.save(str(path))
    meta = load_document(path).meta
    assert meta.date == "2024-04-02"
    assert meta.author is None
    assert meta.title == "Tin ngắn về bưu chính"


def test_cli_ingest_gives_figures_with_units(
    tmp_path: Path, report_docx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["ingest", str(report_docx), "--db", str(db)], capsys)
    assert code == 0, err
    code, out, _ = run(["export", "--db", str(db)], capsys)
    facts = {r["value_text"]: r for r in map(json.loads, out.splitlines()) if r["kind"] == "fact"}
    assert (facts["276 tỷ đồng"]["value"], facts["276 tỷ đồng"]["unit"]) == (276, "tỷ đồng")
    assert facts["4.870 tỷ đồng"]["unit"] == "tỷ đồng"
    assert facts["276 tỷ đồng"]["source"]["author"] == docmaker.AUTHOR


def test_open_source_says_what_it_was(report_docx: Path) -> None:
    source = open_source(report_docx)
    assert (source.kind, source.fmt) == ("docx", "txt")
    assert "".join(source.chunks()) == source.text()


def _count_sources(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    finally:
        conn.close()


def test_zip_bomb_is_refused_before_it_inflates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = docmaker.docx_zip_bomb(tmp_path / "bomb.docx", megabytes=80)
    assert bomb.stat().st_size < 2 << 20
    db = tmp_path / "kb.sqlite"
    start = time.monotonic()
    code, _, err = run(["ingest", str(bomb), "--db", str(db)], capsys)
    assert time.monotonic() - start < 5
    assert code == 2
    assert err.startswith("error: ") and "zip bomb" in err and str(bomb) in err
    assert _count_sources(db) == 0


def test_a_zip_that_is_not_a_word_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "anh.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "không phải Word")
    with pytest.raises(UnreadableDocument, match="not one|not a Word document"):
        load_document(path)


def test_a_damaged_docx_is_refused(tmp_path: Path, report_docx: Path) -> None:
    path = tmp_path / "hong.docx"
    path.write_bytes(report_docx.read_bytes()[:3000])  # cut short: no central directory
    with pytest.raises(UnreadableDocument, match="hong.docx"):
        load_document(path)
