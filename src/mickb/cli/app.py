"""The command line: parse, call the core, render. Nothing else lives here.

Errors from the core are named exceptions (mickb.errors); `main` maps them to one
`error:` line and the contract's exit code, in this one place.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from mickb.cli import render
from mickb.cli.commands import (
    Done,
    open_for_reading,
    run_check,
    run_find,
    run_ingest,
    run_quote,
    run_show,
)
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
    since: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only sources dated DATE or later (YYYY-MM-DD)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only sources dated DATE or earlier (YYYY-MM-DD)."),
    ] = None,
    sort: Annotated[
        str,
        typer.Option(
            help="relevance, date (newest source first) or value (largest first).",
            metavar="relevance|date|value",
        ),
    ] = "relevance",
    all_: Annotated[
        bool,
        typer.Option("--all", help="Also show weak matches (those sharing only some words)."),
    ] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N results.", min=1)] = 10,
    json_: JsonOption = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON record a line.")] = False,
    csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
    db: DbOption = None,
) -> None:
    """Fuzzy search over facts and quotes, best first, one row per figure.

    Only real matches: a query that matches nothing well exits 1 (--all shows weak
    matches). A figure several sources state is one row listing them all; other values
    sources give for the same metric and period are listed as conflicts.

    Examples:

      mickb find "doanh thu viễn thông 2022"

      mickb find "telecom revenue" --since 2022-01-01 --sort date --json
    """
    code = run_find(
        query,
        kind=kind,
        sector=sector,
        speaker=speaker,
        period=period,
        source=source,
        since=since,
        until=until,
        sort=sort,
        all_=all_,
        limit=limit,
        json_=json_,
        jsonl=jsonl,
        csv=csv,
        db=db,
    )
    raise Done(code)


@app.command()
def show(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A fact or quote id (from find).")],
    json_: JsonOption = False,
    db: DbOption = None,
) -> None:
    """One record with its sentence, paragraph, sources, related facts and a citation.

    The citation is plain text on one line per language: it pastes whole.

    Examples:

      mickb show f2e8181d5886

      mickb show f2e8181d5886 --json | jq -r .citation.en
    """
    raise Done(run_show(record_id, json_=json_, db=db))


@app.command()
def check(
    claim: Annotated[
        str | None,
        typer.Argument(help="A sentence with figures; '-' reads one claim a line from stdin."),
    ] = None,
    article: Annotated[
        str | None,
        typer.Option(
            "--article",
            metavar="FILE",
            help="Check a whole article (a file, or '-' for stdin): hard-wrapped lines join, "
            "a blank line ends a paragraph; every sentence with a figure is checked.",
        ),
    ] = None,
    json_: Annotated[
        bool, typer.Option("--json", help="JSON (JSONL when reading stdin or an article).")
    ] = False,
    db: DbOption = None,
) -> None:
    """Fact-check every figure in a claim against the KB.

    \b
    Examples:
      mickb check "Doanh thu dịch vụ viễn thông năm 2022 đạt 138.000 tỷ đồng"
      mickb check --json "Telecom revenue grew 1.6% in 2022"
      mickb check --article bai-viet.txt
    """
    raise Done(run_check(claim, article=article, json_=json_, db=db))


@app.command()
def quote(
    text: Annotated[str, typer.Argument(help="The quotation to verify.")],
    by: Annotated[
        str | None, typer.Option("--by", help="Who it is attributed to (name or role).")
    ] = None,
    json_: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Verify a quotation and its attribution.

    \b
    Examples:
      mickb quote "không để ai bị bỏ lại phía sau" --by "Thủ tướng"
      mickb quote "khong de ai bi bo lai phia sau" --json
    """
    raise Done(run_quote(text, by=by, json_=json_, db=db))


JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        show_default=False,
        help="Worker processes for extraction (default: one per core).",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar or summary; errors only.")
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="A line per document.")]


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH|URL...",
            help="Files, folders (read recursively) or http(s):// URLs.",
        ),
    ],
    title: Annotated[
        str | None, typer.Option(help="Title, if the document does not state one.")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Publication date, YYYY-MM-DD, if it states none.")
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="Where it was published, if it does not say.")
    ] = None,
    outlet: Annotated[
        str | None,
        typer.Option(help="The publication, e.g. 'Nhân Dân', if the document does not say."),
    ] = None,
    author: Annotated[
        str | None, typer.Option(help="Who wrote it, if the document does not say.")
    ] = None,
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    json_: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Add documents to your KB (never the shipped one); each lands whole or not at all.

    The flags fill in what a document does not state about itself. Ingesting a document
    again with flags corrects the metadata stored for it ("updated").

    Examples:

      mickb ingest bao-cao-2023.pdf --outlet "Bộ TT&TT"

      mickb ingest reports/ https://example.vn/bai-viet -j 4 -v
    """
    meta = {"title": title, "date": date, "url": url, "outlet": outlet, "author": author}
    raise Done(run_ingest(paths, meta, jobs=jobs, quiet=quiet, verbose=verbose, json_=json_, db=db))


@app.command()
def build(
    sources: Annotated[Path, typer.Argument(help="Folder of source documents.")] = Path(
        "data/sources"
    ),
    output: Annotated[Path, typer.Option("--output", "-o", help="KB file to write.")] = Path(
        "data/kb.sqlite"
    ),
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    json_: JsonOption = False,
    db: Annotated[
        str | None, typer.Option("--db", help="Same as --output.", show_default=False)
    ] = None,
) -> None:
    """Rebuild a KB from a folder of sources, deterministically.

    By default data/sources/ -> data/kb.sqlite, replaced atomically. The same sources give
    the same bytes, whatever --jobs.
    """
    from mickb.cli.progress import report_end, watcher_for
    from mickb.ingest.pipeline import build as build_kb

    target = Path(db) if db else output
    watcher = watcher_for(quiet or json_, verbose)
    try:
        report = build_kb(sources, target, jobs=jobs, watcher=watcher)
    finally:
        watcher.close()
    if json_:
        render.write_json({"kb": str(target), "documents": [o.__dict__ for o in report.outcomes]})
    else:
        report_end(report, quiet, verb="built from")


@app.command()
def export(
    kind: Annotated[str | None, typer.Option(help="Only 'fact' or 'quote'.")] = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON record a line (default).")
    ] = False,
    csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="One JSON list of every record.")] = False,
    db: DbOption = None,
) -> None:
    """Every record of the KB, one a line (JSONL), as CSV or as one JSON list."""
    if kind not in (None, "fact", "quote"):
        raise BadInput(f"--kind must be 'fact' or 'quote', not {kind!r}")
    if jsonl + csv + json_ > 1:
        raise BadInput("choose one of --jsonl, --csv and --json")
    kb = open_for_reading(db)
    try:
        records = kb.iter_records(kind)
        if csv:
            render.write_csv(records)
        elif json_:
            render.write_json_list(records)
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


@app.command()
def remove(
    source_ids: Annotated[
        list[str], typer.Argument(metavar="SOURCE_ID...", help="Ids from 'mickb sources'.")
    ],
    json_: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Remove sources and all their figures, quotes and passages, all or nothing.

    An id the KB does not hold is bad input (exit 2) and nothing is removed.

    Example:

      mickb remove s1a2b3c4d5e6
    """
    from mickb.kb.paths import explicit_kb, kb_for_reading, kb_for_writing, lock_timeout, user_kb
    from mickb.kb.store import KB

    if explicit_kb(db) is None and not user_kb().exists():
        # Only the shipped KB so far: check the ids before making the user's copy of it.
        with KB.open(kb_for_reading(db), readonly=True, timeout=lock_timeout()) as shipped:
            held = {row["id"] for row in shipped.sources()}
        unknown = [s for s in source_ids if s.strip() not in held]
        if unknown:
            raise BadInput(
                f"no source with id {', '.join(map(repr, unknown))}; nothing was removed "
                "(see 'mickb sources' for the ids)"
            )
    path, created = kb_for_writing(db)
    if created:
        render.message(f"created your knowledge base at {path} (a copy of the shipped one)")
    with KB.open(path, timeout=lock_timeout()) as kb:
        removed = kb.remove_sources(source_ids)
    if json_:
        render.write_json({"kb": str(path), "removed": removed})
    else:
        for row in removed:
            figures = f"{row['n_facts']} figure{'s' if row['n_facts'] != 1 else ''}"
            quotes = f"{row['n_quotes']} quote{'s' if row['n_quotes'] != 1 else ''}"
            render.message(
                f"removed {row['id']}: {row['title'] or row['path']} ({figures}, {quotes})"
            )


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH|URL...", help="Files, folders or http(s):// URLs."),
    ],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON object a line (the only format).")
    ] = True,
    title: Annotated[str | None, typer.Option(help="Title, if a document states none.")] = None,
    date: Annotated[str | None, typer.Option(help="Date, YYYY-MM-DD, if it states none.")] = None,
    url: Annotated[str | None, typer.Option(help="Its address, if it does not say.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The publication, if not stated.")] = None,
    author: Annotated[str | None, typer.Option(help="Who wrote it, if not stated.")] = None,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Not used: extract reads no KB.", show_default=False),
    ] = None,
) -> None:
    """The records documents yield, as JSON lines, without a KB ('mickb load' stores them).

    Each document is a "source" line, its passages, its fact and quote records and an
    "end" line (docs/records.md). Extraction is a pure function of a document: run it
    anywhere, e.g. on a Dask cluster (docs/scale.md), and load the lines into one KB.

    Example:

      mickb extract reports/ > records.jsonl && mickb load records.jsonl
    """
    from mickb.ingest.jsonl import extract_records
    from mickb.ingest.pipeline import expand_sources
    from mickb.records import SourceMeta

    if date is not None:
        import datetime

        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            raise BadInput(f"--date must be YYYY-MM-DD, not {date!r}") from None
    meta = SourceMeta(title=title, date=date, url=url, outlet=outlet, author=author)
    found, skipped = expand_sources(paths)
    if not found:
        raise BadInput("no documents found in the given paths")
    failed = 0
    for source in found:
        try:
            render.write_jsonl(extract_records(source, meta))
        except BadInput as exc:
            failed += 1
            text = str(exc)
            sys.stderr.write(
                f"error: {text}\n" if text.startswith(str(source)) else f"error: {source}: {text}\n"
            )
        sys.stdout.flush()
    for item in skipped:
        sys.stderr.write(f"skipped {item.path}: {item.reason}\n")
    if failed:
        raise Done(ExitCode.BAD_INPUT)


