"""`mickb ingest` as a user runs it: what lands, what fails, and that failures change nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mickb.cli.entry import main

REPORT = """---
title: "Bưu chính thử nghiệm năm 2023"
date: "2023-12-20"
url: "https://example.vn/buu-chinh-2023"
outlet: "Tin Thử"
---
Năm 2023, doanh thu dịch vụ bưu chính ước đạt 61.200 tỷ đồng, tăng 9,4% so với năm 2022.

"Chúng tôi sẽ mở rộng mạng lưới giao nhận đến từng xã", ông Trần Văn An, Tổng giám đốc, cho biết.
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def contents(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def export(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, _ = run(["export", "--db", str(db)], capsys)
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.md"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_ingest_adds_figures_and_quotes_with_front_matter(tmp_path, report, capsys) -> None:
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["ingest", str(report), "--db", str(db)], capsys)
    assert code == 0, err
    records = export(db, capsys)
    level = next(r for r in records if r.get("value_text") == "61.200 tỷ đồng")
    assert level["value"] == 61200 and level["unit"] == "tỷ đồng" and level["period"] == "2023"
    assert level["base_value"] == 61200e9 and level["base_unit"] == "VND"
    assert level["qualifier"] == "estimate"
    growth = next(r for r in records if r.get("value_text") == "9,4%")
    assert growth["measure"] == "change" and growth["direction"] == "up"
    assert growth["id"] in level["related"]
    quote = next(r for r in records if r["kind"] == "quote")
    assert quote["speaker"]["name"] == "Trần Văn An"
    assert quote["source"]["outlet"] == "Tin Thử" and quote["source"]["date"] == "2023-12-20"


def test_same_document_twice_adds_nothing(tmp_path, report, capsys) -> None:
    db = tmp_path / "kb.sqlite"
    run(["ingest", str(report), "--db", str(db)], capsys)
    before = contents(db)
    code, _, err = run(["ingest", str(report), "--db", str(db)], capsys)
    assert code == 0 and "unchanged" in err
    assert contents(db) == before


def test_changed_document_from_same_url_replaces_old_version(tmp_path, report, capsys) -> None:
    db = tmp_path / "kb.sqlite"
    run(["ingest", str(report), "--db", str(db)], capsys)
    report.write_text(REPORT.replace("61.200", "62.500"), encoding="utf-8")
    code, _, err = run(["ingest", str(report), "--db", str(db)], capsys)
    assert code == 0 and "replaced" in err
    values = {r.get("value_text") for r in export(db, capsys)}
    assert "62.500 tỷ đồng" in values and "61.200 tỷ đồng" not in values


def test_a_bad_file_fails_alone_and_exit_is_2(tmp_path, report, capsys) -> None:
    db = tmp_path / "kb.sqlite"
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    code, _, err = run(["ingest", str(binary), str(report), "--db", str(db)], capsys)
    assert code == 2
    failure = next(line for line in err.splitlines() if "photo.txt" in line)
    assert failure.startswith(f"error: {binary}: ")
    assert any(r.get("value_text") == "61.200 tỷ đồng" for r in export(db, capsys))


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\x00\x01\x02binary\xff\xfe\x00"])
def test_unusable_file_changes_nothing(tmp_path, report, capsys, content: bytes) -> None:
    db = tmp_path / "kb.sqlite"
    run(["ingest", str(report), "--db", str(db)], capsys)
    before = contents(db)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(["ingest", str(bad), "--db", str(db)], capsys)
    assert code == 2 and "Traceback" not in err
    assert contents(db) == before


def test_missing_path_is_bad_input(tmp_path, capsys) -> None:
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["ingest", str(tmp_path / "nope.md"), "--db", str(db)], capsys)
    assert code == 2 and "nope.md" in err


def test_folder_is_recursed_for_supported_files(tmp_path, capsys) -> None:
    folder = tmp_path / "reports" / "2023"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(
        "Năm 2023, số thuê bao băng rộng cố định đạt 23,5 triệu thuê bao.", encoding="utf-8"
    )
    (folder / "ignored.rtf").write_bytes(b"{\\rtf1 Doanh thu 999 t\\u7927}")
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["ingest", str(tmp_path / "reports"), "--db", str(db)], capsys)
    assert code == 0, err
    values = {r.get("value_text") for r in export(db, capsys)}
    assert {"61.200 tỷ đồng", "23,5 triệu thuê bao"} <= values


@pytest.mark.parametrize("encoding", ["utf-16", "cp1258"])
def test_legacy_encodings_are_decoded(tmp_path, capsys, encoding: str) -> None:
    import unicodedata

    text = "Năm 2023, doanh thu dịch vụ viễn thông đạt 141.000 tỷ đồng, tăng 2,1% so với năm 2022."
    if encoding == "cp1258":
        # Windows-1258 has ă, â, ê, ô, ơ, ư precomposed but writes tone marks as combining ones.
        chunks = []
        for ch in text:
            try:
                chunks.append(ch.encode("cp1258"))
            except UnicodeEncodeError:
                parts = unicodedata.normalize("NFD", ch)
                tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
                base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
                chunks.append((base + tones).encode("cp1258"))
        data = b"".join(chunks)
    else:
        data = text.encode(encoding)
    path = tmp_path / "legacy.txt"
    path.write_bytes(data)
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["ingest", str(path), "--db", str(db)], capsys)
    assert code == 0, err
    level = next(r for r in export(db, capsys) if r.get("value_text") == "141.000 tỷ đồng")
    assert level["metric"].startswith("doanh thu dịch vụ viễn thông")


