"""The KB's schema, as an ordered list of migrations.

Tables, indexes and the full-text indexes are made with sqlite-utils (`create`,
`create_index`, `enable_fts(create_triggers=True)`), so `sqlite-utils search` and Datasette
recognise the indexes as their own. The runner is ours, not `sqlite_utils.Migrations`: that
one records `applied_at` timestamps, and two builds of the same sources must give
byte-identical files. A KB is marked as ours twice: `PRAGMA application_id` (cheap to read
from the file header) and the `_mickb_migrations` table (readable by people browsing the
file in Datasette). `PRAGMA user_version` is the number of the last migration applied.

Migrations only ever add: a KB written by an older mickb is upgraded in place when opened,
inside the same transaction that records the upgrade. (KBs made before sqlite-utils wrote
the schema hold the same tables in hand-written SQL; both read and write alike.)

Reading never imports this module's sqlite-utils parts: `find` starts on plain sqlite3.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

APPLICATION_ID = 0x6D6B6231  # "mkb1"
MIGRATIONS_TABLE = "_mickb_migrations"

# The tokenizer of both full-text indexes. search_text is already folded (mickb.text.fold.fold), so
# remove_diacritics only matters to people who query the index directly (Datasette, sqlite-utils).
TOKENIZE = "unicode61 remove_diacritics 2"

# What FTS5's unicode61 tokenizer treats as one token in folded text: letters and digits.
_TOKEN_RE = re.compile(r"[^\W_]+")
_ASCII_GAPS = bytes(c if chr(c).isalnum() else 0x20 for c in range(128)) + bytes(range(128, 256))
_FIVE_DIGITS_RE = re.compile(r"[0-9]{5}")


def index_terms(search_text: str) -> set[str]:
    """The distinct index terms of one record, as kept in the `terms` vocabulary.

    Long digit runs (the plain-digit form of every value) are left out: they are never
    typo-corrected and there would be one per figure.
    """
    if search_text.isascii():
        # The same tokens, an order of magnitude faster than the regular expression on the
        # (mostly ASCII) folded text of reports: everything but letters and digits is a gap.
        terms = set(search_text.encode().translate(_ASCII_GAPS).decode().split())
        if not _FIVE_DIGITS_RE.search(search_text):
            return terms
    else:
        terms = set(_TOKEN_RE.findall(search_text))
    terms.difference_update([t for t in terms if len(t) > 4 and t.isdigit()])
    return terms


def database(conn: sqlite3.Connection) -> Any:
    """sqlite-utils over our connection, joining the caller's transaction; no plugins, and
    the connection's settings left as they are."""
    import sqlite_utils

    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


def m001_initial(conn: sqlite3.Connection) -> None:
    """Sources, their passages, facts, speakers, quotes, and full-text indexes."""
    db = database(conn)
    _sources(db)
    _facts(db)
    _quotes(db)
    for table in ("facts", "quotes"):
        db[table].enable_fts(["search_text"], tokenize=TOKENIZE, create_triggers=True)


# Where a record stands: its source, paragraph, sentence and span in the sentence.
_POSITION = {
    "source_id": str,
    "passage_ordinal": int,
    "sentence_ordinal": int,
    "span_start": int,
    "span_end": int,
}


def _sources(db: Any) -> None:
    db["sources"].create(
        {
            "id": str,
            "sha256": str,
            "title": str,
            "date": str,
            "url": str,
            "outlet": str,
            "author": str,
            "path": str,
            "n_facts": int,
            "n_quotes": int,
        },
        pk="id",
        not_null={"sha256", "n_facts", "n_quotes"},
        defaults={"n_facts": 0, "n_quotes": 0},
    )
    db["sources"].create_index(["sha256"], index_name="sources_sha256", unique=True)
    db["sources"].create_index(["url"], index_name="sources_url")
    db["passages"].create(
        {"source_id": str, "ordinal": int, "kind": str, "text": str, "start": int, "end": int},
        pk=("source_id", "ordinal"),
        not_null={"source_id", "ordinal"},
        foreign_keys=[("source_id", "sources", "id")],
    )