@app.command()
def load(
    file: Annotated[
        str, typer.Argument(metavar="FILE.jsonl|-", help="Lines of 'mickb extract'; - is stdin.")
    ],
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    json_: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Store the records 'mickb extract' printed: each document whole or not at all.

    The KB ends up as 'mickb ingest' of the same documents leaves it (same ids, same
    'find' and 'show'). A document cut off before its "end" line is not stored.

    Example:

      cat part-*.jsonl | mickb load - --db archive.sqlite
    """
    from mickb.cli.progress import report_end, watcher_for
    from mickb.ingest.jsonl import load_records
    from mickb.kb.paths import kb_for_writing, lock_timeout
    from mickb.kb.store import KB

    if file == "-":
        import io

        lines: Any = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict")
        name = "<stdin>"
    else:
        source = Path(file)
        if not source.is_file():
            raise BadInput(f"{file}: no such file; give the output of 'mickb extract' or -")
        lines = source.open(encoding="utf-8")
        name = file
    path, created = kb_for_writing(db)
    if created and not quiet:
        render.message(f"created your knowledge base at {path} (a copy of the shipped one)")
    watcher = watcher_for(quiet or json_, verbose)
    try:
        with KB.open(path, create=True, timeout=lock_timeout()) as kb:
            report = load_records(kb, lines, name=name, watcher=watcher)
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{name} is not UTF-8 text (byte {exc.start}); give extract's output"
        ) from None
    finally:
        watcher.close()
        if lines is not sys.stdin:
            lines.close()
    if json_:
        render.write_json(
            {"kb": report.kb_path, "documents": [o.__dict__ for o in report.outcomes]}
        )
    else:
        report_end(report, quiet, verb="loaded")
    if report.failed:
        raise Done(ExitCode.BAD_INPUT)
