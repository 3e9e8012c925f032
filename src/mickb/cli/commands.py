"""Command bodies shared by the Typer CLI (mickb.cli.app) and the fast path (mickb.cli.entry).

Kept free of typer/click imports: `find` is the command people and scripts run most, and
it answers without paying for them. Options are checked here, not by click, so that both
paths refuse the same input with the same `error:` line.
"""

from __future__ import annotations

from typing import Any

from mickb.cli import render
from mickb.errors import BadInput, ExitCode

# `find`'s options as the fast path reads them: flag -> (parameter, takes a value).
# tests/test_entry.py checks this table against the Typer command's own parameters.
FIND_OPTIONS: dict[str, tuple[str, bool]] = {
    "--kind": ("kind", True),
    "--sector": ("sector", True),
    "--speaker": ("speaker", True),
    "--period": ("period", True),
    "--source": ("source", True),
    "--since": ("since", True),
    "--until": ("until", True),
    "--sort": ("sort", True),
    "--all": ("all_", False),
    "--limit": ("limit", True),
    "-n": ("limit", True),
    "--db": ("db", True),
    "--json": ("json_", False),
    "--jsonl": ("jsonl", False),
    "--csv": ("csv", False),
}


# `check`'s and `quote`'s options, likewise.
CHECK_OPTIONS: dict[str, tuple[str, bool]] = {
    "--article": ("article", True),
    "--json": ("json_", False),
    "--db": ("db", True),
}
QUOTE_OPTIONS: dict[str, tuple[str, bool]] = {
    "--by": ("by", True),
    "--json": ("json_", False),
    "--db": ("db", True),
}


class Done(Exception):
    """Stop with an exit code after output was written (grep-style 0/1)."""

    def __init__(self, code: int) -> None:
        self.code = code


def open_for_reading(db: str | None) -> Any:
    from mickb.kb.paths import kb_for_reading, lock_timeout
    from mickb.kb.store import KB

    return KB.open(kb_for_reading(db), readonly=True, timeout=lock_timeout())


def output_format(**flags: bool) -> str:
    """The one format asked for among `--json`, `--jsonl`, `--csv` ("table" when none)."""
    chosen = [name.rstrip("_") for name, on in flags.items() if on]
    if len(chosen) > 1:
        names = ", ".join(f"--{name.rstrip('_')}" for name in flags)
        raise BadInput(f"choose one of {names}")
    return chosen[0] if chosen else "table"


def _related_records(kb: Any, records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    from mickb.errors import RecordNotFound

    have = {r["id"] for r in records}
    related: dict[str, dict[str, Any]] = {}
    for rid in sorted({rid for r in records for rid in (r.get("related") or [])} - have):
        try:
            related[rid] = kb.get(rid)
        except RecordNotFound:
            continue
    return related


def run_find(
    query: str,
    *,
    kind: str | None = None,
    sector: str | None = None,
    speaker: str | None = None,
    period: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    sort: str = "relevance",
    all_: bool = False,
    limit: int = 10,
    json_: bool = False,
    jsonl: bool = False,
    csv: bool = False,
    db: str | None = None,
) -> int:
    from mickb.query.search import find as find_records

    fmt = output_format(json_=json_, jsonl=jsonl, csv=csv)
    if kind not in (None, "fact", "quote"):
        raise BadInput(f"--kind must be 'fact' or 'quote', not {kind!r}")
    kb = open_for_reading(db)
    try:
        hits = find_records(
            kb,
            query,
            kind=kind,
            sector=sector,
            speaker=speaker,
            period=period,
            source=source,
            since=since,
            until=until,
            sort=sort,
            include_weak=all_,
            limit=limit,
        )
        records: list[dict[str, Any]] = [dict(h.record) for h in hits]
        # A level's growth rate belongs beside it in the table even when the search left it out.
        related = _related_records(kb, records) if fmt == "table" else {}
    finally:
        kb.close()
    if fmt == "json":
        render.write_json({"query": query, "count": len(records), "results": records})
    elif fmt == "jsonl":
        render.write_jsonl(records)
    elif fmt == "csv":
        render.write_csv(records, extra=["sources", "conflicts"])
    elif records:
        words = sorted({w for h in hits for w in h.matched})
        weak = {h.record["id"] for h in hits if h.weak}
        render.results_table(records, words, related, weak)
    else:
        hint = "" if all_ else " (--all also shows weak matches)"
        render.message(f"nothing found for {query!r}; try fewer or other words{hint}")
    return ExitCode.OK if records else ExitCode.NOT_FOUND


def run_show(record_id: str, *, json_: bool = False, db: str | None = None) -> int:
    """`show ID`: the record with its paragraph, document, related facts, every source that
    states the figure, other values sources give, and citations."""
    from mickb.query.cite import citation
    from mickb.query.group import figure_sources

    wanted = record_id.strip()
    if not wanted:
        raise BadInput("the id is empty: give the id of a fact or quote (see 'mickb find')")
    kb = open_for_reading(db)
    try:
        context = kb.context(wanted)
        context["record"] = figure_sources(kb, context["record"])
    finally:
        kb.close()
    context["citation"] = citation(context["record"])
    if json_:
        render.write_json(context)
    else:
        render.record_panel(context)
    return ExitCode.OK


def stdin_text() -> str:
    import sys

    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"standard input is not UTF-8 text (byte {exc.start}); convert it first"
        ) from None


