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
        ["find", "doanh thu", "--since", "2022-01-01", "--until", "2022-12", "--sort", "date"],
        ["find", "doanh thu", "--since", "yesterday"],
        ["find", "doanh thu", "--sort", "newest"],
        ["find", "bóng đá ngoại hạng anh"],
        ["find", "bóng đá ngoại hạng anh", "--all", "--jsonl"],
        ["find", "doanh thu", "--sort", "value", "-n", "3"],
        ["find", "doanh thu", "--db", ""],
        ["check", "Doanh thu dịch vụ viễn thông năm 2022 đạt 139.000 tỷ đồng", "--json"],
        ["check", "Telecom revenue grew 1.6% in 2022"],
        ["check", "Năm 2022 ngành phát triển mạnh", "--json"],
        ["check", "--json"],
        ["check", "một", "hai"],
        ["check", "   "],
        ["check", "--article", "no-such-file.txt"],
        ["quote", "không để ai bị bỏ lại phía sau", "--by", "Thủ tướng", "--json"],
        ["quote", "không để ai bị bỏ lại phía sau", "--by", "Lê Quốc Minh"],
        ["quote", ""],
    ],
)
def test_fast_path_prints_what_the_full_cli_prints(seed_kb: Path, args: list[str]) -> None:
    if args and args[0] in ("find", "check", "quote"):
        args = [*args, "--db", str(seed_kb)]
    assert run(args, fast=True) == run(args, fast=False)


def test_check_and_quote_json_do_not_import_typer(seed_kb: Path) -> None:
    for args in (
        ["check", "Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng", "--json"],
        ["quote", "không để ai bị bỏ lại phía sau", "--json"],
    ):
        probe = (
            "import sys\nfrom mickb.cli.entry import main\n"
            f"try:\n    main({[*args, '--db', str(seed_kb)]!r})\n"
            "except SystemExit:\n    pass\n"
            "sys.stderr.write('TYPER=' + str('typer' in sys.modules or 'click' in sys.modules))\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=False
        )
        assert proc.stderr.endswith("TYPER=False"), args


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


@pytest.mark.parametrize(
    ("name", "table"),
    [("find", "FIND_OPTIONS"), ("check", "CHECK_OPTIONS"), ("quote", "QUOTE_OPTIONS")],
)
def test_the_fast_paths_options_are_the_typer_commands(name: str, table: str) -> None:
    # The fast path reads these command lines itself: its tables must name every option of
    # the Typer command, with the same parameter and whether it takes a value.
    import click
    import typer

    from mickb.cli import commands
    from mickb.cli.app import app

    command = typer.main.get_command(app)
    assert isinstance(command, click.Group)
    expected = {
        flag: (param.name, not param.is_flag)
        for param in command.commands[name].params
        if isinstance(param, click.Option)
        for flag in param.opts + param.secondary_opts
    }
    expected = {flag: spec for flag, spec in expected.items() if flag not in ("-h", "--help")}
    assert getattr(commands, table) == expected


@pytest.mark.parametrize("fast", [True, False])
def test_a_reader_that_leaves_early_is_not_an_error(seed_kb: Path, fast: bool) -> None:
    # `mickb export | head -1`, `mickb find … | head -1`: exit 0 on both paths.
    env = dict(os.environ, NO_COLOR="1")
    if not fast:
        env["MICKB_NO_FASTPATH"] = "1"
    for args in (["export"], ["find", "doanh thu", "--jsonl", "-n", "50"]):
        proc = subprocess.Popen(
            [sys.executable, "-m", "mickb", *args, "--db", str(seed_kb)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait() == 0, err
        assert err == ""


def test_a_damaged_kb_is_exit_3_even_when_debugging(tmp_path: Path) -> None:
    damaged = tmp_path / "kb.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    for debug in ("0", "1"):
        env = dict(os.environ, MICKB_DEBUG=debug)
        proc = subprocess.run(
            [sys.executable, "-m", "mickb", "find", "doanh thu", "--db", str(damaged)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert proc.returncode == 3, proc.stderr
        assert proc.stderr.splitlines()[-1].startswith("error: ")
        assert ("Traceback" in proc.stderr) == (debug == "1")
