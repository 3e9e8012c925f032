"""The KB's schema, as an ordered list of migrations.

Plain SQL on stdlib sqlite3, so no write pulls in sqlite_utils, and no timestamps, so two builds
of the same sources give byte-identical files (sqlite_utils.Migrations records `applied_at`).
A KB is marked as ours twice: `PRAGMA application_id` (cheap to read from the file header) and
the `_mickb_migrations` table (readable by people browsing the file in Datasette).
`PRAGMA user_version` is the number of the last migration applied.

Migrations only ever add: a KB written by an older mickb is upgraded in place when opened,
inside the same transaction that records the upgrade.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable

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


def _fts_sql(table: str) -> str:
    # The exact shape sqlite-utils' enable_fts(create_triggers=True) writes, so that
    # `db[table].detect_fts()` and Datasette find the index and use it.
    return f"""
CREATE VIRTUAL TABLE "{table}_fts" USING FTS5 (
    "search_text",
    tokenize='{TOKENIZE}',
    content="{table}"
);
CREATE TRIGGER "{table}_ai" AFTER INSERT ON "{table}" BEGIN
  INSERT INTO "{table}_fts" (rowid, "search_text") VALUES (new.rowid, new."search_text");
END;
CREATE TRIGGER "{table}_ad" AFTER DELETE ON "{table}" BEGIN
  INSERT INTO "{table}_fts" ("{table}_fts", rowid, "search_text")
    VALUES('delete', old.rowid, old."search_text");
END;
CREATE TRIGGER "{table}_au" AFTER UPDATE ON "{table}" BEGIN
  INSERT INTO "{table}_fts" ("{table}_fts", rowid, "search_text")
    VALUES('delete', old.rowid, old."search_text");
  INSERT INTO "{table}_fts" (rowid, "search_text") VALUES (new.rowid, new."search_text");
END;
"""


def _execute_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the caller's transaction first; run statement by statement.
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


def m001_initial(conn: sqlite3.Connection) -> None:
    """Sources, their passages, facts, speakers, quotes, and full-text indexes."""
    _execute_script(
        conn,
        """
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    title TEXT, date TEXT, url TEXT, outlet TEXT, author TEXT, path TEXT,
    n_facts INTEGER NOT NULL DEFAULT 0,
    n_quotes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sources_url ON sources(url);
CREATE TABLE passages (
    source_id TEXT NOT NULL REFERENCES sources(id),
    ordinal INTEGER NOT NULL,
    kind TEXT, text TEXT, start INTEGER, "end" INTEGER,
    PRIMARY KEY (source_id, ordinal)
);
CREATE TABLE facts (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources(id),
    passage_ordinal INTEGER,
    sentence_ordinal INTEGER,
    span_start INTEGER, span_end INTEGER,
    metric TEXT, metric_en TEXT, measure TEXT,
    value REAL, unit TEXT, value_text TEXT, total REAL, qualifier TEXT,
    base_value REAL, base_unit TEXT,
    period TEXT, compared_to TEXT, direction TEXT, sector TEXT,
    related TEXT NOT NULL DEFAULT '[]',
    sentence TEXT,
    search_text TEXT
);
CREATE INDEX facts_source ON facts(source_id, sentence_ordinal, span_start);
CREATE TABLE speakers (
    id TEXT PRIMARY KEY,
    name TEXT, role TEXT,
    source_id TEXT NOT NULL REFERENCES sources(id)
);
CREATE INDEX speakers_source ON speakers(source_id);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources(id),
    passage_ordinal INTEGER,
    sentence_ordinal INTEGER,
    span_start INTEGER, span_end INTEGER,
    text TEXT,
    speaker_id TEXT REFERENCES speakers(id),
    speaker_name TEXT, speaker_role TEXT,
    form TEXT,
    sentence TEXT,
    search_text TEXT
);
CREATE INDEX quotes_source ON quotes(source_id, sentence_ordinal, span_start);
"""
        + _fts_sql("facts")
        + _fts_sql("quotes"),
    )


def m002_search_accelerators(conn: sqlite3.Connection) -> None:
    """What keeps `find` fast at a million facts: figures looked up by value, and a vocabulary
    of index terms with record counts (typo correction and cheap query planning)."""
    _execute_script(
        conn,
        """
CREATE INDEX facts_value ON facts(value);
CREATE INDEX facts_base_value ON facts(base_value);
CREATE TABLE terms (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
""",
    )
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