def run_check(
    claim: str | None, *, article: str | None = None, json_: bool = False, db: str | None = None
) -> int:
    """`mickb check`: one claim, one claim a line from stdin ('-'), or a whole article."""
    import sys

    from mickb.query.check import check_claim

    if article is not None:
        if claim is not None:
            raise BadInput("give a CLAIM or --article FILE, not both")
        return _check_article(article, json_, db)
    if claim is None:
        raise BadInput(
            "give a CLAIM to check, '-' for one claim a line on stdin, or --article FILE"
        )
    claims = [ln for ln in stdin_text().splitlines() if ln.strip()] if claim == "-" else [claim]
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
    return ExitCode.OK if all_supported else ExitCode.NOT_FOUND


def _check_article(article: str, json_: bool, db: str | None) -> int:
    import sys

    from mickb.query.check import check_article

    text = stdin_text() if article == "-" else _read_article(article)
    if not text.strip():
        raise BadInput("the article is empty")
    kb = open_for_reading(db)
    counts = {"supported": 0, "contradicted": 0, "not_found": 0}
    try:
        for result in check_article(kb, text):
            counts[result["verdict"]] += 1
            if json_:
                render.write_jsonl([result])
            else:
                render.check_lines(result)
            sys.stdout.flush()
    finally:
        kb.close()
    checked = sum(counts.values())
    summary = {"sentences": checked, **counts}
    if json_:
        render.write_jsonl([{"summary": summary}])
    else:
        sys.stdout.write(render.article_summary(summary) + "\n")
    return ExitCode.OK if checked > 0 and counts["supported"] == checked else ExitCode.NOT_FOUND


def _read_article(path: str) -> str:
    from pathlib import Path

    file = Path(path)
    if not file.is_file():
        raise BadInput(f"{path}: no such file (give a text file, or '-' for stdin)")
    data = file.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path} is not UTF-8 text (byte {exc.start}); convert it first") from None


def run_quote(
    text: str, *, by: str | None = None, json_: bool = False, db: str | None = None
) -> int:
    """`mickb quote`: verify a quotation and its attribution."""
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
    return ExitCode.OK if result["verdict"] == "verified" else ExitCode.NOT_FOUND


def run_ingest(
    paths: list[str],
    meta: dict[str, str | None],
    *,
    jobs: int | None = None,
    quiet: bool = False,
    verbose: bool = False,
    json_: bool = False,
    db: str | None = None,
) -> int:
    """`mickb ingest`: documents into the user's KB (created from the shipped one on first use);
    a KB this run created and nothing landed in is removed again."""
    from mickb.cli.progress import report_end, watcher_for
    from mickb.ingest.pipeline import ingest as ingest_paths
    from mickb.kb.paths import kb_for_writing, lock_timeout
    from mickb.kb.store import KB
    from mickb.records import SourceMeta

    if meta.get("date") is not None:
        import datetime

        try:
            datetime.date.fromisoformat(str(meta["date"]))
        except ValueError:
            raise BadInput(f"--date must be YYYY-MM-DD, not {meta['date']!r}") from None
    path, created = kb_for_writing(db)
    if created and not quiet:
        render.message(f"created your knowledge base at {path} (a copy of the shipped one)")
    existed = path.exists()
    kb = KB.open(path, create=True, timeout=lock_timeout())
    watcher = watcher_for(quiet or json_, verbose)
    try:
        report = ingest_paths(kb, paths, SourceMeta(**meta), jobs=jobs, watcher=watcher)
    except BaseException:
        watcher.close()
        kb.close()
        if not existed:
            remove_kb_files(path)
        raise
    watcher.close()
    kb.close()
    if not existed and len(report.failed) == len(report.outcomes):
        remove_kb_files(path)  # nothing landed: leave no empty KB behind
    if json_:
        render.write_json(
            {
                "kb": report.kb_path,
                "documents": [o.__dict__ for o in report.outcomes],
                "skipped": [s.__dict__ for s in report.skipped],
            }
        )
    else:
        report_end(report, quiet)
    return ExitCode.BAD_INPUT if report.failed else ExitCode.OK


def remove_kb_files(path: Any) -> None:
    """A KB file and the files SQLite keeps beside it."""
    import os

    for leftover in (f"{path}", f"{path}-wal", f"{path}-shm", f"{path}-journal"):
        if os.path.exists(leftover):
            os.remove(leftover)
