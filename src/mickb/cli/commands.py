"""Command bodies shared by the Typer CLI (mickb.cli.app) and the fast path (mickb.cli.entry).

Kept free of typer/click imports: `find` is the command people and scripts run most, and
it answers without paying for them.
"""

from __future__ import annotations

from typing import Any

from mickb.cli import render
from mickb.errors import BadInput, ExitCode


class Done(Exception):
    """Stop with an exit code after output was written (grep-style 0/1)."""

    def __init__(self, code: int) -> None:
        self.code = code


def open_for_reading(db: str | None) -> Any:
    from mickb.kb.paths import kb_for_reading, lock_timeout
    from mickb.kb.store import KB

    return KB.open(kb_for_reading(db), readonly=True, timeout=lock_timeout())


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
    limit: int = 10,
    fmt: str = "table",
    db: str | None = None,
) -> int:
    from mickb.query.search import find as find_records

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
            limit=limit,
        )
        records = [h.record for h in hits]
        # A level's growth rate belongs beside it in the table even when the search left it out.
        related = _related_records(kb, records) if fmt == "table" else {}
    finally:
        kb.close()
    if fmt == "json":
        render.write_json({"query": query, "count": len(records), "results": records})
    elif fmt == "jsonl":
        render.write_jsonl(records)
    elif fmt == "csv":
        render.write_csv(records)
    elif records:
        words = sorted({w for h in hits for w in h.matched})
        render.results_table(records, words, related)
    else:
        render.message(f"nothing found for {query!r}; try fewer or other words")
    return ExitCode.OK if records else ExitCode.NOT_FOUND
