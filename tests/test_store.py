"""The KB file: records in and out, versions, damaged and foreign files, schema upgrades."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from kbfactory import doc, fact, telecom_doc, telecom_records

from mickb.errors import (
    KBCorrupt,
    KBLocked,
    KBMissing,
    KBOutdated,
    NotAMickbKB,
    RecordNotFound,
)
from mickb.kb import schema as migrations
from mickb.kb.store import KB

FACT_KEYS = [
    "kind",
    "id",
    "metric",
    "metric_en",
    "measure",
    "value",
    "unit",
    "value_text",
    "total",
    "qualifier",
    "base_value",
    "base_unit",
    "period",
    "compared_to",
    "direction",
    "sector",
    "related",
    "sentence",
    "source",
]
QUOTE_KEYS = ["kind", "id", "text", "speaker", "form", "sentence", "source"]
SOURCE_KEYS = ["id", "title", "date", "url", "outlet", "author"]


def build(path: Path) -> KB:
    kb = KB.open(path, create=True)
    document = telecom_doc()
    facts, quotes = telecom_records(document)
    kb.add_document(document, facts, quotes, path="sources/tong-ket.txt")
    return kb


def by_value_text(kb: KB) -> dict[str, dict]:
    return {r["value_text"]: r for r in kb.iter_records("fact")}


def test_records_have_the_contract_shape(tmp_path: Path) -> None:
    with build(tmp_path / "kb.sqlite") as kb:
        records = list(kb.iter_records())
    facts = [r for r in records if r["kind"] == "fact"]
    quotes = [r for r in records if r["kind"] == "quote"]
    assert len(facts) == 8 and len(quotes) == 2
    assert all(list(r) == FACT_KEYS for r in facts)
    assert all(list(r) == QUOTE_KEYS for r in quotes)
    revenue = next(r for r in facts if r["value_text"] == "138.000 tỷ đồng")
    # The text says "138.000 tỷ đồng": 138 thousand billion dong.
    assert revenue["value"] == 138000 and isinstance(revenue["value"], int)
    assert revenue["unit"] == "tỷ đồng"
    assert revenue["base_value"] == 138_000_000_000_000 and revenue["base_unit"] == "VND"
    assert revenue["sentence"].startswith("Lĩnh vực viễn thông: doanh thu dịch vụ viễn thông")
    assert list(revenue["source"]) == SOURCE_KEYS
    assert revenue["source"]["date"] == "2022-12-18"
    hung = next(q for q in quotes if q["speaker"]["name"] == "Nguyễn Mạnh Hùng")
    assert hung["text"] == "Chuyển đổi số phải đi vào từng hộ gia đình"
    assert hung["speaker"]["role"] == "Bộ trưởng Thông tin và Truyền thông"
    json.dumps(records, ensure_ascii=False)  # every record is plain JSON


def test_records_come_in_reading_order(tmp_path: Path) -> None:
    with build(tmp_path / "kb.sqlite") as kb:
        texts = [r.get("value_text") or r["text"] for r in kb.iter_records()]
        assert [r["kind"] for r in kb.iter_records("quote")] == ["quote", "quote"]
    assert texts == [
        "138.000 tỷ đồng",
        "1,6%",
        "75,80%",
        "1,4%",
        "14,26%",
        "34.336 triệu USD",
        "3.200",
        "59%",
        "Chuyển đổi số phải đi vào từng hộ gia đình",
        "không để ai bị bỏ lại phía sau",
    ]


def test_a_level_and_its_growth_rate_point_at_each_other(tmp_path: Path) -> None:
    with build(tmp_path / "kb.sqlite") as kb:
        facts = by_value_text(kb)
        level, rate = facts["138.000 tỷ đồng"], facts["1,6%"]
        assert level["related"] == [rate["id"]] and rate["related"] == [level["id"]]
        # "75,80%" and "1,4%" are another pair in the same sentence, not tied to 138.000.
        assert facts["1,4%"]["related"] == [facts["75,80%"]["id"]]
        shown = kb.context(rate["id"])
    assert shown["record"] == rate
    assert [r["id"] for r in shown["related"]] == [level["id"]]
    assert shown["paragraph"].startswith("Lĩnh vực viễn thông:")
    assert shown["paragraph"].endswith("tăng 1,4% so năm 2021.")
    assert shown["document"]["title"] == "Tổng kết năm 2022"
    assert shown["document"]["path"] == "sources/tong-ket.txt"


def test_get_a_record_and_an_unknown_id(tmp_path: Path) -> None:
    with build(tmp_path / "kb.sqlite") as kb:
        some = next(kb.iter_records("quote"))
        assert kb.get(some["id"]) == some
        with pytest.raises(RecordNotFound):
            kb.get("fdeadbeef000")


def test_the_same_document_twice_adds_nothing(tmp_path: Path) -> None:
    with build(tmp_path / "kb.sqlite") as kb:
        before = list(kb.iter_records())
        document = telecom_doc()
        result = kb.add_document(document, *telecom_records(document))
        assert result.status == "unchanged"
        assert list(kb.iter_records()) == before
        assert kb.stats()["sources"] == 1


def test_a_changed_document_from_the_same_url_replaces_the_old_one(tmp_path: Path) -> None:
    with build(tmp_path / "kb.sqlite") as kb:
        old_id = kb.sources()[0]["id"]
        revised = doc(
            "Doanh thu dịch vụ viễn thông năm 2022 đạt 140.000 tỷ đồng.",
            title="Tổng kết năm 2022 (sửa)",
            url="https://example.vn/tong-ket-2022",
        )
        facts = [
            fact(revised, "140.000 tỷ đồng", 140000, "tỷ đồng", "doanh thu dịch vụ viễn thông")
        ]
        result = kb.add_document(revised, facts, [])
        assert result.status == "replaced" and result.replaced == [old_id]
        assert [s["title"] for s in kb.sources()] == ["Tổng kết năm 2022 (sửa)"]
        assert [r["value_text"] for r in kb.iter_records()] == ["140.000 tỷ đồng"]
        stats = kb.stats()
        assert (stats["facts"], stats["quotes"], stats["speakers"]) == (1, 0, 0)
        hits = kb.connection.execute(
            "SELECT count(*) FROM facts_fts WHERE facts_fts MATCH 'smartphone'"
        ).fetchone()[0]
        assert hits == 0  # the old version is gone from the index too


def test_a_failed_write_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with build(tmp_path / "kb.sqlite") as kb:
        before = list(kb.iter_records())

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(migrations, "add_terms", broken)
        other = doc("Doanh thu bưu chính tăng 20% so năm 2021.", url="https://example.vn/bc")
        with pytest.raises(RuntimeError):
            kb.add_document(other, [fact(other, "20%", 20, "%", "doanh thu bưu chính")], [])
        assert list(kb.iter_records()) == before
        assert len(kb.sources()) == 1


def test_full_text_index_is_the_one_sqlite_utils_and_datasette_use(tmp_path: Path) -> None:
    import sqlite_utils

    build(tmp_path / "kb.sqlite").close()
    db = sqlite_utils.Database(tmp_path / "kb.sqlite")
    assert db["facts"].detect_fts() == "facts_fts"
    assert db["quotes"].detect_fts() == "quotes_fts"
    # Matches without diacritics, đ folded to d.
    found = [r["value_text"] for r in db["facts"].search("doanh thu dich vu vien thong")]
    assert "138.000 tỷ đồng" in found
    assert [r["text"] for r in db["quotes"].search("khong de ai")] == [
        "không để ai bị bỏ lại phía sau"
    ]


def test_sqlite_utils_search_reads_the_kb_from_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    build(tmp_path / "kb.sqlite").close()
    found = subprocess.run(
        [
            sys.executable,
            "-m",
            "sqlite_utils",
            "search",
            str(tmp_path / "kb.sqlite"),
            "facts",
            "doanh thu dich vu vien thong",
            "-c",
            "value_text",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert {"value_text": "138.000 tỷ đồng"} in json.loads(found.stdout)


def test_building_twice_gives_identical_bytes(tmp_path: Path) -> None:
    for name in ("a.sqlite", "b.sqlite"):
        kb = build(tmp_path / name)
        other = doc("Số thuê bao băng rộng cố định đạt 21 triệu.", url="https://example.vn/bb")
        kb.add_document(other, [fact(other, "21 triệu", 21, "triệu", "thuê bao băng rộng")], [])
        kb.compact()
        kb.close()
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()
    assert not (tmp_path / "a.sqlite-wal").exists()
    with KB.open(tmp_path / "a.sqlite", readonly=True) as kb:
        hits = kb.connection.execute(
            "SELECT count(*) FROM facts_fts WHERE facts_fts MATCH 'bang rong'"
        ).fetchone()[0]
    assert hits == 1


def test_a_missing_kb_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "kb.sqlite"
    for readonly in (False, True):
        with pytest.raises(KBMissing):
            KB.open(missing, readonly=readonly)
    assert not missing.exists() and not missing.parent.exists()


@pytest.mark.parametrize("readonly", [False, True])
def test_a_file_that_is_not_sqlite_is_corrupt(tmp_path: Path, readonly: bool) -> None:
    bogus = tmp_path / "kb.sqlite"
    bogus.write_text("Doanh thu viễn thông\n" * 200, encoding="utf-8")
    with pytest.raises(KBCorrupt):
        KB.open(bogus, readonly=readonly)
    assert bogus.read_text(encoding="utf-8").startswith("Doanh thu")


def test_a_truncated_kb_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    build(path).compact()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00" * 50 + data[150:2000])
    with pytest.raises(KBCorrupt):
        with KB.open(path, readonly=True) as kb:
            list(kb.iter_records())


def test_a_folder_is_not_a_kb(tmp_path: Path) -> None:
    with pytest.raises(KBCorrupt):
        KB.open(tmp_path)


def test_another_sqlite_database_is_not_a_mickb_kb(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE dogs (name TEXT)")
    conn.commit()
    conn.close()
    for readonly in (False, True):
        with pytest.raises(NotAMickbKB):
            KB.open(other, readonly=readonly)
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    with pytest.raises(NotAMickbKB):
        KB.open(empty, readonly=True)
    conn = sqlite3.connect(other)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("dogs",)]


def test_an_empty_file_can_become_a_kb(tmp_path: Path) -> None:
    empty = tmp_path / "kb.sqlite"
    empty.write_bytes(b"")
    with KB.open(empty, create=True) as kb:
        assert kb.stats()["facts"] == 0


def test_a_read_only_kb_can_be_read(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    kb = build(path)
    kb.compact()
    kb.close()
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with KB.open(path, readonly=True) as kb:
            assert len(list(kb.iter_records())) == 10
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_a_wal_kb_can_be_read_read_only(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    writer = build(path)  # still open: its -wal file holds the data
    with KB.open(path, readonly=True) as reader:
        assert reader.stats()["facts"] == 8
    writer.close()


def test_an_older_schema_is_upgraded_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    migrations.migrate(conn, upto=1)
    conn.execute("INSERT INTO sources (id, sha256, title) VALUES ('s1', 'aa', 'Cũ')")
    conn.execute(
        "INSERT INTO facts (id, source_id, metric, value, value_text, search_text) "
        "VALUES ('f1', 's1', 'doanh thu', 5, '5 tỷ đồng', 'doanh thu | 5 ty dong')"
    )
    conn.execute("COMMIT")
    conn.close()
    with KB.open(path, readonly=True) as kb:
        assert kb.schema_version == migrations.SCHEMA_VERSION
        assert kb.get("f1")["value_text"] == "5 tỷ đồng"
        terms = dict(kb.connection.execute("SELECT term, n FROM terms").fetchall())
    assert terms["doanh"] == 1 and terms["ty"] == 1


def test_a_newer_schema_is_read_but_not_written(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    build(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with KB.open(path, readonly=True) as kb:
        assert kb.stats()["facts"] == 8
    with pytest.raises(KBOutdated):
        KB.open(path)


def test_a_kb_locked_by_another_writer_times_out(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    build(path).close()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        kb = KB.open(path, timeout=0.3)
        other = doc("Doanh thu bưu chính tăng 20% so năm 2021.", url="https://example.vn/bc")
        with pytest.raises(KBLocked):
            kb.add_document(other, [fact(other, "20%", 20, "%", "doanh thu bưu chính")], [])
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert kb.stats()["sources"] == 1
    kb.close()
