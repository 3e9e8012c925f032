"""`mickb build` is deterministic and the committed data/kb.sqlite is what it builds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mickb.ingest.pipeline import build

ROOT = Path(__file__).resolve().parent.parent


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_committed_kb_equals_a_fresh_build(tmp_path: Path) -> None:
    fresh = tmp_path / "kb.sqlite"
    build(ROOT / "data" / "sources", fresh)
    assert dump(fresh) == dump(ROOT / "data" / "kb.sqlite"), (
        "data/kb.sqlite is stale: run 'mickb build' and commit it"
    )


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    build(ROOT / "data" / "sources", tmp_path / "a.sqlite")
    build(ROOT / "data" / "sources", tmp_path / "b.sqlite")
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()


def test_a_failed_build_leaves_the_old_kb(tmp_path: Path) -> None:
    import pytest

    from mickb.errors import BadInput

    target = tmp_path / "kb.sqlite"
    build(ROOT / "data" / "sources", target)
    before = target.read_bytes()
    with pytest.raises(BadInput):
        build(tmp_path / "no-such-folder", target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.sqlite"]
