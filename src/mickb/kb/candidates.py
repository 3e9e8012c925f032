"""Facts that may be about a claim's metric, for `check`: a bounded set whatever the KB's size."""

from __future__ import annotations

import sqlite3
from typing import Any, NamedTuple

from mickb.kb.fts import fts_and, fts_phrase, term_counts

STAGE_LIMIT = 100  # rows one full-text query may bring
RANK_BELOW = 3000  # estimated matches under which bm25 ordering is affordable
_FACT_COLUMNS = (
    "id, source_id, metric, metric_en, measure, value, unit, value_text, total, qualifier, "
    "base_value, base_unit, period, compared_to, direction, sector, sentence, related"
)


_PASSAGE = (
    "(SELECT p.text FROM passages p WHERE p.source_id = f.source_id "
    "AND p.ordinal = f.passage_ordinal)"
)


class FactRow(NamedTuple):
    """A fact as check reads it from the KB (the stored columns, and its document's title)."""

    id: str
    source_id: str
    metric: str
    metric_en: str | None
    measure: str
    value: float
    unit: str
    value_text: str
    total: float | None
    qualifier: str | None
    base_value: float | None
    base_unit: str | None
    period: str | None
    compared_to: str | None
    direction: str | None
    sector: str | None
    sentence: str
    related: str | None  # JSON list of ids
    title: str | None
    passage: str | None  # the paragraph that holds its sentence


def candidate_facts(
    conn: sqlite3.Connection,
    word_groups: list[list[str]],
    years: list[str],
    value_range: tuple[float, float] | None,
    limit: int = 300,
) -> list[FactRow]:
    """Facts that may be about a metric, a bounded set whatever the KB's size: full-text
    matches of each group of metric words (with the years, then without, then any of its
    rarest words), plus facts holding a value in `value_range` (base units).

    bm25 ordering is used only when the vocabulary says the match set is small; a large
    one gives its newest rows."""
    df = term_counts(conn, [w for group in word_groups for w in group])
    select = (
        f"SELECT {', '.join('f.' + c.strip() for c in _FACT_COLUMNS.split(','))}, "
        "(SELECT s.title FROM sources s WHERE s.id = f.source_id), " + _PASSAGE + " "
    )
    rows: dict[str, tuple[Any, ...]] = {}
    stages: list[tuple[str, int]] = []
    for words in word_groups:
        known = [w for w in words if df is None or df.get(w, 0) > 0]
        if not known:
            continue

        def count(w: str) -> int:
            return df.get(w, 0) if df is not None else 0

        estimate = min(count(w) for w in known)
        if years:
            stages.append((fts_and(known + years), estimate))
        stages.append((fts_and(known), estimate))
        rarest = sorted(known, key=lambda w: (count(w), w))[:4]
        if len(rarest) > 1:
            stages.append((" OR ".join(fts_phrase(w) for w in rarest), sum(map(count, rarest))))
    for expression, estimate in stages:
        if len(rows) >= limit:
            break
        order = "facts_fts.rank" if estimate <= RANK_BELOW else "facts_fts.rowid DESC"
        try:
            found = conn.execute(
                select + "FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid "
                f"WHERE facts_fts MATCH ? ORDER BY {order} LIMIT ?",
                (expression, STAGE_LIMIT),
            ).fetchall()
        except sqlite3.Error:
            continue
        for row in found:
            rows.setdefault(row[0], row)
    if value_range is not None:
        # In index order, no sort: a round number may be held by thousands of facts.
        for row in conn.execute(
            select + "FROM facts f WHERE f.base_value BETWEEN ? AND ? LIMIT ?",
            (*value_range, STAGE_LIMIT),
        ):
            rows.setdefault(row[0], row)
    return [FactRow(*row) for row in rows.values()]


def facts_by_id(conn: sqlite3.Connection, ids: list[str]) -> list[FactRow]:
    if not ids:
        return []
    select = f"SELECT {', '.join('f.' + c.strip() for c in _FACT_COLUMNS.split(','))}, "
    rows = conn.execute(
        select
        + "(SELECT s.title FROM sources s WHERE s.id = f.source_id), "
        + _PASSAGE
        + " FROM facts f "
        f"WHERE f.id IN ({','.join('?' * len(ids))})",
        ids,
    ).fetchall()
    return [FactRow(*row) for row in rows]
