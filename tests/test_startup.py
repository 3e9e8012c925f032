"""Start-up stays fast because heavy modules load only where used (bench/ has the timings)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from mickb.cli.entry import main
try:
    main({args!r})
except SystemExit:
    pass
names = ("rich", "sqlite_utils", "pydantic", "rapidfuzz", "dataclasses", "mickb.text.numbers")
heavy = sorted(m for m in names if m in sys.modules)
sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""


def loaded(args: list[str]) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=False
    )
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("HEAVY=")][-1]
    return set(filter(None, line[len("HEAVY=") :].split(",")))


def test_help_imports_nothing_heavy() -> None:
    assert loaded(["--help"]) == set()


def test_json_query_imports_nothing_heavy(seed_kb: Path) -> None:
    # rapidfuzz only for spelling corrections ("vin thông"), not for words the KB knows.
    assert loaded(["find", "doanh thu viễn thông", "--json", "--db", str(seed_kb)]) == set()
    assert loaded(["find", "vin thông", "--json", "--db", str(seed_kb)]) == {"rapidfuzz"}


def test_json_query_with_a_figure_does_not_import_dataclasses(seed_kb: Path) -> None:
    # dataclasses (with inspect, ast, dis) was ~10 ms of a ~70 ms `find --json`: the classes on
    # the query path are NamedTuples or plain classes, including those of the number reader
    mods = loaded(["find", "telecom revenue 138.000 tỷ", "--json", "--db", str(seed_kb)])
    assert "mickb.text.numbers" in mods and "dataclasses" not in mods


def test_piped_table_imports_neither_rich_nor_sqlite_utils(seed_kb: Path) -> None:
    # Piped, a table is tab-separated lines: rich alone costs ~2x the interpreter's start-up.
    assert loaded(["find", "doanh thu viễn thông", "--db", str(seed_kb)]) == set()


def test_table_on_a_terminal_imports_rich_but_not_sqlite_utils(
    seed_kb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MICKB_FORCE_TTY", "1")
    mods = loaded(["find", "doanh thu viễn thông", "--db", str(seed_kb)])
    assert "rich" in mods and "sqlite_utils" not in mods
