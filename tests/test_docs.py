"""docs/cli.md is generated from --help; this fails when a command or option is undocumented."""

from __future__ import annotations

import runpy
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_cli_reference_matches_help() -> None:
    generator = runpy.run_path(str(DOCS / "gen_cli_reference.py"))
    expected = generator["render"]()
    actual = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run python docs/gen_cli_reference.py"


def test_stored_root_help_matches_click() -> None:
    generator = runpy.run_path(str(DOCS / "gen_cli_reference.py"))
    stored = (DOCS.parent / "src" / "mickb" / "cli" / "help_text.py").read_text(encoding="utf-8")
    assert stored == generator["render_help_module"](), (
        "src/mickb/cli/help_text.py is stale: run python docs/gen_cli_reference.py"
    )


def test_every_command_has_a_section() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command in (
        "find",
        "show",
        "check",
        "quote",
        "ingest",
        "build",
        "export",
        "sources",
        "stats",
        "remove",
        "extract",
        "load",
    ):
        assert f"## mickb {command}\n" in text
