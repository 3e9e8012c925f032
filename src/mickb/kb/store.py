"""The knowledge base: one SQLite file of sources, passages, facts, speakers and quotes.

Everything here is stdlib sqlite3, for reads and writes alike: a `find --json` must start
fast, and sqlite_utils alone costs several times the interpreter's start-up. The full-text
indexes have the shape sqlite-utils writes, so `sqlite-utils` and Datasette use them as theirs.

Writers never fail on "database is locked": WAL mode, a busy timeout and a BEGIN IMMEDIATE
retry loop let several `mickb ingest` processes share one KB; past the timeout, KBLocked.
"""

from __future__ import annotations

import heapq
import json
import math
import os
import sqlite3
import time
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mickb.errors import (
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
from mickb.plain import PlainRecord
from mickb.text.fold import fold

if TYPE_CHECKING:
    # Records are built by the extractor; reading a KB (every `find`) never needs these
    # classes, and importing them (dataclasses, inspect) costs start-up time.
    from mickb.records import Document, Fact, Passage, Quote, Sentence, SourceMeta

AddStatus = Literal["added", "unchanged", "replaced"]

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

# Scale words for the spoken forms of a figure in search_text ("138 nghin ty", "34,3 billion"),
# so a query written with another scale word than the source still meets the figure.
_SCALES = (
    (1e15, "trieu ty", "quadrillion"),
    (1e12, "nghin ty", "trillion"),
    (1e9, "ty", "billion"),
    (1e6, "trieu", "million"),
    (1e3, "nghin", "thousand"),
)


class AddResult(PlainRecord):
    """What adding one document did (a plain class: see mickb.plain)."""

    __slots__ = ("source_id", "status", "facts", "quotes", "replaced")

    def __init__(
        self,
        source_id: str,
        status: AddStatus,
        facts: int,  # records of this document now in the KB (0 when unchanged)
        quotes: int,
        replaced: list[str],  # ids of the older versions this one replaced (same url)
    ) -> None:
        self.source_id, self.status, self.facts = source_id, status, facts
        self.quotes, self.replaced = quotes, replaced


# --- numbers and search text -------------------------------------------------------------


def json_number(x: float | None) -> int | float | None:
    """138000.0 -> 138000: whole numbers print as the contract shows them."""
    if x is None:
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def _plain(q: float) -> str:
    text = f"{q:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def value_forms(value: float | None, base_value: float | None, base_unit: str | None) -> list[str]:
    """Other ways to write a figure: plain digits (138000) and scale-word forms."""
    forms: list[str] = []
    if value is not None and math.isfinite(value) and float(value).is_integer():
        forms.append(str(int(value)))
    if base_value is not None and math.isfinite(base_value) and base_value >= 1000:
        english = (base_unit or "").upper() not in ("", "VND")
        for scale, vietnamese, english_word in _SCALES:
            q = base_value / scale
            if 1 <= q < 1000 and abs(round(q, 3) - q) < 1e-9 * max(q, 1):
                forms.append(f"{_plain(q)} {vietnamese}")
                if english:
                    forms.append(f"{_plain(q)} {english_word}")
                break
    return forms


def _fold_and_terms(part: str) -> tuple[str, frozenset[str]]:
    folded = fold(part)
    return folded, frozenset(migrations.index_terms(folded))


# Two caches: sentences are long and come back only for the next few facts (those of the
# same sentence); metrics, units and figures are short and come back all through a report.
_folded_sentence = lru_cache(maxsize=512)(_fold_and_terms)
_folded_short = lru_cache(maxsize=8192)(_fold_and_terms)


def _folded_part(part: str) -> tuple[str, frozenset[str]]:
    return _folded_sentence(part) if len(part) > 120 else _folded_short(part)


def _search_text(parts: list[str | None]) -> tuple[str, set[str]]:
    """fold(" | ".join(parts)) and its index terms, part by part (fold works per character)."""
    pairs = [_folded_part(part) for part in parts if part]
    return " | ".join([pair[0] for pair in pairs]), set().union(*[pair[1] for pair in pairs])


@lru_cache(maxsize=4096)
def _fact_head(
    metric: str | None, metric_en: str | None, sector: str | None, period: str | None
) -> tuple[str, frozenset[str]]:
    # A level and its growth rate, and many figures of a report, share all four.
    text, terms = _search_text([metric, metric_en, sector, period])
    return text, frozenset(terms)


def _make_id(doc_sha256: str, kind: str, sentence_ordinal: int, start: int, text: str) -> str:
    from mickb.records import make_id

    return make_id(doc_sha256, kind, sentence_ordinal, start, text)


def _passage(row: Any) -> Passage:
    from mickb.records import Passage

    return Passage(row[1], row[2], row[3], row[4], row[5])


@lru_cache(maxsize=8192)
def _fact_tail(
    value_text: str | None, value: float | None, base_value: float | None, base_unit: str | None
) -> tuple[str, frozenset[str]]:
    # The figure and its other forms, folded together in one go (folding and the index
    # terms work character by character, so " | " joins them the same before as after).
    # Cached: a report states the same figure many times ("10%", "2022"), and equal
    # arguments give equal forms (value_forms reads only these four).
    tail = " | ".join(
        part for part in (value_text, *value_forms(value, base_value, base_unit)) if part
    )
    if not tail:
        return "", frozenset()
    folded = fold(tail)
    return folded, frozenset(migrations.index_terms(folded))


def _fact_search(fact: Fact) -> tuple[str, frozenset[str]]:
    """_search_text(_fact_parts(fact)), with the parts facts share folded once."""
    head, head_terms = _fact_head(fact.metric, fact.metric_en, fact.sector, fact.period)
    tail, tail_terms = _fact_tail(fact.value_text, fact.value, fact.base_value, fact.base_unit)
    texts = [head] if head else []
    if tail:
        texts.append(tail)
    sentence = fact.sentence
    if sentence:
        folded, sentence_terms = _folded_part(sentence)
        texts.append(folded)
        return " | ".join(texts), sentence_terms.union(head_terms, tail_terms)
    return " | ".join(texts), head_terms.union(tail_terms)


def _fact_parts(fact: Fact) -> list[str | None]:
    return [
        fact.metric,
        fact.metric_en,
        fact.sector,
        fact.period,
        fact.value_text,
        *value_forms(fact.value, fact.base_value, fact.base_unit),
        fact.sentence,
    ]


def _quote_parts(quote: Quote) -> list[str | None]:
    return [quote.speaker.name, quote.speaker.role, quote.text, quote.sentence]


def fact_search_text(fact: Fact) -> str:
    """What facts_fts indexes: the folded metric, its English, sector, period, the figure as
    written and in other forms, and the sentence."""
    return _fact_search(fact)[0]


def quote_search_text(quote: Quote) -> str:
    return _search_text(_quote_parts(quote))[0]


def _related_by_position(facts: list[tuple[str, Fact]]) -> dict[str, list[str]]:
    """A level and the growth rate stated right after it point at each other.

    Used only when the extractor left `related` empty: in one sentence, each change fact
    belongs to the nearest figure before it that is not itself a change.
    """
    related: dict[str, list[str]] = {fid: [] for fid, _ in facts}
    by_sentence: dict[int, list[tuple[str, Fact]]] = {}
    for fid, fact in facts:
        by_sentence.setdefault(fact.sentence_ordinal, []).append((fid, fact))
    for group in by_sentence.values():
        group.sort(key=lambda item: item[1].span[0])
        anchor: str | None = None
        for fid, fact in group:
            if fact.measure == "change":
                if anchor is not None:
                    related[fid].append(anchor)
                    related[anchor].append(fid)
            else:
                anchor = fid
    return related


# --- one document on its way in ----------------------------------------------------------

_SOURCE_INSERT = "id, sha256, title, date, url, outlet, author, path, n_facts, n_quotes"
_PASSAGE_INSERT = 'source_id, ordinal, kind, text, start, "end"'
_FACT_INSERT = (
    "id, source_id, passage_ordinal, sentence_ordinal, span_start, span_end, metric, metric_en, "
    "measure, value, unit, value_text, total, qualifier, base_value, base_unit, period, "
    "compared_to, direction, sector, related, sentence, search_text"
)
_SPEAKER_INSERT = "id, name, role, source_id"
_QUOTE_INSERT = (
    "id, source_id, passage_ordinal, sentence_ordinal, span_start, span_end, text, speaker_id, "
    "speaker_name, speaker_role, form, sentence, search_text"
)
# Characters of records a writer holds in memory before it moves them to its TEMP tables.
MEMORY_LIMIT = 4_000_000
_STAGE = "temp.mickb_stage_"
_STAGE_TABLES = {
    "passages": 'ordinal, kind, text, start, "end"',
    "facts": _FACT_INSERT,
    "quotes": _QUOTE_INSERT.replace("id,", "id PRIMARY KEY,", 1),
}


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _json_ids(ids: list[str]) -> str:
    # json.dumps, without its cost for the plain ids every fact has (f + 11 hex digits).
    if not ids:
        return "[]"
    if all(i.isalnum() and i.isascii() for i in ids):
        return "[" + ", ".join(f'"{i}"' for i in ids) + "]"
    return json.dumps(ids, ensure_ascii=False)


class DocumentWriter:
    """One document's records on their way into the KB: they all land in one transaction,
    or none do.

    `add_passages` and `add` may be called many times (a big document comes in windows);
    `commit(meta)` opens the write transaction and stores everything. Until then records
    are staged: in memory up to `memory_limit` characters, beyond that in TEMP tables of
    this connection. TEMP tables take no lock on the KB, so other writers are not kept
    waiting while a big document is extracted, and memory stays bounded. The transaction
    moves everything in with one INSERT … SELECT per table: row by row, SQLite opens a
    statement savepoint for every row, and FTS5 flushes its in-memory index at each one,
    which made indexing several times slower. `close()` (also after commit) empties the
    stage; a writer closed without commit changes nothing.

    Quotes are stored in document order (sentence, then position); facts in the order given.
    """

    def __init__(
        self, kb: KB, sha256: str, path: str | None, *, memory_limit: int | None = None
    ) -> None:
        self._kb = kb
        self.sha256 = sha256
        self.source_id = "s" + sha256[:11]
        self.path = path
        self._limit = MEMORY_LIMIT if memory_limit is None else memory_limit
        self._held = 0  # characters held in the lists below
        self._passages: list[tuple[Any, ...]] = []
        self._facts: list[tuple[Any, ...]] = []
        self._quotes: list[tuple[Any, ...]] = []
        self._quote_ids: set[str] = set()
        self._speaker_ids: dict[tuple[str | None, str | None], str] = {}
        self._terms: Counter[str] = Counter()  # the document's vocabulary: held till commit
        self._passage_of = array("i")  # sentence ordinal -> passage ordinal (-1: unknown)
        self._passage_of_far: dict[int, int] = {}  # ordinals far beyond the others
        self._staged = False  # whether the TEMP tables hold records of this document
        self._closed = False

    # -- adding -------------------------------------------------------------------------------

    def add_passages(self, passages: Iterable[Passage]) -> None:
        source_id = self.source_id
        rows = self._passages
        for p in passages:
            rows.append((source_id, p.ordinal, p.kind, p.text, p.start, p.end))
            self._held += len(p.text)
        if self._held > self._limit:
            self._flush()

    def passages(self, batch: int = 512) -> Iterator[Passage]:
        """The passages added so far, in order (read back from the stage when staged)."""
        if not self._staged:
            for row in list(self._passages):
                yield _passage(row)
            return
        self._flush()
        last = 0
        conn = self._kb._conn
        while True:
            rows = conn.execute(
                f'SELECT rowid, ordinal, kind, text, start, "end" FROM {_STAGE}passages '
                "WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _passage(row)
            last = rows[-1][0]

    def add(
        self, facts: Iterable[Fact], quotes: Iterable[Quote], sentences: Iterable[Sentence] = ()
    ) -> None:
        """Records of the document; `sentences` tells the passage of each sentence ordinal
        (give the sentences of every window: a quote may come a window after its sentence)."""
        self._note_sentences(sentences)
        self._add_facts(facts)
        self._add_quotes(quotes)
        if self._held > self._limit:
            self._flush()

    def _note_sentences(self, sentences: Iterable[Sentence]) -> None:
        table = self._passage_of
        for s in sentences:
            n = len(table)
            if s.ordinal == n:
                table.append(s.passage)
            elif 0 <= s.ordinal < n:
                table[s.ordinal] = s.passage
            elif n < s.ordinal < n + 1024:
                table.extend([-1] * (s.ordinal - n))
                table.append(s.passage)
            else:
                self._passage_of_far[s.ordinal] = s.passage

    def _passage(self, sentence_ordinal: int) -> int | None:
        if 0 <= sentence_ordinal < len(self._passage_of):
            found = self._passage_of[sentence_ordinal]
            if found >= 0:
                return found
        return self._passage_of_far.get(sentence_ordinal)

    def _add_facts(self, facts: Iterable[Fact]) -> None:
        # Ids are unique per sentence and position, and a window holds whole sentences: the
        # duplicates an extractor may give come in the same call.
        identified: list[tuple[str, Fact]] = []
        seen: set[str] = set()
        for fact in facts:
            fid = fact.id or _make_id(
                self.sha256, "fact", fact.sentence_ordinal, fact.span[0], fact.value_text
            )
            if fid not in seen:
                seen.add(fid)
                identified.append((fid, fact))
        given = any(f.related for _, f in identified)
        by_position = {} if given else _related_by_position(identified)
        source_id = self.source_id
        count_terms = self._terms.update
        append = self._facts.append
        held = 0
        for fid, f in identified:
            search_text, record_terms = _fact_search(f)
            count_terms(record_terms)
            if given:
                related = [r for r in f.related if r in seen] if f.related else []
            else:
                related = by_position[fid]
            append(
                (
                    fid,
                    source_id,
                    self._passage(f.sentence_ordinal),
                    f.sentence_ordinal,
                    f.span[0],
                    f.span[1],
                    f.metric,
                    f.metric_en,
                    f.measure,
                    f.value,
                    f.unit,
                    f.value_text,
                    f.total,
                    f.qualifier,
                    f.base_value,
                    f.base_unit,
                    f.period,
                    f.compared_to,
                    f.direction,
                    f.sector,
                    _json_ids(related),
                    f.sentence,
                    search_text,
                )
            )
            held += len(f.sentence) + len(search_text)
        self._held += held

    def _add_quotes(self, quotes: Iterable[Quote]) -> None:
        source_id = self.source_id
        seen = self._quote_ids
        speaker_ids = self._speaker_ids
        for q in quotes:
            qid = q.id or _make_id(self.sha256, "quote", q.sentence_ordinal, q.span[0], q.text)
            if qid in seen:
                continue
            seen.add(qid)
            name, role = q.speaker.name, q.speaker.role
            speaker_id = None
            if name or role:
                speaker_id = speaker_ids.get((name, role))
                if speaker_id is None:
                    import hashlib

                    key = f"{self.sha256}|{name or ''}|{role or ''}"
                    speaker_id = "p" + hashlib.sha1(key.encode()).hexdigest()[:11]
                    speaker_ids[(name, role)] = speaker_id
            search_text, record_terms = _search_text([name, role, q.text, q.sentence])
            self._terms.update(record_terms)
            self._quotes.append(
                (
                    qid,
                    source_id,
                    self._passage(q.sentence_ordinal),
                    q.sentence_ordinal,
                    q.span[0],
                    q.span[1],
                    q.text,
                    speaker_id,
                    name,
                    role,
                    q.form,
                    q.sentence,
                    search_text,
                )
            )
            self._held += len(q.sentence) + len(search_text)

    # -- staging ------------------------------------------------------------------------------

    def _flush(self) -> None:
        """Move what is held in memory to the TEMP tables (they take no lock on the KB)."""
        if self._closed:
            raise RuntimeError("this document writer is closed")
        conn = self._kb._conn
        self._kb._stage_tables()
        conn.execute("BEGIN")
        try:
            if not self._staged:
                # Whatever an earlier writer left (it could not empty the stage inside someone
                # else's transaction) is not this document's.
                for name in _STAGE_TABLES:
                    conn.execute(f"DELETE FROM {_STAGE}{name}")
                self._staged = True
            conn.executemany(
                f'INSERT INTO {_STAGE}passages (ordinal, kind, text, start, "end") '
                f"VALUES ({_marks(5)})",
                (row[1:] for row in self._passages),
            )
            conn.executemany(
                f"INSERT INTO {_STAGE}facts ({_FACT_INSERT}) VALUES ({_marks(23)})", self._facts
            )
            conn.executemany(
                f"INSERT OR IGNORE INTO {_STAGE}quotes ({_QUOTE_INSERT}) VALUES ({_marks(13)})",
                self._quotes,
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self._passages.clear()
        self._facts.clear()
        self._quotes.clear()
        self._held = 0

    # -- committing ---------------------------------------------------------------------------

    def rows(self, meta: SourceMeta) -> dict[str, list[tuple[Any, ...]]]:
        """What commit inserts, as rows (only while nothing is staged)."""
        if self._staged:
            raise RuntimeError("the records are staged in TEMP tables; commit() them")
        quotes = sorted(self._quotes, key=lambda row: (row[3], row[4]))
        speakers: dict[str, tuple[Any, ...]] = {}
        for row in quotes:
            if row[7] is not None:
                speakers.setdefault(row[7], (row[7], row[8], row[9], self.source_id))
        return {
            "source": [self._source_row(meta, len(self._facts), len(quotes))],
            "passages": list(self._passages),
            "facts": list(self._facts),
            "speakers": list(speakers.values()),
            "quotes": quotes,
            "terms": list(self._terms.items()),
        }

    def _source_row(self, meta: SourceMeta, n_facts: int, n_quotes: int) -> tuple[Any, ...]:
        return (
            self.source_id,
            self.sha256,
            meta.title,
            meta.date,
            meta.url,
            meta.outlet,
            meta.author,
            self.path,
            n_facts,
            n_quotes,
        )

    def commit(self, meta: SourceMeta) -> AddResult:
        """Store the document in one transaction (replacing older versions from its url)."""
        kb = self._kb
        conn = kb._conn
        self._flush()
        with kb._write():
            if conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (self.sha256,)).fetchone():
                return AddResult(self.source_id, "unchanged", 0, 0, [])
            replaced: list[str] = []
            if meta.url:
                replaced = [
                    r[0]
                    for r in conn.execute(
                        "SELECT id FROM sources WHERE url = ? ORDER BY rowid", (meta.url,)
                    )
                ]
                for old in replaced:
                    kb._delete_source(old)
            n_facts, n_quotes = self._insert_staged(meta)
        kb._source_cache.pop(self.source_id, None)
        for old in replaced:
            kb._source_cache.pop(old, None)
        return AddResult(
            self.source_id, "replaced" if replaced else "added", n_facts, n_quotes, replaced
        )

    def _insert_staged(self, meta: SourceMeta) -> tuple[int, int]:
        """Inside the write transaction: everything staged, in add_document's order."""
        conn, source_id = self._kb._conn, self.source_id
        n_facts = conn.execute(f"SELECT count(*) FROM {_STAGE}facts").fetchone()[0]
        n_quotes = conn.execute(f"SELECT count(*) FROM {_STAGE}quotes").fetchone()[0]
        conn.execute(
            f"INSERT INTO sources ({_SOURCE_INSERT}) VALUES ({_marks(10)})",
            self._source_row(meta, n_facts, n_quotes),
        )
        conn.execute(
            f"INSERT INTO passages ({_PASSAGE_INSERT}) "
            f'SELECT ?, ordinal, kind, text, start, "end" FROM {_STAGE}passages ORDER BY rowid',
            (source_id,),
        )
        conn.execute(
            f"INSERT INTO facts ({_FACT_INSERT}) "
            f"SELECT {_FACT_INSERT} FROM {_STAGE}facts ORDER BY rowid"
        )
        # Speakers in the order of their first quote.
        conn.execute(
            f"INSERT INTO speakers ({_SPEAKER_INSERT}) "
            f"SELECT speaker_id, speaker_name, speaker_role, ? FROM {_STAGE}quotes "
            "WHERE speaker_id IS NOT NULL GROUP BY speaker_id "
            "ORDER BY min(sentence_ordinal), min(span_start), min(rowid)",
            (source_id,),
        )
        conn.execute(
            f"INSERT INTO quotes ({_QUOTE_INSERT}) "
            f"SELECT {_QUOTE_INSERT} FROM {_STAGE}quotes "
            "ORDER BY sentence_ordinal, span_start, rowid"
        )
        migrations.add_terms(conn, self._terms)
        return n_facts, n_quotes

    def close(self) -> None:
        """Empty the stage (the KB is as it was unless commit() ran)."""
        if self._closed:
            return
        self._closed = True
        self._passages.clear()
        self._facts.clear()
        self._quotes.clear()
        self._terms.clear()
        self._kb._writer_open = False
        if self._staged:
            self._kb._clear_stage()
            self._staged = False

    def __enter__(self) -> DocumentWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


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


def kb_error(exc: sqlite3.Error, path: Path) -> KBError:
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

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool, timeout: float):
        self._conn = conn
        self.path = path
        self.readonly = readonly
        self._timeout = timeout
        self._source_cache: dict[str, dict[str, Any]] = {}
        self.cache: dict[str, Any] = {}  # per-connection state of search.py (vocabulary, UDFs)
        self._writer_open = False  # a DocumentWriter is using the stage
        self._stage_ready = False
        self.schema_version = migrations.schema_version(conn)

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        readonly: bool = False,
        timeout: float = 30.0,
    ) -> KB:
        path = Path(path).expanduser()
        if path.is_dir():
            raise KBCorrupt(f"{path} is a folder, not a knowledge base file; pass the .sqlite file")
        if not path.exists():
            if not create or readonly:
                raise KBMissing(
                    f"no knowledge base at {path}; run 'mickb build' or 'mickb ingest', "
                    "or pass --db PATH"
                )
            path.parent.mkdir(parents=True, exist_ok=True)
        if readonly:
            return cls._open_readonly(path, timeout)
        return cls._open_writable(path, create=create, timeout=timeout)

    @classmethod
    def _open_writable(cls, path: Path, *, create: bool, timeout: float) -> KB:
        if path.exists() and not os.access(path, os.W_OK):
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
    def _open_readonly(cls, path: Path, timeout: float) -> KB:
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
    def _connect_readonly(path: Path, timeout: float) -> sqlite3.Connection:
        uri = path.resolve().as_uri()
        # A WAL-mode KB needs its -shm file; when the file is not ours to write (a shipped
        # package) and nobody can write it, immutable=1 reads it without one.
        options = ["mode=ro"]
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
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
    def _check_kind(conn: sqlite3.Connection, path: Path, *, create: bool) -> None:
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
    def _reading(self) -> Iterator[None]:
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
        writer = self.begin_document(doc.sha256, path=path)
        try:
            writer.add_passages(doc.passages)
            writer.add(facts, quotes, doc.sentences)
            return writer.commit(doc.meta)
        finally:
            writer.close()

    def begin_document(
        self, sha256: str, *, path: str | None = None, memory_limit: int | None = None
    ) -> DocumentWriter:
        """A writer for one document that arrives in parts (see DocumentWriter)."""
        if self.readonly:
            raise KBReadOnly(f"the knowledge base {self.path} was opened read-only")
        if self._writer_open:
            raise RuntimeError("a document is already being written; commit or close it first")
        self._writer_open = True
        return DocumentWriter(self, sha256, path, memory_limit=memory_limit)

    def _stage_tables(self) -> None:
        """The TEMP tables documents are staged in (made once per connection)."""
        if self._stage_ready:
            return
        for name, columns in _STAGE_TABLES.items():
            self._conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS mickb_stage_{name} ({columns})")
        self._stage_ready = True

    def _clear_stage(self) -> None:
        if self._conn.in_transaction:
            return  # never commit or roll back a transaction that is not ours
        for name in _STAGE_TABLES:
            self._conn.execute(f"DELETE FROM {_STAGE}{name}")

    def has_content(self, sha256: str) -> bool:
        """Whether a document with this content (Document.sha256) is in the KB already."""
        with self._reading():
            row = self._conn.execute("SELECT 1 FROM sources WHERE sha256 = ?", (sha256,))
            return row.fetchone() is not None

    def _rows_for(
        self,
        doc: Document,
        facts: list[Fact],
        quotes: list[Quote],
        source_id: str,
        path: str | None,
    ) -> dict[str, list[tuple[Any, ...]]]:
        """The rows add_document inserts (for tests that drive the transaction themselves)."""
        writer = DocumentWriter(self, doc.sha256, path, memory_limit=1 << 62)
        writer.source_id = source_id
        writer.add_passages(doc.passages)
        writer.add(facts, quotes, doc.sentences)
        rows = writer.rows(doc.meta)
        writer._closed = True  # never staged: nothing to empty, and the KB has no writer open
        return rows

    def _insert(self, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        c = self._conn
        c.executemany(
            f"INSERT INTO sources ({_SOURCE_INSERT}) VALUES ({_marks(10)})", rows["source"]
        )
        c.executemany(
            f"INSERT INTO passages ({_PASSAGE_INSERT}) VALUES ({_marks(6)})", rows["passages"]
        )
        c.executemany(f"INSERT INTO facts ({_FACT_INSERT}) VALUES ({_marks(23)})", rows["facts"])
        c.executemany(
            f"INSERT INTO speakers ({_SPEAKER_INSERT}) VALUES ({_marks(4)})", rows["speakers"]
        )
        c.executemany(f"INSERT INTO quotes ({_QUOTE_INSERT}) VALUES ({_marks(13)})", rows["quotes"])
        migrations.add_terms(c, Counter(dict(rows["terms"])))

    def _delete_source(self, source_id: str) -> None:
        c = self._conn
        terms: Counter[str] = Counter()
        for table in ("facts", "quotes"):
            for (text,) in c.execute(
                f"SELECT search_text FROM {table} WHERE source_id = ?", (source_id,)
            ):
                terms.update(migrations.index_terms(text or ""))
        migrations.add_terms(c, terms, sign=-1)
        for table in ("facts", "quotes", "speakers", "passages"):
            c.execute(f"DELETE FROM {table} WHERE source_id = ?", (source_id,))
        c.execute("DELETE FROM sources WHERE id = ?", (source_id,))

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
        with self._reading():
            cursor = self._conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources ORDER BY rowid")
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

    def stats(self) -> dict[str, Any]:
        with self._reading():
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
        with self._reading():
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
        with self._reading():
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
        with self._reading():
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
        with self._reading():
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
