"""The command line: parse, call the core, render. Nothing else lives here.

Errors from the core are named exceptions (mickb.errors); `main` maps them to one
`error:` line and the contract's exit code, in this one place.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from mickb.cli import render
from mickb.cli.commands import Done, open_for_reading, run_find
from mickb.errors import BadInput, ExitCode

__all__ = ["app"]

# rich_markup_mode=None: plain click help, so `mickb --help` never pays for importing rich.
app = typer.Typer(
    name="mickb",
    help="Figures and quotes of Vietnamese ICT-sector reports: find them, check claims "
    "against them, verify quotations.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Knowledge base file (default: $MICKB_DB, your KB, or the shipped one).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (the contract's records).")]


def _exit(found: bool) -> NoReturn:
    raise Done(ExitCode.OK if found else ExitCode.NOT_FOUND)


def _stdin_text() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"standard input is not UTF-8 text (byte {exc.start}); convert it first"
        ) from None


def _version(value: bool) -> None:
    if value:
        from mickb import __version__

        typer.echo(f"mickb {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Figures and quotes of Vietnamese ICT-sector reports."""


@app.command()
def find(
    query: Annotated[
        str,
        typer.Argument(
            help="What you remember: words (with or without diacritics, English too) or a number."
        ),
    ],
    kind: Annotated[str | None, typer.Option(help="Only 'fact' or 'quote'.")] = None,
    sector: Annotated[str | None, typer.Option(help="Only this sector, e.g. 'viễn thông'.")] = None,
    speaker: Annotated[
        str | None, typer.Option(help="Only quotes by this speaker (name or role).")
    ] = None,
    period: Annotated[str | None, typer.Option(help="Only this period, e.g. 2022.")] = None,
    source: Annotated[
        str | None, typer.Option(help="Only this source (id or title words).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N results.", min=1)] = 10,
    json_: JsonOption = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON record a line.")] = False,
    csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
    db: DbOption = None,
) -> None:
    """Fuzzy search over facts and quotes, best first."""
    fmt = "json" if json_ else "jsonl" if jsonl else "csv" if csv else "table"
    code = run_find(
        query,
        kind=kind,
        sector=sector,
        speaker=speaker,
        period=period,
        source=source,
        limit=limit,
        fmt=fmt,
        db=db,
    )
    raise Done(code)


@app.command()
def show(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A fact or quote id (from find).")],
    json_: JsonOption = False,
    db: DbOption = None,
) -> None:
    """One record with its sentence, paragraph, document, related facts and a citation."""
    from mickb.query.cite import citation

    kb = open_for_reading(db)
    try:
        context = kb.context(record_id.strip())
    finally:
        kb.close()
    context["citation"] = citation(context["record"])
    if json_:
        render.write_json(context)
    else:
        render.record_panel(context)
    _exit(True)


@app.command()
def check(
    claim: Annotated[
        str, typer.Argument(help="A sentence with figures; '-' reads one claim a line from stdin.")
    ],
    json_: Annotated[bool, typer.Option("--json", help="JSON (JSONL when reading stdin).")] = False,
    db: DbOption = None,
) -> None:
    """Fact-check every figure in a claim against the KB."""
    from mickb.query.check import check_claim

    claims = [ln for ln in _stdin_text().splitlines() if ln.strip()] if claim == "-" else [claim]
    if claim == "-" and not claims:
        raise BadInput("no claims on standard input (one claim a line)")
    kb = open_for_reading(db)
    all_supported = True
    try:
        for text in claims:
            result = check_claim(kb, text)
            all_supported = all_supported and result["verdict"] == "supported"
            if json_:
                if claim == "-":
                    render.write_jsonl([result])
                else:
                    render.write_json(result)
            elif claim == "-":
                sys.stdout.write(f"{result['verdict']}\t{text}\n")
            else:
                render.check_panel(result)
            sys.stdout.flush()
    finally:
        kb.close()
    _exit(all_supported)


