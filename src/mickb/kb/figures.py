"""Facts that may state the same figure as another: the reads behind `find`'s and `show`'s
`sources` and `conflicts` (the rules that decide live in mickb.query.group).

Both reads are bounded whatever the KB's size: they walk at most `limit` entries of an index
(the value index, or the full-text index for a metric's words), never the facts table.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from mickb.kb.fts import fts_phrase
from mickb.kb.store import FACT_SELECT, KB

SIBLINGS = 100  # index entries read per figure: a specific figure has few, a round one many


_LIKE_COLUMNS = "id, source_id, metric, period, value, total, unit, measure, direction, value_text"


def facts_like(
    kb: KB, fact: dict[str, Any], year: str | None, limit: int = SIBLINGS
) -> list[dict[str, Any]]:
    """Other facts with exactly the fact's value, total, unit, measure and direction and a
    stated period (holding `year`, when given): the same digits as written, in any source.
    Only the fields that compare figures, and `source`; not the sentence."""
    rows = kb.connection.execute(
        f"SELECT {_LIKE_COLUMNS} FROM facts "
        "WHERE rowid IN (SELECT rowid FROM facts WHERE value = ? LIMIT ?) "
        "AND id != ? AND total IS ? AND unit IS ? AND measure IS ? AND direction IS ? "
        "AND period IS NOT NULL AND instr(period, ?) > 0",
        (
            fact.get("value"),
            limit,
            fact.get("id"),
            fact.get("total"),
            fact.get("unit"),
            fact.get("measure"),
            fact.get("direction"),
            year or "",
        ),
    )
    names = _LIKE_COLUMNS.split(", ")
    found = []
    for row in rows:
        record = dict(zip(names, row, strict=True))
        record["kind"] = "fact"
        record["source"] = kb.source_record(record.pop("source_id"))
        found.append(record)
    return found


def facts_with_metric(kb: KB, folded_metric: str, limit: int = SIBLINGS) -> list[dict[str, Any]]:
    """Facts whose indexed text holds the metric's words as a phrase (folded), in index order."""
    if not folded_metric.strip():
        return []
    try:
        rows = kb.connection.execute(
            f"{FACT_SELECT} WHERE rowid IN "
            "(SELECT rowid FROM facts_fts WHERE facts_fts MATCH ? LIMIT ?)",
            (fts_phrase(folded_metric), limit),
        ).fetchall()
    except sqlite3.OperationalError:
        return []  # a metric the index cannot parse as a phrase: no other statements found
    return [kb.fact_record(row) for row in rows]
