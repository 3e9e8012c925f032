"""`mickb extract` then `mickb load`: the KB `mickb ingest` makes, never half a document."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from mickb.cli.entry import main

REPORT = """---
title: "Chuyển đổi số tỉnh Bình Phước năm 2023"
date: "2023-12-28"
outlet: "Tin Thử"
---
Năm 2023, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh Bình Phước đạt 68,5%.

Doanh thu thương mại điện tử của tỉnh ước đạt 2.150 tỷ đồng, tăng 18,4% so với năm 2022.

“Người dân phải được phục vụ trên môi trường số”, ông Trần Quốc Hưng, Chủ tịch UBND tỉnh, nhấn mạnh.
"""
NOTE = "Trong quý IV/2023, toàn tỉnh lắp mới 120 trạm phát sóng di động.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None):
    if stdin is not None:
        import io

        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    try:
        with pytest.raises(SystemExit) as exit_info:
            main(args)
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture
def docs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "binh-phuoc.md").write_text(REPORT, encoding="utf-8")
    (folder / "ghi-chu.txt").write_text(NOTE, encoding="utf-8")
    return [folder / "binh-phuoc.md", folder / "ghi-chu.txt"]


def test_extract_then_load_gives_what_ingest_gives(tmp_path, docs, capsys) -> None:
    code, lines, err = run(["extract", *map(str, docs), "--jsonl"], capsys)
    assert code == 0, err
    records = [json.loads(line) for line in lines.splitlines()]
    assert [r["kind"] for r in records if r["kind"] in ("source", "end")] == [
        "source",
        "end",
        "source",
        "end",
    ]
    level = next(r for r in records if r.get("value_text") == "2.150 tỷ đồng")
    assert level["value"] == 2150 and level["source"]["outlet"] == "Tin Thử"
    assert level["position"]["passage"] is not None
    (tmp_path / "records.jsonl").write_text(lines, encoding="utf-8")

    ingested, loaded = tmp_path / "ingested.sqlite", tmp_path / "loaded.sqlite"
    assert run(["ingest", *map(str, docs), "--db", str(ingested)], capsys)[0] == 0
    code, _, err = run(["load", str(tmp_path / "records.jsonl"), "--db", str(loaded)], capsys)
    assert code == 0, err
    assert "loaded 2 documents (2 added)" in err
    for args in (["export"], ["find", "thuong mai dien tu", "--json"], ["show", level["id"]]):
        outputs = [run([*args, "--db", str(db)], capsys)[1] for db in (ingested, loaded)]
        assert outputs[0] == outputs[1] and outputs[0]
    conn = [sqlite3.connect(db) for db in (ingested, loaded)]
    for table in ("passages", "facts", "quotes", "speakers", "terms"):
        assert [c.execute(f"SELECT * FROM {table}").fetchall() for c in conn][0] == (
            conn[1].execute(f"SELECT * FROM {table}").fetchall()
        ), table
    # Loading the same lines again adds nothing.
    code, _, err = run(["load", "-", "--db", str(loaded)], capsys, stdin=lines)
    assert code == 0 and "2 unchanged" in err


def test_a_document_cut_off_before_its_end_line_is_not_stored(tmp_path, docs, capsys) -> None:
    _, lines, _ = run(["extract", *map(str, docs)], capsys)
    kept = lines.splitlines()
    last_end = max(i for i, line in enumerate(kept) if json.loads(line)["kind"] == "end")
    cut = "\n".join(kept[:last_end]) + "\n"  # the second document loses its end line
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["load", "-", "--db", str(db)], capsys, stdin=cut)
    assert code == 2
    assert f"error: {docs[1]}: <stdin> ends before this document's end line" in err
    code, out, _ = run(["sources", "--json", "--db", str(db)], capsys)
    assert [s["title"] for s in json.loads(out)] == ["Chuyển đổi số tỉnh Bình Phước năm 2023"]


def test_a_damaged_line_fails_its_document_only(tmp_path, docs, capsys) -> None:
    _, lines, _ = run(["extract", *map(str, docs)], capsys)
    kept = lines.splitlines()
    second = max(i for i, line in enumerate(kept) if json.loads(line)["kind"] == "source")
    kept[second + 1] = kept[second + 1][: len(kept[second + 1]) // 2]
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["load", "-", "--db", str(db)], capsys, stdin="\n".join(kept) + "\n")
    assert code == 2
    [error] = [line for line in err.splitlines() if line.startswith("error:")]
    assert error.startswith(f"error: {docs[1]}: <stdin>: line {second + 2}: not JSON (")
    assert error.endswith("; that document is not stored")
    code, out, _ = run(["sources", "--json", "--db", str(db)], capsys)
    assert len(json.loads(out)) == 1


def test_extract_reports_an_unreadable_file_and_goes_on(tmp_path, docs, capsys) -> None:
    bad = tmp_path / "anh.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    code, out, err = run(["extract", str(bad), str(docs[1])], capsys)
    assert code == 2
    assert err.startswith(f"error: {bad}: ")
    assert [json.loads(line)["kind"] for line in out.splitlines()][0] == "source"


def test_load_of_something_else_is_bad_input(tmp_path, capsys) -> None:
    code, _, err = run(["load", "-", "--db", str(tmp_path / "kb.sqlite")], capsys, stdin="")
    assert code == 2 and err.startswith("error: <stdin>: no documents")