@app.command()
def quote(
    text: Annotated[str, typer.Argument(help="The quotation to verify.")],
    by: Annotated[
        str | None, typer.Option("--by", help="Who it is attributed to (name or role).")
    ] = None,
    json_: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Verify a quotation and its attribution."""
    from mickb.query.verify import verify_quote

    kb = open_for_reading(db)
    try:
        result = verify_quote(kb, text, by=by)
    finally:
        kb.close()
    if json_:
        render.write_json(result)
    else:
        render.quote_panel(result)
    _exit(result["verdict"] == "verified")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .md, .html) or folders.")],
    title: Annotated[
        str | None, typer.Option(help="Title, if the document does not state it.")
    ] = None,
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The publication, e.g. 'Nhân Dân'.")] = None,
    author: Annotated[str | None, typer.Option(help="Who wrote it.")] = None,
    json_: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Add documents to your KB (never the shipped one); each document is one transaction."""
    from mickb.ingest.pipeline import ingest as ingest_paths
    from mickb.kb.paths import kb_for_writing, lock_timeout
    from mickb.kb.store import KB
    from mickb.records import SourceMeta

    if date is not None:
        import datetime

        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            raise BadInput(f"--date must be YYYY-MM-DD, not {date!r}") from None
    meta = SourceMeta(title=title, date=date, url=url, outlet=outlet, author=author)
    path, created = kb_for_writing(db)
    if created:
        render.message(f"created your knowledge base at {path} (a copy of the shipped one)")
    existed = path.exists()
    kb = KB.open(path, create=True, timeout=lock_timeout())
    try:
        report = ingest_paths(kb, paths, meta)
    except BaseException:
        kb.close()
        if not existed:
            _remove_kb(path)
        raise
    kb.close()
    if not existed and len(report.failed) == len(report.outcomes):
        _remove_kb(path)  # nothing landed: leave no empty KB behind
    if json_:
        render.write_json(
            {"kb": report.kb_path, "documents": [o.__dict__ for o in report.outcomes]}
        )
    else:
        for o in report.outcomes:
            if o.status == "failed":
                render.message(f"failed     {o.path}: {o.error}")
            else:
                render.message(
                    f"{o.status:<10} {o.path}: {o.facts} figures, {o.quotes} quotes ({o.source_id})"
                )
        render.message(
            f"{len(report.outcomes) - len(report.failed)} of {len(report.outcomes)} "
            f"documents in {report.kb_path}"
        )
    if report.failed:
        raise Done(ExitCode.BAD_INPUT)


def _remove_kb(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)


@app.command()
def build(
    sources: Annotated[Path, typer.Argument(help="Folder of source documents.")] = Path(
        "data/sources"
    ),
    output: Annotated[Path, typer.Option("--output", "-o", help="KB file to write.")] = Path(
        "data/kb.sqlite"
    ),
    json_: JsonOption = False,
    db: Annotated[
        str | None, typer.Option("--db", help="Same as --output.", show_default=False)
    ] = None,
) -> None:
    """Rebuild a KB from a folder of sources, deterministically.

    By default data/sources/ -> data/kb.sqlite, replaced atomically.
    """
    from mickb.ingest.pipeline import build as build_kb

    target = Path(db) if db else output
    report = build_kb(sources, target)
    if json_:
        render.write_json({"kb": str(target), "documents": [o.__dict__ for o in report.outcomes]})
    else:
        facts = sum(o.facts for o in report.outcomes)
        quotes = sum(o.quotes for o in report.outcomes)
        render.message(
            f"built {target}: {len(report.outcomes)} documents, {facts} figures, {quotes} quotes"
        )


@app.command()
def export(
    kind: Annotated[str | None, typer.Option(help="Only 'fact' or 'quote'.")] = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON record a line (default).")
    ] = False,
    csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
    db: DbOption = None,
) -> None:
    """Every record of the KB, one a line (JSONL) or as CSV."""
    if kind not in (None, "fact", "quote"):
        raise BadInput(f"--kind must be 'fact' or 'quote', not {kind!r}")
    if jsonl and csv:
        raise BadInput("choose one of --jsonl and --csv")
    kb = open_for_reading(db)
    try:
        records = kb.iter_records(kind)
        if csv:
            render.write_csv(records)
        else:
            render.write_jsonl(records)
    finally:
        kb.close()


@app.command()
def sources(json_: JsonOption = False, db: DbOption = None) -> None:
    """The documents the KB holds."""
    kb = open_for_reading(db)
    try:
        rows = kb.sources()
    finally:
        kb.close()
    if json_:
        render.write_json(rows)
    else:
        render.key_value_table(rows, ["id", "date", "outlet", "title", "n_facts", "n_quotes"])
    _exit(bool(rows))


@app.command()
def stats(json_: JsonOption = False, db: DbOption = None) -> None:
    """How much the KB holds, by kind, sector and measure."""
    kb = open_for_reading(db)
    try:
        numbers = kb.stats()
    finally:
        kb.close()
    if json_:
        render.write_json(numbers)
    else:
        rows = [{"what": k, "count": v} for k, v in numbers.items() if not isinstance(v, dict)]
        for group, counts in numbers.items():
            if isinstance(counts, dict):
                rows += [{"what": f"{group}: {k}", "count": v} for k, v in counts.items()]
        render.key_value_table(rows, ["what", "count"])
