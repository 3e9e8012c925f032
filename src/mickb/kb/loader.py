"""Documents on their way into the KB: staged as they arrive, committed in order, in batches.

Rows arrive document by document, and with several ingest workers, from several documents at
once and out of order. Each part goes straight into TEMP tables of the writer's connection:
they take no lock on the KB (other writers and readers go on), and SQLite keeps them in
memory up to `temp.cache_size`, spilling to a temporary file beyond it, so memory stays
bounded whatever a document's size.

Documents are committed in the order they were numbered (`seq`), several to a transaction:
a batch closes once its documents hold `batch_chars` characters of text or number
`batch_docs`. The cut depends only on the documents, never on timing, so the same sources
give the same transactions, the same full-text segments and so the same bytes, however
many workers there were. A reader sees a document whole or not at all (a batch commits
atomically and a document never spans two batches); the disk is written about once per
batch instead of once per document (a commit rewrites every B-tree page it touches).

Within a transaction everything moves with one INSERT … SELECT per table: row by row,
SQLite opens a statement savepoint for every row, and FTS5 writes out its pending index
at each one, which made indexing several times slower. (That move is SQL that sqlite-utils
has no verb for, and its `insert_all` goes statement by statement from Python dicts: the
schema and the full-text set-up are where sqlite-utils serves, see kb/schema.py.)
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from mickb.kb import schema
from mickb.kb.rows import (
    FACT_COLUMNS,
    PASSAGE_COLUMNS,
    QUOTE_COLUMNS,
    SOURCE_COLUMNS,
    SPEAKER_COLUMNS,
    RowBatch,
    source_id_of,
    source_row,
)

if TYPE_CHECKING:
    from mickb.records import SourceMeta

AddStatus = Literal["added", "unchanged", "replaced", "updated"]

# A batch closes at this many characters of document text, or this many documents.
BATCH_CHARS = 8_000_000
BATCH_DOCS = 2_000
# Pages of TEMP tables SQLite keeps in memory (negative: KiB) before it spills to a file.
TEMP_CACHE_KIB = 96 * 1024

_STAGE = "temp.mickb_stage_"
_STAGE_TABLES = {
    "passages": PASSAGE_COLUMNS,
    "facts": FACT_COLUMNS,
    "quotes": QUOTE_COLUMNS,
}
_META_FIELDS = ("title", "date", "url", "outlet", "author")


class KB(Protocol):
    """What the loader asks of an open KB (mickb.kb.store.KB, which creates loaders: the
    store imports the loader, never the other way round)."""

    cache: dict[str, Any]

    @property
    def connection(self) -> sqlite3.Connection: ...

    def write(self) -> Any: ...

    def claim_stage(self) -> None: ...

    def release_stage(self) -> None: ...

    def forget_sources(self) -> None: ...

    def delete_source(self, source_id: str) -> None: ...


class AddResult(NamedTuple):
    """What storing one document did."""

    source_id: str
    status: AddStatus
    facts: int  # records of this document now in the KB (0 when unchanged)
    quotes: int
    replaced: list[str]  # ids of the older versions this one replaced (same url)


class _Doc:
    """A document the loader has heard of, until it is committed."""

    __slots__ = ("seq", "sha256", "path", "state", "chars", "meta", "n_facts", "n_quotes", "terms")

    def __init__(self, seq: int, sha256: str, path: str | None) -> None:
        self.seq = seq
        self.sha256 = sha256
        self.path = path
        self.state: Literal["open", "ready", "unchanged", "failed"] = "open"
        self.chars = 0
        self.meta: SourceMeta | None = None
        self.n_facts = 0
        self.n_quotes = 0
        self.terms: Counter[str] | None = None


def _marks(n: int) -> str:
    return ",".join("?" * n)


class Loader:
    """Stages documents' rows and commits them, in `seq` order, a batch at a time.

    For each document: `begin`, any number of `add`, then `end` (or `unchanged`, or `fail`:
    its staged rows are dropped). Each of `end`, `unchanged`, `fail` and `finish` returns
    the documents it committed, in order, as (seq, AddResult), or (seq, None) for a failed
    one. `finish()` commits what is left; `close()` drops anything not committed.
    """

    def __init__(
        self, kb: KB, *, batch_chars: int = BATCH_CHARS, batch_docs: int = BATCH_DOCS
    ) -> None:
        self._kb = kb
        self._conn = kb.connection
        self.batch_chars = batch_chars
        self.batch_docs = batch_docs
        self._docs: dict[int, _Doc] = {}
        self._next = 0  # the lowest seq not yet committed
        self._scan = (0, 0)  # where the walk for the next batch stands, and its characters
        self._staged = False
        self._closed = False
        kb.claim_stage()
        self._stage_tables()

    # -- arriving -----------------------------------------------------------------------------

    def begin(self, seq: int, sha256: str, path: str | None) -> None:
        if seq in self._docs or seq < self._next:
            raise ValueError(f"document {seq} was already begun")
        self._docs[seq] = _Doc(seq, sha256, path)

    def add(self, seq: int, batch: RowBatch) -> None:
        doc = self._docs[seq]
        if doc.state != "open":
            raise ValueError(f"document {seq} is {doc.state}, not open")
        doc.chars += sum(len(row[3]) for row in batch.passages)
        c = self._conn
        # One staging transaction stays open from part to part (it touches only TEMP
        # tables, so it locks nothing in the KB): committing each part cost more than
        # writing its rows. `_commit` ends it before it takes the write lock.
        if not c.in_transaction:
            c.execute("BEGIN")
        for table, rows in (
            ("passages", batch.passages),
            ("facts", batch.facts),
            ("quotes", batch.quotes),
        ):
            if rows:
                width = len(rows[0]) + 1
                c.executemany(
                    f"INSERT INTO {_STAGE}{table} VALUES ({_marks(width)})",
                    [(seq, *row) for row in rows],
                )
        self._staged = True

    def end(
        self,
        seq: int,
        meta: SourceMeta,
        n_facts: int,
        n_quotes: int,
        terms: Counter[str] | Iterable[tuple[str, int]],
    ) -> list[tuple[int, AddResult | None]]:
        doc = self._docs[seq]
        doc.state, doc.meta = "ready", meta
        doc.n_facts, doc.n_quotes = n_facts, n_quotes
        doc.terms = terms if isinstance(terms, Counter) else Counter(dict(terms))
        return self._commit_full_batches()

    def unchanged(
        self, seq: int, sha256: str, meta: SourceMeta | None = None
    ) -> list[tuple[int, AddResult | None]]:
        """A document the KB holds already; `meta` (when given) corrects its metadata:
        its fields that are not None replace the stored ones."""
        doc = self._docs.get(seq) or _Doc(seq, sha256, None)
        self._docs[seq] = doc
        doc.state, doc.meta = "unchanged", meta
        self._drop_staged([seq])
        return self._commit_full_batches()

    def fail(self, seq: int) -> list[tuple[int, AddResult | None]]:
        doc = self._docs.get(seq) or _Doc(seq, "", None)
        self._docs[seq] = doc
        doc.state = "failed"
        self._drop_staged([seq])
        return self._commit_full_batches()

    def finish(self) -> list[tuple[int, AddResult | None]]:
        done = self._commit_full_batches()
        batch = self._ready_prefix(final=True)
        if batch:
            done += self._commit(batch)
        return done

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._docs.clear()
        c = self._conn
        if c.in_transaction:
            c.execute("ROLLBACK")  # the staging transaction: only TEMP rows
        if self._staged:
            for name in _STAGE_TABLES:
                c.execute(f"DELETE FROM {_STAGE}{name}")
        self._kb.release_stage()

    def __enter__(self) -> Loader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- batching -----------------------------------------------------------------------------

    def _ready_prefix(self, final: bool = False) -> list[_Doc]:
        """The next batch: documents from `_next` on, all finished, cut where the size or
        count limit is first reached (or, when `final`, all that are finished). The walk
        goes on from where the last call stopped (`_scan`)."""
        seq, chars = self._scan
        while True:
            doc = self._docs.get(seq)
            if doc is None or doc.state == "open":
                self._scan = (seq, chars)
                if final and seq > self._next:
                    return [self._docs[s] for s in range(self._next, seq)]
                return []
            chars += doc.chars
            seq += 1
            if chars >= self.batch_chars or seq - self._next >= self.batch_docs:
                self._scan = (seq, 0)
                return [self._docs[s] for s in range(self._next, seq)]

    def _commit_full_batches(self) -> list[tuple[int, AddResult | None]]:
        done: list[tuple[int, AddResult | None]] = []
        while batch := self._ready_prefix():
            done += self._commit(batch)
        return done

    def _drop_staged(self, seqs: list[int]) -> None:
        if not self._staged or not seqs:
            return
        c = self._conn
        if not c.in_transaction:
            c.execute("BEGIN")
        for name in _STAGE_TABLES:
            c.execute(f"DELETE FROM {_STAGE}{name} WHERE doc IN ({_marks(len(seqs))})", seqs)

    # -- committing ---------------------------------------------------------------------------

    def _commit(self, batch: list[_Doc]) -> list[tuple[int, AddResult | None]]:
        kb, c = self._kb, self._conn
        results: dict[int, AddResult | None] = {}
        if c.in_transaction:
            c.execute("COMMIT")  # the staging transaction (see add)
        with kb.write():
            accepted = self._decide(batch, results)
            lo, hi = batch[0].seq, batch[-1].seq
            if accepted:
                self._move(accepted, lo, hi)
            if self._staged:
                for name in _STAGE_TABLES:
                    c.execute(f"DELETE FROM {_STAGE}{name} WHERE doc BETWEEN ? AND ?", (lo, hi))
        for doc in batch:
            del self._docs[doc.seq]
        self._next = batch[-1].seq + 1
        if self._scan[0] <= self._next:
            self._scan = (self._next, 0)
        kb.forget_sources()
        return [(doc.seq, results.get(doc.seq)) for doc in batch]

    def _decide(self, batch: list[_Doc], results: dict[int, AddResult | None]) -> list[_Doc]:
        """Inside the transaction: which documents go in; old versions (same url) go out."""
        c = self._conn
        accepted: dict[int, _Doc] = {}
        by_sha: dict[str, _Doc] = {}
        by_url: dict[str, _Doc] = {}
        dropped: list[int] = []
        for doc in batch:
            if doc.state == "failed":
                results[doc.seq] = None
                continue
            source_id = source_id_of(doc.sha256)
            if doc.state == "unchanged":
                results[doc.seq] = self._update_meta(doc, source_id)
                continue
            assert doc.meta is not None
            held = c.execute("SELECT 1 FROM sources WHERE sha256 = ?", (doc.sha256,)).fetchone()
            if held or doc.sha256 in by_sha:
                results[doc.seq] = AddResult(source_id, "unchanged", 0, 0, [])
                dropped.append(doc.seq)
                continue
            replaced: list[str] = []
            url = doc.meta.url
            if url:
                earlier = by_url.pop(url, None)
                if earlier is not None:  # an older version in this same batch
                    del accepted[earlier.seq]
                    del by_sha[earlier.sha256]
                    dropped.append(earlier.seq)
                    replaced.append(source_id_of(earlier.sha256))
                old = c.execute(
                    "SELECT id FROM sources WHERE url = ? ORDER BY rowid", (url,)
                ).fetchall()
                for (old_id,) in old:
                    self._kb.delete_source(old_id)
                    replaced.append(old_id)
                by_url[url] = doc
            by_sha[doc.sha256] = doc
            accepted[doc.seq] = doc
            status: AddStatus = "replaced" if replaced else "added"
            results[doc.seq] = AddResult(source_id, status, doc.n_facts, doc.n_quotes, replaced)
        if dropped:
            self._drop_staged(dropped)
        return list(accepted.values())

    def _update_meta(self, doc: _Doc, source_id: str) -> AddResult:
        c = self._conn
        row = c.execute(
            "SELECT id, title, date, url, outlet, author FROM sources WHERE sha256 = ?",
            (doc.sha256,),
        ).fetchone()
        if row is None:  # removed meanwhile: nothing to correct
            return AddResult(source_id, "unchanged", 0, 0, [])
        stored = dict(zip(_META_FIELDS, row[1:], strict=True))
        wanted = dict(stored)
        if doc.meta is not None:
            for name in _META_FIELDS:
                value = getattr(doc.meta, name)
                if value is not None and str(value).strip():
                    wanted[name] = value
        if wanted == stored:
            return AddResult(row[0], "unchanged", 0, 0, [])
        c.execute(
            "UPDATE sources SET title = ?, date = ?, url = ?, outlet = ?, author = ? WHERE id = ?",
            (*[wanted[name] for name in _META_FIELDS], row[0]),
        )
        return AddResult(row[0], "updated", 0, 0, [])

    def _move(self, docs: list[_Doc], lo: int, hi: int) -> None:
        c = self._conn
        c.executemany(
            f"INSERT INTO sources ({SOURCE_COLUMNS}) VALUES ({_marks(10)})",
            [
                source_row(d.sha256, d.meta, d.path, d.n_facts, d.n_quotes)  # type: ignore[arg-type]
                for d in docs
            ],
        )
        where = "WHERE doc BETWEEN ? AND ?"
        c.execute(
            f"INSERT INTO passages ({PASSAGE_COLUMNS}) "
            f"SELECT {PASSAGE_COLUMNS} FROM {_STAGE}passages {where} ORDER BY doc, rowid",
            (lo, hi),
        )
        c.execute(
            f"INSERT INTO facts ({FACT_COLUMNS}) "
            f"SELECT {FACT_COLUMNS} FROM {_STAGE}facts {where} ORDER BY doc, rowid",
            (lo, hi),
        )
        # Speakers in the order of their first quote; quotes in document order.
        c.execute(
            f"INSERT INTO speakers ({SPEAKER_COLUMNS}) "
            f"SELECT speaker_id, speaker_name, speaker_role, source_id FROM {_STAGE}quotes "
            f"{where} AND speaker_id IS NOT NULL GROUP BY doc, speaker_id "
            "ORDER BY doc, min(sentence_ordinal), min(span_start), min(rowid)",
            (lo, hi),
        )
        c.execute(
            f"INSERT INTO quotes ({QUOTE_COLUMNS}) "
            f"SELECT {QUOTE_COLUMNS} FROM {_STAGE}quotes {where} "
            "ORDER BY doc, sentence_ordinal, span_start, rowid",
            (lo, hi),
        )
        terms: Counter[str] = Counter()
        for d in docs:
            if d.terms:
                terms.update(d.terms)
        schema.add_terms(c, terms)

    def _stage_tables(self) -> None:
        """The TEMP tables documents are staged in (made once per connection)."""
        c = self._conn
        if self._kb.cache.get("stage_ready"):
            return
        c.execute(f"PRAGMA temp.cache_size = -{TEMP_CACHE_KIB}")
        # The stage's undo log in memory: it is dropped whole on any failure anyway, and a
        # journal file made and removed for every part cost more than the part's rows.
        c.execute("PRAGMA temp.journal_mode = MEMORY")
        for name, columns in _STAGE_TABLES.items():
            c.execute(f"CREATE TEMP TABLE IF NOT EXISTS mickb_stage_{name} (doc, {columns})")
            c.execute(
                f"CREATE INDEX IF NOT EXISTS temp.mickb_stage_{name}_doc ON mickb_stage_{name}(doc)"
            )
        self._kb.cache["stage_ready"] = True
