"""The knowledge base: one SQLite file of sources, passages, facts, speakers and quotes.

Reads use stdlib sqlite3 and nothing else: this module is on the start-up-critical path of
`find`, `check` and `quote`, and importing sqlite_utils alone costs several times the
interpreter's start-up. Writes go through `mickb.kb.loader` (staging, batches) and the
schema through `mickb.kb.schema` (sqlite-utils); the full-text indexes are the ones
sqlite-utils makes, so `sqlite-utils search` and Datasette use them as theirs.

Writers never fail on "database is locked": WAL mode, a busy timeout and a BEGIN IMMEDIATE
retry loop let several `mickb ingest` processes share one KB; past the timeout, KBLocked.
"""

from __future__ import annotations

import heapq
import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from mickb.errors import (
    BadInput,
    KBCorrupt,
    KBError,
    KBLocked,
    KBMissing,
    KBOutdated,
    KBReadOnly,
    NotAMickbKB,
    RecordNotFound,
)
from mickb.kb import schema as migrations

if TYPE_CHECKING:
    # Records are built by the extractor; reading a KB (every `find`) never needs these
    # classes, and importing them (dataclasses, inspect) costs start-up time.
    from mickb.kb.loader import AddResult, Loader
    from mickb.records import Document, Fact, Quote

SOURCE_FIELDS = ("id", "title", "date", "url", "outlet", "author")
_SOURCE_COLUMNS = "id, title, date, url, outlet, author, path, sha256, n_facts, n_quotes"
_FACT_COLUMNS = (
    "id, source_id, metric, metric_en, measure, value, unit, value_text, total, qualifier, "
    "base_value, base_unit, period, compared_to, direction, sector, related, sentence, "
    "sentence_ordinal, span_start, passage_ordinal"
)
_QUOTE_COLUMNS = (
    "id, source_id, text, speaker_name, speaker_role, form, sentence, "
    "sentence_ordinal, span_start, passage_ordinal"
)
FACT_SELECT = f"SELECT {_FACT_COLUMNS} FROM facts"
QUOTE_SELECT = f"SELECT {_QUOTE_COLUMNS} FROM quotes"

# --- numbers ----------------------------------------------------------------------------


def json_number(x: float | None) -> int | float | None:
    """138000.0 -> 138000: whole numbers print as the contract shows them."""
    if x is None:
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


# --- errors --------------------------------------------------------------------------------


def _error_name(exc: sqlite3.Error) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def _is_busy(exc: sqlite3.Error) -> bool:
    name = _error_name(exc)
    if name:
        return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _is_storage_error(exc: BaseException) -> bool:
    """Errors of the file or its locks (the user's to fix), not of our SQL or our values."""
    return type(exc) in (sqlite3.DatabaseError, sqlite3.OperationalError)


# What a file name may hold that a SQLite URI must not (sqlite.org/uri.html).
_URI_ESCAPES = {"%": "%25", "?": "%3f", "#": "%23"}