def _facts(db: Any) -> None:
    db["facts"].create(
        {
            "id": str,
            **_POSITION,
            "metric": str,
            "metric_en": str,
            "measure": str,
            "value": float,
            "unit": str,
            "value_text": str,
            "total": float,
            "qualifier": str,
            "base_value": float,
            "base_unit": str,
            "period": str,
            "compared_to": str,
            "direction": str,
            "sector": str,
            "related": str,
            "sentence": str,
            "search_text": str,
        },
        pk="id",
        not_null={"source_id", "related"},
        defaults={"related": "[]"},
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["facts"].create_index(
        ["source_id", "sentence_ordinal", "span_start"], index_name="facts_source"
    )


def _quotes(db: Any) -> None:
    db["speakers"].create(
        {"id": str, "name": str, "role": str, "source_id": str},
        pk="id",
        not_null={"source_id"},
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["speakers"].create_index(["source_id"], index_name="speakers_source")
    db["quotes"].create(
        {
            "id": str,
            **_POSITION,
            "text": str,
            "speaker_id": str,
            "speaker_name": str,
            "speaker_role": str,
            "form": str,
            "sentence": str,
            "search_text": str,
        },
        pk="id",
        not_null={"source_id"},
        foreign_keys=[("source_id", "sources", "id"), ("speaker_id", "speakers", "id")],
    )
    db["quotes"].create_index(
        ["source_id", "sentence_ordinal", "span_start"], index_name="quotes_source"
    )


def m002_search_accelerators(conn: sqlite3.Connection) -> None:
    """What keeps `find` fast at a million facts: figures looked up by value, and a vocabulary
    of index terms with record counts (typo correction and cheap query planning)."""
    db = database(conn)
    db["facts"].create_index(["value"], index_name="facts_value")
    db["facts"].create_index(["base_value"], index_name="facts_base_value")
    # WITHOUT ROWID, which sqlite-utils' create() does not offer: the vocabulary is looked
    # up by term on every query, and a rowid table would store each term twice.
    db.execute("CREATE TABLE terms (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
    counts: Counter[str] = Counter()
    for table in ("facts", "quotes"):
        for (text,) in conn.execute(f"SELECT search_text FROM {table} ORDER BY rowid"):
            counts.update(index_terms(text or ""))
    add_terms(conn, counts)


def add_terms(conn: sqlite3.Connection, counts: Counter[str], sign: int = 1) -> None:
    """Add (or with sign=-1 remove) records' terms to the vocabulary, in a stable order."""
    rows = sorted(counts.items())
    if sign > 0:
        conn.executemany(
            "INSERT INTO terms(term, n) VALUES (?, ?) "
            "ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            rows,
        )
    else:
        conn.executemany("UPDATE terms SET n = n - ? WHERE term = ?", [(n, t) for t, n in rows])
        conn.execute("DELETE FROM terms WHERE n <= 0")


Migration = tuple[int, str, Callable[[sqlite3.Connection], None]]

MIGRATIONS: list[Migration] = [
    (1, "m001_initial", m001_initial),
    (2, "m002_search_accelerators", m002_search_accelerators),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def is_mickb(conn: sqlite3.Connection) -> bool:
    if int(conn.execute("PRAGMA application_id").fetchone()[0]) == APPLICATION_ID:
        return True
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    return row is not None


def is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def pending(conn: sqlite3.Connection) -> list[Migration]:
    current = schema_version(conn)
    return [m for m in MIGRATIONS if m[0] > current]


def migrate(conn: sqlite3.Connection, *, upto: int = SCHEMA_VERSION) -> list[str]:
    """Apply the pending migrations up to `upto`; the caller holds the write transaction.

    Returns the names of the migrations applied (empty when the KB was up to date).
    """
    applied: list[str] = []
    todo: Iterable[Migration] = (m for m in pending(conn) if m[0] <= upto)
    for version, name, function in todo:
        if version == 1:
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL)"
            )
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        function(conn)
        conn.execute(
            f"INSERT INTO {MIGRATIONS_TABLE}(version, name) VALUES (?, ?)", (version, name)
        )
        conn.execute(f"PRAGMA user_version = {int(version)}")
        applied.append(name)
    return applied
