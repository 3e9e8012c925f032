"""The `mickb` entry point: the one place where outcomes become exit codes and `error:` lines.

Typer and click cost about 6x the bare interpreter's start-up, so the commands people run
most (`mickb`, `mickb --help`, `mickb find QUERY`, `mickb check CLAIM`, `mickb quote TEXT`,
with their options) are answered without them when the command line is plain; anything else
goes to the full Typer CLI (mickb.cli.app). The two paths print the same bytes:
tests/test_entry.py runs both and compares, and checks the fast path's option tables
(mickb.cli.commands.FIND_OPTIONS, CHECK_OPTIONS, QUOTE_OPTIONS) against the Typer commands'
parameters.
"""

from __future__ import annotations

import os
import sys

from mickb.errors import BadInput, ExitCode, KBError, MickbError


def _plain_find(args: list[str]) -> dict[str, object] | None:
    """find's arguments when the command line is plain, else None (the full CLI decides)."""
    from mickb.cli.commands import FIND_OPTIONS

    params: dict[str, object] = {}
    query: str | None = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in FIND_OPTIONS:
            name, takes_value = FIND_OPTIONS[arg]
            if name in params:
                return None  # repeated option: let click apply its rules
            if takes_value:
                if i + 1 >= len(args) or args[i + 1].startswith("-"):
                    return None
                params[name] = args[i + 1]
                i += 2
                continue
            params[name] = True
        elif arg.startswith("-"):
            return None  # --help, --opt=value, "--", negative numbers, unknown options
        elif query is None:
            query = arg
        else:
            return None
        i += 1
    if query is None:
        return None
    limit = params.get("limit", "10")
    if not isinstance(limit, str) or not limit.isascii() or not limit.isdigit() or int(limit) < 1:
        return None
    params["limit"] = int(limit)
    params["query"] = query
    return params


def _empty_db(argv: list[str]) -> bool:
    """`--db ""` (or `--db=`): a path left out by mistake, never "the default KB"."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--db" and i + 1 < len(argv) and not argv[i + 1].strip():
            return True
        if arg.startswith("--db=") and not arg[len("--db=") :].strip():
            return True
    return False


def _fast(argv: list[str]) -> int | None:
    if os.environ.get("MICKB_NO_FASTPATH") == "1":
        return None
    if argv in ([], ["--help"], ["-h"]):
        import shutil

        # click wraps help at min(terminal, 80) - 2 columns; the stored text is at 78.
        if shutil.get_terminal_size().columns < 80:
            return None
        from mickb.cli.help_text import ROOT_HELP

        sys.stdout.write(ROOT_HELP)
        return ExitCode.OK
    if argv[0] == "find":
        params = _plain_find(argv[1:])
        if params is None:
            return None
        from mickb.cli.commands import run_find

        return run_find(**params)  # type: ignore[arg-type]
    if argv[0] in ("check", "quote"):
        from mickb.cli import commands

        options = commands.CHECK_OPTIONS if argv[0] == "check" else commands.QUOTE_OPTIONS
        parsed = _plain(argv[1:], options)
        if parsed is None:
            return None
        params, positional = parsed
        if argv[0] == "check":
            if len(positional) > 1 or (not positional and "article" not in params):
                return None
            return commands.run_check(positional[0] if positional else None, **params)  # type: ignore[arg-type]
        if len(positional) != 1:
            return None
        return commands.run_quote(positional[0], **params)  # type: ignore[arg-type]
    return None


def _plain(
    args: list[str], options: dict[str, tuple[str, bool]]
) -> tuple[dict[str, object], list[str]] | None:
    """(options, positional arguments) when the command line is plain, else None (the full
    CLI decides: --help, --opt=value, "--", repeated or unknown options)."""
    params: dict[str, object] = {}
    positional: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in options:
            name, takes_value = options[arg]
            if name in params:
                return None
            if takes_value:
                if i + 1 >= len(args) or (args[i + 1].startswith("-") and args[i + 1] != "-"):
                    return None
                params[name] = args[i + 1]
                i += 2
                continue
            params[name] = True
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            positional.append(arg)
        i += 1
    return params, positional


def _run_typer(argv: list[str]) -> int:
    """The full CLI. The command runs inside our own handlers, not click's `main`: click
    turns a closed pipe into exit 1 ("nothing found" here) through its private wrappers."""
    import click
    import typer

    from mickb.cli.app import app
    from mickb.cli.commands import Done

    command = typer.main.get_command(app)
    try:
        with command.make_context("mickb", list(argv)) as ctx:
            command.invoke(ctx)
    except Done as done:
        return done.code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.NoArgsIsHelpError as exc:
        # Like gh: a bare `mickb` shows the help on stdout.
        sys.stdout.write(exc.ctx.get_help() + "\n")
        return ExitCode.OK
    except (click.exceptions.Abort, EOFError):
        sys.stderr.write("error: aborted\n")
        return 130
    except click.UsageError as exc:
        # click puts `Usage:` lines first; the contract wants one line that says what to do.
        where = f"mickb {exc.ctx.info_name}" if exc.ctx and exc.ctx.parent else "mickb"
        sys.stderr.write(f"error: {exc.format_message()} (see '{where} --help')\n")
        return ExitCode.BAD_INPUT
    except click.ClickException as exc:
        sys.stderr.write(f"error: {exc.format_message()}\n")
        return ExitCode.BAD_INPUT
    return ExitCode.OK


def main(argv: list[str] | None = None) -> None:
    """Run one command and exit with the contract's code."""
    args = sys.argv[1:] if argv is None else list(argv)
    debug = os.environ.get("MICKB_DEBUG") == "1"
    try:
        if _empty_db(args):
            raise BadInput("--db is empty: give the path of a knowledge base file")
        code = _fast(args)
        if code is None:
            code = _run_typer(args)
    except MickbError as exc:
        _traceback(debug)
        sys.stderr.write(f"error: {exc}\n")
        code = exc.exit_code
    except BrokenPipeError:
        # `mickb export | head`: the reader left; not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = ExitCode.OK
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:  # noqa: BLE001 - last resort: one line, a traceback if asked
        _traceback(debug)
        import sqlite3

        if isinstance(exc, sqlite3.DatabaseError):
            sys.stderr.write(
                f"error: knowledge base problem: {exc} (check the file, or rebuild "
                "it with 'mickb build')\n"
            )
            code = KBError.exit_code
        else:
            sys.stderr.write(
                f"error: unexpected {type(exc).__name__}: {exc} "
                "(rerun with MICKB_DEBUG=1 and report it)\n"
            )
            code = ExitCode.BAD_INPUT
    sys.exit(code)


def _traceback(debug: bool) -> None:
    """MICKB_DEBUG=1: the traceback on stderr, before the usual `error:` line and exit code."""
    if debug:
        import traceback

        traceback.print_exc()