def kb_error(exc: sqlite3.Error, path: str) -> KBError:
    """Turn a sqlite3 error into the named KB error a user can act on."""
    name = _error_name(exc)
    message = str(exc)
    if _is_busy(exc):
        return KBLocked(
            f"the knowledge base {path} is locked by another writer; "
            "try again when it has finished (or raise the timeout)"
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in message.lower():
        return KBReadOnly(
            f"the knowledge base {path} is read-only; pass --db PATH to write to a copy"
        )
    if name.startswith("SQLITE_CANTOPEN"):
        return KBMissing(f"cannot open the knowledge base {path} ({message}); check the path")
    if name.startswith("SQLITE_FULL"):
        return KBError(f"the disk holding {path} is full; free some space and retry")
    return KBCorrupt(
        f"{path} is not a readable SQLite knowledge base ({message}); "
        "rebuild it with 'mickb build' or pass another --db"
    )


# --- the KB --------------------------------------------------------------------------------


class KB:
    """An open knowledge base. Use `KB.open(path)`; close it (or use it as a context manager)."""

    def __init__(self, conn: sqlite3.Connection, path: str, *, readonly: bool, timeout: float):
        self._conn = conn
        self.path = path
        self.readonly = readonly
        self._timeout = timeout
        self._source_cache: dict[str, dict[str, Any]] = {}
        self.cache: dict[str, Any] = {}  # per-connection state of search.py (vocabulary, UDFs)
        self._stage_in_use = False  # a Loader is using this connection's TEMP stage
        self.schema_version = migrations.schema_version(conn)

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = False,
        readonly: bool = False,
        timeout: float = 30.0,
    ) -> KB:
        # (os.path, not pathlib: pathlib imports urllib and ipaddress, a cost to every `find`)
        path = os.path.expanduser(os.fspath(path))
        if os.path.isdir(path):
            raise KBCorrupt(f"{path} is a folder, not a knowledge base file; pass the .sqlite file")
        if not os.path.exists(path):
            if not create or readonly:
                raise KBMissing(
                    f"no knowledge base at {path}; run 'mickb build' or 'mickb ingest', "
                    "or pass --db PATH"
                )
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        if readonly:
            return cls._open_readonly(path, timeout)
        return cls._open_writable(path, create=create, timeout=timeout)

    @classmethod
    def _open_writable(cls, path: str, *, create: bool, timeout: float) -> KB:
        if os.path.exists(path) and not os.access(path, os.W_OK):
            raise KBReadOnly(
                f"the knowledge base {path} is read-only; pass --db PATH to write to a copy"
            )
        try:
            conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise kb_error(exc, path) from exc
        kb = None
        try:
            cls._check_kind(conn, path, create=create)
            kb = cls(conn, path, readonly=False, timeout=timeout)
            if kb.schema_version > migrations.SCHEMA_VERSION:
                raise KBOutdated(
                    f"the knowledge base {path} was written by a newer mickb "
                    f"(schema {kb.schema_version}); upgrade mickb to write to it"
                )
            kb._use_wal()
            if kb.schema_version < migrations.SCHEMA_VERSION:
                # Checked again inside the transaction: another process may have just done it.
                with kb._write():
                    migrations.migrate(conn)
            kb.schema_version = migrations.schema_version(conn)
            return kb
        except sqlite3.Error as exc:
            conn.close()
            raise kb_error(exc, path) from exc
        except BaseException:
            conn.close()
            raise

    @classmethod
    def _open_readonly(cls, path: str, timeout: float) -> KB:
        conn = cls._connect_readonly(path, timeout)
        try:
            cls._check_kind(conn, path, create=False)
            version = migrations.schema_version(conn)
        except BaseException:
            conn.close()
            raise
        if version < migrations.SCHEMA_VERSION:
            # A KB written by an older mickb: upgrade it once if we may write to it.
            conn.close()
            if not os.access(path, os.W_OK):
                raise KBOutdated(
                    f"the knowledge base {path} has an older schema ({version}) and is read-only; "
                    "rebuild it with 'mickb build' or copy it somewhere writable"
                )
            cls._open_writable(path, create=False, timeout=timeout).close()
            conn = cls._connect_readonly(path, timeout)
        return cls(conn, path, readonly=True, timeout=timeout)

    @staticmethod
    def _connect_readonly(path: str, timeout: float) -> sqlite3.Connection:
        real = os.path.realpath(path)
        uri = "file:" + "".join(_URI_ESCAPES.get(ch, ch) for ch in real.replace(os.sep, "/"))
        # A WAL-mode KB needs its -shm file; when the file is not ours to write (a shipped
        # package) and nobody can write it, immutable=1 reads it without one.
        options = ["mode=ro"]
        if not os.access(path, os.W_OK) or not os.access(os.path.dirname(real), os.W_OK):
            options.append("immutable=1")
        last: sqlite3.Error | None = None
        for extra in ([], ["immutable=1"]):
            query = "&".join(dict.fromkeys(options + extra))
            try:
                conn = sqlite3.connect(f"{uri}?{query}", uri=True, timeout=timeout)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.Error as exc:
                last = exc
                if _error_name(exc).startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
                    break
        assert last is not None
        raise kb_error(last, path) from last

    @staticmethod
    def _check_kind(conn: sqlite3.Connection, path: str, *, create: bool) -> None:
        try:
            if migrations.is_empty(conn):
                if create:
                    return
                raise NotAMickbKB(
                    f"{path} is an empty file, not a mickb knowledge base; "
                    "run 'mickb build' or pass another --db"
                )
            if not migrations.is_mickb(conn):
                raise NotAMickbKB(
                    f"{path} is a SQLite database but not a mickb knowledge base; pass another --db"
                )
        except sqlite3.Error as exc:
            raise kb_error(exc, path) from exc

    def _use_wal(self) -> None:
        mode = self._conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "wal":
            self._retry(lambda: self._conn.execute("PRAGMA journal_mode=WAL").fetchone())
        self._conn.execute("PRAGMA synchronous=NORMAL")
        # A larger page cache for writers: the full-text index merges in place (~15% faster
        # ingest); readers keep the default so that a query stays small.
        self._conn.execute("PRAGMA cache_size=-16000")

    # -- plumbing -----------------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying stdlib connection (for search.py; read it, don't write through it)."""
        return self._conn

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> KB:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _retry(self, action: Any) -> Any:
        """Run `action` until the database stops being busy, up to the timeout."""
        deadline = time.monotonic() + self._timeout
        delay = 0.005
        while True:
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
                delay = min(delay * 2, 0.1)

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction: BEGIN IMMEDIATE (waiting for other writers), all or nothing."""
        if self.readonly:
            raise KBReadOnly(f"the knowledge base {self.path} was opened read-only")
        try:
            self._retry(lambda: self._conn.execute("BEGIN IMMEDIATE"))
        except sqlite3.Error as exc:
            raise kb_error(exc, self.path) from exc
        try:
            yield
            self._retry(lambda: self._conn.execute("COMMIT"))
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if _is_storage_error(exc):
                raise kb_error(exc, self.path) from exc  # type: ignore[arg-type]
            raise

    @contextmanager
    def reading(self) -> Iterator[None]:
        """A block of reads: a damaged or unreadable KB raises the named KB error."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            if _is_storage_error(exc):
                raise kb_error(exc, self.path) from exc
            raise

    # -- writing ------------------------------------------------------------------------------

    def add_document(
        self,
        doc: Document,
        facts: list[Fact],
        quotes: list[Quote],
        *,
        path: str | None = None,
    ) -> AddResult:
        """Store one document and its records in one transaction.

        "unchanged" when a document with the same content is already there; "replaced" when
        one with the same url but other content is: the old version goes in the same
        transaction.
        """
        from mickb.kb.rows import DocumentRows

        rows = DocumentRows(doc.sha256)
        with self.loader() as loader:
            loader.begin(0, doc.sha256, path)
            loader.add(0, rows.batch(doc.passages, facts, quotes, doc.sentences))
            loader.end(0, doc.meta, rows.n_facts, rows.n_quotes, rows.terms)
            ((_, result),) = loader.finish()
        assert result is not None
        return result

    def loader(self, **limits: int) -> Loader:
        """Stages documents and commits them in batches (see mickb.kb.loader)."""
        from mickb.kb.loader import Loader

        return Loader(self, **limits)

    # -- for the loader (mickb.kb.loader), which stages documents and commits them ----------

    def write(self) -> Any:
        """A write transaction (a context manager): retried while another writer holds the KB,
        given up past the timeout."""
        return self._write()

    def claim_stage(self) -> None:
        if self.readonly:
            raise KBReadOnly(f"the knowledge base {self.path} was opened read-only")
        if self._stage_in_use:
            raise RuntimeError("documents are already being loaded; finish or close that first")
        self._stage_in_use = True

    def release_stage(self) -> None:
        self._stage_in_use = False

    def forget_sources(self) -> None:
        self._source_cache.clear()

    def has_content(self, sha256: str) -> bool:
        """Whether a document with this content (Document.sha256) is in the KB already."""
        with self.reading():
            row = self._conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (sha256,))
            return row.fetchone() is not None

    def remove_sources(self, source_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Remove sources with all their records, passages, speakers, index entries and
        vocabulary counts, in one transaction; an unknown id removes nothing (BadInput)."""
        wanted = list(dict.fromkeys(s.strip() for s in source_ids))
        if not wanted or not all(wanted):
            raise BadInput("give the id of each source to remove (see 'mickb sources')")
        with self._write():
            marks = ",".join("?" * len(wanted))
            found = {
                row[0]: dict(zip(_SOURCE_COLUMNS.split(", "), row, strict=True))
                for row in self._conn.execute(
                    f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE id IN ({marks})", wanted
                )
            }
            unknown = [s for s in wanted if s not in found]
            if unknown:
                raise BadInput(
                    f"no source with id {', '.join(map(repr, unknown))}; nothing was removed "
                    "(see 'mickb sources' for the ids)"
                )
            for source_id in wanted:
                self.delete_source(source_id)
        self.forget_sources()
        return [found[s] for s in wanted]

    def delete_source(self, source_id: str) -> None:
        """Inside a write transaction: a source and everything of it (the triggers take its
        records out of the full-text indexes; the vocabulary loses its terms)."""
        c = self._conn
        terms: Counter[str] = Counter()
        for table in ("facts", "quotes"):
            for (text,) in c.execute(
                f"SELECT search_text FROM {table} WHERE source_id = ?", (source_id,)
            ):
                terms.update(migrations.index_terms(text or ""))
        migrations.add_terms(c, terms, sign=-1)
        db = migrations.database(c)
        for table in ("facts", "quotes", "speakers", "passages"):
            db[table].delete_where("source_id = ?", [source_id])
        db["sources"].delete_where("id = ?", [source_id])

    def compact(self) -> None:
        """End of `mickb build`: one self-contained file (no WAL), merged indexes, no free
        pages; deterministic, so the same sources always give the same bytes."""
        if self.readonly:
            raise KBReadOnly(f"the knowledge base {self.path} was opened read-only")
        c = self._conn
        try:
            with self._write():
                for table in ("facts_fts", "quotes_fts"):
                    c.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            self._retry(lambda: c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone())
            self._retry(lambda: c.execute("PRAGMA journal_mode=DELETE").fetchone())
            self._retry(lambda: c.execute("VACUUM"))
            # VACUUM may renumber the rowids the external-content indexes point at.
            for table in ("facts_fts", "quotes_fts"):
                try:
                    c.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
                except sqlite3.DatabaseError:
                    c.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        except sqlite3.Error as exc:
            raise kb_error(exc, self.path) from exc

    # -- reading ------------------------------------------------------------------------------

    def sources(self) -> list[dict[str, Any]]:
        with self.reading():
            cursor = self._conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources ORDER BY rowid")
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

    def stats(self) -> dict[str, Any]:
        with self.reading():
            c = self._conn

            def count(table: str) -> int:
                return int(c.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

            def grouped(column: str) -> dict[str, int]:
                rows = c.execute(
                    f"SELECT coalesce({column}, '(none)'), count(*) FROM facts "
                    f"GROUP BY 1 ORDER BY 2 DESC, 1"
                )
                return {k: n for k, n in rows}

            return {
                "sources": count("sources"),
                "facts": count("facts"),
                "quotes": count("quotes"),
                "speakers": count("speakers"),
                "by_sector": grouped("sector"),
                "by_measure": grouped("measure"),
                "schema_version": self.schema_version,
            }

    def source_record(self, source_id: str) -> dict[str, Any]:
        """The `source` object embedded in every record."""
        cached = self._source_cache.get(source_id)
        if cached is None:
            row = self._conn.execute(
                "SELECT id, title, date, url, outlet, author FROM sources WHERE id = ?",
                (source_id,),
            ).fetchone()
            cached = dict(
                zip(SOURCE_FIELDS, row or (source_id, None, None, None, None, None), strict=True)
            )
            self._source_cache[source_id] = cached
        return dict(cached)

    def fact_record(self, row: tuple[Any, ...]) -> dict[str, Any]:
        """A row of FACT_SELECT as the contract's JSON record."""
        return {
            "kind": "fact",
            "id": row[0],
            "metric": row[2],
            "metric_en": row[3],
            "measure": row[4],
            "value": json_number(row[5]),
            "unit": row[6],
            "value_text": row[7],
            "total": json_number(row[8]),
            "qualifier": row[9],
            "base_value": json_number(row[10]),
            "base_unit": row[11],
            "period": row[12],
            "compared_to": row[13],
            "direction": row[14],
            "sector": row[15],
            "related": json.loads(row[16] or "[]"),
            "sentence": row[17],
            "source": self.source_record(row[1]),
        }

    def quote_record(self, row: tuple[Any, ...]) -> dict[str, Any]:
        """A row of QUOTE_SELECT as the contract's JSON record."""
        return {
            "kind": "quote",
            "id": row[0],
            "text": row[2],
            "speaker": {"name": row[3], "role": row[4]},
            "form": row[5],
            "sentence": row[6],
            "source": self.source_record(row[1]),
        }

    def iter_records(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        """Every record, source by source (in the order they were added), and within a source
        by position in the text."""
        if kind not in (None, "fact", "quote"):
            raise ValueError(f"kind must be 'fact', 'quote' or None, not {kind!r}")
        with self.reading():
            source_ids = [r[0] for r in self._conn.execute("SELECT id FROM sources ORDER BY rowid")]
            for source_id in source_ids:
                streams: list[Iterable[tuple[tuple[int, int, int], dict[str, Any]]]] = []
                if kind in (None, "fact"):
                    streams.append(self._source_stream(source_id, "fact"))
                if kind in (None, "quote"):
                    streams.append(self._source_stream(source_id, "quote"))
                for _, record in heapq.merge(*streams, key=lambda item: item[0]):
                    yield record

    def _source_stream(
        self, source_id: str, kind: str
    ) -> Iterator[tuple[tuple[int, int, int], dict[str, Any]]]:
        if kind == "fact":
            sql, build, rank = FACT_SELECT, self.fact_record, 0
        else:
            sql, build, rank = QUOTE_SELECT, self.quote_record, 1
        cursor = self._conn.cursor()
        cursor.execute(
            f"{sql} WHERE source_id = ? ORDER BY sentence_ordinal, span_start, rowid",
            (source_id,),
        )
        for row in cursor:
            yield (row[-3] if row[-3] is not None else -1, row[-2] or 0, rank), build(row)

    def records_by_rowid(self, kind: str, rowids: list[int]) -> dict[int, dict[str, Any]]:
        """Records for rowids of facts or quotes (search.py's candidates), keyed by rowid."""
        if not rowids:
            return {}
        sql, build = (
            (FACT_SELECT, self.fact_record) if kind == "fact" else (QUOTE_SELECT, self.quote_record)
        )
        marks = ",".join("?" * len(rowids))
        select = sql.replace("SELECT ", "SELECT rowid, ", 1)
        with self.reading():
            return {
                row[0]: build(row[1:])
                for row in self._conn.execute(f"{select} WHERE rowid IN ({marks})", rowids)
            }

    def _find_row(self, record_id: str) -> tuple[str, tuple[Any, ...]] | None:
        order = ("quote", "fact") if record_id.startswith("q") else ("fact", "quote")
        for kind in order:
            sql = FACT_SELECT if kind == "fact" else QUOTE_SELECT
            row = self._conn.execute(f"{sql} WHERE id = ?", (record_id,)).fetchone()
            if row is not None:
                return kind, row
        return None

    def get(self, record_id: str) -> dict[str, Any]:
        record_id = record_id.strip()
        with self.reading():
            found = self._find_row(record_id)
            if found is None:
                raise RecordNotFound(
                    f"no fact or quote with id {record_id!r}; find ids with 'mickb find'"
                )
            kind, row = found
            return self.fact_record(row) if kind == "fact" else self.quote_record(row)

    def context(self, record_id: str) -> dict[str, Any]:
        """A record with the paragraph around it, its document and its related facts."""
        record = self.get(record_id)
        with self.reading():
            table = "facts" if record["kind"] == "fact" else "quotes"
            source_id, passage = self._conn.execute(
                f"SELECT source_id, passage_ordinal FROM {table} WHERE id = ?", (record["id"],)
            ).fetchone()
            paragraph = None
            if passage is not None:
                row = self._conn.execute(
                    "SELECT text FROM passages WHERE source_id = ? AND ordinal = ?",
                    (source_id, passage),
                ).fetchone()
                paragraph = row[0] if row else None
            document = self._conn.execute(
                f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE id = ?", (source_id,)
            ).fetchone()
            names = _SOURCE_COLUMNS.split(", ")
            related = []
            for rid in record.get("related", []):
                found = self._find_row(rid)
                if found is not None:
                    related.append(
                        self.fact_record(found[1])
                        if found[0] == "fact"
                        else self.quote_record(found[1])
                    )
        return {
            "record": record,
            "paragraph": paragraph,
            "document": dict(zip(names, document, strict=True)) if document else None,
            "related": related,
        }
