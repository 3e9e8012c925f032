"""Full-text query strings and index statistics: what search, check and verify share.

The read path uses plain sqlite3 (no sqlite_utils import): these run on every `find`,
`check` and `quote`, whose start-up time is a goal of their own.
"""

from __future__ import annotations

import sqlite3


def fts_phrase(text: str) -> str:
    """`text` as one quoted FTS5 string: punctuation and operators in it are only text."""
    return '"' + text.replace('"', '""') + '"'


def fts_and(words: list[str]) -> str:
    """Every word must match (each quoted), in the order first seen."""
    return " AND ".join(fts_phrase(w) for w in dict.fromkeys(words))


def term_counts(conn: sqlite3.Connection, words: list[str]) -> dict[str, int] | None:
    """Records per index term, from the KB's vocabulary; None when the KB has none."""
    unique = sorted(set(words))
    if not unique:
        return {}
    try:
        found = conn.execute(
            f"SELECT term, n FROM terms WHERE term IN ({','.join('?' * len(unique))})", unique
        ).fetchall()
    except sqlite3.Error:
        return None
    return {term: int(n) for term, n in found}
