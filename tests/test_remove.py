"""`mickb remove`: a source goes with everything of it, or nothing goes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mickb.cli.entry import main

FIRST = """---
title: "Viễn thông Quảng Trị năm 2023"
url: "https://example.vn/quang-tri-2023"
---
Năm 2023, doanh thu viễn thông của tỉnh Quảng Trị đạt 1.480 tỷ đồng, tăng 4,2% so với năm 2022.

“Hạ tầng số phải đến tận bản làng”, bà Hồ Thị Mai, Giám đốc Sở Thông tin và Truyền thông, nói.
"""
SECOND = """---
title: "Bưu chính Kon Tum năm 2023"
url: "https://example.vn/kon-tum-2023"
---
Năm 2023, sản lượng bưu gửi của tỉnh Kon Tum đạt 2,3 triệu bưu gửi, tăng 11% so với năm 2022.
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def kb_rows(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        tables = ("sources", "passages", "facts", "quotes", "speakers", "terms")
        rows = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
        # What the full-text index finds for every term of the vocabulary.
        rows["fts"] = [
            (
                term,
                conn.execute(
                    "SELECT count(*) FROM facts_fts WHERE facts_fts MATCH ?", (f'"{term}"',)
                ).fetchone()[0],
            )
            for (term, _) in rows["terms"]
        ]
        return rows
    finally:
        conn.close()


@pytest.fixture
def docs(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "quang-tri.md", tmp_path / "kon-tum.md"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def source_ids(db: Path, capsys) -> dict[str, str]:
    code, out, _ = run(["sources", "--json", "--db", str(db)], capsys)
    return {s["title"]: s["id"] for s in json.loads(out)} if code == 0 else {}


def test_removing_a_source_leaves_the_kb_as_if_it_never_came(tmp_path, docs, capsys) -> None:
    first, second = docs
    only_second = tmp_path / "only-second.sqlite"
    run(["ingest", str(second), "--db", str(only_second)], capsys)
    db = tmp_path / "kb.sqlite"
    run(["ingest", str(first), str(second), "--db", str(db)], capsys)
    removed = source_ids(db, capsys)["Viễn thông Quảng Trị năm 2023"]
    code, _, err = run(["remove", removed, "--db", str(db)], capsys)
    assert code == 0, err
    assert err.startswith(f"removed {removed}: Viễn thông Quảng Trị năm 2023 (2 figures, 1 quote)")
    assert kb_rows(db) == kb_rows(only_second)
    code, out, _ = run(
        ["find", "doanh thu viễn thông Quảng Trị", "--json", "--db", str(db)], capsys
    )
    assert removed not in {r["source"]["id"] for r in json.loads(out)["results"]}


def test_an_unknown_id_removes_nothing_and_exits_2(tmp_path, docs, capsys) -> None:
    db = tmp_path / "kb.sqlite"
    run(["ingest", *map(str, docs), "--db", str(db)], capsys)
    before = kb_rows(db)
    known = next(iter(source_ids(db, capsys).values()))
    code, _, err = run(["remove", known, "s000000000ff", "--db", str(db)], capsys)
    assert code == 2
    assert err == (
        "error: no source with id 's000000000ff'; nothing was removed "
        "(see 'mickb sources' for the ids)\n"
    )
    assert kb_rows(db) == before


def test_remove_never_writes_the_shipped_kb(tmp_path, capsys) -> None:
    from mickb.kb.paths import shipped_kb, user_kb

    shipped = shipped_kb().read_bytes()
    code, _, err = run(["remove", "s000000000ff"], capsys)
    assert code == 2 and err.startswith("error: no source with id")
    assert not user_kb().exists()
    assert shipped_kb().read_bytes() == shipped
