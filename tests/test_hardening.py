"""Whatever users point mickb at: one `error:` line, the contract's exit code, no traceback,
and the KB unchanged by a failing command."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def mickb(args: list[str], stdin: bytes | None = None, **env: str) -> tuple[int, str, str]:
    environment = dict(os.environ, NO_COLOR="1", **env)
    proc = subprocess.run(
        [sys.executable, "-m", "mickb", *args],
        input=stdin,
        capture_output=True,
        env=environment,
        check=False,
    )
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def one_error_line(err: str) -> bool:
    return err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "query",
    [
        "\x01\x02 doanh thu \x1b[31m",
        "doanh thu \u200b\u202e",
        "🚀📈 viễn thông",
        "((((",
        "'; DROP TABLE facts; --",
    ],
)
def test_odd_queries_give_results_or_nothing(seed_kb: Path, query: str) -> None:
    code, out, err = mickb(["find", query, "--json", "--db", str(seed_kb)])
    assert code in (0, 1) and "Traceback" not in err


@pytest.mark.parametrize("claim", ["", "   ", "\t\n"])
def test_empty_claim_is_bad_input(seed_kb: Path, claim: str) -> None:
    code, out, err = mickb(["check", claim, "--db", str(seed_kb)])
    assert code == 2 and out == "" and one_error_line(err)


def test_long_and_odd_claims_never_crash(seed_kb: Path) -> None:
    for claim in ["doanh thu " * 10_000 + "138.000 tỷ đồng", "😀 tăng 12,7% 😀", 'AND ( NEAR( " *']:
        code, out, err = mickb(["check", claim, "--json", "--db", str(seed_kb)])
        assert code in (0, 1) and "Traceback" not in err


def test_invalid_utf8_on_stdin_is_bad_input(seed_kb: Path) -> None:
    code, out, err = mickb(["check", "-", "--db", str(seed_kb)], stdin=b"doanh thu \xff\xfe 138\n")
    assert code == 2 and one_error_line(err) and "UTF-8" in err


def test_empty_quote_is_bad_input(seed_kb: Path) -> None:
    code, out, err = mickb(["quote", " ", "--db", str(seed_kb)])
    assert code == 2 and one_error_line(err)


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    code, _, err = mickb(["find", "x", "--db", str(tmp_path / "missing.sqlite")], MICKB_DEBUG="1")
    assert code == 3 and "Traceback" in err


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"this is not a database at all" * 100, "not"), (b"SQLite format 3\x00" + b"\x00" * 50, "")],
)
def test_corrupt_kb_is_exit_3(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "kb.sqlite"
    path.write_bytes(content)
    for args in (["find", "doanh thu"], ["stats"], ["export"], ["ingest", str(path)]):
        code, out, err = mickb([*args, "--db", str(path)])
        assert code == 3 and one_error_line(err), (args, err)
    assert path.read_bytes() == content


def test_another_sqlite_database_is_not_a_mickb_kb(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    code, _, err = mickb(["find", "doanh thu", "--db", str(path)])
    assert code == 3 and one_error_line(err) and "mickb" in err
    assert path.read_bytes() == before


def test_read_only_kb_can_be_read(seed_kb: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "kb.sqlite"
    shutil.copyfile(seed_kb, path)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        code, out, err = mickb(["find", "138.000", "--json", "--db", str(path)])
        assert code == 0, err
        assert '"138.000 tỷ đồng"' in out
    finally:
        folder.chmod(stat.S_IRWXU)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_locked_kb_times_out_with_exit_3_and_changes_nothing(seed_kb: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    shutil.copyfile(seed_kb, path)
    report = tmp_path / "r.txt"
    report.write_text(
        "Năm 2023, doanh thu dịch vụ viễn thông đạt 141.000 tỷ đồng.", encoding="utf-8"
    )
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        code, out, err = mickb(["ingest", str(report), "--db", str(path)], MICKB_TIMEOUT="0.5")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert code == 3 and one_error_line(err), err
    code, out, _ = mickb(["find", "141.000", "--json", "--db", str(path)])
    assert '"141.000 tỷ đồng"' not in out


def test_bad_timeout_setting_is_bad_input(seed_kb: Path) -> None:
    code, _, err = mickb(["stats", "--db", str(seed_kb)], MICKB_TIMEOUT="soon")
    assert code == 2 and one_error_line(err)


def test_a_reader_that_leaves_early_is_not_an_error(tmp_path: Path) -> None:
    """`mickb export | head -1`: the broken pipe ends the command quietly, exit 0."""
    report = tmp_path / "many.txt"
    report.write_text(
        "\n\n".join(
            f"Năm 2023, doanh thu của đơn vị số {i} đạt {i + 100}.500 tỷ đồng." for i in range(600)
        ),
        encoding="utf-8",
    )
    db = tmp_path / "kb.sqlite"
    assert mickb(["ingest", str(report), "--db", str(db)])[0] == 0
    for args in (["export"], ["find", "doanh thu", "--limit", "500"]):
        proc = subprocess.Popen(
            [sys.executable, "-m", "mickb", *args, "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(os.environ, NO_COLOR="1", COLUMNS="80"),
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # the reader leaves with more than a pipe buffer still to come
        err = proc.stderr.read().decode()
        assert proc.wait() == 0, (args, err)
        assert err == ""
