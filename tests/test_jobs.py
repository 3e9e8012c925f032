"""Ingest on several cores: the same records and bytes whatever --jobs, batches invisible.

Texts written for these tests, in the style of provincial ICT reports.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mickb.cli.entry import main
from mickb.ingest.pipeline import build, ingest
from mickb.kb.store import KB

PROVINCES = ("Nam Định", "Thái Bình", "Hà Nam", "Ninh Bình", "Hưng Yên", "Hải Dương")


def report(province: str, n: int) -> str:
    revenue = 1200 + 37 * n
    return (
        f"# Sở Thông tin và Truyền thông {province} tổng kết năm 2023\n\n"
        f"Năm 2023, doanh thu bưu chính, viễn thông trên địa bàn tỉnh {province} ước đạt "
        f"{revenue // 1000}.{revenue % 1000:03d} tỷ đồng, tăng {5 + n},{n}% so với năm 2022.\n\n"
        f"Toàn tỉnh có {410 + n} trạm phát sóng 5G, phủ sóng {60 + n}% số xã.\n\n"
        f"“Chúng tôi đặt mục tiêu mọi thôn, xóm đều có cáp quang”, ông Lê Văn Bình {n}, "
        f"Giám đốc Sở, cho biết.\n"
    )


def write_folder(folder: Path, count: int = 12) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        province = PROVINCES[n % len(PROVINCES)]
        (folder / f"{n:02d}-bao-cao.md").write_text(report(province, n), encoding="utf-8")
    return folder


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_two_workers_store_what_one_stores(tmp_path: Path, capsys, monkeypatch) -> None:
    from mickb.ingest import workers

    monkeypatch.setattr(workers, "TASK_DOCS", 2)  # documents interleave between the workers
    folder = write_folder(tmp_path / "reports")
    exports = []
    for jobs in ("1", "2"):
        db = tmp_path / f"kb-{jobs}.sqlite"
        code, _, err = run(["ingest", str(folder), "--jobs", jobs, "--db", str(db)], capsys)
        assert code == 0, err
        code, out, _ = run(["export", "--db", str(db)], capsys)
        assert code == 0
        exports.append(out)
    assert exports[0] == exports[1]
    records = [json.loads(line) for line in exports[0].splitlines()]
    assert len({r["source"]["id"] for r in records}) == 12
    growth = [r for r in records if r["kind"] == "fact" and r["measure"] == "change"]
    assert len(growth) == 12 and all(r["direction"] == "up" for r in growth)


def test_a_build_is_the_same_bytes_with_one_or_two_workers(tmp_path: Path, monkeypatch) -> None:
    from mickb.ingest import workers

    monkeypatch.setattr(workers, "TASK_DOCS", 3)
    folder = write_folder(tmp_path / "sources")
    build(folder, tmp_path / "one.sqlite", jobs=1)
    build(folder, tmp_path / "two.sqlite", jobs=2)
    assert (tmp_path / "one.sqlite").read_bytes() == (tmp_path / "two.sqlite").read_bytes()


def test_batches_change_nothing_a_reader_sees(tmp_path: Path, monkeypatch) -> None:
    """Committed three documents at a time or all at once: the same KB."""
    from mickb.kb import loader

    folder = write_folder(tmp_path / "reports", 7)
    with KB.open(tmp_path / "whole.sqlite", create=True) as kb:
        ingest(kb, [folder])
    monkeypatch.setattr(loader, "BATCH_DOCS", 3)
    with KB.open(tmp_path / "batches.sqlite", create=True) as kb:
        outcomes = ingest(kb, [folder]).outcomes
    assert [o.status for o in outcomes] == ["added"] * 7
    tables = "sources, passages, facts, quotes, speakers, terms"
    for table in tables.split(", "):
        rows = [
            sqlite3.connect(tmp_path / name).execute(f"SELECT * FROM {table}").fetchall()
            for name in ("whole.sqlite", "batches.sqlite")
        ]
        assert rows[0] == rows[1], table


def test_a_failing_document_among_workers_fails_alone(tmp_path: Path, capsys) -> None:
    folder = write_folder(tmp_path / "reports", 5)
    (folder / "03-bao-cao.md").write_bytes(b"\x00\x01binary\xff" * 50)
    db = tmp_path / "kb.sqlite"
    code, _, err = run(["ingest", str(folder), "-j", "2", "--db", str(db)], capsys)
    assert code == 2
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {folder / '03-bao-cao.md'}: ")
    with KB.open(db, readonly=True) as kb:
        assert len(kb.sources()) == 4


def test_the_same_document_twice_in_one_run_is_stored_once(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "reports", 3)
    (folder / "99-copy.md").write_text(report(PROVINCES[0], 0), encoding="utf-8")
    with KB.open(tmp_path / "kb.sqlite", create=True) as kb:
        outcomes = ingest(kb, [folder], jobs=2).outcomes
        assert [o.status for o in outcomes] == ["added", "added", "added", "unchanged"]
        assert len(kb.sources()) == 3


def test_a_kb_locked_past_the_timeout_stops_the_workers_and_changes_nothing(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    from mickb.ingest import workers

    monkeypatch.setattr(workers, "TASK_DOCS", 1)
    folder = write_folder(tmp_path / "reports", 6)
    db = tmp_path / "kb.sqlite"
    KB.open(db, create=True).close()
    before = dump(db)
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    monkeypatch.setenv("MICKB_TIMEOUT", "0.3")
    try:
        code, _, err = run(["ingest", str(folder), "-j", "2", "--db", str(db)], capsys)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert code == 3 and err.startswith("error: the knowledge base") and "locked" in err
    assert dump(db) == before
