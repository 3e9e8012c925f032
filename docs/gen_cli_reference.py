"""Generate docs/cli.md from the commands' own --help (run: python docs/gen_cli_reference.py).

tests/test_docs.py fails when docs/cli.md drifts from what --help says.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """# CLI reference

Generated from `mickb --help` by `python docs/gen_cli_reference.py`; do not edit by hand.
Exit codes: 0 found / supported / verified, 1 nothing found / contradicted / not_found /
not verified, 2 bad usage or input, 3 knowledge-base problem (see docs/contract.md).
"""


def _help(command, name: str, parent=None) -> str:  # type: ignore[no-untyped-def]
    import click

    ctx = click.Context(command, info_name=name, parent=parent, terminal_width=88,
                        max_content_width=88)
    return command.get_help(ctx)


def render() -> str:
    import click
    import typer

    from mickb.cli import app

    root = typer.main.get_command(app)
    parts = [HEADER, "## mickb\n", "```\n" + _help(root, "mickb") + "\n```\n"]
    root_ctx = click.Context(root, info_name="mickb")
    assert isinstance(root, click.Group)
    for name in root.list_commands(root_ctx):
        cmd = root.get_command(root_ctx, name)
        assert cmd is not None
        parts.append(f"## mickb {name}\n")
        parts.append("```\n" + _help(cmd, name, parent=root_ctx) + "\n```\n")
    return "\n".join(parts)


TARGET = Path(__file__).with_name("cli.md")

if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if TARGET.read_text(encoding="utf-8") == text else 1)
    TARGET.write_text(text, encoding="utf-8")
