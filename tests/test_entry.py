"""The fast path (no typer import) and the full CLI print the same bytes and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(args: list[str], fast: bool, columns: int = 100) -> tuple[int, str, str]:
    env = dict(os.environ, COLUMNS=str(columns), NO_COLOR="1")
    if not fast:
        env["MICKB_NO_FASTPATH"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "mickb", *args], capture_output=True, text=True, env=env, check=False
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["-h"],
        ["find", "doanh thu viễn thông", "--json"],
        ["find", "thue bao smartphone", "--jsonl", "-n", "3"],
        ["find", "138.000", "--csv", "--kind", "fact"],
        ["find", "Thủ tướng", "--kind", "quote", "--limit", "2"],
        ["find", "doanh thu", "--sector", "viễn thông", "--period", "2022", "--json"],
        ["find", "zzzqqq", "--json"],
        ["find", "   ", "--json"],
        ["find", "doanh thu", "--kind", "person"],
        ["find", "doanh thu", "--limit", "0"],
        ["find", "doanh thu", "--json", "--csv"],
        ["find", "doanh thu", "--nope"],
    ],
)
def test_fast_path_prints_what_the_full_cli_prints(seed_kb: Path, args: list[str]) -> None:
    if args and args[0] == "find":
        args = [*args, "--db", str(seed_kb)]
    assert run(args, fast=True) == run(args, fast=False)


def test_find_json_does_not_import_typer(seed_kb: Path) -> None:
    probe = (
        "import sys\nfrom mickb.cli.entry import main\n"
        f"try:\n    main(['find', 'doanh thu', '--json', '--db', {str(seed_kb)!r}])\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write('TYPER=' + str('typer' in sys.modules or 'click' in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert proc.stderr.endswith("TYPER=False")
