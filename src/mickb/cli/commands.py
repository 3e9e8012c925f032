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