def test_html_scripts_and_navigation_are_not_text(tmp_path, capsys) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Viễn thông 2023</title><script>var x = '999.999 tỷ đồng';</script>"
        "</head><body><nav>Trang chủ | 123 tin</nav><article><h1>Viễn thông 2023</h1>"
        "<p>Năm 2023, doanh thu dịch vụ viễn thông đạt 141.000 tỷ đồng.</p></article>"
        "<footer>© 2023</footer></body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["ingest", str(page), "--db", str(db)], capsys)
    assert code == 0, err
    values = {r.get("value_text") for r in export(db, capsys)}
    assert "141.000 tỷ đồng" in values and "999.999 tỷ đồng" not in values


def test_default_ingest_writes_the_users_kb_not_the_package(tmp_path, report, capsys) -> None:
    import mickb
    from mickb.kb.paths import shipped_kb, user_kb

    shipped_before = shipped_kb().read_bytes()
    code, _, err = run(["ingest", str(report)], capsys)
    assert code == 0, err
    assert str(user_kb()) in err
    assert shipped_kb().read_bytes() == shipped_before
    assert not (Path(mickb.__file__).parent / "data" / "kb.sqlite.tmp").exists()
    # Reading now uses the user's KB, which holds the shipped sources and the new one.
    code, out, _ = run(["sources", "--json"], capsys)
    assert len(json.loads(out)) == 2


def test_ingest_flags_fill_metadata(tmp_path, capsys) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(
        "Năm 2023, số doanh nghiệp công nghệ số đạt 73.000 doanh nghiệp.", encoding="utf-8"
    )
    db = tmp_path / "kb.sqlite"
    code, _, err = run(
        [
            "ingest",
            str(path),
            "--title",
            "Công nghệ số 2023",
            "--date",
            "2023-12-01",
            "--outlet",
            "Tin Thử",
            "--db",
            str(db),
        ],
        capsys,
    )
    assert code == 0, err
    code, out, _ = run(["sources", "--json", "--db", str(db)], capsys)
    source = json.loads(out)[0]
    assert (source["title"], source["date"], source["outlet"]) == (
        "Công nghệ số 2023",
        "2023-12-01",
        "Tin Thử",
    )


def test_bad_date_flag_changes_nothing(tmp_path, report, capsys) -> None:
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["ingest", str(report), "--date", "20/12/2023", "--db", str(db)], capsys)
    assert code == 2 and err.startswith("error: ") and not db.exists()


def test_flags_fill_only_what_the_document_does_not_state(tmp_path, report, capsys) -> None:
    db = tmp_path / "kb.sqlite"
    args = ["ingest", str(report), "--outlet", "Báo Khác", "--author", "Phạm Thu", "--db", str(db)]
    code, _, err = run(args, capsys)
    assert code == 0, err
    code, out, _ = run(["sources", "--json", "--db", str(db)], capsys)
    source = json.loads(out)[0]
    assert (source["outlet"], source["author"]) == ("Tin Thử", "Phạm Thu")


def test_reingesting_with_a_corrected_flag_updates_the_metadata(tmp_path, capsys) -> None:
    path = tmp_path / "tin.txt"
    path.write_text(
        "Năm 2023, tỉnh Yên Bái có 1.250 doanh nghiệp công nghệ số.\n", encoding="utf-8"
    )
    db = tmp_path / "kb.sqlite"
    args = ["ingest", str(path), "--db", str(db), "-v"]
    run([*args, "--outlet", "Báo Yên Bia", "--date", "2023-11-02"], capsys)
    code, _, err = run([*args, "--outlet", "Báo Yên Bái"], capsys)
    assert code == 0, err
    assert err.splitlines()[0].startswith(f"updated    {path}: metadata corrected")
    code, out, _ = run(["sources", "--json", "--db", str(db)], capsys)
    [source] = json.loads(out)
    assert (source["outlet"], source["date"]) == ("Báo Yên Bái", "2023-11-02")
    code, _, err = run([*args, "--outlet", "Báo Yên Bái"], capsys)
    assert err.splitlines()[0].startswith(f"unchanged  {path}: already in the KB")


def test_on_a_pipe_one_summary_line_with_v_a_line_per_document(tmp_path, capsys) -> None:
    folder = tmp_path / "tin"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Năm 2023, tỉnh Lai Châu có 1 trạm phát sóng 5G đầu tiên.\n", encoding="utf-8"
    )
    (folder / "b.md").write_text(REPORT, encoding="utf-8")
    (folder / "c.rtf").write_text("{\\rtf1 Doanh thu 5 tỷ đồng}", encoding="utf-8")
    db = tmp_path / "kb.sqlite"
    code, out, err = run(["ingest", str(folder), "--db", str(db)], capsys)
    assert code == 0 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"skipped {folder / 'c.rtf'}: ")
    assert lines[1].startswith("ingested 2 documents (2 added); ")
    assert "1 file skipped" in lines[1] and len(lines) == 2
    code, _, err = run(["ingest", str(folder), "--db", str(db), "-v"], capsys)
    lines = err.splitlines()
    assert lines[0].startswith(f"unchanged  {folder / 'a.txt'}: already in the KB (s")
    assert lines[1].startswith(f"unchanged  {folder / 'b.md'}: already in the KB (s")
    code, _, err = run(["ingest", str(folder), "--db", str(tmp_path / "q.sqlite"), "-q"], capsys)
    assert code == 0 and err == ""


def test_counts_are_written_with_the_right_plural(tmp_path, report, capsys) -> None:
    code, _, err = run(["ingest", str(report), "--db", str(tmp_path / "kb.sqlite"), "-v"], capsys)
    assert code == 0
    assert ": 2 figures, 1 quote (s" in err.splitlines()[0]
